# oracle: micropython
# micropython.heap_lock nests; allocation raises MemoryError while locked
import micropython

l = []
l2 = list(range(100))
print(micropython.heap_lock())
micropython.heap_lock()
try:
    print([])
except MemoryError:
    print("MemoryError")
try:
    l.extend(l2)
except MemoryError:
    print("MemoryError extend")
try:
    d = {"a": [1]}
except MemoryError:
    print("MemoryError dict")
print("printing works", 123, 4.5, None, True)
print(micropython.heap_unlock())
try:
    print([])
except MemoryError:
    print("MemoryError still locked")
print(micropython.heap_unlock())
print([], len(l))
l.extend(l2)
print(len(l))
