/* bytecode.h: the contract between the compiler and the VM.
 *
 * An instruction is one 32-bit word: opcode in the low 8 bits, argument in
 * the high 24 (PY_OP / PY_ARG).  Fixed-width words keep decoding to a shift
 * and a mask and let jumps name an instruction index directly.
 *
 * Stack effects are written [before] -> [after], top of stack on the right.
 * "n" is the argument.  Jump targets are absolute instruction indexes.
 *
 * Exceptions use a per-frame block stack.  SETUP_EXCEPT pushes a handler
 * (target, current stack depth); POP_BLOCK pops it.  When an exception is
 * raised inside the block, the VM pops the handler, cuts the value stack back
 * to the saved depth, pushes the previously handled exception (or None) and
 * then the new exception, makes the new one the "handled" exception (for
 * sys.exc_info, bare `raise` and __context__), and jumps to the target.  So
 * every handler starts with [.. prev exc].  `finally` bodies are emitted
 * twice by the compiler: inline on the normal path (after POP_BLOCK) and in
 * a handler that ends with RERAISE, so the VM needs no finally machinery.
 * break/continue/return leaving a try or handler emit the cleanup inline
 * (POP_BLOCK, POP_EXCEPT, the finally body, popping loop iterators).
 */
#ifndef PY_BYTECODE_H
#define PY_BYTECODE_H

#include <stdint.h>

#include "obj.h"

#define PY_OPCODES(X)                                                                      \
    X(NOP)              /* [] -> [] */                                                      \
    X(POP_TOP)          /* [a] -> [] */                                                     \
    X(ROT_TWO)          /* [a b] -> [b a] */                                                \
    X(ROT_THREE)        /* [a b c] -> [c a b] */                                            \
    X(ROT_FOUR)         /* [a b c d] -> [d a b c] */                                        \
    X(DUP_TOP)          /* [a] -> [a a] */                                                  \
    X(DUP_TOP_TWO)      /* [a b] -> [a b a b] */                                            \
    X(LOAD_CONST)       /* [] -> [consts[n]] */                                             \
    X(LOAD_NONE)        /* [] -> [None] */                                                  \
    X(LOAD_TRUE)        /* [] -> [True] */                                                  \
    X(LOAD_FALSE)       /* [] -> [False] */                                                 \
    X(LOAD_SMALL_INT)   /* [] -> [n - 0x800000] (24-bit biased) */                          \
    X(LOAD_FAST)        /* [] -> [locals[n]]; UnboundLocalError if unset */                 \
    X(STORE_FAST)       /* [v] -> [] */                                                     \
    X(DELETE_FAST)      /* [] -> [] */                                                      \
    X(LOAD_DEREF)       /* [] -> [cells[n].value]; cells = cellvars then freevars */        \
    X(STORE_DEREF)      /* [v] -> [] */                                                     \
    X(DELETE_DEREF)     /* [] -> [] */                                                      \
    X(LOAD_CLOSURE)     /* [] -> [cells[n]] (the cell itself) */                            \
    X(LOAD_CLASSDEREF)  /* class body: locals dict first, then cells[n] */                  \
    X(LOAD_NAME)        /* [] -> [locals/globals/builtins[names[n]]] */                     \
    X(STORE_NAME)       /* [v] -> [] into the locals dict */                                \
    X(DELETE_NAME)      /* [] -> [] */                                                      \
    X(LOAD_GLOBAL)      /* [] -> [globals/builtins[names[n]]] */                            \
    X(STORE_GLOBAL)     /* [v] -> [] */                                                     \
    X(DELETE_GLOBAL)    /* [] -> [] */                                                      \
    X(LOAD_ATTR)        /* [obj] -> [obj.names[n]] */                                       \
    X(STORE_ATTR)       /* [v obj] -> [] */                                                 \
    X(DELETE_ATTR)      /* [obj] -> [] */                                                   \
    X(LOAD_METHOD)      /* [obj] -> [meth self]; self is NULL when meth needs no self */    \
    X(BINARY_SUBSCR)    /* [obj key] -> [obj[key]] */                                       \
    X(STORE_SUBSCR)     /* [v obj key] -> [] */                                             \
    X(DELETE_SUBSCR)    /* [obj key] -> [] */                                               \
    X(BUILD_SLICE)      /* n=2: [a b] -> [slice]; n=3: [a b c] -> [slice] */               \
    X(BINARY_OP)        /* [a b] -> [a op b]; n = py_binop_t (in-place forms included) */   \
    X(COMPARE_OP)       /* [a b] -> [a op b]; n = py_cmpop_t */                             \
    X(IS_OP)            /* [a b] -> [a is b]; n=1: is not */                                \
    X(CONTAINS_OP)      /* [a b] -> [a in b]; n=1: not in */                                \
    X(UNARY_OP)         /* [a] -> [op a]; n = PY_UNARY_NEG/POS/INVERT */                    \
    X(UNARY_NOT)        /* [a] -> [not a] */                                                \
    X(JUMP)             /* [] -> []; goto n */                                              \
    X(POP_JUMP_IF_FALSE) /* [a] -> [] */                                                    \
    X(POP_JUMP_IF_TRUE) /* [a] -> [] */                                                     \
    X(JUMP_IF_FALSE_OR_POP) /* [a] -> [a] and jump if falsy, else [] */                     \
    X(JUMP_IF_TRUE_OR_POP) /* [a] -> [a] and jump if truthy, else [] */                     \
    X(GET_ITER)         /* [obj] -> [iter] */                                               \
    X(FOR_ITER)         /* [iter] -> [iter v]; when exhausted: [] and goto n */             \
    X(BUILD_TUPLE)      /* [a1..an] -> [tuple] */                                           \
    X(BUILD_LIST)       /* [a1..an] -> [list] */                                            \
    X(BUILD_SET)        /* [a1..an] -> [set] */                                             \
    X(BUILD_MAP)        /* [k1 v1 .. kn vn] -> [dict] */                                    \
    X(LIST_APPEND)      /* [.. v] -> [..]; appends v to the list at stack[-n] after the pop */ \
    X(SET_ADD)          /* [.. v] -> [..]; likewise for a set */                            \
    X(MAP_ADD)          /* [.. k v] -> [..]; dict at stack[-n] after the pops */            \
    X(LIST_EXTEND)      /* [.. it] -> [..]; list at stack[-n] extended by it */             \
    X(SET_UPDATE)       /* [.. it] -> [..] */                                               \
    X(DICT_UPDATE)      /* [.. m] -> [..]; dict at stack[-n] updated from mapping m */      \
    X(DICT_MERGE)       /* as DICT_UPDATE, but a repeated key is a TypeError (f(**a, **b)) */ \
    X(LIST_TO_TUPLE)    /* [list] -> [tuple] */                                             \
    X(UNPACK_SEQUENCE)  /* [seq] -> [item(n-1) .. item0] (item0 on top) */                  \
    X(UNPACK_EX)        /* n = before | after << 8: [seq] -> [after.. list before..] first item on top */ \
    X(FORMAT_VALUE)     /* n&3: 0 none 1 str 2 repr 3 ascii; n&4: [v spec] else [v] -> [str] */ \
    X(BUILD_STRING)     /* [s1..sn] -> [s1+..+sn] */                                        \
    X(CALL_FUNCTION)    /* [f a1..an] -> [result] */                                        \
    X(CALL_FUNCTION_KW) /* [f a1..an kwnames] -> [result]; last len(kwnames) args are keywords */ \
    X(CALL_FUNCTION_EX) /* [f args_tuple] or (n&1) [f args_tuple kwargs_dict] -> [result] */  \
    X(CALL_METHOD)      /* [meth self a1..an] -> [result]; self NULL: call meth(a1..an) */  \
    X(CALL_METHOD_KW)   /* [meth self a1..an kwnames] -> [result] */                        \
    X(MAKE_FUNCTION)    /* [(defaults if n&1) (kwdefaults if n&2) (closure if n&8) code] -> [func] */ \
    X(RETURN_VALUE)     /* [v] -> return v */                                               \
    X(LOAD_BUILD_CLASS) /* [] -> [__build_class__] */                                       \
    X(SETUP_EXCEPT)     /* push handler block (target n) */                                 \
    X(POP_BLOCK)        /* pop handler block */                                             \
    X(POP_EXCEPT)       /* [prev] -> []; the handled exception becomes prev again */        \
    X(RERAISE)          /* [prev exc] -> raise exc again, traceback kept */                 \
    X(RAISE_VARARGS)    /* n=0: re-raise handled; n=1: [exc]; n=2: [exc cause] */           \
    X(CHECK_EXC_MATCH)  /* [exc type] -> [bool] (type may be a tuple) */                    \
    X(BEFORE_WITH)      /* [mgr] -> [exit enter_result]; exit is mgr.__exit__ bound */      \
    X(WITH_EXIT)        /* [exit] -> []; calls exit(None, None, None) */                    \
    X(WITH_EXCEPT)      /* [exit prev exc] -> [exit prev exc bool]; bool = exit(type, exc, tb) */ \
    X(BEFORE_ASYNC_WITH) /* [mgr] -> [aexit awaitable_of_aenter] */                         \
    X(ASYNC_WITH_EXIT)  /* [aexit] -> [awaitable] from aexit(None, None, None) */           \
    X(ASYNC_WITH_EXCEPT) /* [aexit prev exc] -> [aexit prev exc awaitable] from aexit(type, exc, tb) */ \
    X(GET_AWAITABLE)    /* [obj] -> [iterator of obj.__await__()] (or a coroutine itself) */ \
    X(GET_AITER)        /* [obj] -> [obj.__aiter__()] */                                    \
    X(GET_ANEXT)        /* [aiter] -> [aiter awaitable of aiter.__anext__()] */              \
    X(END_ASYNC_FOR)    /* [aiter prev exc] -> [] if exc is StopAsyncIteration (restores handled), else re-raise */ \
    X(YIELD_VALUE)      /* [v] -> [sent]; the frame suspends */                             \
    X(YIELD_FROM)       /* [iter v] -> [result]: delegates until iter is exhausted */       \
    X(GET_YIELD_FROM_ITER) /* [obj] -> [iter] (a generator/coroutine stays itself) */       \
    X(IMPORT_NAME)      /* [level fromlist] -> [module] */                                  \
    X(IMPORT_FROM)      /* [module] -> [module module.names[n]] (ImportError if absent) */  \
    X(IMPORT_STAR)      /* [module] -> []; into the locals namespace */                     \
    X(PRINT_EXPR)       /* [v] -> []; REPL echo: repr(v) unless None, also sets builtins._ */ \
    X(LOAD_ASSERTION_ERROR) /* [] -> [AssertionError] */

typedef enum {
#define PY_OPCODE_ENUM(name) OP_##name,
    PY_OPCODES(PY_OPCODE_ENUM)
#undef PY_OPCODE_ENUM
        OP__COUNT
} py_opcode_t;

extern const char *const py_opcode_names[OP__COUNT];

#define PY_OP(word) ((py_opcode_t)((word)&0xFF))
#define PY_ARG(word) ((uint32_t)(word) >> 8)
#define PY_INSN(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define PY_ARG_MAX 0xFFFFFF
#define PY_SMALL_INT_BIAS 0x800000

/* code flags */
#define PY_CODE_VARARGS 0x01      /* has *args (last positional slot after kwonly) */
#define PY_CODE_VARKEYWORDS 0x02  /* has **kwargs */
#define PY_CODE_GENERATOR 0x04
#define PY_CODE_COROUTINE 0x08    /* async def */
#define PY_CODE_ASYNC_GENERATOR 0x10
#define PY_CODE_CLASSBODY 0x20    /* runs with a locals dict: uses *_NAME ops */
#define PY_CODE_MODULE 0x40

/* A compiled function body, module or class body.
 *
 * Locals layout: varnames[0 .. argcount) are the positional parameters (the
 * first posonlyargcount positional-only), then kwonlyargcount keyword-only
 * parameters, then *args (if VARARGS), then **kwargs (if VARKEYWORDS), then
 * the other locals.  A parameter that is also a cell is copied into its cell
 * by code the compiler emits at entry (LOAD_FAST, STORE_DEREF).
 * Zero-argument super() is compiled as super(__class__, <first argument>):
 * __class__ is a free variable of the method and a cell variable of the class
 * body, whose code returns that cell (or None) so __build_class__ can fill it
 * with the new class. */
typedef struct {
    py_obj_t h;
    uint32_t *ops;      /* raw payload, n_ops words */
    uint32_t *lines;    /* raw payload, source line of each instruction */
    uint32_t n_ops;
    uint32_t flags;
    uint16_t argcount;
    uint16_t posonlyargcount;
    uint16_t kwonlyargcount;
    uint16_t nlocals;   /* len(varnames) */
    uint16_t ncells;    /* len(cellvars) + len(freevars) */
    uint16_t stacksize; /* maximum value-stack depth */
    uint16_t maxblocks; /* maximum handler-block nesting */
    int firstlineno;
    py_val_t consts;    /* tuple (code objects for nested functions included) */
    py_val_t names;     /* tuple of interned str: globals, attributes, imports */
    py_val_t varnames;  /* tuple of interned str */
    py_val_t cellvars;  /* tuple of interned str */
    py_val_t freevars;  /* tuple of interned str */
    py_val_t name;      /* str */
    py_val_t qualname;  /* str */
    py_val_t filename;  /* str */
    void *cache;        /* VM-private inline caches (raw payload), created lazily */
} py_code_t;

typedef struct {
    py_obj_t h;
    py_code_t *code;
    py_val_t globals;    /* dict */
    py_val_t defaults;   /* tuple or PY_NULL */
    py_val_t kwdefaults; /* dict or PY_NULL */
    py_val_t closure;    /* tuple of cells or PY_NULL */
    py_val_t name;
    py_val_t qualname;
    py_val_t module;     /* __module__ */
    py_val_t dict;       /* function attributes, PY_NULL until one is set */
} py_func_t;

typedef struct {
    py_obj_t h;
    py_val_t value; /* PY_NULL when empty */
} py_cell_t;

/* Disassembly for `-X dis` / debugging (vm_dis.c). */
void py_code_dump(py_val_t code);

#endif
