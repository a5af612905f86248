/* intern.c: the interned-string table, the str hash and py_names[].
 *
 * Invariants:
 *   - there is exactly one interned str object per text; every str whose
 *     `interned` flag is set is in the table, so two interned strs are equal
 *     iff they are the same pointer (py_dict_get_interned relies on it);
 *   - interned strs live forever: the table is a GC root (a callback marks
 *     every entry), and lives in malloc'd memory outside the heap;
 *   - a str hash is in [1, PY_SMALL_MAX]: never 0 (0 marks "not computed"),
 *     and equal to the small int the hash slot returns, so a str and an
 *     instance of a str subclass hash alike on every path.
 *
 * The table is open addressing with linear probing over str pointers; it
 * grows at 2/3 load and never shrinks (nothing is ever removed).
 */
#include <stdlib.h>
#include <string.h>

#include "str_impl.h"

py_val_t py_names[PYN__COUNT];
py_val_t py_str_ascii_chars[128];
py_val_t py_str_empty;

static const char *const name_texts[PYN__COUNT] = {
#define PY_NAME_TEXT(n) #n,
    PY_NAME_LIST(PY_NAME_TEXT)
#undef PY_NAME_TEXT
};

static struct {
    py_str_t **slots;
    size_t mask; /* slots - 1 (a power of two) */
    size_t count;
} T;

/* ------------------------------------------------------------ hashing */

static inline uint64_t rd64(const uint8_t *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}
static inline uint64_t rd32(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}
/* 64x64 -> 128 multiply folded to 64 bits: the mixing step. */
static inline uint64_t fold_mul(uint64_t a, uint64_t b) {
    unsigned __int128 r = (unsigned __int128)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

#define K0 0x2d358dccaa6c78a5ull
#define K1 0x8bb84b93962eacc9ull
#define K2 0x4b33a62ed433d4a3ull
#define K3 0x4d5a2da51de1aa47ull

/* Reads 0..16 trailing bytes as two words (overlapping reads, no loop). */
static inline void tail_words(const uint8_t *p, size_t n, uint64_t *a, uint64_t *b) {
    if (n >= 8) {
        *a = rd64(p);
        *b = rd64(p + n - 8);
    } else if (n >= 4) {
        *a = rd32(p);
        *b = rd32(p + n - 4);
    } else if (n > 0) {
        *a = ((uint64_t)p[0] << 16) | ((uint64_t)p[n >> 1] << 8) | p[n - 1];
        *b = 0;
    } else {
        *a = *b = 0;
    }
}

uint64_t py_str_hash_bytes(const char *s, size_t len) {
    const uint8_t *p = (const uint8_t *)s;
    size_t n = len;
    uint64_t h = K0 ^ (uint64_t)len;
    while (n > 16) {
        h = fold_mul(rd64(p) ^ K1, rd64(p + 8) ^ h);
        p += 16;
        n -= 16;
    }
    uint64_t a, b;
    tail_words(p, n, &a, &b);
    h = fold_mul(a ^ K2, b ^ h ^ K1);
    h = fold_mul(h ^ K3, (uint64_t)len ^ K2);
    h &= (uint64_t)PY_SMALL_MAX;
    return h ? h : 1;
}

uint64_t py_str_hash(py_val_t v) {
    py_str_t *s = py_as_ptr(v);
    if (s->h.type != &py_type_str) {
        /* bytes hash their own way (and share the cache field) */
        if (s->h.type == &py_type_bytes) return (uint64_t)py_hash(v);
        /* an instance of a str subclass: hash its text */
        v = py_unwrap_native(v);
        s = py_as_ptr(v);
    }
    if (!s->hash) s->hash = py_str_hash_bytes(s->data, s->len);
    return s->hash;
}

/* ------------------------------------------------------------ table */

static void mark_table(void) {
    for (size_t i = 0; i <= T.mask; i++)
        if (T.slots[i]) py_gc_mark_obj(T.slots[i]);
    py_str_mark_caches();
}

static void grow(void) {
    size_t ncap = (T.mask + 1) * 2;
    py_str_t **ns = calloc(ncap, sizeof *ns);
    if (!ns) py_raise_no_memory();
    for (size_t i = 0; i <= T.mask; i++) {
        py_str_t *s = T.slots[i];
        if (!s) continue;
        size_t j = (size_t)s->hash & (ncap - 1);
        while (ns[j]) j = (j + 1) & (ncap - 1);
        ns[j] = s;
    }
    free(T.slots);
    T.slots = ns;
    T.mask = ncap - 1;
}

/* The slot holding text (s, len, hash), or the empty slot where it would go. */
static inline size_t probe(const char *s, size_t len, uint64_t hash) {
    size_t i = (size_t)hash & T.mask;
    for (;;) {
        py_str_t *e = T.slots[i];
        if (!e || (e->hash == hash && e->len == len && memcmp(e->data, s, len) == 0)) return i;
        i = (i + 1) & T.mask;
    }
}

static void insert_at(size_t i, py_str_t *s) {
    s->interned = 1;
    T.slots[i] = s;
    if (++T.count * 3 > (T.mask + 1) * 2) grow();
}

py_val_t py_intern_n(const char *s, size_t len) {
    uint64_t h = py_str_hash_bytes(s, len);
    size_t i = probe(s, len, h);
    if (T.slots[i]) return py_obj(T.slots[i]);
    /* s may point into a heap object that the allocation below moves
     * nothing of (the heap is non-moving), so s stays valid */
    py_val_t v = py_str_new_n(s, len, py_utf8_count(s, len));
    py_str_t *o = py_as_ptr(v);
    if (o->interned) return v; /* "" and single ASCII chars come pre-interned */
    o->hash = h;
    i = probe(s, len, h); /* the allocation cannot have changed the table, but be exact */
    if (T.slots[i]) return py_obj(T.slots[i]);
    insert_at(i, o);
    return v;
}

py_val_t py_intern(const char *s) { return py_intern_n(s, strlen(s)); }

py_val_t py_intern_str(py_val_t v) {
    py_str_t *s = py_as_ptr(v);
    if (s->h.type != &py_type_str) {
        v = py_unwrap_native(v);
        s = py_as_ptr(v);
    }
    if (s->interned) return v;
    uint64_t h = py_str_hash(v);
    size_t i = probe(s->data, s->len, h);
    if (T.slots[i]) return py_obj(T.slots[i]);
    /* strs are immutable: this object itself becomes the canonical one */
    insert_at(i, s);
    return v;
}

void py_intern_init(void) {
    /* a previous interpreter's strings died with its heap */
    free(T.slots);
    T.mask = 1023;
    T.count = 0;
    T.slots = calloc(T.mask + 1, sizeof *T.slots);
    if (!T.slots) abort();
    py_str_reset_caches();
    py_gc_add_root_fn(mark_table);
    for (size_t i = 0; i < 128; i++) py_str_ascii_chars[i] = 0;
    py_str_empty = 0;
    /* "" and the ASCII characters first: py_str_new hands these out */
    py_str_t *e = py_str_alloc(0);
    e->ascii = 1;
    e->hash = py_str_hash_bytes("", 0);
    insert_at(probe("", 0, e->hash), e);
    py_str_empty = py_obj(e);
    for (unsigned c = 0; c < 128; c++) {
        char ch = (char)c;
        py_str_t *o = py_str_alloc(1);
        o->data[0] = ch;
        o->nchars = 1;
        o->ascii = 1;
        o->hash = py_str_hash_bytes(&ch, 1);
        insert_at(probe(&ch, 1, o->hash), o);
        py_str_ascii_chars[c] = py_obj(o);
    }
    for (int i = 0; i < PYN__COUNT; i++) py_names[i] = py_intern(name_texts[i]);
}
