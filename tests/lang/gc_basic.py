# oracle: micropython
import gc
gc.collect()
before = gc.mem_free()
data = [list(range(100)) for i in range(100)]
print(len(data), sum(map(len, data)))
del data
gc.collect()
print(gc.isenabled())
gc.disable(); print(gc.isenabled()); gc.enable(); print(gc.isenabled())
print(type(gc.mem_alloc()), type(gc.mem_free()))
# churn: many short-lived objects must be reclaimed
for i in range(20000):
    x = [i, str(i), {i: i}]
print("churn done", x[1])
