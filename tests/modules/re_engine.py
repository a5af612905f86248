# The matcher on long inputs (explicit backtrack stack: no C recursion),
# large counted repeats, empty-loop progress checks, Unicode case folding.
import re

s = 'ab' * 200000 + 'c'
print(re.match(r'(?:a|b)*c', s).end(), re.match(r'(a|b)*c', s).span(1), re.match(r'(?:ab)*c', s).end())
print(re.match(r'(?:(a)|(b))*c', s).span(1, 2) if False else re.match(r'(?:(a)|(b))*c', s).regs[1:])
print(len(re.findall(r'(a)(b)', s)), len(re.compile(r'(ab){0,20000}').match(s).group()))
print(re.search(r'(ab){500}c', s[-3000:]).start(), re.fullmatch(r'(?:ab)+c', s) is not None)
print(re.match(r'(a*)*b', 'aaaaaaaaaaaab').span(), re.match(r'(a*)*$', 'aaaa').groups(), re.match(r'(a|)*b', 'aab').groups())
print(re.match(r'(?:a*?)*?b', 'aab').span(), re.match(r'((?:a?)*)*x', 'aax').groups(), re.match(r'(a*)+?b', 'ab').groups())
print(re.match(r'(a?){20}a{20}', 'a' * 20).span(), re.match('a{1000}', 'a' * 1000).end(), re.match('a{1000}', 'a' * 999))
print(re.match(r'(?:x|xy)*z', 'xy' * 1000 + 'z').end(), re.match(r'.*.*.*x', 'a' * 200) is None)
print(len(re.findall(r'\w+', 'word ' * 50000)), len(re.sub(r'\s', '', ' x ' * 30000)), len(re.split(',', 'a,' * 40000)))
t = 'héllo wörld ' * 5000
print(len(re.findall(r'\w+', t)), len(re.sub('ö', 'oe', t)), sum(1 for _ in re.finditer('l+', t)), re.search('d', t[::-1]).span())
print(re.search('(?i)é', 'xÉ'), re.search('(?i)É+', 'xéÉé'), re.findall('(?i)[é]', 'éÉ'), re.match(r'(?i)(é)\1', 'éÉ'))
print(re.findall('(?i)ǅ', 'Ǆǅǆ'), re.findall(r'(?i)\w+', 'ÀÉÎ õü'), re.sub('(?i)Ä', '*', 'äÄa'))
print(re.search(r'(?<=\d{3})x', '12x 123x').span(), re.search(r'(?<![a-z]{2})\d', 'ab1 c2').span())
print(re.match(r'(?=(a+))a*b\1', 'baaabac'), re.search(r'(?=(a+))a*b\1', 'baaabac').span())
print(re.search(r'(?>a+)a', 'aaaa'), re.search(r'(?>a|ab)c', 'abc'), re.search(r'(?>ab|a)c', 'abc').span())
print(re.search(r'\d++\d', '123'), re.search(r'\w*+!', 'abc!').span(), re.findall(r'[ab]?+b', 'abb'))
