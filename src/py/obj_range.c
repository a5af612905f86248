/* obj_range.c: the range type and its iterator.
 *
 * A range keeps start, stop and step as given (its attributes and repr show
 * them) plus its length, computed once.  Bounds are int64: a bigger int
 * argument raises OverflowError through py_to_i64.
 *
 * Invariants: step != 0; len is the exact item count; item i is
 * start + i * step.  That sum can leave int64 only in intermediate
 * steps, never in a result (every item lies between start and stop), so it
 * is computed in uint64 arithmetic, which wraps instead of overflowing (no
 * undefined behaviour, and the final conversion back to int64 is exact).
 *
 * The iterator is the hot path of every `for i in range(n)`: it holds the
 * next value, the step and the count left, and produces a small int with
 * no allocation.  reversed(range) is the same iterator run backwards.
 */
#include <inttypes.h>
#include <string.h>

#include "iterobj.h"
#include "runtime.h"

typedef struct {
    py_obj_t h;
    int64_t start, stop, step;
    uint64_t len;
} range_t;

typedef struct {
    py_obj_t h;
    int64_t cur;   /* next value to produce */
    uint64_t step; /* the step as two's complement, so adding it wraps */
    uint64_t left; /* values still to produce */
} range_iter_t;

static py_type_t range_iter_type;

static inline py_val_t int_val(int64_t i) { return py_fits_small(i) ? py_small(i) : py_int_from_i64(i); }

static uint64_t count_items(int64_t start, int64_t stop, int64_t step) {
    if (step > 0) return start < stop ? ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1 : 0;
    return start > stop ? ((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1 : 0;
}

/* Item i of the range, i possibly one past either end (slicing needs that). */
static inline int64_t item_at(const range_t *r, int64_t i) {
    return (int64_t)((uint64_t)r->start + (uint64_t)i * (uint64_t)r->step);
}

static range_t *as_range(py_val_t v) { return (range_t *)py_as_ptr(v); }

static py_val_t range_make(int64_t start, int64_t stop, int64_t step) {
    range_t *r = py_gc_alloc(&py_type_range, sizeof(range_t));
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = count_items(start, stop, step);
    return py_obj(r);
}

py_val_t py_range_new(int64_t start, int64_t stop, int64_t step) {
    if (step == 0) py_raise_msg(&py_type_ValueError, "range() arg 3 must not be zero");
    return range_make(start, stop, step);
}

static inline int64_t arg_i64(py_val_t v) { return py_is_small(v) ? py_as_small(v) : py_to_i64(v); }

static py_val_t range_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_is_null(kw) && py_as_tuple(kw)->len)
        py_raise_msg(&py_type_TypeError, "range() takes no keyword arguments");
    if (argc < 1) py_raise_msg(&py_type_TypeError, "range expected at least 1 argument, got %d", argc);
    if (argc > 3) py_raise_msg(&py_type_TypeError, "range expected at most 3 arguments, got %d", argc);
    if (argc == 1) return range_make(0, arg_i64(argv[0]), 1);
    int64_t start = arg_i64(argv[0]), stop = arg_i64(argv[1]);
    int64_t step = argc == 3 ? arg_i64(argv[2]) : 1;
    return py_range_new(start, stop, step);
}

/* ------------------------------------------------------------ membership */

/* Whether the int x is in r, and at which position. */
static bool int_position(const range_t *r, int64_t x, uint64_t *pos) {
    uint64_t off, step;
    if (r->step > 0) {
        if (x < r->start || x >= r->stop) return false;
        off = (uint64_t)x - (uint64_t)r->start;
        step = (uint64_t)r->step;
    } else {
        if (x > r->start || x <= r->stop) return false;
        off = (uint64_t)r->start - (uint64_t)x;
        step = 0 - (uint64_t)r->step;
    }
    if (off % step) return false;
    *pos = off / step;
    return true;
}

enum { FIND_NO, FIND_YES, FIND_SLOW };

/* Membership by arithmetic for exact ints, bools and floats (a float equal
 * to an int64 is looked up as that int; NaN, inf and fractions are never in
 * a range).  Anything else, int subclasses included (they may redefine
 * __eq__), needs the item-by-item comparison: FIND_SLOW. */
static int find(const range_t *r, py_val_t v, uint64_t *pos) {
    int64_t x;
    if (py_is_small(v)) {
        x = py_as_small(v);
    } else if (py_is_bool(v)) {
        x = v == PY_TRUE;
    } else if (py_is_float(v)) {
        double d = py_as_float(v);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return FIND_NO; /* NaN too */
        x = (int64_t)d;
        if ((double)x != d) return FIND_NO;
    } else if (py_is_type(v, &py_type_int)) {
        if (!py_int_fits_i64(v)) return FIND_NO; /* every item fits int64 */
        x = py_to_i64(v);
    } else {
        return FIND_SLOW;
    }
    return int_position(r, x, pos) ? FIND_YES : FIND_NO;
}

static int range_contains(py_val_t self, py_val_t item) {
    range_t *r = as_range(self);
    uint64_t pos;
    int k = find(r, item, &pos);
    if (k != FIND_SLOW) return k == FIND_YES;
    for (uint64_t i = 0; i < r->len; i++)
        if (py_eq(int_val(item_at(r, (int64_t)i)), item)) return 1;
    return 0;
}

static py_val_t m_count(int argc, const py_val_t *argv, py_val_t kw) {
    range_t *r = as_range(argv[0]);
    uint64_t pos;
    int k = find(r, argv[1], &pos);
    if (k != FIND_SLOW) return py_small(k == FIND_YES);
    int64_t n = 0;
    for (uint64_t i = 0; i < r->len; i++)
        if (py_eq(int_val(item_at(r, (int64_t)i)), argv[1])) n++;
    return py_small(n);
}

static py_val_t m_index(int argc, const py_val_t *argv, py_val_t kw) {
    range_t *r = as_range(argv[0]);
    py_val_t v = argv[1];
    uint64_t pos;
    int k = find(r, v, &pos);
    if (k == FIND_YES) return py_int_from_u64(pos);
    if (k == FIND_NO && !py_is_float(v)) { /* CPython's float search ends with the generic message */
        py_val_t s = py_repr(v);
        py_raise_msg(&py_type_ValueError, "%s is not in range", py_str_data(s));
    }
    if (k == FIND_SLOW)
        for (uint64_t i = 0; i < r->len; i++)
            if (py_eq(int_val(item_at(r, (int64_t)i)), v)) return py_int_from_u64(i);
    py_raise_msg(&py_type_ValueError, "sequence.index(x): x not in sequence");
}

/* ------------------------------------------------------------ items */

static py_val_t range_slice(range_t *r, py_val_t key) {
    if (r->len > (uint64_t)INT64_MAX)
        py_raise_msg(&py_type_OverflowError, "Python int too large to convert to C ssize_t");
    ssize_t start, stop, step;
    py_slice_indices(key, (size_t)r->len, &start, &stop, &step);
    int64_t nstep;
    if (__builtin_mul_overflow(r->step, (int64_t)step, &nstep))
        py_raise_msg(&py_type_OverflowError, "range slice step too large");
    return range_make(item_at(r, start), item_at(r, stop), nstep);
}

static py_val_t range_getitem(py_val_t self, py_val_t key) {
    range_t *r = as_range(self);
    if (py_is_small(key)) {
        int64_t i = py_as_small(key);
        uint64_t u = i < 0 ? r->len - (0 - (uint64_t)i) : (uint64_t)i; /* wraps above len when too negative */
        if (u < r->len) return int_val(item_at(r, (int64_t)u));
        py_raise_msg(&py_type_IndexError, "range object index out of range");
    }
    if (py_is_type(key, &py_type_slice)) return range_slice(r, key);
    /* bools, big ints, __index__ objects; TypeError "range indices must be ..." */
    size_t len = r->len > (uint64_t)INT64_MAX ? (size_t)INT64_MAX : (size_t)r->len;
    return int_val(item_at(r, (int64_t)py_index_check(key, len, "range object")));
}

/* ------------------------------------------------------------ slots */

static void range_print(py_sb_t *sb, py_val_t self, int kind) {
    range_t *r = as_range(self);
    if (r->step == 1)
        py_sb_printf(sb, "range(%" PRId64 ", %" PRId64 ")", r->start, r->stop);
    else
        py_sb_printf(sb, "range(%" PRId64 ", %" PRId64 ", %" PRId64 ")", r->start, r->stop, r->step);
}

/* Ranges are equal when they produce the same items: start matters only
 * when there is an item, step only when there are two. */
static bool range_same(const range_t *a, const range_t *b) {
    if (a->len != b->len) return false;
    if (a->len == 0) return true;
    if (a->start != b->start) return false;
    return a->len == 1 || a->step == b->step;
}

static py_val_t range_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    if ((op != PY_CMP_EQ && op != PY_CMP_NE) || !py_is_type(other, &py_type_range)) return PY_NULL;
    bool eq = self == other || range_same(as_range(self), as_range(other));
    return py_bool(op == PY_CMP_EQ ? eq : !eq);
}

static py_val_t range_unary(py_unop_t op, py_val_t v) {
    range_t *r = as_range(v);
    switch (op) {
    case PY_UNARY_BOOL:
        return py_bool(r->len != 0);
    case PY_UNARY_LEN:
        if (r->len > (uint64_t)INT64_MAX)
            py_raise_msg(&py_type_OverflowError, "Python int too large to convert to C ssize_t");
        return int_val((int64_t)r->len);
    case PY_UNARY_HASH: {
        /* consistent with range_same: hash only what equality looks at */
        uint64_t h = r->len * 0x9E3779B97F4A7C15ull;
        if (r->len) h = (h ^ (uint64_t)r->start) * 0xC2B2AE3D27D4EB4Full;
        if (r->len > 1) h = (h ^ (uint64_t)r->step) * 0x165667B19E3779F9ull;
        return py_hash_value((int64_t)(h >> 1));
    }
    default:
        return PY_NULL;
    }
}

static py_val_t range_getattr(py_val_t self, py_val_t name) {
    range_t *r = as_range(self);
    const char *n = py_str_data(name);
    if (!strcmp(n, "start")) return int_val(r->start);
    if (!strcmp(n, "stop")) return int_val(r->stop);
    if (!strcmp(n, "step")) return int_val(r->step);
    return PY_NULL;
}

static py_val_t iter_new(int64_t first, uint64_t step, uint64_t count) {
    range_iter_t *it = py_gc_alloc(&range_iter_type, sizeof(range_iter_t));
    it->cur = first;
    it->step = step;
    it->left = count;
    return py_obj(it);
}

static py_val_t range_iter(py_val_t self) {
    range_t *r = as_range(self);
    return iter_new(r->start, (uint64_t)r->step, r->len);
}

py_val_t py_range_reversed(py_val_t self) {
    range_t *r = as_range(self);
    if (r->len == 0) return iter_new(0, 1, 0);
    return iter_new(item_at(r, (int64_t)(r->len - 1)), 0 - (uint64_t)r->step, r->len);
}

/* The slots as dunder methods, for explicit calls and hasattr(). */
static py_val_t m_reversed(int argc, const py_val_t *argv, py_val_t kw) { return py_range_reversed(argv[0]); }
static py_val_t m_len(int argc, const py_val_t *argv, py_val_t kw) {
    return range_unary(PY_UNARY_LEN, argv[0]);
}
static py_val_t m_bool(int argc, const py_val_t *argv, py_val_t kw) {
    return range_unary(PY_UNARY_BOOL, argv[0]);
}
static py_val_t m_hash(int argc, const py_val_t *argv, py_val_t kw) {
    return range_unary(PY_UNARY_HASH, argv[0]);
}
static py_val_t m_getitem(int argc, const py_val_t *argv, py_val_t kw) {
    return range_getitem(argv[0], argv[1]);
}
static py_val_t m_iter(int argc, const py_val_t *argv, py_val_t kw) { return range_iter(argv[0]); }
static py_val_t m_repr(int argc, const py_val_t *argv, py_val_t kw) { return py_repr(argv[0]); }
static py_val_t m_contains(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(range_contains(argv[0], argv[1]));
}
static py_val_t cmp_method(py_cmpop_t op, const py_val_t *argv) {
    py_val_t r = range_compare(op, argv[0], argv[1]);
    return py_is_null(r) ? PY_NOTIMPLEMENTED : r;
}
static py_val_t m_eq(int argc, const py_val_t *argv, py_val_t kw) { return cmp_method(PY_CMP_EQ, argv); }
static py_val_t m_ne(int argc, const py_val_t *argv, py_val_t kw) { return cmp_method(PY_CMP_NE, argv); }

static const py_method_def_t range_methods[] = {
    {"count", m_count, 2, 2, 0},
    {"index", m_index, 2, 2, 0},
    {"__reversed__", m_reversed, 1, 1, 0},
    {"__len__", m_len, 1, 1, 0},
    {"__bool__", m_bool, 1, 1, 0},
    {"__hash__", m_hash, 1, 1, 0},
    {"__getitem__", m_getitem, 2, 2, 0},
    {"__contains__", m_contains, 2, 2, 0},
    {"__iter__", m_iter, 1, 1, 0},
    {"__repr__", m_repr, 1, 1, 0},
    {"__eq__", m_eq, 2, 2, 0},
    {"__ne__", m_ne, 2, 2, 0},
    PY_MF_END,
};

py_type_t py_type_range = {
    .h = {&py_type_type},
    .name = "range",
    .base = &py_type_object,
    .instance_size = sizeof(range_t),
    .methods = range_methods,
    .make_new = range_make_new,
    .print = range_print,
    .unary = range_unary,
    .compare = range_compare,
    .getattr = range_getattr,
    .getitem = range_getitem,
    .iter = range_iter,
    .contains = range_contains,
};

/* ------------------------------------------------------------ iterator */

static py_val_t range_iter_next(py_val_t self) {
    range_iter_t *it = py_as_ptr(self);
    if (it->left == 0) return PY_NULL;
    int64_t v = it->cur;
    it->left--;
    it->cur = (int64_t)((uint64_t)v + it->step);
    return py_fits_small(v) ? py_small(v) : py_int_from_i64(v);
}

static py_val_t iter_self(py_val_t self) { return self; }

static py_val_t m_iter_iter(int argc, const py_val_t *argv, py_val_t kw) { return argv[0]; }

static py_val_t m_iter_next(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t v = range_iter_next(argv[0]);
    if (py_is_null(v)) py_raise(py_obj(&py_type_StopIteration));
    return v;
}

static py_val_t m_iter_length_hint(int argc, const py_val_t *argv, py_val_t kw) {
    range_iter_t *it = py_as_ptr(argv[0]);
    return py_int_from_u64(it->left);
}

static const py_method_def_t range_iter_methods[] = {
    {"__iter__", m_iter_iter, 1, 1, 0},
    {"__next__", m_iter_next, 1, 1, 0},
    {"__length_hint__", m_iter_length_hint, 1, 1, 0},
    PY_MF_END,
};

static py_type_t range_iter_type = {
    .h = {&py_type_type},
    .name = "range_iterator",
    .base = &py_type_object,
    .instance_size = sizeof(range_iter_t),
    .methods = range_iter_methods,
    .iter = iter_self,
    .iternext = range_iter_next,
};
