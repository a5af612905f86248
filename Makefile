# Breadboard build.  `make` builds ./breadboard; `make test` runs every suite;
# `make sanitize` builds with ASan+UBSan into build-san/ and runs the suite there.
CC ?= cc
.DEFAULT_GOAL := all
CSTD = -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE
WARN = -Wall -Wextra -Werror -Wno-unused-parameter
OPT ?= -O2
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) -g -Isrc $(CFLAGS)
LDLIBS = -lm

SRC_DIRS = src/py src/board src/modules src/cli
SRCS = $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*.c))
BUILD ?= build
OBJS = $(patsubst src/%.c,$(BUILD)/%.o,$(SRCS))
DEPS = $(OBJS:.o=.d)

# Frozen modules: tools/freeze.py packs the .py files under src/lib into a generated C table
# (src/py/frozen.h) linked into the binary.  The directories are prerequisites
# too, so adding or deleting a module regenerates the table.
FROZEN_PY = $(shell find src/lib -name '*.py' 2>/dev/null)
FROZEN_DIRS = $(shell find src/lib -type d 2>/dev/null)
OBJS += $(BUILD)/frozen_data.o

$(BUILD)/frozen_data.c: tools/freeze.py $(FROZEN_PY) $(FROZEN_DIRS)
	@mkdir -p $(BUILD)
	python3 tools/freeze.py src/lib $@

$(BUILD)/frozen_data.o: $(BUILD)/frozen_data.c src/py/frozen.h
	$(CC) $(CFLAGS_ALL) -c -o $@ $<
BIN ?= breadboard

all: $(BIN)

.PHONY: board-tests all run test test-fast sanitize bench format lint clean expected

$(BIN): $(OBJS)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

$(BUILD)/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

-include $(DEPS)

# The simulator's C unit tests (tests/board/test_*.c) build into $(BUILD)/board-tests.
include src/board/board.mk
BOARD_TEST_CFLAGS = $(OPT) -g $(CFLAGS)
board-tests: $(BOARD_TESTS)

run: $(BIN)
	$(abspath $(BIN)) examples/hello.py
	@echo "--- the reference's Blink Without Delay (tests/seed/time_millis.py) on the default board"
	@echo "--- (nano-rp2040), 5 s of virtual time; pin timeline below, waveform in blink.vcd:"
	$(abspath $(BIN)) --speed max --until 5s --vcd blink.vcd --trace - tests/seed/time_millis.py

test: $(BIN) $(BOARD_TESTS)
	python3 tests/run.py --bin $(abspath $(BIN)) --board-tests $(BUILD)/board-tests

sanitize:
	$(MAKE) BUILD=build-san BIN=breadboard-san OPT="-O1" \
	    CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    LDFLAGS="-fsanitize=address,undefined" all board-tests
	ASAN_OPTIONS=detect_leaks=1 python3 tests/run.py --bin ./breadboard-san --sanitizer --board-tests build-san/board-tests

bench: $(BIN)
	python3 bench/run.py --bin $(abspath $(BIN))

expected:
	python3 tests/gen_expected.py

format:
	clang-format -i $(SRCS) $(wildcard src/*/*.h)

clean:
	rm -rf build build-san breadboard breadboard-san
