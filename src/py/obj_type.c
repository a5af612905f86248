/* obj_type.c: types as Python objects, classes written in Python, the
 * attribute protocol, and the small core types (object, NoneType,
 * NotImplementedType, ellipsis, module, native functions, bound methods,
 * property, staticmethod, classmethod, super, the raw block type).
 *
 * Builtin types are static C structs.  Their `dict` and `mro` stay 0 until
 * py_type_init_builtin runs (at start-up or lazily from py_type_lookup): it
 * turns the `methods` table into cfunc objects (staticmethod/classmethod
 * wrapped per PY_MF_*) and registers the type's fields as GC roots.
 *
 * Classes (py_type_new_class) are heap py_type_t objects whose type is the
 * metaclass.  Their dict keys are always interned, so lookups along the MRO
 * use py_dict_get_interned (pointer compare).  Their C slots are generic
 * dispatchers that look the dunder up in the classes written in Python at
 * the front of the MRO and, when none defines it, fall back to the slot of
 * the layout base (`base`, the first builtin ancestor).  A slot stays NULL
 * when neither provides it, so "not callable / not iterable" tests keep
 * working.
 *
 * Instance layout of a class, chosen from its layout base B:
 *   - B is object: a py_instance_t (header, dict, native unused);
 *     instance_size = sizeof(py_instance_t), dict_offset = offsetof(dict).
 *   - B is an exception: a py_exc_t, whose own `dict` field is the instance
 *     dict; the exception natives work unchanged.
 *   - B is int, float, complex, str, bytes, tuple or frozenset (values of
 *     variable size or immediates): a py_instance_t whose `native` holds the
 *     builtin value (PY_TF_LAYOUT_NATIVE).  Native methods and slots of B
 *     receive the unwrapped value: the bound-cfunc and fallback-slot paths
 *     here unwrap it, so B's code never sees the wrapper through them.
 *   - any other builtin B (list, dict, set, bytearray ...): B's own struct
 *     followed by the dict slot (PY_TF_LAYOUT_CONTAINER): dict_offset is
 *     B's size rounded to 8, instance_size that plus 8.  B's natives work on
 *     the instance as is.  An instance is built by letting B->make_new build
 *     a plain B and moving its fields into the larger block (no B code needs
 *     to know about subclasses); object.__init__ does the same move when a
 *     subclass's __init__ reaches it with arguments (super().__init__(it)).
 *     B's size is B->instance_size, or sizeof the obj.h struct for list and
 *     dict, or else the GC block size of an empty B.
 *   - B is type (a metaclass): instances are py_type_t (PY_TF_LAYOUT_TYPE).
 */
#include <stdio.h>
#include <string.h>

#include "bytecode.h"
#include "objcore.h"
#include "runtime.h"

/* ------------------------------------------------------------ structs */

typedef struct {
    py_obj_t h;
    const py_method_def_t *def;
    py_val_t self;     /* PY_NULL: unbound */
    py_type_t *owner;  /* the builtin type whose method this is (binds on instances), or NULL */
} cfunc_t;

typedef struct {
    py_obj_t h;
    py_val_t self;
    py_val_t func;
} bound_t;

typedef struct {
    py_obj_t h;
    py_val_t func;
} wrapper_t; /* staticmethod and classmethod */

typedef struct {
    py_obj_t h;
    py_val_t fget, fset, fdel, doc;
} prop_t;

typedef struct {
    py_obj_t h;
    py_type_t *type;
    py_val_t obj;
    py_type_t *objtype;
} super_t;

/* names not in names.h, interned once by py_types_init */
static py_val_t n_thisclass, n_base, n_weakref;

uint64_t py_type_epoch = 1; /* objcore.h */

py_obj_t py_notimplemented_obj = {&py_type_notimplemented};
py_obj_t py_ellipsis_obj = {&py_type_ellipsis};

/* ------------------------------------------------------------ helpers */

static inline bool is_type_val(py_val_t v) {
    if (!py_is_obj(v)) return false;
    py_type_t *t = py_obj_type(v);
    return t == &py_type_type || (t->flags & PY_TF_LAYOUT_TYPE);
}
static inline py_type_t *as_type(py_val_t v) { return (py_type_t *)py_as_ptr(v); }
static inline bool is_heap(const py_type_t *t) { return (t->flags & PY_TF_HEAP) != 0; }
/* The layout base of a class, when it is a real builtin (object has no slots). */
#define BASE_OF(t) ((t)->base && (t)->base != &py_type_object ? (t)->base : NULL)

static inline py_val_t *dict_slot(py_val_t obj, const py_type_t *t) {
    return (py_val_t *)((char *)py_as_ptr(obj) + t->dict_offset);
}

/* Instance and module dicts may hold keys that were never interned
 * (obj.__dict__['a' + 'b'] = 1): pointer compare first, then by value. */
static inline py_val_t dict_find(py_val_t d, py_val_t name) {
    py_val_t v = py_dict_get_interned(d, name);
    if (py_is_null(v) && py_dict_len(d)) v = py_dict_get(d, name);
    return v;
}

static py_val_t intern_name(py_val_t name) {
    if (py_is_obj(name)) {
        py_type_t *t = py_obj_type(name);
        if (t == &py_type_str) return ((py_str_t *)py_as_ptr(name))->interned ? name : py_intern_str(name);
        if (t->flags & PY_TF_LAYOUT_NATIVE) return intern_name(py_unwrap_native(name));
    }
    py_raise_msg(&py_type_TypeError, "attribute name must be string, not '%s'", py_type_name(name));
}

const char *py_type_name(py_val_t v) { return py_type_of(v)->name; }

static py_val_t type_name_val(py_type_t *t) {
    if (py_is_obj(t->name_obj)) return t->name_obj;
    return py_str_from_cstr(t->name);
}

/* __module__ of a type as a C string ("builtins" for static types). */
static const char *type_module(py_type_t *t) {
    if (is_heap(t) && py_is_obj(t->dict)) {
        py_val_t m = py_dict_get_interned(t->dict, PYN(__module__));
        if (py_is_str(m)) return py_str_data(py_unwrap_native(m));
    }
    return "builtins";
}

void py_default_repr(py_sb_t *sb, py_val_t v) {
    py_type_t *t = py_type_of(v);
    const char *mod = type_module(t);
    py_sb_addc(sb, '<');
    if (strcmp(mod, "builtins") != 0) {
        py_sb_adds(sb, mod);
        py_sb_addc(sb, '.');
    }
    if (is_heap(t) && py_is_str(t->qualname))
        py_sb_add(sb, py_str_data(t->qualname), py_str_len(t->qualname));
    else
        py_sb_adds(sb, t->name);
    py_sb_printf(sb, " object at %p>", py_as_ptr(v));
}

/* Arguments with one value in front: [first, argv..., keyword values...]. */
#define PREPEND_MAX 16
static const py_val_t *prepend(py_val_t *buf, py_val_t first, int argc, const py_val_t *argv, py_val_t kwnames) {
    size_t nkw = py_is_null(kwnames) ? 0 : py_as_tuple(kwnames)->len;
    size_t total = (size_t)argc + nkw + 1;
    py_val_t *out = total <= PREPEND_MAX ? buf : py_raw_alloc(total * sizeof(py_val_t));
    out[0] = first;
    if (total > 1) memcpy(out + 1, argv, (total - 1) * sizeof(py_val_t));
    return out;
}

/* ------------------------------------------------------------ simple types */

/* None, NotImplemented and Ellipsis: one value each, printed by name; the
 * type called with no arguments gives the value back. */
static void singleton_print(py_sb_t *sb, py_val_t self, int kind) {
    py_sb_adds(sb, self == PY_NONE ? "None" : self == PY_NOTIMPLEMENTED ? "NotImplemented" : "Ellipsis");
}
static py_val_t singleton_make_new(py_type_t *t, int argc, const py_val_t *argv, py_val_t kw) {
    py_check_args(t->name, argc, kw, 0, 0);
    return t == &py_type_none ? PY_NONE : t == &py_type_notimplemented ? PY_NOTIMPLEMENTED : PY_ELLIPSIS;
}
static py_val_t none_unary(py_unop_t op, py_val_t v) {
    if (op == PY_UNARY_BOOL) return PY_FALSE;
    if (op == PY_UNARY_HASH) return py_small(0x5f3759df);
    return PY_NULL;
}
#define SINGLETON_TYPE(pyname, unary_fn)                                                                      \
    {                                                                                                        \
        .h = {&py_type_type}, .name = pyname, .base = &py_type_object, .make_new = singleton_make_new,       \
        .print = singleton_print, .unary = unary_fn,                                                         \
    }
py_type_t py_type_none = SINGLETON_TYPE("NoneType", none_unary);
py_type_t py_type_notimplemented = SINGLETON_TYPE("NotImplementedType", NULL);
py_type_t py_type_ellipsis = SINGLETON_TYPE("ellipsis", NULL);
#undef SINGLETON_TYPE

py_type_t py_type_raw = {
    .h = {&py_type_type},
    .name = "raw",
    .base = &py_type_object,
};

/* ------------------------------------------------------------ module */

py_val_t py_module_new(py_val_t name) {
    py_val_t d = py_dict_new();
    py_module_t *m = py_gc_alloc(&py_type_module, sizeof(py_module_t));
    m->name = name;
    m->dict = d;
    return py_obj(m);
}

static void module_trace(py_obj_t *o) {
    py_module_t *m = (py_module_t *)o;
    py_gc_mark(m->name);
    py_gc_mark(m->dict);
}

static void module_print(py_sb_t *sb, py_val_t self, int kind) {
    py_module_t *m = py_as_ptr(self);
    py_val_t name = py_is_obj(m->dict) ? py_dict_get_interned(m->dict, PYN(__name__)) : PY_NULL;
    if (!py_is_str(name)) name = m->name;
    py_sb_adds(sb, "<module '");
    py_print_to(sb, name, PY_PRINT_STR);
    py_val_t file = py_is_obj(m->dict) ? py_dict_get_interned(m->dict, PYN(__file__)) : PY_NULL;
    if (py_is_str(file)) {
        py_sb_adds(sb, "' from '");
        py_print_to(sb, file, PY_PRINT_STR);
    }
    py_sb_adds(sb, "'>");
}

/* PEP 562: a module-level __getattr__ answers names the dict lacks. */
static py_val_t module_getattr(py_val_t self, py_val_t name) {
    py_module_t *m = py_as_ptr(self);
    if (!py_is_obj(m->dict)) return PY_NULL;
    py_val_t f = py_dict_get_interned(m->dict, PYN(__getattr__));
    if (py_is_null(f) || name == PYN(__getattr__)) return PY_NULL;
    return py_call1(f, name);
}

static py_val_t module_make_new(py_type_t *t, int argc, const py_val_t *argv, py_val_t kw) {
    py_check_args("module", argc, kw, 1, 2);
    if (!py_is_str(argv[0])) py_raise_type_error_arg("module", "str", argv[0]);
    py_val_t m = py_module_new(argv[0]);
    py_dict_set(((py_module_t *)py_as_ptr(m))->dict, PYN(__name__), argv[0]);
    return m;
}

py_type_t py_type_module = {
    .h = {&py_type_type},
    .name = "module",
    .base = &py_type_object,
    .instance_size = sizeof(py_module_t),
    .dict_offset = offsetof(py_module_t, dict),
    .make_new = module_make_new,
    .print = module_print,
    .getattr = module_getattr,
    .trace = module_trace,
};

/* ------------------------------------------------------------ native functions */

static py_val_t cfunc_make(const py_method_def_t *def, py_val_t self, py_type_t *owner) {
    cfunc_t *c = py_gc_alloc(&py_type_cfunc, sizeof(cfunc_t));
    c->def = def;
    c->self = self;
    c->owner = owner;
    return py_obj(c);
}

py_val_t py_cfunc_new(const py_method_def_t *def, py_val_t self) { return cfunc_make(def, self, NULL); }

/* str/bytes methods still parsed CPython's old way ("find() takes at least 1
 * argument (0 given)") rather than by the positional checker. */
static bool old_style_method(const char *owner, const char *name) {
    static const char *const names[] = {"count", "find", "rfind", "index", "rindex", "startswith", "endswith", NULL};
    if (!owner || (strcmp(owner, "str") && strcmp(owner, "bytes") && strcmp(owner, "bytearray"))) return false;
    for (const char *const *n = names; *n; n++)
        if (!strcmp(*n, name)) return true;
    return false;
}

/* CPython's wording depends on how the native parses its arguments: a
 * one-argument or no-argument method names its owner ("list.append() takes
 * exactly one argument (0 given)"); keyword-taking functions say "f() takes at
 * most 2 arguments (3 given)"; positional-only ones "f expected 2 arguments, got 1". */
PY_NORETURN static void arg_count_error(const char *owner, const py_method_def_t *def, int min, int max,
                                        int given) {
    const char *name = def->name;
    char fname[160];
    if (owner) snprintf(fname, sizeof fname, "%s.%s", owner, name);
    else snprintf(fname, sizeof fname, "%s", name);
    int n = given < min ? min : max;
    const char *s = n == 1 ? "" : "s";
    if (min == max && n == 0) py_raise_msg(&py_type_TypeError, "%s() takes no arguments (%d given)", fname, given);
    if (min == max && n == 1)
        py_raise_msg(&py_type_TypeError, "%s() takes exactly one argument (%d given)", fname, given);
    if ((def->flags & PY_MF_KW) || old_style_method(owner, name)) {
        const char *how = min == max ? "exactly" : given < min ? "at least" : "at most";
        py_raise_msg(&py_type_TypeError, "%s() takes %s %d argument%s (%d given)", name, how, n, s, given);
    }
    const char *how = min == max ? "" : given < min ? "at least " : "at most ";
    py_raise_msg(&py_type_TypeError, "%s expected %s%d argument%s, got %d", name, how, n, s, given);
}

void py_check_args(const char *name, int argc, py_val_t kwnames, int min, int max) {
    if (!py_is_null(kwnames) && py_as_tuple(kwnames)->len)
        py_raise_msg(&py_type_TypeError, "%s() takes no keyword arguments", name);
    /* constructors check positionally: "staticmethod expected 1 argument, got 0" */
    if (argc < min || (max >= 0 && argc > max)) {
        if (max == 0) py_raise_msg(&py_type_TypeError, "%s takes no arguments", name);
        int n = argc < min ? min : max;
        const char *how = min == max ? "" : argc < min ? "at least " : "at most ";
        py_raise_msg(&py_type_TypeError, "%s expected %s%d argument%s, got %d", name, how, n, n == 1 ? "" : "s",
                     argc);
    }
}

py_val_t py_kwarg(int argc, const py_val_t *argv, py_val_t kwnames, const char *name, py_val_t dflt) {
    if (py_is_null(kwnames)) return dflt;
    py_tuple_t *k = py_as_tuple(kwnames);
    for (size_t i = 0; i < k->len; i++)
        if (strcmp(py_str_data(k->items[i]), name) == 0) return argv[(size_t)argc + i];
    return dflt;
}

/* Calls the native behind a cfunc: binds self, checks the counts and the
 * receiver's type, unwraps instances of classes derived from int, str ... */
py_val_t py_cfunc_call(py_val_t f, int argc, const py_val_t *argv, py_val_t kwnames) {
    cfunc_t *c = py_as_ptr(f);
    const py_method_def_t *def = c->def;
    py_val_t buf[PREPEND_MAX];
    if (!py_is_null(kwnames) && py_as_tuple(kwnames)->len && !(def->flags & PY_MF_KW)) {
        if (c->owner) py_raise_msg(&py_type_TypeError, "%s.%s() takes no keyword arguments", c->owner->name, def->name);
        py_raise_msg(&py_type_TypeError, "%s() takes no keyword arguments", def->name);
    }
    if (!py_is_null(c->self)) {
        argv = prepend(buf, c->self, argc, argv, kwnames);
        argc++;
    } else if (c->owner) {
        if (argc == 0) {
            /* CPython's slot wrappers (dunders) and method descriptors word it differently */
            const char *on = c->owner->name, *dn = def->name;
            if (dn[0] == '_' && dn[1] == '_')
                py_raise_msg(&py_type_TypeError, "descriptor '%s' of '%s' object needs an argument", dn, on);
            py_raise_msg(&py_type_TypeError, "unbound method %s.%s() needs an argument", on, dn);
        }
        py_val_t self = argv[0];
        py_type_t *st = py_type_of(self);
        if (st != c->owner) {
            if (!py_is_subtype(st, c->owner))
                py_raise_msg(&py_type_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                             def->name, c->owner->name, st->name);
            if ((st->flags & PY_TF_LAYOUT_NATIVE) && c->owner != &py_type_object) {
                argv = prepend(buf, py_unwrap_native(self), argc - 1, argv + 1, kwnames);
            }
        }
    }
    if (argc < def->min_args || (def->max_args >= 0 && argc > def->max_args)) {
        /* the receiver (self, or the class of a classmethod) is not counted */
        int sub = c->owner || !py_is_null(c->self) || (def->flags & PY_MF_CLASS) ? 1 : 0;
        const char *owner = c->owner ? c->owner->name : NULL;
        if ((def->flags & PY_MF_CLASS) && argc > 0 && is_type_val(argv[0])) owner = as_type(argv[0])->name;
        arg_count_error(owner, def, def->min_args - sub,
                        def->max_args < 0 ? -1 : def->max_args - sub, argc - sub);
    }
    return def->fn(argc, argv, kwnames);
}

static py_val_t cfunc_call_slot(py_val_t self, int argc, const py_val_t *argv, py_val_t kwnames) {
    return py_cfunc_call(self, argc, argv, kwnames);
}

static void cfunc_print(py_sb_t *sb, py_val_t self, int kind) {
    cfunc_t *c = py_as_ptr(self);
    if (!py_is_null(c->self)) {
        py_sb_printf(sb, "<built-in method %s of %s object at %p>", c->def->name, py_type_name(c->self),
                     py_is_obj(c->self) ? py_as_ptr(c->self) : (void *)(uintptr_t)c->self);
    } else if (c->owner) {
        py_sb_printf(sb, "<method '%s' of '%s' objects>", c->def->name, c->owner->name);
    } else {
        py_sb_printf(sb, "<built-in function %s>", c->def->name);
    }
}

static py_val_t cfunc_getattr(py_val_t self, py_val_t name) {
    cfunc_t *c = py_as_ptr(self);
    if (name == PYN(__name__)) return py_str_from_cstr(c->def->name);
    if (name == PYN(__qualname__)) {
        if (c->owner) return py_str_printf("%s.%s", c->owner->name, c->def->name);
        return py_str_from_cstr(c->def->name);
    }
    if (name == PYN(__self__)) return py_is_null(c->self) ? PY_NONE : c->self;
    if (name == PYN(__call__)) return self; /* calling f.__call__ is calling f */
    if (name == PYN(__doc__)) return PY_NONE;
    if (name == PYN(__module__)) return c->owner ? PY_NONE : py_str_from_cstr("builtins");
    return PY_NULL;
}

static py_val_t cfunc_compare(py_cmpop_t op, py_val_t a, py_val_t b) {
    if ((op != PY_CMP_EQ && op != PY_CMP_NE) || !py_is_type(b, &py_type_cfunc)) return PY_NULL;
    cfunc_t *x = py_as_ptr(a), *y = py_as_ptr(b);
    bool eq = x->def == y->def && x->self == y->self;
    return py_bool(op == PY_CMP_EQ ? eq : !eq);
}

static py_val_t cfunc_unary(py_unop_t op, py_val_t v) {
    if (op != PY_UNARY_HASH) return PY_NULL;
    cfunc_t *c = py_as_ptr(v);
    return py_small((int64_t)(((uintptr_t)c->def >> 4) ^ (c->self & 0xFFFFFFFFFFull)));
}

static void cfunc_trace(py_obj_t *o) { py_gc_mark(((cfunc_t *)o)->self); }

py_type_t py_type_cfunc = {
    .h = {&py_type_type},
    .name = "builtin_function_or_method",
    .base = &py_type_object,
    .instance_size = sizeof(cfunc_t),
    .call = cfunc_call_slot,
    .print = cfunc_print,
    .getattr = cfunc_getattr,
    .compare = cfunc_compare,
    .unary = cfunc_unary,
    .trace = cfunc_trace,
};

/* ------------------------------------------------------------ bound methods */

py_val_t py_bound_method_new(py_val_t self, py_val_t func) {
    bound_t *b = py_gc_alloc(&py_type_bound_method, sizeof(bound_t));
    b->self = self;
    b->func = func;
    return py_obj(b);
}

py_val_t py_bound_call(py_val_t f, int argc, const py_val_t *argv, py_val_t kwnames) {
    bound_t *b = py_as_ptr(f);
    py_val_t buf[PREPEND_MAX];
    const py_val_t *a = prepend(buf, b->self, argc, argv, kwnames);
    return py_call(b->func, argc + 1, a, kwnames);
}

static py_val_t bound_call_slot(py_val_t self, int argc, const py_val_t *argv, py_val_t kwnames) {
    return py_bound_call(self, argc, argv, kwnames);
}

static py_val_t func_qualname(py_val_t f) {
    if (py_is_type(f, &py_type_function)) {
        py_func_t *fn = py_as_ptr(f);
        if (py_is_str(fn->qualname)) return fn->qualname;
        if (py_is_str(fn->name)) return fn->name;
    }
    py_val_t q = py_getattr_opt(f, PYN(__qualname__));
    if (py_is_str(q)) return q;
    q = py_getattr_opt(f, PYN(__name__));
    return py_is_str(q) ? q : py_str_from_cstr("?");
}

static void bound_print(py_sb_t *sb, py_val_t self, int kind) {
    bound_t *b = py_as_ptr(self);
    py_check_stack();
    py_sb_adds(sb, "<bound method ");
    py_print_to(sb, func_qualname(b->func), PY_PRINT_STR);
    py_sb_adds(sb, " of ");
    py_print_to(sb, b->self, PY_PRINT_REPR);
    py_sb_addc(sb, '>');
}

static py_val_t bound_getattr(py_val_t self, py_val_t name) {
    bound_t *b = py_as_ptr(self);
    if (name == PYN(__self__)) return b->self;
    if (name == PYN(__func__)) return b->func;
    if (name == PYN(__call__)) return self;
    return py_getattr_opt(b->func, name);
}

static py_val_t bound_compare(py_cmpop_t op, py_val_t a, py_val_t c) {
    if ((op != PY_CMP_EQ && op != PY_CMP_NE) || !py_is_type(c, &py_type_bound_method)) return PY_NULL;
    bound_t *x = py_as_ptr(a), *y = py_as_ptr(c);
    bool eq = x->self == y->self && py_eq(x->func, y->func);
    return py_bool(op == PY_CMP_EQ ? eq : !eq);
}

static py_val_t bound_unary(py_unop_t op, py_val_t v) {
    if (op != PY_UNARY_HASH) return PY_NULL;
    bound_t *b = py_as_ptr(v);
    return py_hash_value(py_hash(b->func) ^ (int64_t)((b->self >> 4) & 0xFFFFFFFFFFFull));
}

static void bound_trace(py_obj_t *o) {
    bound_t *b = (bound_t *)o;
    py_gc_mark(b->self);
    py_gc_mark(b->func);
}

py_type_t py_type_bound_method = {
    .h = {&py_type_type},
    .name = "method",
    .base = &py_type_object,
    .instance_size = sizeof(bound_t),
    .call = bound_call_slot,
    .print = bound_print,
    .getattr = bound_getattr,
    .compare = bound_compare,
    .unary = bound_unary,
    .trace = bound_trace,
};

/* ------------------------------------------------------------ staticmethod, classmethod */

static py_val_t wrapper_new(py_type_t *t, py_val_t func) {
    wrapper_t *w = py_gc_alloc(t, t->instance_size > sizeof(wrapper_t) ? t->instance_size : sizeof(wrapper_t));
    w->func = func;
    return py_obj(w);
}

static py_val_t wrapper_make_new(py_type_t *t, int argc, const py_val_t *argv, py_val_t kw) {
    py_check_args(t == &py_type_classmethod ? "classmethod" : "staticmethod", argc, kw, 1, 1);
    return wrapper_new(t, argv[0]);
}

static void wrapper_trace(py_obj_t *o) { py_gc_mark(((wrapper_t *)o)->func); }

static py_val_t wrapper_getattr(py_val_t self, py_val_t name) {
    wrapper_t *w = py_as_ptr(self);
    if (name == PYN(__func__) || name == PYN(__wrapped__)) return w->func;
    if (name == PYN(__name__) || name == PYN(__qualname__) || name == PYN(__doc__) || name == PYN(__module__))
        return py_getattr_opt(w->func, name);
    return PY_NULL;
}

static py_val_t staticmethod_call(py_val_t self, int argc, const py_val_t *argv, py_val_t kw) {
    return py_call(((wrapper_t *)py_as_ptr(self))->func, argc, argv, kw);
}

static py_val_t sm_get(int argc, const py_val_t *argv, py_val_t kw) { return ((wrapper_t *)py_as_ptr(argv[0]))->func; }

static py_val_t cm_get(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t cls = argc > 2 && !py_is_none(argv[2]) ? argv[2] : py_obj(py_type_of(argv[1]));
    return py_bound_method_new(cls, ((wrapper_t *)py_as_ptr(argv[0]))->func);
}

static void wrapper_print(py_sb_t *sb, py_val_t self, int kind) {
    py_sb_printf(sb, "<%s object at %p>", py_type_name(self), py_as_ptr(self));
}

static const py_method_def_t sm_methods[] = {{"__get__", sm_get, 2, 3, 0}, PY_MF_END};
static const py_method_def_t cm_methods[] = {{"__get__", cm_get, 2, 3, 0}, PY_MF_END};

py_type_t py_type_staticmethod = {
    .h = {&py_type_type},
    .name = "staticmethod",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .instance_size = sizeof(wrapper_t),
    .methods = sm_methods,
    .make_new = wrapper_make_new,
    .call = staticmethod_call,
    .print = wrapper_print,
    .getattr = wrapper_getattr,
    .trace = wrapper_trace,
};

py_type_t py_type_classmethod = {
    .h = {&py_type_type},
    .name = "classmethod",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .instance_size = sizeof(wrapper_t),
    .methods = cm_methods,
    .make_new = wrapper_make_new,
    .print = wrapper_print,
    .getattr = wrapper_getattr,
    .trace = wrapper_trace,
};

/* ------------------------------------------------------------ property */

static prop_t *as_prop(py_val_t v) { return (prop_t *)py_as_ptr(v); }

static py_val_t prop_alloc(py_type_t *t, py_val_t fget, py_val_t fset, py_val_t fdel, py_val_t doc) {
    prop_t *p = py_gc_alloc(t, t->instance_size > sizeof(prop_t) ? t->instance_size : sizeof(prop_t));
    p->fget = fget;
    p->fset = fset;
    p->fdel = fdel;
    p->doc = doc;
    return py_obj(p);
}

static py_val_t prop_make_new(py_type_t *t, int argc, const py_val_t *argv, py_val_t kw) {
    if (argc > 4) py_raise_msg(&py_type_TypeError, "property() takes at most 4 arguments (%d given)", argc);
    py_val_t a[4] = {PY_NONE, PY_NONE, PY_NONE, PY_NONE};
    for (int i = 0; i < argc; i++) a[i] = argv[i];
    static const char *const names[4] = {"fget", "fset", "fdel", "doc"};
    if (!py_is_null(kw)) {
        py_tuple_t *k = py_as_tuple(kw);
        for (size_t i = 0; i < k->len; i++) {
            int j = 0;
            while (j < 4 && strcmp(py_str_data(k->items[i]), names[j]) != 0) j++;
            if (j == 4)
                py_raise_msg(&py_type_TypeError, "'%s' is an invalid keyword argument for property()",
                             py_str_data(k->items[i]));
            a[j] = argv[(size_t)argc + i];
        }
    }
    return prop_alloc(t, a[0], a[1], a[2], a[3]);
}

static py_val_t prop_fname(prop_t *p) {
    py_val_t f = !py_is_none(p->fget) ? p->fget : !py_is_none(p->fset) ? p->fset : p->fdel;
    if (py_is_none(f)) return PY_NULL;
    py_val_t n = py_getattr_opt(f, PYN(__name__));
    return py_is_str(n) ? n : PY_NULL;
}

static py_val_t prop_get(py_val_t prop, py_val_t obj) {
    prop_t *p = as_prop(prop);
    if (py_is_none(p->fget)) {
        py_val_t n = prop_fname(p);
        if (py_is_null(n)) py_raise_msg(&py_type_AttributeError, "unreadable attribute");
        py_raise_msg(&py_type_AttributeError, "property '%s' of '%s' object has no getter", py_str_data(n),
                     py_type_name(obj));
    }
    return py_call1(p->fget, obj);
}

static void prop_set(py_val_t prop, py_val_t obj, py_val_t value) {
    prop_t *p = as_prop(prop);
    py_val_t f = py_is_null(value) ? p->fdel : p->fset;
    if (py_is_none(f)) {
        py_val_t n = prop_fname(p);
        if (py_is_null(n)) py_raise_msg(&py_type_AttributeError, "can't %s attribute", py_is_null(value) ? "delete" : "set");
        py_raise_msg(&py_type_AttributeError, "property '%s' of '%s' object has no %s", py_str_data(n),
                     py_type_name(obj), py_is_null(value) ? "deleter" : "setter");
    }
    if (py_is_null(value)) py_call1(f, obj);
    else py_call2(f, obj, value);
}

static py_val_t prop_copy(py_val_t self, int which, py_val_t f) {
    prop_t *p = as_prop(self);
    py_val_t a[3] = {p->fget, p->fset, p->fdel};
    a[which] = f;
    return prop_alloc(py_obj_type(self), a[0], a[1], a[2], p->doc);
}
static prop_t *self_prop(py_val_t v) {
    if (!py_is_obj(v) || !py_is_subtype(py_obj_type(v), &py_type_property))
        py_raise_type_error_arg("property method", "property", v);
    return as_prop(v);
}
static py_val_t m_prop_getter(int argc, const py_val_t *argv, py_val_t kw) {
    self_prop(argv[0]);
    return prop_copy(argv[0], 0, argv[1]);
}
static py_val_t m_prop_setter(int argc, const py_val_t *argv, py_val_t kw) {
    self_prop(argv[0]);
    return prop_copy(argv[0], 1, argv[1]);
}
static py_val_t m_prop_deleter(int argc, const py_val_t *argv, py_val_t kw) {
    self_prop(argv[0]);
    return prop_copy(argv[0], 2, argv[1]);
}
static py_val_t m_prop_get(int argc, const py_val_t *argv, py_val_t kw) {
    self_prop(argv[0]);
    if (py_is_none(argv[1])) return argv[0];
    return prop_get(argv[0], argv[1]);
}
static py_val_t m_prop_set(int argc, const py_val_t *argv, py_val_t kw) {
    self_prop(argv[0]);
    prop_set(argv[0], argv[1], argv[2]);
    return PY_NONE;
}
static py_val_t m_prop_delete(int argc, const py_val_t *argv, py_val_t kw) {
    self_prop(argv[0]);
    prop_set(argv[0], argv[1], PY_NULL);
    return PY_NONE;
}

static py_val_t prop_getattr(py_val_t self, py_val_t name) {
    prop_t *p = as_prop(self);
    if (name == PYN(fget)) return p->fget;
    if (name == PYN(fset)) return p->fset;
    if (name == PYN(fdel)) return p->fdel;
    if (name == PYN(__doc__)) {
        if (!py_is_none(p->doc)) return p->doc;
        if (!py_is_none(p->fget)) {
            py_val_t d = py_getattr_opt(p->fget, PYN(__doc__));
            return py_is_null(d) ? PY_NONE : d;
        }
        return PY_NONE;
    }
    return PY_NULL;
}

static void prop_trace(py_obj_t *o) {
    prop_t *p = (prop_t *)o;
    py_gc_mark(p->fget);
    py_gc_mark(p->fset);
    py_gc_mark(p->fdel);
    py_gc_mark(p->doc);
}

static const py_method_def_t prop_methods[] = {
    {"getter", m_prop_getter, 2, 2, 0}, {"setter", m_prop_setter, 2, 2, 0},
    {"deleter", m_prop_deleter, 2, 2, 0}, {"__get__", m_prop_get, 2, 3, 0},
    {"__set__", m_prop_set, 3, 3, 0},   {"__delete__", m_prop_delete, 2, 2, 0},
    PY_MF_END,
};

py_type_t py_type_property = {
    .h = {&py_type_type},
    .name = "property",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .instance_size = sizeof(prop_t),
    .methods = prop_methods,
    .make_new = prop_make_new,
    .print = wrapper_print,
    .getattr = prop_getattr,
    .trace = prop_trace,
};

/* ------------------------------------------------------------ type dicts, lookup */

static py_type_t *layout_base(py_type_t *t) { return is_heap(t) ? t->base : t; }

void py_type_init_builtin(py_type_t *t) {
    if (t->mro) return;
    t->mro = PY_NONE; /* in progress: lookups search dict and base chain */
    py_gc_add_root(&t->dict);
    py_gc_add_root(&t->mro);
    py_gc_add_root(&t->bases);
    py_gc_add_root(&t->name_obj);
    if (t->base) py_type_init_builtin(t->base);
    t->name_obj = py_intern(t->name);
    t->dict = py_dict_new();
    if (t->methods) {
        for (const py_method_def_t *m = t->methods; m->name; m++) {
            py_val_t v;
            if (m->flags & PY_MF_STATIC) v = wrapper_new(&py_type_staticmethod, cfunc_make(m, PY_NULL, NULL));
            else if (m->flags & PY_MF_CLASS) v = wrapper_new(&py_type_classmethod, cfunc_make(m, PY_NULL, NULL));
            else v = cfunc_make(m, PY_NULL, t);
            py_dict_set(t->dict, py_intern(m->name), v);
        }
    }
    py_val_t bases = t->base ? py_tuple_pack(1, py_obj(t->base)) : py_tuple_new(0);
    size_t nb = t->base ? py_as_tuple(t->base->mro)->len : 0;
    py_val_t mro = py_tuple_new(nb + 1);
    py_as_tuple(mro)->items[0] = py_obj(t);
    for (size_t i = 0; i < nb; i++) py_as_tuple(mro)->items[i + 1] = py_as_tuple(t->base->mro)->items[i];
    t->bases = bases;
    t->mro = mro;
}

py_val_t py_type_lookup(const py_type_t *t, py_val_t name) {
    if (!t->mro) py_type_init_builtin((py_type_t *)t);
    py_val_t mro = t->mro;
    if (!py_is_obj(mro)) {
        for (; t; t = t->base) {
            if (!py_is_obj(t->dict)) continue;
            py_val_t v = py_dict_get_interned(t->dict, name);
            if (!py_is_null(v)) return v;
        }
        return PY_NULL;
    }
    py_tuple_t *m = py_as_tuple(mro);
    for (size_t i = 0; i < m->len; i++) {
        py_type_t *c = py_as_ptr(m->items[i]);
        if (!py_is_obj(c->dict)) {
            if (c->mro) continue;
            py_type_init_builtin(c);
        }
        py_val_t v = py_dict_get_interned(c->dict, name);
        if (!py_is_null(v)) return v;
    }
    return PY_NULL;
}

py_val_t py_lookup_heap(const py_type_t *t, py_val_t name) {
    py_tuple_t *m = py_as_tuple(t->mro);
    for (size_t i = 0; i < m->len; i++) {
        py_type_t *c = py_as_ptr(m->items[i]);
        if (!is_heap(c)) return PY_NULL;
        py_val_t v = py_dict_get_interned(c->dict, name);
        if (!py_is_null(v)) return v;
    }
    return PY_NULL;
}
#define LOOKUP_HEAP(t, n) py_lookup_heap((t), PYN(n))

/* ------------------------------------------------------------ binding */

static bool has_get(py_type_t *at) { return !py_is_null(py_lookup_heap(at, PYN(__get__))); }
static bool is_data_descr(py_type_t *at) {
    return !py_is_null(py_lookup_heap(at, PYN(__set__))) || !py_is_null(py_lookup_heap(at, PYN(__delete__)));
}

static py_val_t call_get(py_val_t attr, py_val_t obj, py_type_t *type) {
    py_val_t f = py_type_lookup(py_obj_type(attr), PYN(__get__));
    py_val_t args[2] = {obj, py_obj(type)};
    return py_call_bound(f, attr, 2, args, PY_NULL);
}

/* An attribute found on the type of an instance, as the instance sees it. */
static py_val_t bind_instance(py_val_t attr, py_val_t obj, py_type_t *t) {
    if (!py_is_obj(attr)) return attr;
    py_type_t *at = py_obj_type(attr);
    if (at == &py_type_function) return py_bound_method_new(obj, attr);
    if (at == &py_type_cfunc) {
        cfunc_t *c = py_as_ptr(attr);
        if (!c->owner || !py_is_null(c->self)) return attr;
        py_val_t self = obj;
        if ((t->flags & PY_TF_LAYOUT_NATIVE) && c->owner != &py_type_object) self = py_unwrap_native(obj);
        return cfunc_make(c->def, self, c->owner);
    }
    if (at == &py_type_staticmethod) return ((wrapper_t *)py_as_ptr(attr))->func;
    if (at == &py_type_classmethod) return py_bound_method_new(py_obj(t), ((wrapper_t *)py_as_ptr(attr))->func);
    if (at == &py_type_property) return prop_get(attr, obj);
    if (is_heap(at) && has_get(at)) return call_get(attr, obj, t);
    return attr;
}

/* An attribute found on a class, read through the class itself. */
static py_val_t bind_class(py_val_t attr, py_type_t *cls) {
    if (!py_is_obj(attr)) return attr;
    py_type_t *at = py_obj_type(attr);
    if (at == &py_type_function || at == &py_type_cfunc || at == &py_type_property) return attr;
    if (at == &py_type_staticmethod) return ((wrapper_t *)py_as_ptr(attr))->func;
    if (at == &py_type_classmethod) return py_bound_method_new(py_obj(cls), ((wrapper_t *)py_as_ptr(attr))->func);
    if (is_heap(at) && has_get(at)) return call_get(attr, PY_NONE, cls);
    return attr;
}

py_val_t py_call_bound(py_val_t attr, py_val_t self, int argc, const py_val_t *argv, py_val_t kwnames) {
    py_val_t buf[PREPEND_MAX];
    py_check_stack(); /* dunder dispatch can recurse through C */
    if (py_is_obj(attr)) {
        py_type_t *at = py_obj_type(attr);
        if (at == &py_type_function || (at == &py_type_cfunc && ((cfunc_t *)py_as_ptr(attr))->owner &&
                                        py_is_null(((cfunc_t *)py_as_ptr(attr))->self))) {
            const py_val_t *a = prepend(buf, self, argc, argv, kwnames);
            return py_call(attr, argc + 1, a, kwnames);
        }
        if (at == &py_type_staticmethod) return py_call(((wrapper_t *)py_as_ptr(attr))->func, argc, argv, kwnames);
    }
    py_val_t f = is_type_val(self) && py_is_obj(attr) && py_obj_type(attr) == &py_type_classmethod
                     ? bind_class(attr, as_type(self))
                     : bind_instance(attr, self, py_type_of(self));
    return py_call(f, argc, argv, kwnames);
}

/* ------------------------------------------------------------ attributes */

static py_val_t super_getattr(py_val_t self, py_val_t name);
static py_val_t type_getattr(py_val_t cls, py_val_t name);
static void type_setattr(py_val_t cls, py_val_t name, py_val_t value);

static py_val_t instance_dict_get(py_val_t obj, py_type_t *t) {
    py_val_t *slot = dict_slot(obj, t);
    if (!py_is_obj(*slot)) *slot = py_dict_new();
    return *slot;
}

/* The normal lookup, without __getattr__: PY_NULL when absent. */
static py_val_t getattr_core(py_val_t obj, py_val_t name) {
    py_type_t *t = py_type_of(obj);
    if (t == &py_type_type || (t->flags & PY_TF_LAYOUT_TYPE)) return type_getattr(obj, name);
    if (t == &py_type_super) return super_getattr(obj, name);
    py_val_t attr = py_type_lookup(t, name);
    if (!py_is_null(attr) && py_is_obj(attr)) {
        py_type_t *at = py_obj_type(attr);
        if (at == &py_type_property) return prop_get(attr, obj);
        if (is_heap(at) && is_data_descr(at) && has_get(at)) return call_get(attr, obj, t);
    }
    if (t->dict_offset && py_is_obj(obj)) {
        py_val_t d = *dict_slot(obj, t);
        if (py_is_obj(d)) {
            py_val_t v = dict_find(d, name);
            if (!py_is_null(v)) return v;
        }
    }
    if (!py_is_null(attr)) return bind_instance(attr, obj, t);
    if (name == PYN(__class__)) return py_obj(t);
    if (name == PYN(__dict__) && t->dict_offset && py_is_obj(obj)) return instance_dict_get(obj, t);
    if (t->getattr) {
        py_val_t v = t->getattr(obj, name);
        if (!py_is_null(v)) return v;
    }
    /* what every object answers in CPython: no docstrings here, no weak references */
    if (name == PYN(__doc__)) return PY_NONE;
    if (name == n_weakref && is_heap(t) && t->dict_offset) return PY_NONE;
    return PY_NULL;
}

PY_NORETURN static void raise_no_attr(py_val_t obj, py_val_t name) {
    if (is_type_val(obj))
        py_raise_msg(&py_type_AttributeError, "type object '%s' has no attribute '%s'", as_type(obj)->name,
                     py_str_data(name));
    if (py_is_type(obj, &py_type_module)) {
        py_module_t *m = py_as_ptr(obj);
        py_val_t n = py_is_obj(m->dict) ? py_dict_get_interned(m->dict, PYN(__name__)) : PY_NULL;
        if (!py_is_str(n)) n = m->name;
        py_raise_msg(&py_type_AttributeError, "module '%s' has no attribute '%s'", py_is_str(n) ? py_str_data(n) : "?",
                     py_str_data(name));
    }
    py_raise_msg(&py_type_AttributeError, "'%s' object has no attribute '%s'", py_type_name(obj), py_str_data(name));
}

/* With __getattr__ defined, an AttributeError raised by the normal lookup (a property getter, say) also
 * falls back to __getattr__, as in CPython. */
static py_val_t getattr_core_guarded(py_val_t obj, py_val_t name) {
    py_try_t tr;
    py_val_t v = PY_NULL;
    if (py_try(&tr)) {
        v = getattr_core(obj, name);
        py_try_end(&tr);
    } else {
        if (!py_exc_matches(tr.exc, py_obj(&py_type_AttributeError))) py_raise(tr.exc);
        return PY_NULL;
    }
    return v;
}

py_val_t py_getattr(py_val_t obj, py_val_t name) {
    name = intern_name(name);
    py_type_t *t = py_type_of(obj);
    py_val_t v = (t->flags & PY_TF_HAS_GETATTR) ? getattr_core_guarded(obj, name) : getattr_core(obj, name);
    if (!py_is_null(v)) return v;
    if (t->flags & PY_TF_HAS_GETATTR) {
        py_val_t f = py_type_lookup(t, PYN(__getattr__));
        if (!py_is_null(f)) return py_call_bound(f, obj, 1, &name, PY_NULL);
    }
    raise_no_attr(obj, name);
}

py_val_t py_getattr_opt(py_val_t obj, py_val_t name) {
    name = intern_name(name);
    py_try_t tr;
    py_val_t v = PY_NULL;
    if (py_try(&tr)) {
        py_type_t *t = py_type_of(obj);
        v = (t->flags & PY_TF_HAS_GETATTR) ? getattr_core_guarded(obj, name) : getattr_core(obj, name);
        if (py_is_null(v)) {
            if (t->flags & PY_TF_HAS_GETATTR) {
                py_val_t f = py_type_lookup(t, PYN(__getattr__));
                if (!py_is_null(f)) v = py_call_bound(f, obj, 1, &name, PY_NULL);
            }
        }
        py_try_end(&tr);
    } else {
        if (!py_exc_matches(tr.exc, py_obj(&py_type_AttributeError))) py_raise(tr.exc);
        return PY_NULL;
    }
    return v;
}

/* Attribute assignment without __setattr__ dispatch (object.__setattr__). */
static void generic_setattr(py_val_t obj, py_val_t name, py_val_t value) {
    py_type_t *t = py_type_of(obj);
    if (t == &py_type_type || (t->flags & PY_TF_LAYOUT_TYPE)) {
        type_setattr(obj, name, value);
        return;
    }
    py_val_t attr = py_type_lookup(t, name);
    if (!py_is_null(attr) && py_is_obj(attr)) {
        py_type_t *at = py_obj_type(attr);
        if (at == &py_type_property) {
            prop_set(attr, obj, value);
            return;
        }
        if (is_heap(at)) {
            py_val_t f = py_lookup_heap(at, py_is_null(value) ? PYN(__delete__) : PYN(__set__));
            if (!py_is_null(f)) {
                py_val_t args[2] = {obj, value};
                py_call_bound(f, attr, py_is_null(value) ? 1 : 2, args, PY_NULL);
                return;
            }
        }
    }
    /* a class's own slot may be the __setattr__ dispatcher: use its base's */
    int (*setter)(py_val_t, py_val_t, py_val_t) = is_heap(t) ? (BASE_OF(t) ? BASE_OF(t)->setattr : NULL) : t->setattr;
    if (setter && setter(obj, name, value)) return;
    if (t->dict_offset && py_is_obj(obj)) {
        py_val_t *slot = dict_slot(obj, t);
        if (name == PYN(__dict__)) {
            if (py_is_null(value) || !py_is_instance(value, &py_type_dict))
                py_raise_msg(&py_type_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                             py_is_null(value) ? "NoneType" : py_type_name(value));
            *slot = value;
            return;
        }
        if (py_is_null(value)) {
            if (!py_is_obj(*slot) || !py_dict_del(*slot, name)) raise_no_attr(obj, name);
            return;
        }
        if (!py_is_obj(*slot)) *slot = py_dict_new();
        py_dict_set(*slot, name, value);
        return;
    }
    if (!py_is_null(attr))
        py_raise_msg(&py_type_AttributeError, "'%s' object attribute '%s' is read-only", t->name, py_str_data(name));
    raise_no_attr(obj, name);
}

static int heap_setattr(py_val_t self, py_val_t name, py_val_t value);

void py_setattr(py_val_t obj, py_val_t name, py_val_t value) {
    name = intern_name(name);
    py_type_t *t = py_type_of(obj);
    if (t->setattr == heap_setattr) {
        heap_setattr(obj, name, value);
        return;
    }
    generic_setattr(obj, name, value);
}

void py_delattr(py_val_t obj, py_val_t name) { py_setattr(obj, name, PY_NULL); }

/* What super() finds for name: the first definition in the MRO of
 * s->objtype after s->type (the class super() skips past), or PY_NULL.
 * Inline: super().m() in a method runs it on every call. */
static inline py_val_t super_find(super_t *s, py_val_t name) {
    py_tuple_t *m = py_as_tuple(s->objtype->mro);
    size_t i = 0;
    while (i < m->len && py_as_ptr(m->items[i]) != s->type) i++;
    for (i++; i < m->len; i++) {
        py_type_t *c = py_as_ptr(m->items[i]);
        if (!py_is_obj(c->dict)) py_type_init_builtin(c);
        py_val_t v = py_dict_get_interned(c->dict, name);
        if (!py_is_null(v)) return v;
    }
    return PY_NULL;
}

py_val_t py_load_method(py_val_t obj, py_val_t name, py_val_t *self_out) {
    py_type_t *t = py_type_of(obj);
    if (t == &py_type_module) {
        *self_out = PY_NULL;
        py_module_t *m = py_as_ptr(obj);
        py_val_t v = py_dict_get_interned(m->dict, name);
        if (!py_is_null(v)) return v;
        return py_getattr(obj, name);
    }
    if (t == &py_type_super) {
        super_t *s = py_as_ptr(obj);
        if (!is_type_val(s->obj) || s->objtype != as_type(s->obj)) {
            py_val_t v = super_find(s, name);
            if (py_is_type(v, &py_type_function) ||
                (py_is_type(v, &py_type_cfunc) && ((cfunc_t *)py_as_ptr(v))->owner)) {
                *self_out = s->obj;
                return v;
            }
        }
        *self_out = PY_NULL;
        return py_getattr(obj, name);
    }
    if (t != &py_type_type && !(t->flags & PY_TF_LAYOUT_TYPE)) {
        py_val_t attr = py_type_lookup(t, name);
        if (py_is_obj(attr)) {
            py_type_t *at = py_obj_type(attr);
            if (at == &py_type_function ||
                (at == &py_type_cfunc && ((cfunc_t *)py_as_ptr(attr))->owner && py_is_null(((cfunc_t *)py_as_ptr(attr))->self))) {
                if (t->dict_offset && py_is_obj(obj)) {
                    py_val_t d = *dict_slot(obj, t);
                    if (py_is_obj(d)) {
                        py_val_t v = py_dict_get_interned(d, name);
                        if (!py_is_null(v)) {
                            *self_out = PY_NULL;
                            return v;
                        }
                    }
                }
                *self_out = obj;
                return attr;
            }
        }
    }
    *self_out = PY_NULL;
    return py_getattr(obj, name);
}

/* ------------------------------------------------------------ super */

static py_val_t super_make_new(py_type_t *t, int argc, const py_val_t *argv, py_val_t kw) {
    py_check_args("super", argc, kw, 0, 2);
    if (argc == 0) py_raise_msg(&py_type_RuntimeError, "super(): no arguments");
    if (!is_type_val(argv[0]))
        py_raise_msg(&py_type_TypeError, "super() argument 1 must be a type, not %s", py_type_name(argv[0]));
    py_type_t *type = as_type(argv[0]);
    py_val_t obj = argc > 1 ? argv[1] : PY_NONE;
    py_type_t *objtype;
    if (argc < 2) {
        objtype = type;
    } else if (is_type_val(obj) && py_is_subtype(as_type(obj), type)) {
        objtype = as_type(obj);
    } else if (py_is_instance(obj, type)) {
        objtype = py_type_of(obj);
    } else {
        py_raise_msg(&py_type_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    }
    super_t *s = py_gc_alloc(&py_type_super, sizeof(super_t));
    s->type = type;
    s->obj = obj;
    s->objtype = objtype;
    return py_obj(s);
}

static py_val_t super_getattr(py_val_t self, py_val_t name) {
    super_t *s = py_as_ptr(self);
    if (!s->objtype->mro) py_type_init_builtin(s->objtype);
    py_val_t v = super_find(s, name);
    if (!py_is_null(v)) {
        if (is_type_val(s->obj) && s->objtype == as_type(s->obj)) {
            /* super() in a classmethod or __new__: bind to the class */
            if (py_is_obj(v) && py_obj_type(v) == &py_type_classmethod)
                return py_bound_method_new(s->obj, ((wrapper_t *)py_as_ptr(v))->func);
            return bind_class(v, s->objtype);
        }
        return bind_instance(v, s->obj, s->objtype);
    }
    if (name == PYN(__class__)) return py_obj(&py_type_super);
    if (name == PYN(__self__)) return s->obj;
    if (name == n_thisclass) return py_obj(s->type);
    return PY_NULL;
}

static void super_print(py_sb_t *sb, py_val_t self, int kind) {
    super_t *s = py_as_ptr(self);
    py_sb_printf(sb, "<super: <class '%s'>, <%s object>>", s->type->name, s->objtype->name);
}

static void super_trace(py_obj_t *o) {
    super_t *s = (super_t *)o;
    py_gc_mark_obj(s->type);
    py_gc_mark(s->obj);
    py_gc_mark_obj(s->objtype);
}

py_type_t py_type_super = {
    .h = {&py_type_type},
    .name = "super",
    .base = &py_type_object,
    .instance_size = sizeof(super_t),
    .make_new = super_make_new,
    .print = super_print,
    .getattr = super_getattr,
    .trace = super_trace,
};

/* ------------------------------------------------------------ class slots */

static const uint16_t binop_names[PY_OP_NUM_BINARY] = {
    PYN___add__, PYN___sub__, PYN___mul__, PYN___matmul__, PYN___truediv__, PYN___floordiv__, PYN___mod__,
    PYN___pow__, PYN___lshift__, PYN___rshift__, PYN___and__, PYN___or__, PYN___xor__,
};
static const uint16_t rbinop_names[PY_OP_NUM_BINARY] = {
    PYN___radd__, PYN___rsub__, PYN___rmul__, PYN___rmatmul__, PYN___rtruediv__, PYN___rfloordiv__,
    PYN___rmod__, PYN___rpow__, PYN___rlshift__, PYN___rrshift__, PYN___rand__, PYN___ror__, PYN___rxor__,
};
static const uint16_t ibinop_names[PY_OP_NUM_BINARY] = {
    PYN___iadd__, PYN___isub__, PYN___imul__, PYN___imatmul__, PYN___itruediv__, PYN___ifloordiv__,
    PYN___imod__, PYN___ipow__, PYN___ilshift__, PYN___irshift__, PYN___iand__, PYN___ior__, PYN___ixor__,
};
static const uint16_t cmp_names[6] = {PYN___lt__, PYN___le__, PYN___eq__, PYN___ne__, PYN___gt__, PYN___ge__};

static inline py_val_t not_impl_to_null(py_val_t r) { return r == PY_NOTIMPLEMENTED ? PY_NULL : r; }


py_val_t py_heap_binary_left(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    py_type_t *t = py_type_of(lhs);
    if (op >= PY_OP_INPLACE) {
        py_val_t f = py_lookup_heap(t, py_names[ibinop_names[op - PY_OP_INPLACE]]);
        if (!py_is_null(f)) {
            py_val_t r = py_call_bound(f, lhs, 1, &rhs, PY_NULL);
            if (r != PY_NOTIMPLEMENTED) return r;
        }
        py_type_t *b = BASE_OF(t);
        if (b && b->binary && !(t->flags & PY_TF_LAYOUT_NATIVE)) return b->binary(op, lhs, rhs);
        return PY_NULL;
    }
    py_val_t f = py_lookup_heap(t, py_names[binop_names[op]]);
    if (!py_is_null(f)) return not_impl_to_null(py_call_bound(f, lhs, 1, &rhs, PY_NULL));
    py_type_t *b = BASE_OF(t);
    if (b && b->binary) return b->binary(op, py_unwrap_native(lhs), py_unwrap_native(rhs));
    return PY_NULL;
}

py_val_t py_heap_binary_right(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    py_type_t *t = py_type_of(rhs);
    if (op >= PY_OP_INPLACE) op -= PY_OP_INPLACE;
    py_val_t f = py_lookup_heap(t, py_names[rbinop_names[op]]);
    if (!py_is_null(f)) return not_impl_to_null(py_call_bound(f, rhs, 1, &lhs, PY_NULL));
    py_type_t *b = BASE_OF(t);
    /* `"%s" % sub`: the right operand is the format's argument and must keep
     * its class (its own __str__ / __repr__) */
    if (op == PY_OP_MOD && (b == &py_type_str || b == &py_type_bytes) && b->binary)
        return b->binary(op, py_unwrap_native(lhs), rhs);
    if (b && b->binary) return b->binary(op, py_unwrap_native(lhs), py_unwrap_native(rhs));
    return PY_NULL;
}

py_val_t py_heap_binary(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    py_type_t *tl = py_type_of(lhs);
    if (tl->binary == py_heap_binary) return py_heap_binary_left(op, lhs, rhs);
    return py_heap_binary_right(op, lhs, rhs);
}

static py_val_t heap_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    py_type_t *t = py_type_of(self);
    py_val_t f = py_lookup_heap(t, py_names[cmp_names[op]]);
    if (!py_is_null(f)) return not_impl_to_null(py_call_bound(f, self, 1, &other, PY_NULL));
    if (op == PY_CMP_NE) {
        f = LOOKUP_HEAP(t, __eq__);
        if (!py_is_null(f)) {
            py_val_t r = py_call_bound(f, self, 1, &other, PY_NULL);
            if (r == PY_NOTIMPLEMENTED) return PY_NULL;
            return py_bool(!py_truthy(r));
        }
    }
    py_type_t *b = BASE_OF(t);
    if (b && b->compare) return b->compare(op, py_unwrap_native(self), py_unwrap_native(other));
    return PY_NULL;
}

static int64_t len_result(py_val_t r) {
    if (!py_is_int(r))
        py_raise_msg(&py_type_TypeError, "'%s' object cannot be interpreted as an integer", py_type_name(r));
    int64_t n = py_to_i64(r);
    if (n < 0) py_raise_msg(&py_type_ValueError, "__len__() should return >= 0");
    return n;
}

static py_val_t heap_unary(py_unop_t op, py_val_t v) {
    py_type_t *t = py_type_of(v);
    py_val_t f = PY_NULL;
    switch (op) {
    case PY_UNARY_NEG: f = LOOKUP_HEAP(t, __neg__); break;
    case PY_UNARY_POS: f = LOOKUP_HEAP(t, __pos__); break;
    case PY_UNARY_INVERT: f = LOOKUP_HEAP(t, __invert__); break;
    case PY_UNARY_ABS: f = LOOKUP_HEAP(t, __abs__); break;
    case PY_UNARY_BOOL:
        f = LOOKUP_HEAP(t, __bool__);
        if (!py_is_null(f)) {
            py_val_t r = py_call_bound(f, v, 0, NULL, PY_NULL);
            if (!py_is_bool(r))
                py_raise_msg(&py_type_TypeError, "__bool__ should return bool, returned %s", py_type_name(r));
            return r;
        }
        f = LOOKUP_HEAP(t, __len__);
        if (!py_is_null(f)) return py_bool(len_result(py_call_bound(f, v, 0, NULL, PY_NULL)) != 0);
        break;
    case PY_UNARY_LEN:
        f = LOOKUP_HEAP(t, __len__);
        if (!py_is_null(f)) return py_small(len_result(py_call_bound(f, v, 0, NULL, PY_NULL)));
        break;
    case PY_UNARY_HASH:
        f = LOOKUP_HEAP(t, __hash__);
        if (py_is_none(f)) py_raise_msg(&py_type_TypeError, "unhashable type: '%s'", t->name);
        if (!py_is_null(f)) {
            py_val_t r = py_call_bound(f, v, 0, NULL, PY_NULL);
            if (!py_is_int(r)) py_raise_msg(&py_type_TypeError, "__hash__ method should return an integer");
            return py_hash_value(py_hash(r));
        }
        break;
    }
    if (!py_is_null(f)) return py_call_bound(f, v, 0, NULL, PY_NULL);
    py_type_t *b = BASE_OF(t);
    if (b && b->unary) return b->unary(op, py_unwrap_native(v));
    return PY_NULL;
}

static bool base_has_str(py_type_t *b) {
    return b == &py_type_str || b == &py_type_bytes || (b->flags & PY_TF_EXCEPTION);
}

static void add_str_result(py_sb_t *sb, py_val_t r, const char *which) {
    if (!py_is_str(r))
        py_raise_msg(&py_type_TypeError, "%s returned non-string (type %s)", which, py_type_name(r));
    r = py_unwrap_native(r);
    py_sb_add(sb, py_str_data(r), py_str_len(r));
}

static void heap_print(py_sb_t *sb, py_val_t self, int kind) {
    py_type_t *t = py_type_of(self);
    py_type_t *b = BASE_OF(t);
    py_check_stack();
    if (kind == PY_PRINT_STR) {
        py_val_t f = LOOKUP_HEAP(t, __str__);
        if (!py_is_null(f)) {
            add_str_result(sb, py_call_bound(f, self, 0, NULL, PY_NULL), "__str__");
            return;
        }
        if (b && b->print && base_has_str(b)) {
            b->print(sb, py_unwrap_native(self), PY_PRINT_STR);
            return;
        }
    }
    py_val_t f = LOOKUP_HEAP(t, __repr__);
    if (!py_is_null(f)) {
        add_str_result(sb, py_call_bound(f, self, 0, NULL, PY_NULL), "__repr__");
        return;
    }
    if (b && b->print) {
        b->print(sb, py_unwrap_native(self), PY_PRINT_REPR);
        return;
    }
    py_default_repr(sb, self);
}

static py_val_t heap_call(py_val_t self, int argc, const py_val_t *argv, py_val_t kw) {
    py_type_t *t = py_type_of(self);
    py_val_t f = LOOKUP_HEAP(t, __call__);
    if (!py_is_null(f)) return py_call_bound(f, self, argc, argv, kw);
    py_type_t *b = BASE_OF(t);
    if (b && b->call) return b->call(py_unwrap_native(self), argc, argv, kw);
    py_raise_msg(&py_type_TypeError, "'%s' object is not callable", t->name);
}

static py_val_t heap_getitem(py_val_t self, py_val_t key) {
    py_type_t *t = py_type_of(self);
    py_val_t f = LOOKUP_HEAP(t, __getitem__);
    if (!py_is_null(f)) return py_call_bound(f, self, 1, &key, PY_NULL);
    py_type_t *b = BASE_OF(t);
    if (b && b->getitem) return b->getitem(py_unwrap_native(self), key);
    py_raise_msg(&py_type_TypeError, "'%s' object is not subscriptable", t->name);
}

static void heap_setitem(py_val_t self, py_val_t key, py_val_t value) {
    py_type_t *t = py_type_of(self);
    py_val_t f = py_is_null(value) ? LOOKUP_HEAP(t, __delitem__) : LOOKUP_HEAP(t, __setitem__);
    if (!py_is_null(f)) {
        py_val_t args[2] = {key, value};
        py_call_bound(f, self, py_is_null(value) ? 1 : 2, args, PY_NULL);
        return;
    }
    py_type_t *b = BASE_OF(t);
    if (b && b->setitem) {
        b->setitem(py_unwrap_native(self), key, value);
        return;
    }
    if (py_is_null(value)) py_raise_msg(&py_type_TypeError, "'%s' object doesn't support item deletion", t->name);
    py_raise_msg(&py_type_TypeError, "'%s' object does not support item assignment", t->name);
}

static py_val_t heap_iter(py_val_t self) {
    py_type_t *t = py_type_of(self);
    py_val_t f = LOOKUP_HEAP(t, __iter__);
    if (!py_is_null(f)) {
        if (py_is_none(f)) py_raise_msg(&py_type_TypeError, "'%s' object is not iterable", t->name);
        py_val_t r = py_call_bound(f, self, 0, NULL, PY_NULL);
        if (!py_type_of(r)->iternext)
            py_raise_msg(&py_type_TypeError, "iter() returned non-iterator of type '%s'", py_type_name(r));
        return r;
    }
    py_type_t *b = BASE_OF(t);
    if (b && b->iter) return b->iter(py_unwrap_native(self));
    return py_seq_iter_new(self);
}

static py_val_t heap_iternext(py_val_t self) {
    py_type_t *t = py_type_of(self);
    py_val_t f = LOOKUP_HEAP(t, __next__);
    if (!py_is_null(f)) {
        py_try_t tr;
        py_val_t r;
        if (py_try(&tr)) {
            r = py_call_bound(f, self, 0, NULL, PY_NULL);
            py_try_end(&tr);
        } else {
            if (py_exc_matches(tr.exc, py_obj(&py_type_StopIteration))) return PY_NULL;
            py_raise(tr.exc);
        }
        return r;
    }
    py_type_t *b = BASE_OF(t);
    if (b && b->iternext) return b->iternext(py_unwrap_native(self));
    py_raise_msg(&py_type_TypeError, "'%s' object is not an iterator", t->name);
}

static int heap_contains(py_val_t self, py_val_t item) {
    py_type_t *t = py_type_of(self);
    py_val_t f = LOOKUP_HEAP(t, __contains__);
    if (!py_is_null(f)) return py_truthy(py_call_bound(f, self, 1, &item, PY_NULL));
    py_type_t *b = BASE_OF(t);
    if (b && b->contains) return b->contains(py_unwrap_native(self), item);
    return py_contains(py_unwrap_native(self), item);
}

static py_val_t heap_native_getattr(py_val_t self, py_val_t name) {
    py_type_t *b = BASE_OF(py_type_of(self));
    return b && b->getattr ? b->getattr(py_unwrap_native(self), name) : PY_NULL;
}

static int heap_native_buffer(py_val_t self, py_buf_t *out, int writable) {
    py_type_t *b = BASE_OF(py_type_of(self));
    return b && b->buffer ? b->buffer(py_unwrap_native(self), out, writable) : 0;
}

static int heap_setattr(py_val_t self, py_val_t name, py_val_t value) {
    py_type_t *t = py_type_of(self);
    py_val_t f = py_type_lookup(t, py_is_null(value) ? PYN(__delattr__) : PYN(__setattr__));
    if (py_is_null(f) || (py_is_type(f, &py_type_cfunc) && ((cfunc_t *)py_as_ptr(f))->owner == &py_type_object)) {
        generic_setattr(self, name, value);
        return 1;
    }
    py_val_t args[2] = {name, value};
    py_call_bound(f, self, py_is_null(value) ? 1 : 2, args, PY_NULL);
    return 1;
}

static void heap_trace(py_obj_t *o) {
    py_type_t *t = o->type;
    if (t->flags & PY_TF_LAYOUT_TYPE) {
        py_type_type.trace(o);
        return;
    }
    py_type_t *b = t->base;
    if (t->flags & (PY_TF_LAYOUT_CONTAINER | PY_TF_EXCEPTION)) {
        if (b && b->trace) b->trace(o);
    } else {
        py_instance_t *i = (py_instance_t *)o;
        py_gc_mark(i->native);
    }
    if (t->dict_offset) py_gc_mark(*(py_val_t *)((char *)o + t->dict_offset));
}

static py_val_t heap_make_new(py_type_t *cls, int argc, const py_val_t *argv, py_val_t kw);

/* Recomputes a class's slots from its MRO (after creation and whenever a
 * dunder is assigned on the class). */
static void update_slots(py_type_t *t) {
    py_type_t *b = BASE_OF(t);
    bool native = (t->flags & PY_TF_LAYOUT_NATIVE) != 0;
#define HAS(n) (!py_is_null(LOOKUP_HEAP(t, n)))
#define BASE_SLOT(s) (b ? b->s : NULL)
    t->make_new = heap_make_new;
    t->call = HAS(__call__) || BASE_SLOT(call) ? heap_call : NULL;
    t->print = heap_print;
    bool un = HAS(__neg__) || HAS(__pos__) || HAS(__invert__) || HAS(__abs__) || HAS(__bool__) ||
              HAS(__len__) || HAS(__hash__);
    t->unary = un || native ? heap_unary : BASE_SLOT(unary);
    bool bin = false;
    for (int i = 0; i < PY_OP_NUM_BINARY && !bin; i++)
        bin = !py_is_null(py_lookup_heap(t, py_names[binop_names[i]])) ||
              !py_is_null(py_lookup_heap(t, py_names[rbinop_names[i]])) ||
              !py_is_null(py_lookup_heap(t, py_names[ibinop_names[i]]));
    t->binary = bin || (native && BASE_SLOT(binary)) ? py_heap_binary : BASE_SLOT(binary);
    bool cmp = false;
    for (int i = 0; i < 6 && !cmp; i++) cmp = !py_is_null(py_lookup_heap(t, py_names[cmp_names[i]]));
    t->compare = cmp || (native && BASE_SLOT(compare)) ? heap_compare : BASE_SLOT(compare);
    t->getattr = native && BASE_SLOT(getattr) ? heap_native_getattr : BASE_SLOT(getattr);
    t->setattr = HAS(__setattr__) || HAS(__delattr__) ? heap_setattr : BASE_SLOT(setattr);
    t->getitem = HAS(__getitem__) || (native && BASE_SLOT(getitem)) ? heap_getitem : BASE_SLOT(getitem);
    t->setitem = HAS(__setitem__) || HAS(__delitem__) || (native && BASE_SLOT(setitem)) ? heap_setitem
                                                                                       : BASE_SLOT(setitem);
    t->iter = HAS(__iter__) || (native && BASE_SLOT(iter)) ? heap_iter : BASE_SLOT(iter);
    t->iternext = HAS(__next__) || (native && BASE_SLOT(iternext)) ? heap_iternext : BASE_SLOT(iternext);
    t->contains = HAS(__contains__) || (native && BASE_SLOT(contains)) ? heap_contains : BASE_SLOT(contains);
    t->buffer = native && BASE_SLOT(buffer) ? heap_native_buffer : BASE_SLOT(buffer);
    t->trace = heap_trace;
    if (t->flags & PY_TF_LAYOUT_TYPE) {
        /* a metaclass: its instances are classes, called through type_call unless __call__ */
        if (!HAS(__call__)) t->call = py_type_type.call;
        t->print = HAS(__repr__) || HAS(__str__) ? heap_print : py_type_type.print;
    }
    if (HAS(__getattr__)) t->flags |= PY_TF_HAS_GETATTR;
    else t->flags &= ~(uint32_t)PY_TF_HAS_GETATTR;
#undef HAS
#undef BASE_SLOT
}

/* ------------------------------------------------------------ class creation */

static bool is_native_base(py_type_t *b) {
    return b == &py_type_int || b == &py_type_float || b == &py_type_complex || b == &py_type_str ||
           b == &py_type_bytes || b == &py_type_tuple || b == &py_type_frozenset || b == &py_type_bool;
}

static bool acceptable_base(py_type_t *b) {
    if (is_heap(b) || (b->flags & PY_TF_BASETYPE)) return true;
    return b == &py_type_object || b == &py_type_type || b == &py_type_list || b == &py_type_dict ||
           b == &py_type_set || b == &py_type_frozenset || b == &py_type_str || b == &py_type_bytes ||
           b == &py_type_bytearray || b == &py_type_tuple || b == &py_type_int || b == &py_type_float ||
           b == &py_type_complex;
}

/* C3 linearisation of t with direct bases `bases`. */
static py_val_t c3_mro(py_type_t *t, py_val_t bases) {
    py_tuple_t *bt = py_as_tuple(bases);
    size_t nseq = bt->len + 1;
    /* sequences: each base's MRO, then the list of bases */
    py_tuple_t **seqs = py_raw_alloc(nseq * sizeof(py_tuple_t *));
    size_t *pos = py_raw_alloc(nseq * sizeof(size_t));
    size_t total = 1;
    for (size_t i = 0; i < bt->len; i++) {
        py_type_t *b = as_type(bt->items[i]);
        if (!b->mro) py_type_init_builtin(b);
        seqs[i] = py_as_tuple(b->mro);
        total += seqs[i]->len;
    }
    seqs[bt->len] = bt;
    py_val_t out = py_list_new(0);
    py_list_append(out, py_obj(t));
    for (;;) {
        bool any = false;
        py_val_t cand = PY_NULL;
        for (size_t i = 0; i < nseq && py_is_null(cand); i++) {
            if (pos[i] >= seqs[i]->len) continue;
            any = true;
            py_val_t h = seqs[i]->items[pos[i]];
            bool in_tail = false;
            for (size_t j = 0; j < nseq && !in_tail; j++)
                for (size_t k = pos[j] + 1; k < seqs[j]->len; k++)
                    if (seqs[j]->items[k] == h) {
                        in_tail = true;
                        break;
                    }
            if (!in_tail) cand = h;
        }
        if (!any) break;
        if (py_is_null(cand)) {
            py_sb_t sb;
            py_sb_init(&sb);
            for (size_t i = 0; i < bt->len; i++) {
                if (i) py_sb_adds(&sb, ", ");
                py_sb_adds(&sb, as_type(bt->items[i])->name);
            }
            py_sb_addc(&sb, '\0');
            py_raise_msg(&py_type_TypeError, "Cannot create a consistent method resolution order (MRO) for bases %s",
                         sb.data);
        }
        py_list_append(out, cand);
        for (size_t i = 0; i < nseq; i++)
            if (pos[i] < seqs[i]->len && seqs[i]->items[pos[i]] == cand) pos[i]++;
    }
    (void)total;
    py_list_t *l = py_as_list(out);
    return py_tuple_from_array(l->len, l->items);
}

/* The size of a builtin container's struct, for the appended dict slot. */
static size_t container_size(py_type_t *b) {
    if (b->instance_size) return b->instance_size;
    if (b == &py_type_list) return sizeof(py_list_t);
    if (b == &py_type_dict) return sizeof(py_dict_t);
    if (!b->make_new) return 0;
    volatile size_t size = 0;
    py_try_t tr;
    if (py_try(&tr)) {
        py_val_t probe = b->make_new(b, 0, NULL, PY_NULL);
        if (py_is_obj(probe) && py_obj_type(probe) == b) size = py_gc_block_size(py_as_ptr(probe));
        py_try_end(&tr);
    }
    return size;
}

static void compute_layout(py_type_t *t, py_type_t *b) {
    t->base = b;
    if (b == &py_type_object) {
        t->instance_size = sizeof(py_instance_t);
        t->dict_offset = offsetof(py_instance_t, dict);
    } else if (b == &py_type_type) {
        t->flags |= PY_TF_LAYOUT_TYPE;
        t->instance_size = sizeof(py_type_t);
        t->dict_offset = 0;
    } else if (b->flags & PY_TF_EXCEPTION) {
        t->flags |= PY_TF_EXCEPTION;
        t->instance_size = sizeof(py_exc_t);
        t->dict_offset = offsetof(py_exc_t, dict);
    } else {
        size_t size = is_native_base(b) ? 0 : container_size(b);
        if (size == 0) {
            t->flags |= PY_TF_LAYOUT_NATIVE;
            t->instance_size = sizeof(py_instance_t);
            t->dict_offset = offsetof(py_instance_t, dict);
        } else {
            size = (size + 7) & ~(size_t)7;
            t->flags |= PY_TF_LAYOUT_CONTAINER;
            t->dict_offset = (uint32_t)size;
            t->instance_size = (uint32_t)size + sizeof(py_val_t);
        }
    }
}

/* The most derived layout among the bases (object < anything). */
static py_type_t *pick_layout(py_val_t bases) {
    py_tuple_t *bt = py_as_tuple(bases);
    py_type_t *best = &py_type_object;
    for (size_t i = 0; i < bt->len; i++) {
        py_type_t *lb = layout_base(as_type(bt->items[i]));
        if (lb == best || lb == &py_type_object) continue;
        if (best == &py_type_object || py_is_subtype(lb, best)) {
            best = lb;
            continue;
        }
        if (py_is_subtype(best, lb)) continue;
        if ((best->flags & PY_TF_EXCEPTION) && (lb->flags & PY_TF_EXCEPTION)) continue; /* one struct */
        py_raise_msg(&py_type_TypeError, "multiple bases have instance lay-out conflict");
    }
    return best;
}

/* type(name, bases, ns) without __module__: the calling frame's module. */
__attribute__((noinline)) static void set_module_from_caller(py_val_t d) {
    py_try_t tr;
    if (py_try(&tr)) {
        py_val_t g = py_vm_globals();
        py_val_t mn = py_is_obj(g) ? py_dict_get(g, PYN(__name__)) : PY_NULL;
        if (!py_is_null(mn)) py_dict_set(d, PYN(__module__), mn);
        py_try_end(&tr);
    }
}

static py_val_t new_class(py_val_t name, py_val_t bases, py_val_t ns, py_type_t *meta, int argc,
                          const py_val_t *argv, py_val_t kwnames) {
    if (!py_is_str(name))
        py_raise_msg(&py_type_TypeError, "type.__new__() argument 1 must be str, not %s", py_type_name(name));
    name = py_unwrap_native(name);
    if (!py_is_obj(bases) || !py_is_subtype(py_obj_type(bases), &py_type_tuple))
        py_raise_msg(&py_type_TypeError, "type.__new__() argument 2 must be tuple, not %s", py_type_name(bases));
    if (!py_is_obj(ns) || !py_is_subtype(py_obj_type(ns), &py_type_dict))
        py_raise_msg(&py_type_TypeError, "type.__new__() argument 3 must be dict, not %s", py_type_name(ns));
    bases = py_unwrap_native(bases);
    if (py_as_tuple(bases)->len == 0) bases = py_tuple_pack(1, py_obj(&py_type_object));
    py_tuple_t *bt = py_as_tuple(bases);
    py_type_t *winner = meta;
    for (size_t i = 0; i < bt->len; i++) {
        if (!is_type_val(bt->items[i])) py_raise_msg(&py_type_TypeError, "bases must be types");
        py_type_t *b = as_type(bt->items[i]);
        if (!acceptable_base(b)) py_raise_msg(&py_type_TypeError, "type '%s' is not an acceptable base type", b->name);
        if (!b->mro) py_type_init_builtin(b);
        py_type_t *bm = py_obj_type(bt->items[i]);
        if (py_is_subtype(winner, bm)) continue;
        if (py_is_subtype(bm, winner)) {
            winner = bm;
            continue;
        }
        py_raise_msg(&py_type_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                                         "(non-strict) subclass of the metaclasses of all its bases");
    }
    if (winner != meta) {
        if (is_heap(winner) && (!py_is_null(LOOKUP_HEAP(winner, __new__)) || !py_is_null(LOOKUP_HEAP(winner, __init__)))) {
            py_val_t args[16];
            size_t nkw = py_is_null(kwnames) ? 0 : py_as_tuple(kwnames)->len;
            if (nkw > 13) py_raise_msg(&py_type_TypeError, "too many class keywords");
            args[0] = name;
            args[1] = bases;
            args[2] = ns;
            for (size_t i = 0; i < nkw; i++) args[3 + i] = argv[(size_t)argc + i];
            return py_call(py_obj(winner), 3, args, kwnames);
        }
        meta = winner;
    }
    py_type_t *layout = pick_layout(bases);
    if (!layout->mro) py_type_init_builtin(layout);

    py_type_t *t = py_gc_alloc(meta, sizeof(py_type_t));
    py_type_epoch++; /* t may sit where a collected class was */
    t->name_obj = name;
    t->name = py_str_data(name);
    t->flags = PY_TF_HEAP | PY_TF_BASETYPE;
    t->bases = bases;
    compute_layout(t, layout);
    /* the namespace, with interned keys and the implicit wrappers */
    py_val_t d = py_dict_new();
    t->dict = d;
    size_t pos = 0;
    py_val_t k, v;
    while (py_dict_next(ns, &pos, &k, &v)) {
        if (py_is_str(k)) k = py_intern_str(py_unwrap_native(k));
        if (py_is_type(v, &py_type_function)) {
            if (k == PYN(__new__)) v = wrapper_new(&py_type_staticmethod, v);
            else if (k == PYN(__init_subclass__) || k == PYN(__class_getitem__))
                v = wrapper_new(&py_type_classmethod, v);
        }
        py_dict_set(d, k, v);
    }
    /* __qualname__ lives on the type, not in its __dict__ */
    py_val_t qn = py_dict_get_interned(d, PYN(__qualname__));
    if (!py_is_null(qn)) {
        if (!py_is_str(qn))
            py_raise_msg(&py_type_TypeError, "type __qualname__ must be a str, not %s", py_type_name(qn));
        py_dict_del(d, PYN(__qualname__));
        t->qualname = py_unwrap_native(qn);
    } else {
        t->qualname = name;
    }
    if (py_is_null(py_dict_get_interned(d, PYN(__doc__)))) py_dict_set(d, PYN(__doc__), PY_NONE);
    if (!py_is_null(py_dict_get_interned(d, PYN(__eq__))) && py_is_null(py_dict_get_interned(d, PYN(__hash__))))
        py_dict_set(d, PYN(__hash__), PY_NONE);
    if (py_is_null(py_dict_get_interned(d, PYN(__module__)))) set_module_from_caller(d);
    t->mro = c3_mro(t, bases);
    update_slots(t);

    /* __set_name__ on descriptors, then the parent's __init_subclass__ */
    pos = 0;
    while (py_dict_next(d, &pos, &k, &v)) {
        if (!py_is_obj(v) || !is_heap(py_obj_type(v))) continue;
        py_val_t f = py_lookup_heap(py_obj_type(v), PYN(__set_name__));
        if (py_is_null(f)) continue;
        py_val_t args[2] = {py_obj(t), k};
        py_call_bound(f, v, 2, args, PY_NULL);
    }
    py_tuple_t *m = py_as_tuple(t->mro);
    for (size_t i = 1; i < m->len; i++) {
        py_type_t *c = as_type(m->items[i]);
        py_val_t f = py_dict_get_interned(c->dict, PYN(__init_subclass__));
        if (py_is_null(f)) continue;
        if (py_is_type(f, &py_type_classmethod)) f = ((wrapper_t *)py_as_ptr(f))->func;
        py_val_t buf[PREPEND_MAX];
        const py_val_t *a = prepend(buf, py_obj(t), 0, argv + argc, kwnames);
        py_call(f, 1, a, kwnames);
        break;
    }
    return py_obj(t);
}

py_val_t py_type_new_class(py_val_t name, py_val_t bases, py_val_t dict, py_val_t metaclass) {
    py_type_t *meta = &py_type_type;
    if (is_type_val(metaclass)) meta = as_type(metaclass);
    return new_class(name, bases, dict, meta, 0, NULL, PY_NULL);
}

/* Builds the builtin part of an instance of cls (no __init__). */
static py_val_t base_new(py_type_t *cls, int argc, const py_val_t *argv, py_val_t kw) {
    py_type_t *b = cls->base;
    if (cls->flags & PY_TF_LAYOUT_TYPE) {
        if (argc != 3) py_raise_msg(&py_type_TypeError, "type() takes 1 or 3 arguments");
        return new_class(argv[0], argv[1], argv[2], cls, 3, argv, kw);
    }
    if (b == &py_type_object || !b) {
        py_instance_t *i = py_gc_alloc(cls, cls->instance_size);
        i->dict = PY_NULL;
        i->native = PY_NULL;
        return py_obj(i);
    }
    if (cls->flags & PY_TF_EXCEPTION) return b->make_new(cls, argc, argv, kw);
    if (!b->make_new) py_raise_msg(&py_type_TypeError, "cannot create '%s' instances", cls->name);
    py_val_t v = b->make_new(b, argc, argv, kw);
    if (py_is_obj(v) && py_obj_type(v) == cls) return v;
    if (cls->flags & PY_TF_LAYOUT_CONTAINER) {
        if (!py_is_obj(v) || py_obj_type(v) != b)
            py_raise_msg(&py_type_TypeError, "%s.__new__ returned an unexpected object", b->name);
        char *o = py_gc_alloc(cls, cls->instance_size);
        memcpy(o + sizeof(py_obj_t), (char *)py_as_ptr(v) + sizeof(py_obj_t), cls->dict_offset - sizeof(py_obj_t));
        *(py_val_t *)(o + cls->dict_offset) = PY_NULL;
        return py_obj(o);
    }
    py_instance_t *i = py_gc_alloc(cls, cls->instance_size);
    i->dict = PY_NULL;
    i->native = py_unwrap_native(v);
    return py_obj(i);
}

/* Calling a class written in Python: __new__ (or the base's constructor),
 * then __init__ when the result is an instance of the class. */
static py_val_t heap_make_new(py_type_t *cls, int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t newf = LOOKUP_HEAP(cls, __new__);
    py_val_t initf = LOOKUP_HEAP(cls, __init__);
    bool has_kw = !py_is_null(kw) && py_as_tuple(kw)->len;
    py_val_t obj;
    if (!py_is_null(newf)) {
        py_val_t f = py_is_type(newf, &py_type_staticmethod) ? ((wrapper_t *)py_as_ptr(newf))->func : newf;
        py_val_t buf[PREPEND_MAX];
        const py_val_t *a = prepend(buf, py_obj(cls), argc, argv, kw);
        obj = py_call(f, argc + 1, a, kw);
    } else if (py_is_null(initf)) {
        if (cls->base == &py_type_object && (argc || has_kw) && !(cls->flags & PY_TF_LAYOUT_TYPE))
            py_raise_msg(&py_type_TypeError, "%s() takes no arguments", cls->name);
        return base_new(cls, argc, argv, kw);
    } else {
        /* immutable values and exceptions take their arguments at creation;
         * mutable containers get them from __init__ (list.__init__ ...) */
        bool pass = (cls->flags & (PY_TF_LAYOUT_NATIVE | PY_TF_EXCEPTION | PY_TF_LAYOUT_TYPE)) != 0;
        obj = pass ? base_new(cls, argc, argv, kw) : base_new(cls, 0, NULL, PY_NULL);
    }
    if (!py_is_null(initf) && py_is_instance(obj, cls)) {
        py_val_t r = py_call_bound(initf, obj, argc, argv, kw);
        if (!py_is_none(r))
            py_raise_msg(&py_type_TypeError, "__init__() should return None, not '%s'", py_type_name(r));
    }
    return obj;
}

/* ------------------------------------------------------------ type */

static py_val_t type_make_new(py_type_t *meta, int argc, const py_val_t *argv, py_val_t kw) {
    bool has_kw = !py_is_null(kw) && py_as_tuple(kw)->len;
    if (meta == &py_type_type && argc == 1 && !has_kw) return py_obj(py_type_of(argv[0]));
    if (argc != 3) py_raise_msg(&py_type_TypeError, "type() takes 1 or 3 arguments");
    return new_class(argv[0], argv[1], argv[2], meta, argc, argv, kw);
}

static py_val_t type_call(py_val_t self, int argc, const py_val_t *argv, py_val_t kw) {
    py_type_t *c = as_type(self);
    if (!c->make_new) py_raise_msg(&py_type_TypeError, "cannot create '%s' instances", c->name);
    return c->make_new(c, argc, argv, kw);
}

static void type_print(py_sb_t *sb, py_val_t self, int kind) {
    py_type_t *t = as_type(self);
    const char *mod = type_module(t);
    py_sb_adds(sb, "<class '");
    if (strcmp(mod, "builtins") != 0) {
        py_sb_adds(sb, mod);
        py_sb_addc(sb, '.');
    }
    if (is_heap(t) && py_is_str(t->qualname)) py_print_to(sb, t->qualname, PY_PRINT_STR);
    else py_sb_adds(sb, t->name);
    py_sb_adds(sb, "'>");
}

static void type_trace(py_obj_t *o) {
    py_type_t *t = (py_type_t *)o;
    py_gc_mark(t->name_obj);
    if (is_heap(t)) py_gc_mark(t->qualname);
    py_gc_mark(t->bases);
    py_gc_mark(t->mro);
    py_gc_mark(t->dict);
    py_gc_mark_obj(t->base);
}

static py_val_t type_special(py_type_t *c, py_val_t name) {
    if (name == PYN(__name__)) return type_name_val(c);
    if (name == PYN(__qualname__)) {
        return is_heap(c) && py_is_str(c->qualname) ? c->qualname : type_name_val(c);
    }
    if (name == PYN(__bases__)) return c->bases;
    if (name == PYN(__mro__)) return c->mro;
    if (name == PYN(__dict__)) return py_dict_copy(c->dict);
    if (name == n_base) {
        py_tuple_t *b = py_as_tuple(c->bases);
        return b->len ? b->items[0] : PY_NONE;
    }
    return PY_NULL;
}

static py_val_t type_getattr(py_val_t cls, py_val_t name) {
    py_type_t *c = as_type(cls);
    py_type_t *meta = py_obj_type(cls);
    if (!c->mro) py_type_init_builtin(c);
    py_val_t v = type_special(c, name);
    if (!py_is_null(v)) return v;
    py_val_t mattr = meta == &py_type_type ? PY_NULL : py_type_lookup(meta, name);
    if (py_is_obj(mattr)) {
        py_type_t *at = py_obj_type(mattr);
        if (at == &py_type_property) return prop_get(mattr, cls);
        if (is_heap(at) && is_data_descr(at) && has_get(at)) return call_get(mattr, cls, meta);
    }
    v = py_type_lookup(c, name);
    if (!py_is_null(v)) return bind_class(v, c);
    if (meta == &py_type_type) mattr = py_type_lookup(meta, name);
    if (!py_is_null(mattr)) return bind_instance(mattr, cls, meta);
    if (name == PYN(__module__)) return py_str_from_cstr(type_module(c));
    if (name == PYN(__doc__)) return PY_NONE;
    if (name == PYN(__class__)) return py_obj(meta);
    return PY_NULL;
}

static void type_setattr(py_val_t cls, py_val_t name, py_val_t value) {
    py_type_t *c = as_type(cls);
    if (!is_heap(c)) {
        py_raise_msg(&py_type_TypeError, "cannot set '%s' attribute of immutable type '%s'", py_str_data(name),
                     c->name);
    }
    py_type_t *meta = py_obj_type(cls);
    if (meta != &py_type_type) {
        py_val_t mattr = py_type_lookup(meta, name);
        if (py_is_type(mattr, &py_type_property)) {
            prop_set(mattr, cls, value);
            return;
        }
    }
    if (name == PYN(__name__)) {
        if (!py_is_str(value)) py_raise_msg(&py_type_TypeError, "can only assign string to %s.__name__", c->name);
        c->name_obj = py_unwrap_native(value);
        c->name = py_str_data(c->name_obj);
        return;
    }
    if (name == PYN(__qualname__)) {
        if (!py_is_str(value))
            py_raise_msg(&py_type_TypeError, "can only assign string to %s.__qualname__, not '%s'", c->name,
                         py_is_null(value) ? "NoneType" : py_type_name(value));
        c->qualname = py_unwrap_native(value);
        return;
    }
    if (name == PYN(__bases__) || name == PYN(__mro__) || name == PYN(__dict__))
        py_raise_msg(&py_type_AttributeError, "readonly attribute");
    {
        /* One non-object value replacing another (a counter, a flag) changes
         * no lookup's outcome: the caches may stay.  Anything else moves on. */
        const char *s = py_str_data(name);
        int32_t ix = py_is_null(value) ? -1 : py_dict_index_interned(c->dict, name);
        if (ix < 0 || py_is_obj(value) || py_is_obj(((py_dict_t *)py_as_ptr(c->dict))->entries[ix].value) ||
            (s[0] == '_' && s[1] == '_'))
            py_type_epoch++;
    }
    if (py_is_null(value)) {
        if (!py_dict_del(c->dict, name)) raise_no_attr(cls, name);
    } else {
        if (py_is_type(value, &py_type_function) && (name == PYN(__init_subclass__) || name == PYN(__class_getitem__)))
            value = wrapper_new(&py_type_classmethod, value);
        else if (py_is_type(value, &py_type_function) && name == PYN(__new__))
            value = wrapper_new(&py_type_staticmethod, value);
        py_dict_set(c->dict, name, value);
    }
    const char *s = py_str_data(name);
    if (s[0] == '_' && s[1] == '_') update_slots(c);
}

static py_type_t *self_type(py_val_t v, const char *what) {
    if (!is_type_val(v)) py_raise_msg(&py_type_TypeError, "descriptor '%s' requires a 'type' object but received a '%s'",
                                      what, py_type_name(v));
    return as_type(v);
}

static py_val_t m_type_call(int argc, const py_val_t *argv, py_val_t kw) {
    self_type(argv[0], "__call__");
    return type_call(argv[0], argc - 1, argv + 1, kw);
}

static py_val_t m_type_new(int argc, const py_val_t *argv, py_val_t kw) {
    py_type_t *meta = self_type(argv[0], "__new__");
    if (argc == 2 && meta == &py_type_type) return py_obj(py_type_of(argv[1]));
    if (argc != 4) py_raise_msg(&py_type_TypeError, "type.__new__() takes exactly 3 arguments (%d given)", argc - 1);
    return new_class(argv[1], argv[2], argv[3], meta, argc - 1, argv + 1, kw);
}

static py_val_t m_type_init(int argc, const py_val_t *argv, py_val_t kw) { return PY_NONE; }

static py_val_t m_type_mro(int argc, const py_val_t *argv, py_val_t kw) {
    py_type_t *t = self_type(argv[0], "mro");
    if (!t->mro) py_type_init_builtin(t);
    py_tuple_t *m = py_as_tuple(t->mro);
    return py_list_from_array(m->len, m->items);
}

static py_val_t m_type_repr(int argc, const py_val_t *argv, py_val_t kw) {
    self_type(argv[0], "__repr__");
    py_sb_t sb;
    py_sb_init(&sb);
    type_print(&sb, argv[0], PY_PRINT_REPR);
    return py_sb_to_str(&sb);
}

static py_val_t m_type_instancecheck(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(py_is_instance(argv[1], self_type(argv[0], "__instancecheck__")));
}

static py_val_t m_type_subclasscheck(int argc, const py_val_t *argv, py_val_t kw) {
    py_type_t *t = self_type(argv[0], "__subclasscheck__");
    if (!is_type_val(argv[1])) py_raise_msg(&py_type_TypeError, "issubclass() arg 1 must be a class");
    return py_bool(py_is_subtype(as_type(argv[1]), t));
}

static py_val_t m_type_prepare(int argc, const py_val_t *argv, py_val_t kw) { return py_dict_new(); }

static py_val_t m_type_subclasses(int argc, const py_val_t *argv, py_val_t kw) { return py_list_new(0); }

static const py_method_def_t type_methods[] = {
    {"__call__", m_type_call, 1, -1, PY_MF_KW},
    {"__new__", m_type_new, 2, 4, PY_MF_STATIC | PY_MF_KW},
    {"__init__", m_type_init, 1, -1, PY_MF_KW},
    {"mro", m_type_mro, 1, 1, 0},
    {"__repr__", m_type_repr, 1, 1, 0},
    {"__instancecheck__", m_type_instancecheck, 2, 2, 0},
    {"__subclasscheck__", m_type_subclasscheck, 2, 2, 0},
    {"__prepare__", m_type_prepare, 0, -1, PY_MF_CLASS | PY_MF_KW},
    {"__subclasses__", m_type_subclasses, 1, 1, 0},
    PY_MF_END,
};

/* Indexing a class: __class_getitem__, or the class itself for builtin
 * generics such as list[int] (annotations evaluate them). */
static py_val_t type_getitem(py_val_t self, py_val_t key) {
    py_type_t *c = as_type(self);
    py_val_t f = py_type_lookup(c, PYN(__class_getitem__));
    if (!py_is_null(f)) {
        if (py_is_type(f, &py_type_classmethod)) f = ((wrapper_t *)py_as_ptr(f))->func;
        return py_call2(f, self, key);
    }
    if (!is_heap(c)) return self;
    py_raise_msg(&py_type_TypeError, "'type' object is not subscriptable");
}

py_type_t py_type_type = {
    .h = {&py_type_type},
    .name = "type",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .instance_size = sizeof(py_type_t),
    .methods = type_methods,
    .make_new = type_make_new,
    .call = type_call,
    .print = type_print,
    .getitem = type_getitem,
    .trace = type_trace,
};

/* ------------------------------------------------------------ object */

static py_val_t object_make_new(py_type_t *t, int argc, const py_val_t *argv, py_val_t kw) {
    if (argc || (!py_is_null(kw) && py_as_tuple(kw)->len))
        py_raise_msg(&py_type_TypeError, "object() takes no arguments");
    return py_obj(py_gc_alloc(&py_type_object, sizeof(py_obj_t)));
}

static py_val_t m_obj_init(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t self = argv[0];
    py_type_t *t = py_type_of(self);
    bool has_args = argc > 1 || (!py_is_null(kw) && py_as_tuple(kw)->len);
    if (!has_args) return PY_NONE;
    if (t->flags & PY_TF_LAYOUT_CONTAINER) {
        /* super().__init__(args) in a list/dict/... subclass whose base has no
         * __init__: rebuild the builtin part from the arguments */
        py_type_t *b = t->base;
        py_val_t v = b->make_new(b, argc - 1, argv + 1, kw);
        if (py_is_obj(v) && py_obj_type(v) == b)
            memcpy((char *)py_as_ptr(self) + sizeof(py_obj_t), (char *)py_as_ptr(v) + sizeof(py_obj_t),
                   t->dict_offset - sizeof(py_obj_t));
        return PY_NONE;
    }
    if (t->flags & (PY_TF_LAYOUT_NATIVE | PY_TF_LAYOUT_TYPE)) return PY_NONE;
    if (is_heap(t) && !py_is_null(LOOKUP_HEAP(t, __new__))) return PY_NONE;
    py_raise_msg(&py_type_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
}

static py_val_t m_obj_new(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc < 1 || !is_type_val(argv[0]))
        py_raise_msg(&py_type_TypeError, "object.__new__(X): X is not a type object (%s)",
                     argc < 1 ? "nothing" : py_type_name(argv[0]));
    py_type_t *cls = as_type(argv[0]);
    if (cls == &py_type_object) return object_make_new(cls, 0, NULL, PY_NULL);
    if (!is_heap(cls))
        py_raise_msg(&py_type_TypeError, "object.__new__(%s) is not safe, use %s.__new__()", cls->name, cls->name);
    if ((cls->flags & PY_TF_LAYOUT_NATIVE) || (cls->flags & PY_TF_EXCEPTION))
        return base_new(cls, argc - 1, argv + 1, PY_NULL);
    return base_new(cls, 0, NULL, PY_NULL);
}

static py_val_t m_obj_repr(int argc, const py_val_t *argv, py_val_t kw) {
    py_sb_t sb;
    py_sb_init(&sb);
    py_default_repr(&sb, argv[0]);
    return py_sb_to_str(&sb);
}

static py_val_t m_obj_str(int argc, const py_val_t *argv, py_val_t kw) { return py_repr(argv[0]); }

static py_val_t m_obj_eq(int argc, const py_val_t *argv, py_val_t kw) {
    return argv[0] == argv[1] ? PY_TRUE : PY_NOTIMPLEMENTED;
}

static py_val_t m_obj_ne(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t f = py_type_lookup(py_type_of(argv[0]), PYN(__eq__));
    py_val_t r = py_is_null(f) ? (argv[0] == argv[1] ? PY_TRUE : PY_NOTIMPLEMENTED)
                               : py_call_bound(f, argv[0], 1, &argv[1], PY_NULL);
    if (r == PY_NOTIMPLEMENTED) return r;
    return py_bool(!py_truthy(r));
}

/* object's ordering: never decides, so the other operand's reflection (or the TypeError) follows */
static py_val_t m_obj_order(int argc, const py_val_t *argv, py_val_t kw) { return PY_NOTIMPLEMENTED; }

static py_val_t m_obj_subclasshook(int argc, const py_val_t *argv, py_val_t kw) { return PY_NOTIMPLEMENTED; }

/* __getstate__: the instance dict (None when empty or absent), as CPython's default */
static py_val_t m_obj_getstate(int argc, const py_val_t *argv, py_val_t kw) {
    py_type_t *t = py_type_of(argv[0]);
    if (t->dict_offset && py_is_obj(argv[0])) {
        py_val_t d = *dict_slot(argv[0], t);
        if (py_is_obj(d) && py_dict_len(d)) return d;
    }
    return PY_NONE;
}

/* There is no pickle machinery (copyreg) here: reducing is unsupported. */
static py_val_t m_obj_reduce(int argc, const py_val_t *argv, py_val_t kw) {
    py_raise_msg(&py_type_TypeError, "cannot pickle '%s' object", py_type_name(argv[0]));
}

static py_val_t m_obj_hash(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small((int64_t)((argv[0] & PY_PAYLOAD_MASK) >> 4));
}

static py_val_t m_obj_setattr(int argc, const py_val_t *argv, py_val_t kw) {
    generic_setattr(argv[0], intern_name(argv[1]), argv[2]);
    return PY_NONE;
}

static py_val_t m_obj_delattr(int argc, const py_val_t *argv, py_val_t kw) {
    generic_setattr(argv[0], intern_name(argv[1]), PY_NULL);
    return PY_NONE;
}

static py_val_t m_obj_getattribute(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t name = intern_name(argv[1]);
    py_val_t v = getattr_core(argv[0], name);
    if (py_is_null(v)) raise_no_attr(argv[0], name);
    return v;
}

static py_val_t m_obj_init_subclass(int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_is_null(kw) && py_as_tuple(kw)->len)
        py_raise_msg(&py_type_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                     is_type_val(argv[0]) ? as_type(argv[0])->name : "object");
    return PY_NONE;
}

static py_val_t m_obj_format(int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_is_str(argv[1])) py_raise_type_error_arg("__format__", "str", argv[1]);
    if (py_str_len(py_unwrap_native(argv[1])))
        py_raise_msg(&py_type_TypeError, "unsupported format string passed to %s.__format__", py_type_name(argv[0]));
    return py_str(argv[0]);
}

static py_val_t m_obj_dir(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t names = py_list_new(0);
    py_type_t *t = py_type_of(argv[0]);
    if (t->dict_offset && py_is_obj(argv[0])) {
        py_val_t d = *dict_slot(argv[0], t);
        size_t pos = 0;
        py_val_t k, v;
        if (py_is_obj(d))
            while (py_dict_next(d, &pos, &k, &v)) py_list_append(names, k);
    }
    if (!t->mro) py_type_init_builtin(t);
    py_tuple_t *m = py_as_tuple(t->mro);
    for (size_t i = 0; i < m->len; i++) {
        py_type_t *c = as_type(m->items[i]);
        size_t pos = 0;
        py_val_t k, v;
        while (py_dict_next(c->dict, &pos, &k, &v)) py_list_append(names, k);
    }
    return names;
}

static py_val_t m_obj_sizeof(int argc, const py_val_t *argv, py_val_t kw) {
    size_t n = py_is_obj(argv[0]) ? py_gc_block_size(py_as_ptr(argv[0])) : 0;
    return py_small((int64_t)(n ? n : 16));
}

static const py_method_def_t object_methods[] = {
    {"__init__", m_obj_init, 1, -1, PY_MF_KW},
    {"__new__", m_obj_new, 0, -1, PY_MF_STATIC | PY_MF_KW},
    {"__repr__", m_obj_repr, 1, 1, 0},
    {"__str__", m_obj_str, 1, 1, 0},
    {"__eq__", m_obj_eq, 2, 2, 0},
    {"__ne__", m_obj_ne, 2, 2, 0},
    {"__lt__", m_obj_order, 2, 2, 0},
    {"__le__", m_obj_order, 2, 2, 0},
    {"__gt__", m_obj_order, 2, 2, 0},
    {"__ge__", m_obj_order, 2, 2, 0},
    {"__hash__", m_obj_hash, 1, 1, 0},
    {"__getstate__", m_obj_getstate, 1, 1, 0},
    {"__reduce__", m_obj_reduce, 1, 1, 0},
    {"__reduce_ex__", m_obj_reduce, 2, 2, 0},
    {"__subclasshook__", m_obj_subclasshook, 1, -1, PY_MF_CLASS},
    {"__setattr__", m_obj_setattr, 3, 3, 0},
    {"__delattr__", m_obj_delattr, 2, 2, 0},
    {"__getattribute__", m_obj_getattribute, 2, 2, 0},
    {"__init_subclass__", m_obj_init_subclass, 1, 1, PY_MF_CLASS | PY_MF_KW},
    {"__format__", m_obj_format, 2, 2, 0},
    {"__dir__", m_obj_dir, 1, 1, 0},
    {"__sizeof__", m_obj_sizeof, 1, 1, 0},
    PY_MF_END,
};

py_type_t py_type_object = {
    .h = {&py_type_type},
    .name = "object",
    .flags = PY_TF_BASETYPE,
    .instance_size = sizeof(py_obj_t),
    .methods = object_methods,
    .make_new = object_make_new,
};

/* ------------------------------------------------------------ start-up */

void py_types_init(void) {
    py_gc_add_root(&n_thisclass);
    py_gc_add_root(&n_base);
    py_gc_add_root(&n_weakref);
    n_weakref = py_intern("__weakref__");
    n_thisclass = py_intern("__thisclass__");
    n_base = py_intern("__base__");
    static py_type_t *const core[] = {
        &py_type_object,      &py_type_type,         &py_type_none,     &py_type_notimplemented,
        &py_type_ellipsis,    &py_type_raw,          &py_type_module,   &py_type_cfunc,
        &py_type_bound_method, &py_type_property,    &py_type_staticmethod, &py_type_classmethod,
        &py_type_super,
    };
    for (size_t i = 0; i < sizeof core / sizeof core[0]; i++) py_type_init_builtin(core[i]);
}
