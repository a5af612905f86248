/* import.c: the module registry and the import statement.
 *
 * Lookup order for an absolute name: sys.modules, the native modules of
 * module_list.h (created on first import), then for each directory of
 * sys.path (or the parent package's __path__ for a submodule) the package
 * `<dir>/<name>/__init__.py`, the module `<dir>/<name>.py`, and last a plain
 * directory as a namespace package; the entry ".frozen" stands for the
 * modules built into the executable (frozen.h).  A module is entered in sys.modules
 * before its code runs, so circular imports see the partly initialised
 * module; if its code raises, the entry is removed again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "frozen.h"
#include "module_list.h"
#include "runtime.h"
#include "sysio.h"

int py_verbose;

#define PY_MOD_DECL(m) extern const py_module_def_t py_module_##m;
PY_MODULE_LIST(PY_MOD_DECL)
#undef PY_MOD_DECL

static const py_module_def_t *const native_modules[] = {
#define PY_MOD_ENTRY(m) &py_module_##m,
    PY_MODULE_LIST(PY_MOD_ENTRY)
#undef PY_MOD_ENTRY
    NULL,
};

const char *const py_native_module_names[] = {
#define PY_MOD_NAME(m) #m,
    PY_MODULE_LIST(PY_MOD_NAME)
#undef PY_MOD_NAME
    NULL,
};

static py_val_t modules = PY_NULL;
/* builtins.__import__ as installed at start-up: when a program replaces it,
 * import statements call the replacement (checked by identity: one lookup). */
static py_val_t original_import_fn = PY_NULL;


py_val_t py_sys_modules(void) {
    if (py_is_null(modules)) {
        py_gc_add_root(&modules);
        modules = py_dict_new();
    }
    return modules;
}

static py_val_t mod_dict(py_val_t m) { return ((py_module_t *)py_as_ptr(m))->dict; }

void py_module_add(py_val_t module, const char *name, py_val_t value) {
    py_dict_set(mod_dict(module), py_intern(name), value);
}

static py_val_t new_module(py_val_t name) {
    py_val_t m = py_module_new(name);
    py_dict_set(mod_dict(m), PYN(__name__), name);
    return m;
}

__attribute__((noinline)) static void run_native_init(const py_module_def_t *def, py_val_t m, py_val_t name) {
    py_try_t t;
    if (py_try(&t)) {
        def->init(m);
        py_try_end(&t);
    } else {
        py_dict_del(py_sys_modules(), name);
        py_raise(t.exc);
    }
}

static py_val_t load_native(const py_module_def_t *def, py_val_t name) {
    py_val_t m = new_module(name);
    py_dict_set(py_sys_modules(), name, m);
    if (def->functions)
        for (const py_method_def_t *f = def->functions; f->name; f++)
            py_module_add(m, f->name, py_cfunc_new(f, PY_NULL));
    if (def->init) run_native_init(def, m, name);
    return m;
}

static const py_module_def_t *find_native(const char *name) {
    for (int i = 0; native_modules[i]; i++)
        if (!strcmp(native_modules[i]->name, name)) return native_modules[i];
    return NULL;
}

void py_modules_init(void) {
    py_sys_modules();
    py_import_cstr("builtins");
    py_import_cstr("sys");
    py_gc_add_root(&original_import_fn);
    original_import_fn = py_dict_get_interned(py_builtins_dict(), PYN(__import__));
    /* MicroPython compiles @micropython.native & co without an import; make
     * the name resolvable the same way */
    py_dict_set(py_builtins_dict(), PYN(micropython), py_import_cstr("micropython"));
}

/* ---------------------------------------------------------- file search */

enum { FOUND_NONE, FOUND_MODULE, FOUND_PACKAGE, FOUND_NAMESPACE };

static bool is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}
static bool is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Searches `paths` (a list of str) for `leaf`.  On success *file holds the
 * file to run (NULL-ish empty for a namespace package) and *dir the package
 * directory. */
static int find_in(py_val_t paths, const char *leaf, py_val_t *file, py_val_t *dir) {
    size_t n;
    py_val_t *items;
    if (!py_seq_items(paths, &n, &items)) return FOUND_NONE;
    py_val_t ns_dir = PY_NULL;
    for (size_t i = 0; i < n; i++) {
        py_seq_items(paths, &n, &items);
        if (i >= n) break;
        py_val_t d = items[i];
        if (!py_is_str(d)) continue;
        /* ".frozen" entries search the modules built into the executable */
        int fk = py_frozen_find(py_str_data(d), py_str_len(d), leaf, file, dir);
        if (fk > 0) return fk == 2 ? FOUND_PACKAGE : FOUND_MODULE;
        if (fk == 0) continue;
        py_sb_t sb;
        py_sb_init(&sb);
        if (py_str_len(d) > 0) {
            py_sb_add(&sb, py_str_data(d), py_str_len(d));
            if (py_str_data(d)[py_str_len(d) - 1] != '/') py_sb_addc(&sb, '/');
        }
        py_sb_adds(&sb, leaf);
        size_t base = sb.len;
        py_sb_adds(&sb, "/__init__.py");
        py_sb_addc(&sb, 0);
        if (is_file(sb.data)) {
            *dir = py_str_new(sb.data, base);
            *file = py_str_new(sb.data, sb.len - 1);
            return FOUND_PACKAGE;
        }
        sb.len = base;
        py_sb_adds(&sb, ".py");
        py_sb_addc(&sb, 0);
        if (is_file(sb.data)) {
            *file = py_str_new(sb.data, sb.len - 1);
            return FOUND_MODULE;
        }
        sb.data[base] = 0;
        if (py_is_null(ns_dir) && is_dir(sb.data)) ns_dir = py_str_new(sb.data, base);
    }
    if (!py_is_null(ns_dir)) {
        *dir = ns_dir;
        *file = PY_NULL;
        return FOUND_NAMESPACE;
    }
    return FOUND_NONE;
}

/* Compiles and runs a source file in module m's namespace. */
static void exec_file(py_val_t m, py_val_t file) {
    const py_frozen_module_t *fz = py_frozen_for_file(py_str_data(file), py_str_len(file));
    if (fz) {
        py_val_t code = py_compile_source(fz->source, fz->len, py_frozen_display(file), PY_MODE_EXEC);
        py_run_code(code, mod_dict(m), mod_dict(m));
        return;
    }
    FILE *fp = fopen(py_str_data(file), "rb");
    if (!fp) {
        py_val_t args[2] = {py_small(2), py_str_printf("No such file or directory: '%s'", py_str_data(file))};
        py_raise(py_exc_new_args(&py_type_OSError, 2, args));
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (cap - len < 4096) {
            cap = cap ? cap * 2 : 65536;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(fp);
                py_raise_no_memory();
            }
            buf = nb;
        }
        size_t got = fread(buf + len, 1, cap - len, fp);
        if (got == 0) break;
        len += got;
    }
    fclose(fp);
    /* copy into a GC object so a SyntaxError's longjmp leaks nothing */
    py_val_t src = py_bytes_new(buf, len);
    free(buf);
    py_val_t code = py_compile_source(py_str_data(src), len, file, PY_MODE_EXEC);
    py_val_t g = mod_dict(m);
    py_run_code(code, g, g);
}

__attribute__((noinline)) static void exec_or_unregister(py_val_t m, py_val_t file, py_val_t name,
                                                         bool keep_on_error) {
    py_try_t t;
    if (py_try(&t)) {
        exec_file(m, file);
        py_try_end(&t);
    } else {
        if (!keep_on_error) py_dict_del(py_sys_modules(), name);
        py_raise(t.exc);
    }
}

/* Creates module `name` from a search result, registers it and runs it. */
static py_val_t load_found(int kind, py_val_t name, py_val_t file, py_val_t dir, bool keep_on_error) {
    py_val_t m = new_module(name);
    py_val_t g = mod_dict(m);
    const char *s = py_str_data(name);
    const char *dot = strrchr(s, '.');
    if (kind == FOUND_PACKAGE || kind == FOUND_NAMESPACE) {
        py_dict_set(g, PYN(__path__), py_list_from_array(1, &dir));
        py_dict_set(g, PYN(__package__), name);
    } else {
        py_dict_set(g, PYN(__package__), dot ? py_str_new(s, (size_t)(dot - s)) : py_intern(""));
    }
    if (!py_is_null(file)) py_dict_set(g, PYN(__file__), py_frozen_display(file));
    py_dict_set(py_sys_modules(), name, m);
    if (py_verbose && !py_is_null(file)) {
        py_val_t msg = py_str_printf("import %s # %s\n", s, py_str_data(file));
        py_write_stderr(py_str_data(msg), py_str_len(msg));
    }
    if (py_is_null(file)) return m;
    exec_or_unregister(m, file, name, keep_on_error);
    /* the module may have replaced itself in sys.modules */
    py_val_t cur = py_dict_get(py_sys_modules(), name);
    return py_is_null(cur) ? m : cur;
}

static PY_NORETURN void not_found(py_val_t full) {
    py_val_t e = py_exc_new(&py_type_ModuleNotFoundError, "No module named '%s'", py_str_data(full));
    py_raise(e);
}

/* Imports one component: `full` is the dotted name, `parent` the parent
 * module or PY_NULL for a top-level name. */
static py_val_t import_one(py_val_t full, const char *leaf, py_val_t parent) {
    py_val_t m = py_dict_get(py_sys_modules(), full);
    if (!py_is_null(m)) return m;
    py_val_t paths;
    if (py_is_null(parent)) {
        const py_module_def_t *def = find_native(py_str_data(full));
        if (def) return load_native(def, full);
        paths = py_sys_path;
    } else {
        paths = py_getattr_opt(parent, PYN(__path__));
        if (py_is_null(paths)) {
            py_raise(py_exc_new(&py_type_ModuleNotFoundError, "No module named '%s'; '%s' is not a package",
                                py_str_data(full), py_str_data(py_getattr(parent, PYN(__name__)))));
        }
    }
    py_val_t file = PY_NULL, dir = PY_NULL;
    int kind = find_in(paths, leaf, &file, &dir);
    if (kind == FOUND_NONE) {
        /* MicroPython's u-prefixed aliases (ustruct, ujson ...): "uX" is the native
         * module X, the same object, when no file on the path provides uX */
        if (py_is_null(parent) && leaf[0] == 'u' && find_native(leaf + 1)) {
            m = import_one(py_str_from_cstr(leaf + 1), leaf + 1, PY_NULL);
            py_dict_set(py_sys_modules(), full, m);
            return m;
        }
        not_found(full);
    }
    m = load_found(kind, full, file, dir, false);
    if (!py_is_null(parent)) py_setattr(parent, py_intern(leaf), m);
    return m;
}

/* Imports every component of a dotted absolute name; returns the leaf and,
 * through *top, the first component's module. */
static py_val_t import_dotted(py_val_t name, py_val_t *top) {
    const char *s = py_str_data(name);
    size_t n = py_str_len(name);
    py_val_t parent = PY_NULL;
    *top = PY_NULL;
    size_t start = 0;
    for (;;) {
        const char *dot = memchr(s + start, '.', n - start);
        size_t end = dot ? (size_t)(dot - s) : n;
        if (end == start) not_found(name);
        py_val_t full = end == n ? name : py_str_new(s, end);
        char leaf[256];
        size_t ln = end - start < sizeof leaf - 1 ? end - start : sizeof leaf - 1;
        memcpy(leaf, s + start, ln);
        leaf[ln] = 0;
        py_val_t m = import_one(full, leaf, parent);
        if (py_is_null(*top)) *top = m;
        parent = m;
        if (!dot) return m;
        start = end + 1;
        s = py_str_data(name);
    }
}

/* Resolves a relative import to an absolute name from the importer's globals. */
static py_val_t resolve_relative(py_val_t name, int level, py_val_t globals) {
    py_val_t pkg = PY_NULL;
    if (py_is_obj(globals) && py_is_instance(globals, &py_type_dict)) {
        pkg = py_dict_get(globals, PYN(__package__));
        if (py_is_null(pkg) || !py_is_str(pkg) || py_str_len(pkg) == 0) {
            py_val_t mn = py_dict_get(globals, PYN(__name__));
            if (!py_is_null(mn) && py_is_str(mn)) {
                if (!py_is_null(py_dict_get(globals, PYN(__path__)))) pkg = mn;
                else {
                    const char *s = py_str_data(mn);
                    const char *dot = strrchr(s, '.');
                    pkg = dot ? py_str_new(s, (size_t)(dot - s)) : PY_NULL;
                }
            } else {
                pkg = PY_NULL;
            }
        }
    }
    if (py_is_null(pkg) || !py_is_str(pkg) || py_str_len(pkg) == 0 ||
        !strcmp(py_str_data(pkg), "__main__"))
        py_raise_msg(&py_type_ImportError, "attempted relative import with no known parent package");
    const char *s = py_str_data(pkg);
    size_t n = py_str_len(pkg);
    for (int i = 1; i < level; i++) {
        while (n > 0 && s[n - 1] != '.') n--;
        if (n == 0) py_raise_msg(&py_type_ImportError, "attempted relative import beyond top-level package");
        n--;
    }
    py_sb_t sb;
    py_sb_init(&sb);
    py_sb_add(&sb, s, n);
    if (py_str_len(name) > 0) {
        py_sb_addc(&sb, '.');
        py_sb_add(&sb, py_str_data(name), py_str_len(name));
    }
    return py_sb_to_str(&sb);
}

/* from pkg import sub: imports submodules named in fromlist when missing */
static void import_fromlist(py_val_t leaf, py_val_t name, py_val_t fromlist) {
    if (!py_is_null(py_getattr_opt(leaf, PYN(__path__)))) {
        py_val_t it = py_iter(fromlist);
        for (py_val_t item; !py_is_null(item = py_next(it));) {
            if (!py_is_str(item) || !strcmp(py_str_data(item), "*")) continue;
            if (!py_is_null(py_getattr_opt(leaf, py_intern_str(item)))) continue;
            py_val_t full = py_str_printf("%s.%s", py_str_data(name), py_str_data(item));
            py_try_t t;
            if (py_try(&t)) {
                import_one(full, py_str_data(item), leaf);
                py_try_end(&t);
            } else {
                /* a missing submodule is reported by the VM's IMPORT_FROM as
                 * "cannot import name"; other errors propagate */
                if (!py_exc_matches(t.exc, py_obj(&py_type_ModuleNotFoundError))) py_raise(t.exc);
            }
        }
    }
}

py_val_t py_import(py_val_t name, py_val_t fromlist, int level, py_val_t globals) {
    if (!py_is_null(original_import_fn)) {
        py_val_t hook = py_dict_get_interned(py_builtins_dict(), PYN(__import__));
        if (!py_is_null(hook) && hook != original_import_fn) {
            py_val_t args[5] = {name, py_is_null(globals) ? PY_NONE : globals, PY_NONE,
                                py_is_null(fromlist) ? PY_NONE : fromlist, py_small(level)};
            return py_call(hook, 5, args, PY_NULL);
        }
    }
    return py_import_nohook(name, fromlist, level, globals);
}

py_val_t py_import_nohook(py_val_t name, py_val_t fromlist, int level, py_val_t globals) {
    if (!py_is_str(name)) py_raise_type_error_arg("__import__", "str", name);
    bool has_from = !py_is_null(fromlist) && !py_is_none(fromlist) && py_truthy(fromlist);
    if (level == 0) {
        py_val_t m = py_dict_get(py_sys_modules(), name);
        if (!py_is_null(m) && (has_from || !memchr(py_str_data(name), '.', py_str_len(name)))) return m;
        if (py_str_len(name) == 0) py_raise_msg(&py_type_ValueError, "Empty module name");
    } else {
        if (level < 0) py_raise_msg(&py_type_ValueError, "level must be >= 0");
        name = resolve_relative(name, level, globals);
    }
    py_val_t top;
    py_val_t leaf = import_dotted(name, &top);
    if (!has_from) {
        if (level == 0) return top;
        /* `import .a.b` is not valid syntax; __import__('a', level=1) returns the leaf's top below pkg */
        return leaf;
    }
    import_fromlist(leaf, name, fromlist);
    return leaf;
}

py_val_t py_import_cstr(const char *name) {
    return py_import_nohook(py_intern(name), PY_NONE, 0, PY_NONE);
}

/* ------------------------------------------------------------- __main__ */

py_val_t py_run_file_as_module(const char *path, py_val_t name) {
    py_val_t file = py_str_from_cstr(path);
    py_val_t m = new_module(name);
    py_val_t g = mod_dict(m);
    py_dict_set(g, PYN(__file__), file);
    py_dict_set(py_sys_modules(), name, m);
    exec_file(m, file);
    return m;
}

py_val_t py_run_module_as_main(const char *cname) {
    py_val_t name = py_str_from_cstr(cname);
    const char *dot = strrchr(cname, '.');
    py_val_t paths = py_sys_path, parent = PY_NULL;
    if (dot) {
        py_val_t top;
        parent = import_dotted(py_str_new(cname, (size_t)(dot - cname)), &top);
        paths = py_getattr_opt(parent, PYN(__path__));
        if (py_is_null(paths)) not_found(name);
    }
    const char *leaf = dot ? dot + 1 : cname;
    if (!dot) {
        const py_module_def_t *def = find_native(cname);
        if (def) return load_native(def, name);
    }
    py_val_t file = PY_NULL, dir = PY_NULL;
    int kind = find_in(paths, leaf, &file, &dir);
    if (kind == FOUND_NONE) not_found(name);
    if (kind == FOUND_PACKAGE || kind == FOUND_NAMESPACE) {
        /* a package runs its __main__ submodule */
        py_val_t pkg = import_dotted(name, &file);
        (void)pkg;
        py_val_t sub = py_str_printf("%s/__main__.py", py_str_data(dir));
        if (!is_file(py_str_data(sub)))
            py_raise(py_exc_new(&py_type_ImportError,
                                "No module named %s.__main__; '%s' is a package and cannot be directly executed",
                                cname, cname));
        py_val_t m = load_found(FOUND_MODULE, py_intern("__main__"), sub, PY_NULL, true);
        py_dict_set(mod_dict(m), PYN(__package__), name);
        return m;
    }
    py_val_t m = new_module(py_intern("__main__"));
    py_val_t g = mod_dict(m);
    py_dict_set(g, PYN(__file__), file);
    py_dict_set(g, PYN(__package__), dot ? py_str_new(cname, (size_t)(dot - cname)) : py_intern(""));
    py_dict_set(py_sys_modules(), py_intern("__main__"), m);
    exec_file(m, file);
    return m;
}
