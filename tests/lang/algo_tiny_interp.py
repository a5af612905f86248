# a tiny interpreter: tokenizer, recursive-descent parser, evaluator with variables
def tokenize(src):
    toks = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            toks.append(("num", int(src[i:j])))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and (src[j].isalpha() or src[j].isdigit() or src[j] == "_"):
                j += 1
            toks.append(("name", src[i:j]))
            i = j
        elif src[i:i + 2] in ("==", "<=", ">=", "!="):
            toks.append(("op", src[i:i + 2]))
            i += 2
        elif c in "+-*/%()=<>;{},":
            toks.append(("op", c))
            i += 1
        else:
            raise SyntaxError("bad char %r" % c)
    toks.append(("eof", None))
    return toks

class Parser:
    def __init__(self, toks):
        self.toks = toks
        self.i = 0
    def peek(self):
        return self.toks[self.i]
    def take(self, val=None):
        t = self.toks[self.i]
        if val is not None and t[1] != val:
            raise SyntaxError("expected %r got %r" % (val, t[1]))
        self.i += 1
        return t
    def program(self):
        stmts = []
        while self.peek()[0] != "eof" and self.peek()[1] != "}":
            stmts.append(self.stmt())
        return stmts
    def stmt(self):
        t = self.peek()
        if t == ("name", "while"):
            self.take()
            cond = self.expr()
            self.take("{")
            body = self.program()
            self.take("}")
            return ("while", cond, body)
        if t == ("name", "print"):
            self.take()
            e = self.expr()
            self.take(";")
            return ("print", e)
        name = self.take()[1]
        self.take("=")
        e = self.expr()
        self.take(";")
        return ("assign", name, e)
    def expr(self):
        left = self.arith()
        while self.peek()[1] in ("<", ">", "==", "<=", ">=", "!="):
            op = self.take()[1]
            left = (op, left, self.arith())
        return left
    def arith(self):
        left = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            left = (op, left, self.term())
        return left
    def term(self):
        left = self.factor()
        while self.peek()[1] in ("*", "/", "%"):
            op = self.take()[1]
            left = (op, left, self.factor())
        return left
    def factor(self):
        kind, val = self.take()
        if kind == "num":
            return ("num", val)
        if kind == "name":
            return ("var", val)
        if val == "-":
            return ("-", ("num", 0), self.factor())
        if val == "(":
            e = self.expr()
            self.take(")")
            return e
        raise SyntaxError("unexpected %r" % (val,))

OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
       "/": lambda a, b: a // b, "%": lambda a, b: a % b, "<": lambda a, b: int(a < b),
       ">": lambda a, b: int(a > b), "==": lambda a, b: int(a == b), "<=": lambda a, b: int(a <= b),
       ">=": lambda a, b: int(a >= b), "!=": lambda a, b: int(a != b)}

def evaluate(e, env):
    if e[0] == "num":
        return e[1]
    if e[0] == "var":
        return env[e[1]]
    return OPS[e[0]](evaluate(e[1], env), evaluate(e[2], env))

def execute(stmts, env, out):
    for s in stmts:
        if s[0] == "assign":
            env[s[1]] = evaluate(s[2], env)
        elif s[0] == "print":
            out.append(evaluate(s[1], env))
        else:
            while evaluate(s[1], env):
                execute(s[2], env, out)

def run(src):
    env, out = {}, []
    execute(Parser(tokenize(src)).program(), env, out)
    return out, env

print(run("x = 2 + 3 * 4; print x; print (2 + 3) * 4; print -x + 1;")[0])
out, env = run("i = 0; s = 0; while i < 10 { s = s + i * i; i = i + 1; } print s;")
print(out, sorted(env.items()))
fact_src = "n = 20; f = 1; while n > 1 { f = f * n; n = n - 1; } print f;"
print(run(fact_src)[0])
gcd_src = "a = 1071; b = 462; while b != 0 { t = b; b = a % b; a = t; } print a;"
print(run(gcd_src)[0])
collatz = "n = 27; c = 0; while n != 1 { c = c + 1; if_even = n % 2 == 0; n = if_even * (n / 2) + (1 - if_even) * (3 * n + 1); } print c;"
print(run(collatz)[0])
for bad in ["x = ;", "print 1", "y = 3 $ 4;"]:
    try:
        run(bad)
    except SyntaxError as e:
        print("SyntaxError:", e)
try:
    run("print undefined;")
except KeyError as e:
    print("KeyError", e.args)
