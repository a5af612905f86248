/* bd_usb_hid.c: the native USB port as an HID device, and the host that
 * enumerates it, collects its reports and decodes them (bd_usb_hid.h has
 * the timing and decoding rules).
 *
 * Report formats are the HID 1.11 boot protocols: keyboard = modifier
 * bits (LCtrl LShift LAlt LGUI RCtrl RShift RAlt RGUI, bit 0 first), a
 * reserved byte, six key codes of the Keyboard/Keypad usage page (HID
 * Usage Tables, chapter 10: a = 0x04 ... z = 0x1d, 1..0 = 0x1e..0x27, Enter
 * 0x28 ...); mouse = buttons (bit 0 left, 1 right, 2 middle), dx, dy, and
 * an optional wheel byte, all signed.  The keyboard's output report is one
 * byte of LED bits (Num, Caps, Scroll, Compose, Kana).
 *
 * Invariants: an interface's `ev` is pending exactly when `busy`; a
 * detached device has no pending event of its own; the typed text is
 * NUL-terminated once allocated.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/bd_usb_hid.h"

#define MOD_SHIFT 0x22 /* LShift | RShift */
#define MOD_NOTEXT 0xDD /* Ctrl, Alt, GUI on either side: a shortcut, not text */

void bd_usb_hid_init(bd_usb_hid_t *u, bd_sched_t *s) {
    memset(u, 0, sizeof *u);
    u->sched = s;
    u->enum_ns = BD_USB_ENUM_DEFAULT;
}

static void cancel(bd_usb_hid_t *u, bd_event_id_t *id) {
    if (*id) bd_sched_cancel(u->sched, *id);
    *id = 0;
}

static void cancel_all(bd_usb_hid_t *u) {
    cancel(u, &u->enum_ev);
    for (int i = 0; i < u->nitf; i++) {
        cancel(u, &u->itf[i].ev);
        cancel(u, &u->itf[i].out_ev);
        u->itf[i].busy = false;
    }
}

void bd_usb_hid_free(bd_usb_hid_t *u) {
    cancel_all(u);
    free(u->typed);
    free(u->log);
    u->typed = NULL, u->log = NULL;
    u->typed_len = u->typed_cap = u->log_len = u->log_cap = 0;
}

void bd_usb_hid_set_trace(bd_usb_hid_t *u, bd_trace_t *t) { u->trace = t; }

void bd_usb_hid_set_out_callback(bd_usb_hid_t *u, bd_usb_out_fn fn, void *ctx) {
    u->on_out = fn;
    u->out_ctx = ctx;
}

void bd_usb_hid_set_enum_delay(bd_usb_hid_t *u, bd_time_t ns) { u->enum_ns = ns; }

static bd_time_t now(const bd_usb_hid_t *u) { return bd_sched_now(u->sched); }

static bool itf_ok(const bd_usb_hid_t *u, int itf) { return itf >= 0 && itf < u->nitf; }

/* ------------------------------------------------------------ device side */

int bd_usb_hid_add(bd_usb_hid_t *u, int kind, unsigned interval_ms) {
    if (u->state != BD_USB_DETACHED || u->nitf >= BD_USB_MAX_ITF) return -1;
    bd_usb_itf_t *f = &u->itf[u->nitf];
    memset(f, 0, sizeof *f);
    f->kind = kind == BD_HID_KEYBOARD || kind == BD_HID_MOUSE ? (uint8_t)kind : BD_HID_OTHER;
    f->interval_ms = (uint8_t)(interval_ms < 1 ? 1 : interval_ms > 255 ? 255 : interval_ms);
    static const char *const base[] = {"hid", "kbd", "mouse"};
    unsigned same = 0;
    for (int i = 0; i < u->nitf; i++) same += u->itf[i].kind == f->kind;
    if (same) snprintf(f->name, sizeof f->name, "%s%u", base[f->kind], (same + 1) % 10u);
    else snprintf(f->name, sizeof f->name, "%s", base[f->kind]);
    return u->nitf++;
}

static void send_leds_to(bd_usb_hid_t *u, int i);
static void led_event(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t t);

static void configured(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t t) {
    bd_usb_hid_t *u = ctx;
    u->enum_ev = 0;
    u->state = BD_USB_CONFIGURED;
    u->config_time = t;
    if (u->trace) bd_trace_log(u->trace, t, "usb", "configured");
    /* a PC tells a new keyboard its lock state (nothing to say when all off) */
    if (u->leds)
        for (int i = 0; i < u->nitf; i++)
            if (u->itf[i].kind == BD_HID_KEYBOARD) send_leds_to(u, i);
}

/* Off the bus: events cancelled, the host forgets what it held (keys and
 * buttons come up); the interfaces stay declared. */
static void drop(bd_usb_hid_t *u) {
    cancel_all(u);
    u->state = BD_USB_DETACHED;
    u->buttons = 0;
    for (int i = 0; i < u->nitf; i++) u->itf[i].prevlen = 0, u->itf[i].qlen = 0;
    if (u->trace) bd_trace_log(u->trace, now(u), "usb", "detach");
}

void bd_usb_hid_attach(bd_usb_hid_t *u, bool cdc) {
    if (u->state != BD_USB_DETACHED) drop(u); /* a re-enumeration */
    u->state = BD_USB_ENUMERATING;
    u->cdc = cdc;
    u->attach_time = now(u);
    if (u->trace) {
        char list[80];
        size_t o = 0;
        list[0] = 0;
        if (cdc) o += (size_t)snprintf(list + o, sizeof list - o, " cdc");
        for (int i = 0; i < u->nitf && o < sizeof list; i++)
            o += (size_t)snprintf(list + o, sizeof list - o, " %s", u->itf[i].name);
        bd_trace_log(u->trace, u->attach_time, "usb", "attach%s", list);
    }
    if (bd_sched_at(u->sched, u->attach_time + u->enum_ns, configured, u, 0, &u->enum_ev) != BD_OK) {
        /* no memory for the event: the host never configures the device */
        u->enum_ev = 0;
        u->lost++;
    }
}

void bd_usb_hid_detach(bd_usb_hid_t *u) {
    if (u->state != BD_USB_DETACHED) drop(u);
    u->nitf = 0;
}

bool bd_usb_hid_configured(const bd_usb_hid_t *u) { return u->state == BD_USB_CONFIGURED; }

bool bd_usb_hid_busy(const bd_usb_hid_t *u, int itf) { return itf_ok(u, itf) && u->itf[itf].busy; }

bd_time_t bd_usb_hid_due(const bd_usb_hid_t *u, int itf) {
    if (!bd_usb_hid_busy(u, itf)) return BD_TIME_NEVER;
    return bd_sched_event_time(u->sched, u->itf[itf].ev);
}

static void collect(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t t);

bd_status_t bd_usb_hid_send(bd_usb_hid_t *u, int itf, const uint8_t *data, size_t len) {
    if (!itf_ok(u, itf) || len == 0 || len > BD_USB_REPORT_MAX) return BD_ERR_INVAL;
    if (u->state != BD_USB_CONFIGURED) return BD_ERR_UNSUPPORTED;
    bd_usb_itf_t *f = &u->itf[itf];
    if (f->busy) return BD_ERR_BUSY;
    /* the next poll of this endpoint strictly after now */
    bd_time_t iv = BD_MS(f->interval_ms), t = now(u);
    bd_time_t k = (t - u->config_time) / iv + 1;
    bd_status_t st = bd_sched_at(u->sched, u->config_time + k * iv, collect, u, (uintptr_t)itf, &f->ev);
    if (st != BD_OK) return st;
    memcpy(f->q, data, len);
    f->qlen = (uint8_t)len;
    f->busy = true;
    return BD_OK;
}

/* ------------------------------------------------------------ host side */

static void log_report(bd_usb_hid_t *u, int itf, const uint8_t *d, size_t len, bd_time_t t) {
    u->reports++;
    if (u->log_len >= BD_USB_LOG_MAX) return;
    if (u->log_len == u->log_cap) {
        size_t cap = u->log_cap ? u->log_cap * 2 : 64;
        bd_usb_report_t *p = realloc(u->log, cap * sizeof *p);
        if (!p) {
            u->lost++;
            return;
        }
        u->log = p, u->log_cap = cap;
    }
    bd_usb_report_t *r = &u->log[u->log_len++];
    r->time = t;
    r->itf = (uint8_t)itf;
    r->len = (uint8_t)len;
    const char *n = u->itf[itf].name;
    size_t k = 0;
    for (; k + 1 < sizeof r->name && n[k]; k++) r->name[k] = n[k];
    r->name[k] = 0;
    memcpy(r->data, d, len);
}

static void type_char(bd_usb_hid_t *u, char c) {
    if (c == '\b') {
        if (u->typed_len) u->typed[--u->typed_len] = 0;
        return;
    }
    if (u->typed_len + 2 > u->typed_cap) {
        size_t cap = u->typed_cap ? u->typed_cap * 2 : 64;
        char *p = realloc(u->typed, cap);
        if (!p) {
            u->lost++;
            return;
        }
        u->typed = p, u->typed_cap = cap;
    }
    u->typed[u->typed_len++] = c;
    u->typed[u->typed_len] = 0;
}

/* The character a key press types on a US layout, 0 for none; '\b' for
 * Backspace (deletes). */
static char us_char(uint8_t k, bool shift, bool caps, bool num) {
    static const char digits[] = "1234567890", shifted_digits[] = "!@#$%^&*()";
    /* 0x2d .. 0x38: - = [ ] \ (non-US # as \ on a US layout) ; ' ` , . / */
    static const char punct[] = "-=[]\\\\;'`,./", shifted_punct[] = "_+{}||:\"~<>?";
    static const char keypad[] = "/*-+\n1234567890.";
    if (k >= 0x04 && k <= 0x1d) {
        char c = (char)('a' + (k - 0x04));
        return (shift != caps) ? (char)(c - 'a' + 'A') : c;
    }
    if (k >= 0x1e && k <= 0x27) return shift ? shifted_digits[k - 0x1e] : digits[k - 0x1e];
    if (k >= 0x2d && k <= 0x38) return shift ? shifted_punct[k - 0x2d] : punct[k - 0x2d];
    switch (k) {
    case 0x28: return '\n';
    case 0x2a: return '\b';
    case 0x2b: return '\t';
    case 0x2c: return ' ';
    }
    if (k >= 0x54 && k <= 0x58) return keypad[k - 0x54]; /* / * - + Enter */
    if (k >= 0x59 && k <= 0x63) return num ? keypad[k - 0x54] : 0;
    return 0;
}

static void send_leds_to(bd_usb_hid_t *u, int i) {
    bd_usb_itf_t *f = &u->itf[i];
    f->out = u->leds;
    if (f->out_ev && bd_sched_pending(u->sched, f->out_ev)) return; /* the pending one carries the new state */
    f->out_ev = 0;
    if (bd_sched_at(u->sched, now(u) + BD_USB_FRAME, led_event, u, (uintptr_t)i, &f->out_ev) != BD_OK) u->lost++;
}

static void led_event(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t t) {
    bd_usb_hid_t *u = ctx;
    int i = (int)arg;
    bd_usb_itf_t *f = &u->itf[i];
    f->out_ev = 0;
    if (u->state != BD_USB_CONFIGURED) return;
    if (u->trace) bd_trace_log(u->trace, t, "usb", "%s leds %02x", f->name, f->out);
    if (u->on_out) u->on_out(u->out_ctx, u, i, &f->out, 1, t);
}

void bd_usb_hid_set_leds(bd_usb_hid_t *u, uint8_t leds) {
    u->leds = leds;
    if (u->state != BD_USB_CONFIGURED) return;
    for (int i = 0; i < u->nitf; i++)
        if (u->itf[i].kind == BD_HID_KEYBOARD) send_leds_to(u, i);
}

static void key_down(bd_usb_hid_t *u, uint8_t k, uint8_t mods) {
    u->keys_pressed++;
    uint8_t lock = k == 0x39 ? BD_LED_CAPS : k == 0x53 ? BD_LED_NUM : k == 0x47 ? BD_LED_SCROLL : 0;
    if (lock) {
        bd_usb_hid_set_leds(u, u->leds ^ lock);
        return;
    }
    if (mods & MOD_NOTEXT) return;
    char c = us_char(k, (mods & MOD_SHIFT) != 0, (u->leds & BD_LED_CAPS) != 0, (u->leds & BD_LED_NUM) != 0);
    if (c) type_char(u, c);
}

static void host_keyboard(bd_usb_hid_t *u, bd_usb_itf_t *f, const uint8_t *d, size_t len) {
    if (len < 3) return; /* not a boot keyboard report */
    bool rollover = true;
    for (size_t i = 2; i < len; i++) rollover &= d[i] == 0x01;
    if (rollover) return; /* phantom state: keep the last good report */
    uint8_t mods = d[0];
    for (size_t i = 2; i < len; i++) {
        uint8_t k = d[i];
        if (k < 0x04) continue; /* none, or an error code */
        bool held = false;
        for (size_t j = 2; j < f->prevlen; j++) held |= f->prev[j] == k;
        bool dup = false;
        for (size_t j = 2; j < i; j++) dup |= d[j] == k;
        if (!held && !dup) key_down(u, k, mods);
    }
    memcpy(f->prev, d, len);
    f->prevlen = (uint8_t)len;
}

static void host_mouse(bd_usb_hid_t *u, int itf, const uint8_t *d, size_t len, bd_time_t t) {
    bd_usb_itf_t *f = &u->itf[itf];
    uint8_t b = d[0], was = f->prevlen ? f->prev[0] : 0;
    int dx = len > 1 ? (int8_t)d[1] : 0, dy = len > 2 ? (int8_t)d[2] : 0, w = len > 3 ? (int8_t)d[3] : 0;
    for (int i = 0; i < 3; i++)
        if ((b & ~was) & (1u << i)) u->presses[i]++;
    u->x += dx, u->y += dy, u->wheel += w;
    memcpy(f->prev, d, len);
    f->prevlen = (uint8_t)len;
    u->buttons = 0;
    for (int i = 0; i < u->nitf; i++)
        if (u->itf[i].kind == BD_HID_MOUSE && u->itf[i].prevlen) u->buttons |= u->itf[i].prev[0];
    if (!u->trace) return;
    if (len > 3) bd_trace_log(u->trace, t, "usb", "%s buttons=%u dx=%d dy=%d wheel=%d", f->name, b, dx, dy, w);
    else bd_trace_log(u->trace, t, "usb", "%s buttons=%u dx=%d dy=%d", f->name, b, dx, dy);
}

static void trace_bytes(bd_usb_hid_t *u, bd_time_t t, const char *name, const uint8_t *d, size_t len) {
    char hex[3 * BD_USB_REPORT_MAX + 1];
    size_t o = 0;
    for (size_t i = 0; i < len; i++) o += (size_t)snprintf(hex + o, sizeof hex - o, i ? " %02x" : "%02x", d[i]);
    hex[o] = 0;
    bd_trace_log(u->trace, t, "usb", "%s report %s", name, hex);
}

static void collect(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t t) {
    bd_usb_hid_t *u = ctx;
    int itf = (int)arg;
    bd_usb_itf_t *f = &u->itf[itf];
    f->ev = 0;
    f->busy = false;
    uint8_t d[BD_USB_REPORT_MAX];
    size_t len = f->qlen;
    memcpy(d, f->q, len);
    log_report(u, itf, d, len, t);
    if (f->kind == BD_HID_MOUSE) {
        host_mouse(u, itf, d, len, t);
        return;
    }
    if (u->trace) trace_bytes(u, t, f->name, d, len);
    if (f->kind == BD_HID_KEYBOARD) host_keyboard(u, f, d, len);
}

const char *bd_usb_hid_typed(const bd_usb_hid_t *u) { return u->typed ? u->typed : ""; }

void bd_usb_hid_clear(bd_usb_hid_t *u) {
    u->typed_len = 0;
    if (u->typed) u->typed[0] = 0;
    u->log_len = 0;
    u->reports = u->keys_pressed = u->lost = 0;
    memset(u->presses, 0, sizeof u->presses);
}

int bd_usb_hid_keys(const bd_usb_hid_t *u, int itf, uint8_t keys[6], uint8_t *mods) {
    *mods = 0;
    if (!itf_ok(u, itf) || u->itf[itf].kind != BD_HID_KEYBOARD || u->itf[itf].prevlen < 3) return 0;
    const bd_usb_itf_t *f = &u->itf[itf];
    *mods = f->prev[0];
    int n = 0;
    for (size_t i = 2; i < f->prevlen && n < 6; i++)
        if (f->prev[i] >= 0x04) keys[n++] = f->prev[i];
    return n;
}
