/* compile_expr.c: expressions, assignment targets and conditions to bytecode.
 *
 * Notes on the shapes chosen:
 *  - `obj.name(args)` without * or ** uses LOAD_METHOD/CALL_METHOD, which
 *    avoids allocating a bound method per call;
 *  - calls with * or ** build one args tuple (a lone `*it` is passed as is:
 *    CALL_FUNCTION_EX accepts any iterable) and one kwargs dict, merged with
 *    DICT_MERGE so a repeated keyword is a TypeError;
 *  - conditions (cc_jump_if) compile `not`, `and`, `or` and single
 *    comparisons straight into branches, so `if a < b:` is COMPARE_OP +
 *    POP_JUMP_IF_FALSE, the pair the VM fuses for small ints;
 *  - long displays are built in chunks so the value stack stays small;
 *  - constant folding is limited to what cannot raise or blow up: literal
 *    tuples, unary minus/plus/invert on numbers, and small-int arithmetic
 *    whose result is bounded.  MicroPython's const(x) is folded to x.
 */
#include <string.h>

#include "compile.h"

#define CHUNK 32 /* display elements pushed before switching to appends */

static void set_line(cc_t *c, int line) {
    if (line > 0) c->u->line = line;
}

static const char *describe(py_ast_t *e) {
    switch (e->kind) {
    case AST_CALL: return "function call";
    case AST_CONSTANT:
        if (e->op == AST_CONST_NONE) return "None";
        if (e->op == AST_CONST_TRUE) return "True";
        if (e->op == AST_CONST_FALSE) return "False";
        if (e->op == AST_CONST_ELLIPSIS) return "ellipsis";
        return "literal";
    case AST_LAMBDA: return "lambda";
    case AST_IFEXP: return "conditional expression";
    case AST_COMPARE: return "comparison";
    case AST_YIELD: case AST_YIELDFROM: return "yield expression";
    case AST_AWAIT: return "await expression";
    case AST_DICT: return "dict literal";
    case AST_SET: return "set display";
    case AST_JOINEDSTR: return "f-string expression";
    case AST_NAMEDEXPR: return "named expression";
    case AST_LISTCOMP: return "list comprehension";
    case AST_SETCOMP: return "set comprehension";
    case AST_DICTCOMP: return "dict comprehension";
    case AST_GENEXP: return "generator expression";
    default: return "expression";
    }
}

/* ------------------------------------------------------------ constants */

static py_val_t literal(cc_t *c, py_ast_t *e) {
    switch (e->op) {
    case AST_CONST_NONE: return PY_NONE;
    case AST_CONST_TRUE: return PY_TRUE;
    case AST_CONST_FALSE: return PY_FALSE;
    case AST_CONST_ELLIPSIS: return PY_ELLIPSIS;
    case AST_CONST_INT: return cc_keep(c, py_int_from_i64(e->ival));
    case AST_CONST_BIGINT: return cc_keep(c, py_int_from_str(e->str, e->len, 0));
    case AST_CONST_FLOAT: return py_float(e->fval);
    case AST_CONST_IMAG: return cc_keep(c, py_complex_new(0.0, e->fval));
    case AST_CONST_STR: return cc_str_const(c, e->str, e->len);
    case AST_CONST_BYTES: return cc_keep(c, py_bytes_new(e->str, e->len));
    default: return PY_NONE;
    }
}

static bool is_exact_int(py_val_t v) { return py_is_small(v) || py_is_type(v, &py_type_int); }

static bool fold_binop(int op, py_val_t a, py_val_t b, py_val_t *out) {
    bool ints = py_is_small(a) && py_is_small(b);
    bool floats = (py_is_float(a) || py_is_small(a)) && (py_is_float(b) || py_is_small(b)) && !ints;
    if (!ints && !floats) return false;
    int64_t x = ints ? py_as_small(a) : 0, y = ints ? py_as_small(b) : 0;
    switch (op) {
    case PY_OP_ADD: case PY_OP_SUB: case PY_OP_MUL: break;
    case PY_OP_TRUEDIV: case PY_OP_FLOORDIV: case PY_OP_MOD:
        if (ints ? y == 0 : py_to_double(b) == 0.0) return false;
        break;
    case PY_OP_POW: {
        if (!ints || y < 0 || y > 64) return false;
        /* bounded: |x| ** y below 2**62 */
        int64_t ax = x < 0 ? -x : x;
        if (ax > 1) {
            int bits = 0;
            while (ax >> bits) bits++;
            if ((int64_t)bits * y > 62) return false;
        }
        break;
    }
    case PY_OP_LSHIFT:
        if (!ints || y < 0 || y > 64) return false;
        break;
    case PY_OP_RSHIFT:
        if (!ints || y < 0) return false;
        break;
    case PY_OP_AND: case PY_OP_OR: case PY_OP_XOR:
        if (!ints) return false;
        break;
    default: return false;
    }
    *out = py_binary((py_binop_t)op, a, b);
    return true;
}

static bool is_const_call(py_ast_t *e) {
    return e->kind == AST_CALL && e->a->kind == AST_NAME && !strcmp(e->a->str, "const") && e->s1.n == 1 &&
           e->s1.items[0]->kind != AST_STARRED && e->s1.items[0]->kind != AST_KEYWORD;
}

bool cc_const_value(cc_t *c, py_ast_t *e, py_val_t *out) {
    py_check_stack(); /* folds recurse: `-----...1` or `1+1+...` is as deep as the source is long */
    switch (e->kind) {
    case AST_CONSTANT: *out = literal(c, e); return true;
    case AST_UNARYOP: {
        if (e->op == AST_NOT) return false;
        py_val_t v;
        if (!cc_const_value(c, e->a, &v)) return false;
        bool num = is_exact_int(v) || py_is_float(v) || py_is_type(v, &py_type_complex);
        if (!num || (e->op == AST_INVERT && !is_exact_int(v))) return false;
        py_unop_t op = e->op == AST_NEG ? PY_UNARY_NEG : e->op == AST_POS ? PY_UNARY_POS : PY_UNARY_INVERT;
        *out = cc_keep(c, py_unary(op, v));
        return true;
    }
    case AST_BINOP: {
        py_val_t a, b;
        if (!cc_const_value(c, e->a, &a) || !cc_const_value(c, e->b, &b)) return false;
        if (!fold_binop(e->op, a, b, out)) return false;
        cc_keep(c, *out);
        return true;
    }
    case AST_TUPLE: {
        for (int i = 0; i < e->s1.n; i++)
            if (e->s1.items[i]->kind == AST_STARRED) return false;
        py_val_t t = cc_keep(c, py_tuple_new((size_t)e->s1.n));
        for (int i = 0; i < e->s1.n; i++) {
            py_val_t v;
            if (!cc_const_value(c, e->s1.items[i], &v)) return false;
            py_as_tuple(t)->items[i] = v;
        }
        *out = t;
        return true;
    }
    case AST_CALL:
        if (is_const_call(e)) return cc_const_value(c, e->s1.items[0], out);
        return false;
    default: return false;
    }
}

/* ------------------------------------------------------------ displays */

static bool any_starred(py_ast_seq_t *q) {
    for (int i = 0; i < q->n; i++)
        if (q->items[i]->kind == AST_STARRED) return true;
    return false;
}

static bool all_const(cc_t *c, py_ast_seq_t *q) {
    for (int i = 0; i < q->n; i++)
        if (q->items[i]->kind != AST_CONSTANT) return false;
    return true;
}

/* kind: AST_LIST, AST_TUPLE or AST_SET */
static void build_seq(cc_t *c, py_ast_seq_t *q, int kind) {
    int n = q->n;
    bool starred = any_starred(q);
    int build = kind == AST_SET ? OP_BUILD_SET : kind == AST_TUPLE ? OP_BUILD_TUPLE : OP_BUILD_LIST;
    if (!starred && n <= CHUNK) {
        for (int i = 0; i < n; i++) cc_expr(c, q->items[i]);
        cc_emit(c, build, (uint32_t)n);
        return;
    }
    bool set = kind == AST_SET;
    if (!starred && kind != AST_TUPLE && n > 4 && all_const(c, q)) {
        /* a literal table: one constant tuple copied in */
        py_val_t t = cc_keep(c, py_tuple_new((size_t)n));
        for (int i = 0; i < n; i++) {
            py_val_t v;
            cc_const_value(c, q->items[i], &v);
            py_as_tuple(t)->items[i] = v;
        }
        cc_emit(c, set ? OP_BUILD_SET : OP_BUILD_LIST, 0);
        cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, t));
        cc_emit(c, set ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
        return;
    }
    int k = 0;
    while (k < n && k < CHUNK && q->items[k]->kind != AST_STARRED) cc_expr(c, q->items[k++]);
    cc_emit(c, set ? OP_BUILD_SET : OP_BUILD_LIST, (uint32_t)k);
    for (int i = k; i < n; i++) {
        py_ast_t *x = q->items[i];
        if (x->kind == AST_STARRED) {
            cc_expr(c, x->a);
            cc_emit(c, set ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
        } else {
            cc_expr(c, x);
            cc_emit(c, set ? OP_SET_ADD : OP_LIST_APPEND, 1);
        }
    }
    if (kind == AST_TUPLE) cc_emit(c, OP_LIST_TO_TUPLE, 0);
}

static void build_dict(cc_t *c, py_ast_t *e) {
    int n = e->s1.n;
    int k = 0;
    while (k < n && k < CHUNK / 2 && e->s1.items[k]) {
        cc_expr(c, e->s1.items[k]);
        cc_expr(c, e->s2.items[k]);
        k++;
    }
    cc_emit(c, OP_BUILD_MAP, (uint32_t)k);
    for (int i = k; i < n; i++) {
        if (!e->s1.items[i]) {
            cc_expr(c, e->s2.items[i]);
            cc_emit(c, OP_DICT_UPDATE, 1);
        } else {
            cc_expr(c, e->s1.items[i]);
            cc_expr(c, e->s2.items[i]);
            cc_emit(c, OP_MAP_ADD, 1);
        }
    }
}

/* ------------------------------------------------------------ comparisons */

static void emit_cmp(cc_t *c, int op) {
    switch (op) {
    case AST_CMP_EQ: cc_emit(c, OP_COMPARE_OP, PY_CMP_EQ); break;
    case AST_CMP_NE: cc_emit(c, OP_COMPARE_OP, PY_CMP_NE); break;
    case AST_CMP_LT: cc_emit(c, OP_COMPARE_OP, PY_CMP_LT); break;
    case AST_CMP_LE: cc_emit(c, OP_COMPARE_OP, PY_CMP_LE); break;
    case AST_CMP_GT: cc_emit(c, OP_COMPARE_OP, PY_CMP_GT); break;
    case AST_CMP_GE: cc_emit(c, OP_COMPARE_OP, PY_CMP_GE); break;
    case AST_CMP_IS: cc_emit(c, OP_IS_OP, 0); break;
    case AST_CMP_IS_NOT: cc_emit(c, OP_IS_OP, 1); break;
    case AST_CMP_IN: cc_emit(c, OP_CONTAINS_OP, 0); break;
    default: cc_emit(c, OP_CONTAINS_OP, 1); break;
    }
}

static void expr_compare(cc_t *c, py_ast_t *e) {
    int n = e->s1.n;
    cc_expr(c, e->a);
    if (n == 1) {
        cc_expr(c, e->s1.items[0]);
        set_line(c, e->line);
        emit_cmp(c, e->ops[0]);
        return;
    }
    /* a < b < c: each middle operand is evaluated once and kept for the next test */
    int cleanup = cc_new_label(c), end = cc_new_label(c);
    for (int i = 0; i < n - 1; i++) {
        cc_expr(c, e->s1.items[i]);
        set_line(c, e->line);
        cc_emit(c, OP_DUP_TOP, 0);
        cc_emit(c, OP_ROT_THREE, 0);
        emit_cmp(c, e->ops[i]);
        cc_emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    cc_expr(c, e->s1.items[n - 1]);
    set_line(c, e->line);
    emit_cmp(c, e->ops[n - 1]);
    cc_emit_jump(c, OP_JUMP, end);
    cc_bind(c, cleanup);
    cc_emit(c, OP_ROT_TWO, 0);
    cc_emit(c, OP_POP_TOP, 0);
    cc_bind(c, end);
}

void cc_jump_if(cc_t *c, py_ast_t *e, bool cond, int label) {
    py_check_stack();
    int saved = c->u->line;
    set_line(c, e->line);
    switch (e->kind) {
    case AST_UNARYOP:
        if (e->op == AST_NOT) {
            cc_jump_if(c, e->a, !cond, label);
            c->u->line = saved;
            return;
        }
        break;
    case AST_BOOLOP: {
        bool is_and = e->op == AST_AND;
        int n = e->s1.n;
        if (is_and != cond) {
            /* any operand alone decides the jump */
            for (int i = 0; i < n; i++) cc_jump_if(c, e->s1.items[i], cond, label);
        } else {
            int skip = cc_new_label(c);
            for (int i = 0; i < n - 1; i++) cc_jump_if(c, e->s1.items[i], !cond, skip);
            cc_jump_if(c, e->s1.items[n - 1], cond, label);
            cc_bind(c, skip);
        }
        c->u->line = saved;
        return;
    }
    case AST_COMPARE:
        if (e->s1.n == 1) {
            cc_expr(c, e->a);
            cc_expr(c, e->s1.items[0]);
            set_line(c, e->line);
            emit_cmp(c, e->ops[0]);
            cc_emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
            c->u->line = saved;
            return;
        }
        break;
    case AST_CONSTANT:
        if (e->op == AST_CONST_TRUE || e->op == AST_CONST_FALSE || e->op == AST_CONST_NONE ||
            e->op == AST_CONST_INT) {
            bool truth = e->op == AST_CONST_TRUE || (e->op == AST_CONST_INT && e->ival != 0);
            if (truth == cond) cc_emit_jump(c, OP_JUMP, label);
            c->u->line = saved;
            return;
        }
        break;
    default: break;
    }
    cc_expr(c, e);
    set_line(c, e->line);
    cc_emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
    c->u->line = saved;
}

/* ------------------------------------------------------------ calls */

static void check_repeated_keywords(cc_t *c, py_ast_seq_t *args) {
    if (args->n > 64) {
        /* a dict of the interned names: pairwise comparison would be
         * quadratic in machine-generated calls with thousands of keywords */
        py_val_t seen = py_dict_new();
        for (int i = 0; i < args->n; i++) {
            py_ast_t *k = args->items[i];
            if (k->kind != AST_KEYWORD || !k->str) continue;
            py_val_t name = py_intern(k->str);
            if (!py_is_null(py_dict_get(seen, name)))
                cc_error(c, k->line, k->col, "keyword argument repeated: %s", k->str);
            py_dict_set(seen, name, PY_TRUE);
        }
        return;
    }
    for (int i = 0; i < args->n; i++) {
        py_ast_t *k = args->items[i];
        if (k->kind != AST_KEYWORD || !k->str) continue;
        for (int j = 0; j < i; j++) {
            py_ast_t *o = args->items[j];
            if (o->kind == AST_KEYWORD && o->str && !strcmp(o->str, k->str))
                cc_error(c, k->line, k->col, "keyword argument repeated: %s", k->str);
        }
    }
}

static py_val_t kwnames_tuple(cc_t *c, py_ast_seq_t *args, int nkw) {
    py_val_t t = cc_keep(c, py_tuple_new((size_t)nkw));
    int k = 0;
    for (int i = 0; i < args->n; i++) {
        py_ast_t *a = args->items[i];
        if (a->kind == AST_KEYWORD) py_as_tuple(t)->items[k++] = cc_keep(c, py_intern(a->str));
    }
    return t;
}

/* Emits the arguments and the call; the callee and `npushed` positional
 * arguments are on the stack already. */
void cc_call_args(cc_t *c, py_ast_seq_t *args, int npushed, int line) {
    check_repeated_keywords(c, args);
    int nplain = 0, nstar = 0, nkw = 0, ndstar = 0;
    for (int i = 0; i < args->n; i++) {
        py_ast_t *a = args->items[i];
        if (a->kind == AST_STARRED) nstar++;
        else if (a->kind == AST_KEYWORD) {
            if (a->str) nkw++;
            else ndstar++;
        } else nplain++;
    }
    if (!nstar && !ndstar) {
        for (int i = 0; i < args->n; i++)
            if (args->items[i]->kind != AST_KEYWORD) cc_expr(c, args->items[i]);
        for (int i = 0; i < args->n; i++)
            if (args->items[i]->kind == AST_KEYWORD) cc_expr(c, args->items[i]->a);
        set_line(c, line);
        uint32_t n = (uint32_t)(npushed + nplain + nkw);
        if (nkw) {
            cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, kwnames_tuple(c, args, nkw)));
            cc_emit(c, OP_CALL_FUNCTION_KW, n);
        } else {
            cc_emit(c, OP_CALL_FUNCTION, n);
        }
        return;
    }
    /* positional part: one tuple (or the lone iterable of `f(*it)`) */
    if (nstar == 1 && nplain == 0 && npushed == 0) {
        for (int i = 0; i < args->n; i++)
            if (args->items[i]->kind == AST_STARRED) cc_expr(c, args->items[i]->a);
    } else if (nstar == 0) {
        for (int i = 0; i < args->n; i++)
            if (args->items[i]->kind != AST_KEYWORD) cc_expr(c, args->items[i]);
        cc_emit(c, OP_BUILD_TUPLE, (uint32_t)(npushed + nplain));
    } else {
        int i = 0, k = npushed;
        for (; i < args->n; i++) {
            py_ast_t *a = args->items[i];
            if (a->kind == AST_KEYWORD) continue;
            if (a->kind == AST_STARRED) break;
            cc_expr(c, a);
            k++;
        }
        cc_emit(c, OP_BUILD_LIST, (uint32_t)k);
        for (; i < args->n; i++) {
            py_ast_t *a = args->items[i];
            if (a->kind == AST_KEYWORD) continue;
            if (a->kind == AST_STARRED) {
                cc_expr(c, a->a);
                cc_emit(c, OP_LIST_EXTEND, 1);
            } else {
                cc_expr(c, a);
                cc_emit(c, OP_LIST_APPEND, 1);
            }
        }
        cc_emit(c, OP_LIST_TO_TUPLE, 0);
    }
    /* keyword part: one dict */
    if (nkw + ndstar == 0) {
        set_line(c, line);
        cc_emit(c, OP_CALL_FUNCTION_EX, 0);
        return;
    }
    if (ndstar == 1 && nkw == 0) {
        for (int i = 0; i < args->n; i++)
            if (args->items[i]->kind == AST_KEYWORD) cc_expr(c, args->items[i]->a);
    } else {
        int i = 0, k = 0;
        for (; i < args->n; i++) {
            py_ast_t *a = args->items[i];
            if (a->kind != AST_KEYWORD) continue;
            if (!a->str) break;
            cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, cc_keep(c, py_intern(a->str))));
            cc_expr(c, a->a);
            k++;
        }
        cc_emit(c, OP_BUILD_MAP, (uint32_t)k);
        for (; i < args->n; i++) {
            py_ast_t *a = args->items[i];
            if (a->kind != AST_KEYWORD) continue;
            if (a->str) {
                cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, cc_keep(c, py_intern(a->str))));
                cc_expr(c, a->a);
                cc_emit(c, OP_BUILD_MAP, 1);
            } else {
                cc_expr(c, a->a);
            }
            set_line(c, line);
            cc_emit(c, OP_DICT_MERGE, 1);
        }
    }
    set_line(c, line);
    cc_emit(c, OP_CALL_FUNCTION_EX, 1);
}

static bool simple_args(py_ast_seq_t *args) {
    for (int i = 0; i < args->n; i++) {
        py_ast_t *a = args->items[i];
        if (a->kind == AST_STARRED || (a->kind == AST_KEYWORD && !a->str)) return false;
    }
    return true;
}

static void expr_call(cc_t *c, py_ast_t *e) {
    py_ast_t *f = e->a;
    py_val_t v;
    if (is_const_call(e) && cc_const_value(c, e->s1.items[0], &v)) {
        cc_load_value(c, v);
        return;
    }
    cc_scope_t *sc = c->u->st;
    if (f->kind == AST_NAME && !strcmp(f->str, "super") && e->s1.n == 0) {
        /* zero-argument super(): super(__class__, <first argument>) */
        cc_sym_t *sy = cc_lookup(sc, "super");
        cc_sym_t *cy = cc_lookup(sc, "__class__");
        const char *arg = cc_super_arg(sc);
        if (arg && (!sy || sy->scope == SC_GLOBAL_IMPLICIT) && cy && cy->scope == SC_FREE) {
            cc_name_op(c, "super", CTX_LOAD);
            cc_name_op(c, "__class__", CTX_LOAD);
            cc_name_op(c, arg, CTX_LOAD);
            set_line(c, e->line);
            cc_emit(c, OP_CALL_FUNCTION, 2);
            return;
        }
    }
    if (f->kind == AST_ATTRIBUTE && simple_args(&e->s1)) {
        check_repeated_keywords(c, &e->s1);
        cc_expr(c, f->a);
        set_line(c, e->line);
        cc_emit(c, OP_LOAD_METHOD, (uint32_t)cc_add_name(c, cc_mangle(c, sc->private_name, f->str)));
        int n = 0, nkw = 0;
        for (int i = 0; i < e->s1.n; i++)
            if (e->s1.items[i]->kind != AST_KEYWORD) {
                cc_expr(c, e->s1.items[i]);
                n++;
            }
        for (int i = 0; i < e->s1.n; i++)
            if (e->s1.items[i]->kind == AST_KEYWORD) {
                cc_expr(c, e->s1.items[i]->a);
                nkw++;
            }
        set_line(c, e->line);
        if (nkw) {
            cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, kwnames_tuple(c, &e->s1, nkw)));
            cc_emit(c, OP_CALL_METHOD_KW, (uint32_t)(n + nkw));
        } else {
            cc_emit(c, OP_CALL_METHOD, (uint32_t)n);
        }
        return;
    }
    cc_expr(c, f);
    cc_call_args(c, &e->s1, 0, e->line);
}

/* ------------------------------------------------------------ f-strings */

static void expr_formatted(cc_t *c, py_ast_t *e) {
    cc_expr(c, e->a);
    uint32_t flags = e->ival == 's' ? 1 : e->ival == 'r' ? 2 : e->ival == 'a' ? 3 : 0;
    if (e->b) {
        cc_expr(c, e->b);
        flags |= 4;
    }
    set_line(c, e->line);
    cc_emit(c, OP_FORMAT_VALUE, flags);
}

static void expr_joined(cc_t *c, py_ast_t *e) {
    int n = e->s1.n;
    if (n == 0) {
        cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, cc_str_const(c, "", 0)));
        return;
    }
    for (int i = 0; i < n; i++) cc_expr(c, e->s1.items[i]);
    if (n > 1) cc_emit(c, OP_BUILD_STRING, (uint32_t)n);
}

/* ------------------------------------------------------------ expressions */

void cc_expr(cc_t *c, py_ast_t *e) {
    py_check_stack();
    int saved = c->u->line;
    set_line(c, e->line);
    py_val_t v;
    switch (e->kind) {
    case AST_CONSTANT: cc_load_value(c, literal(c, e)); break;
    case AST_NAME: cc_name_op(c, e->str, CTX_LOAD); break;
    case AST_BOOLOP: {
        int end = cc_new_label(c);
        int op = e->op == AST_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
        for (int i = 0; i < e->s1.n - 1; i++) {
            cc_expr(c, e->s1.items[i]);
            cc_emit_jump(c, op, end);
        }
        cc_expr(c, e->s1.items[e->s1.n - 1]);
        cc_bind(c, end);
        break;
    }
    case AST_NAMEDEXPR:
        cc_expr(c, e->b);
        cc_emit(c, OP_DUP_TOP, 0);
        cc_name_op(c, e->a->str, CTX_STORE);
        break;
    case AST_BINOP:
        if (cc_const_value(c, e, &v)) {
            cc_load_value(c, v);
            break;
        }
        cc_expr(c, e->a);
        cc_expr(c, e->b);
        set_line(c, e->line);
        cc_emit(c, OP_BINARY_OP, e->op);
        break;
    case AST_UNARYOP:
        if (e->op == AST_NOT) {
            cc_expr(c, e->a);
            cc_emit(c, OP_UNARY_NOT, 0);
            break;
        }
        if (cc_const_value(c, e, &v)) {
            cc_load_value(c, v);
            break;
        }
        cc_expr(c, e->a);
        set_line(c, e->line);
        cc_emit(c, OP_UNARY_OP,
                e->op == AST_NEG ? PY_UNARY_NEG : e->op == AST_POS ? PY_UNARY_POS : PY_UNARY_INVERT);
        break;
    case AST_LAMBDA: cc_lambda(c, e); break;
    case AST_IFEXP: {
        int orelse = cc_new_label(c), end = cc_new_label(c);
        cc_jump_if(c, e->a, false, orelse);
        cc_expr(c, e->b);
        cc_emit_jump(c, OP_JUMP, end);
        cc_bind(c, orelse);
        cc_expr(c, e->c);
        cc_bind(c, end);
        break;
    }
    case AST_DICT: build_dict(c, e); break;
    case AST_TUPLE:
        if (e->s1.n && cc_const_value(c, e, &v)) {
            cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, v));
            break;
        }
        build_seq(c, &e->s1, AST_TUPLE);
        break;
    case AST_LIST: build_seq(c, &e->s1, AST_LIST); break;
    case AST_SET: build_seq(c, &e->s1, AST_SET); break;
    case AST_LISTCOMP:
    case AST_SETCOMP:
    case AST_DICTCOMP:
    case AST_GENEXP: cc_comprehension(c, e); break;
    case AST_AWAIT:
        cc_expr(c, e->a);
        set_line(c, e->line);
        cc_emit(c, OP_GET_AWAITABLE, 0);
        cc_emit(c, OP_LOAD_NONE, 0);
        cc_emit(c, OP_YIELD_FROM, 0);
        break;
    case AST_YIELD:
        if (e->a) cc_expr(c, e->a);
        else cc_emit(c, OP_LOAD_NONE, 0);
        set_line(c, e->line);
        cc_emit(c, OP_YIELD_VALUE, 0);
        break;
    case AST_YIELDFROM:
        cc_expr(c, e->a);
        set_line(c, e->line);
        cc_emit(c, OP_GET_YIELD_FROM_ITER, 0);
        cc_emit(c, OP_LOAD_NONE, 0);
        cc_emit(c, OP_YIELD_FROM, 0);
        break;
    case AST_COMPARE: expr_compare(c, e); break;
    case AST_CALL: expr_call(c, e); break;
    case AST_FORMATTEDVALUE: expr_formatted(c, e); break;
    case AST_JOINEDSTR: expr_joined(c, e); break;
    case AST_ATTRIBUTE:
        cc_expr(c, e->a);
        set_line(c, e->line);
        cc_emit(c, OP_LOAD_ATTR, (uint32_t)cc_add_name(c, cc_mangle(c, c->u->st->private_name, e->str)));
        break;
    case AST_SUBSCRIPT:
        cc_expr(c, e->a);
        cc_expr(c, e->b);
        set_line(c, e->line);
        cc_emit(c, OP_BINARY_SUBSCR, 0);
        break;
    case AST_SLICE:
        if (e->a) cc_expr(c, e->a);
        else cc_emit(c, OP_LOAD_NONE, 0);
        if (e->b) cc_expr(c, e->b);
        else cc_emit(c, OP_LOAD_NONE, 0);
        if (e->c) cc_expr(c, e->c);
        cc_emit(c, OP_BUILD_SLICE, e->c ? 3 : 2);
        break;
    case AST_STARRED: cc_error(c, e->line, e->col, "can't use starred expression here");
    default: cc_error(c, e->line, e->col, "invalid syntax");
    }
    c->u->line = saved;
}

/* ------------------------------------------------------------ targets */

static void store_unpack(cc_t *c, py_ast_t *t) {
    int n = t->s1.n, star = -1;
    for (int i = 0; i < n; i++) {
        if (t->s1.items[i]->kind != AST_STARRED) continue;
        if (star >= 0) cc_error(c, t->s1.items[i]->line, t->s1.items[i]->col, "multiple starred expressions in assignment");
        star = i;
    }
    if (star >= 0) {
        int before = star, after = n - star - 1;
        if (before > 0xFF || after > 0xFFFF)
            cc_error(c, t->line, t->col, "too many expressions in star-unpacking assignment");
        cc_emit(c, OP_UNPACK_EX, (uint32_t)before | ((uint32_t)after << 8));
    } else {
        cc_emit(c, OP_UNPACK_SEQUENCE, (uint32_t)n);
    }
    for (int i = 0; i < n; i++) {
        py_ast_t *x = t->s1.items[i];
        cc_store(c, x->kind == AST_STARRED ? x->a : x);
    }
}

void cc_store(cc_t *c, py_ast_t *t) {
    py_check_stack();
    switch (t->kind) {
    case AST_NAME:
        if (!strcmp(t->str, "__debug__")) cc_error(c, t->line, t->col, "cannot assign to __debug__");
        cc_name_op(c, t->str, CTX_STORE);
        return;
    case AST_ATTRIBUTE: {
        cc_expr(c, t->a);
        set_line(c, t->line);
        cc_emit(c, OP_STORE_ATTR, (uint32_t)cc_add_name(c, cc_mangle(c, c->u->st->private_name, t->str)));
        return;
    }
    case AST_SUBSCRIPT:
        cc_expr(c, t->a);
        cc_expr(c, t->b);
        set_line(c, t->line);
        cc_emit(c, OP_STORE_SUBSCR, 0);
        return;
    case AST_TUPLE:
    case AST_LIST: store_unpack(c, t); return;
    case AST_STARRED: cc_error(c, t->line, t->col, "starred assignment target must be in a list or tuple");
    default: cc_error(c, t->line, t->col, "cannot assign to %s", describe(t));
    }
}

void cc_delete(cc_t *c, py_ast_t *t) {
    py_check_stack();
    switch (t->kind) {
    case AST_NAME: cc_name_op(c, t->str, CTX_DEL); return;
    case AST_ATTRIBUTE:
        cc_expr(c, t->a);
        set_line(c, t->line);
        cc_emit(c, OP_DELETE_ATTR, (uint32_t)cc_add_name(c, cc_mangle(c, c->u->st->private_name, t->str)));
        return;
    case AST_SUBSCRIPT:
        cc_expr(c, t->a);
        cc_expr(c, t->b);
        set_line(c, t->line);
        cc_emit(c, OP_DELETE_SUBSCR, 0);
        return;
    case AST_TUPLE:
    case AST_LIST:
        for (int i = 0; i < t->s1.n; i++) cc_delete(c, t->s1.items[i]);
        return;
    default: cc_error(c, t->line, t->col, "cannot delete %s", describe(t));
    }
}
