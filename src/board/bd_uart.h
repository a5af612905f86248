/* bd_uart.h: a UART: framed bytes on the TX pad in real time, a byte stream
 * to attached peers, and an RX FIFO the bindings read.
 *
 * Transmit.  bd_uart_write queues bytes (up to tx_size waiting); they leave
 * back to back as frames: start bit (0), data bits LSB first, optional
 * parity, 1 or 2 stop bits (1), the line idle high between frames.  Each
 * level change is an edge on the TX pad at its exact time: bit i of a frame
 * starting at S is at S + floor(i * bit_ns), bit_ns = 1e9 / baud kept as a
 * fraction (so 9600 baud, 104166.67 ns a bit, does not drift over a long
 * string).  When a frame's last stop bit ends, the byte is delivered to
 * every peer (bd_uart_connect: a wire to another UART's RX, or the UART
 * itself for loopback) and to the sink callback (the host terminal).
 *
 * Receive.  A byte from a peer enters the RX FIFO (rx_size bytes) when its
 * frame ends at the receiver.  The receiver decodes the sender's frame by
 * sampling it at its own bit centres, so a baud, bits or parity mismatch
 * gives the garbage and the framing/parity errors real hardware gives
 * (counted; the byte is still stored, as the ports read the data register
 * regardless).  A full FIFO drops the new byte and counts an overrun.  The
 * rx callback (the bindings' UART.irq) is called after each byte is stored;
 * like every board callback it must only queue work for the VM.
 * bd_uart_inject (the sim side: stimulus "UART bytes in", a terminal) sends
 * bytes from the host into RX with the UART's own framing, driving the RX
 * pad with the frame edges so the VCD shows them.
 *
 * Receive from the pad.  The RX pad is also decoded as hardware does: a
 * falling edge while idle starts a frame, the line is sampled at the
 * centre of each of the receiver's bits (start, data, parity, first stop),
 * and the byte is stored at the centre of the stop bit.  A start bit that
 * is high again at its centre is a glitch and is dropped.  So anything that
 * puts frames on the pad (a wire from another TX, a `uart` part, the
 * stimulus toggling the pin) reaches the FIFO, with the receiver's own
 * baud deciding what it reads.  While the injector drives the pad its
 * frames are delivered by the frame path only (not twice).
 * bd_uart_rx_line feeds the same decoder from outside, for models that
 * hear a line through their own listener (bd_part_uart.c), and
 * bd_uart_set_tx_output sends TX levels to a callback instead of a pad,
 * so a part can be a UART whose TX is an external driver.
 *
 * Break.  bd_uart_set_break holds the TX line low (a break) until it is
 * cleared; the binding times it.  A received frame that is low at every
 * sample (start, data, parity and stop: the line held low for a whole
 * frame) is a break: counted in `breaks`, and stored as the 0 byte the
 * hardware stores (with its framing error), before the rx callback runs.
 *
 * Not modelled: flow control, the 32-byte hardware FIFO
 * as distinct from the software buffer (one FIFO of rx_size stands for
 * both), noise filtering beyond the start-bit check.
 *
 * Units: baud in bit/s; times in ns.  Status codes: BD_ERR_INVAL for a bad
 * configuration (baud 0, bits outside 5..9, parity > 2, stop not 1 or 2),
 * BD_ERR_NOMEM, BD_ERR_BUSY when connecting more than BD_UART_MAX_PEERS.
 * Ownership: the UART owns its buffers (bd_uart_free); peers, the board, the
 * name and callback contexts are borrowed (disconnect/free before them).
 */
#ifndef BD_UART_H
#define BD_UART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board/bd_board.h"
#include "board/bd_status.h"

#define BD_UART_MAX_PEERS 4

typedef enum { BD_PARITY_NONE = 0, BD_PARITY_EVEN = 1, BD_PARITY_ODD = 2 } bd_parity_t;

typedef struct {
    uint32_t baud;
    uint8_t bits;   /* 5..9 data bits */
    uint8_t parity; /* bd_parity_t */
    uint8_t stop;   /* 1 or 2 */
} bd_uart_cfg_t;

typedef struct bd_uart bd_uart_t;

/* A byte whose frame ended at time t (host terminal, trace, tests). */
typedef void (*bd_uart_sink_fn)(void *ctx, bd_uart_t *u, uint16_t byte, bd_time_t t);
/* A byte was stored in the RX FIFO (or dropped: overrun). */
typedef void (*bd_uart_rx_fn)(void *ctx, bd_uart_t *u);
/* The TX line changed to level (bd_uart_set_tx_output). */
typedef void (*bd_uart_out_fn)(void *ctx, bd_uart_t *u, int level);

/* The pad decoder's frame in progress (see "Receive from the pad"). */
typedef struct {
    bool busy;           /* a start edge was seen; sampling */
    uint8_t level;       /* the line's level now */
    uint8_t nsamp, got;  /* samples in the frame (start .. first stop), taken */
    uint16_t lv;         /* sample j in bit j */
    bd_uart_cfg_t cfg;   /* the receiver's framing when the frame started */
    uint64_t bit_num, bit_den;
    bd_time_t start;     /* the start edge */
    bd_event_id_t ev;    /* the stop-bit centre */
} bd_uart_dec_t;

typedef struct {
    bd_uart_t *u;
    bool host;           /* injector: drives u's RX pad, delivers to u */
    uint16_t *q;         /* ring of bytes waiting */
    size_t cap, head, len;
    bool busy;           /* a frame is on the line */
    uint16_t frame;      /* bits of the frame, LSB first (bit 0 = start) */
    uint8_t nbits, bit;  /* frame length, current bit */
    bd_uart_cfg_t fcfg;  /* configuration the frame was sent with */
    uint64_t bit_num, bit_den; /* its bit time */
    bd_time_t fs_ns;     /* frame start, integer ns ... */
    uint64_t fs_rem;     /* ... plus fs_rem / bit_den ns */
    bd_event_id_t ev;
} bd_uart_line_t;

struct bd_uart {
    bd_board_t *board;
    const char *name;
    bd_uart_cfg_t cfg;
    uint64_t bit_num, bit_den; /* bit time = bit_num / bit_den ns */
    int tx_pad, rx_pad;        /* -1 when not attached */
    int rx_drv;                /* driver on rx_pad for injection, -1 none */
    bd_uart_line_t tx, inj;
    bd_uart_t *peer[BD_UART_MAX_PEERS];
    int npeers;
    bd_uart_sink_fn sink;
    void *sink_ctx;
    bd_uart_rx_fn on_rx;
    void *rx_ctx;
    bd_uart_out_fn tx_out;     /* when set, TX levels go here, not to tx_pad */
    void *tx_out_ctx;
    int rx_lis;                /* listener on rx_pad feeding dec, -1 none */
    bd_uart_dec_t dec;
    uint16_t *rxq;
    size_t rx_cap, rx_head, rx_len;
    bool brk;                  /* TX held low (bd_uart_set_break) */
    uint64_t tx_bytes, rx_bytes, overruns, framing_errors, parity_errors, breaks;
};

/* A UART with 115200 8N1, tx_size 256, rx_size 256, no pads. */
bd_status_t bd_uart_init(bd_uart_t *u, bd_board_t *b, const char *name);
void bd_uart_free(bd_uart_t *u);

/* Change the framing.  Bytes in flight finish with the old framing;
 * queued ones use the new.  Sets bit time to 1e9/baud. */
bd_status_t bd_uart_configure(bd_uart_t *u, const bd_uart_cfg_t *cfg);
/* Exact bit time num/den ns, for ports whose divider rounds the baud. */
bd_status_t bd_uart_set_bit_time(bd_uart_t *u, uint64_t num, uint64_t den);
/* The RP2040 (PL011) divider: 16x oversampling, 16.6 fixed-point divisor
 * of clk_peri.  Returns the actual baud (pico-sdk uart_set_baudrate rule,
 * ASSUMPTION: as recalled) and the exact bit time as num/den ns. */
uint32_t bd_uart_rp2_baud(uint64_t clk_hz, uint32_t baud, uint64_t *num, uint64_t *den);
/* Resize the FIFOs (drops their contents).  0 keeps a size. */
bd_status_t bd_uart_set_buffers(bd_uart_t *u, size_t tx_size, size_t rx_size);

/* Pads: TX in ALT mode idling high; RX in ALT mode (input).  -1: none. */
bd_status_t bd_uart_attach_pins(bd_uart_t *u, int tx_pad, int rx_pad);
void bd_uart_detach_pins(bd_uart_t *u); /* back to inputs */

/* Wiring (sim side).  connect(a, a) is a loopback. */
bd_status_t bd_uart_connect(bd_uart_t *from, bd_uart_t *to);
void bd_uart_disconnect(bd_uart_t *from, bd_uart_t *to);
void bd_uart_set_sink(bd_uart_t *u, bd_uart_sink_fn fn, void *ctx);
void bd_uart_set_rx_callback(bd_uart_t *u, bd_uart_rx_fn fn, void *ctx);

/* TX low (on) or back to idle high (off).  BD_ERR_BUSY while a frame is on
 * the line or queued (a break goes after the data). */
bd_status_t bd_uart_set_break(bd_uart_t *u, bool on);

/* machine side.  write: queue up to n bytes, returns how many fitted. */
size_t bd_uart_write(bd_uart_t *u, const uint8_t *data, size_t n);
size_t bd_uart_tx_space(const bd_uart_t *u);
/* Bytes not yet fully sent (queued + the one on the line). */
size_t bd_uart_tx_pending(const bd_uart_t *u);
/* When the last queued byte's stop bit ends (now if idle): flush/txdone. */
bd_time_t bd_uart_tx_done_time(const bd_uart_t *u);
/* Duration of one frame at the current configuration, ns (rounded up). */
bd_time_t bd_uart_frame_ns(const bd_uart_t *u);

size_t bd_uart_rx_count(const bd_uart_t *u); /* any() */
/* Take up to n bytes (9-bit data truncated to 8 here); returns how many. */
size_t bd_uart_read(bd_uart_t *u, uint8_t *out, size_t n);
int bd_uart_read_byte(bd_uart_t *u); /* -1 when empty; 9-bit values whole */
void bd_uart_rx_clear(bd_uart_t *u);

/* sim side: bytes from the host arrive on RX, framed at u's settings. */
size_t bd_uart_inject(bd_uart_t *u, const uint8_t *data, size_t n);

/* The RX line is now at level (the current virtual time): feeds the pad
 * decoder.  The UART's own RX pad calls it from its listener; models
 * hearing a line themselves call it from their pin events. */
void bd_uart_rx_line(bd_uart_t *u, int level);
/* The RX line is at level without an edge (a new wiring): drops a frame in
 * progress; the next falling edge starts one. */
void bd_uart_rx_reset(bd_uart_t *u, int level);
/* TX levels to fn instead of the TX pad (NULL: back to the pad).  fn is
 * called with 1 at once (the idle line) when set. */
void bd_uart_set_tx_output(bd_uart_t *u, bd_uart_out_fn fn, void *ctx);

#endif
