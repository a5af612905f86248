/* bd_part_usbhost.c: the computer the board's USB port is plugged into,
 * as a part, so the parts file, the stimulus file and `sim.part()` reach
 * the USB HID host by attribute names (`set usb.caps_lock 1`,
 * `expect usb.typed "Hello\n"`).  The model is bd_usb_hid (device and host
 * rules there); this file only maps attributes onto it.  Without a usbhost
 * part the bindings use a host of their own with the same defaults.
 *
 * Roles: none (the USB port is not a GPIO pad).  Attributes:
 *   enum_delay    time      attach -> configured (default 200ms)
 *   leds          int 0..31 the host's lock state (Num 1, Caps 2, Scroll 4,
 *                           Compose 8, Kana 16); writing it sends the LED
 *                           output report to the keyboards
 *   caps_lock, num_lock, scroll_lock   bool   one bit of `leds`
 *   configured    ro bool   the host has configured the device
 *   typed         ro text   what the keyboards typed (US layout)
 *   keys          ro int    key presses seen
 *   reports       ro int    reports collected
 *   x, y, wheel   ro int    pointer position and wheel, from 0
 *   buttons       ro int    mouse buttons held (1 left, 2 right, 4 middle)
 *   left_presses, right_presses, middle_presses   ro int
 */
#include "board/bd_part.h"
#include "board/bd_usb_hid.h"

typedef struct {
    bd_part_t base;
    bd_usb_hid_t hid;
} usbhost_t;

enum {
    A_ENUM,
    A_LEDS,
    A_CAPS,
    A_NUM,
    A_SCROLL,
    A_CONFIGURED,
    A_TYPED,
    A_KEYS,
    A_REPORTS,
    A_X,
    A_Y,
    A_WHEEL,
    A_BUTTONS,
    A_LEFT,
    A_RIGHT,
    A_MIDDLE,
};

static const bd_attr_def_t attrs[] = {
    {"enum_delay", BD_ATTR_TIME, 0, "ns", 0, 60e9, NULL, "time from attach to configured"},
    {"leds", BD_ATTR_INT, 0, "", 0, 31, NULL, "lock state: num 1, caps 2, scroll 4, compose 8, kana 16"},
    {"caps_lock", BD_ATTR_BOOL, 0, "", 1, 0, NULL, "Caps Lock on"},
    {"num_lock", BD_ATTR_BOOL, 0, "", 1, 0, NULL, "Num Lock on"},
    {"scroll_lock", BD_ATTR_BOOL, 0, "", 1, 0, NULL, "Scroll Lock on"},
    {"configured", BD_ATTR_BOOL, BD_ATTR_RO, "", 1, 0, NULL, "the host configured the device"},
    {"typed", BD_ATTR_TEXT, BD_ATTR_RO, "", 1, 0, NULL, "text typed by the keyboards (US layout)"},
    {"keys", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "key presses seen"},
    {"reports", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "reports collected"},
    {"x", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "pointer x (sum of dx)"},
    {"y", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "pointer y (sum of dy)"},
    {"wheel", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "sum of wheel steps"},
    {"buttons", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "mouse buttons held"},
    {"left_presses", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "left button presses"},
    {"right_presses", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "right button presses"},
    {"middle_presses", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "middle button presses"},
};

static void init(bd_part_t *p) { bd_usb_hid_init(&((usbhost_t *)p)->hid, bd_part_sched(p)); }

static void set_bit(bd_usb_hid_t *h, uint8_t bit, bool on) {
    bd_usb_hid_set_leds(h, (uint8_t)(on ? h->leds | bit : h->leds & ~bit));
}

static bd_status_t set(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen) {
    bd_usb_hid_t *h = &((usbhost_t *)p)->hid;
    switch (attr) {
    case A_ENUM: bd_usb_hid_set_enum_delay(h, (bd_time_t)v->num); break;
    case A_LEDS: bd_usb_hid_set_leds(h, (uint8_t)v->num); break;
    case A_CAPS: set_bit(h, BD_LED_CAPS, v->num != 0); break;
    case A_NUM: set_bit(h, BD_LED_NUM, v->num != 0); break;
    case A_SCROLL: set_bit(h, BD_LED_SCROLL, v->num != 0); break;
    }
    return BD_OK;
}

static void get(const bd_part_t *p, int attr, bd_attr_val_t *v) {
    const bd_usb_hid_t *h = &((const usbhost_t *)p)->hid;
    switch (attr) {
    case A_ENUM: v->num = (double)h->enum_ns; break;
    case A_LEDS: v->num = h->leds; break;
    case A_CAPS: v->num = (h->leds & BD_LED_CAPS) != 0; break;
    case A_NUM: v->num = (h->leds & BD_LED_NUM) != 0; break;
    case A_SCROLL: v->num = (h->leds & BD_LED_SCROLL) != 0; break;
    case A_CONFIGURED: v->num = bd_usb_hid_configured(h); break;
    case A_TYPED: v->text = bd_usb_hid_typed(h); break;
    case A_KEYS: v->num = (double)h->keys_pressed; break;
    case A_REPORTS: v->num = (double)h->reports; break;
    case A_X: v->num = (double)h->x; break;
    case A_Y: v->num = (double)h->y; break;
    case A_WHEEL: v->num = (double)h->wheel; break;
    case A_BUTTONS: v->num = h->buttons; break;
    case A_LEFT: v->num = (double)h->presses[0]; break;
    case A_RIGHT: v->num = (double)h->presses[1]; break;
    case A_MIDDLE: v->num = (double)h->presses[2]; break;
    }
}

static void reset(bd_part_t *p) { bd_usb_hid_clear(&((usbhost_t *)p)->hid); }

static void fini(bd_part_t *p) { bd_usb_hid_free(&((usbhost_t *)p)->hid); }

bd_usb_hid_t *bd_usbhost_model(bd_part_t *p) {
    return p && p->type == &bd_part_usbhost_type ? &((usbhost_t *)p)->hid : NULL;
}

const bd_part_type_t bd_part_usbhost_type = {
    .kind = "usbhost",
    .alias = "usb",
    .prefix = "usbhost",
    .help = "the computer on the board's USB port: enumerates, reads keyboards and mice",
    .roles = NULL,
    .nroles = 0,
    .npositional = 0,
    .attrs = attrs,
    .nattrs = sizeof attrs / sizeof attrs[0],
    .size = sizeof(usbhost_t),
    .init = init,
    .set = set,
    .get = get,
    .reset = reset,
    .fini = fini,
};
