/* mod_random.c: the random module.
 *
 * Generator: xoshiro256** (Blackman and Vigna's published algorithm,
 * written here from its description), its 256-bit state filled from the
 * seed by splitmix64 so that every seed, including 0, gives a good state.
 * A given seed produces the same sequence on every host (all arithmetic is
 * on fixed-width unsigned integers).  seed(None) and the initial state come
 * from /dev/urandom, or the clock when that is unavailable.
 *
 * Integers in a range are drawn without bias by rejection: take just enough
 * random bits for the width and retry when the value is too big (CPython's
 * method, so at most 2 draws on average).  Ranges wider than 64 bits use
 * Python ints built from 32-bit chunks. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "py/objcore.h"
#include "py/runtime.h"

static uint64_t st[4];

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t next64(void) {
    uint64_t r = rotl(st[1] * 5, 7) * 9;
    uint64_t t = st[1] << 17;
    st[2] ^= st[0];
    st[3] ^= st[1];
    st[1] ^= st[2];
    st[0] ^= st[3];
    st[2] ^= t;
    st[3] = rotl(st[3], 45);
    return r;
}

static uint64_t splitmix(uint64_t *x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static void seed_u64(uint64_t s) {
    for (int i = 0; i < 4; i++) st[i] = splitmix(&s);
}

static void seed_from_os(void) {
    uint64_t s = 0;
    FILE *f = fopen("/dev/urandom", "rb");
    if (!f || fread(&s, sizeof s, 1, f) != 1) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        s = (uint64_t)ts.tv_sec * 1000000007ull ^ (uint64_t)ts.tv_nsec ^ (uint64_t)(uintptr_t)&s;
    }
    if (f) fclose(f);
    seed_u64(s);
}

/* A uniform value in [0, n) for 0 < n, by rejection on the bit width of n-1. */
static uint64_t below_u64(uint64_t n) {
    if (n <= 1) return 0;
    int bits = 64 - __builtin_clzll(n - 1);
    for (;;) {
        uint64_t r = next64() >> (64 - bits);
        if (r < n) return r;
    }
}

/* k random bits as a Python int (k >= 0, any size). */
static py_val_t randbits(int64_t k) {
    if (k <= 64) return py_int_from_u64(k == 0 ? 0 : next64() >> (64 - k));
    py_val_t r = py_small(0);
    int64_t done = 0;
    while (done < k) {
        int chunk = k - done >= 32 ? 32 : (int)(k - done);
        py_val_t part = py_int_from_u64((next64() >> 32) >> (32 - chunk));
        r = py_binary(PY_OP_OR, r, py_binary(PY_OP_LSHIFT, part, py_int_from_i64(done)));
        done += chunk;
    }
    return r;
}

static int64_t bit_length(py_val_t n) {
    return py_to_i64(py_call_method(n, py_intern("bit_length"), 0, NULL));
}

/* A uniform int in [0, n) for a positive Python int n. */
static py_val_t below(py_val_t n) {
    if (py_is_small(n)) return py_small((int64_t)below_u64((uint64_t)py_as_small(n)));
    int64_t k = bit_length(n);
    for (;;) {
        py_val_t r = randbits(k);
        if (py_lt(r, n)) return r;
    }
}

static double random01(void) { return (double)(next64() >> 11) * (1.0 / 9007199254740992.0); }

static py_val_t int_arg(py_val_t v) {
    if (py_is_int(v)) return py_unwrap_native(v);
    if (py_is_float(v) && py_as_float(v) == (double)(int64_t)py_as_float(v))
        return py_int_from_double(py_as_float(v));
    py_raise_msg(&py_type_TypeError, "'%s' object cannot be interpreted as an integer", py_type_name(v));
}

/* ------------------------------------------------------------ functions */

static py_val_t r_seed(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc == 0 || py_is_none(argv[0])) {
        seed_from_os();
        return PY_NONE;
    }
    py_val_t a = argv[0];
    uint64_t s;
    if (py_is_int(a)) {
        a = py_unary(PY_UNARY_ABS, py_unwrap_native(a));
        /* fold the magnitude in 32-bit chunks (each fits a small int) */
        s = 0;
        py_val_t mask = py_small(0xffffffff);
        bool first = true;
        do {
            uint64_t limb = (uint64_t)py_as_small(py_binary(PY_OP_AND, a, mask));
            s = first ? limb : splitmix(&s) ^ limb;
            first = false;
            a = py_binary(PY_OP_RSHIFT, a, py_small(32));
        } while (py_truthy(a));
    } else if (py_is_str(a) || py_is_instance(a, &py_type_bytes) || py_is_instance(a, &py_type_bytearray)) {
        py_buf_t b;
        const unsigned char *p;
        size_t n;
        if (py_is_str(a)) {
            a = py_unwrap_native(a);
            p = (const unsigned char *)py_str_data(a);
            n = py_str_len(a);
        } else {
            py_get_buffer(a, &b, 0);
            p = b.data;
            n = b.len;
        }
        s = 0xcbf29ce484222325ull; /* FNV-1a: stable across runs, unlike hash() */
        for (size_t i = 0; i < n; i++) s = (s ^ p[i]) * 0x100000001b3ull;
    } else if (py_is_float(a)) {
        double d = py_as_float(a);
        memcpy(&s, &d, sizeof s);
    } else {
        py_raise_msg(&py_type_TypeError,
                     "The only supported seed types are: None, int, float, str, bytes, and bytearray.");
    }
    seed_u64(s);
    return PY_NONE;
}

static py_val_t r_getrandbits(int argc, const py_val_t *argv, py_val_t kw) {
    int64_t k = py_to_i64(int_arg(argv[0]));
    if (k < 0) py_raise_msg(&py_type_ValueError, "number of bits must be non-negative");
    return randbits(k);
}

static py_val_t r_random(int argc, const py_val_t *argv, py_val_t kw) { return py_float(random01()); }

static py_val_t r_uniform(int argc, const py_val_t *argv, py_val_t kw) {
    double a = py_to_double(argv[0]), b = py_to_double(argv[1]);
    return py_float(a + (b - a) * random01());
}

static py_val_t randrange(py_val_t start, py_val_t stop, py_val_t step) {
    if (py_is_small(start) && py_is_small(stop) && py_is_small(step)) {
        int64_t a = py_as_small(start), b = py_as_small(stop), s = py_as_small(step);
        if (s == 0) py_raise_msg(&py_type_ValueError, "zero step for randrange()");
        int64_t n = s > 0 ? (b - a + s - 1) / s : (b - a + s + 1) / s;
        if (n <= 0) py_raise_msg(&py_type_ValueError, "empty range for randrange()");
        return py_int_from_i64(a + s * (int64_t)below_u64((uint64_t)n));
    }
    /* general case with Python ints */
    if (!py_truthy(step)) py_raise_msg(&py_type_ValueError, "zero step for randrange()");
    py_val_t width = py_binary(PY_OP_SUB, stop, start);
    py_val_t n = py_lt(py_small(0), step)
                     ? py_binary(PY_OP_FLOORDIV,
                                 py_binary(PY_OP_SUB, py_binary(PY_OP_ADD, width, step), py_small(1)), step)
                     : py_binary(PY_OP_FLOORDIV,
                                 py_binary(PY_OP_ADD, py_binary(PY_OP_ADD, width, step), py_small(1)), step);
    if (!py_lt(py_small(0), n)) py_raise_msg(&py_type_ValueError, "empty range for randrange()");
    return py_binary(PY_OP_ADD, start, py_binary(PY_OP_MUL, step, below(n)));
}

static py_val_t r_randrange(int argc, const py_val_t *argv, py_val_t kw) {
    if (argc == 1) {
        py_val_t stop = int_arg(argv[0]);
        if (!py_lt(py_small(0), stop)) py_raise_msg(&py_type_ValueError, "empty range for randrange()");
        return below(stop);
    }
    return randrange(int_arg(argv[0]), int_arg(argv[1]), argc > 2 ? int_arg(argv[2]) : py_small(1));
}

static py_val_t r_randint(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t a = int_arg(argv[0]), b = int_arg(argv[1]);
    if (py_lt(b, a)) py_raise_msg(&py_type_ValueError, "empty range for randrange()");
    return randrange(a, py_binary(PY_OP_ADD, b, py_small(1)), py_small(1));
}

static py_val_t r_choice(int argc, const py_val_t *argv, py_val_t kw) {
    size_t n = py_len(argv[0]);
    if (n == 0) py_raise_msg(&py_type_IndexError, "Cannot choose from an empty sequence");
    size_t len;
    py_val_t *items;
    uint64_t i = below_u64(n);
    if (py_seq_items(argv[0], &len, &items) && i < len) return items[i];
    return py_getitem(argv[0], py_int_from_u64(i));
}

static py_val_t r_shuffle(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t x = argv[0];
    size_t n = py_len(x);
    if (py_is_instance(x, &py_type_list)) {
        py_list_t *l = py_as_list(x);
        for (size_t i = n; i-- > 1;) {
            size_t j = (size_t)below_u64(i + 1);
            if (l->len != n) py_raise_msg(&py_type_RuntimeError, "list changed size during shuffle");
            py_val_t t = l->items[i];
            l->items[i] = l->items[j];
            l->items[j] = t;
        }
        return PY_NONE;
    }
    for (size_t i = n; i-- > 1;) {
        py_val_t j = py_int_from_u64(below_u64(i + 1)), vi = py_int_from_u64(i);
        py_val_t a = py_getitem(x, vi), b = py_getitem(x, j);
        py_setitem(x, vi, b);
        py_setitem(x, j, a);
    }
    return PY_NONE;
}

/* sample(population, k): k distinct positions by a partial Fisher-Yates shuffle of a copy. */
static py_val_t r_sample(int argc, const py_val_t *argv, py_val_t kwnames) {
    py_val_t kv = py_kwarg(argc, argv, kwnames, "k", argc > 1 ? argv[1] : PY_NULL);
    if (py_is_null(kv))
        py_raise_msg(&py_type_TypeError, "sample() missing 1 required positional argument: 'k'");
    py_val_t pop = argv[0];
    if (py_is_instance(pop, &py_type_set) || py_is_instance(pop, &py_type_dict) ||
        py_is_instance(pop, &py_type_frozenset))
        py_raise_msg(&py_type_TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    py_val_t pool = py_list_from_iter(pop);
    int64_t k = py_to_i64(int_arg(kv));
    size_t n = py_as_list(pool)->len;
    if (k < 0 || (uint64_t)k > n)
        py_raise_msg(&py_type_ValueError, "Sample larger than population or is negative");
    py_list_t *l = py_as_list(pool);
    for (size_t i = 0; i < (size_t)k; i++) {
        size_t j = i + (size_t)below_u64(n - i);
        py_val_t t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
    l->len = (size_t)k;
    return pool;
}

static const py_method_def_t random_functions[] = {
    {"seed", r_seed, 0, 1, 0},
    {"getrandbits", r_getrandbits, 1, 1, 0},
    {"random", r_random, 0, 0, 0},
    {"uniform", r_uniform, 2, 2, 0},
    {"randrange", r_randrange, 1, 3, 0},
    {"randint", r_randint, 2, 2, 0},
    {"choice", r_choice, 1, 1, 0},
    {"shuffle", r_shuffle, 1, 1, 0},
    {"sample", r_sample, 1, 2, PY_MF_KW},
    PY_MF_END,
};

static void random_init(py_val_t module) {
    static bool seeded;
    if (!seeded) seed_from_os();
    seeded = true;
}

const py_module_def_t py_module_random = {"random", random_functions, random_init};
