/* bd_json.c: the strict JSON reader and the value tree (bd_json.h).
 *
 * A recursive-descent parser over a cursor that tracks line and column as it
 * moves (a column is a code point: UTF-8 continuation bytes do not count),
 * so every value knows where it starts and every error names the spot.
 * Invariant: on any error the partial tree is freed and *out stays NULL.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/bd_json.h"
#include "board/bd_text.h"

/* ------------------------------------------------------------ the tree */

bd_json_t *bd_json_new(bd_json_type_t type, int line, int col) {
    bd_json_t *v = calloc(1, sizeof *v);
    if (!v) return NULL;
    v->type = (unsigned char)type;
    v->line = line;
    v->col = col;
    return v;
}

void bd_json_free(bd_json_t *v) {
    if (!v) return;
    for (size_t i = 0; i < v->len && (v->type == BD_JSON_ARR || v->type == BD_JSON_OBJ); i++) {
        bd_json_free(v->item[i]);
        if (v->key) free(v->key[i]);
    }
    free(v->item);
    free(v->key);
    free(v->str);
    free(v);
}

bd_status_t bd_json_set_str(bd_json_t *v, const char *s, size_t n) {
    char *c = malloc(n + 1);
    if (!c) return BD_ERR_NOMEM;
    memcpy(c, s, n);
    c[n] = 0;
    free(v->str);
    v->str = c;
    v->len = n;
    return BD_OK;
}

static bd_status_t grow(bd_json_t *v) {
    if (v->len < v->cap) return BD_OK;
    size_t cap = v->cap ? v->cap * 2 : 4;
    bd_json_t **it = realloc(v->item, cap * sizeof *it);
    if (!it) return BD_ERR_NOMEM;
    v->item = it;
    if (v->type == BD_JSON_OBJ) {
        char **k = realloc(v->key, cap * sizeof *k);
        if (!k) return BD_ERR_NOMEM;
        v->key = k;
    }
    v->cap = cap;
    return BD_OK;
}

bd_status_t bd_json_append(bd_json_t *arr, bd_json_t *item) {
    if (grow(arr) != BD_OK) {
        bd_json_free(item);
        return BD_ERR_NOMEM;
    }
    arr->item[arr->len++] = item;
    return BD_OK;
}

bd_status_t bd_json_put(bd_json_t *obj, const char *key, size_t klen, bd_json_t *item) {
    for (size_t i = 0; i < obj->len; i++)
        if (strlen(obj->key[i]) == klen && memcmp(obj->key[i], key, klen) == 0) {
            bd_json_free(item);
            return BD_ERR_INVAL;
        }
    char *k = malloc(klen + 1);
    if (!k || grow(obj) != BD_OK) {
        free(k);
        bd_json_free(item);
        return BD_ERR_NOMEM;
    }
    memcpy(k, key, klen);
    k[klen] = 0;
    obj->key[obj->len] = k;
    obj->item[obj->len++] = item;
    return BD_OK;
}

const bd_json_t *bd_json_get(const bd_json_t *obj, const char *key) {
    if (!obj || obj->type != BD_JSON_OBJ) return NULL;
    for (size_t i = 0; i < obj->len; i++)
        if (strcmp(obj->key[i], key) == 0) return obj->item[i];
    return NULL;
}

const bd_json_t *bd_json_at(const bd_json_t *arr, size_t i) {
    if (!arr || arr->type != BD_JSON_ARR || i >= arr->len) return NULL;
    return arr->item[i];
}

const char *bd_json_str(const bd_json_t *v) { return v && v->type == BD_JSON_STR ? v->str : NULL; }

const char *bd_json_kind(const bd_json_t *v) {
    static const char *const names[] = {"null", "a boolean", "a number", "a string", "an array", "an object"};
    return v && v->type <= BD_JSON_OBJ ? names[v->type] : "nothing";
}

const char *bd_json_scalar_text(const bd_json_t *v, char *buf, size_t n) {
    if (!v) return NULL;
    switch (v->type) {
    case BD_JSON_STR:
        return v->str;
    case BD_JSON_NUM:
        snprintf(buf, n, "%.17g", v->num);
        return buf;
    case BD_JSON_BOOL:
        return v->num ? "1" : "0";
    default:
        return NULL;
    }
}

/* ------------------------------------------------------------ the reader */

typedef struct {
    const unsigned char *p, *end;
    int line, col;
    int depth;
    char *err;
    size_t errlen;
    bool failed, nomem;
    /* a scratch buffer for decoding strings */
    char *buf;
    size_t blen, bcap;
} rd_t;

static void fail_at(rd_t *r, int line, int col, const char *fmt, ...) {
    if (r->failed) return;
    r->failed = true;
    va_list ap;
    va_start(ap, fmt);
    bd_text_verror(r->err, r->errlen, NULL, line, col, fmt, ap);
    va_end(ap);
}
#define FAIL(r, ...) fail_at((r), (r)->line, (r)->col, __VA_ARGS__)

static void oom(rd_t *r) {
    if (!r->failed) r->nomem = true;
    FAIL(r, "out of memory");
}

/* Move over n bytes, keeping line and column. */
static void adv(rd_t *r, size_t n) {
    while (n-- && r->p < r->end) {
        unsigned char c = *r->p++;
        if (c == '\n') r->line++, r->col = 1;
        else if ((c & 0xC0) != 0x80) r->col++;
    }
}

static void skip_ws(rd_t *r) {
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')) adv(r, 1);
}

/* Length of a valid UTF-8 sequence at p (1..4), 0 if invalid: overlong
 * forms, surrogates and code points past U+10FFFF are refused. */
static int utf8_len(const unsigned char *p, const unsigned char *end) {
    unsigned char c = p[0];
    if (c < 0x80) return 1;
    int n;
    unsigned cp;
    if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07;
    else return 0;
    if (end - p < n) return 0;
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (p[i] & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
    if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
    return n;
}

/* Describe the character at the cursor for a message: 'x', U+00E9, byte 0xFF. */
static const char *what_char(rd_t *r, char *buf, size_t n) {
    if (r->p >= r->end) return "the end of the input";
    unsigned char c = *r->p;
    if (c > 0x20 && c < 0x7F) snprintf(buf, n, "'%c'", c);
    else if (c == ' ') snprintf(buf, n, "a blank");
    else if (c < 0x80) snprintf(buf, n, "character 0x%02X", c);
    else {
        int k = utf8_len(r->p, r->end);
        if (!k) snprintf(buf, n, "byte 0x%02X (not UTF-8)", c);
        else snprintf(buf, n, "'%.*s'", k, (const char *)r->p);
    }
    return buf;
}

static void unexpected(rd_t *r, const char *wanted) {
    char b[48];
    if (r->p < r->end && *r->p == '/') FAIL(r, "comments are not allowed in JSON");
    else FAIL(r, "expected %s, found %s", wanted, what_char(r, b, sizeof b));
}

static bool buf_put(rd_t *r, const char *s, size_t n) {
    if (r->blen + n + 1 > r->bcap) {
        size_t cap = r->bcap ? r->bcap : 64;
        while (cap < r->blen + n + 1) cap *= 2;
        char *b = realloc(r->buf, cap);
        if (!b) return false;
        r->buf = b, r->bcap = cap;
    }
    memcpy(r->buf + r->blen, s, n);
    r->blen += n;
    r->buf[r->blen] = 0;
    return true;
}

static bool put_cp(rd_t *r, unsigned cp) {
    char u[4];
    size_t n;
    if (cp < 0x80) u[0] = (char)cp, n = 1;
    else if (cp < 0x800) u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    else if (cp < 0x10000)
        u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[2] = (char)(0x80 | (cp & 0x3F)),
        n = 3;
    else
        u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    return buf_put(r, u, n);
}

static int hex4(const unsigned char *p, const unsigned char *end) {
    if (end - p < 4) return -1;
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int c = p[i], d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return -1;
        v = v * 16 + d;
    }
    return v;
}

/* A string at the cursor (on its opening quote), decoded into r->buf. */
static bool read_string(rd_t *r) {
    int line = r->line, col = r->col;
    r->blen = 0;
    if (!buf_put(r, "", 0)) goto nomem;
    adv(r, 1);
    for (;;) {
        if (r->p >= r->end) {
            fail_at(r, line, col, "unterminated string (no closing '\"')");
            return false;
        }
        unsigned char c = *r->p;
        if (c == '"') {
            adv(r, 1);
            return true;
        }
        if (c < 0x20) {
            FAIL(r, c == '\n' ? "unterminated string (a line ends inside it)"
                              : "control character 0x%02X inside a string (write it as an escape)",
                 c);
            return false;
        }
        if (c == '\\') {
            if (r->end - r->p < 2) {
                fail_at(r, line, col, "unterminated string (no closing '\"')");
                return false;
            }
            unsigned char e = r->p[1];
            const char *rep = NULL;
            switch (e) {
            case '"': rep = "\""; break;
            case '\\': rep = "\\"; break;
            case '/': rep = "/"; break;
            case 'b': rep = "\b"; break;
            case 'f': rep = "\f"; break;
            case 'n': rep = "\n"; break;
            case 'r': rep = "\r"; break;
            case 't': rep = "\t"; break;
            case 'u': break;
            default: {
                char b[48];
                adv(r, 1);
                FAIL(r, "invalid escape: backslash then %s (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                     what_char(r, b, sizeof b));
                return false;
            }
            }
            if (rep) {
                if (!buf_put(r, rep, 1)) goto nomem;
                adv(r, 2);
                continue;
            }
            int hi = hex4(r->p + 2, r->end);
            if (hi < 0) {
                FAIL(r, "invalid \\u escape (four hex digits must follow)");
                return false;
            }
            unsigned cp = (unsigned)hi;
            if (hi >= 0xDC00 && hi <= 0xDFFF) {
                FAIL(r, "invalid \\u escape: a low surrogate \\u%04X without a high one before it", hi);
                return false;
            }
            if (hi >= 0xD800 && hi <= 0xDBFF) {
                int lo = (r->end - r->p >= 12 && r->p[6] == '\\' && r->p[7] == 'u') ? hex4(r->p + 8, r->end) : -1;
                if (lo < 0xDC00 || lo > 0xDFFF) {
                    FAIL(r, "invalid \\u escape: the high surrogate \\u%04X is not followed by a low one", hi);
                    return false;
                }
                cp = 0x10000 + (((unsigned)hi - 0xD800) << 10) + ((unsigned)lo - 0xDC00);
                adv(r, 6);
            }
            if (!put_cp(r, cp)) goto nomem;
            adv(r, 6);
            continue;
        }
        int k = utf8_len(r->p, r->end);
        if (!k) {
            FAIL(r, "invalid UTF-8 (byte 0x%02X)", c);
            return false;
        }
        if (!buf_put(r, (const char *)r->p, (size_t)k)) goto nomem;
        adv(r, (size_t)k);
    }
nomem:
    oom(r);
    return false;
}

static bool is_digit(const unsigned char *p, const unsigned char *end) { return p < end && *p >= '0' && *p <= '9'; }

static bd_json_t *read_number(rd_t *r) {
    const unsigned char *s = r->p, *q = s;
    int line = r->line, col = r->col;
    if (q < r->end && *q == '-') q++;
    if (!is_digit(q, r->end)) {
        adv(r, (size_t)(q - s));
        unexpected(r, "a digit");
        return NULL;
    }
    if (*q == '0' && is_digit(q + 1, r->end)) {
        fail_at(r, line, col, "leading zeros are not allowed in JSON numbers");
        return NULL;
    }
    while (is_digit(q, r->end)) q++;
    if (q < r->end && *q == '.') {
        q++;
        if (!is_digit(q, r->end)) {
            adv(r, (size_t)(q - s));
            unexpected(r, "a digit after the decimal point");
            return NULL;
        }
        while (is_digit(q, r->end)) q++;
    }
    if (q < r->end && (*q == 'e' || *q == 'E')) {
        q++;
        if (q < r->end && (*q == '+' || *q == '-')) q++;
        if (!is_digit(q, r->end)) {
            adv(r, (size_t)(q - s));
            unexpected(r, "a digit in the exponent");
            return NULL;
        }
        while (is_digit(q, r->end)) q++;
    }
    size_t n = (size_t)(q - s);
    char tmp[400];
    if (n >= sizeof tmp) {
        fail_at(r, line, col, "number too long (%zu characters)", n);
        return NULL;
    }
    memcpy(tmp, s, n);
    tmp[n] = 0;
    double v = strtod(tmp, NULL);
    if (!isfinite(v)) {
        fail_at(r, line, col, "number out of range: %s", tmp);
        return NULL;
    }
    adv(r, n);
    bd_json_t *j = bd_json_new(BD_JSON_NUM, line, col);
    if (!j) {
        oom(r);
        return NULL;
    }
    j->num = v;
    return j;
}

static bd_json_t *read_value(rd_t *r);

static bd_json_t *read_array(rd_t *r) {
    bd_json_t *a = bd_json_new(BD_JSON_ARR, r->line, r->col);
    if (!a) goto nomem;
    adv(r, 1);
    skip_ws(r);
    if (r->p < r->end && *r->p == ']') {
        adv(r, 1);
        return a;
    }
    for (;;) {
        skip_ws(r);
        if (r->p < r->end && *r->p == ']') {
            FAIL(r, "trailing comma before ']' (not allowed in JSON)");
            goto fail;
        }
        bd_json_t *v = read_value(r);
        if (!v) goto fail;
        if (bd_json_append(a, v) != BD_OK) goto nomem;
        skip_ws(r);
        if (r->p < r->end && *r->p == ',') {
            adv(r, 1);
            continue;
        }
        if (r->p < r->end && *r->p == ']') {
            adv(r, 1);
            return a;
        }
        unexpected(r, "',' or ']' after an array item");
        goto fail;
    }
nomem:
    oom(r);
fail:
    bd_json_free(a);
    return NULL;
}

static bd_json_t *read_object(rd_t *r) {
    bd_json_t *o = bd_json_new(BD_JSON_OBJ, r->line, r->col);
    if (!o) goto nomem;
    adv(r, 1);
    skip_ws(r);
    if (r->p < r->end && *r->p == '}') {
        adv(r, 1);
        return o;
    }
    for (;;) {
        skip_ws(r);
        if (r->p < r->end && *r->p == '}') {
            FAIL(r, "trailing comma before '}' (not allowed in JSON)");
            goto fail;
        }
        if (r->p >= r->end || *r->p != '"') {
            if (r->p < r->end && *r->p == '\'') FAIL(r, "object keys need double quotes, not single quotes");
            else unexpected(r, "a key in double quotes");
            goto fail;
        }
        int kline = r->line, kcol = r->col;
        if (!read_string(r)) goto fail;
        char *key = malloc(r->blen + 1);
        if (!key) goto nomem;
        memcpy(key, r->buf, r->blen + 1);
        size_t klen = r->blen;
        skip_ws(r);
        if (r->p >= r->end || *r->p != ':') {
            unexpected(r, "':' after the key");
            free(key);
            goto fail;
        }
        adv(r, 1);
        skip_ws(r);
        bd_json_t *v = read_value(r);
        if (!v) {
            free(key);
            goto fail;
        }
        bd_status_t st = bd_json_put(o, key, klen, v);
        if (st == BD_ERR_INVAL) fail_at(r, kline, kcol, "duplicate key \"%s\"", key);
        free(key);
        if (st == BD_ERR_INVAL) goto fail;
        if (st != BD_OK) goto nomem;
        skip_ws(r);
        if (r->p < r->end && *r->p == ',') {
            adv(r, 1);
            continue;
        }
        if (r->p < r->end && *r->p == '}') {
            adv(r, 1);
            return o;
        }
        unexpected(r, "',' or '}' after an object member");
        goto fail;
    }
nomem:
    oom(r);
fail:
    bd_json_free(o);
    return NULL;
}

static bool word(rd_t *r, const char *w) {
    size_t n = strlen(w);
    return (size_t)(r->end - r->p) >= n && memcmp(r->p, w, n) == 0;
}

static bd_json_t *read_value(rd_t *r) {
    skip_ws(r);
    if (r->p >= r->end) {
        unexpected(r, "a value");
        return NULL;
    }
    if (++r->depth > BD_JSON_MAX_DEPTH) {
        FAIL(r, "nested too deeply (more than %d levels)", BD_JSON_MAX_DEPTH);
        return NULL;
    }
    bd_json_t *v = NULL;
    int line = r->line, col = r->col;
    unsigned char c = *r->p;
    if (c == '{') v = read_object(r);
    else if (c == '[') v = read_array(r);
    else if (c == '"') {
        if (read_string(r)) {
            v = bd_json_new(BD_JSON_STR, line, col);
            if (!v || bd_json_set_str(v, r->buf, r->blen) != BD_OK) {
                bd_json_free(v);
                v = NULL;
                oom(r);
            } else {
                v->quoted = true;
            }
        }
    } else if (c == '-' || (c >= '0' && c <= '9')) v = read_number(r);
    else if (word(r, "true") || word(r, "false") || word(r, "null")) {
        int t = c == 'n' ? BD_JSON_NULL : BD_JSON_BOOL;
        v = bd_json_new((bd_json_type_t)t, line, col);
        if (!v) oom(r);
        else v->num = c == 't';
        adv(r, c == 'f' ? 5 : 4);
    } else if (c == '\'') {
        FAIL(r, "strings need double quotes, not single quotes");
    } else {
        unexpected(r, "a value (object, array, string, number, true, false or null)");
    }
    r->depth--;
    return v;
}

bd_status_t bd_json_parse(const char *text, size_t len, bd_json_t **out, char *err, size_t errlen) {
    *out = NULL;
    if (err && errlen) err[0] = 0;
    rd_t r = {(const unsigned char *)text, (const unsigned char *)text + len, 1, 1, 0, err, errlen, false, false,
              NULL, 0, 0};
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) r.p += 3; /* a byte order mark */
    bd_json_t *v = read_value(&r);
    if (v) {
        skip_ws(&r);
        if (r.p < r.end) {
            char b[48];
            FAIL(&r, "extra data after the JSON value: %s", what_char(&r, b, sizeof b));
            bd_json_free(v);
            v = NULL;
        }
    }
    free(r.buf);
    if (!v) return r.nomem ? BD_ERR_NOMEM : BD_ERR_INVAL;
    *out = v;
    return BD_OK;
}
