/* test_stimulus.c: the stimulus file: parse errors with their lines, each
 * directive's pin changes at the right virtual times, UART bytes in, part
 * attributes, and the checks (expect, expect-serial) passing and failing. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/bd_board.h"
#include "board/bd_parts_file.h"
#include "board/bd_stimulus.h"
#include "board/bd_text.h"
#include "board_fixture.h"
#include "tap.h"

static bd_board_t board;
static bd_partset_t ps;
static bd_stim_t *st;
static char err[512];

static void setup(const char *parts) {
    CHECK_EQ(bd_board_init(&board, bd_board_def_find("nano-rp2040")), BD_OK);
    bd_partset_init(&ps);
    if (parts) CHECK_EQ(bd_parts_file_parse(&ps, &board, "t.parts", parts, err, sizeof err), BD_OK);
    CHECK_EQ(bd_stim_new(&st, &board, &ps), BD_OK);
}
static void teardown(void) {
    bd_stim_free(st);
    bd_partset_free(&ps);
    CHECK_EQ(bd_sched_count(&board.sched), 0);
    bd_board_free(&board);
}
static bd_pin_t *pin(const char *n) { return bd_board_pin(&board, bd_part_find_pad(&board, n)); }
static void run_to(bd_time_t t) { CHECK_EQ(bd_sched_run_until(&board.sched, t, NULL), BD_OK); }
static void load(const char *text) {
    CHECK_EQ(bd_stim_parse(st, "s.stim", text, err, sizeof err), BD_OK);
    if (err[0]) printf("# %s\n", err);
    CHECK_EQ(bd_stim_start(st, err, sizeof err), BD_OK);
}
static edges_t *watch(const char *n) {
    edges_t *s = calloc(1, sizeof *s);
    bd_pin_listen(pin(n), BD_PEV_EDGE, on_edge, s, NULL);
    return s;
}

static void expect_error(const char *text, const char *want) {
    setup("button BTN1 D2\nhcsr04 trig=D3 echo=D4\n");
    CHECK_EQ(bd_stim_parse(st, "s.stim", text, err, sizeof err), BD_ERR_INVAL);
    if (!strstr(err, want)) printf("#   got: %s\n#   want: %s\n", err, want);
    CHECK(strstr(err, want) != NULL);
    CHECK_EQ(bd_stim_check_count(st), 0);
    CHECK_EQ(bd_stim_start(st, err, sizeof err), BD_OK); /* nothing of the bad text kept */
    CHECK_EQ(bd_sched_count(&board.sched), 0);
    teardown();
}

TEST(parse_errors_have_lines) {
    expect_error("@0 D2 high\nD2 low\n", "s.stim:2: a line starts with its time");
    expect_error("@10parsecs D2 high\n", "s.stim:1: bad time '10parsecs'");
    expect_error("\n# c\n@1s D99 high\n", "s.stim:3: unknown pin or directive 'D99' on board nano-rp2040");
    expect_error("@1s D2 toggle\n", "s.stim:1: unknown action 'toggle' for pin D2");
    expect_error("@1s D2 pulse\n", "s.stim:1: pulse needs a width");
    expect_error("@1s D2 clock 1kHz duty=150%\n", "bad duty '150%'");
    expect_error("@1s D2 clock fast\n", "bad frequency 'fast'");
    expect_error("@1s A0 voltage lots\n", "bad voltage 'lots'");
    expect_error("@1s A0 sine 0-3.3 1Hz\n", "bad voltage range '0-3.3'");
    expect_error("@1s press BTN2\n", "s.stim:1: no part named 'BTN2'");
    expect_error("@1s press hcsr04 for 5ms\n", "hcsr04_1 is a hcsr04: it cannot be pressed");
    expect_error("@1s set hcsr04.distanse 4\n", "hcsr04_1 (a hcsr04) has no attribute 'distanse'");
    expect_error("@1s set hcsr04.distance near\n", "expected a number, got 'near'");
    expect_error("@1s set hcsr04.busy 1\n", "hcsr04_1.busy is read-only");
    expect_error("@1s set hcsr04.distance -3\n", "must be in 0..100000, not -3");
    expect_error("@1s expect D13 purple\n", "s.stim:1: expect D13: unknown check 'purple'");
    expect_error("@1s expect-serial ready\n", "needs the text in quotes");
    expect_error("@2s expect-serial \"x\" before 1s\n", "the deadline 1s is before the line's own time");
    expect_error("@1s uart0 \"abc\n", "s.stim:1: unterminated quoted string");
    expect_error("@1s uart0 0x100\n", "bad byte '0x100'");
    expect_error("@1s D2 high strong\n", "only 'weak' may follow high");
    expect_error("@0 D2 high\n@1s D2 ramp 0..1 0s\n", "s.stim:2: a ramp takes a duration > 0");
}

TEST(levels_pulses_relative_times) {
    setup(NULL);
    edges_t *s = watch("D2");
    load("@100ms D2 high\n"
         "+50ms D2 low      # 150 ms\n"
         "@1s D2 pulse 25us high\n"
         "@+1ms D2 high weak\n"
         "@1.5s D2 pulse 10us low\n"
         "@2s D2 release\n");
    bd_pin_configure(pin("D2"), BD_MODE_INPUT, BD_PULL_NONE);
    run_to(BD_S(3));
    static const bd_time_t want[] = {BD_MS(100), BD_MS(150), BD_S(1), BD_S(1) + BD_US(25), BD_MS(1001),
                                     BD_MS(1500), BD_MS(1500) + BD_US(10)};
    CHECK_EQ(s->n, 7);
    for (int i = 0; i < 7 && i < s->n; i++) {
        CHECK_EQ(s->t[i], want[i]);
        CHECK_EQ(s->lv[i], i % 2 == 0 ? (i == 5 ? 0 : 1) : (i == 6 ? 1 : 0));
    }
    /* after the low pulse the weak high came back; after release it floats */
    CHECK(bd_pin_floating(pin("D2")));
    CHECK_EQ(bd_stim_end_time(st), BD_S(2));
    teardown();
    free(s);
}

TEST(clock_with_duty_and_stop) {
    setup(NULL);
    edges_t *s = watch("D7");
    load("@0 D7 clock 1kHz duty=25% for 3ms\n"
         "@10ms D7 clock 10kHz count=2\n"
         "@20ms D7 clock 1MHz\n"
         "@20010us D7 stop\n"
         "@30ms D7 clock 1kHz\n"
         "@32.5ms D7 low\n");
    run_to(BD_MS(40));
    /* 0..3 ms: rises at 0,1,2 ms, falls 250 us later */
    CHECK_EQ(s->t[0], 0);
    CHECK_EQ(s->t[1], BD_US(250));
    CHECK_EQ(s->t[2], BD_MS(1));
    CHECK_EQ(s->t[5], BD_US(2250));
    /* 10 ms: two 100 us periods, 50 us high */
    CHECK_EQ(s->t[6], BD_MS(10));
    CHECK_EQ(s->t[7], BD_MS(10) + BD_US(50));
    CHECK_EQ(s->t[8], BD_MS(10) + BD_US(100));
    CHECK_EQ(s->t[9], BD_MS(10) + BD_US(150));
    /* 1 MHz for 10 us, then stop: 10 rises, 10 falls */
    CHECK_EQ(s->t[10], BD_MS(20));
    CHECK_EQ(s->t[11], BD_MS(20) + 500);
    CHECK_EQ(s->t[29], BD_MS(20) + BD_US(9) + 500);
    /* 30 ms: 1 kHz until the low at 32.5 ms: rises at 30, 31, 32; fall 32.5 */
    CHECK_EQ(s->t[30], BD_MS(30));
    CHECK_EQ(s->t[35], BD_US(32500));
    CHECK_EQ(s->n, 36);
    CHECK_EQ(bd_pin_level(pin("D7")), 0);
    teardown();
    free(s);
}

TEST(voltages_and_waveforms) {
    setup(NULL);
    load("@0 A0 voltage 1.65\n"
         "@10ms A0 ramp 0..1 10ms step=1ms\n"
         "@30ms A1 sine 1..3 1Hz\n"
         "@40ms A2 square 0.5V..2500mV 100Hz duty=20%\n"
         "@100ms A2 voltage 0\n");
    bd_pin_t *a0 = pin("A0"), *a1 = pin("A1"), *a2 = pin("A2");
    run_to(BD_MS(5));
    CHECK_EQ(bd_pin_uv(a0), 1650000);
    run_to(BD_MS(10));
    CHECK_EQ(bd_pin_uv(a0), 0);
    run_to(BD_MS(13));
    CHECK_EQ(bd_pin_uv(a0), 300000);
    run_to(BD_US(13500)); /* sampled: holds between steps */
    CHECK_EQ(bd_pin_uv(a0), 300000);
    run_to(BD_MS(25));
    CHECK_EQ(bd_pin_uv(a0), 1000000);
    /* sine from 30 ms: default step 1 ms (a hundredth of 1 s is coarser); mid 2 V, amplitude 1 V */
    run_to(BD_MS(30));
    CHECK_EQ(bd_pin_uv(a1), 2000000);
    run_to(BD_MS(280)); /* a quarter period: the top */
    CHECK_EQ(bd_pin_uv(a1), 3000000);
    run_to(BD_MS(530));
    CHECK(abs(bd_pin_uv(a1) - 2000000) < 2);
    run_to(BD_MS(780));
    CHECK_EQ(bd_pin_uv(a1), 1000000);
    /* the square: 2 ms at 2.5 V, 8 ms at 0.5 V, until 100 ms */
    CHECK_EQ(bd_pin_uv(a2), 0);
    teardown();
    setup(NULL);
    load("@40ms A2 square 0.5V..2500mV 100Hz duty=20%\n");
    a2 = pin("A2");
    run_to(BD_MS(41));
    CHECK_EQ(bd_pin_uv(a2), 2500000);
    run_to(BD_MS(43));
    CHECK_EQ(bd_pin_uv(a2), 500000);
    run_to(BD_MS(50));
    CHECK_EQ(bd_pin_uv(a2), 2500000);
    teardown();
}

typedef struct {
    int calls, unit;
    char data[64];
    size_t len;
    bd_time_t t;
    char out[256];
    size_t outlen;
} host_t;

static void uart_in(void *ctx, int unit, const uint8_t *data, size_t len, bd_time_t now) {
    host_t *h = ctx;
    h->calls++;
    h->unit = unit;
    memcpy(h->data, data, len < 64 ? len : 64);
    h->len = len;
    h->t = now;
}

static size_t serial_out(void *ctx, int unit, const char **data) {
    host_t *h = ctx;
    *data = h->out;
    return unit == -1 ? h->outlen : 0;
}

static void print_at(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    host_t *h = ctx;
    const char *text = (const char *)arg;
    memcpy(h->out + h->outlen, text, strlen(text));
    h->outlen += strlen(text);
}

TEST(uart_bytes_in) {
    setup(NULL);
    host_t h = {0};
    CHECK_EQ(bd_stim_parse(st, "s.stim", "@10ms uart1 \"hi\\n\" 0x00 0x41\n", err, sizeof err), BD_OK);
    CHECK_EQ(bd_stim_start(st, err, sizeof err), BD_ERR_UNSUPPORTED);
    CHECK(strstr(err, "s.stim:1: serial input needs a UART model") != NULL);
    bd_stim_on_uart(st, uart_in, &h);
    CHECK_EQ(bd_stim_start(st, err, sizeof err), BD_OK);
    run_to(BD_MS(9));
    CHECK_EQ(h.calls, 0);
    run_to(BD_MS(10));
    CHECK_EQ(h.calls, 1);
    CHECK_EQ(h.unit, 1);
    CHECK_EQ(h.len, 5);
    CHECK(memcmp(h.data, "hi\n\0A", 5) == 0);
    CHECK_EQ(h.t, BD_MS(10));
    teardown();
}

TEST(parts_set_and_press) {
    setup("button BTN1 D2 pull=up\nhcsr04 trig=D3 echo=D4 distance=25\n");
    edges_t *s = watch("D2");
    load("@2s press BTN1 for 50ms\n"
         "@3s press btn1\n"
         "@3100ms release BTN1\n"
         "@500ms set hcsr04.distance 40\n"
         "@600ms set BTN1.bounce 1\n");
    bd_part_t *h = bd_partset_find(&ps, "hcsr04");
    double d;
    run_to(BD_MS(499));
    bd_part_get_num(h, "distance", &d);
    CHECK_EQ(d, 25);
    run_to(BD_MS(500));
    bd_part_get_num(h, "distance", &d);
    CHECK_EQ(d, 40);
    run_to(BD_S(4));
    /* 2 s press (no bounce yet? bounce=1 set at 600 ms: 3 changes each) */
    CHECK_EQ(s->n, 12);
    CHECK_EQ(s->t[0], BD_S(2));
    CHECK_EQ(s->t[2], BD_S(2) + BD_US(500));
    CHECK_EQ(s->t[3], BD_MS(2050));
    CHECK_EQ(s->t[6], BD_S(3));
    CHECK_EQ(s->t[9], BD_MS(3100));
    CHECK_EQ(bd_pin_level(pin("D2")), 1);
    teardown();
    free(s);
}

static int checks_seen;
static void on_check(void *ctx, const bd_stim_check_t *c) { checks_seen++; }

TEST(expect_pass_and_fail) {
    setup("led D13\nservo D6\n");
    host_t h = {0};
    bd_stim_on_serial(st, serial_out, &h);
    bd_stim_on_check(st, on_check, NULL);
    checks_seen = 0;
    load("@0 D13 high\n"
         "@1s expect D13 high\n"
         "@1s expect D13 low              # line 3 fails\n"
         "@1s expect led1.on == 1\n"
         "@1s expect led1.brightness 1 within 0.01\n"
         "@1s expect D13 rises == 1\n"
         "@1s expect D13 edges > 1        # line 7 fails\n"
         "@0 A0 voltage 1.2\n"
         "@1s expect A0 voltage 1.2\n"
         "@1s expect A0 voltage 1.3 within 0.05   # line 10 fails\n"
         "@0 expect-serial \"ready\" before 2s\n"
         "@0 expect-serial \"never\" before 2s    # line 12 fails\n"
         "@1500ms expect-serial \"ready\"\n"
         "@1600ms expect-serial \"boot\" before +100ms   # line 14 fails: printed before the window\n"
         "@0 expect-no-serial \"Traceback\" before 3s\n"
         "@1s expect servo1.angle 0\n"
         "@10s expect D13 low             # line 17: never reached\n");
    bd_sched_at(&board.sched, BD_MS(200), print_at, &h, (uintptr_t) "boot\n", NULL);
    bd_sched_at(&board.sched, BD_MS(1200), print_at, &h, (uintptr_t) "ready\n", NULL);
    run_to(BD_S(1));
    CHECK_EQ(bd_stim_check_count(st), 15);
    CHECK_EQ(bd_stim_failed(st), 3);
    run_to(BD_S(5));
    CHECK_EQ(bd_stim_failed(st), 5);
    CHECK_EQ(bd_stim_pending(st), 1);
    bd_stim_finish(st);
    CHECK_EQ(bd_stim_failed(st), 6);
    CHECK_EQ(bd_stim_pending(st), 0);
    CHECK_EQ(checks_seen, 15);
    static const int fail_lines[] = {3, 7, 10, 12, 14, 17};
    size_t k = 0;
    for (size_t i = 0; i < bd_stim_check_count(st); i++) {
        const bd_stim_check_t *c = bd_stim_check_at(st, i);
        if (c->state != BD_CHECK_FAIL) continue;
        CHECK(k < 6 && c->line == fail_lines[k]);
        k++;
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK_EQ(bd_stim_report(st, f), 6);
    fclose(f);
    CHECK(strstr(buf, "s.stim:3: FAIL at 1s: @1s expect D13 low: D13 is high\n") != NULL);
    CHECK(strstr(buf, "s.stim:7: FAIL at 1s: @1s expect D13 edges > 1: D13 has 1 edges\n") != NULL);
    CHECK(strstr(buf, "s.stim:10: FAIL at 1s: @1s expect A0 voltage 1.3 within 0.05: A0 is at 1.2000 V\n") != NULL);
    CHECK(strstr(buf, "s.stim:12: FAIL at 2s: @0 expect-serial \"never\" before 2s: not printed between 0 and 2s; "
                      "the output is \"boot\\nready\\n\"\n") != NULL);
    CHECK(strstr(buf, "s.stim:14: FAIL at 1700ms: @1600ms expect-serial \"boot\" before +100ms: not printed between "
                      "1600ms and 1700ms") != NULL);
    CHECK(strstr(buf, "s.stim:17: FAIL at 10s: @10s expect D13 low: not reached: the run ended at 5s") != NULL);
    CHECK(strstr(buf, "stimulus: 15 checks, 9 passed, 6 failed, 0 pending\n") != NULL);
    free(buf);
    teardown();
}

TEST(runtime_refusal_is_a_failed_check) {
    setup("pot A0\n");
    load("@1s set pot1.voltage 3.0\n@2s set pot1.vcc 1.0\n@3s set pot1.voltage 2.0\n");
    run_to(BD_S(4));
    CHECK_EQ(bd_stim_failed(st), 1);
    const bd_stim_check_t *c = bd_stim_check_at(st, 0);
    CHECK(c && c->line == 3 && strstr(c->detail, "pot1.voltage must be in 0..1 V (vcc)") != NULL);
    teardown();
}

TEST(time_syntax) {
    bd_time_t t;
    CHECK(bd_text_time("1.5ms", &t) == BD_OK && t == 1500000);
    CHECK(bd_text_time("1.000000001s", &t) == BD_OK && t == 1000000001);
    CHECK(bd_text_time("2", &t) == BD_OK && t == BD_S(2));
    CHECK(bd_text_time("250US", &t) == BD_OK && t == 250000);
    CHECK(bd_text_time("1.5ns", &t) == BD_ERR_INVAL);
    CHECK(bd_text_time("-1s", &t) == BD_ERR_INVAL);
    CHECK(bd_text_time("1..2s", &t) == BD_ERR_INVAL);
    CHECK(bd_text_time("99999999999s", &t) == BD_ERR_INVAL);
    double f;
    CHECK(bd_text_freq("2.5kHz", &f) == BD_OK && f == 2500);
    CHECK(bd_text_freq("0Hz", &f) == BD_ERR_INVAL);
    CHECK(bd_text_volts("1650mV", &f) == BD_OK && fabs(f - 1.65) < 1e-12);
    CHECK(bd_text_fraction("25%", &f) == BD_OK && f == 0.25);
    char buf[32];
    CHECK(strcmp(bd_text_fmt_time(BD_MS(1500), buf, sizeof buf), "1500ms") == 0);
    CHECK(strcmp(bd_text_fmt_time(0, buf, sizeof buf), "0") == 0);
}

static void verror(char *buf, size_t n, const char *file, int line, int col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    bd_text_verror(buf, n, file, line, col, fmt, ap);
    va_end(ap);
}

/* The readers' one message shape: every combination of position pieces. */
TEST(error_message_shapes) {
    char buf[64];
    verror(buf, sizeof buf, "a.json", 3, 7, "bad %s", "value");
    CHECK(strcmp(buf, "a.json:3:7: bad value") == 0);
    verror(buf, sizeof buf, "t.parts", 4, -1, "no pin '%s'", "X");
    CHECK(strcmp(buf, "t.parts:4: no pin 'X'") == 0);
    verror(buf, sizeof buf, "diagram.json", -1, -1, "empty");
    CHECK(strcmp(buf, "diagram.json: empty") == 0);
    verror(buf, sizeof buf, NULL, 0, 0, "out of memory");
    CHECK(strcmp(buf, "0:0: out of memory") == 0);
    verror(buf, 8, "long-file-name.txt", 1, 1, "x"); /* the position alone fills it: cut, no message */
    CHECK(strcmp(buf, "long-fi") == 0);
    verror(NULL, 0, "a", 1, 1, "nothing written");
}

int main(void) {
    RUN(parse_errors_have_lines);
    RUN(levels_pulses_relative_times);
    RUN(clock_with_duty_and_stop);
    RUN(voltages_and_waveforms);
    RUN(uart_bytes_in);
    RUN(parts_set_and_press);
    RUN(expect_pass_and_fail);
    RUN(runtime_refusal_is_a_failed_check);
    RUN(time_syntax);
    RUN(error_message_shapes);
    return tap_done();
}
