/* machine_bus.c: helpers shared by the bus bindings (machine_uart.c,
 * machine_i2c.c, machine_spi.c): pin arguments, each board's default bus
 * pins, keyword checks, OSError(errno), and the bus models kept per pads.
 *
 * Default pins (sources in docs/board-facts.md):
 *   - Pico: UART0 TX 0 / RX 1 (the Pico pinout's default UART), UART1 4/5
 *     (PR #7513: "UART1 is currently defaulting to 4,5"), I2C0 SCL 5 /
 *     SDA 4 (docs PR #19232: the pico-sdk board's default I2C), SPI0 SCK 18
 *     / MOSI 19 / MISO 16 (PR #9224), SPI1 10/11/8 (rp2 quickref);
 *     I2C1 7/6 UNCONFIRMED;
 *   - Nano RP2040 Connect: I2C0 SCL 13 / SDA 12 (A5/A4, Arduino pinout;
 *     PR #8124 set the board's default I2C pins), SPI0 6/7/4 (D13 SCK,
 *     D11 COPI, D12 CIPO), UART0 0/1 (TX/RX); UART1 8/9, I2C1 27/26 and
 *     SPI1 14/11/8 UNCONFIRMED (the latter the NINA module's bus);
 *   - Nano ESP32: UART0 43/44 (TX0/RX0), UART1 17/18 (D8 TX1 / D9 RX1,
 *     Arduino cheat sheet), I2C0 SCL 12 / SDA 11 (A5/A4), SPI1 48/38/47
 *     (D13/D11/D12); UART2, I2C1 and SPI2 UNCONFIRMED;
 *   - STM32 boards: the labels UARTn_TX, I2Cn_SCL ... (GIGA: UART1 on
 *     D1/D0, UART2 D18/D19, UART4 D16/D17, UART6 D14/D15, I2C2 on D20/D21
 *     = Wire, I2C1 on D9/D8 = Wire2, as the GIGA cheat sheet's Serial and
 *     Wire pins), else the first pad with that alternate function.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/bd_trace.h"

#include "modules/machine_bus.h"
#include "modules/machine_reset.h"

int mod_machine_pin_index(py_val_t v); /* mod_machine.c */

int mbus_port(void) {
    const char *p = mod_board_def()->port;
    return !strcmp(p, "rp2") ? MBUS_RP2 : !strcmp(p, "esp32") ? MBUS_ESP32 : MBUS_STM32;
}

int mbus_pin_arg(py_val_t v) {
    bd_board_t *b = mod_board();
    int idx = mod_machine_pin_index(v);
    if (idx >= 0) return idx;
    if (py_is_str(v)) {
        idx = bd_board_pin_find(b, py_str_data(v), 0);
        if (idx >= 0) return idx;
        py_raise_msg(&py_type_ValueError, "unknown named pin \"%s\"", py_str_data(v));
    }
    if (py_is_int(v)) {
        int64_t n = py_to_i64(v);
        idx = n >= 0 && n < 0x1000 ? bd_board_pin_by_id(b, (int)n) : -1;
        if (idx >= 0 && !(bd_board_pin_def(b, idx)->flags & BD_PINF_EXT)) return idx;
        py_raise_msg(&py_type_ValueError, "invalid pin");
    }
    py_raise_msg(&py_type_TypeError, "expecting a Pin");
}

int mbus_pin_id(int pad) { return pad < 0 ? -1 : bd_board_pin_def(mod_board(), pad)->id; }

typedef struct {
    const char *board;
    int kind, unit, sig, gpio;
} dflt_t;

#define U(b, n, tx, rx) {b, BD_FN_UART, n, BD_SIG_TX, tx}, {b, BD_FN_UART, n, BD_SIG_RX, rx}
#define I(b, n, scl, sda) {b, BD_FN_I2C, n, BD_SIG_SCL, scl}, {b, BD_FN_I2C, n, BD_SIG_SDA, sda}
#define S(b, n, sck, mosi, miso)                                                                           \
    {b, BD_FN_SPI, n, BD_SIG_SCK, sck}, {b, BD_FN_SPI, n, BD_SIG_MOSI, mosi}, {b, BD_FN_SPI, n, BD_SIG_MISO, miso}
static const dflt_t dflts[] = {
    U("nano-rp2040", 0, 0, 1),     U("nano-rp2040", 1, 8, 9),     I("nano-rp2040", 0, 13, 12),
    I("nano-rp2040", 1, 27, 26),   S("nano-rp2040", 0, 6, 7, 4),  S("nano-rp2040", 1, 14, 11, 8),
    U("rpi-pico", 0, 0, 1),        U("rpi-pico", 1, 4, 5),        I("rpi-pico", 0, 5, 4),
    I("rpi-pico", 1, 7, 6),        S("rpi-pico", 0, 18, 19, 16),  S("rpi-pico", 1, 10, 11, 8),
    U("nano-esp32", 0, 43, 44),    U("nano-esp32", 1, 17, 18),    U("nano-esp32", 2, 17, 18),
    I("nano-esp32", 0, 12, 11),    I("nano-esp32", 1, 8, 9),      S("nano-esp32", 1, 48, 38, 47),
    S("nano-esp32", 2, 18, 10, 17),
};

int mbus_default_pad(int kind, int unit, int sig) { return mbus_default_pad_on(mod_board(), kind, unit, sig); }

int mbus_default_pad_on(const bd_board_t *b, int kind, int unit, int sig) {
    for (size_t k = 0; k < sizeof dflts / sizeof dflts[0]; k++) {
        const dflt_t *d = &dflts[k];
        if (!strcmp(d->board, b->def->name) && d->kind == kind && d->unit == unit && d->sig == sig)
            return bd_board_pin_by_id(b, d->gpio);
    }
    static const char *const uart_sig[] = {"TX", "RX", "CTS", "RTS"};
    static const char *const spi_sig[] = {"MISO", "NSS", "SCK", "MOSI"};
    static const char *const i2c_sig[] = {"SDA", "SCL"};
    char label[24];
    if (kind == BD_FN_UART) snprintf(label, sizeof label, "UART%d_%s", unit, uart_sig[sig & 3]);
    else if (kind == BD_FN_SPI) snprintf(label, sizeof label, "SPI%d_%s", unit, spi_sig[sig & 3]);
    else snprintf(label, sizeof label, "I2C%d_%s", unit, i2c_sig[sig & 1]);
    int idx = bd_board_pin_find(b, label, 0);
    if (idx >= 0) return idx;
    for (int i = 0; i < b->npins; i++) {
        bd_pin_fn_t fn;
        const bd_mcu_pin_t *d = bd_board_pin_def(b, i);
        if (!(d->flags & BD_PINF_MATRIX) && bd_pin_def_fn(d, kind, unit, &fn) && fn.sig == sig) {
            /* the first pad with the role, but any pad with it will do */
            for (int k = 0; k < BD_PIN_MAX_FN && d->fn[k].kind; k++)
                if (d->fn[k].kind == kind && d->fn[k].unit == unit && d->fn[k].sig == sig) return i;
        }
    }
    return -1;
}

bool mbus_pad_has(int pad, int kind, int unit, int sig) {
    const bd_mcu_pin_t *d = bd_board_pin_def(mod_board(), pad);
    if (d->flags & BD_PINF_MATRIX) return true;
    for (int k = 0; k < BD_PIN_MAX_FN && d->fn[k].kind; k++)
        if (d->fn[k].kind == kind && d->fn[k].unit == unit && d->fn[k].sig == sig) return true;
    return false;
}

void mbus_check_kw(py_val_t kwnames, const char *const *allowed) {
    if (py_is_null(kwnames)) return;
    py_tuple_t *k = py_as_tuple(kwnames);
    for (size_t i = 0; i < k->len; i++) {
        const char *n = py_str_data(k->items[i]);
        bool ok = false;
        for (const char *const *a = allowed; *a; a++)
            if (!strcmp(*a, n)) ok = true;
        if (!ok) py_raise_msg(&py_type_TypeError, "extra keyword arguments given");
    }
}

py_val_t mbus_arg(int argc, const py_val_t *argv, py_val_t kwnames, int i, const char *name, py_val_t dflt) {
    if (i >= 0 && i < argc) return argv[i];
    return py_kwarg(argc, argv, kwnames, name, dflt);
}

PY_NORETURN void mbus_raise_errno(int err) {
    py_val_t e = py_small(err);
    py_raise(py_exc_new_args(&py_type_OSError, 1, &e));
}

void mbus_buffer(py_val_t v, py_buf_t *b, int writable) {
    if (!writable && py_is_str(v)) {
        b->data = (uint8_t *)py_str_data(v);
        b->len = py_str_len(v);
        b->typecode = 'B';
        b->itemsize = 1;
        b->writable = 0;
        return;
    }
    py_get_buffer(v, b, writable);
}

/* ------------------------------------------------------------ nets */

typedef struct {
    bd_spi_t bus;
    int sck, mosi, miso;
    bool stale; /* a board reset put the pads back to GPIO */
    char name[16];
} spi_net_t;

#define MAX_NETS 16
static spi_net_t *spi_nets[MAX_NETS];

/* The board keeps I2C buses by pads (bd_i2c_net), so I2C parts of the
 * parts file are already on them; the first master attaches the pads, and
 * every later one sets their mode again (a board reset put them back to
 * their reset state, as it does on the chip). */
bd_i2c_t *mbus_i2c_net(int scl, int sda, const char *name) {
    bd_i2c_t *bus;
    bd_status_t st = bd_i2c_net(mod_board(), scl, sda, name, &bus);
    if (st != BD_OK) mod_board_raise(st);
    if (bus->scl_pad < 0) bd_i2c_set_trace(bus, mod_board_trace());
    st = bd_i2c_attach_pins(bus, scl, sda);
    if (st != BD_OK) mod_board_raise(st);
    return bus;
}

bd_spi_t *mbus_spi_net(int sck, int mosi, int miso, const char *name) {
    int k;
    for (k = 0; k < MAX_NETS && spi_nets[k]; k++) {
        spi_net_t *n = spi_nets[k];
        if (n->sck != sck || n->mosi != mosi || n->miso != miso) continue;
        if (n->stale) {
            /* the first master after a reset claims the pads again */
            bd_status_t st = bd_spi_attach_pins(&n->bus, sck, mosi, miso);
            if (st != BD_OK) mod_board_raise(st);
            n->stale = false;
        }
        return &n->bus;
    }
    if (k == MAX_NETS) py_raise_msg(&py_type_OSError, "too many SPI buses");
    spi_net_t *n = calloc(1, sizeof *n);
    if (!n) py_raise_no_memory();
    n->sck = sck, n->mosi = mosi, n->miso = miso;
    snprintf(n->name, sizeof n->name, "%s", name);
    bd_spi_init(&n->bus, mod_board(), n->name);
    bd_status_t st = bd_spi_attach_pins(&n->bus, sck, mosi, miso);
    if (st != BD_OK) {
        free(n);
        mod_board_raise(st);
    }
    spi_nets[k] = n;
    return &n->bus;
}

/* A hard reset returns the pads to GPIO (machine_reset.c): the SPI nets
 * stay, with their parts, but their pads must be claimed again. */
static void on_reset(bool hard) {
    if (!hard) return;
    for (int k = 0; k < MAX_NETS && spi_nets[k]; k++) spi_nets[k]->stale = true;
}

void mod_machine_bus_init(py_val_t m) {
    mod_reset_on_reset(on_reset);
    mod_machine_uart_init(m);
    mod_machine_i2c_init(m);
    mod_machine_spi_init(m);
}
