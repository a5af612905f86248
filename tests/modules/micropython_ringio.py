# oracle: micropython
# micropython.RingIO: a fixed-size byte FIFO with a stream interface.
import micropython

RingIO = micropython.RingIO


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)


print(RingIO.__name__, str(RingIO(4)))
r = RingIO(8)
print(r.any(), r.write(b"hello"), r.any())
print(r.read(2), r.any(), r.read())
print(r.write(b"0123456789"), r.any(), r.read())  # holds exactly 8
print(r.write(b"abc"), r.write(b"defgh"), r.write(b"x"), r.read(3), r.write(b"XYZW"), r.read())
# wrap-around, many times
out = []
for i in range(20):
    r.write(bytes([65 + i]) * 3)
    out.append(r.read(3))
print(b"".join(out))
# readline, with and without limits
r.write(b"ab\ncd\nef")
print(r.readline(), r.readline(1), r.readline(), r.readline(), r.readline())
r.write(b"line\n")
print(r.readline(0), r.readline(-1))
# read limits
r.write(b"abcdef")
print(r.read(0), r.read(-1), r.read(5))
# readinto
ba = bytearray(4)
r.write(b"123456")
print(r.readinto(ba), ba, r.readinto(ba, 1), ba, r.readinto(ba, 10), r.readinto(ba), r.readinto(ba, -1))
# write(buf, max) and write(buf, off, max)
print(r.write(b"abcdef", 2), r.read())
print(r.write(b"abcdef", 2, 3), r.read())
print(r.write(b"abcdef", 5, 3), r.read())
print(r.write(b"abcdef", 7, 3), r.write(b"abcdef", -1), r.read())
print(r.write("text"), r.write(memoryview(b"hello")[1:]), r.read())
print(r.write(b""), r.close(), r.any())
# in place in a caller's buffer: holds len - 1 bytes
b = bytearray(5)
x = RingIO(b)
print(x.write(b"abcdef"), b)
print(x.read(2), x.write(b"XY"), b, x.read())
print(RingIO(bytearray(b"xyz12")).read())
# errors
t(lambda: RingIO(0))
t(lambda: RingIO(-1))
t(lambda: RingIO(1.5))
t(lambda: RingIO(b"abcd"))
t(lambda: RingIO(bytearray(1)))
t(lambda: RingIO())
t(lambda: r.write(5))
t(lambda: r.readinto(b"xx"))
t(lambda: r.read(None))
t(lambda: r.read(1, 2))
