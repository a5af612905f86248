/* bd_uart.c: UART frames as timed edges, peers as decoders of those frames.
 *
 * Invariants: a line is busy iff a frame is on it and exactly one event is
 * pending for it (the next level change or the frame's end); frame bit i
 * starts at fs_ns + (fs_rem + i * bit_num) / bit_den, and back-to-back
 * frames advance fs by exactly nbits bit times, so timing never drifts.
 * The RX FIFO is a ring: rxq[(rx_head + i) % rx_cap] for i < rx_len.
 * The pad decoder is busy iff its stop-bit event is pending; samples
 * 0..got-1 are taken (dec.lv) and dec.level is the line's level since the
 * last edge, which every sample due before the next edge will read.
 */
#include <stdlib.h>
#include <string.h>

#include "board/bd_uart.h"

__extension__ typedef unsigned __int128 u128;

static bd_sched_t *sched_of(const bd_uart_t *u) { return &u->board->sched; }

static bool cfg_ok(const bd_uart_cfg_t *c) {
    return c->baud > 0 && c->bits >= 5 && c->bits <= 9 && c->parity <= BD_PARITY_ODD && (c->stop == 1 || c->stop == 2);
}

static unsigned frame_bits(const bd_uart_cfg_t *c) { return 1u + c->bits + (c->parity ? 1u : 0u) + c->stop; }

static bd_status_t ring_alloc(uint16_t **q, size_t n) {
    uint16_t *p = malloc((n ? n : 1) * sizeof *p);
    if (!p) return BD_ERR_NOMEM;
    free(*q);
    *q = p;
    return BD_OK;
}

static void on_rx_pad(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev);

static void line_init(bd_uart_line_t *l, bd_uart_t *u, bool host) {
    memset(l, 0, sizeof *l);
    l->u = u;
    l->host = host;
}

bd_status_t bd_uart_init(bd_uart_t *u, bd_board_t *b, const char *name) {
    memset(u, 0, sizeof *u);
    u->board = b;
    u->name = name;
    u->cfg = (bd_uart_cfg_t){115200, 8, BD_PARITY_NONE, 1};
    u->bit_num = 1000000000ull;
    u->bit_den = 115200;
    u->tx_pad = u->rx_pad = u->rx_drv = u->rx_lis = -1;
    line_init(&u->tx, u, false);
    line_init(&u->inj, u, true);
    if (ring_alloc(&u->tx.q, 256) != BD_OK || ring_alloc(&u->inj.q, 256) != BD_OK || ring_alloc(&u->rxq, 256) != BD_OK) {
        bd_uart_free(u);
        return BD_ERR_NOMEM;
    }
    u->tx.cap = u->inj.cap = u->rx_cap = 256;
    return BD_OK;
}

void bd_uart_free(bd_uart_t *u) {
    if (u->board) {
        if (u->tx.ev) bd_sched_cancel(sched_of(u), u->tx.ev);
        if (u->inj.ev) bd_sched_cancel(sched_of(u), u->inj.ev);
        if (u->dec.ev) bd_sched_cancel(sched_of(u), u->dec.ev);
        if (u->rx_lis >= 0 && u->rx_pad >= 0) bd_pin_unlisten(bd_board_pin(u->board, u->rx_pad), u->rx_lis);
    }
    u->dec.ev = 0;
    u->dec.busy = false;
    u->rx_lis = -1;
    free(u->tx.q);
    free(u->inj.q);
    free(u->rxq);
    u->tx.q = u->inj.q = u->rxq = NULL;
    u->tx.ev = u->inj.ev = 0;
    u->tx.busy = u->inj.busy = false;
}

bd_status_t bd_uart_configure(bd_uart_t *u, const bd_uart_cfg_t *cfg) {
    if (!cfg || !cfg_ok(cfg)) return BD_ERR_INVAL;
    u->cfg = *cfg;
    u->bit_num = 1000000000ull;
    u->bit_den = cfg->baud;
    return BD_OK;
}

bd_status_t bd_uart_set_bit_time(bd_uart_t *u, uint64_t num, uint64_t den) {
    if (!num || !den) return BD_ERR_INVAL;
    u->bit_num = num;
    u->bit_den = den;
    return BD_OK;
}

uint32_t bd_uart_rp2_baud(uint64_t clk_hz, uint32_t baud, uint64_t *num, uint64_t *den) {
    if (!baud) return 0;
    uint64_t div = 8 * clk_hz / baud, ibrd = div >> 7, fbrd;
    if (ibrd == 0) {
        ibrd = 1, fbrd = 0;
    } else if (ibrd >= 65535) {
        ibrd = 65535, fbrd = 0;
    } else {
        fbrd = ((div & 0x7f) + 1) / 2;
    }
    uint64_t d = 64 * ibrd + fbrd; /* bit = 16 * d / 64 clock cycles = d / (4 clk) s */
    if (num) *num = d * 1000000000ull;
    if (den) *den = 4 * clk_hz;
    return (uint32_t)(4 * clk_hz / d);
}

bd_status_t bd_uart_set_buffers(bd_uart_t *u, size_t tx_size, size_t rx_size) {
    if (tx_size) {
        if (u->tx.busy) return BD_ERR_BUSY;
        if (ring_alloc(&u->tx.q, tx_size) != BD_OK) return BD_ERR_NOMEM;
        u->tx.cap = tx_size, u->tx.head = u->tx.len = 0;
    }
    if (rx_size) {
        if (ring_alloc(&u->rxq, rx_size) != BD_OK) return BD_ERR_NOMEM;
        u->rx_cap = rx_size, u->rx_head = u->rx_len = 0;
    }
    return BD_OK;
}

bd_status_t bd_uart_attach_pins(bd_uart_t *u, int tx_pad, int rx_pad) {
    if (tx_pad >= u->board->npins || rx_pad >= u->board->npins) return BD_ERR_INVAL;
    bd_uart_detach_pins(u);
    if (tx_pad >= 0) {
        bd_pin_t *p = bd_board_pin(u->board, tx_pad);
        bd_pin_set_periph(p, u->tx.busy ? (u->tx.frame >> u->tx.bit) & 1 : 1);
        bd_pin_set_mode(p, BD_MODE_ALT);
        u->tx_pad = tx_pad;
    }
    if (rx_pad >= 0) {
        bd_pin_t *p = bd_board_pin(u->board, rx_pad);
        u->rx_pad = rx_pad;
        bd_status_t st = bd_pin_driver_add(p, u->name, &u->rx_drv);
        /* listening before the mode changes: a peer that starts sending as
         * soon as it sees the pad become a UART input is heard from its
         * first edge */
        u->dec.level = (uint8_t)bd_pin_level(p);
        if (st == BD_OK) st = bd_pin_listen(p, BD_PEV_EDGE, on_rx_pad, u, &u->rx_lis);
        if (st != BD_OK) return st;
        bd_pin_set_periph(p, -1);
        bd_pin_set_mode(p, BD_MODE_ALT);
    }
    return BD_OK;
}

void bd_uart_detach_pins(bd_uart_t *u) {
    if (u->tx_pad >= 0) {
        bd_pin_t *p = bd_board_pin(u->board, u->tx_pad);
        bd_pin_set_periph(p, -1);
        bd_pin_set_mode(p, BD_MODE_INPUT);
    }
    if (u->rx_pad >= 0) {
        bd_pin_t *p = bd_board_pin(u->board, u->rx_pad);
        if (u->rx_drv >= 0) bd_pin_release(p, u->rx_drv);
        if (u->rx_lis >= 0) bd_pin_unlisten(p, u->rx_lis);
        bd_pin_set_mode(p, BD_MODE_INPUT);
    }
    if (u->dec.ev) bd_sched_cancel(sched_of(u), u->dec.ev);
    u->dec.ev = 0;
    u->dec.busy = false; /* a frame cut off by detaching is lost */
    u->tx_pad = u->rx_pad = u->rx_drv = u->rx_lis = -1;
}

bd_status_t bd_uart_connect(bd_uart_t *from, bd_uart_t *to) {
    for (int i = 0; i < from->npeers; i++)
        if (from->peer[i] == to) return BD_OK;
    if (from->npeers >= BD_UART_MAX_PEERS) return BD_ERR_BUSY;
    from->peer[from->npeers++] = to;
    return BD_OK;
}

void bd_uart_disconnect(bd_uart_t *from, bd_uart_t *to) {
    for (int i = 0; i < from->npeers; i++)
        if (from->peer[i] == to) {
            from->peer[i] = from->peer[--from->npeers];
            return;
        }
}

void bd_uart_set_sink(bd_uart_t *u, bd_uart_sink_fn fn, void *ctx) {
    u->sink = fn;
    u->sink_ctx = ctx;
}

void bd_uart_set_rx_callback(bd_uart_t *u, bd_uart_rx_fn fn, void *ctx) {
    u->on_rx = fn;
    u->rx_ctx = ctx;
}

void bd_uart_set_tx_output(bd_uart_t *u, bd_uart_out_fn fn, void *ctx) {
    u->tx_out = fn;
    u->tx_out_ctx = ctx;
    if (fn) fn(ctx, u, u->tx.busy ? (u->tx.frame >> u->tx.bit) & 1 : !u->brk);
}

/* ---- receive ---------------------------------------------------------- */

static unsigned parity_of(unsigned v, unsigned bits, unsigned kind) {
    unsigned ones = 0;
    for (unsigned i = 0; i < bits; i++) ones += (v >> i) & 1;
    return kind == BD_PARITY_EVEN ? ones & 1 : !(ones & 1);
}

/* A frame's samples (bit j = the line at the centre of bit j; start, data,
 * parity, first stop) decoded at framing c and stored. */
static void store(bd_uart_t *rx, const bd_uart_cfg_t *c, unsigned lv) {
    unsigned v = (lv >> 1) & ((1u << c->bits) - 1);
    if (!((lv >> (1u + c->bits + (c->parity ? 1u : 0u))) & 1)) rx->framing_errors++; /* the first stop bit */
    if (c->parity && ((lv >> (1u + c->bits)) & 1) != parity_of(v, c->bits, c->parity)) rx->parity_errors++;
    if (lv == 0) rx->breaks++; /* low at every sample, the stop bit too */
    rx->rx_bytes++;
    if (rx->rx_len == rx->rx_cap) {
        rx->overruns++;
    } else {
        rx->rxq[(rx->rx_head + rx->rx_len) % rx->rx_cap] = (uint16_t)v;
        rx->rx_len++;
    }
    if (rx->on_rx) rx->on_rx(rx->rx_ctx, rx);
}

/* The receiver samples the sender's frame at the centres of its own bits. */
static void receive(bd_uart_t *rx, const bd_uart_line_t *l) {
    unsigned nb = 1u + rx->cfg.bits + (rx->cfg.parity ? 1u : 0u) + 1u, lv = 0;
    for (unsigned j = 0; j < nb; j++) {
        u128 idx = ((u128)(2 * j + 1) * rx->bit_num * l->bit_den) / ((u128)2 * rx->bit_den * l->bit_num);
        if (idx >= l->nbits || ((l->frame >> (unsigned)idx) & 1)) lv |= 1u << j;
    }
    store(rx, &rx->cfg, lv);
}

/* ---- receive from the pad --------------------------------------------- */

static bd_time_t sample_time(const bd_uart_dec_t *d, unsigned j) {
    return d->start + (bd_time_t)(((u128)(2 * j + 1) * d->bit_num) / ((u128)2 * d->bit_den));
}

/* Samples due before t (or at t too, with `at`) read the present level. */
static void take_samples(bd_uart_dec_t *d, bd_time_t t, bool at) {
    while (d->got < d->nsamp) {
        bd_time_t st = sample_time(d, d->got);
        if (st > t || (st == t && !at)) break;
        if (d->level) d->lv |= (uint16_t)(1u << d->got);
        d->got++;
    }
}

static void on_stop_centre(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    bd_uart_t *u = ctx;
    bd_uart_dec_t *d = &u->dec;
    d->ev = 0;
    take_samples(d, now, true);
    d->busy = false;
    if (!(d->lv & 1)) store(u, &d->cfg, d->lv); /* else: the start bit was a glitch */
}

static void dec_start(bd_uart_t *u, bd_time_t now) {
    bd_uart_dec_t *d = &u->dec;
    d->cfg = u->cfg;
    d->bit_num = u->bit_num;
    d->bit_den = u->bit_den;
    d->nsamp = (uint8_t)(1u + d->cfg.bits + (d->cfg.parity ? 1u : 0u) + 1u);
    d->got = 0;
    d->lv = 0;
    d->start = now;
    d->busy = bd_sched_at(sched_of(u), sample_time(d, d->nsamp - 1u), on_stop_centre, u, 0, &d->ev) == BD_OK;
    if (!d->busy) d->ev = 0; /* out of memory: this frame is lost */
}

void bd_uart_rx_line(bd_uart_t *u, int level) {
    bd_uart_dec_t *d = &u->dec;
    bd_time_t now = bd_sched_now(sched_of(u));
    level = level != 0;
    if (level == d->level) return;
    if (d->busy) {
        take_samples(d, now, false);
        if (d->got && (d->lv & 1)) {
            /* high at the start bit's centre: noise; hunt for a start again */
            bd_sched_cancel(sched_of(u), d->ev);
            d->ev = 0;
            d->busy = false;
        }
    }
    d->level = (uint8_t)level;
    if (!d->busy && !level) dec_start(u, now);
}

void bd_uart_rx_reset(bd_uart_t *u, int level) {
    if (u->dec.ev) bd_sched_cancel(sched_of(u), u->dec.ev);
    u->dec.ev = 0;
    u->dec.busy = false;
    u->dec.level = (uint8_t)(level != 0);
}

static void on_rx_pad(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) {
    bd_uart_t *u = ctx;
    if (ev->kind != BD_PEV_EDGE) return;
    if (u->inj.busy) {
        /* the injector's own frames arrive by the frame path */
        u->dec.level = (uint8_t)ev->level;
        return;
    }
    bd_uart_rx_line(u, ev->level);
}

/* ---- transmit --------------------------------------------------------- */

static void line_out(bd_uart_line_t *l, int level) {
    bd_uart_t *u = l->u;
    if (l->host) {
        if (u->rx_pad >= 0 && u->rx_drv >= 0)
            bd_pin_drive(bd_board_pin(u->board, u->rx_pad), u->rx_drv, level ? BD_DRIVE_HIGH : BD_DRIVE_LOW, BD_STRONG);
    } else if (u->tx_out) {
        u->tx_out(u->tx_out_ctx, u, level);
    } else if (u->tx_pad >= 0) {
        bd_pin_set_periph(bd_board_pin(u->board, u->tx_pad), level);
    }
}

static bd_time_t bit_time(const bd_uart_line_t *l, unsigned i) {
    return l->fs_ns + (bd_time_t)(((u128)l->fs_rem + (u128)i * l->bit_num) / l->bit_den);
}

static void on_bit(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now);

/* From bit l->bit (already on the line), schedule the next change or the end. */
static void schedule_change(bd_uart_line_t *l) {
    unsigned cur = (l->frame >> l->bit) & 1, j = l->bit + 1u;
    while (j < l->nbits && ((l->frame >> j) & 1) == cur) j++;
    if (bd_sched_at(sched_of(l->u), bit_time(l, j), on_bit, l, j, &l->ev) != BD_OK) {
        l->ev = 0; /* out of memory: the line stalls; nothing better to do */
        l->busy = false;
    }
}

static void start_frame(bd_uart_line_t *l, bool contiguous) {
    bd_uart_t *u = l->u;
    if (!l->len) {
        if (l->busy && l->host && u->rx_pad >= 0 && u->rx_drv >= 0)
            bd_pin_release(bd_board_pin(u->board, u->rx_pad), u->rx_drv);
        l->busy = false;
        return;
    }
    uint16_t v = l->q[l->head];
    l->head = (l->head + 1) % l->cap;
    l->len--;
    const bd_uart_cfg_t *c = &u->cfg;
    v &= (uint16_t)((1u << c->bits) - 1);
    uint32_t f = (uint32_t)v << 1; /* start bit 0 */
    unsigned n = 1u + c->bits;
    if (c->parity) f |= (uint32_t)parity_of(v, c->bits, c->parity) << n++;
    for (unsigned i = 0; i < c->stop; i++) f |= 1u << n++;
    if (!contiguous) {
        l->fs_ns = bd_sched_now(sched_of(u));
        l->fs_rem = 0;
    }
    l->frame = (uint16_t)f;
    l->nbits = (uint8_t)n;
    l->bit = 0;
    l->fcfg = *c;
    l->bit_num = u->bit_num;
    l->bit_den = u->bit_den;
    l->busy = true;
    line_out(l, 0);
    schedule_change(l);
}

static void on_bit(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    bd_uart_line_t *l = ctx;
    bd_uart_t *u = l->u;
    l->ev = 0;
    unsigned j = (unsigned)arg;
    if (j < l->nbits) {
        l->bit = (uint8_t)j;
        line_out(l, (l->frame >> j) & 1);
        schedule_change(l);
        return;
    }
    /* frame end: deliver, then the next frame starts exactly here */
    if (l->host) {
        receive(u, l);
    } else {
        u->tx_bytes++;
        uint16_t data = (uint16_t)((l->frame >> 1) & ((1u << l->fcfg.bits) - 1));
        for (int i = 0; i < u->npeers; i++) receive(u->peer[i], l);
        if (u->sink) u->sink(u->sink_ctx, u, data, now);
    }
    u128 end = (u128)l->fs_rem + (u128)l->nbits * l->bit_num;
    l->fs_ns += (bd_time_t)(end / l->bit_den);
    l->fs_rem = (uint64_t)(end % l->bit_den);
    /* a change of bit time between frames restarts the fraction */
    if (l->bit_den != u->bit_den) l->fs_rem = 0;
    start_frame(l, true);
}

static size_t enqueue(bd_uart_line_t *l, const uint8_t *data, size_t n) {
    size_t k = 0;
    while (k < n && l->len < l->cap) {
        l->q[(l->head + l->len) % l->cap] = data[k++];
        l->len++;
    }
    if (k && !l->busy) start_frame(l, false);
    return k;
}

size_t bd_uart_write(bd_uart_t *u, const uint8_t *data, size_t n) { return enqueue(&u->tx, data, n); }

bd_status_t bd_uart_set_break(bd_uart_t *u, bool on) {
    if (on && bd_uart_tx_pending(u)) return BD_ERR_BUSY;
    if (u->brk == on) return BD_OK;
    u->brk = on;
    line_out(&u->tx, !on);
    return BD_OK;
}

size_t bd_uart_inject(bd_uart_t *u, const uint8_t *data, size_t n) {
    if (u->rx_pad >= 0 && u->rx_drv >= 0 && !u->inj.busy)
        bd_pin_drive(bd_board_pin(u->board, u->rx_pad), u->rx_drv, BD_DRIVE_HIGH, BD_STRONG);
    return enqueue(&u->inj, data, n);
}

size_t bd_uart_tx_space(const bd_uart_t *u) { return u->tx.cap - u->tx.len; }

size_t bd_uart_tx_pending(const bd_uart_t *u) { return u->tx.len + (u->tx.busy ? 1 : 0); }

bd_time_t bd_uart_frame_ns(const bd_uart_t *u) {
    u128 t = (u128)frame_bits(&u->cfg) * u->bit_num;
    return (bd_time_t)((t + u->bit_den - 1) / u->bit_den);
}

bd_time_t bd_uart_tx_done_time(const bd_uart_t *u) {
    const bd_uart_line_t *l = &u->tx;
    if (!l->busy) return bd_sched_now(sched_of(u));
    u128 q = (u128)l->len * frame_bits(&u->cfg) * u->bit_num;
    return bit_time(l, l->nbits) + (bd_time_t)((q + u->bit_den - 1) / u->bit_den);
}

size_t bd_uart_rx_count(const bd_uart_t *u) { return u->rx_len; }

int bd_uart_read_byte(bd_uart_t *u) {
    if (!u->rx_len) return -1;
    int v = u->rxq[u->rx_head];
    u->rx_head = (u->rx_head + 1) % u->rx_cap;
    u->rx_len--;
    return v;
}

size_t bd_uart_read(bd_uart_t *u, uint8_t *out, size_t n) {
    size_t k = 0;
    while (k < n && u->rx_len) out[k++] = (uint8_t)bd_uart_read_byte(u);
    return k;
}

void bd_uart_rx_clear(bd_uart_t *u) { u->rx_head = u->rx_len = 0; }
