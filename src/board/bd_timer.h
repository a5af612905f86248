/* bd_timer.h: hardware/virtual timers: one-shot and periodic callbacks on
 * the board's clock.
 *
 * A timer fires at deadlines on the scheduler.  Periodic deadlines are
 * drift-free: deadline[k+1] = deadline[k] + period, computed from the
 * previous deadline, never from the time the callback ran; periods that are
 * not whole nanoseconds (Timer(freq=3)) are kept as a fraction num/den ns,
 * so deadline[k] = start + floor(k * num / den) exactly, for ever.
 *
 * The callback is the bindings' (fn + ctx, both borrowed).  It runs inside
 * the scheduler, so it must not call into the VM: the bindings queue the
 * Python handler there (soft IRQ) and return.  It may stop, restart or
 * re-program this or any other timer.  Before the callback runs, the next
 * periodic deadline is already scheduled; `fires` counts callbacks.
 *
 * Period units: nanoseconds.  Each port's rounding of the user's period
 * (rp2's alarm pool works in whole microseconds, so freq=3 is 333333 us)
 * is the bindings' choice, made before calling start.
 *
 * Status codes: BD_ERR_INVAL for a periodic period under 1 ns (a periodic
 * timer at 0 ns would never let time move; a one-shot at 0 fires at once)
 * or a NULL fn; BD_ERR_NOMEM from the scheduler.
 * Ownership: bd_timer_deinit (or stop) before freeing the timer or its ctx.
 */
#ifndef BD_TIMER_H
#define BD_TIMER_H

#include <stdbool.h>
#include <stdint.h>

#include "board/bd_sched.h"
#include "board/bd_status.h"

typedef struct bd_timer bd_timer_t;

/* `deadline` is the time the timer was due (equal to now when it runs). */
typedef void (*bd_timer_fn)(void *ctx, bd_timer_t *t, bd_time_t deadline);

typedef enum { BD_TIMER_ONE_SHOT = 0, BD_TIMER_PERIODIC = 1 } bd_timer_mode_t;

struct bd_timer {
    bd_sched_t *sched;
    const char *name; /* borrowed, for the trace */
    bd_timer_fn fn;
    void *ctx;
    uint8_t mode;
    bool running;
    uint64_t num, den;  /* period = num / den ns */
    bd_time_t base;     /* time of deadline 0 of the current run */
    uint64_t k;         /* index of the pending deadline: base + k*num/den */
    bd_time_t deadline; /* the pending deadline */
    bd_event_id_t ev;
    uint64_t fires;
};

void bd_timer_init(bd_timer_t *t, bd_sched_t *s, const char *name);
/* Stop (cancel the pending deadline). */
void bd_timer_deinit(bd_timer_t *t);

/* Start (or restart) with the first deadline at now + period. */
bd_status_t bd_timer_start(bd_timer_t *t, bd_timer_mode_t mode, bd_time_t period_ns, bd_timer_fn fn, void *ctx);
/* Same, period = num/den ns (den > 0); bd_timer_start_hz: period = 1 s / hz. */
bd_status_t bd_timer_start_frac(bd_timer_t *t, bd_timer_mode_t mode, uint64_t num, uint64_t den, bd_timer_fn fn,
                                void *ctx);
bd_status_t bd_timer_start_hz(bd_timer_t *t, bd_timer_mode_t mode, uint64_t hz, bd_timer_fn fn, void *ctx);

void bd_timer_stop(bd_timer_t *t);
static inline bool bd_timer_running(const bd_timer_t *t) { return t->running; }
/* Nanoseconds until the pending deadline (0 when stopped or due now). */
bd_time_t bd_timer_remaining(const bd_timer_t *t);

#endif
