/* runtime.c: the object protocols -- truth, operators, comparison, hashing,
 * length, membership, subscripts, iteration, calls and printing.
 *
 * Each protocol takes a fast path for immediates (small ints, floats, bools,
 * None) and for the exact builtin containers whose layouts obj.h shares,
 * then calls the type's C slot.  Classes written in Python have generic
 * slots (obj_type.c) that dispatch to their dunder methods, so one path
 * serves both.  Binary operators call the heap-class dispatchers by operand
 * role directly (py_heap_binary_left/right) so that a class's __add__ and
 * __radd__ are never confused when both operands are such instances.
 * Slots answer PY_NULL for "not supported"; the runtime then tries the other
 * operand, and raises CPython's TypeError wording when nothing applies.
 */
#include <string.h>

#include "objcore.h"
#include "runtime.h"

static const char *const binop_sym[PY_OP_NUM_BINARY] = {
    "+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^",
};
static const char *const ibinop_sym[PY_OP_NUM_BINARY] = {
    "+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=",
};
static const char *const cmp_sym[6] = {"<", "<=", "==", "!=", ">", ">="};
static const py_cmpop_t cmp_swap[6] = {PY_CMP_GT, PY_CMP_GE, PY_CMP_EQ, PY_CMP_NE, PY_CMP_LT, PY_CMP_LE};

static inline bool is_heap(const py_type_t *t) { return (t->flags & PY_TF_HEAP) != 0; }

/* ------------------------------------------------------------ truth, length */

bool py_truthy(py_val_t v) {
    if (v == PY_TRUE) return true;
    if (v == PY_FALSE || v == PY_NONE) return false;
    if (py_is_small(v)) return py_as_small(v) != 0;
    if (py_is_float(v)) return py_as_float(v) != 0.0;
    if (!py_is_obj(v)) return false;
    py_type_t *t = py_obj_type(v);
    if (t == &py_type_str) return py_str_len(v) != 0;
    if (t == &py_type_list) return py_as_list(v)->len != 0;
    if (t == &py_type_tuple) return py_as_tuple(v)->len != 0;
    if (t == &py_type_dict) return ((py_dict_t *)py_as_ptr(v))->used != 0;
    if (!t->unary) return true;
    py_val_t r = t->unary(PY_UNARY_BOOL, v);
    if (!py_is_null(r)) return r == PY_TRUE;
    r = t->unary(PY_UNARY_LEN, v);
    if (!py_is_null(r)) return r != py_small(0);
    return true;
}

size_t py_len(py_val_t v) {
    if (py_is_obj(v)) {
        py_type_t *t = py_obj_type(v);
        if (t == &py_type_str) return ((py_str_t *)py_as_ptr(v))->nchars;
        if (t == &py_type_list) return py_as_list(v)->len;
        if (t == &py_type_tuple) return py_as_tuple(v)->len;
        if (t == &py_type_dict) return ((py_dict_t *)py_as_ptr(v))->used;
        if (t->unary) {
            py_val_t r = t->unary(PY_UNARY_LEN, v);
            if (!py_is_null(r)) return (size_t)py_to_i64(r);
        }
    }
    py_raise_msg(&py_type_TypeError, "object of type '%s' has no len()", py_type_name(v));
}

/* ------------------------------------------------------------ operators */

static py_val_t small_binary(py_binop_t op, int64_t a, int64_t b) {
    switch ((int)op) {
    case PY_OP_ADD:
    case PY_OP_ADD + PY_OP_INPLACE: {
        int64_t r = a + b; /* 48-bit operands: no int64 overflow */
        return py_fits_small(r) ? py_small(r) : py_int_from_i64(r);
    }
    case PY_OP_SUB:
    case PY_OP_SUB + PY_OP_INPLACE: {
        int64_t r = a - b;
        return py_fits_small(r) ? py_small(r) : py_int_from_i64(r);
    }
    case PY_OP_AND:
    case PY_OP_AND + PY_OP_INPLACE: return py_small(a & b);
    case PY_OP_OR:
    case PY_OP_OR + PY_OP_INPLACE: return py_small(a | b);
    case PY_OP_XOR:
    case PY_OP_XOR + PY_OP_INPLACE: return py_small(a ^ b);
    default: return PY_NULL;
    }
}

PY_NORETURN static void binop_error(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    const char *sym = op >= PY_OP_INPLACE ? ibinop_sym[op - PY_OP_INPLACE] : binop_sym[op];
    if (op == PY_OP_POW) sym = "** or pow()";
    py_raise_msg(&py_type_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym, py_type_name(lhs),
                 py_type_name(rhs));
}

static inline py_val_t try_left(py_type_t *t, py_binop_t op, py_val_t lhs, py_val_t rhs) {
    if (is_heap(t)) return py_heap_binary_left(op, lhs, rhs);
    return t->binary ? t->binary(op, lhs, rhs) : PY_NULL;
}
static inline py_val_t try_right(py_type_t *t, py_binop_t op, py_val_t lhs, py_val_t rhs) {
    if (is_heap(t)) return py_heap_binary_right(op, lhs, rhs);
    return t->binary ? t->binary(op, lhs, rhs) : PY_NULL;
}

py_val_t py_binary(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    if (py_is_small(lhs) && py_is_small(rhs)) {
        py_val_t r = small_binary(op, py_as_small(lhs), py_as_small(rhs));
        if (!py_is_null(r)) return r;
    }
    py_type_t *ta = py_type_of(lhs), *tb = py_type_of(rhs);
    py_binop_t orig = op;
    py_val_t r;
    if (op >= PY_OP_INPLACE) {
        r = try_left(ta, op, lhs, rhs);
        if (!py_is_null(r) && r != PY_NOTIMPLEMENTED) return r;
        op -= PY_OP_INPLACE;
    }
    bool right_done = false;
    if (tb != ta && is_heap(tb) && py_is_subtype(tb, ta)) {
        /* a subclass's reflected method goes first */
        r = try_right(tb, op, lhs, rhs);
        if (!py_is_null(r) && r != PY_NOTIMPLEMENTED) return r;
        right_done = true;
    }
    r = try_left(ta, op, lhs, rhs);
    if (!py_is_null(r) && r != PY_NOTIMPLEMENTED) return r;
    if (!right_done && tb != ta) {
        r = try_right(tb, op, lhs, rhs);
        if (!py_is_null(r) && r != PY_NOTIMPLEMENTED) return r;
    }
    binop_error(orig, lhs, rhs);
}

py_val_t py_unary(py_unop_t op, py_val_t v) {
    if (py_is_small(v)) {
        int64_t i = py_as_small(v);
        switch (op) {
        case PY_UNARY_NEG: return py_int_from_i64(-i);
        case PY_UNARY_POS: return v;
        case PY_UNARY_INVERT: return py_small(~i);
        case PY_UNARY_ABS: return py_int_from_i64(i < 0 ? -i : i);
        default: break;
        }
    } else if (py_is_float(v)) {
        double d = py_as_float(v);
        switch (op) {
        case PY_UNARY_NEG: return py_float(-d);
        case PY_UNARY_POS: return v;
        case PY_UNARY_ABS: return py_float(__builtin_fabs(d));
        default: break;
        }
    }
    switch (op) {
    case PY_UNARY_BOOL: return py_bool(py_truthy(v));
    case PY_UNARY_LEN: return py_int_from_i64((int64_t)py_len(v));
    case PY_UNARY_HASH: return py_int_from_i64(py_hash(v));
    default: break;
    }
    py_type_t *t = py_type_of(v);
    py_val_t r = t->unary ? t->unary(op, v) : PY_NULL;
    if (!py_is_null(r)) return r;
    if (op == PY_UNARY_ABS) py_raise_msg(&py_type_TypeError, "bad operand type for abs(): '%s'", t->name);
    const char *sym = op == PY_UNARY_NEG ? "-" : op == PY_UNARY_POS ? "+" : "~";
    py_raise_msg(&py_type_TypeError, "bad operand type for unary %s: '%s'", sym, t->name);
}

/* ------------------------------------------------------------ comparison */

static py_val_t cmp_i64(py_cmpop_t op, int64_t a, int64_t b) {
    switch (op) {
    case PY_CMP_LT: return py_bool(a < b);
    case PY_CMP_LE: return py_bool(a <= b);
    case PY_CMP_EQ: return py_bool(a == b);
    case PY_CMP_NE: return py_bool(a != b);
    case PY_CMP_GT: return py_bool(a > b);
    default: return py_bool(a >= b);
    }
}

static py_val_t cmp_double(py_cmpop_t op, double a, double b) {
    switch (op) {
    case PY_CMP_LT: return py_bool(a < b);
    case PY_CMP_LE: return py_bool(a <= b);
    case PY_CMP_EQ: return py_bool(a == b);
    case PY_CMP_NE: return py_bool(a != b);
    case PY_CMP_GT: return py_bool(a > b);
    default: return py_bool(a >= b);
    }
}

py_val_t py_compare(py_cmpop_t op, py_val_t a, py_val_t b) {
    if (py_is_small(a) && py_is_small(b)) return cmp_i64(op, py_as_small(a), py_as_small(b));
    if (py_is_float(a) && py_is_float(b)) return cmp_double(op, py_as_float(a), py_as_float(b));
    py_type_t *ta = py_type_of(a), *tb = py_type_of(b);
    py_val_t r;
    bool reflected_done = false;
    if (tb != ta && is_heap(tb) && tb->compare && py_is_subtype(tb, ta)) {
        r = tb->compare(cmp_swap[op], b, a);
        if (!py_is_null(r) && r != PY_NOTIMPLEMENTED) return r;
        reflected_done = true;
    }
    if (ta->compare) {
        r = ta->compare(op, a, b);
        if (!py_is_null(r) && r != PY_NOTIMPLEMENTED) return r;
    }
    if (!reflected_done && tb->compare) {
        r = tb->compare(cmp_swap[op], b, a);
        if (!py_is_null(r) && r != PY_NOTIMPLEMENTED) return r;
    }
    if (op == PY_CMP_EQ) return py_bool(a == b);
    if (op == PY_CMP_NE) return py_bool(a != b);
    py_raise_msg(&py_type_TypeError, "'%s' not supported between instances of '%s' and '%s'", cmp_sym[op], ta->name,
                 tb->name);
}

bool py_eq(py_val_t a, py_val_t b) {
    if (a == b) return true;
    if (py_is_small(a) && py_is_small(b)) return false;
    if (py_is_float(a) && py_is_float(b)) return py_as_float(a) == py_as_float(b);
    if (py_is_type(a, &py_type_str) && py_is_type(b, &py_type_str)) return py_str_equal(a, b);
    py_check_stack();
    return py_truthy(py_compare(PY_CMP_EQ, a, b));
}

bool py_lt(py_val_t a, py_val_t b) {
    if (py_is_small(a) && py_is_small(b)) return py_as_small(a) < py_as_small(b);
    if (py_is_float(a) && py_is_float(b)) return py_as_float(a) < py_as_float(b);
    py_check_stack();
    return py_truthy(py_compare(PY_CMP_LT, a, b));
}

/* ------------------------------------------------------------ hashing */

static bool unhashable_builtin(py_type_t *t) {
    py_type_t *b = is_heap(t) ? t->base : t;
    return b == &py_type_list || b == &py_type_dict || b == &py_type_set || b == &py_type_bytearray;
}

int64_t py_hash(py_val_t v) {
    if (py_is_small(v)) {
        int64_t i = py_as_small(v);
        return i == -1 ? -2 : i;
    }
    if (py_is_float(v)) return py_float_hash(py_as_float(v));
    if (py_is_bool(v)) return v == PY_TRUE;
    if (!py_is_obj(v)) return (int64_t)(v & 0xFFFF) * 0x9E3779B1;
    py_type_t *t = py_obj_type(v);
    if (t == &py_type_str) return (int64_t)py_str_hash(v);
    if (t->unary) {
        py_val_t r = t->unary(PY_UNARY_HASH, v);
        if (!py_is_null(r)) {
            if (py_is_small(r)) return py_as_small(r);
            return py_hash(r);
        }
    }
    if (unhashable_builtin(t)) py_raise_msg(&py_type_TypeError, "unhashable type: '%s'", t->name);
    return (int64_t)((v & PY_PAYLOAD_MASK) >> 4);
}

/* ------------------------------------------------------------ types */

bool py_is_subtype(const py_type_t *t, const py_type_t *base) {
    if (t == base || base == &py_type_object) return true;
    if (py_is_obj(t->mro)) {
        py_tuple_t *m = py_as_tuple(t->mro);
        for (size_t i = 1; i < m->len; i++)
            if (py_as_ptr(m->items[i]) == base) return true;
        return false;
    }
    for (t = t->base; t; t = t->base)
        if (t == base) return true;
    return false;
}

bool py_is_instance(py_val_t v, const py_type_t *t) { return py_is_subtype(py_type_of(v), t); }

static bool is_type_val(py_val_t v) {
    if (!py_is_obj(v)) return false;
    py_type_t *t = py_obj_type(v);
    return t == &py_type_type || (t->flags & PY_TF_LAYOUT_TYPE);
}

py_val_t py_isinstance_check(py_val_t v, py_val_t cls) {
    if (py_is_obj(cls) && py_is_subtype(py_obj_type(cls), &py_type_tuple)) {
        py_tuple_t *t = py_as_tuple(py_unwrap_native(cls));
        for (size_t i = 0; i < t->len; i++) {
            py_check_stack();
            if (py_isinstance_check(v, t->items[i]) == PY_TRUE) return PY_TRUE;
        }
        return PY_FALSE;
    }
    if (!is_type_val(cls))
        py_raise_msg(&py_type_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    py_type_t *meta = py_obj_type(cls);
    if (is_heap(meta)) {
        py_val_t f = py_lookup_heap(meta, PYN(__instancecheck__));
        if (!py_is_null(f)) return py_bool(py_truthy(py_call_bound(f, cls, 1, &v, PY_NULL)));
    }
    return py_bool(py_is_instance(v, (py_type_t *)py_as_ptr(cls)));
}

/* ------------------------------------------------------------ items */

py_val_t py_getitem(py_val_t obj, py_val_t key) {
    py_type_t *t = py_type_of(obj);
    if (t->getitem) return t->getitem(obj, key);
    py_raise_msg(&py_type_TypeError, "'%s' object is not subscriptable", t->name);
}

void py_setitem(py_val_t obj, py_val_t key, py_val_t value) {
    py_type_t *t = py_type_of(obj);
    if (t->setitem) {
        t->setitem(obj, key, value);
        return;
    }
    py_raise_msg(&py_type_TypeError, "'%s' object does not support item assignment", t->name);
}

void py_delitem(py_val_t obj, py_val_t key) {
    py_type_t *t = py_type_of(obj);
    if (t->setitem) {
        t->setitem(obj, key, PY_NULL);
        return;
    }
    py_raise_msg(&py_type_TypeError, "'%s' object doesn't support item deletion", t->name);
}

/* ------------------------------------------------------------ iteration */

typedef struct {
    py_obj_t h;
    py_val_t seq;
    int64_t index; /* -1 once exhausted */
} seqiter_t;

static py_val_t seqiter_iter(py_val_t self) { return self; }

__attribute__((noinline)) static py_val_t seqiter_next(py_val_t self) {
    seqiter_t *s = py_as_ptr(self);
    if (s->index < 0) return PY_NULL;
    py_try_t tr;
    py_val_t v = PY_NULL;
    if (py_try(&tr)) {
        v = py_getitem(s->seq, py_small(s->index));
        py_try_end(&tr);
    } else {
        if (py_exc_matches(tr.exc, py_obj(&py_type_IndexError)) ||
            py_exc_matches(tr.exc, py_obj(&py_type_StopIteration))) {
            s->index = -1;
            return PY_NULL;
        }
        py_raise(tr.exc);
    }
    s->index++;
    return v;
}

static void seqiter_trace(py_obj_t *o) { py_gc_mark(((seqiter_t *)o)->seq); }

static py_type_t seqiter_type = {
    .h = {&py_type_type},
    .name = "iterator",
    .base = &py_type_object,
    .instance_size = sizeof(seqiter_t),
    .iter = seqiter_iter,
    .iternext = seqiter_next,
    .trace = seqiter_trace,
};

py_val_t py_seq_iter_new(py_val_t seq) {
    seqiter_t *s = py_gc_alloc(&seqiter_type, sizeof(seqiter_t));
    s->seq = seq;
    s->index = 0;
    return py_obj(s);
}

py_val_t py_iter(py_val_t v) {
    py_type_t *t = py_type_of(v);
    if (t->iter) {
        py_val_t r = t->iter(v);
        if (!py_is_null(r)) return r;
    } else if (t->getitem && t != &py_type_type && !(t->flags & PY_TF_LAYOUT_TYPE)) {
        return py_seq_iter_new(v);
    }
    py_raise_msg(&py_type_TypeError, "'%s' object is not iterable", t->name);
}

py_val_t py_next(py_val_t it) {
    py_type_t *t = py_type_of(it);
    if (t->iternext) return t->iternext(it);
    py_raise_msg(&py_type_TypeError, "'%s' object is not an iterator", t->name);
}

bool py_contains(py_val_t container, py_val_t item) {
    py_type_t *t = py_type_of(container);
    if (t->contains) return t->contains(container, item) != 0;
    if (!t->iter && !t->getitem)
        py_raise_msg(&py_type_TypeError, "argument of type '%s' is not iterable", t->name);
    py_val_t it = py_iter(container);
    for (py_val_t v; !py_is_null(v = py_next(it));)
        if (py_eq(v, item)) return true;
    return false;
}

/* ------------------------------------------------------------ calls */

py_val_t py_call(py_val_t f, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (py_is_obj(f)) {
        py_type_t *t = py_obj_type(f);
        if (t == &py_type_cfunc) return py_cfunc_call(f, argc, argv, kwnames);
        if (t->call) return t->call(f, argc, argv, kwnames);
    }
    py_raise_msg(&py_type_TypeError, "'%s' object is not callable", py_type_name(f));
}

py_val_t py_call0(py_val_t f) { return py_call(f, 0, NULL, PY_NULL); }
py_val_t py_call1(py_val_t f, py_val_t a) { return py_call(f, 1, &a, PY_NULL); }
py_val_t py_call2(py_val_t f, py_val_t a, py_val_t b) {
    py_val_t args[2] = {a, b};
    return py_call(f, 2, args, PY_NULL);
}

py_val_t py_call_method(py_val_t obj, py_val_t name, int argc, const py_val_t *argv) {
    py_val_t self;
    py_val_t m = py_load_method(obj, name, &self);
    if (py_is_null(self)) return py_call(m, argc, argv, PY_NULL);
    py_val_t buf[8];
    py_val_t *a = argc + 1 <= 8 ? buf : py_raw_alloc((size_t)(argc + 1) * sizeof(py_val_t));
    a[0] = self;
    if (argc) memcpy(a + 1, argv, (size_t)argc * sizeof(py_val_t));
    return py_call(m, argc + 1, a, PY_NULL);
}

/* ------------------------------------------------------------ printing */

void py_print_to(py_sb_t *sb, py_val_t v, int kind) {
    if (kind == PY_PRINT_STR && py_is_type(v, &py_type_str)) {
        py_sb_add(sb, py_str_data(v), py_str_len(v));
        return;
    }
    py_type_t *t = py_type_of(v);
    if (t->print) {
        py_check_stack();
        t->print(sb, v, kind);
    } else {
        py_default_repr(sb, v);
    }
}

py_val_t py_repr(py_val_t v) {
    py_sb_t sb;
    py_sb_init(&sb);
    py_print_to(&sb, v, PY_PRINT_REPR);
    return py_sb_to_str(&sb);
}

py_val_t py_str(py_val_t v) {
    if (py_is_type(v, &py_type_str)) return v;
    py_sb_t sb;
    py_sb_init(&sb);
    py_print_to(&sb, v, PY_PRINT_STR);
    return py_sb_to_str(&sb);
}
