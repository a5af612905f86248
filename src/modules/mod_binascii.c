/* mod_binascii.c: the binascii module: hex and base64 text forms of binary
 * data, and CRC-32.
 *
 * The a2b_* functions accept ASCII str as well as bytes-like objects (as
 * CPython does); everything returns bytes.  Decoding errors raise
 * binascii.Error, a ValueError subclass.  a2b_base64 is CPython's lenient
 * decoder: characters outside the alphabet are skipped, and a complete pad
 * sequence ends the input.
 */
#include <stdio.h>
#include <string.h>

#include "modules/binpack.h"

static py_val_t binascii_error = PY_NULL;

static PY_NORETURN void berror(const char *msg) { py_raise(py_call1(binascii_error, py_str_from_cstr(msg))); }

/* Bytes of a bytes-like argument or (for the a2b_ functions) an ASCII str. */
static const uint8_t *data_arg(py_val_t v, size_t *n, bool allow_str) {
    if (allow_str && py_is_str(v)) {
        py_str_t *s = py_as_ptr(py_unwrap_native(v));
        if (!s->ascii)
            py_raise_msg(&py_type_ValueError, "string argument should contain only ASCII characters");
        *n = s->len;
        return (const uint8_t *)s->data;
    }
    if (!allow_str && py_is_str(v))
        py_raise_msg(&py_type_TypeError, "a bytes-like object is required, not 'str'");
    py_buf_t b;
    if (!py_is_obj(v) || !py_type_of(v)->buffer) {
        if (allow_str)
            py_raise_msg(&py_type_TypeError, "argument should be bytes, buffer or ASCII string, not '%s'",
                         py_type_name(v));
        py_raise_msg(&py_type_TypeError, "a bytes-like object is required, not '%s'", py_type_name(v));
    }
    py_get_buffer(v, &b, 0);
    *n = b.len;
    return b.data;
}

/* Output assembled in a scratch block, then copied into a bytes object. */
static py_val_t finish(uint8_t *buf, size_t n) {
    py_val_t r = py_bytes_new(buf, n);
    py_raw_free(buf);
    return r;
}

/* ------------------------------------------------------------ hex */

static const char hexdigits[] = "0123456789abcdef";

static py_val_t f_hexlify(int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const allowed[] = {"sep", "bytes_per_sep", NULL};
    mod_check_kw("hexlify", kwnames, allowed);
    size_t n;
    const uint8_t *p = data_arg(argv[0], &n, false);
    py_val_t sepv = argc > 1 ? argv[1] : py_kwarg(argc, argv, kwnames, "sep", PY_NONE);
    py_val_t bpsv = argc > 2 ? argv[2] : py_kwarg(argc, argv, kwnames, "bytes_per_sep", py_small(1));
    int sep = -1;
    if (!py_is_none(sepv)) {
        size_t sn;
        const uint8_t *sp;
        if (py_is_str(sepv)) {
            sepv = py_unwrap_native(sepv);
            sp = (const uint8_t *)py_str_data(sepv);
            sn = py_str_len(sepv);
        } else {
            sp = data_arg(sepv, &sn, false);
        }
        if (sn != 1) py_raise_msg(&py_type_ValueError, "sep must be length 1.");
        if (sp[0] > 127) py_raise_msg(&py_type_ValueError, "sep must be ASCII.");
        sep = sp[0];
    }
    int64_t bps = py_to_i64(bpsv);
    if (sep < 0 || n == 0) bps = 0;
    size_t group = (size_t)(bps < 0 ? -bps : bps);
    size_t nsep = group ? (n - 1) / group : 0;
    uint8_t *out = py_raw_alloc(2 * n + nsep + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        /* positive bytes_per_sep counts groups from the right, negative from the left */
        if (i && group) {
            size_t k = bps > 0 ? (n - i) % group : i % group;
            if (k == 0) out[o++] = (uint8_t)sep;
        }
        out[o++] = (uint8_t)hexdigits[p[i] >> 4];
        out[o++] = (uint8_t)hexdigits[p[i] & 15];
    }
    return finish(out, o);
}

static int hexval(uint8_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static py_val_t f_unhexlify(int argc, const py_val_t *argv, py_val_t kw) {
    size_t n;
    const uint8_t *p = data_arg(argv[0], &n, true);
    if (n % 2) berror("Odd-length string");
    uint8_t *out = py_raw_alloc(n / 2 + 1);
    for (size_t i = 0; i < n; i += 2) {
        int h = hexval(p[i]), l = hexval(p[i + 1]);
        if (h < 0 || l < 0) {
            py_raw_free(out);
            berror("Non-hexadecimal digit found");
        }
        out[i / 2] = (uint8_t)(h << 4 | l);
    }
    return finish(out, n / 2);
}

/* ------------------------------------------------------------ base64 */

static const char b64chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64val(uint8_t c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

static py_val_t f_b2a_base64(int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const allowed[] = {"newline", NULL};
    mod_check_kw("b2a_base64", kwnames, allowed);
    size_t n;
    const uint8_t *p = data_arg(argv[0], &n, false);
    bool newline = py_truthy(py_kwarg(argc, argv, kwnames, "newline", PY_TRUE));
    uint8_t *out = py_raw_alloc((n + 2) / 3 * 4 + 2);
    size_t o = 0, i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t w = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
        out[o++] = (uint8_t)b64chars[w >> 18];
        out[o++] = (uint8_t)b64chars[(w >> 12) & 63];
        out[o++] = (uint8_t)b64chars[(w >> 6) & 63];
        out[o++] = (uint8_t)b64chars[w & 63];
    }
    if (n - i == 1) {
        out[o++] = (uint8_t)b64chars[p[i] >> 2];
        out[o++] = (uint8_t)b64chars[(p[i] & 3) << 4];
        out[o++] = '=';
        out[o++] = '=';
    } else if (n - i == 2) {
        uint32_t w = (uint32_t)p[i] << 8 | p[i + 1];
        out[o++] = (uint8_t)b64chars[w >> 10];
        out[o++] = (uint8_t)b64chars[(w >> 4) & 63];
        out[o++] = (uint8_t)b64chars[(w & 15) << 2];
        out[o++] = '=';
    }
    if (newline) out[o++] = '\n';
    return finish(out, o);
}

static py_val_t f_a2b_base64(int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const allowed[] = {"strict_mode", NULL};
    mod_check_kw("a2b_base64", kwnames, allowed);
    bool strict = py_truthy(py_kwarg(argc, argv, kwnames, "strict_mode", PY_FALSE));
    size_t n;
    const uint8_t *p = data_arg(argv[0], &n, true);
    uint8_t *out = py_raw_alloc(n / 4 * 3 + 3);
    size_t o = 0, ndata = 0;
    int phase = 0, pads = 0;
    uint32_t acc = 0;
    bool padding = false, done = false;
    for (size_t i = 0; i < n && !done; i++) {
        uint8_t c = p[i];
        if (c == '=') {
            padding = true;
            if (strict && phase == 0)
                berror(i == 0 ? "Leading padding not allowed" : "Excess padding not allowed");
            /* a pad completing the quad ends the data */
            if (phase >= 2 && phase + ++pads >= 4) {
                if (strict && i + 1 < n) berror("Excess data after padding");
                done = true;
            }
            continue;
        }
        int v = b64val(c);
        if (v < 0) {
            if (strict) berror("Only base64 data is allowed");
            continue;
        }
        if (strict && padding) berror("Discontinuous padding not allowed");
        pads = 0;
        ndata++;
        acc = acc << 6 | (uint32_t)v;
        if (++phase == 4) {
            out[o++] = (uint8_t)(acc >> 16);
            out[o++] = (uint8_t)(acc >> 8);
            out[o++] = (uint8_t)acc;
            acc = 0;
            phase = 0;
        }
    }
    if (phase == 1 && !done) {
        char msg[160];
        snprintf(msg, sizeof msg,
                 "Invalid base64-encoded string: number of data characters (%zu) cannot be 1 more than a "
                 "multiple of 4",
                 ndata);
        berror(msg);
    }
    if (phase != 0 && !done) berror("Incorrect padding");
    /* flush a partial quad ended by padding: 2 chars give 1 byte, 3 give 2 */
    if (phase == 2)
        out[o++] = (uint8_t)(acc >> 4);
    else if (phase == 3) {
        out[o++] = (uint8_t)(acc >> 10);
        out[o++] = (uint8_t)(acc >> 2);
    }
    return finish(out, o);
}

/* ------------------------------------------------------------ crc32 */

static uint32_t crc_table[256];

static void crc_table_init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static py_val_t f_crc32(int argc, const py_val_t *argv, py_val_t kw) {
    size_t n;
    const uint8_t *p = data_arg(argv[0], &n, false);
    uint32_t crc = 0;
    if (argc > 1) {
        py_val_t m = py_binary(PY_OP_AND, argv[1], py_small(0xFFFFFFFFll));
        crc = (uint32_t)py_to_i64(m);
    }
    if (!crc_table[1]) crc_table_init();
    crc = ~crc;
    for (size_t i = 0; i < n; i++) crc = crc_table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return py_small((int64_t)(uint32_t)~crc);
}

static const py_method_def_t binascii_functions[] = {
    {"hexlify", f_hexlify, 1, 3, PY_MF_KW},
    {"b2a_hex", f_hexlify, 1, 3, PY_MF_KW},
    {"unhexlify", f_unhexlify, 1, 1, 0},
    {"a2b_hex", f_unhexlify, 1, 1, 0},
    {"b2a_base64", f_b2a_base64, 1, 1, PY_MF_KW},
    {"a2b_base64", f_a2b_base64, 1, 1, PY_MF_KW},
    {"crc32", f_crc32, 1, 2, 0},
    PY_MF_END,
};

static void binascii_init(py_val_t m) {
    mod_new_exception(m, "binascii", "Error", &py_type_ValueError, &binascii_error);
}

const py_module_def_t py_module_binascii = {"binascii", binascii_functions, binascii_init};
