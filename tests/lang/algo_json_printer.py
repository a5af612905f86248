# a hand-written JSON serializer and a tiny parser
def dumps(v, indent=None, level=0):
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = ", " if indent is None else ","
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        out = '"'
        for ch in v:
            if ch == '"':
                out += '\\"'
            elif ch == "\\":
                out += "\\\\"
            elif ch == "\n":
                out += "\\n"
            elif ord(ch) < 32:
                out += "\\u%04x" % ord(ch)
            else:
                out += ch
        return out + '"'
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        return "[" + sep.join(pad + dumps(x, indent, level + 1) for x in v) + end + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = [pad + dumps(str(k)) + ": " + dumps(x, indent, level + 1) for k, x in v.items()]
        return "{" + sep.join(items) + end + "}"
    raise TypeError("cannot serialize " + type(v).__name__)

def loads(s):
    pos = [0]
    def ws():
        while pos[0] < len(s) and s[pos[0]] in " \n\t\r":
            pos[0] += 1
    def value():
        ws()
        c = s[pos[0]]
        if c == "{":
            pos[0] += 1
            d = {}
            ws()
            if s[pos[0]] == "}":
                pos[0] += 1
                return d
            while True:
                k = value()
                ws(); pos[0] += 1  # ':'
                d[k] = value()
                ws()
                c = s[pos[0]]; pos[0] += 1
                if c == "}":
                    return d
        if c == "[":
            pos[0] += 1
            lst = []
            ws()
            if s[pos[0]] == "]":
                pos[0] += 1
                return lst
            while True:
                lst.append(value())
                ws()
                c = s[pos[0]]; pos[0] += 1
                if c == "]":
                    return lst
        if c == '"':
            pos[0] += 1
            out = ""
            while s[pos[0]] != '"':
                if s[pos[0]] == "\\":
                    pos[0] += 1
                    out += {"n": "\n", '"': '"', "\\": "\\"}[s[pos[0]]]
                else:
                    out += s[pos[0]]
                pos[0] += 1
            pos[0] += 1
            return out
        for word, val in (("true", True), ("false", False), ("null", None)):
            if s.startswith(word, pos[0]):
                pos[0] += len(word)
                return val
        start = pos[0]
        while pos[0] < len(s) and s[pos[0]] in "+-0123456789.eE":
            pos[0] += 1
        num = s[start:pos[0]]
        return float(num) if any(ch in num for ch in ".eE") else int(num)
    return value()

doc = {"name": "breadboard", "version": [1, 2, 3], "stable": False, "meta": None,
       "ratio": 0.75, "tags": ["c", "python"], "nested": {"empty": {}, "list": [], "q": 'say "hi"\n'}}
compact = dumps(doc)
print(compact)
print(dumps(doc, indent=2))
back = loads(compact)
print(back == doc, back["nested"]["q"] == doc["nested"]["q"])
print(loads(' [1, -2.5, 3e2, "x", true, null, {"a": [{}]}] '))
try:
    dumps({1, 2})
except TypeError as e:
    print(e)
