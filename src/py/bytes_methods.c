/* bytes_methods.c: the methods bytes and bytearray share (find, split,
 * strip, hex, the is* tests ...) and the dunders both expose for explicit
 * calls.  The method table entries come from PY_BYTES_COMMON_METHODS in
 * bytes_shared.h, so each type's table lists them once.
 *
 * Every method reads self through py_bytes_self (bytes, bytearray or an
 * instance of a subclass) and builds its results with the kind of self:
 * bytes in, bytes out; bytearray in, bytearray out.  Character classes are
 * ASCII only, as in CPython.  Arguments that must be bytes-like accept any
 * buffer (memoryview, array) through py_bytes_arg.  Where a result equals
 * an exact bytes self, self is returned instead of a copy.
 */
#include <string.h>

#include "bytes_shared.h"

/* ------------------------------------------------------------ helpers */

static inline bool is_space(uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline bool is_lower(uint8_t c) { return c >= 'a' && c <= 'z'; }
static inline bool is_upper(uint8_t c) { return c >= 'A' && c <= 'Z'; }
static inline bool is_alpha(uint8_t c) { return is_lower(c) || is_upper(c); }
static inline bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }
static inline uint8_t to_lower(uint8_t c) { return is_upper(c) ? (uint8_t)(c + 32) : c; }
static inline uint8_t to_upper(uint8_t c) { return is_lower(c) ? (uint8_t)(c - 32) : c; }

/* A slice [start, start+len) of self as a result of `kind`. */
static py_val_t sub_result(int kind, py_val_t self, const uint8_t *p, size_t n, size_t start, size_t len) {
    if (kind == PY_BK_BYTES && start == 0 && len == n && py_is_type(self, &py_type_bytes)) return self;
    return py_bytes_make(kind, p + start, len);
}

/* Rejects keyword names not in `allowed` (NULL-terminated). */
static void check_kw(const char *func, py_val_t kw, const char *const *allowed) {
    if (py_is_null(kw)) return;
    py_tuple_t *k = py_as_tuple(kw);
    for (size_t i = 0; i < k->len; i++) {
        const char *name = py_str_data(k->items[i]);
        bool ok = false;
        for (const char *const *a = allowed; *a && !ok; a++) ok = !strcmp(*a, name);
        if (!ok) py_raise_msg(&py_type_TypeError, "%s() got an unexpected keyword argument '%s'", func, name);
    }
}

/* Positional argument i, else keyword `name`, else PY_NULL. */
static py_val_t arg_or_kw(int argc, const py_val_t *argv, py_val_t kw, int i, const char *name) {
    if (i < argc) return argv[i];
    return py_kwarg(argc, argv, kw, name, PY_NULL);
}

/* start/end arguments of find, count ...: None or an int, clamped as slices are. */
static void range_args(int argc, const py_val_t *argv, int at, size_t n, size_t *s, size_t *e) {
    int64_t lo = 0, hi = (int64_t)n;
    if (argc > at && !py_is_none(argv[at])) {
        lo = py_to_i64(argv[at]);
        if (lo < 0) lo = lo + (int64_t)n < 0 ? 0 : lo + (int64_t)n;
    }
    if (argc > at + 1 && !py_is_none(argv[at + 1])) {
        hi = py_to_i64(argv[at + 1]);
        if (hi < 0)
            hi = hi + (int64_t)n < 0 ? 0 : hi + (int64_t)n;
        else if (hi > (int64_t)n)
            hi = (int64_t)n;
    }
    *s = (size_t)lo; /* may exceed n: callers check */
    *e = (size_t)hi;
}

/* The needle of find/count/index/in: an int (one byte) or any buffer. */
static void needle(py_val_t v, const uint8_t **q, size_t *m, uint8_t *one) {
    if (py_bytes_view(v, q, m) != PY_BK_NONE) return;
    if (py_is_small(v) || (!py_is_float(v) && py_bytes_is_index(v))) {
        *one = py_bytes_byte_value(v);
        *q = one;
        *m = 1;
        return;
    }
    if (!py_is_obj(v) || !py_type_of(v)->buffer)
        py_raise_msg(&py_type_TypeError, "argument should be integer or bytes-like object, not '%s'",
                     py_type_name(v));
    py_bytes_arg(v, q, m);
}

static ssize_t find_fwd(const uint8_t *p, size_t s, size_t e, const uint8_t *q, size_t m) {
    if (s > e || e - s < m) return -1;
    if (m == 0) return (ssize_t)s;
    const uint8_t *r = m == 1 ? memchr(p + s, q[0], e - s) : memmem(p + s, e - s, q, m);
    return r ? (ssize_t)(r - p) : -1;
}

static ssize_t find_rev(const uint8_t *p, size_t s, size_t e, const uint8_t *q, size_t m) {
    if (s > e || e - s < m) return -1;
    if (m == 0) return (ssize_t)e;
    if (m == 1) {
        const uint8_t *r = memrchr(p + s, q[0], e - s);
        return r ? (ssize_t)(r - p) : -1;
    }
    for (size_t i = e - m + 1; i-- > s;)
        if (p[i] == q[0] && memcmp(p + i, q, m) == 0) return (ssize_t)i;
    return -1;
}

static ssize_t do_find(int argc, const py_val_t *argv, bool rev) {
    const uint8_t *p, *q;
    size_t n, m, s, e;
    uint8_t one;
    py_bytes_self(argv[0], &p, &n);
    range_args(argc, argv, 2, n, &s, &e); /* CPython checks start/end before the needle */
    needle(argv[1], &q, &m, &one);
    if (s > n) return -1;
    return rev ? find_rev(p, s, e, q, m) : find_fwd(p, s, e, q, m);
}

/* ------------------------------------------------------------ searching */

py_val_t py_bm_find(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small(do_find(argc, argv, false));
}
py_val_t py_bm_rfind(int argc, const py_val_t *argv, py_val_t kw) {
    return py_small(do_find(argc, argv, true));
}

py_val_t py_bm_index(int argc, const py_val_t *argv, py_val_t kw) {
    ssize_t r = do_find(argc, argv, false);
    if (r < 0) py_raise_msg(&py_type_ValueError, "subsection not found");
    return py_small(r);
}

py_val_t py_bm_rindex(int argc, const py_val_t *argv, py_val_t kw) {
    ssize_t r = do_find(argc, argv, true);
    if (r < 0) py_raise_msg(&py_type_ValueError, "subsection not found");
    return py_small(r);
}

py_val_t py_bm_count(int argc, const py_val_t *argv, py_val_t kw) {
    const uint8_t *p, *q;
    size_t n, m, s, e;
    uint8_t one;
    py_bytes_self(argv[0], &p, &n);
    range_args(argc, argv, 2, n, &s, &e); /* CPython checks start/end before the needle */
    needle(argv[1], &q, &m, &one);
    if (s > n || s > e) return py_small(0);
    if (m == 0) return py_small((int64_t)(e - s + 1));
    int64_t c = 0;
    if (m == 1) {
        for (size_t i = s; i < e; i++) c += p[i] == q[0];
        return py_small(c);
    }
    for (size_t i = s; e - i >= m;) {
        const uint8_t *r = memmem(p + i, e - i, q, m);
        if (!r) break;
        c++;
        i = (size_t)(r - p) + m;
    }
    return py_small(c);
}

static py_val_t affix_match(int argc, const py_val_t *argv, bool end, const char *func) {
    const uint8_t *p, *q;
    size_t n, m, s, e;
    py_bytes_self(argv[0], &p, &n);
    range_args(argc, argv, 2, n, &s, &e);
    py_val_t pre = argv[1];
    size_t count = 1;
    py_val_t *items = &pre;
    bool tuple = py_is_instance(pre, &py_type_tuple);
    if (tuple) {
        py_tuple_t *t = py_as_tuple(py_unwrap_native(pre));
        count = t->len;
        items = t->items;
    }
    for (size_t i = 0; i < count; i++) {
        py_val_t x = items[i];
        if (!py_is_obj(x) || !py_type_of(x)->buffer) {
            if (tuple)
                py_raise_msg(&py_type_TypeError, "a bytes-like object is required, not '%s'",
                             py_type_name(x));
            py_raise_msg(&py_type_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", func,
                         py_type_name(x));
        }
        py_bytes_arg(x, &q, &m);
        if (s > n || s > e || e - s < m) continue;
        if (m == 0 || memcmp(end ? p + e - m : p + s, q, m) == 0) return PY_TRUE;
    }
    return PY_FALSE;
}

py_val_t py_bm_startswith(int argc, const py_val_t *argv, py_val_t kw) {
    return affix_match(argc, argv, false, "startswith");
}
py_val_t py_bm_endswith(int argc, const py_val_t *argv, py_val_t kw) {
    return affix_match(argc, argv, true, "endswith");
}

/* ------------------------------------------------------------ classification */

#define CLASSIFY(name, empty, test_all)                                                                      \
    py_val_t py_bm_##name(int argc, const py_val_t *argv, py_val_t kw) {                                     \
        const uint8_t *p;                                                                                    \
        size_t n;                                                                                            \
        py_bytes_self(argv[0], &p, &n);                                                                      \
        if (n == 0) return py_bool(empty);                                                                   \
        for (size_t i = 0; i < n; i++) {                                                                     \
            uint8_t c = p[i];                                                                                \
            if (!(test_all)) return PY_FALSE;                                                                \
        }                                                                                                    \
        return PY_TRUE;                                                                                      \
    }

CLASSIFY(isalnum, false, is_alpha(c) || is_digit(c))
CLASSIFY(isalpha, false, is_alpha(c))
CLASSIFY(isascii, true, c < 0x80)
CLASSIFY(isdigit, false, is_digit(c))
CLASSIFY(isspace, false, is_space(c))

/* islower/isupper: no cased byte of the other case, and at least one cased. */
static py_val_t case_test(const py_val_t *argv, bool upper) {
    const uint8_t *p;
    size_t n;
    py_bytes_self(argv[0], &p, &n);
    bool cased = false;
    for (size_t i = 0; i < n; i++) {
        if (upper ? is_lower(p[i]) : is_upper(p[i])) return PY_FALSE;
        cased |= upper ? is_upper(p[i]) : is_lower(p[i]);
    }
    return py_bool(cased);
}

py_val_t py_bm_islower(int argc, const py_val_t *argv, py_val_t kw) { return case_test(argv, false); }
py_val_t py_bm_isupper(int argc, const py_val_t *argv, py_val_t kw) { return case_test(argv, true); }

py_val_t py_bm_istitle(int argc, const py_val_t *argv, py_val_t kw) {
    const uint8_t *p;
    size_t n;
    py_bytes_self(argv[0], &p, &n);
    bool cased = false, prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (is_upper(c)) {
            if (prev_cased) return PY_FALSE;
            prev_cased = cased = true;
        } else if (is_lower(c)) {
            if (!prev_cased) return PY_FALSE;
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return py_bool(cased);
}

/* ------------------------------------------------------------ case mapping */

enum { MAP_LOWER, MAP_UPPER, MAP_SWAP, MAP_CAPITALIZE, MAP_TITLE };

static py_val_t case_map(const py_val_t *argv, int how) {
    const uint8_t *p;
    size_t n;
    int kind = py_bytes_self(argv[0], &p, &n);
    py_val_t r;
    uint8_t *d = py_bytes_make_uninit(kind, n, &r);
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        switch (how) {
        case MAP_LOWER:
            c = to_lower(c);
            break;
        case MAP_UPPER:
            c = to_upper(c);
            break;
        case MAP_SWAP:
            c = is_lower(c) ? to_upper(c) : to_lower(c);
            break;
        case MAP_CAPITALIZE:
            c = i == 0 ? to_upper(c) : to_lower(c);
            break;
        default:
            c = prev_cased ? to_lower(c) : to_upper(c);
            prev_cased = is_alpha(c);
            break;
        }
        d[i] = c;
    }
    return r;
}

py_val_t py_bm_lower(int argc, const py_val_t *argv, py_val_t kw) { return case_map(argv, MAP_LOWER); }
py_val_t py_bm_upper(int argc, const py_val_t *argv, py_val_t kw) { return case_map(argv, MAP_UPPER); }
py_val_t py_bm_swapcase(int argc, const py_val_t *argv, py_val_t kw) { return case_map(argv, MAP_SWAP); }
py_val_t py_bm_capitalize(int argc, const py_val_t *argv, py_val_t kw) {
    return case_map(argv, MAP_CAPITALIZE);
}
py_val_t py_bm_title(int argc, const py_val_t *argv, py_val_t kw) { return case_map(argv, MAP_TITLE); }

/* ------------------------------------------------------------ padding */

static uint8_t fill_arg(int argc, const py_val_t *argv, const char *func) {
    if (argc < 3) return ' ';
    const uint8_t *q;
    size_t m;
    if (py_bytes_view(argv[2], &q, &m) == PY_BK_NONE || m != 1)
        py_raise_msg(&py_type_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", func,
                     py_type_name(argv[2]));
    return q[0];
}

static py_val_t pad(int argc, const py_val_t *argv, const char *func,
                    int align /* -1 left, 0 center, 1 right */) {
    const uint8_t *p;
    size_t n;
    int kind = py_bytes_self(argv[0], &p, &n);
    int64_t w = py_to_i64(argv[1]);
    uint8_t fill = fill_arg(argc, argv, func);
    if (w <= (int64_t)n) return sub_result(kind, argv[0], p, n, 0, n);
    size_t total = (size_t)w, padn = total - n, left;
    if (align < 0)
        left = 0;
    else if (align > 0)
        left = padn;
    else
        left = padn / 2 + (padn & total & 1); /* CPython's rounding for center */
    py_val_t r;
    uint8_t *d = py_bytes_make_uninit(kind, total, &r);
    memset(d, fill, left);
    if (n) memcpy(d + left, p, n);
    memset(d + left + n, fill, padn - left);
    return r;
}

py_val_t py_bm_ljust(int argc, const py_val_t *argv, py_val_t kw) { return pad(argc, argv, "ljust", -1); }
py_val_t py_bm_rjust(int argc, const py_val_t *argv, py_val_t kw) { return pad(argc, argv, "rjust", 1); }
py_val_t py_bm_center(int argc, const py_val_t *argv, py_val_t kw) { return pad(argc, argv, "center", 0); }

py_val_t py_bm_zfill(int argc, const py_val_t *argv, py_val_t kw) {
    const uint8_t *p;
    size_t n;
    int kind = py_bytes_self(argv[0], &p, &n);
    int64_t w = py_to_i64(argv[1]);
    if (w <= (int64_t)n) return sub_result(kind, argv[0], p, n, 0, n);
    size_t total = (size_t)w, padn = total - n;
    py_val_t r;
    uint8_t *d = py_bytes_make_uninit(kind, total, &r);
    memset(d, '0', padn);
    if (n) memcpy(d + padn, p, n);
    if (n && (p[0] == '+' || p[0] == '-')) {
        d[0] = p[0];
        d[padn] = '0';
    }
    return r;
}

py_val_t py_bm_expandtabs(int argc, const py_val_t *argv, py_val_t kw) {
    static const char *const allowed[] = {"tabsize", NULL};
    check_kw("expandtabs", kw, allowed);
    const uint8_t *p;
    size_t n;
    int kind = py_bytes_self(argv[0], &p, &n);
    py_val_t ts = arg_or_kw(argc, argv, kw, 1, "tabsize");
    int64_t tab = py_is_null(ts) ? 8 : py_to_i64(ts);
    /* first pass: the length */
    size_t total = 0, col = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\t') {
            if (tab > 0) {
                size_t add = (size_t)tab - col % (size_t)tab;
                total += add;
                col += add;
            }
        } else {
            total++;
            col = p[i] == '\n' || p[i] == '\r' ? 0 : col + 1;
        }
    }
    py_val_t r;
    uint8_t *d = py_bytes_make_uninit(kind, total, &r);
    size_t o = 0;
    col = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\t') {
            if (tab > 0) {
                size_t add = (size_t)tab - col % (size_t)tab;
                memset(d + o, ' ', add);
                o += add;
                col += add;
            }
        } else {
            d[o++] = p[i];
            col = p[i] == '\n' || p[i] == '\r' ? 0 : col + 1;
        }
    }
    return r;
}

/* ------------------------------------------------------------ strip, affixes */

static py_val_t strip(int argc, const py_val_t *argv, bool left, bool right) {
    const uint8_t *p;
    size_t n;
    int kind = py_bytes_self(argv[0], &p, &n);
    size_t s = 0, e = n;
    if (argc < 2 || py_is_none(argv[1])) {
        if (left)
            while (s < e && is_space(p[s])) s++;
        if (right)
            while (e > s && is_space(p[e - 1])) e--;
    } else {
        const uint8_t *q;
        size_t m;
        py_bytes_arg(argv[1], &q, &m);
        bool set[256] = {false};
        for (size_t i = 0; i < m; i++) set[q[i]] = true;
        if (left)
            while (s < e && set[p[s]]) s++;
        if (right)
            while (e > s && set[p[e - 1]]) e--;
    }
    return sub_result(kind, argv[0], p, n, s, e - s);
}

py_val_t py_bm_strip(int argc, const py_val_t *argv, py_val_t kw) { return strip(argc, argv, true, true); }
py_val_t py_bm_lstrip(int argc, const py_val_t *argv, py_val_t kw) { return strip(argc, argv, true, false); }
py_val_t py_bm_rstrip(int argc, const py_val_t *argv, py_val_t kw) { return strip(argc, argv, false, true); }

py_val_t py_bm_removeprefix(int argc, const py_val_t *argv, py_val_t kw) {
    const uint8_t *p, *q;
    size_t n, m;
    int kind = py_bytes_self(argv[0], &p, &n);
    py_bytes_arg(argv[1], &q, &m);
    if (m && m <= n && memcmp(p, q, m) == 0) return py_bytes_make(kind, p + m, n - m);
    return sub_result(kind, argv[0], p, n, 0, n);
}

py_val_t py_bm_removesuffix(int argc, const py_val_t *argv, py_val_t kw) {
    const uint8_t *p, *q;
    size_t n, m;
    int kind = py_bytes_self(argv[0], &p, &n);
    py_bytes_arg(argv[1], &q, &m);
    if (m && m <= n && memcmp(p + n - m, q, m) == 0) return py_bytes_make(kind, p, n - m);
    return sub_result(kind, argv[0], p, n, 0, n);
}

/* ------------------------------------------------------------ split, partition */

static py_val_t partition(const py_val_t *argv, bool rev) {
    const uint8_t *p, *q;
    size_t n, m;
    int kind = py_bytes_self(argv[0], &p, &n);
    py_bytes_arg(argv[1], &q, &m);
    if (m == 0) py_raise_msg(&py_type_ValueError, "empty separator");
    ssize_t at = rev ? find_rev(p, 0, n, q, m) : find_fwd(p, 0, n, q, m);
    py_val_t r = py_tuple_new(3);
    py_tuple_t *t = py_as_tuple(r);
    if (at < 0) {
        py_val_t whole = sub_result(kind, argv[0], p, n, 0, n);
        t->items[rev ? 2 : 0] = whole;
        t->items[1] = py_bytes_make(kind, NULL, 0);
        t->items[rev ? 0 : 2] = py_bytes_make(kind, NULL, 0);
        return r;
    }
    size_t a = (size_t)at;
    t->items[0] = py_bytes_make(kind, p, a);
    t->items[1] =
        kind == PY_BK_BYTES && py_is_type(argv[1], &py_type_bytes) ? argv[1] : py_bytes_make(kind, q, m);
    t->items[2] = py_bytes_make(kind, p + a + m, n - a - m);
    return r;
}

py_val_t py_bm_partition(int argc, const py_val_t *argv, py_val_t kw) { return partition(argv, false); }
py_val_t py_bm_rpartition(int argc, const py_val_t *argv, py_val_t kw) { return partition(argv, true); }

static py_val_t split(int argc, const py_val_t *argv, py_val_t kw, bool rev) {
    static const char *const allowed[] = {"sep", "maxsplit", NULL};
    check_kw(rev ? "rsplit" : "split", kw, allowed);
    const uint8_t *p, *q = NULL;
    size_t n, m = 0;
    int kind = py_bytes_self(argv[0], &p, &n);
    py_val_t sepv = arg_or_kw(argc, argv, kw, 1, "sep");
    py_val_t maxv = arg_or_kw(argc, argv, kw, 2, "maxsplit");
    int64_t maxsplit = py_is_null(maxv) ? -1 : py_to_i64(maxv);
    if (maxsplit < 0) maxsplit = INT64_MAX;
    bool ws = py_is_null(sepv) || py_is_none(sepv);
    if (!ws) {
        py_bytes_arg(sepv, &q, &m);
        if (m == 0) py_raise_msg(&py_type_ValueError, "empty separator");
    }
    py_val_t list = py_list_new(0);
    if (ws) {
        if (!rev) {
            size_t i = 0;
            while (true) {
                while (i < n && is_space(p[i])) i++;
                if (i >= n) break;
                size_t j = i;
                if (maxsplit-- <= 0) {
                    py_list_append(list, sub_result(kind, argv[0], p, n, i, n - i));
                    break;
                }
                while (j < n && !is_space(p[j])) j++;
                py_list_append(list, sub_result(kind, argv[0], p, n, i, j - i));
                i = j;
            }
        } else {
            size_t j = n;
            while (true) {
                while (j > 0 && is_space(p[j - 1])) j--;
                if (j == 0) break;
                size_t i = j;
                if (maxsplit-- <= 0) {
                    py_list_append(list, sub_result(kind, argv[0], p, n, 0, j));
                    break;
                }
                while (i > 0 && !is_space(p[i - 1])) i--;
                py_list_append(list, sub_result(kind, argv[0], p, n, i, j - i));
                j = i;
            }
            py_list_t *l = py_as_list(list);
            for (size_t a = 0, b = l->len; a + 1 < b; a++, b--) {
                py_val_t t = l->items[a];
                l->items[a] = l->items[b - 1];
                l->items[b - 1] = t;
            }
        }
        return list;
    }
    if (!rev) {
        size_t i = 0;
        while (maxsplit-- > 0) {
            ssize_t at = find_fwd(p, i, n, q, m);
            if (at < 0) break;
            py_list_append(list, py_bytes_make(kind, p + i, (size_t)at - i));
            i = (size_t)at + m;
        }
        py_list_append(list, sub_result(kind, argv[0], p, n, i, n - i));
        return list;
    }
    size_t j = n;
    while (maxsplit-- > 0) {
        ssize_t at = find_rev(p, 0, j, q, m);
        if (at < 0) break;
        py_list_append(list, py_bytes_make(kind, p + at + m, j - (size_t)at - m));
        j = (size_t)at;
    }
    py_list_append(list, sub_result(kind, argv[0], p, n, 0, j));
    py_list_t *l = py_as_list(list);
    for (size_t a = 0, b = l->len; a + 1 < b; a++, b--) {
        py_val_t t = l->items[a];
        l->items[a] = l->items[b - 1];
        l->items[b - 1] = t;
    }
    return list;
}

py_val_t py_bm_split(int argc, const py_val_t *argv, py_val_t kw) { return split(argc, argv, kw, false); }
py_val_t py_bm_rsplit(int argc, const py_val_t *argv, py_val_t kw) { return split(argc, argv, kw, true); }

py_val_t py_bm_splitlines(int argc, const py_val_t *argv, py_val_t kw) {
    static const char *const allowed[] = {"keepends", NULL};
    check_kw("splitlines", kw, allowed);
    const uint8_t *p;
    size_t n;
    int kind = py_bytes_self(argv[0], &p, &n);
    py_val_t kv = arg_or_kw(argc, argv, kw, 1, "keepends");
    bool keep = !py_is_null(kv) && py_to_i64(kv) != 0;
    py_val_t list = py_list_new(0);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && p[j] != '\n' && p[j] != '\r') j++;
        size_t e = j;
        if (j < n) j += p[j] == '\r' && j + 1 < n && p[j + 1] == '\n' ? 2 : 1;
        py_list_append(list, sub_result(kind, argv[0], p, n, i, (keep ? j : e) - i));
        i = j;
    }
    return list;
}

py_val_t py_bm_join(int argc, const py_val_t *argv, py_val_t kw) {
    const uint8_t *p;
    size_t n;
    int kind = py_bytes_self(argv[0], &p, &n);
    py_val_t seq = argv[1];
    size_t cnt;
    py_val_t *items;
    if (!py_seq_items(seq, &cnt, &items)) {
        seq = py_list_from_iter(seq);
        py_seq_items(seq, &cnt, &items);
    }
    /* items points into the list's raw block, which does not keep the
     * items alive by itself: hold the list where the stack scan sees it */
    volatile py_val_t keep = seq;
    (void)keep;
    size_t total = 0;
    for (size_t i = 0; i < cnt; i++) {
        const uint8_t *q;
        size_t m;
        py_val_t x = items[i];
        if (py_bytes_view(x, &q, &m) == PY_BK_NONE) {
            if (!py_is_obj(x) || !py_type_of(x)->buffer)
                py_raise_msg(&py_type_TypeError, "sequence item %zu: expected a bytes-like object, %s found",
                             i, py_type_name(x));
            py_bytes_arg(x, &q, &m);
        }
        total += m + (i ? n : 0);
    }
    if (cnt == 1 && kind == PY_BK_BYTES && py_is_type(items[0], &py_type_bytes)) return items[0];
    py_val_t r;
    uint8_t *d = py_bytes_make_uninit(kind, total, &r);
    size_t o = 0;
    for (size_t i = 0; i < cnt && o <= total; i++) {
        const uint8_t *q;
        size_t m;
        py_bytes_arg(items[i], &q, &m);
        if (i && n) {
            memcpy(d + o, p, n);
            o += n;
        }
        if (m > total - o) m = total - o; /* a buffer that grew meanwhile: stay in bounds */
        if (m) memcpy(d + o, q, m);
        o += m;
    }
    return r;
}

py_val_t py_bm_replace(int argc, const py_val_t *argv, py_val_t kw) {
    const uint8_t *p, *q, *w;
    size_t n, m, k;
    int kind = py_bytes_self(argv[0], &p, &n);
    py_bytes_arg(argv[1], &q, &m);
    py_bytes_arg(argv[2], &w, &k);
    int64_t maxc = argc > 3 ? py_to_i64(argv[3]) : -1;
    if (maxc < 0) maxc = INT64_MAX;
    if (m == k && m > 0) {
        /* same length: copy, then overwrite each match in one scan */
        py_val_t r;
        uint8_t *d = py_bytes_make_uninit(kind, n, &r);
        if (n) memcpy(d, p, n);
        if (m == 1) {
            uint8_t from = q[0], to = w[0];
            for (size_t i = 0; i < n && maxc > 0; i++)
                if (d[i] == from) {
                    d[i] = to;
                    maxc--;
                }
            return r;
        }
        for (size_t i = 0; maxc > 0; maxc--) {
            ssize_t at = find_fwd(p, i, n, q, m);
            if (at < 0) break;
            memcpy(d + at, w, k);
            i = (size_t)at + m;
        }
        return r;
    }
    /* count the replacements first, then fill in one pass */
    size_t count = 0;
    if (m == 0) {
        count = n + 1 < (uint64_t)maxc ? n + 1 : (size_t)maxc;
    } else {
        for (size_t i = 0; (int64_t)count < maxc;) {
            ssize_t at = find_fwd(p, i, n, q, m);
            if (at < 0) break;
            count++;
            i = (size_t)at + m;
        }
    }
    if (count == 0) return sub_result(kind, argv[0], p, n, 0, n);
    size_t total = n - count * m + count * k;
    py_val_t r;
    uint8_t *d = py_bytes_make_uninit(kind, total, &r);
    size_t o = 0, i = 0;
    if (m == 0) {
        for (size_t c = 0; c < count; c++) {
            if (k) memcpy(d + o, w, k);
            o += k;
            if (i < n) d[o++] = p[i++];
        }
        if (i < n) memcpy(d + o, p + i, n - i);
        return r;
    }
    for (size_t c = 0; c < count; c++) {
        size_t at = (size_t)find_fwd(p, i, n, q, m);
        memcpy(d + o, p + i, at - i);
        o += at - i;
        if (k) memcpy(d + o, w, k);
        o += k;
        i = at + m;
    }
    if (i < n) memcpy(d + o, p + i, n - i);
    return r;
}

/* ------------------------------------------------------------ translate */

py_val_t py_bm_maketrans(int argc, const py_val_t *argv, py_val_t kw) {
    const uint8_t *a, *b;
    size_t na, nb;
    py_bytes_arg(argv[0], &a, &na);
    py_bytes_arg(argv[1], &b, &nb);
    if (na != nb) py_raise_msg(&py_type_ValueError, "maketrans arguments must have same length");
    py_val_t r;
    uint8_t *d = (uint8_t *)py_bytes_alloc(256, &r);
    for (int i = 0; i < 256; i++) d[i] = (uint8_t)i;
    for (size_t i = 0; i < na; i++) d[a[i]] = b[i];
    return r;
}

py_val_t py_bm_translate(int argc, const py_val_t *argv, py_val_t kw) {
    static const char *const allowed[] = {"delete", NULL};
    check_kw("translate", kw, allowed);
    const uint8_t *p, *t = NULL, *del = NULL;
    size_t n, nt = 0, nd = 0;
    int kind = py_bytes_self(argv[0], &p, &n);
    if (!py_is_none(argv[1])) {
        py_bytes_arg(argv[1], &t, &nt);
        if (nt != 256) py_raise_msg(&py_type_ValueError, "translation table must be 256 characters long");
    }
    py_val_t dv = arg_or_kw(argc, argv, kw, 2, "delete");
    bool drop[256] = {false};
    if (!py_is_null(dv)) {
        py_bytes_arg(dv, &del, &nd);
        for (size_t i = 0; i < nd; i++) drop[del[i]] = true;
    }
    size_t total = 0;
    for (size_t i = 0; i < n; i++) total += !drop[p[i]];
    py_val_t r;
    uint8_t *d = py_bytes_make_uninit(kind, total, &r);
    size_t o = 0;
    for (size_t i = 0; i < n && o < total; i++)
        if (!drop[p[i]]) d[o++] = t ? t[p[i]] : p[i];
    return r;
}

/* ------------------------------------------------------------ codecs, hex */

py_val_t py_bm_decode(int argc, const py_val_t *argv, py_val_t kw) {
    static const char *const allowed[] = {"encoding", "errors", NULL};
    check_kw("decode", kw, allowed);
    const uint8_t *p;
    size_t n;
    py_bytes_self(argv[0], &p, &n);
    py_val_t enc = arg_or_kw(argc, argv, kw, 1, "encoding");
    py_val_t errs = arg_or_kw(argc, argv, kw, 2, "errors");
    return py_bytes_decode(p, n, enc, errs, "decode");
}

py_val_t py_bytes_hex(const uint8_t *p, size_t n, int argc, const py_val_t *argv, py_val_t kw) {
    static const char *const allowed[] = {"sep", "bytes_per_sep", NULL};
    static const char digits[] = "0123456789abcdef";
    check_kw("hex", kw, allowed);
    py_val_t sepv = arg_or_kw(argc, argv, kw, 1, "sep");
    py_val_t bpsv = arg_or_kw(argc, argv, kw, 2, "bytes_per_sep");
    char sep = 0;
    if (!py_is_null(sepv) && !py_is_none(sepv)) {
        const uint8_t *q;
        size_t m;
        if (py_is_str(sepv)) {
            py_val_t s = py_unwrap_native(sepv);
            q = (const uint8_t *)py_str_data(s);
            m = ((py_str_t *)py_as_ptr(s))->nchars;
        } else {
            py_bytes_arg(sepv, &q, &m);
        }
        if (m != 1) py_raise_msg(&py_type_ValueError, "sep must be length 1.");
        if (q[0] >= 0x80) py_raise_msg(&py_type_ValueError, "sep must be ASCII.");
        sep = (char)q[0];
    }
    int64_t bps = py_is_null(bpsv) ? 1 : py_to_i64(bpsv);
    size_t group = sep ? (size_t)(bps < 0 ? -bps : bps) : 0;
    size_t nsep = group && n ? (n - 1) / group : 0;
    size_t total = 2 * n + nsep;
    char *buf = py_raw_alloc(total + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        /* positive bytes_per_sep counts groups from the right end */
        if (group && i) {
            size_t from = bps > 0 ? n - i : i;
            if (from % group == 0) buf[o++] = sep;
        }
        buf[o++] = digits[p[i] >> 4];
        buf[o++] = digits[p[i] & 15];
    }
    py_val_t r = py_str_new(buf, o);
    py_raw_free(buf);
    return r;
}

py_val_t py_bm_hex(int argc, const py_val_t *argv, py_val_t kw) {
    const uint8_t *p;
    size_t n;
    py_bytes_self(argv[0], &p, &n);
    return py_bytes_hex(p, n, argc, argv, kw);
}

static int hexval(uint8_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = to_lower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

py_val_t py_bm_fromhex(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t cls = argv[0], s = argv[1];
    if (!py_is_str(s))
        py_raise_msg(&py_type_TypeError, "fromhex() argument must be str, not %s", py_type_name(s));
    s = py_unwrap_native(s);
    const uint8_t *p = (const uint8_t *)py_str_data(s);
    size_t n = py_str_len(s);
    py_type_t *t = py_is_obj(cls) ? (py_type_t *)py_as_ptr(cls) : &py_type_bytes;
    int kind = py_is_subtype(t, &py_type_bytearray) ? PY_BK_BYTEARRAY : PY_BK_BYTES;
    uint8_t *tmp = py_raw_alloc(n / 2 + 1);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (is_space(p[i])) {
            i++;
            continue;
        }
        int hi = hexval(p[i]);
        int lo = i + 1 < n ? hexval(p[i + 1]) : -1;
        /* positions count characters; everything valid before is ASCII */
        if (hi < 0 || lo < 0)
            py_raise_msg(&py_type_ValueError, "non-hexadecimal number found in fromhex() arg at position %zu",
                         hi < 0 ? i : i + 1);
        tmp[o++] = (uint8_t)(hi << 4 | lo);
        i += 2;
    }
    py_val_t r = py_bytes_make(kind, tmp, o);
    py_raw_free(tmp);
    if (t != &py_type_bytes && t != &py_type_bytearray) return py_call1(cls, r);
    return r;
}

/* ------------------------------------------------------------ dunders */

py_val_t py_bm_dunder_len(int argc, const py_val_t *argv, py_val_t kw) {
    const uint8_t *p;
    size_t n;
    py_bytes_self(argv[0], &p, &n);
    return py_small((int64_t)n);
}

py_val_t py_bm_dunder_getitem(int argc, const py_val_t *argv, py_val_t kw) {
    const uint8_t *p;
    size_t n;
    if (py_bytes_self(argv[0], &p, &n) == PY_BK_BYTES) return py_bytes_getitem_slot(argv[0], argv[1]);
    return py_bytearray_getitem_slot(argv[0], argv[1]);
}

py_val_t py_bm_dunder_contains(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(py_bytes_contains_slot(argv[0], argv[1]));
}

py_val_t py_bm_dunder_iter(int argc, const py_val_t *argv, py_val_t kw) {
    const uint8_t *p;
    size_t n;
    py_bytes_self(argv[0], &p, &n);
    return py_bytes_iter_slot(argv[0]);
}

static py_val_t binop(const py_val_t *argv, py_binop_t op, bool reflected) {
    const uint8_t *p;
    size_t n;
    int kind = py_bytes_self(argv[0], &p, &n);
    py_val_t a = reflected ? argv[1] : argv[0], b = reflected ? argv[0] : argv[1];
    py_val_t r =
        kind == PY_BK_BYTES ? py_bytes_binary_slot(op, a, b) : py_bytes_seq_binary_bytearray(op, a, b);
    return py_is_null(r) ? PY_NOTIMPLEMENTED : r;
}

py_val_t py_bm_dunder_add(int argc, const py_val_t *argv, py_val_t kw) {
    return binop(argv, PY_OP_ADD, false);
}
py_val_t py_bm_dunder_mul(int argc, const py_val_t *argv, py_val_t kw) {
    return binop(argv, PY_OP_MUL, false);
}
py_val_t py_bm_dunder_mod(int argc, const py_val_t *argv, py_val_t kw) {
    return binop(argv, PY_OP_MOD, false);
}

py_val_t py_bm_dunder_repr(int argc, const py_val_t *argv, py_val_t kw) {
    const uint8_t *p;
    size_t n;
    int kind = py_bytes_self(argv[0], &p, &n);
    py_sb_t sb;
    py_sb_init(&sb);
    if (kind == PY_BK_BYTES)
        py_bytes_print_slot(&sb, argv[0], PY_PRINT_REPR);
    else
        py_bytearray_print_slot(&sb, argv[0], PY_PRINT_REPR);
    return py_sb_to_str(&sb);
}

static py_val_t cmp(const py_val_t *argv, py_cmpop_t op) {
    const uint8_t *p;
    size_t n;
    py_bytes_self(argv[0], &p, &n);
    py_val_t r = py_bytes_compare_slot(op, argv[0], py_unwrap_native(argv[1]));
    return py_is_null(r) ? PY_NOTIMPLEMENTED : r;
}

py_val_t py_bm_dunder_eq(int argc, const py_val_t *argv, py_val_t kw) { return cmp(argv, PY_CMP_EQ); }
py_val_t py_bm_dunder_ne(int argc, const py_val_t *argv, py_val_t kw) { return cmp(argv, PY_CMP_NE); }
py_val_t py_bm_dunder_lt(int argc, const py_val_t *argv, py_val_t kw) { return cmp(argv, PY_CMP_LT); }
py_val_t py_bm_dunder_le(int argc, const py_val_t *argv, py_val_t kw) { return cmp(argv, PY_CMP_LE); }
py_val_t py_bm_dunder_gt(int argc, const py_val_t *argv, py_val_t kw) { return cmp(argv, PY_CMP_GT); }
py_val_t py_bm_dunder_ge(int argc, const py_val_t *argv, py_val_t kw) { return cmp(argv, PY_CMP_GE); }
