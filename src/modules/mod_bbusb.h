/* mod_bbusb.h: the USB HID binding's hooks for the sim module's table
 * (mod_bbusb.c has the `_bbusb` module itself). */
#ifndef MOD_BBUSB_H
#define MOD_BBUSB_H

#include "py/runtime.h"

py_val_t mod_sim_usb_typed(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_sim_usb_reports(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_sim_usb_host(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_sim_usb_leds(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_sim_usb_clear(int argc, const py_val_t *argv, py_val_t kw);
py_val_t mod_sim_usb_enum_delay(int argc, const py_val_t *argv, py_val_t kw);

#endif
