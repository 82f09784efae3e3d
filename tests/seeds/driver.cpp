// herald-extract-dev: the `herald extract` code path as a small test driver,
// so the scorer can run before (and independently of) the daemon binary.
#include <iostream>

#include "processors/extract_cli.hpp"

int main(int argc, char** argv) {
    return herald::processors::extract_main(argc, argv, std::cout, std::cerr);
}
