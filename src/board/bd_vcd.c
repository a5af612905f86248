/* bd_vcd.c: VCD body streaming and header assembly.
 *
 * Invariants: buf[0..len) is body text not yet in `body`; last_t is the time
 * of the last `#t` line in the body (0 counts as written: the header always
 * ends with #0); a signal's id string is assigned at its first change, in
 * order, so ids are short and the header lists exactly the signals used.
 */
#include <stdlib.h>
#include <string.h>

#include "board/bd_vcd.h"

#define BUF_CAP (256 * 1024)
#define LINE_MAX_LEN 48 /* longest line we format: '#' + 20 digits, or value + id */

typedef struct {
    char *name;
    char id[8]; /* "" until first change */
    uint8_t initial, value, used;
} signal_t;

struct bd_vcd {
    FILE *out;  /* the final file */
    FILE *body; /* temporary file for the body */
    char *scope;
    signal_t *sig;
    int nsig, sig_cap;
    int nused;
    bd_time_t last_t;
    uint64_t changes;
    bool failed;
    char *buf;
    size_t len;
    /* attachment */
    bd_board_t *board;
    int *pin_sig, *pin_lis;
};

static void flush_buf(bd_vcd_t *v) {
    if (v->len && fwrite(v->buf, 1, v->len, v->body) != v->len) v->failed = true;
    v->len = 0;
}

bd_status_t bd_vcd_open(bd_vcd_t **out, const char *path, const char *scope) {
    *out = NULL;
    bd_vcd_t *v = calloc(1, sizeof *v);
    if (!v) return BD_ERR_NOMEM;
    v->buf = malloc(BUF_CAP);
    v->scope = strdup(scope && *scope ? scope : "board");
    if (!v->buf || !v->scope) {
        free(v->buf);
        free(v->scope);
        free(v);
        return BD_ERR_NOMEM;
    }
    /* scope names with '-' confuse some readers: keep [A-Za-z0-9_] */
    for (char *c = v->scope; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9'))) *c = '_';
    v->out = fopen(path, "w");
    v->body = v->out ? tmpfile() : NULL;
    if (!v->out || !v->body) {
        if (v->out) fclose(v->out);
        free(v->buf);
        free(v->scope);
        free(v);
        return BD_ERR_IO;
    }
    *out = v;
    return BD_OK;
}

bd_status_t bd_vcd_signal(bd_vcd_t *v, const char *name, int initial, int *sig) {
    if (v->nsig == v->sig_cap) {
        int cap = v->sig_cap ? v->sig_cap * 2 : 32;
        signal_t *s = realloc(v->sig, (size_t)cap * sizeof *s);
        if (!s) return BD_ERR_NOMEM;
        v->sig = s;
        v->sig_cap = cap;
    }
    signal_t *s = &v->sig[v->nsig];
    memset(s, 0, sizeof *s);
    s->name = strdup(name);
    if (!s->name) return BD_ERR_NOMEM;
    /* names are whitespace-free tokens in VCD */
    for (char *c = s->name; *c; c++)
        if (*c == ' ' || *c == '\t' || *c == '\n') *c = '_';
    s->initial = s->value = initial != 0;
    *sig = v->nsig++;
    return BD_OK;
}

/* Identifier n in base 94 over the printable characters '!'..'~'. */
static void make_id(char *id, int n) {
    int i = 0;
    do {
        id[i++] = (char)('!' + n % 94);
        n /= 94;
    } while (n && i < 7);
    id[i] = 0;
}

static char *put_u64(char *p, uint64_t x) {
    char tmp[20];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + x % 10);
        x /= 10;
    } while (x);
    while (n) *p++ = tmp[--n];
    return p;
}

void bd_vcd_change(bd_vcd_t *v, int sig, bd_time_t t, int value) {
    if (sig < 0 || sig >= v->nsig) return;
    signal_t *s = &v->sig[sig];
    value = value != 0;
    if (s->value == value) return; /* not a change (also: equal to the initial value) */
    if (!s->used) {
        s->used = 1;
        make_id(s->id, v->nused++);
    }
    s->value = (uint8_t)value;
    if (v->len + LINE_MAX_LEN > BUF_CAP) flush_buf(v);
    char *p = v->buf + v->len;
    if (t > v->last_t) {
        *p++ = '#';
        p = put_u64(p, t);
        *p++ = '\n';
        v->last_t = t;
    }
    *p++ = (char)('0' + value);
    for (const char *c = s->id; *c;) *p++ = *c++;
    *p++ = '\n';
    v->len = (size_t)(p - v->buf);
    v->changes++;
}

uint64_t bd_vcd_changes(const bd_vcd_t *v) { return v->changes; }

static void on_edge(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) {
    bd_vcd_t *v = ctx;
    bd_vcd_change(v, v->pin_sig[pin->index], ev->time, ev->level);
}

bd_status_t bd_vcd_attach_board(bd_vcd_t *v, bd_board_t *b) {
    if (v->board) return BD_ERR_BUSY;
    v->pin_sig = calloc(b->npins ? b->npins : 1, sizeof *v->pin_sig);
    v->pin_lis = calloc(b->npins ? b->npins : 1, sizeof *v->pin_lis);
    if (!v->pin_sig || !v->pin_lis) return BD_ERR_NOMEM;
    v->board = b;
    for (int i = 0; i < b->npins; i++) v->pin_lis[i] = -1;
    for (int i = 0; i < b->npins; i++) {
        bd_status_t st = bd_vcd_signal(v, bd_board_pin_name(b, i), bd_pin_level(&b->pins[i]), &v->pin_sig[i]);
        if (st == BD_OK) st = bd_pin_listen(&b->pins[i], BD_PEV_EDGE, on_edge, v, &v->pin_lis[i]);
        if (st != BD_OK) return st;
    }
    return BD_OK;
}

static void copy_body(bd_vcd_t *v) {
    char chunk[64 * 1024];
    size_t n;
    if (fflush(v->body) != 0 || fseek(v->body, 0, SEEK_SET) != 0) {
        v->failed = true;
        return;
    }
    while ((n = fread(chunk, 1, sizeof chunk, v->body)) > 0)
        if (fwrite(chunk, 1, n, v->out) != n) {
            v->failed = true;
            return;
        }
    if (ferror(v->body)) v->failed = true;
}

bd_status_t bd_vcd_close(bd_vcd_t *v, bd_time_t end_time) {
    if (!v) return BD_ERR_INVAL;
    if (v->board)
        for (int i = 0; i < v->board->npins; i++)
            if (v->pin_lis[i] >= 0) bd_pin_unlisten(&v->board->pins[i], v->pin_lis[i]);
    if (end_time > v->last_t) {
        if (v->len + LINE_MAX_LEN > BUF_CAP) flush_buf(v);
        char *p = v->buf + v->len;
        *p++ = '#';
        p = put_u64(p, end_time);
        *p++ = '\n';
        v->len = (size_t)(p - v->buf);
    }
    flush_buf(v);
    fprintf(v->out, "$version Breadboard $end\n$timescale 1ns $end\n$scope module %s $end\n", v->scope);
    /* only the signals that changed */
    for (int i = 0; i < v->nsig; i++)
        if (v->sig[i].used) fprintf(v->out, "$var wire 1 %s %s $end\n", v->sig[i].id, v->sig[i].name);
    fputs("$upscope $end\n$enddefinitions $end\n#0\n$dumpvars\n", v->out);
    for (int i = 0; i < v->nsig; i++)
        if (v->sig[i].used) fprintf(v->out, "%d%s\n", v->sig[i].initial, v->sig[i].id);
    fputs("$end\n", v->out);
    copy_body(v);
    if (fclose(v->out) != 0) v->failed = true;
    fclose(v->body);
    bool failed = v->failed;
    for (int i = 0; i < v->nsig; i++) free(v->sig[i].name);
    free(v->sig);
    free(v->pin_sig);
    free(v->pin_lis);
    free(v->buf);
    free(v->scope);
    free(v);
    return failed ? BD_ERR_IO : BD_OK;
}
