try:
    import ujson_missing as json_mod
except ImportError:
    json_mod = None
print(json_mod)
def lazy():
    import math
    return math.sqrt(49)
print(lazy())
import math as m, sys as s
print(m.floor(2.5), type(s.path))
from math import (floor,
                  ceil)
print(floor(-0.5), ceil(-0.5))
