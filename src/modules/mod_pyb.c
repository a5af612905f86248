/* mod_pyb.c: the stm32 port's pyb module on the simulated GIGA R1 / Portenta
 * H7 (sys.platform 'pyboard').  On other boards `import pyb` raises
 * ImportError "no module named 'pyb'", as the rp2/esp32 firmware does.
 *
 *   - pyb.Pin is machine.Pin (as on the stm32 port): OUT_PP, OUT_OD, IN,
 *     AF_PP, AF_OD, ANALOG, PULL_NONE/UP/DOWN, value/high/low/name...;
 *     pyb.UART is machine.UART.
 *   - pyb.Timer(n, *, freq, prescaler, period, callback): the STM32 timer n
 *     of bd_pwm (stm32 mode: timer clock cpu_hz / 2, MicroPython's
 *     prescaler search for freq=).  freq([v]), prescaler([v]), period([v]),
 *     counter(), source_freq(), callback(fn), deinit(), and
 *     channel(ch, mode, *, pin, pulse_width, pulse_width_percent) returning a
 *     TimerChannel with pulse_width([ticks]) (timer TICKS: CCR, as on the real
 *     board) and pulse_width_percent([p]); modes PWM and PWM_INVERTED.  The
 *     pin must have TIMn_CHch among its functions (PC6 = TIM3_CH1).  The
 *     callback(timer) runs as a soft IRQ (py_schedule) at each update event
 *     of the counter (bd_pwm_on_wrap), so it keeps the counter's phase.
 *   - Register timing, after the STM32 reference manual's general-purpose
 *     timers (RM0399 for the H747: upcounting from 0 to ARR, PWM mode 1 =
 *     active while CNT < CCRx, PSC/ARR/CCRx preload registers loaded at
 *     the update event, UG bit generating one by software; "in PWM mode the
 *     OCREF level changes ... when the output compare mode switches from
 *     frozen to PWM mode", which forces the output while the timer runs):
 *       init (Timer(n, freq=...), init()): UG, so CNT = 0 and the new
 *         prescaler/period apply at once (bd_pwm_restart);
 *       channel(...): the channel's CCR and polarity are in effect at once
 *         and the pin follows CNT < CCR from the call: the first pulse
 *         starts at the call when the counter is below the pulse width
 *         (bd_pwm_set_chan_now).  ASSUMPTION: the port writes CCR while
 *         configuring the channel, before the compare preload (OCxPE) it
 *         sets for PWM takes over; the pyb docs do not say;
 *       pulse_width() / pulse_width_percent() later, freq(), prescaler(),
 *         period(): preloaded, in effect from the next update event (the
 *         running period ends as it was).  ASSUMPTION for ARR: auto-reload
 *         preload on (ARPE), as for CCR.
 *   - pyb.LED(1..3) = LEDR, LEDG, LEDB (active low: on() drives the pad
 *     low); on/off/toggle/intensity (intensity is on/off only: 0 or 255).
 *   - pyb.ADC(pin or channel).read(): 12 bits (machine.ADC's u16 >> 4).
 *   - delay, udelay, millis, micros, elapsed_millis, elapsed_micros on the
 *     virtual clock (millis/micros wrap at 2**30 like the port's small ints).
 *   - freq(): (sysclk, hclk, pclk1, pclk2) as the H747 is clocked by the
 *     Arduino boot (480, 240, 120, 120 MHz; ASSUMPTION).
 * Not modelled: pyb.Switch (neither board has a user switch), I2C/SPI/CAN/
 * DAC/RTC/ExtInt, timer channel modes other than PWM, channel callbacks.
 */
#include <string.h>

#include "board/bd_pwm.h"
#include "modules/board_runtime.h"
#include "modules/machine_ext.h"
#include "modules/machine_reset.h"
#include "py/runtime.h"

#define NTIM 18
#define MASK30 0x3fffffffu

enum { CH_PWM = 0, CH_PWM_INVERTED = 1 };

typedef struct {
    py_obj_t h;
    int n;
    py_val_t callback;
    py_val_t chans[BD_PWM_MAX_CH];
} ptim_obj_t;

typedef struct {
    py_obj_t h;
    int tim, ch, mode, pad;
} pch_obj_t;

typedef struct {
    py_obj_t h;
    int n, pad;
    bool on;
} led_obj_t;

typedef struct {
    py_obj_t h;
    py_val_t adc; /* the machine.ADC doing the conversion */
} padc_obj_t;

static bd_pwm_t pwm;
static bool pwm_ready;
static py_val_t timers[NTIM], leds[4];
static bool roots;
static py_type_t tim_type, chan_type, led_type, adc_type;

static void roots_mark(void) {
    for (int i = 0; i < NTIM; i++) py_gc_mark(timers[i]);
    for (int i = 0; i < 4; i++) py_gc_mark(leds[i]);
}

static bd_pwm_t *model(void) {
    if (!pwm_ready || pwm.board != mod_board()) {
        bd_pwm_init(&pwm, mod_board());
        pwm_ready = true;
    }
    return &pwm;
}

static void check(bd_status_t st, const char *why) {
    if (st == BD_OK) return;
    if (st == BD_ERR_INVAL && why) py_raise_msg(&py_type_ValueError, "%s", why);
    mod_board_raise(st);
}

static bool unset(py_val_t v) { return py_is_null(v) || py_is_none(v); }

static void check_kw(py_val_t kwnames, const char *const *allowed) {
    if (py_is_null(kwnames)) return;
    py_tuple_t *k = py_as_tuple(kwnames);
    for (size_t i = 0; i < k->len; i++) {
        const char *n = py_str_data(k->items[i]);
        bool ok = false;
        for (const char *const *a = allowed; *a; a++) ok |= !strcmp(*a, n);
        if (!ok) py_raise_msg(&py_type_TypeError, "extra keyword arguments given");
    }
}

/* ------------------------------------------------------------ Timer */

static ptim_obj_t *tim_of(py_val_t v) { return py_as_ptr(v); }

/* An update event of the timer's counter (inside the scheduler). */
static void on_update(void *ctx, int slice, bd_time_t t) {
    ptim_obj_t *o = ctx;
    if (!py_is_none(o->callback)) py_schedule(o->callback, py_obj(o));
}

/* The callback follows the counter's update events from now on: one set
 * mid-period first runs at that period's end, as the update interrupt does. */
static void set_callback(ptim_obj_t *o, py_val_t cb) {
    o->callback = cb;
    check(bd_pwm_on_wrap(model(), o->n, py_is_none(cb) ? NULL : on_update, o), NULL);
}

static void tim_init_args(ptim_obj_t *o, int argc, const py_val_t *argv, py_val_t kwnames, int first) {
    static const char *const kws[] = {"freq", "prescaler", "period", "mode", "div", "callback", "deadtime", "brk", NULL};
    check_kw(kwnames, kws);
    if (argc > first) py_raise_msg(&py_type_TypeError, "function takes %d positional arguments but %d were given",
                                   first, argc);
    py_val_t freq = py_kwarg(argc, argv, kwnames, "freq", PY_NULL);
    py_val_t psc = py_kwarg(argc, argv, kwnames, "prescaler", PY_NULL);
    py_val_t per = py_kwarg(argc, argv, kwnames, "period", PY_NULL);
    py_val_t cb = py_kwarg(argc, argv, kwnames, "callback", PY_NONE);
    mod_board_now();
    bd_pwm_t *p = model();
    if (!unset(freq)) {
        double f = py_to_double(freq);
        if (!(f > 0)) py_raise_msg(&py_type_ValueError, "must have positive freq");
        const char *why = NULL;
        bd_status_t st = bd_pwm_set_freq(p, o->n, (uint64_t)(f + 0.5) ? (uint64_t)(f + 0.5) : 1, &why);
        check(st, why);
    } else if (!unset(psc) && !unset(per)) {
        int64_t ps = py_to_i64(psc), pe = py_to_i64(per);
        if (ps < 0 || ps > 0xffff) py_raise_msg(&py_type_ValueError, "prescaler must be 0..65535");
        if (pe < 0) py_raise_msg(&py_type_ValueError, "period must be positive");
        if (bd_pwm_set_raw(p, o->n, (uint32_t)ps + 1, 1, (uint32_t)pe) != BD_OK)
            py_raise_msg(&py_type_ValueError, "period too large");
    } else {
        py_raise_msg(&py_type_TypeError, "must specify either freq, period, or prescaler and period");
    }
    check(bd_pwm_restart(p, o->n), NULL); /* UG: CNT = 0, new PSC/ARR now */
    set_callback(o, cb);
}

static py_val_t tim_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    size_t nkw = py_is_null(kwnames) ? 0 : py_as_tuple(kwnames)->len;
    int npos = argc; /* argc counts positional arguments; keyword values follow */
    if (npos < 1) py_raise_msg(&py_type_TypeError, "function missing 1 required positional argument");
    int64_t n = py_to_i64(argv[0]);
    bd_pwm_t *p = model();
    if (n < 1 || n >= p->nslices || n == 6 || n == 7) py_raise_msg(&py_type_ValueError, "Timer(%d) doesn't exist", (int)n);
    if (py_is_null(timers[n])) {
        ptim_obj_t *o = py_gc_alloc(&tim_type, sizeof *o);
        o->n = (int)n;
        o->callback = PY_NONE;
        for (int i = 0; i < BD_PWM_MAX_CH; i++) o->chans[i] = PY_NONE;
        timers[n] = py_obj(o);
    }
    ptim_obj_t *o = tim_of(timers[n]);
    if (npos > 1 || nkw) tim_init_args(o, argc - 1, argv + 1, kwnames, 0);
    return timers[n];
}

static py_val_t t_init(int argc, const py_val_t *argv, py_val_t kwnames) {
    tim_init_args(tim_of(argv[0]), argc - 1, argv + 1, kwnames, 0);
    return PY_NONE;
}

static py_val_t t_deinit(int argc, const py_val_t *argv, py_val_t kw) {
    ptim_obj_t *o = tim_of(argv[0]);
    mod_board_now();
    bd_pwm_t *p = model();
    set_callback(o, PY_NONE);
    bd_pwm_enable(p, o->n, false);
    for (int c = 0; c < BD_PWM_MAX_CH; c++) {
        if (py_is_none(o->chans[c])) continue;
        pch_obj_t *ch = py_as_ptr(o->chans[c]);
        if (ch->pad >= 0) bd_pwm_detach(p, ch->pad);
        o->chans[c] = PY_NONE;
    }
    return PY_NONE;
}

static py_val_t t_freq(int argc, const py_val_t *argv, py_val_t kw) {
    ptim_obj_t *o = tim_of(argv[0]);
    mod_board_now();
    bd_pwm_t *p = model();
    if (argc < 2) return py_int_from_u64(bd_pwm_get_freq(p, o->n));
    double f = py_to_double(argv[1]);
    if (!(f > 0)) py_raise_msg(&py_type_ValueError, "must have positive freq");
    const char *why = NULL;
    bd_status_t st = bd_pwm_set_freq(p, o->n, (uint64_t)(f + 0.5) ? (uint64_t)(f + 0.5) : 1, &why);
    check(st, why); /* preloaded: from the next update event */
    return PY_NONE;
}

static py_val_t t_prescaler(int argc, const py_val_t *argv, py_val_t kw) {
    ptim_obj_t *o = tim_of(argv[0]);
    bd_pwm_t *p = model();
    bd_pwm_regs_t *r = &p->slice[o->n].regs;
    if (argc < 2) return py_int_from_u64(r->div_num - 1);
    int64_t v = py_to_i64(argv[1]);
    if (v < 0 || v > 0xffff) py_raise_msg(&py_type_ValueError, "prescaler must be 0..65535");
    mod_board_now();
    check(bd_pwm_set_raw(p, o->n, (uint32_t)v + 1, 1, r->top), NULL);
    return PY_NONE;
}

static py_val_t t_period(int argc, const py_val_t *argv, py_val_t kw) {
    ptim_obj_t *o = tim_of(argv[0]);
    bd_pwm_t *p = model();
    bd_pwm_regs_t *r = &p->slice[o->n].regs;
    if (argc < 2) return py_int_from_u64(r->top);
    int64_t v = py_to_i64(argv[1]);
    mod_board_now();
    if (v < 0 || bd_pwm_set_raw(p, o->n, r->div_num, r->div_den, (uint32_t)v) != BD_OK)
        py_raise_msg(&py_type_ValueError, "period out of range");
    return PY_NONE;
}

static py_val_t t_source_freq(int argc, const py_val_t *argv, py_val_t kw) {
    return py_int_from_u64(model()->clk_hz);
}

static py_val_t t_counter(int argc, const py_val_t *argv, py_val_t kw) {
    ptim_obj_t *o = tim_of(argv[0]);
    mod_board_now();
    return py_int_from_u64(bd_pwm_counter(model(), o->n)); /* CNT: ticks since the update event */
}

static py_val_t t_callback(int argc, const py_val_t *argv, py_val_t kw) {
    ptim_obj_t *o = tim_of(argv[0]);
    mod_board_now();
    set_callback(o, argv[1]);
    return PY_NONE;
}

/* ------------------------------------------------------------ TimerChannel */

static pch_obj_t *chan_of(py_val_t v) { return py_as_ptr(v); }

static uint32_t top_of(pch_obj_t *c) { return model()->slice[c->tim].regs.top; }

static uint32_t cc_from_percent(pch_obj_t *c, py_val_t v) {
    uint64_t n = (uint64_t)top_of(c) + 1;
    double pct = py_to_double(v);
    if (pct <= 0) return 0;
    if (pct >= 100) return (uint32_t)n;
    if (py_is_int(v)) return (uint32_t)(n * (uint64_t)py_to_i64(v) / 100);
    return (uint32_t)(pct / 100.0 * (double)n);
}

static void set_cc(pch_obj_t *c, uint32_t cc) {
    mod_board_now();
    check(bd_pwm_set_cc(model(), c->tim, c->ch, cc), NULL);
}

static py_val_t c_pulse_width(int argc, const py_val_t *argv, py_val_t kw) {
    pch_obj_t *c = chan_of(argv[0]);
    if (argc < 2) return py_int_from_u64(model()->slice[c->tim].regs.cc[c->ch]);
    int64_t v = py_to_i64(argv[1]);
    set_cc(c, v < 0 ? 0 : (uint32_t)v);
    return PY_NONE;
}

static py_val_t c_pulse_width_percent(int argc, const py_val_t *argv, py_val_t kw) {
    pch_obj_t *c = chan_of(argv[0]);
    if (argc < 2) {
        uint64_t cc = model()->slice[c->tim].regs.cc[c->ch], n = (uint64_t)top_of(c) + 1;
        if (cc == 0) return py_small(0);
        if (cc >= n) return py_small(100);
        return py_float((double)cc * 100.0 / (double)n);
    }
    set_cc(c, cc_from_percent(c, argv[1]));
    return PY_NONE;
}

static py_val_t c_capture(int argc, const py_val_t *argv, py_val_t kw) { return c_pulse_width(argc, argv, kw); }

static py_val_t c_callback(int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_is_none(argv[1])) py_raise_msg(&py_type_NotImplementedError, "TimerChannel callbacks are not modelled");
    return PY_NONE;
}

static void chan_print(py_sb_t *sb, py_val_t self, int kind) {
    pch_obj_t *c = chan_of(self);
    py_sb_printf(sb, "TimerChannel(timer=%d, channel=%d, mode=%s)", c->tim, c->ch + 1,
                 c->mode == CH_PWM ? "PWM" : "PWM_INVERTED");
}

/* channel(ch, mode=None, *, pin=None, pulse_width=, pulse_width_percent=, polarity=) */
static py_val_t t_channel(int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const kws[] = {"mode", "callback", "pin", "pulse_width", "pulse_width_percent",
                                      "compare", "polarity", NULL};
    check_kw(kwnames, kws);
    ptim_obj_t *o = tim_of(argv[0]);
    int npos = argc;
    if (npos < 2) py_raise_msg(&py_type_TypeError, "function missing 1 required positional argument");
    int64_t chn = py_to_i64(argv[1]);
    if (chn < 1 || chn > BD_PWM_MAX_CH) py_raise_msg(&py_type_ValueError, "invalid channel (%d)", (int)chn);
    int ci = (int)chn - 1;
    py_val_t mode = npos > 2 ? argv[2] : py_kwarg(argc, argv, kwnames, "mode", PY_NULL);
    if (unset(mode)) {
        if (py_is_none(o->chans[ci])) py_raise_msg(&py_type_ValueError, "Channel(%d) wasn't initialised", (int)chn);
        return o->chans[ci];
    }
    int64_t m = py_to_i64(mode);
    if (m != CH_PWM && m != CH_PWM_INVERTED)
        py_raise_msg(&py_type_NotImplementedError, "only Timer.PWM and Timer.PWM_INVERTED are modelled");
    py_val_t pin = py_kwarg(argc, argv, kwnames, "pin", PY_NONE);
    py_val_t pw = py_kwarg(argc, argv, kwnames, "pulse_width", PY_NULL);
    py_val_t pwp = py_kwarg(argc, argv, kwnames, "pulse_width_percent", PY_NULL);
    mod_board_now();
    bd_pwm_t *p = model();
    int idx = -1;
    if (!py_is_none(pin)) {
        idx = mod_machine_find_pin(pin);
        bd_pin_fn_t fn;
        const bd_mcu_pin_t *d = bd_board_pin_def(mod_board(), idx);
        if (!bd_pin_def_fn(d, BD_FN_TIM, o->n, &fn) || (int)(fn.sig & ~BD_SIG_N) != (int)chn)
            py_raise_msg(&py_type_ValueError, "Pin(%s) doesn't have an alt for TIM%d_CH%d", d->name + 1, o->n,
                         (int)chn);
    }
    pch_obj_t *c;
    if (!py_is_none(o->chans[ci])) {
        c = chan_of(o->chans[ci]);
    } else {
        c = py_gc_alloc(&chan_type, sizeof *c);
        c->tim = o->n, c->ch = ci, c->pad = -1;
        o->chans[ci] = py_obj(c);
    }
    c->mode = (int)m;
    uint32_t cc = 0;
    if (!unset(pw)) {
        int64_t v = py_to_i64(pw);
        cc = v < 0 ? 0 : (uint32_t)v;
    } else if (!unset(pwp)) {
        cc = cc_from_percent(c, pwp);
    }
    /* CCR and polarity in effect at once, not at the next update event: the
     * pin follows CNT < CCR from this call (the file's header says why). */
    check(bd_pwm_set_chan_now(p, o->n, ci, cc, m == CH_PWM_INVERTED), NULL);
    if (idx >= 0) {
        /* pin= always (re)claims the pad for the timer, as the port's channel()
         * sets the pin's alternate function: the pad may have been made a GPIO
         * since (Pin(..., Pin.OUT)), so let go of it first, then attach again. */
        if (c->pad >= 0) bd_pwm_detach(p, c->pad);
        check(bd_pwm_attach(p, o->n, ci, idx), NULL);
        c->pad = idx;
    }
    check(bd_pwm_enable(p, o->n, true), NULL);
    return py_obj(c);
}

static void tim_print(py_sb_t *sb, py_val_t self, int kind) {
    ptim_obj_t *o = tim_of(self);
    bd_pwm_regs_t *r = &model()->slice[o->n].regs;
    py_sb_printf(sb, "Timer(%d, freq=%llu, prescaler=%u, period=%u, mode=UP, div=1)", o->n,
                 (unsigned long long)bd_pwm_get_freq(model(), o->n), (unsigned)(r->div_num - 1), (unsigned)r->top);
}

static void tim_trace(py_obj_t *h) {
    ptim_obj_t *o = (ptim_obj_t *)h;
    py_gc_mark(o->callback);
    for (int i = 0; i < BD_PWM_MAX_CH; i++) py_gc_mark(o->chans[i]);
}

static void no_trace(py_obj_t *h) {}

static const py_method_def_t tim_methods[] = {
    {"init", t_init, 1, -1, PY_MF_KW},
    {"deinit", t_deinit, 1, 1, 0},
    {"channel", t_channel, 2, -1, PY_MF_KW},
    {"freq", t_freq, 1, 2, 0},
    {"prescaler", t_prescaler, 1, 2, 0},
    {"period", t_period, 1, 2, 0},
    {"counter", t_counter, 1, 1, 0},
    {"source_freq", t_source_freq, 1, 1, 0},
    {"callback", t_callback, 2, 2, 0},
    PY_MF_END,
};

static py_type_t tim_type = {
    .h = {&py_type_type},
    .name = "Timer",
    .base = &py_type_object,
    .instance_size = sizeof(ptim_obj_t),
    .methods = tim_methods,
    .make_new = tim_make_new,
    .print = tim_print,
    .trace = tim_trace,
};

static const py_method_def_t chan_methods[] = {
    {"pulse_width", c_pulse_width, 1, 2, 0},
    {"pulse_width_percent", c_pulse_width_percent, 1, 2, 0},
    {"compare", c_capture, 1, 2, 0},
    {"callback", c_callback, 2, 2, 0},
    PY_MF_END,
};

static py_type_t chan_type = {
    .h = {&py_type_type},
    .name = "TimerChannel",
    .base = &py_type_object,
    .instance_size = sizeof(pch_obj_t),
    .methods = chan_methods,
    .print = chan_print,
    .trace = no_trace,
};

/* ------------------------------------------------------------ LED */

static const char *const led_names[] = {NULL, "LEDR", "LEDG", "LEDB"};

static void led_set(led_obj_t *l, bool on) {
    mod_board_now();
    l->on = on;
    bd_pin_set_out(bd_board_pin(mod_board(), l->pad), !on); /* active low */
}

static py_val_t led_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc != 1) py_raise_msg(&py_type_TypeError, "function takes 1 positional arguments but %d were given", argc);
    int64_t n = py_to_i64(argv[0]);
    if (n < 1 || n > 3) py_raise_msg(&py_type_ValueError, "LED(%d) doesn't exist", (int)n);
    if (py_is_null(leds[n])) {
        int idx = mod_machine_find_pin(py_str_from_cstr(led_names[n]));
        led_obj_t *l = py_gc_alloc(&led_type, sizeof *l);
        l->n = (int)n, l->pad = idx, l->on = false;
        leds[n] = py_obj(l);
        mod_board_now();
        bd_pin_t *p = bd_board_pin(mod_board(), idx);
        bd_pin_set_out(p, 1); /* off */
        bd_status_t st = bd_pin_configure(p, BD_MODE_OUTPUT, BD_PULL_NONE);
        if (st != BD_OK) mod_board_raise(st);
    }
    return leds[n];
}

static py_val_t l_on(int argc, const py_val_t *argv, py_val_t kw) {
    led_set(py_as_ptr(argv[0]), true);
    return PY_NONE;
}
static py_val_t l_off(int argc, const py_val_t *argv, py_val_t kw) {
    led_set(py_as_ptr(argv[0]), false);
    return PY_NONE;
}
static py_val_t l_toggle(int argc, const py_val_t *argv, py_val_t kw) {
    led_obj_t *l = py_as_ptr(argv[0]);
    led_set(l, !l->on);
    return PY_NONE;
}
static py_val_t l_intensity(int argc, const py_val_t *argv, py_val_t kw) {
    led_obj_t *l = py_as_ptr(argv[0]);
    if (argc < 2) return py_small(l->on ? 255 : 0);
    led_set(l, py_to_i64(argv[1]) > 0);
    return PY_NONE;
}
static void led_print(py_sb_t *sb, py_val_t self, int kind) {
    py_sb_printf(sb, "LED(%d)", ((led_obj_t *)py_as_ptr(self))->n);
}

static const py_method_def_t led_methods[] = {
    {"on", l_on, 1, 1, 0},           {"off", l_off, 1, 1, 0}, {"toggle", l_toggle, 1, 1, 0},
    {"intensity", l_intensity, 1, 2, 0}, PY_MF_END,
};

static py_type_t led_type = {
    .h = {&py_type_type},
    .name = "LED",
    .base = &py_type_object,
    .instance_size = sizeof(led_obj_t),
    .methods = led_methods,
    .make_new = led_make_new,
    .print = led_print,
    .trace = no_trace,
};

/* ------------------------------------------------------------ ADC */

static py_val_t adc_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc != 1) py_raise_msg(&py_type_TypeError, "function takes 1 positional arguments but %d were given", argc);
    py_val_t machine = py_import_cstr("machine");
    py_val_t madc = py_call(py_getattr(machine, py_intern("ADC")), 1, argv, PY_NULL);
    padc_obj_t *o = py_gc_alloc(&adc_type, sizeof *o);
    o->adc = madc;
    return py_obj(o);
}

static py_val_t a_read(int argc, const py_val_t *argv, py_val_t kw) {
    padc_obj_t *o = py_as_ptr(argv[0]);
    py_val_t v = py_call_method(o->adc, py_intern("read_u16"), 0, NULL);
    return py_small(py_to_i64(v) >> 4);
}

static void adc_print(py_sb_t *sb, py_val_t self, int kind) {
    py_sb_adds(sb, "<ADC ");
    py_val_t r = py_repr(((padc_obj_t *)py_as_ptr(self))->adc);
    py_sb_adds(sb, py_str_data(r));
    py_sb_adds(sb, ">");
}

static void adc_trace(py_obj_t *h) { py_gc_mark(((padc_obj_t *)h)->adc); }

static const py_method_def_t adc_methods[] = {
    {"read", a_read, 1, 1, 0},
    PY_MF_END,
};

static py_type_t adc_type = {
    .h = {&py_type_type},
    .name = "ADC",
    .base = &py_type_object,
    .instance_size = sizeof(padc_obj_t),
    .methods = adc_methods,
    .make_new = adc_make_new,
    .print = adc_print,
    .trace = adc_trace,
};

/* ------------------------------------------------------------ time */

static uint64_t now_us(void) { return mod_board_now() / 1000u; }

static py_val_t f_millis(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_clock_read();
    return py_small((int64_t)((now_us() / 1000u) & MASK30));
}
static py_val_t f_micros(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_clock_read();
    return py_small((int64_t)(now_us() & MASK30));
}
static py_val_t f_elapsed_millis(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_clock_read();
    uint64_t now = now_us() / 1000u;
    return py_small((int64_t)((now - (uint64_t)py_to_i64(argv[0])) & MASK30));
}
static py_val_t f_elapsed_micros(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_clock_read();
    uint64_t now = now_us();
    return py_small((int64_t)((now - (uint64_t)py_to_i64(argv[0])) & MASK30));
}
static py_val_t f_delay(int argc, const py_val_t *argv, py_val_t kw) {
    int64_t ms = py_to_i64(argv[0]);
    bd_time_t now = mod_board_now();
    if (ms > 0) mod_board_sleep_until(now + (bd_time_t)ms * 1000000u);
    return PY_NONE;
}
static py_val_t f_udelay(int argc, const py_val_t *argv, py_val_t kw) {
    int64_t us = py_to_i64(argv[0]);
    bd_time_t now = mod_board_now();
    if (us > 0) mod_board_sleep_until(now + (bd_time_t)us * 1000u);
    return PY_NONE;
}
static py_val_t f_freq(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc) py_raise_msg(&py_type_ValueError, "cannot change frequency");
    uint64_t hz = mod_board()->sched.cpu_hz;
    py_val_t t = py_tuple_new(4);
    py_tuple_t *tp = py_as_tuple(t);
    tp->items[0] = py_int_from_u64(hz);
    tp->items[1] = py_int_from_u64(hz / 2);
    tp->items[2] = py_int_from_u64(hz / 4);
    tp->items[3] = py_int_from_u64(hz / 4);
    return t;
}

static const py_method_def_t pyb_functions[] = {
    {"millis", f_millis, 0, 0, 0},
    {"micros", f_micros, 0, 0, 0},
    {"elapsed_millis", f_elapsed_millis, 1, 1, 0},
    {"elapsed_micros", f_elapsed_micros, 1, 1, 0},
    {"delay", f_delay, 1, 1, 0},
    {"udelay", f_udelay, 1, 1, 0},
    {"freq", f_freq, 0, 1, 0},
    PY_MF_END,
};

/* A board reset: the timers stop (their callbacks with them) and give the
 * pads back; the objects go with the program (machine_reset.h). */
static void on_reset(bool hard) {
    for (int i = 0; i < NTIM; i++) {
        if (py_is_null(timers[i])) continue;
        tim_of(timers[i])->callback = PY_NONE; /* its update hook goes with the model below */
        timers[i] = PY_NULL;
    }
    if (pwm_ready) {
        for (int i = 0; i < mod_board()->npins; i++) (void)bd_pwm_detach(&pwm, i);
        bd_pwm_free(&pwm);
        pwm_ready = false;
    }
}

static void pyb_init(py_val_t m) {
    if (strcmp(mod_board_def()->port, "stm32") != 0) py_raise_msg(&py_type_ImportError, "no module named 'pyb'");
    if (!roots) {
        for (int i = 0; i < NTIM; i++) timers[i] = PY_NULL;
        for (int i = 0; i < 4; i++) leds[i] = PY_NULL;
        py_gc_add_root_fn(roots_mark);
        roots = true;
        mod_reset_on_reset(on_reset);
    }
    py_val_t machine = py_import_cstr("machine");
    py_module_add(m, "Pin", py_getattr(machine, py_intern("Pin")));
    py_val_t uart = py_getattr_opt(machine, py_intern("UART"));
    if (!py_is_null(uart)) py_module_add(m, "UART", uart);
    static const char *const aliases[] = {"disable_irq", "enable_irq", "idle", "unique_id", NULL};
    for (const char *const *a = aliases; *a; a++) {
        py_val_t f = py_getattr_opt(machine, py_intern(*a));
        if (!py_is_null(f)) py_module_add(m, *a, f);
    }
    py_val_t wfi = py_getattr_opt(machine, py_intern("idle"));
    if (!py_is_null(wfi)) py_module_add(m, "wfi", wfi);
    py_type_init_builtin(&tim_type);
    py_type_init_builtin(&chan_type);
    py_type_init_builtin(&led_type);
    py_type_init_builtin(&adc_type);
    py_dict_set(tim_type.dict, py_intern("PWM"), py_small(CH_PWM));
    py_dict_set(tim_type.dict, py_intern("PWM_INVERTED"), py_small(CH_PWM_INVERTED));
    py_dict_set(tim_type.dict, py_intern("UP"), py_small(0));
    py_dict_set(tim_type.dict, py_intern("DOWN"), py_small(0x10));
    py_dict_set(tim_type.dict, py_intern("CENTER"), py_small(0x20));
    py_dict_set(tim_type.dict, py_intern("HIGH"), py_small(0));
    py_dict_set(tim_type.dict, py_intern("LOW"), py_small(2));
    py_module_add(m, "Timer", py_obj(&tim_type));
    py_module_add(m, "LED", py_obj(&led_type));
    py_module_add(m, "ADC", py_obj(&adc_type));
}

const py_module_def_t py_module_pyb = {"pyb", pyb_functions, pyb_init};
