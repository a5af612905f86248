/* str_impl.h: internals shared by the str files only (obj_str.c,
 * str_methods.c, str_unidata.c, strbuf.c, intern.c).  Everything else uses
 * runtime.h.
 *
 * UTF-8 helpers assume valid UTF-8 (py_str_new's contract); they never read
 * past the end even when handed a truncated sequence.
 */
#ifndef PY_STR_IMPL_H
#define PY_STR_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "objcore.h"
#include "runtime.h"

/* ---- Unicode properties (str_unidata.c, generated) ---- */
enum {
    PY_UNI_ALPHA = 1 << 0,
    PY_UNI_DECIMAL = 1 << 1,
    PY_UNI_DIGIT = 1 << 2,
    PY_UNI_NUMERIC = 1 << 3,
    PY_UNI_SPACE = 1 << 4,
    PY_UNI_PRINTABLE = 1 << 5,
    PY_UNI_UPPER = 1 << 6,
    PY_UNI_LOWER = 1 << 7,
    PY_UNI_TITLE = 1 << 8,
    PY_UNI_XID_START = 1 << 9,
    PY_UNI_XID_CONT = 1 << 10,
    PY_UNI_CASED = 1 << 11,
    PY_UNI_IGNORABLE = 1 << 12, /* case-ignorable (final-sigma rule) */
};
enum { PY_CASE_UPPER, PY_CASE_LOWER, PY_CASE_TITLE, PY_CASE_FOLD };

typedef struct {
    uint32_t lo, hi;
    int32_t stride;
    int32_t delta;
} py_uni_case_t;

typedef struct {
    uint32_t cp;
    const char *text; /* UTF-8 */
} py_uni_special_t;

/* Property bits of a code point >= 0x80 (0 for ASCII: callers test ASCII inline). */
unsigned py_uni_props(uint32_t c);
/* Case mapping of any code point >= 0x80: returns the single mapped code
 * point, or sets *special to a UTF-8 text when the mapping has several. */
uint32_t py_uni_map(int kind, uint32_t c, const char **special);

/* ---- UTF-8 ---- */
static inline int py_utf8_len(uint8_t lead) {
    return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

/* Decodes the code point at *p (p < e) and advances *p. */
static inline uint32_t py_utf8_next(const uint8_t **pp, const uint8_t *e) {
    const uint8_t *p = *pp;
    uint32_t c = *p++;
    if (c >= 0xC0) {
        int n = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        c &= n == 1 ? 0x1F : n == 2 ? 0x0F : 0x07;
        while (n-- && p < e) c = (c << 6) | (*p++ & 0x3Fu);
    }
    *pp = p;
    return c;
}

/* Encodes c into out (>= 4 bytes); returns the byte count. */
static inline int py_utf8_put(char *out, uint32_t c) {
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Code points in n bytes of UTF-8 (counts non-continuation bytes). */
size_t py_utf8_count(const char *s, size_t n);

/* ---- str objects (obj_str.c) ---- */
static inline py_str_t *py_as_str(py_val_t v) { return (py_str_t *)py_as_ptr(v); }

/* A new str of len bytes whose text the caller fills (data[len] is set to 0);
 * call py_str_finish when done to set nchars/ascii. */
py_str_t *py_str_alloc(size_t len);
py_val_t py_str_finish(py_str_t *s);
/* A new str with known code point count (skips the count scan). */
py_val_t py_str_new_n(const char *s, size_t len, size_t nchars);
/* The interned one-character strs of the ASCII bytes, and "" (intern.c). */
extern py_val_t py_str_ascii_chars[128];
extern py_val_t py_str_empty;
static inline py_val_t py_str_ascii_char(unsigned c) { return py_str_ascii_chars[c & 0x7F]; }
/* The str behind a str or an instance of a str subclass; PY_NULL if not a str. */
py_val_t py_str_arg(py_val_t v);
/* Byte offset of code point index ci (0 <= ci <= nchars). */
size_t py_str_offset(py_str_t *s, size_t ci);
/* Code point index of byte offset bi (a character boundary). */
size_t py_str_char_index(py_str_t *s, size_t bi);
/* The text of a str arg, or TypeError "<what> must be str, not T" style. */
py_str_t *py_str_need(py_val_t v, const char *fmt);
/* Appends the repr of s (with quotes) to sb. */
void py_str_repr_to(py_sb_t *sb, py_str_t *s);
/* Codecs (utf-8, ascii, latin-1; errors strict/ignore/replace/backslashreplace/
 * surrogateescape).  encoding/errors NULL: the defaults.  Raise LookupError,
 * UnicodeDecodeError, UnicodeEncodeError. */
py_val_t py_str_decode(const char *data, size_t len, const char *encoding, const char *errors);
py_val_t py_str_encode(py_str_t *s, const char *encoding, const char *errors);
/* Operators and slots (shared with the dunder methods). */
py_val_t py_str_concat(py_str_t *a, py_str_t *b);
py_val_t py_str_repeat(py_str_t *s, int64_t n);
py_val_t py_str_binary(py_binop_t op, py_val_t lhs, py_val_t rhs);
py_val_t py_str_compare(py_cmpop_t op, py_val_t self, py_val_t other);
py_val_t py_str_unary(py_unop_t op, py_val_t v);
py_val_t py_str_getitem(py_val_t self, py_val_t key);
py_val_t py_str_iter(py_val_t self);
py_val_t py_str_new_method(int argc, const py_val_t *argv, py_val_t kwnames); /* str.__new__ */
/* Byte offset of needle in hay (first / last), or -1. */
ssize_t py_str_search(const char *hay, size_t n, const char *needle, size_t m);
ssize_t py_str_rsearch(const char *hay, size_t n, const char *needle, size_t m);

/* ---- interning (intern.c) ---- */
/* The str hash of a byte string: in [1, PY_SMALL_MAX], so it is never 0
 * (the "not computed" mark) and survives the hash slot's small-int form. */
uint64_t py_str_hash_bytes(const char *s, size_t len);
/* obj_str.c: marks the str caches (called from intern.c's GC root callback). */
void py_str_mark_caches(void);
/* obj_str.c: forgets the caches (heap re-initialised). */
void py_str_reset_caches(void);

/* ---- methods (str_methods.c) ---- */
extern const py_method_def_t py_str_methods[];

#endif
