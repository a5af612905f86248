print(abs(-3), all([1, 2]), all([]), any([0, None]), any([0, 1]), bin(5), chr(97), ord("a"))
print(divmod(17, 5), hex(255), oct(8), len("abc"), max(3, 7, 2), min([4, 1, 6]), max("abc"), min([], default=0))
print(max([1, 5, 2], key=lambda v: -v), min("b", "a", "c"), sum([1, 2, 3], 10), pow(2, 10), pow(2, 10, 1000), pow(2, -1))
print(round(3.14159, 2), round(7), sorted([3, 1, 2]), list(reversed([1, 2, 3])), list(reversed("abc")))
print(list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")), list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2], [10, 20])))
print(list(filter(None, [0, 1, "", "a"])), list(filter(lambda v: v > 1, [1, 2, 3])))
print(isinstance(1, (str, int)), issubclass(bool, (int,)), callable(print), type("") is str)
print(repr("x"), ascii("é"), str(1), int("7"), float("1.5"), bool(0), list(), dict(), tuple(), set())
print(hash(1) == hash(1.0), id(None) == id(None), getattr(1, "real"), hasattr([], "append"))
it = iter([1, 2]); print(next(it), next(it), next(it, "end"))
print(format(255, "x"), format(3.5, ".2f"), format("s", ">3"), vars().get("nothing"))
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}))
ns = {}
exec("y = 5\ndef f(): return y + 1", ns)
print(ns["y"], ns["f"]())
print(sorted(dir([]))[:3] if dir([]) else [], "append" in dir([]))
class O: pass
o = O(); o.a = 1
print(vars(o), globals()["O"] is O)
def loc():
    a = 1; b = 2
    return sorted(locals().items())
print(loc())
print(iter(lambda: 1, 1).__next__ if False else list(iter([3, 2, 1].pop, 1)))
code = compile("3 + 4", "<s>", "eval")
print(eval(code))
