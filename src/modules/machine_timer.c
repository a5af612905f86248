/* machine_timer.c: machine.Timer on the simulated board (bd_timer).
 *
 * Timer(id=-1, *, mode=PERIODIC, period=-1, freq=-1, callback=None, ...);
 * init(...) with the same keywords; deinit().  The callback runs as a soft
 * IRQ (py_schedule, callback(timer)) at the exact virtual deadlines of
 * bd_timer (drift-free periodic deadlines).
 * Per port (the period rounding each firmware does):
 *   - rp2: virtual timers only (id must be -1: "Timer doesn't exist");
 *     period in units of tick_hz (default 1000, i.e. ms), freq= a float in
 *     Hz; both become whole microseconds (the alarm pool's unit), at least
 *     1 us; repr Timer(mode=..., tick_hz=1000000, period=US).
 *   - esp32: hardware timers 0..3 (id required); period in ms, freq in Hz,
 *     whole microseconds (ASSUMPTION: the 1 MHz timer clock).
 *   - stm32: a soft timer (id -1): period in whole milliseconds, freq ->
 *     1000 // freq ms, at least 1 ms.
 * Invariant: a running timer's object is in `live` (a GC root), since the
 * scheduler holds a pointer into it.
 */
#include <stdlib.h>
#include <string.h>

#include "board/bd_timer.h"
#include "modules/board_runtime.h"
#include "modules/machine_ext.h"
#include "modules/machine_reset.h"
#include "py/runtime.h"

enum { P_RP2, P_ESP32, P_STM32 };

typedef struct {
    py_obj_t h;
    bd_timer_t t;
    py_val_t callback;
    int id;
    uint8_t mode;
    bool inited;
    uint64_t period_ns;
} tim_obj_t;

static int port;
static py_type_t tim_type;
static py_val_t *live;
static size_t nlive, cap;

static void live_mark(void) {
    for (size_t i = 0; i < nlive; i++) py_gc_mark(live[i]);
}

static void live_add(py_val_t v) {
    for (size_t i = 0; i < nlive; i++)
        if (live[i] == v) return;
    if (nlive == cap) {
        size_t n = cap ? cap * 2 : 8;
        py_val_t *nl = realloc(live, n * sizeof *nl);
        if (!nl) py_raise_no_memory();
        if (!live) py_gc_add_root_fn(live_mark);
        live = nl, cap = n;
    }
    live[nlive++] = v;
}

static void live_del(py_val_t v) {
    for (size_t i = 0; i < nlive; i++)
        if (live[i] == v) {
            live[i] = live[--nlive];
            return;
        }
}

static tim_obj_t *self_of(py_val_t v) { return py_as_ptr(v); }

/* Inside the scheduler: only queue the handler. */
static void fire(void *ctx, bd_timer_t *t, bd_time_t deadline) {
    tim_obj_t *o = ctx;
    if (!py_is_none(o->callback)) py_schedule(o->callback, py_obj(o));
}

static void stop(tim_obj_t *o) {
    if (o->inited) bd_timer_stop(&o->t);
    live_del(py_obj(o));
}

static bool unset(py_val_t v) { return py_is_null(v) || py_is_none(v) || (py_is_int(v) && py_to_i64(v) == -1); }

static void init_args(tim_obj_t *o, int argc, const py_val_t *argv, py_val_t kwnames, int first) {
    static const char *const kw_rp2[] = {"mode", "callback", "period", "tick_hz", "freq", "hard", NULL};
    static const char *const kw_other[] = {"mode", "callback", "period", "freq", "hard", NULL};
    if (argc > first) py_raise_msg(&py_type_TypeError, "function takes %d positional arguments but %d were given",
                                   first, argc);
    if (!py_is_null(kwnames)) {
        py_tuple_t *k = py_as_tuple(kwnames);
        for (size_t i = 0; i < k->len; i++) {
            const char *n = py_str_data(k->items[i]);
            bool ok = false;
            for (const char *const *a = port == P_RP2 ? kw_rp2 : kw_other; *a; a++) ok |= !strcmp(*a, n);
            if (!ok) py_raise_msg(&py_type_TypeError, "extra keyword arguments given");
        }
    }
    py_val_t mode = py_kwarg(argc, argv, kwnames, "mode", py_small(BD_TIMER_PERIODIC));
    py_val_t cb = py_kwarg(argc, argv, kwnames, "callback", PY_NONE);
    py_val_t period = py_kwarg(argc, argv, kwnames, "period", PY_NULL);
    py_val_t tick_hz = py_kwarg(argc, argv, kwnames, "tick_hz", py_small(1000));
    py_val_t freq = py_kwarg(argc, argv, kwnames, "freq", PY_NULL);
    int64_t m = py_to_i64(mode);
    if (m != BD_TIMER_ONE_SHOT && m != BD_TIMER_PERIODIC) py_raise_msg(&py_type_ValueError, "invalid mode");
    uint64_t ns;
    if (!unset(freq)) {
        double f = py_to_double(freq);
        if (!(f > 0)) py_raise_msg(&py_type_ValueError, "freq must be positive");
        if (port == P_STM32) {
            uint64_t ms = (uint64_t)(1000.0 / f);
            ns = (ms ? ms : 1) * 1000000u;
        } else {
            uint64_t us = (uint64_t)(1000000.0 / f);
            ns = (us ? us : 1) * 1000u;
        }
    } else {
        int64_t p = unset(period) ? 0xffffffff : py_to_i64(period);
        if (p < 0) py_raise_msg(&py_type_ValueError, "period must be positive");
        if (port == P_RP2) {
            int64_t hz = py_to_i64(tick_hz);
            if (hz <= 0) py_raise_msg(&py_type_ValueError, "tick_hz must be positive");
            uint64_t us = (uint64_t)p * 1000000u / (uint64_t)hz;
            ns = (us ? us : 1) * 1000u;
        } else if (port == P_STM32) {
            ns = (uint64_t)(p ? p : 1) * 1000000u;
        } else {
            ns = (uint64_t)p * 1000000u;
            if (!ns) ns = 1000;
        }
    }
    bd_time_t now = mod_board_now();
    (void)now;
    if (!o->inited) {
        bd_timer_init(&o->t, &mod_board()->sched, "Timer");
        o->inited = true;
    }
    bd_timer_stop(&o->t);
    o->callback = cb;
    o->mode = (uint8_t)m;
    o->period_ns = ns;
    live_add(py_obj(o));
    bd_status_t st = bd_timer_start(&o->t, (bd_timer_mode_t)m, ns, fire, o);
    if (st != BD_OK) mod_board_raise(st);
}

static py_val_t tim_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    int id = -1;
    int first = 0;
    if (argc > 0) {
        id = (int)py_to_i64(argv[0]);
        first = 1;
    }
    if (port == P_ESP32) {
        if (argc == 0) py_raise_msg(&py_type_TypeError, "function missing 1 required positional argument");
        if (id < 0 || id > 3) py_raise_msg(&py_type_ValueError, "invalid Timer number");
    } else if (id != -1) {
        py_raise_msg(&py_type_ValueError, "Timer doesn't exist");
    }
    tim_obj_t *o = py_gc_alloc(&tim_type, sizeof *o);
    o->callback = PY_NONE;
    o->id = id;
    o->mode = BD_TIMER_PERIODIC;
    size_t nkw = py_is_null(kwnames) ? 0 : py_as_tuple(kwnames)->len;
    if (argc > first || nkw) init_args(o, argc - first, argv + first, kwnames, 0);
    return py_obj(o);
}

static py_val_t m_init(int argc, const py_val_t *argv, py_val_t kwnames) {
    init_args(self_of(argv[0]), argc - 1, argv + 1, kwnames, 0);
    return PY_NONE;
}

static py_val_t m_deinit(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_now();
    stop(self_of(argv[0]));
    return PY_NONE;
}

static void tim_print(py_sb_t *sb, py_val_t self, int kind) {
    tim_obj_t *o = self_of(self);
    const char *mode = o->mode == BD_TIMER_ONE_SHOT ? "ONE_SHOT" : "PERIODIC";
    if (port == P_RP2)
        py_sb_printf(sb, "Timer(mode=%s, tick_hz=1000000, period=%llu)", mode,
                     (unsigned long long)(o->period_ns / 1000u));
    else if (port == P_ESP32)
        py_sb_printf(sb, "Timer(%d, mode=%s, period=%llu)", o->id, mode, (unsigned long long)(o->period_ns / 1000000u));
    else
        py_sb_printf(sb, "Timer(-1, mode=%s, period=%llu)", mode, (unsigned long long)(o->period_ns / 1000000u));
}

static void tim_trace(py_obj_t *o) { py_gc_mark(((tim_obj_t *)o)->callback); }

static const py_method_def_t tim_methods[] = {
    {"init", m_init, 1, -1, PY_MF_KW},
    {"deinit", m_deinit, 1, 1, 0},
    PY_MF_END,
};

static py_type_t tim_type = {
    .h = {&py_type_type},
    .name = "Timer",
    .base = &py_type_object,
    .instance_size = sizeof(tim_obj_t),
    .methods = tim_methods,
    .make_new = tim_make_new,
    .print = tim_print,
    .trace = tim_trace,
};

/* A board reset stops every timer (machine_reset.h). */
static void on_reset(bool hard) {
    while (nlive) stop(self_of(live[nlive - 1]));
}

void mod_machine_timer_init(py_val_t m) {
    mod_reset_on_reset(on_reset);
    const char *pn = mod_board_def()->port;
    port = !strcmp(pn, "rp2") ? P_RP2 : !strcmp(pn, "esp32") ? P_ESP32 : P_STM32;
    py_type_init_builtin(&tim_type);
    py_dict_set(tim_type.dict, py_intern("ONE_SHOT"), py_small(BD_TIMER_ONE_SHOT));
    py_dict_set(tim_type.dict, py_intern("PERIODIC"), py_small(BD_TIMER_PERIODIC));
    py_module_add(m, "Timer", py_obj(&tim_type));
}
