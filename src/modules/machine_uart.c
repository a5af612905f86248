/* machine_uart.c: machine.UART on the simulated board, as the rp2 port
 * behaves (the esp32 and stm32 boards get the same object with their own
 * ids and default pins).
 *
 *   UART(id, baudrate=115200, bits=8, parity=None, stop=1, *, tx, rx,
 *        txbuf=256, rxbuf=256, timeout=0, timeout_char=1, ...)
 *   init deinit any read([n]) readline readinto(buf[, n]) write(buf)
 *   flush txdone sendbreak irq(handler=None, trigger=0, hard=False)
 *
 * Frames leave on the TX pad with exact timing (bd_uart: each bit an edge).
 * Reads follow MicroPython's stream rules over the port's read loop: one
 * pass waits up to `timeout` ms of virtual time for its first byte and
 * `timeout_char` ms for each next one; read(n)/readinto repeat passes until
 * n bytes or a pass gets nothing; read() until a pass gets nothing; a read
 * that got nothing returns None.  Waiting runs board events (the clock
 * advances) but not IRQ handlers, as a busy wait in C.
 *
 * Invariants: one slot (bd_uart_t + settings) per hardware instance, made
 * on first use by machine.UART or by sim; one Python object per slot, kept
 * for the run (the ports' UART objects are static too).  The slot's sink
 * records every transmitted byte (sim.uart_received) and logs it to the
 * trace as "<t> uart0 tx 0x41".
 *
 * UART.irq (machine.UART docs' table of triggers per port): rp2 has
 * IRQ_RXIDLE, IRQ_TXIDLE, IRQ_BREAK; esp32 IRQ_RX, IRQ_RXIDLE, IRQ_BREAK and
 * no hard=True; stm32 is not modelled (no irq()).  Events, on the virtual
 * clock, from the board's callbacks (which only queue the handler):
 *   - IRQ_RX: each byte stored in the RX FIFO;
 *   - IRQ_RXIDLE: the RX line idle for the port's idle time after a byte:
 *     esp32 two character times or 1 ms, whichever is larger (the esp32
 *     port's commit "Implement UART.irq", robert-hh); rp2 one character
 *     time (ASSUMPTION: undocumented; docs/board-facts.md);
 *   - IRQ_TXIDLE (rp2): when 5 characters are still to be sent, so only for
 *     messages longer than 5 (the docs' rp2 note);
 *   - IRQ_BREAK: a break received (the line low for a whole frame); rp2
 *     needs a valid character before the next one (the docs' rp2 note).
 * flags() is the event of the last call, changed only at a requested event.
 * The constants' values are the chips' interrupt bits (ASSUMPTION: PL011
 * UARTIMSC TXIM 0x20, RTIM 0x40, BEIM 0x200; ESP32 UART_INT RXFIFO_FULL 1,
 * BRK_DET 0x80, RXFIFO_TOUT 0x100).  sendbreak() waits for the data queued
 * before it, then holds TX low for two frame times (ASSUMPTION: the docs
 * say only "longer than ... a character") and returns when it ends.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/bd_trace.h"
#include "modules/machine_bus.h"
#include "modules/machine_reset.h"
#include "py/gc.h"
#include "py/sysio.h"

#define MAX_UART 10

typedef struct {
    py_obj_t h;
    int id;
} uart_obj_t;

typedef struct {
    bd_uart_t u;
    char name[16];
    py_val_t obj;
    bool active;
    uint32_t baud; /* as asked; the actual rate is in u */
    uint8_t bits, parity, stop;
    int tx, rx;
    size_t txbuf, rxbuf;
    int64_t timeout, timeout_char; /* ms */
    uint8_t *sent;
    size_t sent_len, sent_cap;
    /* UART.irq */
    py_val_t irq_obj, handler;
    uint32_t trigger, flags;
    bool hard, hard_busy;
    bool brk_armed;      /* rp2: a valid character re-arms IRQ_BREAK */
    uint64_t breaks;     /* u.breaks already seen */
    bd_event_id_t idle_ev;
} uart_slot_t;

enum { IRQ_RX, IRQ_RXIDLE, IRQ_TXIDLE, IRQ_BREAK, NIRQ };
static const char *const irq_names[NIRQ] = {"IRQ_RX", "IRQ_RXIDLE", "IRQ_TXIDLE", "IRQ_BREAK"};
/* per port (mbus_port order: rp2, esp32); 0: the port has no such trigger */
static const uint32_t irq_bits[2][NIRQ] = {
    {0, 0x40, 0x20, 0x200},
    {0x1, 0x100, 0, 0x80},
};
#define RP2_TXIDLE_LEFT 5 /* IRQ_TXIDLE when this many are still to be sent */

static uart_slot_t *slots[MAX_UART];
static bool rooted;
static py_type_t uart_type;

static void slots_mark(void) {
    for (int i = 0; i < MAX_UART; i++)
        if (slots[i]) {
            py_gc_mark(slots[i]->obj);
            py_gc_mark(slots[i]->irq_obj);
            py_gc_mark(slots[i]->handler);
        }
}

static bool irq_port(void) { return mbus_port() == MBUS_RP2 || mbus_port() == MBUS_ESP32; }
static uint32_t irq_bit(int k) { return irq_port() ? irq_bits[mbus_port() == MBUS_ESP32][k] : 0; }
static void irq_event(uart_slot_t *s, int k);

static bool id_ok(int id) {
    int port = mbus_port();
    if (port == MBUS_RP2) return id >= 0 && id <= 1;
    if (port == MBUS_ESP32) return id >= 0 && id <= 2;
    return id >= 1 && id < MAX_UART && mbus_default_pad(BD_FN_UART, id, BD_SIG_TX) >= 0;
}

static void on_sent(void *ctx, bd_uart_t *u, uint16_t byte, bd_time_t t) {
    uart_slot_t *s = ctx;
    if (s->sent_len == s->sent_cap) {
        size_t cap = s->sent_cap ? 2 * s->sent_cap : 256;
        uint8_t *p = realloc(s->sent, cap);
        if (!p) return; /* inside the scheduler: cannot raise; drop the record */
        s->sent = p, s->sent_cap = cap;
    }
    s->sent[s->sent_len++] = (uint8_t)byte;
    bd_trace_t *tr = mod_board_trace();
    if (tr) bd_trace_log(tr, t, s->name, "tx 0x%02x", byte & 0x1ff);
    /* the frame has ended; tx.len bytes are still to be sent */
    if (u->tx.len == RP2_TXIDLE_LEFT) irq_event(s, IRQ_TXIDLE);
}

static bd_time_t idle_ns(uart_slot_t *s) {
    bd_time_t frame = bd_uart_frame_ns(&s->u);
    if (mbus_port() == MBUS_ESP32) return 2 * frame > BD_MS(1) ? 2 * frame : BD_MS(1);
    return frame;
}

static void on_idle(bd_sched_t *sc, void *ctx, uintptr_t arg, bd_time_t now) {
    uart_slot_t *s = ctx;
    s->idle_ev = 0;
    if (s->u.dec.busy || !s->u.dec.level) {
        /* a frame has started, or a break holds the line low: not idle;
         * look again one idle time later */
        if (bd_sched_after(sc, idle_ns(s), on_idle, s, 0, &s->idle_ev) != BD_OK) s->idle_ev = 0;
        return;
    }
    irq_event(s, IRQ_RXIDLE);
}

/* A byte was stored (or dropped): inside the scheduler, only queue. */
static void on_rx(void *ctx, bd_uart_t *u) {
    uart_slot_t *s = ctx;
    bool brk = u->breaks != s->breaks;
    s->breaks = u->breaks;
    if (brk) {
        if (s->brk_armed || mbus_port() != MBUS_RP2) irq_event(s, IRQ_BREAK);
        s->brk_armed = false;
    } else {
        s->brk_armed = true;
        irq_event(s, IRQ_RX);
    }
    if (s->trigger & irq_bit(IRQ_RXIDLE)) {
        /* the byte is stored at its stop bit's centre: the line is idle
         * from half a bit later (the stop bit's end) */
        bd_time_t half = (bd_time_t)(u->bit_num / (2 * u->bit_den));
        bd_sched_t *sc = &mod_board()->sched;
        if (s->idle_ev) bd_sched_cancel(sc, s->idle_ev);
        if (bd_sched_after(sc, idle_ns(s) + half, on_idle, s, 0, &s->idle_ev) != BD_OK) s->idle_ev = 0;
    }
}

static uart_slot_t *slot(int id) {
    if (!id_ok(id)) py_raise_msg(&py_type_ValueError, "UART(%d) doesn't exist", id);
    if (slots[id]) return slots[id];
    if (!rooted) {
        py_gc_add_root_fn(slots_mark);
        rooted = true;
    }
    uart_slot_t *s = calloc(1, sizeof *s);
    if (!s) py_raise_no_memory();
    snprintf(s->name, sizeof s->name, "uart%d", id);
    bd_status_t st = bd_uart_init(&s->u, mod_board(), s->name);
    if (st != BD_OK) {
        free(s);
        mod_board_raise(st);
    }
    s->obj = PY_NULL;
    s->baud = 115200, s->bits = 8, s->stop = 1;
    s->tx = mbus_default_pad(BD_FN_UART, id, BD_SIG_TX);
    s->rx = mbus_default_pad(BD_FN_UART, id, BD_SIG_RX);
    s->txbuf = s->rxbuf = 256;
    s->timeout_char = 1;
    s->irq_obj = PY_NULL, s->handler = PY_NONE;
    s->brk_armed = true;
    bd_uart_set_sink(&s->u, on_sent, s);
    bd_uart_set_rx_callback(&s->u, on_rx, s);
    slots[id] = s;
    return s;
}

static uart_slot_t *self_slot(py_val_t self) {
    if (!py_is_obj(self) || py_obj_type(self) != &uart_type) py_raise_msg(&py_type_TypeError, "expecting a UART");
    return slots[((uart_obj_t *)py_as_ptr(self))->id];
}

/* init(baudrate, bits, parity, stop, *, tx, rx, ...); positional from argv[first]. */
static void uart_init_args(uart_slot_t *s, int id, int argc, const py_val_t *argv, py_val_t kwnames, int first) {
    static const char *const kws[] = {"id",     "baudrate", "bits",         "parity", "stop",  "tx",
                                      "rx",     "cts",      "rts",          "txbuf",  "rxbuf", "timeout",
                                      "timeout_char", "invert", "flow",     "rxbuf",  NULL};
    mbus_check_kw(kwnames, kws);
    int npos = argc - first;
    if (npos > 4) py_raise_msg(&py_type_TypeError, "function takes at most 5 positional arguments");
    const py_val_t *a = argv + first;
    py_val_t baud = mbus_arg(npos, a, kwnames, 0, "baudrate", PY_NULL);
    py_val_t bits = mbus_arg(npos, a, kwnames, 1, "bits", PY_NULL);
    py_val_t parity = mbus_arg(npos, a, kwnames, 2, "parity", PY_NULL);
    py_val_t stop = mbus_arg(npos, a, kwnames, 3, "stop", PY_NULL);
    /* keyword lookups see the whole argv (kw values follow argc positionals) */
    py_val_t tx = py_kwarg(argc, argv, kwnames, "tx", PY_NULL);
    py_val_t rx = py_kwarg(argc, argv, kwnames, "rx", PY_NULL);
    py_val_t txbuf = py_kwarg(argc, argv, kwnames, "txbuf", PY_NULL);
    py_val_t rxbuf = py_kwarg(argc, argv, kwnames, "rxbuf", PY_NULL);
    py_val_t timeout = py_kwarg(argc, argv, kwnames, "timeout", PY_NULL);
    py_val_t tchar = py_kwarg(argc, argv, kwnames, "timeout_char", PY_NULL);
    if (npos < 1) baud = py_kwarg(argc, argv, kwnames, "baudrate", PY_NULL);
    if (npos < 2) bits = py_kwarg(argc, argv, kwnames, "bits", PY_NULL);
    if (npos < 3) parity = py_kwarg(argc, argv, kwnames, "parity", PY_NULL);
    if (npos < 4) stop = py_kwarg(argc, argv, kwnames, "stop", PY_NULL);

    uint32_t nbaud = s->baud;
    uint8_t nbits = s->bits, npar = s->parity, nstop = s->stop;
    if (!py_is_null(baud)) {
        int64_t v = py_to_i64(baud);
        if (v <= 0 || v > 10000000) py_raise_msg(&py_type_ValueError, "invalid baudrate");
        nbaud = (uint32_t)v;
    }
    if (!py_is_null(bits)) {
        int64_t v = py_to_i64(bits);
        if (v < 5 || v > 8) py_raise_msg(&py_type_ValueError, "invalid data bits");
        nbits = (uint8_t)v;
    }
    if (!py_is_null(parity)) {
        if (py_is_none(parity)) npar = BD_PARITY_NONE;
        else {
            int64_t v = py_to_i64(parity);
            if (v != 0 && v != 1) py_raise_msg(&py_type_ValueError, "invalid parity");
            npar = v == 0 ? BD_PARITY_EVEN : BD_PARITY_ODD;
        }
    }
    if (!py_is_null(stop)) {
        int64_t v = py_to_i64(stop);
        if (v != 1 && v != 2) py_raise_msg(&py_type_ValueError, "invalid stop bits");
        nstop = (uint8_t)v;
    }
    int ntx = s->tx, nrx = s->rx;
    if (!py_is_null(tx) && !py_is_none(tx)) {
        ntx = mbus_pin_arg(tx);
        if (!mbus_pad_has(ntx, BD_FN_UART, id, BD_SIG_TX)) py_raise_msg(&py_type_ValueError, "bad TX pin");
    }
    if (!py_is_null(rx) && !py_is_none(rx)) {
        nrx = mbus_pin_arg(rx);
        if (!mbus_pad_has(nrx, BD_FN_UART, id, BD_SIG_RX)) py_raise_msg(&py_type_ValueError, "bad RX pin");
    }
    size_t ntxb = s->txbuf, nrxb = s->rxbuf;
    if (!py_is_null(txbuf)) {
        int64_t v = py_to_i64(txbuf);
        if (v < 1 || v > 65536) py_raise_msg(&py_type_ValueError, "invalid txbuf");
        ntxb = (size_t)v;
    }
    if (!py_is_null(rxbuf)) {
        int64_t v = py_to_i64(rxbuf);
        if (v < 1 || v > 65536) py_raise_msg(&py_type_ValueError, "invalid rxbuf");
        nrxb = (size_t)v;
    }
    if (!py_is_null(timeout)) s->timeout = py_to_i64(timeout);
    if (!py_is_null(tchar)) s->timeout_char = py_to_i64(tchar);
    if (s->timeout < 0) s->timeout = 0;

    mod_board_now();
    bd_uart_cfg_t cfg = {nbaud, nbits, npar, nstop};
    bd_status_t st = bd_uart_configure(&s->u, &cfg);
    if (st != BD_OK) mod_board_raise(st);
    if (mbus_port() == MBUS_RP2) {
        uint64_t num, den;
        bd_uart_rp2_baud(MBUS_RP2_CLK_PERI_HZ, nbaud, &num, &den);
        bd_uart_set_bit_time(&s->u, num, den);
    }
    if (ntxb != s->txbuf || nrxb != s->rxbuf || !s->active) {
        st = bd_uart_set_buffers(&s->u, ntxb, nrxb);
        if (st != BD_OK) mod_board_raise(st);
    }
    /* a whole character (13 bits, to be safe) is the shortest timeout_char,
     * as the rp2 port enforces */
    int64_t min_char = 13000 / (int64_t)nbaud + 1;
    if (s->timeout_char < min_char) s->timeout_char = min_char;
    s->baud = nbaud, s->bits = nbits, s->parity = npar, s->stop = nstop;
    s->txbuf = ntxb, s->rxbuf = nrxb;
    if (s->active) bd_uart_detach_pins(&s->u);
    s->tx = ntx, s->rx = nrx;
    st = bd_uart_attach_pins(&s->u, ntx, nrx);
    if (st != BD_OK) mod_board_raise(st);
    s->active = true;
}

static py_val_t uart_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    py_val_t idv = argc > 0 ? argv[0] : py_kwarg(argc, argv, kwnames, "id", PY_NULL);
    if (py_is_null(idv)) py_raise_msg(&py_type_TypeError, "function missing required positional argument #1");
    int64_t id64 = py_to_i64(idv);
    int id = id64 < 0 || id64 > 1000 ? 1000 : (int)id64;
    uart_slot_t *s = slot(id);
    if (py_is_null(s->obj)) {
        uart_obj_t *o = py_gc_alloc(&uart_type, sizeof(uart_obj_t));
        o->id = id;
        s->obj = py_obj(o);
    }
    bool any_kw = !py_is_null(kwnames) && py_as_tuple(kwnames)->len;
    if (argc > 1 || any_kw || !s->active) uart_init_args(s, id, argc, argv, kwnames, argc > 0 ? 1 : 0);
    return s->obj;
}

static py_val_t m_init(int argc, const py_val_t *argv, py_val_t kwnames) {
    uart_slot_t *s = self_slot(argv[0]);
    uart_init_args(s, ((uart_obj_t *)py_as_ptr(argv[0]))->id, argc, argv, kwnames, 1);
    return PY_NONE;
}

static py_val_t m_deinit(int argc, const py_val_t *argv, py_val_t kw) {
    uart_slot_t *s = self_slot(argv[0]);
    mod_board_now();
    if (s->active) bd_uart_detach_pins(&s->u);
    s->active = false;
    return PY_NONE;
}

static bool has_rx(void *ctx) { return bd_uart_rx_count(ctx) > 0; }
static bool has_space(void *ctx) { return bd_uart_tx_space(ctx) > 0; }
static bool tx_idle(void *ctx) { return bd_uart_tx_pending(ctx) == 0; }

/* One pass of the port's read: up to n bytes; -1 when it got nothing. */
static long read_pass(uart_slot_t *s, uint8_t *dst, size_t n) {
    bd_time_t t = mod_board_now() + (bd_time_t)s->timeout * 1000000u;
    size_t i = 0;
    while (i < n) {
        if (!bd_uart_rx_count(&s->u) && !mod_board_wait_for(t, has_rx, &s->u)) return i ? (long)i : -1;
        size_t got = bd_uart_read(&s->u, dst + i, 1);
        i += got;
        t = mod_board()->sched.now + (bd_time_t)s->timeout_char * 1000000u;
    }
    return (long)i;
}

/* Repeated passes (MicroPython's mp_stream_rw): -1 when nothing at all. */
static long read_full(uart_slot_t *s, uint8_t *dst, size_t n) {
    size_t done = 0;
    while (done < n) {
        long r = read_pass(s, dst + done, n - done);
        if (r < 0) break;
        done += (size_t)r;
    }
    return done ? (long)done : (n ? -1 : 0);
}

static void check_active(uart_slot_t *s) {
    if (!s->active) py_raise_msg(&py_type_OSError, "UART not initialised");
}

static py_val_t m_any(int argc, const py_val_t *argv, py_val_t kw) {
    uart_slot_t *s = self_slot(argv[0]);
    mod_board_now();
    return py_small((int64_t)bd_uart_rx_count(&s->u));
}

static py_val_t m_read(int argc, const py_val_t *argv, py_val_t kw) {
    uart_slot_t *s = self_slot(argv[0]);
    check_active(s);
    if (argc > 1 && !py_is_none(argv[1])) {
        int64_t n = py_to_i64(argv[1]);
        if (n < 0) n = 0;
        if (n == 0) return py_bytes_new("", 0);
        uint8_t *buf = malloc((size_t)n);
        if (!buf) py_raise_no_memory();
        long r = read_full(s, buf, (size_t)n);
        py_val_t res = r < 0 ? PY_NONE : py_bytes_new(buf, (size_t)r);
        free(buf);
        return res;
    }
    /* read(): until a pass gets nothing */
    py_sb_t sb;
    py_sb_init(&sb);
    bool any = false;
    uint8_t chunk[256];
    for (;;) {
        long r = read_pass(s, chunk, sizeof chunk);
        if (r < 0) break;
        any = true;
        py_sb_add(&sb, (const char *)chunk, (size_t)r);
    }
    return any ? py_sb_to_bytes(&sb) : PY_NONE;
}

static py_val_t m_readinto(int argc, const py_val_t *argv, py_val_t kw) {
    uart_slot_t *s = self_slot(argv[0]);
    check_active(s);
    py_buf_t b;
    py_get_buffer(argv[1], &b, 1);
    size_t n = b.len;
    if (argc > 2 && !py_is_none(argv[2])) {
        int64_t m = py_to_i64(argv[2]);
        if (m < 0) m = 0;
        if ((size_t)m < n) n = (size_t)m;
    }
    if (n == 0) return py_small(0);
    long r = read_full(s, b.data, n);
    return r < 0 ? PY_NONE : py_small(r);
}

static py_val_t m_readline(int argc, const py_val_t *argv, py_val_t kw) {
    uart_slot_t *s = self_slot(argv[0]);
    check_active(s);
    py_sb_t sb;
    py_sb_init(&sb);
    for (;;) {
        uint8_t c;
        if (read_pass(s, &c, 1) < 0) {
            if (!sb.len) return PY_NONE;
            break;
        }
        py_sb_addc(&sb, (char)c);
        if (c == '\n') break;
    }
    return py_sb_to_bytes(&sb);
}

static py_val_t m_write(int argc, const py_val_t *argv, py_val_t kw) {
    uart_slot_t *s = self_slot(argv[0]);
    check_active(s);
    py_buf_t b;
    mbus_buffer(argv[1], &b, 0);
    mod_board_now();
    size_t done = 0;
    while (done < b.len) {
        size_t w = bd_uart_write(&s->u, b.data + done, b.len - done);
        done += w;
        if (done == b.len) break;
        /* TX buffer full: wait for room, up to timeout_char, as the port does */
        bd_time_t t = mod_board()->sched.now + (bd_time_t)s->timeout_char * 1000000u;
        if (!mod_board_wait_for(t, has_space, &s->u)) {
            if (!done) return PY_NONE;
            break;
        }
    }
    return py_small((int64_t)done);
}

static py_val_t m_flush(int argc, const py_val_t *argv, py_val_t kw) {
    uart_slot_t *s = self_slot(argv[0]);
    mod_board_now();
    bd_time_t end = bd_uart_tx_done_time(&s->u);
    mod_board_wait_for(end + 1, tx_idle, &s->u);
    return PY_NONE;
}

static py_val_t m_txdone(int argc, const py_val_t *argv, py_val_t kw) {
    uart_slot_t *s = self_slot(argv[0]);
    mod_board_now();
    return bd_uart_tx_pending(&s->u) ? PY_FALSE : PY_TRUE;
}

/* ------------------------------------------------------------ irq, sendbreak */

typedef struct {
    py_obj_t h;
    int id;
} uart_irq_obj_t;

static py_type_t uart_irq_type;

/* hard=True (rp2): the handler in hard-IRQ context (py/hardirq.c); an
 * exception disables the IRQ and is printed, as for Pin.irq. */
static void run_hard(void *ctx, uintptr_t arg) {
    uart_slot_t *s = ctx;
    s->hard_busy = false;
    if (py_is_none(s->handler)) return;
    py_try_t t;
    if (py_try(&t)) {
        py_call1(s->handler, s->obj);
        py_try_end(&t);
        return;
    }
    if (py_exc_matches(t.exc, py_obj(&py_type_SystemExit))) py_raise(t.exc);
    s->handler = PY_NONE;
    s->trigger = 0;
    py_gc_unlock(); /* printing allocates; hardirq.c locks again */
    static const char line[] = "Uncaught exception in IRQ callback handler\n";
    py_write_to(py_cur_stdout(), line, sizeof line - 1);
    py_print_exception(t.exc, py_cur_stdout());
    py_gc_lock();
}

/* Event k happened: flags, then the handler queued (never raises). */
static void irq_event(uart_slot_t *s, int k) {
    uint32_t bit = irq_bit(k);
    if (!bit || !(s->trigger & bit)) return;
    s->flags = bit;
    if (py_is_none(s->handler) || py_is_null(s->obj)) return;
    if (s->hard) {
        if (!s->hard_busy && py_hard_irq_post(run_hard, s, 0)) s->hard_busy = true;
    } else {
        py_schedule(s->handler, s->obj);
    }
}

static uart_slot_t *irq_slot(py_val_t self) {
    return slots[((uart_irq_obj_t *)py_as_ptr(self))->id];
}

static py_val_t irq_flags(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small(irq_slot(argv[0])->flags);
}

static py_val_t irq_trigger(int argc, const py_val_t *argv, py_val_t kw) {
    uart_slot_t *s = irq_slot(argv[0]);
    uint32_t old = s->trigger;
    if (argc > 1) s->trigger = (uint32_t)py_to_i64(argv[1]);
    return py_small(old);
}

static uint32_t trigger_mask(void) {
    uint32_t m = 0;
    for (int k = 0; k < NIRQ; k++) m |= irq_bit(k);
    return m;
}

/* irq(handler=None, trigger=0, hard=False): configures and returns the irq
 * object; with no arguments returns it unchanged. */
static py_val_t m_irq(int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const kws[] = {"handler", "trigger", "hard", NULL};
    mbus_check_kw(kwnames, kws);
    if (argc > 4) py_raise_msg(&py_type_TypeError, "function takes at most 4 positional arguments");
    uart_slot_t *s = self_slot(argv[0]);
    int id = ((uart_obj_t *)py_as_ptr(argv[0]))->id;
    if (py_is_null(s->irq_obj)) {
        uart_irq_obj_t *q = py_gc_alloc(&uart_irq_type, sizeof *q);
        q->id = id;
        s->irq_obj = py_obj(q);
    }
    bool any_kw = !py_is_null(kwnames) && py_as_tuple(kwnames)->len;
    if (argc == 1 && !any_kw) return s->irq_obj;
    py_val_t handler = mbus_arg(argc - 1, argv + 1, PY_NULL, 0, "handler", PY_NULL);
    py_val_t trig = mbus_arg(argc - 1, argv + 1, PY_NULL, 1, "trigger", PY_NULL);
    py_val_t hard = mbus_arg(argc - 1, argv + 1, PY_NULL, 2, "hard", PY_NULL);
    if (argc < 2) handler = py_kwarg(argc, argv, kwnames, "handler", PY_NONE);
    if (argc < 3) trig = py_kwarg(argc, argv, kwnames, "trigger", py_small(0));
    if (argc < 4) hard = py_kwarg(argc, argv, kwnames, "hard", PY_FALSE);
    int64_t t = py_to_i64(trig);
    if (t < 0 || ((uint64_t)t & ~(uint64_t)trigger_mask())) py_raise_msg(&py_type_ValueError, "trigger not supported");
    bool h = py_truthy(hard);
    if (h && mbus_port() == MBUS_ESP32) py_raise_msg(&py_type_ValueError, "hard IRQ is not supported");
    mod_board_now();
    s->handler = handler;
    s->trigger = (uint32_t)t;
    s->hard = h;
    s->flags = 0;
    return s->irq_obj;
}

static bool never(void *ctx) { return false; }

/* sendbreak(): after the queued data, TX low for two frame times. */
static py_val_t m_sendbreak(int argc, const py_val_t *argv, py_val_t kw) {
    uart_slot_t *s = self_slot(argv[0]);
    check_active(s);
    mod_board_now();
    mod_board_wait_for(bd_uart_tx_done_time(&s->u) + 1, tx_idle, &s->u);
    bd_time_t now = mod_board_now(), len = 2 * bd_uart_frame_ns(&s->u);
    bd_trace_t *tr = mod_board_trace();
    if (tr) bd_trace_log(tr, now, s->name, "break %llu ns", (unsigned long long)len);
    bd_status_t st = bd_uart_set_break(&s->u, true);
    if (st != BD_OK) mod_board_raise(st);
    mod_board_wait_for(now + len, never, NULL);
    bd_uart_set_break(&s->u, false);
    return PY_NONE;
}

static void uart_print(py_sb_t *sb, py_val_t self, int kind) {
    uart_slot_t *s = self_slot(self);
    static const char *const par[] = {"None", "0", "1"};
    py_sb_printf(sb,
                 "UART(%d, baudrate=%u, bits=%u, parity=%s, stop=%u, tx=%d, rx=%d, txbuf=%u, rxbuf=%u, "
                 "timeout=%d, timeout_char=%d, invert=None, irq=%u)",
                 ((uart_obj_t *)py_as_ptr(self))->id, (unsigned)s->baud, s->bits, par[s->parity % 3], s->stop,
                 mbus_pin_id(s->tx), mbus_pin_id(s->rx), (unsigned)s->txbuf, (unsigned)s->rxbuf, (int)s->timeout,
                 (int)s->timeout_char, (unsigned)s->trigger);
}

static void uart_trace(py_obj_t *o) {}

static const py_method_def_t uart_methods[] = {
    {"init", m_init, 1, -1, PY_MF_KW},   {"deinit", m_deinit, 1, 1, 0},     {"any", m_any, 1, 1, 0},
    {"read", m_read, 1, 2, 0},           {"readinto", m_readinto, 2, 3, 0}, {"readline", m_readline, 1, 1, 0},
    {"write", m_write, 2, 2, 0},         {"flush", m_flush, 1, 1, 0},       {"txdone", m_txdone, 1, 1, 0},
    {"sendbreak", m_sendbreak, 1, 1, 0}, {"irq", m_irq, 1, -1, PY_MF_KW},   PY_MF_END,
};

static const py_method_def_t uart_irq_methods[] = {
    {"flags", irq_flags, 1, 1, 0},
    {"trigger", irq_trigger, 1, 2, 0},
    PY_MF_END,
};

static void uart_irq_trace(py_obj_t *o) {}

static py_type_t uart_irq_type = {
    .h = {&py_type_type},
    .name = "irq",
    .base = &py_type_object,
    .instance_size = sizeof(uart_irq_obj_t),
    .methods = uart_irq_methods,
    .trace = uart_irq_trace,
};

static py_type_t uart_type = {
    .h = {&py_type_type},
    .name = "UART",
    .base = &py_type_object,
    .instance_size = sizeof(uart_obj_t),
    .methods = uart_methods,
    .make_new = uart_make_new,
    .print = uart_print,
    .trace = uart_trace,
};

/* A hard reset: the handlers (the old program's) go, the idle timers stop. */
static void on_reset(bool hard) {
    for (int i = 0; i < MAX_UART; i++) {
        uart_slot_t *s = slots[i];
        if (!s) continue;
        if (s->idle_ev) bd_sched_cancel(&mod_board()->sched, s->idle_ev);
        s->idle_ev = 0;
        s->handler = PY_NONE;
        s->trigger = s->flags = 0;
        s->hard = s->hard_busy = false;
        if (hard) bd_uart_set_break(&s->u, false);
    }
}

void mod_machine_uart_init(py_val_t m) {
    mod_reset_on_reset(on_reset);
    py_type_init_builtin(&uart_type);
    py_type_init_builtin(&uart_irq_type);
    if (!irq_port()) {
        /* stm32: irq() and sendbreak() not modelled */
        py_dict_del(uart_type.dict, py_intern("irq"));
        py_dict_del(uart_type.dict, py_intern("sendbreak"));
    }
    for (int k = 0; k < NIRQ; k++)
        if (irq_bit(k)) py_dict_set(uart_type.dict, py_intern(irq_names[k]), py_small(irq_bit(k)));
    py_dict_set(uart_type.dict, py_intern("INV_TX"), py_small(1));
    py_dict_set(uart_type.dict, py_intern("INV_RX"), py_small(2));
    py_dict_set(uart_type.dict, py_intern("CTS"), py_small(1));
    py_dict_set(uart_type.dict, py_intern("RTS"), py_small(2));
    py_module_add(m, "UART", py_obj(&uart_type));
}

/* ------------------------------------------------------------ sim */

static uart_slot_t *sim_slot(py_val_t v) {
    if (py_is_obj(v) && py_obj_type(v) == &uart_type) return self_slot(v);
    int64_t id = py_to_i64(v);
    return slot(id < 0 || id > 1000 ? 1000 : (int)id);
}

py_val_t mod_sim_uart_loopback(int argc, const py_val_t *argv, py_val_t kw) {
    uart_slot_t *s = sim_slot(argv[0]);
    mod_board_now();
    bool on = argc < 2 || py_truthy(argv[1]);
    bd_uart_disconnect(&s->u, &s->u);
    if (on) {
        bd_status_t st = bd_uart_connect(&s->u, &s->u);
        if (st != BD_OK) mod_board_raise(st);
    }
    return PY_NONE;
}

py_val_t mod_sim_uart_send(int argc, const py_val_t *argv, py_val_t kw) {
    uart_slot_t *s = sim_slot(argv[0]);
    py_buf_t b;
    mbus_buffer(argv[1], &b, 0);
    mod_board_now();
    return py_small((int64_t)bd_uart_inject(&s->u, b.data, b.len));
}

py_val_t mod_sim_uart_received(int argc, const py_val_t *argv, py_val_t kw) {
    uart_slot_t *s = sim_slot(argv[0]);
    mod_board_now();
    return py_bytes_new(s->sent ? s->sent : (uint8_t *)"", s->sent_len);
}

/* ------------------------------------------------------------ stimulus */

/* Bytes for UART `id`'s RX from the stimulus file (called from a board
 * event: never raises).  Returns false if the UART does not exist. */
bool mod_machine_uart_inject(int id, const uint8_t *data, size_t len) {
    if (id < 0 || id >= MAX_UART || !id_ok(id)) return false;
    if (!slots[id]) {
        py_try_t t;
        if (!py_try(&t)) return false;
        slot(id);
        py_try_end(&t);
    }
    bd_uart_inject(&slots[id]->u, data, len);
    return true;
}

/* Everything UART `id` has sent so far (its TX), for expect-serial. */
size_t mod_machine_uart_sent(int id, const char **data) {
    *data = "";
    if (id < 0 || id >= MAX_UART || !slots[id] || !slots[id]->sent) return 0;
    *data = (const char *)slots[id]->sent;
    return slots[id]->sent_len;
}
