async def fails():
    raise ValueError("async boom")
async def catcher():
    try:
        await fails()
    except ValueError as e:
        return "caught " + str(e)
def drive(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
print(drive(catcher()))
async def nothing():
    return 5
c = nothing()
print(type(c).__name__)
print(drive(c))
async def closer():
    try:
        await Sleeper()
    finally:
        print("cleanup on close")
class Sleeper:
    def __await__(self):
        yield
co = closer(); co.send(None); co.close(); print("closed")
