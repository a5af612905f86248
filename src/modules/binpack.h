/* binpack.h: helpers shared by the binary-data modules (struct, array,
 * binascii, hashlib): fixed-width integer and float encoding, int range
 * classification and module-level exception classes.
 *
 * Everything here is static inline so each module stays one .c file.
 * Integers are classified once (fits int64 / fits uint64 only / wider) and
 * each module then words its own range errors, because CPython's messages
 * differ per module and per format code.
 */
#ifndef MOD_BINPACK_H
#define MOD_BINPACK_H

#include <math.h>
#include <string.h>

#include "py/objcore.h" /* py_unwrap_native, for instances of bytes/str subclasses */
#include "py/runtime.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define MOD_HOST_BIG 1
#else
#define MOD_HOST_BIG 0
#endif

/* Result of mod_int_classify. */
enum {
    MOD_INT_I64,     /* *i holds the value */
    MOD_INT_U64,     /* 2**63 <= value < 2**64; *i holds its bits */
    MOD_INT_HUGE,    /* >= 2**64 */
    MOD_INT_NEGHUGE, /* < -2**63 */
    MOD_INT_NOTINT,  /* not an int and no __index__ */
};

/* Classifies an int (or an object with __index__) without raising for size. */
static inline int mod_int_classify(py_val_t v, int64_t *i) {
    *i = 0;
    if (py_is_small(v)) {
        *i = py_as_small(v);
        return MOD_INT_I64;
    }
    if (py_is_float(v)) return MOD_INT_NOTINT;
    if (!py_is_int(v)) {
        if (!py_is_obj(v) || py_is_null(py_type_lookup(py_type_of(v), PYN(__index__)))) return MOD_INT_NOTINT;
        v = py_call_method(v, PYN(__index__), 0, NULL);
        if (!py_is_int(v))
            py_raise_msg(&py_type_TypeError, "__index__ returned non-int (type %s)", py_type_name(v));
    }
    if (py_int_fits_i64(v)) {
        *i = py_to_i64(v);
        return MOD_INT_I64;
    }
    if (py_compare(PY_CMP_LT, v, py_small(0)) == PY_TRUE) return MOD_INT_NEGHUGE;
    py_val_t hi = py_binary(PY_OP_RSHIFT, v, py_small(32));
    if (!py_int_fits_i64(hi)) return MOD_INT_HUGE;
    int64_t h = py_to_i64(hi);
    if (h > 0xFFFFFFFFll) return MOD_INT_HUGE;
    int64_t lo = py_to_i64(py_binary(PY_OP_AND, v, py_small(0xFFFFFFFFll)));
    *i = (int64_t)(((uint64_t)h << 32) | (uint64_t)lo);
    return MOD_INT_U64;
}

/* Stores the low `size` bytes of u (1, 2, 4 or 8) in the given byte order. */
static inline void mod_put_uint(uint8_t *p, uint64_t u, int size, bool big) {
    if (big != MOD_HOST_BIG) {
        switch (size) {
        case 2:
            u = __builtin_bswap16((uint16_t)u);
            break;
        case 4:
            u = __builtin_bswap32((uint32_t)u);
            break;
        case 8:
            u = __builtin_bswap64(u);
            break;
        default:
            break;
        }
    }
    switch (size) {
    case 1:
        *p = (uint8_t)u;
        break;
    case 2: {
        uint16_t x = (uint16_t)u;
        memcpy(p, &x, 2);
        break;
    }
    case 4: {
        uint32_t x = (uint32_t)u;
        memcpy(p, &x, 4);
        break;
    }
    default:
        memcpy(p, &u, 8);
        break;
    }
}

static inline uint64_t mod_get_uint(const uint8_t *p, int size, bool big) {
    uint64_t u;
    switch (size) {
    case 1:
        return *p;
    case 2: {
        uint16_t x;
        memcpy(&x, p, 2);
        u = big != MOD_HOST_BIG ? __builtin_bswap16(x) : x;
        break;
    }
    case 4: {
        uint32_t x;
        memcpy(&x, p, 4);
        u = big != MOD_HOST_BIG ? __builtin_bswap32(x) : x;
        break;
    }
    default:
        memcpy(&u, p, 8);
        if (big != MOD_HOST_BIG) u = __builtin_bswap64(u);
        break;
    }
    return u;
}

static inline int64_t mod_sign_extend(uint64_t u, int size) {
    if (size >= 8) return (int64_t)u;
    int sh = 64 - size * 8;
    return (int64_t)(u << sh) >> sh;
}

/* IEEE 754 binary16: returns false when x is too large for the format. */
static inline bool mod_half_from_double(double x, uint16_t *out) {
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    double a = fabs(x);
    if (isnan(x)) {
        *out = sign | 0x7e00;
        return true;
    }
    if (isinf(x)) {
        *out = sign | 0x7c00;
        return true;
    }
    if (a < 6.103515625e-05) { /* below 2**-14: subnormal, in units of 2**-24 (1024 rounds up to the smallest
                                  normal) */
        *out = sign | (uint16_t)rint(a * 16777216.0);
        return true;
    }
    int e;
    double m = frexp(a, &e);               /* a = m * 2**e, 0.5 <= m < 1 */
    e -= 1;                                /* a = (2m) * 2**e, 1 <= 2m < 2 */
    double f = rint((2 * m - 1) * 1024.0); /* exact scaling; rint rounds half to even */
    if (f >= 1024) {
        f = 0;
        e++;
    }
    if (e > 15) return false;
    *out = sign | (uint16_t)((e + 15) << 10) | (uint16_t)f;
    return true;
}

static inline double mod_half_to_double(uint16_t h) {
    int e = (h >> 10) & 0x1f, f = h & 0x3ff;
    double r;
    if (e == 0)
        r = ldexp((double)f, -24);
    else if (e == 31)
        r = f ? NAN : INFINITY;
    else
        r = ldexp((double)(f + 1024), e - 25);
    return (h & 0x8000) ? -r : r;
}

/* A new exception class `module.name` deriving from base, kept alive by *slot
 * (registered as a GC root) and added to the module. */
static inline void mod_new_exception(py_val_t module, const char *modname, const char *name, py_type_t *base,
                                     py_val_t *slot) {
    py_val_t dict = py_dict_new();
    py_dict_set(dict, PYN(__module__), py_str_from_cstr(modname));
    py_dict_set(dict, PYN(__qualname__), py_str_from_cstr(name));
    py_val_t b = py_obj(base);
    py_val_t cls = py_type_new_class(py_str_from_cstr(name), py_tuple_from_array(1, &b), dict, PY_NULL);
    if (py_is_null(*slot)) py_gc_add_root(slot);
    *slot = cls;
    py_module_add(module, name, cls);
}

/* Rejects keyword arguments other than the names listed (NULL-terminated). */
static inline void mod_check_kw(const char *func, py_val_t kwnames, const char *const *allowed) {
    if (py_is_null(kwnames)) return;
    py_tuple_t *k = py_as_tuple(kwnames);
    for (size_t i = 0; i < k->len; i++) {
        const char *n = py_str_data(k->items[i]);
        bool ok = false;
        for (const char *const *a = allowed; *a; a++)
            if (!strcmp(*a, n)) ok = true;
        if (!ok) py_raise_msg(&py_type_TypeError, "%s() got an unexpected keyword argument '%s'", func, n);
    }
}

#endif
