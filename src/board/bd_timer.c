/* bd_timer.c: timers as self-rescheduling scheduler events.
 *
 * Invariant: running <=> ev names a pending event due at `deadline`, and
 * deadline == base + floor(k * num / den) (capped at BD_TIME_NEVER - 1).
 * The next periodic deadline is scheduled before the callback runs, so a
 * callback that stops or restarts the timer sees a consistent state.
 */
#include <string.h>

#include "board/bd_timer.h"

__extension__ typedef unsigned __int128 u128;

void bd_timer_init(bd_timer_t *t, bd_sched_t *s, const char *name) {
    memset(t, 0, sizeof *t);
    t->sched = s;
    t->name = name;
}

void bd_timer_stop(bd_timer_t *t) {
    if (t->ev) bd_sched_cancel(t->sched, t->ev);
    t->ev = 0;
    t->running = false;
}

void bd_timer_deinit(bd_timer_t *t) { bd_timer_stop(t); }

static bd_time_t deadline_of(const bd_timer_t *t, uint64_t k) {
    u128 off = (u128)k * t->num / t->den;
    u128 d = (u128)t->base + off;
    return d >= BD_TIME_NEVER ? BD_TIME_NEVER - 1 : (bd_time_t)d;
}

static void on_due(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now);

static bd_status_t arm(bd_timer_t *t) {
    t->deadline = deadline_of(t, t->k);
    bd_status_t st = bd_sched_at(t->sched, t->deadline, on_due, t, 0, &t->ev);
    if (st != BD_OK) {
        t->ev = 0;
        t->running = false;
    }
    return st;
}

static void on_due(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    bd_timer_t *t = ctx;
    bd_time_t due = t->deadline;
    t->ev = 0;
    if (t->mode == BD_TIMER_PERIODIC) {
        t->k++;
        arm(t);
    } else {
        t->running = false;
    }
    t->fires++;
    if (t->fn) t->fn(t->ctx, t, due);
}

bd_status_t bd_timer_start_frac(bd_timer_t *t, bd_timer_mode_t mode, uint64_t num, uint64_t den, bd_timer_fn fn,
                                void *ctx) {
    if (!fn || !den || (unsigned)mode > BD_TIMER_PERIODIC) return BD_ERR_INVAL;
    if (mode == BD_TIMER_PERIODIC && num < den) return BD_ERR_INVAL; /* under 1 ns */
    bd_timer_stop(t);
    t->mode = (uint8_t)mode;
    t->num = num;
    t->den = den;
    t->fn = fn;
    t->ctx = ctx;
    t->base = bd_sched_now(t->sched);
    t->k = 1;
    t->running = true;
    return arm(t);
}

bd_status_t bd_timer_start(bd_timer_t *t, bd_timer_mode_t mode, bd_time_t period_ns, bd_timer_fn fn, void *ctx) {
    return bd_timer_start_frac(t, mode, period_ns, 1, fn, ctx);
}

bd_status_t bd_timer_start_hz(bd_timer_t *t, bd_timer_mode_t mode, uint64_t hz, bd_timer_fn fn, void *ctx) {
    if (!hz) return BD_ERR_INVAL;
    return bd_timer_start_frac(t, mode, 1000000000ull, hz, fn, ctx);
}

bd_time_t bd_timer_remaining(const bd_timer_t *t) {
    bd_time_t now = bd_sched_now(t->sched);
    return t->running && t->deadline > now ? t->deadline - now : 0;
}
