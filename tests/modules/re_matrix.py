# A matrix of patterns x subjects through every matching function (vs CPython).
import re
pats = [r'a*', r'a+?', r'(a|ab)(c|bcd)(d*)', r'^(\w+)\s*=\s*(.*)$', r'(?m)^\w+', r'(?s)a.b', r'a.b', r'[^a-c]+',
 r'[a-c\d]+', r'[\w.-]+@[\w-]+\.\w+', r'\bfoo\b', r'\Bo\B', r'(\d{1,3})(?:,(\d{3}))*', r'x{2,}', r'x{,2}', r'x{2}?',
 r'(?i)hello', r'(?i)[a-z]+', r'(\w)\1', r'(?P<q>[\'"]).*?(?P=q)', r'(?=\d)\w+', r'(?<!\$)\b\d+', r'(?<=\$)\d+',
 r'(a)|(b)', r'(a)?(b)?c', r'(?:ab)+', r'(ab|a)*?b', r'a|', r'|a', r'()', r'(a*)+', r'(a*|b)*', r'\s+', r'\S+',
 r'[\s\S]', r'[]a]', r'[^]a]', r'[a-]', r'[-a]', r'\$\d+\.\d\d', r'(?x) a b # comment\n c', r'(?>a+)b', r'a++b', r'a*+a',
 r'(a)(?(1)b|c)', r'(?:(a)|x)(?(1)b|c)', r'\d+$', r'(?m)\d+$', r'\A\w', r'\w\Z', r'.', r'[.]', r'\.', r'a{3,5}?', r'(?:a{2})*',
 r'((a)|b)+', r'(a|b)*c', r'[\x41-\x43]', r'\x41\u0042', r'\t', r'[0-9a-fA-F]+', r'(?i)[^a]', r'(?i)K', r'(.)(.)(.)\3\2\1']
texts = ['', 'aaa', 'abcdd x = 1 + 2', 'foo bar\nbaz qux\n', 'hello HeLLo abba', 'say "hi" and \'yo\' $100 and 200 $3',
         '1,234,567 xxxxx x xx', 'foo.bar@ex-ample.com aab ab abab bc ac', 'Kk ABC  \t\n a]b-c', 'abccba 123abc\n456\n']
for p in pats:
    r = re.compile(p)
    for t in texts:
        out = []
        m = r.match(t); out.append(m and (m.span(), m.groups(), m.lastindex))
        m = r.search(t); out.append(m and (m.span(), m.groups()))
        m = r.fullmatch(t); out.append(m and m.span())
        out.append(r.findall(t))
        out.append([m.span() for m in r.finditer(t)])
        out.append(r.sub('<\\g<0>>', t))
        out.append(r.split(t))
        out.append(r.subn('', t, 2))
        print(repr(p), repr(t), out)
