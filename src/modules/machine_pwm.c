/* machine_pwm.c: machine.PWM on the simulated board (bd_pwm): real edges on
 * the pad, scheduled on the virtual clock, so --vcd/--trace show them.
 *
 * PWM(dest, *, freq, duty_u16, duty_ns, invert); init(...) with the same
 * keywords; freq([v]), duty_u16([v]), duty_ns([v]), deinit().  Rounding and
 * error messages are bd_pwm's (rp2 as ports/rp2/machine_pwm.c; esp32 LEDC).
 *   - rp2: no signal until a frequency is set: freq() reads 0 before, and
 *     the slice starts counting at the first freq (MicroPython PR #10850
 *     and issue #13600: "PWM frequency now defaults to 0. Used to be
 *     1907"); repr <PWM slice=S channel=C invert=I>; deinit stops the slice
 *     and gives the pad back to GPIO.
 *   - esp32: a new channel starts at once at 5 kHz and 50 % duty
 *     (duty_u16 32768) unless freq/duty are given (issue #13600, PR #10854:
 *     "PWM(Pin(26), freq=5000, duty=512)"); channels are allocated per
 *     pad; deinit releases it.
 *     The esp32 port's older API stays: duty([d]) and the duty= keyword,
 *     0..1023 "as a ratio duty/1023" of duty_u16 (esp32 quickref), read
 *     back from duty_u16 the same way; freq 1 Hz to 40 MHz (quickref).
 *   - stm32: no machine.PWM (the port has none: pyb.Timer does PWM there).
 * Changes take effect at the next period boundary (double-buffered
 * registers, in the model).  Start: the slice is programmed first and then
 * enabled, so PWM(pin, freq=, duty_u16=) is high at the call (RP2040
 * datasheet 4.5: the counter starts at 0 when enabled, output high while
 * counter < CC; ASSUMPTION: the port enables the slice after writing CC).
 * A duty written to a running slice (the slice's other channel, or
 * duty_u16() after PWM(pin, freq=)) waits for its next wrap.  esp32: also
 * high at the call (ASSUMPTION; ESP-IDF says a duty update takes effect at
 * the next PWM cycle, docs/board-facts.md).
 */
#include <string.h>

#include "board/bd_pwm.h"
#include "modules/board_runtime.h"
#include "modules/machine_ext.h"
#include "modules/machine_reset.h"
#include "py/runtime.h"

enum { P_RP2, P_ESP32, P_STM32 };

typedef struct {
    py_obj_t h;
    int16_t pad;
    int8_t slice, ch;
    bool invert;
    bool active; /* attached to the pad, slice enabled */
} pwm_obj_t;

static bd_pwm_t pwm;
static bool pwm_ready;
static int port;
static py_type_t pwm_type;

static bd_pwm_t *model(void) {
    if (!pwm_ready || pwm.board != mod_board()) {
        bd_pwm_init(&pwm, mod_board());
        pwm_ready = true;
    }
    return &pwm;
}

static pwm_obj_t *self_of(py_val_t v) { return py_as_ptr(v); }

static void check(bd_status_t st, const char *why) {
    if (st == BD_OK) return;
    if (st == BD_ERR_INVAL && why) py_raise_msg(&py_type_ValueError, "%s", why);
    if (st == BD_ERR_BUSY) py_raise_msg(&py_type_ValueError, "out of PWM channels");
    mod_board_raise(st);
}

static uint64_t freq_arg(py_val_t v) {
    int64_t f = py_is_int(v) ? py_to_i64(v) : (int64_t)py_to_double(v);
    return f < 0 ? 0 : (uint64_t)f;
}

static void set_freq(pwm_obj_t *o, py_val_t v) {
    const char *why = NULL;
    uint64_t f = freq_arg(v);
    if (f == 0) py_raise_msg(&py_type_ValueError, "freq too small");
    bd_status_t st = bd_pwm_set_freq(model(), o->slice, f, &why); /* before reading why */
    check(st, why);
}

static void set_duty_u16(pwm_obj_t *o, py_val_t v) {
    int64_t d = py_to_i64(v);
    if (d < 0 || d > 65535) py_raise_msg(&py_type_ValueError, "duty_u16 must be from 0 to 65535");
    check(bd_pwm_set_duty_u16(model(), o->slice, o->ch, (uint32_t)d), NULL);
}

/* esp32 duty(d): d/1023 of full scale, as duty_u16 rounded to nearest. */
static void set_duty_1023(pwm_obj_t *o, py_val_t v) {
    int64_t d = py_to_i64(v);
    if (d < 0 || d > 1023) py_raise_msg(&py_type_ValueError, "duty must be from 0 to 1023");
    check(bd_pwm_set_duty_u16(model(), o->slice, o->ch, (uint32_t)((d * 65535 + 511) / 1023)), NULL);
}

static void set_duty_ns(pwm_obj_t *o, py_val_t v) {
    const char *why = NULL;
    int64_t d = py_to_i64(v);
    if (d < 0) py_raise_msg(&py_type_ValueError, "duty larger than period");
    bd_status_t st = bd_pwm_set_duty_ns(model(), o->slice, o->ch, (uint64_t)d, &why);
    check(st, why);
}

/* Start the slice, except an rp2 slice that has no frequency yet. */
static void run_if_ready(pwm_obj_t *o) {
    bd_pwm_t *p = model();
    if (port == P_RP2 && !p->slice[o->slice].freq_set) return;
    check(bd_pwm_enable(p, o->slice, true), NULL);
}

static void activate(pwm_obj_t *o) {
    bd_pwm_t *p = model();
    if (!o->active) {
        if (port == P_ESP32) {
            int s, c;
            check(bd_pwm_chan_for_pad(p, o->pad, &s, &c), NULL);
            o->slice = (int8_t)s, o->ch = (int8_t)c;
        }
        check(bd_pwm_attach(p, o->slice, o->ch, o->pad), NULL);
        o->active = true;
    }
}

/* init(*, freq, duty_u16, duty_ns, invert); argv[first..] positional. */
static void init_args(pwm_obj_t *o, int argc, const py_val_t *argv, py_val_t kwnames, int first) {
    static const char *const allowed[] = {"freq", "duty_u16", "duty_ns", "invert", "duty", NULL};
    if (argc > first) py_raise_msg(&py_type_TypeError, "function takes %d positional arguments but %d were given",
                                   first, argc);
    if (!py_is_null(kwnames)) {
        py_tuple_t *k = py_as_tuple(kwnames);
        for (size_t i = 0; i < k->len; i++) {
            const char *n = py_str_data(k->items[i]);
            bool ok = false;
            for (const char *const *a = allowed; *a; a++) ok |= !strcmp(*a, n);
            if (port != P_ESP32 && !strcmp(n, "duty")) ok = false; /* esp32 only */
            if (!ok) py_raise_msg(&py_type_TypeError, "extra keyword arguments given");
        }
    }
    py_val_t freq = py_kwarg(argc, argv, kwnames, "freq", PY_NULL);
    py_val_t du16 = py_kwarg(argc, argv, kwnames, "duty_u16", PY_NULL);
    py_val_t dns = py_kwarg(argc, argv, kwnames, "duty_ns", PY_NULL);
    py_val_t inv = py_kwarg(argc, argv, kwnames, "invert", PY_NULL);
    py_val_t d1023 = py_kwarg(argc, argv, kwnames, "duty", PY_NULL);
    mod_board_now();
    bool was_active = o->active;
    activate(o);
    bd_pwm_t *p = model();
    bd_pwm_slice_t *sl = &p->slice[o->slice];
    if (!py_is_null(freq) && !(py_is_int(freq) && py_to_i64(freq) == -1)) set_freq(o, freq);
    else if (port == P_ESP32 && !sl->freq_set) check(bd_pwm_set_freq(p, o->slice, 5000, NULL), NULL);
    if (!py_is_null(du16) && !(py_is_int(du16) && py_to_i64(du16) == -1)) set_duty_u16(o, du16);
    else if (!py_is_null(dns) && !(py_is_int(dns) && py_to_i64(dns) == -1)) set_duty_ns(o, dns);
    else if (!py_is_null(d1023)) set_duty_1023(o, d1023);
    else if (port == P_ESP32 && sl->duty_kind[o->ch] == BD_PWM_DUTY_NONE)
        check(bd_pwm_set_duty_u16(p, o->slice, o->ch, 32768), NULL);
    if (!py_is_null(inv) && !(py_is_int(inv) && py_to_i64(inv) == -1)) {
        o->invert = py_truthy(inv);
        check(bd_pwm_set_invert(p, o->slice, o->ch, o->invert), NULL);
    }
    (void)was_active;
    run_if_ready(o);
}

static py_val_t pwm_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc < 1) py_raise_msg(&py_type_TypeError, "function missing 1 required positional argument");
    int idx = mod_machine_find_pin(argv[0]);
    bd_pwm_t *p = model();
    pwm_obj_t *o = py_gc_alloc(&pwm_type, sizeof *o);
    o->pad = (int16_t)idx;
    int s = 0, c = 0;
    if (port == P_RP2) {
        bd_status_t st = bd_pwm_chan_for_pad(p, idx, &s, &c);
        if (st == BD_ERR_UNSUPPORTED) py_raise_msg(&py_type_ValueError, "invalid pin");
        check(st, NULL);
    }
    o->slice = (int8_t)s, o->ch = (int8_t)c;
    o->invert = port == P_RP2 ? p->slice[s].regs.invert[c] : false;
    init_args(o, argc, argv, kwnames, 1);
    return py_obj(o);
}

static py_val_t m_init(int argc, const py_val_t *argv, py_val_t kwnames) {
    init_args(self_of(argv[0]), argc, argv, kwnames, 1);
    return PY_NONE;
}

static py_val_t m_deinit(int argc, const py_val_t *argv, py_val_t kw) {
    pwm_obj_t *o = self_of(argv[0]);
    if (!o->active) return PY_NONE;
    mod_board_now();
    bd_pwm_t *p = model();
    if (port == P_RP2) bd_pwm_enable(p, o->slice, false); /* the whole slice stops */
    bd_pwm_detach(p, o->pad);
    if (port == P_ESP32) {
        if (!p->slice[o->slice].npads[0]) bd_pwm_enable(p, o->slice, false);
        bd_pwm_release(p, o->slice);
    }
    o->active = false;
    return PY_NONE;
}

static void need_active(pwm_obj_t *o) {
    if (!o->active) {
        if (port == P_ESP32) py_raise_msg(&py_type_ValueError, "PWM not initialized");
        activate(o);
        run_if_ready(o);
    }
}

static py_val_t m_freq(int argc, const py_val_t *argv, py_val_t kw) {
    pwm_obj_t *o = self_of(argv[0]);
    mod_board_now();
    if (argc < 2) {
        if (port == P_RP2 && !model()->slice[o->slice].freq_set) return py_small(0);
        return py_int_from_u64(bd_pwm_get_freq(model(), o->slice));
    }
    need_active(o);
    set_freq(o, argv[1]);
    run_if_ready(o);
    return PY_NONE;
}

static py_val_t m_duty_u16(int argc, const py_val_t *argv, py_val_t kw) {
    pwm_obj_t *o = self_of(argv[0]);
    mod_board_now();
    if (argc < 2) return py_small(bd_pwm_get_duty_u16(model(), o->slice, o->ch));
    need_active(o);
    set_duty_u16(o, argv[1]);
    return PY_NONE;
}

/* esp32 duty([d]): 0..1023 (duty_u16 * 1023 / 65535, rounded). */
static py_val_t m_duty(int argc, const py_val_t *argv, py_val_t kw) {
    pwm_obj_t *o = self_of(argv[0]);
    mod_board_now();
    if (argc < 2) {
        uint32_t u16 = bd_pwm_get_duty_u16(model(), o->slice, o->ch);
        return py_small((int64_t)((u16 * 1023u + 32767u) / 65535u));
    }
    need_active(o);
    set_duty_1023(o, argv[1]);
    return PY_NONE;
}

static py_val_t m_duty_ns(int argc, const py_val_t *argv, py_val_t kw) {
    pwm_obj_t *o = self_of(argv[0]);
    mod_board_now();
    if (argc < 2) return py_int_from_u64(bd_pwm_get_duty_ns(model(), o->slice, o->ch));
    need_active(o);
    set_duty_ns(o, argv[1]);
    return PY_NONE;
}

static void pwm_print(py_sb_t *sb, py_val_t self, int kind) {
    pwm_obj_t *o = self_of(self);
    bd_pwm_t *p = model();
    if (port == P_ESP32) {
        py_sb_printf(sb, "PWM(Pin(%d)", bd_board_pin_def(mod_board(), o->pad)->id);
        if (o->active)
            py_sb_printf(sb, ", freq=%llu, duty_u16=%u", (unsigned long long)bd_pwm_get_freq(p, o->slice),
                         (unsigned)bd_pwm_get_duty_u16(p, o->slice, o->ch));
        py_sb_adds(sb, ")");
        return;
    }
    py_sb_printf(sb, "<PWM slice=%d channel=%d invert=%d>", o->slice, o->ch, o->invert ? 1 : 0);
}

static void pwm_trace(py_obj_t *o) {}

static const py_method_def_t pwm_methods[] = {
    {"init", m_init, 1, -1, PY_MF_KW},    {"deinit", m_deinit, 1, 1, 0},       {"freq", m_freq, 1, 2, 0},
    {"duty_u16", m_duty_u16, 1, 2, 0},    {"duty_ns", m_duty_ns, 1, 2, 0},     {"duty", m_duty, 1, 2, 0},
    PY_MF_END,
};

static py_type_t pwm_type = {
    .h = {&py_type_type},
    .name = "PWM",
    .base = &py_type_object,
    .instance_size = sizeof(pwm_obj_t),
    .methods = pwm_methods,
    .make_new = pwm_make_new,
    .print = pwm_print,
    .trace = pwm_trace,
};

/* A board reset stops every slice and frees the pads (machine_reset.h). */
static void on_reset(bool hard) {
    if (!pwm_ready) return;
    for (int i = 0; i < mod_board()->npins; i++) (void)bd_pwm_detach(&pwm, i);
    bd_pwm_free(&pwm);
    pwm_ready = false;
}

void mod_machine_pwm_init(py_val_t m) {
    mod_reset_on_reset(on_reset);
    const char *pn = mod_board_def()->port;
    port = !strcmp(pn, "rp2") ? P_RP2 : !strcmp(pn, "esp32") ? P_ESP32 : P_STM32;
    if (port == P_STM32) return; /* the stm32 port has no machine.PWM */
    py_type_init_builtin(&pwm_type);
    if (port != P_ESP32) py_dict_del(pwm_type.dict, py_intern("duty")); /* the esp32 port's older API */
    py_module_add(m, "PWM", py_obj(&pwm_type));
}
