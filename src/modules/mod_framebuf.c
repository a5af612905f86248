/* mod_framebuf.c: the framebuf module (MicroPython's frame buffers): the
 * FrameBuffer class drawing pixels, lines, rectangles, ellipses, polygons,
 * text and other frame buffers into any writable buffer, plus the legacy
 * FrameBuffer1 constructor and the format constants.
 *
 * Pixel layouts (the values of the format constants are MicroPython's):
 * Monochrome formats light a pixel for any non-zero colour.
 *   MONO_VLSB  one bit per pixel; a byte is 8 vertical pixels, bit 0 on top;
 *              byte (y / 8) * stride + x (the SSD1306 page layout).
 *   MONO_HLSB  one bit per pixel; a byte is 8 horizontal pixels, bit 7 on the
 *              left; bit index x + y * stride, stride rounded up to 8.
 *   MONO_HMSB  as MONO_HLSB with bit 0 on the left.
 *   RGB565     16 bits per pixel in host byte order.
 *   GS2_HMSB   2 bits per pixel, the leftmost pixel in the low bits; stride
 *              rounded up to 4.
 *   GS4_HMSB   4 bits per pixel, the leftmost pixel in the high nibble;
 *              stride rounded up to 2.
 *   GS8        one byte per pixel.
 * A buffer must hold ((rows - 1) * stride + width) pixels, rows being the
 * height (in 8-pixel pages for MONO_VLSB): the last row needs no padding.
 *
 * Invariants: the FrameBuffer keeps the buffer object (traced) and never a
 * pointer into it.  Every method fetches the data pointer afresh and checks
 * the length again, because a bytearray may have been resized (moved or
 * shrunk) since the last call.  Every drawing primitive clips to the frame,
 * so no coordinate can address memory outside the buffer.  Coordinates are
 * clamped to +-2^28 on entry, which keeps all the arithmetic below inside
 * int64 (and the per-pixel arithmetic inside int32 once clipped).
 *
 * Drawing rules that decide which pixels light up (line stepping, ellipse
 * stepping, polygon scan conversion) follow MicroPython's documented
 * behaviour pixel for pixel, since display code and tests depend on it.
 */
#include <string.h>

#include "modules/framebuf_font.h"
#include "py/objcore.h"
#include "py/runtime.h"

enum { FMT_MVLSB = 0, FMT_RGB565 = 1, FMT_GS4 = 2, FMT_MHLSB = 3, FMT_MHMSB = 4, FMT_GS2 = 5, FMT_GS8 = 6 };

typedef struct {
    py_obj_t h;
    py_val_t buf; /* the buffer object; PY_NULL while uninitialised (see fb_make_new) */
    int32_t width, height, stride;
    uint8_t format;
    size_t need; /* bytes the layout requires */
} fb_t;

/* A frame buffer resolved for one call: raw pointer plus geometry. */
typedef struct {
    uint8_t *d;
    int32_t w, h, stride;
    int fmt;
} surf_t;

static py_type_t fb_type;

#define COORD_LIMIT (1 << 28)

static int32_t coord(py_val_t v) {
    int64_t i = py_to_i64(v);
    if (i > COORD_LIMIT) return COORD_LIMIT;
    if (i < -COORD_LIMIT) return -COORD_LIMIT;
    return (int32_t)i;
}

static uint32_t color(py_val_t v) { return (uint32_t)py_to_i64(v); }

/* ------------------------------------------------------------ layout */

static int32_t round_stride(int fmt, int32_t stride) {
    switch (fmt) {
    case FMT_MHLSB:
    case FMT_MHMSB:
        return (stride + 7) & ~7;
    case FMT_GS2:
        return (stride + 3) & ~3;
    case FMT_GS4:
        return (stride + 1) & ~1;
    default:
        return stride;
    }
}

static size_t bytes_needed(int fmt, int32_t w, int32_t h, int32_t stride) {
    uint64_t rows = fmt == FMT_MVLSB ? ((uint64_t)h + 7) / 8 : (uint64_t)h;
    uint64_t px = (rows - 1) * (uint64_t)stride + (uint64_t)w;
    switch (fmt) {
    case FMT_MVLSB:
    case FMT_GS8:
        return (size_t)px;
    case FMT_RGB565:
        return (size_t)(px * 2);
    case FMT_GS4:
        return (size_t)((px * 4 + 7) / 8);
    case FMT_GS2:
        return (size_t)((px * 2 + 7) / 8);
    default:
        return (size_t)((px + 7) / 8);
    }
}

/* Validates a geometry; fills *stride_out (rounded) and returns the byte need. */
static size_t check_geometry(int64_t w, int64_t h, int64_t fmt, int64_t stride, int32_t *stride_out) {
    if (fmt < 0 || fmt > FMT_GS8) py_raise_msg(&py_type_ValueError, "invalid format");
    if (w < 1 || h < 1 || w > 0x7FFFFFF || h > 0x7FFFFFF || stride < w || stride > 0x7FFFFFF)
        py_raise_msg(&py_type_ValueError, "invalid frame buffer size");
    *stride_out = round_stride((int)fmt, (int32_t)stride);
    return bytes_needed((int)fmt, (int32_t)w, (int32_t)h, *stride_out);
}

static fb_t *as_fb(py_val_t v) {
    if (!py_is_instance(v, &fb_type))
        py_raise_msg(&py_type_TypeError, "descriptor requires a 'FrameBuffer' object but received a '%s'",
                     py_type_name(v));
    return py_as_ptr(v);
}

/* Resolves a FrameBuffer for drawing (writable) or reading. */
static void fb_surface(fb_t *fb, surf_t *s, int writable) {
    if (py_is_null(fb->buf)) {
        s->d = NULL;
        s->w = s->h = s->stride = 0;
        s->fmt = FMT_GS8;
        return;
    }
    py_buf_t b;
    py_get_buffer(fb->buf, &b, writable);
    if (b.len < fb->need) py_raise_msg(&py_type_ValueError, "buffer too small for the FrameBuffer");
    s->d = b.data;
    s->w = fb->width;
    s->h = fb->height;
    s->stride = fb->stride;
    s->fmt = fb->format;
}

static surf_t self_surface(py_val_t self) {
    surf_t s;
    fb_surface(as_fb(self), &s, 1);
    return s;
}

/* ------------------------------------------------------------ pixels */

static inline void set_px(const surf_t *s, int32_t x, int32_t y, uint32_t c) {
    uint8_t *d = s->d;
    switch (s->fmt) {
    case FMT_MVLSB: {
        uint8_t *p = d + (size_t)(y >> 3) * (size_t)s->stride + (size_t)x;
        uint8_t bit = (uint8_t)(1u << (y & 7));
        *p = c ? (uint8_t)(*p | bit) : (uint8_t)(*p & ~bit);
        break;
    }
    case FMT_MHLSB:
    case FMT_MHMSB: {
        size_t i = (size_t)x + (size_t)y * (size_t)s->stride;
        uint8_t *p = d + (i >> 3);
        uint8_t bit = (uint8_t)(s->fmt == FMT_MHLSB ? 0x80u >> (i & 7) : 1u << (i & 7));
        *p = c ? (uint8_t)(*p | bit) : (uint8_t)(*p & ~bit);
        break;
    }
    case FMT_RGB565: {
        uint16_t v = (uint16_t)c;
        memcpy(d + ((size_t)x + (size_t)y * (size_t)s->stride) * 2, &v, 2);
        break;
    }
    case FMT_GS2: {
        size_t i = (size_t)x + (size_t)y * (size_t)s->stride;
        uint8_t *p = d + (i >> 2);
        int sh = (int)(i & 3) * 2;
        *p = (uint8_t)((*p & ~(3u << sh)) | ((c & 3u) << sh));
        break;
    }
    case FMT_GS4: {
        size_t i = (size_t)x + (size_t)y * (size_t)s->stride;
        uint8_t *p = d + (i >> 1);
        *p = (i & 1) ? (uint8_t)((*p & 0xF0) | (c & 0x0F)) : (uint8_t)((*p & 0x0F) | ((c & 0x0F) << 4));
        break;
    }
    default:
        d[(size_t)x + (size_t)y * (size_t)s->stride] = (uint8_t)c;
        break;
    }
}

static inline uint32_t get_px(const surf_t *s, int32_t x, int32_t y) {
    const uint8_t *d = s->d;
    switch (s->fmt) {
    case FMT_MVLSB:
        return (d[(size_t)(y >> 3) * (size_t)s->stride + (size_t)x] >> (y & 7)) & 1;
    case FMT_MHLSB:
    case FMT_MHMSB: {
        size_t i = (size_t)x + (size_t)y * (size_t)s->stride;
        int sh = s->fmt == FMT_MHLSB ? 7 - (int)(i & 7) : (int)(i & 7);
        return (d[i >> 3] >> sh) & 1;
    }
    case FMT_RGB565: {
        uint16_t v;
        memcpy(&v, d + ((size_t)x + (size_t)y * (size_t)s->stride) * 2, 2);
        return v;
    }
    case FMT_GS2: {
        size_t i = (size_t)x + (size_t)y * (size_t)s->stride;
        return (d[i >> 2] >> ((i & 3) * 2)) & 3;
    }
    case FMT_GS4: {
        size_t i = (size_t)x + (size_t)y * (size_t)s->stride;
        return (i & 1) ? d[i >> 1] & 0x0F : d[i >> 1] >> 4;
    }
    default:
        return d[(size_t)x + (size_t)y * (size_t)s->stride];
    }
}

static inline void set_px_clip(const surf_t *s, int32_t x, int32_t y, uint32_t c) {
    if (x >= 0 && y >= 0 && x < s->w && y < s->h) set_px(s, x, y, c);
}

/* Fills the rectangle, clipped; w or h < 1 draws nothing. */
static void fill_rect(const surf_t *s, int64_t x, int64_t y, int64_t w, int64_t h, uint32_t c) {
    if (w < 1 || h < 1 || x + w <= 0 || y + h <= 0 || x >= s->w || y >= s->h) return;
    int32_t x0 = x < 0 ? 0 : (int32_t)x, y0 = y < 0 ? 0 : (int32_t)y;
    int32_t x1 = x + w > s->w ? s->w : (int32_t)(x + w), y1 = y + h > s->h ? s->h : (int32_t)(y + h);
    switch (s->fmt) {
    case FMT_GS8:
        for (int32_t yy = y0; yy < y1; yy++)
            memset(s->d + (size_t)yy * (size_t)s->stride + (size_t)x0, (int)(c & 0xFF), (size_t)(x1 - x0));
        return;
    case FMT_MVLSB:
        for (int32_t yy = y0; yy < y1; yy++) {
            uint8_t *row = s->d + (size_t)(yy >> 3) * (size_t)s->stride;
            uint8_t bit = (uint8_t)(1u << (yy & 7));
            if (c)
                for (int32_t xx = x0; xx < x1; xx++) row[xx] |= bit;
            else
                for (int32_t xx = x0; xx < x1; xx++) row[xx] &= (uint8_t)~bit;
        }
        return;
    default:
        for (int32_t yy = y0; yy < y1; yy++)
            for (int32_t xx = x0; xx < x1; xx++) set_px(s, xx, yy, c);
        return;
    }
}

/* Bresenham: steps along the major axis, moving the minor coordinate while
 * the error term is non-negative; the end point is drawn last. */
static void draw_line(const surf_t *s, int32_t x1, int32_t y1, int32_t x2, int32_t y2, uint32_t c) {
    int64_t dx = (int64_t)x2 - x1, dy = (int64_t)y2 - y1;
    int sx = 1, sy = 1;
    if (dx < 0) {
        dx = -dx;
        sx = -1;
    }
    if (dy < 0) {
        dy = -dy;
        sy = -1;
    }
    bool steep = dy > dx;
    int64_t a = x1, b = y1; /* major, minor */
    int sa = sx, sb = sy;
    if (steep) {
        int64_t t = dx;
        dx = dy;
        dy = t;
        a = y1;
        b = x1;
        sa = sy;
        sb = sx;
    }
    int64_t err = 2 * dy - dx;
    for (int64_t i = 0; i < dx; i++) {
        if (steep)
            set_px_clip(s, (int32_t)b, (int32_t)a, c);
        else
            set_px_clip(s, (int32_t)a, (int32_t)b, c);
        while (err >= 0) {
            b += sb;
            err -= 2 * dx;
        }
        a += sa;
        err += 2 * dy;
    }
    set_px_clip(s, x2, y2, c);
}

/* ------------------------------------------------------------ construction */

static py_val_t fb_new_from(py_val_t buf, int64_t w, int64_t h, int64_t fmt, int64_t stride) {
    int32_t st;
    size_t need = check_geometry(w, h, fmt, stride, &st);
    py_buf_t b;
    py_get_buffer(buf, &b, 1);
    if (b.len < need) py_raise_msg(&py_type_ValueError, "buffer too small");
    fb_t *fb = py_gc_alloc(&fb_type, sizeof(fb_t));
    fb->buf = buf;
    fb->width = (int32_t)w;
    fb->height = (int32_t)h;
    fb->stride = st;
    fb->format = (uint8_t)fmt;
    fb->need = need;
    return py_obj(fb);
}

/* FrameBuffer(buffer, width, height, format, stride=width, /).  With no
 * arguments at all it builds an empty frame (0x0, draws nothing): that is
 * how the runtime makes the base part of a Python subclass before the
 * subclass's __init__ calls super().__init__(...) with the real arguments. */
static py_val_t fb_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc == 0 && py_is_null(kwnames)) {
        fb_t *fb = py_gc_alloc(&fb_type, sizeof(fb_t));
        fb->buf = PY_NULL;
        fb->format = FMT_GS8;
        return py_obj(fb);
    }
    py_check_args("FrameBuffer", argc, kwnames, 4, 5);
    int64_t w = py_to_i64(argv[1]);
    return fb_new_from(argv[0], w, py_to_i64(argv[2]), py_to_i64(argv[3]), argc > 4 ? py_to_i64(argv[4]) : w);
}

/* FrameBuffer1(buffer, width, height, stride=width): the legacy MONO_VLSB form. */
static py_val_t f_framebuffer1(int argc, const py_val_t *argv, py_val_t kw) {
    int64_t w = py_to_i64(argv[1]);
    return fb_new_from(argv[0], w, py_to_i64(argv[2]), FMT_MVLSB, argc > 3 ? py_to_i64(argv[3]) : w);
}

static void fb_trace(py_obj_t *o) { py_gc_mark(((fb_t *)o)->buf); }

static void fb_print(py_sb_t *sb, py_val_t self, int kind) { py_sb_adds(sb, "<FrameBuffer>"); }

/* The buffer protocol passes the underlying buffer through (bytes(fbuf)). */
static int fb_buffer(py_val_t self, py_buf_t *out, int writable) {
    fb_t *fb = py_as_ptr(self);
    if (py_is_null(fb->buf)) return 0;
    py_type_t *t = py_type_of(fb->buf);
    return t->buffer ? t->buffer(fb->buf, out, writable) : 0;
}

/* ------------------------------------------------------------ methods */

static py_val_t m_fill(int argc, const py_val_t *argv, py_val_t kw) {
    surf_t s = self_surface(argv[0]);
    uint32_t c = color(argv[1]);
    /* whole-byte layouts without padding take one memset; the rest (and any
     * layout whose bytes hold pixels outside the frame) go pixel-exact */
    bool dense = s.w == s.stride && s.d &&
                 (s.fmt == FMT_GS8 || s.fmt == FMT_MHLSB || s.fmt == FMT_MHMSB ||
                  (s.fmt == FMT_MVLSB && s.h % 8 == 0));
    if (dense)
        memset(s.d,
               s.fmt == FMT_GS8 ? (int)(c & 0xFF)
               : c              ? 0xFF
                                : 0,
               bytes_needed(s.fmt, s.w, s.h, s.stride));
    else
        fill_rect(&s, 0, 0, s.w, s.h, c);
    return PY_NONE;
}

static py_val_t m_pixel(int argc, const py_val_t *argv, py_val_t kw) {
    surf_t s = self_surface(argv[0]);
    int32_t x = coord(argv[1]), y = coord(argv[2]);
    if (x < 0 || y < 0 || x >= s.w || y >= s.h) return PY_NONE; /* the colour is not even looked at */
    if (argc > 3) {
        set_px(&s, x, y, color(argv[3]));
        return PY_NONE;
    }
    return py_small(get_px(&s, x, y));
}

static py_val_t m_hline(int argc, const py_val_t *argv, py_val_t kw) {
    int32_t x = coord(argv[1]), y = coord(argv[2]), w = coord(argv[3]);
    uint32_t c = color(argv[4]);
    surf_t s = self_surface(argv[0]);
    fill_rect(&s, x, y, w, 1, c);
    return PY_NONE;
}

static py_val_t m_vline(int argc, const py_val_t *argv, py_val_t kw) {
    int32_t x = coord(argv[1]), y = coord(argv[2]), h = coord(argv[3]);
    uint32_t c = color(argv[4]);
    surf_t s = self_surface(argv[0]);
    fill_rect(&s, x, y, 1, h, c);
    return PY_NONE;
}

static py_val_t m_line(int argc, const py_val_t *argv, py_val_t kw) {
    int32_t x1 = coord(argv[1]), y1 = coord(argv[2]), x2 = coord(argv[3]), y2 = coord(argv[4]);
    uint32_t c = color(argv[5]);
    surf_t s = self_surface(argv[0]);
    draw_line(&s, x1, y1, x2, y2, c);
    return PY_NONE;
}

static void rect_outline(const surf_t *s, int32_t x, int32_t y, int32_t w, int32_t h, uint32_t c) {
    fill_rect(s, x, y, w, 1, c);
    fill_rect(s, x, (int64_t)y + h - 1, w, 1, c);
    fill_rect(s, x, y, 1, h, c);
    fill_rect(s, (int64_t)x + w - 1, y, 1, h, c);
}

static py_val_t m_rect(int argc, const py_val_t *argv, py_val_t kw) {
    int32_t x = coord(argv[1]), y = coord(argv[2]), w = coord(argv[3]), h = coord(argv[4]);
    uint32_t c = color(argv[5]);
    bool fill = argc > 6 && py_truthy(argv[6]);
    surf_t s = self_surface(argv[0]);
    if (fill)
        fill_rect(&s, x, y, w, h, c);
    else
        rect_outline(&s, x, y, w, h, c);
    return PY_NONE;
}

static py_val_t m_fill_rect(int argc, const py_val_t *argv, py_val_t kw) {
    int32_t x = coord(argv[1]), y = coord(argv[2]), w = coord(argv[3]), h = coord(argv[4]);
    uint32_t c = color(argv[5]);
    surf_t s = self_surface(argv[0]);
    fill_rect(&s, x, y, w, h, c);
    return PY_NONE;
}

/* Quadrants, counter-clockwise from the top right (the `m` mask bits). */
enum { Q_TR = 1, Q_TL = 2, Q_BL = 4, Q_BR = 8 };

static void ellipse_points(const surf_t *s, int32_t cx, int32_t cy, int64_t x, int64_t y, uint32_t c,
                           bool fill, int mask) {
    if (fill) {
        if (mask & Q_TR) fill_rect(s, cx, cy - y, x + 1, 1, c);
        if (mask & Q_TL) fill_rect(s, cx - x, cy - y, x + 1, 1, c);
        if (mask & Q_BL) fill_rect(s, cx - x, cy + y, x + 1, 1, c);
        if (mask & Q_BR) fill_rect(s, cx, cy + y, x + 1, 1, c);
        return;
    }
    /* points are within +-2^29 of the frame, so the narrowing casts below
     * are exact after the range test */
    int64_t px[4] = {cx + x, cx - x, cx - x, cx + x}, py[4] = {cy - y, cy - y, cy + y, cy + y};
    for (int q = 0; q < 4; q++)
        if ((mask & (1 << q)) && px[q] >= 0 && py[q] >= 0 && px[q] < s->w && py[q] < s->h)
            set_px(s, (int32_t)px[q], (int32_t)py[q], c);
}

/* Ellipse by the midpoint method in two arcs: from the end of the x axis
 * while the slope is shallower than -1, then from the end of the y axis. */
static py_val_t m_ellipse(int argc, const py_val_t *argv, py_val_t kw) {
    int32_t cx = coord(argv[1]), cy = coord(argv[2]);
    int64_t xr = coord(argv[3]), yr = coord(argv[4]);
    uint32_t c = color(argv[5]);
    bool fill = argc > 6 && py_truthy(argv[6]);
    int mask = argc > 7 ? (int)(py_to_i64(argv[7]) & 0xF) : 0xF;
    surf_t s = self_surface(argv[0]);
    if (xr == 0 && yr == 0) {
        if (mask) set_px_clip(&s, cx, cy, c);
        return PY_NONE;
    }
    if (xr < 0 || yr < 0) return PY_NONE;
    int64_t a2 = xr * xr, b2 = yr * yr;
    int64_t two_a2 = 2 * a2, two_b2 = 2 * b2;
    /* arc 1: y steps every time, x decreases when the error calls for it */
    int64_t x = xr, y = 0;
    int64_t xstep = b2 * (1 - 2 * xr), ystep = a2, err = 0;
    int64_t stop_x = two_b2 * xr, stop_y = 0;
    while (stop_x >= stop_y) {
        ellipse_points(&s, cx, cy, x, y, c, fill, mask);
        y++;
        stop_y += two_a2;
        err += ystep;
        ystep += two_a2;
        if (2 * err + xstep > 0) {
            x--;
            stop_x -= two_b2;
            err += xstep;
            xstep += two_b2;
        }
    }
    /* arc 2: x steps every time, y decreases when the error calls for it */
    x = 0;
    y = yr;
    xstep = b2;
    ystep = a2 * (1 - 2 * yr);
    err = 0;
    stop_x = 0;
    stop_y = two_a2 * yr;
    while (stop_x <= stop_y) {
        ellipse_points(&s, cx, cy, x, y, c, fill, mask);
        x++;
        stop_x += two_b2;
        err += xstep;
        xstep += two_b2;
        if (2 * err + ystep > 0) {
            y--;
            stop_y -= two_a2;
            err += ystep;
            ystep += two_a2;
        }
    }
    return PY_NONE;
}

/* Reads item i of a buffer of ints, whatever its item type. */
static int64_t buf_int(const py_buf_t *b, size_t i) {
    const uint8_t *p = b->data + i * (size_t)b->itemsize;
    switch (b->typecode) {
    case 'b':
        return (int8_t)*p;
    case 'h': {
        int16_t v;
        memcpy(&v, p, 2);
        return v;
    }
    case 'H': {
        uint16_t v;
        memcpy(&v, p, 2);
        return v;
    }
    case 'i':
    case 'l':
        if (b->itemsize == 4) {
            int32_t v;
            memcpy(&v, p, 4);
            return v;
        } else {
            int64_t v;
            memcpy(&v, p, 8);
            return v;
        }
    case 'I':
    case 'L':
        if (b->itemsize == 4) {
            uint32_t v;
            memcpy(&v, p, 4);
            return v;
        } else {
            uint64_t v;
            memcpy(&v, p, 8);
            return (int64_t)v;
        }
    case 'q':
    case 'Q': {
        int64_t v;
        memcpy(&v, p, 8);
        return v;
    }
    case 'f': {
        float v;
        memcpy(&v, p, 4);
        return (int64_t)v;
    }
    case 'd': {
        double v;
        memcpy(&v, p, 8);
        return (int64_t)v;
    }
    default:
        return *p;
    }
}

static int32_t clamp32(int64_t v) {
    return v > COORD_LIMIT ? COORD_LIMIT : v < -COORD_LIMIT ? -COORD_LIMIT : (int32_t)v;
}

/* poly(x, y, coords, c[, f]): coords is an array of x, y pairs relative to
 * (x, y).  The outline joins the vertices from the first one backwards
 * (first -> last -> ... -> second -> first).  Filling scans each row: an
 * edge crossing the row (its lower end excluded, so shared vertices are not
 * counted twice) contributes the rounded x of the crossing; the sorted
 * crossings are filled pairwise.  On the row of an edge's lower end the
 * vertex itself is plotted (horizontal edges are drawn whole), so vertices
 * at local extremes are not lost. */
static py_val_t m_poly(int argc, const py_val_t *argv, py_val_t kw) {
    int32_t x = coord(argv[1]), y = coord(argv[2]);
    uint32_t c = color(argv[4]);
    bool fill = argc > 5 && py_truthy(argv[5]);
    py_buf_t b;
    py_get_buffer(argv[3], &b, 0);
    if (b.itemsize < 1) b.itemsize = 1;
    size_t n = b.len / ((size_t)b.itemsize * 2);
    if (n == 0) return PY_NONE;
    /* the vertices, copied out so Python code can't move them under us */
    int32_t stackv[64];
    int32_t *v = n * 2 <= 64 ? stackv : py_raw_alloc(n * 2 * sizeof(int32_t));
    for (size_t i = 0; i < n * 2; i++) v[i] = clamp32(buf_int(&b, i));
    surf_t s = self_surface(argv[0]);
    if (!fill) {
        int32_t px1 = v[0], py1 = v[1];
        for (size_t k = n; k-- > 0;) {
            int32_t px2 = v[2 * k], py2 = v[2 * k + 1];
            draw_line(&s, x + px1, y + py1, x + px2, y + py2, c);
            px1 = px2;
            py1 = py2;
        }
        return PY_NONE;
    }
    int32_t ymin = v[1], ymax = v[1];
    for (size_t i = 1; i < n; i++) {
        if (v[2 * i + 1] < ymin) ymin = v[2 * i + 1];
        if (v[2 * i + 1] > ymax) ymax = v[2 * i + 1];
    }
    /* rows outside the frame contribute nothing */
    if ((int64_t)ymin + y < 0) ymin = -y;
    if ((int64_t)ymax + y > s.h - 1) ymax = s.h - 1 - y;
    int32_t stackn[64];
    int32_t *nodes = n <= 64 ? stackn : py_raw_alloc(n * sizeof(int32_t));
    for (int32_t row = ymin; row <= ymax; row++) {
        size_t nn = 0;
        int32_t px1 = v[0], py1 = v[1];
        for (size_t k = n; k-- > 0;) {
            int32_t px2 = v[2 * k], py2 = v[2 * k + 1];
            bool crosses = py1 != py2 && (py1 > row || py2 > row) && (py1 <= row || py2 <= row);
            if (crosses) {
                /* x at the row, in 1/32 pixel steps, rounded (C division truncates) */
                int64_t num = 32 * (int64_t)(px2 - px1) * (row - py1);
                int64_t node = (32 * (int64_t)px1 + num / (py2 - py1) + 16) / 32;
                nodes[nn++] = clamp32(node);
            } else if (row == (py1 > py2 ? py1 : py2)) {
                if (py1 < py2)
                    set_px_clip(&s, x + px2, y + py2, c);
                else if (py2 < py1)
                    set_px_clip(&s, x + px1, y + py1, c);
                else
                    draw_line(&s, x + px1, y + py1, x + px2, y + py2, c);
            }
            px1 = px2;
            py1 = py2;
        }
        /* insertion sort: rows cross few edges */
        for (size_t i = 1; i < nn; i++) {
            int32_t t = nodes[i];
            size_t j = i;
            while (j > 0 && nodes[j - 1] > t) {
                nodes[j] = nodes[j - 1];
                j--;
            }
            nodes[j] = t;
        }
        for (size_t i = 0; i + 1 < nn; i += 2)
            fill_rect(&s, (int64_t)x + nodes[i], (int64_t)y + row, (int64_t)nodes[i + 1] - nodes[i] + 1, 1,
                      c);
    }
    return PY_NONE;
}

/* text(s, x, y[, c]): 8x8 cells left to right; bytes outside 32..127 (every
 * byte of a non-ASCII character) draw the box glyph. */
static py_val_t m_text(int argc, const py_val_t *argv, py_val_t kw) {
    /* str, or bytes as MicroPython also takes them (both share py_str_t) */
    if (!py_is_str(argv[1]) && !py_is_type(argv[1], &py_type_bytes))
        py_raise_msg(&py_type_TypeError, "can't convert '%s' object to str implicitly",
                     py_type_name(argv[1]));
    int64_t x0 = coord(argv[2]);
    int32_t y0 = coord(argv[3]);
    uint32_t c = argc > 4 ? color(argv[4]) : 1;
    surf_t s = self_surface(argv[0]);
    py_val_t str = py_unwrap_native(argv[1]);
    const uint8_t *t = (const uint8_t *)py_str_data(str);
    size_t len = py_str_len(str);
    for (size_t k = 0; k < len && x0 < s.w; k++, x0 += 8) {
        unsigned ch = t[k];
        if (ch == 0) break;
        if (ch < 32 || ch > 127) ch = 127;
        if (x0 + 8 <= 0) continue;
        const uint8_t *glyph = framebuf_font[ch - 32];
        for (int r = 0; r < 8; r++) {
            int64_t yy = (int64_t)y0 + r;
            if (yy < 0 || yy >= s.h || !glyph[r]) continue;
            for (int col = 0; col < 8; col++) {
                int64_t xx = x0 + col;
                if ((glyph[r] & (0x80 >> col)) && xx >= 0 && xx < s.w)
                    set_px(&s, (int32_t)xx, (int32_t)yy, c);
            }
        }
    }
    return PY_NONE;
}

/* scroll(xstep, ystep): moves the contents; the uncovered strip keeps its
 * old pixels.  Walks away from the direction of motion so every source
 * pixel is read before it is overwritten. */
static py_val_t m_scroll(int argc, const py_val_t *argv, py_val_t kw) {
    int32_t xs = coord(argv[1]), ys = coord(argv[2]);
    surf_t s = self_surface(argv[0]);
    int32_t sx, xend, dx, sy, yend, dy;
    if (xs < 0) {
        sx = 0;
        xend = s.w + xs;
        if (xend <= 0) return PY_NONE;
        dx = 1;
    } else {
        sx = s.w - 1;
        xend = xs - 1;
        if (xend >= sx) return PY_NONE;
        dx = -1;
    }
    if (ys < 0) {
        sy = 0;
        yend = s.h + ys;
        if (yend <= 0) return PY_NONE;
        dy = 1;
    } else {
        sy = s.h - 1;
        yend = ys - 1;
        if (yend >= sy) return PY_NONE;
        dy = -1;
    }
    for (int32_t y = sy; y != yend; y += dy)
        for (int32_t x = sx; x != xend; x += dx) set_px(&s, x, y, get_px(&s, x - xs, y - ys));
    return PY_NONE;
}

/* Resolves blit's source: a FrameBuffer or (buffer, width, height, format[, stride]). */
static void source_surface(py_val_t src, surf_t *out) {
    if (py_is_instance(src, &fb_type)) {
        fb_surface(py_as_ptr(src), out, 0);
        return;
    }
    size_t n;
    py_val_t *items;
    if (!py_seq_items(src, &n, &items))
        py_raise_msg(&py_type_TypeError, "object '%s' isn't a tuple or list", py_type_name(src));
    if (n < 4 || n > 5)
        py_raise_msg(&py_type_ValueError, "blit source must be (buffer, width, height, format[, stride])");
    py_val_t buf = items[0];
    int64_t w = py_to_i64(items[1]), h = py_to_i64(items[2]), fmt = py_to_i64(items[3]);
    int64_t stride = n > 4 ? py_to_i64(items[4]) : w;
    int32_t st;
    size_t need = check_geometry(w, h, fmt, stride, &st);
    py_buf_t b;
    py_get_buffer(buf, &b, 0);
    if (b.len < need) py_raise_msg(&py_type_ValueError, "buffer too small");
    out->d = b.data;
    out->w = (int32_t)w;
    out->h = (int32_t)h;
    out->stride = st;
    out->fmt = (int)fmt;
}

/* blit(fbuf, x, y, key=-1, palette=None): copies pixel values (no format
 * conversion); with a palette, source value v becomes palette.pixel(v, 0);
 * pixels whose (translated) value equals key are skipped. */
static py_val_t m_blit(int argc, const py_val_t *argv, py_val_t kw) {
    surf_t src, pal;
    source_surface(argv[1], &src);
    int32_t x = coord(argv[2]), y = coord(argv[3]);
    int64_t key = argc > 4 ? py_to_i64(argv[4]) : -1;
    bool has_pal = argc > 5 && !py_is_none(argv[5]);
    if (has_pal) source_surface(argv[5], &pal);
    surf_t s = self_surface(argv[0]);
    /* the source and palette pointers were taken first; resolving self
     * calls no Python code, so they are still valid */
    if (x >= s.w || y >= s.h || -(int64_t)x >= src.w || -(int64_t)y >= src.h) return PY_NONE;
    int32_t x0 = x < 0 ? 0 : x, y0 = y < 0 ? 0 : y;
    int32_t sx0 = x < 0 ? -x : 0, sy = y < 0 ? -y : 0;
    int32_t x0end = (int64_t)x + src.w < s.w ? x + src.w : s.w;
    int32_t y0end = (int64_t)y + src.h < s.h ? y + src.h : s.h;
    for (int32_t yy = y0; yy < y0end; yy++, sy++) {
        int32_t sx = sx0;
        for (int32_t xx = x0; xx < x0end; xx++, sx++) {
            uint32_t v = get_px(&src, sx, sy);
            if (has_pal) v = (int64_t)v < pal.w ? get_px(&pal, (int32_t)v, 0) : 0;
            if ((int64_t)v != key) set_px(&s, xx, yy, v);
        }
    }
    return PY_NONE;
}

static const py_method_def_t fb_methods[] = {
    {"fill", m_fill, 2, 2, 0},
    {"pixel", m_pixel, 3, 4, 0},
    {"hline", m_hline, 5, 5, 0},
    {"vline", m_vline, 5, 5, 0},
    {"line", m_line, 6, 6, 0},
    {"rect", m_rect, 6, 7, 0},
    {"fill_rect", m_fill_rect, 6, 6, 0},
    {"ellipse", m_ellipse, 6, 8, 0},
    {"poly", m_poly, 5, 6, 0},
    {"text", m_text, 4, 5, 0},
    {"scroll", m_scroll, 3, 3, 0},
    {"blit", m_blit, 4, 6, 0},
    PY_MF_END,
};

static py_type_t fb_type = {
    .h = {&py_type_type},
    .name = "FrameBuffer",
    .base = &py_type_object,
    .flags = PY_TF_BASETYPE,
    .instance_size = sizeof(fb_t),
    .methods = fb_methods,
    .make_new = fb_make_new,
    .print = fb_print,
    .buffer = fb_buffer,
    .trace = fb_trace,
};

static const py_method_def_t framebuf_functions[] = {
    {"FrameBuffer1", f_framebuffer1, 3, 4, 0},
    PY_MF_END,
};

static void framebuf_init(py_val_t m) {
    py_module_add(m, "FrameBuffer", py_obj(&fb_type));
    static const struct {
        const char *name;
        int value;
    } consts[] = {
        {"MONO_VLSB", FMT_MVLSB}, {"MVLSB", FMT_MVLSB}, {"RGB565", FMT_RGB565},   {"GS2_HMSB", FMT_GS2},
        {"GS4_HMSB", FMT_GS4},    {"GS8", FMT_GS8},     {"MONO_HLSB", FMT_MHLSB}, {"MONO_HMSB", FMT_MHMSB},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        py_module_add(m, consts[i].name, py_small(consts[i].value));
}

const py_module_def_t py_module_framebuf = {"framebuf", framebuf_functions, framebuf_init};
