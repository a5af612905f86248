/* test_irq_timing.c: the board side of interrupt timing.
 *
 * An interrupt is an edge on a pad heard by a listener (the bindings'
 * IRQ detector), delivered to the VM at its next poll.  What the board
 * must guarantee for that to be exact, and what these tests check:
 *   - an edge carries the virtual time of its cause, to the nanosecond,
 *     even when it falls inside a CPU-time charge (bd_sched_advance*) that
 *     jumps over it;
 *   - an embedder that sizes its run of polls by bd_sched_next_time (as
 *     board_runtime.c does) sees every edge at the first poll at or after
 *     it: latency under one poll, never negative, also on a poll boundary;
 *   - on_sooner tells the embedder when an event is scheduled earlier than
 *     every pending one (outside callbacks), so a budget already handed
 *     out can be cut;
 *   - a pulse shorter than a poll still gives both edges, in order, with
 *     their own times (the detector latches; nothing is lost to sampling);
 *   - timer deadlines inside a charge run at their own times, so a periodic
 *     interrupt does not drift with the CPU cost around it.
 */
#include <string.h>

#include "board/bd_pin.h"
#include "board/bd_sched.h"
#include "board/bd_timer.h"
#include "tap.h"

#define VDD 3300000
#define CPU_HZ 125000000u
#define CYCLES_PER_POLL 250u /* board.md: a poll costs 250 cycles, 2 us at 125 MHz */
#define POLL_NS 2000u

typedef struct {
    int n;
    bd_time_t t[64];
    int lv[64];
    int pending; /* edges latched and not yet seen by the "VM" */
} irq_t;

static void on_edge(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) {
    irq_t *q = ctx;
    if (q->n < 64) q->t[q->n] = ev->time, q->lv[q->n] = ev->level;
    q->n++;
    q->pending++;
}

/* A stimulus: drive the pad to `arg` (0/1) strongly, from a board event. */
typedef struct {
    bd_pin_t *pin;
    int drv;
} stim_t;

static void drive_ev(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    stim_t *st = ctx;
    bd_pin_drive(st->pin, st->drv, arg ? BD_DRIVE_HIGH : BD_DRIVE_LOW, BD_STRONG);
}

static void setup(bd_sched_t *s, bd_pin_t *p, stim_t *st, irq_t *q) {
    bd_sched_init(s);
    bd_sched_set_cpu_hz(s, CPU_HZ);
    bd_pin_init(p, 0, "D2", s, VDD);
    bd_pin_configure(p, BD_MODE_INPUT, BD_PULL_UP);
    memset(q, 0, sizeof *q);
    bd_pin_listen(p, BD_PEV_EDGE, on_edge, q, NULL);
    st->pin = p;
    bd_pin_driver_add(p, "stim", &st->drv);
}

TEST(edge_time_exact_inside_a_cpu_charge) {
    bd_sched_t s;
    bd_pin_t p;
    stim_t st;
    irq_t q;
    setup(&s, &p, &st, &q);
    bd_sched_at(&s, 12345, drive_ev, &st, 0, NULL);
    bd_sched_at(&s, 12346, drive_ev, &st, 1, NULL);
    /* one charge of 10 polls jumps over both edges */
    CHECK_EQ(bd_sched_advance_cycles(&s, 10 * CYCLES_PER_POLL), BD_OK);
    CHECK_EQ(bd_sched_now(&s), 10 * POLL_NS);
    CHECK_EQ(q.n, 2);
    CHECK_EQ(q.t[0], 12345);
    CHECK_EQ(q.lv[0], 0);
    CHECK_EQ(q.t[1], 12346);
    CHECK_EQ(q.lv[1], 1);
    bd_pin_free(&p);
    bd_sched_free(&s);
}

/* The embedder's loop, as board_runtime.c runs it: before each run of
 * polls the budget is cut so that the run ends at the first poll at or
 * after the next event; after each poll the "VM" takes latched edges. */
static bd_time_t vm_run(bd_sched_t *s, irq_t *q, bd_time_t until, bd_time_t *seen, int max) {
    int k = 0;
    while (bd_sched_now(s) < until) {
        bd_time_t due = bd_sched_next_time(s);
        uint64_t polls = 1000;
        if (due != BD_TIME_NEVER) {
            uint64_t left = due > bd_sched_now(s) ? due - bd_sched_now(s) : 0;
            uint64_t want = (left + POLL_NS - 1) / POLL_NS;
            if (want < 1) want = 1;
            if (want < polls) polls = want;
        }
        for (uint64_t i = 0; i < polls && bd_sched_now(s) < until; i++) {
            bd_sched_advance_cycles(s, CYCLES_PER_POLL);
            while (q->pending > 0) {
                q->pending--;
                if (k < max) seen[k++] = bd_sched_now(s);
            }
        }
    }
    return k;
}

TEST(vm_sees_each_edge_within_one_poll) {
    bd_sched_t s;
    bd_pin_t p;
    stim_t st;
    irq_t q;
    setup(&s, &p, &st, &q);
    /* edges off the poll grid, on it (4000 = 2 polls), and close together */
    static const bd_time_t at[] = {3001, 4000, 9999, 10000, 55555, 1000000, 1000001 + POLL_NS};
    int n = (int)(sizeof at / sizeof at[0]);
    for (int i = 0; i < n; i++) bd_sched_at(&s, at[i], drive_ev, &st, (uintptr_t)(i % 2 ? 1 : 0), NULL);
    bd_time_t seen[16];
    int k = (int)vm_run(&s, &q, 2000000, seen, 16);
    CHECK_EQ(k, n);
    CHECK_EQ(q.n, n);
    for (int i = 0; i < n && i < k; i++) {
        CHECK_EQ(q.t[i], at[i]);         /* the edge's own time */
        CHECK(seen[i] >= at[i]);         /* never before the edge */
        CHECK(seen[i] - at[i] < POLL_NS); /* at the first poll after it */
    }
    bd_pin_free(&p);
    bd_sched_free(&s);
}

typedef struct {
    int calls;
    bd_time_t due;
} sooner_t;

static void sooner(void *ctx, bd_time_t due) {
    sooner_t *o = ctx;
    o->calls++;
    o->due = due;
}

static void nop_ev(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    /* scheduling from inside a callback is not reported: the embedder
     * recomputes its budget after the events anyway */
    if (arg) bd_sched_at(s, now + 1, nop_ev, ctx, 0, NULL);
}

TEST(on_sooner_reports_an_earlier_event) {
    bd_sched_t s;
    bd_sched_init(&s);
    sooner_t o = {0, 0};
    s.on_sooner = sooner;
    s.on_sooner_ctx = &o;
    bd_sched_at(&s, 50000, nop_ev, NULL, 0, NULL);
    CHECK_EQ(o.calls, 1);
    CHECK_EQ(o.due, 50000);
    bd_sched_at(&s, 80000, nop_ev, NULL, 0, NULL); /* later than pending: nothing to cut */
    CHECK_EQ(o.calls, 1);
    bd_sched_at(&s, 7000, nop_ev, NULL, 1, NULL); /* sooner: the budget must shrink */
    CHECK_EQ(o.calls, 2);
    CHECK_EQ(o.due, 7000);
    bd_sched_run_until(&s, 7000, NULL); /* its callback schedules 7001 from inside */
    CHECK_EQ(o.calls, 2);
    CHECK_EQ(bd_sched_next_time(&s), 7001);
    bd_sched_free(&s);
}

TEST(short_pulse_between_polls_gives_both_edges) {
    bd_sched_t s;
    bd_pin_t p;
    stim_t st;
    irq_t q;
    setup(&s, &p, &st, &q);
    bd_sched_at(&s, 2100, drive_ev, &st, 0, NULL); /* a 100 ns low glitch inside poll 2 */
    bd_sched_at(&s, 2200, drive_ev, &st, 1, NULL);
    bd_time_t seen[4];
    int k = (int)vm_run(&s, &q, 10000, seen, 4);
    CHECK_EQ(q.n, 2);
    CHECK_EQ(q.t[0], 2100);
    CHECK_EQ(q.lv[0], 0);
    CHECK_EQ(q.t[1], 2200);
    CHECK_EQ(q.lv[1], 1);
    CHECK_EQ(k, 2);
    CHECK_EQ(seen[0], 4000); /* both at the one poll after them */
    CHECK_EQ(seen[1], 4000);
    bd_pin_free(&p);
    bd_sched_free(&s);
}

typedef struct {
    int n;
    bd_time_t at[16], deadline[16];
} tlog_t;

static void on_timer(void *ctx, bd_timer_t *t, bd_time_t deadline) {
    tlog_t *l = ctx;
    if (l->n < 16) l->at[l->n] = bd_sched_now(t->sched), l->deadline[l->n] = deadline;
    l->n++;
}

TEST(periodic_timer_irq_does_not_drift_with_cpu_cost) {
    bd_sched_t s;
    bd_sched_init(&s);
    bd_sched_set_cpu_hz(&s, 240000000u); /* 4.1666 ns a cycle: charges are not whole ns */
    bd_timer_t t;
    bd_timer_init(&t, &s, "tim");
    tlog_t l = {0};
    CHECK_EQ(bd_timer_start_frac(&t, BD_TIMER_PERIODIC, 1000000, 3, on_timer, &l), BD_OK); /* 333333.3 ns */
    /* uneven CPU charges: 7, 1000, 33333 cycles ... */
    static const uint64_t charge[] = {7, 1000, 33333, 250, 99999, 12345, 250000};
    for (int r = 0; r < 4; r++)
        for (size_t i = 0; i < sizeof charge / sizeof charge[0]; i++) bd_sched_advance_cycles(&s, charge[i]);
    CHECK(l.n >= 10);
    for (int i = 0; i < l.n && i < 16; i++) {
        CHECK_EQ(l.at[i], l.deadline[i]);
        CHECK_EQ(l.deadline[i], (bd_time_t)((uint64_t)(i + 1) * 1000000u / 3u));
    }
    bd_timer_deinit(&t);
    bd_sched_free(&s);
}

int main(void) {
    RUN(edge_time_exact_inside_a_cpu_charge);
    RUN(vm_sees_each_edge_within_one_poll);
    RUN(on_sooner_reports_an_earlier_event);
    RUN(short_pulse_between_polls_gives_both_edges);
    RUN(periodic_timer_irq_does_not_drift_with_cpu_cost);
    return tap_done();
}
