/* vm.c: the bytecode interpreter: frames, calls, argument binding, the
 * dispatch loop and exception unwinding.
 *
 * Frames.  Ordinary frames are carved from a VM-owned stack of malloc'd
 * chunks (bump allocation, popped in LIFO order).  The used part of every
 * chunk is marked as an array of values by a GC root callback, so locals,
 * cells, value stacks and the value fields of frame headers are always
 * reachable; stale slots above a stack pointer are harmless because the
 * collector validates every address it is given.  Generator frames live in
 * their generator object (obj_gen.c), which traces them.
 *
 * Calls.  A Python-to-Python call made by the loop pushes a frame and keeps
 * going in the same C invocation; RETURN_VALUE pops it.  Calls from C (the
 * function type's call slot, generator resumption, class bodies, module
 * code) enter a nested run of the loop through run(), which arms one py_try
 * per C-level entry.  The frame such a run starts with carries PY_FR_ENTRY:
 * returning (or yielding) from it leaves the loop.
 *
 * Exceptions.  A raise longjmps to the innermost run().  unwind() adds a
 * traceback entry for each frame it passes (except for re-raises, whose
 * entry exists already), looks for the innermost handler block of the frame
 * (bytecode.h protocol), and pops frames without one; when the run's entry
 * frame is popped too, the exception is raised again to the outer catch
 * point.  The handled exception (sys.exc_info, bare raise, __context__) is a
 * VM global saved in each frame at entry and restored when it leaves.
 *
 * Invariants: vm.frame is the innermost running Python frame (C calls push
 * nothing); every frame between vm.frame and the entry frame of the
 * innermost run() was pushed by that run; vm.top is at or above the end of
 * vm.frame when it is a VM-stack frame.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm.h"
#include "objcore.h" /* py_type_epoch, for the attribute caches */
#include "str_impl.h" /* py_str_alloc, for str_iadd */
#include "str_uniq.h"

int py_max_depth = 2000;

/* ------------------------------------------------------------ VM state */

typedef struct chunk {
    struct chunk *next;
    py_val_t *base, *end;
    py_val_t *used; /* vm.top when this chunk was left for the next one */
} chunk_t;

#define CHUNK_WORDS (64 * 1024)

static struct {
    py_frame_t *frame;  /* innermost running frame */
    py_val_t handled;   /* exception being handled, PY_NULL if none */
    py_val_t *top;      /* next free word of the current chunk */
    py_val_t *limit;    /* end of the current chunk */
    chunk_t *chunk;     /* current chunk (NULL before the first frame) */
    chunk_t *first;
    int depth;          /* Python frames alive (generators while running) */
    int c_depth;        /* nested run()s */
    int exit_kind;      /* how the last run() left its entry frame: PY_RESUME_* */
    bool reraise;       /* the exception in flight keeps its traceback: add no entry */
    bool no_context;    /* the next py_vm_current_exc() answers PY_NULL (a re-raise) */
    bool inited;
    py_val_t builtins;  /* cached builtins dict */
    py_val_t build_class; /* fallback __build_class__ object */
} vm;

static void vm_mark(void) {
    for (chunk_t *c = vm.first; c; c = c->next) {
        py_val_t *end = c == vm.chunk ? vm.top : c->used;
        if (end > c->base) py_gc_mark_array(c->base, (size_t)(end - c->base));
        if (c == vm.chunk) break;
    }
    /* generator frames are outside the chunks: keep their owners alive */
    for (py_frame_t *f = vm.frame; f; f = f->prev) py_gc_mark(f->gen_v);
    py_gc_mark(vm.handled);
    py_gc_mark(vm.builtins);
    py_gc_mark(vm.build_class);
}

static void vm_init(void) {
    vm.inited = true;
    vm.handled = PY_NULL;
    vm.builtins = PY_NULL;
    vm.build_class = PY_NULL;
    py_gc_add_root_fn(vm_mark);
}

static py_val_t builtins_dict(void) {
    if (!py_is_obj(vm.builtins)) {
        if (!vm.inited) vm_init();
        vm.builtins = py_builtins_dict();
    }
    return vm.builtins;
}

/* Slow path of frame allocation: move to the next chunk (making one). */
__attribute__((noinline)) static py_val_t *alloc_slow(size_t words) {
    if (!vm.inited) vm_init();
    chunk_t *c = vm.chunk;
    chunk_t *n = c ? c->next : vm.first;
    if (c) c->used = vm.top;
    if (n && (size_t)(n->end - n->base) < words) {
        /* too small for this frame: drop it and whatever follows */
        chunk_t *x = n;
        while (x) {
            chunk_t *nx = x->next;
            free(x->base);
            free(x);
            x = nx;
        }
        if (c) c->next = NULL;
        else vm.first = NULL;
        n = NULL;
    }
    if (!n) {
        size_t size = words > CHUNK_WORDS ? words : CHUNK_WORDS;
        n = malloc(sizeof *n);
        py_val_t *mem = n ? malloc(size * sizeof(py_val_t)) : NULL;
        if (!mem) {
            free(n);
            py_raise_no_memory();
        }
        n->next = NULL;
        n->base = mem;
        n->end = mem + size;
        n->used = mem;
        if (c) c->next = n;
        else vm.first = n;
    }
    vm.chunk = n;
    vm.top = n->base + words;
    vm.limit = n->end;
    return n->base;
}

static inline py_val_t *vm_alloc(size_t words) {
    py_val_t *p = vm.top;
    if ((size_t)(vm.limit - p) >= words && p) {
        vm.top = p + words;
        return p;
    }
    return alloc_slow(words);
}

static inline void set_top(py_val_t *top, void *chunk) {
    vm.top = top;
    vm.chunk = chunk;
    vm.limit = chunk ? ((chunk_t *)chunk)->end : NULL;
}

/* ------------------------------------------------------------ frames */

#define HDR_WORDS ((sizeof(py_frame_t) + sizeof(py_val_t) - 1) / sizeof(py_val_t))
#define BLOCK_WORDS(n) (((size_t)(n) * sizeof(py_block_t) + sizeof(py_val_t) - 1) / sizeof(py_val_t))

size_t py_vm_frame_words(const py_code_t *co) {
    return HDR_WORDS + co->nlocals + co->ncells + co->stacksize + BLOCK_WORDS(co->maxblocks);
}

static inline size_t ncellvars(const py_code_t *co) {
    return py_is_obj(co->cellvars) ? py_as_tuple(co->cellvars)->len : 0;
}

static py_val_t new_cell(py_val_t v) {
    py_cell_t *c = py_gc_alloc(&py_type_cell, sizeof(py_cell_t));
    c->value = v;
    return py_obj(c);
}

/* Header and empty locals: nothing here allocates. */
static void frame_layout(py_frame_t *f, py_code_t *co) {
    f->code = co;
    f->code_v = py_obj(co);
    f->locals = PY_NULL;
    f->prev_handled = PY_NULL;
    f->gen_v = PY_NULL;
    f->prev = NULL;
    f->ip = co->ops;
    f->fast = (py_val_t *)f + HDR_WORDS;
    f->stack = f->fast + co->nlocals + co->ncells;
    f->sp = f->stack;
    f->blocks = (py_block_t *)(f->stack + co->stacksize);
    f->nblocks = 0;
    f->flags = 0;
    size_t n = (size_t)co->nlocals + co->ncells;
    for (size_t i = 0; i < n; i++) f->fast[i] = PY_NULL;
}

/* Cells: fresh ones for cellvars, the closure's for freevars. */
static void frame_cells(py_frame_t *f, py_code_t *co, py_val_t closure) {
    if (!co->ncells) return;
    size_t nc = ncellvars(co);
    py_val_t *cells = f->fast + co->nlocals;
    for (size_t i = 0; i < nc && i < co->ncells; i++) cells[i] = new_cell(PY_NULL);
    size_t nfree = co->ncells - nc;
    py_tuple_t *cl = py_is_obj(closure) ? py_as_tuple(closure) : NULL;
    for (size_t i = 0; i < nfree; i++)
        cells[nc + i] = cl && i < cl->len ? cl->items[i] : new_cell(PY_NULL);
}

const char *py_vm_func_name(py_val_t func) {
    if (py_is_type(func, &py_type_function)) {
        py_func_t *fn = py_as_ptr(func);
        if (py_is_str(fn->qualname)) return py_str_data(fn->qualname);
        if (py_is_str(fn->name)) return py_str_data(fn->name);
    }
    return "function";
}

static inline py_val_t varname(py_code_t *co, size_t i) { return py_as_tuple(co->varnames)->items[i]; }

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" (CPython's list of missing names) */
static void list_names(py_sb_t *sb, py_val_t *names, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (i > 0) py_sb_adds(sb, n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
        py_sb_addc(sb, '\'');
        py_sb_add(sb, py_str_data(names[i]), py_str_len(names[i]));
        py_sb_addc(sb, '\'');
    }
}

PY_NORETURN static void raise_missing(py_func_t *fn, py_frame_t *f, size_t lo, size_t hi, const char *kind) {
    py_code_t *co = fn->code;
    py_val_t names[64];
    size_t n = 0;
    for (size_t i = lo; i < hi; i++)
        if (py_is_null(f->fast[i]) && n < 64) names[n++] = varname(co, i);
    py_sb_t sb;
    py_sb_init(&sb);
    py_sb_printf(&sb, "%s() missing %zu required %s argument%s: ", py_vm_func_name(py_obj(fn)), n, kind,
                 n == 1 ? "" : "s");
    list_names(&sb, names, n);
    py_raise(py_exc_new_args(&py_type_TypeError, 1, (py_val_t[]){py_sb_to_str(&sb)}));
}

PY_NORETURN static void raise_too_many(py_func_t *fn, py_frame_t *f, int given) {
    py_code_t *co = fn->code;
    size_t ndef = py_is_obj(fn->defaults) ? py_as_tuple(fn->defaults)->len : 0;
    size_t kwonly_given = 0;
    for (size_t i = co->argcount; i < (size_t)co->argcount + co->kwonlyargcount; i++)
        if (!py_is_null(f->fast[i])) kwonly_given++;
    char sig[64], kwsig[96] = "";
    bool plural;
    if (ndef) {
        snprintf(sig, sizeof sig, "from %zu to %u", co->argcount - ndef, (unsigned)co->argcount);
        plural = true;
    } else {
        snprintf(sig, sizeof sig, "%u", (unsigned)co->argcount);
        plural = co->argcount != 1;
    }
    if (kwonly_given)
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %zu keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    py_raise_msg(&py_type_TypeError, "%s() takes %s positional argument%s but %d%s %s given",
                 py_vm_func_name(py_obj(fn)), sig, plural ? "s" : "", given, kwsig,
                 given == 1 && !kwonly_given ? "was" : "were");
}

static bool name_eq(py_val_t a, py_val_t b) { return a == b || py_str_equal(a, b); }

/* The general binder: keywords, defaults, *args, **kwargs (CPython's order
 * of checks, so the same error wins). */
static void bind_slow(py_frame_t *f, py_func_t *fn, int argc, const py_val_t *argv, py_val_t kwnames) {
    py_code_t *co = fn->code;
    py_val_t *loc = f->fast;
    size_t nargs = co->argcount, total = nargs + co->kwonlyargcount;
    size_t npos = (size_t)argc < nargs ? (size_t)argc : nargs;
    for (size_t i = 0; i < npos; i++) loc[i] = argv[i];
    size_t slot = total;
    if (co->flags & PY_CODE_VARARGS) {
        loc[slot++] = (size_t)argc > npos ? py_tuple_from_array((size_t)argc - npos, argv + npos)
                                          : py_tuple_new(0);
    }
    py_val_t kwdict = PY_NULL;
    if (co->flags & PY_CODE_VARKEYWORDS) {
        kwdict = py_dict_new();
        loc[slot] = kwdict;
    }
    if (py_is_obj(kwnames)) {
        py_tuple_t *kt = py_as_tuple(kwnames);
        py_tuple_t *vn = py_as_tuple(co->varnames);
        for (size_t k = 0; k < kt->len; k++) {
            py_val_t key = kt->items[k], val = argv[argc + (int)k];
            size_t j = co->posonlyargcount;
            for (; j < total; j++)
                if (vn->items[j] == key) break;
            if (j == total)
                for (j = co->posonlyargcount; j < total; j++)
                    if (name_eq(vn->items[j], key)) break;
            if (j < total) {
                if (!py_is_null(loc[j]))
                    py_raise_msg(&py_type_TypeError, "%s() got multiple values for argument '%s'",
                                 py_vm_func_name(py_obj(fn)), py_str_data(key));
                loc[j] = val;
                continue;
            }
            if (py_is_obj(kwdict)) {
                py_dict_set(kwdict, key, val);
                continue;
            }
            for (j = 0; j < co->posonlyargcount; j++)
                if (name_eq(vn->items[j], key))
                    py_raise_msg(&py_type_TypeError,
                                 "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                                 py_vm_func_name(py_obj(fn)), py_str_data(key));
            py_raise_msg(&py_type_TypeError, "%s() got an unexpected keyword argument '%s'",
                         py_vm_func_name(py_obj(fn)), py_str_data(key));
        }
    }
    if ((size_t)argc > nargs && !(co->flags & PY_CODE_VARARGS)) raise_too_many(fn, f, argc);
    if ((size_t)argc < nargs) {
        py_tuple_t *d = py_is_obj(fn->defaults) ? py_as_tuple(fn->defaults) : NULL;
        size_t ndef = d ? d->len : 0;
        size_t first_def = nargs > ndef ? nargs - ndef : 0;
        bool missing = false;
        for (size_t j = (size_t)argc; j < nargs; j++) {
            if (!py_is_null(loc[j])) continue;
            if (j >= first_def) loc[j] = d->items[j - first_def];
            else missing = true;
        }
        if (missing) raise_missing(fn, f, 0, nargs, "positional");
    }
    if (co->kwonlyargcount) {
        bool missing = false;
        for (size_t j = nargs; j < total; j++) {
            if (!py_is_null(loc[j])) continue;
            py_val_t v = py_is_obj(fn->kwdefaults) ? py_dict_get(fn->kwdefaults, varname(co, j)) : PY_NULL;
            if (py_is_null(v)) missing = true;
            else loc[j] = v;
        }
        if (missing) raise_missing(fn, f, nargs, total, "keyword-only");
    }
}

void py_vm_init_frame(py_frame_t *f, py_func_t *fn, int argc, const py_val_t *argv, py_val_t kwnames) {
    py_code_t *co = fn->code;
    f->func = py_obj(fn);
    f->globals = fn->globals;
    f->builtins = builtins_dict();
    frame_layout(f, co);
    if (py_is_null(kwnames) && argc == co->argcount && co->kwonlyargcount == 0 &&
        !(co->flags & (PY_CODE_VARARGS | PY_CODE_VARKEYWORDS))) {
        for (int i = 0; i < argc; i++) f->fast[i] = argv[i];
    } else {
        if (py_is_obj(kwnames) && py_as_tuple(kwnames)->len == 0) kwnames = PY_NULL;
        bind_slow(f, fn, argc, argv, kwnames);
    }
    frame_cells(f, co, fn->closure);
}

PY_NORETURN static void raise_depth(void) {
    py_raise_msg(&py_type_RecursionError, "maximum recursion depth exceeded");
}

/* Makes f, just carved from the VM stack (which stood at saved_top /
 * saved_chunk before), the running frame: the tail of both frame pushers. */
static inline void link_frame(py_frame_t *f, py_val_t *saved_top, void *saved_chunk) {
    f->saved_top = saved_top;
    f->saved_chunk = saved_chunk;
    f->top_after = vm.top;
    f->chunk_after = vm.chunk;
    f->prev = vm.frame;
    f->prev_handled = vm.handled;
    vm.frame = f;
    vm.depth++;
}

/* Pushes a frame for fn on the VM stack, binds and links it.  A binding
 * error leaves vm.top high; the next unwind() resets it. */
static py_frame_t *push_frame(py_func_t *fn, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (vm.depth >= py_max_depth) raise_depth();
    py_val_t *saved_top = vm.top;
    void *saved_chunk = vm.chunk;
    py_frame_t *f = (py_frame_t *)vm_alloc(py_vm_frame_words(fn->code));
    py_vm_init_frame(f, fn, argc, argv, kwnames);
    link_frame(f, saved_top, saved_chunk);
    return f;
}

/* push_frame for the commonest call: positional arguments matching the
 * parameters exactly, no cells, no keyword-only or star parameters.  Does
 * what frame_layout and py_vm_init_frame do, without the general binding. */
static inline py_frame_t *push_simple_frame(py_func_t *fn, py_code_t *co, int argc, const py_val_t *argv) {
    if (vm.depth >= py_max_depth) raise_depth();
    py_val_t *saved_top = vm.top;
    void *saved_chunk = vm.chunk;
    py_frame_t *f = (py_frame_t *)vm_alloc(py_vm_frame_words(co));
    f->func = py_obj(fn);
    f->globals = fn->globals;
    f->builtins = py_is_obj(vm.builtins) ? vm.builtins : builtins_dict();
    f->code = co;
    f->code_v = py_obj(co);
    f->locals = PY_NULL;
    f->gen_v = PY_NULL;
    f->ip = co->ops;
    py_val_t *fast = (py_val_t *)f + HDR_WORDS;
    f->fast = fast;
    f->stack = fast + co->nlocals;
    f->sp = f->stack;
    f->blocks = (py_block_t *)(f->stack + co->stacksize);
    f->nblocks = 0;
    f->flags = 0;
    for (int i = 0; i < argc; i++) fast[i] = argv[i];
    for (size_t i = (size_t)argc; i < co->nlocals; i++) fast[i] = PY_NULL;
    link_frame(f, saved_top, saved_chunk);
    return f;
}

/* Pops an ordinary (VM-stack) frame. */
static inline void pop_frame(py_frame_t *f) {
    vm.frame = f->prev;
    vm.depth--;
    vm.handled = f->prev_handled;
    set_top(f->saved_top, f->saved_chunk);
}

static inline py_gen_t *frame_gen(py_frame_t *f) { return (py_gen_t *)py_as_ptr(f->gen_v); }

/* A generator frame suspends (YIELD_VALUE / YIELD_FROM). */
static inline void gen_suspend(py_frame_t *f) {
    py_gen_t *g = frame_gen(f);
    g->state = PY_GEN_SUSPENDED;
    g->handled = vm.handled != f->prev_handled ? vm.handled : PY_NULL;
    vm.handled = f->prev_handled;
    vm.frame = f->prev;
    vm.depth--;
    f->prev = NULL;
}

/* A generator frame ends (return or exception). */
static inline void gen_finish(py_frame_t *f) {
    py_gen_t *g = frame_gen(f);
    g->state = PY_GEN_FINISHED;
    g->handled = PY_NULL;
    vm.handled = f->prev_handled;
    vm.frame = f->prev;
    vm.depth--;
    f->prev = NULL;
}

static int frame_line(py_frame_t *f) {
    py_code_t *co = f->code;
    ptrdiff_t i = f->ip - co->ops - 1;
    if (i < 0 || !co->lines) return co->firstlineno;
    if ((uint32_t)i >= co->n_ops) i = (ptrdiff_t)co->n_ops - 1;
    return (int)co->lines[i];
}

/* ------------------------------------------------------------ hooks */

void py_vm_try_state(void **frame, int *c_depth) {
    *frame = vm.frame;
    *c_depth = vm.c_depth;
}

py_val_t py_vm_current_exc(void) {
    if (vm.no_context) {
        vm.no_context = false;
        return PY_NULL;
    }
    return vm.handled;
}

py_val_t py_vm_globals(void) {
    if (vm.frame) return vm.frame->globals;
    py_val_t m = py_dict_get(py_sys_modules(), PYN(__main__));
    if (py_is_type(m, &py_type_module)) return ((py_module_t *)py_as_ptr(m))->dict;
    return py_dict_new();
}

py_val_t py_vm_locals(void) {
    py_frame_t *f = vm.frame;
    if (!f) return py_vm_globals();
    if (!py_is_null(f->locals)) return f->locals;
    py_code_t *co = f->code;
    py_val_t d = py_dict_new();
    for (size_t i = 0; i < co->nlocals; i++)
        if (!py_is_null(f->fast[i])) py_dict_set(d, varname(co, i), py_str_touch(f->fast[i]));
    size_t nc = ncellvars(co);
    for (size_t i = 0; i < co->ncells; i++) {
        py_val_t cell = f->fast[co->nlocals + i];
        if (!py_is_type(cell, &py_type_cell)) continue;
        py_val_t v = ((py_cell_t *)py_as_ptr(cell))->value;
        if (py_is_null(v)) continue;
        py_str_touch(v);
        py_val_t name = i < nc ? py_as_tuple(co->cellvars)->items[i] : py_as_tuple(co->freevars)->items[i - nc];
        py_dict_set(d, name, v);
    }
    return d;
}

/* Raises exc again without touching its __context__; with keep_tb the
 * frame that catches it adds no traceback entry (it has one already). */
PY_NORETURN static void reraise(py_val_t exc, bool keep_tb) {
    vm.reraise = keep_tb;
    vm.no_context = true;
    py_raise(exc);
}

/* ------------------------------------------------------------ unwinding */

static bool is_exc_type(py_val_t v) {
    return py_is_obj(v) && py_is_subtype(py_obj_type(v), &py_type_type) &&
           (((py_type_t *)py_as_ptr(v))->flags & PY_TF_EXCEPTION);
}
static bool is_exc_instance(py_val_t v) { return py_is_obj(v) && (py_obj_type(v)->flags & PY_TF_EXCEPTION); }

/* An exception leaving a generator frame: StopIteration cannot escape (PEP 479). */
static py_val_t gen_exc_exit(py_frame_t *f, py_val_t exc) {
    py_type_t *gt = py_obj_type(f->gen_v);
    const char *what = gt == &py_type_coroutine         ? "coroutine"
                       : gt == &py_type_async_generator ? "async generator"
                                                        : "generator";
    py_val_t n = PY_NULL;
    if (py_is_instance(exc, &py_type_StopIteration))
        n = py_exc_new(&py_type_RuntimeError, "%s raised StopIteration", what);
    else if (gt == &py_type_async_generator && py_is_instance(exc, &py_type_StopAsyncIteration))
        n = py_exc_new(&py_type_RuntimeError, "async generator raised StopAsyncIteration");
    if (py_is_null(n)) return exc;
    py_exc_t *e = py_as_ptr(n);
    e->cause = exc;
    e->context = exc;
    e->suppress_context = 1;
    return n;
}

/* Handles an exception caught by run(): returns true when a handler was
 * found (vm.frame is set up to continue there), false when the entry frame
 * was left too (*excp is then what to raise to the outer catch point). */
bool py_abort_unwind;

static bool unwind(py_frame_t *entry, py_val_t *excp) {
    py_val_t exc = *excp;
    bool tb = !vm.reraise;
    vm.reraise = false;
    vm.no_context = false;
    for (;;) {
        py_frame_t *f = vm.frame;
        if (tb) py_exc_add_traceback(exc, f->code->filename, frame_line(f), f->code->name);
        tb = true;
        if (f->nblocks && !py_abort_unwind) {
            py_block_t *b = &f->blocks[--f->nblocks];
            py_val_t *sp = f->stack + b->depth;
            *sp++ = py_is_null(vm.handled) ? PY_NONE : vm.handled;
            *sp++ = exc;
            f->sp = sp;
            f->ip = f->code->ops + b->handler;
            vm.handled = exc;
            /* drop any frame that was being built above f */
            set_top(f->top_after, f->chunk_after);
            return true;
        }
        if (f->flags & PY_FR_GEN) {
            exc = gen_exc_exit(f, exc);
            gen_finish(f);
        } else {
            pop_frame(f);
        }
        if (f == entry) {
            *excp = exc;
            return false;
        }
    }
}

static py_val_t loop(void);

/* One C-level entry into the interpreter: runs vm.frame (== entry, already
 * linked) until the entry frame returns or yields.  inject != PY_NULL raises
 * that exception in the entry frame first (generator throw()). */
static py_val_t run(py_frame_t *entry, py_val_t inject) {
    py_try_t t;
    volatile py_val_t pending = inject;
    vm.c_depth++;
    for (;;) {
        if (py_try(&t)) {
            if (!py_is_null(pending)) {
                py_val_t e = pending;
                pending = PY_NULL;
                if (!unwind(entry, &e)) {
                    py_try_end(&t);
                    vm.c_depth--;
                    reraise(e, false);
                }
            }
            py_val_t r = loop();
            py_try_end(&t);
            vm.c_depth--;
            return r;
        }
        pending = t.exc;
    }
}

/* ------------------------------------------------------------ C entries */

py_val_t py_vm_call_function(py_val_t func, int argc, const py_val_t *argv, py_val_t kwnames) {
    py_func_t *fn = py_as_ptr(func);
    if (fn->code->flags & (PY_CODE_GENERATOR | PY_CODE_COROUTINE | PY_CODE_ASYNC_GENERATOR))
        return py_gen_new(fn, argc, argv, kwnames);
    py_check_stack();
    if (py_poll_due()) py_handle_pending_call();
    py_frame_t *f = push_frame(fn, argc, argv, kwnames);
    f->flags |= PY_FR_ENTRY;
    return run(f, PY_NULL);
}

py_val_t py_run_code(py_val_t code, py_val_t globals, py_val_t locals) {
    if (!py_is_type(code, &py_type_code)) py_raise_msg(&py_type_TypeError, "expected a code object");
    if (!py_is_obj(globals) || !py_is_instance(globals, &py_type_dict))
        py_raise_msg(&py_type_TypeError, "globals must be a dict");
    py_check_stack();
    if (vm.depth >= py_max_depth) raise_depth();
    py_code_t *co = py_as_ptr(code);
    py_val_t *saved_top = vm.top;
    void *saved_chunk = vm.chunk;
    py_frame_t *f = (py_frame_t *)vm_alloc(py_vm_frame_words(co));
    f->func = PY_NULL;
    f->globals = globals;
    f->builtins = builtins_dict();
    frame_layout(f, co);
    f->locals = py_is_null(locals) || py_is_none(locals) ? globals : locals;
    f->saved_top = saved_top;
    f->saved_chunk = saved_chunk;
    f->top_after = vm.top;
    f->chunk_after = vm.chunk;
    frame_cells(f, co, PY_NULL);
    f->flags = PY_FR_ENTRY;
    f->prev = vm.frame;
    f->prev_handled = vm.handled;
    vm.frame = f;
    vm.depth++;
    return run(f, PY_NULL);
}

py_val_t py_exec_source(const char *src, size_t len, py_val_t filename, int mode, py_val_t globals,
                        py_val_t locals) {
    py_val_t code = py_compile_source(src, len, filename, mode);
    return py_run_code(code, globals, locals);
}

/* Resumes a generator frame; see vm.h. */
static int delegate_throw_step(py_gen_t *g, py_val_t *throw_exc, py_val_t *out) {
    py_frame_t *f = g->frame;
    py_val_t it = f->sp[-1];
    py_try_t t;
    g->state = PY_GEN_RUNNING;
    if (py_try(&t)) {
        if (py_exc_matches(*throw_exc, py_obj(&py_type_GeneratorExit))) {
            py_gen_delegate_close(it);
            py_try_end(&t);
            g->state = PY_GEN_SUSPENDED;
            return -1;
        }
        bool has = true;
        py_val_t v;
        bool done = py_gen_delegate_throw(it, *throw_exc, &v, &has);
        py_try_end(&t);
        g->state = PY_GEN_SUSPENDED;
        if (!has) return -1;
        if (!done) {
            *out = v;
            return PY_RESUME_AWAIT;
        }
        /* the delegate finished: its value is the result of the yield from */
        f->sp[-1] = v;
        f->ip++;
        g->in_yf = 0;
        *throw_exc = PY_NULL;
        return -1;
    }
    g->state = PY_GEN_SUSPENDED;
    *throw_exc = t.exc;
    return -1;
}

int py_vm_resume(py_gen_t *g, py_val_t send, py_val_t throw_exc, py_val_t *out) {
    py_frame_t *f = g->frame;
    if (vm.depth >= py_max_depth) raise_depth();
    py_check_stack();
    bool push = g->state == PY_GEN_SUSPENDED;
    if (!py_is_null(throw_exc) && push && g->in_yf) {
        int k = delegate_throw_step(g, &throw_exc, out);
        if (k >= 0) return k;
        push = false;
    }
    if (py_is_null(throw_exc) && push) *f->sp++ = send;
    if (!py_is_null(throw_exc)) g->in_yf = 0; /* raised at the yield from: the delegation is over */
    f->prev = vm.frame;
    f->prev_handled = vm.handled;
    if (!py_is_null(g->handled)) vm.handled = g->handled;
    f->top_after = vm.top;
    f->chunk_after = vm.chunk;
    f->flags |= PY_FR_ENTRY | PY_FR_GEN;
    vm.frame = f;
    vm.depth++;
    g->state = PY_GEN_RUNNING;
    *out = run(f, throw_exc);
    return vm.exit_kind;
}

/* Runs a class body with ns as its locals; returns what the body returns
 * (the __class__ cell or None). */
static py_val_t run_class_body(py_func_t *fn, py_val_t ns) {
    py_check_stack();
    py_frame_t *f = push_frame(fn, 0, NULL, PY_NULL);
    f->locals = ns;
    f->flags |= PY_FR_ENTRY;
    return run(f, PY_NULL);
}

py_val_t py_builtin_build_class(int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc < 2) py_raise_msg(&py_type_TypeError, "__build_class__: not enough arguments");
    py_val_t func = argv[0], name = argv[1];
    if (!py_is_type(func, &py_type_function))
        py_raise_msg(&py_type_TypeError, "__build_class__: func must be a function");
    if (!py_is_str(name)) py_raise_msg(&py_type_TypeError, "__build_class__: name is not a string");
    py_func_t *fn = py_as_ptr(func);
    py_val_t bases = py_tuple_from_array((size_t)argc - 2, argv + 2);
    size_t nkw = py_is_obj(kwnames) ? py_as_tuple(kwnames)->len : 0;
    py_val_t meta = PY_NULL;
    /* the call to the metaclass: name, bases, ns, then the other keywords */
    py_val_t margs = py_tuple_new(3 + nkw);
    py_val_t mkw = py_tuple_new(nkw);
    size_t nk = 0;
    for (size_t i = 0; i < nkw; i++) {
        py_val_t k = py_as_tuple(kwnames)->items[i], v = argv[argc + (int)i];
        if (py_str_len(k) == 9 && !memcmp(py_str_data(k), "metaclass", 9)) {
            meta = v;
            continue;
        }
        py_as_tuple(mkw)->items[nk] = k;
        py_as_tuple(margs)->items[3 + nk] = v;
        nk++;
    }
    py_as_tuple(mkw)->len = nk;
    py_tuple_t *bt = py_as_tuple(bases);
    bool meta_given = !py_is_null(meta);
    if (!meta_given) meta = bt->len ? py_obj(py_type_of(bt->items[0])) : py_obj(&py_type_type);
    if (py_is_obj(meta) && py_is_subtype(py_obj_type(meta), &py_type_type)) {
        /* the most derived metaclass among meta and the bases' */
        py_type_t *w = py_as_ptr(meta);
        for (size_t i = 0; i < bt->len; i++) {
            py_type_t *bm = py_type_of(bt->items[i]);
            if (py_is_subtype(w, bm)) continue;
            if (py_is_subtype(bm, w)) {
                w = bm;
                continue;
            }
            py_raise_msg(&py_type_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                                             "(non-strict) subclass of the metaclasses of all its bases");
        }
        meta = py_obj(w);
    }
    py_val_t ns;
    if (meta != py_obj(&py_type_type)) {
        py_val_t prep = py_getattr_opt(meta, PYN(__prepare__));
        if (!py_is_null(prep)) {
            py_val_t pa[2 + 16];
            if (nk > 16) py_raise_msg(&py_type_TypeError, "too many class keywords");
            pa[0] = name;
            pa[1] = bases;
            for (size_t i = 0; i < nk; i++) pa[2 + i] = py_as_tuple(margs)->items[3 + i];
            ns = py_call(prep, 2, pa, nk ? mkw : PY_NULL);
        } else {
            ns = py_dict_new();
        }
    } else {
        ns = py_dict_new();
    }
    if (py_is_type(ns, &py_type_dict)) {
        if (py_is_null(py_dict_get_interned(ns, PYN(__module__))) && !py_is_null(fn->module))
            py_dict_set(ns, PYN(__module__), fn->module);
        if (py_is_null(py_dict_get_interned(ns, PYN(__qualname__))) && py_is_str(fn->qualname))
            py_dict_set(ns, PYN(__qualname__), fn->qualname);
    }
    py_val_t cell = run_class_body(fn, ns);
    py_val_t cls;
    if (meta == py_obj(&py_type_type) && nk == 0) {
        cls = py_type_new_class(name, bases, ns, meta);
    } else {
        py_tuple_t *ma = py_as_tuple(margs);
        ma->items[0] = name;
        ma->items[1] = bases;
        ma->items[2] = ns;
        cls = py_call(meta, 3, ma->items, nk ? mkw : PY_NULL);
    }
    if (py_is_type(cell, &py_type_cell)) ((py_cell_t *)py_as_ptr(cell))->value = cls;
    return cls;
}

static const py_method_def_t build_class_def = {"__build_class__", py_builtin_build_class, 2, -1, PY_MF_KW};

/* ------------------------------------------------------------ op helpers */

PY_NORETURN static void raise_unbound_local(py_code_t *co, size_t i) {
    py_raise_msg(&py_type_UnboundLocalError,
                 "cannot access local variable '%s' where it is not associated with a value",
                 py_str_data(varname(co, i)));
}

static py_val_t cell_name(py_code_t *co, size_t i) {
    size_t nc = ncellvars(co);
    return i < nc ? py_as_tuple(co->cellvars)->items[i] : py_as_tuple(co->freevars)->items[i - nc];
}

PY_NORETURN static void raise_unbound_cell(py_code_t *co, size_t i) {
    if (i < ncellvars(co))
        py_raise_msg(&py_type_UnboundLocalError,
                     "cannot access local variable '%s' where it is not associated with a value",
                     py_str_data(cell_name(co, i)));
    py_raise_msg(&py_type_NameError,
                 "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                 py_str_data(cell_name(co, i)));
}

PY_NORETURN static void raise_name_error(py_val_t name) {
    py_raise_msg(&py_type_NameError, "name '%s' is not defined", py_str_data(name));
}

/* Mapping lookup for *_NAME ops: dicts fast, other mappings via __getitem__. */
static py_val_t ns_get(py_val_t ns, py_val_t name) {
    if (py_is_type(ns, &py_type_dict)) return py_dict_get_interned(ns, name);
    if (py_is_instance(ns, &py_type_dict)) return py_dict_get(ns, name);
    py_try_t t;
    if (py_try(&t)) {
        py_val_t v = py_getitem(ns, name);
        py_try_end(&t);
        return v;
    }
    if (py_exc_matches(t.exc, py_obj(&py_type_KeyError))) return PY_NULL;
    py_raise(t.exc);
}

static py_val_t load_name(py_frame_t *f, py_val_t name) {
    py_val_t v;
    if (!py_is_null(f->locals)) {
        v = ns_get(f->locals, name);
        if (!py_is_null(v)) return v;
    }
    if (f->locals != f->globals) {
        v = py_dict_get_interned(f->globals, name);
        if (!py_is_null(v)) return v;
    }
    v = py_dict_get_interned(f->builtins, name);
    if (!py_is_null(v)) return v;
    /* keys that are equal strings but not the interned object */
    if (!py_is_null(f->locals) && py_is_instance(f->locals, &py_type_dict)) {
        v = py_dict_get(f->locals, name);
        if (!py_is_null(v)) return v;
    }
    v = py_dict_get(f->globals, name);
    if (!py_is_null(v)) return v;
    v = py_dict_get(f->builtins, name);
    if (!py_is_null(v)) return v;
    raise_name_error(name);
}

/* ------------------------------------------------------------ inline caches
 *
 * code->cache holds one ncache_t per name of the code object (the names
 * tuple indexes it), made on first use.  Caches hold no references: every
 * pointer in them is validated before it is followed, so the collector
 * ignores their contents.
 *
 * LOAD_GLOBAL (and LOAD_NAME / STORE_NAME in module code, whose locals are
 * its globals) remember where the name sits in the globals (or builtins)
 * entry table.  An entry whose key is the name holds the name's current
 * value whatever happened to the dict, so a hit needs only the key check;
 * the versions matter for "absent from globals, so in builtins".
 *
 * Attribute caches (LOAD_ATTR, LOAD_METHOD: two ways; STORE_ATTR: one) are
 * keyed on the exact type of the receiver (on the class itself for
 * attributes of classes) and on py_type_epoch (objcore.h), which moves when
 * a class is made or a class attribute changes in a way that could change
 * any lookup.  While it stands still, what a slow lookup learned about the
 * classes of a type still holds: where in which class dict the attribute
 * was found, that no class defines it as a data descriptor, that the class
 * has no __setattr__.  The instance part is checked on every hit: the entry
 * number in the instance dict (instances of one class mostly share key
 * order) with the key compared, or the name's absence from the instance
 * dict for methods and class values.  What a slow lookup returned is the
 * oracle: an entry is learned only when the value it would produce is the
 * very value the generic path produced. */
typedef struct {
    py_dict_t *g;
    uint32_t gver, bver;
    int32_t gidx, bidx;
} gcache_t;

enum {
    AK_NONE,
    AK_INST,     /* instance dict entry idx; no data descriptor of that name in the MRO */
    AK_CLASSVAL, /* class dict `where` entry idx holding val (plain: no binding), absent from the instance */
    AK_METHOD,   /* as AK_CLASSVAL, val a function or native method that binds to the instance */
    AK_TYPEATTR, /* the receiver is the class `type` itself: its MRO's entry, returned as is */
    AK_MODULE,   /* module dict entry idx */
    AK_STORE,    /* STORE_ATTR: replace the value of instance dict entry idx */
};

typedef struct {
    py_type_t *type; /* receiver's exact type (AK_TYPEATTR: the receiving class) */
    uint64_t epoch;
    py_dict_t *where;
    py_val_t val;
    int32_t idx;
    uint8_t kind;
} acache_t;

typedef struct {
    gcache_t g;
    acache_t ld[2];
    acache_t st;
} ncache_t;

/* The caches are the VM's memory, not the program's: they are made even
 * while the heap is locked (micropython.heap_lock, a hard IRQ handler's
 * first run), where MicroPython's bytecode needs no allocation either. */
__attribute__((noinline)) static void *cache_alloc_unlocked(size_t size) {
    py_gc_unlock();
    py_try_t t;
    if (py_try(&t)) {
        void *c = py_raw_alloc(size);
        py_try_end(&t);
        py_gc_lock();
        return c;
    }
    py_gc_lock();
    py_raise(t.exc);
}

static ncache_t *code_cache(py_code_t *co) {
    if (!co->cache) {
        size_t n = py_as_tuple(co->names)->len;
        ncache_t *c = py_gc_is_locked() ? cache_alloc_unlocked(n * sizeof(ncache_t)) : py_raw_alloc(n * sizeof(ncache_t));
        memset(c, 0, n * sizeof(ncache_t));
        co->cache = c;
    }
    return co->cache;
}

__attribute__((noinline)) static py_val_t load_global_slow(py_frame_t *f, uint32_t arg) {
    py_code_t *co = f->code;
    py_val_t name = py_as_tuple(co->names)->items[arg];
    py_val_t g = f->globals, b = f->builtins;
    if (py_is_type(g, &py_type_dict) && py_is_type(b, &py_type_dict)) {
        gcache_t *c = &code_cache(co)[arg].g;
        py_dict_t *gd = py_as_ptr(g), *bd = py_as_ptr(b);
        int32_t i = py_dict_index_interned(g, name);
        if (i >= 0 && gd->entries[i].key == name) {
            c->g = gd;
            c->gver = gd->version;
            c->gidx = i;
            return py_str_touch(gd->entries[i].value);
        }
        if (i == -1) {
            i = py_dict_index_interned(b, name);
            if (i >= 0 && bd->entries[i].key == name) {
                c->g = gd;
                c->gver = gd->version;
                c->gidx = -1;
                c->bver = bd->version;
                c->bidx = i;
                return py_str_touch(bd->entries[i].value);
            }
        }
    }
    py_val_t v = py_dict_get(g, name);
    if (!py_is_null(v)) return v;
    v = py_dict_get(b, name);
    if (!py_is_null(v)) return v;
    raise_name_error(name);
}

/* The cached value of a global, or PY_NULL. */
static inline py_val_t global_hit(py_frame_t *f, py_code_t *code, uint32_t arg, py_val_t name) {
    ncache_t *nc = code->cache;
    if (!nc) return PY_NULL;
    gcache_t *c = &nc[arg].g;
    py_dict_t *g = py_as_ptr(f->globals);
    if (c->g != g || c->gver != g->version) return PY_NULL;
    py_dict_entry_t *e;
    if (c->gidx >= 0) {
        e = &g->entries[c->gidx];
        return e->key == name ? py_str_touch(e->value) : PY_NULL;
    }
    py_dict_t *b = py_as_ptr(f->builtins);
    if (c->bver != b->version) return PY_NULL;
    e = &b->entries[c->bidx];
    return e->key == name ? py_str_touch(e->value) : PY_NULL;
}

static inline bool is_class_obj(py_val_t v) {
    py_type_t *t = py_obj_type(v);
    return t == &py_type_type || (t->flags & PY_TF_LAYOUT_TYPE);
}

static inline py_val_t *inst_dict_slot(py_val_t obj, const py_type_t *t) {
    return (py_val_t *)((char *)py_as_ptr(obj) + t->dict_offset);
}

/* The entry of d numbered idx if its key is name. */
static inline py_dict_entry_t *entry_at(py_dict_t *d, int32_t idx, py_val_t name) {
    if ((size_t)idx < d->filled && d->entries[idx].key == name) return &d->entries[idx];
    return NULL;
}

/* The instance has no attribute `name` of its own (definitely).  The
 * commonest answer, an empty first probe slot (obj_dict.c: the probe starts
 * at hash & mask), is decided here. */
static inline bool inst_lacks(py_val_t obj, const py_type_t *t, py_val_t name) {
    if (!t->dict_offset) return true;
    py_val_t d = *inst_dict_slot(obj, t);
    if (!py_is_obj(d)) return true;
    py_dict_t *dd = py_as_ptr(d);
    if (!dd->used) return true;
    uint64_t h = ((py_str_t *)py_as_ptr(name))->hash;
    if (h && dd->index[h & dd->mask] == -1) return true;
    return py_dict_index_interned(d, name) == -1;
}

/* A value the generic lookup hands back as it is found in a class dict,
 * with no descriptor call (never a function, method wrapper or property,
 * nor an instance of a class, which could define __get__). */
static inline bool plain_attr(py_val_t v) {
    if (!py_is_obj(v)) return true;
    py_type_t *t = py_obj_type(v);
    return !(t->flags & PY_TF_HEAP) && t != &py_type_property && t != &py_type_function &&
           t != &py_type_staticmethod && t != &py_type_classmethod && t != &py_type_bound_method;
}

/* A hit: the attribute's value into *out and, when it is a method to call
 * with the receiver (LOAD_METHOD's protocol), the receiver into *self,
 * else PY_NULL; false on a miss. */
__attribute__((noinline)) static bool attr_hit(const acache_t *c, py_val_t obj, py_val_t name, py_val_t *out,
                                               py_val_t *self) {
    py_dict_entry_t *e;
    if (c->epoch != py_type_epoch) return false;
    switch (c->kind) {
    case AK_INST: {
        if (py_type_of(obj) != c->type) return false;
        py_val_t d = *inst_dict_slot(obj, c->type);
        if (!py_is_obj(d) || !(e = entry_at(py_as_ptr(d), c->idx, name))) return false;
        *out = py_str_touch(e->value);
        *self = PY_NULL;
        return true;
    }
    case AK_CLASSVAL:
    case AK_METHOD: {
        py_type_t *t = py_type_of(obj);
        if (t != c->type || !(e = entry_at(c->where, c->idx, name))) return false;
        if (e->value != c->val && (c->kind == AK_METHOD || py_is_obj(e->value))) return false;
        if (!inst_lacks(obj, t, name)) return false;
        *out = py_str_touch(e->value);
        *self = c->kind == AK_METHOD ? obj : PY_NULL;
        return true;
    }
    case AK_TYPEATTR:
        if (!py_is_obj(obj) || py_as_ptr(obj) != (void *)c->type || !is_class_obj(obj)) return false;
        if (!(e = entry_at(c->where, c->idx, name))) return false;
        if (e->value != c->val && py_is_obj(e->value)) return false;
        *out = py_str_touch(e->value);
        *self = PY_NULL;
        return true;
    case AK_MODULE: {
        if (!py_is_type(obj, &py_type_module)) return false;
        py_val_t d = ((py_module_t *)py_as_ptr(obj))->dict;
        if (!py_is_obj(d) || !(e = entry_at(py_as_ptr(d), c->idx, name))) return false;
        *out = py_str_touch(e->value);
        *self = PY_NULL;
        return true;
    }
    default:
        return false;
    }
}

/* The first class dict along t's MRO holding name: its entry number into
 * *idx and the dict, NULL if no class has it; false when that cannot be
 * told without running code (or a class is not set up yet). */
static bool mro_find(py_type_t *t, py_val_t name, py_dict_t **where, int32_t *idx) {
    if (!py_is_obj(t->mro)) return false;
    py_tuple_t *m = py_as_tuple(t->mro);
    for (size_t i = 0; i < m->len; i++) {
        py_type_t *c = py_as_ptr(m->items[i]);
        if (!py_is_obj(c->dict)) return false;
        int32_t ix = py_dict_index_interned(c->dict, name);
        if (ix == -2) return false;
        if (ix >= 0) {
            *where = py_as_ptr(c->dict);
            *idx = ix;
            return true;
        }
    }
    *where = NULL;
    return true;
}

static inline bool is_special_type_name(py_val_t name) {
    return name == PYN(__name__) || name == PYN(__qualname__) || name == PYN(__bases__) || name == PYN(__mro__) ||
           name == PYN(__dict__) || !strcmp(py_str_data(name), "__base__");
}

/* After a slow attribute load of obj.name gave v (and self, for
 * LOAD_METHOD): works out whether a cache entry reproduces that, into *e. */
static bool attr_learn(py_val_t obj, py_val_t name, py_val_t v, py_val_t self, acache_t *e) {
    py_type_t *t = py_type_of(obj);
    py_dict_t *cd;
    int32_t ci, ix;
    e->epoch = py_type_epoch;
    e->val = PY_NULL;
    e->where = NULL;
    if (t == &py_type_super) return false;
    if (t == &py_type_module) {
        py_val_t d = ((py_module_t *)py_as_ptr(obj))->dict;
        if (!py_is_obj(d) || (ix = py_dict_index_interned(d, name)) < 0) return false;
        py_dict_t *dd = py_as_ptr(d);
        if (dd->entries[ix].key != name || dd->entries[ix].value != v) return false;
        /* the module type's own attributes are methods; a data descriptor would come first */
        if (!mro_find(t, name, &cd, &ci) || (cd && !plain_attr(cd->entries[ci].value) &&
                                             !py_is_type(cd->entries[ci].value, &py_type_cfunc)))
            return false;
        e->kind = AK_MODULE;
        e->type = t;
        e->idx = ix;
        return true;
    }
    if (py_is_obj(obj) && is_class_obj(obj)) {
        py_type_t *c = py_as_ptr(obj);
        if (is_special_type_name(name) || !mro_find(t, name, &cd, &ci)) return false;
        if (cd && !plain_attr(cd->entries[ci].value) && !py_is_type(cd->entries[ci].value, &py_type_cfunc))
            return false; /* the metaclass may define it as a descriptor */
        if (!mro_find(c, name, &cd, &ci) || !cd || cd->entries[ci].key != name || cd->entries[ci].value != v)
            return false;
        py_type_t *vt = py_type_of(v);
        if (py_is_obj(v) && ((vt->flags & PY_TF_HEAP) || vt == &py_type_staticmethod || vt == &py_type_classmethod))
            return false;
        e->kind = AK_TYPEATTR;
        e->type = c;
        e->where = cd;
        e->idx = ci;
        e->val = v;
        return true;
    }
    if (!mro_find(t, name, &cd, &ci)) return false;
    py_val_t ca = cd ? cd->entries[ci].value : PY_NULL;
    if (cd && cd->entries[ci].key != name) return false;
    e->type = t;
    if (!py_is_null(self)) {
        /* py_load_method found a function or native method on the class */
        if (self != obj || ca != v) return false;
        e->kind = AK_METHOD;
        e->where = cd;
        e->idx = ci;
        e->val = v;
        return true;
    }
    ix = -1;
    py_dict_t *dd = NULL;
    if (t->dict_offset) {
        py_val_t d = *inst_dict_slot(obj, t);
        if (py_is_obj(d)) {
            dd = py_as_ptr(d);
            ix = py_dict_index_interned(d, name);
            if (ix == -2) return false;
        }
    }
    if (ix >= 0) {
        if (dd->entries[ix].key != name || dd->entries[ix].value != v) return false;
        /* no data descriptor on the class may come before the instance dict */
        if (cd && !plain_attr(ca) && !py_is_type(ca, &py_type_function) && !py_is_type(ca, &py_type_cfunc) &&
            !py_is_type(ca, &py_type_staticmethod) && !py_is_type(ca, &py_type_classmethod))
            return false;
        e->kind = AK_INST;
        e->idx = ix;
        return true;
    }
    if (!cd || ca != v || !plain_attr(v)) return false;
    e->kind = AK_CLASSVAL;
    e->where = cd;
    e->idx = ci;
    e->val = v;
    return true;
}

/* Puts a learned entry into a site's two ways: over a way for the same
 * receiver type, else in front, the older one moving back. */
static void attr_remember(acache_t *ways, const acache_t *e) {
    bool cls = e->kind == AK_TYPEATTR;
    if (ways[0].type == e->type && (ways[0].kind == AK_TYPEATTR) == cls) {
        ways[0] = *e;
    } else if (ways[1].type == e->type && (ways[1].kind == AK_TYPEATTR) == cls) {
        ways[1] = *e;
    } else {
        ways[1] = ways[0];
        ways[0] = *e;
    }
}

__attribute__((noinline)) static py_val_t load_attr_slow(py_code_t *co, uint32_t arg, py_val_t obj) {
    code_cache(co);
    py_val_t name = py_as_tuple(co->names)->items[arg];
    py_val_t v = py_getattr(obj, name);
    acache_t e;
    if (attr_learn(obj, name, v, PY_NULL, &e)) attr_remember(((ncache_t *)co->cache)[arg].ld, &e);
    return v;
}

/* LOAD_METHOD's slow path: sp[-1] is the receiver; writes [meth self]. */
__attribute__((noinline)) static void load_method_slow(py_code_t *co, uint32_t arg, py_val_t *sp) {
    code_cache(co);
    py_val_t name = py_as_tuple(co->names)->items[arg];
    py_val_t obj = sp[-1];
    /* self is written straight into its stack slot: an address-taken C
     * local would be a conservative GC root keeping the last receiver
     * alive (a whole list after `l.append` ran out of memory). */
    sp[0] = PY_NULL;
    sp[-1] = py_load_method(obj, name, sp);
    acache_t e;
    if (attr_learn(obj, name, sp[-1], sp[0], &e)) attr_remember(((ncache_t *)co->cache)[arg].ld, &e);
}

/* STORE_ATTR's slow path, learning when obj.name = v went into the instance
 * dict by the generic rule (no __setattr__, no data descriptor). */
__attribute__((noinline)) static void store_attr_slow(py_code_t *co, uint32_t arg, py_val_t obj, py_val_t v) {
    code_cache(co);
    py_val_t name = py_as_tuple(co->names)->items[arg];
    py_setattr(obj, name, v);
    py_type_t *t = py_type_of(obj);
    if (!(t->flags & PY_TF_HEAP) || (t->flags & PY_TF_LAYOUT_TYPE) || !t->dict_offset || name == PYN(__dict__))
        return;
    if (t->base && t->base != &py_type_object && t->base->setattr) return;
    if (py_type_lookup(t, PYN(__setattr__)) != py_type_lookup(&py_type_object, PYN(__setattr__))) return;
    py_dict_t *cd;
    int32_t ci;
    if (!mro_find(t, name, &cd, &ci)) return;
    if (cd) {
        py_val_t ca = cd->entries[ci].value;
        if (!plain_attr(ca) && !py_is_type(ca, &py_type_function) && !py_is_type(ca, &py_type_cfunc) &&
            !py_is_type(ca, &py_type_staticmethod) && !py_is_type(ca, &py_type_classmethod))
            return;
    }
    py_val_t d = *inst_dict_slot(obj, t);
    if (!py_is_obj(d)) return;
    int32_t ix = py_dict_index_interned(d, name);
    py_dict_t *dd = py_as_ptr(d);
    if (ix < 0 || dd->entries[ix].key != name || dd->entries[ix].value != v) return;
    acache_t *c = &((ncache_t *)co->cache)[arg].st;
    c->kind = AK_STORE;
    c->type = t;
    c->epoch = py_type_epoch;
    c->idx = ix;
}

static void store_name(py_frame_t *f, py_val_t name, py_val_t v) {
    py_val_t ns = f->locals;
    if (py_is_null(ns)) py_raise_msg(&py_type_SystemError, "no locals found when storing '%s'", py_str_data(name));
    if (py_is_instance(ns, &py_type_dict) && py_is_type(ns, &py_type_dict)) py_dict_set(ns, name, v);
    else py_setitem(ns, name, v);
}

static void delete_name(py_frame_t *f, py_val_t name) {
    py_val_t ns = f->locals;
    if (py_is_null(ns)) py_raise_msg(&py_type_SystemError, "no locals when deleting '%s'", py_str_data(name));
    if (py_is_type(ns, &py_type_dict)) {
        if (!py_dict_del(ns, name)) raise_name_error(name);
        return;
    }
    py_try_t t;
    if (py_try(&t)) {
        py_delitem(ns, name);
        py_try_end(&t);
        return;
    }
    if (py_exc_matches(t.exc, py_obj(&py_type_KeyError))) raise_name_error(name);
    py_raise(t.exc);
}

static bool is_iterable_type(py_val_t v) {
    py_type_t *t = py_type_of(v);
    if (t->flags & PY_TF_HEAP) {
        if (!py_is_null(py_type_lookup(t, PYN(__iter__))) || !py_is_null(py_type_lookup(t, PYN(__getitem__))))
            return true;
        t = t->base; /* the builtin layout base, e.g. list for a list subclass */
        if (!t) return false;
    }
    return t->iter || t->getitem;
}

/* Unpacks a non-list/tuple iterable into dst[0..n) as the stack wants it:
 * item0 at dst[n-1] (on top). */
static void unpack_iter(py_val_t seq, size_t n, py_val_t *dst) {
    if (!is_iterable_type(seq))
        py_raise_msg(&py_type_TypeError, "cannot unpack non-iterable %s object", py_type_name(seq));
    py_val_t it = py_iter(seq);
    for (size_t i = 0; i < n; i++) {
        py_val_t v = py_next(it);
        if (py_is_null(v))
            py_raise_msg(&py_type_ValueError, "not enough values to unpack (expected %zu, got %zu)", n, i);
        dst[n - 1 - i] = v;
    }
    if (!py_is_null(py_next(it))) py_raise_msg(&py_type_ValueError, "too many values to unpack (expected %zu)", n);
}

/* UNPACK_EX: returns the stack pointer after pushing. */
static py_val_t *unpack_ex(py_val_t seq, uint32_t arg, py_val_t *sp) {
    size_t before = arg & 0xFF, after = arg >> 8;
    size_t n;
    py_val_t *items;
    py_val_t lst;
    if (py_seq_items(seq, &n, &items)) {
        lst = seq;
    } else {
        if (!is_iterable_type(seq))
            py_raise_msg(&py_type_TypeError, "cannot unpack non-iterable %s object", py_type_name(seq));
        lst = py_list_from_iter(seq);
        py_seq_items(lst, &n, &items);
    }
    if (n < before + after)
        py_raise_msg(&py_type_ValueError, "not enough values to unpack (expected at least %zu, got %zu)",
                     before + after, n);
    py_val_t mid = py_list_from_array(n - before - after, items + before);
    /* the source may be a list mutated by nobody since: items are stable here */
    py_seq_items(lst, &n, &items);
    for (size_t i = 0; i < after; i++) *sp++ = items[n - 1 - i];
    *sp++ = mid;
    for (size_t i = before; i > 0; i--) *sp++ = items[i - 1];
    return sp;
}

static py_val_t import_from(py_val_t mod, py_val_t name) {
    py_val_t v = py_getattr_opt(mod, name);
    if (!py_is_null(v)) return v;
    /* a submodule imported as a side effect is in sys.modules */
    py_val_t mname = py_getattr_opt(mod, PYN(__name__));
    if (py_is_str(mname)) {
        py_val_t full = py_str_printf("%s.%s", py_str_data(mname), py_str_data(name));
        v = py_dict_get(py_sys_modules(), full);
        if (!py_is_null(v)) return v;
        py_raise_msg(&py_type_ImportError, "cannot import name '%s' from '%s'", py_str_data(name),
                     py_str_data(mname));
    }
    py_raise_msg(&py_type_ImportError, "cannot import name '%s'", py_str_data(name));
}

static void import_star(py_frame_t *f, py_val_t mod) {
    py_val_t ns = py_is_null(f->locals) ? f->globals : f->locals;
    py_val_t all = py_getattr_opt(mod, PYN(__all__));
    if (!py_is_null(all)) {
        py_val_t it = py_iter(all);
        for (py_val_t k; !py_is_null(k = py_next(it));) {
            if (py_is_str(k)) k = py_intern_str(k);
            py_val_t v = py_getattr(mod, k);
            if (py_is_type(ns, &py_type_dict)) py_dict_set(ns, k, v);
            else py_setitem(ns, k, v);
        }
        return;
    }
    py_val_t d = py_getattr(mod, PYN(__dict__));
    size_t pos = 0;
    py_val_t k, v;
    while (py_dict_next(d, &pos, &k, &v)) {
        if (!py_is_str(k) || py_str_data(k)[0] == '_') continue;
        if (py_is_type(ns, &py_type_dict)) py_dict_set(ns, k, v);
        else py_setitem(ns, k, v);
    }
}

static void check_exc_class(py_val_t t) {
    if (py_is_type(t, &py_type_tuple)) {
        py_tuple_t *tt = py_as_tuple(t);
        for (size_t i = 0; i < tt->len; i++) check_exc_class(tt->items[i]);
        return;
    }
    if (!is_exc_type(t))
        py_raise_msg(&py_type_TypeError, "catching classes that do not inherit from BaseException is not allowed");
}

PY_NORETURN static void do_raise(py_val_t exc, py_val_t cause) {
    py_val_t inst = py_exc_instance(exc);
    if (!py_is_null(cause)) {
        py_val_t c;
        if (py_is_none(cause)) c = PY_NONE;
        else if (is_exc_type(cause)) c = py_exc_instance(cause);
        else if (is_exc_instance(cause)) c = cause;
        else py_raise_msg(&py_type_TypeError, "exception causes must derive from BaseException");
        py_exc_t *e = py_as_ptr(inst);
        e->cause = c;
        e->suppress_context = 1;
    }
    py_raise(inst);
}

/* Looks a special method up on the type and returns it bound to obj (for
 * the exit callables kept on the stack) or PY_NULL. */
static py_val_t special_bound(py_val_t obj, py_val_t name) {
    if (py_is_null(py_type_lookup(py_type_of(obj), name))) return PY_NULL;
    py_val_t self = PY_NULL;
    py_val_t m = py_load_method(obj, name, &self);
    return py_is_null(self) ? m : py_bound_method_new(self, m);
}

static py_val_t call_special(py_val_t obj, py_val_t name) {
    py_val_t self = PY_NULL;
    py_val_t m = py_load_method(obj, name, &self);
    return py_is_null(self) ? py_call(m, 0, NULL, PY_NULL) : py_call(m, 1, &self, PY_NULL);
}

static py_val_t call_exit(py_val_t exit, py_val_t exc) {
    py_val_t args[3];
    if (py_is_null(exc) || py_is_none(exc)) {
        args[0] = args[1] = args[2] = PY_NONE;
    } else {
        args[0] = py_obj(py_type_of(exc));
        args[1] = exc;
        args[2] = PY_NONE;
    }
    return py_call(exit, 3, args, PY_NULL);
}

static py_val_t builtin_named(const char *name) {
    py_val_t v = py_dict_get(builtins_dict(), py_intern(name));
    if (py_is_null(v)) py_raise_msg(&py_type_NameError, "name '%s' is not defined", name);
    return v;
}

static void print_expr(py_val_t v) {
    if (py_is_none(v)) return;
    py_dict_set(builtins_dict(), PYN(_), PY_NONE);
    py_call1(builtin_named("print"), py_repr(v));
    py_dict_set(builtins_dict(), PYN(_), v);
}

static py_val_t format_value(py_val_t v, uint32_t arg, py_val_t spec) {
    switch (arg & 3) {
    case 1: v = py_str(v); break;
    case 2: v = py_repr(v); break;
    case 3: v = py_call1(builtin_named("ascii"), v); break;
    default: break;
    }
    if (py_is_null(spec)) {
        if (py_is_type(v, &py_type_str)) return v;
        spec = py_str_new("", 0);
    }
    return py_format_value(v, spec);
}

static py_val_t build_string(size_t n, const py_val_t *items) {
    if (n == 1 && py_is_type(items[0], &py_type_str)) return items[0];
    py_sb_t sb;
    py_sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        /* exact str only: a str subclass instance is not a py_str_t (its print slot renders it) */
        if (py_is_type(items[i], &py_type_str)) py_sb_add(&sb, py_str_data(items[i]), py_str_len(items[i]));
        else py_print_to(&sb, items[i], PY_PRINT_STR);
    }
    return py_sb_to_str(&sb);
}

static void list_extend(py_val_t list, py_val_t it) {
    size_t n;
    py_val_t *items;
    if (py_seq_items(it, &n, &items) && it != list) {
        for (size_t i = 0; i < n; i++) {
            py_seq_items(it, &n, &items);
            if (i >= n) break;
            py_list_append(list, items[i]);
        }
        return;
    }
    if (!is_iterable_type(it))
        py_raise_msg(&py_type_TypeError, "Value after * must be an iterable, not %s", py_type_name(it));
    py_val_t iter = py_iter(it);
    for (py_val_t v; !py_is_null(v = py_next(iter));) py_list_append(list, v);
}

static void set_update(py_val_t set, py_val_t it) {
    py_val_t iter = py_iter(it);
    for (py_val_t v; !py_is_null(v = py_next(iter));) py_set_add(set, v);
}

/* CPython's name of a callee in call-site errors: "__main__.C.m", but
 * "print" for builtins (module.qualname, the module left out for builtins). */
static const char *callee_name(py_val_t f, char *buf, size_t n) {
    py_val_t q = py_getattr_opt(f, PYN(__qualname__));
    if (!py_is_str(q)) q = py_getattr_opt(f, PYN(__name__));
    if (!py_is_str(q)) return py_type_name(f);
    py_val_t m = py_getattr_opt(f, PYN(__module__));
    if (py_is_str(m) && strcmp(py_str_data(m), "builtins") != 0)
        snprintf(buf, n, "%s.%s", py_str_data(m), py_str_data(q));
    else
        snprintf(buf, n, "%s", py_str_data(q));
    return buf;
}

static bool is_mapping(py_val_t m) {
    return py_is_instance(m, &py_type_dict) || !py_is_null(py_getattr_opt(m, PYN(keys)));
}

/* DICT_UPDATE / DICT_MERGE; callee (for messages) may be PY_NULL. */
static void dict_merge(py_val_t d, py_val_t m, bool merge, py_val_t callee) {
    char buf[128];
    if (!merge) {
        if (!is_mapping(m)) py_raise_msg(&py_type_TypeError, "'%s' object is not a mapping", py_type_name(m));
        py_dict_update(d, m);
        return;
    }
    const char *fname = py_is_null(callee) ? "function" : callee_name(callee, buf, sizeof buf);
    if (!is_mapping(m))
        py_raise_msg(&py_type_TypeError, "%s() argument after ** must be a mapping, not %s", fname, py_type_name(m));
    if (py_is_instance(m, &py_type_dict)) {
        size_t pos = 0;
        py_val_t k, v;
        while (py_dict_next(m, &pos, &k, &v)) {
            if (!py_is_null(py_dict_get(d, k))) {
                if (py_is_str(k))
                    py_raise_msg(&py_type_TypeError, "%s() got multiple values for keyword argument '%s'", fname,
                                 py_str_data(k));
                py_raise_msg(&py_type_TypeError, "keywords must be strings");
            }
            py_dict_set(d, k, v);
        }
        return;
    }
    py_val_t keys = py_call_method(m, PYN(keys), 0, NULL);
    py_val_t it = py_iter(keys);
    for (py_val_t k; !py_is_null(k = py_next(it));) {
        if (!py_is_null(py_dict_get(d, k))) {
            if (py_is_str(k))
                py_raise_msg(&py_type_TypeError, "%s() got multiple values for keyword argument '%s'", fname,
                             py_str_data(k));
        }
        py_dict_set(d, k, py_getitem(m, k));
    }
}

/* CALL_FUNCTION_EX: flattens (args, kwargs) into argv + kwnames.  Returns a
 * tuple holding the values (kept alive by the caller's C stack). */
static py_val_t explode_call(py_val_t callee, py_val_t args, py_val_t kwargs, py_val_t *kwn_out) {
    char buf[128];
    size_t n;
    py_val_t *items;
    if (!py_is_type(args, &py_type_tuple)) {
        if (!py_is_type(args, &py_type_list) && !is_iterable_type(args))
            py_raise_msg(&py_type_TypeError, "%s() argument after * must be an iterable, not %s",
                         callee_name(callee, buf, sizeof buf), py_type_name(args));
        args = py_list_from_iter(args);
    }
    py_seq_items(args, &n, &items);
    *kwn_out = PY_NULL;
    size_t nkw = 0;
    if (!py_is_null(kwargs) && !py_is_none(kwargs)) {
        if (!py_is_instance(kwargs, &py_type_dict)) {
            py_val_t d = py_dict_new();
            dict_merge(d, kwargs, true, callee);
            kwargs = d;
        }
        nkw = py_dict_len(kwargs);
    }
    if (nkw == 0) return py_is_type(args, &py_type_tuple) ? args : py_tuple_from_array(n, items);
    py_val_t all = py_tuple_new(n + nkw);
    py_val_t kwn = py_tuple_new(nkw);
    py_seq_items(args, &n, &items);
    py_tuple_t *at = py_as_tuple(all), *kt = py_as_tuple(kwn);
    for (size_t i = 0; i < n && i < at->len; i++) at->items[i] = items[i];
    size_t pos = 0, j = 0;
    py_val_t k, v;
    while (j < nkw && py_dict_next(kwargs, &pos, &k, &v)) {
        if (!py_is_str(k))
            py_raise_msg(&py_type_TypeError, "keywords must be strings");
        kt->items[j] = py_intern_str(k);
        at->items[n + j] = v;
        j++;
    }
    at->len = n + j;
    kt->len = j;
    *kwn_out = kwn;
    return all;
}

/* ------------------------------------------------------------ the loop */

#if defined(__GNUC__) && !defined(PY_VM_NO_COMPUTED_GOTO)
#define USE_GOTO 1
#else
#define USE_GOTO 0
#endif

static inline bool fast_truth(py_val_t v) {
    if (v == PY_TRUE) return true;
    if (v == PY_FALSE || v == PY_NONE) return false;
    if (py_is_small(v)) return py_as_small(v) != 0;
    return py_truthy(v);
}

/* Small-int arithmetic; returns PY_NULL when the result needs the slow path. */
/* `x += b` on strs, the result about to be stored into the variable x (the
 * next instruction is the store; str_uniq.h has the protocol).  a->uniq == 2
 * says the load that put a on the stack is the only read of a since it was
 * stored, so the variable and that stack slot are its only references: b is
 * appended in the spare capacity, in place.  Otherwise the result is a new
 * str with room to grow, unshared until the store, so it starts at 1. */
static py_val_t str_iadd(py_val_t av, py_val_t bv) {
    py_str_t *a = py_as_ptr(av), *b = py_as_ptr(bv);
    if (b->len == 0) return av;
    size_t n = a->len + b->len;
    if (a->uniq == 2) {
        size_t cap = py_gc_block_size(a) - offsetof(py_str_t, data) - 1;
        if (n <= cap && n >= a->len) {
            memcpy(a->data + a->len, b->data, b->len);
            a->data[n] = 0;
            a->len = n;
            a->nchars += b->nchars;
            a->ascii = a->ascii && b->ascii;
            a->hash = 0;
            a->uniq = 1;
            return av;
        }
    }
    if (a->len == 0 && n < 32) return bv;
    if (n < a->len || n > ((size_t)1 << 46)) py_raise_no_memory();
    size_t cap = n + n / 2 + 16;
    py_str_t *r = py_str_alloc(cap);
    memcpy(r->data, a->data, a->len);
    memcpy(r->data + a->len, b->data, b->len);
    r->data[n] = 0;
    r->len = n;
    r->nchars = a->nchars + b->nchars;
    r->ascii = a->ascii && b->ascii;
    r->uniq = 1;
    return py_obj(r);
}

static inline py_val_t small_binop(uint32_t op, int64_t x, int64_t y) {
    int64_t r;
    switch (op) {
    case PY_OP_ADD: r = x + y; break;
    case PY_OP_SUB: r = x - y; break;
    case PY_OP_MUL:
        if (__builtin_mul_overflow(x, y, &r)) return PY_NULL;
        break;
    case PY_OP_FLOORDIV:
        if (y == 0) return PY_NULL;
        r = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) r--;
        break;
    case PY_OP_MOD:
        if (y == 0) return PY_NULL;
        r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        break;
    case PY_OP_TRUEDIV:
        if (y == 0) return PY_NULL;
        return py_float((double)x / (double)y);
    case PY_OP_AND: r = x & y; break;
    case PY_OP_OR: r = x | y; break;
    case PY_OP_XOR: r = x ^ y; break;
    case PY_OP_LSHIFT:
        if (y < 0 || y >= 48) return PY_NULL;
        r = (int64_t)((uint64_t)x << y);
        if ((r >> y) != x) return PY_NULL;
        break;
    case PY_OP_RSHIFT:
        if (y < 0) return PY_NULL;
        r = y >= 63 ? (x < 0 ? -1 : 0) : x >> y;
        break;
    default: return PY_NULL;
    }
    return py_fits_small(r) ? py_small(r) : PY_NULL;
}

static inline py_val_t float_binop(uint32_t op, double x, double y) {
    switch (op) {
    case PY_OP_ADD: return py_float(x + y);
    case PY_OP_SUB: return py_float(x - y);
    case PY_OP_MUL: return py_float(x * y);
    case PY_OP_TRUEDIV:
        if (y == 0) return PY_NULL;
        return py_float(x / y);
    default: return PY_NULL;
    }
}

static inline int cmp_result(uint32_t op, int c) {
    switch (op) {
    case PY_CMP_LT: return c < 0;
    case PY_CMP_LE: return c <= 0;
    case PY_CMP_EQ: return c == 0;
    case PY_CMP_NE: return c != 0;
    case PY_CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

static inline py_val_t float_cmp(uint32_t op, double x, double y) {
    switch (op) {
    case PY_CMP_LT: return py_bool(x < y);
    case PY_CMP_LE: return py_bool(x <= y);
    case PY_CMP_EQ: return py_bool(x == y);
    case PY_CMP_NE: return py_bool(x != y);
    case PY_CMP_GT: return py_bool(x > y);
    default: return py_bool(x >= y);
    }
}

#define GEN_FLAGS (PY_CODE_GENERATOR | PY_CODE_COROUTINE | PY_CODE_ASYNC_GENERATOR)

static py_val_t loop(void) {
    py_frame_t *f = vm.frame;
    py_code_t *code;
    const uint32_t *ip;
    py_val_t *sp, *fast;
    const py_val_t *consts, *names;
    uint32_t word, arg;
    /* call state shared by the CALL_* ops */
    py_val_t callee, kwn, *rs;
    const py_val_t *cargv;
    int cargc;

#define LOAD_FRAME()                                   \
    do {                                               \
        code = f->code;                                \
        ip = f->ip;                                    \
        sp = f->sp;                                    \
        fast = f->fast;                                \
        consts = py_as_tuple(code->consts)->items;     \
        names = py_as_tuple(code->names)->items;       \
    } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define JUMP_TO(n) (ip = code->ops + (n))
/* f->ip is the resume point for calls and generators and names the failing
 * instruction in tracebacks: ops that can raise, call or suspend save it
 * first; the few pure ones do not, to keep them short. */
#define SAVE() (f->ip = ip)
#define TRUTH(v)                                                                                  \
    ((v) == PY_TRUE ? true                                                                      \
     : ((v) == PY_FALSE || (v) == PY_NONE) ? false                                              \
     : py_is_small(v)                      ? py_as_small(v) != 0                                \
                                           : (SAVE(), py_truthy(v)))

#if USE_GOTO
    static const void *labels[256];
    static bool labels_ready;
    if (!labels_ready) {
        for (int i = 0; i < 256; i++) labels[i] = &&L_bad_opcode;
#define SET_LABEL(name) labels[OP_##name] = &&L_##name;
        PY_OPCODES(SET_LABEL)
#undef SET_LABEL
        labels_ready = true;
    }
#define TARGET(name) L_##name:
#define NEXT()                              \
    do {                                    \
        word = *ip++;                       \
        arg = PY_ARG(word);                 \
        goto *labels[PY_OP(word)];          \
    } while (0)
#else
#define TARGET(name) case OP_##name:
#define NEXT() goto dispatch
#endif

    LOAD_FRAME();
#if USE_GOTO
    NEXT();
    {
#else
dispatch:
    word = *ip++;
    arg = PY_ARG(word);
    switch (PY_OP(word)) {
#endif

    TARGET(NOP) { NEXT(); }

    TARGET(POP_TOP) {
        sp--;
        NEXT();
    }

    TARGET(ROT_TWO) {
        py_val_t a = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = a;
        NEXT();
    }

    TARGET(ROT_THREE) {
        py_val_t c = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = c;
        NEXT();
    }

    TARGET(ROT_FOUR) {
        py_val_t d = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = sp[-4];
        sp[-4] = d;
        NEXT();
    }

    TARGET(DUP_TOP) {
        py_val_t a = sp[-1];
        PUSH(a);
        NEXT();
    }

    TARGET(DUP_TOP_TWO) {
        py_val_t a = sp[-2], b = sp[-1];
        PUSH(a);
        PUSH(b);
        NEXT();
    }

    TARGET(LOAD_CONST) {
        PUSH(consts[arg]);
        NEXT();
    }

    TARGET(LOAD_NONE) {
        PUSH(PY_NONE);
        NEXT();
    }

    TARGET(LOAD_TRUE) {
        PUSH(PY_TRUE);
        NEXT();
    }

    TARGET(LOAD_FALSE) {
        PUSH(PY_FALSE);
        NEXT();
    }

    TARGET(LOAD_SMALL_INT) {
        PUSH(py_small((int64_t)arg - PY_SMALL_INT_BIAS));
        NEXT();
    }

    TARGET(LOAD_FAST) {
        py_val_t v = fast[arg];
        if (py_is_null(v)) {
            SAVE();
            raise_unbound_local(code, arg);
        }
        PUSH(py_str_touch(v));
        NEXT();
    }

    TARGET(STORE_FAST) {
        fast[arg] = POP();
        NEXT();
    }

    TARGET(DELETE_FAST) {
        if (py_is_null(fast[arg])) {
            SAVE();
            raise_unbound_local(code, arg);
        }
        fast[arg] = PY_NULL;
        NEXT();
    }

    TARGET(LOAD_DEREF) {
        py_val_t v = ((py_cell_t *)py_as_ptr(fast[code->nlocals + arg]))->value;
        if (py_is_null(v)) {
            SAVE();
            raise_unbound_cell(code, arg);
        }
        PUSH(py_str_touch(v));
        NEXT();
    }

    TARGET(STORE_DEREF) {
        ((py_cell_t *)py_as_ptr(fast[code->nlocals + arg]))->value = POP();
        NEXT();
    }

    TARGET(DELETE_DEREF) {
        py_cell_t *c = py_as_ptr(fast[code->nlocals + arg]);
        if (py_is_null(c->value)) {
            SAVE();
            raise_unbound_cell(code, arg);
        }
        c->value = PY_NULL;
        NEXT();
    }

    TARGET(LOAD_CLOSURE) {
        PUSH(fast[code->nlocals + arg]);
        NEXT();
    }

    TARGET(LOAD_CLASSDEREF) {
        SAVE();
        py_val_t v = PY_NULL;
        if (!py_is_null(f->locals)) v = ns_get(f->locals, cell_name(code, arg));
        if (py_is_null(v)) {
            v = ((py_cell_t *)py_as_ptr(fast[code->nlocals + arg]))->value;
            if (py_is_null(v)) raise_unbound_cell(code, arg);
            py_str_touch(v);
        }
        PUSH(v);
        NEXT();
    }

    TARGET(LOAD_NAME) {
        /* module code: the locals are the globals, LOAD_GLOBAL's cache serves */
        if (f->locals == f->globals) {
            py_val_t v = global_hit(f, code, arg, names[arg]);
            if (py_is_null(v)) {
                SAVE();
                v = load_global_slow(f, arg);
            }
            PUSH(v);
            NEXT();
        }
        SAVE();
        PUSH(load_name(f, names[arg]));
        NEXT();
    }

    TARGET(STORE_NAME) {
        py_val_t v = POP();
        if (f->locals == f->globals && code->cache) {
            /* rebinding a module global the cache knows: the key check suffices */
            gcache_t *c = &((ncache_t *)code->cache)[arg].g;
            py_dict_t *g = py_as_ptr(f->globals);
            if (c->g == g && c->gidx >= 0) {
                py_dict_entry_t *e = entry_at(g, c->gidx, names[arg]);
                if (e) {
                    e->value = v;
                    NEXT();
                }
            }
        }
        SAVE();
        store_name(f, names[arg], v);
        NEXT();
    }

    TARGET(DELETE_NAME) {
        SAVE();
        delete_name(f, names[arg]);
        NEXT();
    }

    TARGET(LOAD_GLOBAL) {
        py_val_t v = global_hit(f, code, arg, names[arg]);
        if (py_is_null(v)) {
            SAVE();
            v = load_global_slow(f, arg);
        }
        PUSH(v);
        NEXT();
    }

    TARGET(STORE_GLOBAL) {
        SAVE();
        py_val_t v = POP();
        py_dict_set(f->globals, names[arg], v);
        NEXT();
    }

    TARGET(DELETE_GLOBAL) {
        SAVE();
        if (!py_dict_del(f->globals, names[arg])) raise_name_error(names[arg]);
        NEXT();
    }

    TARGET(LOAD_ATTR) {
        if (code->cache) {
            acache_t *c = ((ncache_t *)code->cache)[arg].ld;
            py_val_t v, self, obj = sp[-1];
            /* the commonest hit inline: an instance's own attribute */
            if (c->kind == AK_INST && py_is_obj(obj) && py_obj_type(obj) == c->type && c->epoch == py_type_epoch) {
                py_val_t d = *inst_dict_slot(obj, c->type);
                py_dict_entry_t *e;
                if (py_is_obj(d) && (e = entry_at(py_as_ptr(d), c->idx, names[arg]))) {
                    sp[-1] = py_str_touch(e->value);
                    NEXT();
                }
            }
            if (attr_hit(&c[0], sp[-1], names[arg], &v, &self) || attr_hit(&c[1], sp[-1], names[arg], &v, &self)) {
                if (py_is_null(self)) {
                    sp[-1] = v;
                    NEXT();
                }
                if (py_is_type(v, &py_type_function)) {
                    SAVE();
                    sp[-1] = py_bound_method_new(self, v);
                    NEXT();
                }
            }
        }
        SAVE();
        sp[-1] = load_attr_slow(code, arg, sp[-1]);
        NEXT();
    }

    TARGET(STORE_ATTR) {
        py_val_t obj = sp[-1], v = sp[-2];
        sp -= 2;
        if (code->cache) {
            acache_t *c = &((ncache_t *)code->cache)[arg].st;
            if (c->kind == AK_STORE && c->epoch == py_type_epoch && py_type_of(obj) == c->type) {
                py_val_t d = *inst_dict_slot(obj, c->type);
                py_dict_entry_t *e;
                if (py_is_obj(d) && (e = entry_at(py_as_ptr(d), c->idx, names[arg]))) {
                    e->value = v;
                    NEXT();
                }
            }
        }
        SAVE();
        store_attr_slow(code, arg, obj, v);
        NEXT();
    }

    TARGET(DELETE_ATTR) {
        SAVE();
        py_val_t obj = POP();
        py_delattr(obj, names[arg]);
        NEXT();
    }

    TARGET(LOAD_METHOD) {
        if (code->cache) {
            acache_t *c = ((ncache_t *)code->cache)[arg].ld;
            py_val_t obj = sp[-1];
            /* the commonest hit inline: a method of the receiver's class */
            if (c->kind == AK_METHOD && c->epoch == py_type_epoch) {
                py_type_t *t = py_type_of(obj);
                py_dict_entry_t *e;
                if (t == c->type && (e = entry_at(c->where, c->idx, names[arg])) && e->value == c->val &&
                    inst_lacks(obj, t, names[arg])) {
                    sp[-1] = c->val;
                    sp[0] = obj;
                    sp++;
                    NEXT();
                }
            }
            if (attr_hit(&c[0], sp[-1], names[arg], &sp[-1], &sp[0]) ||
                attr_hit(&c[1], sp[-1], names[arg], &sp[-1], &sp[0])) {
                sp++;
                NEXT();
            }
        }
        SAVE();
        load_method_slow(code, arg, sp);
        sp++;
        NEXT();
    }

    TARGET(BINARY_SUBSCR) {
        py_val_t key = sp[-1], obj = sp[-2];
        if (py_is_small(key) && py_is_obj(obj)) {
            py_type_t *t = py_obj_type(obj);
            int64_t i = py_as_small(key);
            if (t == &py_type_list) {
                py_list_t *l = py_as_ptr(obj);
                if (i < 0) i += (int64_t)l->len;
                if (i >= 0 && (uint64_t)i < l->len) {
                    sp[-2] = l->items[i];
                    sp--;
                    NEXT();
                }
            } else if (t == &py_type_tuple) {
                py_tuple_t *tu = py_as_ptr(obj);
                if (i < 0) i += (int64_t)tu->len;
                if (i >= 0 && (uint64_t)i < tu->len) {
                    sp[-2] = tu->items[i];
                    sp--;
                    NEXT();
                }
            }
        }
        SAVE();
        sp[-2] = py_getitem(obj, key);
        sp--;
        NEXT();
    }

    TARGET(STORE_SUBSCR) {
        py_val_t key = sp[-1], obj = sp[-2], v = sp[-3];
        sp -= 3;
        if (py_is_small(key) && py_is_type(obj, &py_type_list)) {
            py_list_t *l = py_as_ptr(obj);
            int64_t i = py_as_small(key);
            if (i < 0) i += (int64_t)l->len;
            if (i >= 0 && (uint64_t)i < l->len) {
                l->items[i] = v;
                NEXT();
            }
        }
        SAVE();
        py_setitem(obj, key, v);
        NEXT();
    }

    TARGET(DELETE_SUBSCR) {
        SAVE();
        py_val_t key = sp[-1], obj = sp[-2];
        sp -= 2;
        py_delitem(obj, key);
        NEXT();
    }

    TARGET(BUILD_SLICE) {
        SAVE();
        if (arg == 3) {
            py_val_t s = py_slice_new(sp[-3], sp[-2], sp[-1]);
            sp -= 2;
            sp[-1] = s;
        } else {
            py_val_t s = py_slice_new(sp[-2], sp[-1], PY_NONE);
            sp -= 1;
            sp[-1] = s;
        }
        NEXT();
    }

    TARGET(BINARY_OP) {
        py_val_t b = sp[-1], a = sp[-2];
        uint32_t op = arg >= PY_OP_INPLACE ? arg - PY_OP_INPLACE : arg;
        py_val_t r;
        if (py_is_small(a) && py_is_small(b)) {
            r = small_binop(op, py_as_small(a), py_as_small(b));
            if (!py_is_null(r)) goto binop_done;
        } else if (py_is_float(a)) {
            if (py_is_float(b)) {
                r = float_binop(op, py_as_float(a), py_as_float(b));
                if (!py_is_null(r)) goto binop_done;
            } else if (py_is_small(b)) {
                r = float_binop(op, py_as_float(a), (double)py_as_small(b));
                if (!py_is_null(r)) goto binop_done;
            }
        } else if (py_is_small(a) && py_is_float(b)) {
            r = float_binop(op, (double)py_as_small(a), py_as_float(b));
            if (!py_is_null(r)) goto binop_done;
        }
        if (arg == PY_OP_INPLACE + PY_OP_ADD && py_is_obj(a) && py_obj_type(a) == &py_type_str && py_is_obj(b) &&
            py_obj_type(b) == &py_type_str) {
            uint32_t nop = PY_OP(*ip);
            if (nop == OP_STORE_FAST || (nop == OP_STORE_GLOBAL && py_is_type(f->globals, &py_type_dict)) ||
                (nop == OP_STORE_NAME && py_is_type(f->locals, &py_type_dict))) {
                SAVE();
                r = str_iadd(a, b);
                goto binop_done;
            }
        }
        SAVE();
        r = py_binary((py_binop_t)arg, a, b);
    binop_done:
        sp[-2] = r;
        sp--;
        NEXT();
    }

    TARGET(COMPARE_OP) {
        py_val_t b = sp[-1], a = sp[-2];
        py_val_t r;
        if (py_is_small(a) && py_is_small(b)) {
            int64_t x = py_as_small(a), y = py_as_small(b);
            bool c = cmp_result(arg, (x > y) - (x < y));
            /* compare-and-branch: consume the jump that almost always follows */
            uint32_t nw = *ip;
            if (PY_OP(nw) == OP_POP_JUMP_IF_FALSE || PY_OP(nw) == OP_POP_JUMP_IF_TRUE) {
                ip++;
                sp -= 2;
                if (c == (PY_OP(nw) == OP_POP_JUMP_IF_TRUE)) {
                    if (code->ops + PY_ARG(nw) < ip && py_poll_due()) {
                        SAVE();
                        py_handle_pending();
                    }
                    JUMP_TO(PY_ARG(nw));
                }
                NEXT();
            }
            r = py_bool(c);
        } else if (py_is_float(a) && py_is_float(b)) {
            r = float_cmp(arg, py_as_float(a), py_as_float(b));
        } else if (py_is_float(a) && py_is_small(b)) {
            r = float_cmp(arg, py_as_float(a), (double)py_as_small(b));
        } else if (py_is_small(a) && py_is_float(b)) {
            r = float_cmp(arg, (double)py_as_small(a), py_as_float(b));
        } else {
            SAVE();
            r = py_compare((py_cmpop_t)arg, a, b);
        }
        sp[-2] = r;
        sp--;
        NEXT();
    }

    TARGET(IS_OP) {
        bool r = sp[-2] == sp[-1];
        sp[-2] = py_bool(r != (arg != 0));
        sp--;
        NEXT();
    }

    TARGET(CONTAINS_OP) {
        SAVE();
        bool r = py_contains(sp[-1], sp[-2]);
        sp[-2] = py_bool(r != (arg != 0));
        sp--;
        NEXT();
    }

    TARGET(UNARY_OP) {
        py_val_t v = sp[-1];
        if (arg == PY_UNARY_NEG && py_is_small(v) && py_as_small(v) != PY_SMALL_MIN) {
            sp[-1] = py_small(-py_as_small(v));
        } else if (arg == PY_UNARY_NEG && py_is_float(v)) {
            sp[-1] = py_float(-py_as_float(v));
        } else {
            SAVE();
            sp[-1] = py_unary((py_unop_t)arg, v);
        }
        NEXT();
    }

    TARGET(UNARY_NOT) {
        py_val_t v = sp[-1];
        sp[-1] = py_bool(!TRUTH(v));
        NEXT();
    }

    TARGET(JUMP) {
        if (code->ops + arg < ip && py_poll_due()) {
            SAVE();
            py_handle_pending();
        }
        JUMP_TO(arg);
        NEXT();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        py_val_t v = POP();
        if (!TRUTH(v)) {
            if (code->ops + arg < ip && py_poll_due()) {
                SAVE();
                py_handle_pending();
            }
            JUMP_TO(arg);
        }
        NEXT();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        py_val_t v = POP();
        if (TRUTH(v)) {
            if (code->ops + arg < ip && py_poll_due()) {
                SAVE();
                py_handle_pending();
            }
            JUMP_TO(arg);
        }
        NEXT();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        py_val_t v = sp[-1];
        if (!TRUTH(v)) JUMP_TO(arg);
        else sp--;
        NEXT();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        py_val_t v = sp[-1];
        if (TRUTH(v)) JUMP_TO(arg);
        else sp--;
        NEXT();
    }

    TARGET(GET_ITER) {
        SAVE();
        sp[-1] = py_iter(sp[-1]);
        NEXT();
    }

    TARGET(FOR_ITER) {
        SAVE();
        py_val_t it = sp[-1];
        py_type_t *t = py_type_of(it);
        if (t == &py_type_generator) {
            /* resume the generator's frame in this loop (no C recursion):
             * its yield pushes onto our stack, its return ends our loop */
            py_gen_t *g = py_as_ptr(it);
            if (g->state == PY_GEN_SUSPENDED || g->state == PY_GEN_CREATED) {
                if (vm.depth >= py_max_depth) raise_depth();
                py_frame_t *gf = g->frame;
                f->sp = sp;
                if (g->state == PY_GEN_SUSPENDED) *gf->sp++ = PY_NONE;
                gf->prev = f;
                gf->prev_handled = vm.handled;
                if (!py_is_null(g->handled)) vm.handled = g->handled;
                gf->top_after = vm.top;
                gf->chunk_after = vm.chunk;
                gf->flags = (gf->flags & ~(uint32_t)PY_FR_ENTRY) | PY_FR_GEN;
                g->state = PY_GEN_RUNNING;
                vm.frame = gf;
                vm.depth++;
                f = gf;
                LOAD_FRAME();
                NEXT();
            }
            if (g->state == PY_GEN_FINISHED) {
                sp--;
                JUMP_TO(arg);
                NEXT();
            }
        }
        py_val_t v = t->iternext ? t->iternext(it) : py_next(it);
        if (!py_is_null(v)) {
            PUSH(v);
            NEXT();
        }
        sp--;
        JUMP_TO(arg);
        NEXT();
    }

    TARGET(BUILD_TUPLE) {
        SAVE();
        py_val_t t = py_tuple_from_array(arg, sp - arg);
        sp -= arg;
        PUSH(t);
        NEXT();
    }

    TARGET(BUILD_LIST) {
        SAVE();
        py_val_t l = py_list_from_array(arg, sp - arg);
        sp -= arg;
        PUSH(l);
        NEXT();
    }

    TARGET(BUILD_SET) {
        SAVE();
        py_val_t s = py_set_new(false);
        for (uint32_t i = 0; i < arg; i++) py_set_add(s, sp[(int)i - (int)arg]);
        sp -= arg;
        PUSH(s);
        NEXT();
    }

    TARGET(BUILD_MAP) {
        SAVE();
        py_val_t d = py_dict_new();
        py_val_t *base = sp - 2 * arg;
        for (uint32_t i = 0; i < arg; i++) py_dict_set(d, base[2 * i], base[2 * i + 1]);
        sp = base;
        PUSH(d);
        NEXT();
    }

    TARGET(LIST_APPEND) {
        SAVE();
        py_val_t v = POP();
        py_list_append(sp[-(int)arg], v);
        NEXT();
    }

    TARGET(SET_ADD) {
        SAVE();
        py_val_t v = POP();
        py_set_add(sp[-(int)arg], v);
        NEXT();
    }

    TARGET(MAP_ADD) {
        SAVE();
        py_val_t v = sp[-1], k = sp[-2];
        sp -= 2;
        py_dict_set(sp[-(int)arg], k, v);
        NEXT();
    }

    TARGET(LIST_EXTEND) {
        SAVE();
        py_val_t it = POP();
        list_extend(sp[-(int)arg], it);
        NEXT();
    }

    TARGET(SET_UPDATE) {
        SAVE();
        py_val_t it = POP();
        set_update(sp[-(int)arg], it);
        NEXT();
    }

    TARGET(DICT_UPDATE) {
        SAVE();
        py_val_t m = POP();
        dict_merge(sp[-(int)arg], m, false, PY_NULL);
        NEXT();
    }

    TARGET(DICT_MERGE) {
        SAVE();
        py_val_t m = POP();
        py_val_t *fp = sp - (int)arg - 2;
        dict_merge(sp[-(int)arg], m, true, fp >= f->stack ? *fp : PY_NULL);
        NEXT();
    }

    TARGET(LIST_TO_TUPLE) {
        SAVE();
        py_list_t *l = py_as_ptr(sp[-1]);
        sp[-1] = py_tuple_from_array(l->len, l->items);
        NEXT();
    }

    TARGET(UNPACK_SEQUENCE) {
        SAVE();
        py_val_t seq = sp[-1];
        size_t n;
        py_val_t *items;
        if (py_seq_items(seq, &n, &items)) {
            if (n != arg) {
                if (n < arg)
                    py_raise_msg(&py_type_ValueError, "not enough values to unpack (expected %u, got %zu)", arg, n);
                py_raise_msg(&py_type_ValueError, "too many values to unpack (expected %u)", arg);
            }
            sp--;
            for (uint32_t i = arg; i > 0; i--) PUSH(items[i - 1]);
        } else {
            sp--;
            unpack_iter(seq, arg, sp);
            sp += arg;
        }
        NEXT();
    }

    TARGET(UNPACK_EX) {
        SAVE();
        py_val_t seq = POP();
        sp = unpack_ex(seq, arg, sp);
        NEXT();
    }

    TARGET(FORMAT_VALUE) {
        SAVE();
        py_val_t spec = (arg & 4) ? POP() : PY_NULL;
        sp[-1] = format_value(sp[-1], arg, spec);
        NEXT();
    }

    TARGET(BUILD_STRING) {
        SAVE();
        py_val_t s = build_string(arg, sp - arg);
        sp -= arg;
        PUSH(s);
        NEXT();
    }

    TARGET(CALL_FUNCTION) {
        cargc = (int)arg;
        cargv = sp - arg;
        rs = sp - arg - 1;
        callee = *rs;
        kwn = PY_NULL;
        goto do_call;
    }

    TARGET(CALL_FUNCTION_KW) {
        kwn = sp[-1];
        int nkw = (int)py_as_tuple(kwn)->len;
        cargv = sp - 1 - arg;
        cargc = (int)arg - nkw;
        rs = sp - 2 - arg;
        callee = *rs;
        goto do_call;
    }

    TARGET(CALL_METHOD) {
        rs = sp - arg - 2;
        callee = rs[0];
        kwn = PY_NULL;
        if (py_is_null(rs[1])) {
            cargv = rs + 2;
            cargc = (int)arg;
        } else {
            cargv = rs + 1;
            cargc = (int)arg + 1;
        }
        goto do_call;
    }

    TARGET(CALL_METHOD_KW) {
        kwn = sp[-1];
        int nkw = (int)py_as_tuple(kwn)->len;
        rs = sp - arg - 3;
        callee = rs[0];
        if (py_is_null(rs[1])) {
            cargv = rs + 2;
            cargc = (int)arg - nkw;
        } else {
            cargv = rs + 1;
            cargc = (int)arg + 1 - nkw;
        }
        goto do_call;
    }

    TARGET(CALL_FUNCTION_EX) {
        SAVE();
        py_val_t kwargs = (arg & 1) ? POP() : PY_NULL;
        py_val_t args = POP();
        rs = sp - 1;
        callee = *rs;
        py_val_t all = explode_call(callee, args, kwargs, &kwn);
        /* `all` stays reachable: it is written over the args slot */
        sp[0] = all;
        py_tuple_t *at = py_as_tuple(all);
        cargv = at->items;
        cargc = (int)at->len - (py_is_null(kwn) ? 0 : (int)py_as_tuple(kwn)->len);
        goto do_call;
    }

    do_call : {
        SAVE();
        if (py_poll_due()) py_handle_pending_call();
        if (py_is_obj(callee) && py_obj_type(callee) == &py_type_function) {
            py_func_t *fn = py_as_ptr(callee);
            py_code_t *co = fn->code;
            if (!(co->flags & (GEN_FLAGS | PY_CODE_VARARGS | PY_CODE_VARKEYWORDS)) && py_is_null(kwn) &&
                cargc == co->argcount && !co->kwonlyargcount && !co->ncells) {
                f->sp = rs;
                f = push_simple_frame(fn, co, cargc, cargv);
                LOAD_FRAME();
                NEXT();
            }
            if (!(co->flags & GEN_FLAGS)) {
                f->sp = rs;
                f = push_frame(fn, cargc, cargv, kwn);
                LOAD_FRAME();
                NEXT();
            }
        }
        py_val_t r = py_call(callee, cargc, cargv, kwn);
        sp = rs;
        PUSH(r);
        NEXT();
    }

    TARGET(MAKE_FUNCTION) {
        SAVE();
        py_val_t codev = POP();
        py_val_t closure = (arg & 8) ? POP() : PY_NULL;
        if (arg & 4) (void)POP(); /* annotations: not kept */
        py_val_t kwdefaults = (arg & 2) ? POP() : PY_NULL;
        py_val_t defaults = (arg & 1) ? POP() : PY_NULL;
        PUSH(py_func_new(codev, f->globals, defaults, kwdefaults, closure));
        NEXT();
    }

    TARGET(RETURN_VALUE) {
        py_val_t v = POP();
        if (f->flags & PY_FR_ENTRY) {
            if (f->flags & PY_FR_GEN) gen_finish(f);
            else pop_frame(f);
            vm.exit_kind = PY_RESUME_RETURN;
            return v;
        }
        if (f->flags & PY_FR_GEN) {
            /* a generator resumed by FOR_ITER finished: the loop ends */
            gen_finish(f);
            f = vm.frame;
            LOAD_FRAME();
            sp--;
            JUMP_TO(PY_ARG(ip[-1]));
            NEXT();
        }
        pop_frame(f);
        f = vm.frame;
        LOAD_FRAME();
        PUSH(v);
        NEXT();
    }

    TARGET(LOAD_BUILD_CLASS) {
        SAVE();
        py_val_t bc = py_dict_get_interned(f->builtins, PYN(__build_class__));
        if (py_is_null(bc)) {
            if (py_is_null(vm.build_class)) vm.build_class = py_cfunc_new(&build_class_def, PY_NULL);
            bc = vm.build_class;
        }
        PUSH(bc);
        NEXT();
    }

    TARGET(SETUP_EXCEPT) {
        py_block_t *b = &f->blocks[f->nblocks++];
        b->handler = arg;
        b->depth = (uint32_t)(sp - f->stack);
        NEXT();
    }

    TARGET(POP_BLOCK) {
        f->nblocks--;
        NEXT();
    }

    TARGET(POP_EXCEPT) {
        py_val_t prev = POP();
        vm.handled = py_is_none(prev) ? PY_NULL : prev;
        NEXT();
    }

    TARGET(RERAISE) {
        SAVE();
        py_val_t exc = POP();
        py_val_t prev = POP();
        vm.handled = py_is_none(prev) ? PY_NULL : prev;
        f->sp = sp;
        reraise(exc, true);
    }

    TARGET(RAISE_VARARGS) {
        SAVE();
        if (arg == 0) {
            if (py_is_null(vm.handled))
                py_raise_msg(&py_type_RuntimeError, "No active exception to reraise");
            reraise(vm.handled, true);
        }
        py_val_t cause = arg >= 2 ? POP() : PY_NULL;
        py_val_t exc = POP();
        do_raise(exc, cause);
    }

    TARGET(CHECK_EXC_MATCH) {
        SAVE();
        py_val_t t = sp[-1], exc = sp[-2];
        check_exc_class(t);
        sp[-2] = py_bool(py_exc_matches(exc, t));
        sp--;
        NEXT();
    }

    TARGET(BEFORE_WITH) {
        SAVE();
        py_val_t mgr = sp[-1];
        py_val_t exit = special_bound(mgr, PYN(__exit__));
        if (py_is_null(exit) || py_is_null(py_type_lookup(py_type_of(mgr), PYN(__enter__))))
            py_raise_msg(&py_type_TypeError, "'%s' object does not support the context manager protocol",
                         py_type_name(mgr));
        sp[-1] = exit;
        py_val_t r = call_special(mgr, PYN(__enter__));
        PUSH(r);
        NEXT();
    }

    TARGET(WITH_EXIT) {
        SAVE();
        py_val_t exit = POP();
        call_exit(exit, PY_NULL);
        NEXT();
    }

    TARGET(WITH_EXCEPT) {
        SAVE();
        py_val_t exc = sp[-1], exit = sp[-3];
        py_val_t r = call_exit(exit, exc);
        PUSH(py_bool(fast_truth(r)));
        NEXT();
    }

    TARGET(BEFORE_ASYNC_WITH) {
        SAVE();
        py_val_t mgr = sp[-1];
        py_val_t aexit = special_bound(mgr, PYN(__aexit__));
        if (py_is_null(aexit) || py_is_null(py_type_lookup(py_type_of(mgr), PYN(__aenter__))))
            py_raise_msg(&py_type_TypeError,
                         "'%s' object does not support the asynchronous context manager protocol",
                         py_type_name(mgr));
        sp[-1] = aexit;
        py_val_t r = call_special(mgr, PYN(__aenter__));
        PUSH(py_gen_get_awaitable(r));
        NEXT();
    }

    TARGET(ASYNC_WITH_EXIT) {
        SAVE();
        sp[-1] = py_gen_get_awaitable(call_exit(sp[-1], PY_NULL));
        NEXT();
    }

    TARGET(ASYNC_WITH_EXCEPT) {
        SAVE();
        py_val_t r = call_exit(sp[-3], sp[-1]);
        PUSH(py_gen_get_awaitable(r));
        NEXT();
    }

    TARGET(GET_AWAITABLE) {
        SAVE();
        sp[-1] = py_gen_get_awaitable(sp[-1]);
        NEXT();
    }

    TARGET(GET_AITER) {
        SAVE();
        sp[-1] = py_gen_get_aiter(sp[-1]);
        NEXT();
    }

    TARGET(GET_ANEXT) {
        SAVE();
        py_val_t a = py_gen_get_anext(sp[-1]);
        PUSH(a);
        NEXT();
    }

    TARGET(END_ASYNC_FOR) {
        SAVE();
        py_val_t exc = sp[-1], prev = sp[-2];
        vm.handled = py_is_none(prev) ? PY_NULL : prev;
        if (py_exc_matches(exc, py_obj(&py_type_StopAsyncIteration))) {
            sp -= 3;
            NEXT();
        }
        sp -= 2;
        f->sp = sp;
        reraise(exc, true);
    }

    TARGET(YIELD_VALUE) {
        SAVE();
        py_val_t v = POP();
        if (!(f->flags & PY_FR_GEN)) py_raise_msg(&py_type_SystemError, "yield outside a generator frame");
        f->sp = sp;
        gen_suspend(f);
        frame_gen(f)->in_yf = 0;
        if (!(f->flags & PY_FR_ENTRY)) {
            /* resumed by FOR_ITER: the value goes on its stack */
            f = vm.frame;
            LOAD_FRAME();
            PUSH(v);
            NEXT();
        }
        vm.exit_kind = PY_RESUME_YIELD;
        return v;
    }

    TARGET(YIELD_FROM) {
        SAVE();
        py_val_t v = POP();
        py_val_t it = sp[-1];
        py_val_t out;
        f->sp = sp;
        if (py_gen_delegate_send(it, v, &out)) {
            sp[-1] = out;
            NEXT();
        }
        if (!(f->flags & PY_FR_GEN)) py_raise_msg(&py_type_SystemError, "yield outside a generator frame");
        /* suspended inside the delegation: resume re-executes YIELD_FROM
         * with the sent value pushed on top of the iterator */
        f->ip = ip - 1;
        gen_suspend(f);
        frame_gen(f)->in_yf = 1;
        if (!(f->flags & PY_FR_ENTRY)) {
            f = vm.frame;
            LOAD_FRAME();
            PUSH(out);
            NEXT();
        }
        vm.exit_kind = PY_RESUME_AWAIT;
        return out;
    }

    TARGET(GET_YIELD_FROM_ITER) {
        SAVE();
        py_val_t o = sp[-1];
        if (!py_is_gen_like(o)) sp[-1] = py_iter(o);
        NEXT();
    }

    TARGET(IMPORT_NAME) {
        SAVE();
        py_val_t fromlist = POP();
        py_val_t level = sp[-1];
        int lv = py_is_small(level) ? (int)py_as_small(level) : 0;
        sp[-1] = py_import(names[arg], fromlist, lv, f->globals);
        NEXT();
    }

    TARGET(IMPORT_FROM) {
        SAVE();
        py_val_t v = import_from(sp[-1], names[arg]);
        PUSH(v);
        NEXT();
    }

    TARGET(IMPORT_STAR) {
        SAVE();
        py_val_t m = POP();
        import_star(f, m);
        NEXT();
    }

    TARGET(PRINT_EXPR) {
        SAVE();
        py_val_t v = POP();
        print_expr(v);
        NEXT();
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(py_obj(&py_type_AssertionError));
        NEXT();
    }

#if !USE_GOTO
    default: goto L_bad_opcode;
#endif
    }

L_bad_opcode:
    py_raise_msg(&py_type_SystemError, "unknown opcode %u", (unsigned)PY_OP(word));

#undef LOAD_FRAME
#undef PUSH
#undef POP
#undef TOP
#undef JUMP_TO
#undef SAVE
#undef TRUTH
#undef TARGET
#undef NEXT
}

/* ------------------------------------------------------------ disassembly */

__attribute__((weak)) const char *const py_opcode_names[OP__COUNT] = {
#define PY_OPCODE_NAME(name) #name,
    PY_OPCODES(PY_OPCODE_NAME)
#undef PY_OPCODE_NAME
};

/* A plain listing for debugging; vm_dis.c may provide a richer one. */
__attribute__((weak)) void py_code_dump(py_val_t code) {
    if (!py_is_type(code, &py_type_code)) return;
    py_code_t *co = py_as_ptr(code);
    fprintf(stderr, "code %s (%s) args=%u posonly=%u kwonly=%u locals=%u cells=%u stack=%u blocks=%u flags=0x%x\n",
            py_is_str(co->qualname) ? py_str_data(co->qualname) : "?",
            py_is_str(co->filename) ? py_str_data(co->filename) : "?", co->argcount, co->posonlyargcount,
            co->kwonlyargcount, co->nlocals, co->ncells, co->stacksize, co->maxblocks, co->flags);
    for (uint32_t i = 0; i < co->n_ops; i++) {
        uint32_t w = co->ops[i];
        unsigned op = PY_OP(w);
        fprintf(stderr, "  %4u %5u  %-22s %u\n", co->lines ? co->lines[i] : 0, i,
                op < OP__COUNT ? py_opcode_names[op] : "???", PY_ARG(w));
    }
    py_tuple_t *c = py_as_tuple(co->consts);
    for (size_t i = 0; i < c->len; i++)
        if (py_is_type(c->items[i], &py_type_code)) py_code_dump(c->items[i]);
}
