def risky(x):
    if x == 3:
        raise ValueError("three")
    return x
try:
    [risky(i) for i in range(5)]
except ValueError as e:
    print("caught", e)
results = []
for i in range(5):
    try:
        results.append(risky(i))
    except ValueError:
        results.append(None)
print(results)
try:
    {k: 1 / k for k in [1, 0]}
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
