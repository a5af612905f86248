/* bd_sched.c: binary min-heap of events keyed on (time, seq).
 *
 * Invariants: heap[0..heap_len) holds the indices of exactly the live slots;
 * slots[heap[i]].heap_pos == i; next_due == time of heap[0] or BD_TIME_NEVER;
 * free slots have fn == NULL and are chained through heap_pos.  Slot storage
 * is separate from the heap so a handle stays valid while the heap reorders,
 * and cancel finds its entry without a search.
 */
#include <stdlib.h>
#include <string.h>

#include "board/bd_sched.h"

#define NO_SLOT UINT32_MAX

void bd_sched_init(bd_sched_t *s) {
    memset(s, 0, sizeof *s);
    s->next_due = BD_TIME_NEVER;
    s->free_head = NO_SLOT;
}

void bd_sched_free(bd_sched_t *s) {
    free(s->heap);
    free(s->slots);
    bd_sched_init(s);
}

static bool before(const bd_sched_t *s, uint32_t a, uint32_t b) {
    const bd_sched_slot_t *x = &s->slots[a], *y = &s->slots[b];
    return x->time < y->time || (x->time == y->time && x->seq < y->seq);
}

static void place(bd_sched_t *s, uint32_t pos, uint32_t slot) {
    s->heap[pos] = slot;
    s->slots[slot].heap_pos = pos;
}

static void sift_up(bd_sched_t *s, uint32_t pos) {
    uint32_t slot = s->heap[pos];
    while (pos > 0) {
        uint32_t parent = (pos - 1) / 2;
        if (!before(s, slot, s->heap[parent])) break;
        place(s, pos, s->heap[parent]);
        pos = parent;
    }
    place(s, pos, slot);
}

static void sift_down(bd_sched_t *s, uint32_t pos) {
    uint32_t slot = s->heap[pos];
    for (;;) {
        uint32_t child = 2 * pos + 1;
        if (child >= s->heap_len) break;
        if (child + 1 < s->heap_len && before(s, s->heap[child + 1], s->heap[child])) child++;
        if (!before(s, s->heap[child], slot)) break;
        place(s, pos, s->heap[child]);
        pos = child;
    }
    place(s, pos, slot);
}

static void refresh_due(bd_sched_t *s) {
    bd_time_t old = s->next_due;
    s->next_due = s->heap_len ? s->slots[s->heap[0]].time : BD_TIME_NEVER;
    if (s->next_due < old && !s->running && s->on_sooner) s->on_sooner(s->on_sooner_ctx, s->next_due);
}

static bd_status_t grow(bd_sched_t *s) {
    uint32_t cap = s->slot_cap ? s->slot_cap * 2 : 64;
    if (cap <= s->slot_cap) return BD_ERR_NOMEM;
    bd_sched_slot_t *slots = realloc(s->slots, (size_t)cap * sizeof *slots);
    if (!slots) return BD_ERR_NOMEM;
    s->slots = slots;
    uint32_t *heap = realloc(s->heap, (size_t)cap * sizeof *heap);
    if (!heap) return BD_ERR_NOMEM; /* slots grew, harmless: cap not bumped */
    s->heap = heap;
    /* chain the new slots onto the free list, lowest index first */
    for (uint32_t i = cap; i-- > s->slot_cap;) {
        memset(&slots[i], 0, sizeof slots[i]);
        slots[i].heap_pos = s->free_head;
        s->free_head = i;
    }
    s->slot_cap = s->heap_cap = cap;
    return BD_OK;
}

static bd_event_id_t make_id(uint32_t slot, uint32_t gen) {
    return ((uint64_t)gen << 32 | slot) + 1; /* +1 keeps 0 invalid */
}

/* The live slot named by id, or NO_SLOT. */
static uint32_t lookup(const bd_sched_t *s, bd_event_id_t id) {
    if (id == 0) return NO_SLOT;
    id -= 1;
    uint32_t slot = (uint32_t)id, gen = (uint32_t)(id >> 32);
    if (slot >= s->slot_cap || !s->slots[slot].fn || s->slots[slot].gen != gen) return NO_SLOT;
    return slot;
}

bd_status_t bd_sched_at(bd_sched_t *s, bd_time_t t, bd_event_fn fn, void *ctx, uintptr_t arg,
                        bd_event_id_t *id) {
    if (!fn) return BD_ERR_INVAL;
    if (s->free_head == NO_SLOT) {
        bd_status_t st = grow(s);
        if (st != BD_OK) return st;
    }
    uint32_t slot = s->free_head;
    bd_sched_slot_t *e = &s->slots[slot];
    s->free_head = e->heap_pos;
    e->time = t < s->now ? s->now : t;
    e->seq = s->seq++;
    e->fn = fn;
    e->ctx = ctx;
    e->arg = arg;
    s->heap[s->heap_len] = slot;
    e->heap_pos = s->heap_len++;
    sift_up(s, e->heap_pos);
    refresh_due(s);
    if (id) *id = make_id(slot, e->gen);
    return BD_OK;
}

bd_status_t bd_sched_after(bd_sched_t *s, bd_time_t delay, bd_event_fn fn, void *ctx, uintptr_t arg,
                           bd_event_id_t *id) {
    bd_time_t t = s->now + delay;
    if (t < s->now) t = BD_TIME_NEVER - 1; /* saturate: "effectively never" yet cancellable */
    return bd_sched_at(s, t, fn, ctx, arg, id);
}

/* Take slot out of the heap and put it on the free list. */
static void release(bd_sched_t *s, uint32_t slot) {
    uint32_t pos = s->slots[slot].heap_pos;
    uint32_t last = s->heap[--s->heap_len];
    if (pos < s->heap_len) {
        place(s, pos, last);
        /* the moved entry may belong above or below its new position */
        if (pos > 0 && before(s, last, s->heap[(pos - 1) / 2]))
            sift_up(s, pos);
        else
            sift_down(s, pos);
    }
    bd_sched_slot_t *e = &s->slots[slot];
    e->fn = NULL;
    e->ctx = NULL;
    e->gen++;
    e->heap_pos = s->free_head;
    s->free_head = slot;
    refresh_due(s);
}

bd_status_t bd_sched_cancel(bd_sched_t *s, bd_event_id_t id) {
    uint32_t slot = lookup(s, id);
    if (slot == NO_SLOT) return BD_ERR_NOTFOUND;
    release(s, slot);
    return BD_OK;
}

bool bd_sched_pending(const bd_sched_t *s, bd_event_id_t id) { return lookup(s, id) != NO_SLOT; }

bd_time_t bd_sched_event_time(const bd_sched_t *s, bd_event_id_t id) {
    uint32_t slot = lookup(s, id);
    return slot == NO_SLOT ? BD_TIME_NEVER : s->slots[slot].time;
}

/* Pop the heap top and call it.  The slot is released before the call so the
 * callback can reschedule freely (and a cancel of its own id is NOTFOUND). */
static void run_top(bd_sched_t *s) {
    uint32_t slot = s->heap[0];
    bd_sched_slot_t e = s->slots[slot];
    release(s, slot);
    if (e.time > s->now) s->now = e.time;
    s->events_run++;
    e.fn(s, e.ctx, e.arg, s->now);
}

bd_status_t bd_sched_run_until(bd_sched_t *s, bd_time_t t, uint64_t *ran) {
    if (s->running) return BD_ERR_BUSY;
    s->running = true;
    uint64_t before_count = s->events_run;
    while (s->heap_len && s->next_due <= t) run_top(s);
    if (t > s->now) s->now = t;
    s->running = false;
    if (ran) *ran = s->events_run - before_count;
    return BD_OK;
}

bd_status_t bd_sched_run_one(bd_sched_t *s) {
    if (s->running) return BD_ERR_BUSY;
    if (!s->heap_len) return BD_ERR_NOTFOUND;
    s->running = true;
    run_top(s);
    s->running = false;
    return BD_OK;
}

bd_status_t bd_sched_advance_slow(bd_sched_t *s, bd_time_t dt) {
    bd_time_t t = s->now + dt;
    if (t < s->now) t = BD_TIME_NEVER - 1;
    return bd_sched_run_until(s, t, NULL);
}

void bd_sched_set_cpu_hz(bd_sched_t *s, uint64_t hz) {
    s->cpu_hz = hz;
    s->cycle_rem = 0;
}

bd_status_t bd_sched_advance_cycles(bd_sched_t *s, uint64_t cycles) {
    if (!s->cpu_hz) return BD_ERR_INVAL;
    /* ns = (cycles * 1e9 + rem) / hz, in 128 bits so huge counts cannot overflow */
    unsigned __int128 num = (unsigned __int128)cycles * 1000000000u + s->cycle_rem;
    bd_time_t ns = (bd_time_t)(num / s->cpu_hz);
    s->cycle_rem = (uint64_t)(num % s->cpu_hz);
    return bd_sched_advance(s, ns);
}
