/* machine_bus.h: what machine.UART / I2C / SoftI2C / SPI / SoftSPI
 * (machine_uart.c, machine_i2c.c, machine_spi.c) share, and the hooks the
 * machine and sim modules call.
 *
 * Buses as wires: an I2C or SPI bus model (bd_i2c_t, bd_spi_t) belongs to
 * the pads it runs on, not to the Python object, so a SoftI2C on the pads
 * of I2C(0) talks to the same devices, and devices added by sim stay on
 * their pads when a bus object is re-initialised elsewhere.  UARTs are per
 * hardware instance (bd_uart_t per id), created on first use from either
 * side (machine.UART or sim.uart_*).
 */
#ifndef MOD_MACHINE_BUS_H
#define MOD_MACHINE_BUS_H

#include "board/bd_i2c.h"
#include "board/bd_spi.h"
#include "board/bd_uart.h"
#include "modules/board_runtime.h"

enum { MBUS_RP2, MBUS_ESP32, MBUS_STM32 };
int mbus_port(void);

/* The RP2040's clk_peri, which clocks UART and SPI: 48 MHz by default,
 * whatever the CPU clock (rp2 quickref: "The peripheral frequency must be
 * either 48 MHz or identical to the MCU frequency, with 48 MHz as the
 * default"). */
#define MBUS_RP2_CLK_PERI_HZ 48000000u

/* A pin argument as the port's buses take it (Pin, GPIO number, name) ->
 * pad index; raises ValueError. */
int mbus_pin_arg(py_val_t v);
/* The Pin() number of a pad (rp2/esp32 GPIO number). */
int mbus_pin_id(int pad);
/* Default pad of a bus signal (kind BD_FN_UART/I2C/SPI, instance, BD_SIG_*),
 * -1 when the board has none. */
int mbus_default_pad(int kind, int unit, int sig);
/* The same on any board (the --pins listing, before the run's board exists). */
int mbus_default_pad_on(const bd_board_t *b, int kind, int unit, int sig);
/* Does the pad carry the signal (always true on a GPIO-matrix chip)? */
bool mbus_pad_has(int pad, int kind, int unit, int sig);
/* TypeError "extra keyword arguments given" (the ports' wording, see
 * mod_machine.c's check_kw) for a keyword not in allowed (NULL-terminated). */
void mbus_check_kw(py_val_t kwnames, const char *const *allowed);
/* argv[i] if given positionally (i < argc), else the keyword, else dflt. */
py_val_t mbus_arg(int argc, const py_val_t *argv, py_val_t kwnames, int i, const char *name, py_val_t dflt);
PY_NORETURN void mbus_raise_errno(int err);
/* Bytes-like argument (str accepted, as MicroPython's buffer protocol does). */
void mbus_buffer(py_val_t v, py_buf_t *b, int writable);

/* Bus models by pads, created on first use. */
bd_i2c_t *mbus_i2c_net(int scl, int sda, const char *name);
bd_spi_t *mbus_spi_net(int sck, int mosi, int miso, const char *name);

/* Registration into the machine module (mod_machine.c's init). */
void mod_machine_bus_init(py_val_t m);
void mod_machine_uart_init(py_val_t m);
void mod_machine_i2c_init(py_val_t m);
void mod_machine_spi_init(py_val_t m);

/* sim side (mod_sim.c's table). */
py_val_t mod_sim_uart_loopback(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_sim_uart_send(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_sim_uart_received(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_sim_i2c_memory(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_sim_i2c_memory_read(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_sim_i2c_memory_write(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_sim_spi_loopback(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_sim_spi_received(int argc, const py_val_t *argv, py_val_t kw);

#endif
