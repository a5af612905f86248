/* cli.h: what main.c, repl.c and lineedit.c share. */
#ifndef CLI_H
#define CLI_H

#include "py/runtime.h"

/* Runs `src` as code of __main__ (mode PY_MODE_EXEC or PY_MODE_SINGLE) and
 * handles an escaping exception: returns -1 when the code finished or its
 * exception was printed (REPL goes on), or the process exit status a
 * SystemExit asks for.  With `is_script`, an uncaught exception yields 1. */
int cli_exec(const char *src, size_t len, const char *filename, int mode, py_val_t globals, bool is_script);
/* Converts an escaped exception into an exit status (SystemExit) or prints it
 * and returns `status_other`. */
int cli_exception_status(py_val_t exc, int status_other);
/* The __main__ module's globals, creating the module if needed. */
py_val_t cli_main_globals(void);

/* repl.c: interactive loop on a terminal; with stdin not a terminal, reads
 * it all and runs it as a script.  Returns the exit status. */
int cli_repl(void);

/* lineedit.c: reads one line with editing and history from the terminal.
 * Returns a malloc'd string (without newline) or NULL; *status is 0 for a
 * line, 1 for Ctrl-C, 2 for Ctrl-D on an empty line (end of input). */
char *cli_readline(const char *prompt, const char *initial, int *status);
void cli_history_add(const char *line);
void cli_lineedit_cleanup(void); /* restores the terminal, frees history */

#endif
