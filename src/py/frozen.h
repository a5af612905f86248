/* frozen.h: Python modules compiled into the executable.
 *
 * tools/freeze.py turns every .py file under src/lib into one row of
 * py_frozen_modules (generated $(BUILD)/frozen_data.c).  Import finds them
 * through the pseudo-directory ".frozen" on sys.path, as MicroPython does:
 * the search of a sys.path entry ".frozen" (or a package __path__ entry
 * ".frozen/pkg") looks in this table instead of the file system, so moving
 * ".frozen" within sys.path orders frozen modules against files, and
 * removing it hides them.  A frozen module's __file__ is its table path
 * ("asyncio/core.py", MicroPython's spelling); its source is compiled at
 * first import. */
#ifndef PY_FROZEN_H
#define PY_FROZEN_H

#include <stdbool.h>
#include <stddef.h>

#include "value.h"

typedef struct {
    const char *path;   /* relative to src/lib, '/'-separated; NULL ends the table */
    const char *source; /* the file's bytes (NUL-terminated too) */
    size_t len;
} py_frozen_module_t;

extern const py_frozen_module_t py_frozen_modules[];

#define PY_FROZEN_DIR ".frozen"

/* The row whose path is `path` (length n), or NULL. */
const py_frozen_module_t *py_frozen_lookup(const char *path, size_t n);

/* When `dir` (length n) is ".frozen" or ".frozen/<sub>", the table prefix it
 * stands for ("" or "<sub>/") through *prefix and *plen, and true. */
bool py_frozen_dir(const char *dir, size_t n, const char **prefix, size_t *plen);

/* A path produced for a frozen module (".frozen/<row path>") back to its row,
 * or NULL when `path` is not one. */
const py_frozen_module_t *py_frozen_for_file(const char *path, size_t n);

/* Import's search of one sys.path/__path__ entry `dir` for `leaf`: -1 when
 * `dir` is not a frozen pseudo-directory (search the file system), 0 when no
 * frozen row matches, 1 for a module, 2 for a package.  On a match *file is
 * ".frozen/<row path>" and, for a package, *pkgdir its "__path__" entry. */
int py_frozen_find(const char *dir, size_t n, const char *leaf, py_val_t *file, py_val_t *pkgdir);

/* The __file__ of a module loaded from `file`: the row path for a frozen one. */
py_val_t py_frozen_display(py_val_t file);

#endif
