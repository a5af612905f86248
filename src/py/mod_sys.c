/* mod_sys.c: the sys module, and the current-stream helpers print() and the
 * traceback printer use.
 *
 * sys.stdout/stderr/stdin start as file objects over the standard streams
 * (obj_file.c); Python code may rebind them, so py_cur_stdout() looks the
 * attribute up in the module dict on each use, and py_write_to() takes the
 * buffered fast path only for the default stream objects. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "sysio.h"

py_val_t py_sys_module = PY_NULL;
py_val_t py_sys_path = PY_NULL, py_sys_argv = PY_NULL, py_sys_stdout_obj = PY_NULL,
         py_sys_stderr_obj = PY_NULL;
static py_val_t sys_stdin_obj = PY_NULL;
static py_val_t name_stdout = PY_NULL, name_stderr = PY_NULL;

static py_val_t sys_dict(void) { return ((py_module_t *)py_as_ptr(py_sys_module))->dict; }

py_val_t py_cur_stdout(void) {
    if (py_is_null(py_sys_module)) return PY_NULL;
    py_val_t v = py_dict_get_interned(sys_dict(), name_stdout);
    return py_is_null(v) ? py_sys_stdout_obj : v;
}

py_val_t py_cur_stderr(void) {
    if (py_is_null(py_sys_module)) return PY_NULL;
    py_val_t v = py_dict_get_interned(sys_dict(), name_stderr);
    return py_is_null(v) ? py_sys_stderr_obj : v;
}

void py_write_to(py_val_t file, const char *s, size_t n) {
    if (py_is_null(file) || file == py_sys_stdout_obj) {
        py_write_stdout(s, n);
        return;
    }
    if (file == py_sys_stderr_obj) {
        py_write_stderr(s, n);
        return;
    }
    py_val_t str = py_str_new(s, n);
    py_call_method(file, PYN(write), 1, &str);
}

/* ------------------------------------------------------- sys functions */

static py_val_t s_exit(int argc, const py_val_t *argv, py_val_t kw) {
    py_raise(py_exc_new_args(&py_type_SystemExit, argc, argv));
}

/* sys.print_exception(exc, file=sys.stdout) prints as MicroPython does:
 * the traceback, then "Type: message" where the message is str() of a single
 * argument (so KeyError's is unquoted), the repr of several, and empty for
 * none ("Type: ").  MicroPython keeps no exception chain and does not call a
 * class's own __str__ here. */
static void print_exc_mp(py_sb_t *sb, py_val_t exc) {
    py_exc_t *e = py_as_ptr(exc);
    size_t n;
    py_val_t *items;
    if (!py_is_null(e->traceback) && py_seq_items(e->traceback, &n, &items) && n > 0) {
        py_sb_adds(sb, "Traceback (most recent call last):\n");
        for (size_t i = n; i-- > 0;) { /* stored innermost first */
            size_t k;
            py_val_t *loc;
            if (!py_seq_items(items[i], &k, &loc) || k < 3) continue;
            py_sb_adds(sb, "  File \"");
            py_print_to(sb, loc[0], PY_PRINT_STR);
            py_sb_adds(sb, "\", line ");
            py_print_to(sb, loc[1], PY_PRINT_STR);
            if (py_is_str(loc[2])) {
                py_sb_adds(sb, ", in ");
                py_print_to(sb, loc[2], PY_PRINT_STR);
            }
            py_sb_addc(sb, '\n');
        }
    }
    py_type_t *t = py_type_of(exc);
    py_sb_adds(sb, t->name);
    py_sb_adds(sb, ": ");
    size_t na = 0;
    py_val_t *args = NULL;
    if (py_is_obj(e->args)) py_seq_items(e->args, &na, &args);
    if (py_is_subtype(t, &py_type_OSError) && na >= 2) py_print_to(sb, exc, PY_PRINT_STR);
    else if (na == 1) py_print_to(sb, args[0], PY_PRINT_STR);
    else if (na > 1) py_print_to(sb, e->args, PY_PRINT_REPR);
    py_sb_addc(sb, '\n');
}

static py_val_t s_print_exception(int argc, const py_val_t *argv, py_val_t kwnames) {
    py_val_t file = argc > 1 ? argv[1] : py_kwarg(argc, argv, kwnames, "file", PY_NULL);
    if (py_is_null(file) || py_is_none(file)) file = py_cur_stdout();
    py_val_t exc = argv[0];
    if (!py_is_obj(exc) || !py_is_instance(exc, &py_type_BaseException))
        py_raise_msg(&py_type_TypeError, "print_exception() argument must be an exception, not %s",
                     py_type_name(exc));
    py_sb_t sb;
    py_sb_init(&sb);
    print_exc_mp(&sb, exc);
    py_write_to(file, sb.data, sb.len);
    py_raw_free(sb.data);
    return PY_NONE;
}

/* sys.atexit(func): one function, called when the program ends (the CLI runs
 * it); returns the previous one, or None. */
static py_val_t atexit_fn = PY_NULL;

static py_val_t s_atexit(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t prev = py_is_null(atexit_fn) ? PY_NONE : atexit_fn;
    atexit_fn = py_is_none(argv[0]) ? PY_NULL : argv[0]; /* None disables the call */
    return prev;
}

py_val_t py_sys_take_atexit(void) {
    py_val_t f = atexit_fn;
    atexit_fn = PY_NULL;
    return f;
}

static py_val_t s_intern(int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_is_str(argv[0])) py_raise_type_error_arg("intern", "str", argv[0]);
    return py_intern_str(argv[0]);
}

static py_val_t s_getrecursionlimit(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small(py_max_depth);
}

static py_val_t s_setrecursionlimit(int argc, const py_val_t *argv, py_val_t kw) {
    int64_t n = py_to_i64(argv[0]);
    if (n < 1) py_raise_msg(&py_type_ValueError, "recursion limit must be greater or equal than 1");
    py_max_depth = n > 1000000 ? 1000000 : (int)n;
    return PY_NONE;
}

/* Weak so the sys module links before the VM provides it; then exc_info
 * reports no exception. */
__attribute__((weak)) py_val_t py_vm_current_exc(void);

static py_val_t s_exc_info(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t e = py_vm_current_exc ? py_vm_current_exc() : PY_NULL;
    if (py_is_null(e) || py_is_none(e)) return py_tuple_pack(3, PY_NONE, PY_NONE, PY_NONE);
    return py_tuple_pack(3, py_obj(py_type_of(e)), e, PY_NONE);
}

static const py_method_def_t sys_functions[] = {
    {"exc_info", s_exc_info, 0, 0, 0},
    {"exit", s_exit, 0, 1, 0},
    {"atexit", s_atexit, 1, 1, 0},
    {"print_exception", s_print_exception, 1, 2, PY_MF_KW},
    {"intern", s_intern, 1, 1, 0},
    {"getrecursionlimit", s_getrecursionlimit, 0, 0, 0},
    {"setrecursionlimit", s_setrecursionlimit, 1, 1, 0},
    PY_MF_END,
};

static py_port_id_t port_id = {"linux", "Breadboard with host CPU", "breadboard"};
static py_val_t impl_obj = PY_NULL; /* sys.implementation, once sys exists */

/* sys.implementation: a read-only record printed like CPython's namespace. */
typedef struct {
    py_obj_t h;
    py_val_t name, version, machine, build;
} impl_t;

static py_val_t impl_getattr(py_val_t self, py_val_t name) {
    impl_t *im = py_as_ptr(self);
    const char *s = py_str_data(name);
    if (!strcmp(s, "name")) return im->name;
    if (!strcmp(s, "version")) return im->version;
    if (!strcmp(s, "_machine")) return im->machine;
    if (!strcmp(s, "_build")) return im->build;
    /* no _mpy: .mpy files cannot be imported, and tests probe for it */
    return PY_NULL;
}

static void impl_print(py_sb_t *sb, py_val_t self, int kind) {
    impl_t *im = py_as_ptr(self);
    /* MicroPython prints its attrtuple like a tuple with field names */
    py_sb_adds(sb, "(name=");
    py_print_to(sb, im->name, PY_PRINT_REPR);
    py_sb_adds(sb, ", version=");
    py_print_to(sb, im->version, PY_PRINT_REPR);
    py_sb_adds(sb, ", _machine=");
    py_print_to(sb, im->machine, PY_PRINT_REPR);
    py_sb_adds(sb, ", _build=");
    py_print_to(sb, im->build, PY_PRINT_REPR);
    py_sb_adds(sb, ")");
}

static void impl_trace(py_obj_t *o) {
    impl_t *im = (impl_t *)o;
    py_gc_mark(im->name);
    py_gc_mark(im->version);
    py_gc_mark(im->machine);
    py_gc_mark(im->build);
}

static py_type_t impl_type = {
    .h = {&py_type_type},
    .name = "implementation",
    .instance_size = sizeof(impl_t),
    .getattr = impl_getattr,
    .print = impl_print,
    .trace = impl_trace,
};

const py_port_id_t *py_sys_port(void) { return &port_id; }

void py_sys_set_port(const py_port_id_t *id) {
    port_id = *id;
    if (py_is_null(py_sys_module)) return; /* sys_init reads port_id */
    impl_t *im = py_as_ptr(impl_obj);
    im->machine = py_str_from_cstr(id->machine);
    im->build = py_str_from_cstr(id->build);
    py_module_add(py_sys_module, "platform", py_str_from_cstr(id->platform));
}

static void add_path(py_val_t list, const char *dir, size_t n) {
    if (n > 0 && dir[0] == '~' && (n == 1 || dir[1] == '/')) {
        const char *home = getenv("HOME");
        if (home) {
            py_sb_t sb;
            py_sb_init(&sb);
            py_sb_adds(&sb, home);
            py_sb_add(&sb, dir + 1, n - 1);
            py_list_append(list, py_sb_to_str(&sb));
            return;
        }
    }
    py_list_append(list, py_str_new(dir, n));
}

void py_sys_init_path(const char *script_dir) {
    py_list_t *l = py_as_list(py_sys_path);
    l->len = 0;
    const char *env = getenv("MICROPYPATH");
    if (env) {
        const char *p = env;
        for (;;) {
            const char *c = strchr(p, ':');
            size_t n = c ? (size_t)(c - p) : strlen(p);
            add_path(py_sys_path, p, n);
            if (!c) break;
            p = c + 1;
        }
    } else {
        static const char *const dflt[] = {"", ".frozen", "~/.micropython/lib", "/usr/lib/micropython"};
        for (size_t i = 0; i < 4; i++) add_path(py_sys_path, dflt[i], strlen(dflt[i]));
    }
    if (script_dir) {
        /* the script's directory takes the place of '' (the current directory) */
        py_val_t d = py_str_from_cstr(script_dir);
        if (l->len > 0 && py_str_len(l->items[0]) == 0) py_setitem(py_sys_path, py_small(0), d);
        else {
            py_list_append(py_sys_path, PY_NONE);
            memmove(l->items + 1, l->items, (l->len - 1) * sizeof(py_val_t));
            l->items[0] = d;
        }
    }
}

void py_sys_set_argv(int argc, char **argv) {
    py_as_list(py_sys_argv)->len = 0;
    for (int i = 0; i < argc; i++) py_list_append(py_sys_argv, py_str_from_cstr(argv[i]));
}

static void sys_init(py_val_t m) {
    py_sys_module = m;
    py_gc_add_root(&py_sys_module);
    py_gc_add_root(&py_sys_path);
    py_gc_add_root(&py_sys_argv);
    py_gc_add_root(&py_sys_stdout_obj);
    py_gc_add_root(&py_sys_stderr_obj);
    py_gc_add_root(&sys_stdin_obj);
    py_gc_add_root(&atexit_fn);
    py_gc_add_root(&name_stdout);
    py_gc_add_root(&name_stderr);
    name_stdout = py_intern("stdout");
    name_stderr = py_intern("stderr");
    py_sys_path = py_list_new(0);
    py_sys_argv = py_list_new(0);
    py_sys_stdout_obj = py_file_new_std(1);
    py_sys_stderr_obj = py_file_new_std(2);
    sys_stdin_obj = py_file_new_std(0);
    py_sys_init_path(NULL);
    py_module_add(m, "path", py_sys_path);
    py_module_add(m, "argv", py_sys_argv);
    py_module_add(m, "modules", py_sys_modules());
    py_module_add(m, "stdin", sys_stdin_obj);
    py_module_add(m, "stdout", py_sys_stdout_obj);
    py_module_add(m, "stderr", py_sys_stderr_obj);
    py_module_add(m, "version", py_str_from_cstr("3.4.0; Breadboard v0.1.0 (MicroPython v1.27.0 compatible)"));
    py_module_add(m, "version_info", py_tuple_pack(3, py_small(3), py_small(4), py_small(0)));
    py_type_init_builtin(&impl_type);
    impl_t *im = py_gc_alloc(&impl_type, sizeof(impl_t));
    im->name = py_str_from_cstr("micropython");
    im->version = py_tuple_pack(4, py_small(1), py_small(27), py_small(0), py_str_from_cstr(""));
    im->machine = py_str_from_cstr(port_id.machine);
    im->build = py_str_from_cstr(port_id.build);
    impl_obj = py_obj(im);
    py_gc_add_root(&impl_obj);
    py_module_add(m, "implementation", impl_obj);
    py_module_add(m, "platform", py_str_from_cstr(port_id.platform));
    py_module_add(m, "byteorder", py_str_from_cstr("little"));
    py_module_add(m, "maxsize", py_int_from_i64(INT64_MAX));
    py_module_add(m, "ps1", py_str_from_cstr(">>> "));
    py_module_add(m, "ps2", py_str_from_cstr("... "));
}

const py_module_def_t py_module_sys = {"sys", sys_functions, sys_init};
