# libFuzzer target for the extraction pipeline (preset "fuzz").
herald_fuzzer(fuzz_processors SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_processors.cpp LIBS herald_processors)
target_compile_definitions(fuzz_processors PRIVATE HERALD_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
