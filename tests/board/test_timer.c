/* test_timer.c: one-shot and periodic timers, drift-free deadlines, stop
 * and restart from the callback, fractional periods. */
#include "board/bd_timer.h"
#include "tap.h"

typedef struct {
    int n;
    bd_time_t at[64], due[64];
    int stop_after;
    bd_timer_t *restart;
} log_t;

static void cb(void *ctx, bd_timer_t *t, bd_time_t deadline) {
    log_t *l = ctx;
    if (l->n < 64) {
        l->at[l->n] = bd_sched_now(t->sched);
        l->due[l->n] = deadline;
    }
    l->n++;
    if (l->stop_after && l->n >= l->stop_after) bd_timer_stop(t);
}

TEST(periodic_drift_free) {
    bd_sched_t s;
    bd_sched_init(&s);
    bd_timer_t t;
    bd_timer_init(&t, &s, "t0");
    log_t l = {0};
    bd_sched_advance(&s, 123);
    CHECK_EQ(bd_timer_start(&t, BD_TIMER_PERIODIC, BD_MS(1), cb, &l), BD_OK);
    /* the VM runs in uneven steps: deadlines stay on the grid */
    for (int i = 0; i < 100; i++) bd_sched_advance(&s, 37777);
    CHECK_EQ(l.n, 3);
    for (int i = 0; i < 3 && i < l.n; i++) {
        CHECK_EQ(l.at[i], 123 + BD_MS(1) * (bd_time_t)(i + 1));
        CHECK_EQ(l.due[i], l.at[i]);
    }
    bd_sched_run_until(&s, 123 + BD_S(1), NULL);
    CHECK_EQ(l.n, 1000);
    CHECK_EQ(t.fires, 1000);
    CHECK(bd_timer_running(&t));
    CHECK_EQ(bd_timer_remaining(&t), BD_MS(1));
    bd_timer_deinit(&t);
    CHECK_EQ(bd_sched_count(&s), 0);
    bd_sched_free(&s);
}

TEST(one_shot) {
    bd_sched_t s;
    bd_sched_init(&s);
    bd_timer_t t;
    bd_timer_init(&t, &s, "t1");
    log_t l = {0};
    CHECK_EQ(bd_timer_start(&t, BD_TIMER_ONE_SHOT, BD_US(500), cb, &l), BD_OK);
    bd_sched_run_until(&s, BD_S(1), NULL);
    CHECK_EQ(l.n, 1);
    CHECK_EQ(l.at[0], BD_US(500));
    CHECK(!bd_timer_running(&t));
    CHECK_EQ(bd_timer_remaining(&t), 0);
    /* restart after it fired; a restart while pending replaces the deadline */
    bd_timer_start(&t, BD_TIMER_ONE_SHOT, BD_MS(10), cb, &l);
    bd_sched_advance(&s, BD_MS(5));
    bd_timer_start(&t, BD_TIMER_ONE_SHOT, BD_MS(10), cb, &l);
    bd_sched_run_until(&s, BD_S(2), NULL);
    CHECK_EQ(l.n, 2);
    CHECK_EQ(l.at[1], BD_S(1) + BD_MS(15));
    bd_sched_free(&s);
}

TEST(stop_from_callback) {
    bd_sched_t s;
    bd_sched_init(&s);
    bd_timer_t t;
    bd_timer_init(&t, &s, "t2");
    log_t l = {0};
    l.stop_after = 3;
    bd_timer_start(&t, BD_TIMER_PERIODIC, BD_MS(2), cb, &l);
    bd_sched_run_until(&s, BD_S(1), NULL);
    CHECK_EQ(l.n, 3);
    CHECK(!bd_timer_running(&t));
    CHECK_EQ(bd_sched_count(&s), 0);
    bd_sched_free(&s);
}

TEST(fractional_period) {
    bd_sched_t s;
    bd_sched_init(&s);
    bd_timer_t t;
    bd_timer_init(&t, &s, "t3");
    log_t l = {0};
    CHECK_EQ(bd_timer_start_hz(&t, BD_TIMER_PERIODIC, 3, cb, &l), BD_OK);
    bd_sched_run_until(&s, BD_S(10), NULL);
    CHECK_EQ(l.n, 30);
    CHECK_EQ(l.at[0], 333333333);
    CHECK_EQ(l.at[1], 666666666);
    CHECK_EQ(l.at[2], BD_S(1));
    bd_timer_stop(&t);
    CHECK_EQ(bd_timer_start(&t, BD_TIMER_PERIODIC, 0, cb, &l), BD_ERR_INVAL);
    CHECK_EQ(bd_timer_start(&t, BD_TIMER_PERIODIC, BD_MS(1), NULL, &l), BD_ERR_INVAL);
    CHECK_EQ(bd_timer_start_hz(&t, BD_TIMER_PERIODIC, 0, cb, &l), BD_ERR_INVAL);
    bd_sched_free(&s);
}

int main(void) {
    RUN(periodic_drift_free);
    RUN(one_shot);
    RUN(stop_from_callback);
    RUN(fractional_period);
    return tap_done();
}
