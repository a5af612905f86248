# eval and exec with globals/locals dicts
print(eval("1 + 2 * 3"), eval("'a' * 3"), eval("[x * x for x in range(4)]"))
x = 10
print(eval("x + 1"), eval("x * y", {"x": 2, "y": 3}), eval("x", {"x": "g"}, {"x": "l"}))
g = {}
exec("a = 5\nb = a * 2\ndef f(n):\n    return n + b\n", g)
print(g["a"], g["b"], g["f"](1))
ns = {"data": [3, 1, 2]}
exec("data.sort()\nresult = sum(data)", ns)
print(ns["data"], ns["result"])
code = """
total = 0
for i in range(5):
    total += i
"""
loc = {}
exec(code, {}, loc)
print(loc["total"])
exec("print('exec prints', 1 + 1)")
print(eval("  42  "), eval("(1,\n2)"))
for bad in ["1 +", "def", "x ==== 1"]:
    try:
        eval(bad)
    except SyntaxError as e:
        print("SyntaxError")
try:
    eval("undefined_var_xyz")
except NameError as e:
    print(type(e).__name__)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print("caught", e)
env = {"__builtins__": __builtins__}
exec("import math\nr = math.floor(2.7)", env)
print(env["r"])
counter = {"n": 0}
for _ in range(3):
    exec("n += 1", counter)
print(counter["n"])
print(eval("lambda v: v * 3")(4))
exec("class K:\n    val = 'class from exec'\n", g)
print(g["K"].val)
print(eval(compile("2 ** 10", "<s>", "eval")))
c = compile("q = 7", "<s>", "exec")
d2 = {}
exec(c, d2)
print(d2["q"])
