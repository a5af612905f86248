/* obj_complex.c: the complex type.
 *
 * A complex is a heap object holding two doubles.  Arithmetic mixes freely
 * with int, bool and float operands (either side); ordering comparisons are
 * not supported (the slot returns PY_NULL so the runtime raises TypeError).
 * repr follows CPython: '2j' when the real part is +0, '(1+2j)' otherwise,
 * each part printed like a float repr without a trailing '.0'.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "runtime.h"
#include "num_dunders.h"

typedef struct {
    py_obj_t h;
    double re, im;
} complex_t;

py_val_t py_complex_new(double re, double im) {
    complex_t *c = py_gc_alloc(&py_type_complex, sizeof *c);
    c->re = re;
    c->im = im;
    return py_obj(c);
}

/* Real or complex operand; false for other types. */
static bool cval(py_val_t v, double *re, double *im) {
    *im = 0;
    if (py_is_float(v)) {
        *re = py_as_float(v);
        return true;
    }
    if (py_is_small(v)) {
        *re = (double)py_as_small(v);
        return true;
    }
    if (py_is_obj(v)) {
        py_type_t *t = py_obj_type(v);
        if (t == &py_type_complex) {
            complex_t *c = py_as_ptr(v);
            *re = c->re;
            *im = c->im;
            return true;
        }
        if ((t->flags & PY_TF_HEAP) && py_is_subtype(t, &py_type_complex))
            return cval(((py_instance_t *)py_as_ptr(v))->native, re, im);
        if ((t->flags & PY_TF_HEAP) && py_is_subtype(t, &py_type_float)) {
            *re = py_to_double(v);
            return true;
        }
    }
    if (py_is_int(v)) {
        *re = py_int_to_double(v);
        return true;
    }
    return false;
}

static void part(py_sb_t *sb, double d) {
    char buf[48];
    int n = py_float_repr_buf(buf, d);
    if (n > 2 && buf[n - 2] == '.' && buf[n - 1] == '0') n -= 2;
    py_sb_add(sb, buf, (size_t)n);
}

static void complex_print(py_sb_t *sb, py_val_t self, int kind) {
    double re, im;
    if (!cval(self, &re, &im)) return;
    if (re == 0 && !signbit(re)) {
        part(sb, im);
        py_sb_addc(sb, 'j');
        return;
    }
    py_sb_addc(sb, '(');
    part(sb, re);
    if (!signbit(im) || isnan(im)) py_sb_addc(sb, '+');
    part(sb, isnan(im) ? fabs(im) : im);
    py_sb_adds(sb, "j)");
}

static void c_div(double a, double b, double c, double d, double *re, double *im) {
    if (c == 0 && d == 0) py_raise_msg(&py_type_ZeroDivisionError, "complex division by zero");
    /* scaled to avoid overflow in c*c + d*d */
    if (fabs(c) >= fabs(d)) {
        double r = d / c, den = c + d * r;
        *re = (a + b * r) / den;
        *im = (b - a * r) / den;
    } else {
        double r = c / d, den = c * r + d;
        *re = (a * r + b) / den;
        *im = (b * r - a) / den;
    }
}

static void c_pow(double a, double b, double c, double d, double *re, double *im) {
    if (c == 0 && d == 0) {
        *re = 1;
        *im = 0;
        return;
    }
    if (a == 0 && b == 0) {
        if (d != 0 || c < 0) py_raise_msg(&py_type_ZeroDivisionError, "0.0 to a negative or complex power");
        *re = 0;
        *im = 0;
        return;
    }
    if (d == 0 && c == floor(c) && fabs(c) <= 100) {
        /* integer power by repeated squaring: exact for small cases */
        long n = (long)fabs(c);
        double rr = 1, ri = 0, br = a, bi = b;
        while (n) {
            if (n & 1) {
                double t = rr * br - ri * bi;
                ri = rr * bi + ri * br;
                rr = t;
            }
            n >>= 1;
            double t = br * br - bi * bi;
            bi = 2 * br * bi;
            br = t;
        }
        if (c < 0) {
            c_div(1, 0, rr, ri, re, im);
        } else {
            *re = rr;
            *im = ri;
        }
        return;
    }
    double vabs = hypot(a, b), len = pow(vabs, c), at = atan2(b, a), phase = at * c;
    if (d != 0) {
        len /= exp(at * d);
        phase += d * log(vabs);
    }
    *re = len * cos(phase);
    *im = len * sin(phase);
}

static py_val_t complex_binary(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    if (op >= PY_OP_INPLACE) op = (py_binop_t)(op - PY_OP_INPLACE);
    double a, b, c, d, re, im;
    if (!cval(lhs, &a, &b) || !cval(rhs, &c, &d)) return PY_NULL;
    switch (op) {
    case PY_OP_ADD: return py_complex_new(a + c, b + d);
    case PY_OP_SUB: return py_complex_new(a - c, b - d);
    case PY_OP_MUL: return py_complex_new(a * c - b * d, a * d + b * c);
    case PY_OP_TRUEDIV: c_div(a, b, c, d, &re, &im); return py_complex_new(re, im);
    case PY_OP_POW:
        c_pow(a, b, c, d, &re, &im);
        if ((isinf(re) || isinf(im)) && isfinite(a) && isfinite(b) && isfinite(c) && isfinite(d))
            py_raise_msg(&py_type_OverflowError, "complex exponentiation");
        return py_complex_new(re, im);
    default: return PY_NULL;
    }
}

static py_val_t complex_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    if (op != PY_CMP_EQ && op != PY_CMP_NE) return PY_NULL;
    double a, b, c, d;
    if (!cval(self, &a, &b)) return PY_NULL;
    if (!cval(other, &c, &d)) return PY_NULL;
    bool eq;
    if (d == 0 && !py_is_float(other) && py_is_int(other) && b == 0)
        eq = py_int_cmp_double(other, a) == 0;
    else
        eq = a == c && b == d;
    return py_bool(op == PY_CMP_EQ ? eq : !eq);
}

static py_val_t complex_unary(py_unop_t op, py_val_t v) {
    double a, b;
    if (!cval(v, &a, &b)) return PY_NULL;
    switch (op) {
    case PY_UNARY_NEG: return py_complex_new(-a, -b);
    case PY_UNARY_POS: return py_complex_new(a, b);
    case PY_UNARY_ABS: {
        double r = hypot(a, b);
        if (isinf(r) && isfinite(a) && isfinite(b)) py_raise_msg(&py_type_OverflowError, "absolute value too large");
        return py_float(r);
    }
    case PY_UNARY_BOOL: return py_bool(a != 0 || b != 0);
    case PY_UNARY_HASH: {
        uint64_t h = (uint64_t)py_float_hash(a) + 1000003u * (uint64_t)py_float_hash(b);
        int64_t r = (int64_t)h;
        return py_hash_value(r == -1 ? -2 : r);
    }
    default: return PY_NULL;
    }
}

/* ------------------------------------------------------------ constructor */

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* Scans an unsigned real literal at p (digits, point, exponent, underscores,
 * or inf/nan); returns its end, or p when there is none. */
static const char *scan_real(const char *p, const char *e) {
    const char *q = p;
    size_t rest = (size_t)(e - p);
    if (rest >= 3 && (strncasecmp(p, "inf", 3) == 0 || strncasecmp(p, "nan", 3) == 0)) {
        if (rest >= 8 && strncasecmp(p, "infinity", 8) == 0) return p + 8;
        return p + 3;
    }
    bool dig = false;
    while (q < e && ((*q >= '0' && *q <= '9') || (*q == '_' && dig))) dig = dig || *q != '_', q++;
    if (q < e && *q == '.') {
        q++;
        while (q < e && ((*q >= '0' && *q <= '9') || *q == '_')) dig = true, q++;
    }
    if (!dig) return p;
    if (q < e && (*q == 'e' || *q == 'E')) {
        const char *r = q + 1;
        if (r < e && (*r == '+' || *r == '-')) r++;
        if (r < e && *r >= '0' && *r <= '9') {
            while (r < e && ((*r >= '0' && *r <= '9') || *r == '_')) r++;
            q = r;
        }
    }
    return q;
}

static bool parse_complex(const char *s, size_t len, double *re, double *im) {
    const char *e = s + len;
    while (s < e && is_space(*s)) s++;
    while (e > s && is_space(e[-1])) e--;
    if (s < e && *s == '(') {
        if (e[-1] != ')') return false;
        s++, e--;
        while (s < e && is_space(*s)) s++;
        while (e > s && is_space(e[-1])) e--;
    }
    *re = *im = 0;
    if (s >= e) return false;
    const char *p = s;
    /* first term */
    const char *start = p;
    if (*p == '+' || *p == '-') p++;
    const char *q = scan_real(p, e);
    double v = 1;
    if (q != p && !py_float_parse(start, (size_t)(q - start), &v)) return false;
    if (q == p) v = *start == '-' ? -1 : 1;
    if (q == e) {
        if (q == p) return false;
        *re = v;
        return true;
    }
    if (*q == 'j' || *q == 'J') {
        if (q + 1 != e) return false;
        *im = v;
        return true;
    }
    if (q == p) return false;
    *re = v;
    /* second term: sign required */
    if (*q != '+' && *q != '-') return false;
    start = q;
    p = q + 1;
    q = scan_real(p, e);
    if (q != p) {
        if (!py_float_parse(start, (size_t)(q - start), &v)) return false;
    } else {
        v = *start == '-' ? -1 : 1;
    }
    if (q >= e || (*q != 'j' && *q != 'J') || q + 1 != e) return false;
    *im = v;
    return true;
}

/* Returns whether x is a complex (as opposed to a real number). */
static bool to_complex_arg(py_val_t x, double *re, double *im, const char *which) {
    if (cval(x, re, im)) return py_is_obj(x) && py_is_instance(x, &py_type_complex);
    if (py_is_obj(x)) {
        py_val_t f = py_type_lookup(py_type_of(x), PYN(__complex__));
        if (!py_is_null(f)) {
            py_val_t r = py_call1(f, x);
            if (!cval(r, re, im))
                py_raise_msg(&py_type_TypeError, "__complex__ returned non-complex (type %s)", py_type_name(r));
            return true;
        }
        if (!py_is_null(py_type_lookup(py_type_of(x), PYN(__float__))) ||
            !py_is_null(py_type_lookup(py_type_of(x), PYN(__index__)))) {
            *re = py_to_double(x);
            *im = 0;
            return false;
        }
    }
    py_raise_msg(&py_type_TypeError, "complex() %s must be a number, not '%s'", which, py_type_name(x));
}

/* The str behind a str or an instance of a str subclass written in Python. */
static py_val_t str_unwrap(py_val_t v) {
    if (py_is_obj(v) && py_obj_type(v) != &py_type_str && (py_obj_type(v)->flags & PY_TF_HEAP))
        return ((py_instance_t *)py_as_ptr(v))->native;
    return v;
}

static py_val_t complex_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    int npos = argc;
    py_val_t rv = PY_NULL, iv = PY_NULL;
    if (!py_is_null(kwnames)) {
        size_t nk = py_as_tuple(kwnames)->len;
        for (size_t i = 0; i < nk; i++) {
            const char *k = py_str_data(py_as_tuple(kwnames)->items[i]);
            if (!strcmp(k, "real"))
                rv = argv[npos + (int)i];
            else if (!strcmp(k, "imag"))
                iv = argv[npos + (int)i];
            else
                py_raise_msg(&py_type_TypeError, "'%s' is an invalid keyword argument for complex()", k);
        }
    }
    if (npos > 2) py_raise_msg(&py_type_TypeError, "complex() takes at most 2 arguments (%d given)", npos);
    if (npos >= 1) rv = argv[0];
    if (npos >= 2) iv = argv[1];
    double a = 0, b = 0, c = 0, d = 0;
    bool r_complex = false, i_complex = false;
    if (!py_is_null(rv) && py_is_str(rv)) {
        if (!py_is_null(iv)) py_raise_msg(&py_type_TypeError, "complex() can't take second arg if first is a string");
        rv = str_unwrap(rv);
        if (!parse_complex(py_str_data(rv), py_str_len(rv), &a, &b))
            py_raise_msg(&py_type_ValueError, "complex() arg is a malformed string");
    } else {
        if (!py_is_null(rv)) r_complex = to_complex_arg(rv, &a, &b, "first argument");
        if (!py_is_null(iv)) {
            if (py_is_str(iv)) py_raise_msg(&py_type_TypeError, "complex() second arg can't be a string");
            i_complex = to_complex_arg(iv, &c, &d, "second argument");
        }
    }
    /* (a + bj) + (c + dj) * j, adding only parts that exist so -0.0 survives */
    double re = a, im = b;
    if (!py_is_null(iv)) {
        if (i_complex) re -= d;
        im = r_complex ? c + b : c;
    }
    py_val_t v = py_complex_new(re, im);
    if (type == &py_type_complex) return v;
    py_instance_t *inst = py_gc_alloc(type, type->instance_size > sizeof(py_instance_t) ? type->instance_size
                                                                                        : sizeof(py_instance_t));
    inst->dict = type->dict_offset ? py_dict_new() : PY_NULL;
    inst->native = v;
    return py_obj(inst);
}

static py_val_t m_conjugate(int argc, const py_val_t *argv, py_val_t kw) {
    double a, b;
    if (!cval(argv[0], &a, &b)) py_raise_type_error_arg("conjugate", "complex", argv[0]);
    return py_complex_new(a, -b);
}

static py_val_t m_format(int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_is_str(argv[1])) py_raise_type_error_arg("__format__", "str", argv[1]);
    return py_format_builtin(argv[0], argv[1]);
}


/* T.__new__(cls, ...): what super().__new__(cls, x) reaches from a subclass. */
static py_val_t complex_new(int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc < 1 || !py_is_obj(argv[0]) || !py_is_subtype(py_obj_type(argv[0]), &py_type_type))
        py_raise_msg(&py_type_TypeError, "complex.__new__(X): X is not a type object");
    py_type_t *t = (py_type_t *)py_as_ptr(argv[0]);
    if (!py_is_subtype(t, &py_type_complex))
        py_raise_msg(&py_type_TypeError, "complex.__new__(%s): %s is not a subtype of complex", t->name, t->name);
    return complex_make_new(t, argc - 1, argv + 1, kwnames);
}

NUM_DUNDERS(complex, complex_binary, complex_compare, complex_unary, complex_print)

static const py_method_def_t complex_methods[] = {
    NUM_ARITH_DEFS(complex),
    {"__new__", complex_new, 1, -1, PY_MF_STATIC | PY_MF_KW},
    NUM_COMMON_DEFS(complex),
    {"conjugate", m_conjugate, 1, 1, 0},
    {"__format__", m_format, 2, 2, 0},
    PY_MF_END,
};

static py_val_t complex_getattr(py_val_t self, py_val_t name) {
    double a, b;
    if (!cval(self, &a, &b)) return PY_NULL;
    const char *n = py_str_data(name);
    if (!strcmp(n, "real")) return py_float(a);
    if (!strcmp(n, "imag")) return py_float(b);
    return PY_NULL;
}

py_type_t py_type_complex = {
    .h = {&py_type_type},
    .name = "complex",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .methods = complex_methods,
    .make_new = complex_make_new,
    .print = complex_print,
    .unary = complex_unary,
    .binary = complex_binary,
    .compare = complex_compare,
    .getattr = complex_getattr,
};
