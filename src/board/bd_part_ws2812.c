/* bd_part_ws2812.c: a strip of WS2812 ("NeoPixel") RGB LEDs on one data pin,
 * decoding the pulse train into colours as the chips do.
 *
 * Roles: din (IN), the strip's data input.
 * The protocol (WS2812B datasheet): each bit is a high pulse and a low one;
 * a high shorter than `threshold` is a 0 (T0H 0.4 us), a longer one a 1
 * (T1H 0.8 us); the chips sample the line that far after the rising edge.
 * Bits come most significant first, G, R, B (then W on RGBW strips, bpp=4)
 * per LED: the first LED keeps the first bpp*8 bits and passes the rest
 * down the chain, so LED k takes bits [k*bpp*8, (k+1)*bpp*8).  A low of at
 * least `reset` (RES, above 50 us) latches: every LED that received all its
 * bits shows its new colour (one with a partial word keeps the old one), and
 * the next bit starts a new frame.  Bits beyond the last LED leave the
 * strip (counted in `overflow`).  A 400 kHz strip (neopixel timing=0:
 * highs of 0.8 and 1.6 us) needs threshold=1200ns.
 * Attributes:
 *   count      int 1..1024  LEDs on the strip (default 8)
 *   bpp        int 3..4     bytes per LED: 3 GRB, 4 GRBW (default 3)
 *   threshold  time         high pulses at least this long are 1s (600ns)
 *   reset      time         a low this long latches the frame (50us)
 *   colors     ro text      the LEDs' colours, "rrggbb" (or "rrggbbww") hex
 *                           per LED, space separated, first LED first
 *   frames     ro int       frames latched
 *   bits       ro int       bits received in the frame in progress
 *   overflow   ro int       bits that passed the last LED, all frames
 * Invariant: shown[] holds count*bpp wire-order bytes (G, R, B, W), what the
 * LEDs display; rx[] collects the frame in progress, nbits of it valid.
 */
#include <stdio.h>
#include <string.h>

#include "board/bd_part.h"

#define MAX_LEDS 1024

typedef struct {
    bd_part_t base;
    int count, bpp;
    bd_time_t threshold, reset;
    uint8_t shown[MAX_LEDS * 4], rx[MAX_LEDS * 4];
    size_t nbits;
    uint64_t frames, overflow;
    bd_time_t rise;
    bool high;
    bd_event_id_t latch;
    /* the colors attribute's text: a fixed buffer, so a text handed out
     * stays valid (its content changes only with the colours) */
    char text[MAX_LEDS * 9 + 1];
} ws_t;

enum { A_COUNT, A_BPP, A_THRESHOLD, A_RESET, A_COLORS, A_FRAMES, A_BITS, A_OVERFLOW };

static const bd_attr_def_t attrs[] = {
    {"count", BD_ATTR_INT, 0, "", 1, MAX_LEDS, NULL, "LEDs on the strip"},
    {"bpp", BD_ATTR_INT, 0, "", 3, 4, NULL, "bytes per LED: 3 GRB, 4 GRBW"},
    {"threshold", BD_ATTR_TIME, 0, "ns", 1, 0, NULL, "high pulses at least this long are 1 bits"},
    {"reset", BD_ATTR_TIME, 0, "ns", 1, 0, NULL, "a low this long latches the frame"},
    {"colors", BD_ATTR_TEXT, BD_ATTR_RO, "", 1, 0, NULL, "rrggbb per LED, first LED first"},
    {"frames", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "frames latched"},
    {"bits", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "bits of the frame in progress"},
    {"overflow", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "bits that left the last LED"},
};

static const bd_role_def_t roles[] = {{"din", BD_ROLE_IN, "the strip's data input (DIN)"}};

static void init(bd_part_t *p) {
    ws_t *w = (ws_t *)p;
    w->count = 8;
    w->bpp = 3;
    w->threshold = 600;
    w->reset = BD_US(50);
}

static void do_latch(ws_t *w) {
    size_t word = (size_t)w->bpp * 8;
    size_t full = w->nbits / word; /* LEDs that got all their bits */
    if (full > (size_t)w->count) full = (size_t)w->count;
    memcpy(w->shown, w->rx, full * (size_t)w->bpp);
    w->frames++;
    w->nbits = 0;
    memset(w->rx, 0, sizeof w->rx);
}

static void on_latch(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    ws_t *w = ctx;
    w->latch = 0;
    if (!w->high && w->nbits) do_latch(w);
}

static void pin_event(bd_part_t *p, int role, const bd_pin_event_t *ev) {
    ws_t *w = (ws_t *)p;
    if (ev->kind != BD_PEV_EDGE) return;
    if (ev->level) {
        w->high = true;
        w->rise = ev->time;
        bd_part_cancel(p, &w->latch);
        return;
    }
    if (!w->high) return;
    w->high = false;
    int bit = ev->time - w->rise >= w->threshold;
    size_t cap = (size_t)w->count * (size_t)w->bpp * 8;
    if (w->nbits < cap) {
        if (bit) w->rx[w->nbits / 8] |= (uint8_t)(0x80u >> (w->nbits % 8));
        w->nbits++;
    } else {
        w->overflow++;
    }
    bd_part_cancel(p, &w->latch);
    bd_sched_at(bd_part_sched(p), ev->time + w->reset, on_latch, w, 0, &w->latch);
}

static const char *colors_text(ws_t *w) {
    char *t = w->text, *o = t;
    for (int k = 0; k < w->count; k++) {
        const uint8_t *px = &w->shown[k * w->bpp];
        o += sprintf(o, k ? " %02x%02x%02x" : "%02x%02x%02x", px[1], px[0], px[2]);
        if (w->bpp == 4) o += sprintf(o, "%02x", px[3]);
    }
    *o = 0;
    return t;
}

static void get(const bd_part_t *p, int attr, bd_attr_val_t *v) {
    ws_t *w = (ws_t *)p;
    switch (attr) {
    case A_COUNT: v->num = w->count; break;
    case A_BPP: v->num = w->bpp; break;
    case A_THRESHOLD: v->num = (double)w->threshold; break;
    case A_RESET: v->num = (double)w->reset; break;
    case A_COLORS: v->text = colors_text(w); break;
    case A_FRAMES: v->num = (double)w->frames; break;
    case A_BITS: v->num = (double)w->nbits; break;
    case A_OVERFLOW: v->num = (double)w->overflow; break;
    }
}

static bd_status_t set(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen) {
    ws_t *w = (ws_t *)p;
    switch (attr) {
    case A_COUNT: w->count = (int)v->num; break;
    case A_BPP: w->bpp = (int)v->num; break;
    case A_THRESHOLD:
    case A_RESET:
        if (v->num < 1) {
            if (err) snprintf(err, errlen, "%s.%s must be > 0", p->name, attrs[attr].name);
            return BD_ERR_INVAL;
        }
        if (attr == A_THRESHOLD) w->threshold = (bd_time_t)v->num;
        else w->reset = (bd_time_t)v->num;
        break;
    }
    return BD_OK;
}

static void reset(bd_part_t *p) {
    ws_t *w = (ws_t *)p;
    bd_part_cancel(p, &w->latch);
    memset(w->shown, 0, sizeof w->shown);
    memset(w->rx, 0, sizeof w->rx);
    w->nbits = 0;
    w->frames = w->overflow = 0;
    w->high = bd_part_level(p, 0, 0);
    w->rise = bd_part_now(p);
}

static void update(bd_part_t *p) {
    ws_t *w = (ws_t *)p;
    w->high = bd_part_level(p, 0, 0);
}

static void fini(bd_part_t *p) { bd_part_cancel(p, &((ws_t *)p)->latch); }

const bd_part_type_t bd_part_ws2812_type = {
    .kind = "ws2812",
    .alias = "neopixel",
    .prefix = "strip",
    .help = "a WS2812 (NeoPixel) LED strip on its data pin",
    .roles = roles,
    .nroles = 1,
    .npositional = 1,
    .attrs = attrs,
    .nattrs = sizeof attrs / sizeof attrs[0],
    .size = sizeof(ws_t),
    .init = init,
    .set = set,
    .get = get,
    .pin_event = pin_event,
    .update = update,
    .reset = reset,
    .fini = fini,
};
