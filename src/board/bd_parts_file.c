/* bd_parts_file.c: reads the parts file (format in bd_parts_file.h and
 * docs/parts.md) into a part set.
 *
 * Invariant: a line is checked completely (kind, names, pins, attribute
 * names and values) before its part is wired, so a failing line never
 * leaves a half-wired part behind; a failing file leaves the set as it was.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "board/bd_parts_file.h"
#include "board/bd_text.h"

typedef struct {
    const char *fname;
    int line;
    char *err;
    size_t errlen;
} ctx_t;

#define FAIL(c, ...)                                                                                         \
    do {                                                                                                     \
        fail(c, __VA_ARGS__);                                                                                \
        return BD_ERR_INVAL;                                                                                 \
    } while (0)

static void fail(ctx_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(ctx_t *c, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    bd_text_verror(c->err, c->errlen, c->fname, c->line, -1, fmt, ap);
    va_end(ap);
}

static bool valid_name(const char *s) {
    if (!*s || strlen(s) >= BD_PART_NAME_MAX) return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
              *p == '-'))
            return false;
    return true;
}

static void list_kinds(char *buf, size_t n) {
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < bd_part_type_count() && o < n; i++)
        o += (size_t)snprintf(buf + o, n - o, "%s%s", i ? ", " : "", bd_part_type_at(i)->kind);
}

static void list_roles_attrs(const bd_part_type_t *t, char *buf, size_t n) {
    size_t o = (size_t)snprintf(buf, n, "pins: ");
    for (int r = 0; r < t->nroles && o < n; r++)
        o += (size_t)snprintf(buf + o, n - o, "%s%s", r ? ", " : "", t->roles[r].name);
    if (o < n) o += (size_t)snprintf(buf + o, n - o, "; attributes: ");
    for (int a = 0; a < t->nattrs && o < n; a++)
        if (!(t->attrs[a].flags & BD_ATTR_RO)) o += (size_t)snprintf(buf + o, n - o, "%s%s", a ? ", " : "", t->attrs[a].name);
}

typedef struct {
    int attr;
    const char *value;
} attr_set_t;

static bd_status_t do_line(bd_partset_t *ps, bd_board_t *b, ctx_t *c, bd_word_t *w, int nw) {
    const bd_part_type_t *t = bd_part_type_find(w[0].s);
    if (!t) {
        char kinds[256];
        list_kinds(kinds, sizeof kinds);
        FAIL(c, "unknown part kind '%s' (known: %s)", w[0].s, kinds);
    }
    int pads[BD_PART_MAX_ROLES];
    for (int r = 0; r < BD_PART_MAX_ROLES; r++) pads[r] = -1;
    attr_set_t sets[BD_TEXT_MAX_WORDS];
    int nsets = 0, npos = 0;
    const char *name = NULL;
    bool bare_name = false;
    char info[512];
    /* a scratch part of this kind: attribute lookup and value checks */
    bd_part_t *probe;
    bd_status_t st = bd_part_new(&probe, b, t->kind, t->kind); /* messages say "pot.value" */
    if (st != BD_OK) FAIL(c, "out of memory");
    st = BD_ERR_INVAL;
    for (int i = 1; i < nw; i++) {
        char *eq = strchr(w[i].s, '='); /* also key="quoted value" */
        if (eq) {
            *eq = '\0';
            const char *key = w[i].s, *val = eq + 1;
            int r = bd_part_role_find(probe, key), a = bd_part_attr_find(probe, key);
            if (strcasecmp(key, "name") == 0) {
                if (name) {
                    fail(c, "%s: the name is given twice", t->kind);
                    goto out;
                }
                name = val;
            } else if (r >= 0) {
                int pad = bd_part_find_pad(b, val);
                if (pad < 0) {
                    fail(c, "unknown pin '%s' on board %s", val, b->def->name);
                    goto out;
                }
                if (pads[r] >= 0) {
                    fail(c, "%s: pin role '%s' is given twice", t->kind, t->roles[r].name);
                    goto out;
                }
                pads[r] = pad;
            } else if (a >= 0) {
                bd_attr_val_t v;
                char msg[256];
                if (probe->type->attrs[a].flags & BD_ATTR_RO) {
                    fail(c, "%s.%s is read-only (a measurement, not a setting)", t->kind, t->attrs[a].name);
                    goto out;
                }
                if (bd_part_parse(probe, a, val, &v, msg, sizeof msg) != BD_OK) {
                    fail(c, "%s", msg);
                    goto out;
                }
                sets[nsets++] = (attr_set_t){a, val};
            } else {
                list_roles_attrs(t, info, sizeof info);
                fail(c, "%s has no pin role or attribute '%s' (%s)", t->kind, key, info);
                goto out;
            }
            continue;
        }
        int pad = bd_part_find_pad(b, w[i].s);
        if (pad < 0) {
            if (!name && npos == 0 && !w[i].quoted) {
                name = w[i].s;
                bare_name = true;
                continue;
            }
            fail(c, "unknown pin '%s' on board %s", w[i].s, b->def->name);
            goto out;
        }
        int r = 0;
        while (r < t->npositional && pads[r] >= 0) r++;
        if (r >= t->npositional && t->npositional == 0 && t->nroles > 0) {
            /* kinds whose pins are all named (uart: rx/tx, easy to swap) */
            fail(c, "%s takes its pins by role: write %s=PIN", t->kind, t->roles[0].name);
            size_t o = strlen(c->err ? c->err : "");
            for (int k = 1; c->err && k < t->nroles && o < c->errlen; k++)
                o += (size_t)snprintf(c->err + o, c->errlen - o, " %s=PIN", t->roles[k].name);
            goto out;
        }
        if (r >= t->npositional) {
            fail(c, "too many pins for %s: it takes %d (", t->kind, t->npositional);
            size_t o = strlen(c->err ? c->err : "");
            for (int k = 0; c->err && k < t->npositional && o < c->errlen; k++)
                o += (size_t)snprintf(c->err + o, c->errlen - o, "%s%s", k ? " " : "", t->roles[k].name);
            if (c->err && o < c->errlen) snprintf(c->err + o, c->errlen - o, ")");
            goto out;
        }
        pads[r] = pad;
        npos++;
    }
    char autoname[BD_PART_NAME_MAX];
    if (name) {
        if (!valid_name(name)) {
            fail(c, "bad part name '%s': letters, digits, '_' and '-', at most %d", name, BD_PART_NAME_MAX - 1);
            goto out;
        }
        for (size_t k = 0; k < ps->n; k++)
            if (strcasecmp(ps->v[k]->name, name) == 0) {
                fail(c, "a part named '%s' already exists", name);
                goto out;
            }
    } else {
        bd_partset_auto_name(ps, t, autoname, sizeof autoname);
        name = autoname;
    }
    for (int r = 0; r < t->nroles; r++)
        if (!(t->roles[r].flags & BD_ROLE_OPTIONAL) && pads[r] < 0) {
            if (bare_name && r < t->npositional && npos == 0) {
                fail(c, "unknown pin '%s' on board %s (or, if it names the part, %s pin '%s' is missing)", name,
                     b->def->name, t->kind, t->roles[r].name);
                goto out;
            }
            fail(c, "%s %s: pin '%s' is not connected (write %s=PIN)", t->kind, name, t->roles[r].name,
                 t->roles[r].name);
            goto out;
        }
    bd_part_t *p;
    st = bd_part_new(&p, b, t->kind, name);
    if (st != BD_OK) {
        fail(c, "%s", bd_status_str(st));
        goto out;
    }
    char msg[256];
    /* settings first, then wiring: the part's first drive is already right */
    for (int k = 0; k < nsets; k++) {
        st = bd_part_set(p, t->attrs[sets[k].attr].name, sets[k].value, msg, sizeof msg);
        if (st != BD_OK) {
            fail(c, "%s", msg);
            bd_part_free(p);
            goto out;
        }
    }
    for (int r = 0; r < t->nroles; r++)
        if (pads[r] >= 0 && (st = bd_part_attach_role(p, r, pads[r], msg, sizeof msg)) != BD_OK) {
            fail(c, "%s", msg);
            bd_part_free(p);
            goto out;
        }
    st = bd_partset_add(ps, p);
    if (st != BD_OK) {
        fail(c, "out of memory");
        bd_part_free(p);
    }
out:
    bd_part_free(probe);
    return st;
}

bd_status_t bd_parts_file_parse(bd_partset_t *ps, bd_board_t *b, const char *fname, const char *text, char *err,
                                size_t errlen) {
    ctx_t c = {fname ? fname : "<parts>", 0, err, errlen};
    if (err && errlen) err[0] = '\0';
    size_t first = ps->n;
    bd_status_t st = BD_OK;
    char *buf = NULL;
    size_t bufcap = 0;
    for (const char *line = text; *line && st == BD_OK;) {
        c.line++;
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        if (len + 1 > bufcap) {
            char *nb = realloc(buf, len + 1);
            if (!nb) {
                fail(&c, "out of memory");
                st = BD_ERR_NOMEM;
                break;
            }
            buf = nb;
            bufcap = len + 1;
        }
        bd_word_t w[BD_TEXT_MAX_WORDS];
        int nw;
        char msg[160];
        st = bd_text_split(line, len, buf, w, BD_TEXT_MAX_WORDS, &nw, msg, sizeof msg);
        if (st != BD_OK)
            fail(&c, "%s", msg);
        else if (nw > 0)
            st = do_line(ps, b, &c, w, nw);
        line = nl ? nl + 1 : line + len;
    }
    free(buf);
    if (st != BD_OK) {
        while (ps->n > first) bd_part_free(ps->v[--ps->n]);
    }
    return st;
}

bd_status_t bd_parts_file_load(bd_partset_t *ps, bd_board_t *b, const char *path, char *err, size_t errlen) {
    char *text;
    bd_status_t st = bd_text_read_file(path, &text, NULL);
    if (st != BD_OK) {
        if (err) snprintf(err, errlen, "%s: cannot read: %s", path, st == BD_ERR_IO ? strerror(errno) : "out of memory");
        return st;
    }
    st = bd_parts_file_parse(ps, b, path, text, err, errlen);
    free(text);
    return st;
}
