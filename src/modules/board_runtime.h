/* board_runtime.h: the one simulated board of the process, and its clock as
 * the Python side sees it.
 *
 * The CLI passes its board options here (mod_board_cli_arg), then calls
 * mod_board_start after py_init and mod_board_finish before py_deinit.  The
 * bindings (mod_machine.c, mod_time.c, mod_sim.c) reach the board through
 * mod_board() and move time only through the functions below, so the CPU
 * time model, pacing against the wall clock and --until live in one place.
 *
 * Virtual time moves three ways:
 *   - CPU time: every VM poll (backward jump or call) costs a fixed number
 *     of CPU cycles of the board (MOD_BOARD_CYCLES_PER_POLL); the cost is
 *     charged lazily, at the tick hook and whenever a binding looks at the
 *     clock or the pins (mod_board_now), so observed times are exact;
 *   - waits: mod_board_sleep_until / mod_board_wait_for jump over idle time,
 *     running board events (and, for sleeps, soft IRQ handlers) on the way;
 *   - sim.advance, which is a sleep from the test's point of view.
 * The tick hook runs every MOD_BOARD_POLL_PERIOD polls, or sooner when a
 * board event falls due before that (the budget is cut to the event, also
 * when a binding schedules one: bd_sched's on_sooner), so pin IRQs raised by
 * events reach the VM at the first poll after their time.
 * Pacing (--speed): with a finite speed, waits take (virtual time / speed)
 * of wall time, and code that watches the clock (ticks_ms() in a busy loop)
 * is slowed to the same pace; plain computation is never slowed down.
 * --until T: the run ends cleanly when virtual time reaches T: SystemExit(0)
 * is raised from the wait or the tick hook, the CLI exits with status 0 and
 * mod_board_finish writes the VCD and trace files.
 * --parts / --stimulus are loaded in mod_board_start (errors: FILE:LINE on
 * stderr, start fails, the CLI exits 2); the stimulus's report, and the
 * --expect-text / --fail-text verdicts (the script's stdout is captured
 * through py_stdout_hook only when one of these is given), are decided in
 * mod_board_finish, which turns them into the exit status.
 */
#ifndef MOD_BOARD_RUNTIME_H
#define MOD_BOARD_RUNTIME_H

#include <stdbool.h>
#include <stdio.h>

#include "board/bd_board.h"
#include "py/runtime.h"

/* CPU cycles one VM poll costs (a few bytecodes of a MicroPython loop).
 * ASSUMPTION: 250 cycles, i.e. 2 us on a 125 MHz RP2040: a `while True:
 * pin.toggle()` loop then runs at ~125k iterations a second, the order of
 * magnitude MicroPython reaches on that chip. */
#define MOD_BOARD_CYCLES_PER_POLL 250
/* Polls between two runs of the tick hook. */
#define MOD_BOARD_POLL_PERIOD 256
/* The virtual RTC: time.time() at virtual time 0 is 2021-01-01 00:00:00 UTC,
 * the date the rp2 port sets its RTC to at boot. */
#define MOD_BOARD_RTC_EPOCH 1609459200

/* CLI: looks at argv[*i]; returns 1 if it was a board option (consumed,
 * *i moved past its value), 0 if not ours, 2 if the process should exit 0
 * (--board list or --pins printed), -1 on a bad value (message printed; exit 2). */
int mod_board_cli_arg(int argc, char **argv, int *i, const char *prog);
void mod_board_usage(FILE *f); /* the board options' lines of `-h` */
/* --pins: the pin table of a board (board_pins.c); -1 if it cannot be built. */
int mod_board_print_pins(FILE *f, const bd_board_def_t *def);

/* After py_init: builds the board, opens --vcd/--trace, installs the tick
 * hook, sets sys.platform.  false (message printed) on failure. */
bool mod_board_start(void);
/* Before py_deinit: flushes and closes the VCD and trace; returns status,
 * or 1 if an output file could not be written. */
int mod_board_finish(int status);

bd_board_t *mod_board(void);
/* The --until deadline (BD_TIME_NEVER without it), and whether the run may
 * go on: no deadline, text verdict or --until stop reached yet (a board
 * reset restarts the script only then; machine_reset.c). */
bd_time_t mod_board_until(void);
bool mod_board_running(void);
/* The --trace log, or NULL (models add their own lines to it). */
struct bd_trace;
struct bd_trace *mod_board_trace(void);
const bd_board_def_t *mod_board_def(void);
/* The parts of --parts (empty without it), for sim.part / sim.parts. */
#include "board/bd_part.h"
bd_partset_t *mod_board_parts(void);
/* Charges the CPU time run so far and returns the virtual time (ns).  May
 * raise SystemExit at --until. */
bd_time_t mod_board_now(void);
/* The script looked at the clock: pacing applies to the busy loop. */
void mod_board_clock_read(void);
/* Waits until virtual time t (a sleep): runs board events at their times and
 * soft IRQ handlers as they become pending; paced; raises at --until. */
void mod_board_sleep_until(bd_time_t t);
/* Waits, running board events one at a time, until cond(ctx) holds (checked
 * first and after every event) or virtual time reaches deadline; returns
 * whether cond held.  Handlers do not run (a busy wait in C). */
bool mod_board_wait_for(bd_time_t deadline, bool (*cond)(void *ctx), void *ctx);
/* The same wait as the port's idle loop (a stdin read, select.poll): soft
 * IRQ handlers run as they become pending, cond is checked after each of
 * them and after every board event.  cond may call Python code. */
bool mod_board_idle_for(bd_time_t deadline, bool (*cond)(void *ctx), void *ctx);
/* Raises the Python exception for a board status (not BD_OK). */
PY_NORETURN void mod_board_raise(bd_status_t st);

#endif
