/* mod_array.c: the array module and its array type (typed numeric arrays).
 *
 * An array holds `len` items of one C type (typecode b B h H i I l L q Q f d,
 * CPython's sizes on a 64-bit host) in a raw GC block of `cap` items.  When
 * the storage grows the old block is left to the collector rather than
 * freed, so a pointer taken from a buffer export stays readable (memoryview
 * re-reads it on every access anyway).  The buffer slot exports the items
 * with their typecode and item size, so memoryview, bytes(), struct.pack_into
 * and file.readinto see the raw native-endian data.
 *
 * Values are converted before anything is stored, so a bad value never
 * leaves a half-written item behind; range errors use CPython's wording,
 * which differs per typecode.
 */
#include <string.h>

#include "modules/binpack.h"

typedef struct {
    py_obj_t h;
    size_t len;    /* items in use */
    size_t cap;    /* items the storage holds */
    uint8_t *data; /* raw payload of cap * itemsize bytes, or empty_storage */
    char typecode;
    uint8_t itemsize;
} array_t;

py_type_t mod_type_array;

static uint8_t empty_storage[8];

static int typecode_size(char c) {
    switch (c) {
    case 'b':
    case 'B':
        return 1;
    case 'h':
    case 'H':
        return 2;
    case 'i':
    case 'I':
    case 'f':
        return 4;
    case 'l':
    case 'L':
    case 'q':
    case 'Q':
    case 'd':
        return 8;
    default:
        return 0;
    }
}

static array_t *as_array(py_val_t v) {
    if (!py_is_type(v, &mod_type_array))
        py_raise_msg(&py_type_TypeError, "descriptor requires a 'array.array' object but received a '%s'",
                     py_type_name(v));
    return py_as_ptr(v);
}

static bool is_array(py_val_t v) { return py_is_type(v, &mod_type_array); }

static array_t *array_alloc(char tc, size_t n) {
    array_t *a = py_gc_alloc(&mod_type_array, sizeof *a);
    a->typecode = tc;
    a->itemsize = (uint8_t)typecode_size(tc);
    a->data = empty_storage;
    if (n) {
        if (n > ((size_t)1 << 44)) py_raise_no_memory();
        a->data = py_raw_alloc(n * a->itemsize);
        a->cap = n;
        a->len = n;
    }
    return a;
}

static void reserve(array_t *a, size_t need) {
    if (need <= a->cap) return;
    if (need > ((size_t)1 << 44)) py_raise_no_memory();
    size_t cap = a->cap + a->cap / 2 + 8;
    if (cap < need) cap = need;
    uint8_t *d = py_raw_alloc(cap * a->itemsize);
    if (a->len) memcpy(d, a->data, a->len * a->itemsize);
    a->data = d; /* the old block is not freed: see the file comment */
    a->cap = cap;
}

/* ------------------------------------------------------------ items */

/* one item of C type T at p, made a value by MAKE */
#define LOAD(T, MAKE)                                                                                        \
    do {                                                                                                     \
        T x;                                                                                                 \
        memcpy(&x, p, sizeof x);                                                                             \
        return MAKE(x);                                                                                      \
    } while (0)
static py_val_t get_item(const array_t *a, size_t i) {
    const uint8_t *p = a->data + i * a->itemsize;
    switch (a->typecode) {
    case 'b':
        return py_small(*(const int8_t *)p);
    case 'B':
        return py_small(*p);
    case 'h': LOAD(int16_t, py_small);
    case 'H': LOAD(uint16_t, py_small);
    case 'i': LOAD(int32_t, py_small);
    case 'I': LOAD(uint32_t, py_small);
    case 'f': LOAD(float, py_float);
    case 'd': LOAD(double, py_float);
    case 'L':
    case 'Q': LOAD(uint64_t, py_int_from_u64);
    default: LOAD(int64_t, py_int_from_i64);
    }
#undef LOAD
}

static PY_NORETURN void overflow(const char *msg) { py_raise_msg(&py_type_OverflowError, "%s", msg); }

static PY_NORETURN void bound_error(const char *what, bool high) {
    py_raise_msg(&py_type_OverflowError, "%s is %s", what,
                 high ? "greater than maximum" : "less than minimum");
}

/* Converts v for typecode tc into out (itemsize bytes). */
static void to_raw(char tc, py_val_t v, uint8_t *out) {
    if (tc == 'f' || tc == 'd') {
        double d;
        if (py_is_float(v))
            d = py_as_float(v);
        else if (py_is_int(v))
            d = py_to_double(v);
        else if (py_is_obj(v) && !py_is_null(py_type_lookup(py_type_of(v), PYN(__float__))))
            d = py_to_double(v);
        else
            py_raise_msg(&py_type_TypeError, "must be real number, not %s", py_type_name(v));
        if (tc == 'f') {
            float f = (float)d;
            memcpy(out, &f, 4);
        } else {
            memcpy(out, &d, 8);
        }
        return;
    }
    int64_t i;
    int k = mod_int_classify(v, &i);
    if (k == MOD_INT_NOTINT)
        py_raise_msg(&py_type_TypeError, "'%s' object cannot be interpreted as an integer", py_type_name(v));
    bool neg = k == MOD_INT_NEGHUGE || (k == MOD_INT_I64 && i < 0);
    switch (tc) {
    case 'I':
    case 'L':
        if (neg) overflow("can't convert negative value to unsigned int");
        if (k == MOD_INT_HUGE) overflow("Python int too large to convert to C unsigned long");
        if (tc == 'I' && (k == MOD_INT_U64 || i > 0xFFFFFFFFll)) bound_error("unsigned int", true);
        break;
    case 'Q':
        if (neg) overflow("can't convert negative int to unsigned");
        if (k == MOD_INT_HUGE) overflow("int too big to convert");
        break;
    case 'q':
        if (k != MOD_INT_I64) overflow("int too big to convert");
        break;
    default: /* b B h H i l: through a C long first */
        if (k != MOD_INT_I64) overflow("Python int too large to convert to C long");
        switch (tc) {
        case 'b':
            if (i < -32768 || i > 32767) bound_error("signed short integer", i > 0);
            if (i < -128 || i > 127) bound_error("signed char", i > 0);
            break;
        case 'B':
            if (i < 0 || i > 255) bound_error("unsigned byte integer", i > 0);
            break;
        case 'h':
            if (i < -32768 || i > 32767) bound_error("signed short integer", i > 0);
            break;
        case 'H':
            if (i < -2147483648ll || i > 2147483647ll) bound_error("signed integer", i > 0);
            if (i < 0 || i > 65535) bound_error("unsigned short", i > 0);
            break;
        case 'i':
            if (i < -2147483648ll || i > 2147483647ll) bound_error("signed integer", i > 0);
            break;
        default:
            break;
        }
    }
    mod_put_uint(out, (uint64_t)i, typecode_size(tc), MOD_HOST_BIG);
}

static void set_item(array_t *a, size_t i, py_val_t v) {
    uint8_t tmp[8];
    to_raw(a->typecode, v, tmp);
    memcpy(a->data + i * a->itemsize, tmp, a->itemsize);
}

static void append_value(array_t *a, py_val_t v) {
    uint8_t tmp[8];
    to_raw(a->typecode, v, tmp);
    if (a->len == a->cap) reserve(a, a->len + 1);
    memcpy(a->data + a->len * a->itemsize, tmp, a->itemsize);
    a->len++;
}

static void append_raw(array_t *a, const uint8_t *p, size_t nitems) {
    if (!nitems) return;
    reserve(a, a->len + nitems);
    memmove(a->data + a->len * a->itemsize, p, nitems * a->itemsize);
    a->len += nitems;
}

/* Appends every value of an iterable; a bad value leaves the ones before it
 * appended (CPython's behaviour). */
static void extend_iterable(array_t *a, py_val_t src) {
    size_t n;
    py_val_t *items;
    if (py_seq_items(src, &n, &items)) {
        reserve(a, a->len + n);
        for (size_t i = 0; py_seq_items(src, &n, &items) && i < n; i++) append_value(a, items[i]);
        return;
    }
    py_val_t it = py_iter(src);
    for (py_val_t v; !py_is_null(v = py_next(it));) append_value(a, v);
}

static void frombytes(array_t *a, py_val_t src) {
    py_buf_t b;
    py_get_buffer(src, &b, 0);
    if (b.len % a->itemsize) py_raise_msg(&py_type_ValueError, "bytes length not a multiple of item size");
    append_raw(a, b.data, b.len / a->itemsize);
}

/* ------------------------------------------------------------ construction */

static py_val_t array_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (!py_is_null(kwnames) && py_as_tuple(kwnames)->len)
        py_raise_msg(&py_type_TypeError, "array.array() takes no keyword arguments");
    if (argc < 1) py_raise_msg(&py_type_TypeError, "array() takes at least 1 argument (0 given)");
    if (argc > 2) py_raise_msg(&py_type_TypeError, "array() takes at most 2 arguments (%d given)", argc);
    py_val_t tcv = argv[0];
    if (!py_is_str(tcv) || py_str_len(py_unwrap_native(tcv)) != 1) {
        if (py_is_str(tcv))
            py_raise_msg(&py_type_TypeError, "array() argument 1 must be a unicode character, not str");
        py_raise_msg(&py_type_TypeError, "array() argument 1 must be a unicode character, not %s",
                     py_type_name(tcv));
    }
    char tc = py_str_data(py_unwrap_native(tcv))[0];
    if (!typecode_size(tc))
        py_raise_msg(&py_type_ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    array_t *a = array_alloc(tc, 0);
    if (argc == 2) {
        py_val_t init = argv[1];
        if (py_is_str(init))
            py_raise_msg(&py_type_TypeError, "cannot use a str to initialize an array with typecode '%c'",
                         tc);
        if (is_array(init) && as_array(init)->typecode == tc) {
            array_t *s = as_array(init);
            append_raw(a, s->data, s->len);
        } else if (py_is_type(py_unwrap_native(init), &py_type_bytes) ||
                   py_is_instance(init, &py_type_bytearray)) {
            frombytes(a, init);
        } else {
            extend_iterable(a, init);
        }
    }
    return py_obj(a);
}

/* ------------------------------------------------------------ slots */

static void array_print(py_sb_t *sb, py_val_t self, int kind) {
    array_t *a = as_array(self);
    py_sb_printf(sb, "array('%c'", a->typecode);
    if (a->len) {
        py_sb_adds(sb, ", [");
        for (size_t i = 0; i < a->len; i++) {
            if (i) py_sb_adds(sb, ", ");
            py_print_to(sb, get_item(a, i), PY_PRINT_REPR);
        }
        py_sb_addc(sb, ']');
    }
    py_sb_addc(sb, ')');
}

static py_val_t array_unary(py_unop_t op, py_val_t v) {
    array_t *a = as_array(v);
    if (op == PY_UNARY_LEN) return py_small((int64_t)a->len);
    if (op == PY_UNARY_BOOL) return py_bool(a->len != 0);
    if (op == PY_UNARY_HASH) py_raise_msg(&py_type_TypeError, "unhashable type: 'array.array'");
    return PY_NULL;
}

static py_val_t concat(array_t *a, array_t *b) {
    array_t *r = array_alloc(a->typecode, 0);
    reserve(r, a->len + b->len);
    append_raw(r, a->data, a->len);
    append_raw(r, b->data, b->len);
    return py_obj(r);
}

static void repeat_into(array_t *r, const array_t *a, int64_t k) {
    if (k <= 0 || a->len == 0) return;
    if ((uint64_t)k > ((size_t)1 << 44) / a->len) py_raise_no_memory();
    size_t total = a->len * (size_t)k, n = a->len * a->itemsize;
    reserve(r, total);
    const uint8_t *src = a->data; /* r may be a: copy from the first block of r itself */
    if (r != a) memcpy(r->data, src, n);
    for (size_t done = n; done < total * a->itemsize;) {
        size_t c = done < total * a->itemsize - done ? done : total * a->itemsize - done;
        memcpy(r->data + done, r->data, c);
        done += c;
    }
    r->len = total;
}

static py_val_t array_binary(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    switch ((int)op) {
    case PY_OP_ADD:
    case PY_OP_ADD + PY_OP_INPLACE: {
        if (!is_array(lhs)) return PY_NULL;
        array_t *a = as_array(lhs);
        if (!is_array(rhs)) {
            if (op == PY_OP_ADD)
                py_raise_msg(&py_type_TypeError, "can only append array (not \"%s\") to array",
                             py_type_name(rhs));
            py_raise_msg(&py_type_TypeError, "can only extend array with array (not \"%s\")",
                         py_type_name(rhs));
        }
        array_t *b = as_array(rhs);
        if (b->typecode != a->typecode)
            py_raise_msg(&py_type_TypeError, op == PY_OP_ADD ? "bad argument type for built-in operation"
                                                             : "can only extend with array of same kind");
        if (op == PY_OP_ADD) return concat(a, b);
        append_raw(a, b->data, b->len);
        return lhs;
    }
    case PY_OP_MUL:
    case PY_OP_MUL + PY_OP_INPLACE: {
        py_val_t arr = is_array(lhs) ? lhs : rhs, k = is_array(lhs) ? rhs : lhs;
        if (!is_array(arr)) return PY_NULL;
        if (py_is_float(k) || !py_is_int(k)) {
            if (op == PY_OP_MUL && !is_array(lhs)) return PY_NULL;
            py_raise_msg(&py_type_TypeError, "can't multiply sequence by non-int of type '%s'",
                         py_type_name(k));
        }
        int64_t n = 0;
        if (py_int_fits_i64(k))
            n = py_to_i64(k);
        else if (py_compare(PY_CMP_LT, k, py_small(0)) != PY_TRUE)
            py_raise_no_memory(); /* huge repeat */
        array_t *a = as_array(arr);
        if (op == PY_OP_MUL + PY_OP_INPLACE) {
            if (n <= 0)
                a->len = 0;
            else
                repeat_into(a, a, n);
            return arr;
        }
        array_t *r = array_alloc(a->typecode, 0);
        repeat_into(r, a, n);
        return py_obj(r);
    }
    default:
        return PY_NULL;
    }
}

static py_val_t array_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    if (!is_array(self) || !is_array(other)) return PY_NULL;
    array_t *a = as_array(self), *b = as_array(other);
    if ((op == PY_CMP_EQ || op == PY_CMP_NE) && a->len != b->len) return py_bool(op == PY_CMP_NE);
    if ((op == PY_CMP_EQ || op == PY_CMP_NE) && a->typecode == b->typecode && a->typecode != 'f' &&
        a->typecode != 'd')
        return py_bool((memcmp(a->data, b->data, a->len * a->itemsize) == 0) == (op == PY_CMP_EQ));
    size_t n = a->len < b->len ? a->len : b->len;
    for (size_t i = 0; i < n && i < a->len && i < b->len; i++) {
        py_val_t x = get_item(a, i), y = get_item(b, i);
        if (!py_eq(x, y)) {
            if (op == PY_CMP_EQ) return PY_FALSE;
            if (op == PY_CMP_NE) return PY_TRUE;
            return py_compare(op, x, y);
        }
    }
    return py_compare_order(op, (a->len > b->len) - (a->len < b->len));
}

static bool is_index(py_val_t key) {
    if (py_is_small(key) || py_is_bool(key)) return true;
    if (py_is_float(key)) return false;
    return py_is_int(key) || (py_is_obj(key) && !py_is_null(py_type_lookup(py_type_of(key), PYN(__index__))));
}

static py_val_t array_getitem(py_val_t self, py_val_t key) {
    array_t *a = as_array(self);
    if (py_is_small(key)) {
        int64_t i = py_as_small(key);
        if (i < 0) i += (int64_t)a->len;
        if (i < 0 || (uint64_t)i >= a->len) py_raise_msg(&py_type_IndexError, "array index out of range");
        return get_item(a, (size_t)i);
    }
    if (py_is_type(key, &py_type_slice)) {
        ssize_t start, stop, step;
        size_t count = py_slice_indices(key, a->len, &start, &stop, &step);
        array_t *r = array_alloc(a->typecode, count);
        if (step == 1) {
            if (count) memcpy(r->data, a->data + (size_t)start * a->itemsize, count * a->itemsize);
        } else {
            ssize_t j = start;
            for (size_t i = 0; i < count; i++, j += step)
                memcpy(r->data + i * a->itemsize, a->data + (size_t)j * a->itemsize, a->itemsize);
        }
        return py_obj(r);
    }
    if (is_index(key)) return get_item(a, py_index_check(key, a->len, "array"));
    py_raise_msg(&py_type_TypeError, "array indices must be integers");
}

static void delete_range(array_t *a, size_t at, size_t n) {
    size_t isz = a->itemsize;
    memmove(a->data + at * isz, a->data + (at + n) * isz, (a->len - at - n) * isz);
    a->len -= n;
}

static void set_slice(array_t *a, py_val_t slice, py_val_t value) {
    ssize_t start, stop, step;
    size_t count = py_slice_indices(slice, a->len, &start, &stop, &step);
    size_t isz = a->itemsize;
    if (py_is_null(value)) {
        if (step == 1) {
            delete_range(a, (size_t)start, count);
            return;
        }
        if (step < 0) { /* walk upwards so the survivors compact in order */
            start = start + (ssize_t)(count - 1) * step;
            step = -step;
        }
        size_t o = 0, next = 0;
        for (size_t i = 0; i < a->len; i++) {
            if (next < count && i == (size_t)start + next * (size_t)step) {
                next++;
                continue;
            }
            if (o != i) memcpy(a->data + o * isz, a->data + i * isz, isz);
            o++;
        }
        a->len = o;
        return;
    }
    if (!is_array(value))
        py_raise_msg(&py_type_TypeError, "can only assign array (not \"%s\") to array slice",
                     py_type_name(value));
    array_t *b = as_array(value);
    if (b->typecode != a->typecode)
        py_raise_msg(&py_type_TypeError, "bad argument type for built-in operation");
    size_t n = b->len;
    const uint8_t *src = b->data;
    if (b == a) { /* a[i:j] = a: work from a copy */
        uint8_t *c = py_raw_alloc(n * isz + 1);
        memcpy(c, src, n * isz);
        src = c;
    }
    if (step == 1) {
        size_t at = (size_t)start;
        if (n != count) {
            size_t newlen = a->len - count + n;
            reserve(a, newlen);
            memmove(a->data + (at + n) * isz, a->data + (at + count) * isz, (a->len - at - count) * isz);
            a->len = newlen;
        }
        if (n) memcpy(a->data + at * isz, src, n * isz);
        return;
    }
    if (n != count)
        py_raise_msg(&py_type_ValueError, "attempt to assign array of size %zu to extended slice of size %zu",
                     n, count);
    ssize_t j = start;
    for (size_t i = 0; i < count; i++, j += step) memcpy(a->data + (size_t)j * isz, src + i * isz, isz);
}

static void array_setitem(py_val_t self, py_val_t key, py_val_t value) {
    array_t *a = as_array(self);
    if (py_is_type(key, &py_type_slice)) {
        set_slice(a, key, value);
        return;
    }
    if (!is_index(key)) py_raise_msg(&py_type_TypeError, "array indices must be integers");
    size_t i = py_index_check(key, a->len, "array assignment"); /* CPython's wording for del too */
    if (py_is_null(value))
        delete_range(a, i, 1);
    else
        set_item(a, i, value);
}

static int array_contains(py_val_t self, py_val_t item) {
    array_t *a = as_array(self);
    for (size_t i = 0; i < a->len; i++)
        if (py_eq(get_item(a, i), item)) return 1;
    return 0;
}

static int array_buffer(py_val_t self, py_buf_t *out, int writable) {
    array_t *a = as_array(self);
    out->data = a->data;
    out->len = a->len * a->itemsize;
    out->typecode = a->typecode;
    out->itemsize = a->itemsize;
    out->writable = 1;
    return 1;
}

static void array_trace(py_obj_t *o) {
    array_t *a = (array_t *)o;
    if (a->cap) py_gc_mark_raw(a->data);
}

static py_val_t array_getattr(py_val_t self, py_val_t name) {
    array_t *a = as_array(self);
    const char *n = py_str_data(name);
    if (!strcmp(n, "typecode")) return py_str_new(&a->typecode, 1);
    if (!strcmp(n, "itemsize")) return py_small(a->itemsize);
    return PY_NULL;
}

/* ------------------------------------------------------------ iterator */

typedef struct {
    py_obj_t h;
    py_val_t arr;
    size_t pos;
} array_iter_t;

static py_val_t iter_next(py_val_t self) {
    array_iter_t *it = py_as_ptr(self);
    array_t *a = py_as_ptr(it->arr);
    if (it->pos >= a->len) return PY_NULL;
    return get_item(a, it->pos++);
}

static py_val_t iter_self(py_val_t self) { return self; }

static void iter_trace(py_obj_t *o) { py_gc_mark(((array_iter_t *)o)->arr); }

static py_type_t array_iter_type = {
    .h = {&py_type_type},
    .name = "arrayiterator",
    .base = &py_type_object,
    .iter = iter_self,
    .iternext = iter_next,
    .trace = iter_trace,
};

static py_val_t array_iter(py_val_t self) {
    as_array(self);
    array_iter_t *it = py_gc_alloc(&array_iter_type, sizeof *it);
    it->arr = self;
    return py_obj(it);
}

/* ------------------------------------------------------------ methods */

#define SELF array_t *a = as_array(argv[0])

static py_val_t m_append(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    append_value(a, argv[1]);
    return PY_NONE;
}

static py_val_t m_extend(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    py_val_t v = argv[1];
    if (is_array(v)) {
        array_t *b = as_array(v);
        if (b->typecode != a->typecode)
            py_raise_msg(&py_type_TypeError, "can only extend with array of same kind");
        append_raw(a, b->data, b->len);
        return PY_NONE;
    }
    extend_iterable(a, v);
    return PY_NONE;
}

static py_val_t m_insert(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    int64_t i = py_to_i64(argv[1]);
    uint8_t tmp[8];
    to_raw(a->typecode, argv[2], tmp);
    int64_t n = (int64_t)a->len;
    if (i < 0) i = i + n < 0 ? 0 : i + n;
    if (i > n) i = n;
    reserve(a, a->len + 1);
    size_t isz = a->itemsize, at = (size_t)i;
    memmove(a->data + (at + 1) * isz, a->data + at * isz, (a->len - at) * isz);
    memcpy(a->data + at * isz, tmp, isz);
    a->len++;
    return PY_NONE;
}

static py_val_t m_pop(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    if (a->len == 0) py_raise_msg(&py_type_IndexError, "pop from empty array");
    size_t i = a->len - 1;
    if (argc > 1) {
        int64_t k = py_to_i64(argv[1]);
        if (k < 0) k += (int64_t)a->len;
        if (k < 0 || (uint64_t)k >= a->len) py_raise_msg(&py_type_IndexError, "pop index out of range");
        i = (size_t)k;
    }
    py_val_t v = get_item(a, i);
    delete_range(a, i, 1);
    return v;
}

static ssize_t find(array_t *a, py_val_t v, size_t from, size_t to) {
    for (size_t i = from; i < to && i < a->len; i++)
        if (py_eq(get_item(a, i), v)) return (ssize_t)i;
    return -1;
}

static py_val_t m_remove(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    ssize_t i = find(a, argv[1], 0, a->len);
    if (i < 0) py_raise_msg(&py_type_ValueError, "array.remove(x): x not in array");
    delete_range(a, (size_t)i, 1);
    return PY_NONE;
}

static size_t clamp_index(py_val_t v, size_t len) {
    int64_t i = py_to_i64(v);
    if (i < 0) i = i + (int64_t)len < 0 ? 0 : i + (int64_t)len;
    return (uint64_t)i > len ? len : (size_t)i;
}

static py_val_t m_index(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    size_t from = argc > 2 ? clamp_index(argv[2], a->len) : 0;
    size_t to = argc > 3 ? clamp_index(argv[3], a->len) : a->len;
    ssize_t i = find(a, argv[1], from, to);
    if (i < 0) py_raise_msg(&py_type_ValueError, "array.index(x): x not in array");
    return py_small(i);
}

static py_val_t m_count(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    int64_t n = 0;
    for (size_t i = 0; i < a->len; i++)
        if (py_eq(get_item(a, i), argv[1])) n++;
    return py_small(n);
}

static py_val_t m_reverse(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    size_t isz = a->itemsize;
    uint8_t tmp[8];
    for (size_t i = 0, j = a->len; i + 1 < j; i++, j--) {
        memcpy(tmp, a->data + i * isz, isz);
        memcpy(a->data + i * isz, a->data + (j - 1) * isz, isz);
        memcpy(a->data + (j - 1) * isz, tmp, isz);
    }
    return PY_NONE;
}

static py_val_t m_tobytes(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    return py_bytes_new(a->data, a->len * a->itemsize);
}

static py_val_t m_frombytes(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    frombytes(a, argv[1]);
    return PY_NONE;
}

static py_val_t m_tolist(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    py_val_t l = py_list_new(a->len);
    for (size_t i = 0; i < a->len && i < py_as_list(l)->len; i++) py_as_list(l)->items[i] = get_item(a, i);
    return l;
}

static py_val_t m_fromlist(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    if (!py_is_instance(argv[1], &py_type_list)) py_raise_msg(&py_type_TypeError, "arg must be list");
    extend_iterable(a, argv[1]);
    return PY_NONE;
}

static py_val_t m_buffer_info(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    return py_tuple_pack(2, py_int_from_u64((uint64_t)(uintptr_t)a->data), py_small((int64_t)a->len));
}

static py_val_t m_byteswap(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    int isz = a->itemsize;
    for (size_t i = 0; i < a->len; i++) {
        uint8_t *p = a->data + i * (size_t)isz;
        for (int x = 0, y = isz - 1; x < y; x++, y--) {
            uint8_t t = p[x];
            p[x] = p[y];
            p[y] = t;
        }
    }
    return PY_NONE;
}

static py_val_t m_copy(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    array_t *r = array_alloc(a->typecode, 0);
    append_raw(r, a->data, a->len);
    return py_obj(r);
}

static py_val_t m_iadd(int argc, const py_val_t *argv, py_val_t kw) {
    return array_binary(PY_OP_ADD + PY_OP_INPLACE, argv[0], argv[1]);
}

static py_val_t m_setitem(int argc, const py_val_t *argv, py_val_t kw) {
    array_setitem(argv[0], argv[1], argv[2]);
    return PY_NONE;
}

static py_val_t m_delitem(int argc, const py_val_t *argv, py_val_t kw) {
    array_setitem(argv[0], argv[1], PY_NULL);
    return PY_NONE;
}

static py_val_t m_getitem(int argc, const py_val_t *argv, py_val_t kw) {
    return array_getitem(argv[0], argv[1]);
}

static py_val_t m_len(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small((int64_t)as_array(argv[0])->len);
}

static const py_method_def_t array_methods[] = {
    {"append", m_append, 2, 2, 0},
    {"extend", m_extend, 2, 2, 0},
    {"insert", m_insert, 3, 3, 0},
    {"pop", m_pop, 1, 2, 0},
    {"remove", m_remove, 2, 2, 0},
    {"index", m_index, 2, 4, 0},
    {"count", m_count, 2, 2, 0},
    {"reverse", m_reverse, 1, 1, 0},
    {"tobytes", m_tobytes, 1, 1, 0},
    {"frombytes", m_frombytes, 2, 2, 0},
    {"tolist", m_tolist, 1, 1, 0},
    {"fromlist", m_fromlist, 2, 2, 0},
    {"buffer_info", m_buffer_info, 1, 1, 0},
    {"byteswap", m_byteswap, 1, 1, 0},
    {"__copy__", m_copy, 1, 1, 0},
    {"__deepcopy__", m_copy, 2, 2, 0},
    {"__iadd__", m_iadd, 2, 2, 0},
    {"__getitem__", m_getitem, 2, 2, 0},
    {"__setitem__", m_setitem, 3, 3, 0},
    {"__delitem__", m_delitem, 2, 2, 0},
    {"__len__", m_len, 1, 1, 0},
    PY_MF_END,
};

py_type_t mod_type_array = {
    .h = {&py_type_type},
    .name = "array",
    .base = &py_type_object,
    .methods = array_methods,
    .make_new = array_make_new,
    .print = array_print,
    .unary = array_unary,
    .binary = array_binary,
    .compare = array_compare,
    .getattr = array_getattr,
    .getitem = array_getitem,
    .setitem = array_setitem,
    .iter = array_iter,
    .buffer = array_buffer,
    .contains = array_contains,
    .trace = array_trace,
};

static void array_init(py_val_t m) {
    py_module_add(m, "array", py_obj(&mod_type_array));
    py_module_add(m, "ArrayType", py_obj(&mod_type_array));
    py_module_add(m, "typecodes", py_str_from_cstr("bBhHiIlLqQfd"));
}

const py_module_def_t py_module_array = {"array", NULL, array_init};
