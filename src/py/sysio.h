/* sysio.h: internals shared by the builtins/import/sys/file/CLI files
 * (builtins.c, import.c, mod_sys.c, obj_file.c, io.c, src/cli).  Not part of
 * the runtime contract; other parts keep using runtime.h. */
#ifndef PY_SYSIO_H
#define PY_SYSIO_H

#include "runtime.h"

extern py_type_t py_type_file;
/* A file object over one of the process's standard streams (0, 1, 2):
 * writes go through py_write_stdout / py_write_stderr. */
py_val_t py_file_new_std(int fd);
/* open() builtin. */
py_val_t py_builtin_open(int argc, const py_val_t *argv, py_val_t kwnames);

/* io.c */
void py_flush_stdout(void);
/* Buffered with the program's output, in order, but unseen by the hook
 * (the board's `--trace -` lines are not the program's output). */
void py_write_stdout_raw(const char *s, size_t n);
/* When set, sees every byte written to stdout (before buffering); the board
 * runtime captures the output for --stimulus, --expect-text, --fail-text.
 * Called after the bytes are buffered; it may raise. */
extern void (*py_stdout_hook)(const char *s, size_t n);

/* builtins.c: when set, input() and the reads of the default sys.stdin
 * (and sys.stdin.buffer) get the process's stdin bytes through it (EOF as
 * getchar); the board runtime feeds the stimulus's console bytes. */
extern int (*py_stdin_getc_hook)(void);

/* mod_sys.c */
/* Writes text to a file-like value: the default streams fast, else .write(). */
void py_write_to(py_val_t file, const char *s, size_t n);
/* The current sys.stdout / sys.stderr (honours reassignment from Python). */
py_val_t py_cur_stdout(void);
py_val_t py_cur_stderr(void);

extern py_val_t py_sys_module;
void py_sys_set_argv(int argc, char **argv);
void py_sys_init_path(const char *script_dir);
/* The function registered with sys.atexit (PY_NULL if none); clears it. */
py_val_t py_sys_take_atexit(void);

/* The system the interpreter says it runs on, as a MicroPython port reports
 * it: sys.platform, sys.implementation._machine and _build, and (mod_os.c)
 * os.uname()'s sysname, nodename and machine.  The language knows no boards:
 * the embedder fills this in once it knows what it runs on (the board
 * runtime, when the board is chosen); until then it is the host ("linux",
 * "Breadboard with host CPU").  The strings are not copied: they must live
 * for the whole run (string literals, constant tables). */
typedef struct {
    const char *platform; /* sys.platform, os.uname().sysname and nodename: "rp2" */
    const char *machine;  /* _machine, os.uname().machine: "Raspberry Pi Pico with RP2040" */
    const char *build;    /* _build: the firmware's board name, "RPI_PICO" */
} py_port_id_t;
/* Sets the identity; updates the sys module if it already exists. */
void py_sys_set_port(const py_port_id_t *id);
const py_port_id_t *py_sys_port(void);

/* import.c */
/* py_import without honouring a replaced builtins.__import__ (the builtin
 * __import__ itself, and C callers). */
py_val_t py_import_nohook(py_val_t name, py_val_t fromlist, int level, py_val_t globals);
/* Runs a file as module `name` (e.g. "__main__"); returns the module. */
py_val_t py_run_file_as_module(const char *path, py_val_t name);
/* Finds and runs `name` as __main__ (the -m option). */
py_val_t py_run_module_as_main(const char *name);
extern int py_verbose;

/* mod_micropython.c */
void py_run_scheduled(void); /* runs callbacks queued by micropython.schedule */
int py_scheduled_count(void);
void py_heap_unlock_all(void); /* undoes every micropython.heap_lock (CLI, at top level) */
extern int py_kbd_intr_char;     /* micropython.kbd_intr: -1 disables Ctrl-C */
extern void *py_stack_base_hint;  /* set by the CLI: for stack_use / mem_info */

#endif
