/* bd_status.c: the text of each status code, for messages and test output. */
#include "board/bd_status.h"

const char *bd_status_str(bd_status_t st) {
    switch (st) {
    case BD_OK:
        return "ok";
    case BD_ERR_NOMEM:
        return "out of memory";
    case BD_ERR_INVAL:
        return "invalid argument";
    case BD_ERR_NOTFOUND:
        return "not found";
    case BD_ERR_IO:
        return "i/o error";
    case BD_ERR_BUSY:
        return "busy (re-entrant call)";
    case BD_ERR_UNSUPPORTED:
        return "unsupported";
    }
    return "unknown status";
}
