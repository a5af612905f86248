# Float math: a small n-body-like integration.
import math
xs = [float(i) for i in range(100)]
vs = [0.0] * 100
for step in range(200):
    for i in range(100):
        f = math.sin(xs[i]) * 0.01 - xs[i] * 0.001
        vs[i] += f
        xs[i] += vs[i] * 0.5
print(round(sum(xs), 6), round(sum(vs), 6))
