/* bd_i2c.h: an I2C bus at the transaction level, with devices as callbacks.
 *
 * The master side (the bindings of machine.I2C / SoftI2C) issues START,
 * address + R/W, data bytes and STOP; a repeated START is a START while a
 * transaction is open.  Devices (parts: a sensor, a display) register a
 * 7-bit address and handlers:
 *   start(ctx, read)  addressed: return true to ACK (false NACKs: busy);
 *   write(ctx, byte)  the master wrote a byte: return true to ACK;
 *   read(ctx, ack)    the master reads a byte: return it; `ack` says whether
 *                     the master will ACK it (false: this is the last one);
 *   stop(ctx)         the transfer ended (STOP, or a repeated START).
 * Any handler may be NULL (start NULL: always ACK; write NULL: ACK and
 * ignore; read NULL: 0xFF).  Handlers run synchronously inside the bus
 * calls: they must not call the bus or the VM.  A missing address, or a
 * byte sent to nobody, is a NACK (the released SDA reads high).
 *
 * The convenience calls follow MicroPython's extmod semantics: an address
 * NACK ends the transaction with a STOP and returns BD_ERR_NOTFOUND, which
 * the bindings raise as OSError(ENODEV) (SoftI2C, esp32) or EIO (rp2's
 * hardware I2C: the pico-sdk reports only a generic error); a data NACK
 * stops the write and is reported through the ACK count, not as an error.
 * scan probes 0x08..0x77 with an empty write, as the ports do.
 *
 * Time: one bit is 1e9 / freq ns (kept as a fraction); a byte costs 9 bits
 * (8 + ACK), START and STOP one bit each.  The bus spends that time with
 * bd_sched_advance, so events (PWM edges, timers) inside a transfer happen
 * at their times; called from inside a scheduler callback it cannot move the
 * clock, and the transfer is then instantaneous.  With pads attached
 * (bd_i2c_attach_pins) SCL and SDA are open-drain lines, so the VCD shows
 * the transfer: the master pulls them low or releases them, a device pulls
 * SDA low for ACK and for its 0 bits (a driver of its own), and the bus's
 * pull-up resistors take released lines high.  Those resistors are part of
 * the bus: attaching the pads adds a weak high driver "i2c-pullup" on each
 * (ASSUMPTION: MicroPython's machine.I2C docs require pull-up circuitry and
 * say it is usually on the board or the sensor breakouts, as on the Nano
 * RP2040 Connect's A4/A5; the model takes it to be always there).  Being
 * external resistors they win over the pad's own pull (an rp2 pad's reset
 * pull-down stays set and shows in the trace, but the lines idle high).
 * Bit timing: SDA changes in the middle of SCL low, SCL is high for half a
 * bit period, a bit lasts 1e9 / freq ns; START is SDA falling with SCL
 * high, STOP SDA rising with SCL high, half a bit after SCL.
 * With a trace, each step is logged:
 *     <t> i2c0 start | restart | stop
 *     <t> i2c0 addr 0x3c w ack | nack
 *     <t> i2c0 write 0x00 ack | read 0x12 nack
 * Not modelled: clock stretching, arbitration, 10-bit addresses, general call.
 *
 * Ownership: devices, the trace, the name and contexts are borrowed; remove
 * a device before freeing it.  No allocation.
 */
#ifndef BD_I2C_H
#define BD_I2C_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board/bd_board.h"
#include "board/bd_status.h"
#include "board/bd_trace.h"

#define BD_I2C_MAX_DEVS 16

typedef struct {
    uint8_t addr; /* 7-bit */
    void *ctx;
    bool (*start)(void *ctx, bool read);
    bool (*write)(void *ctx, uint8_t byte);
    uint8_t (*read)(void *ctx, bool ack);
    void (*stop)(void *ctx);
} bd_i2c_dev_t;

typedef struct {
    bd_board_t *board;
    const char *name;
    uint32_t freq;
    uint64_t bit_num, bit_den; /* bit = num/den ns */
    uint64_t rem;              /* fraction of a ns carried between spends */
    bd_i2c_dev_t *dev[BD_I2C_MAX_DEVS];
    int ndev;
    int scl_pad, sda_pad, sda_drv;
    int pullup_drv[2]; /* the bus's pull-ups on SCL, SDA (drivers of those pads) */
    /* SDA as the master (1 released, 0 low) and the device (-1 released, 0
     * low) want it, and as last put on the pad: applied when time moves */
    int8_t m_sda, d_sda, m_out, d_out;
    bd_trace_t *trace;
    bool active;        /* between START and STOP */
    bd_i2c_dev_t *cur;  /* the device addressed, or NULL */
    bool reading;
    uint64_t transactions, nacks;
} bd_i2c_t;

void bd_i2c_init(bd_i2c_t *bus, bd_board_t *b, const char *name, uint32_t freq);
bd_status_t bd_i2c_set_freq(bd_i2c_t *bus, uint32_t freq); /* BD_ERR_INVAL for 0 */
/* Puts the pads in open-drain alt mode, released, with the bus pull-ups.
 * Again on the same pads (a new master object, or after a board reset put
 * the pads back to their reset mode) it only sets the mode again.
 * BD_ERR_BUSY: already attached to other pads; BD_ERR_INVAL, BD_ERR_NOMEM. */
bd_status_t bd_i2c_attach_pins(bd_i2c_t *bus, int scl_pad, int sda_pad);
void bd_i2c_set_trace(bd_i2c_t *bus, bd_trace_t *t);

/* BD_ERR_BUSY: address taken or table full; BD_ERR_INVAL: address > 0x7f. */
bd_status_t bd_i2c_add_device(bd_i2c_t *bus, bd_i2c_dev_t *dev);
void bd_i2c_remove_device(bd_i2c_t *bus, bd_i2c_dev_t *dev);

/* Buses by pads.  A board's I2C bus belongs to the pads it runs on, not to
 * whoever asked first: the bindings (machine.I2C / SoftI2C) and the I2C
 * parts (bd_part_bmp280.c, bd_part_ssd1306.c) both ask bd_i2c_net for their
 * SCL/SDA pads and get the same bus, so a part wired to the pads of I2C(0)
 * answers I2C(0) whichever of the two was created first.  A bus made here
 * has no pads attached: attaching them (bd_i2c_attach_pins, which switches
 * the pads to open-drain) is the master's job, so a part alone changes no
 * pin.  `name` (may be NULL) is copied (15 bytes) until the pads are
 * attached.  The board owns its nets and frees them in bd_board_free:
 * remove the devices (free the parts) first.  Errors: BD_ERR_INVAL (bad
 * pad), BD_ERR_NOMEM. */
bd_status_t bd_i2c_net(bd_board_t *b, int scl_pad, int sda_pad, const char *name, bd_i2c_t **out);
void bd_i2c_nets_free(bd_board_t *b);

/* Primitives. */
void bd_i2c_start(bd_i2c_t *bus); /* repeated START when a transaction is open */
bool bd_i2c_address(bd_i2c_t *bus, uint8_t addr, bool read); /* true: ACK */
bool bd_i2c_write_byte(bd_i2c_t *bus, uint8_t byte);         /* true: ACK */
uint8_t bd_i2c_read_byte(bd_i2c_t *bus, bool ack);           /* master ACKs (more) or NACKs (last) */
void bd_i2c_stop(bd_i2c_t *bus);

/* Transactions.  *acks (may be NULL) gets the number of data bytes ACKed.
 * BD_ERR_NOTFOUND: address NACK (the STOP has been sent). */
bool bd_i2c_probe(bd_i2c_t *bus, uint8_t addr);
size_t bd_i2c_scan(bd_i2c_t *bus, uint8_t *found, size_t max); /* how many found */
bd_status_t bd_i2c_writeto(bd_i2c_t *bus, uint8_t addr, const uint8_t *buf, size_t n, bool stop, size_t *acks);
bd_status_t bd_i2c_readfrom(bd_i2c_t *bus, uint8_t addr, uint8_t *buf, size_t n, bool stop);
/* memaddr is sent MSB first in addrsize bits (8, 16, ... 32). */
bd_status_t bd_i2c_writeto_mem(bd_i2c_t *bus, uint8_t addr, uint32_t memaddr, unsigned addrsize, const uint8_t *buf,
                               size_t n, size_t *acks);
bd_status_t bd_i2c_readfrom_mem(bd_i2c_t *bus, uint8_t addr, uint32_t memaddr, unsigned addrsize, uint8_t *buf,
                                size_t n);

#endif
