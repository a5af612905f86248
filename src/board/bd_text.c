/* bd_text.c: the tokenizer and quantity parsers of bd_text.h.
 *
 * Invariant: parsers accept a whole string or fail; nothing is half-read,
 * and times are parsed in integers (never through a double), so "1.000000001s"
 * is exactly 1000000001 ns.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "board/bd_text.h"

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bd_status_t bd_text_split(const char *line, size_t n, char *buf, bd_word_t *words, int max, int *nwords,
                          char *err, size_t errlen) {
    size_t i = 0, o = 0;
    int nw = 0;
    *nwords = 0;
    for (;;) {
        while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) i++;
        if (i >= n || line[i] == '#') break;
        if (nw == max) {
            snprintf(err, errlen, "too many words on one line (at most %d)", max);
            return BD_ERR_INVAL;
        }
        bd_word_t *w = &words[nw++];
        w->s = buf + o;
        w->quoted = false;
        bool inq = false;
        while (i < n) {
            char c = line[i];
            if (!inq && (c == ' ' || c == '\t' || c == '\r' || c == '#')) break;
            i++;
            if (c == '"') {
                inq = !inq;
                w->quoted = true;
                continue;
            }
            if (inq && c == '\\') {
                if (i >= n) break;
                char e = line[i++];
                switch (e) {
                case 'n': c = '\n'; break;
                case 'r': c = '\r'; break;
                case 't': c = '\t'; break;
                case '0': c = '\0'; break;
                case '\\': c = '\\'; break;
                case '"': c = '"'; break;
                case 'x': {
                    int h1 = i < n ? hexval(line[i]) : -1, h2 = i + 1 < n ? hexval(line[i + 1]) : -1;
                    if (h1 < 0 || h2 < 0) {
                        snprintf(err, errlen, "bad escape \\x: two hex digits expected");
                        return BD_ERR_INVAL;
                    }
                    c = (char)(h1 * 16 + h2);
                    i += 2;
                    break;
                }
                default:
                    snprintf(err, errlen, "unknown escape \\%c in a quoted string", e);
                    return BD_ERR_INVAL;
                }
            }
            buf[o++] = c;
        }
        if (inq) {
            snprintf(err, errlen, "unterminated quoted string");
            return BD_ERR_INVAL;
        }
        w->len = (size_t)(buf + o - w->s);
        buf[o++] = '\0';
    }
    *nwords = nw;
    return BD_OK;
}

/* Split "<number><suffix>" into the number text's end. */
static const char *num_end(const char *s) {
    const char *p = s;
    if (*p == '+' || *p == '-') p++;
    while ((*p >= '0' && *p <= '9') || *p == '.') p++;
    if ((*p == 'e' || *p == 'E') && (p[1] == '-' || p[1] == '+' || (p[1] >= '0' && p[1] <= '9'))) {
        p += 2;
        while (*p >= '0' && *p <= '9') p++;
    }
    return p;
}

bd_status_t bd_text_number(const char *s, double *v) {
    if (!s || !*s) return BD_ERR_INVAL;
    char *end;
    errno = 0;
    double d = strtod(s, &end);
    if (*end || end == s || errno == ERANGE || !isfinite(d)) return BD_ERR_INVAL;
    *v = d;
    return BD_OK;
}

/* Parse a decimal number with suffix-scaled exponent: s * 10^scale, exactly,
 * as an unsigned integer.  No sign, no exponent. */
static bd_status_t exact_decimal(const char *s, const char *end, int scale, bd_time_t *out) {
    bd_time_t v = 0;
    int frac = -1, digits = 0;
    for (const char *p = s; p < end; p++) {
        if (*p == '.') {
            if (frac >= 0) return BD_ERR_INVAL;
            frac = 0;
            continue;
        }
        if (*p < '0' || *p > '9') return BD_ERR_INVAL;
        digits++;
        if (frac >= 0) {
            if (frac >= scale) {
                if (*p != '0') return BD_ERR_INVAL; /* finer than 1 ns */
                continue;
            }
            frac++;
        }
        if (v > (UINT64_MAX - 9) / 10) return BD_ERR_INVAL;
        v = v * 10 + (bd_time_t)(*p - '0');
    }
    if (!digits) return BD_ERR_INVAL;
    for (int k = frac < 0 ? 0 : frac; k < scale; k++) {
        if (v > UINT64_MAX / 10) return BD_ERR_INVAL;
        v *= 10;
    }
    *out = v;
    return BD_OK;
}

bd_status_t bd_text_time(const char *s, bd_time_t *out) {
    if (!s || !*s) return BD_ERR_INVAL;
    const char *e = s;
    while ((*e >= '0' && *e <= '9') || *e == '.') e++;
    int scale;
    if (!*e || strcasecmp(e, "s") == 0)
        scale = 9;
    else if (strcasecmp(e, "ms") == 0)
        scale = 6;
    else if (strcasecmp(e, "us") == 0)
        scale = 3;
    else if (strcasecmp(e, "ns") == 0)
        scale = 0;
    else
        return BD_ERR_INVAL;
    return exact_decimal(s, e, scale, out);
}

static bd_status_t scaled(const char *s, const char *const *suffix, const double *mult, int nsuf, double *out) {
    if (!s || !*s) return BD_ERR_INVAL;
    const char *e = num_end(s);
    if (e == s) return BD_ERR_INVAL;
    double m = 0;
    for (int k = 0; k < nsuf; k++)
        if (strcasecmp(e, suffix[k]) == 0) m = mult[k];
    if (m == 0) return BD_ERR_INVAL;
    char tmp[64];
    size_t len = (size_t)(e - s);
    if (len >= sizeof tmp) return BD_ERR_INVAL;
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    double v;
    if (bd_text_number(tmp, &v) != BD_OK) return BD_ERR_INVAL;
    *out = v * m;
    return BD_OK;
}

bd_status_t bd_text_freq(const char *s, double *hz) {
    static const char *const suf[] = {"", "hz", "khz", "mhz"};
    static const double mult[] = {1, 1, 1e3, 1e6};
    double v;
    if (scaled(s, suf, mult, 4, &v) != BD_OK || !(v > 0)) return BD_ERR_INVAL;
    *hz = v;
    return BD_OK;
}

bd_status_t bd_text_volts(const char *s, double *out) {
    static const char *const suf[] = {"", "v", "mv", "uv"};
    static const double mult[] = {1, 1, 1e-3, 1e-6};
    return scaled(s, suf, mult, 4, out);
}

bd_status_t bd_text_fraction(const char *s, double *f) {
    static const char *const suf[] = {"", "%"};
    static const double mult[] = {1, 0.01};
    return scaled(s, suf, mult, 2, f);
}

bd_status_t bd_text_bool(const char *s, int *out) {
    static const char *const yes[] = {"1", "true", "on", "yes", "high"};
    static const char *const no[] = {"0", "false", "off", "no", "low"};
    if (!s) return BD_ERR_INVAL;
    for (int i = 0; i < 5; i++) {
        if (strcasecmp(s, yes[i]) == 0) {
            *out = 1;
            return BD_OK;
        }
        if (strcasecmp(s, no[i]) == 0) {
            *out = 0;
            return BD_OK;
        }
    }
    return BD_ERR_INVAL;
}

const char *bd_text_fmt_time(bd_time_t t, char *buf, size_t n) {
    if (t == 0)
        snprintf(buf, n, "0");
    else if (t % 1000000000u == 0)
        snprintf(buf, n, "%llus", (unsigned long long)(t / 1000000000u));
    else if (t % 1000000u == 0)
        snprintf(buf, n, "%llums", (unsigned long long)(t / 1000000u));
    else if (t % 1000u == 0)
        snprintf(buf, n, "%lluus", (unsigned long long)(t / 1000u));
    else
        snprintf(buf, n, "%lluns", (unsigned long long)t);
    return buf;
}

bd_status_t bd_text_read_file(const char *path, char **out, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return BD_ERR_IO;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        return BD_ERR_NOMEM;
    }
    for (;;) {
        if (cap - n < 2) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fclose(f);
                return BD_ERR_NOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        errno = EIO;
        return BD_ERR_IO;
    }
    buf[n] = '\0';
    *out = buf;
    if (len) *len = n;
    return BD_OK;
}

void bd_text_verror(char *err, size_t errlen, const char *file, int line, int col, const char *fmt,
                    va_list ap) {
    if (!err || !errlen) return;
    const char *f = file ? file : "", *sep = file ? ":" : "";
    int n;
    if (line >= 0 && col >= 0)
        n = snprintf(err, errlen, "%s%s%d:%d: ", f, sep, line, col);
    else if (line >= 0)
        n = snprintf(err, errlen, "%s%s%d: ", f, sep, line);
    else
        n = file ? snprintf(err, errlen, "%s: ", file) : 0;
    if (n >= 0 && (size_t)n < errlen) vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
}
