/* hardirq.c: hard interrupt context for embedders.
 *
 * A board's interrupt (a pin edge with hard=True) must run its handler at
 * once, ahead of everything scheduled with micropython.schedule, and under
 * the rules of an interrupt service routine: the heap is locked (allocating
 * raises MemoryError, as MicroPython does with gc_lock in force) and the
 * scheduler is locked (no soft callback runs inside the handler).
 *
 * The embedder's listeners run inside its own code, where Python must not
 * run, so they only post (fn, ctx, arg) here; the VM runs the queue at its
 * next poll (a backward jump or a call) through py_handle_pending, before
 * the scheduled callbacks.  fn is C: it calls the Python handler and deals
 * with the handler's exception itself (the ports print it and disable the
 * IRQ); an exception that escapes fn (SystemExit from a deadline, a reset)
 * propagates after the context has been restored.
 *
 * Invariants: handlers do not nest (one posted while another runs waits for
 * it); the queue is a fixed ring of plain C data (posting allocates nothing
 * and never raises); while a handler runs py_in_hard_irq is true.
 */
#include "runtime.h"
#include "sysio.h"

#define HARD_DEPTH 16

typedef struct {
    void (*fn)(void *ctx, uintptr_t arg);
    void *ctx;
    uintptr_t arg;
} hard_slot_t;

static hard_slot_t ring[HARD_DEPTH];
static int head, count;
bool py_in_hard_irq;

bool py_hard_irq_post(void (*fn)(void *ctx, uintptr_t arg), void *ctx, uintptr_t arg) {
    if (count == HARD_DEPTH) return false; /* an interrupt storm: dropped, as a busy line would be */
    ring[(head + count) % HARD_DEPTH] = (hard_slot_t){fn, ctx, arg};
    count++;
    py_pending = 1;
    return true;
}

int py_hard_irq_count(void) { return count; }

void py_hard_irq_clear(void) { head = count = 0; }

/* One handler in hard context; restores the context if fn raises. */
__attribute__((noinline)) static void run_one(hard_slot_t s) {
    bool was_locked = py_gc_is_locked();
    py_in_hard_irq = true;
    py_gc_lock();
    py_try_t t;
    if (py_try(&t)) {
        s.fn(s.ctx, s.arg);
        py_try_end(&t);
        if (!was_locked) py_gc_unlock();
        py_in_hard_irq = false;
        return;
    }
    if (!was_locked) py_gc_unlock();
    py_in_hard_irq = false;
    py_raise(t.exc);
}

void py_hard_irq_run(void) {
    if (py_in_hard_irq) return; /* no nesting: the outer loop picks it up */
    while (count > 0) {
        hard_slot_t s = ring[head];
        head = (head + 1) % HARD_DEPTH;
        count--;
        run_one(s);
    }
    /* soft callbacks that became due meanwhile run at the next jump */
    if (py_scheduled_count() > 0) py_pending = 1;
}
