# Warnings are errors for herald's own code. -Wnull-dereference is left out: in
# GCC 12 it fires at -O2 on inlined standard-library code (std::vector of a
# computed size, std::string appends), where no null pointer can occur.
function(herald_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wconversion -Wno-sign-conversion
    -Wimplicit-fallthrough -Werror)
endfunction()
