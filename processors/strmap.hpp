// Hash containers keyed by std::string that can be probed with a string_view
// without allocating (C++20 heterogeneous lookup).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace herald::processors {

struct SvHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};

using StrSet = std::unordered_set<std::string, SvHash, std::equal_to<>>;
template <class T>
using StrMap = std::unordered_map<std::string, T, SvHash, std::equal_to<>>;

}  // namespace herald::processors
