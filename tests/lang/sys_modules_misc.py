import sys
mods_before = "math" in sys.modules
import math
print("math" in sys.modules or True, type(sys.modules).__name__)
print(isinstance(sys.path, list), sys.stdout is not None, callable(sys.exit))
print(sys.maxsize == 2 ** 63 - 1 or sys.maxsize == 2 ** 31 - 1, sys.byteorder in ("little", "big"))
