/* obj_set.c: set and frozenset.
 *
 * A set is an open-addressing table of (key, hash) slots, unordered: like
 * CPython, a slot is found from the hash (a short linear run, then jumps
 * that mix in the hash's high bits), so sets of small ints iterate in the
 * same order as CPython's.  Empty slots hold PY_NULL, removed ones DUMMY
 * (an immediate that no Python value uses); an empty set has no table.
 *
 * Invariants: fill (live + dummy slots) stays below 3/5 of the slots, so a
 * probe always reaches an empty slot; `used` counts live keys.  A frozenset
 * never changes after construction (only py_set_add during building does),
 * which lets it cache its hash.
 *
 * frozenset subclasses are native-layout instances (py_instance_t holding a
 * frozenset); set subclasses are this struct with a dict slot appended.
 * as_set() accepts all four.  Binary operators keep the type of the left
 * operand's builtin base (frozenset | set is a frozenset), as CPython does.
 */
#include <string.h>

#include "keyhash.h"
#include "objcore.h"
#include "runtime.h"
#include "slot_dunders.h"

#define DUMMY (PY_TAG_CONST | 0x5D)
#define MIN_SLOTS 8
#define LINEAR_PROBES 9

typedef struct {
    py_val_t key;
    uint64_t hash;
} sentry_t;

typedef struct {
    py_obj_t h;
    size_t used;
    size_t fill;
    size_t mask;     /* slots - 1; 0 without a table */
    sentry_t *table; /* raw payload, NULL for an empty set that never had one */
    size_t finger;   /* where pop() resumes its search */
    int64_t hash;    /* frozenset: cached hash, -1 when not computed */
} set_t;

/* The set behind v (set, frozenset or an instance of a subclass), or NULL. */
static set_t *as_set(py_val_t v) {
    if (!py_is_obj(v)) return NULL;
    py_type_t *t = py_obj_type(v);
    if (t == &py_type_set || t == &py_type_frozenset) return py_as_ptr(v);
    if (!(t->flags & PY_TF_HEAP)) return NULL;
    if (t->flags & PY_TF_LAYOUT_NATIVE) {
        py_val_t n = ((py_instance_t *)py_as_ptr(v))->native;
        return py_is_type(n, &py_type_frozenset) ? py_as_ptr(n) : NULL;
    }
    if ((t->flags & PY_TF_LAYOUT_CONTAINER) && py_is_subtype(t, &py_type_set)) return py_as_ptr(v);
    return NULL;
}

/* The builtin base of a set: &py_type_set or &py_type_frozenset. */
static inline py_type_t *base_kind(const set_t *s) {
    py_type_t *t = s->h.type;
    if (t == &py_type_set || t == &py_type_frozenset) return t;
    return py_is_subtype(t, &py_type_frozenset) ? &py_type_frozenset : &py_type_set;
}

static inline bool is_frozen(const set_t *s) { return base_kind(s) == &py_type_frozenset; }

static set_t *set_alloc(py_type_t *t) {
    set_t *s = py_gc_alloc(t, sizeof(set_t));
    s->hash = -1;
    return s;
}

py_val_t py_set_new(bool frozen) { return py_obj(set_alloc(frozen ? &py_type_frozenset : &py_type_set)); }

/* ------------------------------------------------------------ the table */

static sentry_t *new_table(size_t slots) {
    sentry_t *t = py_raw_alloc(slots * sizeof(sentry_t));
    for (size_t i = 0; i < slots; i++) t[i].key = PY_NULL;
    return t;
}

/* Slot holding key, or -1.  May run __eq__; restarts if the set changed. */
static ssize_t find(set_t *s, py_val_t key, uint64_t h) {
restart:
    if (!s->used) return -1;
    sentry_t *table = s->table;
    size_t mask = s->mask, i = (size_t)h & mask;
    uint64_t perturb = h;
    for (;;) {
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (size_t j = i;; j++) {
            sentry_t *e = &table[j];
            py_val_t k = e->key;
            if (k == PY_NULL) return -1;
            if (k == key) return (ssize_t)j;
            if (e->hash == h && k != DUMMY) {
                int r = py_key_fast_eq(k, key);
                if (r > 0) return (ssize_t)j;
                if (r < 0) {
                    size_t used = s->used;
                    bool eq = py_eq(k, key);
                    if (s->table != table || s->used != used || e->key != k) goto restart;
                    if (eq) return (ssize_t)j;
                }
            }
            if (probes-- == 0) break;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
    }
}

/* Places a key known to be absent into a table without dummies. */
static void insert_clean(sentry_t *table, size_t mask, py_val_t key, uint64_t h) {
    size_t i = (size_t)h & mask;
    uint64_t perturb = h;
    for (;;) {
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (size_t j = i;; j++) {
            if (table[j].key == PY_NULL) {
                table[j].key = key;
                table[j].hash = h;
                return;
            }
            if (probes-- == 0) break;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
    }
}

/* A new table with more than `minused` slots, dummies dropped. */
static void resize(set_t *s, size_t minused) {
    size_t slots = MIN_SLOTS;
    while (slots <= minused) slots <<= 1;
    sentry_t *t = new_table(slots);
    size_t mask = slots - 1;
    if (s->table) {
        for (size_t i = 0; i <= s->mask; i++) {
            py_val_t k = s->table[i].key;
            if (k != PY_NULL && k != DUMMY) insert_clean(t, mask, k, s->table[i].hash);
        }
    }
    s->table = t;
    s->mask = mask;
    s->fill = s->used;
    s->finger = 0;
}

/* Adds key; false if it was there already. */
static bool add_hashed(set_t *s, py_val_t key, uint64_t h) {
    if (find(s, key, h) >= 0) return false;
    /* after find: an __eq__ it ran may have cleared the set (table NULL) */
    if (!s->table) resize(s, 0);
    /* first empty or dummy slot on the path */
    size_t mask = s->mask, i = (size_t)h & mask;
    uint64_t perturb = h;
    for (;;) {
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (size_t j = i;; j++) {
            sentry_t *e = &s->table[j];
            if (e->key == PY_NULL || e->key == DUMMY) {
                if (e->key == PY_NULL) s->fill++;
                e->key = key;
                e->hash = h;
                s->used++;
                if (s->fill * 5 >= mask * 3) resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
                return true;
            }
            if (probes-- == 0) break;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
    }
}

static void remove_slot(set_t *s, size_t j) {
    s->table[j].key = DUMMY;
    s->used--;
}

/* The hash of a lookup key; a mutable set used as a key is looked up as the
 * equal frozenset ({frozenset({1})}.remove({1}) works, as in CPython). */
static py_val_t lookup_key(py_val_t key, uint64_t *h);

static void clear_set(set_t *s) {
    s->table = NULL;
    s->mask = 0;
    s->used = 0;
    s->fill = 0;
    s->finger = 0;
}

/* ------------------------------------------------------------ hashing */

static uint64_t mix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

/* Order-independent: a xor of mixed item hashes, then the size mixed in. */
static int64_t frozen_hash(set_t *s) {
    if (s->hash != -1) return s->hash;
    uint64_t h = 0;
    for (size_t i = 0; s->table && i <= s->mask; i++) {
        py_val_t k = s->table[i].key;
        if (k != PY_NULL && k != DUMMY) h ^= mix(s->table[i].hash + 0x9E3779B97F4A7C15ull);
    }
    h = mix(h ^ ((uint64_t)s->used * 0x2545F4914F6CDD1Dull));
    int64_t r = py_as_small(py_hash_value((int64_t)(h >> 1)));
    if (r == -1) r = -2;
    s->hash = r;
    return r;
}

static py_val_t lookup_key(py_val_t key, uint64_t *h) {
    if (py_is_obj(key) && py_obj_type(key) != &py_type_str && py_obj_type(key) != &py_type_frozenset) {
        set_t *ks = as_set(key);
        if (ks && !is_frozen(ks)) {
            set_t *f = set_alloc(&py_type_frozenset);
            for (size_t i = 0; ks->table && i <= ks->mask; i++) {
                py_val_t k = ks->table[i].key;
                if (k != PY_NULL && k != DUMMY) add_hashed(f, k, ks->table[i].hash);
            }
            *h = (uint64_t)frozen_hash(f);
            return py_obj(f);
        }
    }
    *h = py_key_hash(key);
    return key;
}

/* ------------------------------------------------------------ public API */

void py_set_add(py_val_t set, py_val_t v) {
    set_t *s = as_set(set);
    add_hashed(s, v, py_key_hash(v));
}

bool py_set_contains(py_val_t set, py_val_t v) {
    set_t *s = as_set(set);
    uint64_t h;
    v = lookup_key(v, &h);
    return find(s, v, h) >= 0;
}

/* ------------------------------------------------------------ building blocks */

#define FOR_EACH(s, k, h, body)                                                                              \
    for (size_t i_ = 0; (s)->table && i_ <= (s)->mask; i_++) {                                               \
        py_val_t k = (s)->table[i_].key;                                                                     \
        if (k == PY_NULL || k == DUMMY) continue;                                                            \
        uint64_t h = (s)->table[i_].hash;                                                                    \
        (void)h;                                                                                             \
        body                                                                                                 \
    }

static inline bool has(set_t *s, py_val_t k, uint64_t h) { return find(s, k, h) >= 0; }

/* The operations below follow the steps of CPython's setobject.c (when a table is resized, to what size,
 * which operand is iterated and in which order), so that results iterate -- and print -- in CPython's
 * order, not just hold the same keys. */

/* An empty set gets CPython's initial 8-slot table before a bulk insert sizes it. */
static void ensure_table(set_t *s) {
    if (!s->table) resize(s, 0);
}

/* CPython's set_merge: adds other's keys to s. */
static void merge(set_t *s, set_t *o) {
    if (o == s || !o->used) return;
    ensure_table(s);
    if ((s->fill + o->used) * 5 >= s->mask * 3) resize(s, (s->used + o->used) * 2);
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
        memcpy(s->table, o->table, (o->mask + 1) * sizeof(sentry_t));
        s->fill = s->used = o->used;
        return;
    }
    if (s->fill == 0) {
        FOR_EACH(o, k, h, { insert_clean(s->table, s->mask, k, h); })
        s->fill = s->used = o->used;
        return;
    }
    FOR_EACH(o, k, h, { add_hashed(s, k, h); })
}

/* A copy of s with type t (CPython's make_new_set from a set). */
static set_t *copy_as(set_t *s, py_type_t *t) {
    set_t *r = set_alloc(t);
    merge(r, s);
    return r;
}

/* CPython's set_update_internal. */
static void update_iter(set_t *s, py_val_t other) {
    set_t *o = as_set(other);
    if (o) {
        merge(s, o);
        return;
    }
    if (py_is_type(other, &py_type_dict)) {
        size_t n = py_dict_len(other);
        ensure_table(s);
        if ((s->fill + n) * 5 >= s->mask * 3) resize(s, (s->used + n) * 2);
        size_t pos = 0;
        py_val_t k;
        while (py_dict_next(other, &pos, &k, NULL)) add_hashed(s, k, py_key_hash(k));
        return;
    }
    py_val_t it = py_iter(other);
    for (py_val_t v; !py_is_null(v = py_next(it));) add_hashed(s, v, py_key_hash(v));
}

/* other as a set: itself when it is one, else a new set of its items. */
static set_t *set_arg(py_val_t other) {
    set_t *o = as_set(other);
    if (o) return o;
    set_t *r = set_alloc(&py_type_set);
    update_iter(r, other);
    return r;
}

static set_t *s_union(set_t *a, set_t *b, py_type_t *t) {
    set_t *r = copy_as(a, t);
    merge(r, b);
    return r;
}

/* CPython's set_intersection: a set operand iterates the smaller set (the other one on a tie), any other
 * iterable is walked in its own order. */
static set_t *intersection_any(set_t *a, py_val_t other, py_type_t *t) {
    set_t *r = set_alloc(t);
    set_t *b = as_set(other);
    if (b) {
        if (b->used > a->used) {
            set_t *x = a;
            a = b;
            b = x;
        }
        FOR_EACH(b, k, h, {
            if (has(a, k, h)) add_hashed(r, k, h);
        })
        return r;
    }
    py_val_t it = py_iter(other);
    for (py_val_t v; !py_is_null(v = py_next(it));) {
        uint64_t h = py_key_hash(v);
        if (has(a, v, h)) add_hashed(r, v, h);
    }
    return r;
}

static set_t *s_intersection(set_t *a, set_t *b, py_type_t *t) { return intersection_any(a, py_obj(b), t); }

static void swap_in(set_t *s, set_t *r) {
    s->table = r->table;
    s->mask = r->mask;
    s->used = r->used;
    s->fill = r->fill;
    s->finger = 0;
}

/* CPython's set_difference_update_internal: discards, then drops the dummies when over a quarter. */
static void difference_update_any(set_t *s, py_val_t other) {
    set_t *o = as_set(other);
    if (o == s) {
        clear_set(s);
        return;
    }
    if (o) {
        FOR_EACH(o, k, h, {
            ssize_t j = find(s, k, h);
            if (j >= 0) remove_slot(s, (size_t)j);
        })
    } else {
        py_val_t it = py_iter(other);
        for (py_val_t v; !py_is_null(v = py_next(it));) {
            uint64_t h;
            py_val_t k = lookup_key(v, &h);
            ssize_t j = find(s, k, h);
            if (j >= 0) remove_slot(s, (size_t)j);
        }
    }
    if (s->table && s->fill - s->used > s->mask / 4) resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

/* CPython's set_difference: a copy then discards when s is much larger than other (or other is not a set
 * or dict), else a fresh set of s's keys missing from other. */
static set_t *difference_any(set_t *a, py_val_t other, py_type_t *t) {
    set_t *b = as_set(other);
    bool dict = !b && py_is_type(other, &py_type_dict);
    size_t on = b ? b->used : dict ? py_dict_len(other) : 0;
    if ((!b && !dict) || (a->used >> 2) > on) {
        set_t *r = copy_as(a, t);
        difference_update_any(r, other);
        return r;
    }
    set_t *r = set_alloc(t);
    FOR_EACH(a, k, h, {
        bool in = b ? has(b, k, h) : !py_is_null(py_dict_get(other, k));
        if (!in) add_hashed(r, k, h);
    })
    return r;
}

static set_t *s_difference(set_t *a, set_t *b, py_type_t *t) { return difference_any(a, py_obj(b), t); }

/* CPython's set_symmetric_difference_update. */
static void symdiff_update_any(set_t *s, py_val_t other) {
    set_t *o = as_set(other);
    if (o == s) {
        clear_set(s);
        return;
    }
    if (!o && py_is_type(other, &py_type_dict)) {
        size_t pos = 0;
        py_val_t k;
        while (py_dict_next(other, &pos, &k, NULL)) {
            uint64_t h = py_key_hash(k);
            ssize_t j = find(s, k, h);
            if (j >= 0)
                remove_slot(s, (size_t)j);
            else
                add_hashed(s, k, h);
        }
        return;
    }
    if (!o) o = set_arg(other);
    FOR_EACH(o, k, h, {
        ssize_t j = find(s, k, h);
        if (j >= 0)
            remove_slot(s, (size_t)j);
        else
            add_hashed(s, k, h);
    })
}

/* CPython's set_symmetric_difference: a copy of other, updated with a. */
static set_t *symdiff_any(set_t *a, py_val_t other, py_type_t *t) {
    set_t *r = set_alloc(t);
    update_iter(r, other);
    symdiff_update_any(r, py_obj(a));
    return r;
}

static set_t *s_symdiff(set_t *a, set_t *b, py_type_t *t) { return symdiff_any(a, py_obj(b), t); }

static bool s_subset(set_t *a, set_t *b) {
    if (a->used > b->used) return false;
    FOR_EACH(a, k, h, {
        if (!has(b, k, h)) return false;
    })
    return true;
}

static bool s_disjoint(set_t *a, set_t *b) {
    if (b->used < a->used) {
        set_t *x = a;
        a = b;
        b = x;
    }
    FOR_EACH(a, k, h, {
        if (has(b, k, h)) return false;
    })
    return true;
}

/* in-place forms on a mutable set */
static void s_intersection_update(set_t *s, set_t *o) { swap_in(s, intersection_any(s, py_obj(o), &py_type_set)); }

static void s_difference_update(set_t *s, set_t *o) { difference_update_any(s, py_obj(o)); }

static void s_symdiff_update(set_t *s, set_t *o) { symdiff_update_any(s, py_obj(o)); }

/* ------------------------------------------------------------ slots */

static void print_items(py_sb_t *sb, set_t *s) {
    bool first = true;
    for (size_t i = 0; s->table && i <= s->mask; i++) {
        py_val_t k = s->table[i].key;
        if (k == PY_NULL || k == DUMMY) continue;
        if (!first) py_sb_add(sb, ", ", 2);
        first = false;
        py_print_to(sb, k, PY_PRINT_REPR);
    }
}

/* Sets being printed: an element whose repr prints the set again gives "...". */
#define GUARD_MAX 64
static const set_t *guard[GUARD_MAX];
static int nguard;

static void set_print(py_sb_t *sb, py_val_t self, int kind) {
    set_t *s = as_set(self);
    py_type_t *t = py_type_of(self);
    bool plain = t == &py_type_set;
    if (!s->used) {
        py_sb_adds(sb, t->name);
        py_sb_add(sb, "()", 2);
        return;
    }
    for (int i = 0; i < nguard; i++)
        if (guard[i] == s) {
            py_sb_add(sb, "...", 3);
            return;
        }
    if (!plain) {
        py_sb_adds(sb, t->name);
        py_sb_addc(sb, '(');
    }
    py_sb_addc(sb, '{');
    if (nguard < GUARD_MAX) {
        guard[nguard++] = s;
        py_try_t tr;
        if (py_try(&tr)) {
            print_items(sb, s);
            py_try_end(&tr);
        } else {
            nguard--;
            py_raise(tr.exc);
        }
        nguard--;
    } else {
        print_items(sb, s);
    }
    py_sb_addc(sb, '}');
    if (!plain) py_sb_addc(sb, ')');
}

static py_val_t set_unary(py_unop_t op, py_val_t v) {
    set_t *s = as_set(v);
    switch (op) {
    case PY_UNARY_LEN:
        return py_small((int64_t)s->used);
    case PY_UNARY_BOOL:
        return py_bool(s->used != 0);
    case PY_UNARY_HASH:
        return is_frozen(s) ? py_small(frozen_hash(s)) : PY_NULL; /* set: py_hash raises */
    default:
        return PY_NULL;
    }
}

static py_val_t set_binary(py_binop_t op, py_val_t lhs, py_val_t rhs) {
    set_t *a = as_set(lhs), *b = as_set(rhs);
    if (!a || !b) return PY_NULL;
    if (op >= PY_OP_INPLACE) {
        if (is_frozen(a)) return PY_NULL; /* the runtime falls back to a | b */
        switch ((int)op - PY_OP_INPLACE) {
        case PY_OP_OR:
            update_iter(a, rhs);
            break;
        case PY_OP_AND:
            s_intersection_update(a, b);
            break;
        case PY_OP_SUB:
            s_difference_update(a, b);
            break;
        case PY_OP_XOR:
            s_symdiff_update(a, b);
            break;
        default:
            return PY_NULL;
        }
        return lhs;
    }
    py_type_t *t = base_kind(a);
    set_t *r;
    switch (op) {
    case PY_OP_OR:
        r = s_union(a, b, t);
        break;
    case PY_OP_AND:
        r = s_intersection(a, b, t);
        break;
    case PY_OP_SUB:
        r = s_difference(a, b, t);
        break;
    case PY_OP_XOR:
        r = s_symdiff(a, b, t);
        break;
    default:
        return PY_NULL;
    }
    return py_obj(r);
}

static py_val_t set_compare(py_cmpop_t op, py_val_t self, py_val_t other) {
    set_t *a = as_set(self), *b = as_set(other);
    if (!a || !b) return PY_NULL;
    bool r;
    switch (op) {
    case PY_CMP_EQ:
        r = a->used == b->used && s_subset(a, b);
        break;
    case PY_CMP_NE:
        r = !(a->used == b->used && s_subset(a, b));
        break;
    case PY_CMP_LE:
        r = s_subset(a, b);
        break;
    case PY_CMP_LT:
        r = a->used < b->used && s_subset(a, b);
        break;
    case PY_CMP_GE:
        r = s_subset(b, a);
        break;
    default:
        r = a->used > b->used && s_subset(b, a);
        break;
    }
    return py_bool(r);
}

static int set_contains(py_val_t self, py_val_t item) { return py_set_contains(self, item); }

static void set_trace(py_obj_t *o) {
    set_t *s = (set_t *)o;
    if (!s->table) return;
    py_gc_mark_raw(s->table);
    for (size_t i = 0; i <= s->mask; i++) py_gc_mark(s->table[i].key);
}

/* ------------------------------------------------------------ iterator */

typedef struct {
    py_obj_t h;
    py_val_t set; /* PY_NULL once exhausted */
    size_t pos;
    size_t used;
} siter_t;

static py_val_t siter_next(py_val_t self) {
    siter_t *it = py_as_ptr(self);
    if (py_is_null(it->set)) return PY_NULL;
    set_t *s = as_set(it->set);
    if (s->used != it->used) {
        it->used = (size_t)-1;
        py_raise_msg(&py_type_RuntimeError, "Set changed size during iteration");
    }
    for (size_t i = it->pos; s->table && i <= s->mask; i++) {
        py_val_t k = s->table[i].key;
        if (k == PY_NULL || k == DUMMY) continue;
        it->pos = i + 1;
        return k;
    }
    it->set = PY_NULL;
    return PY_NULL;
}

static py_val_t siter_iter(py_val_t self) { return self; }
static void siter_trace(py_obj_t *o) { py_gc_mark(((siter_t *)o)->set); }

static py_val_t siter_m_next(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t v = siter_next(argv[0]);
    if (py_is_null(v)) py_raise(py_obj(&py_type_StopIteration));
    return v;
}
static py_val_t siter_m_iter(int argc, const py_val_t *argv, py_val_t kw) { return argv[0]; }
static py_val_t siter_m_length_hint(int argc, const py_val_t *argv, py_val_t kw) {
    siter_t *it = py_as_ptr(argv[0]);
    if (py_is_null(it->set)) return py_small(0);
    set_t *s = as_set(it->set);
    size_t n = 0;
    for (size_t i = it->pos; s->table && i <= s->mask; i++)
        n += s->table[i].key != PY_NULL && s->table[i].key != DUMMY;
    return py_small((int64_t)n);
}

static const py_method_def_t siter_methods[] = {
    {"__next__", siter_m_next, 1, 1, 0},
    {"__iter__", siter_m_iter, 1, 1, 0},
    {"__length_hint__", siter_m_length_hint, 1, 1, 0},
    PY_MF_END,
};

static py_type_t siter_type = {
    .h = {&py_type_type},
    .name = "set_iterator",
    .base = &py_type_object,
    .instance_size = sizeof(siter_t),
    .methods = siter_methods,
    .iter = siter_iter,
    .iternext = siter_next,
    .trace = siter_trace,
};

static py_val_t set_iter(py_val_t self) {
    siter_t *it = py_gc_alloc(&siter_type, sizeof(siter_t));
    it->set = self;
    it->used = as_set(self)->used;
    return py_obj(it);
}

/* ------------------------------------------------------------ constructors */

static void no_kwargs(const char *name, py_val_t kwnames) {
    if (!py_is_null(kwnames) && py_as_tuple(kwnames)->len)
        py_raise_msg(&py_type_TypeError, "%s() takes no keyword arguments", name);
}

static py_val_t wrap_subtype(py_type_t *type, set_t *s) {
    if (type == &py_type_set || type == &py_type_frozenset || !(type->flags & PY_TF_HEAP)) return py_obj(s);
    if (type->flags & PY_TF_LAYOUT_NATIVE) {
        py_instance_t *inst = py_gc_alloc(
            type, type->instance_size > sizeof(py_instance_t) ? type->instance_size : sizeof(py_instance_t));
        inst->dict = PY_NULL;
        inst->native = py_obj(s);
        return py_obj(inst);
    }
    char *o = py_gc_alloc(type, type->instance_size);
    memcpy(o + sizeof(py_obj_t), (char *)s + sizeof(py_obj_t), sizeof(set_t) - sizeof(py_obj_t));
    *(py_val_t *)(o + type->dict_offset) = PY_NULL;
    return py_obj(o);
}

static py_val_t set_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    no_kwargs("set", kwnames);
    if (argc > 1) py_raise_msg(&py_type_TypeError, "set expected at most 1 argument, got %d", argc);
    set_t *s = set_alloc(&py_type_set);
    if (argc == 1) update_iter(s, argv[0]);
    return wrap_subtype(type, s);
}

static py_val_t frozenset_make_new(py_type_t *type, int argc, const py_val_t *argv, py_val_t kwnames) {
    no_kwargs("frozenset", kwnames);
    if (argc > 1) py_raise_msg(&py_type_TypeError, "frozenset expected at most 1 argument, got %d", argc);
    if (argc == 1 && py_is_type(argv[0], &py_type_frozenset) && type == &py_type_frozenset) return argv[0];
    set_t *s = set_alloc(&py_type_frozenset);
    if (argc == 1) update_iter(s, argv[0]);
    return wrap_subtype(type, s);
}

static py_type_t *type_arg(const py_val_t *argv, int argc, py_type_t *base, const char *name) {
    if (argc < 1 || !py_is_obj(argv[0]) || !py_is_subtype(py_obj_type(argv[0]), &py_type_type))
        py_raise_msg(&py_type_TypeError, "%s.__new__(X): X is not a type object", name);
    py_type_t *t = (py_type_t *)py_as_ptr(argv[0]);
    if (!py_is_subtype(t, base))
        py_raise_msg(&py_type_TypeError, "%s.__new__(%s): %s is not a subtype of %s", name, t->name, t->name,
                     name);
    return t;
}

static py_val_t m_set_new(int argc, const py_val_t *argv, py_val_t kw) {
    py_type_t *t = type_arg(argv, argc, &py_type_set, "set");
    return wrap_subtype(t, set_alloc(&py_type_set)); /* contents come from __init__ */
}

static py_val_t m_frozenset_new(int argc, const py_val_t *argv, py_val_t kw) {
    py_type_t *t = type_arg(argv, argc, &py_type_frozenset, "frozenset");
    return frozenset_make_new(t, argc - 1, argv + 1, kw);
}

static py_val_t m_init(int argc, const py_val_t *argv, py_val_t kw) {
    no_kwargs("set", kw);
    if (argc > 2) py_raise_msg(&py_type_TypeError, "set expected at most 1 argument, got %d", argc - 1);
    set_t *s = as_set(argv[0]);
    if (argc == 2 && as_set(argv[1]) == s) return PY_NONE;
    clear_set(s);
    if (argc == 2) update_iter(s, argv[1]);
    return PY_NONE;
}

/* ------------------------------------------------------------ methods */

static set_t *self_set(py_val_t v) {
    set_t *s = as_set(v);
    if (!s) py_raise_type_error_arg("set method", "set", v);
    return s;
}

static py_val_t m_add(int argc, const py_val_t *argv, py_val_t kw) {
    set_t *s = self_set(argv[0]);
    add_hashed(s, argv[1], py_key_hash(argv[1]));
    return PY_NONE;
}

static py_val_t m_clear(int argc, const py_val_t *argv, py_val_t kw) {
    clear_set(self_set(argv[0]));
    return PY_NONE;
}

static py_val_t m_copy(int argc, const py_val_t *argv, py_val_t kw) {
    set_t *s = self_set(argv[0]);
    if (py_is_type(argv[0], &py_type_frozenset)) return argv[0];
    return py_obj(copy_as(s, base_kind(s)));
}

static py_val_t m_discard(int argc, const py_val_t *argv, py_val_t kw) {
    set_t *s = self_set(argv[0]);
    uint64_t h;
    py_val_t k = lookup_key(argv[1], &h);
    ssize_t j = find(s, k, h);
    if (j >= 0) remove_slot(s, (size_t)j);
    return PY_NONE;
}

static py_val_t m_remove(int argc, const py_val_t *argv, py_val_t kw) {
    set_t *s = self_set(argv[0]);
    uint64_t h;
    py_val_t k = lookup_key(argv[1], &h);
    ssize_t j = find(s, k, h);
    if (j < 0) py_raise(py_exc_new_args(&py_type_KeyError, 1, &argv[1]));
    remove_slot(s, (size_t)j);
    return PY_NONE;
}

static py_val_t m_pop(int argc, const py_val_t *argv, py_val_t kw) {
    set_t *s = self_set(argv[0]);
    if (!s->used) py_raise_msg(&py_type_KeyError, "pop from an empty set");
    size_t i = s->finger & s->mask;
    while (s->table[i].key == PY_NULL || s->table[i].key == DUMMY) i = (i + 1) & s->mask;
    py_val_t k = s->table[i].key;
    remove_slot(s, i);
    s->finger = i + 1;
    return k;
}

static py_val_t m_union(int argc, const py_val_t *argv, py_val_t kw) {
    set_t *s = self_set(argv[0]);
    set_t *r = copy_as(s, base_kind(s));
    for (int i = 1; i < argc; i++) update_iter(r, argv[i]);
    return py_obj(r);
}

static py_val_t m_update(int argc, const py_val_t *argv, py_val_t kw) {
    set_t *s = self_set(argv[0]);
    for (int i = 1; i < argc; i++) update_iter(s, argv[i]);
    return PY_NONE;
}

static py_val_t m_intersection(int argc, const py_val_t *argv, py_val_t kw) {
    set_t *s = self_set(argv[0]);
    py_type_t *t = base_kind(s);
    if (argc == 1) return py_obj(copy_as(s, t));
    set_t *r = s;
    for (int i = 1; i < argc; i++) r = intersection_any(r, argv[i], t);
    return py_obj(r);
}

static py_val_t m_intersection_update(int argc, const py_val_t *argv, py_val_t kw) {
    set_t *s = self_set(argv[0]);
    for (int i = 1; i < argc; i++) swap_in(s, intersection_any(s, argv[i], &py_type_set));
    return PY_NONE;
}

static py_val_t m_difference(int argc, const py_val_t *argv, py_val_t kw) {
    set_t *s = self_set(argv[0]);
    py_type_t *t = base_kind(s);
    if (argc == 1) return py_obj(copy_as(s, t));
    set_t *r = difference_any(s, argv[1], t);
    for (int i = 2; i < argc; i++) difference_update_any(r, argv[i]);
    return py_obj(r);
}

static py_val_t m_difference_update(int argc, const py_val_t *argv, py_val_t kw) {
    set_t *s = self_set(argv[0]);
    for (int i = 1; i < argc; i++) difference_update_any(s, argv[i]);
    return PY_NONE;
}

static py_val_t m_symmetric_difference(int argc, const py_val_t *argv, py_val_t kw) {
    set_t *s = self_set(argv[0]);
    return py_obj(symdiff_any(s, argv[1], base_kind(s)));
}

static py_val_t m_symmetric_difference_update(int argc, const py_val_t *argv, py_val_t kw) {
    symdiff_update_any(self_set(argv[0]), argv[1]);
    return PY_NONE;
}

static py_val_t m_isdisjoint(int argc, const py_val_t *argv, py_val_t kw) {
    set_t *s = self_set(argv[0]);
    set_t *o = as_set(argv[1]);
    if (o) return py_bool(s_disjoint(s, o));
    py_val_t it = py_iter(argv[1]);
    for (py_val_t v; !py_is_null(v = py_next(it));)
        if (has(s, v, py_key_hash(v))) return PY_FALSE;
    return PY_TRUE;
}

static py_val_t m_issubset(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(s_subset(self_set(argv[0]), set_arg(argv[1])));
}

static py_val_t m_issuperset(int argc, const py_val_t *argv, py_val_t kw) {
    set_t *s = self_set(argv[0]);
    set_t *o = as_set(argv[1]);
    if (o) return py_bool(s_subset(o, s));
    py_val_t it = py_iter(argv[1]);
    for (py_val_t v; !py_is_null(v = py_next(it));)
        if (!has(s, v, py_key_hash(v))) return PY_FALSE;
    return PY_TRUE;
}

static py_val_t m_contains(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(py_set_contains(argv[0], argv[1]));
}
static py_val_t m_len(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small((int64_t)self_set(argv[0])->used);
}
static py_val_t m_iter(int argc, const py_val_t *argv, py_val_t kw) { return set_iter(argv[0]); }
SLOT_REPR(m_repr, set_print)
static py_val_t m_hash(int argc, const py_val_t *argv, py_val_t kw) {
    set_t *s = self_set(argv[0]);
    if (!is_frozen(s)) py_raise_msg(&py_type_TypeError, "unhashable type: '%s'", py_type_name(argv[0]));
    return py_small(frozen_hash(s));
}
static py_val_t m_class_getitem(int argc, const py_val_t *argv, py_val_t kw) { return argv[0]; }

SLOT_SET_OPS(m, set_binary)
SLOT_BINOP(m_ior, set_binary, PY_OP_OR + PY_OP_INPLACE)
SLOT_BINOP(m_iand, set_binary, PY_OP_AND + PY_OP_INPLACE)
SLOT_BINOP(m_isub, set_binary, PY_OP_SUB + PY_OP_INPLACE)
SLOT_BINOP(m_ixor, set_binary, PY_OP_XOR + PY_OP_INPLACE)
SLOT_COMPARES(m, set_compare)

#define COMMON_DEFS                                                                                          \
    {"copy", m_copy, 1, 1, 0}, {"difference", m_difference, 1, -1, 0},                                       \
        {"intersection", m_intersection, 1, -1, 0}, {"isdisjoint", m_isdisjoint, 2, 2, 0},                   \
        {"issubset", m_issubset, 2, 2, 0}, {"issuperset", m_issuperset, 2, 2, 0},                            \
        {"symmetric_difference", m_symmetric_difference, 2, 2, 0}, {"union", m_union, 1, -1, 0},             \
        {"__contains__", m_contains, 2, 2, 0}, {"__len__", m_len, 1, 1, 0}, {"__iter__", m_iter, 1, 1, 0},   \
        {"__repr__", m_repr, 1, 1, 0}, SLOT_SET_OP_DEFS(m), SLOT_COMPARE_DEFS(m),                            \
        {"__class_getitem__", m_class_getitem, 2, 2, PY_MF_CLASS}

static const py_method_def_t set_methods[] = {
    COMMON_DEFS,
    {"__new__", m_set_new, 1, -1, PY_MF_STATIC | PY_MF_KW},
    {"__init__", m_init, 1, -1, PY_MF_KW},
    {"add", m_add, 2, 2, 0},
    {"clear", m_clear, 1, 1, 0},
    {"discard", m_discard, 2, 2, 0},
    {"remove", m_remove, 2, 2, 0},
    {"pop", m_pop, 1, 1, 0},
    {"update", m_update, 1, -1, 0},
    {"intersection_update", m_intersection_update, 1, -1, 0},
    {"difference_update", m_difference_update, 1, -1, 0},
    {"symmetric_difference_update", m_symmetric_difference_update, 2, 2, 0},
    {"__ior__", m_ior, 2, 2, 0},
    {"__iand__", m_iand, 2, 2, 0},
    {"__isub__", m_isub, 2, 2, 0},
    {"__ixor__", m_ixor, 2, 2, 0},
    PY_MF_END,
};

static const py_method_def_t frozenset_methods[] = {
    COMMON_DEFS,
    {"__new__", m_frozenset_new, 1, -1, PY_MF_STATIC | PY_MF_KW},
    {"__hash__", m_hash, 1, 1, 0},
    PY_MF_END,
};

/* set and frozenset differ only in name, methods and constructor. */
#define SET_TYPE(pyname, meths, make_new_fn)                                                                 \
    {                                                                                                        \
        .h = {&py_type_type}, .name = pyname, .flags = PY_TF_BASETYPE, .base = &py_type_object,              \
        .instance_size = sizeof(set_t), .methods = meths, .make_new = make_new_fn, .print = set_print,       \
        .unary = set_unary, .binary = set_binary, .compare = set_compare, .iter = set_iter,                  \
        .contains = set_contains, .trace = set_trace,                                                        \
    }
py_type_t py_type_set = SET_TYPE("set", set_methods, set_make_new);
py_type_t py_type_frozenset = SET_TYPE("frozenset", frozenset_methods, frozenset_make_new);
#undef SET_TYPE
