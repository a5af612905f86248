/* slot_dunders.h: generates the operator dunder methods (__eq__, __or__,
 * __ror__, __repr__ ...) of a builtin container type from its C slots, so
 * Python code can call list.__eq__(a, b) or super().__or__(x) in a
 * subclass.  A slot answer of PY_NULL becomes NotImplemented, as in CPython.
 * The numeric types have their own set in num_dunders.h.
 *
 * Use inside obj_list.c / obj_tuple.c / obj_set.c / obj_dict.c:
 *     SLOT_BINOP(fname, slot, OP)     fname(a, b) is slot(OP, a, b)
 *     SLOT_RBINOP(fname, slot, OP)    reflected: slot(OP, b, a)
 *     SLOT_COMPARES(P, compare_slot)  P##_eq, P##_ne, P##_lt ... P##_ge
 *     SLOT_SET_OPS(P, binary_slot)    P##_and/or/sub/xor and P##_rand ... P##_rxor
 *     SLOT_REPR(fname, print_slot)
 * then put SLOT_COMPARE_DEFS(P) / SLOT_SET_OP_DEFS(P) in the method table.
 */
#ifndef PY_SLOT_DUNDERS_H
#define PY_SLOT_DUNDERS_H

/* A = 0, B = 1 for the operator, A = 1, B = 0 for its reflection */
#define SLOT_OP_(fname, SLOT, OP, A, B)                                                                      \
    static py_val_t fname(int argc, const py_val_t *argv, py_val_t kw) {                                     \
        py_val_t r = SLOT(OP, argv[A], argv[B]);                                                             \
        return py_is_null(r) ? PY_NOTIMPLEMENTED : r;                                                        \
    }
#define SLOT_BINOP(fname, SLOT, OP) SLOT_OP_(fname, SLOT, OP, 0, 1)
#define SLOT_RBINOP(fname, SLOT, OP) SLOT_OP_(fname, SLOT, OP, 1, 0)

#define SLOT_COMPARES(P, SLOT)                                                                               \
    SLOT_BINOP(P##_eq, SLOT, PY_CMP_EQ)                                                                      \
    SLOT_BINOP(P##_ne, SLOT, PY_CMP_NE)                                                                      \
    SLOT_BINOP(P##_lt, SLOT, PY_CMP_LT)                                                                      \
    SLOT_BINOP(P##_le, SLOT, PY_CMP_LE)                                                                      \
    SLOT_BINOP(P##_gt, SLOT, PY_CMP_GT)                                                                      \
    SLOT_BINOP(P##_ge, SLOT, PY_CMP_GE)
#define SLOT_COMPARE_DEFS(P)                                                                                 \
    {"__eq__", P##_eq, 2, 2, 0}, {"__ne__", P##_ne, 2, 2, 0}, {"__lt__", P##_lt, 2, 2, 0},                   \
        {"__le__", P##_le, 2, 2, 0}, {"__gt__", P##_gt, 2, 2, 0}, {"__ge__", P##_ge, 2, 2, 0}

/* The set operators of sets and of the set-like dict views. */
#define SLOT_SET_OPS(P, SLOT)                                                                                \
    SLOT_BINOP(P##_and, SLOT, PY_OP_AND)                                                                     \
    SLOT_BINOP(P##_or, SLOT, PY_OP_OR)                                                                       \
    SLOT_BINOP(P##_sub, SLOT, PY_OP_SUB)                                                                     \
    SLOT_BINOP(P##_xor, SLOT, PY_OP_XOR)                                                                     \
    SLOT_RBINOP(P##_rand, SLOT, PY_OP_AND)                                                                   \
    SLOT_RBINOP(P##_ror, SLOT, PY_OP_OR)                                                                     \
    SLOT_RBINOP(P##_rsub, SLOT, PY_OP_SUB)                                                                   \
    SLOT_RBINOP(P##_rxor, SLOT, PY_OP_XOR)
#define SLOT_SET_OP_DEFS(P)                                                                                  \
    {"__and__", P##_and, 2, 2, 0}, {"__or__", P##_or, 2, 2, 0}, {"__sub__", P##_sub, 2, 2, 0},               \
        {"__xor__", P##_xor, 2, 2, 0}, {"__rand__", P##_rand, 2, 2, 0}, {"__ror__", P##_ror, 2, 2, 0},       \
        {"__rsub__", P##_rsub, 2, 2, 0}, {"__rxor__", P##_rxor, 2, 2, 0}

#define SLOT_REPR(fname, PRINT)                                                                              \
    static py_val_t fname(int argc, const py_val_t *argv, py_val_t kw) {                                     \
        py_sb_t sb;                                                                                          \
        py_sb_init(&sb);                                                                                     \
        PRINT(&sb, argv[0], PY_PRINT_REPR);                                                                  \
        return py_sb_to_str(&sb);                                                                            \
    }

#endif
