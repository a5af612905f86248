/* obj_dict.c: the dict type, its views (dict_keys, dict_values, dict_items)
 * and their iterators.  Every namespace (globals, class and instance
 * attributes, keyword arguments) is a dict, so lookups here are hot.
 *
 * Layout (obj.h): `entries` holds key/value/hash triples in insertion order;
 * `index` is an open-addressing table of 2^k int32 slots mapping a hash to an
 * entry number (-1 empty, -2 deleted).  Both live in ONE raw block (the index
 * follows the entries), so a resize is a single allocation and the trace slot
 * marks only `entries`.  An empty dict may have no table at all (mask == 0,
 * entries == index == NULL): every lookup tests `used` first.
 *
 * Invariants:
 *   - an index slot >= 0 names a live entry (key != PY_NULL) whose hash
 *     leads to that slot; a deleted entry keeps key == value == PY_NULL;
 *   - let N be the index slots that are not -1 (live + deleted) and C0 the
 *     capacity the table was built with: N <= filled + (C0 - cap).  Deleting
 *     the last entries trims `filled` and lowers `cap` by the same amount,
 *     which keeps that bound, and inserts require filled < cap, so N < C0 <
 *     slots: a probe always ends at an empty slot;
 *   - `version` takes a fresh value from a global counter on every insert or
 *     delete of a key (not on a value update): vm.c's LOAD_GLOBAL cache
 *     remembers an entry number and reads the entry's value directly while
 *     the version is unchanged, so entries never move without a new version.
 *     A global counter means a recycled dict never repeats an old version.
 *
 * Probing: slot = hash & mask, then slot = 5*slot + 1 + perturb with the
 * hash's high bits shifted in, so sequential int keys fill sequential slots
 * and bad low bits still spread.  Keys equal as numbers (1, 1.0, True) share
 * one hash (py_hash) and compare equal, so they are one key.
 *
 * py_dict_get_interned compares pointers, which finds every key stored as
 * the interned str; a key inserted as an equal but non-interned str
 * (obj.__dict__['a' + 'b']) is still found because a slot whose stored hash
 * equals the probe's falls back to a string compare - free in the common
 * case, where the first compared pointer matches or the hashes differ.
 *
 * Lookups that must call __eq__ (keys of classes written in Python) restart
 * when that code changed the dict.
 */
#include <string.h>

#include "keyhash.h"
#include "objcore.h"
#include "runtime.h"
#include "slot_dunders.h"
#include "str_uniq.h"

#define EMPTY (-1)
#define DELETED (-2)
#define MIN_SLOTS 8
/* Above this many index slots a dict that becomes empty drops its table
 * instead of clearing it (a big emptied dict used as a scratch pad). */
#define KEEP_SLOTS 64

static uint32_t version_counter;

static inline void bump(py_dict_t *d) { d->version = ++version_counter; }

static inline py_dict_t *D(py_val_t v) { return (py_dict_t *)py_as_ptr(v); }

/* The usable entries of a table with `slots` index slots (load <= 2/3). */
static inline size_t cap_for(size_t slots) { return slots * 2 / 3; }

/* dict or an instance of a class derived from dict (same struct, dict slot appended). */
static inline bool is_dict(py_val_t v) {
    if (!py_is_obj(v)) return false;
    py_type_t *t = py_obj_type(v);
    return t == &py_type_dict || ((t->flags & PY_TF_HEAP) && py_is_subtype(t, &py_type_dict));
}

/* ------------------------------------------------------------ the table */

/* The index slot holding `key`, or -1.  May run __eq__; restarts if that
 * changed the dict. */
static ssize_t find(py_dict_t *d, py_val_t key, uint64_t h) {
restart:
    if (!d->used) return -1;
    size_t mask = d->mask, i = (size_t)h & mask;
    uint64_t perturb = h;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix >= 0) {
            py_dict_entry_t *e = &d->entries[ix];
            if (e->key == key) return (ssize_t)i;
            if (e->hash == h) {
                int r = py_key_fast_eq(e->key, key);
                if (r > 0) return (ssize_t)i;
                if (r < 0) {
                    uint32_t ver = d->version;
                    int32_t *index = d->index;
                    bool eq = py_eq(e->key, key);
                    if (d->version != ver || d->index != index) goto restart;
                    if (eq) return (ssize_t)i;
                }
            }
        } else if (ix == EMPTY) {
            return -1;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
    }
}

/* The index slot that names entry ix (which is live). */
static size_t slot_of(py_dict_t *d, uint64_t h, int32_t ix) {
    size_t mask = d->mask, i = (size_t)h & mask;
    uint64_t perturb = h;
    while (d->index[i] != ix) {
        perturb >>= 5;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
    }
    return i;
}

/* First empty or deleted slot on h's probe path. */
static inline size_t free_slot(const py_dict_t *d, uint64_t h) {
    size_t mask = d->mask, i = (size_t)h & mask;
    uint64_t perturb = h;
    while (d->index[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
    }
    return i;
}

/* Rebuilds the table with room for at least `want` entries, compacting out
 * deleted ones.  Allocates before touching d, so MemoryError leaves d intact. */
static void rebuild(py_dict_t *d, size_t want) {
    size_t slots = MIN_SLOTS;
    while (cap_for(slots) < want) slots <<= 1;
    if (slots > ((size_t)1 << 31)) py_raise_no_memory();
    size_t cap = cap_for(slots);
    py_dict_entry_t *ents = py_raw_alloc(cap * sizeof(py_dict_entry_t) + slots * sizeof(int32_t));
    int32_t *index = (int32_t *)(ents + cap);
    memset(index, 0xFF, slots * sizeof(int32_t));
    size_t mask = slots - 1, n = 0;
    for (size_t k = 0; k < d->filled; k++) {
        py_dict_entry_t *e = &d->entries[k];
        if (py_is_null(e->key)) continue;
        ents[n] = *e;
        size_t i = (size_t)e->hash & mask;
        uint64_t perturb = e->hash;
        while (index[i] != EMPTY) {
            perturb >>= 5;
            i = (i * 5 + 1 + (size_t)perturb) & mask;
        }
        index[i] = (int32_t)n++;
    }
    d->entries = ents;
    d->index = index;
    d->mask = mask;
    d->cap = cap;
    d->filled = n;
    d->used = n;
}

/* Appends a key known to be absent. */
static void insert_new(py_dict_t *d, py_val_t key, py_val_t value, uint64_t h) {
    if (d->filled >= d->cap) rebuild(d, d->used ? d->used * 2 : 1);
    size_t i = free_slot(d, h);
    int32_t ix = (int32_t)d->filled++;
    py_dict_entry_t *e = &d->entries[ix];
    e->key = key;
    e->value = value;
    e->hash = h;
    d->index[i] = ix;
    d->used++;
    bump(d);
}

static void set_with_hash(py_dict_t *d, py_val_t key, py_val_t value, uint64_t h) {
    ssize_t s = find(d, key, h);
    if (s >= 0)
        d->entries[d->index[s]].value = value;
    else
        insert_new(d, key, value, h);
}

static void clear_table(py_dict_t *d) {
    d->entries = NULL;
    d->index = NULL;
    d->mask = 0;
    d->cap = 0;
    d->filled = 0;
    d->used = 0;
    bump(d);
}

/* Removes the entry named by index slot s. */
static void del_slot(py_dict_t *d, size_t s) {
    int32_t ix = d->index[s];
    d->index[s] = DELETED;
    py_dict_entry_t *e = &d->entries[ix];
    e->key = PY_NULL;
    e->value = PY_NULL;
    d->used--;
    bump(d);
    if (d->used == 0) {
        size_t slots = d->mask + 1;
        if (slots > KEEP_SLOTS) {
            clear_table(d);
        } else {
            memset(d->index, 0xFF, slots * sizeof(int32_t));
            d->filled = 0;
            d->cap = cap_for(slots);
        }
        return;
    }
    /* trailing deleted entries: trim them (see the invariant on cap) */
    while (py_is_null(d->entries[d->filled - 1].key)) {
        d->filled--;
        d->cap--;
    }
}

/* ------------------------------------------------------------ public API */

py_val_t py_dict_new(void) {
    py_dict_t *d = py_gc_alloc(&py_type_dict, sizeof(py_dict_t));
    bump(d);
    return py_obj(d);
}

py_val_t py_dict_get(py_val_t dv, py_val_t key) {
    py_dict_t *d = D(dv);
    if (!d->used) {
        /* still reject unhashable keys, as CPython does */
        if (py_is_obj(key) && py_obj_type(key) != &py_type_str) py_key_hash(key);
        return PY_NULL;
    }
    ssize_t s = find(d, key, py_key_hash(key));
    return s < 0 ? PY_NULL : py_str_touch(d->entries[d->index[s]].value);
}

void py_dict_set(py_val_t dv, py_val_t key, py_val_t value) {
    set_with_hash(D(dv), key, value, py_key_hash(key));
}

bool py_dict_del(py_val_t dv, py_val_t key) {
    py_dict_t *d = D(dv);
    uint64_t h = py_key_hash(key);
    ssize_t s = find(d, key, h);
    if (s < 0) return false;
    del_slot(d, (size_t)s);
    return true;
}

/* Non-interned str stored under an equal hash: compare the text. */
static inline bool str_match(py_val_t stored, py_val_t key) {
    return py_is_obj(stored) && py_obj_type(stored) == &py_type_str && py_str_equal(stored, key);
}

/* Entry number of an interned-str key (or any key, by identity), -1 if absent,
 * -2 if a key of another type with the same hash might equal it. */
static inline int32_t index_interned(py_dict_t *d, py_val_t key) {
    if (!d->used) return -1;
    py_str_t *ks = py_as_ptr(key);
    if (ks->h.type != &py_type_str) {
        /* not a str: the contract is pointer identity, which needs no hash */
        for (size_t k = 0; k < d->filled; k++)
            if (d->entries[k].key == key) return (int32_t)k;
        return -1;
    }
    uint64_t h = ks->hash ? ks->hash : py_str_hash(key);
    size_t mask = d->mask, i = (size_t)h & mask;
    uint64_t perturb = h;
    const int32_t *index = d->index;
    const py_dict_entry_t *ents = d->entries;
    int32_t unsure = -1;
    for (;;) {
        int32_t ix = index[i];
        if (ix >= 0) {
            const py_dict_entry_t *e = &ents[ix];
            if (e->key == key) return ix;
            if (__builtin_expect(e->hash == h, 0)) {
                if (str_match(e->key, key)) return ix;
                /* a str subclass or an object with __eq__: only py_dict_get can tell */
                if (py_is_obj(e->key) && py_obj_type(e->key) != &py_type_str) unsure = -2;
            }
        } else if (ix == EMPTY) {
            return unsure;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
    }
}

int32_t py_dict_index_interned(py_val_t dv, py_val_t key) { return index_interned(D(dv), key); }

py_val_t py_dict_get_interned(py_val_t dv, py_val_t key) {
    int32_t ix = index_interned(D(dv), key);
    return ix < 0 ? PY_NULL : py_str_touch(D(dv)->entries[ix].value);
}

bool py_dict_next(py_val_t dv, size_t *pos, py_val_t *key, py_val_t *value) {
    py_dict_t *d = D(dv);
    for (size_t i = *pos; i < d->filled; i++) {
        py_dict_entry_t *e = &d->entries[i];
        if (py_is_null(e->key)) continue;
        *pos = i + 1;
        if (key) *key = e->key;
        if (value) *value = py_str_touch(e->value);
        return true;
    }
    *pos = d->filled;
    return false;
}

size_t py_dict_len(py_val_t dv) { return D(dv)->used; }

/* Copies src's contents into the empty dict d. */
static void copy_into(py_dict_t *d, py_dict_t *src) {
    if (!src->used) return;
    for (size_t i = 0; i < src->filled; i++) py_str_touch(src->entries[i].value); /* str_uniq.h */
    if (src->filled == src->used && src->cap == cap_for(src->mask + 1)) {
        /* no holes: the table can be duplicated as is */
        size_t slots = src->mask + 1, cap = src->cap;
        size_t bytes = cap * sizeof(py_dict_entry_t) + slots * sizeof(int32_t);
        py_dict_entry_t *ents = py_raw_alloc(bytes);
        memcpy(ents, src->entries, bytes);
        d->entries = ents;
        d->index = (int32_t *)(ents + cap);
        d->mask = src->mask;
        d->cap = cap;
        d->filled = d->used = src->used;
        bump(d);
        return;
    }
    /* rebuild reads the entries of the dict it rebuilds: point d at src's */
    py_dict_t tmp = *src;
    rebuild(&tmp, src->used + 1);
    d->entries = tmp.entries;
    d->index = tmp.index;
    d->mask = tmp.mask;
    d->cap = tmp.cap;
    d->filled = tmp.filled;
    d->used = tmp.used;
    bump(d);
}

py_val_t py_dict_copy(py_val_t dv) {
    py_val_t r = py_dict_new();
    copy_into(D(r), D(dv));
    return r;
}

static py_val_t dict_iter(py_val_t self);

/* Items of an iterable of pairs (dict(seq), update(seq)). */
static void update_from_pairs(py_dict_t *d, py_val_t it) {
    py_val_t iter = py_iter(it);
    size_t n = 0;
    for (py_val_t item; !py_is_null(item = py_next(iter)); n++) {
        size_t len;
        py_val_t *items;
        if (!py_seq_items(item, &len, &items)) {
            py_type_t *t = py_type_of(item);
            if (!t->iter && !t->getitem)
                py_raise_msg(&py_type_TypeError,
                             "cannot convert dictionary update sequence element #%zu to a sequence", n);
            item = py_list_from_iter(item);
            py_seq_items(item, &len, &items);
        }
        if (len != 2)
            py_raise_msg(&py_type_ValueError,
                         "dictionary update sequence element #%zu has length %zu; 2 is required", n, len);
        py_val_t k = items[0], v = items[1];
        set_with_hash(d, k, v, py_key_hash(k));
    }
}

/* other is a dict whose iteration is the plain dict's: merge entries directly. */
static bool plain_dict(py_val_t v) {
    if (!py_is_obj(v)) return false;
    py_type_t *t = py_obj_type(v);
    if (t == &py_type_dict) return true;
    return (t->flags & PY_TF_HEAP) && t->iter == dict_iter && py_is_subtype(t, &py_type_dict);
}

static void merge_dict(py_dict_t *d, py_dict_t *o) {
    if (d == o) return;
    if (!d->used && !d->filled && o->used) {
        copy_into(d, o);
        return;
    }
    for (size_t i = 0; i < o->filled; i++) {
        py_dict_entry_t *e = &o->entries[i];
        if (py_is_null(e->key)) continue;
        py_val_t k = e->key, v = py_str_touch(e->value);
        set_with_hash(d, k, v, e->hash);
    }
}

void py_dict_update(py_val_t dv, py_val_t other) {
    py_dict_t *d = D(dv);
    if (plain_dict(other)) {
        merge_dict(d, D(other));
        return;
    }
    py_val_t keys = py_getattr_opt(other, PYN(keys));
    if (!py_is_null(keys)) {
        py_val_t it = py_iter(py_call0(keys));
        for (py_val_t k; !py_is_null(k = py_next(it));) {
            py_val_t v = py_getitem(other, k);
            set_with_hash(d, k, v, py_key_hash(k));
        }
        return;
    }
    update_from_pairs(d, other);
}

/* ------------------------------------------------------------ repr */

/* Containers being printed, innermost last: a dict reached again prints as {...}. */
#define GUARD_MAX 256
static const void *guard[GUARD_MAX];
static int nguard;

static bool guard_enter(const void *p) {
    for (int i = 0; i < nguard; i++)
        if (guard[i] == p) return false;
    if (nguard < GUARD_MAX) guard[nguard++] = p;
    return true;
}

static void guard_exit(const void *p) {
    if (nguard > 0 && guard[nguard - 1] == p) nguard--;
}

static void print_entries(py_sb_t *sb, py_dict_t *d) {
    py_sb_addc(sb, '{');
    bool first = true;
    for (size_t i = 0; i < d->filled; i++) {
        py_dict_entry_t *e = &d->entries[i];
        if (py_is_null(e->key)) continue;
        py_val_t k = e->key, v = py_str_touch(e->value); /* the entries may move while printing */
        if (!first) py_sb_add(sb, ", ", 2);
        first = false;
        py_print_to(sb, k, PY_PRINT_REPR);
        py_sb_add(sb, ": ", 2);
        py_print_to(sb, v, PY_PRINT_REPR);
    }
    py_sb_addc(sb, '}');
}

static void dict_print(py_sb_t *sb, py_val_t self, int kind) {
    py_dict_t *d = D(self);
    if (!d->used) {
        py_sb_add(sb, "{}", 2);
        return;
    }
    if (!guard_enter(d)) {
        py_sb_add(sb, "{...}", 5);
        return;
    }
    py_try_t t;
    if (py_try(&t)) {
        print_entries(sb, d);
        py_try_end(&t);
    } else {
        guard_exit(d);
        py_raise(t.exc);
    }
    guard_exit(d);
}

/* ------------------------------------------------------------ iterators */

enum { IT_KEYS, IT_VALUES, IT_ITEMS };

typedef struct {
    py_obj_t h;
    py_val_t dict; /* PY_NULL once exhausted */
    size_t pos;    /* forward: next entry; reverse: one past the next entry */
    size_t used;   /* d->used when created: a change means the dict changed size */
    int kind;
    bool rev;
} diter_t;

static void diter_trace(py_obj_t *o) { py_gc_mark(((diter_t *)o)->dict); }
static py_val_t diter_iter(py_val_t self) { return self; }

/* Next live entry, or NULL at the end. */
static py_dict_entry_t *diter_advance(diter_t *it) {
    if (py_is_null(it->dict)) return NULL;
    py_dict_t *d = D(it->dict);
    if (d->used != it->used) {
        it->used = (size_t)-1; /* keep raising */
        py_raise_msg(&py_type_RuntimeError, "dictionary changed size during iteration");
    }
    if (!it->rev) {
        for (size_t i = it->pos; i < d->filled; i++) {
            if (py_is_null(d->entries[i].key)) continue;
            it->pos = i + 1;
            return &d->entries[i];
        }
    } else {
        size_t i = it->pos < d->filled ? it->pos : d->filled;
        while (i > 0) {
            i--;
            if (py_is_null(d->entries[i].key)) continue;
            it->pos = i;
            return &d->entries[i];
        }
    }
    it->dict = PY_NULL;
    return NULL;
}

static py_val_t diter_next(py_val_t self) {
    diter_t *it = py_as_ptr(self);
    py_dict_entry_t *e = diter_advance(it);
    if (!e) return PY_NULL;
    switch (it->kind) {
    case IT_KEYS:
        return e->key;
    case IT_VALUES:
        return py_str_touch(e->value);
    default:
        return py_tuple_pack(2, e->key, py_str_touch(e->value));
    }
}

static py_val_t diter_length_hint(int argc, const py_val_t *argv, py_val_t kw) {
    diter_t *it = py_as_ptr(argv[0]);
    if (py_is_null(it->dict)) return py_small(0);
    py_dict_t *d = D(it->dict);
    if (d->used != it->used) return py_small(0);
    size_t n = 0;
    if (!it->rev) {
        for (size_t i = it->pos; i < d->filled; i++) n += !py_is_null(d->entries[i].key);
    } else {
        for (size_t i = 0; i < it->pos && i < d->filled; i++) n += !py_is_null(d->entries[i].key);
    }
    return py_small((int64_t)n);
}

static py_val_t diter_m_next(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t v = diter_next(argv[0]);
    if (py_is_null(v)) py_raise(py_obj(&py_type_StopIteration));
    return v;
}
static py_val_t diter_m_iter(int argc, const py_val_t *argv, py_val_t kw) { return argv[0]; }

static const py_method_def_t diter_methods[] = {
    {"__next__", diter_m_next, 1, 1, 0},
    {"__iter__", diter_m_iter, 1, 1, 0},
    {"__length_hint__", diter_length_hint, 1, 1, 0},
    PY_MF_END,
};

#define DITER_TYPE(var, tname)                                                                               \
    static py_type_t var = {                                                                                 \
        .h = {&py_type_type},                                                                                \
        .name = tname,                                                                                       \
        .base = &py_type_object,                                                                             \
        .instance_size = sizeof(diter_t),                                                                    \
        .methods = diter_methods,                                                                            \
        .iter = diter_iter,                                                                                  \
        .iternext = diter_next,                                                                              \
        .trace = diter_trace,                                                                                \
    }

DITER_TYPE(keyiter_type, "dict_keyiterator");
DITER_TYPE(valueiter_type, "dict_valueiterator");
DITER_TYPE(itemiter_type, "dict_itemiterator");
DITER_TYPE(rkeyiter_type, "dict_reversekeyiterator");
DITER_TYPE(rvalueiter_type, "dict_reversevalueiterator");
DITER_TYPE(ritemiter_type, "dict_reverseitemiterator");

static py_val_t diter_new(py_val_t dict, int kind, bool rev) {
    static py_type_t *const types[2][3] = {{&keyiter_type, &valueiter_type, &itemiter_type},
                                           {&rkeyiter_type, &rvalueiter_type, &ritemiter_type}};
    diter_t *it = py_gc_alloc(types[rev][kind], sizeof(diter_t));
    py_dict_t *d = D(dict);
    it->dict = dict;
    it->used = d->used;
    it->pos = rev ? d->filled : 0;
    it->kind = kind;
    it->rev = rev;
    return py_obj(it);
}

static py_val_t dict_iter(py_val_t self) { return diter_new(self, IT_KEYS, false); }

/* ------------------------------------------------------------ views */

typedef struct {
    py_obj_t h;
    py_val_t dict;
} view_t;

static py_type_t keys_type, values_type, items_type;

static py_val_t view_new(py_type_t *t, py_val_t dict) {
    view_t *v = py_gc_alloc(t, sizeof(view_t));
    v->dict = dict;
    return py_obj(v);
}

static inline py_val_t view_dict(py_val_t v) { return ((view_t *)py_as_ptr(v))->dict; }
static inline int view_kind(py_val_t v) {
    py_type_t *t = py_obj_type(v);
    return t == &keys_type ? IT_KEYS : t == &values_type ? IT_VALUES : IT_ITEMS;
}

/* keys and items views behave as sets */
static inline bool is_setlike_view(py_val_t v) {
    return py_is_obj(v) && (py_obj_type(v) == &keys_type || py_obj_type(v) == &items_type);
}

static void view_trace(py_obj_t *o) { py_gc_mark(((view_t *)o)->dict); }

static py_val_t view_iter(py_val_t self) { return diter_new(view_dict(self), view_kind(self), false); }

static py_val_t view_unary(py_unop_t op, py_val_t v) {
    size_t n = D(view_dict(v))->used;
    if (op == PY_UNARY_LEN) return py_small((int64_t)n);
    if (op == PY_UNARY_BOOL) return py_bool(n != 0);
    return PY_NULL;
}

static int items_contains_pair(py_val_t dict, py_val_t item) {
    if (!py_is_obj(item) || !py_is_instance(item, &py_type_tuple)) return 0;
    py_tuple_t *t = py_as_tuple(py_unwrap_native(item));
    if (t->len != 2) return 0;
    py_val_t v = py_dict_get(dict, t->items[0]);
    return !py_is_null(v) && py_eq(v, t->items[1]);
}

static int view_contains(py_val_t self, py_val_t item) {
    py_val_t dict = view_dict(self);
    switch (view_kind(self)) {
    case IT_KEYS:
        return !py_is_null(py_dict_get(dict, item));
    case IT_ITEMS:
        return items_contains_pair(dict, item);
    default: {
        py_dict_t *d = D(dict);
        for (size_t i = 0; i < d->filled; i++) {
            py_val_t v = py_str_touch(d->entries[i].value);
            if (py_is_null(d->entries[i].key)) continue;
            if (py_eq(v, item)) return 1;
        }
        return 0;
    }
    }
}

static void view_print_items(py_sb_t *sb, py_val_t self) {
    py_dict_t *d = D(view_dict(self));
    int kind = view_kind(self);
    bool first = true;
    for (size_t i = 0; i < d->filled; i++) {
        py_dict_entry_t *e = &d->entries[i];
        if (py_is_null(e->key)) continue;
        py_val_t k = e->key, v = py_str_touch(e->value);
        if (!first) py_sb_add(sb, ", ", 2);
        first = false;
        if (kind == IT_ITEMS) {
            py_sb_addc(sb, '(');
            py_print_to(sb, k, PY_PRINT_REPR);
            py_sb_add(sb, ", ", 2);
            py_print_to(sb, v, PY_PRINT_REPR);
            py_sb_addc(sb, ')');
        } else {
            py_print_to(sb, kind == IT_KEYS ? k : v, PY_PRINT_REPR);
        }
    }
}

static void view_print(py_sb_t *sb, py_val_t self, int kind) {
    if (!guard_enter(py_as_ptr(self))) {
        py_sb_add(sb, "...", 3);
        return;
    }
    py_sb_adds(sb, py_obj_type(self)->name);
    py_sb_add(sb, "([", 2);
    py_try_t t;
    if (py_try(&t)) {
        view_print_items(sb, self);
        py_try_end(&t);
    } else {
        guard_exit(py_as_ptr(self));
        py_raise(t.exc);
    }
    guard_exit(py_as_ptr(self));
    py_sb_add(sb, "])", 2);
}

/* A new set holding the items of v (a view or any iterable). */
static py_val_t set_of(py_val_t v) {
    py_val_t s = py_set_new(false);
    if (is_setlike_view(v)) {
        py_dict_t *d = D(view_dict(v));
        bool items = view_kind(v) == IT_ITEMS;
        for (size_t i = 0; i < d->filled; i++) {
            py_dict_entry_t *e = &d->entries[i];
            if (py_is_null(e->key)) continue;
            py_val_t k = e->key, val = py_str_touch(e->value);
            py_set_add(s, items ? py_tuple_pack(2, k, val) : k);
        }
        return s;
    }
    py_val_t it = py_iter(v);
    for (py_val_t x; !py_is_null(x = py_next(it));) py_set_add(s, x);
    return s;
}

/* view & other, other | view ...: the result is a set, as in CPython. */
static py_val_t view_binary(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    if (op >= PY_OP_INPLACE) op = (py_binop_t)(op - PY_OP_INPLACE);
    if (op != PY_OP_AND && op != PY_OP_OR && op != PY_OP_SUB && op != PY_OP_XOR) return PY_NULL;
    if (!is_setlike_view(lhs) && !is_setlike_view(rhs)) return PY_NULL;
    py_val_t a = set_of(lhs), b = set_of(rhs);
    return py_binary(op, a, b);
}

static bool is_anyset(py_val_t v) {
    return py_is_obj(v) && (py_is_instance(v, &py_type_set) || py_is_instance(v, &py_type_frozenset));
}

/* every item of a is in b */
static bool all_in(py_val_t a, py_val_t b) {
    py_val_t it = py_iter(a);
    for (py_val_t x; !py_is_null(x = py_next(it));)
        if (!py_contains(b, x)) return false;
    return true;
}

static py_val_t view_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    if (!is_setlike_view(self) || !(is_setlike_view(other) || is_anyset(other))) return PY_NULL;
    size_t la = py_len(self), lb = py_len(other);
    bool r;
    switch (op) {
    case PY_CMP_EQ:
        r = la == lb && all_in(self, other);
        break;
    case PY_CMP_NE:
        r = !(la == lb && all_in(self, other));
        break;
    case PY_CMP_LT:
        r = la < lb && all_in(self, other);
        break;
    case PY_CMP_LE:
        r = la <= lb && all_in(self, other);
        break;
    case PY_CMP_GT:
        r = la > lb && all_in(other, self);
        break;
    default:
        r = la >= lb && all_in(other, self);
        break;
    }
    return py_bool(r);
}

static py_val_t view_m_reversed(int argc, const py_val_t *argv, py_val_t kw) {
    return diter_new(view_dict(argv[0]), view_kind(argv[0]), true);
}

static py_val_t view_m_isdisjoint(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t self = argv[0], other = argv[1];
    py_val_t it = py_iter(other);
    for (py_val_t x; !py_is_null(x = py_next(it));)
        if (view_contains(self, x)) return PY_FALSE;
    return PY_TRUE;
}

static py_val_t view_m_len(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small((int64_t)D(view_dict(argv[0]))->used);
}
static py_val_t view_m_iter(int argc, const py_val_t *argv, py_val_t kw) { return view_iter(argv[0]); }
static py_val_t view_m_contains(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(view_contains(argv[0], argv[1]));
}

SLOT_SET_OPS(view_m, view_binary)
SLOT_COMPARES(view_m, view_compare)

static const py_method_def_t setview_methods[] = {
    {"__reversed__", view_m_reversed, 1, 1, 0},
    {"isdisjoint", view_m_isdisjoint, 2, 2, 0},
    {"__len__", view_m_len, 1, 1, 0},
    {"__iter__", view_m_iter, 1, 1, 0},
    {"__contains__", view_m_contains, 2, 2, 0},
    SLOT_SET_OP_DEFS(view_m),
    SLOT_COMPARE_DEFS(view_m),
    PY_MF_END,
};

static const py_method_def_t values_methods[] = {
    {"__reversed__", view_m_reversed, 1, 1, 0},
    {"__len__", view_m_len, 1, 1, 0},
    {"__iter__", view_m_iter, 1, 1, 0},
    {"__contains__", view_m_contains, 2, 2, 0},
    PY_MF_END,
};

static py_val_t view_getattr(py_val_t self, py_val_t name) {
    /* 3.10: view.mapping (a read-only proxy in CPython; the dict itself here) */
    if (strcmp(py_str_data(name), "mapping") == 0) return view_dict(self);
    return PY_NULL;
}

/* The three views share their slots; keys and items are set-like (binary
 * operators, comparison), values is not. */
#define VIEW_TYPE(pyname, meths, ...)                                                                        \
    {                                                                                                        \
        .h = {&py_type_type}, .name = pyname, .base = &py_type_object, .instance_size = sizeof(view_t),      \
        .methods = meths, .print = view_print, .unary = view_unary, .getattr = view_getattr,                 \
        .iter = view_iter, .contains = view_contains, .trace = view_trace, __VA_ARGS__                       \
    }
static py_type_t keys_type =
    VIEW_TYPE("dict_keys", setview_methods, .binary = view_binary, .compare = view_compare);
static py_type_t items_type =
    VIEW_TYPE("dict_items", setview_methods, .binary = view_binary, .compare = view_compare);
static py_type_t values_type = VIEW_TYPE("dict_values", values_methods, .binary = NULL);
#undef VIEW_TYPE

/* ------------------------------------------------------------ dict slots */

PY_NORETURN static void raise_key_error(py_val_t key) {
    py_raise(py_exc_new_args(&py_type_KeyError, 1, &key));
}

static py_val_t dict_getitem(py_val_t self, py_val_t key) {
    py_dict_t *d = D(self);
    uint64_t h = py_key_hash(key);
    ssize_t s = find(d, key, h);
    if (s >= 0) return py_str_touch(d->entries[d->index[s]].value);
    py_type_t *t = py_obj_type(self);
    if (t != &py_type_dict) {
        /* subclasses may define __missing__ (collections.defaultdict style) */
        py_val_t m = py_type_lookup(t, PYN(__missing__));
        if (!py_is_null(m)) return py_call_method(self, PYN(__missing__), 1, &key);
    }
    raise_key_error(key);
}

static void dict_setitem(py_val_t self, py_val_t key, py_val_t value) {
    py_dict_t *d = D(self);
    uint64_t h = py_key_hash(key);
    if (!py_is_null(value)) {
        set_with_hash(d, key, value, h);
        return;
    }
    ssize_t s = find(d, key, h);
    if (s < 0) raise_key_error(key);
    del_slot(d, (size_t)s);
}

static int dict_contains(py_val_t self, py_val_t key) {
    py_dict_t *d = D(self);
    uint64_t h = py_key_hash(key);
    return find(d, key, h) >= 0;
}

static py_val_t dict_unary(py_unop_t op, py_val_t v) {
    if (op == PY_UNARY_LEN) return py_small((int64_t)D(v)->used);
    if (op == PY_UNARY_BOOL) return py_bool(D(v)->used != 0);
    return PY_NULL; /* unhashable: py_hash reports it */
}

static bool dict_equal(py_dict_t *a, py_dict_t *b) {
    if (a == b) return true;
    if (a->used != b->used) return false;
    for (size_t i = 0; i < a->filled; i++) {
        py_dict_entry_t *e = &a->entries[i];
        if (py_is_null(e->key)) continue;
        py_val_t k = e->key, va = py_str_touch(e->value);
        ssize_t s = find(b, k, e->hash);
        if (s < 0) return false;
        py_val_t vb = py_str_touch(b->entries[b->index[s]].value);
        if (!py_eq(va, vb)) return false;
        if (a->used != b->used) return false;
    }
    return true;
}

static py_val_t dict_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    if (op != PY_CMP_EQ && op != PY_CMP_NE) return PY_NULL;
    if (!is_dict(self) || !is_dict(other)) return PY_NULL;
    bool eq = dict_equal(D(self), D(other));
    return py_bool(op == PY_CMP_EQ ? eq : !eq);
}

static py_val_t dict_binary(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    if (op == PY_OP_OR) {
        if (!is_dict(lhs) || !is_dict(rhs)) return PY_NULL;
        py_val_t r = py_dict_copy(lhs);
        py_dict_update(r, rhs);
        return r;
    }
    if (op == PY_OP_OR + PY_OP_INPLACE) {
        if (!is_dict(lhs)) return PY_NULL;
        py_dict_update(lhs, rhs);
        return lhs;
    }
    return PY_NULL;
}

static void dict_trace(py_obj_t *o) {
    py_dict_t *d = (py_dict_t *)o;
    if (!d->entries) return;
    py_gc_mark_raw(d->entries);
    for (size_t i = 0; i < d->filled; i++) {
        py_gc_mark(d->entries[i].key);
        py_gc_mark(d->entries[i].value);
    }
}

/* dict(), dict(mapping), dict(iterable), dict(**kw). */
static void dict_fill(py_val_t d, int argc, const py_val_t *argv, py_val_t kwnames, const char *fname) {
    if (argc > 1) py_raise_msg(&py_type_TypeError, "%s expected at most 1 argument, got %d", fname, argc);
    if (argc == 1) py_dict_update(d, argv[0]);
    if (!py_is_null(kwnames)) {
        py_tuple_t *k = py_as_tuple(kwnames);
        for (size_t i = 0; i < k->len; i++) py_dict_set(d, k->items[i], argv[(size_t)argc + i]);
    }
}

static py_val_t dict_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    py_val_t d = py_dict_new();
    dict_fill(d, argc, argv, kwnames, "dict");
    if (type == &py_type_dict || !py_is_subtype(type, &py_type_dict) ||
        !(type->flags & PY_TF_LAYOUT_CONTAINER))
        return d;
    /* dict.__new__(Sub): the subclass's larger block, dict part moved in */
    char *o = py_gc_alloc(type, type->instance_size);
    memcpy(o + sizeof(py_obj_t), (char *)py_as_ptr(d) + sizeof(py_obj_t),
           sizeof(py_dict_t) - sizeof(py_obj_t));
    *(py_val_t *)(o + type->dict_offset) = PY_NULL;
    return py_obj(o);
}

/* ------------------------------------------------------------ dict methods */

static py_val_t m_new(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc < 1 || !py_is_obj(argv[0]) || !py_is_subtype(py_obj_type(argv[0]), &py_type_type))
        py_raise_msg(&py_type_TypeError, "dict.__new__(X): X is not a type object");
    py_type_t *t = (py_type_t *)py_as_ptr(argv[0]);
    if (!py_is_subtype(t, &py_type_dict))
        py_raise_msg(&py_type_TypeError, "dict.__new__(%s): %s is not a subtype of dict", t->name, t->name);
    /* arguments are for __init__ */
    return dict_make_new(t, 0, NULL, PY_NULL);
}

static py_val_t m_init(int argc, const py_val_t *argv, py_val_t kw) {
    dict_fill(argv[0], argc - 1, argv + 1, kw, "dict");
    return PY_NONE;
}

static py_val_t m_getitem(int argc, const py_val_t *argv, py_val_t kw) {
    return dict_getitem(argv[0], argv[1]);
}

static py_val_t m_setitem(int argc, const py_val_t *argv, py_val_t kw) {
    dict_setitem(argv[0], argv[1], argv[2]);
    return PY_NONE;
}

static py_val_t m_delitem(int argc, const py_val_t *argv, py_val_t kw) {
    dict_setitem(argv[0], argv[1], PY_NULL);
    return PY_NONE;
}

static py_val_t m_contains(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(dict_contains(argv[0], argv[1]));
}

static py_val_t m_len(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small((int64_t)D(argv[0])->used);
}
static py_val_t m_iter(int argc, const py_val_t *argv, py_val_t kw) { return dict_iter(argv[0]); }
static py_val_t m_reversed(int argc, const py_val_t *argv, py_val_t kw) {
    return diter_new(argv[0], IT_KEYS, true);
}

SLOT_REPR(m_repr, dict_print)

SLOT_BINOP(m_eq, dict_compare, PY_CMP_EQ)
SLOT_BINOP(m_ne, dict_compare, PY_CMP_NE)
SLOT_BINOP(m_or, dict_binary, PY_OP_OR)
SLOT_RBINOP(m_ror, dict_binary, PY_OP_OR)
static py_val_t m_ior(int argc, const py_val_t *argv, py_val_t kw) {
    py_dict_update(argv[0], argv[1]);
    return argv[0];
}

static py_val_t m_keys(int argc, const py_val_t *argv, py_val_t kw) { return view_new(&keys_type, argv[0]); }
static py_val_t m_values(int argc, const py_val_t *argv, py_val_t kw) {
    return view_new(&values_type, argv[0]);
}
static py_val_t m_items(int argc, const py_val_t *argv, py_val_t kw) {
    return view_new(&items_type, argv[0]);
}

static py_val_t m_get(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t v = py_dict_get(argv[0], argv[1]);
    if (!py_is_null(v)) return v;
    return argc > 2 ? argv[2] : PY_NONE;
}

static py_val_t m_pop(int argc, const py_val_t *argv, py_val_t kw) {
    py_dict_t *d = D(argv[0]);
    py_val_t key = argv[1];
    ssize_t s = find(d, key, py_key_hash(key));
    if (s < 0) {
        if (argc > 2) return argv[2];
        raise_key_error(key);
    }
    py_val_t v = py_str_touch(d->entries[d->index[s]].value);
    del_slot(d, (size_t)s);
    return v;
}

static py_val_t m_popitem(int argc, const py_val_t *argv, py_val_t kw) {
    py_dict_t *d = D(argv[0]);
    if (!d->used) py_raise_msg(&py_type_KeyError, "popitem(): dictionary is empty");
    size_t i = d->filled;
    while (py_is_null(d->entries[i - 1].key)) i--; /* trimmed on delete: normally no-op */
    py_dict_entry_t *e = &d->entries[i - 1];
    py_val_t k = e->key, v = py_str_touch(e->value);
    py_val_t r = py_tuple_pack(2, k, v); /* before deleting: allocation may raise */
    del_slot(d, slot_of(d, e->hash, (int32_t)(i - 1)));
    return r;
}

static py_val_t m_setdefault(int argc, const py_val_t *argv, py_val_t kw) {
    py_dict_t *d = D(argv[0]);
    py_val_t key = argv[1], dflt = argc > 2 ? argv[2] : PY_NONE;
    uint64_t h = py_key_hash(key);
    ssize_t s = find(d, key, h);
    if (s >= 0) return py_str_touch(d->entries[d->index[s]].value);
    insert_new(d, key, dflt, h);
    return dflt;
}

static py_val_t m_update(int argc, const py_val_t *argv, py_val_t kw) {
    dict_fill(argv[0], argc - 1, argv + 1, kw, "update");
    return PY_NONE;
}

static py_val_t m_clear(int argc, const py_val_t *argv, py_val_t kw) {
    clear_table(D(argv[0]));
    return PY_NONE;
}

static py_val_t m_copy(int argc, const py_val_t *argv, py_val_t kw) { return py_dict_copy(argv[0]); }

static py_val_t m_fromkeys(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t cls = argv[0], value = argc > 2 ? argv[2] : PY_NONE;
    bool plain = py_as_ptr(cls) == (void *)&py_type_dict;
    py_val_t d = plain ? py_dict_new() : py_call0(cls);
    bool fast = plain || (is_dict(d) && py_type_of(d)->setitem == dict_setitem);
    py_val_t src = argv[1];
    if (fast && plain_dict(src)) {
        py_dict_t *s = D(src), *dd = D(d);
        for (size_t i = 0; i < s->filled; i++) {
            py_dict_entry_t *e = &s->entries[i];
            if (!py_is_null(e->key)) set_with_hash(dd, e->key, value, e->hash);
        }
        return d;
    }
    py_val_t it = py_iter(src);
    for (py_val_t k; !py_is_null(k = py_next(it));) {
        if (fast)
            py_dict_set(d, k, value);
        else
            py_setitem(d, k, value);
    }
    return d;
}

static py_val_t m_class_getitem(int argc, const py_val_t *argv, py_val_t kw) { return argv[0]; }

static py_val_t m_sizeof(int argc, const py_val_t *argv, py_val_t kw) {
    py_dict_t *d = D(argv[0]);
    size_t n = sizeof(py_dict_t);
    if (d->entries) n += d->cap * sizeof(py_dict_entry_t) + (d->mask + 1) * sizeof(int32_t);
    return py_small((int64_t)n);
}

static const py_method_def_t dict_methods[] = {
    {"__new__", m_new, 1, -1, PY_MF_STATIC | PY_MF_KW},
    {"__init__", m_init, 1, -1, PY_MF_KW},
    {"__getitem__", m_getitem, 2, 2, 0},
    {"__setitem__", m_setitem, 3, 3, 0},
    {"__delitem__", m_delitem, 2, 2, 0},
    {"__contains__", m_contains, 2, 2, 0},
    {"__len__", m_len, 1, 1, 0},
    {"__iter__", m_iter, 1, 1, 0},
    {"__reversed__", m_reversed, 1, 1, 0},
    {"__repr__", m_repr, 1, 1, 0},
    {"__eq__", m_eq, 2, 2, 0},
    {"__ne__", m_ne, 2, 2, 0},
    {"__or__", m_or, 2, 2, 0},
    {"__ror__", m_ror, 2, 2, 0},
    {"__ior__", m_ior, 2, 2, 0},
    {"__class_getitem__", m_class_getitem, 2, 2, PY_MF_CLASS},
    {"__sizeof__", m_sizeof, 1, 1, 0},
    {"keys", m_keys, 1, 1, 0},
    {"values", m_values, 1, 1, 0},
    {"items", m_items, 1, 1, 0},
    {"get", m_get, 2, 3, 0},
    {"pop", m_pop, 2, 3, 0},
    {"popitem", m_popitem, 1, 1, 0},
    {"setdefault", m_setdefault, 2, 3, 0},
    {"update", m_update, 1, -1, PY_MF_KW},
    {"clear", m_clear, 1, 1, 0},
    {"copy", m_copy, 1, 1, 0},
    {"fromkeys", m_fromkeys, 2, 3, PY_MF_CLASS},
    PY_MF_END,
};

py_type_t py_type_dict = {
    .h = {&py_type_type},
    .name = "dict",
    .flags = PY_TF_BASETYPE,
    .base = &py_type_object,
    .instance_size = sizeof(py_dict_t),
    .methods = dict_methods,
    .make_new = dict_make_new,
    .print = dict_print,
    .unary = dict_unary,
    .binary = dict_binary,
    .compare = dict_compare,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .iter = dict_iter,
    .contains = dict_contains,
    .trace = dict_trace,
};
