/* bd_pin.c: pad resolution and event dispatch for one GPIO pin.
 *
 * Invariant: after bd_pin_update returns (outside a nested call), level, uv,
 * floating and contention are exactly what resolve() computes from the
 * machine-side registers and the external drivers, and every digital change
 * since the last update has been reported to listeners as one BD_PEV_EDGE.
 */
#include <stdlib.h>
#include <string.h>

#include "board/bd_pin.h"

void bd_pin_init(bd_pin_t *p, uint16_t index, const char *name, const bd_sched_t *clock, int32_t vdd_uv) {
    memset(p, 0, sizeof *p);
    p->index = index;
    p->name = name;
    p->clock = clock;
    p->vdd_uv = vdd_uv;
    p->alt = -1;
    p->periph = -1;
    p->floating = true;
}

void bd_pin_free(bd_pin_t *p) {
    free(p->drv);
    free(p->lis);
    p->drv = NULL;
    p->lis = NULL;
    p->ndrv = p->drv_cap = p->nlis = p->lis_cap = 0;
}

static bd_time_t now_of(const bd_pin_t *p) { return p->clock ? bd_sched_now(p->clock) : 0; }

static void notify(bd_pin_t *p, uint32_t kind) {
    bd_pin_event_t ev = {kind, p->level, now_of(p)};
    /* index loop, re-reading p->lis: a listener may add (realloc) or remove */
    for (uint16_t i = 0; i < p->nlis; i++) {
        bd_pin_listener_t l = p->lis[i];
        if (l.fn && (l.mask & kind)) l.fn(l.ctx, p, &ev);
    }
}

/* The MCU's own contribution: 1 strong source or none. */
static bool mcu_source(const bd_pin_t *p, int32_t *uv) {
    int v;
    switch (p->mode) {
    case BD_MODE_OUTPUT:
        v = p->out;
        break;
    case BD_MODE_OPEN_DRAIN:
        v = p->out ? -1 : 0;
        break;
    case BD_MODE_ALT:
        v = p->periph;
        break;
    case BD_MODE_ALT_OPEN_DRAIN:
        v = p->periph == 0 ? 0 : -1;
        break;
    default:
        v = -1;
        break;
    }
    if (v < 0) return false;
    *uv = v ? p->vdd_uv : 0;
    return true;
}

static int32_t driver_uv(const bd_pin_t *p, const bd_pin_driver_t *d) {
    return d->kind == BD_DRIVE_HIGH ? p->vdd_uv : d->kind == BD_DRIVE_LOW ? 0 : d->uv;
}

/* Compute (uv, floating, contention) from the inputs; see the rule in bd_pin.h. */
static void resolve(const bd_pin_t *p, int32_t *uv_out, bool *floating, bool *contention) {
    int32_t lo = INT32_MAX, hi = INT32_MIN, uv;
    int nstrong = 0, nweak = 0;
    int32_t wlo = INT32_MAX;
    if (mcu_source(p, &uv)) {
        lo = hi = uv;
        nstrong++;
    }
    for (uint16_t i = 0; i < p->ndrv; i++) {
        const bd_pin_driver_t *d = &p->drv[i];
        if (d->kind == BD_DRIVE_RELEASE) continue;
        uv = driver_uv(p, d);
        if (d->strength == BD_STRONG || d->kind == BD_DRIVE_VOLTAGE) {
            if (uv < lo) lo = uv;
            if (uv > hi) hi = uv;
            nstrong++;
        } else {
            if (uv < wlo) wlo = uv;
            nweak++;
        }
    }
    *floating = false;
    *contention = false;
    if (nstrong) {
        *uv_out = lo; /* low wins a fight */
        *contention = lo != hi;
    } else if (nweak) {
        *uv_out = wlo;
    } else if (p->mode != BD_MODE_ANALOG && p->pull == BD_PULL_UP) {
        *uv_out = p->vdd_uv;
    } else if (p->mode != BD_MODE_ANALOG && p->pull == BD_PULL_DOWN) {
        *uv_out = 0;
    } else {
        *floating = true;
        *uv_out = p->level ? p->vdd_uv : 0; /* the pad holds its last level */
    }
}

void bd_pin_update(bd_pin_t *p) {
    if (p->updating) {
        p->dirty = true; /* re-run by the outer call, after its listeners */
        return;
    }
    p->updating = true;
    int passes = 0;
    do {
        p->dirty = false;
        int32_t uv;
        bool floating, contention;
        resolve(p, &uv, &floating, &contention);
        int level = (int64_t)uv * 2 >= p->vdd_uv;
        bool new_contention = contention && !p->contention;
        bool edge = level != p->level;
        p->uv = uv;
        p->floating = floating;
        p->contention = contention;
        if (new_contention) {
            p->contentions++;
            notify(p, BD_PEV_CONTENTION);
        }
        if (edge) {
            p->level = (uint8_t)level;
            if (level)
                p->rises++;
            else
                p->falls++;
            p->last_edge = now_of(p);
            notify(p, BD_PEV_EDGE);
        }
        if (++passes >= BD_PIN_MAX_SETTLE && p->dirty) {
            p->unstable = true;
            break;
        }
    } while (p->dirty);
    p->dirty = false;
    p->updating = false;
}

void bd_pin_reset(bd_pin_t *p, bd_pin_mode_t mode, bd_pull_t pull) {
    p->mode = (uint8_t)mode;
    p->pull = (uint8_t)pull;
    p->out = 0;
    p->drive = 0;
    p->alt = -1;
    p->periph = -1;
    p->unstable = false;
    notify(p, BD_PEV_CONFIG);
    bd_pin_update(p);
}

bd_status_t bd_pin_configure(bd_pin_t *p, bd_pin_mode_t mode, bd_pull_t pull) {
    if ((unsigned)mode > BD_MODE_ALT_OPEN_DRAIN || (unsigned)pull > BD_PULL_DOWN) return BD_ERR_INVAL;
    bool changed = p->mode != mode || p->pull != pull;
    p->mode = (uint8_t)mode;
    p->pull = (uint8_t)pull;
    if (changed) notify(p, BD_PEV_CONFIG);
    bd_pin_update(p);
    return BD_OK;
}

bd_status_t bd_pin_set_mode(bd_pin_t *p, bd_pin_mode_t mode) { return bd_pin_configure(p, mode, p->pull); }
bd_status_t bd_pin_set_pull(bd_pin_t *p, bd_pull_t pull) { return bd_pin_configure(p, p->mode, pull); }

void bd_pin_set_out(bd_pin_t *p, int value) {
    p->out = value != 0;
    bd_pin_update(p);
}

void bd_pin_set_drive(bd_pin_t *p, uint8_t drive) {
    if (p->drive == drive) return;
    p->drive = drive;
    notify(p, BD_PEV_CONFIG);
}

void bd_pin_set_alt(bd_pin_t *p, int alt) {
    if (p->alt == alt) return;
    p->alt = (int16_t)alt;
    notify(p, BD_PEV_CONFIG);
    bd_pin_update(p);
}

void bd_pin_set_periph(bd_pin_t *p, int value) {
    p->periph = (int8_t)(value < 0 ? -1 : value != 0);
    bd_pin_update(p);
}

bd_status_t bd_pin_driver_add(bd_pin_t *p, const char *name, int *id) {
    if (!id) return BD_ERR_INVAL;
    if (p->ndrv == p->drv_cap) {
        uint16_t cap = p->drv_cap ? p->drv_cap * 2 : 4;
        if (cap <= p->drv_cap) return BD_ERR_NOMEM;
        bd_pin_driver_t *d = realloc(p->drv, cap * sizeof *d);
        if (!d) return BD_ERR_NOMEM;
        p->drv = d;
        p->drv_cap = cap;
    }
    p->drv[p->ndrv] = (bd_pin_driver_t){name, BD_DRIVE_RELEASE, BD_STRONG, 0};
    *id = p->ndrv++;
    return BD_OK;
}

bd_status_t bd_pin_drive(bd_pin_t *p, int id, bd_drive_t kind, bd_strength_t strength) {
    if (id < 0 || id >= p->ndrv || (unsigned)kind > BD_DRIVE_VOLTAGE || (unsigned)strength > BD_STRONG)
        return BD_ERR_INVAL;
    bd_pin_driver_t *d = &p->drv[id];
    d->kind = (uint8_t)kind;
    d->strength = (uint8_t)strength;
    bd_pin_update(p);
    return BD_OK;
}

bd_status_t bd_pin_drive_uv(bd_pin_t *p, int id, int32_t uv) {
    if (id < 0 || id >= p->ndrv) return BD_ERR_INVAL;
    p->drv[id].uv = uv;
    return bd_pin_drive(p, id, BD_DRIVE_VOLTAGE, BD_STRONG);
}

bd_status_t bd_pin_release(bd_pin_t *p, int id) { return bd_pin_drive(p, id, BD_DRIVE_RELEASE, BD_STRONG); }

bd_status_t bd_pin_listen(bd_pin_t *p, uint32_t mask, bd_pin_listener_fn fn, void *ctx, int *handle) {
    if (!fn) return BD_ERR_INVAL;
    uint16_t slot = p->nlis;
    for (uint16_t i = 0; i < p->nlis; i++)
        if (!p->lis[i].fn) {
            slot = i;
            break;
        }
    if (slot == p->nlis) {
        if (p->nlis == p->lis_cap) {
            uint16_t cap = p->lis_cap ? p->lis_cap * 2 : 4;
            if (cap <= p->lis_cap) return BD_ERR_NOMEM;
            bd_pin_listener_t *l = realloc(p->lis, cap * sizeof *l);
            if (!l) return BD_ERR_NOMEM;
            p->lis = l;
            p->lis_cap = cap;
        }
        p->nlis++;
    }
    p->lis[slot] = (bd_pin_listener_t){mask, fn, ctx};
    if (handle) *handle = slot;
    return BD_OK;
}

bd_status_t bd_pin_unlisten(bd_pin_t *p, int handle) {
    if (handle < 0 || handle >= p->nlis || !p->lis[handle].fn) return BD_ERR_NOTFOUND;
    p->lis[handle].fn = NULL;
    return BD_OK;
}

const char *bd_pin_mode_name(bd_pin_mode_t mode) {
    static const char *const names[] = {"IN", "OUT", "OPEN_DRAIN", "ANALOG", "ALT", "ALT_OPEN_DRAIN"};
    return (unsigned)mode < sizeof names / sizeof names[0] ? names[mode] : "?";
}

const char *bd_pull_name(bd_pull_t pull) {
    static const char *const names[] = {"NONE", "UP", "DOWN"};
    return (unsigned)pull < sizeof names / sizeof names[0] ? names[pull] : "?";
}
