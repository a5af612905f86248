/* strbuf.c: the string builder (py_sb_t, declared in runtime.h).
 *
 * The buffer is one raw GC block laid out so that it can become the result
 * without a copy:
 *
 *     [py_raw_t header][HDR spare bytes][text ...][NUL][slack]
 *      \______ offsetof(py_str_t, data) ______/
 *
 * sb->data points at the text, so when py_sb_to_str finishes a buffer whose
 * slack is small it rewrites the block's header into a py_str_t in place (the
 * collector keys blocks by address, not by type, so a raw block may turn into
 * a str).  A buffer with much slack is copied into an exact-size str and
 * released instead.
 *
 * Invariants: data is NULL until the first append (an empty builder costs
 * nothing); otherwise data[len] == 0 after every append, cap counts the text
 * bytes that fit before the NUL, and data points into a live raw block that
 * the C stack (the builder lives there) keeps alive.  After py_sb_to_str or
 * py_sb_to_bytes the builder is empty again.
 */
#include <stdio.h>
#include <string.h>

#include "str_impl.h"

#define HDR (offsetof(py_str_t, data) - sizeof(py_raw_t))

void py_sb_init(py_sb_t *sb) {
    sb->data = NULL;
    sb->len = 0;
    sb->cap = 0;
}

/* Makes room for `more` bytes past len (plus the NUL). */
static void sb_grow(py_sb_t *sb, size_t more) {
    size_t need = sb->len + more;
    if (need < sb->len) py_raise_no_memory();
    size_t ncap = sb->cap ? sb->cap * 2 : 64 - HDR - sizeof(py_raw_t) - 1;
    if (ncap < need) ncap = need + need / 4;
    char *payload;
    /* unzeroed: only bytes below len + 1 are ever read */
    if (sb->data)
        payload = py_raw_realloc_nz(sb->data - HDR, HDR + ncap + 1);
    else
        payload = py_raw_alloc_nz(HDR + ncap + 1);
    /* use the whole block (the allocator rounds up to its size class); the
     * raw header must say so, or py_raw_realloc would not keep that part */
    py_raw_t *r = py_raw_of(payload);
    size_t blk = py_gc_block_size(r);
    if (blk > sizeof(py_raw_t) + HDR + 1 + ncap) {
        ncap = blk - sizeof(py_raw_t) - HDR - 1;
        r->size = blk - sizeof(py_raw_t);
    }
    sb->data = payload + HDR;
    sb->cap = ncap;
}

void py_sb_add(py_sb_t *sb, const char *s, size_t n) {
    if (sb->cap - sb->len < n || !sb->data) {
        if (n == 0) return;
        sb_grow(sb, n);
    }
    char *d = sb->data + sb->len;
    /* most appends are a few bytes (a digit run, a separator, a short key):
     * fixed-size moves the compiler inlines beat a call into libc */
    if (n >= 8 && n <= 16) {
        memcpy(d, s, 8);
        memcpy(d + n - 8, s + n - 8, 8);
    } else if (n >= 4 && n < 8) {
        memcpy(d, s, 4);
        memcpy(d + n - 4, s + n - 4, 4);
    } else if (n < 4) {
        for (size_t i = 0; i < n; i++) d[i] = s[i];
    } else {
        memcpy(d, s, n);
    }
    sb->len += n;
    sb->data[sb->len] = 0;
}

void py_sb_adds(py_sb_t *sb, const char *s) { py_sb_add(sb, s, strlen(s)); }

void py_sb_addc(py_sb_t *sb, char c) {
    if (sb->len >= sb->cap || !sb->data) sb_grow(sb, 1);
    sb->data[sb->len++] = c;
    sb->data[sb->len] = 0;
}

void py_sb_add_utf8(py_sb_t *sb, uint32_t c) {
    char buf[4];
    py_sb_add(sb, buf, (size_t)py_utf8_put(buf, c));
}

void py_sb_printf(py_sb_t *sb, const char *fmt, ...) {
    va_list ap;
    if (!sb->data || sb->cap - sb->len < 32) sb_grow(sb, 32);
    va_start(ap, fmt);
    int n = vsnprintf(sb->data + sb->len, sb->cap - sb->len + 1, fmt, ap);
    va_end(ap);
    if (n < 0) {
        sb->data[sb->len] = 0;
        return;
    }
    if ((size_t)n > sb->cap - sb->len) {
        sb_grow(sb, (size_t)n);
        va_start(ap, fmt);
        vsnprintf(sb->data + sb->len, sb->cap - sb->len + 1, fmt, ap);
        va_end(ap);
    }
    sb->len += (size_t)n;
}

/* Turns the buffer into an object of `type` (str or bytes); see the header. */
static py_str_t *sb_take(py_sb_t *sb, py_type_t *type) {
    size_t len = sb->len;
    char *payload = sb->data - HDR;
    size_t need = offsetof(py_str_t, data) + len + 1;
    size_t blk = py_gc_block_size(py_raw_of(payload));
    py_str_t *s;
    if (blk - need <= 64 + need / 8) {
        s = (py_str_t *)py_raw_of(payload);
        s->h.type = type;
        s->hash = 0;
        s->interned = 0;
        s->ascii = 0;
        s->uniq = 0;
    } else {
        s = py_gc_alloc(type, need);
        memcpy(s->data, sb->data, len);
        py_raw_free(payload);
    }
    s->len = len;
    s->data[len] = 0;
    py_sb_init(sb);
    return s;
}

py_val_t py_sb_to_str(py_sb_t *sb) {
    size_t len = sb->len;
    if (len <= 1 && (len == 0 || (unsigned char)sb->data[0] < 0x80)) {
        py_val_t r = len ? py_str_ascii_char((unsigned char)sb->data[0]) : py_str_empty;
        if (sb->data) py_raw_free(sb->data - HDR);
        py_sb_init(sb);
        return r;
    }
    return py_str_finish(sb_take(sb, &py_type_str));
}

py_val_t py_sb_to_bytes(py_sb_t *sb) {
    if (!sb->data) return py_bytes_new("", 0);
    py_str_t *s = sb_take(sb, &py_type_bytes);
    s->nchars = s->len;
    return py_obj(s);
}
