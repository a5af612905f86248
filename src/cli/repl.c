/* repl.c: the interactive loop.
 *
 * On a terminal: banner, `>>> ` and `... ` prompts.  A statement continues
 * while brackets or a triple-quoted string are open, a line ends with ':' or
 * a backslash, or (once a compound statement or decorator has started) until
 * a blank line.  After a line ending with ':' the next line starts indented
 * by four more spaces; otherwise it keeps the previous indentation.  Each
 * statement is compiled in PY_MODE_SINGLE so expression results are echoed.
 * When stdin is not a terminal the whole input runs as one script, as
 * MicroPython does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "py/sysio.h"

typedef struct {
    int depth;       /* open brackets */
    char quote;      /* open triple quote char, or 0 */
    bool colon;      /* last line ends with ':' */
    bool backslash;  /* last line ends with '\\' */
} scan_t;

/* Scans the whole accumulated source for open brackets and strings, and the
 * ending of its last line. */
static scan_t scan(const char *s, size_t n) {
    scan_t st = {0, 0, false, false};
    char last = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (st.quote) {
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == st.quote && i + 2 < n + 0 && s[i + 1] == c && s[i + 2] == c) {
                st.quote = 0;
                i += 2;
                last = c;
            }
            continue;
        }
        if (c == '#') {
            while (i < n && s[i] != '\n') i++;
            i--;
            continue;
        }
        if (c == '\'' || c == '"') {
            if (i + 2 < n && s[i + 1] == c && s[i + 2] == c) {
                st.quote = c;
                i += 2;
                continue;
            }
            /* single-quoted: skip to its end on this line */
            size_t j = i + 1;
            while (j < n && s[j] != c && s[j] != '\n') {
                if (s[j] == '\\') j++;
                j++;
            }
            i = j;
            last = c;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') st.depth++;
        else if ((c == ')' || c == ']' || c == '}') && st.depth > 0) st.depth--;
        if (c == '\n') last = 0;
        else if (c != ' ' && c != '\t' && c != '\r') last = c;
    }
    st.colon = last == ':';
    st.backslash = n > 0 && s[n - 1] == '\\';
    return st;
}

static bool blank(const char *s) {
    for (; *s; s++)
        if (*s != ' ' && *s != '\t') return false;
    return true;
}

static bool starts_compound(const char *line) {
    while (*line == ' ' || *line == '\t') line++;
    return *line == '@';
}

/* Runs all of stdin as a script in __main__ (non-terminal input). */
static int run_piped(void) {
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf) return 1;
    for (;;) {
        if (cap - n < 4096) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                return 1;
            }
            buf = nb;
        }
        ssize_t got = read(0, buf + n, cap - n);
        if (got <= 0) break;
        n += (size_t)got;
    }
    py_val_t src = py_bytes_new(buf, n);
    free(buf);
    int st = cli_exec(py_str_data(src), n, "<stdin>", PY_MODE_EXEC, cli_main_globals(), true);
    return st < 0 ? 0 : st;
}

int cli_repl(void) {
    if (!isatty(0)) return run_piped();
    static const char banner[] = "MicroPython-compatible Breadboard 0.1; virtual board\n"
                                 "Type \"help()\" for more information.\n";
    py_write_stdout(banner, sizeof banner - 1);
    py_flush_stdout();
    py_val_t globals = cli_main_globals();
    for (;;) {
        int status;
        char *line = cli_readline(">>> ", "", &status);
        if (status == 2) return 0;
        if (status == 1 || !line) continue;
        if (blank(line)) {
            free(line);
            continue;
        }
        /* accumulate a statement */
        size_t len = strlen(line), cap = len + 256;
        char *src = malloc(cap);
        if (!src) {
            free(line);
            return 1;
        }
        memcpy(src, line, len + 1);
        cli_history_add(line);
        bool compound = starts_compound(line);
        free(line);
        bool cancelled = false;
        for (;;) {
            scan_t st = scan(src, len);
            if (st.colon) compound = true;
            if (!(st.depth > 0 || st.quote || st.backslash || compound)) break;
            /* indentation for the next line */
            const char *last = src + len;
            while (last > src && last[-1] != '\n') last--;
            size_t indent = 0;
            while (last[indent] == ' ') indent++;
            if (st.colon) indent += 4;
            if (st.depth > 0 || st.quote) indent = 0;
            char pre[256];
            if (indent >= sizeof pre) indent = sizeof pre - 1;
            memset(pre, ' ', indent);
            pre[indent] = 0;
            char *more = cli_readline("... ", pre, &status);
            if (status == 1) {
                cancelled = true;
                break;
            }
            if (status == 2 || !more) break;
            if (compound && !st.depth && !st.quote && blank(more)) {
                free(more);
                break;
            }
            size_t m = strlen(more);
            if (len + m + 2 > cap) {
                cap = (len + m + 2) * 2;
                char *ns = realloc(src, cap);
                if (!ns) {
                    free(more);
                    free(src);
                    return 1;
                }
                src = ns;
            }
            src[len++] = '\n';
            memcpy(src + len, more, m + 1);
            len += m;
            cli_history_add(more);
            free(more);
        }
        if (cancelled) {
            free(src);
            continue;
        }
        /* copy into the GC heap and free the malloc'd text before running, so a
         * SystemExit's path leaks nothing */
        src[len++] = '\n';
        py_val_t code = py_bytes_new(src, len);
        free(src);
        py_sigint = 0;
        int st = cli_exec(py_str_data(code), len, "<stdin>", PY_MODE_SINGLE, globals, false);
        py_flush_stdout();
        if (st >= 0) return st;
    }
}
