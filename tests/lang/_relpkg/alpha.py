print("alpha", __name__)
from .inner import beta
from . import TOP
A = TOP + "-alpha"
