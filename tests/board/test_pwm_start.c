/* test_pwm_start.c: how a PWM output starts and when timer updates happen,
 * measured from the edges on the pad: the stm32 restart (UG), a channel
 * configured straight into the live registers, the counter value, the wrap
 * hook that carries pyb.Timer callbacks, and the rp2 start at enable. */
#include "board/bd_pwm.h"
#include "board_fixture.h"
#include "tap.h"

#define MAXE 64 /* timer wraps kept */

static int pad(bd_board_t *b, const char *name) { return bd_board_pin_find(b, name, BD_FIND_SILK); }

typedef struct {
    int n;
    bd_time_t t[MAXE];
} wraps_t;

static void on_wrap(void *ctx, int slice, bd_time_t t) {
    wraps_t *w = ctx;
    if (w->n < MAXE) w->t[w->n] = t;
    w->n++;
}

/* TIM3 at 1 MHz ticks (PSC 239), ARR 999: a 1 ms period. */
static void stm32_setup(bd_board_t *b, bd_pwm_t *p, int *pd) {
    bd_board_init(b, bd_board_def_find("giga-r1"));
    bd_pwm_init(p, b);
    *pd = pad(b, "PC6");
    int sl, ch;
    bd_pwm_chan_for_pad(p, *pd, &sl, &ch);
    CHECK_EQ(sl, 3);
    CHECK_EQ(ch, 0);
    CHECK_EQ(bd_pwm_set_raw(p, 3, 240, 1, 999), BD_OK);
}

TEST(stm32_channel_starts_at_once) {
    bd_board_t b;
    bd_pwm_t p;
    int pd;
    stm32_setup(&b, &p, &pd);
    CHECK_EQ(bd_pwm_restart(&p, 3), BD_OK); /* t0 = 0: CNT = 0 */
    CHECK(p.slice[3].enabled);
    static edges_t e;
    e.n = 0;
    bd_pin_listen(bd_board_pin(&b, pd), BD_PEV_EDGE, on_edge, &e, NULL);
    bd_sched_run_until(&b.sched, BD_US(100), NULL);
    CHECK_EQ(bd_pwm_counter(&p, 3), 100);
    CHECK_EQ(bd_pwm_set_chan_now(&p, 3, 0, 400, false), BD_OK); /* CNT 100 < 400 */
    CHECK_EQ(bd_pwm_attach(&p, 3, 0, pd), BD_OK);
    CHECK_EQ(bd_board_pin(&b, pd)->level, 1); /* high at once */
    bd_sched_run_until(&b.sched, BD_US(2900), NULL);
    /* high 100..400 us, then 1..1.4 ms, 2..2.4 ms; the pad's first rise is
     * the attach itself at 100 us */
    CHECK_EQ(e.n, 6);
    CHECK_EQ(e.t[0], BD_US(100));
    CHECK_EQ(e.lv[0], 1);
    CHECK_EQ(e.t[1], BD_US(400));
    CHECK_EQ(e.t[2], BD_MS(1));
    CHECK_EQ(e.t[3], BD_US(1400));
    CHECK_EQ(e.t[4], BD_MS(2));

    /* a later compare write is preloaded: 700 us from the next period on */
    CHECK_EQ(bd_pwm_set_cc(&p, 3, 0, 700), BD_OK);
    CHECK_EQ(bd_board_pin(&b, pd)->level, 0);
    bd_sched_run_until(&b.sched, BD_MS(5), NULL);
    CHECK_EQ(e.t[6], BD_MS(3));
    CHECK_EQ(e.t[7], BD_US(3700));

    /* past the compare point: set_chan_now drops the output at once */
    bd_sched_run_until(&b.sched, BD_US(5500), NULL);
    CHECK_EQ(bd_board_pin(&b, pd)->level, 1);
    CHECK_EQ(bd_pwm_set_chan_now(&p, 3, 0, 300, false), BD_OK); /* CNT 500 >= 300 */
    CHECK_EQ(bd_board_pin(&b, pd)->level, 0);
    /* inverted at once: high while CNT >= 300 */
    CHECK_EQ(bd_pwm_set_chan_now(&p, 3, 0, 300, true), BD_OK);
    CHECK_EQ(bd_board_pin(&b, pd)->level, 1);
    CHECK_EQ(bd_pwm_set_chan_now(&p, 3, 9, 300, true), BD_ERR_INVAL);
    bd_pwm_free(&p);
    bd_board_free(&b);
}

TEST(stm32_restart_and_counter) {
    bd_board_t b;
    bd_pwm_t p;
    int pd;
    stm32_setup(&b, &p, &pd);
    CHECK_EQ(bd_pwm_counter(&p, 3), 0); /* not running */
    bd_sched_run_until(&b.sched, BD_US(50), NULL);
    CHECK_EQ(bd_pwm_restart(&p, 3), BD_OK);
    CHECK_EQ(bd_pwm_counter(&p, 3), 0);
    bd_sched_run_until(&b.sched, BD_US(50 + 2345), NULL); /* idle slice: no events ran */
    CHECK_EQ(bd_pwm_counter(&p, 3), 345);
    bd_sched_run_until(&b.sched, BD_US(50 + 3000), NULL); /* exactly on a wrap */
    CHECK_EQ(bd_pwm_counter(&p, 3), 0);
    /* a new period register, preloaded: the running period ends as it was;
     * restart (UG) loads it at once and counts from 0 */
    CHECK_EQ(bd_pwm_set_raw(&p, 3, 240, 1, 499), BD_OK);
    bd_sched_run_until(&b.sched, BD_US(50 + 3700), NULL);
    CHECK_EQ(bd_pwm_counter(&p, 3), 700);
    CHECK_EQ(bd_pwm_restart(&p, 3), BD_OK);
    bd_sched_run_until(&b.sched, BD_US(50 + 3700 + 620), NULL);
    CHECK_EQ(bd_pwm_counter(&p, 3), 120);
    CHECK_EQ(bd_pwm_restart(&p, 0), BD_ERR_INVAL); /* no TIM0 */
    bd_pwm_free(&p);
    bd_board_free(&b);
}

TEST(stm32_wrap_hook) {
    bd_board_t b;
    bd_pwm_t p;
    int pd;
    stm32_setup(&b, &p, &pd);
    CHECK_EQ(bd_pwm_restart(&p, 3), BD_OK); /* t0 = 0, no pads: an idle slice */
    bd_sched_run_until(&b.sched, BD_US(300), NULL);
    static wraps_t w;
    w.n = 0;
    CHECK_EQ(bd_pwm_on_wrap(&p, 3, on_wrap, &w), BD_OK); /* mid-period: first at 1 ms */
    bd_sched_run_until(&b.sched, BD_US(2500), NULL);
    CHECK_EQ(w.n, 2);
    CHECK_EQ(w.t[0], BD_MS(1));
    CHECK_EQ(w.t[1], BD_MS(2));
    /* a shorter period written at 2.5 ms applies from the 3 ms update */
    CHECK_EQ(bd_pwm_set_raw(&p, 3, 240, 1, 499), BD_OK);
    bd_sched_run_until(&b.sched, BD_US(4200), NULL);
    CHECK_EQ(w.n, 5);
    CHECK_EQ(w.t[2], BD_MS(3));
    CHECK_EQ(w.t[3], BD_US(3500));
    CHECK_EQ(w.t[4], BD_MS(4));
    CHECK_EQ(bd_pwm_on_wrap(&p, 3, NULL, NULL), BD_OK);
    bd_sched_run_until(&b.sched, BD_MS(10), NULL);
    CHECK_EQ(w.n, 5);
    bd_pwm_free(&p);
    bd_board_free(&b);
}

TEST(rp2_starts_at_enable) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("rpi-pico"));
    bd_pwm_t p;
    bd_pwm_init(&p, &b);
    int pa = pad(&b, "GPIO24"), pb = pad(&b, "GPIO25"), sl, ch;
    CHECK_EQ(bd_pwm_chan_for_pad(&p, pa, &sl, &ch), BD_OK);
    CHECK_EQ(sl, 4);
    static edges_t ea, eb;
    ea.n = eb.n = 0;
    bd_pin_listen(bd_board_pin(&b, pa), BD_PEV_EDGE, on_edge, &ea, NULL);
    bd_pin_listen(bd_board_pin(&b, pb), BD_PEV_EDGE, on_edge, &eb, NULL);
    bd_sched_run_until(&b.sched, BD_US(7), NULL);
    bd_pwm_attach(&p, 4, 0, pa);
    bd_pwm_set_freq(&p, 4, 50000, NULL); /* 20 us: div 1, TOP 2499 */
    bd_pwm_set_duty_u16(&p, 4, 0, 32768);
    CHECK_EQ(bd_pwm_enable(&p, 4, true), BD_OK);
    CHECK_EQ(ea.n, 1); /* counter 0 < CC at enable: high at once */
    CHECK_EQ(ea.t[0], BD_US(7));
    bd_sched_run_until(&b.sched, BD_US(12), NULL);
    /* channel B of the running slice: CC double-buffered, from the wrap */
    bd_pwm_attach(&p, 4, 1, pb);
    bd_pwm_set_duty_u16(&p, 4, 1, 16384);
    CHECK_EQ(eb.n, 0);
    bd_sched_run_until(&b.sched, BD_US(35), NULL);
    CHECK_EQ(eb.n, 2);
    CHECK_EQ(eb.t[0], BD_US(27));
    CHECK_EQ(eb.lv[0], 1);
    CHECK_EQ(eb.t[1], BD_US(27) + 5000);
    bd_pwm_free(&p);
    bd_board_free(&b);
}

int main(void) {
    RUN(stm32_channel_starts_at_once);
    RUN(stm32_restart_and_counter);
    RUN(stm32_wrap_hook);
    RUN(rp2_starts_at_enable);
    return tap_done();
}
