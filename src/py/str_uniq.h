/* str_uniq.h: the read side of the in-place `x += str` protocol (vm.c).
 *
 * A str made by the VM's `x += s` gets py_str_t.uniq = 1 when it is stored
 * into the variable x: at that moment the variable is its only reference.
 * Every read of a variable or of a dict value "touches" the value:
 * 1 -> 2 (read once), 2 -> 0 (read twice: may be shared from now on).  The
 * next `x += s` loads x (one read, so 2) and, finding exactly that one read
 * since the store, knows the operand on its stack is the only other
 * reference, which it is about to consume: it may append to the str's spare
 * capacity in place.  Any other read in between (by the VM or by C code
 * through the dict API) drops the state to 0 and the += copies, as usual.
 * So C code that reads dict values must touch them (obj_dict.c does), and
 * the VM touches on LOAD_FAST/LOAD_DEREF/LOAD_NAME/LOAD_GLOBAL.
 */
#ifndef PY_STR_UNIQ_H
#define PY_STR_UNIQ_H

#include "runtime.h"

static inline py_val_t py_str_touch(py_val_t v) {
    if (py_is_obj(v)) {
        py_str_t *s = (py_str_t *)py_as_ptr(v);
        if (__builtin_expect(s->h.type == &py_type_str && s->uniq, 0)) s->uniq = s->uniq == 1 ? 2 : 0;
    }
    return v;
}

#endif
