log = []
def f():
    try:
        log.append("try")
        raise ValueError
    except ValueError:
        log.append("except")
        return "ret"
    finally:
        log.append("finally")
print(f(), log)
def g():
    try:
        try:
            raise KeyError
        finally:
            log.append("inner finally")
    except KeyError:
        log.append("outer except")
g(); print(log)
def h():
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise ValueError(i)
            finally:
                log.append("f%d" % i)
        except ValueError as e:
            log.append("caught %s" % e)
h(); print(log[-5:])
