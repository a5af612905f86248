# relative imports, __all__, circular imports, failed imports, sys.modules
import sys
import _relpkg
print(_relpkg.alpha.A, _relpkg.TOP)
import _relpkg.inner.beta
print(_relpkg.inner.beta.f())
from _relpkg.inner.beta import f as g
print(g(), g is _relpkg.inner.beta.f)
from _relpkg.star import *
print(p, _q)
try:
    print(r)
except NameError:
    print("r not exported")
from _relpkg.nostar import *
print(p2, "_hidden" in globals())
import _relpkg.circ1
print(_relpkg.circ1.V, _relpkg.circ2.W)
try:
    import _relpkg.bad
except ValueError as e:
    print("ValueError", e)
print("_relpkg.bad" in sys.modules)
try:
    import _relpkg.bad
except ValueError as e:
    print("ValueError again", e)
import _relpkg.star
print(_relpkg.star is sys.modules["_relpkg.star"])
sys.modules["_fake_mod"] = 42
import _fake_mod
print(_fake_mod)
old = sys.modules.pop("_relpkg.star")
import _relpkg.star as star2
print(star2 is old, star2.p)
import _relpkg.replaced
print(sys.modules["_relpkg.replaced"].name)
print(__name__)
import _relpkg.alpha as pa
print(pa.__name__, _relpkg.__name__, _relpkg.inner.__name__)
mod = __import__("_relpkg.inner", None, None, ["beta"])
print(mod.__name__, mod.beta.__name__)
top = __import__("_relpkg.inner")
print(top.__name__)
try:
    import _relpkg.alpha.zz
except ImportError as e:
    print(type(e).__name__)
try:
    import _no_such_mod_
except ImportError as e:
    print(type(e).__name__, e)
try:
    from _relpkg import no_such_name
except ImportError as e:
    print("ImportError from")
try:
    exec("from . import x")
except ImportError as e:
    print(type(e).__name__)
