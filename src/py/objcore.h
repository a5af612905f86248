/* objcore.h: internals shared by the object-core files only (runtime.c,
 * obj_type.c, obj_exception.c, init.c).  Other parts use runtime.h. */
#ifndef PY_OBJCORE_H
#define PY_OBJCORE_H

#include "runtime.h"

/* Private type flags of classes written in Python (high bits, so they never
 * collide with obj.h's PY_TF_*): how an instance stores its builtin part. */
#define PY_TF_LAYOUT_NATIVE 0x01000000u    /* py_instance_t, value in .native (int, str, tuple ...) */
#define PY_TF_LAYOUT_CONTAINER 0x02000000u /* the base's struct, dict slot appended (list, dict ...) */
#define PY_TF_LAYOUT_TYPE 0x04000000u      /* a metaclass: instances are py_type_t */

/* The builtin value behind an instance of a class derived from int, str,
 * tuple ... ; any other value is returned unchanged. */
static inline py_val_t py_unwrap_native(py_val_t v) {
    if (py_is_obj(v)) {
        py_type_t *t = py_obj_type(v);
        if (t->flags & PY_TF_LAYOUT_NATIVE) return ((py_instance_t *)py_as_ptr(v))->native;
    }
    return v;
}

/* obj_type.c */
void py_default_repr(py_sb_t *sb, py_val_t v); /* "<__main__.A object at 0x...>" */
py_val_t py_cfunc_call(py_val_t f, int argc, const py_val_t *argv, py_val_t kwnames);
py_val_t py_bound_call(py_val_t f, int argc, const py_val_t *argv, py_val_t kwnames);
/* Binary operators of classes written in Python, by operand role. */
py_val_t py_heap_binary_left(py_binop_t op, py_val_t lhs, py_val_t rhs);
py_val_t py_heap_binary_right(py_binop_t op, py_val_t lhs, py_val_t rhs);
py_val_t py_heap_binary(py_binop_t op, py_val_t lhs, py_val_t rhs); /* the stored slot */
/* Looks a name up in the classes written in Python at the front of t's MRO. */
py_val_t py_lookup_heap(const py_type_t *t, py_val_t name);
/* Calls an attribute found on a type as a method of self. */
py_val_t py_call_bound(py_val_t attr, py_val_t self, int argc, const py_val_t *argv, py_val_t kwnames);
/* Moves on whenever a class is created or a class attribute changes in a way
 * that may change some attribute lookup (vm.c's inline caches trust what they
 * learned about classes while it stands still; never reused, so a recycled
 * type address cannot match an old cache entry). */
extern uint64_t py_type_epoch;
void py_types_init(void);

/* obj_exception.c */
void py_exceptions_init(void);
void py_exceptions_deinit(void);

/* runtime.c */
py_val_t py_seq_iter_new(py_val_t seq); /* iterator over __getitem__(0, 1, ...) */

/* gc.c: the usable size of the block at p (a block start). */
size_t py_gc_block_size(const void *p);

#endif
