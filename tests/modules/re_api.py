# re module API: functions, Pattern and Match objects, templates, flags.
import re

p = re.compile(r'(?P<key>\w+)=(?P<val>\d+)')
m = p.search('x: alpha=12 beta=7')
print(m)
print(m.group(), m.group(0), m.group(1), m.group('val'), m.group(1, 'val', 0))
print(m[0], m['key'], m[2])
print(m.groups(), m.groupdict(), m.span(), m.span('val'), m.start(), m.end(), m.start(2), m.end('key'))
print(m.string, m.re is p, m.pos, m.endpos, m.lastindex, m.lastgroup, m.regs)
print(m.expand(r'\g<val>:\1 [\g<0>]'))
print(p.pattern, p.groups, sorted(p.groupindex.items()), p.flags)
print(p.findall('a=1 b=22 c=x d=333'))
print([x.groupdict() for x in p.finditer('a=1 b=22')])
print(p.sub(r'\g<val>=\g<key>', 'a=1 b=22'), p.subn(r'<\2>', 'a=1 b=22 c=3', count=2))
print(p.split('pre a=1 mid b=2 post'), p.split('a=1 b=2', maxsplit=1))

# optional groups and defaults
m = re.match(r'(a)(b)?(c)?', 'ac')
print(m.groups(), m.groups('-'), m.group(2), m.span(2), m.start(3), m.lastindex)
m = re.match(r'(?P<x>a)(?P<y>b)?', 'a')
print(m.groupdict(), m.groupdict(0), m.lastgroup)
print(re.match(r'((a)b)', 'ab').lastindex, re.match(r'(a)(b?)', 'a').lastindex, re.match('a', 'a').lastindex)
for bad in (5, 'nope', -1):
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)

# pos / endpos
p = re.compile(r'\d+')
print(p.search('ab12cd345', 3), p.search('ab12cd345', 0, 3), p.match('ab12', 2), p.match('ab12', 1))
print(p.findall('1 22 333 4444', 2, 9), list(m.span() for m in p.finditer('1 22 333', 1)))
print(re.compile('^a').search('ba', 1), re.compile('(?m)^a').search('b\na', 1), re.compile('a$').search('ab', 0, 1))
print(p.fullmatch('a123b', 1, 4), p.search('123', 5), p.search('123', -5), p.search('123', 2, 1))
m = p.search('xx123yy', 1, 6)
print(m.pos, m.endpos, m)

# module-level functions with flags
print(re.match('abc', 'ABCD', re.I), re.search('^b', 'a\nb', re.M), re.findall('a.c', 'a\nc abc', re.S))
print(re.split('x', 'AxBXc', flags=re.I), re.sub('a', '-', 'AaA', flags=re.IGNORECASE), re.subn('a', '-', 'AaA', 1, re.I))
print(re.fullmatch('a|ab', 'ab'), re.match('a|ab', 'ab'))
print([int(f) for f in (re.I, re.IGNORECASE, re.M, re.MULTILINE, re.S, re.DOTALL, re.X, re.VERBOSE, re.A, re.ASCII, re.U)])

# sub templates and callables
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home ann@work'))
print(re.sub(r'(a)|b', r'[\1]', 'abab'))
print(re.sub('a', r'\n\t\\', 'xax'), re.sub('a', '\\\\', 'aa'), re.sub('(a)', r'\g<1>0', 'a'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c9'))
print(re.sub('x', '', 'axbxc'), re.sub('', '-', 'abc'), re.sub('b*', '-', 'abc'), re.sub('$', '!', 'a\n'))
print(re.subn(r'\s+', ' ', '  a   b  '), re.sub('a', 'b', 'ccc'), re.sub('a', 'b', 'aaa', 0), re.sub('a', 'b', 'aaa', 2))
print(re.sub('(?P<n>o)', r'\g<n>\g<n>', 'foo'))
for tpl in (r'\g<3>', r'\g<zz>', r'\q', r'\g<1', r'\9'):
    try:
        print(re.sub('(a)(b)', tpl, 'ab'))
    except Exception as e:
        print(tpl, type(e).__name__)

# split
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split('[a-f]+', '0a3B9', flags=re.I))
print(re.split(r'(\W+)?', '...words, words...'), re.split(r'\b', 'a b'), re.split('', 'abc'), re.split('x', ''))
print(re.split(r'(a)|(b)', 'xaybz'), re.split(',', 'a,b,,c,', maxsplit=2), re.split('z', 'abc'))

# findall / finditer shapes
print(re.findall(r'\d', 'a1b22'), re.findall(r'(\d)(\w)', 'a1b22c3'), re.findall(r'(\d)', '12'), re.findall(r'(x)?y', 'yxy'))
print(re.findall('', 'ab'), re.findall('a*', 'baac'), re.findall(r'\b\w', 'hi there you'))
print([(m.start(), m.group()) for m in re.finditer(r'\w+', 'one two  three')])
it = re.finditer('a', 'aa')
print(next(it).span(), next(it).span(), list(it))

# escape, purge, reprs
print(re.escape('1.5*[x]+(y)?{z}^$|\\ -#&~'), re.escape('abc_123'), re.escape(b'a.b'))
re.purge()
print(re.compile('a+b'), re.compile('x', re.I | re.S), re.compile(b'\\d'), re.compile('(?i)x'))
print(repr(re.match(b'ab', b'abc')), re.match('', 'x'), re.compile('a') == re.compile('a'), re.compile('a') == re.compile('b'))
print(re.compile(re.compile('abc')).pattern, int(re.compile('a', re.I).flags & re.I), int(re.compile('(?s)a').flags & re.S))
print(isinstance(re.compile('a'), re.Pattern), isinstance(re.match('a', 'a'), re.Match))
print(bool(re.match('a', 'a')), re.match('a', 'b') is None)
print(issubclass(re.error, Exception))
