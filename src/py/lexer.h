/* lexer.h: tokens of Python source, shared by lexer.c and parser.c only.
 *
 * The lexer turns a byte range into an arena array of tokens ending with
 * T_EOF.  Strings are decoded here (escapes, prefixes); f-strings are kept
 * as raw body text and parsed by the parser, which re-enters the lexer on
 * the replacement-field text (it lies inside the original buffer, so line
 * numbers and error text stay right).
 */
#ifndef PY_LEXER_H
#define PY_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"

enum {
    T_EOF, T_NEWLINE, T_INDENT, T_DEDENT, T_NAME, T_NUMBER, T_STRING,
    /* keywords */
    T_FALSE, T_NONE, T_TRUE, T_AND, T_AS, T_ASSERT, T_ASYNC, T_AWAIT, T_BREAK, T_CLASS,
    T_CONTINUE, T_DEF, T_DEL, T_ELIF, T_ELSE, T_EXCEPT, T_FINALLY, T_FOR, T_FROM, T_GLOBAL,
    T_IF, T_IMPORT, T_IN, T_IS, T_LAMBDA, T_NONLOCAL, T_NOT, T_OR, T_PASS, T_RAISE,
    T_RETURN, T_TRY, T_WHILE, T_WITH, T_YIELD,
    /* operators and delimiters */
    T_LPAR, T_RPAR, T_LSQB, T_RSQB, T_LBRACE, T_RBRACE, T_COLON, T_COMMA, T_SEMI, T_DOT,
    T_ELLIPSIS, T_ARROW, T_WALRUS, T_AT, T_ASSIGN,
    T_PLUS, T_MINUS, T_STAR, T_SLASH, T_DSLASH, T_PERCENT, T_DSTAR, T_LSHIFT, T_RSHIFT,
    T_AMP, T_VBAR, T_CIRCUMFLEX, T_TILDE,
    T_LT, T_GT, T_LE, T_GE, T_EQ, T_NE,
    /* augmented assignment: T_AUG + py_binop_t */
    T_AUG,
    T_AUG_LAST = T_AUG + 12,
    T__COUNT
};

/* String token flags */
#define TS_BYTES 1
#define TS_FSTR 2
#define TS_RAW 4

typedef struct {
    uint8_t kind;
    uint8_t cop;     /* T_NUMBER: py_ast_const_t; T_STRING: TS_* flags */
    int line, col;
    const char *start; /* source bytes of the token */
    size_t slen;
    const char *str;   /* NAME: NUL-terminated name; STRING: decoded (or f-string body); BIGINT text */
    size_t len;
    int64_t ival;
    double fval;
    /* f-strings: where the body starts in the source */
    int bline;
    const char *bline_start;
} py_token_t;

typedef struct {
    py_arena_t *arena;
    const char *src; /* the whole source, for error line text */
    size_t srclen;
    const char *filename;
} py_lexctx_t;

/* Tokenises [p, end).  `line`/`line_start` give the position of p; `inner`
 * set means an f-string field: no NEWLINE/INDENT tokens, as inside brackets. */
py_token_t *py_lex(py_lexctx_t *ctx, const char *p, const char *end, int line,
                   const char *line_start, bool inner, int *ntok);

/* Raises SyntaxError at a position (indent 1: IndentationError, 2: TabError). */
_Noreturn void py_syntax_error_at(py_lexctx_t *ctx, int line, int col, int indent,
                                  const char *msg);

/* Decodes a string body with escapes into the arena (used for f-string literal parts). */
const char *py_lex_decode(py_lexctx_t *ctx, const char *p, size_t n, int flags, int line,
                          int col, size_t *outlen);

#endif
