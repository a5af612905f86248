/* bd_png.c: the PNG writer (format notes in bd_png.h).
 *
 * Layout of the output, all integers big-endian except inside deflate:
 *   89 50 4E 47 0D 0A 1A 0A                      signature
 *   len "IHDR" w h 8 0 0 0 0 crc                  8-bit gray, no interlace
 *   len "IDAT" 78 01 {stored blocks} adler crc    zlib: CM 8, 32K window, FCHECK
 *   0 "IEND" crc
 * A stored block is BFINAL|BTYPE=00 in one byte (the header bits start a
 * byte, so the padding to the byte boundary is that byte's other bits),
 * then LEN and NLEN (one's complement) little-endian, then LEN raw bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/bd_png.h"

uint32_t bd_png_crc32(uint32_t crc, const uint8_t *p, size_t n) {
    /* bitwise: images are a few kilobytes, so a table buys nothing */
    crc = ~crc;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

uint32_t bd_png_adler32(uint32_t adler, const uint8_t *p, size_t n) {
    uint32_t a = adler & 0xffff, b = adler >> 16;
    for (size_t i = 0; i < n; i++) {
        a = (a + p[i]) % 65521u;
        b = (b + a) % 65521u;
    }
    return (b << 16) | a;
}

typedef struct {
    uint8_t *d;
    size_t n;
} out_t;

static void put8(out_t *o, uint8_t v) { o->d[o->n++] = v; }
static void put32(out_t *o, uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) put8(o, (uint8_t)(v >> s));
}
static void put_bytes(out_t *o, const void *p, size_t n) {
    memcpy(o->d + o->n, p, n);
    o->n += n;
}

/* Close a chunk whose length field is at `start`: fill the length in and
 * append the CRC of type + data. */
static void end_chunk(out_t *o, size_t start) {
    uint32_t len = (uint32_t)(o->n - start - 8);
    for (int i = 0; i < 4; i++) o->d[start + (size_t)i] = (uint8_t)(len >> (24 - 8 * i));
    put32(o, bd_png_crc32(0, o->d + start + 4, o->n - start - 4));
}

#define STORED_MAX 65535u

bd_status_t bd_png_encode_gray8(const uint8_t *px, uint32_t w, uint32_t h, uint8_t **out, size_t *len) {
    *out = NULL;
    *len = 0;
    if (!px || w == 0 || h == 0 || w > 16384 || h > 16384) return BD_ERR_INVAL;
    size_t raw = (size_t)h * (1 + (size_t)w); /* a filter byte per scanline */
    size_t blocks = (raw + STORED_MAX - 1) / STORED_MAX;
    size_t cap = 8 + 25 + (12 + 2 + raw + 5 * blocks + 4) + 12;
    out_t o = {malloc(cap), 0};
    if (!o.d) return BD_ERR_NOMEM;
    static const uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    put_bytes(&o, sig, 8);

    size_t at = o.n;
    put32(&o, 0);
    put_bytes(&o, "IHDR", 4);
    put32(&o, w);
    put32(&o, h);
    put8(&o, 8); /* bit depth */
    put8(&o, 0); /* colour type: grayscale */
    put8(&o, 0); /* compression: deflate */
    put8(&o, 0); /* filter method 0 */
    put8(&o, 0); /* no interlace */
    end_chunk(&o, at);

    at = o.n;
    put32(&o, 0);
    put_bytes(&o, "IDAT", 4);
    put8(&o, 0x78); /* CMF: deflate, 32K window */
    put8(&o, 0x01); /* FLG: no dictionary, (0x78 * 256 + 0x01) % 31 == 0 */
    /* the raw stream is (filter byte, row) per scanline; blocks cut it
     * anywhere, so walk it as one sequence of bytes */
    uint32_t adler = 1;
    size_t left = raw, pos = 0; /* pos: offset in the raw stream */
    while (left > 0) {
        size_t n = left < STORED_MAX ? left : STORED_MAX;
        put8(&o, n == left ? 1 : 0); /* BFINAL on the last, BTYPE 00 */
        put8(&o, (uint8_t)(n & 0xff));
        put8(&o, (uint8_t)(n >> 8));
        put8(&o, (uint8_t)(~n & 0xff));
        put8(&o, (uint8_t)((~n >> 8) & 0xff));
        size_t start = o.n;
        for (size_t k = 0; k < n; k++, pos++) {
            size_t row = pos / (1 + (size_t)w), col = pos % (1 + (size_t)w);
            put8(&o, col == 0 ? 0 : px[row * w + col - 1]);
        }
        adler = bd_png_adler32(adler, o.d + start, n);
        left -= n;
    }
    put32(&o, adler);
    end_chunk(&o, at);

    at = o.n;
    put32(&o, 0);
    put_bytes(&o, "IEND", 4);
    end_chunk(&o, at);
    *out = o.d;
    *len = o.n;
    return BD_OK;
}

bd_status_t bd_png_write_gray8(const char *path, const uint8_t *px, uint32_t w, uint32_t h) {
    uint8_t *data;
    size_t n;
    bd_status_t st = bd_png_encode_gray8(px, w, h, &data, &n);
    if (st != BD_OK) return st;
    FILE *f = fopen(path, "wb");
    if (!f) {
        free(data);
        return BD_ERR_IO;
    }
    errno = 0;
    int bad = fwrite(data, 1, n, f) != n;
    bad |= fclose(f) != 0;
    if (bad && !errno) errno = EIO;
    free(data);
    return bad ? BD_ERR_IO : BD_OK;
}
