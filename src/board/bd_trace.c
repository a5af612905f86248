/* bd_trace.c: event log lines through a private stdio buffer.
 *
 * Lines are formatted straight into the FILE, whose buffer we enlarge, so a
 * line costs one vfprintf and the disk sees large writes.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "board/bd_trace.h"

struct bd_trace {
    FILE *f;
    bool owned;
    bool failed;
    char *vbuf;
    bd_board_t *board;
    int *pin_lis;
};

static bd_status_t make(bd_trace_t **out, FILE *f, bool owned) {
    bd_trace_t *t = calloc(1, sizeof *t);
    if (!t) return BD_ERR_NOMEM;
    t->f = f;
    t->owned = owned;
    if (owned) {
        t->vbuf = malloc(1 << 16);
        if (t->vbuf) setvbuf(f, t->vbuf, _IOFBF, 1 << 16);
    }
    *out = t;
    return BD_OK;
}

bd_status_t bd_trace_open(bd_trace_t **out, const char *path) {
    *out = NULL;
    FILE *f = fopen(path, "w");
    if (!f) return BD_ERR_IO;
    bd_status_t st = make(out, f, true);
    if (st != BD_OK) fclose(f);
    return st;
}

bd_status_t bd_trace_open_stream(bd_trace_t **out, FILE *f) {
    *out = NULL;
    return f ? make(out, f, false) : BD_ERR_INVAL;
}

void bd_trace_log(bd_trace_t *t, bd_time_t time, const char *source, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (fprintf(t->f, "%llu.%09llu %s ", (unsigned long long)(time / 1000000000u),
                (unsigned long long)(time % 1000000000u), source ? source : "-") < 0 ||
        vfprintf(t->f, fmt, ap) < 0 || fputc('\n', t->f) == EOF)
        t->failed = true;
    va_end(ap);
}

static void on_pin(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) {
    bd_trace_t *t = ctx;
    switch (ev->kind) {
    case BD_PEV_EDGE:
        bd_trace_log(t, ev->time, pin->name, "%s", ev->level ? "high" : "low");
        break;
    case BD_PEV_CONFIG:
        bd_trace_log(t, ev->time, pin->name, "mode %s pull %s", bd_pin_mode_name((bd_pin_mode_t)pin->mode),
                     bd_pull_name((bd_pull_t)pin->pull));
        break;
    case BD_PEV_CONTENTION:
        bd_trace_log(t, ev->time, pin->name, "contention");
        break;
    default:
        break;
    }
}

bd_status_t bd_trace_attach_board(bd_trace_t *t, bd_board_t *b) {
    if (t->board) return BD_ERR_BUSY;
    t->pin_lis = malloc((b->npins ? b->npins : 1) * sizeof *t->pin_lis);
    if (!t->pin_lis) return BD_ERR_NOMEM;
    t->board = b;
    b->trace = t; /* models' own lines (uart parts) */
    for (int i = 0; i < b->npins; i++) t->pin_lis[i] = -1;
    for (int i = 0; i < b->npins; i++) {
        bd_status_t st = bd_pin_listen(&b->pins[i], BD_PEV_ALL, on_pin, t, &t->pin_lis[i]);
        if (st != BD_OK) return st;
    }
    return BD_OK;
}

bd_status_t bd_trace_flush(bd_trace_t *t) {
    if (fflush(t->f) != 0) t->failed = true;
    return t->failed ? BD_ERR_IO : BD_OK;
}

bd_status_t bd_trace_close(bd_trace_t *t) {
    if (!t) return BD_ERR_INVAL;
    if (t->board) {
        for (int i = 0; i < t->board->npins; i++)
            if (t->pin_lis[i] >= 0) bd_pin_unlisten(&t->board->pins[i], t->pin_lis[i]);
        if (t->board->trace == t) t->board->trace = NULL;
    }
    bd_status_t st = bd_trace_flush(t);
    if (t->owned && fclose(t->f) != 0) st = BD_ERR_IO;
    free(t->vbuf);
    free(t->pin_lis);
    free(t);
    return st;
}
