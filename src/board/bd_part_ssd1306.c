/* bd_part_ssd1306.c: an SSD1306 monochrome OLED module (128 x 64 or
 * 128 x 32) on I2C, its display RAM and the image a viewer would see.
 *
 * Roles: sda, scl.  Attributes: address (0x3C, 0x3D), width, height,
 * external_vcc, png (a PNG file written when set and at the end of the
 * run), snapshot (a PNG file written once, now), scale (PNG pixels per
 * display pixel); measurements on, contrast, inverted, entire_on, pixels,
 * text, commands (ro).
 *
 * The I2C interface (SSD1306 data sheet 8.1.5): after the address, a
 * control byte Co D/C# 000000: D/C# = 0 command, 1 display data; Co = 0
 * means every following byte of the transfer is of that kind, Co = 1 that
 * only the next one is and another control byte follows it.  Commands
 * arriving with their arguments split over several transfers (one command
 * byte per transfer, as many drivers send them) decode the same.  A read
 * transfer returns the status byte (bit 6: display off).
 *
 * Commands (data sheet section 9/10), with their argument counts:
 *   00-0F / 10-1F  low / high nibble of the column (page addressing)
 *   20 m           memory addressing mode: 0 horizontal, 1 vertical, 2 page
 *   21 a b / 22 a b column / page range (horizontal and vertical modes)
 *   40-7F          display start line;  81 c  contrast
 *   8D x           charge pump (bit 2: on; 14h enable, 10h disable)
 *   A0/A1          segment remap;  A4/A5  entire display on;  A6/A7 inverse
 *   A8 n           multiplex ratio n + 1 (n < 15 ignored);  AE/AF display off/on
 *   B0-B7          page (page addressing);  C0/C8  COM scan normal/remapped
 *   D3 n           display offset;  DA, D5, D9, DB, AD, D6 (1 byte each)  accepted, no effect
 *   26/27 (6), 29/2A (5), 2C/2D (6), A3 (2), 2E, 2F  scrolling: parsed, not animated
 *   anything else: a one-byte command, ignored.
 * GDDRAM: 8 pages x 128 segments, a byte is 8 vertical pixels, bit 0 on
 * top.  Data for (page, column) lands on segment column (A0) or 127 - column
 * (A1): the remap acts when data is written, so changing it leaves the
 * stored image alone (data sheet: "only affects subsequent data input"),
 * while C0/C8 flips the image at once.  The pointer moves by the addressing mode:
 * page mode wraps the column at 127 back to the page mode column start;
 * horizontal mode steps the column through the 21h range, then the page
 * through the 22h range; vertical mode the other way round.  After reset:
 * display off, contrast 7Fh, page mode, ranges 0..127 and 0..7, mux 64,
 * start line, offset, remaps 0, charge pump off, RAM cleared.
 *
 * What the viewer sees.  The module's glass is wired so that the usual
 * setup (A1: column 127 on SEG0, C8: COM scan remapped) shows column 0 at
 * the left and page 0 at the top: viewer column x is SEG(127 - off - x)
 * and viewer row y is COM(height - 1 - y), off = (128 - width) / 2 for
 * narrower glass (64 x 48 modules sit in the middle columns).  COM c
 * (c < mux N) shows scan line c (C0) or N - 1 - c (C8), COMs at or beyond
 * N stay dark; scan line k shows RAM row (k + start line + offset) mod 64,
 * on every segment.  A pixel is lit when the panel is
 * powered (display on, and the charge pump on or external_vcc) and either
 * entire-on (A5) or its RAM bit differs from inverse (A7).  Contrast is
 * reported, not rendered (lit is white); COM pin configuration (DAh) and
 * scrolling are not modelled.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/bd_part.h"
#include "board/bd_part_i2c.h"
#include "board/bd_png.h"

#define COLS 128
#define PAGES 8

typedef struct {
    bd_i2c_part_t i2c; /* the part and its place on the bus */
    int width, height, scale;
    bool external_vcc;
    char *png, *snapshot;
    uint8_t ram[PAGES][COLS]; /* by segment */
    /* controller state */
    bool on, inverse, entire_on, seg_remap, com_remap, pump, scrolling;
    uint8_t contrast, mux, offset, start_line, mode;
    uint8_t col, page, col_lo, col_hi, page_lo, page_hi, pm_col;
    /* decoder */
    uint8_t cmd[8];
    int ncmd, need;
    int ctl; /* 0: a control byte is next; 1: one byte then a control byte; 2: the rest */
    bool dc; /* what those bytes are: display data (true) or commands */
    uint64_t commands;
    char *text; /* the `text` view, rebuilt at each read */
} ssd1306_t;

enum {
    A_ADDRESS,
    A_WIDTH,
    A_HEIGHT,
    A_EXT_VCC,
    A_PNG,
    A_SNAPSHOT,
    A_SCALE,
    A_ON,
    A_CONTRAST,
    A_INVERTED,
    A_ENTIRE_ON,
    A_PIXELS,
    A_TEXT,
    A_COMMANDS,
};

static const bd_attr_def_t attrs[] = {
    {"address", BD_ATTR_INT, 0, "", 0x3C, 0x3D, NULL, "I2C address: 0x3C (SA0 low) or 0x3D"},
    {"width", BD_ATTR_INT, 0, "px", 8, 128, NULL, "glass width"},
    {"height", BD_ATTR_INT, 0, "px", 8, 64, NULL, "glass height (a multiple of 8)"},
    {"external_vcc", BD_ATTR_BOOL, 0, "", 1, 0, NULL, "panel supply from outside (no charge pump needed)"},
    {"png", BD_ATTR_TEXT, 0, "", 1, 0, NULL, "PNG file of the screen, written when set and at the end"},
    {"snapshot", BD_ATTR_TEXT, 0, "", 1, 0, NULL, "PNG file of the screen, written once when set"},
    {"scale", BD_ATTR_INT, 0, "", 1, 16, NULL, "PNG pixels per display pixel"},
    {"on", BD_ATTR_BOOL, BD_ATTR_RO, "", 1, 0, NULL, "the panel shows the image"},
    {"contrast", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "contrast setting (81h)"},
    {"inverted", BD_ATTR_BOOL, BD_ATTR_RO, "", 1, 0, NULL, "inverse display (A7h)"},
    {"entire_on", BD_ATTR_BOOL, BD_ATTR_RO, "", 1, 0, NULL, "entire display on (A5h)"},
    {"pixels", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "lit pixels the viewer sees"},
    {"text", BD_ATTR_TEXT, BD_ATTR_RO, "", 1, 0, NULL, "the screen: a line per row, # lit, . dark"},
    {"commands", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "commands decoded"},
};

/* ------------------------------------------------------------ the image */

/* px: width * height bytes, 1 lit, 0 dark. */
static void render(const ssd1306_t *d, uint8_t *px) {
    bool powered = d->on && (d->pump || d->external_vcc);
    int n = d->mux + 1, off = (COLS - d->width) / 2;
    for (int y = 0; y < d->height; y++) {
        int com = d->height - 1 - y;
        if (!powered || com >= n) { /* dark: no supply, or a COM the multiplex does not scan */
            memset(px + y * d->width, 0, (size_t)d->width);
            continue;
        }
        int k = d->com_remap ? n - 1 - com : com;
        int row = (k + d->start_line + d->offset) % 64;
        for (int x = 0; x < d->width; x++) {
            int seg = COLS - 1 - off - x;
            int bit = (d->ram[row / 8][seg] >> (row % 8)) & 1;
            px[y * d->width + x] = d->entire_on || (bit ^ d->inverse);
        }
    }
}

static bd_status_t write_png(const ssd1306_t *d, const char *path, char *err, size_t errlen) {
    size_t w = (size_t)d->width * (size_t)d->scale, h = (size_t)d->height * (size_t)d->scale;
    uint8_t *px = malloc((size_t)d->width * (size_t)d->height), *img = malloc(w * h);
    bd_status_t st = BD_ERR_NOMEM;
    if (px && img) {
        render(d, px);
        for (size_t y = 0; y < h; y++)
            for (size_t x = 0; x < w; x++)
                img[y * w + x] =
                    px[(y / (size_t)d->scale) * (size_t)d->width + x / (size_t)d->scale] ? 255 : 0;
        st = bd_png_write_gray8(path, img, (uint32_t)w, (uint32_t)h);
        if (st == BD_ERR_IO && err)
            snprintf(err, errlen, "%s: cannot write '%s': %s", d->i2c.base.name, path, strerror(errno));
    }
    if (st == BD_ERR_NOMEM && err) snprintf(err, errlen, "out of memory");
    free(px);
    free(img);
    return st;
}

/* ------------------------------------------------------------ the controller */

static void power_on(ssd1306_t *d) {
    memset(d->ram, 0, sizeof d->ram);
    d->on = d->inverse = d->entire_on = d->seg_remap = d->com_remap = d->pump = d->scrolling = false;
    d->contrast = 0x7F;
    d->mux = 63;
    d->offset = d->start_line = 0;
    d->mode = 2;
    d->col = d->page = d->col_lo = d->page_lo = d->pm_col = 0;
    d->col_hi = COLS - 1;
    d->page_hi = PAGES - 1;
    d->ncmd = d->need = 0;
    d->ctl = 0;
}

static int nargs(uint8_t c) {
    switch (c) {
    case 0x20:
    case 0x81:
    case 0x8D:
    case 0xA8:
    case 0xAD:
    case 0xD3:
    case 0xD5:
    case 0xD6:
    case 0xD9:
    case 0xDA:
    case 0xDB:
        return 1;
    case 0x21:
    case 0x22:
    case 0xA3:
        return 2;
    case 0x29:
    case 0x2A:
        return 5;
    case 0x26:
    case 0x27:
    case 0x2C:
    case 0x2D:
        return 6;
    default:
        return 0;
    }
}

static void execute(ssd1306_t *d) {
    uint8_t c = d->cmd[0], a = d->cmd[1], b = d->cmd[2];
    d->commands++;
    if (c <= 0x0F) {
        d->pm_col = d->col = (uint8_t)((d->col & 0xF0) | c);
    } else if (c <= 0x1F) {
        d->pm_col = d->col = (uint8_t)(((c & 0x07) << 4) | (d->col & 0x0F));
    } else if (c >= 0x40 && c <= 0x7F) {
        d->start_line = c & 0x3F;
    } else if (c >= 0xB0 && c <= 0xB7) {
        d->page = c & 0x07;
    } else if (c >= 0xC0 && c <= 0xCF) {
        d->com_remap = (c & 0x08) != 0;
    } else {
        switch (c) {
        case 0x20:
            if ((a & 3) != 3) d->mode = a & 3; /* 11b is invalid */
            break;
        case 0x21:
            d->col_lo = a & 0x7F, d->col_hi = b & 0x7F;
            d->col = d->col_lo;
            break;
        case 0x22:
            d->page_lo = a & 0x07, d->page_hi = b & 0x07;
            d->page = d->page_lo;
            break;
        case 0x81:
            d->contrast = a;
            break;
        case 0x8D:
            d->pump = (a & 0x04) != 0;
            break;
        case 0xA0:
        case 0xA1:
            d->seg_remap = c & 1;
            break;
        case 0xA4:
        case 0xA5:
            d->entire_on = c & 1;
            break;
        case 0xA6:
        case 0xA7:
            d->inverse = c & 1;
            break;
        case 0xA8:
            if ((a & 0x3F) >= 15) d->mux = a & 0x3F;
            break;
        case 0xAE:
        case 0xAF:
            d->on = c & 1;
            break;
        case 0xD3:
            d->offset = a & 0x3F;
            break;
        case 0x2E:
            d->scrolling = false;
            break;
        case 0x2F:
            d->scrolling = true;
            break;
        default:
            break; /* timing, COM pins, IREF, zoom, scroll setup, NOP: no effect here */
        }
    }
}

static void command(ssd1306_t *d, uint8_t byte) {
    if (d->need > 0) {
        d->cmd[d->ncmd++] = byte;
        if (--d->need == 0) execute(d);
        return;
    }
    d->cmd[0] = byte;
    d->ncmd = 1;
    d->need = nargs(byte);
    if (d->need == 0) execute(d);
}

static void data(ssd1306_t *d, uint8_t byte) {
    d->ram[d->page][d->seg_remap ? COLS - 1 - d->col : d->col] = byte;
    switch (d->mode) {
    case 0: /* horizontal */
        if (d->col >= d->col_hi || d->col >= COLS - 1) {
            d->col = d->col_lo;
            d->page = d->page >= d->page_hi || d->page >= PAGES - 1 ? d->page_lo : d->page + 1;
        } else {
            d->col++;
        }
        break;
    case 1: /* vertical */
        if (d->page >= d->page_hi || d->page >= PAGES - 1) {
            d->page = d->page_lo;
            d->col = d->col >= d->col_hi || d->col >= COLS - 1 ? d->col_lo : d->col + 1;
        } else {
            d->page++;
        }
        break;
    default: /* page */
        d->col = d->col >= COLS - 1 ? d->pm_col : d->col + 1;
        break;
    }
}

static bool dev_start(void *ctx, bool read) {
    ssd1306_t *d = ctx;
    d->ctl = 0;
    return true;
}

static bool dev_write(void *ctx, uint8_t byte) {
    ssd1306_t *d = ctx;
    if (d->ctl == 0) {
        d->dc = (byte & 0x40) != 0;
        d->ctl = (byte & 0x80) ? 1 : 2;
        return true;
    }
    if (d->dc)
        data(d, byte);
    else
        command(d, byte);
    if (d->ctl == 1) d->ctl = 0;
    return true;
}

static uint8_t dev_read(void *ctx, bool ack) {
    const ssd1306_t *d = ctx;
    return d->on ? 0x00 : 0x40;
}

/* ------------------------------------------------------------ the part */

static void init(bd_part_t *p) {
    ssd1306_t *d = (ssd1306_t *)p;
    d->width = 128;
    d->height = 64;
    d->scale = 1;
    d->i2c.slot.dev =
        (bd_i2c_dev_t){.addr = 0x3C, .ctx = d, .start = dev_start, .write = dev_write, .read = dev_read};
    power_on(d);
}

static bd_status_t set(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen) {
    ssd1306_t *d = (ssd1306_t *)p;
    bd_status_t st;
    switch (attr) {
    case A_ADDRESS:
        return bd_i2c_slot_readdress(p, &d->i2c.slot, (uint8_t)v->num, err, errlen);
    case A_WIDTH:
        d->width = (int)v->num;
        break;
    case A_HEIGHT:
        if ((int)v->num % 8) {
            if (err) snprintf(err, errlen, "%s.height must be a multiple of 8, not %d", p->name, (int)v->num);
            return BD_ERR_INVAL;
        }
        d->height = (int)v->num;
        break;
    case A_EXT_VCC:
        d->external_vcc = v->num != 0;
        break;
    case A_SCALE:
        d->scale = (int)v->num;
        break;
    case A_PNG:
    case A_SNAPSHOT:
        if (*v->text && (st = write_png(d, v->text, err, errlen)) != BD_OK) return st;
        if ((st = bd_part_keep_text(attr == A_PNG ? &d->png : &d->snapshot, v->text)) != BD_OK) {
            if (err) snprintf(err, errlen, "out of memory");
            return st;
        }
        break;
    }
    return BD_OK;
}

static const char *text_view(ssd1306_t *d) {
    size_t n = (size_t)d->height * ((size_t)d->width + 1);
    uint8_t *px = malloc((size_t)d->width * (size_t)d->height);
    char *t = realloc(d->text, n + 1);
    if (!px || !t) {
        free(px);
        if (t) d->text = t;
        return "";
    }
    d->text = t;
    render(d, px);
    char *o = t;
    for (int y = 0; y < d->height; y++) {
        for (int x = 0; x < d->width; x++) *o++ = px[y * d->width + x] ? '#' : '.';
        *o++ = '\n';
    }
    *o = '\0';
    free(px);
    return t;
}

static int lit(const ssd1306_t *d) {
    uint8_t px[COLS * PAGES * 8];
    render(d, px);
    int n = 0;
    for (int i = 0; i < d->width * d->height; i++) n += px[i];
    return n;
}

static void get(const bd_part_t *p, int attr, bd_attr_val_t *v) {
    const ssd1306_t *d = (const ssd1306_t *)p;
    switch (attr) {
    case A_ADDRESS:
        v->num = d->i2c.slot.dev.addr;
        break;
    case A_WIDTH:
        v->num = d->width;
        break;
    case A_HEIGHT:
        v->num = d->height;
        break;
    case A_EXT_VCC:
        v->num = d->external_vcc;
        break;
    case A_PNG:
        v->text = d->png ? d->png : "";
        break;
    case A_SNAPSHOT:
        v->text = d->snapshot ? d->snapshot : "";
        break;
    case A_SCALE:
        v->num = d->scale;
        break;
    case A_ON:
        v->num = d->on && (d->pump || d->external_vcc);
        break;
    case A_CONTRAST:
        v->num = d->contrast;
        break;
    case A_INVERTED:
        v->num = d->inverse;
        break;
    case A_ENTIRE_ON:
        v->num = d->entire_on;
        break;
    case A_PIXELS:
        v->num = lit(d);
        break;
    /* the view is a cache the part owns: rebuilding it changes no state */
    case A_TEXT:
        v->text = text_view((ssd1306_t *)(uintptr_t)d);
        break;
    case A_COMMANDS:
        v->num = (double)d->commands;
        break;
    }
}

static void reset(bd_part_t *p) {
    ssd1306_t *d = (ssd1306_t *)p;
    power_on(d);
    d->commands = 0;
}

static void fini(bd_part_t *p) {
    ssd1306_t *d = (ssd1306_t *)p;
    if (d->png) write_png(d, d->png, NULL, 0); /* the end of the run: nowhere to report a failure */
    bd_i2c_slot_leave(&d->i2c.slot);
    free(d->png);
    free(d->snapshot);
    free(d->text);
}

const bd_part_type_t bd_part_ssd1306_type = {
    .kind = "ssd1306",
    .alias = NULL,
    .prefix = "ssd1306_",
    .help = "SSD1306 128x64 / 128x32 monochrome OLED on I2C; PNG and text views of the screen",
    .roles = bd_i2c_part_roles,
    .nroles = BD_I2C_NROLES,
    .npositional = BD_I2C_NROLES,
    .attrs = attrs,
    .nattrs = sizeof attrs / sizeof attrs[0],
    .size = sizeof(ssd1306_t),
    .init = init,
    .set = set,
    .get = get,
    .reset = reset,
    .fini = fini,
    .wired = bd_i2c_part_wired,
};
