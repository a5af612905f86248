g = {"a": 2}
print(eval("a * 21", g), eval("[x for x in range(3)]"), eval("(lambda: 5)()"))
exec("b = a + 1", g)
print(g["b"])
loc = {}
exec("def sq(v):\n    return v * v\nres = sq(9)", {}, loc)
print(loc["res"])
code = "for i in range(3):\n    out.append(i * i)\n"
ns = {"out": []}
exec(code, ns)
print(ns["out"])
try:
    eval("1 +")
except SyntaxError:
    print("SyntaxError")
try:
    eval("undefined_var")
except NameError as e:
    print("NameError", e)
x = 5
def f():
    return eval("x + 1")
print(f(), eval("x", {"x": 100}), eval("len('abc')"))
