"""Keras 3 as the oracle for optimizer state and compile configs in .keras files (run by the test beside it).

  python optimizer_state.py DIR

DIR/cases.json: {"data": {"x": {shape, data}, "y": {shape, data}}, "batch_size": n, "cases": [name, ...]}.
For each case, Strata wrote DIR/strata/<name>_init.keras (compiled, never trained) and
DIR/strata/<name>_trained.keras (the same model after 3 epochs in Strata). This script:
  - loads <name>_trained.keras with compile=True and reports what Keras sees (iterations, the optimizer's
    config and variables, the loss and metrics), then fits 1 more epoch and reports the weights;
  - loads <name>_init.keras with compile=True, fits 3 epochs, reports the state, saves
    DIR/keras/<name>_trained.keras, fits 1 more epoch and reports the weights.
Data in the given order (shuffle=False). Writes DIR/keras_results.json, per case {"resumed", "own"} or
{"error"}.
"""
import json
import os
import sys
import traceback

import numpy as np
import keras


def array(spec):
    return np.asarray(spec["data"], dtype="float32").reshape(spec["shape"])


def listed(values):
    a = np.asarray(values, dtype=np.float64)
    return {"shape": list(a.shape), "data": a.reshape(-1).tolist()}


def state_of(model):
    opt = model.optimizer
    return {
        "iterations": int(keras.ops.convert_to_numpy(opt.iterations)),
        "optimizer_class": type(opt).__name__,
        "optimizer_config": {
            k: v for k, v in opt.get_config().items() if isinstance(v, (int, float, bool, str)) or v is None
        },
        "optimizer_variables": [
            {"path": v.path, **listed(keras.ops.convert_to_numpy(v))} for v in opt.variables
        ],
        "loss": model.get_compile_config()["loss"],
        "compiled_metrics": model.get_compile_config()["metrics"],
        "metrics": [m.name for m in model.metrics],
    }


def weights_of(model):
    return {layer.name: [listed(keras.ops.convert_to_numpy(w)) for w in layer.weights] for layer in model.layers}


def run_case(directory, name, x, y, batch_size):
    keras.utils.clear_session()
    resumed = keras.saving.load_model(os.path.join(directory, "strata", name + "_trained.keras"), compile=True)
    result = {"resumed": {"loaded": state_of(resumed)}}
    resumed.fit(x, y, batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
    result["resumed"]["after"] = weights_of(resumed)
    result["resumed"]["iterations_after"] = int(keras.ops.convert_to_numpy(resumed.optimizer.iterations))

    keras.utils.clear_session()
    own = keras.saving.load_model(os.path.join(directory, "strata", name + "_init.keras"), compile=True)
    own.fit(x, y, batch_size=batch_size, epochs=3, shuffle=False, verbose=0)
    result["own"] = {"trained": state_of(own), "trained_weights": weights_of(own)}
    own.save(os.path.join(directory, "keras", name + "_trained.keras"))
    own.fit(x, y, batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
    result["own"]["after"] = weights_of(own)
    return result


def main():
    directory = sys.argv[1]
    os.makedirs(os.path.join(directory, "keras"), exist_ok=True)
    with open(os.path.join(directory, "cases.json")) as f:
        spec = json.load(f)
    x, y = array(spec["data"]["x"]), array(spec["data"]["y"])
    results = {}
    for name in spec["cases"]:
        try:
            results[name] = run_case(directory, name, x, y, spec["batch_size"])
        except Exception as e:  # reported per case, so one failure does not hide the rest
            tail = traceback.format_exc().strip().splitlines()[-8:]
            results[name] = {"error": f"{type(e).__name__}: {e}"[:2000] + "\n" + "\n".join(tail)}
    with open(os.path.join(directory, "keras_results.json"), "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
