/* bd_spi.h: an SPI master bus with devices selected by their CS pads.
 *
 * The master (the bindings of machine.SPI / SoftSPI) sets mode (CPOL, CPHA
 * as MicroPython's polarity/phase), baudrate, bits per word (1..16) and bit
 * order, and transfers words full duplex.  Devices register a chip-select
 * pad (active low, as parts wire it; -1 = always selected) and handlers:
 *   select(ctx, selected)  CS changed (optional; heard from the pad's
 *                          edges, so a Pin the script toggles selects);
 *   xfer(ctx, mosi)        one word in, the word to shift out returned.
 * Words are exchanged as values (master and device agree on bit order and
 * mode; a mismatch of those is not modelled).  When no device is selected
 * MISO reads the MISO pad's resolved level (a pull-down reads 0x00, the
 * rp2 pads' reset pull) or 0xFF without a pad; two selected devices drive
 * MISO together and the result is their AND (low wins, as bd_pin does).
 *
 * Time: a word costs bits * 1e9 / baud ns (exact fraction), spent with
 * bd_sched_advance as for I2C (instantaneous inside a scheduler callback).
 * With pads attached, SCK and MOSI toggle per bit (CPOL idle level, data
 * set up half a bit before the sampling edge of the CPHA), and the selected
 * device drives MISO, so the VCD shows the transfer.
 * bd_spi_rp2_baud gives the baudrate the RP2040's PL022 can reach
 * (clk_peri / (prescale * postdiv), prescale even 2..254, postdiv 1..256,
 * the pico-sdk search: ASSUMPTION, as recalled); bindings pass the actual
 * rate to bd_spi_configure.
 *
 * Status codes: BD_ERR_INVAL (baud 0, bits outside 1..16, mode > 3),
 * BD_ERR_BUSY (device table full), BD_ERR_NOMEM (pad listener).
 * Ownership: devices and contexts are borrowed; remove before freeing.
 */
#ifndef BD_SPI_H
#define BD_SPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board/bd_board.h"
#include "board/bd_status.h"

#define BD_SPI_MAX_DEVS 8

typedef struct {
    int cs_pad;
    void *ctx;
    void (*select)(void *ctx, bool selected);
    uint16_t (*xfer)(void *ctx, uint16_t mosi);
    int lis; /* the bus's listener on cs_pad */
    bool selected;
} bd_spi_dev_t;

typedef struct {
    bd_board_t *board;
    const char *name;
    uint32_t baud;
    uint8_t mode, bits;
    bool lsb_first;
    uint64_t rem; /* sub-ns time carried between words */
    int sck_pad, mosi_pad, miso_pad, miso_drv;
    bd_spi_dev_t *dev[BD_SPI_MAX_DEVS];
    int ndev;
    uint64_t words;
} bd_spi_t;

void bd_spi_init(bd_spi_t *bus, bd_board_t *b, const char *name);
bd_status_t bd_spi_configure(bd_spi_t *bus, uint32_t baud, unsigned mode, unsigned bits, bool lsb_first);
uint32_t bd_spi_rp2_baud(uint64_t clk_hz, uint32_t baud);
/* -1 for an unused line.  SCK idles at CPOL. */
bd_status_t bd_spi_attach_pins(bd_spi_t *bus, int sck_pad, int mosi_pad, int miso_pad);
void bd_spi_free(bd_spi_t *bus); /* removes the CS listeners */

bd_status_t bd_spi_add_device(bd_spi_t *bus, bd_spi_dev_t *dev);
void bd_spi_remove_device(bd_spi_t *bus, bd_spi_dev_t *dev);

/* Full duplex: out[i] gets the byte clocked in while in[i] went out (either
 * may be NULL: MicroPython's write sends, read sends `fill`). */
void bd_spi_transfer(bd_spi_t *bus, const uint8_t *in, uint8_t *out, size_t n, uint8_t fill);

#endif
