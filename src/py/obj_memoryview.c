/* obj_memoryview.c: the memoryview type, a window on another object's buffer.
 *
 * A view is one-dimensional: item i lives at byte offset + i * stride of
 * the exporter's buffer, each item `itemsize` bytes in `format` (the
 * exporter's typecode: 'B' for bytes and bytearray, array typecodes such as
 * 'h', 'i', 'I', 'f', 'd' otherwise).  The view keeps the exporter alive
 * (traced) and asks it for its data pointer on every access instead of
 * caching it: a bytearray may move its storage when it grows, and a
 * shrunken exporter is detected rather than read out of bounds.  Slicing
 * makes a new view on the same exporter (a view of a view flattens), so
 * writes through a slice reach the original object.  After release() every
 * operation raises ValueError.
 */
#include <string.h>

#include "bytes_shared.h"

typedef struct {
    py_obj_t h;
    py_val_t obj;   /* the exporter (never a memoryview) */
    size_t offset;  /* byte offset of item 0 */
    size_t len;     /* items */
    ssize_t stride; /* bytes from one item to the next; negative for reversed slices */
    uint8_t itemsize;
    char format;
    uint8_t readonly;
    uint8_t released;
} mv_t;

static mv_t *as_mv(py_val_t v) {
    if (!py_is_instance(v, &py_type_memoryview))
        py_raise_msg(&py_type_TypeError, "descriptor requires a 'memoryview' object but received a '%s'",
                     py_type_name(v));
    return py_as_ptr(v);
}

static void check_live(mv_t *m) {
    if (m->released) py_raise_msg(&py_type_ValueError, "operation forbidden on released memoryview object");
}

/* The exporter's current data, checked against the view's extent. */
static uint8_t *view_base(mv_t *m) {
    check_live(m);
    py_buf_t b;
    py_type_t *t = py_type_of(m->obj);
    if (!t->buffer || !t->buffer(m->obj, &b, 0))
        py_raise_msg(&py_type_BufferError, "memoryview: underlying object no longer exports a buffer");
    if (m->len) {
        ssize_t first = (ssize_t)m->offset, last = first + (ssize_t)(m->len - 1) * m->stride;
        ssize_t lo = first < last ? first : last, hi = (first < last ? last : first) + m->itemsize;
        if (lo < 0 || (size_t)hi > b.len)
            py_raise_msg(&py_type_BufferError, "memoryview: underlying buffer is smaller than the view");
    }
    return b.data;
}

static bool contiguous(const mv_t *m) { return m->len <= 1 || m->stride == (ssize_t)m->itemsize; }

/* ------------------------------------------------------------ item formats */

/* Item size of a native single-character struct format; 0 if unsupported. */
static int format_size(char f) {
    if (!f) return 0;
    if (strchr("bBc?", f)) return 1;
    if (strchr("hHe", f)) return 2;
    if (strchr("iIf", f)) return 4;
    if (strchr("lLqQdnNP", f)) return 8;
    return 0;
}

static bool is_signed_format(char f) {
    return f == 'b' || f == 'h' || f == 'i' || f == 'l' || f == 'q' || f == 'n';
}

static py_val_t unpack(const mv_t *m, const uint8_t *p) {
    char f = m->format;
    int sz = m->itemsize;
    if (f == 'B' && sz == 1) return py_small(*p);
    if (f == 'f' && sz == 4) {
        float x;
        memcpy(&x, p, 4);
        return py_float((double)x);
    }
    if (f == 'd' && sz == 8) {
        double x;
        memcpy(&x, p, 8);
        return py_float(x);
    }
    if (f == '?') return py_bool(*p != 0);
    if (f == 'c') return py_bytes_new(p, 1);
    if (sz != 1 && sz != 2 && sz != 4 && sz != 8)
        py_raise_msg(&py_type_NotImplementedError, "memoryview: format %c not supported", f);
    uint64_t u = 0;
    memcpy(&u, p, (size_t)sz); /* little-endian host */
    if (is_signed_format(f) && sz < 8 && (u >> (sz * 8 - 1)) & 1) u |= ~(uint64_t)0 << (sz * 8);
    if (is_signed_format(f)) return py_int_from_i64((int64_t)u);
    return py_int_from_u64(u);
}

static void pack(const mv_t *m, uint8_t *p, py_val_t v) {
    char f = m->format;
    int sz = m->itemsize;
    if (f == 'f' || f == 'd') {
        if (!py_is_float(v) && !py_is_int(v))
            py_raise_msg(&py_type_TypeError, "memoryview: invalid type for format '%c'", f);
        double d = py_to_double(v);
        if (f == 'f') {
            float x = (float)d;
            memcpy(p, &x, 4);
        } else {
            memcpy(p, &d, 8);
        }
        return;
    }
    if (f == 'c') {
        const uint8_t *q;
        size_t n;
        if (py_bytes_view(v, &q, &n) == PY_BK_NONE || n != 1)
            py_raise_msg(&py_type_ValueError, "memoryview: invalid value for format 'c'");
        *p = q[0];
        return;
    }
    if (f == '?') {
        *p = py_truthy(v);
        return;
    }
    if (py_is_float(v) || !py_bytes_is_index(v))
        py_raise_msg(&py_type_TypeError, "memoryview: invalid type for format '%c'", f);
    if (sz != 1 && sz != 2 && sz != 4 && sz != 8)
        py_raise_msg(&py_type_NotImplementedError, "memoryview: format %c not supported", f);
    bool sg = is_signed_format(f);
    uint64_t u;
    bool ok = true;
    py_try_t t;
    if (py_try(&t)) {
        if (sg) {
            int64_t i = py_to_i64(v);
            if (sz < 8) {
                int64_t lim = (int64_t)1 << (sz * 8 - 1);
                ok = i >= -lim && i < lim;
            }
            u = (uint64_t)i;
        } else {
            if (!py_is_int(v) || py_int_fits_i64(v)) {
                int64_t i = py_to_i64(v);
                u = (uint64_t)i;
                ok = i >= 0 && (sz == 8 || u < ((uint64_t)1 << (sz * 8)));
            } else if (py_compare(PY_CMP_LT, v, py_small(0)) == PY_TRUE) {
                ok = false;
                u = 0;
            } else {
                /* 2**63 .. 2**64-1: through the decimal-free shift */
                py_val_t hi = py_binary(PY_OP_RSHIFT, v, py_small(32));
                py_val_t lo = py_binary(PY_OP_AND, v, py_small(0xFFFFFFFF));
                int64_t h = py_int_fits_i64(hi) ? py_to_i64(hi) : -1;
                ok = sz == 8 && h >= 0 && h <= 0xFFFFFFFF;
                u = ok ? ((uint64_t)h << 32) | (uint64_t)py_to_i64(lo) : 0;
            }
        }
        py_try_end(&t);
    } else {
        if (!py_exc_matches(t.exc, py_obj(&py_type_OverflowError))) py_raise(t.exc);
        ok = false;
        u = 0;
    }
    if (!ok) py_raise_msg(&py_type_ValueError, "memoryview: invalid value for format '%c'", f);
    memcpy(p, &u, (size_t)sz);
}

/* ------------------------------------------------------------ construction */

static mv_t *new_view(py_val_t obj, size_t offset, size_t len, ssize_t stride, int itemsize, char format,
                      bool readonly) {
    mv_t *m = py_gc_alloc(&py_type_memoryview, sizeof *m);
    m->obj = obj;
    m->offset = offset;
    m->len = len;
    m->stride = stride;
    m->itemsize = (uint8_t)itemsize;
    m->format = format;
    m->readonly = readonly;
    return m;
}

static py_val_t view_of(py_val_t obj) {
    if (py_is_type(obj, &py_type_memoryview)) {
        mv_t *s = py_as_ptr(obj);
        check_live(s);
        return py_obj(new_view(s->obj, s->offset, s->len, s->stride, s->itemsize, s->format, s->readonly));
    }
    py_type_t *t = py_type_of(obj);
    py_buf_t b;
    if (!t->buffer || !t->buffer(obj, &b, 0))
        py_raise_msg(&py_type_TypeError, "memoryview: a bytes-like object is required, not '%s'", t->name);
    int isz = b.itemsize > 0 ? b.itemsize : 1;
    if (isz > 255) isz = 1;
    char fmt = b.typecode ? b.typecode : 'B';
    return py_obj(new_view(obj, 0, b.len / (size_t)isz, isz, isz, fmt, !b.writable));
}

static py_val_t mv_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    py_val_t obj = argc > 0 ? argv[0] : py_kwarg(argc, argv, kwnames, "object", PY_NULL);
    size_t nkw = py_is_null(kwnames) ? 0 : py_as_tuple(kwnames)->len;
    if (argc + (int)nkw != 1 || py_is_null(obj)) {
        if (argc + (int)nkw == 0)
            py_raise_msg(&py_type_TypeError, "memoryview() missing required argument 'object' (pos 1)");
        py_raise_msg(&py_type_TypeError, "memoryview() takes at most 1 argument (%d given)", argc + (int)nkw);
    }
    return view_of(obj);
}

/* ------------------------------------------------------------ whole-view copies */

/* The view's bytes, contiguous: a pointer into the exporter when the view
 * is contiguous, else a fresh raw block. */
static const uint8_t *view_bytes(mv_t *m, size_t *n) {
    uint8_t *base = view_base(m);
    *n = m->len * m->itemsize;
    if (contiguous(m)) return base + m->offset;
    uint8_t *c = py_raw_alloc(*n ? *n : 1);
    for (size_t i = 0; i < m->len; i++)
        memcpy(c + i * m->itemsize, base + (ssize_t)m->offset + (ssize_t)i * m->stride, m->itemsize);
    return c;
}

static int mv_buffer(py_val_t self, py_buf_t *out, int writable) {
    mv_t *m = py_as_ptr(self);
    if (writable && (m->readonly || !contiguous(m))) return 0;
    size_t n;
    const uint8_t *p = view_bytes(m, &n);
    out->data = (uint8_t *)p;
    out->len = n;
    out->typecode = m->format;
    out->itemsize = m->itemsize;
    out->writable = !m->readonly && contiguous(m);
    return 1;
}

/* ------------------------------------------------------------ slots */

static void mv_print(py_sb_t *sb, py_val_t self, int kind) {
    mv_t *m = py_as_ptr(self);
    py_sb_printf(sb, "<%smemory at %p>", m->released ? "released " : "", (void *)m);
}

static size_t item_index(mv_t *m, py_val_t key) {
    int64_t i = py_is_small(key) ? py_as_small(key) : py_to_i64(key);
    if (i < 0) i += (int64_t)m->len;
    if (i < 0 || (uint64_t)i >= m->len)
        py_raise_msg(&py_type_IndexError, "index out of bounds on dimension 1");
    return (size_t)i;
}

static uint8_t *item_ptr(mv_t *m, uint8_t *base, size_t i) {
    return base + (ssize_t)m->offset + (ssize_t)i * m->stride;
}

static py_val_t mv_getitem(py_val_t self, py_val_t key) {
    mv_t *m = py_as_ptr(self);
    check_live(m);
    if (py_is_small(key) ||
        (!py_is_float(key) && !py_is_type(key, &py_type_slice) && py_bytes_is_index(key))) {
        size_t i = item_index(m, key);
        return unpack(m, item_ptr(m, view_base(m), i));
    }
    if (py_is_type(key, &py_type_slice)) {
        ssize_t start, stop, step;
        size_t count = py_slice_indices(key, m->len, &start, &stop, &step);
        size_t off = (size_t)((ssize_t)m->offset + start * m->stride);
        if (count == 0) off = m->offset;
        return py_obj(new_view(m->obj, off, count, m->stride * step, m->itemsize, m->format, m->readonly));
    }
    if (key == PY_ELLIPSIS) return self;
    py_raise_msg(&py_type_TypeError, "memoryview: invalid slice key");
}

static void mv_setitem(py_val_t self, py_val_t key, py_val_t value) {
    mv_t *m = py_as_ptr(self);
    check_live(m);
    if (m->readonly) py_raise_msg(&py_type_TypeError, "cannot modify read-only memory");
    if (py_is_null(value)) py_raise_msg(&py_type_TypeError, "cannot delete memory");
    if (py_is_small(key) ||
        (!py_is_float(key) && !py_is_type(key, &py_type_slice) && py_bytes_is_index(key))) {
        size_t i = item_index(m, key);
        uint8_t tmp[8];
        pack(m, tmp, value); /* convert before touching the buffer: it may raise */
        memcpy(item_ptr(m, view_base(m), i), tmp, m->itemsize);
        return;
    }
    if (!py_is_type(key, &py_type_slice)) py_raise_msg(&py_type_TypeError, "memoryview: invalid slice key");
    ssize_t start, stop, step;
    size_t count = py_slice_indices(key, m->len, &start, &stop, &step);
    py_type_t *vt = py_type_of(value);
    py_buf_t src;
    if (!vt->buffer || !vt->buffer(value, &src, 0))
        py_raise_msg(&py_type_TypeError, "a bytes-like object is required, not '%s'", vt->name);
    int sis = src.itemsize > 0 ? src.itemsize : 1;
    char sf = src.typecode ? src.typecode : 'B';
    if (src.len != count * m->itemsize || sis != m->itemsize || format_size(sf) != format_size(m->format))
        py_raise_msg(&py_type_ValueError,
                     "memoryview assignment: lvalue and rvalue have different structures");
    /* the source may overlap the destination (same exporter): copy it first */
    uint8_t *copy = py_raw_alloc(src.len ? src.len : 1);
    if (src.len) memcpy(copy, src.data, src.len);
    uint8_t *base = view_base(m);
    ssize_t pos = (ssize_t)m->offset + start * m->stride;
    for (size_t i = 0; i < count; i++, pos += m->stride * step)
        memcpy(base + pos, copy + i * m->itemsize, m->itemsize);
    py_raw_free(copy);
}

static py_val_t mv_hash(mv_t *m) {
    check_live(m);
    if (!m->readonly) py_raise_msg(&py_type_ValueError, "cannot hash writable memoryview object");
    if (m->format != 'B' && m->format != 'b' && m->format != 'c')
        py_raise_msg(&py_type_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    size_t n;
    const uint8_t *p = view_bytes(m, &n);
    return py_small((int64_t)py_bytes_hash_data(p, n));
}

static py_val_t mv_unary(py_unop_t op, py_val_t v) {
    mv_t *m = py_as_ptr(v);
    switch (op) {
    case PY_UNARY_LEN:
        check_live(m);
        return py_small((int64_t)m->len);
    case PY_UNARY_BOOL:
        check_live(m);
        return py_bool(m->len != 0);
    case PY_UNARY_HASH:
        return mv_hash(m);
    default:
        return PY_NULL;
    }
}

/* == and != by item values, against another view or any buffer. */
static py_val_t mv_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    if (op != PY_CMP_EQ && op != PY_CMP_NE) return PY_NULL;
    mv_t *m = py_as_ptr(self);
    if (self == other) return py_bool(op == PY_CMP_EQ);
    py_val_t ov;
    if (py_is_type(other, &py_type_memoryview)) {
        ov = other;
    } else {
        py_type_t *t = py_type_of(other);
        if (!t->buffer) return PY_NULL;
        ov = view_of(other);
    }
    mv_t *o = py_as_ptr(ov);
    if (m->released || o->released) return py_bool(op == PY_CMP_NE);
    bool eq = m->len == o->len;
    if (eq && m->format == o->format && m->itemsize == o->itemsize &&
        (m->format == 'B' || m->format == 'b' || m->format == 'c')) {
        size_t na, nb;
        const uint8_t *a = view_bytes(m, &na), *b = view_bytes(o, &nb);
        eq = na == nb && (na == 0 || memcmp(a, b, na) == 0);
    } else if (eq) {
        uint8_t *ba = view_base(m), *bb = view_base(o);
        for (size_t i = 0; i < m->len && eq; i++) {
            py_val_t x = unpack(m, item_ptr(m, ba, i)), y = unpack(o, item_ptr(o, bb, i));
            eq = py_eq(x, y);
            ba = view_base(m); /* __eq__ of items is builtin, but stay safe */
            bb = view_base(o);
        }
    }
    return py_bool(eq == (op == PY_CMP_EQ));
}

/* ------------------------------------------------------------ iteration */

typedef struct {
    py_obj_t h;
    py_val_t view;
    size_t i;
} mv_iter_t;

static py_val_t iter_self(py_val_t self) { return self; }

static py_val_t mv_iternext(py_val_t self) {
    mv_iter_t *it = py_as_ptr(self);
    mv_t *m = py_as_ptr(it->view);
    if (it->i >= m->len) return PY_NULL;
    uint8_t *base = view_base(m);
    return unpack(m, item_ptr(m, base, it->i++));
}

static void mv_iter_trace(py_obj_t *o) { py_gc_mark(((mv_iter_t *)o)->view); }

static py_type_t mv_iter_type = {
    .h = {&py_type_type},
    .name = "memory_iterator",
    .base = &py_type_object,
    .instance_size = sizeof(mv_iter_t),
    .iter = iter_self,
    .iternext = mv_iternext,
    .trace = mv_iter_trace,
};

static py_val_t mv_iter(py_val_t self) {
    check_live(py_as_ptr(self));
    mv_iter_t *it = py_gc_alloc(&mv_iter_type, sizeof *it);
    it->view = self;
    it->i = 0;
    return py_obj(it);
}

static void mv_trace(py_obj_t *o) { py_gc_mark(((mv_t *)o)->obj); }

/* ------------------------------------------------------------ attributes */

static py_val_t mv_getattr(py_val_t self, py_val_t name) {
    mv_t *m = py_as_ptr(self);
    const char *n = py_str_data(name);
    if (!strcmp(n, "obj")) {
        check_live(m);
        return m->obj;
    }
    if (!strcmp(n, "readonly")) {
        check_live(m);
        return py_bool(m->readonly);
    }
    if (!strcmp(n, "itemsize")) {
        check_live(m);
        return py_small(m->itemsize);
    }
    if (!strcmp(n, "nbytes")) {
        check_live(m);
        return py_small((int64_t)(m->len * m->itemsize));
    }
    if (!strcmp(n, "format")) {
        check_live(m);
        return py_str_new(&m->format, 1);
    }
    if (!strcmp(n, "ndim")) {
        check_live(m);
        return py_small(1);
    }
    if (!strcmp(n, "shape")) {
        check_live(m);
        return py_tuple_pack(1, py_small((int64_t)m->len));
    }
    if (!strcmp(n, "strides")) {
        check_live(m);
        return py_tuple_pack(1, py_small((int64_t)m->stride));
    }
    if (!strcmp(n, "suboffsets")) {
        check_live(m);
        return py_tuple_new(0);
    }
    if (!strcmp(n, "c_contiguous") || !strcmp(n, "f_contiguous") || !strcmp(n, "contiguous")) {
        check_live(m);
        return py_bool(contiguous(m));
    }
    return PY_NULL;
}

/* ------------------------------------------------------------ methods */

static py_val_t m_tobytes(int argc, const py_val_t *argv, py_val_t kw) {
    mv_t *m = as_mv(argv[0]);
    size_t n;
    const uint8_t *p = view_bytes(m, &n);
    return py_bytes_new(p, n);
}

static py_val_t m_tolist(int argc, const py_val_t *argv, py_val_t kw) {
    mv_t *m = as_mv(argv[0]);
    py_val_t list = py_list_new(m->len);
    py_list_t *l = py_as_list(list);
    uint8_t *base = view_base(m);
    for (size_t i = 0; i < m->len; i++) l->items[i] = unpack(m, item_ptr(m, base, i));
    return list;
}

static py_val_t m_hex(int argc, const py_val_t *argv, py_val_t kw) {
    mv_t *m = as_mv(argv[0]);
    size_t n;
    const uint8_t *p = view_bytes(m, &n);
    return py_bytes_hex(p, n, argc, argv, kw);
}

static py_val_t m_release(int argc, const py_val_t *argv, py_val_t kw) {
    mv_t *m = as_mv(argv[0]);
    m->released = 1;
    m->obj = PY_NONE; /* let the exporter go */
    return PY_NONE;
}

static py_val_t m_toreadonly(int argc, const py_val_t *argv, py_val_t kw) {
    mv_t *m = as_mv(argv[0]);
    check_live(m);
    return py_obj(new_view(m->obj, m->offset, m->len, m->stride, m->itemsize, m->format, true));
}

static py_val_t m_cast(int argc, const py_val_t *argv, py_val_t kw) {
    mv_t *m = as_mv(argv[0]);
    check_live(m);
    py_val_t fv = argc > 1 ? argv[1] : py_kwarg(argc, argv, kw, "format", PY_NULL);
    py_val_t shape = argc > 2 ? argv[2] : py_kwarg(argc, argv, kw, "shape", PY_NULL);
    if (py_is_null(fv) || !py_is_str(fv))
        py_raise_msg(&py_type_TypeError, "memoryview: format argument must be a string");
    fv = py_unwrap_native(fv);
    const char *f = py_str_data(fv);
    if (f[0] == '@') f++;
    int sz = strlen(f) == 1 ? format_size(f[0]) : 0;
    if (!sz || f[0] == 'e')
        py_raise_msg(
            &py_type_ValueError,
            "memoryview: destination format must be a native single character format prefixed with an "
            "optional '@'");
    if (!contiguous(m))
        py_raise_msg(&py_type_TypeError, "memoryview: casts are restricted to C-contiguous views");
    size_t nbytes = m->len * m->itemsize;
    if (nbytes % (size_t)sz)
        py_raise_msg(&py_type_TypeError, "memoryview: length is not a multiple of itemsize");
    if (!py_is_null(shape) && !py_is_none(shape)) {
        size_t n;
        py_val_t *items;
        if (!py_seq_items(shape, &n, &items) || n != 1 || py_to_i64(items[0]) * sz != (int64_t)nbytes)
            py_raise_msg(&py_type_TypeError,
                         "memoryview: only one-dimensional casts of the full length are supported");
    }
    return py_obj(new_view(m->obj, m->offset, nbytes / (size_t)sz, sz, sz, f[0], m->readonly));
}

static py_val_t m_enter(int argc, const py_val_t *argv, py_val_t kw) {
    check_live(as_mv(argv[0]));
    return argv[0];
}

static py_val_t m_exit(int argc, const py_val_t *argv, py_val_t kw) {
    m_release(1, argv, PY_NULL);
    return PY_FALSE;
}

static py_val_t m_len(int argc, const py_val_t *argv, py_val_t kw) { return mv_unary(PY_UNARY_LEN, argv[0]); }
static py_val_t m_getitem(int argc, const py_val_t *argv, py_val_t kw) {
    as_mv(argv[0]);
    return mv_getitem(argv[0], argv[1]);
}
static py_val_t m_setitem(int argc, const py_val_t *argv, py_val_t kw) {
    as_mv(argv[0]);
    mv_setitem(argv[0], argv[1], argv[2]);
    return PY_NONE;
}
static py_val_t m_eq(int argc, const py_val_t *argv, py_val_t kw) {
    as_mv(argv[0]);
    py_val_t r = mv_compare(PY_CMP_EQ, argv[0], argv[1]);
    return py_is_null(r) ? PY_NOTIMPLEMENTED : r;
}
static py_val_t m_ne(int argc, const py_val_t *argv, py_val_t kw) {
    as_mv(argv[0]);
    py_val_t r = mv_compare(PY_CMP_NE, argv[0], argv[1]);
    return py_is_null(r) ? PY_NOTIMPLEMENTED : r;
}

static const py_method_def_t mv_methods[] = {
    {"tobytes", m_tobytes, 1, 2, PY_MF_KW},
    {"tolist", m_tolist, 1, 1, 0},
    {"hex", m_hex, 1, 3, PY_MF_KW},
    {"release", m_release, 1, 1, 0},
    {"toreadonly", m_toreadonly, 1, 1, 0},
    {"cast", m_cast, 2, 3, PY_MF_KW},
    {"__enter__", m_enter, 1, 1, 0},
    {"__exit__", m_exit, 1, -1, 0},
    {"__len__", m_len, 1, 1, 0},
    {"__getitem__", m_getitem, 2, 2, 0},
    {"__setitem__", m_setitem, 3, 3, 0},
    {"__eq__", m_eq, 2, 2, 0},
    {"__ne__", m_ne, 2, 2, 0},
    PY_MF_END,
};

py_type_t py_type_memoryview = {
    .h = {&py_type_type},
    .name = "memoryview",
    .base = &py_type_object,
    .instance_size = sizeof(mv_t),
    .methods = mv_methods,
    .make_new = mv_make_new,
    .print = mv_print,
    .unary = mv_unary,
    .compare = mv_compare,
    .getattr = mv_getattr,
    .getitem = mv_getitem,
    .setitem = mv_setitem,
    .iter = mv_iter,
    .buffer = mv_buffer,
    .trace = mv_trace,
};
