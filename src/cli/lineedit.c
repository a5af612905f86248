/* lineedit.c: a small line editor for the REPL on a terminal.
 *
 * The terminal is put in raw mode (no echo, no canonical input, no signals)
 * only while a line is being read, and restored before any code runs, so
 * Ctrl-C during execution still arrives as SIGINT.  Output processing stays
 * on ("\n" -> "\r\n").  The line buffer is plain malloc'd bytes (UTF-8); the
 * cursor always sits on a character boundary and screen columns are counted
 * in code points.  History keeps the last HISTORY_MAX distinct lines. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "py/sysio.h"

#define HISTORY_MAX 100

static char *history[HISTORY_MAX];
static int history_len;
static struct termios saved_tio;
static bool raw_on;

static void raw_enable(void) {
    struct termios t;
    if (raw_on || tcgetattr(0, &saved_tio) != 0) return;
    t = saved_tio;
    t.c_lflag &= ~(tcflag_t)(ECHO | ICANON | ISIG | IEXTEN);
    t.c_iflag &= ~(tcflag_t)(IXON | ICRNL | INLCR | BRKINT);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    if (tcsetattr(0, TCSADRAIN, &t) == 0) raw_on = true;
}

static void raw_disable(void) {
    if (raw_on) tcsetattr(0, TCSADRAIN, &saved_tio);
    raw_on = false;
}

static void out(const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(1, s, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}
static void outs(const char *s) { out(s, strlen(s)); }

static int read_byte(void) {
    unsigned char c;
    for (;;) {
        ssize_t r = read(0, &c, 1);
        if (r == 1) return c;
        if (r < 0 && errno == EINTR) continue;
        return -1;
    }
}

typedef struct {
    char *buf;
    size_t len, cap, pos;
} line_t;

static void ensure(line_t *l, size_t extra) {
    if (l->len + extra + 1 <= l->cap) return;
    size_t nc = l->cap ? l->cap * 2 : 128;
    while (nc < l->len + extra + 1) nc *= 2;
    char *nb = realloc(l->buf, nc);
    if (!nb) abort(); /* out of host memory while editing a line: nothing sensible left */
    l->buf = nb;
    l->cap = nc;
}

static void set_text(line_t *l, const char *s) {
    size_t n = strlen(s);
    l->len = 0;
    ensure(l, n);
    memcpy(l->buf, s, n);
    l->len = l->pos = n;
    l->buf[n] = 0;
}

static size_t count_chars(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
    return c;
}

static void refresh(const char *prompt, line_t *l) {
    char tail[32];
    outs("\r");
    outs(prompt);
    out(l->buf, l->len);
    outs("\x1b[K");
    size_t back = count_chars(l->buf + l->pos, l->len - l->pos);
    if (back) {
        int n = snprintf(tail, sizeof tail, "\x1b[%zuD", back);
        out(tail, (size_t)n);
    }
}

static size_t prev_boundary(line_t *l, size_t p) {
    if (p == 0) return 0;
    p--;
    while (p > 0 && ((unsigned char)l->buf[p] & 0xC0) == 0x80) p--;
    return p;
}

static size_t next_boundary(line_t *l, size_t p) {
    if (p >= l->len) return l->len;
    p++;
    while (p < l->len && ((unsigned char)l->buf[p] & 0xC0) == 0x80) p++;
    return p;
}

static void delete_range(line_t *l, size_t a, size_t b) {
    memmove(l->buf + a, l->buf + b, l->len - b);
    l->len -= b - a;
    l->buf[l->len] = 0;
    if (l->pos > b) l->pos -= b - a;
    else if (l->pos > a) l->pos = a;
}

static void insert(line_t *l, const char *s, size_t n) {
    ensure(l, n);
    memmove(l->buf + l->pos + n, l->buf + l->pos, l->len - l->pos);
    memcpy(l->buf + l->pos, s, n);
    l->len += n;
    l->pos += n;
    l->buf[l->len] = 0;
}

void cli_history_add(const char *line) {
    if (!*line) return;
    if (history_len > 0 && !strcmp(history[history_len - 1], line)) return;
    char *copy = strdup(line);
    if (!copy) return;
    if (history_len == HISTORY_MAX) {
        free(history[0]);
        memmove(history, history + 1, (HISTORY_MAX - 1) * sizeof history[0]);
        history_len--;
    }
    history[history_len++] = copy;
}

/* Without a terminal: plain reading, no editing. */
static char *read_plain(const char *prompt, int *status) {
    outs(prompt);
    line_t l = {0};
    ensure(&l, 0);
    int c;
    bool any = false;
    while ((c = read_byte()) >= 0) {
        any = true;
        if (c == '\n') break;
        char ch = (char)c;
        l.pos = l.len;
        insert(&l, &ch, 1);
    }
    if (!any) {
        free(l.buf);
        *status = 2;
        return NULL;
    }
    *status = 0;
    return l.buf;
}

char *cli_readline(const char *prompt, const char *initial, int *status) {
    py_flush_stdout();
    if (!isatty(0)) return read_plain(prompt, status);
    raw_enable();
    line_t l = {0};
    set_text(&l, initial ? initial : "");
    int hist_pos = history_len;
    char *saved = NULL; /* the line being edited when browsing history */
    /* The first draw and plain typing at the end of the line write only the new
     * text: a redraw per key would flood slow terminals and logs of sessions. */
    outs(prompt);
    out(l.buf, l.len);
    for (;;) {
        int c = read_byte();
        if (c < 0) { /* input closed */
            if (l.len == 0) {
                *status = 2;
                free(l.buf);
                free(saved);
                outs("\r\n");
                raw_disable();
                return NULL;
            }
            break;
        }
        if (c == '\r' || c == '\n') break;
        if (c == 3) { /* Ctrl-C: abandon the line */
            outs("\r\n");
            free(l.buf);
            free(saved);
            raw_disable();
            *status = 1;
            return NULL;
        }
        if (c == 4) { /* Ctrl-D: end of input on an empty line, else delete */
            if (l.len == 0) {
                outs("\r\n");
                free(l.buf);
                free(saved);
                raw_disable();
                *status = 2;
                return NULL;
            }
            if (l.pos < l.len) delete_range(&l, l.pos, next_boundary(&l, l.pos));
        } else if (c == 127 || c == 8) {
            if (l.pos > 0) delete_range(&l, prev_boundary(&l, l.pos), l.pos);
        } else if (c == 1) {
            l.pos = 0;
        } else if (c == 5) {
            l.pos = l.len;
        } else if (c == 2) {
            l.pos = prev_boundary(&l, l.pos);
        } else if (c == 6) {
            l.pos = next_boundary(&l, l.pos);
        } else if (c == 11) {
            l.len = l.pos;
            l.buf[l.len] = 0;
        } else if (c == 21) {
            delete_range(&l, 0, l.pos);
        } else if (c == 9) {
            insert(&l, "    ", 4);
        } else if (c == 27) {
            int c1 = read_byte(), c2;
            if (c1 != '[' && c1 != 'O') continue;
            c2 = read_byte();
            int key = c2;
            if (c2 >= '0' && c2 <= '9') { /* ESC [ n ~ */
                int n = c2 - '0', c3;
                while ((c3 = read_byte()) >= '0' && c3 <= '9') n = n * 10 + (c3 - '0');
                key = n == 1 || n == 7 ? 'H' : n == 4 || n == 8 ? 'F' : n == 3 ? 'X' : 0;
            }
            switch (key) {
            case 'A': /* up: older history */
            case 'B': /* down: newer */
                if (key == 'A' && hist_pos > 0) {
                    if (hist_pos == history_len) {
                        free(saved);
                        saved = strdup(l.buf);
                    }
                    set_text(&l, history[--hist_pos]);
                } else if (key == 'B' && hist_pos < history_len) {
                    hist_pos++;
                    set_text(&l, hist_pos == history_len ? (saved ? saved : "") : history[hist_pos]);
                }
                break;
            case 'C': l.pos = next_boundary(&l, l.pos); break;
            case 'D': l.pos = prev_boundary(&l, l.pos); break;
            case 'H': l.pos = 0; break;
            case 'F': l.pos = l.len; break;
            case 'X':
                if (l.pos < l.len) delete_range(&l, l.pos, next_boundary(&l, l.pos));
                break;
            default: break;
            }
        } else if (c >= 32 || c >= 128) {
            char ch = (char)c;
            bool at_end = l.pos == l.len;
            insert(&l, &ch, 1);
            if (at_end) {
                out(&ch, 1);
                continue;
            }
        }
        refresh(prompt, &l);
    }
    if (l.pos != l.len) {
        l.pos = l.len;
        refresh(prompt, &l);
    }
    outs("\r\n");
    raw_disable();
    free(saved);
    *status = 0;
    return l.buf;
}

void cli_lineedit_cleanup(void) {
    raw_disable();
    for (int i = 0; i < history_len; i++) free(history[i]);
    history_len = 0;
}
