# Warnings are errors for herald's own code.
function(herald_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wconversion -Wno-sign-conversion -Wnull-dereference
    -Wimplicit-fallthrough -Werror)
endfunction()
