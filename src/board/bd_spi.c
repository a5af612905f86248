/* bd_spi.c: SPI words, their bus time, and the line edges.
 *
 * Invariant: dev->selected mirrors its CS pad (low = selected) after every
 * edge the listener has seen; a device with cs_pad -1 is always selected.
 */
#include <string.h>

#include "board/bd_spi.h"

void bd_spi_init(bd_spi_t *bus, bd_board_t *b, const char *name) {
    memset(bus, 0, sizeof *bus);
    bus->board = b;
    bus->name = name ? name : "spi";
    bus->sck_pad = bus->mosi_pad = bus->miso_pad = bus->miso_drv = -1;
    bd_spi_configure(bus, 1000000, 0, 8, false);
}

bd_status_t bd_spi_configure(bd_spi_t *bus, uint32_t baud, unsigned mode, unsigned bits, bool lsb_first) {
    if (!baud || mode > 3 || bits < 1 || bits > 16) return BD_ERR_INVAL;
    bus->baud = baud;
    bus->mode = (uint8_t)mode;
    bus->bits = (uint8_t)bits;
    bus->lsb_first = lsb_first;
    bus->rem = 0;
    if (bus->sck_pad >= 0) bd_pin_set_periph(bd_board_pin(bus->board, bus->sck_pad), mode >> 1);
    return BD_OK;
}

uint32_t bd_spi_rp2_baud(uint64_t clk, uint32_t baud) {
    if (!baud) return 0;
    uint64_t pre, post;
    for (pre = 2; pre <= 254; pre += 2)
        if (clk < (pre + 2) * 256 * (uint64_t)baud) break;
    if (pre > 254) pre = 254;
    for (post = 256; post > 1; --post)
        if (clk / (pre * (post - 1)) > baud) break;
    return (uint32_t)(clk / (pre * post));
}

static void set_line(bd_spi_t *bus, int pad, int v) {
    if (pad >= 0) bd_pin_set_periph(bd_board_pin(bus->board, pad), v);
}

bd_status_t bd_spi_attach_pins(bd_spi_t *bus, int sck, int mosi, int miso) {
    int n = bus->board->npins;
    if (sck >= n || mosi >= n || miso >= n) return BD_ERR_INVAL;
    /* attaching the same pads again (after a board reset) sets their modes
     * again but keeps the MISO driver the first attach added */
    bool again = bus->miso_drv >= 0 && bus->miso_pad == miso;
    bus->sck_pad = sck, bus->mosi_pad = mosi, bus->miso_pad = miso;
    if (sck >= 0) {
        set_line(bus, sck, bus->mode >> 1);
        bd_pin_set_mode(bd_board_pin(bus->board, sck), BD_MODE_ALT);
    }
    if (mosi >= 0) {
        set_line(bus, mosi, 0);
        bd_pin_set_mode(bd_board_pin(bus->board, mosi), BD_MODE_ALT);
    }
    if (miso >= 0) {
        bd_pin_t *p = bd_board_pin(bus->board, miso);
        bd_pin_set_periph(p, -1);
        bd_pin_set_mode(p, BD_MODE_ALT);
        if (again) return BD_OK;
        return bd_pin_driver_add(p, "spi-device", &bus->miso_drv);
    }
    return BD_OK;
}

static void on_cs(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) {
    bd_spi_dev_t *d = ctx;
    bool sel = ev->level == 0;
    if (sel == d->selected) return;
    d->selected = sel;
    if (d->select) d->select(d->ctx, sel);
}

bd_status_t bd_spi_add_device(bd_spi_t *bus, bd_spi_dev_t *dev) {
    if (!dev || dev->cs_pad >= bus->board->npins) return BD_ERR_INVAL;
    if (bus->ndev >= BD_SPI_MAX_DEVS) return BD_ERR_BUSY;
    dev->lis = -1;
    if (dev->cs_pad >= 0) {
        bd_pin_t *p = bd_board_pin(bus->board, dev->cs_pad);
        bd_status_t st = bd_pin_listen(p, BD_PEV_EDGE, on_cs, dev, &dev->lis);
        if (st != BD_OK) return st;
        dev->selected = bd_pin_level(p) == 0;
    } else {
        dev->selected = true;
    }
    bus->dev[bus->ndev++] = dev;
    return BD_OK;
}

void bd_spi_remove_device(bd_spi_t *bus, bd_spi_dev_t *dev) {
    for (int i = 0; i < bus->ndev; i++)
        if (bus->dev[i] == dev) {
            if (dev->lis >= 0) bd_pin_unlisten(bd_board_pin(bus->board, dev->cs_pad), dev->lis);
            dev->lis = -1;
            bus->dev[i] = bus->dev[--bus->ndev];
            return;
        }
}

void bd_spi_free(bd_spi_t *bus) {
    while (bus->ndev) bd_spi_remove_device(bus, bus->dev[0]);
}

/* Spend half a bit time. */
static void half_bit(bd_spi_t *bus) {
    bd_sched_t *s = &bus->board->sched;
    uint64_t units = bus->rem + 1000000000ull, den = 2ull * bus->baud;
    bus->rem = units % den;
    if (!s->running) bd_sched_advance(s, units / den);
}

static uint16_t word(bd_spi_t *bus, uint16_t mosi) {
    uint16_t mask = (uint16_t)((1u << bus->bits) - 1), miso = mask, any = 0;
    mosi &= mask;
    for (int i = 0; i < bus->ndev; i++) {
        bd_spi_dev_t *d = bus->dev[i];
        if (!d->selected) continue;
        uint16_t r = d->xfer ? d->xfer(d->ctx, mosi) : mask;
        miso &= r;
        any = 1;
    }
    bool pins = bus->sck_pad >= 0 || bus->mosi_pad >= 0 || bus->miso_pad >= 0;
    if (!pins) { /* no lines to draw: spend the word's time in one go */
        bd_sched_t *s = &bus->board->sched;
        uint64_t units = bus->rem + (uint64_t)bus->bits * 2 * 1000000000ull, den = 2ull * bus->baud;
        bus->rem = units % den;
        if (!s->running) bd_sched_advance(s, units / den);
    } else {
        int cpol = bus->mode >> 1, cpha = bus->mode & 1;
        uint16_t in = 0;
        for (unsigned k = 0; k < bus->bits; k++) {
            unsigned b = bus->lsb_first ? k : bus->bits - 1u - k;
            int mo = (mosi >> b) & 1, mi = (miso >> b) & 1;
            if (cpha) set_line(bus, bus->sck_pad, !cpol); /* leading edge shifts out */
            set_line(bus, bus->mosi_pad, mo);
            if (any && bus->miso_pad >= 0 && bus->miso_drv >= 0)
                bd_pin_drive(bd_board_pin(bus->board, bus->miso_pad), bus->miso_drv, mi ? BD_DRIVE_HIGH : BD_DRIVE_LOW,
                             BD_STRONG);
            half_bit(bus);
            set_line(bus, bus->sck_pad, cpha ? cpol : !cpol); /* sampling edge */
            if (bus->miso_pad >= 0) in |= (uint16_t)(bd_pin_level(bd_board_pin(bus->board, bus->miso_pad)) << b);
            half_bit(bus);
            if (!cpha) set_line(bus, bus->sck_pad, cpol);
        }
        if (bus->miso_pad >= 0) {
            if (bus->miso_drv >= 0) bd_pin_release(bd_board_pin(bus->board, bus->miso_pad), bus->miso_drv);
            miso = in;
        }
    }
    if (!any && bus->miso_pad < 0) miso = mask;
    bus->words++;
    return miso;
}

void bd_spi_transfer(bd_spi_t *bus, const uint8_t *in, uint8_t *out, size_t n, uint8_t fill) {
    for (size_t i = 0; i < n; i++) {
        uint16_t r = word(bus, in ? in[i] : fill);
        if (out) out[i] = (uint8_t)r;
    }
}
