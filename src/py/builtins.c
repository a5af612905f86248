/* builtins.c: the builtins module -- every builtin function, plus the builtin
 * types, exception classes and constants bound by name.
 *
 * Functions follow CPython 3.11's signatures and error wording where
 * MicroPython agrees.  print() builds its whole line in one string builder and
 * hands it to io.c in one piece when the target is the default stdout, so the
 * common case does a single buffered copy.  Keyword arguments arrive as
 * values after the positional ones, named by the kwnames tuple. */
#include <stdio.h>
#include <string.h>

#include "bytecode.h"
#include "runtime.h"
#include "sysio.h"
#include "vm.h"

static py_val_t builtins_module = PY_NULL;

/* ------------------------------------------------------------- helpers */

/* Raises TypeError for a keyword not in `allowed` (NULL-terminated). */
static void check_kwargs(const char *fname, py_val_t kwnames, const char *const *allowed) {
    if (py_is_null(kwnames)) return;
    py_tuple_t *kt = py_as_tuple(kwnames);
    for (size_t i = 0; i < kt->len; i++) {
        const char *k = py_str_data(kt->items[i]);
        bool ok = false;
        for (const char *const *a = allowed; *a; a++)
            if (!strcmp(*a, k)) ok = true;
        if (!ok) py_raise_msg(&py_type_TypeError, "'%s' is an invalid keyword argument for %s()", k, fname);
    }
}

static py_val_t kwarg(int argc, const py_val_t *argv, py_val_t kwnames, const char *name) {
    if (py_is_null(kwnames)) return PY_NULL;
    return py_kwarg(argc, argv, kwnames, name, PY_NULL);
}

static bool is_type_obj(py_val_t v) {
    return py_is_obj(v) && py_is_subtype(py_obj_type(v), &py_type_type);
}

/* ----------------------------------------------------------- functions */

static py_val_t b_abs(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t x = argv[0];
    if (py_is_small(x)) {
        int64_t i = py_as_small(x);
        return i < 0 ? py_int_from_i64(-i) : x;
    }
    if (py_is_float(x)) return py_float(__builtin_fabs(py_as_float(x)));
    return py_unary(PY_UNARY_ABS, x);
}

static py_val_t b_all(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t it = py_iter(argv[0]);
    for (py_val_t v; !py_is_null(v = py_next(it));)
        if (!py_truthy(v)) return PY_FALSE;
    return PY_TRUE;
}

static py_val_t b_any(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t it = py_iter(argv[0]);
    for (py_val_t v; !py_is_null(v = py_next(it));)
        if (py_truthy(v)) return PY_TRUE;
    return PY_FALSE;
}

static py_val_t int_text(py_val_t v, int base) {
    if (!py_is_int(v)) {
        /* __index__ objects: py_to_i64 raises "'X' object cannot be interpreted as an integer" */
        py_val_t idx = py_getattr_opt(v, PYN(__index__));
        if (py_is_null(idx))
            py_raise_msg(&py_type_TypeError, "'%s' object cannot be interpreted as an integer",
                         py_type_name(v));
        v = py_call0(idx);
        if (!py_is_int(v))
            py_raise_msg(&py_type_TypeError, "__index__ returned non-int (type %s)", py_type_name(v));
    }
    if (py_is_bool(v)) v = py_small(v == PY_TRUE);
    return py_int_to_str(v, base);
}

static py_val_t b_bin(int argc, const py_val_t *argv, py_val_t kw) { return int_text(argv[0], 2); }
static py_val_t b_oct(int argc, const py_val_t *argv, py_val_t kw) { return int_text(argv[0], 8); }
static py_val_t b_hex(int argc, const py_val_t *argv, py_val_t kw) { return int_text(argv[0], 16); }

static py_val_t b_callable(int argc, const py_val_t *argv, py_val_t kw) {
    py_type_t *t = py_type_of(argv[0]);
    if (t->flags & PY_TF_HEAP) {
        if (!py_is_null(py_type_lookup(t, PYN(__call__)))) return PY_TRUE;
        /* a metaclass derived from type: its instances (classes) are callable */
        for (py_type_t *b = t->base; b; b = b->base)
            if (!(b->flags & PY_TF_HEAP)) return py_bool(b->call != NULL);
        return PY_FALSE;
    }
    return py_bool(t->call != NULL);
}

static py_val_t b_chr(int argc, const py_val_t *argv, py_val_t kw) {
    if (py_is_int(argv[0]) && !py_int_fits_i64(argv[0]))
        py_raise_msg(&py_type_OverflowError, "Python int too large to convert to C int");
    int64_t c = py_to_i64(argv[0]);
    if (c > 0x7FFFFFFF || c < -0x7FFFFFFF - 1)
        py_raise_msg(&py_type_OverflowError, "Python int too large to convert to C int");
    if (c < 0 || c > 0x10FFFF) py_raise_msg(&py_type_ValueError, "chr() arg not in range(0x110000)");
    if (c < 128) {
        char ch = (char)c;
        return py_intern_n(&ch, 1);
    }
    py_sb_t sb;
    py_sb_init(&sb);
    py_sb_add_utf8(&sb, (uint32_t)c);
    return py_sb_to_str(&sb);
}

static void add_keys(py_val_t set, py_val_t dict) {
    if (!py_is_obj(dict) || !py_is_instance(dict, &py_type_dict)) return;
    size_t pos = 0;
    py_val_t k, v;
    while (py_dict_next(dict, &pos, &k, &v))
        if (py_is_str(k)) py_set_add(set, k);
}

/* Attributes a builtin type serves from its getattr slot rather than its dict
 * (CPython's getset descriptors, which live in the type's __dict__ there):
 * dir() must list them too. */
static const struct {
    py_type_t *type;
    const char *names;
} slot_attrs[] = {
    {&py_type_object, "__class__ __doc__"},
    {&py_type_type, "__name__ __qualname__ __module__ __bases__ __mro__ __base__ __dict__"},
    {&py_type_int, "real imag numerator denominator"},
    {&py_type_float, "real imag"},
    {&py_type_complex, "real imag"},
    {&py_type_slice, "start stop step"},
    {&py_type_range, "start stop step"},
    {&py_type_BaseException, "args __cause__ __context__ __suppress_context__ __traceback__ __dict__"},
    {&py_type_function, "__annotations__ __closure__ __code__ __defaults__ __dict__ __globals__ __kwdefaults__ "
                        "__module__ __name__ __qualname__ __call__"},
    {&py_type_generator, "__name__ __qualname__"},
    {&py_type_bound_method, "__func__ __self__ __call__"},
    {&py_type_cfunc, "__module__ __name__ __qualname__ __self__ __call__"},
    {&py_type_property, "fget fset fdel"},
};

static void add_names(py_val_t set, const char *names) {
    while (*names) {
        const char *e = strchr(names, ' ');
        size_t n = e ? (size_t)(e - names) : strlen(names);
        py_set_add(set, py_intern_n(names, n));
        names += n + (e != NULL);
    }
}

static void add_one_type(py_val_t set, py_type_t *b) {
    if (!(b->flags & PY_TF_HEAP)) {
        py_type_init_builtin(b);
        for (size_t i = 0; i < sizeof slot_attrs / sizeof slot_attrs[0]; i++)
            if (slot_attrs[i].type == b) add_names(set, slot_attrs[i].names);
    } else if (b->dict_offset) {
        add_names(set, "__dict__ __weakref__"); /* a class whose instances have a dict */
    }
    add_keys(set, b->dict);
}

/* The names of t's dict and those of every class in its MRO. */
static void add_type_keys(py_val_t set, py_type_t *t) {
    if (!(t->flags & PY_TF_HEAP)) py_type_init_builtin(t);
    if (py_is_obj(t->mro) && py_is_instance(t->mro, &py_type_tuple)) {
        py_tuple_t *m = py_as_tuple(t->mro);
        for (size_t i = 0; i < m->len; i++) add_one_type(set, py_as_ptr(m->items[i]));
    } else {
        add_one_type(set, t);
    }
}

static py_val_t b_dir(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t set = py_set_new(false);
    if (argc == 0) {
        add_keys(set, py_vm_locals());
    } else {
        py_val_t o = argv[0];
        py_type_t *t = py_type_of(o);
        py_val_t custom = (t->flags & PY_TF_HEAP) ? py_type_lookup(t, PYN(__dir__)) : PY_NULL;
        if (!py_is_null(custom) && !py_is_type(custom, &py_type_cfunc)) { /* a __dir__ written in Python */
            py_val_t r = py_list_from_iter(py_call1(custom, o));
            py_list_sort(r, PY_NONE, false);
            return r;
        }
        if (py_is_type(o, &py_type_module)) {
            add_keys(set, ((py_module_t *)py_as_ptr(o))->dict);
        } else if (is_type_obj(o)) {
            add_type_keys(set, py_as_ptr(o));
        } else {
            py_val_t d = PY_NULL;
            if (py_is_obj(o)) {
                if (t->dict_offset) d = *(py_val_t *)((char *)py_as_ptr(o) + t->dict_offset);
                else if (t->flags & PY_TF_HEAP) d = py_getattr_opt(o, PYN(__dict__));
            }
            if (!py_is_null(d)) add_keys(set, d);
            add_type_keys(set, t);
        }
    }
    py_val_t r = py_list_from_iter(set);
    py_list_sort(r, PY_NONE, false);
    return r;
}

static py_val_t b_divmod(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t a = argv[0], b = argv[1];
    if (py_is_int(a) && py_is_int(b)) {
        py_val_t r = py_int_divmod(a, b);
        if (!py_is_null(r)) return r;
    }
    if ((py_is_float(a) || py_is_int(a)) && (py_is_float(b) || py_is_int(b)) &&
        (py_is_float(a) || py_is_float(b)))
        return py_float_divmod(py_to_double(a), py_to_double(b));
    py_type_t *ta = py_type_of(a), *tb = py_type_of(b);
    if (ta->flags & PY_TF_HEAP) {
        py_val_t m = py_type_lookup(ta, PYN(__divmod__));
        if (!py_is_null(m)) {
            py_val_t r = py_call2(m, a, b);
            if (r != PY_NOTIMPLEMENTED) return r;
        }
    }
    if (tb->flags & PY_TF_HEAP) {
        py_val_t m = py_type_lookup(tb, PYN(__rdivmod__));
        if (!py_is_null(m)) {
            py_val_t r = py_call2(m, b, a);
            if (r != PY_NOTIMPLEMENTED) return r;
        }
    }
    if (!(ta->flags & PY_TF_HEAP) && !(tb->flags & PY_TF_HEAP) &&
        !(py_is_type(a, &py_type_complex) || py_is_type(b, &py_type_complex)) &&
        ((py_is_int(a) || py_is_float(a)) && (py_is_int(b) || py_is_float(b)))) {
        return py_tuple_pack(2, py_binary(PY_OP_FLOORDIV, a, b), py_binary(PY_OP_MOD, a, b));
    }
    py_raise_msg(&py_type_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                 py_type_name(a), py_type_name(b));
}

/* Source argument of eval/exec/compile: str, bytes or a code object. */
static py_val_t source_code(py_val_t src, int mode, const char *fname, py_val_t filename) {
    if (py_is_type(src, &py_type_code)) return src;
    const char *s;
    size_t n;
    py_buf_t buf;
    if (py_is_str(src)) {
        s = py_str_data(src);
        n = py_str_len(src);
    } else if (py_is_obj(src) && py_type_of(src)->buffer) {
        py_get_buffer(src, &buf, 0);
        s = (const char *)buf.data;
        n = buf.len;
    } else {
        py_raise_msg(&py_type_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
    }
    if (mode == PY_MODE_EVAL)
        while (n > 0 && (*s == ' ' || *s == '\t')) s++, n--;
    if (py_is_null(filename)) filename = py_str_from_cstr("<string>");
    return py_compile_source(s, n, filename, mode);
}

static py_val_t run_in(py_val_t code, int argc, const py_val_t *argv, const char *fname) {
    py_val_t globals = argc > 1 ? argv[1] : PY_NONE;
    py_val_t locals = argc > 2 ? argv[2] : PY_NONE;
    if (py_is_none(globals)) {
        globals = py_vm_globals();
        if (py_is_none(locals)) locals = py_vm_locals();
    } else if (!py_is_instance(globals, &py_type_dict)) {
        py_raise_msg(&py_type_TypeError, "%s() globals must be a dict, not %s", fname, py_type_name(globals));
    }
    if (py_is_none(locals)) locals = globals;
    if (py_is_null(py_dict_get(globals, PYN(__builtins__))))
        py_dict_set(globals, PYN(__builtins__), builtins_module);
    return py_run_code(code, globals, locals);
}

static py_val_t b_eval(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t code = source_code(argv[0], PY_MODE_EVAL, "eval", PY_NULL);
    return run_in(code, argc, argv, "eval");
}

static py_val_t b_exec(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t code = source_code(argv[0], PY_MODE_EXEC, "exec", PY_NULL);
    run_in(code, argc, argv, "exec");
    return PY_NONE;
}

static py_val_t b_compile(int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const allowed[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                          "optimize", NULL};
    check_kwargs("compile", kwnames, allowed);
    py_val_t src = argc > 0 ? argv[0] : kwarg(argc, argv, kwnames, "source");
    py_val_t filename = argc > 1 ? argv[1] : kwarg(argc, argv, kwnames, "filename");
    py_val_t mode = argc > 2 ? argv[2] : kwarg(argc, argv, kwnames, "mode");
    if (py_is_null(src) || py_is_null(filename) || py_is_null(mode))
        py_raise_msg(&py_type_TypeError, "compile() missing required argument");
    if (!py_is_str(mode)) py_raise_type_error_arg("compile", "str", mode);
    const char *m = py_str_data(mode);
    int md;
    if (!strcmp(m, "exec")) md = PY_MODE_EXEC;
    else if (!strcmp(m, "eval")) md = PY_MODE_EVAL;
    else if (!strcmp(m, "single")) md = PY_MODE_SINGLE;
    else py_raise_msg(&py_type_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    if (!py_is_str(filename)) filename = py_str(filename);
    return source_code(src, md, "compile", filename);
}

/* getattr with a default: AttributeError (from a __getattr__ too) means
 * "absent".  Kept apart from b_getattr so no local is live across setjmp. */
static py_val_t getattr_or_null(py_val_t obj, py_val_t name) {
    py_try_t t;
    if (py_try(&t)) {
        py_val_t r = py_getattr_opt(obj, name);
        py_try_end(&t);
        return r;
    }
    if (!py_exc_matches(t.exc, py_obj(&py_type_AttributeError))) py_raise(t.exc);
    return PY_NULL;
}

static py_val_t b_getattr(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t name = argv[1];
    if (!py_is_str(name))
        py_raise_msg(&py_type_TypeError, "attribute name must be string, not '%s'", py_type_name(name));
    name = py_intern_str(name);
    if (argc < 3) return py_getattr(argv[0], name);
    py_val_t r = getattr_or_null(argv[0], name);
    return py_is_null(r) ? argv[2] : r;
}

static py_val_t b_hasattr(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t args[3] = {argv[0], argv[1], PY_NULL};
    return py_bool(!py_is_null(b_getattr(3, args, PY_NULL)));
}

static py_val_t b_setattr(int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_is_str(argv[1]))
        py_raise_msg(&py_type_TypeError, "attribute name must be string, not '%s'", py_type_name(argv[1]));
    py_setattr(argv[0], py_intern_str(argv[1]), argv[2]);
    return PY_NONE;
}

static py_val_t b_delattr(int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_is_str(argv[1]))
        py_raise_msg(&py_type_TypeError, "attribute name must be string, not '%s'", py_type_name(argv[1]));
    py_delattr(argv[0], py_intern_str(argv[1]));
    return PY_NONE;
}

static py_val_t b_globals(int argc, const py_val_t *argv, py_val_t kw) { return py_vm_globals(); }
static py_val_t b_locals(int argc, const py_val_t *argv, py_val_t kw) { return py_vm_locals(); }

static py_val_t b_hash(int argc, const py_val_t *argv, py_val_t kw) {
    return py_int_from_i64(py_hash(argv[0]));
}

static py_val_t b_id(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t v = argv[0];
    /* objects: their address; immediates: their encoding (distinct from any address) */
    return py_int_from_u64(py_is_obj(v) ? (uint64_t)(uintptr_t)py_as_ptr(v) : (v >> 1));
}

int (*py_stdin_getc_hook)(void);

static py_val_t b_input(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc > 0) {
        py_val_t s = py_str(argv[0]);
        py_write_to(py_cur_stdout(), py_str_data(s), py_str_len(s));
    }
    py_flush_stdout();
    py_val_t in = PY_NULL;
    if (!py_is_null(py_sys_module)) {
        in = py_dict_get_interned(((py_module_t *)py_as_ptr(py_sys_module))->dict, py_intern("stdin"));
        if (!py_is_null(in) && py_is_type(in, &py_type_file)) in = PY_NULL; /* default: use C stdin */
    }
    py_val_t line;
    if (!py_is_null(in)) {
        line = py_call_method(in, PYN(readline), 0, NULL);
        if (!py_is_str(line)) line = py_str(line);
    } else {
        py_sb_t sb;
        py_sb_init(&sb);
        int c;
        bool any = false;
        for (;;) {
            c = py_stdin_getc_hook ? py_stdin_getc_hook() : getchar();
            if (c == EOF) {
                /* Ctrl-C while waiting: the read was interrupted; raise KeyboardInterrupt */
                if (ferror(stdin) && py_pending) {
                    clearerr(stdin);
                    py_handle_pending();
                    continue;
                }
                break;
            }
            any = true;
            if (c == '\n') break;
            py_sb_addc(&sb, (char)c);
        }
        if (!any) py_raise(py_obj(&py_type_EOFError));
        return py_sb_to_str(&sb);
    }
    size_t n = py_str_len(line);
    if (n == 0) py_raise(py_obj(&py_type_EOFError));
    if (py_str_data(line)[n - 1] == '\n') line = py_str_new(py_str_data(line), n - 1);
    return line;
}

static py_val_t b_isinstance(int argc, const py_val_t *argv, py_val_t kw) {
    return py_isinstance_check(argv[0], argv[1]);
}

static bool subclass_check(py_val_t c, py_val_t b) {
    if (py_is_obj(b) && py_is_instance(b, &py_type_tuple)) {
        py_tuple_t *t = py_as_tuple(b);
        for (size_t i = 0; i < t->len; i++)
            if (subclass_check(c, t->items[i])) return true;
        return false;
    }
    if (!is_type_obj(b))
        py_raise_msg(&py_type_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return py_is_subtype(py_as_ptr(c), py_as_ptr(b));
}

static py_val_t b_issubclass(int argc, const py_val_t *argv, py_val_t kw) {
    if (!is_type_obj(argv[0])) py_raise_msg(&py_type_TypeError, "issubclass() arg 1 must be a class");
    return py_bool(subclass_check(argv[0], argv[1]));
}

/* iter(callable, sentinel) */
typedef struct {
    py_obj_t h;
    py_val_t fn, sentinel;
} calliter_t;

static py_val_t calliter_iter(py_val_t self) { return self; }
static py_val_t calliter_next(py_val_t self) {
    calliter_t *c = py_as_ptr(self);
    if (py_is_null(c->fn)) return PY_NULL;
    py_val_t v = py_call0(c->fn);
    if (py_eq(v, c->sentinel)) {
        c->fn = PY_NULL;
        return PY_NULL;
    }
    return v;
}
static void calliter_trace(py_obj_t *o) {
    calliter_t *c = (calliter_t *)o;
    py_gc_mark(c->fn);
    py_gc_mark(c->sentinel);
}
static py_type_t calliter_type = {
    .h = {&py_type_type},
    .name = "callable_iterator",
    .instance_size = sizeof(calliter_t),
    .iter = calliter_iter,
    .iternext = calliter_next,
    .trace = calliter_trace,
};

static py_val_t b_iter(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc == 1) return py_iter(argv[0]);
    py_type_init_builtin(&calliter_type);
    calliter_t *c = py_gc_alloc(&calliter_type, sizeof(calliter_t));
    c->fn = argv[0];
    c->sentinel = argv[1];
    return py_obj(c);
}

static py_val_t b_len(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t v = argv[0];
    if (py_is_obj(v)) {
        py_type_t *t = py_obj_type(v);
        if (t == &py_type_str) return py_small((int64_t)((py_str_t *)py_as_ptr(v))->nchars);
        if (t == &py_type_list) return py_small((int64_t)py_as_list(v)->len);
        if (t == &py_type_tuple) return py_small((int64_t)py_as_tuple(v)->len);
    }
    return py_int_from_u64(py_len(v));
}

static py_val_t minmax(int argc, const py_val_t *argv, py_val_t kwnames, bool is_max) {
    const char *fname = is_max ? "max" : "min";
    static const char *const allowed[] = {"key", "default", NULL};
    if (argc == 0) py_raise_msg(&py_type_TypeError, "%s expected at least 1 argument, got 0", fname);
    check_kwargs(fname, kwnames, allowed);
    py_val_t key = kwarg(argc, argv, kwnames, "key");
    py_val_t dflt = kwarg(argc, argv, kwnames, "default");
    if (py_is_none(key)) key = PY_NULL;
    if (argc == 0) py_raise_msg(&py_type_TypeError, "%s expected at least 1 argument, got 0", fname);
    if (argc > 1 && !py_is_null(dflt))
        py_raise_msg(&py_type_TypeError,
                     "Cannot specify a default for %s() with multiple positional arguments", fname);
    py_val_t it = py_iter(argc == 1 ? argv[0] : py_tuple_from_array((size_t)argc, argv));
    py_val_t best = PY_NULL, best_key = PY_NULL;
    for (py_val_t v; !py_is_null(v = py_next(it));) {
        py_val_t k = py_is_null(key) ? v : py_call1(key, v);
        if (py_is_null(best)) {
            best = v;
            best_key = k;
            continue;
        }
        bool better;
        if (py_is_small(k) && py_is_small(best_key))
            better = is_max ? py_as_small(k) > py_as_small(best_key) : py_as_small(k) < py_as_small(best_key);
        else
            /* CPython's order of operands, so errors read "'>' not supported ..." */
            better = py_truthy(py_compare(is_max ? PY_CMP_GT : PY_CMP_LT, k, best_key));
        if (better) {
            best = v;
            best_key = k;
        }
    }
    if (py_is_null(best)) {
        if (!py_is_null(dflt)) return dflt;
        py_raise_msg(&py_type_ValueError, "%s() arg is an empty sequence", fname);
    }
    return best;
}

static py_val_t b_max(int argc, const py_val_t *argv, py_val_t kw) { return minmax(argc, argv, kw, true); }
static py_val_t b_min(int argc, const py_val_t *argv, py_val_t kw) { return minmax(argc, argv, kw, false); }

static py_val_t b_next(int argc, const py_val_t *argv, py_val_t kw) {
    py_type_t *t = py_type_of(argv[0]);
    if (t == &py_type_generator) {
        /* resumed directly so a `return v` reaches the caller as StopIteration(v) */
        py_val_t out;
        if (!py_gen_delegate_send(argv[0], PY_NONE, &out)) return out;
        if (argc > 1) return argv[1];
        py_raise(py_exc_new_args(&py_type_StopIteration, py_is_none(out) ? 0 : 1, &out));
    }
    if ((t->flags & PY_TF_HEAP) && argc == 1) {
        /* a user __next__'s own StopIteration (with its value) propagates unchanged */
        py_val_t m = py_type_lookup(t, PYN(__next__));
        if (!py_is_null(m)) return py_call1(m, argv[0]);
    }
    if (!t->iternext && !((t->flags & PY_TF_HEAP) && !py_is_null(py_type_lookup(t, PYN(__next__)))))
        py_raise_msg(&py_type_TypeError, "'%s' object is not an iterator", py_type_name(argv[0]));
    py_val_t v = py_next(argv[0]);
    if (py_is_null(v)) {
        if (argc > 1) return argv[1];
        py_raise(py_obj(&py_type_StopIteration));
    }
    return v;
}

static py_val_t b_ord(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t v = argv[0];
    if (py_is_str(v)) {
        py_str_t *s = py_as_ptr(v);
        if (s->nchars != 1)
            py_raise_msg(&py_type_TypeError, "ord() expected a character, but string of length %zu found",
                         s->nchars);
        const uint8_t *p = (const uint8_t *)s->data;
        uint32_t c = p[0];
        if (c >= 0xF0) c = ((c & 0x07) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
        else if (c >= 0xE0) c = ((c & 0x0F) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        else if (c >= 0xC0) c = ((c & 0x1F) << 6) | (p[1] & 0x3Fu);
        return py_small(c);
    }
    if (py_is_obj(v) && (py_is_instance(v, &py_type_bytes) || py_is_instance(v, &py_type_bytearray))) {
        py_buf_t b;
        py_get_buffer(v, &b, 0);
        if (b.len != 1)
            py_raise_msg(&py_type_TypeError, "ord() expected a character, but string of length %zu found",
                         b.len);
        return py_small(b.data[0]);
    }
    py_raise_msg(&py_type_TypeError, "ord() expected string of length 1, but %s found", py_type_name(v));
}

static py_val_t b_pow(int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const allowed[] = {"base", "exp", "mod", NULL};
    check_kwargs("pow", kwnames, allowed);
    py_val_t b = argc > 0 ? argv[0] : kwarg(argc, argv, kwnames, "base");
    py_val_t e = argc > 1 ? argv[1] : kwarg(argc, argv, kwnames, "exp");
    py_val_t m = argc > 2 ? argv[2] : kwarg(argc, argv, kwnames, "mod");
    if (py_is_null(b) || py_is_null(e))
        py_raise_msg(&py_type_TypeError, "pow() missing required argument 'exp' (pos 2)");
    if (py_is_null(m) || py_is_none(m)) return py_binary(PY_OP_POW, b, e);
    if (!py_is_int(b) || !py_is_int(e) || !py_is_int(m)) {
        py_type_t *t = py_type_of(b);
        if (t->flags & PY_TF_HEAP) {
            py_val_t f = py_type_lookup(t, PYN(__pow__));
            if (!py_is_null(f)) {
                py_val_t args[3] = {b, e, m};
                return py_call(f, 3, args, PY_NULL);
            }
        }
        if (py_is_type(b, &py_type_complex) || py_is_type(e, &py_type_complex) || py_is_type(m, &py_type_complex))
            py_raise_msg(&py_type_ValueError, "complex modulo");
        py_raise_msg(&py_type_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    }
    return py_int_pow_mod(b, e, m);
}

static py_val_t b_print(int argc, const py_val_t *argv, py_val_t kwnames);

/* Under micropython.heap_lock: MicroPython prints without allocating, and
 * print's text buffer here is scratch, so it is built with the lock lifted. */
__attribute__((noinline)) static py_val_t print_heap_locked(int argc, const py_val_t *argv, py_val_t kwnames) {
    py_gc_unlock();
    py_try_t t;
    if (py_try(&t)) {
        b_print(argc, argv, kwnames);
        py_try_end(&t);
        py_gc_lock();
        return PY_NONE;
    }
    py_gc_lock();
    py_raise(t.exc);
}

static py_val_t b_print(int argc, const py_val_t *argv, py_val_t kwnames) {
    if (py_gc_is_locked()) return print_heap_locked(argc, argv, kwnames);
    py_val_t sep = PY_NULL, end = PY_NULL, file = PY_NULL, flush = PY_NULL;
    if (!py_is_null(kwnames)) {
        py_tuple_t *kt = py_as_tuple(kwnames);
        for (size_t i = 0; i < kt->len; i++) {
            py_val_t k = kt->items[i], v = argv[argc + (int)i];
            if (py_str_equal(k, PYN(sep))) sep = v;
            else if (py_str_equal(k, PYN(end))) end = v;
            else if (py_str_equal(k, PYN(file))) file = v;
            else if (py_str_equal(k, PYN(flush))) flush = v;
            else
                py_raise_msg(&py_type_TypeError, "'%s' is an invalid keyword argument for print()",
                             py_str_data(k));
        }
        if (py_is_none(sep)) sep = PY_NULL;
        if (py_is_none(end)) end = PY_NULL;
        if (!py_is_null(sep) && !py_is_str(sep))
            py_raise_msg(&py_type_TypeError, "sep must be None or a string, not %s", py_type_name(sep));
        if (!py_is_null(end) && !py_is_str(end))
            py_raise_msg(&py_type_TypeError, "end must be None or a string, not %s", py_type_name(end));
    }
    if (py_is_null(file) || py_is_none(file)) file = py_cur_stdout();
    py_sb_t sb;
    py_sb_init(&sb);
    for (int i = 0; i < argc; i++) {
        if (i > 0) {
            if (py_is_null(sep)) py_sb_addc(&sb, ' ');
            else py_sb_add(&sb, py_str_data(sep), py_str_len(sep));
        }
        py_val_t a = argv[i];
        if (py_is_type(a, &py_type_str)) py_sb_add(&sb, py_str_data(a), py_str_len(a));
        else py_print_to(&sb, a, PY_PRINT_STR);
    }
    if (py_is_null(end)) py_sb_addc(&sb, '\n');
    else py_sb_add(&sb, py_str_data(end), py_str_len(end));
    py_write_to(file, sb.data, sb.len);
    py_raw_free(sb.data);
    if (!py_is_null(flush) && py_truthy(flush)) {
        if (py_is_type(file, &py_type_file)) py_flush_stdout();
        else {
            py_val_t f = py_getattr_opt(file, PYN(flush));
            if (!py_is_null(f)) py_call0(f);
        }
    }
    return PY_NONE;
}

static py_val_t b_repr(int argc, const py_val_t *argv, py_val_t kw) { return py_repr(argv[0]); }

static py_val_t b_ascii(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t r = py_repr(argv[0]);
    py_str_t *s = py_as_ptr(r);
    if (s->ascii || s->nchars == s->len) return r;
    py_sb_t sb;
    py_sb_init(&sb);
    const uint8_t *p = (const uint8_t *)s->data, *e = p + s->len;
    while (p < e) {
        uint32_t c = *p;
        int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (n == 4) c = ((c & 0x07) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
        else if (n == 3) c = ((c & 0x0F) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        else if (n == 2) c = ((c & 0x1F) << 6) | (p[1] & 0x3Fu);
        p += n;
        if (c < 0x80) py_sb_addc(&sb, (char)c);
        else if (c < 0x100) py_sb_printf(&sb, "\\x%02x", c);
        else if (c < 0x10000) py_sb_printf(&sb, "\\u%04x", c);
        else py_sb_printf(&sb, "\\U%08x", c);
    }
    return py_sb_to_str(&sb);
}

static py_val_t b_round(int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const allowed[] = {"number", "ndigits", NULL};
    check_kwargs("round", kwnames, allowed);
    py_val_t x = argc > 0 ? argv[0] : kwarg(argc, argv, kwnames, "number");
    py_val_t nd = argc > 1 ? argv[1] : kwarg(argc, argv, kwnames, "ndigits");
    if (py_is_null(x)) py_raise_msg(&py_type_TypeError, "round() missing required argument 'number' (pos 1)");
    if (py_is_null(nd)) nd = PY_NONE;
    if (py_is_float(x)) {
        double d = py_as_float(x);
        if (py_is_none(nd)) return py_int_from_double(py_float_round(d, 0));
        return py_float(py_float_round(d, py_to_i64(nd)));
    }
    if (py_is_int(x)) {
        if (py_is_bool(x)) x = py_small(x == PY_TRUE);
        if (py_is_none(nd)) return x;
        int64_t n = py_to_i64(nd);
        if (n >= 0) return x;
        if (n < -400) return py_small(0);
        py_val_t p = py_binary(PY_OP_POW, py_small(10), py_int_from_i64(-n));
        py_val_t qr = py_int_divmod(x, p);
        py_val_t q = py_as_tuple(qr)->items[0], r = py_as_tuple(qr)->items[1];
        py_val_t twice = py_binary(PY_OP_MUL, r, py_small(2));
        bool up = py_lt(p, twice) ||
                  (py_eq(twice, p) && py_truthy(py_binary(PY_OP_AND, q, py_small(1))));
        if (up) q = py_binary(PY_OP_ADD, q, py_small(1));
        return py_binary(PY_OP_MUL, q, p);
    }
    py_type_t *t = py_type_of(x);
    py_val_t m = py_type_lookup(t, PYN(__round__));
    if (py_is_null(m))
        py_raise_msg(&py_type_TypeError, "type %s doesn't define __round__ method", py_type_name(x));
    if (py_is_none(nd)) return py_call1(m, x);
    return py_call2(m, x, nd);
}

static py_val_t b_sorted(int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const allowed[] = {"key", "reverse", NULL};
    check_kwargs("sort", kwnames, allowed); /* CPython names list.sort here */
    if (argc != 1) py_raise_msg(&py_type_TypeError, "sorted expected 1 argument, got %d", argc);
    py_val_t key = kwarg(argc, argv, kwnames, "key");
    py_val_t rev = kwarg(argc, argv, kwnames, "reverse");
    py_val_t list = py_list_from_iter(argv[0]);
    py_list_sort(list, py_is_null(key) ? PY_NONE : key, !py_is_null(rev) && py_truthy(rev));
    return list;
}

static py_val_t b_sum(int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const allowed[] = {"start", NULL};
    check_kwargs("sum", kwnames, allowed);
    py_val_t acc = argc > 1 ? argv[1] : kwarg(argc, argv, kwnames, "start");
    if (py_is_null(acc)) acc = py_small(0);
    if (py_is_str(acc)) py_raise_msg(&py_type_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (py_is_obj(acc) && py_is_instance(acc, &py_type_bytes))
        py_raise_msg(&py_type_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (py_is_obj(acc) && py_is_instance(acc, &py_type_bytearray))
        py_raise_msg(&py_type_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    py_val_t seq = argv[0];
    size_t n;
    py_val_t *items;
    if (py_seq_items(seq, &n, &items)) {
        /* fast path: small ints (overflow-checked) and floats */
        size_t i = 0;
        if (py_is_small(acc)) {
            int64_t s = py_as_small(acc);
            for (; i < n && py_is_small(items[i]); i++) {
                s += py_as_small(items[i]);
                if (!py_fits_small(s)) {
                    s -= py_as_small(items[i]);
                    break;
                }
            }
            acc = py_small(s);
        }
        for (; i < n; i++) {
            py_val_t v = items[i];
            if (py_is_float(acc) && py_is_float(v)) acc = py_float(py_as_float(acc) + py_as_float(v));
            else acc = py_binary(PY_OP_ADD, acc, v);
            py_seq_items(seq, &n, &items); /* the list may change under __add__ */
        }
        return acc;
    }
    py_val_t it = py_iter(seq);
    for (py_val_t v; !py_is_null(v = py_next(it));) {
        if (py_is_small(acc) && py_is_small(v)) {
            int64_t s = py_as_small(acc) + py_as_small(v);
            if (py_fits_small(s)) {
                acc = py_small(s);
                continue;
            }
        }
        if (py_is_float(acc) && py_is_float(v)) acc = py_float(py_as_float(acc) + py_as_float(v));
        else acc = py_binary(PY_OP_ADD, acc, v);
    }
    return acc;
}

static py_val_t b_import(int argc, const py_val_t *argv, py_val_t kwnames) {
    static const char *const allowed[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    check_kwargs("__import__", kwnames, allowed);
    py_val_t name = argc > 0 ? argv[0] : kwarg(argc, argv, kwnames, "name");
    py_val_t globals = argc > 1 ? argv[1] : kwarg(argc, argv, kwnames, "globals");
    py_val_t fromlist = argc > 3 ? argv[3] : kwarg(argc, argv, kwnames, "fromlist");
    py_val_t level = argc > 4 ? argv[4] : kwarg(argc, argv, kwnames, "level");
    if (py_is_null(name) || !py_is_str(name)) py_raise_type_error_arg("__import__", "str", name);
    if (py_is_null(globals)) globals = PY_NONE;
    if (py_is_null(fromlist)) fromlist = PY_NONE;
    return py_import_nohook(name, fromlist, py_is_null(level) ? 0 : (int)py_to_i64(level), globals);
}

static py_val_t b_format(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t spec = argc > 1 ? argv[1] : py_intern("");
    if (!py_is_str(spec))
        py_raise_msg(&py_type_TypeError, "format() argument 2 must be str, not %s", py_type_name(spec));
    return py_format_value(argv[0], spec);
}

static py_val_t b_vars(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc == 0) return py_vm_locals();
    py_val_t d = py_getattr_opt(argv[0], PYN(__dict__));
    if (py_is_null(d)) py_raise_msg(&py_type_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

static py_val_t b_help(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc == 0) {
        static const char text[] =
            "Welcome to Breadboard, a MicroPython-compatible interpreter on a virtual board!\n"
            "\n"
            "For generic online docs please visit http://docs.micropython.org/\n"
            "\n"
            "Control commands:\n"
            "  CTRL-C        -- interrupt a running program\n"
            "  CTRL-D        -- on a blank line, exit\n"
            "\n"
            "For further help on a specific object, type help(obj)\n"
            "For a list of available modules, type help('modules')\n";
        py_write_to(py_cur_stdout(), text, sizeof text - 1);
        return PY_NONE;
    }
    py_val_t o = argv[0];
    py_sb_t sb;
    py_sb_init(&sb);
    if (py_is_str(o) && !strcmp(py_str_data(o), "modules")) {
        extern const char *const py_native_module_names[];
        for (int i = 0; py_native_module_names[i]; i++) {
            py_sb_adds(&sb, py_native_module_names[i]);
            py_sb_addc(&sb, py_native_module_names[i + 1] ? ' ' : '\n');
        }
    } else {
        py_sb_printf(&sb, "object ");
        py_print_to(&sb, o, PY_PRINT_REPR);
        py_sb_printf(&sb, " is of type %s\n", py_type_of(o)->name);
        py_val_t d = b_dir(1, &o, PY_NULL);
        py_list_t *l = py_as_list(d);
        for (size_t i = 0; i < l->len; i++) {
            if (py_str_data(l->items[i])[0] == '_') continue;
            py_val_t v = py_getattr_opt(o, l->items[i]);
            if (py_is_null(v)) continue;
            py_sb_printf(&sb, "  %s -- ", py_str_data(l->items[i]));
            py_print_to(&sb, v, PY_PRINT_REPR);
            py_sb_addc(&sb, '\n');
        }
    }
    py_write_to(py_cur_stdout(), sb.data, sb.len);
    return PY_NONE;
}

static const py_method_def_t builtin_functions[] = {
    {"abs", b_abs, 1, 1, 0},
    {"all", b_all, 1, 1, 0},
    {"any", b_any, 1, 1, 0},
    {"ascii", b_ascii, 1, 1, 0},
    {"bin", b_bin, 1, 1, 0},
    {"callable", b_callable, 1, 1, 0},
    {"chr", b_chr, 1, 1, 0},
    {"compile", b_compile, 0, 6, PY_MF_KW},
    {"delattr", b_delattr, 2, 2, 0},
    {"dir", b_dir, 0, 1, 0},
    {"divmod", b_divmod, 2, 2, 0},
    {"eval", b_eval, 1, 3, 0},
    {"exec", b_exec, 1, 3, 0},
    {"format", b_format, 1, 2, 0},
    {"getattr", b_getattr, 2, 3, 0},
    {"globals", b_globals, 0, 0, 0},
    {"hasattr", b_hasattr, 2, 2, 0},
    {"hash", b_hash, 1, 1, 0},
    {"help", b_help, 0, 1, 0},
    {"hex", b_hex, 1, 1, 0},
    {"id", b_id, 1, 1, 0},
    {"input", b_input, 0, 1, 0},
    {"isinstance", b_isinstance, 2, 2, 0},
    {"issubclass", b_issubclass, 2, 2, 0},
    {"iter", b_iter, 1, 2, 0},
    {"len", b_len, 1, 1, 0},
    {"locals", b_locals, 0, 0, 0},
    {"max", b_max, 0, -1, PY_MF_KW},
    {"min", b_min, 0, -1, PY_MF_KW},
    {"next", b_next, 1, 2, 0},
    {"oct", b_oct, 1, 1, 0},
    {"open", py_builtin_open, 0, 8, PY_MF_KW},
    {"ord", b_ord, 1, 1, 0},
    {"pow", b_pow, 0, 3, PY_MF_KW},
    {"print", b_print, 0, -1, PY_MF_KW},
    {"repr", b_repr, 1, 1, 0},
    {"round", b_round, 0, 2, PY_MF_KW},
    {"setattr", b_setattr, 3, 3, 0},
    {"sorted", b_sorted, 0, -1, PY_MF_KW},
    {"sum", b_sum, 1, 2, PY_MF_KW},
    {"vars", b_vars, 0, 1, 0},
    {"__import__", b_import, 0, 5, PY_MF_KW},
    {"__build_class__", py_builtin_build_class, 2, -1, PY_MF_KW},
    PY_MF_END,
};

static void builtins_init(py_val_t m) {
    builtins_module = m;
    py_gc_add_root(&builtins_module);
    static struct {
        const char *name;
        py_type_t *type;
    } types[] = {
        {"type", &py_type_type},         {"object", &py_type_object},       {"int", &py_type_int},
        {"bool", &py_type_bool},         {"float", &py_type_float},         {"complex", &py_type_complex},
        {"str", &py_type_str},           {"bytes", &py_type_bytes},         {"bytearray", &py_type_bytearray},
        {"memoryview", &py_type_memoryview}, {"tuple", &py_type_tuple},     {"list", &py_type_list},
        {"dict", &py_type_dict},         {"set", &py_type_set},             {"frozenset", &py_type_frozenset},
        {"range", &py_type_range},       {"slice", &py_type_slice},         {"enumerate", &py_type_enumerate},
        {"zip", &py_type_zip},           {"map", &py_type_map},             {"filter", &py_type_filter},
        {"reversed", &py_type_reversed}, {"property", &py_type_property},   {"staticmethod", &py_type_staticmethod},
        {"classmethod", &py_type_classmethod}, {"super", &py_type_super},
#define PY_EXC_ENTRY(name, base) {#name, &py_type_##name},
        PY_EXCEPTION_LIST(PY_EXC_ENTRY)
#undef PY_EXC_ENTRY
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        py_type_init_builtin(types[i].type);
        py_module_add(m, types[i].name, py_obj(types[i].type));
    }
    /* CPython's names for OSError's subclasses map onto OSError, as in MicroPython */
    py_module_add(m, "EnvironmentError", py_obj(&py_type_OSError));
    py_module_add(m, "IOError", py_obj(&py_type_OSError));
    py_module_add(m, "NotImplemented", PY_NOTIMPLEMENTED);
    py_module_add(m, "Ellipsis", PY_ELLIPSIS);
    py_module_add(m, "__debug__", py_bool(py_opt_level == 0));
}

py_val_t py_builtins_dict(void) {
    if (py_is_null(builtins_module)) py_import_cstr("builtins");
    return ((py_module_t *)py_as_ptr(builtins_module))->dict;
}

const py_module_def_t py_module_builtins = {"builtins", builtin_functions, builtins_init};
