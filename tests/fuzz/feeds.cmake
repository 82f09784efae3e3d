# Feed parsing fuzzer: parse_feed + to_json + html_to_text + dates + URLs.
herald_fuzzer(fuzz_feeds SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_feeds.cpp LIBS herald_feeds_parse)
