/* test_pwm.c: the ports' frequency/duty rounding, and the generated
 * waveform measured from edges on the pad: exact period and high time,
 * no drift, changes at the period boundary, idle slices, deinit. */
#include "board/bd_pwm.h"
#include "board_fixture.h"
#include "tap.h"

static int pad(bd_board_t *b, const char *name) { return bd_board_pin_find(b, name, BD_FIND_SILK); }

TEST(rp2_rounding) {
    uint32_t div16, top;
    CHECK_EQ(bd_pwm_rp2_calc(125000000, 1000, &div16, &top, NULL), BD_OK);
    CHECK_EQ(div16, 31); /* ceil(2e9 / (65534 * 1000)) */
    CHECK_EQ(top, 64515); /* round(2e9 / 31000) - 1 */
    CHECK_EQ(bd_pwm_rp2_calc(125000000, 50000, &div16, &top, NULL), BD_OK);
    CHECK_EQ(div16, 16);
    CHECK_EQ(top, 2499);
    const char *why = NULL;
    CHECK_EQ(bd_pwm_rp2_calc(125000000, 7, &div16, &top, &why), BD_ERR_INVAL);
    CHECK(why && why[5] == 't' && why[9] == 's'); /* "freq too small" */
    CHECK_EQ(bd_pwm_rp2_calc(125000000, 100000000, &div16, &top, &why), BD_ERR_INVAL);
    CHECK(why && why[9] == 'l'); /* "freq too large" */
}

TEST(rp2_1khz_50pct_edges) {
    bd_board_t b;
    CHECK_EQ(bd_board_init(&b, bd_board_def_find("rpi-pico")), BD_OK);
    bd_pwm_t p;
    bd_pwm_init(&p, &b);
    int pd = pad(&b, "GP0"), sl, ch;
    CHECK_EQ(bd_pwm_chan_for_pad(&p, pd, &sl, &ch), BD_OK);
    CHECK_EQ(sl, 0);
    CHECK_EQ(ch, 0);
    int sl1, ch1;
    CHECK_EQ(bd_pwm_chan_for_pad(&p, pad(&b, "GP17"), &sl1, &ch1), BD_OK);
    CHECK_EQ(sl1, 0);
    CHECK_EQ(ch1, 1);
    static edges_t e;
    e.n = 0;
    bd_pin_listen(bd_board_pin(&b, pd), BD_PEV_EDGE, on_edge, &e, NULL);
    CHECK_EQ(bd_pwm_attach(&p, sl, ch, pd), BD_OK);
    CHECK_EQ(bd_board_pin(&b, pd)->mode, BD_MODE_ALT);
    CHECK_EQ(bd_pwm_set_freq(&p, sl, 1000, NULL), BD_OK);
    CHECK_EQ(bd_pwm_set_duty_u16(&p, sl, ch, 32768), BD_OK);
    CHECK_EQ(bd_pwm_get_freq(&p, sl), 1000);
    CHECK_EQ(p.slice[sl].regs.cc[ch], 32258);
    CHECK_EQ(bd_pwm_get_duty_u16(&p, sl, ch), 32768);
    bd_sched_advance(&b.sched, 1000);
    bd_time_t t0 = bd_sched_now(&b.sched);
    CHECK_EQ(bd_pwm_enable(&p, sl, true), BD_OK);
    bd_sched_run_until(&b.sched, t0 + BD_S(1), NULL);
    /* period: 64516 ticks * 31/16 cycles * 8 ns = 999998 ns; high: 32258
     * ticks = 499999 ns.  1 s holds 1000 whole periods + the next rise. */
    CHECK_EQ(e.n, 2001);
    int bad = 0;
    for (int k = 0; k < 1000 && 2 * k + 1 < e.n; k++) {
        if (e.t[2 * k] != t0 + (bd_time_t)k * 999998 || e.lv[2 * k] != 1) bad++;
        if (e.t[2 * k + 1] != t0 + (bd_time_t)k * 999998 + 499999 || e.lv[2 * k + 1] != 0) bad++;
    }
    CHECK_EQ(bad, 0);
    CHECK_EQ(p.slice[sl].periods, 1000);

    /* duty_ns: 250 us at tick_hz = round(2e9 / 31) */
    CHECK_EQ(bd_pwm_set_duty_ns(&p, sl, ch, 250000, NULL), BD_OK);
    CHECK_EQ(p.slice[sl].regs.cc[ch], 16129);
    CHECK_EQ(bd_pwm_get_duty_ns(&p, sl, ch), 250000);
    const char *why = NULL;
    CHECK_EQ(bd_pwm_set_duty_ns(&p, sl, ch, 2000000, &why), BD_ERR_INVAL);
    CHECK(why != NULL);

    bd_pwm_free(&p);
    bd_board_free(&b);
}

TEST(change_at_period_boundary) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("rpi-pico"));
    bd_pwm_t p;
    bd_pwm_init(&p, &b);
    int pd = pad(&b, "GP2"), sl, ch;
    bd_pwm_chan_for_pad(&p, pd, &sl, &ch);
    static edges_t e;
    e.n = 0;
    bd_pin_listen(bd_board_pin(&b, pd), BD_PEV_EDGE, on_edge, &e, NULL);
    bd_pwm_attach(&p, sl, ch, pd);
    bd_pwm_set_freq(&p, sl, 50000, NULL); /* div 1, top 2499: 20 us, 8 ns ticks */
    bd_pwm_set_duty_u16(&p, sl, ch, 32768);
    bd_pwm_enable(&p, sl, true); /* t = 0 */
    CHECK_EQ(p.slice[sl].regs.cc[ch], 1250);
    bd_sched_run_until(&b.sched, BD_US(5), NULL);
    bd_pwm_set_duty_u16(&p, sl, ch, 16384); /* mid-period: the fall stays at 10 us */
    bd_pwm_set_freq(&p, sl, 25000, NULL);   /* and the period stays 20 us */
    bd_sched_run_until(&b.sched, BD_US(100), NULL);
    CHECK(e.n >= 5);
    CHECK_EQ(e.t[0], 0);
    CHECK_EQ(e.t[1], BD_US(10));
    CHECK_EQ(e.t[2], BD_US(20)); /* new period: 40 us at 25 % */
    CHECK_EQ(e.t[3], BD_US(30));
    CHECK_EQ(e.t[4], BD_US(60));
    CHECK_EQ(bd_pwm_get_freq(&p, sl), 25000);

    /* duty 0: the line stays low and the slice runs no events */
    bd_pwm_set_duty_u16(&p, sl, ch, 0);
    bd_sched_run_until(&b.sched, BD_US(200), NULL);
    CHECK_EQ(bd_board_pin(&b, pd)->level, 0);
    CHECK_EQ(bd_sched_count(&b.sched), 0);
    int before = e.n;
    bd_sched_run_until(&b.sched, BD_S(3600), NULL); /* an hour of nothing */
    CHECK_EQ(e.n, before);
    /* back to 50 %: from the next boundary of the (still running) counter */
    bd_pwm_set_duty_u16(&p, sl, ch, 32768);
    bd_sched_run_until(&b.sched, BD_S(3600) + BD_US(100), NULL);
    CHECK(e.n > before);
    CHECK_EQ((e.t[before] - BD_US(20)) % BD_US(40), 0); /* on the 40 us grid */

    /* deinit: the pad goes back to what it was (rp2 reset: input, pull-down) */
    bd_pwm_enable(&p, sl, false);
    CHECK_EQ(bd_pwm_detach(&p, pd), BD_OK);
    CHECK_EQ(bd_board_pin(&b, pd)->mode, BD_MODE_INPUT);
    CHECK_EQ(bd_board_pin(&b, pd)->pull, BD_PULL_DOWN);
    CHECK_EQ(bd_board_pin(&b, pd)->alt, -1);
    CHECK_EQ(bd_pwm_detach(&p, pd), BD_ERR_NOTFOUND);
    CHECK_EQ(bd_sched_count(&b.sched), 0);
    bd_pwm_free(&p);
    bd_board_free(&b);
}

TEST(fractional_no_drift) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("rpi-pico"));
    bd_pwm_t p;
    bd_pwm_init(&p, &b);
    int pd = pad(&b, "GP4"), sl, ch;
    bd_pwm_chan_for_pad(&p, pd, &sl, &ch);
    static edges_t e;
    e.n = 0;
    bd_pin_listen(bd_board_pin(&b, pd), BD_PEV_EDGE, on_edge, &e, NULL);
    bd_pwm_attach(&p, sl, ch, pd);
    bd_pwm_set_raw(&p, sl, 19, 16, 999); /* 1000 ticks of 1.1875 cycles: 9500 ns */
    bd_pwm_set_cc(&p, sl, ch, 3);        /* 3 ticks = 3.5625 cycles: floor -> 24 ns */
    bd_pwm_enable(&p, sl, true);
    bd_sched_run_until(&b.sched, 9500ull * 1000, NULL);
    CHECK_EQ(e.n, 2001);
    CHECK_EQ(e.t[2000], 9500ull * 1000);
    CHECK_EQ(e.t[1], 28); /* 3 * 19 / 16 = 3.5625 cycles = 28.5 ns */
    bd_pwm_free(&p);
    bd_board_free(&b);
}

TEST(esp32_ledc_and_stm32) {
    bd_board_t b;
    bd_board_init(&b, bd_board_def_find("nano-esp32"));
    bd_pwm_t p;
    bd_pwm_init(&p, &b);
    CHECK_EQ(p.kind, BD_PWM_LEDC);
    int pd = pad(&b, "D5"), sl, ch;
    CHECK_EQ(bd_pwm_chan_for_pad(&p, pd, &sl, &ch), BD_OK);
    CHECK_EQ(sl, 0);
    int again;
    bd_pwm_attach(&p, sl, ch, pd);
    CHECK_EQ(bd_pwm_chan_for_pad(&p, pd, &again, &ch), BD_OK); /* same pad, same channel */
    CHECK_EQ(again, sl);
    CHECK_EQ(bd_pwm_set_freq(&p, sl, 1000, NULL), BD_OK);
    CHECK_EQ(p.slice[sl].res_bits, 14);
    CHECK_EQ(p.slice[sl].regs.div_num, 1250); /* 80e6*256/(1000*16384) */
    CHECK_EQ(bd_pwm_get_freq(&p, sl), 1000);
    bd_pwm_set_duty_u16(&p, sl, ch, 32768);
    CHECK_EQ(p.slice[sl].regs.cc[0], 8192);
    static edges_t e;
    e.n = 0;
    bd_pin_listen(bd_board_pin(&b, pd), BD_PEV_EDGE, on_edge, &e, NULL);
    bd_pwm_enable(&p, sl, true);
    bd_sched_run_until(&b.sched, BD_MS(10), NULL);
    CHECK_EQ(e.n, 21);
    CHECK_EQ(e.t[1], BD_US(500));
    CHECK_EQ(e.t[20], BD_MS(10));
    bd_pwm_set_duty_u16(&p, sl, ch, 65535); /* fully on */
    CHECK_EQ(p.slice[sl].regs.cc[0], 16384);
    bd_pwm_free(&p);
    bd_board_free(&b);

    bd_board_init(&b, bd_board_def_find("giga-r1"));
    bd_pwm_init(&p, &b);
    CHECK_EQ(p.kind, BD_PWM_STM32);
    CHECK_EQ(p.clk_hz, 240000000);
    CHECK_EQ(bd_pwm_chan_for_pad(&p, pad(&b, "PA8"), &sl, &ch), BD_OK);
    CHECK_EQ(sl, 1);
    CHECK_EQ(ch, 0);
    CHECK_EQ(bd_pwm_set_freq(&p, 1, 1000, NULL), BD_OK);
    CHECK_EQ(p.slice[1].regs.div_num, 5); /* 240000 / 5 fits 16 bits */
    CHECK_EQ(p.slice[1].regs.top, 47999);
    CHECK_EQ(bd_pwm_get_freq(&p, 1), 1000);
    CHECK_EQ(bd_pwm_set_freq(&p, 2, 1, NULL), BD_OK); /* TIM2 is 32-bit */
    CHECK_EQ(p.slice[2].regs.div_num, 1);
    CHECK_EQ(p.slice[2].regs.top, 239999999);
    CHECK_EQ(bd_pwm_chan_for_pad(&p, pad(&b, "PA12"), &sl, &ch), BD_ERR_UNSUPPORTED);
    bd_pwm_free(&p);
    bd_board_free(&b);
}

int main(void) {
    RUN(rp2_rounding);
    RUN(rp2_1khz_50pct_edges);
    RUN(change_at_period_boundary);
    RUN(fractional_no_drift);
    RUN(esp32_ledc_and_stm32);
    return tap_done();
}
