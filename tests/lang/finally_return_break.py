# return / break / continue interacting with finally
def ret_override():
    try:
        return "try"
    finally:
        return "finally"
print(ret_override())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())

def order():
    log = []
    def f():
        try:
            log.append("try")
            return log.append("return expr") or "r"
        finally:
            log.append("finally")
    r = f()
    return r, log
print(order())

def break_in_finally():
    for i in range(5):
        try:
            if i == 2:
                raise RuntimeError("discarded")
        finally:
            if i == 2:
                break
    return i
print(break_in_finally())

def continue_in_finally():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(continue_in_finally())

def return_in_loop_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                return out
        finally:
            out.append("cleanup%d" % i)
    return "never"
print(return_in_loop_finally())

def nested_finally():
    out = []
    try:
        try:
            return "inner"
        finally:
            out.append("inner finally")
    finally:
        out.append("outer finally")
        print(out)
print(nested_finally())

def while_break():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                break
        finally:
            print("  while finally", n)
    return n
print(while_break())

def value_captured():
    x = 1
    try:
        return x
    finally:
        x = 2
print(value_captured())

def exc_in_finally():
    try:
        raise KeyError("first")
    finally:
        raise ValueError("second")
try:
    exc_in_finally()
except ValueError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)
