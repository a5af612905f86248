# a replaced builtins.__import__ receives every import statement
import builtins

def custom_import(name, globals, locals, fromlist, level):
    print("import", name, fromlist, level)
    class M:
        var = 456
        a = 1
    return M

orig_import = builtins.__import__
builtins.__import__ = custom_import
__import__("A", None, None, None, 0)
import a
import a.b
from a import a
from a.b import a
from a import a, var
from . import a
from .. import a
from .x import a
builtins.__import__ = orig_import
print(a, var)
import sys
print(sys.__name__)
import builtins as b2
print(b2 is builtins, b2.__import__ is orig_import)
