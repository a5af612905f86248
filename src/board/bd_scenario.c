/* bd_scenario.c: automation scenarios (bd_scenario.h, docs/wokwi.md).
 *
 * Sources of the facts: docs.wokwi.com "Wokwi Automation Scenarios" (file
 * structure name/version/author/steps; the steps delay, expect-pin
 * {part-id, pin, value}, set-control {part-id, control, value},
 * wait-serial, write-serial (text or byte array)) and the part pages'
 * "Automation controls" (pushbutton: pressed; potentiometer: position
 * 0..1); the HC-SR04 control `distance` (cm) is our ASSUMPTION, named after
 * the part's attribute.  The docs' own expect-pin example writes
 * `expected:` for `value:`; both are accepted.
 *
 * Invariants: a parsed file is complete (every part, attribute, pin and
 * value resolved) or nothing of it is kept; at most one event is pending
 * (`ev`), so free can cancel it; steps run in order, each once.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "board/bd_json.h"
#include "board/bd_scenario.h"
#include "board/bd_text.h"
#include "board/bd_yaml.h"

enum { S_DELAY, S_SET, S_WAIT_SERIAL, S_WRITE_SERIAL, S_EXPECT_PIN };

typedef struct {
    unsigned char kind;
    int line;
    char what[120]; /* the step, written back: wait-serial "ready" */
    bd_time_t dur;
    bd_part_t *part;
    int attr;
    bd_attr_val_t val;
    char *data; /* serial text or bytes; a TEXT attribute's value */
    size_t len;
    bd_wokwi_net_t net;
    char pinname[64]; /* for messages: the board pin or rail */
    int level;
} step_t;

struct bd_scn {
    bd_board_t *b;
    bd_partset_t *ps;
    const bd_wokwi_t *diagram;
    char *file, *name;
    step_t *steps;
    size_t nsteps;
    size_t cur;    /* the step running or next */
    size_t from;   /* console output already matched */
    int state;     /* bd_scn_state_t */
    bool waiting;  /* held by a wait-serial */
    bd_event_id_t ev;
    bd_time_t end; /* when it passed or failed */
    char fail[400];
    bd_stim_uart_fn uart_fn;
    void *uart_ctx;
    bd_stim_serial_fn serial_fn;
    void *serial_ctx;
    bd_scn_done_fn done_fn;
    void *done_ctx;
};

bd_status_t bd_scn_new(bd_scn_t **out, bd_board_t *b, bd_partset_t *ps, const bd_wokwi_t *diagram) {
    bd_scn_t *s = calloc(1, sizeof *s);
    *out = s;
    if (!s) return BD_ERR_NOMEM;
    s->b = b, s->ps = ps, s->diagram = diagram;
    return BD_OK;
}

static void free_steps(step_t *st, size_t n) {
    for (size_t i = 0; i < n; i++) free(st[i].data);
    free(st);
}

void bd_scn_free(bd_scn_t *s) {
    if (!s) return;
    if (s->ev) bd_sched_cancel(&s->b->sched, s->ev);
    free_steps(s->steps, s->nsteps);
    free(s->file);
    free(s->name);
    free(s);
}

void bd_scn_on_uart(bd_scn_t *s, bd_stim_uart_fn fn, void *ctx) { s->uart_fn = fn, s->uart_ctx = ctx; }
void bd_scn_on_serial(bd_scn_t *s, bd_stim_serial_fn fn, void *ctx) { s->serial_fn = fn, s->serial_ctx = ctx; }
void bd_scn_on_done(bd_scn_t *s, bd_scn_done_fn fn, void *ctx) { s->done_fn = fn, s->done_ctx = ctx; }

bd_scn_state_t bd_scn_state(const bd_scn_t *s) { return (bd_scn_state_t)s->state; }
bool bd_scn_waiting_serial(const bd_scn_t *s) { return s->state == BD_SCN_RUNNING && s->waiting; }
const char *bd_scn_name(const bd_scn_t *s) { return s->name ? s->name : ""; }
size_t bd_scn_step_count(const bd_scn_t *s) { return s->nsteps; }

/* ------------------------------------------------------------ parsing */

typedef struct {
    bd_scn_t *s;
    const char *file;
    char *err;
    size_t errlen;
} pc_t;

static bd_status_t perr(pc_t *c, const bd_json_t *at, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    bd_text_verror(c->err, c->errlen, c->file, at ? at->line : 1, at ? at->col : 1, fmt, ap);
    va_end(ap);
    return BD_ERR_INVAL;
}

/* A step's parameters: the mapping under the step's key, or (for the steps
 * with one parameter) the scalar written in its place. */
static const bd_json_t *param(const bd_json_t *arg, const char *key, const char *alt) {
    if (arg->type != BD_JSON_OBJ) return NULL;
    const bd_json_t *v = bd_json_get(arg, key);
    return v ? v : alt ? bd_json_get(arg, alt) : NULL;
}

static bd_status_t need(pc_t *c, const bd_json_t *step, const bd_json_t *v, const char *what, const char *key) {
    if (v) return BD_OK;
    return perr(c, step, "%s needs '%s'", what, key);
}

static bd_status_t parse_delay(pc_t *c, step_t *st, const bd_json_t *arg) {
    const bd_json_t *v = arg->type == BD_JSON_OBJ ? param(arg, "value", NULL) : arg;
    char buf[40];
    const char *t = bd_json_scalar_text(v, buf, sizeof buf);
    if (!t) return perr(c, v ? v : arg, "delay needs a time with its unit (delay: 500ms)");
    if (v->type == BD_JSON_NUM) return perr(c, v, "delay '%s' needs a unit (200ms, 1.5s, 100us)", t);
    if (v->type != BD_JSON_STR || bd_text_time(t, &st->dur) != BD_OK)
        return perr(c, v, "bad delay '%s': write a number with its unit (200ms, 1.5s, 100us)", t);
    /* units are required, as in Wokwi: a bare number is ambiguous */
    const char *e = t + strlen(t);
    if (e == t || (e[-1] >= '0' && e[-1] <= '9') || e[-1] == '.')
        return perr(c, v, "delay '%s' needs a unit (200ms, 1.5s, 100us)", t);
    snprintf(st->what, sizeof st->what, "delay %s", t);
    return BD_OK;
}

static bd_status_t parse_wait(pc_t *c, step_t *st, const bd_json_t *arg) {
    const bd_json_t *v = arg->type == BD_JSON_OBJ ? param(arg, "text", NULL) : arg;
    char buf[40];
    const char *t = bd_json_scalar_text(v, buf, sizeof buf);
    if (!t || !*t) return perr(c, v ? v : arg, "wait-serial needs a non-empty text (wait-serial: 'ready')");
    st->len = v->type == BD_JSON_STR ? v->len : strlen(t);
    st->data = malloc(st->len + 1);
    if (!st->data) return BD_ERR_NOMEM;
    memcpy(st->data, t, st->len + 1);
    snprintf(st->what, sizeof st->what, "wait-serial \"%.90s\"", t);
    return BD_OK;
}

static bd_status_t parse_write(pc_t *c, step_t *st, const bd_json_t *arg) {
    const bd_json_t *v = arg->type == BD_JSON_OBJ ? param(arg, "value", "text") : arg;
    if (v && v->type == BD_JSON_STR) {
        st->len = v->len;
        st->data = malloc(v->len + 1);
        if (!st->data) return BD_ERR_NOMEM;
        memcpy(st->data, v->str, v->len + 1);
        snprintf(st->what, sizeof st->what, "write-serial \"%.90s\"", v->str);
        return BD_OK;
    }
    if (v && v->type == BD_JSON_ARR) {
        st->data = malloc(v->len + 1);
        if (!st->data) return BD_ERR_NOMEM;
        for (size_t i = 0; i < v->len; i++) {
            const bd_json_t *b = v->item[i];
            if (b->type != BD_JSON_NUM || b->num < 0 || b->num > 255 || b->num != (int)b->num)
                return perr(c, b, "write-serial bytes are numbers 0..255, not %s", bd_json_kind(b));
            st->data[i] = (char)(unsigned char)b->num;
        }
        st->len = v->len;
        snprintf(st->what, sizeof st->what, "write-serial [%zu bytes]", v->len);
        return BD_OK;
    }
    if (v && (v->type == BD_JSON_NUM || v->type == BD_JSON_BOOL)) {
        char buf[40];
        const char *t = bd_json_scalar_text(v, buf, sizeof buf);
        st->len = strlen(t);
        st->data = malloc(st->len + 1);
        if (!st->data) return BD_ERR_NOMEM;
        memcpy(st->data, t, st->len + 1);
        snprintf(st->what, sizeof st->what, "write-serial \"%s\"", t);
        return BD_OK;
    }
    return perr(c, v ? v : arg, "write-serial needs a text or a list of byte values ([72, 105])");
}

/* The part behind a scenario part-id: through the diagram, or by name. */
static bd_part_t *find_part(pc_t *c, const bd_json_t *idv, const char **type) {
    const char *id = idv->str, *why = NULL;
    *type = NULL;
    if (c->s->diagram) {
        bd_part_t *p = bd_wokwi_part(c->s->diagram, id, type, &why);
        if (p) return p;
        if (!*type) perr(c, idv, "no part \"%s\" in the diagram", id);
        else perr(c, idv, "part \"%s\" (%s) is not simulated: %s", id, *type, why);
        return NULL;
    }
    bd_part_t *p = c->s->ps ? bd_partset_find(c->s->ps, id) : NULL;
    if (!p) perr(c, idv, "no part \"%s\" (without a diagram, part-id names a part of the parts file)", id);
    return p;
}

static bd_status_t parse_set(pc_t *c, step_t *st, const bd_json_t *arg, const bd_json_t *step) {
    if (arg->type != BD_JSON_OBJ) return perr(c, arg, "set-control needs part-id, control and value");
    const bd_json_t *id = param(arg, "part-id", NULL), *ctl = param(arg, "control", "name"),
                    *val = param(arg, "value", NULL);
    bd_status_t e;
    if ((e = need(c, step, id, "set-control", "part-id")) || (e = need(c, step, ctl, "set-control", "control")) ||
        (e = need(c, step, val, "set-control", "value")))
        return e;
    if (!bd_json_str(id)) return perr(c, id, "part-id must be a text, not %s", bd_json_kind(id));
    if (!bd_json_str(ctl)) return perr(c, ctl, "control must be a text, not %s", bd_json_kind(ctl));
    const char *type;
    bd_part_t *p = find_part(c, id, &type);
    if (!p) return BD_ERR_INVAL;
    /* Wokwi's controls are named as our attributes (pressed, position,
     * distance, temperature ...); any writable attribute can be set */
    int a = bd_part_attr_find(p, ctl->str);
    if (a < 0 || (p->type->attrs[a].flags & BD_ATTR_RO)) {
        char list[200] = "";
        for (int i = 0; i < p->type->nattrs; i++) {
            if (p->type->attrs[i].flags & BD_ATTR_RO) continue;
            size_t n = strlen(list);
            snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "", p->type->attrs[i].name);
        }
        return perr(c, ctl, "%s (a %s) has no control '%s' (it has: %s)", id->str, p->type->kind, ctl->str, list);
    }
    char buf[40], e2[200];
    const char *t = bd_json_scalar_text(val, buf, sizeof buf);
    if (!t) return perr(c, val, "value must be a number or a text, not %s", bd_json_kind(val));
    if (bd_part_parse(p, a, t, &st->val, e2, sizeof e2) != BD_OK) return perr(c, val, "%s", e2);
    if (st->val.text) {
        if (!(st->data = strdup(t))) return BD_ERR_NOMEM;
        st->val.text = st->data;
    }
    st->part = p;
    st->attr = a;
    snprintf(st->what, sizeof st->what, "set-control %.30s.%.30s = %.30s", id->str, ctl->str, t);
    return BD_OK;
}

static bd_status_t parse_expect(pc_t *c, step_t *st, const bd_json_t *arg, const bd_json_t *step) {
    if (arg->type != BD_JSON_OBJ) return perr(c, arg, "expect-pin needs part-id, pin and value");
    const bd_json_t *id = param(arg, "part-id", NULL), *pin = param(arg, "pin", "name"),
                    *val = param(arg, "value", "expected");
    bd_status_t e;
    if ((e = need(c, step, id, "expect-pin", "part-id")) || (e = need(c, step, pin, "expect-pin", "pin")) ||
        (e = need(c, step, val, "expect-pin", "value")))
        return e;
    char pbuf[40], vbuf[40], e2[200];
    const char *pn = bd_json_scalar_text(pin, pbuf, sizeof pbuf);
    const char *vt = bd_json_scalar_text(val, vbuf, sizeof vbuf);
    if (!bd_json_str(id)) return perr(c, id, "part-id must be a text, not %s", bd_json_kind(id));
    if (!pn) return perr(c, pin, "pin must be a pin name, not %s", bd_json_kind(pin));
    int lv;
    if (!vt || bd_text_bool(vt, &lv) != BD_OK)
        return perr(c, val, "expect-pin value is 0 or 1 (or high/low), not '%s'", vt ? vt : bd_json_kind(val));
    st->level = lv;
    const bd_board_t *b = c->s->b;
    if (c->s->diagram) {
        bd_status_t r = bd_wokwi_pin_net(c->s->diagram, id->str, pn, &st->net, e2, sizeof e2);
        if (r != BD_OK) return perr(c, r == BD_ERR_NOTFOUND && !strstr(e2, "pin") ? id : pin, "%s", e2);
    } else {
        const char *type;
        bd_part_t *p = find_part(c, id, &type);
        if (!p) return BD_ERR_INVAL;
        int r = bd_part_role_find(p, pn);
        if (r < 0) return perr(c, pin, "%s (a %s) has no pin '%s'", id->str, p->type->kind, pn);
        if (p->pin[r] < 0) return perr(c, pin, "%s.%s is not connected", id->str, pn);
        st->net.pad = p->pin[r];
        st->net.rail = BD_WOKWI_NONE;
    }
    if (st->net.pad >= 0) snprintf(st->pinname, sizeof st->pinname, "%s", bd_board_pin_name(b, st->net.pad));
    else snprintf(st->pinname, sizeof st->pinname, "%s", st->net.rail == BD_WOKWI_GND ? "GND" : "VCC");
    snprintf(st->what, sizeof st->what, "expect-pin %.30s:%.20s = %d", id->str, pn, lv);
    return BD_OK;
}

static const char *const unsupported_steps[] = {"take-screenshot", "touch", "touch-press", "touch-move",
                                                "touch-release", "wait-pin"};

static bd_status_t parse_step(pc_t *c, step_t *st, const bd_json_t *step) {
    if (step->type != BD_JSON_OBJ)
        return perr(c, step, "a step is 'name: parameters' (e.g. - delay: 500ms), not %s", bd_json_kind(step));
    if (step->len != 1)
        return perr(c, step, "a step has exactly one key (this one has %zu: start a new '- ' item for each step)",
                    step->len);
    const char *k = step->key[0];
    const bd_json_t *arg = step->item[0];
    st->line = step->line;
    if (!strcmp(k, "delay")) return st->kind = S_DELAY, parse_delay(c, st, arg);
    if (!strcmp(k, "wait-serial")) return st->kind = S_WAIT_SERIAL, parse_wait(c, st, arg);
    if (!strcmp(k, "write-serial")) return st->kind = S_WRITE_SERIAL, parse_write(c, st, arg);
    if (!strcmp(k, "set-control")) return st->kind = S_SET, parse_set(c, st, arg, step);
    if (!strcmp(k, "expect-pin")) return st->kind = S_EXPECT_PIN, parse_expect(c, st, arg, step);
    for (size_t i = 0; i < sizeof unsupported_steps / sizeof unsupported_steps[0]; i++)
        if (!strcmp(k, unsupported_steps[i])) return perr(c, step, "step '%s' is not supported by Breadboard", k);
    return perr(c, step, "unknown step '%s' (steps: delay, set-control, wait-serial, write-serial, expect-pin)", k);
}

bd_status_t bd_scn_parse(bd_scn_t *s, const char *fname, const char *text, size_t len, char *err, size_t errlen) {
    if (err && errlen) err[0] = 0;
    if (!fname) fname = "scenario.yaml";
    pc_t c = {s, fname, err, errlen};
    if (s->state != BD_SCN_IDLE) {
        if (err) snprintf(err, errlen, "%s: the scenario has started", fname);
        return BD_ERR_BUSY;
    }
    bd_json_t *root;
    char yerr[300];
    bd_status_t st = bd_yaml_parse(text, len, &root, yerr, sizeof yerr);
    if (st != BD_OK) {
        if (err && errlen) snprintf(err, errlen, "%s:%s", fname, st == BD_ERR_NOMEM ? " out of memory" : yerr);
        return st;
    }
    step_t *steps = NULL;
    size_t n = 0;
    char *name = NULL, *file = NULL;
    const bd_json_t *list = bd_json_get(root, "steps"), *nm = bd_json_get(root, "name");
    if (root->type != BD_JSON_OBJ) {
        st = perr(&c, root, "a scenario is a mapping with 'steps:' (and name, version, author), not %s",
                  bd_json_kind(root));
    } else if (!list || list->type != BD_JSON_ARR) {
        st = perr(&c, list ? list : root, list ? "'steps' must be a list of '- step: ...' items, not %s"
                                               : "the scenario has no 'steps:' list%s",
                  list ? bd_json_kind(list) : "");
    } else if (nm && !bd_json_str(nm)) {
        st = perr(&c, nm, "'name' must be a text, not %s", bd_json_kind(nm));
    } else {
        steps = calloc(list->len ? list->len : 1, sizeof *steps);
        name = strdup(nm ? nm->str : "");
        file = strdup(fname);
        if (!steps || !name || !file) st = BD_ERR_NOMEM;
        for (; st == BD_OK && n < list->len; n++) st = parse_step(&c, &steps[n], list->item[n]);
        if (st != BD_OK && n < list->len) n++; /* the failing step may own data */
    }
    bd_json_free(root);
    if (st != BD_OK) {
        if (st == BD_ERR_NOMEM && err && errlen) snprintf(err, errlen, "%s: out of memory", fname);
        free_steps(steps, steps ? n : 0);
        free(name);
        free(file);
        return st;
    }
    free_steps(s->steps, s->nsteps);
    free(s->name);
    free(s->file);
    s->steps = steps, s->nsteps = n, s->name = name, s->file = file;
    return BD_OK;
}

bd_status_t bd_scn_load(bd_scn_t *s, const char *path, char *err, size_t errlen) {
    char *text;
    size_t len;
    bd_status_t st = bd_text_read_file(path, &text, &len);
    if (st != BD_OK) {
        if (err && errlen)
            snprintf(err, errlen, "cannot read scenario '%s': %s", path,
                     st == BD_ERR_IO ? strerror(errno) : bd_status_str(st));
        return st;
    }
    st = bd_scn_parse(s, path, text, len, err, errlen);
    free(text);
    return st;
}

/* ------------------------------------------------------------ running */

static void run_steps(bd_sched_t *sc, void *ctx, uintptr_t arg, bd_time_t now);

static void finish_as(bd_scn_t *s, int state, bd_time_t now) {
    s->state = state;
    s->waiting = false;
    s->end = now;
    if (s->done_fn) s->done_fn(s->done_ctx, (bd_scn_state_t)state, now);
}

static void failf(bd_scn_t *s, bd_time_t now, const char *fmt, ...) {
    const step_t *st = &s->steps[s->cur];
    char at[40];
    int n = snprintf(s->fail, sizeof s->fail, "%s:%d: scenario step %zu failed at %s: %s: ", s->file, st->line,
                     s->cur + 1, bd_text_fmt_time(now, at, sizeof at), st->what);
    if (n >= 0 && (size_t)n < sizeof s->fail) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(s->fail + n, sizeof s->fail - (size_t)n, fmt, ap);
        va_end(ap);
    }
    finish_as(s, BD_SCN_FAILED, now);
}

/* The text of the wait-serial step in the console output after `from`. */
static bool serial_seen(bd_scn_t *s, const step_t *st) {
    const char *data;
    size_t len = s->serial_fn(s->serial_ctx, -1, &data);
    if (s->from > len) s->from = len;
    const char *hit = memmem(data + s->from, len - s->from, st->data, st->len);
    if (!hit) return false;
    s->from = (size_t)(hit - data) + st->len;
    return true;
}

static int level_of(const bd_scn_t *s, const step_t *st) {
    if (st->net.pad >= 0) return bd_pin_level(&s->b->pins[st->net.pad]);
    return st->net.rail == BD_WOKWI_VCC;
}

/* Run the steps from `cur` on, at `now`, until one makes time pass. */
static void advance(bd_scn_t *s, bd_time_t now) {
    while (s->state == BD_SCN_RUNNING && s->cur < s->nsteps) {
        step_t *st = &s->steps[s->cur];
        switch (st->kind) {
        case S_DELAY:
            s->cur++;
            if (st->dur) {
                bd_sched_at(&s->b->sched, now + st->dur, run_steps, s, 0, &s->ev);
                return;
            }
            break;
        case S_WAIT_SERIAL:
            if (!serial_seen(s, st)) {
                s->waiting = true;
                return;
            }
            s->waiting = false;
            s->cur++;
            break;
        case S_WRITE_SERIAL:
            s->uart_fn(s->uart_ctx, -1, (const uint8_t *)st->data, st->len, now);
            s->cur++;
            break;
        case S_SET: {
            char e[200];
            if (bd_part_set_value(st->part, st->attr, &st->val, e, sizeof e) != BD_OK) {
                failf(s, now, "%s", e);
                return;
            }
            s->cur++;
            break;
        }
        case S_EXPECT_PIN: {
            int lv = level_of(s, st);
            if (lv != st->level) {
                failf(s, now, "%s is %d", st->pinname, lv);
                return;
            }
            s->cur++;
            break;
        }
        }
    }
    if (s->state == BD_SCN_RUNNING) finish_as(s, BD_SCN_PASSED, now);
}

static void run_steps(bd_sched_t *sc, void *ctx, uintptr_t arg, bd_time_t now) {
    bd_scn_t *s = ctx;
    s->ev = 0;
    advance(s, now);
}

bd_status_t bd_scn_start(bd_scn_t *s, char *err, size_t errlen) {
    if (s->state != BD_SCN_IDLE) return BD_ERR_BUSY;
    for (size_t i = 0; i < s->nsteps; i++) {
        const step_t *st = &s->steps[i];
        bool needs_in = st->kind == S_WRITE_SERIAL, needs_out = st->kind == S_WAIT_SERIAL;
        if ((needs_in && !s->uart_fn) || (needs_out && !s->serial_fn)) {
            if (err) snprintf(err, errlen, "%s:%d: %s needs the console (none is connected)", s->file, st->line, st->what);
            return BD_ERR_UNSUPPORTED;
        }
    }
    s->state = BD_SCN_RUNNING;
    return bd_sched_at(&s->b->sched, bd_sched_now(&s->b->sched), run_steps, s, 0, &s->ev);
}

void bd_scn_serial_changed(bd_scn_t *s, bd_time_t now) {
    if (!bd_scn_waiting_serial(s) || s->ev) return;
    if (!serial_seen(s, &s->steps[s->cur])) return;
    /* seen: the next steps run as a board event, not inside the print */
    s->waiting = false;
    s->cur++;
    bd_time_t t = now > bd_sched_now(&s->b->sched) ? now : bd_sched_now(&s->b->sched);
    if (bd_sched_at(&s->b->sched, t, run_steps, s, 0, &s->ev) != BD_OK) {
        s->cur--;
        failf(s, t, "out of memory");
    }
}

void bd_scn_finish(bd_scn_t *s, const char *why) {
    if (s->state != BD_SCN_RUNNING) return;
    if (s->ev) bd_sched_cancel(&s->b->sched, s->ev), s->ev = 0;
    bd_time_t now = bd_sched_now(&s->b->sched);
    s->state = BD_SCN_FAILED;
    s->waiting = false;
    s->end = now;
    if (!s->nsteps) {
        s->state = BD_SCN_PASSED;
        return;
    }
    size_t k = s->cur < s->nsteps ? s->cur : s->nsteps - 1;
    const step_t *st = &s->steps[k];
    snprintf(s->fail, sizeof s->fail, "%s:%d: scenario step %zu not done: %s: %s", s->file, st->line, k + 1, st->what,
             why ? why : "the run ended");
}

int bd_scn_report(const bd_scn_t *s, FILE *f) {
    char at[40];
    const char *nm = s->name && *s->name ? s->name : s->file ? s->file : "scenario";
    switch (s->state) {
    case BD_SCN_PASSED:
        fprintf(f, "scenario \"%s\": passed, %zu step%s, done at %s\n", nm, s->nsteps, s->nsteps == 1 ? "" : "s",
                bd_text_fmt_time(s->end, at, sizeof at));
        return 0;
    case BD_SCN_FAILED:
        fprintf(f, "%s\n", s->fail);
        fprintf(f, "scenario \"%s\": FAILED at step %zu of %zu\n", nm, s->cur < s->nsteps ? s->cur + 1 : s->nsteps,
                s->nsteps);
        return 1;
    default:
        fprintf(f, "scenario \"%s\": not started\n", nm);
        return 1;
    }
}
