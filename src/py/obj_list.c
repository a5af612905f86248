/* obj_list.c: the list type, its iterators, and the helpers list and tuple
 * share (repr with a recursion guard, lexicographic comparison, index
 * arguments, py_index_check, py_seq_items).  Sorting is in list_sort.c.
 *
 * Layout (obj.h): len items in use out of cap, stored in the payload of a
 * raw GC block (items == NULL when cap == 0); the list's trace marks the
 * block and items[0, len).  Growth is geometric (x1.5), so append is
 * amortised O(1).  py_raw_realloc frees the old block at once, so nothing
 * here keeps an items pointer across a call that may run Python code or
 * grow the list: __eq__, __repr__, key functions and iterators can all
 * mutate the list under us, and every loop re-reads len and items.
 *
 * Instances of classes derived from list are the same struct with a dict
 * slot appended (PY_TF_LAYOUT_CONTAINER), so every function here works on
 * them unchanged; operands are recognised with py_seq_as_list (seq.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seq.h"
#include "slot_dunders.h"

/* ------------------------------------------------------------ storage */

/* Makes room for at least `need` items. */
__attribute__((noinline)) static void list_reserve(py_list_t *l, size_t need) {
    if (need <= l->cap) return;
    size_t cap = l->cap + (l->cap >> 1) + 4;
    if (cap < need) cap = need;
    if (cap > SIZE_MAX / (2 * sizeof(py_val_t))) py_raise_no_memory();
    l->items = py_raw_realloc(l->items, cap * sizeof(py_val_t));
    l->cap = cap;
}

/* A list of n items whose values the caller fills before anything else runs
 * (the raw block is zeroed, which reads as 0.0 floats: harmless to trace). */
static py_list_t *list_alloc(size_t n) {
    if (n > SIZE_MAX / (2 * sizeof(py_val_t))) py_raise_no_memory();
    py_list_t *l = py_gc_alloc(&py_type_list, sizeof(py_list_t));
    if (n) {
        l->items = py_raw_alloc(n * sizeof(py_val_t));
        l->cap = n;
        l->len = n;
    }
    return l;
}

py_val_t py_list_new(size_t n) {
    py_list_t *l = list_alloc(n);
    for (size_t i = 0; i < n; i++) l->items[i] = PY_NONE;
    return py_obj(l);
}

py_val_t py_list_from_array(size_t n, const py_val_t *items) {
    py_list_t *l = list_alloc(n);
    if (n) memcpy(l->items, items, n * sizeof(py_val_t));
    return py_obj(l);
}

void py_list_append(py_val_t list, py_val_t v) {
    py_list_t *l = py_as_ptr(list);
    if (l->len == l->cap) list_reserve(l, l->len + 1);
    l->items[l->len++] = v;
}

/* Replaces items[start, start + nold) by src[0, nnew).  src must not point
 * into l's own items (callers copy first). */
static void list_replace(py_list_t *l, size_t start, size_t nold, const py_val_t *src, size_t nnew) {
    size_t len = l->len, tail = len - start - nold;
    if (nnew > nold) list_reserve(l, len - nold + nnew);
    if (nnew != nold && tail)
        memmove(l->items + start + nnew, l->items + start + nold, tail * sizeof(py_val_t));
    if (nnew) memcpy(l->items + start, src, nnew * sizeof(py_val_t));
    l->len = len - nold + nnew;
}

static void list_trace(py_obj_t *o) {
    py_list_t *l = (py_list_t *)o;
    py_gc_mark_raw(l->items);
    py_gc_mark_array(l->items, l->len);
}

/* ------------------------------------------------------------ py_seq_items */

static py_val_t list_iter(py_val_t self);

bool py_seq_items(py_val_t v, size_t *len, py_val_t **items) {
    if (!py_is_obj(v)) return false;
    py_type_t *t = py_obj_type(v);
    if (t == &py_type_list) {
        py_list_t *l = py_as_ptr(v);
        *len = l->len;
        *items = l->items;
        return true;
    }
    if (t == &py_type_tuple) {
        py_tuple_t *tu = py_as_ptr(v);
        *len = tu->len;
        *items = tu->items;
        return true;
    }
    if (!(t->flags & PY_TF_HEAP)) return false;
    /* subclass instances only when iterating them would give the same items */
    if (t->flags & PY_TF_LAYOUT_CONTAINER) {
        if (t->iter != list_iter || !py_is_subtype(t, &py_type_list)) return false;
        py_list_t *l = py_as_ptr(v);
        *len = l->len;
        *items = l->items;
        return true;
    }
    if (t->flags & PY_TF_LAYOUT_NATIVE) {
        py_tuple_t *tu = py_seq_as_tuple(v);
        if (!tu || !py_is_null(py_lookup_heap(t, PYN(__iter__)))) return false;
        *len = tu->len;
        *items = tu->items;
        return true;
    }
    return false;
}

/* ------------------------------------------------------------ shared helpers */

/* The objects whose repr is in progress (innermost last).  Entries are
 * popped on every exit, including by exception (py_seq_print catches). */
static const void **repr_active;
static size_t repr_nactive, repr_cap;

static void repr_push(const void *p) {
    if (repr_nactive == repr_cap) {
        size_t n = repr_cap ? repr_cap * 2 : 16;
        const void **a = realloc((void *)repr_active, n * sizeof *a);
        if (!a) py_raise_no_memory();
        repr_active = a;
        repr_cap = n;
    }
    repr_active[repr_nactive++] = p;
}

/* Items whose repr cannot run Python code nor reach a container. */
static bool plain_items(const py_val_t *items, size_t n) {
    for (size_t i = 0; i < n; i++) {
        py_val_t v = items[i];
        if (py_is_obj(v)) {
            py_type_t *t = py_obj_type(v);
            if (t != &py_type_str && t != &py_type_int) return false;
        }
    }
    return true;
}

static void add_small(py_sb_t *sb, int64_t i) {
    char buf[24], *p = buf + sizeof buf;
    uint64_t u = i < 0 ? 0 - (uint64_t)i : (uint64_t)i;
    do *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (i < 0) *--p = '-';
    py_sb_add(sb, p, (size_t)(buf + sizeof buf - p));
}

static void print_body(py_sb_t *sb, const size_t *len, py_val_t *const *items, bool tuple) {
    py_sb_addc(sb, tuple ? '(' : '[');
    for (size_t i = 0; i < *len; i++) {
        if (i) py_sb_add(sb, ", ", 2);
        py_val_t v = (*items)[i];
        if (py_is_small(v)) add_small(sb, py_as_small(v));
        else py_print_to(sb, v, PY_PRINT_REPR);
    }
    if (tuple && *len == 1) py_sb_addc(sb, ',');
    py_sb_addc(sb, tuple ? ')' : ']');
}

void py_seq_print(py_sb_t *sb, const void *self, const size_t *len, py_val_t *const *items, bool tuple) {
    if (plain_items(*items, *len)) {
        print_body(sb, len, items, tuple);
        return;
    }
    for (size_t i = 0; i < repr_nactive; i++)
        if (repr_active[i] == self) {
            py_sb_adds(sb, tuple ? "(...)" : "[...]");
            return;
        }
    repr_push(self);
    py_try_t tr;
    if (py_try(&tr)) {
        print_body(sb, len, items, tuple);
        py_try_end(&tr);
        repr_nactive--;
    } else {
        repr_nactive--;
        py_raise(tr.exc);
    }
}

py_val_t py_seq_compare(py_cmpop_t op, const size_t *alen, py_val_t *const *aitems, const size_t *blen,
                        py_val_t *const *bitems) {
    if ((op == PY_CMP_EQ || op == PY_CMP_NE) && *alen != *blen) return py_bool(op == PY_CMP_NE);
    size_t i = 0;
    for (; i < *alen && i < *blen; i++) {
        py_val_t x = (*aitems)[i], y = (*bitems)[i];
        if (x != y && !py_eq(x, y)) break;
    }
    /* __eq__ may have shrunk either sequence: re-check before indexing */
    if (i >= *alen || i >= *blen) return py_compare_order(op, (*alen > *blen) - (*alen < *blen));
    if (op == PY_CMP_EQ) return PY_FALSE;
    if (op == PY_CMP_NE) return PY_TRUE;
    return py_compare(op, (*aitems)[i], (*bitems)[i]);
}

static bool has_index(py_val_t v) {
    if (py_is_int(v)) return true;
    return py_is_obj(v) && !py_is_null(py_type_lookup(py_type_of(v), PYN(__index__)));
}

PY_NORETURN static void index_too_wide(void) {
    py_raise_msg(&py_type_IndexError, "cannot fit 'int' into an index-sized integer");
}

int64_t py_seq_index_value(py_val_t index, const char *kind) {
    if (py_is_small(index)) return py_as_small(index);
    if (py_is_bool(index)) return index == PY_TRUE;
    if (!has_index(index)) {
        /* the type's name is the first word of kind ("list assignment" -> "list") */
        int n = (int)strcspn(kind, " ");
        if (n == 6 && memcmp(kind, "string", 6) == 0)
            py_raise_msg(&py_type_TypeError, "string indices must be integers, not '%s'",
                         py_type_name(index));
        py_raise_msg(&py_type_TypeError, "%.*s indices must be integers or slices, not %s", n, kind,
                     py_type_name(index));
    }
    if (py_is_int(index) && !py_int_fits_i64(index)) index_too_wide();
    return py_to_i64(index);
}

size_t py_index_check(py_val_t index, size_t len, const char *what) {
    int64_t i = py_is_small(index) ? py_as_small(index) : py_seq_index_value(index, what);
    if (i < 0) i += (int64_t)len;
    if (i < 0 || (uint64_t)i >= len) py_raise_msg(&py_type_IndexError, "%s index out of range", what);
    return (size_t)i;
}

bool py_seq_repeat_count(py_val_t n, int64_t *out) {
    int64_t k;
    if (py_is_small(n)) k = py_as_small(n);
    else if (py_is_bool(n)) k = n == PY_TRUE;
    else if (!has_index(n)) return false;
    else {
        if (py_is_int(n) && !py_int_fits_i64(n)) {
            if (py_truthy(py_compare(PY_CMP_LT, n, py_small(0)))) k = 0;
            else py_raise_msg(&py_type_OverflowError, "cannot fit 'int' into an index-sized integer");
        } else {
            k = py_to_i64(n);
        }
    }
    *out = k < 0 ? 0 : k;
    return true;
}

/* A start/stop argument of index(): negative counts from the end, clamped. */
static size_t clamp_arg(py_val_t v, size_t len) {
    int64_t i;
    if (py_is_small(v)) i = py_as_small(v);
    else if (!has_index(v))
        py_raise_msg(&py_type_TypeError, "slice indices must be integers or have an __index__ method");
    else if (py_is_int(v) && !py_int_fits_i64(v))
        i = py_truthy(py_compare(PY_CMP_LT, v, py_small(0))) ? INT64_MIN : INT64_MAX;
    else i = py_to_i64(v);
    if (i < 0) {
        i += (int64_t)len;
        if (i < 0) i = 0;
    }
    return (uint64_t)i > len ? len : (size_t)i;
}

void py_seq_range_args(int argc, const py_val_t *argv, int first, size_t len, size_t *start, size_t *stop) {
    *start = argc > first ? clamp_arg(argv[first], len) : 0;
    *stop = argc > first + 1 ? clamp_arg(argv[first + 1], len) : len;
}

bool py_seq_defer_to(py_val_t rhs, py_val_t rname) {
    py_type_t *t = py_type_of(rhs);
    return (t->flags & PY_TF_HEAP) && !py_is_null(py_lookup_heap(t, rname));
}

/* ------------------------------------------------------------ iteration */

typedef struct {
    py_obj_t h;
    py_list_t *list; /* NULL once exhausted: later appends do not revive it */
    size_t index;    /* forward: next index; reversed: next index + 1 */
} listiter_t;

static py_val_t iter_self(py_val_t self) { return self; }

static py_val_t listiter_next(py_val_t self) {
    listiter_t *it = py_as_ptr(self);
    py_list_t *l = it->list;
    if (l && it->index < l->len) return l->items[it->index++];
    it->list = NULL;
    return PY_NULL;
}

static py_val_t listrev_next(py_val_t self) {
    listiter_t *it = py_as_ptr(self);
    py_list_t *l = it->list;
    if (l && it->index > 0 && it->index <= l->len) return l->items[--it->index];
    it->list = NULL;
    return PY_NULL;
}

static void listiter_trace(py_obj_t *o) { py_gc_mark_obj(((listiter_t *)o)->list); }

static py_val_t it_m_iter(int argc, const py_val_t *argv, py_val_t kw) { return argv[0]; }
static py_val_t it_m_next(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t v = py_next(argv[0]);
    if (py_is_null(v)) py_raise(py_obj(&py_type_StopIteration));
    return v;
}
static py_val_t it_m_length_hint(int argc, const py_val_t *argv, py_val_t kw) {
    listiter_t *it = py_as_ptr(argv[0]);
    if (!it->list) return py_small(0);
    if (py_obj_type(argv[0])->iternext == listrev_next)
        return py_small(it->index <= it->list->len ? (int64_t)it->index : 0);
    return py_small(it->index < it->list->len ? (int64_t)(it->list->len - it->index) : 0);
}

static const py_method_def_t listiter_methods[] = {
    {"__iter__", it_m_iter, 1, 1, 0},
    {"__next__", it_m_next, 1, 1, 0},
    {"__length_hint__", it_m_length_hint, 1, 1, 0},
    PY_MF_END,
};

/* forward and reversed iterators differ only in name and step */
#define LISTITER_TYPE(pyname, next_fn)                                                                       \
    {                                                                                                        \
        .h = {&py_type_type}, .name = pyname, .base = &py_type_object, .instance_size = sizeof(listiter_t),  \
        .methods = listiter_methods, .iter = iter_self, .iternext = next_fn, .trace = listiter_trace,        \
    }
static py_type_t listiter_type = LISTITER_TYPE("list_iterator", listiter_next);
static py_type_t listrev_type = LISTITER_TYPE("list_reverseiterator", listrev_next);
#undef LISTITER_TYPE

static py_val_t list_iter(py_val_t self) {
    listiter_t *it = py_gc_alloc(&listiter_type, sizeof(listiter_t));
    it->list = py_as_ptr(self);
    it->index = 0;
    return py_obj(it);
}

static py_val_t list_reversed(py_val_t self) {
    listiter_t *it = py_gc_alloc(&listrev_type, sizeof(listiter_t));
    it->list = py_as_ptr(self);
    it->index = it->list->len;
    return py_obj(it);
}

/* ------------------------------------------------------------ bulk operations */

/* Appends every item of `src` (any iterable) to the list `self`. */
static void list_extend(py_val_t self, py_val_t src) {
    py_list_t *l = py_as_ptr(self);
    size_t n;
    py_val_t *items;
    if (py_seq_items(src, &n, &items)) {
        if (n == 0) return;
        list_reserve(l, l->len + n);
        py_seq_items(src, &n, &items); /* src may be l itself, whose items just moved */
        memcpy(l->items + l->len, items, n * sizeof(py_val_t));
        l->len += n;
        return;
    }
    py_val_t it = py_iter(src);
    py_val_t (*next)(py_val_t) = py_type_of(it)->iternext;
    if (!next) py_raise_msg(&py_type_TypeError, "'%s' object is not an iterator", py_type_name(it));
    for (py_val_t v; !py_is_null(v = next(it));) {
        if (l->len == l->cap) list_reserve(l, l->len + 1);
        l->items[l->len++] = v;
    }
}

py_val_t py_list_from_iter(py_val_t iterable) {
    size_t n;
    py_val_t *items;
    if (py_seq_items(iterable, &n, &items)) return py_list_from_array(n, items);
    py_val_t r = py_obj(list_alloc(0));
    list_extend(r, iterable);
    return r;
}

static py_val_t list_concat(py_list_t *a, py_list_t *b) {
    size_t na = a->len, nb = b->len;
    py_list_t *r = list_alloc(na + nb);
    if (na) memcpy(r->items, a->items, na * sizeof(py_val_t));
    if (nb) memcpy(r->items + na, b->items, nb * sizeof(py_val_t));
    return py_obj(r);
}

/* Fills dst[len, len * n) with copies of dst[0, len), doubling the copied span. */
static void fill_repeat(py_val_t *dst, size_t len, size_t total) {
    if (len == 1) {
        py_val_t v = dst[0];
        for (size_t i = 1; i < total; i++) dst[i] = v;
        return;
    }
    size_t done = len;
    while (done < total) {
        size_t k = done <= total - done ? done : total - done;
        memcpy(dst + done, dst, k * sizeof(py_val_t));
        done += k;
    }
}

static size_t repeat_size(size_t len, int64_t n) {
    if (len && (uint64_t)n > SIZE_MAX / (2 * sizeof(py_val_t)) / len) py_raise_no_memory();
    return len * (size_t)n;
}

static py_val_t list_repeat(py_list_t *a, int64_t n) {
    size_t len = a->len, total = repeat_size(len, n);
    py_list_t *r = list_alloc(total);
    if (total) {
        memcpy(r->items, a->items, len * sizeof(py_val_t));
        fill_repeat(r->items, len, total);
    }
    return py_obj(r);
}

static void list_irepeat(py_list_t *a, int64_t n) {
    size_t len = a->len, total = repeat_size(len, n);
    if (total == 0) {
        a->len = 0;
        return;
    }
    list_reserve(a, total);
    fill_repeat(a->items, len, total);
    a->len = total;
}

/* ------------------------------------------------------------ subscripts */

static py_val_t list_get_slice(py_list_t *l, py_val_t slice) {
    ssize_t start, stop, step;
    size_t len = l->len;
    size_t n = py_slice_indices(slice, len, &start, &stop, &step);
    if (l->len != len)
        n = py_slice_indices(slice, len = l->len, &start, &stop, &step); /* __index__ mutated */
    py_list_t *r = list_alloc(n);
    if (step == 1) {
        if (n) memcpy(r->items, l->items + start, n * sizeof(py_val_t));
    } else {
        ssize_t j = start;
        for (size_t i = 0; i < n; i++, j += step) r->items[i] = l->items[j];
    }
    return py_obj(r);
}

static py_val_t list_getitem(py_val_t self, py_val_t key) {
    py_list_t *l = py_as_ptr(self);
    int64_t i;
    if (py_is_small(key)) {
        i = py_as_small(key);
    } else if (py_is_type(key, &py_type_slice)) {
        return list_get_slice(l, key);
    } else {
        i = py_seq_index_value(key, "list");
    }
    if (i < 0) i += (int64_t)l->len;
    if (i < 0 || (uint64_t)i >= l->len) py_raise_msg(&py_type_IndexError, "list index out of range");
    return l->items[i];
}

static void list_del_slice(py_list_t *l, py_val_t slice) {
    ssize_t start, stop, step;
    size_t len = l->len;
    size_t n = py_slice_indices(slice, len, &start, &stop, &step);
    if (l->len != len) n = py_slice_indices(slice, len = l->len, &start, &stop, &step);
    if (n == 0) return;
    if (step == 1) {
        list_replace(l, (size_t)start, n, NULL, 0);
        return;
    }
    if (step < 0) { /* the same items, visited upwards */
        start += (ssize_t)(n - 1) * step;
        step = -step;
    }
    /* compact: drop items start, start + step, ... (n of them) */
    size_t w = (size_t)start, next = (size_t)start, dropped = 0;
    for (size_t r = (size_t)start; r < len; r++) {
        if (dropped < n && r == next) {
            dropped++;
            next += (size_t)step;
            continue;
        }
        l->items[w++] = l->items[r];
    }
    l->len = w;
}

static bool iterable_type(py_val_t v) {
    py_type_t *t = py_type_of(v);
    if (t->iter || t->getitem) return true;
    return (t->flags & PY_TF_HEAP) && !py_is_null(py_type_lookup(t, PYN(__iter__)));
}

static void list_set_slice(py_list_t *l, py_val_t slice, py_val_t value) {
    size_t vn;
    py_val_t *vitems;
    py_val_t hold = value; /* keeps a converted source alive */
    if (!py_seq_items(value, &vn, &vitems)) {
        if (!iterable_type(value)) py_raise_msg(&py_type_TypeError, "can only assign an iterable");
        hold = py_list_from_iter(value);
    }
    ssize_t start, stop, step;
    size_t len = l->len;
    size_t n = py_slice_indices(slice, len, &start, &stop, &step);
    if (l->len != len) n = py_slice_indices(slice, l->len, &start, &stop, &step); /* __index__ mutated */
    /* no Python code runs from here on: the source items are stable */
    py_seq_items(hold, &vn, &vitems);
    if (vitems == l->items && vn) {
        hold = py_list_from_array(vn, vitems);
        py_seq_items(hold, &vn, &vitems);
    }
    if (step == 1) {
        if (stop < start) stop = start;
        list_replace(l, (size_t)start, (size_t)(stop - start), vitems, vn); /* may collect */
        py_seq_keep(hold);
        return;
    }
    if (vn != n)
        py_raise_msg(&py_type_ValueError,
                     "attempt to assign sequence of size %zu to extended slice of size %zu", vn, n);
    ssize_t j = start;
    for (size_t i = 0; i < n; i++, j += step) l->items[j] = vitems[i];
    py_seq_keep(hold);
}

static void list_setitem(py_val_t self, py_val_t key, py_val_t value) {
    py_list_t *l = py_as_ptr(self);
    int64_t i;
    if (py_is_small(key)) {
        i = py_as_small(key);
    } else if (py_is_type(key, &py_type_slice)) {
        if (py_is_null(value)) list_del_slice(l, key);
        else list_set_slice(l, key, value);
        return;
    } else {
        i = py_seq_index_value(key, "list");
    }
    if (i < 0) i += (int64_t)l->len;
    if (i < 0 || (uint64_t)i >= l->len)
        py_raise_msg(&py_type_IndexError, "list assignment index out of range");
    if (py_is_null(value)) list_replace(l, (size_t)i, 1, NULL, 0);
    else l->items[i] = value;
}

/* ------------------------------------------------------------ slots */

static void list_print(py_sb_t *sb, py_val_t self, int kind) {
    py_list_t *l = py_as_ptr(self);
    py_seq_print(sb, l, &l->len, &l->items, false);
}

static py_val_t list_unary(py_unop_t op, py_val_t v) {
    py_list_t *l = py_as_ptr(v);
    switch (op) {
    case PY_UNARY_BOOL: return py_bool(l->len != 0);
    case PY_UNARY_LEN: return py_small((int64_t)l->len);
    default: return PY_NULL; /* no hash: py_hash raises "unhashable type: 'list'" */
    }
}

PY_NORETURN static void bad_repeat(py_val_t n) {
    py_raise_msg(&py_type_TypeError, "can't multiply sequence by non-int of type '%s'", py_type_name(n));
}

static py_val_t list_binary(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    py_list_t *a = py_seq_as_list(lhs), *b;
    int64_t n;
    switch ((int)op) {
    case PY_OP_ADD:
        if (!a) return PY_NULL;
        b = py_seq_as_list(rhs);
        if (!b) {
            if (py_seq_defer_to(rhs, PYN(__radd__))) return PY_NULL;
            py_raise_msg(&py_type_TypeError, "can only concatenate list (not \"%s\") to list",
                         py_type_name(rhs));
        }
        return list_concat(a, b);
    case PY_OP_ADD + PY_OP_INPLACE:
        if (!a) return PY_NULL;
        list_extend(lhs, rhs);
        return lhs;
    case PY_OP_MUL:
    case PY_OP_MUL + PY_OP_INPLACE:
        if (a) {
            if (!py_seq_repeat_count(rhs, &n)) {
                if (py_seq_defer_to(rhs, PYN(__rmul__))) return PY_NULL;
                bad_repeat(rhs);
            }
            if (op == PY_OP_MUL) return list_repeat(a, n);
            list_irepeat(a, n);
            return lhs;
        }
        b = py_seq_as_list(rhs);
        if (!b) return PY_NULL;
        if (!py_seq_repeat_count(lhs, &n)) bad_repeat(lhs);
        return list_repeat(b, n);
    default: return PY_NULL;
    }
}

static py_val_t list_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    py_list_t *a = py_seq_as_list(self), *b = py_seq_as_list(other);
    if (!a || !b) return PY_NULL;
    return py_seq_compare(op, &a->len, &a->items, &b->len, &b->items);
}

static int list_contains(py_val_t self, py_val_t item) {
    py_list_t *l = py_as_ptr(self);
    return py_seq_find(&l->len, &l->items, 0, SIZE_MAX, item) >= 0;
}

static py_val_t list_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    if (!py_is_null(kwnames) && py_as_tuple(kwnames)->len)
        py_raise_msg(&py_type_TypeError, "list() takes no keyword arguments");
    if (argc > 1) py_raise_msg(&py_type_TypeError, "list expected at most 1 argument, got %d", argc);
    if (argc == 0) return py_obj(list_alloc(0));
    return py_list_from_iter(argv[0]);
}

/* ------------------------------------------------------------ methods */

#define SELF py_list_t *l = py_as_ptr(argv[0])

static py_val_t m_append(int argc, const py_val_t *argv, py_val_t kw) {
    py_list_append(argv[0], argv[1]);
    return PY_NONE;
}

static py_val_t m_clear(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    /* drop the block rather than free it: a C caller may still hold it */
    l->items = NULL;
    l->len = l->cap = 0;
    return PY_NONE;
}

static py_val_t m_copy(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    return py_list_from_array(l->len, l->items);
}

static py_val_t m_count(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    return py_small(py_seq_count(&l->len, &l->items, argv[1]));
}

static py_val_t m_extend(int argc, const py_val_t *argv, py_val_t kw) {
    list_extend(argv[0], argv[1]);
    return PY_NONE;
}

static py_val_t m_index(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    size_t start, stop;
    py_seq_range_args(argc, argv, 2, l->len, &start, &stop);
    int64_t i = py_seq_find(&l->len, &l->items, start, stop, argv[1]);
    if (i >= 0) return py_small(i);
    py_val_t r = py_repr(argv[1]);
    py_raise_msg(&py_type_ValueError, "%s is not in list", py_str_data(r));
}

static py_val_t m_insert(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    int64_t i;
    if (py_is_small(argv[1])) i = py_as_small(argv[1]);
    else if (!has_index(argv[1]))
        py_raise_msg(&py_type_TypeError, "'%s' object cannot be interpreted as an integer",
                     py_type_name(argv[1]));
    else if (py_is_int(argv[1]) && !py_int_fits_i64(argv[1]))
        i = py_truthy(py_compare(PY_CMP_LT, argv[1], py_small(0))) ? INT64_MIN / 2 : INT64_MAX / 2;
    else i = py_to_i64(argv[1]);
    size_t len = l->len;
    if (i < 0) {
        i += (int64_t)len;
        if (i < 0) i = 0;
    }
    if ((uint64_t)i > len) i = (int64_t)len;
    if (len == l->cap) list_reserve(l, len + 1);
    if ((size_t)i < len) memmove(l->items + i + 1, l->items + i, (len - (size_t)i) * sizeof(py_val_t));
    l->items[i] = argv[2];
    l->len = len + 1;
    return PY_NONE;
}

static py_val_t m_pop(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    int64_t i = -1;
    if (argc > 1) {
        if (py_is_small(argv[1])) i = py_as_small(argv[1]);
        else if (!has_index(argv[1]))
            py_raise_msg(&py_type_TypeError, "'%s' object cannot be interpreted as an integer",
                         py_type_name(argv[1]));
        else if (py_is_int(argv[1]) && !py_int_fits_i64(argv[1]))
            py_raise_msg(&py_type_IndexError, "pop index out of range");
        else i = py_to_i64(argv[1]);
    }
    size_t len = l->len;
    if (len == 0) py_raise_msg(&py_type_IndexError, "pop from empty list");
    if (i < 0) i += (int64_t)len;
    if (i < 0 || (uint64_t)i >= len) py_raise_msg(&py_type_IndexError, "pop index out of range");
    py_val_t v = l->items[i];
    if ((size_t)i + 1 < len)
        memmove(l->items + i, l->items + i + 1, (len - (size_t)i - 1) * sizeof(py_val_t));
    l->len = len - 1;
    return v;
}

static py_val_t m_remove(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    int64_t i = py_seq_find(&l->len, &l->items, 0, SIZE_MAX, argv[1]);
    if (i < 0) py_raise_msg(&py_type_ValueError, "list.remove(x): x not in list");
    if ((size_t)i < l->len) list_replace(l, (size_t)i, 1, NULL, 0); /* __eq__ may have shrunk it */
    return PY_NONE;
}

static py_val_t m_reverse(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    if (l->len < 2) return PY_NONE;
    for (py_val_t *p = l->items, *q = l->items + l->len - 1; p < q; p++, q--) {
        py_val_t t = *p;
        *p = *q;
        *q = t;
    }
    return PY_NONE;
}

static py_val_t m_sort(int argc, const py_val_t *argv, py_val_t kwnames) {
    if (argc > 1) py_raise_msg(&py_type_TypeError, "sort() takes no positional arguments");
    py_val_t key = PY_NONE, rev = PY_FALSE;
    if (!py_is_null(kwnames)) {
        py_tuple_t *k = py_as_tuple(kwnames);
        for (size_t i = 0; i < k->len; i++) {
            const char *n = py_str_data(k->items[i]);
            if (strcmp(n, "key") == 0) key = argv[(size_t)argc + i];
            else if (strcmp(n, "reverse") == 0) rev = argv[(size_t)argc + i];
            else py_raise_msg(&py_type_TypeError, "'%s' is an invalid keyword argument for sort()", n);
        }
    }
    py_list_sort(argv[0], key, py_truthy(rev));
    return PY_NONE;
}

static py_val_t m_init(int argc, const py_val_t *argv, py_val_t kw) {
    SELF;
    if (!py_is_null(kw) && py_as_tuple(kw)->len)
        py_raise_msg(&py_type_TypeError, "list() takes no keyword arguments");
    l->len = 0;
    if (argc > 1) list_extend(argv[0], argv[1]);
    return PY_NONE;
}

static py_val_t m_getitem(int argc, const py_val_t *argv, py_val_t kw) {
    return list_getitem(argv[0], argv[1]);
}
static py_val_t m_setitem(int argc, const py_val_t *argv, py_val_t kw) {
    list_setitem(argv[0], argv[1], argv[2]);
    return PY_NONE;
}
static py_val_t m_delitem(int argc, const py_val_t *argv, py_val_t kw) {
    list_setitem(argv[0], argv[1], PY_NULL);
    return PY_NONE;
}
static py_val_t m_len(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small((int64_t)py_as_list(argv[0])->len);
}
static py_val_t m_contains(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(list_contains(argv[0], argv[1]));
}
static py_val_t m_iter(int argc, const py_val_t *argv, py_val_t kw) { return list_iter(argv[0]); }
static py_val_t m_reversed(int argc, const py_val_t *argv, py_val_t kw) { return list_reversed(argv[0]); }
SLOT_BINOP(m_add, list_binary, PY_OP_ADD)
SLOT_BINOP(m_iadd, list_binary, PY_OP_ADD + PY_OP_INPLACE)
SLOT_BINOP(m_mul, list_binary, PY_OP_MUL)
SLOT_RBINOP(m_rmul, list_binary, PY_OP_MUL)
SLOT_BINOP(m_imul, list_binary, PY_OP_MUL + PY_OP_INPLACE)
SLOT_COMPARES(m, list_compare)
SLOT_REPR(m_repr, list_print)

/* list[int] in annotations: the class itself stands for the generic alias */
static py_val_t m_class_getitem(int argc, const py_val_t *argv, py_val_t kw) { return argv[0]; }

static const py_method_def_t list_methods[] = {
    {"append", m_append, 2, 2, 0},
    {"clear", m_clear, 1, 1, 0},
    {"copy", m_copy, 1, 1, 0},
    {"count", m_count, 2, 2, 0},
    {"extend", m_extend, 2, 2, 0},
    {"index", m_index, 2, 4, 0},
    {"insert", m_insert, 3, 3, 0},
    {"pop", m_pop, 1, 2, 0},
    {"remove", m_remove, 2, 2, 0},
    {"reverse", m_reverse, 1, 1, 0},
    {"sort", m_sort, 1, -1, PY_MF_KW},
    {"__init__", m_init, 1, 2, PY_MF_KW},
    {"__getitem__", m_getitem, 2, 2, 0},
    {"__setitem__", m_setitem, 3, 3, 0},
    {"__delitem__", m_delitem, 2, 2, 0},
    {"__len__", m_len, 1, 1, 0},
    {"__contains__", m_contains, 2, 2, 0},
    {"__iter__", m_iter, 1, 1, 0},
    {"__reversed__", m_reversed, 1, 1, 0},
    {"__add__", m_add, 2, 2, 0},
    {"__iadd__", m_iadd, 2, 2, 0},
    {"__mul__", m_mul, 2, 2, 0},
    {"__rmul__", m_rmul, 2, 2, 0},
    {"__imul__", m_imul, 2, 2, 0},
    SLOT_COMPARE_DEFS(m),
    {"__repr__", m_repr, 1, 1, 0},
    {"__class_getitem__", m_class_getitem, 2, 2, PY_MF_CLASS},
    PY_MF_END,
};

py_type_t py_type_list = {
    .h = {&py_type_type},
    .name = "list",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .instance_size = sizeof(py_list_t),
    .methods = list_methods,
    .make_new = list_make_new,
    .print = list_print,
    .unary = list_unary,
    .binary = list_binary,
    .compare = list_compare,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .iter = list_iter,
    .contains = list_contains,
    .trace = list_trace,
};
