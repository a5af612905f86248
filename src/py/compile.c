/* compile.c: the compiler's driver: entry points, code units, emission,
 * constants and names, name resolution to opcodes, the scopes that become
 * code objects (functions, lambdas, classes, comprehensions) and the
 * assembler that turns a unit into a py_code_t.
 *
 * Statements are in compile_stmt.c, expressions in compile_expr.c; the
 * scope analysis they rely on is symtable.c (see compile.h for the design).
 *
 * Invariants:
 *  - jumps are emitted against labels and resolved when a unit is assembled;
 *    every jump opcode carries a label id until then;
 *  - stacksize and maxblocks are not tracked while emitting: the assembler
 *    derives them by walking every reachable path (bytecode.h stack effects,
 *    handlers entered with two more values), and it rejects code whose paths
 *    disagree, so a compiler bug cannot silently under-size a frame;
 *  - every GC object made here is appended to cc_t.keep (a registered root)
 *    because the unit tables live in the arena, where the collector cannot
 *    see them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "compile.h"

int py_opt_level = 0;

/* ------------------------------------------------------------ helpers */

void *cc_alloc(cc_t *c, size_t n) { return py_arena_alloc(&c->arena, n); }

uint32_t cc_hash(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

py_val_t cc_keep(cc_t *c, py_val_t v) {
    if (py_is_obj(v)) py_list_append(c->keep, v);
    return v;
}

const char *cc_mangle(cc_t *c, const char *priv, const char *name) {
    if (!priv || name[0] != '_' || name[1] != '_') return name;
    size_t n = strlen(name);
    if (n >= 4 && name[n - 1] == '_' && name[n - 2] == '_') return name; /* dunder names stay */
    if (strchr(name, '.')) return name;
    size_t pn = strlen(priv);
    char *m = cc_alloc(c, pn + n + 2);
    m[0] = '_';
    memcpy(m + 1, priv, pn);
    memcpy(m + 1 + pn, name, n + 1);
    return m;
}

/* SyntaxError in the form the parser raises: args (msg, (filename, line, col, text)). */
PY_NORETURN void cc_error(cc_t *c, int line, int col, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    py_val_t text = PY_NONE;
    if (c->src && line > 0) {
        const char *s = c->src, *e = c->src + c->srclen;
        for (int l = 1; l < line && s < e; l++) {
            const char *nl = memchr(s, '\n', (size_t)(e - s));
            s = nl ? nl + 1 : e;
        }
        const char *le = s;
        while (le < e && *le != '\n' && *le != '\r') le++;
        size_t n = (size_t)(le - s);
        if (n > 1000) n = 1000;
        bool ascii = true;
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)s[i] >= 0x80 || !s[i]) ascii = false;
        if (ascii) {
            char buf[1002];
            memcpy(buf, s, n);
            buf[n] = '\n';
            text = py_str_new(buf, n + 1);
        }
    }
    py_val_t fname = c->filename;
    py_val_t loc = py_tuple_pack(4, fname, py_small(line), py_small(col + 1), text);
    py_val_t args[2] = {py_str_from_cstr(msg), loc};
    py_val_t exc = py_exc_new_args(&py_type_SyntaxError, 2, args);
    py_try_t t;
    if (py_try(&t)) {
        py_setattr(exc, PYN(msg), args[0]);
        py_setattr(exc, PYN(filename), fname);
        py_setattr(exc, PYN(lineno), py_small(line));
        py_setattr(exc, py_intern("offset"), py_small(col + 1));
        py_setattr(exc, py_intern("text"), text);
        py_try_end(&t);
    }
    py_raise(exc);
}

PY_NORETURN static void internal_error(const char *what) {
    py_raise_msg(&py_type_SystemError, "compiler: %s", what);
}

/* ------------------------------------------------------------ emission */

static void grow_ops(cc_t *c, cc_unit_t *u) {
    int nc = u->capops ? u->capops * 2 : 64;
    uint32_t *ops = cc_alloc(c, sizeof(uint32_t) * (size_t)nc);
    uint32_t *lines = cc_alloc(c, sizeof(uint32_t) * (size_t)nc);
    if (u->nops) {
        memcpy(ops, u->ops, sizeof(uint32_t) * (size_t)u->nops);
        memcpy(lines, u->lines, sizeof(uint32_t) * (size_t)u->nops);
    }
    u->ops = ops;
    u->lines = lines;
    u->capops = nc;
}

void cc_emit(cc_t *c, int op, uint32_t arg) {
    cc_unit_t *u = c->u;
    if (arg > PY_ARG_MAX) cc_error(c, u->line, 0, "too many constants, names or arguments");
    if (u->nops == u->capops) grow_ops(c, u);
    u->ops[u->nops] = PY_INSN(op, arg);
    u->lines[u->nops] = (uint32_t)(u->line > 0 ? u->line : 0);
    u->nops++;
}

int cc_new_label(cc_t *c) {
    cc_unit_t *u = c->u;
    if (u->nlabels == u->caplabels) {
        int nc = u->caplabels ? u->caplabels * 2 : 32;
        int *a = cc_alloc(c, sizeof(int) * (size_t)nc);
        if (u->nlabels) memcpy(a, u->labels, sizeof(int) * (size_t)u->nlabels);
        u->labels = a;
        u->caplabels = nc;
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

void cc_bind(cc_t *c, int label) { c->u->labels[label] = c->u->nops; }

void cc_emit_jump(cc_t *c, int op, int label) { cc_emit(c, op, (uint32_t)label); }

static bool is_jump(int op) {
    switch (op) {
    case OP_JUMP:
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP:
    case OP_FOR_ITER:
    case OP_SETUP_EXCEPT: return true;
    default: return false;
    }
}

/* ------------------------------------------------------------ constants and names */

/* Constants are shared within a unit when they are the same immediate or
 * equal exact strs; other objects (tuples, code, bytes, big ints) only when
 * identical, which keeps 1 / 1.0 / True and 0.0 / -0.0 apart for free. */
static uint32_t const_hash(py_val_t v) {
    if (py_is_type(v, &py_type_str)) return (uint32_t)py_str_hash(v);
    uint64_t x = v * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(x >> 32);
}

static bool const_same(py_val_t a, py_val_t b) {
    if (a == b) return true;
    return py_is_type(a, &py_type_str) && py_is_type(b, &py_type_str) && py_str_equal(a, b);
}

int cc_add_const(cc_t *c, py_val_t v) {
    cc_unit_t *u = c->u;
    uint32_t h = const_hash(v);
    if (u->capcindex) {
        uint32_t mask = (uint32_t)u->capcindex - 1;
        for (uint32_t i = h & mask; u->cindex[i]; i = (i + 1) & mask)
            if (const_same(u->consts[u->cindex[i] - 1], v)) return u->cindex[i] - 1;
    }
    cc_keep(c, v);
    if (u->nconsts == u->capconsts) {
        int nc = u->capconsts ? u->capconsts * 2 : 16;
        py_val_t *a = cc_alloc(c, sizeof(py_val_t) * (size_t)nc);
        if (u->nconsts) memcpy(a, u->consts, sizeof(py_val_t) * (size_t)u->nconsts);
        u->consts = a;
        u->capconsts = nc;
    }
    u->consts[u->nconsts++] = v;
    if (u->nconsts * 2 > u->capcindex) {
        int nc = u->capcindex ? u->capcindex * 2 : 32;
        while (u->nconsts * 2 > nc) nc *= 2;
        u->cindex = cc_alloc(c, sizeof(int) * (size_t)nc);
        u->capcindex = nc;
        for (int k = 0; k < u->nconsts; k++) {
            uint32_t mask = (uint32_t)nc - 1;
            uint32_t i = const_hash(u->consts[k]) & mask;
            while (u->cindex[i]) i = (i + 1) & mask;
            u->cindex[i] = k + 1;
        }
    } else {
        uint32_t mask = (uint32_t)u->capcindex - 1;
        uint32_t i = h & mask;
        while (u->cindex[i]) i = (i + 1) & mask;
        u->cindex[i] = u->nconsts;
    }
    return u->nconsts - 1;
}

static uint32_t ptr_hash32(py_val_t v) { return (uint32_t)((v * 0x9E3779B97F4A7C15ull) >> 32); }

static int add_name_val(cc_t *c, py_val_t name) {
    cc_unit_t *u = c->u;
    uint32_t h = ptr_hash32(name);
    if (u->capnindex) {
        uint32_t mask = (uint32_t)u->capnindex - 1;
        for (uint32_t i = h & mask; u->nindex[i]; i = (i + 1) & mask)
            if (u->names[u->nindex[i] - 1] == name) return u->nindex[i] - 1;
    }
    cc_keep(c, name);
    if (u->nnames == u->capnames) {
        int nc = u->capnames ? u->capnames * 2 : 16;
        py_val_t *a = cc_alloc(c, sizeof(py_val_t) * (size_t)nc);
        if (u->nnames) memcpy(a, u->names, sizeof(py_val_t) * (size_t)u->nnames);
        u->names = a;
        u->capnames = nc;
    }
    u->names[u->nnames++] = name;
    if (u->nnames * 2 > u->capnindex) {
        int nc = u->capnindex ? u->capnindex * 2 : 32;
        while (u->nnames * 2 > nc) nc *= 2;
        u->nindex = cc_alloc(c, sizeof(int) * (size_t)nc);
        u->capnindex = nc;
        for (int k = 0; k < u->nnames; k++) {
            uint32_t mask = (uint32_t)nc - 1;
            uint32_t i = ptr_hash32(u->names[k]) & mask;
            while (u->nindex[i]) i = (i + 1) & mask;
            u->nindex[i] = k + 1;
        }
    } else {
        uint32_t mask = (uint32_t)u->capnindex - 1;
        uint32_t i = h & mask;
        while (u->nindex[i]) i = (i + 1) & mask;
        u->nindex[i] = u->nnames;
    }
    return u->nnames - 1;
}

int cc_add_name(cc_t *c, const char *name) { return add_name_val(c, py_intern(name)); }

static bool is_identifier_like(const char *s, size_t n) {
    if (n == 0 || n > 64) return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || (ch >= '0' && ch <= '9')))
            return false;
    }
    return true;
}

/* Identifier-like strings are interned (as CPython does): they are usually
 * attribute names or dict keys passed around, and interned keys hit the
 * pointer-compare fast paths of dicts and the VM. */
py_val_t cc_str_const(cc_t *c, const char *s, size_t n) {
    py_val_t v = is_identifier_like(s, n) ? py_intern_n(s, n) : py_str_new(s, n);
    return cc_keep(c, v);
}

void cc_load_value(cc_t *c, py_val_t v) {
    if (v == PY_NONE) cc_emit(c, OP_LOAD_NONE, 0);
    else if (v == PY_TRUE) cc_emit(c, OP_LOAD_TRUE, 0);
    else if (v == PY_FALSE) cc_emit(c, OP_LOAD_FALSE, 0);
    else if (py_is_small(v) && py_as_small(v) >= -(int64_t)PY_SMALL_INT_BIAS &&
             py_as_small(v) < (int64_t)PY_SMALL_INT_BIAS)
        cc_emit(c, OP_LOAD_SMALL_INT, (uint32_t)(py_as_small(v) + PY_SMALL_INT_BIAS));
    else cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, v));
}

/* ------------------------------------------------------------ blocks */

static bool fblock_active(int kind, bool wrapped) {
    return kind == FB_TRY_EXCEPT || kind == FB_FINALLY_TRY || kind == FB_WITH || kind == FB_ASYNC_WITH ||
           (kind == FB_HANDLER && wrapped);
}

void cc_push_fblock(cc_t *c, int kind, int l_continue, int l_break, py_ast_t *node, const char *name,
                    bool wrapped, int line) {
    cc_unit_t *u = c->u;
    if (u->nfb >= CC_MAX_FBLOCKS) cc_error(c, line, 0, "too many statically nested blocks");
    cc_fblock_t *f = &u->fb[u->nfb++];
    f->kind = (uint8_t)kind;
    f->l_continue = l_continue;
    f->l_break = l_break;
    f->node = node;
    f->name = name;
    f->wrapped = wrapped;
    if (fblock_active(kind, wrapped)) u->nactive++;
}

void cc_pop_fblock(cc_t *c) {
    cc_unit_t *u = c->u;
    cc_fblock_t *f = &u->fb[--u->nfb];
    if (fblock_active(f->kind, f->wrapped)) u->nactive--;
}

/* ------------------------------------------------------------ names */

void cc_name_op(cc_t *c, const char *name, int ctx) {
    cc_scope_t *sc = c->u->st;
    const char *m = cc_mangle(c, sc->private_name, name);
    if (ctx == CTX_LOAD && !strcmp(m, "__debug__")) {
        cc_emit(c, py_opt_level ? OP_LOAD_FALSE : OP_LOAD_TRUE, 0);
        return;
    }
    cc_sym_t *y = cc_lookup(sc, m);
    int scope = y ? y->scope : SC_GLOBAL_IMPLICIT;
    static const uint8_t fast_ops[3] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST};
    static const uint8_t deref_ops[3] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF};
    static const uint8_t name_ops[3] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME};
    static const uint8_t global_ops[3] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL};
    if (scope == SC_GLOBAL_EXPLICIT) {
        cc_emit(c, global_ops[ctx], (uint32_t)cc_add_name(c, m));
        return;
    }
    switch (sc->kind) {
    case SCOPE_MODULE: cc_emit(c, name_ops[ctx], (uint32_t)cc_add_name(c, m)); return;
    case SCOPE_CLASS:
        if (scope == SC_FREE) {
            /* a class body sees its own namespace first, then the enclosing function's cell */
            cc_emit(c, ctx == CTX_LOAD ? OP_LOAD_CLASSDEREF : deref_ops[ctx], (uint32_t)y->cell);
            return;
        }
        cc_emit(c, name_ops[ctx], (uint32_t)cc_add_name(c, m));
        return;
    default:
        if (scope == SC_LOCAL) {
            if (y->slot < 0) internal_error("local without a slot");
            cc_emit(c, fast_ops[ctx], (uint32_t)y->slot);
        } else if (scope == SC_CELL || scope == SC_FREE) {
            if (y->cell < 0) internal_error("cell without an index");
            cc_emit(c, deref_ops[ctx], (uint32_t)y->cell);
        } else {
            cc_emit(c, global_ops[ctx], (uint32_t)cc_add_name(c, m));
        }
        return;
    }
}

/* ------------------------------------------------------------ units */

static void enter_unit(cc_t *c, cc_scope_t *sc, py_val_t name, py_val_t qualname, int firstlineno) {
    cc_unit_t *u = cc_alloc(c, sizeof(cc_unit_t));
    u->st = sc;
    u->prev = c->u;
    u->name = cc_keep(c, name);
    u->qualname = cc_keep(c, qualname);
    u->firstlineno = firstlineno;
    u->line = firstlineno;
    u->class_cell = -1;
    /* slots: parameters first (bytecode.h layout), then the other fast locals */
    int slot = 0;
    if (sc->kind == SCOPE_FUNCTION) {
        for (int i = 0; i < sc->nsyms; i++) {
            cc_sym_t *y = &sc->syms[i];
            y->slot = -1;
            if (i < sc->nparams || y->scope == SC_LOCAL) y->slot = slot++;
        }
    }
    u->nlocals = slot;
    /* cells: cellvars (the class cell first), then freevars */
    int cell = 0;
    if (sc->kind == SCOPE_CLASS && sc->needs_class_cell) u->class_cell = cell++;
    for (int i = 0; i < sc->nsyms; i++) {
        cc_sym_t *y = &sc->syms[i];
        y->cell = -1;
        if (y->scope == SC_CELL) y->cell = cell++;
    }
    u->ncellvars = cell;
    for (int i = 0; i < sc->nsyms; i++) {
        cc_sym_t *y = &sc->syms[i];
        if (y->cell < 0 && (y->scope == SC_FREE || (y->flags & SF_FREE_CLASS))) y->cell = cell++;
    }
    u->nfreevars = cell - u->ncellvars;
    if (slot > 0xFFFF || cell > 0xFFFF) cc_error(c, firstlineno, 0, "too many local variables");
    c->u = u;
}

/* The stack depth and handler nesting every instruction runs at, by walking
 * all paths from the entry (see the file comment). */
typedef struct {
    int *depth, *blocks, *work;
    int nwork;
    int maxd, maxb;
} flow_t;

static void reach(flow_t *fl, int n, int i, int d, int b) {
    if (i >= n) internal_error("code falls off its end");
    if (d < 0 || b < 0) internal_error("negative stack depth");
    if (fl->depth[i] < 0) {
        fl->depth[i] = d;
        fl->blocks[i] = b;
        fl->work[fl->nwork++] = i;
        if (d > fl->maxd) fl->maxd = d;
        if (b > fl->maxb) fl->maxb = b;
    } else if (fl->depth[i] != d || fl->blocks[i] != b) {
        internal_error("inconsistent stack depth");
    }
}

static int stack_effect(int op, uint32_t arg) {
    switch (op) {
    case OP_NOP: case OP_ROT_TWO: case OP_ROT_THREE: case OP_ROT_FOUR: case OP_DELETE_FAST:
    case OP_DELETE_DEREF: case OP_DELETE_NAME: case OP_DELETE_GLOBAL: case OP_LOAD_ATTR:
    case OP_UNARY_OP: case OP_UNARY_NOT: case OP_GET_ITER: case OP_LIST_TO_TUPLE:
    case OP_YIELD_VALUE: case OP_GET_YIELD_FROM_ITER: case OP_GET_AWAITABLE: case OP_GET_AITER:
    case OP_ASYNC_WITH_EXIT: case OP_POP_BLOCK: case OP_SETUP_EXCEPT:
        return 0;
    case OP_POP_TOP: case OP_STORE_FAST: case OP_STORE_DEREF: case OP_STORE_NAME: case OP_STORE_GLOBAL:
    case OP_DELETE_ATTR: case OP_BINARY_SUBSCR: case OP_BINARY_OP: case OP_COMPARE_OP: case OP_IS_OP:
    case OP_CONTAINS_OP: case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE:
    case OP_DICT_UPDATE: case OP_DICT_MERGE: case OP_POP_EXCEPT: case OP_CHECK_EXC_MATCH:
    case OP_WITH_EXIT: case OP_YIELD_FROM: case OP_IMPORT_NAME: case OP_IMPORT_STAR: case OP_PRINT_EXPR:
    case OP_RETURN_VALUE:
        return -1;
    case OP_DUP_TOP: case OP_LOAD_CONST: case OP_LOAD_NONE: case OP_LOAD_TRUE: case OP_LOAD_FALSE:
    case OP_LOAD_SMALL_INT: case OP_LOAD_FAST: case OP_LOAD_DEREF: case OP_LOAD_CLOSURE:
    case OP_LOAD_CLASSDEREF: case OP_LOAD_NAME: case OP_LOAD_GLOBAL: case OP_LOAD_METHOD:
    case OP_LOAD_BUILD_CLASS: case OP_BEFORE_WITH: case OP_WITH_EXCEPT: case OP_BEFORE_ASYNC_WITH:
    case OP_ASYNC_WITH_EXCEPT: case OP_GET_ANEXT: case OP_IMPORT_FROM: case OP_LOAD_ASSERTION_ERROR:
        return 1;
    case OP_DUP_TOP_TWO: return 2;
    case OP_STORE_ATTR: case OP_DELETE_SUBSCR: case OP_MAP_ADD: case OP_RERAISE: return -2;
    case OP_STORE_SUBSCR: case OP_END_ASYNC_FOR: return -3;
    case OP_BUILD_SLICE: return 1 - (int)arg;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING: return 1 - (int)arg;
    case OP_BUILD_MAP: return 1 - 2 * (int)arg;
    case OP_UNPACK_SEQUENCE: return (int)arg - 1;
    case OP_UNPACK_EX: return (int)(arg & 0xFF) + (int)(arg >> 8);
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case OP_CALL_FUNCTION: return -(int)arg;
    case OP_CALL_FUNCTION_KW: return -(int)arg - 1;
    case OP_CALL_FUNCTION_EX: return (arg & 1) ? -2 : -1;
    case OP_CALL_METHOD: return -(int)arg - 1;
    case OP_CALL_METHOD_KW: return -(int)arg - 2;
    case OP_MAKE_FUNCTION:
        return -(int)((arg & 1) != 0) - (int)((arg & 2) != 0) - (int)((arg & 4) != 0) - (int)((arg & 8) != 0);
    case OP_RAISE_VARARGS: return -(int)arg;
    default: internal_error("unknown opcode");
    }
}

static void flow(cc_t *c, int *stacksize, int *maxblocks) {
    cc_unit_t *u = c->u;
    int n = u->nops;
    flow_t fl;
    fl.depth = cc_alloc(c, sizeof(int) * (size_t)n);
    fl.blocks = cc_alloc(c, sizeof(int) * (size_t)n);
    fl.work = cc_alloc(c, sizeof(int) * (size_t)n);
    fl.nwork = 0;
    fl.maxd = 0;
    fl.maxb = 0;
    for (int i = 0; i < n; i++) fl.depth[i] = -1;
    reach(&fl, n, 0, 0, 0);
    while (fl.nwork) {
        int i = fl.work[--fl.nwork];
        int d = fl.depth[i], b = fl.blocks[i];
        uint32_t w = u->ops[i];
        int op = PY_OP(w);
        int t = (int)PY_ARG(w);
        switch (op) {
        case OP_JUMP: reach(&fl, n, t, d, b); break;
        case OP_POP_JUMP_IF_FALSE:
        case OP_POP_JUMP_IF_TRUE:
            reach(&fl, n, t, d - 1, b);
            reach(&fl, n, i + 1, d - 1, b);
            break;
        case OP_JUMP_IF_FALSE_OR_POP:
        case OP_JUMP_IF_TRUE_OR_POP:
            reach(&fl, n, t, d, b);
            reach(&fl, n, i + 1, d - 1, b);
            break;
        case OP_FOR_ITER:
            reach(&fl, n, i + 1, d + 1, b);
            reach(&fl, n, t, d - 1, b);
            break;
        case OP_SETUP_EXCEPT:
            /* the handler runs with the block popped and [prev exc] pushed */
            reach(&fl, n, t, d + 2, b);
            reach(&fl, n, i + 1, d, b + 1);
            break;
        case OP_POP_BLOCK: reach(&fl, n, i + 1, d, b - 1); break;
        case OP_RETURN_VALUE:
        case OP_RERAISE:
        case OP_RAISE_VARARGS:
            if (d + stack_effect(op, (uint32_t)t) < 0) internal_error("stack underflow");
            break;
        default: reach(&fl, n, i + 1, d + stack_effect(op, (uint32_t)t), b); break;
        }
    }
    *stacksize = fl.maxd;
    *maxblocks = fl.maxb;
}

static py_val_t intern_sym(cc_t *c, const char *name) { return cc_keep(c, py_intern(name)); }

/* Turns the current unit into a code object and leaves it. */
static py_val_t assemble(cc_t *c, uint32_t flags, int argcount, int posonly, int kwonly) {
    cc_unit_t *u = c->u;
    cc_scope_t *sc = u->st;
    for (int i = 0; i < u->nops; i++) {
        int op = PY_OP(u->ops[i]);
        if (!is_jump(op)) continue;
        int l = (int)PY_ARG(u->ops[i]);
        if (l >= u->nlabels || u->labels[l] < 0) internal_error("unbound label");
        u->ops[i] = PY_INSN(op, (uint32_t)u->labels[l]);
    }
    if (u->nops == 0 || (uint64_t)u->nops > PY_ARG_MAX) cc_error(c, u->firstlineno, 0, "code too large");
    int stacksize, maxblocks;
    flow(c, &stacksize, &maxblocks);
    if (stacksize > 0xFFFF || maxblocks > 0xFFFF) cc_error(c, u->firstlineno, 0, "expression too complex");

    py_code_t *co = py_gc_alloc(&py_type_code, sizeof(py_code_t));
    py_val_t cov = cc_keep(c, py_obj(co));
    co->consts = py_tuple_from_array((size_t)u->nconsts, u->consts);
    co->names = py_tuple_from_array((size_t)u->nnames, u->names);
    co->varnames = py_tuple_new((size_t)u->nlocals);
    co->cellvars = py_tuple_new((size_t)u->ncellvars);
    co->freevars = py_tuple_new((size_t)u->nfreevars);
    py_tuple_t *vn = py_as_tuple(co->varnames), *cv = py_as_tuple(co->cellvars), *fv = py_as_tuple(co->freevars);
    if (u->class_cell >= 0) cv->items[u->class_cell] = intern_sym(c, "__class__");
    for (int i = 0; i < sc->nsyms; i++) {
        cc_sym_t *y = &sc->syms[i];
        if (y->slot >= 0 && y->slot < u->nlocals) vn->items[y->slot] = intern_sym(c, y->name);
        if (y->cell >= 0) {
            if (y->cell < u->ncellvars) cv->items[y->cell] = intern_sym(c, y->name);
            else fv->items[y->cell - u->ncellvars] = intern_sym(c, y->name);
        }
    }
    co->name = u->name;
    co->qualname = u->qualname;
    co->filename = c->filename;
    co->ops = py_raw_alloc(sizeof(uint32_t) * (size_t)u->nops);
    memcpy(co->ops, u->ops, sizeof(uint32_t) * (size_t)u->nops);
    co->lines = py_raw_alloc(sizeof(uint32_t) * (size_t)u->nops);
    memcpy(co->lines, u->lines, sizeof(uint32_t) * (size_t)u->nops);
    co->n_ops = (uint32_t)u->nops;
    co->flags = flags;
    co->argcount = (uint16_t)argcount;
    co->posonlyargcount = (uint16_t)posonly;
    co->kwonlyargcount = (uint16_t)kwonly;
    co->nlocals = (uint16_t)u->nlocals;
    co->ncells = (uint16_t)(u->ncellvars + u->nfreevars);
    co->stacksize = (uint16_t)stacksize;
    co->maxblocks = (uint16_t)maxblocks;
    co->firstlineno = u->firstlineno;
    co->cache = NULL;
    c->u = u->prev;
    return cov;
}

/* Emits a final `return None` unless the code already ends in a return. */
static void implicit_return(cc_t *c) {
    cc_unit_t *u = c->u;
    if (u->nops && PY_OP(u->ops[u->nops - 1]) == OP_RETURN_VALUE) {
        /* a label bound at the end still needs an instruction to land on */
        bool target = false;
        for (int i = 0; i < u->nlabels; i++)
            if (u->labels[i] == u->nops) target = true;
        if (!target) return;
    }
    cc_emit(c, OP_LOAD_NONE, 0);
    cc_emit(c, OP_RETURN_VALUE, 0);
}

/* ------------------------------------------------------------ scopes */

static py_val_t qualname_of(cc_t *c, cc_scope_t *sc) {
    cc_scope_t *p = sc->parent;
    py_val_t name = cc_keep(c, py_str_from_cstr(sc->name));
    if (!p || p->kind == SCOPE_MODULE) return name;
    if (!sc->comp && !sc->is_lambda) {
        /* `global f` then `def f`: the function is a module-level name */
        cc_sym_t *y = cc_lookup(p, cc_mangle(c, p->private_name, sc->name));
        if (y && y->scope == SC_GLOBAL_EXPLICIT) return name;
    }
    py_val_t base = c->u->qualname;
    return cc_keep(c, py_str_printf("%s%s%s", py_str_data(base), p->kind == SCOPE_FUNCTION ? ".<locals>." : ".",
                                    sc->name));
}

/* The cell of the current unit that a child's free variable `name` refers to. */
static int parent_cell(cc_t *c, const char *name) {
    cc_unit_t *u = c->u;
    cc_scope_t *sc = u->st;
    if (sc->kind == SCOPE_CLASS && u->class_cell >= 0 && !strcmp(name, "__class__")) return u->class_cell;
    cc_sym_t *y = cc_lookup(sc, name);
    if (!y || y->cell < 0) internal_error("free variable without a cell in the enclosing scope");
    return y->cell;
}

/* [defaults/kwdefaults already pushed per flags] -> [function] */
static void make_function(cc_t *c, py_val_t code, uint32_t flags) {
    int nfree = 0;
    py_tuple_t *fv = py_as_tuple(((py_code_t *)py_as_ptr(code))->freevars);
    for (size_t i = 0; i < fv->len; i++) {
        cc_emit(c, OP_LOAD_CLOSURE, (uint32_t)parent_cell(c, py_str_data(fv->items[i])));
        nfree++;
    }
    if (nfree) {
        cc_emit(c, OP_BUILD_TUPLE, (uint32_t)nfree);
        flags |= 8;
    }
    cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, code));
    cc_emit(c, OP_MAKE_FUNCTION, flags);
}

/* Pushes the defaults tuple and the kw-only defaults dict; returns MAKE_FUNCTION flags. */
static uint32_t push_defaults(cc_t *c, py_ast_t *args, const char *private_name) {
    uint32_t flags = 0;
    int nd = 0;
    bool all_const = true;
    for (int i = 0; i < args->s1.n; i++) {
        py_ast_t *a = args->s1.items[i];
        if (!a->b) continue;
        nd++;
        py_val_t v;
        if (all_const && !cc_const_value(c, a->b, &v)) all_const = false;
    }
    if (nd) {
        if (all_const) {
            py_val_t t = cc_keep(c, py_tuple_new((size_t)nd));
            int k = 0;
            for (int i = 0; i < args->s1.n; i++) {
                py_ast_t *a = args->s1.items[i];
                if (!a->b) continue;
                py_val_t v;
                cc_const_value(c, a->b, &v);
                py_as_tuple(t)->items[k++] = v;
            }
            cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, t));
        } else {
            for (int i = 0; i < args->s1.n; i++)
                if (args->s1.items[i]->b) cc_expr(c, args->s1.items[i]->b);
            cc_emit(c, OP_BUILD_TUPLE, (uint32_t)nd);
        }
        flags |= 1;
    }
    int nk = 0;
    for (int i = 0; i < args->s2.n; i++) {
        py_ast_t *a = args->s2.items[i];
        if (!a->b) continue;
        const char *m = cc_mangle(c, private_name, a->str);
        cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, intern_sym(c, m)));
        cc_expr(c, a->b);
        nk++;
    }
    if (nk) {
        cc_emit(c, OP_BUILD_MAP, (uint32_t)nk);
        flags |= 2;
    }
    return flags;
}

static uint32_t gen_flags(cc_scope_t *sc) {
    if (sc->is_async) return sc->is_generator ? PY_CODE_ASYNC_GENERATOR : PY_CODE_COROUTINE;
    return sc->is_generator ? PY_CODE_GENERATOR : 0;
}

/* Parameters that are also cells start in their fast slot: copy them over. */
static void copy_param_cells(cc_t *c, cc_scope_t *sc) {
    for (int i = 0; i < sc->nparams; i++) {
        cc_sym_t *y = &sc->syms[i];
        if (y->scope != SC_CELL) continue;
        cc_emit(c, OP_LOAD_FAST, (uint32_t)y->slot);
        cc_emit(c, OP_STORE_DEREF, (uint32_t)y->cell);
    }
}

/* Function or lambda body -> code object. */
static py_val_t function_code(cc_t *c, cc_scope_t *sc, py_ast_t *node, int firstline) {
    py_ast_t *args = node->a;
    py_val_t qual = qualname_of(c, sc);
    py_val_t name = cc_keep(c, py_str_from_cstr(sc->name));
    enter_unit(c, sc, name, qual, firstline);
    copy_param_cells(c, sc);
    if (node->kind == AST_LAMBDA) {
        c->u->line = node->b->line;
        cc_expr(c, node->b);
        cc_emit(c, OP_RETURN_VALUE, 0);
    } else {
        cc_stmts(c, &node->s1);
        implicit_return(c);
    }
    uint32_t flags = gen_flags(sc);
    if (args->a) flags |= PY_CODE_VARARGS;
    if (args->b) flags |= PY_CODE_VARKEYWORDS;
    return assemble(c, flags, args->s1.n, (int)args->ival, args->s2.n);
}

void cc_function(cc_t *c, py_ast_t *s) {
    cc_scope_t *sc = cc_scope_of(c, s);
    if (!sc) internal_error("function without a scope");
    int firstline = s->line;
    for (int i = 0; i < s->s2.n; i++) {
        cc_expr(c, s->s2.items[i]);
        if (s->s2.items[i]->line < firstline) firstline = s->s2.items[i]->line;
    }
    int saved = c->u->line;
    uint32_t flags = push_defaults(c, s->a, c->u->st->private_name);
    py_val_t code = function_code(c, sc, s, firstline);
    c->u->line = saved;
    make_function(c, code, flags);
    for (int i = 0; i < s->s2.n; i++) cc_emit(c, OP_CALL_FUNCTION, 1);
    cc_name_op(c, s->str, CTX_STORE);
}

void cc_lambda(cc_t *c, py_ast_t *e) {
    cc_scope_t *sc = cc_scope_of(c, e);
    if (!sc) internal_error("lambda without a scope");
    int saved = c->u->line;
    uint32_t flags = push_defaults(c, e->a, c->u->st->private_name);
    py_val_t code = function_code(c, sc, e, e->line);
    c->u->line = saved;
    make_function(c, code, flags);
}

bool cc_is_docstring(py_ast_t *s) {
    return s && s->kind == AST_EXPR && s->a->kind == AST_CONSTANT && s->a->op == AST_CONST_STR;
}

static void store_special(cc_t *c, const char *name) {
    cc_emit(c, OP_STORE_NAME, (uint32_t)cc_add_name(c, name));
}

void cc_class(cc_t *c, py_ast_t *s) {
    cc_scope_t *sc = cc_scope_of(c, s);
    if (!sc) internal_error("class without a scope");
    int firstline = s->line;
    for (int i = 0; i < s->s2.n; i++) {
        cc_expr(c, s->s2.items[i]);
        if (s->s2.items[i]->line < firstline) firstline = s->s2.items[i]->line;
    }
    int saved = c->u->line;
    cc_emit(c, OP_LOAD_BUILD_CLASS, 0);
    py_val_t qual = qualname_of(c, sc);
    py_val_t name = cc_keep(c, py_str_from_cstr(s->str));
    enter_unit(c, sc, name, qual, firstline);
    /* the namespace starts with __module__ and __qualname__ (and __doc__) */
    cc_emit(c, OP_LOAD_NAME, (uint32_t)cc_add_name(c, "__name__"));
    store_special(c, "__module__");
    cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, qual));
    store_special(c, "__qualname__");
    if (s->s1.n && cc_is_docstring(s->s1.items[0])) {
        py_ast_t *d = s->s1.items[0]->a;
        cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, cc_str_const(c, d->str, d->len)));
        store_special(c, "__doc__");
    }
    if (sc->has_annotations) {
        cc_emit(c, OP_BUILD_MAP, 0);
        store_special(c, "__annotations__");
    }
    cc_stmts(c, &s->s1);
    /* the body returns the __class__ cell for __build_class__ to fill */
    if (c->u->class_cell >= 0) cc_emit(c, OP_LOAD_CLOSURE, (uint32_t)c->u->class_cell);
    else cc_emit(c, OP_LOAD_NONE, 0);
    cc_emit(c, OP_RETURN_VALUE, 0);
    py_val_t code = assemble(c, PY_CODE_CLASSBODY, 0, 0, 0);
    c->u->line = saved;
    make_function(c, code, 0);
    cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, cc_str_const(c, s->str, strlen(s->str))));
    cc_call_args(c, &s->s3, 2, s->line);
    for (int i = 0; i < s->s2.n; i++) cc_emit(c, OP_CALL_FUNCTION, 1);
    cc_name_op(c, s->str, CTX_STORE);
}

/* One `for` clause of a comprehension, and the ones nested in it. */
static void comp_loop(cc_t *c, py_ast_t *e, int i, cc_scope_t *sc) {
    py_ast_t *g = e->s1.items[i];
    bool async = (g->flags & AST_FLAG_ASYNC) != 0;
    c->u->line = g->line;
    if (i == 0) {
        cc_sym_t *it = cc_lookup(sc, ".0");
        cc_emit(c, OP_LOAD_FAST, (uint32_t)it->slot);
    } else {
        cc_expr(c, g->b);
        cc_emit(c, async ? OP_GET_AITER : OP_GET_ITER, 0);
    }
    int top = cc_new_label(c), end = cc_new_label(c);
    cc_bind(c, top);
    if (async) {
        cc_emit_jump(c, OP_SETUP_EXCEPT, end);
        cc_emit(c, OP_GET_ANEXT, 0);
        cc_emit(c, OP_LOAD_NONE, 0);
        cc_emit(c, OP_YIELD_FROM, 0);
        cc_emit(c, OP_POP_BLOCK, 0);
    } else {
        cc_emit_jump(c, OP_FOR_ITER, end);
    }
    cc_store(c, g->a);
    for (int k = 0; k < g->s1.n; k++) cc_jump_if(c, g->s1.items[k], false, top);
    if (i + 1 < e->s1.n) {
        comp_loop(c, e, i + 1, sc);
    } else {
        uint32_t depth = (uint32_t)e->s1.n + 1; /* the result below one iterator per clause */
        c->u->line = e->a->line;
        switch (sc->comp) {
        case COMP_LIST:
            cc_expr(c, e->a);
            cc_emit(c, OP_LIST_APPEND, depth);
            break;
        case COMP_SET:
            cc_expr(c, e->a);
            cc_emit(c, OP_SET_ADD, depth);
            break;
        case COMP_DICT:
            cc_expr(c, e->a);
            cc_expr(c, e->b);
            cc_emit(c, OP_MAP_ADD, depth);
            break;
        default:
            cc_expr(c, e->a);
            cc_emit(c, OP_YIELD_VALUE, 0);
            cc_emit(c, OP_POP_TOP, 0);
            break;
        }
    }
    cc_emit_jump(c, OP_JUMP, top);
    cc_bind(c, end);
    if (async) cc_emit(c, OP_END_ASYNC_FOR, 0);
}

void cc_comprehension(cc_t *c, py_ast_t *e) {
    cc_scope_t *sc = cc_scope_of(c, e);
    if (!sc) internal_error("comprehension without a scope");
    int saved = c->u->line;
    py_val_t qual = qualname_of(c, sc);
    py_val_t name = cc_keep(c, py_str_from_cstr(sc->name));
    enter_unit(c, sc, name, qual, e->line);
    copy_param_cells(c, sc);
    static const uint8_t build[] = {0, OP_BUILD_LIST, OP_BUILD_SET, OP_BUILD_MAP, 0};
    if (sc->comp != COMP_GEN) cc_emit(c, build[sc->comp], 0);
    comp_loop(c, e, 0, sc);
    if (sc->comp == COMP_GEN) cc_emit(c, OP_LOAD_NONE, 0);
    cc_emit(c, OP_RETURN_VALUE, 0);
    uint32_t flags = sc->comp == COMP_GEN ? (sc->is_async ? PY_CODE_ASYNC_GENERATOR : PY_CODE_GENERATOR)
                                          : (sc->is_async ? PY_CODE_COROUTINE : 0);
    py_val_t code = assemble(c, flags, 1, 0, 0);
    c->u->line = saved;
    make_function(c, code, 0);
    py_ast_t *g0 = e->s1.items[0];
    cc_expr(c, g0->b);
    cc_emit(c, (g0->flags & AST_FLAG_ASYNC) ? OP_GET_AITER : OP_GET_ITER, 0);
    cc_emit(c, OP_CALL_FUNCTION, 1);
    if (sc->is_async && sc->comp != COMP_GEN) {
        cc_emit(c, OP_GET_AWAITABLE, 0);
        cc_emit(c, OP_LOAD_NONE, 0);
        cc_emit(c, OP_YIELD_FROM, 0);
    }
}

/* ------------------------------------------------------------ entry points */

static py_val_t compile_module(cc_t *c, py_ast_t *tree) {
    cc_symtable_build(c, tree);
    cc_scope_t *m = c->module;
    py_val_t name = cc_keep(c, py_str_from_cstr("<module>"));
    enter_unit(c, m, name, name, tree->line > 0 ? tree->line : 1);
    c->interactive = tree->kind == AST_INTERACTIVE;
    if (tree->kind == AST_EXPRESSION) {
        c->u->line = tree->a->line;
        cc_expr(c, tree->a);
        cc_emit(c, OP_RETURN_VALUE, 0);
    } else {
        if (tree->kind == AST_MODULE && tree->s1.n && cc_is_docstring(tree->s1.items[0])) {
            py_ast_t *d = tree->s1.items[0]->a;
            c->u->line = d->line;
            cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, cc_str_const(c, d->str, d->len)));
            store_special(c, "__doc__");
        }
        if (m->has_annotations) {
            cc_emit(c, OP_BUILD_MAP, 0);
            store_special(c, "__annotations__");
        }
        cc_stmts(c, &tree->s1);
        cc_emit(c, OP_LOAD_NONE, 0);
        cc_emit(c, OP_RETURN_VALUE, 0);
    }
    return assemble(c, PY_CODE_MODULE, 0, 0, 0);
}

/* The tree says the mode (MODULE, INTERACTIVE or EXPRESSION node). */
static py_val_t compile_tree(py_ast_t *tree, py_val_t filename, const char *src, size_t len) {
    cc_t c;
    memset(&c, 0, sizeof c);
    py_arena_init(&c.arena);
    c.filename = py_is_str(filename) ? filename : py_str_from_cstr("<string>");
    c.src = src;
    c.srclen = len;
    c.keep = py_list_new(0);
    py_gc_add_root(&c.keep);
    py_gc_add_root(&c.filename);
    py_try_t t;
    py_val_t code = PY_NONE;
    if (py_try(&t)) {
        code = compile_module(&c, tree);
        py_try_end(&t);
    } else {
        py_gc_remove_root(&c.filename);
        py_gc_remove_root(&c.keep);
        py_arena_free(&c.arena);
        py_raise(t.exc);
    }
    py_gc_remove_root(&c.filename);
    py_gc_remove_root(&c.keep);
    py_arena_free(&c.arena);
    return code;
}

py_val_t py_compile_ast(py_ast_t *tree, py_val_t filename, int mode) {
    return compile_tree(tree, filename, NULL, 0);
}

py_val_t py_compile_source(const char *src, size_t len, py_val_t filename, int mode) {
    py_arena_t arena;
    py_arena_init(&arena);
    const char *fname = py_is_str(filename) ? py_str_data(filename) : "<string>";
    py_try_t t;
    py_val_t code = PY_NONE;
    if (py_try(&t)) {
        py_ast_t *tree = py_parse(&arena, src, len, fname, mode);
        code = compile_tree(tree, filename, src, len);
        py_try_end(&t);
    } else {
        py_arena_free(&arena);
        py_raise(t.exc);
    }
    py_arena_free(&arena);
    return code;
}
