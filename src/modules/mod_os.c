/* mod_os.c: the os module over the host's POSIX calls, plus a small os.path.
 *
 * Paths may be str or bytes; listing a bytes path yields bytes names, as in
 * CPython and MicroPython.  Failures raise OSError(errno, strerror, path),
 * the same shape obj_file.c's open() uses, so str(e) reads as CPython's
 * "[Errno 2] No such file or directory: 'x'" and e.args[0] / e.errno is
 * the number MicroPython code tests against errno.ENOENT.
 *
 * stat/lstat/statvfs/uname return named tuples (classes made once with
 * collections.namedtuple and kept in GC roots): indexing gives MicroPython's
 * plain-tuple view, attributes (st_mode, sysname ...) CPython's.  Times are
 * whole seconds.  ilistdir yields MicroPython's (name, type, inode, size)
 * tuples: type 0x4000 for a directory, 0x8000 for a regular file, 0 else.
 *
 * uname() describes the board, as the port's firmware does, not the host:
 * sysname and nodename the port's sys.platform ("rp2", "esp32", "pyboard"),
 * machine the "<board> with <MCU>" text of sys.implementation._machine (both
 * from py_sys_port(), which the board runtime sets), release the MicroPython
 * version Breadboard follows ("1.27.0"), version "v1.27.0 on <build date>"
 * as the ports print their git tag and build date, followed by
 * " (Breadboard v0.1.0)" so no one mistakes it for real firmware.
 *
 * dupterm(stream, index=0) records up to two streams and returns the one it
 * replaces (MicroPython's contract); the host build does not mirror the REPL
 * to them.  os.environ is a dict snapshot taken at import; getenv/putenv/
 * unsetenv act on the live environment. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/random.h>
#endif

#include "py/runtime.h"
#include "py/sysio.h"

extern char **environ;

static py_val_t stat_cls = PY_NULL, statvfs_cls = PY_NULL, uname_cls = PY_NULL;
static py_val_t dupterm_slots[2] = {PY_NULL, PY_NULL};

static void roots(void) {
    py_gc_mark(stat_cls);
    py_gc_mark(statvfs_cls);
    py_gc_mark(uname_cls);
    py_gc_mark_array(dupterm_slots, 2);
}

/* ------------------------------------------------------------- helpers */

static PY_NORETURN void raise_os(int err, py_val_t path) {
    py_val_t args[3] = {py_small(err), py_str_from_cstr(strerror(err)), path};
    py_raise(py_exc_new_args(&py_type_OSError, py_is_null(path) ? 2 : 3, args));
}

/* The C string of a path argument (str, bytes, or an object with __fspath__). */
static const char *path_of(py_val_t *v, bool *is_bytes) {
    py_val_t p = *v;
    if (!py_is_str(p) && !py_is_type(p, &py_type_bytes)) {
        py_val_t f = py_is_obj(p) ? py_getattr_opt(p, PYN(__fspath__)) : PY_NULL;
        if (py_is_null(f))
            py_raise_msg(&py_type_TypeError, "expected str, bytes or os.PathLike object, not %s",
                         py_type_name(p));
        p = py_call0(f);
        if (!py_is_str(p) && !py_is_type(p, &py_type_bytes))
            py_raise_msg(&py_type_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                         py_type_name(*v), py_type_name(p));
        *v = p;
    }
    if (is_bytes) *is_bytes = py_is_type(p, &py_type_bytes);
    const char *s = py_str_data(p);
    if (strlen(s) != py_str_len(p)) py_raise_msg(&py_type_ValueError, "embedded null byte");
    return s;
}

static py_val_t named(py_val_t *cls, const char *name, const char *fields) {
    if (py_is_null(*cls)) {
        py_val_t nt = py_getattr(py_import_cstr("collections"), py_intern("namedtuple"));
        py_val_t args[3] = {py_str_from_cstr(name), py_str_from_cstr(fields), py_str_from_cstr("os")};
        *cls = py_call(nt, 2, args, py_tuple_pack(1, py_intern("module")));
    }
    return *cls;
}

static py_val_t make_named(py_val_t *cls, const char *name, const char *fields, size_t n, const py_val_t *v) {
    return py_call(named(cls, name, fields), (int)n, v, PY_NULL);
}

/* Host text (names, environment) as str: bytes that are not UTF-8 become U+FFFD. */
static py_val_t host_str(const char *s, size_t n) {
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    bool ok = true;
    for (const uint8_t *q = p; q < end && ok;) {
        if (*q < 0x80) {
            q++;
            continue;
        }
        int k = (*q & 0xE0) == 0xC0 ? 1 : (*q & 0xF0) == 0xE0 ? 2 : (*q & 0xF8) == 0xF0 ? 3 : -1;
        if (k < 0 || end - q <= k || *q < 0xC2 || *q > 0xF4) ok = false;
        for (int i = 1; ok && i <= k; i++)
            if ((q[i] & 0xC0) != 0x80) ok = false;
        q += k + 1;
    }
    if (ok) return py_str_new(s, n);
    py_sb_t sb;
    py_sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        if (p[i] < 0x80)
            py_sb_addc(&sb, (char)p[i]);
        else
            py_sb_add_utf8(&sb, 0xFFFD);
    }
    return py_sb_to_str(&sb);
}

static py_val_t name_value(const char *s, bool as_bytes) {
    return as_bytes ? py_bytes_new(s, strlen(s)) : host_str(s, strlen(s));
}

/* -------------------------------------------------------- directories */

static const char *dir_arg(int argc, const py_val_t *argv, py_val_t *path, bool *is_bytes) {
    *is_bytes = false;
    if (argc < 1 || py_is_none(argv[0])) {
        *path = py_str_from_cstr(".");
        return ".";
    }
    *path = argv[0];
    return path_of(path, is_bytes);
}

static py_val_t os_listdir(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t path;
    bool b;
    const char *p = dir_arg(argc, argv, &path, &b);
    DIR *d = opendir(p);
    if (!d) raise_os(errno, path);
    py_val_t list = py_list_new(0);
    py_try_t t;
    if (py_try(&t)) {
        for (struct dirent *e; (e = readdir(d));) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            py_list_append(list, name_value(e->d_name, b));
        }
        py_try_end(&t);
    } else {
        closedir(d);
        py_raise(t.exc);
    }
    closedir(d);
    return list;
}

static py_val_t os_ilistdir(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t path;
    bool b;
    const char *p = dir_arg(argc, argv, &path, &b);
    DIR *d = opendir(p);
    if (!d) raise_os(errno, path);
    /* collected eagerly: an open DIR* inside a lazily consumed iterator would
     * leak when the iterator is dropped (the collector runs no finalisers) */
    py_val_t list = py_list_new(0);
    py_try_t t;
    if (py_try(&t)) {
        for (struct dirent *e; (e = readdir(d));) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            struct stat st;
            int type = 0;
            int64_t size = -1;
            if (fstatat(dirfd(d), e->d_name, &st, 0) == 0) {
                type = S_ISDIR(st.st_mode) ? 0x4000 : S_ISREG(st.st_mode) ? 0x8000 : 0;
                size = S_ISREG(st.st_mode) ? (int64_t)st.st_size : 0;
            }
            py_val_t item = py_tuple_pack(4, name_value(e->d_name, b), py_small(type),
                                          py_int_from_u64((uint64_t)e->d_ino), py_int_from_i64(size));
            py_list_append(list, item);
        }
        py_try_end(&t);
    } else {
        closedir(d);
        py_raise(t.exc);
    }
    closedir(d);
    return py_iter(list);
}

static py_val_t os_mkdir(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t path = argv[0];
    const char *p = path_of(&path, NULL);
    py_val_t mode = argc > 1 ? argv[1] : py_kwarg(argc, argv, kw, "mode", PY_NULL);
    mode_t m = py_is_null(mode) ? 0777 : (mode_t)py_to_i64(mode);
    if (mkdir(p, m) != 0) raise_os(errno, path);
    return PY_NONE;
}

static py_val_t os_rmdir(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t path = argv[0];
    if (rmdir(path_of(&path, NULL)) != 0) raise_os(errno, path);
    return PY_NONE;
}

static py_val_t os_remove(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t path = argv[0];
    if (unlink(path_of(&path, NULL)) != 0) raise_os(errno, path);
    return PY_NONE;
}

static py_val_t os_rename(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t a = argv[0], b = argv[1];
    const char *pa = path_of(&a, NULL), *pb = path_of(&b, NULL);
    if (rename(pa, pb) != 0) raise_os(errno, a);
    return PY_NONE;
}

static py_val_t os_getcwd(int argc, const py_val_t *argv, py_val_t kw) {
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) raise_os(errno, PY_NULL);
    return host_str(buf, strlen(buf));
}

static py_val_t os_chdir(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t path = argv[0];
    if (chdir(path_of(&path, NULL)) != 0) raise_os(errno, path);
    return PY_NONE;
}

/* ---------------------------------------------------------------- stat */

static const char STAT_FIELDS[] =
    "st_mode st_ino st_dev st_nlink st_uid st_gid st_size st_atime st_mtime st_ctime";

static py_val_t stat_value(const struct stat *st) {
    py_val_t v[10] = {
        py_int_from_u64(st->st_mode),
        py_int_from_u64((uint64_t)st->st_ino),
        py_int_from_u64((uint64_t)st->st_dev),
        py_int_from_u64((uint64_t)st->st_nlink),
        py_int_from_u64(st->st_uid),
        py_int_from_u64(st->st_gid),
        py_int_from_i64((int64_t)st->st_size),
        py_int_from_i64((int64_t)st->st_atime),
        py_int_from_i64((int64_t)st->st_mtime),
        py_int_from_i64((int64_t)st->st_ctime),
    };
    return make_named(&stat_cls, "stat_result", STAT_FIELDS, 10, v);
}

static py_val_t do_stat(py_val_t path, bool follow) {
    struct stat st;
    if (py_is_int(path)) {
        if (fstat((int)py_to_i64(path), &st) != 0) raise_os(errno, PY_NULL);
        return stat_value(&st);
    }
    const char *p = path_of(&path, NULL);
    if ((follow ? stat(p, &st) : lstat(p, &st)) != 0) raise_os(errno, path);
    return stat_value(&st);
}

static py_val_t os_stat(int argc, const py_val_t *argv, py_val_t kw) { return do_stat(argv[0], true); }
static py_val_t os_lstat(int argc, const py_val_t *argv, py_val_t kw) { return do_stat(argv[0], false); }

static py_val_t os_statvfs(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t path = argv[0];
    struct statvfs s;
    if (statvfs(path_of(&path, NULL), &s) != 0) raise_os(errno, path);
    py_val_t v[10] = {
        py_int_from_u64(s.f_bsize),   py_int_from_u64(s.f_frsize), py_int_from_u64(s.f_blocks),
        py_int_from_u64(s.f_bfree),   py_int_from_u64(s.f_bavail), py_int_from_u64(s.f_files),
        py_int_from_u64(s.f_ffree),   py_int_from_u64(s.f_favail), py_int_from_u64(s.f_flag),
        py_int_from_u64(s.f_namemax),
    };
    return make_named(&statvfs_cls, "statvfs_result",
                      "f_bsize f_frsize f_blocks f_bfree f_bavail f_files f_ffree f_favail f_flag f_namemax",
                      10, v);
}

/* ------------------------------------------------------------- general */

/* __DATE__ ("Jan  2 2025") as the ISO date the ports print ("2025-01-02"). */
static py_val_t build_date(void) {
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const char *d = __DATE__;
    char name[4] = {d[0], d[1], d[2], 0};
    const char *m = strstr(months, name);
    int mon = m ? (int)(m - months) / 3 + 1 : 1;
    int day = (d[4] == ' ' ? 0 : d[4] - '0') * 10 + (d[5] - '0');
    return py_str_printf("%.4s-%02d-%02d", d + 7, mon, day);
}

static py_val_t os_uname(int argc, const py_val_t *argv, py_val_t kw) {
    const py_port_id_t *port = py_sys_port();
    py_val_t date = build_date();
    py_val_t v[5] = {
        py_str_from_cstr(port->platform),
        py_str_from_cstr(port->platform),
        py_str_from_cstr("1.27.0"),
        py_str_printf("v1.27.0 on %s (Breadboard v0.1.0)", py_str_data(date)),
        py_str_from_cstr(port->machine),
    };
    return make_named(&uname_cls, "uname_result", "sysname nodename release version machine", 5, v);
}

static void fill_random(uint8_t *p, size_t n) {
    size_t got = 0;
#if defined(__linux__)
    while (got < n) {
        ssize_t r = getrandom(p + got, n - got, 0);
        if (r < 0) {
            if (errno == EINTR) continue;
            break;
        }
        got += (size_t)r;
    }
#endif
    if (got < n) {
        int fd = open("/dev/urandom", O_RDONLY);
        if (fd < 0) raise_os(errno, PY_NULL);
        while (got < n) {
            ssize_t r = read(fd, p + got, n - got);
            if (r <= 0) {
                if (r < 0 && errno == EINTR) continue;
                int err = r < 0 ? errno : EIO;
                close(fd);
                raise_os(err, PY_NULL);
            }
            got += (size_t)r;
        }
        close(fd);
    }
}

static py_val_t os_urandom(int argc, const py_val_t *argv, py_val_t kw) {
    int64_t n = py_to_i64(argv[0]);
    if (n < 0) py_raise_msg(&py_type_ValueError, "negative argument not allowed");
    py_sb_t sb;
    py_sb_init(&sb);
    for (int64_t left = n; left > 0;) {
        uint8_t chunk[256];
        size_t k = left > (int64_t)sizeof chunk ? sizeof chunk : (size_t)left;
        fill_random(chunk, k);
        py_sb_add(&sb, (const char *)chunk, k);
        left -= (int64_t)k;
    }
    return py_sb_to_bytes(&sb);
}

static const char *env_key(py_val_t v) {
    if (!py_is_str(v)) py_raise_type_error_arg("getenv", "str", v);
    return py_str_data(v);
}

static py_val_t os_getenv(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t dflt = argc > 1 ? argv[1] : py_kwarg(argc, argv, kw, "default", PY_NONE);
    const char *v = getenv(env_key(argv[0]));
    return v ? host_str(v, strlen(v)) : dflt;
}

static py_val_t os_putenv(int argc, const py_val_t *argv, py_val_t kw) {
    if (setenv(env_key(argv[0]), env_key(argv[1]), 1) != 0) raise_os(errno, PY_NULL);
    return PY_NONE;
}

static py_val_t os_unsetenv(int argc, const py_val_t *argv, py_val_t kw) {
    unsetenv(env_key(argv[0]));
    return PY_NONE;
}

static py_val_t os_system(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t cmd = argv[0];
    const char *c = path_of(&cmd, NULL);
    fflush(NULL);
    return py_small(system(c));
}

static py_val_t os_getpid(int argc, const py_val_t *argv, py_val_t kw) { return py_small(getpid()); }

static py_val_t os_dupterm(int argc, const py_val_t *argv, py_val_t kw) {
    int64_t index = argc > 1 ? py_to_i64(argv[1]) : 0;
    if (index < 0 || index > 1) py_raise_msg(&py_type_ValueError, "invalid dupterm index");
    py_val_t prev = dupterm_slots[index];
    py_val_t s = argc > 0 ? argv[0] : PY_NONE;
    dupterm_slots[index] = py_is_none(s) ? PY_NULL : s;
    return py_is_null(prev) ? PY_NONE : prev;
}

static py_val_t os_sync(int argc, const py_val_t *argv, py_val_t kw) { return PY_NONE; }

/* ------------------------------------------------------------- os.path */

static const char *str_arg(py_val_t v, const char *fn) {
    if (!py_is_str(v)) {
        if (py_is_obj(v) && !py_is_null(py_getattr_opt(v, PYN(__fspath__)))) return path_of(&v, NULL);
        py_raise_msg(&py_type_TypeError, "%s() argument must be str, not %s", fn, py_type_name(v));
    }
    return py_str_data(v);
}

static py_val_t p_join(int argc, const py_val_t *argv, py_val_t kw) {
    py_sb_t sb;
    py_sb_init(&sb);
    for (int i = 0; i < argc; i++) {
        const char *s = str_arg(argv[i], "join");
        if (s[0] == '/')
            sb.len = 0;
        else if (sb.len && sb.data[sb.len - 1] != '/')
            py_sb_addc(&sb, '/');
        py_sb_adds(&sb, s);
    }
    return py_sb_to_str(&sb);
}

/* Index just past the last '/' (0 if none). */
static size_t tail_start(const char *s) {
    const char *slash = strrchr(s, '/');
    return slash ? (size_t)(slash - s) + 1 : 0;
}

/* dirname without trailing slashes, unless it is all slashes. */
static py_val_t head_of(const char *s, size_t i) {
    size_t h = i;
    while (h > 0 && s[h - 1] == '/') h--;
    if (h == 0) h = i;
    return py_str_new(s, h);
}

static py_val_t p_split(int argc, const py_val_t *argv, py_val_t kw) {
    const char *s = str_arg(argv[0], "split");
    size_t i = tail_start(s);
    return py_tuple_pack(2, head_of(s, i), py_str_from_cstr(s + i));
}

static py_val_t p_basename(int argc, const py_val_t *argv, py_val_t kw) {
    const char *s = str_arg(argv[0], "basename");
    return py_str_from_cstr(s + tail_start(s));
}

static py_val_t p_dirname(int argc, const py_val_t *argv, py_val_t kw) {
    const char *s = str_arg(argv[0], "dirname");
    return head_of(s, tail_start(s));
}

static py_val_t p_splitext(int argc, const py_val_t *argv, py_val_t kw) {
    const char *s = str_arg(argv[0], "splitext");
    size_t n = strlen(s), b = tail_start(s), dot = n;
    for (size_t i = n; i > b; i--)
        if (s[i - 1] == '.') {
            dot = i - 1;
            break;
        }
    /* a leading dot (".profile") starts a name, not an extension */
    size_t first = b;
    while (first < n && s[first] == '.') first++;
    if (dot < first) dot = n;
    return py_tuple_pack(2, py_str_new(s, dot), py_str_new(s + dot, n - dot));
}

static int stat_mode(py_val_t v, bool follow) {
    if (!py_is_str(v) && !py_is_type(v, &py_type_bytes)) return -1;
    const char *p = py_str_data(v);
    if (strlen(p) != py_str_len(v)) return -1;
    struct stat st;
    if ((follow ? stat(p, &st) : lstat(p, &st)) != 0) return -1;
    return (int)st.st_mode;
}

static py_val_t p_exists(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(stat_mode(argv[0], true) >= 0);
}

static py_val_t p_isdir(int argc, const py_val_t *argv, py_val_t kw) {
    int m = stat_mode(argv[0], true);
    return py_bool(m >= 0 && S_ISDIR(m));
}

static py_val_t p_isfile(int argc, const py_val_t *argv, py_val_t kw) {
    int m = stat_mode(argv[0], true);
    return py_bool(m >= 0 && S_ISREG(m));
}

static py_val_t p_islink(int argc, const py_val_t *argv, py_val_t kw) {
    int m = stat_mode(argv[0], false);
    return py_bool(m >= 0 && S_ISLNK(m));
}

static py_val_t p_isabs(int argc, const py_val_t *argv, py_val_t kw) {
    return py_bool(str_arg(argv[0], "isabs")[0] == '/');
}

static py_val_t p_getsize(int argc, const py_val_t *argv, py_val_t kw) {
    py_val_t path = argv[0];
    struct stat st;
    if (stat(path_of(&path, NULL), &st) != 0) raise_os(errno, path);
    return py_int_from_i64((int64_t)st.st_size);
}

/* POSIX normpath: collapses '//', '.', and 'x/..'; keeps leading '..' of relative paths. */
static py_val_t normpath(const char *s) {
    if (!*s) return py_str_from_cstr(".");
    int lead = s[0] == '/' ? (s[1] == '/' && s[2] != '/' ? 2 : 1) : 0;
    py_val_t parts = py_list_new(0);
    py_list_t *l = py_as_list(parts);
    for (const char *p = s; *p;) {
        while (*p == '/') p++;
        const char *e = p;
        while (*e && *e != '/') e++;
        size_t n = (size_t)(e - p);
        if (n == 0 || (n == 1 && p[0] == '.')) {
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            bool can_pop = l->len > 0 && !py_str_equal(l->items[l->len - 1], py_str_from_cstr(".."));
            if (can_pop)
                l->len--;
            else if (!lead)
                py_list_append(parts, py_str_new(p, n));
        } else {
            py_list_append(parts, py_str_new(p, n));
        }
        p = e;
    }
    py_sb_t sb;
    py_sb_init(&sb);
    for (int i = 0; i < lead; i++) py_sb_addc(&sb, '/');
    for (size_t i = 0; i < l->len; i++) {
        if (i) py_sb_addc(&sb, '/');
        py_sb_add(&sb, py_str_data(l->items[i]), py_str_len(l->items[i]));
    }
    if (sb.len == 0) py_sb_addc(&sb, '.');
    return py_sb_to_str(&sb);
}

static py_val_t p_normpath(int argc, const py_val_t *argv, py_val_t kw) {
    return normpath(str_arg(argv[0], "normpath"));
}

static py_val_t p_abspath(int argc, const py_val_t *argv, py_val_t kw) {
    const char *s = str_arg(argv[0], "abspath");
    if (s[0] == '/') return normpath(s);
    py_val_t cwd = os_getcwd(0, NULL, PY_NULL);
    py_val_t parts[2] = {cwd, argv[0]};
    return normpath(py_str_data(p_join(2, parts, PY_NULL)));
}

static const py_method_def_t path_functions[] = {
    {"join", p_join, 1, -1, 0},        {"split", p_split, 1, 1, 0},
    {"basename", p_basename, 1, 1, 0}, {"dirname", p_dirname, 1, 1, 0},
    {"splitext", p_splitext, 1, 1, 0}, {"exists", p_exists, 1, 1, 0},
    {"isdir", p_isdir, 1, 1, 0},       {"isfile", p_isfile, 1, 1, 0},
    {"islink", p_islink, 1, 1, 0},     {"isabs", p_isabs, 1, 1, 0},
    {"getsize", p_getsize, 1, 1, 0},   {"normpath", p_normpath, 1, 1, 0},
    {"abspath", p_abspath, 1, 1, 0},   PY_MF_END,
};

/* ---------------------------------------------------------------- module */

static const py_method_def_t os_functions[] = {
    {"listdir", os_listdir, 0, 1, 0},
    {"ilistdir", os_ilistdir, 0, 1, 0},
    {"mkdir", os_mkdir, 1, 2, PY_MF_KW},
    {"rmdir", os_rmdir, 1, 1, 0},
    {"remove", os_remove, 1, 1, 0},
    {"unlink", os_remove, 1, 1, 0},
    {"rename", os_rename, 2, 2, 0},
    {"getcwd", os_getcwd, 0, 0, 0},
    {"chdir", os_chdir, 1, 1, 0},
    {"stat", os_stat, 1, 1, 0},
    {"lstat", os_lstat, 1, 1, 0},
    {"statvfs", os_statvfs, 1, 1, 0},
    {"uname", os_uname, 0, 0, 0},
    {"urandom", os_urandom, 1, 1, 0},
    {"getenv", os_getenv, 1, 2, PY_MF_KW},
    {"putenv", os_putenv, 2, 2, 0},
    {"unsetenv", os_unsetenv, 1, 1, 0},
    {"system", os_system, 1, 1, 0},
    {"getpid", os_getpid, 0, 0, 0},
    {"dupterm", os_dupterm, 0, 2, 0},
    {"sync", os_sync, 0, 0, 0},
    PY_MF_END,
};

static void os_init(py_val_t m) {
    static bool rooted;
    if (!rooted) {
        rooted = true;
        py_gc_add_root_fn(roots);
    }
    py_module_add(m, "sep", py_str_from_cstr("/"));
    py_module_add(m, "name", py_str_from_cstr("posix"));
    py_module_add(m, "curdir", py_str_from_cstr("."));
    py_module_add(m, "pardir", py_str_from_cstr(".."));
    py_module_add(m, "linesep", py_str_from_cstr("\n"));
    py_val_t env = py_dict_new();
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        py_dict_set(env, host_str(*e, (size_t)(eq - *e)), host_str(eq + 1, strlen(eq + 1)));
    }
    py_module_add(m, "environ", env);
    /* os.path: a plain module object, entered in sys.modules so `import os.path` finds it */
    py_val_t name = py_str_from_cstr("os.path");
    py_val_t path = py_module_new(name);
    for (const py_method_def_t *d = path_functions; d->name; d++)
        py_module_add(path, d->name, py_cfunc_new(d, PY_NULL));
    py_module_add(path, "sep", py_str_from_cstr("/"));
    py_dict_set(py_sys_modules(), name, path);
    py_module_add(m, "path", path);
}

const py_module_def_t py_module_os = {"os", os_functions, os_init};
