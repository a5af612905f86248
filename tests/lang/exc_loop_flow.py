# exceptions inside loops: break/continue in except and else, retry loops
def parse_all(items):
    out = []
    for it in items:
        try:
            v = int(it)
        except ValueError:
            out.append("bad:" + it)
            continue
        except TypeError:
            out.append("type")
            break
        else:
            if v < 0:
                break
            out.append(v)
        finally:
            out.append("|")
    return out
print(parse_all(["1", "x", "2", "-1", "3"]))
print(parse_all(["4", None, "5"]))

class TransientError(Exception):
    pass
attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 4:
        raise TransientError("try again %d" % attempts)
    return "success after %d" % attempts
for i in range(10):
    try:
        print(flaky())
        break
    except TransientError as e:
        print("retry:", e)
else:
    print("gave up")

def nested_loops():
    found = None
    for i in range(5):
        for j in range(5):
            try:
                if i * j == 6:
                    raise StopIteration
            except StopIteration:
                found = (i, j)
                break
        if found:
            break
    return found
print(nested_loops())

total = 0
i = 0
while True:
    i += 1
    try:
        if i % 3 == 0:
            continue
        if i > 10:
            break
        total += i
    finally:
        total += 100
print(i, total)

def gen_errors():
    for v in [1, 0, 2, "a", 4]:
        try:
            yield 10 // v
        except ZeroDivisionError:
            yield "div0"
        except TypeError:
            yield "type"
print(list(gen_errors()))

errors = []
for exc in (ValueError, KeyError, IndexError, ZeroDivisionError):
    try:
        try:
            raise exc("e")
        except (KeyError, IndexError) as e:
            errors.append("lookup:" + type(e).__name__)
            raise
    except Exception as outer:
        errors.append("outer:" + type(outer).__name__)
print(errors)
