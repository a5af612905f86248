config = {
    "name": "board",
    "pins": [{"id": 13, "mode": "out"}, {"id": 2, "mode": "in", "pull": "up"}],
    "meta": {"version": (1, 2), "tags": {"a", "b"}},
}
print(config["pins"][1]["pull"], config["meta"]["version"][1], sorted(config["meta"]["tags"]))
outs = [p["id"] for p in config["pins"] if p["mode"] == "out"]
print(outs, len(config), list(config))
config["pins"].append({"id": 5, "mode": "pwm"})
print([p.get("pull", "-") for p in config["pins"]])
import_copy = {k: (v if not isinstance(v, list) else list(v)) for k, v in config.items()}
print(import_copy["pins"] is config["pins"], import_copy["pins"] == config["pins"])
