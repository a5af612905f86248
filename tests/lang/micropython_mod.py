# oracle: micropython
import micropython
from micropython import const
X = const(10)
print(X, micropython.const(5))
print(micropython.opt_level() >= 0)
import sys
print(sys.implementation.name)
