/* machine_ext.h: what mod_machine.c shares with the other machine classes
 * (machine_adc.c, machine_pwm.c, machine_timer.c, machine_signal.c,
 * machine_wdt.c, machine_rtc.c, machine_bitstream.c), and their
 * registration hooks, called from machine's module init. */
#ifndef MOD_MACHINE_EXT_H
#define MOD_MACHINE_EXT_H

#include "py/runtime.h"

/* The port's lookup of a Pin id (a Pin, a name or a number): the pad index;
 * raises ValueError with the port's message. */
int mod_machine_find_pin(py_val_t id);
/* The machine.Pin object of a pad, and the port's Pin type. */
py_val_t mod_machine_pin_obj(int idx);
py_type_t *mod_machine_pin_type(void);

void mod_machine_adc_init(py_val_t machine);
void mod_machine_pwm_init(py_val_t machine);
void mod_machine_timer_init(py_val_t machine);
void mod_machine_signal_init(py_val_t machine);
void mod_machine_wdt_init(py_val_t machine);       /* machine_wdt.c */
void mod_machine_rtc_init(py_val_t machine);       /* machine_rtc.c */
void mod_machine_bitstream_init(py_val_t machine); /* machine_bitstream.c */

/* machine_pin_stm32.c: pyb.Pin's Pin.cpu / Pin.board namespaces (added to
 * the stm32 Pin type) and its names() port() pin() gpio() af() methods. */
void mod_machine_pin_stm32_init(py_type_t *pin_type);
py_val_t mod_pin_stm32_names(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_pin_stm32_port(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_pin_stm32_pin(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_pin_stm32_gpio(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_pin_stm32_af(int argc, const py_val_t *argv, py_val_t kw);

/* machine_wdt.c: a watchdog is counting (a reset will come unless fed). */
bool mod_machine_wdt_armed(void);
/* machine_rtc.c: the RTC in Unix nanoseconds (time.time() and localtime()
 * read it); --rtc YYYY-MM-DDTHH:MM:SS sets its power-on date (false: not a
 * valid date). */
int64_t mod_rtc_unix_ns(void);
bool mod_rtc_set_start(const char *iso);

/* sim.temperature: the die temperature the rp2 sensor (ADC(4)) reads. */
void mod_machine_adc_set_temp_mc(int32_t mc);

/* The stimulus file's UART lines (machine_uart.c): bytes into UART id's RX
 * (false: no such UART; never raises), and everything its TX sent. */
bool mod_machine_uart_inject(int id, const uint8_t *data, size_t len);
size_t mod_machine_uart_sent(int id, const char **data);

#endif
