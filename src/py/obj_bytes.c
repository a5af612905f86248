/* obj_bytes.c: the bytes type, the buffer protocol entry point
 * (py_get_buffer) and the byte-string helpers bytes, bytearray and
 * memoryview share: construction from the many argument forms, repr,
 * hashing, comparison and indexing.  The methods both types share are in
 * bytes_methods.c.
 *
 * Invariants: a bytes is a py_str_t (obj.h) whose type is &py_type_bytes,
 * with nchars == len and data NUL-terminated (so C code may treat the data
 * as a C string, e.g. source text); it is never mutated once it escapes.
 * Its hash is computed once and cached (0 = not computed yet).  Instances
 * of subclasses hold their bytes in py_instance_t.native
 * (PY_TF_LAYOUT_NATIVE); the slots receive the unwrapped value from the
 * generic class slots, and methods accept both.
 */
#include <stdio.h>
#include <string.h>

#include "bytes_shared.h"

/* ------------------------------------------------------------ allocation */

char *py_bytes_alloc(size_t n, py_val_t *out) {
    if (n > ((size_t)1 << 47)) py_raise_no_memory();
    py_str_t *s = py_gc_alloc(&py_type_bytes, sizeof(py_str_t) + n + 1);
    s->len = n;
    s->nchars = n;
    *out = py_obj(s);
    return s->data;
}

py_val_t py_bytes_new(const void *data, size_t len) {
    py_val_t r;
    char *d = py_bytes_alloc(len, &r);
    if (len) memcpy(d, data, len);
    return r;
}

uint8_t *py_bytes_make_uninit(int kind, size_t n, py_val_t *out) {
    if (kind == PY_BK_BYTEARRAY) {
        py_bytearray_t *b = py_bytearray_alloc(n);
        *out = py_obj(b);
        return b->data;
    }
    return (uint8_t *)py_bytes_alloc(n, out);
}

py_val_t py_bytes_make(int kind, const void *data, size_t n) {
    if (kind == PY_BK_BYTEARRAY) return py_bytearray_new(data, n);
    return py_bytes_new(data, n);
}

/* ------------------------------------------------------------ buffers */

void py_get_buffer(py_val_t v, py_buf_t *buf, int writable) {
    py_type_t *t = py_type_of(v);
    if (t->buffer) {
        if (t->buffer(v, buf, writable)) return;
        if (writable && t->buffer(v, buf, 0))
            py_raise_msg(&py_type_TypeError, "a read-write bytes-like object is required, not '%s'", t->name);
    }
    py_raise_msg(&py_type_TypeError, "a bytes-like object is required, not '%s'", t->name);
}

int py_bytes_self(py_val_t v, const uint8_t **p, size_t *n) {
    int k = py_bytes_view(v, p, n);
    if (k == PY_BK_NONE)
        py_raise_msg(&py_type_TypeError, "descriptor requires a 'bytes' object but received a '%s'",
                     py_type_name(v));
    return k;
}

void py_bytes_arg(py_val_t v, const uint8_t **p, size_t *n) {
    if (py_bytes_view(v, p, n) != PY_BK_NONE) return;
    py_buf_t b;
    py_get_buffer(v, &b, 0);
    *p = b.data;
    *n = b.len;
}

static int bytes_buffer(py_val_t self, py_buf_t *out, int writable) {
    if (writable) return 0;
    py_str_t *s = py_as_ptr(self);
    out->data = (uint8_t *)s->data;
    out->len = s->len;
    out->typecode = 'B';
    out->itemsize = 1;
    out->writable = 0;
    return 1;
}

/* ------------------------------------------------------------ repr, hash, compare */

void py_bytes_repr_data(py_sb_t *sb, const uint8_t *p, size_t n, bool escape_squote) {
    /* CPython picks double quotes only when the data has a ' and no ";
     * bytearray's repr escapes ' even then (escape_squote) */
    char q = '\'';
    if (memchr(p, '\'', n) && !memchr(p, '"', n)) q = '"';
    static const char hex[] = "0123456789abcdef";
    py_sb_addc(sb, 'b');
    py_sb_addc(sb, q);
    size_t run = 0; /* start of the pending run of plain characters */
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (c >= 0x20 && c < 0x7f && c != '\\' && c != (uint8_t)q && (c != '\'' || !escape_squote)) continue;
        if (i > run) py_sb_add(sb, (const char *)p + run, i - run);
        run = i + 1;
        char esc[4] = {'\\', 0, 0, 0};
        size_t el = 2;
        switch (c) {
        case '\\':
            esc[1] = '\\';
            break;
        case '\t':
            esc[1] = 't';
            break;
        case '\n':
            esc[1] = 'n';
            break;
        case '\r':
            esc[1] = 'r';
            break;
        default:
            if (c == (uint8_t)q || c == '\'') {
                esc[1] = (char)c;
            } else {
                esc[1] = 'x';
                esc[2] = hex[c >> 4];
                esc[3] = hex[c & 15];
                el = 4;
            }
        }
        py_sb_add(sb, esc, el);
    }
    if (n > run) py_sb_add(sb, (const char *)p + run, n - run);
    py_sb_addc(sb, q);
}

void py_bytes_print_slot(py_sb_t *sb, py_val_t self, int kind) {
    const uint8_t *p;
    size_t n;
    if (py_bytes_view(self, &p, &n) == PY_BK_NONE) {
        py_default_repr(sb, self);
        return;
    }
    py_bytes_repr_data(sb, p, n, false);
}

/* FNV-1a, shifted into the small-int range so the hash slot can return it
 * as is; memoryview uses the same function so equal views hash alike. */
uint64_t py_bytes_hash_data(const uint8_t *p, size_t n) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    h >>= 17;
    return h ? h : 1;
}

int py_bytes_cmp_data(const uint8_t *a, size_t na, const uint8_t *b, size_t nb) {
    size_t m = na < nb ? na : nb;
    int c = m ? memcmp(a, b, m) : 0;
    if (c) return c < 0 ? -1 : 1;
    return na < nb ? -1 : na > nb;
}

/* Shared by bytes and bytearray: either may be self, the other operand may
 * be either (memoryview compares itself, reflected). */
py_val_t py_bytes_compare_slot(py_cmpop_t op, py_val_t self, py_val_t other) {
    const uint8_t *a, *b;
    size_t na, nb;
    if (py_bytes_view(self, &a, &na) == PY_BK_NONE || py_bytes_view(other, &b, &nb) == PY_BK_NONE)
        return PY_NULL;
    if (op == PY_CMP_EQ || op == PY_CMP_NE) {
        bool eq = na == nb && (na == 0 || memcmp(a, b, na) == 0);
        return py_bool(eq == (op == PY_CMP_EQ));
    }
    return py_compare_order(op, py_bytes_cmp_data(a, na, b, nb));
}

static py_val_t bytes_unary(py_unop_t op, py_val_t v) {
    const uint8_t *p;
    size_t n;
    if (py_bytes_view(v, &p, &n) == PY_BK_NONE) return PY_NULL;
    switch (op) {
    case PY_UNARY_LEN:
        return py_small((int64_t)n);
    case PY_UNARY_BOOL:
        return py_bool(n != 0);
    case PY_UNARY_HASH: {
        py_str_t *s = py_as_ptr(py_unwrap_native(v));
        if (!s->hash) s->hash = py_bytes_hash_data(p, n);
        return py_small((int64_t)s->hash);
    }
    default:
        return PY_NULL;
    }
}

/* ------------------------------------------------------------ indexing */

bool py_bytes_is_index(py_val_t key) {
    if (py_is_small(key) || py_is_bool(key) || py_is_int(key)) return true;
    if (!py_is_obj(key) || py_is_float(key)) return false;
    return !py_is_null(py_type_lookup(py_obj_type(key), PYN(__index__)));
}

size_t py_bytes_index(py_val_t key, size_t len, const char *errmsg) {
    int64_t i = py_is_small(key) ? py_as_small(key) : py_to_i64(key);
    if (i < 0) i += (int64_t)len;
    if (i < 0 || (uint64_t)i >= len) py_raise_msg(&py_type_IndexError, "%s", errmsg);
    return (size_t)i;
}

uint8_t py_bytes_byte_value(py_val_t v) {
    int64_t b;
    if (py_is_small(v)) {
        b = py_as_small(v);
    } else {
        if (py_is_float(v) || !py_bytes_is_index(v))
            py_raise_msg(&py_type_TypeError, "'%s' object cannot be interpreted as an integer",
                         py_type_name(v));
        py_try_t t;
        if (py_try(&t)) {
            b = py_to_i64(v);
            py_try_end(&t);
        } else {
            /* a huge int is just out of range */
            if (!py_exc_matches(t.exc, py_obj(&py_type_OverflowError))) py_raise(t.exc);
            b = -1;
        }
    }
    if (b < 0 || b > 255) py_raise_msg(&py_type_ValueError, "byte must be in range(0, 256)");
    return (uint8_t)b;
}

/* Slicing shared by bytes and bytearray: a new object of `kind`. */
static py_val_t slice_of(int kind, const uint8_t *p, size_t n, py_val_t slice) {
    ssize_t start, stop, step;
    size_t count = py_slice_indices(slice, n, &start, &stop, &step);
    if (step == 1) return py_bytes_make(kind, p + start, count);
    py_val_t r;
    uint8_t *d = py_bytes_make_uninit(kind, count, &r);
    ssize_t j = start;
    for (size_t i = 0; i < count; i++, j += step) d[i] = p[j];
    return r;
}

static py_val_t subscript(int kind, py_val_t self, py_val_t key, const char *tname) {
    const uint8_t *p;
    size_t n;
    py_bytes_self(self, &p, &n);
    if (py_is_small(key)) {
        int64_t i = py_as_small(key);
        if (i < 0) i += (int64_t)n;
        if (i < 0 || (uint64_t)i >= n)
            py_raise_msg(&py_type_IndexError, "%s",
                         kind == PY_BK_BYTES ? "index out of range" : "bytearray index out of range");
        return py_small(p[i]);
    }
    if (py_is_type(key, &py_type_slice)) return slice_of(kind, p, n, key);
    if (py_bytes_is_index(key)) {
        size_t i = py_bytes_index(
            key, n, kind == PY_BK_BYTES ? "index out of range" : "bytearray index out of range");
        return py_small(p[i]);
    }
    py_raise_msg(&py_type_TypeError, "%s indices must be integers or slices, not %s", tname,
                 py_type_name(key));
}

py_val_t py_bytes_getitem_slot(py_val_t self, py_val_t key) {
    return subscript(PY_BK_BYTES, self, key, "byte");
}

py_val_t py_bytearray_getitem_slot(py_val_t self, py_val_t key) {
    return subscript(PY_BK_BYTEARRAY, self, key, "bytearray");
}

int py_bytes_contains_slot(py_val_t self, py_val_t item) {
    const uint8_t *p, *q;
    size_t n, m;
    py_bytes_self(self, &p, &n);
    if (py_bytes_view(item, &q, &m) == PY_BK_NONE) {
        if (py_is_small(item) || (!py_is_float(item) && py_bytes_is_index(item))) {
            uint8_t c = py_bytes_byte_value(item);
            return n && memchr(p, c, n) != NULL;
        }
        py_bytes_arg(item, &q, &m);
    }
    if (m == 0) return 1;
    return n && memmem(p, n, q, m) != NULL;
}

/* ------------------------------------------------------------ iteration */

typedef struct {
    py_obj_t h;
    py_val_t seq; /* bytes or bytearray (the length is re-read: bytearrays change) */
    size_t i;
} bytes_iter_t;

static py_val_t iter_self(py_val_t self) { return self; }

static py_val_t bytes_iternext(py_val_t self) {
    bytes_iter_t *it = py_as_ptr(self);
    const uint8_t *p;
    size_t n;
    if (py_bytes_view(it->seq, &p, &n) == PY_BK_NONE || it->i >= n) return PY_NULL;
    return py_small(p[it->i++]);
}

static void bytes_iter_trace(py_obj_t *o) { py_gc_mark(((bytes_iter_t *)o)->seq); }

static py_type_t bytes_iter_type = {
    .h = {&py_type_type},
    .name = "bytes_iterator",
    .base = &py_type_object,
    .instance_size = sizeof(bytes_iter_t),
    .iter = iter_self,
    .iternext = bytes_iternext,
    .trace = bytes_iter_trace,
};

/* the same iterator under bytearray's name, so type(iter(ba)).__name__ reads as in CPython */
static py_type_t bytearray_iter_type = {
    .h = {&py_type_type},
    .name = "bytearray_iterator",
    .base = &py_type_object,
    .instance_size = sizeof(bytes_iter_t),
    .iter = iter_self,
    .iternext = bytes_iternext,
    .trace = bytes_iter_trace,
};

py_val_t py_bytes_iter_slot(py_val_t self) {
    bytes_iter_t *it =
        py_gc_alloc(py_is_instance(self, &py_type_bytearray) ? &bytearray_iter_type : &bytes_iter_type, sizeof *it);
    it->seq = self;
    it->i = 0;
    return py_obj(it);
}

/* ------------------------------------------------------------ operators */

static py_val_t repeat(int kind, const uint8_t *p, size_t n, int64_t count) {
    if (count <= 0 || n == 0) return py_bytes_make(kind, NULL, 0);
    if ((uint64_t)count > (uint64_t)INT64_MAX / n)
        py_raise_msg(&py_type_OverflowError, "repeated bytes are too long");
    if ((uint64_t)count > ((size_t)1 << 47) / n) py_raise_no_memory();
    size_t total = n * (size_t)count;
    py_val_t r;
    uint8_t *d = py_bytes_make_uninit(kind, total, &r);
    if (n == 1) {
        memset(d, p[0], total);
        return r;
    }
    memcpy(d, p, n);
    /* doubling copies: O(log count) memcpy calls */
    for (size_t done = n; done < total;) {
        size_t c = done < total - done ? done : total - done;
        memcpy(d + done, d, c);
        done += c;
    }
    return r;
}

/* lhs/rhs of a sequence operator that are not of our kinds: a class written
 * in Python may still answer (its reflected method), so only builtin types
 * get the TypeError here. */
static bool may_defer(py_val_t v) { return py_is_obj(v) && (py_obj_type(v)->flags & PY_TF_HEAP); }

/* +, * and % for bytes and bytearray (kind = the type whose slot this is);
 * bytearray's in-place forms are in obj_bytearray.c. */
static py_val_t seq_binary(int kind, const char *tname, py_binop_t op, py_val_t lhs, py_val_t rhs) {
    const uint8_t *a, *b;
    size_t na, nb;
    if (op >= PY_OP_INPLACE) op = (py_binop_t)(op - PY_OP_INPLACE);
    int ka = py_bytes_view(lhs, &a, &na);
    switch (op) {
    case PY_OP_ADD: {
        if (ka != kind) return PY_NULL;
        if (py_bytes_view(rhs, &b, &nb) == PY_BK_NONE) {
            py_type_t *t = py_type_of(rhs);
            if (!t->buffer) {
                if (may_defer(rhs)) return PY_NULL;
                py_raise_msg(&py_type_TypeError, "can't concat %s to %s", t->name, tname);
            }
            py_bytes_arg(rhs, &b, &nb);
        }
        if (kind == PY_BK_BYTES && py_is_type(lhs, &py_type_bytes)) {
            if (nb == 0) return lhs;
            if (na == 0 && py_is_type(rhs, &py_type_bytes)) return rhs;
        }
        py_val_t r;
        uint8_t *d = py_bytes_make_uninit(kind, na + nb, &r);
        if (na) memcpy(d, a, na);
        if (nb) memcpy(d + na, b, nb);
        return r;
    }
    case PY_OP_MUL: {
        py_val_t seq = lhs, cnt = rhs;
        if (ka != kind) {
            if (py_bytes_view(rhs, &a, &na) != kind) return PY_NULL;
            seq = rhs;
            cnt = lhs;
        }
        if (!py_bytes_is_index(cnt) || py_is_float(cnt)) {
            if (may_defer(cnt)) return PY_NULL;
            py_raise_msg(&py_type_TypeError, "can't multiply sequence by non-int of type '%s'",
                         py_type_name(cnt));
        }
        int64_t k = py_to_i64(cnt);
        if (k == 1 && kind == PY_BK_BYTES && py_is_type(seq, &py_type_bytes)) return seq;
        return repeat(kind, a, na, k);
    }
    case PY_OP_MOD: {
        if (ka != kind) return PY_NULL;
        py_val_t r = py_str_mod_format(lhs, rhs);
        if (kind == PY_BK_BYTEARRAY) {
            py_bytes_view(r, &b, &nb);
            return py_bytearray_new(b, nb);
        }
        return r;
    }
    default:
        return PY_NULL;
    }
}

py_val_t py_bytes_binary_slot(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    return seq_binary(PY_BK_BYTES, "bytes", op, lhs, rhs);
}

/* bytearray's non-in-place operators (obj_bytearray.c adds += and *=). */
py_val_t py_bytes_seq_binary_bytearray(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    return seq_binary(PY_BK_BYTEARRAY, "bytearray", op, lhs, rhs);
}

/* ------------------------------------------------------------ construction */

/* Encoding name -> ENC_*, LookupError for names we do not know. */
int py_bytes_encoding(py_val_t enc, const char *func) {
    if (py_is_null(enc)) return PY_ENC_UTF8;
    if (!py_is_str(enc))
        py_raise_msg(&py_type_TypeError, "%s() argument 'encoding' must be str, not %s", func,
                     py_type_name(enc));
    enc = py_unwrap_native(enc);
    const char *s = py_str_data(enc);
    char low[24];
    size_t n = py_str_len(enc), k = 0;
    if (n < sizeof low) {
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
            if (c == '_' || c == ' ') c = '-';
            low[k++] = c;
        }
    }
    low[k] = 0;
    if (!strcmp(low, "utf-8") || !strcmp(low, "utf8") || !strcmp(low, "u8") || !strcmp(low, "utf"))
        return PY_ENC_UTF8;
    if (!strcmp(low, "ascii") || !strcmp(low, "us-ascii") || !strcmp(low, "646")) return PY_ENC_ASCII;
    if (!strcmp(low, "latin-1") || !strcmp(low, "latin1") || !strcmp(low, "iso-8859-1") ||
        !strcmp(low, "iso8859-1") || !strcmp(low, "l1") || !strcmp(low, "8859") || !strcmp(low, "cp819") ||
        !strcmp(low, "latin"))
        return PY_ENC_LATIN1;
    py_raise_msg(&py_type_LookupError, "unknown encoding: %s", s);
}

int py_bytes_errors(py_val_t errs, const char *func) {
    if (py_is_null(errs)) return PY_ERR_STRICT;
    if (!py_is_str(errs))
        py_raise_msg(&py_type_TypeError, "%s() argument 'errors' must be str, not %s", func,
                     py_type_name(errs));
    const char *s = py_str_data(py_unwrap_native(errs));
    if (!strcmp(s, "strict")) return PY_ERR_STRICT;
    if (!strcmp(s, "ignore")) return PY_ERR_IGNORE;
    if (!strcmp(s, "replace")) return PY_ERR_REPLACE;
    if (!strcmp(s, "backslashreplace")) return PY_ERR_BACKSLASH;
    if (!strcmp(s, "xmlcharrefreplace")) return PY_ERR_XMLREF;
    return PY_ERR_UNKNOWN;
}

static uint32_t utf8_next(const uint8_t *p, size_t n, size_t *i) {
    uint32_t c = p[*i];
    if (c < 0x80) {
        (*i)++;
    } else if (c < 0xE0 && *i + 1 < n) {
        c = ((c & 0x1F) << 6) | (p[*i + 1] & 0x3Fu);
        *i += 2;
    } else if (c < 0xF0 && *i + 2 < n) {
        c = ((c & 0x0F) << 12) | ((p[*i + 1] & 0x3Fu) << 6) | (p[*i + 2] & 0x3Fu);
        *i += 3;
    } else if (*i + 3 < n) {
        c = ((c & 0x07) << 18) | ((p[*i + 1] & 0x3Fu) << 12) | ((p[*i + 2] & 0x3Fu) << 6) |
            (p[*i + 3] & 0x3Fu);
        *i += 4;
    } else {
        (*i)++;
    }
    return c;
}

/* str -> bytes (or bytearray) in one of the encodings we support. */
py_val_t py_bytes_encode(int kind, py_val_t str, py_val_t enc, py_val_t errs, const char *func) {
    str = py_unwrap_native(str);
    const uint8_t *p = (const uint8_t *)py_str_data(str);
    size_t n = py_str_len(str);
    int e = py_bytes_encoding(enc, func);
    int er = py_bytes_errors(errs, func);
    if (e == PY_ENC_UTF8) return py_bytes_make(kind, p, n);
    uint32_t limit = e == PY_ENC_ASCII ? 0x80 : 0x100;
    /* fast path: everything below the limit and (for latin-1) ASCII */
    size_t i = 0;
    while (i < n && p[i] < 0x80) i++;
    if (i == n) return py_bytes_make(kind, p, n);
    py_sb_t sb;
    py_sb_init(&sb);
    py_sb_add(&sb, (const char *)p, i);
    size_t pos = i; /* character position of p[i]: all before are ASCII */
    while (i < n) {
        uint32_t c = utf8_next(p, n, &i);
        if (c < limit) {
            py_sb_addc(&sb, (char)c);
        } else {
            switch (er) {
            case PY_ERR_IGNORE:
                break;
            case PY_ERR_REPLACE:
                py_sb_addc(&sb, '?');
                break;
            case PY_ERR_BACKSLASH:
                if (c < 0x100)
                    py_sb_printf(&sb, "\\x%02x", c);
                else if (c < 0x10000)
                    py_sb_printf(&sb, "\\u%04x", c);
                else
                    py_sb_printf(&sb, "\\U%08x", c);
                break;
            case PY_ERR_XMLREF:
                py_sb_printf(&sb, "&#%u;", c);
                break;
            case PY_ERR_UNKNOWN:
                py_raise_msg(&py_type_LookupError, "unknown error handler name '%s'",
                             py_str_data(py_unwrap_native(errs)));
            default: {
                char cr[16];
                if (c < 0x100)
                    snprintf(cr, sizeof cr, "\\x%02x", c);
                else if (c < 0x10000)
                    snprintf(cr, sizeof cr, "\\u%04x", c);
                else
                    snprintf(cr, sizeof cr, "\\U%08x", c);
                py_raise_msg(
                    &py_type_UnicodeEncodeError,
                    "'%s' codec can't encode character '%s' in position %zu: ordinal not in range(%u)",
                    e == PY_ENC_ASCII ? "ascii" : "latin-1", cr, pos, limit);
            }
            }
        }
        pos++;
    }
    if (kind == PY_BK_BYTES) return py_sb_to_bytes(&sb);
    return py_bytes_make(kind, sb.data, sb.len);
}

/* Length of the valid UTF-8 sequence at p[i], or 0 with *bad set to the
 * length of the maximal invalid prefix and *why to the reason. */
static size_t utf8_seq(const uint8_t *p, size_t n, size_t i, size_t *bad, const char **why) {
    uint8_t c = p[i];
    if (c < 0x80) return 1;
    size_t need;
    uint8_t lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        *bad = 1;
        *why = "invalid start byte";
        return 0;
    }
    for (size_t k = 1; k <= need; k++) {
        if (i + k >= n) {
            *bad = k;
            *why = "unexpected end of data";
            return 0;
        }
        uint8_t d = p[i + k];
        if (d < lo || d > hi) {
            *bad = k;
            *why = "invalid continuation byte";
            return 0;
        }
        lo = 0x80;
        hi = 0xBF;
    }
    return need + 1;
}

PY_NORETURN static void decode_error(const char *codec, const uint8_t *p, size_t start, size_t len,
                                     const char *why) {
    if (len == 1)
        py_raise_msg(&py_type_UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                     codec, p[start], start, why);
    py_raise_msg(&py_type_UnicodeDecodeError, "'%s' codec can't decode bytes in position %zu-%zu: %s", codec,
                 start, start + len - 1, why);
}

/* Handles one undecodable run for the non-strict error modes. */
static void decode_fallback(py_sb_t *sb, int er, const uint8_t *p, size_t start, size_t len,
                            const char *codec, const char *why, py_val_t errs) {
    switch (er) {
    case PY_ERR_IGNORE:
        return;
    case PY_ERR_REPLACE:
        py_sb_add_utf8(sb, 0xFFFD);
        return;
    case PY_ERR_BACKSLASH:
        for (size_t k = 0; k < len; k++) py_sb_printf(sb, "\\x%02x", p[start + k]);
        return;
    case PY_ERR_UNKNOWN:
        py_raise_msg(&py_type_LookupError, "unknown error handler name '%s'",
                     py_str_data(py_unwrap_native(errs)));
    default:
        decode_error(codec, p, start, len, why);
    }
}

/* bytes -> str. */
py_val_t py_bytes_decode(const uint8_t *p, size_t n, py_val_t enc, py_val_t errs, const char *func) {
    int e = py_bytes_encoding(enc, func);
    size_t i = 0;
    while (i < n && p[i] < 0x80) i++;
    if (i == n) return py_str_new((const char *)p, n);
    int er = py_bytes_errors(errs, func);
    if (e == PY_ENC_UTF8) {
        /* validate first: the common case is valid text, decoded by one copy */
        size_t j = i, bad = 0;
        const char *why = NULL;
        while (j < n) {
            if (p[j] < 0x80) {
                j++;
                continue;
            }
            size_t k = utf8_seq(p, n, j, &bad, &why);
            if (!k) break;
            j += k;
        }
        if (j == n) return py_str_new((const char *)p, n);
        if (er == PY_ERR_STRICT) decode_error("utf-8", p, j, bad, why);
        py_sb_t sb;
        py_sb_init(&sb);
        py_sb_add(&sb, (const char *)p, j);
        while (j < n) {
            size_t k = utf8_seq(p, n, j, &bad, &why);
            if (k) {
                py_sb_add(&sb, (const char *)p + j, k);
                j += k;
            } else {
                decode_fallback(&sb, er, p, j, bad, "utf-8", why, errs);
                j += bad;
            }
        }
        return py_sb_to_str(&sb);
    }
    py_sb_t sb;
    py_sb_init(&sb);
    py_sb_add(&sb, (const char *)p, i);
    for (; i < n; i++) {
        if (p[i] < 0x80)
            py_sb_addc(&sb, (char)p[i]);
        else if (e == PY_ENC_LATIN1)
            py_sb_add_utf8(&sb, p[i]);
        else
            decode_fallback(&sb, er, p, i, 1, "ascii", "ordinal not in range(128)", errs);
    }
    return py_sb_to_str(&sb);
}

/* Appends the ints of an iterable to sb (bytes) or b (bytearray). */
/* bytes() says "bytes must be ..." where bytearray says "byte must be ..." */
static uint8_t item_byte(py_val_t v, bool for_bytes) {
    if (!for_bytes) return py_bytes_byte_value(v);
    if (py_is_small(v)) {
        int64_t i = py_as_small(v);
        if (i < 0 || i > 255) py_raise_msg(&py_type_ValueError, "bytes must be in range(0, 256)");
        return (uint8_t)i;
    }
    py_try_t t;
    uint8_t c = 0;
    if (py_try(&t)) {
        c = py_bytes_byte_value(v);
        py_try_end(&t);
    } else {
        if (py_exc_matches(t.exc, py_obj(&py_type_ValueError)))
            py_raise_msg(&py_type_ValueError, "bytes must be in range(0, 256)");
        py_raise(t.exc);
    }
    return c;
}

static void from_iterable(py_val_t src, py_sb_t *sb, py_bytearray_t *b) {
    size_t n;
    py_val_t *items;
    if (py_seq_items(src, &n, &items)) {
        /* list or tuple; an item's __index__ may resize a list, so the
         * length is re-read every step */
        if (b) py_bytearray_reserve(b, b->len + n);
        for (size_t i = 0; py_seq_items(src, &n, &items) && i < n; i++) {
            uint8_t c = item_byte(items[i], !b);
            if (!b) {
                py_sb_addc(sb, (char)c);
                continue;
            }
            if (b->len == b->cap) py_bytearray_reserve(b, b->len + 1);
            b->data[b->len++] = c;
        }
        return;
    }
    py_val_t it = py_iter(src);
    for (py_val_t v; !py_is_null(v = py_next(it));) {
        uint8_t c = item_byte(v, !b);
        if (!b) {
            py_sb_addc(sb, (char)c);
            continue;
        }
        if (b->len == b->cap) py_bytearray_reserve(b, b->len + 1);
        b->data[b->len++] = c;
    }
}

void py_bytes_extend_iterable(py_bytearray_t *b, py_val_t src) { from_iterable(src, NULL, b); }

static py_val_t from_source(int kind, py_val_t src, const char *tname) {
    const uint8_t *p;
    size_t n;
    int k = py_bytes_view(src, &p, &n);
    if (k != PY_BK_NONE) {
        if (kind == PY_BK_BYTES && py_is_type(src, &py_type_bytes)) return src;
        return py_bytes_make(kind, p, n);
    }
    py_type_t *t = py_type_of(src);
    if (kind == PY_BK_BYTES && py_is_obj(src)) {
        py_val_t f = py_type_lookup(t, PYN(__bytes__));
        if (!py_is_null(f)) {
            py_val_t r = py_call1(f, src);
            if (!py_is_instance(r, &py_type_bytes))
                py_raise_msg(&py_type_TypeError, "__bytes__ returned non-bytes (type %s)", py_type_name(r));
            return r;
        }
    }
    if (py_is_small(src) || (!py_is_float(src) && py_bytes_is_index(src))) {
        int64_t c = py_to_i64(src);
        if (c < 0) py_raise_msg(&py_type_ValueError, "negative count");
        if ((uint64_t)c > ((uint64_t)1 << 47)) py_raise_no_memory();
        py_val_t r;
        py_bytes_make_uninit(kind, (size_t)c, &r); /* zeroed */
        return r;
    }
    if (t->buffer) {
        py_buf_t b;
        py_get_buffer(src, &b, 0);
        return py_bytes_make(kind, b.data, b.len);
    }
    if (py_is_str(src)) py_raise_msg(&py_type_TypeError, "string argument without an encoding");
    if (t->iter || t->getitem) {
        if (kind == PY_BK_BYTEARRAY) {
            py_bytearray_t *b = py_bytearray_alloc(0);
            from_iterable(src, NULL, b);
            return py_obj(b);
        }
        py_sb_t sb;
        py_sb_init(&sb);
        from_iterable(src, &sb, NULL);
        return py_sb_to_bytes(&sb);
    }
    py_raise_msg(&py_type_TypeError, "cannot convert '%s' object to %s", t->name, tname);
}

py_val_t py_bytes_construct(int kind, int argc, const py_val_t *argv, py_val_t kwnames) {
    const char *tname = kind == PY_BK_BYTES ? "bytes" : "bytearray";
    py_val_t src = argc > 0 ? argv[0] : PY_NULL, enc = argc > 1 ? argv[1] : PY_NULL,
             errs = argc > 2 ? argv[2] : PY_NULL;
    if (argc > 3) py_raise_msg(&py_type_TypeError, "%s() takes at most 3 arguments (%d given)", tname, argc);
    if (!py_is_null(kwnames)) {
        py_tuple_t *k = py_as_tuple(kwnames);
        for (size_t i = 0; i < k->len; i++) {
            const char *name = py_str_data(k->items[i]);
            py_val_t v = argv[argc + (int)i];
            py_val_t *slot = !strcmp(name, "source")     ? &src
                             : !strcmp(name, "encoding") ? &enc
                             : !strcmp(name, "errors")   ? &errs
                                                         : NULL;
            if (!slot)
                py_raise_msg(&py_type_TypeError, "'%s' is an invalid keyword argument for %s()", name, tname);
            if (!py_is_null(*slot))
                py_raise_msg(&py_type_TypeError, "argument for %s() given by name ('%s') and position", tname,
                             name);
            *slot = v;
        }
    }
    if (py_is_null(src)) {
        if (!py_is_null(enc) || !py_is_null(errs))
            py_raise_msg(&py_type_TypeError, "encoding without a string argument");
        return py_bytes_make(kind, NULL, 0);
    }
    if (py_is_str(src)) {
        if (py_is_null(enc)) py_raise_msg(&py_type_TypeError, "string argument without an encoding");
        return py_bytes_encode(kind, src, enc, errs, tname);
    }
    if (!py_is_null(enc)) py_raise_msg(&py_type_TypeError, "encoding without a string argument");
    if (!py_is_null(errs)) py_raise_msg(&py_type_TypeError, "errors without a string argument");
    return from_source(kind, src, tname);
}

static py_val_t bytes_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    py_val_t v;
    if (argc == 1 && py_is_null(kwnames) && py_is_type(argv[0], &py_type_bytes))
        v = argv[0];
    else
        v = py_bytes_construct(PY_BK_BYTES, argc, argv, kwnames);
    if (type == &py_type_bytes) return v;
    /* bytes.__new__(Subclass, ...) */
    size_t sz = type->instance_size > sizeof(py_instance_t) ? type->instance_size : sizeof(py_instance_t);
    py_instance_t *inst = py_gc_alloc(type, sz);
    inst->dict = PY_NULL;
    inst->native = py_unwrap_native(v);
    return py_obj(inst);
}

/* bytes.__new__(cls, ...): what super().__new__(cls, x) reaches from a subclass. */
static py_val_t m_new(int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc < 1 || !py_is_obj(argv[0]) || !py_is_subtype(py_obj_type(argv[0]), &py_type_type))
        py_raise_msg(&py_type_TypeError, "bytes.__new__(X): X is not a type object");
    py_type_t *t = (py_type_t *)py_as_ptr(argv[0]);
    if (!py_is_subtype(t, &py_type_bytes))
        py_raise_msg(&py_type_TypeError, "bytes.__new__(%s): %s is not a subtype of bytes", t->name, t->name);
    return bytes_make_new(t, argc - 1, argv + 1, kwnames);
}

static py_val_t m_bytes(int argc, const py_val_t *argv, py_val_t kw) {
    const uint8_t *p;
    size_t n;
    if (py_bytes_view(argv[0], &p, &n) != PY_BK_BYTES) py_raise_type_error_arg("__bytes__", "bytes", argv[0]);
    py_val_t v = py_unwrap_native(argv[0]);
    return v;
}

static py_val_t m_hash(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t r = bytes_unary(PY_UNARY_HASH, argv[0]);
    if (py_is_null(r)) py_raise_type_error_arg("__hash__", "bytes", argv[0]);
    return r;
}

static py_val_t m_getnewargs(int argc, const py_val_t *argv, py_val_t kw) {
    const uint8_t *p;
    size_t n;
    if (py_bytes_view(argv[0], &p, &n) != PY_BK_BYTES)
        py_raise_type_error_arg("__getnewargs__", "bytes", argv[0]);
    return py_tuple_pack(1, py_bytes_new(p, n));
}

static const py_method_def_t bytes_methods[] = {
    PY_BYTES_COMMON_METHODS(PY_BYTES_DEF_) PY_BYTES_DUNDER_DEFS,
    {"__new__", m_new, 1, -1, PY_MF_STATIC | PY_MF_KW},
    {"__bytes__", m_bytes, 1, 1, 0},
    {"__hash__", m_hash, 1, 1, 0},
    {"__getnewargs__", m_getnewargs, 1, 1, 0},
    PY_MF_END,
};

py_type_t py_type_bytes = {
    .h = {&py_type_type},
    .name = "bytes",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .methods = bytes_methods,
    .make_new = bytes_make_new,
    .print = py_bytes_print_slot,
    .unary = bytes_unary,
    .binary = py_bytes_binary_slot,
    .compare = py_bytes_compare_slot,
    .getitem = py_bytes_getitem_slot,
    .iter = py_bytes_iter_slot,
    .buffer = bytes_buffer,
    .contains = py_bytes_contains_slot,
};
