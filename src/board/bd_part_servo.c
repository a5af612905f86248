/* bd_part_servo.c: a hobby servo: the width of each pulse on its signal pin
 * commands an angle.
 *
 * Roles: pin (IN).  Mapping: a pulse of min_us (default 500) is 0 degrees,
 * max_us (default 2500) is max_angle (default 180), linear between, clamped
 * outside; set min_us=1000 max_us=2000 for the narrower "standard" servos.
 * A pulse is measured from a rising to the next falling edge; one longer than
 * 2 * max_us is not a servo pulse (a pin held high) and is ignored.  The
 * angle is the commanded position, taken at each pulse's falling edge (the
 * travel time of the horn is not modelled).
 * Attributes: angle (deg; writable: where the horn starts), pulse_us (ro,
 * last pulse), period_us (ro, rising to rising), min_us, max_us, max_angle,
 * pulses (ro).
 */
#include "board/bd_part.h"

typedef struct {
    bd_part_t base;
    double angle, min_us, max_us, max_angle;
    bd_time_t rise, prev_rise, width, period;
    int high, seen_rise;
    uint64_t pulses;
} servo_t;

enum { A_ANGLE, A_PULSE, A_PERIOD, A_MIN, A_MAX, A_MAXANGLE, A_PULSES };

static const bd_attr_def_t attrs[] = {
    {"angle", BD_ATTR_NUM, 0, "deg", 0, 360, NULL, "commanded angle"},
    {"pulse_us", BD_ATTR_NUM, BD_ATTR_RO, "us", 1, 0, NULL, "width of the last pulse"},
    {"period_us", BD_ATTR_NUM, BD_ATTR_RO, "us", 1, 0, NULL, "time between the last two pulses"},
    {"min_us", BD_ATTR_NUM, 0, "us", 1, 100000, NULL, "pulse width for 0 degrees"},
    {"max_us", BD_ATTR_NUM, 0, "us", 1, 100000, NULL, "pulse width for max_angle"},
    {"max_angle", BD_ATTR_NUM, 0, "deg", 1, 360, NULL, "travel"},
    {"pulses", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "pulses measured"},
};

static const bd_role_def_t roles[] = {{"pin", BD_ROLE_IN, "the control signal"}};

static void init(bd_part_t *p) {
    servo_t *s = (servo_t *)p;
    s->min_us = 500;
    s->max_us = 2500;
    s->max_angle = 180;
}

static void pin_event(bd_part_t *p, int role, const bd_pin_event_t *ev) {
    servo_t *s = (servo_t *)p;
    if (ev->level) {
        s->high = 1;
        if (s->seen_rise) {
            s->period = ev->time - s->rise;
            s->prev_rise = s->rise;
        }
        s->seen_rise = 1;
        s->rise = ev->time;
        return;
    }
    if (!s->high) return;
    s->high = 0;
    bd_time_t w = ev->time - s->rise;
    double us = (double)w / 1e3;
    if (us > 2 * s->max_us) return;
    s->width = w;
    s->pulses++;
    double span = s->max_us - s->min_us;
    double f = span > 0 ? (us - s->min_us) / span : 0;
    if (f < 0) f = 0;
    if (f > 1) f = 1;
    s->angle = f * s->max_angle;
}

static bd_status_t set(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen) {
    servo_t *s = (servo_t *)p;
    switch (attr) {
    case A_ANGLE: s->angle = v->num; break;
    case A_MIN: s->min_us = v->num; break;
    case A_MAX: s->max_us = v->num; break;
    case A_MAXANGLE: s->max_angle = v->num; break;
    }
    return BD_OK;
}

static void get(const bd_part_t *p, int attr, bd_attr_val_t *v) {
    const servo_t *s = (const servo_t *)p;
    switch (attr) {
    case A_ANGLE: v->num = s->angle; break;
    case A_PULSE: v->num = (double)s->width / 1e3; break;
    case A_PERIOD: v->num = (double)s->period / 1e3; break;
    case A_MIN: v->num = s->min_us; break;
    case A_MAX: v->num = s->max_us; break;
    case A_MAXANGLE: v->num = s->max_angle; break;
    case A_PULSES: v->num = (double)s->pulses; break;
    }
}

static void update(bd_part_t *p) {
    servo_t *s = (servo_t *)p;
    /* a pin already high when wired: its current pulse has no known start */
    if (!s->high) return;
    if (!bd_part_level(p, 0, 0)) s->high = 0;
}

static void reset(bd_part_t *p) {
    servo_t *s = (servo_t *)p;
    s->rise = s->prev_rise = s->width = s->period = 0;
    s->high = s->seen_rise = 0;
    s->pulses = 0;
}

const bd_part_type_t bd_part_servo_type = {
    .kind = "servo",
    .prefix = "servo",
    .help = "a hobby servo: pulse width (500..2500 us) to angle (0..180)",
    .roles = roles,
    .nroles = 1,
    .npositional = 1,
    .attrs = attrs,
    .nattrs = sizeof attrs / sizeof attrs[0],
    .size = sizeof(servo_t),
    .init = init,
    .set = set,
    .get = get,
    .pin_event = pin_event,
    .update = update,
    .reset = reset,
};
