/* machine_bitstream.c: machine.bitstream(pin, encoding, timing, data), the
 * bit-banged pulse trains behind the neopixel module, as real edges on the
 * virtual clock.
 *
 * Encoding 0 is the only one (machine docs): "high low" pulse duration
 * modulation, most significant bit first; timing is the 4-tuple of
 * nanoseconds (high_time_0, low_time_0, high_time_1, low_time_1).  Each bit
 * drives the pin high for its high time, then low for its low time, so the
 * trace and the VCD show the train with exact times (the ports are within
 * about 30 ns of the request on these MCUs: the docs' figure).  The call
 * blocks for the whole train, as the ports do with interrupts disabled:
 * board events (parts, stimulus) run at their times, Python IRQ handlers
 * only after the call returns.  The pin is made an output if it is not one.
 * The ports with it: rp2, esp32 (the RMT) and stm32.
 * Errors: a timing that is not 4 items (ValueError, the length message of
 * MicroPython's fixed-size unpacking), an unknown encoding
 * (ValueError("encoding")), a data object without the buffer protocol
 * (TypeError).
 */
#include "modules/board_runtime.h"
#include "modules/machine_ext.h"
#include "py/runtime.h"

static bool never(void *ctx) { return false; }

/* Drives `level` now and holds it for ns. */
static void hold(bd_pin_t *p, int level, uint64_t ns) {
    bd_pin_set_out(p, level);
    bd_time_t now = mod_board()->sched.now;
    if (ns) mod_board_wait_for(now + ns, never, NULL);
}

static py_val_t f_bitstream(int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_is_obj(argv[0]) || py_obj_type(argv[0]) != mod_machine_pin_type())
        py_raise_msg(&py_type_TypeError, "expecting a Pin");
    int idx = mod_machine_find_pin(argv[0]);
    int64_t enc = py_to_i64(argv[1]);
    size_t n;
    py_val_t *items;
    if (!py_seq_items(argv[2], &n, &items)) py_raise_msg(&py_type_TypeError, "object isn't a tuple or list");
    if (n != 4) py_raise_msg(&py_type_ValueError, "requested length 4 but object has length %d", (int)n);
    uint64_t t[4];
    for (int i = 0; i < 4; i++) {
        int64_t v = py_to_i64(items[i]);
        t[i] = v < 0 ? 0 : (uint64_t)v; /* the ports take the times unsigned: ASSUMPTION, 0 */
    }
    py_buf_t b;
    py_get_buffer(argv[3], &b, 0);
    if (enc != 0) py_raise_msg(&py_type_ValueError, "encoding");
    mod_board_now();
    bd_pin_t *p = bd_board_pin(mod_board(), idx);
    if (p->mode != BD_MODE_OUTPUT && p->mode != BD_MODE_OPEN_DRAIN) {
        bd_status_t st = bd_pin_configure(p, BD_MODE_OUTPUT, (bd_pull_t)p->pull);
        if (st != BD_OK) mod_board_raise(st);
    }
    /* no Python runs during the train, so the buffer cannot change under it */
    for (size_t i = 0; i < b.len; i++) {
        uint8_t byte = b.data[i];
        for (int bit = 7; bit >= 0; bit--) {
            int one = (byte >> bit) & 1;
            hold(p, 1, t[one * 2]);
            hold(p, 0, t[one * 2 + 1]);
        }
    }
    return PY_NONE;
}

static const py_method_def_t bitstream_def = {"bitstream", f_bitstream, 4, 4, 0};

void mod_machine_bitstream_init(py_val_t m) { py_module_add(m, "bitstream", py_cfunc_new(&bitstream_def, PY_NULL)); }
