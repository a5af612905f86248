/* io.c: the process's standard output and error.
 *
 * stdout is buffered in a static array and written with write(2) when full,
 * at exit, before stdin is read and before anything goes to stderr, so the two
 * streams interleave in program order while ordinary printing stays cheap.
 * stderr is unbuffered.  When stdout is a terminal the buffer is flushed at
 * each newline so interactive output appears at once. */
#include <errno.h>
#include <unistd.h>

#include "runtime.h"
#include "sysio.h"

static char out_buf[16384];
static size_t out_len;
static int out_tty = -1;

static void write_all(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return; /* closed pipe or full disk: output is lost, as in C stdio */
        }
        s += w;
        n -= (size_t)w;
    }
}

void py_flush_stdout(void) {
    if (out_len) {
        size_t n = out_len;
        out_len = 0;
        write_all(1, out_buf, n);
    }
}

void (*py_stdout_hook)(const char *s, size_t n);

/* Into the stdout buffer, in order with the program's output, without the
 * hook: for output that is not the program's (the board's --trace -). */
void py_write_stdout_raw(const char *s, size_t n) {
    if (out_tty < 0) out_tty = isatty(1);
    if (n >= sizeof out_buf) {
        py_flush_stdout();
        write_all(1, s, n);
    } else {
        if (out_len + n > sizeof out_buf) py_flush_stdout();
        memcpy(out_buf + out_len, s, n);
        out_len += n;
        if (out_tty && memchr(s, '\n', n)) py_flush_stdout();
    }
}

void py_write_stdout(const char *s, size_t n) {
    py_write_stdout_raw(s, n);
    if (py_stdout_hook) py_stdout_hook(s, n);
}

void py_write_stderr(const char *s, size_t n) {
    py_flush_stdout();
    write_all(2, s, n);
}
