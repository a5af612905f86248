/* bd_part_button.c: a push button between a pin and GND or VCC, with an
 * optional external resistor and a deterministic contact bounce.
 *
 * Roles: pin (OUT).  Attributes:
 *   pressed        bool      the finger: 1 = held down
 *   to             auto|gnd|vcc  what the closed contact connects the pin to;
 *                            auto = vcc when pull=down, else gnd
 *   pull           none|up|down  an external resistor (a weak driver) that
 *                            sets the level while the contact is open
 *   bounce         int 0..100  extra contact changes per press or release
 *   bounce_period  time      spacing of the bounce changes (default 250us)
 *   contact        ro bool   the contact as it is now (closed = 1), bounce included
 *   presses        ro int    times pressed
 * Bounce pattern (documented in docs/parts.md): when `pressed` changes at t0
 * to state S, the contact takes S at t0, then alternates !S, S, !S ... at
 * t0 + k*bounce_period for k = 1 .. 2*bounce, ending in S at
 * t0 + 2*bounce*bounce_period: bounce=3 gives 7 contact changes in 1.5 ms.
 * A new change of `pressed` during a bounce restarts the pattern from now.
 *
 * Invariant: the pin's driver reflects `contact` after every event.
 */
#include <stdio.h>

#include "board/bd_part.h"

typedef struct {
    bd_part_t base;
    int pressed, contact, to, pull, bounce;
    bd_time_t period;
    int steps_left;
    bd_event_id_t ev;
    uint64_t presses;
} button_t;

enum { A_PRESSED, A_TO, A_PULL, A_BOUNCE, A_PERIOD, A_CONTACT, A_PRESSES };
enum { TO_AUTO, TO_GND, TO_VCC };

static const bd_attr_def_t attrs[] = {
    {"pressed", BD_ATTR_BOOL, 0, "", 1, 0, NULL, "held down"},
    {"to", BD_ATTR_ENUM, 0, "", 1, 0, "auto|gnd|vcc", "what the closed contact connects the pin to"},
    {"pull", BD_ATTR_ENUM, 0, "", 1, 0, "none|up|down", "external resistor on the pin"},
    {"bounce", BD_ATTR_INT, 0, "", 0, 100, NULL, "extra contact changes per press/release"},
    {"bounce_period", BD_ATTR_TIME, 0, "ns", 1, 0, NULL, "time between bounce changes"},
    {"contact", BD_ATTR_BOOL, BD_ATTR_RO, "", 1, 0, NULL, "contact closed now"},
    {"presses", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "times pressed"},
};

static const bd_role_def_t roles[] = {{"pin", BD_ROLE_OUT, "the pin the button pulls"}};

static void init(bd_part_t *p) { ((button_t *)p)->period = BD_US(250); }

static void update(bd_part_t *p) {
    button_t *b = (button_t *)p;
    int to = b->to == TO_AUTO ? (b->pull == BD_PULL_DOWN ? TO_VCC : TO_GND) : b->to;
    if (b->contact)
        bd_part_drive(p, 0, to == TO_VCC ? BD_DRIVE_HIGH : BD_DRIVE_LOW, BD_STRONG);
    else if (b->pull == BD_PULL_UP)
        bd_part_drive(p, 0, BD_DRIVE_HIGH, BD_WEAK);
    else if (b->pull == BD_PULL_DOWN)
        bd_part_drive(p, 0, BD_DRIVE_LOW, BD_WEAK);
    else
        bd_part_drive(p, 0, BD_DRIVE_RELEASE, BD_STRONG);
}

static void bounce_step(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    button_t *b = ctx;
    b->ev = 0;
    b->contact = !b->contact;
    update(&b->base);
    if (--b->steps_left > 0) bd_sched_after(s, b->period, bounce_step, b, 0, &b->ev);
}

static void press(button_t *b, int pressed) {
    if (pressed == b->pressed) return;
    b->pressed = pressed;
    if (pressed) b->presses++;
    bd_part_cancel(&b->base, &b->ev);
    b->contact = pressed;
    b->steps_left = 2 * b->bounce;
    if (b->steps_left > 0 && b->period > 0)
        bd_sched_after(bd_part_sched(&b->base), b->period, bounce_step, b, 0, &b->ev);
}

static bd_status_t set(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen) {
    button_t *b = (button_t *)p;
    switch (attr) {
    case A_PRESSED: press(b, (int)v->num); break;
    case A_TO: b->to = (int)v->num; break;
    case A_PULL: b->pull = (int)v->num; break;
    case A_BOUNCE: b->bounce = (int)v->num; break;
    case A_PERIOD: b->period = (bd_time_t)v->num; break;
    }
    return BD_OK;
}

static void get(const bd_part_t *p, int attr, bd_attr_val_t *v) {
    const button_t *b = (const button_t *)p;
    switch (attr) {
    case A_PRESSED: v->num = b->pressed; break;
    case A_TO: v->num = b->to; break;
    case A_PULL: v->num = b->pull; break;
    case A_BOUNCE: v->num = b->bounce; break;
    case A_PERIOD: v->num = (double)b->period; break;
    case A_CONTACT: v->num = b->contact; break;
    case A_PRESSES: v->num = (double)b->presses; break;
    }
}

static void reset(bd_part_t *p) {
    button_t *b = (button_t *)p;
    bd_part_cancel(p, &b->ev);
    b->contact = b->pressed;
    b->presses = 0;
}

static void fini(bd_part_t *p) { bd_part_cancel(p, &((button_t *)p)->ev); }

const bd_part_type_t bd_part_button_type = {
    .kind = "button",
    .alias = "pushbutton",
    .prefix = "button",
    .help = "a push button from a pin to GND (or VCC), optional resistor and bounce",
    .roles = roles,
    .nroles = 1,
    .npositional = 1,
    .attrs = attrs,
    .nattrs = sizeof attrs / sizeof attrs[0],
    .size = sizeof(button_t),
    .init = init,
    .set = set,
    .get = get,
    .update = update,
    .reset = reset,
    .fini = fini,
};
