# binary search tree: insert, search, delete, traversals, height
class BST:
    class _N:
        def __init__(self, k):
            self.key = k
            self.left = self.right = None
    def __init__(self):
        self.root = None
        self.n = 0
    def insert(self, k):
        if self.root is None:
            self.root = BST._N(k)
            self.n += 1
            return
        cur = self.root
        while True:
            if k == cur.key:
                return
            side = "left" if k < cur.key else "right"
            nxt = getattr(cur, side)
            if nxt is None:
                setattr(cur, side, BST._N(k))
                self.n += 1
                return
            cur = nxt
    def __contains__(self, k):
        cur = self.root
        while cur:
            if k == cur.key:
                return True
            cur = cur.left if k < cur.key else cur.right
        return False
    def inorder(self):
        def go(n):
            if n:
                yield from go(n.left)
                yield n.key
                yield from go(n.right)
        return list(go(self.root))
    def preorder(self):
        out, stack = [], [self.root] if self.root else []
        while stack:
            n = stack.pop()
            out.append(n.key)
            if n.right: stack.append(n.right)
            if n.left: stack.append(n.left)
        return out
    def levels(self):
        out, q = [], [self.root] if self.root else []
        while q:
            out.append([n.key for n in q])
            q = [c for n in q for c in (n.left, n.right) if c]
        return out
    def height(self):
        def h(n):
            return 0 if n is None else 1 + max(h(n.left), h(n.right))
        return h(self.root)
    def delete(self, k):
        def rm(n, k):
            if n is None:
                return None
            if k < n.key:
                n.left = rm(n.left, k)
            elif k > n.key:
                n.right = rm(n.right, k)
            else:
                if n.left is None:
                    return n.right
                if n.right is None:
                    return n.left
                succ = n.right
                while succ.left:
                    succ = succ.left
                n.key = succ.key
                n.right = rm(n.right, succ.key)
            return n
        if k in self:
            self.root = rm(self.root, k)
            self.n -= 1
    def __len__(self):
        return self.n

t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30]:
    t.insert(k)
print(len(t), t.inorder())
print(t.preorder())
print(t.levels(), t.height())
print(40 in t, 41 in t)
t.delete(30)
t.delete(50)
t.delete(999)
print(len(t), t.inorder(), t.levels())
words = BST()
for w in "the quick brown fox jumps over the lazy dog".split():
    words.insert(w)
print(words.inorder(), words.height())
skew = BST()
for i in range(30):
    skew.insert(i)
print(skew.height(), len(skew), skew.levels()[-1])
