/* bd_json.h: a strict JSON reader (RFC 8259) for the board's project files
 * (Wokwi's diagram.json), and the value tree it builds, which the YAML
 * subset reader (bd_yaml.h) builds too.
 *
 * The board layer cannot use the Python `json` module (src/modules), so it
 * has its own: small, strict, and precise about where an error is.  Strict
 * means: no comments, no trailing commas, no single quotes, no leading
 * zeros, no control characters inside strings, valid UTF-8 only (a leading
 * UTF-8 byte order mark is skipped), \u escapes with paired surrogates,
 * duplicate object keys refused, nothing after the value but blanks.
 * Errors are "LINE:COL: message", 1-based, COL counting characters (UTF-8
 * code points), so an editor's cursor lands on the spot.
 *
 * The tree: every value is a bd_json_t with its kind and the line and column
 * where it starts.  Strings are decoded to UTF-8 and NUL-terminated (a \u0000
 * escape makes `len` larger than strlen).  Arrays and objects keep their
 * items in document order; an object's keys run parallel to its items.
 * Nesting is limited to BD_JSON_MAX_DEPTH levels, so hostile input cannot
 * exhaust the C stack.
 *
 * Ownership: a tree is freed with bd_json_free on its root; every string
 * and item in it belongs to it.
 */
#ifndef BD_JSON_H
#define BD_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "board/bd_status.h"

#define BD_JSON_MAX_DEPTH 200

typedef enum {
    BD_JSON_NULL = 0,
    BD_JSON_BOOL,
    BD_JSON_NUM,
    BD_JSON_STR,
    BD_JSON_ARR,
    BD_JSON_OBJ,
} bd_json_type_t;

typedef struct bd_json bd_json_t;
struct bd_json {
    unsigned char type; /* bd_json_type_t */
    bool quoted;        /* STR: written in quotes (YAML plain scalars are not) */
    int line, col;      /* where the value starts, 1-based */
    double num;         /* NUM; BOOL: 0 or 1 */
    char *str;          /* STR: decoded, NUL-terminated */
    size_t len;         /* STR: bytes in str; ARR/OBJ: number of items */
    bd_json_t **item;   /* ARR/OBJ: the items */
    char **key;         /* OBJ: key i names item i */
    size_t cap;
};

/* Parse text[0..len).  On success *out is the root.  Errors: BD_ERR_INVAL
 * with "LINE:COL: message" in err, BD_ERR_NOMEM; *out is NULL then. */
bd_status_t bd_json_parse(const char *text, size_t len, bd_json_t **out, char *err, size_t errlen);
void bd_json_free(bd_json_t *v); /* NULL is fine */

/* Lookups; NULL when v is not of the kind or the key/index is absent. */
const bd_json_t *bd_json_get(const bd_json_t *obj, const char *key);
const bd_json_t *bd_json_at(const bd_json_t *arr, size_t i);
/* The string of a STR value, else NULL. */
const char *bd_json_str(const bd_json_t *v);
/* "null", "a boolean", "a number", "a string", "an array", "an object". */
const char *bd_json_kind(const bd_json_t *v);
/* A scalar as the text an attribute is parsed from: a string as it is, a
 * number shortest-exact (%.17g, in buf[0..n)), a boolean "1"/"0"; NULL for
 * null, arrays, objects and v == NULL. */
const char *bd_json_scalar_text(const bd_json_t *v, char *buf, size_t n);

/* --- building a tree (bd_yaml.c) ----------------------------------------- */
bd_json_t *bd_json_new(bd_json_type_t type, int line, int col); /* NULL: out of memory */
/* Copy s[0..n) into a STR value. */
bd_status_t bd_json_set_str(bd_json_t *v, const char *s, size_t n);
bd_status_t bd_json_append(bd_json_t *arr, bd_json_t *item); /* takes item (freed on error) */
/* Takes item (freed on error); copies the key.  BD_ERR_INVAL if the key is
 * already there (the object is unchanged). */
bd_status_t bd_json_put(bd_json_t *obj, const char *key, size_t klen, bd_json_t *item);

#endif
