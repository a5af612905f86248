/* bd_parts_file.h: the parts file (`--parts FILE`): which parts are wired to
 * which pins, one part per line.  The format is documented in docs/parts.md:
 *
 *     # comment
 *     led D13
 *     button BTN1 D2 pull=down bounce=3
 *     pot A0 value=0.5
 *     hcsr04 trig=D3 echo=D4 distance=25
 *     wire D5 D6
 *
 * A line is KIND, then words in any order: a pin (filling the kind's pin
 * roles in their order), ROLE=PIN, ATTR=VALUE, name=NAME, or a bare word
 * that is not a pin (the part's name; only before the first bare pin).
 *
 * Errors stop the load: the message is "FILE:LINE: what", the status
 * BD_ERR_INVAL (BD_ERR_IO when the file cannot be read, BD_ERR_NOMEM), and
 * the parts this call created are freed again, so the set is unchanged.
 */
#ifndef BD_PARTS_FILE_H
#define BD_PARTS_FILE_H

#include "board/bd_board.h"
#include "board/bd_part.h"
#include "board/bd_status.h"

bd_status_t bd_parts_file_load(bd_partset_t *ps, bd_board_t *b, const char *path, char *err, size_t errlen);
/* `fname` names the text in messages. */
bd_status_t bd_parts_file_parse(bd_partset_t *ps, bd_board_t *b, const char *fname, const char *text, char *err,
                                size_t errlen);

#endif
