# A first program: runs on Breadboard as on any MicroPython board.
import sys

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print("Hello from", sys.implementation.name, "on Breadboard")
print("fib(90) =", fib(90), "  2**100 =", 2 ** 100)
squares = {n: n * n for n in range(6)}
print("squares:", squares)
print(f"pi is about {355 / 113:.6f}")
