/* mod_io.c: the io module: StringIO and BytesIO (in-memory streams), open
 * (the builtin itself), IOBase (a base for stream classes written in
 * Python), and the file type under its io names.
 *
 * Both memory streams share one struct and one set of methods; the type says
 * whether the contents are text or bytes.  The contents live in one raw GC
 * block (`buf`, capacity `cap`), of which `len` bytes are valid.  `pos` is a
 * byte offset and may lie beyond `len` after a seek past the end: the next
 * write pads the gap with NUL bytes, as CPython does.
 *
 * StringIO keeps its text as UTF-8, so its contents are always a valid str.
 * Positions and sizes seen from Python (tell, seek, read(n), truncate) count
 * characters as in CPython; `ascii` records that every byte so far is ASCII,
 * in which case characters and bytes coincide and no walking is needed.
 * Writing inside the text replaces as many characters as are written, so a
 * wide character may replace a narrow one and the byte length change.
 *
 * Every operation on a closed stream raises ValueError, as CPython does
 * (MicroPython instead empties the buffer).  Subclasses written in Python
 * get this struct followed by their dict slot (obj_type.c's container
 * layout), so the methods accept any instance of a subtype. */
#include <string.h>

#include "py/objcore.h"
#include "py/runtime.h"
#include "py/sysio.h"

typedef struct {
    py_obj_t h;
    char *buf; /* raw payload, NULL while cap == 0 */
    size_t len, cap, pos;
    uint8_t binary, closed, ascii;
} mem_t;

static py_type_t type_stringio, type_bytesio;

static mem_t *as_mem(py_val_t v) {
    if (py_is_obj(v)) {
        py_type_t *t = py_obj_type(v);
        if (t == &type_stringio || t == &type_bytesio || py_is_subtype(t, &type_stringio) ||
            py_is_subtype(t, &type_bytesio))
            return py_as_ptr(v);
    }
    py_raise_type_error_arg("stream method", "StringIO or BytesIO", v);
}

static mem_t *open_mem(py_val_t v) {
    mem_t *m = as_mem(v);
    /* CPython's wording differs between the two types by the final dot */
    if (m->closed) py_raise_msg(&py_type_ValueError, "I/O operation on closed file%s", m->binary ? "." : "");
    return m;
}

static void reserve(mem_t *m, size_t need) {
    if (need <= m->cap) return;
    size_t cap = m->cap ? m->cap * 2 : 32;
    while (cap < need) cap *= 2;
    m->buf = m->buf ? py_raw_realloc(m->buf, cap) : py_raw_alloc(cap);
    m->cap = cap;
}

/* --------------------------------------------------- character counting */

static bool is_lead(char c) { return ((uint8_t)c & 0xC0) != 0x80; }

/* Byte offset reached by advancing n characters from byte `from`, not past `limit`. */
static size_t skip_chars(const mem_t *m, size_t from, size_t limit, size_t n) {
    if (m->binary || m->ascii) return limit - from < n ? limit : from + n;
    size_t i = from;
    while (i < limit && n > 0) {
        i++;
        while (i < limit && !is_lead(m->buf[i])) i++;
        n--;
    }
    return i;
}

static size_t count_chars(const mem_t *m, size_t from, size_t to) {
    if (m->binary || m->ascii) return to - from;
    size_t n = 0;
    for (size_t i = from; i < to; i++) n += is_lead(m->buf[i]);
    return n;
}

/* Python-visible position: characters (StringIO) or bytes (BytesIO). */
static size_t pos_units(const mem_t *m) {
    if (m->pos <= m->len) return count_chars(m, 0, m->pos);
    return count_chars(m, 0, m->len) + (m->pos - m->len);
}

/* Byte offset of Python-visible position u (beyond the end: NUL padding counts as bytes). */
static size_t units_to_pos(const mem_t *m, size_t u) {
    if (m->binary || m->ascii) return u;
    size_t p = skip_chars(m, 0, m->len, u);
    if (p < m->len) return p;
    size_t total = count_chars(m, 0, m->len);
    return u > total ? m->len + (u - total) : m->len;
}

static py_val_t make_value(const mem_t *m, size_t from, size_t to) {
    return m->binary ? py_bytes_new(m->buf + from, to - from) : py_str_new(m->buf + from, to - from);
}

/* ------------------------------------------------------------- writing */

/* Writes n bytes at pos; for text, `chars` is their character count and
 * that many characters are replaced when writing inside the text. */
static void write_bytes(mem_t *m, const char *p, size_t n, size_t chars, bool ascii) {
    if (n == 0) return;
    if (m->pos > m->len) { /* fill the gap left by a seek past the end */
        reserve(m, m->pos);
        memset(m->buf + m->len, 0, m->pos - m->len);
        m->len = m->pos;
    }
    size_t end =
        m->binary ? (m->len - m->pos < n ? m->len : m->pos + n) : skip_chars(m, m->pos, m->len, chars);
    size_t newlen = m->len - (end - m->pos) + n;
    reserve(m, newlen);
    if (end - m->pos != n && end < m->len) memmove(m->buf + m->pos + n, m->buf + end, m->len - end);
    memcpy(m->buf + m->pos, p, n);
    m->len = newlen;
    m->pos += n;
    if (!ascii) m->ascii = 0;
}

static size_t write_value(mem_t *m, py_val_t v) {
    if (m->binary) {
        py_buf_t b;
        if (py_is_str(v)) py_raise_msg(&py_type_TypeError, "a bytes-like object is required, not 'str'");
        py_get_buffer(v, &b, 0);
        write_bytes(m, (const char *)b.data, b.len, b.len, true);
        return b.len;
    }
    if (!py_is_str(v))
        py_raise_msg(&py_type_TypeError, "string argument expected, got '%s'", py_type_name(v));
    py_str_t *s = py_as_ptr(py_unwrap_native(v));
    write_bytes(m, s->data, s->len, s->nchars, s->ascii != 0);
    return s->nchars;
}

/* -------------------------------------------------------- construction */

static py_val_t mem_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    bool binary = type == &type_bytesio;
    const char *init_name = binary ? "initial_bytes" : "initial_value";
    py_val_t init = argc > 0 ? argv[0] : py_kwarg(argc, argv, kwnames, init_name, PY_NONE);
    if (argc > (binary ? 1 : 2))
        py_raise_msg(&py_type_TypeError, "%s() takes at most %d arguments (%d given)", type->name,
                     binary ? 1 : 2, argc);
    if (!binary) {
        py_val_t nl = argc > 1 ? argv[1] : py_kwarg(argc, argv, kwnames, "newline", PY_NONE);
        if (!py_is_none(nl) && !py_is_str(nl))
            py_raise_msg(&py_type_TypeError, "newline must be str or None, not %s", py_type_name(nl));
    }
    mem_t *m = py_gc_alloc(type, sizeof(mem_t));
    m->binary = binary;
    m->ascii = 1;
    if (py_is_none(init)) return py_obj(m);
    if (py_is_small(init)) { /* MicroPython: StringIO(alloc_size) preallocates */
        int64_t n = py_as_small(init);
        if (n > 0) reserve(m, (size_t)n);
        return py_obj(m);
    }
    if (binary) {
        if (py_is_str(init)) py_raise_msg(&py_type_TypeError, "a bytes-like object is required, not 'str'");
        py_buf_t b;
        py_get_buffer(init, &b, 0);
        reserve(m, b.len);
        if (b.len) memcpy(m->buf, b.data, b.len);
        m->len = b.len;
    } else {
        if (!py_is_str(init))
            py_raise_msg(&py_type_TypeError, "initial_value must be str or None, not %s", py_type_name(init));
        py_str_t *s = py_as_ptr(py_unwrap_native(init));
        reserve(m, s->len);
        if (s->len) memcpy(m->buf, s->data, s->len);
        m->len = s->len;
        m->ascii = s->ascii;
    }
    return py_obj(m);
}

/* ------------------------------------------------------------- methods */

static int64_t size_arg(int argc, const py_val_t *argv, int i) {
    if (argc <= i || py_is_none(argv[i])) return -1;
    return py_to_i64(argv[i]);
}

static py_val_t m_read(int argc, const py_val_t *argv, py_val_t kw) {
    mem_t *m = open_mem(argv[0]);
    int64_t n = size_arg(argc, argv, 1);
    if (m->pos >= m->len) return make_value(m, 0, 0);
    size_t start = m->pos;
    size_t end = n < 0 ? m->len : skip_chars(m, start, m->len, (size_t)n);
    m->pos = end;
    return make_value(m, start, end);
}

/* End of the line starting at pos (after its '\n'), within `limit` units (-1: none). */
static size_t line_end(const mem_t *m, int64_t limit) {
    size_t start = m->pos;
    size_t stop = limit < 0 ? m->len : skip_chars(m, start, m->len, (size_t)limit);
    const char *nl = memchr(m->buf + start, '\n', stop - start);
    return nl ? (size_t)(nl - m->buf) + 1 : stop;
}

static py_val_t read_line(mem_t *m, int64_t limit) {
    if (m->pos >= m->len) return make_value(m, 0, 0);
    size_t start = m->pos, end = line_end(m, limit);
    m->pos = end;
    return make_value(m, start, end);
}

static py_val_t m_readline(int argc, const py_val_t *argv, py_val_t kw) {
    mem_t *m = open_mem(argv[0]);
    return read_line(m, size_arg(argc, argv, 1));
}

static py_val_t m_readlines(int argc, const py_val_t *argv, py_val_t kw) {
    mem_t *m = open_mem(argv[0]);
    int64_t hint = size_arg(argc, argv, 1);
    py_val_t list = py_list_new(0);
    size_t total = 0;
    while (m->pos < m->len) {
        size_t start = m->pos;
        py_list_append(list, read_line(m, -1));
        total += count_chars(m, start, m->pos);
        if (hint > 0 && total > (size_t)hint) break; /* CPython: stop once past the hint */
    }
    return list;
}

static py_val_t m_readinto(int argc, const py_val_t *argv, py_val_t kw) {
    mem_t *m = open_mem(argv[0]);
    if (!m->binary) py_raise_msg(&py_type_AttributeError, "'StringIO' object has no attribute 'readinto'");
    py_buf_t b;
    py_get_buffer(argv[1], &b, 1);
    size_t avail = m->pos < m->len ? m->len - m->pos : 0;
    size_t n = b.len < avail ? b.len : avail;
    if (n) memcpy(b.data, m->buf + m->pos, n);
    m->pos += n;
    return py_int_from_u64(n);
}

static py_val_t m_write(int argc, const py_val_t *argv, py_val_t kw) {
    return py_int_from_u64(write_value(open_mem(argv[0]), argv[1]));
}

static py_val_t m_writelines(int argc, const py_val_t *argv, py_val_t kw) {
    mem_t *m = open_mem(argv[0]);
    py_val_t it = py_iter(argv[1]);
    for (py_val_t v; !py_is_null(v = py_next(it));) write_value(m, v);
    return PY_NONE;
}

static py_val_t m_getvalue(int argc, const py_val_t *argv, py_val_t kw) {
    mem_t *m = open_mem(argv[0]);
    return make_value(m, 0, m->len);
}

static py_val_t m_seek(int argc, const py_val_t *argv, py_val_t kw) {
    mem_t *m = open_mem(argv[0]);
    int64_t off = py_to_i64(argv[1]);
    int64_t whence = argc > 2 ? py_to_i64(argv[2]) : 0;
    if (whence < 0 || whence > 2)
        py_raise_msg(&py_type_ValueError, "%s whence (%lld, should be 0, 1 or 2)",
                     m->binary ? "invalid" : "Invalid", (long long)whence);
    if (m->binary) {
        if (whence == 0 && off < 0)
            py_raise_msg(&py_type_ValueError, "negative seek value %lld", (long long)off);
        int64_t base = whence == 0 ? 0 : whence == 1 ? (int64_t)m->pos : (int64_t)m->len;
        int64_t p = base + off;
        m->pos = p < 0 ? 0 : (size_t)p;
        return py_int_from_u64(m->pos);
    }
    if (whence == 0) {
        if (off < 0) py_raise_msg(&py_type_ValueError, "Negative seek position %lld", (long long)off);
        m->pos = units_to_pos(m, (size_t)off);
        return py_int_from_i64(off);
    }
    if (off != 0)
        py_raise_msg(&py_type_OSError, "Can't do nonzero %s-relative seeks", whence == 1 ? "cur" : "end");
    if (whence == 2) m->pos = m->len;
    return py_int_from_u64(pos_units(m));
}

static py_val_t m_tell(int argc, const py_val_t *argv, py_val_t kw) {
    return py_int_from_u64(pos_units(open_mem(argv[0])));
}

static py_val_t m_truncate(int argc, const py_val_t *argv, py_val_t kw) {
    mem_t *m = open_mem(argv[0]);
    size_t units;
    if (argc > 1 && !py_is_none(argv[1])) {
        int64_t size = py_to_i64(argv[1]);
        if (size < 0)
            py_raise_msg(&py_type_ValueError, "%s size value %lld", m->binary ? "negative" : "Negative",
                         (long long)size);
        units = (size_t)size;
    } else {
        units = pos_units(m);
    }
    size_t p = units_to_pos(m, units);
    if (p < m->len) m->len = p;
    return py_int_from_u64(units);
}

static py_val_t m_flush(int argc, const py_val_t *argv, py_val_t kw) {
    open_mem(argv[0]);
    return PY_NONE;
}

static py_val_t m_true(int argc, const py_val_t *argv, py_val_t kw) {
    open_mem(argv[0]);
    return PY_TRUE;
}

static py_val_t m_isatty(int argc, const py_val_t *argv, py_val_t kw) {
    open_mem(argv[0]);
    return PY_FALSE;
}

static py_val_t m_close(int argc, const py_val_t *argv, py_val_t kw) {
    mem_t *m = as_mem(argv[0]);
    m->closed = 1;
    py_raw_free(m->buf); /* nothing may read it any more */
    m->buf = NULL;
    m->len = m->cap = m->pos = 0;
    return PY_NONE;
}

static py_val_t m_enter(int argc, const py_val_t *argv, py_val_t kw) {
    open_mem(argv[0]);
    return argv[0];
}

static py_val_t m_exit(int argc, const py_val_t *argv, py_val_t kw) {
    m_close(1, argv, PY_NULL);
    return PY_NONE;
}

static py_val_t mem_iter(py_val_t self) {
    open_mem(self);
    return self;
}

static py_val_t mem_iternext(py_val_t self) {
    mem_t *m = open_mem(self);
    return m->pos >= m->len ? PY_NULL : read_line(m, -1);
}

static py_val_t mem_getattr(py_val_t self, py_val_t name) {
    if (py_str_equal(name, py_intern("closed"))) return py_bool(as_mem(self)->closed);
    return PY_NULL;
}

static void mem_print(py_sb_t *sb, py_val_t self, int kind) {
    py_sb_printf(sb, "<_io.%s object at %p>", py_obj_type(self)->name, py_as_ptr(self));
}

static void mem_trace(py_obj_t *self) { py_gc_mark_raw(((mem_t *)self)->buf); }

#define MEM_COMMON_METHODS                                                                                   \
    {"read", m_read, 1, 2, 0}, {"readline", m_readline, 1, 2, 0}, {"readlines", m_readlines, 1, 2, 0},       \
        {"write", m_write, 2, 2, 0}, {"writelines", m_writelines, 2, 2, 0},                                  \
        {"getvalue", m_getvalue, 1, 1, 0}, {"seek", m_seek, 2, 3, 0}, {"tell", m_tell, 1, 1, 0},             \
        {"truncate", m_truncate, 1, 2, 0}, {"flush", m_flush, 1, 1, 0}, {"close", m_close, 1, 1, 0},         \
        {"readable", m_true, 1, 1, 0}, {"writable", m_true, 1, 1, 0}, {"seekable", m_true, 1, 1, 0},         \
        {"isatty", m_isatty, 1, 1, 0}, {"__enter__", m_enter, 1, 1, 0}, {                                    \
        "__exit__", m_exit, 1, -1, 0                                                                         \
    }

static const py_method_def_t stringio_methods[] = {
    MEM_COMMON_METHODS,
    PY_MF_END,
};

static const py_method_def_t bytesio_methods[] = {
    MEM_COMMON_METHODS,
    {"read1", m_read, 1, 2, 0},
    {"readinto", m_readinto, 2, 2, 0},
    PY_MF_END,
};

/* StringIO and BytesIO share everything but name and method table. */
#define MEM_TYPE(pyname, meths)                                                                              \
    {                                                                                                        \
        .h = {&py_type_type}, .name = pyname, .flags = PY_TF_BASETYPE, .instance_size = sizeof(mem_t),       \
        .base = &py_type_object, .methods = meths, .make_new = mem_new, .print = mem_print,                  \
        .getattr = mem_getattr, .iter = mem_iter, .iternext = mem_iternext, .trace = mem_trace,              \
    }
static py_type_t type_stringio = MEM_TYPE("StringIO", stringio_methods);
static py_type_t type_bytesio = MEM_TYPE("BytesIO", bytesio_methods);
#undef MEM_TYPE

/* ---------------------------------------------------------------- IOBase */

/* IOBase: a base for streams written in Python.  It carries no state; it
 * gives subclasses the context-manager protocol (exit calls self.close())
 * and no-op close/flush, so a class only needs its own read/write. */
static py_val_t iobase_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    return py_obj(py_gc_alloc(type, sizeof(py_obj_t)));
}

static py_val_t iob_none(int argc, const py_val_t *argv, py_val_t kw) { return PY_NONE; }
static py_val_t iob_false(int argc, const py_val_t *argv, py_val_t kw) { return PY_FALSE; }
static py_val_t iob_enter(int argc, const py_val_t *argv, py_val_t kw) { return argv[0]; }

static py_val_t iob_exit(int argc, const py_val_t *argv, py_val_t kw) {
    py_call_method(argv[0], PYN(close), 0, NULL);
    return PY_NONE;
}

static const py_method_def_t iobase_methods[] = {
    {"close", iob_none, 1, 1, 0},      {"flush", iob_none, 1, 1, 0},     {"readable", iob_false, 1, 1, 0},
    {"writable", iob_false, 1, 1, 0},  {"seekable", iob_false, 1, 1, 0}, {"isatty", iob_false, 1, 1, 0},
    {"__enter__", iob_enter, 1, 1, 0}, {"__exit__", iob_exit, 1, -1, 0}, PY_MF_END,
};

static py_type_t type_iobase = {
    .h = {&py_type_type},
    .name = "IOBase",
    .flags = PY_TF_BASETYPE,
    .instance_size = sizeof(py_obj_t),
    .base = &py_type_object,
    .methods = iobase_methods,
    .make_new = iobase_new,
};

/* ---------------------------------------------------------------- module */

static void io_init(py_val_t module) {
    py_type_init_builtin(&type_stringio);
    py_type_init_builtin(&type_bytesio);
    py_type_init_builtin(&type_iobase);
    py_type_init_builtin(&py_type_file);
    py_module_add(module, "StringIO", py_obj(&type_stringio));
    py_module_add(module, "BytesIO", py_obj(&type_bytesio));
    py_module_add(module, "IOBase", py_obj(&type_iobase));
    /* one file type serves both modes: the names MicroPython documents map to it */
    py_module_add(module, "TextIOWrapper", py_obj(&py_type_file));
    py_module_add(module, "FileIO", py_obj(&py_type_file));
    py_val_t open = py_dict_get_interned(py_builtins_dict(), py_intern("open"));
    if (!py_is_null(open)) py_module_add(module, "open", open); /* io.open is builtins.open */
    py_module_add(module, "SEEK_SET", py_small(0));
    py_module_add(module, "SEEK_CUR", py_small(1));
    py_module_add(module, "SEEK_END", py_small(2));
    py_module_add(module, "DEFAULT_BUFFER_SIZE", py_small(8192));
}

const py_module_def_t py_module_io = {"io", NULL, io_init};
