/* re_compile.c: regular expression pattern -> re_prog_t.
 *
 * Two passes: a recursive-descent parser builds a small syntax tree (nodes in
 * one array, children linked by index), then a code generator walks the tree
 * and emits instructions for re_exec.c.  Flags that change meaning
 * (IGNORECASE, DOTALL, MULTILINE, ASCII, VERBOSE), including scoped inline
 * ones like (?i:...), are resolved while parsing, so each node already says
 * which instruction it becomes.
 *
 * Recursion in both passes is bounded by the pattern's nesting depth, which
 * is limited (MAX_DEPTH), never by the subject.  Working buffers are raw GC
 * blocks reachable from the compile state on the C stack, so a raise
 * (re.error, MemoryError) part-way leaves nothing to free.
 *
 * Repetition: a quantifier on a single-unit atom (char, '.', class) becomes
 * one OP_REP instruction that the matcher runs as a tight loop; anything
 * else is unrolled for its minimum count and looped (or unrolled as nested
 * optional copies) for the rest.  A loop whose body can match empty gets a
 * progress check (OP_MARK/OP_LOOP), so (a*)* terminates.
 */
#include <string.h>

#include "modules/re_int.h"
#include "py/str_impl.h"

#define MAX_DEPTH 200
#define MAX_CODE (1 << 22)

enum { N_EMPTY, N_CHAR, N_ANY, N_CLASS, N_ASSERT, N_GROUP, N_CAT, N_ALT, N_REP, N_BACKREF, N_LOOK, N_COND };

typedef struct {
    uint8_t type;
    uint8_t flag;   /* N_CHAR/N_BACKREF: ignore case; N_ANY: dotall; N_REP: possessive */
    uint8_t greedy; /* N_REP */
    int32_t a, b;
    int32_t child, next; /* -1 when none */
} node_t;

typedef struct {
    py_val_t pattern;
    const uint32_t *p;
    size_t n, i;
    int is_bytes;
    int flags;
    int depth;
    node_t *nodes;
    int nnodes, capnodes;
    re_class_t *classes;
    int nclass, capclass;
    uint32_t *ranges;
    int nranges, capranges;
    re_ins_t *code;
    int ncode, capcode;
    int ngroups; /* including group 0 */
    uint8_t *closed;
    int capclosed;
    int nregs;
    py_val_t groupindex;
} cs_t;

static PY_NORETURN void err_at(cs_t *cs, ssize_t pos, const char *msg) { mod_re_raise(cs->pattern, pos, "%s", msg); }

/* The pattern text p[a:b] as UTF-8 in out (for messages quoting the source). */
static const char *src_text(cs_t *cs, size_t a, size_t b, char *out, size_t cap) {
    size_t k = 0;
    for (size_t i = a; i < b && i < cs->n && k + 5 < cap; i++) {
        uint32_t c = cs->p[i];
        if (cs->is_bytes || c < 128) {
            out[k++] = (char)(c < 128 ? c : '?');
        } else {
            k += (size_t)py_utf8_put(out + k, c);
        }
    }
    out[k] = 0;
    return out;
}

static void *grow(void *buf, int *cap, int need, size_t item) {
    if (need <= *cap) return buf;
    int nc = *cap ? *cap * 2 : 16;
    while (nc < need) nc *= 2;
    void *n = py_raw_realloc(buf, (size_t)nc * item);
    *cap = nc;
    return n;
}

/* ------------------------------------------------------------ character predicates */

static int unicode_mode(const cs_t *cs) { return !cs->is_bytes && !(cs->flags & RE_A); }

int mod_re_is_digit(uint32_t c, int unicode) {
    if (c < 128) return c >= '0' && c <= '9';
    return unicode && (py_uni_props(c) & PY_UNI_DECIMAL);
}
int mod_re_is_word(uint32_t c, int unicode) {
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return unicode && (py_uni_props(c) & (PY_UNI_ALPHA | PY_UNI_DECIMAL | PY_UNI_DIGIT | PY_UNI_NUMERIC));
}
int mod_re_is_space(uint32_t c, int unicode) {
    if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (unicode && c >= 0x1c && c <= 0x1f);
    return unicode && (py_uni_props(c) & PY_UNI_SPACE);
}
uint32_t mod_re_lower(uint32_t c, int unicode) {
    if (c < 128) return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (!unicode) return c;
    const char *sp = NULL;
    uint32_t r = py_uni_map(PY_CASE_LOWER, c, &sp);
    return sp ? c : r;
}
uint32_t mod_re_upper(uint32_t c, int unicode) {
    if (c < 128) return c >= 'a' && c <= 'z' ? c - 32 : c;
    if (!unicode) return c;
    const char *sp = NULL;
    uint32_t r = py_uni_map(PY_CASE_UPPER, c, &sp);
    return sp ? c : r;
}

static int in_ranges(const uint32_t *r, int count, uint32_t c) {
    for (int i = 0; i < count; i++)
        if (c >= r[2 * i] && c <= r[2 * i + 1]) return 1;
    return 0;
}

static int cats_test(int cats, uint32_t c, int uni) {
    if (!cats) return 0;
    if ((cats & RC_D) && mod_re_is_digit(c, uni)) return 1;
    if ((cats & RC_ND) && !mod_re_is_digit(c, uni)) return 1;
    if ((cats & RC_W) && mod_re_is_word(c, uni)) return 1;
    if ((cats & RC_NW) && !mod_re_is_word(c, uni)) return 1;
    if ((cats & RC_S) && mod_re_is_space(c, uni)) return 1;
    if ((cats & RC_NS) && !mod_re_is_space(c, uni)) return 1;
    return 0;
}

int mod_re_class_test(const uint32_t *ranges, const re_class_t *k, uint32_t c) {
    const uint32_t *r = ranges + 2 * k->range_start;
    int in = in_ranges(r, k->range_count, c) || cats_test(k->cats, c, k->unicode);
    if (!in && k->icase) {
        uint32_t l = mod_re_lower(c, k->unicode), u = mod_re_upper(c, k->unicode);
        in = (l != c && in_ranges(r, k->range_count, l)) || (u != c && in_ranges(r, k->range_count, u));
    }
    return in ^ k->neg;
}

/* ------------------------------------------------------------ nodes */

static int new_node(cs_t *cs, int type, int32_t a, int32_t b) {
    cs->nodes = grow(cs->nodes, &cs->capnodes, cs->nnodes + 1, sizeof(node_t));
    node_t *n = &cs->nodes[cs->nnodes];
    memset(n, 0, sizeof *n);
    n->type = (uint8_t)type;
    n->a = a;
    n->b = b;
    n->child = n->next = -1;
    return cs->nnodes++;
}
#define ND(i) (cs->nodes[(i)])

/* Appends item to the child list of parent; *last tracks the tail. */
static void add_child(cs_t *cs, int parent, int item, int *last) {
    if (*last < 0)
        ND(parent).child = item;
    else
        ND(*last).next = item;
    *last = item;
}

/* ------------------------------------------------------------ lexing helpers */

static int at_end(cs_t *cs) { return cs->i >= cs->n; }
static uint32_t peek(cs_t *cs) { return cs->i < cs->n ? cs->p[cs->i] : 0; }
static int accept(cs_t *cs, uint32_t c) {
    if (cs->i < cs->n && cs->p[cs->i] == c) {
        cs->i++;
        return 1;
    }
    return 0;
}

/* VERBOSE: whitespace and #-comments between tokens are ignored. */
static void skip_verbose(cs_t *cs) {
    if (!(cs->flags & RE_X)) return;
    while (cs->i < cs->n) {
        uint32_t c = cs->p[cs->i];
        if (c == ' ' || (c >= 9 && c <= 13)) {
            cs->i++;
        } else if (c == '#') {
            while (cs->i < cs->n && cs->p[cs->i] != '\n') cs->i++;
        } else {
            break;
        }
    }
}

static int hexval(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}
static int is_octal(uint32_t c) { return c >= '0' && c <= '7'; }
static int is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static int is_ascii_letter(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static uint32_t read_hex(cs_t *cs, int count, size_t esc_pos, char kind) {
    uint32_t v = 0;
    for (int k = 0; k < count; k++) {
        int h = cs->i < cs->n ? hexval(cs->p[cs->i]) : -1;
        if (h < 0) {
            char t[64];
            mod_re_raise(cs->pattern, (ssize_t)esc_pos, "incomplete escape %s", src_text(cs, esc_pos, cs->i, t, sizeof t));
        }
        v = v * 16 + (uint32_t)h;
        cs->i++;
    }
    if (v > 0x10FFFF) mod_re_raise(cs->pattern, (ssize_t)esc_pos, "bad escape \\%c", kind);
    return v;
}

static PY_NORETURN void bad_escape(cs_t *cs, size_t pos, uint32_t c) {
    mod_re_raise(cs->pattern, (ssize_t)pos, "bad escape \\%c", (char)c);
}

/* A character escape (after the backslash, c already consumed); returns the
 * unit.  Used inside and outside classes; digits are handled by callers. */
static uint32_t char_escape(cs_t *cs, uint32_t c, size_t pos) {
    switch (c) {
    case 'a': return 7;
    case 'f': return 12;
    case 'n': return 10;
    case 'r': return 13;
    case 't': return 9;
    case 'v': return 11;
    case 'x': return read_hex(cs, 2, pos, 'x');
    case 'u':
        if (cs->is_bytes) bad_escape(cs, pos, c);
        return read_hex(cs, 4, pos, 'u');
    case 'U':
        if (cs->is_bytes) bad_escape(cs, pos, c);
        return read_hex(cs, 8, pos, 'U');
    }
    if (c < 128 && (is_ascii_letter(c) || is_digit(c))) bad_escape(cs, pos, c);
    return c;
}

/* Octal escape starting with digit d (consumed): up to three digits. */
static uint32_t octal_escape(cs_t *cs, uint32_t d, size_t pos) {
    uint32_t v = d - '0';
    for (int k = 0; k < 2 && cs->i < cs->n && is_octal(cs->p[cs->i]); k++) v = v * 8 + (cs->p[cs->i++] - '0');
    if (v > 0377) mod_re_raise(cs->pattern, (ssize_t)pos, "octal escape value \\%o outside of range 0-0o377", v);
    return v;
}

/* ------------------------------------------------------------ classes */

typedef struct {
    int start; /* first range pair of this class in cs->ranges */
    int cats;
} cls_build_t;

static void add_range(cs_t *cs, uint32_t lo, uint32_t hi) {
    cs->ranges = grow(cs->ranges, &cs->capranges, 2 * (cs->nranges + 1), sizeof(uint32_t));
    cs->ranges[2 * cs->nranges] = lo;
    cs->ranges[2 * cs->nranges + 1] = hi;
    cs->nranges++;
}

static int finish_class(cs_t *cs, int start, int cats, int neg) {
    cs->classes = grow(cs->classes, &cs->capclass, cs->nclass + 1, sizeof(re_class_t));
    re_class_t *k = &cs->classes[cs->nclass];
    memset(k, 0, sizeof *k);
    k->range_start = start;
    k->range_count = cs->nranges - start;
    k->cats = (uint8_t)cats;
    k->icase = (cs->flags & RE_I) != 0;
    k->neg = (uint8_t)neg;
    k->unicode = (uint8_t)unicode_mode(cs);
    for (uint32_t c = 0; c < 256; c++)
        if (mod_re_class_test(cs->ranges, k, c)) k->bits[c >> 5] |= 1u << (c & 31);
    return cs->nclass++;
}

static int char_node(cs_t *cs, uint32_t c);

static int cat_class(cs_t *cs, int cat) { return new_node(cs, N_CLASS, finish_class(cs, cs->nranges, cat, 0), 0); }

static int cat_of(uint32_t c) {
    switch (c) {
    case 'd': return RC_D;
    case 'D': return RC_ND;
    case 'w': return RC_W;
    case 'W': return RC_NW;
    case 's': return RC_S;
    case 'S': return RC_NS;
    }
    return 0;
}

/* After '['. */
static int parse_class(cs_t *cs) {
    size_t open = cs->i - 1;
    int neg = accept(cs, '^');
    int start = cs->nranges, cats = 0;
    int first = 1;
    for (;;) {
        if (at_end(cs)) err_at(cs, (ssize_t)open, "unterminated character set");
        uint32_t c = cs->p[cs->i++];
        if (c == ']' && !first) break;
        first = 0;
        size_t item_pos = cs->i - 1;
        uint32_t lo;
        if (c == '\\') {
            if (at_end(cs)) err_at(cs, (ssize_t)item_pos, "bad escape (end of pattern)");
            uint32_t e = cs->p[cs->i++];
            int cat = cat_of(e);
            if (cat) {
                cats |= cat;
                if (cs->i + 1 < cs->n && cs->p[cs->i] == '-' && cs->p[cs->i + 1] != ']') {
                    mod_re_raise(cs->pattern, (ssize_t)item_pos, "bad character range \\%c-%c", (char)e,
                                 (char)cs->p[cs->i + 1]);
                }
                continue;
            }
            if (e == 'b')
                lo = 8;
            else if (is_octal(e))
                lo = octal_escape(cs, e, item_pos);
            else
                lo = char_escape(cs, e, item_pos);
        } else {
            lo = c;
        }
        uint32_t hi = lo;
        if (cs->i + 1 < cs->n && cs->p[cs->i] == '-' && cs->p[cs->i + 1] != ']') {
            cs->i++;
            uint32_t c2 = cs->p[cs->i++];
            if (c2 == '\\') {
                if (at_end(cs)) err_at(cs, (ssize_t)item_pos, "bad escape (end of pattern)");
                uint32_t e = cs->p[cs->i++];
                if (cat_of(e))
                    mod_re_raise(cs->pattern, (ssize_t)item_pos, "bad character range %c-\\%c", (char)lo, (char)e);
                if (e == 'b')
                    hi = 8;
                else if (is_octal(e))
                    hi = octal_escape(cs, e, cs->i - 2);
                else
                    hi = char_escape(cs, e, cs->i - 2);
            } else {
                hi = c2;
            }
            if (hi < lo) {
                char t[64];
                mod_re_raise(cs->pattern, (ssize_t)item_pos, "bad character range %s",
                             src_text(cs, item_pos, cs->i, t, sizeof t));
            }
        }
        add_range(cs, lo, hi);
    }
    int nr = cs->nranges - start;
    if (!neg && !cats && nr == 1 && cs->ranges[2 * start] == cs->ranges[2 * start + 1]) {
        uint32_t c = cs->ranges[2 * start];
        cs->nranges = start;
        return char_node(cs, c);
    }
    return new_node(cs, N_CLASS, finish_class(cs, start, cats, neg), 0);
}

/* ------------------------------------------------------------ the parser */

static int parse_alt(cs_t *cs);

static int char_node(cs_t *cs, uint32_t c) {
    int uni = unicode_mode(cs);
    int n = new_node(cs, N_CHAR, (int32_t)c, uni);
    if (cs->flags & RE_I) {
        if (mod_re_lower(c, uni) != c || mod_re_upper(c, uni) != c) ND(n).flag = 1;
    }
    return n;
}

static void mark_closed(cs_t *cs, int g) {
    cs->closed = grow(cs->closed, &cs->capclosed, g + 1, 1);
    cs->closed[g] = 1;
}

static int group_ref_ok(cs_t *cs, int g) { return g < cs->ngroups && g < cs->capclosed && cs->closed[g]; }

/* A group name: identifier characters up to `term`. */
static py_val_t read_name(cs_t *cs, uint32_t term, size_t *name_pos, int numeric_ok) {
    size_t s = cs->i;
    *name_pos = s;
    while (cs->i < cs->n && cs->p[cs->i] != term) cs->i++;
    if (cs->i >= cs->n) {
        if (cs->i == s) err_at(cs, (ssize_t)s, "missing group name");
        err_at(cs, (ssize_t)s, term == '>' ? "missing >, unterminated name" : "missing ), unterminated name");
    }
    size_t e = cs->i++;
    if (e == s) err_at(cs, (ssize_t)s, "missing group name");
    py_sb_t sb;
    py_sb_init(&sb);
    int ok = 1;
    for (size_t k = s; k < e; k++) {
        uint32_t c = cs->p[k];
        if (cs->is_bytes && c >= 128) ok = 0;
        if (c < 128 && !(is_ascii_letter(c) || c == '_' || ((k > s || numeric_ok) && is_digit(c)))) ok = 0;
        py_sb_add_utf8(&sb, c);
    }
    py_val_t name = py_sb_to_str(&sb);
    if (!ok) {
        py_val_t r = py_repr(name);
        mod_re_raise(cs->pattern, (ssize_t)s, "bad character in group name %s", py_str_data(r));
    }
    return name;
}

static int lookup_group_name(cs_t *cs, py_val_t name, size_t pos) {
    py_val_t g = py_dict_get(cs->groupindex, name);
    if (py_is_null(g)) {
        py_val_t r = py_repr(name);
        mod_re_raise(cs->pattern, (ssize_t)pos, "unknown group name %s", py_str_data(r));
    }
    return (int)py_as_small(g);
}

static int flag_of(uint32_t c) {
    switch (c) {
    case 'i': return RE_I;
    case 'm': return RE_M;
    case 's': return RE_S;
    case 'x': return RE_X;
    case 'a': return RE_A;
    case 'u': return RE_U;
    case 'L': return RE_L;
    }
    return 0;
}

/* A parenthesised body, up to and including ')'. */
static int parse_body(cs_t *cs, size_t open) {
    int body = parse_alt(cs);
    if (!accept(cs, ')')) err_at(cs, (ssize_t)open, "missing ), unterminated subpattern");
    return body;
}

static int capture_group(cs_t *cs, size_t open, py_val_t name, size_t name_pos) {
    int g = cs->ngroups++;
    if (!py_is_null(name)) {
        py_val_t old = py_dict_get(cs->groupindex, name);
        if (!py_is_null(old)) {
            py_val_t r = py_repr(name);
            mod_re_raise(cs->pattern, (ssize_t)name_pos, "redefinition of group name %s as group %d; was group %d",
                         py_str_data(r), g, (int)py_as_small(old));
        }
        py_dict_set(cs->groupindex, name, py_small(g));
    }
    int body = parse_body(cs, open);
    mark_closed(cs, g);
    int n = new_node(cs, N_GROUP, g, 0);
    ND(n).child = body;
    return n;
}

/* After '('. */
static int parse_group(cs_t *cs) {
    size_t open = cs->i - 1;
    if (!accept(cs, '?')) return capture_group(cs, open, PY_NULL, 0);
    if (at_end(cs)) err_at(cs, (ssize_t)open + 1, "unexpected end of pattern");
    uint32_t c = cs->p[cs->i++];
    if (c == ':') {
        int body = parse_body(cs, open);
        int n = new_node(cs, N_GROUP, 0, 0);
        ND(n).child = body;
        return n;
    }
    if (c == 'P') {
        if (accept(cs, '<')) {
            size_t np;
            py_val_t name = read_name(cs, '>', &np, 0);
            return capture_group(cs, open, name, np);
        }
        if (accept(cs, '=')) {
            size_t np;
            py_val_t name = read_name(cs, ')', &np, 0);
            int g = lookup_group_name(cs, name, np);
            if (!group_ref_ok(cs, g)) err_at(cs, (ssize_t)np, "cannot refer to an open group");
            int n = new_node(cs, N_BACKREF, g, unicode_mode(cs));
            ND(n).flag = (cs->flags & RE_I) != 0;
            return n;
        }
        if (at_end(cs)) err_at(cs, (ssize_t)cs->i, "unexpected end of pattern");
        mod_re_raise(cs->pattern, (ssize_t)cs->i, "unknown extension ?P%c", (char)cs->p[cs->i]);
    }
    if (c == '#') {
        while (cs->i < cs->n && cs->p[cs->i] != ')') cs->i++;
        if (!accept(cs, ')')) err_at(cs, (ssize_t)open, "missing ), unterminated comment");
        return -1; /* nothing */
    }
    int kind = -1;
    if (c == '=') kind = RE_LOOK_AHEAD;
    if (c == '!') kind = RE_LOOK_NAHEAD;
    if (c == '>') kind = RE_LOOK_ATOMIC;
    if (c == '<') {
        if (accept(cs, '='))
            kind = RE_LOOK_BEHIND;
        else if (accept(cs, '!'))
            kind = RE_LOOK_NBEHIND;
        else if (at_end(cs))
            err_at(cs, (ssize_t)cs->i, "unexpected end of pattern");
        else
            mod_re_raise(cs->pattern, (ssize_t)cs->i - 1, "unknown extension ?<%c", (char)cs->p[cs->i]);
    }
    if (kind >= 0) {
        int body = parse_body(cs, open);
        int n = new_node(cs, N_LOOK, kind, 0);
        ND(n).child = body;
        return n;
    }
    if (c == '(') {
        /* (?(group)yes|no) */
        size_t np;
        py_val_t name = read_name(cs, ')', &np, 1);
        const char *s = py_str_data(name);
        int g;
        if (s[0] >= '0' && s[0] <= '9') {
            g = 0;
            for (const char *q = s; *q; q++) {
                if (*q < '0' || *q > '9') {
                    py_val_t r = py_repr(name);
                    mod_re_raise(cs->pattern, (ssize_t)np, "bad character in group name %s", py_str_data(r));
                }
                g = g * 10 + (*q - '0');
                if (g > 100000) break;
            }
            if (g == 0) err_at(cs, (ssize_t)np, "bad group number");
            if (g >= cs->ngroups) mod_re_raise(cs->pattern, (ssize_t)np, "invalid group reference %d", g);
        } else {
            g = lookup_group_name(cs, name, np);
        }
        int n = new_node(cs, N_COND, g, 0);
        int yes = parse_alt(cs);
        int no = -1;
        node_t *y = &ND(yes);
        if (y->type == N_ALT) {
            /* split the alternation: exactly two branches allowed */
            int first = y->child;
            int second = ND(first).next;
            if (ND(second).next >= 0) err_at(cs, (ssize_t)open, "conditional backref with more than two branches");
            ND(first).next = -1;
            yes = first;
            no = second;
        }
        if (!accept(cs, ')')) err_at(cs, (ssize_t)open, "missing ), unterminated subpattern");
        ND(n).child = yes;
        ND(yes).next = no;
        return n;
    }
    /* inline flags: (?aiLmsux) at the start, or (?flags-flags:...) scoped */
    cs->i--;
    int on = 0, off = 0;
    size_t fpos = cs->i;
    while (cs->i < cs->n && flag_of(cs->p[cs->i])) on |= flag_of(cs->p[cs->i++]);
    if (accept(cs, '-')) {
        while (cs->i < cs->n && flag_of(cs->p[cs->i])) off |= flag_of(cs->p[cs->i++]);
        if (!off) err_at(cs, (ssize_t)cs->i, "missing flag");
        if (on & off) err_at(cs, (ssize_t)fpos, "bad inline flags: flag turned on and off");
    }
    if (at_end(cs)) err_at(cs, (ssize_t)cs->i, "missing -, : or )");
    uint32_t t = cs->p[cs->i++];
    if ((on & RE_L) || (off & RE_L)) err_at(cs, (ssize_t)fpos, "bad inline flags: cannot use 'L' flag with a str pattern");
    if (cs->is_bytes && (on & RE_U)) err_at(cs, (ssize_t)fpos, "bad inline flags: cannot use 'u' flag with a bytes pattern");
    if (t == ')') {
        if (off) err_at(cs, (ssize_t)fpos, "missing :");
        if (!on) mod_re_raise(cs->pattern, (ssize_t)fpos, "unknown extension ?%c", (char)c);
        if (open != 0) err_at(cs, (ssize_t)open, "global flags not at the start of the expression");
        cs->flags |= on;
        return -1;
    }
    if (t != ':' || (!on && !off)) {
        if (!on && !off) mod_re_raise(cs->pattern, (ssize_t)fpos - 1, "unknown extension ?%c", (char)c);
        err_at(cs, (ssize_t)cs->i - 1, "missing -, : or )");
    }
    int saved = cs->flags;
    cs->flags = (cs->flags | on) & ~off;
    int body = parse_body(cs, open);
    cs->flags = saved;
    int n = new_node(cs, N_GROUP, 0, 0);
    ND(n).child = body;
    return n;
}

/* After a backslash outside a class. */
static int parse_escape(cs_t *cs) {
    size_t pos = cs->i - 1;
    if (at_end(cs)) err_at(cs, (ssize_t)pos, "bad escape (end of pattern)");
    uint32_t c = cs->p[cs->i++];
    int cat = cat_of(c);
    if (cat) return cat_class(cs, cat);
    switch (c) {
    case 'A': return new_node(cs, N_ASSERT, OP_BOL, 0);
    case 'Z': return new_node(cs, N_ASSERT, OP_EOS, 0);
    case 'b': return new_node(cs, N_ASSERT, OP_WORDB, !unicode_mode(cs));
    case 'B': return new_node(cs, N_ASSERT, OP_NWORDB, !unicode_mode(cs));
    }
    if (c == '0') return char_node(cs, octal_escape(cs, c, pos));
    if (is_digit(c)) {
        /* three octal digits are an octal escape; otherwise a group reference of 1-2 digits */
        if (is_octal(c) && cs->i + 1 < cs->n && is_octal(cs->p[cs->i]) && is_octal(cs->p[cs->i + 1]))
            return char_node(cs, octal_escape(cs, c, pos));
        int g = (int)(c - '0');
        if (cs->i < cs->n && is_digit(cs->p[cs->i])) g = g * 10 + (int)(cs->p[cs->i++] - '0');
        if (!group_ref_ok(cs, g)) {
            if (g < cs->ngroups) err_at(cs, (ssize_t)pos, "cannot refer to an open group");
            mod_re_raise(cs->pattern, (ssize_t)pos, "invalid group reference %d", g);
        }
        int n = new_node(cs, N_BACKREF, g, unicode_mode(cs));
        ND(n).flag = (cs->flags & RE_I) != 0;
        return n;
    }
    return char_node(cs, char_escape(cs, c, pos));
}

static int is_assert(cs_t *cs, int n) { return n >= 0 && ND(n).type == N_ASSERT; }

/* {m}, {m,}, {,n}, {m,n}; returns 0 (and leaves i) when the brace is a literal. */
static int parse_braces(cs_t *cs, int32_t *mn, int32_t *mx) {
    size_t s = cs->i; /* after '{' */
    int64_t a = -1, b = -1;
    size_t k = s;
    while (k < cs->n && is_digit(cs->p[k])) {
        a = (a < 0 ? 0 : a) * 10 + (cs->p[k] - '0');
        if (a > 0xFFFFFFF) a = 0xFFFFFFF;
        k++;
    }
    int comma = 0;
    if (k < cs->n && cs->p[k] == ',') {
        comma = 1;
        k++;
        while (k < cs->n && is_digit(cs->p[k])) {
            b = (b < 0 ? 0 : b) * 10 + (cs->p[k] - '0');
            if (b > 0xFFFFFFF) b = 0xFFFFFFF;
            k++;
        }
    }
    if (k >= cs->n || cs->p[k] != '}') return 0;
    if (!comma && a < 0) return 0; /* "{}" is a literal */
    if (!comma) b = a;
    if (a < 0) a = 0;
    if (a > 0xFFFFFFE || b > 0xFFFFFFE) err_at(cs, (ssize_t)s, "the repetition number is too large");
    if (b >= 0 && b < a) err_at(cs, (ssize_t)s, "min repeat greater than max repeat");
    cs->i = k + 1;
    *mn = (int32_t)a;
    *mx = (int32_t)b;
    return 1;
}

/* One item with its quantifiers; -1 when the item is empty (a comment or flags). */
static int parse_repeat(cs_t *cs) {
    size_t item_pos = cs->i;
    uint32_t c = cs->p[cs->i++];
    int item;
    switch (c) {
    case '(': item = parse_group(cs); break;
    case '[': item = parse_class(cs); break;
    case '.': item = new_node(cs, N_ANY, 0, 0); ND(item).flag = (cs->flags & RE_S) != 0; break;
    case '^': item = new_node(cs, N_ASSERT, (cs->flags & RE_M) ? OP_BOLM : OP_BOL, 0); break;
    case '$': item = new_node(cs, N_ASSERT, (cs->flags & RE_M) ? OP_EOLM : OP_EOL, 0); break;
    case '\\': item = parse_escape(cs); break;
    case '*':
    case '+':
    case '?': err_at(cs, (ssize_t)item_pos, "nothing to repeat");
    case '{': {
        int32_t mn, mx;
        size_t save = cs->i;
        if (parse_braces(cs, &mn, &mx)) err_at(cs, (ssize_t)item_pos, "nothing to repeat");
        cs->i = save;
        item = char_node(cs, c);
        break;
    }
    default: item = char_node(cs, c); break;
    }
    int repeated = 0;
    for (;;) {
        skip_verbose(cs);
        if (at_end(cs)) break;
        size_t qpos = cs->i;
        uint32_t q = cs->p[cs->i];
        int32_t mn, mx;
        if (q == '*') {
            mn = 0, mx = -1, cs->i++;
        } else if (q == '+') {
            mn = 1, mx = -1, cs->i++;
        } else if (q == '?') {
            mn = 0, mx = 1, cs->i++;
        } else if (q == '{') {
            cs->i++;
            if (!parse_braces(cs, &mn, &mx)) {
                cs->i--;
                break;
            }
        } else {
            break;
        }
        if (item < 0 || is_assert(cs, item)) err_at(cs, (ssize_t)qpos, "nothing to repeat");
        if (repeated) err_at(cs, (ssize_t)qpos, "multiple repeat");
        int greedy = 1, poss = 0;
        if (accept(cs, '?'))
            greedy = 0;
        else if (accept(cs, '+'))
            poss = 1;
        int r = new_node(cs, N_REP, mn, mx);
        ND(r).greedy = (uint8_t)greedy;
        ND(r).flag = (uint8_t)poss;
        ND(r).child = item;
        item = r;
        repeated = 1;
    }
    return item;
}

static int parse_cat(cs_t *cs) {
    int cat = new_node(cs, N_CAT, 0, 0), last = -1, count = 0;
    for (;;) {
        skip_verbose(cs);
        if (at_end(cs) || peek(cs) == '|' || peek(cs) == ')') break;
        int item = parse_repeat(cs);
        if (item < 0) continue;
        add_child(cs, cat, item, &last);
        count++;
    }
    if (count == 0) return new_node(cs, N_EMPTY, 0, 0);
    if (count == 1) return ND(cat).child;
    return cat;
}

static int parse_alt(cs_t *cs) {
    if (++cs->depth > MAX_DEPTH) err_at(cs, (ssize_t)cs->i, "too many nested parentheses");
    py_check_stack();
    int first = parse_cat(cs);
    if (peek(cs) != '|' || at_end(cs)) {
        cs->depth--;
        return first;
    }
    int alt = new_node(cs, N_ALT, 0, 0), last = -1;
    add_child(cs, alt, first, &last);
    while (accept(cs, '|')) add_child(cs, alt, parse_cat(cs), &last);
    cs->depth--;
    return alt;
}

/* ------------------------------------------------------------ analysis */

/* Minimum and maximum length of what a node matches (max -1: unbounded). */
static void widths(cs_t *cs, int n, int64_t *mn, int64_t *mx) {
    node_t *d = &ND(n);
    switch (d->type) {
    case N_CHAR:
    case N_ANY:
    case N_CLASS: *mn = *mx = 1; return;
    case N_EMPTY:
    case N_ASSERT:
    case N_LOOK:
        if (d->type == N_LOOK && d->a == RE_LOOK_ATOMIC) break;
        *mn = *mx = 0;
        return;
    case N_BACKREF: *mn = 0, *mx = -1; return;
    default: break;
    }
    if (d->type == N_GROUP || d->type == N_LOOK) {
        widths(cs, d->child, mn, mx);
        return;
    }
    if (d->type == N_REP) {
        int64_t a, b;
        widths(cs, d->child, &a, &b);
        *mn = a * d->a;
        *mx = (d->b < 0 || b < 0) ? (b == 0 ? 0 : -1) : b * d->b;
        if (*mn > 0x7FFFFFFF) *mn = 0x7FFFFFFF;
        if (*mx > 0x7FFFFFFF) *mx = -1;
        return;
    }
    int64_t tmn = d->type == N_CAT ? 0 : INT64_MAX, tmx = 0;
    for (int c = d->child; c >= 0; c = ND(c).next) {
        int64_t a, b;
        widths(cs, c, &a, &b);
        if (d->type == N_CAT) {
            tmn += a;
            if (tmn > 0x7FFFFFFF) tmn = 0x7FFFFFFF;
            tmx = (tmx < 0 || b < 0) ? -1 : tmx + b;
            if (tmx > 0x7FFFFFFF) tmx = -1;
        } else { /* N_ALT, N_COND */
            if (a < tmn) tmn = a;
            if (tmx >= 0 && (b < 0 || b > tmx)) tmx = b;
        }
    }
    if (d->type == N_COND && ND(d->child).next < 0) tmn = 0;
    if (tmn == INT64_MAX) tmn = 0;
    *mn = tmn;
    *mx = tmx;
}

typedef struct {
    uint32_t bits[8];
    int high;
    int any;
} first_t;

static void first_add(first_t *f, uint32_t c) {
    if (c < 256)
        f->bits[c >> 5] |= 1u << (c & 31);
    else
        f->high = 1;
}

/* Adds the units a match of n can start with; returns 1 when n can match empty
 * (so what follows it matters too). */
static int first_of(cs_t *cs, int n, first_t *f) {
    node_t *d = &ND(n);
    switch (d->type) {
    case N_CHAR:
        first_add(f, (uint32_t)d->a);
        if (d->flag) {
            int uni = unicode_mode(cs);
            first_add(f, mod_re_lower((uint32_t)d->a, uni));
            first_add(f, mod_re_upper((uint32_t)d->a, uni));
            if (uni) f->high = 1; /* e.g. KELVIN SIGN folds to 'k' */
        }
        return 0;
    case N_ANY: f->any = 1; return 0;
    case N_CLASS: {
        re_class_t *k = &cs->classes[d->a];
        for (int i = 0; i < 8; i++) f->bits[i] |= k->bits[i];
        if (!cs->is_bytes) f->high = 1;
        return 0;
    }
    case N_EMPTY:
    case N_ASSERT: return 1;
    case N_LOOK:
        if (d->a == RE_LOOK_ATOMIC) return first_of(cs, d->child, f);
        return 1;
    case N_BACKREF:
    case N_COND: f->any = 1; return 1;
    case N_GROUP: return first_of(cs, d->child, f);
    case N_REP: {
        if (d->b == 0) return 1;
        int e = first_of(cs, d->child, f);
        return e || d->a == 0;
    }
    case N_CAT:
        for (int c = d->child; c >= 0; c = ND(c).next)
            if (!first_of(cs, c, f)) return 0;
        return 1;
    case N_ALT: {
        int e = 0;
        for (int c = d->child; c >= 0; c = ND(c).next) e |= first_of(cs, c, f);
        return e;
    }
    }
    return 1;
}

/* The literal every match starts with (case-sensitive chars at the front). */
static int prefix_of(cs_t *cs, int n, uint32_t *out, int max) {
    node_t *d = &ND(n);
    if (d->type == N_CHAR && !d->flag) {
        out[0] = (uint32_t)d->a;
        return 1;
    }
    if (d->type == N_GROUP) return prefix_of(cs, d->child, out, max);
    if (d->type != N_CAT) return 0;
    int len = 0;
    for (int c = d->child; c >= 0 && len < max; c = ND(c).next) {
        node_t *e = &ND(c);
        if (e->type == N_CHAR && !e->flag) {
            out[len++] = (uint32_t)e->a;
        } else {
            if (len == 0) return prefix_of(cs, c, out, max);
            break;
        }
    }
    return len;
}

static int is_anchored(cs_t *cs, int n) {
    node_t *d = &ND(n);
    if (d->type == N_ASSERT) return d->a == OP_BOL;
    if (d->type == N_GROUP) return is_anchored(cs, d->child);
    if (d->type == N_CAT) return is_anchored(cs, d->child);
    if (d->type == N_ALT) {
        for (int c = d->child; c >= 0; c = ND(c).next)
            if (!is_anchored(cs, c)) return 0;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ code generation */

static int emit(cs_t *cs, int op, int32_t a, int32_t b, int32_t c) {
    if (cs->ncode >= MAX_CODE) err_at(cs, -1, "pattern too large");
    cs->code = grow(cs->code, &cs->capcode, cs->ncode + 1, sizeof(re_ins_t));
    re_ins_t *i = &cs->code[cs->ncode];
    memset(i, 0, sizeof *i);
    i->op = (uint8_t)op;
    i->a = a;
    i->b = b;
    i->c = c;
    return cs->ncode++;
}

static void gen(cs_t *cs, int n);

static int single_unit(cs_t *cs, int n) {
    int t = ND(n).type;
    return t == N_CHAR || t == N_ANY || t == N_CLASS;
}

static void gen_rep(cs_t *cs, node_t d) {
    int child = d.child;
    if (d.flag) { /* possessive: an atomic group around the greedy form */
        int look = emit(cs, OP_LOOK, RE_LOOK_ATOMIC, 0, 0);
        d.flag = 0;
        gen_rep(cs, d);
        emit(cs, OP_LOOK_END, 0, 0, 0);
        cs->code[look].b = cs->ncode;
        return;
    }
    if (d.a == 1 && d.b == 1) {
        gen(cs, child);
        return;
    }
    if (d.b == 0) return;
    if (single_unit(cs, child)) {
        emit(cs, OP_REP, d.a, d.b, d.greedy);
        gen(cs, child);
        return;
    }
    for (int k = 0; k < d.a; k++) gen(cs, child);
    int64_t mn, mx;
    widths(cs, child, &mn, &mx);
    if (d.b < 0) {
        int reg = -1;
        if (mn == 0) reg = cs->nregs++;
        int split = emit(cs, OP_SPLIT, 0, 0, 0);
        int body = cs->ncode;
        if (reg >= 0) emit(cs, OP_MARK, reg, 0, 0);
        gen(cs, child);
        if (reg >= 0)
            emit(cs, OP_LOOP, reg, split, 0);
        else
            emit(cs, OP_JMP, split, 0, 0);
        int exit = cs->ncode;
        cs->code[split].a = d.greedy ? body : exit;
        cs->code[split].b = d.greedy ? exit : body;
        return;
    }
    int count = d.b - d.a;
    int *splits = py_raw_alloc(sizeof(int) * (size_t)count);
    for (int k = 0; k < count; k++) {
        splits[k] = emit(cs, OP_SPLIT, 0, 0, 0);
        cs->code[splits[k]].a = cs->ncode; /* provisional: body */
        gen(cs, child);
    }
    int end = cs->ncode;
    for (int k = 0; k < count; k++) {
        re_ins_t *s = &cs->code[splits[k]];
        int body = s->a;
        s->a = d.greedy ? body : end;
        s->b = d.greedy ? end : body;
    }
    py_raw_free(splits);
}

static void gen(cs_t *cs, int n) {
    node_t d = ND(n); /* a copy: the node array may move while generating */
    switch (d.type) {
    case N_EMPTY: return;
    case N_CHAR:
        if (d.flag)
            emit(cs, OP_CHARI, (int32_t)mod_re_lower((uint32_t)d.a, d.b), d.b, 0);
        else
            emit(cs, OP_CHAR, d.a, 0, 0);
        return;
    case N_ANY: emit(cs, d.flag ? OP_ANYALL : OP_ANY, 0, 0, 0); return;
    case N_CLASS: emit(cs, OP_CLASS, d.a, 0, 0); return;
    case N_ASSERT: emit(cs, d.a, d.b, 0, 0); return;
    case N_GROUP:
        if (d.a > 0) emit(cs, OP_SAVE, 2 * d.a, 0, 0);
        gen(cs, d.child);
        if (d.a > 0) emit(cs, OP_SAVE, 2 * d.a + 1, 1, 2 * cs->ngroups); /* also records lastindex */
        return;
    case N_CAT:
        for (int c = d.child; c >= 0; c = ND(c).next) gen(cs, c);
        return;
    case N_ALT: {
        int njumps = 0;
        for (int c = d.child; c >= 0; c = ND(c).next) njumps++;
        int *jumps = py_raw_alloc(sizeof(int) * (size_t)njumps);
        int k = 0;
        for (int c = d.child; c >= 0; c = ND(c).next) {
            if (ND(c).next >= 0) {
                int split = emit(cs, OP_SPLIT, 0, 0, 0);
                cs->code[split].a = cs->ncode;
                gen(cs, c);
                jumps[k++] = emit(cs, OP_JMP, 0, 0, 0);
                cs->code[split].b = cs->ncode;
            } else {
                gen(cs, c);
            }
        }
        for (int j = 0; j < k; j++) cs->code[jumps[j]].a = cs->ncode;
        py_raw_free(jumps);
        return;
    }
    case N_REP: gen_rep(cs, d); return;
    case N_BACKREF: emit(cs, OP_BACKREF, d.a, d.flag, d.b); return;
    case N_LOOK: {
        int32_t width = 0;
        if (d.a == RE_LOOK_BEHIND || d.a == RE_LOOK_NBEHIND) {
            int64_t mn, mx;
            widths(cs, d.child, &mn, &mx);
            if (mn != mx) err_at(cs, -1, "look-behind requires fixed-width pattern");
            width = (int32_t)mn;
        }
        int look = emit(cs, OP_LOOK, d.a, 0, width);
        gen(cs, d.child);
        emit(cs, OP_LOOK_END, 0, 0, 0);
        cs->code[look].b = cs->ncode;
        return;
    }
    case N_COND: {
        int yes = d.child, no = ND(yes).next;
        int g = emit(cs, OP_GREF, d.a, 0, 0);
        gen(cs, yes);
        int j = emit(cs, OP_JMP, 0, 0, 0);
        cs->code[g].b = cs->ncode;
        if (no >= 0) gen(cs, no);
        cs->code[j].a = cs->ncode;
        return;
    }
    }
}

/* ------------------------------------------------------------ entry point */

re_prog_t *mod_re_compile(py_val_t pattern, const uint32_t *pat, size_t n, int is_bytes, int flags,
                          py_val_t groupindex) {
    cs_t cs;
    memset(&cs, 0, sizeof cs);
    cs.pattern = pattern;
    cs.p = pat;
    cs.n = n;
    cs.is_bytes = is_bytes;
    cs.flags = flags;
    cs.ngroups = 1;
    cs.groupindex = groupindex;
    if (is_bytes && (flags & RE_U)) py_raise_msg(&py_type_ValueError, "cannot use UNICODE flag with a bytes pattern");
    if (!is_bytes && (flags & RE_L)) py_raise_msg(&py_type_ValueError, "cannot use LOCALE flag with a str pattern");
    if ((flags & RE_A) && (flags & RE_U)) py_raise_msg(&py_type_ValueError, "ASCII and UNICODE flags are incompatible");
    int root = parse_alt(&cs);
    if (cs.i < cs.n) err_at(&cs, (ssize_t)cs.i, "unbalanced parenthesis");
    /* the outer group 0 */
    emit(&cs, OP_SAVE, 0, 0, 0);
    gen(&cs, root);
    emit(&cs, OP_SAVE, 1, 0, 0);
    emit(&cs, OP_MATCH, 0, 0, 0);

    first_t f;
    memset(&f, 0, sizeof f);
    int nullable = first_of(&cs, root, &f);
    uint32_t prefix[64];
    int plen = prefix_of(&cs, root, prefix, 64);

    size_t sz = sizeof(re_prog_t);
    size_t code_off = sz;
    sz += sizeof(re_ins_t) * (size_t)cs.ncode;
    size_t class_off = sz;
    sz += sizeof(re_class_t) * (size_t)cs.nclass;
    size_t range_off = sz;
    sz += sizeof(uint32_t) * 2 * (size_t)cs.nranges;
    size_t prefix_off = sz;
    sz += sizeof(uint32_t) * (size_t)plen;
    re_prog_t *p = py_raw_alloc(sz);
    p->ncode = cs.ncode;
    p->nclass = cs.nclass;
    p->nranges = cs.nranges;
    p->ngroups = cs.ngroups;
    p->nslots = 2 * cs.ngroups + 1 + cs.nregs;
    p->flags = cs.flags;
    p->anchored = (uint8_t)is_anchored(&cs, root);
    p->has_first = !nullable && !f.any;
    p->first_high = (uint8_t)f.high;
    memcpy(p->first, f.bits, sizeof f.bits);
    p->is_bytes = (uint8_t)is_bytes;
    p->prefix_len = plen;
    p->code_off = (uint32_t)code_off;
    p->class_off = (uint32_t)class_off;
    p->range_off = (uint32_t)range_off;
    p->prefix_off = (uint32_t)prefix_off;
    memcpy(re_code(p), cs.code, sizeof(re_ins_t) * (size_t)cs.ncode);
    if (cs.nclass) memcpy(re_classes(p), cs.classes, sizeof(re_class_t) * (size_t)cs.nclass);
    if (cs.nranges) memcpy(re_ranges(p), cs.ranges, sizeof(uint32_t) * 2 * (size_t)cs.nranges);
    if (plen) memcpy(re_prefix(p), prefix, sizeof(uint32_t) * (size_t)plen);
    /* registers are numbered after the group slots and the lastindex slot */
    re_ins_t *code = re_code(p);
    for (int i = 0; i < p->ncode; i++)
        if (code[i].op == OP_MARK || code[i].op == OP_LOOP) code[i].a += 2 * cs.ngroups + 1;
    return p;
}
