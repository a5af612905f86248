/* mod_heapq.c: the heapq module, a binary min-heap kept in a Python list.
 *
 * The sift loops are CPython's algorithm step for step (the same
 * comparisons in the same order), so the resulting lists are identical to
 * CPython's.  Comparisons may run Python code that changes the list: the
 * item array is re-read after every comparison and a size change raises
 * RuntimeError, as CPython does. */
#include "py/runtime.h"

static py_list_t *heap_arg(const char *fname, py_val_t v) {
    if (!py_is_instance(v, &py_type_list))
        py_raise_msg(&py_type_TypeError, "%s() argument 1 must be list, not %s", fname, py_type_name(v));
    return py_as_list(v);
}

static bool lt_checked(py_list_t *l, py_val_t a, py_val_t b, size_t len) {
    bool r = py_lt(a, b);
    if (l->len != len) py_raise_msg(&py_type_RuntimeError, "list changed size during iteration");
    return r;
}

/* Moves the item at pos up towards startpos while it is smaller than its parent. */
static void sift_down(py_list_t *l, size_t startpos, size_t pos) {
    size_t len = l->len;
    py_val_t newitem = l->items[pos];
    while (pos > startpos) {
        size_t parentpos = (pos - 1) >> 1;
        py_val_t parent = l->items[parentpos];
        if (!lt_checked(l, newitem, parent, len)) break;
        l->items[pos] = parent;
        pos = parentpos;
    }
    l->items[pos] = newitem;
}

/* Moves the smaller child up until a leaf is reached, then sifts newitem back. */
static void sift_up(py_list_t *l, size_t pos) {
    size_t endpos = l->len, startpos = pos;
    py_val_t newitem = l->items[pos];
    size_t childpos = 2 * pos + 1;
    while (childpos < endpos) {
        size_t rightpos = childpos + 1;
        if (rightpos < endpos && !lt_checked(l, l->items[childpos], l->items[rightpos], endpos))
            childpos = rightpos;
        l->items[pos] = l->items[childpos];
        pos = childpos;
        childpos = 2 * pos + 1;
    }
    l->items[pos] = newitem;
    sift_down(l, startpos, pos);
}

static py_val_t h_heappush(int argc, const py_val_t *argv, py_val_t kw) {
    py_list_t *l = heap_arg("heappush", argv[0]);
    py_list_append(argv[0], argv[1]);
    sift_down(l, 0, l->len - 1);
    return PY_NONE;
}

static py_val_t h_heappop(int argc, const py_val_t *argv, py_val_t kw) {
    py_list_t *l = heap_arg("heappop", argv[0]);
    if (l->len == 0) py_raise_msg(&py_type_IndexError, "index out of range");
    py_val_t last = l->items[--l->len];
    if (l->len == 0) return last;
    py_val_t ret = l->items[0];
    l->items[0] = last;
    sift_up(l, 0);
    return ret;
}

static py_val_t h_heapreplace(int argc, const py_val_t *argv, py_val_t kw) {
    py_list_t *l = heap_arg("heapreplace", argv[0]);
    if (l->len == 0) py_raise_msg(&py_type_IndexError, "index out of range");
    py_val_t ret = l->items[0];
    l->items[0] = argv[1];
    sift_up(l, 0);
    return ret;
}

static py_val_t h_heappushpop(int argc, const py_val_t *argv, py_val_t kw) {
    py_list_t *l = heap_arg("heappushpop", argv[0]);
    py_val_t item = argv[1];
    if (l->len == 0) return item;
    py_val_t top = l->items[0];
    bool lt = py_lt(top, item);
    if (l->len == 0) py_raise_msg(&py_type_IndexError, "index out of range");
    if (!lt) return item;
    py_val_t ret = l->items[0];
    l->items[0] = item;
    sift_up(l, 0);
    return ret;
}

static py_val_t h_heapify(int argc, const py_val_t *argv, py_val_t kw) {
    py_list_t *l = heap_arg("heapify", argv[0]);
    for (size_t i = l->len / 2; i-- > 0;) sift_up(l, i);
    return PY_NONE;
}

/* nsmallest/nlargest are documented as equivalent to sorted(iterable,
 * key=key[, reverse=True])[:n]; a stable sort gives exactly that result. */
static py_val_t n_select(int argc, const py_val_t *argv, py_val_t kwnames, bool reverse) {
    py_val_t key = py_kwarg(argc, argv, kwnames, "key", argc > 2 ? argv[2] : PY_NONE);
    int64_t n = py_to_i64(argv[0]);
    py_val_t list = py_list_from_iter(argv[1]);
    if (n <= 0) return py_list_new(0);
    py_list_sort(list, py_is_none(key) ? PY_NULL : key, reverse);
    py_list_t *l = py_as_list(list);
    if ((size_t)n < l->len) l->len = (size_t)n;
    return list;
}
static py_val_t h_nsmallest(int argc, const py_val_t *argv, py_val_t kw) {
    return n_select(argc, argv, kw, false);
}
static py_val_t h_nlargest(int argc, const py_val_t *argv, py_val_t kw) {
    return n_select(argc, argv, kw, true);
}

static const py_method_def_t heapq_functions[] = {
    {"heappush", h_heappush, 2, 2, 0},        {"heappop", h_heappop, 1, 1, 0},
    {"heapreplace", h_heapreplace, 2, 2, 0},  {"heappushpop", h_heappushpop, 2, 2, 0},
    {"heapify", h_heapify, 1, 1, 0},          {"nsmallest", h_nsmallest, 2, 3, PY_MF_KW},
    {"nlargest", h_nlargest, 2, 3, PY_MF_KW}, PY_MF_END,
};

const py_module_def_t py_module_heapq = {"heapq", heapq_functions, NULL};
