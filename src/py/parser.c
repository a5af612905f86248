/* parser.c: tokens to the syntax tree of ast.h, by recursive descent.
 *
 * Invariants: every node is arena-allocated and zeroed; sequences are built
 * in arena vectors; recursive functions call py_check_stack so deep nesting
 * raises instead of overflowing.  Errors raise SyntaxError through
 * py_syntax_error_at (never return).  f-strings are parsed here: literal
 * parts decoded, replacement fields parsed by re-lexing the field text in
 * place (so positions refer to the original source).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"
#include "runtime.h"

typedef struct {
    py_lexctx_t *ctx;
    py_token_t *t;
    int pos, n;
} P;

/* a growable sequence in the arena */
typedef struct {
    py_ast_t **items;
    int n, cap;
} vec_t;

static void vpush(P *p, vec_t *v, py_ast_t *x) {
    if (v->n == v->cap) {
        int nc = v->cap ? v->cap * 2 : 4;
        py_ast_t **ni = py_arena_alloc(p->ctx->arena, sizeof(py_ast_t *) * (size_t)nc);
        if (v->n) memcpy(ni, v->items, sizeof(py_ast_t *) * (size_t)v->n);
        v->items = ni;
        v->cap = nc;
    }
    v->items[v->n++] = x;
}
static py_ast_seq_t vseq(vec_t *v) {
    py_ast_seq_t s = {v->items, v->n};
    return s;
}
static py_ast_seq_t seq1(P *p, py_ast_t *x) {
    vec_t v = {0};
    vpush(p, &v, x);
    return vseq(&v);
}

static py_token_t *cur(P *p) { return &p->t[p->pos]; }
static int kind(P *p) { return p->t[p->pos].kind; }
static int peek(P *p, int k) {
    int i = p->pos + k;
    return i < p->n ? p->t[i].kind : T_EOF;
}
static py_token_t *next(P *p) {
    py_token_t *t = &p->t[p->pos];
    if (p->pos < p->n - 1) p->pos++;
    return t;
}
static bool accept(P *p, int k) {
    if (kind(p) == k) {
        next(p);
        return true;
    }
    return false;
}

static _Noreturn void error_tok(P *p, py_token_t *t, const char *msg) {
    py_syntax_error_at(p->ctx, t->line, t->col, false, msg);
}
static _Noreturn void syntax(P *p) {
    py_token_t *t = cur(p);
    if (t->kind == T_INDENT) py_syntax_error_at(p->ctx, t->line, t->col, true, "unexpected indent");
    if (t->kind == T_EOF) error_tok(p, t, "unexpected EOF while parsing");
    error_tok(p, t, "invalid syntax");
}
static py_token_t *expect(P *p, int k, const char *what) {
    if (kind(p) != k) {
        if (what && kind(p) != T_INDENT && kind(p) != T_EOF) {
            char msg[64];
            snprintf(msg, sizeof msg, "expected '%s'", what);
            error_tok(p, cur(p), msg);
        }
        syntax(p);
    }
    return next(p);
}

static py_ast_t *node(P *p, int k, py_token_t *at) {
    py_ast_t *n = py_arena_alloc(p->ctx->arena, sizeof(py_ast_t));
    n->kind = (uint8_t)k;
    n->line = at->line;
    n->col = at->col;
    return n;
}

static py_ast_t *expr(P *p);
static py_ast_t *test(P *p);
static py_ast_t *test_nocond(P *p);
static py_ast_t *or_expr(P *p);
static py_ast_t *star_expressions(P *p);
static py_ast_t *named_test(P *p);
static void block(P *p, py_ast_seq_t *out, const char *what, py_token_t *head);
static py_ast_t *strings(P *p);

/* ------------------------------------------------------------ targets */

static const char *describe(py_ast_t *e) {
    switch (e->kind) {
    case AST_CALL: return "function call";
    case AST_CONSTANT:
        if (e->op == AST_CONST_NONE) return "None";
        if (e->op == AST_CONST_TRUE) return "True";
        if (e->op == AST_CONST_FALSE) return "False";
        if (e->op == AST_CONST_ELLIPSIS) return "ellipsis";
        return "literal";
    case AST_JOINEDSTR: return "f-string expression";
    case AST_LAMBDA: return "lambda";
    case AST_IFEXP: return "conditional expression";
    case AST_NAMEDEXPR: return "named expression";
    case AST_COMPARE: return "comparison";
    case AST_BOOLOP: case AST_BINOP: case AST_UNARYOP: return "expression";
    case AST_YIELD: case AST_YIELDFROM: return "yield expression";
    case AST_AWAIT: return "await expression";
    case AST_DICT: return "dict literal";
    case AST_SET: return "set display";
    case AST_LISTCOMP: return "list comprehension";
    case AST_SETCOMP: return "set comprehension";
    case AST_DICTCOMP: return "dict comprehension";
    case AST_GENEXP: return "generator expression";
    default: return "expression";
    }
}

/* how: 0 assign, 1 delete, 2 augassign/annotated */
static void check_target(P *p, py_ast_t *e, int how) {
    py_check_stack();
    switch (e->kind) {
    case AST_NAME:
    case AST_ATTRIBUTE:
    case AST_SUBSCRIPT:
        return;
    case AST_TUPLE:
    case AST_LIST:
        if (how == 2) break;
        for (int i = 0; i < e->s1.n; i++) check_target(p, e->s1.items[i], how);
        return;
    case AST_STARRED:
        if (how == 1) {
            py_syntax_error_at(p->ctx, e->line, e->col, false, "cannot delete starred");
        }
        if (how == 2) break;
        check_target(p, e->a, how);
        return;
    default:
        break;
    }
    char msg[96];
    if (how == 2 && (e->kind == AST_TUPLE || e->kind == AST_LIST || e->kind == AST_STARRED))
        snprintf(msg, sizeof msg, "'%s' is an illegal expression for augmented assignment",
                 e->kind == AST_TUPLE ? "tuple" : e->kind == AST_LIST ? "list" : "starred");
    else if (how == 2)
        snprintf(msg, sizeof msg, "'%s' is an illegal expression for augmented assignment", describe(e));
    else
        snprintf(msg, sizeof msg, "cannot %s %s", how == 1 ? "delete" : "assign to", describe(e));
    py_syntax_error_at(p->ctx, e->line, e->col, false, msg);
}

/* ------------------------------------------------------------ arguments */

/* Parses a parameter list up to `close` (T_RPAR for def, T_COLON for lambda). */
static py_ast_t *parameters(P *p, int close, bool annotations) {
    py_ast_t *args = node(p, AST_ARGUMENTS, cur(p));
    vec_t pos = {0}, kwo = {0};
    bool star_seen = false, default_seen = false, slash_seen = false;
    while (kind(p) != close) {
        py_token_t *t = cur(p);
        if (accept(p, T_SLASH)) {
            if (slash_seen || star_seen || pos.n == 0) error_tok(p, t, slash_seen ? "/ may appear only once" : star_seen ? "/ must be ahead of *" : "at least one argument must precede /");
            slash_seen = true;
            args->ival = pos.n;
        } else if (accept(p, T_STAR)) {
            if (star_seen) error_tok(p, t, "* argument may appear only once");
            star_seen = true;
            if (kind(p) == T_NAME) {
                py_ast_t *a = node(p, AST_ARG, cur(p));
                a->str = next(p)->str;
                if (annotations && accept(p, T_COLON)) {
                    if (kind(p) == T_STAR) {
                        py_token_t *st = next(p);
                        py_ast_t *s = node(p, AST_STARRED, st);
                        s->a = expr(p);
                        a->a = s;
                    } else a->a = test(p);
                }
                args->a = a;
            } else if (kind(p) == close || kind(p) != T_COMMA) {
                error_tok(p, t, "named arguments must follow bare *");
            }
        } else if (accept(p, T_DSTAR)) {
            py_ast_t *a = node(p, AST_ARG, cur(p));
            a->str = expect(p, T_NAME, NULL)->str;
            if (annotations && accept(p, T_COLON)) a->a = test(p);
            if (kind(p) == T_ASSIGN) error_tok(p, cur(p), "var-keyword argument cannot have default value");
            args->b = a;
            accept(p, T_COMMA);
            if (kind(p) != close) error_tok(p, cur(p), "arguments cannot follow var-keyword argument");
            break;
        } else {
            py_ast_t *a = node(p, AST_ARG, cur(p));
            a->str = expect(p, T_NAME, NULL)->str;
            if (annotations && accept(p, T_COLON)) a->a = test(p);
            if (accept(p, T_ASSIGN)) {
                a->b = test(p);
                if (!star_seen) default_seen = true;
            } else if (default_seen && !star_seen) {
                error_tok(p, t, "non-default argument follows default argument");
            }
            vpush(p, star_seen ? &kwo : &pos, a);
        }
        if (kind(p) == close) break;
        expect(p, T_COMMA, NULL);
    }
    if (star_seen && !args->a && kwo.n == 0) error_tok(p, cur(p), "named arguments must follow bare *");
    args->s1 = vseq(&pos);
    args->s2 = vseq(&kwo);
    /* duplicate names (quadratic, but parameter lists are short) */
    py_ast_t *all[256];
    int na = 0;
    for (int i = 0; i < pos.n && na < 256; i++) all[na++] = pos.items[i];
    if (args->a && na < 256) all[na++] = args->a;
    for (int i = 0; i < kwo.n && na < 256; i++) all[na++] = kwo.items[i];
    if (args->b && na < 256) all[na++] = args->b;
    for (int i = 1; i < na; i++)
        for (int j = 0; j < i; j++)
            if (!strcmp(all[i]->str, all[j]->str)) {
                char msg[300];
                snprintf(msg, sizeof msg, "duplicate argument '%.200s' in function definition", all[i]->str);
                py_syntax_error_at(p->ctx, all[i]->line, all[i]->col, false, msg);
            }
    return args;
}

/* Call arguments after '(' up to ')' (consumed). */
static void call_args(P *p, py_ast_t *call) {
    py_token_t *lpar = &p->t[p->pos - 1]; /* a bare genexp argument starts at the '(' */
    vec_t v = {0};
    bool kw_seen = false, dstar_seen = false;
    while (kind(p) != T_RPAR) {
        py_token_t *t = cur(p);
        if (accept(p, T_STAR)) {
            py_ast_t *s = node(p, AST_STARRED, t);
            s->a = test(p);
            if (dstar_seen) error_tok(p, t, "iterable argument unpacking follows keyword argument unpacking");
            vpush(p, &v, s);
        } else if (accept(p, T_DSTAR)) {
            py_ast_t *k = node(p, AST_KEYWORD, t);
            k->a = test(p);
            vpush(p, &v, k);
            dstar_seen = true;
        } else if (kind(p) == T_NAME && peek(p, 1) == T_ASSIGN) {
            py_ast_t *k = node(p, AST_KEYWORD, t);
            k->str = next(p)->str;
            next(p);
            k->a = test(p);
            vpush(p, &v, k);
            kw_seen = true;
        } else {
            py_ast_t *e = named_test(p);
            if (kind(p) == T_FOR || (kind(p) == T_ASYNC && peek(p, 1) == T_FOR)) {
                /* genexp as an argument: must be the only one unless parenthesised */
                extern py_ast_t *comp_tail(P *, py_ast_t *, int, py_token_t *);
                py_ast_t *g = comp_tail(p, e, AST_GENEXP, lpar);
                if (v.n > 0 || kind(p) != T_RPAR) {
                    if (!(kind(p) == T_COMMA && peek(p, 1) == T_RPAR && v.n == 0))
                        error_tok(p, t, "Generator expression must be parenthesized");
                }
                e = g;
            } else if (kind(p) == T_ASSIGN) {
                error_tok(p, t, "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            if (dstar_seen) error_tok(p, t, "positional argument follows keyword argument unpacking");
            if (kw_seen) error_tok(p, t, "positional argument follows keyword argument");
            vpush(p, &v, e);
        }
        if (kind(p) == T_RPAR) break;
        expect(p, T_COMMA, NULL);
    }
    next(p);
    call->s1 = vseq(&v);
}

/* ------------------------------------------------------------ comprehensions */

static void no_bare_star(P *p, py_ast_t *e, bool target);

/* target list of a `for`: star_targets up to `in` */
static py_ast_t *for_targets(P *p) {
    py_token_t *t = cur(p);
    vec_t v = {0};
    bool comma = false;
    for (;;) {
        py_token_t *st = cur(p);
        py_ast_t *e;
        if (accept(p, T_STAR)) {
            e = node(p, AST_STARRED, st);
            e->a = or_expr(p);
        } else e = or_expr(p);
        vpush(p, &v, e);
        if (kind(p) != T_COMMA) break;
        next(p);
        comma = true;
        if (kind(p) == T_IN || kind(p) == T_ASSIGN) break;
    }
    py_ast_t *r;
    if (!comma) {
        r = v.items[0];
        no_bare_star(p, r, true);
    } else {
        r = node(p, AST_TUPLE, t);
        r->s1 = vseq(&v);
    }
    check_target(p, r, 0);
    return r;
}

py_ast_t *comp_tail(P *p, py_ast_t *elt, int k, py_token_t *at);
py_ast_t *comp_tail(P *p, py_ast_t *elt, int k, py_token_t *at) {
    py_ast_t *r = node(p, k, at);
    r->a = elt;
    vec_t gens = {0};
    while (kind(p) == T_FOR || (kind(p) == T_ASYNC && peek(p, 1) == T_FOR)) {
        py_ast_t *c = node(p, AST_COMPREHENSION, cur(p));
        if (accept(p, T_ASYNC)) c->flags |= AST_FLAG_ASYNC;
        next(p);
        c->a = for_targets(p);
        expect(p, T_IN, "in");
        c->b = or_expr(p);
        /* or_test level: `for x in a or b` */
        if (kind(p) == T_AND || kind(p) == T_OR || kind(p) == T_IN || kind(p) == T_NOT ||
            (kind(p) >= T_LT && kind(p) <= T_NE) || kind(p) == T_IS) {
            syntax(p);
        }
        vec_t ifs = {0};
        while (kind(p) == T_IF) {
            next(p);
            vpush(p, &ifs, test_nocond(p));
        }
        c->s1 = vseq(&ifs);
        vpush(p, &gens, c);
    }
    r->s1 = vseq(&gens);
    return r;
}

/* ------------------------------------------------------------ atoms */

static py_ast_t *star_or_named(P *p) {
    py_token_t *t = cur(p);
    if (accept(p, T_STAR)) {
        py_ast_t *s = node(p, AST_STARRED, t);
        s->a = or_expr(p);
        return s;
    }
    return named_test(p);
}

static py_ast_t *paren(P *p, py_token_t *t) {
    if (accept(p, T_RPAR)) return node(p, AST_TUPLE, t);
    if (kind(p) == T_YIELD) {
        py_ast_t *y = star_expressions(p); /* handles yield */
        expect(p, T_RPAR, ")");
        return y;
    }
    py_ast_t *first = star_or_named(p);
    if (kind(p) == T_FOR || (kind(p) == T_ASYNC && peek(p, 1) == T_FOR)) {
        if (first->kind == AST_STARRED) error_tok(p, t, "iterable unpacking cannot be used in comprehension");
        py_ast_t *g = comp_tail(p, first, AST_GENEXP, t);
        expect(p, T_RPAR, ")");
        return g;
    }
    if (accept(p, T_RPAR)) {
        if (first->kind == AST_STARRED) error_tok(p, t, "cannot use starred expression here");
        return first;
    }
    vec_t v = {0};
    vpush(p, &v, first);
    while (accept(p, T_COMMA)) {
        if (kind(p) == T_RPAR) break;
        vpush(p, &v, star_or_named(p));
    }
    expect(p, T_RPAR, ")");
    py_ast_t *r = node(p, AST_TUPLE, t);
    r->s1 = vseq(&v);
    return r;
}

static py_ast_t *list_display(P *p, py_token_t *t) {
    if (accept(p, T_RSQB)) return node(p, AST_LIST, t);
    py_ast_t *first = star_or_named(p);
    if (kind(p) == T_FOR || (kind(p) == T_ASYNC && peek(p, 1) == T_FOR)) {
        if (first->kind == AST_STARRED) error_tok(p, t, "iterable unpacking cannot be used in comprehension");
        py_ast_t *g = comp_tail(p, first, AST_LISTCOMP, t);
        expect(p, T_RSQB, "]");
        return g;
    }
    vec_t v = {0};
    vpush(p, &v, first);
    while (accept(p, T_COMMA)) {
        if (kind(p) == T_RSQB) break;
        vpush(p, &v, star_or_named(p));
    }
    expect(p, T_RSQB, "]");
    py_ast_t *r = node(p, AST_LIST, t);
    r->s1 = vseq(&v);
    return r;
}

static py_ast_t *brace_display(P *p, py_token_t *t) {
    if (accept(p, T_RBRACE)) return node(p, AST_DICT, t);
    vec_t keys = {0}, vals = {0};
    bool isdict;
    py_ast_t *k = NULL, *v = NULL;
    if (kind(p) == T_DSTAR) {
        next(p);
        isdict = true;
        v = or_expr(p);
    } else {
        k = star_or_named(p);
        isdict = kind(p) == T_COLON;
        if (isdict) {
            if (k->kind == AST_STARRED) error_tok(p, t, "cannot use a starred expression in a dictionary value");
            next(p);
            v = test(p);
        }
    }
    if (kind(p) == T_FOR || (kind(p) == T_ASYNC && peek(p, 1) == T_FOR)) {
        if (isdict && !k) error_tok(p, t, "dict unpacking cannot be used in dict comprehension");
        if (!isdict && k->kind == AST_STARRED) error_tok(p, t, "iterable unpacking cannot be used in comprehension");
        py_ast_t *g = comp_tail(p, k, isdict ? AST_DICTCOMP : AST_SETCOMP, t);
        if (isdict) g->b = v;
        expect(p, T_RBRACE, "}");
        return g;
    }
    vpush(p, &keys, k);
    if (isdict) vpush(p, &vals, v);
    while (accept(p, T_COMMA)) {
        if (kind(p) == T_RBRACE) break;
        if (isdict) {
            if (accept(p, T_DSTAR)) {
                vpush(p, &keys, NULL);
                vpush(p, &vals, or_expr(p));
            } else {
                vpush(p, &keys, test(p));
                expect(p, T_COLON, ":");
                vpush(p, &vals, test(p));
            }
        } else {
            vpush(p, &keys, star_or_named(p));
        }
    }
    expect(p, T_RBRACE, "}");
    py_ast_t *r = node(p, isdict ? AST_DICT : AST_SET, t);
    r->s1 = vseq(&keys);
    if (isdict) r->s2 = vseq(&vals);
    return r;
}

static py_ast_t *atom(P *p) {
    py_check_stack();
    py_token_t *t = cur(p);
    py_ast_t *n;
    switch (t->kind) {
    case T_NAME:
        next(p);
        n = node(p, AST_NAME, t);
        n->str = t->str;
        return n;
    case T_NUMBER:
        next(p);
        n = node(p, AST_CONSTANT, t);
        n->op = t->cop;
        n->ival = t->ival;
        n->fval = t->fval;
        n->str = t->str;
        n->len = t->len;
        return n;
    case T_STRING:
        return strings(p);
    case T_NONE: case T_TRUE: case T_FALSE: case T_ELLIPSIS:
        next(p);
        n = node(p, AST_CONSTANT, t);
        n->op = t->kind == T_NONE ? AST_CONST_NONE : t->kind == T_TRUE ? AST_CONST_TRUE
              : t->kind == T_FALSE ? AST_CONST_FALSE : AST_CONST_ELLIPSIS;
        return n;
    case T_LPAR:
        next(p);
        return paren(p, t);
    case T_LSQB:
        next(p);
        return list_display(p, t);
    case T_LBRACE:
        next(p);
        return brace_display(p, t);
    default:
        syntax(p);
    }
}

static py_ast_t *slice_item(P *p) {
    py_token_t *t = cur(p);
    py_ast_t *lo = NULL;
    if (kind(p) != T_COLON) {
        if (kind(p) == T_STAR) {
            py_ast_t *s = node(p, AST_STARRED, next(p));
            s->a = or_expr(p);
            return s;
        }
        lo = named_test(p);
        if (kind(p) != T_COLON) return lo;
    }
    next(p);
    py_ast_t *s = node(p, AST_SLICE, t);
    s->a = lo;
    if (kind(p) != T_COLON && kind(p) != T_COMMA && kind(p) != T_RSQB) s->b = test(p);
    if (accept(p, T_COLON)) {
        if (kind(p) != T_COMMA && kind(p) != T_RSQB) s->c = test(p);
    }
    return s;
}

static py_ast_t *primary(P *p) {
    py_token_t *t0 = cur(p); /* trailers start where the atom's text starts, parens included */
    py_ast_t *e = atom(p);
    for (;;) {
        py_token_t *t = cur(p);
        if (accept(p, T_DOT)) {
            py_ast_t *a = node(p, AST_ATTRIBUTE, t);
            a->line = t0->line;
            a->col = t0->col;
            a->a = e;
            a->str = expect(p, T_NAME, NULL)->str;
            e = a;
        } else if (accept(p, T_LPAR)) {
            py_ast_t *c = node(p, AST_CALL, t);
            c->line = t0->line;
            c->col = t0->col;
            c->a = e;
            call_args(p, c);
            e = c;
        } else if (accept(p, T_LSQB)) {
            py_ast_t *s = node(p, AST_SUBSCRIPT, t);
            s->line = t0->line;
            s->col = t0->col;
            s->a = e;
            py_ast_t *first = slice_item(p);
            if (kind(p) == T_COMMA) {
                vec_t v = {0};
                vpush(p, &v, first);
                while (accept(p, T_COMMA)) {
                    if (kind(p) == T_RSQB) break;
                    vpush(p, &v, slice_item(p));
                }
                py_ast_t *tup = node(p, AST_TUPLE, t);
                tup->line = first->line;
                tup->col = first->col;
                tup->s1 = vseq(&v);
                first = tup;
            } else if (first->kind == AST_STARRED) {
                py_ast_t *tup = node(p, AST_TUPLE, t);
                tup->line = first->line;
                tup->col = first->col;
                tup->s1 = seq1(p, first);
                first = tup;
            }
            expect(p, T_RSQB, "]");
            s->b = first;
            e = s;
        } else {
            return e;
        }
    }
}

static py_ast_t *factor(P *p);

static py_ast_t *power(P *p) {
    py_token_t *t = cur(p);
    py_ast_t *e;
    if (accept(p, T_AWAIT)) {
        e = node(p, AST_AWAIT, t);
        e->a = primary(p);
    } else {
        e = primary(p);
    }
    if (kind(p) == T_DSTAR) {
        next(p);
        py_ast_t *b = node(p, AST_BINOP, t);
        b->op = PY_OP_POW;
        b->a = e;
        b->b = factor(p);
        return b;
    }
    return e;
}

static py_ast_t *factor(P *p) {
    py_check_stack();
    py_token_t *t = cur(p);
    int op = -1;
    switch (t->kind) {
    case T_PLUS: op = AST_POS; break;
    case T_MINUS: op = AST_NEG; break;
    case T_TILDE: op = AST_INVERT; break;
    default: return power(p);
    }
    next(p);
    py_ast_t *u = node(p, AST_UNARYOP, t);
    u->op = (uint8_t)op;
    u->a = factor(p);
    return u;
}

/* t0: first token of the left operand's text (parentheses included), as CPython positions nodes */
static py_ast_t *binop(P *p, py_token_t *t0, py_ast_t *l, int op, py_ast_t *r) {
    py_ast_t *b = py_arena_alloc(p->ctx->arena, sizeof(py_ast_t));
    b->kind = AST_BINOP;
    b->line = t0->line;
    b->col = t0->col;
    b->op = (uint8_t)op;
    b->a = l;
    b->b = r;
    return b;
}

static py_ast_t *term(P *p) {
    py_token_t *t0 = cur(p);
    py_ast_t *e = factor(p);
    for (;;) {
        int op;
        switch (kind(p)) {
        case T_STAR: op = PY_OP_MUL; break;
        case T_SLASH: op = PY_OP_TRUEDIV; break;
        case T_DSLASH: op = PY_OP_FLOORDIV; break;
        case T_PERCENT: op = PY_OP_MOD; break;
        case T_AT: op = PY_OP_MATMUL; break;
        default: return e;
        }
        next(p);
        e = binop(p, t0, e, op, factor(p));
    }
}
static py_ast_t *arith(P *p) {
    py_token_t *t0 = cur(p);
    py_ast_t *e = term(p);
    for (;;) {
        int op;
        if (kind(p) == T_PLUS) op = PY_OP_ADD;
        else if (kind(p) == T_MINUS) op = PY_OP_SUB;
        else return e;
        next(p);
        e = binop(p, t0, e, op, term(p));
    }
}
static py_ast_t *shift(P *p) {
    py_token_t *t0 = cur(p);
    py_ast_t *e = arith(p);
    for (;;) {
        int op;
        if (kind(p) == T_LSHIFT) op = PY_OP_LSHIFT;
        else if (kind(p) == T_RSHIFT) op = PY_OP_RSHIFT;
        else return e;
        next(p);
        e = binop(p, t0, e, op, arith(p));
    }
}
static py_ast_t *and_expr(P *p) {
    py_token_t *t0 = cur(p);
    py_ast_t *e = shift(p);
    while (accept(p, T_AMP)) e = binop(p, t0, e, PY_OP_AND, shift(p));
    return e;
}
static py_ast_t *xor_expr(P *p) {
    py_token_t *t0 = cur(p);
    py_ast_t *e = and_expr(p);
    while (accept(p, T_CIRCUMFLEX)) e = binop(p, t0, e, PY_OP_XOR, and_expr(p));
    return e;
}
static py_ast_t *or_expr(P *p) {
    py_check_stack();
    py_token_t *t0 = cur(p);
    py_ast_t *e = xor_expr(p);
    while (accept(p, T_VBAR)) e = binop(p, t0, e, PY_OP_OR, xor_expr(p));
    return e;
}

static int cmp_op(P *p) {
    switch (kind(p)) {
    case T_LT: next(p); return AST_CMP_LT;
    case T_GT: next(p); return AST_CMP_GT;
    case T_LE: next(p); return AST_CMP_LE;
    case T_GE: next(p); return AST_CMP_GE;
    case T_EQ: next(p); return AST_CMP_EQ;
    case T_NE: next(p); return AST_CMP_NE;
    case T_IN: next(p); return AST_CMP_IN;
    case T_NOT:
        if (peek(p, 1) != T_IN) return -1;
        next(p);
        next(p);
        return AST_CMP_NOT_IN;
    case T_IS:
        next(p);
        if (accept(p, T_NOT)) return AST_CMP_IS_NOT;
        return AST_CMP_IS;
    default: return -1;
    }
}

static py_ast_t *comparison(P *p) {
    py_token_t *t0 = cur(p);
    py_ast_t *e = or_expr(p);
    int op = cmp_op(p);
    if (op < 0) return e;
    py_ast_t *c = py_arena_alloc(p->ctx->arena, sizeof(py_ast_t));
    c->kind = AST_COMPARE;
    c->line = t0->line;
    c->col = t0->col;
    c->a = e;
    vec_t v = {0};
    uint8_t opsbuf[64];
    uint8_t *ops = opsbuf;
    int cap = 64;
    while (op >= 0) {
        if (v.n == cap) {
            uint8_t *no = py_arena_alloc(p->ctx->arena, (size_t)cap * 2);
            memcpy(no, ops, (size_t)cap);
            ops = no;
            cap *= 2;
        }
        ops[v.n] = (uint8_t)op;
        vpush(p, &v, or_expr(p));
        op = cmp_op(p);
    }
    c->ops = py_arena_alloc(p->ctx->arena, (size_t)v.n);
    memcpy(c->ops, ops, (size_t)v.n);
    c->s1 = vseq(&v);
    return c;
}

static py_ast_t *not_test(P *p) {
    py_check_stack();
    py_token_t *t = cur(p);
    if (accept(p, T_NOT)) {
        py_ast_t *u = node(p, AST_UNARYOP, t);
        u->op = AST_NOT;
        u->a = not_test(p);
        return u;
    }
    return comparison(p);
}

static py_ast_t *boolop(P *p, int tk, int op, py_ast_t *(*sub)(P *)) {
    py_token_t *t0 = cur(p);
    py_ast_t *e = sub(p);
    if (kind(p) != tk) return e;
    vec_t v = {0};
    vpush(p, &v, e);
    while (accept(p, tk)) vpush(p, &v, sub(p));
    py_ast_t *b = py_arena_alloc(p->ctx->arena, sizeof(py_ast_t));
    b->kind = AST_BOOLOP;
    b->op = (uint8_t)op;
    b->line = t0->line;
    b->col = t0->col;
    b->s1 = vseq(&v);
    return b;
}
static py_ast_t *and_test(P *p) { return boolop(p, T_AND, AST_AND, not_test); }
static py_ast_t *or_test(P *p) { return boolop(p, T_OR, AST_OR, and_test); }

static py_ast_t *lambdef(P *p, bool nocond) {
    py_token_t *t = next(p);
    py_ast_t *l = node(p, AST_LAMBDA, t);
    l->a = parameters(p, T_COLON, false);
    expect(p, T_COLON, ":");
    l->b = nocond ? test_nocond(p) : test(p);
    return l;
}

static py_ast_t *test(P *p) {
    py_check_stack();
    if (kind(p) == T_LAMBDA) return lambdef(p, false);
    py_token_t *t0 = cur(p);
    py_ast_t *e = or_test(p);
    if (kind(p) == T_IF) {
        py_token_t *t = next(p);
        py_ast_t *c = node(p, AST_IFEXP, t);
        c->line = t0->line;
        c->col = t0->col;
        c->b = e;
        c->a = or_test(p);
        expect(p, T_ELSE, "else");
        c->c = test(p);
        return c;
    }
    return e;
}

static py_ast_t *test_nocond(P *p) {
    if (kind(p) == T_LAMBDA) return lambdef(p, true);
    return or_test(p);
}

static py_ast_t *expr(P *p) { return test(p); }

static py_ast_t *named_test(P *p) {
    if (kind(p) == T_NAME && peek(p, 1) == T_WALRUS) {
        py_token_t *t = next(p);
        next(p);
        py_ast_t *n = node(p, AST_NAMEDEXPR, t);
        py_ast_t *nm = node(p, AST_NAME, t);
        nm->str = t->str;
        n->a = nm;
        n->b = test(p);
        return n;
    }
    py_ast_t *e = test(p);
    if (kind(p) == T_WALRUS) {
        char msg[80];
        snprintf(msg, sizeof msg, "cannot use assignment expressions with %s", describe(e));
        error_tok(p, cur(p), msg);
    }
    return e;
}

static bool starts_expr(int k) {
    switch (k) {
    case T_NAME: case T_NUMBER: case T_STRING: case T_NONE: case T_TRUE: case T_FALSE:
    case T_ELLIPSIS: case T_LPAR: case T_LSQB: case T_LBRACE: case T_PLUS: case T_MINUS:
    case T_TILDE: case T_NOT: case T_LAMBDA: case T_AWAIT: case T_STAR:
        return true;
    default:
        return false;
    }
}

/* exprlist with optional stars: a, *b, c  -> TUPLE (or the single expression).
 * `named` allows walrus at top level of elements (not used for statements). */
static py_ast_t *star_list(P *p, bool allow_named) {
    py_token_t *t = cur(p);
    py_ast_t *first;
    if (kind(p) == T_STAR) {
        py_ast_t *s = node(p, AST_STARRED, next(p));
        s->a = or_expr(p);
        first = s;
    } else first = allow_named ? named_test(p) : test(p);
    if (kind(p) != T_COMMA) return first;
    vec_t v = {0};
    vpush(p, &v, first);
    while (accept(p, T_COMMA)) {
        if (!starts_expr(kind(p))) break;
        if (kind(p) == T_STAR) {
            py_ast_t *s = node(p, AST_STARRED, next(p));
            s->a = or_expr(p);
            vpush(p, &v, s);
        } else vpush(p, &v, allow_named ? named_test(p) : test(p));
    }
    py_ast_t *r = node(p, AST_TUPLE, t);
    r->s1 = vseq(&v);
    return r;
}

/* star_expressions or yield_expr */
static py_ast_t *star_expressions(P *p) {
    py_token_t *t = cur(p);
    if (accept(p, T_YIELD)) {
        if (accept(p, T_FROM)) {
            py_ast_t *y = node(p, AST_YIELDFROM, t);
            y->a = test(p);
            return y;
        }
        py_ast_t *y = node(p, AST_YIELD, t);
        if (starts_expr(kind(p))) y->a = star_list(p, false);
        return y;
    }
    return star_list(p, false);
}

/* ------------------------------------------------------------ strings */

static bool fs_is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* Computes line/line-start of position q inside an f-string body starting at
 * (line, ls). */
static void advance_pos(const char *from, const char *q, int *line, const char **ls) {
    for (const char *r = from; r < q; r++)
        if (*r == '\n') {
            (*line)++;
            *ls = r + 1;
        }
}

static py_ast_t *make_const_str(P *p, py_token_t *at, int line, int col, const char *s, size_t n) {
    py_ast_t *c = node(p, AST_CONSTANT, at);
    c->line = line;
    c->col = col;
    c->op = AST_CONST_STR;
    c->str = s;
    c->len = n;
    return c;
}

/* Parses an f-string body [s, s+n) into JOINEDSTR parts appended to `parts`. */
static void fstring_parts(P *p, vec_t *parts, const char *s, size_t n, int flags, int line,
                          const char *ls, int nest) {
    py_check_stack();
    if (nest > 2) py_syntax_error_at(p->ctx, line, (int)(s - ls), false, "f-string: expressions nested too deeply");
    const char *e = s + n, *q = s;
    const char *lit = q;
    int litline = line;
    const char *litls = ls;
    /* literal text is accumulated raw then decoded */
    char *buf = py_arena_alloc(p->ctx->arena, n + 1);
    size_t bk = 0;
#define FLUSH_LIT()                                                                        \
    do {                                                                                   \
        if (bk) {                                                                          \
            size_t dl;                                                                     \
            const char *d = py_lex_decode(p->ctx, buf, bk, flags & ~TS_FSTR, litline,      \
                                          (int)(lit - litls), &dl);                        \
            if (dl) vpush(p, parts, make_const_str(p, cur(p), litline, (int)(lit - litls), d, dl)); \
            bk = 0; /* the decoder copied the text, so buf is reused */                    \
        }                                                                                  \
    } while (0)
    while (q < e) {
        char c = *q;
        if (c == '\\' && !(flags & TS_RAW) && q + 1 < e) {
            /* keep escapes for the decoder, but never treat an escaped brace specially */
            buf[bk++] = *q++;
            if (*q == '{' || *q == '}') continue;
            if (*q == 'N' && q + 1 < e && q[1] == '{') {
                /* \N{NAME}: its braces are not a replacement field */
                while (q < e && *q != '}') buf[bk++] = *q++;
                if (q < e) buf[bk++] = *q++;
                continue;
            }
            buf[bk++] = *q++;
            continue;
        }
        if (c == '{' && q + 1 < e && q[1] == '{') {
            buf[bk++] = '{';
            q += 2;
            continue;
        }
        if (c == '}') {
            if (q + 1 < e && q[1] == '}') {
                buf[bk++] = '}';
                q += 2;
                continue;
            }
            int l2 = line;
            const char *ls2 = ls;
            advance_pos(s, q, &l2, &ls2);
            py_syntax_error_at(p->ctx, l2, (int)(q - ls2), false, "f-string: single '}' is not allowed");
        }
        if (c != '{') {
            if (bk == 0) {
                lit = q;
                litline = line;
                litls = ls;
                advance_pos(s, q, &litline, &litls);
            }
            buf[bk++] = *q++;
            continue;
        }
        FLUSH_LIT();
        /* a replacement field: find the end of the expression */
        const char *fstart = q + 1;
        int fl = line;
        const char *fls = ls;
        advance_pos(s, fstart, &fl, &fls);
        const char *r = fstart;
        int depth = 0;
        char quote = 0;
        const char *exend = NULL;
        for (; r < e; r++) {
            char ch = *r;
            if (quote) {
                if (ch == quote) quote = 0;
                continue;
            }
            if (ch == '\'' || ch == '"') { quote = ch; continue; }
            if (ch == '\\') py_syntax_error_at(p->ctx, fl, (int)(r - fls), false, "f-string expression part cannot include a backslash");
            if (ch == '#') py_syntax_error_at(p->ctx, fl, (int)(r - fls), false, "f-string expression part cannot include '#'");
            if (ch == '(' || ch == '[' || ch == '{') depth++;
            else if ((ch == ')' || ch == ']' || ch == '}') && depth > 0) depth--;
            else if (depth == 0) {
                if (ch == '}') break;
                if (ch == '!' && r + 1 < e && r[1] != '=') break;
                if (ch == ':') break;
                if (ch == '=' && r + 1 < e && r[1] != '=' && r > fstart && r[-1] != '=' &&
                    r[-1] != '!' && r[-1] != '<' && r[-1] != '>') break;
            }
        }
        if (r >= e || quote) {
            py_syntax_error_at(p->ctx, fl, (int)(fstart - fls), false, "f-string: expecting '}'");
        }
        exend = r;
        /* the expression must not be empty */
        const char *a = fstart;
        while (a < exend && fs_is_ws(*a)) a++;
        if (a == exend) py_syntax_error_at(p->ctx, fl, (int)(fstart - fls), false, "f-string: empty expression not allowed");
        /* parse the expression by re-lexing in place */
        int ntok;
        py_token_t *toks = py_lex(p->ctx, fstart, exend, fl, fls, true, &ntok);
        P sub = {p->ctx, toks, 0, ntok};
        py_ast_t *val;
        if (sub.t[0].kind == T_YIELD) val = star_expressions(&sub);
        else val = star_list(&sub, true);
        if (sub.t[sub.pos].kind != T_EOF) error_tok(&sub, &sub.t[sub.pos], "f-string: invalid syntax");
        py_ast_t *fv = node(p, AST_FORMATTEDVALUE, cur(p));
        fv->line = fl;
        fv->col = (int)(fstart - fls);
        fv->a = val;
        fv->ival = -1;
        r = exend;
        bool selfdoc = false;
        if (*r == '=') {
            selfdoc = true;
            r++;
            /* the text "expr=" (with its whitespace) as a literal */
            size_t tl = (size_t)(r - fstart);
            const char *txt = fstart;
            const char *rr = r;
            while (rr < e && fs_is_ws(*rr)) rr++;
            /* whitespace after '=' belongs to the literal too */
            tl += (size_t)(rr - r);
            r = rr;
            vpush(p, parts, make_const_str(p, cur(p), fl, (int)(fstart - fls), txt, tl));
        }
        if (r < e && *r == '!') {
            r++;
            if (r >= e || (*r != 's' && *r != 'r' && *r != 'a'))
                py_syntax_error_at(p->ctx, fl, (int)(r - fls), false, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            fv->ival = *r;
            r++;
        }
        if (r < e && *r == ':') {
            r++;
            /* the spec runs to the matching '}' */
            const char *ss = r;
            int d = 0;
            for (; r < e; r++) {
                if (*r == '{') d++;
                else if (*r == '}') {
                    if (d == 0) break;
                    d--;
                }
            }
            if (r >= e) py_syntax_error_at(p->ctx, fl, (int)(fstart - fls), false, "f-string: expecting '}'");
            int sl = line;
            const char *sls = ls;
            advance_pos(s, ss, &sl, &sls);
            vec_t sp = {0};
            fstring_parts(p, &sp, ss, (size_t)(r - ss), flags, sl, sls, nest + 1);
            py_ast_t *j = node(p, AST_JOINEDSTR, cur(p));
            j->line = sl;
            j->col = (int)(ss - sls);
            j->s1 = vseq(&sp);
            fv->b = j;
        }
        if (r >= e || *r != '}') py_syntax_error_at(p->ctx, fl, (int)(fstart - fls), false, "f-string: expecting '}'");
        if (selfdoc && fv->ival == -1 && !fv->b) fv->ival = 'r';
        vpush(p, parts, fv);
        q = r + 1;
    }
    FLUSH_LIT();
#undef FLUSH_LIT
}

/* Adjacent string literals: concatenated; any f-string makes a JOINEDSTR. */
static py_ast_t *strings(P *p) {
    py_token_t *first = cur(p);
    int cnt = 0;
    bool any_f = false, any_bytes = false, all_bytes = true;
    size_t total = 0;
    while (p->t[p->pos + cnt].kind == T_STRING) {
        py_token_t *t = &p->t[p->pos + cnt];
        if (t->cop & TS_FSTR) any_f = true;
        if (t->cop & TS_BYTES) any_bytes = true;
        else all_bytes = false;
        total += t->len;
        cnt++;
    }
    if (any_bytes && !all_bytes) error_tok(p, first, "cannot mix bytes and nonbytes literals");
    if (!any_f) {
        py_ast_t *c = node(p, AST_CONSTANT, first);
        c->op = any_bytes ? AST_CONST_BYTES : AST_CONST_STR;
        if (cnt == 1) {
            c->str = first->str;
            c->len = first->len;
            next(p);
            return c;
        }
        char *buf = py_arena_alloc(p->ctx->arena, total + 1);
        size_t k = 0;
        for (int i = 0; i < cnt; i++) {
            py_token_t *t = next(p);
            memcpy(buf + k, t->str, t->len);
            k += t->len;
        }
        c->str = buf;
        c->len = k;
        return c;
    }
    vec_t parts = {0};
    for (int i = 0; i < cnt; i++) {
        py_token_t *t = next(p);
        if (t->cop & TS_FSTR) {
            fstring_parts(p, &parts, t->str, t->len, t->cop, t->bline, t->bline_start, 0);
        } else if (t->len) {
            vpush(p, &parts, make_const_str(p, t, t->line, t->col, t->str, t->len));
        }
    }
    /* merge adjacent constants */
    vec_t out = {0};
    for (int i = 0; i < parts.n; i++) {
        py_ast_t *x = parts.items[i];
        if (x->kind == AST_CONSTANT && out.n && out.items[out.n - 1]->kind == AST_CONSTANT) {
            py_ast_t *prev = out.items[out.n - 1];
            char *buf = py_arena_alloc(p->ctx->arena, prev->len + x->len + 1);
            memcpy(buf, prev->str, prev->len);
            memcpy(buf + prev->len, x->str, x->len);
            py_ast_t *m = make_const_str(p, first, prev->line, prev->col, buf, prev->len + x->len);
            out.items[out.n - 1] = m;
        } else vpush(p, &out, x);
    }
    py_ast_t *j = node(p, AST_JOINEDSTR, first);
    j->s1 = vseq(&out);
    return j;
}

/* ------------------------------------------------------------ statements */

static py_ast_t *statement(P *p, vec_t *out);

static void no_bare_star(P *p, py_ast_t *e, bool target) {
    if (e && e->kind == AST_STARRED)
        py_syntax_error_at(p->ctx, e->line, e->col, false,
                           target ? "starred assignment target must be in a list or tuple"
                                  : "can't use starred expression here");
}

static py_ast_t *expr_stmt(P *p) {
    py_token_t *t = cur(p);
    py_ast_t *e = star_expressions(p);
    int k = kind(p);
    if (e->kind == AST_NAME && !strcmp(e->str, "print") && (kind(p) == T_STRING || kind(p) == T_NAME || kind(p) == T_NUMBER))
        error_tok(p, t, "Missing parentheses in call to 'print'. Did you mean print(...)?");
    if (k == T_ASSIGN) {
        vec_t targets = {0};
        py_ast_t *val = e;
        while (accept(p, T_ASSIGN)) {
            no_bare_star(p, val, true);
            check_target(p, val, 0);
            vpush(p, &targets, val);
            val = star_expressions(p);
        }
        no_bare_star(p, val, false);
        py_ast_t *a = node(p, AST_ASSIGN, t);
        a->s1 = vseq(&targets);
        a->a = val;
        return a;
    }
    if (k >= T_AUG && k <= T_AUG_LAST) {
        check_target(p, e, 2);
        next(p);
        py_ast_t *a = node(p, AST_AUGASSIGN, t);
        a->a = e;
        a->op = (uint8_t)(k - T_AUG);
        a->b = star_expressions(p);
        no_bare_star(p, a->b, false);
        return a;
    }
    if (k == T_COLON) {
        if (e->kind != AST_NAME && e->kind != AST_ATTRIBUTE && e->kind != AST_SUBSCRIPT) {
            if (e->kind == AST_TUPLE) error_tok(p, t, "only single target (not tuple) can be annotated");
            if (e->kind == AST_LIST) error_tok(p, t, "only single target (not list) can be annotated");
            error_tok(p, t, "illegal target for annotation");
        }
        next(p);
        py_ast_t *a = node(p, AST_ANNASSIGN, t);
        a->a = e;
        a->b = test(p);
        if (accept(p, T_ASSIGN)) {
            a->c = star_expressions(p);
            no_bare_star(p, a->c, false);
        }
        return a;
    }
    if (e->kind == AST_STARRED) error_tok(p, t, "can't use starred expression here");
    py_ast_t *s = node(p, AST_EXPR, t);
    s->a = e;
    return s;
}

static const char *dotted_name(P *p) {
    py_token_t *t = expect(p, T_NAME, NULL);
    if (kind(p) != T_DOT) return t->str;
    size_t cap = 64, k = 0;
    char *buf = py_arena_alloc(p->ctx->arena, cap);
    const char *s = t->str;
    for (;;) {
        size_t n = strlen(s);
        if (k + n + 2 > cap) {
            size_t nc = (k + n + 2) * 2;
            char *nb = py_arena_alloc(p->ctx->arena, nc);
            memcpy(nb, buf, k);
            buf = nb;
            cap = nc;
        }
        memcpy(buf + k, s, n);
        k += n;
        if (kind(p) != T_DOT) break;
        next(p);
        buf[k++] = '.';
        s = expect(p, T_NAME, NULL)->str;
    }
    buf[k] = 0;
    return buf;
}

static py_ast_t *import_stmt(P *p) {
    py_token_t *t = next(p);
    py_ast_t *s = node(p, AST_IMPORT, t);
    vec_t v = {0};
    do {
        py_ast_t *a = node(p, AST_ALIAS, cur(p));
        a->str = dotted_name(p);
        if (accept(p, T_AS)) a->str2 = expect(p, T_NAME, NULL)->str;
        vpush(p, &v, a);
    } while (accept(p, T_COMMA));
    s->s1 = vseq(&v);
    return s;
}

static py_ast_t *from_stmt(P *p) {
    py_token_t *t = next(p);
    py_ast_t *s = node(p, AST_IMPORTFROM, t);
    int level = 0;
    for (;;) {
        if (accept(p, T_DOT)) level++;
        else if (accept(p, T_ELLIPSIS)) level += 3;
        else break;
    }
    if (kind(p) != T_IMPORT || level == 0) s->str = dotted_name(p);
    s->ival = level;
    expect(p, T_IMPORT, "import");
    vec_t v = {0};
    if (kind(p) == T_STAR) {
        py_ast_t *a = node(p, AST_ALIAS, next(p));
        a->str = "*";
        vpush(p, &v, a);
    } else {
        bool par = accept(p, T_LPAR);
        for (;;) {
            py_ast_t *a = node(p, AST_ALIAS, cur(p));
            a->str = expect(p, T_NAME, NULL)->str;
            if (accept(p, T_AS)) a->str2 = expect(p, T_NAME, NULL)->str;
            vpush(p, &v, a);
            if (!accept(p, T_COMMA)) break;
            if (par && kind(p) == T_RPAR) break;
            if (!par && kind(p) != T_NAME) error_tok(p, cur(p), "trailing comma not allowed without surrounding parentheses");
        }
        if (par) expect(p, T_RPAR, ")");
    }
    s->s1 = vseq(&v);
    return s;
}

static py_ast_t *small_stmt(P *p) {
    py_check_stack();
    py_token_t *t = cur(p);
    py_ast_t *s;
    switch (t->kind) {
    case T_PASS: next(p); return node(p, AST_PASS, t);
    case T_BREAK: next(p); return node(p, AST_BREAK, t);
    case T_CONTINUE: next(p); return node(p, AST_CONTINUE, t);
    case T_RETURN:
        next(p);
        s = node(p, AST_RETURN, t);
        if (starts_expr(kind(p))) s->a = star_list(p, false);
        no_bare_star(p, s->a, false);
        return s;
    case T_RAISE:
        next(p);
        s = node(p, AST_RAISE, t);
        if (starts_expr(kind(p))) {
            s->a = test(p);
            if (accept(p, T_FROM)) s->b = test(p);
        }
        return s;
    case T_GLOBAL:
    case T_NONLOCAL: {
        next(p);
        s = node(p, t->kind == T_GLOBAL ? AST_GLOBAL : AST_NONLOCAL, t);
        vec_t v = {0};
        do {
            py_token_t *nt = expect(p, T_NAME, NULL);
            py_ast_t *n = node(p, AST_NAME, nt);
            n->str = nt->str;
            vpush(p, &v, n);
        } while (accept(p, T_COMMA));
        s->s1 = vseq(&v);
        return s;
    }
    case T_DEL: {
        next(p);
        s = node(p, AST_DELETE, t);
        vec_t v = {0};
        do {
            if (!starts_expr(kind(p))) break;
            py_ast_t *e = or_expr(p);
            check_target(p, e, 1);
            vpush(p, &v, e);
        } while (accept(p, T_COMMA));
        if (v.n == 0) syntax(p);
        s->s1 = vseq(&v);
        return s;
    }
    case T_ASSERT:
        next(p);
        s = node(p, AST_ASSERT, t);
        s->a = test(p);
        if (accept(p, T_COMMA)) s->b = test(p);
        return s;
    case T_IMPORT: return import_stmt(p);
    case T_FROM: return from_stmt(p);
    default:
        return expr_stmt(p);
    }
}

/* simple_stmt: small_stmt (';' small_stmt)* [';'] NEWLINE */
static void simple_stmts(P *p, vec_t *out) {
    for (;;) {
        vpush(p, out, small_stmt(p));
        if (!accept(p, T_SEMI)) break;
        if (kind(p) == T_NEWLINE || kind(p) == T_EOF) break;
    }
    if (kind(p) == T_EOF) return;
    if (kind(p) != T_NEWLINE) syntax(p);
    next(p);
}

static void block(P *p, py_ast_seq_t *out, const char *what, py_token_t *head) {
    expect(p, T_COLON, ":");
    vec_t v = {0};
    if (kind(p) == T_NEWLINE) {
        next(p);
        if (kind(p) != T_INDENT) {
            char msg[96];
            snprintf(msg, sizeof msg, "expected an indented block after %s on line %d", what, head->line);
            py_token_t *t = cur(p);
            py_syntax_error_at(p->ctx, t->line, t->col, true, msg);
        }
        next(p);
        while (kind(p) != T_DEDENT && kind(p) != T_EOF) statement(p, &v);
        accept(p, T_DEDENT);
    } else {
        simple_stmts(p, &v);
    }
    *out = vseq(&v);
}

static py_ast_t *funcdef(P *p, py_token_t *start, bool is_async) {
    py_token_t *t = next(p); /* def */
    py_ast_t *f = node(p, AST_FUNCTIONDEF, start ? start : t);
    if (is_async) f->flags |= AST_FLAG_ASYNC;
    f->str = expect(p, T_NAME, NULL)->str;
    expect(p, T_LPAR, "(");
    f->a = parameters(p, T_RPAR, true);
    expect(p, T_RPAR, ")");
    if (accept(p, T_ARROW)) test(p); /* the return annotation is checked, then dropped: ast.h has no slot */
    block(p, &f->s1, "function definition", t);
    return f;
}

static py_ast_t *classdef(P *p) {
    py_token_t *t = next(p);
    py_ast_t *c = node(p, AST_CLASSDEF, t);
    c->str = expect(p, T_NAME, NULL)->str;
    if (accept(p, T_LPAR)) {
        py_ast_t tmp;
        memset(&tmp, 0, sizeof tmp);
        call_args(p, &tmp);
        c->s3 = tmp.s1;
    }
    block(p, &c->s1, "class definition", t);
    return c;
}

static py_ast_t *if_stmt(P *p, const char *what) {
    py_token_t *t = next(p);
    py_ast_t *s = node(p, AST_IF, t);
    s->a = named_test(p);
    block(p, &s->s1, what, t);
    if (kind(p) == T_ELIF) {
        s->s2 = seq1(p, if_stmt(p, "'elif' statement"));
    } else if (kind(p) == T_ELSE) {
        py_token_t *e = next(p);
        block(p, &s->s2, "'else' statement", e);
    }
    return s;
}

static py_ast_t *while_stmt(P *p) {
    py_token_t *t = next(p);
    py_ast_t *s = node(p, AST_WHILE, t);
    s->a = named_test(p);
    block(p, &s->s1, "'while' statement", t);
    if (kind(p) == T_ELSE) {
        py_token_t *e = next(p);
        block(p, &s->s2, "'else' statement", e);
    }
    return s;
}

static py_ast_t *for_stmt(P *p, py_token_t *start, bool is_async) {
    py_token_t *t = next(p);
    py_ast_t *s = node(p, AST_FOR, start ? start : t);
    if (is_async) s->flags |= AST_FLAG_ASYNC;
    s->a = for_targets(p);
    expect(p, T_IN, "in");
    s->b = star_list(p, false);
    no_bare_star(p, s->b, false);
    block(p, &s->s1, "'for' statement", t);
    if (kind(p) == T_ELSE) {
        py_token_t *e = next(p);
        block(p, &s->s2, "'else' statement", e);
    }
    return s;
}

static py_ast_t *with_item(P *p) {
    py_ast_t *w = node(p, AST_WITHITEM, cur(p));
    w->a = test(p);
    if (accept(p, T_AS)) {
        py_ast_t *tg = or_expr(p);
        check_target(p, tg, 0);
        w->b = tg;
    }
    return w;
}

static py_ast_t *with_stmt(P *p, py_token_t *start, bool is_async) {
    py_token_t *t = next(p);
    py_ast_t *s = node(p, AST_WITH, start ? start : t);
    if (is_async) s->flags |= AST_FLAG_ASYNC;
    vec_t v = {0};
    /* parenthesised form: with (a as b, c as d): -- detect by scanning for
     * the matching ')' followed by ':' */
    bool paren = false;
    if (kind(p) == T_LPAR) {
        int d = 0, i = p->pos;
        for (; i < p->n; i++) {
            int k = p->t[i].kind;
            if (k == T_LPAR || k == T_LSQB || k == T_LBRACE) d++;
            else if (k == T_RPAR || k == T_RSQB || k == T_RBRACE) {
                if (--d == 0) break;
            } else if (k == T_NEWLINE || k == T_EOF) break;
        }
        if (i < p->n - 1 && p->t[i].kind == T_RPAR && p->t[i + 1].kind == T_COLON) {
            /* it is the parenthesised form if an 'as' or a comma is at depth 1 */
            int dd = 0;
            for (int j = p->pos; j < i; j++) {
                int k = p->t[j].kind;
                if (k == T_LPAR || k == T_LSQB || k == T_LBRACE) dd++;
                else if (k == T_RPAR || k == T_RSQB || k == T_RBRACE) dd--;
                else if (dd == 1 && (k == T_AS || k == T_COMMA)) paren = true;
            }
        }
    }
    if (paren) {
        next(p);
        for (;;) {
            vpush(p, &v, with_item(p));
            if (!accept(p, T_COMMA)) break;
            if (kind(p) == T_RPAR) break;
        }
        expect(p, T_RPAR, ")");
    } else {
        do vpush(p, &v, with_item(p));
        while (accept(p, T_COMMA));
    }
    s->s1 = vseq(&v);
    block(p, &s->s2, "'with' statement", t);
    return s;
}

static py_ast_t *try_stmt(P *p) {
    py_token_t *t = next(p);
    py_ast_t *s = node(p, AST_TRY, t);
    block(p, &s->s1, "'try' statement", t);
    vec_t h = {0};
    while (kind(p) == T_EXCEPT) {
        py_token_t *et = next(p);
        py_ast_t *eh = node(p, AST_EXCEPTHANDLER, et);
        if (kind(p) == T_STAR) error_tok(p, cur(p), "except* is not supported");
        if (kind(p) != T_COLON) {
            eh->a = test(p);
            if (kind(p) == T_COMMA) {
                /* except A, B: is an error in Python 3 unless parenthesised */
                error_tok(p, cur(p), "multiple exception types must be parenthesized");
            }
            if (accept(p, T_AS)) eh->str = expect(p, T_NAME, NULL)->str;
        }
        block(p, &eh->s1, "'except' statement", et);
        vpush(p, &h, eh);
    }
    s->s2 = vseq(&h);
    if (kind(p) == T_ELSE) {
        if (h.n == 0) syntax(p);
        py_token_t *e = next(p);
        block(p, &s->s3, "'else' statement", e);
    }
    if (kind(p) == T_FINALLY) {
        py_token_t *e = next(p);
        block(p, &s->s4, "'finally' statement", e);
    }
    if (h.n == 0 && s->s4.n == 0) error_tok(p, cur(p), "expected 'except' or 'finally' block");
    return s;
}

static py_ast_t *decorated(P *p) {
    vec_t decos = {0};
    while (kind(p) == T_AT) {
        next(p);
        vpush(p, &decos, named_test(p));
        expect(p, T_NEWLINE, NULL);
    }
    py_ast_t *d;
    if (kind(p) == T_DEF) d = funcdef(p, NULL, false);
    else if (kind(p) == T_ASYNC && peek(p, 1) == T_DEF) {
        py_token_t *a = next(p);
        d = funcdef(p, a, true);
    } else if (kind(p) == T_CLASS) d = classdef(p);
    else syntax(p);
    d->s2 = vseq(&decos);
    return d;
}

/* Parses one statement (a simple line may hold several), appending to out. */
static py_ast_t *statement(P *p, vec_t *out) {
    py_check_stack();
    py_token_t *t = cur(p);
    py_ast_t *s = NULL;
    switch (t->kind) {
    case T_IF: s = if_stmt(p, "'if' statement"); break;
    case T_WHILE: s = while_stmt(p); break;
    case T_FOR: s = for_stmt(p, NULL, false); break;
    case T_TRY: s = try_stmt(p); break;
    case T_WITH: s = with_stmt(p, NULL, false); break;
    case T_DEF: s = funcdef(p, NULL, false); break;
    case T_CLASS: s = classdef(p); break;
    case T_AT: s = decorated(p); break;
    case T_ASYNC:
        if (peek(p, 1) == T_DEF) { next(p); s = funcdef(p, t, true); }
        else if (peek(p, 1) == T_FOR) { next(p); s = for_stmt(p, t, true); }
        else if (peek(p, 1) == T_WITH) { next(p); s = with_stmt(p, t, true); }
        else syntax(p);
        break;
    case T_INDENT:
        py_syntax_error_at(p->ctx, t->line, t->col, true, "unexpected indent");
    case T_DEDENT:
        py_syntax_error_at(p->ctx, t->line, t->col, true, "unindent does not match any outer indentation level");
    case T_ELSE: case T_ELIF: case T_EXCEPT: case T_FINALLY:
        syntax(p);
    default:
        simple_stmts(p, out);
        return NULL;
    }
    vpush(p, out, s);
    return s;
}

/* ------------------------------------------------------------ entry */

static void check_utf8(py_lexctx_t *ctx, const char *s, size_t n) {
    int line = 1;
    const char *ls = s;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c == 0) py_syntax_error_at(ctx, line, (int)(s + i - ls), false, "source code cannot contain null bytes");
            if (c == '\n') {
                line++;
                ls = s + i + 1;
            }
            i++;
            continue;
        }
        int extra = (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        bool ok = extra > 0 && i + (size_t)extra < n && c != 0xC0 && c != 0xC1 && c <= 0xF4;
        for (int j = 1; ok && j <= extra; j++)
            if (((unsigned char)s[i + (size_t)j] & 0xC0) != 0x80) ok = false;
        if (ok && c == 0xE0 && (unsigned char)s[i + 1] < 0xA0) ok = false;
        if (ok && c == 0xED && (unsigned char)s[i + 1] >= 0xA0) ok = false;
        if (ok && c == 0xF0 && (unsigned char)s[i + 1] < 0x90) ok = false;
        if (ok && c == 0xF4 && (unsigned char)s[i + 1] >= 0x90) ok = false;
        if (!ok) {
            char msg[160];
            snprintf(msg, sizeof msg, "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: invalid start byte", c, i);
            py_syntax_error_at(ctx, line, (int)(s + i - ls), false, msg);
        }
        i += (size_t)extra + 1;
    }
}

py_ast_t *py_parse(py_arena_t *arena, const char *src, size_t len, const char *filename, int mode) {
    py_lexctx_t ctx = {arena, src, len, filename};
    if (len >= 3 && !memcmp(src, "\xEF\xBB\xBF", 3)) {
        src += 3;
        len -= 3;
        ctx.src = src;
        ctx.srclen = len;
    }
    check_utf8(&ctx, src, len);
    int ntok;
    py_token_t *toks = py_lex(&ctx, src, src + len, 1, src, false, &ntok);
    P p = {&ctx, toks, 0, ntok};
    py_token_t *t0 = cur(&p);
    if (mode == PY_MODE_EVAL) {
        while (kind(&p) == T_NEWLINE || kind(&p) == T_INDENT) next(&p);
        py_ast_t *m = node(&p, AST_EXPRESSION, t0);
        m->a = star_list(&p, false);
        while (kind(&p) == T_NEWLINE || kind(&p) == T_DEDENT) next(&p);
        if (kind(&p) != T_EOF) syntax(&p);
        return m;
    }
    vec_t v = {0};
    if (mode == PY_MODE_SINGLE) {
        py_ast_t *m = node(&p, AST_INTERACTIVE, t0);
        while (kind(&p) == T_NEWLINE) next(&p);
        if (kind(&p) != T_EOF) statement(&p, &v);
        while (kind(&p) == T_NEWLINE || kind(&p) == T_DEDENT) next(&p);
        if (kind(&p) != T_EOF) error_tok(&p, cur(&p), "multiple statements found while compiling a single statement");
        m->s1 = vseq(&v);
        return m;
    }
    py_ast_t *m = node(&p, AST_MODULE, t0);
    while (kind(&p) != T_EOF) {
        if (kind(&p) == T_NEWLINE) {
            next(&p);
            continue;
        }
        statement(&p, &v);
    }
    m->s1 = vseq(&v);
    return m;
}
