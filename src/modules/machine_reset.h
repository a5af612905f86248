/* machine_reset.h: board resets (machine.reset, soft_reset, deepsleep, the
 * watchdog) and the restart of the script that follows them.
 *
 * A real board that resets stops the program wherever it is, without
 * running its except/finally blocks, and boots again: main.py runs from the
 * beginning with fresh globals, and machine.reset_cause() tells why.  Here:
 *   1. mod_reset_request() records the reset (it may be called from a board
 *      event: the watchdog's expiry; it never raises);
 *   2. the next time the board runtime looks at the clock it calls
 *      mod_reset_check(), which raises SystemExit with py_abort_unwind set,
 *      so the VM unwinds every frame without running handlers;
 *   3. the CLI, back at top level, calls mod_reset_restart(): it resets the
 *      board (pads to their reset state for a hard reset; IRQs, timers, PWM
 *      and the other machine state through the hooks), idles through a deep
 *      sleep, forgets the program (the queued callbacks, the modules loaded
 *      from files, __main__), and returns true: the CLI runs the script
 *      again.  It returns false when the run is over (--until, a text
 *      verdict), and then the run ends as before.
 * A script that ends by itself while a watchdog is running keeps the board
 * idling, as a real one sits at its REPL: with --until the watchdog then
 * resets it and the script runs again.
 */
#ifndef MOD_MACHINE_RESET_H
#define MOD_MACHINE_RESET_H

#include <stdbool.h>

#include "board/bd_sched.h"
#include "py/runtime.h"

typedef enum {
    MOD_RESET_NONE = 0,
    MOD_RESET_HARD,      /* machine.reset(): as the RESET button */
    MOD_RESET_SOFT,      /* machine.soft_reset(): the interpreter only */
    MOD_RESET_WDT,       /* the watchdog expired */
    MOD_RESET_DEEPSLEEP, /* machine.deepsleep(): a reset when it wakes */
} mod_reset_kind_t;

/* Records a reset (the first one wins); `wake` is when a deep sleep ends
 * (BD_TIME_NEVER: never), ignored otherwise.  Never raises. */
void mod_reset_request(mod_reset_kind_t kind, bd_time_t wake);
/* Raises the unwinding SystemExit when a reset is pending (board runtime). */
void mod_reset_check(void);
/* CLI, after the script returned: true when the board was reset and the
 * script must run again. */
bool mod_reset_restart(void);

/* Called at every reset, before the script restarts: hard is false for a
 * soft reset (the pads keep their state; the interpreter's objects go). */
typedef void (*mod_reset_hook_t)(bool hard);
void mod_reset_on_reset(mod_reset_hook_t fn);

/* Virtual time the running firmware booted at (0 at power-on): ticks_ms()
 * counts from it, as a real board's counters restart at a reset. */
bd_time_t mod_reset_boot_time(void);

/* machine.reset, soft_reset, reset_cause, deepsleep and the reset-cause
 * constants of the port (called from machine's init). */
void mod_machine_reset_init(py_val_t machine);

#endif
