/* bd_stimulus.c: parses the stimulus file (docs/stimulus.md) into commands
 * and runs them as scheduler events.
 *
 * Invariants: a parsed text is complete and valid (pins, parts, attributes,
 * values and times resolved) or is not kept at all; every event the
 * stimulus has pending is recorded (cmd ev, slot ev) so bd_stim_free can
 * cancel it; at most one generator (pulse, clock, waveform) runs per pin,
 * and any new drive of that pin stops it.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "board/bd_stimulus.h"
#include "board/bd_text.h"

typedef enum {
    C_DRIVE,   /* kind, strength */
    C_VOLT,    /* v0 */
    C_PULSE,   /* dur, level */
    C_CLOCK,   /* freq, duty, dur, count; v0/v1 for analog square (analog) */
    C_WAVE,    /* wave, v0, v1, freq or dur, step, dur */
    C_STOP,    /* stop the pin's generator */
    C_UART,    /* unit, data */
    C_SET,     /* part, attr, val */
    C_EXPECT,  /* see ex_* */
    C_MARK,    /* serial window start for check `check` */
    C_SERIAL,  /* expect-serial / expect-no-serial */
} cmd_kind_t;

enum { W_RAMP, W_SINE, W_TRIANGLE };
enum { EX_LEVEL, EX_VOLT, EX_COUNT, EX_ATTR };
enum { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };
enum { CNT_RISES, CNT_FALLS, CNT_EDGES };

typedef struct {
    uint8_t kind;
    int line;
    const char *file;
    bd_time_t t;
    int slot; /* pin slot, -1 */
    /* drive */
    uint8_t drive, strength;
    int level;
    double v0, v1, freq, duty;
    bd_time_t dur, step;
    uint64_t count;
    int wave, analog;
    /* uart / serial */
    int unit;
    char *data;
    size_t len;
    bool negate;
    int mark; /* C_SERIAL: index of its C_MARK command, -1 = window from 0 */
    size_t from;
    /* parts */
    bd_part_t *part;
    int attr;
    bd_attr_val_t val;
    /* expect */
    int ex, op, cnt;
    double tol;
    int check; /* index into checks, -1 */
    bd_event_id_t ev;
} cmd_t;

typedef struct {
    int pad;
    int drv;
    int gen; /* running generator's cmd index, -1 */
    bd_event_id_t ev;
    uint64_t k;
    bd_time_t t0, end;
    int phase;
    bd_pin_driver_t saved; /* before a pulse */
} slot_t;

struct bd_stim {
    bd_board_t *b;
    bd_partset_t *parts;
    cmd_t *cmd;
    size_t ncmd, cmd_cap;
    slot_t *slot;
    size_t nslot, slot_cap;
    bd_stim_check_t *checks;
    size_t nchecks, checks_cap;
    char **files;
    size_t nfiles;
    bool started;
    bd_time_t end;
    bd_stim_uart_fn uart_fn;
    void *uart_ctx;
    bd_stim_serial_fn serial_fn;
    void *serial_ctx;
    bd_stim_check_fn check_fn;
    void *check_ctx;
};

bd_status_t bd_stim_new(bd_stim_t **out, bd_board_t *b, bd_partset_t *parts) {
    bd_stim_t *s = calloc(1, sizeof *s);
    *out = s;
    if (!s) return BD_ERR_NOMEM;
    s->b = b;
    s->parts = parts;
    return BD_OK;
}

void bd_stim_free(bd_stim_t *s) {
    if (!s) return;
    bd_sched_t *sc = &s->b->sched;
    for (size_t i = 0; i < s->ncmd; i++) {
        if (s->cmd[i].ev) bd_sched_cancel(sc, s->cmd[i].ev);
        free(s->cmd[i].data);
    }
    for (size_t i = 0; i < s->nslot; i++) {
        slot_t *sl = &s->slot[i];
        if (sl->ev) bd_sched_cancel(sc, sl->ev);
        if (sl->drv >= 0) {
            bd_pin_t *p = bd_board_pin(s->b, sl->pad);
            bd_pin_release(p, sl->drv);
        }
    }
    for (size_t i = 0; i < s->nfiles; i++) free(s->files[i]);
    free(s->files);
    free(s->cmd);
    free(s->slot);
    free(s->checks);
    free(s);
}

void bd_stim_on_uart(bd_stim_t *s, bd_stim_uart_fn fn, void *ctx) {
    s->uart_fn = fn;
    s->uart_ctx = ctx;
}
void bd_stim_on_serial(bd_stim_t *s, bd_stim_serial_fn fn, void *ctx) {
    s->serial_fn = fn;
    s->serial_ctx = ctx;
}
void bd_stim_on_check(bd_stim_t *s, bd_stim_check_fn fn, void *ctx) {
    s->check_fn = fn;
    s->check_ctx = ctx;
}

/* ------------------------------------------------------------------ */
/* parsing */

typedef struct {
    bd_stim_t *s;
    const char *file;
    int line;
    const char *raw;
    size_t rawlen;
    bd_time_t t, prev;
    char *err;
    size_t errlen;
} pctx_t;

static bd_status_t perr(pctx_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bd_status_t perr(pctx_t *c, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    bd_text_verror(c->err, c->errlen, c->file, c->line, -1, fmt, ap);
    va_end(ap);
    return BD_ERR_INVAL;
}

static cmd_t *new_cmd(pctx_t *c, cmd_kind_t kind) {
    bd_stim_t *s = c->s;
    if (s->ncmd == s->cmd_cap) {
        size_t cap = s->cmd_cap ? s->cmd_cap * 2 : 32;
        cmd_t *n = realloc(s->cmd, cap * sizeof *n);
        if (!n) return NULL;
        s->cmd = n;
        s->cmd_cap = cap;
    }
    cmd_t *m = &s->cmd[s->ncmd++];
    memset(m, 0, sizeof *m);
    m->kind = (uint8_t)kind;
    m->line = c->line;
    m->file = c->file;
    m->t = c->t;
    m->slot = -1;
    m->check = -1;
    m->mark = -1;
    m->attr = -1;
    return m;
}

static int new_check(bd_stim_t *s, const char *file, int line, bd_time_t t, const char *raw, size_t rawlen) {
    if (s->nchecks == s->checks_cap) {
        size_t cap = s->checks_cap ? s->checks_cap * 2 : 16;
        bd_stim_check_t *n = realloc(s->checks, cap * sizeof *n);
        if (!n) return -1;
        s->checks = n;
        s->checks_cap = cap;
    }
    bd_stim_check_t *k = &s->checks[s->nchecks];
    memset(k, 0, sizeof *k);
    k->file = file;
    k->line = line;
    k->time = t;
    while (rawlen && (raw[rawlen - 1] == ' ' || raw[rawlen - 1] == '\t' || raw[rawlen - 1] == '\r')) rawlen--;
    while (rawlen && (*raw == ' ' || *raw == '\t')) raw++, rawlen--;
    snprintf(k->what, sizeof k->what, "%.*s", (int)rawlen, raw);
    return (int)s->nchecks++;
}

static int slot_for(bd_stim_t *s, int pad) {
    for (size_t i = 0; i < s->nslot; i++)
        if (s->slot[i].pad == pad) return (int)i;
    if (s->nslot == s->slot_cap) {
        size_t cap = s->slot_cap ? s->slot_cap * 2 : 8;
        slot_t *n = realloc(s->slot, cap * sizeof *n);
        if (!n) return -1;
        s->slot = n;
        s->slot_cap = cap;
    }
    slot_t *sl = &s->slot[s->nslot];
    memset(sl, 0, sizeof *sl);
    sl->pad = pad;
    sl->drv = -1;
    sl->gen = -1;
    return (int)s->nslot++;
}

static bd_status_t ptime(pctx_t *c, const char *w, bd_time_t *out, const char *what) {
    if (bd_text_time(w, out) != BD_OK)
        return perr(c, "bad %s '%s' (write e.g. 250us, 10ms, 1.5s, 20ns)", what, w);
    return BD_OK;
}

/* "@100ms", "@+50ms", "+50ms"; relative to the previous line's time. */
static bd_status_t line_time(pctx_t *c, const char *w) {
    const char *p = w;
    if (*p == '@') p++;
    bool rel = *p == '+';
    if (rel) p++;
    if (*w != '@' && !rel)
        return perr(c, "a line starts with its time: @100ms (absolute) or +50ms (after the line before), not '%s'",
                    w);
    bd_time_t t;
    if (!*p) return perr(c, "missing time after '%s' (write @100ms)", w);
    bd_status_t st = ptime(c, p, &t, "time");
    if (st != BD_OK) return st;
    if (rel) {
        if (t > BD_TIME_NEVER - 1 - c->prev) return perr(c, "time '%s' is too far", w);
        t += c->prev;
    }
    c->t = t;
    c->prev = t;
    return BD_OK;
}

static bd_status_t pvolts(pctx_t *c, const char *w, double *v) {
    if (bd_text_volts(w, v) != BD_OK || *v < -100 || *v > 100)
        return perr(c, "bad voltage '%s' (write 1.65, 1.65V or 1650mV)", w);
    return BD_OK;
}

static bd_status_t prange(pctx_t *c, const char *w, double *v0, double *v1) {
    const char *dots = strstr(w, "..");
    if (!dots) return perr(c, "bad voltage range '%s' (write LOW..HIGH, e.g. 0..3.3)", w);
    char lo[64];
    size_t n = (size_t)(dots - w);
    if (n >= sizeof lo) return perr(c, "bad voltage range '%s'", w);
    memcpy(lo, w, n);
    lo[n] = '\0';
    bd_status_t st = pvolts(c, lo, v0);
    return st == BD_OK ? pvolts(c, dots + 2, v1) : st;
}

static bd_status_t pfreq(pctx_t *c, const char *w, double *f) {
    if (bd_text_freq(w, f) != BD_OK || *f > 1e9) return perr(c, "bad frequency '%s' (write 440Hz, 1kHz, 2.5MHz)", w);
    return BD_OK;
}

/* Options after the fixed words: for DUR, count=N, duty=F, step=T. */
typedef struct {
    bd_time_t dur, step;
    uint64_t count;
    double duty;
    bool has_dur, has_step, has_count, has_duty;
} opts_t;

static bd_status_t popts(pctx_t *c, bd_word_t *w, int i, int nw, opts_t *o, const char *allowed) {
    memset(o, 0, sizeof *o);
    for (; i < nw; i++) {
        const char *x = w[i].s;
        if (strcasecmp(x, "for") == 0 && strstr(allowed, "for")) {
            if (i + 1 >= nw) return perr(c, "'for' needs a duration (for 10ms)");
            bd_status_t st = ptime(c, w[++i].s, &o->dur, "duration");
            if (st != BD_OK) return st;
            o->has_dur = true;
        } else if (strncasecmp(x, "duty=", 5) == 0 && strstr(allowed, "duty")) {
            if (bd_text_fraction(x + 5, &o->duty) != BD_OK || !(o->duty > 0 && o->duty < 1))
                return perr(c, "bad duty '%s' (strictly between 0 and 1: duty=25%% or duty=0.25)", x + 5);
            o->has_duty = true;
        } else if (strncasecmp(x, "step=", 5) == 0 && strstr(allowed, "step")) {
            bd_status_t st = ptime(c, x + 5, &o->step, "step");
            if (st != BD_OK) return st;
            if (!o->step) return perr(c, "step must be > 0");
            o->has_step = true;
        } else if (strncasecmp(x, "count=", 6) == 0 && strstr(allowed, "count")) {
            char *end;
            unsigned long long n = strtoull(x + 6, &end, 10);
            if (!x[6] || *end || n == 0) return perr(c, "bad count '%s' (a whole number of periods > 0)", x + 6);
            o->count = n;
            o->has_count = true;
        } else {
            return perr(c, "unexpected '%s' (options here: %s)", x, allowed);
        }
    }
    return BD_OK;
}

static bd_status_t find_part_attr(pctx_t *c, const char *w, bd_part_t **part, int *attr) {
    char name[BD_PART_NAME_MAX + 1];
    const char *dot = strrchr(w, '.');
    if (!dot) return perr(c, "write PART.ATTRIBUTE (e.g. hcsr04.distance), not '%s'", w);
    size_t n = (size_t)(dot - w);
    if (n == 0 || n > BD_PART_NAME_MAX) return perr(c, "bad part name in '%s'", w);
    memcpy(name, w, n);
    name[n] = '\0';
    *part = c->s->parts ? bd_partset_find(c->s->parts, name) : NULL;
    if (!*part) return perr(c, "no part named '%s' (parts come from the parts file, loaded first)", name);
    *attr = bd_part_attr_find(*part, dot + 1);
    if (*attr < 0) {
        char list[300];
        size_t o = 0;
        list[0] = '\0';
        for (int a = 0; a < (*part)->type->nattrs && o < sizeof list; a++)
            o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", a ? ", " : "", (*part)->type->attrs[a].name);
        return perr(c, "%s (a %s) has no attribute '%s' (it has: %s)", (*part)->name, (*part)->type->kind, dot + 1,
                    list);
    }
    return BD_OK;
}

/* Value for part attribute: parsed, range-checked; TEXT copied into m->data. */
static bd_status_t part_value(pctx_t *c, cmd_t *m, const char *text, size_t len, bool for_set) {
    char msg[256];
    const bd_attr_def_t *a = &m->part->type->attrs[m->attr];
    if (for_set && (a->flags & BD_ATTR_RO))
        return perr(c, "%s.%s is read-only (a measurement of the %s)", m->part->name, a->name, m->part->type->kind);
    if (bd_part_parse(m->part, m->attr, text, &m->val, msg, sizeof msg) != BD_OK) return perr(c, "%s", msg);
    if ((a->type == BD_ATTR_NUM || a->type == BD_ATTR_INT) && a->min <= a->max &&
        (m->val.num < a->min || m->val.num > a->max))
        return perr(c, "%s.%s must be in %g..%g, not %s", m->part->name, a->name, a->min, a->max, text);
    if (a->type == BD_ATTR_TEXT) {
        m->data = malloc(len + 1);
        if (!m->data) return BD_ERR_NOMEM;
        memcpy(m->data, text, len + 1);
        m->len = len;
        m->val.text = NULL; /* m->data at run time (the array may move) */
    }
    return BD_OK;
}

static bd_status_t data_words(pctx_t *c, cmd_t *m, bd_word_t *w, int i, int nw) {
    size_t total = 0;
    for (int k = i; k < nw; k++) total += w[k].len;
    m->data = malloc(total + 1);
    if (!m->data) return BD_ERR_NOMEM;
    size_t o = 0;
    for (int k = i; k < nw; k++) {
        if (w[k].quoted) {
            memcpy(m->data + o, w[k].s, w[k].len);
            o += w[k].len;
            continue;
        }
        char *end;
        unsigned long v = strtoul(w[k].s, &end, 0);
        if (!*w[k].s || *end || v > 255)
            return perr(c, "bad byte '%s' (bytes are \"quoted text\" or numbers 0..255 like 0x0d)", w[k].s);
        m->data[o++] = (char)v;
    }
    m->data[o] = '\0';
    m->len = o;
    if (o == 0) return perr(c, "no bytes to send (write uart0 \"text\\n\" or uart0 0x41 0x42)");
    return BD_OK;
}

static int parse_unit(const char *w) {
    if (strcasecmp(w, "serial") == 0 || strcasecmp(w, "console") == 0) return -1;
    if (strncasecmp(w, "uart", 4) != 0 || !w[4]) return -2;
    char *end;
    long n = strtol(w + 4, &end, 10);
    return *end || n < 0 || n > 15 ? -2 : (int)n;
}

static bd_status_t parse_op(const char *w, int *op) {
    static const char *const ops[] = {"==", "!=", "<", "<=", ">", ">="};
    for (int i = 0; i < 6; i++)
        if (strcmp(w, ops[i]) == 0) {
            *op = i;
            return BD_OK;
        }
    if (strcmp(w, "=") == 0) {
        *op = OP_EQ;
        return BD_OK;
    }
    return BD_ERR_NOTFOUND;
}

static bd_status_t parse_serial_check(pctx_t *c, bd_word_t *w, int nw, bool negate) {
    if (nw < 3 || !w[2].quoted)
        return perr(c, "%s needs the text in quotes: %s \"ready\" [before 2s] [on uart0]", w[1].s, w[1].s);
    bd_time_t deadline = c->t;
    bool has_before = false;
    int unit = -1;
    for (int i = 3; i < nw; i++) {
        if (strcasecmp(w[i].s, "before") == 0 && i + 1 < nw) {
            const char *x = w[++i].s;
            bool rel = *x == '+';
            bd_time_t t;
            bd_status_t st = ptime(c, rel ? x + 1 : x, &t, "deadline");
            if (st != BD_OK) return st;
            deadline = rel ? c->t + t : t;
            if (deadline < c->t) return perr(c, "the deadline %s is before the line's own time", x);
            has_before = true;
        } else if (strcasecmp(w[i].s, "on") == 0 && i + 1 < nw) {
            unit = parse_unit(w[++i].s);
            if (unit < -1) return perr(c, "bad serial port '%s' (serial, uart0, uart1 ...)", w[i].s);
        } else {
            return perr(c, "unexpected '%s' (options: before TIME, on uartN)", w[i].s);
        }
    }
    int mark = -1;
    if (has_before) {
        cmd_t *mk = new_cmd(c, C_MARK);
        if (!mk) return BD_ERR_NOMEM;
        mk->unit = unit;
        mark = (int)(mk - c->s->cmd);
    }
    cmd_t *m = new_cmd(c, C_SERIAL);
    if (!m) return BD_ERR_NOMEM;
    m->t = deadline;
    m->unit = unit;
    m->negate = negate;
    m->mark = mark;
    m->data = malloc(w[2].len + 1);
    if (!m->data) return BD_ERR_NOMEM;
    memcpy(m->data, w[2].s, w[2].len + 1);
    m->len = w[2].len;
    if (m->len == 0) return perr(c, "the text to wait for is empty");
    m->check = new_check(c->s, c->file, c->line, deadline, c->raw, c->rawlen);
    if (mark >= 0) c->s->cmd[mark].check = m->check;
    return m->check < 0 ? BD_ERR_NOMEM : BD_OK;
}

static bd_status_t parse_expect(pctx_t *c, bd_word_t *w, int nw) {
    if (nw < 4) return perr(c, "expect what? (expect D13 high, expect A0 voltage 1.65, expect led1.on 1)");
    cmd_t *m = new_cmd(c, C_EXPECT);
    if (!m) return BD_ERR_NOMEM;
    int i;
    if (strchr(w[2].s, '.') && bd_part_find_pad(c->s->b, w[2].s) < 0) {
        bd_status_t st = find_part_attr(c, w[2].s, &m->part, &m->attr);
        if (st != BD_OK) return st;
        m->ex = EX_ATTR;
        i = 3;
        if (parse_op(w[i].s, &m->op) == BD_OK) i++;
        if (i >= nw) return perr(c, "expect %s: missing the value", w[2].s);
        st = part_value(c, m, w[i].s, w[i].len, false);
        if (st != BD_OK) return st;
        const bd_attr_def_t *a = &m->part->type->attrs[m->attr];
        if (a->type == BD_ATTR_TEXT && m->op != OP_EQ && m->op != OP_NE)
            return perr(c, "%s.%s is text: only == and != compare it", m->part->name, a->name);
        m->tol = a->type == BD_ATTR_NUM ? 1e-9 + 1e-6 * fabs(m->val.num) : 0;
        i++;
        if (i + 1 < nw && strcasecmp(w[i].s, "within") == 0) {
            if (a->type == BD_ATTR_TIME) {
                bd_time_t t;
                st = ptime(c, w[i + 1].s, &t, "tolerance");
                if (st != BD_OK) return st;
                m->tol = (double)t;
            } else if (bd_text_number(w[i + 1].s, &m->tol) != BD_OK || m->tol < 0) {
                return perr(c, "bad tolerance '%s'", w[i + 1].s);
            }
            i += 2;
        }
    } else {
        int pad = bd_part_find_pad(c->s->b, w[2].s);
        if (pad < 0) return perr(c, "unknown pin '%s' on board %s", w[2].s, c->s->b->def->name);
        m->slot = slot_for(c->s, pad);
        if (m->slot < 0) return BD_ERR_NOMEM;
        const char *what = w[3].s;
        int b;
        i = 4;
        if (bd_text_bool(what, &b) == BD_OK && (strcasecmp(what, "high") == 0 || strcasecmp(what, "low") == 0 ||
                                                 strcmp(what, "1") == 0 || strcmp(what, "0") == 0)) {
            m->ex = EX_LEVEL;
            m->level = b;
        } else if (strcasecmp(what, "voltage") == 0) {
            m->ex = EX_VOLT;
            if (i >= nw) return perr(c, "expect %s voltage: missing the voltage", w[2].s);
            bd_status_t st = pvolts(c, w[i++].s, &m->v0);
            if (st != BD_OK) return st;
            m->tol = 0.01;
            if (i + 1 < nw && strcasecmp(w[i].s, "within") == 0) {
                st = pvolts(c, w[i + 1].s, &m->tol);
                if (st != BD_OK) return st;
                i += 2;
            }
        } else if (strcasecmp(what, "rises") == 0 || strcasecmp(what, "falls") == 0 ||
                   strcasecmp(what, "edges") == 0) {
            m->ex = EX_COUNT;
            m->cnt = strcasecmp(what, "rises") == 0 ? CNT_RISES : strcasecmp(what, "falls") == 0 ? CNT_FALLS : CNT_EDGES;
            if (i < nw && parse_op(w[i].s, &m->op) == BD_OK) i++;
            if (i >= nw) return perr(c, "expect %s %s: missing the count", w[2].s, what);
            char *end;
            unsigned long long n = strtoull(w[i].s, &end, 10);
            if (!*w[i].s || *end) return perr(c, "bad count '%s'", w[i].s);
            m->count = n;
            i++;
        } else {
            return perr(c, "expect %s: unknown check '%s' (high, low, voltage V, rises/falls/edges [OP] N)", w[2].s,
                        what);
        }
    }
    if (i < nw) return perr(c, "unexpected '%s' at the end of the check", w[i].s);
    m->check = new_check(c->s, c->file, c->line, c->t, c->raw, c->rawlen);
    return m->check < 0 ? BD_ERR_NOMEM : BD_OK;
}

static bd_status_t parse_pin(pctx_t *c, bd_word_t *w, int nw) {
    int pad = bd_part_find_pad(c->s->b, w[1].s);
    if (pad < 0) return perr(c, "unknown pin or directive '%s' on board %s", w[1].s, c->s->b->def->name);
    if (nw < 3) return perr(c, "%s: what should the pin do? (high, low, release, pulse, clock, voltage ...)", w[1].s);
    const char *act = w[2].s;
    int slot = slot_for(c->s, pad);
    if (slot < 0) return BD_ERR_NOMEM;
    cmd_t *m;
    opts_t o;
    bd_status_t st;
    if (strcasecmp(act, "high") == 0 || strcasecmp(act, "low") == 0) {
        if (!(m = new_cmd(c, C_DRIVE))) return BD_ERR_NOMEM;
        m->drive = strcasecmp(act, "high") == 0 ? BD_DRIVE_HIGH : BD_DRIVE_LOW;
        m->strength = BD_STRONG;
        if (nw == 4 && strcasecmp(w[3].s, "weak") == 0)
            m->strength = BD_WEAK;
        else if (nw > 3)
            return perr(c, "unexpected '%s' (only 'weak' may follow %s)", w[3].s, act);
    } else if (strcasecmp(act, "release") == 0 || strcasecmp(act, "float") == 0 || strcasecmp(act, "z") == 0) {
        if (nw > 3) return perr(c, "unexpected '%s' after %s", w[3].s, act);
        if (!(m = new_cmd(c, C_DRIVE))) return BD_ERR_NOMEM;
        m->drive = BD_DRIVE_RELEASE;
        m->strength = BD_STRONG;
    } else if (strcasecmp(act, "stop") == 0) {
        if (nw > 3) return perr(c, "unexpected '%s' after stop", w[3].s);
        if (!(m = new_cmd(c, C_STOP))) return BD_ERR_NOMEM;
    } else if (strcasecmp(act, "pulse") == 0) {
        if (nw < 4) return perr(c, "pulse needs a width: %s pulse 25us [high|low]", w[1].s);
        if (!(m = new_cmd(c, C_PULSE))) return BD_ERR_NOMEM;
        if ((st = ptime(c, w[3].s, &m->dur, "pulse width")) != BD_OK) return st;
        if (!m->dur) return perr(c, "a pulse must be longer than 0");
        m->level = 1;
        if (nw >= 5) {
            if (strcasecmp(w[4].s, "high") != 0 && strcasecmp(w[4].s, "low") != 0)
                return perr(c, "pulse level must be high or low, not '%s'", w[4].s);
            m->level = strcasecmp(w[4].s, "high") == 0;
        }
        if (nw > 5) return perr(c, "unexpected '%s' after the pulse", w[5].s);
    } else if (strcasecmp(act, "voltage") == 0) {
        if (nw != 4) return perr(c, "write %s voltage 1.65", w[1].s);
        if (!(m = new_cmd(c, C_VOLT))) return BD_ERR_NOMEM;
        if ((st = pvolts(c, w[3].s, &m->v0)) != BD_OK) return st;
    } else if (strcasecmp(act, "clock") == 0 || strcasecmp(act, "square") == 0) {
        bool analog = strcasecmp(act, "square") == 0;
        int i = 3;
        if (!(m = new_cmd(c, C_CLOCK))) return BD_ERR_NOMEM;
        m->analog = analog;
        if (analog) {
            if (nw < 5) return perr(c, "write %s square LOW..HIGH FREQ [duty=50%%] [for DUR]", w[1].s);
            if ((st = prange(c, w[i++].s, &m->v0, &m->v1)) != BD_OK) return st;
        } else if (nw < 4) {
            return perr(c, "write %s clock FREQ [duty=50%%] [for DUR] [count=N]", w[1].s);
        }
        if ((st = pfreq(c, w[i++].s, &m->freq)) != BD_OK) return st;
        if ((st = popts(c, w, i, nw, &o, analog ? "duty=F, for DUR, count=N" : "duty=F, for DUR, count=N")) != BD_OK)
            return st;
        m->duty = o.has_duty ? o.duty : 0.5;
        double period = 1e9 / m->freq;
        if (llround(period * m->duty) < 1 || llround(period * m->duty) >= llround(period))
            return perr(c, "%s: %g Hz at duty %g leaves no time for one of the levels", act, m->freq, m->duty);
        m->dur = o.has_dur ? o.dur : 0;
        if (o.has_count) {
            bd_time_t d = (bd_time_t)llround(period * (double)o.count);
            if (!m->dur || d < m->dur) m->dur = d;
        }
        if ((o.has_dur || o.has_count) && !m->dur) return perr(c, "%s: the duration must be > 0", act);
    } else if (strcasecmp(act, "ramp") == 0 || strcasecmp(act, "sine") == 0 || strcasecmp(act, "triangle") == 0) {
        int wave = strcasecmp(act, "ramp") == 0 ? W_RAMP : strcasecmp(act, "sine") == 0 ? W_SINE : W_TRIANGLE;
        if (nw < 5)
            return perr(c, wave == W_RAMP ? "write %s ramp LOW..HIGH DURATION [step=1ms]"
                                          : "write %s sine|triangle LOW..HIGH FREQ [step=T] [for DUR]",
                        w[1].s);
        if (!(m = new_cmd(c, C_WAVE))) return BD_ERR_NOMEM;
        m->wave = wave;
        if ((st = prange(c, w[3].s, &m->v0, &m->v1)) != BD_OK) return st;
        bd_time_t span;
        if (wave == W_RAMP) {
            if ((st = ptime(c, w[4].s, &m->dur, "ramp duration")) != BD_OK) return st;
            if (!m->dur) return perr(c, "a ramp takes a duration > 0");
            span = m->dur;
            if ((st = popts(c, w, 5, nw, &o, "step=T")) != BD_OK) return st;
        } else {
            if ((st = pfreq(c, w[4].s, &m->freq)) != BD_OK) return st;
            span = (bd_time_t)llround(1e9 / m->freq);
            if ((st = popts(c, w, 5, nw, &o, "step=T, for DUR")) != BD_OK) return st;
            m->dur = o.has_dur ? o.dur : 0;
            if (o.has_dur && !m->dur) return perr(c, "the duration must be > 0");
        }
        /* default: 1 ms, or a hundredth of the ramp/period if that is finer */
        m->step = o.has_step ? o.step : (span / 100 < BD_MS(1) ? (span / 100 ? span / 100 : 1) : BD_MS(1));
    } else {
        return perr(c, "unknown action '%s' for pin %s (high, low, release, pulse, clock, voltage, ramp, sine, "
                       "triangle, square, stop)",
                    act, w[1].s);
    }
    m->slot = slot;
    return BD_OK;
}

static bd_status_t parse_words(pctx_t *c, bd_word_t *w, int nw) {
    bd_status_t st = line_time(c, w[0].s);
    if (st != BD_OK) return st;
    if (nw < 2) return perr(c, "nothing to do at %s", w[0].s);
    const char *d = w[1].s;
    int unit = parse_unit(d);
    if (strcasecmp(d, "set") == 0) {
        if (nw != 4) return perr(c, "write set PART.ATTRIBUTE VALUE (e.g. set hcsr04.distance 40)");
        cmd_t *m = new_cmd(c, C_SET);
        if (!m) return BD_ERR_NOMEM;
        if ((st = find_part_attr(c, w[2].s, &m->part, &m->attr)) != BD_OK) return st;
        return part_value(c, m, w[3].s, w[3].len, true);
    }
    if (strcasecmp(d, "press") == 0 || strcasecmp(d, "release") == 0) {
        bool press = strcasecmp(d, "press") == 0;
        if (nw < 3) return perr(c, "%s what? (%s BTN1%s)", d, d, press ? " [for 50ms]" : "");
        bd_part_t *part = c->s->parts ? bd_partset_find(c->s->parts, w[2].s) : NULL;
        if (!part) return perr(c, "no part named '%s' (parts come from the parts file, loaded first)", w[2].s);
        int attr = bd_part_attr_find(part, "pressed");
        if (attr < 0) return perr(c, "%s is a %s: it cannot be pressed", part->name, part->type->kind);
        opts_t o = {0};
        if ((st = popts(c, w, 3, nw, &o, press ? "for DUR" : "")) != BD_OK) return st;
        cmd_t *m = new_cmd(c, C_SET);
        if (!m) return BD_ERR_NOMEM;
        m->part = part;
        m->attr = attr;
        m->val.num = press;
        if (o.has_dur) {
            cmd_t *r = new_cmd(c, C_SET);
            if (!r) return BD_ERR_NOMEM;
            r->part = part;
            r->attr = attr;
            r->val.num = 0;
            r->t = c->t + o.dur;
        }
        return BD_OK;
    }
    if (strcasecmp(d, "expect") == 0) return parse_expect(c, w, nw);
    if (strcasecmp(d, "expect-serial") == 0) return parse_serial_check(c, w, nw, false);
    if (strcasecmp(d, "expect-no-serial") == 0) return parse_serial_check(c, w, nw, true);
    if (unit >= -1 && bd_part_find_pad(c->s->b, d) < 0) {
        if (nw < 3) return perr(c, "%s: which bytes? (%s \"hello\\n\")", d, d);
        cmd_t *m = new_cmd(c, C_UART);
        if (!m) return BD_ERR_NOMEM;
        m->unit = unit;
        return data_words(c, m, w, 2, nw);
    }
    return parse_pin(c, w, nw);
}

bd_status_t bd_stim_parse(bd_stim_t *s, const char *fname, const char *text, char *err, size_t errlen) {
    if (err && errlen) err[0] = '\0';
    if (s->started) {
        if (err) snprintf(err, errlen, "%s: the stimulus already started", fname ? fname : "<stimulus>");
        return BD_ERR_BUSY;
    }
    char **files = realloc(s->files, (s->nfiles + 1) * sizeof *files);
    if (!files) return BD_ERR_NOMEM;
    s->files = files;
    char *name = strdup(fname ? fname : "<stimulus>");
    if (!name) return BD_ERR_NOMEM;
    s->files[s->nfiles++] = name;
    size_t ncmd0 = s->ncmd, nchecks0 = s->nchecks, nslot0 = s->nslot;
    pctx_t c = {s, name, 0, NULL, 0, 0, 0, err, errlen};
    bd_status_t st = BD_OK;
    char *buf = NULL;
    size_t cap = 0;
    for (const char *line = text; *line && st == BD_OK;) {
        c.line++;
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        if (len + 1 > cap) {
            char *nb = realloc(buf, len + 1);
            if (!nb) {
                st = BD_ERR_NOMEM;
                break;
            }
            buf = nb;
            cap = len + 1;
        }
        bd_word_t w[BD_TEXT_MAX_WORDS];
        int nw;
        char msg[160];
        c.raw = line;
        c.rawlen = len;
        bool inq = false; /* what = the line without its comment */
        for (size_t i = 0; i < len; i++) {
            if (line[i] == '"' && (i == 0 || line[i - 1] != '\\')) inq = !inq;
            if (line[i] == '#' && !inq) {
                c.rawlen = i;
                break;
            }
        }
        st = bd_text_split(line, len, buf, w, BD_TEXT_MAX_WORDS, &nw, msg, sizeof msg);
        if (st != BD_OK)
            perr(&c, "%s", msg);
        else if (nw > 0)
            st = parse_words(&c, w, nw);
        line = nl ? nl + 1 : line + len;
    }
    free(buf);
    if (st == BD_ERR_NOMEM) perr(&c, "out of memory");
    if (st != BD_OK) { /* drop everything this text added */
        for (size_t i = ncmd0; i < s->ncmd; i++) free(s->cmd[i].data);
        s->ncmd = ncmd0;
        s->nchecks = nchecks0;
        s->nslot = nslot0;
        return st;
    }
    for (size_t i = ncmd0; i < s->ncmd; i++) {
        cmd_t *m = &s->cmd[i];
        bd_time_t e = m->t;
        if (m->kind == C_PULSE || (m->kind == C_CLOCK && m->dur) || (m->kind == C_WAVE && m->dur)) e += m->dur;
        if (e > s->end) s->end = e;
    }
    return BD_OK;
}

bd_status_t bd_stim_load(bd_stim_t *s, const char *path, char *err, size_t errlen) {
    char *text;
    bd_status_t st = bd_text_read_file(path, &text, NULL);
    if (st != BD_OK) {
        if (err) snprintf(err, errlen, "%s: cannot read: %s", path, st == BD_ERR_IO ? strerror(errno) : "out of memory");
        return st;
    }
    st = bd_stim_parse(s, path, text, err, errlen);
    free(text);
    return st;
}

bd_time_t bd_stim_end_time(const bd_stim_t *s) { return s->end; }

/* ------------------------------------------------------------------ */
/* running */

static void report(bd_stim_t *s, int check, bool pass, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void report(bd_stim_t *s, int check, bool pass, const char *fmt, ...) {
    bd_stim_check_t *k = &s->checks[check];
    k->state = pass ? BD_CHECK_PASS : BD_CHECK_FAIL;
    k->time = bd_sched_now(&s->b->sched);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(k->detail, sizeof k->detail, fmt, ap);
    va_end(ap);
    if (s->check_fn) s->check_fn(s->check_ctx, k);
}

/* A line that failed at run time: recorded as a failed check. */
static void runtime_error(bd_stim_t *s, const cmd_t *m, const char *msg) {
    int k = new_check(s, m->file, m->line, bd_sched_now(&s->b->sched), "", 0);
    if (k < 0) return;
    snprintf(s->checks[k].what, sizeof s->checks[k].what, "line %d", m->line);
    report(s, k, false, "%s", msg);
}

static bd_pin_t *slot_pin(bd_stim_t *s, slot_t *sl) { return bd_board_pin(s->b, sl->pad); }

static void stop_gen(bd_stim_t *s, slot_t *sl) {
    if (sl->ev) bd_sched_cancel(&s->b->sched, sl->ev);
    sl->ev = 0;
    sl->gen = -1;
}

static void drive(bd_stim_t *s, slot_t *sl, int kind, int strength) {
    bd_pin_drive(slot_pin(s, sl), sl->drv, (bd_drive_t)kind, (bd_strength_t)strength);
}

static void drive_v(bd_stim_t *s, slot_t *sl, double v) {
    bd_pin_drive_uv(slot_pin(s, sl), sl->drv, (int32_t)lround(v * 1e6));
}

static void gen_event(bd_sched_t *sc, void *ctx, uintptr_t arg, bd_time_t now);

static void gen_at(bd_stim_t *s, slot_t *sl, bd_time_t t) {
    bd_sched_at(&s->b->sched, t, gen_event, s, (uintptr_t)(sl - s->slot), &sl->ev);
}

/* Clock/square: the level for phase 1 (high part) or 0. */
static void square_level(bd_stim_t *s, slot_t *sl, const cmd_t *m, int high) {
    if (m->analog)
        drive_v(s, sl, high ? m->v1 : m->v0);
    else
        drive(s, sl, high ? BD_DRIVE_HIGH : BD_DRIVE_LOW, BD_STRONG);
}

static double wave_value(const cmd_t *m, bd_time_t dt) {
    double tau = (double)dt / 1e9;
    switch (m->wave) {
    case W_RAMP: return m->v0 + (m->v1 - m->v0) * ((double)dt / (double)m->dur);
    case W_SINE: return (m->v0 + m->v1) / 2 + (m->v1 - m->v0) / 2 * sin(2 * M_PI * m->freq * tau);
    default: {
        double ph = m->freq * tau - floor(m->freq * tau);
        return m->v0 + (m->v1 - m->v0) * (ph < 0.5 ? 2 * ph : 2 - 2 * ph);
    }
    }
}

static void gen_event(bd_sched_t *sc, void *ctx, uintptr_t arg, bd_time_t now) {
    bd_stim_t *s = ctx;
    slot_t *sl = &s->slot[arg];
    sl->ev = 0;
    if (sl->gen < 0) return;
    const cmd_t *m = &s->cmd[sl->gen];
    switch (m->kind) {
    case C_PULSE:
        sl->gen = -1;
        if (sl->saved.kind == BD_DRIVE_VOLTAGE)
            bd_pin_drive_uv(slot_pin(s, sl), sl->drv, sl->saved.uv);
        else
            drive(s, sl, sl->saved.kind, sl->saved.strength);
        return;
    case C_CLOCK: {
        double period = 1e9 / m->freq;
        bd_time_t next;
        if (now >= sl->end) { /* stopped: idle low */
            square_level(s, sl, m, 0);
            sl->gen = -1;
            return;
        }
        if (sl->phase) { /* the high part starts */
            square_level(s, sl, m, 1);
            next = sl->t0 + (bd_time_t)llround(period * (double)sl->k) + (bd_time_t)llround(period * m->duty);
            sl->phase = 0;
        } else {
            square_level(s, sl, m, 0);
            sl->k++;
            next = sl->t0 + (bd_time_t)llround(period * (double)sl->k);
            sl->phase = 1;
        }
        gen_at(s, sl, next < sl->end ? next : sl->end);
        return;
    }
    case C_WAVE: {
        bd_time_t dt = now - sl->t0;
        if (now >= sl->end) {
            if (m->wave == W_RAMP) drive_v(s, sl, m->v1);
            sl->gen = -1; /* a sine/triangle holds its last sample */
            return;
        }
        drive_v(s, sl, wave_value(m, dt));
        sl->k++;
        bd_time_t next = sl->t0 + sl->k * m->step;
        gen_at(s, sl, next < sl->end ? next : sl->end);
        return;
    }
    default: sl->gen = -1; return;
    }
}

static void eval_expect(bd_stim_t *s, cmd_t *m) {
    if (m->ex == EX_ATTR) {
        bd_attr_val_t v;
        bd_part_get_value(m->part, m->attr, &v);
        const bd_attr_def_t *a = &m->part->type->attrs[m->attr];
        char got[64];
        bd_part_get_text(m->part, a->name, got, sizeof got);
        bool ok;
        if (a->type == BD_ATTR_TEXT) {
            bool eq = strcmp(v.text, m->data) == 0;
            ok = m->op == OP_EQ ? eq : !eq;
        } else {
            double x = v.num, y = m->val.num;
            switch (m->op) {
            case OP_EQ: ok = fabs(x - y) <= m->tol; break;
            case OP_NE: ok = fabs(x - y) > m->tol; break;
            case OP_LT: ok = x < y; break;
            case OP_LE: ok = x <= y + m->tol; break;
            case OP_GT: ok = x > y; break;
            default: ok = x >= y - m->tol; break;
            }
        }
        report(s, m->check, ok, "%s.%s is %s", m->part->name, a->name, got);
        return;
    }
    slot_t *sl = &s->slot[m->slot];
    const bd_pin_t *p = slot_pin(s, sl);
    const char *pn = bd_board_pin_name(s->b, sl->pad);
    switch (m->ex) {
    case EX_LEVEL: report(s, m->check, bd_pin_level(p) == m->level, "%s is %s", pn, bd_pin_level(p) ? "high" : "low"); break;
    case EX_VOLT: {
        double v = bd_pin_uv(p) / 1e6;
        report(s, m->check, fabs(v - m->v0) <= m->tol + 1e-9, "%s is at %.4f V", pn, v);
        break;
    }
    default: {
        uint64_t n = m->cnt == CNT_RISES ? p->rises : m->cnt == CNT_FALLS ? p->falls : p->rises + p->falls;
        bool ok;
        switch (m->op) {
        case OP_EQ: ok = n == m->count; break;
        case OP_NE: ok = n != m->count; break;
        case OP_LT: ok = n < m->count; break;
        case OP_LE: ok = n <= m->count; break;
        case OP_GT: ok = n > m->count; break;
        default: ok = n >= m->count; break;
        }
        static const char *const names[] = {"rises", "falls", "edges"};
        report(s, m->check, ok, "%s has %llu %s", pn, (unsigned long long)n, names[m->cnt]);
        break;
    }
    }
}

static void escape_tail(const char *data, size_t len, char *out, size_t n) {
    size_t start = len > 40 ? len - 40 : 0, o = 0;
    for (size_t i = start; i < len && o + 5 < n; i++) {
        unsigned char ch = (unsigned char)data[i];
        if (ch == '\n')
            o += (size_t)snprintf(out + o, n - o, "\\n");
        else if (ch == '\r')
            o += (size_t)snprintf(out + o, n - o, "\\r");
        else if (ch < 32 || ch >= 127 || ch == '"' || ch == '\\')
            o += (size_t)snprintf(out + o, n - o, "\\x%02x", ch);
        else
            out[o++] = (char)ch;
    }
    out[o] = '\0';
}

static void eval_serial(bd_stim_t *s, cmd_t *m) {
    const char *data = NULL;
    size_t len = s->serial_fn(s->serial_ctx, m->unit, &data);
    size_t from = m->mark >= 0 ? s->cmd[m->mark].from : 0;
    if (from > len) from = len;
    bool found = data && memmem(data + from, len - from, m->data, m->len) != NULL;
    char tail[200];
    escape_tail(data ? data : "", data ? len : 0, tail, sizeof tail);
    if (m->negate)
        report(s, m->check, !found, found ? "it was printed" : "not printed");
    else if (found)
        report(s, m->check, true, "printed");
    else if (m->mark >= 0) {
        char t0[32], t1[32];
        report(s, m->check, false, "not printed between %s and %s; the output %s \"%s\"",
               bd_text_fmt_time(s->cmd[m->mark].t, t0, sizeof t0), bd_text_fmt_time(m->t, t1, sizeof t1),
               len > 40 ? "ends" : "is", tail);
    } else
        report(s, m->check, false, "not printed by then; the output %s \"%s\"", len > 40 ? "ends" : "is", tail);
}

static void run_cmd(bd_sched_t *sc, void *ctx, uintptr_t arg, bd_time_t now) {
    bd_stim_t *s = ctx;
    cmd_t *m = &s->cmd[arg];
    m->ev = 0;
    slot_t *sl = m->slot >= 0 ? &s->slot[m->slot] : NULL;
    char msg[256];
    switch ((cmd_kind_t)m->kind) {
    case C_DRIVE:
        stop_gen(s, sl);
        drive(s, sl, m->drive, m->strength);
        break;
    case C_VOLT:
        stop_gen(s, sl);
        drive_v(s, sl, m->v0);
        break;
    case C_STOP: stop_gen(s, sl); break;
    case C_PULSE:
        if (sl->gen < 0 || s->cmd[sl->gen].kind != C_PULSE)
            sl->saved = slot_pin(s, sl)->drv[sl->drv]; /* what to return to */
        stop_gen(s, sl);
        drive(s, sl, m->level ? BD_DRIVE_HIGH : BD_DRIVE_LOW, BD_STRONG);
        sl->gen = (int)arg;
        gen_at(s, sl, now + m->dur);
        break;
    case C_CLOCK:
        stop_gen(s, sl);
        sl->gen = (int)arg;
        sl->t0 = now;
        sl->k = 0;
        sl->end = m->dur ? now + m->dur : BD_TIME_NEVER;
        sl->phase = 1;
        gen_event(sc, s, (uintptr_t)m->slot, now);
        break;
    case C_WAVE:
        stop_gen(s, sl);
        sl->gen = (int)arg;
        sl->t0 = now;
        sl->k = 0;
        sl->end = m->dur ? now + m->dur : BD_TIME_NEVER;
        gen_event(sc, s, (uintptr_t)m->slot, now);
        break;
    case C_UART: s->uart_fn(s->uart_ctx, m->unit, (const uint8_t *)m->data, m->len, now); break;
    case C_SET: {
        bd_attr_val_t v = m->val;
        if (m->data) v.text = m->data;
        if (bd_part_set_value(m->part, m->attr, &v, msg, sizeof msg) != BD_OK) runtime_error(s, m, msg);
        break;
    }
    case C_EXPECT: eval_expect(s, m); break;
    case C_MARK: {
        const char *data;
        m->from = s->serial_fn(s->serial_ctx, m->unit, &data);
        break;
    }
    case C_SERIAL: eval_serial(s, m); break;
    }
}

bd_status_t bd_stim_start(bd_stim_t *s, char *err, size_t errlen) {
    if (s->started) return BD_ERR_BUSY;
    for (size_t i = 0; i < s->ncmd; i++) {
        const cmd_t *m = &s->cmd[i];
        if (m->kind == C_UART && !s->uart_fn) {
            if (err) snprintf(err, errlen, "%s:%d: serial input needs a UART model (none is listening)", m->file, m->line);
            return BD_ERR_UNSUPPORTED;
        }
        if ((m->kind == C_SERIAL || m->kind == C_MARK) && !s->serial_fn) {
            if (err) snprintf(err, errlen, "%s:%d: serial checks need the serial output (none is connected)", m->file, m->line);
            return BD_ERR_UNSUPPORTED;
        }
    }
    for (size_t i = 0; i < s->nslot; i++) {
        slot_t *sl = &s->slot[i];
        bd_status_t st = bd_pin_driver_add(bd_board_pin(s->b, sl->pad), "stimulus", &sl->drv);
        if (st != BD_OK) return st;
    }
    s->started = true;
    for (size_t i = 0; i < s->ncmd; i++) {
        bd_status_t st = bd_sched_at(&s->b->sched, s->cmd[i].t, run_cmd, s, (uintptr_t)i, &s->cmd[i].ev);
        if (st != BD_OK) return st;
    }
    return BD_OK;
}

size_t bd_stim_check_count(const bd_stim_t *s) { return s->nchecks; }
const bd_stim_check_t *bd_stim_check_at(const bd_stim_t *s, size_t i) { return i < s->nchecks ? &s->checks[i] : NULL; }

size_t bd_stim_failed(const bd_stim_t *s) {
    size_t n = 0;
    for (size_t i = 0; i < s->nchecks; i++) n += s->checks[i].state == BD_CHECK_FAIL;
    return n;
}

size_t bd_stim_pending(const bd_stim_t *s) {
    size_t n = 0;
    for (size_t i = 0; i < s->nchecks; i++) n += s->checks[i].state == BD_CHECK_PENDING;
    return n;
}

void bd_stim_finish(bd_stim_t *s) {
    char when[32];
    bd_text_fmt_time(bd_sched_now(&s->b->sched), when, sizeof when);
    for (size_t i = 0; i < s->nchecks; i++) {
        bd_stim_check_t *k = &s->checks[i];
        if (k->state != BD_CHECK_PENDING) continue;
        char due[32];
        bd_text_fmt_time(k->time, due, sizeof due);
        k->state = BD_CHECK_FAIL;
        snprintf(k->detail, sizeof k->detail, "not reached: the run ended at %s, the check is due at %s", when, due);
        if (s->check_fn) s->check_fn(s->check_ctx, k);
    }
}

size_t bd_stim_report(const bd_stim_t *s, FILE *f) {
    size_t failed = 0;
    for (size_t i = 0; i < s->nchecks; i++) {
        const bd_stim_check_t *k = &s->checks[i];
        if (k->state != BD_CHECK_FAIL) continue;
        char at[32];
        fprintf(f, "%s:%d: FAIL at %s: %s: %s\n", k->file, k->line, bd_text_fmt_time(k->time, at, sizeof at), k->what,
                k->detail);
        failed++;
    }
    if (s->nchecks)
        fprintf(f, "stimulus: %zu checks, %zu passed, %zu failed, %zu pending\n", s->nchecks,
                s->nchecks - failed - bd_stim_pending(s), failed, bd_stim_pending(s));
    return failed;
}
