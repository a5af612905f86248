/* mod_machine.c: the machine module on the simulated board: Pin (with soft
 * IRQs), freq, reset, unique_id, idle, disable_irq/enable_irq,
 * time_pulse_us, lightsleep.
 *
 * Fidelity: machine.Pin follows the real port of the selected board (its
 * constants' values, its constructor and init rules, its methods, its repr
 * and its error messages); each port has its own Pin type object, because
 * the ports' Pin classes differ in their methods (rp2 has low/high, esp32
 * has neither, stm32 has mode()/pull()).  Facts come from the ports'
 * machine_pin.c / pin.c behaviour as documented and observed; no code is
 * taken from them.
 *
 * Invariants:
 *   - one Pin object per pad, created on first use and kept for the run
 *     (the ports' pin objects are constants too), so `Pin(25) is Pin(25)`;
 *   - an IRQ is delivered as MicroPython's soft IRQs are: the pad's edge
 *     listener (inside the simulator) only queues handler(pin) with
 *     py_schedule; the VM runs it between bytecodes.  hard=True is accepted
 *     and delivered the same way (ASSUMPTION: no hard-IRQ context yet);
 *     level triggers fire on entering the level;
 *   - while disable_irq() is in force, edges are remembered per pad and
 *     delivered by enable_irq();
 *   - every operation charges the CPU time run so far (mod_board_now) before
 *     touching a pad, so edges carry exact virtual times.
 */
#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include "modules/board_runtime.h"
#include "modules/machine_ext.h"
#include "modules/machine_reset.h"
#include "py/runtime.h"
#include "py/sysio.h"

enum { PORT_RP2, PORT_ESP32, PORT_STM32 };

typedef struct {
    py_obj_t h;
    uint16_t idx;
} pin_obj_t;

typedef struct {
    py_obj_t h;
    uint16_t idx;
} irq_obj_t;

/* Per-pad machine state beyond what bd_pin_t holds. */
typedef struct {
    py_val_t pin;     /* the Pin object, or PY_NULL */
    py_val_t irq;     /* the IRQ object, or PY_NULL */
    py_val_t handler; /* PY_NONE: no handler */
    uint32_t trigger; /* port constant bits */
    uint32_t flags;   /* what fired last */
    int listener;     /* bd_pin listener handle, -1 */
    bool sio;         /* rp2: configured as a GPIO (funcsel SIO) */
    bool no_input;    /* esp32: a mode without the input-enable bit: value() reads 0 */
    bool deferred;    /* an edge arrived during disable_irq */
    bool hard;
    bool busy;            /* a delivery is queued or running (hard handlers, level triggers) */
    bd_event_id_t refire; /* level trigger: the pending re-check */
} pad_t;

static pad_t *pads;
static uint16_t npads;
static int port;
static bool irq_disabled;

static py_type_t pin_type_rp2, pin_type_esp32, pin_type_stm32, irq_type;

/* Each port's constants. */
typedef struct {
    int in, out, open_drain, alt, alt_od, analog; /* -1: the port has no such mode */
    int pull_up, pull_down;
    uint32_t rising, falling, low_level, high_level; /* 0: none */
} port_consts_t;

/* rp2: IRQ_FALLING 4 and IRQ_RISING 8 (the RP2040's EDGE_LOW/EDGE_HIGH
 * interrupt bits; LEVEL_LOW 1 and LEVEL_HIGH 2 are the hardware's too, and
 * a trigger of 1 or 2 works as a level trigger, but the port exports no
 * IRQ_LOW_LEVEL/IRQ_HIGH_LEVEL names and no DRIVE_n constants:
 * dir(machine.Pin) of v1.22.2 in MicroPython issue #14068, kaluma issue
 * #16).  esp32: IN|PULL_UP == OUT (issue #6895) fits IN 1, PULL_UP 2,
 * OUT 3; the other values are UNCONFIRMED (docs/board-facts.md). */
static const port_consts_t consts_tab[] = {
    [PORT_RP2] = {0, 1, 2, 3, -1, -1, 1, 2, 8, 4, 1, 2},
    [PORT_ESP32] = {1, 3, 7, -1, -1, -1, 2, 1, 1, 2, 0, 0},
    [PORT_STM32] = {0, 1, 0x11, 2, 0x12, 3, 1, 2, 0x10110000, 0x10210000, 0, 0},
};
#define C (consts_tab[port])

static py_type_t *pin_type(void) {
    return port == PORT_RP2 ? &pin_type_rp2 : port == PORT_ESP32 ? &pin_type_esp32 : &pin_type_stm32;
}

static void pads_mark(void) {
    for (uint16_t i = 0; i < npads; i++) {
        py_gc_mark(pads[i].pin);
        py_gc_mark(pads[i].irq);
        py_gc_mark(pads[i].handler);
    }
}

/* The per-pad table, sized for the board: C memory, marked as a GC root. */
static void ensure_pads(void) {
    if (pads) return;
    npads = mod_board()->npins;
    pads = calloc(npads ? npads : 1, sizeof *pads);
    if (!pads) py_raise_no_memory();
    for (uint16_t i = 0; i < npads; i++) {
        pads[i].pin = pads[i].irq = PY_NULL;
        pads[i].handler = PY_NONE;
        pads[i].listener = -1;
    }
    py_gc_add_root_fn(pads_mark);
}

static pin_obj_t *as_pin(py_val_t v) {
    py_type_t *t = pin_type();
    if (!py_is_obj(v) || py_obj_type(v) != t) py_raise_msg(&py_type_TypeError, "expecting a Pin");
    return py_as_ptr(v);
}

static bd_pin_t *pad_of(py_val_t self) { return bd_board_pin(mod_board(), as_pin(self)->idx); }

int mod_machine_pin_index(py_val_t v) {
    if (!pads || !py_is_obj(v) || py_obj_type(v) != pin_type()) return -1;
    return ((pin_obj_t *)py_as_ptr(v))->idx;
}

static py_val_t pin_object(int idx) {
    ensure_pads();
    if (py_is_null(pads[idx].pin)) {
        pin_obj_t *p = py_gc_alloc(pin_type(), sizeof(pin_obj_t));
        p->idx = (uint16_t)idx;
        pads[idx].pin = py_obj(p);
    }
    return pads[idx].pin;
}

/* The port's lookup of a Pin id; raises as the port does. */
static int find_pin(py_val_t id) {
    bd_board_t *b = mod_board();
    if (py_is_obj(id) && py_obj_type(id) == pin_type()) return ((pin_obj_t *)py_as_ptr(id))->idx;
    if (py_is_str(id)) {
        int idx = bd_board_pin_find(b, py_str_data(id), 0);
        if (idx >= 0) return idx;
        if (port == PORT_RP2) py_raise_msg(&py_type_ValueError, "unknown named pin \"%s\"", py_str_data(id));
        if (port == PORT_STM32) py_raise_msg(&py_type_ValueError, "Pin(%s) doesn't exist", py_str_data(id));
        py_raise_msg(&py_type_ValueError, "invalid pin");
    }
    if (py_is_int(id)) {
        int64_t n = py_to_i64(id);
        int idx = n >= 0 && n < 0x1000 ? bd_board_pin_by_id(b, (int)n) : -1;
        /* rp2 numbers only the MCU's own GPIOs */
        if (idx >= 0 && !(bd_board_pin_def(b, idx)->flags & BD_PINF_EXT)) return idx;
    }
    if (port == PORT_STM32) {
        py_val_t r = py_repr(id);
        py_raise_msg(&py_type_ValueError, "Pin(%s) doesn't exist", py_str_data(r));
    }
    py_raise_msg(&py_type_ValueError, "invalid pin");
}

int mod_machine_find_pin(py_val_t id) { return find_pin(id); }
py_val_t mod_machine_pin_obj(int idx) { return pin_object(idx); }
py_type_t *mod_machine_pin_type(void) { return pin_type(); }

/* ------------------------------------------------------------ configuration */

/* Keyword arguments: TypeError for a name the port's function does not
 * take, worded as the ports' native argument parser words it ("extra
 * keyword arguments given", without the name: an esp32 Pin.irq(hard=True)
 * on real firmware, jczic/KT403A-MP3 issue #1); Python-level functions
 * keep "unexpected keyword argument 'x'". */
static void check_kw(int argc, const py_val_t *argv, py_val_t kwnames, const char *const *allowed) {
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

static bool given(py_val_t v) { return !py_is_null(v); }
static bool unset(py_val_t v) { return py_is_null(v) || py_is_none(v) || (py_is_small(v) && py_as_small(v) == -1); }

static bd_pull_t pull_of(py_val_t v) {
    if (py_is_null(v) || py_is_none(v)) return BD_PULL_NONE;
    int64_t p = py_to_i64(v);
    if (port == PORT_STM32 && p != 0 && p != C.pull_up && p != C.pull_down)
        py_raise_msg(&py_type_ValueError, "invalid pin pull: %d", (int)p);
    if (p & C.pull_up) return BD_PULL_UP;
    if (p & C.pull_down) return BD_PULL_DOWN;
    return BD_PULL_NONE;
}

/* init(mode, pull, *, value, drive, alt) with the port's rules; positional
 * arguments start at argv[first]. */
static void pin_init_args(int idx, int argc, const py_val_t *argv, py_val_t kwnames, int first) {
    static const char *const kw_rp2[] = {"mode", "pull", "value", "alt", "drive", NULL};
    static const char *const kw_esp32[] = {"mode", "pull", "value", "drive", "hold", NULL};
    static const char *const kw_stm32[] = {"mode", "pull", "value", "alt", "af", NULL};
    check_kw(argc, argv, kwnames, port == PORT_RP2 ? kw_rp2 : port == PORT_ESP32 ? kw_esp32 : kw_stm32);
    int npos = argc - first;
    if (npos > 2) py_raise_msg(&py_type_TypeError, "function takes at most 3 positional arguments");
    py_val_t mode = npos > 0 ? argv[first] : py_kwarg(argc, argv, kwnames, "mode", PY_NULL);
    py_val_t pull = npos > 1 ? argv[first + 1] : py_kwarg(argc, argv, kwnames, "pull", PY_NULL);
    py_val_t value = py_kwarg(argc, argv, kwnames, "value", PY_NULL);
    py_val_t drive = py_kwarg(argc, argv, kwnames, "drive", PY_NULL);
    py_val_t alt = py_kwarg(argc, argv, kwnames, port == PORT_STM32 ? "af" : "alt", PY_NULL);
    if (port == PORT_STM32 && !given(alt)) alt = py_kwarg(argc, argv, kwnames, "alt", PY_NULL);

    mod_board_now();
    bd_board_t *b = mod_board();
    bd_pin_t *p = bd_board_pin(b, idx);
    if (port == PORT_STM32 && !given(mode)) py_raise_msg(&py_type_TypeError, "'mode' argument required");
    if (given(drive) && !py_is_none(drive)) bd_pin_set_drive(p, (uint8_t)py_to_i64(drive));
    if (given(value) && !py_is_none(value)) bd_pin_set_out(p, py_truthy(value));

    bd_pin_mode_t m = (bd_pin_mode_t)p->mode;
    bool set_mode = !unset(mode);
    if (set_mode) {
        int64_t mv = py_to_i64(mode);
        if (mv == C.in) m = BD_MODE_INPUT;
        else if (mv == C.out) m = BD_MODE_OUTPUT;
        else if (mv == C.open_drain) {
            m = BD_MODE_OPEN_DRAIN;
            if (port == PORT_RP2 && !given(value)) bd_pin_set_out(p, 1);
        } else if (C.alt >= 0 && mv == C.alt) m = BD_MODE_ALT;
        else if (C.alt_od >= 0 && mv == C.alt_od) m = BD_MODE_ALT_OPEN_DRAIN;
        else if (C.analog >= 0 && mv == C.analog) m = BD_MODE_ANALOG;
        else if (port == PORT_ESP32 && mv >= 0 && mv <= 7) {
            /* esp32 passes the number to ESP-IDF as a gpio_mode_t: bit 0
             * input enable, bit 1 output enable, bit 2 open drain (IN 1,
             * OUT 3, OPEN_DRAIN 7 are INPUT, INPUT_OUTPUT, INPUT_OUTPUT_OD;
             * issue #6895: IN|PULL_UP acted as OUT).  So Pin(5, Pin.PULL_UP)
             * is mode 2, GPIO_MODE_OUTPUT: driven, but with the input
             * buffer off gpio_get_level() and value() read 0 (IDF docs). */
            m = !(mv & 2) ? BD_MODE_INPUT : (mv & 4) ? BD_MODE_OPEN_DRAIN : BD_MODE_OUTPUT;
        }
        else if (port == PORT_RP2) m = BD_MODE_ALT; /* rp2 treats any other mode as ALT */
        else py_raise_msg(&py_type_ValueError, "invalid pin mode: %d", (int)mv);
        if (m == BD_MODE_ALT || m == BD_MODE_ALT_OPEN_DRAIN) {
            int af = given(alt) && !py_is_none(alt) ? (int)py_to_i64(alt) : -1;
            if (port == PORT_RP2 && (af < 0 || af > 9 || af == 5))
                py_raise_msg(&py_type_ValueError, "invalid pin af: %d", af < 0 ? 5 : af);
            bd_pin_set_alt(p, af);
        }
        if (port == PORT_RP2) pads[idx].sio = m != BD_MODE_ALT;
        if (port == PORT_ESP32) pads[idx].no_input = !(py_to_i64(mode) & 1);
    }
    /* rp2 and stm32 set the pull on every init (None/absent: no pull);
     * esp32 only when one is given */
    bd_pull_t pl = (bd_pull_t)p->pull;
    if (port != PORT_ESP32 || !unset(pull) || (given(pull) && py_is_none(pull))) pl = pull_of(pull);
    if (port == PORT_ESP32 && unset(pull) && !(given(pull) && py_is_none(pull))) pl = (bd_pull_t)p->pull;
    bd_status_t st = bd_pin_configure(p, m, pl);
    if (st != BD_OK) mod_board_raise(st);
}

static py_val_t pin_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc < 1) py_raise_msg(&py_type_TypeError, "function missing 1 required positional argument");
    int idx = find_pin(argv[0]);
    py_val_t self = pin_object(idx);
    if (argc > 1 || (!py_is_null(kwnames) && py_as_tuple(kwnames)->len)) pin_init_args(idx, argc, argv, kwnames, 1);
    return self;
}

static py_val_t m_init(int argc, const py_val_t *argv, py_val_t kwnames) {
    pin_init_args(as_pin(argv[0])->idx, argc, argv, kwnames, 1);
    return PY_NONE;
}

/* ------------------------------------------------------------ value */

static void set_value(py_val_t self, int v) {
    mod_board_now();
    bd_pin_set_out(pad_of(self), v);
}

static py_val_t get_value(py_val_t self) {
    mod_board_now();
    mod_board_clock_read(); /* polling a pin is watching the world: pace it */
    if (pads[as_pin(self)->idx].no_input) return py_small(0);
    return py_small(bd_pin_level(pad_of(self)));
}

static py_val_t pin_call(py_val_t self, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (!py_is_null(kwnames) && py_as_tuple(kwnames)->len)
        py_raise_msg(&py_type_TypeError, "function doesn't take keyword arguments");
    if (argc > 1) py_raise_msg(&py_type_TypeError, "function expected at most 1 arguments, got %d", argc);
    if (argc == 0) return get_value(self);
    set_value(self, py_truthy(argv[0]));
    return PY_NONE;
}

static py_val_t m_value(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc == 1) return get_value(argv[0]);
    set_value(argv[0], py_truthy(argv[1]));
    return PY_NONE;
}
static py_val_t m_on(int argc, const py_val_t *argv, py_val_t kw) {
    set_value(argv[0], 1);
    return PY_NONE;
}
static py_val_t m_off(int argc, const py_val_t *argv, py_val_t kw) {
    set_value(argv[0], 0);
    return PY_NONE;
}
static py_val_t m_toggle(int argc, const py_val_t *argv, py_val_t kw) {
    set_value(argv[0], !pad_of(argv[0])->out);
    return PY_NONE;
}

/* stm32: mode() / pull() read the configuration back as port constants. */
static py_val_t m_mode(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc > 1) {
        bd_pin_t *p = pad_of(argv[0]);
        int pl = p->pull == BD_PULL_UP ? C.pull_up : p->pull == BD_PULL_DOWN ? C.pull_down : 0;
        py_val_t a[2] = {argv[1], py_small(pl)};
        pin_init_args(as_pin(argv[0])->idx, 2, a, PY_NULL, 0);
        return PY_NONE;
    }
    switch (pad_of(argv[0])->mode) {
    case BD_MODE_OUTPUT: return py_small(C.out);
    case BD_MODE_OPEN_DRAIN: return py_small(C.open_drain);
    case BD_MODE_ALT: return py_small(C.alt);
    case BD_MODE_ALT_OPEN_DRAIN: return py_small(C.alt_od);
    case BD_MODE_ANALOG: return py_small(C.analog);
    default: return py_small(C.in);
    }
}
static py_val_t m_pull(int argc, const py_val_t *argv, py_val_t kw) {
    bd_pin_t *p = pad_of(argv[0]);
    if (argc > 1) {
        mod_board_now();
        bd_status_t st = bd_pin_set_pull(p, pull_of(argv[1]));
        if (st != BD_OK) mod_board_raise(st);
        return PY_NONE;
    }
    return py_small(p->pull == BD_PULL_UP ? C.pull_up : p->pull == BD_PULL_DOWN ? C.pull_down : 0);
}

static void pin_print(py_sb_t *sb, py_val_t self, int kind) {
    int idx = as_pin(self)->idx;
    bd_board_t *b = mod_board();
    bd_pin_t *p = bd_board_pin(b, idx);
    const bd_mcu_pin_t *d = bd_board_pin_def(b, idx);
    if (port == PORT_ESP32) {
        py_sb_printf(sb, "Pin(%d)", d->id);
        return;
    }
    if (port == PORT_STM32) {
        static const char *const modes[] = {"IN", "OUT", "OPEN_DRAIN", "ANALOG", "ALT", "ALT_OPEN_DRAIN"};
        py_sb_printf(sb, "Pin(Pin.cpu.%s, mode=Pin.%s", d->name + 1, modes[p->mode]);
        if (p->pull != BD_PULL_NONE) py_sb_printf(sb, ", pull=Pin.%s", p->pull == BD_PULL_UP ? "PULL_UP" : "PULL_DOWN");
        if ((p->mode == BD_MODE_ALT || p->mode == BD_MODE_ALT_OPEN_DRAIN) && p->alt >= 0)
            py_sb_printf(sb, ", af=%d", p->alt);
        py_sb_adds(sb, ")");
        return;
    }
    if (d->flags & BD_PINF_EXT) {
        py_sb_printf(sb, "Pin(%s, mode=%s)", d->name, p->mode == BD_MODE_OUTPUT ? "OUT" : "IN");
        return;
    }
    const char *mode = !pads[idx].sio                ? "ALT"
                       : p->mode == BD_MODE_OPEN_DRAIN ? "OPEN_DRAIN"
                       : p->mode == BD_MODE_OUTPUT     ? "OUT"
                                                       : "IN";
    py_sb_printf(sb, "Pin(%s, mode=%s", d->name, mode);
    if (p->pull == BD_PULL_UP) py_sb_adds(sb, ", pull=PULL_UP");
    if (p->pull == BD_PULL_DOWN) py_sb_adds(sb, ", pull=PULL_DOWN");
    if (!pads[idx].sio) {
        static const char *const afs[] = {"ALT_JTAG", "ALT_SPI", "ALT_UART", "ALT_I2C", "ALT_PWM",
                                          "ALT_SIO",  "ALT_PIO0", "ALT_PIO1", "ALT_GPCK", "ALT_USB"};
        if (p->alt >= 0 && p->alt <= 9) py_sb_printf(sb, ", alt=%s", afs[p->alt]);
        else py_sb_adds(sb, ", alt=31"); /* funcsel NULL: the reset state */
    }
    py_sb_adds(sb, ")");
}

/* ------------------------------------------------------------ IRQ */

/* Level triggers.  The hardware keeps a level interrupt asserted while the
 * level holds; the ports cannot clear it, so the real board re-enters the
 * handler back to back and the program stops (a soft handler never even
 * gets to run).  Modelled instead (a documented deviation): the trigger
 * fires on entering the level, and again LEVEL_REFIRE_NS after each run of
 * the handler while the level still holds, so the handler keeps being
 * called at a rate set by its own cost plus that latency and the script
 * runs in the gaps.  ASSUMPTION: 10 us, the order of an interrupt entry and
 * dispatch of the MicroPython handler on these MCUs.  One delivery per pad
 * is outstanding at a time (busy). */
#define LEVEL_REFIRE_NS BD_US(10)

static bool is_level(uint32_t t) {
    return (C.low_level && t == C.low_level) || (C.high_level && t == C.high_level);
}

static bool level_holds(int idx) {
    pad_t *pd = &pads[idx];
    if (py_is_none(pd->handler) || !is_level(pd->trigger)) return false;
    int lv = bd_pin_level(bd_board_pin(mod_board(), idx));
    return pd->trigger == C.high_level ? lv == 1 : lv == 0;
}

static void deliver(int idx);

static void on_refire(bd_sched_t *s, void *ctx, uintptr_t arg, bd_time_t now) {
    int idx = (int)arg;
    pads[idx].refire = 0;
    if (level_holds(idx)) {
        pads[idx].flags = pads[idx].trigger;
        deliver(idx);
    }
}

/* After a level handler ran: check the level again a little later. */
static void level_done(int idx) {
    pad_t *pd = &pads[idx];
    pd->busy = false;
    if (!level_holds(idx) || pd->refire) return;
    mod_board_now(); /* the handler's own CPU time first */
    bd_sched_t *s = &mod_board()->sched;
    if (bd_sched_after(s, LEVEL_REFIRE_NS, on_refire, NULL, (uintptr_t)idx, &pd->refire) != BD_OK) pd->refire = 0;
}

/* Hard IRQs (hard=True, rp2 and stm32): handler(pin) runs in hard-IRQ
 * context (py/hardirq.c: at the next poll, before soft callbacks, with the
 * heap locked, so allocating raises MemoryError).  An exception disables the
 * IRQ and is printed as the port prints it. */
static void run_hard(void *ctx, uintptr_t arg) {
    int idx = (int)arg;
    pad_t *pd = &pads[idx];
    py_val_t h = pd->handler;
    /* an edge interrupt is acknowledged on entry (a new edge during the
     * handler runs it again); a level one is re-checked after it */
    volatile bool level = is_level(pd->trigger);
    if (!level) pd->busy = false;
    if (py_is_none(h)) {
        pd->busy = false;
        return;
    }
    py_try_t t;
    if (py_try(&t)) {
        py_call1(h, pd->pin);
        py_try_end(&t);
        if (level) level_done(idx);
        return;
    }
    pd->busy = false;
    if (py_exc_matches(t.exc, py_obj(&py_type_SystemExit))) py_raise(t.exc);
    pd->handler = PY_NONE;
    pd->trigger = 0;
    py_gc_unlock(); /* printing allocates; hardirq.c locks again for the next one */
    char line[80];
    int n = port == PORT_STM32
                ? snprintf(line, sizeof line, "uncaught exception in ExtInt interrupt handler line %d\n",
                           bd_board_pin_def(mod_board(), idx)->id & 15)
                : snprintf(line, sizeof line, "Uncaught exception in IRQ callback handler\n");
    py_write_to(py_cur_stdout(), line, (size_t)n);
    py_print_exception(t.exc, py_cur_stdout());
    py_gc_lock();
}

/* Soft level IRQs: the handler runs through this, so the level is checked
 * again when it returns. */
static py_val_t level_tramp(int argc, const py_val_t *argv, py_val_t kw) {
    int idx = mod_machine_pin_index(argv[0]);
    if (idx < 0) return PY_NONE;
    py_val_t h = pads[idx].handler;
    py_try_t t;
    if (py_try(&t)) {
        if (!py_is_none(h)) py_call1(h, argv[0]);
        py_try_end(&t);
        level_done(idx);
        return PY_NONE;
    }
    level_done(idx);
    py_raise(t.exc);
}
static const py_method_def_t level_tramp_def = {"irq_level", level_tramp, 1, 1, 0};
static py_val_t level_tramp_fn = PY_NULL;

static void deliver(int idx) {
    pad_t *pd = &pads[idx];
    if (py_is_none(pd->handler)) return;
    if (irq_disabled) {
        pd->deferred = true;
        return;
    }
    bool level = is_level(pd->trigger);
    if (pd->hard) {
        /* an edge while the handler is pending is the same interrupt */
        if (!pd->busy && py_hard_irq_post(run_hard, NULL, (uintptr_t)idx)) pd->busy = true;
        return;
    }
    if (level) {
        if (!pd->busy && py_schedule(level_tramp_fn, pd->pin)) pd->busy = true;
        return;
    }
    py_schedule(pd->handler, pd->pin); /* queue full: dropped, as on the ports */
}

/* A reset: every IRQ goes (the firmware's pin deinit). */
static void pins_on_reset(bool hard) {
    bd_board_t *b = mod_board();
    for (uint16_t i = 0; i < npads; i++) {
        pad_t *pd = &pads[i];
        if (pd->listener >= 0) bd_pin_unlisten(bd_board_pin(b, i), pd->listener);
        if (pd->refire) bd_sched_cancel(&b->sched, pd->refire);
        pd->listener = -1;
        pd->refire = 0;
        pd->handler = PY_NONE;
        pd->trigger = pd->flags = 0;
        pd->hard = pd->busy = pd->deferred = false;
        if (hard) pd->sio = pd->no_input = false;
    }
    irq_disabled = false;
}

/* Runs inside the simulator: only records and queues. */
static void on_edge(void *ctx, bd_pin_t *pin, const bd_pin_event_t *ev) {
    int idx = (int)(intptr_t)ctx;
    pad_t *pd = &pads[idx];
    /* A trigger matches only when all its bits are set: on stm32 the EXTI
     * mode constants share bits (IRQ_RISING 0x10110000, IRQ_FALLING
     * 0x10210000), so a plain bitwise test would fire falling handlers on
     * rising edges too. */
    /* Level triggers are values, not bits, on esp32 (IRQ_LOW_LEVEL 4,
     * IRQ_HIGH_LEVEL 5), so they are recognised by equality first. */
    uint32_t t = pd->trigger, f = 0;
    if (C.high_level && t == C.high_level) f = ev->level ? C.high_level : 0;
    else if (C.low_level && t == C.low_level) f = ev->level ? 0 : C.low_level;
    else {
        uint32_t edge = ev->level ? C.rising : C.falling;
        if (edge && (t & edge) == edge) f = edge;
    }
    if (!f) return;
    pd->flags = f;
    deliver(idx);
}

static py_val_t irq_object(int idx) {
    if (py_is_null(pads[idx].irq)) {
        irq_obj_t *q = py_gc_alloc(&irq_type, sizeof(irq_obj_t));
        q->idx = (uint16_t)idx;
        pads[idx].irq = py_obj(q);
    }
    return pads[idx].irq;
}

/* stm32: the EXTI modes the port accepts (IRQ_RISING, IRQ_FALLING, both,
 * and the EVT_ variants), and one pin per EXTI line (PA0 and PB0 share line
 * 0): the port's errors. */
static void check_exti(int idx, uint32_t t) {
    static const uint32_t ok[] = {0x10110000, 0x10210000, 0x10310000, 0x10120000, 0x10220000, 0x10320000};
    bool valid = false;
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++) valid |= t == ok[k];
    if (!valid) py_raise_msg(&py_type_ValueError, "invalid ExtInt Mode: %u", (unsigned)t);
    bd_board_t *b = mod_board();
    int line = bd_board_pin_def(b, idx)->id & 15;
    for (uint16_t i = 0; i < npads; i++) {
        const bd_mcu_pin_t *d = bd_board_pin_def(b, i);
        if (i != idx && !py_is_none(pads[i].handler) && d->id >= 0 && d->id < 0x100 && (d->id & 15) == line)
            py_raise_msg(&py_type_OSError, "IRQ resource already taken by Pin('%s')", d->name + 1);
    }
}

static py_val_t m_irq(int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const kw_rp2[] = {"handler", "trigger", "hard", NULL};
    static const char *const kw_esp32[] = {"handler", "trigger", "wake", NULL};
    static const char *const kw_stm32[] = {"handler", "trigger", "hard", NULL};
    check_kw(argc, argv, kwnames, port == PORT_RP2 ? kw_rp2 : port == PORT_ESP32 ? kw_esp32 : kw_stm32);
    int idx = as_pin(argv[0])->idx;
    pad_t *pd = &pads[idx];
    bool any_kw = !py_is_null(kwnames) && py_as_tuple(kwnames)->len;
    if (argc > 4) py_raise_msg(&py_type_TypeError, "function takes at most 4 positional arguments");
    if (argc > 1 || any_kw) {
        py_val_t handler = argc > 1 ? argv[1] : py_kwarg(argc, argv, kwnames, "handler", PY_NONE);
        py_val_t trig = argc > 2 ? argv[2] : py_kwarg(argc, argv, kwnames, "trigger", PY_NULL);
        py_val_t hard = argc > 3 ? argv[3] : py_kwarg(argc, argv, kwnames, "hard", PY_FALSE);
        uint32_t t = py_is_null(trig) ? (C.rising | C.falling) : (uint32_t)py_to_i64(trig);
        if (port == PORT_STM32 && !py_is_none(handler)) check_exti(idx, t);
        mod_board_now();
        if (pd->refire) bd_sched_cancel(&mod_board()->sched, pd->refire);
        pd->refire = 0;
        pd->busy = false;
        pd->handler = handler;
        pd->trigger = py_is_none(handler) ? 0 : t;
        pd->hard = py_truthy(hard);
        pd->flags = 0;
        pd->deferred = false;
        if (pd->listener < 0 && !py_is_none(handler)) {
            bd_status_t st = bd_pin_listen(bd_board_pin(mod_board(), idx), BD_PEV_EDGE, on_edge,
                                           (void *)(intptr_t)idx, &pd->listener);
            if (st != BD_OK) mod_board_raise(st);
        }
        /* a level interrupt is asserted at once when the level holds */
        if (level_holds(idx)) {
            pd->flags = pd->trigger;
            deliver(idx);
        }
    }
    return irq_object(idx);
}

static py_val_t irq_flags(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small(pads[((irq_obj_t *)py_as_ptr(argv[0]))->idx].flags);
}
static py_val_t irq_trigger(int argc, const py_val_t *argv, py_val_t kw) {
    pad_t *pd = &pads[((irq_obj_t *)py_as_ptr(argv[0]))->idx];
    uint32_t old = pd->trigger;
    if (argc > 1) pd->trigger = py_is_none(pd->handler) ? 0 : (uint32_t)py_to_i64(argv[1]);
    return py_small(old);
}
static py_val_t irq_call(py_val_t self, int argc, const py_val_t *argv, py_val_t kwnames) {
    deliver(((irq_obj_t *)py_as_ptr(self))->idx);
    return PY_NONE;
}
static void irq_print(py_sb_t *sb, py_val_t self, int kind) { py_sb_adds(sb, "<IRQ>"); }

/* stm32 (pyb.Pin): name() is the cpu name without the port's 'P' ("C6") */
static py_val_t m_name(int argc, const py_val_t *argv, py_val_t kw) {
    return py_str_from_cstr(bd_board_pin_def(mod_board(), as_pin(argv[0])->idx)->name + 1);
}

/* ------------------------------------------------------------ types */

static void pin_trace(py_obj_t *o) {}

static const py_method_def_t pin_methods_rp2[] = {
    {"init", m_init, 1, -1, PY_MF_KW}, {"value", m_value, 1, 2, 0}, {"low", m_off, 1, 1, 0},
    {"high", m_on, 1, 1, 0},           {"off", m_off, 1, 1, 0},     {"on", m_on, 1, 1, 0},
    {"toggle", m_toggle, 1, 1, 0},     {"irq", m_irq, 1, 4, PY_MF_KW}, PY_MF_END,
};
static const py_method_def_t pin_methods_esp32[] = {
    {"init", m_init, 1, -1, PY_MF_KW}, {"value", m_value, 1, 2, 0},    {"off", m_off, 1, 1, 0},
    {"on", m_on, 1, 1, 0},             {"toggle", m_toggle, 1, 1, 0}, {"irq", m_irq, 1, 4, PY_MF_KW},
    PY_MF_END,
};
static const py_method_def_t pin_methods_stm32[] = {
    {"init", m_init, 1, -1, PY_MF_KW}, {"value", m_value, 1, 2, 0}, {"low", m_off, 1, 1, 0},
    {"high", m_on, 1, 1, 0},           {"off", m_off, 1, 1, 0},     {"on", m_on, 1, 1, 0},
    {"mode", m_mode, 1, 2, 0},         {"pull", m_pull, 1, 2, 0},   {"irq", m_irq, 1, 4, PY_MF_KW},
    {"name", m_name, 1, 1, 0},         {"names", mod_pin_stm32_names, 1, 1, 0},
    {"port", mod_pin_stm32_port, 1, 1, 0}, {"pin", mod_pin_stm32_pin, 1, 1, 0},
    {"gpio", mod_pin_stm32_gpio, 1, 1, 0}, {"af", mod_pin_stm32_af, 1, 1, 0},
    PY_MF_END,
};

#define PIN_TYPE(var, mt)                                                                                    \
    static py_type_t var = {                                                                                 \
        .h = {&py_type_type},                                                                                \
        .name = "Pin",                                                                                       \
        .base = &py_type_object,                                                                             \
        .instance_size = sizeof(pin_obj_t),                                                                  \
        .methods = mt,                                                                                       \
        .make_new = pin_make_new,                                                                            \
        .call = pin_call,                                                                                    \
        .print = pin_print,                                                                                  \
        .trace = pin_trace,                                                                                  \
    }
PIN_TYPE(pin_type_rp2, pin_methods_rp2);
PIN_TYPE(pin_type_esp32, pin_methods_esp32);
PIN_TYPE(pin_type_stm32, pin_methods_stm32);

static const py_method_def_t irq_methods[] = {
    {"flags", irq_flags, 1, 1, 0},
    {"trigger", irq_trigger, 1, 2, 0},
    PY_MF_END,
};
static py_type_t irq_type = {
    .h = {&py_type_type},
    .name = "IRQ",
    .base = &py_type_object,
    .instance_size = sizeof(irq_obj_t),
    .methods = irq_methods,
    .call = irq_call,
    .print = irq_print,
    .trace = pin_trace,
};

/* ------------------------------------------------------------ functions */

/* rp2: set_sys_clock_khz succeeds when the 12 MHz crystal's PLL reaches the
 * frequency exactly: VCO = 12 MHz * fbdiv (16..320) within 750..1600 MHz
 * (the RP2040 datasheet's PLL limits), divided by postdiv1 * postdiv2
 * (1..7 each); the port truncates to whole kHz. */
static bool rp2_pll_ok(uint64_t khz) {
    for (uint64_t fb = 16; fb <= 320; fb++) {
        uint64_t vco = 12000 * fb;
        if (vco < 750000 || vco > 1600000) continue;
        for (uint64_t p1 = 1; p1 <= 7; p1++)
            for (uint64_t p2 = 1; p2 <= p1; p2++)
                if (vco % (p1 * p2) == 0 && vco / (p1 * p2) == khz) return true;
    }
    return false;
}

/* freq([hz]): rp2 any PLL-reachable frequency ("cannot change frequency"
 * otherwise); esp32 20/40/80/160/240 MHz, with the port's message; stm32
 * the (sysclk, hclk, pclk1, pclk2) tuple of pyb.freq(), not settable here. */
static py_val_t f_freq(int argc, const py_val_t *argv, py_val_t kw) {
    bd_board_t *b = mod_board();
    uint64_t cur = b->sched.cpu_hz;
    if (argc == 0) {
        if (port != PORT_STM32) return py_int_from_u64(cur);
        py_val_t t = py_tuple_new(4);
        py_val_t *it = py_as_tuple(t)->items;
        it[0] = py_int_from_u64(cur), it[1] = py_int_from_u64(cur / 2);
        it[2] = py_int_from_u64(cur / 4), it[3] = py_int_from_u64(cur / 4);
        return t;
    }
    int64_t hz = py_to_i64(argv[0]);
    uint64_t set = 0;
    if (port == PORT_RP2) {
        if (hz > 0 && rp2_pll_ok((uint64_t)hz / 1000)) set = (uint64_t)hz / 1000 * 1000;
        else py_raise_msg(&py_type_ValueError, "cannot change frequency");
    } else if (port == PORT_ESP32) {
        int64_t mhz = hz / 1000000;
        if (hz % 1000000 || (mhz != 20 && mhz != 40 && mhz != 80 && mhz != 160 && mhz != 240))
            py_raise_msg(&py_type_ValueError, "frequency must be 20MHz, 40MHz, 80Mhz, 160MHz or 240MHz");
        set = (uint64_t)hz;
    } else {
        py_raise_msg(&py_type_ValueError, "cannot change frequency");
    }
    mod_board_now();
    bd_sched_set_cpu_hz(&b->sched, set);
    return PY_NONE;
}

static py_val_t f_unique_id(int argc, const py_val_t *argv, py_val_t kw) {
    /* deterministic per board: a hash of its name */
    const char *n = mod_board_def()->name;
    uint64_t h = 1469598103934665603u;
    for (; *n; n++) h = (h ^ (uint8_t)*n) * 1099511628211u;
    uint8_t id[12];
    for (int i = 0; i < 12; i++) {
        id[i] = (uint8_t)(h >> (8 * (i % 8)));
        if (i == 7) h = h * 6364136223846793005u + 1442695040888963407u;
    }
    size_t len = port == PORT_RP2 ? 8 : port == PORT_ESP32 ? 6 : 12;
    return py_bytes_new(id, len);
}

static py_val_t f_idle(int argc, const py_val_t *argv, py_val_t kw) {
    /* wait for the next interrupt, at most one 1 ms system tick */
    bd_time_t now = mod_board_now();
    bd_time_t next = mod_board()->sched.next_due, tick = now + BD_MS(1) - now % BD_MS(1);
    mod_board_sleep_until(next < tick ? next : tick);
    return PY_NONE;
}

static py_val_t f_lightsleep(int argc, const py_val_t *argv, py_val_t kw) {
    bd_time_t now = mod_board_now();
    if (argc == 0 || py_is_none(argv[0])) {
        bd_time_t next = mod_board()->sched.next_due;
        mod_board_sleep_until(next == BD_TIME_NEVER ? BD_TIME_NEVER - 1 : next);
    } else {
        int64_t ms = py_to_i64(argv[0]);
        if (ms > 0) mod_board_sleep_until(now + (bd_time_t)ms * 1000000u);
    }
    return PY_NONE;
}

static py_val_t f_disable_irq(int argc, const py_val_t *argv, py_val_t kw) {
    bool was = !irq_disabled;
    irq_disabled = true;
    return py_small(was);
}

static py_val_t f_enable_irq(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc > 0 && !py_truthy(argv[0])) return PY_NONE; /* state from a nested disable */
    irq_disabled = false;
    if (pads)
        for (uint16_t i = 0; i < npads; i++)
            if (pads[i].deferred) {
                pads[i].deferred = false;
                deliver(i);
            }
    return PY_NONE;
}

typedef struct {
    bd_pin_t *p;
    int level;
} level_wait_t;

static bool level_is(void *ctx) {
    level_wait_t *w = ctx;
    return bd_pin_level(w->p) == w->level;
}

/* time_pulse_us(pin, pulse_level, timeout_us=1000000): -2 if the pin never
 * reached pulse_level, -1 if the pulse did not end, within the timeout
 * (each wait has the whole timeout, as on the ports). */
static py_val_t f_time_pulse_us(int argc, const py_val_t *argv, py_val_t kw) {
    bd_pin_t *p = pad_of(argv[0]);
    int level = py_truthy(argv[1]);
    int64_t timeout = argc > 2 ? py_to_i64(argv[2]) : 1000000;
    if (timeout < 0) timeout = 0;
    bd_time_t t0 = mod_board_now();
    level_wait_t w = {p, level};
    if (!mod_board_wait_for(t0 + (bd_time_t)timeout * 1000u, level_is, &w)) return py_small(-2);
    bd_time_t start = mod_board()->sched.now;
    w.level = !level;
    if (!mod_board_wait_for(start + (bd_time_t)timeout * 1000u, level_is, &w)) return py_small(-1);
    return py_small((int64_t)((mod_board()->sched.now - start) / 1000u));
}

static const py_method_def_t machine_functions[] = {
    {"freq", f_freq, 0, 1, 0},
    {"unique_id", f_unique_id, 0, 0, 0},
    {"idle", f_idle, 0, 0, 0},
    {"lightsleep", f_lightsleep, 0, 1, 0},
    {"disable_irq", f_disable_irq, 0, 0, 0},
    {"enable_irq", f_enable_irq, 0, 1, 0},
    {"time_pulse_us", f_time_pulse_us, 2, 3, 0},
    PY_MF_END,
};

static void add_const(py_type_t *t, const char *name, int64_t v) {
    if (v >= 0) py_dict_set(t->dict, py_intern(name), py_int_from_i64(v));
}

void mod_machine_bus_init(py_val_t m); /* machine_bus.c: UART, I2C, SoftI2C, SPI, SoftSPI */

static void machine_init(py_val_t m) {
    const char *pn = mod_board_def()->port;
    port = !strcmp(pn, "rp2") ? PORT_RP2 : !strcmp(pn, "esp32") ? PORT_ESP32 : PORT_STM32;
    ensure_pads();
    py_type_t *t = pin_type();
    py_type_init_builtin(t);
    py_type_init_builtin(&irq_type);
    add_const(t, "IN", C.in);
    add_const(t, "OUT", C.out);
    add_const(t, "OPEN_DRAIN", C.open_drain);
    add_const(t, "ALT", C.alt);
    add_const(t, "ALT_OPEN_DRAIN", C.alt_od);
    add_const(t, "ANALOG", C.analog);
    add_const(t, "PULL_UP", C.pull_up);
    add_const(t, "PULL_DOWN", C.pull_down);
    add_const(t, "IRQ_RISING", C.rising);
    add_const(t, "IRQ_FALLING", C.falling);
    if (C.low_level && port != PORT_RP2) add_const(t, "IRQ_LOW_LEVEL", C.low_level);
    if (C.high_level && port != PORT_RP2) add_const(t, "IRQ_HIGH_LEVEL", C.high_level);
    if (port == PORT_STM32) {
        add_const(t, "PULL_NONE", 0);
        add_const(t, "OUT_PP", C.out);
        add_const(t, "OUT_OD", C.open_drain);
        add_const(t, "AF_PP", C.alt);
        add_const(t, "AF_OD", C.alt_od);
        mod_machine_pin_stm32_init(t); /* Pin.cpu, Pin.board */
    }
    if (port == PORT_ESP32) {
        add_const(t, "WAKE_LOW", 4);
        add_const(t, "WAKE_HIGH", 5);
        for (int k = 0; k < 4; k++) {
            char n[8] = "DRIVE_0";
            n[6] = (char)('0' + k);
            add_const(t, n, k);
        }
    }
    if (port == PORT_RP2) {
        static const char *const afs[] = {"ALT_SPI", "ALT_UART", "ALT_I2C", "ALT_PWM",
                                          "ALT_SIO", "ALT_PIO0", "ALT_PIO1", "ALT_GPCK", "ALT_USB"};
        for (int k = 0; k < 9; k++) add_const(t, afs[k], k + 1);
    }
    py_module_add(m, "Pin", py_obj(t));
    mod_machine_bus_init(m);
    mod_machine_adc_init(m);
    mod_machine_pwm_init(m);
    mod_machine_timer_init(m);
    mod_machine_signal_init(m);
    mod_machine_reset_init(m);
    mod_machine_wdt_init(m);
    mod_machine_rtc_init(m);
    mod_machine_bitstream_init(m); /* rp2, esp32 and stm32 all have it */
    if (py_is_null(level_tramp_fn)) {
        level_tramp_fn = py_cfunc_new(&level_tramp_def, PY_NULL);
        py_gc_add_root(&level_tramp_fn);
    }
    mod_reset_on_reset(pins_on_reset);
}

const py_module_def_t py_module_machine = {"machine", machine_functions, machine_init};
