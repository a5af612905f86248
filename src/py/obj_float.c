/* obj_float.c: the float type (values are immediate doubles, see value.h).
 *
 * repr is CPython's shortest round-trip form: the fewest significant digits
 * (1..17) whose %e rendering reads back as the same double, laid out in
 * fixed notation when the decimal exponent is in [-4, 16) and scientific
 * otherwise.  Arithmetic follows Python: floor division and modulo take the
 * divisor's sign, mixed int/float comparisons are exact, hashes of integral
 * floats equal the int hash (modulus 2^61 - 1).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "num_dunders.h"

/* Writes the repr of d into out (>= 32 bytes); returns its length. */
/* Adds dir (+1/-1) to the last mantissa digit of "-d.ddde+XX" in place,
 * with carry/borrow; false when that would change the digit count. */
static bool bump_last_digit(char *buf, int dir) {
    char *e = strchr(buf, 'e');
    if (!e) return false;
    for (char *q = e - 1; q >= buf; q--) {
        if (*q == '.') continue;
        if (*q < '0' || *q > '9') return false;
        if (dir > 0) {
            if (*q != '9') { (*q)++; return true; }
            *q = '0';
        } else {
            if (*q != '0') {
                (*q)--;
                /* a leading zero would make the string shorter than asked */
                return !(q == buf + (buf[0] == '-') && *q == '0');
            }
            *q = '9';
        }
    }
    return false;
}

int py_float_repr_buf(char *out, double d) {
    if (isnan(d)) return (int)strlen(strcpy(out, "nan"));
    if (isinf(d)) return (int)strlen(strcpy(out, d > 0 ? "inf" : "-inf"));
    if (d == 0) return (int)strlen(strcpy(out, signbit(d) ? "-0.0" : "0.0"));
    char buf[40];
    int p;
    /* If some q <= 15 digits round-trip, the 15-digit rounding is those q
     * digits padded with zeros (a double is much closer to its shortest
     * decimal than half a unit in the 15th digit), so stripping zeros from
     * it gives the shortest form; otherwise 16 or 17 digits are needed. */
    /* subnormals have less precision: search every length */
    for (p = fabs(d) < 2.2250738585072014e-308 ? 1 : 15; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, d);
        if (p == 17 || strtod(buf, NULL) == d) break;
        /* From 16 digits on, the correctly rounded string may miss d while its
         * neighbour in the last digit hits it (2**-24 is 5.960464477539063e-08,
         * not ...062e-08): the shortest round-trip form is what repr wants. */
        if (p >= 16 || p < 15) {
            if (bump_last_digit(buf, +1) && strtod(buf, NULL) == d) break;
            snprintf(buf, sizeof buf, "%.*e", p - 1, d);
            if (bump_last_digit(buf, -1) && strtod(buf, NULL) == d) break;
        }
    }
    /* split "-d.ddde+XX" into sign, digits and exponent */
    char digits[24];
    int nd = 0, i = 0;
    bool neg = buf[0] == '-';
    if (neg) i++;
    for (; buf[i] && buf[i] != 'e'; i++)
        if (buf[i] != '.') digits[nd++] = buf[i];
    int exp = atoi(buf + i + 1);
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    char *o = out;
    if (neg) *o++ = '-';
    if (exp >= -4 && exp < 16) {
        if (exp >= 0) {
            for (int k = 0; k <= exp; k++) *o++ = k < nd ? digits[k] : '0';
            *o++ = '.';
            if (nd > exp + 1)
                for (int k = exp + 1; k < nd; k++) *o++ = digits[k];
            else
                *o++ = '0';
        } else {
            *o++ = '0';
            *o++ = '.';
            for (int k = 0; k < -exp - 1; k++) *o++ = '0';
            for (int k = 0; k < nd; k++) *o++ = digits[k];
        }
    } else {
        *o++ = digits[0];
        if (nd > 1) {
            *o++ = '.';
            for (int k = 1; k < nd; k++) *o++ = digits[k];
        }
        o += sprintf(o, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
    *o = 0;
    return (int)(o - out);
}

py_val_t py_float_repr(double d) {
    char buf[40];
    int n = py_float_repr_buf(buf, d);
    return py_str_new(buf, (size_t)n);
}

static bool float_val(py_val_t v, double *out);

static void float_print(py_sb_t *sb, py_val_t self, int kind) {
    char buf[40];
    double d = 0;
    float_val(self, &d);
    int n = py_float_repr_buf(buf, d);
    py_sb_add(sb, buf, (size_t)n);
}

/* The float value of a float or a float-subclass instance. */
static bool float_val(py_val_t v, double *out) {
    if (py_is_float(v)) {
        *out = py_as_float(v);
        return true;
    }
    if (py_is_obj(v)) {
        py_type_t *t = py_obj_type(v);
        if ((t->flags & PY_TF_HEAP) && py_is_subtype(t, &py_type_float)) {
            py_val_t n = ((py_instance_t *)py_as_ptr(v))->native;
            if (py_is_float(n)) {
                *out = py_as_float(n);
                return true;
            }
        }
    }
    return false;
}

/* float or int operand (ints converted, OverflowError if too big). */
static bool num_val(py_val_t v, double *out) {
    if (float_val(v, out)) return true;
    if (py_is_small(v)) {
        *out = (double)py_as_small(v);
        return true;
    }
    if (py_is_int(v)) {
        *out = py_int_to_double(v);
        return true;
    }
    return false;
}

static double float_mod(double a, double b) {
    double mod = fmod(a, b);
    if (mod) {
        if ((b < 0) != (mod < 0)) mod += b;
    } else {
        mod = copysign(0.0, b);
    }
    return mod;
}

static double float_floordiv(double a, double b, double *modp) {
    double mod = fmod(a, b);
    double div = (a - mod) / b;
    if (mod) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, b);
    }
    double fd;
    if (div) {
        fd = floor(div);
        if (div - fd > 0.5) fd += 1.0;
    } else {
        fd = copysign(0.0, a / b);
    }
    if (modp) *modp = mod;
    return fd;
}

py_val_t py_float_divmod(double a, double b) {
    if (b == 0) py_raise_msg(&py_type_ZeroDivisionError, "float divmod()");
    double m;
    double q = float_floordiv(a, b, &m);
    return py_tuple_pack(2, py_float(q), py_float(m));
}

static py_val_t float_pow(double x, double y) {
    if (x == 0 && y < 0) py_raise_msg(&py_type_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    if (x < 0 && isfinite(x) && isfinite(y) && y != floor(y)) {
        /* negative base, fractional exponent: the principal complex root */
        double r = pow(-x, y), ang = M_PI * y;
        return py_complex_new(r * cos(ang), r * sin(ang));
    }
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y))
        py_raise_msg(&py_type_OverflowError, "(34, 'Numerical result out of range')");
    return py_float(r);
}

static py_val_t float_binary(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    if (op >= PY_OP_INPLACE) op = (py_binop_t)(op - PY_OP_INPLACE);
    double a, b;
    if (!num_val(lhs, &a) || !num_val(rhs, &b)) return PY_NULL;
    switch (op) {
    case PY_OP_ADD: return py_float(a + b);
    case PY_OP_SUB: return py_float(a - b);
    case PY_OP_MUL: return py_float(a * b);
    case PY_OP_TRUEDIV:
        if (b == 0) py_raise_msg(&py_type_ZeroDivisionError, "float division by zero");
        return py_float(a / b);
    case PY_OP_FLOORDIV:
        if (b == 0) py_raise_msg(&py_type_ZeroDivisionError, "float floor division by zero");
        return py_float(float_floordiv(a, b, NULL));
    case PY_OP_MOD:
        if (b == 0) py_raise_msg(&py_type_ZeroDivisionError, "float modulo");
        return py_float(float_mod(a, b));
    case PY_OP_POW: return float_pow(a, b);
    default: return PY_NULL;
    }
}

/* c == 2: a NaN was involved, unordered, so only != holds */
static py_val_t cmp_result(py_cmpop_t op, int c) {
    if (c == 2) return py_bool(op == PY_CMP_NE);
    return py_compare_order(op, c);
}

static py_val_t float_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    double a, b;
    if (!float_val(self, &a)) {
        /* reflected call with an int self */
        if (!py_is_int(self) || !float_val(other, &b)) return PY_NULL;
        return cmp_result(op, py_int_cmp_double(self, b));
    }
    if (float_val(other, &b)) {
        if (a != a || b != b) return cmp_result(op, 2);
        return cmp_result(op, a < b ? -1 : a > b);
    }
    if (py_is_int(other)) {
        int c = py_int_cmp_double(other, a);
        return cmp_result(op, c == 2 ? 2 : -c);
    }
    return PY_NULL;
}

#define HASH_MOD (((uint64_t)1 << 61) - 1)

int64_t py_float_hash(double d) {
    if (isinf(d)) return d > 0 ? 314159 : -314159;
    if (isnan(d)) return 0;
    if (d == floor(d) && fabs(d) < 9.0e15) {
        int64_t i = (int64_t)d;
        return i == -1 ? -2 : i;
    }
    /* d = m * 2^e with m a 53-bit integer; 2^61 == 1 (mod P) so 2^e == 2^(e mod 61) */
    int e;
    double m = frexp(fabs(d), &e);
    uint64_t mant = (uint64_t)ldexp(m, 53);
    e -= 53;
    int k = ((e % 61) + 61) % 61;
    unsigned __int128 h = ((unsigned __int128)(mant % HASH_MOD) << k) % HASH_MOD;
    int64_t r = (int64_t)h;
    if (d < 0) r = -r;
    return r == -1 ? -2 : r;
}

static py_val_t float_unary(py_unop_t op, py_val_t v) {
    double d;
    if (!float_val(v, &d)) return PY_NULL;
    switch (op) {
    case PY_UNARY_NEG: return py_float(-d);
    case PY_UNARY_POS: return py_float(d);
    case PY_UNARY_ABS: return py_float(fabs(d));
    case PY_UNARY_BOOL: return py_bool(d != 0);
    case PY_UNARY_HASH: return py_hash_value(py_float_hash(d));
    default: return PY_NULL;
    }
}

/* ------------------------------------------------------------ constructor */

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

char *py_num_ascii(const char *s, size_t len, size_t *outlen); /* obj_int.c */
static bool parse_ascii(const char *s, size_t len, double *out);

/* Parses a Python float literal as float() accepts it; false if invalid.
 * Unicode digits and spaces are first rewritten to ASCII. */
bool py_float_parse(const char *s, size_t len, double *out) {
    size_t alen;
    char *a = py_num_ascii(s, len, &alen);
    if (!a) return parse_ascii(s, len, out);
    bool ok = parse_ascii(a, alen, out);
    free(a);
    return ok;
}

static bool parse_ascii(const char *s, size_t len, double *out) {
    const char *e = s + len;
    while (s < e && is_space(*s)) s++;
    while (e > s && is_space(e[-1])) e--;
    size_t n = (size_t)(e - s);
    if (n == 0 || n > 4000) return false;
    char buf[4100];
    size_t k = 0;
    const char *p = s;
    bool neg = false;
    if (*p == '+' || *p == '-') neg = *p++ == '-';
    size_t rest = (size_t)(e - p);
    char low[12];
    if (rest <= 8) {
        for (size_t i = 0; i < rest; i++) low[i] = (char)(p[i] | 0x20);
        low[rest] = 0;
        if (!strcmp(low, "inf") || !strcmp(low, "infinity")) {
            *out = neg ? -INFINITY : INFINITY;
            return true;
        }
        if (!strcmp(low, "nan")) {
            *out = neg ? -NAN : NAN;
            return true;
        }
    }
    if (neg) buf[k++] = '-';
    bool digit_seen = false;
    for (; p < e; p++) {
        char c = *p;
        if (c == '_') {
            /* only between two digits */
            if (p == s || !(p[-1] >= '0' && p[-1] <= '9') || p + 1 >= e || !(p[1] >= '0' && p[1] <= '9'))
                return false;
            continue;
        }
        if (c >= '0' && c <= '9')
            digit_seen = true;
        else if (!(c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
            return false;
        buf[k++] = c;
    }
    if (!digit_seen) return false;
    buf[k] = 0;
    char *end;
    errno = 0;
    double d = strtod(buf, &end);
    if (*end) return false;
    *out = d;
    return true;
}

/* The str behind a str or an instance of a str subclass written in Python. */
static py_val_t str_unwrap(py_val_t v) {
    if (py_is_obj(v) && py_obj_type(v) != &py_type_str && (py_obj_type(v)->flags & PY_TF_HEAP))
        return ((py_instance_t *)py_as_ptr(v))->native;
    return v;
}

static py_val_t float_from_value(py_val_t x) {
    double d;
    if (float_val(x, &d)) return py_float(d);
    if (py_is_int(x)) return py_float(py_int_to_double(x));
    const char *s = NULL;
    size_t n = 0;
    if (py_is_str(x)) {
        x = str_unwrap(x);
        s = py_str_data(x);
        n = py_str_len(x);
    } else if (py_is_obj(x) && (py_obj_type(x) == &py_type_bytes || py_obj_type(x) == &py_type_bytearray)) {
        py_buf_t buf;
        py_get_buffer(x, &buf, 0);
        s = (const char *)buf.data;
        n = buf.len;
    }
    if (s) {
        if (!py_float_parse(s, n, &d)) {
            py_val_t r = py_repr(x);
            py_raise_msg(&py_type_ValueError, "could not convert string to float: %s", py_str_data(r));
        }
        return py_float(d);
    }
    if (py_is_obj(x)) {
        py_val_t f = py_type_lookup(py_type_of(x), PYN(__float__));
        if (!py_is_null(f) || !py_is_null(py_type_lookup(py_type_of(x), PYN(__index__))))
            return py_float(py_to_double(x));
    }
    py_raise_msg(&py_type_TypeError, "float() argument must be a string or a real number, not '%s'", py_type_name(x));
}

static py_val_t float_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (!py_is_null(kwnames) && py_as_tuple(kwnames)->len)
        py_raise_msg(&py_type_TypeError, "float() takes no keyword arguments");
    if (argc > 1) py_raise_msg(&py_type_TypeError, "float expected at most 1 argument, got %d", argc);
    py_val_t v = argc == 0 ? py_float(0.0) : float_from_value(argv[0]);
    if (type == &py_type_float) return v;
    py_instance_t *inst = py_gc_alloc(type, type->instance_size > sizeof(py_instance_t) ? type->instance_size
                                                                                        : sizeof(py_instance_t));
    inst->dict = type->dict_offset ? py_dict_new() : PY_NULL;
    inst->native = v;
    return py_obj(inst);
}

/* ----------------------------------------------------------------- methods */

static double self_d(py_val_t v) {
    double d;
    if (!float_val(v, &d)) py_raise_type_error_arg("float method", "float", v);
    return d;
}

static py_val_t m_is_integer(int argc, const py_val_t *argv, py_val_t kw) {
    double d = self_d(argv[0]);
    return py_bool(isfinite(d) && d == floor(d));
}

static py_val_t m_as_integer_ratio(int argc, const py_val_t *argv, py_val_t kw) {
    double d = self_d(argv[0]);
    if (isinf(d)) py_raise_msg(&py_type_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(d)) py_raise_msg(&py_type_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    py_val_t num = py_int_from_double(m), den = py_small(1);
    if (e > 0)
        num = py_binary(PY_OP_LSHIFT, num, py_small(e));
    else
        den = py_binary(PY_OP_LSHIFT, den, py_small(-e));
    return py_tuple_pack(2, num, den);
}

static py_val_t m_conjugate(int argc, const py_val_t *argv, py_val_t kw) { return py_float(self_d(argv[0])); }

static py_val_t m_trunc(int argc, const py_val_t *argv, py_val_t kw) { return py_int_from_double(self_d(argv[0])); }
static py_val_t m_floor(int argc, const py_val_t *argv, py_val_t kw) {
    return py_int_from_double(floor(self_d(argv[0])));
}
static py_val_t m_ceil(int argc, const py_val_t *argv, py_val_t kw) { return py_int_from_double(ceil(self_d(argv[0]))); }

/* round(x, n): correctly rounded through decimal formatting. */
double py_float_round(double x, int64_t nd) {
    if (!isfinite(x) || x == 0) return x;
    if (nd > 323) return x;
    if (nd < -308) return copysign(0.0, x);
    if (nd >= 0) {
        if (fabs(x) >= 4503599627370496.0) return x; /* >= 2^52: already integral */
        char buf[400];
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        double r = strtod(buf, NULL);
        return r == 0 ? copysign(0.0, x) : r;
    }
    /* Negative nd: round the exact decimal expansion (glibc prints doubles exactly; below 2^52 at most 52
     * fractional digits exist) half to even at digit -nd left of the point, so the result is correctly
     * rounded where x / 10^k * 10^k would lose a bit. */
    char buf[420];
    int len = snprintf(buf, sizeof buf, "%.60f", fabs(x));
    char *dot = strchr(buf, '.');
    int ilen = dot ? (int)(dot - buf) : len;
    int keep = ilen - (int)-nd; /* integer digits kept */
    if (keep < 0) return copysign(0.0, x);
    bool up;
    char first = keep < ilen ? buf[keep] : '0';
    if (first > '5') up = true;
    else if (first < '5') up = false;
    else {
        bool rest = false;
        for (int i = keep + 1; i < len; i++)
            if (buf[i] >= '1' && buf[i] <= '9') rest = true;
        up = rest || (keep > 0 && (buf[keep - 1] - '0') % 2 == 1);
    }
    char out[440];
    int o = 0;
    out[o++] = '0'; /* room for a carry */
    memcpy(out + o, buf, (size_t)keep);
    o += keep;
    if (up) {
        int i = o - 1;
        while (out[i] == '9') out[i--] = '0';
        out[i]++;
    }
    for (int i = 0; i < (int)-nd; i++) out[o++] = '0';
    out[o] = 0;
    double r = strtod(out, NULL);
    if (x < 0) r = -r;
    if (isinf(r)) py_raise_msg(&py_type_OverflowError, "rounded value too large to represent");
    return r == 0 ? copysign(0.0, x) : r;
}

static py_val_t m_round(int argc, const py_val_t *argv, py_val_t kw) {
    double d = self_d(argv[0]);
    if (argc < 2 || py_is_none(argv[1])) {
        if (isinf(d)) py_raise_msg(&py_type_OverflowError, "cannot convert float infinity to integer");
        if (isnan(d)) py_raise_msg(&py_type_ValueError, "cannot convert float NaN to integer");
        double r = nearbyint(d); /* default rounding mode: half to even */
        return py_int_from_double(r);
    }
    return py_float(py_float_round(d, py_to_i64(argv[1])));
}

static py_val_t m_hex(int argc, const py_val_t *argv, py_val_t kw) {
    double d = self_d(argv[0]);
    char buf[64];
    if (isnan(d)) return py_str_from_cstr("nan");
    if (isinf(d)) return py_str_from_cstr(d > 0 ? "inf" : "-inf");
    const char *sg = signbit(d) ? "-" : "";
    if (d == 0) {
        snprintf(buf, sizeof buf, "%s0x0.0p+0", sg);
        return py_str_from_cstr(buf);
    }
    uint64_t bits;
    double a = fabs(d);
    memcpy(&bits, &a, sizeof bits);
    int be = (int)(bits >> 52);
    uint64_t frac = bits & (((uint64_t)1 << 52) - 1);
    int lead = be ? 1 : 0, e = be ? be - 1023 : -1022;
    snprintf(buf, sizeof buf, "%s0x%d.%013llxp%+d", sg, lead, (unsigned long long)frac, e);
    return py_str_from_cstr(buf);
}

static py_val_t m_fromhex(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t s = argv[1];
    if (!py_is_str(s)) py_raise_type_error_arg("fromhex", "str", s);
    const char *p = py_str_data(s);
    while (is_space(*p)) p++;
    char *end;
    double d;
    const char *q = p;
    if (*q == '+' || *q == '-') q++;
    if ((q[0] == '0' && (q[1] | 0x20) == 'x') || (q[0] | 0x20) == 'i' || (q[0] | 0x20) == 'n') {
        d = strtod(p, &end);
    } else {
        char buf[512];
        snprintf(buf, sizeof buf, "%.*s0x%s", (int)(q - p), p, q);
        d = strtod(buf, &end);
        end = (char *)p + (end - buf) - 2;
        if (end < q) end = (char *)p;
    }
    while (is_space(*end)) end++;
    if (*end || end == p) py_raise_msg(&py_type_ValueError, "invalid hexadecimal floating-point string");
    if (isinf(d) && (q[0] | 0x20) != 'i') py_raise_msg(&py_type_OverflowError, "hexadecimal value too large to represent as a float");
    py_val_t r = py_float(d);
    if (py_is_obj(argv[0]) && (py_type_t *)py_as_ptr(argv[0]) != &py_type_float) return py_call1(argv[0], r);
    return r;
}

static py_val_t m_format(int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_is_str(argv[1])) py_raise_type_error_arg("__format__", "str", argv[1]);
    self_d(argv[0]);
    return py_format_builtin(argv[0], argv[1]);
}

static py_val_t m_int(int argc, const py_val_t *argv, py_val_t kw) { return py_int_from_double(self_d(argv[0])); }

static py_val_t m_getnewargs(int argc, const py_val_t *argv, py_val_t kw) {
    return py_tuple_pack(1, py_float(self_d(argv[0])));
}


/* T.__new__(cls, ...): what super().__new__(cls, x) reaches from a subclass. */
static py_val_t float_new(int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc < 1 || !py_is_obj(argv[0]) || !py_is_subtype(py_obj_type(argv[0]), &py_type_type))
        py_raise_msg(&py_type_TypeError, "float.__new__(X): X is not a type object");
    py_type_t *t = (py_type_t *)py_as_ptr(argv[0]);
    if (!py_is_subtype(t, &py_type_float))
        py_raise_msg(&py_type_TypeError, "float.__new__(%s): %s is not a subtype of float", t->name, t->name);
    return float_make_new(t, argc - 1, argv + 1, kwnames);
}

NUM_DUNDERS(float, float_binary, float_compare, float_unary, float_print)
NUM_DIVMOD(float, float_binary)

static const py_method_def_t float_methods[] = {
    NUM_ARITH_DEFS(float),
    {"__new__", float_new, 1, -1, PY_MF_STATIC | PY_MF_KW},
    NUM_DIVMOD_DEFS(float),
    NUM_COMMON_DEFS(float),
    {"is_integer", m_is_integer, 1, 1, 0},
    {"as_integer_ratio", m_as_integer_ratio, 1, 1, 0},
    {"conjugate", m_conjugate, 1, 1, 0},
    {"hex", m_hex, 1, 1, 0},
    {"fromhex", m_fromhex, 2, 2, PY_MF_CLASS},
    {"__trunc__", m_trunc, 1, 1, 0},
    {"__floor__", m_floor, 1, 1, 0},
    {"__ceil__", m_ceil, 1, 1, 0},
    {"__int__", m_int, 1, 1, 0},
    {"__float__", m_conjugate, 1, 1, 0},
    {"__round__", m_round, 1, 2, 0},
    {"__format__", m_format, 2, 2, 0},
    {"__getnewargs__", m_getnewargs, 1, 1, 0},
    PY_MF_END,
};

static py_val_t float_getattr(py_val_t self, py_val_t name) {
    const char *n = py_str_data(name);
    if (strcmp(n, "real") == 0) return py_float(self_d(self));
    if (strcmp(n, "imag") == 0) return py_float(0.0);
    return PY_NULL;
}

py_type_t py_type_float = {
    .h = {&py_type_type},
    .name = "float",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .methods = float_methods,
    .make_new = float_make_new,
    .print = float_print,
    .unary = float_unary,
    .binary = float_binary,
    .compare = float_compare,
    .getattr = float_getattr,
};
