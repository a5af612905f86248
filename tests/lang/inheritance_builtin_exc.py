class AppError(Exception):
    pass
class NetError(AppError):
    def __init__(self, host, code=500):
        super().__init__(host, code)
        self.host = host
        self.code = code
    def __str__(self):
        return "%s failed with %d" % (self.host, self.code)
try:
    raise NetError("example.org", 404)
except AppError as e:
    print(e, e.args, e.host, isinstance(e, Exception), repr(e)[:8])
errors = [ValueError, KeyError, NetError]
for E in errors:
    try:
        raise E("h")
    except (KeyError, AppError) as e:
        print("group1", type(e).__name__)
    except Exception as e:
        print("other", type(e).__name__)
