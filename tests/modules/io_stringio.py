# io.StringIO: construction, reading, writing, seeking, iteration, closing
import io

s = io.StringIO()
print(repr(s.getvalue()), repr(s.read()))
print(s.write("hello\n"), s.write("world\n"), s.tell())
print(repr(s.getvalue()))
print(s.seek(0), repr(s.readline()), repr(s.read(3)), s.tell())
print(repr(s.read()), repr(s.read()), repr(s.readline()))

# initial value: position starts at 0, writes overwrite
s = io.StringIO("foobar")
print(s.write("12"), repr(s.getvalue()), s.tell())
print(repr(s.read()))
s = io.StringIO("foo")
s.write("1234")
print(repr(s.getvalue()))
s = io.StringIO("abc")
s.seek(0, 2)
s.write("def")
print(repr(s.getvalue()))

# lines
s = io.StringIO("a\nbb\n\nccc")
print(s.readlines())
s.seek(0)
print([line for line in s])
s.seek(0)
print(repr(s.readline(1)), repr(s.readline(5)), repr(s.readline(-1)))
print(io.StringIO("x\ny\nz\n").readlines(2))
s = io.StringIO()
s.writelines(["a", "b\n", "c"])
print(repr(s.getvalue()))

# non-ASCII text: sizes and positions count characters
s = io.StringIO("héllo wörld €uro")
print(repr(s.read(4)), s.tell())
print(s.seek(7), repr(s.read(4)), s.tell())
s.seek(1)
print(s.write("E"), repr(s.getvalue()))
s.seek(7)
s.write("ö€")
print(repr(s.getvalue()))
s = io.StringIO("ab")
s.seek(1)
s.write("€€€")
print(repr(s.getvalue()), s.tell())

# seeking beyond the end pads with NUL characters
s = io.StringIO("x")
print(s.seek(4), repr(s.read()))
s.write("y")
print(repr(s.getvalue()))

# truncate
s = io.StringIO("abcdef")
print(s.truncate(3), repr(s.getvalue()), s.tell())
s.seek(1)
print(s.truncate(), repr(s.getvalue()))

# print() to a StringIO
out = io.StringIO()
print("a", 1, 2.5, [3], sep="-", end="!\n", file=out)
print("second", file=out)
print(repr(out.getvalue()))

# context manager and closing
with io.StringIO("ctx") as f:
    print(f.read(), f.closed)
print(f.closed)
for op in (f.read, f.getvalue, f.tell, lambda: f.write("x"), lambda: f.seek(0), f.readline):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
f.close()

# flags
s = io.StringIO()
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.flush())

# errors
for bad in (lambda: io.StringIO(5.0), lambda: io.StringIO().write(5), lambda: io.StringIO("a").seek(-1),
            lambda: io.StringIO("a").seek(1, 1), lambda: io.StringIO("a").seek(0, 5)):
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)

# subclassing
class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())

u = Upper()
print("shout", file=u)
u.tag = "t"
print(repr(u.getvalue()), u.tag, isinstance(u, io.StringIO))
print("StringIO" in repr(io.StringIO()))
