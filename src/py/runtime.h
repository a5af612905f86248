/* runtime.h: the language runtime's internal API.
 *
 * Every file of src/py (and the modules) codes against these declarations.
 * Contracts: functions that may raise say so; a raising function never
 * returns (errors travel by py_raise -> longjmp to the nearest py_try).
 * Values returned are GC-managed; hold them in locals (the C stack is a
 * root) or in traced objects.
 *
 * Owner files are noted per section, so a reader knows where each lives.
 */
#ifndef PY_RUNTIME_H
#define PY_RUNTIME_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "gc.h"
#include "names.h"
#include "obj.h"
#include "value.h"

#define PY_NORETURN _Noreturn
#if defined(__GNUC__)
#define PY_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define PY_PRINTF(a, b)
#endif

/* ------------------------------------------------------------------ types */
extern py_type_t py_type_type, py_type_object, py_type_none, py_type_notimplemented,
    py_type_ellipsis, py_type_raw, py_type_module, py_type_cfunc, py_type_bound_method,
    py_type_property, py_type_staticmethod, py_type_classmethod, py_type_super; /* obj_type.c & co */
extern py_type_t py_type_int, py_type_bool, py_type_float, py_type_complex; /* obj_int.c obj_float.c obj_complex.c */
extern py_type_t py_type_str, py_type_bytes, py_type_bytearray, py_type_memoryview; /* obj_str.c obj_bytes.c */
extern py_type_t py_type_tuple, py_type_list, py_type_dict, py_type_set, py_type_frozenset,
    py_type_range, py_type_slice, py_type_enumerate, py_type_zip, py_type_map, py_type_filter,
    py_type_reversed; /* obj_tuple.c obj_list.c obj_dict.c obj_set.c obj_range.c obj_iter.c */
extern py_type_t py_type_function, py_type_code, py_type_cell, py_type_generator,
    py_type_coroutine; /* obj_func.c obj_gen.c */

/* The exception hierarchy (obj_exception.c). */
#define PY_EXCEPTION_LIST(X) \
    X(BaseException, object) X(SystemExit, BaseException) X(KeyboardInterrupt, BaseException) \
    X(GeneratorExit, BaseException) X(Exception, BaseException) X(StopIteration, Exception) \
    X(StopAsyncIteration, Exception) X(ArithmeticError, Exception) \
    X(OverflowError, ArithmeticError) X(ZeroDivisionError, ArithmeticError) \
    X(FloatingPointError, ArithmeticError) X(AssertionError, Exception) \
    X(AttributeError, Exception) X(BufferError, Exception) X(EOFError, Exception) \
    X(ImportError, Exception) X(ModuleNotFoundError, ImportError) X(LookupError, Exception) \
    X(IndexError, LookupError) X(KeyError, LookupError) X(MemoryError, Exception) \
    X(NameError, Exception) X(UnboundLocalError, NameError) X(OSError, Exception) \
    X(RuntimeError, Exception) X(NotImplementedError, RuntimeError) \
    X(RecursionError, RuntimeError) X(SyntaxError, Exception) \
    X(IndentationError, SyntaxError) X(TabError, IndentationError) X(SystemError, Exception) \
    X(TypeError, Exception) X(ValueError, Exception) X(UnicodeError, ValueError) \
    X(UnicodeDecodeError, UnicodeError) X(UnicodeEncodeError, UnicodeError) \
    X(TimeoutError, OSError) X(Warning, Exception) X(UserWarning, Warning) \
    X(DeprecationWarning, Warning) X(RuntimeWarning, Warning) X(CancelledError, BaseException)
#define PY_EXC_DECL(name, base) extern py_type_t py_type_##name;
PY_EXCEPTION_LIST(PY_EXC_DECL)
#undef PY_EXC_DECL

/* Singletons that are objects (None/True/False are immediates). */
extern py_obj_t py_notimplemented_obj, py_ellipsis_obj;
#define PY_NOTIMPLEMENTED py_obj(&py_notimplemented_obj)
#define PY_ELLIPSIS py_obj(&py_ellipsis_obj)

static inline py_type_t *py_type_of(py_val_t v) {
    if (py_is_obj(v)) return ((py_obj_t *)py_as_ptr(v))->type;
    if (py_is_float(v)) return &py_type_float;
    if (py_is_small(v)) return &py_type_int;
    if (py_is_bool(v)) return &py_type_bool;
    return &py_type_none;
}
/* Exact type test for heap objects (no subclass check). */
static inline bool py_is_type(py_val_t v, const py_type_t *t) {
    return py_is_obj(v) && ((py_obj_t *)py_as_ptr(v))->type == t;
}
const char *py_type_name(py_val_t v); /* "int", "MyClass" ... */

/* -------------------------------------------------- errors (obj_exception.c) */
/* A catch point.  Use:
 *     py_try_t t;
 *     if (py_try(&t)) { ...body...; py_try_end(&t); }
 *     else { use t.exc; }           -- the handler is already popped here
 * The body must call py_try_end on every normal exit (no `return` past it). */
typedef struct py_try {
    jmp_buf buf;
    struct py_try *prev;
    py_val_t exc;     /* the exception instance, in the handler */
    void *vm_frame;   /* VM bookkeeping: the frame active when the try was set */
    int c_depth;      /* nesting depth of C->Python calls when the try was set */
} py_try_t;
extern py_try_t *py_try_top;
/* vm.c: fills a catch point's VM bookkeeping (called by py_try_enter).
 * obj_exception.c has a weak default that records nothing. */
void py_vm_try_state(void **frame, int *c_depth);
void py_try_enter(py_try_t *t);
#define py_try(t) (py_try_enter(t), setjmp((t)->buf) == 0)
void py_try_end(py_try_t *t);

PY_NORETURN void py_raise(py_val_t exc_or_class);
PY_NORETURN void py_raise_msg(py_type_t *type, const char *fmt, ...) PY_PRINTF(2, 3);
PY_NORETURN void py_raise_no_memory(void);
PY_NORETURN void py_raise_type_error_arg(const char *func, const char *expected, py_val_t got);
py_val_t py_exc_new(py_type_t *type, const char *fmt, ...) PY_PRINTF(2, 3);
py_val_t py_exc_new_args(py_type_t *type, int argc, const py_val_t *argv);
bool py_exc_matches(py_val_t exc, py_val_t type_or_tuple); /* `except` test */
py_val_t py_exc_instance(py_val_t exc_or_class); /* instantiates a class */
void py_exc_add_traceback(py_val_t exc, py_val_t filename, int line, py_val_t funcname);
/* Prints "Traceback (most recent call last):" ... in MicroPython's format, with chaining. */
void py_print_exception(py_val_t exc, py_val_t file /* PY_NULL: stderr */);

/* C stack guard: raises RecursionError (a RuntimeError) "maximum recursion depth exceeded"
 * when the native stack is nearly used up.  Call it in recursive C paths. */
void py_check_stack(void);
extern char *py_stack_limit; /* set at start-up from the stack base and size */

/* Asynchronous events (Ctrl-C, board interrupts): set by signal handlers and
 * the board, polled by the VM at backward jumps and calls. */
extern volatile int py_pending;
extern volatile int py_sigint; /* set by the CLI's SIGINT handler with py_pending */
void py_handle_pending(void); /* raises KeyboardInterrupt, runs scheduled callbacks */
void py_handle_pending_call(void); /* at calls: the same, but scheduled callbacks wait for a jump */
void py_run_scheduled(void);  /* mod_micropython.c: runs micropython.schedule() callbacks */
/* Queues fn(arg) to run between bytecodes, as micropython.schedule does;
 * false when the queue is full.  Allocates nothing: safe from any C code. */
bool py_schedule(py_val_t fn, py_val_t arg);
void py_schedule_clear(void); /* drops every queued callback (a board reset) */
/* Hard interrupts (hardirq.c): fn(ctx, arg) runs at the next poll, ahead of
 * scheduled callbacks, with the heap and the scheduler locked.  Posting
 * allocates nothing and never raises (false: the queue is full). */
bool py_hard_irq_post(void (*fn)(void *ctx, uintptr_t arg), void *ctx, uintptr_t arg);
int py_hard_irq_count(void);
void py_hard_irq_run(void);   /* called by py_handle_pending */
void py_hard_irq_clear(void); /* drops what is queued (a board reset) */
extern bool py_in_hard_irq;   /* a hard handler is running */
/* Abort: while set, an exception unwinds every Python frame without running
 * except/finally/with handlers, as when a board resets under the program.
 * The embedder sets it before raising and clears it at top level. */
extern bool py_abort_unwind;

/* The tick hook: a generic, cheap way for an embedder (the board's CPU time
 * model) to run code every N polls of the VM.  Each poll (backward jump or
 * call) decrements py_tick_budget; when it goes negative the poll calls
 * py_handle_pending, which calls py_tick_hook.  The hook must reset
 * py_tick_budget (to its period) and may raise.  Without a hook the budget is
 * simply refilled.  The language itself knows nothing of what the hook does;
 * py_tick_budget's distance from the period is the number of polls since the
 * hook last ran (the embedder uses it to charge CPU time exactly). */
extern int32_t py_tick_budget;
extern void (*py_tick_hook)(void);
/* `|` on ints, not `||`: the budget must be decremented on every poll. */
static inline bool py_poll_due(void) { return ((int)(--py_tick_budget < 0) | (int)(py_pending != 0)) != 0; }

/* ------------------------------------------------ protocols (runtime.c) */
bool py_truthy(py_val_t v);
py_val_t py_binary(py_binop_t op, py_val_t lhs, py_val_t rhs);
py_val_t py_compare(py_cmpop_t op, py_val_t a, py_val_t b); /* result of the comparison (may be non-bool) */
/* The result of `op` between two operands whose three-way order is c (<0, 0, >0): the tail of every
 * comparison that reduces to an order (sizes, memcmp, lexicographic ends). */
static inline py_val_t py_compare_order(py_cmpop_t op, int c) {
    switch (op) {
    case PY_CMP_LT: return py_bool(c < 0);
    case PY_CMP_LE: return py_bool(c <= 0);
    case PY_CMP_EQ: return py_bool(c == 0);
    case PY_CMP_NE: return py_bool(c != 0);
    case PY_CMP_GT: return py_bool(c > 0);
    default: return py_bool(c >= 0);
    }
}
bool py_eq(py_val_t a, py_val_t b);  /* identity first, then __eq__ */
bool py_lt(py_val_t a, py_val_t b);  /* for sort, min, max */
py_val_t py_unary(py_unop_t op, py_val_t v);
int64_t py_hash(py_val_t v);          /* TypeError for unhashable */
size_t py_len(py_val_t v);
bool py_contains(py_val_t container, py_val_t item);
bool py_is_instance(py_val_t v, const py_type_t *t);
bool py_is_subtype(const py_type_t *t, const py_type_t *base);
py_val_t py_isinstance_check(py_val_t v, py_val_t type_or_tuple); /* isinstance() builtin semantics */

py_val_t py_getattr(py_val_t obj, py_val_t name);     /* raises AttributeError */
py_val_t py_getattr_opt(py_val_t obj, py_val_t name); /* PY_NULL when absent */
void py_setattr(py_val_t obj, py_val_t name, py_val_t value);
void py_delattr(py_val_t obj, py_val_t name);
/* For `obj.name(...)`: returns the callable; *self_out is obj when the
 * callable is a plain function found on the type (call it with obj
 * prepended), PY_NULL otherwise.  Avoids allocating bound methods. */
py_val_t py_load_method(py_val_t obj, py_val_t name, py_val_t *self_out);
py_val_t py_type_lookup(const py_type_t *t, py_val_t name); /* MRO lookup, PY_NULL if absent */

py_val_t py_getitem(py_val_t obj, py_val_t key);
void py_setitem(py_val_t obj, py_val_t key, py_val_t value);
void py_delitem(py_val_t obj, py_val_t key);

py_val_t py_iter(py_val_t v);
py_val_t py_next(py_val_t iter); /* PY_NULL when exhausted (StopIteration is absorbed) */

py_val_t py_call(py_val_t f, int argc, const py_val_t *argv, py_val_t kwnames);
py_val_t py_call0(py_val_t f);
py_val_t py_call1(py_val_t f, py_val_t a);
py_val_t py_call2(py_val_t f, py_val_t a, py_val_t b);
py_val_t py_call_method(py_val_t obj, py_val_t name, int argc, const py_val_t *argv);
/* Bind argv to a native def: checks counts and rejects keywords when not allowed. */
void py_check_args(const char *name, int argc, py_val_t kwnames, int min, int max);
/* Keyword-argument helper for natives: looks `name` up among kwnames. */
py_val_t py_kwarg(int argc, const py_val_t *argv, py_val_t kwnames, const char *name, py_val_t dflt);

py_val_t py_repr(py_val_t v); /* str */
py_val_t py_str(py_val_t v);  /* str */
void py_print_to(py_sb_t *sb, py_val_t v, int kind);

/* Native functions and methods as objects. */
py_val_t py_cfunc_new(const py_method_def_t *def, py_val_t self /* PY_NULL if unbound */);
py_val_t py_bound_method_new(py_val_t self, py_val_t func);
py_val_t py_module_new(py_val_t name);
py_val_t py_type_new_class(py_val_t name, py_val_t bases, py_val_t dict, py_val_t metaclass); /* class creation */
void py_type_init_builtin(py_type_t *t); /* fills dict from methods and mro; idempotent */

/* ------------------------------------------------- numbers (obj_int.c ...) */
py_val_t py_int_from_i64(int64_t i);
py_val_t py_int_from_u64(uint64_t u);
py_val_t py_int_from_double(double d); /* truncates; raises on inf/nan */
py_val_t py_int_from_str(const char *s, size_t len, int base); /* int("..", base) rules; ValueError */
bool py_is_int(py_val_t v);            /* small int, big int or bool */
int64_t py_to_i64(py_val_t v);         /* int/bool/__index__; TypeError or OverflowError */
bool py_int_fits_i64(py_val_t v);
double py_to_double(py_val_t v);       /* int/float/bool/__float__; TypeError */
double py_int_to_double(py_val_t v);
py_val_t py_int_to_str(py_val_t v, int base); /* str, with 0x/0o/0b prefix only if base != 10 */
py_val_t py_float_repr(double d);        /* shortest round-trip repr: "0.1", "1e+16", "inf" */
void py_format_float(py_sb_t *sb, double d, char fmt, int prec); /* %e %f %g %r-style */
py_val_t py_complex_new(double re, double im);
/* Numeric helpers for builtins/format (obj_int.c). */
py_val_t py_int_pow_mod(py_val_t base, py_val_t exp, py_val_t mod); /* pow(b, e, m) */
py_val_t py_int_divmod(py_val_t a, py_val_t b); /* (a // b, a % b) tuple for ints; PY_NULL if not ints */
int py_int_cmp_double(py_val_t i, double d);   /* exact: -1/0/1, 2 when d is NaN */
void py_int_append_text(py_sb_t *sb, py_val_t v, int base, bool prefix); /* sign [prefix] digits */
py_val_t py_float_divmod(double a, double b);   /* divmod() for floats (obj_float.c) */
int py_float_repr_buf(char *out /* >= 40 bytes */, double d); /* repr text, returns length */
bool py_float_parse(const char *s, size_t len, double *out); /* float() literal rules; false if invalid */
int64_t py_float_hash(double d);
py_val_t py_hash_value(int64_t h); /* a numeric hash as the small int the hash slot returns (folds wide values) */
double py_float_round(double x, int64_t ndigits); /* round(x, n) correctly rounded */

/* ---------------------------------------------- strings (obj_str.c & co) */
struct py_sb {
    char *data; /* raw GC payload, NUL-terminated after py_sb_finish */
    size_t len;
    size_t cap;
};
void py_sb_init(py_sb_t *sb);
void py_sb_add(py_sb_t *sb, const char *s, size_t n);
void py_sb_adds(py_sb_t *sb, const char *s);
void py_sb_addc(py_sb_t *sb, char c);
void py_sb_add_utf8(py_sb_t *sb, uint32_t codepoint);
void py_sb_printf(py_sb_t *sb, const char *fmt, ...) PY_PRINTF(2, 3);
py_val_t py_sb_to_str(py_sb_t *sb);
py_val_t py_sb_to_bytes(py_sb_t *sb);

py_val_t py_str_new(const char *s, size_t len); /* s must be valid UTF-8 */
py_val_t py_str_from_cstr(const char *s);
py_val_t py_str_printf(const char *fmt, ...) PY_PRINTF(1, 2);
py_val_t py_bytes_new(const void *data, size_t len);
bool py_is_str(py_val_t v); /* str or subclass */
static inline const char *py_str_data(py_val_t s) { return ((py_str_t *)py_as_ptr(s))->data; }
static inline size_t py_str_len(py_val_t s) { return ((py_str_t *)py_as_ptr(s))->len; }
uint64_t py_str_hash(py_val_t s);
bool py_str_equal(py_val_t a, py_val_t b);
py_val_t py_intern(const char *s);
py_val_t py_intern_n(const char *s, size_t len);
py_val_t py_intern_str(py_val_t s); /* the interned equivalent of a str */
void py_intern_init(void);          /* also fills py_names[] */
/* The format-spec mini-language, shared by format(), str.format and f-strings. */
py_val_t py_format_value(py_val_t v, py_val_t spec /* str */);
py_val_t py_format_builtin(py_val_t v, py_val_t spec); /* builtin types' own __format__: no class dispatch */
py_val_t py_str_mod_format(py_val_t fmt, py_val_t args); /* the % operator */
py_val_t py_str_format_method(int argc, const py_val_t *argv, py_val_t kwnames); /* str.__format__ (format.c) */
/* Bytes-like access: fills buf or raises TypeError. */
void py_get_buffer(py_val_t v, py_buf_t *buf, int writable);

/* ------------------------------------------ containers (obj_tuple.c ...) */
py_val_t py_tuple_new(size_t n); /* items set to PY_NONE; fill before exposing */
py_val_t py_tuple_pack(size_t n, ...);
py_val_t py_tuple_from_array(size_t n, const py_val_t *items);
static inline py_tuple_t *py_as_tuple(py_val_t v) { return (py_tuple_t *)py_as_ptr(v); }

py_val_t py_list_new(size_t n); /* len n, items PY_NONE */
py_val_t py_list_from_array(size_t n, const py_val_t *items);
void py_list_append(py_val_t list, py_val_t v);
py_val_t py_list_from_iter(py_val_t iterable);
void py_list_sort(py_val_t list, py_val_t key, bool reverse);
static inline py_list_t *py_as_list(py_val_t v) { return (py_list_t *)py_as_ptr(v); }
/* Fast access to a sequence's items for unpacking and *args: list or tuple
 * only; returns false for other types. */
bool py_seq_items(py_val_t v, size_t *len, py_val_t **items);

py_val_t py_dict_new(void);
py_val_t py_dict_get(py_val_t d, py_val_t key); /* PY_NULL if absent; may raise (unhashable, __eq__) */
void py_dict_set(py_val_t d, py_val_t key, py_val_t value);
bool py_dict_del(py_val_t d, py_val_t key); /* false if absent */
/* Lookup with an interned str key: pointer comparison only, never raises. */
py_val_t py_dict_get_interned(py_val_t d, py_val_t key);
/* The entry number (py_dict_t.entries) of an interned str key, -1 if absent, or
 * -2 when a non-str key with an equal hash sits on the probe path (then only
 * py_dict_get can decide; py_dict_get_interned answers "absent"). */
int32_t py_dict_index_interned(py_val_t d, py_val_t key);
/* Iteration: start with *pos = 0; returns false at the end. */
bool py_dict_next(py_val_t d, size_t *pos, py_val_t *key, py_val_t *value);
size_t py_dict_len(py_val_t d);
py_val_t py_dict_copy(py_val_t d);
void py_dict_update(py_val_t d, py_val_t other); /* dict or iterable of pairs, or mapping */

py_val_t py_set_new(bool frozen);
void py_set_add(py_val_t set, py_val_t v);
bool py_set_contains(py_val_t set, py_val_t v);

py_val_t py_slice_new(py_val_t start, py_val_t stop, py_val_t step);
/* Resolves a slice against a length (CPython's rules); returns the item count. */
size_t py_slice_indices(py_val_t slice, size_t len, ssize_t *start, ssize_t *stop, ssize_t *step);
/* Normalises an index (negative from the end); raises IndexError("<what> index out of range"). */
size_t py_index_check(py_val_t index, size_t len, const char *what);
py_val_t py_range_new(int64_t start, int64_t stop, int64_t step);

/* -------------------------------------------- execution (vm.c compile.c ...) */
enum { PY_MODE_EXEC, PY_MODE_EVAL, PY_MODE_SINGLE /* REPL: echo expression results */ };
/* Source -> code object (parse + compile).  Raises SyntaxError. */
py_val_t py_compile_source(const char *src, size_t len, py_val_t filename, int mode);
/* Runs a module-level code object in the given namespaces (locals may equal globals). */
py_val_t py_run_code(py_val_t code, py_val_t globals, py_val_t locals);
/* Convenience: compile and run. */
py_val_t py_exec_source(const char *src, size_t len, py_val_t filename, int mode,
                        py_val_t globals, py_val_t locals);
py_val_t py_vm_globals(void); /* globals of the running frame (globals() builtin) */
py_val_t py_vm_locals(void);  /* locals() */
py_val_t py_vm_current_exc(void); /* the exception being handled (sys.exc_info), or PY_NULL */
extern int py_max_depth;      /* Python frame depth limit */
extern int py_opt_level;      /* -O count: 1 drops asserts, __debug__ is False (compile.c) */

/* --------------------------------- modules and import (import.c, builtins.c) */
/* A native module: `init` fills the module's dict.  Registering a new C
 * module is one file that defines a py_module_def_t plus one line in
 * src/py/module_list.h. */
typedef struct {
    const char *name;
    const py_method_def_t *functions; /* may be NULL */
    void (*init)(py_val_t module);    /* may be NULL; adds constants, types */
} py_module_def_t;
py_val_t py_import(py_val_t name, py_val_t fromlist, int level, py_val_t globals);
py_val_t py_import_cstr(const char *name);
void py_module_add(py_val_t module, const char *name, py_val_t value);
py_val_t py_builtins_dict(void);    /* the builtins module's dict */
/* __build_class__(func, name, *bases, metaclass=..., **kw): a py_cfunc_t (vm.c / obj_type.c) */
py_val_t py_builtin_build_class(int argc, const py_val_t *argv, py_val_t kwnames);
void py_modules_init(void);         /* import.c: creates builtins and sys; called by py_init */
py_val_t py_sys_modules(void);      /* sys.modules */
extern py_val_t py_sys_path, py_sys_argv, py_sys_stdout_obj, py_sys_stderr_obj;
/* Output used by print() and tracebacks when sys.stdout is the default. */
void py_write_stdout(const char *s, size_t n);
void py_write_stderr(const char *s, size_t n);

/* --------------------------------------------------- start-up (init.c) */
typedef struct {
    size_t heap_limit;
    void *stack_base;
    size_t stack_size;
} py_config_t;
void py_init(const py_config_t *cfg);
void py_deinit(void);

#endif
