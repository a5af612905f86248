/* init.c: interpreter start-up and shutdown.
 *
 * Order matters: the heap first (everything allocates), then the interned
 * names (type dicts are keyed by them), then the exception machinery (so
 * later steps can raise, and MemoryError is preallocated before the heap can
 * fill), then the builtin types' dicts, and last the builtins and sys
 * modules.  Shutdown forgets the type dicts (they live in the heap that
 * py_gc_deinit frees) so a later py_init starts clean.
 */
#include "objcore.h"
#include "runtime.h"

#define STACK_MARGIN ((size_t)256 * 1024)

static py_type_t *const builtin_types[] = {
    &py_type_object,   &py_type_type,     &py_type_none,        &py_type_notimplemented, &py_type_ellipsis,
    &py_type_raw,      &py_type_module,   &py_type_cfunc,       &py_type_bound_method,   &py_type_property,
    &py_type_staticmethod, &py_type_classmethod, &py_type_super, &py_type_int,           &py_type_bool,
    &py_type_float,    &py_type_complex,  &py_type_str,         &py_type_bytes,          &py_type_bytearray,
    &py_type_memoryview, &py_type_tuple,  &py_type_list,        &py_type_dict,           &py_type_set,
    &py_type_frozenset, &py_type_range,   &py_type_slice,       &py_type_enumerate,      &py_type_zip,
    &py_type_map,      &py_type_filter,   &py_type_reversed,    &py_type_function,       &py_type_code,
    &py_type_cell,     &py_type_generator, &py_type_coroutine,
#define PY_EXC_PTR(name, base) &py_type_##name,
    PY_EXCEPTION_LIST(PY_EXC_PTR)
#undef PY_EXC_PTR
};

void py_init(const py_config_t *cfg) {
    char *base = cfg->stack_base;
    size_t size = cfg->stack_size ? cfg->stack_size : (size_t)8 << 20;
    /* keep a margin below the limit for handlers, printing and the raise */
    size_t usable = size > 2 * STACK_MARGIN ? size - STACK_MARGIN : size / 2;
    py_stack_limit = base ? base - usable : NULL;
    py_gc_init(cfg->heap_limit, cfg->stack_base);
    py_intern_init();
    py_exceptions_init();
    py_types_init();
    for (size_t i = 0; i < sizeof builtin_types / sizeof builtin_types[0]; i++)
        py_type_init_builtin(builtin_types[i]);
    py_modules_init();
}

void py_deinit(void) {
    py_exceptions_deinit();
    py_gc_deinit();
    for (size_t i = 0; i < sizeof builtin_types / sizeof builtin_types[0]; i++) {
        py_type_t *t = builtin_types[i];
        t->dict = t->mro = t->bases = t->name_obj = 0;
    }
    py_stack_limit = NULL;
}
