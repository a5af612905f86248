# oracle: micropython
# micropython.schedule runs callbacks soon, between bytecodes (a loop's
# backward jump is one such point); callbacks may schedule more
import micropython

done = []

def cb(arg):
    done.append(arg)
    if arg < 3:
        micropython.schedule(cb, arg + 1)

micropython.schedule(cb, 0)
n = 0
while len(done) < 4:
    n += 1
print(done)

r = micropython.schedule(print, "a")
for i in range(3):
    pass
print(r)
print("end")
