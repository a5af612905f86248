/* ast.h: the syntax tree handed from the parser to the compiler.
 *
 * One node struct for every kind keeps the parser and compiler simple: the
 * table below says which fields each kind uses.  Nodes live in an arena that
 * is freed as a whole after compilation, so the tree holds no GC values at
 * all: names and string literals are plain bytes (decoded, UTF-8, not
 * NUL-terminated unless noted) and the compiler creates the objects.
 *
 * Fields per kind (unused fields are zero / NULL):
 *
 *  Modules
 *   MODULE        s1 = statements                      (mode exec)
 *   INTERACTIVE   s1 = statements                      (mode single: echo expressions)
 *   EXPRESSION    a = expr                             (mode eval)
 *  Statements
 *   FUNCTIONDEF   str = name, a = ARGUMENTS, s1 = body, s2 = decorators, flags ASYNC
 *   CLASSDEF      str = name, s1 = body, s2 = decorators, s3 = bases and keywords as in CALL
 *   RETURN        a = value or NULL
 *   DELETE        s1 = targets
 *   ASSIGN        s1 = targets (a = b = v has two), a = value
 *   AUGASSIGN     a = target, op = py_binop_t (plain form), b = value
 *   ANNASSIGN     a = target, b = annotation, c = value or NULL
 *   FOR           a = target, b = iterable, s1 = body, s2 = orelse, flags ASYNC
 *   WHILE         a = test, s1 = body, s2 = orelse
 *   IF            a = test, s1 = body, s2 = orelse (elif: a single IF in s2)
 *   WITH          s1 = WITHITEMs, s2 = body, flags ASYNC
 *   WITHITEM      a = context expr, b = target or NULL
 *   RAISE         a = exception or NULL, b = cause or NULL
 *   TRY           s1 = body, s2 = EXCEPTHANDLERs, s3 = orelse, s4 = finalbody
 *   EXCEPTHANDLER a = type or NULL, str = name or NULL, s1 = body
 *   ASSERT        a = test, b = message or NULL
 *   IMPORT        s1 = ALIASes
 *   IMPORTFROM    str = module or NULL (for `from . import x`), ival = level, s1 = ALIASes
 *                 (`from m import *`: one ALIAS whose str is "*")
 *   ALIAS         str = dotted name, str2 = asname or NULL
 *   GLOBAL, NONLOCAL  s1 = NAME nodes
 *   EXPR          a = expression
 *   PASS, BREAK, CONTINUE
 *  Expressions
 *   BOOLOP        op = AND | OR, s1 = values (2 or more)
 *   NAMEDEXPR     a = NAME target, b = value
 *   BINOP         a = left, op = py_binop_t, b = right
 *   UNARYOP       op = NOT | NEG | POS | INVERT (py_ast_unop_t), a = operand
 *   LAMBDA        a = ARGUMENTS, b = body expression
 *   IFEXP         a = test, b = body, c = orelse
 *   DICT          s1 = keys (a NULL key means `**s2[i]`), s2 = values
 *   SET, LIST, TUPLE  s1 = elements (may contain STARRED)
 *   LISTCOMP, SETCOMP, GENEXP  a = element, s1 = COMPREHENSIONs
 *   DICTCOMP      a = key, b = value, s1 = COMPREHENSIONs
 *   COMPREHENSION a = target, b = iterable, s1 = ifs, flags ASYNC
 *   AWAIT         a = value
 *   YIELD         a = value or NULL
 *   YIELDFROM     a = value
 *   COMPARE       a = left, s1 = comparators, ops[i] = py_ast_cmp_t for s1[i]
 *   CALL          a = function, s1 = arguments: plain expressions, STARRED (*x) and
 *                 KEYWORD nodes, in source order
 *   KEYWORD       str = name (NULL for **value), a = value
 *   FORMATTEDVALUE a = value, ival = conversion (-1, 's', 'r', 'a'), b = spec (JOINEDSTR) or NULL
 *   JOINEDSTR     s1 = parts: CONSTANT STR and FORMATTEDVALUE nodes
 *   CONSTANT      op = py_ast_const_t; INT: ival; BIGINT: str/len = literal text as written
 *                 (digits with prefix, underscores removed); FLOAT, IMAG: fval;
 *                 STR, BYTES: str/len = decoded contents (STR is UTF-8)
 *   ATTRIBUTE     a = value, str = attribute name
 *   SUBSCRIPT     a = value, b = index (an expression, SLICE, or TUPLE holding SLICEs)
 *   SLICE         a = lower, b = upper, c = step (each may be NULL)
 *   STARRED       a = value
 *   NAME          str = identifier
 *  Function signatures
 *   ARGUMENTS     s1 = positional ARGs (the first ival of them positional-only),
 *                 a = *vararg ARG or NULL, s2 = keyword-only ARGs, b = **kwarg ARG or NULL
 *   ARG           str = name, a = annotation or NULL, b = default value or NULL
 *
 * Names (str of NAME, ARG, FUNCTIONDEF, ATTRIBUTE, ALIAS, KEYWORD ...) are
 * NUL-terminated, so `len` is only needed for CONSTANT STR/BYTES/BIGINT.
 */
#ifndef PY_AST_H
#define PY_AST_H

#include <stddef.h>
#include <stdint.h>

#include "value.h"

typedef enum {
    AST_MODULE, AST_INTERACTIVE, AST_EXPRESSION,
    AST_FUNCTIONDEF, AST_CLASSDEF, AST_RETURN, AST_DELETE, AST_ASSIGN, AST_AUGASSIGN,
    AST_ANNASSIGN, AST_FOR, AST_WHILE, AST_IF, AST_WITH, AST_WITHITEM, AST_RAISE, AST_TRY,
    AST_EXCEPTHANDLER, AST_ASSERT, AST_IMPORT, AST_IMPORTFROM, AST_ALIAS, AST_GLOBAL,
    AST_NONLOCAL, AST_EXPR, AST_PASS, AST_BREAK, AST_CONTINUE,
    AST_BOOLOP, AST_NAMEDEXPR, AST_BINOP, AST_UNARYOP, AST_LAMBDA, AST_IFEXP, AST_DICT,
    AST_SET, AST_LIST, AST_TUPLE, AST_LISTCOMP, AST_SETCOMP, AST_GENEXP, AST_DICTCOMP,
    AST_COMPREHENSION, AST_AWAIT, AST_YIELD, AST_YIELDFROM, AST_COMPARE, AST_CALL,
    AST_KEYWORD, AST_FORMATTEDVALUE, AST_JOINEDSTR, AST_CONSTANT, AST_ATTRIBUTE,
    AST_SUBSCRIPT, AST_SLICE, AST_STARRED, AST_NAME, AST_ARGUMENTS, AST_ARG,
    AST__COUNT
} py_ast_kind_t;

typedef enum { AST_AND, AST_OR } py_ast_boolop_t;
typedef enum { AST_NOT, AST_NEG, AST_POS, AST_INVERT } py_ast_unop_t;
typedef enum {
    AST_CMP_EQ, AST_CMP_NE, AST_CMP_LT, AST_CMP_LE, AST_CMP_GT, AST_CMP_GE,
    AST_CMP_IS, AST_CMP_IS_NOT, AST_CMP_IN, AST_CMP_NOT_IN
} py_ast_cmp_t;
typedef enum {
    AST_CONST_NONE, AST_CONST_TRUE, AST_CONST_FALSE, AST_CONST_ELLIPSIS, AST_CONST_INT,
    AST_CONST_BIGINT, AST_CONST_FLOAT, AST_CONST_IMAG, AST_CONST_STR, AST_CONST_BYTES
} py_ast_const_t;

#define AST_FLAG_ASYNC 0x1

typedef struct py_ast py_ast_t;

typedef struct {
    py_ast_t **items;
    int n;
} py_ast_seq_t;

struct py_ast {
    uint8_t kind;   /* py_ast_kind_t */
    uint8_t op;     /* operator / constant kind, per the table */
    uint16_t flags;
    int line;
    int col;
    const char *str;
    const char *str2;
    size_t len;
    int64_t ival;
    double fval;
    py_ast_t *a, *b, *c;
    py_ast_seq_t s1, s2, s3, s4;
    uint8_t *ops;   /* COMPARE only */
};

/* Arena for the tree: chunks of malloc'd memory released together. */
typedef struct py_arena_chunk py_arena_chunk_t;
typedef struct {
    py_arena_chunk_t *head;
} py_arena_t;
void py_arena_init(py_arena_t *a);
void *py_arena_alloc(py_arena_t *a, size_t n); /* zeroed; raises MemoryError */
void py_arena_free(py_arena_t *a);

/* Parses source into a tree allocated in `arena`.  mode is PY_MODE_EXEC,
 * PY_MODE_EVAL or PY_MODE_SINGLE (runtime.h).  Raises SyntaxError (or
 * IndentationError) whose args are (msg, (filename, line, col, text)) and
 * whose `lineno`/`filename` attributes are set.  The caller frees the arena,
 * also when this raises. */
py_ast_t *py_parse(py_arena_t *arena, const char *src, size_t len, const char *filename, int mode);

/* Compiles a tree to a code object (see bytecode.h).  Raises SyntaxError for
 * errors found at compile time ('return' outside function, nonlocal at
 * module level, invalid assignment targets ...). */
py_val_t py_compile_ast(py_ast_t *tree, py_val_t filename, int mode);

#endif
