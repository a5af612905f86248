/* lexer.c: Python source bytes to tokens.
 *
 * Hand-written over the byte buffer.  Invariants: the token array lives in
 * the arena and always ends with T_EOF; at EOF pending DEDENTs are emitted
 * and a NEWLINE precedes them if the last logical line lacked one.  Inside
 * brackets (depth > 0) or for f-string fields (`inner`) newlines and
 * indentation are ignored.  Every error is a SyntaxError raised through
 * py_syntax_error_at, never a crash, whatever the input bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"
#include "runtime.h"

/* ------------------------------------------------------------ errors */

_Noreturn void py_syntax_error_at(py_lexctx_t *ctx, int line, int col, int indent,
                                  const char *msg) {
    /* find the text of the line */
    const char *s = ctx->src, *e = ctx->src + ctx->srclen;
    int l = 1;
    while (s < e && l < line) {
        const char *nl = memchr(s, '\n', (size_t)(e - s));
        if (!nl) { s = e; break; }
        s = nl + 1;
        l++;
    }
    const char *le = s;
    while (le < e && *le != '\n' && *le != '\r') le++;
    /* only hand valid-looking text to py_str_new: replace bytes that are not printable ASCII */
    size_t n = (size_t)(le - s);
    if (n > 1000) n = 1000;
    char buf[1002];
    size_t k = 0;
    bool ascii = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || c == 0) ascii = false;
    }
    if (ascii) {
        memcpy(buf, s, n);
        k = n;
    } else {
        /* validate UTF-8 cheaply; on failure replace non-ASCII with '?' */
        size_t i = 0;
        while (i < n) {
            unsigned char c = (unsigned char)s[i];
            int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
            bool ok = extra >= 0 && i + (size_t)extra < n && c != 0;
            for (int j = 1; ok && j <= extra; j++)
                if (((unsigned char)s[i + (size_t)j] & 0xC0) != 0x80) ok = false;
            if (ok && extra > 0 && (c == 0xC0 || c == 0xC1 || c > 0xF4)) ok = false;
            if (!ok) { buf[k++] = '?'; i++; continue; }
            memcpy(buf + k, s + i, (size_t)extra + 1);
            k += (size_t)extra + 1;
            i += (size_t)extra + 1;
        }
    }
    buf[k] = '\n';
    py_val_t text = py_str_new(buf, k + 1);
    py_val_t fname = py_str_from_cstr(ctx->filename ? ctx->filename : "<string>");
    py_val_t loc = py_tuple_pack(4, fname, py_small(line), py_small(col + 1), text);
    py_val_t args[2] = {py_str_from_cstr(msg), loc};
    py_type_t *type = indent == 2 ? &py_type_TabError : indent ? &py_type_IndentationError : &py_type_SyntaxError;
    py_val_t exc = py_exc_new_args(type, 2, args);
    /* CPython's attributes; should the exception type not take them, the args still carry them */
    py_try_t t;
    if (py_try(&t)) {
        py_setattr(exc, PYN(msg), args[0]);
        py_setattr(exc, PYN(filename), fname);
        py_setattr(exc, PYN(lineno), py_small(line));
        py_setattr(exc, py_intern("offset"), py_small(col + 1));
        py_setattr(exc, py_intern("text"), text);
        py_try_end(&t);
    }
    py_raise(exc);
}

/* ------------------------------------------------------------ state */

typedef struct {
    py_lexctx_t *ctx;
    const char *p, *end;
    int line;
    const char *ls; /* start of the current line */
    py_token_t *toks;
    int n, cap;
    int depth;
    int parens[200]; /* kind of open brackets, for error messages */
    int pline[200];
    int pcol[200];
    int indents[100];
    int altind[100]; /* the same columns counting a tab as 1, to detect tab/space mixes */
    int nind;
    bool inner;
} lx_t;

static _Noreturn void err(lx_t *L, const char *at, const char *msg) {
    py_syntax_error_at(L->ctx, L->line, (int)(at - L->ls), false, msg);
}

static py_token_t *push(lx_t *L, int kind, const char *start) {
    if (L->n == L->cap) {
        int nc = L->cap ? L->cap * 2 : 256;
        py_token_t *t = py_arena_alloc(L->ctx->arena, sizeof(py_token_t) * (size_t)nc);
        if (L->n) memcpy(t, L->toks, sizeof(py_token_t) * (size_t)L->n);
        L->toks = t;
        L->cap = nc;
    }
    py_token_t *t = &L->toks[L->n++];
    memset(t, 0, sizeof *t);
    t->kind = (uint8_t)kind;
    t->line = L->line;
    t->col = (int)(start - L->ls);
    t->start = start;
    return t;
}

static bool is_id_start(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
static bool is_id_char(unsigned char c) { return is_id_start(c) || (c >= '0' && c <= '9'); }

static const struct { const char *s; int k; } keywords[] = {
    {"False", T_FALSE}, {"None", T_NONE}, {"True", T_TRUE}, {"and", T_AND}, {"as", T_AS},
    {"assert", T_ASSERT}, {"async", T_ASYNC}, {"await", T_AWAIT}, {"break", T_BREAK},
    {"class", T_CLASS}, {"continue", T_CONTINUE}, {"def", T_DEF}, {"del", T_DEL},
    {"elif", T_ELIF}, {"else", T_ELSE}, {"except", T_EXCEPT}, {"finally", T_FINALLY},
    {"for", T_FOR}, {"from", T_FROM}, {"global", T_GLOBAL}, {"if", T_IF}, {"import", T_IMPORT},
    {"in", T_IN}, {"is", T_IS}, {"lambda", T_LAMBDA}, {"nonlocal", T_NONLOCAL}, {"not", T_NOT},
    {"or", T_OR}, {"pass", T_PASS}, {"raise", T_RAISE}, {"return", T_RETURN}, {"try", T_TRY},
    {"while", T_WHILE}, {"with", T_WITH}, {"yield", T_YIELD},
};

/* ------------------------------------------------------------ strings */

static void put_utf8(char *o, size_t *k, uint32_t c) {
    if (c < 0x80) o[(*k)++] = (char)c;
    else if (c < 0x800) {
        o[(*k)++] = (char)(0xC0 | (c >> 6));
        o[(*k)++] = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        o[(*k)++] = (char)(0xE0 | (c >> 12));
        o[(*k)++] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[(*k)++] = (char)(0x80 | (c & 0x3F));
    } else {
        o[(*k)++] = (char)(0xF0 | (c >> 18));
        o[(*k)++] = (char)(0x80 | ((c >> 12) & 0x3F));
        o[(*k)++] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[(*k)++] = (char)(0x80 | (c & 0x3F));
    }
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

const char *py_lex_decode(py_lexctx_t *ctx, const char *p, size_t n, int flags, int line,
                          int col, size_t *outlen) {
    /* decoding never grows the text: every escape is at least as long as its UTF-8 */
    char *o = py_arena_alloc(ctx->arena, n + 1);
    size_t k = 0;
    bool bytes = flags & TS_BYTES;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)p[i];
        if (bytes && c >= 0x80)
            py_syntax_error_at(ctx, line, col, false,
                               "bytes can only contain ASCII literal characters");
        if (c == '\r') {
            /* source newlines read as '\n' whatever the file's convention */
            o[k++] = '\n';
            i += (i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (c != '\\' || (flags & TS_RAW)) {
            o[k++] = (char)c;
            i++;
            continue;
        }
        if (i + 1 >= n) { o[k++] = '\\'; i++; continue; }
        char e = p[i + 1];
        i += 2;
        switch (e) {
        case '\n': break;
        case '\r': if (i < n && p[i] == '\n') i++; break;
        case '\\': o[k++] = '\\'; break;
        case '\'': o[k++] = '\''; break;
        case '"': o[k++] = '"'; break;
        case 'a': o[k++] = '\a'; break;
        case 'b': o[k++] = '\b'; break;
        case 'f': o[k++] = '\f'; break;
        case 'n': o[k++] = '\n'; break;
        case 'r': o[k++] = '\r'; break;
        case 't': o[k++] = '\t'; break;
        case 'v': o[k++] = '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = (uint32_t)(e - '0');
            for (int j = 0; j < 2 && i < n && p[i] >= '0' && p[i] <= '7'; j++) v = v * 8 + (uint32_t)(p[i++] - '0');
            if (bytes) o[k++] = (char)(v & 0xFF);
            else put_utf8(o, &k, v);
            break;
        }
        case 'x': case 'u': case 'U': {
            if (bytes && e != 'x') { o[k++] = '\\'; o[k++] = e; break; }
            int nd = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            uint32_t v = 0;
            for (int j = 0; j < nd; j++) {
                int h = i + (size_t)j < n ? hexval(p[i + (size_t)j]) : -1;
                if (h < 0) {
                    char msg[120];
                    snprintf(msg, sizeof msg,
                             "(%s error) '%sescape' codec can't decode bytes in position %d-%d: truncated \\%c%s escape",
                             bytes ? "value" : "unicode", bytes ? "" : "unicode", 0, j + 1, e,
                             e == 'x' ? "XX" : e == 'u' ? "XXXX" : "XXXXXXXX");
                    py_syntax_error_at(ctx, line, col, false, msg);
                }
                v = v * 16 + (uint32_t)h;
            }
            i += (size_t)nd;
            if (bytes) o[k++] = (char)v;
            else {
                if (v > 0x10FFFF)
                    py_syntax_error_at(ctx, line, col, false,
                                       "(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character");
                put_utf8(o, &k, v);
            }
            break;
        }
        default:
            /* unknown escape (and \N{...}): kept literally */
            o[k++] = '\\';
            i--;
            break;
        }
    }
    o[k] = 0;
    *outlen = k;
    return o;
}

/* Scans a string literal starting at the quote q, prefix flags already known. */
static void lex_string(lx_t *L, const char *tokstart, const char *q, int flags) {
    char quote = *q;
    bool triple = q + 2 < L->end && q[1] == quote && q[2] == quote;
    int sline = L->line;
    const char *sls = L->ls;
    const char *body = q + (triple ? 3 : 1);
    const char *p = body;
    for (;;) {
        if (p >= L->end) {
            L->line = sline;
            L->ls = sls;
            err(L, tokstart, triple ? "unterminated triple-quoted string literal"
                                    : "unterminated string literal");
        }
        char c = *p;
        if (c == '\\') {
            if (p + 1 < L->end) {
                if (p[1] == '\n') { L->line++; L->ls = p + 2; }
                else if (p[1] == '\r') { L->line++; L->ls = p + 2 + (p + 2 < L->end && p[2] == '\n'); }
            }
            p += 2;
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (!triple) {
                L->line = sline;
                L->ls = sls;
                err(L, tokstart, "unterminated string literal");
            }
            if (c == '\r' && p + 1 < L->end && p[1] == '\n') p++;
            L->line++;
            L->ls = p + 1;
            p++;
            continue;
        }
        if (c == quote) {
            if (!triple) break;
            if (p + 2 < L->end && p[1] == quote && p[2] == quote) break;
        }
        p++;
    }
    const char *bend = p;
    p += triple ? 3 : 1;
    /* the token is positioned at its start */
    int eline = L->line;
    const char *els = L->ls;
    L->line = sline;
    L->ls = sls;
    py_token_t *t = push(L, T_STRING, tokstart);
    L->line = eline;
    L->ls = els;
    t->cop = (uint8_t)flags;
    t->slen = (size_t)(p - tokstart);
    if (flags & TS_FSTR) {
        t->str = body;
        t->len = (size_t)(bend - body);
        t->bline = sline;
        t->bline_start = sls;
    } else {
        t->str = py_lex_decode(L->ctx, body, (size_t)(bend - body), flags, sline,
                               (int)(tokstart - sls), &t->len);
    }
    L->p = p;
}

/* ------------------------------------------------------------ numbers */

/* A number may be glued to a following keyword (`1if x else y`, `0x1for`),
 * which CPython accepts with a warning; any other letter is an error. */
static bool keyword_follows(const char *p, const char *e) {
    static const char *const ok[] = {"if", "else", "and", "or", "in", "is", "not", "for"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        size_t n = strlen(ok[i]);
        if ((size_t)(e - p) >= n && !memcmp(p, ok[i], n) &&
            ((size_t)(e - p) == n || !is_id_char((unsigned char)p[n])))
            return true;
    }
    return false;
}

static void lex_number(lx_t *L) {
    const char *s = L->p, *p = s, *e = L->end;
    py_token_t *t = push(L, T_NUMBER, s);
    char buf[512];
    size_t k = 0;
    bool isfloat = false;
    if (*p == '0' && p + 1 < e && strchr("xXoObB", p[1]) && p[1]) {
        char b = (char)(p[1] | 0x20);
        int base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
        p += 2;
        uint64_t v = 0;
        bool big = false;
        int nd = 0;
        buf[k++] = '0';
        buf[k++] = b;
        for (;;) {
            if (p < e && *p == '_') {
                p++;
                if (p >= e || hexval(*p) < 0 || hexval(*p) >= base) err(L, s, "invalid decimal literal");
            }
            if (p >= e) break;
            int h = hexval(*p);
            if (h < 0 || h >= base) break;
            if (v > (UINT64_MAX - (uint64_t)h) / (uint64_t)base) big = true;
            v = v * (uint64_t)base + (uint64_t)h;
            if (k < sizeof buf - 1) buf[k++] = *p;
            else err(L, s, "too many digits in integer literal");
            nd++;
            p++;
        }
        if (nd == 0 || (p < e && is_id_char((unsigned char)*p) && !keyword_follows(p, e))) {
            err(L, s, base == 16 ? "invalid hexadecimal literal"
                      : base == 8 ? "invalid octal literal" : "invalid binary literal");
        }
        if (big || v > INT64_MAX) {
            char *o = py_arena_alloc(L->ctx->arena, k + 1);
            memcpy(o, buf, k);
            t->cop = AST_CONST_BIGINT;
            t->str = o;
            t->len = k;
        } else {
            t->cop = AST_CONST_INT;
            t->ival = (int64_t)v;
        }
        t->slen = (size_t)(p - s);
        L->p = p;
        return;
    }
    /* decimal: integer part */
    bool allzero = true;
    int intdigits = 0;
#define DIGITS()                                                                   \
    do {                                                                           \
        while (p < e && ((*p >= '0' && *p <= '9') || *p == '_')) {                 \
            if (*p == '_') {                                                       \
                if (p + 1 >= e || p[1] < '0' || p[1] > '9') err(L, s, "invalid decimal literal"); \
                p++;                                                               \
                continue;                                                          \
            }                                                                      \
            if (k >= sizeof buf - 8) err(L, s, "too many digits in number literal"); \
            buf[k++] = *p++;                                                       \
        }                                                                          \
    } while (0)
    {
        const char *st = p;
        DIGITS();
        intdigits = (int)k;
        for (const char *q = st; q < p; q++)
            if (*q != '0' && *q != '_') allzero = false;
    }
    if (p < e && *p == '.') {
        isfloat = true;
        buf[k++] = *p++;
        if (p < e && *p == '_') err(L, s, "invalid decimal literal");
        DIGITS();
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < e && (*q == '+' || *q == '-')) q++;
        if (q < e && *q >= '0' && *q <= '9') {
            isfloat = true;
            buf[k++] = 'e';
            p++;
            if (*p == '+' || *p == '-') buf[k++] = *p++;
            DIGITS();
        } else if (!keyword_follows(p, e)) {
            err(L, s, "invalid decimal literal");
        }
    }
#undef DIGITS
    buf[k] = 0;
    if (p < e && (*p == 'j' || *p == 'J')) {
        p++;
        t->cop = AST_CONST_IMAG;
        t->fval = strtod(buf, NULL);
    } else if (isfloat) {
        t->cop = AST_CONST_FLOAT;
        t->fval = strtod(buf, NULL);
    } else {
        if (intdigits > 1 && buf[0] == '0' && !allzero)
            err(L, s, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        uint64_t v = 0;
        bool big = false;
        for (size_t i = 0; i < k; i++) {
            uint64_t d = (uint64_t)(buf[i] - '0');
            if (v > (UINT64_MAX - d) / 10) { big = true; break; }
            v = v * 10 + d;
        }
        if (big || v > INT64_MAX) {
            char *o = py_arena_alloc(L->ctx->arena, k + 1);
            memcpy(o, buf, k);
            t->cop = AST_CONST_BIGINT;
            t->str = o;
            t->len = k;
        } else {
            t->cop = AST_CONST_INT;
            t->ival = (int64_t)v;
        }
    }
    if (p < e && is_id_char((unsigned char)*p) && !keyword_follows(p, e)) err(L, s, "invalid decimal literal");
    t->slen = (size_t)(p - s);
    L->p = p;
}

/* ------------------------------------------------------------ main loop */

static const char *open_name(int k) { return k == T_LPAR ? "(" : k == T_LSQB ? "[" : "{"; }

/* Handles indentation at the start of a logical line.  Returns false if the
 * line is blank or a comment (no tokens). */
static bool line_start(lx_t *L) {
    const char *p = L->p;
    int col = 0, alt = 0;
    for (; p < L->end; p++) {
        if (*p == ' ') col++, alt++;
        else if (*p == '\t') col = (col / 8 + 1) * 8, alt++;
        else if (*p == '\f') col = alt = 0;
        else break;
    }
    L->p = p;
    if (p >= L->end) return false;
    if (*p == '#' || *p == '\n' || *p == '\r') return false;
    if (*p == '\\' && p + 1 < L->end && (p[1] == '\n' || p[1] == '\r')) return true; /* joined later */
    int top = L->indents[L->nind - 1];
    bool tabmix = false;
    if (col > top) {
        if (L->nind >= 100) err(L, p, "too many levels of indentation");
        tabmix = alt <= L->altind[L->nind - 1];
        L->altind[L->nind] = alt;
        L->indents[L->nind++] = col;
        push(L, T_INDENT, p);
    } else if (col < top) {
        while (L->nind > 1 && col < L->indents[L->nind - 1]) {
            L->nind--;
            push(L, T_DEDENT, p);
        }
        if (col != L->indents[L->nind - 1])
            py_syntax_error_at(L->ctx, L->line, (int)(p - L->ls), 1,
                               "unindent does not match any outer indentation level");
        tabmix = alt != L->altind[L->nind - 1];
    } else {
        tabmix = alt != L->altind[L->nind - 1];
    }
    if (tabmix)
        py_syntax_error_at(L->ctx, L->line, (int)(p - L->ls), 2,
                           "inconsistent use of tabs and spaces in indentation");
    return true;
}

py_token_t *py_lex(py_lexctx_t *ctx, const char *p, const char *end, int line,
                   const char *line_start_p, bool inner, int *ntok) {
    lx_t L;
    memset(&L, 0, sizeof L);
    L.ctx = ctx;
    L.p = p;
    L.end = end;
    L.line = line;
    L.ls = line_start_p;
    L.nind = 1;
    L.inner = inner;
    bool bol = !inner;
    bool any_on_line = false;
    for (;;) {
        if (bol) {
            bol = false;
            if (!line_start(&L)) {
                /* blank line: skip to its end */
                while (L.p < L.end && *L.p != '\n' && *L.p != '\r') L.p++;
                if (L.p >= L.end) break;
                if (*L.p == '\r' && L.p + 1 < L.end && L.p[1] == '\n') L.p++;
                L.p++;
                L.line++;
                L.ls = L.p;
                bol = true;
                continue;
            }
        }
        const char *s = L.p;
        if (s >= L.end) break;
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\t' || c == '\f') { L.p++; continue; }
        if (c == '#') {
            while (L.p < L.end && *L.p != '\n' && *L.p != '\r') L.p++;
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (c == '\r' && s + 1 < L.end && s[1] == '\n') L.p++;
            if (L.depth == 0 && !inner && any_on_line) {
                push(&L, T_NEWLINE, s);
                any_on_line = false;
            }
            L.p++;
            L.line++;
            L.ls = L.p;
            if (L.depth == 0 && !inner) bol = true;
            continue;
        }
        if (c == '\\') {
            const char *q = s + 1;
            if (q < L.end && (*q == '\n' || *q == '\r')) {
                if (*q == '\r' && q + 1 < L.end && q[1] == '\n') q++;
                L.p = q + 1;
                L.line++;
                L.ls = L.p;
                if (L.p >= L.end) err(&L, s, "unexpected EOF while parsing");
                continue;
            }
            err(&L, s, "unexpected character after line continuation character");
        }
        if (c == 0) err(&L, s, "source code cannot contain null bytes");
        any_on_line = true;
        if (is_id_start(c)) {
            const char *q = s;
            while (q < L.end && is_id_char((unsigned char)*q)) q++;
            size_t n = (size_t)(q - s);
            /* string prefix? */
            if (n <= 2 && q < L.end && (*q == '\'' || *q == '"')) {
                int flags = 0;
                bool ok = true;
                for (size_t i = 0; i < n; i++) {
                    char ch = (char)(s[i] | 0x20);
                    int f = ch == 'r' ? TS_RAW : ch == 'b' ? TS_BYTES : ch == 'f' ? TS_FSTR : ch == 'u' ? 0x40 : -1;
                    if (f < 0 || (flags & f)) ok = false;
                    else flags |= f;
                }
                if ((flags & 0x40) && n != 1) ok = false;
                if ((flags & TS_BYTES) && (flags & TS_FSTR)) ok = false;
                if (ok) {
                    lex_string(&L, s, q, flags & ~0x40);
                    continue;
                }
            }
            for (const char *r = s; r < q; r++)
                if ((unsigned char)*r >= 0x80) {
                    /* non-ASCII identifiers: accept valid UTF-8 letters loosely */
                    unsigned char b = (unsigned char)*r;
                    int extra = (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
                    if (extra < 0 || b == 0xC0 || b == 0xC1 || b > 0xF4 || r + extra >= q)
                        err(&L, r, "invalid character in identifier");
                    for (int j = 1; j <= extra; j++)
                        if (((unsigned char)r[j] & 0xC0) != 0x80) err(&L, r, "invalid character in identifier");
                    r += extra;
                }
            py_token_t *t = push(&L, T_NAME, s);
            t->slen = n;
            int kind = T_NAME;
            if (n >= 2 && n <= 8 && s[0] >= 'F' && s[0] <= 'y') {
                for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
                    if (keywords[i].s[0] == s[0] && strlen(keywords[i].s) == n &&
                        !memcmp(keywords[i].s, s, n)) {
                        kind = keywords[i].k;
                        break;
                    }
            }
            t->kind = (uint8_t)kind;
            char *name = py_arena_alloc(ctx->arena, n + 1);
            memcpy(name, s, n);
            t->str = name;
            t->len = n;
            L.p = q;
            continue;
        }
        if ((c >= '0' && c <= '9') || (c == '.' && s + 1 < L.end && s[1] >= '0' && s[1] <= '9')) {
            lex_number(&L);
            continue;
        }
        if (c == '\'' || c == '"') {
            lex_string(&L, s, s, 0);
            continue;
        }
        /* operators */
        char c1 = s + 1 < L.end ? s[1] : 0, c2 = s + 2 < L.end ? s[2] : 0;
        int k = -1, len = 1;
        switch (c) {
        case '(': k = T_LPAR; break;
        case '[': k = T_LSQB; break;
        case '{': k = T_LBRACE; break;
        case ')': k = T_RPAR; break;
        case ']': k = T_RSQB; break;
        case '}': k = T_RBRACE; break;
        case ',': k = T_COMMA; break;
        case ';': k = T_SEMI; break;
        case '~': k = T_TILDE; break;
        case ':': if (c1 == '=') { k = T_WALRUS; len = 2; } else k = T_COLON; break;
        case '.': if (c1 == '.' && c2 == '.') { k = T_ELLIPSIS; len = 3; } else k = T_DOT; break;
        case '=': if (c1 == '=') { k = T_EQ; len = 2; } else k = T_ASSIGN; break;
        case '!': if (c1 == '=') { k = T_NE; len = 2; } break;
        case '-':
            if (c1 == '>') { k = T_ARROW; len = 2; }
            else if (c1 == '=') { k = T_AUG + PY_OP_SUB; len = 2; }
            else k = T_MINUS;
            break;
        case '+': if (c1 == '=') { k = T_AUG + PY_OP_ADD; len = 2; } else k = T_PLUS; break;
        case '%': if (c1 == '=') { k = T_AUG + PY_OP_MOD; len = 2; } else k = T_PERCENT; break;
        case '@': if (c1 == '=') { k = T_AUG + PY_OP_MATMUL; len = 2; } else k = T_AT; break;
        case '&': if (c1 == '=') { k = T_AUG + PY_OP_AND; len = 2; } else k = T_AMP; break;
        case '|': if (c1 == '=') { k = T_AUG + PY_OP_OR; len = 2; } else k = T_VBAR; break;
        case '^': if (c1 == '=') { k = T_AUG + PY_OP_XOR; len = 2; } else k = T_CIRCUMFLEX; break;
        case '*':
            if (c1 == '*') {
                if (c2 == '=') { k = T_AUG + PY_OP_POW; len = 3; } else { k = T_DSTAR; len = 2; }
            } else if (c1 == '=') { k = T_AUG + PY_OP_MUL; len = 2; }
            else k = T_STAR;
            break;
        case '/':
            if (c1 == '/') {
                if (c2 == '=') { k = T_AUG + PY_OP_FLOORDIV; len = 3; } else { k = T_DSLASH; len = 2; }
            } else if (c1 == '=') { k = T_AUG + PY_OP_TRUEDIV; len = 2; }
            else k = T_SLASH;
            break;
        case '<':
            if (c1 == '<') {
                if (c2 == '=') { k = T_AUG + PY_OP_LSHIFT; len = 3; } else { k = T_LSHIFT; len = 2; }
            } else if (c1 == '=') { k = T_LE; len = 2; }
            else if (c1 == '>') { k = T_NE; len = 2; err(&L, s, "invalid syntax"); }
            else k = T_LT;
            break;
        case '>':
            if (c1 == '>') {
                if (c2 == '=') { k = T_AUG + PY_OP_RSHIFT; len = 3; } else { k = T_RSHIFT; len = 2; }
            } else if (c1 == '=') { k = T_GE; len = 2; }
            else k = T_GT;
            break;
        default: break;
        }
        if (k < 0) {
            char msg[80];
            if (c >= 0x20 && c < 0x7f) snprintf(msg, sizeof msg, "invalid character '%c' (U+%04X)", c, c);
            else if (c < 0x80) snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", c);
            else snprintf(msg, sizeof msg, "invalid character");
            err(&L, s, msg);
        }
        if (k == T_LPAR || k == T_LSQB || k == T_LBRACE) {
            if (L.depth >= 200) err(&L, s, "too many nested parentheses");
            L.parens[L.depth] = k;
            L.pline[L.depth] = L.line;
            L.pcol[L.depth] = (int)(s - L.ls);
            L.depth++;
        } else if (k == T_RPAR || k == T_RSQB || k == T_RBRACE) {
            int want = k == T_RPAR ? T_LPAR : k == T_RSQB ? T_LSQB : T_LBRACE;
            char msg[80];
            if (L.depth == 0) {
                snprintf(msg, sizeof msg, "unmatched '%c'", c);
                err(&L, s, msg);
            }
            if (L.parens[L.depth - 1] != want) {
                snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%s'",
                         c, open_name(L.parens[L.depth - 1]));
                err(&L, s, msg);
            }
            L.depth--;
        }
        push(&L, k, s)->slen = (size_t)len;
        L.p = s + len;
    }
    if (L.depth > 0) {
        char msg[64];
        snprintf(msg, sizeof msg, "'%s' was never closed", open_name(L.parens[L.depth - 1]));
        py_syntax_error_at(ctx, L.pline[L.depth - 1], L.pcol[L.depth - 1], false, msg);
    }
    if (!inner) {
        if (any_on_line) push(&L, T_NEWLINE, L.p);
        while (L.nind > 1) {
            L.nind--;
            push(&L, T_DEDENT, L.p);
        }
    }
    push(&L, T_EOF, L.p);
    *ntok = L.n;
    return L.toks;
}
