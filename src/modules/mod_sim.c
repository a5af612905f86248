/* mod_sim.c: the `sim` module: the test bench's side of the board, so a
 * script can drive and observe the simulated world itself (self-checking
 * tests).  It is not a MicroPython module: scripts meant for real boards do
 * not import it.
 *
 *   sim.board()                    the board's name ("nano-rp2040")
 *   sim.now_us()                   virtual time in microseconds (int)
 *   sim.advance(us)                let `us` of virtual time pass (a sleep:
 *                                  events and IRQ handlers run on the way)
 *   sim.drive(pin, level, delay_us=0)
 *                                  drive a pad from outside, strongly:
 *                                  level 0/1, or None to release; with
 *                                  delay_us > 0 the change is scheduled
 *   sim.pulse(pin, width_us, delay_us=0, level=1)
 *                                  drive `level` after delay_us, then the
 *                                  opposite level width_us later
 *   sim.level(pin)                 the pad's resolved level, 0 or 1
 *   sim.edges(pin)                 rising + falling edges so far
 *   sim.voltage(pin, volts)        an analog source on the pad (what ADC
 *                                  reads); None releases it
 *   sim.temperature(celsius)       die temperature (rp2 ADC(4))
 *   sim.parts()                    the names of the --parts parts (a list)
 *   sim.part(name)                 a part by name (or kind, if only one):
 *                                  its attributes read and write by name,
 *                                  p.distance = 40, p.pressed, p.pull
 *   sim.usb_typed() / usb_reports() / usb_host() / usb_leds(mask) /
 *   usb_enum_delay(ms) / usb_clear()
 *                                  the PC on the USB port (mod_bbusb.c)
 * `pin` is a name (board label, silkscreen label or MCU name, any case: the
 * names stimulus files use), a Pin number, or a machine.Pin.
 *
 * Invariant: each pad has at most one "sim" external driver, created on
 * first use; scheduled drives carry (pad, level) in the event argument, so
 * no memory outlives the board.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules/board_runtime.h"
#include "modules/machine_bus.h"
#include "modules/machine_ext.h"
#include "modules/mod_bbusb.h"
#include "py/runtime.h"

int mod_machine_pin_index(py_val_t v); /* mod_machine.c */

static int *drivers; /* [npins]: the sim driver id per pad, -1 none */

static int pad_arg(py_val_t v) {
    bd_board_t *b = mod_board();
    int idx = -1;
    if (py_is_str(v)) {
        idx = bd_board_pin_find(b, py_str_data(v), BD_FIND_SILK | BD_FIND_NOCASE);
        if (idx < 0) py_raise_msg(&py_type_ValueError, "no pin named '%s' on %s", py_str_data(v), b->def->name);
        return idx;
    }
    idx = mod_machine_pin_index(v);
    if (idx >= 0) return idx;
    if (py_is_int(v)) {
        int64_t n = py_to_i64(v);
        idx = n >= 0 && n < 0x1000 ? bd_board_pin_by_id(b, (int)n) : -1;
        if (idx < 0) py_raise_msg(&py_type_ValueError, "no pin %d on %s", (int)n, b->def->name);
        return idx;
    }
    py_raise_msg(&py_type_TypeError, "pin must be a name, a number or a Pin");
}

static int driver_of(int idx) {
    bd_board_t *b = mod_board();
    if (!drivers) {
        drivers = malloc((b->npins ? b->npins : 1) * sizeof *drivers);
        if (!drivers) py_raise_no_memory();
        for (int i = 0; i < b->npins; i++) drivers[i] = -1;
    }
    if (drivers[idx] < 0) {
        bd_status_t st = bd_pin_driver_add(bd_board_pin(b, idx), "sim", &drivers[idx]);
        if (st != BD_OK) mod_board_raise(st);
    }
    return drivers[idx];
}

/* level code: 0 low, 1 high, 2 release */
static void apply(int idx, int code) {
    bd_pin_t *p = bd_board_pin(mod_board(), idx);
    int d = drivers[idx];
    if (code == 2) bd_pin_release(p, d);
    else bd_pin_drive(p, d, code ? BD_DRIVE_HIGH : BD_DRIVE_LOW, BD_STRONG);
}

static void drive_event(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    apply((int)(arg >> 2), (int)(arg & 3));
}

static int level_code(py_val_t v) { return py_is_none(v) ? 2 : py_truthy(v) ? 1 : 0; }

static void schedule(int idx, int code, bd_time_t at) {
    driver_of(idx);
    bd_status_t st =
        bd_sched_at(&mod_board()->sched, at, drive_event, NULL, ((uintptr_t)idx << 2) | (uintptr_t)code, NULL);
    if (st != BD_OK) mod_board_raise(st);
}

static int64_t us_arg(py_val_t v, const char *what) {
    int64_t us = py_to_i64(v);
    if (us < 0) py_raise_msg(&py_type_ValueError, "%s must be non-negative", what);
    return us;
}

static py_val_t s_drive(int argc, const py_val_t *argv, py_val_t kwnames) {
    int idx = pad_arg(argv[0]);
    int code = level_code(argv[1]);
    py_val_t dv = argc > 2 ? argv[2] : py_kwarg(argc, argv, kwnames, "delay_us", py_small(0));
    int64_t delay = us_arg(dv, "delay_us");
    bd_time_t now = mod_board_now();
    if (delay == 0) {
        driver_of(idx);
        apply(idx, code);
    } else {
        schedule(idx, code, now + (bd_time_t)delay * 1000u);
    }
    return PY_NONE;
}

static py_val_t s_pulse(int argc, const py_val_t *argv, py_val_t kwnames) {
    int idx = pad_arg(argv[0]);
    int64_t width = us_arg(argv[1], "width_us");
    int64_t delay = us_arg(argc > 2 ? argv[2] : py_kwarg(argc, argv, kwnames, "delay_us", py_small(0)), "delay_us");
    int level = py_truthy(argc > 3 ? argv[3] : py_kwarg(argc, argv, kwnames, "level", py_small(1)));
    bd_time_t now = mod_board_now();
    bd_time_t start = now + (bd_time_t)delay * 1000u;
    schedule(idx, level, start);
    schedule(idx, !level, start + (bd_time_t)width * 1000u);
    return PY_NONE;
}

static py_val_t s_level(int argc, const py_val_t *argv, py_val_t kw) {
    int idx = pad_arg(argv[0]);
    mod_board_now();
    return py_small(bd_pin_level(bd_board_pin(mod_board(), idx)));
}

static py_val_t s_edges(int argc, const py_val_t *argv, py_val_t kw) {
    int idx = pad_arg(argv[0]);
    mod_board_now();
    bd_pin_t *p = bd_board_pin(mod_board(), idx);
    return py_int_from_u64(p->rises + p->falls);
}

static py_val_t s_advance(int argc, const py_val_t *argv, py_val_t kw) {
    int64_t us = us_arg(argv[0], "time");
    bd_time_t now = mod_board_now();
    mod_board_sleep_until(now + (bd_time_t)us * 1000u);
    return PY_NONE;
}

static py_val_t s_now_us(int argc, const py_val_t *argv, py_val_t kw) {
    return py_int_from_u64(mod_board_now() / 1000u);
}

/* sim.voltage(pin, volts): an analog source on the pad (strong), what an
 * ADC channel reads; None releases it. */
static py_val_t s_voltage(int argc, const py_val_t *argv, py_val_t kw) {
    int idx = pad_arg(argv[0]);
    mod_board_now();
    int d = driver_of(idx);
    bd_pin_t *p = bd_board_pin(mod_board(), idx);
    if (py_is_none(argv[1])) {
        bd_pin_release(p, d);
        return PY_NONE;
    }
    double v = py_to_double(argv[1]);
    if (!(v > -100.0 && v < 100.0)) py_raise_msg(&py_type_ValueError, "voltage out of range");
    double uv = v * 1e6;
    bd_status_t st = bd_pin_drive_uv(p, d, (int32_t)(uv < 0 ? uv - 0.5 : uv + 0.5));
    if (st != BD_OK) mod_board_raise(st);
    return PY_NONE;
}

/* sim.temperature(celsius): the die temperature (rp2 ADC(4)). */
static py_val_t s_temperature(int argc, const py_val_t *argv, py_val_t kw) {
    double c = py_to_double(argv[0]);
    if (!(c > -273.15 && c < 1000.0)) py_raise_msg(&py_type_ValueError, "temperature out of range");
    double mc = c * 1000.0;
    mod_machine_adc_set_temp_mc((int32_t)(mc < 0 ? mc - 0.5 : mc + 0.5));
    return PY_NONE;
}

static py_val_t s_board(int argc, const py_val_t *argv, py_val_t kw) {
    return py_str_from_cstr(mod_board_def()->name);
}

/* ------------------------------------------------------------ parts */

/* A part handle holds the part's name and looks it up at each use, so no
 * pointer outlives the part set. */
typedef struct {
    py_obj_t h;
    char name[BD_PART_NAME_MAX];
} part_obj_t;

static py_type_t part_type;

static bd_part_t *part_of(py_val_t self) {
    part_obj_t *o = py_as_ptr(self);
    bd_part_t *p = bd_partset_find(mod_board_parts(), o->name);
    if (!p) py_raise_msg(&py_type_ValueError, "part '%s' is gone", o->name);
    return p;
}

static py_val_t part_getattr(py_val_t self, py_val_t name) {
    bd_part_t *p = part_of(self);
    const char *an = py_str_data(name);
    int a = bd_part_attr_find(p, an);
    if (a < 0) {
        if (!strcmp(an, "name")) return py_str_from_cstr(p->name);
        if (!strcmp(an, "kind")) return py_str_from_cstr(p->type->kind);
        return PY_NULL;
    }
    mod_board_now(); /* measurements are up to date with the script's clock */
    const bd_attr_def_t *d = &p->type->attrs[a];
    if (d->type == BD_ATTR_TEXT) { /* whole: a display's text view is kilobytes */
        bd_attr_val_t v;
        bd_part_get_value(p, a, &v);
        return py_str_from_cstr(v.text);
    }
    if (d->type == BD_ATTR_ENUM) {
        char buf[256];
        if (bd_part_get_text(p, d->name, buf, sizeof buf) != BD_OK) return PY_NULL;
        return py_str_from_cstr(buf);
    }
    double v = 0;
    if (bd_part_get_num(p, d->name, &v) != BD_OK) return PY_NULL;
    switch (d->type) {
    case BD_ATTR_BOOL: return v != 0 ? PY_TRUE : PY_FALSE;
    case BD_ATTR_INT:
    case BD_ATTR_TIME: return py_int_from_double(v);
    default: return py_float(v);
    }
}

static int part_setattr(py_val_t self, py_val_t name, py_val_t value) {
    bd_part_t *p = part_of(self);
    const char *an = py_str_data(name);
    if (py_is_null(value)) py_raise_msg(&py_type_TypeError, "can't delete a part's attribute");
    if (bd_part_attr_find(p, an) < 0) return 0;
    mod_board_now();
    char err[256];
    err[0] = 0;
    bd_status_t st;
    if (py_is_str(value)) st = bd_part_set(p, an, py_str_data(value), err, sizeof err);
    else st = bd_part_set_num(p, an, py_to_double(value), err, sizeof err);
    if (st == BD_ERR_NOMEM) py_raise_no_memory();
    if (st != BD_OK) py_raise_msg(&py_type_ValueError, "%s", err[0] ? err : bd_status_str(st));
    return 1;
}

static void part_print(py_sb_t *sb, py_val_t self, int kind) {
    part_obj_t *o = py_as_ptr(self);
    bd_part_t *p = bd_partset_find(mod_board_parts(), o->name);
    py_sb_printf(sb, "<part %s (%s)>", o->name, p ? p->type->kind : "gone");
}

static void part_trace(py_obj_t *o) {}

static py_type_t part_type = {
    .h = {&py_type_type},
    .name = "Part",
    .base = &py_type_object,
    .instance_size = sizeof(part_obj_t),
    .getattr = part_getattr,
    .setattr = part_setattr,
    .print = part_print,
    .trace = part_trace,
};

static py_val_t s_part(int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_is_str(argv[0])) py_raise_msg(&py_type_TypeError, "part name must be a str");
    bd_part_t *p = bd_partset_find(mod_board_parts(), py_str_data(argv[0]));
    if (!p) py_raise_msg(&py_type_ValueError, "no part named '%s' (see --parts)", py_str_data(argv[0]));
    static bool ready;
    if (!ready) {
        py_type_init_builtin(&part_type);
        ready = true;
    }
    part_obj_t *o = py_gc_alloc(&part_type, sizeof(part_obj_t));
    snprintf(o->name, sizeof o->name, "%s", p->name);
    return py_obj(o);
}

static py_val_t s_parts(int argc, const py_val_t *argv, py_val_t kw) {
    bd_partset_t *ps = mod_board_parts();
    py_val_t l = py_list_new(0);
    for (size_t i = 0; i < ps->n; i++) py_list_append(l, py_str_from_cstr(ps->v[i]->name));
    return l;
}

static const py_method_def_t sim_functions[] = {
    {"drive", s_drive, 2, 3, PY_MF_KW},
    {"pulse", s_pulse, 2, 4, PY_MF_KW},
    {"level", s_level, 1, 1, 0},
    {"edges", s_edges, 1, 1, 0},
    {"advance", s_advance, 1, 1, 0},
    {"now_us", s_now_us, 0, 0, 0},
    {"board", s_board, 0, 0, 0},
    {"uart_loopback", mod_sim_uart_loopback, 1, 2, 0},
    {"uart_send", mod_sim_uart_send, 2, 2, 0},
    {"uart_received", mod_sim_uart_received, 1, 1, 0},
    {"i2c_memory", mod_sim_i2c_memory, 2, 4, PY_MF_KW},
    {"i2c_memory_read", mod_sim_i2c_memory_read, 4, 4, 0},
    {"i2c_memory_write", mod_sim_i2c_memory_write, 4, 4, 0},
    {"spi_loopback", mod_sim_spi_loopback, 1, 2, PY_MF_KW},
    {"spi_received", mod_sim_spi_received, 1, 1, 0},
    {"voltage", s_voltage, 2, 2, 0},
    {"temperature", s_temperature, 1, 1, 0},
    {"part", s_part, 1, 1, 0},
    {"parts", s_parts, 0, 0, 0},
    {"usb_typed", mod_sim_usb_typed, 0, 0, 0},
    {"usb_reports", mod_sim_usb_reports, 0, 1, 0},
    {"usb_host", mod_sim_usb_host, 0, 0, 0},
    {"usb_leds", mod_sim_usb_leds, 1, 1, 0},
    {"usb_clear", mod_sim_usb_clear, 0, 0, 0},
    {"usb_enum_delay", mod_sim_usb_enum_delay, 1, 1, 0},
    PY_MF_END,
};

const py_module_def_t py_module_sim = {"sim", sim_functions, NULL};
