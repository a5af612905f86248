"""Wokwi projects from the command line: --wokwi DIR, --diagram and
--scenario on the sample projects of examples/wokwi/ (a Pico blink, a button
lighting an LED, a potentiometer read over serial), the exit status and the
one-line summary, scenario failures and timeouts, and the clear errors for
bad input (malformed JSON with line:col, unknown pins and parts, missing
files, unsupported boards and parts)."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, run, scratch  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EX = os.path.join(ROOT, "examples", "wokwi")
TMP, write = scratch("bb-wokwi-")


def bb(*args, stdin=b""):
    return run(["--speed", "max"] + list(args), stdin=stdin)


# --- the sample projects pass their scenarios ------------------------------
rc, out, err = bb("--wokwi", os.path.join(EX, "blink"), "--scenario", "blink.test.yaml", "--trace", "-")
check(rc == 0, "blink: the scenario passes, status 0", (rc, out, err))
check('scenario "Blink": passed, 7 steps, done at 1250004us' in err, "blink: one summary line", err)
edges = re.findall(r"^(\d+\.\d+) GP15 (high|low)$", out, re.M)
check([e[1] for e in edges] == ["high", "low", "high"], "blink: GP15 toggled three times", out)
check(all(float(t) <= 1.3 for t, _ in edges), "blink: the run ended with the scenario (no edges after 1.25 s)", edges)

rc, out, err = bb("--wokwi", os.path.join(EX, "button"), "--scenario", "button.test.yaml")
check(rc == 0 and out == "ready\npressed 1\npressed 2\n", "button: pressed twice, the LED followed", (rc, out, err))
check('scenario "Button lights the LED": passed, 12 steps' in err, "button: summary", err)

rc, out, err = bb("--wokwi", os.path.join(EX, "pot"), "--scenario", "pot.test.yaml")
check(rc == 0, "pot: write-serial answers input(), wait-serial sees the readings", (rc, out, err))
check(out.startswith("unit (raw/pct)? showing pct\npot: 0%\n") and out.rstrip().endswith("pot: 50%"),
      "pot: the output follows the knob", out)

# a scenario path is found relative to the project, as Wokwi's CLI does; an
# explicit --diagram and script work the same
rc, out, err = bb("--diagram", os.path.join(EX, "button", "diagram.json"),
                  "--scenario", os.path.join(EX, "button", "button.test.yaml"), os.path.join(EX, "button", "main.py"))
check(rc == 0 and "pressed 2" in out, "--diagram FILE --scenario FILE script.py", (rc, err))

# --- scenario failures and timeouts ----------------------------------------
bad = write("bad.yaml", "name: wrong\nsteps:\n  - delay: 250ms\n  - expect-pin:\n"
                        "      part-id: led1\n      pin: A\n      value: 0\n")
rc, out, err = bb("--wokwi", os.path.join(EX, "blink"), "--scenario", bad)
check(rc == 1, "a failing expect-pin exits 1", (rc, err))
check(re.search(r"bad\.yaml:4: scenario step 2 failed at 250ms: expect-pin led1:A = 0: GP15 is 1", err),
      "the failure names file:line, the step, what was seen", err)
check('scenario "wrong": FAILED at step 2 of 2' in err, "failure summary", err)

never = write("never.yaml", "steps:\n  - wait-serial: 'no such text'\n")
rc, out, err = bb("--until", "200ms", "--wokwi", os.path.join(EX, "blink"), "--scenario", never)
check(rc == 1 and 'never.yaml:2: scenario step 1 not done: wait-serial "no such text": the run ended at 200ms' in err,
      "wait-serial timeout at --until: status 1, clear message", (rc, err))
rc, out, err = bb("--wokwi", os.path.join(EX, "blink"), "--scenario", never)
check(rc == 1 and "the run ended at 30s (the default timeout; set another with --until)" in err,
      "without --until a scenario has Wokwi's 30 s default timeout", (rc, err))
rc, out, err = bb("--diagram", os.path.join(EX, "blink", "diagram.json"), "--scenario", never, "-c", "print('bye')")
check(rc == 1 and "the script ended at" in err and "without printing it" in err,
      "wait-serial after the script ended: decided at once", (rc, err))

# --- parts from the diagram: sim.part, the stimulus file -------------------
rc, out, err = bb("--until", "10ms", "--diagram", os.path.join(EX, "button", "diagram.json"), "-c",
                  "import sim; print(sim.board(), sim.parts(), sim.part('btn1').to, sim.part('led1').active)")
check(rc == 0 and out == "rpi-pico ['btn1', 'led1'] gnd high\n", "the diagram picks the board and names the parts",
      (rc, out, err))
stim = write("press.stim", "@100ms press btn1 for 50ms\n@120ms expect led1.on 1\n@300ms expect led1.on 0\n")
rc, out, err = bb("--until", "400ms", "--wokwi", os.path.join(EX, "button"), "--stimulus", stim)
check(rc == 0 and "pressed 1" in out and "2 checks, 2 passed, 0 failed" in err,
      "a stimulus file reaches the diagram's parts by id", (rc, out, err))

# --- the board: an explicit --board wins, with a warning --------------------
rc, out, err = bb("--board", "nano-rp2040", "--diagram", os.path.join(EX, "blink", "diagram.json"), "-c", "1")
check(rc == 2 and "warning: the diagram's board is wokwi-pi-pico \"pico\" (rpi-pico); running on nano-rp2040" in err
      and 'unknown pin "GP15" of wokwi-pi-pico "pico" on board nano-rp2040' in err,
      "--board mismatch: a warning, then the pins are looked up on that board", (rc, err))
uno = write("uno.json", '{"version": 1, "parts": [\n  {"type": "wokwi-arduino-uno", "id": "uno"}\n], "connections": []}')
rc, out, err = bb("--diagram", uno, "-c", "1")
check(rc == 2 and re.search(r'uno\.json:2:3: board wokwi-arduino-uno "uno" has no Breadboard equivalent', err),
      "an unsupported board is an error naming ours", (rc, err))
rc, out, err = bb("--board", "rpi-pico", "--diagram", uno, "-c", "import sim; print(sim.board())")
check(rc == 0 and out == "rpi-pico\n" and "running on rpi-pico as --board asks" in err,
      "... unless --board says which board to use", (rc, out, err))

# --- bad input: clear messages, status 2, never a crash ----------------------
malformed = write("malformed.json", '{\n  "version": 1,\n  "parts": [\n    {"type": "wokwi-led", "id": "a"},\n  ]\n}')
rc, out, err = bb("--diagram", malformed, "-c", "1")
check(rc == 2 and "malformed.json:5:3: trailing comma before ']' (not allowed in JSON)" in err,
      "malformed JSON: FILE:LINE:COL", (rc, err))
badpin = write("badpin.json", '{"version": 1, "parts": [{"type": "wokwi-pi-pico", "id": "pico"},\n'
                              ' {"type": "wokwi-led", "id": "led1"}], "connections": [\n'
                              ' ["led1:A", "pico:GP42", "green", []], ["led1:Q", "pico:GND.1", "", []]]}')
rc, out, err = bb("--diagram", badpin, "-c", "1")
check(rc == 2 and 'badpin.json:3:13: unknown pin "GP42" of wokwi-pi-pico "pico" on board rpi-pico' in err,
      "unknown board pin: FILE:LINE:COL", (rc, err))
badpin2 = write("badpin2.json", '{"version": 1, "parts": [{"type": "wokwi-pi-pico", "id": "pico"},\n'
                                ' {"type": "wokwi-led", "id": "led1"}], "connections": [\n'
                                ' ["led1:Q", "pico:GND.1", "", []], ["ghost:1", "pico:GP1", "", []]]}')
rc, out, err = bb("--diagram", badpin2, "-c", "1")
check(rc == 2 and 'unknown pin "Q" of wokwi-led "led1" (its pins: A C)' in err, "unknown part pin", (rc, err))
rc, out, err = bb("--diagram", os.path.join(TMP, "missing.json"), "-c", "1")
check(rc == 2 and "cannot read diagram" in err and "No such file or directory" in err, "missing diagram", (rc, err))
rc, out, err = bb("--wokwi", os.path.join(EX, "blink"), "--scenario", "missing.yaml")
check(rc == 2 and "cannot read scenario 'missing.yaml'" in err, "missing scenario", (rc, err))
rc, out, err = bb("--wokwi", os.path.join(TMP, "no-such-project"))
check(rc == 2 and "--wokwi needs a project directory" in err, "--wokwi on a missing directory", (rc, err))
os.makedirs(os.path.join(TMP, "empty-project"))
rc, out, err = bb("--wokwi", os.path.join(TMP, "empty-project"))
check(rc == 2 and "can't open file" in err and "empty-project/main.py" in err,
      "--wokwi DIR without a script runs DIR/main.py (here missing)", (rc, err))
rc, out, err = bb("--wokwi", os.path.join(TMP, "empty-project"), "-c", "1")
check(rc == 2 and "cannot read diagram" in err and "empty-project/diagram.json" in err,
      "--wokwi on a directory without diagram.json", (rc, err))
for text, msg in [
    ("steps:\n  - press: btn1\n", "s.yaml:2:5: unknown step 'press'"),
    ("steps:\n  - set-control: {part-id: btn9, control: pressed, value: 1}\n", 's.yaml:2:28: no part "btn9" in the diagram'),
    ("steps:\n  - set-control: {part-id: btn1, control: pushed, value: 1}\n", "has no control 'pushed'"),
    ("steps:\n  - expect-pin: {part-id: led1, pin: K, value: 1}\n", 'unknown pin "K" of wokwi-led "led1"'),
    ("steps:\n  - delay: 500\n", "delay '500' needs a unit"),
    ("steps:\n\t- delay: 1s\n", "s.yaml:2:1: a tab in the indentation"),
]:
    s = write("s.yaml", text)
    rc, out, err = bb("--wokwi", os.path.join(EX, "button"), "--scenario", s)
    check(rc == 2 and msg in err and out == "", "bad scenario: " + msg, (rc, out, err))

# unsupported parts: one warning per type, the rest runs
lcd = write("lcd.json", '{"version": 1, "parts": [{"type": "wokwi-pi-pico", "id": "pico"},\n'
                        ' {"type": "wokwi-lcd1602", "id": "lcd1"}, {"type": "wokwi-lcd1602", "id": "lcd2"},\n'
                        ' {"type": "wokwi-led", "id": "led1"}], "connections": [\n'
                        ' ["led1:A", "pico:GP2", "", []], ["led1:C", "pico:GND.1", "", []]]}')
rc, out, err = bb("--until", "1ms", "--diagram", lcd, "-c", "import sim; print(sim.parts())")
check(rc == 0 and out == "['led1']\n", "unsupported parts are skipped", (rc, out, err))
check(err.count("wokwi-lcd1602") == 1 and "warning: wokwi-lcd1602 is not simulated by Breadboard; skipped: lcd1 lcd2" in err,
      "... with one warning naming them all", err)
done()
