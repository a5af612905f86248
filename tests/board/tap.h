/* tap.h: a minimal TAP producer for the board's C unit tests.
 *
 * TEST(name) defines a test; RUN(name) runs it and prints "ok N - name" or
 * "not ok N - name"; CHECK(cond) records a failure with file:line and goes
 * on; tap_done() prints the plan and returns the exit status (non-zero if
 * anything failed).  Test-only code: globals are fine here.
 */
#ifndef TAP_H
#define TAP_H

#include <stdio.h>

static int tap_count, tap_failed_tests, tap_cur_failed;

#define CHECK(cond)                                                                                          \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            printf("#   %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);                              \
            tap_cur_failed = 1;                                                                              \
        }                                                                                                    \
    } while (0)

#define CHECK_EQ(a, b)                                                                                       \
    do {                                                                                                     \
        long long a_ = (long long)(a), b_ = (long long)(b);                                                  \
        if (a_ != b_) {                                                                                      \
            printf("#   %s:%d: %s == %lld, expected %s == %lld\n", __FILE__, __LINE__, #a, a_, #b, b_);      \
            tap_cur_failed = 1;                                                                              \
        }                                                                                                    \
    } while (0)

#define TEST(name) static void name(void)

#define RUN(name)                                                                                            \
    do {                                                                                                     \
        tap_cur_failed = 0;                                                                                  \
        name();                                                                                              \
        tap_count++;                                                                                         \
        if (tap_cur_failed) tap_failed_tests++;                                                              \
        printf("%sok %d - %s\n", tap_cur_failed ? "not " : "", tap_count, #name);                            \
        fflush(stdout);                                                                                      \
    } while (0)

static inline int tap_done(void) {
    printf("1..%d\n", tap_count);
    if (tap_failed_tests) printf("# %d of %d failed\n", tap_failed_tests, tap_count);
    return tap_failed_tests ? 1 : 0;
}

#endif
