/* machine_reset.c: machine.reset / soft_reset / deepsleep / reset_cause, and
 * the restart of the script after any reset (the contract is in
 * machine_reset.h).
 *
 * Per port, as the firmware reports it (values of the constants and what
 * reset_cause() returns after each kind of reset):
 *   - rp2: only PWRON_RESET (1) and WDT_RESET (3) exist.  machine.reset()
 *     reboots through the watchdog, so it reads WDT_RESET afterwards
 *     (MicroPython issue #19409), and deepsleep() is a lightsleep followed
 *     by machine.reset(); a soft reset leaves the hardware's answer as it
 *     was.
 *   - esp32: PWRON_RESET 1, HARD_RESET 2, WDT_RESET 3, DEEPSLEEP_RESET 4,
 *     SOFT_RESET 5 (issue #5134 prints 3 and 5); machine.reset() is a
 *     software restart of the chip: SOFT_RESET; waking from deepsleep:
 *     DEEPSLEEP_RESET; a soft reset (Ctrl-D) changes nothing.
 *   - stm32: SOFT_RESET 0, PWRON_RESET 1, HARD_RESET 2, WDT_RESET 3,
 *     DEEPSLEEP_RESET 4; after a soft reset reset_cause() is SOFT_RESET (0,
 *     issue #11186); machine.reset() reads HARD_RESET (ASSUMPTION: the
 *     system reset also pulls NRST, which the port reports as HARD).  The
 *     Portenta H7 firmware of issues #11186/#11392 answers 0 to every reset;
 *     this models the port's intended answers.
 * Timing: a reset takes MOD_RESET_BOOT_NS of virtual time before the script
 * runs again (ASSUMPTION: 1 ms; real boots take longer, but a fixed cost
 * keeps a reset loop from spinning at zero virtual time).
 * A hard reset returns every pad to the MCU's reset state (only the pads
 * that left it, so the trace shows what changed), stops the watchdog, and
 * restarts the tick counters (ticks_ms() counts from the boot); a soft
 * reset keeps the pads and the watchdog running, as the chip is not reset.
 */
#include <stdio.h>
#include <string.h>

#include "board/bd_trace.h"
#include "modules/board_runtime.h"
#include "modules/machine_ext.h"
#include "modules/machine_reset.h"
#include "py/gc.h"
#include "py/sysio.h"

#define MOD_RESET_BOOT_NS BD_MS(1)
#define MAX_HOOKS 16

enum { PORT_RP2, PORT_ESP32, PORT_STM32 };
enum { C_PWRON, C_HARD, C_WDT, C_DEEPSLEEP, C_SOFT, NCAUSE };

static const char *const cause_names[NCAUSE] = {"PWRON_RESET", "HARD_RESET", "WDT_RESET", "DEEPSLEEP_RESET",
                                                "SOFT_RESET"};
/* the constants' values per port; -1: the port has no such constant */
static const int cause_values[3][NCAUSE] = {
    [PORT_RP2] = {1, -1, 3, -1, -1},
    [PORT_ESP32] = {1, 2, 3, 4, 5},
    [PORT_STM32] = {1, 2, 3, 4, 0},
};

static struct {
    mod_reset_kind_t pending;
    bd_time_t when, wake;
    bool restarting; /* inside mod_reset_restart: checks do not raise */
    int cause;       /* what reset_cause() answers */
    bd_time_t boot;
    mod_reset_hook_t hooks[MAX_HOOKS];
    int nhooks;
} st = {.cause = 1};

static int port_id(void) {
    const char *p = mod_board_def()->port;
    return !strcmp(p, "rp2") ? PORT_RP2 : !strcmp(p, "esp32") ? PORT_ESP32 : PORT_STM32;
}

void mod_reset_on_reset(mod_reset_hook_t fn) {
    for (int i = 0; i < st.nhooks; i++)
        if (st.hooks[i] == fn) return;
    if (st.nhooks < MAX_HOOKS) st.hooks[st.nhooks++] = fn;
}

bd_time_t mod_reset_boot_time(void) { return st.boot; }

static const char *kind_text(mod_reset_kind_t k) {
    switch (k) {
    case MOD_RESET_HARD: return "machine.reset()";
    case MOD_RESET_SOFT: return "machine.soft_reset()";
    case MOD_RESET_WDT: return "WDT reset";
    default: return "deepsleep";
    }
}

void mod_reset_request(mod_reset_kind_t kind, bd_time_t wake) {
    if (st.pending != MOD_RESET_NONE) return;
    st.pending = kind;
    st.when = mod_board()->sched.now;
    st.wake = wake;
    bd_trace_t *tr = mod_board_trace();
    if (!tr) return;
    if (kind == MOD_RESET_WDT) bd_trace_log(tr, st.when, "WDT", "reset");
    else if (kind == MOD_RESET_DEEPSLEEP && wake == BD_TIME_NEVER) bd_trace_log(tr, st.when, "board", "deepsleep");
    else if (kind == MOD_RESET_DEEPSLEEP)
        bd_trace_log(tr, st.when, "board", "deepsleep %llu us", (unsigned long long)((wake - st.when) / 1000u));
    else bd_trace_log(tr, st.when, "board", kind == MOD_RESET_HARD ? "reset" : "soft_reset");
}

void mod_reset_check(void) {
    if (st.pending == MOD_RESET_NONE || st.restarting) return;
    /* the program stops where it is: no except/finally runs (vm.c) */
    py_abort_unwind = true;
    py_raise(py_exc_new_args(&py_type_SystemExit, 0, NULL));
}

/* ------------------------------------------------------------ restart */

static bool reset_seen(void *ctx) { return st.pending != MOD_RESET_NONE; }
static bool never(void *ctx) { return false; }

/* "1.5", "0.000250": seconds of virtual time for the notes. */
static void fmt_secs(bd_time_t ns, char *buf, size_t n) {
    snprintf(buf, n, "%llu.%09llu", (unsigned long long)(ns / 1000000000u), (unsigned long long)(ns % 1000000000u));
    char *e = buf + strlen(buf) - 1;
    while (*e == '0') *e-- = 0;
    if (*e == '.') *e = 0;
}

static void note(const char *fmt, const char *what, bd_time_t t) {
    char tb[40], line[200];
    fmt_secs(t, tb, sizeof tb);
    py_flush_stdout(); /* the script's output first, as on the console */
    int n = snprintf(line, sizeof line, fmt, what, tb);
    if (n > 0) py_write_stderr(line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

/* The pads back to the MCU's reset state; only those that left it. */
static void pads_reset(void) {
    bd_board_t *b = mod_board();
    const bd_mcu_t *mcu = b->def->mcu;
    for (int i = 0; i < b->npins; i++) {
        bool ext = bd_board_pin_def(b, i)->flags & BD_PINF_EXT;
        bd_pin_mode_t m = ext ? BD_MODE_INPUT : (bd_pin_mode_t)mcu->reset_mode;
        bd_pull_t pl = ext ? BD_PULL_NONE : (bd_pull_t)mcu->reset_pull;
        bd_pin_t *p = bd_board_pin(b, i);
        if (p->mode != m || p->pull != pl || p->out || p->alt != -1 || p->periph != -1 || p->drive)
            bd_pin_reset(p, m, pl);
    }
}

/* Forgets the program: modules loaded from files (and __main__) are run
 * again by the next import; native modules stay, their state is reset by
 * the hooks. */
static void forget_program(void) {
    py_val_t mods = py_sys_modules(), gone = py_list_new(0);
    size_t pos = 0;
    py_val_t k, v;
    py_val_t file = py_intern("__file__"), main = py_intern("__main__");
    while (py_dict_next(mods, &pos, &k, &v))
        if (k == main || !py_is_null(py_getattr_opt(v, file))) py_list_append(gone, k);
    py_list_t *l = py_as_list(gone);
    for (size_t i = 0; i < l->len; i++) py_dict_del(mods, l->items[i]);
    (void)py_sys_take_atexit();
}

/* The part of a restart that may raise (SystemExit when --until is reached
 * while the board idles). */
__attribute__((noinline)) static bool restart_body(void) {
    if (!mod_board_running()) return false;
    if (st.pending == MOD_RESET_NONE) {
        /* the script ended; a running watchdog resets the idle board */
        if (!mod_machine_wdt_armed() || mod_board_until() == BD_TIME_NEVER) return false;
        mod_board_wait_for(mod_board_until(), reset_seen, NULL);
        if (st.pending == MOD_RESET_NONE) return false;
    }
    mod_reset_kind_t kind = st.pending;
    bool hard = kind != MOD_RESET_SOFT;
    py_schedule_clear();
    py_hard_irq_clear();
    py_heap_unlock_all();
    mod_board_now();
    for (int i = 0; i < st.nhooks; i++) st.hooks[i](hard);
    if (hard) pads_reset();
    if (kind == MOD_RESET_DEEPSLEEP) {
        if (st.wake == BD_TIME_NEVER && mod_board_until() == BD_TIME_NEVER) {
            note("breadboard: %s at t=%s s: the board sleeps for ever; the run ends\n", kind_text(kind), st.when);
            return false;
        }
        note("breadboard: %s at t=%s s: the board sleeps, then wakes with a reset\n", kind_text(kind), st.when);
        mod_board_wait_for(st.wake, never, NULL); /* raises at --until */
        bd_trace_t *tr = mod_board_trace();
        if (tr) bd_trace_log(tr, mod_board()->sched.now, "board", "wake");
    } else if (kind == MOD_RESET_SOFT) {
        note("breadboard: %s at t=%s s: the interpreter restarts the script\n", kind_text(kind), st.when);
    } else {
        note("breadboard: %s at t=%s s: the board resets and the script restarts\n", kind_text(kind), st.when);
    }
    mod_board_wait_for(mod_board_now() + MOD_RESET_BOOT_NS, never, NULL);
    int p = port_id();
    switch (kind) {
    case MOD_RESET_WDT: st.cause = cause_values[p][C_WDT]; break;
    case MOD_RESET_HARD: st.cause = cause_values[p][p == PORT_RP2 ? C_WDT : p == PORT_ESP32 ? C_SOFT : C_HARD]; break;
    case MOD_RESET_DEEPSLEEP: st.cause = cause_values[p][C_DEEPSLEEP]; break;
    default:
        if (p == PORT_STM32) st.cause = cause_values[p][C_SOFT];
        break;
    }
    if (hard) st.boot = mod_board()->sched.now;
    forget_program();
    py_gc_enable(true);
    py_gc_collect();
    return true;
}

bool mod_reset_restart(void) {
    py_abort_unwind = false;
    st.restarting = true;
    volatile bool again = false;
    py_try_t t;
    if (py_try(&t)) {
        again = restart_body();
        py_try_end(&t);
    }
    /* an exception here is the --until deadline reached while idling */
    st.pending = MOD_RESET_NONE;
    st.restarting = false;
    py_abort_unwind = false;
    return again;
}

/* ------------------------------------------------------------ machine functions */

static py_val_t f_reset(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_now();
    mod_reset_request(MOD_RESET_HARD, 0);
    mod_reset_check();
    return PY_NONE;
}

static py_val_t f_soft_reset(int argc, const py_val_t *argv, py_val_t kw) {
    mod_board_now();
    mod_reset_request(MOD_RESET_SOFT, 0);
    mod_reset_check();
    return PY_NONE;
}

static py_val_t f_reset_cause(int argc, const py_val_t *argv, py_val_t kw) { return py_small(st.cause); }

/* deepsleep([time_ms]): esp32 and stm32 sleep, then wake with a reset
 * (DEEPSLEEP_RESET); rp2 is a lightsleep followed by machine.reset(). */
static py_val_t f_deepsleep(int argc, const py_val_t *argv, py_val_t kw) {
    bd_time_t now = mod_board_now();
    bool forever = argc == 0 || py_is_none(argv[0]);
    int64_t ms = forever ? 0 : py_to_i64(argv[0]);
    if (ms < 0) ms = 0;
    if (port_id() == PORT_RP2) {
        if (forever) {
            bd_time_t next = mod_board()->sched.next_due;
            mod_board_sleep_until(next == BD_TIME_NEVER ? BD_TIME_NEVER - 1 : next);
        } else if (ms > 0) {
            mod_board_sleep_until(now + (bd_time_t)ms * 1000000u);
        }
        return f_reset(0, NULL, PY_NULL);
    }
    mod_reset_request(MOD_RESET_DEEPSLEEP, forever ? BD_TIME_NEVER : now + (bd_time_t)ms * 1000000u);
    mod_reset_check();
    return PY_NONE;
}

static const py_method_def_t reset_defs[] = {
    {"reset", f_reset, 0, 0, 0},
    {"soft_reset", f_soft_reset, 0, 0, 0},
    {"reset_cause", f_reset_cause, 0, 0, 0},
    {"deepsleep", f_deepsleep, 0, 1, 0},
    PY_MF_END,
};

void mod_machine_reset_init(py_val_t m) {
    for (const py_method_def_t *d = reset_defs; d->name; d++) py_module_add(m, d->name, py_cfunc_new(d, PY_NULL));
    int p = port_id();
    for (int c = 0; c < NCAUSE; c++)
        if (cause_values[p][c] >= 0) py_module_add(m, cause_names[c], py_small(cause_values[p][c]));
    if (st.cause == 1 && st.boot == 0) st.cause = cause_values[p][C_PWRON];
}
