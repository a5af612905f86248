/* obj_exception.c: the exception hierarchy, raising and catching, tracebacks,
 * the C stack guard and asynchronous events.
 *
 * Every exception type shares the py_exc_t layout (obj.h); classes written
 * in Python that derive from one keep that layout, with their instance dict
 * in py_exc_t.dict, so the native methods here work on them unchanged.
 * Attributes with a fixed meaning (args, __cause__, value ...) live in
 * fields; everything else goes to the instance dict.
 *
 * Raising is a longjmp to the innermost py_try_t: py_raise pops it, stores
 * the exception in it and jumps.  A raise with no catch point left is a
 * fatal error (the CLI always has one).  MemoryError is preallocated so that
 * it can be raised when the heap is full.
 *
 * Tracebacks are lists of (filename, line, funcname) tuples, innermost last:
 * the VM adds the frames while unwinding (innermost first), so each entry is
 * inserted at the front.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "sysio.h"

py_try_t *py_try_top;
char *py_stack_limit;
volatile int py_pending;
volatile int py_sigint;
int32_t py_tick_budget = INT32_MAX;
void (*py_tick_hook)(void);

static py_val_t no_memory_exc = PY_NULL; /* the preallocated MemoryError */
/* ... and the one raised while the heap is locked (micropython.heap_lock, a
 * hard IRQ handler), with MicroPython's message for that case */
static py_val_t locked_exc = PY_NULL;
static py_val_t n_suppress, n_offset, n_text; /* names not in names.h */

/* The VM records its current frame and C-call depth in each catch point so
 * that it can restore them after a longjmp; it provides the strong
 * definition of this hook.  Without a VM (unit tests) nothing is recorded. */
__attribute__((weak)) void py_vm_try_state(void **frame, int *c_depth) {
    *frame = NULL;
    *c_depth = 0;
}

static inline py_exc_t *as_exc(py_val_t v) { return (py_exc_t *)py_as_ptr(v); }

static bool is_exc_instance(py_val_t v) {
    return py_is_obj(v) && (py_obj_type(v)->flags & PY_TF_EXCEPTION);
}

static bool is_type_obj(py_val_t v) { return py_is_obj(v) && py_is_subtype(py_obj_type(v), &py_type_type); }

/* ------------------------------------------------------------ try / raise */

void py_try_enter(py_try_t *t) {
    t->prev = py_try_top;
    t->exc = PY_NULL;
    py_vm_try_state(&t->vm_frame, &t->c_depth);
    py_try_top = t;
}

void py_try_end(py_try_t *t) {
    /* Popping by identity: a body that already left through a raise
     * cannot reach here, so t is the top. */
    py_try_top = t->prev;
}

py_val_t py_exc_instance(py_val_t v) {
    if (is_exc_instance(v)) return v;
    if (is_type_obj(v) && (((py_type_t *)py_as_ptr(v))->flags & PY_TF_EXCEPTION)) {
        py_val_t e = py_call(v, 0, NULL, PY_NULL);
        if (!is_exc_instance(e))
            py_raise_msg(&py_type_TypeError, "calling %s should have returned an instance of BaseException, not %s",
                         ((py_type_t *)py_as_ptr(v))->name, py_type_name(e));
        return e;
    }
    py_raise_msg(&py_type_TypeError, "exceptions must derive from BaseException");
}

/* Sets __context__ to the exception being handled, as CPython does at raise
 * time, without creating a cycle in the chain. */
static void set_context(py_val_t exc, py_val_t ctx) {
    if (!is_exc_instance(ctx) || ctx == exc) return;
    py_exc_t *e = as_exc(exc);
    if (!py_is_none(e->context) && !py_is_null(e->context)) return;
    int n = 0;
    for (py_val_t c = ctx; is_exc_instance(c) && n < 1000; c = as_exc(c)->context, n++) {
        if (as_exc(c)->context == exc) {
            as_exc(c)->context = PY_NONE; /* break the cycle as CPython does */
            break;
        }
    }
    e->context = ctx;
}

PY_NORETURN static void do_raise(py_val_t exc) {
    py_try_t *t = py_try_top;
    if (!t) {
        fprintf(stderr, "FATAL: uncaught exception\n");
        py_print_exception(exc, PY_NULL);
        exit(1);
    }
    py_try_top = t->prev;
    t->exc = exc;
    longjmp(t->buf, 1);
}

PY_NORETURN void py_raise(py_val_t exc_or_class) {
    /* asked first: the VM answers PY_NULL once for a re-raise, and making
     * the instance may run Python code that raises and catches */
    py_val_t ctx = py_vm_current_exc();
    py_val_t exc = py_exc_instance(exc_or_class);
    set_context(exc, ctx);
    do_raise(exc);
}

PY_NORETURN void py_raise_no_memory(void) {
    if (py_is_null(no_memory_exc)) {
        fprintf(stderr, "FATAL: out of memory during start-up\n");
        exit(1);
    }
    py_val_t exc = py_gc_is_locked() && !py_is_null(locked_exc) ? locked_exc : no_memory_exc;
    py_exc_t *e = as_exc(exc);
    e->traceback = PY_NULL;
    e->context = PY_NONE;
    e->cause = PY_NONE;
    e->suppress_context = 0;
    do_raise(exc);
}

static py_val_t vformat_str(const char *fmt, va_list ap) {
    char buf[512];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    if (n < 0) n = 0;
    if ((size_t)n < sizeof buf) {
        va_end(ap2);
        return py_str_new(buf, (size_t)n);
    }
    char *big = py_raw_alloc((size_t)n + 1);
    vsnprintf(big, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    py_val_t s = py_str_new(big, (size_t)n);
    py_raw_free(big);
    return s;
}

py_val_t py_exc_new(py_type_t *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    py_val_t msg = vformat_str(fmt, ap);
    va_end(ap);
    return py_exc_new_args(type, 1, &msg);
}

PY_NORETURN void py_raise_msg(py_type_t *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    py_val_t msg = vformat_str(fmt, ap);
    va_end(ap);
    py_raise(py_exc_new_args(type, 1, &msg));
}

PY_NORETURN void py_raise_type_error_arg(const char *func, const char *expected, py_val_t got) {
    py_raise_msg(&py_type_TypeError, "%s() argument must be %s, not %s", func, expected, py_type_name(got));
}

bool py_exc_matches(py_val_t exc, py_val_t type_or_tuple) {
    py_type_t *et;
    if (is_type_obj(exc)) et = py_as_ptr(exc);
    else et = py_type_of(exc);
    if (py_is_obj(type_or_tuple) && py_obj_type(type_or_tuple) == &py_type_tuple) {
        py_tuple_t *t = py_as_tuple(type_or_tuple);
        for (size_t i = 0; i < t->len; i++)
            if (py_exc_matches(exc, t->items[i])) return true;
        return false;
    }
    if (!is_type_obj(type_or_tuple)) return false;
    return py_is_subtype(et, py_as_ptr(type_or_tuple));
}

/* ------------------------------------------------------------ objects */

static void fill_value(py_exc_t *e, py_type_t *type) {
    py_tuple_t *a = py_as_tuple(e->args);
    if (py_is_subtype(type, &py_type_StopIteration)) e->value = a->len ? a->items[0] : PY_NONE;
}

static py_val_t alloc_exc(py_type_t *type, int argc, const py_val_t *argv) {
    size_t size = type->instance_size > sizeof(py_exc_t) ? type->instance_size : sizeof(py_exc_t);
    py_val_t args = py_tuple_from_array((size_t)argc, argv);
    py_exc_t *e = py_gc_alloc(type, size);
    e->args = args;
    e->traceback = PY_NULL;
    e->cause = PY_NONE;
    e->context = PY_NONE;
    e->value = PY_NULL;
    e->dict = PY_NULL;
    fill_value(e, type);
    return py_obj(e);
}

static py_val_t exc_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    /* Keywords are only meaningful to a Python subclass's __init__. */
    if (!py_is_null(kwnames) && py_as_tuple(kwnames)->len && !(type->flags & PY_TF_HEAP))
        py_raise_msg(&py_type_TypeError, "%s() takes no keyword arguments", type->name);
    return alloc_exc(type, argc, argv);
}

py_val_t py_exc_new_args(py_type_t *type, int argc, const py_val_t *argv) {
    if (type->flags & PY_TF_HEAP) return py_call(py_obj(type), argc, argv, PY_NULL);
    return alloc_exc(type, argc, argv);
}

static void exc_trace(py_obj_t *o) {
    py_exc_t *e = (py_exc_t *)o;
    py_gc_mark(e->args);
    py_gc_mark(e->traceback);
    py_gc_mark(e->cause);
    py_gc_mark(e->context);
    py_gc_mark(e->value);
    py_gc_mark(e->dict);
}

static py_exc_t *self_exc(py_val_t v, const char *what) {
    if (!is_exc_instance(v)) py_raise_type_error_arg(what, "BaseException", v);
    return as_exc(v);
}

static size_t nargs(py_exc_t *e) { return py_is_obj(e->args) ? py_as_tuple(e->args)->len : 0; }
static py_val_t arg(py_exc_t *e, size_t i) { return py_as_tuple(e->args)->items[i]; }

/* str(exc) per CPython's rules for the builtin types. */
static void exc_str_to(py_sb_t *sb, py_val_t self) {
    py_exc_t *e = as_exc(self);
    py_type_t *t = py_obj_type(self);
    size_t n = nargs(e);
    if (n == 1 && py_is_subtype(t, &py_type_KeyError)) {
        py_print_to(sb, arg(e, 0), PY_PRINT_REPR);
        return;
    }
    if (n >= 2 && py_is_subtype(t, &py_type_OSError) && py_is_int(arg(e, 0))) {
        py_sb_adds(sb, "[Errno ");
        py_print_to(sb, arg(e, 0), PY_PRINT_STR);
        py_sb_adds(sb, "] ");
        py_print_to(sb, arg(e, 1), PY_PRINT_STR);
        if (n >= 3) {
            py_sb_adds(sb, ": ");
            py_print_to(sb, arg(e, 2), PY_PRINT_REPR);
        }
        return;
    }
    if (n == 2 && py_is_subtype(t, &py_type_SyntaxError) && py_is_type(arg(e, 1), &py_type_tuple) &&
        py_as_tuple(arg(e, 1))->len >= 2) {
        py_tuple_t *loc = py_as_tuple(arg(e, 1));
        py_print_to(sb, arg(e, 0), PY_PRINT_STR);
        py_sb_adds(sb, " (");
        py_print_to(sb, loc->items[0], PY_PRINT_STR);
        py_sb_adds(sb, ", line ");
        py_print_to(sb, loc->items[1], PY_PRINT_STR);
        py_sb_addc(sb, ')');
        return;
    }
    if (n == 0) return;
    if (n == 1) {
        py_print_to(sb, arg(e, 0), PY_PRINT_STR);
        return;
    }
    py_print_to(sb, e->args, PY_PRINT_STR);
}

static void exc_print(py_sb_t *sb, py_val_t self, int kind) {
    if (kind == PY_PRINT_STR) {
        exc_str_to(sb, self);
        return;
    }
    py_exc_t *e = as_exc(self);
    py_sb_adds(sb, py_obj_type(self)->name);
    size_t n = nargs(e);
    if (n == 1) {
        py_sb_addc(sb, '(');
        py_print_to(sb, arg(e, 0), PY_PRINT_REPR);
        py_sb_addc(sb, ')');
    } else if (n == 0) {
        py_sb_adds(sb, "()");
    } else {
        py_print_to(sb, e->args, PY_PRINT_REPR);
    }
}

static py_val_t exc_getattr(py_val_t self, py_val_t name) {
    py_exc_t *e = as_exc(self);
    py_type_t *t = py_obj_type(self);
    if (name == PYN(args)) return e->args;
    if (name == PYN(__traceback__)) return PY_NONE;
    if (name == PYN(__cause__)) return e->cause;
    if (name == PYN(__context__)) return e->context;
    if (name == n_suppress) return py_bool(e->suppress_context);
    size_t n = nargs(e);
    if (name == PYN(value) && py_is_subtype(t, &py_type_StopIteration))
        return py_is_null(e->value) ? PY_NONE : e->value;
    if (name == PYN(code) && py_is_subtype(t, &py_type_SystemExit))
        return n == 0 ? PY_NONE : n == 1 ? arg(e, 0) : e->args;
    if (py_is_subtype(t, &py_type_OSError)) {
        /* MicroPython raises OSError(ENODEV) with the number alone and its
         * drivers test e.errno, so a lone argument is the errno (CPython
         * says None there; two arguments behave the same in both). */
        if (name == PYN(errno)) return n >= 1 ? arg(e, 0) : PY_NONE;
        if (name == PYN(strerror)) return n >= 2 ? arg(e, 1) : PY_NONE;
        if (name == PYN(filename)) return n >= 3 ? arg(e, 2) : PY_NONE;
    }
    if (py_is_subtype(t, &py_type_ImportError)) {
        if (name == PYN(name) || name == PYN(path)) return PY_NONE;
        if (name == PYN(msg)) return n >= 1 ? arg(e, 0) : PY_NONE;
    }
    if (py_is_subtype(t, &py_type_SyntaxError)) {
        py_tuple_t *loc = n == 2 && py_is_type(arg(e, 1), &py_type_tuple) ? py_as_tuple(arg(e, 1)) : NULL;
        if (name == PYN(msg)) return n >= 1 ? arg(e, 0) : PY_NONE;
        if (name == PYN(filename)) return loc && loc->len > 0 ? loc->items[0] : PY_NONE;
        if (name == PYN(lineno)) return loc && loc->len > 1 ? loc->items[1] : PY_NONE;
        if (name == n_offset) return loc && loc->len > 2 ? loc->items[2] : PY_NONE;
        if (name == n_text) return loc && loc->len > 3 ? loc->items[3] : PY_NONE;
    }
    return PY_NULL;
}

static int exc_setattr(py_val_t self, py_val_t name, py_val_t value) {
    py_exc_t *e = as_exc(self);
    if (name == PYN(args)) {
        if (py_is_null(value)) py_raise_msg(&py_type_TypeError, "args may not be deleted");
        e->args = py_is_type(value, &py_type_tuple) ? value : py_call1(py_obj(&py_type_tuple), value);
        return 1;
    }
    if (name == PYN(__cause__)) {
        if (!py_is_none(value) && !is_exc_instance(value))
            py_raise_msg(&py_type_TypeError, "exception cause must be None or derive from BaseException");
        e->cause = py_is_null(value) ? PY_NONE : value;
        e->suppress_context = 1;
        return 1;
    }
    if (name == PYN(__context__)) {
        if (!py_is_none(value) && !py_is_null(value) && !is_exc_instance(value))
            py_raise_msg(&py_type_TypeError, "exception context must be None or derive from BaseException");
        e->context = py_is_null(value) ? PY_NONE : value;
        return 1;
    }
    if (name == n_suppress) {
        e->suppress_context = !py_is_null(value) && py_truthy(value);
        return 1;
    }
    if (name == PYN(__traceback__)) {
        if (py_is_none(value)) e->traceback = PY_NULL;
        return 1;
    }
    if (name == PYN(value) && py_is_subtype(py_obj_type(self), &py_type_StopIteration) && !py_is_null(value)) {
        e->value = value;
        return 0; /* also kept in the dict, which getattr consults first */
    }
    return 0;
}

/* BaseException.__init__(self, *args) */
static py_val_t m_init(int argc, const py_val_t *argv, py_val_t kw) {
    py_exc_t *e = self_exc(argv[0], "BaseException.__init__");
    e->args = py_tuple_from_array((size_t)argc - 1, argv + 1);
    fill_value(e, py_obj_type(argv[0]));
    return PY_NONE;
}

static py_val_t m_str(int argc, const py_val_t *argv, py_val_t kw) {
    self_exc(argv[0], "BaseException.__str__");
    py_sb_t sb;
    py_sb_init(&sb);
    exc_str_to(&sb, argv[0]);
    return py_sb_to_str(&sb);
}

static py_val_t m_repr(int argc, const py_val_t *argv, py_val_t kw) {
    self_exc(argv[0], "BaseException.__repr__");
    py_sb_t sb;
    py_sb_init(&sb);
    exc_print(&sb, argv[0], PY_PRINT_REPR);
    return py_sb_to_str(&sb);
}

static py_val_t m_with_traceback(int argc, const py_val_t *argv, py_val_t kw) {
    self_exc(argv[0], "with_traceback");
    return argv[0];
}

static py_val_t m_add_note(int argc, const py_val_t *argv, py_val_t kw) {
    self_exc(argv[0], "add_note");
    if (!py_is_str(argv[1])) py_raise_msg(&py_type_TypeError, "note must be a str, not '%s'", py_type_name(argv[1]));
    py_val_t name = py_intern("__notes__");
    py_val_t notes = py_getattr_opt(argv[0], name);
    if (py_is_null(notes)) {
        notes = py_list_new(0);
        py_setattr(argv[0], name, notes);
    }
    py_list_append(notes, argv[1]);
    return PY_NONE;
}

static const py_method_def_t exc_methods[] = {
    {"__init__", m_init, 1, -1, PY_MF_KW},
    {"__str__", m_str, 1, 1, 0},
    {"__repr__", m_repr, 1, 1, 0},
    {"with_traceback", m_with_traceback, 2, 2, 0},
    {"add_note", m_add_note, 2, 2, 0},
    PY_MF_END,
};

#define EXC_TYPE(NAME, BASE)                                                                    \
    py_type_t py_type_##NAME = {                                                                \
        .h = {&py_type_type},                                                                   \
        .name = #NAME,                                                                          \
        .flags = PY_TF_BASETYPE | PY_TF_EXCEPTION,                                              \
        .instance_size = sizeof(py_exc_t),                                                      \
        .dict_offset = offsetof(py_exc_t, dict),                                                \
        .base = &py_type_##BASE,                                                                \
        .make_new = exc_make_new,                                                               \
        .print = exc_print,                                                                     \
        .getattr = exc_getattr,                                                                 \
        .setattr = exc_setattr,                                                                 \
        .trace = exc_trace,                                                                     \
    };
/* Only BaseException carries the methods (set by py_exceptions_init);
 * subclasses inherit them by MRO. */
PY_EXCEPTION_LIST(EXC_TYPE)

/* ------------------------------------------------------------ tracebacks */

void py_exc_add_traceback(py_val_t exc, py_val_t filename, int line, py_val_t funcname) {
    if (!is_exc_instance(exc)) return;
    py_exc_t *e = as_exc(exc);
    if (exc == no_memory_exc || exc == locked_exc || py_gc_is_locked()) {
        /* the heap may be full or locked: a traceback is a luxury here */
        py_try_t t;
        if (py_try(&t)) {
            py_val_t entry = py_tuple_pack(3, filename, py_small(line), funcname);
            if (py_is_null(e->traceback)) e->traceback = py_list_new(0);
            py_list_append(e->traceback, entry);
            py_try_end(&t);
        } else {
            return;
        }
    } else {
        py_val_t entry = py_tuple_pack(3, filename, py_small(line), funcname);
        if (py_is_null(e->traceback)) e->traceback = py_list_new(0);
        py_list_append(e->traceback, entry);
    }
    /* frames arrive innermost first and stay in that order (moving each to
     * the front would be quadratic in the depth): printers walk backwards */
}

static void print_one(py_sb_t *sb, py_val_t exc) {
    py_exc_t *e = as_exc(exc);
    py_type_t *t = py_obj_type(exc);
    bool syntax = py_is_subtype(t, &py_type_SyntaxError);
    bool has_tb = py_is_obj(e->traceback) && py_as_list(e->traceback)->len > 0;
    if (has_tb) {
        py_sb_adds(sb, "Traceback (most recent call last):\n");
        py_list_t *l = py_as_list(e->traceback);
        for (size_t i = l->len; i-- > 0;) { /* stored innermost first */
            py_val_t ent = l->items[i];
            if (!py_is_type(ent, &py_type_tuple) || py_as_tuple(ent)->len < 3) continue;
            py_tuple_t *tt = py_as_tuple(ent);
            py_sb_adds(sb, "  File \"");
            py_print_to(sb, tt->items[0], PY_PRINT_STR);
            py_sb_adds(sb, "\", line ");
            py_print_to(sb, tt->items[1], PY_PRINT_STR);
            py_sb_adds(sb, ", in ");
            py_print_to(sb, tt->items[2], PY_PRINT_STR);
            py_sb_addc(sb, '\n');
        }
    }
    py_val_t msg = PY_NULL;
    if (syntax && nargs(e) == 2 && py_is_type(arg(e, 1), &py_type_tuple) && py_as_tuple(arg(e, 1))->len >= 4) {
        /* CPython's layout: the location, the source line and a caret */
        py_tuple_t *loc = py_as_tuple(arg(e, 1));
        py_sb_adds(sb, "  File \"");
        py_print_to(sb, loc->items[0], PY_PRINT_STR);
        py_sb_adds(sb, "\", line ");
        py_print_to(sb, loc->items[1], PY_PRINT_STR);
        py_sb_addc(sb, '\n');
        py_val_t text = loc->items[3];
        if (py_is_str(text) && py_str_len(text)) {
            const char *s = py_str_data(text);
            size_t n = py_str_len(text), lead = 0;
            while (lead < n && (s[lead] == ' ' || s[lead] == '\t' || s[lead] == '\f')) lead++;
            while (n > lead && (s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
            py_sb_adds(sb, "    ");
            py_sb_add(sb, s + lead, n - lead);
            py_sb_addc(sb, '\n');
            int64_t col = py_is_small(loc->items[2]) ? py_as_small(loc->items[2]) : 0;
            if (col >= 1) {
                py_sb_adds(sb, "    ");
                /* the caret sits under the column (1-based, in characters of
                 * the whole line; the indentation was stripped) */
                int64_t chars = 0;
                for (size_t i = 0; i < n && chars < col - 1; i++) {
                    if (((unsigned char)s[i] & 0xC0) == 0x80) continue;
                    chars++;
                    if (i >= lead) py_sb_addc(sb, ' ');
                }
                py_sb_adds(sb, "^\n");
            }
        }
        msg = arg(e, 0);
    }
    py_sb_adds(sb, t->name);
    py_try_t tr;
    if (py_try(&tr)) {
        if (py_is_null(msg)) msg = py_str(exc);
        py_try_end(&tr);
    } else {
        msg = py_str_from_cstr("<exception str() failed>");
    }
    if (py_is_str(msg) && py_str_len(msg)) {
        py_sb_adds(sb, ": ");
        py_sb_add(sb, py_str_data(msg), py_str_len(msg));
    }
    py_sb_addc(sb, '\n');
}

static void print_chain(py_sb_t *sb, py_val_t exc, int depth) {
    py_exc_t *e = as_exc(exc);
    if (depth < 32) {
        if (is_exc_instance(e->cause)) {
            print_chain(sb, e->cause, depth + 1);
            py_sb_adds(sb, "\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (is_exc_instance(e->context) && !e->suppress_context) {
            print_chain(sb, e->context, depth + 1);
            py_sb_adds(sb, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    print_one(sb, exc);
}

void py_print_exception(py_val_t exc, py_val_t file) {
    py_sb_t sb;
    py_sb_init(&sb);
    if (is_exc_instance(exc)) {
        print_chain(&sb, exc, 0);
    } else {
        py_sb_adds(&sb, "exception: ");
        py_print_to(&sb, exc, PY_PRINT_REPR);
        py_sb_addc(&sb, '\n');
    }
    if (py_is_null(file)) py_write_stderr(sb.data, sb.len);
    else py_write_to(file, sb.data, sb.len);
}

/* ------------------------------------------------------------ guards */

void py_check_stack(void) {
    char here;
    if (py_stack_limit && &here < py_stack_limit)
        py_raise_msg(&py_type_RecursionError, "maximum recursion depth exceeded");
}

void py_handle_pending(void) {
    if (py_tick_budget < 0) {
        if (py_tick_hook) py_tick_hook(); /* resets the budget; may raise */
        else py_tick_budget = INT32_MAX;
    }
    if (!py_pending) return;
    py_pending = 0;
    if (py_hard_irq_count() > 0) py_hard_irq_run();
    if (py_sigint) {
        py_sigint = 0;
        if (py_scheduled_count() > 0) py_pending = 1;
        py_raise(py_exc_new_args(&py_type_KeyboardInterrupt, 0, NULL));
    }
    if (py_scheduled_count() > 0) py_run_scheduled();
}

/* MicroPython runs scheduled callbacks only at jump opcodes, never at a
 * call, so `schedule(f, x); print(1)` prints before f runs.  Call sites use
 * this: it does the rest of py_handle_pending and leaves the callbacks
 * pending for the next jump. */
void py_handle_pending_call(void) {
    if (py_scheduled_count() == 0 || py_sigint) {
        py_handle_pending();
        return;
    }
    if (py_hard_irq_count() > 0) py_hard_irq_run(); /* hard IRQs do not wait for a jump */
    if (py_tick_budget < 0) {
        if (py_tick_hook) py_tick_hook();
        else py_tick_budget = INT32_MAX;
    }
}

/* Called by py_init once the types work: preallocates MemoryError. */
void py_exceptions_init(void) {
    py_type_BaseException.methods = exc_methods;
    py_gc_add_root(&n_suppress);
    py_gc_add_root(&n_offset);
    py_gc_add_root(&n_text);
    n_suppress = py_intern("__suppress_context__");
    n_offset = py_intern("offset");
    n_text = py_intern("text");
    py_gc_add_root(&no_memory_exc);
    no_memory_exc = alloc_exc(&py_type_MemoryError, 0, NULL);
    py_gc_add_root(&locked_exc);
    py_val_t msg = py_str_from_cstr("memory allocation failed, heap is locked");
    locked_exc = alloc_exc(&py_type_MemoryError, 1, &msg);
}

void py_exceptions_deinit(void) {
    py_gc_remove_root(&no_memory_exc);
    no_memory_exc = PY_NULL;
    py_gc_remove_root(&locked_exc);
    locked_exc = PY_NULL;
    py_try_top = NULL;
}
