/* obj_int.c: the int and bool types.
 *
 * Small ints (48-bit) are immediates; anything wider is a big_t object whose
 * magnitude limbs live inside the object (bigint.c does the arithmetic).
 * Invariant: a big_t never holds a value that fits a small int, so every
 * result passes through finish(), which shrinks it back when it fits.
 * Instances of int subclasses written in Python keep their value in
 * py_instance_t.native; int_view() unwraps them.
 * bool is an int subclass whose values are the immediates True/False.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "runtime.h"
#include "num_dunders.h"

typedef struct {
    py_obj_t h;
    uint32_t neg;
    uint32_t len; /* normalized limb count, > 0 */
    bn_limb_t d[];
} big_t;

/* A read-only signed view of any int value.  `d` may point inside a big_t,
 * which the conservative stack scan does not see as a reference, so every
 * function that allocates while holding views first copies the owners into
 * volatile locals (KEEP2) to keep them on the stack. */
typedef struct {
    py_val_t owner;
    bool neg;
    size_t n;
    const bn_limb_t *d;
    bn_limb_t buf[2];
} iv_t;

static bool is_big(py_val_t v) { return py_is_type(v, &py_type_int); }

static py_val_t unwrap(py_val_t v) {
    if (py_is_obj(v)) {
        py_type_t *t = py_obj_type(v);
        if (t != &py_type_int && (t->flags & PY_TF_HEAP) && py_is_subtype(t, &py_type_int))
            return ((py_instance_t *)py_as_ptr(v))->native;
    }
    return v;
}

#define KEEP2(a, b) \
    volatile py_val_t keep_a_ = (a)->owner, keep_b_ = (b)->owner; \
    (void)keep_a_; \
    (void)keep_b_

static void view_i64(iv_t *o, int64_t i) {
    o->owner = PY_NONE;
    uint64_t m = i < 0 ? -(uint64_t)i : (uint64_t)i;
    o->neg = i < 0;
    o->buf[0] = (bn_limb_t)m;
    o->buf[1] = (bn_limb_t)(m >> 32);
    o->n = o->buf[1] ? 2 : o->buf[0] ? 1 : 0;
    o->d = o->buf;
}

static bool int_view(py_val_t v, iv_t *o) {
    if (py_is_small(v)) {
        view_i64(o, py_as_small(v));
        return true;
    }
    if (py_is_bool(v)) {
        view_i64(o, v == PY_TRUE);
        return true;
    }
    v = unwrap(v);
    if (py_is_small(v) || py_is_bool(v)) return int_view(v, o);
    if (!is_big(v)) return false;
    big_t *b = py_as_ptr(v);
    o->owner = v;
    o->neg = b->neg;
    o->n = b->len;
    o->d = b->d;
    return true;
}

bool py_is_int(py_val_t v) {
    if (py_is_small(v) || py_is_bool(v)) return true;
    v = unwrap(v);
    return py_is_small(v) || is_big(v);
}

static big_t *big_new(size_t n) {
    if (n > (size_t)1 << 28) py_raise_no_memory();
    big_t *b = py_gc_alloc(&py_type_int, sizeof(big_t) + (n ? n : 1) * sizeof(bn_limb_t));
    return b;
}

/* Turns a freshly computed magnitude into a value, shrinking to small. */
static py_val_t finish(big_t *b, bool neg, size_t len) {
    len = bn_norm(b->d, len);
    if (len <= 2) {
        uint64_t m = len == 0 ? 0 : len == 1 ? b->d[0] : ((uint64_t)b->d[1] << 32 | b->d[0]);
        if (m <= (uint64_t)PY_SMALL_MAX) return py_small(neg ? -(int64_t)m : (int64_t)m);
        if (neg && m == (uint64_t)PY_SMALL_MAX + 1) return py_small(PY_SMALL_MIN);
    }
    b->neg = neg;
    b->len = (uint32_t)len;
    return py_obj(b);
}

static py_val_t from_view_mag(const bn_limb_t *d, size_t n, bool neg) {
    big_t *b = big_new(n);
    memcpy(b->d, d, n * sizeof *d);
    return finish(b, neg, n);
}

py_val_t py_int_from_i64(int64_t i) {
    if (py_fits_small(i)) return py_small(i);
    iv_t v;
    view_i64(&v, i);
    if (i == INT64_MIN) {
        v.buf[0] = 0;
        v.buf[1] = 0x80000000u;
        v.n = 2;
    }
    return from_view_mag(v.d, v.n, i < 0);
}

py_val_t py_int_from_u64(uint64_t u) {
    if (u <= (uint64_t)PY_SMALL_MAX) return py_small((int64_t)u);
    bn_limb_t d[2] = {(bn_limb_t)u, (bn_limb_t)(u >> 32)};
    return from_view_mag(d, 2, false);
}

py_val_t py_int_from_double(double x) {
    if (isinf(x)) py_raise_msg(&py_type_OverflowError, "cannot convert float infinity to integer");
    if (isnan(x)) py_raise_msg(&py_type_ValueError, "cannot convert float NaN to integer");
    x = trunc(x);
    if (fabs(x) < 9.0e15) return py_int_from_i64((int64_t)x);
    int e;
    double m = frexp(fabs(x), &e); /* x = m * 2^e, 0.5 <= m < 1 */
    uint64_t mant = (uint64_t)ldexp(m, 53);
    int sh = e - 53; /* > 0 here */
    size_t n = 2 + (size_t)sh / 32 + 1;
    big_t *b = big_new(n);
    bn_limb_t md[2] = {(bn_limb_t)mant, (bn_limb_t)(mant >> 32)};
    size_t len = bn_shl(b->d, md, 2, (size_t)sh);
    return finish(b, x < 0, len);
}

/* ------------------------------------------------------------ conversions */

static uint64_t mag_u64(const iv_t *v) {
    return v->n == 0 ? 0 : v->n == 1 ? v->d[0] : ((uint64_t)v->d[1] << 32 | v->d[0]);
}

bool py_int_fits_i64(py_val_t v) {
    if (py_is_small(v) || py_is_bool(v)) return true;
    iv_t x;
    if (!int_view(v, &x)) return false;
    if (x.n > 2) return false;
    uint64_t m = mag_u64(&x);
    return x.neg ? m <= (uint64_t)1 << 63 : m < (uint64_t)1 << 63;
}

static py_val_t call_dunder(py_val_t v, py_val_t name) {
    py_val_t f = py_type_lookup(py_type_of(v), name);
    if (py_is_null(f)) return PY_NULL;
    return py_call1(f, v);
}

int64_t py_to_i64(py_val_t v) {
    if (py_is_small(v)) return py_as_small(v);
    if (py_is_bool(v)) return v == PY_TRUE;
    iv_t x;
    if (!int_view(v, &x)) {
        if (!py_is_float(v) && py_is_obj(v)) {
            py_val_t r = call_dunder(v, PYN(__index__));
            if (!py_is_null(r)) {
                if (!py_is_int(r))
                    py_raise_msg(&py_type_TypeError, "__index__ returned non-int (type %s)", py_type_name(r));
                return py_to_i64(r);
            }
        }
        py_raise_msg(&py_type_TypeError, "'%s' object cannot be interpreted as an integer", py_type_name(v));
    }
    if (!py_int_fits_i64(v)) py_raise_msg(&py_type_OverflowError, "cannot fit 'int' into an index-sized integer");
    uint64_t m = mag_u64(&x);
    return x.neg ? (int64_t)(0 - m) : (int64_t)m;
}

static double view_to_double(const iv_t *x) {
    if (x->n <= 2) {
        double d = (double)mag_u64(x);
        return x->neg ? -d : d;
    }
    size_t bits = bn_bit_length(x->d, x->n);
    if (bits > 1024) py_raise_msg(&py_type_OverflowError, "int too large to convert to float");
    /* top 64 bits plus a sticky bit for the rest: one correct rounding */
    size_t sh = bits - 64;
    bn_limb_t tmp[3];
    size_t w = sh / 32, s = sh % 32;
    uint64_t top = 0;
    for (int k = 2; k >= 0; k--) tmp[k] = (w + (size_t)k < x->n) ? x->d[w + (size_t)k] : 0;
    uint64_t lo = ((uint64_t)tmp[1] << 32) | tmp[0];
    top = s ? (lo >> s) | ((uint64_t)tmp[2] << (64 - s)) : lo;
    bool sticky = s && (lo & (((uint64_t)1 << s) - 1));
    for (size_t i = 0; i < w && !sticky; i++)
        if (x->d[i]) sticky = true;
    if (sticky) top |= 1;
    double d = ldexp((double)top, (int)sh);
    if (isinf(d)) py_raise_msg(&py_type_OverflowError, "int too large to convert to float");
    return x->neg ? -d : d;
}

double py_int_to_double(py_val_t v) {
    if (py_is_small(v)) return (double)py_as_small(v);
    iv_t x;
    if (!int_view(v, &x)) return 0.0;
    return view_to_double(&x);
}

double py_to_double(py_val_t v) {
    if (py_is_float(v)) return py_as_float(v);
    if (py_is_small(v)) return (double)py_as_small(v);
    if (py_is_bool(v)) return v == PY_TRUE;
    iv_t x;
    if (int_view(v, &x)) return view_to_double(&x);
    if (py_is_obj(v)) {
        py_type_t *t = py_obj_type(v);
        if ((t->flags & PY_TF_HEAP) && py_is_subtype(t, &py_type_float)) {
            py_val_t n = ((py_instance_t *)py_as_ptr(v))->native;
            if (py_is_float(n)) return py_as_float(n);
        }
        py_val_t r = call_dunder(v, PYN(__float__));
        if (!py_is_null(r)) {
            if (!py_is_float(r))
                py_raise_msg(&py_type_TypeError, "%s.__float__ returned non-float (type %s)", py_type_name(v),
                             py_type_name(r));
            return py_as_float(r);
        }
        r = call_dunder(v, PYN(__index__));
        if (!py_is_null(r)) return py_to_double(r);
    }
    py_raise_msg(&py_type_TypeError, "must be real number, not %s", py_type_name(v));
}

/* -------------------------------------------------------- text conversion */

static const char DIGITS[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* Appends the magnitude in `base` (no sign, no prefix). */
static void mag_to_text(py_sb_t *sb, const bn_limb_t *d, size_t n, int base) {
    if (n == 0) {
        py_sb_addc(sb, '0');
        return;
    }
    if (n <= 2) {
        uint64_t m = n == 1 ? d[0] : ((uint64_t)d[1] << 32 | d[0]);
        char buf[72];
        int i = 72;
        while (m) {
            buf[--i] = DIGITS[m % (unsigned)base];
            m /= (unsigned)base;
        }
        py_sb_add(sb, buf + i, (size_t)(72 - i));
        return;
    }
    /* chunked: divide by the largest power of base fitting a limb */
    bn_limb_t chunk = (bn_limb_t)base;
    int per = 1;
    while ((uint64_t)chunk * (unsigned)base <= 0xFFFFFFFFull) {
        chunk *= (bn_limb_t)base;
        per++;
    }
    bn_limb_t *t = malloc(n * sizeof *t);
    size_t maxchunks = n * 32 / (size_t)per + 2;
    bn_limb_t *parts = malloc(maxchunks * sizeof *parts);
    if (!t || !parts) {
        free(t);
        free(parts);
        py_raise_no_memory();
    }
    memcpy(t, d, n * sizeof *t);
    size_t np = 0, tn = n;
    while (tn > 0) {
        parts[np++] = bn_divmod_small(t, t, tn, chunk);
        tn = bn_norm(t, tn);
    }
    char buf[40];
    for (size_t k = np; k-- > 0;) {
        bn_limb_t p = parts[k];
        int i = per;
        while (i > 0) {
            buf[--i] = DIGITS[p % (unsigned)base];
            p /= (unsigned)base;
        }
        int start = 0;
        if (k == np - 1)
            while (start < per - 1 && buf[start] == '0') start++;
        py_sb_add(sb, buf + start, (size_t)(per - start));
    }
    free(t);
    free(parts);
}

/* Used by format.c too: sign, optional prefix, digits. */
static int small_to_dec(char *buf, int64_t i);

void py_int_append_text(py_sb_t *sb, py_val_t v, int base, bool prefix) {
    if (base == 10 && py_is_small(v)) { /* "%d" % i, format(i): the common case */
        char buf[24];
        py_sb_add(sb, buf, (size_t)small_to_dec(buf, py_as_small(v)));
        return;
    }
    volatile py_val_t keep = v;
    (void)keep;
    iv_t x;
    if (!int_view(v, &x)) return;
    if (x.neg) py_sb_addc(sb, '-');
    if (prefix && base != 10) py_sb_adds(sb, base == 16 ? "0x" : base == 8 ? "0o" : "0b");
    mag_to_text(sb, x.d, x.n, base);
}

/* Decimal text of a small int: str(i) and f"{i}" are hot enough that
 * snprintf's set-up cost dominated them.  Returns the length; no NUL. */
static int small_to_dec(char *buf, int64_t i) {
    char tmp[24];
    uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    int k = 0, n = 0;
    do {
        tmp[k++] = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    if (i < 0) buf[n++] = '-';
    while (k) buf[n++] = tmp[--k];
    return n;
}

py_val_t py_int_to_str(py_val_t v, int base) {
    if (py_is_small(v) && base == 10) {
        char buf[32];
        int n = small_to_dec(buf, py_as_small(v));
        return py_str_new(buf, (size_t)n);
    }
    py_sb_t sb;
    py_sb_init(&sb);
    py_int_append_text(&sb, v, base, true);
    return py_sb_to_str(&sb);
}

static void int_print(py_sb_t *sb, py_val_t self, int kind) {
    if (py_is_small(self)) {
        char buf[32];
        int n = small_to_dec(buf, py_as_small(self));
        py_sb_add(sb, buf, (size_t)n);
        return;
    }
    py_int_append_text(sb, self, 10, false);
}

static int digit_val(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

PY_NORETURN static void bad_literal(const char *s, size_t len, int base) {
    py_val_t str = py_str_new(s, len);
    py_val_t r = py_repr(str);
    py_raise_msg(&py_type_ValueError, "invalid literal for int() with base %d: %s", base, py_str_data(r));
}

/* Unicode decimal digits (category Nd) come in runs of ten; these are the
 * code points of their zeros. */
static const uint32_t ND_ZEROS[] = {
    0x660,   0x6F0,   0x7C0,   0x966,   0x9E6,   0xA66,   0xAE6,   0xB66,   0xBE6,   0xC66,   0xCE6,
    0xD66,   0xDE6,   0xE50,   0xED0,   0xF20,   0x1040,  0x1090,  0x17E0,  0x1810,  0x1946,  0x19D0,
    0x1A80,  0x1A90,  0x1B50,  0x1BB0,  0x1C40,  0x1C50,  0xA620,  0xA8D0,  0xA900,  0xA9D0,  0xA9F0,
    0xAA50,  0xABF0,  0xFF10,  0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450,
    0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
};

/* Rewrites non-ASCII text for number parsing: Unicode digits become ASCII
 * digits, Unicode spaces become ' ', anything else becomes '?' (invalid).
 * Returns a malloc'd NUL-terminated copy, or NULL when s is pure ASCII. */
char *py_num_ascii(const char *s, size_t len, size_t *outlen) {
    size_t i = 0;
    while (i < len && (unsigned char)s[i] < 0x80) i++;
    if (i == len) return NULL;
    char *out = malloc(len + 1);
    if (!out) py_raise_no_memory();
    size_t o = 0;
    for (i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[o++] = (char)c;
            i++;
            continue;
        }
        int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        uint32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (int k = 1; k < n && i + (size_t)k < len; k++) cp = (cp << 6) | ((unsigned char)s[i + (size_t)k] & 0x3F);
        i += (size_t)n;
        char r = '?';
        for (size_t k = 0; k < sizeof ND_ZEROS / sizeof ND_ZEROS[0]; k++)
            if (cp >= ND_ZEROS[k] && cp < ND_ZEROS[k] + 10) r = (char)('0' + (cp - ND_ZEROS[k]));
        if (cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
            cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000)
            r = ' ';
        out[o++] = r;
    }
    out[o] = 0;
    *outlen = o;
    return out;
}

static py_val_t int_parse(const char *s0, size_t len0, int base, const char *orig, size_t origlen);

py_val_t py_int_from_str(const char *s0, size_t len0, int base) {
    if (base != 0 && (base < 2 || base > 36)) py_raise_msg(&py_type_ValueError, "int() base must be >= 2 and <= 36, or 0");
    size_t alen;
    char *a = py_num_ascii(s0, len0, &alen);
    if (!a) return int_parse(s0, len0, base, s0, len0);
    /* parse a stack copy so an error raised inside does not leak the buffer */
    char small[128];
    if (alen < sizeof small) {
        memcpy(small, a, alen + 1);
        free(a);
        return int_parse(small, alen, base, s0, len0);
    }
    for (size_t i = 0; i < alen; i++)
        if (a[i] == '?') {
            free(a);
            bad_literal(s0, len0, base);
        }
    py_val_t v = int_parse(a, alen, base, s0, len0); /* may still raise for bad syntax (rare: leaks) */
    free(a);
    return v;
}

static py_val_t int_parse(const char *s0_, size_t len0_, int base, const char *s0, size_t len0) {
    const char *s = s0_, *e = s0_ + len0_;
    while (s < e && is_space(*s)) s++;
    while (e > s && is_space(e[-1])) e--;
    bool neg = false;
    if (s < e && (*s == '+' || *s == '-')) neg = *s++ == '-';
    int b = base;
    bool had_prefix = false;
    if (e - s >= 2 && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            b = pb;
            s += 2;
            had_prefix = true;
        }
    }
    if (b == 0) {
        b = 10;
        /* base 0 forbids leading zeros in a nonzero decimal */
        if (s < e && s[0] == '0') {
            for (const char *p = s; p < e; p++)
                if (*p != '0' && *p != '_') bad_literal(s0, len0, base);
        }
    }
    /* validate: digits with single underscores between them */
    size_t ndig = 0;
    bool last_us = had_prefix; /* "0x_1" is fine: an underscore may follow the prefix */
    if (s >= e) bad_literal(s0, len0, base);
    for (const char *p = s; p < e; p++) {
        if (*p == '_') {
            if (p == s && !had_prefix) bad_literal(s0, len0, base);
            if (p > s && p[-1] == '_') bad_literal(s0, len0, base);
            last_us = true;
            continue;
        }
        if (digit_val(*p) >= b) bad_literal(s0, len0, base);
        ndig++;
        last_us = false;
    }
    if (last_us || ndig == 0) bad_literal(s0, len0, base);
    if ((b <= 10 && ndig <= 18) || (b <= 16 && ndig <= 15) || ndig <= 12) {
        /* fits an int64 (36^12 < 2^63) */
        int64_t v = 0;
        for (const char *p = s; p < e; p++)
            if (*p != '_') v = v * b + digit_val(*p);
        return py_int_from_i64(neg ? -v : v);
    }
    /* big: accumulate chunks of digits */
    size_t limbs = ndig * 6 / 32 + 2;
    big_t *r = big_new(limbs);
    size_t rn = 0;
    const char *p = s;
    while (p < e) {
        bn_limb_t chunk = 0, mul = 1;
        while (p < e && (uint64_t)mul * (unsigned)b <= 0xFFFFFFFFull) {
            if (*p != '_') {
                chunk = chunk * (bn_limb_t)b + (bn_limb_t)digit_val(*p);
                mul *= (bn_limb_t)b;
            }
            p++;
        }
        uint64_t c = chunk;
        for (size_t i = 0; i < rn; i++) {
            c += (uint64_t)r->d[i] * mul;
            r->d[i] = (bn_limb_t)c;
            c >>= 32;
        }
        if (c) r->d[rn++] = (bn_limb_t)c;
    }
    return finish(r, neg, rn);
}

/* ---------------------------------------------------------- arithmetic */

static py_val_t add_views(const iv_t *a, const iv_t *b, bool negate_b) {
    KEEP2(a, b);
    bool bneg = b->neg ^ negate_b;
    size_t n = (a->n > b->n ? a->n : b->n) + 1;
    big_t *r = big_new(n);
    if (a->neg == bneg) return finish(r, a->neg, bn_add(r->d, a->d, a->n, b->d, b->n));
    if (bn_cmp(a->d, a->n, b->d, b->n) >= 0) return finish(r, a->neg, bn_sub(r->d, a->d, a->n, b->d, b->n));
    return finish(r, bneg, bn_sub(r->d, b->d, b->n, a->d, a->n));
}

static py_val_t mul_views(const iv_t *a, const iv_t *b) {
    KEEP2(a, b);
    if (a->n == 0 || b->n == 0) return py_small(0);
    big_t *r = big_new(a->n + b->n);
    return finish(r, a->neg != b->neg, bn_mul(r->d, a->d, a->n, b->d, b->n));
}

/* Floor division and modulo; either output may be NULL. */
static void divmod_views(const iv_t *a, const iv_t *b, py_val_t *qo, py_val_t *ro) {
    if (b->n == 0) return;
    KEEP2(a, b);
    size_t qn = a->n >= b->n ? a->n - b->n + 2 : 2;
    big_t *q = big_new(qn);
    volatile py_val_t keep_q = py_obj(q);
    (void)keep_q;
    big_t *r = big_new(b->n + 1);
    if (bn_divmod(q->d, r->d, a->d, a->n, b->d, b->n) < 0) py_raise_no_memory();
    size_t rl = bn_norm(r->d, b->n);
    bool qneg = a->neg != b->neg;
    if (a->n < b->n) {
        memset(q->d, 0, qn * sizeof(bn_limb_t));
        memcpy(r->d, a->d, a->n * sizeof(bn_limb_t));
        rl = a->n;
    }
    size_t ql = bn_norm(q->d, qn);
    if (qneg && rl > 0) {
        /* floor: q = -(|q| + 1), r = |b| - |r| (with b's sign) */
        bn_limb_t one = 1;
        ql = bn_add(q->d, q->d, ql, &one, 1);
        rl = bn_sub(r->d, b->d, b->n, r->d, rl);
    }
    if (qo) *qo = finish(q, qneg, ql);
    if (ro) *ro = finish(r, b->neg, rl);
}

static py_val_t invert_view(const iv_t *a) {
    /* ~a == -a - 1 */
    iv_t one;
    view_i64(&one, 1);
    iv_t na = *a;
    na.d = a->d == a->buf ? na.buf : a->d;
    na.neg = !a->neg;
    if (a->n == 0) na.neg = false;
    return add_views(&na, &one, true);
}

/* Two's complement of a view into w limbs. */
static void to_2c(bn_limb_t *dst, const iv_t *a, size_t w) {
    memset(dst, 0, w * sizeof *dst);
    memcpy(dst, a->d, a->n * sizeof *dst);
    if (a->neg) {
        uint64_t c = 1;
        for (size_t i = 0; i < w; i++) {
            c += (bn_limb_t)~dst[i];
            dst[i] = (bn_limb_t)c;
            c >>= 32;
        }
    }
}

static py_val_t bitwise_views(py_binop_t op, const iv_t *a, const iv_t *b) {
    KEEP2(a, b);
    size_t w = (a->n > b->n ? a->n : b->n) + 1;
    big_t *r = big_new(w);
    bn_limb_t *t = malloc(w * sizeof *t);
    if (!t) py_raise_no_memory();
    to_2c(r->d, a, w);
    to_2c(t, b, w);
    for (size_t i = 0; i < w; i++) {
        if (op == PY_OP_AND)
            r->d[i] &= t[i];
        else if (op == PY_OP_OR)
            r->d[i] |= t[i];
        else
            r->d[i] ^= t[i];
    }
    free(t);
    bool neg = r->d[w - 1] >> 31;
    if (neg) {
        uint64_t c = 1;
        for (size_t i = 0; i < w; i++) {
            c += (bn_limb_t)~r->d[i];
            r->d[i] = (bn_limb_t)c;
            c >>= 32;
        }
    }
    return finish(r, neg, w);
}

static size_t shift_count(const iv_t *b) {
    if (b->neg) py_raise_msg(&py_type_ValueError, "negative shift count");
    if (b->n > 2 || mag_u64(b) > ((uint64_t)1 << 40)) return (size_t)1 << 40;
    return (size_t)mag_u64(b);
}

static py_val_t lshift_view(const iv_t *a, size_t k) {
    KEEP2(a, a);
    if (a->n == 0) return py_small(0);
    if (k > ((size_t)1 << 34)) py_raise_msg(&py_type_OverflowError, "too many digits in integer");
    big_t *r = big_new(a->n + k / 32 + 1);
    return finish(r, a->neg, bn_shl(r->d, a->d, a->n, k));
}

static py_val_t rshift_view(const iv_t *a, size_t k) {
    KEEP2(a, a);
    if (a->n == 0) return py_small(0);
    if (!a->neg) {
        big_t *r = big_new(a->n);
        return finish(r, false, bn_shr(r->d, a->d, a->n, k));
    }
    /* floor for negatives: -(((|a| - 1) >> k) + 1) */
    big_t *r = big_new(a->n + 1);
    bn_limb_t one = 1;
    size_t n = bn_sub(r->d, a->d, a->n, &one, 1);
    n = bn_shr(r->d, r->d, n, k);
    n = bn_add(r->d, r->d, n, &one, 1);
    return finish(r, true, n);
}

static py_val_t int_truediv(const iv_t *a, const iv_t *b) {
    KEEP2(a, b);
    if (b->n == 0) py_raise_msg(&py_type_ZeroDivisionError, "division by zero");
    if (a->n <= 2 && b->n <= 2 && mag_u64(a) <= ((uint64_t)1 << 53) && mag_u64(b) <= ((uint64_t)1 << 53)) {
        double x = (double)mag_u64(a) / (double)mag_u64(b);
        return py_float(a->neg != b->neg ? -x : x);
    }
    if (a->n == 0) return py_float(a->neg != b->neg ? -0.0 : 0.0);
    /* scale so the quotient has 55..56 bits, then round once with a sticky bit */
    long ab = (long)bn_bit_length(a->d, a->n), bb = (long)bn_bit_length(b->d, b->n);
    long sh = 55 - (ab - bb);
    if (ab - bb > 1030) py_raise_msg(&py_type_OverflowError, "integer division result too large for a float");
    if (ab - bb < -1200) return py_float(a->neg != b->neg ? -0.0 : 0.0);
    iv_t na = *a, nb = *b;
    if (a->d == a->buf) na.d = na.buf;
    if (b->d == b->buf) nb.d = nb.buf;
    na.neg = nb.neg = false;
    py_val_t A = sh > 0 ? lshift_view(&na, (size_t)sh) : py_obj(NULL);
    py_val_t B = sh < 0 ? lshift_view(&nb, (size_t)-sh) : py_obj(NULL);
    iv_t va, vb;
    if (sh > 0) int_view(A, &va); else va = na, va.d = a->d == a->buf ? va.buf : a->d;
    if (sh < 0) int_view(B, &vb); else vb = nb, vb.d = b->d == b->buf ? vb.buf : b->d;
    py_val_t q, r;
    divmod_views(&va, &vb, &q, &r);
    iv_t vq;
    int_view(q, &vq);
    uint64_t qq = mag_u64(&vq);
    if (r != py_small(0)) qq |= 1;
    double d = ldexp((double)qq, (int)-sh);
    if (isinf(d)) py_raise_msg(&py_type_OverflowError, "integer division result too large for a float");
    return py_float(a->neg != b->neg ? -d : d);
}

static bool view_is_odd(const iv_t *e) { return e->n > 0 && (e->d[0] & 1); }

static py_val_t pow_views(const iv_t *a, const iv_t *e) {
    KEEP2(a, e);
    if (e->neg) {
        double x = view_to_double(a), y = view_to_double(e);
        if (x == 0.0) py_raise_msg(&py_type_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return py_float(pow(x, y));
    }
    /* small fast path */
    if (a->n <= 1) {
        uint64_t m = mag_u64(a);
        if (m <= 1) {
            int64_t v = (int64_t)m;
            if (a->neg && view_is_odd(e)) v = -v;
            return py_small(e->n == 0 ? 1 : v);
        }
    }
    size_t bits = bn_bit_length(a->d, a->n);
    if (e->n > 1 || (double)bits * (double)mag_u64(e) > 1e10) {
        py_raise_msg(&py_type_OverflowError, "exponent too large");
    }
    uint64_t n = mag_u64(e);
    /* the result has at least (bits-1)*n bits: fail now rather than after
     * minutes of squaring towards a number the heap cannot hold */
    if ((double)(bits - 1) * (double)n / 8.0 > (double)py_gc_heap_limit()) py_raise_no_memory();
    py_val_t result = py_small(1), base = from_view_mag(a->d, a->n, a->neg);
    while (n) {
        iv_t vr, vb;
        if (n & 1) {
            int_view(result, &vr);
            int_view(base, &vb);
            result = mul_views(&vr, &vb);
        }
        n >>= 1;
        if (n) {
            int_view(base, &vb);
            base = mul_views(&vb, &vb);
        }
    }
    return result;
}

static py_val_t mod_views(const iv_t *a, const iv_t *m) {
    py_val_t r;
    divmod_views(a, m, NULL, &r);
    return r;
}

/* pow(b, e, m) with CPython's rules (negative exponents use the inverse). */
py_val_t py_int_pow_mod(py_val_t bv, py_val_t ev, py_val_t mv) {
    volatile py_val_t keep[3] = {bv, ev, mv};
    (void)keep;
    iv_t b, e, m;
    if (!int_view(bv, &b) || !int_view(ev, &e) || !int_view(mv, &m))
        py_raise_msg(&py_type_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    if (m.n == 0) py_raise_msg(&py_type_ValueError, "pow() 3rd argument cannot be 0");
    iv_t am = m;
    am.neg = false;
    if (m.d == m.buf) am.d = am.buf;
    py_val_t base = mod_views(&b, &am);
    if (e.neg) {
        /* modular inverse by extended Euclid on (base, |m|) */
        py_val_t r0 = from_view_mag(am.d, am.n, false), r1 = base;
        py_val_t s0 = py_small(0), s1 = py_small(1);
        while (r1 != py_small(0)) {
            iv_t v0, v1;
            int_view(r0, &v0);
            int_view(r1, &v1);
            py_val_t q, r;
            divmod_views(&v0, &v1, &q, &r);
            r0 = r1;
            r1 = r;
            iv_t vq, vs1, vs0;
            int_view(q, &vq);
            int_view(s1, &vs1);
            py_val_t qs = mul_views(&vq, &vs1);
            iv_t vqs;
            int_view(qs, &vqs);
            int_view(s0, &vs0);
            py_val_t ns = add_views(&vs0, &vqs, true);
            s0 = s1;
            s1 = ns;
        }
        if (r0 != py_small(1)) py_raise_msg(&py_type_ValueError, "base is not invertible for the given modulus");
        iv_t vs;
        int_view(s0, &vs);
        base = mod_views(&vs, &am);
        e.neg = false;
    }
    py_val_t result = py_small(1);
    {
        iv_t v1, vm1;
        int_view(result, &v1);
        int_view(from_view_mag(am.d, am.n, false), &vm1);
        result = mod_views(&v1, &vm1);
    }
    size_t ebits = bn_bit_length(e.d, e.n);
    for (size_t i = ebits; i-- > 0;) {
        iv_t vr, vb;
        int_view(result, &vr);
        result = mul_views(&vr, &vr);
        int_view(result, &vr);
        result = mod_views(&vr, &am);
        if ((e.d[i / 32] >> (i % 32)) & 1) {
            int_view(result, &vr);
            int_view(base, &vb);
            result = mul_views(&vr, &vb);
            int_view(result, &vr);
            result = mod_views(&vr, &am);
        }
    }
    if (m.neg && result != py_small(0)) {
        iv_t vr;
        int_view(result, &vr);
        result = add_views(&vr, &am, true);
    }
    return result;
}

static py_val_t floordiv_small(int64_t x, int64_t y, int64_t *mod) {
    int64_t q = x / y, r = x % y;
    if (r && ((r < 0) != (y < 0))) {
        q--;
        r += y;
    }
    if (mod) *mod = r;
    return py_int_from_i64(q);
}

static py_val_t int_op(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    /* fast paths on two small ints */
    if (py_is_small(lhs) && py_is_small(rhs)) {
        int64_t x = py_as_small(lhs), y = py_as_small(rhs), r;
        switch (op) {
        case PY_OP_ADD: return py_int_from_i64(x + y);
        case PY_OP_SUB: return py_int_from_i64(x - y);
        case PY_OP_MUL:
            if (!__builtin_mul_overflow(x, y, &r)) return py_int_from_i64(r);
            break;
        case PY_OP_FLOORDIV:
            if (y == 0) py_raise_msg(&py_type_ZeroDivisionError, "integer division or modulo by zero");
            return floordiv_small(x, y, NULL);
        case PY_OP_MOD:
            if (y == 0) py_raise_msg(&py_type_ZeroDivisionError, "integer modulo by zero");
            floordiv_small(x, y, &r);
            return py_small(r);
        case PY_OP_AND: return py_small(x & y);
        case PY_OP_OR: return py_small(x | y);
        case PY_OP_XOR: return py_small(x ^ y);
        case PY_OP_RSHIFT:
            if (y < 0) py_raise_msg(&py_type_ValueError, "negative shift count");
            return py_small(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
        case PY_OP_POW:
            if (y >= 0) {
                /* square-and-multiply in int64 while it fits */
                int64_t acc = 1, b = x, n = y;
                bool ok = true;
                while (n && ok) {
                    if (n & 1) ok = !__builtin_mul_overflow(acc, b, &acc);
                    n >>= 1;
                    if (n && ok) ok = !__builtin_mul_overflow(b, b, &b);
                }
                if (ok) return py_int_from_i64(acc);
            }
            break;
        case PY_OP_LSHIFT:
            if (y < 0) py_raise_msg(&py_type_ValueError, "negative shift count");
            if (x == 0) return py_small(0);
            if (y < 62 && !__builtin_mul_overflow(x, (int64_t)1 << y, &r)) return py_int_from_i64(r);
            break;
        default: break;
        }
    }
    iv_t a, b;
    if (!int_view(lhs, &a) || !int_view(rhs, &b)) return PY_NULL;
    switch (op) {
    case PY_OP_ADD: return add_views(&a, &b, false);
    case PY_OP_SUB: return add_views(&a, &b, true);
    case PY_OP_MUL: return mul_views(&a, &b);
    case PY_OP_TRUEDIV: return int_truediv(&a, &b);
    case PY_OP_FLOORDIV: {
        if (b.n == 0) py_raise_msg(&py_type_ZeroDivisionError, "integer division or modulo by zero");
        py_val_t q;
        divmod_views(&a, &b, &q, NULL);
        return q;
    }
    case PY_OP_MOD: {
        if (b.n == 0) py_raise_msg(&py_type_ZeroDivisionError, "integer modulo by zero");
        return mod_views(&a, &b);
    }
    case PY_OP_POW: return pow_views(&a, &b);
    case PY_OP_LSHIFT: return lshift_view(&a, shift_count(&b));
    case PY_OP_RSHIFT: {
        size_t k = shift_count(&b);
        return rshift_view(&a, k);
    }
    case PY_OP_AND:
    case PY_OP_OR:
    case PY_OP_XOR: return bitwise_views(op, &a, &b);
    default: return PY_NULL;
    }
}

/* divmod() helper for builtins: (a // b, a % b) for ints. */
py_val_t py_int_divmod(py_val_t lhs, py_val_t rhs) {
    iv_t a, b;
    if (!int_view(lhs, &a) || !int_view(rhs, &b)) return PY_NULL;
    if (b.n == 0) py_raise_msg(&py_type_ZeroDivisionError, "integer division or modulo by zero");
    py_val_t q, r;
    divmod_views(&a, &b, &q, &r);
    return py_tuple_pack(2, q, r);
}

static py_val_t int_binary(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    if (op >= PY_OP_INPLACE) op = (py_binop_t)(op - PY_OP_INPLACE);
    return int_op(op, lhs, rhs);
}

static py_val_t bool_binary(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    if (op >= PY_OP_INPLACE) op = (py_binop_t)(op - PY_OP_INPLACE);
    if (py_is_bool(lhs) && py_is_bool(rhs)) {
        if (op == PY_OP_AND) return py_bool(lhs == PY_TRUE && rhs == PY_TRUE);
        if (op == PY_OP_OR) return py_bool(lhs == PY_TRUE || rhs == PY_TRUE);
        if (op == PY_OP_XOR) return py_bool(lhs != rhs);
    }
    return int_op(op, lhs, rhs);
}

/* Exact comparison of an int with a double: -1, 0, 1, or 2 for NaN. */
int py_int_cmp_double(py_val_t iv, double d) {
    if (isnan(d)) return 2;
    if (isinf(d)) return d > 0 ? -1 : 1;
    if (py_is_small(iv)) {
        int64_t x = py_as_small(iv);
        /* |x| < 2^48 converts exactly */
        double xd = (double)x;
        return xd < d ? -1 : xd > d;
    }
    volatile py_val_t keep = iv;
    (void)keep;
    iv_t a;
    int_view(iv, &a);
    double fl = floor(d);
    py_val_t fi = py_int_from_double(fl);
    iv_t b;
    int_view(fi, &b);
    int c;
    if (a.neg != b.neg && (a.n || b.n))
        c = a.neg ? -1 : 1;
    else {
        c = bn_cmp(a.d, a.n, b.d, b.n);
        if (a.neg) c = -c;
    }
    if (c == 0 && fl != d) return -1; /* a == floor(d) < d */
    return c;
}

static int cmp_views(const iv_t *a, const iv_t *b) {
    if (a->neg != b->neg) return a->neg ? -1 : 1;
    int c = bn_cmp(a->d, a->n, b->d, b->n);
    return a->neg ? -c : c;
}

static py_val_t cmp_result(py_cmpop_t op, int c) {
    switch (op) {
    case PY_CMP_LT: return py_bool(c == -1);
    case PY_CMP_LE: return py_bool(c == -1 || c == 0);
    case PY_CMP_EQ: return py_bool(c == 0);
    case PY_CMP_NE: return py_bool(c != 0);
    case PY_CMP_GT: return py_bool(c == 1);
    case PY_CMP_GE: return py_bool(c == 1 || c == 0);
    }
    return PY_FALSE;
}

static py_val_t int_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    if (py_is_small(self) && py_is_small(other)) {
        int64_t x = py_as_small(self), y = py_as_small(other);
        return cmp_result(op, x < y ? -1 : x > y);
    }
    iv_t a, b;
    if (!int_view(self, &a)) return PY_NULL;
    if (py_is_float(other)) return cmp_result(op, py_int_cmp_double(unwrap(self), py_as_float(other)));
    if (!int_view(other, &b)) return PY_NULL;
    return cmp_result(op, cmp_views(&a, &b));
}

#define HASH_MOD (((uint64_t)1 << 61) - 1)

static int64_t view_hash(const iv_t *a) {
    uint64_t h = 0;
    for (size_t i = a->n; i-- > 0;) {
        unsigned __int128 t = ((unsigned __int128)h << 32) | a->d[i];
        h = (uint64_t)(t % HASH_MOD);
    }
    int64_t r = a->neg ? -(int64_t)h : (int64_t)h;
    return r == -1 ? -2 : r;
}

/* The hash slot must answer a small int, but CPython's numeric hashes reach
 * 61 bits; wider ones are folded into 48 bits, the same way for every
 * numeric type so that equal numbers keep equal hashes. */
py_val_t py_hash_value(int64_t h) {
    if (py_fits_small(h)) return py_small(h);
    uint64_t u = (uint64_t)h;
    int64_t f = (int64_t)((u ^ (u >> 47)) & (uint64_t)PY_SMALL_MAX);
    if (h < 0) f = -f;
    return py_small(f == -1 ? -2 : f);
}

static py_val_t int_unary(py_unop_t op, py_val_t v) {
    if (py_is_small(v)) {
        int64_t x = py_as_small(v);
        switch (op) {
        case PY_UNARY_NEG: return py_int_from_i64(-x);
        case PY_UNARY_POS: return v;
        case PY_UNARY_INVERT: return py_small(~x);
        case PY_UNARY_BOOL: return py_bool(x != 0);
        case PY_UNARY_HASH: return py_small(x == -1 ? -2 : x);
        case PY_UNARY_ABS: return py_int_from_i64(x < 0 ? -x : x);
        default: return PY_NULL;
        }
    }
    volatile py_val_t keep = v;
    (void)keep;
    iv_t a;
    if (!int_view(v, &a)) return PY_NULL;
    switch (op) {
    case PY_UNARY_NEG: return from_view_mag(a.d, a.n, !a.neg && a.n);
    case PY_UNARY_POS: return from_view_mag(a.d, a.n, a.neg);
    case PY_UNARY_ABS: return from_view_mag(a.d, a.n, false);
    case PY_UNARY_INVERT: return invert_view(&a);
    case PY_UNARY_BOOL: return py_bool(a.n != 0);
    case PY_UNARY_HASH: return py_hash_value(view_hash(&a));
    default: return PY_NULL;
    }
}

static py_val_t bool_unary(py_unop_t op, py_val_t v) {
    int64_t x = v == PY_TRUE;
    switch (op) {
    case PY_UNARY_BOOL: return v;
    case PY_UNARY_HASH: return py_small(x);
    default: return int_unary(op, py_small(x));
    }
}

static void bool_print(py_sb_t *sb, py_val_t self, int kind) { py_sb_adds(sb, self == PY_TRUE ? "True" : "False"); }

/* ------------------------------------------------------------ constructors */

static py_val_t wrap_subclass(py_type_t *type, py_val_t v) {
    if (type == &py_type_int || type == &py_type_bool) return v;
    py_instance_t *inst = py_gc_alloc(type, type->instance_size > sizeof(py_instance_t) ? type->instance_size
                                                                                        : sizeof(py_instance_t));
    inst->dict = type->dict_offset ? py_dict_new() : PY_NULL;
    inst->native = v;
    return py_obj(inst);
}

/* The str behind a str or an instance of a str subclass written in Python. */
static py_val_t str_unwrap(py_val_t v) {
    if (py_is_obj(v) && py_obj_type(v) != &py_type_str && (py_obj_type(v)->flags & PY_TF_HEAP))
        return ((py_instance_t *)py_as_ptr(v))->native;
    return v;
}

static py_val_t int_from_value(py_val_t x) {
    if (py_is_int(x)) {
        if (py_is_bool(x)) return py_small(x == PY_TRUE);
        return unwrap(x);
    }
    if (py_is_float(x)) return py_int_from_double(py_as_float(x));
    if (py_is_str(x)) {
        x = str_unwrap(x);
        return py_int_from_str(py_str_data(x), py_str_len(x), 10);
    }
    if (py_is_obj(x)) {
        py_type_t *t = py_obj_type(x);
        if (t == &py_type_bytes || t == &py_type_bytearray) {
            py_buf_t buf;
            py_get_buffer(x, &buf, 0);
            return py_int_from_str((const char *)buf.data, buf.len, 10);
        }
        if ((t->flags & PY_TF_HEAP) && py_is_subtype(t, &py_type_float))
            return py_int_from_double(py_to_double(x));
        static const int names[] = {PYN___int__, PYN___index__, PYN___trunc__};
        for (int i = 0; i < 3; i++) {
            py_val_t r = call_dunder(x, py_names[names[i]]);
            if (!py_is_null(r)) {
                if (i < 2 && !py_is_int(r))
                    py_raise_msg(&py_type_TypeError, "__%s__ returned non-int (type %s)", i ? "index" : "int",
                                 py_type_name(r));
                return i == 2 ? int_from_value(r) : unwrap(r);
            }
        }
    }
    py_raise_msg(&py_type_TypeError,
                 "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                 py_type_name(x));
}

static py_val_t bool_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames);

static py_val_t int_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (type == &py_type_bool) return bool_make_new(type, argc, argv, kwnames);
    int npos = argc;
    py_val_t basev = PY_NULL;
    if (!py_is_null(kwnames)) {
        size_t nk = py_as_tuple(kwnames)->len;
        for (size_t i = 0; i < nk; i++) {
            py_val_t k = py_as_tuple(kwnames)->items[i];
            if (strcmp(py_str_data(k), "base") == 0)
                basev = argv[npos + (int)i];
            else
                py_raise_msg(&py_type_TypeError, "'%s' is an invalid keyword argument for int()", py_str_data(k));
        }
    }
    if (npos > 2) py_raise_msg(&py_type_TypeError, "int() takes at most 2 arguments (%d given)", npos);
    if (npos == 2) basev = argv[1];
    if (npos == 0) {
        if (!py_is_null(basev)) py_raise_msg(&py_type_TypeError, "int() missing string argument");
        return wrap_subclass(type, py_small(0));
    }
    py_val_t x = argv[0];
    if (py_is_null(basev)) return wrap_subclass(type, int_from_value(x));
    int64_t base = py_to_i64(basev);
    if (base != 0 && (base < 2 || base > 36)) py_raise_msg(&py_type_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (py_is_str(x)) {
        x = str_unwrap(x);
        return wrap_subclass(type, py_int_from_str(py_str_data(x), py_str_len(x), (int)base));
    }
    if (py_is_obj(x) && (py_obj_type(x) == &py_type_bytes || py_obj_type(x) == &py_type_bytearray)) {
        py_buf_t buf;
        py_get_buffer(x, &buf, 0);
        return wrap_subclass(type, py_int_from_str((const char *)buf.data, buf.len, (int)base));
    }
    py_raise_msg(&py_type_TypeError, "int() can't convert non-string with explicit base");
}

static py_val_t bool_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (!py_is_null(kwnames) && py_as_tuple(kwnames)->len)
        py_raise_msg(&py_type_TypeError, "bool() takes no keyword arguments");
    if (argc > 1) py_raise_msg(&py_type_TypeError, "bool expected at most 1 argument, got %d", argc);
    return argc == 0 ? PY_FALSE : py_bool(py_truthy(argv[0]));
}

/* ----------------------------------------------------------------- methods */

static iv_t *self_view(py_val_t v, iv_t *o) {
    if (!int_view(v, o)) py_raise_type_error_arg("int method", "int", v);
    return o;
}

static py_val_t m_bit_length(int argc, const py_val_t *argv, py_val_t kw) {
    iv_t a;
    self_view(argv[0], &a);
    return py_int_from_u64(bn_bit_length(a.d, a.n));
}

static py_val_t m_bit_count(int argc, const py_val_t *argv, py_val_t kw) {
    iv_t a;
    self_view(argv[0], &a);
    uint64_t c = 0;
    for (size_t i = 0; i < a.n; i++) c += (uint64_t)__builtin_popcount(a.d[i]);
    return py_int_from_u64(c);
}

static py_val_t m_identity(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t v = unwrap(argv[0]);
    return py_is_bool(v) ? py_small(v == PY_TRUE) : v;
}

static py_val_t m_float(int argc, const py_val_t *argv, py_val_t kw) { return py_float(py_int_to_double(argv[0])); }

static bool byteorder_little(py_val_t bo) {
    if (!py_is_str(bo)) py_raise_type_error_arg("to_bytes", "str", bo);
    if (strcmp(py_str_data(bo), "little") == 0) return true;
    if (strcmp(py_str_data(bo), "big") == 0) return false;
    py_raise_msg(&py_type_ValueError, "byteorder must be either 'little' or 'big'");
}

static py_val_t m_to_bytes(int argc, const py_val_t *argv, py_val_t kw) {
    int npos = argc; /* keyword values follow the positional ones */
    py_val_t lenv = npos > 1 ? argv[1] : py_kwarg(argc, argv, kw, "length", py_small(1));
    py_val_t bo = npos > 2 ? argv[2] : py_kwarg(argc, argv, kw, "byteorder", PY_NULL);
    if (py_is_null(bo)) bo = py_str_from_cstr("big");
    bool sig = py_truthy(py_kwarg(argc, argv, kw, "signed", PY_FALSE));
    int64_t len = py_to_i64(lenv);
    if (len < 0) py_raise_msg(&py_type_ValueError, "length argument must be non-negative");
    if ((uint64_t)len > py_gc_bytes_free()) py_raise_no_memory(); /* before the scratch malloc */
    bool little = byteorder_little(bo);
    iv_t a;
    self_view(argv[0], &a);
    if (a.neg && !sig) py_raise_msg(&py_type_OverflowError, "can't convert negative int to unsigned");
    size_t w = (size_t)len / 4 + 2;
    if (w < a.n + 1) w = a.n + 1;
    bn_limb_t *t = malloc(w * sizeof *t);
    if (!t) py_raise_no_memory();
    to_2c(t, &a, w);
    /* check the value fits: bits beyond len*8 must equal the sign fill */
    bool ok = true;
    uint8_t fill = a.neg ? 0xFF : 0;
    for (size_t i = (size_t)len; i < w * 4; i++)
        if ((uint8_t)(t[i / 4] >> (8 * (i % 4))) != fill) ok = false;
    if (ok && sig && len > 0) {
        uint8_t top = (uint8_t)(t[(size_t)(len - 1) / 4] >> (8 * ((size_t)(len - 1) % 4)));
        if ((top >> 7) != (a.neg ? 1 : 0)) ok = false;
    }
    if (ok && sig && len == 0 && a.n) ok = false;
    if (!ok) {
        free(t);
        py_raise_msg(&py_type_OverflowError, "int too big to convert");
    }
    py_sb_t sb;
    py_sb_init(&sb);
    for (size_t k = 0; k < (size_t)len; k++) {
        size_t i = little ? k : (size_t)len - 1 - k;
        py_sb_addc(&sb, (char)(uint8_t)(t[i / 4] >> (8 * (i % 4))));
    }
    free(t);
    return py_sb_to_bytes(&sb);
}

static py_val_t m_from_bytes(int argc, const py_val_t *argv, py_val_t kw) {
    int npos = argc; /* keyword values follow the positional ones */
    py_val_t data = npos > 1 ? argv[1] : py_kwarg(argc, argv, kw, "bytes", PY_NULL);
    if (py_is_null(data)) py_raise_msg(&py_type_TypeError, "from_bytes() missing required argument 'bytes'");
    py_val_t bo = npos > 2 ? argv[2] : py_kwarg(argc, argv, kw, "byteorder", PY_NULL);
    if (py_is_null(bo)) bo = py_str_from_cstr("big");
    bool sig = py_truthy(py_kwarg(argc, argv, kw, "signed", PY_FALSE));
    bool little = byteorder_little(bo);
    py_buf_t buf;
    if (py_is_obj(data) && (py_obj_type(data) == &py_type_list || py_obj_type(data) == &py_type_tuple)) {
        size_t n;
        py_val_t *items;
        py_seq_items(data, &n, &items);
        py_sb_t sb;
        py_sb_init(&sb);
        for (size_t i = 0; i < n; i++) {
            int64_t b = py_to_i64(items[i]);
            if (b < 0 || b > 255) py_raise_msg(&py_type_ValueError, "bytes must be in range(0, 256)");
            py_sb_addc(&sb, (char)b);
        }
        data = py_sb_to_bytes(&sb);
    }
    py_get_buffer(data, &buf, 0);
    size_t n = buf.len, w = n / 4 + 1;
    big_t *r = big_new(w);
    for (size_t k = 0; k < n; k++) {
        size_t i = little ? k : n - 1 - k; /* i: significance */
        r->d[i / 4] |= (bn_limb_t)buf.data[k] << (8 * (i % 4));
    }
    bool neg = false;
    if (sig && n > 0 && (buf.data[little ? n - 1 : 0] & 0x80)) {
        /* negative: magnitude = 2^(8n) - value */
        for (size_t i = n; i < w * 4; i++) r->d[i / 4] |= (bn_limb_t)0xFF << (8 * (i % 4));
        uint64_t c = 1;
        for (size_t i = 0; i < w; i++) {
            c += (bn_limb_t)~r->d[i];
            r->d[i] = (bn_limb_t)c;
            c >>= 32;
        }
        neg = true;
    }
    py_val_t v = finish(r, neg, w);
    py_type_t *cls = py_is_obj(argv[0]) ? (py_type_t *)py_as_ptr(argv[0]) : &py_type_int;
    if (cls != &py_type_int) return py_call1(argv[0], v);
    return v;
}

static py_val_t m_as_integer_ratio(int argc, const py_val_t *argv, py_val_t kw) {
    return py_tuple_pack(2, m_identity(1, argv, PY_NULL), py_small(1));
}

static py_val_t m_round(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t self = m_identity(1, argv, PY_NULL);
    if (argc < 2 || py_is_none(argv[1])) return self;
    int64_t nd = py_to_i64(argv[1]);
    if (nd >= 0) return self;
    /* 10^k > 2^k > 2|self| once k reaches the bit length: the result is 0
     * (and -nd cannot overflow below) */
    uint64_t k = (uint64_t)0 - (uint64_t)nd;
    {
        iv_t sv;
        int_view(self, &sv);
        if (k > bn_bit_length(sv.d, sv.n)) return py_small(0);
    }
    /* round half to even at 10^-nd */
    iv_t ten, e;
    view_i64(&ten, 10);
    view_i64(&e, (int64_t)k);
    py_val_t p = pow_views(&ten, &e);
    iv_t a, pv;
    int_view(self, &a);
    int_view(p, &pv);
    py_val_t q, r;
    divmod_views(&a, &pv, &q, &r);
    iv_t rv, qv;
    int_view(r, &rv);
    /* compare 2r with p */
    py_val_t r2 = add_views(&rv, &rv, false);
    iv_t r2v;
    int_view(r2, &r2v);
    int c = cmp_views(&r2v, &pv);
    int_view(q, &qv);
    if (c > 0 || (c == 0 && view_is_odd(&qv))) {
        iv_t one;
        view_i64(&one, 1);
        q = add_views(&qv, &one, false);
        int_view(q, &qv);
    }
    return mul_views(&qv, &pv);
}

static py_val_t m_format(int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_is_str(argv[1])) py_raise_type_error_arg("__format__", "str", argv[1]);
    return py_format_builtin(argv[0], argv[1]);
}

static py_val_t m_getnewargs(int argc, const py_val_t *argv, py_val_t kw) {
    return py_tuple_pack(1, m_identity(1, argv, PY_NULL));
}


/* T.__new__(cls, ...): what super().__new__(cls, x) reaches from a subclass. */
static py_val_t int_new(int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc < 1 || !py_is_obj(argv[0]) || !py_is_subtype(py_obj_type(argv[0]), &py_type_type))
        py_raise_msg(&py_type_TypeError, "int.__new__(X): X is not a type object");
    py_type_t *t = (py_type_t *)py_as_ptr(argv[0]);
    if (!py_is_subtype(t, &py_type_int))
        py_raise_msg(&py_type_TypeError, "int.__new__(%s): %s is not a subtype of int", t->name, t->name);
    return int_make_new(t, argc - 1, argv + 1, kwnames);
}

NUM_DUNDERS(int, int_binary, int_compare, int_unary, int_print)
NUM_DIVMOD(int, int_binary)
NUM_BIT_DUNDERS(int, int_binary, int_unary)
NUM_BIT_DUNDERS(bool, bool_binary, bool_unary)

static py_val_t bool_d_repr(int argc, const py_val_t *argv, py_val_t kw) {
    return py_str_from_cstr(argv[0] == PY_TRUE ? "True" : "False");
}

static const py_method_def_t bool_methods[] = {
    NUM_BITS_DEFS(bool),
    {"__repr__", bool_d_repr, 1, 1, 0},
    {"__str__", bool_d_repr, 1, 1, 0},
    PY_MF_END,
};

static const py_method_def_t int_methods[] = {
    NUM_ARITH_DEFS(int),
    {"__new__", int_new, 1, -1, PY_MF_STATIC | PY_MF_KW},
    NUM_DIVMOD_DEFS(int),
    NUM_BITS_DEFS(int),
    NUM_COMMON_DEFS(int),
    {"bit_length", m_bit_length, 1, 1, 0},
    {"bit_count", m_bit_count, 1, 1, 0},
    {"conjugate", m_identity, 1, 1, 0},
    {"__index__", m_identity, 1, 1, 0},
    {"__int__", m_identity, 1, 1, 0},
    {"__trunc__", m_identity, 1, 1, 0},
    {"__floor__", m_identity, 1, 1, 0},
    {"__ceil__", m_identity, 1, 1, 0},
    {"__float__", m_float, 1, 1, 0},
    {"__round__", m_round, 1, 2, 0},
    {"__format__", m_format, 2, 2, 0},
    {"__getnewargs__", m_getnewargs, 1, 1, 0},
    {"as_integer_ratio", m_as_integer_ratio, 1, 1, 0},
    {"to_bytes", m_to_bytes, 1, 3, PY_MF_KW},
    {"from_bytes", m_from_bytes, 2, 3, PY_MF_KW | PY_MF_CLASS},
    PY_MF_END,
};

static py_val_t int_getattr(py_val_t self, py_val_t name) {
    const char *n = py_str_data(name);
    if (strcmp(n, "real") == 0 || strcmp(n, "numerator") == 0) return m_identity(1, &self, PY_NULL);
    if (strcmp(n, "imag") == 0) return py_small(0);
    if (strcmp(n, "denominator") == 0) return py_small(1);
    return PY_NULL;
}

py_type_t py_type_int = {
    .h = {&py_type_type},
    .name = "int",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .methods = int_methods,
    .make_new = int_make_new,
    .print = int_print,
    .unary = int_unary,
    .binary = int_binary,
    .compare = int_compare,
    .getattr = int_getattr,
};

py_type_t py_type_bool = {
    .h = {&py_type_type},
    .name = "bool",
    .base = &py_type_int,
    .methods = bool_methods,
    .make_new = bool_make_new,
    .print = bool_print,
    .unary = bool_unary,
    .binary = bool_binary,
    .compare = int_compare,
    .getattr = int_getattr,
};
