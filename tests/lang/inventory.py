inventory = {"apple": 5, "pear": 0, "fig": 12}
orders = [("apple", 3), ("pear", 1), ("fig", 12), ("kiwi", 1), ("apple", 3)]
log = []
for item, qty in orders:
    have = inventory.get(item)
    if have is None:
        log.append("unknown " + item)
    elif have < qty:
        log.append("short %s: %d < %d" % (item, have, qty))
    else:
        inventory[item] = have - qty
        log.append("ok %s" % item)
print("\n".join(log))
print(sorted(inventory.items(), key=lambda kv: kv[1]))
