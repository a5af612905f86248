/* obj_func.c: Python functions and closure cells (plus a fallback code type).
 *
 * A function (py_func_t, bytecode.h) pairs a code object with the globals
 * it runs in, its defaults and its closure; calling one from C enters the VM
 * (py_vm_call_function), while the VM's CALL ops push its frame directly.
 * Function attributes live in a dict created on the first assignment.
 * Binding a function found on a class is the attribute machinery's job
 * (obj_type.c); __get__ is provided for code that asks for it explicitly.
 *
 * A cell (py_cell_t) holds one variable shared between a scope and the
 * closures that capture it; PY_NULL means unbound.
 */
#include <stdio.h>
#include <string.h>

#include "vm.h"

/* ------------------------------------------------------------ functions */

py_val_t py_func_new(py_val_t code, py_val_t globals, py_val_t defaults, py_val_t kwdefaults, py_val_t closure) {
    if (!py_is_type(code, &py_type_code)) py_raise_msg(&py_type_SystemError, "MAKE_FUNCTION without a code object");
    py_code_t *co = py_as_ptr(code);
    py_func_t *f = py_gc_alloc(&py_type_function, sizeof(py_func_t));
    f->code = co;
    f->globals = globals;
    f->defaults = py_is_obj(defaults) && py_as_tuple(defaults)->len ? defaults : PY_NULL;
    f->kwdefaults = py_is_obj(kwdefaults) && py_dict_len(kwdefaults) ? kwdefaults : PY_NULL;
    f->closure = py_is_obj(closure) ? closure : PY_NULL;
    f->name = co->name;
    f->qualname = py_is_str(co->qualname) ? co->qualname : co->name;
    py_val_t m = py_is_obj(globals) ? py_dict_get_interned(globals, PYN(__name__)) : PY_NULL;
    f->module = py_is_null(m) ? PY_NONE : m;
    f->dict = PY_NULL;
    return py_obj(f);
}

static inline py_func_t *as_func(py_val_t v) { return (py_func_t *)py_as_ptr(v); }

static void func_trace(py_obj_t *o) {
    py_func_t *f = (py_func_t *)o;
    py_gc_mark_obj(f->code);
    py_gc_mark(f->globals);
    py_gc_mark(f->defaults);
    py_gc_mark(f->kwdefaults);
    py_gc_mark(f->closure);
    py_gc_mark(f->name);
    py_gc_mark(f->qualname);
    py_gc_mark(f->module);
    py_gc_mark(f->dict);
}

static void func_print(py_sb_t *sb, py_val_t self, int kind) {
    py_func_t *f = as_func(self);
    py_sb_adds(sb, "<function ");
    if (py_is_str(f->qualname)) py_sb_add(sb, py_str_data(f->qualname), py_str_len(f->qualname));
    else py_sb_adds(sb, "?");
    py_sb_printf(sb, " at 0x%llx>", (unsigned long long)(uintptr_t)f);
}

static py_val_t func_call(py_val_t self, int argc, const py_val_t *argv, py_val_t kwnames) {
    return py_vm_call_function(self, argc, argv, kwnames);
}

static py_val_t func_getattr(py_val_t self, py_val_t name) {
    py_func_t *f = as_func(self);
    if (py_is_obj(f->dict)) {
        py_val_t v = py_dict_get_interned(f->dict, name);
        if (!py_is_null(v)) return v;
    }
    if (name == PYN(__name__)) return f->name;
    if (name == PYN(__qualname__)) return f->qualname;
    if (name == PYN(__module__)) return f->module;
    if (name == PYN(__doc__)) return PY_NONE;
    if (name == PYN(__defaults__)) return py_is_null(f->defaults) ? PY_NONE : f->defaults;
    if (name == PYN(__kwdefaults__)) return py_is_null(f->kwdefaults) ? PY_NONE : f->kwdefaults;
    if (name == PYN(__code__)) return py_obj(f->code);
    if (name == PYN(__globals__)) return f->globals;
    if (name == PYN(__closure__)) return py_is_null(f->closure) ? PY_NONE : f->closure;
    if (name == PYN(__call__)) return self; /* calling f.__call__ is calling f */
    if (name == PYN(__annotations__)) {
        if (!py_is_obj(f->dict)) f->dict = py_dict_new();
        py_val_t d = py_dict_new();
        py_dict_set(f->dict, name, d);
        return d;
    }
    if (name == PYN(__dict__)) {
        if (!py_is_obj(f->dict)) f->dict = py_dict_new();
        return f->dict;
    }
    return PY_NULL;
}

static int func_setattr(py_val_t self, py_val_t name, py_val_t value) {
    py_func_t *f = as_func(self);
    bool del = py_is_null(value);
    if (name == PYN(__name__) || name == PYN(__qualname__)) {
        if (del || !py_is_str(value))
            py_raise_msg(&py_type_TypeError, "%s must be set to a string object", py_str_data(name));
        if (name == PYN(__name__)) f->name = value;
        else f->qualname = value;
        return 1;
    }
    if (name == PYN(__module__)) {
        f->module = del ? PY_NONE : value;
        return 1;
    }
    if (name == PYN(__defaults__)) {
        if (!del && !py_is_none(value) && !py_is_type(value, &py_type_tuple))
            py_raise_msg(&py_type_TypeError, "__defaults__ must be set to a tuple object");
        f->defaults = del || py_is_none(value) || py_as_tuple(value)->len == 0 ? PY_NULL : value;
        return 1;
    }
    if (name == PYN(__kwdefaults__)) {
        if (!del && !py_is_none(value) && !py_is_instance(value, &py_type_dict))
            py_raise_msg(&py_type_TypeError, "__kwdefaults__ must be set to a dict object");
        f->kwdefaults = del || py_is_none(value) ? PY_NULL : value;
        return 1;
    }
    if (name == PYN(__code__)) {
        if (del || !py_is_type(value, &py_type_code))
            py_raise_msg(&py_type_TypeError, "__code__ must be set to a code object");
        f->code = py_as_ptr(value);
        return 1;
    }
    if (name == PYN(__dict__)) {
        if (del || !py_is_instance(value, &py_type_dict))
            py_raise_msg(&py_type_TypeError, "__dict__ must be set to a dictionary, not a '%s'", py_type_name(value));
        f->dict = value;
        return 1;
    }
    if (name == PYN(__globals__) || name == PYN(__closure__))
        py_raise_msg(&py_type_AttributeError, "readonly attribute");
    if (del) {
        if (!py_is_obj(f->dict) || !py_dict_del(f->dict, name))
            py_raise_msg(&py_type_AttributeError, "'function' object has no attribute '%s'", py_str_data(name));
        return 1;
    }
    if (!py_is_obj(f->dict)) f->dict = py_dict_new();
    py_dict_set(f->dict, name, value);
    return 1;
}

/* function.__get__(obj, type=None) */
static py_val_t m_func_get(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc < 2 || py_is_none(argv[1])) return argv[0];
    return py_bound_method_new(argv[1], argv[0]);
}

static const py_method_def_t func_methods[] = {
    {"__get__", m_func_get, 2, 3, 0},
    PY_MF_END,
};

py_type_t py_type_function = {
    .h = {&py_type_type},
    .name = "function",
    .base = &py_type_object,
    .methods = func_methods,
    .call = func_call,
    .print = func_print,
    .getattr = func_getattr,
    .setattr = func_setattr,
    .trace = func_trace,
};

/* ------------------------------------------------------------ cells */

static void cell_trace(py_obj_t *o) { py_gc_mark(((py_cell_t *)o)->value); }

static void cell_print(py_sb_t *sb, py_val_t self, int kind) {
    py_cell_t *c = py_as_ptr(self);
    py_sb_printf(sb, "<cell at 0x%llx: ", (unsigned long long)(uintptr_t)c);
    if (py_is_null(c->value)) py_sb_adds(sb, "empty>");
    else py_sb_printf(sb, "%s object at 0x%llx>", py_type_name(c->value),
                      (unsigned long long)(py_is_obj(c->value) ? (uintptr_t)py_as_ptr(c->value) : 0));
}

static py_val_t cell_getattr(py_val_t self, py_val_t name) {
    py_cell_t *c = py_as_ptr(self);
    if (py_str_len(name) == 13 && !memcmp(py_str_data(name), "cell_contents", 13)) {
        if (py_is_null(c->value)) py_raise_msg(&py_type_ValueError, "Cell is empty");
        return c->value;
    }
    return PY_NULL;
}

static int cell_setattr(py_val_t self, py_val_t name, py_val_t value) {
    py_cell_t *c = py_as_ptr(self);
    if (py_str_len(name) == 13 && !memcmp(py_str_data(name), "cell_contents", 13)) {
        c->value = value;
        return 1;
    }
    return 0;
}

static py_val_t cell_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    if (!py_is_type(other, &py_type_cell)) return PY_NOTIMPLEMENTED;
    if (op == PY_CMP_EQ) return py_bool(self == other);
    if (op == PY_CMP_NE) return py_bool(self != other);
    return PY_NOTIMPLEMENTED;
}

py_type_t py_type_cell = {
    .h = {&py_type_type},
    .name = "cell",
    .base = &py_type_object,
    .print = cell_print,
    .getattr = cell_getattr,
    .setattr = cell_setattr,
    .compare = cell_compare,
    .trace = cell_trace,
};

/* ------------------------------------------------------------ code (fallback) */

/* The compiler owns code objects; this weak definition only keeps the VM
 * linkable and testable on its own.  Whoever defines the strong one must
 * trace the same fields, including the raw `cache` block the VM hangs on it. */
static void code_trace(py_obj_t *o) {
    py_code_t *c = (py_code_t *)o;
    py_gc_mark_raw(c->ops);
    py_gc_mark_raw(c->lines);
    py_gc_mark_raw(c->cache);
    py_gc_mark(c->consts);
    py_gc_mark(c->names);
    py_gc_mark(c->varnames);
    py_gc_mark(c->cellvars);
    py_gc_mark(c->freevars);
    py_gc_mark(c->name);
    py_gc_mark(c->qualname);
    py_gc_mark(c->filename);
}

static void code_print(py_sb_t *sb, py_val_t self, int kind) {
    py_code_t *c = py_as_ptr(self);
    py_sb_printf(sb, "<code object %s at 0x%llx, file \"%s\", line %d>", py_is_str(c->name) ? py_str_data(c->name) : "?",
                 (unsigned long long)(uintptr_t)c, py_is_str(c->filename) ? py_str_data(c->filename) : "?",
                 c->firstlineno);
}

static py_val_t code_getattr(py_val_t self, py_val_t name) {
    py_code_t *c = py_as_ptr(self);
    const char *s = py_str_data(name);
    if (!strcmp(s, "co_name")) return c->name;
    if (!strcmp(s, "co_qualname")) return c->qualname;
    if (!strcmp(s, "co_filename")) return c->filename;
    if (!strcmp(s, "co_firstlineno")) return py_small(c->firstlineno);
    if (!strcmp(s, "co_argcount")) return py_small(c->argcount);
    if (!strcmp(s, "co_posonlyargcount")) return py_small(c->posonlyargcount);
    if (!strcmp(s, "co_kwonlyargcount")) return py_small(c->kwonlyargcount);
    if (!strcmp(s, "co_nlocals")) return py_small(c->nlocals);
    if (!strcmp(s, "co_varnames")) return c->varnames;
    if (!strcmp(s, "co_cellvars")) return c->cellvars;
    if (!strcmp(s, "co_freevars")) return c->freevars;
    if (!strcmp(s, "co_names")) return c->names;
    if (!strcmp(s, "co_consts")) return c->consts;
    if (!strcmp(s, "co_flags")) return py_small(c->flags);
    if (!strcmp(s, "co_stacksize")) return py_small(c->stacksize);
    return PY_NULL;
}

__attribute__((weak)) py_type_t py_type_code = {
    .h = {&py_type_type},
    .name = "code",
    .base = &py_type_object,
    .print = code_print,
    .getattr = code_getattr,
    .trace = code_trace,
};
