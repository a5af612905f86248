/* bd_png.h: a minimal PNG writer for the display parts (bd_part_ssd1306.c).
 *
 * Writes 8-bit grayscale images (colour type 0, no interlace) as the PNG
 * specification (ISO/IEC 15948, RFC 2083) lays them out: the signature, an
 * IHDR chunk, one IDAT chunk holding a zlib stream (RFC 1950) of *stored*
 * deflate blocks (RFC 1951 BTYPE 00: no compression, at most 65535 bytes a
 * block), and IEND.  Every scanline uses filter type 0 (None).  Chunk CRCs
 * are CRC-32 (polynomial 0xEDB88320, reflected), the zlib trailer is
 * Adler-32; both are computed here.  Display images are small (128 x 64),
 * so leaving them uncompressed costs a few kilobytes and no dependency.
 *
 * Ownership: bd_png_encode_gray8 returns a malloc'd buffer the caller frees.
 */
#ifndef BD_PNG_H
#define BD_PNG_H

#include <stddef.h>
#include <stdint.h>

#include "board/bd_status.h"

/* Running checksums: start with crc = 0 / adler = 1, feed any pieces. */
uint32_t bd_png_crc32(uint32_t crc, const uint8_t *p, size_t n);
uint32_t bd_png_adler32(uint32_t adler, const uint8_t *p, size_t n);

/* px: w * h bytes, row-major, top row first (0 black .. 255 white).
 * BD_ERR_INVAL for an empty image or one over 16384 pixels a side;
 * BD_ERR_NOMEM. */
bd_status_t bd_png_encode_gray8(const uint8_t *px, uint32_t w, uint32_t h, uint8_t **out, size_t *len);
/* The same, into a file (replaced).  BD_ERR_IO with errno set when the file
 * cannot be created or written. */
bd_status_t bd_png_write_gray8(const char *path, const uint8_t *px, uint32_t w, uint32_t h);

#endif
