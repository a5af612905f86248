/* bd_part_wire.c: a wire from one pin to another, for loopback tests (a
 * PWM output into an IRQ input, UART TX into RX).
 *
 * Roles: from (IN, also hears configuration), to (OUT).  The wire is
 * directional: it copies the level that `from` resolves to onto `to`.  It
 * drives `to` strongly when `from` is driven strongly (an output, an external
 * strong driver or voltage), weakly when `from` only has a pull, and
 * releases `to` while `from` floats.  So an input pin with a pull-up wired
 * to an input reads high there too, and an output on `to` wins against it.
 * A configuration change of `from` that moves no level (an output high
 * turned into an input with a pull-up) is sensed by an event at the same
 * virtual time, right after the change, because a pad reports configuration
 * before it re-resolves.  Bidirectional nets (I2C lines) are not modelled.
 * Attributes: delay (time, default 0: the copy happens inside the edge, so
 * an IRQ on `to` sees the edge at the same virtual time), edges (ro count).
 *
 * Invariant: with delay 0, `to` is driven per `from`'s state after every
 * event; with a delay, each change is applied `delay` later, in order.
 */
#include <stdlib.h>

#include "board/bd_part.h"

typedef struct {
    uint64_t seq;
    bd_event_id_t id;
} pending_t;

typedef struct {
    bd_part_t base;
    bd_time_t delay;
    bd_event_id_t resense;
    uint64_t edges, seq;
    pending_t *pend;
    size_t npend, cap;
} wire_t;

enum { R_FROM, R_TO };
enum { A_DELAY, A_EDGES };

static const bd_attr_def_t attrs[] = {
    {"delay", BD_ATTR_TIME, 0, "ns", 1, 0, NULL, "propagation delay"},
    {"edges", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "edges carried"},
};

static const bd_role_def_t roles[] = {
    {"from", BD_ROLE_IN | BD_ROLE_CONFIG, "the pin that drives"},
    {"to", BD_ROLE_OUT, "the pin that follows"},
};

/* Encode what `from` does: 0 release, 1/2 weak low/high, 3/4 strong low/high. */
static int sense(const bd_pin_t *a) {
    if (a->floating) return 0;
    bool strong = false;
    switch (a->mode) {
    case BD_MODE_OUTPUT: strong = true; break;
    case BD_MODE_OPEN_DRAIN: strong = !a->out; break;
    case BD_MODE_ALT: strong = a->periph >= 0; break;
    case BD_MODE_ALT_OPEN_DRAIN: strong = a->periph == 0; break;
    default: break;
    }
    for (uint16_t i = 0; i < a->ndrv && !strong; i++)
        strong = a->drv[i].kind != BD_DRIVE_RELEASE && (a->drv[i].strength == BD_STRONG || a->drv[i].kind == BD_DRIVE_VOLTAGE);
    return (strong ? 3 : 1) + a->level;
}

static void apply(wire_t *w, int s) {
    if (s == 0)
        bd_part_drive(&w->base, R_TO, BD_DRIVE_RELEASE, BD_STRONG);
    else
        bd_part_drive(&w->base, R_TO, ((s - 1) & 1) ? BD_DRIVE_HIGH : BD_DRIVE_LOW, s >= 3 ? BD_STRONG : BD_WEAK);
}

static void delayed(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    wire_t *w = ctx;
    /* arg = state | seq << 3 */
    uint64_t seq = (uint64_t)arg >> 3;
    for (size_t i = 0; i < w->npend; i++)
        if (w->pend[i].seq == seq) {
            w->pend[i] = w->pend[--w->npend];
            break;
        }
    apply(w, (int)(arg & 7));
}

static void follow(wire_t *w) {
    const bd_pin_t *a = bd_part_pin(&w->base, R_FROM);
    int s = a ? sense(a) : 0;
    if (!w->delay) {
        apply(w, s);
        return;
    }
    if (w->npend == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 16;
        pending_t *np = realloc(w->pend, cap * sizeof *np);
        if (!np) {
            apply(w, s); /* out of memory: lose the delay, not the edge */
            return;
        }
        w->pend = np;
        w->cap = cap;
    }
    uint64_t seq = ++w->seq & (UINTPTR_MAX >> 3);
    pending_t *p = &w->pend[w->npend];
    if (bd_sched_after(bd_part_sched(&w->base), w->delay, delayed, w, (uintptr_t)(s | (seq << 3)), &p->id) == BD_OK) {
        p->seq = seq;
        w->npend++;
    } else {
        apply(w, s);
    }
}

static void resense(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    wire_t *w = ctx;
    w->resense = 0;
    follow(w);
}

static void pin_event(bd_part_t *p, int role, const bd_pin_event_t *ev) {
    wire_t *w = (wire_t *)p;
    if (role != R_FROM) return;
    if (ev->kind == BD_PEV_EDGE) {
        w->edges++;
        follow(w);
    } else if (ev->kind == BD_PEV_CONFIG && !w->resense) {
        bd_sched_after(bd_part_sched(p), 0, resense, w, 0, &w->resense);
    }
}

static void update(bd_part_t *p) { follow((wire_t *)p); }

static bd_status_t set(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen) {
    if (attr == A_DELAY) ((wire_t *)p)->delay = (bd_time_t)v->num;
    return BD_OK;
}

static void get(const bd_part_t *p, int attr, bd_attr_val_t *v) {
    const wire_t *w = (const wire_t *)p;
    v->num = attr == A_DELAY ? (double)w->delay : (double)w->edges;
}

static void cancel_all(wire_t *w) {
    bd_part_cancel(&w->base, &w->resense);
    for (size_t i = 0; i < w->npend; i++) bd_sched_cancel(bd_part_sched(&w->base), w->pend[i].id);
    w->npend = 0;
}

static void reset(bd_part_t *p) {
    wire_t *w = (wire_t *)p;
    cancel_all(w);
    w->edges = 0;
}

static void fini(bd_part_t *p) {
    wire_t *w = (wire_t *)p;
    cancel_all(w);
    free(w->pend);
}

const bd_part_type_t bd_part_wire_type = {
    .kind = "wire",
    .prefix = "wire",
    .help = "a wire: the `to` pin follows the `from` pin",
    .roles = roles,
    .nroles = 2,
    .npositional = 2,
    .attrs = attrs,
    .nattrs = sizeof attrs / sizeof attrs[0],
    .size = sizeof(wire_t),
    .set = set,
    .get = get,
    .pin_event = pin_event,
    .update = update,
    .reset = reset,
    .fini = fini,
};
