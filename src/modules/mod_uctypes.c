/* mod_uctypes.c: the uctypes module (MicroPython's "foreign data interface"):
 * C-like structures laid over raw memory, described by dictionaries.
 *
 * Descriptor encoding (the same numbers as MicroPython's, so descriptors
 * written for it work unchanged).  Every code is a small int whose top bits
 * say what it is; the constants are negative for types with the sign bit set:
 *   scalar field    offset | TYPE            TYPE = value type << 27 (4 bits,
 *                                            sign-extended), offset in the
 *                                            low 27 bits;
 *   bitfield        offset | BFxxx | pos << BF_POS | len << BF_LEN
 *                                            (offset 17 bits, pos and len 5);
 *   aggregate       (offset | AGG, ...)      AGG = kind << 29 (2 bits:
 *                                            struct 0, PTR 1, ARRAY 2),
 *                                            offset in the low 29 bits:
 *     (offset, {sub})                  nested struct
 *     (offset | ARRAY, count | TYPE)   array of scalars
 *     (offset | ARRAY, count, {sub})   array of structs
 *     (offset | PTR, TYPE or {sub})    pointer.
 * Value types 0..7 are UINT8 INT8 UINT16 INT16 UINT32 INT32 UINT64 INT64,
 * 8..13 the bitfield containers BFUINT8 .. BFINT32, 14 FLOAT32, 15 FLOAT64.
 *
 * A struct object is (descriptor, address, layout).  Its descriptor is a dict
 * (a structure: fields by attribute) or an aggregate tuple (an array or a
 * pointer field: items by subscript).  Fields are decoded on every access
 * from the descriptor, as on MicroPython, so a descriptor dict may be edited
 * later.  All memory access goes through memcpy: no alignment faults in any
 * layout.  NATIVE means host byte order, and sizes rounded up to the largest
 * field (the only alignment uctypes does: offsets are always explicit).
 * Bitfields are extracted from their container as unsigned values, whatever
 * the BFINT/BFUINT prefix, as MicroPython does.
 *
 * Safety: addresses are raw host pointers, so this module can read and write
 * any memory of the process, exactly as uctypes can on a board; a wrong
 * address or descriptor crashes the interpreter or corrupts data.  What can
 * be guarded is: addresses in the first page (NULL and small integers, the
 * usual mistake) or outside the user address range raise OSError(EFAULT)
 * instead of faulting, including a NULL pointer met by [i]; and a struct or
 * bytearray_at() over a block of the GC heap keeps that block alive (the
 * struct's trace marks its address, which the collector resolves to the
 * containing block), so uctypes.struct(uctypes.addressof(buf), ...) stays
 * valid after `buf` is dropped.  Growing a bytearray moves its storage: a
 * struct made before then still sees the old block.
 */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

#include "modules/binpack.h"
#include "py/bytes_shared.h" /* bytearray_at: a bytearray whose storage is the given memory */

enum { LAYOUT_LITTLE = 0, LAYOUT_BIG = 1, LAYOUT_NATIVE = 2 };
enum { AGG_STRUCT = 0, AGG_PTR = 1, AGG_ARRAY = 2 };
enum {
    T_UINT8,
    T_INT8,
    T_UINT16,
    T_INT16,
    T_UINT32,
    T_INT32,
    T_UINT64,
    T_INT64,
    T_BFUINT8,
    T_BFINT8,
    T_BFUINT16,
    T_BFINT16,
    T_BFUINT32,
    T_BFINT32,
    T_FLOAT32,
    T_FLOAT64,
};

#define VAL_SHIFT 27
#define AGG_SHIFT 29
#define BF_POS_SHIFT 17
#define BF_LEN_SHIFT 22
#define SCALAR_OFF_MASK ((INT64_C(1) << VAL_SHIFT) - 1)
#define BF_OFF_MASK ((INT64_C(1) << BF_POS_SHIFT) - 1)
#define AGG_OFF_MASK ((INT64_C(1) << AGG_SHIFT) - 1)

/* A type code as the module exports it: the 4-bit value type in bits 27..30,
 * sign-extended from bit 31 (so it stays a 32-bit signed value). */
static int64_t type_code(int t) { return (int64_t)(int32_t)((uint32_t)t << 28) >> 1; }
static int64_t agg_code(int a) { return (int64_t)(int32_t)((uint32_t)a << 30) >> 1; }

static int val_type_of(int64_t code) { return (int)((code >> VAL_SHIFT) & 15); }
static int agg_type_of(int64_t code) { return (int)((code >> AGG_SHIFT) & 3); }

typedef struct {
    py_obj_t h;
    py_val_t desc;  /* dict (structure) or aggregate tuple (array, pointer) */
    uint8_t *addr;
    uint8_t layout; /* LAYOUT_* */
} ucs_t;

py_type_t mod_type_uctypes_struct;

static PY_NORETURN void syntax_error(void) {
    py_raise_msg(&py_type_TypeError, "syntax error in uctypes descriptor");
}

/* ------------------------------------------------------------ addresses */

/* The guard described in the file comment.  The first page and
 * non-canonical addresses fault for certain; beyond that each page touched
 * is probed once by reading one byte of it with process_vm_readv() on our
 * own process, which fails with EFAULT instead of faulting for unmapped and
 * unreadable memory (where that call is unavailable, mincore() at least
 * catches unmapped pages).  Pages found readable are remembered in a small
 * cache, so repeated access to the same memory costs a few compares.
 * Writability is not probed: a store to read-only memory still faults. */
#define PAGE_BITS 12
#define PAGE_CACHE 8
static uintptr_t page_cache[PAGE_CACHE]; /* page numbers known readable; 0 = empty */
static unsigned page_next;

static PY_NORETURN void efault(void) {
    py_val_t args[2] = {py_small(EFAULT), py_str_from_cstr("Bad address")};
    py_raise(py_exc_new_args(&py_type_OSError, 2, args));
}

static bool page_readable(uintptr_t pg) {
    for (int i = 0; i < PAGE_CACHE; i++)
        if (page_cache[i] == pg) return true;
    uint8_t byte;
    struct iovec local = {&byte, 1}, remote = {(void *)(pg << PAGE_BITS), 1};
    ssize_t r = process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
    if (r != 1) {
        if (r == 0 || errno == EFAULT) return false;
        unsigned char v;
        if (mincore(remote.iov_base, 1, &v) != 0 && errno == ENOMEM) return false;
    }
    page_cache[page_next++ % PAGE_CACHE] = pg;
    return true;
}

/* Raises OSError(EFAULT) unless [a, a + n) (n >= 1) is readable memory. */
static void check_addr(uintptr_t a, size_t n) {
    if (n == 0) n = 1;
    if (a < ((uintptr_t)1 << PAGE_BITS) || a > ((uintptr_t)1 << 56) || a + n - 1 < a) efault();
    uintptr_t first = a >> PAGE_BITS, last = (a + n - 1) >> PAGE_BITS;
    for (uintptr_t pg = first;; pg++) {
        if (!page_readable(pg)) efault();
        if (pg == last) break;
    }
}

static uintptr_t addr_arg(py_val_t v) {
    if (py_is_small(v)) return (uintptr_t)py_as_small(v);
    if (!py_is_int(v)) py_raise_msg(&py_type_TypeError, "can't convert %s to int", py_type_name(v));
    int64_t i;
    int k = mod_int_classify(v, &i);
    if (k != MOD_INT_I64 && k != MOD_INT_U64) efault(); /* wider than a pointer */
    return (uintptr_t)i;
}

static size_t size_arg(py_val_t v) {
    int64_t n = py_to_i64(v);
    if (n < 0) py_raise_msg(&py_type_ValueError, "negative size");
    return (size_t)n;
}

static py_val_t new_struct(py_val_t desc, uint8_t *addr, int layout) {
    ucs_t *s = py_gc_alloc(&mod_type_uctypes_struct, sizeof(ucs_t));
    s->desc = desc;
    s->addr = addr;
    s->layout = (uint8_t)layout;
    return py_obj(s);
}

static bool is_big(int layout) { return layout == LAYOUT_BIG || (layout == LAYOUT_NATIVE && MOD_HOST_BIG); }

/* ------------------------------------------------------------ scalars */

static size_t scalar_size(int t) {
    if (t == T_FLOAT32) return 4;
    if (t == T_FLOAT64) return 8;
    return (size_t)1 << ((t & 7) >> 1);
}

static py_val_t load_scalar(const uint8_t *p, int t, int layout) {
    int size = (int)scalar_size(t);
    uint64_t u = mod_get_uint(p, size, is_big(layout));
    switch (t) {
    case T_FLOAT32: {
        uint32_t b = (uint32_t)u;
        float f;
        memcpy(&f, &b, 4);
        return py_float((double)f);
    }
    case T_FLOAT64: {
        double d;
        memcpy(&d, &u, 8);
        return py_float(d);
    }
    case T_UINT64:
        return py_int_from_u64(u);
    default:
        if (t & 1) return py_int_from_i64(mod_sign_extend(u, size));
        return py_int_from_i64((int64_t)u);
    }
}

/* The low 64 bits of an int (two's complement), as a C cast truncates. */
static uint64_t int_bits(py_val_t v) {
    if (py_is_small(v)) return (uint64_t)py_as_small(v);
    if (py_is_float(v)) py_raise_msg(&py_type_TypeError, "can't convert float to int");
    int64_t i;
    switch (mod_int_classify(v, &i)) {
    case MOD_INT_I64:
    case MOD_INT_U64:
        return (uint64_t)i;
    case MOD_INT_NOTINT:
        py_raise_msg(&py_type_TypeError, "can't convert %s to int", py_type_name(v));
    default: {
        if (!py_is_int(v)) v = py_call_method(v, PYN(__index__), 0, NULL);
        py_val_t low = py_binary(PY_OP_AND, v, py_int_from_u64(UINT64_MAX));
        mod_int_classify(low, &i);
        return (uint64_t)i;
    }
    }
}

static void store_scalar(uint8_t *p, int t, int layout, py_val_t v) {
    int size = (int)scalar_size(t);
    uint64_t u;
    if (t == T_FLOAT32) {
        float f = (float)py_to_double(v);
        uint32_t b;
        memcpy(&b, &f, 4);
        u = b;
    } else if (t == T_FLOAT64) {
        double d = py_to_double(v);
        memcpy(&u, &d, 8);
    } else {
        u = int_bits(v);
    }
    mod_put_uint(p, u, size, is_big(layout));
}

/* A scalar or bitfield field at base + its offset; value PY_NULL reads. */
static py_val_t scalar_field(uint8_t *base, int64_t code, int layout, py_val_t value) {
    int t = val_type_of(code);
    if (t < T_BFUINT8 || t > T_BFINT32) {
        uint8_t *p = base + (code & SCALAR_OFF_MASK);
        check_addr((uintptr_t)p, scalar_size(t));
        if (py_is_null(value)) return load_scalar(p, t, layout);
        store_scalar(p, t, layout, value);
        return PY_NONE;
    }
    uint8_t *p = base + (code & BF_OFF_MASK);
    int pos = (int)((code >> BF_POS_SHIFT) & 31), len = (int)((code >> BF_LEN_SHIFT) & 31);
    int size = (int)scalar_size(t);
    check_addr((uintptr_t)p, (size_t)size);
    bool big = is_big(layout);
    uint64_t word = mod_get_uint(p, size, big);
    uint64_t mask = len ? ((UINT64_C(1) << len) - 1) : 0;
    if (py_is_null(value)) return py_int_from_i64((int64_t)((word >> pos) & mask));
    uint64_t nv = int_bits(value) & mask;
    word = (word & ~(mask << pos)) | (nv << pos);
    mod_put_uint(p, word, size, big);
    return PY_NONE;
}

/* ------------------------------------------------------------ sizes */

static size_t struct_size(py_val_t desc, int layout, size_t *align);

static py_tuple_t *agg_tuple(py_val_t v) {
    if (!py_is_type(v, &py_type_tuple)) syntax_error();
    py_tuple_t *t = py_as_tuple(v);
    if (t->len < 2 || t->len > 3 || !py_is_small(t->items[0])) syntax_error();
    return t;
}

/* Element count and (for arrays of scalars) element type of an ARRAY tuple. */
static size_t array_count(py_tuple_t *t, int *elem_type) {
    if (!py_is_small(t->items[1])) syntax_error();
    int64_t c = py_as_small(t->items[1]);
    if (t->len == 2) {
        *elem_type = val_type_of(c);
        if (*elem_type >= T_BFUINT8 && *elem_type <= T_BFINT32) syntax_error();
        c &= SCALAR_OFF_MASK;
    } else {
        *elem_type = -1;
        if (!py_is_type(t->items[2], &py_type_dict)) syntax_error();
    }
    if (c < 0) syntax_error();
    return (size_t)c;
}

static size_t agg_size(py_tuple_t *t, int layout, size_t *align) {
    switch (agg_type_of(py_as_small(t->items[0]))) {
    case AGG_STRUCT:
        if (t->len != 2) syntax_error();
        return struct_size(t->items[1], layout, align);
    case AGG_PTR:
        if (sizeof(void *) > *align) *align = sizeof(void *);
        return sizeof(void *);
    case AGG_ARRAY: {
        int et;
        size_t n = array_count(t, &et);
        size_t item;
        if (et >= 0) {
            item = scalar_size(et);
            if (item > *align) *align = item;
        } else {
            item = struct_size(t->items[2], layout, align);
        }
        return item * n;
    }
    default:
        syntax_error();
    }
}

/* Bytes spanned by a descriptor; *align collects the largest field size. */
static size_t struct_size(py_val_t desc, int layout, size_t *align) {
    py_check_stack(); /* a descriptor may contain itself */
    if (!py_is_type(desc, &py_type_dict)) {
        if (py_is_type(desc, &py_type_tuple)) return agg_size(agg_tuple(desc), layout, align);
        if (py_is_small(desc))
            py_raise_msg(&py_type_TypeError, "can't unambiguously get sizeof scalar");
        syntax_error();
    }
    size_t total = 0, pos = 0;
    py_val_t key, v;
    while (py_dict_next(desc, &pos, &key, &v)) {
        size_t end;
        if (py_is_small(v)) {
            int64_t code = py_as_small(v);
            int t = val_type_of(code);
            bool bf = t >= T_BFUINT8 && t <= T_BFINT32;
            size_t s = scalar_size(t);
            if (s > *align) *align = s;
            end = (size_t)(code & (bf ? BF_OFF_MASK : SCALAR_OFF_MASK)) + s;
        } else {
            py_tuple_t *t = agg_tuple(v);
            end = (size_t)(py_as_small(t->items[0]) & AGG_OFF_MASK) + agg_size(t, layout, align);
        }
        if (end > total) total = end;
    }
    if (layout == LAYOUT_NATIVE && *align > 1) total = (total + *align - 1) / *align * *align;
    return total;
}

static size_t desc_size(py_val_t desc, int layout) {
    size_t align = 1;
    return struct_size(desc, layout, &align);
}

/* ------------------------------------------------------------ struct objects */

static int layout_arg(py_val_t v) {
    int64_t l = py_to_i64(v);
    if (l != LAYOUT_LITTLE && l != LAYOUT_BIG && l != LAYOUT_NATIVE)
        py_raise_msg(&py_type_ValueError, "invalid layout type");
    return (int)l;
}

static py_val_t ucs_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const allowed[] = {"layout_type", NULL};
    mod_check_kw("struct", kwnames, allowed);
    if (argc < 2 || argc > 3)
        py_raise_msg(&py_type_TypeError, "function takes from 2 to 3 positional arguments but %d were given",
                     argc);
    uintptr_t a = addr_arg(argv[0]);
    check_addr(a, 0);
    py_val_t lay = argc > 2 ? argv[2] : py_kwarg(argc, argv, kwnames, "layout_type", PY_NULL);
    int layout = py_is_null(lay) ? LAYOUT_NATIVE : layout_arg(lay);
    return new_struct(argv[1], (uint8_t *)a, layout);
}

static ucs_t *as_ucs(py_val_t v) { return py_as_ptr(v); }

/* A field (value of a descriptor dict entry) of the structure at base. */
static py_val_t field(ucs_t *s, py_val_t fd, py_val_t value) {
    if (py_is_small(fd)) return scalar_field(s->addr, py_as_small(fd), s->layout, value);
    py_tuple_t *t = agg_tuple(fd);
    if (!py_is_null(value)) syntax_error(); /* aggregates cannot be assigned */
    int64_t code = py_as_small(t->items[0]);
    uint8_t *p = s->addr + (code & AGG_OFF_MASK);
    switch (agg_type_of(code)) {
    case AGG_STRUCT:
        if (t->len != 2) syntax_error();
        return new_struct(t->items[1], p, s->layout);
    case AGG_ARRAY: {
        int et;
        size_t n = array_count(t, &et);
        if (et == T_UINT8) {
            /* a byte array is a bytearray over the memory itself */
            py_bytearray_t *b = py_bytearray_alloc(0);
            if (n) {
                check_addr((uintptr_t)p, n);
                b->data = p;
                b->len = b->cap = n;
            }
            return py_obj(b);
        }
        return new_struct(fd, p, s->layout);
    }
    case AGG_PTR:
        return new_struct(fd, p, s->layout);
    default:
        syntax_error();
    }
}

static py_val_t ucs_attr(ucs_t *s, py_val_t name, py_val_t value) {
    if (!py_is_type(s->desc, &py_type_dict))
        py_raise_msg(&py_type_TypeError, "struct: no fields");
    py_val_t fd = py_dict_get(s->desc, name);
    if (py_is_null(fd)) py_raise(py_exc_new_args(&py_type_KeyError, 1, &name));
    return field(s, fd, value);
}

static py_val_t ucs_getattr(py_val_t self, py_val_t name) { return ucs_attr(as_ucs(self), name, PY_NULL); }

static int ucs_setattr(py_val_t self, py_val_t name, py_val_t value) {
    if (py_is_null(value)) py_raise_msg(&py_type_TypeError, "struct: can't delete fields");
    ucs_attr(as_ucs(self), name, value);
    return 1;
}

/* Item i of an array or pointer struct; value PY_NULL reads. */
static py_val_t ucs_item(py_val_t self, py_val_t key, py_val_t value) {
    ucs_t *s = as_ucs(self);
    if (!py_is_type(s->desc, &py_type_tuple)) py_raise_msg(&py_type_TypeError, "struct: can't index");
    py_tuple_t *t = agg_tuple(s->desc);
    int kind = agg_type_of(py_as_small(t->items[0]));
    if (kind != AGG_ARRAY && kind != AGG_PTR) py_raise_msg(&py_type_TypeError, "struct: can't index");
    if (!py_is_int(key)) py_raise_msg(&py_type_TypeError, "struct: index must be an integer");
    int64_t i = py_to_i64(key);
    uint8_t *base = s->addr;
    py_val_t elem; /* element descriptor: small int type, or a dict */
    if (kind == AGG_ARRAY) {
        int et;
        size_t n = array_count(t, &et);
        if (i < 0 || (uint64_t)i >= n) py_raise_msg(&py_type_IndexError, "struct: index out of range");
        elem = et >= 0 ? py_small(et) : t->items[2];
    } else {
        /* a pointer: C semantics, any index (negative included) from the pointee */
        check_addr((uintptr_t)s->addr, sizeof base);
        memcpy(&base, s->addr, sizeof base);
        elem = t->items[1];
        if (py_is_small(elem)) {
            int et = val_type_of(py_as_small(elem));
            if (et >= T_BFUINT8 && et <= T_BFINT32) syntax_error();
            elem = py_small(et);
        } else if (!py_is_type(elem, &py_type_dict)) {
            syntax_error();
        }
    }
    if (py_is_small(elem)) {
        int et = (int)py_as_small(elem);
        uint8_t *p = base + i * (int64_t)scalar_size(et);
        check_addr((uintptr_t)p, scalar_size(et));
        if (py_is_null(value)) return load_scalar(p, et, s->layout);
        store_scalar(p, et, s->layout, value);
        return PY_NONE;
    }
    if (!py_is_null(value)) syntax_error();
    uint8_t *p = base + i * (int64_t)desc_size(elem, s->layout);
    if (kind == AGG_PTR) check_addr((uintptr_t)p, 0);
    return new_struct(elem, p, s->layout);
}

static py_val_t ucs_getitem(py_val_t self, py_val_t key) { return ucs_item(self, key, PY_NULL); }

static void ucs_setitem(py_val_t self, py_val_t key, py_val_t value) {
    if (py_is_null(value)) py_raise_msg(&py_type_TypeError, "struct: can't delete items");
    ucs_item(self, key, value);
}

static int ucs_buffer(py_val_t self, py_buf_t *out, int writable) {
    ucs_t *s = as_ucs(self);
    out->data = s->addr;
    out->len = desc_size(s->desc, s->layout);
    if (out->len) check_addr((uintptr_t)s->addr, out->len);
    out->typecode = 'B';
    out->itemsize = 1;
    out->writable = 1;
    return 1;
}

static void ucs_print(py_sb_t *sb, py_val_t self, int kind) {
    ucs_t *s = as_ucs(self);
    const char *what = "ERROR";
    if (py_is_type(s->desc, &py_type_dict)) {
        what = "STRUCT";
    } else if (py_is_type(s->desc, &py_type_tuple) && py_as_tuple(s->desc)->len >= 2 &&
               py_is_small(py_as_tuple(s->desc)->items[0])) {
        static const char *const names[] = {"STRUCT", "PTR", "ARRAY", "ERROR"};
        what = names[agg_type_of(py_as_small(py_as_tuple(s->desc)->items[0]))];
    }
    py_sb_printf(sb, "<struct %s %lx>", what, (unsigned long)(uintptr_t)s->addr);
}

static void ucs_trace(py_obj_t *o) {
    ucs_t *s = (ucs_t *)o;
    py_gc_mark(s->desc);
    py_gc_mark_raw(s->addr); /* keeps a heap block the struct lies over alive */
}

/* int(struct): the value of a pointer field (C's (uintptr_t)p). */
static py_val_t ucs_int(int argc, const py_val_t *argv, py_val_t kw) {
    ucs_t *s = as_ucs(argv[0]);
    if (py_is_type(s->desc, &py_type_tuple)) {
        py_tuple_t *t = agg_tuple(s->desc);
        if (agg_type_of(py_as_small(t->items[0])) == AGG_PTR) {
            uintptr_t p;
            check_addr((uintptr_t)s->addr, sizeof p);
            memcpy(&p, s->addr, sizeof p);
            return py_int_from_u64(p);
        }
    }
    py_raise_msg(&py_type_TypeError, "can't convert struct to int");
}

static const py_method_def_t ucs_methods[] = {
    {"__int__", ucs_int, 1, 1, 0},
    PY_MF_END,
};

py_type_t mod_type_uctypes_struct = {
    .h = {&py_type_type},
    .name = "struct",
    .base = &py_type_object,
    .methods = ucs_methods,
    .make_new = ucs_make_new,
    .print = ucs_print,
    .getattr = ucs_getattr,
    .setattr = ucs_setattr,
    .getitem = ucs_getitem,
    .setitem = ucs_setitem,
    .buffer = ucs_buffer,
    .trace = ucs_trace,
};

/* ------------------------------------------------------------ module functions */

static py_val_t f_sizeof(int argc, const py_val_t *argv, py_val_t kwnames) {
    py_val_t obj = argv[0];
    py_val_t lay = argc > 1 ? argv[1] : py_kwarg(argc, argv, kwnames, "layout_type", PY_NULL);
    if (py_is_type(obj, &py_type_bytearray)) return py_small((int64_t)py_len(obj));
    int layout = LAYOUT_NATIVE;
    if (py_is_type(obj, &mod_type_uctypes_struct)) {
        layout = as_ucs(obj)->layout;
        obj = as_ucs(obj)->desc;
    }
    if (!py_is_null(lay)) layout = layout_arg(lay);
    return py_int_from_u64(desc_size(obj, layout));
}

static py_val_t f_addressof(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t v = argv[0];
    if (py_is_str(v)) return py_int_from_u64((uintptr_t)py_str_data(v)); /* str exports its UTF-8 */
    if (!py_is_obj(v) || (!py_type_of(v)->buffer && !py_is_instance(v, &py_type_bytes) &&
                          !py_is_instance(v, &py_type_bytearray)))
        py_raise_msg(&py_type_TypeError, "object with buffer protocol required");
    py_buf_t b;
    py_get_buffer(v, &b, 0);
    return py_int_from_u64((uintptr_t)b.data);
}

static py_val_t f_bytes_at(int argc, const py_val_t *argv, py_val_t kw) {
    uintptr_t a = addr_arg(argv[0]);
    size_t n = size_arg(argv[1]);
    if (n == 0) return py_bytes_new("", 0);
    check_addr(a, n);
    return py_bytes_new((const void *)a, n);
}

static py_val_t f_bytearray_at(int argc, const py_val_t *argv, py_val_t kw) {
    uintptr_t a = addr_arg(argv[0]);
    size_t n = size_arg(argv[1]);
    py_bytearray_t *b = py_bytearray_alloc(0);
    if (n) {
        check_addr(a, n);
        /* storage by reference: writes reach the memory; cap == len keeps
         * growth from writing past it (it moves to a fresh block) and lets
         * the trace keep a heap block it lies in alive */
        b->data = (uint8_t *)a;
        b->len = b->cap = n;
    }
    return py_obj(b);
}

static const py_method_def_t uctypes_functions[] = {
    {"sizeof", f_sizeof, 1, 2, PY_MF_KW},
    {"addressof", f_addressof, 1, 1, 0},
    {"bytes_at", f_bytes_at, 2, 2, 0},
    {"bytearray_at", f_bytearray_at, 2, 2, 0},
    PY_MF_END,
};

static void uctypes_init(py_val_t m) {
    py_type_init_builtin(&mod_type_uctypes_struct);
    py_module_add(m, "struct", py_obj(&mod_type_uctypes_struct));
    py_module_add(m, "LITTLE_ENDIAN", py_small(LAYOUT_LITTLE));
    py_module_add(m, "BIG_ENDIAN", py_small(LAYOUT_BIG));
    py_module_add(m, "NATIVE", py_small(LAYOUT_NATIVE));
    static const char *const tnames[] = {"UINT8",   "INT8",    "UINT16",   "INT16",   "UINT32",   "INT32",
                                         "UINT64",  "INT64",   "BFUINT8",  "BFINT8",  "BFUINT16", "BFINT16",
                                         "BFUINT32", "BFINT32", "FLOAT32", "FLOAT64"};
    for (int t = 0; t < 16; t++) py_module_add(m, tnames[t], py_small(type_code(t)));
    /* C type aliases for the host ABI (LP64: long is 64-bit) */
    static const struct {
        const char *name;
        int t;
    } aliases[] = {{"VOID", T_UINT8},   {"SHORT", T_INT16},  {"USHORT", T_UINT16},    {"INT", T_INT32},
                   {"UINT", T_UINT32},  {"LONG", T_INT64},   {"ULONG", T_UINT64},     {"LONGLONG", T_INT64},
                   {"ULONGLONG", T_UINT64}};
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        py_module_add(m, aliases[i].name, py_small(type_code(aliases[i].t)));
    py_module_add(m, "PTR", py_small(agg_code(AGG_PTR)));
    py_module_add(m, "ARRAY", py_small(agg_code(AGG_ARRAY)));
    py_module_add(m, "BF_POS", py_small(BF_POS_SHIFT));
    py_module_add(m, "BF_LEN", py_small(BF_LEN_SHIFT));
}

const py_module_def_t py_module_uctypes = {"uctypes", uctypes_functions, uctypes_init};
