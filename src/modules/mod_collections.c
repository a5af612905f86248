/* mod_collections.c: the collections module: deque, namedtuple,
 * OrderedDict, defaultdict.
 *
 * deque is a native ring buffer (capacity a power of two, so an index wraps
 * with a mask).  Every mutation bumps `state`; iterators compare it to the
 * value they started with and raise RuntimeError on a change, as CPython.
 *
 * namedtuple builds a class derived from tuple at run time
 * (py_type_new_class).  Construction (__new__) and field access (a property
 * per field whose getter is a native item getter) are native, because they
 * are the hot paths; the rarely used methods (__repr__, _asdict, _replace,
 * _make) and the dict subclasses OrderedDict and defaultdict are Python
 * source compiled when the module is first imported (PY_SOURCE below). */
#include <string.h>

#include "py/objcore.h"
#include "py/runtime.h"

/* ================================================================= deque */

typedef struct {
    py_obj_t h;
    py_val_t *buf; /* raw payload of cap slots, or NULL */
    size_t cap;    /* 0 or a power of two */
    size_t head;   /* slot of item 0 */
    size_t len;
    size_t maxlen; /* SIZE_MAX: unbounded */
    uint32_t state;
    uint8_t check_overflow; /* MicroPython's flags=1: a full deque raises IndexError */
} deque_t;

typedef struct {
    py_obj_t h;
    py_val_t deque;
    size_t index;
    uint32_t state;
} deque_iter_t;

py_type_t mod_type_deque;
static py_type_t deque_iter_type;

static deque_t *DQ(py_val_t v) { return (deque_t *)py_as_ptr(v); }
static inline py_val_t *slot(deque_t *d, size_t i) { return &d->buf[(d->head + i) & (d->cap - 1)]; }

static void grow(deque_t *d) {
    size_t ncap = d->cap ? d->cap * 2 : 8;
    py_val_t *nb = py_raw_alloc(ncap * sizeof(py_val_t));
    for (size_t i = 0; i < d->len; i++) nb[i] = *slot(d, i);
    py_raw_free(d->buf);
    d->buf = nb;
    d->cap = ncap;
    d->head = 0;
}

/* A full bounded deque drops the item at the opposite end first. */
static void push_right(deque_t *d, py_val_t v) {
    d->state++;
    if (d->len >= d->maxlen) {
        if (d->check_overflow) py_raise_msg(&py_type_IndexError, "full");
        if (d->maxlen == 0) return;
        *slot(d, 0) = PY_NONE;
        d->head = (d->head + 1) & (d->cap - 1);
        d->len--;
    }
    if (d->len == d->cap) grow(d);
    *slot(d, d->len) = v;
    d->len++;
}

static void push_left(deque_t *d, py_val_t v) {
    d->state++;
    if (d->len >= d->maxlen) {
        if (d->check_overflow) py_raise_msg(&py_type_IndexError, "full");
        if (d->maxlen == 0) return;
        d->len--;
        *slot(d, d->len) = PY_NONE;
    }
    if (d->len == d->cap) grow(d);
    d->head = (d->head - 1) & (d->cap - 1);
    *slot(d, 0) = v;
    d->len++;
}

static py_val_t pop_right(deque_t *d) {
    if (d->len == 0) py_raise_msg(&py_type_IndexError, "pop from an empty deque");
    d->state++;
    d->len--;
    py_val_t *s = slot(d, d->len);
    py_val_t v = *s;
    *s = PY_NONE;
    return v;
}

static py_val_t pop_left(deque_t *d) {
    if (d->len == 0) py_raise_msg(&py_type_IndexError, "pop from an empty deque");
    d->state++;
    py_val_t *s = slot(d, 0);
    py_val_t v = *s;
    *s = PY_NONE;
    d->head = (d->head + 1) & (d->cap - 1);
    d->len--;
    return v;
}

static py_val_t deque_alloc(size_t maxlen) {
    deque_t *d = py_gc_alloc(&mod_type_deque, sizeof(deque_t));
    d->maxlen = maxlen;
    return py_obj(d);
}

static void extend_right(py_val_t self, py_val_t iterable) {
    deque_t *d = DQ(self);
    if (iterable == self) iterable = py_list_from_iter(iterable);
    size_t n;
    py_val_t *items;
    if (py_seq_items(iterable, &n, &items)) {
        for (size_t i = 0; i < n && py_seq_items(iterable, &n, &items) && i < n; i++) push_right(d, items[i]);
        return;
    }
    py_val_t it = py_iter(iterable);
    for (py_val_t v; !py_is_null(v = py_next(it));) push_right(d, v);
}

static void extend_left(py_val_t self, py_val_t iterable) {
    deque_t *d = DQ(self);
    if (iterable == self) iterable = py_list_from_iter(iterable);
    py_val_t it = py_iter(iterable);
    for (py_val_t v; !py_is_null(v = py_next(it));) push_left(d, v);
}

static size_t maxlen_arg(py_val_t v) {
    if (py_is_none(v)) return SIZE_MAX;
    if (!py_is_int(v)) py_raise_msg(&py_type_TypeError, "an integer is required");
    int64_t n = py_to_i64(v);
    if (n < 0) py_raise_msg(&py_type_ValueError, "maxlen must be non-negative");
    return (size_t)n;
}

/* deque([iterable[, maxlen[, flags]]]); iterable and maxlen also by keyword. */
static py_val_t deque_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    py_check_args("deque", argc, PY_NULL, 0, 3);
    py_val_t iterable = py_kwarg(argc, argv, kwnames, "iterable", argc > 0 ? argv[0] : PY_NONE);
    py_val_t ml = py_kwarg(argc, argv, kwnames, "maxlen", argc > 1 ? argv[1] : PY_NONE);
    py_val_t self = deque_alloc(maxlen_arg(ml));
    if (argc > 2) DQ(self)->check_overflow = (py_to_i64(argv[2]) & 1) != 0;
    if (!py_is_none(iterable)) extend_right(self, iterable);
    return self;
}

static py_val_t dq_append(int argc, const py_val_t *argv, py_val_t kw) {
    push_right(DQ(argv[0]), argv[1]);
    return PY_NONE;
}
static py_val_t dq_appendleft(int argc, const py_val_t *argv, py_val_t kw) {
    push_left(DQ(argv[0]), argv[1]);
    return PY_NONE;
}
static py_val_t dq_pop(int argc, const py_val_t *argv, py_val_t kw) { return pop_right(DQ(argv[0])); }
static py_val_t dq_popleft(int argc, const py_val_t *argv, py_val_t kw) { return pop_left(DQ(argv[0])); }
static py_val_t dq_extend(int argc, const py_val_t *argv, py_val_t kw) {
    extend_right(argv[0], argv[1]);
    return PY_NONE;
}
static py_val_t dq_extendleft(int argc, const py_val_t *argv, py_val_t kw) {
    extend_left(argv[0], argv[1]);
    return PY_NONE;
}
static py_val_t dq_clear(int argc, const py_val_t *argv, py_val_t kw) {
    deque_t *d = DQ(argv[0]);
    py_raw_free(d->buf);
    d->buf = NULL;
    d->cap = d->head = d->len = 0;
    d->state++;
    return PY_NONE;
}
static py_val_t dq_copy(int argc, const py_val_t *argv, py_val_t kw) {
    deque_t *d = DQ(argv[0]);
    py_val_t r = deque_alloc(d->maxlen);
    for (size_t i = 0; i < d->len; i++) push_right(DQ(r), *slot(d, i));
    return r;
}
static py_val_t dq_count(int argc, const py_val_t *argv, py_val_t kw) {
    deque_t *d = DQ(argv[0]);
    uint32_t st = d->state;
    int64_t n = 0;
    for (size_t i = 0; i < d->len; i++) {
        if (py_eq(*slot(d, i), argv[1])) n++;
        if (d->state != st) py_raise_msg(&py_type_RuntimeError, "deque mutated during iteration");
    }
    return py_int_from_i64(n);
}
static size_t find(deque_t *d, py_val_t x, size_t start, size_t stop) {
    uint32_t st = d->state;
    for (size_t i = start; i < stop && i < d->len; i++) {
        if (py_eq(*slot(d, i), x)) return i;
        if (d->state != st) py_raise_msg(&py_type_RuntimeError, "deque mutated during iteration");
    }
    return SIZE_MAX;
}
static py_val_t dq_index(int argc, const py_val_t *argv, py_val_t kw) {
    deque_t *d = DQ(argv[0]);
    int64_t n = (int64_t)d->len, a = 0, b = n;
    if (argc > 2) a = py_to_i64(argv[2]);
    if (argc > 3) b = py_to_i64(argv[3]);
    if (a < 0) a = a + n < 0 ? 0 : a + n;
    if (b < 0) b = b + n < 0 ? 0 : b + n;
    size_t i = a < b ? find(d, argv[1], (size_t)a, (size_t)b) : SIZE_MAX;
    if (i == SIZE_MAX) {
        py_val_t r = py_repr(argv[1]);
        py_raise_msg(&py_type_ValueError, "%s is not in deque", py_str_data(r));
    }
    return py_int_from_u64(i);
}
/* Removes item i by shifting the shorter side. */
static void del_at(deque_t *d, size_t i) {
    d->state++;
    if (i < d->len / 2) {
        for (size_t j = i; j > 0; j--) *slot(d, j) = *slot(d, j - 1);
        *slot(d, 0) = PY_NONE;
        d->head = (d->head + 1) & (d->cap - 1);
    } else {
        for (size_t j = i; j + 1 < d->len; j++) *slot(d, j) = *slot(d, j + 1);
        *slot(d, d->len - 1) = PY_NONE;
    }
    d->len--;
}
static py_val_t dq_remove(int argc, const py_val_t *argv, py_val_t kw) {
    deque_t *d = DQ(argv[0]);
    size_t i = find(d, argv[1], 0, d->len);
    if (i == SIZE_MAX) py_raise_msg(&py_type_ValueError, "deque.remove(x): x not in deque");
    del_at(d, i);
    return PY_NONE;
}
static py_val_t dq_insert(int argc, const py_val_t *argv, py_val_t kw) {
    deque_t *d = DQ(argv[0]);
    if (d->len >= d->maxlen) py_raise_msg(&py_type_IndexError, "deque already at its maximum size");
    int64_t n = (int64_t)d->len, i = py_to_i64(argv[1]);
    if (i < 0) i = i + n < 0 ? 0 : i + n;
    if (i > n) i = n;
    push_right(d, PY_NONE);
    for (size_t j = d->len - 1; j > (size_t)i; j--) *slot(d, j) = *slot(d, j - 1);
    *slot(d, (size_t)i) = argv[2];
    return PY_NONE;
}
static py_val_t dq_reverse(int argc, const py_val_t *argv, py_val_t kw) {
    deque_t *d = DQ(argv[0]);
    for (size_t i = 0, j = d->len; i + 1 < j; i++, j--) {
        py_val_t t = *slot(d, i);
        *slot(d, i) = *slot(d, j - 1);
        *slot(d, j - 1) = t;
    }
    d->state++;
    return PY_NONE;
}
static py_val_t dq_rotate(int argc, const py_val_t *argv, py_val_t kw) {
    deque_t *d = DQ(argv[0]);
    int64_t n = argc > 1 ? py_to_i64(argv[1]) : 1;
    if (d->len <= 1) return PY_NONE;
    int64_t len = (int64_t)d->len;
    n %= len;
    if (n < 0) n += len;
    /* rotating right by n == moving the last n items to the front */
    for (int64_t k = 0; k < n; k++) {
        py_val_t v = *slot(d, d->len - 1);
        d->head = (d->head - 1) & (d->cap - 1);
        *slot(d, 0) = v;
    }
    if (d->len < d->cap)
        for (size_t i = d->len; i < d->cap; i++) *slot(d, i) = PY_NONE;
    d->state++;
    return PY_NONE;
}

static py_val_t deque_getattr(py_val_t self, py_val_t name) {
    if (name == PYN(maxlen)) {
        deque_t *d = DQ(self);
        return d->maxlen == SIZE_MAX ? PY_NONE : py_int_from_u64(d->maxlen);
    }
    return PY_NULL;
}

static void deque_print(py_sb_t *sb, py_val_t self, int kind) {
    deque_t *d = DQ(self);
    py_check_stack();
    py_sb_adds(sb, "deque([");
    for (size_t i = 0; i < d->len; i++) {
        if (i) py_sb_add(sb, ", ", 2);
        py_print_to(sb, *slot(d, i), PY_PRINT_REPR);
    }
    py_sb_adds(sb, "]");
    if (d->maxlen != SIZE_MAX) py_sb_printf(sb, ", maxlen=%zu", d->maxlen);
    py_sb_addc(sb, ')');
}

static py_val_t deque_unary(py_unop_t op, py_val_t v) {
    deque_t *d = DQ(v);
    switch (op) {
    case PY_UNARY_BOOL:
        return py_bool(d->len != 0);
    case PY_UNARY_LEN:
        return py_small((int64_t)d->len);
    default:
        return PY_NULL; /* unhashable */
    }
}

static py_val_t deque_binary(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    if (!py_is_type(lhs, &mod_type_deque)) return PY_NULL;
    if (op == PY_OP_ADD + PY_OP_INPLACE) {
        extend_right(lhs, rhs);
        return lhs;
    }
    if (op == PY_OP_ADD) {
        if (!py_is_type(rhs, &mod_type_deque))
            py_raise_msg(&py_type_TypeError, "can only concatenate deque (not \"%s\") to deque",
                         py_type_name(rhs));
        py_val_t r = dq_copy(1, &lhs, PY_NULL);
        extend_right(r, rhs);
        return r;
    }
    if ((op == PY_OP_MUL || op == PY_OP_MUL + PY_OP_INPLACE) && py_is_int(rhs)) {
        /* d * n: n copies end to end (the maxlen still applies) */
        int64_t n = py_to_i64(rhs);
        py_val_t r = op == PY_OP_MUL ? dq_copy(1, &lhs, PY_NULL) : lhs;
        if (n <= 0) {
            dq_clear(1, &r, PY_NULL);
            return r;
        }
        py_val_t items = py_list_from_iter(r);
        for (int64_t k = 1; k < n; k++) extend_right(r, items);
        return r;
    }
    return PY_NULL;
}

/* Lexicographic comparison, like list. */
static py_val_t deque_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    if (!py_is_type(other, &mod_type_deque)) return PY_NOTIMPLEMENTED;
    deque_t *a = DQ(self), *b = DQ(other);
    if ((op == PY_CMP_EQ || op == PY_CMP_NE) && a->len != b->len) return py_bool(op == PY_CMP_NE);
    size_t i = 0;
    for (; i < a->len && i < b->len; i++) {
        py_val_t x = *slot(a, i), y = *slot(b, i);
        if (!py_eq(x, y)) {
            if (op == PY_CMP_EQ) return PY_FALSE;
            if (op == PY_CMP_NE) return PY_TRUE;
            return py_compare(op, x, y);
        }
    }
    return py_compare_order(op, (a->len > b->len) - (a->len < b->len));
}

static size_t index_of(deque_t *d, py_val_t key) {
    if (!py_is_int(key))
        py_raise_msg(&py_type_TypeError, "sequence index must be integer, not '%s'", py_type_name(key));
    return py_index_check(key, d->len, "deque");
}

static py_val_t deque_getitem(py_val_t self, py_val_t key) {
    deque_t *d = DQ(self);
    return *slot(d, index_of(d, key));
}

static void deque_setitem(py_val_t self, py_val_t key, py_val_t value) {
    deque_t *d = DQ(self);
    size_t i = index_of(d, key);
    if (py_is_null(value))
        del_at(d, i);
    else
        *slot(d, i) = value;
}

static int deque_contains(py_val_t self, py_val_t item) {
    return find(DQ(self), item, 0, SIZE_MAX) != SIZE_MAX;
}

static py_val_t deque_iter(py_val_t self) {
    deque_iter_t *it = py_gc_alloc(&deque_iter_type, sizeof(deque_iter_t));
    it->deque = self;
    it->state = DQ(self)->state;
    return py_obj(it);
}

static py_val_t deque_iternext(py_val_t self) {
    deque_iter_t *it = py_as_ptr(self);
    deque_t *d = DQ(it->deque);
    if (d->state != it->state) {
        it->state = d->state - 1; /* keep failing on later calls, as CPython */
        py_raise_msg(&py_type_RuntimeError, "deque mutated during iteration");
    }
    if (it->index >= d->len) return PY_NULL;
    return *slot(d, it->index++);
}

static py_val_t deque_iter_self(py_val_t self) { return self; }

static void deque_trace(py_obj_t *o) {
    deque_t *d = (deque_t *)o;
    if (!d->buf) return;
    py_gc_mark_raw(d->buf);
    for (size_t i = 0; i < d->len; i++) py_gc_mark(*slot(d, i));
}

static void deque_iter_trace(py_obj_t *o) { py_gc_mark(((deque_iter_t *)o)->deque); }

static const py_method_def_t deque_methods[] = {
    {"append", dq_append, 2, 2, 0}, {"appendleft", dq_appendleft, 2, 2, 0},
    {"pop", dq_pop, 1, 1, 0},       {"popleft", dq_popleft, 1, 1, 0},
    {"extend", dq_extend, 2, 2, 0}, {"extendleft", dq_extendleft, 2, 2, 0},
    {"clear", dq_clear, 1, 1, 0},   {"copy", dq_copy, 1, 1, 0},
    {"__copy__", dq_copy, 1, 1, 0}, {"count", dq_count, 2, 2, 0},
    {"index", dq_index, 2, 4, 0},   {"insert", dq_insert, 3, 3, 0},
    {"remove", dq_remove, 2, 2, 0}, {"reverse", dq_reverse, 1, 1, 0},
    {"rotate", dq_rotate, 1, 2, 0}, PY_MF_END,
};

py_type_t mod_type_deque = {
    .h = {&py_type_type},
    .name = "deque",
    .base = &py_type_object,
    .instance_size = sizeof(deque_t),
    .methods = deque_methods,
    .make_new = deque_make_new,
    .print = deque_print,
    .unary = deque_unary,
    .binary = deque_binary,
    .compare = deque_compare,
    .getattr = deque_getattr,
    .getitem = deque_getitem,
    .setitem = deque_setitem,
    .iter = deque_iter,
    .contains = deque_contains,
    .trace = deque_trace,
};

static py_type_t deque_iter_type = {
    .h = {&py_type_type},
    .name = "_collections._deque_iterator",
    .base = &py_type_object,
    .iter = deque_iter_self,
    .iternext = deque_iternext,
    .trace = deque_iter_trace,
};

/* ============================================================ namedtuple */

/* The getter behind each field's property: returns item `index` of the tuple. */
typedef struct {
    py_obj_t h;
    size_t index;
} tuplegetter_t;

static py_val_t tuplegetter_call(py_val_t self, int argc, const py_val_t *argv, py_val_t kwnames) {
    size_t i = ((tuplegetter_t *)py_as_ptr(self))->index;
    py_val_t t = argc == 1 ? py_unwrap_native(argv[0]) : PY_NULL;
    if (!py_is_type(t, &py_type_tuple))
        py_raise_msg(&py_type_TypeError, "descriptor for index %zu requires a tuple", i);
    if (i >= py_as_tuple(t)->len) py_raise_msg(&py_type_IndexError, "tuple index out of range");
    return py_as_tuple(t)->items[i];
}

static py_type_t tuplegetter_type = {
    .h = {&py_type_type},
    .name = "_tuplegetter",
    .base = &py_type_object,
    .call = tuplegetter_call,
};

static py_val_t n_fields, n_field_defaults, n_make; /* interned names */
static py_val_t py_helpers = PY_NULL;               /* the module dict: Python helpers live there */

/* An instance of namedtuple class cls holding tuple t. */
static py_val_t nt_instance(py_type_t *cls, py_val_t t) {
    if (!(cls->flags & PY_TF_LAYOUT_NATIVE) || !py_is_subtype(cls, &py_type_tuple))
        py_raise_msg(&py_type_TypeError, "%s is not a subtype of tuple", cls->name);
    py_instance_t *inst = py_gc_alloc(cls, cls->instance_size);
    inst->dict = PY_NULL;
    inst->native = t;
    return py_obj(inst);
}

static py_type_t *cls_arg(py_val_t v, const char *what) {
    if (!py_is_obj(v) || !py_is_instance(v, &py_type_type))
        py_raise_msg(&py_type_TypeError, "%s: argument 1 must be a type", what);
    return (py_type_t *)py_as_ptr(v);
}

static py_val_t fields_of(py_type_t *cls) {
    py_val_t f = py_type_lookup(cls, n_fields);
    if (!py_is_type(f, &py_type_tuple))
        py_raise_msg(&py_type_TypeError, "%s has no _fields tuple", cls->name);
    return f;
}

static PY_NORETURN void missing_args(const char *cname, py_val_t fields, const py_val_t *vals) {
    py_sb_t sb;
    py_sb_init(&sb);
    py_tuple_t *f = py_as_tuple(fields);
    size_t nmiss = 0, k = 0;
    for (size_t i = 0; i < f->len; i++) nmiss += py_is_null(vals[i]);
    for (size_t i = 0; i < f->len; i++) {
        if (!py_is_null(vals[i])) continue;
        if (k) py_sb_adds(&sb, nmiss == 2 ? " and " : k + 1 == nmiss ? ", and " : ", ");
        py_sb_printf(&sb, "'%s'", py_str_data(f->items[i]));
        k++;
    }
    py_sb_addc(&sb, 0);
    py_raise_msg(&py_type_TypeError, "%s.__new__() missing %zu required positional argument%s: %s", cname,
                 nmiss, nmiss == 1 ? "" : "s", sb.data);
}

/* __new__(cls, *args, **kwargs) of every namedtuple class. */
static py_val_t nt_new(int argc, const py_val_t *argv, py_val_t kwnames) {
    py_type_t *cls = cls_arg(argv[0], "__new__");
    py_val_t fields = fields_of(cls);
    size_t nf = py_as_tuple(fields)->len, npos = (size_t)argc - 1;
    size_t nkw = py_is_null(kwnames) ? 0 : py_as_tuple(kwnames)->len;
    if (nkw == 0 && npos == nf) return nt_instance(cls, py_tuple_from_array(nf, argv + 1));
    if (npos > nf)
        py_raise_msg(&py_type_TypeError, "%s.__new__() takes %zu positional arguments but %zu were given",
                     cls->name, nf + 1, npos + 1);
    py_val_t t = py_tuple_new(nf);
    py_val_t *vals = py_as_tuple(t)->items;
    for (size_t i = 0; i < nf; i++) vals[i] = i < npos ? argv[1 + i] : PY_NULL;
    for (size_t k = 0; k < nkw; k++) {
        py_val_t name = py_as_tuple(kwnames)->items[k];
        size_t i = 0;
        while (i < nf && !py_str_equal(py_as_tuple(fields)->items[i], name)) i++;
        if (i == nf)
            py_raise_msg(&py_type_TypeError, "%s.__new__() got an unexpected keyword argument '%s'",
                         cls->name, py_str_data(name));
        if (!py_is_null(vals[i]))
            py_raise_msg(&py_type_TypeError, "%s.__new__() got multiple values for argument '%s'", cls->name,
                         py_str_data(name));
        vals[i] = argv[argc + k];
    }
    py_val_t defaults = PY_NULL;
    for (size_t i = 0; i < nf; i++) {
        if (!py_is_null(vals[i])) continue;
        if (py_is_null(defaults)) defaults = py_type_lookup(cls, n_field_defaults);
        py_val_t dv = py_is_type(defaults, &py_type_dict)
                          ? py_dict_get(defaults, py_as_tuple(fields)->items[i])
                          : PY_NULL;
        vals[i] = dv;
    }
    for (size_t i = 0; i < nf; i++)
        if (py_is_null(vals[i])) missing_args(cls->name, fields, vals);
    return nt_instance(cls, t);
}

/* _make(cls, iterable): the classmethod's native part. */
static py_val_t nt_make(int argc, const py_val_t *argv, py_val_t kw) {
    py_type_t *cls = cls_arg(argv[0], "_make");
    size_t nf = py_as_tuple(fields_of(cls))->len;
    py_val_t list = py_list_from_iter(argv[1]);
    size_t n = py_as_list(list)->len;
    if (n != nf) py_raise_msg(&py_type_TypeError, "Expected %zu arguments, got %zu", nf, n);
    return nt_instance(cls, py_tuple_from_array(n, py_as_list(list)->items));
}

static bool is_identifier(py_val_t s) {
    return py_truthy(py_call_method(s, py_intern("isidentifier"), 0, NULL));
}

static bool is_keyword(const char *s) {
    static const char *const kw[] = {
        "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
        "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
        "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
        "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield",    NULL};
    for (int i = 0; kw[i]; i++)
        if (!strcmp(kw[i], s)) return true;
    return false;
}

static py_val_t helper(const char *name) {
    py_val_t v = py_dict_get(py_helpers, py_intern(name));
    if (py_is_null(v)) py_raise_msg(&py_type_SystemError, "collections helper %s missing", name);
    return v;
}

/* namedtuple(typename, field_names, *, rename=False, defaults=None, module=None) */
static py_val_t c_namedtuple(int argc, const py_val_t *argv, py_val_t kwnames) {
    py_val_t name = argv[0], spec = argv[1];
    bool rename = py_truthy(py_kwarg(argc, argv, kwnames, "rename", PY_FALSE));
    py_val_t defaults = py_kwarg(argc, argv, kwnames, "defaults", PY_NONE);
    py_val_t module = py_kwarg(argc, argv, kwnames, "module", PY_NONE);
    if (!py_is_str(name)) py_raise_type_error_arg("namedtuple", "str", name);
    name = py_str(name);
    if (py_is_str(spec)) {
        py_val_t comma = py_str_new(",", 1), space = py_str_new(" ", 1);
        py_val_t args[2] = {comma, space};
        spec = py_call_method(py_call_method(py_str(spec), py_intern("replace"), 2, args), py_intern("split"),
                              0, NULL);
    }
    py_val_t list = py_list_from_iter(spec);
    py_list_t *l = py_as_list(list);
    for (size_t i = 0; i < l->len; i++) {
        if (!py_is_str(l->items[i]))
            py_raise_msg(&py_type_TypeError, "Type names and field names must be strings");
        l->items[i] = py_intern_str(py_str(l->items[i]));
    }
    if (rename) {
        py_val_t seen = py_set_new(false);
        for (size_t i = 0; i < l->len; i++) {
            py_val_t f = l->items[i];
            const char *s = py_str_data(f);
            if (!is_identifier(f) || is_keyword(s) || s[0] == '_' || py_set_contains(seen, f))
                l->items[i] = f = py_intern_str(py_str_printf("_%zu", i));
            py_set_add(seen, f);
        }
    }
    py_val_t check[1] = {name};
    for (size_t i = 0; i <= l->len; i++) {
        py_val_t f = i == 0 ? check[0] : l->items[i - 1];
        const char *s = py_str_data(f);
        if (!is_identifier(f))
            py_raise_msg(&py_type_ValueError, "Type names and field names must be valid identifiers: '%s'",
                         s);
        if (is_keyword(s))
            py_raise_msg(&py_type_ValueError, "Type names and field names cannot be a keyword: '%s'", s);
    }
    py_val_t seen = py_set_new(false);
    for (size_t i = 0; i < l->len; i++) {
        py_val_t f = l->items[i];
        if (py_str_data(f)[0] == '_' && !rename)
            py_raise_msg(&py_type_ValueError, "Field names cannot start with an underscore: '%s'",
                         py_str_data(f));
        if (py_set_contains(seen, f))
            py_raise_msg(&py_type_ValueError, "Encountered duplicate field name: '%s'", py_str_data(f));
        py_set_add(seen, f);
    }
    py_val_t fields = py_tuple_from_array(l->len, l->items);
    py_val_t fdefaults = py_dict_new();
    if (!py_is_none(defaults)) {
        py_val_t dl = py_list_from_iter(defaults);
        size_t nd = py_as_list(dl)->len, nf = l->len;
        if (nd > nf) py_raise_msg(&py_type_TypeError, "Got more default values than field names");
        for (size_t i = 0; i < nd; i++)
            py_dict_set(fdefaults, l->items[nf - nd + i], py_as_list(dl)->items[i]);
    }

    py_val_t ns = py_dict_new();
    static const py_method_def_t new_def = {"__new__", nt_new, 1, -1, PY_MF_KW};
    py_dict_set(ns, PYN(__new__), py_cfunc_new(&new_def, PY_NULL));
    py_dict_set(ns, n_fields, fields);
    py_dict_set(ns, n_field_defaults, fdefaults);
    py_dict_set(ns, py_intern("__match_args__"), fields);
    py_dict_set(ns, PYN(__slots__), py_tuple_new(0));
    py_dict_set(ns, PYN(__repr__), helper("_nt_repr"));
    py_dict_set(ns, py_intern("_asdict"), helper("_nt_asdict"));
    py_dict_set(ns, py_intern("_replace"), helper("_nt_replace"));
    py_dict_set(ns, py_intern("__getnewargs__"), helper("_nt_getnewargs"));
    py_dict_set(ns, n_make, py_call1(py_obj(&py_type_classmethod), helper("_nt_make")));
    for (size_t i = 0; i < l->len; i++) {
        tuplegetter_t *g = py_gc_alloc(&tuplegetter_type, sizeof(tuplegetter_t));
        g->index = i;
        py_dict_set(ns, l->items[i], py_call1(py_obj(&py_type_property), py_obj(g)));
    }
    if (py_is_none(module)) {
        /* the caller's module, as CPython (the running frame is the caller's) */
        py_val_t g = py_vm_globals();
        module = py_is_null(g) ? PY_NULL : py_dict_get(g, PYN(__name__));
        if (py_is_null(module)) module = py_intern("__main__");
    }
    py_dict_set(ns, PYN(__module__), module);
    py_val_t bases = py_tuple_pack(1, py_obj(&py_type_tuple));
    return py_type_new_class(name, bases, ns, PY_NULL);
}

/* ================================================= Python-level parts */

static const char PY_SOURCE[] =
    "def _nt_repr(self):\n"
    "    return self.__class__.__name__ + '(' + ', '.join([f + '=' + repr(v) for f, v in zip(self._fields, "
    "self)]) + ')'\n"
    "def _nt_asdict(self):\n"
    "    return dict(zip(self._fields, self))\n"
    "def _nt_replace(self, **kw):\n"
    "    r = self._make([kw.pop(f, v) for f, v in zip(self._fields, self)])\n"
    "    if kw:\n"
    "        raise ValueError('Got unexpected field names: %r' % list(kw))\n"
    "    return r\n"
    "def _nt_make(cls, iterable):\n"
    "    return _nt_build(cls, iterable)\n"
    "def _nt_getnewargs(self):\n"
    "    return tuple(self)\n"
    "class OrderedDict(dict):\n"
    "    def __repr__(self):\n"
    "        if not self:\n"
    "            return self.__class__.__name__ + '()'\n"
    "        return '%s(%r)' % (self.__class__.__name__, list(self.items()))\n"
    "    def move_to_end(self, key, last=True):\n"
    "        v = dict.pop(self, key)\n"
    "        if last:\n"
    "            dict.__setitem__(self, key, v)\n"
    "        else:\n"
    "            rest = list(dict.items(self))\n"
    "            dict.clear(self)\n"
    "            dict.__setitem__(self, key, v)\n"
    "            dict.update(self, rest)\n"
    "    def popitem(self, last=True):\n"
    "        if not self:\n"
    "            raise KeyError('dictionary is empty')\n"
    "        if last:\n"
    "            return dict.popitem(self)\n"
    "        k = next(iter(self))\n"
    "        return (k, dict.pop(self, k))\n"
    "    def __eq__(self, other):\n"
    "        if isinstance(other, OrderedDict):\n"
    "            return len(self) == len(other) and list(self.items()) == list(other.items())\n"
    "        if isinstance(other, dict):\n"
    "            return dict(self) == dict(other)\n"
    "        return NotImplemented\n"
    "    def __ne__(self, other):\n"
    "        r = self.__eq__(other)\n"
    "        return r if r is NotImplemented else not r\n"
    "    __hash__ = None\n"
    "    def copy(self):\n"
    "        return self.__class__(self)\n"
    "    __copy__ = copy\n"
    "class defaultdict(dict):\n"
    "    def __init__(self, default_factory=None, *args, **kwargs):\n"
    "        if default_factory is not None and not callable(default_factory):\n"
    "            raise TypeError('first argument must be callable or None')\n"
    "        dict.__init__(self, *args, **kwargs)\n"
    "        self.default_factory = default_factory\n"
    "    def __missing__(self, key):\n"
    "        f = self.default_factory\n"
    "        if f is None:\n"
    "            raise KeyError(key)\n"
    "        v = self[key] = f()\n"
    "        return v\n"
    "    def __repr__(self):\n"
    "        return '%s(%r, %s)' % (self.__class__.__name__, self.default_factory, dict.__repr__(self))\n"
    "    def copy(self):\n"
    "        return self.__class__(self.default_factory, self)\n"
    "    __copy__ = copy\n";

static const py_method_def_t collections_functions[] = {
    {"namedtuple", c_namedtuple, 2, 2, PY_MF_KW},
    {"_nt_build", nt_make, 2, 2, 0},
    PY_MF_END,
};

static void collections_init(py_val_t module) {
    if (py_is_null(py_helpers)) {
        py_gc_add_root(&py_helpers);
        n_fields = py_intern("_fields");
        n_field_defaults = py_intern("_field_defaults");
        n_make = py_intern("_make");
    }
    py_val_t g = ((py_module_t *)py_as_ptr(module))->dict;
    py_module_add(module, "deque", py_obj(&mod_type_deque));
    py_exec_source(PY_SOURCE, sizeof PY_SOURCE - 1, py_intern("<collections>"), PY_MODE_EXEC, g, g);
    py_helpers = g;
}

const py_module_def_t py_module_collections = {"collections", collections_functions, collections_init};
