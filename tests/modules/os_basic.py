# os: directories and files in a scratch directory that the test removes again
import os

D = "os_tmpdir_test"
print(os.sep, os.getcwd() == os.getcwd(), type(os.getcwd()))
os.mkdir(D)
print(D in os.listdir(), D in os.listdir("."))
with open(D + "/a.txt", "w") as f:
    f.write("hello")
with open(D + "/b.bin", "wb") as f:
    f.write(b"\x00" * 300)
os.mkdir(D + "/sub")
print(sorted(os.listdir(D)))
print(sorted(os.listdir(D.encode())))

st = os.stat(D + "/a.txt")
print(len(st), st[6], st.st_size, st[0] & 0o170000 == 0o100000, st.st_mode == st[0])
print(os.stat(D + "/sub")[0] & 0o170000 == 0o040000, os.stat(D + "/b.bin")[6])
print(type(st[8]), st.st_mtime >= 0)

os.rename(D + "/a.txt", D + "/c.txt")
print(sorted(os.listdir(D)))

# errors carry the errno number
import errno
for fn, args in ((os.remove, (D + "/nope",)), (os.rmdir, (D + "/nope",)), (os.mkdir, (D,)),
                 (os.stat, (D + "/nope",)), (os.listdir, (D + "/nope",)), (os.rmdir, (D,)),
                 (os.chdir, (D + "/nope",)), (os.rename, (D + "/nope", D + "/x"))):
    try:
        fn(*args)
        print("no error")
    except OSError as e:
        print(fn.__name__, e.args[0] == e.errno, errno.errorcode[e.errno])
try:
    os.remove(D + "/nope")
except OSError as e:
    print(e)

# chdir and relative paths
old = os.getcwd()
os.chdir(D)
print(sorted(os.listdir()), os.getcwd() == old + "/" + D)
os.chdir("..")
print(os.getcwd() == old)

# urandom, environment
r = os.urandom(16)
print(type(r), len(r), len(os.urandom(0)))
print(os.getenv("BREADBOARD_SURELY_UNSET_VAR"), os.getenv("BREADBOARD_SURELY_UNSET_VAR", "dflt"))
print("get" in dir(os.environ), os.environ.get("BREADBOARD_SURELY_UNSET_VAR"))

# clean up
os.remove(D + "/c.txt")
os.unlink(D + "/b.bin")
os.rmdir(D + "/sub")
os.rmdir(D)
print(D in os.listdir())
