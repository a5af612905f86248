data = [["pin", "mode", "value"], ["D13", "OUT", 1], ["A0", "ADC", 512], ["D2", "IN", 0]]
widths = [max(len(str(row[i])) for row in data) for i in range(3)]
for row in data:
    print(" | ".join(str(c).ljust(w) for c, w in zip(row, widths)))
print("-+-".join("-" * w for w in widths))
