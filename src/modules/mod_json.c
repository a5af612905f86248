/* mod_json.c: the json module (dumps, dump, loads, load, JSONDecodeError).
 *
 * The encoder writes straight into one string builder; the decoder is a
 * recursive-descent parser over the UTF-8 text of the input, which stays
 * alive (it is an argument) and never moves (the GC does not compact), so
 * the parser keeps plain char pointers into it.
 *
 * Output follows CPython's defaults: separators (', ', ': '), ensure_ascii
 * (non-ASCII as \uXXXX, lowercase hex, astral code points as surrogate
 * pairs), floats by their shortest repr, NaN/Infinity/-Infinity, ints of any
 * size.  Decode errors raise json.JSONDecodeError, a ValueError subclass,
 * with CPython's messages and positions counted in characters. */
#include <math.h>
#include <string.h>

#include "py/objcore.h"
#include "py/runtime.h"

static py_val_t decode_error_type = PY_NULL; /* json.JSONDecodeError */

/* ============================================================== encoder */

#define ENC_STACK 128 /* containers tracked for the circular-reference check */

typedef struct {
    py_sb_t sb;
    const char *item_sep, *key_sep;
    size_t item_sep_len, key_sep_len;
    const char *indent; /* NULL: one line */
    size_t indent_len;
    int level;
    bool sort_keys, ensure_ascii, allow_nan, skipkeys;
    py_val_t default_fn; /* PY_NULL when absent */
    int depth;
    const void *stack[ENC_STACK];
} enc_t;

static const char hexdig[] = "0123456789abcdef";

/* The two-character escapes, indexed by byte: esc_out on output ('\n' is
 * written as '\\' 'n'), esc_in on input (the letter after '\\' read back).
 * '/' is read, never written; 0 marks bytes without such an escape. */
static const char esc_out[128] = {
    ['"'] = '"', ['\\'] = '\\', ['\n'] = 'n', ['\r'] = 'r', ['\t'] = 't', ['\b'] = 'b', ['\f'] = 'f'};
static const char esc_in[128] = {['"'] = '"',  ['\\'] = '\\', ['/'] = '/',  ['n'] = '\n',
                                 ['r'] = '\r', ['t'] = '\t',  ['b'] = '\b', ['f'] = '\f'};

static void add_u_escape(py_sb_t *sb, uint32_t c) {
    char b[6] = {'\\',          'u', hexdig[(c >> 12) & 15], hexdig[(c >> 8) & 15], hexdig[(c >> 4) & 15],
                 hexdig[c & 15]};
    py_sb_add(sb, b, 6);
}

/* Escapes and quotes UTF-8 text.  Runs of characters needing no escape are
 * copied in one go. */
static void enc_string(enc_t *e, const char *s, size_t n) {
    py_sb_t *sb = &e->sb;
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    py_sb_addc(sb, '"');
    unsigned hi = e->ensure_ascii ? 0x7f : 0x100; /* first byte value that needs care */
    while (p < end) {
        const unsigned char *run = p;
        while (p < end && *p >= 0x20 && *p != '"' && *p != '\\' && *p < hi) p++;
        if (p > run) py_sb_add(sb, (const char *)run, (size_t)(p - run));
        if (p >= end) break;
        unsigned char c = *p;
        if (c < 0x80) {
            p++;
            if (esc_out[c]) {
                char two[2] = {'\\', esc_out[c]};
                py_sb_add(sb, two, 2);
            } else {
                add_u_escape(sb, c);
            }
            continue;
        }
        /* a multi-byte sequence (only reached with ensure_ascii) */
        uint32_t cp;
        int len;
        if (c >= 0xf0)
            cp = c & 7, len = 4;
        else if (c >= 0xe0)
            cp = c & 15, len = 3;
        else
            cp = c & 31, len = 2;
        if (p + len > end) len = (int)(end - p);
        for (int i = 1; i < len; i++) cp = (cp << 6) | (p[i] & 0x3f);
        p += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            add_u_escape(sb, 0xd800 | (cp >> 10));
            add_u_escape(sb, 0xdc00 | (cp & 0x3ff));
        } else {
            add_u_escape(sb, cp);
        }
    }
    py_sb_addc(sb, '"');
}

static void enc_float(enc_t *e, double d) {
    if (!isfinite(d)) {
        if (!e->allow_nan)
            py_raise_msg(&py_type_ValueError, "Out of range float values are not JSON compliant");
        py_sb_adds(&e->sb, isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        return;
    }
    char buf[48];
    int n = py_float_repr_buf(buf, d);
    py_sb_add(&e->sb, buf, (size_t)n);
}

static void enc_int(enc_t *e, py_val_t v) {
    if (py_is_small(v)) {
        char buf[24], *q = buf + sizeof buf;
        int64_t i = py_as_small(v);
        uint64_t u = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        do *--q = (char)('0' + u % 10);
        while (u /= 10);
        if (i < 0) *--q = '-';
        py_sb_add(&e->sb, q, (size_t)(buf + sizeof buf - q));
    } else {
        py_int_append_text(&e->sb, v, 10, false);
    }
}

static void newline_indent(enc_t *e) {
    py_sb_addc(&e->sb, '\n');
    for (int i = 0; i < e->level; i++) py_sb_add(&e->sb, e->indent, e->indent_len);
}

static void push_container(enc_t *e, const void *p) {
    py_check_stack();
    if (e->depth < ENC_STACK) {
        for (int i = 0; i < e->depth; i++)
            if (e->stack[i] == p) py_raise_msg(&py_type_ValueError, "Circular reference detected");
        e->stack[e->depth] = p;
    }
    e->depth++;
}

static void encode(enc_t *e, py_val_t v);

static void enc_seq(enc_t *e, py_val_t v, bool is_list) {
    push_container(e, py_as_ptr(v));
    size_t n = is_list ? py_as_list(v)->len : py_as_tuple(v)->len;
    if (n == 0) {
        py_sb_add(&e->sb, "[]", 2);
        e->depth--;
        return;
    }
    py_sb_addc(&e->sb, '[');
    if (e->indent) e->level++, newline_indent(e);
    for (size_t i = 0;; i++) {
        /* re-read each time: a default() hook may have mutated a list */
        size_t len = is_list ? py_as_list(v)->len : py_as_tuple(v)->len;
        if (i >= len) break;
        if (i) {
            py_sb_add(&e->sb, e->item_sep, e->item_sep_len);
            if (e->indent) newline_indent(e);
        }
        encode(e, is_list ? py_as_list(v)->items[i] : py_as_tuple(v)->items[i]);
    }
    if (e->indent) e->level--, newline_indent(e);
    py_sb_addc(&e->sb, ']');
    e->depth--;
}

/* Writes a dict key as a JSON string; returns false to skip the item (skipkeys). */
static bool enc_key(enc_t *e, py_val_t k) {
    if (py_is_str(k)) {
        k = py_unwrap_native(k);
        enc_string(e, py_str_data(k), py_str_len(k));
        return true;
    }
    const char *lit = NULL;
    if (py_is_float(k) || py_is_type(k, &py_type_float) || py_is_instance(k, &py_type_float)) {
        py_sb_addc(&e->sb, '"');
        enc_float(e, py_to_double(k));
        py_sb_addc(&e->sb, '"');
        return true;
    }
    if (k == PY_TRUE)
        lit = "\"true\"";
    else if (k == PY_FALSE)
        lit = "\"false\"";
    else if (k == PY_NONE)
        lit = "\"null\"";
    else if (py_is_int(k)) {
        py_sb_addc(&e->sb, '"');
        enc_int(e, py_unwrap_native(k));
        py_sb_addc(&e->sb, '"');
        return true;
    } else if (e->skipkeys) {
        return false;
    } else {
        py_raise_msg(&py_type_TypeError, "keys must be str, int, float, bool or None, not %s",
                     py_type_name(k));
    }
    py_sb_adds(&e->sb, lit);
    return true;
}

/* One "key": value member of an object, the separator first unless it is
 * the first; a key that enc_key skips (skipkeys) leaves no trace. */
static void enc_member(enc_t *e, py_val_t k, py_val_t val, bool *first) {
    size_t mark = e->sb.len;
    if (!*first) {
        py_sb_add(&e->sb, e->item_sep, e->item_sep_len);
        if (e->indent) newline_indent(e);
    }
    if (!enc_key(e, k)) {
        e->sb.len = mark;
        return;
    }
    *first = false;
    py_sb_add(&e->sb, e->key_sep, e->key_sep_len);
    encode(e, val);
}

static void enc_dict(enc_t *e, py_val_t d) {
    push_container(e, py_as_ptr(d));
    if (py_dict_len(d) == 0) {
        py_sb_add(&e->sb, "{}", 2);
        e->depth--;
        return;
    }
    py_sb_addc(&e->sb, '{');
    if (e->indent) e->level++, newline_indent(e);
    bool first = true;
    py_val_t k, val;
    if (e->sort_keys) {
        py_val_t keys = py_list_new(0);
        size_t pos = 0;
        while (py_dict_next(d, &pos, &k, NULL)) py_list_append(keys, k);
        py_list_sort(keys, PY_NULL, false);
        for (size_t i = 0; i < py_as_list(keys)->len; i++) {
            k = py_as_list(keys)->items[i];
            val = py_dict_get(d, k);
            if (!py_is_null(val)) enc_member(e, k, val, &first);
        }
    } else {
        size_t pos = 0;
        while (py_dict_next(d, &pos, &k, &val)) enc_member(e, k, val, &first);
    }
    if (e->indent) e->level--, newline_indent(e);
    py_sb_addc(&e->sb, '}');
    e->depth--;
}

static void encode(enc_t *e, py_val_t v) {
    /* immediates and exact builtin types first: the common case */
    if (py_is_small(v)) return enc_int(e, v);
    if (py_is_float(v)) return enc_float(e, py_as_float(v));
    if (v == PY_NONE) return py_sb_add(&e->sb, "null", 4);
    if (v == PY_TRUE) return py_sb_add(&e->sb, "true", 4);
    if (v == PY_FALSE) return py_sb_add(&e->sb, "false", 5);
    py_type_t *t = py_type_of(v);
    if (t == &py_type_str) return enc_string(e, py_str_data(v), py_str_len(v));
    if (t == &py_type_list) return enc_seq(e, v, true);
    if (t == &py_type_dict) return enc_dict(e, v);
    if (t == &py_type_tuple) return enc_seq(e, v, false);
    /* subclasses and big ints */
    if (py_is_str(v)) {
        v = py_unwrap_native(v);
        return enc_string(e, py_str_data(v), py_str_len(v));
    }
    if (py_is_int(v)) return enc_int(e, py_unwrap_native(v));
    if (py_is_instance(v, &py_type_float)) return enc_float(e, py_to_double(v));
    if (py_is_instance(v, &py_type_list)) return enc_seq(e, v, true);
    if (py_is_instance(v, &py_type_tuple)) return enc_seq(e, py_unwrap_native(v), false);
    if (py_is_instance(v, &py_type_dict)) return enc_dict(e, v);
    if (!py_is_null(e->default_fn)) {
        push_container(e, py_as_ptr(v));
        encode(e, py_call1(e->default_fn, v));
        e->depth--;
        return;
    }
    py_raise_msg(&py_type_TypeError, "Object of type %s is not JSON serializable", py_type_name(v));
}

static void sep_arg(py_val_t s, const char **out, size_t *len) {
    if (!py_is_str(s)) py_raise_type_error_arg("separators", "str", s);
    s = py_unwrap_native(s);
    *out = py_str_data(s);
    *len = py_str_len(s);
}

/* Option parsing shared by dumps and dump (all options are keywords). */
static py_val_t do_dumps(py_val_t obj, int argc, const py_val_t *argv, py_val_t kwnames) {
    enc_t e;
    memset(&e, 0, sizeof e);
    e.default_fn = PY_NULL;
    py_val_t indent = py_kwarg(argc, argv, kwnames, "indent", PY_NONE);
    py_val_t seps = py_kwarg(argc, argv, kwnames, "separators", PY_NONE);
    e.sort_keys = py_truthy(py_kwarg(argc, argv, kwnames, "sort_keys", PY_FALSE));
    e.ensure_ascii = py_truthy(py_kwarg(argc, argv, kwnames, "ensure_ascii", PY_TRUE));
    e.allow_nan = py_truthy(py_kwarg(argc, argv, kwnames, "allow_nan", PY_TRUE));
    e.skipkeys = py_truthy(py_kwarg(argc, argv, kwnames, "skipkeys", PY_FALSE));
    py_val_t dflt = py_kwarg(argc, argv, kwnames, "default", PY_NONE);
    if (!py_is_none(dflt)) e.default_fn = dflt;
    py_val_t ind_str = PY_NULL;
    if (!py_is_none(indent)) {
        if (py_is_str(indent)) {
            ind_str = py_unwrap_native(indent);
        } else {
            int64_t n = py_to_i64(indent);
            py_sb_t isb;
            py_sb_init(&isb);
            for (int64_t i = 0; i < n; i++) py_sb_addc(&isb, ' ');
            ind_str = py_sb_to_str(&isb);
        }
        e.indent = py_str_data(ind_str);
        e.indent_len = py_str_len(ind_str);
    }
    if (py_is_none(seps)) {
        e.item_sep = e.indent ? "," : ", ";
        e.item_sep_len = strlen(e.item_sep);
        e.key_sep = ": ";
        e.key_sep_len = 2;
    } else {
        size_t n;
        py_val_t *items;
        if (!py_seq_items(seps, &n, &items) || n != 2)
            py_raise_msg(&py_type_ValueError, "separators must be an (item_separator, key_separator) pair");
        sep_arg(items[0], &e.item_sep, &e.item_sep_len);
        sep_arg(items[1], &e.key_sep, &e.key_sep_len);
    }
    py_sb_init(&e.sb);
    encode(&e, obj);
    return py_sb_to_str(&e.sb);
}

/* Rejects keywords dumps() does not know, as CPython does. */
static void check_kwnames(const char *fname, py_val_t kwnames) {
    static const char *const known[] = {"indent",    "separators", "sort_keys", "ensure_ascii",
                                        "allow_nan", "skipkeys",   "default",   "check_circular",
                                        "cls",       NULL};
    if (py_is_null(kwnames)) return;
    py_tuple_t *k = py_as_tuple(kwnames);
    for (size_t i = 0; i < k->len; i++) {
        const char *n = py_str_data(k->items[i]);
        int j = 0;
        while (known[j] && strcmp(known[j], n)) j++;
        if (!known[j])
            py_raise_msg(&py_type_TypeError, "%s() got an unexpected keyword argument '%s'", fname, n);
    }
}

static py_val_t j_dumps(int argc, const py_val_t *argv, py_val_t kwnames) {
    check_kwnames("dumps", kwnames);
    return do_dumps(argv[0], argc, argv, kwnames);
}

static py_val_t j_dump(int argc, const py_val_t *argv, py_val_t kwnames) {
    check_kwnames("dump", kwnames);
    py_val_t s = do_dumps(argv[0], argc, argv, kwnames);
    py_call_method(argv[1], PYN(write), 1, &s);
    return PY_NONE;
}

/* ============================================================== decoder */

typedef struct {
    const char *start, *p, *end;
    py_val_t doc; /* the str being parsed, for JSONDecodeError.doc */
} dec_t;

/* Raises JSONDecodeError(msg, doc, pos) with CPython's "msg: line L column C (char P)". */
static PY_NORETURN void dec_fail(dec_t *d, const char *msg, const char *at) {
    size_t pos = 0, line = 1, col = 1;
    for (const char *q = d->start; q < at; q++) {
        if (((unsigned char)*q & 0xc0) == 0x80) continue; /* count code points */
        pos++;
        if (*q == '\n')
            line++, col = 1;
        else
            col++;
    }
    py_val_t text = py_str_printf("%s: line %zu column %zu (char %zu)", msg, line, col, pos);
    py_val_t exc;
    if (py_is_null(decode_error_type)) {
        exc = py_exc_new_args(&py_type_ValueError, 1, &text);
    } else {
        exc = py_call1(decode_error_type, text);
        py_setattr(exc, PYN(msg), py_str_from_cstr(msg));
        py_setattr(exc, py_intern("doc"), d->doc);
        py_setattr(exc, py_intern("pos"), py_int_from_i64((int64_t)pos));
        py_setattr(exc, PYN(lineno), py_int_from_i64((int64_t)line));
        py_setattr(exc, py_intern("colno"), py_int_from_i64((int64_t)col));
    }
    py_raise(exc);
}

static inline void skip_ws(dec_t *d) {
    const char *p = d->p;
    while (p < d->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) p++;
    d->p = p;
}

static int hex4(const char *p) {
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int h = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

/* d->p is just past the opening quote. */
static py_val_t dec_string(dec_t *d) {
    const char *open = d->p - 1, *p = d->p, *end = d->end;
    const char *run = p;
    while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20) p++;
    if (p < end && *p == '"') {
        d->p = p + 1;
        return py_str_new(run, (size_t)(p - run));
    }
    py_sb_t sb;
    py_sb_init(&sb);
    py_sb_add(&sb, run, (size_t)(p - run));
    for (;;) {
        if (p >= end) dec_fail(d, "Unterminated string starting at", open);
        unsigned char c = (unsigned char)*p;
        if (c == '"') break;
        if (c < 0x20) dec_fail(d, "Invalid control character at", p);
        if (c != '\\') {
            run = p;
            while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20) p++;
            py_sb_add(&sb, run, (size_t)(p - run));
            continue;
        }
        if (p + 1 >= end) dec_fail(d, "Unterminated string starting at", open);
        char esc = p[1];
        if ((unsigned char)esc < 128 && esc_in[(unsigned char)esc]) {
            py_sb_addc(&sb, esc_in[(unsigned char)esc]);
            p += 2;
            continue;
        }
        switch (esc) {
        case 'u': {
            int cp = end - p >= 6 ? hex4(p + 2) : -1;
            if (cp < 0) dec_fail(d, "Invalid \\uXXXX escape", p + 1);
            p += 6;
            if (cp >= 0xd800 && cp < 0xdc00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                int lo = hex4(p + 2);
                if (lo < 0) dec_fail(d, "Invalid \\uXXXX escape", p + 1);
                if (lo >= 0xdc00 && lo < 0xe000) {
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                    p += 6;
                }
            }
            py_sb_add_utf8(&sb, (uint32_t)cp);
            continue;
        }
        default:
            dec_fail(d, "Invalid \\escape", p);
        }
        p += 2;
    }
    d->p = p + 1;
    return py_sb_to_str(&sb);
}

static py_val_t dec_number(dec_t *d) {
    const char *s = d->p, *p = s, *end = d->end;
    if (p < end && *p == '-') p++;
    if (p >= end || *p < '0' || *p > '9') {
        if (end - p >= 8 && !memcmp(p, "Infinity", 8) && s[0] == '-') {
            d->p = p + 8;
            return py_float(-INFINITY);
        }
        dec_fail(d, "Expecting value", s);
    }
    if (*p == '0')
        p++;
    else
        while (p < end && *p >= '0' && *p <= '9') p++;
    bool is_float = false;
    if (p + 1 < end && *p == '.' && p[1] >= '0' && p[1] <= '9') {
        is_float = true;
        p += 2;
        while (p < end && *p >= '0' && *p <= '9') p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < end && (*q == '+' || *q == '-')) q++;
        if (q < end && *q >= '0' && *q <= '9') {
            while (q < end && *q >= '0' && *q <= '9') q++;
            p = q;
            is_float = true;
        }
    }
    d->p = p;
    size_t n = (size_t)(p - s);
    if (is_float) {
        double v;
        if (!py_float_parse(s, n, &v)) dec_fail(d, "Expecting value", s);
        return py_float(v);
    }
    if (n <= 18) {
        const char *q = s;
        bool neg = *q == '-';
        if (neg) q++;
        int64_t v = 0;
        for (; q < p; q++) v = v * 10 + (*q - '0');
        return py_int_from_i64(neg ? -v : v);
    }
    return py_int_from_str(s, n, 10);
}

static py_val_t dec_value(dec_t *d);

static py_val_t dec_array(dec_t *d) {
    py_val_t list = py_list_new(0);
    skip_ws(d);
    if (d->p < d->end && *d->p == ']') {
        d->p++;
        return list;
    }
    for (;;) {
        py_list_append(list, dec_value(d));
        skip_ws(d);
        if (d->p < d->end && *d->p == ',') {
            d->p++;
            skip_ws(d);
            continue;
        }
        if (d->p < d->end && *d->p == ']') {
            d->p++;
            return list;
        }
        dec_fail(d, "Expecting ',' delimiter", d->p);
    }
}

static py_val_t dec_object(dec_t *d) {
    py_val_t dict = py_dict_new();
    skip_ws(d);
    if (d->p < d->end && *d->p == '}') {
        d->p++;
        return dict;
    }
    for (;;) {
        if (d->p >= d->end || *d->p != '"')
            dec_fail(d, "Expecting property name enclosed in double quotes", d->p);
        d->p++;
        py_val_t key = dec_string(d);
        skip_ws(d);
        if (d->p >= d->end || *d->p != ':') dec_fail(d, "Expecting ':' delimiter", d->p);
        d->p++;
        skip_ws(d);
        py_dict_set(dict, key, dec_value(d));
        skip_ws(d);
        if (d->p < d->end && *d->p == ',') {
            d->p++;
            skip_ws(d);
            continue;
        }
        if (d->p < d->end && *d->p == '}') {
            d->p++;
            return dict;
        }
        dec_fail(d, "Expecting ',' delimiter", d->p);
    }
}

static bool match_word(dec_t *d, const char *w, size_t n) {
    if ((size_t)(d->end - d->p) >= n && !memcmp(d->p, w, n)) {
        d->p += n;
        return true;
    }
    return false;
}

/* Leading whitespace already skipped. */
static py_val_t dec_value(dec_t *d) {
    if (d->p >= d->end) dec_fail(d, "Expecting value", d->p);
    switch (*d->p) {
    case '"':
        d->p++;
        return dec_string(d);
    case '{':
        py_check_stack();
        d->p++;
        return dec_object(d);
    case '[':
        py_check_stack();
        d->p++;
        return dec_array(d);
    case 't':
        if (match_word(d, "true", 4)) return PY_TRUE;
        break;
    case 'f':
        if (match_word(d, "false", 5)) return PY_FALSE;
        break;
    case 'n':
        if (match_word(d, "null", 4)) return PY_NONE;
        break;
    case 'N':
        if (match_word(d, "NaN", 3)) return py_float(NAN);
        break;
    case 'I':
        if (match_word(d, "Infinity", 8)) return py_float(INFINITY);
        break;
    default:
        if (*d->p == '-' || (*d->p >= '0' && *d->p <= '9')) return dec_number(d);
    }
    dec_fail(d, "Expecting value", d->p);
}

static py_val_t do_loads(py_val_t s) {
    if (!py_is_str(s)) {
        if (!py_is_instance(s, &py_type_bytes) && !py_is_instance(s, &py_type_bytearray))
            py_raise_msg(&py_type_TypeError, "the JSON object must be str, bytes or bytearray, not %s",
                         py_type_name(s));
        s = py_call_method(s, py_intern("decode"), 0, NULL);
    }
    s = py_unwrap_native(s);
    dec_t d = {py_str_data(s), py_str_data(s), py_str_data(s) + py_str_len(s), s};
    if (d.end - d.p >= 3 && !memcmp(d.p, "\xef\xbb\xbf", 3))
        dec_fail(&d, "Unexpected UTF-8 BOM (decode using utf-8-sig)", d.p);
    skip_ws(&d);
    py_val_t v = dec_value(&d);
    skip_ws(&d);
    if (d.p != d.end) dec_fail(&d, "Extra data", d.p);
    return v;
}

static py_val_t j_loads(int argc, const py_val_t *argv, py_val_t kwnames) { return do_loads(argv[0]); }

static py_val_t j_load(int argc, const py_val_t *argv, py_val_t kwnames) {
    return do_loads(py_call_method(argv[0], PYN(read), 0, NULL));
}

static const py_method_def_t json_functions[] = {
    {"dumps", j_dumps, 1, 1, PY_MF_KW},
    {"dump", j_dump, 2, 2, PY_MF_KW},
    {"loads", j_loads, 1, 1, 0},
    {"load", j_load, 1, 1, 0},
    PY_MF_END,
};

static void json_init(py_val_t module) {
    if (py_is_null(decode_error_type)) py_gc_add_root(&decode_error_type);
    py_val_t ns = py_dict_new();
    py_dict_set(ns, PYN(__module__), py_intern("json"));
    py_val_t bases = py_tuple_pack(1, py_obj(&py_type_ValueError));
    decode_error_type = py_type_new_class(py_intern("JSONDecodeError"), bases, ns, PY_NULL);
    py_module_add(module, "JSONDecodeError", decode_error_type);
}

const py_module_def_t py_module_json = {"json", json_functions, json_init};
