/* bd_part.c: the generic side of parts: the kind registry, creation,
 * wiring roles to pads, attribute access by name, part sets.
 *
 * Invariant: for every connected role r of a part, pin[r] is a pad index,
 * drv[r] is that pad's driver owned by the part (OUT roles) and lis[r] the
 * part's listener on it (IN roles); a disconnected role has all three -1.
 * Every accepted attribute write and every (re)wiring ends in the model's
 * update(), so outputs always reflect state.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "board/bd_part.h"
#include "board/bd_text.h"

static const bd_part_type_t *const types[] = {
    &bd_part_led_type,   &bd_part_button_type, &bd_part_pot_type,   &bd_part_hcsr04_type,
    &bd_part_servo_type, &bd_part_buzzer_type, &bd_part_hc595_type, &bd_part_wire_type,
    &bd_part_usbhost_type,
    &bd_part_uart_type,
    &bd_part_bmp280_type, &bd_part_ssd1306_type,
    &bd_part_ws2812_type,
};

size_t bd_part_type_count(void) { return sizeof types / sizeof types[0]; }
const bd_part_type_t *bd_part_type_at(size_t i) { return i < bd_part_type_count() ? types[i] : NULL; }

const bd_part_type_t *bd_part_type_find(const char *kind) {
    if (!kind) return NULL;
    for (size_t i = 0; i < bd_part_type_count(); i++)
        if (strcasecmp(types[i]->kind, kind) == 0 || (types[i]->alias && strcasecmp(types[i]->alias, kind) == 0))
            return types[i];
    return NULL;
}

#define ERR(...) (err ? snprintf(err, errlen, __VA_ARGS__) : 0)

bd_status_t bd_part_new(bd_part_t **out, bd_board_t *b, const char *kind, const char *name) {
    *out = NULL;
    const bd_part_type_t *t = bd_part_type_find(kind);
    if (!t) return BD_ERR_NOTFOUND;
    if (!b || !name || !*name || strlen(name) >= BD_PART_NAME_MAX) return BD_ERR_INVAL;
    bd_part_t *p = calloc(1, t->size);
    if (!p) return BD_ERR_NOMEM;
    p->type = t;
    p->board = b;
    strcpy(p->name, name);
    for (int r = 0; r < BD_PART_MAX_ROLES; r++) {
        p->pin[r] = p->drv[r] = p->lis[r] = -1;
        p->link[r] = (struct bd_part_link){p, r};
    }
    if (t->init) t->init(p);
    *out = p;
    return BD_OK;
}

static void update(bd_part_t *p) {
    if (p->type->update) p->type->update(p);
}

/* One listener per IN role (two roles may share a pad: 74HC595 clocks tied). */
static void on_pin(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) {
    struct bd_part_link *l = ctx;
    if (l->part->type->pin_event) l->part->type->pin_event(l->part, l->role, ev);
}

static void detach(bd_part_t *p, int r) {
    if (p->pin[r] < 0) return;
    bd_pin_t *pin = bd_board_pin(p->board, p->pin[r]);
    if (p->drv[r] >= 0) {
        bd_pin_release(pin, p->drv[r]);
        /* drivers cannot be removed from a pad; the slot stays, released,
         * and must not keep pointing at our name once we are freed */
        pin->drv[p->drv[r]].name = "(unplugged)";
    }
    if (p->lis[r] >= 0) bd_pin_unlisten(pin, p->lis[r]);
    p->pin[r] = p->drv[r] = p->lis[r] = -1;
}

void bd_part_free(bd_part_t *p) {
    if (!p) return;
    if (p->type->fini) p->type->fini(p);
    for (int r = 0; r < p->type->nroles; r++) detach(p, r);
    free(p);
}

void bd_part_reset(bd_part_t *p) {
    if (p->type->reset) p->type->reset(p);
    update(p);
}

int bd_part_role_find(const bd_part_t *p, const char *role) {
    for (int r = 0; r < p->type->nroles; r++)
        if (strcasecmp(p->type->roles[r].name, role) == 0) return r;
    return -1;
}

int bd_part_attr_find(const bd_part_t *p, const char *attr) {
    for (int a = 0; a < p->type->nattrs; a++)
        if (strcasecmp(p->type->attrs[a].name, attr) == 0) return a;
    return -1;
}

bd_status_t bd_part_attach_role(bd_part_t *p, int r, int pad, char *err, size_t errlen) {
    if (r < 0 || r >= p->type->nroles) {
        ERR("%s has no such pin role", p->type->kind);
        return BD_ERR_NOTFOUND;
    }
    if (pad >= p->board->npins) {
        ERR("no pad %d on this board", pad);
        return BD_ERR_NOTFOUND;
    }
    detach(p, r);
    if (pad >= 0) {
        const bd_role_def_t *rd = &p->type->roles[r];
        bd_pin_t *pin = bd_board_pin(p->board, pad);
        p->pin[r] = pad;
        bd_status_t st = BD_OK;
        if (rd->flags & BD_ROLE_OUT) st = bd_pin_driver_add(pin, p->name, &p->drv[r]);
        if (st == BD_OK && (rd->flags & BD_ROLE_IN))
            st = bd_pin_listen(pin, BD_PEV_EDGE | ((rd->flags & BD_ROLE_CONFIG) ? BD_PEV_CONFIG : 0), on_pin,
                               &p->link[r], &p->lis[r]);
        if (st != BD_OK) {
            detach(p, r);
            ERR("out of memory");
            return st;
        }
    }
    if (p->type->wired) {
        bd_status_t st = p->type->wired(p, r, err, errlen);
        if (st != BD_OK) {
            detach(p, r);
            update(p);
            return st;
        }
    }
    update(p);
    return BD_OK;
}

bd_status_t bd_part_attach(bd_part_t *p, const char *role, int pad, char *err, size_t errlen) {
    int r = bd_part_role_find(p, role);
    if (r < 0) {
        ERR("%s has no pin role '%s'", p->type->kind, role);
        return BD_ERR_NOTFOUND;
    }
    return bd_part_attach_role(p, r, pad, err, errlen);
}

bd_pin_t *bd_part_pin(const bd_part_t *p, int role) {
    if (role < 0 || role >= p->type->nroles || p->pin[role] < 0) return NULL;
    return bd_board_pin(p->board, p->pin[role]);
}

int bd_part_missing_role(const bd_part_t *p) {
    for (int r = 0; r < p->type->nroles; r++)
        if (!(p->type->roles[r].flags & BD_ROLE_OPTIONAL) && p->pin[r] < 0) return r;
    return -1;
}

static int choice_index(const char *choices, const char *s) {
    int idx = 0;
    size_t n = strlen(s);
    for (const char *c = choices; *c; idx++) {
        const char *bar = strchr(c, '|');
        size_t len = bar ? (size_t)(bar - c) : strlen(c);
        if (len == n && strncasecmp(c, s, n) == 0) return idx;
        if (!bar) break;
        c = bar + 1;
    }
    return -1;
}

static void choice_name(const char *choices, int idx, char *buf, size_t n) {
    const char *c = choices;
    for (int i = 0; i < idx && c; i++) {
        c = strchr(c, '|');
        if (c) c++;
    }
    if (!c) {
        snprintf(buf, n, "?");
        return;
    }
    const char *bar = strchr(c, '|');
    int len = bar ? (int)(bar - c) : (int)strlen(c);
    snprintf(buf, n, "%.*s", len, c);
}

bd_status_t bd_part_parse(const bd_part_t *p, int attr, const char *text, bd_attr_val_t *out, char *err,
                          size_t errlen) {
    if (attr < 0 || attr >= p->type->nattrs) return BD_ERR_NOTFOUND;
    const bd_attr_def_t *a = &p->type->attrs[attr];
    out->num = 0;
    out->text = NULL;
    bd_status_t st = BD_OK;
    int b;
    bd_time_t t;
    const char *want = "a number";
    switch ((bd_attr_type_t)a->type) {
    case BD_ATTR_NUM:
        if (a->unit && strcmp(a->unit, "V") == 0)
            st = bd_text_volts(text, &out->num), want = "a voltage (1.65, 1650mV)";
        else
            st = bd_text_number(text, &out->num);
        break;
    case BD_ATTR_INT: {
        char *end;
        long long v = strtoll(text, &end, 0);
        if (!*text || *end) st = BD_ERR_INVAL;
        out->num = (double)v;
        want = "an integer";
        break;
    }
    case BD_ATTR_BOOL:
        st = bd_text_bool(text, &b);
        out->num = b;
        want = "a boolean (1/0, true/false, on/off)";
        break;
    case BD_ATTR_TIME:
        st = bd_text_time(text, &t);
        out->num = (double)t;
        want = "a time (250us, 20ms, 1s)";
        break;
    case BD_ATTR_ENUM:
        b = choice_index(a->choices, text);
        if (b < 0) {
            ERR("%s.%s must be one of %s, not '%s'", p->name, a->name, a->choices, text);
            return BD_ERR_INVAL;
        }
        out->num = b;
        break;
    case BD_ATTR_TEXT:
        out->text = text;
        break;
    }
    if (st != BD_OK) {
        ERR("%s.%s: expected %s, got '%s'", p->name, a->name, want, text);
        return BD_ERR_INVAL;
    }
    return BD_OK;
}

bd_status_t bd_part_set_value(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen) {
    if (attr < 0 || attr >= p->type->nattrs) {
        ERR("%s has no such attribute", p->type->kind);
        return BD_ERR_NOTFOUND;
    }
    const bd_attr_def_t *a = &p->type->attrs[attr];
    if (a->flags & BD_ATTR_RO) {
        ERR("%s.%s is read-only (a measurement of the %s)", p->name, a->name, p->type->kind);
        return BD_ERR_INVAL;
    }
    bd_attr_val_t val = *v;
    switch ((bd_attr_type_t)a->type) {
    case BD_ATTR_TEXT:
        if (!val.text) val.text = "";
        break;
    case BD_ATTR_BOOL:
        val.num = val.num != 0;
        break;
    case BD_ATTR_ENUM: {
        int n = 1;
        for (const char *c = a->choices; *c; c++) n += *c == '|';
        if (!(val.num >= 0 && val.num < n) || val.num != (int)val.num) {
            ERR("%s.%s must be one of %s", p->name, a->name, a->choices);
            return BD_ERR_INVAL;
        }
        break;
    }
    case BD_ATTR_TIME:
        if (!(val.num >= 0 && val.num < 1.8e19)) {
            ERR("%s.%s must be a time >= 0", p->name, a->name);
            return BD_ERR_INVAL;
        }
        val.num = (double)(bd_time_t)val.num;
        break;
    case BD_ATTR_INT:
        if (val.num != (double)(long long)val.num) {
            ERR("%s.%s must be an integer", p->name, a->name);
            return BD_ERR_INVAL;
        }
        /* fall through */
    case BD_ATTR_NUM:
        if (val.num != val.num) {
            ERR("%s.%s must be a number, not NaN", p->name, a->name);
            return BD_ERR_INVAL;
        }
        if (a->min <= a->max && (val.num < a->min || val.num > a->max)) {
            ERR("%s.%s must be in %g..%g%s%s, not %g", p->name, a->name, a->min, a->max, *a->unit ? " " : "",
                a->unit, val.num);
            return BD_ERR_INVAL;
        }
        break;
    }
    bd_status_t st = p->type->set(p, attr, &val, err, errlen);
    if (st == BD_OK) update(p);
    return st;
}

bd_status_t bd_part_set(bd_part_t *p, const char *attr, const char *text, char *err, size_t errlen) {
    int a = bd_part_attr_find(p, attr);
    if (a < 0) {
        ERR("%s has no attribute '%s'", p->type->kind, attr);
        return BD_ERR_NOTFOUND;
    }
    bd_attr_val_t v;
    bd_status_t st = bd_part_parse(p, a, text, &v, err, errlen);
    return st == BD_OK ? bd_part_set_value(p, a, &v, err, errlen) : st;
}

bd_status_t bd_part_set_num(bd_part_t *p, const char *attr, double num, char *err, size_t errlen) {
    int a = bd_part_attr_find(p, attr);
    if (a < 0) {
        ERR("%s has no attribute '%s'", p->type->kind, attr);
        return BD_ERR_NOTFOUND;
    }
    if (p->type->attrs[a].type == BD_ATTR_TEXT) {
        ERR("%s.%s is text, not a number", p->name, p->type->attrs[a].name);
        return BD_ERR_INVAL;
    }
    bd_attr_val_t v = {num, NULL};
    return bd_part_set_value(p, a, &v, err, errlen);
}

bd_status_t bd_part_get_value(const bd_part_t *p, int attr, bd_attr_val_t *out) {
    if (attr < 0 || attr >= p->type->nattrs) return BD_ERR_NOTFOUND;
    out->num = 0;
    out->text = NULL;
    p->type->get(p, attr, out);
    if (p->type->attrs[attr].type == BD_ATTR_TEXT && !out->text) out->text = "";
    return BD_OK;
}

bd_status_t bd_part_get_num(const bd_part_t *p, const char *attr, double *v) {
    int a = bd_part_attr_find(p, attr);
    if (a < 0) return BD_ERR_NOTFOUND;
    if (p->type->attrs[a].type == BD_ATTR_TEXT) return BD_ERR_INVAL;
    bd_attr_val_t val;
    bd_part_get_value(p, a, &val);
    *v = val.num;
    return BD_OK;
}

bd_status_t bd_part_get_text(const bd_part_t *p, const char *attr, char *buf, size_t n) {
    int a = bd_part_attr_find(p, attr);
    if (a < 0) return BD_ERR_NOTFOUND;
    bd_attr_val_t v;
    bd_part_get_value(p, a, &v);
    const bd_attr_def_t *d = &p->type->attrs[a];
    switch ((bd_attr_type_t)d->type) {
    case BD_ATTR_TEXT: snprintf(buf, n, "%s", v.text); break;
    case BD_ATTR_ENUM: choice_name(d->choices, (int)v.num, buf, n); break;
    case BD_ATTR_TIME: bd_text_fmt_time((bd_time_t)v.num, buf, n); break;
    case BD_ATTR_BOOL:
    case BD_ATTR_INT: snprintf(buf, n, "%lld", (long long)v.num); break;
    case BD_ATTR_NUM: snprintf(buf, n, "%.9g", v.num); break;
    }
    return BD_OK;
}

int bd_part_find_pad(const bd_board_t *b, const char *name) {
    int idx = bd_board_pin_find(b, name, BD_FIND_SILK);
    if (idx < 0) idx = bd_board_pin_find(b, name, BD_FIND_SILK | BD_FIND_NOCASE);
    if (idx < 0 && *name >= '0' && *name <= '9') {
        char *end;
        long id = strtol(name, &end, 10);
        if (!*end && id <= 0x7fff) idx = bd_board_pin_by_id(b, (int)id);
    }
    return idx;
}

/* --- helpers for models --- */

bd_status_t bd_part_drive(bd_part_t *p, int role, bd_drive_t kind, bd_strength_t strength) {
    if (role < 0 || role >= p->type->nroles || p->drv[role] < 0) return BD_OK;
    return bd_pin_drive(bd_board_pin(p->board, p->pin[role]), p->drv[role], kind, strength);
}

bd_status_t bd_part_drive_uv(bd_part_t *p, int role, int32_t uv) {
    if (role < 0 || role >= p->type->nroles || p->drv[role] < 0) return BD_OK;
    return bd_pin_drive_uv(bd_board_pin(p->board, p->pin[role]), p->drv[role], uv);
}

int bd_part_level(const bd_part_t *p, int role, int dflt) {
    const bd_pin_t *pin = bd_part_pin(p, role);
    return pin ? bd_pin_level(pin) : dflt;
}

void bd_part_cancel(bd_part_t *p, bd_event_id_t *id) {
    if (*id) bd_sched_cancel(bd_part_sched(p), *id);
    *id = 0;
}

bd_status_t bd_part_keep_text(char **slot, const char *text) {
    char *copy = NULL;
    if (*text && !(copy = strdup(text))) return BD_ERR_NOMEM;
    free(*slot);
    *slot = copy;
    return BD_OK;
}

/* --- part sets --- */

void bd_partset_init(bd_partset_t *ps) { memset(ps, 0, sizeof *ps); }

void bd_partset_free(bd_partset_t *ps) {
    /* newest first: a later part may hang on an earlier one's pins */
    for (size_t i = ps->n; i-- > 0;) bd_part_free(ps->v[i]);
    free(ps->v);
    memset(ps, 0, sizeof *ps);
}

bd_status_t bd_partset_add(bd_partset_t *ps, bd_part_t *p) {
    if (ps->n == ps->cap) {
        size_t cap = ps->cap ? ps->cap * 2 : 8;
        bd_part_t **v = realloc(ps->v, cap * sizeof *v);
        if (!v) return BD_ERR_NOMEM;
        ps->v = v;
        ps->cap = cap;
    }
    ps->v[ps->n++] = p;
    return BD_OK;
}

bd_part_t *bd_partset_find(const bd_partset_t *ps, const char *name) {
    for (size_t i = 0; i < ps->n; i++)
        if (strcmp(ps->v[i]->name, name) == 0) return ps->v[i];
    for (size_t i = 0; i < ps->n; i++)
        if (strcasecmp(ps->v[i]->name, name) == 0) return ps->v[i];
    const bd_part_type_t *t = bd_part_type_find(name);
    bd_part_t *found = NULL;
    for (size_t i = 0; t && i < ps->n; i++)
        if (ps->v[i]->type == t) {
            if (found) return NULL; /* ambiguous */
            found = ps->v[i];
        }
    return found;
}

void bd_partset_auto_name(const bd_partset_t *ps, const bd_part_type_t *t, char *buf, size_t n) {
    for (unsigned k = 1;; k++) {
        snprintf(buf, n, "%s%u", t->prefix, k);
        bool used = false;
        for (size_t i = 0; i < ps->n && !used; i++) used = strcasecmp(ps->v[i]->name, buf) == 0;
        if (!used) return;
    }
}
