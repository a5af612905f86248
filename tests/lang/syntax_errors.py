srcs = ["1 +", "def f(:", "x = = 1", "for in x: pass", "if x\n  pass", "return 5", "break", "f(**x, *y)", "1 = x", "'unterminated", "(1, 2", "x = [1, 2", "a b", "lambda: yield", "class:", "def f(a, a): pass", "nonlocal x", "f() = 1", "del f()", "x +=", "\x00", "try:\n  pass\n"]
for s in srcs:
    try:
        exec(s)
        print("no error", repr(s))
    except SyntaxError:
        print("SyntaxError", repr(s))
for s in ["1 + 1", "x = 1\ny = x + 1", "def g():\n    return 1\n"]:
    exec(s)
    print("ok", repr(s))
