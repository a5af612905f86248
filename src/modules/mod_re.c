/* mod_re.c: the re module's Python face: compile() and the module functions,
 * Pattern and Match objects, the finditer iterator, sub() templates and
 * re.error.  Matching itself is re_exec.c, compiling re_compile.c.
 *
 * Semantics follow CPython 3.11 (a superset of MicroPython's re): str and
 * bytes patterns, positions in code points, the empty-match rules of
 * findall/finditer/sub/split (after an empty match the next match may not be
 * empty at the same position), groups that did not take part are None.
 *
 * A subject is prepared once per call (re_subject_t): ASCII strs and bytes
 * are matched in place; other strs are decoded to a code point array (a raw
 * block, kept by the finditer iterator between steps).  Compiled patterns
 * are cached by (pattern, flags) so the module-level functions do not
 * recompile in loops.
 */
#include <stdio.h>
#include <string.h>

#include "modules/re_int.h"
#include "py/str_impl.h"

static py_val_t error_cls = PY_NULL; /* re.error, a class written as if in Python */
static py_val_t cache = PY_NULL;     /* dict (pattern, flags) -> Pattern */
#define CACHE_MAX 256

/* ------------------------------------------------------------ errors */

void mod_re_raise(py_val_t pattern, ssize_t pos, const char *fmt, ...) {
    py_sb_t sb;
    py_sb_init(&sb);
    va_list ap;
    va_start(ap, fmt);
    char buf[256];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    py_sb_adds(&sb, buf);
    if (pos >= 0) py_sb_printf(&sb, " at position %zd", pos);
    py_val_t msg = py_str_new(buf, strlen(buf));
    py_val_t full = py_sb_to_str(&sb);
    py_val_t exc = py_call1(error_cls, full);
    py_setattr(exc, py_intern("msg"), msg);
    py_setattr(exc, py_intern("pattern"), pattern);
    py_setattr(exc, py_intern("pos"), pos >= 0 ? py_int_from_i64(pos) : PY_NONE);
    py_raise(exc);
}

/* ------------------------------------------------------------ objects */

typedef struct {
    py_obj_t h;
    py_val_t pattern;    /* the source str or bytes */
    py_val_t groupindex; /* dict name -> group number */
    re_prog_t *prog;     /* raw block */
} pattern_t;

typedef struct {
    py_obj_t h;
    py_val_t re;     /* the Pattern */
    py_val_t string; /* the subject as given */
    ssize_t pos, endpos;
    int ngroups;
    ssize_t slots[]; /* 2 * ngroups, then lastindex */
} match_t;

extern py_type_t mod_re_pattern_type, mod_re_match_type;
static py_type_t iter_type;

static pattern_t *as_pat(py_val_t v) { return (pattern_t *)py_as_ptr(v); }
static match_t *as_match(py_val_t v) { return (match_t *)py_as_ptr(v); }

static void pattern_trace(py_obj_t *o) {
    pattern_t *p = (pattern_t *)o;
    py_gc_mark(p->pattern);
    py_gc_mark(p->groupindex);
    py_gc_mark_raw(p->prog);
}

static void match_trace(py_obj_t *o) {
    match_t *m = (match_t *)o;
    py_gc_mark(m->re);
    py_gc_mark(m->string);
}

/* ------------------------------------------------------------ subjects */

typedef struct {
    re_subject_t s;
    py_val_t string; /* the object given */
    py_str_t *str;   /* str subjects: the text (for slicing by code point) */
    const uint8_t *bytes;
} subj_t;

static int is_bytes_like(py_val_t v) {
    py_type_t *t = py_type_of(v);
    return t->buffer != NULL;
}

static void get_subject(pattern_t *p, py_val_t v, subj_t *out) {
    memset(out, 0, sizeof *out);
    out->string = v;
    if (!p->prog->is_bytes) {
        py_val_t s = py_str_arg(v);
        if (py_is_null(s)) {
            if (is_bytes_like(v)) py_raise_msg(&py_type_TypeError, "cannot use a string pattern on a bytes-like object");
            py_raise_msg(&py_type_TypeError, "expected string or bytes-like object, got '%s'", py_type_name(v));
        }
        py_str_t *so = py_as_str(s);
        out->str = so;
        if (so->ascii || so->len == so->nchars) {
            out->s.units = so->data;
            out->s.len = (ssize_t)so->len;
        } else {
            uint32_t *u = py_raw_alloc(sizeof(uint32_t) * (so->nchars + 1));
            const uint8_t *q = (const uint8_t *)so->data, *e = q + so->len;
            size_t k = 0;
            while (q < e) u[k++] = py_utf8_next(&q, e);
            out->s.units = u;
            out->s.wide = 1;
            out->s.len = (ssize_t)k;
        }
        return;
    }
    if (py_is_str(v)) py_raise_msg(&py_type_TypeError, "cannot use a bytes pattern on a string-like object");
    if (!is_bytes_like(v))
        py_raise_msg(&py_type_TypeError, "expected string or bytes-like object, got '%s'", py_type_name(v));
    py_buf_t b;
    py_get_buffer(v, &b, 0);
    out->bytes = b.data;
    out->s.units = b.data;
    out->s.len = (ssize_t)b.len;
}

/* Byte offset of code point index ci in a str subject. */
static size_t byte_off(py_str_t *s, ssize_t ci) { return s->ascii ? (size_t)ci : py_str_offset(s, (size_t)ci); }

/* string[a:b] as the subject's kind (str or bytes). */
static py_val_t slice_of(py_val_t string, ssize_t a, ssize_t b) {
    py_val_t s = py_str_arg(string);
    if (!py_is_null(s)) {
        py_str_t *so = py_as_str(s);
        if (a == 0 && (size_t)b == so->nchars) return s;
        size_t oa = byte_off(so, a), ob = byte_off(so, b);
        return py_str_new_n(so->data + oa, ob - oa, (size_t)(b - a));
    }
    py_buf_t buf;
    py_get_buffer(string, &buf, 0);
    if ((size_t)b > buf.len) b = (ssize_t)buf.len;
    if (a > b) a = b;
    return py_bytes_new(buf.data + a, (size_t)(b - a));
}

/* Appends subject[a:b] to sb. */
static void add_slice(py_sb_t *sb, const subj_t *sj, ssize_t a, ssize_t b) {
    if (b <= a) return;
    if (sj->str) {
        size_t oa = byte_off(sj->str, a), ob = byte_off(sj->str, b);
        py_sb_add(sb, sj->str->data + oa, ob - oa);
    } else {
        py_sb_add(sb, (const char *)sj->bytes + a, (size_t)(b - a));
    }
}

/* ------------------------------------------------------------ compiling */

static py_val_t compile_pattern(py_val_t pattern, int64_t flags) {
    if (py_is_type(pattern, &mod_re_pattern_type)) {
        if (flags) py_raise_msg(&py_type_ValueError, "cannot process flags argument with a compiled pattern");
        return pattern;
    }
    py_val_t key = py_tuple_pack(3, pattern, py_int_from_i64(flags), py_bool(py_is_str(pattern)));
    py_val_t hit = py_dict_get(cache, key);
    if (!py_is_null(hit)) return hit;
    py_val_t s = py_str_arg(pattern);
    uint32_t *units;
    size_t n = 0;
    int is_bytes;
    if (!py_is_null(s)) {
        py_str_t *so = py_as_str(s);
        units = py_raw_alloc(sizeof(uint32_t) * (so->nchars + 1));
        const uint8_t *q = (const uint8_t *)so->data, *e = q + so->len;
        while (q < e) units[n++] = py_utf8_next(&q, e);
        is_bytes = 0;
        if (!(flags & (RE_A | RE_L))) flags |= RE_U;
    } else if (is_bytes_like(pattern)) {
        py_buf_t b;
        py_get_buffer(pattern, &b, 0);
        units = py_raw_alloc(sizeof(uint32_t) * (b.len + 1));
        for (size_t k = 0; k < b.len; k++) units[k] = b.data[k];
        n = b.len;
        is_bytes = 1;
    } else {
        py_raise_msg(&py_type_TypeError, "first argument must be string or compiled pattern");
    }
    py_val_t gi = py_dict_new();
    re_prog_t *prog = mod_re_compile(pattern, units, n, is_bytes, (int)flags, gi);
    if (!is_bytes && !(prog->flags & (RE_A | RE_L))) prog->flags |= RE_U;
    if (!is_bytes && (prog->flags & RE_A)) prog->flags &= ~RE_U;
    pattern_t *p = py_gc_alloc(&mod_re_pattern_type, sizeof(pattern_t));
    p->pattern = pattern;
    p->groupindex = gi;
    p->prog = prog;
    if (py_dict_len(cache) >= CACHE_MAX) {
        py_gc_remove_root(&cache);
        cache = py_dict_new();
        py_gc_add_root(&cache);
    }
    py_dict_set(cache, key, py_obj(p));
    return py_obj(p);
}

/* ------------------------------------------------------------ arguments */

static py_val_t arg_at(int argc, const py_val_t *argv, py_val_t kw, int i, const char *name, py_val_t dflt) {
    if (i < argc) return argv[i];
    return py_kwarg(argc, argv, kw, name, dflt);
}

static py_val_t need_arg(int argc, const py_val_t *argv, py_val_t kw, int i, const char *name, const char *fn) {
    py_val_t v = arg_at(argc, argv, kw, i, name, PY_NULL);
    if (py_is_null(v))
        py_raise_msg(&py_type_TypeError, "%s() missing required argument '%s' (pos %d)", fn, name, i + 1);
    return v;
}

static int64_t int_arg(py_val_t v) { return py_to_i64(v); }

static void clamp_range(py_val_t pv, py_val_t ev, ssize_t len, ssize_t *pos, ssize_t *endpos) {
    int64_t p = py_is_null(pv) ? 0 : int_arg(pv);
    int64_t e = py_is_null(ev) ? INT64_MAX : int_arg(ev);
    if (p < 0) p = 0;
    if (p > len) p = len;
    if (e < 0) e = 0;
    if (e > len) e = len;
    *pos = (ssize_t)p;
    *endpos = (ssize_t)e;
}

/* ------------------------------------------------------------ matching */

static py_val_t new_match(py_val_t pat, py_val_t string, ssize_t pos, ssize_t endpos, const ssize_t *slots) {
    int ng = as_pat(pat)->prog->ngroups;
    match_t *m = py_gc_alloc(&mod_re_match_type, sizeof(match_t) + sizeof(ssize_t) * (2 * (size_t)ng + 1));
    m->re = pat;
    m->string = string;
    m->pos = pos;
    m->endpos = endpos;
    m->ngroups = ng;
    memcpy(m->slots, slots, sizeof(ssize_t) * (2 * (size_t)ng + 1));
    return py_obj(m);
}

/* A slots buffer for one pattern: on the C stack when small. */
#define SLOTS_LOCAL 33
typedef struct {
    ssize_t local[SLOTS_LOCAL];
    ssize_t *v;
} slots_t;
static void slots_init(slots_t *s, const re_prog_t *p) {
    size_t n = 2 * (size_t)p->ngroups + 1;
    s->v = n <= SLOTS_LOCAL ? s->local : py_raw_alloc(sizeof(ssize_t) * n);
}

/* A subject truncated at endpos. */
static re_subject_t window(const subj_t *sj, ssize_t endpos) {
    re_subject_t s = sj->s;
    s.len = endpos;
    return s;
}

static py_val_t do_match(py_val_t pat, py_val_t string, py_val_t pv, py_val_t ev, int mode) {
    pattern_t *p = as_pat(pat);
    subj_t sj;
    get_subject(p, string, &sj);
    ssize_t pos, endpos;
    clamp_range(pv, ev, sj.s.len, &pos, &endpos);
    if (endpos < pos) return PY_NONE;
    slots_t sl;
    slots_init(&sl, p->prog);
    re_subject_t w = window(&sj, endpos);
    if (!mod_re_exec(p->prog, &w, pos, mode, 0, sl.v)) return PY_NONE;
    return new_match(pat, string, pos, endpos, sl.v);
}

static py_val_t p_match_mode(int argc, const py_val_t *argv, py_val_t kw, int mode, const char *fn) {
    py_val_t s = need_arg(argc, argv, kw, 1, "string", fn);
    return do_match(argv[0], s, arg_at(argc, argv, kw, 2, "pos", PY_NULL), arg_at(argc, argv, kw, 3, "endpos", PY_NULL),
                    mode);
}
static py_val_t p_match(int argc, const py_val_t *argv, py_val_t kw) {
    return p_match_mode(argc, argv, kw, RE_MODE_MATCH, "match");
}
static py_val_t p_search(int argc, const py_val_t *argv, py_val_t kw) {
    return p_match_mode(argc, argv, kw, RE_MODE_SEARCH, "search");
}
static py_val_t p_fullmatch(int argc, const py_val_t *argv, py_val_t kw) {
    return p_match_mode(argc, argv, kw, RE_MODE_FULL, "fullmatch");
}

/* The value of group g of a match over sj (default for a group that did not take part). */
static py_val_t group_of(py_val_t string, const ssize_t *slots, int g, py_val_t dflt) {
    ssize_t a = slots[2 * g], b = slots[2 * g + 1];
    if (a < 0 || b < 0) return dflt;
    return slice_of(string, a, b);
}

static py_val_t empty_like(const re_prog_t *p) { return p->is_bytes ? py_bytes_new("", 0) : py_str_empty; }

static py_val_t do_findall(py_val_t pat, py_val_t string, py_val_t pv, py_val_t ev) {
    pattern_t *p = as_pat(pat);
    subj_t sj;
    get_subject(p, string, &sj);
    ssize_t pos, endpos;
    clamp_range(pv, ev, sj.s.len, &pos, &endpos);
    py_val_t list = py_list_new(0);
    if (endpos < pos) return list;
    slots_t sl;
    slots_init(&sl, p->prog);
    re_subject_t w = window(&sj, endpos);
    int ng = p->prog->ngroups, must = 0;
    py_val_t empty = empty_like(p->prog);
    while (pos <= endpos && mod_re_exec(p->prog, &w, pos, RE_MODE_SEARCH, must, sl.v)) {
        ssize_t *s = sl.v;
        py_val_t item;
        if (ng == 1) {
            item = slice_of(string, s[0], s[1]);
        } else if (ng == 2) {
            item = group_of(string, s, 1, empty);
        } else {
            item = py_tuple_new((size_t)ng - 1);
            for (int g = 1; g < ng; g++) py_as_tuple(item)->items[g - 1] = group_of(string, s, g, empty);
        }
        py_list_append(list, item);
        must = s[0] == s[1];
        pos = s[1];
    }
    return list;
}

static py_val_t p_findall(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t s = need_arg(argc, argv, kw, 1, "string", "findall");
    return do_findall(argv[0], s, arg_at(argc, argv, kw, 2, "pos", PY_NULL), arg_at(argc, argv, kw, 3, "endpos", PY_NULL));
}

static py_val_t do_split(py_val_t pat, py_val_t string, int64_t maxsplit) {
    pattern_t *p = as_pat(pat);
    subj_t sj;
    get_subject(p, string, &sj);
    py_val_t list = py_list_new(0);
    slots_t sl;
    slots_init(&sl, p->prog);
    int ng = p->prog->ngroups, must = 0;
    ssize_t pos = 0, last = 0;
    int64_t n = 0;
    if (maxsplit >= 0) {
        while ((maxsplit == 0 || n < maxsplit) && mod_re_exec(p->prog, &sj.s, pos, RE_MODE_SEARCH, must, sl.v)) {
            ssize_t *s = sl.v;
            py_list_append(list, slice_of(string, last, s[0]));
            for (int g = 1; g < ng; g++) py_list_append(list, group_of(string, s, g, PY_NONE));
            last = s[1];
            n++;
            must = s[0] == s[1];
            pos = s[1];
        }
    }
    py_list_append(list, slice_of(string, last, sj.s.len));
    return list;
}

static py_val_t p_split(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t s = need_arg(argc, argv, kw, 1, "string", "split");
    return do_split(argv[0], s, int_arg(arg_at(argc, argv, kw, 2, "maxsplit", py_small(0))));
}

/* ------------------------------------------------------------ sub templates */

/* A parsed replacement template: a list alternating literal chunks (str or
 * bytes) and group numbers (ints). */
static py_val_t parse_template(pattern_t *p, py_val_t repl) {
    int is_bytes = p->prog->is_bytes;
    const char *d;
    size_t n;
    py_buf_t buf;
    py_val_t rs = py_str_arg(repl);
    if (!py_is_null(rs)) {
        if (is_bytes) py_raise_msg(&py_type_TypeError, "expected a bytes-like object, str found");
        d = py_str_data(rs);
        n = py_str_len(rs);
    } else {
        if (!is_bytes) py_raise_msg(&py_type_TypeError, "expected str instance, %s found", py_type_name(repl));
        py_get_buffer(repl, &buf, 0);
        d = (const char *)buf.data;
        n = buf.len;
    }
    py_val_t items = py_list_new(0);
    py_sb_t sb;
    py_sb_init(&sb);
    int ng = p->prog->ngroups;
#define FLUSH()                                                                        \
    do {                                                                               \
        if (sb.len) py_list_append(items, is_bytes ? py_sb_to_bytes(&sb) : py_sb_to_str(&sb)); \
        py_sb_init(&sb);                                                               \
    } while (0)
    for (size_t i = 0; i < n;) {
        char c = d[i];
        if (c != '\\') {
            py_sb_addc(&sb, c);
            i++;
            continue;
        }
        size_t at = i;
        if (i + 1 >= n) mod_re_raise(repl, (ssize_t)at, "bad escape (end of pattern)");
        char e = d[i + 1];
        i += 2;
        int g = -1;
        if (e == 'g') {
            if (i >= n || d[i] != '<') mod_re_raise(repl, (ssize_t)i, "missing <");
            size_t s = ++i;
            while (i < n && d[i] != '>') i++;
            if (i >= n) mod_re_raise(repl, (ssize_t)s, "missing >, unterminated name");
            size_t len = i - s;
            i++;
            if (len == 0) mod_re_raise(repl, (ssize_t)s, "missing group name");
            if (d[s] >= '0' && d[s] <= '9') {
                int64_t v = 0;
                for (size_t k = s; k < s + len; k++) {
                    if (d[k] < '0' || d[k] > '9')
                        mod_re_raise(repl, (ssize_t)s, "bad character in group name '%.*s'", (int)len, d + s);
                    if (v < 1000000) v = v * 10 + (d[k] - '0');
                }
                if (v >= ng) mod_re_raise(repl, (ssize_t)s, "invalid group reference %d", (int)v);
                g = (int)v;
            } else {
                py_val_t name = py_str_new(d + s, len);
                py_val_t gv = py_dict_get(p->groupindex, name);
                if (py_is_null(gv)) {
                    /* CPython checks the name is an identifier first */
                    int ok = 1;
                    for (size_t k = s; k < s + len; k++) {
                        unsigned char ch = (unsigned char)d[k];
                        if (!(ch >= 0x80 || ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                              (k > s && ch >= '0' && ch <= '9')))
                            ok = 0;
                    }
                    if (!ok) mod_re_raise(repl, (ssize_t)s, "bad character in group name '%.*s'", (int)len, d + s);
                    py_raise_msg(&py_type_IndexError, "unknown group name '%.*s'", (int)len, d + s);
                }
                g = (int)py_as_small(gv);
            }
        } else if (e == '0') {
            int v = 0;
            for (int k = 0; k < 2 && i < n && d[i] >= '0' && d[i] <= '7'; k++) v = v * 8 + (d[i++] - '0');
            if (is_bytes)
                py_sb_addc(&sb, (char)v);
            else
                py_sb_add_utf8(&sb, (uint32_t)v);
            continue;
        } else if (e >= '1' && e <= '9') {
            if (e <= '7' && i + 1 < n && d[i] >= '0' && d[i] <= '7' && d[i + 1] >= '0' && d[i + 1] <= '7') {
                int v = (e - '0') * 64 + (d[i] - '0') * 8 + (d[i + 1] - '0');
                if (v > 0377)
                    mod_re_raise(repl, (ssize_t)at, "octal escape value \\%c%c%c outside of range 0-0o377", e, d[i],
                                 d[i + 1]);
                i += 2;
                if (is_bytes)
                    py_sb_addc(&sb, (char)v);
                else
                    py_sb_add_utf8(&sb, (uint32_t)v);
                continue;
            }
            g = e - '0';
            if (i < n && d[i] >= '0' && d[i] <= '9') g = g * 10 + (d[i++] - '0');
            if (g >= ng) mod_re_raise(repl, (ssize_t)at, "invalid group reference %d", g);
        } else {
            const char *esc = strchr("a\007b\010f\014n\012r\015t\011v\013\\\\", e);
            if (e && esc && ((esc - "a\007b\010f\014n\012r\015t\011v\013\\\\") % 2) == 0) {
                py_sb_addc(&sb, esc[1]);
                continue;
            }
            if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) mod_re_raise(repl, (ssize_t)at, "bad escape \\%c", e);
            py_sb_addc(&sb, '\\');
            py_sb_addc(&sb, e);
            continue;
        }
        FLUSH();
        py_list_append(items, py_small(g));
    }
    FLUSH();
#undef FLUSH
    return items;
}

static void add_value(py_sb_t *sb, py_val_t v, int is_bytes) {
    if (is_bytes) {
        py_buf_t b;
        if (py_is_str(v)) py_raise_msg(&py_type_TypeError, "expected a bytes-like object, str found");
        py_get_buffer(v, &b, 0);
        py_sb_add(sb, (const char *)b.data, b.len);
    } else {
        py_val_t s = py_str_arg(v);
        if (py_is_null(s)) py_raise_msg(&py_type_TypeError, "expected str instance, %s found", py_type_name(v));
        py_sb_add(sb, py_str_data(s), py_str_len(s));
    }
}

/* Appends the expansion of a parsed template for one match. */
static void expand_into(py_sb_t *sb, py_val_t items, const subj_t *sj, py_val_t string, const ssize_t *slots) {
    py_list_t *l = py_as_list(items);
    for (size_t k = 0; k < l->len; k++) {
        py_val_t it = l->items[k];
        if (py_is_small(it)) {
            int g = (int)py_as_small(it);
            if (slots[2 * g] >= 0 && slots[2 * g + 1] >= 0) {
                if (sj)
                    add_slice(sb, sj, slots[2 * g], slots[2 * g + 1]);
                else
                    add_value(sb, slice_of(string, slots[2 * g], slots[2 * g + 1]), py_is_null(py_str_arg(string)));
            }
        } else if (py_is_str(it)) {
            py_sb_add(sb, py_str_data(it), py_str_len(it));
        } else {
            py_sb_add(sb, py_str_data(it), py_str_len(it)); /* bytes share the str layout */
        }
    }
}

static py_val_t do_sub(py_val_t pat, py_val_t repl, py_val_t string, int64_t count, int want_n) {
    pattern_t *p = as_pat(pat);
    int is_bytes = p->prog->is_bytes;
    py_val_t items = PY_NULL, literal = PY_NULL;
    int callable = !(py_is_str(repl) || is_bytes_like(repl));
    if (!callable) {
        items = parse_template(p, repl);
        py_list_t *l = py_as_list(items);
        if (l->len == 0)
            literal = empty_like(p->prog);
        else if (l->len == 1 && !py_is_small(l->items[0]))
            literal = l->items[0];
    }
    subj_t sj;
    get_subject(p, string, &sj);
    slots_t sl;
    slots_init(&sl, p->prog);
    py_sb_t sb;
    py_sb_init(&sb);
    ssize_t pos = 0, last = 0;
    int64_t n = 0;
    int must = 0;
    if (count >= 0) {
        while ((count == 0 || n < count) && mod_re_exec(p->prog, &sj.s, pos, RE_MODE_SEARCH, must, sl.v)) {
            ssize_t *s = sl.v;
            add_slice(&sb, &sj, last, s[0]);
            if (callable) {
                py_val_t m = new_match(pat, string, 0, sj.s.len, s);
                py_val_t r = py_call1(repl, m);
                if (!py_is_none(r)) add_value(&sb, r, is_bytes);
            } else if (!py_is_null(literal)) {
                py_sb_add(&sb, py_str_data(literal), py_str_len(literal));
            } else {
                expand_into(&sb, items, &sj, string, s);
            }
            last = s[1];
            n++;
            must = s[0] == s[1];
            pos = s[1];
        }
    }
    py_val_t result;
    if (n == 0 && (py_is_type(string, &py_type_str) || py_is_type(string, &py_type_bytes))) {
        result = string;
    } else {
        add_slice(&sb, &sj, last, sj.s.len);
        result = is_bytes ? py_sb_to_bytes(&sb) : py_sb_to_str(&sb);
    }
    if (want_n) return py_tuple_pack(2, result, py_int_from_i64(n));
    return result;
}

static py_val_t p_sub(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t r = need_arg(argc, argv, kw, 1, "repl", "sub"), s = need_arg(argc, argv, kw, 2, "string", "sub");
    return do_sub(argv[0], r, s, int_arg(arg_at(argc, argv, kw, 3, "count", py_small(0))), 0);
}
static py_val_t p_subn(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t r = need_arg(argc, argv, kw, 1, "repl", "subn"), s = need_arg(argc, argv, kw, 2, "string", "subn");
    return do_sub(argv[0], r, s, int_arg(arg_at(argc, argv, kw, 3, "count", py_small(0))), 1);
}

/* ------------------------------------------------------------ finditer */

typedef struct {
    py_obj_t h;
    py_val_t pat, string;
    void *wide_units; /* raw block of the decoded subject, or NULL */
    ssize_t pos, endpos;
    int must, done;
} iter_t;

static void iter_trace(py_obj_t *o) {
    iter_t *it = (iter_t *)o;
    py_gc_mark(it->pat);
    py_gc_mark(it->string);
    py_gc_mark_raw(it->wide_units);
}

static py_val_t iter_next(py_val_t self) {
    iter_t *it = py_as_ptr(self);
    if (it->done) return PY_NULL;
    pattern_t *p = as_pat(it->pat);
    subj_t sj;
    if (it->wide_units) {
        memset(&sj, 0, sizeof sj);
        sj.s.units = it->wide_units;
        sj.s.wide = 1;
        sj.s.len = (ssize_t)(py_raw_of(it->wide_units)->size / sizeof(uint32_t)) - 1;
    } else {
        get_subject(p, it->string, &sj);
    }
    if (it->endpos > sj.s.len) it->endpos = sj.s.len; /* a bytearray may have shrunk */
    slots_t sl;
    slots_init(&sl, p->prog);
    re_subject_t w = window(&sj, it->endpos);
    if (it->pos > it->endpos || !mod_re_exec(p->prog, &w, it->pos, RE_MODE_SEARCH, it->must, sl.v)) {
        it->done = 1;
        return PY_NULL;
    }
    it->must = sl.v[0] == sl.v[1];
    it->pos = sl.v[1];
    return new_match(it->pat, it->string, 0, it->endpos, sl.v);
}

static py_val_t iter_self(py_val_t self) { return self; }

static py_type_t iter_type = {
    .h = {&py_type_type},
    .name = "callable_iterator",
    .base = &py_type_object,
    .instance_size = sizeof(iter_t),
    .iter = iter_self,
    .iternext = iter_next,
    .trace = iter_trace,
};

static py_val_t do_finditer(py_val_t pat, py_val_t string, py_val_t pv, py_val_t ev) {
    pattern_t *p = as_pat(pat);
    subj_t sj;
    get_subject(p, string, &sj);
    iter_t *it = py_gc_alloc(&iter_type, sizeof(iter_t));
    it->pat = pat;
    it->string = string;
    it->wide_units = sj.s.wide ? (void *)sj.s.units : NULL;
    clamp_range(pv, ev, sj.s.len, &it->pos, &it->endpos);
    return py_obj(it);
}

static py_val_t p_finditer(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t s = need_arg(argc, argv, kw, 1, "string", "finditer");
    return do_finditer(argv[0], s, arg_at(argc, argv, kw, 2, "pos", PY_NULL), arg_at(argc, argv, kw, 3, "endpos", PY_NULL));
}

/* ------------------------------------------------------------ Pattern type */

static const char *const flag_names[] = {"TEMPLATE", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL",
                                         "UNICODE",  "VERBOSE",    "DEBUG",  "ASCII"};

static void pattern_print(py_sb_t *sb, py_val_t self, int kind) {
    pattern_t *p = as_pat(self);
    py_sb_adds(sb, "re.compile(");
    py_print_to(sb, p->pattern, PY_PRINT_REPR);
    int f = p->prog->flags;
    if (!p->prog->is_bytes) f &= ~RE_U;
    if (f) {
        py_sb_adds(sb, ", ");
        int first = 1;
        for (int b = 0; b < 9; b++) {
            if (!(f & (1 << b))) continue;
            if (!first) py_sb_addc(sb, '|');
            py_sb_printf(sb, "re.%s", flag_names[b]);
            first = 0;
            f &= ~(1 << b);
        }
        if (f) py_sb_printf(sb, "%s0x%x", first ? "" : "|", f);
    }
    py_sb_addc(sb, ')');
}

static py_val_t pattern_getattr(py_val_t self, py_val_t name) {
    pattern_t *p = as_pat(self);
    const char *n = py_str_data(name);
    if (!strcmp(n, "pattern")) return p->pattern;
    if (!strcmp(n, "flags")) return py_small(p->prog->flags);
    if (!strcmp(n, "groups")) return py_small(p->prog->ngroups - 1);
    if (!strcmp(n, "groupindex")) return py_dict_copy(p->groupindex);
    return PY_NULL;
}

static py_val_t pattern_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    if (op != PY_CMP_EQ && op != PY_CMP_NE) return PY_NULL;
    if (!py_is_type(other, &mod_re_pattern_type)) return PY_NULL;
    pattern_t *a = as_pat(self), *b = as_pat(other);
    bool eq = self == other || (a->prog->flags == b->prog->flags && a->prog->is_bytes == b->prog->is_bytes &&
                                py_eq(a->pattern, b->pattern));
    return py_bool(op == PY_CMP_EQ ? eq : !eq);
}

static py_val_t pattern_unary(py_unop_t op, py_val_t v) {
    if (op == PY_UNARY_HASH) return py_hash_value(py_hash(as_pat(v)->pattern) ^ as_pat(v)->prog->flags);
    return PY_NULL;
}

static const py_method_def_t pattern_methods[] = {
    {"match", p_match, 2, 4, PY_MF_KW},
    {"search", p_search, 2, 4, PY_MF_KW},
    {"fullmatch", p_fullmatch, 2, 4, PY_MF_KW},
    {"findall", p_findall, 2, 4, PY_MF_KW},
    {"finditer", p_finditer, 2, 4, PY_MF_KW},
    {"split", p_split, 2, 3, PY_MF_KW},
    {"sub", p_sub, 3, 4, PY_MF_KW},
    {"subn", p_subn, 3, 4, PY_MF_KW},
    PY_MF_END,
};

py_type_t mod_re_pattern_type = {
    .h = {&py_type_type},
    .name = "Pattern",
    .base = &py_type_object,
    .instance_size = sizeof(pattern_t),
    .methods = pattern_methods,
    .print = pattern_print,
    .getattr = pattern_getattr,
    .compare = pattern_compare,
    .unary = pattern_unary,
    .trace = pattern_trace,
};

/* ------------------------------------------------------------ Match type */

static int group_index(match_t *m, py_val_t g) {
    if (py_is_int(g)) {
        if (py_int_fits_i64(g)) {
            int64_t i = py_to_i64(g);
            if (i >= 0 && i < m->ngroups) return (int)i;
        }
    } else if (py_is_str(g)) {
        py_val_t v = py_dict_get(as_pat(m->re)->groupindex, g);
        if (!py_is_null(v)) return (int)py_as_small(v);
    }
    py_raise_msg(&py_type_IndexError, "no such group");
}

static py_val_t m_group(int argc, const py_val_t *argv, py_val_t kw) {
    match_t *m = as_match(argv[0]);
    if (argc <= 2) {
        int g = argc == 1 ? 0 : group_index(m, argv[1]);
        return group_of(m->string, m->slots, g, PY_NONE);
    }
    py_val_t t = py_tuple_new((size_t)argc - 1);
    for (int k = 1; k < argc; k++)
        py_as_tuple(t)->items[k - 1] = group_of(m->string, m->slots, group_index(m, argv[k]), PY_NONE);
    return t;
}

static py_val_t m_getitem(py_val_t self, py_val_t key) {
    match_t *m = as_match(self);
    return group_of(m->string, m->slots, group_index(m, key), PY_NONE);
}

static py_val_t m_getitem_method(int argc, const py_val_t *argv, py_val_t kw) { return m_getitem(argv[0], argv[1]); }

static py_val_t m_groups(int argc, const py_val_t *argv, py_val_t kw) {
    match_t *m = as_match(argv[0]);
    py_val_t dflt = arg_at(argc, argv, kw, 1, "default", PY_NONE);
    py_val_t t = py_tuple_new((size_t)m->ngroups - 1);
    for (int g = 1; g < m->ngroups; g++) py_as_tuple(t)->items[g - 1] = group_of(m->string, m->slots, g, dflt);
    return t;
}

static py_val_t m_groupdict(int argc, const py_val_t *argv, py_val_t kw) {
    match_t *m = as_match(argv[0]);
    py_val_t dflt = arg_at(argc, argv, kw, 1, "default", PY_NONE);
    py_val_t d = py_dict_new();
    size_t it = 0;
    py_val_t k, v;
    py_val_t gi = as_pat(m->re)->groupindex;
    while (py_dict_next(gi, &it, &k, &v)) py_dict_set(d, k, group_of(m->string, m->slots, (int)py_as_small(v), dflt));
    return d;
}

static int opt_group(match_t *m, int argc, const py_val_t *argv) { return argc > 1 ? group_index(m, argv[1]) : 0; }

static py_val_t m_start(int argc, const py_val_t *argv, py_val_t kw) {
    match_t *m = as_match(argv[0]);
    return py_int_from_i64(m->slots[2 * opt_group(m, argc, argv)]);
}
static py_val_t m_end(int argc, const py_val_t *argv, py_val_t kw) {
    match_t *m = as_match(argv[0]);
    return py_int_from_i64(m->slots[2 * opt_group(m, argc, argv) + 1]);
}
static py_val_t m_span(int argc, const py_val_t *argv, py_val_t kw) {
    match_t *m = as_match(argv[0]);
    int g = opt_group(m, argc, argv);
    return py_tuple_pack(2, py_int_from_i64(m->slots[2 * g]), py_int_from_i64(m->slots[2 * g + 1]));
}

static py_val_t m_expand(int argc, const py_val_t *argv, py_val_t kw) {
    match_t *m = as_match(argv[0]);
    pattern_t *p = as_pat(m->re);
    py_val_t items = parse_template(p, argv[1]);
    py_sb_t sb;
    py_sb_init(&sb);
    expand_into(&sb, items, NULL, m->string, m->slots);
    return p->prog->is_bytes ? py_sb_to_bytes(&sb) : py_sb_to_str(&sb);
}

static py_val_t lastgroup(match_t *m) {
    ssize_t li = m->slots[2 * m->ngroups];
    if (li < 0) return PY_NONE;
    size_t it = 0;
    py_val_t k, v;
    py_val_t gi = as_pat(m->re)->groupindex;
    while (py_dict_next(gi, &it, &k, &v))
        if (py_as_small(v) == li) return k;
    return PY_NONE;
}

static py_val_t match_getattr(py_val_t self, py_val_t name) {
    match_t *m = as_match(self);
    const char *n = py_str_data(name);
    if (!strcmp(n, "string")) return m->string;
    if (!strcmp(n, "re")) return m->re;
    if (!strcmp(n, "pos")) return py_int_from_i64(m->pos);
    if (!strcmp(n, "endpos")) return py_int_from_i64(m->endpos);
    if (!strcmp(n, "lastindex")) {
        ssize_t li = m->slots[2 * m->ngroups];
        return li < 0 ? PY_NONE : py_int_from_i64(li);
    }
    if (!strcmp(n, "lastgroup")) return lastgroup(m);
    if (!strcmp(n, "regs")) {
        py_val_t t = py_tuple_new((size_t)m->ngroups);
        for (int g = 0; g < m->ngroups; g++)
            py_as_tuple(t)->items[g] =
                py_tuple_pack(2, py_int_from_i64(m->slots[2 * g]), py_int_from_i64(m->slots[2 * g + 1]));
        return t;
    }
    return PY_NULL;
}

static void match_print(py_sb_t *sb, py_val_t self, int kind) {
    match_t *m = as_match(self);
    py_sb_printf(sb, "<re.Match object; span=(%zd, %zd), match=", m->slots[0], m->slots[1]);
    py_print_to(sb, group_of(m->string, m->slots, 0, PY_NONE), PY_PRINT_REPR);
    py_sb_addc(sb, '>');
}

static const py_method_def_t match_methods[] = {
    {"group", m_group, 1, -1, 0},
    {"groups", m_groups, 1, 2, PY_MF_KW},
    {"groupdict", m_groupdict, 1, 2, PY_MF_KW},
    {"start", m_start, 1, 2, 0},
    {"end", m_end, 1, 2, 0},
    {"span", m_span, 1, 2, 0},
    {"expand", m_expand, 2, 2, 0},
    {"__getitem__", m_getitem_method, 2, 2, 0},
    PY_MF_END,
};

py_type_t mod_re_match_type = {
    .h = {&py_type_type},
    .name = "Match",
    .base = &py_type_object,
    .instance_size = sizeof(match_t),
    .methods = match_methods,
    .print = match_print,
    .getattr = match_getattr,
    .getitem = m_getitem,
    .trace = match_trace,
};

/* ------------------------------------------------------------ module functions */

static py_val_t flags_arg(int argc, const py_val_t *argv, py_val_t kw, int i) {
    return arg_at(argc, argv, kw, i, "flags", py_small(0));
}

static py_val_t re_compile(int argc, const py_val_t *argv, py_val_t kw) {
    return compile_pattern(argv[0], int_arg(flags_arg(argc, argv, kw, 1)));
}

#define MODFN(name, mode)                                                                       \
    static py_val_t re_##name(int argc, const py_val_t *argv, py_val_t kw) {                   \
        py_val_t s = need_arg(argc, argv, kw, 1, "string", #name);                             \
        py_val_t pat = compile_pattern(argv[0], int_arg(flags_arg(argc, argv, kw, 2)));        \
        return do_match(pat, s, PY_NULL, PY_NULL, mode);                                       \
    }
MODFN(match, RE_MODE_MATCH)
MODFN(search, RE_MODE_SEARCH)
MODFN(fullmatch, RE_MODE_FULL)

static py_val_t re_findall(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t s = need_arg(argc, argv, kw, 1, "string", "findall");
    py_val_t pat = compile_pattern(argv[0], int_arg(flags_arg(argc, argv, kw, 2)));
    return do_findall(pat, s, PY_NULL, PY_NULL);
}
static py_val_t re_finditer(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t s = need_arg(argc, argv, kw, 1, "string", "finditer");
    py_val_t pat = compile_pattern(argv[0], int_arg(flags_arg(argc, argv, kw, 2)));
    return do_finditer(pat, s, PY_NULL, PY_NULL);
}
static py_val_t re_split(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t s = need_arg(argc, argv, kw, 1, "string", "split");
    int64_t maxsplit = int_arg(arg_at(argc, argv, kw, 2, "maxsplit", py_small(0)));
    py_val_t pat = compile_pattern(argv[0], int_arg(flags_arg(argc, argv, kw, 3)));
    return do_split(pat, s, maxsplit);
}
static py_val_t sub_common(int argc, const py_val_t *argv, py_val_t kw, int want_n) {
    const char *fn = want_n ? "subn" : "sub";
    py_val_t r = need_arg(argc, argv, kw, 1, "repl", fn), s = need_arg(argc, argv, kw, 2, "string", fn);
    int64_t count = int_arg(arg_at(argc, argv, kw, 3, "count", py_small(0)));
    py_val_t pat = compile_pattern(argv[0], int_arg(flags_arg(argc, argv, kw, 4)));
    return do_sub(pat, r, s, count, want_n);
}
static py_val_t re_sub(int argc, const py_val_t *argv, py_val_t kw) { return sub_common(argc, argv, kw, 0); }
static py_val_t re_subn(int argc, const py_val_t *argv, py_val_t kw) { return sub_common(argc, argv, kw, 1); }

static py_val_t re_escape(int argc, const py_val_t *argv, py_val_t kw) {
    static const char special[] = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
    py_val_t v = argv[0];
    py_val_t s = py_str_arg(v);
    const char *d;
    size_t n;
    py_buf_t b;
    if (!py_is_null(s)) {
        d = py_str_data(s);
        n = py_str_len(s);
    } else {
        py_get_buffer(v, &b, 0);
        d = (const char *)b.data;
        n = b.len;
    }
    py_sb_t sb;
    py_sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        if (d[i] && strchr(special, d[i])) py_sb_addc(&sb, '\\');
        py_sb_addc(&sb, d[i]);
    }
    return py_is_null(s) ? py_sb_to_bytes(&sb) : py_sb_to_str(&sb);
}

static py_val_t re_purge(int argc, const py_val_t *argv, py_val_t kw) {
    py_gc_remove_root(&cache);
    cache = py_dict_new();
    py_gc_add_root(&cache);
    return PY_NONE;
}

static const py_method_def_t re_functions[] = {
    {"compile", re_compile, 1, 2, PY_MF_KW},
    {"match", re_match, 2, 3, PY_MF_KW},
    {"search", re_search, 2, 3, PY_MF_KW},
    {"fullmatch", re_fullmatch, 2, 3, PY_MF_KW},
    {"findall", re_findall, 2, 3, PY_MF_KW},
    {"finditer", re_finditer, 2, 3, PY_MF_KW},
    {"split", re_split, 2, 4, PY_MF_KW},
    {"sub", re_sub, 3, 5, PY_MF_KW},
    {"subn", re_subn, 3, 5, PY_MF_KW},
    {"escape", re_escape, 1, 1, 0},
    {"purge", re_purge, 0, 0, 0},
    PY_MF_END,
};

static void re_init(py_val_t module) {
    if (py_is_null(error_cls)) {
        py_val_t ns = py_dict_new();
        py_dict_set(ns, py_intern("__module__"), py_str_from_cstr("re"));
        error_cls = py_type_new_class(py_str_from_cstr("error"), py_tuple_pack(1, py_obj(&py_type_Exception)), ns,
                                      PY_NULL);
        py_gc_add_root(&error_cls);
        cache = py_dict_new();
        py_gc_add_root(&cache);
    }
    py_type_init_builtin(&mod_re_pattern_type);
    py_type_init_builtin(&mod_re_match_type);
    py_module_add(module, "error", error_cls);
    py_module_add(module, "Pattern", py_obj(&mod_re_pattern_type));
    py_module_add(module, "Match", py_obj(&mod_re_match_type));
    static const struct {
        const char *name;
        int value;
    } consts[] = {
        {"I", RE_I},       {"IGNORECASE", RE_I}, {"M", RE_M},     {"MULTILINE", RE_M}, {"S", RE_S},
        {"DOTALL", RE_S},  {"X", RE_X},          {"VERBOSE", RE_X}, {"A", RE_A},       {"ASCII", RE_A},
        {"U", RE_U},       {"UNICODE", RE_U},    {"L", RE_L},     {"LOCALE", RE_L},    {"T", RE_TEMPLATE},
        {"TEMPLATE", RE_TEMPLATE}, {"DEBUG", RE_DEBUG}, {"NOFLAG", 0},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        py_module_add(module, consts[i].name, py_small(consts[i].value));
}

const py_module_def_t py_module_re = {"re", re_functions, re_init};
