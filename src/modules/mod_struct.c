/* mod_struct.c: the struct module (pack/unpack of C-like binary records)
 * and its Struct class.
 *
 * A format string is compiled into a layout: one item per format token
 * (code, repeat count, element size, byte offset), the total size and the
 * number of Python values it consumes.  The module-level functions compile
 * into a stack buffer on every call (formats are short, so this is cheaper
 * than any cache lookup); Struct objects compile once and keep the items in
 * a raw block.
 *
 * Semantics follow CPython 3.11 on a 64-bit little-endian host: '@' uses
 * native sizes and alignment (l, L, n, N, P are 8 bytes), '=', '<', '>' and
 * '!' use standard sizes without alignment.  Errors are struct.error with
 * CPython's wording, which depends on the code and the byte order because
 * CPython routes some standard codes through its native packers.
 */
#include <float.h>
#include <stdio.h>
#include <math.h>
#include <string.h>

#include "modules/binpack.h"

static py_val_t struct_error = PY_NULL;

static PY_NORETURN PY_PRINTF(1, 2) void serror(const char *fmt, ...) {
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    py_val_t arg = py_str_from_cstr(msg);
    py_raise(py_call1(struct_error, arg));
}

/* ------------------------------------------------------------ layouts */

enum { ORD_NATIVE, ORD_LITTLE, ORD_BIG }; /* '@'; '=' and '<'; '>' and '!' */

typedef struct {
    char code;
    uint8_t size;   /* bytes per element (1 for s, p, x) */
    uint8_t big;    /* big-endian storage */
    uint8_t order;  /* ORD_*: selects the error wording */
    uint32_t count; /* repeat count; the byte length for s and p */
    size_t offset;  /* of the first element */
} item_t;

typedef struct {
    item_t *items;
    size_t n;       /* items */
    size_t size;    /* total bytes */
    size_t nvalues; /* Python values packed / unpacked */
} layout_t;

/* Element size of a code under native ('@') or standard rules; 0 if invalid. */
static int code_size(char c, bool native) {
    switch (c) {
    case 'x':
    case 'c':
    case 'b':
    case 'B':
    case '?':
    case 's':
    case 'p':
        return 1;
    case 'h':
    case 'H':
    case 'e':
        return 2;
    case 'i':
    case 'I':
    case 'f':
        return 4;
    case 'l':
    case 'L':
        return native ? 8 : 4;
    case 'q':
    case 'Q':
    case 'd':
        return 8;
    case 'n':
    case 'N':
    case 'P':
        return native ? 8 : 0;
    default:
        return 0;
    }
}

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Compiles fmt into L.  With items == NULL only counts (L->n); otherwise
 * fills up to L->n items.  Raises struct.error on a bad format. */
static void compile_fmt(const char *s, size_t len, item_t *items, layout_t *L) {
    const char *end = s + len;
    int order = ORD_NATIVE;
    bool native = true;
    if (s < end && strchr("@=<>!", *s) && *s) {
        char o = *s++;
        if (o != '@') {
            native = false;
            order = (o == '>' || o == '!') ? ORD_BIG : ORD_LITTLE;
        }
    }
    bool big = order == ORD_BIG || (order != ORD_LITTLE && MOD_HOST_BIG);
    size_t n = 0, off = 0, nvalues = 0;
    while (s < end) {
        char c = *s++;
        if (is_space(c)) continue;
        uint64_t count = 1;
        if (c >= '0' && c <= '9') {
            count = (uint64_t)(c - '0');
            while (s < end && *s >= '0' && *s <= '9') {
                count = count * 10 + (uint64_t)(*s++ - '0');
                if (count > 0x7FFFFFFF) serror("total struct size too long");
            }
            if (s == end) serror("repeat count given without format specifier");
            c = *s++;
        }
        int sz = code_size(c, native);
        if (!sz) serror("bad char in struct format");
        if (native && sz > 1) off = (off + (size_t)sz - 1) & ~((size_t)sz - 1);
        if (items) {
            item_t *it = &items[n];
            it->code = c;
            it->size = (uint8_t)sz;
            it->big = big;
            it->order = (uint8_t)order;
            it->count = (uint32_t)count;
            it->offset = off;
        }
        n++;
        off += (size_t)sz * count;
        if (off > ((size_t)1 << 40)) serror("total struct size too long");
        if (c == 's' || c == 'p')
            nvalues++;
        else if (c != 'x')
            nvalues += count;
    }
    L->n = n;
    L->size = off;
    L->nvalues = nvalues;
    L->items = items;
}

static void fmt_text(py_val_t fmt, const char **s, size_t *n) {
    if (py_is_str(fmt)) {
        fmt = py_unwrap_native(fmt);
        *s = py_str_data(fmt);
        *n = py_str_len(fmt);
        return;
    }
    if (py_is_type(fmt, &py_type_bytes)) {
        *s = py_str_data(fmt);
        *n = py_str_len(fmt);
        return;
    }
    py_raise_msg(&py_type_TypeError, "Struct() argument 1 must be a str or bytes object, not %s",
                 py_type_name(fmt));
}

#define STACK_ITEMS 32

/* Compiles into `stack` when it fits, else into a raw block. */
static void layout_of(py_val_t fmt, layout_t *L, item_t *stack) {
    const char *s;
    size_t n;
    fmt_text(fmt, &s, &n);
    compile_fmt(s, n, NULL, L);
    item_t *items = L->n <= STACK_ITEMS ? stack : py_raw_alloc(L->n * sizeof(item_t));
    compile_fmt(s, n, items, L);
}

/* ------------------------------------------------------------ packing */

static PY_NORETURN void range_error(const item_t *it) {
    char c = it->code;
    bool host_like = it->order != ORD_BIG; /* CPython packs these with its native routines */
    if (c == 'b') serror("byte format requires -128 <= number <= 127");
    if (c == 'B') serror("ubyte format requires 0 <= number <= 255");
    if (c == 'h' && host_like) serror("short format requires -32768 <= number <= 32767");
    if (c == 'H' && host_like) serror("ushort format requires 0 <= number <= 65535");
    int bits = it->size * 8;
    if (c >= 'a')
        serror("'%c' format requires %lld <= number <= %lld", c, -(1ll << (bits - 1)),
               (1ll << (bits - 1)) - 1);
    serror("'%c' format requires 0 <= number <= %llu", c, (1ull << bits) - 1);
}

static uint64_t int_arg(const item_t *it, py_val_t v) {
    int64_t i;
    int k = mod_int_classify(v, &i);
    if (k == MOD_INT_NOTINT) serror("required argument is not an integer");
    char c = it->code;
    if (c == 'P') {
        if (k != MOD_INT_I64 && k != MOD_INT_U64) serror("argument out of range");
        return (uint64_t)i;
    }
    bool is_signed = c >= 'a';
    /* B and (native or little-endian) H are range-checked as C longs; the other
     * unsigned codes go through an unsigned conversion that rejects negatives */
    bool via_long = is_signed || c == 'B' || (c == 'H' && it->order != ORD_BIG);
    /* big-endian q and Q go through a byte-array conversion with its own wording */
    const char *msg =
        it->order == ORD_BIG && it->size == 8 ? "int too large to convert" : "argument out of range";
    if (via_long) {
        if (k != MOD_INT_I64) serror("%s", msg);
    } else {
        if (k == MOD_INT_NEGHUGE || k == MOD_INT_HUGE || (k == MOD_INT_I64 && i < 0)) serror("%s", msg);
    }
    int bits = it->size * 8;
    if (bits == 64) return (uint64_t)i;
    if (is_signed) {
        int64_t lim = 1ll << (bits - 1);
        if (i < -lim || i >= lim) range_error(it);
    } else if (k == MOD_INT_U64 || i < 0 || i >= (1ll << bits)) {
        range_error(it);
    }
    return (uint64_t)i;
}

static double float_arg(py_val_t v) {
    if (py_is_float(v)) return py_as_float(v);
    if (py_is_int(v)) return py_to_double(v);
    if (!py_is_obj(v) || (py_is_null(py_type_lookup(py_type_of(v), PYN(__float__))) &&
                          py_is_null(py_type_lookup(py_type_of(v), PYN(__index__)))))
        serror("required argument is not a float");
    return py_to_double(v);
}

/* bytes or bytearray contents, or NULL. */
static const uint8_t *bytes_like(py_val_t v, size_t *n) {
    v = py_unwrap_native(v);
    if (py_is_type(v, &py_type_bytes)) {
        *n = py_str_len(v);
        return (const uint8_t *)py_str_data(v);
    }
    if (py_is_instance(v, &py_type_bytearray)) {
        py_buf_t b;
        py_get_buffer(v, &b, 0);
        *n = b.len;
        return b.data;
    }
    return NULL;
}

static void pack_one(const item_t *it, uint8_t *p, py_val_t v) {
    switch (it->code) {
    case 'f': {
        double d = float_arg(v);
        float f = (float)d;
        /* CPython's native packer just converts (giving inf); standard orders check */
        if (isinf(f) && isfinite(d) && it->order != ORD_NATIVE)
            py_raise_msg(&py_type_OverflowError, "float too large to pack with f format");
        uint32_t u;
        memcpy(&u, &f, 4);
        mod_put_uint(p, u, 4, it->big);
        return;
    }
    case 'd': {
        double d = float_arg(v);
        uint64_t u;
        memcpy(&u, &d, 8);
        mod_put_uint(p, u, 8, it->big);
        return;
    }
    case 'e': {
        uint16_t h;
        if (!mod_half_from_double(float_arg(v), &h))
            py_raise_msg(&py_type_OverflowError, "float too large to pack with e format");
        mod_put_uint(p, h, 2, it->big);
        return;
    }
    case '?':
        *p = py_truthy(v);
        return;
    case 'c': {
        v = py_unwrap_native(v); /* bytes only, as CPython: not bytearray */
        if (!py_is_type(v, &py_type_bytes) || py_str_len(v) != 1)
            serror("char format requires a bytes object of length 1");
        *p = (uint8_t)py_str_data(v)[0];
        return;
    }
    default:
        mod_put_uint(p, int_arg(it, v), it->size, it->big);
        return;
    }
}

/* Writes argv (L->nvalues values) into base, which holds L->size bytes. */
static void pack_values(const layout_t *L, uint8_t *base, const py_val_t *argv) {
    memset(base, 0, L->size);
    for (size_t k = 0; k < L->n; k++) {
        const item_t *it = &L->items[k];
        uint8_t *p = base + it->offset;
        char c = it->code;
        if (c == 'x') continue;
        if (c == 's' || c == 'p') {
            size_t n;
            const uint8_t *q = bytes_like(*argv, &n);
            if (!q) serror("argument for '%c' must be a bytes object", c);
            argv++;
            size_t room = it->count;
            if (c == 'p') {
                if (room == 0) continue;
                room--;
                if (n > room) n = room;
                if (n > 255) n = 255;
                p[0] = (uint8_t)n;
                p++;
            } else if (n > room) {
                n = room;
            }
            if (n) memcpy(p, q, n);
            continue;
        }
        for (uint32_t j = 0; j < it->count; j++, p += it->size) pack_one(it, p, *argv++);
    }
}

/* ------------------------------------------------------------ unpacking */

static py_val_t unpack_one(const item_t *it, const uint8_t *p) {
    switch (it->code) {
    case 'f': {
        uint32_t u = (uint32_t)mod_get_uint(p, 4, it->big);
        float f;
        memcpy(&f, &u, 4);
        return py_float((double)f);
    }
    case 'd': {
        uint64_t u = mod_get_uint(p, 8, it->big);
        double d;
        memcpy(&d, &u, 8);
        return py_float(d);
    }
    case 'e':
        return py_float(mod_half_to_double((uint16_t)mod_get_uint(p, 2, it->big)));
    case '?':
        return py_bool(*p != 0);
    case 'c':
        return py_bytes_new(p, 1);
    default: {
        uint64_t u = mod_get_uint(p, it->size, it->big);
        if (it->code >= 'a') {
            int64_t i = mod_sign_extend(u, it->size);
            return py_fits_small(i) ? py_small(i) : py_int_from_i64(i);
        }
        return u <= (uint64_t)PY_SMALL_MAX ? py_small((int64_t)u) : py_int_from_u64(u);
    }
    }
}

static py_val_t unpack_values(const layout_t *L, const uint8_t *base) {
    py_val_t t = py_tuple_new(L->nvalues);
    py_val_t *out = py_as_tuple(t)->items;
    for (size_t k = 0; k < L->n; k++) {
        const item_t *it = &L->items[k];
        const uint8_t *p = base + it->offset;
        char c = it->code;
        if (c == 'x') continue;
        if (c == 's') {
            *out++ = py_bytes_new(p, it->count);
            continue;
        }
        if (c == 'p') {
            size_t n = it->count ? p[0] : 0;
            if (it->count && n > it->count - 1) n = it->count - 1;
            *out++ = py_bytes_new(it->count ? p + 1 : p, n);
            continue;
        }
        for (uint32_t j = 0; j < it->count; j++, p += it->size) *out++ = unpack_one(it, p);
    }
    return t;
}

/* ------------------------------------------------------------ operations */

static py_val_t do_pack(const layout_t *L, int argc, const py_val_t *argv) {
    if ((size_t)argc != L->nvalues) serror("pack expected %zu items for packing (got %d)", L->nvalues, argc);
    uint8_t stack[256];
    uint8_t *buf = L->size <= sizeof stack ? stack : py_raw_alloc(L->size);
    pack_values(L, buf, argv);
    py_val_t r = py_bytes_new(buf, L->size);
    if (buf != stack) py_raw_free(buf);
    return r;
}

/* Resolves a possibly negative offset against a buffer of n bytes. */
static size_t resolve_offset(py_val_t off, size_t n, size_t need, const char *what, const char *verb) {
    int64_t o = py_to_i64(off);
    if (o < 0) {
        if ((uint64_t)-o > n) serror("offset %lld out of range for %zu-byte buffer", (long long)o, n);
        if ((uint64_t)-o < need) {
            if (verb[0] == 'p') serror("no space to pack %zu bytes at offset %lld", need, (long long)o);
            serror("not enough data to unpack %zu bytes at offset %lld", need, (long long)o);
        }
        o += (int64_t)n;
    }
    if ((uint64_t)o > n || n - (size_t)o < need)
        serror("%s requires a buffer of at least %zu bytes for %s %zu bytes at offset %lld (actual buffer "
               "size is %zu)",
               what, need + (size_t)o, verb, need, (long long)o, n);
    return (size_t)o;
}

static py_val_t do_pack_into(const layout_t *L, int argc, const py_val_t *argv) {
    if (argc < 1) serror("pack_into expected buffer argument");
    if (argc < 2) serror("pack_into expected offset argument");
    if ((size_t)argc - 2 != L->nvalues)
        serror("pack_into expected %zu items for packing (got %d)", L->nvalues, argc - 2);
    py_buf_t b;
    py_type_t *t = py_type_of(argv[0]);
    if (!t->buffer || !t->buffer(argv[0], &b, 1))
        py_raise_msg(&py_type_TypeError, "argument must be read-write bytes-like object, not %s", t->name);
    size_t o = resolve_offset(argv[1], b.len, L->size, "pack_into", "packing");
    /* Packed into scratch space because converting a value may run Python code
     * (__index__, __float__) that resizes the buffer; the result is copied into
     * the buffer as it is then, even after an error (CPython leaves the values
     * before a bad one packed, so we do too). */
    uint8_t stack[256];
    uint8_t *tmp = L->size <= sizeof stack ? stack : py_raw_alloc(L->size);
    py_val_t exc = PY_NULL;
    py_try_t tr;
    if (py_try(&tr)) {
        pack_values(L, tmp, argv + 2);
        py_try_end(&tr);
    } else {
        exc = tr.exc;
    }
    py_get_buffer(argv[0], &b, 1);
    if (L->size && o + L->size <= b.len) memcpy(b.data + o, tmp, L->size);
    if (tmp != stack) py_raw_free(tmp);
    if (!py_is_null(exc)) py_raise(exc);
    return PY_NONE;
}

static py_val_t do_unpack(const layout_t *L, py_val_t data) {
    py_buf_t b;
    py_get_buffer(data, &b, 0);
    if (b.len != L->size) serror("unpack requires a buffer of %zu bytes", L->size);
    return unpack_values(L, b.data);
}

static py_val_t do_unpack_from(const layout_t *L, py_val_t data, py_val_t off) {
    py_buf_t b;
    py_get_buffer(data, &b, 0);
    size_t o = resolve_offset(off, b.len, L->size, "unpack_from", "unpacking");
    return unpack_values(L, b.data + o);
}

/* unpack_from(fmt, /, buffer, offset=0): argument binding shared with Struct. */
static void unpack_from_args(const char *fn, int argc, const py_val_t *argv, py_val_t kwnames, int first,
                             py_val_t *buf, py_val_t *off) {
    static const char *const allowed[] = {"buffer", "offset", NULL};
    mod_check_kw(fn, kwnames, allowed);
    *buf = argc > first ? argv[first] : py_kwarg(argc, argv, kwnames, "buffer", PY_NULL);
    *off = argc > first + 1 ? argv[first + 1] : py_kwarg(argc, argv, kwnames, "offset", py_small(0));
    if (py_is_null(*buf))
        py_raise_msg(&py_type_TypeError, "%s() missing required argument 'buffer' (pos 2)", fn);
}

/* ------------------------------------------------------------ iter_unpack */

typedef struct {
    py_obj_t h;
    py_val_t owner; /* the Struct whose layout is used */
    py_val_t data;  /* the buffer's exporter */
    size_t pos;
    size_t end;
} unpack_iter_t;

typedef struct {
    py_obj_t h;
    py_val_t format; /* str */
    layout_t L;      /* items in a raw block (or NULL when empty) */
} struct_obj_t;

static void iter_trace(py_obj_t *o) {
    unpack_iter_t *it = (unpack_iter_t *)o;
    py_gc_mark(it->owner);
    py_gc_mark(it->data);
}

static py_val_t iter_next(py_val_t self) {
    unpack_iter_t *it = py_as_ptr(self);
    struct_obj_t *s = py_as_ptr(it->owner);
    if (it->pos >= it->end) return PY_NULL;
    py_buf_t b;
    py_get_buffer(it->data, &b, 0);
    if (it->pos + s->L.size > b.len) return PY_NULL;
    py_val_t r = unpack_values(&s->L, b.data + it->pos);
    it->pos += s->L.size;
    return r;
}

static py_val_t iter_self(py_val_t self) { return self; }

static py_val_t iter_length_hint(int argc, const py_val_t *argv, py_val_t kw) {
    unpack_iter_t *it = py_as_ptr(argv[0]);
    struct_obj_t *s = py_as_ptr(it->owner);
    return py_small((int64_t)((it->end - it->pos) / s->L.size));
}

static const py_method_def_t iter_methods[] = {
    {"__length_hint__", iter_length_hint, 1, 1, 0},
    PY_MF_END,
};

static py_type_t unpack_iter_type = {
    .h = {&py_type_type},
    .name = "unpack_iterator",
    .base = &py_type_object,
    .methods = iter_methods,
    .iter = iter_self,
    .iternext = iter_next,
    .trace = iter_trace,
};

/* ------------------------------------------------------------ Struct */

py_type_t mod_type_struct;

static void struct_trace(py_obj_t *o) {
    struct_obj_t *s = (struct_obj_t *)o;
    py_gc_mark(s->format);
    if (s->L.items) py_gc_mark_raw(s->L.items);
}

static struct_obj_t *new_struct(py_val_t fmt) {
    const char *text;
    size_t n;
    fmt_text(fmt, &text, &n);
    layout_t L;
    compile_fmt(text, n, NULL, &L);
    item_t *items = L.n ? py_raw_alloc(L.n * sizeof(item_t)) : NULL;
    compile_fmt(text, n, items, &L);
    struct_obj_t *s = py_gc_alloc(&mod_type_struct, sizeof *s);
    s->format = py_is_str(fmt) ? fmt : py_str_new(text, n);
    s->L = L;
    return s;
}

static struct_obj_t *as_struct(py_val_t v) {
    if (!py_is_instance(v, &mod_type_struct))
        py_raise_msg(&py_type_TypeError, "descriptor requires a 'Struct' object but received a '%s'",
                     py_type_name(v));
    return py_as_ptr(v);
}

static py_val_t struct_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const allowed[] = {"format", NULL};
    mod_check_kw("Struct", kwnames, allowed);
    py_val_t fmt = argc > 0 ? argv[0] : py_kwarg(argc, argv, kwnames, "format", PY_NULL);
    int nkw = py_is_null(kwnames) ? 0 : (int)py_as_tuple(kwnames)->len;
    if (py_is_null(fmt) || argc + nkw != 1)
        py_raise_msg(&py_type_TypeError, "Struct() takes exactly 1 argument (%d given)", argc + nkw);
    return py_obj(new_struct(fmt));
}

static py_val_t struct_getattr(py_val_t self, py_val_t name) {
    struct_obj_t *s = py_as_ptr(self);
    const char *n = py_str_data(name);
    if (!strcmp(n, "size")) return py_small((int64_t)s->L.size);
    if (!strcmp(n, "format")) return s->format;
    return PY_NULL;
}

static py_val_t s_pack(int argc, const py_val_t *argv, py_val_t kw) {
    return do_pack(&as_struct(argv[0])->L, argc - 1, argv + 1);
}
static py_val_t s_pack_into(int argc, const py_val_t *argv, py_val_t kw) {
    return do_pack_into(&as_struct(argv[0])->L, argc - 1, argv + 1);
}
static py_val_t s_unpack(int argc, const py_val_t *argv, py_val_t kw) {
    return do_unpack(&as_struct(argv[0])->L, argv[1]);
}
static py_val_t s_unpack_from(int argc, const py_val_t *argv, py_val_t kwnames) {
    struct_obj_t *s = as_struct(argv[0]);
    py_val_t buf, off;
    unpack_from_args("unpack_from", argc, argv, kwnames, 1, &buf, &off);
    return do_unpack_from(&s->L, buf, off);
}

static py_val_t make_iter(py_val_t st, py_val_t data) {
    struct_obj_t *s = py_as_ptr(st);
    if (s->L.size == 0) serror("cannot iteratively unpack with a struct of length 0");
    py_buf_t b;
    py_get_buffer(data, &b, 0);
    if (b.len % s->L.size)
        serror("iterative unpacking requires a buffer of a multiple of %zu bytes", s->L.size);
    unpack_iter_t *it = py_gc_alloc(&unpack_iter_type, sizeof *it);
    it->owner = st;
    it->data = data;
    it->end = b.len;
    return py_obj(it);
}

static py_val_t s_iter_unpack(int argc, const py_val_t *argv, py_val_t kw) {
    as_struct(argv[0]);
    return make_iter(argv[0], argv[1]);
}

static const py_method_def_t struct_methods[] = {
    {"pack", s_pack, 1, -1, 0},
    {"pack_into", s_pack_into, 1, -1, 0},
    {"unpack", s_unpack, 2, 2, 0},
    {"unpack_from", s_unpack_from, 1, 3, PY_MF_KW},
    {"iter_unpack", s_iter_unpack, 2, 2, 0},
    PY_MF_END,
};

py_type_t mod_type_struct = {
    .h = {&py_type_type},
    .name = "Struct",
    .base = &py_type_object,
    .methods = struct_methods,
    .make_new = struct_make_new,
    .getattr = struct_getattr,
    .trace = struct_trace,
};

/* ------------------------------------------------------------ module functions */

static py_val_t f_calcsize(int argc, const py_val_t *argv, py_val_t kw) {
    const char *s;
    size_t n;
    fmt_text(argv[0], &s, &n);
    layout_t L;
    compile_fmt(s, n, NULL, &L);
    return py_small((int64_t)L.size);
}

static py_val_t f_pack(int argc, const py_val_t *argv, py_val_t kw) {
    item_t stack[STACK_ITEMS];
    layout_t L;
    layout_of(argv[0], &L, stack);
    return do_pack(&L, argc - 1, argv + 1);
}

static py_val_t f_pack_into(int argc, const py_val_t *argv, py_val_t kw) {
    item_t stack[STACK_ITEMS];
    layout_t L;
    layout_of(argv[0], &L, stack);
    return do_pack_into(&L, argc - 1, argv + 1);
}

static py_val_t f_unpack(int argc, const py_val_t *argv, py_val_t kw) {
    item_t stack[STACK_ITEMS];
    layout_t L;
    layout_of(argv[0], &L, stack);
    return do_unpack(&L, argv[1]);
}

static py_val_t f_unpack_from(int argc, const py_val_t *argv, py_val_t kwnames) {
    item_t stack[STACK_ITEMS];
    layout_t L;
    layout_of(argv[0], &L, stack);
    py_val_t buf, off;
    unpack_from_args("unpack_from", argc, argv, kwnames, 1, &buf, &off);
    return do_unpack_from(&L, buf, off);
}

static py_val_t f_iter_unpack(int argc, const py_val_t *argv, py_val_t kw) {
    return make_iter(py_obj(new_struct(argv[0])), argv[1]);
}

static const py_method_def_t struct_functions[] = {
    {"calcsize", f_calcsize, 1, 1, 0},
    {"pack", f_pack, 1, -1, 0},
    {"pack_into", f_pack_into, 1, -1, 0},
    {"unpack", f_unpack, 2, 2, 0},
    {"unpack_from", f_unpack_from, 1, 3, PY_MF_KW},
    {"iter_unpack", f_iter_unpack, 2, 2, 0},
    PY_MF_END,
};

static void struct_init(py_val_t m) {
    mod_new_exception(m, "struct", "error", &py_type_Exception, &struct_error);
    py_module_add(m, "Struct", py_obj(&mod_type_struct));
}

const py_module_def_t py_module_struct = {"struct", struct_functions, struct_init};
