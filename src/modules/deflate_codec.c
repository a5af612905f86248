/* deflate_codec.c: DEFLATE decompression and compression (see deflate_codec.h).
 *
 * Inflater.  A resumable state machine: each call to codec_inflate produces
 * output until the caller's request is met, stopping at any symbol boundary;
 * a match longer than the request is finished by the next call (copy_len /
 * copy_dist).  Input is pulled synchronously from the stream in chunks, so a
 * block header or a symbol is always decoded in one go.  The bit reader
 * keeps up to 64 bits; at the end of input it pads with zero bytes so a
 * short final code can still be peeked, and counts them (`fake`): consuming
 * a padding bit means the input really ended early (EOFError).
 * Every decoded byte also enters the window, a ring of 2^wbits bytes, which
 * matches copy from; a distance beyond the window or beyond the start of the
 * output is corrupt data.  Huffman codes decode through a 2^FAST_BITS entry
 * table (symbol and length by the next FAST_BITS bits); longer codes are
 * decoded canonically bit by bit.
 *
 * Following MicroPython: the gzip header CRC and the ISIZE field are read
 * but not checked, the CRC-32 and the zlib Adler-32 are.
 *
 * Compressor.  Input is appended to a buffer holding the last 2^wbits bytes
 * of history plus pending input; matches are found through hash chains over
 * 3-byte prefixes (positions are absolute stream offsets in 32 bits, so
 * distances are plain unsigned differences; a stale chain entry can only
 * propose a wrong candidate, which the byte comparison rejects).  The output
 * is one fixed-Huffman block marked final up front (a block may be any
 * length), ended by close.
 */
#include <string.h>

#include "modules/deflate_codec.h"

#define FAST_BITS 9
#define IN_CHUNK 512
#define MAX_MATCH 258
#define MIN_MATCH 3

PY_NORETURN void codec_einval(void) {
    py_val_t arg = py_small(22); /* EINVAL, as MicroPython reports every data error */
    py_raise(py_exc_new_args(&py_type_OSError, 1, &arg));
}

static PY_NORETURN void eof_error(void) { py_raise(py_obj(&py_type_EOFError)); }

/* ------------------------------------------------------------ checksums */

static uint32_t crc_table[256];

static void crc_init(void) {
    if (crc_table[1]) return;
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static uint32_t crc32_update(uint32_t crc, const uint8_t *p, size_t n) {
    crc = ~crc;
    while (n--) crc = crc_table[(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

static uint32_t adler32_update(uint32_t adler, const uint8_t *p, size_t n) {
    uint32_t a = adler & 0xFFFF, b = adler >> 16;
    while (n) {
        size_t k = n < 5552 ? n : 5552; /* the longest run before b can overflow 32 bits */
        n -= k;
        while (k--) {
            a += *p++;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    return (b << 16) | a;
}

/* ------------------------------------------------------------ tables */

static const uint16_t len_base[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t dist_base[30] = {1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
                                       33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
                                       1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t dist_extra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                       6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
static const uint8_t clen_order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

static unsigned reverse_bits(unsigned v, int n) {
    unsigned r = 0;
    for (int i = 0; i < n; i++, v >>= 1) r = (r << 1) | (v & 1);
    return r;
}

/* ------------------------------------------------------------ inflater */

typedef struct {
    uint16_t fast[1 << FAST_BITS]; /* sym << 4 | len; 0: longer code or no code */
    uint16_t count[16];            /* codes per length */
    uint16_t symbols[288];         /* by code order */
} huff_t;

enum { S_HEADER, S_BLOCK, S_STORED, S_HUFF, S_TRAILER, S_DONE, S_ERROR };

struct codec_inf {
    int format, wbits;
    int state;
    int last; /* the current block is the final one */
    uint64_t bitbuf;
    int bitcnt, fake;
    uint8_t *in; /* raw: IN_CHUNK bytes */
    size_t in_pos, in_len;
    bool in_eof;
    uint8_t *win; /* raw: 2^wbits bytes, allocated once the window size is known */
    uint32_t wmask;
    uint64_t total; /* bytes produced */
    uint32_t check; /* running CRC-32 or Adler-32 */
    uint32_t stored_left;
    uint32_t copy_len, copy_dist;
    huff_t lit, dist;
    /* input source for the call in progress */
    py_val_t stream;
    codec_read_fn rd;
};

codec_inf_t *codec_inf_new(int format, int wbits) {
    uint8_t *in = py_raw_alloc(IN_CHUNK);
    codec_inf_t *s = py_raw_alloc(sizeof(codec_inf_t));
    s->format = format;
    s->wbits = wbits;
    s->state = S_HEADER;
    s->in = in;
    s->stream = PY_NULL;
    crc_init();
    return s;
}

void codec_inf_trace(codec_inf_t *s) {
    py_gc_mark_raw(s);
    py_gc_mark_raw(s->in);
    if (s->win) py_gc_mark_raw(s->win);
}

static int next_byte(codec_inf_t *s) {
    if (s->in_pos == s->in_len) {
        if (s->in_eof) return -1;
        s->in_pos = s->in_len = 0;
        size_t n = s->rd(s->stream, s->in, IN_CHUNK);
        if (n == 0) {
            s->in_eof = true;
            return -1;
        }
        s->in_len = n;
    }
    return s->in[s->in_pos++];
}

static inline void need(codec_inf_t *s, int n) {
    while (s->bitcnt < n) {
        int b = next_byte(s);
        if (b < 0) {
            b = 0;
            s->fake += 8;
        }
        s->bitbuf |= (uint64_t)b << s->bitcnt;
        s->bitcnt += 8;
    }
}

static inline void consume(codec_inf_t *s, int n) {
    s->bitbuf >>= n;
    s->bitcnt -= n;
    if (s->bitcnt < s->fake) eof_error();
}

static inline uint32_t getbits(codec_inf_t *s, int n) {
    if (n == 0) return 0;
    need(s, n);
    uint32_t v = (uint32_t)(s->bitbuf & ((1ull << n) - 1));
    consume(s, n);
    return v;
}

static void align_byte(codec_inf_t *s) { consume(s, s->bitcnt & 7); }

static PY_NORETURN void corrupt(codec_inf_t *s) {
    s->state = S_ERROR;
    codec_einval();
}

/* Builds a decoding table from code lengths; lengths of 0 mean unused.
 * Over-subscribed sets are corrupt; incomplete ones decode what they have. */
static void huff_build(codec_inf_t *s, huff_t *h, const uint8_t *lens, int n) {
    memset(h->count, 0, sizeof h->count);
    memset(h->fast, 0, sizeof h->fast);
    for (int i = 0; i < n; i++) h->count[lens[i]]++;
    h->count[0] = 0;
    int left = 1;
    for (int len = 1; len < 16; len++) {
        left = (left << 1) - h->count[len];
        if (left < 0) corrupt(s);
    }
    uint16_t offs[16];
    offs[1] = 0;
    for (int len = 1; len < 15; len++) offs[len + 1] = (uint16_t)(offs[len] + h->count[len]);
    for (int i = 0; i < n; i++)
        if (lens[i]) h->symbols[offs[lens[i]]++] = (uint16_t)i;
    /* canonical codes in symbol order within each length */
    unsigned code = 0;
    int k = 0;
    for (int len = 1; len < 16; len++) {
        for (int j = 0; j < h->count[len]; j++, k++, code++) {
            if (len > FAST_BITS) continue;
            unsigned rev = reverse_bits(code, len);
            uint16_t e = (uint16_t)(h->symbols[k] << 4 | len);
            for (unsigned i = rev; i < (1u << FAST_BITS); i += 1u << len) h->fast[i] = e;
        }
        code <<= 1;
    }
}

static int huff_decode(codec_inf_t *s, const huff_t *h) {
    need(s, 15);
    uint16_t e = h->fast[s->bitbuf & ((1u << FAST_BITS) - 1)];
    if (e) {
        consume(s, e & 15);
        return e >> 4;
    }
    /* canonical walk: `first` is the first code of each length */
    int code = 0, first = 0, index = 0;
    for (int len = 1; len < 16; len++) {
        code |= (int)((s->bitbuf >> (len - 1)) & 1);
        int count = h->count[len];
        if (code - first < count) {
            consume(s, len);
            return h->symbols[index + code - first];
        }
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    corrupt(s);
}

static void fixed_tables(codec_inf_t *s) {
    uint8_t lens[320];
    int i = 0;
    for (; i < 144; i++) lens[i] = 8;
    for (; i < 256; i++) lens[i] = 9;
    for (; i < 280; i++) lens[i] = 7;
    for (; i < 288; i++) lens[i] = 8;
    huff_build(s, &s->lit, lens, 288);
    for (i = 0; i < 30; i++) lens[i] = 5;
    huff_build(s, &s->dist, lens, 30);
}

static void dynamic_tables(codec_inf_t *s) {
    int hlit = (int)getbits(s, 5) + 257, hdist = (int)getbits(s, 5) + 1, hclen = (int)getbits(s, 4) + 4;
    if (hlit > 286 || hdist > 30) corrupt(s);
    uint8_t lens[320];
    memset(lens, 0, 19);
    for (int i = 0; i < hclen; i++) lens[clen_order[i]] = (uint8_t)getbits(s, 3);
    huff_build(s, &s->lit, lens, 19); /* the code-length code, borrowing lit */
    int n = 0;
    while (n < hlit + hdist) {
        int sym = huff_decode(s, &s->lit);
        if (sym < 16) {
            lens[n++] = (uint8_t)sym;
            continue;
        }
        int rep;
        uint8_t v = 0;
        if (sym == 16) {
            if (n == 0) corrupt(s);
            v = lens[n - 1];
            rep = 3 + (int)getbits(s, 2);
        } else if (sym == 17) {
            rep = 3 + (int)getbits(s, 3);
        } else {
            rep = 11 + (int)getbits(s, 7);
        }
        if (n + rep > hlit + hdist) corrupt(s);
        while (rep--) lens[n++] = v;
    }
    if (lens[256] == 0) corrupt(s); /* no end-of-block code */
    huff_build(s, &s->lit, lens, hlit);
    huff_build(s, &s->dist, lens + hlit, hdist);
}

static void set_window(codec_inf_t *s, int wbits) {
    s->win = py_raw_alloc((size_t)1 << wbits);
    s->wmask = (1u << wbits) - 1;
}

static void read_header(codec_inf_t *s) {
    int fmt = s->format;
    if (fmt == DFMT_AUTO) {
        need(s, 8);
        if (s->bitcnt - s->fake < 8) eof_error();
        fmt = (s->bitbuf & 0xFF) == 0x1F ? DFMT_GZIP : DFMT_ZLIB;
        s->format = fmt;
    }
    /* the default windows (wbits 0): 2^8 for raw data, the header's for zlib, 2^15 for gzip */
    int wbits = s->wbits ? s->wbits : fmt == DFMT_RAW ? 8 : 15;
    if (fmt == DFMT_ZLIB) {
        uint32_t cmf = getbits(s, 8), flg = getbits(s, 8);
        if ((cmf & 0x0F) != 8 || (cmf >> 4) > 7 || ((cmf << 8) | flg) % 31 != 0 || (flg & 0x20)) corrupt(s);
        if (!s->wbits) wbits = (int)(cmf >> 4) + 8;
        s->check = 1;
    } else if (fmt == DFMT_GZIP) {
        if (getbits(s, 8) != 0x1F || getbits(s, 8) != 0x8B || getbits(s, 8) != 8) corrupt(s);
        uint32_t flg = getbits(s, 8);
        for (int i = 0; i < 6; i++) getbits(s, 8); /* MTIME, XFL, OS */
        if (flg & 4) {
            uint32_t xlen = getbits(s, 16);
            while (xlen--) getbits(s, 8);
        }
        if (flg & 8)
            while (getbits(s, 8)) {
            }
        if (flg & 16)
            while (getbits(s, 8)) {
            }
        if (flg & 2) getbits(s, 16);
        s->check = 0;
    }
    set_window(s, wbits);
    s->state = S_BLOCK;
}

static void read_trailer(codec_inf_t *s) {
    align_byte(s);
    if (s->format == DFMT_ZLIB) {
        uint32_t v = 0;
        for (int i = 0; i < 4; i++) v = (v << 8) | getbits(s, 8);
        if (v != s->check) corrupt(s);
    } else if (s->format == DFMT_GZIP) {
        uint32_t v = 0;
        for (int i = 0; i < 4; i++) v |= getbits(s, 8) << (8 * i);
        if (v != s->check) corrupt(s);
        for (int i = 0; i < 4; i++) getbits(s, 8); /* ISIZE: unchecked, as in MicroPython */
    }
    s->state = S_DONE;
}

static void update_check(codec_inf_t *s, const uint8_t *p, size_t n) {
    if (!n) return;
    if (s->format == DFMT_ZLIB)
        s->check = adler32_update(s->check, p, n);
    else if (s->format == DFMT_GZIP)
        s->check = crc32_update(s->check, p, n);
}

size_t codec_inflate(codec_inf_t *s, py_val_t stream, codec_read_fn rd, uint8_t *out, size_t n) {
    s->stream = stream;
    s->rd = rd;
    size_t o = 0, checked = 0;
    while (o < n) {
        switch (s->state) {
        case S_HEADER:
            read_header(s);
            break;
        case S_BLOCK: {
            if (s->last) {
                update_check(s, out + checked, o - checked);
                checked = o;
                read_trailer(s);
                break;
            }
            s->last = (int)getbits(s, 1);
            uint32_t type = getbits(s, 2);
            if (type == 0) {
                align_byte(s);
                uint32_t len = getbits(s, 16), nlen = getbits(s, 16);
                if ((len ^ 0xFFFF) != nlen) corrupt(s);
                s->stored_left = len;
                s->state = S_STORED;
            } else if (type == 1) {
                fixed_tables(s);
                s->state = S_HUFF;
            } else if (type == 2) {
                dynamic_tables(s);
                s->state = S_HUFF;
            } else {
                corrupt(s);
            }
            break;
        }
        case S_STORED:
            while (s->stored_left && o < n) {
                uint8_t b = (uint8_t)getbits(s, 8);
                s->win[s->total++ & s->wmask] = b;
                out[o++] = b;
                s->stored_left--;
            }
            if (!s->stored_left) s->state = S_BLOCK;
            break;
        case S_HUFF: {
            if (s->copy_len) {
                uint32_t k = s->copy_len;
                if (k > n - o) k = (uint32_t)(n - o);
                uint8_t *w = s->win;
                uint32_t m = s->wmask;
                uint64_t t = s->total, from = t - s->copy_dist;
                for (uint32_t i = 0; i < k; i++) {
                    uint8_t b = w[(from + i) & m];
                    w[(t + i) & m] = b;
                    out[o++] = b;
                }
                s->total = t + k;
                s->copy_len -= k;
                break;
            }
            int sym = huff_decode(s, &s->lit);
            if (sym < 256) {
                s->win[s->total++ & s->wmask] = (uint8_t)sym;
                out[o++] = (uint8_t)sym;
            } else if (sym == 256) {
                s->state = S_BLOCK;
            } else {
                sym -= 257;
                if (sym >= 29) corrupt(s);
                uint32_t len = len_base[sym] + getbits(s, len_extra[sym]);
                int ds = huff_decode(s, &s->dist);
                if (ds >= 30) corrupt(s);
                uint32_t dist = dist_base[ds] + getbits(s, dist_extra[ds]);
                if (dist > s->wmask + 1 || dist > s->total) corrupt(s);
                s->copy_len = len;
                s->copy_dist = dist;
            }
            break;
        }
        case S_TRAILER:
            read_trailer(s);
            break;
        case S_ERROR:
            codec_einval();
        default: /* S_DONE */
            update_check(s, out + checked, o - checked);
            s->stream = PY_NULL;
            return o;
        }
    }
    update_check(s, out + checked, o - checked);
    s->stream = PY_NULL;
    return o;
}

/* ------------------------------------------------------------ compressor */

#define HASH_BITS 12
#define OUT_FLUSH 4096

struct codec_def {
    int format;
    uint32_t wsize;  /* 2^wbits: the farthest match distance */
    uint8_t *buf;    /* raw: cap bytes; buf[0] is stream offset `base` */
    size_t cap, end; /* valid bytes in buf */
    size_t cur;      /* next byte to encode (buffer index) */
    uint32_t base;   /* absolute offset of buf[0] (mod 2^32) */
    uint32_t *head;  /* raw: 2^HASH_BITS latest positions */
    uint32_t *prev;  /* raw: wsize entries, chain links by position */
    uint8_t *out;    /* raw: pending output bytes */
    size_t out_len, out_cap;
    uint64_t bitbuf;
    int bitcnt;
    uint32_t check, isize;
    bool started;
};

codec_def_t *codec_def_new(int format, int wbits) {
    if (wbits == 0) wbits = 8;
    uint32_t wsize = 1u << wbits;
    size_t cap = 2 * (size_t)wsize + 4096, out_cap = OUT_FLUSH + 1024;
    /* each block is held by a local until all exist: a raw block's contents
     * are not traced, so pointers stored only in `s` would not keep the
     * earlier blocks alive through a collection in a later allocation */
    uint8_t *buf = py_raw_alloc(cap);
    uint32_t *head = py_raw_alloc(sizeof(uint32_t) << HASH_BITS);
    uint32_t *prev = py_raw_alloc(sizeof(uint32_t) * wsize);
    uint8_t *out = py_raw_alloc(out_cap);
    codec_def_t *s = py_raw_alloc(sizeof(codec_def_t));
    s->format = format == DFMT_AUTO ? DFMT_RAW : format;
    s->wsize = wsize;
    s->cap = cap;
    s->buf = buf;
    s->head = head;
    s->prev = prev;
    s->out_cap = out_cap;
    s->out = out;
    s->check = s->format == DFMT_ZLIB ? 1 : 0;
    crc_init();
    return s;
}

void codec_def_trace(codec_def_t *s) {
    py_gc_mark_raw(s);
    py_gc_mark_raw(s->buf);
    py_gc_mark_raw(s->head);
    py_gc_mark_raw(s->prev);
    py_gc_mark_raw(s->out);
}

static void out_byte(codec_def_t *s, uint8_t b) {
    if (s->out_len == s->out_cap) {
        s->out = py_raw_realloc(s->out, s->out_cap * 2);
        s->out_cap *= 2;
    }
    s->out[s->out_len++] = b;
}

static inline void put_bits(codec_def_t *s, uint32_t v, int n) {
    s->bitbuf |= (uint64_t)v << s->bitcnt;
    s->bitcnt += n;
    while (s->bitcnt >= 8) {
        out_byte(s, (uint8_t)s->bitbuf);
        s->bitbuf >>= 8;
        s->bitcnt -= 8;
    }
}

/* Fixed literal/length code of a symbol, bit-reversed for the LSB-first stream. */
static void put_litlen(codec_def_t *s, int sym) {
    unsigned code;
    int len;
    if (sym < 144) {
        code = 0x30 + (unsigned)sym;
        len = 8;
    } else if (sym < 256) {
        code = 0x190 + (unsigned)(sym - 144);
        len = 9;
    } else if (sym < 280) {
        code = (unsigned)(sym - 256);
        len = 7;
    } else {
        code = 0xC0 + (unsigned)(sym - 280);
        len = 8;
    }
    put_bits(s, reverse_bits(code, len), len);
}

static void put_match(codec_def_t *s, uint32_t len, uint32_t dist) {
    int lc = 28;
    while (len_base[lc] > len) lc--;
    put_litlen(s, 257 + lc);
    if (len_extra[lc]) put_bits(s, len - len_base[lc], len_extra[lc]);
    int dc = 29;
    while (dist_base[dc] > dist) dc--;
    put_bits(s, reverse_bits((unsigned)dc, 5), 5);
    if (dist_extra[dc]) put_bits(s, dist - dist_base[dc], dist_extra[dc]);
}

static inline uint32_t hash3(const uint8_t *p) {
    uint32_t v = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
    return (v * 2654435761u) >> (32 - HASH_BITS);
}

static inline void insert_pos(codec_def_t *s, size_t i) {
    uint32_t h = hash3(s->buf + i), pos = s->base + (uint32_t)i;
    s->prev[pos & (s->wsize - 1)] = s->head[h];
    s->head[h] = pos;
}

/* Encodes buffered input, keeping MAX_MATCH bytes of lookahead unless finishing. */
static void encode(codec_def_t *s, bool finish) {
    uint8_t *b = s->buf;
    size_t i = s->cur, end = s->end;
    size_t stop = finish ? end : (end > MAX_MATCH ? end - MAX_MATCH : 0);
    while (i < stop) {
        size_t avail = end - i;
        uint32_t best = 0, best_dist = 0;
        if (avail >= MIN_MATCH) {
            uint32_t pos = s->base + (uint32_t)i;
            uint32_t limit = (uint32_t)(i < s->wsize ? i : s->wsize);
            uint32_t maxl = (uint32_t)(avail < MAX_MATCH ? avail : MAX_MATCH);
            uint32_t cand = s->head[hash3(b + i)], last = 0;
            for (int chain = 0; chain < 48; chain++) {
                uint32_t d = pos - cand;
                if (d == 0 || d > limit || d <= last) break;
                const uint8_t *p = b + i - d, *q = b + i;
                if (p[best] == q[best] && p[0] == q[0]) {
                    uint32_t l = 0;
                    while (l < maxl && p[l] == q[l]) l++;
                    if (l > best) {
                        best = l;
                        best_dist = d;
                        if (l == maxl) break;
                    }
                }
                last = d;
                cand = s->prev[cand & (s->wsize - 1)];
            }
            insert_pos(s, i);
        }
        if (best >= MIN_MATCH) {
            put_match(s, best, best_dist);
            for (size_t k = 1; k < best; k++)
                if (end - (i + k) >= MIN_MATCH) insert_pos(s, i + k);
            i += best;
        } else {
            put_litlen(s, b[i]);
            i++;
        }
    }
    s->cur = i;
}

static void flush_out(codec_def_t *s, py_val_t stream, codec_write_fn wr) {
    if (!s->out_len) return;
    size_t n = s->out_len;
    s->out_len = 0; /* reset first: a raising write must not leave it to be sent twice */
    wr(stream, s->out, n);
}

static void start(codec_def_t *s) {
    if (s->format == DFMT_ZLIB) {
        int wbits = 0;
        while ((1u << wbits) < s->wsize) wbits++;
        unsigned cmf = (unsigned)((wbits < 9 ? 9 : wbits) - 8) << 4 | 8;
        unsigned flg = 2 << 6; /* FLEVEL: default */
        flg += 31 - ((cmf << 8) | flg) % 31;
        out_byte(s, (uint8_t)cmf);
        out_byte(s, (uint8_t)flg);
    } else if (s->format == DFMT_GZIP) {
        static const uint8_t hdr[10] = {0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 4, 3};
        for (int i = 0; i < 10; i++) out_byte(s, hdr[i]);
    }
    put_bits(s, 1, 1); /* BFINAL: the one block runs to the end */
    put_bits(s, 1, 2); /* BTYPE 01: fixed Huffman */
    s->started = true;
}

void codec_deflate(codec_def_t *s, py_val_t stream, codec_write_fn wr, const uint8_t *data, size_t n) {
    if (!s->started) start(s);
    if (s->format == DFMT_ZLIB)
        s->check = adler32_update(s->check, data, n);
    else if (s->format == DFMT_GZIP)
        s->check = crc32_update(s->check, data, n);
    s->isize += (uint32_t)n;
    while (n) {
        if (s->end == s->cap) {
            encode(s, false);
            /* slide: keep one window of history before the encoding point */
            size_t keep_from = s->cur > s->wsize ? s->cur - s->wsize : 0;
            memmove(s->buf, s->buf + keep_from, s->end - keep_from);
            s->end -= keep_from;
            s->cur -= keep_from;
            s->base += (uint32_t)keep_from;
        }
        size_t k = s->cap - s->end;
        if (k > n) k = n;
        memcpy(s->buf + s->end, data, k);
        s->end += k;
        data += k;
        n -= k;
    }
    if (s->out_len >= OUT_FLUSH) flush_out(s, stream, wr);
}

void codec_def_finish(codec_def_t *s, py_val_t stream, codec_write_fn wr) {
    if (!s->started) return; /* nothing was written: MicroPython emits nothing either */
    encode(s, true);
    put_litlen(s, 256);
    if (s->bitcnt) put_bits(s, 0, 8 - s->bitcnt);
    if (s->format == DFMT_ZLIB) {
        for (int i = 3; i >= 0; i--) out_byte(s, (uint8_t)(s->check >> (8 * i)));
    } else if (s->format == DFMT_GZIP) {
        for (int i = 0; i < 4; i++) out_byte(s, (uint8_t)(s->check >> (8 * i)));
        for (int i = 0; i < 4; i++) out_byte(s, (uint8_t)(s->isize >> (8 * i)));
    }
    s->started = false;
    flush_out(s, stream, wr);
}
