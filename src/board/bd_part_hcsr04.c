/* bd_part_hcsr04.c: the HC-SR04 ultrasonic ranger.
 *
 * Roles: trig (IN), echo (OUT, push-pull, low when idle).
 * Timing (datasheet facts: trigger >= 10 us high; the module then sends eight
 * 40 kHz cycles, raises ECHO, and lowers it when the echo returns, or after
 * 38 ms when none does; range 2 cm .. 400 cm):
 *   - a trigger pulse is measured from its rising to its falling edge; one
 *     shorter than 10 us is ignored, as is any trigger while busy;
 *   - at the falling edge + `delay` (default 200 us: the 8-cycle burst) ECHO
 *     rises;
 *   - ECHO stays high for 2 * distance / speed (speed 343 m/s: 58.3 us/cm),
 *     with distance read at the moment ECHO rises;
 *   - distance > max_range (400 cm): no echo, ECHO falls after `timeout`
 *     (38 ms); distance < min_range (2 cm) reads as min_range.
 * Attributes: distance (cm), delay, timeout (time), max_range, min_range
 * (cm), speed (m/s), busy (ro), measurements (ro), echo_us (ro, last pulse).
 *
 * Invariant: busy from an accepted trigger until ECHO falls; at most one
 * event pending.
 */
#include <math.h>

#include "board/bd_part.h"

typedef struct {
    bd_part_t base;
    double distance, max_range, min_range, speed;
    bd_time_t delay, timeout;
    bd_time_t trig_rise;
    int trig_high, busy, echo;
    bd_event_id_t ev;
    uint64_t measurements;
    bd_time_t last_width;
} hcsr04_t;

enum { R_TRIG, R_ECHO };
enum { A_DISTANCE, A_DELAY, A_TIMEOUT, A_MAX, A_MIN, A_SPEED, A_BUSY, A_MEAS, A_ECHO_US };

static const bd_attr_def_t attrs[] = {
    {"distance", BD_ATTR_NUM, 0, "cm", 0, 100000, NULL, "distance to the obstacle"},
    {"delay", BD_ATTR_TIME, 0, "ns", 1, 0, NULL, "trigger fall to echo rise"},
    {"timeout", BD_ATTR_TIME, 0, "ns", 1, 0, NULL, "echo width when nothing is in range"},
    {"max_range", BD_ATTR_NUM, 0, "cm", 0, 100000, NULL, "farthest obstacle that echoes"},
    {"min_range", BD_ATTR_NUM, 0, "cm", 0, 100000, NULL, "nearer obstacles read as this"},
    {"speed", BD_ATTR_NUM, 0, "m/s", 1, 10000, NULL, "speed of sound"},
    {"busy", BD_ATTR_BOOL, BD_ATTR_RO, "", 1, 0, NULL, "measuring"},
    {"measurements", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "echo pulses sent"},
    {"echo_us", BD_ATTR_NUM, BD_ATTR_RO, "us", 1, 0, NULL, "width of the last echo pulse"},
};

static const bd_role_def_t roles[] = {
    {"trig", BD_ROLE_IN, "trigger input"},
    {"echo", BD_ROLE_OUT, "echo output"},
};

static void init(bd_part_t *p) {
    hcsr04_t *h = (hcsr04_t *)p;
    h->distance = 100;
    h->max_range = 400;
    h->min_range = 2;
    h->speed = 343;
    h->delay = BD_US(200);
    h->timeout = BD_MS(38);
}

static bd_time_t echo_width(const hcsr04_t *h) {
    if (h->distance > h->max_range) return h->timeout;
    double d = h->distance < h->min_range ? h->min_range : h->distance;
    return (bd_time_t)llround(d / 100.0 * 2.0 / h->speed * 1e9);
}

static void update(bd_part_t *p) {
    hcsr04_t *h = (hcsr04_t *)p;
    bd_part_drive(p, R_ECHO, h->echo ? BD_DRIVE_HIGH : BD_DRIVE_LOW, BD_STRONG);
}

static void echo_fall(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    hcsr04_t *h = ctx;
    h->ev = 0;
    h->echo = 0;
    h->busy = 0;
    h->measurements++;
    update(&h->base);
}

static void echo_rise(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    hcsr04_t *h = ctx;
    h->ev = 0;
    h->echo = 1;
    h->last_width = echo_width(h);
    update(&h->base);
    bd_sched_after(s, h->last_width, echo_fall, h, 0, &h->ev);
}

static void pin_event(bd_part_t *p, int role, const bd_pin_event_t *ev) {
    hcsr04_t *h = (hcsr04_t *)p;
    if (role != R_TRIG) return;
    if (ev->level) {
        h->trig_high = 1;
        h->trig_rise = ev->time;
        return;
    }
    if (!h->trig_high) return;
    h->trig_high = 0;
    if (h->busy || ev->time - h->trig_rise < BD_US(10)) return;
    h->busy = 1;
    bd_sched_after(bd_part_sched(p), h->delay, echo_rise, h, 0, &h->ev);
}

static bd_status_t set(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen) {
    hcsr04_t *h = (hcsr04_t *)p;
    switch (attr) {
    case A_DISTANCE: h->distance = v->num; break;
    case A_DELAY: h->delay = (bd_time_t)v->num; break;
    case A_TIMEOUT: h->timeout = (bd_time_t)v->num; break;
    case A_MAX: h->max_range = v->num; break;
    case A_MIN: h->min_range = v->num; break;
    case A_SPEED: h->speed = v->num; break;
    }
    return BD_OK;
}

static void get(const bd_part_t *p, int attr, bd_attr_val_t *v) {
    const hcsr04_t *h = (const hcsr04_t *)p;
    switch (attr) {
    case A_DISTANCE: v->num = h->distance; break;
    case A_DELAY: v->num = (double)h->delay; break;
    case A_TIMEOUT: v->num = (double)h->timeout; break;
    case A_MAX: v->num = h->max_range; break;
    case A_MIN: v->num = h->min_range; break;
    case A_SPEED: v->num = h->speed; break;
    case A_BUSY: v->num = h->busy; break;
    case A_MEAS: v->num = (double)h->measurements; break;
    case A_ECHO_US: v->num = (double)h->last_width / 1e3; break;
    }
}

static void reset(bd_part_t *p) {
    hcsr04_t *h = (hcsr04_t *)p;
    bd_part_cancel(p, &h->ev);
    h->busy = h->echo = h->trig_high = 0;
    h->measurements = 0;
    h->last_width = 0;
}

static void fini(bd_part_t *p) { bd_part_cancel(p, &((hcsr04_t *)p)->ev); }

const bd_part_type_t bd_part_hcsr04_type = {
    .kind = "hcsr04",
    .alias = "hc-sr04",
    .prefix = "hcsr04_",
    .help = "HC-SR04 ultrasonic ranger: trigger pulse in, echo pulse out by distance",
    .roles = roles,
    .nroles = 2,
    .npositional = 2,
    .attrs = attrs,
    .nattrs = sizeof attrs / sizeof attrs[0],
    .size = sizeof(hcsr04_t),
    .init = init,
    .set = set,
    .get = get,
    .pin_event = pin_event,
    .update = update,
    .reset = reset,
    .fini = fini,
};
