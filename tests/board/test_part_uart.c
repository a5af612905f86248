/* test_part_uart.c: the `uart` part (the far end of a UART) against the
 * MCU's UART model on real pads: loopback timing, the send gate (start,
 * wait_uart), gaps, baud/parity mismatches decoded bit by bit, terminal
 * mode through a test terminal, send_file and log, trace lines, attribute
 * errors; and the UART's own pad decoder (a wire from TX to RX, glitches). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "board/bd_board.h"
#include "board/bd_part.h"
#include "board/bd_part_uart.h"
#include "board/bd_parts_file.h"
#include "board/bd_trace.h"
#include "board/bd_uart.h"
#include "tap.h"

static bd_board_t board;
static bd_uart_t mcu; /* the MCU's UART0: TX on GP0, RX on GP1 */

/* What the MCU's UART stored, and when. */
typedef struct {
    int n;
    uint16_t b[64];
    bd_time_t t[64];
} got_t;
static got_t got;

static void on_mcu_rx(void *ctx, bd_uart_t *u) {
    int v;
    while ((v = bd_uart_read_byte(u)) >= 0) {
        if (got.n < 64) got.b[got.n] = (uint16_t)v, got.t[got.n] = board.sched.now;
        got.n++;
    }
}

static int pad(const char *name) {
    int i = bd_part_find_pad(&board, name);
    CHECK(i >= 0);
    return i;
}

static void setup_board(uint32_t baud, int parity) {
    CHECK_EQ(bd_board_init(&board, bd_board_def_find("rpi-pico")), BD_OK);
    CHECK_EQ(bd_uart_init(&mcu, &board, "uart0"), BD_OK);
    bd_uart_cfg_t c = {baud, 8, (uint8_t)parity, 1};
    CHECK_EQ(bd_uart_configure(&mcu, &c), BD_OK);
    memset(&got, 0, sizeof got);
    bd_uart_set_rx_callback(&mcu, on_mcu_rx, NULL);
}

static void mcu_attach(void) { CHECK_EQ(bd_uart_attach_pins(&mcu, pad("GP0"), pad("GP1")), BD_OK); }

static void teardown(void) {
    bd_uart_free(&mcu);
    bd_board_free(&board);
}

/* A peer wired the usual way: its rx on the MCU's TX, its tx on the MCU's RX. */
static bd_part_t *peer(const char *settings[][2]) {
    bd_part_t *p = NULL;
    CHECK_EQ(bd_part_new(&p, &board, "uart", "peer1"), BD_OK);
    char err[256] = "";
    for (int i = 0; settings && settings[i][0]; i++) {
        bd_status_t st = bd_part_set(p, settings[i][0], settings[i][1], err, sizeof err);
        if (st != BD_OK) printf("# %s\n", err);
        CHECK_EQ(st, BD_OK);
    }
    CHECK_EQ(bd_part_attach(p, "rx", pad("GP0"), err, sizeof err), BD_OK);
    CHECK_EQ(bd_part_attach(p, "tx", pad("GP1"), err, sizeof err), BD_OK);
    return p;
}

static double num(const bd_part_t *p, const char *attr) {
    double v = -12345;
    CHECK_EQ(bd_part_get_num(p, attr, &v), BD_OK);
    return v;
}

static const char *text(const bd_part_t *p, const char *attr) {
    static char buf[512];
    CHECK_EQ(bd_part_get_text(p, attr, buf, sizeof buf), BD_OK);
    return buf;
}

static void run_to(bd_time_t t) { CHECK_EQ(bd_sched_run_until(&board.sched, t, NULL), BD_OK); }

static bool near(bd_time_t t, double want_ns) { return fabs((double)t - want_ns) <= 2.0; }

TEST(loopback_echoes_with_bit_timing) {
    setup_board(115200, BD_PARITY_NONE);
    mcu_attach();
    const char *s[][2] = {{"mode", "loopback"}, {NULL, NULL}};
    bd_part_t *p = peer(s);
    CHECK_EQ(bd_uart_write(&mcu, (const uint8_t *)"hi", 2), 2);
    run_to(BD_MS(5));
    CHECK_EQ(got.n, 2);
    CHECK_EQ(got.b[0], 'h');
    CHECK_EQ(got.b[1], 'i');
    /* the part stores 'h' at the centre of its stop bit (9.5 bits), its echo
     * starts there, and the MCU stores it at that frame's stop centre */
    double bit = 1e9 / 115200;
    CHECK(near(got.t[0], 19 * bit));
    CHECK(near(got.t[1], 29 * bit));
    CHECK(strcmp(text(p, "received"), "hi") == 0);
    CHECK_EQ(num(p, "received_count"), 2);
    CHECK_EQ(num(p, "sent"), 2);
    CHECK_EQ(num(p, "pending"), 0);
    CHECK_EQ(num(p, "framing_errors"), 0);
    bd_part_free(p);
    teardown();
}

TEST(gate_waits_for_the_mcu_uart_and_start) {
    setup_board(115200, BD_PARITY_NONE);
    const char *s[][2] = {{"send", "ok"}, {"start", "5ms"}, {NULL, NULL}};
    bd_part_t *p = peer(s);
    CHECK_EQ(num(p, "pending"), 2);
    run_to(BD_MS(2));
    mcu_attach(); /* the script makes GP1 a UART pin at 2 ms */
    run_to(BD_MS(4));
    CHECK_EQ(got.n, 0); /* start=5ms still holds it */
    CHECK_EQ(num(p, "pending"), 2);
    run_to(BD_MS(10));
    CHECK_EQ(got.n, 2);
    CHECK(got.n == 2 && got.b[0] == 'o' && got.b[1] == 'k');
    double bit = 1e9 / 115200;
    CHECK(near(got.t[0], 5e6 + 9.5 * bit));
    CHECK(near(got.t[1], 5e6 + 19.5 * bit));
    CHECK_EQ(num(p, "sent"), 2);
    /* without wait_uart nothing waits for the MCU: bytes sent into a pad
     * that is no UART yet are lost, as on hardware */
    bd_part_t *q = NULL;
    char err[128];
    CHECK_EQ(bd_part_new(&q, &board, "uart", "early"), BD_OK);
    CHECK_EQ(bd_part_set(q, "wait_uart", "0", err, sizeof err), BD_OK);
    CHECK_EQ(bd_part_set(q, "send", "x", err, sizeof err), BD_OK);
    CHECK_EQ(bd_part_attach(q, "tx", pad("GP5"), err, sizeof err), BD_OK);
    run_to(BD_MS(11));
    CHECK_EQ(num(q, "sent"), 1);
    bd_part_free(q);
    bd_part_free(p);
    teardown();
}

TEST(gap_between_bytes) {
    setup_board(115200, BD_PARITY_NONE);
    mcu_attach();
    const char *s[][2] = {{"gap", "1ms"}, {NULL, NULL}};
    bd_part_t *p = peer(s);
    char err[128];
    CHECK_EQ(bd_part_set(p, "send", "ab", err, sizeof err), BD_OK);
    run_to(BD_MS(5));
    CHECK_EQ(got.n, 2);
    double bit = 1e9 / 115200;
    CHECK(near(got.t[0], 9.5 * bit));
    /* frame end (10 bits), 1 ms idle, then the next frame */
    CHECK(near(got.t[1], 10 * bit + 1e6 + 9.5 * bit));
    bd_part_free(p);
    teardown();
}

TEST(baud_mismatch_garbles) {
    setup_board(115200, BD_PARITY_NONE);
    mcu_attach();
    const char *s[][2] = {{"baud", "9600"}, {NULL, NULL}};
    bd_part_t *p = peer(s);
    CHECK_EQ(bd_uart_write(&mcu, (const uint8_t *)"hello", 5), 5);
    run_to(BD_MS(20));
    CHECK(num(p, "received_count") >= 1);
    CHECK(strcmp(text(p, "received"), "hello") != 0);
    /* the other way: 'A' at 9600 into a 115200 receiver: its start bit alone
     * lasts twelve of the receiver's frames: 0x00 with a low stop bit */
    char err[128];
    CHECK_EQ(bd_part_set(p, "send", "A", err, sizeof err), BD_OK);
    run_to(BD_MS(40));
    CHECK(got.n >= 1);
    CHECK_EQ(got.b[0], 0x00);
    CHECK(mcu.framing_errors >= 1);
    /* matching rates: clean */
    CHECK_EQ(bd_part_set(p, "baud", "115200", err, sizeof err), BD_OK);
    bd_part_reset(p);
    got.n = 0;
    mcu.framing_errors = 0;
    CHECK_EQ(bd_uart_write(&mcu, (const uint8_t *)"hello", 5), 5);
    CHECK_EQ(bd_part_set(p, "send", "A", err, sizeof err), BD_OK);
    run_to(BD_MS(60));
    CHECK(strcmp(text(p, "received"), "hello") == 0);
    CHECK_EQ(num(p, "framing_errors"), 0);
    CHECK(got.n == 1 && got.b[0] == 'A');
    CHECK_EQ(mcu.framing_errors, 0);
    bd_part_free(p);
    teardown();
}

TEST(parity_mismatch) {
    /* the part sends 8E1, the MCU expects 8N1: the parity bit of 0x03 (two
     * ones: even parity 0) sits where the MCU samples its stop bit */
    setup_board(115200, BD_PARITY_NONE);
    mcu_attach();
    const char *s[][2] = {{"parity", "even"}, {"send", "\x03"}, {NULL, NULL}};
    bd_part_t *p = peer(s);
    run_to(BD_MS(1));
    CHECK(got.n == 1 && got.b[0] == 0x03);
    CHECK_EQ(mcu.framing_errors, 1);
    /* 0x07 has parity bit 1: no error seen by an 8N1 receiver */
    char err[128];
    CHECK_EQ(bd_part_set(p, "send", "\x07", err, sizeof err), BD_OK);
    run_to(BD_MS(2));
    CHECK(got.n == 2 && got.b[1] == 0x07);
    CHECK_EQ(mcu.framing_errors, 1);
    /* and the part, 8E1, hearing the MCU's 8O1 frames: parity errors */
    bd_uart_cfg_t c = {115200, 8, BD_PARITY_ODD, 1};
    bd_uart_configure(&mcu, &c);
    bd_uart_write(&mcu, (const uint8_t *)"\x01", 1);
    run_to(BD_MS(3));
    CHECK_EQ(num(p, "received_count"), 1);
    CHECK_EQ(num(p, "parity_errors"), 1);
    CHECK(strcmp(text(p, "received"), "\\x01") == 0);
    bd_part_free(p);
    teardown();
}

/* A test terminal: typed bytes in chunks, what the MCU sent. */
typedef struct {
    const char *chunks[4];
    int next, zeros_left;
    char out[64];
    size_t out_len;
    int reads;
} term_t;

static long term_read(void *ctx, uint8_t *buf, size_t n) {
    term_t *t = ctx;
    t->reads++;
    if (t->zeros_left > 0) {
        t->zeros_left--;
        return 0;
    }
    const char *c = t->chunks[t->next];
    if (!c) return -1;
    t->next++;
    size_t k = strlen(c) < n ? strlen(c) : n;
    memcpy(buf, c, k);
    return (long)k;
}

static void term_write(void *ctx, const uint8_t *data, size_t n) {
    term_t *t = ctx;
    for (size_t i = 0; i < n && t->out_len + 1 < sizeof t->out; i++) t->out[t->out_len++] = (char)data[i];
}

TEST(terminal_mode) {
    setup_board(115200, BD_PARITY_NONE);
    const char *s[][2] = {{"mode", "terminal"}, {NULL, NULL}};
    bd_part_t *p = peer(s);
    CHECK(bd_part_uart_is_terminal(p));
    term_t t = {{"ab", "c\n", NULL, NULL}, 0, 2, "", 0, 0};
    bd_uart_term_t host = {term_write, term_read, &t};
    CHECK(bd_part_uart_set_terminal(p, &host));
    CHECK_EQ(t.reads, 0); /* the gate is shut: nobody asks yet */
    mcu_attach();
    run_to(BD_MS(1));
    CHECK_EQ(got.n, 0); /* two "nothing typed yet" answers: asked again at 10 ms, 20 ms */
    run_to(BD_MS(30));
    CHECK_EQ(got.n, 4);
    CHECK(got.b[0] == 'a' && got.b[1] == 'b' && got.b[2] == 'c' && got.b[3] == '\n');
    /* chunks join up: back to back from the 20 ms poll */
    double bit = 1e9 / 115200;
    CHECK(near(got.t[0], 2e7 + 9.5 * bit));
    CHECK(near(got.t[2], 2e7 + 29.5 * bit));
    CHECK_EQ(t.next, 2);
    int reads = t.reads;
    run_to(BD_MS(100));
    CHECK_EQ(t.reads, reads); /* input ended (-1): no more asking */
    bd_uart_write(&mcu, (const uint8_t *)"OK\r\n", 4);
    run_to(BD_MS(101));
    CHECK_EQ(t.out_len, 4);
    CHECK(memcmp(t.out, "OK\r\n", 4) == 0);
    CHECK(strcmp(text(p, "received"), "OK\r\n") == 0);
    CHECK(!bd_part_uart_set_terminal(NULL, &host));
    bd_part_free(p);
    teardown();
}

TEST(send_file_and_log) {
    setup_board(115200, BD_PARITY_NONE);
    mcu_attach();
    char in[] = "/tmp/test_part_uart_inXXXXXX", logp[] = "/tmp/test_part_uart_logXXXXXX";
    int fd = mkstemp(in);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "AT\r\0\xff", 5), 5);
    close(fd);
    fd = mkstemp(logp);
    CHECK(fd >= 0);
    close(fd);
    const char *s[][2] = {{"mode", "file"}, {"send_file", in}, {"log", logp}, {NULL, NULL}};
    bd_part_t *p = peer(s);
    run_to(BD_MS(1));
    CHECK_EQ(got.n, 5);
    CHECK(got.b[0] == 'A' && got.b[3] == 0 && got.b[4] == 0xff);
    bd_uart_write(&mcu, (const uint8_t *)"x\0\n", 3);
    run_to(BD_MS(2));
    CHECK(strcmp(text(p, "received"), "x\\x00\n") == 0);
    CHECK(strcmp(text(p, "mode"), "file") == 0);
    CHECK(strcmp(text(p, "send_file"), in) == 0);
    bd_part_free(p); /* closes the log */
    FILE *f = fopen(logp, "rb");
    CHECK(f != NULL);
    char buf[16] = {0};
    size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (f) fclose(f);
    CHECK_EQ(n, 3);
    CHECK(memcmp(buf, "x\0\n", 3) == 0);
    unlink(in);
    unlink(logp);
    teardown();
}

TEST(trace_lines) {
    setup_board(115200, BD_PARITY_NONE);
    char *mem = NULL;
    size_t memlen = 0;
    FILE *ms = open_memstream(&mem, &memlen);
    bd_trace_t *tr;
    CHECK_EQ(bd_trace_open_stream(&tr, ms), BD_OK);
    CHECK_EQ(bd_trace_attach_board(tr, &board), BD_OK);
    CHECK(board.trace == tr);
    mcu_attach();
    const char *s[][2] = {{"mode", "loopback"}, {"baud", "57600"}, {NULL, NULL}};
    bd_part_t *p = peer(s);
    bd_uart_write(&mcu, (const uint8_t *)"U", 1);
    run_to(BD_MS(2));
    bd_part_free(p);
    CHECK_EQ(bd_trace_close(tr), BD_OK);
    CHECK(board.trace == NULL);
    fclose(ms);
    /* 'U' at 115200 read at 57600: garbage, flagged */
    CHECK(mem && strstr(mem, " peer1 rx 0x") != NULL);
    CHECK(mem && strstr(mem, " peer1 tx 0x") != NULL);
    free(mem);
    teardown();
}

TEST(attribute_errors) {
    setup_board(115200, BD_PARITY_NONE);
    bd_part_t *p = NULL;
    char err[256];
    CHECK_EQ(bd_part_new(&p, &board, "uartpeer", "u"), BD_OK); /* the alias */
    CHECK_EQ(bd_part_set(p, "baud", "0", err, sizeof err), BD_ERR_INVAL);
    CHECK(strstr(err, "u.baud must be in 1..") != NULL);
    CHECK_EQ(bd_part_set(p, "bits", "10", err, sizeof err), BD_ERR_INVAL);
    CHECK_EQ(bd_part_set(p, "parity", "mark", err, sizeof err), BD_ERR_INVAL);
    CHECK(strstr(err, "none|even|odd") != NULL);
    CHECK_EQ(bd_part_set(p, "received", "x", err, sizeof err), BD_ERR_INVAL);
    CHECK(strstr(err, "read-only") != NULL);
    CHECK_EQ(bd_part_set(p, "send_file", "/nonexistent/file", err, sizeof err), BD_ERR_IO);
    CHECK(strstr(err, "u.send_file: cannot open '/nonexistent/file'") != NULL);
    CHECK_EQ(bd_part_set(p, "log", "/nonexistent/dir/log", err, sizeof err), BD_ERR_IO);
    CHECK(strcmp(text(p, "log"), "") == 0);
    bd_part_free(p);
    /* parts file: roles by name only */
    bd_partset_t ps;
    bd_partset_init(&ps);
    CHECK_EQ(bd_parts_file_parse(&ps, &board, "t.parts", "uart term rx=GP0 tx=GP1 mode=terminal baud=9600\n", err,
                                 sizeof err),
             BD_OK);
    CHECK_EQ(ps.n, 1);
    CHECK(ps.n == 1 && strcmp(text(ps.v[0], "baud"), "9600") == 0);
    CHECK(ps.n == 1 && bd_part_uart_is_terminal(ps.v[0]));
    CHECK(bd_parts_file_parse(&ps, &board, "t.parts", "uart GP0 GP1\n", err, sizeof err) != BD_OK);
    CHECK(strstr(err, "rx=") != NULL);
    bd_partset_free(&ps);
    teardown();
}

TEST(pad_decoder_wire_and_glitch) {
    /* bd_uart decodes its RX pad: a wire from TX to RX is a loopback */
    setup_board(9600, BD_PARITY_NONE);
    mcu_attach();
    bd_part_t *w = NULL;
    char err[128];
    CHECK_EQ(bd_part_new(&w, &board, "wire", "w"), BD_OK);
    CHECK_EQ(bd_part_attach(w, "from", pad("GP0"), err, sizeof err), BD_OK);
    CHECK_EQ(bd_part_attach(w, "to", pad("GP1"), err, sizeof err), BD_OK);
    bd_uart_write(&mcu, (const uint8_t *)"Hi", 2);
    run_to(BD_US(1500));
    CHECK_EQ(got.n, 1); /* 'H' in, 'i' still on the line */
    run_to(BD_MS(30));
    CHECK(got.n == 2 && got.b[0] == 'H' && got.b[1] == 'i');
    CHECK(near(got.t[0], 9.5 * 1e9 / 9600));
    /* a 10 us low blip is no start bit at 9600 baud (52 us to the centre);
     * the blip's driver holds the line high from before the wire goes
     * (the pad's pull-down would be a start bit) */
    bd_pin_t *rx = bd_board_pin(&board, pad("GP1"));
    int id;
    CHECK_EQ(bd_pin_driver_add(rx, "blip", &id), BD_OK);
    bd_pin_drive(rx, id, BD_DRIVE_HIGH, BD_STRONG);
    bd_part_free(w);
    run_to(BD_MS(31));
    bd_pin_drive(rx, id, BD_DRIVE_LOW, BD_STRONG);
    run_to(BD_MS(31) + 10000);
    bd_pin_drive(rx, id, BD_DRIVE_HIGH, BD_STRONG);
    run_to(BD_MS(40));
    CHECK_EQ(got.n, 2);
    CHECK_EQ(mcu.framing_errors, 0);
    /* injection (stimulus uartN) is delivered once, not also by the decoder */
    bd_uart_inject(&mcu, (const uint8_t *)"z", 1);
    run_to(BD_MS(60));
    CHECK(got.n == 3 && got.b[2] == 'z');
    teardown();
}

int main(void) {
    RUN(loopback_echoes_with_bit_timing);
    RUN(gate_waits_for_the_mcu_uart_and_start);
    RUN(gap_between_bytes);
    RUN(baud_mismatch_garbles);
    RUN(parity_mismatch);
    RUN(terminal_mode);
    RUN(send_file_and_log);
    RUN(trace_lines);
    RUN(attribute_errors);
    RUN(pad_decoder_wire_and_glitch);
    return tap_done();
}
