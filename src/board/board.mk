# board.mk: the board simulator's sources and its C unit tests.
# Include from the main Makefile (`include src/board/board.mk`), or run alone:
#   make -f src/board/board.mk board-test
#   make -f src/board/board.mk board-test BOARD_TEST_CFLAGS="-O1 -g -fsanitize=address,undefined"
# Each test prints TAP lines ("ok N - name" / "not ok N - name") and exits
# non-zero on failure; board-test stops at the first failing test binary.
CC ?= cc
BUILD ?= build
BOARD_SRCS := $(wildcard src/board/*.c)
BOARD_HDRS := $(wildcard src/board/*.h) $(wildcard tests/board/*.h)
BOARD_TESTS := $(patsubst tests/board/%.c,$(BUILD)/board-tests/%,$(wildcard tests/board/test_*.c))
BOARD_TEST_CFLAGS ?= -O2 -g
BOARD_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -Wall -Wextra -Werror -Wno-unused-parameter \
    -Isrc -Itests/board $(BOARD_TEST_CFLAGS)

.PHONY: board-test

# The simulator is compiled once into a static library that every test links,
# rather than once per test program (most of CI's build time otherwise).
BOARD_LIB := $(BUILD)/board-tests/libbd.a
BOARD_LIB_OBJS := $(patsubst src/board/%.c,$(BUILD)/board-tests/obj/%.o,$(BOARD_SRCS))

$(BUILD)/board-tests/obj/%.o: src/board/%.c $(BOARD_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(BOARD_CFLAGS) -c -o $@ $<

$(BOARD_LIB): $(BOARD_LIB_OBJS)
	rm -f $@
	$(AR) rcs $@ $(BOARD_LIB_OBJS)

$(BUILD)/board-tests/%: tests/board/%.c $(BOARD_LIB) $(BOARD_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(BOARD_CFLAGS) -o $@ $< $(BOARD_LIB) -lm

board-test: $(BOARD_TESTS)
	@set -e; for t in $(BOARD_TESTS); do echo "# $$t"; $$t; done
