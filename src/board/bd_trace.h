/* bd_trace.h: the readable event log (--trace FILE).
 *
 * One line per event, in virtual-time order, fields separated by one space:
 *     <seconds>.<9 digits> <source> <event> [detail...]
 * e.g.
 *     0.000000000 D13 mode OUT pull NONE
 *     0.500000000 D13 high
 *     1.000000000 D13 low
 *     1.250000000 D2 contention
 * <source> is a pad's display name or a model's name ("PWM3", "uart0").
 * Pad events: "high", "low", "mode <MODE> pull <PULL>" (configuration),
 * "contention".  Other models add their own with bd_trace_log.
 * The format is an interface users' scripts grep: extend it, do not change it.
 * docs/trace.md lists every kind of line any model writes, as patterns
 * that tests/cli/test_trace_doc.py checks against real runs: a new kind of
 * line needs a row there.
 *
 * Buffered; bd_trace_close flushes.  Ownership as for bd_vcd.h: after
 * attaching, close before freeing the board.
 */
#ifndef BD_TRACE_H
#define BD_TRACE_H

#include <stdio.h>

#include "board/bd_board.h"
#include "board/bd_status.h"

typedef struct bd_trace bd_trace_t;

/* Write to a new file at path.  Errors: BD_ERR_IO, BD_ERR_NOMEM. */
bd_status_t bd_trace_open(bd_trace_t **out, const char *path);
/* Write to an open stream (stderr, a test's memstream); not closed by us. */
bd_status_t bd_trace_open_stream(bd_trace_t **out, FILE *f);

/* One line: "<time> <source> <text>". */
void bd_trace_log(bd_trace_t *t, bd_time_t time, const char *source, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Log every pad event of b; b->trace points here until bd_trace_close, so
 * models reach the log through their board. */
bd_status_t bd_trace_attach_board(bd_trace_t *t, bd_board_t *b);

bd_status_t bd_trace_flush(bd_trace_t *t);
bd_status_t bd_trace_close(bd_trace_t *t); /* detaches, flushes, frees */

#endif
