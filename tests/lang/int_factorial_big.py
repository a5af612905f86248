# arbitrary precision: factorials, powers, digit sums
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(20))
print(fact(30))
f100 = fact(100)
print(f100)
print(len(str(f100)), sum(int(c) for c in str(f100)))
print(f100 // fact(98), f100 % 1000003)
print(2 ** 100, 2 ** 200 - 1)
print(3 ** 50, (-3) ** 51)
print(10 ** 30 + 1, 10 ** 30 - 1)
print(7 ** 77 % 10 ** 10)
big = 123456789 ** 5
print(big, big // 987654321, big % 987654321)
print(-big // 1000, -big % 1000)
print(fact(25) == 15511210043330985984000000)
print(f100 > 10 ** 157, f100 < 10 ** 158)
a = 2 ** 64
print(a - 1, a + 1, a * a, a // 3, -a)
print((2 ** 127 - 1) % 1000000007)
x = 1
for _ in range(10):
    x = x * 1000003 + 7
print(x)
print(int("9" * 50) + 1)
print(abs(-10 ** 40), -(-10 ** 40))
fib = [0, 1]
while len(fib) < 150:
    fib.append(fib[-1] + fib[-2])
print(fib[-1], fib[100])
print(pow(2, 1000, 10 ** 9 + 7), pow(3, 10 ** 18, 1000000007))
print(hex(2 ** 100), oct(2 ** 70), bin(2 ** 70 + 1))
print(int(str(2 ** 300)) == 2 ** 300, str(-(2 ** 70)))
