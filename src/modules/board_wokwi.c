/* board_wokwi.c: the --diagram / --scenario / --wokwi options and the run's
 * diagram and scenario (board_wokwi.h).  Plain glue: the formats live in
 * src/board (bd_wokwi.c, bd_scenario.c); the board, the console and the
 * exit status in board_runtime.c, which calls in here.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "board/bd_text.h"
#include "board/bd_wokwi.h"
#include "modules/board_cli.h"
#include "modules/board_console.h"
#include "modules/board_wokwi.h"

static struct {
    const char *diagram_path, *scenario_path, *dir;
    char diagram_buf[4096], scenario_buf[4096], main_buf[4096];
    bd_wokwi_t *diagram;
    bd_scn_t *scn;
    bool default_until;
} W;

static bool exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && !S_ISDIR(st.st_mode);
}

int mod_wokwi_cli_arg(int argc, char **argv, int *i, const char *prog) {
    static const char *const names[] = {"--diagram", "--scenario", "--wokwi"};
    for (int k = 0; k < 3; k++) {
        if (!mod_cli_is_opt(argv[*i], names[k])) continue;
        const char *v = mod_cli_opt_value(argc, argv, i, names[k], prog);
        if (!v) return -1;
        if (!*v) {
            fprintf(stderr, "%s: %s needs a %s\n", prog, names[k], k == 2 ? "directory" : "file name");
            return -1;
        }
        if (k == 0) W.diagram_path = v;
        else if (k == 1) W.scenario_path = v;
        else {
            struct stat st;
            if (stat(v, &st) != 0 || !S_ISDIR(st.st_mode)) {
                fprintf(stderr, "%s: --wokwi needs a project directory; '%s' is not one\n", prog, v);
                return -1;
            }
            W.dir = v;
        }
        return 1;
    }
    return 0;
}

void mod_wokwi_usage(FILE *f) {
    fprintf(f, "--diagram FILE : wire the parts of a Wokwi diagram.json (docs/wokwi.md); its board\n"
               "    part picks the board unless --board is given\n"
               "--scenario FILE : run a Wokwi automation scenario (.yaml); status 1 if it fails\n"
               "--wokwi DIR : a Wokwi project: DIR/diagram.json, and DIR/main.py when no script\n"
               "    is named\n");
}

const char *mod_wokwi_default_script(void) {
    if (!W.dir) return NULL;
    snprintf(W.main_buf, sizeof W.main_buf, "%s/main.py", W.dir);
    return W.main_buf;
}

bool mod_wokwi_has_scenario(void) { return W.scenario_path != NULL; }
bool mod_wokwi_running(void) { return W.scn && bd_scn_state(W.scn) == BD_SCN_RUNNING; }

bool mod_wokwi_prepare(const bd_board_def_t **def, bd_time_t *until) {
    if (!W.diagram_path && W.dir) {
        snprintf(W.diagram_buf, sizeof W.diagram_buf, "%s/diagram.json", W.dir);
        W.diagram_path = W.diagram_buf;
    }
    /* as in Wokwi's CLI, a scenario path may be relative to the project */
    if (W.scenario_path && W.dir && !exists(W.scenario_path) && W.scenario_path[0] != '/') {
        snprintf(W.scenario_buf, sizeof W.scenario_buf, "%s/%s", W.dir, W.scenario_path);
        if (exists(W.scenario_buf)) W.scenario_path = W.scenario_buf;
    }
    if (W.diagram_path) {
        char err[1024];
        bd_status_t st = bd_wokwi_load(&W.diagram, W.diagram_path, err, sizeof err);
        const bd_board_def_t *chosen = NULL;
        if (st == BD_OK) st = bd_wokwi_pick_board(W.diagram, *def, &chosen, stderr, err, sizeof err);
        if (st != BD_OK) {
            fprintf(stderr, "%s%s\n", st == BD_ERR_IO ? "breadboard: " : "", err[0] ? err : bd_status_str(st));
            mod_wokwi_free();
            return false;
        }
        *def = chosen;
    }
    if (W.scenario_path && *until == BD_TIME_NEVER) {
        *until = MOD_WOKWI_DEFAULT_TIMEOUT;
        W.default_until = true;
    }
    return true;
}

bool mod_wokwi_start(bd_board_t *b, bd_partset_t *ps, bd_stim_uart_fn uart, bd_stim_serial_fn serial,
                     bd_scn_done_fn done) {
    char err[1024];
    err[0] = 0;
    if (W.diagram) {
        bd_status_t st = bd_wokwi_build(W.diagram, b, ps, stderr, err, sizeof err);
        if (st != BD_OK) {
            fprintf(stderr, "%s\n", err[0] ? err : bd_status_str(st));
            return false;
        }
    }
    if (W.scenario_path) {
        bd_status_t st = bd_scn_new(&W.scn, b, ps, W.diagram);
        if (st == BD_OK) {
            bd_scn_on_uart(W.scn, uart, NULL);
            bd_scn_on_serial(W.scn, serial, NULL);
            bd_scn_on_done(W.scn, done, NULL);
            st = bd_scn_load(W.scn, W.scenario_path, err, sizeof err);
        }
        if (st == BD_OK) st = bd_scn_start(W.scn, err, sizeof err);
        if (st != BD_OK) {
            fprintf(stderr, "%s%s\n", st == BD_ERR_IO ? "breadboard: " : "", err[0] ? err : bd_status_str(st));
            return false;
        }
    }
    if (W.scn) mod_console_add_source(mod_wokwi_running); /* write-serial feeds input() */
    return true;
}

void mod_wokwi_output(bd_time_t now) {
    if (W.scn) bd_scn_serial_changed(W.scn, now);
}

int mod_wokwi_finish(bd_board_t *b, int status, bd_time_t until, bool script_done) {
    if (!W.scn || bd_scn_state(W.scn) == BD_SCN_IDLE) return status; /* it never started: already reported */
    bd_sched_t *s = &b->sched;
    if (script_done) {
        /* the rest plays out on the board as the script left it; a
         * wait-serial can no longer be met (nothing prints any more) */
        while (mod_wokwi_running() && !bd_scn_waiting_serial(W.scn)) {
            bd_time_t next = bd_sched_next_time(s);
            if (next == BD_TIME_NEVER || next > until) break;
            bd_sched_run_one(s);
        }
    }
    if (mod_wokwi_running()) {
        char why[200], at[40];
        bd_text_fmt_time(bd_sched_now(s), at, sizeof at);
        if (script_done && bd_scn_waiting_serial(W.scn))
            snprintf(why, sizeof why, "the script ended at %s without printing it", at);
        else if (W.default_until && bd_sched_now(s) >= until)
            snprintf(why, sizeof why, "the run ended at %s (the default timeout; set another with --until)", at);
        else
            snprintf(why, sizeof why, "the run ended at %s", at);
        bd_scn_finish(W.scn, why);
    }
    fflush(stdout);
    if (bd_scn_report(W.scn, stderr)) status = status ? status : 1;
    return status;
}

void mod_wokwi_free(void) {
    bd_scn_free(W.scn);
    W.scn = NULL;
    bd_wokwi_free(W.diagram);
    W.diagram = NULL;
}
