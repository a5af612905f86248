/* obj_file.c: file objects returned by open(), and the sys.stdin/stdout/stderr
 * objects.
 *
 * A file wraps a C FILE* (regular files) or names a standard stream (std =
 * 0/1/2).  Writes to stdout/stderr go through py_write_stdout/py_write_stderr
 * so they share io.c's buffering; stdin reads flush stdout first.  Text mode
 * returns str, binary mode bytes.  Operations on a closed file raise
 * ValueError("I/O operation on closed file.") as CPython does.  The FILE* is
 * not finalised by the collector: an unclosed file stays open until exit. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "runtime.h"
#include "sysio.h"

typedef struct {
    py_obj_t h;
    FILE *fp;
    int std; /* -1 for a regular file, else 0/1/2 */
    uint8_t binary, readable, writable, closed;
    py_val_t name;
    py_val_t mode;
} file_t;

static file_t *self_file(py_val_t v) {
    if (!py_is_obj(v) || !py_is_subtype(py_obj_type(v), &py_type_file))
        py_raise_type_error_arg("file method", "file", v);
    file_t *f = py_as_ptr(v);
    if (f->closed) py_raise_msg(&py_type_ValueError, "I/O operation on closed file.");
    return f;
}

static PY_NORETURN void raise_errno(int err, py_val_t filename) {
    py_val_t args[3] = {py_small(err), py_str_from_cstr(strerror(err)), filename};
    py_raise(py_exc_new_args(&py_type_OSError, py_is_null(filename) ? 2 : 3, args));
}

static py_val_t make_result(file_t *f, py_sb_t *sb) {
    return f->binary ? py_sb_to_bytes(sb) : py_sb_to_str(sb);
}

/* The next byte of fp; the default stdin's come through py_stdin_getc_hook
 * when it is set (the board's console: stimulus bytes on the virtual clock). */
static int next_byte(const file_t *f, FILE *fp) {
    if (f->std == 0 && py_stdin_getc_hook) return py_stdin_getc_hook();
    return getc(fp);
}

/* Reads one line (including '\n') or up to `limit` bytes (-1: no limit). */
static py_val_t read_line(file_t *f, int64_t limit) {
    if (!f->readable) py_raise_msg(&py_type_OSError, "not readable");
    if (f->std == 0) py_flush_stdout();
    FILE *fp = f->std == 0 ? stdin : f->fp;
    py_sb_t sb;
    py_sb_init(&sb);
    while (limit < 0 || (int64_t)sb.len < limit) {
        int c = next_byte(f, fp);
        if (c == EOF) break;
        py_sb_addc(&sb, (char)c);
        if (c == '\n') break;
    }
    return make_result(f, &sb);
}

static py_val_t read_n(file_t *f, int64_t n) {
    if (!f->readable) py_raise_msg(&py_type_OSError, "not readable");
    if (f->std == 0) py_flush_stdout();
    FILE *fp = f->std == 0 ? stdin : f->fp;
    py_sb_t sb;
    py_sb_init(&sb);
    char buf[4096];
    while (n < 0 || (int64_t)sb.len < n) {
        size_t want = sizeof buf;
        if (n >= 0 && (int64_t)want > n - (int64_t)sb.len) want = (size_t)(n - (int64_t)sb.len);
        size_t got = 0;
        if (f->std == 0 && py_stdin_getc_hook) {
            /* byte by byte: a read returns as soon as it has its n bytes */
            for (int c; got < want && (c = py_stdin_getc_hook()) != EOF;) buf[got++] = (char)c;
        } else {
            got = fread(buf, 1, want, fp);
        }
        if (got == 0) break;
        py_sb_add(&sb, buf, got);
    }
    if (!f->binary) {
        /* do not split a UTF-8 sequence at the end of a sized read */
        while (sb.len > 0) {
            size_t i = sb.len, back = 0;
            while (i > 0 && back < 4 && ((uint8_t)sb.data[i - 1] & 0xC0) == 0x80) i--, back++;
            if (i == 0) break;
            uint8_t lead = (uint8_t)sb.data[i - 1];
            size_t need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
            if (back >= need) break;
            int c = next_byte(f, fp);
            if (c == EOF) break;
            py_sb_addc(&sb, (char)c);
        }
    }
    return make_result(f, &sb);
}

static int64_t opt_size(int argc, const py_val_t *argv, int i) {
    if (argc <= i || py_is_none(argv[i])) return -1;
    return py_to_i64(argv[i]);
}

static py_val_t f_read(int argc, const py_val_t *argv, py_val_t kw) {
    return read_n(self_file(argv[0]), opt_size(argc, argv, 1));
}

static py_val_t f_readline(int argc, const py_val_t *argv, py_val_t kw) {
    return read_line(self_file(argv[0]), opt_size(argc, argv, 1));
}

static py_val_t f_readlines(int argc, const py_val_t *argv, py_val_t kw) {
    file_t *f = self_file(argv[0]);
    py_val_t list = py_list_new(0);
    for (;;) {
        py_val_t line = read_line(f, -1);
        if (py_len(line) == 0) break;
        py_list_append(list, line);
    }
    return list;
}

static size_t do_write(file_t *f, py_val_t data) {
    if (!f->writable) py_raise_msg(&py_type_OSError, "not writable");
    const char *p;
    size_t n, count;
    py_buf_t buf;
    if (f->binary) {
        py_get_buffer(data, &buf, 0);
        p = (const char *)buf.data;
        n = count = buf.len;
    } else {
        if (!py_is_str(data))
            py_raise_msg(&py_type_TypeError, "write() argument must be str, not %s", py_type_name(data));
        p = py_str_data(data);
        n = py_str_len(data);
        count = ((py_str_t *)py_as_ptr(data))->nchars;
    }
    if (f->std == 1) py_write_stdout(p, n);
    else if (f->std == 2) py_write_stderr(p, n);
    else if (f->std == 0) py_raise_msg(&py_type_OSError, "not writable");
    else if (n && fwrite(p, 1, n, f->fp) != n) raise_errno(errno, PY_NULL);
    return count;
}

static py_val_t f_write(int argc, const py_val_t *argv, py_val_t kw) {
    return py_int_from_u64(do_write(self_file(argv[0]), argv[1]));
}

static py_val_t f_writelines(int argc, const py_val_t *argv, py_val_t kw) {
    file_t *f = self_file(argv[0]);
    py_val_t it = py_iter(argv[1]);
    for (py_val_t v; !py_is_null(v = py_next(it));) do_write(f, v);
    return PY_NONE;
}

static py_val_t f_flush(int argc, const py_val_t *argv, py_val_t kw) {
    file_t *f = self_file(argv[0]);
    if (f->std == 1) py_flush_stdout();
    else if (f->fp) fflush(f->fp);
    return PY_NONE;
}

static py_val_t f_close(int argc, const py_val_t *argv, py_val_t kw) {
    if (!py_is_obj(argv[0]) || !py_is_subtype(py_obj_type(argv[0]), &py_type_file))
        py_raise_type_error_arg("close", "file", argv[0]);
    file_t *f = py_as_ptr(argv[0]);
    if (f->closed) return PY_NONE;
    if (f->std == 1) py_flush_stdout();
    if (f->fp) fclose(f->fp);
    f->fp = NULL;
    f->closed = 1;
    return PY_NONE;
}

static py_val_t f_seek(int argc, const py_val_t *argv, py_val_t kw) {
    file_t *f = self_file(argv[0]);
    int64_t off = py_to_i64(argv[1]);
    int whence = argc > 2 ? (int)py_to_i64(argv[2]) : 0;
    if (!f->fp) py_raise_msg(&py_type_OSError, "[Errno 29] Illegal seek");
    int w = whence == 1 ? SEEK_CUR : whence == 2 ? SEEK_END : SEEK_SET;
    if (fseeko(f->fp, (off_t)off, w) != 0) raise_errno(errno, PY_NULL);
    return py_int_from_i64((int64_t)ftello(f->fp));
}

static py_val_t f_tell(int argc, const py_val_t *argv, py_val_t kw) {
    file_t *f = self_file(argv[0]);
    if (!f->fp) py_raise_msg(&py_type_OSError, "[Errno 29] Illegal seek");
    return py_int_from_i64((int64_t)ftello(f->fp));
}

static py_val_t f_fileno(int argc, const py_val_t *argv, py_val_t kw) {
    file_t *f = self_file(argv[0]);
    return py_small(f->fp ? fileno(f->fp) : f->std);
}

static py_val_t f_isatty(int argc, const py_val_t *argv, py_val_t kw) {
    file_t *f = self_file(argv[0]);
    return py_bool(isatty(f->fp ? fileno(f->fp) : f->std));
}

static py_val_t f_enter(int argc, const py_val_t *argv, py_val_t kw) {
    self_file(argv[0]);
    return argv[0];
}

static py_val_t f_exit(int argc, const py_val_t *argv, py_val_t kw) {
    f_close(1, argv, PY_NULL);
    return PY_NONE;
}

static py_val_t f_iter(py_val_t self) {
    self_file(self);
    return self;
}

static py_val_t f_iternext(py_val_t self) {
    py_val_t line = read_line(self_file(self), -1);
    return py_len(line) == 0 ? PY_NULL : line;
}

static py_val_t f_getattr(py_val_t self, py_val_t name) {
    file_t *f = py_as_ptr(self);
    const char *s = py_str_data(name);
    if (!strcmp(s, "name")) return f->name;
    if (!strcmp(s, "mode")) return f->mode;
    if (!strcmp(s, "closed")) return py_bool(f->closed);
    if (!strcmp(s, "buffer") && f->std >= 0 && !f->binary) {
        py_val_t b = py_file_new_std(f->std);
        ((file_t *)py_as_ptr(b))->binary = 1;
        return b;
    }
    return PY_NULL;
}

static void f_print(py_sb_t *sb, py_val_t self, int kind) {
    file_t *f = py_as_ptr(self);
    py_sb_printf(sb, "<_io.%s name=", f->binary ? "BufferedWriter" : "TextIOWrapper");
    py_print_to(sb, f->name, PY_PRINT_REPR);
    py_sb_adds(sb, ">");
}

static void f_trace(py_obj_t *self) {
    file_t *f = (file_t *)self;
    py_gc_mark(f->name);
    py_gc_mark(f->mode);
}

static const py_method_def_t file_methods[] = {
    {"read", f_read, 1, 2, 0},
    {"readline", f_readline, 1, 2, 0},
    {"readlines", f_readlines, 1, 2, 0},
    {"write", f_write, 2, 2, 0},
    {"writelines", f_writelines, 2, 2, 0},
    {"flush", f_flush, 1, 1, 0},
    {"close", f_close, 1, 1, 0},
    {"seek", f_seek, 2, 3, 0},
    {"tell", f_tell, 1, 1, 0},
    {"fileno", f_fileno, 1, 1, 0},
    {"isatty", f_isatty, 1, 1, 0},
    {"__enter__", f_enter, 1, 1, 0},
    {"__exit__", f_exit, 1, -1, 0},
    PY_MF_END,
};

py_type_t py_type_file = {
    .h = {&py_type_type},
    .name = "TextIOWrapper",
    .instance_size = sizeof(file_t),
    .methods = file_methods,
    .getattr = f_getattr,
    .print = f_print,
    .iter = f_iter,
    .iternext = f_iternext,
    .trace = f_trace,
};

static file_t *file_alloc(void) {
    py_type_init_builtin(&py_type_file);
    file_t *f = py_gc_alloc(&py_type_file, sizeof(file_t));
    f->std = -1;
    f->name = PY_NONE;
    f->mode = PY_NONE;
    return f;
}

py_val_t py_file_new_std(int fd) {
    file_t *f = file_alloc();
    f->std = fd;
    f->readable = fd == 0;
    f->writable = fd != 0;
    static const char *names[] = {"<stdin>", "<stdout>", "<stderr>"};
    f->name = py_str_from_cstr(names[fd]);
    f->mode = py_str_from_cstr(fd == 0 ? "r" : "w");
    return py_obj(f);
}

py_val_t py_builtin_open(int argc, const py_val_t *argv, py_val_t kwnames) {
    py_val_t path = argc > 0 ? argv[0] : py_kwarg(argc, argv, kwnames, "file", PY_NULL);
    if (py_is_null(path)) py_raise_msg(&py_type_TypeError, "open() missing required argument 'file' (pos 1)");
    py_val_t mode = argc > 1 ? argv[1] : py_kwarg(argc, argv, kwnames, "mode", PY_NULL);
    const char *m = "r";
    if (!py_is_null(mode)) {
        if (!py_is_str(mode)) py_raise_type_error_arg("open", "str", mode);
        m = py_str_data(mode);
    }
    if (!py_is_str(path)) {
        if (py_is_int(path)) py_raise_msg(&py_type_OSError, "open() of a file descriptor is not supported");
        py_raise_msg(&py_type_TypeError, "expected str, bytes or os.PathLike object, not %s",
                     py_type_name(path));
    }
    int rd = 0, wr = 0, ap = 0, ex = 0, plus = 0, bin = 0, txt = 0;
    for (const char *c = m; *c; c++) {
        switch (*c) {
        case 'r': rd++; break;
        case 'w': wr++; break;
        case 'a': ap++; break;
        case 'x': ex++; break;
        case '+': plus++; break;
        case 'b': bin++; break;
        case 't': txt++; break;
        default: py_raise_msg(&py_type_ValueError, "invalid mode: '%s'", m);
        }
    }
    if (rd + wr + ap + ex != 1 || plus > 1 || bin > 1 || txt > 1 || (bin && txt))
        py_raise_msg(&py_type_ValueError, "invalid mode: '%s'", m);
    char cmode[4] = {0};
    cmode[0] = rd ? 'r' : wr ? 'w' : ap ? 'a' : 'w';
    int i = 1;
    if (plus) cmode[i++] = '+';
    if (ex) cmode[i++] = 'x'; /* glibc: O_EXCL */
    FILE *fp = fopen(py_str_data(path), cmode);
    if (!fp) raise_errno(errno, path);
    file_t *f = file_alloc();
    f->fp = fp;
    f->binary = bin != 0;
    f->readable = rd || plus;
    f->writable = !rd || plus;
    f->name = path;
    f->mode = py_is_null(mode) ? py_str_from_cstr("r") : mode;
    return py_obj(f);
}
