"""Scripts written from the documentation alone (tests/userdocs/), run like a
user runs them: --speed max --until, with their .parts and .stim files, on
several boards.  Each run's printed output, stimulus report and VCD are
checked against what the hardware would do (the VCD is parsed here), so a
board that counted, timed, converted or decoded wrongly fails."""
import os
import re
import shutil
import struct
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(__file__))
from cliutil import check, done, level_at, parse_vcd, run  # noqa: E402

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "userdocs")
TMP = tempfile.mkdtemp(prefix="bb-userdocs-")


def path(name):
    return os.path.join(HERE, name)


def bb(board, script, until, parts=None, stim=None, vcd=True, tag=""):
    """Run one script; returns (status, stdout, stderr, vcd signals)."""
    args = ["--board", board, "--speed", "max", "--until", until]
    if parts:
        args += ["--parts", path(parts)]
    if stim:
        args += ["--stimulus", path(stim)]
    vcd_file = os.path.join(TMP, "%s-%s%s.vcd" % (script, board, tag))
    if vcd:
        args += ["--vcd", vcd_file]
    rc, out, err = run(args + [path(script)], cwd=TMP, timeout=120)
    sig = parse_vcd(vcd_file) if vcd and os.path.exists(vcd_file) else {}
    return rc, out, err, sig


def edges(changes, kind):
    """Times of the rising (kind 1) or falling (kind 0) edges."""
    out, prev = [], None
    for t, v in changes:
        if prev is not None and v != prev and v == kind:
            out.append(t)
        prev = v
    return out


def stim_ok(err, n):
    return ("stimulus: %d checks, %d passed, 0 failed, 0 pending" % (n, n)) in err


# ---------------------------------------------------------------- 1. button IRQ
def test_button():
    for board, parts, pin in (("nano-rp2040", "button_irq.parts", "D2"),
                              ("nano-esp32", "button_irq.parts", "D2"),
                              ("rpi-pico", "button_irq_pico.parts", "GP15")):
        rc, out, err, sig = bb(board, "button_irq.py", "1.6s", parts, "button_irq.stim")
        what = "button IRQ on %s" % board
        check(rc == 0 and stim_ok(err, 2), what + ": runs, stimulus passes", err[-300:])
        press = [int(m) for m in re.findall(r"press \d+ at (\d+) us", out)]
        check(len(press) == 5, what + ": 5 debounced presses printed", out)
        check("presses 5 edges 35" in out, what + ": 35 raw falling edges (bounce=3)", out)
        # the n-th press begins at 100 ms + n x 300 ms; the soft IRQ runs
        # within a few us of the edge (docs/board.md)
        late = [t - (100000 + 300000 * n) for n, t in enumerate(press)]
        check(late and all(0 <= d <= 50 for d in late),
              what + ": each press handled within 50 us of its edge", str(late[:6]))
        falls = edges(sig.get(pin, []), 0)
        check(len(falls) == 35, what + ": 35 falling edges in the VCD", str(len(falls)))
        # press: 4 falls at t0 + 0, 0.5, 1, 1.5 ms; release: 3 at +0.25, 0.75, 1.25 ms
        want = []
        for n in range(5):
            t0 = 100000000 + 300000000 * n
            want += [t0 + k * 500000 for k in range(4)]
            want += [t0 + 100000000 + 250000 + k * 500000 for k in range(3)]
        check(falls == want, what + ": bounce edges at the documented times",
              str(falls[:8]))


# ---------------------------------------------------------------- 2. PWM fade
def test_pwm_fade():
    for board, parts, pin, period_ns in (("nano-rp2040", "pwm_fade.parts", "D9", 999998),
                                         ("nano-esp32", "pwm_fade.parts", "D9", 1000000),
                                         ("rpi-pico", "pwm_fade_pico.parts", "GP16", 999998)):
        rc, out, err, sig = bb(board, "pwm_fade.py", "0.75s", parts, "pwm_fade.stim")
        what = "PWM fade on %s" % board
        check(rc == 0 and stim_ok(err, 5), what + ": runs, LED brightness checks pass",
              err[-300:])
        check(re.search(r"freq 1000\b", out) is not None, what + ": freq() is 1000", out[:80])
        steps = [(int(d), int(t) * 1000) for d, t in re.findall(r"duty (\d+) at (\d+)", out)]
        m = re.search(r"done at (\d+)", out)
        check(len(steps) == 33 and m, what + ": 33 duty steps printed", out[-200:])
        if not m:
            continue
        steps.append((None, int(m.group(1)) * 1000))
        ch = sig.get(pin, [])
        rises = edges(ch, 1)
        falls = edges(ch, 0)
        # the measured period: rising edge to rising edge, while it toggles
        periods = [b - a for a, b in zip(rises, rises[1:]) if b - a < 1500000]
        check(periods and all(abs(p - period_ns) <= 20 for p in periods),
              what + ": period %d ns (1 kHz)" % period_ns,
              str(sorted(set(periods))[:5]))
        bad = []
        for (duty, t0), (_, t1) in zip(steps, steps[1:]):
            # a change takes effect at the next period boundary: skip 1.1 ms
            lo, hi = t0 + 1100000, t1
            rs = [r for r in rises if lo <= r and r + period_ns <= hi]
            if duty == 0 or duty == 65535:
                lvl = 1 if duty else 0
                steady = (not [e for e, _ in ch if lo <= e <= hi]
                          and level_at(ch, lo) == lvl)
                if not steady:
                    bad.append((duty, "not steady"))
                continue
            if len(rs) < 15:
                bad.append((duty, "only %d periods" % len(rs)))
                continue
            for r in rs:
                f = min(x for x in falls if x > r)
                frac = (f - r) / period_ns
                if abs(frac - duty / 65535) > 0.001:
                    bad.append((duty, frac))
                    break
        check(not bad, what + ": every period's duty is the step's duty_u16/65535",
              str(bad[:4]))
        # deinit: no edges once the last period has ended
        late = [t for t, _ in ch if t > steps[-1][1] + 1100000]
        check(not late, what + ": no output after deinit()", str(late[:3]))


# ---------------------------------------------------------------- 3. ADC sweep
def ramp_v(t_us):
    """The stimulus's A0: 0 V until 10 ms, then 3.0 V / s sampled every 1 ms, held at 3.0 V."""
    if t_us < 10000:
        return 0.0
    ms = (t_us - 10000) // 1000
    return min(3.0, 3.0 * ms / 1000)


def test_adc_sweep():
    for board, stim, full in (("nano-rp2040", "adc_sweep.stim", 3.3),
                              ("nano-esp32", "adc_sweep.stim", 3.1),
                              ("rpi-pico", "adc_sweep_pico.stim", 3.3)):
        rc, out, err, _ = bb(board, "adc_sweep.py", "1.2s", None, stim, vcd=False)
        what = "ADC sweep on %s" % board
        check(rc == 0 and stim_ok(err, 1), what + ": runs", err[-300:])
        rows = re.findall(r"t (\d+) u16 (\d+)(?: uv (\d+))?", out)
        check(len(rows) == 22, what + ": 22 readings", out[-200:])
        bad = []
        for t, u16, uv in rows:
            v = ramp_v(int(t))
            want = min(65535, v / full * 65535)
            # 12-bit converter: one count is 16 of u16; plus a ramp step (3 mV)
            # when the read falls on the next millisecond
            if abs(int(u16) - want) > 80:
                bad.append((t, u16, round(want)))
            if uv and abs(int(uv) - v * 1e6) > 4000:
                bad.append((t, uv, v))
        check(not bad, what + ": read_u16 (and read_uv) follow the ramp, %.1f V full scale"
              % full, str(bad[:4]))
        if board == "nano-esp32":
            check(all(r[2] for r in rows), what + ": read_uv printed")
        vals = [int(r[1]) for r in rows]
        check(vals == sorted(vals) and vals[0] == 0 and vals[-1] > 55000,
              what + ": rises from 0 to the top", str(vals))


# ---------------------------------------------------------------- 4. HC-SR04
def test_hcsr04():
    # (from ms, distance cm); 420 cm is beyond the 4 m range
    plan = [(0, 25), (300, 10), (600, 150.5), (900, 420), (1200, 60)]

    def dist_at(ms):
        d = None
        for t, v in plan:
            if ms >= t:
                d = v
        return d

    for board, parts, trig, echo in (("nano-rp2040", "hcsr04.parts", "D3", "D4"),
                                     ("nano-esp32", "hcsr04.parts", "D3", "D4"),
                                     ("rpi-pico", "hcsr04_pico.parts", "GP14", "GP15")):
        rc, out, err, sig = bb(board, "hcsr04.py", "1.5s", parts, "hcsr04.stim")
        what = "HC-SR04 on %s" % board
        check(rc == 0 and stim_ok(err, 2), what + ": runs", err[-300:])
        rows = re.findall(r"at (\d+) ms: (?:([\d.]+) cm|(out of range))", out)
        check(len(rows) >= 13, what + ": a reading every ~100 ms", out)
        bad = []
        rise_e = edges(sig.get(echo, []), 1)
        for ms, cm, oor in rows:
            ms = int(ms)
            # the distance is read when ECHO rises: the last rise before the print
            rs = [r for r in rise_e if r <= ms * 1000000 + 1000000]
            if not rs:
                bad.append((ms, "no echo rise"))
                continue
            d = dist_at(rs[-1] / 1e6)
            if d > 400:
                if not oor:
                    bad.append((ms, cm, "should be out of range"))
            elif oor or abs(float(cm) - d) > 1.0:
                bad.append((ms, cm or oor, d))
        check(not bad, what + ": printed cm within 1 cm of the distance", str(bad))
        # the signals: a >= 10 us trigger; ECHO rises 200 us after its fall
        # and lasts 2 x distance / 343 m/s
        tr = sig.get(trig, [])
        tr_r, tr_f = edges(tr, 1), edges(tr, 0)
        widths = [f - r for r, f in zip(tr_r, tr_f)]
        check(widths and min(widths) >= 10000, what + ": trigger pulses >= 10 us",
              str(widths[:3]))
        ech = sig.get(echo, [])
        er, ef = edges(ech, 1), edges(ech, 0)
        check(er and abs(er[0] - tr_f[0] - 200000) <= 1000,
              what + ": echo rises 200 us after the trigger", str(er[:1]))
        want = 2 * 0.25 / 343 * 1e9        # 25 cm
        check(er and ef and abs((ef[0] - er[0]) - want) <= 1000,
              what + ": 25 cm echo is %.1f us" % (want / 1000),
              str((ef[0] - er[0]) if er and ef else None))


# ---------------------------------------------------------------- 5. I2C BMP280 + OLED
def read_png(fname):
    """(width, height, rows of gray bytes) of an 8-bit grayscale PNG."""
    data = open(fname, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    w = h = None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color == 0
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    rows, prev = [], bytearray(w)
    for y in range(h):
        f = raw[y * (w + 1)]
        line = bytearray(raw[y * (w + 1) + 1:(y + 1) * (w + 1)])
        for x in range(w):     # PNG filters (a writer may use any of them)
            a = line[x - 1] if x else 0
            b = prev[x]
            c = prev[x - 1] if x else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pr) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, rows


def test_i2c():
    for board, parts in (("nano-rp2040", "i2c_bmp280.parts"),
                         ("nano-esp32", "i2c_bmp280.parts"),
                         ("rpi-pico", "i2c_bmp280_pico.parts")):
        png = os.path.join(TMP, "oled.png")
        if os.path.exists(png):
            os.remove(png)
        rc, out, err, _ = bb(board, "i2c_bmp280.py", "1.5s", parts, "i2c_bmp280.stim",
                             vcd=False)
        what = "I2C BMP280 + SSD1306 on %s" % board
        check(rc == 0 and stim_ok(err, 2), what + ": runs", err[-300:])
        check("scan ['0x3c', '0x76']" in out, what + ": scan finds 0x3c and 0x76", out[:80])
        check("chip id 0x58" in out, what + ": chip id 0x58")
        # the data sheet's worked-example calibration
        check("dig_T1 27504 dig_P1 36477" in out, what + ": calibration read")
        meas = [(int(a), float(b), float(c)) for a, b, c in
                re.findall(r"measured in (\d+) ms: T ([-\d.]+) C P ([\d.]+) Pa", out)]
        check(len(meas) == 2, what + ": two measurements", out[:300])
        if len(meas) == 2:
            # x16/x16 forced: 1 + 2*16 + 2*16 + 0.5 = 65.5 ms
            check(all(65 <= m[0] <= 68 for m in meas), what + ": conversion ~65.5 ms",
                  str(meas))
            check(abs(meas[0][1] - 22.5) <= 0.01 and abs(meas[0][2] - 100800) <= 1,
                  what + ": 22.50 C, 1008 hPa", str(meas[0]))
            check(abs(meas[1][1] - 30.25) <= 0.01 and abs(meas[1][2] - 99550) <= 1,
                  what + ": 30.25 C, 995.5 hPa after the stimulus", str(meas[1]))
        m = re.search(r"fb ([0-9a-f]+)", out)
        check(m and len(m.group(1)) == 2048, what + ": frame buffer printed")
        if not (m and os.path.exists(png)):
            check(False, what + ": PNG written", png)
            continue
        fb = bytes.fromhex(m.group(1))
        w, h, rows = read_png(png)
        check((w, h) == (256, 128), what + ": PNG 256 x 128 (scale=2)", str((w, h)))
        if (w, h) != (256, 128):
            continue
        diff = 0
        for y in range(64):
            for x in range(128):
                want = (fb[x + (y // 8) * 128] >> (y % 8)) & 1
                got = rows[2 * y][2 * x] == 255
                diff += want != got
        check(diff == 0, what + ": PNG shows exactly the frame buffer", "%d pixels differ" % diff)
        check(rows[0][0] == 255 and rows[7][7] == 255 and rows[127][255] == 0,
              what + ": (0, 0) is the top left")
        lit = sum(bin(b).count("1") for b in fb)
        check(lit > 100, what + ": text drawn (%d lit pixels)" % lit)


# ---------------------------------------------------------------- 6a. Arduino sketch
def pwm_duty(ch, t_lo, t_hi):
    """(period, duty) of the last full period in [t_lo, t_hi]."""
    rs = [r for r in edges(ch, 1) if t_lo <= r <= t_hi]
    fs = edges(ch, 0)
    if len(rs) < 2:
        return None, level_at(ch, t_hi)
    r0, r1 = rs[-2], rs[-1]
    f = min((x for x in fs if x > r0), default=None)
    return r1 - r0, (f - r0) / (r1 - r0) if f and f < r1 else 1.0


def test_arduino():
    for board, full, freq in (("nano-rp2040", 3.3, 500), ("nano-esp32", 3.1, 1000),
                              ("giga-r1", 3.3, 500)):
        rc, out, err, sig = bb(board, "arduino_sketch.py", "1.05s", "arduino_sketch.parts",
                               "arduino_sketch.stim")
        what = "Arduino sketch on %s" % board
        check(rc == 0 and stim_ok(err, 4), what + ": runs", err[-300:])
        check(out.startswith("sketch on %s\r\n" % board), what + ": println ends in \\r\\n",
              repr(out[:40]))
        rows = [tuple(int(x) for x in r) for r in
                re.findall(r"t=(\d+) presses=(\d+) pot=(\d+) pwm=(\d+)\r\n", out)]
        check(len(rows) == 10, what + ": a report every 100 ms", repr(out[-120:]))
        bad = []
        for t, presses, pot, pwm in rows:
            # presses at 150, 250, 350 ms (falling edge at the press)
            want_p = sum(1 for p in (150, 250, 350) if t > p + 1)
            pos = 0.25 if t < 500 else (0.75 if t < 800 else 1.0)
            want_pot = min(1023, pos * 3.3 / full * 1023)
            if presses != want_p or abs(pot - want_pot) > 2 \
                    or pwm != (pot * 255) // 1023:
                bad.append((t, presses, pot, pwm, want_p, round(want_pot)))
        check(not bad, what + ": presses, analogRead and map() as expected", str(bad))
        d9 = sig.get("D9", [])
        for t_ms, r in ((450, rows[3] if len(rows) > 3 else None),
                        (750, rows[6] if len(rows) > 6 else None)):
            if not r:
                continue
            period, duty = pwm_duty(d9, (t_ms - 50) * 1000000, t_ms * 1000000)
            ok = (period is not None and abs(period - 1e9 / freq) <= 100
                  and abs(duty - r[3] / 255) <= 0.003)
            check(ok, what + ": analogWrite on D9 at %d Hz, duty %d/255 at %d ms"
                  % (freq, r[3], t_ms), str((period, duty)))
        check(level_at(d9, 1040000000) == 1 and not [e for e, _ in d9 if e > 900000000],
              what + ": analogWrite(255) holds D9 high")


# ---------------------------------------------------------------- 6b. pyb on the GIGA
def test_pyb():
    rc, out, err, sig = bb("giga-r1", "pyb_giga.py", "1.2s")
    what = "pyb on giga-r1"
    check(rc == 0, what + ": runs", err[-300:])
    check("timer3 1000 Hz" in out, what + ": Timer(3, freq=1000).freq()", out[:80])
    m = re.search(r"prescaler (\d+) period (\d+)", out)
    check(m and 240000000 / ((int(m.group(1)) + 1) * (int(m.group(2)) + 1)) == 1000,
          what + ": prescaler and period give 1 kHz from 240 MHz", out[:80])
    check(m and "width %d" % ((int(m.group(2)) + 1) * 3 // 4) in out,
          what + ": pulse_width() after pulse_width_percent(75)", out)
    check("ticks 10" in out, what + ": 10 timer callbacks in 1 s", out)
    pc6 = sig.get("PC6", [])
    rs, fs = edges(pc6, 1), edges(pc6, 0)
    # (whether the first pulse starts at the channel() call or at the next
    # update event is left open: the periods are measured from the second)
    periods = [b - a for a, b in zip(rs[1:], rs[2:])]
    check(len(rs) >= 990 and all(abs(p - 1000000) <= 10 for p in periods),
          what + ": PC6 at 1 kHz", str(len(rs)))
    bad = []
    for r in rs:
        f = min((x for x in fs if x > r), default=None)
        if f is None or r < 900000:
            continue
        want = 0.25 if r < 500000000 else 0.75
        if abs((f - r) / 1e6 - want) > 0.001 and not (499000000 < r < 502000000):
            bad.append((r, f - r))
    check(not bad, what + ": 25 % for 0.5 s, then 75 %", str(bad[:3]))
    check(not [t for t, _ in pc6 if t > 1002000000], what + ": pulse_width(0) stops it")
    # the LEDs are active low: red on (low) until 500 ms, green toggles every 100 ms
    red, green = sig.get("LEDR", []), sig.get("LEDG", [])
    check(level_at(red, 250000000) == 0 and level_at(red, 600000000) == 1,
          what + ": LED(1) on, then off at 500 ms", str(red))
    gt = [t for t, _ in green[1:]]
    want = [k * 100000000 for k in range(1, 11)]
    check(len(gt) >= 10 and all(abs(a - b) <= 20000 for a, b in zip(gt[-10:], want)),
          what + ": LED(2) toggles every 100 ms", str(gt))


test_button()
test_pwm_fade()
test_adc_sweep()
test_hcsr04()
test_i2c()
test_arduino()
test_pyb()
shutil.rmtree(TMP, ignore_errors=True)
done()
