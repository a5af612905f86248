# math additions (lcm, isqrt, comb, perm, prod, dist, fsum ...) and cmath.
import math, cmath
print(math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(2**70, 3))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**40), math.isqrt(10**41), math.isqrt(2**64-1))
print(math.comb(5, 2), math.comb(50, 25), math.comb(3, 5), math.perm(5, 2), math.perm(5), math.perm(3, 4))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod([2], start=5))
print(math.dist((0, 0), (3, 4)), math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.fsum([]))
print(math.remainder(5, 3), math.nextafter(1.0, 2.0), math.ulp(1.0), math.cbrt(27), math.exp2(10))
for f, a in [(math.isqrt, (-1,)), (math.comb, (-1, 2)), (math.sqrt, (-1,)), (math.log, (0,)), (math.remainder, (1, 0))]:
    try: f(*a)
    except ValueError as e: print('ValueError', e)
for f, a in [(math.isqrt, (1.5,)), (math.lcm, (1.5,)), (math.comb, (1.0, 2))]:
    try: f(*a)
    except TypeError as e: print('TypeError', e)
def r(z): return complex(round(z.real, 10), round(z.imag, 10))
print(r(cmath.sqrt(-1)), r(cmath.exp(1j * math.pi)), r(cmath.log(-1)), r(cmath.log10(100)), r(cmath.log(8, 2)))
print(r(cmath.sin(1+1j)), r(cmath.cos(1+1j)), r(cmath.tan(0.5j)), cmath.phase(-1), cmath.phase(1j), cmath.polar(1j), r(cmath.rect(2, math.pi/2)))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.isnan(cmath.nanj), cmath.isinf(complex(1, math.inf)), cmath.isfinite(1+2j))
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1, 2), r(cmath.sqrt(4)), r(cmath.asin(2)), r(cmath.acosh(0.5)))
print(cmath.rect(1, 0), cmath.rect(-1, 0), cmath.polar(-2))
try: cmath.log(0)
except ValueError as e: print('ValueError', e)
try: cmath.sqrt('x')
except TypeError as e: print('TypeError', e)
