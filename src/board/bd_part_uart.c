/* bd_part_uart.c: the far end of a UART (kind `uart`, alias `uartpeer`):
 * a USB-serial adapter on a terminal, a loopback plug, a device that sends
 * a file and records what it hears.
 *
 * Roles are the part's own side, as printed on a USB-serial adapter:
 *   rx (IN)  the part listens here: wire it to the MCU's TX pin;
 *   tx (OUT) the part drives here: wire it to the MCU's RX pin.
 * Both are optional (a monitor needs only rx, a sender only tx).
 *
 * The part is a UART of its own: a bd_uart_t with no pads whose receiver is
 * fed the rx pin's edges (bd_uart_rx_line: sampled at the centres of the
 * part's own bits) and whose frames leave on tx through a strong external
 * driver (bd_uart_set_tx_output), which the MCU's UART decodes from its RX
 * pad the same way.  Only levels on pins pass between the two, so a baud,
 * bits, parity or stop mismatch gives the garbage and the framing errors
 * hardware gives.
 *
 * Sending.  Bytes to send (`send` text, the `send_file` contents, echoes in
 * loopback mode, terminal input) join one queue, sent in order, back to back
 * or `gap` apart.  Nothing is sent before the gate opens: virtual time has
 * reached `start` and, with wait_uart (default), the tx pin has been made a
 * peripheral pin (machine.UART set it up), as a user waits for the board to
 * boot before typing.  The gate stays open once opened.
 *
 * Receiving.  Each byte decoded is counted, appended to `received` (as
 * text: printable ASCII, \n, \r and \t as they are, any other byte as the
 * four characters \xHH; at most RX_TEXT_MAX characters are kept), written
 * raw to the `log` file, logged in the trace ("<t> NAME rx 0x41", plus
 * " framing-error" / " parity-error"), echoed (loopback) or passed to the
 * terminal (terminal mode).  Sent bytes are traced as "<t> NAME tx 0x41"
 * when their stop bit ends.
 *
 * Invariants: out[out_head .. out_head+out_len) are the bytes queued and
 * not yet handed to the part's UART; nothing is handed over while the gate
 * is shut; with a gap, at most one byte is in the UART at a time.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/bd_part_uart.h"
#include "board/bd_trace.h"
#include "board/bd_uart.h"

#define RX_TEXT_MAX (1u << 20)

enum { M_LISTEN, M_LOOPBACK, M_TERMINAL, M_FILE };
enum { R_RX, R_TX };
enum {
    A_MODE,
    A_BAUD,
    A_BITS,
    A_PARITY,
    A_STOP,
    A_SEND,
    A_SEND_FILE,
    A_LOG,
    A_START,
    A_GAP,
    A_WAIT_UART,
    A_RECEIVED,
    A_RECEIVED_COUNT,
    A_SENT,
    A_PENDING,
    A_FRAMING,
    A_PARITY_ERR,
};

static const bd_attr_def_t attrs[] = {
    {"mode", BD_ATTR_ENUM, 0, "", 1, 0, "listen|loopback|terminal|file", "what the part does with the bytes"},
    {"baud", BD_ATTR_INT, 0, "bit/s", 1, 10000000, NULL, "bit rate (must match the MCU's)"},
    {"bits", BD_ATTR_INT, 0, "", 5, 9, NULL, "data bits"},
    {"parity", BD_ATTR_ENUM, 0, "", 1, 0, "none|even|odd", "parity bit"},
    {"stop", BD_ATTR_INT, 0, "", 1, 2, NULL, "stop bits"},
    {"send", BD_ATTR_TEXT, 0, "", 1, 0, NULL, "writing it sends its bytes"},
    {"send_file", BD_ATTR_TEXT, 0, "", 1, 0, NULL, "a file whose bytes are sent"},
    {"log", BD_ATTR_TEXT, 0, "", 1, 0, NULL, "a file the received bytes are written to"},
    {"start", BD_ATTR_TIME, 0, "ns", 1, 0, NULL, "nothing is sent before this time"},
    {"gap", BD_ATTR_TIME, 0, "ns", 1, 0, NULL, "idle time between the bytes sent"},
    {"wait_uart", BD_ATTR_BOOL, 0, "", 1, 0, NULL, "send only once the tx pin is a UART pin"},
    {"received", BD_ATTR_TEXT, BD_ATTR_RO, "", 1, 0, NULL, "what was received, as text"},
    {"received_count", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "bytes received"},
    {"sent", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "bytes sent"},
    {"pending", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "bytes waiting to be sent"},
    {"framing_errors", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "bytes whose stop bit was low"},
    {"parity_errors", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "bytes whose parity was wrong"},
};

static const bd_role_def_t roles[] = {
    {"rx", BD_ROLE_IN | BD_ROLE_OPTIONAL, "the part's RX: wire it to the MCU's TX"},
    /* IN + CONFIG too: the gate hears the MCU make this pin a UART pin */
    {"tx", BD_ROLE_OUT | BD_ROLE_IN | BD_ROLE_CONFIG | BD_ROLE_OPTIONAL, "the part's TX: wire it to the MCU's RX"},
};

typedef struct {
    bd_part_t base;
    bd_uart_t u;
    bool ok; /* u was set up (no memory otherwise: the part is inert) */
    int mode;
    bd_uart_cfg_t cfg;
    bd_time_t start, gap;
    bool wait_uart, open, term_eof;
    int rx_pad, tx_level;
    char *send_text, *send_file, *log_path;
    FILE *log;
    uint8_t *out;
    size_t out_head, out_len, out_cap;
    char *rx_text;
    size_t rx_len, rx_cap;
    uint64_t received, sent, seen_fe, seen_pe;
    bd_event_id_t gate_ev, gap_ev, poll_ev;
    const bd_uart_term_t *term;
} peer_t;

static bool is_peer(const bd_part_t *p);

/* ---- the queue --------------------------------------------------------- */

static bool append(peer_t *q, const uint8_t *data, size_t n) {
    if (q->out_head && q->out_head + q->out_len + n > q->out_cap) {
        memmove(q->out, q->out + q->out_head, q->out_len);
        q->out_head = 0;
    }
    if (q->out_len + n > q->out_cap) {
        size_t cap = q->out_cap ? q->out_cap : 256;
        while (cap < q->out_len + n) cap *= 2;
        uint8_t *p = realloc(q->out, cap);
        if (!p) return false;
        q->out = p;
        q->out_cap = cap;
    }
    memcpy(q->out + q->out_head + q->out_len, data, n);
    q->out_len += n;
    return true;
}

static void pump(peer_t *q);

static void on_poll(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    peer_t *q = ctx;
    q->poll_ev = 0;
    pump(q);
}

/* Terminal mode with nothing queued: what has the user typed? */
static void refill(peer_t *q) {
    if (q->mode != M_TERMINAL || !q->term || !q->term->read || q->term_eof || q->poll_ev) return;
    uint8_t buf[256];
    long n = q->term->read(q->term->ctx, buf, sizeof buf);
    if (n > 0) {
        append(q, buf, (size_t)n > sizeof buf ? sizeof buf : (size_t)n);
    } else if (n < 0) {
        q->term_eof = true;
    } else if (bd_sched_after(bd_part_sched(&q->base), BD_PART_UART_POLL_NS, on_poll, q, 0, &q->poll_ev) != BD_OK) {
        q->poll_ev = 0;
    }
}

/* Hand queued bytes to the UART as far as the gate, the gap and its buffer allow. */
static void pump(peer_t *q) {
    if (!q->ok || !q->open) return;
    if (q->gap) {
        if (q->gap_ev || bd_uart_tx_pending(&q->u)) return;
        if (!q->out_len) refill(q);
        if (q->out_len && bd_uart_write(&q->u, q->out + q->out_head, 1) == 1) q->out_head++, q->out_len--;
        return;
    }
    for (;;) {
        if (!q->out_len) refill(q);
        if (!q->out_len) return;
        size_t k = bd_uart_write(&q->u, q->out + q->out_head, q->out_len);
        q->out_head += k;
        q->out_len -= k;
        if (!k || q->out_len) return; /* the UART's buffer is full: on_sent goes on */
    }
}

static void queue(peer_t *q, const uint8_t *data, size_t n) {
    if (n && append(q, data, n)) pump(q);
}

static void on_gap(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    peer_t *q = ctx;
    q->gap_ev = 0;
    pump(q);
}

/* A frame the part sent has ended (its stop bit). */
static void on_sent(void *ctx, bd_uart_t *u, uint16_t byte, bd_time_t t) {
    peer_t *q = ctx;
    q->sent++;
    bd_trace_t *tr = q->base.board->trace;
    if (tr) bd_trace_log(tr, t, q->base.name, "tx 0x%02x", byte);
    if (q->gap && !q->gap_ev) {
        if (bd_sched_after(bd_part_sched(&q->base), q->gap, on_gap, q, 0, &q->gap_ev) != BD_OK) q->gap_ev = 0;
        return;
    }
    pump(q);
}

/* ---- the gate ---------------------------------------------------------- */

static void check_gate(peer_t *q);

static void on_gate(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    peer_t *q = ctx;
    q->gate_ev = 0;
    check_gate(q);
}

static void check_gate(peer_t *q) {
    if (q->open || !q->ok) return;
    bd_time_t now = bd_part_now(&q->base);
    if (now < q->start) {
        bd_part_cancel(&q->base, &q->gate_ev);
        if (bd_sched_at(bd_part_sched(&q->base), q->start, on_gate, q, 0, &q->gate_ev) != BD_OK) q->gate_ev = 0;
        return;
    }
    if (q->wait_uart) {
        const bd_pin_t *pin = bd_part_pin(&q->base, R_TX);
        if (!pin || (pin->mode != BD_MODE_ALT && pin->mode != BD_MODE_ALT_OPEN_DRAIN)) return;
    }
    q->open = true;
    pump(q);
}

/* ---- receiving --------------------------------------------------------- */

static void record_text(peer_t *q, unsigned v) {
    char esc[5];
    size_t n = 1;
    if ((v >= 0x20 && v < 0x7f) || v == '\n' || v == '\r' || v == '\t') esc[0] = (char)v;
    else n = (size_t)snprintf(esc, sizeof esc, "\\x%02x", v & 0xff);
    if (q->rx_len + n > RX_TEXT_MAX) return;
    if (q->rx_len + n + 1 > q->rx_cap) {
        size_t cap = q->rx_cap ? q->rx_cap * 2 : 256;
        char *p = realloc(q->rx_text, cap);
        if (!p) return;
        q->rx_text = p;
        q->rx_cap = cap;
    }
    memcpy(q->rx_text + q->rx_len, esc, n);
    q->rx_len += n;
    q->rx_text[q->rx_len] = '\0';
}

static void on_rx(void *ctx, bd_uart_t *u) {
    peer_t *q = ctx;
    int v;
    while ((v = bd_uart_read_byte(u)) >= 0) {
        bool fe = u->framing_errors != q->seen_fe, pe = u->parity_errors != q->seen_pe;
        q->seen_fe = u->framing_errors;
        q->seen_pe = u->parity_errors;
        q->received++;
        uint8_t b = (uint8_t)v;
        record_text(q, (unsigned)v);
        if (q->log) {
            fputc(b, q->log);
            if (b == '\n') fflush(q->log);
        }
        bd_trace_t *tr = q->base.board->trace;
        if (tr)
            bd_trace_log(tr, bd_part_now(&q->base), q->base.name, "rx 0x%02x%s%s", (unsigned)v,
                         fe ? " framing-error" : "", pe ? " parity-error" : "");
        if (q->mode == M_TERMINAL && q->term && q->term->write) q->term->write(q->term->ctx, &b, 1);
        if (q->mode == M_LOOPBACK) queue(q, &b, 1);
    }
}

static void on_tx_level(void *ctx, bd_uart_t *u, int level) {
    peer_t *q = ctx;
    q->tx_level = level;
    bd_part_drive(&q->base, R_TX, level ? BD_DRIVE_HIGH : BD_DRIVE_LOW, BD_STRONG);
}

/* ---- the part interface ------------------------------------------------ */

static void init(bd_part_t *p) {
    peer_t *q = (peer_t *)p;
    q->cfg = (bd_uart_cfg_t){115200, 8, BD_PARITY_NONE, 1};
    q->wait_uart = true;
    q->rx_pad = -1;
    q->tx_level = 1;
    q->ok = bd_uart_init(&q->u, p->board, p->name) == BD_OK;
    if (!q->ok) return;
    bd_uart_configure(&q->u, &q->cfg);
    bd_uart_set_sink(&q->u, on_sent, q);
    bd_uart_set_rx_callback(&q->u, on_rx, q);
    bd_uart_set_tx_output(&q->u, on_tx_level, q);
}

static bd_status_t read_file(peer_t *q, const char *path, char *err, size_t errlen) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (err) snprintf(err, errlen, "%s.send_file: cannot open '%s': %s", q->base.name, path, strerror(errno));
        return BD_ERR_IO;
    }
    uint8_t buf[4096];
    size_t n;
    bool fine = true;
    while (fine && (n = fread(buf, 1, sizeof buf, f)) > 0) fine = append(q, buf, n);
    bool bad = ferror(f) != 0;
    fclose(f);
    if (!fine) return BD_ERR_NOMEM;
    if (bad) {
        if (err) snprintf(err, errlen, "%s.send_file: error reading '%s'", q->base.name, path);
        return BD_ERR_IO;
    }
    return BD_OK;
}

static bd_status_t set(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen) {
    peer_t *q = (peer_t *)p;
    if (!q->ok) {
        if (err) snprintf(err, errlen, "%s: out of memory", p->name);
        return BD_ERR_NOMEM;
    }
    bd_status_t st = BD_OK;
    switch (attr) {
    case A_MODE:
        q->mode = (int)v->num;
        break;
    case A_BAUD:
    case A_BITS:
    case A_PARITY:
    case A_STOP: {
        bd_uart_cfg_t c = q->cfg;
        if (attr == A_BAUD) c.baud = (uint32_t)v->num;
        if (attr == A_BITS) c.bits = (uint8_t)v->num;
        if (attr == A_PARITY) c.parity = (uint8_t)v->num;
        if (attr == A_STOP) c.stop = (uint8_t)v->num;
        if ((st = bd_uart_configure(&q->u, &c)) != BD_OK) {
            if (err) snprintf(err, errlen, "%s: bad framing", p->name);
            return st;
        }
        q->cfg = c;
        break;
    }
    case A_SEND:
        if ((st = bd_part_keep_text(&q->send_text, v->text)) != BD_OK) return st;
        if (!append(q, (const uint8_t *)v->text, strlen(v->text))) return BD_ERR_NOMEM;
        break;
    case A_SEND_FILE:
        if (*v->text && (st = read_file(q, v->text, err, errlen)) != BD_OK) return st;
        if ((st = bd_part_keep_text(&q->send_file, v->text)) != BD_OK) return st;
        break;
    case A_LOG: {
        FILE *f = NULL;
        if (*v->text && !(f = fopen(v->text, "wb"))) {
            if (err) snprintf(err, errlen, "%s.log: cannot create '%s': %s", p->name, v->text, strerror(errno));
            return BD_ERR_IO;
        }
        if ((st = bd_part_keep_text(&q->log_path, v->text)) != BD_OK) {
            if (f) fclose(f);
            return st;
        }
        if (q->log) fclose(q->log);
        q->log = f;
        break;
    }
    case A_START: q->start = (bd_time_t)v->num; break;
    case A_GAP: q->gap = (bd_time_t)v->num; break;
    case A_WAIT_UART: q->wait_uart = v->num != 0; break;
    default: break;
    }
    return BD_OK;
}

static void get(const bd_part_t *p, int attr, bd_attr_val_t *v) {
    const peer_t *q = (const peer_t *)p;
    switch (attr) {
    case A_MODE: v->num = q->mode; break;
    case A_BAUD: v->num = q->cfg.baud; break;
    case A_BITS: v->num = q->cfg.bits; break;
    case A_PARITY: v->num = q->cfg.parity; break;
    case A_STOP: v->num = q->cfg.stop; break;
    case A_SEND: v->text = q->send_text; break;
    case A_SEND_FILE: v->text = q->send_file; break;
    case A_LOG: v->text = q->log_path; break;
    case A_START: v->num = (double)q->start; break;
    case A_GAP: v->num = (double)q->gap; break;
    case A_WAIT_UART: v->num = q->wait_uart; break;
    case A_RECEIVED: v->text = q->rx_text; break;
    case A_RECEIVED_COUNT: v->num = (double)q->received; break;
    case A_SENT: v->num = (double)q->sent; break;
    case A_PENDING: v->num = q->ok ? (double)(q->out_len + bd_uart_tx_pending(&q->u)) : 0; break;
    case A_FRAMING: v->num = q->ok ? (double)q->u.framing_errors : 0; break;
    case A_PARITY_ERR: v->num = q->ok ? (double)q->u.parity_errors : 0; break;
    }
}

static void pin_event(bd_part_t *p, int role, const bd_pin_event_t *ev) {
    peer_t *q = (peer_t *)p;
    if (!q->ok) return;
    if (role == R_RX && ev->kind == BD_PEV_EDGE) {
        bd_uart_rx_line(&q->u, ev->level);
    } else if (role == R_TX && ev->kind == BD_PEV_CONFIG && !q->open && !q->gate_ev) {
        /* decided in an event of its own: the MCU's UART finishes setting
         * its pads up before the first start bit arrives */
        if (bd_sched_after(bd_part_sched(p), 0, on_gate, q, 0, &q->gate_ev) != BD_OK) q->gate_ev = 0;
    }
}

static void update(bd_part_t *p) {
    peer_t *q = (peer_t *)p;
    if (!q->ok) return;
    if (p->pin[R_RX] != q->rx_pad) {
        /* a new wiring is a line state, not an edge: no start bit */
        q->rx_pad = p->pin[R_RX];
        bd_uart_rx_reset(&q->u, bd_part_level(p, R_RX, 1));
    }
    bd_part_drive(p, R_TX, q->tx_level ? BD_DRIVE_HIGH : BD_DRIVE_LOW, BD_STRONG);
    check_gate(q);
    pump(q);
}

static void reset(bd_part_t *p) {
    peer_t *q = (peer_t *)p;
    q->received = 0;
    q->sent = 0;
    q->rx_len = 0;
    if (q->rx_text) q->rx_text[0] = '\0';
    if (!q->ok) return;
    q->u.framing_errors = q->u.parity_errors = q->u.overruns = 0;
    q->seen_fe = q->seen_pe = 0;
    bd_uart_rx_clear(&q->u);
}

static void fini(bd_part_t *p) {
    peer_t *q = (peer_t *)p;
    bd_part_cancel(p, &q->gate_ev);
    bd_part_cancel(p, &q->gap_ev);
    bd_part_cancel(p, &q->poll_ev);
    if (q->ok) bd_uart_free(&q->u);
    if (q->log) fclose(q->log);
    free(q->send_text);
    free(q->send_file);
    free(q->log_path);
    free(q->out);
    free(q->rx_text);
}

const bd_part_type_t bd_part_uart_type = {
    .kind = "uart",
    .alias = "uartpeer",
    .prefix = "peer",
    .help = "the far end of a UART: listen, loopback, terminal (stdin/stdout) or file",
    .roles = roles,
    .nroles = 2,
    .npositional = 0,
    .attrs = attrs,
    .nattrs = sizeof attrs / sizeof attrs[0],
    .size = sizeof(peer_t),
    .init = init,
    .set = set,
    .get = get,
    .pin_event = pin_event,
    .update = update,
    .reset = reset,
    .fini = fini,
};

static bool is_peer(const bd_part_t *p) { return p && p->type == &bd_part_uart_type; }

bool bd_part_uart_set_terminal(bd_part_t *p, const bd_uart_term_t *t) {
    if (!is_peer(p)) return false;
    peer_t *q = (peer_t *)p;
    q->term = t;
    pump(q);
    return true;
}

bool bd_part_uart_is_terminal(const bd_part_t *p) { return is_peer(p) && ((const peer_t *)p)->mode == M_TERMINAL; }
