/* deflate_codec.h: the DEFLATE engines behind mod_deflate.c: a streaming
 * inflater (RFC 1951 with the zlib RFC 1950 and gzip RFC 1952 wrappers) and
 * a compressor (LZ77 over a hash chain, one fixed-Huffman block).
 *
 * Both engines live in raw GC blocks owned by a DeflateIO object, which
 * traces them through codec_inf_trace / codec_def_trace.  Input and output
 * go through callbacks into the wrapped Python stream, which may raise; the
 * engines stay memory-safe after any raise (a later call may report garbage
 * or an error, never touch memory out of bounds).
 */
#ifndef MOD_DEFLATE_CODEC_H
#define MOD_DEFLATE_CODEC_H

#include "py/runtime.h"

enum { DFMT_AUTO = 0, DFMT_RAW = 1, DFMT_ZLIB = 2, DFMT_GZIP = 3 };

typedef struct codec_inf codec_inf_t;
typedef struct codec_def codec_def_t;

/* Reads up to n bytes of compressed input into buf; returns the count, 0 at
 * end of input.  May raise. */
typedef size_t (*codec_read_fn)(py_val_t stream, uint8_t *buf, size_t n);
/* Writes n bytes of compressed output.  May raise. */
typedef void (*codec_write_fn)(py_val_t stream, const uint8_t *buf, size_t n);

/* format: DFMT_*; wbits 0 (by format / header) or 5..15. */
codec_inf_t *codec_inf_new(int format, int wbits);
/* Decompresses up to n bytes into out; returns the count, 0 only at the end
 * of the compressed stream.  Raises OSError(EINVAL) on corrupt data and
 * EOFError when the input ends early. */
size_t codec_inflate(codec_inf_t *s, py_val_t stream, codec_read_fn rd, uint8_t *out, size_t n);
void codec_inf_trace(codec_inf_t *s);

/* format: DFMT_RAW (also for AUTO), ZLIB or GZIP; wbits 0 (= 8) or 5..15. */
codec_def_t *codec_def_new(int format, int wbits);
void codec_deflate(codec_def_t *s, py_val_t stream, codec_write_fn wr, const uint8_t *data, size_t n);
/* Ends the stream: the last block, the trailer, everything written out. */
void codec_def_finish(codec_def_t *s, py_val_t stream, codec_write_fn wr);
void codec_def_trace(codec_def_t *s);

PY_NORETURN void codec_einval(void);

#endif
