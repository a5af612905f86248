/* test_sched.c: ordering, ties, cancel, re-entrancy, jumps and CPU cost. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "board/bd_sched.h"
#include "tap.h"

typedef struct {
    int order[4096];
    bd_time_t times[4096];
    int n;
} log_t;

static void record(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    log_t *l = ctx;
    CHECK_EQ(now, bd_sched_now(s));
    if (l->n < 4096) {
        l->order[l->n] = (int)arg;
        l->times[l->n] = now;
    }
    l->n++;
}

TEST(orders_by_time_then_insertion) {
    bd_sched_t s;
    bd_sched_init(&s);
    log_t l = {.n = 0};
    bd_sched_at(&s, 300, record, &l, 3, NULL);
    bd_sched_at(&s, 100, record, &l, 1, NULL);
    bd_sched_at(&s, 200, record, &l, 20, NULL);
    bd_sched_at(&s, 200, record, &l, 21, NULL);
    bd_sched_at(&s, 200, record, &l, 22, NULL);
    CHECK_EQ(bd_sched_next_time(&s), 100);
    CHECK_EQ(bd_sched_count(&s), 5);
    uint64_t ran;
    CHECK_EQ(bd_sched_run_until(&s, 250, &ran), BD_OK);
    CHECK_EQ(ran, 4);
    CHECK_EQ(bd_sched_now(&s), 250);
    int want[] = {1, 20, 21, 22};
    for (int i = 0; i < 4; i++) CHECK_EQ(l.order[i], want[i]);
    CHECK_EQ(l.times[1], 200);
    CHECK_EQ(bd_sched_next_time(&s), 300);
    bd_sched_run_until(&s, 1000, NULL);
    CHECK_EQ(l.n, 5);
    CHECK_EQ(bd_sched_next_time(&s), BD_TIME_NEVER);
    bd_sched_free(&s);
}

TEST(past_time_means_now_after_queued) {
    bd_sched_t s;
    bd_sched_init(&s);
    log_t l = {.n = 0};
    bd_sched_run_until(&s, 1000, NULL);
    bd_sched_at(&s, 1000, record, &l, 1, NULL);
    bd_sched_at(&s, 5, record, &l, 2, NULL); /* in the past: runs at 1000, after #1 */
    bd_sched_run_until(&s, 1000, NULL);
    CHECK_EQ(l.n, 2);
    CHECK_EQ(l.order[0], 1);
    CHECK_EQ(l.order[1], 2);
    CHECK_EQ(l.times[1], 1000);
    bd_sched_free(&s);
}

TEST(cancel_and_stale_handles) {
    bd_sched_t s;
    bd_sched_init(&s);
    log_t l = {.n = 0};
    bd_event_id_t a, b, c;
    bd_sched_at(&s, 10, record, &l, 1, &a);
    bd_sched_at(&s, 20, record, &l, 2, &b);
    bd_sched_at(&s, 30, record, &l, 3, &c);
    CHECK(bd_sched_pending(&s, b));
    CHECK_EQ(bd_sched_event_time(&s, b), 20);
    CHECK_EQ(bd_sched_cancel(&s, b), BD_OK);
    CHECK_EQ(bd_sched_cancel(&s, b), BD_ERR_NOTFOUND);
    CHECK(!bd_sched_pending(&s, b));
    CHECK_EQ(bd_sched_cancel(&s, 0), BD_ERR_NOTFOUND);
    bd_sched_run_until(&s, 100, NULL);
    CHECK_EQ(l.n, 2);
    CHECK_EQ(l.order[0], 1);
    CHECK_EQ(l.order[1], 3);
    CHECK_EQ(bd_sched_cancel(&s, a), BD_ERR_NOTFOUND); /* already ran */
    /* the freed slot is reused: the old handle must not name the new event */
    bd_event_id_t d;
    bd_sched_at(&s, 200, record, &l, 4, &d);
    CHECK(d != a && d != b && d != c);
    CHECK_EQ(bd_sched_cancel(&s, c), BD_ERR_NOTFOUND);
    CHECK(bd_sched_pending(&s, d));
    CHECK_EQ(bd_sched_cancel(&s, 0xdeadbeefull), BD_ERR_NOTFOUND);
    CHECK_EQ(bd_sched_at(&s, 1, NULL, NULL, 0, NULL), BD_ERR_INVAL);
    bd_sched_free(&s);
}

/* A periodic timer: the callback reschedules itself; it also cancels a
 * victim event from inside a callback, and tries to re-enter. */
typedef struct {
    int ticks;
    bd_event_id_t victim;
    bd_status_t reentry;
    log_t *log;
} periodic_t;

static void tick(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    periodic_t *p = ctx;
    p->ticks++;
    CHECK_EQ(now % 1000, 0);
    if (p->ticks == 2) bd_sched_cancel(s, p->victim);
    if (p->ticks == 3) p->reentry = bd_sched_run_until(s, now + 10, NULL);
    bd_sched_after(s, 1000, tick, p, 0, NULL);
}

TEST(periodic_reschedule_cancel_inside_and_busy) {
    bd_sched_t s;
    bd_sched_init(&s);
    log_t l = {.n = 0};
    periodic_t p = {0, 0, BD_OK, &l};
    bd_sched_at(&s, 1000, tick, &p, 0, NULL);
    bd_sched_at(&s, 2500, record, &l, 9, &p.victim);
    bd_sched_run_until(&s, 10000, NULL);
    CHECK_EQ(p.ticks, 10);
    CHECK_EQ(l.n, 0); /* victim cancelled at t=2000 */
    CHECK_EQ(p.reentry, BD_ERR_BUSY);
    CHECK_EQ(bd_sched_next_time(&s), 11000);
    bd_sched_free(&s);
}

TEST(sleep_an_hour_is_cheap) {
    bd_sched_t s;
    bd_sched_init(&s);
    log_t l = {.n = 0};
    bd_sched_after(&s, BD_S(3600), record, &l, 1, NULL);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    /* a sleep: jump to the next event, or to the deadline if none is earlier */
    bd_time_t deadline = bd_sched_now(&s) + BD_S(3600);
    bd_time_t next = bd_sched_next_time(&s);
    bd_sched_run_until(&s, next < deadline ? next : deadline, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double us = (t1.tv_sec - t0.tv_sec) * 1e6 + (t1.tv_nsec - t0.tv_nsec) / 1e3;
    printf("# hour sleep took %.1f us host time\n", us);
    CHECK(us < 10000);
    CHECK_EQ(bd_sched_now(&s), BD_S(3600));
    CHECK_EQ(l.n, 1);
    bd_sched_free(&s);
}

TEST(advance_runs_events_at_their_time) {
    bd_sched_t s;
    bd_sched_init(&s);
    log_t l = {.n = 0};
    bd_sched_at(&s, 150, record, &l, 1, NULL);
    bd_sched_at(&s, 160, record, &l, 2, NULL);
    for (int i = 0; i < 10; i++) CHECK_EQ(bd_sched_advance(&s, 20), BD_OK);
    CHECK_EQ(bd_sched_now(&s), 200);
    CHECK_EQ(l.n, 2);
    CHECK_EQ(l.times[0], 150); /* inside the 140..160 step, at its own time */
    CHECK_EQ(l.times[1], 160);
    bd_sched_free(&s);
}

TEST(advance_cycles_has_no_drift) {
    bd_sched_t s;
    bd_sched_init(&s);
    CHECK_EQ(bd_sched_advance_cycles(&s, 1), BD_ERR_INVAL); /* no cpu_hz yet */
    bd_sched_set_cpu_hz(&s, 240000000);                     /* 4.1666 ns a cycle */
    for (int i = 0; i < 240000; i++) bd_sched_advance_cycles(&s, 1);
    CHECK_EQ(bd_sched_now(&s), 1000000); /* exactly 1 ms */
    bd_sched_set_cpu_hz(&s, 125000000);
    bd_sched_advance_cycles(&s, 125000000);
    CHECK_EQ(bd_sched_now(&s), 1000000 + BD_S(1));
    bd_sched_free(&s);
}

TEST(run_one_steps) {
    bd_sched_t s;
    bd_sched_init(&s);
    log_t l = {.n = 0};
    CHECK_EQ(bd_sched_run_one(&s), BD_ERR_NOTFOUND);
    bd_sched_at(&s, 70, record, &l, 1, NULL);
    bd_sched_at(&s, 70, record, &l, 2, NULL);
    CHECK_EQ(bd_sched_run_one(&s), BD_OK);
    CHECK_EQ(l.n, 1);
    CHECK_EQ(bd_sched_now(&s), 70);
    CHECK_EQ(bd_sched_run_one(&s), BD_OK);
    CHECK_EQ(l.order[1], 2);
    bd_sched_free(&s);
}

/* Random schedule/cancel against a simple model: order must be (time, seq). */
static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t next_rand(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

TEST(random_stress_against_model) {
    enum { N = 3000 };
    bd_sched_t s;
    bd_sched_init(&s);
    static log_t l;
    l.n = 0;
    static bd_event_id_t ids[N];
    static bd_time_t when[N];
    static bool cancelled[N];
    for (int i = 0; i < N; i++) {
        when[i] = next_rand() % 500; /* many ties */
        cancelled[i] = false;
        CHECK_EQ(bd_sched_at(&s, when[i], record, &l, (uintptr_t)i, &ids[i]), BD_OK);
    }
    int ncancel = 0;
    for (int i = 0; i < N; i += 3) {
        CHECK_EQ(bd_sched_cancel(&s, ids[i]), BD_OK);
        cancelled[i] = true;
        ncancel++;
    }
    bd_sched_run_until(&s, 1000, NULL);
    CHECK_EQ(l.n, N - ncancel);
    for (int k = 1; k < l.n && k < 4096; k++) {
        int a = l.order[k - 1], b = l.order[k];
        CHECK(when[a] < when[b] || (when[a] == when[b] && a < b));
        CHECK(!cancelled[b]);
    }
    bd_sched_free(&s);
}

int main(void) {
    RUN(orders_by_time_then_insertion);
    RUN(past_time_means_now_after_queued);
    RUN(cancel_and_stale_handles);
    RUN(periodic_reschedule_cancel_inside_and_busy);
    RUN(sleep_an_hour_is_cheap);
    RUN(advance_runs_events_at_their_time);
    RUN(advance_cycles_has_no_drift);
    RUN(run_one_steps);
    RUN(random_stress_against_model);
    return tap_done();
}
