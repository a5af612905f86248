class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self.balance += amount
        self.history.append(("dep", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise RuntimeError("insufficient funds")
        self.balance -= amount
        self.history.append(("wd", amount))
    def __repr__(self):
        return "Account(%d, %r, %d)" % (self.id, self.owner, self.balance)
accts = [Account("ann", 100), Account("ben"), Account("cy", 50)]
ops = [(0, "withdraw", 30), (1, "deposit", 70), (2, "withdraw", 80), (1, "deposit", -5), (0, "deposit", 5)]
for i, op, amt in ops:
    try:
        getattr(accts[i], op)(amt)
    except (ValueError, RuntimeError) as e:
        print("error:", type(e).__name__, e)
print(accts, [len(a.history) for a in accts], sum(a.balance for a in accts))
