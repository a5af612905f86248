/* machine_pin_stm32.c: what the stm32 port's Pin (pyb.Pin, which is also
 * machine.Pin there) has beyond the other ports' Pin, from the pyb.Pin
 * documentation:
 *   Pin.cpu.A3     the pin by its MCU name without the 'P' (the name the
 *                  repr prints: Pin(Pin.cpu.A3, mode=Pin.OUT));
 *   Pin.board.X    the pin by a name the board's firmware gives it
 *                  (pins.csv: "UART1_TX", "DAC1"; the board tables of
 *                  src/board/bd_boards.c, docs/pins.md);
 *   names()        [cpu name, board names...];
 *   port(), pin()  the GPIO port (0 = A) and the bit in it;
 *   gpio()         the base address of the pin's GPIO block: on the
 *                  STM32H747, GPIOA at 0x58020000 and one block of 0x400
 *                  per port up to GPIOK (RM0399's memory map; stm32-rs
 *                  register pages: GPIOB 0x58020400, GPIOI 0x58022000);
 *   af()           the alternate function configured (0 when none).
 * Not modelled: af_list() and the per-pin AF constants (Pin.AF2_TIM3): the
 * board tables do not carry the datasheet's AF numbers.
 * The namespaces are objects that resolve names on attribute access, so
 * they need no table of their own and stay in step with the board tables.
 */
#include <string.h>

#include "modules/board_runtime.h"
#include "modules/machine_ext.h"
#include "py/runtime.h"

typedef struct {
    py_obj_t h;
    bool cpu; /* Pin.cpu (MCU names) or Pin.board (firmware names) */
} ns_obj_t;

static py_type_t ns_type;

static int ns_find(const ns_obj_t *ns, const char *n) {
    bd_board_t *b = mod_board();
    if (ns->cpu) {
        char mcu[24];
        if (strlen(n) + 2 > sizeof mcu) return -1;
        mcu[0] = 'P';
        strcpy(mcu + 1, n);
        int idx = bd_board_pin_find(b, mcu, 0);
        return idx >= 0 && !strcmp(bd_board_pin_def(b, idx)->name, mcu) ? idx : -1;
    }
    int idx = bd_board_pin_find(b, n, 0);
    /* a firmware label only: the MCU names live in Pin.cpu */
    return idx >= 0 && strcmp(bd_board_pin_def(b, idx)->name, n) ? idx : -1;
}

/* The port's namespaces are classes: a missing name is worded as for a
 * type object. */
static py_val_t ns_getattr(py_val_t self, py_val_t name) {
    const ns_obj_t *ns = py_as_ptr(self);
    const char *n = py_str_data(name);
    if (n[0] == '_') return PY_NULL;
    int idx = ns_find(ns, n);
    if (idx < 0)
        py_raise_msg(&py_type_AttributeError, "type object '%s' has no attribute '%s'", ns->cpu ? "cpu" : "board", n);
    return mod_machine_pin_obj(idx);
}

static void ns_print(py_sb_t *sb, py_val_t self, int kind) {
    py_sb_adds(sb, ((const ns_obj_t *)py_as_ptr(self))->cpu ? "<class 'cpu'>" : "<class 'board'>");
}

static py_type_t ns_type = {
    .h = {&py_type_type},
    .name = "pin_names",
    .base = &py_type_object,
    .instance_size = sizeof(ns_obj_t),
    .getattr = ns_getattr,
    .print = ns_print,
};

static int pad_of(py_val_t self) { return mod_machine_find_pin(self); }

py_val_t mod_pin_stm32_names(int argc, const py_val_t *argv, py_val_t kw) {
    bd_board_t *b = mod_board();
    int idx = pad_of(argv[0]);
    const char *labels[8];
    size_t n = bd_board_pin_labels(b, idx, labels, 8);
    if (n > 8) n = 8;
    py_val_t out = py_list_new(0);
    py_list_append(out, py_str_from_cstr(bd_board_pin_def(b, idx)->name + 1));
    for (size_t i = 0; i < n; i++) {
        /* silkscreen-only labels are not names the firmware knows */
        if (bd_board_pin_find(b, labels[i], 0) == idx) py_list_append(out, py_str_from_cstr(labels[i]));
    }
    return out;
}

py_val_t mod_pin_stm32_port(int argc, const py_val_t *argv, py_val_t kw) {
    const bd_mcu_pin_t *d = bd_board_pin_def(mod_board(), pad_of(argv[0]));
    return py_small((d->id & 0xff) / 16);
}

py_val_t mod_pin_stm32_pin(int argc, const py_val_t *argv, py_val_t kw) {
    const bd_mcu_pin_t *d = bd_board_pin_def(mod_board(), pad_of(argv[0]));
    return py_small((d->id & 0xff) % 16);
}

py_val_t mod_pin_stm32_gpio(int argc, const py_val_t *argv, py_val_t kw) {
    const bd_mcu_pin_t *d = bd_board_pin_def(mod_board(), pad_of(argv[0]));
    return py_int_from_i64(0x58020000 + 0x400 * ((d->id & 0xff) / 16));
}

py_val_t mod_pin_stm32_af(int argc, const py_val_t *argv, py_val_t kw) {
    const bd_pin_t *p = bd_board_pin(mod_board(), pad_of(argv[0]));
    bool alt = p->mode == BD_MODE_ALT || p->mode == BD_MODE_ALT_OPEN_DRAIN;
    return py_small(alt && p->alt >= 0 ? p->alt : 0);
}

void mod_machine_pin_stm32_init(py_type_t *pin_type) {
    py_type_init_builtin(&ns_type);
    for (int k = 0; k < 2; k++) {
        ns_obj_t *ns = py_gc_alloc(&ns_type, sizeof *ns);
        ns->cpu = k == 0;
        py_dict_set(pin_type->dict, py_intern(k == 0 ? "cpu" : "board"), py_obj(ns));
    }
}
