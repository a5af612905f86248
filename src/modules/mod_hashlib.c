/* mod_hashlib.c: the hashlib module: SHA-256, SHA-224 and SHA-1 (FIPS 180-4)
 * and MD5 (RFC 1321), written from the specifications.
 *
 * All four use 64-byte blocks and 32-bit words, so one object layout and one
 * driver serve them: an algorithm supplies its initial state, its block
 * function and its word order (big-endian for SHA, little-endian for MD5).
 * digest() finishes the hash as on MicroPython: a later update() or digest()
 * raises ValueError("hash is final").  hexdigest() (CPython's; MicroPython has
 * none) pads a copy of the state and never finishes it, so code written for
 * CPython that reads both digests still works.  Each algorithm is its own
 * type, so hashlib.sha256 is a class as in MicroPython.
 */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "modules/binpack.h"

typedef struct {
    const char *name;
    int digest_size;
    int nwords; /* state words */
    bool big;   /* word and length byte order */
    uint32_t init[8];
    void (*block)(uint32_t *state, const uint8_t *p);
} algo_t;

typedef struct {
    py_obj_t h;
    const algo_t *algo;
    uint64_t total; /* bytes hashed */
    uint32_t state[8];
    uint8_t buf[64];
    uint32_t buflen;
    bool final; /* digest() was called */
} hash_t;

static inline uint32_t rotl(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
static inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static inline uint32_t load_be(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static inline uint32_t load_le(const uint8_t *p) {
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* ------------------------------------------------------------ SHA-256 / SHA-224 */

/* First 32 bits of the fractional parts of the cube roots of the first 64 primes. */
static const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static void sha256_block(uint32_t *st, const uint8_t *p) {
    uint32_t w[64];
    for (int t = 0; t < 16; t++) w[t] = load_be(p + 4 * t);
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3], e = st[4], f = st[5], g = st[6], h = st[7];
    for (int t = 0; t < 64; t++) {
        uint32_t t1 =
            h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + sha256_k[t] + w[t];
        uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
    st[4] += e;
    st[5] += f;
    st[6] += g;
    st[7] += h;
}

/* ------------------------------------------------------------ SHA-1 */

static void sha1_block(uint32_t *st, const uint8_t *p) {
    uint32_t w[80];
    for (int t = 0; t < 16; t++) w[t] = load_be(p + 4 * t);
    for (int t = 16; t < 80; t++) w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3], e = st[4];
    for (int t = 0; t < 80; t++) {
        uint32_t f, k;
        if (t < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999;
        } else if (t < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1;
        } else if (t < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdc;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6;
        }
        uint32_t tmp = rotl(a, 5) + f + e + k + w[t];
        e = d;
        d = c;
        c = rotl(b, 30);
        b = a;
        a = tmp;
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
    st[4] += e;
}

/* ------------------------------------------------------------ MD5 */

static uint32_t md5_t[64]; /* floor(2**32 * |sin(i + 1)|), filled on first use */
static const uint8_t md5_s[64] = {
    7,  12, 17, 22, 7,  12, 17, 22, 7,  12, 17, 22, 7,  12, 17, 22, 5,  9,  14, 20, 5,  9,
    14, 20, 5,  9,  14, 20, 5,  9,  14, 20, 4,  11, 16, 23, 4,  11, 16, 23, 4,  11, 16, 23,
    4,  11, 16, 23, 6,  10, 15, 21, 6,  10, 15, 21, 6,  10, 15, 21, 6,  10, 15, 21,
};

static void md5_block(uint32_t *st, const uint8_t *p) {
    uint32_t m[16];
    for (int i = 0; i < 16; i++) m[i] = load_le(p + 4 * i);
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        switch (i >> 4) {
        case 0:
            f = (b & c) | (~b & d);
            g = i;
            break;
        case 1:
            f = (d & b) | (~d & c);
            g = (5 * i + 1) & 15;
            break;
        case 2:
            f = b ^ c ^ d;
            g = (3 * i + 5) & 15;
            break;
        default:
            f = c ^ (b | ~d);
            g = (7 * i) & 15;
            break;
        }
        f += a + md5_t[i] + m[g];
        a = d;
        d = c;
        c = b;
        b += rotl(f, md5_s[i]);
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
}

static const algo_t algo_sha256 = {
    "sha256",
    32,
    8,
    true,
    {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19},
    sha256_block};
static const algo_t algo_sha224 = {
    "sha224",
    28,
    8,
    true,
    {0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4},
    sha256_block};
static const algo_t algo_sha1 = {
    "sha1", 20, 5, true, {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0}, sha1_block};
static const algo_t algo_md5 = {"md5",    16, 4, false, {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476},
                                md5_block};

/* ------------------------------------------------------------ driver */

static void hash_update(hash_t *h, const uint8_t *p, size_t n) {
    h->total += n;
    if (h->buflen) {
        size_t take = 64 - h->buflen < n ? 64 - h->buflen : n;
        memcpy(h->buf + h->buflen, p, take);
        h->buflen += (uint32_t)take;
        p += take;
        n -= take;
        if (h->buflen < 64) return;
        h->algo->block(h->state, h->buf);
        h->buflen = 0;
    }
    for (; n >= 64; p += 64, n -= 64) h->algo->block(h->state, p);
    if (n) memcpy(h->buf, p, n);
    h->buflen = (uint32_t)n;
}

/* Finishes a copy of h into out (digest_size bytes). */
static void hash_final(const hash_t *h, uint8_t *out) {
    hash_t c = *h;
    uint64_t bits = c.total * 8;
    uint8_t pad[72] = {0x80};
    size_t padlen = (c.buflen < 56 ? 56 : 120) - c.buflen;
    uint8_t len[8];
    for (int i = 0; i < 8; i++) len[i] = (uint8_t)(c.algo->big ? bits >> (56 - 8 * i) : bits >> (8 * i));
    hash_update(&c, pad, padlen);
    hash_update(&c, len, 8);
    for (int i = 0; i < c.algo->digest_size / 4; i++) {
        uint32_t w = c.state[i];
        for (int k = 0; k < 4; k++)
            out[4 * i + k] = (uint8_t)(c.algo->big ? w >> (24 - 8 * k) : w >> (8 * k));
    }
}

/* ------------------------------------------------------------ objects */

static py_type_t type_sha256, type_sha224, type_sha1, type_md5;

static bool is_hash(py_val_t v) {
    if (!py_is_obj(v)) return false;
    py_type_t *t = py_obj_type(v);
    return t == &type_sha256 || t == &type_sha224 || t == &type_sha1 || t == &type_md5;
}

static hash_t *as_hash(py_val_t v) {
    if (!is_hash(v))
        py_raise_msg(&py_type_TypeError, "descriptor requires a hash object but received a '%s'",
                     py_type_name(v));
    return py_as_ptr(v);
}

static void feed(hash_t *h, py_val_t data) {
    if (py_is_str(data)) py_raise_msg(&py_type_TypeError, "Strings must be encoded before hashing");
    if (!py_is_obj(data) || !py_type_of(data)->buffer)
        py_raise_msg(&py_type_TypeError, "object supporting the buffer API required");
    py_buf_t b;
    py_get_buffer(data, &b, 0);
    hash_update(h, b.data, b.len);
}

static hash_t *hash_new(py_type_t *type, const algo_t *algo) {
    if (algo == &algo_md5 && !md5_t[0])
        for (int i = 0; i < 64; i++)
            md5_t[i] = (uint32_t)(uint64_t)floor(fabs(sin((double)(i + 1))) * 4294967296.0);
    hash_t *h = py_gc_alloc(type, sizeof *h);
    h->algo = algo;
    memcpy(h->state, algo->init, sizeof h->state);
    return h;
}

static const algo_t *algo_of_type(py_type_t *t) {
    return t == &type_sha256   ? &algo_sha256
           : t == &type_sha224 ? &algo_sha224
           : t == &type_sha1   ? &algo_sha1
                               : &algo_md5;
}

/* Constructor arguments: (data=b'', *, usedforsecurity=True); `string` is CPython's old name. */
static py_val_t construct(py_type_t *type, const char *fn, int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const allowed[] = {"data", "string", "usedforsecurity", NULL};
    mod_check_kw(fn, kwnames, allowed);
    if (argc > 1)
        py_raise_msg(&py_type_TypeError, "%s() takes at most 1 positional argument (%d given)", fn, argc);
    py_val_t data = argc ? argv[0] : py_kwarg(argc, argv, kwnames, "data", PY_NULL);
    if (py_is_null(data)) data = py_kwarg(argc, argv, kwnames, "string", PY_NULL);
    hash_t *h = hash_new(type, algo_of_type(type));
    if (!py_is_null(data)) feed(h, data);
    return py_obj(h);
}

static py_val_t hash_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    return construct(type, type->name, argc, argv, kwnames);
}

static PY_NORETURN void is_final(void) { py_raise_msg(&py_type_ValueError, "hash is final"); }

static py_val_t m_update(int argc, const py_val_t *argv, py_val_t kw) {
    hash_t *h = as_hash(argv[0]);
    if (h->final) is_final();
    feed(h, argv[1]);
    return PY_NONE;
}

static py_val_t m_digest(int argc, const py_val_t *argv, py_val_t kw) {
    hash_t *h = as_hash(argv[0]);
    if (h->final) is_final();
    h->final = true;
    uint8_t out[32];
    hash_final(h, out);
    return py_bytes_new(out, (size_t)h->algo->digest_size);
}

static py_val_t m_hexdigest(int argc, const py_val_t *argv, py_val_t kw) {
    hash_t *h = as_hash(argv[0]);
    uint8_t out[32];
    char hex[65];
    hash_final(h, out);
    int n = h->algo->digest_size;
    for (int i = 0; i < n; i++) {
        hex[2 * i] = "0123456789abcdef"[out[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[out[i] & 15];
    }
    return py_str_new(hex, (size_t)(2 * n));
}

static py_val_t m_copy(int argc, const py_val_t *argv, py_val_t kw) {
    hash_t *h = as_hash(argv[0]);
    hash_t *c = py_gc_alloc(py_obj_type(argv[0]), sizeof *c);
    *c = *h;
    return py_obj(c);
}

static py_val_t hash_getattr(py_val_t self, py_val_t name) {
    hash_t *h = as_hash(self);
    const char *n = py_str_data(name);
    if (!strcmp(n, "name")) return py_str_from_cstr(h->algo->name);
    if (!strcmp(n, "digest_size")) return py_small(h->algo->digest_size);
    if (!strcmp(n, "block_size")) return py_small(64);
    return PY_NULL;
}

static const py_method_def_t hash_methods[] = {
    {"update", m_update, 2, 2, 0},
    {"digest", m_digest, 1, 1, 0},
    {"hexdigest", m_hexdigest, 1, 1, 0},
    {"copy", m_copy, 1, 1, 0},
    PY_MF_END,
};

#define HASH_TYPE(var, pyname)                                                                               \
    static py_type_t var = {                                                                                 \
        .h = {&py_type_type},                                                                                \
        .name = pyname,                                                                                      \
        .base = &py_type_object,                                                                             \
        .methods = hash_methods,                                                                             \
        .make_new = hash_make_new,                                                                           \
        .getattr = hash_getattr,                                                                             \
    };
HASH_TYPE(type_sha256, "sha256")
HASH_TYPE(type_sha224, "sha224")
HASH_TYPE(type_sha1, "sha1")
HASH_TYPE(type_md5, "md5")

/* hashlib.new(name, data=b'') */
static py_val_t f_new(int argc, const py_val_t *argv, py_val_t kwnames) {
    py_val_t name = argc ? argv[0] : py_kwarg(argc, argv, kwnames, "name", PY_NULL);
    if (py_is_null(name)) py_raise_msg(&py_type_TypeError, "new() missing required argument 'name' (pos 1)");
    if (!py_is_str(name))
        py_raise_msg(&py_type_TypeError, "new() argument 'name' must be str, not %s", py_type_name(name));
    const char *s = py_str_data(py_unwrap_native(name));
    static py_type_t *const types[] = {&type_sha256, &type_sha224, &type_sha1, &type_md5};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (strcasecmp(s, types[i]->name)) continue;
        /* the remaining arguments are the constructor's, minus name= */
        py_val_t data = argc > 1 ? argv[1] : py_kwarg(argc, argv, kwnames, "data", PY_NULL);
        if (py_is_null(data)) data = py_kwarg(argc, argv, kwnames, "string", PY_NULL);
        hash_t *h = hash_new(types[i], algo_of_type(types[i]));
        if (!py_is_null(data)) feed(h, data);
        return py_obj(h);
    }
    py_raise_msg(&py_type_ValueError, "unsupported hash type %s", s);
}

static const py_method_def_t hashlib_functions[] = {
    {"new", f_new, 0, 2, PY_MF_KW},
    PY_MF_END,
};

static void hashlib_init(py_val_t m) {
    py_module_add(m, "sha256", py_obj(&type_sha256));
    py_module_add(m, "sha224", py_obj(&type_sha224));
    py_module_add(m, "sha1", py_obj(&type_sha1));
    py_module_add(m, "md5", py_obj(&type_md5));
    py_val_t names[] = {py_str_from_cstr("md5"), py_str_from_cstr("sha1"), py_str_from_cstr("sha224"),
                        py_str_from_cstr("sha256")};
    py_val_t set = py_set_new(true);
    for (int i = 0; i < 4; i++) py_set_add(set, names[i]);
    py_module_add(m, "algorithms_available", set);
    py_module_add(m, "algorithms_guaranteed", set);
}

const py_module_def_t py_module_hashlib = {"hashlib", hashlib_functions, hashlib_init};
