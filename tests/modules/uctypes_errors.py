# oracle: micropython
# uctypes: errors for bad descriptors, indexes and values.
import uctypes

buf = bytearray(16)
A = uctypes.addressof(buf)
D = {
    "a": 0 | uctypes.UINT8,
    "arr": (uctypes.ARRAY | 2, 3 | uctypes.UINT16),
    "sub": (8, {"x": 0 | uctypes.UINT8}),
}
s = uctypes.struct(A, D, uctypes.LITTLE_ENDIAN)


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e if not isinstance(e, KeyError) else "")


def set_sub():
    s.sub = 1


def set_arr():
    s.arr = 1


def set_float():
    s.a = 1.5


def set_str():
    s.a = "x"


t(lambda: s.arr[3])
t(lambda: s.arr[2])
t(lambda: s[0])
t(lambda: s.sub[0])
t(lambda: len(s.arr))
t(lambda: s.nope)
t(set_sub)
t(set_arr)
t(set_float)
t(set_str)
t(lambda: uctypes.sizeof(1))
t(lambda: uctypes.sizeof("x"))
t(lambda: uctypes.sizeof(s.a))
t(lambda: uctypes.addressof(1))
t(lambda: uctypes.struct(buf, D))
t(lambda: uctypes.struct(A, {"a": "x"}).a)
t(lambda: uctypes.struct(A, (uctypes.ARRAY | 0, 2 | uctypes.UINT8)).a)
t(lambda: uctypes.struct(A, {"r": (uctypes.ARRAY | 0, 2, {"z": 0 | uctypes.UINT8})}).r[2])
t(lambda: str(uctypes.struct(A, 5))[:13])
t(lambda: str(s)[:14])
t(lambda: str(s.arr)[:13])
t(lambda: str(s.sub)[:14])
