/* bd_pwm.c: PWM slices as counters on the scheduler, the ports' rounding
 * rules, and pads driven by the channels.
 *
 * Invariants: while a slice is enabled and any attached channel can change
 * level, exactly one event is pending for it (ev != 0), due at tick
 * next_tick of the current period, and start_ns + start_rem/(den*clk) is the
 * exact time of that period's tick 0.  An enabled slice with no pending
 * event is idle: its outputs are constant and its start may lag behind
 * (catch_up brings it forward before anything looks at the phase).  `live`
 * changes only at a wrap, at enable / restart, or through
 * bd_pwm_set_chan_now; every other write goes to `regs` and sets `dirty`.
 * A slice with a wrap hook is never idle: its chain has an event at every
 * wrap.
 */
#include <string.h>

#include "board/bd_pwm.h"

__extension__ typedef unsigned __int128 u128;

#define NS_PER_S 1000000000ull

static bd_sched_t *sched_of(bd_pwm_t *p) { return &p->board->sched; }

static bool valid(const bd_pwm_t *p, int slice, int ch) {
    return slice >= 0 && slice < p->nslices && ch >= 0 && ch < p->slice[slice].nch;
}

static bool has_slice(const bd_pwm_t *p, int slice) {
    if (slice < 0 || slice >= p->nslices) return false;
    return p->kind != BD_PWM_STM32 || slice >= 1;
}

static bool is32bit(const bd_pwm_t *p, int slice) {
    return p->kind == BD_PWM_STM32 && (slice == 2 || slice == 5);
}

static void reset_regs(bd_pwm_t *p, bd_pwm_slice_t *sl) {
    memset(&sl->regs, 0, sizeof sl->regs);
    switch (p->kind) {
    case BD_PWM_RP2: /* DIV = 1.0, TOP = 0xffff: the RP2040 reset values */
        sl->regs.div_num = 16, sl->regs.div_den = 16, sl->regs.top = 0xffff;
        break;
    case BD_PWM_LEDC:
        sl->regs.div_num = 256, sl->regs.div_den = 256, sl->regs.top = 0xff;
        sl->res_bits = 8;
        break;
    case BD_PWM_STM32:
        sl->regs.div_num = 1, sl->regs.div_den = 1, sl->regs.top = is32bit(p, sl->index) ? 0xffffffffu : 0xffff;
        break;
    }
    sl->live = sl->regs;
}

void bd_pwm_init(bd_pwm_t *p, bd_board_t *b) {
    memset(p, 0, sizeof *p);
    p->board = b;
    const char *port = b->def->port ? b->def->port : "";
    if (strcmp(port, "esp32") == 0) {
        p->kind = BD_PWM_LEDC, p->clk_hz = 80000000, p->nslices = 8;
    } else if (strcmp(port, "stm32") == 0) {
        p->kind = BD_PWM_STM32, p->clk_hz = b->def->cpu_hz / 2, p->nslices = 18;
    } else {
        p->kind = BD_PWM_RP2, p->clk_hz = b->def->cpu_hz, p->nslices = 8;
    }
    if (!p->clk_hz) p->clk_hz = 125000000;
    for (int i = 0; i < p->nslices; i++) {
        bd_pwm_slice_t *sl = &p->slice[i];
        sl->owner = p;
        sl->index = (uint8_t)i;
        sl->nch = p->kind == BD_PWM_RP2 ? 2 : p->kind == BD_PWM_LEDC ? 1 : 4;
        reset_regs(p, sl);
    }
}

void bd_pwm_free(bd_pwm_t *p) {
    for (int i = 0; i < p->nslices; i++)
        if (p->slice[i].ev) {
            bd_sched_cancel(sched_of(p), p->slice[i].ev);
            p->slice[i].ev = 0;
        }
}

/* ---- exact timing ---------------------------------------------------- */

static u128 unit_den(const bd_pwm_t *p, const bd_pwm_slice_t *sl) { return (u128)sl->live.div_den * p->clk_hz; }

static u128 period_units(const bd_pwm_slice_t *sl) {
    return ((u128)sl->live.top + 1) * sl->live.div_num * NS_PER_S;
}

static bd_time_t tick_time(const bd_pwm_t *p, const bd_pwm_slice_t *sl, uint64_t tick) {
    u128 u = (u128)sl->start_rem + (u128)tick * sl->live.div_num * NS_PER_S;
    return sl->start_ns + (bd_time_t)(u / unit_den(p, sl));
}

static void advance_periods(const bd_pwm_t *p, bd_pwm_slice_t *sl, u128 n) {
    u128 d = unit_den(p, sl);
    u128 u = (u128)sl->start_rem + n * period_units(sl);
    sl->start_ns += (bd_time_t)(u / d);
    sl->start_rem = (uint64_t)(u % d);
}

/* Counter value at time t within the current period (capped at top). */
static uint64_t tick_at(const bd_pwm_t *p, const bd_pwm_slice_t *sl, bd_time_t t) {
    if (t <= sl->start_ns) return 0;
    u128 u = (u128)(t - sl->start_ns) * unit_den(p, sl);
    if (u <= sl->start_rem) return 0;
    u -= sl->start_rem;
    /* the tick whose time (floored to ns) is <= t: ceil on the unit scale */
    u128 per = (u128)sl->live.div_num * NS_PER_S;
    uint64_t k = (uint64_t)(u / per);
    while (k < sl->live.top && tick_time(p, sl, k + 1) <= t) k++;
    return k > sl->live.top ? sl->live.top : k;
}

/* Idle slices: move start to the period containing now. */
static void catch_up(bd_pwm_t *p, bd_pwm_slice_t *sl) {
    bd_time_t now = bd_sched_now(sched_of(p));
    if (now <= sl->start_ns) return;
    u128 u = (u128)(now - sl->start_ns) * unit_den(p, sl);
    if (u <= sl->start_rem) return;
    u128 n = (u - sl->start_rem) / period_units(sl);
    if (n) advance_periods(p, sl, n);
    while (tick_time(p, sl, (uint64_t)sl->live.top + 1) <= now) advance_periods(p, sl, 1);
}

/* ---- outputs ---------------------------------------------------------- */

static void set_out(bd_pwm_t *p, bd_pwm_slice_t *sl, int ch, int level) {
    level ^= sl->live.invert[ch];
    sl->out[ch] = (uint8_t)level;
    for (int k = 0; k < sl->npads[ch]; k++) {
        bd_pin_t *pin = bd_board_pin(p->board, sl->pads[ch][k].pad);
        if (pin->periph != level) bd_pin_set_periph(pin, level);
    }
}

/* Can channel ch change level within a period? */
static bool moving(const bd_pwm_slice_t *sl, int ch) {
    return sl->npads[ch] && sl->live.cc[ch] > 0 && sl->live.cc[ch] <= sl->live.top;
}

static void on_tick(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now);

/* Schedule the next event after tick t, or go idle. */
static void schedule_next(bd_pwm_t *p, bd_pwm_slice_t *sl, uint64_t t) {
    uint64_t next = (uint64_t)sl->live.top + 1;
    bool any = sl->dirty || sl->on_wrap; /* a wrap hook needs every wrap */
    for (int ch = 0; ch < sl->nch; ch++)
        if (moving(sl, ch)) {
            any = true;
            if (sl->live.cc[ch] > t && sl->live.cc[ch] < next) next = sl->live.cc[ch];
        }
    if (!any) return; /* idle: nothing can change until the next write */
    sl->next_tick = next;
    if (bd_sched_at(sched_of(p), tick_time(p, sl, next), on_tick, sl, 0, &sl->ev) != BD_OK) sl->ev = 0;
}

/* Outputs as the counter at tick t dictates, then the next event. */
static void resync_at(bd_pwm_t *p, bd_pwm_slice_t *sl, uint64_t t) {
    for (int ch = 0; ch < sl->nch; ch++) set_out(p, sl, ch, t < sl->live.cc[ch]);
    schedule_next(p, sl, t);
}

static void latch(bd_pwm_slice_t *sl) {
    if (!sl->dirty) return;
    if (sl->regs.div_den != sl->live.div_den && sl->live.div_den)
        sl->start_rem = (uint64_t)((u128)sl->start_rem * sl->regs.div_den / sl->live.div_den);
    sl->live = sl->regs;
    sl->dirty = false;
}

static void on_tick(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    bd_pwm_slice_t *sl = ctx;
    bd_pwm_t *p = sl->owner;
    sl->ev = 0;
    uint64_t t = sl->next_tick;
    if (t > sl->live.top) { /* wrap: a new period with the shadow registers */
        advance_periods(p, sl, 1);
        latch(sl);
        sl->periods++;
        resync_at(p, sl, 0);
        /* last: the hook may re-program or stop this slice */
        if (sl->on_wrap) sl->on_wrap(sl->wrap_ctx, sl->index, now);
        return;
    }
    for (int ch = 0; ch < sl->nch; ch++)
        if (sl->npads[ch] && sl->live.cc[ch] == t) set_out(p, sl, ch, 0);
    schedule_next(p, sl, t);
}

/* After a write or an attach: bring an idle slice up to date and restart
 * its event chain from the counter's present position. */
static void refresh(bd_pwm_t *p, bd_pwm_slice_t *sl) {
    if (!sl->enabled) return;
    if (sl->ev) {
        bd_sched_cancel(sched_of(p), sl->ev);
        sl->ev = 0;
    } else {
        catch_up(p, sl);
    }
    resync_at(p, sl, tick_at(p, sl, bd_sched_now(sched_of(p))));
}

static void wrote(bd_pwm_t *p, bd_pwm_slice_t *sl) {
    sl->dirty = memcmp(&sl->regs, &sl->live, sizeof sl->regs) != 0;
    if (sl->dirty && sl->enabled && !sl->ev) refresh(p, sl);
}

/* ---- pads ------------------------------------------------------------- */

static int alt_of(const bd_pwm_t *p, int slice) {
    if (p->kind == BD_PWM_RP2) return 4; /* GPIO_FUNC_PWM */
    if (p->kind == BD_PWM_LEDC) return -1; /* GPIO matrix */
    /* STM32H7 AF numbers (ASSUMPTION, DS12930 table as recalled) */
    switch (slice) {
    case 1: case 2: case 16: case 17: return 1;
    case 3: case 4: case 5: return 2;
    case 8: return 3;
    case 15: return 4;
    default: return 9;
    }
}

bd_status_t bd_pwm_chan_for_pad(bd_pwm_t *p, int pad, int *slice, int *ch) {
    if (pad < 0 || pad >= p->board->npins || !slice || !ch) return BD_ERR_INVAL;
    const bd_mcu_pin_t *d = bd_board_pin_def(p->board, pad);
    bd_pin_fn_t fn;
    if (p->kind == BD_PWM_STM32) {
        if (!bd_pin_def_fn(d, BD_FN_TIM, -1, &fn) || fn.unit < 1 || fn.unit >= p->nslices) return BD_ERR_UNSUPPORTED;
        int c = (fn.sig & ~BD_SIG_N) - 1;
        if (c < 0 || c >= BD_PWM_MAX_CH) return BD_ERR_UNSUPPORTED;
        *slice = fn.unit, *ch = c;
        return BD_OK;
    }
    if (!bd_pin_def_fn(d, BD_FN_PWM, -1, &fn)) return BD_ERR_UNSUPPORTED;
    if (p->kind == BD_PWM_RP2) {
        if (fn.unit < 0 || fn.unit >= p->nslices || fn.sig > 1) return BD_ERR_UNSUPPORTED;
        *slice = fn.unit, *ch = fn.sig;
        return BD_OK;
    }
    for (int i = 0; i < p->nslices; i++) /* LEDC: the channel already on this pad */
        for (int k = 0; k < p->slice[i].npads[0]; k++)
            if (p->slice[i].pads[0][k].pad == pad) {
                *slice = i, *ch = 0;
                return BD_OK;
            }
    for (int i = 0; i < p->nslices; i++)
        if (!p->slice[i].used) {
            p->slice[i].used = true;
            *slice = i, *ch = 0;
            return BD_OK;
        }
    return BD_ERR_BUSY;
}

void bd_pwm_release(bd_pwm_t *p, int slice) {
    if (p->kind != BD_PWM_LEDC || !has_slice(p, slice)) return;
    bd_pwm_slice_t *sl = &p->slice[slice];
    if (sl->npads[0]) return;
    bd_pwm_enable(p, slice, false);
    sl->used = false;
    sl->freq_set = false;
    sl->duty_kind[0] = BD_PWM_DUTY_NONE;
    reset_regs(p, sl);
    sl->dirty = false;
}

bd_status_t bd_pwm_attach(bd_pwm_t *p, int slice, int ch, int pad) {
    if (!valid(p, slice, ch) || !has_slice(p, slice) || pad < 0 || pad >= p->board->npins) return BD_ERR_INVAL;
    bd_pwm_slice_t *sl = &p->slice[slice];
    for (int k = 0; k < sl->npads[ch]; k++)
        if (sl->pads[ch][k].pad == pad) return BD_OK;
    if (sl->npads[ch] >= BD_PWM_MAX_PADS) return BD_ERR_BUSY;
    bd_pin_t *pin = bd_board_pin(p->board, pad);
    sl->pads[ch][sl->npads[ch]++] = (bd_pwm_padref_t){(int16_t)pad, pin->mode, pin->pull, pin->alt};
    bd_pin_set_periph(pin, sl->out[ch]);
    bd_pin_set_alt(pin, alt_of(p, slice));
    bd_pin_set_mode(pin, BD_MODE_ALT);
    if (sl->enabled) refresh(p, sl);
    return BD_OK;
}

bd_status_t bd_pwm_detach(bd_pwm_t *p, int pad) {
    for (int i = 0; i < p->nslices; i++) {
        bd_pwm_slice_t *sl = &p->slice[i];
        for (int ch = 0; ch < sl->nch; ch++)
            for (int k = 0; k < sl->npads[ch]; k++) {
                if (sl->pads[ch][k].pad != pad) continue;
                bd_pwm_padref_t r = sl->pads[ch][k];
                sl->pads[ch][k] = sl->pads[ch][--sl->npads[ch]];
                bd_pin_t *pin = bd_board_pin(p->board, pad);
                bd_pin_set_periph(pin, -1);
                bd_pin_set_alt(pin, r.alt);
                bd_pin_configure(pin, (bd_pin_mode_t)r.mode, (bd_pull_t)r.pull);
                if (sl->enabled && sl->ev) refresh(p, sl); /* maybe nothing left to move */
                return BD_OK;
            }
    }
    return BD_ERR_NOTFOUND;
}

/* ---- port rules ------------------------------------------------------- */

static void set_why(const char **why, const char *msg) {
    if (why) *why = msg;
}

bd_status_t bd_pwm_rp2_calc(uint64_t clk, uint64_t freq, uint32_t *div16, uint32_t *top, const char **why) {
    const uint64_t top_max = 65534;
    if (freq == 0) {
        set_why(why, "freq too small");
        return BD_ERR_INVAL;
    }
    uint64_t d, t;
    if ((clk + freq / 2) / freq < top_max) {
        d = 16;
        t = (clk + freq / 2) / freq;
        t = t ? t - 1 : 0;
    } else {
        u128 den = (u128)top_max * freq;
        d = (uint64_t)(((u128)16 * clk + den - 1) / den);
        u128 q = (u128)d * freq;
        t = (uint64_t)(((u128)16 * clk + q / 2) / q) - 1;
    }
    if (d < 16 || t == 0) {
        set_why(why, "freq too large");
        return BD_ERR_INVAL;
    }
    if (d >= 256 * 16) {
        set_why(why, "freq too small");
        return BD_ERR_INVAL;
    }
    *div16 = (uint32_t)d;
    *top = (uint32_t)t;
    return BD_OK;
}

/* LEDC: the timer runs from the 80 MHz APB clock through a 10.8 divider
 * with up to 14 bits of resolution, which reaches down to 4.8 Hz; below
 * that it runs from a slow clock, modelled as 1 MHz (the ESP32's REF_TICK;
 * ASSUMPTION for the S3, whose slow LEDC clocks are not documented by the
 * port), so the quickref's 1 Hz to 40 MHz range holds (docs/board-facts.md).
 * The slow clock is kept as a divider of the APB clock, exact as 80 MHz is
 * 80 x 1 MHz. */
#define LEDC_SLOW_HZ 1000000u

static bd_status_t ledc_calc(uint64_t clk, uint64_t freq, bd_pwm_regs_t *r, uint8_t *res, const char **why) {
    if (freq == 0 || freq > clk / 2) {
        set_why(why, freq ? "freq too large" : "freq too small");
        return BD_ERR_INVAL;
    }
    uint64_t src = clk, scale = 1;
    unsigned bits;
    uint64_t div;
    for (;;) {
        bits = 0;
        for (uint64_t d = src / freq; d > 1; d >>= 1) bits++;
        if (bits > 14) bits = 14;
        div = (src << 8) / (freq << bits);
        if (div < (1u << 18) || src != clk || clk % LEDC_SLOW_HZ) break;
        src = LEDC_SLOW_HZ, scale = clk / LEDC_SLOW_HZ;
    }
    if (div < 256 || div >= (1u << 18)) {
        set_why(why, div < 256 ? "freq too large" : "freq too small");
        return BD_ERR_INVAL;
    }
    div *= scale;
    r->div_num = (uint32_t)div;
    r->div_den = 256;
    r->top = (1u << bits) - 1;
    *res = (uint8_t)bits;
    return BD_OK;
}

static bd_status_t stm32_calc(uint64_t clk, uint64_t freq, bool wide, bd_pwm_regs_t *r, const char **why) {
    if (freq == 0 || freq > clk) {
        set_why(why, freq ? "freq too large" : "freq too small");
        return BD_ERR_INVAL;
    }
    uint64_t period = clk / freq, psc = 1, max = wide ? 0xffffffffull : 0xffff;
    if (period == 0) period = 1;
    while (period > max) {
        if (period % 5 == 0)
            psc *= 5, period /= 5;
        else if (period % 3 == 0)
            psc *= 3, period /= 3;
        else
            psc <<= 1, period >>= 1;
    }
    if (psc > 0x10000) {
        set_why(why, "freq too small");
        return BD_ERR_INVAL;
    }
    r->div_num = (uint32_t)psc;
    r->div_den = 1;
    r->top = (uint32_t)(period - 1);
    return BD_OK;
}

static uint64_t tick_hz(const bd_pwm_t *p, const bd_pwm_regs_t *r) {
    return (uint64_t)(((u128)p->clk_hz * r->div_den + r->div_num / 2) / r->div_num);
}

static uint32_t cc_from_u16(const bd_pwm_t *p, const bd_pwm_slice_t *sl, uint32_t u16) {
    if (u16 > 65535) u16 = 65535;
    if (p->kind == BD_PWM_LEDC) return u16 == 65535 ? sl->regs.top + 1 : u16 >> (16 - sl->res_bits);
    return (uint32_t)(((uint64_t)u16 * ((uint64_t)sl->regs.top + 1) + 65535 / 2) / 65535);
}

static bd_status_t apply_duty(bd_pwm_t *p, bd_pwm_slice_t *sl, int ch, const char **why) {
    uint32_t cc;
    if (sl->duty_kind[ch] == BD_PWM_DUTY_U16) {
        cc = cc_from_u16(p, sl, (uint32_t)sl->duty_val[ch]);
    } else if (sl->duty_kind[ch] == BD_PWM_DUTY_NS) {
        u128 c = ((u128)sl->duty_val[ch] * tick_hz(p, &sl->regs) + NS_PER_S / 2) / NS_PER_S;
        uint64_t lim = p->kind == BD_PWM_RP2 ? 65535 : (uint64_t)sl->regs.top + 1;
        if (c > lim) {
            set_why(why, "duty larger than period");
            return BD_ERR_INVAL;
        }
        cc = (uint32_t)c;
    } else {
        return BD_OK;
    }
    sl->regs.cc[ch] = cc;
    return BD_OK;
}

bd_status_t bd_pwm_set_freq(bd_pwm_t *p, int slice, uint64_t freq, const char **why) {
    if (!has_slice(p, slice)) return BD_ERR_INVAL;
    bd_pwm_slice_t *sl = &p->slice[slice];
    bd_pwm_regs_t r = sl->regs;
    uint8_t res = sl->res_bits;
    bd_status_t st;
    if (p->kind == BD_PWM_RP2) {
        st = bd_pwm_rp2_calc(p->clk_hz, freq, &r.div_num, &r.top, why);
        r.div_den = 16;
    } else if (p->kind == BD_PWM_LEDC) {
        st = ledc_calc(p->clk_hz, freq, &r, &res, why);
    } else {
        st = stm32_calc(p->clk_hz, freq, is32bit(p, slice), &r, why);
    }
    if (st != BD_OK) return st;
    sl->regs = r;
    sl->res_bits = res;
    sl->freq_set = true;
    for (int ch = 0; ch < sl->nch; ch++) apply_duty(p, sl, ch, NULL); /* the port re-applies duties */
    wrote(p, sl);
    return BD_OK;
}

uint64_t bd_pwm_get_freq(const bd_pwm_t *p, int slice) {
    if (!has_slice(p, slice)) return 0;
    const bd_pwm_regs_t *r = &p->slice[slice].regs;
    u128 den = (u128)r->div_num * ((u128)r->top + 1);
    return (uint64_t)(((u128)p->clk_hz * r->div_den + den / 2) / den);
}

bd_status_t bd_pwm_set_duty_u16(bd_pwm_t *p, int slice, int ch, uint32_t u16) {
    if (!valid(p, slice, ch) || !has_slice(p, slice)) return BD_ERR_INVAL;
    bd_pwm_slice_t *sl = &p->slice[slice];
    sl->duty_kind[ch] = BD_PWM_DUTY_U16;
    sl->duty_val[ch] = u16 > 65535 ? 65535 : u16;
    apply_duty(p, sl, ch, NULL);
    wrote(p, sl);
    return BD_OK;
}

bd_status_t bd_pwm_set_duty_ns(bd_pwm_t *p, int slice, int ch, uint64_t ns, const char **why) {
    if (!valid(p, slice, ch) || !has_slice(p, slice)) return BD_ERR_INVAL;
    bd_pwm_slice_t *sl = &p->slice[slice];
    uint8_t k = sl->duty_kind[ch];
    uint64_t v = sl->duty_val[ch];
    sl->duty_kind[ch] = BD_PWM_DUTY_NS;
    sl->duty_val[ch] = ns;
    bd_status_t st = apply_duty(p, sl, ch, why);
    if (st != BD_OK) {
        sl->duty_kind[ch] = k, sl->duty_val[ch] = v;
        return st;
    }
    wrote(p, sl);
    return BD_OK;
}

uint32_t bd_pwm_get_duty_u16(const bd_pwm_t *p, int slice, int ch) {
    if (!valid(p, slice, ch)) return 0;
    const bd_pwm_regs_t *r = &p->slice[slice].regs;
    uint64_t n = (uint64_t)r->top + 1, cc = r->cc[ch] > n ? n : r->cc[ch];
    return (uint32_t)((cc * 65535 + n / 2) / n);
}

uint64_t bd_pwm_get_duty_ns(const bd_pwm_t *p, int slice, int ch) {
    if (!valid(p, slice, ch)) return 0;
    const bd_pwm_regs_t *r = &p->slice[slice].regs;
    uint64_t hz = tick_hz(p, r);
    return (uint64_t)(((u128)r->cc[ch] * NS_PER_S + hz / 2) / hz);
}

bd_status_t bd_pwm_set_invert(bd_pwm_t *p, int slice, int ch, bool invert) {
    if (!valid(p, slice, ch) || !has_slice(p, slice)) return BD_ERR_INVAL;
    p->slice[slice].regs.invert[ch] = invert;
    wrote(p, &p->slice[slice]);
    return BD_OK;
}

bd_status_t bd_pwm_set_raw(bd_pwm_t *p, int slice, uint32_t div_num, uint32_t div_den, uint32_t top) {
    if (!has_slice(p, slice) || !div_num || !div_den) return BD_ERR_INVAL;
    if (!is32bit(p, slice) && top > 0xffff) return BD_ERR_INVAL;
    bd_pwm_slice_t *sl = &p->slice[slice];
    sl->regs.div_num = div_num, sl->regs.div_den = div_den, sl->regs.top = top;
    sl->freq_set = true;
    wrote(p, sl);
    return BD_OK;
}

bd_status_t bd_pwm_set_cc(bd_pwm_t *p, int slice, int ch, uint32_t cc) {
    if (!valid(p, slice, ch) || !has_slice(p, slice)) return BD_ERR_INVAL;
    bd_pwm_slice_t *sl = &p->slice[slice];
    sl->regs.cc[ch] = cc;
    sl->duty_kind[ch] = BD_PWM_DUTY_NONE;
    wrote(p, sl);
    return BD_OK;
}

bd_status_t bd_pwm_enable(bd_pwm_t *p, int slice, bool on) {
    if (!has_slice(p, slice)) return BD_ERR_INVAL;
    bd_pwm_slice_t *sl = &p->slice[slice];
    if (on == sl->enabled) return BD_OK;
    sl->enabled = on;
    if (!on) { /* the counter stops; outputs hold */
        if (sl->ev) bd_sched_cancel(sched_of(p), sl->ev);
        sl->ev = 0;
        return BD_OK;
    }
    if (sl->live.div_den != sl->regs.div_den) sl->start_rem = 0;
    sl->live = sl->regs;
    sl->dirty = false;
    sl->start_ns = bd_sched_now(sched_of(p));
    sl->start_rem = 0;
    resync_at(p, sl, 0);
    return BD_OK;
}

/* ---- stm32 register semantics (pyb.Timer) ----------------------------- */

bd_status_t bd_pwm_restart(bd_pwm_t *p, int slice) {
    if (!has_slice(p, slice)) return BD_ERR_INVAL;
    bd_pwm_slice_t *sl = &p->slice[slice];
    /* UG: CNT = 0 and the shadow registers loaded now, whether or not the
     * counter was running; bd_pwm_enable's start does exactly that */
    if (sl->ev) bd_sched_cancel(sched_of(p), sl->ev);
    sl->ev = 0;
    sl->enabled = false;
    return bd_pwm_enable(p, slice, true);
}

bd_status_t bd_pwm_set_chan_now(bd_pwm_t *p, int slice, int ch, uint32_t cc, bool invert) {
    if (!valid(p, slice, ch) || !has_slice(p, slice)) return BD_ERR_INVAL;
    bd_pwm_slice_t *sl = &p->slice[slice];
    if (sl->enabled && !sl->ev) catch_up(p, sl); /* the idle phase first, on the old registers */
    sl->regs.cc[ch] = sl->live.cc[ch] = cc;
    sl->regs.invert[ch] = sl->live.invert[ch] = invert;
    sl->duty_kind[ch] = BD_PWM_DUTY_NONE;
    sl->dirty = memcmp(&sl->regs, &sl->live, sizeof sl->regs) != 0;
    refresh(p, sl); /* a stopped counter: outputs hold until enable */
    return BD_OK;
}

uint64_t bd_pwm_counter(bd_pwm_t *p, int slice) {
    if (!has_slice(p, slice) || !p->slice[slice].enabled) return 0;
    /* on a copy: the slice's own start moves only with its events, and a
     * wrap due at exactly now may not have run yet */
    bd_pwm_slice_t c = p->slice[slice];
    catch_up(p, &c);
    return tick_at(p, &c, bd_sched_now(sched_of(p)));
}

bd_status_t bd_pwm_on_wrap(bd_pwm_t *p, int slice, bd_pwm_wrap_fn fn, void *ctx) {
    if (!has_slice(p, slice)) return BD_ERR_INVAL;
    bd_pwm_slice_t *sl = &p->slice[slice];
    sl->on_wrap = fn;
    sl->wrap_ctx = ctx;
    if (fn && sl->enabled && !sl->ev) refresh(p, sl); /* an idle slice starts its chain */
    return BD_OK;
}
