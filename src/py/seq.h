/* seq.h: helpers shared by the list and tuple files (obj_list.c, obj_tuple.c,
 * list_sort.c) and nobody else.
 *
 * Sequences are passed to these helpers as pointers to their length and
 * items fields rather than as copies, because a list can change under any
 * call that runs Python code (__eq__, __repr__ ...): the helpers re-read both
 * after every such call, so a mutation never makes them read freed memory.
 */
#ifndef PY_SEQ_H
#define PY_SEQ_H

#include "objcore.h"
#include "runtime.h"

/* Keeps a temporary's value live (so on the C stack or in a register the
 * collector scans) up to this point: a raw items pointer alone keeps the
 * block but not the values in it. */
static inline void py_seq_keep(py_val_t v) { __asm__ volatile("" : : "r"(v) : "memory"); }

/* The list behind v: a list or an instance of a class derived from list
 * (same struct, dict slot appended); NULL for anything else. */
static inline py_list_t *py_seq_as_list(py_val_t v) {
    if (!py_is_obj(v)) return NULL;
    py_type_t *t = py_obj_type(v);
    if (t == &py_type_list) return py_as_ptr(v);
    if ((t->flags & PY_TF_LAYOUT_CONTAINER) && py_is_subtype(t, &py_type_list)) return py_as_ptr(v);
    return NULL;
}

/* The tuple behind v: a tuple or the native value of a tuple-subclass
 * instance; NULL for anything else. */
static inline py_tuple_t *py_seq_as_tuple(py_val_t v) {
    if (!py_is_obj(v)) return NULL;
    py_type_t *t = py_obj_type(v);
    if (t == &py_type_tuple) return py_as_ptr(v);
    if ((t->flags & PY_TF_LAYOUT_NATIVE) && py_is_subtype(t, &py_type_tuple)) {
        py_val_t n = ((py_instance_t *)py_as_ptr(v))->native;
        if (py_is_type(n, &py_type_tuple)) return py_as_ptr(n);
    }
    return NULL;
}

/* Index of the first item in [start, stop) equal to x (identity, then ==),
 * or -1: the search behind `in`, index() and remove().  The length is
 * re-read after every comparison (an __eq__ may shrink a list); a tuple
 * passes copies of its fields in locals, so the compiler hoists the bound.
 * The bound is a min, not two tests: with stop SIZE_MAX it folds away. */
static inline int64_t py_seq_find(const size_t *len, py_val_t *const *items, size_t start, size_t stop,
                                  py_val_t x) {
    for (size_t i = start; i < (stop < *len ? stop : *len); i++) {
        py_val_t v = (*items)[i];
        if (v == x || py_eq(v, x)) return (int64_t)i;
    }
    return -1;
}

/* How many items equal x: count(). */
static inline int64_t py_seq_count(const size_t *len, py_val_t *const *items, py_val_t x) {
    int64_t c = 0;
    for (size_t i = 0; i < *len; i++) {
        py_val_t v = (*items)[i];
        if (v == x || py_eq(v, x)) c++;
    }
    return c;
}

/* repr of a sequence: open, items separated by ", ", close; a one-item
 * tuple gets its trailing comma.  A sequence already being printed further
 * up (a list holding itself) prints as "[...]" / "(...)". */
void py_seq_print(py_sb_t *sb, const void *self, const size_t *len, py_val_t *const *items, bool tuple);

/* Lexicographic comparison of two sequences, CPython's rules: the first
 * pair of unequal items decides (by `op` on those items, whose result is
 * returned as is), otherwise the lengths do. */
py_val_t py_seq_compare(py_cmpop_t op, const size_t *alen, py_val_t *const *aitems, const size_t *blen,
                        py_val_t *const *bitems);

/* An index operand as an int64: int, bool or an object with __index__.
 * TypeError "<kind> indices must be integers or slices, not <type>"
 * otherwise; IndexError for ints too wide for an index. */
int64_t py_seq_index_value(py_val_t index, const char *kind);

/* The repeat count of seq * n: TypeError "can't multiply sequence by
 * non-int of type 'X'" for non-ints; negative counts give 0. */
bool py_seq_repeat_count(py_val_t n, int64_t *out);

/* start/stop arguments of index(): clamped like slice bounds. */
void py_seq_range_args(int argc, const py_val_t *argv, int first, size_t len, size_t *start, size_t *stop);

/* True when the right operand of a failing sequence operator is an
 * instance of a class written in Python that defines `rname`: the runtime
 * must then get the chance to call it instead of the sequence raising. */
bool py_seq_defer_to(py_val_t rhs, py_val_t rname);

#endif
