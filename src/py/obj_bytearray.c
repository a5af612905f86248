/* obj_bytearray.c: the bytearray type (a mutable bytes).
 *
 * Layout: py_bytearray_t (bytes_shared.h): len used bytes of a raw block of
 * cap bytes; an empty bytearray with no storage points at a static empty
 * buffer (cap 0) so data is never NULL for our own objects.  Growth
 * allocates a new block and leaves the old one to the collector instead of
 * freeing it, so a pointer some C code took from a buffer export earlier
 * never dangles (memoryview re-reads the pointer on every access anyway).
 * Subclasses use PY_TF_LAYOUT_CONTAINER: this struct with a dict slot
 * appended, so every method casts self directly.  bytearray is unhashable;
 * its buffer is writable.  The read-only methods are shared with bytes
 * (bytes_methods.c) and return bytearrays here.
 */
#include <string.h>

#include "bytes_shared.h"

static uint8_t empty_storage[1];

/* ------------------------------------------------------------ storage */

py_bytearray_t *py_bytearray_alloc(size_t n) {
    py_bytearray_t *b = py_gc_alloc(&py_type_bytearray, sizeof *b);
    b->data = empty_storage;
    if (n) {
        if (n > ((size_t)1 << 47)) py_raise_no_memory();
        b->data = py_raw_alloc(n);
        b->cap = n;
        b->len = n;
    }
    return b;
}

py_val_t py_bytearray_new(const void *data, size_t n) {
    py_bytearray_t *b = py_bytearray_alloc(n);
    if (n) memcpy(b->data, data, n);
    return py_obj(b);
}

void py_bytearray_reserve(py_bytearray_t *b, size_t need) {
    if (need <= b->cap) return;
    if (need > ((size_t)1 << 47)) py_raise_no_memory();
    size_t cap = b->cap + b->cap / 2 + 16;
    if (cap < need) cap = need;
    uint8_t *d = py_raw_alloc(cap);
    if (b->len) memcpy(d, b->data, b->len);
    b->data = d; /* the old block is garbage now, but not freed: see the file comment */
    b->cap = cap;
}

void py_bytearray_resize(py_bytearray_t *b, size_t n) {
    py_bytearray_reserve(b, n);
    if (n > b->len) memset(b->data + b->len, 0, n - b->len);
    b->len = n;
}

/* self of a bytearray method or slot (bytearray or a subclass instance). */
static py_bytearray_t *self_ba(py_val_t v) {
    if (!py_is_type(v, &py_type_bytearray) && !py_is_instance(v, &py_type_bytearray))
        py_raise_msg(&py_type_TypeError, "descriptor requires a 'bytearray' object but received a '%s'",
                     py_type_name(v));
    py_bytearray_t *b = py_as_ptr(v);
    if (!b->data) b->data = empty_storage; /* a subclass instance allocated zeroed */
    return b;
}

/* Data of a bytes-like value, copied to a fresh block if it lives in b's
 * storage (so b can be rewritten while reading it). */
static const uint8_t *source_bytes(py_bytearray_t *b, py_val_t v, size_t *n) {
    const uint8_t *p;
    py_bytes_arg(v, &p, n);
    if (*n && p + *n > b->data && p < b->data + (b->cap ? b->cap : 1)) {
        uint8_t *c = py_raw_alloc(*n);
        memcpy(c, p, *n);
        return c;
    }
    return p;
}

static void insert_bytes(py_bytearray_t *b, size_t at, const uint8_t *p, size_t n) {
    py_bytearray_reserve(b, b->len + n);
    memmove(b->data + at + n, b->data + at, b->len - at);
    if (n) memcpy(b->data + at, p, n);
    b->len += n;
}

static void delete_range(py_bytearray_t *b, size_t at, size_t n) {
    memmove(b->data + at, b->data + at + n, b->len - at - n);
    b->len -= n;
}

/* ------------------------------------------------------------ slots */

void py_bytearray_print_slot(py_sb_t *sb, py_val_t self, int kind) {
    py_bytearray_t *b = self_ba(self);
    py_sb_adds(sb, py_type_name(self));
    py_sb_addc(sb, '(');
    py_bytes_repr_data(sb, b->data, b->len, true);
    py_sb_addc(sb, ')');
}

static py_val_t bytearray_unary(py_unop_t op, py_val_t v) {
    py_bytearray_t *b = self_ba(v);
    switch (op) {
    case PY_UNARY_LEN:
        return py_small((int64_t)b->len);
    case PY_UNARY_BOOL:
        return py_bool(b->len != 0);
    default:
        return PY_NULL; /* PY_UNARY_HASH too: the runtime reports it unhashable */
    }
}

static void repeat_in_place(py_bytearray_t *b, int64_t k) {
    if (k <= 0 || b->len == 0) {
        b->len = 0;
        return;
    }
    size_t n = b->len;
    if ((uint64_t)k > ((size_t)1 << 47) / n) py_raise_no_memory();
    size_t total = n * (size_t)k;
    py_bytearray_reserve(b, total);
    for (size_t done = n; done < total;) {
        size_t c = done < total - done ? done : total - done;
        memcpy(b->data + done, b->data, c);
        done += c;
    }
    b->len = total;
}

static py_val_t bytearray_binary(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    if (op == PY_OP_ADD + PY_OP_INPLACE || op == PY_OP_MUL + PY_OP_INPLACE) {
        if (!py_is_instance(lhs, &py_type_bytearray)) return PY_NULL;
        py_bytearray_t *b = self_ba(lhs);
        if (op == PY_OP_ADD + PY_OP_INPLACE) {
            if (!py_is_obj(rhs) || !py_type_of(rhs)->buffer) return PY_NULL; /* + raises the error */
            const uint8_t *p;
            size_t n;
            py_bytes_arg(rhs, &p, &n);
            /* p stays readable if reserve moves b's storage: old blocks are not freed */
            py_bytearray_reserve(b, b->len + n);
            if (n) memmove(b->data + b->len, p, n);
            b->len += n;
            return lhs;
        }
        if (py_is_float(rhs) || !py_bytes_is_index(rhs)) return PY_NULL;
        repeat_in_place(b, py_to_i64(rhs));
        return lhs;
    }
    return py_bytes_seq_binary_bytearray(op, lhs, rhs);
}

/* Slice assignment and deletion (value == PY_NULL deletes). */
static void set_slice(py_bytearray_t *b, py_val_t slice, py_val_t value) {
    ssize_t start, stop, step;
    size_t count = py_slice_indices(slice, b->len, &start, &stop, &step);
    const uint8_t *p = NULL;
    size_t n = 0;
    if (!py_is_null(value)) {
        if (py_is_obj(value) && py_type_of(value)->buffer) {
            p = source_bytes(b, value, &n);
        } else if (py_is_small(value) || py_is_str(value) || py_is_float(value) || !py_is_obj(value) ||
                   py_bytes_is_index(value)) {
            py_raise_msg(&py_type_TypeError,
                         "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        } else {
            py_bytearray_t *tmp = py_bytearray_alloc(0);
            py_bytes_extend_iterable(tmp, value);
            p = tmp->data;
            n = tmp->len;
            /* the iteration may have resized b: resolve the slice again */
            count = py_slice_indices(slice, b->len, &start, &stop, &step);
        }
    }
    if (step == 1) {
        size_t at = (size_t)start;
        if (n <= count) {
            if (n) memcpy(b->data + at, p, n);
            delete_range(b, at + n, count - n);
        } else {
            if (count) memcpy(b->data + at, p, count);
            insert_bytes(b, at + count, p + count, n - count);
        }
        return;
    }
    if (py_is_null(value) || n == 0) {
        /* extended slice deletion (CPython deletes on an empty value too): compact the survivors */
        if (count == 0) return;
        bool *drop = py_raw_alloc(b->len);
        ssize_t j = start;
        for (size_t i = 0; i < count; i++, j += step) drop[j] = true;
        size_t o = 0;
        for (size_t i = 0; i < b->len; i++)
            if (!drop[i]) b->data[o++] = b->data[i];
        b->len = o;
        py_raw_free(drop);
        return;
    }
    if (n != count)
        py_raise_msg(&py_type_ValueError, "attempt to assign bytes of size %zu to extended slice of size %zu",
                     n, count);
    ssize_t j = start;
    for (size_t i = 0; i < count; i++, j += step) b->data[j] = p[i];
}

static void bytearray_setitem(py_val_t self, py_val_t key, py_val_t value) {
    py_bytearray_t *b = self_ba(self);
    if (py_is_small(key) || (!py_is_float(key) && py_bytes_is_index(key))) {
        size_t i = py_bytes_index(key, b->len, "bytearray index out of range");
        if (py_is_null(value))
            delete_range(b, i, 1);
        else
            b->data[i] = py_bytes_byte_value(value);
        return;
    }
    if (py_is_type(key, &py_type_slice)) {
        set_slice(b, key, value);
        return;
    }
    py_raise_msg(&py_type_TypeError, "bytearray indices must be integers or slices, not %s",
                 py_type_name(key));
}

static int bytearray_buffer(py_val_t self, py_buf_t *out, int writable) {
    py_bytearray_t *b = self_ba(self);
    out->data = b->data;
    out->len = b->len;
    out->typecode = 'B';
    out->itemsize = 1;
    out->writable = 1;
    return 1;
}

static void bytearray_trace(py_obj_t *o) {
    py_bytearray_t *b = (py_bytearray_t *)o;
    if (b->cap) py_gc_mark_raw(b->data);
}

static py_val_t bytearray_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    py_val_t v = py_bytes_construct(PY_BK_BYTEARRAY, argc, argv, kwnames);
    if (type == &py_type_bytearray) return v;
    /* bytearray.__new__(Subclass, ...): the container layout, this struct first */
    py_bytearray_t *src = py_as_ptr(v);
    char *o = py_gc_alloc(type, type->instance_size);
    py_bytearray_t *b = (py_bytearray_t *)o;
    b->len = src->len;
    b->cap = src->cap;
    b->data = src->data;
    if (type->dict_offset) *(py_val_t *)(o + type->dict_offset) = PY_NULL;
    return py_obj(o);
}

/* ------------------------------------------------------------ methods */

static py_val_t m_new(int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc < 1 || !py_is_obj(argv[0]) || !py_is_subtype(py_obj_type(argv[0]), &py_type_type))
        py_raise_msg(&py_type_TypeError, "bytearray.__new__(X): X is not a type object");
    py_type_t *t = (py_type_t *)py_as_ptr(argv[0]);
    if (!py_is_subtype(t, &py_type_bytearray))
        py_raise_msg(&py_type_TypeError, "bytearray.__new__(%s): %s is not a subtype of bytearray", t->name,
                     t->name);
    /* like CPython, the contents come from __init__ */
    return bytearray_make_new(t, 0, NULL, PY_NULL);
}

static py_val_t m_init(int argc, const py_val_t *argv, py_val_t kw) {
    py_bytearray_t *b = self_ba(argv[0]);
    py_bytearray_t *src = py_as_ptr(py_bytes_construct(PY_BK_BYTEARRAY, argc - 1, argv + 1, kw));
    b->len = src->len;
    b->cap = src->cap;
    b->data = src->data;
    return PY_NONE;
}

static py_val_t m_append(int argc, const py_val_t *argv, py_val_t kw) {
    py_bytearray_t *b = self_ba(argv[0]);
    uint8_t c = py_bytes_byte_value(argv[1]);
    if (b->len == b->cap) py_bytearray_reserve(b, b->len + 1);
    b->data[b->len++] = c;
    return PY_NONE;
}

static py_val_t m_extend(int argc, const py_val_t *argv, py_val_t kw) {
    py_bytearray_t *b = self_ba(argv[0]);
    py_val_t v = argv[1];
    if (py_is_obj(v) && py_type_of(v)->buffer) {
        size_t n;
        const uint8_t *p = source_bytes(b, v, &n);
        insert_bytes(b, b->len, p, n);
        return PY_NONE;
    }
    py_type_t *t = py_type_of(v);
    if (!t->iter && !t->getitem) py_raise_msg(&py_type_TypeError, "can't extend bytearray with %s", t->name);
    /* into a temporary first: a failing item leaves self unchanged */
    py_bytearray_t *tmp = py_bytearray_alloc(0);
    py_bytes_extend_iterable(tmp, v);
    insert_bytes(b, b->len, tmp->data, tmp->len);
    return PY_NONE;
}

static py_val_t m_insert(int argc, const py_val_t *argv, py_val_t kw) {
    py_bytearray_t *b = self_ba(argv[0]);
    int64_t i = py_to_i64(argv[1]);
    uint8_t c = py_bytes_byte_value(argv[2]);
    int64_t n = (int64_t)b->len;
    if (i < 0) i = i + n < 0 ? 0 : i + n;
    if (i > n) i = n;
    insert_bytes(b, (size_t)i, &c, 1);
    return PY_NONE;
}

static py_val_t m_pop(int argc, const py_val_t *argv, py_val_t kw) {
    py_bytearray_t *b = self_ba(argv[0]);
    if (b->len == 0) py_raise_msg(&py_type_IndexError, "pop from empty bytearray");
    size_t i = b->len - 1;
    if (argc > 1) i = py_bytes_index(argv[1], b->len, "pop index out of range");
    uint8_t c = b->data[i];
    delete_range(b, i, 1);
    return py_small(c);
}

static py_val_t m_remove(int argc, const py_val_t *argv, py_val_t kw) {
    py_bytearray_t *b = self_ba(argv[0]);
    uint8_t c = py_bytes_byte_value(argv[1]);
    uint8_t *at = b->len ? memchr(b->data, c, b->len) : NULL;
    if (!at) py_raise_msg(&py_type_ValueError, "value not found in bytearray");
    delete_range(b, (size_t)(at - b->data), 1);
    return PY_NONE;
}

static py_val_t m_reverse(int argc, const py_val_t *argv, py_val_t kw) {
    py_bytearray_t *b = self_ba(argv[0]);
    for (size_t i = 0, j = b->len; i + 1 < j; i++, j--) {
        uint8_t t = b->data[i];
        b->data[i] = b->data[j - 1];
        b->data[j - 1] = t;
    }
    return PY_NONE;
}

static py_val_t m_clear(int argc, const py_val_t *argv, py_val_t kw) {
    py_bytearray_t *b = self_ba(argv[0]);
    b->len = 0;
    b->cap = 0;
    b->data = empty_storage;
    return PY_NONE;
}

static py_val_t m_copy(int argc, const py_val_t *argv, py_val_t kw) {
    py_bytearray_t *b = self_ba(argv[0]);
    return py_bytearray_new(b->data, b->len);
}

static py_val_t m_setitem(int argc, const py_val_t *argv, py_val_t kw) {
    bytearray_setitem(argv[0], argv[1], argv[2]);
    return PY_NONE;
}

static py_val_t m_delitem(int argc, const py_val_t *argv, py_val_t kw) {
    bytearray_setitem(argv[0], argv[1], PY_NULL);
    return PY_NONE;
}

static py_val_t m_iadd(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t r = bytearray_binary(PY_OP_ADD + PY_OP_INPLACE, argv[0], argv[1]);
    return py_is_null(r) ? PY_NOTIMPLEMENTED : r;
}

static py_val_t m_imul(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t r = bytearray_binary(PY_OP_MUL + PY_OP_INPLACE, argv[0], argv[1]);
    return py_is_null(r) ? PY_NOTIMPLEMENTED : r;
}

static py_val_t m_alloc(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small((int64_t)self_ba(argv[0])->cap + 1);
}

static const py_method_def_t bytearray_methods[] = {
    PY_BYTES_COMMON_METHODS(PY_BYTES_DEF_) PY_BYTES_DUNDER_DEFS,
    {"__new__", m_new, 1, -1, PY_MF_STATIC | PY_MF_KW},
    {"__init__", m_init, 1, 4, PY_MF_KW},
    {"append", m_append, 2, 2, 0},
    {"extend", m_extend, 2, 2, 0},
    {"insert", m_insert, 3, 3, 0},
    {"pop", m_pop, 1, 2, 0},
    {"remove", m_remove, 2, 2, 0},
    {"reverse", m_reverse, 1, 1, 0},
    {"clear", m_clear, 1, 1, 0},
    {"copy", m_copy, 1, 1, 0},
    {"__setitem__", m_setitem, 3, 3, 0},
    {"__delitem__", m_delitem, 2, 2, 0},
    {"__iadd__", m_iadd, 2, 2, 0},
    {"__imul__", m_imul, 2, 2, 0},
    {"__alloc__", m_alloc, 1, 1, 0},
    PY_MF_END,
};

py_type_t py_type_bytearray = {
    .h = {&py_type_type},
    .name = "bytearray",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .instance_size = sizeof(py_bytearray_t),
    .methods = bytearray_methods,
    .make_new = bytearray_make_new,
    .print = py_bytearray_print_slot,
    .unary = bytearray_unary,
    .binary = bytearray_binary,
    .compare = py_bytes_compare_slot,
    .getitem = py_bytearray_getitem_slot,
    .setitem = bytearray_setitem,
    .iter = py_bytes_iter_slot,
    .buffer = bytearray_buffer,
    .contains = py_bytes_contains_slot,
    .trace = bytearray_trace,
};
