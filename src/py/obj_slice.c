/* obj_slice.c: the slice type, and py_slice_indices which every sequence uses.
 *
 * A slice holds its three fields as given (None for an omitted one); only
 * py_slice_indices interprets them, with CPython's rules: each bound may be
 * None, negative (counted from the end) or out of range (clamped), an int
 * too big for ssize_t is clamped too, and step 0 is a ValueError.  Results
 * always satisfy -1 <= start, stop <= len, so callers can walk
 * start, start+step, ... for the returned count without further checks.
 *
 * Slices compare like the tuple (start, stop, step) and are unhashable, as
 * in CPython 3.11.
 */
#include <string.h>

#include "runtime.h"

typedef struct {
    py_obj_t h;
    py_val_t start, stop, step;
} slice_t;

static slice_t *as_slice(py_val_t v) { return (slice_t *)py_as_ptr(v); }

py_val_t py_slice_new(py_val_t start, py_val_t stop, py_val_t step) {
    slice_t *s = py_gc_alloc(&py_type_slice, sizeof(slice_t));
    s->start = start;
    s->stop = stop;
    s->step = step;
    return py_obj(s);
}

/* ------------------------------------------------------------ indices */

static bool is_negative(py_val_t big) { return py_truthy(py_compare(PY_CMP_LT, big, py_small(0))); }

/* The value of an int-like slice field, clamped to int64; false when v is
 * neither an int nor has __index__. */
static bool clamped_index(py_val_t v, int64_t *out) {
    if (py_is_small(v)) {
        *out = py_as_small(v);
        return true;
    }
    if (py_is_bool(v)) {
        *out = v == PY_TRUE;
        return true;
    }
    if (!py_is_int(v)) {
        if (py_is_float(v) || !py_is_obj(v)) return false;
        py_val_t f = py_type_lookup(py_type_of(v), PYN(__index__));
        if (py_is_null(f)) return false;
        v = py_call1(f, v);
        if (!py_is_int(v))
            py_raise_msg(&py_type_TypeError, "__index__ returned non-int (type %s)", py_type_name(v));
    }
    if (py_int_fits_i64(v))
        *out = py_to_i64(v);
    else
        *out = is_negative(v) ? INT64_MIN : INT64_MAX;
    return true;
}

static int64_t field(py_val_t v) {
    int64_t i;
    if (!clamped_index(v, &i))
        py_raise_msg(&py_type_TypeError,
                     "slice indices must be integers or None or have an __index__ method");
    return i;
}

/* A bound resolved against len: negative counts from the end; the result is
 * clamped to [-1, len-1] for a negative step and [0, len] otherwise. */
static int64_t resolve_bound(int64_t i, int64_t len, bool neg_step) {
    if (i < 0) {
        i += len;
        if (i < 0) i = neg_step ? -1 : 0;
    } else if (i >= len) {
        i = neg_step ? len - 1 : len;
    }
    return i;
}

size_t py_slice_indices(py_val_t slice, size_t len, ssize_t *start_out, ssize_t *stop_out,
                        ssize_t *step_out) {
    slice_t *s = as_slice(slice);
    int64_t n = len > (size_t)INT64_MAX ? INT64_MAX : (int64_t)len;
    int64_t step = 1;
    if (!py_is_none(s->step)) {
        step = field(s->step);
        if (step == 0) py_raise_msg(&py_type_ValueError, "slice step cannot be zero");
        if (step < -INT64_MAX) step = -INT64_MAX; /* so that -step is representable */
    }
    bool neg = step < 0;
    int64_t start = py_is_none(s->start) ? (neg ? n - 1 : 0) : resolve_bound(field(s->start), n, neg);
    int64_t stop = py_is_none(s->stop) ? (neg ? -1 : n) : resolve_bound(field(s->stop), n, neg);
    *start_out = (ssize_t)start;
    *stop_out = (ssize_t)stop;
    *step_out = (ssize_t)step;
    /* start and stop lie in [-1, len], so these differences cannot overflow */
    if (neg) return stop < start ? (size_t)((uint64_t)(start - stop - 1) / (uint64_t)(-step) + 1) : 0;
    return start < stop ? (size_t)((uint64_t)(stop - start - 1) / (uint64_t)step + 1) : 0;
}

/* ------------------------------------------------------------ the type */

static py_val_t slice_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_is_null(kw) && py_as_tuple(kw)->len)
        py_raise_msg(&py_type_TypeError, "slice() takes no keyword arguments");
    if (argc < 1) py_raise_msg(&py_type_TypeError, "slice expected at least 1 argument, got %d", argc);
    if (argc > 3) py_raise_msg(&py_type_TypeError, "slice expected at most 3 arguments, got %d", argc);
    if (argc == 1) return py_slice_new(PY_NONE, argv[0], PY_NONE);
    return py_slice_new(argv[0], argv[1], argc == 3 ? argv[2] : PY_NONE);
}

static void slice_print(py_sb_t *sb, py_val_t self, int kind) {
    slice_t *s = as_slice(self);
    py_sb_adds(sb, "slice(");
    py_print_to(sb, s->start, PY_PRINT_REPR);
    py_sb_adds(sb, ", ");
    py_print_to(sb, s->stop, PY_PRINT_REPR);
    py_sb_adds(sb, ", ");
    py_print_to(sb, s->step, PY_PRINT_REPR);
    py_sb_addc(sb, ')');
}

static py_val_t as_tuple3(slice_t *s) { return py_tuple_pack(3, s->start, s->stop, s->step); }

static py_val_t slice_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    if (!py_is_type(other, &py_type_slice)) return PY_NULL;
    slice_t *a = as_slice(self), *b = as_slice(other);
    if (op == PY_CMP_EQ || op == PY_CMP_NE) {
        bool eq = self == other ||
                  (py_eq(a->start, b->start) && py_eq(a->stop, b->stop) && py_eq(a->step, b->step));
        return py_bool(op == PY_CMP_EQ ? eq : !eq);
    }
    return py_compare(op, as_tuple3(a), as_tuple3(b));
}

static py_val_t slice_unary(py_unop_t op, py_val_t v) {
    if (op == PY_UNARY_HASH) py_raise_msg(&py_type_TypeError, "unhashable type: 'slice'");
    return PY_NULL;
}

static py_val_t slice_getattr(py_val_t self, py_val_t name) {
    slice_t *s = as_slice(self);
    const char *n = py_str_data(name);
    if (!strcmp(n, "start")) return s->start;
    if (!strcmp(n, "stop")) return s->stop;
    if (!strcmp(n, "step")) return s->step;
    return PY_NULL;
}

static py_val_t m_indices(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t lv = argv[1];
    if (!py_is_int(lv) &&
        py_is_null(py_is_obj(lv) ? py_type_lookup(py_type_of(lv), PYN(__index__)) : PY_NULL))
        py_raise_msg(&py_type_TypeError, "'%s' object cannot be interpreted as an integer", py_type_name(lv));
    int64_t len = py_to_i64(lv);
    if (len < 0) py_raise_msg(&py_type_ValueError, "length should not be negative");
    ssize_t start, stop, step;
    py_slice_indices(argv[0], (size_t)len, &start, &stop, &step);
    return py_tuple_pack(3, py_int_from_i64(start), py_int_from_i64(stop), py_int_from_i64(step));
}

static void slice_trace(py_obj_t *o) {
    slice_t *s = (slice_t *)o;
    py_gc_mark(s->start);
    py_gc_mark(s->stop);
    py_gc_mark(s->step);
}

static py_val_t m_repr(int argc, const py_val_t *argv, py_val_t kw) { return py_repr(argv[0]); }
static py_val_t cmp_method(py_cmpop_t op, const py_val_t *argv) {
    py_val_t r = slice_compare(op, argv[0], argv[1]);
    return py_is_null(r) ? PY_NOTIMPLEMENTED : r;
}
static py_val_t m_eq(int argc, const py_val_t *argv, py_val_t kw) { return cmp_method(PY_CMP_EQ, argv); }
static py_val_t m_ne(int argc, const py_val_t *argv, py_val_t kw) { return cmp_method(PY_CMP_NE, argv); }

static const py_method_def_t slice_methods[] = {
    {"indices", m_indices, 2, 2, 0},
    {"__repr__", m_repr, 1, 1, 0},
    {"__eq__", m_eq, 2, 2, 0},
    {"__ne__", m_ne, 2, 2, 0},
    PY_MF_END,
};

py_type_t py_type_slice = {
    .h = {&py_type_type},
    .name = "slice",
    .base = &py_type_object,
    .instance_size = sizeof(slice_t),
    .methods = slice_methods,
    .make_new = slice_make_new,
    .print = slice_print,
    .unary = slice_unary,
    .compare = slice_compare,
    .getattr = slice_getattr,
    .trace = slice_trace,
};
