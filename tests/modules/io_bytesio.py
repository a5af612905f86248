# io.BytesIO: bytes-like input, readinto, seeking with clamping, copy on construction
import io

b = io.BytesIO()
print(b.getvalue(), b.read())
print(b.write(b"abc"), b.write(bytearray(b"de")), b.write(memoryview(b"fg")), b.tell())
print(b.getvalue())
b.seek(0)
print(b.read(2), b.read1(2), b.read(), b.read())

src = bytearray(b"foobar")
b = io.BytesIO(src)
b.write(b"1")
print(src, b.getvalue())

b = io.BytesIO(b"foobar")
print(b.seek(10), b.read(10))
b = io.BytesIO()
print(b.seek(8))
b.write(b"123")
print(b.getvalue())
print(b.seek(0, 1), b.seek(-1, 2), b.seek(-100, 1), b.seek(2, 0))
b.write(b"0")
print(b.getvalue())

b = io.BytesIO(b"0123456789")
buf = bytearray(4)
print(b.readinto(buf), buf)
print(b.readinto(buf), buf)
b.seek(8)
print(b.readinto(buf), buf)
print(b.readinto(buf))

b = io.BytesIO(b"l1\nl2\r\nl3")
print(b.readlines())
b.seek(0)
print(list(b))
b.seek(0)
print(b.readline(), b.readline(1), b.readline())

b = io.BytesIO(b"abcdef")
print(b.truncate(2), b.getvalue(), b.tell())

with io.BytesIO(b"z") as f:
    print(f.read(), f.closed)
print(f.closed)
try:
    f.getvalue()
except ValueError as e:
    print("ValueError", e)

for bad in (lambda: io.BytesIO("str"), lambda: io.BytesIO().write("s"), lambda: io.BytesIO().seek(-1),
            lambda: io.BytesIO().seek(0, 3)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# print() needs a text stream
try:
    print("x", file=io.BytesIO())
except TypeError as e:
    print("TypeError", e)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.open is open)
