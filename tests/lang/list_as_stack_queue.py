stack = []
for i in range(5):
    stack.append(i)
print([stack.pop() for _ in range(3)], stack)
queue = list("abc")
queue.append("d")
print(queue.pop(0), queue.pop(0), queue)
matrix = [[0] * 3 for _ in range(3)]
matrix[1][1] = 5
print(matrix)
shared = [[0] * 3] * 3
shared[1][1] = 5
print(shared)
