/* bd_usb_hid.h: the board's native USB port as a HID device (keyboard,
 * mouse, any HID report), and the computer it is plugged into.
 *
 * Device side (what the firmware does, through the bindings):
 *   bd_usb_hid_add      declare an HID interface: its boot protocol
 *                       (keyboard 1, mouse 2, 0 = other) and its interrupt
 *                       endpoint's polling interval (bInterval, in ms)
 *   bd_usb_hid_attach   connect to the bus (D+ pull-up on): the host starts
 *                       enumerating
 *   bd_usb_hid_send     queue one IN report on an interface's endpoint
 *   bd_usb_hid_detach   disconnect (a re-init, a soft reset)
 *
 * Enumeration.  The host configures the device `enum_ns` after attach
 * (default BD_USB_ENUM_DEFAULT = 200 ms, ASSUMPTION: the USB 2.0 minimums,
 * 100 ms attach debounce + 50 ms root-port reset + 10 ms reset recovery,
 * plus the descriptor requests; real hosts take 0.2 .. 1 s).  Before that a
 * send fails with BD_ERR_UNSUPPORTED, as on hardware, where the endpoint
 * does not exist until the host sets the configuration: nothing is queued.
 *
 * Reports.  An interface holds at most one report (the endpoint buffer): a
 * send while one is waiting fails with BD_ERR_BUSY.  The host polls each
 * endpoint every interval, on a grid that starts at the configuration
 * time; a report queued at t is collected at the first poll strictly after
 * t, and that is its timestamp everywhere (trace, log, host state).
 *
 * Host side (the computer; the sim/stimulus side drives and reads it):
 *   keyboard (boot report: modifiers, reserved, 6 key codes): keys that
 *     appear in a report are presses; each press is decoded with the US
 *     layout into the typed text ("\n" for Enter, "\t" for Tab, Backspace
 *     deletes the last character; no text while Ctrl, Alt or GUI is held;
 *     letters follow Shift XOR Caps Lock, as Windows and Linux do; the
 *     keypad types digits only with Num Lock).  Caps/Num/Scroll Lock presses
 *     toggle the host's lock state, and the host then sends the new LED
 *     state as an output report to every keyboard one frame (1 ms) later,
 *     as a PC does; bd_usb_hid_set_leds is the same from outside (another
 *     keyboard, the user).  A report of ErrorRollOver codes (0x01: too many
 *     keys) is ignored, per the HID spec.  No auto-repeat.
 *   mouse (buttons, dx, dy [, wheel], signed bytes): the pointer position
 *     and wheel accumulate from 0 (no screen edges), button presses are
 *     counted.
 *   other HID interfaces: logged and traced only.
 * Output reports reach the firmware through the out callback (which, like
 * every board callback, must only queue work for the VM).
 *
 * Trace lines (bd_trace.h), source "usb":
 *     usb attach cdc kbd mouse         (the interfaces; cdc = the built-in serial port)
 *     usb configured
 *     usb kbd report 02 00 0b 00 00 00 00 00
 *     usb kbd leds 02                  (host -> device output report)
 *     usb mouse buttons=1 dx=5 dy=0 [wheel=-1]
 *     usb hid report 01 7f
 *     usb detach
 * A second interface of a kind is "kbd2", "mouse2" ...
 *
 * Units: times in ns.  Status codes: BD_ERR_INVAL (bad interface index,
 * report length 0 or > BD_USB_REPORT_MAX, too many interfaces),
 * BD_ERR_UNSUPPORTED (not configured), BD_ERR_BUSY (a report is waiting),
 * BD_ERR_NOMEM.  Memory: bd_usb_hid_init allocates nothing (it cannot
 * fail); the typed text and the report log grow on demand (a record that
 * cannot be stored is counted in `lost`).  Ownership: the scheduler and the
 * trace are borrowed (free the model, or stop running events, first).
 */
#ifndef BD_USB_HID_H
#define BD_USB_HID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board/bd_sched.h"
#include "board/bd_status.h"
#include "board/bd_trace.h"

#define BD_USB_MAX_ITF 4
#define BD_USB_REPORT_MAX 64 /* a full-speed interrupt endpoint's packet */
#define BD_USB_ENUM_DEFAULT BD_MS(200)
#define BD_USB_FRAME BD_MS(1)
#define BD_USB_LOG_MAX 65536 /* reports kept in the log; `reports` counts all */

enum { BD_HID_OTHER = 0, BD_HID_KEYBOARD = 1, BD_HID_MOUSE = 2 };
enum { BD_USB_DETACHED = 0, BD_USB_ENUMERATING, BD_USB_CONFIGURED };

/* Host LED bits (the keyboard output report, HID LED page order). */
enum { BD_LED_NUM = 0x01, BD_LED_CAPS = 0x02, BD_LED_SCROLL = 0x04, BD_LED_COMPOSE = 0x08, BD_LED_KANA = 0x10 };

typedef struct bd_usb_hid bd_usb_hid_t;

/* An output report (LED state) for interface itf arrived at time t. */
typedef void (*bd_usb_out_fn)(void *ctx, bd_usb_hid_t *u, int itf, const uint8_t *data, size_t len, bd_time_t t);

typedef struct {
    bd_time_t time;
    uint8_t itf, len;
    char name[8]; /* the interface's name when collected */
    uint8_t data[BD_USB_REPORT_MAX];
} bd_usb_report_t;

typedef struct {
    uint8_t kind;         /* BD_HID_* */
    uint8_t interval_ms;  /* polling interval, 1..255 */
    char name[16];        /* "kbd", "mouse2" ... */
    bool busy;            /* a report waits in the endpoint */
    uint8_t q[BD_USB_REPORT_MAX], qlen;
    bd_event_id_t ev;     /* its collection */
    uint8_t prev[BD_USB_REPORT_MAX], prevlen; /* the host's last report */
    uint8_t out;          /* the output report on its way */
    bd_event_id_t out_ev;
} bd_usb_itf_t;

struct bd_usb_hid {
    bd_sched_t *sched;
    bd_trace_t *trace; /* may be NULL */
    bd_time_t enum_ns;
    int state;         /* BD_USB_* */
    bool cdc;          /* the built-in serial interface is kept */
    bd_time_t attach_time, config_time;
    bd_event_id_t enum_ev;
    bd_usb_itf_t itf[BD_USB_MAX_ITF];
    int nitf;
    bd_usb_out_fn on_out;
    void *out_ctx;
    /* the host */
    uint8_t leds;
    int64_t x, y, wheel;
    uint8_t buttons; /* all mice ORed */
    uint64_t presses[3]; /* left, right, middle button-downs */
    uint64_t reports, keys_pressed, lost;
    char *typed; /* NUL-terminated when typed_cap > 0 */
    size_t typed_len, typed_cap;
    bd_usb_report_t *log;
    size_t log_len, log_cap;
};

void bd_usb_hid_init(bd_usb_hid_t *u, bd_sched_t *s);
void bd_usb_hid_free(bd_usb_hid_t *u); /* cancels its events, frees the text and log */
void bd_usb_hid_set_trace(bd_usb_hid_t *u, bd_trace_t *t);
void bd_usb_hid_set_out_callback(bd_usb_hid_t *u, bd_usb_out_fn fn, void *ctx);
void bd_usb_hid_set_enum_delay(bd_usb_hid_t *u, bd_time_t ns);

/* Device side.  add: only while detached; returns the interface index or -1
 * (BD_USB_MAX_ITF reached).  interval_ms 0 counts as 1. */
int bd_usb_hid_add(bd_usb_hid_t *u, int kind, unsigned interval_ms);
/* Connect with the interfaces added since the last detach; cdc: the
 * built-in serial port stays part of the device.  Attaching while attached
 * detaches first (a re-enumeration). */
void bd_usb_hid_attach(bd_usb_hid_t *u, bool cdc);
/* Disconnect: pending reports are dropped, the host releases every key and
 * button, the interfaces are forgotten. */
void bd_usb_hid_detach(bd_usb_hid_t *u);
bool bd_usb_hid_configured(const bd_usb_hid_t *u);
bool bd_usb_hid_busy(const bd_usb_hid_t *u, int itf);
bd_status_t bd_usb_hid_send(bd_usb_hid_t *u, int itf, const uint8_t *data, size_t len);
/* When the waiting report of itf will be collected (BD_TIME_NEVER if none). */
bd_time_t bd_usb_hid_due(const bd_usb_hid_t *u, int itf);

/* Host side.  set_leds: the host's lock state becomes `leds`, and every
 * configured keyboard gets it as an output report one frame later. */
void bd_usb_hid_set_leds(bd_usb_hid_t *u, uint8_t leds);
const char *bd_usb_hid_typed(const bd_usb_hid_t *u); /* never NULL */
/* Forget the typed text, the log and the counters (not the lock state). */
void bd_usb_hid_clear(bd_usb_hid_t *u);
/* Keys held on the host's view of keyboard itf (up to 6) and its modifier
 * byte; returns the number of keys. */
int bd_usb_hid_keys(const bd_usb_hid_t *u, int itf, uint8_t keys[6], uint8_t *mods);

#endif
