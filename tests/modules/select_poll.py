# select.poll and select.select on host file descriptors
import select

print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)

f = open("select_poll.py", "rb")
fd = f.fileno()
p = select.poll()
print(p.poll(0))
p.register(fd, select.POLLIN)
r = p.poll(0)
print(len(r), r[0][0] == fd, r[0][1] & select.POLLIN)
p.modify(fd, select.POLLOUT)
r = p.poll(10)
print(len(r), r[0][1] & select.POLLOUT, r[0][1] & select.POLLIN)
p.register(fd)  # re-registering updates the mask (default POLLIN | POLLOUT)
print(p.poll(0)[0][1] & (select.POLLIN | select.POLLOUT))
p.unregister(fd)
print(p.poll(0))
try:
    p.modify(fd, select.POLLIN)
except OSError as e:
    print("OSError", e.args[0])

# objects with fileno()
class Wrap:
    def __init__(self, f):
        self.f = f

    def fileno(self):
        return self.f.fileno()

p = select.poll()
p.register(Wrap(f), select.POLLIN)
print([ev & select.POLLIN for _, ev in p.poll(0)])

try:
    p.register(object())
except TypeError as e:
    print("TypeError", e)

# select.select
r, w, x = select.select([f], [], [], 0)
print(r == [f], w, x)
r, w, x = select.select([], [fd], [], 0.01)
print(r, w == [fd], x)
print(select.select([], [], [], 0))
f.close()
