/* board_console.h: the board's console input (what input(), sys.stdin and
 * select on sys.stdin read) and the host side of `uart` parts in terminal
 * mode (the process's stdin and stdout).
 *
 * Console input is, in order: the stimulus's `serial` bytes, each arriving
 * at its line's virtual time (a read waits for them on the virtual clock,
 * soft IRQ handlers running meanwhile, as a port's stdin read does, up to
 * the stimulus's last line); then the process's real stdin, unless a uart
 * part in terminal mode has taken it (then the console's input has ended).
 * Without a stimulus and without uart parts nothing is hooked: stdin reads
 * work on the process's stdin directly.
 *
 * stdin goes to terminal-mode uart parts only when it carries neither the
 * program nor the REPL (mod_console_stdin_busy): a script run from a file,
 * -c or -m.  Piped or redirected stdin is read as it comes (the board waits
 * for it, so its bytes land at the same virtual times whatever the pipe's
 * timing); a terminal is polled without blocking.  What such a part
 * receives is written to stdout, after the script's own pending output.
 */
#ifndef MOD_BOARD_CONSOLE_H
#define MOD_BOARD_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board/bd_part.h"

struct bd_stim;

/* After --parts and --stimulus are loaded (stim may be NULL): connects the
 * uart parts' terminals, installs the console hook when needed. */
void mod_console_start(struct bd_stim *stim, bd_partset_t *parts);
/* Before the parts are freed: disconnects, frees the buffered input. */
void mod_console_finish(void);
/* The stimulus's `serial` bytes, arriving now (called from a board event). */
void mod_console_feed(const uint8_t *data, size_t len);
/* Is a console byte readable now?  1 yes; 0 no (*until: the time up to
 * which the answer holds without a board event, BD_TIME_NEVER if none);
 * -1: the process's stdin decides (poll fd 0). */
int mod_console_ready(bd_time_t *until);
/* The CLI: stdin carries the REPL or the program (a piped script, -i). */
void mod_console_stdin_busy(void);
/* Another source of console bytes (a running --scenario's write-serial):
 * while more() holds, a read with nothing buffered waits for its bytes on
 * the virtual clock (up to --until) instead of reading the real stdin.
 * Call before mod_console_start. */
void mod_console_add_source(bool (*more)(void));

#endif
