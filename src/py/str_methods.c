/* str_methods.c: the named methods of str (upper, split, find, format ...)
 * and its dunder methods, i.e. the py_str_methods table of obj_str.c.
 *
 * Every method has an ASCII fast path working on bytes; text with other
 * characters goes through the generated Unicode tables (str_unidata.c).
 * Positions given in code points (start/end arguments, results of find) are
 * converted to byte offsets once, then all searching is done on the UTF-8
 * bytes: UTF-8 is self-synchronising, so a byte match of valid text is
 * always a match of whole characters.  Behaviour and error messages follow
 * CPython 3.11.
 *
 * Methods receive self already unwrapped (a str, never an instance of a
 * subclass: obj_type.c's cfunc binding does that); other str arguments may
 * be subclass instances and go through py_str_arg.
 */
#include <string.h>

#include "str_impl.h"

#define SELF py_as_str(argv[0])

/* ------------------------------------------------------------ character classes */

static uint16_t ascii_tab[128];

static void init_ascii_tab(void) {
    for (unsigned c = 0; c < 128; c++) {
        unsigned f = 0;
        if (c >= 'a' && c <= 'z')
            f = PY_UNI_ALPHA | PY_UNI_LOWER | PY_UNI_CASED | PY_UNI_PRINTABLE | PY_UNI_XID_START |
                PY_UNI_XID_CONT;
        else if (c >= 'A' && c <= 'Z')
            f = PY_UNI_ALPHA | PY_UNI_UPPER | PY_UNI_CASED | PY_UNI_PRINTABLE | PY_UNI_XID_START |
                PY_UNI_XID_CONT;
        else if (c >= '0' && c <= '9')
            f = PY_UNI_DECIMAL | PY_UNI_DIGIT | PY_UNI_NUMERIC | PY_UNI_PRINTABLE | PY_UNI_XID_CONT;
        else if (c == '_')
            f = PY_UNI_PRINTABLE | PY_UNI_XID_START | PY_UNI_XID_CONT;
        else if (c >= 0x20 && c < 0x7F)
            f = PY_UNI_PRINTABLE;
        if (c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F)) f |= PY_UNI_SPACE;
        if (c == '\'' || c == '.' || c == ':' || c == '^' || c == '`') f |= PY_UNI_IGNORABLE;
        ascii_tab[c] = (uint16_t)f;
    }
}

static inline unsigned props(uint32_t c) {
    if (c < 0x80) {
        if (!ascii_tab['a']) init_ascii_tab();
        return ascii_tab[c];
    }
    return py_uni_props(c);
}

static inline bool ascii_space(unsigned char c) {
    return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F);
}

/* Length of the whitespace character at p, or 0. */
static inline size_t space_at(const char *p, const char *e) {
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) return ascii_space(c);
    const uint8_t *q = (const uint8_t *)p;
    uint32_t cp = py_utf8_next(&q, (const uint8_t *)e);
    return (py_uni_props(cp) & PY_UNI_SPACE) ? (size_t)((const char *)q - p) : 0;
}

/* Start of the character that ends at p (p > b). */
static inline const char *char_before(const char *p, const char *b) {
    do p--;
    while (p > b && ((unsigned char)*p & 0xC0) == 0x80);
    return p;
}

static inline uint32_t cp_at(const char *p, const char *e) {
    const uint8_t *q = (const uint8_t *)p;
    return py_utf8_next(&q, (const uint8_t *)e);
}

/* ------------------------------------------------------------ argument helpers */

/* A substring of s: shares s when it is the whole text. */
static py_val_t sub_of(py_str_t *s, const char *p, size_t n) {
    if (n == s->len) return py_obj(s);
    if (s->ascii) return py_str_new_n(p, n, n);
    return py_str_new(p, n);
}

static py_str_t *str_arg(py_val_t v) { return py_str_need(v, "must be str, not %s"); }

/* An optional start/end argument: None or absent keeps the default. */
static int64_t slice_index(py_val_t v, int64_t dflt) {
    if (py_is_null(v) || py_is_none(v)) return dflt;
    if (py_is_small(v)) return py_as_small(v);
    if (py_is_bool(v)) return v == PY_TRUE;
    if (py_is_int(v)) {
        if (py_int_fits_i64(v)) return py_to_i64(v);
        return py_truthy(py_compare(PY_CMP_LT, v, py_small(0))) ? INT64_MIN / 2 : INT64_MAX / 2;
    }
    if (py_is_obj(v) && !py_is_null(py_type_lookup(py_type_of(v), PYN(__index__)))) return py_to_i64(v);
    py_raise_msg(&py_type_TypeError, "slice indices must be integers or None or have an __index__ method");
}

typedef struct {
    int64_t start, end; /* code points, CPython's ADJUST_INDICES applied */
    size_t b0, b1;      /* the same as byte offsets (valid when start <= end) */
} range_t;

/* Resolves argv[i], argv[i+1] (start, end) against s. */
static void get_range(py_str_t *s, int argc, const py_val_t *argv, int i, range_t *r) {
    int64_t len = (int64_t)s->nchars;
    int64_t start = slice_index(argc > i ? argv[i] : PY_NULL, 0);
    int64_t end = slice_index(argc > i + 1 ? argv[i + 1] : PY_NULL, len);
    if (end > len)
        end = len;
    else if (end < 0) {
        end += len;
        if (end < 0) end = 0;
    }
    if (start < 0) {
        start += len;
        if (start < 0) start = 0;
    }
    r->start = start;
    r->end = end;
    if (start <= end) {
        r->b0 = py_str_offset(s, (size_t)start);
        r->b1 = py_str_offset(s, (size_t)end);
    } else {
        r->b0 = r->b1 = 0;
    }
}

/* A positional-or-keyword argument. */
static py_val_t arg_kw(int argc, const py_val_t *argv, py_val_t kwnames, int i, const char *name) {
    if (i < argc) {
        if (!py_is_null(py_kwarg(argc, argv, kwnames, name, PY_NULL)))
            py_raise_msg(&py_type_TypeError, "argument for %s given by name ('%s') and position (%d)", name,
                         name, i);
        return argv[i];
    }
    return py_kwarg(argc, argv, kwnames, name, PY_NULL);
}

/* Rejects keyword names other than a and b (b may be NULL). */
static void check_kw(const char *fn, py_val_t kwnames, const char *a, const char *b) {
    if (py_is_null(kwnames)) return;
    py_tuple_t *k = py_as_tuple(kwnames);
    for (size_t i = 0; i < k->len; i++) {
        const char *n = py_str_data(k->items[i]);
        if (strcmp(n, a) != 0 && (!b || strcmp(n, b) != 0))
            py_raise_msg(&py_type_TypeError, "'%s' is an invalid keyword argument for %s()", n, fn);
    }
}

/* ------------------------------------------------------------ case mapping */

enum { M_LOWER, M_UPPER, M_SWAP, M_TITLE, M_CAPITALIZE, M_FOLD };

/* Greek capital sigma at [p, q) of text d..e is final: it follows a cased
 * letter and no cased letter follows (case-ignorable characters skipped). */
static bool final_sigma(const char *d, const char *e, const char *p, const char *q) {
    bool before = false;
    while (p > d) {
        p = char_before(p, d);
        unsigned f = props(cp_at(p, e));
        if (f & PY_UNI_IGNORABLE) continue;
        before = (f & PY_UNI_CASED) != 0;
        break;
    }
    if (!before) return false;
    while (q < e) {
        const uint8_t *r = (const uint8_t *)q;
        unsigned f = props(py_utf8_next(&r, (const uint8_t *)e));
        q = (const char *)r;
        if (f & PY_UNI_IGNORABLE) continue;
        return !(f & PY_UNI_CASED);
    }
    return true;
}

static void add_case(py_sb_t *sb, int kind, uint32_t c) {
    if (c < 0x80) {
        if (kind == PY_CASE_LOWER || kind == PY_CASE_FOLD) {
            if (c >= 'A' && c <= 'Z') c += 32;
        } else if (c >= 'a' && c <= 'z') {
            c -= 32;
        }
        py_sb_addc(sb, (char)c);
        return;
    }
    const char *sp;
    uint32_t r = py_uni_map(kind, c, &sp);
    if (sp)
        py_sb_adds(sb, sp);
    else
        py_sb_add_utf8(sb, r);
}

/* Lowercases c at [p, q), applying the final-sigma rule. */
static void add_lower(py_sb_t *sb, uint32_t c, const char *d, const char *e, const char *p, const char *q) {
    if (c == 0x3A3) {
        py_sb_add_utf8(sb, final_sigma(d, e, p, q) ? 0x3C2 : 0x3C3);
        return;
    }
    add_case(sb, PY_CASE_LOWER, c);
}

static py_val_t ascii_case(py_str_t *s, int mode) {
    const unsigned char *d = (const unsigned char *)s->data;
    size_t n = s->len, i = 0;
    /* lower/upper of text already in that case: share it */
    if (mode == M_LOWER || mode == M_FOLD) {
        while (i < n && !(d[i] >= 'A' && d[i] <= 'Z')) i++;
    } else if (mode == M_UPPER) {
        while (i < n && !(d[i] >= 'a' && d[i] <= 'z')) i++;
    }
    if (i == n) return py_obj(s);
    py_str_t *r = py_str_alloc(n);
    char *o = r->data;
    memcpy(o, d, i);
    bool prev_cased = false;
    for (; i < n; i++) {
        unsigned char c = d[i];
        bool lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z';
        switch (mode) {
        case M_LOWER:
        case M_FOLD:
            if (up) c += 32;
            break;
        case M_UPPER:
            if (lo) c -= 32;
            break;
        case M_SWAP:
            c = lo ? c - 32 : up ? c + 32 : c;
            break;
        case M_TITLE:
            if (prev_cased) {
                if (up) c += 32;
            } else if (lo) {
                c -= 32;
            }
            prev_cased = lo || up;
            break;
        default: /* M_CAPITALIZE */
            if (i == 0) {
                if (lo) c -= 32;
            } else if (up) {
                c += 32;
            }
            break;
        }
        o[i] = (char)c;
    }
    r->nchars = n;
    r->ascii = 1;
    return py_obj(r);
}

static py_val_t change_case(py_str_t *s, int mode) {
    if (s->ascii) return ascii_case(s, mode);
    py_sb_t sb;
    py_sb_init(&sb);
    const char *d = s->data, *e = d + s->len, *p = d;
    bool prev_cased = false, first = true;
    while (p < e) {
        const uint8_t *q8 = (const uint8_t *)p;
        uint32_t c = py_utf8_next(&q8, (const uint8_t *)e);
        const char *q = (const char *)q8;
        switch (mode) {
        case M_LOWER:
            add_lower(&sb, c, d, e, p, q);
            break;
        case M_FOLD:
            add_case(&sb, PY_CASE_FOLD, c);
            break;
        case M_UPPER:
            add_case(&sb, PY_CASE_UPPER, c);
            break;
        case M_SWAP: {
            unsigned f = props(c);
            if (f & PY_UNI_UPPER)
                add_lower(&sb, c, d, e, p, q);
            else if (f & PY_UNI_LOWER)
                add_case(&sb, PY_CASE_UPPER, c);
            else
                py_sb_add(&sb, p, (size_t)(q - p));
            break;
        }
        case M_TITLE:
            if (prev_cased)
                add_lower(&sb, c, d, e, p, q);
            else
                add_case(&sb, PY_CASE_TITLE, c);
            prev_cased = (props(c) & PY_UNI_CASED) != 0;
            break;
        default: /* M_CAPITALIZE */
            if (first)
                add_case(&sb, PY_CASE_TITLE, c);
            else
                add_lower(&sb, c, d, e, p, q);
            break;
        }
        first = false;
        p = q;
    }
    return py_sb_to_str(&sb);
}

static py_val_t m_lower(int argc, const py_val_t *argv, py_val_t kw) { return change_case(SELF, M_LOWER); }
static py_val_t m_upper(int argc, const py_val_t *argv, py_val_t kw) { return change_case(SELF, M_UPPER); }
static py_val_t m_swapcase(int argc, const py_val_t *argv, py_val_t kw) { return change_case(SELF, M_SWAP); }
static py_val_t m_title(int argc, const py_val_t *argv, py_val_t kw) { return change_case(SELF, M_TITLE); }
static py_val_t m_capitalize(int argc, const py_val_t *argv, py_val_t kw) {
    return change_case(SELF, M_CAPITALIZE);
}
static py_val_t m_casefold(int argc, const py_val_t *argv, py_val_t kw) { return change_case(SELF, M_FOLD); }

/* ------------------------------------------------------------ predicates */

/* Non-empty and every character has one of the bits in mask. */
static py_val_t all_chars(py_str_t *s, unsigned mask) {
    if (s->len == 0) return PY_FALSE;
    const char *p = s->data, *e = p + s->len;
    if (s->ascii) {
        if (!ascii_tab['a']) init_ascii_tab();
        for (; p < e; p++)
            if (!(ascii_tab[(unsigned char)*p] & mask)) return PY_FALSE;
        return PY_TRUE;
    }
    const uint8_t *q = (const uint8_t *)p;
    while (q < (const uint8_t *)e)
        if (!(props(py_utf8_next(&q, (const uint8_t *)e)) & mask)) return PY_FALSE;
    return PY_TRUE;
}

static py_val_t m_isalpha(int argc, const py_val_t *argv, py_val_t kw) {
    return all_chars(SELF, PY_UNI_ALPHA);
}
static py_val_t m_isalnum(int argc, const py_val_t *argv, py_val_t kw) {
    return all_chars(SELF, PY_UNI_ALPHA | PY_UNI_DECIMAL | PY_UNI_DIGIT | PY_UNI_NUMERIC);
}
static py_val_t m_isdecimal(int argc, const py_val_t *argv, py_val_t kw) {
    return all_chars(SELF, PY_UNI_DECIMAL);
}
static py_val_t m_isdigit(int argc, const py_val_t *argv, py_val_t kw) {
    return all_chars(SELF, PY_UNI_DIGIT);
}
static py_val_t m_isnumeric(int argc, const py_val_t *argv, py_val_t kw) {
    return all_chars(SELF, PY_UNI_NUMERIC);
}
static py_val_t m_isspace(int argc, const py_val_t *argv, py_val_t kw) {
    return all_chars(SELF, PY_UNI_SPACE);
}
static py_val_t m_isascii(int argc, const py_val_t *argv, py_val_t kw) { return py_bool(SELF->ascii); }
/* No isprintable(): MicroPython's str has none, and a script that calls it
 * must fail here as on the board (the reference's isPrintable/isGraph
 * examples do). */

static py_val_t m_isidentifier(int argc, const py_val_t *argv, py_val_t kw) {
    py_str_t *s = SELF;
    if (s->len == 0) return PY_FALSE;
    const uint8_t *q = (const uint8_t *)s->data, *e = q + s->len;
    if (!(props(py_utf8_next(&q, e)) & PY_UNI_XID_START)) return PY_FALSE;
    while (q < e)
        if (!(props(py_utf8_next(&q, e)) & PY_UNI_XID_CONT)) return PY_FALSE;
    return PY_TRUE;
}

/* islower / isupper: no character of the other case (or titlecase), and at
 * least one of this case. */
static py_val_t is_case(py_str_t *s, unsigned want, unsigned reject) {
    const uint8_t *q = (const uint8_t *)s->data, *e = q + s->len;
    bool cased = false;
    while (q < e) {
        unsigned f = props(py_utf8_next(&q, e));
        if (f & reject) return PY_FALSE;
        if (f & want) cased = true;
    }
    return py_bool(cased);
}
static py_val_t m_islower(int argc, const py_val_t *argv, py_val_t kw) {
    return is_case(SELF, PY_UNI_LOWER, PY_UNI_UPPER | PY_UNI_TITLE);
}
static py_val_t m_isupper(int argc, const py_val_t *argv, py_val_t kw) {
    return is_case(SELF, PY_UNI_UPPER, PY_UNI_LOWER | PY_UNI_TITLE);
}

static py_val_t m_istitle(int argc, const py_val_t *argv, py_val_t kw) {
    py_str_t *s = SELF;
    const uint8_t *q = (const uint8_t *)s->data, *e = q + s->len;
    bool cased = false, prev_cased = false;
    while (q < e) {
        unsigned f = props(py_utf8_next(&q, e));
        if (f & (PY_UNI_UPPER | PY_UNI_TITLE)) {
            if (prev_cased) return PY_FALSE;
            prev_cased = cased = true;
        } else if (f & PY_UNI_LOWER) {
            if (!prev_cased) return PY_FALSE;
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return py_bool(cased);
}

/* ------------------------------------------------------------ searching */

/* find / rfind / index / rindex / count share the argument handling. */
static ssize_t find_impl(int argc, const py_val_t *argv, bool rev, py_str_t **sp, py_str_t **tp, range_t *r) {
    py_str_t *s = SELF, *t = str_arg(argv[1]);
    *sp = s;
    *tp = t;
    get_range(s, argc, argv, 2, r);
    if (r->start > (int64_t)s->nchars || r->end - r->start < (int64_t)t->nchars) return -1;
    ssize_t k = rev ? py_str_rsearch(s->data + r->b0, r->b1 - r->b0, t->data, t->len)
                    : py_str_search(s->data + r->b0, r->b1 - r->b0, t->data, t->len);
    if (k < 0) return -1;
    return (ssize_t)py_str_char_index(s, r->b0 + (size_t)k);
}

static py_val_t m_find(int argc, const py_val_t *argv, py_val_t kw) {
    py_str_t *s, *t;
    range_t r;
    return py_small(find_impl(argc, argv, false, &s, &t, &r));
}
static py_val_t m_rfind(int argc, const py_val_t *argv, py_val_t kw) {
    py_str_t *s, *t;
    range_t r;
    return py_small(find_impl(argc, argv, true, &s, &t, &r));
}
static py_val_t m_index(int argc, const py_val_t *argv, py_val_t kw) {
    py_str_t *s, *t;
    range_t r;
    ssize_t k = find_impl(argc, argv, false, &s, &t, &r);
    if (k < 0) py_raise_msg(&py_type_ValueError, "substring not found");
    return py_small(k);
}
static py_val_t m_rindex(int argc, const py_val_t *argv, py_val_t kw) {
    py_str_t *s, *t;
    range_t r;
    ssize_t k = find_impl(argc, argv, true, &s, &t, &r);
    if (k < 0) py_raise_msg(&py_type_ValueError, "substring not found");
    return py_small(k);
}

static size_t count_in(const char *d, size_t n, const char *t, size_t m, size_t limit) {
    size_t c = 0;
    const char *e = d + n;
    while (c < limit) {
        ssize_t k = py_str_search(d, (size_t)(e - d), t, m);
        if (k < 0) break;
        c++;
        d += k + (ssize_t)m;
    }
    return c;
}

static py_val_t m_count(int argc, const py_val_t *argv, py_val_t kw) {
    py_str_t *s = SELF, *t = str_arg(argv[1]);
    range_t r;
    get_range(s, argc, argv, 2, &r);
    if (r.start > (int64_t)s->nchars || r.end < r.start) return py_small(0);
    if (t->len == 0) return py_small(r.end - r.start + 1);
    return py_small((int64_t)count_in(s->data + r.b0, r.b1 - r.b0, t->data, t->len, SIZE_MAX));
}

/* startswith / endswith: prefix is a str or a tuple of str. */
static bool tail_match(py_str_t *s, py_str_t *t, const range_t *r, bool end) {
    if (r->end - (int64_t)t->nchars < r->start) return false;
    if (t->len == 0) return true;
    size_t avail = r->b1 - r->b0;
    if (t->len > avail) return false;
    const char *at = end ? s->data + r->b1 - t->len : s->data + r->b0;
    return memcmp(at, t->data, t->len) == 0;
}

static py_val_t starts_ends(int argc, const py_val_t *argv, bool end) {
    py_str_t *s = SELF;
    const char *fn = end ? "endswith" : "startswith";
    range_t r;
    get_range(s, argc, argv, 2, &r);
    py_val_t x = argv[1];
    if (py_is_obj(x) && py_is_instance(x, &py_type_tuple)) {
        py_val_t tv = py_unwrap_native(x);
        py_tuple_t *tu = py_as_tuple(tv);
        for (size_t i = 0; i < tu->len; i++) {
            py_val_t it = py_str_arg(tu->items[i]);
            if (py_is_null(it))
                py_raise_msg(&py_type_TypeError, "tuple for %s must only contain str, not %s", fn,
                             py_type_name(tu->items[i]));
            if (tail_match(s, py_as_str(it), &r, end)) return PY_TRUE;
        }
        return PY_FALSE;
    }
    py_val_t t = py_str_arg(x);
    if (py_is_null(t))
        py_raise_msg(&py_type_TypeError, "%s first arg must be str or a tuple of str, not %s", fn,
                     py_type_name(x));
    return py_bool(tail_match(s, py_as_str(t), &r, end));
}
static py_val_t m_startswith(int argc, const py_val_t *argv, py_val_t kw) {
    return starts_ends(argc, argv, false);
}
static py_val_t m_endswith(int argc, const py_val_t *argv, py_val_t kw) {
    return starts_ends(argc, argv, true);
}

/* ------------------------------------------------------------ split and join */

static py_val_t split_ws(py_str_t *s, int64_t maxsplit, bool rev) {
    py_val_t list = py_list_new(0);
    const char *d = s->data, *e = d + s->len;
    if (!rev) {
        const char *p = d;
        for (;;) {
            size_t k;
            while (p < e && (k = space_at(p, e))) p += k;
            if (p >= e) break;
            if (maxsplit == 0) {
                /* the rest, trailing whitespace included */
                const char *q = e;
                py_list_append(list, sub_of(s, p, (size_t)(q - p)));
                break;
            }
            const char *w = p;
            while (p < e && !space_at(p, e)) p += s->ascii ? 1 : (size_t)py_utf8_len((unsigned char)*p);
            if (p > e) p = e; /* malformed text: never past the end */
            py_list_append(list, sub_of(s, w, (size_t)(p - w)));
            if (maxsplit > 0) maxsplit--;
        }
        return list;
    }
    const char *p = e;
    for (;;) {
        while (p > d) {
            const char *c = s->ascii ? p - 1 : char_before(p, d);
            if (!space_at(c, e)) break;
            p = c;
        }
        if (p <= d) break;
        if (maxsplit == 0) {
            py_list_append(list, sub_of(s, d, (size_t)(p - d)));
            break;
        }
        const char *w = p;
        while (p > d) {
            const char *c = s->ascii ? p - 1 : char_before(p, d);
            if (space_at(c, e)) break;
            p = c;
        }
        py_list_append(list, sub_of(s, p, (size_t)(w - p)));
        if (maxsplit > 0) maxsplit--;
    }
    /* built back to front */
    py_list_t *l = py_as_list(list);
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        py_val_t t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
    return list;
}

static py_val_t split_impl(int argc, const py_val_t *argv, py_val_t kwnames, bool rev) {
    const char *fn = rev ? "rsplit" : "split";
    check_kw(fn, kwnames, "sep", "maxsplit");
    py_str_t *s = SELF;
    py_val_t sepv = arg_kw(argc, argv, kwnames, 1, "sep");
    py_val_t maxv = arg_kw(argc, argv, kwnames, 2, "maxsplit");
    int64_t maxsplit = py_is_null(maxv) ? -1 : py_to_i64(maxv);
    if (py_is_null(sepv) || py_is_none(sepv)) return split_ws(s, maxsplit, rev);
    py_str_t *sep = py_str_need(sepv, "must be str or None, not %s");
    if (sep->len == 0) py_raise_msg(&py_type_ValueError, "empty separator");
    py_val_t list = py_list_new(0);
    const char *d = s->data, *e = d + s->len;
    if (!rev) {
        const char *p = d;
        while (maxsplit != 0) {
            ssize_t k = py_str_search(p, (size_t)(e - p), sep->data, sep->len);
            if (k < 0) break;
            py_list_append(list, sub_of(s, p, (size_t)k));
            p += k + (ssize_t)sep->len;
            if (maxsplit > 0) maxsplit--;
        }
        py_list_append(list, sub_of(s, p, (size_t)(e - p)));
        return list;
    }
    const char *p = e;
    while (maxsplit != 0) {
        ssize_t k = py_str_rsearch(d, (size_t)(p - d), sep->data, sep->len);
        if (k < 0) break;
        const char *after = d + k + sep->len;
        py_list_append(list, sub_of(s, after, (size_t)(p - after)));
        p = d + k;
        if (maxsplit > 0) maxsplit--;
    }
    py_list_append(list, sub_of(s, d, (size_t)(p - d)));
    py_list_t *l = py_as_list(list);
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        py_val_t t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
    return list;
}

static py_val_t m_split(int argc, const py_val_t *argv, py_val_t kw) {
    return split_impl(argc, argv, kw, false);
}
static py_val_t m_rsplit(int argc, const py_val_t *argv, py_val_t kw) {
    return split_impl(argc, argv, kw, true);
}

/* Length of the line break at p (\r\n counts 2), or 0. */
static size_t linebreak_at(const char *p, const char *e) {
    unsigned char c = (unsigned char)*p;
    if (c == '\n' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E)) return 1;
    if (c == '\r') return p + 1 < e && p[1] == '\n' ? 2 : 1;
    if (c == 0xC2 && p + 1 < e && (unsigned char)p[1] == 0x85) return 2;
    if (c == 0xE2 && p + 2 < e && (unsigned char)p[1] == 0x80 && ((unsigned char)p[2] & 0xFE) == 0xA8)
        return 3;
    return 0;
}

static py_val_t m_splitlines(int argc, const py_val_t *argv, py_val_t kwnames) {
    check_kw("splitlines", kwnames, "keepends", NULL);
    py_str_t *s = SELF;
    py_val_t kv = arg_kw(argc, argv, kwnames, 1, "keepends");
    bool keep = false;
    if (!py_is_null(kv)) {
        keep = py_to_i64(kv) != 0; /* an int in CPython: 'b' or 1.5 is a TypeError */
    }
    py_val_t list = py_list_new(0);
    const char *d = s->data, *e = d + s->len, *line = d, *p = d;
    while (p < e) {
        size_t k = linebreak_at(p, e);
        if (!k) {
            p++;
            continue;
        }
        py_list_append(list, sub_of(s, line, (size_t)(p - line) + (keep ? k : 0)));
        p += k;
        line = p;
    }
    if (line < e) py_list_append(list, sub_of(s, line, (size_t)(e - line)));
    return list;
}

static py_val_t m_join(int argc, const py_val_t *argv, py_val_t kw) {
    py_str_t *sep = SELF;
    py_val_t it = argv[1];
    size_t n;
    py_val_t *items;
    if (!py_seq_items(it, &n, &items)) {
        py_type_t *t = py_type_of(it);
        if (!t->iter && !t->getitem) py_raise_msg(&py_type_TypeError, "can only join an iterable");
        it = py_list_from_iter(it);
        py_seq_items(it, &n, &items);
    }
    if (n == 0) return py_str_empty;
    if (n == 1 && py_is_type(items[0], &py_type_str)) return items[0];
    size_t total = sep->len * (n - 1), chars = sep->nchars * (n - 1);
    bool ascii = sep->ascii;
    for (size_t i = 0; i < n; i++) {
        py_val_t v = py_str_arg(items[i]);
        if (py_is_null(v))
            py_raise_msg(&py_type_TypeError, "sequence item %zu: expected str instance, %s found", i,
                         py_type_name(items[i]));
        py_str_t *x = py_as_str(v);
        total += x->len;
        chars += x->nchars;
        ascii = ascii && x->ascii;
    }
    py_str_t *r = py_str_alloc(total);
    char *o = r->data;
    /* the list cannot change under us: nothing below runs Python code */
    for (size_t i = 0; i < n; i++) {
        if (i && sep->len) {
            memcpy(o, sep->data, sep->len);
            o += sep->len;
        }
        py_str_t *x = py_as_str(py_str_arg(items[i]));
        memcpy(o, x->data, x->len);
        o += x->len;
    }
    r->nchars = chars;
    r->ascii = ascii;
    return py_obj(r);
}

static py_val_t partition_impl(int argc, const py_val_t *argv, bool rev) {
    py_str_t *s = SELF, *sep = str_arg(argv[1]);
    if (sep->len == 0) py_raise_msg(&py_type_ValueError, "empty separator");
    ssize_t k = rev ? py_str_rsearch(s->data, s->len, sep->data, sep->len)
                    : py_str_search(s->data, s->len, sep->data, sep->len);
    if (k < 0) {
        if (rev) return py_tuple_pack(3, py_str_empty, py_str_empty, py_obj(s));
        return py_tuple_pack(3, py_obj(s), py_str_empty, py_str_empty);
    }
    const char *after = s->data + k + sep->len;
    py_val_t a = sub_of(s, s->data, (size_t)k);
    py_val_t b = sub_of(s, after, s->len - (size_t)k - sep->len);
    return py_tuple_pack(3, a, py_obj(sep), b);
}
static py_val_t m_partition(int argc, const py_val_t *argv, py_val_t kw) {
    return partition_impl(argc, argv, false);
}
static py_val_t m_rpartition(int argc, const py_val_t *argv, py_val_t kw) {
    return partition_impl(argc, argv, true);
}

/* ------------------------------------------------------------ strip, pad */

enum { STRIP_LEFT = 1, STRIP_RIGHT = 2 };

/* Is c among the code points of chars (as a set)? */
static bool in_chars(py_str_t *chars, uint32_t c) {
    const uint8_t *q = (const uint8_t *)chars->data, *e = q + chars->len;
    while (q < e)
        if (py_utf8_next(&q, e) == c) return true;
    return false;
}

static py_val_t strip_impl(int argc, const py_val_t *argv, int how, const char *fn) {
    py_str_t *s = SELF;
    const char *d = s->data, *e = d + s->len, *p = d, *q = e;
    py_val_t cv = argc > 1 ? argv[1] : PY_NONE;
    if (py_is_none(cv)) {
        if (how & STRIP_LEFT) {
            size_t k;
            while (p < e && (k = space_at(p, e))) p += k;
        }
        if (how & STRIP_RIGHT) {
            while (q > p) {
                const char *c = s->ascii ? q - 1 : char_before(q, p);
                if (!space_at(c, e)) break;
                q = c;
            }
        }
        return sub_of(s, p, (size_t)(q - p));
    }
    py_val_t chv = py_str_arg(cv);
    if (py_is_null(chv)) py_raise_msg(&py_type_TypeError, "%s arg must be None or str", fn);
    py_str_t *chars = py_as_str(chv);
    if (chars->ascii) {
        bool set[256] = {false};
        for (size_t i = 0; i < chars->len; i++) set[(unsigned char)chars->data[i]] = true;
        /* bytes >= 0x80 are never in the set, so non-ASCII characters stop the scan whole */
        if (how & STRIP_LEFT)
            while (p < e && set[(unsigned char)*p]) p++;
        if (how & STRIP_RIGHT)
            while (q > p && set[(unsigned char)q[-1]]) q--;
        return sub_of(s, p, (size_t)(q - p));
    }
    if (how & STRIP_LEFT) {
        while (p < e) {
            const uint8_t *r = (const uint8_t *)p;
            uint32_t c = py_utf8_next(&r, (const uint8_t *)e);
            if (!in_chars(chars, c)) break;
            p = (const char *)r;
        }
    }
    if (how & STRIP_RIGHT) {
        while (q > p) {
            const char *c = char_before(q, p);
            if (!in_chars(chars, cp_at(c, e))) break;
            q = c;
        }
    }
    return sub_of(s, p, (size_t)(q - p));
}
static py_val_t m_strip(int argc, const py_val_t *argv, py_val_t kw) {
    return strip_impl(argc, argv, STRIP_LEFT | STRIP_RIGHT, "strip");
}
static py_val_t m_lstrip(int argc, const py_val_t *argv, py_val_t kw) {
    return strip_impl(argc, argv, STRIP_LEFT, "lstrip");
}
static py_val_t m_rstrip(int argc, const py_val_t *argv, py_val_t kw) {
    return strip_impl(argc, argv, STRIP_RIGHT, "rstrip");
}

static py_val_t m_removeprefix(int argc, const py_val_t *argv, py_val_t kw) {
    py_str_t *s = SELF, *t = py_str_need(argv[1], "removeprefix() argument must be str, not %s");
    if (t->len && t->len <= s->len && memcmp(s->data, t->data, t->len) == 0)
        return sub_of(s, s->data + t->len, s->len - t->len);
    return py_obj(s);
}
static py_val_t m_removesuffix(int argc, const py_val_t *argv, py_val_t kw) {
    py_str_t *s = SELF, *t = py_str_need(argv[1], "removesuffix() argument must be str, not %s");
    if (t->len && t->len <= s->len && memcmp(s->data + s->len - t->len, t->data, t->len) == 0)
        return sub_of(s, s->data, s->len - t->len);
    return py_obj(s);
}

/* left + s + right fill characters */
static py_val_t pad(py_str_t *s, size_t left, size_t right, py_str_t *fill) {
    if (left == 0 && right == 0) return py_obj(s);
    size_t fl = fill->len;
    py_str_t *r = py_str_alloc(s->len + (left + right) * fl);
    char *o = r->data;
    if (fl == 1) {
        memset(o, fill->data[0], left);
        o += left;
    } else {
        for (size_t i = 0; i < left; i++, o += fl) memcpy(o, fill->data, fl);
    }
    memcpy(o, s->data, s->len);
    o += s->len;
    if (fl == 1)
        memset(o, fill->data[0], right);
    else
        for (size_t i = 0; i < right; i++, o += fl) memcpy(o, fill->data, fl);
    r->nchars = s->nchars + left + right;
    r->ascii = s->ascii && fill->ascii;
    return py_obj(r);
}

static py_str_t *fill_arg(int argc, const py_val_t *argv) {
    if (argc < 3) return py_as_str(py_str_ascii_char(' '));
    py_val_t f = py_str_arg(argv[2]);
    if (py_is_null(f))
        py_raise_msg(&py_type_TypeError, "The fill character must be a unicode character, not %s",
                     py_type_name(argv[2]));
    if (py_as_str(f)->nchars != 1)
        py_raise_msg(&py_type_TypeError, "The fill character must be exactly one character long");
    return py_as_str(f);
}

static py_val_t justify(int argc, const py_val_t *argv, int how) {
    py_str_t *s = SELF;
    int64_t w = py_to_i64(argv[1]);
    py_str_t *fill = fill_arg(argc, argv);
    if (w <= (int64_t)s->nchars) return py_obj(s);
    size_t marg = (size_t)w - s->nchars, left;
    if (how == 0)
        left = marg / 2 + (marg & (size_t)w & 1); /* center: CPython's rounding */
    else if (how < 0)
        left = 0;
    else
        left = marg;
    return pad(s, left, marg - left, fill);
}
static py_val_t m_center(int argc, const py_val_t *argv, py_val_t kw) { return justify(argc, argv, 0); }
static py_val_t m_ljust(int argc, const py_val_t *argv, py_val_t kw) { return justify(argc, argv, -1); }
static py_val_t m_rjust(int argc, const py_val_t *argv, py_val_t kw) { return justify(argc, argv, 1); }

static py_val_t m_zfill(int argc, const py_val_t *argv, py_val_t kw) {
    py_str_t *s = SELF;
    int64_t w = py_to_i64(argv[1]);
    if (w <= (int64_t)s->nchars) return py_obj(s);
    size_t fill = (size_t)w - s->nchars;
    py_str_t *r = py_str_alloc(s->len + fill);
    bool sign = s->len && (s->data[0] == '+' || s->data[0] == '-');
    char *o = r->data;
    if (sign) *o++ = s->data[0];
    memset(o, '0', fill);
    memcpy(o + fill, s->data + sign, s->len - sign);
    r->nchars = s->nchars + fill;
    r->ascii = s->ascii;
    return py_obj(r);
}

static py_val_t m_expandtabs(int argc, const py_val_t *argv, py_val_t kwnames) {
    check_kw("expandtabs", kwnames, "tabsize", NULL);
    py_str_t *s = SELF;
    py_val_t tv = arg_kw(argc, argv, kwnames, 1, "tabsize");
    int64_t tab = py_is_null(tv) ? 8 : py_to_i64(tv);
    if (!memchr(s->data, '\t', s->len)) return py_obj(s);
    py_sb_t sb;
    py_sb_init(&sb);
    const char *p = s->data, *e = p + s->len;
    int64_t col = 0;
    while (p < e) {
        unsigned char c = (unsigned char)*p;
        if (c == '\t') {
            if (tab > 0) {
                int64_t n = tab - col % tab;
                for (int64_t k = 0; k < n; k++) py_sb_addc(&sb, ' ');
                col += n;
            }
            p++;
        } else if (c == '\n' || c == '\r') {
            py_sb_addc(&sb, (char)c);
            col = 0;
            p++;
        } else {
            size_t n = c < 0x80 ? 1 : (size_t)py_utf8_len(c);
            if (n > (size_t)(e - p)) n = (size_t)(e - p);
            py_sb_add(&sb, p, n);
            p += n;
            col++;
        }
    }
    return py_sb_to_str(&sb);
}

/* ------------------------------------------------------------ replace, translate */

static py_val_t m_replace(int argc, const py_val_t *argv, py_val_t kw) {
    py_str_t *s = SELF;
    py_str_t *old = py_str_need(argv[1], "replace() argument 1 must be str, not %s");
    py_str_t *new = py_str_need(argv[2], "replace() argument 2 must be str, not %s");
    int64_t maxc = argc > 3 ? py_to_i64(argv[3]) : -1;
    size_t limit = maxc < 0 ? SIZE_MAX : (size_t)maxc;
    if (limit == 0) return py_obj(s);
    size_t n;
    if (old->len == 0) {
        n = s->nchars + 1 < limit ? s->nchars + 1 : limit;
    } else {
        n = count_in(s->data, s->len, old->data, old->len, limit);
    }
    if (n == 0) return py_obj(s);
    size_t total = s->len - n * old->len + n * new->len;
    py_str_t *r = py_str_alloc(total);
    char *o = r->data;
    const char *p = s->data, *e = p + s->len;
    if (old->len == 0) {
        for (size_t i = 0; i < n; i++) {
            memcpy(o, new->data, new->len);
            o += new->len;
            if (p < e) {
                size_t k = (size_t)py_utf8_len((unsigned char)*p);
                if (k > (size_t)(e - p)) k = (size_t)(e - p);
                memcpy(o, p, k);
                o += k;
                p += k;
            }
        }
    } else {
        for (size_t i = 0; i < n; i++) {
            ssize_t k = py_str_search(p, (size_t)(e - p), old->data, old->len);
            memcpy(o, p, (size_t)k);
            o += k;
            memcpy(o, new->data, new->len);
            o += new->len;
            p += k + (ssize_t)old->len;
        }
    }
    memcpy(o, p, (size_t)(e - p));
    if (s->ascii && new->ascii) {
        r->nchars = total;
        r->ascii = 1;
        return py_obj(r);
    }
    return py_str_finish(r);
}

/* One translate() lookup: PY_NULL when the table has no entry for c. */
static py_val_t trans_lookup(py_val_t table, uint32_t c) {
    py_val_t key = py_small(c);
    if (py_is_type(table, &py_type_dict)) return py_dict_get(table, key);
    py_try_t t;
    py_val_t r = PY_NULL;
    if (py_try(&t)) {
        r = py_getitem(table, key);
        py_try_end(&t);
    } else {
        if (!py_exc_matches(t.exc, py_obj(&py_type_LookupError))) py_raise(t.exc);
    }
    return r;
}

static void trans_add(py_sb_t *sb, py_val_t r, const char *p, size_t n) {
    if (py_is_null(r)) {
        py_sb_add(sb, p, n);
    } else if (py_is_none(r)) {
    } else if (py_is_int(r)) {
        int64_t v = py_int_fits_i64(r) ? py_to_i64(r) : -1;
        if (v < 0 || v > 0x10FFFF)
            py_raise_msg(&py_type_ValueError, "character mapping must be in range(0x110000)");
        py_sb_add_utf8(sb, (uint32_t)v);
    } else {
        py_val_t sv = py_str_arg(r);
        if (py_is_null(sv))
            py_raise_msg(&py_type_TypeError, "character mapping must return integer, None or str");
        py_sb_add(sb, py_str_data(sv), py_str_len(sv));
    }
}

static py_val_t m_translate(int argc, const py_val_t *argv, py_val_t kw) {
    py_str_t *s = SELF;
    py_val_t table = argv[1];
    if (!py_type_of(table)->getitem && py_is_null(py_type_lookup(py_type_of(table), PYN(__getitem__))))
        py_raise_msg(&py_type_TypeError, "'%s' object is not subscriptable", py_type_name(table));
    py_sb_t sb;
    py_sb_init(&sb);
    /* ASCII answers are memoised: text is mostly ASCII and lookups may run Python code */
    py_val_t memo[128];
    bool known[128] = {false};
    const char *p = s->data, *e = p + s->len;
    while (p < e) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x80) {
            if (!known[c]) {
                memo[c] = trans_lookup(table, c);
                known[c] = true;
            }
            trans_add(&sb, memo[c], p, 1);
            p++;
            continue;
        }
        const uint8_t *q = (const uint8_t *)p;
        uint32_t cp = py_utf8_next(&q, (const uint8_t *)e);
        size_t n = (size_t)((const char *)q - p);
        trans_add(&sb, trans_lookup(table, cp), p, n);
        p += n;
    }
    return py_sb_to_str(&sb);
}

static uint32_t only_char(py_val_t s) {
    const uint8_t *q = (const uint8_t *)py_str_data(s);
    return py_utf8_next(&q, q + py_str_len(s));
}

/* str.maketrans(x[, y[, z]]): a static method. */
static py_val_t m_maketrans(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t d = py_dict_new();
    if (argc == 1) {
        py_val_t x = argv[0];
        if (!py_is_obj(x) || !py_is_instance(x, &py_type_dict))
            py_raise_msg(&py_type_TypeError, "if you give only one argument to maketrans it must be a dict");
        size_t pos = 0;
        py_val_t k, v;
        while (py_dict_next(x, &pos, &k, &v)) {
            py_val_t ks = py_str_arg(k);
            if (!py_is_null(ks)) {
                if (py_as_str(ks)->nchars != 1)
                    py_raise_msg(&py_type_ValueError, "string keys in translate table must be of length 1");
                py_dict_set(d, py_small(only_char(ks)), v);
            } else if (py_is_int(k)) {
                py_dict_set(d, k, v);
            } else {
                py_raise_msg(&py_type_TypeError, "keys in translate table must be strings or integers");
            }
        }
        return d;
    }
    py_str_t *x = py_str_need(argv[0], "maketrans() argument 1 must be str, not %s");
    py_str_t *y = py_str_need(argv[1], "maketrans() argument 2 must be str, not %s");
    if (x->nchars != y->nchars)
        py_raise_msg(&py_type_ValueError, "the first two maketrans arguments must have equal length");
    const uint8_t *p = (const uint8_t *)x->data, *pe = p + x->len;
    const uint8_t *q = (const uint8_t *)y->data, *qe = q + y->len;
    while (p < pe) {
        uint32_t a = py_utf8_next(&p, pe), b = py_utf8_next(&q, qe);
        py_dict_set(d, py_small(a), py_small(b));
    }
    if (argc > 2) {
        py_str_t *z = py_str_need(argv[2], "maketrans() argument 3 must be str, not %s");
        const uint8_t *r = (const uint8_t *)z->data, *re = r + z->len;
        while (r < re) py_dict_set(d, py_small(py_utf8_next(&r, re)), PY_NONE);
    }
    return d;
}

/* ------------------------------------------------------------ encode */

static const char *opt_cstr(py_val_t v, const char *fn, const char *what) {
    if (py_is_null(v)) return NULL;
    py_val_t s = py_str_arg(v);
    if (py_is_null(s))
        py_raise_msg(&py_type_TypeError, "%s() argument '%s' must be str, not %s", fn, what, py_type_name(v));
    return py_str_data(s);
}

static py_val_t m_encode(int argc, const py_val_t *argv, py_val_t kwnames) {
    check_kw("encode", kwnames, "encoding", "errors");
    const char *enc = opt_cstr(arg_kw(argc, argv, kwnames, 1, "encoding"), "encode", "encoding");
    const char *err = opt_cstr(arg_kw(argc, argv, kwnames, 2, "errors"), "encode", "errors");
    return py_str_encode(SELF, enc, err);
}

/* ------------------------------------------------------------ str.format */

typedef struct {
    int npos;
    const py_val_t *pos;
    py_val_t kwnames; /* tuple of str or PY_NULL */
    const py_val_t *kwvals;
    py_val_t mapping; /* format_map: PY_NULL otherwise */
    int auto_idx;     /* next automatic field number; -1 once manual numbering is used */
    bool used_auto;
} fmt_args_t;

PY_NORETURN static void fmt_error(const char *msg) { py_raise_msg(&py_type_ValueError, "%s", msg); }

static py_val_t ascii_of(py_val_t v) {
    py_val_t r = py_repr(v);
    py_str_t *s = py_as_str(r);
    if (s->ascii) return r;
    py_sb_t sb;
    py_sb_init(&sb);
    const uint8_t *p = (const uint8_t *)s->data, *e = p + s->len;
    while (p < e) {
        uint32_t c = py_utf8_next(&p, e);
        if (c < 0x80)
            py_sb_addc(&sb, (char)c);
        else if (c < 0x100)
            py_sb_printf(&sb, "\\x%02x", (unsigned)c);
        else if (c < 0x10000)
            py_sb_printf(&sb, "\\u%04x", (unsigned)c);
        else
            py_sb_printf(&sb, "\\U%08x", (unsigned)c);
    }
    return py_sb_to_str(&sb);
}

/* format(v, spec), dispatching to __format__ of classes written in Python. */
static py_val_t format_one(py_val_t v, py_val_t spec) {
    if (py_str_len(spec) == 0 && py_is_type(v, &py_type_str)) return v;
    py_type_t *t = py_type_of(v);
    if (t->flags & PY_TF_HEAP) {
        py_val_t f = py_lookup_heap(t, PYN(__format__));
        if (!py_is_null(f)) {
            py_val_t r = py_call_bound(f, v, 1, &spec, PY_NULL);
            if (!py_is_str(r))
                py_raise_msg(&py_type_TypeError, "__format__ must return a str, not %s", py_type_name(r));
            return r;
        }
    }
    return py_format_value(v, spec);
}

static bool all_digits(const char *p, size_t n) {
    if (n == 0) return false;
    for (size_t i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9') return false;
    return true;
}

static int64_t parse_num(const char *p, size_t n) {
    int64_t v = 0;
    for (size_t i = 0; i < n && v < ((int64_t)1 << 40); i++) v = v * 10 + (p[i] - '0');
    return v;
}

/* The object named by a field name: arg_name ("." attr | "[" key "]")* */
static py_val_t field_value(fmt_args_t *a, const char *p, size_t n) {
    size_t k = 0;
    while (k < n && p[k] != '.' && p[k] != '[') k++;
    py_val_t v;
    if (k == 0) {
        if (a->auto_idx < 0)
            fmt_error("cannot switch from manual field specification to automatic field numbering");
        a->used_auto = true;
        int idx = a->auto_idx++;
        if (py_is_null(a->mapping) && idx >= a->npos)
            py_raise_msg(&py_type_IndexError, "Replacement index %d out of range for positional args tuple",
                         idx);
        if (!py_is_null(a->mapping) && idx >= a->npos)
            py_raise_msg(&py_type_ValueError, "Format string contains positional fields");
        v = a->pos[idx];
    } else if (all_digits(p, k)) {
        if (a->used_auto)
            fmt_error("cannot switch from automatic field numbering to manual field specification");
        a->auto_idx = -1;
        int64_t idx = parse_num(p, k);
        if (!py_is_null(a->mapping))
            py_raise_msg(&py_type_ValueError, "Format string contains positional fields");
        if (idx >= a->npos)
            py_raise_msg(&py_type_IndexError, "Replacement index %lld out of range for positional args tuple",
                         (long long)idx);
        v = a->pos[idx];
    } else {
        v = PY_NULL;
        if (!py_is_null(a->mapping)) {
            v = py_getitem(a->mapping, py_str_new(p, k));
        } else {
            if (!py_is_null(a->kwnames)) {
                py_tuple_t *kn = py_as_tuple(a->kwnames);
                for (size_t i = 0; i < kn->len; i++)
                    if (py_str_len(kn->items[i]) == k && memcmp(py_str_data(kn->items[i]), p, k) == 0) {
                        v = a->kwvals[i];
                        break;
                    }
            }
            if (py_is_null(v)) {
                py_val_t key = py_str_new(p, k);
                py_raise(py_exc_new_args(&py_type_KeyError, 1, &key));
            }
        }
    }
    while (k < n) {
        if (p[k] == '.') {
            size_t s = ++k;
            while (k < n && p[k] != '.' && p[k] != '[') k++;
            if (k == s) fmt_error("Empty attribute in format string");
            v = py_getattr(v, py_intern_n(p + s, k - s));
        } else if (p[k] == '[') {
            size_t s = ++k;
            while (k < n && p[k] != ']') k++;
            if (k >= n) fmt_error("Missing ']' in format string");
            if (k == s) fmt_error("Empty attribute in format string");
            py_val_t key =
                all_digits(p + s, k - s) ? py_small(parse_num(p + s, k - s)) : py_str_new(p + s, k - s);
            v = py_getitem(v, key);
            k++;
            if (k < n && p[k] != '.' && p[k] != '[')
                fmt_error("Only '.' or '[' may follow ']' in format field specifier");
        } else {
            fmt_error("Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return v;
}

static void format_into(py_sb_t *out, fmt_args_t *a, const char *f, size_t n, int depth);

/* One replacement field's text (between the braces). */
static void format_field(py_sb_t *out, fmt_args_t *a, const char *p, size_t n, int depth) {
    size_t k = 0;
    while (k < n && p[k] != '!' && p[k] != ':') {
        if (p[k] == '[') {
            while (k < n && p[k] != ']') k++;
            if (k >= n) break;
        }
        k++;
    }
    if (k > n) k = n;
    py_val_t v = field_value(a, p, k);
    char conv = 0;
    if (k < n && p[k] == '!') {
        if (k + 1 >= n) fmt_error("end of string while looking for conversion specifier");
        conv = p[k + 1];
        k += 2;
        if (k < n && p[k] != ':') fmt_error("expected ':' after conversion specifier");
    }
    py_val_t spec = py_str_empty;
    if (k < n) {
        /* p[k] == ':' ; the spec may hold nested fields */
        const char *sp = p + k + 1;
        size_t sn = n - k - 1;
        if (memchr(sp, '{', sn)) {
            if (depth >= 1) fmt_error("Max string recursion exceeded");
            py_sb_t sb;
            py_sb_init(&sb);
            format_into(&sb, a, sp, sn, depth + 1);
            spec = py_sb_to_str(&sb);
        } else if (sn) {
            spec = py_str_new(sp, sn);
        }
    }
    switch (conv) {
    case 0:
        break;
    case 'r':
        v = py_repr(v);
        break;
    case 's':
        v = py_str(v);
        break;
    case 'a':
        v = ascii_of(v);
        break;
    default:
        py_raise_msg(&py_type_ValueError, "Unknown conversion specifier %c", conv);
    }
    py_val_t r = format_one(v, spec);
    py_val_t rs = py_str_arg(r);
    py_sb_add(out, py_str_data(rs), py_str_len(rs));
}

static void format_into(py_sb_t *out, fmt_args_t *a, const char *f, size_t n, int depth) {
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (i < n && f[i] != '{' && f[i] != '}') i++;
        if (i > run) py_sb_add(out, f + run, i - run);
        if (i >= n) break;
        if (f[i] == '}') {
            if (i + 1 < n && f[i + 1] == '}') {
                py_sb_addc(out, '}');
                i += 2;
                continue;
            }
            fmt_error("Single '}' encountered in format string");
        }
        if (i + 1 < n && f[i + 1] == '{') {
            py_sb_addc(out, '{');
            i += 2;
            continue;
        }
        if (i + 1 >= n) fmt_error("Single '{' encountered in format string");
        /* find the matching '}', skipping [..] in the field name and nested fields in the spec */
        size_t j = i + 1, level = 1, name_end = 0;
        bool in_name = true;
        while (j < n) {
            char c = f[j];
            if (in_name && c == '[') {
                while (j < n && f[j] != ']') j++;
                if (j >= n) break;
            } else if (in_name && (c == ':' || c == '!')) {
                in_name = false;
                name_end = j;
            } else if (c == '{') {
                level++;
            } else if (c == '}') {
                if (--level == 0) break;
            }
            j++;
        }
        if (j >= n) {
            if (in_name) fmt_error("expected '}' before end of string");
            if (f[name_end] == '!' && name_end + 1 >= n)
                fmt_error("end of string while looking for conversion specifier");
            fmt_error("unmatched '{' in format spec");
        }
        format_field(out, a, f + i + 1, j - i - 1, depth);
        i = j + 1;
    }
}

static py_val_t m_format(int argc, const py_val_t *argv, py_val_t kwnames) {
    py_str_t *s = SELF;
    fmt_args_t a = {argc - 1, argv + 1, kwnames, argv + argc, PY_NULL, 0, false};
    if (!memchr(s->data, '{', s->len) && !memchr(s->data, '}', s->len)) return py_obj(s);
    py_sb_t sb;
    py_sb_init(&sb);
    format_into(&sb, &a, s->data, s->len, 0);
    return py_sb_to_str(&sb);
}

static py_val_t m_format_map(int argc, const py_val_t *argv, py_val_t kw) {
    py_str_t *s = SELF;
    fmt_args_t a = {0, NULL, PY_NULL, NULL, argv[1], 0, false};
    py_sb_t sb;
    py_sb_init(&sb);
    format_into(&sb, &a, s->data, s->len, 0);
    return py_sb_to_str(&sb);
}

/* ------------------------------------------------------------ dunders */

static py_val_t or_notimpl(py_val_t r) { return py_is_null(r) ? PY_NOTIMPLEMENTED : r; }

static py_val_t d_add(int argc, const py_val_t *argv, py_val_t kw) {
    return or_notimpl(py_str_binary(PY_OP_ADD, argv[0], argv[1]));
}
static py_val_t d_mul(int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_is_int(argv[1]) &&
        !(py_is_obj(argv[1]) && !py_is_null(py_type_lookup(py_type_of(argv[1]), PYN(__index__)))))
        return PY_NOTIMPLEMENTED;
    return py_str_binary(PY_OP_MUL, argv[0], argv[1]);
}
static py_val_t d_mod(int argc, const py_val_t *argv, py_val_t kw) {
    return py_str_mod_format(argv[0], argv[1]);
}
static py_val_t d_rmod(int argc, const py_val_t *argv, py_val_t kw) { return PY_NOTIMPLEMENTED; }
static py_val_t d_eq(int argc, const py_val_t *argv, py_val_t kw) {
    return or_notimpl(py_str_compare(PY_CMP_EQ, argv[0], argv[1]));
}
static py_val_t d_ne(int argc, const py_val_t *argv, py_val_t kw) {
    return or_notimpl(py_str_compare(PY_CMP_NE, argv[0], argv[1]));
}
static py_val_t d_lt(int argc, const py_val_t *argv, py_val_t kw) {
    return or_notimpl(py_str_compare(PY_CMP_LT, argv[0], argv[1]));
}
static py_val_t d_le(int argc, const py_val_t *argv, py_val_t kw) {
    return or_notimpl(py_str_compare(PY_CMP_LE, argv[0], argv[1]));
}
static py_val_t d_gt(int argc, const py_val_t *argv, py_val_t kw) {
    return or_notimpl(py_str_compare(PY_CMP_GT, argv[0], argv[1]));
}
static py_val_t d_ge(int argc, const py_val_t *argv, py_val_t kw) {
    return or_notimpl(py_str_compare(PY_CMP_GE, argv[0], argv[1]));
}
static py_val_t d_hash(int argc, const py_val_t *argv, py_val_t kw) {
    return py_str_unary(PY_UNARY_HASH, argv[0]);
}
static py_val_t d_len(int argc, const py_val_t *argv, py_val_t kw) {
    return py_str_unary(PY_UNARY_LEN, argv[0]);
}
static py_val_t d_getitem(int argc, const py_val_t *argv, py_val_t kw) {
    return py_str_getitem(argv[0], argv[1]);
}
static py_val_t d_iter(int argc, const py_val_t *argv, py_val_t kw) { return py_str_iter(argv[0]); }
static py_val_t d_contains(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(py_contains(argv[0], argv[1]));
}
static py_val_t d_str(int argc, const py_val_t *argv, py_val_t kw) { return argv[0]; }
static py_val_t d_repr(int argc, const py_val_t *argv, py_val_t kw) {
    py_sb_t sb;
    py_sb_init(&sb);
    py_str_repr_to(&sb, SELF);
    return py_sb_to_str(&sb);
}
static py_val_t d_getnewargs(int argc, const py_val_t *argv, py_val_t kw) {
    return py_tuple_pack(1, argv[0]);
}
static py_val_t d_sizeof(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small((int64_t)(offsetof(py_str_t, data) + SELF->len + 1));
}

const py_method_def_t py_str_methods[] = {
    {"__new__", py_str_new_method, 1, -1, PY_MF_STATIC | PY_MF_KW},
    {"__add__", d_add, 2, 2, 0},
    {"__mul__", d_mul, 2, 2, 0},
    {"__rmul__", d_mul, 2, 2, 0},
    {"__mod__", d_mod, 2, 2, 0},
    {"__rmod__", d_rmod, 2, 2, 0},
    {"__eq__", d_eq, 2, 2, 0},
    {"__ne__", d_ne, 2, 2, 0},
    {"__lt__", d_lt, 2, 2, 0},
    {"__le__", d_le, 2, 2, 0},
    {"__gt__", d_gt, 2, 2, 0},
    {"__ge__", d_ge, 2, 2, 0},
    {"__hash__", d_hash, 1, 1, 0},
    {"__len__", d_len, 1, 1, 0},
    {"__getitem__", d_getitem, 2, 2, 0},
    {"__iter__", d_iter, 1, 1, 0},
    {"__contains__", d_contains, 2, 2, 0},
    {"__str__", d_str, 1, 1, 0},
    {"__repr__", d_repr, 1, 1, 0},
    {"__format__", py_str_format_method, 2, 2, 0},
    {"__getnewargs__", d_getnewargs, 1, 1, 0},
    {"__sizeof__", d_sizeof, 1, 1, 0},
    {"capitalize", m_capitalize, 1, 1, 0},
    {"casefold", m_casefold, 1, 1, 0},
    {"center", m_center, 2, 3, 0},
    {"count", m_count, 2, 4, 0},
    {"encode", m_encode, 1, 3, PY_MF_KW},
    {"endswith", m_endswith, 2, 4, 0},
    {"expandtabs", m_expandtabs, 1, 2, PY_MF_KW},
    {"find", m_find, 2, 4, 0},
    {"format", m_format, 1, -1, PY_MF_KW},
    {"format_map", m_format_map, 2, 2, 0},
    {"index", m_index, 2, 4, 0},
    {"isalnum", m_isalnum, 1, 1, 0},
    {"isalpha", m_isalpha, 1, 1, 0},
    {"isascii", m_isascii, 1, 1, 0},
    {"isdecimal", m_isdecimal, 1, 1, 0},
    {"isdigit", m_isdigit, 1, 1, 0},
    {"isidentifier", m_isidentifier, 1, 1, 0},
    {"islower", m_islower, 1, 1, 0},
    {"isnumeric", m_isnumeric, 1, 1, 0},
    {"isspace", m_isspace, 1, 1, 0},
    {"istitle", m_istitle, 1, 1, 0},
    {"isupper", m_isupper, 1, 1, 0},
    {"join", m_join, 2, 2, 0},
    {"ljust", m_ljust, 2, 3, 0},
    {"lower", m_lower, 1, 1, 0},
    {"lstrip", m_lstrip, 1, 2, 0},
    {"maketrans", m_maketrans, 1, 3, PY_MF_STATIC},
    {"partition", m_partition, 2, 2, 0},
    {"removeprefix", m_removeprefix, 2, 2, 0},
    {"removesuffix", m_removesuffix, 2, 2, 0},
    {"replace", m_replace, 3, 4, 0},
    {"rfind", m_rfind, 2, 4, 0},
    {"rindex", m_rindex, 2, 4, 0},
    {"rjust", m_rjust, 2, 3, 0},
    {"rpartition", m_rpartition, 2, 2, 0},
    {"rsplit", m_rsplit, 1, 3, PY_MF_KW},
    {"rstrip", m_rstrip, 1, 2, 0},
    {"split", m_split, 1, 3, PY_MF_KW},
    {"splitlines", m_splitlines, 1, 2, PY_MF_KW},
    {"startswith", m_startswith, 2, 4, 0},
    {"strip", m_strip, 1, 2, 0},
    {"swapcase", m_swapcase, 1, 1, 0},
    {"title", m_title, 1, 1, 0},
    {"translate", m_translate, 2, 2, 0},
    {"upper", m_upper, 1, 1, 0},
    {"zfill", m_zfill, 2, 2, 0},
    PY_MF_END,
};
