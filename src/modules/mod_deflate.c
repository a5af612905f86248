/* mod_deflate.c: the deflate module (MicroPython 1.21+): DeflateIO, a
 * stream wrapping another stream, decompressing what is read through it and
 * compressing what is written, plus the format constants AUTO, RAW, ZLIB
 * and GZIP.  The codecs are in deflate_codec.c.
 *
 * DeflateIO(stream, format=AUTO, wbits=0, close=False, /): the wrapped
 * stream is any object with read(n) (for reading) and write(b) (for
 * writing).  AUTO reads a zlib or gzip stream (told apart by the gzip magic)
 * and writes a raw one.  wbits 0 means, when reading: 2^8 bytes of window
 * for raw data, the zlib header's size, 2^15 for gzip; 2^8 when writing.  The engines are
 * made on first use, so a stream only read never allocates a compressor and
 * one closed without any write produces no output at all (as MicroPython).
 * close() finishes the compressed stream and, with close=True, closes the
 * wrapped one; afterwards every operation raises OSError(EINVAL), except a
 * write of nothing, which returns 0 as MicroPython's does.
 *
 * Decompressed bytes are produced into C memory owned by this file (a stack
 * chunk or a string builder), never straight into a caller's bytearray,
 * because reading the wrapped stream runs Python code that could resize it.
 */
#include <string.h>

#include "modules/deflate_codec.h"
#include "py/objcore.h"

typedef struct {
    py_obj_t h;
    py_val_t stream;
    codec_inf_t *inf; /* raw, NULL until the first read */
    codec_def_t *def; /* raw, NULL until the first write */
    int8_t format, wbits;
    uint8_t close_stream, closed;
} dio_t;

static py_type_t dio_type;

static dio_t *as_dio(py_val_t v) {
    if (!py_is_type(v, &dio_type))
        py_raise_msg(&py_type_TypeError, "descriptor requires a 'DeflateIO' object but received a '%s'",
                     py_type_name(v));
    dio_t *d = py_as_ptr(v);
    return d;
}

static dio_t *open_dio(py_val_t v) {
    dio_t *d = as_dio(v);
    if (d->closed) codec_einval();
    return d;
}

/* ------------------------------------------------------------ stream glue */

/* The wrapped stream's method, or MicroPython's error for a non-stream. */
static py_val_t stream_method(py_val_t stream, py_val_t name) {
    py_val_t m = py_getattr_opt(stream, name);
    if (py_is_null(m)) py_raise_msg(&py_type_OSError, "stream operation not supported");
    return m;
}

static size_t stream_read(py_val_t stream, uint8_t *buf, size_t n) {
    py_val_t arg = py_small((int64_t)n);
    py_val_t r = py_call(stream_method(stream, PYN(read)), 1, &arg, PY_NULL);
    if (py_is_none(r)) return 0;
    py_buf_t b;
    py_get_buffer(r, &b, 0);
    size_t k = b.len < n ? b.len : n;
    memcpy(buf, b.data, k);
    return k;
}

static void stream_write(py_val_t stream, const uint8_t *buf, size_t n) {
    py_val_t data = py_bytes_new(buf, n);
    py_call(stream_method(stream, PYN(write)), 1, &data, PY_NULL);
}

static codec_inf_t *inflater(dio_t *d) {
    if (!d->inf) d->inf = codec_inf_new(d->format, d->wbits);
    return d->inf;
}

/* ------------------------------------------------------------ construction */

static py_val_t dio_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (!py_is_null(kwnames) && py_as_tuple(kwnames)->len)
        py_raise_msg(&py_type_TypeError, "DeflateIO() takes no keyword arguments");
    py_check_args("DeflateIO", argc, PY_NULL, 1, 4);
    int64_t fmt = argc > 1 ? py_to_i64(argv[1]) : DFMT_AUTO;
    int64_t wbits = argc > 2 ? py_to_i64(argv[2]) : 0;
    if (fmt < DFMT_AUTO || fmt > DFMT_GZIP) py_raise_msg(&py_type_ValueError, "format");
    if (wbits != 0 && (wbits < 5 || wbits > 15)) py_raise_msg(&py_type_ValueError, "wbits");
    dio_t *d = py_gc_alloc(&dio_type, sizeof(dio_t));
    d->stream = argv[0];
    d->format = (int8_t)fmt;
    d->wbits = (int8_t)wbits;
    d->close_stream = argc > 3 && py_truthy(argv[3]);
    return py_obj(d);
}

static void dio_trace(py_obj_t *o) {
    dio_t *d = (dio_t *)o;
    py_gc_mark(d->stream);
    if (d->inf) codec_inf_trace(d->inf);
    if (d->def) codec_def_trace(d->def);
}

static void dio_print(py_sb_t *sb, py_val_t self, int kind) { py_sb_adds(sb, "<DeflateIO>"); }

/* ------------------------------------------------------------ reading */

#define CHUNK 4096

/* read([size]): up to size bytes (all that is left when size is absent or negative). */
static py_val_t m_read(int argc, const py_val_t *argv, py_val_t kw) {
    dio_t *d = open_dio(argv[0]);
    int64_t want = argc > 1 && !py_is_none(argv[1]) ? py_to_i64(argv[1]) : -1;
    if (want == 0) return py_bytes_new("", 0);
    codec_inf_t *s = inflater(d);
    uint8_t chunk[CHUNK];
    py_sb_t sb;
    py_sb_init(&sb);
    uint64_t got = 0;
    while (want < 0 || got < (uint64_t)want) {
        size_t n = CHUNK;
        if (want >= 0 && (uint64_t)want - got < n) n = (size_t)((uint64_t)want - got);
        size_t k = codec_inflate(s, d->stream, stream_read, chunk, n);
        if (k == 0) break;
        py_sb_add(&sb, (const char *)chunk, k);
        got += k;
    }
    return py_sb_to_bytes(&sb);
}

/* readinto(buf[, nbytes]): fills buf (or its first nbytes) as far as the data goes. */
static py_val_t m_readinto(int argc, const py_val_t *argv, py_val_t kw) {
    dio_t *d = open_dio(argv[0]);
    py_buf_t b;
    py_get_buffer(argv[1], &b, 1);
    size_t want = b.len;
    if (argc > 2) {
        int64_t n = py_to_i64(argv[2]);
        if (n >= 0 && (uint64_t)n < want) want = (size_t)n;
    }
    codec_inf_t *s = inflater(d);
    uint8_t chunk[CHUNK];
    size_t got = 0;
    while (got < want) {
        size_t n = want - got < CHUNK ? want - got : CHUNK;
        size_t k = codec_inflate(s, d->stream, stream_read, chunk, n);
        if (k == 0) break;
        py_get_buffer(argv[1], &b, 1); /* the stream's read may have resized it */
        if (got >= b.len) break;
        if (k > b.len - got) k = b.len - got;
        memcpy(b.data + got, chunk, k);
        got += k;
    }
    return py_small((int64_t)got);
}

/* readline([size]): up to and including the next newline. */
static py_val_t m_readline(int argc, const py_val_t *argv, py_val_t kw) {
    dio_t *d = open_dio(argv[0]);
    int64_t limit = argc > 1 && !py_is_none(argv[1]) ? py_to_i64(argv[1]) : -1;
    codec_inf_t *s = inflater(d);
    py_sb_t sb;
    py_sb_init(&sb);
    for (int64_t n = 0; limit < 0 || n < limit; n++) {
        uint8_t c;
        if (codec_inflate(s, d->stream, stream_read, &c, 1) == 0) break;
        py_sb_addc(&sb, (char)c);
        if (c == '\n') break;
    }
    return py_sb_to_bytes(&sb);
}

/* ------------------------------------------------------------ writing */

static py_val_t m_write(int argc, const py_val_t *argv, py_val_t kw) {
    dio_t *d = as_dio(argv[0]);
    const uint8_t *p;
    size_t n;
    py_val_t data = py_unwrap_native(argv[1]);
    if (py_is_str(data)) {
        p = (const uint8_t *)py_str_data(data);
        n = py_str_len(data);
    } else {
        py_buf_t b;
        py_get_buffer(data, &b, 0);
        p = b.data;
        n = b.len;
    }
    if (n == 0) return py_small(0);
    if (d->closed) codec_einval();
    if (!d->def) d->def = codec_def_new(d->format, d->wbits);
    /* copy first: the stream's write may run Python code that changes `data` */
    uint8_t stackbuf[1024];
    uint8_t *copy = n <= sizeof stackbuf ? stackbuf : py_raw_alloc(n);
    memcpy(copy, p, n);
    codec_deflate(d->def, d->stream, stream_write, copy, n);
    if (copy != stackbuf) py_raw_free(copy);
    return py_int_from_u64(n);
}

static void dio_close(dio_t *d) {
    if (d->closed) return;
    /* the compressor stays on the object (traced, with its buffers) until
     * its last output is written; a failing write leaves the object open,
     * and a second close finds the compressor already finished */
    if (d->def) codec_def_finish(d->def, d->stream, stream_write);
    d->closed = 1;
    d->inf = NULL;
    d->def = NULL;
    if (d->close_stream) py_call_method(d->stream, PYN(close), 0, NULL);
}

static py_val_t m_close(int argc, const py_val_t *argv, py_val_t kw) {
    dio_close(as_dio(argv[0]));
    return PY_NONE;
}

static py_val_t m_enter(int argc, const py_val_t *argv, py_val_t kw) {
    as_dio(argv[0]);
    return argv[0];
}

static py_val_t m_exit(int argc, const py_val_t *argv, py_val_t kw) {
    dio_close(as_dio(argv[0]));
    return PY_NONE;
}

static const py_method_def_t dio_methods[] = {
    {"read", m_read, 1, 2, 0},         {"readinto", m_readinto, 2, 3, 0},
    {"readline", m_readline, 1, 2, 0}, {"write", m_write, 2, 2, 0},
    {"close", m_close, 1, 1, 0},       {"__enter__", m_enter, 1, 1, 0},
    {"__exit__", m_exit, 1, 4, 0},     PY_MF_END,
};

static py_type_t dio_type = {
    .h = {&py_type_type},
    .name = "DeflateIO",
    .base = &py_type_object,
    .methods = dio_methods,
    .make_new = dio_make_new,
    .print = dio_print,
    .trace = dio_trace,
};

static void deflate_init(py_val_t m) {
    py_module_add(m, "DeflateIO", py_obj(&dio_type));
    py_module_add(m, "AUTO", py_small(DFMT_AUTO));
    py_module_add(m, "RAW", py_small(DFMT_RAW));
    py_module_add(m, "ZLIB", py_small(DFMT_ZLIB));
    py_module_add(m, "GZIP", py_small(DFMT_GZIP));
}

const py_module_def_t py_module_deflate = {"deflate", NULL, deflate_init};
