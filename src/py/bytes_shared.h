/* bytes_shared.h: what obj_bytes.c, bytes_methods.c, obj_bytearray.c and
 * obj_memoryview.c share (nothing outside them includes it).
 *
 * bytes uses the py_str_t layout of obj.h (type pointer = &py_type_bytes,
 * data NUL-terminated, nchars == len).  bytearray has its own layout below;
 * its storage is a raw GC block that is never freed eagerly when it grows,
 * so a pointer taken from a buffer export stays readable (if stale) until the
 * collector finds nobody holds it.  A "kind" picks the result type of the
 * methods both types share: bytes methods return bytes, bytearray methods
 * return bytearray.
 */
#ifndef PY_BYTES_SHARED_H
#define PY_BYTES_SHARED_H

#include "objcore.h"
#include "runtime.h"

enum { PY_BK_NONE = -1, PY_BK_BYTES = 0, PY_BK_BYTEARRAY = 1 };

typedef struct {
    py_obj_t h;
    size_t len;
    size_t cap;
    uint8_t *data; /* raw payload of cap bytes, or NULL when cap == 0 */
} py_bytearray_t;

/* The bytes behind a bytes, bytearray or an instance of a subclass of
 * either: returns the kind, or PY_BK_NONE for anything else (memoryview
 * included: use py_bytes_arg for "any buffer"). */
static inline int py_bytes_view(py_val_t v, const uint8_t **p, size_t *n) {
    if (!py_is_obj(v)) return PY_BK_NONE;
    py_type_t *t = py_obj_type(v);
    if (t != &py_type_bytes && t != &py_type_bytearray) {
        if (!(t->flags & PY_TF_HEAP)) return PY_BK_NONE;
        if (t->flags & PY_TF_LAYOUT_NATIVE) {
            v = ((py_instance_t *)py_as_ptr(v))->native;
            if (!py_is_type(v, &py_type_bytes)) return PY_BK_NONE;
            t = &py_type_bytes;
        } else if (!py_is_subtype(t, &py_type_bytearray)) {
            return PY_BK_NONE;
        }
    }
    if (t == &py_type_bytes) {
        py_str_t *s = py_as_ptr(v);
        *p = (const uint8_t *)s->data;
        *n = s->len;
        return PY_BK_BYTES;
    }
    py_bytearray_t *b = py_as_ptr(v); /* bytearray or a subclass: same leading layout */
    *p = b->data;
    *n = b->len;
    return PY_BK_BYTEARRAY;
}

/* py_bytes_view for a method's or slot's self: TypeError if it is neither. */
int py_bytes_self(py_val_t v, const uint8_t **p, size_t *n);

/* Any bytes-like argument (bytes, bytearray, memoryview, array ...); raises
 * TypeError "a bytes-like object is required, not 'str'" otherwise. */
void py_bytes_arg(py_val_t v, const uint8_t **p, size_t *n);

/* New objects.  py_bytes_alloc returns the (zeroed) data of a new bytes of
 * length n; fill it before the object escapes. */
char *py_bytes_alloc(size_t n, py_val_t *out);
py_val_t py_bytearray_new(const void *data, size_t n);
py_bytearray_t *py_bytearray_alloc(size_t n); /* len n, zeroed */
py_val_t py_bytes_make(int kind, const void *data, size_t n);
uint8_t *py_bytes_make_uninit(int kind, size_t n, py_val_t *out);
/* bytearray storage: makes room for at least `need` bytes (amortised). */
void py_bytearray_reserve(py_bytearray_t *b, size_t need);
void py_bytearray_resize(py_bytearray_t *b, size_t n); /* new bytes zeroed */

/* b'...' text with CPython's quoting and escapes. */
void py_bytes_repr_data(py_sb_t *sb, const uint8_t *p, size_t n, bool escape_squote);
uint64_t py_bytes_hash_data(const uint8_t *p, size_t n);
int py_bytes_cmp_data(const uint8_t *a, size_t na, const uint8_t *b, size_t nb);

/* bytes(...) / bytearray(...) argument handling: a new object of `kind`. */
py_val_t py_bytes_construct(int kind, int argc, const py_val_t *argv, py_val_t kwnames);
/* A byte value 0..255 from an int-like; TypeError / ValueError otherwise. */
uint8_t py_bytes_byte_value(py_val_t v);
/* Index normalisation with the type's IndexError wording. */
size_t py_bytes_index(py_val_t key, size_t len, const char *errmsg);
/* True if key is usable as an integer index (int, bool, __index__). */
bool py_bytes_is_index(py_val_t key);

/* Codecs (utf-8, ascii, latin-1 and their aliases; errors strict, ignore,
 * replace, backslashreplace, xmlcharrefreplace).  `func` names the caller
 * in TypeErrors about the arguments; PY_NULL arguments take the defaults. */
enum { PY_ENC_UTF8, PY_ENC_ASCII, PY_ENC_LATIN1 };
enum { PY_ERR_STRICT, PY_ERR_IGNORE, PY_ERR_REPLACE, PY_ERR_BACKSLASH, PY_ERR_XMLREF, PY_ERR_UNKNOWN };
int py_bytes_encoding(py_val_t enc, const char *func); /* LookupError if unknown */
int py_bytes_errors(py_val_t errs, const char *func);
py_val_t py_bytes_encode(int kind, py_val_t str, py_val_t enc, py_val_t errs, const char *func);
py_val_t py_bytes_decode(const uint8_t *p, size_t n, py_val_t enc, py_val_t errs, const char *func);
/* Appends the ints of any iterable (ValueError/TypeError per item). */
void py_bytes_extend_iterable(py_bytearray_t *b, py_val_t src);
/* +, * and % of bytearray (not in place). */
py_val_t py_bytes_seq_binary_bytearray(py_binop_t op, py_val_t lhs, py_val_t rhs);

/* hex(sep, bytes_per_sep) of bytes, bytearray and memoryview: argv[0] is self. */
py_val_t py_bytes_hex(const uint8_t *p, size_t n, int argc, const py_val_t *argv, py_val_t kw);

/* The methods bytes and bytearray share (bytes_methods.c), as
 * X(name, min_args, max_args, flags) with counts including self. */
/* clang-format off */
#define PY_BYTES_COMMON_METHODS(X)                                                                  \
    X(capitalize, 1, 1, 0) X(center, 2, 3, 0) X(count, 2, 4, 0) X(decode, 1, 3, PY_MF_KW)          \
    X(endswith, 2, 4, 0) X(expandtabs, 1, 2, PY_MF_KW) X(find, 2, 4, 0)                             \
    X(fromhex, 2, 2, PY_MF_CLASS) X(hex, 1, 3, PY_MF_KW) X(index, 2, 4, 0) X(isalnum, 1, 1, 0)      \
    X(isalpha, 1, 1, 0) X(isascii, 1, 1, 0) X(isdigit, 1, 1, 0) X(islower, 1, 1, 0)                 \
    X(isspace, 1, 1, 0) X(istitle, 1, 1, 0) X(isupper, 1, 1, 0) X(join, 2, 2, 0) X(ljust, 2, 3, 0)  \
    X(lower, 1, 1, 0) X(lstrip, 1, 2, 0) X(maketrans, 2, 2, PY_MF_STATIC) X(partition, 2, 2, 0)     \
    X(removeprefix, 2, 2, 0) X(removesuffix, 2, 2, 0) X(replace, 3, 4, 0) X(rfind, 2, 4, 0)         \
    X(rindex, 2, 4, 0) X(rjust, 2, 3, 0) X(rpartition, 2, 2, 0) X(rsplit, 1, 3, PY_MF_KW)           \
    X(rstrip, 1, 2, 0) X(split, 1, 3, PY_MF_KW) X(splitlines, 1, 2, PY_MF_KW)                       \
    X(startswith, 2, 4, 0) X(strip, 1, 2, 0) X(swapcase, 1, 1, 0) X(title, 1, 1, 0)                 \
    X(translate, 2, 3, PY_MF_KW) X(upper, 1, 1, 0) X(zfill, 2, 2, 0)
/* clang-format on */

#define PY_BYTES_DECL_(name, lo, hi, fl) py_val_t py_bm_##name(int argc, const py_val_t *argv, py_val_t kw);
PY_BYTES_COMMON_METHODS(PY_BYTES_DECL_)
#undef PY_BYTES_DECL_
#define PY_BYTES_DEF_(name, lo, hi, fl) {#name, py_bm_##name, lo, hi, fl},

/* Dunders both types expose for explicit calls (bytes.__add__(a, b) ...). */
py_val_t py_bm_dunder_len(int argc, const py_val_t *argv, py_val_t kw);
py_val_t py_bm_dunder_getitem(int argc, const py_val_t *argv, py_val_t kw);
py_val_t py_bm_dunder_contains(int argc, const py_val_t *argv, py_val_t kw);
py_val_t py_bm_dunder_iter(int argc, const py_val_t *argv, py_val_t kw);
py_val_t py_bm_dunder_add(int argc, const py_val_t *argv, py_val_t kw);
py_val_t py_bm_dunder_mul(int argc, const py_val_t *argv, py_val_t kw);
py_val_t py_bm_dunder_mod(int argc, const py_val_t *argv, py_val_t kw);
py_val_t py_bm_dunder_repr(int argc, const py_val_t *argv, py_val_t kw);
py_val_t py_bm_dunder_eq(int argc, const py_val_t *argv, py_val_t kw);
py_val_t py_bm_dunder_ne(int argc, const py_val_t *argv, py_val_t kw);
py_val_t py_bm_dunder_lt(int argc, const py_val_t *argv, py_val_t kw);
py_val_t py_bm_dunder_le(int argc, const py_val_t *argv, py_val_t kw);
py_val_t py_bm_dunder_gt(int argc, const py_val_t *argv, py_val_t kw);
py_val_t py_bm_dunder_ge(int argc, const py_val_t *argv, py_val_t kw);

/* clang-format off */
#define PY_BYTES_DUNDER_DEFS                                                                        \
    {"__len__", py_bm_dunder_len, 1, 1, 0}, {"__getitem__", py_bm_dunder_getitem, 2, 2, 0},         \
    {"__contains__", py_bm_dunder_contains, 2, 2, 0}, {"__iter__", py_bm_dunder_iter, 1, 1, 0},     \
    {"__add__", py_bm_dunder_add, 2, 2, 0}, {"__mul__", py_bm_dunder_mul, 2, 2, 0},                 \
    {"__rmul__", py_bm_dunder_mul, 2, 2, 0}, {"__mod__", py_bm_dunder_mod, 2, 2, 0},                \
    {"__repr__", py_bm_dunder_repr, 1, 1, 0}, {"__str__", py_bm_dunder_repr, 1, 1, 0},              \
    {"__eq__", py_bm_dunder_eq, 2, 2, 0}, {"__ne__", py_bm_dunder_ne, 2, 2, 0},                     \
    {"__lt__", py_bm_dunder_lt, 2, 2, 0}, {"__le__", py_bm_dunder_le, 2, 2, 0},                     \
    {"__gt__", py_bm_dunder_gt, 2, 2, 0}, {"__ge__", py_bm_dunder_ge, 2, 2, 0}
/* clang-format on */

/* The slots behind those dunders, defined per type. */
py_val_t py_bytes_getitem_slot(py_val_t self, py_val_t key);
py_val_t py_bytearray_getitem_slot(py_val_t self, py_val_t key);
py_val_t py_bytes_iter_slot(py_val_t self); /* iterates bytes and bytearray alike */
py_val_t py_bytes_binary_slot(py_binop_t op, py_val_t lhs, py_val_t rhs);
py_val_t py_bytearray_binary_slot(py_binop_t op, py_val_t lhs, py_val_t rhs);
py_val_t py_bytes_compare_slot(py_cmpop_t op, py_val_t self, py_val_t other);
int py_bytes_contains_slot(py_val_t self, py_val_t item);
void py_bytes_print_slot(py_sb_t *sb, py_val_t self, int kind);
void py_bytearray_print_slot(py_sb_t *sb, py_val_t self, int kind);

#endif
