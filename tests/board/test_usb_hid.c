/* test_usb_hid.c: the USB HID model: enumeration delay, sends before and
 * after configuration, one report per endpoint and the host's polling grid,
 * typed-text decoding (Shift, Caps Lock, Backspace, shortcuts, rollover),
 * the host's LED output reports, the mouse's pointer and buttons, the trace
 * lines, detach, and the usbhost part's attributes. */
#include <stdlib.h>
#include <string.h>

#include "board/bd_part.h"
#include "board/bd_usb_hid.h"
#include "tap.h"

typedef struct {
    int n;
    int itf[16];
    uint8_t mask[16];
    bd_time_t t[16];
} outs_t;

static void on_out(void *ctx, bd_usb_hid_t *u, int itf, const uint8_t *data, size_t len, bd_time_t t) {
    outs_t *o = ctx;
    if (o->n < 16) o->itf[o->n] = itf, o->mask[o->n] = data[0], o->t[o->n] = t;
    o->n++;
}

static bd_sched_t sched;
static bd_usb_hid_t usb;

/* A keyboard (8 ms) and a mouse (1 ms), attached at 0, configured at 200 ms. */
static void setup(bool with_mouse) {
    bd_sched_init(&sched);
    bd_usb_hid_init(&usb, &sched);
    CHECK_EQ(bd_usb_hid_add(&usb, BD_HID_KEYBOARD, 8), 0);
    if (with_mouse) CHECK_EQ(bd_usb_hid_add(&usb, BD_HID_MOUSE, 1), 1);
    bd_usb_hid_attach(&usb, true);
}

static void teardown(void) {
    bd_usb_hid_free(&usb);
    bd_sched_free(&sched);
}

/* Sends report r on itf as soon as the endpoint is free; returns the time
 * it was collected. */
static bd_time_t send_wait(int itf, const uint8_t *r, size_t len) {
    while (bd_usb_hid_busy(&usb, itf)) bd_sched_run_one(&sched);
    CHECK_EQ(bd_usb_hid_send(&usb, itf, r, len), BD_OK);
    bd_time_t due = bd_usb_hid_due(&usb, itf);
    bd_sched_run_until(&sched, due, NULL);
    CHECK(!bd_usb_hid_busy(&usb, itf));
    return due;
}

static void key(uint8_t mods, uint8_t code) {
    uint8_t down[8] = {mods, 0, code, 0, 0, 0, 0, 0}, up[8] = {0};
    send_wait(0, down, 8);
    send_wait(0, up, 8);
}

TEST(enumeration) {
    setup(true);
    uint8_t r[8] = {0, 0, 0x04};
    CHECK(!bd_usb_hid_configured(&usb));
    CHECK_EQ(bd_usb_hid_send(&usb, 0, r, 8), BD_ERR_UNSUPPORTED); /* no endpoint yet: nothing queued */
    CHECK(!bd_usb_hid_busy(&usb, 0));
    bd_sched_run_until(&sched, BD_MS(200) - 1, NULL);
    CHECK(!bd_usb_hid_configured(&usb));
    bd_sched_run_until(&sched, BD_MS(200), NULL);
    CHECK(bd_usb_hid_configured(&usb));
    CHECK_EQ(usb.config_time, BD_MS(200));
    CHECK_EQ(usb.reports, 0);
    CHECK_EQ(bd_usb_hid_send(&usb, 2, r, 8), BD_ERR_INVAL);
    CHECK_EQ(bd_usb_hid_send(&usb, 0, r, 0), BD_ERR_INVAL);
    CHECK_EQ(bd_usb_hid_send(&usb, 0, r, BD_USB_REPORT_MAX + 1), BD_ERR_INVAL);
    CHECK_EQ(bd_usb_hid_add(&usb, BD_HID_MOUSE, 1), -1); /* only while detached */
    teardown();
}

TEST(polling_grid) {
    setup(true);
    bd_sched_run_until(&sched, BD_MS(200), NULL);
    uint8_t r[8] = {0, 0, 0x04};
    /* queued exactly on a poll: collected at the next one */
    CHECK_EQ(bd_usb_hid_send(&usb, 0, r, 8), BD_OK);
    CHECK(bd_usb_hid_busy(&usb, 0));
    CHECK_EQ(bd_usb_hid_due(&usb, 0), BD_MS(208));
    CHECK_EQ(bd_usb_hid_send(&usb, 0, r, 8), BD_ERR_BUSY);
    bd_sched_run_until(&sched, BD_MS(203), NULL);
    uint8_t r2[8] = {0};
    CHECK_EQ(bd_usb_hid_send(&usb, 0, r2, 8), BD_ERR_BUSY);
    bd_sched_run_until(&sched, BD_MS(208), NULL);
    CHECK(!bd_usb_hid_busy(&usb, 0));
    CHECK_EQ(usb.reports, 1);
    CHECK_EQ(usb.log[0].time, BD_MS(208));
    /* mid-interval: the grid, not the send time, decides */
    bd_sched_run_until(&sched, BD_MS(211), NULL);
    CHECK_EQ(bd_usb_hid_send(&usb, 0, r2, 8), BD_OK);
    CHECK_EQ(bd_usb_hid_due(&usb, 0), BD_MS(216));
    /* the mouse polls every 1 ms, independently */
    uint8_t m[3] = {0, 5, 0};
    CHECK_EQ(bd_usb_hid_send(&usb, 1, m, 3), BD_OK);
    CHECK_EQ(bd_usb_hid_due(&usb, 1), BD_MS(212));
    bd_sched_run_until(&sched, BD_MS(220), NULL);
    CHECK_EQ(usb.reports, 3);
    CHECK_EQ(usb.log[1].itf, 1);
    CHECK_EQ(usb.log[2].time, BD_MS(216));
    teardown();
}

TEST(typed_text) {
    setup(false);
    bd_sched_run_until(&sched, BD_MS(200), NULL);
    /* "Hello, World!\n": H = Shift+h, ',' 0x36, space 0x2c, '!' = Shift+1, Enter */
    key(0x02, 0x0b);
    key(0, 0x08);
    key(0, 0x0f);
    key(0, 0x0f);
    key(0, 0x12);
    key(0, 0x36);
    key(0, 0x2c);
    key(0x20, 0x1a); /* right shift */
    key(0, 0x12);
    key(0, 0x15);
    key(0, 0x0f);
    key(0, 0x07);
    key(0x02, 0x1e);
    key(0, 0x28);
    CHECK(strcmp(bd_usb_hid_typed(&usb), "Hello, World!\n") == 0);
    CHECK_EQ(usb.keys_pressed, 14);
    CHECK_EQ(usb.reports, 28);
    /* symbols and punctuation */
    bd_usb_hid_clear(&usb);
    const uint8_t codes[] = {0x2d, 0x2e, 0x2f, 0x30, 0x31, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x2b};
    for (size_t i = 0; i < sizeof codes; i++) key(0, codes[i]);
    for (size_t i = 0; i < sizeof codes - 1; i++) key(0x02, codes[i]);
    CHECK(strcmp(bd_usb_hid_typed(&usb), "-=[]\\;'`,./\t_+{}|:\"~<>?") == 0);
    /* Backspace deletes; Ctrl+c and GUI+r type nothing; Esc and F1 nothing */
    bd_usb_hid_clear(&usb);
    key(0, 0x04);
    key(0, 0x05);
    key(0, 0x2a);
    key(0x01, 0x06);
    key(0x08, 0x15);
    key(0, 0x29);
    key(0, 0x3a);
    CHECK(strcmp(bd_usb_hid_typed(&usb), "a") == 0);
    key(0, 0x2a);
    key(0, 0x2a); /* on an empty text: nothing */
    CHECK(strcmp(bd_usb_hid_typed(&usb), "") == 0);
    teardown();
}

TEST(held_keys_and_rollover) {
    setup(false);
    bd_sched_run_until(&sched, BD_MS(200), NULL);
    /* a held key types once; a second key joining it types itself */
    uint8_t a[8] = {0, 0, 0x04}, ab[8] = {0, 0, 0x04, 0x05}, b[8] = {0, 0, 0x05}, none[8] = {0};
    send_wait(0, a, 8);
    send_wait(0, a, 8);
    send_wait(0, ab, 8);
    uint8_t keys[6], mods;
    CHECK_EQ(bd_usb_hid_keys(&usb, 0, keys, &mods), 2);
    CHECK_EQ(keys[1], 0x05);
    send_wait(0, b, 8);
    send_wait(0, ab, 8); /* a pressed again */
    /* too many keys: ErrorRollOver everywhere, ignored (c is not typed, the
     * keys held stay those of the last good report) */
    uint8_t roll[8] = {0, 0, 1, 1, 1, 1, 1, 1}, abc[8] = {0, 0, 0x04, 0x05, 0x06};
    send_wait(0, roll, 8);
    CHECK_EQ(bd_usb_hid_keys(&usb, 0, keys, &mods), 2);
    send_wait(0, abc, 8);
    send_wait(0, none, 8);
    CHECK(strcmp(bd_usb_hid_typed(&usb), "abac") == 0);
    CHECK_EQ(bd_usb_hid_keys(&usb, 0, keys, &mods), 0);
    teardown();
}

TEST(caps_lock_and_leds) {
    setup(false);
    outs_t o = {0};
    bd_usb_hid_set_out_callback(&usb, on_out, &o);
    bd_usb_hid_set_leds(&usb, BD_LED_CAPS); /* before configuration: told at configuration */
    CHECK_EQ(o.n, 0);
    bd_sched_run_until(&sched, BD_MS(201), NULL);
    CHECK_EQ(o.n, 1);
    CHECK_EQ(o.mask[0], BD_LED_CAPS);
    CHECK_EQ(o.t[0], BD_MS(201)); /* one frame after */
    key(0, 0x04);    /* caps: A */
    key(0x02, 0x05); /* caps + shift: b */
    key(0, 0x1e);    /* digits ignore caps */
    bd_time_t t = send_wait(0, (const uint8_t[8]){0, 0, 0x39}, 8); /* Caps Lock key */
    CHECK_EQ(usb.leds, 0);
    bd_sched_run_until(&sched, t + BD_USB_FRAME, NULL);
    CHECK_EQ(o.n, 2);
    CHECK_EQ(o.mask[1], 0);
    CHECK_EQ(o.t[1], t + BD_USB_FRAME);
    send_wait(0, (const uint8_t[8]){0}, 8);
    key(0, 0x04);
    /* Num Lock gates the keypad digits; keypad operators always type */
    key(0, 0x59);
    send_wait(0, (const uint8_t[8]){0, 0, 0x53}, 8);
    send_wait(0, (const uint8_t[8]){0}, 8);
    key(0, 0x59);
    key(0, 0x62);
    key(0, 0x57);
    key(0, 0x58);
    CHECK_EQ(usb.leds, BD_LED_NUM);
    CHECK(strcmp(bd_usb_hid_typed(&usb), "Ab1a10+\n") == 0);
    teardown();
}

TEST(mouse) {
    setup(true);
    bd_sched_run_until(&sched, BD_MS(200), NULL);
    send_wait(1, (const uint8_t[3]){0, 5, 0}, 3);
    send_wait(1, (const uint8_t[3]){0, 0x9c, 0xff}, 3); /* -100, -1 */
    send_wait(1, (const uint8_t[4]){1, 0, 0, 0}, 4);
    CHECK_EQ(usb.buttons, 1);
    send_wait(1, (const uint8_t[4]){3, 0, 0, 0xfe}, 4); /* right joins; wheel -2 */
    send_wait(1, (const uint8_t[4]){0, 0, 0, 1}, 4);
    send_wait(1, (const uint8_t[4]){4, 0, 0, 0}, 4);
    CHECK_EQ(usb.x, -95);
    CHECK_EQ(usb.y, -1);
    CHECK_EQ(usb.wheel, -1);
    CHECK_EQ(usb.buttons, 4);
    CHECK_EQ(usb.presses[0], 1);
    CHECK_EQ(usb.presses[1], 1);
    CHECK_EQ(usb.presses[2], 1);
    /* detach: buttons come up, sends fail, no events left */
    bd_usb_hid_detach(&usb);
    CHECK_EQ(usb.buttons, 0);
    CHECK_EQ(bd_usb_hid_send(&usb, 0, (const uint8_t[3]){0}, 3), BD_ERR_INVAL); /* interfaces forgotten */
    CHECK_EQ(bd_sched_count(&sched), 0);
    teardown();
}

TEST(trace_lines) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    bd_trace_t *tr;
    CHECK_EQ(bd_trace_open_stream(&tr, f), BD_OK);
    bd_sched_init(&sched);
    bd_usb_hid_init(&usb, &sched);
    bd_usb_hid_set_trace(&usb, tr);
    bd_usb_hid_add(&usb, BD_HID_KEYBOARD, 8);
    bd_usb_hid_add(&usb, BD_HID_MOUSE, 1);
    bd_usb_hid_add(&usb, BD_HID_OTHER, 4);
    bd_usb_hid_add(&usb, BD_HID_KEYBOARD, 8);
    bd_usb_hid_attach(&usb, true);
    bd_sched_run_until(&sched, BD_MS(200), NULL);
    send_wait(0, (const uint8_t[8]){2, 0, 0x0b}, 8);
    send_wait(1, (const uint8_t[3]){1, 5, 0}, 3);
    send_wait(1, (const uint8_t[4]){0, 0xfb, 2, 0xff}, 4);
    send_wait(2, (const uint8_t[2]){1, 0x7f}, 2);
    send_wait(0, (const uint8_t[8]){0, 0, 0x39}, 8);
    bd_sched_run_until(&sched, BD_MS(300), NULL);
    bd_usb_hid_attach(&usb, false); /* re-enumeration */
    bd_usb_hid_detach(&usb);
    bd_trace_close(tr);
    fclose(f);
    const char *want = "0.000000000 usb attach cdc kbd mouse hid kbd2\n"
                       "0.200000000 usb configured\n"
                       "0.208000000 usb kbd report 02 00 0b 00 00 00 00 00\n"
                       "0.209000000 usb mouse buttons=1 dx=5 dy=0\n"
                       "0.210000000 usb mouse buttons=0 dx=-5 dy=2 wheel=-1\n"
                       "0.212000000 usb hid report 01 7f\n"
                       "0.216000000 usb kbd report 00 00 39 00 00 00 00 00\n"
                       "0.217000000 usb kbd leds 02\n"
                       "0.217000000 usb kbd2 leds 02\n"
                       "0.300000000 usb detach\n"
                       "0.300000000 usb attach kbd mouse hid kbd2\n"
                       "0.300000000 usb detach\n";
    CHECK(buf && strcmp(buf, want) == 0);
    if (buf && strcmp(buf, want)) printf("# got:\n%s", buf);
    free(buf);
    bd_usb_hid_free(&usb);
    bd_sched_free(&sched);
}

TEST(usbhost_part) {
    bd_board_t b;
    CHECK_EQ(bd_board_init(&b, bd_board_def_find("nano-rp2040")), BD_OK);
    bd_part_t *p;
    CHECK_EQ(bd_part_new(&p, &b, "usbhost", "usb"), BD_OK);
    bd_usb_hid_t *h = bd_usbhost_model(p);
    CHECK(h != NULL);
    char err[128];
    CHECK_EQ(bd_part_set(p, "enum_delay", "50ms", err, sizeof err), BD_OK);
    CHECK_EQ(bd_part_set(p, "caps_lock", "1", err, sizeof err), BD_OK);
    CHECK_EQ(bd_part_set(p, "typed", "x", err, sizeof err), BD_ERR_INVAL); /* read-only */
    CHECK_EQ(bd_part_set(p, "leds", "32", err, sizeof err), BD_ERR_INVAL);
    bd_usb_hid_add(h, BD_HID_KEYBOARD, 10);
    bd_usb_hid_attach(h, false);
    bd_sched_run_until(&b.sched, BD_MS(50), NULL);
    double v;
    CHECK_EQ(bd_part_get_num(p, "configured", &v), BD_OK);
    CHECK_EQ(v, 1);
    CHECK_EQ(bd_usb_hid_send(h, 0, (const uint8_t[8]){0, 0, 0x04}, 8), BD_OK);
    bd_sched_run_until(&b.sched, BD_MS(60), NULL);
    char text[32];
    CHECK_EQ(bd_part_get_text(p, "typed", text, sizeof text), BD_OK);
    CHECK(strcmp(text, "A") == 0);
    CHECK_EQ(bd_part_get_num(p, "leds", &v), BD_OK);
    CHECK_EQ(v, 2);
    CHECK_EQ(bd_part_get_num(p, "keys", &v), BD_OK);
    CHECK_EQ(v, 1);
    bd_part_reset(p);
    CHECK_EQ(bd_part_get_text(p, "typed", text, sizeof text), BD_OK);
    CHECK(strcmp(text, "") == 0);
    CHECK(bd_usbhost_model(NULL) == NULL);
    bd_part_free(p); /* cancels its events before the board goes */
    bd_board_free(&b);
}

int main(void) {
    RUN(enumeration);
    RUN(polling_grid);
    RUN(typed_text);
    RUN(held_keys_and_rollover);
    RUN(caps_lock_and_leds);
    RUN(mouse);
    RUN(trace_lines);
    RUN(usbhost_part);
    return tap_done();
}
