/* bd_yaml.c: the YAML subset reader (bd_yaml.h).
 *
 * Two passes: the text is cut into lines (indentation measured, blank and
 * comment-only lines dropped), then a recursive descent over the lines
 * builds the tree: a node at indentation N owns the lines after it that are
 * indented deeper than N.  A `- ` line whose item continues on the same line
 * is re-read as a line indented to that item's column, which is what YAML's
 * "compact nested mapping" means.  Scalars and flow collections are read by
 * a small character-level reader confined to one line.
 * Invariant: on error the partial tree is freed and *out stays NULL.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/bd_text.h"
#include "board/bd_yaml.h"

typedef struct {
    const char *s; /* the line's content from its indentation on */
    size_t n;      /* bytes of content (line end excluded) */
    const char *start; /* the physical line's first byte, for columns */
    int no;        /* 1-based line number */
    int indent;    /* columns before s */
} line_t;

typedef struct {
    line_t *L;
    size_t n, k; /* lines, the next one */
    int depth;
    char *err;
    size_t errlen;
    bool failed, nomem;
} yr_t;

static int col_of(const line_t *l, const char *p) {
    int c = 1;
    for (const char *q = l->start; q < p; q++)
        if (((unsigned char)*q & 0xC0) != 0x80) c++;
    return c;
}

static void fail(yr_t *y, int line, int col, const char *fmt, ...) {
    if (y->failed) return;
    y->failed = true;
    va_list ap;
    va_start(ap, fmt);
    bd_text_verror(y->err, y->errlen, NULL, line, col, fmt, ap);
    va_end(ap);
}
#define FAILP(y, l, p, ...) fail((y), (l)->no, col_of((l), (p)), __VA_ARGS__)

static void oom(yr_t *y) {
    if (!y->failed) y->nomem = true;
    fail(y, 0, 0, "out of memory");
}

/* ------------------------------------------------------------ one line */

/* Where a comment starts in s[0..n) (a '#' at the start or after a blank,
 * outside quotes), or n. */
static size_t comment_at(const char *s, size_t n) {
    char q = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (q == '"') {
            if (c == '\\') i++;
            else if (c == '"') q = 0;
        } else if (q == '\'') {
            if (c == '\'') q = 0; /* '' is two quotes in a row: closes and reopens */
        } else if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
            return i;
        } else if ((c == '"' || c == '\'') && (i == 0 || strchr(" \t[{,:", s[i - 1]))) {
            q = c;
        }
    }
    return n;
}

static bool is_seq_item(const line_t *l) { return l->n >= 1 && l->s[0] == '-' && (l->n == 1 || l->s[1] == ' '); }

/* The ':' that ends a mapping key in s[0..n): after a quoted key, or the
 * first ": " / final ':' of a plain one.  NULL if the line is no `key:`. */
static const char *key_colon(const char *s, size_t n) {
    const char *e = s + n, *p = s;
    if (n && (*s == '"' || *s == '\'')) {
        char q = *s;
        for (p = s + 1; p < e; p++) {
            if (q == '"' && *p == '\\') p++;
            else if (*p == q) {
                if (q == '\'' && p + 1 < e && p[1] == '\'') p++;
                else break;
            }
        }
        if (p >= e) return NULL;
        p++;
        while (p < e && *p == ' ') p++;
        return p < e && *p == ':' && (p + 1 == e || p[1] == ' ') ? p : NULL;
    }
    if (n && strchr("[{|>&*!%@`", *s)) return NULL;
    for (; p < e; p++)
        if (*p == ':' && (p + 1 == e || p[1] == ' ')) return p;
    return NULL;
}

/* ------------------------------------------------------------ scalars */

static bool all_digits(const char *s, const char *digits) {
    if (!*s) return false;
    for (; *s; s++)
        if (!strchr(digits, *s)) return false;
    return true;
}

/* YAML 1.2 core schema resolution of a plain scalar (the text is trimmed). */
static void resolve_plain(bd_json_t *v) {
    const char *s = v->str;
    if (!*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL")) {
        v->type = BD_JSON_NULL;
        return;
    }
    if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE")) {
        v->type = BD_JSON_BOOL, v->num = 1;
        return;
    }
    if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE")) {
        v->type = BD_JSON_BOOL, v->num = 0;
        return;
    }
    const char *b = s + (*s == '-' || *s == '+');
    double num;
    if (!strncmp(s, "0x", 2) && all_digits(s + 2, "0123456789abcdefABCDEF")) num = (double)strtoull(s + 2, NULL, 16);
    else if (!strncmp(s, "0o", 2) && all_digits(s + 2, "01234567")) num = (double)strtoull(s + 2, NULL, 8);
    else if (!strcmp(b, ".inf") || !strcmp(b, ".Inf") || !strcmp(b, ".INF")) num = *s == '-' ? -INFINITY : INFINITY;
    else if (!strcmp(s, ".nan") || !strcmp(s, ".NaN") || !strcmp(s, ".NAN")) num = NAN;
    else {
        /* [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )? */
        const char *p = b;
        int mant = 0;
        while (*p >= '0' && *p <= '9') p++, mant++;
        if (*p == '.') {
            p++;
            while (*p >= '0' && *p <= '9') p++, mant++;
        }
        if (!mant) return;
        if (*p == 'e' || *p == 'E') {
            p++;
            if (*p == '-' || *p == '+') p++;
            if (!(*p >= '0' && *p <= '9')) return;
            while (*p >= '0' && *p <= '9') p++;
        }
        if (*p) return;
        num = strtod(s, NULL);
    }
    v->type = BD_JSON_NUM;
    v->num = num;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static size_t put_utf8(char *o, unsigned cp) {
    if (cp < 0x80) return o[0] = (char)cp, 1;
    if (cp < 0x800) return o[0] = (char)(0xC0 | cp >> 6), o[1] = (char)(0x80 | (cp & 0x3F)), 2;
    if (cp < 0x10000)
        return o[0] = (char)(0xE0 | cp >> 12), o[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
               o[2] = (char)(0x80 | (cp & 0x3F)), 3;
    return o[0] = (char)(0xF0 | cp >> 18), o[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
           o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), o[3] = (char)(0x80 | (cp & 0x3F)), 4;
}

/* A quoted scalar at *pp (on its quote); *pp moves past the closing quote. */
static bd_json_t *read_quoted(yr_t *y, const line_t *l, const char **pp, const char *e) {
    const char *p = *pp, *open = p;
    char q = *p++;
    /* the decoded text is never longer than the source */
    char *buf = malloc((size_t)(e - p) + 1);
    if (!buf) {
        oom(y);
        return NULL;
    }
    size_t n = 0;
    for (;;) {
        if (p >= e) {
            FAILP(y, l, open, "unterminated %s-quoted string (quoted strings must end on their line)",
                  q == '"' ? "double" : "single");
            goto fail;
        }
        char c = *p;
        if (c == q) {
            if (q == '\'' && p + 1 < e && p[1] == '\'') {
                buf[n++] = '\'';
                p += 2;
                continue;
            }
            p++;
            break;
        }
        if (q == '"' && c == '\\') {
            if (p + 1 >= e) {
                FAILP(y, l, p, "a backslash ends the line inside a string");
                goto fail;
            }
            char x = p[1];
            const char *map = "n\nt\tr\r0\0\\\\\"\"//  a\ab\be\x1b" "f\fv\v";
            const char *m = NULL;
            for (const char *k = map; k < map + 26; k += 2)
                if (*k == x) m = k;
            if (m) {
                buf[n++] = m[1];
                p += 2;
                continue;
            }
            int digits = x == 'x' ? 2 : x == 'u' ? 4 : 0;
            if (!digits) {
                FAILP(y, l, p, "unknown escape '\\%c' in a double-quoted string", x);
                goto fail;
            }
            unsigned cp = 0;
            for (int i = 0; i < digits; i++) {
                int h = p + 2 + i < e ? hexval((unsigned char)p[2 + i]) : -1;
                if (h < 0) {
                    FAILP(y, l, p, "'\\%c' needs %d hex digits", x, digits);
                    goto fail;
                }
                cp = cp * 16 + (unsigned)h;
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                FAILP(y, l, p, "'\\u%04X' is a surrogate, not a character", cp);
                goto fail;
            }
            n += put_utf8(buf + n, cp); /* at most 3 bytes for 6 source bytes */
            p += 2 + digits;
            continue;
        }
        buf[n++] = c;
        p++;
    }
    buf[n] = 0;
    bd_json_t *v = bd_json_new(BD_JSON_STR, l->no, col_of(l, open));
    if (!v) {
        oom(y);
        goto fail;
    }
    v->str = buf, v->len = n, v->quoted = true;
    *pp = p;
    return v;
fail:
    free(buf);
    return NULL;
}

static const char *skip_blanks(const char *p, const char *e) {
    while (p < e && (*p == ' ' || *p == '\t')) p++;
    return p;
}

/* A plain scalar at *pp, ending at the line's end, at " #", at ": " (an
 * error outside flow context) or, in flow context, at , ] }. */
static bd_json_t *read_plain(yr_t *y, const line_t *l, const char **pp, const char *e, bool flow) {
    const char *p = *pp, *s = p;
    while (p < e) {
        if (flow && (*p == ',' || *p == ']' || *p == '}')) break;
        if (*p == ':' && (p + 1 == e || p[1] == ' ' || (flow && strchr(",]}", p[1])))) {
            if (!flow) {
                FAILP(y, l, p, "a value cannot contain ': ' unless quoted (write '...')");
                return NULL;
            }
            break;
        }
        if (*p == '#' && p > s && (p[-1] == ' ' || p[-1] == '\t')) break;
        p++;
    }
    const char *t = p;
    while (t > s && (t[-1] == ' ' || t[-1] == '\t')) t--;
    bd_json_t *v = bd_json_new(BD_JSON_STR, l->no, col_of(l, s));
    if (!v || bd_json_set_str(v, s, (size_t)(t - s)) != BD_OK) {
        bd_json_free(v);
        oom(y);
        return NULL;
    }
    resolve_plain(v);
    *pp = p;
    return v;
}

static bd_json_t *read_inline(yr_t *y, const line_t *l, const char **pp, const char *e, bool flow);

/* A flow collection at *pp ('[' or '{'), confined to the line. */
static bd_json_t *read_flow(yr_t *y, const line_t *l, const char **pp, const char *e) {
    const char *p = *pp, *open = p;
    bool map = *p == '{';
    char close = map ? '}' : ']';
    bd_json_t *c = bd_json_new(map ? BD_JSON_OBJ : BD_JSON_ARR, l->no, col_of(l, p));
    if (!c) {
        oom(y);
        return NULL;
    }
    p++;
    for (;;) {
        p = skip_blanks(p, e);
        if (p >= e) {
            FAILP(y, l, open, "'%c' is not closed on its line (flow collections must fit on one line)", *open);
            goto fail;
        }
        if (*p == close) {
            p++;
            break;
        }
        const char *at = p;
        if (!map) {
            bd_json_t *v = read_inline(y, l, &p, e, true);
            if (!v) goto fail;
            if (bd_json_append(c, v) != BD_OK) {
                oom(y);
                goto fail;
            }
        } else {
            bd_json_t *k = (*p == '"' || *p == '\'') ? read_quoted(y, l, &p, e) : read_plain(y, l, &p, e, true);
            if (!k) goto fail;
            if (k->type != BD_JSON_STR && k->type != BD_JSON_NUM && k->type != BD_JSON_BOOL) {
                bd_json_free(k);
                FAILP(y, l, at, "a mapping key cannot be empty");
                goto fail;
            }
            /* keys are text, whatever they look like */
            p = skip_blanks(p, e);
            if (p >= e || *p != ':') {
                bd_json_free(k);
                FAILP(y, l, p, "expected ':' after the key in '{...}'");
                goto fail;
            }
            p++;
            bd_json_t *v = read_inline(y, l, &p, e, true);
            if (!v) {
                bd_json_free(k);
                goto fail;
            }
            bd_status_t st = bd_json_put(c, k->str, strlen(k->str), v);
            if (st == BD_ERR_INVAL) FAILP(y, l, at, "duplicate key '%s'", k->str);
            else if (st != BD_OK) oom(y);
            bd_json_free(k);
            if (st != BD_OK) goto fail;
        }
        p = skip_blanks(p, e);
        if (p >= e) {
            FAILP(y, l, open, "'%c' is not closed on its line (flow collections must fit on one line)", *open);
            goto fail;
        }
        if (*p == ',') {
            p++;
            continue;
        }
        if (*p == close) {
            p++;
            break;
        }
        FAILP(y, l, p, "expected ',' or '%c' in the flow collection", close);
        goto fail;
    }
    *pp = p;
    return c;
fail:
    bd_json_free(c);
    return NULL;
}

static bd_json_t *read_inline(yr_t *y, const line_t *l, const char **pp, const char *e, bool flow) {
    const char *p = skip_blanks(*pp, e);
    bd_json_t *v;
    if (++y->depth > BD_JSON_MAX_DEPTH) {
        FAILP(y, l, p, "nested too deeply");
        return NULL;
    }
    if (p < e && (*p == '|' || *p == '>')) {
        FAILP(y, l, p, "block scalars ('%c') are not supported: write the text in quotes with \\n", *p);
        v = NULL;
    } else if (p < e && (*p == '&' || *p == '*' || *p == '!')) {
        FAILP(y, l, p, "YAML %s are not supported", *p == '&' ? "anchors" : *p == '*' ? "aliases" : "tags");
        v = NULL;
    } else if (p < e && (*p == '@' || *p == '`' || *p == '%')) {
        FAILP(y, l, p, "'%c' cannot start a plain value (quote it)", *p);
        v = NULL;
    } else if (p < e && (*p == '[' || *p == '{')) v = read_flow(y, l, &p, e);
    else if (p < e && (*p == '"' || *p == '\'')) v = read_quoted(y, l, &p, e);
    else v = read_plain(y, l, &p, e, flow);
    y->depth--;
    if (v) *pp = p;
    return v;
}

/* A whole value written on a line after its key or dash: s[0..e). */
static bd_json_t *line_value(yr_t *y, const line_t *l, const char *s, const char *e) {
    const char *p = s;
    bd_json_t *v = read_inline(y, l, &p, e, false);
    if (!v) return NULL;
    p = skip_blanks(p, e);
    if (p < e && *p != '#') {
        FAILP(y, l, p, "unexpected text after the value");
        bd_json_free(v);
        return NULL;
    }
    return v;
}

/* ------------------------------------------------------------ blocks */

static bd_json_t *parse_node(yr_t *y, int min_indent);

static bd_json_t *null_at(yr_t *y, int line, int col) {
    bd_json_t *v = bd_json_new(BD_JSON_NULL, line, col);
    if (!v) oom(y);
    return v;
}

static bd_json_t *parse_seq(yr_t *y, int ind) {
    line_t *l0 = &y->L[y->k];
    bd_json_t *seq = bd_json_new(BD_JSON_ARR, l0->no, l0->indent + 1);
    if (!seq) {
        oom(y);
        return NULL;
    }
    while (y->k < y->n && y->L[y->k].indent == ind && is_seq_item(&y->L[y->k])) {
        line_t *l = &y->L[y->k];
        const char *rest = l->s + 1;
        while (rest < l->s + l->n && *rest == ' ') rest++;
        bd_json_t *item;
        if (rest == l->s + l->n) {
            y->k++;
            item = (y->k < y->n && y->L[y->k].indent > ind) ? parse_node(y, ind + 1) : null_at(y, l->no, l->indent + 1);
        } else {
            /* "- key: v" / "- - x" / "- scalar": the item starts at rest's column */
            l->indent += (int)(rest - l->s);
            l->n -= (size_t)(rest - l->s);
            l->s = rest;
            item = parse_node(y, l->indent);
        }
        if (!item || bd_json_append(seq, item) != BD_OK) {
            if (item) oom(y);
            bd_json_free(seq);
            return NULL;
        }
    }
    if (y->k < y->n && y->L[y->k].indent > ind) {
        line_t *l = &y->L[y->k];
        FAILP(y, l, l->s, "bad indentation: this line is deeper than the '- ' items above it");
        bd_json_free(seq);
        return NULL;
    }
    return seq;
}

static bd_json_t *parse_map(yr_t *y, int ind) {
    line_t *l0 = &y->L[y->k];
    bd_json_t *map = bd_json_new(BD_JSON_OBJ, l0->no, l0->indent + 1);
    if (!map) {
        oom(y);
        return NULL;
    }
    while (y->k < y->n && y->L[y->k].indent == ind) {
        line_t *l = &y->L[y->k];
        const char *colon = key_colon(l->s, l->n), *e = l->s + l->n;
        if (!colon) {
            FAILP(y, l, l->s, is_seq_item(l) ? "a '- ' item where a 'key: value' line was expected"
                                              : "expected a 'key: value' line");
            goto fail;
        }
        /* the key */
        bd_json_t *k;
        const char *kp = l->s;
        if (*kp == '"' || *kp == '\'') k = read_quoted(y, l, &kp, colon);
        else {
            const char *t = colon;
            while (t > kp && t[-1] == ' ') t--;
            k = bd_json_new(BD_JSON_STR, l->no, l->indent + 1);
            if (!k || bd_json_set_str(k, kp, (size_t)(t - kp)) != BD_OK) {
                bd_json_free(k);
                k = NULL;
                oom(y);
            }
        }
        if (!k) goto fail;
        /* the value: on this line, on deeper lines, or a sequence at this indentation */
        const char *vs = colon + 1;
        while (vs < e && *vs == ' ') vs++;
        bd_json_t *v;
        if (vs == e) {
            y->k++;
            if (y->k < y->n && y->L[y->k].indent > ind) v = parse_node(y, ind + 1);
            else if (y->k < y->n && y->L[y->k].indent == ind && is_seq_item(&y->L[y->k])) v = parse_seq(y, ind);
            else v = null_at(y, l->no, col_of(l, colon) + 1);
        } else {
            v = line_value(y, l, vs, e);
            y->k++;
            if (v && y->k < y->n && y->L[y->k].indent > ind) {
                line_t *n = &y->L[y->k];
                FAILP(y, n, n->s, "bad indentation: '%s' already has its value on line %d", k->str, l->no);
                bd_json_free(v);
                v = NULL;
            }
        }
        if (!v) {
            bd_json_free(k);
            goto fail;
        }
        bd_status_t st = bd_json_put(map, k->str, k->len, v);
        if (st == BD_ERR_INVAL) fail(y, l->no, l->indent + 1, "duplicate key '%s'", k->str);
        else if (st != BD_OK) oom(y);
        bd_json_free(k);
        if (st != BD_OK) goto fail;
    }
    if (y->k < y->n && y->L[y->k].indent > ind) {
        line_t *l = &y->L[y->k];
        FAILP(y, l, l->s, "bad indentation");
        goto fail;
    }
    return map;
fail:
    bd_json_free(map);
    return NULL;
}

static bd_json_t *parse_node(yr_t *y, int min_indent) {
    if (y->k >= y->n || y->L[y->k].indent < min_indent) return null_at(y, y->k < y->n ? y->L[y->k].no : 0, 1);
    if (++y->depth > BD_JSON_MAX_DEPTH) {
        line_t *l = &y->L[y->k];
        FAILP(y, l, l->s, "nested too deeply");
        return NULL;
    }
    line_t *l = &y->L[y->k];
    bd_json_t *v;
    if (is_seq_item(l)) v = parse_seq(y, l->indent);
    else if (key_colon(l->s, l->n)) v = parse_map(y, l->indent);
    else {
        v = line_value(y, l, l->s, l->s + l->n);
        y->k++;
        if (v && y->k < y->n && y->L[y->k].indent > l->indent) {
            line_t *n = &y->L[y->k];
            FAILP(y, n, n->s, "bad indentation (values cannot continue on the next line; quote them)");
            bd_json_free(v);
            v = NULL;
        }
    }
    y->depth--;
    return v;
}

/* ------------------------------------------------------------ lines */

static bd_status_t split_lines(yr_t *y, const char *text, size_t len) {
    size_t cap = 16;
    y->L = malloc(cap * sizeof *y->L);
    if (!y->L) return BD_ERR_NOMEM;
    const char *p = text, *end = text + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
    bool started = false;
    for (int no = 1; p < end; no++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end, *next = nl ? nl + 1 : end;
        if (le > p && le[-1] == '\r') le--;
        line_t l = {p, 0, p, no, 0};
        for (const char *q = p; q < le; q++)
            if ((unsigned char)*q < 0x20 && *q != '\t') {
                fail(y, no, (int)(q - p) + 1, "control character 0x%02X in the text", (unsigned char)*q);
                return BD_ERR_INVAL;
            }
        const char *s = p;
        while (s < le && *s == ' ') s++;
        size_t c = comment_at(s, (size_t)(le - s));
        const char *ce = s + c;
        while (ce > s && (ce[-1] == ' ' || ce[-1] == '\t')) ce--;
        if (ce > s && s < le && *s == '\t') {
            fail(y, no, (int)(s - p) + 1, "a tab in the indentation (YAML indents with spaces)");
            return BD_ERR_INVAL;
        }
        p = next;
        if (ce == s) continue; /* blank or comment only */
        size_t n = (size_t)(ce - s);
        if (n >= 3 && !memcmp(s, "---", 3) && (n == 3 || s[3] == ' ') && s == l.start) {
            if (started || y->n) {
                fail(y, no, 1, "only one YAML document is supported (a second '---')");
                return BD_ERR_INVAL;
            }
            started = true;
            if (n > 3) {
                fail(y, no, 5, "put the content on the lines after '---'");
                return BD_ERR_INVAL;
            }
            continue;
        }
        if (n == 3 && !memcmp(s, "...", 3) && s == l.start) break; /* document end */
        if (y->n == cap) {
            line_t *nl2 = realloc(y->L, (cap *= 2) * sizeof *y->L);
            if (!nl2) return BD_ERR_NOMEM;
            y->L = nl2;
        }
        l.s = s;
        l.n = n;
        l.indent = (int)(s - l.start);
        y->L[y->n++] = l;
    }
    return BD_OK;
}

bd_status_t bd_yaml_parse(const char *text, size_t len, bd_json_t **out, char *err, size_t errlen) {
    *out = NULL;
    if (err && errlen) err[0] = 0;
    yr_t y = {NULL, 0, 0, 0, err, errlen, false, false};
    bd_status_t st = split_lines(&y, text, len);
    bd_json_t *root = NULL;
    if (st == BD_OK) {
        root = parse_node(&y, 0);
        if (root && y.k < y.n) {
            line_t *l = &y.L[y.k];
            FAILP(&y, l, l->s, "bad indentation: this line is not inside the value above it");
            bd_json_free(root);
            root = NULL;
        }
        if (!root) st = y.nomem ? BD_ERR_NOMEM : BD_ERR_INVAL;
    } else if (st == BD_ERR_NOMEM) {
        oom(&y);
    }
    free(y.L);
    *out = root;
    return st;
}
