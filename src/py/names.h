/* names.h: identifiers interned once at start-up, so the runtime compares
 * and hashes them as pointers instead of looking them up by text.
 * Use PYN(__init__) for the interned str value of "__init__". */
#ifndef PY_NAMES_H
#define PY_NAMES_H

#include "value.h"

#define PY_NAME_LIST(X) \
    X(__init__) X(__new__) X(__call__) X(__repr__) X(__str__) X(__hash__) X(__eq__) \
    X(__ne__) X(__lt__) X(__le__) X(__gt__) X(__ge__) X(__bool__) X(__len__) \
    X(__getattr__) X(__getattribute__) X(__setattr__) X(__delattr__) X(__get__) \
    X(__set__) X(__delete__) X(__getitem__) X(__setitem__) X(__delitem__) \
    X(__contains__) X(__iter__) X(__next__) X(__enter__) X(__exit__) X(__aenter__) \
    X(__aexit__) X(__aiter__) X(__anext__) X(__await__) X(__add__) X(__sub__) \
    X(__mul__) X(__matmul__) X(__truediv__) X(__floordiv__) X(__mod__) X(__pow__) \
    X(__lshift__) X(__rshift__) X(__and__) X(__or__) X(__xor__) X(__radd__) \
    X(__rsub__) X(__rmul__) X(__rmatmul__) X(__rtruediv__) X(__rfloordiv__) \
    X(__rmod__) X(__rpow__) X(__rlshift__) X(__rrshift__) X(__rand__) X(__ror__) \
    X(__rxor__) X(__iadd__) X(__isub__) X(__imul__) X(__imatmul__) X(__itruediv__) \
    X(__ifloordiv__) X(__imod__) X(__ipow__) X(__ilshift__) X(__irshift__) \
    X(__iand__) X(__ior__) X(__ixor__) X(__neg__) X(__pos__) X(__invert__) \
    X(__abs__) X(__index__) X(__int__) X(__float__) X(__complex__) X(__round__) \
    X(__reversed__) X(__class__) X(__dict__) X(__name__) X(__qualname__) \
    X(__module__) X(__doc__) X(__bases__) X(__mro__) X(__file__) X(__path__) \
    X(__package__) X(__main__) X(__builtins__) X(__import__) X(__build_class__) \
    X(__init_subclass__) X(__set_name__) X(__class_getitem__) X(__slots__) \
    X(__self__) X(__func__) X(__all__) X(__format__) X(__sizeof__) X(__del__) \
    X(__traceback__) X(__cause__) X(__context__) X(__dir__) X(__version__) \
    X(__annotations__) X(__defaults__) X(__code__) X(__globals__) X(__closure__) \
    X(__kwdefaults__) X(__wrapped__) X(__missing__) X(__length_hint__) \
    X(__prepare__) X(__instancecheck__) X(__subclasscheck__) X(__fspath__) \
    X(__debug__) X(__loader__) X(__spec__) X(__floor__) X(__ceil__) X(__trunc__) \
    X(__divmod__) X(__rdivmod__) X(__bytes__) X(__buffer__) \
    X(args) X(value) X(send) X(throw) X(close) X(keys) X(items) X(values) \
    X(append) X(extend) X(join) X(format) X(write) X(read) X(readline) X(flush) \
    X(end) X(sep) X(file) X(key) X(reverse) X(default) X(errno) X(strerror) \
    X(code) X(msg) X(filename) X(lineno) X(name) X(path) X(self) X(cls) \
    X(super) X(object) X(type) X(mro) X(micropython) X(const) X(native) X(viper) \
    X(asm_thumb) X(staticmethod) X(classmethod) X(property) X(getter) X(setter) \
    X(deleter) X(fget) X(fset) X(fdel) X(start) X(stop) X(step) X(real) X(imag) \
    X(encoding) X(errors) X(strict) X(little) X(big) X(signed) X(byteorder) \
    X(_) X(__class_cell__) X(__qualname_prefix__) X(__module_name__) X(builtins) \
    X(sys) X(n) X(maxlen)

enum {
#define PY_NAME_ENUM(n) PYN_##n,
    PY_NAME_LIST(PY_NAME_ENUM)
#undef PY_NAME_ENUM
        PYN__COUNT
};

extern py_val_t py_names[PYN__COUNT];
#define PYN(n) (py_names[PYN_##n])

#endif
