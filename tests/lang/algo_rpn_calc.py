# shunting-yard infix to RPN conversion and RPN evaluation
PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}
RIGHT = {"^"}

def tokens(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit() or ch == ".":
            num += ch
            continue
        if num:
            out.append(num)
            num = ""
        if ch in PREC or ch in "()":
            out.append(ch)
        elif not ch.isspace():
            raise ValueError("bad token " + ch)
    if num:
        out.append(num)
    return out

def to_rpn(s):
    out, stack = [], []
    for t in tokens(s):
        if t in PREC:
            while stack and stack[-1] in PREC and (PREC[stack[-1]] > PREC[t] or (PREC[stack[-1]] == PREC[t] and t not in RIGHT)):
                out.append(stack.pop())
            stack.append(t)
        elif t == "(":
            stack.append(t)
        elif t == ")":
            while stack[-1] != "(":
                out.append(stack.pop())
            stack.pop()
        else:
            out.append(t)
    while stack:
        out.append(stack.pop())
    return out

def eval_rpn(rpn):
    st = []
    for t in rpn:
        if t in PREC:
            b, a = st.pop(), st.pop()
            if t == "+": st.append(a + b)
            elif t == "-": st.append(a - b)
            elif t == "*": st.append(a * b)
            elif t == "/": st.append(a / b)
            elif t == "%": st.append(a % b)
            else: st.append(a ** b)
        else:
            st.append(float(t) if "." in t else int(t))
    if len(st) != 1:
        raise ValueError("malformed expression")
    return st[0]

for expr in ["3 + 4 * 2", "(3 + 4) * 2", "2 ^ 3 ^ 2", "(2 ^ 3) ^ 2", "10 - 4 - 3", "100 / 8 / 2",
             "7 % 4 + 1", "1.5 * 4", "((1 + 2) * (3 + 4)) - 5 * (6 - 2)", "2 ^ 100"]:
    rpn = to_rpn(expr)
    print("%-36s %-30s %r" % (expr, " ".join(rpn), eval_rpn(rpn)))
for bad in ["1 +", "2 $ 3", "1 / 0"]:
    try:
        print(eval_rpn(to_rpn(bad)))
    except (ValueError, IndexError, ZeroDivisionError) as e:
        print(bad, "->", type(e).__name__)
