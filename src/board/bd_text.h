/* bd_text.h: words and quantities for the board's text formats (the parts
 * file, the stimulus file): one tokenizer and one parser per kind of
 * quantity, so every format spells times, frequencies and voltages alike.
 *
 * Words.  A line splits at blanks (space, tab).  `#` outside quotes starts a
 * comment.  Double quotes group blanks into a word and may appear inside a
 * word (`wav="my tone.wav"` is one word, `wav=my tone.wav` after decoding);
 * inside quotes the escapes \n \r \t \0 \\ \" and \xHH are decoded.
 *
 * Quantities (no blanks inside):
 *   time       <number>[ns|us|ms|s]     a bare number is seconds (as --until);
 *                                       decimals are exact to the nanosecond
 *   frequency  <number>[Hz|kHz|MHz]     bare = Hz; > 0
 *   voltage    <number>[V|mV|uV]        bare = volts
 *   fraction   <number>[%]              50% == 0.5
 * Suffixes ignore case.  Results are in ns, Hz, V and plain fractions.
 */
#ifndef BD_TEXT_H
#define BD_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "board/bd_status.h"

#define BD_TEXT_MAX_WORDS 64

typedef struct {
    char *s;     /* decoded, NUL-terminated (a quoted \0 makes len > strlen) */
    size_t len;  /* decoded length */
    bool quoted; /* contained a quoted part */
} bd_word_t;

/* Split line[0..n) into at most max words, decoded into buf (at least n + 1
 * bytes; words point into it).  Errors (BD_ERR_INVAL, message in err): an
 * unterminated quote, a bad escape, too many words. */
bd_status_t bd_text_split(const char *line, size_t n, char *buf, bd_word_t *words, int max, int *nwords,
                          char *err, size_t errlen);

bd_status_t bd_text_time(const char *s, bd_time_t *out);
bd_status_t bd_text_freq(const char *s, double *hz);
bd_status_t bd_text_volts(const char *s, double *v);
bd_status_t bd_text_fraction(const char *s, double *f);
/* A whole-string finite number (strtod syntax). */
bd_status_t bd_text_number(const char *s, double *v);
/* 1/0, true/false, on/off, yes/no, high/low (any case). */
bd_status_t bd_text_bool(const char *s, int *out);

/* Format a time in its largest exact unit: "0", "250ms", "1.5s" is written
 * "1500ms", "20ns".  Returns buf. */
const char *bd_text_fmt_time(bd_time_t t, char *buf, size_t n);

/* Read a whole file into a malloc'd, NUL-terminated buffer.  BD_ERR_IO (errno
 * set) or BD_ERR_NOMEM. */
bd_status_t bd_text_read_file(const char *path, char **out, size_t *len);

/* The one shape of the file readers' error messages (parts, stimulus,
 * JSON, YAML, Wokwi, scenario): "<file>:<line>:<col>: <message>" into err
 * (err NULL or errlen 0: nothing).  file NULL, line < 0 or col < 0 leave
 * that piece out: "3:7: ...", "parts.txt:4: ...", "diagram.json: ...".
 * A message whose position alone fills err is left out. */
void bd_text_verror(char *err, size_t errlen, const char *file, int line, int col, const char *fmt,
                    va_list ap);

#endif
