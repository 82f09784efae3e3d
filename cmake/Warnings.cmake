# Warnings are errors for herald's own code. -Wnull-dereference is left out: in
# GCC 12 it fires at -O2 on inlined standard-library code (std::vector of a
# computed size, std::string appends), where no null pointer can occur. For the
# same reason GCC 12 gets -Wno-restrict: at -O3 it reports a bogus overlap inside
# std::string's operator+ (GCC bug 105651, fixed in GCC 13).
function(herald_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wconversion -Wno-sign-conversion
    -Wimplicit-fallthrough -Werror)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
endfunction()
