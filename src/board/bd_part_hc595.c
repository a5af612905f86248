/* bd_part_hc595.c: the 74HC595 8-bit serial-in, parallel-out shift register
 * with output latches.
 *
 * Roles (datasheet names in brackets):
 *   ser (DS), srclk (SHCP), rclk (STCP)   inputs, required, in this order
 *   oe (/OE, active low)                  optional: unconnected = enabled
 *   srclr (/MR, active low)               optional: unconnected = high
 *   q7s (Q7', serial out)                 optional output, for daisy chains
 *   q0 .. q7                              optional outputs
 * Behaviour: on each SRCLK rising edge the shift register takes SER into
 * bit 0 and moves every bit up (bit 7 leaves to Q7'), so a byte sent MSB
 * first ends with its MSB on Q7; SRCLR low clears the shift register (not
 * the latch) and holds it clear; on each RCLK rising edge the latch takes
 * the shift register; Q0..Q7 show the latch while OE is low and are
 * released (high impedance) while it is high; Q7' is never three-stated.
 * SRCLK and RCLK tied to one pin: the latch takes the register as it was
 * before the shift, one clock behind, as the datasheet says.
 * Attributes: q (0..255, the latch: what Q0..Q7 show), sr (0..255, the
 * shift register), enabled (ro: OE low), shifts and latches (ro counts).
 */
#include "board/bd_part.h"

typedef struct {
    bd_part_t base;
    unsigned sr, q;
    uint64_t shifts, latches;
} hc595_t;

enum { R_SER, R_SRCLK, R_RCLK, R_OE, R_SRCLR, R_Q7S, R_Q0 };
enum { A_Q, A_SR, A_ENABLED, A_SHIFTS, A_LATCHES };

static const bd_attr_def_t attrs[] = {
    {"q", BD_ATTR_INT, 0, "", 0, 255, NULL, "output latch (Q0 = bit 0)"},
    {"sr", BD_ATTR_INT, 0, "", 0, 255, NULL, "shift register"},
    {"enabled", BD_ATTR_BOOL, BD_ATTR_RO, "", 1, 0, NULL, "outputs enabled (OE low)"},
    {"shifts", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "SRCLK rising edges that shifted"},
    {"latches", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "RCLK rising edges"},
};

#define OPT_OUT (BD_ROLE_OUT | BD_ROLE_OPTIONAL)
static const bd_role_def_t roles[] = {
    {"ser", BD_ROLE_IN, "serial data in (DS)"},
    {"srclk", BD_ROLE_IN, "shift clock (SHCP)"},
    {"rclk", BD_ROLE_IN, "latch clock (STCP)"},
    {"oe", BD_ROLE_IN | BD_ROLE_OPTIONAL, "output enable, active low"},
    {"srclr", BD_ROLE_IN | BD_ROLE_OPTIONAL, "shift register clear, active low"},
    {"q7s", OPT_OUT, "serial out (Q7')"},
    {"q0", OPT_OUT, "output 0"},
    {"q1", OPT_OUT, "output 1"},
    {"q2", OPT_OUT, "output 2"},
    {"q3", OPT_OUT, "output 3"},
    {"q4", OPT_OUT, "output 4"},
    {"q5", OPT_OUT, "output 5"},
    {"q6", OPT_OUT, "output 6"},
    {"q7", OPT_OUT, "output 7"},
};

static int enabled(const hc595_t *h) { return !bd_part_level(&h->base, R_OE, 0); }

static void update(bd_part_t *p) {
    hc595_t *h = (hc595_t *)p;
    if (!bd_part_level(p, R_SRCLR, 1)) h->sr = 0;
    bd_part_drive(p, R_Q7S, (h->sr & 0x80) ? BD_DRIVE_HIGH : BD_DRIVE_LOW, BD_STRONG);
    int en = enabled(h);
    for (int i = 0; i < 8; i++) {
        if (en)
            bd_part_drive(p, R_Q0 + i, ((h->q >> i) & 1) ? BD_DRIVE_HIGH : BD_DRIVE_LOW, BD_STRONG);
        else
            bd_part_drive(p, R_Q0 + i, BD_DRIVE_RELEASE, BD_STRONG);
    }
}

static void latch(hc595_t *h) {
    h->q = h->sr;
    h->latches++;
}

static void pin_event(bd_part_t *p, int role, const bd_pin_event_t *ev) {
    hc595_t *h = (hc595_t *)p;
    switch (role) {
    case R_SRCLK:
        if (!ev->level) return;
        if (p->pin[R_RCLK] == p->pin[R_SRCLK]) latch(h); /* storage one clock behind */
        if (bd_part_level(p, R_SRCLR, 1)) {
            h->sr = ((h->sr << 1) | (unsigned)bd_part_level(p, R_SER, 0)) & 0xffu;
            h->shifts++;
        }
        break;
    case R_RCLK:
        if (!ev->level || p->pin[R_RCLK] == p->pin[R_SRCLK]) return; /* done by SRCLK */
        latch(h);
        break;
    case R_OE:
    case R_SRCLR: break;
    default: return;
    }
    update(p);
}

static bd_status_t set(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen) {
    hc595_t *h = (hc595_t *)p;
    if (attr == A_Q) h->q = (unsigned)v->num;
    if (attr == A_SR) h->sr = (unsigned)v->num;
    return BD_OK;
}

static void get(const bd_part_t *p, int attr, bd_attr_val_t *v) {
    const hc595_t *h = (const hc595_t *)p;
    switch (attr) {
    case A_Q: v->num = h->q; break;
    case A_SR: v->num = h->sr; break;
    case A_ENABLED: v->num = enabled(h); break;
    case A_SHIFTS: v->num = (double)h->shifts; break;
    case A_LATCHES: v->num = (double)h->latches; break;
    }
}

static void reset(bd_part_t *p) {
    hc595_t *h = (hc595_t *)p;
    h->sr = h->q = 0;
    h->shifts = h->latches = 0;
}

const bd_part_type_t bd_part_hc595_type = {
    .kind = "74hc595",
    .alias = "hc595",
    .prefix = "hc595_",
    .help = "74HC595 shift register: SER/SRCLK/RCLK in, Q0..Q7 out",
    .roles = roles,
    .nroles = sizeof roles / sizeof roles[0],
    .npositional = 3,
    .attrs = attrs,
    .nattrs = sizeof attrs / sizeof attrs[0],
    .size = sizeof(hc595_t),
    .set = set,
    .get = get,
    .pin_event = pin_event,
    .update = update,
    .reset = reset,
};
