/* bd_part.h: parts wired to the board's pins (LED, button, potentiometer,
 * HC-SR04, servo, buzzer, 74HC595, wire, the I2C BMP280 and SSD1306 ...),
 * behind one small interface.
 *
 * A part is created by kind and name (bd_part_new), wired by role to pads
 * (bd_part_attach: "pin", "trig"/"echo", "ser"/"srclk"/"rclk" ...), and
 * described by named attributes that can all be read and written by name
 * (bd_part_set / bd_part_get_num ...), so the parts file, the stimulus file
 * and the Python `sim` module reach every attribute the same way.  Parts act
 * only through pins (an external driver per output role, an edge listener
 * per input role) and the board's scheduler: no host clock, no callbacks into
 * the VM.  docs/parts.md lists every kind, its roles and attributes.
 *
 * Attribute values travel as bd_attr_val_t: `num` for NUM, INT, BOOL (0/1),
 * TIME (ns) and ENUM (index into the choices); `text` for TEXT.  Setting
 * validates type, range and writability in one place (bd_part.c); read-only
 * attributes (measurements: servo.angle is writable, led.on is not) refuse
 * with BD_ERR_INVAL and a message.
 *
 * Life cycle: new -> set attributes / attach roles in any order (each
 * change ends in the model's update(), which recomputes outputs from state:
 * QEMU's pattern) -> runs -> bd_part_free, which cancels the part's events,
 * releases its drivers and removes its listeners, so the board may outlive
 * it.  bd_part_reset clears run-time state (counters, measurements in
 * flight, histories) but keeps wiring and configured attributes.
 *
 * Errors: functions taking (err, errlen) write a one-line English message
 * there (err may be NULL) and return BD_ERR_NOTFOUND (no such kind, role or
 * attribute), BD_ERR_INVAL (bad value, read-only) or BD_ERR_NOMEM.
 *
 * Ownership: a part borrows its board (which must outlive it) and copies its
 * name.  A bd_partset_t owns the parts added to it.
 */
#ifndef BD_PART_H
#define BD_PART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board/bd_board.h"
#include "board/bd_pin.h"
#include "board/bd_status.h"

typedef struct bd_part bd_part_t;

typedef enum {
    BD_ATTR_NUM = 0, /* a double, in `unit` */
    BD_ATTR_INT,     /* an integer (held in num) */
    BD_ATTR_BOOL,    /* 0 or 1 */
    BD_ATTR_TIME,    /* nanoseconds; text form "250us" */
    BD_ATTR_ENUM,    /* index into `choices` ("gnd|vcc") */
    BD_ATTR_TEXT,    /* a string, copied by the part */
} bd_attr_type_t;

enum { BD_ATTR_RO = 1u << 0 };

typedef struct {
    const char *name;
    uint8_t type;        /* bd_attr_type_t */
    uint8_t flags;       /* BD_ATTR_RO */
    const char *unit;    /* "cm", "V", "Hz", "deg", "" */
    double min, max;     /* NUM/INT range, inclusive; min > max: no check */
    const char *choices; /* ENUM: "a|b|c" */
    const char *help;
} bd_attr_def_t;

typedef struct {
    double num;
    const char *text; /* TEXT: borrowed for the call (set) or until the next change (get) */
} bd_attr_val_t;

enum {
    BD_ROLE_IN = 1u << 0,       /* the part hears this pin's edges */
    BD_ROLE_OUT = 1u << 1,      /* the part drives this pin (an external driver) */
    BD_ROLE_OPTIONAL = 1u << 2, /* may stay unconnected */
    BD_ROLE_CONFIG = 1u << 3,   /* also hears configuration changes (wire) */
};

typedef struct {
    const char *name;
    uint8_t flags;
    const char *help;
} bd_role_def_t;

#define BD_PART_MAX_ROLES 16
#define BD_PART_NAME_MAX 32

/* A part kind: data plus the model's hooks (bd_part_<kind>.c). */
typedef struct bd_part_type {
    const char *kind;   /* "led" */
    const char *alias;  /* another accepted kind name, may be NULL ("74hc595" for "hc595") */
    const char *prefix; /* automatic names: prefix + ordinal ("led1", "hcsr04_1") */
    const char *help;
    const bd_role_def_t *roles;
    uint8_t nroles;
    uint8_t npositional; /* roles 0..npositional-1 may be given as bare pin names, in order */
    const bd_attr_def_t *attrs;
    uint8_t nattrs;
    size_t size; /* of the model's struct, which begins with a bd_part_t */
    void (*init)(bd_part_t *p);
    /* Store a value already checked for type, range and writability.  May
     * still refuse (BD_ERR_INVAL + message), e.g. a file that cannot open. */
    bd_status_t (*set)(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen);
    void (*get)(const bd_part_t *p, int attr, bd_attr_val_t *out);
    void (*pin_event)(bd_part_t *p, int role, const bd_pin_event_t *ev);
    void (*update)(bd_part_t *p); /* recompute outputs; may be NULL */
    void (*reset)(bd_part_t *p);  /* may be NULL */
    void (*fini)(bd_part_t *p);   /* cancel events, close files; may be NULL */
    /* After role `role` was (re)wired or disconnected, before update(): a
     * bus part joins or leaves the bus on its pads here.  May refuse
     * (BD_ERR_BUSY + message: an I2C address already taken on that bus);
     * the role is then disconnected again, so a refusing hook leaves the
     * part as if the role were unconnected.  May be NULL. */
    bd_status_t (*wired)(bd_part_t *p, int role, char *err, size_t errlen);
} bd_part_type_t;

struct bd_part_link {
    bd_part_t *part;
    int role;
};

struct bd_part {
    const bd_part_type_t *type;
    bd_board_t *board;
    char name[BD_PART_NAME_MAX];
    int pin[BD_PART_MAX_ROLES]; /* pad index per role, -1 = unconnected */
    int drv[BD_PART_MAX_ROLES]; /* driver id on that pad (OUT roles), -1 = none */
    int lis[BD_PART_MAX_ROLES]; /* listener handle (IN roles), -1 = none */
    struct bd_part_link link[BD_PART_MAX_ROLES]; /* listener ctx: which role heard it */
};

/* --- kinds -------------------------------------------------------------- */
size_t bd_part_type_count(void);
const bd_part_type_t *bd_part_type_at(size_t i);
const bd_part_type_t *bd_part_type_find(const char *kind); /* kind or alias, any case; NULL */

/* --- one part ----------------------------------------------------------- */
/* Errors: BD_ERR_NOTFOUND (unknown kind), BD_ERR_INVAL (empty or too long
 * name: at most BD_PART_NAME_MAX-1 bytes), BD_ERR_NOMEM. */
bd_status_t bd_part_new(bd_part_t **out, bd_board_t *b, const char *kind, const char *name);
void bd_part_free(bd_part_t *p); /* NULL is fine */
void bd_part_reset(bd_part_t *p);

int bd_part_role_find(const bd_part_t *p, const char *role); /* index or -1 (any case) */
int bd_part_attr_find(const bd_part_t *p, const char *attr); /* index or -1 (any case) */

/* Wire role to pad index (bd_board_pin_find); re-attaching moves the role.
 * pad -1 disconnects it. */
bd_status_t bd_part_attach(bd_part_t *p, const char *role, int pad, char *err, size_t errlen);
bd_status_t bd_part_attach_role(bd_part_t *p, int role, int pad, char *err, size_t errlen);
/* The pin wired to a role, or NULL. */
bd_pin_t *bd_part_pin(const bd_part_t *p, int role);
/* Roles that are neither optional nor connected: the first one's index, or -1. */
int bd_part_missing_role(const bd_part_t *p);

/* Text -> value by the attribute's type (TEXT: out->text = text, borrowed). */
bd_status_t bd_part_parse(const bd_part_t *p, int attr, const char *text, bd_attr_val_t *out, char *err,
                          size_t errlen);
bd_status_t bd_part_set_value(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen);
bd_status_t bd_part_set(bd_part_t *p, const char *attr, const char *text, char *err, size_t errlen);
bd_status_t bd_part_set_num(bd_part_t *p, const char *attr, double v, char *err, size_t errlen);
bd_status_t bd_part_get_value(const bd_part_t *p, int attr, bd_attr_val_t *out);
/* Numeric view of any attribute but TEXT (BD_ERR_INVAL for TEXT). */
bd_status_t bd_part_get_num(const bd_part_t *p, const char *attr, double *v);
/* Text view of any attribute: "25", "1", "gnd", "250us", the text. */
bd_status_t bd_part_get_text(const bd_part_t *p, const char *attr, char *buf, size_t n);

/* A pad by the name a user writes in a parts or stimulus file: a board label
 * (firmware or silkscreen) or MCU name, exact case first, then any case,
 * then a bare number as a Pin(n) id.  -1 if none. */
int bd_part_find_pad(const bd_board_t *b, const char *name);

/* --- model-specific views ----------------------------------------------- */
/* LED: the recorded on/off changes, oldest first (at most BD_LED_LOG_MAX are
 * kept; `changes` counts them all).  false if i is out of range. */
#define BD_LED_LOG_MAX 65536
size_t bd_led_log_count(const bd_part_t *led);
bool bd_led_log_at(const bd_part_t *led, size_t i, bd_time_t *t, int *on);

/* usbhost: its USB HID model (bd_usb_hid.h), or NULL for another kind. */
struct bd_usb_hid;
struct bd_usb_hid *bd_usbhost_model(bd_part_t *p);

/* --- helpers for the models (bd_part_*.c) ------------------------------- */
static inline bd_sched_t *bd_part_sched(const bd_part_t *p) { return &p->board->sched; }
static inline bd_time_t bd_part_now(const bd_part_t *p) { return bd_sched_now(&p->board->sched); }
/* Drive an OUT role's pin (no-op BD_OK when unconnected). */
bd_status_t bd_part_drive(bd_part_t *p, int role, bd_drive_t kind, bd_strength_t strength);
bd_status_t bd_part_drive_uv(bd_part_t *p, int role, int32_t uv);
/* Level of a role's pin; `dflt` when unconnected. */
int bd_part_level(const bd_part_t *p, int role, int dflt);
/* Cancel *id if pending and zero it. */
void bd_part_cancel(bd_part_t *p, bd_event_id_t *id);
/* Replace *slot, the model's own copy of a TEXT attribute (a file name, a
 * text to send), with a copy of text; "" stores NULL, which bd_part_get_value
 * reads back as "".  BD_ERR_NOMEM leaves *slot as it was.  fini frees it. */
bd_status_t bd_part_keep_text(char **slot, const char *text);

extern const bd_part_type_t bd_part_led_type, bd_part_button_type, bd_part_pot_type, bd_part_hcsr04_type,
    bd_part_servo_type, bd_part_buzzer_type, bd_part_hc595_type, bd_part_wire_type, bd_part_usbhost_type;
extern const bd_part_type_t bd_part_uart_type; /* bd_part_uart.c; its host side: bd_part_uart.h */
extern const bd_part_type_t bd_part_bmp280_type, bd_part_ssd1306_type; /* I2C: bd_part_i2c.h */
extern const bd_part_type_t bd_part_ws2812_type; /* bd_part_ws2812.c */

/* --- a set of parts (what a parts file builds) --------------------------- */
typedef struct {
    bd_part_t **v;
    size_t n, cap;
} bd_partset_t;

void bd_partset_init(bd_partset_t *ps);
void bd_partset_free(bd_partset_t *ps); /* frees the parts */
bd_status_t bd_partset_add(bd_partset_t *ps, bd_part_t *p);
/* By exact name, then (any case) by name, then by kind if exactly one part
 * of that kind exists ("hcsr04.distance" with one sensor).  NULL if none. */
bd_part_t *bd_partset_find(const bd_partset_t *ps, const char *name);
/* The first free automatic name for kind: prefix + 1, 2, ... */
void bd_partset_auto_name(const bd_partset_t *ps, const bd_part_type_t *t, char *buf, size_t n);

#endif
