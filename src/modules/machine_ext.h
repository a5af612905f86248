/* machine_ext.h: what mod_machine.c shares with the other machine classes
 * (machine_adc.c, machine_pwm.c, machine_timer.c, machine_signal.c), and
 * their registration hooks, called from machine's module init. */
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

/* sim.temperature: the die temperature the rp2 sensor (ADC(4)) reads. */
void mod_machine_adc_set_temp_mc(int32_t mc);

/* The stimulus file's UART lines (machine_uart.c): bytes into UART id's RX
 * (false: no such UART; never raises), and everything its TX sent. */
bool mod_machine_uart_inject(int id, const uint8_t *data, size_t len);
size_t mod_machine_uart_sent(int id, const char **data);

#endif
