print(True + True + True, True * 10, False * 10, -True, ~True, True / 4, True // 1, True % 2)
print(sum([True, False, True]), [1, 2][True], "ab"[False], True == 1, False == 0, True is 1 if False else "ok")
print(int(True), float(False), str(True), repr(False), bool("False"), True & 3, True | 2)
print(max(True, 0), min(False, -1), abs(True), divmod(True, True), hash(True) == hash(1))
