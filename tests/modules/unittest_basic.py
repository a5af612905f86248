# unittest: assertions, fixtures, skips, subTest and expected failures, run
# through TestLoader/TestResult and reported in this script's own format
# (the text runner's layout differs between CPython and micropython-lib)
import unittest

log = []


class Asserts(unittest.TestCase):
    def test_equal(self):
        self.assertEqual(1 + 1, 2)
        self.assertNotEqual(1, 2)
        self.assertEqual([1, (2, "x")], [1, (2, "x")])

    def test_truth(self):
        self.assertTrue([0])
        self.assertFalse("")
        self.assertIs(None, None)
        self.assertIsNot([], [])
        self.assertIsNone(None)
        self.assertIsNotNone(0)

    def test_membership(self):
        self.assertIn(2, [1, 2])
        self.assertNotIn("z", "abc")
        self.assertIsInstance(True, int)
        self.assertNotIsInstance(1, str)

    def test_order(self):
        self.assertGreater(2, 1)
        self.assertGreaterEqual(2, 2)
        self.assertLess(1, 2)
        self.assertLessEqual(2, 2)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertAlmostEqual(1.0, 1.04, delta=0.05)
        self.assertAlmostEqual(1.0, 1.001, places=2)
        self.assertNotAlmostEqual(1.0, 1.1)

    def test_raises(self):
        with self.assertRaises(KeyError) as cm:
            {}["k"]
        print("caught", repr(cm.exception))
        self.assertRaises(ValueError, int, "x")
        with self.assertRaises(ArithmeticError):
            1 / 0

    def test_fail_messages(self):
        checks = [
            lambda: self.assertEqual(1, 2),
            lambda: self.assertNotEqual(3, 3),
            lambda: self.assertTrue(0),
            lambda: self.assertFalse(1),
            lambda: self.assertIs(1, None),
            lambda: self.assertIsNot(None, None),
            lambda: self.assertIsNone(5),
            lambda: self.assertIsNotNone(None),
            lambda: self.assertIn(4, [1, 2]),
            lambda: self.assertNotIn(1, [1, 2]),
            lambda: self.assertIsInstance(1, str),
            lambda: self.assertNotIsInstance(1, int),
            lambda: self.assertGreater(1, 2),
            lambda: self.assertGreaterEqual(1, 2),
            lambda: self.assertLess(2, 1),
            lambda: self.assertLessEqual(2, 1),
            lambda: self.assertAlmostEqual(1.0, 1.5, delta=0.25),
            lambda: self.assertEqual(1, 2, "custom"),
            lambda: self.fail("explicit"),
        ]
        for c in checks:
            try:
                c()
            except AssertionError as e:
                print("msg:", e)
        try:
            with self.assertRaises(ValueError):
                pass
        except AssertionError as e:
            print("msg:", e)
        try:
            self.assertRaises(TypeError, len, [])
        except AssertionError as e:
            print("msg:", e)


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        log.append("tearDownClass")

    def setUp(self):
        log.append("setUp")

    def tearDown(self):
        log.append("tearDown")

    def test_a(self):
        log.append("a")

    def test_b(self):
        log.append("b")


class Outcomes(unittest.TestCase):
    def test_fails(self):
        self.assertEqual(6 * 7, 41)

    def test_errors(self):
        raise RuntimeError("oops")

    @unittest.skip("not today")
    def test_skipped(self):
        print("never")

    @unittest.skipIf(True, "if true")
    def test_skip_if(self):
        print("never")

    @unittest.skipUnless(True, "unless true")
    def test_skip_unless_runs(self):
        pass

    @unittest.skipUnless(False, "unless false")
    def test_skip_unless(self):
        print("never")

    def test_skip_inside(self):
        self.skipTest("from inside")

    @unittest.expectedFailure
    def test_expected(self):
        self.assertEqual(1, 0)

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 2)
        log.append("after subtests")

    def helper(self):
        pass


@unittest.skip("whole class")
class SkippedClass(unittest.TestCase):
    def test_x(self):
        print("never")


def run(cls):
    result = unittest.TestResult()
    suite = unittest.TestLoader().loadTestsFromTestCase(cls)
    print(cls.__name__, "cases:", suite.countTestCases())
    suite.run(result)
    print("  run", result.testsRun, "ok", result.wasSuccessful())
    for kind, items in (("failure", result.failures), ("error", result.errors)):
        for test, text in items:
            print("  %s: %s" % (kind, test.id()))
            print("    last line:", text.strip().splitlines()[-1])
    for test, reason in result.skipped:
        print("  skipped: %s (%s)" % (test.id(), reason))
    print("  expected failures:", [t.id() for t, _ in result.expectedFailures])
    print("  unexpected successes:", [t.id() for t in result.unexpectedSuccesses])


for cls in (Asserts, Fixtures, Outcomes, SkippedClass):
    run(cls)
print(log)
