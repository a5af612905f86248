w, p = 10, 3
v = 3.14159265
print(f"{v:{w}.{p}f}|", f"{v!s:>12}|", f"{'x'!r}", f"{{{v:.1f}}}", f"{w:#x} {w:#o} {w:#b}")
items = ["a", "b"]
print(f"{len(items)} items: {', '.join(items)}", f"{items[0].upper()}{items[-1]}")
d = {"k": 5}
print(f"{d['k'] * 2}", f"{'nested ' + f'{w}'}", f"{w if w > 5 else 0}", f"{(lambda x: x * 2)(4)}")
print(f"{1e6:,.0f}", f"{-42:+05d}", f"{42:<6d}|", f"{42:^7}|", f"{'s':*>4}", f"{0.1 + 0.2:.17g}")
x = 7
print(f"{x = }", f"{x*2=}", f"{x!r:>4}")
print(f"""multi
{x}""", F"upper {x}", rf"raw \n {x}")
