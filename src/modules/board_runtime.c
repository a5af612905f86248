/* board_runtime.c: the process's simulated board, its CPU time model, pacing
 * against the wall clock, --until, and the --vcd/--trace outputs.
 *
 * Invariants:
 *   - exactly one board exists from mod_board_start to mod_board_finish; it
 *     is the default board unless --board named another;
 *   - CPU time owed is (MOD_BOARD_POLL_PERIOD - py_tick_budget) polls; every
 *     function that reads or moves the clock charges it first (charge()), so
 *     the clock a binding sees includes all the bytecode run before it;
 *   - the wall clock is read only for pacing; nothing observable by the
 *     script or in the outputs depends on it, so --speed max and --speed 1
 *     produce the same trace;
 *   - once --until is reached the clock never moves past it: every later
 *     charge or wait raises SystemExit(0) again.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/types.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "board/bd_part.h"
#include "board/bd_parts_file.h"
#include "board/bd_stimulus.h"
#include "board/bd_trace.h"
#include "board/bd_vcd.h"
#include "modules/board_cli.h"
#include "modules/board_console.h"
#include "modules/board_runtime.h"
#include "modules/board_wokwi.h"
#include "modules/machine_ext.h"
#include "modules/machine_reset.h"
#include "py/sysio.h"

static struct {
    const bd_board_def_t *def;
    bd_board_t board;
    bool started;
    double speed; /* <= 0: as fast as possible */
    bd_time_t until;
    const char *vcd_path, *trace_path;
    bd_vcd_t *vcd;
    bd_trace_t *trace;
    bool clock_watched; /* the script read the clock since the last tick */
    uint64_t wall0;     /* pacing anchor: wall ns at virtual virt0 */
    bd_time_t virt0;
    int until_raised; /* times SystemExit was raised for --until */
    /* --parts, --stimulus, --expect-text, --fail-text */
    const char *parts_path, *stim_path, *expect_text, *fail_text;
    bd_partset_t parts;
    bd_stim_t *stim;
    char *out;           /* everything the script printed (captured only when needed) */
    size_t out_len, out_cap;
    bool out_lost;       /* the capture ran out of memory */
    int text_stop;       /* 1: the fail text was seen, 2: the expect text was seen,
                            3/4: the --scenario passed/failed */
    bd_time_t text_time; /* when */
    int text_raised;
    int32_t budget; /* py_tick_budget as last refilled (see refill) */
} rt = {.speed = 1.0, .until = BD_TIME_NEVER, .budget = MOD_BOARD_POLL_PERIOD};

static uint64_t wall_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ------------------------------------------------------------ options */

/* "5s", "250ms", "100us", "20ns", "1.5s"; a bare number is seconds. */
static bool parse_time(const char *s, bd_time_t *out) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno || !(v >= 0)) return false;
    double scale = 1e9;
    if (!strcmp(end, "s") || !*end) scale = 1e9;
    else if (!strcmp(end, "ms")) scale = 1e6;
    else if (!strcmp(end, "us")) scale = 1e3;
    else if (!strcmp(end, "ns")) scale = 1;
    else if (!strcmp(end, "m") || !strcmp(end, "min")) scale = 60e9;
    else return false;
    double ns = v * scale;
    if (ns >= 1.8e19) return false;
    *out = (bd_time_t)(ns + 0.5);
    return true;
}

static void list_boards(void) {
    const bd_board_def_t *dflt = bd_board_def_default();
    for (size_t k = 0; k < bd_board_def_count(); k++) {
        const bd_board_def_t *d = bd_board_def_at(k);
        printf("%-12s %-30s sys.platform=%s%s\n", d->name, d->description, d->platform,
               d == dflt ? " (default)" : "");
    }
}

/* --board NAME: rt.def, or false with a message. */
static bool set_board(const char *v, const char *prog) {
    if (!(rt.def = bd_board_def_find(v))) {
        fprintf(stderr, "%s: unknown board '%s' (--board list shows the boards)\n", prog, v);
        return false;
    }
    return true;
}

int mod_board_cli_arg(int argc, char **argv, int *i, const char *prog) {
    /* the options that only name a file */
    static const struct {
        const char *name;
        const char **path;
    } files[] = {
        {"--vcd", &rt.vcd_path},
        {"--parts", &rt.parts_path},
        {"--stimulus", &rt.stim_path},
        {"--trace", &rt.trace_path},
    };
    const char *a = argv[*i], *v;
    int wk = mod_wokwi_cli_arg(argc, argv, i, prog); /* --diagram, --scenario, --wokwi */
    if (wk) return wk;
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++)
        if (mod_cli_is_opt(a, files[k].name)) {
            if (!(v = mod_cli_opt_value(argc, argv, i, files[k].name, prog))) return -1;
            *files[k].path = v;
            return 1;
        }
    if (mod_cli_is_opt(a, "--board")) {
        if (!(v = mod_cli_opt_value(argc, argv, i, "--board", prog))) return -1;
        if (!strcmp(v, "list")) {
            list_boards();
            return 2;
        }
        return set_board(v, prog) ? 1 : -1;
    }
    if (!strcmp(a, "--pins")) { /* the pins of the board (board_pins.c) */
        /* a --board after --pins counts too, so the order does not matter */
        for (int j = *i + 1; j < argc && argv[j][0] == '-'; j++)
            if (mod_cli_is_opt(argv[j], "--board")) {
                int k = j;
                if (!(v = mod_cli_opt_value(argc, argv, &k, "--board", prog)) || !set_board(v, prog))
                    return -1;
                break;
            }
        if (mod_board_print_pins(stdout, rt.def ? rt.def : bd_board_def_default()) < 0) {
            fprintf(stderr, "%s: cannot build the board's pin table\n", prog);
            return -1;
        }
        return 2;
    }
    if (mod_cli_is_opt(a, "--speed")) {
        if (!(v = mod_cli_opt_value(argc, argv, i, "--speed", prog))) return -1;
        if (!strcmp(v, "max")) {
            rt.speed = 0;
            return 1;
        }
        char *end;
        double s = strtod(v, &end);
        if (end == v || *end || !(s > 0) || s > 1e9) {
            fprintf(stderr, "%s: invalid --speed '%s' (a positive factor, or max)\n", prog, v);
            return -1;
        }
        rt.speed = s;
        return 1;
    }
    if (mod_cli_is_opt(a, "--until")) {
        if (!(v = mod_cli_opt_value(argc, argv, i, "--until", prog))) return -1;
        if (!parse_time(v, &rt.until)) {
            fprintf(stderr, "%s: invalid --until '%s' (e.g. 5s, 250ms, 100us)\n", prog, v);
            return -1;
        }
        return 1;
    }
    if (mod_cli_is_opt(a, "--expect-text") || mod_cli_is_opt(a, "--fail-text")) {
        bool fail = a[2] == 'f';
        const char *name = fail ? "--fail-text" : "--expect-text";
        if (!(v = mod_cli_opt_value(argc, argv, i, name, prog))) return -1;
        if (!*v) {
            fprintf(stderr, "%s: %s needs a non-empty text\n", prog, name);
            return -1;
        }
        if (fail) rt.fail_text = v;
        else rt.expect_text = v;
        return 1;
    }
    if (mod_cli_is_opt(a, "--rtc")) {
        if (!(v = mod_cli_opt_value(argc, argv, i, "--rtc", prog))) return -1;
        if (!mod_rtc_set_start(v)) {
            fprintf(stderr, "%s: invalid --rtc '%s' (e.g. 2024-01-31T12:00:00)\n", prog, v);
            return -1;
        }
        return 1;
    }
    return 0;
}

void mod_board_usage(FILE *f) {
    fprintf(f, "\n"
               "Board options (the script runs on a simulated board):\n"
               "--board NAME : the board to simulate (default %s); --board list shows them\n"
               "--pins : print the pins of the --board (docs/pins.md) and exit\n"
               "--speed 1|max|FACTOR : pacing of virtual time against the wall clock\n"
               "    (default 1: sleeps take real time; max: no waiting, same results)\n"
               "--until TIME : end the run cleanly (status 0) at virtual TIME: 5s, 250ms, 100us\n"
               "--vcd FILE : write a VCD waveform of every pin that changed\n"
               "--trace FILE : write the event log, one line per pin event ('-': stdout)\n"
               "--parts FILE : wire the parts of FILE to the pins first (docs/parts.md)\n"
               "--stimulus FILE : timed inputs and checks (docs/stimulus.md); status 1 and\n"
               "    a report on stderr if a check failed\n"
               "--expect-text STR : end the run (status 0) as soon as STR is printed; status 1\n"
               "    if the run ends without it\n"
               "--fail-text STR : end the run with status 1 as soon as STR is printed\n"
               "--rtc YYYY-MM-DDTHH:MM:SS : the date machine.RTC and time.time() start at\n",
            bd_board_def_default()->name);
    mod_wokwi_usage(f);
}

/* ------------------------------------------------------------ time */

/* "1.5", "0.000250", "2": seconds, trailing zeros trimmed. */
static const char *fmt_secs(bd_time_t ns, char *buf, size_t n) {
    snprintf(buf, n, "%llu.%09llu", (unsigned long long)(ns / 1000000000u), (unsigned long long)(ns % 1000000000u));
    char *e = buf + strlen(buf) - 1;
    while (*e == '0') *e-- = 0;
    if (*e == '.') *e = 0;
    return buf;
}

/* --expect-text / --fail-text decided the run: SystemExit(0 or 1), again at
 * every later charge until the script lets it through. */
static void text_exit(void) {
    rt.text_raised++;
    int code = rt.text_stop == 1 || rt.text_stop == 4 ? 1 : 0;
    if (rt.text_raised > 16) {
        fprintf(stderr, "breadboard: the script ignored SystemExit; stopping\n");
        exit(mod_board_finish(code));
    }
    py_val_t v = py_small(code);
    py_raise(py_exc_new_args(&py_type_SystemExit, 1, &v));
}

static void until_exit(void) {
    rt.until_raised++;
    if (rt.until_raised > 16) {
        /* the script keeps swallowing SystemExit: end it anyway */
        fprintf(stderr, "breadboard: --until reached and the script ignored SystemExit; stopping\n");
        exit(mod_board_finish(0));
    }
    py_val_t zero = py_small(0);
    py_raise(py_exc_new_args(&py_type_SystemExit, 1, &zero));
}

/* Refills the poll budget: a full period, or fewer polls when a board event
 * falls due sooner, so the tick hook runs (and the event, and the IRQ it
 * raises) at the first poll at or after the event's time instead of up to
 * a period later. */
static int32_t budget_for(bd_time_t due) {
    bd_sched_t *s = &rt.board.sched;
    int32_t b = MOD_BOARD_POLL_PERIOD;
    if (due != BD_TIME_NEVER && s->cpu_hz) {
        double poll_ns = (double)MOD_BOARD_CYCLES_PER_POLL * 1e9 / (double)s->cpu_hz;
        double polls = due > s->now ? ceil((double)(due - s->now) / poll_ns) : 1;
        /* the hook runs on the (budget + 1)th poll */
        if (polls - 1 < b) b = polls < 1 ? 0 : (int32_t)polls - 1;
    }
    return b;
}

static void refill(void) { rt.budget = py_tick_budget = budget_for(rt.board.sched.next_due); }

/* bd_sched's on_sooner: a binding scheduled an event before the hook's next
 * run (sim.drive with a delay, a timer started): bring the hook forward,
 * keeping the count of polls already run (rt.budget - py_tick_budget). */
static void on_sooner(void *ctx, bd_time_t due) {
    if (py_tick_hook == NULL || rt.budget < py_tick_budget) return;
    int32_t used = rt.budget - py_tick_budget, b = budget_for(due);
    if (b < used) b = used;
    if (b < rt.budget) {
        rt.budget = b;
        py_tick_budget = b - used;
    }
}

/* Charges the polls run since the last charge as CPU time. */
static void charge(void) {
    if (rt.text_stop) text_exit();
    int64_t used = (int64_t)rt.budget - py_tick_budget;
    bd_sched_t *s = &rt.board.sched;
    if (used > 0) {
        uint64_t cycles = (uint64_t)used * MOD_BOARD_CYCLES_PER_POLL;
        if (rt.until != BD_TIME_NEVER) {
            /* do not run past the deadline: stop the clock there */
            bd_time_t dt = (bd_time_t)((double)cycles * 1e9 / (double)rt.def->cpu_hz);
            if (s->now + dt >= rt.until) {
                bd_sched_run_until(s, rt.until, NULL);
                refill();
                mod_reset_check();
                until_exit();
            }
        }
        bd_sched_advance_cycles(s, cycles);
    }
    refill();
    mod_reset_check();
    if (s->now >= rt.until) until_exit();
}

/* Sleeps on the wall clock until virtual time v is due; returns early on a
 * signal (py_pending). */
static void pace(bd_time_t v) {
    if (rt.speed <= 0) return;
    uint64_t target = rt.wall0 + (uint64_t)((double)(v - rt.virt0) / rt.speed);
    uint64_t now = wall_ns();
    if (now > target) {
        /* behind (the host is slower than the board): catch up, but do not
         * race through a long backlog later */
        if (now - target > 100000000u) rt.wall0 = now, rt.virt0 = v;
        return;
    }
    uint64_t left = target - now;
    struct timespec ts = {(time_t)(left / 1000000000u), (long)(left % 1000000000u)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR && !py_pending) {
    }
}

/* Before a wait: if computation put the virtual clock ahead of the wall
 * clock, forgive it (computation is not slowed), so the wait itself takes
 * its own length of wall time. */
static void pace_rebase(void) {
    if (rt.speed <= 0) return;
    bd_time_t v = rt.board.sched.now;
    uint64_t target = rt.wall0 + (uint64_t)((double)(v - rt.virt0) / rt.speed);
    uint64_t now = wall_ns();
    if (target > now) rt.wall0 = now, rt.virt0 = v;
}

/* The start of every wait (sleep, wait_for, idle_for): the CPU time run so
 * far is charged, pacing restarts, and the wait is cut at --until.  true:
 * it reaches --until, so the run ends when the wait is over. */
static bool wait_begin(bd_time_t *end) {
    charge();
    pace_rebase();
    bool hit = *end >= rt.until;
    if (hit) *end = rt.until;
    return hit;
}

static void tick_hook(void) {
    charge();
    if (rt.clock_watched) {
        rt.clock_watched = false;
        pace(rt.board.sched.now);
    }
}

bd_board_t *mod_board(void) { return &rt.board; }
bd_time_t mod_board_until(void) { return rt.until; }
bool mod_board_running(void) { return !rt.text_stop && !rt.until_raised && rt.board.sched.now < rt.until; }
bd_trace_t *mod_board_trace(void) { return rt.trace; }
const bd_board_def_t *mod_board_def(void) { return rt.def; }
bd_partset_t *mod_board_parts(void) { return &rt.parts; }

bd_time_t mod_board_now(void) {
    charge();
    return rt.board.sched.now;
}

void mod_board_clock_read(void) { rt.clock_watched = true; }

void mod_board_sleep_until(bd_time_t t) {
    bool hit = wait_begin(&t);
    bd_sched_t *s = &rt.board.sched;
    while (s->now < t) {
        bd_time_t next = s->next_due < t ? s->next_due : t;
        if (next < s->now) next = s->now;
        pace(next);
        if (py_pending) {
            /* Ctrl-C raises; soft IRQ handlers run (and may take time) */
            py_handle_pending();
            charge();
            continue;
        }
        bd_sched_run_until(s, next, NULL);
        mod_reset_check();
        if (rt.text_stop) charge(); /* a scenario ended the run during the sleep */
        if (py_pending) {
            py_handle_pending();
            charge();
        }
    }
    refill();
    if (hit) until_exit();
}

bool mod_board_wait_for(bd_time_t deadline, bool (*cond)(void *ctx), void *ctx) {
    bool hit = wait_begin(&deadline);
    bd_sched_t *s = &rt.board.sched;
    for (;;) {
        if (cond(ctx)) {
            refill();
            return true;
        }
        if (s->now >= deadline) break;
        if (s->next_due <= deadline) {
            pace(s->next_due);
            bd_sched_run_one(s);
        } else {
            pace(deadline);
            bd_sched_run_until(s, deadline, NULL);
        }
        mod_reset_check();
        if (rt.text_stop) charge(); /* a scenario ended the run during the wait */
        if (py_sigint) py_handle_pending();
    }
    refill();
    if (hit) until_exit();
    return false;
}

bool mod_board_idle_for(bd_time_t deadline, bool (*cond)(void *ctx), void *ctx) {
    bool hit = wait_begin(&deadline);
    bd_sched_t *s = &rt.board.sched;
    for (;;) {
        if (py_pending) {
            /* soft IRQ handlers run while the port idles; Ctrl-C raises */
            py_handle_pending();
            charge();
            continue;
        }
        if (cond(ctx)) {
            refill();
            return true;
        }
        if (s->now >= deadline) break;
        bd_time_t next = s->next_due < deadline ? s->next_due : deadline;
        pace(next);
        if (py_pending) continue;
        if (s->next_due <= next) bd_sched_run_one(s);
        else bd_sched_run_until(s, next, NULL);
        mod_reset_check();
        if (rt.text_stop) charge(); /* a scenario ended the run during the wait */
    }
    refill();
    if (hit) until_exit();
    return false;
}

PY_NORETURN void mod_board_raise(bd_status_t st) {
    switch (st) {
    case BD_ERR_NOMEM: py_raise_no_memory();
    case BD_ERR_INVAL:
    case BD_ERR_NOTFOUND:
    case BD_ERR_UNSUPPORTED: py_raise_msg(&py_type_ValueError, "%s", bd_status_str(st));
    default: py_raise_msg(&py_type_OSError, "board: %s", bd_status_str(st));
    }
}

/* ------------------------------------------------------------ life cycle */

/* ------------------------------------------------------------ output capture, stimulus I/O */

/* The virtual time of a write: the clock plus the CPU time not yet charged
 * (charging here could raise for --until before the text is looked at). */
static bd_time_t time_now_uncharged(void) {
    int64_t used = (int64_t)rt.budget - py_tick_budget;
    bd_time_t t = rt.board.sched.now;
    if (used > 0 && used < INT32_MAX / 2)
        t += (bd_time_t)((double)used * MOD_BOARD_CYCLES_PER_POLL * 1e9 / (double)rt.def->cpu_hz);
    return t;
}

static bool text_in(const char *text, size_t from) {
    size_t L = strlen(text);
    if (rt.out_len < L) return false;
    size_t start = from >= L - 1 ? from - (L - 1) : 0;
    return memmem(rt.out + start, rt.out_len - start, text, L) != NULL;
}

static void stdout_hook(const char *s, size_t n) {
    size_t old = rt.out_len;
    if (rt.out_len + n > rt.out_cap) {
        size_t cap = rt.out_cap ? rt.out_cap : 4096;
        while (cap < rt.out_len + n) cap *= 2;
        char *p = realloc(rt.out, cap);
        if (!p) {
            rt.out_lost = true;
            return;
        }
        rt.out = p, rt.out_cap = cap;
    }
    memcpy(rt.out + rt.out_len, s, n);
    rt.out_len += n;
    if (rt.started) mod_wokwi_output(time_now_uncharged()); /* a scenario's wait-serial */
    if (rt.text_stop || !rt.started) return;
    if (rt.fail_text && text_in(rt.fail_text, old)) rt.text_stop = 1;
    else if (rt.expect_text && text_in(rt.expect_text, old)) rt.text_stop = 2;
    if (rt.text_stop) {
        rt.text_time = time_now_uncharged();
        text_exit();
    }
}

static void stim_uart(void *ctx, int unit, const uint8_t *data, size_t len, bd_time_t now) {
    if (unit >= 0) {
        if (!mod_machine_uart_inject(unit, data, len))
            fprintf(stderr, "breadboard: stimulus: no UART %d on %s; bytes dropped\n", unit, rt.def->name);
        return;
    }
    mod_console_feed(data, len);
}

static size_t stim_serial(void *ctx, int unit, const char **data) {
    if (unit >= 0) return mod_machine_uart_sent(unit, data);
    *data = rt.out ? rt.out : "";
    return rt.out_len;
}

/* The --scenario passed or failed (a board event): end the run as the
 * text options do, SystemExit(0 or 1) at the script's next charge. */
static void scn_done(void *ctx, bd_scn_state_t state, bd_time_t now) {
    if (rt.text_stop) return;
    rt.text_stop = state == BD_SCN_PASSED ? 3 : 4;
    rt.text_time = now;
}

static bool load_inputs(void) {
    char err[512];
    err[0] = 0;
    if (rt.parts_path) {
        bd_status_t st = bd_parts_file_load(&rt.parts, &rt.board, rt.parts_path, err, sizeof err);
        if (st != BD_OK) {
            if (err[0]) fprintf(stderr, "%s\n", err);
            else fprintf(stderr, "breadboard: cannot load parts file '%s': %s\n", rt.parts_path, bd_status_str(st));
            return false;
        }
    }
    /* a --diagram's parts, before the stimulus so it can name them */
    if (!mod_wokwi_start(&rt.board, &rt.parts, stim_uart, stim_serial, scn_done)) return false;
    if (rt.stim_path) {
        bd_status_t st = bd_stim_new(&rt.stim, &rt.board, &rt.parts);
        if (st == BD_OK) {
            bd_stim_on_uart(rt.stim, stim_uart, NULL);
            bd_stim_on_serial(rt.stim, stim_serial, NULL);
            st = bd_stim_load(rt.stim, rt.stim_path, err, sizeof err);
            if (st == BD_OK) st = bd_stim_start(rt.stim, err, sizeof err);
        }
        if (st != BD_OK) {
            if (err[0]) fprintf(stderr, "%s\n", err);
            else fprintf(stderr, "breadboard: cannot load stimulus file '%s': %s\n", rt.stim_path, bd_status_str(st));
            return false;
        }
    }
    mod_console_start(rt.stim, &rt.parts); /* serial bytes, uart terminals */
    if (rt.stim || rt.expect_text || rt.fail_text || mod_wokwi_has_scenario()) py_stdout_hook = stdout_hook;
    return true;
}

/* The port's identity (sys.platform, sys.implementation._machine and
 * _build, os.uname()): the language keeps it, the board table says it. */
__attribute__((noinline)) static void set_platform(void) {
    py_port_id_t id = {rt.def->platform, rt.def->machine, rt.def->fw_board};
    py_sys_set_port(&id);
}


/* `--trace -`: the trace shares the program's stdout buffer (py_write_stdout_raw),
 * so its lines and the script's prints come out in the order they happened
 * instead of two buffers flushing over each other; line-buffered so each line
 * joins the buffer when written.  Not seen by --expect-text and friends. */
static ssize_t trace_stdout_write(void *cookie, const char *s, size_t n) {
    (void)cookie;
    py_write_stdout_raw(s, n);
    return (ssize_t)n;
}

static FILE *trace_stdout(void) {
    static FILE *f;
    if (!f) {
        cookie_io_functions_t io = {.write = trace_stdout_write};
        f = fopencookie(NULL, "w", io);
        if (!f) return stdout;
        setvbuf(f, NULL, _IOLBF, 0);
    }
    return f;
}

bool mod_board_start(void) {
    if (!mod_wokwi_prepare(&rt.def, &rt.until)) return false; /* a --diagram may pick the board */
    if (!rt.def) rt.def = bd_board_def_default();
    bd_status_t st = bd_board_init(&rt.board, rt.def);
    if (st != BD_OK) {
        fprintf(stderr, "breadboard: cannot create board %s: %s\n", rt.def->name, bd_status_str(st));
        return false;
    }
    rt.started = true;
    bd_partset_init(&rt.parts);
    bd_sched_set_cpu_hz(&rt.board.sched, rt.def->cpu_hz);
    if (rt.vcd_path) {
        st = bd_vcd_open(&rt.vcd, rt.vcd_path, rt.def->name);
        if (st == BD_OK) st = bd_vcd_attach_board(rt.vcd, &rt.board);
        if (st != BD_OK) {
            fprintf(stderr, "breadboard: cannot write VCD file '%s': %s\n", rt.vcd_path,
                    st == BD_ERR_IO ? strerror(errno) : bd_status_str(st));
            return false;
        }
    }
    if (rt.trace_path) {
        st = strcmp(rt.trace_path, "-") ? bd_trace_open(&rt.trace, rt.trace_path)
                                        : bd_trace_open_stream(&rt.trace, trace_stdout());
        if (st == BD_OK) st = bd_trace_attach_board(rt.trace, &rt.board);
        if (st != BD_OK) {
            fprintf(stderr, "breadboard: cannot write trace file '%s': %s\n", rt.trace_path,
                    st == BD_ERR_IO ? strerror(errno) : bd_status_str(st));
            return false;
        }
    }
    if (!load_inputs()) return false;
    py_try_t t;
    if (py_try(&t)) {
        set_platform();
        py_try_end(&t);
    } else {
        py_print_exception(t.exc, PY_NULL);
        return false;
    }
    rt.wall0 = wall_ns();
    rt.virt0 = 0;
    rt.board.sched.on_sooner = on_sooner;
    refill();
    py_tick_hook = tick_hook;
    return true;
}

/* The end of the run: the trace and the VCD are closed (their pin
 * listeners removed) before anything is freed, so what they hold is the
 * board as it stood at `end`.  Freeing the stimulus and the parts releases
 * their drivers on the pins (a held button lets go, a stimulus drive
 * stops); that is the simulator's bookkeeping, not something the board
 * did, and must not show as edges at the end time. */
static bool stop_recording(bd_time_t end) {
    bool ok = true;
    if (rt.trace) {
        /* Python's own output first, so a trace on stdout follows it */
        fflush(stdout);
        if (bd_trace_close(rt.trace) != BD_OK) {
            fprintf(stderr, "breadboard: error writing trace file '%s'\n", rt.trace_path);
            ok = false;
        }
        rt.trace = NULL;
    }
    if (rt.vcd) {
        if (bd_vcd_close(rt.vcd, end) != BD_OK) {
            fprintf(stderr, "breadboard: error writing VCD file '%s'\n", rt.vcd_path);
            ok = false;
        }
        rt.vcd = NULL;
    }
    return ok;
}

int mod_board_finish(int status) {
    if (!rt.started) return status;
    py_tick_hook = NULL;
    py_tick_budget = INT32_MAX;
    py_stdout_hook = NULL;
    py_stdin_getc_hook = NULL;
    if (mod_wokwi_has_scenario()) {
        /* plays the scenario out if the script ended first, then decides it */
        status = mod_wokwi_finish(&rt.board, status, rt.until, !rt.text_stop && !rt.until_raised);
        if (!rt.text_stop) rt.text_stop = 4; /* decided: the board does not idle on */
    }
    if (rt.stim && !rt.text_stop && !rt.until_raised) {
        /* the script ended by itself: the rest of the stimulus plays out
         * (up to --until) on the board as the script left it, so checks
         * due later are decided rather than "not reached" */
        bd_time_t e = bd_stim_end_time(rt.stim);
        if (e > rt.until) e = rt.until;
        if (e > rt.board.sched.now) bd_sched_run_until(&rt.board.sched, e, NULL);
    }
    if (!rt.text_stop && !rt.until_raised && rt.until != BD_TIME_NEVER && rt.until > rt.board.sched.now) {
        /* A real board whose script has ended sits at the REPL with its
         * peripherals still running (PWM, timers' hardware, parts): with
         * --until the run covers that idle time too, so a script that sets
         * up a PWM and returns still shows its edges up to the deadline.
         * No Python code runs any more (handlers that fall due are not
         * called), and the idle time is not paced. */
        bd_sched_run_until(&rt.board.sched, rt.until, NULL);
    }
    bd_time_t end = rt.board.sched.now;
    bool recorded = stop_recording(end);
    char tb[40];
    if (rt.text_stop == 1) {
        fprintf(stderr, "breadboard: fail text '%s' seen at %s s\n", rt.fail_text, fmt_secs(rt.text_time, tb, sizeof tb));
        status = 1;
    } else if (rt.text_stop == 2) {
        status = 0;
    } else if (rt.expect_text) {
        fprintf(stderr, "breadboard: expected text '%s' not seen by %s s\n", rt.expect_text, fmt_secs(end, tb, sizeof tb));
        status = status ? status : 1;
    }
    if (rt.stim) {
        bd_stim_finish(rt.stim);
        fflush(stdout);
        if (bd_stim_report(rt.stim, stderr) > 0) status = status ? status : 1;
        bd_stim_free(rt.stim);
        rt.stim = NULL;
    }
    mod_console_finish();
    mod_wokwi_free();
    bd_partset_free(&rt.parts);
    free(rt.out);
    rt.out = NULL, rt.out_len = rt.out_cap = 0;
    bd_board_free(&rt.board);
    rt.started = false;
    if (!recorded) status = status ? status : 1; /* an unwritable trace or VCD fails the run */
    return status;
}
