/* re_int.h: internals shared by the files of the re module only
 * (re_compile.c: pattern -> program, re_exec.c: the matcher, mod_re.c: the
 * Python objects).
 *
 * A compiled pattern is one raw GC block (re_prog_t followed by its
 * instructions, character classes, class ranges and literal prefix), so the
 * Pattern object keeps it alive by tracing a single pointer and it needs no
 * finaliser.  All inner references are offsets, never pointers.
 *
 * The matcher is a backtracking machine with an explicit stack: it never
 * recurses in C, whatever the pattern or the input.  A subject is an array of
 * "units": bytes for bytes patterns and ASCII strs, 32-bit code points for
 * other strs, so every position is a code point index as Python expects.
 */
#ifndef MOD_RE_INT_H
#define MOD_RE_INT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "py/runtime.h"

/* CPython's flag values. */
enum {
    RE_TEMPLATE = 1,
    RE_I = 2,
    RE_L = 4,
    RE_M = 8,
    RE_S = 16,
    RE_U = 32,
    RE_X = 64,
    RE_DEBUG = 128,
    RE_A = 256,
};

typedef enum {
    OP_CHAR,     /* a: unit */
    OP_CHARI,    /* a: case-folded unit, b: Unicode case rules; compares fold(s[pos]) */
    OP_ANY,      /* anything but '\n' */
    OP_ANYALL,   /* anything (DOTALL) */
    OP_CLASS,    /* a: class index */
    OP_BOL,      /* start of string (^ without MULTILINE, \A) */
    OP_BOLM,     /* start of a line */
    OP_EOL,      /* $ : end, or before a final '\n' */
    OP_EOLM,     /* end of a line */
    OP_EOS,      /* \Z */
    OP_WORDB,    /* \b  (b: 1 for ASCII-only \w) */
    OP_NWORDB,   /* \B */
    OP_SPLIT,    /* go on at a, on failure at b */
    OP_JMP,      /* a */
    OP_SAVE,     /* slot[a] = pos; b: a group's end, so also slot[c] (lastindex) = a / 2 */
    OP_MARK,     /* slot[a] = pos (a loop register: the position a loop body began at) */
    OP_LOOP,     /* if pos != slot[a] goto b (the body advanced), else fall through */
    OP_REP,      /* a: min, b: max (-1 = no limit), c: greedy; the single-unit test is at pc+1 */
    OP_BACKREF,  /* a: group, b: ignore case, c: Unicode case rules */
    OP_LOOK,     /* a: RE_LOOK_*, b: continuation pc, c: width (look-behind) */
    OP_LOOK_END,
    OP_GREF,     /* conditional: if group a is set go on, else goto b */
    OP_MATCH,
    OP_FAIL,
} re_op_t;

enum { RE_LOOK_AHEAD, RE_LOOK_NAHEAD, RE_LOOK_BEHIND, RE_LOOK_NBEHIND, RE_LOOK_ATOMIC };

typedef struct {
    uint8_t op;
    uint8_t pad[3];
    int32_t a, b, c;
} re_ins_t;

/* Category bits of a class (\d \D \w \W \s \S inside [...]). */
enum { RC_D = 1, RC_ND = 2, RC_W = 4, RC_NW = 8, RC_S = 16, RC_NS = 32 };

typedef struct {
    uint32_t bits[8];    /* membership of units 0..255, final (negation and case applied) */
    int32_t range_start; /* index into the ranges array (pairs lo, hi) */
    int32_t range_count; /* pairs */
    uint8_t cats;        /* RC_* */
    uint8_t icase;
    uint8_t neg;
    uint8_t unicode; /* str pattern without ASCII: Unicode categories and case */
} re_class_t;

typedef struct {
    int32_t ncode, nclass, nranges;
    int32_t ngroups; /* capture groups including group 0 */
    int32_t nslots;  /* 2 * ngroups, the lastindex slot, then loop registers */
    int32_t flags;
    uint8_t anchored;  /* begins with \A or ^ (no MULTILINE): only position 0 can match */
    uint8_t has_first; /* first[] lists every unit < 256 a match can start with */
    uint8_t first_high; /* with has_first: a unit >= 256 may start a match */
    uint8_t is_bytes;
    uint32_t first[8];
    int32_t prefix_len; /* a literal (case-sensitive) every match starts with */
    uint32_t code_off, class_off, range_off, prefix_off; /* byte offsets from the struct */
} re_prog_t;

static inline re_ins_t *re_code(const re_prog_t *p) { return (re_ins_t *)((char *)p + p->code_off); }
static inline re_class_t *re_classes(const re_prog_t *p) { return (re_class_t *)((char *)p + p->class_off); }
static inline uint32_t *re_ranges(const re_prog_t *p) { return (uint32_t *)((char *)p + p->range_off); }
static inline uint32_t *re_prefix(const re_prog_t *p) { return (uint32_t *)((char *)p + p->prefix_off); }

/* re_compile.c: compiles pattern units (code points, or bytes as values
 * 0..255); fills groupindex (a dict name -> int).  Raises re.error. */
re_prog_t *mod_re_compile(py_val_t pattern, const uint32_t *pat, size_t n, int is_bytes, int flags,
                          py_val_t groupindex);

/* The subject of a match. */
typedef struct {
    const void *units;
    int wide; /* units are uint32_t, else uint8_t */
    ssize_t len;
} re_subject_t;

enum { RE_MODE_MATCH, RE_MODE_SEARCH, RE_MODE_FULL };

/* re_exec.c: tries the program on s[0:end] from `start` (mode: match at start,
 * search forward, or match spanning to end).  must_advance rejects an empty
 * match at `start` (the scanning rule of findall/sub/split).  On success fills
 * slots[0 .. 2*ngroups) (-1 when a group did not take part) and returns 1. */
int mod_re_exec(const re_prog_t *p, const re_subject_t *s, ssize_t start, int mode, int must_advance,
                ssize_t *slots);

/* Character predicates shared by the compiler and the matcher. */
int mod_re_is_word(uint32_t c, int unicode);
int mod_re_is_digit(uint32_t c, int unicode);
int mod_re_is_space(uint32_t c, int unicode);
uint32_t mod_re_lower(uint32_t c, int unicode);
uint32_t mod_re_upper(uint32_t c, int unicode);
/* Membership of any unit in a class given its program's ranges (the matcher's slow path, c >= 256). */
int mod_re_class_test(const uint32_t *ranges, const re_class_t *k, uint32_t c);

/* mod_re.c: raises re.error("<msg> at position <pos>"); pos < 0 omits it. */
PY_NORETURN void mod_re_raise(py_val_t pattern, ssize_t pos, const char *fmt, ...) PY_PRINTF(3, 4);

#endif
