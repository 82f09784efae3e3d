# Response header parsing (Retry-After, Cache-Control, Content-Type, URL redaction) and the
# scheduler fed with arbitrary outcomes.
herald_fuzzer(fuzz_feeds_fetch SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_feeds_fetch.cpp LIBS herald_feeds_fetch)
