# oracle: micropython
# time: ticks arithmetic (wrap-around period 2**30), dates as 8-tuples,
# sleeps that take the time asked (virtual time on the board)
import time

print(time.ticks_add(0, -1), time.ticks_add(5, 2**29 - 1), time.ticks_add(5, -2**29 + 1))
print(time.ticks_diff(0, 1), time.ticks_diff(2**30 - 1, 0), time.ticks_diff(2**29, 0), time.ticks_diff(2**29 - 1, 0))
print(time.ticks_diff(time.ticks_add(123, 1000), 123))
for d in (2**29, -2**29):
    try:
        time.ticks_add(0, d)
    except OverflowError as e:
        print("OverflowError", e)
t0 = time.ticks_ms()
u0 = time.ticks_us()
time.sleep_ms(20)
dt = time.ticks_diff(time.ticks_ms(), t0)
print(15 <= dt < 1000, time.ticks_diff(time.ticks_us(), u0) >= 15000)
t0 = time.ticks_ms()
time.sleep(0.01)
time.sleep_us(1000)
print(time.ticks_diff(time.ticks_ms(), t0) >= 10)
print(0 <= time.ticks_ms() < 2**30, 0 <= time.ticks_cpu() < 2**30)
# time() is an int on the board ports, a float on unix
print(type(time.time()).__name__ in ("int", "float"), type(time.time_ns()).__name__, time.time() > 1.6e9)
print(time.gmtime(0))
print(time.gmtime(1709208000))
print(time.gmtime(951782400))
print(time.gmtime(4102444799))
print(len(time.localtime()), len(time.gmtime()))
x = 1700000000
print(time.mktime(time.localtime(x)) == x)
print(time.mktime(time.localtime(x) + (0,)) == x)
try:
    time.mktime((2024, 1, 1))
except TypeError as e:
    print("TypeError", e)
