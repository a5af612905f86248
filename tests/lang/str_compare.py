words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), min(words), max(words))
print("a" < "b", "A" < "a", "abc" < "abd", "ab" < "abc", "" < "a", "Z" < "a", "é" > "z")
print("abc" == "abc", "abc" != "ABC", "abc".upper() == "ABC", "a" * 0 == "")
print(sorted(["10", "9", "100"]), sorted(["10", "9", "100"], key=int))
