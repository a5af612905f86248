/* bd_i2c.c: I2C transactions, their bus time, and optional line edges;
 * the board's buses by pads (bd_i2c_net: one list per board).
 *
 * Invariants: cur != NULL only while active; a device sees start() once per
 * addressing and stop() once when that transfer ends (STOP or restart).
 * Time moves only through spend(), which carries the sub-ns fraction so a
 * 400 kHz bus (2500 ns a bit) or 1 MHz... any rate sums exactly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/bd_i2c.h"

void bd_i2c_init(bd_i2c_t *bus, bd_board_t *b, const char *name, uint32_t freq) {
    memset(bus, 0, sizeof *bus);
    bus->board = b;
    bus->name = name ? name : "i2c";
    bus->scl_pad = bus->sda_pad = bus->sda_drv = -1;
    bus->pullup_drv[0] = bus->pullup_drv[1] = -1;
    bus->m_sda = bus->m_out = 1;
    bus->d_sda = bus->d_out = -1;
    bd_i2c_set_freq(bus, freq ? freq : 400000);
}

bd_status_t bd_i2c_set_freq(bd_i2c_t *bus, uint32_t freq) {
    if (!freq) return BD_ERR_INVAL;
    bus->freq = freq;
    bus->bit_num = 1000000000ull;
    bus->bit_den = freq;
    bus->rem = 0;
    return BD_OK;
}

static void end_transfer(bd_i2c_t *bus);

bd_status_t bd_i2c_attach_pins(bd_i2c_t *bus, int scl_pad, int sda_pad) {
    if (scl_pad < 0 || sda_pad < 0 || scl_pad >= bus->board->npins || sda_pad >= bus->board->npins ||
        scl_pad == sda_pad)
        return BD_ERR_INVAL;
    bool again = bus->scl_pad >= 0;
    if (again && (bus->scl_pad != scl_pad || bus->sda_pad != sda_pad)) return BD_ERR_BUSY;
    bus->scl_pad = scl_pad;
    bus->sda_pad = sda_pad;
    /* a new master (or a board reset) finds the lines released and idle */
    end_transfer(bus);
    bus->active = false;
    bus->m_sda = bus->m_out = 1;
    bus->d_sda = bus->d_out = -1;
    if (bus->sda_drv >= 0)
        bd_pin_drive(bd_board_pin(bus->board, sda_pad), bus->sda_drv, BD_DRIVE_RELEASE, BD_STRONG);
    for (int i = 0; i < 2; i++) {
        bd_pin_t *p = bd_board_pin(bus->board, i ? sda_pad : scl_pad);
        if (!again) {
            bd_status_t st = bd_pin_driver_add(p, "i2c-pullup", &bus->pullup_drv[i]);
            if (st != BD_OK) return st;
            bd_pin_drive(p, bus->pullup_drv[i], BD_DRIVE_HIGH, BD_WEAK);
        }
        bd_pin_set_periph(p, 1); /* released */
        bd_pin_set_mode(p, BD_MODE_ALT_OPEN_DRAIN);
    }
    if (again) return BD_OK;
    return bd_pin_driver_add(bd_board_pin(bus->board, sda_pad), "i2c-device", &bus->sda_drv);
}

void bd_i2c_set_trace(bd_i2c_t *bus, bd_trace_t *t) { bus->trace = t; }

bd_status_t bd_i2c_add_device(bd_i2c_t *bus, bd_i2c_dev_t *dev) {
    if (!dev || dev->addr > 0x7f) return BD_ERR_INVAL;
    if (bus->ndev >= BD_I2C_MAX_DEVS) return BD_ERR_BUSY;
    for (int i = 0; i < bus->ndev; i++)
        if (bus->dev[i]->addr == dev->addr) return BD_ERR_BUSY;
    bus->dev[bus->ndev++] = dev;
    return BD_OK;
}

void bd_i2c_remove_device(bd_i2c_t *bus, bd_i2c_dev_t *dev) {
    for (int i = 0; i < bus->ndev; i++)
        if (bus->dev[i] == dev) {
            if (bus->cur == dev) bus->cur = NULL;
            bus->dev[i] = bus->dev[--bus->ndev];
            return;
        }
}

/* ---- buses by pads ---------------------------------------------------- */

struct bd_i2c_net {
    bd_i2c_t bus;
    int scl, sda;
    char name[16];
    struct bd_i2c_net *next;
};

bd_status_t bd_i2c_net(bd_board_t *b, int scl_pad, int sda_pad, const char *name, bd_i2c_t **out) {
    *out = NULL;
    if (scl_pad < 0 || sda_pad < 0 || scl_pad >= b->npins || sda_pad >= b->npins) return BD_ERR_INVAL;
    struct bd_i2c_net *n = b->i2c_nets;
    while (n && !(n->scl == scl_pad && n->sda == sda_pad)) n = n->next;
    if (!n) {
        n = calloc(1, sizeof *n);
        if (!n) return BD_ERR_NOMEM;
        n->scl = scl_pad;
        n->sda = sda_pad;
        snprintf(n->name, sizeof n->name, "i2c");
        bd_i2c_init(&n->bus, b, n->name, 400000);
        n->next = b->i2c_nets;
        b->i2c_nets = n;
    }
    if (name && n->bus.scl_pad < 0) snprintf(n->name, sizeof n->name, "%s", name);
    *out = &n->bus;
    return BD_OK;
}

void bd_i2c_nets_free(bd_board_t *b) {
    while (b->i2c_nets) {
        struct bd_i2c_net *n = b->i2c_nets;
        b->i2c_nets = n->next;
        free(n);
    }
}

/* ---- time and lines --------------------------------------------------- */

/* SDA has two drivers, the master and the device, which hand the line
 * over at the same instants (a device pulls for ACK as the master
 * releases).  Their wishes are collected and put on the pad only when time
 * moves or SCL changes, pulls first and releases after, so a hand-over
 * makes no zero-width pulse on SDA (the VCD and the trace would show one;
 * a real line has none worth the name). */
static void flush_sda(bd_i2c_t *bus) {
    if (bus->sda_pad < 0) return;
    bd_pin_t *p = bd_board_pin(bus->board, bus->sda_pad);
    for (int low = 1; low >= 0; low--) {
        if (bus->m_sda != bus->m_out && (bus->m_sda == 0) == low) {
            bus->m_out = bus->m_sda;
            bd_pin_set_periph(p, bus->m_sda);
        }
        if (bus->d_sda != bus->d_out && (bus->d_sda == 0) == low && bus->sda_drv >= 0) {
            bus->d_out = bus->d_sda;
            bd_pin_drive(p, bus->sda_drv, bus->d_sda == 0 ? BD_DRIVE_LOW : BD_DRIVE_RELEASE, BD_STRONG);
        }
    }
}

/* Spend `halves` half-bit times. */
static void spend(bd_i2c_t *bus, unsigned halves) {
    flush_sda(bus);
    bd_sched_t *s = &bus->board->sched;
    uint64_t units = bus->rem + (uint64_t)halves * bus->bit_num;
    uint64_t den = 2 * bus->bit_den;
    bus->rem = units % den;
    if (!s->running) bd_sched_advance(s, units / den);
}

/* SDA settles before SCL moves: START and STOP are SDA edges while SCL is
 * high, and data never changes with SCL high. */
static void scl(bd_i2c_t *bus, int v) {
    flush_sda(bus);
    if (bus->scl_pad >= 0) bd_pin_set_periph(bd_board_pin(bus->board, bus->scl_pad), v);
}

static void sda(bd_i2c_t *bus, int v) { bus->m_sda = (int8_t)(v ? 1 : 0); }

/* A device on SDA: open drain like the master, so 0 pulls low and 1 (or -1)
 * releases the line to the pull-ups. */
static void dev_sda(bd_i2c_t *bus, int v) { bus->d_sda = (int8_t)(v == 0 ? 0 : -1); }

/* One clock: data already on SDA, SCL high for half a bit, low again. */
static void clock_bit(bd_i2c_t *bus) {
    spend(bus, 1);
    scl(bus, 1);
    spend(bus, 1);
    scl(bus, 0);
}

/* Master sends 8 bits; the receiver's ACK (true) comes back in the 9th. */
static void send8(bd_i2c_t *bus, uint8_t v) {
    for (int i = 7; i >= 0; i--) {
        sda(bus, (v >> i) & 1);
        clock_bit(bus);
    }
    sda(bus, 1); /* release for the ACK */
}

static void trace(bd_i2c_t *bus, const char *fmt, unsigned a, const char *b) {
    if (!bus->trace) return;
    char text[64];
    snprintf(text, sizeof text, fmt, a, b);
    bd_trace_log(bus->trace, bd_sched_now(&bus->board->sched), bus->name, "%s", text);
}

static void end_transfer(bd_i2c_t *bus) {
    if (bus->cur && bus->cur->stop) bus->cur->stop(bus->cur->ctx);
    bus->cur = NULL;
}

/* ---- primitives ------------------------------------------------------- */

void bd_i2c_start(bd_i2c_t *bus) {
    bool restart = bus->active;
    end_transfer(bus);
    if (restart) { /* SCL is low: release SDA, raise SCL, then the START */
        sda(bus, 1);
        spend(bus, 1);
        scl(bus, 1);
    }
    spend(bus, 1);
    sda(bus, 0);
    spend(bus, 1);
    scl(bus, 0);
    bus->active = true;
    if (!restart) bus->transactions++;
    trace(bus, restart ? "restart" : "start", 0, "");
}

bool bd_i2c_address(bd_i2c_t *bus, uint8_t addr, bool read) {
    if (!bus->active) bd_i2c_start(bus);
    end_transfer(bus);
    send8(bus, (uint8_t)(addr << 1 | (read ? 1 : 0)));
    bd_i2c_dev_t *d = NULL;
    for (int i = 0; i < bus->ndev; i++)
        if (bus->dev[i]->addr == addr) d = bus->dev[i];
    bool ack = d && (!d->start || d->start(d->ctx, read));
    if (ack) {
        bus->cur = d;
        bus->reading = read;
        dev_sda(bus, 0);
    } else {
        bus->nacks++;
    }
    clock_bit(bus);
    dev_sda(bus, -1);
    trace(bus, "addr 0x%02x %s", addr, read ? (ack ? "r ack" : "r nack") : (ack ? "w ack" : "w nack"));
    return ack;
}

bool bd_i2c_write_byte(bd_i2c_t *bus, uint8_t byte) {
    send8(bus, byte);
    bd_i2c_dev_t *d = bus->reading ? NULL : bus->cur;
    bool ack = d && (!d->write || d->write(d->ctx, byte));
    if (ack) dev_sda(bus, 0);
    clock_bit(bus);
    dev_sda(bus, -1);
    trace(bus, "write 0x%02x %s", byte, ack ? "ack" : "nack");
    return ack;
}

uint8_t bd_i2c_read_byte(bd_i2c_t *bus, bool ack) {
    bd_i2c_dev_t *d = bus->reading ? bus->cur : NULL;
    uint8_t v = d && d->read ? d->read(d->ctx, ack) : 0xff;
    sda(bus, 1);
    for (int i = 7; i >= 0; i--) {
        dev_sda(bus, d ? (v >> i) & 1 : -1);
        clock_bit(bus);
    }
    dev_sda(bus, -1);
    sda(bus, ack ? 0 : 1);
    clock_bit(bus);
    sda(bus, 1);
    trace(bus, "read 0x%02x %s", v, ack ? "ack" : "nack");
    return v;
}

void bd_i2c_stop(bd_i2c_t *bus) {
    if (!bus->active) return;
    end_transfer(bus);
    sda(bus, 0);
    spend(bus, 1);
    scl(bus, 1);
    spend(bus, 1);
    sda(bus, 1);
    flush_sda(bus); /* the bus is idle: nothing else happens at this instant */
    bus->active = false;
    trace(bus, "stop", 0, "");
}

/* ---- transactions ----------------------------------------------------- */

bool bd_i2c_probe(bd_i2c_t *bus, uint8_t addr) {
    bd_i2c_start(bus);
    bool ack = bd_i2c_address(bus, addr, false);
    bd_i2c_stop(bus);
    return ack;
}

size_t bd_i2c_scan(bd_i2c_t *bus, uint8_t *found, size_t max) {
    size_t n = 0;
    for (unsigned a = 0x08; a <= 0x77; a++)
        if (bd_i2c_probe(bus, (uint8_t)a)) {
            if (n < max && found) found[n] = (uint8_t)a;
            n++;
        }
    return n;
}

static bd_status_t write_part(bd_i2c_t *bus, const uint8_t *buf, size_t n, size_t *acks) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!bd_i2c_write_byte(bus, buf[i])) break;
        k++;
    }
    if (acks) *acks = k;
    return BD_OK;
}

bd_status_t bd_i2c_writeto(bd_i2c_t *bus, uint8_t addr, const uint8_t *buf, size_t n, bool stop, size_t *acks) {
    if (acks) *acks = 0;
    bd_i2c_start(bus);
    if (!bd_i2c_address(bus, addr, false)) {
        bd_i2c_stop(bus);
        return BD_ERR_NOTFOUND;
    }
    size_t k = 0;
    write_part(bus, buf, n, &k);
    if (acks) *acks = k;
    if (stop || k < n) bd_i2c_stop(bus); /* a NACK ends the transaction */
    return BD_OK;
}

bd_status_t bd_i2c_readfrom(bd_i2c_t *bus, uint8_t addr, uint8_t *buf, size_t n, bool stop) {
    bd_i2c_start(bus);
    if (!bd_i2c_address(bus, addr, true)) {
        bd_i2c_stop(bus);
        return BD_ERR_NOTFOUND;
    }
    for (size_t i = 0; i < n; i++) buf[i] = bd_i2c_read_byte(bus, i + 1 < n);
    if (stop) bd_i2c_stop(bus);
    return BD_OK;
}

static size_t mem_bytes(uint32_t memaddr, unsigned addrsize, uint8_t out[4]) {
    size_t n = addrsize / 8;
    if (n > 4) n = 4;
    for (size_t i = 0; i < n; i++) out[i] = (uint8_t)(memaddr >> (8 * (n - 1 - i)));
    return n;
}

bd_status_t bd_i2c_writeto_mem(bd_i2c_t *bus, uint8_t addr, uint32_t memaddr, unsigned addrsize, const uint8_t *buf,
                               size_t n, size_t *acks) {
    if (acks) *acks = 0;
    uint8_t ma[4];
    size_t na = mem_bytes(memaddr, addrsize, ma), k = 0;
    bd_i2c_start(bus);
    if (!bd_i2c_address(bus, addr, false)) {
        bd_i2c_stop(bus);
        return BD_ERR_NOTFOUND;
    }
    write_part(bus, ma, na, &k);
    if (k == na) write_part(bus, buf, n, acks);
    bd_i2c_stop(bus);
    return BD_OK;
}

bd_status_t bd_i2c_readfrom_mem(bd_i2c_t *bus, uint8_t addr, uint32_t memaddr, unsigned addrsize, uint8_t *buf,
                                size_t n) {
    uint8_t ma[4];
    size_t na = mem_bytes(memaddr, addrsize, ma), k = 0;
    bd_i2c_start(bus);
    if (!bd_i2c_address(bus, addr, false)) {
        bd_i2c_stop(bus);
        return BD_ERR_NOTFOUND;
    }
    write_part(bus, ma, na, &k);
    if (k < na) { /* the device refused the address: read nothing */
        bd_i2c_stop(bus);
        memset(buf, 0xff, n);
        return BD_ERR_IO;
    }
    bd_i2c_start(bus);
    if (!bd_i2c_address(bus, addr, true)) {
        bd_i2c_stop(bus);
        return BD_ERR_NOTFOUND;
    }
    for (size_t i = 0; i < n; i++) buf[i] = bd_i2c_read_byte(bus, i + 1 < n);
    bd_i2c_stop(bus);
    return BD_OK;
}
