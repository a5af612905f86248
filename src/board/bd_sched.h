/* bd_sched.h: the discrete-event scheduler and the virtual clock.
 *
 * Everything on the board happens at a virtual time, and this is the only
 * clock: no board module reads the host clock (pacing against the wall clock
 * is the CLI's job, outside the board).  A run is therefore a pure function of
 * the script and its inputs.
 *
 * Ordering contract: events run in order of time; events with equal times
 * run in the order they were scheduled (a sequence number breaks ties), so
 * two runs of the same program interleave identically.  While an event runs,
 * bd_sched_now() is that event's time.
 *
 * Time only moves forward.  Three ways to move it:
 *   - bd_sched_run_until(t): run every event due at or before t, then now = t
 *     (a sleep: jump straight over idle time; an hour costs as much host time
 *     as the events inside it, not as the hour).
 *   - bd_sched_advance(dt) / bd_sched_advance_cycles(n): the VM charging the
 *     cost of the bytecode it executed.  Inline fast path: when no event is
 *     due the cost is an add and a compare.
 *   - bd_sched_next_time(): when the next event is, so an idle loop can jump.
 *
 * Callbacks run from inside run_until/advance.  They may schedule and cancel
 * events (including themselves), but must not call run_until/advance
 * (returns BD_ERR_BUSY): a part reacts to time, it does not make time pass.
 *
 * Ownership: the scheduler owns its arrays; `ctx` pointers are borrowed and
 * must outlive the events that carry them (cancel before freeing a part).
 */
#ifndef BD_SCHED_H
#define BD_SCHED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board/bd_status.h"

typedef struct bd_sched bd_sched_t;

/* An event callback.  `now` equals bd_sched_now(s) at the call. */
typedef void (*bd_event_fn)(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now);

/* Names one scheduled event.  Handles are never reused for another event
 * within a scheduler's life (slot + generation), so cancelling a stale handle
 * is safe and reports BD_ERR_NOTFOUND.  0 is never a valid handle. */
typedef uint64_t bd_event_id_t;

typedef struct {
    bd_time_t time;
    uint64_t seq;   /* insertion order: the tie-breaker */
    bd_event_fn fn; /* NULL when the slot is free */
    void *ctx;
    uintptr_t arg;
    uint32_t heap_pos; /* index in heap[], for O(log n) cancel */
    uint32_t gen;      /* bumped when the slot is released */
} bd_sched_slot_t;

struct bd_sched {
    bd_time_t now;
    bd_time_t next_due; /* cached heap top time, BD_TIME_NEVER when empty */
    uint64_t seq;
    uint32_t *heap; /* slot indices, a binary min-heap on (time, seq) */
    uint32_t heap_len, heap_cap;
    bd_sched_slot_t *slots;
    uint32_t slot_cap;
    uint32_t free_head;  /* free slot list threaded through heap_pos */
    bool running;        /* inside run_until: forbids re-entry */
    uint64_t cpu_hz;     /* for advance_cycles; 0 = not set */
    uint64_t cycle_rem;  /* remainder of cycles*1e9 / cpu_hz, so no drift */
    uint64_t events_run; /* statistics */
    /* Called (outside event callbacks) when an event is scheduled earlier
     * than every pending one: an embedder that runs events only at its own
     * checkpoints (the VM's tick hook) moves its next checkpoint forward.
     * NULL: nobody listens.  Must not schedule or run events. */
    void (*on_sooner)(void *ctx, bd_time_t due);
    void *on_sooner_ctx;
};

void bd_sched_init(bd_sched_t *s);
void bd_sched_free(bd_sched_t *s); /* drops pending events without running them */

static inline bd_time_t bd_sched_now(const bd_sched_t *s) { return s->now; }

/* Schedule fn(ctx, arg) at absolute time t.  A t in the past means "now": it
 * runs at the next run_until/advance, after events already queued for now.
 * *id (may be NULL) receives the handle.  Errors: BD_ERR_INVAL (fn NULL),
 * BD_ERR_NOMEM. */
bd_status_t bd_sched_at(bd_sched_t *s, bd_time_t t, bd_event_fn fn, void *ctx, uintptr_t arg,
                        bd_event_id_t *id);
/* Same, at now + delay (saturating). */
bd_status_t bd_sched_after(bd_sched_t *s, bd_time_t delay, bd_event_fn fn, void *ctx, uintptr_t arg,
                           bd_event_id_t *id);

/* Remove a pending event.  BD_ERR_NOTFOUND if it already ran or was cancelled. */
bd_status_t bd_sched_cancel(bd_sched_t *s, bd_event_id_t id);
bool bd_sched_pending(const bd_sched_t *s, bd_event_id_t id);
/* The time a pending event is due, or BD_TIME_NEVER. */
bd_time_t bd_sched_event_time(const bd_sched_t *s, bd_event_id_t id);

/* Time of the earliest pending event, or BD_TIME_NEVER. */
static inline bd_time_t bd_sched_next_time(const bd_sched_t *s) { return s->next_due; }
static inline size_t bd_sched_count(const bd_sched_t *s) { return s->heap_len; }

/* Run every event due at or before t, in order; then now = max(now, t).
 * *ran (may be NULL) gets the number of events run.  BD_ERR_BUSY if called
 * from inside a callback. */
bd_status_t bd_sched_run_until(bd_sched_t *s, bd_time_t t, uint64_t *ran);

/* Run exactly one event, the earliest, moving now to its time.  Returns
 * BD_ERR_NOTFOUND when nothing is pending.  For stepping in tests, and for a
 * sleep that must stop at the first event (an IRQ may end it early). */
bd_status_t bd_sched_run_one(bd_sched_t *s);

/* Set the CPU clock used by bd_sched_advance_cycles (Hz, > 0). */
void bd_sched_set_cpu_hz(bd_sched_t *s, uint64_t hz);

bd_status_t bd_sched_advance_slow(bd_sched_t *s, bd_time_t dt);

/* Charge dt ns of CPU time.  Events that fall inside run at their own times. */
static inline bd_status_t bd_sched_advance(bd_sched_t *s, bd_time_t dt) {
    if (s->now + dt < s->next_due && !s->running && s->now + dt >= s->now) {
        s->now += dt;
        return BD_OK;
    }
    return bd_sched_advance_slow(s, dt);
}

/* Charge n CPU cycles at cpu_hz, carrying the sub-nanosecond remainder so a
 * 240 MHz CPU (4.1666 ns a cycle) does not drift.  BD_ERR_INVAL if no cpu_hz. */
bd_status_t bd_sched_advance_cycles(bd_sched_t *s, uint64_t cycles);

#endif
