def stub(): ...
class Empty: ...
print(stub(), Empty.__name__, ..., Ellipsis, ... is Ellipsis, type(...).__name__)
x = [1, 2][...] if False else "skip"
print(x)
if True:
    pass
for _ in range(2):
    pass
print("done")
