class Future:
    def __init__(self):
        self.done = False
        self.result = None
    def __await__(self):
        while not self.done:
            yield self
        return self.result
async def worker(name, fut):
    print(name, "waiting")
    v = await fut
    print(name, "got", v)
    return name + ":" + str(v)
def run_all(coros, futs):
    pending = list(coros)
    results = {}
    step = 0
    while pending:
        for c in list(pending):
            try:
                c.send(None)
            except StopIteration as e:
                results[id(c)] = e.value
                pending.remove(c)
                print("finished", e.value)
        if step < len(futs):
            futs[step].done = True
            futs[step].result = step * 10
        step += 1
    return len(results)
fs = [Future(), Future()]
print(run_all([worker("a", fs[0]), worker("b", fs[1])], fs))
