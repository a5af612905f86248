/* obj_ringio.c: micropython.RingIO, a fixed-size byte FIFO with a stream
 * interface (any, read, readline, readinto, write, close).
 *
 * The classic ring buffer: `size` bytes of storage, read index `get` and
 * write index `put`; empty when they are equal, full when put is one behind
 * get, so one byte of storage is never used.  RingIO(n) allocates n + 1 bytes
 * (it holds n); RingIO(buffer) works in place in a writable buffer and holds
 * len(buffer) - 1.  The caller's buffer is kept referenced and its data
 * pointer re-read on every operation, so a bytearray that was resized since
 * never leaves a dangling pointer (its contents are then whatever the new
 * storage holds, as with any shared buffer).
 *
 * write() never blocks: it stores what fits and returns the count; reads
 * return what is there.  Argument forms follow MicroPython's stream methods:
 * read([n]), readline([n]), readinto(buf[, n]), write(buf[, max]) and
 * write(buf, off, max); a negative n or max means "no limit".
 */
#include <string.h>

#include "runtime.h"

typedef struct {
    py_obj_t h;
    py_val_t owner; /* the caller's buffer, or PY_NULL when data is our own raw block */
    uint8_t *data;  /* own storage (raw payload) when owner is PY_NULL */
    size_t size;    /* storage bytes: capacity + 1 */
    size_t get, put;
} ringio_t;

py_type_t py_type_ringio;

static ringio_t *self_of(py_val_t v) {
    if (!py_is_instance(v, &py_type_ringio))
        py_raise_msg(&py_type_TypeError, "descriptor requires a 'RingIO' object but received a '%s'",
                     py_type_name(v));
    return py_as_ptr(v);
}

/* The storage, re-validated against the owner's current buffer. */
static uint8_t *storage(ringio_t *r) {
    if (py_is_null(r->owner)) return r->data;
    py_buf_t b;
    py_get_buffer(r->owner, &b, 1);
    if (b.len < r->size) py_raise_msg(&py_type_ValueError, "RingIO buffer was resized");
    return b.data;
}

static size_t used(const ringio_t *r) { return (r->put + r->size - r->get) % r->size; }

/* A "max bytes" argument: negative means unlimited (MicroPython truncates it to size_t). */
static size_t limit_arg(py_val_t v) {
    if (py_is_float(v) || !py_is_int(v))
        py_raise_msg(&py_type_TypeError, "can't convert %s to int", py_type_name(v));
    int64_t n = py_to_i64(v);
    return n < 0 ? SIZE_MAX : (size_t)n;
}

static py_val_t ringio_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    py_check_args("RingIO", argc, kwnames, 1, 1);
    py_val_t arg = argv[0];
    ringio_t *r = py_gc_alloc(type, sizeof(ringio_t));
    r->owner = PY_NULL;
    py_type_t *t = py_type_of(arg);
    py_buf_t b;
    if (py_is_obj(arg) && !py_is_str(arg) && t->buffer && t->buffer(arg, &b, 1)) {
        if (b.len < 2) py_raise_msg(&py_type_ValueError, "RingIO buffer too small");
        r->owner = arg;
        r->size = b.len;
    } else {
        if (py_is_float(arg) || !py_is_int(arg))
            py_raise_msg(&py_type_TypeError, "can't convert %s to int", py_type_name(arg));
        int64_t n = py_to_i64(arg);
        if (n <= 0 || n >= ((int64_t)1 << 40)) py_raise_msg(&py_type_ValueError, "invalid RingIO size");
        r->size = (size_t)n + 1;
        r->data = py_raw_alloc(r->size);
    }
    return py_obj(r);
}

/* Copies up to n bytes out (dst may be NULL to discard); returns the count. */
static size_t take(ringio_t *r, uint8_t *dst, size_t n) {
    uint8_t *s = storage(r);
    size_t avail = used(r);
    if (n > avail) n = avail;
    size_t first = r->size - r->get;
    if (first > n) first = n;
    if (dst) {
        memcpy(dst, s + r->get, first);
        memcpy(dst + first, s, n - first);
    }
    r->get = (r->get + n) % r->size;
    return n;
}

static py_val_t take_bytes(ringio_t *r, size_t n) {
    size_t avail = used(r);
    if (n > avail) n = avail;
    py_sb_t sb;
    py_sb_init(&sb);
    if (n) {
        uint8_t *tmp = py_raw_alloc(n);
        take(r, tmp, n);
        py_sb_add(&sb, (const char *)tmp, n);
        py_raw_free(tmp);
    }
    return py_sb_to_bytes(&sb);
}

static py_val_t m_any(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small((int64_t)used(self_of(argv[0])));
}

static py_val_t m_read(int argc, const py_val_t *argv, py_val_t kw) {
    ringio_t *r = self_of(argv[0]);
    size_t n = argc > 1 ? limit_arg(argv[1]) : SIZE_MAX;
    return take_bytes(r, n);
}

static py_val_t m_readline(int argc, const py_val_t *argv, py_val_t kw) {
    ringio_t *r = self_of(argv[0]);
    size_t n = argc > 1 ? limit_arg(argv[1]) : SIZE_MAX;
    size_t avail = used(r);
    if (n > avail) n = avail;
    uint8_t *s = storage(r);
    size_t k = 0;
    while (k < n) {
        if (s[(r->get + k) % r->size] == '\n') {
            k++;
            break;
        }
        k++;
    }
    return take_bytes(r, k);
}

static py_val_t m_readinto(int argc, const py_val_t *argv, py_val_t kw) {
    ringio_t *r = self_of(argv[0]);
    py_buf_t b;
    py_type_t *t = py_type_of(argv[1]);
    if (!py_is_obj(argv[1]) || py_is_str(argv[1]) || !t->buffer || !t->buffer(argv[1], &b, 1) || !b.writable)
        py_raise_msg(&py_type_TypeError, "object with buffer protocol required");
    size_t n = b.len;
    if (argc > 2) {
        size_t lim = limit_arg(argv[2]);
        if (lim < n) n = lim;
    }
    return py_small((int64_t)take(r, b.data, n));
}

static py_val_t m_write(int argc, const py_val_t *argv, py_val_t kw) {
    ringio_t *r = self_of(argv[0]);
    py_val_t src = argv[1];
    if (!py_is_str(src) && (!py_is_obj(src) || !py_type_of(src)->buffer) && !py_is_instance(src, &py_type_bytes) &&
        !py_is_instance(src, &py_type_bytearray))
        py_raise_msg(&py_type_TypeError, "object with buffer protocol required");
    const uint8_t *p;
    size_t len;
    if (py_is_str(src)) {
        p = (const uint8_t *)py_str_data(src);
        len = py_str_len(src);
    } else {
        py_buf_t b;
        py_get_buffer(src, &b, 0);
        p = b.data;
        len = b.len;
    }
    size_t off = 0, max = SIZE_MAX;
    if (argc == 3) {
        max = limit_arg(argv[2]);
    } else if (argc == 4) {
        off = limit_arg(argv[2]);
        max = limit_arg(argv[3]);
    }
    if (off > len) off = len;
    size_t n = len - off;
    if (n > max) n = max;
    uint8_t *s = storage(r);
    size_t space = r->size - 1 - used(r);
    if (n > space) n = space;
    /* src may be the ring's own storage (write(buffer_of_self)): copy byte by byte in order */
    for (size_t i = 0; i < n; i++) {
        s[r->put] = p[off + i];
        r->put = r->put + 1 == r->size ? 0 : r->put + 1;
    }
    return py_small((int64_t)n);
}

static py_val_t m_close(int argc, const py_val_t *argv, py_val_t kw) {
    self_of(argv[0]);
    return PY_NONE;
}

static void ringio_print(py_sb_t *sb, py_val_t self, int kind) { py_sb_adds(sb, "<RingIO>"); }

static void ringio_trace(py_obj_t *o) {
    ringio_t *r = (ringio_t *)o;
    py_gc_mark(r->owner);
    if (py_is_null(r->owner)) py_gc_mark_raw(r->data);
}

static const py_method_def_t ringio_methods[] = {
    {"any", m_any, 1, 1, 0},
    {"read", m_read, 1, 2, 0},
    {"readline", m_readline, 1, 2, 0},
    {"readinto", m_readinto, 2, 3, 0},
    {"write", m_write, 2, 4, 0},
    {"close", m_close, 1, 1, 0},
    PY_MF_END,
};

py_type_t py_type_ringio = {
    .h = {&py_type_type},
    .name = "RingIO",
    .base = &py_type_object,
    .methods = ringio_methods,
    .make_new = ringio_make_new,
    .print = ringio_print,
    .trace = ringio_trace,
};
