/* bd_scenario.h: automation scenarios (`--scenario FILE`): Wokwi CI's
 * YAML format, run as a sequence of steps on the board's scheduler.
 * docs/wokwi.md has the details; in short:
 *
 *     name: 'Button test'
 *     version: 1
 *     steps:
 *       - wait-serial: 'ready'              # until the console prints it
 *       - set-control: {part-id: btn1, control: pressed, value: 1}
 *       - delay: 100ms                      # scenario time moves on
 *       - expect-pin: {part-id: led1, pin: A, value: 1}
 *       - write-serial: "on\n"              # bytes typed on the console
 *
 * Steps run one after the other, unlike the stimulus file's timed lines:
 * a `delay` moves the scenario's time, a `wait-serial` holds it until the
 * text appears in the console output (after the previous match), the
 * others act at once.  `set-control` writes a part attribute (Wokwi's
 * controls pressed, position, distance... have our attributes' names);
 * `expect-pin` reads the level of a diagram pin, through the diagram's
 * nets to a board pad (or a GND/VCC rail).  Without a diagram, part-id is a
 * part name of the parts file and pin one of its roles.
 *
 * The scenario passes when its last step is done and fails at the first
 * expect-pin that does not hold (or a set-control the part refuses); the
 * host hears both through the done callback and ends the run.  A run that
 * ends first (--until, the script ended during a wait-serial) makes
 * bd_scn_finish fail it.  Console I/O goes through the stimulus file's
 * callback types: `uart` receives write-serial bytes (unit -1, the
 * console), `serial` returns everything printed so far; the host calls
 * bd_scn_serial_changed when the console printed something.
 *
 * Errors in the file: BD_ERR_INVAL with "FILE:LINE:COL: message" (unknown
 * step, part id, control or pin; bad value or time), BD_ERR_IO, BD_ERR_NOMEM.
 *
 * Ownership: the scenario borrows the board, the part set and the diagram
 * (all must outlive it); bd_scn_free cancels its event.
 */
#ifndef BD_SCENARIO_H
#define BD_SCENARIO_H

#include <stdbool.h>
#include <stdio.h>

#include "board/bd_board.h"
#include "board/bd_part.h"
#include "board/bd_stimulus.h"
#include "board/bd_wokwi.h"

typedef struct bd_scn bd_scn_t;

typedef enum { BD_SCN_IDLE = 0, BD_SCN_RUNNING, BD_SCN_PASSED, BD_SCN_FAILED } bd_scn_state_t;

/* The scenario passed or failed at `now` (called from a scheduler event). */
typedef void (*bd_scn_done_fn)(void *ctx, bd_scn_state_t state, bd_time_t now);

bd_status_t bd_scn_new(bd_scn_t **out, bd_board_t *b, bd_partset_t *ps, const bd_wokwi_t *diagram /* may be NULL */);
void bd_scn_free(bd_scn_t *s);

void bd_scn_on_uart(bd_scn_t *s, bd_stim_uart_fn fn, void *ctx);
void bd_scn_on_serial(bd_scn_t *s, bd_stim_serial_fn fn, void *ctx);
void bd_scn_on_done(bd_scn_t *s, bd_scn_done_fn fn, void *ctx);

bd_status_t bd_scn_load(bd_scn_t *s, const char *path, char *err, size_t errlen);
bd_status_t bd_scn_parse(bd_scn_t *s, const char *fname, const char *text, size_t len, char *err, size_t errlen);

/* Run the first step now.  BD_ERR_UNSUPPORTED (message in err) when a step
 * needs a console callback that is not registered; BD_ERR_BUSY if started. */
bd_status_t bd_scn_start(bd_scn_t *s, char *err, size_t errlen);

/* The console printed something (at virtual time `now`). */
void bd_scn_serial_changed(bd_scn_t *s, bd_time_t now);

bd_scn_state_t bd_scn_state(const bd_scn_t *s);
/* Running and held by a wait-serial. */
bool bd_scn_waiting_serial(const bd_scn_t *s);
const char *bd_scn_name(const bd_scn_t *s);
size_t bd_scn_step_count(const bd_scn_t *s);

/* The run is over before the scenario: a running scenario fails, `why`
 * saying how the run ended ("the run ended at 30s"). */
void bd_scn_finish(bd_scn_t *s, const char *why);
/* The failure (FILE:LINE: ...) if any, and one summary line.  Returns 1 if
 * the scenario failed, else 0. */
int bd_scn_report(const bd_scn_t *s, FILE *f);

#endif
