/* mod_math.c: the math module (MicroPython's set of functions and constants).
 * Arguments go through py_to_double, so ints, bools and floats are accepted;
 * domain errors raise ValueError("math domain error") as CPython does. */
#include <math.h>

#include "runtime.h"

static double arg(const py_val_t *argv, int i) { return py_to_double(argv[i]); }

static PY_NORETURN void domain_error(void) { py_raise_msg(&py_type_ValueError, "math domain error"); }

static py_val_t checked(double r, double x) {
    if (isnan(r) && !isnan(x)) domain_error();
    if (isinf(r) && isfinite(x)) py_raise_msg(&py_type_OverflowError, "math range error");
    return py_float(r);
}

#define UNARY(name, fn)                                                              \
    static py_val_t m_##name(int argc, const py_val_t *argv, py_val_t kw) {         \
        double x = arg(argv, 0);                                                     \
        return checked(fn(x), x);                                                    \
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
UNARY(atanh, atanh)
UNARY(erf, erf)
UNARY(erfc, erfc)
UNARY(fabs, fabs)
UNARY(log2, log2)
UNARY(log10, log10)
UNARY(log1p, log1p)

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
    return py_float(pow(x, y));
}
static py_val_t m_atan2(int argc, const py_val_t *argv, py_val_t kw) { return py_float(atan2(arg(argv, 0), arg(argv, 1))); }
static py_val_t m_fmod(int argc, const py_val_t *argv, py_val_t kw) {
    double x = arg(argv, 0), y = arg(argv, 1);
    if (y == 0 || isinf(x)) domain_error();
    return py_float(fmod(x, y));
}
static py_val_t m_copysign(int argc, const py_val_t *argv, py_val_t kw) { return py_float(copysign(arg(argv, 0), arg(argv, 1))); }
static py_val_t m_hypot(int argc, const py_val_t *argv, py_val_t kw) {
    double acc = 0;
    for (int i = 0; i < argc; i++) acc = hypot(acc, arg(argv, i));
    return py_float(acc);
}
static py_val_t m_degrees(int argc, const py_val_t *argv, py_val_t kw) { return py_float(arg(argv, 0) * (180.0 / M_PI)); }
static py_val_t m_radians(int argc, const py_val_t *argv, py_val_t kw) { return py_float(arg(argv, 0) * (M_PI / 180.0)); }
static py_val_t m_isfinite(int argc, const py_val_t *argv, py_val_t kw) { return py_bool(isfinite(arg(argv, 0))); }
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
    return py_float(ldexp(arg(argv, 0), (int)py_to_i64(argv[1])));
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
    if (py_is_float(argv[0])) py_raise_msg(&py_type_TypeError, "'float' object cannot be interpreted as an integer");
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
        if (!py_is_int(b)) py_raise_msg(&py_type_TypeError, "'%s' object cannot be interpreted as an integer", py_type_name(b));
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

static const py_method_def_t math_functions[] = {
    {"sqrt", m_sqrt, 1, 1, 0},       {"exp", m_exp, 1, 1, 0},         {"expm1", m_expm1, 1, 1, 0},
    {"sin", m_sin, 1, 1, 0},         {"cos", m_cos, 1, 1, 0},         {"tan", m_tan, 1, 1, 0},
    {"asin", m_asin, 1, 1, 0},       {"acos", m_acos, 1, 1, 0},       {"atan", m_atan, 1, 1, 0},
    {"sinh", m_sinh, 1, 1, 0},       {"cosh", m_cosh, 1, 1, 0},       {"tanh", m_tanh, 1, 1, 0},
    {"asinh", m_asinh, 1, 1, 0},     {"acosh", m_acosh, 1, 1, 0},     {"atanh", m_atanh, 1, 1, 0},
    {"erf", m_erf, 1, 1, 0},         {"erfc", m_erfc, 1, 1, 0},       {"fabs", m_fabs, 1, 1, 0},
    {"log2", m_log2, 1, 1, 0},       {"log10", m_log10, 1, 1, 0},     {"log1p", m_log1p, 1, 1, 0},
    {"gamma", m_gamma, 1, 1, 0},     {"lgamma", m_lgamma, 1, 1, 0},   {"log", m_log, 1, 2, 0},
    {"floor", m_floor, 1, 1, 0},     {"ceil", m_ceil, 1, 1, 0},       {"trunc", m_trunc, 1, 1, 0},
    {"pow", m_pow, 2, 2, 0},         {"atan2", m_atan2, 2, 2, 0},     {"fmod", m_fmod, 2, 2, 0},
    {"copysign", m_copysign, 2, 2, 0}, {"hypot", m_hypot, 0, -1, 0},  {"degrees", m_degrees, 1, 1, 0},
    {"radians", m_radians, 1, 1, 0}, {"isfinite", m_isfinite, 1, 1, 0}, {"isinf", m_isinf, 1, 1, 0},
    {"isnan", m_isnan, 1, 1, 0},     {"modf", m_modf, 1, 1, 0},       {"frexp", m_frexp, 1, 1, 0},
    {"ldexp", m_ldexp, 2, 2, 0},     {"isclose", m_isclose, 2, 2, PY_MF_KW},
    {"factorial", m_factorial, 1, 1, 0}, {"gcd", m_gcd, 0, -1, 0},
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
