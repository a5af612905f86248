# Integer loops and arithmetic.
acc = 0
for i in range(3000000):
    acc = (acc + i * 7) ^ (i & 255)
i = 0
while i < 1000000:
    i += 1
print(acc, i)
