"""Keras 3 as the oracle for Strata's .keras files (run by the tests beside it, never by the product).

  python keras_oracle.py DIR

DIR/cases.json lists the cases: {"cases": [{"name", "inputs": [{"shape", "dtype", "data"}]}]}; each
case's archive, written by Strata, is DIR/strata/<name>.keras. For each case this script:
  - loads the archive with keras.saving.load_model(path, safe_mode=True),
  - predicts on the case's inputs (training=False),
  - saves the model again with Keras to DIR/keras/<name>.keras (Keras -> Strata).
It writes DIR/keras_results.json: {name: {"outputs": [{"shape", "data"}]} or {"error": "..."}}.
"""
import os

import numpy as np
import keras

from run_cases import run_cases

import registered_models  # noqa: F401  (registers the subclassed test models with Keras)


def to_arrays(inputs):
    return [np.asarray(i["data"], dtype=i["dtype"]).reshape(i["shape"]) for i in inputs]


def outputs_of(y):
    if isinstance(y, dict):
        y = [y[k] for k in sorted(y)]
    if not isinstance(y, (list, tuple)):
        y = [y]
    out = []
    for t in y:
        a = np.asarray(keras.ops.convert_to_numpy(t), dtype=np.float64)
        out.append({"shape": list(a.shape), "data": a.reshape(-1).tolist()})
    return out


def run_case(directory, case):
    path = os.path.join(directory, "strata", case["name"] + ".keras")
    model = keras.saving.load_model(path, safe_mode=True, compile=False)
    xs = to_arrays(case["inputs"])
    as_list = len(xs) > 1 or isinstance(getattr(model, "_inputs_struct", None), list)
    y = model(xs if as_list else xs[0], training=False)
    result = {"outputs": outputs_of(y)}
    model.save(os.path.join(directory, "keras", case["name"] + ".keras"))
    return result



if __name__ == "__main__":
    run_cases(run_case, "keras_results.json")
