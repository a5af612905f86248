/* num_dunders.h: generates the arithmetic dunder methods (__add__, __radd__,
 * __eq__, __neg__, __repr__ ...) of a numeric builtin type from its C slots,
 * so Python code can call int.__add__(a, b) or super().__add__(x) in a
 * subclass.  A slot answer of PY_NULL becomes NotImplemented, as in CPython.
 *
 * Use inside obj_int.c / obj_float.c / obj_complex.c:
 *     NUM_DUNDERS(prefix, binary_slot, compare_slot, unary_slot, print_slot)
 *     NUM_DIVMOD(prefix, binary_slot)            (int, float)
 *     NUM_BIT_DUNDERS(prefix, binary_slot, unary_slot)   (int, bool)
 * then put NUM_ARITH_DEFS / NUM_COMMON_DEFS / NUM_DIVMOD_DEFS / NUM_BITS_DEFS
 * in the type's method table.
 */
#ifndef PY_NUM_DUNDERS_H
#define PY_NUM_DUNDERS_H

#define NUM_BIN_(P, name, OP, SLOT)                                                 \
    static py_val_t P##_d_##name(int argc, const py_val_t *argv, py_val_t kw) {      \
        (void)argc, (void)kw;                                                        \
        py_val_t r = SLOT(OP, argv[0], argv[1]);                                     \
        return py_is_null(r) ? PY_NOTIMPLEMENTED : r;                                \
    }                                                                                \
    static py_val_t P##_d_r##name(int argc, const py_val_t *argv, py_val_t kw) {     \
        (void)argc, (void)kw;                                                        \
        py_val_t r = SLOT(OP, argv[1], argv[0]);                                     \
        return py_is_null(r) ? PY_NOTIMPLEMENTED : r;                                \
    }

#define NUM_CMP_(P, name, OP, SLOT)                                                 \
    static py_val_t P##_d_##name(int argc, const py_val_t *argv, py_val_t kw) {      \
        (void)argc, (void)kw;                                                        \
        py_val_t r = SLOT(OP, argv[0], argv[1]);                                     \
        return py_is_null(r) ? PY_NOTIMPLEMENTED : r;                                \
    }

#define NUM_UN_(P, name, OP, SLOT)                                                  \
    static py_val_t P##_d_##name(int argc, const py_val_t *argv, py_val_t kw) {      \
        (void)argc, (void)kw;                                                        \
        py_val_t r = SLOT(OP, argv[0]);                                              \
        if (py_is_null(r)) py_raise_msg(&py_type_TypeError, "bad operand type");     \
        return r;                                                                    \
    }

#define NUM_DUNDERS(P, BIN, CMP, UN, PRINT)                                          \
    NUM_BIN_(P, add, PY_OP_ADD, BIN)                                                 \
    NUM_BIN_(P, sub, PY_OP_SUB, BIN)                                                 \
    NUM_BIN_(P, mul, PY_OP_MUL, BIN)                                                 \
    NUM_BIN_(P, truediv, PY_OP_TRUEDIV, BIN)                                         \
    NUM_BIN_(P, floordiv, PY_OP_FLOORDIV, BIN)                                       \
    NUM_BIN_(P, mod, PY_OP_MOD, BIN)                                                 \
    NUM_BIN_(P, pow, PY_OP_POW, BIN)                                                 \
    NUM_CMP_(P, lt, PY_CMP_LT, CMP)                                                  \
    NUM_CMP_(P, le, PY_CMP_LE, CMP)                                                  \
    NUM_CMP_(P, eq, PY_CMP_EQ, CMP)                                                  \
    NUM_CMP_(P, ne, PY_CMP_NE, CMP)                                                  \
    NUM_CMP_(P, gt, PY_CMP_GT, CMP)                                                  \
    NUM_CMP_(P, ge, PY_CMP_GE, CMP)                                                  \
    NUM_UN_(P, neg, PY_UNARY_NEG, UN)                                                \
    NUM_UN_(P, pos, PY_UNARY_POS, UN)                                                \
    NUM_UN_(P, abs, PY_UNARY_ABS, UN)                                                \
    NUM_UN_(P, bool, PY_UNARY_BOOL, UN)                                              \
    NUM_UN_(P, hash, PY_UNARY_HASH, UN)                                              \
    static py_val_t P##_d_repr(int argc, const py_val_t *argv, py_val_t kw) {        \
        (void)argc, (void)kw;                                                        \
        py_sb_t sb;                                                                  \
        py_sb_init(&sb);                                                             \
        PRINT(&sb, argv[0], PY_PRINT_REPR);                                          \
        return py_sb_to_str(&sb);                                                    \
    }

#define NUM_DIVMOD(P, BIN)                                                           \
    static py_val_t P##_d_divmod(int argc, const py_val_t *argv, py_val_t kw) {      \
        (void)argc, (void)kw;                                                        \
        py_val_t q = BIN(PY_OP_FLOORDIV, argv[0], argv[1]);                          \
        if (py_is_null(q)) return PY_NOTIMPLEMENTED;                                 \
        return py_tuple_pack(2, q, BIN(PY_OP_MOD, argv[0], argv[1]));                \
    }                                                                                \
    static py_val_t P##_d_rdivmod(int argc, const py_val_t *argv, py_val_t kw) {     \
        (void)argc, (void)kw;                                                        \
        py_val_t q = BIN(PY_OP_FLOORDIV, argv[1], argv[0]);                          \
        if (py_is_null(q)) return PY_NOTIMPLEMENTED;                                 \
        return py_tuple_pack(2, q, BIN(PY_OP_MOD, argv[1], argv[0]));                \
    }

/* Bitwise operators, for int and bool. */
#define NUM_BIT_DUNDERS(P, BIN, UN)                                                  \
    NUM_BIN_(P, lshift, PY_OP_LSHIFT, BIN)                                           \
    NUM_BIN_(P, rshift, PY_OP_RSHIFT, BIN)                                           \
    NUM_BIN_(P, and, PY_OP_AND, BIN)                                                 \
    NUM_BIN_(P, or, PY_OP_OR, BIN)                                                   \
    NUM_BIN_(P, xor, PY_OP_XOR, BIN)                                                 \
    NUM_UN_(P, invert, PY_UNARY_INVERT, UN)

#define NUM_DEF2_(P, name) {"__" #name "__", P##_d_##name, 2, 2, 0}, {"__r" #name "__", P##_d_r##name, 2, 2, 0}
#define NUM_DEF1_(P, name, n) {"__" #name "__", P##_d_##name, n, n, 0}

/* Arithmetic dunders: __add__.. __xor__ with reflected forms, __divmod__. */
#define NUM_ARITH_DEFS(P)                                                             \
    NUM_DEF2_(P, add), NUM_DEF2_(P, sub), NUM_DEF2_(P, mul), NUM_DEF2_(P, truediv),   \
        NUM_DEF2_(P, floordiv), NUM_DEF2_(P, mod), NUM_DEF2_(P, pow)
#define NUM_DIVMOD_DEFS(P) NUM_DEF2_(P, divmod)
#define NUM_BITS_DEFS(P)                                                              \
    NUM_DEF2_(P, lshift), NUM_DEF2_(P, rshift), NUM_DEF2_(P, and), NUM_DEF2_(P, or), NUM_DEF2_(P, xor), \
        NUM_DEF1_(P, invert, 1)
/* Comparisons, unary operators and __repr__/__str__. */
#define NUM_COMMON_DEFS(P)                                                            \
    NUM_DEF1_(P, lt, 2), NUM_DEF1_(P, le, 2), NUM_DEF1_(P, eq, 2), NUM_DEF1_(P, ne, 2), \
        NUM_DEF1_(P, gt, 2), NUM_DEF1_(P, ge, 2), NUM_DEF1_(P, neg, 1), NUM_DEF1_(P, pos, 1), \
        NUM_DEF1_(P, abs, 1), NUM_DEF1_(P, bool, 1), NUM_DEF1_(P, hash, 1),           \
        {"__repr__", P##_d_repr, 1, 1, 0}, {"__str__", P##_d_repr, 1, 1, 0}

#endif
