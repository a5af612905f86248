/* mod_gc.c: the gc module, a thin layer over gc.h.  threshold() is kept
 * for MicroPython compatibility: the collector runs when the heap limit is
 * reached, so the value is only remembered and reported. */
#include "runtime.h"

static int64_t threshold = -1;

static py_val_t g_collect(int argc, const py_val_t *argv, py_val_t kw) {
    py_gc_collect();
    return PY_NONE;
}
static py_val_t g_mem_free(int argc, const py_val_t *argv, py_val_t kw) {
    return py_int_from_u64(py_gc_bytes_free());
}
static py_val_t g_mem_alloc(int argc, const py_val_t *argv, py_val_t kw) {
    return py_int_from_u64(py_gc_bytes_used());
}
static py_val_t g_enable(int argc, const py_val_t *argv, py_val_t kw) {
    py_gc_enable(true);
    return PY_NONE;
}
static py_val_t g_disable(int argc, const py_val_t *argv, py_val_t kw) {
    py_gc_enable(false);
    return PY_NONE;
}
static py_val_t g_isenabled(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(py_gc_is_enabled());
}
static py_val_t g_threshold(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc == 0) return py_int_from_i64(threshold);
    threshold = py_to_i64(argv[0]);
    if (threshold < -1) threshold = -1;
    return PY_NONE;
}

static const py_method_def_t gc_functions[] = {
    {"collect", g_collect, 0, 1, 0},       {"mem_free", g_mem_free, 0, 0, 0},
    {"mem_alloc", g_mem_alloc, 0, 0, 0},   {"enable", g_enable, 0, 0, 0},
    {"disable", g_disable, 0, 0, 0},       {"isenabled", g_isenabled, 0, 0, 0},
    {"threshold", g_threshold, 0, 1, 0},   PY_MF_END,
};

const py_module_def_t py_module_gc = {"gc", gc_functions, NULL};
