/* obj_tuple.c: the tuple type and its iterator.
 *
 * A tuple is one block: header, length, then the items inline (obj.h), so
 * creating one is a single allocation and indexing is one load.  Tuples are
 * immutable once exposed to Python code; C code fills a fresh py_tuple_new
 * before handing it out.  The empty tuple is a static singleton, which is
 * why nothing may ever write into a tuple of length 0.
 *
 * Instances of classes derived from tuple are py_instance_t wrappers whose
 * `native` holds a real tuple (PY_TF_LAYOUT_NATIVE): the generic slots and
 * bound methods pass the unwrapped tuple here as self, and operands are
 * unwrapped with py_seq_as_tuple (seq.h).
 *
 * The hash mixes the items' hashes with an xxHash-style lane round (as
 * CPython does), so equal tuples hash equal and (1,) and (1.0,) agree
 * because 1 and 1.0 do.
 */
#include <stdarg.h>
#include <string.h>

#include "seq.h"
#include "slot_dunders.h"

static py_tuple_t empty_tuple = {{&py_type_tuple}, 0};

py_val_t py_tuple_new(size_t n) {
    if (n == 0) return py_obj(&empty_tuple);
    if (n > (SIZE_MAX - sizeof(py_tuple_t)) / (2 * sizeof(py_val_t))) py_raise_no_memory();
    py_tuple_t *t = py_gc_alloc(&py_type_tuple, sizeof(py_tuple_t) + n * sizeof(py_val_t));
    t->len = n;
    for (size_t i = 0; i < n; i++) t->items[i] = PY_NONE;
    return py_obj(t);
}

/* A tuple whose items the caller sets at once (no Python code in between);
 * the zeroed block reads as 0.0 floats meanwhile, harmless to the GC. */
static py_tuple_t *tuple_alloc(size_t n) {
    if (n > (SIZE_MAX - sizeof(py_tuple_t)) / (2 * sizeof(py_val_t))) py_raise_no_memory();
    py_tuple_t *t = py_gc_alloc(&py_type_tuple, sizeof(py_tuple_t) + n * sizeof(py_val_t));
    t->len = n;
    return t;
}

py_val_t py_tuple_from_array(size_t n, const py_val_t *items) {
    if (n == 0) return py_obj(&empty_tuple);
    py_tuple_t *t = tuple_alloc(n);
    memcpy(t->items, items, n * sizeof(py_val_t));
    return py_obj(t);
}

py_val_t py_tuple_pack(size_t n, ...) {
    if (n == 0) return py_obj(&empty_tuple);
    py_tuple_t *t = tuple_alloc(n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) t->items[i] = va_arg(ap, py_val_t);
    va_end(ap);
    return py_obj(t);
}

static py_val_t tuple_from_iter(py_val_t v) {
    if (py_is_type(v, &py_type_tuple)) return v;
    size_t n;
    py_val_t *items;
    if (py_seq_items(v, &n, &items)) return py_tuple_from_array(n, items);
    py_val_t l = py_list_from_iter(v);
    py_list_t *pl = py_as_list(l);
    py_val_t r = py_tuple_from_array(pl->len, pl->items); /* may collect: l must stay live */
    py_seq_keep(l);
    return r;
}

static void tuple_trace(py_obj_t *o) {
    py_tuple_t *t = (py_tuple_t *)o;
    py_gc_mark_array(t->items, t->len);
}

/* ------------------------------------------------------------ iteration */

typedef struct {
    py_obj_t h;
    py_tuple_t *tuple; /* NULL once exhausted */
    size_t index;
} tupleiter_t;

static py_val_t iter_self(py_val_t self) { return self; }

static py_val_t tupleiter_next(py_val_t self) {
    tupleiter_t *it = py_as_ptr(self);
    py_tuple_t *t = it->tuple;
    if (t && it->index < t->len) return t->items[it->index++];
    it->tuple = NULL;
    return PY_NULL;
}

static void tupleiter_trace(py_obj_t *o) { py_gc_mark_obj(((tupleiter_t *)o)->tuple); }

static py_val_t it_m_iter(int argc, const py_val_t *argv, py_val_t kw) { return argv[0]; }
static py_val_t it_m_next(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t v = tupleiter_next(argv[0]);
    if (py_is_null(v)) py_raise(py_obj(&py_type_StopIteration));
    return v;
}
static py_val_t it_m_length_hint(int argc, const py_val_t *argv, py_val_t kw) {
    tupleiter_t *it = py_as_ptr(argv[0]);
    return py_small(it->tuple && it->index < it->tuple->len ? (int64_t)(it->tuple->len - it->index) : 0);
}

static const py_method_def_t tupleiter_methods[] = {
    {"__iter__", it_m_iter, 1, 1, 0},
    {"__next__", it_m_next, 1, 1, 0},
    {"__length_hint__", it_m_length_hint, 1, 1, 0},
    PY_MF_END,
};

static py_type_t tupleiter_type = {
    .h = {&py_type_type},
    .name = "tuple_iterator",
    .base = &py_type_object,
    .instance_size = sizeof(tupleiter_t),
    .methods = tupleiter_methods,
    .iter = iter_self,
    .iternext = tupleiter_next,
    .trace = tupleiter_trace,
};

static py_val_t tuple_iter(py_val_t self) {
    py_tuple_t *t = py_seq_as_tuple(self);
    if (!t) return PY_NULL;
    tupleiter_t *it = py_gc_alloc(&tupleiter_type, sizeof(tupleiter_t));
    it->tuple = t;
    it->index = 0;
    return py_obj(it);
}

/* ------------------------------------------------------------ slots */

static py_tuple_t *self_tuple(py_val_t v) {
    py_tuple_t *t = py_seq_as_tuple(v);
    if (!t) py_raise_type_error_arg("tuple method", "tuple", v);
    return t;
}

static py_val_t tuple_getitem(py_val_t self, py_val_t key) {
    py_tuple_t *t = self_tuple(self);
    int64_t i;
    if (py_is_small(key)) {
        i = py_as_small(key);
    } else if (py_is_type(key, &py_type_slice)) {
        ssize_t start, stop, step;
        size_t n = py_slice_indices(key, t->len, &start, &stop, &step);
        if (n == t->len && step == 1 && py_is_type(self, &py_type_tuple)) return self;
        if (n == 0) return py_obj(&empty_tuple);
        py_tuple_t *r = tuple_alloc(n);
        ssize_t j = start;
        for (size_t k = 0; k < n; k++, j += step) r->items[k] = t->items[j];
        return py_obj(r);
    } else {
        i = py_seq_index_value(key, "tuple");
    }
    if (i < 0) i += (int64_t)t->len;
    if (i < 0 || (uint64_t)i >= t->len) py_raise_msg(&py_type_IndexError, "tuple index out of range");
    return t->items[i];
}

static void tuple_print(py_sb_t *sb, py_val_t self, int kind) {
    py_tuple_t *t = py_seq_as_tuple(self);
    if (!t) return;
    py_val_t *items = t->items;
    py_seq_print(sb, t, &t->len, &items, true);
}

#define XXPRIME_1 11400714785074694791ull
#define XXPRIME_2 14029467366897019727ull
#define XXPRIME_5 2870177450012600261ull

static int64_t tuple_hash(py_tuple_t *t) {
    py_check_stack(); /* nested tuples hash recursively */
    uint64_t acc = XXPRIME_5;
    for (size_t i = 0; i < t->len; i++) {
        uint64_t lane = (uint64_t)py_hash(t->items[i]);
        acc += lane * XXPRIME_2;
        acc = (acc << 31) | (acc >> 33);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)t->len ^ (XXPRIME_5 ^ 3527539ull);
    if (acc == UINT64_MAX) return 1546275796;
    return (int64_t)acc;
}

static py_val_t tuple_unary(py_unop_t op, py_val_t v) {
    py_tuple_t *t = py_seq_as_tuple(v);
    if (!t) return PY_NULL;
    switch (op) {
    case PY_UNARY_BOOL: return py_bool(t->len != 0);
    case PY_UNARY_LEN: return py_small((int64_t)t->len);
    case PY_UNARY_HASH: return py_hash_value(tuple_hash(t));
    default: return PY_NULL;
    }
}

static py_val_t tuple_concat(py_val_t lhs, py_tuple_t *a, py_val_t rhs, py_tuple_t *b) {
    if (b->len == 0 && py_is_type(lhs, &py_type_tuple)) return lhs;
    if (a->len == 0 && py_is_type(rhs, &py_type_tuple)) return rhs;
    if (a->len > SIZE_MAX / 32 - b->len) py_raise_no_memory();
    py_tuple_t *r = tuple_alloc(a->len + b->len);
    memcpy(r->items, a->items, a->len * sizeof(py_val_t));
    memcpy(r->items + a->len, b->items, b->len * sizeof(py_val_t));
    return py_obj(r);
}

static py_val_t tuple_repeat(py_val_t self, py_tuple_t *t, int64_t n) {
    size_t len = t->len;
    if (n == 1 && py_is_type(self, &py_type_tuple)) return self;
    if (n <= 0 || len == 0) return py_obj(&empty_tuple);
    if ((uint64_t)n > SIZE_MAX / (2 * sizeof(py_val_t)) / len) py_raise_no_memory();
    size_t total = len * (size_t)n;
    py_tuple_t *r = tuple_alloc(total);
    memcpy(r->items, t->items, len * sizeof(py_val_t));
    for (size_t done = len; done < total;) {
        size_t k = done <= total - done ? done : total - done;
        memcpy(r->items + done, r->items, k * sizeof(py_val_t));
        done += k;
    }
    return py_obj(r);
}

PY_NORETURN static void bad_repeat(py_val_t n) {
    py_raise_msg(&py_type_TypeError, "can't multiply sequence by non-int of type '%s'", py_type_name(n));
}

static py_val_t tuple_binary(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    if (op >= PY_OP_INPLACE) op = (py_binop_t)(op - PY_OP_INPLACE); /* immutable: a += b is a = a + b */
    py_tuple_t *a = py_seq_as_tuple(lhs), *b;
    int64_t n;
    switch (op) {
    case PY_OP_ADD:
        if (!a) return PY_NULL;
        b = py_seq_as_tuple(rhs);
        if (!b) {
            if (py_seq_defer_to(rhs, PYN(__radd__))) return PY_NULL;
            py_raise_msg(&py_type_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                         py_type_name(rhs));
        }
        return tuple_concat(lhs, a, rhs, b);
    case PY_OP_MUL:
        if (a) {
            if (!py_seq_repeat_count(rhs, &n)) {
                if (py_seq_defer_to(rhs, PYN(__rmul__))) return PY_NULL;
                bad_repeat(rhs);
            }
            return tuple_repeat(lhs, a, n);
        }
        b = py_seq_as_tuple(rhs);
        if (!b) return PY_NULL;
        if (!py_seq_repeat_count(lhs, &n)) bad_repeat(lhs);
        return tuple_repeat(rhs, b, n);
    default: return PY_NULL;
    }
}

static py_val_t tuple_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    py_tuple_t *a = py_seq_as_tuple(self), *b = py_seq_as_tuple(other);
    if (!a || !b) return PY_NULL;
    py_val_t *ai = a->items, *bi = b->items;
    return py_seq_compare(op, &a->len, &ai, &b->len, &bi);
}

static int tuple_contains(py_val_t self, py_val_t item) {
    py_tuple_t *t = self_tuple(self);
    size_t len = t->len;
    py_val_t *items = t->items;
    return py_seq_find(&len, &items, 0, SIZE_MAX, item) >= 0;
}

static py_val_t tuple_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (!py_is_null(kwnames) && py_as_tuple(kwnames)->len)
        py_raise_msg(&py_type_TypeError, "tuple() takes no keyword arguments");
    if (argc > 1) py_raise_msg(&py_type_TypeError, "tuple expected at most 1 argument, got %d", argc);
    py_val_t v = argc == 0 ? py_obj(&empty_tuple) : tuple_from_iter(argv[0]);
    if (type == &py_type_tuple) return v;
    /* a class derived from tuple: the wrapper holding the value */
    size_t size = type->instance_size > sizeof(py_instance_t) ? type->instance_size : sizeof(py_instance_t);
    py_instance_t *inst = py_gc_alloc(type, size);
    inst->dict = PY_NULL;
    inst->native = v;
    return py_obj(inst);
}

/* ------------------------------------------------------------ methods */

static py_val_t m_count(int argc, const py_val_t *argv, py_val_t kw) {
    py_tuple_t *t = self_tuple(argv[0]);
    size_t len = t->len;
    py_val_t *items = t->items;
    return py_small(py_seq_count(&len, &items, argv[1]));
}

static py_val_t m_index(int argc, const py_val_t *argv, py_val_t kw) {
    py_tuple_t *t = self_tuple(argv[0]);
    size_t start, stop;
    py_seq_range_args(argc, argv, 2, t->len, &start, &stop);
    size_t len = t->len;
    py_val_t *items = t->items;
    int64_t i = py_seq_find(&len, &items, start, stop, argv[1]);
    if (i >= 0) return py_small(i);
    py_raise_msg(&py_type_ValueError, "tuple.index(x): x not in tuple");
}

static py_val_t m_getitem(int argc, const py_val_t *argv, py_val_t kw) {
    return tuple_getitem(argv[0], argv[1]);
}
static py_val_t m_len(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small((int64_t)self_tuple(argv[0])->len);
}
static py_val_t m_contains(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(tuple_contains(argv[0], argv[1]));
}
static py_val_t m_iter(int argc, const py_val_t *argv, py_val_t kw) {
    self_tuple(argv[0]);
    return tuple_iter(argv[0]);
}
static py_val_t m_hash(int argc, const py_val_t *argv, py_val_t kw) {
    return py_hash_value(tuple_hash(self_tuple(argv[0])));
}
SLOT_BINOP(m_add, tuple_binary, PY_OP_ADD)
SLOT_BINOP(m_mul, tuple_binary, PY_OP_MUL)
SLOT_RBINOP(m_rmul, tuple_binary, PY_OP_MUL)
SLOT_COMPARES(m, tuple_compare)
SLOT_REPR(m_repr, tuple_print)
static py_val_t m_getnewargs(int argc, const py_val_t *argv, py_val_t kw) {
    return py_tuple_pack(1, py_obj(self_tuple(argv[0])));
}

/* list[int] in annotations: the class itself stands for the generic alias */
static py_val_t m_class_getitem(int argc, const py_val_t *argv, py_val_t kw) { return argv[0]; }

static const py_method_def_t tuple_methods[] = {
    {"count", m_count, 2, 2, 0},
    {"index", m_index, 2, 4, 0},
    {"__getitem__", m_getitem, 2, 2, 0},
    {"__len__", m_len, 1, 1, 0},
    {"__contains__", m_contains, 2, 2, 0},
    {"__iter__", m_iter, 1, 1, 0},
    {"__hash__", m_hash, 1, 1, 0},
    {"__add__", m_add, 2, 2, 0},
    {"__mul__", m_mul, 2, 2, 0},
    {"__rmul__", m_rmul, 2, 2, 0},
    SLOT_COMPARE_DEFS(m),
    {"__repr__", m_repr, 1, 1, 0},
    {"__getnewargs__", m_getnewargs, 1, 1, 0},
    {"__class_getitem__", m_class_getitem, 2, 2, PY_MF_CLASS},
    PY_MF_END,
};

py_type_t py_type_tuple = {
    .h = {&py_type_type},
    .name = "tuple",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .methods = tuple_methods,
    .make_new = tuple_make_new,
    .print = tuple_print,
    .unary = tuple_unary,
    .binary = tuple_binary,
    .compare = tuple_compare,
    .getitem = tuple_getitem,
    .iter = tuple_iter,
    .contains = tuple_contains,
    .trace = tuple_trace,
};
