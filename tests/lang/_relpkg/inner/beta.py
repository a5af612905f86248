from .. import alpha
from ..alpha import *
print("beta", __name__, hasattr(alpha, "A"))
def f():
    return "beta.f"
