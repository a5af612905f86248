/* symtable.c: scope analysis, the compiler's first pass (see compile.h).
 *
 * Pass 1 walks the tree and creates a scope for the module and for every
 * function, lambda, class and comprehension, recording for each name how it
 * is used there (SF_* flags).  Syntax errors that depend only on that
 * (global after use, nonlocal at module level, yield outside a function,
 * await outside an async function ...) are raised as they are found.
 *
 * Pass 2 resolves every symbol, top-down: a name bound in a function is
 * local; an unbound one is free if some enclosing *function* binds it (class
 * scopes are skipped, except that every class offers the implicit __class__
 * cell) and global otherwise.  Resolving a free name marks the binding
 * variable as a cell and threads it through every scope in between, so each
 * closure can be built from its parent's cells.  Symbols appended to an
 * ancestor during this (pass-through frees) are created already resolved,
 * so the top-down order never revisits a scope.
 *
 * Names are mangled (`__x` in class C -> `_C__x`) before they are recorded,
 * so both passes and the emitter agree on the spelling.
 */
#include <stdio.h>
#include <string.h>

#include "compile.h"

/* ------------------------------------------------------------ symbol tables */

cc_sym_t *cc_lookup(cc_scope_t *sc, const char *name) {
    if (!sc->capindex) return NULL;
    uint32_t h = cc_hash(name);
    uint32_t mask = (uint32_t)sc->capindex - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        int k = sc->index[i];
        if (!k) return NULL;
        cc_sym_t *y = &sc->syms[k - 1];
        if (y->hash == h && !strcmp(y->name, name)) return y;
    }
}

static void index_insert(cc_scope_t *sc, int k) {
    uint32_t mask = (uint32_t)sc->capindex - 1;
    uint32_t i = sc->syms[k].hash & mask;
    while (sc->index[i]) i = (i + 1) & mask;
    sc->index[i] = k + 1;
}

/* The symbol for an already mangled name, created (with no flags) if new. */
static cc_sym_t *get_sym(cc_t *c, cc_scope_t *sc, const char *name) {
    cc_sym_t *y = cc_lookup(sc, name);
    if (y) return y;
    if (sc->nsyms == sc->capsyms) {
        int nc = sc->capsyms ? sc->capsyms * 2 : 16;
        cc_sym_t *ns = cc_alloc(c, sizeof(cc_sym_t) * (size_t)nc);
        if (sc->nsyms) memcpy(ns, sc->syms, sizeof(cc_sym_t) * (size_t)sc->nsyms);
        sc->syms = ns;
        sc->capsyms = nc;
    }
    if ((sc->nsyms + 1) * 2 > sc->capindex) {
        int nc = sc->capindex ? sc->capindex * 2 : 32;
        sc->index = cc_alloc(c, sizeof(int) * (size_t)nc);
        sc->capindex = nc;
        for (int k = 0; k < sc->nsyms; k++) index_insert(sc, k);
    }
    y = &sc->syms[sc->nsyms];
    memset(y, 0, sizeof *y);
    y->name = name;
    y->hash = cc_hash(name);
    y->slot = -1;
    y->cell = -1;
    index_insert(sc, sc->nsyms);
    sc->nsyms++;
    return y;
}

/* ------------------------------------------------------------ node -> scope map */

static size_t ptr_hash(const void *p) {
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0x9E3779B97F4A7C15ull;
    return (size_t)(x >> 7);
}

static void map_put(cc_t *c, py_ast_t *node, cc_scope_t *sc) {
    if ((c->map_n + 1) * 2 > c->map_cap) {
        size_t oc = c->map_cap, nc = oc ? oc * 2 : 64;
        py_ast_t **ok = c->map_keys;
        cc_scope_t **ov = c->map_vals;
        c->map_keys = cc_alloc(c, sizeof(py_ast_t *) * nc);
        c->map_vals = cc_alloc(c, sizeof(cc_scope_t *) * nc);
        c->map_cap = nc;
        for (size_t i = 0; i < oc; i++) {
            if (!ok[i]) continue;
            size_t j = ptr_hash(ok[i]) & (nc - 1);
            while (c->map_keys[j]) j = (j + 1) & (nc - 1);
            c->map_keys[j] = ok[i];
            c->map_vals[j] = ov[i];
        }
    }
    size_t j = ptr_hash(node) & (c->map_cap - 1);
    while (c->map_keys[j]) j = (j + 1) & (c->map_cap - 1);
    c->map_keys[j] = node;
    c->map_vals[j] = sc;
    c->map_n++;
}

cc_scope_t *cc_scope_of(cc_t *c, py_ast_t *node) {
    if (!c->map_cap) return NULL;
    for (size_t j = ptr_hash(node) & (c->map_cap - 1);; j = (j + 1) & (c->map_cap - 1)) {
        if (!c->map_keys[j]) return NULL;
        if (c->map_keys[j] == node) return c->map_vals[j];
    }
}

/* ------------------------------------------------------------ pass 1 */

typedef struct {
    cc_t *c;
    cc_scope_t *cur;
} st_t;

static cc_scope_t *new_scope(st_t *s, int kind, const char *name, py_ast_t *node) {
    cc_scope_t *sc = cc_alloc(s->c, sizeof(cc_scope_t));
    sc->kind = (uint8_t)kind;
    sc->name = name;
    sc->node = node;
    sc->parent = s->cur;
    if (s->cur) {
        cc_scope_t *p = s->cur;
        sc->private_name = p->private_name;
        if (p->nchildren == p->capchildren) {
            int nc = p->capchildren ? p->capchildren * 2 : 4;
            cc_scope_t **a = cc_alloc(s->c, sizeof(cc_scope_t *) * (size_t)nc);
            if (p->nchildren) memcpy(a, p->children, sizeof(cc_scope_t *) * (size_t)p->nchildren);
            p->children = a;
            p->capchildren = nc;
        }
        p->children[p->nchildren++] = sc;
    }
    if (node) map_put(s->c, node, sc);
    return sc;
}

static cc_sym_t *add(st_t *s, const char *name, int flags) {
    const char *m = cc_mangle(s->c, s->cur->private_name, name);
    cc_sym_t *y = get_sym(s->c, s->cur, m);
    y->flags |= (uint16_t)flags;
    return y;
}

static void st_expr(st_t *s, py_ast_t *e);
static void st_stmts(st_t *s, py_ast_seq_t *q);

static void st_exprs(st_t *s, py_ast_seq_t *q) {
    for (int i = 0; i < q->n; i++)
        if (q->items[i]) st_expr(s, q->items[i]);
}

/* An assignment (or del) target: names are bound, the rest is evaluated. */
static void st_target(st_t *s, py_ast_t *t) {
    switch (t->kind) {
    case AST_NAME: {
        if (!strcmp(t->str, "__debug__")) cc_error(s->c, t->line, t->col, "cannot assign to __debug__");
        add(s, t->str, SF_LOCAL);
        return;
    }
    case AST_TUPLE:
    case AST_LIST:
        for (int i = 0; i < t->s1.n; i++) st_target(s, t->s1.items[i]);
        return;
    case AST_STARRED: st_target(s, t->a); return;
    case AST_ATTRIBUTE: st_expr(s, t->a); return;
    case AST_SUBSCRIPT:
        st_expr(s, t->a);
        st_expr(s, t->b);
        return;
    default: st_expr(s, t); return; /* the emitter reports the invalid target */
    }
}

static const char *comp_what(int comp) {
    switch (comp) {
    case COMP_LIST: return "list comprehension";
    case COMP_SET: return "set comprehension";
    case COMP_DICT: return "dict comprehension";
    default: return "generator expression";
    }
}

static void st_yield(st_t *s, py_ast_t *e) {
    cc_scope_t *sc = s->cur;
    if (sc->kind != SCOPE_FUNCTION) cc_error(s->c, e->line, e->col, "'yield' outside function");
    if (sc->comp) cc_error(s->c, e->line, e->col, "'yield' inside %s", comp_what(sc->comp));
    if (e->kind == AST_YIELDFROM && sc->is_async)
        cc_error(s->c, e->line, e->col, "'yield from' inside async function");
    sc->is_generator = true;
}

/* `await` (or an async comprehension that must be awaited) in the current scope. */
static void st_await(st_t *s, py_ast_t *e, bool comprehension) {
    cc_scope_t *sc = s->cur;
    if (sc->kind != SCOPE_FUNCTION) {
        if (comprehension) cc_error(s->c, e->line, e->col, "asynchronous comprehension outside of an asynchronous function");
        cc_error(s->c, e->line, e->col, "'await' outside function");
    }
    if (sc->comp) {
        /* an awaiting comprehension is a coroutine (an async generator for
         * genexps); list/set/dict ones are awaited by their parent in turn */
        sc->is_async = true;
        return;
    }
    if (!sc->is_async) {
        if (comprehension) cc_error(s->c, e->line, e->col, "asynchronous comprehension outside of an asynchronous function");
        cc_error(s->c, e->line, e->col, "'await' outside async function");
    }
}

static void st_params(st_t *s, py_ast_t *args) {
    /* parameters first, in the locals layout order of bytecode.h */
    cc_scope_t *sc = s->cur;
    for (int i = 0; i < args->s1.n; i++) add(s, args->s1.items[i]->str, SF_PARAM);
    for (int i = 0; i < args->s2.n; i++) add(s, args->s2.items[i]->str, SF_PARAM);
    if (args->a) add(s, args->a->str, SF_PARAM);
    if (args->b) add(s, args->b->str, SF_PARAM);
    sc->argcount = args->s1.n;
    sc->nparams = sc->nsyms;
}

/* Defaults are evaluated where the function is defined (annotations are not
 * evaluated at all). */
static void st_defaults(st_t *s, py_ast_t *args) {
    for (int i = 0; i < args->s1.n; i++)
        if (args->s1.items[i]->b) st_expr(s, args->s1.items[i]->b);
    for (int i = 0; i < args->s2.n; i++)
        if (args->s2.items[i]->b) st_expr(s, args->s2.items[i]->b);
}

static void mark_comp_iter(st_t *s, py_ast_t *t) {
    if (t->kind == AST_NAME) add(s, t->str, SF_COMP_ITER);
    else if (t->kind == AST_STARRED) mark_comp_iter(s, t->a);
    else if (t->kind == AST_TUPLE || t->kind == AST_LIST)
        for (int i = 0; i < t->s1.n; i++) mark_comp_iter(s, t->s1.items[i]);
}

static void st_comprehension(st_t *s, py_ast_t *e) {
    int comp = e->kind == AST_LISTCOMP  ? COMP_LIST
               : e->kind == AST_SETCOMP ? COMP_SET
               : e->kind == AST_DICTCOMP ? COMP_DICT
                                         : COMP_GEN;
    static const char *const names[] = {"", "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
    py_ast_t *g0 = e->s1.items[0];
    st_expr(s, g0->b); /* the outermost iterable belongs to the enclosing scope */
    cc_scope_t *outer = s->cur;
    cc_scope_t *sc = new_scope(s, SCOPE_FUNCTION, names[comp], e);
    sc->comp = (uint8_t)comp;
    s->cur = sc;
    get_sym(s->c, sc, ".0")->flags |= SF_PARAM;
    sc->argcount = 1;
    sc->nparams = 1;
    for (int i = 0; i < e->s1.n; i++) {
        py_ast_t *g = e->s1.items[i];
        if (g->flags & AST_FLAG_ASYNC) sc->is_async = true;
        st_target(s, g->a);
        mark_comp_iter(s, g->a); /* so that a walrus cannot rebind them */
        if (i > 0) st_expr(s, g->b);
        st_exprs(s, &g->s1);
    }
    st_expr(s, e->a);
    if (e->b) st_expr(s, e->b);
    s->cur = outer;
    /* a list/set/dict comprehension that awaits is awaited where it is used */
    if (sc->is_async && comp != COMP_GEN) st_await(s, e, true);
}

static void st_namedexpr(st_t *s, py_ast_t *e) {
    st_expr(s, e->b);
    const char *name = e->a->str;
    cc_scope_t *sc = s->cur;
    if (!sc->comp) {
        st_target(s, e->a);
        return;
    }
    /* inside comprehensions the target binds in the nearest enclosing
     * non-comprehension scope; the comprehensions reach it as a free variable
     * (or as a global at module level) */
    const char *m = cc_mangle(s->c, sc->private_name, name);
    cc_scope_t *t = sc;
    while (t->comp) {
        cc_sym_t *y = cc_lookup(t, m);
        if (y && (y->flags & SF_COMP_ITER))
            cc_error(s->c, e->line, e->col, "assignment expression cannot rebind comprehension iteration variable '%s'",
                     name);
        t = t->parent;
    }
    if (t->kind == SCOPE_CLASS)
        cc_error(s->c, e->line, e->col, "assignment expression within a comprehension cannot be used in a class body");
    cc_sym_t *ty = get_sym(s->c, t, m);
    bool global = t->kind == SCOPE_MODULE || (ty->flags & SF_GLOBAL);
    ty->flags |= SF_LOCAL;
    for (cc_scope_t *q = sc; q != t; q = q->parent) get_sym(s->c, q, m)->flags |= global ? SF_GLOBAL : SF_NONLOCAL;
}

static void st_expr(st_t *s, py_ast_t *e) {
    py_check_stack();
    switch (e->kind) {
    case AST_NAME:
        add(s, e->str, SF_USE);
        return;
    case AST_CONSTANT: return;
    case AST_NAMEDEXPR: st_namedexpr(s, e); return;
    case AST_LAMBDA: {
        st_defaults(s, e->a);
        cc_scope_t *outer = s->cur;
        cc_scope_t *sc = new_scope(s, SCOPE_FUNCTION, "<lambda>", e);
        sc->is_lambda = true;
        s->cur = sc;
        st_params(s, e->a);
        st_expr(s, e->b);
        s->cur = outer;
        return;
    }
    case AST_LISTCOMP:
    case AST_SETCOMP:
    case AST_DICTCOMP:
    case AST_GENEXP: st_comprehension(s, e); return;
    case AST_YIELD:
    case AST_YIELDFROM:
        st_yield(s, e);
        if (e->a) st_expr(s, e->a);
        return;
    case AST_AWAIT:
        st_await(s, e, false);
        st_expr(s, e->a);
        return;
    case AST_CALL:
        st_expr(s, e->a);
        st_exprs(s, &e->s1);
        if (e->a->kind == AST_NAME && !strcmp(e->a->str, "super") && e->s1.n == 0) {
            /* zero-argument super() becomes super(__class__, first argument) */
            const char *arg = cc_super_arg(s->cur);
            if (arg) {
                add(s, "__class__", SF_USE);
                get_sym(s->c, s->cur, arg)->flags |= SF_USE;
            }
        }
        return;
    case AST_KEYWORD:
    case AST_STARRED:
    case AST_ATTRIBUTE:
    case AST_UNARYOP:
    case AST_FORMATTEDVALUE:
        st_expr(s, e->a);
        if (e->b) st_expr(s, e->b);
        return;
    case AST_DICT:
        st_exprs(s, &e->s1);
        st_exprs(s, &e->s2);
        return;
    default:
        /* every other expression: children in a, b, c and s1 */
        if (e->a) st_expr(s, e->a);
        if (e->b) st_expr(s, e->b);
        if (e->c) st_expr(s, e->c);
        st_exprs(s, &e->s1);
        return;
    }
}

static void st_declare(st_t *s, py_ast_t *stmt) {
    bool global = stmt->kind == AST_GLOBAL;
    cc_scope_t *sc = s->cur;
    if (!global && sc->kind == SCOPE_MODULE)
        cc_error(s->c, stmt->line, stmt->col, "nonlocal declaration not allowed at module level");
    for (int i = 0; i < stmt->s1.n; i++) {
        py_ast_t *n = stmt->s1.items[i];
        const char *m = cc_mangle(s->c, sc->private_name, n->str);
        cc_sym_t *y = get_sym(s->c, sc, m);
        const char *what = global ? "global" : "nonlocal";
        if (y->flags & SF_PARAM) cc_error(s->c, n->line, n->col, "name '%s' is parameter and %s", n->str, what);
        if (global && (y->flags & SF_NONLOCAL))
            cc_error(s->c, n->line, n->col, "name '%s' is nonlocal and global", n->str);
        if (!global && (y->flags & SF_GLOBAL))
            cc_error(s->c, n->line, n->col, "name '%s' is nonlocal and global", n->str);
        if (y->flags & SF_LOCAL)
            cc_error(s->c, n->line, n->col, "name '%s' is assigned to before %s declaration", n->str, what);
        if (y->flags & SF_USE)
            cc_error(s->c, n->line, n->col, "name '%s' is used prior to %s declaration", n->str, what);
        y->flags |= global ? SF_GLOBAL : SF_NONLOCAL;
        if (!y->line) y->line = n->line;
    }
}

static void st_import_alias(st_t *s, py_ast_t *a) {
    if (a->str2) {
        add(s, a->str2, SF_LOCAL);
        return;
    }
    /* `import a.b.c` binds `a` */
    const char *dot = strchr(a->str, '.');
    if (!dot) {
        add(s, a->str, SF_LOCAL);
        return;
    }
    size_t n = (size_t)(dot - a->str);
    char *first = cc_alloc(s->c, n + 1);
    memcpy(first, a->str, n);
    add(s, first, SF_LOCAL);
}

static void st_stmt(st_t *s, py_ast_t *st) {
    py_check_stack();
    switch (st->kind) {
    case AST_FUNCTIONDEF: {
        st_exprs(s, &st->s2);
        st_defaults(s, st->a);
        add(s, st->str, SF_LOCAL);
        cc_scope_t *outer = s->cur;
        cc_scope_t *sc = new_scope(s, SCOPE_FUNCTION, st->str, st);
        sc->is_async = (st->flags & AST_FLAG_ASYNC) != 0;
        s->cur = sc;
        st_params(s, st->a);
        st_stmts(s, &st->s1);
        s->cur = outer;
        return;
    }
    case AST_CLASSDEF: {
        st_exprs(s, &st->s2);
        st_exprs(s, &st->s3);
        add(s, st->str, SF_LOCAL);
        cc_scope_t *outer = s->cur;
        cc_scope_t *sc = new_scope(s, SCOPE_CLASS, st->str, st);
        /* private names are mangled with the class name minus leading underscores */
        const char *p = st->str;
        while (*p == '_') p++;
        sc->private_name = *p ? p : NULL;
        s->cur = sc;
        st_stmts(s, &st->s1);
        s->cur = outer;
        return;
    }
    case AST_RETURN:
        if (st->a) st_expr(s, st->a);
        return;
    case AST_DELETE:
        for (int i = 0; i < st->s1.n; i++) st_target(s, st->s1.items[i]);
        return;
    case AST_ASSIGN:
        st_expr(s, st->a);
        for (int i = 0; i < st->s1.n; i++) st_target(s, st->s1.items[i]);
        return;
    case AST_AUGASSIGN:
        if (st->a->kind == AST_NAME) add(s, st->a->str, SF_USE);
        st_target(s, st->a);
        st_expr(s, st->b);
        return;
    case AST_ANNASSIGN:
        if (st->c) st_expr(s, st->c);
        st_target(s, st->a);
        if (s->cur->kind != SCOPE_FUNCTION && !s->c->future_annotations) {
            if (st->a->kind == AST_NAME) s->cur->has_annotations = true;
            st_expr(s, st->b); /* evaluated at module and class level */
        }
        return;
    case AST_FOR:
        if ((st->flags & AST_FLAG_ASYNC) && !(s->cur->kind == SCOPE_FUNCTION && s->cur->is_async && !s->cur->comp))
            cc_error(s->c, st->line, st->col, "'async for' outside async function");
        st_expr(s, st->b);
        st_target(s, st->a);
        st_stmts(s, &st->s1);
        st_stmts(s, &st->s2);
        return;
    case AST_WHILE:
    case AST_IF:
        st_expr(s, st->a);
        st_stmts(s, &st->s1);
        st_stmts(s, &st->s2);
        return;
    case AST_WITH:
        if ((st->flags & AST_FLAG_ASYNC) && !(s->cur->kind == SCOPE_FUNCTION && s->cur->is_async && !s->cur->comp))
            cc_error(s->c, st->line, st->col, "'async with' outside async function");
        for (int i = 0; i < st->s1.n; i++) {
            py_ast_t *w = st->s1.items[i];
            st_expr(s, w->a);
            if (w->b) st_target(s, w->b);
        }
        st_stmts(s, &st->s2);
        return;
    case AST_RAISE:
        if (st->a) st_expr(s, st->a);
        if (st->b) st_expr(s, st->b);
        return;
    case AST_TRY:
        st_stmts(s, &st->s1);
        for (int i = 0; i < st->s2.n; i++) {
            py_ast_t *h = st->s2.items[i];
            if (h->a) st_expr(s, h->a);
            if (h->str) add(s, h->str, SF_LOCAL);
            st_stmts(s, &h->s1);
        }
        st_stmts(s, &st->s3);
        st_stmts(s, &st->s4);
        return;
    case AST_ASSERT:
        st_expr(s, st->a);
        if (st->b) st_expr(s, st->b);
        return;
    case AST_IMPORT:
        for (int i = 0; i < st->s1.n; i++) st_import_alias(s, st->s1.items[i]);
        return;
    case AST_IMPORTFROM:
        for (int i = 0; i < st->s1.n; i++) {
            py_ast_t *a = st->s1.items[i];
            if (!strcmp(a->str, "*")) {
                if (s->cur->kind != SCOPE_MODULE)
                    cc_error(s->c, st->line, st->col, "import * only allowed at module level");
                continue;
            }
            add(s, a->str2 ? a->str2 : a->str, SF_LOCAL);
        }
        return;
    case AST_GLOBAL:
    case AST_NONLOCAL: st_declare(s, st); return;
    case AST_EXPR: st_expr(s, st->a); return;
    default: return; /* pass, break, continue */
    }
}

static void st_stmts(st_t *s, py_ast_seq_t *q) {
    for (int i = 0; i < q->n; i++) st_stmt(s, q->items[i]);
}

const char *cc_super_arg(cc_scope_t *sc) {
    cc_scope_t *f = sc;
    while (f && f->kind == SCOPE_FUNCTION && f->comp) f = f->parent;
    if (!f || f->kind != SCOPE_FUNCTION || f->argcount == 0) return NULL;
    /* some class must enclose the method for __class__ to exist */
    cc_scope_t *p = f->parent;
    while (p && p->kind != SCOPE_CLASS) p = p->parent;
    if (!p) return NULL;
    return f->syms[0].name;
}

/* ------------------------------------------------------------ pass 2 */

/* The scope whose binding of `name` a reference from sc reaches, or NULL
 * when the name is global. */
static cc_scope_t *find_binding(cc_scope_t *sc, const char *name) {
    for (cc_scope_t *p = sc->parent; p; p = p->parent) {
        if (p->kind == SCOPE_MODULE) return NULL;
        if (p->kind == SCOPE_CLASS) {
            if (!strcmp(name, "__class__")) return p;
            continue;
        }
        cc_sym_t *y = cc_lookup(p, name);
        if (!y) continue;
        if (y->flags & SF_GLOBAL) return NULL;
        if (y->flags & (SF_LOCAL | SF_PARAM | SF_NONLOCAL)) return p;
    }
    return NULL;
}

/* sc reaches `name` bound in b: mark the free and cell ends and thread the
 * variable through the scopes in between. */
static void make_free(cc_t *c, cc_scope_t *sc, cc_sym_t *y, cc_scope_t *b) {
    y->scope = SC_FREE;
    const char *name = y->name;
    for (cc_scope_t *p = sc->parent; p != b; p = p->parent) {
        cc_sym_t *q = get_sym(c, p, name);
        if (p->kind == SCOPE_CLASS) {
            q->flags |= SF_FREE_CLASS;
            if (q->scope == SC_UNRESOLVED) q->scope = SC_FREE;
        } else if (q->scope == SC_UNRESOLVED || q->scope == SC_GLOBAL_IMPLICIT) {
            q->scope = SC_FREE;
        }
    }
    if (b->kind == SCOPE_CLASS) {
        b->needs_class_cell = true;
        return;
    }
    cc_sym_t *by = cc_lookup(b, name);
    if (by && by->scope == SC_LOCAL) by->scope = SC_CELL;
}

static void analyze(cc_t *c, cc_scope_t *sc) {
    py_check_stack();
    for (int i = 0; i < sc->nsyms; i++) {
        cc_sym_t *y = &sc->syms[i];
        if (y->scope != SC_UNRESOLVED) continue;
        if (y->flags & SF_GLOBAL) {
            y->scope = SC_GLOBAL_EXPLICIT;
            continue;
        }
        if (sc->kind == SCOPE_MODULE) {
            y->scope = SC_LOCAL; /* module names use the *_NAME ops */
            continue;
        }
        if (y->flags & SF_NONLOCAL) {
            cc_scope_t *b = find_binding(sc, y->name);
            if (!b || b->kind == SCOPE_CLASS)
                cc_error(c, y->line, 0, "no binding for nonlocal '%s' found", y->name);
            make_free(c, sc, y, b); /* grows ancestors only: y stays valid */
            continue;
        }
        if (y->flags & (SF_LOCAL | SF_PARAM)) {
            y->scope = SC_LOCAL;
            continue;
        }
        cc_scope_t *b = find_binding(sc, y->name);
        if (b) make_free(c, sc, y, b);
        else y->scope = SC_GLOBAL_IMPLICIT;
    }
    for (int i = 0; i < sc->nchildren; i++) analyze(c, sc->children[i]);
}

void cc_symtable_build(cc_t *c, py_ast_t *tree) {
    st_t s = {c, NULL};
    cc_scope_t *m = new_scope(&s, SCOPE_MODULE, "<module>", tree);
    c->module = m;
    s.cur = m;
    /* `from __future__ import annotations` turns annotations off entirely */
    if (tree->kind != AST_EXPRESSION) {
        for (int i = 0; i < tree->s1.n; i++) {
            py_ast_t *st = tree->s1.items[i];
            if (st->kind != AST_IMPORTFROM || !st->str || strcmp(st->str, "__future__")) continue;
            for (int k = 0; k < st->s1.n; k++)
                if (!strcmp(st->s1.items[k]->str, "annotations")) c->future_annotations = true;
        }
        st_stmts(&s, &tree->s1);
    } else {
        st_expr(&s, tree->a);
    }
    analyze(c, m);
}
