/* obj_iter.c: the builtin iterator types enumerate, zip, map, filter and
 * reversed.
 *
 * Each wraps one or more iterators (or, for reversed, a sequence) and is
 * itself an iterator: the iter slot returns self, iternext answers PY_NULL
 * when exhausted, and __next__ (a method, for next(it) and explicit calls)
 * raises StopIteration.  Each __next__ calls its own type's native iternext,
 * never the instance's slot, so a Python subclass whose __next__ calls
 * super().__next__() cannot recurse into itself.
 *
 * Structs have a fixed size (several iterators live in a tuple), so classes
 * written in Python may derive from these types with the container layout.
 *
 * reversed(seq) picks the cheapest form: a backwards range iterator for a
 * range; direct item access for list and tuple (a list is re-checked against
 * its current length at every step, as it may shrink); the type's
 * __reversed__ when it has one; a snapshot of the keys for a dict without
 * one; else len() plus __getitem__ from the end, where IndexError or
 * StopIteration ends the iteration.
 */
#include <string.h>

#include "iterobj.h"
#include "objcore.h"
#include "runtime.h"

static inline py_val_t next_of(py_val_t it) {
    py_type_t *t = py_type_of(it);
    return t->iternext ? t->iternext(it) : py_next(it);
}

static bool has_kw(py_val_t kw) { return !py_is_null(kw) && py_as_tuple(kw)->len; }

static py_val_t iter_self(py_val_t self) { return self; }
static py_val_t m_iter_self(int argc, const py_val_t *argv, py_val_t kw) { return argv[0]; }

/* NAME's __next__ method, over its native iternext FN. */
#define ITER_NEXT(NAME, FN)                                                                                  \
    static py_val_t m_##NAME##_next(int argc, const py_val_t *argv, py_val_t kw) {                           \
        py_val_t v = FN(argv[0]);                                                                            \
        if (py_is_null(v)) py_raise(py_obj(&py_type_StopIteration));                                         \
        return v;                                                                                            \
    }

/* A tuple of iterators over argv[0..n-1]. */
static py_val_t iter_tuple(int n, const py_val_t *argv) {
    py_val_t t = py_tuple_new((size_t)n);
    for (int i = 0; i < n; i++) py_as_tuple(t)->items[i] = py_iter(argv[i]);
    return t;
}

/* ------------------------------------------------------------ enumerate */

typedef struct {
    py_obj_t h;
    py_val_t iter;
    int64_t n;    /* the next count, while it fits a small int */
    py_val_t big; /* the next count once it does not (PY_NULL until then) */
} enumerate_t;

static py_val_t enumerate_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t iterable = argc > 0 ? argv[0] : PY_NULL;
    py_val_t start = argc > 1 ? argv[1] : PY_NULL;
    if (argc > 2) py_raise_msg(&py_type_TypeError, "enumerate() takes at most 2 arguments (%d given)", argc);
    if (has_kw(kw)) {
        py_tuple_t *k = py_as_tuple(kw);
        for (size_t i = 0; i < k->len; i++) {
            const char *name = py_str_data(k->items[i]);
            py_val_t *slot;
            int pos;
            if (!strcmp(name, "iterable"))
                slot = &iterable, pos = 1;
            else if (!strcmp(name, "start"))
                slot = &start, pos = 2;
            else
                py_raise_msg(&py_type_TypeError, "'%s' is an invalid keyword argument for enumerate()", name);
            if (!py_is_null(*slot))
                py_raise_msg(&py_type_TypeError,
                             "argument for enumerate() given by name ('%s') and position (%d)", name, pos);
            *slot = argv[(size_t)argc + i];
        }
    }
    if (py_is_null(iterable))
        py_raise_msg(&py_type_TypeError, "enumerate() missing required argument 'iterable'");
    int64_t n = 0;
    py_val_t big = PY_NULL;
    if (!py_is_null(start)) {
        if (py_is_small(start))
            n = py_as_small(start);
        else if (py_is_int(start) && !py_int_fits_i64(start))
            big = start;
        else
            n = py_to_i64(start); /* bool, __index__, or TypeError */
        if (py_is_null(big) && !py_fits_small(n)) big = py_int_from_i64(n);
    }
    py_val_t it = py_iter(iterable);
    enumerate_t *e = py_gc_alloc(&py_type_enumerate, sizeof(enumerate_t));
    e->iter = it;
    e->n = n;
    e->big = big;
    return py_obj(e);
}

static py_val_t enumerate_next(py_val_t self) {
    enumerate_t *e = py_as_ptr(self);
    py_val_t v = next_of(e->iter);
    if (py_is_null(v)) return PY_NULL;
    py_val_t idx;
    if (py_is_null(e->big)) {
        idx = py_small(e->n);
        if (e->n == PY_SMALL_MAX)
            e->big = py_int_from_i64(e->n + 1);
        else
            e->n++;
    } else {
        idx = e->big;
        e->big = py_binary(PY_OP_ADD, idx, py_small(1));
    }
    py_val_t t = py_tuple_new(2);
    py_as_tuple(t)->items[0] = idx;
    py_as_tuple(t)->items[1] = v;
    return t;
}

static void enumerate_trace(py_obj_t *o) {
    enumerate_t *e = (enumerate_t *)o;
    py_gc_mark(e->iter);
    py_gc_mark(e->big);
}

ITER_NEXT(enumerate, enumerate_next)

static const py_method_def_t enumerate_methods[] = {
    {"__iter__", m_iter_self, 1, 1, 0},
    {"__next__", m_enumerate_next, 1, 1, 0},
    PY_MF_END,
};

py_type_t py_type_enumerate = {
    .h = {&py_type_type},
    .name = "enumerate",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .instance_size = sizeof(enumerate_t),
    .methods = enumerate_methods,
    .make_new = enumerate_make_new,
    .iter = iter_self,
    .iternext = enumerate_next,
    .trace = enumerate_trace,
};

/* ------------------------------------------------------------ zip */

typedef struct {
    py_obj_t h;
    py_val_t iters; /* tuple */
    bool strict;
} zip_t;

static py_val_t zip_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kw) {
    bool strict = false;
    if (has_kw(kw)) {
        py_tuple_t *k = py_as_tuple(kw);
        for (size_t i = 0; i < k->len; i++) {
            const char *name = py_str_data(k->items[i]);
            if (strcmp(name, "strict") != 0)
                py_raise_msg(&py_type_TypeError, "'%s' is an invalid keyword argument for zip()", name);
            strict = py_truthy(argv[(size_t)argc + i]);
        }
    }
    py_val_t iters = iter_tuple(argc, argv);
    zip_t *z = py_gc_alloc(&py_type_zip, sizeof(zip_t));
    z->iters = iters;
    z->strict = strict;
    return py_obj(z);
}

/* "argument 1" or "arguments 1-n" */
static void strict_error(int which, const char *how) {
    if (which == 2) py_raise_msg(&py_type_ValueError, "zip() argument 2 is %s than argument 1", how);
    py_raise_msg(&py_type_ValueError, "zip() argument %d is %s than arguments 1-%d", which, how, which - 1);
}

/* Iterator i (0-based) ran out under strict=True. */
static void strict_check(py_tuple_t *its, size_t i) {
    if (i > 0) strict_error((int)i + 1, "shorter");
    for (size_t j = 1; j < its->len; j++)
        if (!py_is_null(next_of(its->items[j]))) strict_error((int)j + 1, "longer");
}

static py_val_t zip_next(py_val_t self) {
    zip_t *z = py_as_ptr(self);
    py_tuple_t *its = py_as_tuple(z->iters);
    size_t n = its->len;
    if (n == 0) return PY_NULL;
    py_val_t out = py_tuple_new(n);
    py_val_t *items = py_as_tuple(out)->items;
    for (size_t i = 0; i < n; i++) {
        py_val_t v = next_of(its->items[i]);
        if (py_is_null(v)) {
            if (z->strict) strict_check(its, i);
            return PY_NULL;
        }
        items[i] = v;
    }
    return out;
}

static void zip_trace(py_obj_t *o) { py_gc_mark(((zip_t *)o)->iters); }

ITER_NEXT(zip, zip_next)

static const py_method_def_t zip_methods[] = {
    {"__iter__", m_iter_self, 1, 1, 0},
    {"__next__", m_zip_next, 1, 1, 0},
    PY_MF_END,
};

py_type_t py_type_zip = {
    .h = {&py_type_type},
    .name = "zip",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .instance_size = sizeof(zip_t),
    .methods = zip_methods,
    .make_new = zip_make_new,
    .iter = iter_self,
    .iternext = zip_next,
    .trace = zip_trace,
};

/* ------------------------------------------------------------ map */

typedef struct {
    py_obj_t h;
    py_val_t func;
    py_val_t iters; /* tuple, at least one */
} map_t;

static py_val_t map_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kw) {
    if (has_kw(kw)) py_raise_msg(&py_type_TypeError, "map() takes no keyword arguments");
    if (argc < 2) py_raise_msg(&py_type_TypeError, "map() must have at least two arguments.");
    py_val_t iters = iter_tuple(argc - 1, argv + 1);
    map_t *m = py_gc_alloc(&py_type_map, sizeof(map_t));
    m->func = argv[0];
    m->iters = iters;
    return py_obj(m);
}

#define MAP_STACK_ARGS 8

static py_val_t map_next(py_val_t self) {
    map_t *m = py_as_ptr(self);
    py_tuple_t *its = py_as_tuple(m->iters);
    size_t n = its->len;
    if (n == 1) {
        py_val_t v = next_of(its->items[0]);
        if (py_is_null(v)) return PY_NULL;
        return py_call(m->func, 1, &v, PY_NULL);
    }
    py_val_t buf[MAP_STACK_ARGS];
    /* many iterables: the arguments go in a scratch tuple, kept alive by
     * `args` (the stack scan accepts interior pointers) */
    py_val_t *args = n <= MAP_STACK_ARGS ? buf : py_as_tuple(py_tuple_new(n))->items;
    for (size_t i = 0; i < n; i++) {
        args[i] = next_of(its->items[i]);
        if (py_is_null(args[i])) return PY_NULL;
    }
    return py_call(m->func, (int)n, args, PY_NULL);
}

static void map_trace(py_obj_t *o) {
    map_t *m = (map_t *)o;
    py_gc_mark(m->func);
    py_gc_mark(m->iters);
}

ITER_NEXT(map, map_next)

static const py_method_def_t map_methods[] = {
    {"__iter__", m_iter_self, 1, 1, 0},
    {"__next__", m_map_next, 1, 1, 0},
    PY_MF_END,
};

py_type_t py_type_map = {
    .h = {&py_type_type},
    .name = "map",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .instance_size = sizeof(map_t),
    .methods = map_methods,
    .make_new = map_make_new,
    .iter = iter_self,
    .iternext = map_next,
    .trace = map_trace,
};

/* ------------------------------------------------------------ filter */

typedef struct {
    py_obj_t h;
    py_val_t func; /* PY_NONE: keep truthy items */
    py_val_t iter;
} filter_t;

static py_val_t filter_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kw) {
    if (has_kw(kw)) py_raise_msg(&py_type_TypeError, "filter() takes no keyword arguments");
    if (argc != 2) py_raise_msg(&py_type_TypeError, "filter expected 2 arguments, got %d", argc);
    py_val_t it = py_iter(argv[1]);
    filter_t *f = py_gc_alloc(&py_type_filter, sizeof(filter_t));
    /* filter(bool, ...) is filter(None, ...): skip the call */
    f->func = argv[0] == py_obj(&py_type_bool) ? PY_NONE : argv[0];
    f->iter = it;
    return py_obj(f);
}

static py_val_t filter_next(py_val_t self) {
    filter_t *f = py_as_ptr(self);
    for (;;) {
        py_val_t v = next_of(f->iter);
        if (py_is_null(v)) return PY_NULL;
        if (py_is_none(f->func) ? py_truthy(v) : py_truthy(py_call(f->func, 1, &v, PY_NULL))) return v;
        /* a long run of rejected items from a native iterator never reaches a VM poll point */
        if (py_pending) py_handle_pending();
    }
}

static void filter_trace(py_obj_t *o) {
    filter_t *f = (filter_t *)o;
    py_gc_mark(f->func);
    py_gc_mark(f->iter);
}

ITER_NEXT(filter, filter_next)

static const py_method_def_t filter_methods[] = {
    {"__iter__", m_iter_self, 1, 1, 0},
    {"__next__", m_filter_next, 1, 1, 0},
    PY_MF_END,
};

py_type_t py_type_filter = {
    .h = {&py_type_type},
    .name = "filter",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .instance_size = sizeof(filter_t),
    .methods = filter_methods,
    .make_new = filter_make_new,
    .iter = iter_self,
    .iternext = filter_next,
    .trace = filter_trace,
};

/* ------------------------------------------------------------ reversed */

enum { REV_LIST, REV_TUPLE, REV_STR, REV_GENERIC };

typedef struct {
    py_obj_t h;
    py_val_t seq;  /* PY_NULL once exhausted */
    int64_t index; /* next index to produce (for a str: the last byte of the next
                    * character); -1 when done */
    int kind;      /* REV_* */
} reversed_t;

static py_type_t list_reviter_type;

static py_val_t rev_new(py_type_t *type, py_val_t seq, int64_t last, int kind) {
    reversed_t *r = py_gc_alloc(type, sizeof(reversed_t));
    r->seq = seq;
    r->index = last;
    r->kind = kind;
    return py_obj(r);
}

PY_NORETURN static void not_reversible(py_val_t v) {
    py_raise_msg(&py_type_TypeError, "'%s' object is not reversible", py_type_name(v));
}

static py_val_t reversed_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kw) {
    if (has_kw(kw)) py_raise_msg(&py_type_TypeError, "reversed() takes no keyword arguments");
    if (argc != 1) py_raise_msg(&py_type_TypeError, "reversed expected 1 argument, got %d", argc);
    py_val_t seq = argv[0];
    py_type_t *t = py_type_of(seq);
    if (t == &py_type_range) return py_range_reversed(seq);
    if (t == &py_type_list)
        return rev_new(&list_reviter_type, seq, (int64_t)py_as_list(seq)->len - 1, REV_LIST);
    if (t == &py_type_tuple)
        return rev_new(&py_type_reversed, seq, (int64_t)py_as_tuple(seq)->len - 1, REV_TUPLE);
    if (t == &py_type_str) return rev_new(&py_type_reversed, seq, (int64_t)py_str_len(seq) - 1, REV_STR);
    py_val_t f = py_type_lookup(t, PYN(__reversed__));
    if (!py_is_null(f)) {
        if (py_is_none(f)) not_reversible(seq);
        return py_call_bound(f, seq, 0, NULL, PY_NULL);
    }
    if (py_is_instance(seq, &py_type_dict)) {
        /* no dict.__reversed__: iterate a snapshot of the keys backwards */
        py_val_t keys = py_list_new(0);
        size_t pos = 0;
        py_val_t k, v;
        while (py_dict_next(seq, &pos, &k, &v)) py_list_append(keys, k);
        return rev_new(&list_reviter_type, keys, (int64_t)py_as_list(keys)->len - 1, REV_LIST);
    }
    if (!t->getitem) not_reversible(seq);
    return rev_new(&py_type_reversed, seq, (int64_t)py_len(seq) - 1, REV_GENERIC);
}

static py_val_t rev_done(reversed_t *r) {
    r->index = -1;
    r->seq = PY_NULL;
    return PY_NULL;
}

static py_val_t reversed_next(py_val_t self) {
    reversed_t *r = py_as_ptr(self);
    int64_t i = r->index;
    if (i < 0) return rev_done(r);
    switch (r->kind) {
    case REV_LIST: {
        py_list_t *l = py_as_list(r->seq);
        if ((uint64_t)i >= l->len) return rev_done(r);
        r->index = i - 1;
        return l->items[i];
    }
    case REV_TUPLE:
        r->index = i - 1;
        return py_as_tuple(r->seq)->items[i];
    case REV_STR: {
        /* index is a byte offset here: step back over one UTF-8 sequence */
        const char *d = py_str_data(r->seq);
        int64_t start = i;
        while (start > 0 && ((uint8_t)d[start] & 0xC0) == 0x80) start--;
        r->index = start - 1;
        return py_str_new(d + start, (size_t)(i + 1 - start));
    }
    default:
        break;
    }
    py_try_t tr;
    py_val_t v = PY_NULL;
    if (py_try(&tr)) {
        v = py_getitem(r->seq, py_small(i));
        py_try_end(&tr);
    } else {
        if (py_exc_matches(tr.exc, py_obj(&py_type_IndexError)) ||
            py_exc_matches(tr.exc, py_obj(&py_type_StopIteration)))
            return rev_done(r);
        py_raise(tr.exc);
    }
    r->index = i - 1;
    return v;
}

static py_val_t m_length_hint(int argc, const py_val_t *argv, py_val_t kw) {
    reversed_t *r = py_as_ptr(argv[0]);
    if (r->index < 0) return py_small(0);
    if (r->kind == REV_LIST && (uint64_t)r->index >= py_as_list(r->seq)->len) return py_small(0);
    if (r->kind == REV_STR) {
        const char *d = py_str_data(r->seq);
        int64_t n = 0;
        for (int64_t i = 0; i <= r->index; i++) n += ((uint8_t)d[i] & 0xC0) != 0x80;
        return py_int_from_i64(n);
    }
    return py_int_from_i64(r->index + 1);
}

static void reversed_trace(py_obj_t *o) { py_gc_mark(((reversed_t *)o)->seq); }

ITER_NEXT(reversed, reversed_next)

static const py_method_def_t reversed_methods[] = {
    {"__iter__", m_iter_self, 1, 1, 0},
    {"__next__", m_reversed_next, 1, 1, 0},
    {"__length_hint__", m_length_hint, 1, 1, 0},
    PY_MF_END,
};

py_type_t py_type_reversed = {
    .h = {&py_type_type},
    .name = "reversed",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .instance_size = sizeof(reversed_t),
    .methods = reversed_methods,
    .make_new = reversed_make_new,
    .iter = iter_self,
    .iternext = reversed_next,
    .trace = reversed_trace,
};

/* reversed(list) answers this type, like CPython; it is created only here. */
static py_type_t list_reviter_type = {
    .h = {&py_type_type},
    .name = "list_reverseiterator",
    .base = &py_type_object,
    .instance_size = sizeof(reversed_t),
    .methods = reversed_methods,
    .iter = iter_self,
    .iternext = reversed_next,
    .trace = reversed_trace,
};
