# singly linked list with iteration, reversal, dunders
class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt

class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for it in reversed(list(items)):
            self.push(it)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def append(self, v):
        node = Node(v)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self.size += 1
    def pop(self):
        if self.head is None:
            raise IndexError("pop from empty list")
        v = self.head.val
        self.head = self.head.next
        self.size -= 1
        return v
    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.val
            cur = cur.next
    def __len__(self):
        return self.size
    def __contains__(self, v):
        return any(x == v for x in self)
    def __getitem__(self, i):
        if i < 0:
            i += self.size
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("index out of range")
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def remove(self, v):
        prev, cur = None, self.head
        while cur:
            if cur.val == v:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self.size -= 1
                return True
            prev, cur = cur, cur.next
        return False
    def __repr__(self):
        return "LL[" + " -> ".join(repr(v) for v in self) + "]"
    def __eq__(self, other):
        return list(self) == list(other)

ll = LinkedList([1, 2, 3])
ll.append(4)
ll.push(0)
print(ll, len(ll), 3 in ll, 9 in ll, ll[0], ll[-1], ll[2])
ll.reverse()
print(ll, list(ll), sum(ll), max(ll))
print(ll.remove(2), ll.remove(42), ll)
print(ll.pop(), ll.pop(), ll, len(ll))
print(ll == LinkedList([1, 0]), ll == [1, 0], LinkedList() == LinkedList([]))
empty = LinkedList()
print(empty, len(empty), bool(empty), list(empty))
try:
    empty.pop()
except IndexError as e:
    print("IndexError", e)
try:
    ll[10]
except IndexError as e:
    print("IndexError", e)

def merge_sorted(a, b):
    out = LinkedList()
    ia, ib = iter(a), iter(b)
    va, vb = next(ia, None), next(ib, None)
    while va is not None or vb is not None:
        if vb is None or (va is not None and va <= vb):
            out.append(va)
            va = next(ia, None)
        else:
            out.append(vb)
            vb = next(ib, None)
    return out
print(merge_sorted(LinkedList([1, 4, 9]), LinkedList([2, 3, 10, 11])))
big = LinkedList(range(200))
big.reverse()
print(big[0], big[199], len(big), sum(big))
