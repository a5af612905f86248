rows = [("apple", 1.5, 10), ("banana", 0.25, 150), ("kiwi", 12.0, 3)]
print("{:<10}|{:>8}|{:^6}".format("name", "price", "qty"))
for name, price, qty in rows:
    print("{:<10}|{:>8.2f}|{:^6d}".format(name, price, qty))
print("%-10s|%8.2f|%6d" % rows[0])
print(f"{'total':<10}|{sum(r[1] * r[2] for r in rows):>8.2f}|")
print("{:0>4} {:x<4} {:^+8.2f} {:=+8d}".format(7, 7, 3.14159, -7))
