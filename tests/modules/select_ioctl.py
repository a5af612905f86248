# oracle: micropython
# select.poll over MicroPython's stream protocol (ioctl(3, mask)), ipoll one-shot,
# and os.ilistdir's entry types.
import io
import os
import select

class S(io.IOBase):
    def __init__(self, ready):
        self.ready = ready

    def ioctl(self, req, arg):
        if req == 3:
            return arg & self.ready
        return -1

a = S(select.POLLIN)
b = S(select.POLLOUT)
p = select.poll()
p.register(a, select.POLLIN)
p.register(b, select.POLLIN)
print([(o is a, ev) for o, ev in p.poll(0)])
p.modify(b, select.POLLOUT)
print(sorted([(o is a, ev) for o, ev in p.poll(0)]))
print(sorted(ev for o, ev in p.ipoll(0, 1)))
print(p.poll(0))
p.modify(a, select.POLLIN | select.POLLOUT)
print([(o is a, ev) for o, ev in p.poll(0)])
p.unregister(a)
p.unregister(b)
print(p.poll(0))
try:
    p.modify(a, select.POLLIN)
except OSError as e:
    print("OSError", e.args[0])

D = "os_ilistdir_tmp"
os.mkdir(D)
with open(D + "/f.txt", "w") as f:
    f.write("abc")
os.mkdir(D + "/sub")
print(sorted(e[:2] for e in os.ilistdir(D)))
print(all(type(e[2]) is int for e in os.ilistdir(D)))
os.remove(D + "/f.txt")
os.rmdir(D + "/sub")
os.rmdir(D)
print(D in os.listdir())
