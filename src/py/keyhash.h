/* keyhash.h: key hashing and cheap key equality shared by the hash tables of
 * obj_dict.c and obj_set.c (and nobody else).
 *
 * py_key_hash is py_hash with the two commonest keys inlined (exact str:
 * the cached hash; small int: the value itself); it agrees with py_hash for
 * every value, so numerically equal keys (1, 1.0, True) collide as they must.
 * py_key_fast_eq decides equality of two distinct keys whose hashes are equal
 * without running Python code when it can (str, numbers, None), and answers
 * -1 when only py_eq (which may run __eq__) can tell.
 */
#ifndef PY_KEYHASH_H
#define PY_KEYHASH_H

#include "runtime.h"

static inline uint64_t py_key_hash(py_val_t k) {
    if (py_is_obj(k)) {
        py_str_t *s = py_as_ptr(k);
        if (s->h.type == &py_type_str) return s->hash ? s->hash : py_str_hash(k);
    } else if (py_is_small(k)) {
        int64_t i = py_as_small(k);
        return (uint64_t)(i == -1 ? -2 : i);
    }
    return (uint64_t)py_hash(k);
}

static inline bool py_key_imm_number(py_val_t v, double *out) {
    if (py_is_small(v))
        *out = (double)py_as_small(v); /* 48 bits: exact */
    else if (py_is_float(v))
        *out = py_as_float(v);
    else if (py_is_bool(v))
        *out = v == PY_TRUE;
    else
        return false;
    return true;
}

/* a != b, equal hashes: 1 equal, 0 different, -1 ask py_eq. */
static inline int py_key_fast_eq(py_val_t a, py_val_t b) {
    bool oa = py_is_obj(a), ob = py_is_obj(b);
    if (oa && ob) {
        if (py_obj_type(a) == &py_type_str && py_obj_type(b) == &py_type_str) return py_str_equal(a, b);
        return -1;
    }
    if (oa || ob) return py_obj_type(oa ? a : b) == &py_type_str ? 0 : -1;
    double x, y;
    if (!py_key_imm_number(a, &x) || !py_key_imm_number(b, &y)) return 0;
    return x == y;
}

#endif
