inf = float("inf"); nan = float("nan")
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf < 0 < inf, nan == nan, nan != nan)
print(inf > 10 ** 100, 1e308 * 10 == inf, -1e308 * 10, 1 / inf, abs(-inf))
import math
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0), math.floor(-1.5), math.ceil(-1.5), math.sqrt(16))
print(math.pi, math.e, math.fabs(-2), math.pow(2, 10), math.log(math.e), math.log10(1000), math.log2(8))
print(math.sin(0), math.cos(0), round(math.tan(math.pi / 4), 10), math.atan2(1, 1), math.hypot(3, 4))
print(math.trunc(-2.7), math.fmod(7, 3), math.copysign(1, -0.0), math.exp(0), math.degrees(math.pi), math.radians(180))
print(math.factorial(20), math.gcd(12, 18), math.isclose(0.1 + 0.2, 0.3), math.modf(2.5), math.frexp(8.0), math.ldexp(0.5, 4))
