/* bd_stimulus.h: the stimulus file (`--stimulus FILE`): timed inputs to the
 * board and checks of what it did, all run as events on the board's
 * scheduler, so a run with a stimulus is as deterministic as one without.
 * The format is documented in docs/stimulus.md; in short:
 *
 *     @100ms D2 high                 @1s D2 pulse 25us high
 *     @0 D7 clock 1kHz duty=25% for 10ms
 *     @0 A0 voltage 1.65             @0 A0 sine 0..3.3 1Hz step=1ms
 *     @2s press BTN1 for 50ms        @500ms set hcsr04.distance 40
 *     @10ms uart0 "hello\n"          +50ms D2 low      (50 ms after the line before)
 *     @1s expect D13 high            @0 expect-serial "ready" before 2s
 *
 * Pins are driven through one external driver per pin owned by the
 * stimulus (named "stimulus" in traces), strong unless `weak` is written.
 * Parts (press, release, set, expect PART.ATTR) are looked up in the part
 * set given at creation, so load the parts file first.
 *
 * Input and output of the UART/REPL models go through callbacks the host
 * registers: `uart` receives bytes for a unit at their time (unit -1 is the
 * console, written `serial` in the file; uartN is unit N), `serial` returns
 * everything printed so far on a unit (the host keeps that text).
 *
 * Checks record pass/fail with their file and line; bd_stim_finish marks
 * checks the run never reached as failed, so the CLI can end with status 1
 * and bd_stim_report's messages.
 *
 * Ownership: the stimulus borrows the board and the part set (both must
 * outlive it, or bd_stim_free must come first: it cancels its events and
 * releases its drivers).
 */
#ifndef BD_STIMULUS_H
#define BD_STIMULUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "board/bd_board.h"
#include "board/bd_part.h"
#include "board/bd_status.h"

typedef struct bd_stim bd_stim_t;

typedef enum { BD_CHECK_PENDING = 0, BD_CHECK_PASS, BD_CHECK_FAIL } bd_check_state_t;

typedef struct {
    const char *file; /* as given to load/parse; owned by the stimulus */
    int line;
    bd_time_t time;   /* when it is evaluated */
    uint8_t state;    /* bd_check_state_t */
    char what[100];   /* the line as written, trimmed */
    char detail[200]; /* what was seen, on failure (and for passes, when useful) */
} bd_stim_check_t;

/* Bytes for UART `unit` (-1 = console) arriving at `now`. */
typedef void (*bd_stim_uart_fn)(void *ctx, int unit, const uint8_t *data, size_t len, bd_time_t now);
/* Everything printed on `unit` so far: *data (valid until the next output)
 * and its length. */
typedef size_t (*bd_stim_serial_fn)(void *ctx, int unit, const char **data);
/* Called when a check passes or fails (also for run-time errors of a line,
 * e.g. a `set` the part refused, which are recorded as failed checks). */
typedef void (*bd_stim_check_fn)(void *ctx, const bd_stim_check_t *check);

bd_status_t bd_stim_new(bd_stim_t **out, bd_board_t *b, bd_partset_t *parts /* may be NULL */);
void bd_stim_free(bd_stim_t *s);

void bd_stim_on_uart(bd_stim_t *s, bd_stim_uart_fn fn, void *ctx);
void bd_stim_on_serial(bd_stim_t *s, bd_stim_serial_fn fn, void *ctx);
void bd_stim_on_check(bd_stim_t *s, bd_stim_check_fn fn, void *ctx);

/* Parse a file or a text and append its lines.  Errors: BD_ERR_INVAL with
 * "FILE:LINE: message" in err (nothing of that text is kept), BD_ERR_IO,
 * BD_ERR_NOMEM, BD_ERR_BUSY after start. */
bd_status_t bd_stim_load(bd_stim_t *s, const char *path, char *err, size_t errlen);
bd_status_t bd_stim_parse(bd_stim_t *s, const char *fname, const char *text, char *err, size_t errlen);

/* Schedule every line on the board's scheduler.  Times are absolute virtual
 * times (since reset); lines already in the past run at the next step, in
 * file order.  Errors: BD_ERR_UNSUPPORTED (a uart/serial line and no
 * callback registered: message in err), BD_ERR_BUSY (started twice),
 * BD_ERR_NOMEM. */
bd_status_t bd_stim_start(bd_stim_t *s, char *err, size_t errlen);

/* The time of the last line (a check's deadline included): a natural
 * --until when none is given. */
bd_time_t bd_stim_end_time(const bd_stim_t *s);

size_t bd_stim_check_count(const bd_stim_t *s);
const bd_stim_check_t *bd_stim_check_at(const bd_stim_t *s, size_t i);
size_t bd_stim_failed(const bd_stim_t *s);
size_t bd_stim_pending(const bd_stim_t *s);
/* The run is over: pending checks fail ("not reached: the run ended at T"). */
void bd_stim_finish(bd_stim_t *s);
/* One line per failed check ("FILE:LINE: FAIL at T: what: detail") and a
 * summary line when there are checks; returns the number failed. */
size_t bd_stim_report(const bd_stim_t *s, FILE *f);

#endif
