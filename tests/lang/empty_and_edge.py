print([], {}, (), set(), "", b"", [[]], [()], {"": ""})
print(len([]), len(""), sum([]), list(range(0)), "".join([]), [] + [], [] * 5)
print(max([0]), min((5,)), sorted([]), list(reversed([])), dict(), tuple([]))
def nothing(): pass
print(nothing(), type(nothing()), [nothing() for _ in range(2)])
if []: print("no")
if not {}: print("empty dict falsy")
print(bool(()), bool((0,)), bool(" "), bool(0.0), bool(-1))
