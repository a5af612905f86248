/* bd_vcd.h: a VCD (IEEE 1364 value change dump) writer for the board's pads.
 *
 * Output opens in GTKWave, PulseView and Surfer: `$timescale 1ns`, one
 * `$scope module <board>` with a `$var wire 1 <id> <label> $end` per signal,
 * `$dumpvars` with the initial values at #0, then `#<ns>` and `0<id>`/`1<id>`
 * changes in time order.
 *
 * Only signals that change appear ("every pin used"): the body is streamed to
 * an anonymous temporary file while the run goes on, and bd_vcd_close writes
 * the header (now knowing which signals changed) followed by the body.  So
 * memory stays constant however long the run, and the file is complete only
 * after bd_vcd_close (call it on every exit path, including --until).
 *
 * Speed: changes are formatted by hand into a 256 KiB buffer; a change costs
 * a few dozen instructions, well above 5 million edges per wall second.
 *
 * Ownership: the writer copies signal names.  After bd_vcd_attach_board the
 * board must outlive the writer, or bd_vcd_close must come first (close
 * removes the writer's pin listeners).
 */
#ifndef BD_VCD_H
#define BD_VCD_H

#include <stdio.h>

#include "board/bd_board.h"
#include "board/bd_status.h"

typedef struct bd_vcd bd_vcd_t;

/* Create `path` (truncated) and a writer.  Errors: BD_ERR_IO, BD_ERR_NOMEM. */
bd_status_t bd_vcd_open(bd_vcd_t **out, const char *path, const char *scope);

/* Declare a 1-bit signal with its value at time 0; *sig is its handle. */
bd_status_t bd_vcd_signal(bd_vcd_t *v, const char *name, int initial, int *sig);

/* Record a change at time t (non-decreasing across calls; an earlier t is
 * written at the last time seen).  A value equal to the current one is
 * dropped. */
void bd_vcd_change(bd_vcd_t *v, int sig, bd_time_t t, int value);

/* Declare every pad of b (named by bd_board_pin_name) and follow its edges. */
bd_status_t bd_vcd_attach_board(bd_vcd_t *v, bd_board_t *b);

/* Write the file and free the writer (also on error).  The end time, if
 * later than the last change, is written as a final timestamp so viewers
 * show the whole run.  Errors: BD_ERR_IO. */
bd_status_t bd_vcd_close(bd_vcd_t *v, bd_time_t end_time);

/* Statistics: changes recorded so far. */
uint64_t bd_vcd_changes(const bd_vcd_t *v);

#endif
