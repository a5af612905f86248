/* obj_gen.c: generators, coroutines, async generators and the awaitable
 * helpers the VM's yield-from/await machinery needs.
 *
 * All three kinds share py_gen_t (vm.h): the frame lives in the same GC
 * block, right after the struct, and is traced from here.  py_vm_resume
 * (vm.c) runs the frame; this file holds the Python-facing protocol:
 * send/throw/close/__next__, coroutine.__await__ (a small wrapper iterator),
 * and the async generator's __anext__/asend/athrow/aclose awaitables.
 *
 * Async generators: inside one, `yield v` suspends with PY_RESUME_YIELD and
 * an `await` that passes a value up to the event loop suspends with
 * PY_RESUME_AWAIT.  An awaitable returned by __anext__/asend/athrow turns
 * the first into StopIteration(v) (the awaited result) and passes the second
 * through; the generator finishing becomes StopAsyncIteration.
 */
#include <stdio.h>
#include <string.h>

#include "vm.h"

static inline py_gen_t *as_gen(py_val_t v) { return (py_gen_t *)py_as_ptr(v); }

static const char *kind_name(py_gen_t *g) {
    py_type_t *t = g->h.type;
    return t == &py_type_coroutine ? "coroutine" : t == &py_type_async_generator ? "async generator" : "generator";
}

py_val_t py_gen_new(py_func_t *fn, int argc, const py_val_t *argv, py_val_t kwnames) {
    py_code_t *co = fn->code;
    py_type_t *t = (co->flags & PY_CODE_COROUTINE)         ? &py_type_coroutine
                   : (co->flags & PY_CODE_ASYNC_GENERATOR) ? &py_type_async_generator
                                                           : &py_type_generator;
    size_t words = py_vm_frame_words(co);
    py_gen_t *g = py_gc_alloc(t, sizeof(py_gen_t) + words * sizeof(py_val_t));
    g->name = fn->name;
    g->qualname = fn->qualname;
    g->handled = PY_NULL;
    g->frame_words = words;
    g->state = PY_GEN_CREATED;
    py_frame_t *f = (py_frame_t *)(g + 1);
    g->frame = f; /* zeroed: the trace skips it until code is set */
    f->gen_v = py_obj(g);
    py_vm_init_frame(f, fn, argc, argv, kwnames);
    f->gen_v = py_obj(g);
    f->flags = PY_FR_ENTRY | PY_FR_GEN;
    return py_obj(g);
}

static void gen_trace(py_obj_t *o) {
    py_gen_t *g = (py_gen_t *)o;
    py_gc_mark(g->name);
    py_gc_mark(g->qualname);
    py_gc_mark(g->handled);
    py_frame_t *f = g->frame;
    if (!f || !f->code) return;
    py_gc_mark(f->func);
    py_gc_mark(f->code_v);
    py_gc_mark(f->globals);
    py_gc_mark(f->locals);
    py_gc_mark(f->builtins);
    py_gc_mark(f->prev_handled);
    py_code_t *co = f->code;
    py_gc_mark_array(f->fast, (size_t)co->nlocals + co->ncells + co->stacksize);
}

static void gen_print(py_sb_t *sb, py_val_t self, int kind) {
    py_gen_t *g = as_gen(self);
    py_type_t *t = g->h.type;
    py_sb_adds(sb, t == &py_type_coroutine ? "<coroutine object " : t == &py_type_async_generator ? "<async_generator object " : "<generator object ");
    if (py_is_str(g->qualname)) py_sb_add(sb, py_str_data(g->qualname), py_str_len(g->qualname));
    py_sb_printf(sb, " at 0x%llx>", (unsigned long long)(uintptr_t)g);
}

static bool suspended_in_yield_from(py_gen_t *g) {
    return g->state == PY_GEN_SUSPENDED && g->in_yf;
}

static py_val_t gen_getattr(py_val_t self, py_val_t name) {
    py_gen_t *g = as_gen(self);
    if (name == PYN(__name__)) return g->name;
    if (name == PYN(__qualname__)) return g->qualname;
    const char *s = py_str_data(name);
    if (s[0] && s[1] && s[2] == '_' && (s[0] == 'g' || s[0] == 'c' || s[0] == 'a')) {
        const char *r = s + 3;
        if (!strcmp(r, "running")) return py_bool(g->state == PY_GEN_RUNNING);
        if (!strcmp(r, "suspended")) return py_bool(g->state == PY_GEN_SUSPENDED);
        if (!strcmp(r, "frame")) return g->state == PY_GEN_FINISHED ? PY_NONE : PY_NONE;
        if (!strcmp(r, "code")) return g->frame->code_v;
        if (!strcmp(r, "yieldfrom") || !strcmp(r, "await"))
            return suspended_in_yield_from(g) ? g->frame->sp[-1] : PY_NONE;
    }
    return PY_NULL;
}

static int gen_setattr(py_val_t self, py_val_t name, py_val_t value) {
    py_gen_t *g = as_gen(self);
    if (name == PYN(__name__) || name == PYN(__qualname__)) {
        if (!py_is_str(value)) py_raise_msg(&py_type_TypeError, "%s must be set to a string object", py_str_data(name));
        if (name == PYN(__name__)) g->name = value;
        else g->qualname = value;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ resumption */

static py_val_t stop_value(py_val_t exc) {
    py_exc_t *e = py_as_ptr(exc);
    return py_is_null(e->value) ? PY_NONE : e->value;
}

PY_NORETURN static void raise_stop(py_val_t v) {
    if (py_is_none(v)) py_raise(py_exc_new_args(&py_type_StopIteration, 0, NULL));
    py_raise(py_exc_new_args(&py_type_StopIteration, 1, &v));
}

/* Resumes g after the state checks every entry point shares. */
static int resume(py_gen_t *g, py_val_t v, py_val_t exc, py_val_t *out) {
    if (g->state == PY_GEN_RUNNING) py_raise_msg(&py_type_ValueError, "%s already executing", kind_name(g));
    if (g->state == PY_GEN_FINISHED) {
        if (!py_is_null(exc)) py_raise(exc);
        if (g->h.type == &py_type_coroutine)
            py_raise_msg(&py_type_RuntimeError, "cannot reuse already awaited coroutine");
        *out = PY_NONE;
        return PY_RESUME_RETURN;
    }
    if (g->state == PY_GEN_CREATED && py_is_null(exc) && !py_is_none(v))
        py_raise_msg(&py_type_TypeError, "can't send non-None value to a just-started %s", kind_name(g));
    return py_vm_resume(g, v, exc, out);
}

static py_gen_t *check_gen(py_val_t v, py_type_t *t) {
    if (!py_is_type(v, t))
        py_raise_msg(&py_type_TypeError, "descriptor requires a '%s' object but received a '%s'", t->name,
                     py_type_name(v));
    return as_gen(v);
}

/* throw(typ[, val[, tb]]) arguments to an exception instance. */
static py_val_t throw_exc(int argc, const py_val_t *argv) {
    py_val_t typ = argv[0], val = argc > 1 ? argv[1] : PY_NONE;
    if (py_is_obj(typ) && py_is_subtype(py_obj_type(typ), &py_type_type) &&
        (((py_type_t *)py_as_ptr(typ))->flags & PY_TF_EXCEPTION)) {
        if (py_is_instance(val, py_as_ptr(typ))) return val;
        if (py_is_none(val)) return py_call(typ, 0, NULL, PY_NULL);
        if (py_is_type(val, &py_type_tuple)) {
            py_tuple_t *t = py_as_tuple(val);
            return py_call(typ, (int)t->len, t->items, PY_NULL);
        }
        return py_call1(typ, val);
    }
    if (py_is_obj(typ) && (py_obj_type(typ)->flags & PY_TF_EXCEPTION)) {
        if (!py_is_none(val)) py_raise_msg(&py_type_TypeError, "instance exception may not have a separate value");
        return typ;
    }
    py_raise_msg(&py_type_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                 py_type_name(typ));
}

static py_val_t gen_send_method(py_gen_t *g, py_val_t v) {
    py_val_t out;
    if (resume(g, v, PY_NULL, &out) == PY_RESUME_RETURN) raise_stop(out);
    return out;
}

static py_val_t gen_throw_method(py_gen_t *g, int argc, const py_val_t *argv) {
    py_val_t exc = throw_exc(argc, argv);
    py_val_t out;
    if (resume(g, PY_NULL, exc, &out) == PY_RESUME_RETURN) raise_stop(out);
    return out;
}

/* close(): GeneratorExit at the suspension point; returns None. */
static py_val_t gen_close(py_gen_t *g) {
    if (g->state == PY_GEN_CREATED || g->state == PY_GEN_FINISHED) {
        g->state = PY_GEN_FINISHED;
        return PY_NONE;
    }
    if (g->state == PY_GEN_RUNNING) py_raise_msg(&py_type_ValueError, "%s already executing", kind_name(g));
    py_val_t exc = py_exc_new_args(&py_type_GeneratorExit, 0, NULL);
    py_try_t t;
    int k;
    if (py_try(&t)) {
        py_val_t out;
        k = py_vm_resume(g, PY_NULL, exc, &out);
        py_try_end(&t);
    } else {
        if (py_exc_matches(t.exc, py_obj(&py_type_GeneratorExit)) || py_exc_matches(t.exc, py_obj(&py_type_StopIteration)))
            return PY_NONE;
        py_raise(t.exc);
    }
    if (k == PY_RESUME_RETURN) return PY_NONE;
    py_raise_msg(&py_type_RuntimeError, "%s ignored GeneratorExit", kind_name(g));
}

static py_val_t gen_iter(py_val_t self) { return self; }

static py_val_t gen_iternext(py_val_t self) {
    py_gen_t *g = as_gen(self);
    if (g->state == PY_GEN_FINISHED) return PY_NULL;
    py_val_t out;
    if (resume(g, PY_NONE, PY_NULL, &out) == PY_RESUME_RETURN) return PY_NULL;
    return out;
}

static py_val_t m_gen_send(int argc, const py_val_t *argv, py_val_t kw) {
    return gen_send_method(check_gen(argv[0], &py_type_generator), argv[1]);
}
static py_val_t m_gen_throw(int argc, const py_val_t *argv, py_val_t kw) {
    return gen_throw_method(check_gen(argv[0], &py_type_generator), argc - 1, argv + 1);
}
static py_val_t m_gen_close(int argc, const py_val_t *argv, py_val_t kw) {
    return gen_close(check_gen(argv[0], &py_type_generator));
}
static py_val_t m_gen_next(int argc, const py_val_t *argv, py_val_t kw) {
    return gen_send_method(check_gen(argv[0], &py_type_generator), PY_NONE);
}
static py_val_t m_self(int argc, const py_val_t *argv, py_val_t kw) { return argv[0]; }

static const py_method_def_t gen_methods[] = {
    {"send", m_gen_send, 2, 2, 0},
    {"throw", m_gen_throw, 2, 4, 0},
    {"close", m_gen_close, 1, 1, 0},
    {"__next__", m_gen_next, 1, 1, 0},
    {"__iter__", m_self, 1, 1, 0},
    PY_MF_END,
};

py_type_t py_type_generator = {
    .h = {&py_type_type},
    .name = "generator",
    .base = &py_type_object,
    .methods = gen_methods,
    .print = gen_print,
    .getattr = gen_getattr,
    .setattr = gen_setattr,
    .iter = gen_iter,
    .iternext = gen_iternext,
    .trace = gen_trace,
};

/* ------------------------------------------------------------ coroutines */

/* coroutine.__await__() result: iterates the coroutine. */
typedef struct {
    py_obj_t h;
    py_val_t coro;
} coro_wrapper_t;

static py_type_t coro_wrapper_type;

static void wrapper_trace(py_obj_t *o) { py_gc_mark(((coro_wrapper_t *)o)->coro); }

static py_gen_t *wrapped(py_val_t v) {
    if (!py_is_type(v, &coro_wrapper_type))
        py_raise_msg(&py_type_TypeError, "descriptor requires a 'coroutine_wrapper' object but received a '%s'",
                     py_type_name(v));
    return as_gen(((coro_wrapper_t *)py_as_ptr(v))->coro);
}

static py_val_t m_coro_send(int argc, const py_val_t *argv, py_val_t kw) {
    return gen_send_method(check_gen(argv[0], &py_type_coroutine), argv[1]);
}
static py_val_t m_coro_throw(int argc, const py_val_t *argv, py_val_t kw) {
    return gen_throw_method(check_gen(argv[0], &py_type_coroutine), argc - 1, argv + 1);
}
static py_val_t m_coro_close(int argc, const py_val_t *argv, py_val_t kw) {
    return gen_close(check_gen(argv[0], &py_type_coroutine));
}
static py_val_t m_coro_await(int argc, const py_val_t *argv, py_val_t kw) {
    check_gen(argv[0], &py_type_coroutine);
    coro_wrapper_t *w = py_gc_alloc(&coro_wrapper_type, sizeof(coro_wrapper_t));
    w->coro = argv[0];
    return py_obj(w);
}

static const py_method_def_t coro_methods[] = {
    {"send", m_coro_send, 2, 2, 0},
    {"throw", m_coro_throw, 2, 4, 0},
    {"close", m_coro_close, 1, 1, 0},
    {"__await__", m_coro_await, 1, 1, 0},
    PY_MF_END,
};

py_type_t py_type_coroutine = {
    .h = {&py_type_type},
    .name = "coroutine",
    .base = &py_type_object,
    .methods = coro_methods,
    .print = gen_print,
    .getattr = gen_getattr,
    .setattr = gen_setattr,
    .trace = gen_trace,
};

static py_val_t m_wrap_send(int argc, const py_val_t *argv, py_val_t kw) {
    return gen_send_method(wrapped(argv[0]), argv[1]);
}
static py_val_t m_wrap_next(int argc, const py_val_t *argv, py_val_t kw) {
    return gen_send_method(wrapped(argv[0]), PY_NONE);
}
static py_val_t m_wrap_throw(int argc, const py_val_t *argv, py_val_t kw) {
    return gen_throw_method(wrapped(argv[0]), argc - 1, argv + 1);
}
static py_val_t m_wrap_close(int argc, const py_val_t *argv, py_val_t kw) { return gen_close(wrapped(argv[0])); }

static py_val_t wrap_iternext(py_val_t self) {
    py_gen_t *g = wrapped(self);
    py_val_t out;
    if (resume(g, PY_NONE, PY_NULL, &out) == PY_RESUME_RETURN) return PY_NULL;
    return out;
}

static const py_method_def_t wrapper_methods[] = {
    {"send", m_wrap_send, 2, 2, 0},
    {"throw", m_wrap_throw, 2, 4, 0},
    {"close", m_wrap_close, 1, 1, 0},
    {"__next__", m_wrap_next, 1, 1, 0},
    {"__iter__", m_self, 1, 1, 0},
    PY_MF_END,
};

static py_type_t coro_wrapper_type = {
    .h = {&py_type_type},
    .name = "coroutine_wrapper",
    .base = &py_type_object,
    .methods = wrapper_methods,
    .iter = gen_iter,
    .iternext = wrap_iternext,
    .trace = wrapper_trace,
};

/* ------------------------------------------------------------ async generators */

enum { AW_ASEND, AW_ATHROW, AW_ACLOSE };
enum { AW_INIT, AW_ITER, AW_DONE };

typedef struct {
    py_obj_t h;
    py_val_t agen;
    py_val_t value; /* asend: the value to send first; athrow: the exception */
    uint8_t kind;
    uint8_t state;
} agen_aw_t;

static py_type_t agen_aw_type;

static void aw_trace(py_obj_t *o) {
    agen_aw_t *a = (agen_aw_t *)o;
    py_gc_mark(a->agen);
    py_gc_mark(a->value);
}

static py_val_t aw_new(py_val_t agen, int kind, py_val_t value) {
    agen_aw_t *a = py_gc_alloc(&agen_aw_type, sizeof(agen_aw_t));
    a->agen = agen;
    a->value = value;
    a->kind = (uint8_t)kind;
    a->state = AW_INIT;
    return py_obj(a);
}

/* resume() with the exception it raises caught into *err. */
static int resume_catch(py_gen_t *g, py_val_t v, py_val_t exc, py_val_t *out, py_val_t *err) {
    py_try_t t;
    if (py_try(&t)) {
        int k = resume(g, v, exc, out);
        py_try_end(&t);
        return k;
    }
    *err = t.exc;
    return -1;
}

/* One step of an asend/athrow/aclose awaitable.  Returns true when the
 * await is over (*out is its result), false when *out must be passed up to
 * the event loop. */
static bool aw_step(agen_aw_t *a, py_val_t v, py_val_t exc, py_val_t *out) {
    py_gen_t *g = as_gen(a->agen);
    if (a->state == AW_DONE) {
        if (a->kind == AW_ASEND)
            py_raise_msg(&py_type_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        py_raise_msg(&py_type_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    }
    if (a->state == AW_INIT) {
        if (g->ag_running)
            py_raise_msg(&py_type_RuntimeError, a->kind == AW_ASEND ? "anext(): asynchronous generator is already running"
                                                                    : "athrow(): asynchronous generator is already running");
        if (py_is_null(exc)) {
            if (a->kind == AW_ASEND) {
                if (g->state == PY_GEN_FINISHED || g->ag_closed) {
                    a->state = AW_DONE;
                    py_raise(py_exc_new_args(&py_type_StopAsyncIteration, 0, NULL));
                }
                v = a->value;
            } else {
                if (g->state == PY_GEN_FINISHED || g->state == PY_GEN_CREATED || g->ag_closed) {
                    a->state = AW_DONE;
                    g->state = PY_GEN_FINISHED;
                    if (a->kind == AW_ACLOSE) {
                        *out = PY_NONE;
                        return true;
                    }
                    py_raise(py_exc_new_args(&py_type_StopAsyncIteration, 0, NULL));
                }
                exc = a->kind == AW_ACLOSE ? py_exc_new_args(&py_type_GeneratorExit, 0, NULL) : a->value;
                if (a->kind == AW_ACLOSE) g->ag_closed = 1;
            }
        }
        a->state = AW_ITER;
        g->ag_running = 1;
    }
    py_val_t r = PY_NONE, err = PY_NULL;
    int k = resume_catch(g, v, exc, &r, &err);
    if (!py_is_null(err)) {
        a->state = AW_DONE;
        g->ag_running = 0;
        if (a->kind == AW_ACLOSE && (py_exc_matches(err, py_obj(&py_type_GeneratorExit)) ||
                                     py_exc_matches(err, py_obj(&py_type_StopAsyncIteration)))) {
            *out = PY_NONE;
            return true;
        }
        py_raise(err);
    }
    if (k == PY_RESUME_AWAIT) {
        *out = r;
        return false;
    }
    a->state = AW_DONE;
    g->ag_running = 0;
    if (k == PY_RESUME_YIELD) {
        if (a->kind == AW_ACLOSE) py_raise_msg(&py_type_RuntimeError, "async generator ignored GeneratorExit");
        *out = r;
        return true;
    }
    if (a->kind == AW_ACLOSE) {
        *out = PY_NONE;
        return true;
    }
    py_raise(py_exc_new_args(&py_type_StopAsyncIteration, 0, NULL));
}

static agen_aw_t *check_aw(py_val_t v) {
    if (!py_is_type(v, &agen_aw_type))
        py_raise_msg(&py_type_TypeError, "descriptor requires an 'async_generator_asend' object but received a '%s'",
                     py_type_name(v));
    return py_as_ptr(v);
}

static py_val_t m_aw_send(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t out;
    if (aw_step(check_aw(argv[0]), argv[1], PY_NULL, &out)) raise_stop(out);
    return out;
}
static py_val_t m_aw_next(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t out;
    if (aw_step(check_aw(argv[0]), PY_NONE, PY_NULL, &out)) raise_stop(out);
    return out;
}
static py_val_t m_aw_throw(int argc, const py_val_t *argv, py_val_t kw) {
    agen_aw_t *a = check_aw(argv[0]);
    py_val_t exc = throw_exc(argc - 1, argv + 1);
    py_val_t out;
    if (a->state == AW_INIT) {
        /* not started: the exception is raised at the await itself */
        a->state = AW_DONE;
        py_raise(exc);
    }
    if (aw_step(a, PY_NULL, exc, &out)) raise_stop(out);
    return out;
}
static py_val_t m_aw_close(int argc, const py_val_t *argv, py_val_t kw) {
    check_aw(argv[0])->state = AW_DONE;
    return PY_NONE;
}

static py_val_t aw_iternext(py_val_t self) {
    py_val_t out;
    if (aw_step(py_as_ptr(self), PY_NONE, PY_NULL, &out)) return PY_NULL;
    return out;
}

static const py_method_def_t aw_methods[] = {
    {"send", m_aw_send, 2, 2, 0},
    {"throw", m_aw_throw, 2, 4, 0},
    {"close", m_aw_close, 1, 1, 0},
    {"__next__", m_aw_next, 1, 1, 0},
    {"__iter__", m_self, 1, 1, 0},
    {"__await__", m_self, 1, 1, 0},
    PY_MF_END,
};

static py_type_t agen_aw_type = {
    .h = {&py_type_type},
    .name = "async_generator_asend",
    .base = &py_type_object,
    .methods = aw_methods,
    .iter = gen_iter,
    .iternext = aw_iternext,
    .trace = aw_trace,
};

static py_val_t m_agen_anext(int argc, const py_val_t *argv, py_val_t kw) {
    check_gen(argv[0], &py_type_async_generator);
    return aw_new(argv[0], AW_ASEND, PY_NONE);
}
static py_val_t m_agen_asend(int argc, const py_val_t *argv, py_val_t kw) {
    check_gen(argv[0], &py_type_async_generator);
    return aw_new(argv[0], AW_ASEND, argv[1]);
}
static py_val_t m_agen_athrow(int argc, const py_val_t *argv, py_val_t kw) {
    check_gen(argv[0], &py_type_async_generator);
    return aw_new(argv[0], AW_ATHROW, throw_exc(argc - 1, argv + 1));
}
static py_val_t m_agen_aclose(int argc, const py_val_t *argv, py_val_t kw) {
    check_gen(argv[0], &py_type_async_generator);
    return aw_new(argv[0], AW_ACLOSE, PY_NONE);
}

static const py_method_def_t agen_methods[] = {
    {"__aiter__", m_self, 1, 1, 0},
    {"__anext__", m_agen_anext, 1, 1, 0},
    {"asend", m_agen_asend, 2, 2, 0},
    {"athrow", m_agen_athrow, 2, 4, 0},
    {"aclose", m_agen_aclose, 1, 1, 0},
    PY_MF_END,
};

py_type_t py_type_async_generator = {
    .h = {&py_type_type},
    .name = "async_generator",
    .base = &py_type_object,
    .methods = agen_methods,
    .print = gen_print,
    .getattr = gen_getattr,
    .setattr = gen_setattr,
    .trace = gen_trace,
};

/* ------------------------------------------------------------ delegation */

bool py_gen_delegate_send(py_val_t it, py_val_t v, py_val_t *out) {
    py_type_t *t = py_type_of(it);
    if (t == &py_type_generator || t == &py_type_coroutine)
        return resume(as_gen(it), v, PY_NULL, out) == PY_RESUME_RETURN;
    if (t == &agen_aw_type) return aw_step(py_as_ptr(it), v, PY_NULL, out);
    if (t == &coro_wrapper_type) return resume(wrapped(it), v, PY_NULL, out) == PY_RESUME_RETURN;
    if (py_is_none(v) && t->iternext && !(t->flags & PY_TF_HEAP)) {
        py_val_t r = t->iternext(it);
        if (py_is_null(r)) {
            *out = PY_NONE;
            return true;
        }
        *out = r;
        return false;
    }
    py_try_t tr;
    if (py_try(&tr)) {
        py_val_t r = py_is_none(v) ? py_call_method(it, PYN(__next__), 0, NULL) : py_call_method(it, PYN(send), 1, &v);
        py_try_end(&tr);
        *out = r;
        return false;
    }
    if (py_exc_matches(tr.exc, py_obj(&py_type_StopIteration))) {
        *out = stop_value(tr.exc);
        return true;
    }
    py_raise(tr.exc);
}

bool py_gen_delegate_throw(py_val_t it, py_val_t exc, py_val_t *out, bool *has_throw) {
    py_type_t *t = py_type_of(it);
    *has_throw = true;
    if (t == &py_type_generator || t == &py_type_coroutine)
        return resume(as_gen(it), PY_NULL, exc, out) == PY_RESUME_RETURN;
    if (t == &coro_wrapper_type) return resume(wrapped(it), PY_NULL, exc, out) == PY_RESUME_RETURN;
    if (t == &agen_aw_type) {
        agen_aw_t *a = py_as_ptr(it);
        if (a->state == AW_INIT) {
            a->state = AW_DONE;
            py_raise(exc);
        }
        return aw_step(a, PY_NULL, exc, out);
    }
    py_val_t m = py_getattr_opt(it, PYN(throw));
    if (py_is_null(m)) {
        *has_throw = false;
        return false;
    }
    py_try_t tr;
    if (py_try(&tr)) {
        py_val_t r = py_call1(m, exc);
        py_try_end(&tr);
        *out = r;
        return false;
    }
    if (py_exc_matches(tr.exc, py_obj(&py_type_StopIteration))) {
        *out = stop_value(tr.exc);
        return true;
    }
    py_raise(tr.exc);
}

void py_gen_delegate_close(py_val_t it) {
    py_type_t *t = py_type_of(it);
    if (t == &py_type_generator || t == &py_type_coroutine) {
        gen_close(as_gen(it));
        return;
    }
    if (t == &coro_wrapper_type) {
        gen_close(wrapped(it));
        return;
    }
    if (t == &agen_aw_type) {
        ((agen_aw_t *)py_as_ptr(it))->state = AW_DONE;
        return;
    }
    py_val_t m = py_getattr_opt(it, PYN(close));
    if (!py_is_null(m)) py_call(m, 0, NULL, PY_NULL);
}

/* ------------------------------------------------------------ await / async for */

static py_val_t call_special(py_val_t obj, py_val_t name) {
    py_val_t self = PY_NULL;
    py_val_t m = py_load_method(obj, name, &self);
    return py_is_null(self) ? py_call(m, 0, NULL, PY_NULL) : py_call(m, 1, &self, PY_NULL);
}

static bool is_iterator(py_val_t v) {
    py_type_t *t = py_type_of(v);
    if (t->flags & PY_TF_HEAP) return !py_is_null(py_type_lookup(t, PYN(__next__)));
    return t->iternext != NULL;
}

py_val_t py_gen_get_awaitable(py_val_t obj) {
    py_type_t *t = py_type_of(obj);
    if (t == &py_type_coroutine || t == &py_type_generator || t == &agen_aw_type || t == &coro_wrapper_type)
        return obj;
    if (py_is_null(py_type_lookup(t, PYN(__await__))))
        py_raise_msg(&py_type_TypeError, "object %s can't be used in 'await' expression", py_type_name(obj));
    py_val_t r = call_special(obj, PYN(__await__));
    if (py_is_type(r, &py_type_coroutine)) py_raise_msg(&py_type_TypeError, "__await__() returned a coroutine");
    if (!is_iterator(r))
        py_raise_msg(&py_type_TypeError, "__await__() returned non-iterator of type '%s'", py_type_name(r));
    return r;
}

py_val_t py_gen_get_aiter(py_val_t obj) {
    py_type_t *t = py_type_of(obj);
    if (t == &py_type_async_generator) return obj;
    if (py_is_null(py_type_lookup(t, PYN(__aiter__))))
        py_raise_msg(&py_type_TypeError, "'async for' requires an object with __aiter__ method, got %s",
                     py_type_name(obj));
    py_val_t r = call_special(obj, PYN(__aiter__));
    if (!py_is_type(r, &py_type_async_generator) && py_is_null(py_type_lookup(py_type_of(r), PYN(__anext__))))
        py_raise_msg(&py_type_TypeError,
                     "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                     py_type_name(r));
    return r;
}

py_val_t py_gen_get_anext(py_val_t aiter) {
    py_type_t *t = py_type_of(aiter);
    if (t == &py_type_async_generator) return aw_new(aiter, AW_ASEND, PY_NONE);
    if (py_is_null(py_type_lookup(t, PYN(__anext__))))
        py_raise_msg(&py_type_TypeError, "'async for' requires an iterator with __anext__ method, got %s",
                     py_type_name(aiter));
    py_val_t r = call_special(aiter, PYN(__anext__));
    py_type_t *rt = py_type_of(r);
    if (rt != &py_type_coroutine && rt != &agen_aw_type && rt != &py_type_generator &&
        py_is_null(py_type_lookup(rt, PYN(__await__))))
        py_raise_msg(&py_type_TypeError, "'async for' received an invalid object from __anext__: %s", py_type_name(r));
    return py_gen_get_awaitable(r);
}
