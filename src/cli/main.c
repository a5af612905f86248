/* main.c: the command line, following MicroPython's unix port:
 *     breadboard [options] [script.py | -c CODE | -m MODULE | -] [args...]
 *
 * Exit status: 0 on success; 1 after an uncaught exception (its traceback
 * goes to stderr); SystemExit(n) exits with n; 2 for a bad option or a
 * script that cannot be opened.  stdout is flushed and the interpreter torn
 * down before exit so leak checkers see a clean heap. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "modules/board_console.h"
#include "modules/board_runtime.h"
#include "modules/board_wokwi.h"
#include "modules/machine_reset.h"
#include "py/bytecode.h"
#include "py/sysio.h"

static const char *prog = "breadboard";
static bool dump_code;

static void usage(FILE *f) {
    fprintf(f,
            "usage: %s [<opts>] [-X <implopt>] [-c <command> | -m <module> | <filename>]\n"
            "Options:\n"
            "-h, --help : print this help message\n"
            "--version : print version information\n"
            "-i : enter interactive mode after executing the script or command\n"
            "-O[N] : apply bytecode optimizations of level N\n"
            "-v : verbose (trace various operations)\n"
            "\n"
            "Implementation specific options (-X):\n"
            "  emit={bytecode} -- set the default code emitter\n"
            "  heapsize=<n>[w][K|M] -- set the heap size for the GC (default 256M)\n"
            "  dis -- dump the bytecode of compiled code\n",
            prog);
    mod_board_usage(f);
}

static void on_sigint(int sig) {
    (void)sig;
    if (py_kbd_intr_char < 0) return;
    py_sigint = 1;
    py_pending = 1;
}

py_val_t cli_main_globals(void) {
    py_val_t name = py_intern("__main__");
    py_val_t m = py_dict_get(py_sys_modules(), name);
    if (py_is_null(m)) {
        m = py_module_new(name);
        py_dict_set(((py_module_t *)py_as_ptr(m))->dict, PYN(__name__), name);
        py_dict_set(py_sys_modules(), name, m);
    }
    return ((py_module_t *)py_as_ptr(m))->dict;
}

int cli_exception_status(py_val_t exc, int status_other) {
    /* an exception escaping with micropython.heap_lock in force must still
     * be printable */
    py_heap_unlock_all();
    if (py_exc_matches(exc, py_obj(&py_type_SystemExit))) {
        py_val_t code = PY_NONE;
        if (py_is_obj(exc) && py_is_instance(exc, &py_type_BaseException)) {
            py_exc_t *e = py_as_ptr(exc);
            if (py_is_obj(e->args)) {
                py_tuple_t *a = py_as_tuple(e->args);
                if (a->len == 1) code = a->items[0];
                else if (a->len > 1) code = e->args;
            }
        }
        if (py_is_none(code)) return 0;
        /* converting the code runs Python (__str__) or overflows (2**100):
         * either error ends like CPython's, status 255 for an int, else 1 */
        bool is_int = py_is_int(code);
        py_try_t t;
        if (py_try(&t)) {
            int st = 1;
            if (is_int) {
                st = (int)(py_to_i64(code) & 0xFF);
            } else {
                py_val_t s = py_str(code);
                py_write_stderr(py_str_data(s), py_str_len(s));
                py_write_stderr("\n", 1);
            }
            py_try_end(&t);
            return st;
        }
        return is_int ? 255 : 1;
    }
    py_print_exception(exc, PY_NULL);
    return status_other;
}

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

/* A crash must not lose what the program printed before it: stdout is
 * buffered in io.c, so write it out, then die of the same signal. */
static void on_fatal_signal(int sig) {
    py_flush_stdout();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Calls the function registered with sys.atexit, once. */
static int run_atexit(int status) {
    py_val_t fn = py_sys_take_atexit();
    if (py_is_null(fn)) return status;
    py_try_t t;
    if (py_try(&t)) {
        py_call0(fn);
        py_try_end(&t);
        return status;
    }
    int st = cli_exception_status(t.exc, 1);
    return st < 0 ? status : st;
}

static void run_code(const char *src, size_t len, const char *filename, int mode, py_val_t globals) {
    py_val_t fn = py_str_from_cstr(filename);
    py_val_t code = py_compile_source(src, len, fn, mode);
    if (dump_code) py_code_dump(code);
    py_run_code(code, globals, globals);
}

int cli_exec(const char *src, size_t len, const char *filename, int mode, py_val_t globals, bool is_script) {
    py_try_t t;
    if (py_try(&t)) {
        run_code(src, len, filename, mode, globals);
        py_try_end(&t);
        return -1;
    }
    int st = cli_exception_status(t.exc, is_script ? 1 : -1);
    return st;
}

/* -X heapsize=<n>[w][K|M|G]: as in MicroPython, `w` scales a size meant for
 * a 32-bit board by the word size (x2 here); K/M/G may also precede it. */
static size_t parse_size(const char *s) {
    char *end;
    double v = strtod(s, &end);
    if (end == s || v <= 0) return 0;
    bool words = false, unit = false;
    for (; *end; end++) {
        if ((*end == 'w' || *end == 'W') && !words) words = true;
        else if ((*end == 'k' || *end == 'K') && !unit) v *= 1024, unit = true;
        else if ((*end == 'm' || *end == 'M') && !unit) v *= 1024 * 1024, unit = true;
        else if ((*end == 'g' || *end == 'G') && !unit) v *= 1024.0 * 1024 * 1024, unit = true;
        else return 0;
    }
    if (words) v *= sizeof(void *) / 4.0;
    return (size_t)v;
}

/* The interpreter's own start-up data (builtins, interned names, modules)
 * comes on top of -X heapsize, so a small board-sized heap still leaves the
 * program the memory it asked for. */
#define STARTUP_RESERVE ((size_t)256 * 1024)

/* Reads a whole stream into malloc'd memory. */
static char *read_all(FILE *f, size_t *len) {
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    for (;;) {
        if (cap - n < 4096) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        if (got == 0) break;
        n += got;
    }
    *len = n;
    return buf;
}

enum { RUN_REPL, RUN_CODE, RUN_MODULE, RUN_FILE, RUN_STDIN };

/* The part of run_main that may raise. */
__attribute__((noinline)) static void run_kind(int kind, const char *arg) {
    switch (kind) {
    case RUN_CODE:
        run_code(arg, strlen(arg), "<stdin>", PY_MODE_EXEC, cli_main_globals());
        break;
    case RUN_MODULE: py_run_module_as_main(arg); break;
    case RUN_FILE: py_run_file_as_module(arg, py_intern("__main__")); break;
    case RUN_STDIN: {
        size_t len = 0;
        char *src = read_all(stdin, &len);
        if (!src) py_raise_no_memory();
        /* copy into the GC heap so a SyntaxError leaks nothing */
        py_val_t b = py_bytes_new(src, len);
        free(src);
        run_code(py_str_data(b), len, "<stdin>", PY_MODE_EXEC, cli_main_globals());
        break;
    }
    default: break;
    }
}

/* Everything that may raise runs under one catch point; -i and a missing
 * script continue into the REPL. */
static int run_main(int kind, const char *arg, bool inspect) {
    py_try_t t;
    if (py_try(&t)) {
        run_kind(kind, arg);
        py_try_end(&t);
    } else {
        int status = cli_exception_status(t.exc, 1);
        if (!inspect || py_exc_matches(t.exc, py_obj(&py_type_SystemExit))) return status;
    }
    py_flush_stdout();
    if (inspect || kind == RUN_REPL) return cli_repl();
    return 0;
}

/* sys.argv and sys.path; returns false if that raised. */
__attribute__((noinline)) static void setup_sys_raw(int kind, int argc, char **argv, int argv_start,
                                                    const char *script_dir) {
    if (kind == RUN_CODE || kind == RUN_MODULE) {
        /* argv = ['-c', args...] like MicroPython: drop the CODE / MODULE itself */
        py_sys_set_argv(1, argv + argv_start);
        for (int k = argv_start + 2; k < argc; k++) py_list_append(py_sys_argv, py_str_from_cstr(argv[k]));
    } else {
        py_sys_set_argv(argc - argv_start, argv + argv_start);
    }
    py_sys_init_path(script_dir);
}

static bool setup_sys(int kind, int argc, char **argv, int argv_start, const char *script_dir) {
    py_try_t t;
    if (py_try(&t)) {
        setup_sys_raw(kind, argc, argv, argv_start, script_dir);
        py_try_end(&t);
        return true;
    }
    py_print_exception(t.exc, PY_NULL);
    return false;
}

int main(int argc, char **argv) {
    int stack_local;
    size_t heap = (size_t)256 * 1024 * 1024;
    int kind = RUN_REPL;
    const char *arg = NULL;
    bool inspect = false;
    int opt_level = 0;
    int i = 1;
    if (argc > 0 && argv[0]) {
        const char *slash = strrchr(argv[0], '/');
        prog = slash ? slash + 1 : argv[0];
    }
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !strcmp(a, "-")) break;
        if (!strcmp(a, "-c") || !strcmp(a, "-m")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s: option %s requires an argument\n", prog, a);
                usage(stderr);
                return 2;
            }
            kind = a[1] == 'c' ? RUN_CODE : RUN_MODULE;
            arg = argv[++i];
            break;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        }
        if (!strcmp(a, "--version")) {
            printf("Breadboard 0.1 (MicroPython-compatible; Python 3.4.0 language level)\n");
            return 0;
        }
        int board_opt = mod_board_cli_arg(argc, argv, &i, prog);
        if (board_opt < 0) return 2;
        if (board_opt == 2) return 0;
        if (board_opt == 1) continue;
        if (!strcmp(a, "-i")) inspect = true;
        else if (!strcmp(a, "-v")) py_verbose++;
        else if (a[1] == 'O') {
            const char *p = a + 1;
            while (*p == 'O') opt_level++, p++;
            if (*p) opt_level = atoi(p);
        } else if (!strcmp(a, "-X")) {
            if (i + 1 >= argc) {
                usage(stderr);
                return 2;
            }
            const char *x = argv[++i];
            if (!strncmp(x, "heapsize=", 9)) {
                heap = parse_size(x + 9);
                if (heap == 0) {
                    fprintf(stderr, "%s: invalid heap size '%s'\n", prog, x + 9);
                    return 2;
                }
            } else if (!strcmp(x, "dis")) {
                dump_code = true;
            } else if (!strncmp(x, "emit=", 5)) {
                if (strcmp(x + 5, "bytecode") && strcmp(x + 5, "native") && strcmp(x + 5, "viper")) {
                    fprintf(stderr, "%s: unknown emitter '%s'\n", prog, x + 5);
                    return 2;
                }
            } else {
                fprintf(stderr, "%s: unknown -X option '%s'\n", prog, x);
                usage(stderr);
                return 2;
            }
        } else {
            fprintf(stderr, "%s: unknown option '%s'\n", prog, a);
            usage(stderr);
            return 2;
        }
    }
    /* --wokwi DIR without a script runs the project's main.py */
    char *project_argv[2] = {NULL, NULL};
    if (kind == RUN_REPL && i >= argc && (project_argv[0] = (char *)mod_wokwi_default_script()))
        argv = project_argv, argc = 1, i = 0;
    const char *script_dir = NULL;
    char dirbuf[4096];
    int argv_start = i; /* sys.argv starts here */
    if (kind == RUN_REPL && i < argc) {
        arg = argv[i];
        if (!strcmp(arg, "-")) {
            kind = RUN_STDIN;
        } else {
            kind = RUN_FILE;
            FILE *f = fopen(arg, "rb");
            struct stat st;
            if (f && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
                fclose(f);
                f = NULL;
                errno = EISDIR;
            }
            if (!f) {
                int err = errno;
                fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", prog, arg, err, strerror(err));
                return 2;
            }
            fclose(f);
            const char *slash = strrchr(arg, '/');
            if (slash) {
                size_t n = (size_t)(slash - arg);
                if (n == 0) n = 1;
                if (n >= sizeof dirbuf) n = sizeof dirbuf - 1;
                memcpy(dirbuf, arg, n);
                dirbuf[n] = 0;
                script_dir = dirbuf;
            }
        }
    } else if (kind == RUN_CODE || kind == RUN_MODULE) {
        argv_start = i - 1; /* sys.argv[0] is '-c' / '-m', then the args after CODE/MODULE */
    } else if (kind == RUN_REPL && !isatty(0)) {
        kind = RUN_STDIN;
    }

    struct rlimit rl;
    size_t stack_size = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) stack_size = (size_t)rl.rlim_cur;
    py_config_t cfg = {heap + STARTUP_RESERVE, &stack_local, stack_size};
    py_stack_base_hint = &stack_local;
    py_opt_level = opt_level;
    py_init(&cfg);
    /* stdin carries the REPL or the program: no uart part's terminal reads it */
    if (kind == RUN_REPL || kind == RUN_STDIN || inspect) mod_console_stdin_busy();
    if (!mod_board_start()) {
        mod_board_finish(1);
        py_deinit();
        return 2;
    }

    if (!setup_sys(kind, argc, argv, argv_start, script_dir)) {
        py_flush_stdout();
        mod_board_finish(1);
        py_deinit();
        return 1;
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    atexit(py_flush_stdout); /* an exit() deep inside (a fatal error) keeps the output too */
    if (!SANITIZED) {
        /* (sanitizers report crashes themselves: leave their handlers) */
        static const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
        for (size_t k = 0; k < sizeof fatal / sizeof fatal[0]; k++) signal(fatal[k], on_fatal_signal);
    }

    /* A board reset (watchdog, machine.reset, deepsleep) stops the script
     * and runs it again from the start, as the board boots main.py again;
     * a script piped on stdin cannot be read twice: its run ends there. */
    int status = run_main(kind, arg, inspect);
    while (mod_reset_restart()) {
        if (kind == RUN_STDIN) {
            fprintf(stderr, "breadboard: the script came from stdin and cannot run again; the run ends\n");
            break;
        }
        status = run_main(kind, arg, inspect);
    }
    status = run_atexit(status);
    py_flush_stdout();
    status = mod_board_finish(status);
    signal(SIGINT, SIG_DFL);
    cli_lineedit_cleanup();
    py_deinit();
    return status;
}
