/* format.c: the format-spec mini-language and printf-style `%` formatting.
 *
 * py_format_value implements [[fill]align][sign][z][#][0][width][grouping]
 * [.precision][type] for int, bool, float, complex and str; other objects
 * only accept an empty spec (their str(), object.__format__'s rule).
 * py_format_value first dispatches to a __format__ defined by a class written
 * in Python; py_format_builtin is the builtin types' own __format__ (no
 * dispatch, so int.__format__(x, s) on a subclass instance cannot recurse).
 * py_format_float is the shared float renderer (%e %f %g and repr), and
 * py_str_mod_format implements `str % args` and `bytes % args`.
 * Widths count code points, so UTF-8 fill characters and text pad correctly.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objcore.h"
#include "runtime.h"
#include "str_impl.h"

/* The decimal text of a small int into out (>= 24 bytes); returns its length. */
static size_t put_small_dec(char *out, int64_t x) {
    static const char pairs[201] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                   "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                   "8081828384858687888990919293949596979899";
    uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    /* digits are written backwards ending at tmp + 24; the copy out is a
     * fixed 24 bytes (inlined, no libc call), which out has room for */
    char tmp[48];
    char *p = tmp + 24;
    while (u >= 100) { /* two digits per division */
        unsigned r = (unsigned)(u % 100);
        u /= 100;
        p -= 2;
        memcpy(p, pairs + 2 * r, 2);
    }
    if (u >= 10) {
        p -= 2;
        memcpy(p, pairs + 2 * u, 2);
    } else {
        *--p = (char)('0' + u);
    }
    if (x < 0) *--p = '-';
    memcpy(out, p, 24);
    return (size_t)(tmp + 24 - p);
}

static size_t utf8_count(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* The str behind a str or an instance of a str subclass written in Python. */
static py_val_t str_unwrap(py_val_t v) {
    if (py_is_obj(v) && py_obj_type(v) != &py_type_str && py_obj_type(v) != &py_type_bytes &&
        (py_obj_type(v)->flags & PY_TF_HEAP))
        return ((py_instance_t *)py_as_ptr(v))->native;
    return v;
}

/* --------------------------------------------------------- float text */

/* Renders |d| (d finite) into sb in C-style fmt with optional '#'. */
static void fmt_c(py_sb_t *sb, double d, char fmt, int prec, bool alt) {
    /* the text is at least prec bytes: fail before libc spends ages on it */
    if ((size_t)prec > py_gc_bytes_free()) py_raise_no_memory();
    char spec[16];
    snprintf(spec, sizeof spec, "%%%s.*%c", alt ? "#" : "", fmt);
    char buf[512];
    int n = snprintf(buf, sizeof buf, spec, prec, d);
    if (n < (int)sizeof buf) {
        py_sb_add(sb, buf, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) py_raise_no_memory();
    snprintf(big, (size_t)n + 1, spec, prec, d);
    py_sb_add(sb, big, (size_t)n);
    free(big);
}

/* The '#' rule for repr-style text (from start on): always a decimal point,
 * before the exponent if there is one ("1.e+20"). */
static void ensure_point(py_sb_t *sb, size_t start) {
    size_t e = sb->len;
    for (size_t i = start; i < sb->len; i++) {
        if (sb->data[i] == '.' || sb->data[i] == 'n' || sb->data[i] == 'i') return; /* has one; nan, inf */
        if (sb->data[i] == 'e' && e == sb->len) e = i;
    }
    py_sb_addc(sb, '.');
    memmove(sb->data + e + 1, sb->data + e, sb->len - 1 - e);
    sb->data[e] = '.';
}

/* The float text without sign handling: d is >= 0 or NaN.  fmt: e E f F g G
 * r (repr), or 0 for the format-spec "no type" rule; prec < 0: default. */
static void float_body(py_sb_t *sb, double d, char fmt, int prec, bool alt) {
    bool upper = fmt == 'E' || fmt == 'F' || fmt == 'G';
    if (isnan(d) || isinf(d)) {
        py_sb_adds(sb, isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        return;
    }
    if (fmt == 'r' || (fmt == 0 && prec < 0)) {
        char buf[48];
        int n = py_float_repr_buf(buf, d);
        size_t start = sb->len;
        py_sb_add(sb, buf, (size_t)n);
        if (alt) ensure_point(sb, start);
        return;
    }
    if (prec < 0) prec = 6;
    /* a double has at most 767 significant digits and 'g' strips the zeros
     * after them, so a larger precision prints the same, only slower */
    if (prec > 1100 && !alt && (fmt == 0 || fmt == 'g' || fmt == 'G')) prec = 1100;
    if (fmt == 0) {
        /* like 'g', but fixed notation keeps at least one fractional digit and
         * scientific notation starts at exponent p - 1 */
        if (prec == 0) prec = 1;
        /* the exponent after rounding to prec digits (digits past ~770 are
         * zeros in a double's expansion, so capping cannot change it) */
        char eb[1200];
        snprintf(eb, sizeof eb, "%.*e", prec - 1 > 1100 ? 1100 : prec - 1, d);
        int x = atoi(strchr(eb, 'e') + 1);
        size_t start = sb->len;
        if (x < -4 || x >= prec - 1) {
            fmt_c(sb, d, 'e', prec - 1, alt);
            if (!alt && memchr(sb->data + start, '.', sb->len - start)) {
                /* strip zeros of the mantissa */
                char *e = memchr(sb->data + start, 'e', sb->len - start);
                size_t epos = (size_t)(e - sb->data), k = epos;
                while (k > start && sb->data[k - 1] == '0') k--;
                if (k > start && sb->data[k - 1] == '.') k--;
                memmove(sb->data + k, sb->data + epos, sb->len - epos);
                sb->len -= epos - k;
                sb->data[sb->len] = 0;
            }
        } else {
            fmt_c(sb, d, 'f', prec - 1 - x, alt);
            if (!alt && memchr(sb->data + start, '.', sb->len - start)) {
                while (sb->data[sb->len - 1] == '0') sb->len--;
                if (sb->data[sb->len - 1] == '.') sb->len--;
                sb->data[sb->len] = 0;
            }
            if (!memchr(sb->data + start, '.', sb->len - start)) py_sb_adds(sb, ".0");
        }
        return;
    }
    fmt_c(sb, d, fmt, prec, alt);
}

void py_format_float(py_sb_t *sb, double d, char fmt, int prec) {
    if (signbit(d) && !isnan(d)) {
        py_sb_addc(sb, '-');
        d = -d;
    }
    if (fmt == '%') {
        float_body(sb, d * 100, 'f', prec, false);
        py_sb_addc(sb, '%');
        return;
    }
    float_body(sb, fabs(d), fmt, prec, false);
}

/* ------------------------------------------------------ format spec */

typedef struct {
    char fill[5];
    char align; /* 0, '<', '>', '=', '^' */
    char sign;  /* 0, '+', '-', ' ' */
    bool z, alt, zero;
    long width;     /* -1 when absent */
    char grouping;  /* 0, ',', '_' */
    long prec;      /* -1 when absent */
    char type;      /* 0 when absent */
} spec_t;

PY_NORETURN static void bad_spec(py_val_t v, const char *s) {
    py_raise_msg(&py_type_ValueError, "Invalid format specifier '%s' for object of type '%s'", s, py_type_name(v));
}

static void parse_spec(py_val_t v, const char *s, size_t n, spec_t *sp) {
    memset(sp, 0, sizeof *sp);
    sp->width = sp->prec = -1;
    strcpy(sp->fill, " ");
    size_t i = 0;
    size_t cl = 1;
    bool fill_given = false;
    if (n > 0) {
        unsigned char c0 = (unsigned char)s[0];
        cl = c0 < 0x80 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4;
        if (cl > n) cl = n;
    }
    if (n > cl && strchr("<>=^", s[cl]) && s[cl]) {
        memcpy(sp->fill, s, cl);
        sp->fill[cl] = 0;
        sp->align = s[cl];
        fill_given = true;
        i = cl + 1;
    } else if (n > 0 && strchr("<>=^", s[0]) && s[0]) {
        sp->align = s[0];
        i = 1;
    }
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) sp->sign = s[i++];
    if (i < n && s[i] == 'z') sp->z = true, i++;
    if (i < n && s[i] == '#') sp->alt = true, i++;
    if (i < n && s[i] == '0') sp->zero = true, i++;
    if (i < n && s[i] >= '0' && s[i] <= '9') {
        sp->width = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            sp->width = sp->width * 10 + (s[i++] - '0');
            if (sp->width > 100000000) py_raise_msg(&py_type_ValueError, "Too many decimal digits in format string");
        }
    }
    if (i < n && (s[i] == ',' || s[i] == '_')) sp->grouping = s[i++];
    if (i < n && (s[i] == ',' || s[i] == '_')) py_raise_msg(&py_type_ValueError, "Cannot specify both ',' and '_'.");
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || !(s[i] >= '0' && s[i] <= '9')) py_raise_msg(&py_type_ValueError, "Format specifier missing precision");
        sp->prec = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            sp->prec = sp->prec * 10 + (s[i++] - '0');
            if (sp->prec > 100000000) py_raise_msg(&py_type_ValueError, "Too many decimal digits in format string");
        }
    }
    if (i < n) sp->type = s[i++];
    if (i < n) bad_spec(v, s);
    if (sp->zero && !fill_given) {
        /* '0' is the fill unless one was given; it implies '=' for numbers
         * only, text keeps its left alignment ("abc00") */
        strcpy(sp->fill, "0");
        if (!sp->align && !py_is_str(v)) sp->align = '=';
    }
}

/* Writes prefix (sign etc.) and body padded to the spec's width. */
static void pad_out(py_sb_t *sb, const spec_t *sp, const char *pre, size_t pren, const char *body, size_t bodyn,
                    char default_align) {
    size_t chars = utf8_count(pre, pren) + utf8_count(body, bodyn);
    size_t padn = sp->width > 0 && (size_t)sp->width > chars ? (size_t)sp->width - chars : 0;
    char align = sp->align ? sp->align : default_align;
    size_t left = align == '<' ? 0 : align == '^' ? padn / 2 : align == '=' ? 0 : padn;
    size_t right = padn - left - (align == '=' ? padn : 0);
    if (align == '=') right = 0;
    for (size_t k = 0; k < left; k++) py_sb_adds(sb, sp->fill);
    py_sb_add(sb, pre, pren);
    if (align == '=')
        for (size_t k = 0; k < padn; k++) py_sb_adds(sb, sp->fill);
    py_sb_add(sb, body, bodyn);
    for (size_t k = 0; k < right; k++) py_sb_adds(sb, sp->fill);
}

/* Inserts a separator every `every` digits of digits[0..n), padding with
 * zeros up to minw characters (zero-fill with grouping). */
static void group_digits(py_sb_t *out, const char *digits, size_t n, char sep, int every, size_t minw) {
    size_t cap = n + n / (size_t)every + minw + 8;
    char *tmp = malloc(cap);
    if (!tmp) py_raise_no_memory();
    size_t len = 0;
    size_t i = n, count = 0;
    bool last_sep = false;
    while (i > 0 || len < minw) {
        if (count == (size_t)every) {
            tmp[len++] = sep;
            count = 0;
            last_sep = true;
            if (i == 0 && len >= minw) break;
            continue;
        }
        tmp[len++] = i > 0 ? digits[--i] : '0';
        count++;
        last_sep = false;
    }
    if (last_sep) tmp[len++] = '0';
    for (size_t k = len; k-- > 0;) py_sb_addc(out, tmp[k]);
    free(tmp);
}

static void sign_prefix(py_sb_t *pre, bool neg, char sign) {
    if (neg)
        py_sb_addc(pre, '-');
    else if (sign == '+')
        py_sb_addc(pre, '+');
    else if (sign == ' ')
        py_sb_addc(pre, ' ');
}

static py_val_t format_int(py_val_t v, spec_t *sp) {
    char t = sp->type ? sp->type : 'd';
    if (sp->prec >= 0) py_raise_msg(&py_type_ValueError, "Precision not allowed in integer format specifier");
    if (sp->z) py_raise_msg(&py_type_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
    if (t == 'c') {
        if (sp->sign) py_raise_msg(&py_type_ValueError, "Sign not allowed with integer format specifier 'c'");
        if (sp->alt) py_raise_msg(&py_type_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
        if (!py_int_fits_i64(v)) py_raise_msg(&py_type_OverflowError, "Python int too large to convert to C long");
        int64_t c = py_to_i64(v);
        if (c < 0 || c > 0x10FFFF) py_raise_msg(&py_type_OverflowError, "%%c arg not in range(0x110000)");
        py_sb_t b, out;
        py_sb_init(&b);
        py_sb_add_utf8(&b, (uint32_t)c);
        py_sb_init(&out);
        pad_out(&out, sp, "", 0, b.data, b.len, '>'); /* still a number: right-aligned by default */
        return py_sb_to_str(&out);
    }
    int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
    if (sp->grouping == ',' && base != 10)
        py_raise_msg(&py_type_ValueError, "Cannot specify ',' with '%c'.", t);
    py_sb_t digits;
    py_sb_init(&digits);
    py_int_append_text(&digits, v, base, false);
    bool neg = digits.len > 0 && digits.data[0] == '-';
    const char *dp = digits.data + neg;
    size_t dn = digits.len - neg;
    if (t == 'X')
        for (size_t i = 0; i < digits.len; i++)
            if (digits.data[i] >= 'a' && digits.data[i] <= 'f') digits.data[i] = (char)(digits.data[i] - 32);
    py_sb_t pre;
    py_sb_init(&pre);
    sign_prefix(&pre, neg, sp->sign);
    if (sp->alt && base != 10) {
        py_sb_addc(&pre, '0');
        py_sb_addc(&pre, t == 'b' ? 'b' : t == 'o' ? 'o' : t == 'X' ? 'X' : 'x');
    }
    py_sb_t body;
    py_sb_init(&body);
    if (sp->grouping) {
        size_t minw = 0;
        if (sp->align == '=' && sp->fill[0] == '0' && sp->fill[1] == 0 && sp->width > (long)pre.len)
            minw = (size_t)sp->width - pre.len;
        group_digits(&body, dp, dn, sp->grouping, base == 10 ? 3 : 4, minw);
    } else {
        py_sb_add(&body, dp, dn);
    }
    py_sb_t out;
    py_sb_init(&out);
    pad_out(&out, sp, pre.data ? pre.data : "", pre.len, body.data ? body.data : "", body.len, '>');
    return py_sb_to_str(&out);
}

static py_val_t format_float(py_val_t v, double d, spec_t *sp) {
    char t = sp->type;
    if (t == 'n') t = 'g';
    bool neg = signbit(d) && !isnan(d);
    double a = fabs(d);
    py_sb_t body;
    py_sb_init(&body);
    int prec = (int)sp->prec;
    if (t == '%') {
        float_body(&body, a * 100, 'f', prec, sp->alt);
        py_sb_addc(&body, '%');
    } else {
        float_body(&body, a, t, prec, sp->alt);
    }
    if (neg && sp->z) {
        bool allzero = true;
        for (size_t i = 0; i < body.len; i++) {
            char c = body.data[i];
            if (c >= '1' && c <= '9') allzero = false;
            if (c == 'e' || c == 'E') break;
        }
        if (allzero) neg = false;
    }
    py_sb_t pre;
    py_sb_init(&pre);
    sign_prefix(&pre, neg, sp->sign);
    const char *bd = body.data ? body.data : "";
    size_t bn = body.len;
    py_sb_t g;
    if (sp->grouping && isfinite(d)) {
        /* group the integer part only */
        size_t ip = 0;
        while (ip < bn && bd[ip] >= '0' && bd[ip] <= '9') ip++;
        py_sb_init(&g);
        size_t minw = 0;
        if (sp->align == '=' && sp->fill[0] == '0' && sp->fill[1] == 0 && sp->width > (long)(pre.len + bn - ip))
            minw = (size_t)sp->width - pre.len - (bn - ip);
        group_digits(&g, bd, ip, sp->grouping, 3, minw);
        py_sb_add(&g, bd + ip, bn - ip);
        bd = g.data;
        bn = g.len;
    }
    py_sb_t out;
    py_sb_init(&out);
    pad_out(&out, sp, pre.data ? pre.data : "", pre.len, bd, bn, '>');
    return py_sb_to_str(&out);
}

static py_val_t format_str(py_val_t v, py_val_t s, spec_t *sp) {
    if (sp->type && sp->type != 's')
        py_raise_msg(&py_type_ValueError, "Unknown format code '%c' for object of type '%s'", sp->type, py_type_name(v));
    if (sp->sign == ' ') py_raise_msg(&py_type_ValueError, "Space not allowed in string format specifier");
    if (sp->sign) py_raise_msg(&py_type_ValueError, "Sign not allowed in string format specifier");
    if (sp->alt) py_raise_msg(&py_type_ValueError, "Alternate form (#) not allowed in string format specifier");
    if (sp->align == '=') py_raise_msg(&py_type_ValueError, "'=' alignment not allowed in string format specifier");
    if (sp->grouping) py_raise_msg(&py_type_ValueError, "Cannot specify '%c' with 's'.", sp->grouping);
    const char *d = py_str_data(s);
    size_t n = py_str_len(s);
    if (sp->prec >= 0) {
        size_t k = 0, chars = 0;
        while (k < n && chars < (size_t)sp->prec) {
            k++;
            while (k < n && ((unsigned char)d[k] & 0xC0) == 0x80) k++;
            chars++;
        }
        n = k;
    }
    if (sp->width <= 0 && n == py_str_len(s)) return s;
    py_sb_t out;
    py_sb_init(&out);
    pad_out(&out, sp, "", 0, d, n, '<');
    return py_sb_to_str(&out);
}

/* One part of a complex: sign then body; the repr style drops a ".0". */
static void complex_part(py_sb_t *sb, double x, char t, int prec, bool alt, char sign) {
    bool neg = signbit(x) && !isnan(x);
    if (neg)
        py_sb_addc(sb, '-');
    else if (sign)
        py_sb_addc(sb, sign);
    size_t start = sb->len;
    if (t == 0) {
        float_body(sb, fabs(x), prec < 0 ? 'r' : 'g', prec, alt);
        if (prec < 0 && sb->len - start > 2 && sb->data[sb->len - 2] == '.' && sb->data[sb->len - 1] == '0') {
            sb->len -= 2;
            sb->data[sb->len] = 0;
        }
        if (alt && prec < 0) ensure_point(sb, start);
    } else {
        float_body(sb, fabs(x), t, prec, alt);
    }
}

static py_val_t format_complex(py_val_t v, spec_t *sp) {
    char t = sp->type == 'n' ? 'g' : sp->type;
    if (t && !strchr("eEfFgG", t))
        py_raise_msg(&py_type_ValueError, "Unknown format code '%c' for object of type 'complex'", sp->type);
    if (sp->zero) py_raise_msg(&py_type_ValueError, "Zero padding is not allowed in complex format specifier");
    if (sp->align == '=')
        py_raise_msg(&py_type_ValueError, "'=' alignment flag is not allowed in complex format specifier");
    double re = py_to_double(py_getattr(v, PYN(real))), im = py_to_double(py_getattr(v, PYN(imag)));
    bool skip_re = t == 0 && re == 0 && !signbit(re);
    py_sb_t body;
    py_sb_init(&body);
    if (!skip_re) {
        if (t == 0) py_sb_addc(&body, '(');
        complex_part(&body, re, t, (int)sp->prec, sp->alt, sp->sign == '-' ? 0 : sp->sign);
        complex_part(&body, im, t, (int)sp->prec, sp->alt, '+');
    } else {
        complex_part(&body, im, t, (int)sp->prec, sp->alt, sp->sign == '-' ? 0 : sp->sign);
    }
    py_sb_addc(&body, 'j');
    if (!skip_re && t == 0) py_sb_addc(&body, ')');
    py_sb_t out;
    py_sb_init(&out);
    pad_out(&out, sp, "", 0, body.data, body.len, '>');
    return py_sb_to_str(&out);
}

py_val_t py_format_value(py_val_t v, py_val_t specv) {
    if (py_is_obj(v)) {
        py_type_t *t = py_obj_type(v);
        if (t->flags & PY_TF_HEAP) {
            py_val_t f = py_lookup_heap(t, PYN(__format__));
            if (!py_is_null(f)) {
                py_val_t r = py_call_bound(f, v, 1, &specv, PY_NULL);
                if (!py_is_str(r))
                    py_raise_msg(&py_type_TypeError, "__format__ must return a str, not %s", py_type_name(r));
                return r;
            }
        }
    }
    return py_format_builtin(v, specv);
}

py_val_t py_format_builtin(py_val_t v, py_val_t specv) {
    specv = str_unwrap(specv);
    const char *s = py_str_data(specv);
    size_t n = py_str_len(specv);
    if (n == 0) {
        if (py_is_small(v)) { /* f"{i}": skip str()'s builder */
            char buf[24];
            size_t k = put_small_dec(buf, py_as_small(v));
            return py_str_new_n(buf, k, k);
        }
        return py_is_type(v, &py_type_str) ? v : py_str(v);
    }
    spec_t sp;
    parse_spec(v, s, n, &sp);
    if (py_is_float(v) || (py_is_obj(v) && py_is_instance(v, &py_type_float))) {
        if (sp.type && !strchr("eEfFgGn%", sp.type))
            py_raise_msg(&py_type_ValueError, "Unknown format code '%c' for object of type 'float'", sp.type);
        return format_float(v, py_to_double(v), &sp);
    }
    if (py_is_int(v)) {
        if (sp.type && strchr("eEfFgG%", sp.type)) return format_float(v, py_int_to_double(v), &sp);
        if (sp.type && !strchr("bcdoxXn", sp.type))
            py_raise_msg(&py_type_ValueError, "Unknown format code '%c' for object of type '%s'", sp.type,
                         py_type_name(v));
        if (sp.grouping == '_' && sp.type == 'n') py_raise_msg(&py_type_ValueError, "Cannot specify '_' with 'n'.");
        return format_int(v, &sp);
    }
    if (py_is_str(v)) return format_str(v, str_unwrap(v), &sp);
    if (py_is_obj(v) && py_is_instance(v, &py_type_complex)) return format_complex(v, &sp);
    py_raise_msg(&py_type_TypeError, "unsupported format string passed to %s.__format__", py_type_name(v));
}

/* ------------------------------------------------------ printf-style % */

typedef struct {
    py_val_t *items;
    size_t n, next;
    py_val_t mapping; /* PY_NULL unless the right operand is a mapping */
    bool bytes;
} margs_t;

static py_val_t next_arg(margs_t *a) {
    if (a->next >= a->n) py_raise_msg(&py_type_TypeError, "not enough arguments for format string");
    return a->items[a->next++];
}

/* CPython's rule: any subscriptable right operand other than a tuple or a
 * str (or, for bytes formatting, bytes) is a mapping for %(key)s. */
static bool is_mapping(py_val_t v, bool bytes_fmt) {
    if (!py_is_obj(v) || py_is_str(v)) return false;
    py_type_t *t = py_obj_type(v);
    if (py_is_instance(v, &py_type_tuple)) return false;
    if (bytes_fmt && (t == &py_type_bytes || t == &py_type_bytearray)) return false;
    if (py_is_instance(v, &py_type_dict)) return true;
    return t->getitem != NULL || !py_is_null(py_type_lookup(t, PYN(__getitem__)));
}

/* Text of x as bytes for %s/%b in bytes formatting. */
static void add_bytes_of(py_sb_t *sb, py_val_t x) {
    if (py_is_obj(x) && (py_obj_type(x)->buffer != NULL)) {
        py_buf_t buf;
        py_get_buffer(x, &buf, 0);
        py_sb_add(sb, (const char *)buf.data, buf.len);
        return;
    }
    if (py_is_obj(x)) {
        py_val_t f = py_type_lookup(py_type_of(x), PYN(__bytes__));
        if (!py_is_null(f)) {
            py_val_t r = py_call1(f, x);
            py_buf_t buf;
            py_get_buffer(r, &buf, 0);
            py_sb_add(sb, (const char *)buf.data, buf.len);
            return;
        }
    }
    py_raise_msg(&py_type_TypeError,
                 "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                 py_type_name(x));
}

/* ascii(): repr with non-ASCII characters escaped. */
static void add_ascii(py_sb_t *sb, py_val_t r) {
    const unsigned char *s = (const unsigned char *)py_str_data(r);
    size_t n = py_str_len(r);
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        if (c < 0x80) {
            py_sb_addc(sb, (char)c);
            i++;
            continue;
        }
        int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        for (int k = 1; k < len && i + (size_t)k < n; k++) cp = (cp << 6) | (s[i + (size_t)k] & 0x3F);
        i += (size_t)len;
        if (cp < 0x100)
            py_sb_printf(sb, "\\x%02x", cp);
        else if (cp < 0x10000)
            py_sb_printf(sb, "\\u%04x", cp);
        else
            py_sb_printf(sb, "\\U%08x", cp);
    }
}

static py_val_t int_arg(py_val_t x, char conv) {
    if (py_is_int(x)) return x;
    if (py_is_float(x) || (py_is_obj(x) && py_is_instance(x, &py_type_float))) {
        if (conv == 'x' || conv == 'X' || conv == 'o' || conv == 'c')
            py_raise_msg(&py_type_TypeError, "%%%c format: an integer is required, not float", conv);
        return py_int_from_double(py_to_double(x));
    }
    if (py_is_obj(x)) {
        py_val_t f = py_type_lookup(py_type_of(x), PYN(__index__));
        if (!py_is_null(f)) return py_call1(f, x);
        if (conv != 'x' && conv != 'X' && conv != 'o') {
            f = py_type_lookup(py_type_of(x), PYN(__int__));
            if (!py_is_null(f)) return py_call1(f, x);
        }
    }
    if (conv == 'x' || conv == 'X' || conv == 'o')
        py_raise_msg(&py_type_TypeError, "%%%c format: an integer is required, not %s", conv, py_type_name(x));
    py_raise_msg(&py_type_TypeError, "%%%c format: a real number is required, not %s", conv, py_type_name(x));
}

/* The common case of str % args, in a stack buffer with no builder: an exact
 * str format whose conversions are only bare %s of exact strs, %d/%i of small
 * ints and %%, with exactly the right number of arguments, and a short
 * result.  PY_NULL for anything else: the general path then starts over (it
 * also raises every error).  Nothing is allocated before the result, so no
 * pointer here can go stale. */
static py_val_t mod_format_simple(py_str_t *fs, py_val_t args) {
    const py_val_t *items;
    size_t n;
    if (py_is_type(args, &py_type_tuple)) {
        items = py_as_tuple(args)->items;
        n = py_as_tuple(args)->len;
    } else if (py_is_small(args) || py_is_type(args, &py_type_str)) {
        items = &args;
        n = 1;
    } else {
        return PY_NULL;
    }
    char buf[256];
    size_t len = 0, next = 0;
    bool ascii = fs->ascii;
    const char *f = fs->data, *e = f + fs->len;
    for (;;) {
        const char *pct = memchr(f, '%', (size_t)(e - f));
        size_t lit = (size_t)((pct ? pct : e) - f);
        if (lit > sizeof buf - len) return PY_NULL;
        memcpy(buf + len, f, lit);
        len += lit;
        if (!pct) break;
        if (e - pct < 2) return PY_NULL;
        char c = pct[1];
        f = pct + 2;
        if (c == '%') {
            if (len == sizeof buf) return PY_NULL;
            buf[len++] = '%';
            continue;
        }
        if (next == n) return PY_NULL;
        py_val_t v = items[next++];
        if ((c == 'd' || c == 'i') && py_is_small(v)) {
            if (sizeof buf - len < 24) return PY_NULL;
            len += put_small_dec(buf + len, py_as_small(v));
        } else if (c == 's' && py_is_type(v, &py_type_str)) {
            py_str_t *a = py_as_str(v);
            if (a->len > sizeof buf - len) return PY_NULL;
            memcpy(buf + len, a->data, a->len);
            len += a->len;
            ascii = ascii && a->ascii;
        } else {
            return PY_NULL;
        }
    }
    if (next != n) return PY_NULL;
    return py_str_new_n(buf, len, ascii ? len : py_utf8_count(buf, len));
}

py_val_t py_str_mod_format(py_val_t fmtv, py_val_t args) {
    if (py_is_type(fmtv, &py_type_str)) {
        py_val_t r = mod_format_simple(py_as_str(fmtv), args);
        if (!py_is_null(r)) return r;
    }
    /* f and a.items point inside these objects: keep them visible to the
     * conservative stack scan while we allocate */
    volatile py_val_t keep[2] = {fmtv, args};
    (void)keep;
    bool isbytes = !py_is_str(fmtv);
    if (!isbytes) fmtv = str_unwrap(fmtv);
    const char *f;
    size_t fn;
    if (isbytes) {
        py_buf_t buf;
        py_get_buffer(fmtv, &buf, 0);
        f = (const char *)buf.data;
        fn = buf.len;
    } else {
        f = py_str_data(fmtv);
        fn = py_str_len(fmtv);
    }
    margs_t a = {0};
    a.bytes = isbytes;
    a.mapping = PY_NULL;
    py_val_t single = args;
    if (py_is_obj(args) && py_is_instance(args, &py_type_tuple)) {
        py_val_t t = args;
        if (py_obj_type(args) != &py_type_tuple) t = ((py_instance_t *)py_as_ptr(args))->native;
        if (py_is_type(t, &py_type_tuple)) {
            a.items = py_as_tuple(t)->items;
            a.n = py_as_tuple(t)->len;
        }
    } else {
        a.items = &single;
        a.n = 1;
        if (is_mapping(args, isbytes)) a.mapping = args;
    }
    py_sb_t out;
    py_sb_init(&out);
    size_t i = 0;
    while (i < fn) {
        const char *pct = memchr(f + i, '%', fn - i);
        if (!pct) {
            py_sb_add(&out, f + i, fn - i);
            break;
        }
        py_sb_add(&out, f + i, (size_t)(pct - (f + i)));
        size_t start = (size_t)(pct - f);
        i = start + 1;
        if (i >= fn) py_raise_msg(&py_type_ValueError, "incomplete format");
        py_val_t arg = PY_NULL;
        if (f[i] == '(') {
            if (py_is_null(a.mapping)) py_raise_msg(&py_type_TypeError, "format requires a mapping");
            size_t depth = 1, k = i + 1;
            while (k < fn && depth) {
                if (f[k] == '(') depth++;
                else if (f[k] == ')') depth--;
                k++;
            }
            if (depth) py_raise_msg(&py_type_ValueError, "incomplete format key");
            py_val_t key = isbytes ? py_bytes_new(f + i + 1, k - i - 2) : py_str_new(f + i + 1, k - i - 2);
            arg = py_getitem(a.mapping, key);
            a.next = a.n; /* a mapping consumes the argument */
            i = k;
        }
        bool left = false, zero = false, alt = false;
        char sign = 0;
        for (; i < fn; i++) {
            char c = f[i];
            if (c == '-') left = true;
            else if (c == '0') zero = true;
            else if (c == '#') alt = true;
            else if (c == '+') sign = '+';
            else if (c == ' ') { if (sign != '+') sign = ' '; }
            else break;
        }
        long width = -1, prec = -1;
        if (i < fn && f[i] == '*') {
            py_val_t wv = next_arg(&a);
            if (!py_is_int(wv)) py_raise_msg(&py_type_TypeError, "* wants int");
            int64_t w = py_to_i64(wv);
            if (w < 0) left = true, w = -w;
            width = (long)w;
            i++;
        } else if (i < fn && f[i] >= '0' && f[i] <= '9') {
            width = 0;
            while (i < fn && f[i] >= '0' && f[i] <= '9') width = width * 10 + (f[i++] - '0');
        }
        if (i < fn && f[i] == '.') {
            i++;
            prec = 0;
            if (i < fn && f[i] == '*') {
                py_val_t pv = next_arg(&a);
                if (!py_is_int(pv)) py_raise_msg(&py_type_TypeError, "* wants int");
                int64_t p = py_to_i64(pv);
                prec = p < 0 ? 0 : (long)p;
                i++;
            } else {
                while (i < fn && f[i] >= '0' && f[i] <= '9') prec = prec * 10 + (f[i++] - '0');
            }
        }
        while (i < fn && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L')) i++;
        if (i >= fn) py_raise_msg(&py_type_ValueError, "incomplete format");
        char conv = f[i++];
        if (conv == '%') {
            py_sb_addc(&out, '%');
            continue;
        }
        if (py_is_null(arg)) arg = next_arg(&a);
        spec_t sp;
        memset(&sp, 0, sizeof sp);
        strcpy(sp.fill, " ");
        sp.width = width;
        sp.prec = -1;
        sp.align = left ? '<' : '>';
        py_sb_t pre, body;
        py_sb_init(&pre);
        py_sb_init(&body);
        switch (conv) {
        case 's':
        case 'r':
        case 'a':
        case 'b': {
            if (isbytes && (conv == 's' || conv == 'b')) {
                add_bytes_of(&body, arg);
            } else {
                if (!isbytes && conv == 'b')
                    goto unsupported;
                py_val_t t = conv == 's' ? py_str(arg) : py_repr(arg);
                if (conv == 'a' || isbytes)
                    add_ascii(&body, t);
                else
                    py_sb_add(&body, py_str_data(t), py_str_len(t));
            }
            size_t n = body.len;
            if (prec >= 0) {
                if (isbytes) {
                    if ((size_t)prec < n) n = (size_t)prec;
                } else {
                    size_t k = 0, chars = 0;
                    while (k < n && chars < (size_t)prec) {
                        k++;
                        while (k < n && ((unsigned char)body.data[k] & 0xC0) == 0x80) k++;
                        chars++;
                    }
                    n = k;
                }
            }
            pad_out(&out, &sp, "", 0, body.data ? body.data : "", n, '<');
            continue;
        }
        case 'c': {
            if (py_is_str(arg) && !isbytes) {
                py_val_t sa = str_unwrap(arg);
                if (((py_str_t *)py_as_ptr(sa))->nchars != 1) py_raise_msg(&py_type_TypeError, "%%c requires int or char");
                py_sb_add(&body, py_str_data(sa), py_str_len(sa));
            } else if (isbytes && py_is_obj(arg) && py_obj_type(arg)->buffer) {
                py_buf_t buf;
                py_get_buffer(arg, &buf, 0);
                if (buf.len != 1) py_raise_msg(&py_type_TypeError, "%%c requires an integer in range(256) or a single byte");
                py_sb_addc(&body, (char)buf.data[0]);
            } else if (py_is_int(arg)) {
                int64_t c = py_int_fits_i64(arg) ? py_to_i64(arg) : -1;
                if (isbytes) {
                    if (c < 0 || c > 255) py_raise_msg(&py_type_OverflowError, "%%c arg not in range(256)");
                    py_sb_addc(&body, (char)c);
                } else {
                    if (c < 0 || c > 0x10FFFF) py_raise_msg(&py_type_OverflowError, "%%c arg not in range(0x110000)");
                    py_sb_add_utf8(&body, (uint32_t)c);
                }
            } else {
                py_raise_msg(&py_type_TypeError, "%%c requires int or char");
            }
            pad_out(&out, &sp, "", 0, body.data, body.len, '<');
            continue;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            py_val_t iv = int_arg(arg, conv);
            int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
            char small[24]; /* decimal small ints need no digit builder */
            char *dd;
            size_t dl;
            if (base == 10 && py_is_small(iv)) {
                dl = put_small_dec(small, py_as_small(iv));
                dd = small;
            } else {
                py_sb_t dg;
                py_sb_init(&dg);
                py_int_append_text(&dg, iv, base, false);
                dd = dg.data;
                dl = dg.len;
            }
            bool neg = dd[0] == '-';
            if (conv == 'X')
                for (size_t k = 0; k < dl; k++)
                    if (dd[k] >= 'a' && dd[k] <= 'f') dd[k] = (char)(dd[k] - 32);
            sign_prefix(&pre, neg, sign);
            if (alt && base != 10) {
                py_sb_addc(&pre, '0');
                py_sb_addc(&pre, conv == 'o' ? 'o' : conv);
            }
            size_t dn = dl - neg;
            for (long k = (long)dn; k < prec; k++) py_sb_addc(&body, '0');
            py_sb_add(&body, dd + neg, dn);
            break;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
            double d = py_to_double(arg);
            bool neg = signbit(d) && !isnan(d);
            sign_prefix(&pre, neg, sign);
            float_body(&body, fabs(d), conv, (int)(prec < 0 ? 6 : prec), alt);
            if (!isfinite(d)) zero = false;
            break;
        }
        default:
        unsupported:
            py_raise_msg(&py_type_ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                         conv, (unsigned)(unsigned char)conv, (size_t)(i - 1));
        }
        if (zero && !left) {
            strcpy(sp.fill, "0");
            sp.align = '=';
        }
        pad_out(&out, &sp, pre.data ? pre.data : "", pre.len, body.data ? body.data : "", body.len, '>');
    }
    if (a.next < a.n && py_is_null(a.mapping))
        py_raise_msg(&py_type_TypeError, "not all arguments converted during %s formatting", isbytes ? "bytes" : "string");
    return isbytes ? py_sb_to_bytes(&out) : py_sb_to_str(&out);
}

/* str.__format__(spec): for obj_str.c's method table. */
py_val_t py_str_format_method(int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc != 2) py_raise_msg(&py_type_TypeError, "__format__() takes exactly one argument (%d given)", argc - 1);
    if (!py_is_str(argv[1])) py_raise_msg(&py_type_TypeError, "format() argument 2 must be str, not %s", py_type_name(argv[1]));
    return py_format_builtin(argv[0], argv[1]);
}
