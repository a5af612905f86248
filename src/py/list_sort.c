/* list_sort.c: list.sort / sorted(): a stable natural merge sort.
 *
 * The algorithm: the array is cut into maximal runs (non-descending, or
 * strictly descending and then reversed in place, which keeps stability);
 * short runs are extended to `minrun` items by binary insertion.  Runs go on
 * a stack whose lengths are kept roughly Fibonacci-shaped, merging the top
 * ones when that shape breaks, so merges stay balanced and the total is
 * O(n log n) comparisons, O(n) for input that is already (reverse) sorted.
 * Before merging two runs A and B, binary searches cut off the head of A
 * that is <= B[0] and the tail of B that is >= A[-1]: those are in place.
 *
 * Only "a < b" is ever asked (py_lt, with inline fast paths for small ints,
 * floats and exact str), and ties keep the earlier item first.
 *
 * Exceptions (a failing __lt__ or key function) can strike at any
 * comparison.  Every step keeps the array a permutation of its items at
 * each comparison: insertion searches before it moves anything, and merges
 * write into a scratch buffer and copy back only once no comparison is
 * left.  So when an exception escapes, the list holds all its items.
 *
 * While sorting, the list is emptied (len 0, no items), as in CPython:
 * code run by comparisons sees an empty list, and if it leaves the list
 * non-empty afterwards, the sort raises "list modified during sort" and
 * the sorted items win.  The detached arrays are kept alive and traced by a
 * small sort-state object on the C stack.
 */
#include <string.h>

#include "seq.h"

typedef struct {
    py_obj_t h;
    py_val_t *keys; /* raw payload: what is compared (the items themselves without a key function) */
    py_val_t *vals; /* raw payload: the items, moved along with keys; NULL without a key function */
    py_val_t *tmpk; /* raw payload: merge scratch, n slots; its contents are copies, never traced */
    py_val_t *tmpv;
    size_t n;
} sort_t;

static void sort_trace(py_obj_t *o) {
    sort_t *s = (sort_t *)o;
    py_gc_mark_raw(s->keys);
    py_gc_mark_raw(s->vals);
    py_gc_mark_raw(s->tmpk);
    py_gc_mark_raw(s->tmpv);
    if (s->keys) py_gc_mark_array(s->keys, s->n);
    if (s->vals) py_gc_mark_array(s->vals, s->n);
}

static py_type_t sort_type = {
    .h = {&py_type_type},
    .name = "sortstate",
    .base = &py_type_object,
    .instance_size = sizeof(sort_t),
    .trace = sort_trace,
};

/* ------------------------------------------------------------ comparison */

__attribute__((noinline)) static bool lt_slow(py_val_t a, py_val_t b) {
    if (py_is_type(a, &py_type_str) && py_is_type(b, &py_type_str)) {
        /* UTF-8 byte order is code point order */
        py_str_t *x = py_as_ptr(a), *y = py_as_ptr(b);
        size_t n = x->len < y->len ? x->len : y->len;
        int c = memcmp(x->data, y->data, n);
        return c < 0 || (c == 0 && x->len < y->len);
    }
    return py_lt(a, b);
}

static inline bool lt(py_val_t a, py_val_t b) {
    if (py_is_small(a) && py_is_small(b)) return py_as_small(a) < py_as_small(b);
    if (py_is_float(a) && py_is_float(b)) return py_as_float(a) < py_as_float(b);
    return lt_slow(a, b);
}

/* ------------------------------------------------------------ moves */

static void reverse_range(py_val_t *a, size_t lo, size_t hi) {
    if (!a) return;
    for (py_val_t *p = a + lo, *q = a + hi - 1; p < q; p++, q--) {
        py_val_t t = *p;
        *p = *q;
        *q = t;
    }
}

/* Sorts [lo, hi) by binary insertion, knowing [lo, start) is sorted. */
static void insertion_sort(sort_t *s, size_t lo, size_t hi, size_t start) {
    py_val_t *k = s->keys, *v = s->vals;
    for (size_t i = start; i < hi; i++) {
        py_val_t pk = k[i];
        size_t l = lo, r = i;
        while (l < r) { /* first position whose key is > pk: after equal keys */
            size_t m = l + (r - l) / 2;
            if (lt(pk, k[m])) r = m;
            else l = m + 1;
        }
        if (l == i) continue;
        memmove(k + l + 1, k + l, (i - l) * sizeof(py_val_t));
        k[l] = pk;
        if (v) {
            py_val_t pv = v[i];
            memmove(v + l + 1, v + l, (i - l) * sizeof(py_val_t));
            v[l] = pv;
        }
    }
}

/* Length of the run starting at lo (< hi); a strictly descending run is
 * reversed so that every run comes back non-descending. */
static size_t count_run(sort_t *s, size_t lo, size_t hi) {
    py_val_t *k = s->keys;
    size_t i = lo + 1;
    if (i == hi) return 1;
    if (lt(k[i], k[lo])) {
        for (i++; i < hi && lt(k[i], k[i - 1]); i++) {}
        reverse_range(s->keys, lo, i);
        reverse_range(s->vals, lo, i);
    } else {
        for (i++; i < hi && !lt(k[i], k[i - 1]); i++) {}
    }
    return i - lo;
}

/* Items in sorted k[lo, hi) that are <= key (where key would go after its equals). */
static size_t upper_bound(const py_val_t *k, size_t lo, size_t hi, py_val_t key) {
    size_t l = lo, r = hi;
    while (l < r) {
        size_t m = l + (r - l) / 2;
        if (lt(key, k[m])) r = m;
        else l = m + 1;
    }
    return l;
}

/* First position in sorted k[lo, hi) whose item is >= key. */
static size_t lower_bound(const py_val_t *k, size_t lo, size_t hi, py_val_t key) {
    size_t l = lo, r = hi;
    while (l < r) {
        size_t m = l + (r - l) / 2;
        if (lt(k[m], key)) l = m + 1;
        else r = m;
    }
    return l;
}

/* Merges the adjacent sorted runs [lo, mid) and [mid, hi). */
static void merge(sort_t *s, size_t lo, size_t mid, size_t hi) {
    py_val_t *k = s->keys, *v = s->vals;
    if (!lt(k[mid], k[mid - 1])) return; /* already in order */
    lo = upper_bound(k, lo, mid, k[mid]);
    hi = lower_bound(k, mid, hi, k[mid - 1]);
    if (!s->tmpk) {
        s->tmpk = py_raw_alloc(s->n * sizeof(py_val_t));
        if (v) s->tmpv = py_raw_alloc(s->n * sizeof(py_val_t));
    }
    py_val_t *tk = s->tmpk, *tv = s->tmpv;
    size_t i = lo, j = mid, o = 0;
    if (v) {
        while (i < mid && j < hi) {
            if (lt(k[j], k[i])) {
                tk[o] = k[j];
                tv[o++] = v[j++];
            } else {
                tk[o] = k[i];
                tv[o++] = v[i++];
            }
        }
    } else {
        while (i < mid && j < hi) tk[o++] = lt(k[j], k[i]) ? k[j++] : k[i++];
    }
    /* no comparison left: copy the result back, then the unmerged rest */
    if (i < mid) {
        memmove(k + lo + o, k + i, (mid - i) * sizeof(py_val_t));
        if (v) memmove(v + lo + o, v + i, (mid - i) * sizeof(py_val_t));
    }
    memcpy(k + lo, tk, o * sizeof(py_val_t));
    if (v) memcpy(v + lo, tv, o * sizeof(py_val_t));
}

/* ------------------------------------------------------------ run stack */

typedef struct {
    size_t base, len;
} run_t;

#define MAX_RUNS 96 /* lengths grow at least like Fibonacci: enough for any size_t */

static void merge_at(sort_t *s, run_t *runs, int *nruns, int i) {
    run_t *a = &runs[i], *b = &runs[i + 1];
    merge(s, a->base, b->base, b->base + b->len);
    a->len += b->len;
    if (i + 2 < *nruns) runs[i + 1] = runs[i + 2];
    (*nruns)--;
}

/* Restores the invariants len[i-2] > len[i-1] + len[i] and len[i-1] > len[i]
 * over the whole stack (checking the top four, which is what keeps them). */
static void merge_collapse(sort_t *s, run_t *runs, int *nruns) {
    while (*nruns > 1) {
        int n = *nruns - 2;
        if ((n > 0 && runs[n - 1].len <= runs[n].len + runs[n + 1].len) ||
            (n > 1 && runs[n - 2].len <= runs[n - 1].len + runs[n].len)) {
            if (runs[n - 1].len < runs[n + 1].len) n--;
        } else if (runs[n].len > runs[n + 1].len) {
            break;
        }
        merge_at(s, runs, nruns, n);
    }
}

static size_t min_run(size_t n) {
    size_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static void sort_all(sort_t *s) {
    size_t n = s->n;
    if (n < 2) return;
    run_t runs[MAX_RUNS];
    int nruns = 0;
    size_t minrun = min_run(n);
    for (size_t lo = 0; lo < n;) {
        size_t len = count_run(s, lo, n);
        if (len < minrun) {
            size_t force = n - lo < minrun ? n - lo : minrun;
            insertion_sort(s, lo, lo + force, lo + len);
            len = force;
        }
        runs[nruns].base = lo;
        runs[nruns].len = len;
        nruns++;
        merge_collapse(s, runs, &nruns);
        lo += len;
    }
    while (nruns > 1) {
        int i = nruns - 2;
        if (i > 0 && runs[i - 1].len < runs[i + 1].len) i--;
        merge_at(s, runs, &nruns, i);
    }
}

/* ------------------------------------------------------------ entry */

void py_list_sort(py_val_t list, py_val_t key, bool reverse) {
    py_list_t *l = py_as_ptr(list);
    size_t n = l->len, cap = l->cap;
    bool has_key = !py_is_null(key) && !py_is_none(key);
    if (n < 2 && !has_key) return;
    sort_t *s = py_gc_alloc(&sort_type, sizeof(sort_t));
    py_val_t *keys = has_key && n ? py_raw_alloc(n * sizeof(py_val_t)) : NULL;
    /* detach the items: from here the list is empty until restored */
    py_val_t *items = l->items;
    s->n = n;
    if (has_key) {
        s->vals = items;
        s->keys = keys;
    } else {
        s->keys = items;
    }
    l->items = NULL;
    l->len = l->cap = 0;
    py_val_t exc = PY_NULL;
    volatile bool flipped = false; /* survives the longjmp: a failed reverse sort flips back, as CPython's */
    py_try_t tr;
    if (py_try(&tr)) {
        if (has_key)
            for (size_t i = 0; i < n; i++) s->keys[i] = py_call1(key, s->vals[i]);
        if (reverse) { /* reverse, sort, reverse: equal items keep their order */
            reverse_range(s->keys, 0, n);
            reverse_range(s->vals, 0, n);
            flipped = true;
        }
        sort_all(s);
        if (reverse) {
            reverse_range(s->keys, 0, n);
            reverse_range(s->vals, 0, n);
            flipped = false;
        }
        py_try_end(&tr);
    } else {
        exc = tr.exc;
        if (flipped) {
            reverse_range(s->keys, 0, n);
            reverse_range(s->vals, 0, n);
        }
    }
    bool modified = l->items != NULL || l->len != 0;
    l->items = items;
    l->len = n;
    l->cap = cap;
    /* the scratch blocks and the key array belong to nobody else: give them back now */
    py_raw_free(s->tmpk);
    py_raw_free(s->tmpv);
    if (has_key) py_raw_free(s->keys);
    s->keys = s->vals = s->tmpk = s->tmpv = NULL;
    if (!py_is_null(exc)) py_raise(exc);
    if (modified) py_raise_msg(&py_type_ValueError, "list modified during sort");
}
