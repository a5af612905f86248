/* bd_wokwi.h: Wokwi projects on the board: a subset of Wokwi's diagram.json
 * (parts and connections) turned into our board and parts.
 * docs/wokwi.md has the mapping tables; in short:
 *
 *   - the microcontroller part picks the board (wokwi-pi-pico -> rpi-pico,
 *     wokwi-nano-rp2040-connect -> nano-rp2040, board-arduino-nano-esp32 and
 *     board-esp32-s3-devkitc-1 -> nano-esp32); an explicit board wins, with a
 *     warning when it differs;
 *   - connections are merged into nets (union-find over "part:pin"); the
 *     board's GND and 3V3/5V/VBUS... pins, wokwi-gnd and wokwi-vcc make the
 *     GND and VCC rails; a pushbutton's two pins of one contact are one
 *     node; breadboard rows and rails are nodes; a wokwi-resistor joins its
 *     two nets (a series resistor), except between a rail and a net that
 *     reaches a board pin, where it is that pin's pull-up or pull-down;
 *   - each supported part becomes one of ours (led, button, pot, hcsr04,
 *     servo, buzzer, 74hc595, ssd1306, bmp280), wired to the board pins its
 *     nets reach and configured from the wiring (an LED from VCC to a pin is
 *     active low; a button from a pin to GND closes to GND and needs the
 *     script's PULL_UP unless a pull-up resistor is drawn) and from its attrs;
 *   - unsupported part types are warned about once per type and skipped.
 * Part ids become part names (characters other than letters, digits, _ and
 * - become _), and the loaded diagram answers "which part is id X" and "what
 * does pin id:PIN reach" for the automation scenario (bd_scenario.h).
 *
 * Use: bd_wokwi_load (no board needed) -> bd_wokwi_pick_board -> build the
 * board -> bd_wokwi_build.  Errors are "FILE:LINE:COL: message" (a
 * malformed file, an unknown pin name, a connection to no part) with
 * BD_ERR_INVAL, BD_ERR_IO (the file cannot be read: errno set),
 * BD_ERR_NOMEM.  Warnings go to `warn` (may be NULL) as
 * "FILE:LINE:COL: warning: message" lines.
 *
 * Ownership: the diagram copies what it keeps; it borrows the board and
 * part set given to bd_wokwi_build (which own the parts); free it after the
 * scenario that uses it and before the board.
 */
#ifndef BD_WOKWI_H
#define BD_WOKWI_H

#include <stdio.h>

#include "board/bd_board.h"
#include "board/bd_part.h"
#include "board/bd_status.h"

typedef struct bd_wokwi bd_wokwi_t;

bd_status_t bd_wokwi_load(bd_wokwi_t **out, const char *path, char *err, size_t errlen);
/* `fname` names the text in messages. */
bd_status_t bd_wokwi_parse(bd_wokwi_t **out, const char *fname, const char *text, size_t len, char *err,
                           size_t errlen);
void bd_wokwi_free(bd_wokwi_t *w);

/* The microcontroller part's type and id ("wokwi-pi-pico", "pico"), NULL if none. */
const char *bd_wokwi_board_type(const bd_wokwi_t *w);
const char *bd_wokwi_board_id(const bd_wokwi_t *w);
/* Our board for a Wokwi microcontroller type, NULL if we have none. */
const bd_board_def_t *bd_wokwi_board_for(const char *wokwi_type);

/* Choose the board: `explicit_def` (--board, may be NULL) wins; else the
 * diagram's board, else the default board.  Warns about a mismatch or a
 * missing board part.  BD_ERR_UNSUPPORTED (message in err) when the
 * diagram's board has no equivalent and none was given. */
bd_status_t bd_wokwi_pick_board(bd_wokwi_t *w, const bd_board_def_t *explicit_def, const bd_board_def_t **out,
                                FILE *warn, char *err, size_t errlen);

/* Resolve every connection on board b, build the nets and add the parts
 * to ps.  On error nothing is added to ps. */
bd_status_t bd_wokwi_build(bd_wokwi_t *w, bd_board_t *b, bd_partset_t *ps, FILE *warn, char *err, size_t errlen);

/* --- for the scenario (after bd_wokwi_build) ------------------------------ */
/* The part of diagram id `id` and its Wokwi type.  NULL when there is no
 * such id (*type NULL) or it was not built (*why says why). */
bd_part_t *bd_wokwi_part(const bd_wokwi_t *w, const char *id, const char **type, const char **why);

/* What a diagram pin reaches: a board pad, or a rail. */
enum { BD_WOKWI_NONE = 0, BD_WOKWI_GND, BD_WOKWI_VCC };
typedef struct {
    int pad;  /* board pad index, -1 if the net reaches none */
    int rail; /* BD_WOKWI_NONE / GND / VCC */
} bd_wokwi_net_t;
/* Errors (message in err): BD_ERR_NOTFOUND for an unknown id or pin name,
 * BD_ERR_INVAL for a pin wired to nothing the board can observe. */
bd_status_t bd_wokwi_pin_net(const bd_wokwi_t *w, const char *id, const char *pin, bd_wokwi_net_t *out, char *err,
                             size_t errlen);

#endif
