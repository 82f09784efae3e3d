# The two front-door commands (README.md). Both install what they need first.
#   make run    build, start a local broker, poll the bundled sample feeds, show the events
#   make test   the whole test suite under AddressSanitizer + UBSan (what CI runs)
SHELL := /bin/bash
JOBS ?= $(shell nproc)

.PHONY: run test deps format
deps:
	bash scripts/install-deps.sh

run: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS) --target herald kafka-dev-broker
	bash scripts/demo.sh build/release

test: deps
	bash scripts/test.sh

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i
