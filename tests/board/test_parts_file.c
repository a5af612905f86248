/* test_parts_file.c: the parts file: every kind from one file, names
 * (given, automatic, name=), roles by position and by name, attributes,
 * and the error messages (file:line: what) with the set left unchanged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/bd_board.h"
#include "board/bd_parts_file.h"
#include "tap.h"

static bd_board_t board;
static bd_partset_t ps;
static char err[512];

static void setup(void) {
    CHECK_EQ(bd_board_init(&board, bd_board_def_find("nano-rp2040")), BD_OK);
    bd_partset_init(&ps);
}
static void teardown(void) {
    bd_partset_free(&ps);
    bd_board_free(&board);
}
static int pad(const char *n) { return bd_part_find_pad(&board, n); }
static double num(const char *part, const char *attr) {
    bd_part_t *p = bd_partset_find(&ps, part);
    double v = -1;
    CHECK(p != NULL);
    if (p) CHECK_EQ(bd_part_get_num(p, attr, &v), BD_OK);
    return v;
}

static const char *good =
    "# the demo circuit\n"
    "led D13\n"
    "led LEDR color=green   # on-board red/green/blue use the EXT pads\n"
    "button BTN1 D2 pull=down bounce=3 bounce_period=200us\n"
    "pot A0 value=0.25\n"
    "\n"
    "hcsr04 trig=D3 echo=D4 distance=25\n"
    "servo D6 min_us=1000 max_us=2000\n"
    "buzzer D7 name=beeper\n"
    "74hc595 D8 D9 D10 q0=D11 oe=D12\n"
    "wire D5 A1 delay=10ns\n";

TEST(loads_every_kind) {
    setup();
    CHECK_EQ(bd_parts_file_parse(&ps, &board, "demo.parts", good, err, sizeof err), BD_OK);
    if (err[0]) printf("# %s\n", err);
    CHECK_EQ(ps.n, 9);
    bd_part_t *led = bd_partset_find(&ps, "led1");
    CHECK(led && led->pin[0] == pad("D13"));
    bd_part_t *led2 = bd_partset_find(&ps, "led2");
    char buf[32];
    CHECK(led2 && bd_part_get_text(led2, "color", buf, sizeof buf) == BD_OK && strcmp(buf, "green") == 0);
    bd_part_t *btn = bd_partset_find(&ps, "BTN1");
    CHECK(btn && btn->pin[0] == pad("D2"));
    CHECK_EQ(num("BTN1", "bounce"), 3);
    CHECK_EQ(num("BTN1", "bounce_period"), 200000);
    CHECK_EQ(bd_pin_level(bd_board_pin(&board, pad("D2"))), 0); /* the pull-down */
    CHECK_EQ(bd_pin_uv(bd_board_pin(&board, pad("A0"))), 825000);
    CHECK_EQ(num("hcsr04_1", "distance"), 25);
    CHECK_EQ(num("hcsr04", "distance"), 25); /* by kind: the only one */
    bd_part_t *h = bd_partset_find(&ps, "hcsr04_1");
    CHECK(h && h->pin[0] == pad("D3") && h->pin[1] == pad("D4"));
    CHECK_EQ(num("servo1", "min_us"), 1000);
    CHECK(bd_partset_find(&ps, "beeper") != NULL);
    bd_part_t *sr = bd_partset_find(&ps, "hc595_1");
    CHECK(sr && sr->pin[0] == pad("D8") && sr->pin[1] == pad("D9") && sr->pin[2] == pad("D10"));
    CHECK(sr && sr->pin[bd_part_role_find(sr, "q0")] == pad("D11"));
    CHECK(sr && sr->pin[bd_part_role_find(sr, "oe")] == pad("D12"));
    bd_part_t *w = bd_partset_find(&ps, "wire1");
    CHECK(w && w->pin[0] == pad("D5") && w->pin[1] == pad("A1"));
    CHECK_EQ(num("wire1", "delay"), 10);
    /* a second file adds to the set; automatic names continue */
    CHECK_EQ(bd_parts_file_parse(&ps, &board, "more.parts", "led D12\n", err, sizeof err), BD_OK);
    CHECK(bd_partset_find(&ps, "led3") != NULL);
    teardown();
}

static void expect_error(const char *text, const char *want) {
    setup();
    CHECK_EQ(bd_parts_file_parse(&ps, &board, "p.txt", text, err, sizeof err), BD_ERR_INVAL);
    if (!strstr(err, want)) printf("#   got: %s\n#   want: %s\n", err, want);
    CHECK(strstr(err, want) != NULL);
    CHECK_EQ(ps.n, 0); /* nothing kept */
    CHECK_EQ(bd_sched_count(&board.sched), 0);
    teardown();
}

TEST(errors_name_file_and_line) {
    expect_error("led D13\nlamp D12\n", "p.txt:2: unknown part kind 'lamp' (known: led, button");
    expect_error("led D99\n", "p.txt:1: unknown pin 'D99' on board nano-rp2040");
    expect_error("\n\nbutton B1 D2 pul=up\n", "p.txt:3: button has no pin role or attribute 'pul'");
    expect_error("pot A0 value=lots\n", "p.txt:1: pot.value: expected a number, got 'lots'");
    expect_error("pot A0 value=2\n", "p.txt:1: pot1.value must be in 0..1, not 2");
    expect_error("button B1 D2 pull=sideways\n", "must be one of none|up|down");
    expect_error("led X D13\nled X D12\n", "p.txt:2: a part named 'X' already exists");
    expect_error("hcsr04 trig=D3\n", "p.txt:1: hcsr04 hcsr04_1: pin 'echo' is not connected (write echo=PIN)");
    expect_error("led D13 D12\n", "p.txt:1: too many pins for led: it takes 1 (pin)");
    expect_error("led D13 name=\"a b\"\n", "bad part name 'a b'");
    expect_error("button B1 D2 pull=\"up\n", "p.txt:1: unterminated quoted string");
    expect_error("servo D6 angle=10 pulses=3\n", "p.txt:1: servo.pulses is read-only");
    expect_error("hcsr04 trig=D3 trig=D4 echo=D5\n", "pin role 'trig' is given twice");
}

TEST(rollback_keeps_earlier_sets) {
    setup();
    CHECK_EQ(bd_parts_file_parse(&ps, &board, "a", "led D13\n", err, sizeof err), BD_OK);
    CHECK_EQ(bd_parts_file_parse(&ps, &board, "b", "button D2 pull=up\nservo\n", err, sizeof err), BD_ERR_INVAL);
    CHECK(strstr(err, "b:2: servo servo1: pin 'pin' is not connected") != NULL);
    CHECK_EQ(ps.n, 1);
    /* the rolled-back button let go of D2 */
    bd_pin_t *d2 = bd_board_pin(&board, pad("D2"));
    bd_pin_configure(d2, BD_MODE_INPUT, BD_PULL_NONE);
    CHECK(bd_pin_floating(d2));
    teardown();
}

TEST(load_from_file) {
    setup();
    CHECK_EQ(bd_parts_file_load(&ps, &board, "/nonexistent/x.parts", err, sizeof err), BD_ERR_IO);
    CHECK(strstr(err, "/nonexistent/x.parts: cannot read: No such file") != NULL);
    char path[] = "/tmp/bparts-pf-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("led D13\r\npot A0 voltage=1.65V\r\n", f); /* CRLF is fine */
    fclose(f);
    CHECK_EQ(bd_parts_file_load(&ps, &board, path, err, sizeof err), BD_OK);
    CHECK_EQ(ps.n, 2);
    CHECK_EQ(bd_pin_uv(bd_board_pin(&board, pad("A0"))), 1650000);
    remove(path);
    teardown();
}

int main(void) {
    RUN(loads_every_kind);
    RUN(errors_name_file_and_line);
    RUN(rollback_keeps_earlier_sets);
    RUN(load_from_file);
    return tap_done();
}
