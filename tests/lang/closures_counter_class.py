def make_account(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            raise ValueError("insufficient")
        balance -= x
        return balance
    return deposit, withdraw
dep, wd = make_account(100)
print(dep(50), wd(30))
try:
    wd(1000)
except ValueError as e:
    print(e)
print(dep(0), dep.__closure__ is not None if hasattr(dep, "__closure__") else True)
