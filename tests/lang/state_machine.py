transitions = {
    ("idle", "press"): "running",
    ("running", "press"): "paused",
    ("paused", "press"): "running",
    ("running", "stop"): "idle",
    ("paused", "stop"): "idle",
}
state = "idle"
trace = [state]
for ev in ["press", "press", "press", "stop", "stop", "press"]:
    state = transitions.get((state, ev), state)
    trace.append(state)
print(" -> ".join(trace))
class Light:
    order = ["red", "green", "yellow"]
    def __init__(self): self.i = 0
    def tick(self):
        self.i = (self.i + 1) % len(self.order)
        return self.order[self.i]
l = Light()
print([l.tick() for _ in range(5)])
