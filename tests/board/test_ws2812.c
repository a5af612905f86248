/* test_ws2812.c: the WS2812 strip part decodes high/low pulse trains driven
 * on its data pin by the MCU into colours: GRB order, the threshold, the
 * latch after a reset gap, partial and overflowing frames, RGBW. */
#include <string.h>

#include "board/bd_board.h"
#include "board/bd_part.h"
#include "tap.h"

static bd_board_t board;
static bd_pin_t *din;

static void setup(void) {
    CHECK_EQ(bd_board_init(&board, bd_board_def_find("rpi-pico")), BD_OK);
    int pad = bd_part_find_pad(&board, "GPIO2");
    CHECK(pad >= 0);
    din = bd_board_pin(&board, pad);
    CHECK_EQ(bd_pin_configure(din, BD_MODE_OUTPUT, BD_PULL_NONE), BD_OK);
}

static bd_part_t *strip(int count, int bpp) {
    bd_part_t *p = NULL;
    char err[128];
    CHECK_EQ(bd_part_new(&p, &board, "neopixel", "s"), BD_OK);
    CHECK_EQ(bd_part_attach(p, "din", (int)(din - board.pins), err, sizeof err), BD_OK);
    CHECK_EQ(bd_part_set_num(p, "count", count, err, sizeof err), BD_OK);
    CHECK_EQ(bd_part_set_num(p, "bpp", bpp, err, sizeof err), BD_OK);
    return p;
}

/* The MCU sends bytes as bitstream(pin, 0, (h0, l0, h1, l1), data) does. */
static void send(const uint8_t *data, size_t n, bd_time_t h0, bd_time_t l0, bd_time_t h1, bd_time_t l1) {
    bd_sched_t *s = &board.sched;
    for (size_t i = 0; i < n; i++)
        for (int b = 7; b >= 0; b--) {
            int one = (data[i] >> b) & 1;
            bd_pin_set_out(din, 1);
            bd_sched_run_until(s, s->now + (one ? h1 : h0), NULL);
            bd_pin_set_out(din, 0);
            bd_sched_run_until(s, s->now + (one ? l1 : l0), NULL);
        }
}

static void colors_are(bd_part_t *p, const char *want) {
    char buf[256];
    CHECK_EQ(bd_part_get_text(p, "colors", buf, sizeof buf), BD_OK);
    if (strcmp(buf, want)) printf("#   colors '%s', expected '%s'\n", buf, want);
    CHECK(!strcmp(buf, want));
}

static double num(bd_part_t *p, const char *a) {
    double v = -1;
    CHECK_EQ(bd_part_get_num(p, a, &v), BD_OK);
    return v;
}

TEST(grb_frame_latches_after_reset) {
    setup();
    bd_part_t *p = strip(3, 3);
    const uint8_t grb[] = {0x00, 0xff, 0x00, 0x80, 0x00, 0x00, 0x02, 0x01, 0x03};
    send(grb, sizeof grb, 400, 850, 800, 450);
    colors_are(p, "000000 000000 000000"); /* not latched yet */
    CHECK_EQ(num(p, "bits"), 72);
    bd_sched_run_until(&board.sched, board.sched.now + BD_US(49), NULL);
    CHECK_EQ(num(p, "frames"), 0);
    bd_sched_run_until(&board.sched, board.sched.now + BD_US(2), NULL);
    CHECK_EQ(num(p, "frames"), 1);
    colors_are(p, "ff0000 008000 010203");
    CHECK_EQ(num(p, "bits"), 0);
    bd_part_free(p);
    bd_board_free(&board);
}

TEST(partial_and_overflow) {
    setup();
    bd_part_t *p = strip(2, 3);
    const uint8_t a[] = {1, 2, 3, 4, 5, 6};
    send(a, sizeof a, 400, 850, 800, 450);
    bd_sched_run_until(&board.sched, board.sched.now + BD_US(60), NULL);
    colors_are(p, "020103 050406");
    /* four bytes: LED 0 gets a full word, LED 1 only one byte: it keeps its colour */
    const uint8_t b[] = {0x10, 0x20, 0x30, 0x40};
    send(b, sizeof b, 400, 850, 800, 450);
    bd_sched_run_until(&board.sched, board.sched.now + BD_US(60), NULL);
    colors_are(p, "201030 050406");
    /* nine bytes into two LEDs: 24 bits pass out of the end */
    const uint8_t c[] = {9, 9, 9, 9, 9, 9, 7, 7, 7};
    send(c, sizeof c, 400, 850, 800, 450);
    bd_sched_run_until(&board.sched, board.sched.now + BD_US(60), NULL);
    colors_are(p, "090909 090909");
    CHECK_EQ(num(p, "overflow"), 24);
    CHECK_EQ(num(p, "frames"), 3);
    bd_part_free(p);
    bd_board_free(&board);
}

TEST(rgbw_and_slow_timing) {
    setup();
    bd_part_t *p = strip(1, 4);
    char err[128];
    CHECK_EQ(bd_part_set(p, "threshold", "1200ns", err, sizeof err), BD_OK);
    const uint8_t d[] = {0x11, 0x22, 0x33, 0x44};
    send(d, sizeof d, 800, 1700, 1600, 900);
    bd_sched_run_until(&board.sched, board.sched.now + BD_US(60), NULL);
    colors_are(p, "22113344");
    CHECK(bd_part_set(p, "colors", "x", err, sizeof err) != BD_OK);
    CHECK(bd_part_set(p, "reset", "0ns", err, sizeof err) != BD_OK);
    bd_part_free(p);
    bd_board_free(&board);
}

int main(void) {
    RUN(grb_frame_latches_after_reset);
    RUN(partial_and_overflow);
    RUN(rgbw_and_slow_timing);
    return tap_done();
}
