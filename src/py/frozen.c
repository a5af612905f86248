/* frozen.c: lookups in the table of frozen modules (see frozen.h).
 *
 * The table is small (a few rows) and searched once per import of a name
 * not yet in sys.modules, so a linear scan is enough. */
#include "frozen.h"

#include <string.h>

#include "runtime.h"

const py_frozen_module_t *py_frozen_lookup(const char *path, size_t n) {
    for (const py_frozen_module_t *m = py_frozen_modules; m->path; m++)
        if (strlen(m->path) == n && !memcmp(m->path, path, n)) return m;
    return NULL;
}

bool py_frozen_dir(const char *dir, size_t n, const char **prefix, size_t *plen) {
    static const size_t k = sizeof PY_FROZEN_DIR - 1;
    if (n < k || memcmp(dir, PY_FROZEN_DIR, k) != 0) return false;
    if (n == k || (n == k + 1 && dir[k] == '/')) {
        *prefix = "";
        *plen = 0;
        return true;
    }
    if (dir[k] != '/') return false;
    /* ".frozen/asyncio" stands for rows "asyncio/..." */
    *prefix = dir + k + 1;
    *plen = n - k - 1;
    return true;
}

const py_frozen_module_t *py_frozen_for_file(const char *path, size_t n) {
    static const size_t k = sizeof PY_FROZEN_DIR - 1;
    if (n <= k + 1 || memcmp(path, PY_FROZEN_DIR "/", k + 1) != 0) return NULL;
    return py_frozen_lookup(path + k + 1, n - k - 1);
}

int py_frozen_find(const char *dir, size_t n, const char *leaf, py_val_t *file, py_val_t *pkgdir) {
    const char *prefix;
    size_t plen;
    if (!py_frozen_dir(dir, n, &prefix, &plen)) return -1;
    while (plen > 0 && prefix[plen - 1] == '/') plen--;
    py_sb_t sb;
    py_sb_init(&sb);
    py_sb_adds(&sb, PY_FROZEN_DIR "/");
    size_t row = sb.len; /* the row path starts here */
    if (plen) {
        py_sb_add(&sb, prefix, plen);
        py_sb_addc(&sb, '/');
    }
    py_sb_adds(&sb, leaf);
    size_t base = sb.len;
    py_sb_adds(&sb, "/__init__.py");
    if (py_frozen_lookup(sb.data + row, sb.len - row)) {
        *pkgdir = py_str_new(sb.data, base);
        *file = py_sb_to_str(&sb);
        return 2;
    }
    sb.len = base;
    py_sb_adds(&sb, ".py");
    if (py_frozen_lookup(sb.data + row, sb.len - row)) {
        *file = py_sb_to_str(&sb);
        return 1;
    }
    return 0;
}

py_val_t py_frozen_display(py_val_t file) {
    const py_frozen_module_t *m = py_frozen_for_file(py_str_data(file), py_str_len(file));
    return m ? py_str_from_cstr(m->path) : file;
}
