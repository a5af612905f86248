# Regular expressions: compile once, then search/findall/sub/split/match over generated text.
import re

words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta']
lines = []
seed = 12345
for i in range(2000):
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    w = words[seed % 8]
    lines.append('%s-%d user%d@host%d.example.com value=%d.%02d; %s' % (w, i, seed % 97, i % 13, seed % 1000, i % 100, w.upper()))
text = '\n'.join(lines)

num = re.compile(r'\d+')
email = re.compile(r'([\w.]+)@([\w-]+)\.(\w+)')
kv = re.compile(r'(\w+)=(\d+)\.(\d+)')
word = re.compile(r'\b[a-z]+\b')
lit = re.compile('epsilon')
ci = re.compile('theta', re.I)
head = re.compile(r'^(\w+)-(\d+)', re.M)

total = 0
for rep in range(6):
    total += len(num.findall(text))
    total += sum(len(m.group(2)) for m in email.finditer(text))
    total += len(kv.sub(r'\1:\3', text))
    total += len(word.findall(text))
    total += len(lit.findall(text)) + len(ci.findall(text))
    total += sum(int(m.group(2)) for m in head.finditer(text)) % 1000
    total += len(re.split(r'[;\n]\s*', text))
    for line in lines[:500]:
        m = kv.search(line)
        if m:
            total += int(m.group(2))
        if num.match(line) is None:
            total += 1
print(total)
