/* test_uart.c: frame timing on the TX pad at 9600 and 115200 baud, parity
 * and stop bits, loopback and a wire between two UARTs, baud mismatch,
 * FIFO overrun, host injection on RX, the rp2 divider, breaks. */
#include <string.h>

#include "board/bd_uart.h"
#include "tap.h"

typedef struct {
    int n;
    bd_time_t t[256];
    int lv[256];
} edges_t;

static void on_edge(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) {
    edges_t *e = ctx;
    if (ev->kind != BD_PEV_EDGE) return;
    if (e->n < 256) e->t[e->n] = ev->time, e->lv[e->n] = ev->level;
    e->n++;
}

typedef struct {
    int n;
    uint16_t b[64];
    bd_time_t t[64];
} sink_t;

static void on_sink(void *ctx, bd_uart_t *u, uint16_t byte, bd_time_t t) {
    sink_t *s = ctx;
    if (s->n < 64) s->b[s->n] = byte, s->t[s->n] = t;
    s->n++;
}

static int rx_calls;
static void on_rx(void *ctx, bd_uart_t *u) { rx_calls++; }

static int pad(bd_board_t *b, const char *name) { return bd_board_pin_find(b, name, BD_FIND_SILK); }

static bd_time_t bit_at(uint32_t baud, unsigned i) { return (bd_time_t)((uint64_t)i * 1000000000ull / baud); }

TEST(frame_timing_9600) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("rpi-pico"));
    bd_uart_t u;
    CHECK_EQ(bd_uart_init(&u, &b, "uart0"), BD_OK);
    bd_uart_cfg_t c = {9600, 8, BD_PARITY_NONE, 1};
    CHECK_EQ(bd_uart_configure(&u, &c), BD_OK);
    int tx = pad(&b, "GP0");
    CHECK_EQ(bd_uart_attach_pins(&u, tx, pad(&b, "GP1")), BD_OK);
    CHECK_EQ(bd_pin_level(bd_board_pin(&b, tx)), 1); /* idle high */
    static edges_t e;
    e.n = 0;
    bd_pin_listen(bd_board_pin(&b, tx), BD_PEV_EDGE, on_edge, &e, NULL);
    sink_t s = {0};
    bd_uart_set_sink(&u, on_sink, &s);
    /* 'U' = 0x55: start 0, then 1 0 1 0 1 0 1 0 (LSB first), stop 1: an
     * edge at every bit boundary 0..9 */
    uint8_t data[2] = {0x55, 0x55};
    CHECK_EQ(bd_uart_write(&u, data, 2), 2);
    CHECK_EQ(bd_uart_tx_pending(&u), 2);
    CHECK_EQ(bd_uart_tx_done_time(&u), bit_at(9600, 20));
    bd_sched_run_until(&b.sched, BD_MS(10), NULL);
    CHECK_EQ(e.n, 20);
    int bad = 0;
    for (int i = 0; i < 20 && i < e.n; i++)
        if (e.t[i] != bit_at(9600, (unsigned)i) || e.lv[i] != (i & 1)) bad++;
    CHECK_EQ(bad, 0);
    CHECK_EQ(s.n, 2);
    CHECK_EQ(s.b[0], 0x55);
    CHECK_EQ(s.t[0], bit_at(9600, 10)); /* delivered when the stop bit ends */
    CHECK_EQ(s.t[1], bit_at(9600, 20)); /* back to back, no drift */
    CHECK_EQ(bd_uart_tx_pending(&u), 0);
    CHECK_EQ(bd_uart_frame_ns(&u), 1041667);
    bd_uart_free(&u);
    bd_board_free(&b);
}

TEST(frame_timing_115200_parity_stop) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("rpi-pico"));
    bd_uart_t u;
    bd_uart_init(&u, &b, "uart1");
    bd_uart_cfg_t c = {115200, 8, BD_PARITY_EVEN, 2};
    bd_uart_configure(&u, &c);
    int tx = pad(&b, "GP4");
    bd_uart_attach_pins(&u, tx, -1);
    static edges_t e;
    e.n = 0;
    bd_pin_listen(bd_board_pin(&b, tx), BD_PEV_EDGE, on_edge, &e, NULL);
    bd_sched_advance(&b.sched, 777);
    uint8_t x = 0x01; /* start 0 | 1 0000000 | parity (even, one 1) 1 | stop 1 1 */
    bd_uart_write(&u, &x, 1);
    bd_sched_run_until(&b.sched, BD_MS(1), NULL);
    CHECK_EQ(e.n, 4);
    CHECK_EQ(e.t[0], 777);                     /* start: fall */
    CHECK_EQ(e.t[1], 777 + bit_at(115200, 1)); /* bit0 = 1: rise */
    CHECK_EQ(e.t[2], 777 + bit_at(115200, 2)); /* bit1 = 0: fall */
    CHECK_EQ(e.t[3], 777 + bit_at(115200, 9)); /* parity 1: rise, stays for 2 stops */
    CHECK_EQ(e.lv[3], 1);
    bd_uart_free(&u);
    bd_board_free(&b);
}

TEST(loopback_and_wire) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("rpi-pico"));
    bd_uart_t a, c;
    bd_uart_init(&a, &b, "uart0");
    bd_uart_init(&c, &b, "uart1");
    bd_uart_connect(&a, &a); /* loopback */
    bd_uart_connect(&a, &c); /* and a wire to another UART */
    bd_uart_set_rx_callback(&c, on_rx, NULL);
    rx_calls = 0;
    const char *msg = "hello";
    CHECK_EQ(bd_uart_write(&a, (const uint8_t *)msg, 5), 5);
    CHECK_EQ(bd_uart_rx_count(&c), 0);
    bd_sched_run_until(&b.sched, bit_at(115200, 10) - 1, NULL);
    CHECK_EQ(bd_uart_rx_count(&c), 0); /* not before its frame ends */
    bd_sched_run_until(&b.sched, bit_at(115200, 10), NULL);
    CHECK_EQ(bd_uart_rx_count(&c), 1);
    bd_sched_run_until(&b.sched, BD_MS(5), NULL);
    CHECK_EQ(bd_uart_rx_count(&a), 5);
    CHECK_EQ(bd_uart_rx_count(&c), 5);
    CHECK_EQ(rx_calls, 5);
    uint8_t buf[8] = {0};
    CHECK_EQ(bd_uart_read(&c, buf, 3), 3);
    CHECK(memcmp(buf, "hel", 3) == 0);
    CHECK_EQ(bd_uart_rx_count(&c), 2);
    CHECK_EQ(bd_uart_read(&c, buf, 8), 2);
    CHECK(memcmp(buf, "lo", 2) == 0);
    CHECK_EQ(bd_uart_read_byte(&c), -1);
    CHECK_EQ(c.framing_errors, 0);

    /* baud mismatch: garbage and framing errors, as on hardware */
    bd_uart_cfg_t slow = {9600, 8, BD_PARITY_NONE, 1};
    bd_uart_configure(&c, &slow);
    bd_uart_disconnect(&a, &a);
    bd_uart_write(&a, (const uint8_t *)"A", 1);
    bd_sched_run_until(&b.sched, BD_MS(10), NULL);
    CHECK_EQ(bd_uart_rx_count(&c), 1);
    CHECK(bd_uart_read_byte(&c) != 'A');

    /* overrun: a 4-byte FIFO keeps the first 4 */
    bd_uart_cfg_t fast = {115200, 8, BD_PARITY_NONE, 1};
    bd_uart_configure(&c, &fast);
    bd_uart_set_buffers(&c, 0, 4);
    bd_uart_write(&a, (const uint8_t *)"123456", 6);
    bd_sched_run_until(&b.sched, BD_MS(20), NULL);
    CHECK_EQ(bd_uart_rx_count(&c), 4);
    CHECK_EQ(c.overruns, 2);
    CHECK_EQ(bd_uart_read_byte(&c), '1');

    /* a full TX queue takes what fits */
    bd_uart_set_buffers(&a, 2, 0);
    CHECK_EQ(bd_uart_write(&a, (const uint8_t *)"xyz", 3), 2); /* the queue holds 2 */
    bd_uart_free(&a);
    bd_uart_free(&c);
    bd_board_free(&b);
}

TEST(inject_on_rx_pad) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("rpi-pico"));
    bd_uart_t u;
    bd_uart_init(&u, &b, "uart0");
    int rx = pad(&b, "GP1");
    bd_uart_attach_pins(&u, pad(&b, "GP0"), rx);
    static edges_t e;
    e.n = 0;
    bd_pin_listen(bd_board_pin(&b, rx), BD_PEV_EDGE, on_edge, &e, NULL);
    CHECK_EQ(bd_uart_inject(&u, (const uint8_t *)"\x0f", 1), 1);
    bd_sched_run_until(&b.sched, BD_MS(1), NULL);
    CHECK_EQ(bd_uart_read_byte(&u), 0x0f);
    /* pad pulled down at reset: driven high, start bit, 4 ones, 4 zeros, stop */
    CHECK(e.n >= 4);
    CHECK_EQ(e.lv[0], 1);
    CHECK_EQ(e.t[1], 0);
    CHECK_EQ(e.t[2], bit_at(115200, 1));
    CHECK_EQ(e.t[3], bit_at(115200, 5));
    bd_uart_free(&u);
    bd_board_free(&b);
}

TEST(rp2_divider) {
    uint64_t num, den;
    uint32_t actual = bd_uart_rp2_baud(125000000, 115200, &num, &den);
    CHECK(actual > 115000 && actual < 115400);
    CHECK(num / den > 8670 && num / den < 8690); /* ~8681 ns a bit */
    CHECK_EQ(bd_uart_rp2_baud(125000000, 9600, NULL, NULL), 9600);
    bd_uart_cfg_t bad = {9600, 10, 0, 1};
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("rpi-pico"));
    bd_uart_t u;
    bd_uart_init(&u, &b, "u");
    CHECK_EQ(bd_uart_configure(&u, &bad), BD_ERR_INVAL);
    bad.bits = 8, bad.stop = 3;
    CHECK_EQ(bd_uart_configure(&u, &bad), BD_ERR_INVAL);
    CHECK_EQ(bd_uart_set_bit_time(&u, num, den), BD_OK);
    bd_uart_free(&u);
    bd_board_free(&b);
}

/* A break: TX held low (refused while data is queued), and a receiver
 * that sees the line low for a whole frame counts a break and stores 0. */
TEST(break_send_and_detect) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("rpi-pico"));
    bd_uart_t a, c;
    bd_uart_init(&a, &b, "uart0");
    bd_uart_init(&c, &b, "uart1");
    bd_uart_cfg_t c96 = {9600, 8, BD_PARITY_NONE, 1};
    bd_uart_configure(&c, &c96);
    int tx = pad(&b, "GP0");
    CHECK_EQ(bd_uart_attach_pins(&a, tx, -1), BD_OK);
    bd_uart_write(&a, (const uint8_t *)"x", 1);
    CHECK_EQ(bd_uart_set_break(&a, true), BD_ERR_BUSY); /* after the data */
    bd_sched_run_until(&b.sched, BD_MS(1), NULL);
    CHECK_EQ(bd_uart_set_break(&a, true), BD_OK);
    CHECK_EQ(bd_pin_level(bd_board_pin(&b, tx)), 0);
    CHECK_EQ(bd_uart_set_break(&a, false), BD_OK);
    CHECK_EQ(bd_pin_level(bd_board_pin(&b, tx)), 1);

    /* the line low for two frames: one break, a 0 byte, a framing error */
    bd_time_t frame = bd_uart_frame_ns(&c), t0 = BD_MS(2);
    bd_sched_run_until(&b.sched, t0, NULL);
    bd_uart_rx_reset(&c, 1); /* the line idle high */
    bd_uart_rx_line(&c, 0);
    bd_sched_run_until(&b.sched, t0 + 2 * frame, NULL);
    bd_uart_rx_line(&c, 1);
    bd_sched_run_until(&b.sched, t0 + 3 * frame, NULL);
    CHECK_EQ(c.breaks, 1);
    CHECK_EQ(c.framing_errors, 1);
    CHECK_EQ(bd_uart_read_byte(&c), 0);
    CHECK_EQ(bd_uart_read_byte(&c), -1); /* the line rising is no new frame */
    /* a 0x00 byte with its stop bit high is data, not a break */
    bd_uart_rx_line(&c, 0);
    bd_sched_run_until(&b.sched, t0 + 3 * frame + frame * 9 / 10, NULL);
    bd_uart_rx_line(&c, 1);
    bd_sched_run_until(&b.sched, t0 + 5 * frame, NULL);
    CHECK_EQ(c.breaks, 1);
    CHECK_EQ(bd_uart_read_byte(&c), 0);
    bd_uart_free(&a);
    bd_uart_free(&c);
    bd_board_free(&b);
}

int main(void) {
    RUN(frame_timing_9600);
    RUN(frame_timing_115200_parity_stop);
    RUN(loopback_and_wire);
    RUN(inject_on_rx_pad);
    RUN(rp2_divider);
    RUN(break_send_and_detect);
    return tap_done();
}
