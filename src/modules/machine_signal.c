/* machine_signal.c: machine.Signal, a Pin with an optional inversion.
 *
 * Signal(pin_obj, *, invert=False) wraps an existing Pin; Signal(id, mode,
 * pull, ..., invert=False) builds the Pin from the arguments (as the Pin
 * constructor would, with its errors).  value([x]), on(), off() and
 * __call__([x]); on() sets the pin to !invert.  As in MicroPython, the
 * wrapped object is used through its value call, so any pin works.
 */
#include <string.h>

#include "modules/board_runtime.h"
#include "modules/machine_ext.h"
#include "py/runtime.h"

typedef struct {
    py_obj_t h;
    py_val_t pin;
    bool invert;
} sig_obj_t;

static py_type_t sig_type;

static sig_obj_t *self_of(py_val_t v) { return py_as_ptr(v); }

static py_val_t sig_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc < 1) py_raise_msg(&py_type_TypeError, "function missing 1 required positional argument");
    py_val_t inv = py_kwarg(argc, argv, kwnames, "invert", PY_NULL);
    size_t nkw = py_is_null(kwnames) ? 0 : py_as_tuple(kwnames)->len;
    py_type_t *pt = mod_machine_pin_type();
    py_val_t pin;
    size_t rest = nkw - (py_is_null(inv) ? 0 : 1);
    if (argc == 1 && rest == 0 && py_is_obj(argv[0]) && py_obj_type(argv[0]) == pt) {
        pin = argv[0];
    } else {
        /* the Pin constructor with the other arguments */
        py_val_t args[argc + (int)rest];
        py_val_t kn = PY_NULL;
        for (int i = 0; i < argc; i++) args[i] = argv[i];
        if (rest) {
            kn = py_tuple_new(rest);
            py_tuple_t *src = py_as_tuple(kwnames), *dst = py_as_tuple(kn);
            size_t j = 0;
            for (size_t i = 0; i < nkw; i++) {
                if (!strcmp(py_str_data(src->items[i]), "invert")) continue;
                dst->items[j] = src->items[i];
                args[argc + (int)j] = argv[argc + (int)i];
                j++;
            }
        }
        pin = py_call(py_obj(pt), argc, args, kn);
    }
    sig_obj_t *o = py_gc_alloc(&sig_type, sizeof *o);
    o->pin = pin;
    o->invert = !py_is_null(inv) && py_truthy(inv);
    return py_obj(o);
}

static py_val_t get(sig_obj_t *o) {
    int v = py_truthy(py_call0(o->pin));
    return py_small(v ^ o->invert);
}

static void set(sig_obj_t *o, bool v) {
    py_val_t x = py_small((v ^ o->invert) ? 1 : 0);
    py_call1(o->pin, x);
}

static py_val_t sig_call(py_val_t self, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (!py_is_null(kwnames) && py_as_tuple(kwnames)->len)
        py_raise_msg(&py_type_TypeError, "function doesn't take keyword arguments");
    if (argc > 1) py_raise_msg(&py_type_TypeError, "function expected at most 1 arguments, got %d", argc);
    if (argc == 0) return get(self_of(self));
    set(self_of(self), py_truthy(argv[0]));
    return PY_NONE;
}

static py_val_t m_value(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc == 1) return get(self_of(argv[0]));
    set(self_of(argv[0]), py_truthy(argv[1]));
    return PY_NONE;
}
static py_val_t m_on(int argc, const py_val_t *argv, py_val_t kw) {
    set(self_of(argv[0]), true);
    return PY_NONE;
}
static py_val_t m_off(int argc, const py_val_t *argv, py_val_t kw) {
    set(self_of(argv[0]), false);
    return PY_NONE;
}

/* The ports' Signal has no print function: MicroPython prints a native
 * object without one as <TypeName>. */
static void sig_print(py_sb_t *sb, py_val_t self, int kind) { py_sb_adds(sb, "<Signal>"); }

static void sig_trace(py_obj_t *o) { py_gc_mark(((sig_obj_t *)o)->pin); }

static const py_method_def_t sig_methods[] = {
    {"value", m_value, 1, 2, 0},
    {"on", m_on, 1, 1, 0},
    {"off", m_off, 1, 1, 0},
    PY_MF_END,
};

static py_type_t sig_type = {
    .h = {&py_type_type},
    .name = "Signal",
    .base = &py_type_object,
    .instance_size = sizeof(sig_obj_t),
    .methods = sig_methods,
    .make_new = sig_make_new,
    .call = sig_call,
    .print = sig_print,
    .trace = sig_trace,
};

void mod_machine_signal_init(py_val_t m) {
    py_type_init_builtin(&sig_type);
    py_module_add(m, "Signal", py_obj(&sig_type));
}
