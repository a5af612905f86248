# generator throw() and close(), finally blocks and GeneratorExit
def worker():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("worker caught", e)
        yield "recovered"
    finally:
        print("worker finally")

w = worker()
print(next(w))
print(w.throw(ValueError("boom")))
try:
    next(w)
except StopIteration:
    print("stopped")

w = worker()
print(next(w))
try:
    w.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(w)
except StopIteration:
    print("dead after throw")

def closer():
    try:
        yield "a"
        yield "b"
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("closer finally")
c = closer()
next(c)
c.close()
c.close()   # second close is a no-op
print("closed twice ok")

unstarted = closer()
unstarted.close()   # never started: finally does not run
print("unstarted closed")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__)

def ret_in_close():
    try:
        yield 1
    finally:
        return "ignored"
r = ret_in_close()
next(r)
r.close()
print("return in finally swallowed close")

def throw_type():
    while True:
        try:
            yield
        except Exception as e:
            print("handled", type(e).__name__)
tt = throw_type()
next(tt)
tt.throw(IndexError)
tt.throw(TypeError("t"))
tt.close()

def gen_done():
    yield 1
gd = gen_done()
list(gd)
try:
    gd.throw(ValueError("late"))
except ValueError as e:
    print("throw into finished:", e)

def fresh():
    yield 1
f = fresh()
try:
    f.throw(OSError("before start"))
except OSError as e:
    print("before start:", e)
print(next(f, "exhausted"))
