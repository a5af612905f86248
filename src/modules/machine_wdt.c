/* machine_wdt.c: machine.WDT, the watchdog, on the virtual clock.
 *
 * WDT(id=0, timeout=5000) starts the watchdog: unless feed() is called
 * within `timeout` ms of virtual time (counted from the constructor, then
 * from each feed), the board resets as a real one does (machine_reset.h):
 * "WDT reset" in the trace at the expiry time, a note on stderr, and the
 * script starts again with machine.reset_cause() == machine.WDT_RESET.
 * Once started it cannot be stopped (MicroPython docs, machine.WDT); a soft
 * reset leaves it running, a hard reset (the watchdog's own included) stops
 * it.  Calling WDT() again restarts the count with the new timeout, as the
 * rp2 and esp32 ports re-program the hardware.
 *
 * Per port (docs.micropython.org machine.WDT and the ports' quick refs):
 *   - rp2: id 0 only; at most 8388 ms (the RP2040's 24-bit counter, which
 *     counts twice per microsecond);
 *   - esp32: id 0 only; timeout in ms, at least 1 (the quickref's "1s is the
 *     minimum" dates from second-granular firmware: ASSUMPTION);
 *   - stm32: id 0 (the IWDG, also "IWDG"); 1..32768 ms (the IWDG's 32 kHz
 *     LSI with the /256 prescaler and 12-bit reload).
 * Error texts: ASSUMPTION, after the ports' wording where known.
 * The expiry is a bd_timer one-shot on the board's scheduler, so it fires
 * at its exact time during sleeps, busy loops and C waits alike.
 */
#include <string.h>

#include "board/bd_timer.h"
#include "modules/board_runtime.h"
#include "modules/machine_ext.h"
#include "modules/machine_reset.h"
#include "py/runtime.h"

enum { P_RP2, P_ESP32, P_STM32 };

typedef struct {
    py_obj_t h;
} wdt_obj_t;

static struct {
    bd_timer_t t;
    bool ready;
    bd_time_t timeout_ns;
    int port;
} wd;

static py_type_t wdt_type;

static void expired(void *ctx, bd_timer_t *t, bd_time_t deadline) { mod_reset_request(MOD_RESET_WDT, 0); }

bool mod_machine_wdt_armed(void) { return wd.ready && bd_timer_running(&wd.t); }

static void restart(void) {
    if (!wd.ready) {
        bd_timer_init(&wd.t, &mod_board()->sched, "WDT");
        wd.ready = true;
    }
    mod_board_now();
    bd_status_t st = bd_timer_start(&wd.t, BD_TIMER_ONE_SHOT, wd.timeout_ns, expired, NULL);
    if (st != BD_OK) mod_board_raise(st);
}

static void on_reset(bool hard) {
    if (hard && wd.ready) bd_timer_stop(&wd.t);
}

static py_val_t wdt_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const kws[] = {"id", "timeout", NULL};
    if (!py_is_null(kwnames)) {
        py_tuple_t *k = py_as_tuple(kwnames);
        for (size_t i = 0; i < k->len; i++) {
            bool ok = false;
            for (const char *const *a = kws; *a; a++) ok |= !strcmp(*a, py_str_data(k->items[i]));
            if (!ok) py_raise_msg(&py_type_TypeError, "extra keyword arguments given");
        }
    }
    if (argc > 2) py_raise_msg(&py_type_TypeError, "function takes at most 2 positional arguments");
    py_val_t id = argc > 0 ? argv[0] : py_kwarg(argc, argv, kwnames, "id", py_small(0));
    py_val_t to = argc > 1 ? argv[1] : py_kwarg(argc, argv, kwnames, "timeout", py_small(5000));
    bool id_ok = py_is_int(id) ? py_to_i64(id) == 0 : wd.port == P_STM32 && py_is_str(id) && !strcmp(py_str_data(id), "IWDG");
    if (!id_ok) {
        if (py_is_int(id)) py_raise_msg(&py_type_ValueError, "WDT(%lld) doesn't exist", (long long)py_to_i64(id));
        py_raise_msg(&py_type_ValueError, "WDT doesn't exist");
    }
    int64_t ms = py_to_i64(to);
    if (wd.port == P_RP2) {
        if (ms < 0) ms = 0; /* the port takes it unsigned: 0 resets at once */
        if (ms > 8388) py_raise_msg(&py_type_ValueError, "timeout exceeds 8388");
    } else if (wd.port == P_ESP32) {
        if (ms <= 0) py_raise_msg(&py_type_ValueError, "WDT timeout too short");
    } else {
        if (ms < 1) py_raise_msg(&py_type_ValueError, "WDT timeout too short");
        if (ms > 32768) py_raise_msg(&py_type_ValueError, "WDT timeout too long");
    }
    wd.timeout_ns = (bd_time_t)ms * 1000000u;
    restart();
    wdt_obj_t *o = py_gc_alloc(&wdt_type, sizeof(wdt_obj_t));
    return py_obj(o);
}

static py_val_t m_feed(int argc, const py_val_t *argv, py_val_t kw) {
    if (mod_machine_wdt_armed()) restart();
    return PY_NONE;
}

static void wdt_print(py_sb_t *sb, py_val_t self, int kind) { py_sb_adds(sb, "<WDT>"); }
static void wdt_trace(py_obj_t *o) {}

static const py_method_def_t wdt_methods[] = {
    {"feed", m_feed, 1, 1, 0},
    PY_MF_END,
};

static py_type_t wdt_type = {
    .h = {&py_type_type},
    .name = "WDT",
    .base = &py_type_object,
    .instance_size = sizeof(wdt_obj_t),
    .methods = wdt_methods,
    .make_new = wdt_make_new,
    .print = wdt_print,
    .trace = wdt_trace,
};

void mod_machine_wdt_init(py_val_t m) {
    const char *p = mod_board_def()->port;
    wd.port = !strcmp(p, "rp2") ? P_RP2 : !strcmp(p, "esp32") ? P_ESP32 : P_STM32;
    py_type_init_builtin(&wdt_type);
    py_module_add(m, "WDT", py_obj(&wdt_type));
    mod_reset_on_reset(on_reset);
}
