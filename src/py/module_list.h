/* module_list.h: every native module, one line each.  Adding a C module is one
 * file that defines `const py_module_def_t py_module_<name>` plus one line here.
 * X(c_identifier) -- the module's Python name is the def's `name` field. */
#define PY_MODULE_LIST(X) \
    X(builtins) X(sys) X(gc) X(micropython) X(math) \
    X(json) X(collections) X(heapq) X(random) X(cmath) \
    X(struct) X(array) X(binascii) X(hashlib) X(errno) \
    X(re) X(time) \
    X(framebuf) X(deflate) \
    X(uctypes) \
    X(io) X(os) X(select) X(platform) \
    X(machine) X(sim) X(pyb) X(bbusb)
