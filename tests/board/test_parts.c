/* test_parts.c: the parts (LED, button, potentiometer, HC-SR04, servo,
 * buzzer, 74HC595, wire) on a real board's pads, driven through pins and
 * the scheduler exactly as the firmware and the stimulus would. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "board/bd_board.h"
#include "board/bd_part.h"
#include "board_fixture.h"
#include "tap.h"

static bd_board_t board;

static void setup(void) { CHECK_EQ(bd_board_init(&board, bd_board_def_find("nano-rp2040")), BD_OK); }
static void teardown(void) { bd_board_free(&board); }
static int pad(const char *name) {
    int i = bd_part_find_pad(&board, name);
    CHECK(i >= 0);
    return i;
}
static bd_pin_t *pin(const char *name) { return bd_board_pin(&board, pad(name)); }
static void run_to(bd_time_t t) { CHECK_EQ(bd_sched_run_until(&board.sched, t, NULL), BD_OK); }
static double num(const bd_part_t *p, const char *attr) {
    double v = -12345;
    CHECK_EQ(bd_part_get_num(p, attr, &v), BD_OK);
    return v;
}
static bd_part_t *make(const char *kind, const char *name) {
    bd_part_t *p = NULL;
    CHECK_EQ(bd_part_new(&p, &board, kind, name), BD_OK);
    return p;
}

/* A square wave on a pin, by scheduled toggles of the MCU output. */
typedef struct {
    bd_pin_t *pin;
    double period;
    double duty;
    bd_time_t t0, end;
    uint64_t k;
} sq_t;

static void sq_step(bd_sched_t *s, void *ctx, uintptr_t phase, bd_time_t now) {
    sq_t *q = ctx;
    if (now >= q->end) {
        bd_pin_set_out(q->pin, 0);
        return;
    }
    if (phase == 0) {
        bd_pin_set_out(q->pin, 1);
        bd_sched_at(s, q->t0 + (bd_time_t)llround(q->period * ((double)q->k + q->duty)), sq_step, q, 1, NULL);
    } else {
        bd_pin_set_out(q->pin, 0);
        q->k++;
        bd_sched_at(s, q->t0 + (bd_time_t)llround(q->period * (double)q->k), sq_step, q, 0, NULL);
    }
}

static void square(sq_t *q, bd_pin_t *p, double hz, double duty, bd_time_t t0, bd_time_t dur) {
    *q = (sq_t){p, 1e9 / hz, duty, t0, t0 + dur, 0};
    bd_pin_configure(p, BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_sched_at(&board.sched, t0, sq_step, q, 0, NULL);
}

TEST(led_on_off_times) {
    setup();
    bd_part_t *led = make("led", "led1");
    CHECK_EQ(bd_part_attach(led, "pin", pad("D13"), NULL, 0), BD_OK);
    bd_pin_t *p = pin("D13");
    bd_pin_configure(p, BD_MODE_OUTPUT, BD_PULL_NONE);
    CHECK_EQ(num(led, "on"), 0);
    run_to(BD_MS(1));
    bd_pin_set_out(p, 1);
    CHECK_EQ(num(led, "on"), 1);
    run_to(BD_MS(3));
    bd_pin_set_out(p, 0);
    run_to(BD_MS(4));
    bd_pin_set_out(p, 1);
    run_to(BD_MS(5));
    CHECK_EQ(bd_led_log_count(led), 3);
    bd_time_t t;
    int on;
    CHECK(bd_led_log_at(led, 0, &t, &on) && t == BD_MS(1) && on == 1);
    CHECK(bd_led_log_at(led, 1, &t, &on) && t == BD_MS(3) && on == 0);
    CHECK(bd_led_log_at(led, 2, &t, &on) && t == BD_MS(4) && on == 1);
    CHECK(!bd_led_log_at(led, 3, &t, &on));
    CHECK_EQ(num(led, "changes"), 3);
    CHECK_EQ(num(led, "on_time"), BD_MS(3));
    /* steady for longer than the window: full brightness */
    run_to(BD_MS(40));
    CHECK(fabs(num(led, "brightness") - 1.0) < 1e-9);
    /* active-low: the same pin level now means off */
    CHECK_EQ(bd_part_set(led, "active", "low", NULL, 0), BD_OK);
    CHECK_EQ(num(led, "on"), 0);
    bd_pin_set_out(p, 0);
    CHECK_EQ(num(led, "on"), 1);
    bd_part_free(led);
    teardown();
}

TEST(led_brightness_from_pwm) {
    setup();
    bd_part_t *led = make("led", "led1");
    bd_part_attach(led, "pin", pad("D9"), NULL, 0);
    sq_t q;
    square(&q, pin("D9"), 1000, 0.25, BD_MS(1), BD_MS(200));
    run_to(BD_MS(100) + BD_US(500)); /* mid-period, so the window holds 20 whole periods and a half */
    double b = num(led, "brightness");
    CHECK(fabs(b - 0.25) < 0.02);
    bd_part_set(led, "window", "100ms", NULL, 0);
    CHECK(fabs(num(led, "brightness") - 0.25) < 0.01);
    run_to(BD_MS(400)); /* PWM stopped low */
    CHECK_EQ(num(led, "brightness"), 0);
    bd_part_free(led);
    teardown();
}

TEST(button_press_with_bounce) {
    setup();
    bd_part_t *btn = make("button", "BTN1");
    CHECK_EQ(bd_part_set(btn, "pull", "up", NULL, 0), BD_OK);
    CHECK_EQ(bd_part_set(btn, "bounce", "2", NULL, 0), BD_OK);
    CHECK_EQ(bd_part_attach(btn, "pin", pad("D2"), NULL, 0), BD_OK);
    bd_pin_t *p = pin("D2");
    bd_pin_configure(p, BD_MODE_INPUT, BD_PULL_NONE);
    CHECK_EQ(bd_pin_level(p), 1); /* the external pull-up */
    edges_t s = {0};
    bd_pin_listen(p, BD_PEV_EDGE, on_edge, &s, NULL);
    run_to(BD_MS(10));
    CHECK_EQ(bd_part_set_num(btn, "pressed", 1, NULL, 0), BD_OK);
    run_to(BD_MS(15));
    CHECK_EQ(s.n, 5);
    static const bd_time_t want[] = {BD_MS(10), BD_US(10250), BD_US(10500), BD_US(10750), BD_MS(11)};
    for (int i = 0; i < 5; i++) {
        CHECK_EQ(s.t[i], want[i]);
        CHECK_EQ(s.lv[i], i % 2); /* low, high, low, high, low */
    }
    CHECK_EQ(bd_pin_level(p), 0);
    CHECK_EQ(num(btn, "contact"), 1);
    CHECK_EQ(bd_part_set_num(btn, "pressed", 0, NULL, 0), BD_OK);
    run_to(BD_MS(20));
    CHECK_EQ(s.n, 10);
    CHECK_EQ(s.t[9], BD_MS(16));
    CHECK_EQ(bd_pin_level(p), 1);
    CHECK_EQ(num(btn, "presses"), 1);
    bd_part_free(btn);
    teardown();
}

TEST(button_wiring) {
    setup();
    bd_part_t *btn = make("button", "b");
    bd_part_attach(btn, "pin", pad("D3"), NULL, 0);
    bd_pin_t *p = pin("D3");
    /* to GND, firmware pull-up */
    bd_pin_configure(p, BD_MODE_INPUT, BD_PULL_UP);
    CHECK_EQ(bd_pin_level(p), 1);
    bd_part_set_num(btn, "pressed", 1, NULL, 0);
    CHECK_EQ(bd_pin_level(p), 0);
    bd_part_set_num(btn, "pressed", 0, NULL, 0);
    CHECK_EQ(bd_pin_level(p), 1);
    /* external pull-down: the button goes to VCC (to=auto) */
    bd_pin_configure(p, BD_MODE_INPUT, BD_PULL_NONE);
    bd_part_set(btn, "pull", "down", NULL, 0);
    CHECK_EQ(bd_pin_level(p), 0);
    CHECK(!bd_pin_floating(p));
    bd_part_set_num(btn, "pressed", 1, NULL, 0);
    CHECK_EQ(bd_pin_level(p), 1);
    char buf[16];
    CHECK_EQ(bd_part_get_text(btn, "to", buf, sizeof buf), BD_OK);
    CHECK(strcmp(buf, "auto") == 0);
    bd_part_free(btn);
    /* freed: the driver is released, the pad floats again */
    CHECK(bd_pin_floating(p));
    teardown();
}

TEST(pot_voltage) {
    setup();
    bd_part_t *pot = make("pot", "pot1");
    CHECK_EQ(bd_part_set(pot, "value", "0.5", NULL, 0), BD_OK);
    bd_part_attach(pot, "pin", pad("A0"), NULL, 0);
    bd_pin_t *p = pin("A0");
    bd_pin_configure(p, BD_MODE_ANALOG, BD_PULL_NONE);
    CHECK_EQ(bd_pin_uv(p), 1650000);
    CHECK_EQ(bd_part_set(pot, "voltage", "1.0", NULL, 0), BD_OK);
    CHECK_EQ(bd_pin_uv(p), 1000000);
    CHECK(fabs(num(pot, "position") - 1.0 / 3.3) < 1e-9);
    CHECK_EQ(bd_part_set(pot, "voltage", "500mV", NULL, 0), BD_OK);
    CHECK_EQ(bd_pin_uv(p), 500000);
    CHECK_EQ(bd_part_set_num(pot, "position", 1, NULL, 0), BD_OK);
    CHECK_EQ(bd_pin_uv(p), 3300000);
    CHECK_EQ(bd_pin_level(p), 1);
    char err[160];
    CHECK_EQ(bd_part_set_num(pot, "position", 1.5, err, sizeof err), BD_ERR_INVAL);
    CHECK(strstr(err, "0..1") != NULL);
    CHECK_EQ(bd_part_set(pot, "voltage", "3.5", err, sizeof err), BD_ERR_INVAL);
    CHECK(strstr(err, "vcc") != NULL);
    CHECK_EQ(bd_pin_uv(p), 3300000);
    bd_part_free(pot);
    teardown();
}

/* One HC-SR04 measurement at `d` cm: returns the echo width; *rise_delay =
 * echo rise - trigger fall. */
static bd_time_t echo_for(double d, bd_time_t trig_len, bd_time_t *rise_delay) {
    setup();
    bd_part_t *h = make("hcsr04", "sonar");
    bd_part_set_num(h, "distance", d, NULL, 0);
    bd_part_attach(h, "trig", pad("D3"), NULL, 0);
    bd_part_attach(h, "echo", pad("D4"), NULL, 0);
    bd_pin_t *trig = pin("D3"), *echo = pin("D4");
    bd_pin_configure(trig, BD_MODE_OUTPUT, BD_PULL_NONE);
    edges_t s = {0};
    bd_pin_listen(echo, BD_PEV_EDGE, on_edge, &s, NULL);
    run_to(BD_MS(1));
    bd_pin_set_out(trig, 1);
    run_to(BD_MS(1) + trig_len);
    bd_pin_set_out(trig, 0);
    bd_time_t fall = bd_sched_now(&board.sched);
    run_to(BD_MS(100));
    bd_time_t w = 0;
    if (s.n == 2) {
        CHECK_EQ(s.lv[0], 1);
        *rise_delay = s.t[0] - fall;
        w = s.t[1] - s.t[0];
        CHECK_EQ(num(h, "measurements"), 1);
        CHECK(fabs(num(h, "echo_us") - (double)w / 1e3) < 1e-6);
    } else {
        CHECK_EQ(s.n, 0);
        CHECK_EQ(num(h, "measurements"), 0);
    }
    bd_part_free(h);
    CHECK_EQ(bd_sched_count(&board.sched), 0);
    teardown();
    return w;
}

TEST(hcsr04_echo_width) {
    bd_time_t delay = 0;
    CHECK_EQ(echo_for(10, BD_US(10), &delay), 583090); /* 10 cm * 2 / 343 m/s */
    CHECK_EQ(delay, BD_US(200));
    CHECK_EQ(echo_for(100, BD_US(10), &delay), 5830904);
    CHECK_EQ(echo_for(400, BD_US(12), &delay), 23323615);
    CHECK_EQ(echo_for(401, BD_US(10), &delay), BD_MS(38)); /* out of range: no echo */
    CHECK_EQ(echo_for(1, BD_US(10), &delay), 116618);      /* below 2 cm reads as 2 cm */
    CHECK_EQ(echo_for(100, BD_US(9), &delay), 0);          /* a 9 us trigger is ignored */
}

TEST(hcsr04_busy_and_free_mid_measurement) {
    setup();
    bd_part_t *h = make("hcsr04", "sonar");
    bd_part_attach(h, "trig", pad("D3"), NULL, 0);
    bd_part_attach(h, "echo", pad("D4"), NULL, 0);
    bd_pin_t *trig = pin("D3");
    bd_pin_configure(trig, BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_pin_set_out(trig, 1);
    run_to(BD_US(20));
    bd_pin_set_out(trig, 0);
    run_to(BD_US(300));
    CHECK_EQ(num(h, "busy"), 1);
    CHECK_EQ(bd_pin_level(pin("D4")), 1);
    bd_part_free(h); /* cancels its pending echo fall */
    CHECK_EQ(bd_sched_count(&board.sched), 0);
    run_to(BD_MS(100));
    teardown();
}

static void pulses(bd_pin_t *p, bd_time_t width, int n, bd_time_t period, bd_time_t t0) {
    for (int i = 0; i < n; i++) {
        run_to(t0 + (bd_time_t)i * period);
        bd_pin_set_out(p, 1);
        run_to(t0 + (bd_time_t)i * period + width);
        bd_pin_set_out(p, 0);
    }
}

TEST(servo_angle_from_pulses) {
    setup();
    bd_part_t *sv = make("servo", "servo1");
    bd_part_attach(sv, "pin", pad("D6"), NULL, 0);
    bd_pin_t *p = pin("D6");
    bd_pin_configure(p, BD_MODE_OUTPUT, BD_PULL_NONE);
    pulses(p, BD_US(1500), 3, BD_MS(20), BD_MS(1));
    CHECK(fabs(num(sv, "angle") - 90) < 1e-9);
    CHECK(fabs(num(sv, "pulse_us") - 1500) < 1e-9);
    CHECK(fabs(num(sv, "period_us") - 20000) < 1e-9);
    CHECK_EQ(num(sv, "pulses"), 3);
    pulses(p, BD_US(1000), 1, BD_MS(20), BD_MS(61));
    CHECK(fabs(num(sv, "angle") - 45) < 1e-9);
    pulses(p, BD_US(3000), 1, BD_MS(20), BD_MS(81)); /* beyond max_us: clamped */
    CHECK(fabs(num(sv, "angle") - 180) < 1e-9);
    /* the 1000..2000 us mapping */
    bd_part_set(sv, "min_us", "1000", NULL, 0);
    bd_part_set(sv, "max_us", "2000", NULL, 0);
    pulses(p, BD_US(1500), 1, BD_MS(20), BD_MS(101));
    CHECK(fabs(num(sv, "angle") - 90) < 1e-9);
    pulses(p, BD_US(1000), 1, BD_MS(20), BD_MS(121));
    CHECK(fabs(num(sv, "angle") - 0) < 1e-9);
    pulses(p, BD_MS(10), 1, BD_MS(20), BD_MS(141)); /* not a servo pulse */
    CHECK(fabs(num(sv, "angle") - 0) < 1e-9);
    CHECK_EQ(bd_part_set_num(sv, "pulse_us", 3, NULL, 0), BD_ERR_INVAL); /* a measurement */
    bd_part_free(sv);
    teardown();
}

static uint32_t le32(const unsigned char *b) { return b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24; }

TEST(buzzer_frequency_and_wav) {
    setup();
    char path[] = "/tmp/bparts-test-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    bd_part_t *bz = make("buzzer", "bz");
    bd_part_attach(bz, "pin", pad("D5"), NULL, 0);
    CHECK_EQ(bd_part_set(bz, "wav", path, NULL, 0), BD_OK);
    sq_t q;
    square(&q, pin("D5"), 440, 0.5, BD_MS(10), BD_MS(500));
    run_to(BD_MS(100));
    CHECK(fabs(num(bz, "frequency") - 440) < 0.01);
    run_to(BD_MS(600));
    CHECK_EQ(num(bz, "frequency"), 0); /* silent since 510 ms */
    CHECK_EQ(num(bz, "cycles"), 220);
    run_to(BD_S(1));
    bd_part_free(bz); /* completes the WAV file */
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (f) {
        static unsigned char buf[20000];
        size_t n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        CHECK_EQ(n, 44 + 8000 * 2);
        CHECK(memcmp(buf, "RIFF", 4) == 0 && memcmp(buf + 8, "WAVEfmt ", 8) == 0);
        CHECK_EQ(le32(buf + 24), 8000);
        CHECK_EQ(buf[34], 16);
        CHECK_EQ(le32(buf + 40), 16000);
        /* loud during the tone, silent before it and near the end */
        int peak_tone = 0, peak_end = 0;
        for (int i = 0; i < 8000; i++) {
            int v = (int16_t)(buf[44 + 2 * i] | buf[45 + 2 * i] << 8);
            if (v < 0) v = -v;
            if (i >= 800 && i < 4000 && v > peak_tone) peak_tone = v;
            if (i >= 7000 && v > peak_end) peak_end = v;
        }
        CHECK(peak_tone > 12000);
        CHECK(peak_end < 300);
        /* the first 10 ms (before the tone): exact silence */
        int quiet = 1;
        for (int i = 0; i < 79; i++) quiet &= buf[44 + 2 * i] == 0 && buf[45 + 2 * i] == 0;
        CHECK(quiet);
    }
    unlink(path);
    teardown();
}

TEST(hc595_shifts_a5_msb_first) {
    setup();
    bd_part_t *sr = make("74hc595", "sr");
    bd_part_attach(sr, "ser", pad("D5"), NULL, 0);
    bd_part_attach(sr, "srclk", pad("D6"), NULL, 0);
    bd_part_attach(sr, "rclk", pad("D7"), NULL, 0);
    bd_part_attach(sr, "oe", pad("D8"), NULL, 0);
    bd_part_attach(sr, "q7s", pad("D9"), NULL, 0);
    bd_part_attach(sr, "q0", pad("D10"), NULL, 0);
    bd_part_attach(sr, "q1", pad("D11"), NULL, 0);
    bd_part_attach(sr, "q7", pad("D12"), NULL, 0);
    CHECK_EQ(bd_part_missing_role(sr), -1);
    bd_pin_t *ser = pin("D5"), *clk = pin("D6"), *latch = pin("D7"), *oe = pin("D8");
    bd_pin_configure(ser, BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_pin_configure(clk, BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_pin_configure(latch, BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_pin_configure(oe, BD_MODE_OUTPUT, BD_PULL_NONE);
    unsigned byte = 0xA5;
    for (int bit = 7; bit >= 0; bit--) {
        bd_pin_set_out(ser, (byte >> bit) & 1);
        bd_pin_set_out(clk, 1);
        bd_pin_set_out(clk, 0);
    }
    CHECK_EQ(num(sr, "sr"), 0xA5);
    CHECK_EQ(num(sr, "q"), 0); /* not latched yet */
    CHECK_EQ(bd_pin_level(pin("D9")), 1); /* Q7' = bit 7 */
    bd_pin_set_out(latch, 1);
    bd_pin_set_out(latch, 0);
    CHECK_EQ(num(sr, "q"), 0xA5);
    CHECK_EQ(num(sr, "shifts"), 8);
    CHECK_EQ(bd_pin_level(pin("D10")), 1); /* Q0 */
    CHECK_EQ(bd_pin_level(pin("D11")), 0); /* Q1 */
    CHECK_EQ(bd_pin_level(pin("D12")), 1); /* Q7 */
    /* OE high: outputs released; the pads' reset pull-downs read low */
    bd_pin_set_out(oe, 1);
    CHECK_EQ(num(sr, "enabled"), 0);
    CHECK(!pin("D10")->contention);
    CHECK_EQ(bd_pin_level(pin("D10")), 0);
    bd_pin_set_out(oe, 0);
    CHECK_EQ(bd_pin_level(pin("D10")), 1);
    /* SRCLR low clears the shift register, not the latch */
    bd_part_attach(sr, "srclr", pad("D13"), NULL, 0);
    bd_pin_configure(pin("D13"), BD_MODE_OUTPUT, BD_PULL_NONE);
    CHECK_EQ(num(sr, "sr"), 0);
    CHECK_EQ(num(sr, "q"), 0xA5);
    CHECK_EQ(bd_pin_level(pin("D9")), 0);
    bd_part_free(sr);
    teardown();
}

TEST(hc595_tied_clocks_latch_one_behind) {
    setup();
    bd_part_t *sr = make("hc595", "sr");
    bd_part_attach(sr, "ser", pad("D5"), NULL, 0);
    bd_part_attach(sr, "srclk", pad("D6"), NULL, 0);
    bd_part_attach(sr, "rclk", pad("D6"), NULL, 0);
    bd_pin_t *ser = pin("D5"), *clk = pin("D6");
    bd_pin_configure(ser, BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_pin_configure(clk, BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_pin_set_out(ser, 1);
    bd_pin_set_out(clk, 1);
    bd_pin_set_out(clk, 0);
    CHECK_EQ(num(sr, "sr"), 1);
    CHECK_EQ(num(sr, "q"), 0);
    bd_pin_set_out(clk, 1);
    CHECK_EQ(num(sr, "sr"), 3);
    CHECK_EQ(num(sr, "q"), 1);
    bd_part_free(sr);
    teardown();
}

TEST(wire_loopback) {
    setup();
    bd_part_t *w = make("wire", "w");
    bd_part_attach(w, "from", pad("D5"), NULL, 0);
    bd_part_attach(w, "to", pad("D6"), NULL, 0);
    bd_pin_t *a = pin("D5"), *b = pin("D6");
    bd_pin_configure(b, BD_MODE_INPUT, BD_PULL_NONE);
    edges_t s = {0};
    bd_pin_listen(b, BD_PEV_EDGE, on_edge, &s, NULL);
    bd_pin_configure(a, BD_MODE_OUTPUT, BD_PULL_NONE);
    run_to(BD_US(5));
    bd_pin_set_out(a, 1);
    CHECK_EQ(bd_pin_level(b), 1);
    run_to(BD_US(7));
    bd_pin_set_out(a, 0);
    CHECK_EQ(s.n, 2);
    CHECK_EQ(s.t[0], BD_US(5));
    CHECK_EQ(s.t[1], BD_US(7));
    /* from: input with a pull-up -> to is weakly high; an output on `to` wins quietly */
    bd_pin_configure(a, BD_MODE_INPUT, BD_PULL_UP);
    run_to(bd_sched_now(&board.sched)); /* configuration is sensed right after the change */
    CHECK_EQ(bd_pin_level(b), 1);
    bd_pin_configure(b, BD_MODE_OUTPUT, BD_PULL_NONE);
    CHECK_EQ(bd_pin_level(b), 0);
    CHECK(!b->contention);
    bd_pin_configure(b, BD_MODE_INPUT, BD_PULL_NONE);
    /* from floats -> to is released (and holds its level, floating) */
    bd_pin_configure(a, BD_MODE_INPUT, BD_PULL_NONE);
    run_to(bd_sched_now(&board.sched));
    CHECK(bd_pin_floating(b));
    /* with a delay */
    bd_part_set(w, "delay", "1us", NULL, 0);
    bd_pin_configure(a, BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_pin_set_out(a, 1);
    run_to(BD_US(20));
    int before = s.n;
    bd_pin_set_out(a, 0);
    CHECK_EQ(bd_pin_level(b), 1);
    run_to(BD_US(21));
    CHECK_EQ(bd_pin_level(b), 0);
    CHECK_EQ(s.n, before + 1);
    CHECK_EQ(s.t[s.n - 1], BD_US(21));
    bd_pin_set_out(a, 1);
    bd_part_free(w); /* with a delayed edge pending */
    CHECK_EQ(bd_sched_count(&board.sched), 0);
    teardown();
}

TEST(attribute_api) {
    setup();
    CHECK(bd_part_type_find("HC-SR04") == &bd_part_hcsr04_type);
    CHECK(bd_part_type_find("74HC595") == &bd_part_hc595_type);
    CHECK(bd_part_type_find("nope") == NULL);
    bd_part_t *p = NULL;
    CHECK_EQ(bd_part_new(&p, &board, "nope", "x"), BD_ERR_NOTFOUND);
    CHECK_EQ(bd_part_new(&p, &board, "led", ""), BD_ERR_INVAL);
    bd_part_t *h = make("hcsr04", "s");
    char err[200], buf[64];
    CHECK_EQ(bd_part_set(h, "distanse", "3", err, sizeof err), BD_ERR_NOTFOUND);
    CHECK(strstr(err, "distanse") != NULL);
    CHECK_EQ(bd_part_set(h, "distance", "far", err, sizeof err), BD_ERR_INVAL);
    CHECK(strstr(err, "expected a number") != NULL);
    CHECK_EQ(bd_part_set(h, "busy", "1", err, sizeof err), BD_ERR_INVAL);
    CHECK(strstr(err, "read-only") != NULL);
    CHECK_EQ(bd_part_set(h, "delay", "450us", NULL, 0), BD_OK);
    CHECK_EQ(bd_part_get_text(h, "delay", buf, sizeof buf), BD_OK);
    CHECK(strcmp(buf, "450us") == 0);
    CHECK_EQ(bd_part_get_text(h, "distance", buf, sizeof buf), BD_OK);
    CHECK(strcmp(buf, "100") == 0);
    CHECK_EQ(bd_part_attach(h, "trigger", 0, err, sizeof err), BD_ERR_NOTFOUND);
    CHECK_EQ(bd_part_missing_role(h), 0);
    bd_part_t *b = make("button", "BTN1");
    CHECK_EQ(bd_part_set(b, "pull", "sideways", err, sizeof err), BD_ERR_INVAL);
    CHECK(strstr(err, "none|up|down") != NULL);
    CHECK_EQ(bd_part_set(b, "pressed", "yes", NULL, 0), BD_OK);
    CHECK_EQ(num(b, "pressed"), 1);
    bd_part_t *l = make("led", "led1");
    double d;
    CHECK_EQ(bd_part_get_num(l, "color", &d), BD_ERR_INVAL);
    bd_partset_t ps;
    bd_partset_init(&ps);
    bd_partset_add(&ps, h);
    bd_partset_add(&ps, b);
    bd_partset_add(&ps, l);
    CHECK(bd_partset_find(&ps, "btn1") == b);
    CHECK(bd_partset_find(&ps, "hcsr04") == h); /* the only one of its kind */
    CHECK(bd_partset_find(&ps, "servo") == NULL);
    bd_partset_auto_name(&ps, &bd_part_led_type, buf, sizeof buf);
    CHECK(strcmp(buf, "led2") == 0);
    bd_partset_auto_name(&ps, &bd_part_hcsr04_type, buf, sizeof buf);
    CHECK(strcmp(buf, "hcsr04_1") == 0);
    bd_partset_free(&ps);
    teardown();
}

int main(void) {
    RUN(led_on_off_times);
    RUN(led_brightness_from_pwm);
    RUN(button_press_with_bounce);
    RUN(button_wiring);
    RUN(pot_voltage);
    RUN(hcsr04_echo_width);
    RUN(hcsr04_busy_and_free_mid_measurement);
    RUN(servo_angle_from_pulses);
    RUN(buzzer_frequency_and_wav);
    RUN(hc595_shifts_a5_msb_first);
    RUN(hc595_tied_clocks_latch_one_behind);
    RUN(wire_loopback);
    RUN(attribute_api);
    return tap_done();
}
