"""The classic Arduino examples of examples/arduino (Button, Debounce,
toneMelody, Knob, ShiftOut) run as a user runs them: --speed max --until T
--parts NAME.parts --stimulus NAME.stim --trace -.  Each run must pass its
stimulus checks (part attributes: LED on/changes, buzzer frequency, servo
angle, 74HC595 latch), and the pin activity in the trace is checked here
against what the Arduino original does, worked out in python3: the LED
following the button, one toggle per bouncy press 50 ms after the contacts
settle, the eight notes' frequencies and lengths, the servo pulse for each
knob position, the numbers 0..255 on the 595's outputs, each latched at a
rising edge of the latch pin.  Every example also runs on a second board
(nano-esp32 or giga-r1: other Arduino pin numbers, other PWM and ADC)."""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, run  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EX = os.path.join(ROOT, "examples", "arduino")
TMP = tempfile.mkdtemp(prefix="bb-arduino-ex-")
EDGE = re.compile(r"^(\d+)\.(\d{9}) (\S+) (high|low)$")
MS = 1_000_000  # ns


def example(name, until, board=None, stim=None):
    """Run examples/arduino/NAME.py with its parts and stimulus; returns
    (rc, {pad: [(t_ns, level)]}, stderr)."""
    args = ["--speed", "max", "--until", until, "--trace", "-",
            "--parts", os.path.join(EX, name + ".parts"),
            "--stimulus", stim or os.path.join(EX, name + ".stim")]
    if board:
        args += ["--board", board]
    rc, out, err = run(args + [os.path.join(EX, name + ".py")], timeout=300)
    pads = {}
    for line in out.splitlines():
        m = EDGE.match(line)
        if m:
            pads.setdefault(m.group(3), []).append((int(m.group(1)) * 10**9 + int(m.group(2)),
                                                    1 if m.group(4) == "high" else 0))
    return rc, pads, err


def passed(rc, err):
    """The run ended well and every stimulus check passed."""
    m = re.search(r"stimulus: (\d+) checks, (\d+) passed, (\d+) failed", err)
    return rc == 0 and m is not None and m.group(3) == "0" and m.group(1) == m.group(2)


def stim_file(name, text):
    p = os.path.join(TMP, name)
    with open(p, "w") as f:
        f.write(text)
    return p


def level_at(edges, t):
    """A pad's level just after time t (0 before its first edge)."""
    v = 0
    for te, lv in edges:
        if te > t:
            break
        v = lv
    return v


# --- Button: the LED follows the button --------------------------------------------------------
for board in ("nano-rp2040", "nano-esp32", "giga-r1"):
    rc, pads, err = example("Button", "1s", board)
    check(passed(rc, err), "Button on %s: stimulus checks pass (LED1.on, D13, changes)" % board, err[-300:])
    btn, led = pads.get("D2", []), pads.get("D13", [])
    check(btn == [(100 * MS, 1), (300 * MS, 0), (600 * MS, 1), (650 * MS, 0)],
          "Button on %s: the presses on D2 at 100-300 ms and 600-650 ms" % board, btn)
    lags = [tl - tb for (tb, vb), (tl, vl) in zip(btn, led) if vb == vl]
    check(len(led) == len(btn) == len(lags) and all(0 < d < 1 * MS for d in lags),
          "Button on %s: each D2 edge is followed by the same D13 edge within 1 ms" % board, (led, lags))

# --- Debounce: one toggle per bouncy press, 50 ms after the contact settles -----------------------
# Debounce.parts: bounce=5, bounce_period=1ms: a press at t0 makes 11 contact changes,
# the last (settled) one at t0 + 10 ms; the sketch takes a reading held for more
# than 50 ms (millis() > lastDebounceTime + 50), so the LED toggles 50..52 ms later.


def toggles_after(led, settle):
    return [t - settle for t, _ in led if settle < t < settle + 200 * MS]


for board in ("nano-rp2040", "nano-esp32"):
    rc, pads, err = example("Debounce", "1s", board)
    check(passed(rc, err), "Debounce on %s: stimulus checks pass" % board, err[-300:])
    btn, led = pads.get("D2", []), pads.get("D13", [])
    press1 = [t for t, _ in btn if 100 * MS <= t <= 111 * MS]
    check(len(press1) == 11 and press1[-1] == 110 * MS, "Debounce on %s: the press bounces (11 contact changes)" % board,
          press1)
    check(len(led) == 3 and led[0][1] == 1 and led[0][0] < 1 * MS and [v for _, v in led] == [1, 0, 1],
          "Debounce on %s: LED lit by setup(), then toggled exactly once per press" % board, led)
    d1, d2 = toggles_after(led, 110 * MS), toggles_after(led, 610 * MS)
    check(len(d1) == 1 and len(d2) == 1 and all(50 * MS < d <= 52 * MS for d in d1 + d2),
          "Debounce on %s: each toggle 50..52 ms after the contact settled" % board, (d1, d2))
    check(not [t for t, _ in led if 400 * MS <= t < 600 * MS or 800 * MS <= t],
          "Debounce on %s: the bouncy releases do not toggle" % board, led)

# A press that is not held 50 ms steady does nothing; a press whose bounce
# restarts the wait toggles 50 ms after the last change only.
short = stim_file("short.stim", """
@100ms  press BTN1 for 45ms          # settled at 110 ms, released at 145 ms: 35 ms steady
@300ms  press BTN1 for 30ms          # then pressed again 20 ms after the release settles
@360ms  press BTN1 for 300ms         # settled at 370 ms: the one real press
""")
rc, pads, err = example("Debounce", "800ms", stim=short)
led = pads.get("D13", [])
check(rc == 0 and [v for _, v in led] == [1, 0] and 420 * MS < led[1][0] <= 422 * MS,
      "Debounce: short presses ignored; one toggle 50 ms after the last contact change (370 ms)", led)

# --- toneMelody: eight notes (one a rest), pitches.h frequencies, 1000/4 or 1000/8 ms ---------------
NOTES = [(262, 4), (196, 8), (196, 8), (220, 4), (196, 4), (0, 4), (247, 4), (262, 4)]


def bursts(edges, gap=20 * MS):
    """Edges grouped into tone bursts (split where the pin rests longer than gap)."""
    out, cur = [], []
    for e in edges:
        if cur and e[0] - cur[-1][0] > gap:
            out.append(cur)
            cur = []
        cur.append(e)
    if cur:
        out.append(cur)
    return out


def melody_plan():
    """[(start_ms, hz, length_ms)] as the sketch plays it."""
    t, plan = 0, []
    for hz, kind in NOTES:
        length = 1000 // kind
        plan.append((t, hz, length))
        t += int(length * 1.30)
    return plan


for board in ("nano-rp2040", "nano-esp32", "giga-r1"):
    rc, pads, err = example("toneMelody", "2.5s", board)
    check(passed(rc, err), "toneMelody on %s: buzzer frequency checks pass" % board, err[-300:])
    got = bursts(pads.get("D8", []))
    plan = [p for p in melody_plan() if p[1]]
    check(len(got) == len(plan) == 7, "toneMelody on %s: seven tones (eight notes, one a rest)" % board,
          [len(b) for b in got])
    bad = []
    for (start, hz, length), b in zip(plan, got):
        rises = [t for t, v in b if v == 1]
        periods = [y - x for x, y in zip(rises, rises[1:])]
        off = [p for p in periods if abs(1e9 / p - hz) > hz * 0.002]
        # the note begins at its time (the stm32 timer model's first pulse comes
        # one period late) and ends, pin low, when tone()'s duration is over
        # (each note's code costs some 0.1 ms of CPU time, so the later ones are a little late)
        begin, end = b[0][0] - start * MS, b[-1][0] - (start + length) * MS
        ok = (0 <= begin < 1e9 / hz + 3 * MS and -1e9 / hz <= end - min(begin, 3 * MS) <= 0.5 * MS and b[-1][1] == 0
              and len(periods) >= length * hz // 1000 - 2 and not off)
        if not ok:
            bad.append((start, hz, length, begin / MS, end / MS, len(periods), off[:3]))
    check(not bad, "toneMelody on %s: each note at its start, at its frequency (0.2%%, every period), "
          "for 1000/4 or 1000/8 ms; the next 1.3 lengths later" % board, bad)

# --- Knob: the servo follows the knob ----------------------------------------------------------------


def counts10(volts, bits):
    """analogRead (10 bits) of the board's ideal ADC (src/board/bd_adc.h): raw at
    `bits`, scaled to 16 by bit replication, shifted down to 10."""
    raw = min((1 << bits) - 1, int(volts / 3.3 * (1 << bits) + 0.5))
    u16 = (raw << (16 - bits)) | (raw >> (2 * bits - 16)) if bits < 16 else raw
    return u16 >> 6


def knob_us(volts, bits):
    angle = counts10(volts, bits) * 180 // 1023       # map(val, 0, 1023, 0, 180)
    return 544 + angle * (2400 - 544) // 180           # Servo.write: map(angle, 0, 180, 544, 2400)


for board, bits in (("nano-rp2040", 12), ("giga-r1", 16)):
    rc, pads, err = example("Knob", "2.5s", board)
    check(passed(rc, err), "Knob on %s: servo angle checks pass" % board, err[-300:])
    e = pads.get("D9", [])
    pulses = [(e[k][0], e[k + 1][0] - e[k][0]) for k in range(len(e) - 1) if e[k][1] == 1 and e[k + 1][1] == 0]
    periods = [b[0] - a[0] for a, b in zip(pulses, pulses[1:])]
    check(len(pulses) > 100 and all(abs(p - 20 * MS) < 20_000 for p in periods),
          "Knob on %s: a servo pulse every 20 ms on D9" % board, periods[:5])
    if board == "nano-rp2040":
        check(pulses and abs(pulses[0][1] - 1500_000) < 2000,
              "Knob: attach() starts the pulses at 1500 us (the Servo library's default)", pulses[:2])
    bad = []
    for i in range(11):
        volts = round(0.33 * i, 2)
        t0 = 200 * i * MS + 60 * MS if i else 30 * MS  # (a write takes effect at the next 20 ms period)
        want = knob_us(volts, bits)
        ws = [w for t, w in pulses if t0 <= t < 200 * (i + 1) * MS]
        if not ws or any(abs(w / 1000 - want) > 2 for w in ws):
            bad.append((volts, want, sorted(set(round(w / 1000) for w in ws))))
    check(not bad, "Knob on %s: each knob position gives its pulse, 544 us (0) .. 2400 us (3.3 V)" % board, bad)

# --- ShiftOut: 0..255 on the 74HC595's outputs, each shown at a latch edge ---------------------------
QPADS = ["D2", "D3", "D4", "D5", "D6", "D7", "D9", "D10"]  # Q0..Q7 (ShiftOut.parts)

for board, until, count in (("nano-rp2040", "127.8s", 256), ("nano-esp32", "5.2s", 11), ("giga-r1", "5.2s", 11)):
    rc, pads, err = example("ShiftOut", until, board)
    check(passed(rc, err), "ShiftOut on %s: SR.q / LED checks pass" % board, err[-300:])
    latch = [t for t, v in pads.get("D8", []) if v == 1]
    shown = [sum(level_at(pads.get(q, []), t) << i for i, q in enumerate(QPADS)) for t in latch]
    check(shown == list(range(count)), "ShiftOut on %s: Q0..Q7 show 0..%d in order" % (board, count - 1),
          shown[:20])
    # (at the end of the run the parts are let go of, and the outputs drop: not counted)
    end = float(until[:-1]) * 1e9
    moves = sorted(set(t for q in QPADS for t, _ in pads.get(q, []) if t < end))
    check(moves and set(moves) <= set(latch), "ShiftOut on %s: the outputs change only at latch rising edges" % board,
          sorted(set(moves) - set(latch))[:5])
    steps = [b - a for a, b in zip(latch, latch[1:])]
    check(steps and all(500 * MS <= s < 501 * MS for s in steps), "ShiftOut on %s: a number every 500 ms" % board,
          steps[:5])
    # the byte on the wire: between the latch falling and rising, 8 clock rises,
    # the data pin sampled at each one, MSB first
    falls = [t for t, v in pads.get("D8", []) if v == 0]
    clk = [t for t, v in pads.get("D12", []) if v == 1]
    sent = []
    for k, hi in enumerate(latch[1:], 1):
        lo = max(t for t in falls if t < hi)
        rises = [t for t in clk if lo < t < hi]
        sent.append((len(rises), sum(level_at(pads.get("D11", []), t) << (7 - i) for i, t in enumerate(rises))))
    check(sent == [(8, n) for n in range(1, count)],
          "ShiftOut on %s: each number clocked in MSB first (8 clock rises with the latch low)" % board, sent[:5])

done()
