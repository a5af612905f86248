# re pattern syntax: classes, escapes, quantifiers, groups, look-around,
# flags, Unicode and bytes subjects, and bad patterns.
import re

def show(p, s, flags=0):
    try:
        r = re.compile(p, flags)
        m = r.search(s)
        print(repr(p), repr(s), m and (m.span(), m.groups()), r.findall(s))
    except Exception as e:
        print(repr(p), type(e).__name__)

# classes and escapes
for p in [r'[abc]+', r'[^abc]+', r'[a-z0-9_]+', r'[\d\s]+', r'[^\W\d]+', r'[\]]', r'[\\]', r'[\-a]+', r'[a\-z]+',
          r'[\x20-\x2f]+', r'[\t\n]', r'\x41+', r'\101', r'\0', r'[\0-\x08]', r'\u00e9', r'\U0001F600', r'[\b]',
          r'\a\f\v', r'\.\*\+\?\(\)\{\}\|\^\$', r'\%', r'[.*+?]+', r'\w+', r'\W+', r'\d+', r'\D+', r'\s+', r'\S+']:
    show(p, 'ab1 Ac-z_\t\n!\x00\x07\x0c\x0b.*+?(){}|^$% é😀\x08\\]')

# quantifiers
for p in [r'a{2}', r'a{2,}', r'a{,2}', r'a{1,3}', r'a{1,3}?', r'a{0}', r'a{}', r'a{x}', r'a{1,x}', r'(ab){2}',
          r'(ab){1,2}?', r'(?:a|b){3}', r'a??b', r'a*?b', r'a+?', r'(a+)+b', r'.*b', r'.*?b', r'(.*)(\d+)', r'(.*?)(\d+)',
          r'x*+x', r'(?:ab)*+', r'a?+a', r'a{2,3}+a']:
    show(p, 'aaab abab x12345 xx')

# groups, backreferences, conditionals, look-around
for p in [r'(a)(b)(c)', r'(?:a)(b)', r'(?P<x>a)(?P=x)', r'(\w)\1', r'(?i)(a)\1', r'(a)?(?(1)b|c)', r'(?P<q>")?\w+(?(q)")',
          r'(?=abc)\w+', r'(?!abc)\w+', r'\w+(?=!)', r'\w+(?!\w|!)', r'(?<=a)b', r'(?<!a)b', r'(?<=ab|cd)x', r'(?<=(a))b',
          r'(?<!^)x', r'(?=(\w+))\w', r'(?!(a))\w', r'(?>a|ab)c', r'(?#comment)a', r'(a)|(b)|(c)', r'((a)(b))(c)',
          r'(a)(?:(b)|c)*', r'(a|b)*', r'(a|bc)+d']:
    show(p, 'xabcab bb !aA aa abx cdx "word" abc ad bcd')

# anchors and flags
show(r'^\w+$', 'one\ntwo\n')
show(r'(?m)^\w+$', 'one\ntwo\n')
show(r'\w+$', 'one\ntwo\n')
show(r'\w+\Z', 'one\ntwo\n')
show(r'\Aone', 'one\ntwo')
show(r'(?m)\Atwo', 'one\ntwo')
show(r'.+', 'a\nb')
show(r'(?s).+', 'a\nb')
show(r'(?s:.)\n.', 'a\nb\nc')
show(r'(?i:A)a', 'aA Aa aa')
show(r'(?i)straße', 'STRASSE Straße')
show(r'(?x) \d+ \s* # digits\n [a-z]+', '12 ab')
show(r'(?x)[ ]a', ' a')
show(r'a b', 'a b', re.X)
show(r'(?a)\w+', 'héllo')
show(r'\w+', 'héllo', re.A)
show(r'(?i)[à-ÿ]+', 'ÀÉÎõü')
show(r'(?i)σ+', 'ΣσΣ')
show(r'[^a]', '')
show(r'\bé\b', 'é ê')
show(r'\b\w+\b', 'naïve café')

# Unicode: positions are code points
s = 'αβγ δεζ ηθ'
m = re.search(r'(\w+) (\w+)', s)
print(m.span(), m.span(2), m.group(2), re.findall(r'\w+', s), re.sub(r'\w', '.', s), re.split(' ', s))
print([m.span() for m in re.finditer('.', 'a€😀b')], re.sub('€', 'EUR', 'x€y€'), re.match('.{3}', '€€€€').group())
print(re.search('😀+', 'ab😀😀c').span(), re.findall('[€-😀]', 'a€b😀'), re.escape('€.'))

# bytes
print(re.findall(rb'\d+', b'a12b345'), re.sub(rb'(\w)', rb'<\1>', b'ab'), re.split(rb'\s', b'a b'))
m = re.match(rb'(?P<a>\w+) (\w+)', b'hello world')
print(m, m.groups(), m.group('a'), m.span(2), m.groupdict())
print(re.findall(rb'\w+', 'héllo'.encode()), re.search(rb'(?i)HELLO', b'xhello').span(), re.escape(b'\x00.'))
print(re.findall(b'[\x80-\xff]', b'a\x80\xffb'), re.match(rb'.', b'\n'), re.search(rb'\s', b'\x1c \x85'))
print(re.search(b'b', bytearray(b'abc')).span(), re.sub(rb'a', lambda m: b'A', b'banana'))
for a, b in ((r'a', b'a'), (rb'a', 'a')):
    try:
        re.search(a, b)
    except TypeError as e:
        print('TypeError', e)
try:
    re.search('a', 5)
except TypeError as e:
    print('TypeError', e)

# errors: every bad pattern raises re.error
for p in ['(', ')', 'a)', '[a', '[z-a]', '*', 'a**', '+a', '?', 'a{2,1}', r'\1', r'(a)\2', '(?P<>a)', '(?P<1a>x)',
          '(?P<n>a)(?P<n>b)', '(?P=m)', '(?<=a*)b', '(?<!a|bc)d', '(?z)', r'\q', '\\', r'[\q]', '(?', '(?P', '(?<',
          r'\x4', r'\u12', '(?i', 'a(?i)', '(?#x', r'(a)(?(2)b)', '(?(a)b)', '{', 'x{', '^*', r'\b+', '(?P<a>x)(?P=a',
          '(?i-i:a)', '(?-:a)', r'[\d-z]', r'\8', r'\777', '(?L)a', '(?u)a']:
    try:
        re.compile(p)
        print(repr(p), 'ok')
    except re.error as e:
        print(repr(p), type(e).__name__, e.msg)
try:
    re.compile(rb'(?u)a')
except Exception as e:
    print(type(e).__name__)
try:
    re.compile('a', re.A | re.U)
except Exception as e:
    print(type(e).__name__)
try:
    re.compile(re.compile('a'), re.I)
except Exception as e:
    print(type(e).__name__)
e = None
try:
    re.compile('ab(c')
except re.error as err:
    e = err
print(e.msg, e.pos, e.pattern, str(e))
