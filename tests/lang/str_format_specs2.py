# str.format with positional, keyword, index and attribute fields and specs
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"))
print("{x} {y} {x}".format(x=1, y=2))
print("{0[0]} {0[1]} {1[k]}".format([10, 20], {"k": "v"}))
class O:
    attr = "attribute"
print("{0.attr} {o.attr}".format(O(), o=O()))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:*>8}|{:-<8}|{:.^8}|".format("r", "l", "c"))
print("{:8d}|{:<8d}|{:^8d}|{:08d}".format(7, 7, 7, 7))
print("{:+d} {:+d} {: d} {: d}".format(5, -5, 5, -5))
print("{:=+8d}|{:=8d}".format(42, -42))
print("{:b} {:o} {:x} {:X} {:#b} {:#o} {:#x}".format(10, 10, 255, 255, 10, 10, 255))
print("{:c}".format(65), "{:d}".format(True))
print("{:.3f} {:.0f} {:10.4f}| {:<10.2f}|".format(2.71828, 2.5, 2.71828, 2.71828))
print("{:e} {:.2e} {:E}".format(1234.5, 0.000123, 1e-5))
print("{:g} {:g} {:g} {:.3g} {:.10g}".format(100000, 1000000, 0.00001, 3.14159, 1 / 3))
print("{:%} {:.1%}".format(0.123, 0.5))
print("{:,} {:,.2f} {:,}".format(1234567, 9876543.21, 10 ** 8))
print("{:.3}|{:10.3}|".format("abcdef", "abcdef"))
print("{!r} {!s} {!r:>10}".format("q", "q", "q"))
print("{{}} {{{}}}".format("in"))
print("{0:{1}}|{0:>{1}}|".format("w", 5))
print("{:{fill}{align}{width}}".format("x", fill="#", align="^", width=7))
print("{}".format(None), "{}".format([1, "a"]), "{}".format((1,)))
print("{:5}|{:<5}|{:>5}|".format(12, 12, 12))
print("{:5}|{:>5}|".format("s", "s"))
print("{:.2f}".format(-0.001), "{:.1f}".format(0.05), "{:.2f}".format(1.005))
for bad in ["{", "}", "{0} {}", "{:d}"]:
    try:
        bad.format(1.5) if bad == "{:d}" else bad.format(1, 2)
        print("ok", bad)
    except (ValueError, IndexError) as e:
        print(type(e).__name__)
try:
    "{5}".format(1)
except IndexError as e:
    print(type(e).__name__)
try:
    "{name}".format(other=1)
except KeyError as e:
    print(type(e).__name__)
table = [("id", "name", "score"), (1, "ann", 93.5), (22, "bob", 7.25)]
for row in table:
    print("{:<4}{:>6}{:>8}".format(*row))
