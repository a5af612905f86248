# Breadboard build.  `make` builds ./breadboard; `make test` runs every suite;
# `make sanitize` builds with ASan+UBSan into build-san/ and runs the suite there.
CC ?= cc
CSTD = -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE
WARN = -Wall -Wextra -Werror -Wno-unused-parameter
OPT ?= -O2
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) -g -Isrc $(CFLAGS)
LDLIBS = -lm

SRC_DIRS = src/py src/modules src/cli
SRCS = $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*.c))
BUILD ?= build
OBJS = $(patsubst src/%.c,$(BUILD)/%.o,$(SRCS))
DEPS = $(OBJS:.o=.d)
BIN ?= breadboard

.PHONY: all run test test-fast sanitize bench format lint clean expected

all: $(BIN)

$(BIN): $(OBJS)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

$(BUILD)/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

-include $(DEPS)

run: $(BIN)
	./$(BIN) examples/hello.py

test: $(BIN)
	python3 tests/run.py --bin ./$(BIN)

sanitize:
	$(MAKE) BUILD=build-san BIN=breadboard-san OPT="-O1" \
	    CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    LDFLAGS="-fsanitize=address,undefined"
	ASAN_OPTIONS=detect_leaks=1 python3 tests/run.py --bin ./breadboard-san --sanitizer

bench: $(BIN)
	python3 bench/run.py --bin ./$(BIN)

expected:
	python3 tests/gen_expected.py

format:
	clang-format -i $(SRCS) $(wildcard src/*/*.h)

clean:
	rm -rf build build-san breadboard breadboard-san
