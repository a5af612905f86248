# bank accounts with custom exceptions, class hierarchy and a transaction log
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__("%s cannot withdraw %d (balance %d)" % (account.owner, amount, account.balance))
        self.amount = amount
class AccountFrozen(BankError):
    pass

class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.history = []
        self.id = Account.next_id
        Account.next_id += 1
    def _check(self):
        if self.frozen:
            raise AccountFrozen("account %d is frozen" % self.id)
    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))
        return self
    def withdraw(self, amount):
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("wd", amount))
        return self
    def __repr__(self):
        return "%s(#%d %s: %d)" % (type(self).__name__, self.id, self.owner, self.balance)

class Savings(Account):
    rate_percent = 3
    def add_interest(self):
        interest = self.balance * self.rate_percent // 100
        self.deposit(interest)
        return interest

class Overdraft(Account):
    def __init__(self, owner, balance=0, limit=100):
        super().__init__(owner, balance)
        self.limit = limit
    def withdraw(self, amount):
        self._check()
        if amount > self.balance + self.limit:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("wd", amount))
        return self

def transfer(src, dst, amount):
    try:
        src.withdraw(amount)
    except BankError as e:
        return "failed: " + str(e)
    else:
        dst.deposit(amount)
        return "ok"
    finally:
        log.append((src.id, dst.id, amount))

log = []
a = Account("ann", 100)
s = Savings("sam", 1000)
o = Overdraft("oli", 10, limit=50)
print(a, s, o)
print(transfer(a, s, 30), transfer(a, s, 500), transfer(o, a, 55), transfer(o, a, 10))
print(a, s, o)
print("interest", s.add_interest(), s)
a.frozen = True
print(transfer(a, s, 1))
try:
    a.deposit(5)
except BankError as e:
    print(type(e).__name__, e)
try:
    s.deposit(-5)
except ValueError as e:
    print("ValueError", e)
print(log)
print(a.history, s.history, o.history)
accounts = [a, s, o]
print(sorted(accounts, key=lambda acc: acc.balance))
print(sum(acc.balance for acc in accounts), [type(acc).__name__ for acc in accounts])
print(isinstance(s, Account), issubclass(InsufficientFunds, BankError), s.deposit(1).deposit(2).balance)
