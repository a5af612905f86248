import _helper_mod
print(_helper_mod.VALUE, _helper_mod.double(4))
import _helper_mod as hm
print(hm is _helper_mod)
from _helper_mod import double, VALUE as V
print(double(5), V)
import sys
print("_helper_mod" in sys.modules)
try:
    import no_such_module_xyz
except ImportError as e:
    print("ImportError", type(e).__name__)
try:
    from _helper_mod import missing_name
except ImportError as e:
    print("ImportError from")
