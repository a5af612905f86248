/* bd_status.h: status codes and the time type shared by every board module.
 *
 * The board layer never longjmps and never calls into Python: a function that
 * can fail returns a bd_status_t, and the bindings (src/modules) turn a status
 * into a Python exception in one place.  Time everywhere in the board is a
 * bd_time_t: unsigned nanoseconds of *virtual* time since the board was reset.
 * 2^64 ns is about 584 years, so no module needs to handle wrap-around.
 */
#ifndef BD_STATUS_H
#define BD_STATUS_H

#include <stdint.h>

typedef uint64_t bd_time_t; /* virtual nanoseconds since reset */

#define BD_TIME_NEVER UINT64_MAX /* "no such time": no event pending, no deadline */
#define BD_NS(x) ((bd_time_t)(x))
#define BD_US(x) ((bd_time_t)(x)*1000u)
#define BD_MS(x) ((bd_time_t)(x)*1000000u)
#define BD_S(x) ((bd_time_t)(x)*1000000000u)

typedef enum {
    BD_OK = 0,
    BD_ERR_NOMEM = -1,       /* malloc failed; the object is unchanged */
    BD_ERR_INVAL = -2,       /* argument out of range or NULL where not allowed */
    BD_ERR_NOTFOUND = -3,    /* no such board, pin, event or driver */
    BD_ERR_IO = -4,          /* a file could not be opened or written (see errno) */
    BD_ERR_BUSY = -5,        /* called re-entrantly where that is not allowed */
    BD_ERR_UNSUPPORTED = -6, /* the pin or board has no such capability */
} bd_status_t;

/* A short English description ("out of memory", ...); never NULL. */
const char *bd_status_str(bd_status_t st);

#endif
