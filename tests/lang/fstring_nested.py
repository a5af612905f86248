# f-strings: nesting, conversions, expressions, format specs
name = "world"
n = 42
pi = 3.14159265
items = [1, 2, 3]
d = {"key": "value", "n": 7}
print(f"hello {name}")
print(f"{n} {n + 1} {n * 2}")
print(f"{name!r} {name!s} {name.upper()}")
print(f"{items} {items[0]} {items[-1]} {len(items)}")
print(f"{d['key']} {d['n'] * 2}")
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:e}")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{n:+d}")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b}")
width, prec = 12, 4
print(f"[{pi:{width}.{prec}f}]")
print(f"[{name:>{width}}] [{name:*^{width}}]")
print(f"{'nested ' + f'{n}'}")
print(f"{{literal braces}} {{{n}}}")
print(f"{n if n > 10 else 'small'}")
print(f"{[x * 2 for x in items]}")
print(f"{(lambda v: v + 1)(1)}")
print(f"{1_000_000:,} {1234567.891:,.2f} {12345678:,}")
print(f"{0.25:%} {0.5:.0%}")
print(f"{'abc':.2} {'left':<8}| {'right':>8}|")
class P:
    def __init__(self): self.x = 5
    def __repr__(self): return "P()"
    def __str__(self): return "P-str"
p = P()
print(f"{p} {p!r} {p.x}")
print(f"{3 + 4j} {-0.0} {1e100} {float('inf')}")
print(f"multi" f"part {n}" "plain")
print(f"""triple {name}
second line {n}""")
print(f"{n!r:>6}|{name!r:^10}|")
print(f"{True} {None} {b'x'}")
print(f"{'%d' % 5} {'{}'.format(6)}")
