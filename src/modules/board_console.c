/* board_console.c: console input on the virtual clock, and the process's
 * stdin/stdout as the terminal of `uart` parts (see board_console.h).
 *
 * Invariants: con[con_pos .. con_len) are stimulus bytes arrived and not
 * yet read; once stdin_taken is set (a terminal part has, or may, read the
 * real stdin) the console never reads the real stdin again, so the two
 * never split one stream between them.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "board/bd_part_uart.h"
#include "board/bd_stimulus.h"
#include "modules/board_console.h"
#include "modules/board_runtime.h"
#include "py/sysio.h"

static struct {
    struct bd_stim *stim;
    uint8_t *con; /* stimulus bytes, for input() and sys.stdin */
    size_t con_len, con_pos, con_cap;
    bool stdin_taken; /* a terminal part owns the real stdin */
    bool stdin_busy;  /* stdin is the REPL's or the program's */
    bool busy_noted;
    int stdin_tty; /* -1 not known yet */
    bool (*more)(void); /* mod_console_add_source */
} con = {.stdin_tty = -1};

void mod_console_feed(const uint8_t *data, size_t len) {
    if (con.con_len + len > con.con_cap) {
        size_t cap = con.con_cap ? con.con_cap : 256;
        while (cap < con.con_len + len) cap *= 2;
        uint8_t *p = realloc(con.con, cap);
        if (!p) return; /* inside a board event: cannot raise; the bytes are lost */
        con.con = p, con.con_cap = cap;
    }
    memcpy(con.con + con.con_len, data, len);
    con.con_len += len;
}

static bool con_ready(void *ctx) { return con.con_pos < con.con_len; }
static bool con_ready_or_over(void *ctx) { return con.con_pos < con.con_len || !con.more(); }

void mod_console_add_source(bool (*more)(void)) { con.more = more; }

static int console_getc(void) {
    if (con.con_pos >= con.con_len && con.stim) {
        bd_time_t end = bd_stim_end_time(con.stim);
        if (mod_board_now() < end) mod_board_idle_for(end, con_ready, NULL);
    }
    if (con.con_pos >= con.con_len && con.more && con.more()) {
        mod_board_idle_for(mod_board_until(), con_ready_or_over, NULL);
        if (con.con_pos >= con.con_len) mod_board_now(); /* the source ended the run: SystemExit */
    }
    if (con.con_pos < con.con_len) return con.con[con.con_pos++];
    if (con.stdin_taken) return EOF;
    return getchar();
}

int mod_console_ready(bd_time_t *until) {
    *until = BD_TIME_NEVER;
    if (con.con_pos < con.con_len) return 1;
    if (con.stim) {
        bd_time_t end = bd_stim_end_time(con.stim);
        if (mod_board()->sched.now < end) {
            *until = end; /* bytes may still come: the real stdin is not asked before */
            return 0;
        }
    }
    if (con.more && con.more()) {
        *until = mod_board_until();
        return 0;
    }
    return con.stdin_taken ? 0 : -1;
}

void mod_console_stdin_busy(void) { con.stdin_busy = true; }

/* ---- the terminal of uart parts ------------------------------------------ */

static void write_all(int fd, const uint8_t *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return; /* a closed pipe: the output is lost, as print's would be */
        }
        p += w;
        n -= (size_t)w;
    }
}

static void term_write(void *ctx, const uint8_t *data, size_t n) {
    /* after what the script printed (and a trace on stdout), in order */
    py_flush_stdout();
    fflush(stdout);
    write_all(1, data, n);
}

static long term_read(void *ctx, uint8_t *buf, size_t n) {
    if (con.stdin_busy) {
        if (!con.busy_noted)
            fprintf(stderr, "breadboard: uart terminal: stdin carries the program or the REPL; no input from it\n");
        con.busy_noted = true;
        return -1;
    }
    con.stdin_taken = true;
    if (con.stdin_tty < 0) con.stdin_tty = isatty(0);
    if (con.stdin_tty) {
        /* a person typing: never hold the board up (a line at a time, as the
         * terminal's line editing delivers it) */
        struct pollfd pf = {0, POLLIN, 0};
        if (poll(&pf, 1, 0) <= 0) return 0;
    } else {
        py_flush_stdout(); /* a prompt printed before the board waits */
    }
    ssize_t r = read(0, buf, n);
    if (r < 0 && errno == EINTR) return 0; /* Ctrl-C: let the VM see it, ask again later */
    return r > 0 ? (long)r : -1;
}

void mod_console_start(struct bd_stim *stim, bd_partset_t *parts) {
    con.stim = stim;
    static const bd_uart_term_t term = {term_write, term_read, NULL};
    bool any_uart = false;
    for (size_t i = 0; i < parts->n; i++) {
        bd_part_t *p = parts->v[i];
        if (!bd_part_uart_set_terminal(p, &term)) continue;
        any_uart = true;
        if (bd_part_uart_is_terminal(p) && !con.stdin_busy) con.stdin_taken = true;
    }
    if (stim || any_uart || con.more) py_stdin_getc_hook = console_getc;
}

void mod_console_finish(void) {
    if (py_stdin_getc_hook == console_getc) py_stdin_getc_hook = NULL;
    free(con.con);
    con.con = NULL;
    con.con_len = con.con_cap = con.con_pos = 0;
    con.stim = NULL;
    con.more = NULL;
}
