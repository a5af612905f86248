/* board_wokwi.h: Wokwi projects in a run: the --diagram, --scenario and
 * --wokwi options and the life cycle of the diagram and scenario they
 * load (src/board/bd_wokwi.h, bd_scenario.h; docs/wokwi.md).
 *
 * board_runtime.c owns the board and calls, in order:
 *   mod_wokwi_cli_arg     for each option (same contract as mod_board_cli_arg);
 *   mod_wokwi_prepare     before the board exists: loads the diagram, picks
 *                         the board, gives a scenario its default deadline;
 *   mod_wokwi_start       after the parts file: builds the diagram's parts,
 *                         loads and starts the scenario;
 *   mod_wokwi_output      whenever the console printed (wait-serial);
 *   mod_wokwi_finish      after the script: plays the scenario out, decides
 *                         and reports it, returns the exit status;
 *   mod_wokwi_free        before the part set and board are freed.
 * Errors are printed here (FILE:LINE:COL: message); false means the run
 * cannot start (the CLI exits 2).
 */
#ifndef MOD_BOARD_WOKWI_H
#define MOD_BOARD_WOKWI_H

#include <stdbool.h>
#include <stdio.h>

#include "board/bd_board.h"
#include "board/bd_part.h"
#include "board/bd_scenario.h"
#include "board/bd_stimulus.h"

/* A scenario's deadline when --until is not given: Wokwi CLI's default
 * --timeout (30000 ms of simulated time, docs.wokwi.com "Wokwi CLI Usage"). */
#define MOD_WOKWI_DEFAULT_TIMEOUT BD_S(30)

int mod_wokwi_cli_arg(int argc, char **argv, int *i, const char *prog);
void mod_wokwi_usage(FILE *f);
/* DIR/main.py when --wokwi DIR was given, else NULL: the script to run
 * when the command line names none. */
const char *mod_wokwi_default_script(void);

/* *def: the --board choice (NULL if none) in, the board to build out;
 * *until: --until in, a scenario's default deadline out. */
bool mod_wokwi_prepare(const bd_board_def_t **def, bd_time_t *until);
bool mod_wokwi_start(bd_board_t *b, bd_partset_t *ps, bd_stim_uart_fn uart, bd_stim_serial_fn serial,
                     bd_scn_done_fn done);
bool mod_wokwi_has_scenario(void);
bool mod_wokwi_running(void); /* a scenario is running */
void mod_wokwi_output(bd_time_t now);
/* script_done: the script ended by itself (not stopped by --until or a
 * decided run), so the rest of the scenario may still play out. */
int mod_wokwi_finish(bd_board_t *b, int status, bd_time_t until, bool script_done);
void mod_wokwi_free(void);

#endif
