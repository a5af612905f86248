/* mod_deflate.c: the deflate module (being written). */
#include "py/runtime.h"

const py_module_def_t py_module_deflate = {"deflate", NULL, NULL};
