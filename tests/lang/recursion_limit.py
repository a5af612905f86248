def f(n):
    return f(n + 1)
try:
    f(0)
except RuntimeError as e:
    print("RuntimeError caught")
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
print("still running")
