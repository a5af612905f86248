/* mod_cmath.c: the cmath module (complex-number math).
 *
 * Arguments may be complex, float, int, bool or define __complex__ /
 * __float__; results are always complex except for phase, polar, the
 * predicates and isclose.  The work is done by C99 <complex.h>; as in
 * CPython, a NaN result from non-NaN input raises ValueError("math domain
 * error") and an infinite result from finite input OverflowError. */
#include <complex.h>
#include <math.h>

#include "py/runtime.h"

/* CMPLX is C11 but not every libc header defines it (clang + glibc). */
static inline double complex mk(double re, double im) {
    union {
        double complex z;
        double p[2];
    } u;
    u.p[0] = re;
    u.p[1] = im;
    return u.z;
}

static double complex carg_val(py_val_t v) {
    if (py_is_float(v)) return py_as_float(v);
    if (py_is_small(v)) return (double)py_as_small(v);
    if (py_is_instance(v, &py_type_complex)) {
        double re = py_to_double(py_getattr(v, PYN(real))), im = py_to_double(py_getattr(v, PYN(imag)));
        return mk(re, im);
    }
    py_val_t f = py_is_obj(v) ? py_type_lookup(py_type_of(v), PYN(__complex__)) : PY_NULL;
    if (!py_is_null(f)) {
        py_val_t c = py_call_method(v, PYN(__complex__), 0, NULL);
        if (!py_is_instance(c, &py_type_complex))
            py_raise_msg(&py_type_TypeError, "__complex__ returned non-complex (type %s)", py_type_name(c));
        return carg_val(c);
    }
    if (!py_is_int(v) && !py_is_instance(v, &py_type_float) &&
        (!py_is_obj(v) || py_is_null(py_type_lookup(py_type_of(v), PYN(__float__)))))
        py_raise_msg(&py_type_TypeError, "must be real number, not %s", py_type_name(v));
    return py_to_double(v);
}

static bool c_isfinite(double complex z) { return isfinite(creal(z)) && isfinite(cimag(z)); }
static bool c_isnan(double complex z) { return isnan(creal(z)) || isnan(cimag(z)); }

static py_val_t cval(double complex r, double complex z) {
    if (c_isnan(r) && !c_isnan(z)) py_raise_msg(&py_type_ValueError, "math domain error");
    if (!c_isfinite(r) && c_isfinite(z) && !c_isnan(r))
        py_raise_msg(&py_type_OverflowError, "math range error");
    return py_complex_new(creal(r), cimag(r));
}

#define CUNARY(name, fn)                                                                                     \
    static py_val_t c_##name(int argc, const py_val_t *argv, py_val_t kw) {                                  \
        double complex z = carg_val(argv[0]);                                                                \
        return cval(fn(z), z);                                                                               \
    }
CUNARY(exp, cexp)
CUNARY(sqrt, csqrt)
CUNARY(sin, csin)
CUNARY(cos, ccos)
CUNARY(tan, ctan)
CUNARY(asin, casin)
CUNARY(acos, cacos)
CUNARY(atan, catan)
CUNARY(sinh, csinh)
CUNARY(cosh, ccosh)
CUNARY(tanh, ctanh)
CUNARY(asinh, casinh)
CUNARY(acosh, cacosh)
CUNARY(atanh, catanh)

static double complex checked_log(double complex z) {
    if (creal(z) == 0 && cimag(z) == 0) py_raise_msg(&py_type_ValueError, "math domain error");
    return clog(z);
}

static py_val_t c_log(int argc, const py_val_t *argv, py_val_t kw) {
    double complex z = carg_val(argv[0]);
    double complex r = checked_log(z);
    if (argc > 1) {
        double complex b = checked_log(carg_val(argv[1]));
        if (b == 0) py_raise_msg(&py_type_ZeroDivisionError, "complex division by zero");
        r /= b;
    }
    return cval(r, z);
}

static py_val_t c_log10(int argc, const py_val_t *argv, py_val_t kw) {
    double complex z = carg_val(argv[0]);
    return cval(checked_log(z) / M_LN10, z);
}

static py_val_t c_phase(int argc, const py_val_t *argv, py_val_t kw) {
    return py_float(carg(carg_val(argv[0])));
}

static py_val_t c_polar(int argc, const py_val_t *argv, py_val_t kw) {
    double complex z = carg_val(argv[0]);
    double r = cabs(z);
    if (isinf(r) && c_isfinite(z)) py_raise_msg(&py_type_OverflowError, "absolute value too large");
    return py_tuple_pack(2, py_float(r), py_float(carg(z)));
}

static py_val_t c_rect(int argc, const py_val_t *argv, py_val_t kw) {
    double r = py_to_double(argv[0]), phi = py_to_double(argv[1]);
    if (!isfinite(phi) && !isnan(phi) && isfinite(r) && r != 0)
        py_raise_msg(&py_type_ValueError, "math domain error");
    if (phi == 0) return py_complex_new(r, r < 0 ? -phi : phi); /* avoid inf * 0 = nan */
    return py_complex_new(r * cos(phi), r * sin(phi));
}

static py_val_t c_isfinite_f(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(c_isfinite(carg_val(argv[0])));
}
static py_val_t c_isnan_f(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(c_isnan(carg_val(argv[0])));
}
static py_val_t c_isinf_f(int argc, const py_val_t *argv, py_val_t kw) {
    double complex z = carg_val(argv[0]);
    return py_bool(isinf(creal(z)) || isinf(cimag(z)));
}

static py_val_t c_isclose(int argc, const py_val_t *argv, py_val_t kwnames) {
    double complex a = carg_val(argv[0]), b = carg_val(argv[1]);
    double rel = py_to_double(py_kwarg(argc, argv, kwnames, "rel_tol", py_float(1e-9)));
    double abs_tol = py_to_double(py_kwarg(argc, argv, kwnames, "abs_tol", py_float(0.0)));
    if (rel < 0 || abs_tol < 0) py_raise_msg(&py_type_ValueError, "tolerances must be non-negative");
    if (a == b) return PY_TRUE;
    if (isinf(creal(a)) || isinf(cimag(a)) || isinf(creal(b)) || isinf(cimag(b))) return PY_FALSE;
    double d = cabs(a - b);
    return py_bool(d <= rel * cabs(b) || d <= rel * cabs(a) || d <= abs_tol);
}

static const py_method_def_t cmath_functions[] = {
    {"exp", c_exp, 1, 1, 0},
    {"sqrt", c_sqrt, 1, 1, 0},
    {"sin", c_sin, 1, 1, 0},
    {"cos", c_cos, 1, 1, 0},
    {"tan", c_tan, 1, 1, 0},
    {"asin", c_asin, 1, 1, 0},
    {"acos", c_acos, 1, 1, 0},
    {"atan", c_atan, 1, 1, 0},
    {"sinh", c_sinh, 1, 1, 0},
    {"cosh", c_cosh, 1, 1, 0},
    {"tanh", c_tanh, 1, 1, 0},
    {"asinh", c_asinh, 1, 1, 0},
    {"acosh", c_acosh, 1, 1, 0},
    {"atanh", c_atanh, 1, 1, 0},
    {"log", c_log, 1, 2, 0},
    {"log10", c_log10, 1, 1, 0},
    {"phase", c_phase, 1, 1, 0},
    {"polar", c_polar, 1, 1, 0},
    {"rect", c_rect, 2, 2, 0},
    {"isfinite", c_isfinite_f, 1, 1, 0},
    {"isnan", c_isnan_f, 1, 1, 0},
    {"isinf", c_isinf_f, 1, 1, 0},
    {"isclose", c_isclose, 2, 2, PY_MF_KW},
    PY_MF_END,
};

static void cmath_init(py_val_t module) {
    py_module_add(module, "pi", py_float(M_PI));
    py_module_add(module, "e", py_float(M_E));
    py_module_add(module, "tau", py_float(2 * M_PI));
    py_module_add(module, "inf", py_float(INFINITY));
    py_module_add(module, "nan", py_float(NAN));
    py_module_add(module, "infj", py_complex_new(0.0, INFINITY));
    py_module_add(module, "nanj", py_complex_new(0.0, NAN));
}

const py_module_def_t py_module_cmath = {"cmath", cmath_functions, cmath_init};
