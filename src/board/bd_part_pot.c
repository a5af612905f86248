/* bd_part_pot.c: a potentiometer between GND and VCC, wiper on a pin: an
 * analog voltage source the ADC reads.
 *
 * Roles: pin (OUT, the wiper).  Attributes:
 *   position  0..1  wiper position (default 0.5); `value` is the same thing
 *   voltage   V     wiper voltage = position * vcc; writing it moves the wiper
 *   vcc       V     top of the track (default: the board's VDD)
 * The wiper is a strong voltage source (bd_pin_drive_uv): an MCU output on
 * the same pin is contention, as it would be on a bench.
 *
 * Invariant: the pin's driver is at round(position * vcc) microvolts.
 */
#include <math.h>
#include <stdio.h>

#include "board/bd_part.h"

typedef struct {
    bd_part_t base;
    double position, vcc;
} pot_t;

enum { A_POSITION, A_VALUE, A_VOLTAGE, A_VCC };

static const bd_attr_def_t attrs[] = {
    {"position", BD_ATTR_NUM, 0, "", 0, 1, NULL, "wiper position 0..1"},
    {"value", BD_ATTR_NUM, 0, "", 0, 1, NULL, "same as position"},
    {"voltage", BD_ATTR_NUM, 0, "V", 0, 100, NULL, "wiper voltage"},
    {"vcc", BD_ATTR_NUM, 0, "V", 0, 100, NULL, "voltage across the track"},
};

static const bd_role_def_t roles[] = {{"pin", BD_ROLE_OUT, "the wiper"}};

static void init(bd_part_t *p) {
    pot_t *t = (pot_t *)p;
    t->position = 0.5;
    t->vcc = p->board->def ? p->board->def->vdd_uv / 1e6 : 3.3;
}

static void update(bd_part_t *p) {
    pot_t *t = (pot_t *)p;
    bd_part_drive_uv(p, 0, (int32_t)lround(t->position * t->vcc * 1e6));
}

static bd_status_t set(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen) {
    pot_t *t = (pot_t *)p;
    switch (attr) {
    case A_POSITION:
    case A_VALUE: t->position = v->num; break;
    case A_VOLTAGE:
        if (v->num > t->vcc + 1e-9) {
            if (err) snprintf(err, errlen, "%s.voltage must be in 0..%g V (vcc), not %g", p->name, t->vcc, v->num);
            return BD_ERR_INVAL;
        }
        t->position = t->vcc > 0 ? v->num / t->vcc : 0;
        if (t->position > 1) t->position = 1;
        break;
    case A_VCC: t->vcc = v->num; break;
    }
    return BD_OK;
}

static void get(const bd_part_t *p, int attr, bd_attr_val_t *v) {
    const pot_t *t = (const pot_t *)p;
    switch (attr) {
    case A_POSITION:
    case A_VALUE: v->num = t->position; break;
    case A_VOLTAGE: v->num = t->position * t->vcc; break;
    case A_VCC: v->num = t->vcc; break;
    }
}

const bd_part_type_t bd_part_pot_type = {
    .kind = "pot",
    .alias = "potentiometer",
    .prefix = "pot",
    .help = "a potentiometer: its wiper drives an analog voltage on a pin",
    .roles = roles,
    .nroles = 1,
    .npositional = 1,
    .attrs = attrs,
    .nattrs = sizeof attrs / sizeof attrs[0],
    .size = sizeof(pot_t),
    .init = init,
    .set = set,
    .get = get,
    .update = update,
};
