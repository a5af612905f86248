/* obj_str.c: the str type's object core: construction, hashing and
 * equality, code-point indexing, repr, the operator slots, iteration,
 * str(obj) / str(bytes, encoding, errors) and the codecs behind encode and
 * decode.  The named methods are in str_methods.c.
 *
 * Representation (obj.h): UTF-8 text, NUL-terminated, with the byte length,
 * the code point count and an `ascii` flag fixed at creation.  For ASCII
 * text a code point index is a byte offset, so indexing and slicing are
 * O(1).  For other text, index -> offset conversions walk the UTF-8 from the
 * nearest known position: the start, the end, or a one-entry cache of the
 * last conversion (string, index, offset).  Sequential access (s[i] in a
 * loop, slicing forwards) is thereby O(1) per step; the cache's string is
 * marked at every collection so the entry can never describe a freed and
 * reused block.  Iteration keeps its own byte position and never converts.
 *
 * Every str made here goes through py_str_new/py_str_alloc: "" and the
 * one-character ASCII strs are the interned objects from intern.c, so
 * s[i] and iteration over ASCII text allocate nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "str_impl.h"

/* ------------------------------------------------------------ UTF-8 scanning */

static inline uint64_t rd64(const char *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}
#define HI_BITS 0x8080808080808080ull
/* continuation bytes (10xxxxxx) in a word, as their top bits */
static inline uint64_t cont_bits(uint64_t w) { return w & ~(w << 1) & HI_BITS; }

size_t py_utf8_count(const char *s, size_t n) {
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = rd64(s + i);
        if (w & HI_BITS) cont += (size_t)__builtin_popcountll(cont_bits(w));
    }
    for (; i < n; i++) cont += ((unsigned char)s[i] & 0xC0) == 0x80;
    return n - cont;
}

/* Sets nchars and ascii from the text. */
static void set_counts(py_str_t *s) {
    const char *d = s->data;
    size_t n = s->len, i = 0, cont = 0;
    uint64_t any = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = rd64(d + i);
        if (w & HI_BITS) {
            any = 1;
            cont += (size_t)__builtin_popcountll(cont_bits(w));
        }
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        any |= c >> 7;
        cont += (c & 0xC0) == 0x80;
    }
    s->nchars = n - cont;
    s->ascii = !any;
}

/* ------------------------------------------------------------ construction */

py_str_t *py_str_alloc(size_t len) {
    if (len > ((size_t)1 << 47)) py_raise_no_memory();
    /* not zeroed: the caller writes the text; every header field is set here */
    py_str_t *s = py_gc_alloc_nz(&py_type_str, offsetof(py_str_t, data) + len + 1);
    s->hash = 0;
    s->len = len;
    s->nchars = 0;
    s->interned = 0;
    s->ascii = 0;
    s->uniq = 0;
    s->data[len] = 0;
    return s;
}

py_val_t py_str_finish(py_str_t *s) {
    set_counts(s);
    return py_obj(s);
}

py_val_t py_str_new_n(const char *s, size_t len, size_t nchars) {
    if (len <= 1 && py_str_empty) {
        if (len == 0) return py_str_empty;
        if ((unsigned char)s[0] < 0x80) return py_str_ascii_char((unsigned char)s[0]);
    }
    py_str_t *o = py_str_alloc(len);
    memcpy(o->data, s, len);
    o->nchars = nchars;
    o->ascii = nchars == len;
    return py_obj(o);
}

py_val_t py_str_new(const char *s, size_t len) {
    if (len <= 1 && py_str_empty) {
        if (len == 0) return py_str_empty;
        if ((unsigned char)s[0] < 0x80) return py_str_ascii_char((unsigned char)s[0]);
    }
    py_str_t *o = py_str_alloc(len);
    memcpy(o->data, s, len);
    return py_str_finish(o);
}

py_val_t py_str_from_cstr(const char *s) { return py_str_new(s, strlen(s)); }

py_val_t py_str_printf(const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if ((size_t)n < sizeof buf) return py_str_new(buf, (size_t)n);
    py_str_t *o = py_str_alloc((size_t)n);
    va_start(ap, fmt);
    vsnprintf(o->data, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return py_str_finish(o);
}

bool py_is_str(py_val_t v) {
    if (!py_is_obj(v)) return false;
    py_type_t *t = py_obj_type(v);
    return t == &py_type_str || ((t->flags & PY_TF_HEAP) && py_is_subtype(t, &py_type_str));
}

py_val_t py_str_arg(py_val_t v) {
    if (!py_is_obj(v)) return PY_NULL;
    py_type_t *t = py_obj_type(v);
    if (t == &py_type_str) return v;
    if ((t->flags & PY_TF_LAYOUT_NATIVE) && py_is_subtype(t, &py_type_str)) {
        py_val_t n = ((py_instance_t *)py_as_ptr(v))->native;
        if (py_is_type(n, &py_type_str)) return n;
    }
    return PY_NULL;
}

py_str_t *py_str_need(py_val_t v, const char *fmt) {
    py_val_t s = py_str_arg(v);
    if (py_is_null(s)) py_raise_msg(&py_type_TypeError, fmt, py_type_name(v));
    return py_as_str(s);
}

bool py_str_equal(py_val_t a, py_val_t b) {
    if (a == b) return true;
    py_str_t *x = py_as_ptr(a), *y = py_as_ptr(b);
    if (x->h.type != &py_type_str || y->h.type != &py_type_str) {
        a = py_unwrap_native(a);
        b = py_unwrap_native(b);
        if (a == b) return true;
        x = py_as_ptr(a);
        y = py_as_ptr(b);
    }
    if (x->len != y->len) return false;
    if (x->interned && y->interned) return false;
    if (x->hash && y->hash && x->hash != y->hash) return false;
    size_t n = x->len;
    if (n <= 16) {
        /* short keys (dict lookups): overlapping 8-byte loads, or bytes; no libc call */
        if (n >= 8) return rd64(x->data) == rd64(y->data) && rd64(x->data + n - 8) == rd64(y->data + n - 8);
        if (n >= 4) {
            uint32_t p0, q0, p1, q1;
            memcpy(&p0, x->data, 4);
            memcpy(&q0, y->data, 4);
            memcpy(&p1, x->data + n - 4, 4);
            memcpy(&q1, y->data + n - 4, 4);
            return p0 == q0 && p1 == q1;
        }
        for (size_t i = 0; i < n; i++)
            if (x->data[i] != y->data[i]) return false;
        return true;
    }
    return memcmp(x->data, y->data, n) == 0;
}

/* ------------------------------------------------------------ positions */

static struct {
    py_str_t *s;
    size_t ci, bi; /* code point index ci starts at byte bi */
} pos_cache;

void py_str_mark_caches(void) { py_gc_mark_obj(pos_cache.s); }
void py_str_reset_caches(void) { pos_cache.s = NULL; }

/* Advances k code points from a boundary p (stops at e). */
static const char *skip_fwd(const char *p, const char *e, size_t k) {
    size_t need = k + 1; /* lead bytes to see; the last one is the answer */
    while (e - p >= 8) {
        uint64_t w = rd64(p);
        size_t leads = 8 - (size_t)__builtin_popcountll(cont_bits(w));
        if (leads >= need) break;
        need -= leads;
        p += 8;
    }
    for (; p < e; p++)
        if (((unsigned char)*p & 0xC0) != 0x80 && --need == 0) return p;
    return e;
}

static const char *skip_back(const char *p, const char *b, size_t k) {
    while (k && p > b) {
        p--;
        if (((unsigned char)*p & 0xC0) != 0x80) k--;
    }
    return p;
}

size_t py_str_offset(py_str_t *s, size_t ci) {
    if (s->ascii || ci == 0) return ci;
    if (ci >= s->nchars) return s->len;
    size_t from_ci = 0, from_bi = 0;
    if (ci > s->nchars / 2) from_ci = s->nchars, from_bi = s->len;
    if (pos_cache.s == s) {
        size_t dc = ci > pos_cache.ci ? ci - pos_cache.ci : pos_cache.ci - ci;
        size_t db = ci > from_ci ? ci - from_ci : from_ci - ci;
        if (dc < db) from_ci = pos_cache.ci, from_bi = pos_cache.bi;
    }
    const char *d = s->data, *p;
    if (ci >= from_ci)
        p = skip_fwd(d + from_bi, d + s->len, ci - from_ci);
    else
        p = skip_back(d + from_bi, d, from_ci - ci);
    pos_cache.s = s;
    pos_cache.ci = ci;
    pos_cache.bi = (size_t)(p - d);
    return pos_cache.bi;
}

size_t py_str_char_index(py_str_t *s, size_t bi) {
    if (s->ascii || bi == 0) return bi;
    if (bi >= s->len) return s->nchars;
    size_t ci;
    if (pos_cache.s == s &&
        (bi > pos_cache.bi ? bi - pos_cache.bi : pos_cache.bi - bi) < (bi < s->len - bi ? bi : s->len - bi)) {
        if (bi >= pos_cache.bi)
            ci = pos_cache.ci + py_utf8_count(s->data + pos_cache.bi, bi - pos_cache.bi);
        else
            ci = pos_cache.ci - py_utf8_count(s->data + bi, pos_cache.bi - bi);
    } else if (bi <= s->len / 2) {
        ci = py_utf8_count(s->data, bi);
    } else {
        ci = s->nchars - py_utf8_count(s->data + bi, s->len - bi);
    }
    pos_cache.s = s;
    pos_cache.ci = ci;
    pos_cache.bi = bi;
    return ci;
}

/* ------------------------------------------------------------ repr */

void py_str_repr_to(py_sb_t *sb, py_str_t *s) {
    const char *d = s->data;
    size_t n = s->len;
    bool sq = memchr(d, '\'', n) != NULL, dq = sq && memchr(d, '"', n) != NULL;
    char q = sq && !dq ? '"' : '\'';
    py_sb_addc(sb, q);
    const uint8_t *p = (const uint8_t *)d, *e = p + n;
    while (p < e) {
        /* copy the longest run that needs no escaping in one go */
        const uint8_t *run = p;
        while (p < e && *p >= 0x20 && *p < 0x7F && *p != '\\' && *p != (uint8_t)q) p++;
        if (p > run) py_sb_add(sb, (const char *)run, (size_t)(p - run));
        if (p >= e) break;
        uint8_t c = *p;
        if (c < 0x80) {
            p++;
            switch (c) {
            case '\\':
                py_sb_add(sb, "\\\\", 2);
                break;
            case '\n':
                py_sb_add(sb, "\\n", 2);
                break;
            case '\r':
                py_sb_add(sb, "\\r", 2);
                break;
            case '\t':
                py_sb_add(sb, "\\t", 2);
                break;
            default:
                if (c == (uint8_t)q) {
                    py_sb_addc(sb, '\\');
                    py_sb_addc(sb, (char)c);
                } else {
                    py_sb_printf(sb, "\\x%02x", c);
                }
            }
            continue;
        }
        const uint8_t *start = p;
        uint32_t cp = py_utf8_next(&p, e);
        if (py_uni_props(cp) & PY_UNI_PRINTABLE)
            py_sb_add(sb, (const char *)start, (size_t)(p - start));
        else if (cp < 0x100)
            py_sb_printf(sb, "\\x%02x", (unsigned)cp);
        else if (cp < 0x10000)
            py_sb_printf(sb, "\\u%04x", (unsigned)cp);
        else
            py_sb_printf(sb, "\\U%08x", (unsigned)cp);
    }
    py_sb_addc(sb, q);
}

static void str_print(py_sb_t *sb, py_val_t self, int kind) {
    py_str_t *s = py_as_str(self);
    if (kind == PY_PRINT_STR)
        py_sb_add(sb, s->data, s->len);
    else
        py_str_repr_to(sb, s);
}

/* ------------------------------------------------------------ operators */

py_val_t py_str_concat(py_str_t *a, py_str_t *b) {
    if (b->len == 0) return py_obj(a);
    if (a->len == 0) return py_obj(b);
    py_str_t *r = py_str_alloc(a->len + b->len);
    memcpy(r->data, a->data, a->len);
    memcpy(r->data + a->len, b->data, b->len);
    r->nchars = a->nchars + b->nchars;
    r->ascii = a->ascii && b->ascii;
    return py_obj(r);
}

py_val_t py_str_repeat(py_str_t *s, int64_t n) {
    if (n <= 0 || s->len == 0) return py_str_empty;
    if (n == 1) return py_obj(s);
    if ((uint64_t)n > ((uint64_t)1 << 47) / s->len)
        py_raise_msg(&py_type_OverflowError, "repeated string is too long");
    size_t total = s->len * (size_t)n;
    py_str_t *r = py_str_alloc(total);
    if (s->len == 1) {
        memset(r->data, s->data[0], total);
    } else {
        memcpy(r->data, s->data, s->len);
        size_t done = s->len;
        while (done < total) {
            size_t k = done < total - done ? done : total - done;
            memcpy(r->data + done, r->data, k);
            done += k;
        }
    }
    r->nchars = s->nchars * (size_t)n;
    r->ascii = s->ascii;
    return py_obj(r);
}

/* May the other operand's type still answer (a class written in Python)? */
static bool other_may_answer(py_val_t v) { return py_is_obj(v) && (py_obj_type(v)->flags & PY_TF_HEAP); }

py_val_t py_str_binary(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    if (op >= PY_OP_INPLACE) return PY_NULL; /* immutable: the plain operator does it */
    py_val_t a = py_str_arg(lhs), b = py_str_arg(rhs);
    switch (op) {
    case PY_OP_ADD:
        if (py_is_null(a)) return PY_NULL;
        if (py_is_null(b)) {
            if (other_may_answer(rhs)) return PY_NULL;
            py_raise_msg(&py_type_TypeError, "can only concatenate str (not \"%s\") to str",
                         py_type_name(rhs));
        }
        return py_str_concat(py_as_str(a), py_as_str(b));
    case PY_OP_MUL: {
        py_val_t s = a, n = rhs;
        if (py_is_null(s))
            s = b, n = lhs;
        else if (!py_is_null(b)) {
            /* str * str */
            if (other_may_answer(rhs)) return PY_NULL;
            py_raise_msg(&py_type_TypeError, "can't multiply sequence by non-int of type '%s'",
                         py_type_name(n));
        }
        if (!py_is_int(n) && !(py_is_obj(n) && !py_is_null(py_type_lookup(py_type_of(n), PYN(__index__))))) {
            if (other_may_answer(n)) return PY_NULL;
            py_raise_msg(&py_type_TypeError, "can't multiply sequence by non-int of type '%s'",
                         py_type_name(n));
        }
        int64_t k;
        if (py_is_small(n))
            k = py_as_small(n);
        else
            k = py_to_i64(n); /* OverflowError past 64 bits, as CPython's index-sized check */
        return py_str_repeat(py_as_str(s), k);
    }
    case PY_OP_MOD:
        if (py_is_null(a)) return PY_NULL;
        return py_str_mod_format(a, rhs);
    default:
        return PY_NULL;
    }
}

static py_val_t cmp_result(py_cmpop_t op, int c) {
    switch (op) {
    case PY_CMP_LT:
        return py_bool(c < 0);
    case PY_CMP_LE:
        return py_bool(c <= 0);
    case PY_CMP_EQ:
        return py_bool(c == 0);
    case PY_CMP_NE:
        return py_bool(c != 0);
    case PY_CMP_GT:
        return py_bool(c > 0);
    default:
        return py_bool(c >= 0);
    }
}

py_val_t py_str_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    py_val_t a = py_str_arg(self), b = py_str_arg(other);
    if (py_is_null(a) || py_is_null(b)) return PY_NULL;
    if (op == PY_CMP_EQ) return py_bool(py_str_equal(a, b));
    if (op == PY_CMP_NE) return py_bool(!py_str_equal(a, b));
    py_str_t *x = py_as_str(a), *y = py_as_str(b);
    /* UTF-8 byte order is code point order */
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, n);
    if (c == 0) c = x->len < y->len ? -1 : x->len > y->len;
    return cmp_result(op, c);
}

py_val_t py_str_unary(py_unop_t op, py_val_t v) {
    py_val_t s = py_str_arg(v);
    if (py_is_null(s)) return PY_NULL;
    switch (op) {
    case PY_UNARY_BOOL:
        return py_bool(py_as_str(s)->len != 0);
    case PY_UNARY_LEN:
        return py_small((int64_t)py_as_str(s)->nchars);
    case PY_UNARY_HASH:
        return py_small((int64_t)py_str_hash(s));
    default:
        return PY_NULL;
    }
}

/* ------------------------------------------------------------ indexing */

/* The one-character str at code point index i (already in range). */
static py_val_t char_at(py_str_t *s, size_t i) {
    if (s->ascii) return py_str_ascii_char((unsigned char)s->data[i]);
    size_t off = py_str_offset(s, i);
    unsigned char lead = (unsigned char)s->data[off];
    if (lead < 0x80) return py_str_ascii_char(lead);
    size_t n = (size_t)py_utf8_len(lead);
    if (n > s->len - off) n = s->len - off; /* never past the end, even for malformed text */
    return py_str_new_n(s->data + off, n, 1);
}

static py_val_t slice_of(py_str_t *s, py_val_t slice) {
    ssize_t start, stop, step;
    size_t count = py_slice_indices(slice, s->nchars, &start, &stop, &step);
    if (count == 0) return py_str_empty;
    if (step == 1) {
        if (count == s->nchars) return py_obj(s);
        size_t b0 = py_str_offset(s, (size_t)start);
        size_t b1 =
            s->ascii ? (size_t)stop : (size_t)(skip_fwd(s->data + b0, s->data + s->len, count) - s->data);
        return py_str_new_n(s->data + b0, b1 - b0, count);
    }
    if (s->ascii) {
        py_str_t *r = py_str_alloc(count);
        const char *d = s->data + start;
        for (size_t k = 0; k < count; k++, d += step) r->data[k] = *d;
        r->nchars = count;
        r->ascii = 1;
        return py_obj(r);
    }
    py_sb_t sb;
    py_sb_init(&sb);
    const char *d = s->data, *e = d + s->len;
    const char *p = d + py_str_offset(s, (size_t)start);
    for (size_t k = 0; k < count; k++) {
        size_t n = (size_t)py_utf8_len((unsigned char)*p);
        if (n > (size_t)(e - p)) n = (size_t)(e - p);
        py_sb_add(&sb, p, n);
        if (k + 1 == count) break;
        if (step > 0)
            p = skip_fwd(p, e, (size_t)step);
        else
            p = skip_back(p, d, (size_t)-step);
    }
    return py_sb_to_str(&sb);
}

py_val_t py_str_getitem(py_val_t self, py_val_t key) {
    py_str_t *s = py_as_str(self);
    int64_t i;
    if (py_is_small(key)) {
        i = py_as_small(key);
    } else if (py_is_type(key, &py_type_slice)) {
        return slice_of(s, key);
    } else if (py_is_bool(key)) {
        i = key == PY_TRUE;
    } else if (py_is_int(key) ||
               (py_is_obj(key) && !py_is_null(py_type_lookup(py_type_of(key), PYN(__index__))))) {
        if (py_is_int(key) && !py_int_fits_i64(key))
            py_raise_msg(&py_type_IndexError, "cannot fit 'int' into an index-sized integer");
        i = py_to_i64(key);
    } else {
        py_raise_msg(&py_type_TypeError, "string indices must be integers, not '%s'", py_type_name(key));
    }
    if (i < 0) i += (int64_t)s->nchars;
    if (i < 0 || (uint64_t)i >= s->nchars) py_raise_msg(&py_type_IndexError, "string index out of range");
    return char_at(s, (size_t)i);
}

/* ------------------------------------------------------------ search */

/* Byte offset of needle in hay[0, n), or -1. */
ssize_t py_str_search(const char *hay, size_t n, const char *needle, size_t m) {
    if (m == 0) return 0;
    if (m > n) return -1;
    const char *p = m == 1 ? memchr(hay, needle[0], n) : memmem(hay, n, needle, m);
    return p ? (ssize_t)(p - hay) : -1;
}

/* Last byte offset of needle in hay[0, n), or -1. */
ssize_t py_str_rsearch(const char *hay, size_t n, const char *needle, size_t m) {
    if (m == 0) return (ssize_t)n;
    if (m > n) return -1;
    if (m == 1) {
        const char *p = memrchr(hay, needle[0], n);
        return p ? (ssize_t)(p - hay) : -1;
    }
    const char *last = hay + (n - m);
    char c0 = needle[0];
    for (size_t lim = (size_t)(last - hay) + 1; lim > 0;) {
        const char *p = memrchr(hay, c0, lim);
        if (!p) return -1;
        if (memcmp(p, needle, m) == 0) return (ssize_t)(p - hay);
        lim = (size_t)(p - hay);
    }
    return -1;
}

static int str_contains(py_val_t self, py_val_t item) {
    py_val_t sub = py_str_arg(item);
    if (py_is_null(sub))
        py_raise_msg(&py_type_TypeError, "'in <string>' requires string as left operand, not %s",
                     py_type_name(item));
    py_str_t *s = py_as_str(self), *t = py_as_str(sub);
    return py_str_search(s->data, s->len, t->data, t->len) >= 0;
}

/* ------------------------------------------------------------ iteration */

typedef struct {
    py_obj_t h;
    py_val_t str;
    size_t pos; /* byte offset of the next character */
} str_iter_t;

static void str_iter_trace(py_obj_t *o) { py_gc_mark(((str_iter_t *)o)->str); }

static py_val_t str_iter_next(py_val_t self) {
    str_iter_t *it = py_as_ptr(self);
    py_str_t *s = py_as_str(it->str);
    if (it->pos >= s->len) return PY_NULL;
    unsigned char lead = (unsigned char)s->data[it->pos];
    if (lead < 0x80) {
        it->pos++;
        return py_str_ascii_char(lead);
    }
    size_t n = (size_t)py_utf8_len(lead);
    if (n > s->len - it->pos) n = s->len - it->pos;
    py_val_t r = py_str_new_n(s->data + it->pos, n, 1);
    it->pos += n;
    return r;
}

static py_val_t str_iter_self(py_val_t self) { return self; }

static py_val_t str_iter_length_hint(int argc, const py_val_t *argv, py_val_t kw) {
    str_iter_t *it = py_as_ptr(argv[0]);
    py_str_t *s = py_as_str(it->str);
    return py_small((int64_t)py_utf8_count(s->data + it->pos, s->len - it->pos));
}

static py_val_t str_iter_m_next(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t v = str_iter_next(argv[0]);
    if (py_is_null(v)) py_raise(py_obj(&py_type_StopIteration));
    return v;
}

static py_val_t str_iter_m_iter(int argc, const py_val_t *argv, py_val_t kw) { return argv[0]; }

static const py_method_def_t str_iter_methods[] = {
    {"__iter__", str_iter_m_iter, 1, 1, 0},
    {"__next__", str_iter_m_next, 1, 1, 0},
    {"__length_hint__", str_iter_length_hint, 1, 1, 0},
    PY_MF_END,
};

static py_type_t str_iter_type = {
    .h = {&py_type_type},
    .name = "str_ascii_iterator",
    .base = &py_type_object,
    .methods = str_iter_methods,
    .iter = str_iter_self,
    .iternext = str_iter_next,
    .trace = str_iter_trace,
};

py_val_t py_str_iter(py_val_t self) {
    str_iter_t *it = py_gc_alloc(&str_iter_type, sizeof(str_iter_t));
    it->str = self;
    it->pos = 0;
    return py_obj(it);
}

/* ------------------------------------------------------------ codecs */

typedef enum { ENC_UTF8, ENC_ASCII, ENC_LATIN1, ENC_UNKNOWN } enc_t;

static enc_t encoding_of(const char *name) {
    char buf[24];
    size_t k = 0;
    for (const char *p = name; *p && k + 1 < sizeof buf; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c == '_' || c == ' ') c = '-';
        buf[k++] = c;
    }
    buf[k] = 0;
    if (name[k] && strlen(name) >= sizeof buf - 1) return ENC_UNKNOWN;
    if (!strcmp(buf, "utf-8") || !strcmp(buf, "utf8") || !strcmp(buf, "u8") || !strcmp(buf, "utf"))
        return ENC_UTF8;
    if (!strcmp(buf, "ascii") || !strcmp(buf, "us-ascii") || !strcmp(buf, "646")) return ENC_ASCII;
    if (!strcmp(buf, "latin-1") || !strcmp(buf, "latin1") || !strcmp(buf, "iso-8859-1") ||
        !strcmp(buf, "iso8859-1") || !strcmp(buf, "l1") || !strcmp(buf, "8859") || !strcmp(buf, "cp819") ||
        !strcmp(buf, "latin"))
        return ENC_LATIN1;
    return ENC_UNKNOWN;
}

static const char *enc_display(enc_t e) {
    return e == ENC_UTF8 ? "utf-8" : e == ENC_ASCII ? "ascii" : "latin-1";
}

typedef enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH, ERR_SURROGATE } errmode_t;

static errmode_t errors_of(const char *errors) {
    if (!errors || !strcmp(errors, "strict")) return ERR_STRICT;
    if (!strcmp(errors, "ignore")) return ERR_IGNORE;
    if (!strcmp(errors, "replace")) return ERR_REPLACE;
    if (!strcmp(errors, "backslashreplace")) return ERR_BACKSLASH;
    if (!strcmp(errors, "surrogateescape")) return ERR_SURROGATE;
    py_raise_msg(&py_type_LookupError, "unknown error handler name '%s'", errors);
}

/* Length of the valid UTF-8 sequence at p; or 0, with *bad set to the
 * length of the maximal invalid subpart (what one error replaces) and *why. */
static size_t utf8_valid_seq(const uint8_t *p, const uint8_t *e, size_t *bad, const char **why) {
    uint8_t c = p[0];
    if (c < 0x80) return 1;
    *bad = 1;
    if (c < 0xC2 || c > 0xF4) {
        *why = "invalid start byte";
        return 0;
    }
    size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    for (size_t k = 1; k < n; k++) {
        if (p + k >= e) {
            *bad = k;
            *why = "unexpected end of data";
            return 0;
        }
        uint8_t b = p[k];
        bool ok = (b & 0xC0) == 0x80;
        /* overlongs, surrogates and code points past U+10FFFF fail at the second byte */
        if (k == 1 && ok) {
            if (c == 0xE0)
                ok = b >= 0xA0;
            else if (c == 0xED)
                ok = b < 0xA0;
            else if (c == 0xF0)
                ok = b >= 0x90;
            else if (c == 0xF4)
                ok = b < 0x90;
        }
        if (!ok) {
            *bad = k;
            *why = "invalid continuation byte";
            return 0;
        }
    }
    return n;
}

PY_NORETURN static void decode_error(enc_t enc, const uint8_t *p, size_t pos, size_t bad, const char *why) {
    if (bad > 1)
        py_raise_msg(&py_type_UnicodeDecodeError, "'%s' codec can't decode bytes in position %zu-%zu: %s",
                     enc_display(enc), pos, pos + bad - 1, why);
    py_raise_msg(&py_type_UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                 enc_display(enc), p[0], pos, why);
}

py_val_t py_str_decode(const char *data, size_t len, const char *encoding, const char *errors) {
    enc_t enc = encoding ? encoding_of(encoding) : ENC_UTF8;
    if (enc == ENC_UNKNOWN) py_raise_msg(&py_type_LookupError, "unknown encoding: %s", encoding);
    const uint8_t *p = (const uint8_t *)data, *e = p + len;
    /* the common case, valid text, is one scan plus one copy */
    const uint8_t *q = p;
    const char *why = "";
    size_t bad = 1;
    if (enc != ENC_UTF8) {
        while (q < e && *q < 0x80) q++;
    } else {
        while (q < e) {
            if (*q < 0x80) {
                q++;
                continue;
            }
            size_t n = utf8_valid_seq(q, e, &bad, &why);
            if (!n) break;
            q += n;
        }
    }
    if (q == e) return py_str_new(data, len);
    errmode_t em = errors_of(errors);
    py_sb_t sb;
    py_sb_init(&sb);
    py_sb_add(&sb, data, (size_t)(q - p));
    while (q < e) {
        uint8_t c = *q;
        if (c < 0x80) {
            py_sb_addc(&sb, (char)c);
            q++;
            continue;
        }
        if (enc == ENC_LATIN1) {
            py_sb_add_utf8(&sb, c);
            q++;
            continue;
        }
        size_t n = 0;
        bad = 1;
        if (enc == ENC_UTF8)
            n = utf8_valid_seq(q, e, &bad, &why);
        else
            why = "ordinal not in range(128)";
        if (n) {
            py_sb_add(&sb, (const char *)q, n);
            q += n;
            continue;
        }
        switch (em) {
        case ERR_STRICT:
            decode_error(enc, q, (size_t)(q - p), bad, why);
        case ERR_IGNORE:
            break;
        case ERR_REPLACE:
            py_sb_add_utf8(&sb, 0xFFFD);
            break;
        case ERR_BACKSLASH:
            for (size_t k = 0; k < bad; k++) py_sb_printf(&sb, "\\x%02x", q[k]);
            break;
        case ERR_SURROGATE:
            for (size_t k = 0; k < bad; k++) py_sb_add_utf8(&sb, 0xDC00u + q[k]);
            break;
        }
        q += bad;
    }
    return py_sb_to_str(&sb);
}

/* Raises for the unencodable character cp at code point pos; p is what
 * follows it, so the run of unencodable characters can be reported whole. */
PY_NORETURN static void encode_error(enc_t enc, uint32_t cp, size_t pos, const uint8_t *p, const uint8_t *e,
                                     uint32_t limit) {
    const char *why = limit == 0x80 ? "ordinal not in range(128)" : "ordinal not in range(256)";
    size_t end = pos + 1;
    while (p < e && py_utf8_next(&p, e) >= limit) end++;
    if (end - pos > 1)
        py_raise_msg(&py_type_UnicodeEncodeError,
                     "'%s' codec can't encode characters in position %zu-%zu: %s", enc_display(enc), pos,
                     end - 1, why);
    char esc[16];
    if (cp < 0x100)
        snprintf(esc, sizeof esc, "\\x%02x", (unsigned)cp);
    else if (cp < 0x10000)
        snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
    else
        snprintf(esc, sizeof esc, "\\U%08x", (unsigned)cp);
    py_raise_msg(&py_type_UnicodeEncodeError, "'%s' codec can't encode character '%s' in position %zu: %s",
                 enc_display(enc), esc, pos, why);
}

/* str.encode(encoding="utf-8", errors="strict") */
py_val_t py_str_encode(py_str_t *s, const char *encoding, const char *errors) {
    enc_t enc = encoding ? encoding_of(encoding) : ENC_UTF8;
    if (enc == ENC_UNKNOWN) py_raise_msg(&py_type_LookupError, "unknown encoding: %s", encoding);
    if (enc == ENC_UTF8 || s->ascii) {
        /* lone surrogates (from surrogateescape decoding) map back to bytes */
        if (enc == ENC_UTF8 && errors && !strcmp(errors, "surrogateescape") && !s->ascii) {
            py_sb_t sb;
            py_sb_init(&sb);
            const uint8_t *p = (const uint8_t *)s->data, *e = p + s->len;
            while (p < e) {
                const uint8_t *st = p;
                uint32_t cp = py_utf8_next(&p, e);
                if (cp >= 0xDC80 && cp <= 0xDCFF)
                    py_sb_addc(&sb, (char)(cp - 0xDC00));
                else
                    py_sb_add(&sb, (const char *)st, (size_t)(p - st));
            }
            return py_sb_to_bytes(&sb);
        }
        return py_bytes_new(s->data, s->len);
    }
    errmode_t em = errors_of(errors);
    uint32_t limit = enc == ENC_ASCII ? 0x80 : 0x100;
    py_sb_t sb;
    py_sb_init(&sb);
    const uint8_t *p = (const uint8_t *)s->data, *e = p + s->len;
    size_t pos = 0;
    while (p < e) {
        uint32_t cp = py_utf8_next(&p, e);
        if (cp < limit) {
            py_sb_addc(&sb, (char)cp);
        } else {
            switch (em) {
            case ERR_STRICT:
                encode_error(enc, cp, pos, p, e, limit);
            case ERR_IGNORE:
                break;
            case ERR_REPLACE:
                py_sb_addc(&sb, '?');
                break;
            case ERR_BACKSLASH:
                if (cp < 0x100)
                    py_sb_printf(&sb, "\\x%02x", (unsigned)cp);
                else if (cp < 0x10000)
                    py_sb_printf(&sb, "\\u%04x", (unsigned)cp);
                else
                    py_sb_printf(&sb, "\\U%08x", (unsigned)cp);
                break;
            case ERR_SURROGATE:
                if (cp >= 0xDC80 && cp <= 0xDCFF)
                    py_sb_addc(&sb, (char)(cp - 0xDC00));
                else
                    encode_error(enc, cp, pos, p, e, limit);
                break;
            }
        }
        pos++;
    }
    return py_sb_to_bytes(&sb);
}

/* ------------------------------------------------------------ constructor */

static const char *cstr_arg(py_val_t v, const char *what) {
    if (py_is_null(v)) return NULL;
    py_val_t s = py_str_arg(v);
    if (py_is_null(s))
        py_raise_msg(&py_type_TypeError, "str() argument '%s' must be str, not %s", what, py_type_name(v));
    return py_str_data(s);
}

static py_val_t str_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    py_val_t obj = PY_NULL, enc = PY_NULL, err = PY_NULL;
    if (argc > 3) py_raise_msg(&py_type_TypeError, "str() takes at most 3 arguments (%d given)", argc);
    if (argc > 0) obj = argv[0];
    if (argc > 1) enc = argv[1];
    if (argc > 2) err = argv[2];
    if (!py_is_null(kwnames)) {
        py_tuple_t *k = py_as_tuple(kwnames);
        for (size_t i = 0; i < k->len; i++) {
            const char *n = py_str_data(k->items[i]);
            py_val_t v = argv[(size_t)argc + i];
            py_val_t *slot = !strcmp(n, "object")     ? &obj
                             : !strcmp(n, "encoding") ? &enc
                             : !strcmp(n, "errors")   ? &err
                                                      : NULL;
            if (!slot) py_raise_msg(&py_type_TypeError, "'%s' is an invalid keyword argument for str()", n);
            if (!py_is_null(*slot))
                py_raise_msg(&py_type_TypeError, "argument for str() given by name ('%s') and position", n);
            *slot = v;
        }
    }
    if (py_is_null(enc) && py_is_null(err)) {
        if (py_is_null(obj)) return py_str_empty;
        if (py_is_type(obj, &py_type_str)) return obj;
        py_val_t r = py_str(obj);
        py_val_t s = py_str_arg(r);
        if (py_is_null(s))
            py_raise_msg(&py_type_TypeError, "__str__ returned non-string (type %s)", py_type_name(r));
        return s;
    }
    const char *e = cstr_arg(enc, "encoding");
    const char *er = cstr_arg(err, "errors");
    if (py_is_null(obj)) return py_str_empty;
    if (py_is_str(obj)) py_raise_msg(&py_type_TypeError, "decoding str is not supported");
    if (!py_is_obj(obj) || !py_obj_type(obj)->buffer)
        py_raise_msg(&py_type_TypeError, "decoding to str: need a bytes-like object, %s found",
                     py_type_name(obj));
    py_buf_t buf;
    py_get_buffer(obj, &buf, 0);
    return py_str_decode((const char *)buf.data, buf.len, e, er);
}

/* str.__new__(cls, ...): what super().__new__(cls, x) reaches from a subclass. */
py_val_t py_str_new_method(int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc < 1 || !py_is_obj(argv[0]) || !py_is_subtype(py_obj_type(argv[0]), &py_type_type))
        py_raise_msg(&py_type_TypeError, "str.__new__(X): X is not a type object");
    py_type_t *t = (py_type_t *)py_as_ptr(argv[0]);
    if (!py_is_subtype(t, &py_type_str))
        py_raise_msg(&py_type_TypeError, "str.__new__(%s): %s is not a subtype of str", t->name, t->name);
    py_val_t v = str_make_new(&py_type_str, argc - 1, argv + 1, kwnames);
    if (t == &py_type_str) return v;
    py_instance_t *inst =
        py_gc_alloc(t, t->instance_size > sizeof(py_instance_t) ? t->instance_size : sizeof(py_instance_t));
    inst->dict = t->dict_offset ? py_dict_new() : PY_NULL;
    inst->native = v;
    return py_obj(inst);
}

py_type_t py_type_str = {
    .h = {&py_type_type},
    .name = "str",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .methods = py_str_methods,
    .make_new = str_make_new,
    .print = str_print,
    .unary = py_str_unary,
    .binary = py_str_binary,
    .compare = py_str_compare,
    .getitem = py_str_getitem,
    .iter = py_str_iter,
    .contains = str_contains,
};
