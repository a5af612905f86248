# A module imported by import_*.py tests (not a test itself: no .exp).
VALUE = 42
def double(x):
    return 2 * x
_private = "hidden"
print("_helper_mod imported")
