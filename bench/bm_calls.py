# Function calls and recursion.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def add3(a, b, c=1):
    return a + b + c
total = 0
for i in range(300000):
    total = add3(total, i) % 1000003
print(fib(25), total)
