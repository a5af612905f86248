class Account:
    def __init__(self, balance):
        self._balance = balance
    def _get(self):
        return self._balance
    def _set(self, v):
        self._balance = max(0, v)
    def _del(self):
        print("deleting")
        self._balance = 0
    balance = property(_get, _set, _del)
a = Account(10)
a.balance -= 25
print(a.balance)
del a.balance
print(a.balance, type(Account.balance).__name__)
class Lazy:
    @property
    def value(self):
        print("computing")
        return 42
l = Lazy()
print(l.value, l.value)
