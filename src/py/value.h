/* value.h: the one place that knows how a Python value is encoded.
 *
 * On 64-bit hosts a value is a NaN-boxed 64-bit word:
 *   - any double whose bit pattern is below PY_TAG_MIN is a float, stored as is;
 *   - tag 0xFFF9: a small int, 48-bit two's complement in the low bits;
 *   - tag 0xFFFA: a pointer to a heap or static object (48-bit address);
 *   - tag 0xFFFB: an immediate constant (None, False, True, the internal NULL).
 * Floats and small ints never touch the heap, which is what makes arithmetic
 * loops fast.  Every NaN that enters the system goes through py_float() and is
 * canonicalised, so no float can ever be mistaken for a tagged value.
 *
 * Everything outside this header uses only the macros and inline functions
 * below, so a 32-bit build (boxed floats, pointer tagging in the low bits) can
 * replace this file without touching the rest.
 */
#ifndef PY_VALUE_H
#define PY_VALUE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef uint64_t py_val_t;

#define PY_TAG_MIN 0xFFF9000000000000ull
#define PY_TAG_INT 0xFFF9000000000000ull
#define PY_TAG_OBJ 0xFFFA000000000000ull
#define PY_TAG_CONST 0xFFFB000000000000ull
#define PY_TAG_MASK 0xFFFF000000000000ull
#define PY_PAYLOAD_MASK 0x0000FFFFFFFFFFFFull

/* Immediate constants.  PY_NULL is never visible to Python code: it means
 * "no value" (unbound local, empty slot, end of iteration, not supported). */
#define PY_NONE (PY_TAG_CONST | 0)
#define PY_FALSE (PY_TAG_CONST | 2)
#define PY_TRUE (PY_TAG_CONST | 3)
#define PY_NULL (PY_TAG_CONST | 4)

/* Small ints: [PY_SMALL_MIN, PY_SMALL_MAX]; anything wider is a big int object. */
#define PY_SMALL_MAX ((int64_t)0x00007FFFFFFFFFFFll)
#define PY_SMALL_MIN (-PY_SMALL_MAX - 1)

static inline bool py_is_float(py_val_t v) { return v < PY_TAG_MIN; }
static inline bool py_is_small(py_val_t v) { return (v & PY_TAG_MASK) == PY_TAG_INT; }
static inline bool py_is_obj(py_val_t v) { return (v & PY_TAG_MASK) == PY_TAG_OBJ; }
static inline bool py_is_none(py_val_t v) { return v == PY_NONE; }
static inline bool py_is_null(py_val_t v) { return v == PY_NULL; }
static inline bool py_is_bool(py_val_t v) { return (v | 1) == PY_TRUE; }

static inline double py_as_float(py_val_t v) {
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}
static inline py_val_t py_float(double d) {
    py_val_t v;
    if (d != d) return 0x7FF8000000000000ull | ((uint64_t)(__builtin_signbit(d) != 0) << 63);
    memcpy(&v, &d, sizeof v);
    return v;
}

static inline int64_t py_as_small(py_val_t v) { return (int64_t)(v << 16) >> 16; }
/* Caller guarantees PY_SMALL_MIN <= i <= PY_SMALL_MAX (see py_int_from_i64 for the checked form). */
static inline py_val_t py_small(int64_t i) { return PY_TAG_INT | ((uint64_t)i & PY_PAYLOAD_MASK); }
static inline bool py_fits_small(int64_t i) { return i >= PY_SMALL_MIN && i <= PY_SMALL_MAX; }

static inline void *py_as_ptr(py_val_t v) { return (void *)(uintptr_t)(v & PY_PAYLOAD_MASK); }
static inline py_val_t py_obj(const void *p) { return PY_TAG_OBJ | (uint64_t)(uintptr_t)p; }

static inline py_val_t py_bool(bool b) { return b ? PY_TRUE : PY_FALSE; }

#endif
