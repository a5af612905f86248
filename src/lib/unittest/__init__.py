# unittest: test cases, suites, results and a text runner, with the API
# micropython-lib's unittest offers (a subset of CPython's).  Frozen into the
# executable from src/lib/unittest.
#
# A TestCase instance is one test method.  TestCase.run(result) does
# setUp / method / tearDown and reports to the TestResult: an
# AssertionError is a failure, SkipTest a skip, any other Exception an
# error.  Failures inside `with self.subTest(...)` are reported per subtest
# and the method carries on.  main() collects the TestCase subclasses of a
# module (sorted by name, methods "test*" sorted by name), runs them with
# TextTestRunner (output on stdout, as micropython-lib) and exits with status
# 1 when anything failed.
import sys

try:
    import io
except ImportError:
    io = None

__version__ = "0.1"


class SkipTest(Exception):
    pass


class _ExpectedFailure(Exception):
    pass


class _UnexpectedSuccess(Exception):
    pass


def _format_exc(e):
    if io is not None and hasattr(sys, "print_exception"):
        buf = io.StringIO()
        sys.print_exception(e, buf)
        return buf.getvalue()
    return "%s: %s\n" % (type(e).__name__, e)


def _name(x):
    return getattr(x, "__name__", repr(x))


# ------------------------------------------------------------ decorators


def skip(reason):
    def deco(obj):
        if isinstance(obj, type):
            obj.__unittest_skip__ = reason
            return obj

        def skipped(*args, **kwargs):
            raise SkipTest(reason)

        skipped.__name__ = _name(obj)
        return skipped

    return deco


def skipIf(condition, reason):
    return skip(reason) if condition else (lambda obj: obj)


def skipUnless(condition, reason):
    return (lambda obj: obj) if condition else skip(reason)


def expectedFailure(func):
    def wrapper(*args, **kwargs):
        try:
            func(*args, **kwargs)
        except SkipTest:
            raise
        except Exception as e:
            raise _ExpectedFailure(e)
        raise _UnexpectedSuccess()

    wrapper.__name__ = _name(func)
    return wrapper


# ------------------------------------------------------------ assertions


class _AssertRaisesContext:
    def __init__(self, expected, test, regex=None, what=None):
        self.expected = expected
        self.test = test
        self.regex = regex
        self.what = what
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            name = _name(self.expected) if isinstance(self.expected, type) else str(self.expected)
            msg = "%s not raised" % name
            if self.what is not None:
                msg += " by " + self.what
            self.test.fail(msg)
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc
        if self.regex is not None:
            import re

            if not re.search(self.regex, str(exc)):
                self.test.fail('"%s" does not match "%s"' % (self.regex, exc))
        return True


class _SubTest:
    def __init__(self, case, msg, params):
        self.case = case
        self.msg = msg
        self.params = params

    def description(self):
        parts = []
        if self.msg is not None:
            parts.append("[%s]" % (self.msg,))
        if self.params:
            parts.append("(%s)" % ", ".join("%s=%r" % (k, v) for k, v in sorted(self.params.items())))
        return " ".join(parts) or "(<subtest>)"

    def id(self):
        return "%s %s" % (self.case.id(), self.description())

    def __str__(self):
        return "%s %s" % (self.case, self.description())

    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            return False
        if issubclass(exc_type, (KeyboardInterrupt, SystemExit)):
            return False
        result = self.case._result
        if result is None:
            return False
        if issubclass(exc_type, SkipTest):
            result.addSkip(self, str(exc))
        elif issubclass(exc_type, AssertionError):
            result.addSubTest(self.case, self, (exc_type, exc, tb), failure=True)
            self.case._sub_failed = True
        else:
            result.addSubTest(self.case, self, (exc_type, exc, tb), failure=False)
            self.case._sub_failed = True
        return True


class TestCase:
    failureException = AssertionError
    longMessage = True
    maxDiff = None

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._result = None
        self._sub_failed = False

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def setUp(self):
        pass

    def tearDown(self):
        pass

    def id(self):
        c = type(self)
        return "%s.%s.%s" % (c.__module__, c.__name__, self._testMethodName)

    def __str__(self):
        c = type(self)
        return "%s (%s.%s)" % (self._testMethodName, c.__module__, c.__name__)

    def __repr__(self):
        c = type(self)
        return "<%s.%s testMethod=%s>" % (c.__module__, c.__name__, self._testMethodName)

    def countTestCases(self):
        return 1

    def shortDescription(self):
        return None

    # -- running

    def __call__(self, result=None):
        return self.run(result)

    def run(self, result=None):
        if result is None:
            result = TestResult()
        self._result = result
        self._sub_failed = False
        result.startTest(self)
        try:
            cls_skip = getattr(type(self), "__unittest_skip__", None)
            if cls_skip is not None:
                result.addSkip(self, cls_skip)
                return result
            try:
                self.setUp()
            except SkipTest as e:
                result.addSkip(self, str(e))
                return result
            except Exception as e:
                result.addError(self, (type(e), e, None))
                return result
            ok = False
            try:
                getattr(self, self._testMethodName)()
                ok = True
            except SkipTest as e:
                result.addSkip(self, str(e))
            except _ExpectedFailure as e:
                result.addExpectedFailure(self, (type(e.args[0]), e.args[0], None))
            except _UnexpectedSuccess:
                result.addUnexpectedSuccess(self)
            except AssertionError as e:
                result.addFailure(self, (type(e), e, None))
            except Exception as e:
                result.addError(self, (type(e), e, None))
            try:
                self.tearDown()
            except Exception as e:
                ok = False
                result.addError(self, (type(e), e, None))
            if ok and not self._sub_failed:
                result.addSuccess(self)
        finally:
            result.stopTest(self)
            self._result = None
        return result

    def subTest(self, msg=None, **params):
        return _SubTest(self, msg, params)

    def skipTest(self, reason):
        raise SkipTest(reason)

    # -- assertions

    def _formatMessage(self, msg, standard):
        if msg is None:
            return standard
        if not self.longMessage:
            return msg
        return "%s : %s" % (standard, msg)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def assertEqual(self, first, second, msg=None):
        if not first == second:
            self.fail(self._formatMessage(msg, "%r != %r" % (first, second)))

    assertListEqual = assertTupleEqual = assertDictEqual = assertSetEqual = assertSequenceEqual = assertEqual
    assertMultiLineEqual = assertEqual

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self.fail(self._formatMessage(msg, "%r == %r" % (first, second)))

    def assertTrue(self, expr, msg=None):
        if not expr:
            self.fail(self._formatMessage(msg, "%r is not true" % (expr,)))

    def assertFalse(self, expr, msg=None):
        if expr:
            self.fail(self._formatMessage(msg, "%r is not false" % (expr,)))

    def assertIs(self, first, second, msg=None):
        if first is not second:
            self.fail(self._formatMessage(msg, "%r is not %r" % (first, second)))

    def assertIsNot(self, first, second, msg=None):
        if first is second:
            self.fail(self._formatMessage(msg, "unexpectedly identical: %r" % (first,)))

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self.fail(self._formatMessage(msg, "%r is not None" % (obj,)))

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self.fail(self._formatMessage(msg, "unexpectedly None"))

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self.fail(self._formatMessage(msg, "%r not found in %r" % (member, container)))

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self.fail(self._formatMessage(msg, "%r unexpectedly found in %r" % (member, container)))

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self.fail(self._formatMessage(msg, "%r is not an instance of %r" % (obj, cls)))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self.fail(self._formatMessage(msg, "%r is an instance of %r" % (obj, cls)))

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self.fail(self._formatMessage(msg, "%r not greater than %r" % (a, b)))

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self.fail(self._formatMessage(msg, "%r not greater than or equal to %r" % (a, b)))

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self.fail(self._formatMessage(msg, "%r not less than %r" % (a, b)))

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self.fail(self._formatMessage(msg, "%r not less than or equal to %r" % (a, b)))

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            std = "%r != %r within %r delta (%r difference)" % (first, second, delta, diff)
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            std = "%r != %r within %r places (%r difference)" % (first, second, places, diff)
        self.fail(self._formatMessage(msg, std))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            std = "%r == %r within %r delta (%r difference)" % (first, second, delta, diff)
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            std = "%r == %r within %r places" % (first, second, places)
        self.fail(self._formatMessage(msg, std))

    def assertCountEqual(self, first, second, msg=None):
        a, b = list(first), list(second)
        for x in a:
            if x in b:
                b.remove(x)
            else:
                self.fail(self._formatMessage(msg, "Element counts were not equal: %r vs %r" % (first, second)))
        if b:
            self.fail(self._formatMessage(msg, "Element counts were not equal: %r vs %r" % (first, second)))

    def assertRaises(self, expected, *args, **kwargs):
        if not args:
            return _AssertRaisesContext(expected, self)
        func = args[0]
        with _AssertRaisesContext(expected, self, what=_name(func)):
            func(*args[1:], **kwargs)

    def assertRaisesRegex(self, expected, regex, *args, **kwargs):
        if not args:
            return _AssertRaisesContext(expected, self, regex)
        func = args[0]
        with _AssertRaisesContext(expected, self, regex, what=_name(func)):
            func(*args[1:], **kwargs)

    def assertWarns(self, warn, *args, **kwargs):
        # no warnings machinery: nothing is raised, the body just runs
        if not args:
            return _NullContext()
        return args[0](*args[1:], **kwargs)


class _NullContext:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


class FunctionTestCase(TestCase):
    def __init__(self, func, setUp=None, tearDown=None):
        TestCase.__init__(self, "runTest")
        self._func = func
        self._set_up = setUp
        self._tear_down = tearDown

    def setUp(self):
        if self._set_up is not None:
            self._set_up()

    def tearDown(self):
        if self._tear_down is not None:
            self._tear_down()

    def runTest(self):
        self._func()

    def id(self):
        return _name(self._func)

    def __str__(self):
        return _name(self._func)


# ------------------------------------------------------------ suites


class TestSuite:
    def __init__(self, tests=()):
        self._tests = []
        for t in tests:
            self.addTest(t)

    def addTest(self, test):
        self._tests.append(test)

    def addTests(self, tests):
        for t in tests:
            self.addTest(t)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        return sum(t.countTestCases() for t in self._tests)

    def __call__(self, result):
        return self.run(result)

    def run(self, result):
        # class fixtures run once around each run of consecutive tests of a class
        current = None
        skip_class = False
        for t in self._tests:
            if isinstance(t, TestSuite):
                if current is not None:
                    _class_teardown(current, result, skip_class)
                    current = None
                t.run(result)
                continue
            cls = type(t)
            if cls is not current:
                if current is not None:
                    _class_teardown(current, result, skip_class)
                current = cls
                skip_class = not _class_setup(cls, result)
            if skip_class:
                continue
            t.run(result)
            if result.shouldStop:
                break
        if current is not None:
            _class_teardown(current, result, skip_class)
        return result


def _class_setup(cls, result):
    if getattr(cls, "__unittest_skip__", None) is not None:
        return True
    try:
        cls.setUpClass()
    except SkipTest as e:
        result.addSkip(_ClassFixture(cls, "setUpClass"), str(e))
        return False
    except Exception as e:
        result.addError(_ClassFixture(cls, "setUpClass"), (type(e), e, None))
        return False
    return True


def _class_teardown(cls, result, skipped):
    if skipped or getattr(cls, "__unittest_skip__", None) is not None:
        return
    try:
        cls.tearDownClass()
    except Exception as e:
        result.addError(_ClassFixture(cls, "tearDownClass"), (type(e), e, None))


class _ClassFixture:
    def __init__(self, cls, what):
        self.cls = cls
        self.what = what

    def id(self):
        return "%s.%s.%s" % (self.cls.__module__, self.cls.__name__, self.what)

    def __str__(self):
        return "%s (%s.%s)" % (self.what, self.cls.__module__, self.cls.__name__)


class TestLoader:
    testMethodPrefix = "test"

    def getTestCaseNames(self, cls):
        names = []
        for n in dir(cls):
            if n.startswith(self.testMethodPrefix) and callable(getattr(cls, n)):
                names.append(n)
        names.sort()
        return names

    def loadTestsFromTestCase(self, cls):
        names = self.getTestCaseNames(cls)
        if not names and hasattr(cls, "runTest"):
            names = ["runTest"]
        return TestSuite([cls(n) for n in names])

    def loadTestsFromModule(self, module):
        suite = TestSuite()
        items = []
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, TestCase) and obj is not TestCase:
                items.append((name, obj))
        items.sort(key=lambda it: it[0])
        for name, cls in items:
            suite.addTest(self.loadTestsFromTestCase(cls))
        return suite


defaultTestLoader = TestLoader()


# ------------------------------------------------------------ results


class TestResult:
    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failures = []  # (test, traceback text)
        self.errors = []
        self.skipped = []  # (test, reason)
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.testsRun = 0
        self.shouldStop = False

    def wasSuccessful(self):
        return not self.failures and not self.errors and not self.unexpectedSuccesses

    def stop(self):
        self.shouldStop = True

    def startTest(self, test):
        self.testsRun += 1

    def stopTest(self, test):
        pass

    def addSuccess(self, test):
        pass

    def addFailure(self, test, err):
        self.failures.append((test, _format_exc(err[1])))

    def addError(self, test, err):
        self.errors.append((test, _format_exc(err[1])))

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, _format_exc(err[1])))

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def addSubTest(self, test, subtest, err, failure=None):
        if err is None:
            return
        if failure is None:
            failure = issubclass(err[0], AssertionError)
        (self.failures if failure else self.errors).append((subtest, _format_exc(err[1])))

    def __repr__(self):
        return "<unittest.TestResult run=%d errors=%d failures=%d>" % (
            self.testsRun, len(self.errors), len(self.failures))


class TextTestResult(TestResult):
    """Prints "name ... ok" lines as the tests run (on stdout)."""

    def __init__(self, stream=None, descriptions=None, verbosity=1):
        TestResult.__init__(self)
        self.verbosity = verbosity

    def startTest(self, test):
        TestResult.startTest(self, test)
        print("%s ..." % test, end=" ")

    def addSuccess(self, test):
        print("ok")

    def addFailure(self, test, err):
        TestResult.addFailure(self, test, err)
        print("FAIL")

    def addError(self, test, err):
        TestResult.addError(self, test, err)
        if isinstance(test, _ClassFixture):
            print("%s ... ERROR" % test)
        else:
            print("ERROR")

    def addSkip(self, test, reason):
        TestResult.addSkip(self, test, reason)
        if isinstance(test, (_ClassFixture, _SubTest)):
            return
        print("skipped %r" % (reason,))

    def addExpectedFailure(self, test, err):
        TestResult.addExpectedFailure(self, test, err)
        print("expected failure")

    def addUnexpectedSuccess(self, test):
        TestResult.addUnexpectedSuccess(self, test)
        print("unexpected success")

    def addSubTest(self, test, subtest, err, failure=None):
        TestResult.addSubTest(self, test, subtest, err, failure)
        if err is not None:
            print("\n  %s ... %s" % (subtest.description(), "FAIL" if failure else "ERROR"), end=" ")


class TextTestRunner:
    def __init__(self, stream=None, descriptions=True, verbosity=1, failfast=False, **kwargs):
        self.verbosity = verbosity
        self.failfast = failfast

    def run(self, test):
        result = TextTestResult(verbosity=self.verbosity)
        test(result)
        print()
        for kind, items in (("ERROR", result.errors), ("FAIL", result.failures)):
            for t, text in items:
                print("=" * 70)
                print("%s: %s" % (kind, t))
                print("-" * 70)
                print(text, end="")
                print()
        print("-" * 70)
        n = result.testsRun
        print("Ran %d test%s" % (n, "" if n == 1 else "s"))
        print()
        extra = []
        if result.failures:
            extra.append("failures=%d" % len(result.failures))
        if result.errors:
            extra.append("errors=%d" % len(result.errors))
        if result.skipped:
            extra.append("skipped=%d" % len(result.skipped))
        if result.expectedFailures:
            extra.append("expected failures=%d" % len(result.expectedFailures))
        if result.unexpectedSuccesses:
            extra.append("unexpected successes=%d" % len(result.unexpectedSuccesses))
        status = "OK" if result.wasSuccessful() else "FAILED"
        print(status + (" (%s)" % ", ".join(extra) if extra else ""))
        return result


def main(module="__main__", defaultTest=None, argv=None, testRunner=None, testLoader=None, exit=True, **kwargs):
    if isinstance(module, str):
        module = sys.modules[module]
    loader = testLoader or defaultTestLoader
    if defaultTest is not None:
        names = [defaultTest] if isinstance(defaultTest, str) else list(defaultTest)
        suite = TestSuite()
        for n in names:
            obj = getattr(module, n)
            suite.addTest(loader.loadTestsFromTestCase(obj) if isinstance(obj, type) else obj)
    else:
        suite = loader.loadTestsFromModule(module)
    runner = testRunner or TextTestRunner()
    if isinstance(runner, type):
        runner = runner()
    result = runner.run(suite)
    if exit and not result.wasSuccessful():
        sys.exit(1)
    return result
