/* test_wokwi.c: Wokwi diagram.json on the board (board choice, nets through
 * wires, resistors and breadboards, the parts built and how the wiring
 * configures them, warnings and errors with FILE:LINE:COL) and automation
 * scenarios run on the scheduler (set-control, delay, expect-pin through
 * the nets, wait-serial, write-serial; their errors). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/bd_board.h"
#include "board/bd_scenario.h"
#include "board/bd_wokwi.h"
#include "tap.h"

static bd_board_t board;
static bd_partset_t ps;
static bd_wokwi_t *dia;
static char err[1024];
static char *warnbuf;
static size_t warnlen;
static FILE *warn;

/* Load a diagram, pick its board (or `force`), build it.  The status of the
 * first failing stage; warnings collected in warnbuf. */
static bd_status_t setup(const char *json, const char *force) {
    warn = open_memstream(&warnbuf, &warnlen);
    bd_partset_init(&ps);
    bd_status_t st = bd_wokwi_parse(&dia, "d.json", json, strlen(json), err, sizeof err);
    if (st != BD_OK) {
        fflush(warn);
        return st;
    }
    const bd_board_def_t *def = NULL;
    st = bd_wokwi_pick_board(dia, force ? bd_board_def_find(force) : NULL, &def, warn, err, sizeof err);
    if (st != BD_OK) {
        fflush(warn);
        return st;
    }
    CHECK_EQ(bd_board_init(&board, def), BD_OK);
    st = bd_wokwi_build(dia, &board, &ps, warn, err, sizeof err);
    fflush(warn);
    return st;
}

static void teardown(bool board_made) {
    bd_wokwi_free(dia);
    dia = NULL;
    bd_partset_free(&ps);
    if (board_made) bd_board_free(&board);
    fclose(warn);
    free(warnbuf);
    warnbuf = NULL;
}

static int pad(const char *n) { return bd_part_find_pad(&board, n); }
static bd_part_t *part(const char *name) { return bd_partset_find(&ps, name); }
static double num(const char *p, const char *attr) {
    double v = -1;
    bd_part_t *x = part(p);
    CHECK(x != NULL);
    if (x) CHECK_EQ(bd_part_get_num(x, attr, &v), BD_OK);
    return v;
}
static bool text_is(const char *p, const char *attr, const char *want) {
    char buf[64] = "";
    bd_part_t *x = part(p);
    if (!x || bd_part_get_text(x, attr, buf, sizeof buf) != BD_OK) return false;
    if (strcmp(buf, want)) printf("#   %s.%s is '%s', want '%s'\n", p, attr, buf, want);
    return strcmp(buf, want) == 0;
}
static bool has(const char *hay, const char *needle) {
    bool ok = hay && strstr(hay, needle);
    if (!ok) printf("#   '%s' not in:\n#   %s\n", needle, hay ? hay : "(null)");
    return ok;
}

#define PICO_HEAD "{\"version\": 1, \"author\": \"t\", \"editor\": \"wokwi\", \"parts\": [\n" \
                  "  {\"type\": \"wokwi-pi-pico\", \"id\": \"pico\", \"top\": 0, \"left\": 0, \"attrs\": {}},\n"

TEST(pico_blink) {
    const char *j = PICO_HEAD
        "  {\"type\": \"wokwi-led\", \"id\": \"led1\", \"attrs\": {\"color\": \"green\"}},\n"
        "  {\"type\": \"wokwi-resistor\", \"id\": \"r1\", \"attrs\": {\"value\": \"220\"}}\n"
        "], \"connections\": [\n"
        "  [\"pico:GP15\", \"r1:1\", \"green\", [\"v0\"]],\n"
        "  [\"r1:2\", \"led1:A\", \"green\", []],\n"
        "  [\"led1:C\", \"pico:GND.4\", \"black\", []],\n"
        "  [\"$serialMonitor:RX\", \"pico:GP0\", \"\", []]\n"
        "]}";
    CHECK_EQ(setup(j, NULL), BD_OK);
    CHECK(strcmp(board.def->name, "rpi-pico") == 0);
    CHECK(strcmp(bd_wokwi_board_type(dia), "wokwi-pi-pico") == 0);
    CHECK(strcmp(bd_wokwi_board_id(dia), "pico") == 0);
    CHECK_EQ(ps.n, 1); /* the resistor is a net, not a part */
    bd_part_t *led = part("led1");
    CHECK(led && led->pin[0] == pad("GP15"));
    CHECK(text_is("led1", "active", "high"));
    CHECK(text_is("led1", "color", "green"));
    CHECK_EQ(warnlen, 0);
    /* the LED lights when GP15 goes high */
    bd_pin_t *gp15 = bd_board_pin(&board, pad("GP15"));
    bd_pin_configure(gp15, BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_pin_set_out(gp15, 1);
    CHECK_EQ(num("led1", "on"), 1);
    /* what the scenario sees of pins */
    bd_wokwi_net_t n;
    CHECK_EQ(bd_wokwi_pin_net(dia, "led1", "A", &n, err, sizeof err), BD_OK);
    CHECK_EQ(n.pad, pad("GP15"));
    CHECK_EQ(bd_wokwi_pin_net(dia, "led1", "C", &n, err, sizeof err), BD_OK);
    CHECK(n.pad < 0 && n.rail == BD_WOKWI_GND);
    CHECK_EQ(bd_wokwi_pin_net(dia, "pico", "GP25", &n, err, sizeof err), BD_OK);
    CHECK_EQ(n.pad, pad("LED"));
    CHECK_EQ(bd_wokwi_pin_net(dia, "pico", "TP5", &n, err, sizeof err), BD_OK);
    CHECK_EQ(n.pad, pad("GP25"));
    CHECK_EQ(bd_wokwi_pin_net(dia, "led1", "X", &n, err, sizeof err), BD_ERR_NOTFOUND);
    CHECK(has(err, "unknown pin \"X\" of wokwi-led \"led1\" (its pins: A C)"));
    CHECK_EQ(bd_wokwi_pin_net(dia, "nope", "A", &n, err, sizeof err), BD_ERR_NOTFOUND);
    CHECK_EQ(bd_wokwi_pin_net(dia, "pico", "GP99", &n, err, sizeof err), BD_ERR_NOTFOUND);
    CHECK(bd_wokwi_part(dia, "led1", NULL, NULL) == led);
    const char *type, *why;
    CHECK(bd_wokwi_part(dia, "r1", &type, &why) == NULL && strcmp(type, "wokwi-resistor") == 0 && why);
    CHECK(bd_wokwi_part(dia, "zz", &type, &why) == NULL && type == NULL);
    teardown(true);
}

TEST(wiring_configures_parts) {
    const char *j = PICO_HEAD
        "  {\"type\": \"wokwi-led\", \"id\": \"led2\"},\n"
        "  {\"type\": \"wokwi-pushbutton\", \"id\": \"btn1\", \"attrs\": {\"color\": \"red\"}},\n"
        "  {\"type\": \"wokwi-pushbutton\", \"id\": \"btn2\", \"attrs\": {\"bounce\": \"2\"}},\n"
        "  {\"type\": \"wokwi-resistor\", \"id\": \"rpu\", \"attrs\": {\"value\": \"10000\"}},\n"
        "  {\"type\": \"wokwi-resistor\", \"id\": \"rpd\", \"attrs\": {\"value\": \"10000\"}},\n"
        "  {\"type\": \"wokwi-pushbutton-6mm\", \"id\": \"btn3\"},\n"
        "  {\"type\": \"wokwi-potentiometer\", \"id\": \"pot1\", \"attrs\": {\"value\": \"1023\"}},\n"
        "  {\"type\": \"wokwi-slide-potentiometer\", \"id\": \"pot2\"},\n"
        "  {\"type\": \"wokwi-hc-sr04\", \"id\": \"sonar\", \"attrs\": {\"distance\": \"123\"}},\n"
        "  {\"type\": \"wokwi-servo\", \"id\": \"servo1\"},\n"
        "  {\"type\": \"wokwi-buzzer\", \"id\": \"bz1\"},\n"
        "  {\"type\": \"wokwi-74hc595\", \"id\": \"sr1\"},\n"
        "  {\"type\": \"wokwi-gnd\", \"id\": \"g\"},\n"
        "  {\"type\": \"wokwi-vcc\", \"id\": \"v\"}\n"
        "], \"connections\": [\n"
        "  [\"led2:A\", \"v:VCC\", \"red\", []], [\"led2:C\", \"pico:GP2\", \"\", []],\n"
        /* btn1: GP3 to GND, no resistor: the script pulls up */
        "  [\"btn1:1.l\", \"pico:GP3\", \"\", []], [\"btn1:2.r\", \"g:GND\", \"\", []],\n"
        /* btn2: GP4 to GND with a pull-up resistor */
        "  [\"btn2:1.r\", \"pico:GP4\", \"\", []], [\"btn2:2.l\", \"pico:GND.1\", \"\", []],\n"
        "  [\"rpu:1\", \"pico:GP4\", \"\", []], [\"rpu:2\", \"pico:3V3\", \"\", []],\n"
        /* btn3: GP5 to 3V3 with a pull-down */
        "  [\"btn3:2.l\", \"pico:GP5\", \"\", []], [\"btn3:1.l\", \"pico:3V3\", \"\", []],\n"
        "  [\"rpd:2\", \"pico:GP5\", \"\", []], [\"rpd:1\", \"pico:GND.2\", \"\", []],\n"
        "  [\"pot1:SIG\", \"pico:GP26\", \"\", []], [\"pot1:VCC\", \"pico:3V3\", \"\", []],\n"
        "  [\"pot1:GND\", \"pico:GND.8\", \"\", []], [\"pot2:SIG\", \"pico:GP27\", \"\", []],\n"
        "  [\"sonar:TRIG\", \"pico:GP6\", \"\", []], [\"sonar:ECHO\", \"pico:GP7\", \"\", []],\n"
        "  [\"servo1:PWM\", \"pico:GP8\", \"\", []], [\"bz1:2\", \"pico:GP9\", \"\", []],\n"
        "  [\"bz1:1\", \"pico:GND.3\", \"\", []],\n"
        "  [\"sr1:DS\", \"pico:GP10\", \"\", []], [\"sr1:SHCP\", \"pico:GP11\", \"\", []],\n"
        "  [\"sr1:STCP\", \"pico:GP12\", \"\", []], [\"sr1:Q0\", \"pico:GP13\", \"\", []],\n"
        "  [\"sr1:OE\", \"pico:GND.5\", \"\", []], [\"sr1:MR\", \"pico:3V3\", \"\", []]\n"
        "]}";
    CHECK_EQ(setup(j, NULL), BD_OK);
    if (err[0]) printf("# %s\n", err);
    CHECK_EQ(ps.n, 10);
    /* LED from VCC to a pin: active low */
    CHECK(part("led2") && part("led2")->pin[0] == pad("GP2"));
    CHECK(text_is("led2", "active", "low"));
    CHECK(text_is("btn1", "to", "gnd") && text_is("btn1", "pull", "none"));
    CHECK(part("btn1")->pin[0] == pad("GP3"));
    CHECK(text_is("btn2", "to", "gnd") && text_is("btn2", "pull", "up"));
    CHECK_EQ(num("btn2", "bounce"), 2);
    CHECK(text_is("btn3", "to", "vcc") && text_is("btn3", "pull", "down"));
    CHECK(part("btn3")->pin[0] == pad("GP5"));
    /* the pull-up holds GP4 high, the pull-down GP5 low */
    CHECK_EQ(bd_pin_level(bd_board_pin(&board, pad("GP4"))), 1);
    CHECK_EQ(bd_pin_level(bd_board_pin(&board, pad("GP5"))), 0);
    CHECK(num("pot1", "position") > 0.999);
    CHECK_EQ(num("pot2", "position"), 0); /* Wokwi's default value is 0 */
    CHECK(part("pot1")->pin[0] == pad("GP26"));
    CHECK_EQ(bd_pin_uv(bd_board_pin(&board, pad("GP26"))), 3300000);
    CHECK_EQ(num("sonar", "distance"), 123);
    bd_part_t *s = part("sonar");
    CHECK(s && s->pin[bd_part_role_find(s, "trig")] == pad("GP6") && s->pin[bd_part_role_find(s, "echo")] == pad("GP7"));
    CHECK(part("servo1") && part("servo1")->pin[0] == pad("GP8"));
    CHECK(part("bz1") && part("bz1")->pin[0] == pad("GP9"));
    bd_part_t *sr = part("sr1");
    CHECK(sr && sr->pin[bd_part_role_find(sr, "ser")] == pad("GP10"));
    CHECK(sr && sr->pin[bd_part_role_find(sr, "srclk")] == pad("GP11"));
    CHECK(sr && sr->pin[bd_part_role_find(sr, "rclk")] == pad("GP12"));
    CHECK(sr && sr->pin[bd_part_role_find(sr, "q0")] == pad("GP13"));
    CHECK(sr && sr->pin[bd_part_role_find(sr, "oe")] == -1); /* tied to GND: enabled, no pad */
    CHECK_EQ(warnlen, 0);
    teardown(true);
}

TEST(i2c_parts) {
    const char *j = PICO_HEAD
        "  {\"type\": \"board-ssd1306\", \"id\": \"oled1\", \"attrs\": {\"i2c-address\": \"0x3d\"}},\n"
        "  {\"type\": \"board-bmp280\", \"id\": \"bmp\", \"attrs\": {\"temperature\": \"31.5\", \"pressure\": 990}}\n"
        "], \"connections\": [\n"
        "  [\"oled1:SDA\", \"pico:GP4\", \"\", []], [\"oled1:SCL\", \"pico:GP5\", \"\", []],\n"
        "  [\"oled1:VCC\", \"pico:3V3\", \"\", []], [\"oled1:GND\", \"pico:GND.1\", \"\", []],\n"
        "  [\"bmp:SDA\", \"oled1:SDA\", \"\", []], [\"bmp:SCL\", \"oled1:SCL\", \"\", []]\n"
        "]}";
    CHECK_EQ(setup(j, NULL), BD_OK);
    if (err[0]) printf("# %s\n", err);
    bd_part_t *o = part("oled1"), *b = part("bmp");
    CHECK(o && o->pin[bd_part_role_find(o, "sda")] == pad("GP4") && o->pin[bd_part_role_find(o, "scl")] == pad("GP5"));
    CHECK(b && b->pin[bd_part_role_find(b, "sda")] == pad("GP4") && b->pin[bd_part_role_find(b, "scl")] == pad("GP5"));
    CHECK_EQ(num("oled1", "address"), 0x3d);
    CHECK(num("bmp", "temperature") == 31.5 && num("bmp", "pressure") == 990);
    teardown(true);
}

TEST(breadboard_and_skips) {
    const char *j = PICO_HEAD
        "  {\"type\": \"wokwi-breadboard-half\", \"id\": \"bb1\"},\n"
        "  {\"type\": \"wokwi-led\", \"id\": \"led 1\"},\n"
        "  {\"type\": \"wokwi-led\", \"id\": \"led2\"},\n"
        "  {\"type\": \"wokwi-lcd1602\", \"id\": \"lcd1\"},\n"
        "  {\"type\": \"wokwi-lcd1602\", \"id\": \"lcd2\"},\n"
        "  {\"type\": \"wokwi-pushbutton\", \"id\": \"btn1\"},\n"
        "  {\"type\": \"wokwi-text\", \"id\": \"t1\", \"attrs\": {\"text\": \"hi\"}}\n"
        "], \"connections\": [\n"
        "  [\"pico:GP16\", \"bb1:10t.a\", \"\", []], [\"led 1:A\", \"bb1:10t.e\", \"\", []],\n"
        "  [\"led 1:C\", \"bb1:tn.3\", \"\", []], [\"bb1:tn.40\", \"pico:GND.6\", \"\", []],\n"
        "  [\"led2:A\", \"bb1:12b.f\", \"\", []],\n"
        "  [\"lcd1:SDA\", \"pico:GP20\", \"\", []],\n"
        "  [\"btn1:1.l\", \"pico:GP17\", \"\", []]\n"
        "]}";
    CHECK_EQ(setup(j, NULL), BD_OK);
    if (err[0]) printf("# %s\n", err);
    CHECK_EQ(ps.n, 1);
    bd_part_t *led = part("led_1"); /* the id, made a part name */
    CHECK(led && led->pin[0] == pad("GP16"));
    CHECK(text_is("led_1", "active", "high"));
    CHECK(bd_wokwi_part(dia, "led 1", NULL, NULL) == led);
    /* warnings: the rename, the unwired parts, one line for both LCDs */
    CHECK(has(warnbuf, "d.json:4:3: warning: part \"led 1\" is named led_1 here"));
    CHECK(has(warnbuf, "d.json:5:3: warning: wokwi-led \"led2\": not wired to a board pin"));
    CHECK(has(warnbuf, "d.json:6:3: warning: wokwi-lcd1602 is not simulated by Breadboard; skipped: lcd1 lcd2\n"));
    CHECK(strstr(warnbuf, "lcd2 ") == NULL && strstr(strstr(warnbuf, "lcd1602") + 1, "lcd1602") == NULL);
    CHECK(has(warnbuf, "wokwi-pushbutton \"btn1\": one contact is on GP17 but the other is not wired to GND or VCC"));
    CHECK(strstr(warnbuf, "t1") == NULL); /* decorations are not parts */
    const char *type, *why;
    CHECK(bd_wokwi_part(dia, "lcd2", &type, &why) == NULL && has(why, "not simulated"));
    CHECK(bd_wokwi_part(dia, "btn1", &type, &why) == NULL && has(why, "one contact"));
    teardown(true);
}

TEST(boards) {
    /* the Nano RP2040 Connect: its pin names are our labels */
    const char *j = "{\"version\": 1, \"parts\": [{\"type\": \"wokwi-nano-rp2040-connect\", \"id\": \"nano\"},"
                    "{\"type\": \"wokwi-led\", \"id\": \"l\"}], \"connections\": ["
                    "[\"nano:D13\", \"l:A\", \"\", []], [\"l:C\", \"nano:GND.1\", \"\", []]]}";
    CHECK_EQ(setup(j, NULL), BD_OK);
    CHECK(strcmp(board.def->name, "nano-rp2040") == 0);
    CHECK(part("l") && part("l")->pin[0] == pad("D13"));
    teardown(true);
    /* the ESP32-S3 DevKitC: GPIO numbers, run on nano-esp32 with a note */
    j = "{\"version\": 1, \"parts\": [{\"type\": \"board-esp32-s3-devkitc-1\", \"id\": \"esp\"},"
        "{\"type\": \"wokwi-led\", \"id\": \"l\"}], \"connections\": ["
        "[\"esp:2\", \"l:A\", \"\", []], [\"l:C\", \"esp:GND.1\", \"\", []], [\"esp:TX\", \"$serialMonitor:RX\", \"\", []]]}";
    CHECK_EQ(setup(j, NULL), BD_OK);
    CHECK(strcmp(board.def->name, "nano-esp32") == 0);
    CHECK(part("l") && part("l")->pin[0] == pad("GPIO2"));
    CHECK(has(warnbuf, "simulated on nano-esp32"));
    teardown(true);
    /* the Arduino Nano ESP32 */
    j = "{\"version\": 1, \"parts\": [{\"type\": \"board-arduino-nano-esp32\", \"id\": \"n\"},"
        "{\"type\": \"wokwi-led\", \"id\": \"l\"}], \"connections\": ["
        "[\"n:D5\", \"l:A\", \"\", []], [\"l:C\", \"n:GND.2\", \"\", []]]}";
    CHECK_EQ(setup(j, NULL), BD_OK);
    CHECK(strcmp(board.def->name, "nano-esp32") == 0);
    CHECK(part("l") && part("l")->pin[0] == pad("D5"));
    teardown(true);
    /* an explicit board wins, with a warning; pins are looked up there */
    j = "{\"version\": 1, \"parts\": [{\"type\": \"wokwi-pi-pico\", \"id\": \"pico\"}], \"connections\": []}";
    CHECK_EQ(setup(j, "nano-rp2040"), BD_OK);
    CHECK(strcmp(board.def->name, "nano-rp2040") == 0);
    CHECK(has(warnbuf, "d.json:1:26: warning: the diagram's board is wokwi-pi-pico \"pico\" (rpi-pico); running on "
                       "nano-rp2040 as --board asks"));
    teardown(true);
    /* a board we do not have: an error naming ours, unless --board is given */
    j = "{\"version\": 2, \"parts\": [{\"type\": \"wokwi-arduino-uno\", \"id\": \"uno\"}], \"connections\": []}";
    CHECK_EQ(setup(j, NULL), BD_ERR_UNSUPPORTED);
    CHECK(has(err, "d.json:1:26: board wokwi-arduino-uno \"uno\" has no Breadboard equivalent (supported: wokwi-pi-pico,"));
    CHECK(has(err, "choose one of ours with --board NAME"));
    CHECK(has(warnbuf, "d.json:1:13: warning: diagram version is not 1"));
    teardown(false);
    CHECK_EQ(setup(j, "rpi-pico"), BD_OK);
    CHECK(strcmp(board.def->name, "rpi-pico") == 0);
    teardown(true);
    /* no board part: the default board, with a warning */
    j = "{\"version\": 1, \"parts\": [], \"connections\": []}";
    CHECK_EQ(setup(j, NULL), BD_OK);
    CHECK(board.def == bd_board_def_default());
    CHECK(has(warnbuf, "d.json: warning: the diagram has no microcontroller part; running on nano-rp2040"));
    teardown(true);
    CHECK(bd_wokwi_board_for("wokwi-pi-pico") == bd_board_def_find("rpi-pico"));
    CHECK(bd_wokwi_board_for("wokwi-arduino-uno") == NULL);
}

TEST(errors) {
    memset(&board, 0, sizeof board);
    /* malformed JSON: the file name, then line:col */
    CHECK_EQ(setup("{\"parts\": [\n  {\"id\": \"a\",}\n]}", NULL), BD_ERR_INVAL);
    CHECK(has(err, "d.json:2:14: trailing comma before '}'"));
    teardown(false);
    CHECK_EQ(setup("[1]", NULL), BD_ERR_INVAL);
    CHECK(has(err, "d.json:1:1: a diagram is a JSON object"));
    teardown(false);
    CHECK_EQ(setup("{\"version\": 1}", NULL), BD_ERR_INVAL);
    CHECK(has(err, "the diagram has no \"parts\" list"));
    teardown(false);
    CHECK_EQ(setup("{\"parts\": [{\"id\": \"a\"}]}", NULL), BD_ERR_INVAL);
    CHECK(has(err, "d.json:1:12: a part needs a \"type\" string"));
    teardown(false);
    CHECK_EQ(setup("{\"parts\": [{\"type\": \"wokwi-led\", \"id\": \"a\"}, {\"type\": \"wokwi-led\", \"id\": \"a\"}]}", NULL),
             BD_ERR_INVAL);
    CHECK(has(err, "duplicate part id \"a\""));
    teardown(false);
    /* after the board is known: pins and parts of the connections */
    const char *j = PICO_HEAD "  {\"type\": \"wokwi-led\", \"id\": \"led1\"}\n], \"connections\": [\n"
                              "  [\"led1:A\", \"pico:GP99\", \"\", []]\n]}";
    CHECK_EQ(setup(j, NULL), BD_ERR_INVAL);
    CHECK(has(err, "d.json:5:14: unknown pin \"GP99\" of wokwi-pi-pico \"pico\" on board rpi-pico"));
    CHECK_EQ(ps.n, 0);
    teardown(true);
    j = PICO_HEAD "  {\"type\": \"wokwi-led\", \"id\": \"led1\"}\n], \"connections\": [\n"
                  "  [\"led1:K\", \"pico:GP1\", \"\", []]\n]}";
    CHECK_EQ(setup(j, NULL), BD_ERR_INVAL);
    CHECK(has(err, "d.json:5:4: unknown pin \"K\" of wokwi-led \"led1\" (its pins: A C)"));
    teardown(true);
    j = PICO_HEAD "  {\"type\": \"wokwi-led\", \"id\": \"led1\"}\n], \"connections\": [\n"
                  "  [\"led1:A\", \"pico:GP1\", \"\", []], [\"led9:A\", \"pico:GP2\", \"\", []]\n]}";
    CHECK_EQ(setup(j, NULL), BD_ERR_INVAL);
    CHECK(has(err, "d.json:5:36: no part \"led9\" in the diagram"));
    CHECK_EQ(ps.n, 0);
    teardown(true);
    j = PICO_HEAD "  {\"type\": \"wokwi-breadboard\", \"id\": \"bb\"}\n], \"connections\": [\n"
                  "  [\"bb:5x.a\", \"pico:GP1\", \"\", []]\n]}";
    CHECK_EQ(setup(j, NULL), BD_ERR_INVAL);
    CHECK(has(err, "unknown breadboard pin \"5x.a\""));
    teardown(true);
    j = PICO_HEAD "  {\"type\": \"wokwi-led\", \"id\": \"led1\"}\n], \"connections\": [\n  [\"led1\", \"pico:GP1\"]\n]}";
    CHECK_EQ(setup(j, NULL), BD_ERR_INVAL);
    CHECK(has(err, "a connection end is \"PART:PIN\", not \"led1\""));
    teardown(true);
    j = PICO_HEAD "  {\"type\": \"wokwi-potentiometer\", \"id\": \"p\", \"attrs\": {\"value\": \"2000\"}}\n],"
                  " \"connections\": [[\"p:SIG\", \"pico:GP26\", \"\", []]]}";
    CHECK_EQ(setup(j, NULL), BD_ERR_INVAL);
    CHECK(has(err, "d.json:3:65: p: value must be a number 0..1023, not \"2000\""));
    CHECK_EQ(ps.n, 0);
    teardown(true);
    /* a missing file */
    bd_wokwi_t *w = (bd_wokwi_t *)1;
    CHECK_EQ(bd_wokwi_load(&w, "/nonexistent/diagram.json", err, sizeof err), BD_ERR_IO);
    CHECK(w == NULL && has(err, "cannot read diagram '/nonexistent/diagram.json': No such file"));
}

/* ------------------------------------------------------------ scenarios */

static char out[2048];
static size_t outlen;
static char in[256];
static size_t inlen;
static int done_state;
static bd_time_t done_time;

static size_t serial_fn(void *ctx, int unit, const char **data) {
    *data = out;
    return outlen;
}
static void uart_fn(void *ctx, int unit, const uint8_t *data, size_t len, bd_time_t now) {
    CHECK_EQ(unit, -1);
    memcpy(in + inlen, data, len);
    inlen += len;
}
static void done_fn(void *ctx, bd_scn_state_t st, bd_time_t now) {
    done_state = st;
    done_time = now;
}
static void print(bd_scn_t *s, const char *text) {
    size_t n = strlen(text);
    memcpy(out + outlen, text, n);
    outlen += n;
    bd_scn_serial_changed(s, bd_sched_now(&board.sched));
}

static const char *button_led =
    PICO_HEAD "  {\"type\": \"wokwi-pushbutton\", \"id\": \"btn1\"},\n  {\"type\": \"wokwi-led\", \"id\": \"led1\"},\n"
              "  {\"type\": \"wokwi-resistor\", \"id\": \"r1\"}\n], \"connections\": [\n"
              "  [\"btn1:1.l\", \"pico:GP14\", \"\", []], [\"btn1:2.l\", \"pico:GND.1\", \"\", []],\n"
              "  [\"led1:A\", \"r1:1\", \"\", []], [\"r1:2\", \"pico:GP15\", \"\", []],\n"
              "  [\"led1:C\", \"pico:GND.2\", \"\", []]\n]}";

static bd_scn_t *scn(const char *yaml, bd_status_t want) {
    bd_scn_t *s;
    CHECK_EQ(bd_scn_new(&s, &board, &ps, dia), BD_OK);
    bd_scn_on_serial(s, serial_fn, NULL);
    bd_scn_on_uart(s, uart_fn, NULL);
    bd_scn_on_done(s, done_fn, NULL);
    bd_status_t st = bd_scn_parse(s, "t.yaml", yaml, strlen(yaml), err, sizeof err);
    if (st != want) printf("#   parse: %s\n", err);
    CHECK_EQ(st, want);
    outlen = inlen = 0;
    done_state = -1;
    return s;
}

TEST(scenario_runs) {
    CHECK_EQ(setup(button_led, NULL), BD_OK);
    /* the "firmware": GP14 input with pull-up, GP15 drives the LED */
    bd_pin_t *b14 = bd_board_pin(&board, pad("GP14")), *b15 = bd_board_pin(&board, pad("GP15"));
    bd_pin_configure(b14, BD_MODE_INPUT, BD_PULL_UP);
    bd_pin_configure(b15, BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_scn_t *s = scn("name: press\nversion: 1\nsteps:\n"
                      "  - wait-serial: ready\n"
                      "  - expect-pin: {part-id: btn1, pin: 1.r, value: 1}\n"
                      "  - set-control:\n      part-id: btn1\n      control: pressed\n      value: 1\n"
                      "  - delay: 10ms\n"
                      "  - expect-pin: {part-id: btn1, pin: 2.l, value: 0}\n"
                      "  - expect-pin: {part-id: pico, pin: GP14, value: 0}\n"
                      "  - write-serial: \"go\\n\"\n"
                      "  - write-serial: [1, 2]\n"
                      "  - wait-serial: led on\n"
                      "  - expect-pin: {part-id: led1, pin: A, expected: 1}\n",
                      BD_OK);
    CHECK_EQ(bd_scn_step_count(s), 10);
    CHECK(strcmp(bd_scn_name(s), "press") == 0);
    CHECK_EQ(bd_scn_start(s, err, sizeof err), BD_OK);
    bd_sched_run_until(&board.sched, BD_MS(5), NULL);
    CHECK(bd_scn_waiting_serial(s)); /* nothing printed yet */
    print(s, "boot\nrea");
    CHECK(bd_scn_waiting_serial(s));
    print(s, "dy\n"); /* matched across writes */
    CHECK(!bd_scn_waiting_serial(s));
    bd_sched_run_until(&board.sched, BD_MS(6), NULL);
    CHECK(num("btn1", "pressed") == 1);
    CHECK_EQ(bd_pin_level(b14), 0);
    CHECK_EQ(inlen, 0);
    bd_sched_run_until(&board.sched, BD_MS(20), NULL);
    CHECK_EQ(inlen, 5);
    CHECK(memcmp(in, "go\n\1\2", 5) == 0);
    CHECK(bd_scn_waiting_serial(s));
    bd_pin_set_out(b15, 1);
    print(s, "led on\n");
    bd_sched_run_until(&board.sched, BD_MS(30), NULL);
    CHECK_EQ(bd_scn_state(s), BD_SCN_PASSED);
    CHECK_EQ(done_state, BD_SCN_PASSED);
    CHECK_EQ(done_time, BD_MS(20));
    char *rep;
    size_t rlen;
    FILE *f = open_memstream(&rep, &rlen);
    CHECK_EQ(bd_scn_report(s, f), 0);
    fclose(f);
    CHECK(has(rep, "scenario \"press\": passed, 10 steps, done at 20ms\n"));
    free(rep);
    bd_scn_free(s);
    teardown(true);
}

TEST(scenario_fails) {
    CHECK_EQ(setup(button_led, NULL), BD_OK);
    bd_pin_configure(bd_board_pin(&board, pad("GP15")), BD_MODE_OUTPUT, BD_PULL_NONE);
    bd_scn_t *s = scn("steps:\n  - delay: 1ms\n  - expect-pin:\n      part-id: led1\n      pin: A\n      value: 1\n"
                      "  - delay: 1s\n",
                      BD_OK);
    CHECK_EQ(bd_scn_start(s, err, sizeof err), BD_OK);
    bd_sched_run_until(&board.sched, BD_MS(10), NULL);
    CHECK_EQ(bd_scn_state(s), BD_SCN_FAILED);
    CHECK_EQ(done_state, BD_SCN_FAILED);
    char *rep;
    size_t rlen;
    FILE *f = open_memstream(&rep, &rlen);
    CHECK_EQ(bd_scn_report(s, f), 1);
    fclose(f);
    CHECK(has(rep, "t.yaml:3: scenario step 2 failed at 1ms: expect-pin led1:A = 1: GP15 is 0\n"));
    CHECK(has(rep, "scenario \"t.yaml\": FAILED at step 2 of 3\n"));
    free(rep);
    bd_scn_free(s);
    /* a wait-serial the run never satisfies */
    s = scn("steps:\n  - wait-serial: 'never'\n", BD_OK);
    CHECK_EQ(bd_scn_start(s, err, sizeof err), BD_OK);
    bd_sched_run_until(&board.sched, BD_S(1), NULL);
    print(s, "something else\n");
    CHECK_EQ(bd_scn_state(s), BD_SCN_RUNNING);
    bd_scn_finish(s, "the run ended at 1s");
    CHECK_EQ(bd_scn_state(s), BD_SCN_FAILED);
    f = open_memstream(&rep, &rlen);
    CHECK_EQ(bd_scn_report(s, f), 1);
    fclose(f);
    CHECK(has(rep, "t.yaml:2: scenario step 1 not done: wait-serial \"never\": the run ended at 1s\n"));
    free(rep);
    bd_scn_free(s);
    /* a scenario freed while a delay is pending cancels its event */
    s = scn("steps:\n  - delay: 5s\n  - expect-pin: {part-id: led1, pin: C, value: 1}\n", BD_OK);
    CHECK_EQ(bd_scn_start(s, err, sizeof err), BD_OK);
    bd_sched_run_until(&board.sched, BD_S(2), NULL);
    bd_scn_free(s);
    bd_sched_run_until(&board.sched, BD_S(10), NULL);
    teardown(true);
}

static void bad_scn(const char *yaml, const char *msg) {
    bd_scn_t *s = scn(yaml, BD_ERR_INVAL);
    CHECK(has(err, msg));
    CHECK_EQ(bd_scn_step_count(s), 0); /* nothing kept */
    bd_scn_free(s);
}

TEST(scenario_errors) {
    CHECK_EQ(setup(button_led, NULL), BD_OK);
    bad_scn("steps:\n  - press: btn1\n", "t.yaml:2:5: unknown step 'press' (steps: delay, set-control,");
    bad_scn("steps:\n  - take-screenshot: {part-id: x}\n", "t.yaml:2:5: step 'take-screenshot' is not supported");
    bad_scn("steps:\n  - delay: 500\n", "t.yaml:2:12: delay '500' needs a unit");
    bad_scn("steps:\n  - delay: soon\n", "t.yaml:2:12: bad delay 'soon'");
    bad_scn("steps:\n  - set-control: {part-id: btn9, control: pressed, value: 1}\n",
            "t.yaml:2:28: no part \"btn9\" in the diagram");
    bad_scn("steps:\n  - set-control: {part-id: r1, control: value, value: 1}\n",
            "t.yaml:2:28: part \"r1\" (wokwi-resistor) is not simulated");
    bad_scn("steps:\n  - set-control: {part-id: btn1, control: pushed, value: 1}\n",
            "t.yaml:2:43: btn1 (a button) has no control 'pushed' (it has: pressed, to, pull, bounce");
    bad_scn("steps:\n  - set-control: {part-id: btn1, control: pressed}\n", "t.yaml:2:5: set-control needs 'value'");
    bad_scn("steps:\n  - set-control: {part-id: btn1, control: pull, value: sideways}\n",
            "t.yaml:2:56: btn1.pull must be one of none|up|down, not 'sideways'");
    bad_scn("steps:\n  - expect-pin: {part-id: led1, pin: Z, value: 1}\n",
            "t.yaml:2:38: unknown pin \"Z\" of wokwi-led \"led1\" (its pins: A C)");
    bad_scn("steps:\n  - expect-pin: {part-id: led1, pin: A, value: maybe}\n",
            "t.yaml:2:48: expect-pin value is 0 or 1 (or high/low), not 'maybe'");
    bad_scn("steps:\n  - expect-pin: {part-id: pico, pin: GP77, value: 1}\n", "unknown pin \"GP77\" of wokwi-pi-pico");
    bad_scn("steps:\n  - write-serial: [300]\n", "t.yaml:2:20: write-serial bytes are numbers 0..255");
    bad_scn("steps:\n  - delay: 1s\n    wait-serial: x\n", "t.yaml:2:5: a step has exactly one key");
    bad_scn("name: x\n", "t.yaml:1:1: the scenario has no 'steps:' list");
    bad_scn("steps:\n  - delay: 1s\n  bad\n", "t.yaml:3:3: bad indentation");
    teardown(true);
    /* without a diagram: part names of the parts file, pins are roles */
    bd_partset_init(&ps);
    CHECK_EQ(bd_board_init(&board, bd_board_def_find("nano-rp2040")), BD_OK);
    bd_part_t *b;
    CHECK_EQ(bd_part_new(&b, &board, "button", "B1"), BD_OK);
    CHECK_EQ(bd_part_attach(b, "pin", pad("D2"), err, sizeof err), BD_OK);
    CHECK_EQ(bd_partset_add(&ps, b), BD_OK);
    bd_scn_t *s;
    CHECK_EQ(bd_scn_new(&s, &board, &ps, NULL), BD_OK);
    bd_scn_on_done(s, done_fn, NULL);
    const char *y = "steps:\n- set-control: {part-id: B1, control: pressed, value: true}\n"
                    "- expect-pin: {part-id: B1, pin: pin, value: low}\n";
    CHECK_EQ(bd_scn_parse(s, "n.yaml", y, strlen(y), err, sizeof err), BD_OK);
    CHECK_EQ(bd_scn_start(s, err, sizeof err), BD_OK);
    bd_sched_run_until(&board.sched, BD_MS(1), NULL);
    CHECK_EQ(bd_scn_state(s), BD_SCN_PASSED);
    bd_scn_free(s);
    /* a wait-serial without the console connected */
    CHECK_EQ(bd_scn_new(&s, &board, &ps, NULL), BD_OK);
    y = "steps:\n- wait-serial: x\n";
    CHECK_EQ(bd_scn_parse(s, "n.yaml", y, strlen(y), err, sizeof err), BD_OK);
    CHECK_EQ(bd_scn_start(s, err, sizeof err), BD_ERR_UNSUPPORTED);
    CHECK(has(err, "n.yaml:2: wait-serial \"x\" needs the console"));
    bd_scn_free(s);
    CHECK_EQ(bd_scn_new(&s, &board, &ps, NULL), BD_OK);
    CHECK_EQ(bd_scn_load(s, "/nonexistent.yaml", err, sizeof err), BD_ERR_IO);
    CHECK(has(err, "cannot read scenario '/nonexistent.yaml'"));
    bd_scn_free(s);
    bd_partset_free(&ps);
    bd_board_free(&board);
}

int main(void) {
    RUN(pico_blink);
    RUN(wiring_configures_parts);
    RUN(i2c_parts);
    RUN(breadboard_and_skips);
    RUN(boards);
    RUN(errors);
    RUN(scenario_runs);
    RUN(scenario_fails);
    RUN(scenario_errors);
    return tap_done();
}
