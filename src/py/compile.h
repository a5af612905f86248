/* compile.h: declarations private to the compiler (symtable.c, compile.c,
 * compile_stmt.c, compile_expr.c).
 *
 * The compiler runs in two passes over the tree of ast.h:
 *   1. symtable.c builds one scope per module, function, lambda, class and
 *      comprehension, records how each name is used there, then resolves
 *      every name to local / global / free / cell (Python 3 rules: class
 *      scopes are invisible to the functions nested in them, comprehensions
 *      are functions of their own, a walrus in a comprehension binds in the
 *      enclosing function).
 *   2. compile*.c walk the tree again and emit bytecode (bytecode.h) into one
 *      "unit" per scope, then assemble each unit into a py_code_t.
 *
 * Memory: everything the compiler allocates for itself lives in one arena
 * (cc_t.arena) released as a whole at the end, also when a SyntaxError
 * longjmps out.  The arena is invisible to the collector, so every GC object
 * the compiler creates (constants, names, nested code objects) is also
 * appended to cc_t.keep, a list registered as a root for the duration.
 */
#ifndef PY_COMPILE_H
#define PY_COMPILE_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "bytecode.h"
#include "runtime.h"

/* ------------------------------------------------------------ symbols */

/* How a name is used in a scope (pass 1). */
#define SF_USE 0x01        /* read */
#define SF_LOCAL 0x02      /* bound here (assignment, def, import, for, del ...) */
#define SF_PARAM 0x04      /* a parameter */
#define SF_GLOBAL 0x08     /* declared global */
#define SF_NONLOCAL 0x10   /* declared nonlocal (or a walrus target inside a comprehension) */
#define SF_COMP_ITER 0x20  /* a comprehension's iteration variable */
#define SF_FREE_CLASS 0x40 /* class scope: passes this free variable on to its children */

/* Where a name lives (pass 2). */
enum { SC_UNRESOLVED, SC_LOCAL, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL };

typedef struct {
    const char *name; /* mangled, NUL-terminated */
    uint32_t hash;
    uint16_t flags;   /* SF_* */
    uint8_t scope;    /* SC_* */
    int line;         /* of the global/nonlocal declaration, for errors */
    int slot;         /* index in varnames (fast locals and parameters), or -1 */
    int cell;         /* index among cells (cellvars then freevars), or -1 */
} cc_sym_t;

enum { SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_CLASS };
enum { COMP_NONE, COMP_LIST, COMP_SET, COMP_DICT, COMP_GEN };

typedef struct cc_scope {
    uint8_t kind;           /* SCOPE_* (lambdas and comprehensions are functions) */
    uint8_t comp;           /* COMP_* for comprehension scopes */
    bool is_lambda;
    bool is_async;          /* async def, or a comprehension that awaits (coroutine / async generator) */
    bool is_generator;      /* contains yield */
    bool needs_class_cell;  /* class: a method uses __class__ or zero-argument super() */
    bool has_annotations;   /* module/class: annotated simple names (fills __annotations__) */
    int argcount;           /* positional parameters */
    int nparams;            /* all parameters: the first nparams symbols */
    const char *name;       /* "f", "<lambda>", "<listcomp>", the class name ... */
    const char *private_name; /* the enclosing class name for private-name mangling, or NULL */
    py_ast_t *node;
    struct cc_scope *parent;
    struct cc_scope **children;
    int nchildren, capchildren;
    cc_sym_t *syms; /* in order of first appearance; parameters first */
    int nsyms, capsyms;
    int *index;     /* open-addressed hash of syms: sym index + 1, 0 = empty */
    int capindex;
} cc_scope_t;

/* ------------------------------------------------------------ units */

/* Compile-time record of a construct that break/continue/return must unwind
 * (bytecode.h: the cleanup is emitted inline). */
enum {
    FB_WHILE,        /* nothing on the stack */
    FB_FOR,          /* the iterator on the stack */
    FB_ASYNC_FOR,    /* the async iterator on the stack */
    FB_TRY_EXCEPT,   /* a SETUP_EXCEPT block active */
    FB_FINALLY_TRY,  /* body of try/finally: block active, finally body in node->s4 */
    FB_FINALLY_END,  /* inside the finally handler: [prev exc] on the stack */
    FB_HANDLER,      /* inside an except body: [prev] on the stack (block active if wrapped) */
    FB_WITH,         /* [exit] on the stack, block active */
    FB_ASYNC_WITH,   /* [aexit] on the stack, block active */
    FB_POP_VALUE,    /* a value (a return value under an inlined finally) on the stack */
};

#define CC_MAX_FBLOCKS 20 /* CPython's "too many statically nested blocks" */

typedef struct {
    uint8_t kind;
    bool wrapped;        /* FB_HANDLER: the body runs under a cleanup block */
    int l_continue;      /* loops */
    int l_break;
    py_ast_t *node;      /* FB_FINALLY_TRY: the TRY node */
    const char *name;    /* FB_HANDLER: the `as` name to delete, or NULL */
} cc_fblock_t;

typedef struct cc_unit {
    cc_scope_t *st;
    struct cc_unit *prev;
    uint32_t *ops, *lines;
    int nops, capops;
    int *labels; /* label -> instruction index, -1 while unbound */
    int nlabels, caplabels;
    py_val_t *consts;
    int nconsts, capconsts;
    int *cindex; /* hash of consts (index + 1) */
    int capcindex;
    py_val_t *names;
    int nnames, capnames;
    int *nindex;
    int capnindex;
    cc_fblock_t fb[CC_MAX_FBLOCKS];
    int nfb;
    int nactive;         /* handler blocks active at this point (fblocks with a SETUP_EXCEPT) */
    int line;            /* line recorded for emitted instructions */
    int firstlineno;
    int nlocals, ncellvars, nfreevars;
    int class_cell;      /* class body: cell index of __class__, or -1 */
    py_val_t name, qualname;
} cc_unit_t;

typedef struct {
    py_arena_t arena;
    py_val_t filename;
    const char *src;     /* source text when known (for SyntaxError text), else NULL */
    size_t srclen;
    py_val_t keep;       /* rooted list of every GC object made while compiling */
    bool interactive;
    bool future_annotations;
    /* node -> scope map, filled by pass 1 */
    py_ast_t **map_keys;
    cc_scope_t **map_vals;
    size_t map_cap, map_n;
    cc_scope_t *module;
    cc_unit_t *u;        /* the unit being emitted */
} cc_t;

/* ------------------------------------------------------------ shared helpers (compile.c) */

PY_NORETURN void cc_error(cc_t *c, int line, int col, const char *fmt, ...) PY_PRINTF(4, 5);
void *cc_alloc(cc_t *c, size_t n);
const char *cc_mangle(cc_t *c, const char *private_name, const char *name);
uint32_t cc_hash(const char *s);
py_val_t cc_keep(cc_t *c, py_val_t v);

/* symtable.c */
void cc_symtable_build(cc_t *c, py_ast_t *tree);
cc_scope_t *cc_scope_of(cc_t *c, py_ast_t *node);
cc_sym_t *cc_lookup(cc_scope_t *sc, const char *name);
/* Zero-argument super() in scope sc: the parameter passed as its second
 * argument (the first parameter of the enclosing method), or NULL. */
const char *cc_super_arg(cc_scope_t *sc);

/* compile.c: emission */
void cc_emit(cc_t *c, int op, uint32_t arg);
void cc_emit_jump(cc_t *c, int op, int label);
int cc_new_label(cc_t *c);
void cc_bind(cc_t *c, int label);
int cc_add_const(cc_t *c, py_val_t v);
int cc_add_name(cc_t *c, const char *name); /* interned, in the names table */
void cc_load_value(cc_t *c, py_val_t v);    /* LOAD_NONE / LOAD_SMALL_INT / LOAD_CONST ... */
void cc_push_fblock(cc_t *c, int kind, int l_continue, int l_break, py_ast_t *node, const char *name,
                    bool wrapped, int line);
void cc_pop_fblock(cc_t *c);
py_val_t cc_str_const(cc_t *c, const char *s, size_t n); /* str constant (identifiers interned) */

enum { CTX_LOAD, CTX_STORE, CTX_DEL };
void cc_name_op(cc_t *c, const char *name, int ctx); /* name as written (mangled here) */

/* compile.c: scopes */
void cc_function(cc_t *c, py_ast_t *s);   /* FUNCTIONDEF: leaves nothing, binds the name */
void cc_class(cc_t *c, py_ast_t *s);      /* CLASSDEF */
void cc_lambda(cc_t *c, py_ast_t *e);     /* LAMBDA: pushes the function */
void cc_comprehension(cc_t *c, py_ast_t *e);

/* compile_stmt.c */
void cc_stmts(cc_t *c, py_ast_seq_t *body);
void cc_stmt(cc_t *c, py_ast_t *s);
/* Emits the cleanup of every construct being left: up to (excluding) the
 * innermost loop when to_loop (break/continue), else all of them (return).
 * preserve_tos keeps a return value on top while doing so.  Returns the
 * loop's fblock index, or -1 when there is no loop. */
int cc_unwind(cc_t *c, bool preserve_tos, bool to_loop, int line);

/* compile_expr.c */
void cc_expr(cc_t *c, py_ast_t *e);
void cc_jump_if(cc_t *c, py_ast_t *e, bool cond, int label);
void cc_store(cc_t *c, py_ast_t *target);  /* stores TOS into an assignment target */
void cc_delete(cc_t *c, py_ast_t *target);
void cc_call_args(cc_t *c, py_ast_seq_t *args, int npushed, int line); /* for class bases too */
bool cc_const_value(cc_t *c, py_ast_t *e, py_val_t *out); /* constant folding */
bool cc_is_docstring(py_ast_t *s);

#endif
