# os.path: the common pure-path helpers and existence tests
import os
import os.path

p = os.path
print(p.join("a", "b", "c.txt"), p.join("a/", "b"), p.join("a", "/abs", "x"), p.join("a", ""))
for s in ("/a/b/c", "a/b", "c", "/c", "a/b/", "//x", ""):
    print(repr(s), p.split(s), repr(p.basename(s)), repr(p.dirname(s)))
for s in ("x.py", "a/b.tar.gz", ".profile", "a/.rc", "noext", "a.b/c", "..x.y"):
    print(repr(s), p.splitext(s))
for s in ("a//b/../c/.", "/../x", "../a/../../b", ".", "", "/", "a/", "//a//b"):
    print(repr(s), repr(p.normpath(s)))
print(p.isabs("/x"), p.isabs("x"))
print(p.exists("os_path.py"), p.isfile("os_path.py"), p.isdir("os_path.py"), p.isdir("."))
print(p.exists("no_such_file_here"), p.isfile("no_such_file_here"))
print(p.getsize("os_path.py") == os.stat("os_path.py")[6])
print(p.abspath("x") == p.join(os.getcwd(), "x"), p.abspath("/a/./b/.."))
print(os.path is p)
