/* bd_yaml.h: a reader for the subset of YAML that automation scenarios
 * (Wokwi's scenario .yaml files) are written in, building the same value
 * tree as the JSON reader (bd_json.h).
 *
 * The subset, which covers every documented scenario form:
 *   - block mappings (`key: value`) and block sequences (`- item`), nested
 *     by indentation (spaces only; a tab in the indentation is an error),
 *     including a sequence written at its key's own indentation and
 *     mappings that start on a `- ` line (`- set-control:`);
 *   - flow sequences and mappings on one line: `[87, 111]`,
 *     `{part-id: btn1, value: 1}`;
 *   - scalars: plain (`500ms`, `btn1`), 'single' ('' is a quote) and
 *     "double" quoted (escapes \n \t \r \0 \\ \" \/ \xHH \uXXXX); plain
 *     scalars become null (`~`, `null`, empty), booleans (`true`, `false`),
 *     numbers (`1`, `-2.5`, `0x1F`, `1e3`) or strings; quoted ones are
 *     always strings;
 *   - `#` comments, blank lines, one optional `---` document start.
 * Everything else (block scalars `|` `>`, anchors, aliases, tags,
 * multi-line flow collections or scalars, several documents) is refused
 * with a clear "LINE:COL: message", never misread.  Keys are unique.
 *
 * Ownership: the tree is the caller's (bd_json_free).
 */
#ifndef BD_YAML_H
#define BD_YAML_H

#include <stddef.h>

#include "board/bd_json.h"
#include "board/bd_status.h"

/* Parse text[0..len).  An empty document gives a NULL-kind root.  Errors:
 * BD_ERR_INVAL with "LINE:COL: message" in err, BD_ERR_NOMEM. */
bd_status_t bd_yaml_parse(const char *text, size_t len, bd_json_t **out, char *err, size_t errlen);

#endif
