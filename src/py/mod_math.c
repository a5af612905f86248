/* mod_math.c: the math module (MicroPython's set of functions and constants).
 * Arguments go through py_to_double, so ints, bools and floats are accepted;
 * domain errors raise ValueError("math domain error") as CPython does. */
#include <math.h>
#include <string.h>

#include "runtime.h"

static double arg(const py_val_t *argv, int i) { return py_to_double(argv[i]); }

static PY_NORETURN void domain_error(void) { py_raise_msg(&py_type_ValueError, "math domain error"); }

static py_val_t checked(double r, double x) {
    if (isnan(r) && !isnan(x)) domain_error();
    if (isinf(r) && isfinite(x)) py_raise_msg(&py_type_OverflowError, "math range error");
    return py_float(r);
}

#define UNARY(name, fn)                                                                                      \
    static py_val_t m_##name(int argc, const py_val_t *argv, py_val_t kw) {                                  \
        double x = arg(argv, 0);                                                                             \
        return checked(fn(x), x);                                                                            \
    }
/* Functions with a pole (log10(0), atanh(1)): an infinite result from a
 * finite argument is a domain error there, as in CPython, not an overflow. */
#define POLE(name, fn)                                                                                       \
    static py_val_t m_##name(int argc, const py_val_t *argv, py_val_t kw) {                                  \
        double x = arg(argv, 0), r = fn(x);                                                                  \
        if (isinf(r) && isfinite(x)) domain_error();                                                         \
        return checked(r, x);                                                                                \
    }
UNARY(sqrt, sqrt)
UNARY(exp, exp)
UNARY(expm1, expm1)
UNARY(sin, sin)
UNARY(cos, cos)
UNARY(tan, tan)
UNARY(asin, asin)
UNARY(acos, acos)
UNARY(atan, atan)
UNARY(sinh, sinh)
UNARY(cosh, cosh)
UNARY(tanh, tanh)
UNARY(asinh, asinh)
UNARY(acosh, acosh)
POLE(atanh, atanh)
UNARY(erf, erf)
UNARY(erfc, erfc)
UNARY(fabs, fabs)
POLE(log2, log2)
POLE(log10, log10)
POLE(log1p, log1p)

static py_val_t m_gamma(int argc, const py_val_t *argv, py_val_t kw) {
    double x = arg(argv, 0);
    if (x <= 0 && x == floor(x)) domain_error();
    return checked(tgamma(x), x);
}
static py_val_t m_lgamma(int argc, const py_val_t *argv, py_val_t kw) {
    double x = arg(argv, 0);
    if (x <= 0 && x == floor(x)) domain_error();
    return checked(lgamma(x), x);
}
static py_val_t m_log(int argc, const py_val_t *argv, py_val_t kw) {
    double x = arg(argv, 0);
    if (x <= 0) domain_error();
    double r = log(x);
    if (argc > 1) {
        double b = arg(argv, 1);
        if (b <= 0 || b == 1) domain_error();
        r /= log(b);
    }
    return py_float(r);
}
static py_val_t to_int_or_self(double r) { return py_int_from_double(r); }
static py_val_t m_floor(int argc, const py_val_t *argv, py_val_t kw) {
    if (py_is_int(argv[0])) return argv[0];
    py_val_t m = py_getattr_opt(argv[0], PYN(__floor__));
    if (!py_is_null(m) && !py_is_float(argv[0])) return py_call0(m);
    return to_int_or_self(floor(arg(argv, 0)));
}
static py_val_t m_ceil(int argc, const py_val_t *argv, py_val_t kw) {
    if (py_is_int(argv[0])) return argv[0];
    py_val_t m = py_getattr_opt(argv[0], PYN(__ceil__));
    if (!py_is_null(m) && !py_is_float(argv[0])) return py_call0(m);
    return to_int_or_self(ceil(arg(argv, 0)));
}
static py_val_t m_trunc(int argc, const py_val_t *argv, py_val_t kw) {
    if (py_is_int(argv[0])) return argv[0];
    return to_int_or_self(trunc(arg(argv, 0)));
}
static py_val_t m_pow(int argc, const py_val_t *argv, py_val_t kw) {
    double x = arg(argv, 0), y = arg(argv, 1);
    if (x == 0 && y < 0) domain_error();
    if (x < 0 && y != floor(y) && isfinite(y)) domain_error();
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y)) py_raise_msg(&py_type_OverflowError, "math range error");
    return py_float(r);
}
static py_val_t m_atan2(int argc, const py_val_t *argv, py_val_t kw) {
    return py_float(atan2(arg(argv, 0), arg(argv, 1)));
}
static py_val_t m_fmod(int argc, const py_val_t *argv, py_val_t kw) {
    double x = arg(argv, 0), y = arg(argv, 1);
    if (y == 0 || isinf(x)) domain_error();
    return py_float(fmod(x, y));
}
static py_val_t m_copysign(int argc, const py_val_t *argv, py_val_t kw) {
    return py_float(copysign(arg(argv, 0), arg(argv, 1)));
}
static py_val_t m_hypot(int argc, const py_val_t *argv, py_val_t kw) {
    double acc = 0;
    for (int i = 0; i < argc; i++) acc = hypot(acc, arg(argv, i));
    return py_float(acc);
}
static py_val_t m_degrees(int argc, const py_val_t *argv, py_val_t kw) {
    return py_float(arg(argv, 0) * (180.0 / M_PI));
}
static py_val_t m_radians(int argc, const py_val_t *argv, py_val_t kw) {
    return py_float(arg(argv, 0) * (M_PI / 180.0));
}
static py_val_t m_isfinite(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(isfinite(arg(argv, 0)));
}
static py_val_t m_isinf(int argc, const py_val_t *argv, py_val_t kw) { return py_bool(isinf(arg(argv, 0))); }
static py_val_t m_isnan(int argc, const py_val_t *argv, py_val_t kw) { return py_bool(isnan(arg(argv, 0))); }
static py_val_t m_modf(int argc, const py_val_t *argv, py_val_t kw) {
    double ip, fp = modf(arg(argv, 0), &ip);
    return py_tuple_pack(2, py_float(fp), py_float(ip));
}
static py_val_t m_frexp(int argc, const py_val_t *argv, py_val_t kw) {
    int e;
    double m = frexp(arg(argv, 0), &e);
    return py_tuple_pack(2, py_float(m), py_int_from_i64(e));
}
static py_val_t m_ldexp(int argc, const py_val_t *argv, py_val_t kw) {
    double x = arg(argv, 0);
    int64_t e = py_to_i64(argv[1]);
    double r = ldexp(x, e > 100000 ? 100000 : e < -100000 ? -100000 : (int)e);
    if (isinf(r) && isfinite(x)) py_raise_msg(&py_type_OverflowError, "math range error");
    return py_float(r);
}
static py_val_t m_isclose(int argc, const py_val_t *argv, py_val_t kwnames) {
    double a = arg(argv, 0), b = arg(argv, 1);
    double rel = py_to_double(py_kwarg(argc, argv, kwnames, "rel_tol", py_float(1e-9)));
    double abs_tol = py_to_double(py_kwarg(argc, argv, kwnames, "abs_tol", py_float(0.0)));
    if (rel < 0 || abs_tol < 0) py_raise_msg(&py_type_ValueError, "tolerances must be non-negative");
    if (a == b) return PY_TRUE;
    if (isinf(a) || isinf(b)) return PY_FALSE;
    double d = fabs(a - b);
    return py_bool(d <= fabs(rel * b) || d <= fabs(rel * a) || d <= abs_tol);
}
/* factorial and gcd work on Python ints so they stay exact for big values. */
static py_val_t m_factorial(int argc, const py_val_t *argv, py_val_t kw) {
    if (py_is_float(argv[0]))
        py_raise_msg(&py_type_TypeError, "'float' object cannot be interpreted as an integer");
    int64_t n = py_to_i64(argv[0]);
    if (n < 0) py_raise_msg(&py_type_ValueError, "factorial() not defined for negative values");
    py_val_t r = py_small(1);
    for (int64_t i = 2; i <= n; i++) r = py_binary(PY_OP_MUL, r, py_int_from_i64(i));
    return r;
}
static py_val_t m_gcd(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t a = py_small(0);
    for (int i = 0; i < argc; i++) {
        py_val_t b = argv[i];
        if (!py_is_int(b))
            py_raise_msg(&py_type_TypeError, "'%s' object cannot be interpreted as an integer",
                         py_type_name(b));
        b = py_unary(PY_UNARY_ABS, b);
        a = py_unary(PY_UNARY_ABS, a);
        while (py_truthy(b)) {
            py_val_t t = py_binary(PY_OP_MOD, a, b);
            a = b;
            b = t;
        }
    }
    return a;
}

static py_val_t int_only(py_val_t v) {
    if (!py_is_int(v))
        py_raise_msg(&py_type_TypeError, "'%s' object cannot be interpreted as an integer", py_type_name(v));
    return v;
}
static bool is_neg(py_val_t v) { return py_lt(v, py_small(0)); }

static py_val_t m_lcm(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t a = py_small(1);
    for (int i = 0; i < argc; i++) {
        py_val_t b = py_unary(PY_UNARY_ABS, int_only(argv[i]));
        if (!py_truthy(b)) a = py_small(0);
        if (!py_truthy(a)) continue;
        py_val_t pair[2] = {a, b};
        py_val_t g = m_gcd(2, pair, PY_NULL);
        a = py_binary(PY_OP_MUL, py_binary(PY_OP_FLOORDIV, a, g), b);
    }
    return a;
}

/* isqrt: floor of the exact square root; a double estimate corrected for
 * small values, Newton's iteration on Python ints for big ones. */
static py_val_t m_isqrt(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t n = int_only(argv[0]);
    if (is_neg(n)) py_raise_msg(&py_type_ValueError, "isqrt() argument must be nonnegative");
    if (py_is_small(n) || py_is_bool(n)) {
        uint64_t u = (uint64_t)py_to_i64(n), r = (uint64_t)sqrt((double)u);
        while (r * r > u) r--;
        while ((r + 1) * (r + 1) <= u) r++;
        return py_int_from_u64(r);
    }
    int64_t bits = py_to_i64(py_call_method(n, py_intern("bit_length"), 0, NULL));
    py_val_t x = py_binary(PY_OP_LSHIFT, py_small(1), py_int_from_i64((bits + 1) / 2 + 1)); /* > sqrt(n) */
    for (;;) {
        py_val_t y =
            py_binary(PY_OP_RSHIFT, py_binary(PY_OP_ADD, x, py_binary(PY_OP_FLOORDIV, n, x)), py_small(1));
        if (!py_lt(y, x)) return x;
        x = y;
    }
}

static py_val_t m_perm_comb(int argc, const py_val_t *argv, bool comb) {
    py_val_t n = int_only(argv[0]);
    if (!comb && (argc < 2 || py_is_none(argv[1]))) {
        py_val_t a[1] = {n};
        return m_factorial(1, a, PY_NULL);
    }
    py_val_t k = int_only(argv[1]);
    if (is_neg(n)) py_raise_msg(&py_type_ValueError, "n must be a non-negative integer");
    if (is_neg(k)) py_raise_msg(&py_type_ValueError, "k must be a non-negative integer");
    if (py_lt(n, k)) return py_small(0);
    int64_t kk = py_to_i64(k);
    if (comb) {
        py_val_t nk = py_binary(PY_OP_SUB, n, k);
        if (py_lt(nk, k)) kk = py_to_i64(nk);
    }
    py_val_t r = py_small(1);
    for (int64_t i = 0; i < kk; i++) {
        r = py_binary(PY_OP_MUL, r, py_binary(PY_OP_SUB, n, py_int_from_i64(i)));
        if (comb) r = py_binary(PY_OP_FLOORDIV, r, py_int_from_i64(i + 1));
    }
    return r;
}
static py_val_t m_comb(int argc, const py_val_t *argv, py_val_t kw) { return m_perm_comb(argc, argv, true); }
static py_val_t m_perm(int argc, const py_val_t *argv, py_val_t kw) { return m_perm_comb(argc, argv, false); }

static py_val_t m_prod(int argc, const py_val_t *argv, py_val_t kwnames) {
    py_val_t acc = py_kwarg(argc, argv, kwnames, "start", py_small(1));
    py_val_t it = py_iter(argv[0]);
    for (py_val_t v; !py_is_null(v = py_next(it));) acc = py_binary(PY_OP_MUL, acc, v);
    return acc;
}

static py_val_t m_dist(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t p = py_list_from_iter(argv[0]), q = py_list_from_iter(argv[1]);
    size_t n = py_as_list(p)->len;
    if (n != py_as_list(q)->len)
        py_raise_msg(&py_type_ValueError, "both points must have the same number of dimensions");
    double acc = 0;
    for (size_t i = 0; i < n; i++)
        acc = hypot(acc, py_to_double(py_as_list(p)->items[i]) - py_to_double(py_as_list(q)->items[i]));
    return py_float(acc);
}

/* fsum: exact sum by Shewchuk's non-overlapping partials, rounded once. */
static py_val_t m_fsum(int argc, const py_val_t *argv, py_val_t kw) {
    double part[64];
    size_t np = 0;
    double special = 0; /* sum of infinities / nans, kept apart */
    bool have_special = false;
    py_val_t it = py_iter(argv[0]);
    for (py_val_t v; !py_is_null(v = py_next(it));) {
        double x = py_to_double(v);
        if (!isfinite(x)) {
            special += x;
            have_special = true;
            continue;
        }
        size_t j = 0;
        for (size_t i = 0; i < np; i++) {
            double y = part[i];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0) part[j++] = lo;
            x = hi;
        }
        if (!isfinite(x)) py_raise_msg(&py_type_OverflowError, "intermediate overflow in fsum");
        if (j >= sizeof part / sizeof part[0]) { /* cannot happen for doubles; keep the array bounded */
            part[0] += part[1];
            memmove(part + 1, part + 2, (j - 2) * sizeof(double));
            j--;
        }
        part[j++] = x;
        np = j;
    }
    if (have_special) {
        if (isnan(special)) py_raise_msg(&py_type_ValueError, "-inf + inf in fsum");
        return py_float(special);
    }
    if (np == 0) return py_float(0.0);
    /* add the partials from the top, then fix the half-way rounding case */
    double hi = part[--np], lo = 0;
    while (np > 0) {
        double x = hi, y = part[--np];
        hi = x + y;
        double yr = hi - x;
        lo = y - yr;
        if (lo != 0) break;
    }
    if (np > 0 && ((lo < 0 && part[np - 1] < 0) || (lo > 0 && part[np - 1] > 0))) {
        double y = lo * 2, x = hi + y, yr = x - hi;
        if (y == yr) hi = x;
    }
    return py_float(hi);
}

static py_val_t m_remainder(int argc, const py_val_t *argv, py_val_t kw) {
    double x = arg(argv, 0), y = arg(argv, 1);
    if (isnan(x) || isnan(y)) return py_float(NAN);
    if (isinf(x) || y == 0) domain_error();
    return py_float(remainder(x, y));
}
static py_val_t m_nextafter(int argc, const py_val_t *argv, py_val_t kw) {
    return py_float(nextafter(arg(argv, 0), arg(argv, 1)));
}
static py_val_t m_ulp(int argc, const py_val_t *argv, py_val_t kw) {
    double x = fabs(arg(argv, 0));
    if (isnan(x) || isinf(x)) return py_float(x);
    double y = nextafter(x, INFINITY);
    if (isinf(y)) return py_float(x - nextafter(x, 0));
    return py_float(y - x);
}
UNARY(cbrt, cbrt)
UNARY(exp2, exp2)

static const py_method_def_t math_functions[] = {
    {"sqrt", m_sqrt, 1, 1, 0},
    {"exp", m_exp, 1, 1, 0},
    {"expm1", m_expm1, 1, 1, 0},
    {"sin", m_sin, 1, 1, 0},
    {"cos", m_cos, 1, 1, 0},
    {"tan", m_tan, 1, 1, 0},
    {"asin", m_asin, 1, 1, 0},
    {"acos", m_acos, 1, 1, 0},
    {"atan", m_atan, 1, 1, 0},
    {"sinh", m_sinh, 1, 1, 0},
    {"cosh", m_cosh, 1, 1, 0},
    {"tanh", m_tanh, 1, 1, 0},
    {"asinh", m_asinh, 1, 1, 0},
    {"acosh", m_acosh, 1, 1, 0},
    {"atanh", m_atanh, 1, 1, 0},
    {"erf", m_erf, 1, 1, 0},
    {"erfc", m_erfc, 1, 1, 0},
    {"fabs", m_fabs, 1, 1, 0},
    {"log2", m_log2, 1, 1, 0},
    {"log10", m_log10, 1, 1, 0},
    {"log1p", m_log1p, 1, 1, 0},
    {"gamma", m_gamma, 1, 1, 0},
    {"lgamma", m_lgamma, 1, 1, 0},
    {"log", m_log, 1, 2, 0},
    {"floor", m_floor, 1, 1, 0},
    {"ceil", m_ceil, 1, 1, 0},
    {"trunc", m_trunc, 1, 1, 0},
    {"pow", m_pow, 2, 2, 0},
    {"atan2", m_atan2, 2, 2, 0},
    {"fmod", m_fmod, 2, 2, 0},
    {"copysign", m_copysign, 2, 2, 0},
    {"hypot", m_hypot, 0, -1, 0},
    {"degrees", m_degrees, 1, 1, 0},
    {"radians", m_radians, 1, 1, 0},
    {"isfinite", m_isfinite, 1, 1, 0},
    {"isinf", m_isinf, 1, 1, 0},
    {"isnan", m_isnan, 1, 1, 0},
    {"modf", m_modf, 1, 1, 0},
    {"frexp", m_frexp, 1, 1, 0},
    {"ldexp", m_ldexp, 2, 2, 0},
    {"isclose", m_isclose, 2, 2, PY_MF_KW},
    {"factorial", m_factorial, 1, 1, 0},
    {"gcd", m_gcd, 0, -1, 0},
    {"lcm", m_lcm, 0, -1, 0},
    {"isqrt", m_isqrt, 1, 1, 0},
    {"comb", m_comb, 2, 2, 0},
    {"perm", m_perm, 1, 2, 0},
    {"prod", m_prod, 1, 1, PY_MF_KW},
    {"dist", m_dist, 2, 2, 0},
    {"fsum", m_fsum, 1, 1, 0},
    {"remainder", m_remainder, 2, 2, 0},
    {"nextafter", m_nextafter, 2, 2, 0},
    {"ulp", m_ulp, 1, 1, 0},
    {"cbrt", m_cbrt, 1, 1, 0},
    {"exp2", m_exp2, 1, 1, 0},
    PY_MF_END,
};

static void math_init(py_val_t module) {
    py_module_add(module, "pi", py_float(M_PI));
    py_module_add(module, "e", py_float(M_E));
    py_module_add(module, "tau", py_float(2 * M_PI));
    py_module_add(module, "inf", py_float(INFINITY));
    py_module_add(module, "nan", py_float(NAN));
}

const py_module_def_t py_module_math = {"math", math_functions, math_init};
