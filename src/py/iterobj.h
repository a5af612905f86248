/* iterobj.h: declarations shared by obj_range.c and obj_iter.c only
 * (the small builtin sequence and iterator types).  Everything else
 * uses runtime.h. */
#ifndef PY_ITEROBJ_H
#define PY_ITEROBJ_H

#include "runtime.h"

/* reversed(range): a range iterator running from the last item to the first
 * (CPython's reversed(range) is a range_iterator too, not a `reversed`). */
py_val_t py_range_reversed(py_val_t range);

#endif
