/* compile_stmt.c: statements to bytecode.
 *
 * Control flow follows bytecode.h's exception model: a handler block is
 * pushed by SETUP_EXCEPT and entered with [.. prev exc]; `finally` bodies
 * are emitted twice (normal path, then a handler ending in RERAISE), and
 * break/continue/return emit the cleanup of every construct they leave
 * inline (cc_unwind), including a third copy of a finally body.
 *
 * Handler bodies: an `except` body runs with [prev] on the stack and ends
 * with POP_EXCEPT, which makes `prev` the handled exception again.  When an
 * exception escaping the body could be caught again in the same frame (some
 * block is active outside) or an `as` name must be deleted, the body runs
 * under a cleanup block that restores `prev` (and deletes the name) before
 * re-raising, so sys.exc_info() and bare `raise` stay right afterwards.  An
 * exception that leaves the frame needs no such care: the VM restores the
 * frame's entry state itself.
 *
 * `with` keeps the bound __exit__ on the stack under the block.  The block
 * is pushed while the __enter__ result is still on the stack (so a failing
 * `as` target still runs __exit__); its handler therefore finds one stale
 * slot below [prev exc] and drops it first.
 */
#include <string.h>

#include "compile.h"

static void set_line(cc_t *c, int line) {
    if (line > 0) c->u->line = line;
}

void cc_stmts(cc_t *c, py_ast_seq_t *body) {
    for (int i = 0; i < body->n; i++) cc_stmt(c, body->items[i]);
}

/* ------------------------------------------------------------ unwinding */

static void unwind_one(cc_t *c, cc_fblock_t *fb, bool preserve) {
    switch (fb->kind) {
    case FB_WHILE: return;
    case FB_FOR:
    case FB_ASYNC_FOR:
    case FB_POP_VALUE:
        if (preserve) cc_emit(c, OP_ROT_TWO, 0);
        cc_emit(c, OP_POP_TOP, 0);
        return;
    case FB_TRY_EXCEPT: cc_emit(c, OP_POP_BLOCK, 0); return;
    case FB_FINALLY_TRY:
        cc_emit(c, OP_POP_BLOCK, 0);
        if (preserve) cc_push_fblock(c, FB_POP_VALUE, -1, -1, NULL, NULL, false, c->u->line);
        cc_stmts(c, &fb->node->s4);
        if (preserve) cc_pop_fblock(c);
        return;
    case FB_FINALLY_END:
        /* [prev exc (value)] */
        if (preserve) cc_emit(c, OP_ROT_THREE, 0);
        cc_emit(c, OP_POP_TOP, 0);
        cc_emit(c, OP_POP_EXCEPT, 0);
        return;
    case FB_HANDLER:
        if (fb->wrapped) cc_emit(c, OP_POP_BLOCK, 0);
        if (preserve) cc_emit(c, OP_ROT_TWO, 0);
        cc_emit(c, OP_POP_EXCEPT, 0);
        if (fb->name) {
            cc_emit(c, OP_LOAD_NONE, 0);
            cc_name_op(c, fb->name, CTX_STORE);
            cc_name_op(c, fb->name, CTX_DEL);
        }
        return;
    case FB_WITH:
        cc_emit(c, OP_POP_BLOCK, 0);
        if (preserve) cc_emit(c, OP_ROT_TWO, 0);
        cc_emit(c, OP_WITH_EXIT, 0);
        return;
    case FB_ASYNC_WITH:
        cc_emit(c, OP_POP_BLOCK, 0);
        if (preserve) cc_emit(c, OP_ROT_TWO, 0);
        cc_emit(c, OP_ASYNC_WITH_EXIT, 0);
        cc_emit(c, OP_LOAD_NONE, 0);
        cc_emit(c, OP_YIELD_FROM, 0);
        cc_emit(c, OP_POP_TOP, 0);
        return;
    default: return;
    }
}

int cc_unwind(cc_t *c, bool preserve, bool to_loop, int line) {
    cc_unit_t *u = c->u;
    cc_fblock_t saved[CC_MAX_FBLOCKS];
    int n = u->nfb, nactive = u->nactive;
    memcpy(saved, u->fb, sizeof(cc_fblock_t) * (size_t)n);
    int loop = -1;
    for (int i = n - 1; i >= 0; i--) {
        cc_fblock_t fb = saved[i];
        if (to_loop && (fb.kind == FB_WHILE || fb.kind == FB_FOR || fb.kind == FB_ASYNC_FOR)) {
            loop = i;
            break;
        }
        /* the cleanup code (a finally body) runs outside this block and
         * everything above it */
        u->nfb = i;
        u->nactive = 0;
        for (int k = 0; k < i; k++) {
            int kd = saved[k].kind;
            if (kd == FB_TRY_EXCEPT || kd == FB_FINALLY_TRY || kd == FB_WITH || kd == FB_ASYNC_WITH ||
                (kd == FB_HANDLER && saved[k].wrapped))
                u->nactive++;
        }
        unwind_one(c, &fb, preserve);
        set_line(c, line);
    }
    memcpy(u->fb, saved, sizeof(cc_fblock_t) * (size_t)n);
    u->nfb = n;
    u->nactive = nactive;
    return loop;
}

/* ------------------------------------------------------------ simple statements */

static void stmt_return(cc_t *c, py_ast_t *s) {
    cc_scope_t *sc = c->u->st;
    if (sc->kind != SCOPE_FUNCTION) cc_error(c, s->line, s->col, "'return' outside function");
    if (s->a && sc->is_async && sc->is_generator)
        cc_error(c, s->line, s->col, "'return' with value in async generator");
    py_val_t v;
    if (!s->a || cc_const_value(c, s->a, &v)) {
        /* a constant cannot be changed by a finally body: load it last */
        cc_unwind(c, false, false, s->line);
        if (s->a) cc_load_value(c, v);
        else cc_emit(c, OP_LOAD_NONE, 0);
    } else {
        cc_expr(c, s->a);
        cc_unwind(c, true, false, s->line);
    }
    cc_emit(c, OP_RETURN_VALUE, 0);
}

static void stmt_break_continue(cc_t *c, py_ast_t *s) {
    bool brk = s->kind == AST_BREAK;
    int i = cc_unwind(c, false, true, s->line);
    if (i < 0) cc_error(c, s->line, s->col, brk ? "'break' outside loop" : "'continue' not properly in loop");
    cc_fblock_t *loop = &c->u->fb[i];
    if (brk) {
        if (loop->kind != FB_WHILE) cc_emit(c, OP_POP_TOP, 0);
        cc_emit_jump(c, OP_JUMP, loop->l_break);
    } else {
        cc_emit_jump(c, OP_JUMP, loop->l_continue);
    }
}

static bool has_starred(py_ast_seq_t *q) {
    for (int i = 0; i < q->n; i++)
        if (q->items[i]->kind == AST_STARRED) return true;
    return false;
}

static void stmt_assign(cc_t *c, py_ast_t *s) {
    py_ast_t *v = s->a;
    if (s->s1.n == 1) {
        /* a, b = b, a: swap on the stack instead of building a tuple */
        py_ast_t *t = s->s1.items[0];
        if ((t->kind == AST_TUPLE || t->kind == AST_LIST) && (v->kind == AST_TUPLE || v->kind == AST_LIST) &&
            t->s1.n == v->s1.n && (t->s1.n == 2 || t->s1.n == 3) && !has_starred(&t->s1) && !has_starred(&v->s1)) {
            for (int i = 0; i < v->s1.n; i++) cc_expr(c, v->s1.items[i]);
            set_line(c, s->line);
            if (t->s1.n == 3) cc_emit(c, OP_ROT_THREE, 0);
            cc_emit(c, OP_ROT_TWO, 0);
            for (int i = 0; i < t->s1.n; i++) cc_store(c, t->s1.items[i]);
            return;
        }
    }
    cc_expr(c, v);
    set_line(c, s->line);
    for (int i = 0; i < s->s1.n; i++) {
        if (i + 1 < s->s1.n) cc_emit(c, OP_DUP_TOP, 0);
        cc_store(c, s->s1.items[i]);
    }
}

static void stmt_augassign(cc_t *c, py_ast_t *s) {
    py_ast_t *t = s->a;
    uint32_t op = (uint32_t)s->op + PY_OP_INPLACE;
    switch (t->kind) {
    case AST_NAME:
        cc_name_op(c, t->str, CTX_LOAD);
        cc_expr(c, s->b);
        set_line(c, s->line);
        cc_emit(c, OP_BINARY_OP, op);
        cc_name_op(c, t->str, CTX_STORE);
        return;
    case AST_ATTRIBUTE: {
        /* the object is evaluated once */
        cc_expr(c, t->a);
        set_line(c, s->line);
        uint32_t ni = (uint32_t)cc_add_name(c, cc_mangle(c, c->u->st->private_name, t->str));
        cc_emit(c, OP_DUP_TOP, 0);
        cc_emit(c, OP_LOAD_ATTR, ni);
        cc_expr(c, s->b);
        set_line(c, s->line);
        cc_emit(c, OP_BINARY_OP, op);
        cc_emit(c, OP_ROT_TWO, 0);
        cc_emit(c, OP_STORE_ATTR, ni);
        return;
    }
    case AST_SUBSCRIPT:
        cc_expr(c, t->a);
        cc_expr(c, t->b);
        set_line(c, s->line);
        cc_emit(c, OP_DUP_TOP_TWO, 0);
        cc_emit(c, OP_BINARY_SUBSCR, 0);
        cc_expr(c, s->b);
        set_line(c, s->line);
        cc_emit(c, OP_BINARY_OP, op);
        cc_emit(c, OP_ROT_THREE, 0);
        cc_emit(c, OP_STORE_SUBSCR, 0);
        return;
    default: cc_error(c, t->line, t->col, "'expression' is an illegal expression for augmented assignment");
    }
}

static void stmt_annassign(cc_t *c, py_ast_t *s) {
    if (s->c) {
        cc_expr(c, s->c);
        set_line(c, s->line);
        cc_store(c, s->a);
    }
    cc_scope_t *sc = c->u->st;
    if (sc->kind == SCOPE_FUNCTION || c->future_annotations) return;
    cc_expr(c, s->b);
    set_line(c, s->line);
    if (s->a->kind == AST_NAME) {
        /* module and class level: __annotations__[name] = annotation */
        const char *m = cc_mangle(c, sc->private_name, s->a->str);
        cc_emit(c, OP_LOAD_NAME, (uint32_t)cc_add_name(c, "__annotations__"));
        cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, cc_keep(c, py_intern(m))));
        cc_emit(c, OP_STORE_SUBSCR, 0);
    } else {
        cc_emit(c, OP_POP_TOP, 0);
    }
}

static void stmt_expr(cc_t *c, py_ast_t *s) {
    py_ast_t *e = s->a;
    if (c->interactive && !c->u->prev) {
        cc_expr(c, e);
        set_line(c, s->line);
        cc_emit(c, OP_PRINT_EXPR, 0);
        return;
    }
    if (e->kind == AST_CONSTANT) return; /* docstrings, `...` */
    cc_expr(c, e);
    cc_emit(c, OP_POP_TOP, 0);
}

static void stmt_raise(cc_t *c, py_ast_t *s) {
    if (!s->a) {
        cc_emit(c, OP_RAISE_VARARGS, 0);
        return;
    }
    cc_expr(c, s->a);
    if (s->b) cc_expr(c, s->b);
    set_line(c, s->line);
    cc_emit(c, OP_RAISE_VARARGS, s->b ? 2 : 1);
}

static void stmt_assert(cc_t *c, py_ast_t *s) {
    if (py_opt_level) return;
    int ok = cc_new_label(c);
    cc_jump_if(c, s->a, true, ok);
    set_line(c, s->line);
    cc_emit(c, OP_LOAD_ASSERTION_ERROR, 0);
    if (s->b) {
        cc_expr(c, s->b);
        set_line(c, s->line);
        cc_emit(c, OP_CALL_FUNCTION, 1);
    }
    cc_emit(c, OP_RAISE_VARARGS, 1);
    cc_bind(c, ok);
}

static void stmt_import(cc_t *c, py_ast_t *s) {
    for (int i = 0; i < s->s1.n; i++) {
        py_ast_t *a = s->s1.items[i];
        cc_emit(c, OP_LOAD_SMALL_INT, PY_SMALL_INT_BIAS);
        cc_emit(c, OP_LOAD_NONE, 0);
        cc_emit(c, OP_IMPORT_NAME, (uint32_t)cc_add_name(c, a->str));
        const char *dot = strchr(a->str, '.');
        if (a->str2) {
            /* `import a.b.c as d`: IMPORT_NAME gives `a`; walk down to `c` */
            while (dot) {
                const char *start = dot + 1;
                dot = strchr(start, '.');
                size_t n = dot ? (size_t)(dot - start) : strlen(start);
                char *part = cc_alloc(c, n + 1);
                memcpy(part, start, n);
                cc_emit(c, OP_IMPORT_FROM, (uint32_t)cc_add_name(c, part));
                cc_emit(c, OP_ROT_TWO, 0);
                cc_emit(c, OP_POP_TOP, 0);
            }
            cc_name_op(c, a->str2, CTX_STORE);
        } else if (dot) {
            size_t n = (size_t)(dot - a->str);
            char *first = cc_alloc(c, n + 1);
            memcpy(first, a->str, n);
            cc_name_op(c, first, CTX_STORE);
        } else {
            cc_name_op(c, a->str, CTX_STORE);
        }
    }
}

static void stmt_importfrom(cc_t *c, py_ast_t *s) {
    const char *mod = s->str ? s->str : "";
    /* future features are all on already; there is no __future__ module to load */
    if (s->ival == 0 && !strcmp(mod, "__future__")) return;
    bool star = s->s1.n == 1 && !strcmp(s->s1.items[0]->str, "*");
    py_val_t fromlist = cc_keep(c, py_tuple_new((size_t)s->s1.n));
    for (int i = 0; i < s->s1.n; i++) py_as_tuple(fromlist)->items[i] = cc_keep(c, py_intern(s->s1.items[i]->str));
    cc_load_value(c, py_small(s->ival));
    cc_emit(c, OP_LOAD_CONST, (uint32_t)cc_add_const(c, fromlist));
    cc_emit(c, OP_IMPORT_NAME, (uint32_t)cc_add_name(c, mod));
    if (star) {
        cc_emit(c, OP_IMPORT_STAR, 0);
        return;
    }
    for (int i = 0; i < s->s1.n; i++) {
        py_ast_t *a = s->s1.items[i];
        cc_emit(c, OP_IMPORT_FROM, (uint32_t)cc_add_name(c, a->str));
        cc_name_op(c, a->str2 ? a->str2 : a->str, CTX_STORE);
    }
    cc_emit(c, OP_POP_TOP, 0);
}

/* ------------------------------------------------------------ compound statements */

/* The truth value of a test known at compile time (only plain constants). */
static bool const_truth(cc_t *c, py_ast_t *e, bool *truth) {
    if (e->kind != AST_CONSTANT) return false;
    switch (e->op) {
    case AST_CONST_NONE: case AST_CONST_FALSE: *truth = false; return true;
    case AST_CONST_TRUE: case AST_CONST_ELLIPSIS: *truth = true; return true;
    case AST_CONST_INT: *truth = e->ival != 0; return true;
    case AST_CONST_STR: case AST_CONST_BYTES: *truth = e->len != 0; return true;
    default: return false;
    }
}

static void stmt_if(cc_t *c, py_ast_t *s) {
    int orelse = cc_new_label(c), end = cc_new_label(c);
    cc_jump_if(c, s->a, false, orelse);
    cc_stmts(c, &s->s1);
    if (s->s2.n) {
        cc_emit_jump(c, OP_JUMP, end);
        cc_bind(c, orelse);
        cc_stmts(c, &s->s2);
    } else {
        cc_bind(c, orelse);
    }
    cc_bind(c, end);
}

static void stmt_while(cc_t *c, py_ast_t *s) {
    int body = cc_new_label(c), cont = cc_new_label(c), orelse = cc_new_label(c), end = cc_new_label(c);
    bool truth;
    bool forever = const_truth(c, s->a, &truth) && truth;
    /* the test sits at the bottom (one jump per iteration); a copy at the top enters the loop */
    if (!forever) cc_jump_if(c, s->a, false, orelse);
    cc_bind(c, body);
    cc_push_fblock(c, FB_WHILE, cont, end, s, NULL, false, s->line);
    cc_stmts(c, &s->s1);
    cc_pop_fblock(c);
    cc_bind(c, cont);
    set_line(c, s->line);
    if (forever) cc_emit_jump(c, OP_JUMP, body);
    else cc_jump_if(c, s->a, true, body);
    cc_bind(c, orelse);
    cc_stmts(c, &s->s2);
    cc_bind(c, end);
}

static void stmt_for(cc_t *c, py_ast_t *s) {
    bool async = (s->flags & AST_FLAG_ASYNC) != 0;
    int top = cc_new_label(c), orelse = cc_new_label(c), end = cc_new_label(c);
    cc_expr(c, s->b);
    set_line(c, s->line);
    cc_emit(c, async ? OP_GET_AITER : OP_GET_ITER, 0);
    cc_bind(c, top);
    if (async) {
        cc_emit_jump(c, OP_SETUP_EXCEPT, orelse);
        cc_emit(c, OP_GET_ANEXT, 0);
        cc_emit(c, OP_LOAD_NONE, 0);
        cc_emit(c, OP_YIELD_FROM, 0);
        cc_emit(c, OP_POP_BLOCK, 0);
    } else {
        cc_emit_jump(c, OP_FOR_ITER, orelse);
    }
    cc_store(c, s->a);
    cc_push_fblock(c, async ? FB_ASYNC_FOR : FB_FOR, top, end, s, NULL, false, s->line);
    cc_stmts(c, &s->s1);
    cc_pop_fblock(c);
    set_line(c, s->line);
    cc_emit_jump(c, OP_JUMP, top);
    cc_bind(c, orelse);
    if (async) cc_emit(c, OP_END_ASYNC_FOR, 0); /* StopAsyncIteration ends the loop, others re-raise */
    cc_stmts(c, &s->s2);
    cc_bind(c, end);
}

static void with_item(cc_t *c, py_ast_t *s, int i) {
    bool async = (s->flags & AST_FLAG_ASYNC) != 0;
    py_ast_t *w = s->s1.items[i];
    int handler = cc_new_label(c), end = cc_new_label(c), suppress = cc_new_label(c);
    cc_expr(c, w->a);
    set_line(c, s->line);
    if (async) {
        cc_emit(c, OP_BEFORE_ASYNC_WITH, 0);
        cc_emit(c, OP_LOAD_NONE, 0);
        cc_emit(c, OP_YIELD_FROM, 0);
    } else {
        cc_emit(c, OP_BEFORE_WITH, 0);
    }
    cc_emit_jump(c, OP_SETUP_EXCEPT, handler); /* [exit enter_result] */
    if (w->b) cc_store(c, w->b);
    else cc_emit(c, OP_POP_TOP, 0);
    cc_push_fblock(c, async ? FB_ASYNC_WITH : FB_WITH, -1, -1, s, NULL, false, s->line);
    if (i + 1 < s->s1.n) with_item(c, s, i + 1);
    else cc_stmts(c, &s->s2);
    cc_pop_fblock(c);
    set_line(c, s->line);
    cc_emit(c, OP_POP_BLOCK, 0);
    if (async) {
        cc_emit(c, OP_ASYNC_WITH_EXIT, 0);
        cc_emit(c, OP_LOAD_NONE, 0);
        cc_emit(c, OP_YIELD_FROM, 0);
        cc_emit(c, OP_POP_TOP, 0);
    } else {
        cc_emit(c, OP_WITH_EXIT, 0);
    }
    cc_emit_jump(c, OP_JUMP, end);
    cc_bind(c, handler);
    /* [exit stale prev exc] -> [exit prev exc] */
    cc_emit(c, OP_ROT_THREE, 0);
    cc_emit(c, OP_ROT_THREE, 0);
    cc_emit(c, OP_POP_TOP, 0);
    if (async) {
        cc_emit(c, OP_ASYNC_WITH_EXCEPT, 0);
        cc_emit(c, OP_LOAD_NONE, 0);
        cc_emit(c, OP_YIELD_FROM, 0);
    } else {
        cc_emit(c, OP_WITH_EXCEPT, 0);
    }
    cc_emit_jump(c, OP_POP_JUMP_IF_TRUE, suppress);
    cc_emit(c, OP_RERAISE, 0);
    cc_bind(c, suppress);
    cc_emit(c, OP_POP_TOP, 0);
    cc_emit(c, OP_POP_EXCEPT, 0);
    cc_emit(c, OP_POP_TOP, 0);
    cc_bind(c, end);
}

static void try_except(cc_t *c, py_ast_t *s) {
    int handler = cc_new_label(c), end = cc_new_label(c);
    cc_emit_jump(c, OP_SETUP_EXCEPT, handler);
    cc_push_fblock(c, FB_TRY_EXCEPT, -1, -1, s, NULL, false, s->line);
    cc_stmts(c, &s->s1);
    cc_pop_fblock(c);
    cc_emit(c, OP_POP_BLOCK, 0);
    cc_stmts(c, &s->s3);
    cc_emit_jump(c, OP_JUMP, end);
    cc_bind(c, handler); /* [prev exc] */
    for (int i = 0; i < s->s2.n; i++) {
        py_ast_t *h = s->s2.items[i];
        set_line(c, h->line);
        if (!h->a && i + 1 < s->s2.n) cc_error(c, h->line, h->col, "default 'except:' must be last");
        int next = cc_new_label(c);
        if (h->a) {
            cc_emit(c, OP_DUP_TOP, 0);
            cc_expr(c, h->a);
            set_line(c, h->line);
            cc_emit(c, OP_CHECK_EXC_MATCH, 0);
            cc_emit_jump(c, OP_POP_JUMP_IF_FALSE, next);
        }
        if (h->str) cc_name_op(c, h->str, CTX_STORE);
        else cc_emit(c, OP_POP_TOP, 0);
        /* [prev] */
        bool wrapped = h->str != NULL || c->u->nactive > 0;
        int cleanup = wrapped ? cc_new_label(c) : -1;
        if (wrapped) cc_emit_jump(c, OP_SETUP_EXCEPT, cleanup);
        cc_push_fblock(c, FB_HANDLER, -1, -1, s, h->str, wrapped, h->line);
        cc_stmts(c, &h->s1);
        cc_pop_fblock(c);
        set_line(c, h->line);
        if (wrapped) cc_emit(c, OP_POP_BLOCK, 0);
        cc_emit(c, OP_POP_EXCEPT, 0);
        if (h->str) {
            cc_emit(c, OP_LOAD_NONE, 0);
            cc_name_op(c, h->str, CTX_STORE);
            cc_name_op(c, h->str, CTX_DEL);
        }
        cc_emit_jump(c, OP_JUMP, end);
        if (wrapped) {
            /* the body raised: [prev prev2 exc2]; restore prev as handled, then re-raise */
            cc_bind(c, cleanup);
            if (h->str) {
                cc_emit(c, OP_LOAD_NONE, 0);
                cc_name_op(c, h->str, CTX_STORE);
                cc_name_op(c, h->str, CTX_DEL);
            }
            cc_emit(c, OP_ROT_TWO, 0);
            cc_emit(c, OP_POP_TOP, 0);
            cc_emit(c, OP_RERAISE, 0);
        }
        cc_bind(c, next);
        if (!h->a) break;
    }
    if (s->s2.n == 0 || s->s2.items[s->s2.n - 1]->a) cc_emit(c, OP_RERAISE, 0); /* nothing matched */
    cc_bind(c, end);
}

static void try_finally(cc_t *c, py_ast_t *s) {
    int fin = cc_new_label(c), end = cc_new_label(c);
    cc_emit_jump(c, OP_SETUP_EXCEPT, fin);
    cc_push_fblock(c, FB_FINALLY_TRY, -1, -1, s, NULL, false, s->line);
    if (s->s2.n) try_except(c, s);
    else cc_stmts(c, &s->s1);
    cc_pop_fblock(c);
    cc_emit(c, OP_POP_BLOCK, 0);
    cc_stmts(c, &s->s4);
    cc_emit_jump(c, OP_JUMP, end);
    cc_bind(c, fin); /* [prev exc] */
    cc_push_fblock(c, FB_FINALLY_END, -1, -1, s, NULL, false, s->line);
    cc_stmts(c, &s->s4);
    cc_pop_fblock(c);
    cc_emit(c, OP_RERAISE, 0);
    cc_bind(c, end);
}

void cc_stmt(cc_t *c, py_ast_t *s) {
    py_check_stack();
    set_line(c, s->line);
    switch (s->kind) {
    case AST_FUNCTIONDEF: cc_function(c, s); break;
    case AST_CLASSDEF: cc_class(c, s); break;
    case AST_RETURN: stmt_return(c, s); break;
    case AST_DELETE:
        for (int i = 0; i < s->s1.n; i++) cc_delete(c, s->s1.items[i]);
        break;
    case AST_ASSIGN: stmt_assign(c, s); break;
    case AST_AUGASSIGN: stmt_augassign(c, s); break;
    case AST_ANNASSIGN: stmt_annassign(c, s); break;
    case AST_FOR: stmt_for(c, s); break;
    case AST_WHILE: stmt_while(c, s); break;
    case AST_IF: stmt_if(c, s); break;
    case AST_WITH: with_item(c, s, 0); break;
    case AST_RAISE: stmt_raise(c, s); break;
    case AST_TRY:
        if (s->s4.n) try_finally(c, s);
        else try_except(c, s);
        break;
    case AST_ASSERT: stmt_assert(c, s); break;
    case AST_IMPORT: stmt_import(c, s); break;
    case AST_IMPORTFROM: stmt_importfrom(c, s); break;
    case AST_GLOBAL:
    case AST_NONLOCAL:
    case AST_PASS: break;
    case AST_EXPR: stmt_expr(c, s); break;
    case AST_BREAK:
    case AST_CONTINUE: stmt_break_continue(c, s); break;
    default: cc_error(c, s->line, s->col, "invalid syntax");
    }
}
