"""Keras 3 as the oracle for Strata's optimizers (run by optimizer-fit.test.ts, never by the product).

  python optimizer_fit.py CASES.json RESULTS.json

CASES.json: {"x", "y", "hidden", "weights": [kernel1, bias1, kernel2, bias2], "epochs", "cases":
[{"name", "cls", "config"}]}; a config's "learning_rate" may be {"schedule": class, "config"}.
For each case: Dense(hidden, relu) -> Dense(outputs) with the given weights, compiled with
keras.optimizers.<cls>(**config) and MSE, fit on all samples as one batch per epoch (no shuffle),
so each epoch's loss is one step's. RESULTS.json: {name: {"losses", "weights"} or {"error"}}.
"""
import json
import os
import sys
import traceback

# Compiling, not computing, is most of this script's time (every case has new shapes): LLVM's
# optimization level 0 about halves it; XLA's CPU fast math stays off (its default) either way.
os.environ.setdefault("XLA_FLAGS", "--xla_backend_optimization_level=0")

import keras
import numpy as np


def array_of(spec):
    return np.asarray(spec["data"], dtype=np.float32).reshape(spec["shape"])


def optimizer_of(case):
    config = dict(case["config"])
    lr = config.get("learning_rate")
    if isinstance(lr, dict):
        config["learning_rate"] = getattr(keras.optimizers.schedules, lr["schedule"])(**lr["config"])
    return getattr(keras.optimizers, case["cls"])(**config)


def run_case(data, case):
    x, y = array_of(data["x"]), array_of(data["y"])
    model = keras.Sequential(
        [
            keras.Input(shape=x.shape[1:]),
            keras.layers.Dense(data["hidden"], activation="relu"),
            keras.layers.Dense(y.shape[-1]),
        ]
    )
    model.set_weights([array_of(w) for w in data["weights"]])
    model.compile(optimizer=optimizer_of(case), loss="mse")
    history = model.fit(x, y, epochs=data["epochs"], batch_size=x.shape[0], shuffle=False, verbose=0)
    weights = [{"shape": list(w.shape), "data": w.reshape(-1).tolist()} for w in model.get_weights()]
    return {"losses": [float(v) for v in history.history["loss"]], "weights": weights}


def main():
    with open(sys.argv[1]) as f:
        data = json.load(f)
    results = {}
    for case in data["cases"]:
        keras.utils.clear_session()
        try:
            results[case["name"]] = run_case(data, case)
        except Exception as e:  # reported per case, so one failure does not hide the rest
            tail = traceback.format_exc().strip().splitlines()[-4:]
            results[case["name"]] = {"error": f"{type(e).__name__}: {e}"[:1500] + "\n" + "\n".join(tail)}
    with open(sys.argv[2], "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
