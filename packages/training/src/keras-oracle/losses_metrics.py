"""Keras 3 as the oracle for Strata's losses and metrics (run by losses-metrics.test.ts, never by the product).

  python losses_metrics.py CASES.json RESULTS.json

CASES.json: {"losses": [...], "metrics": [...]}. A loss case: {"name", "cls", "config", "yTrue",
"yPred", "sampleWeight"?}, computed as keras.losses.<cls>(**config)(y_true, y_pred, sample_weight),
or {"name", "fn", "yTrue", "yPred"}: the per-sample function keras.losses.<fn>(y_true, y_pred).
A metric case: {"name", "cls", "config", "batches": [{"yTrue", "yPred", "sampleWeight"?}]}: the
result after each update_state, then after reset_state and the first batch again. Mean and Sum take
the batch's "yTrue" as their values. Arrays are {"shape", "dtype", "data"}. Writes RESULTS.json:
{"losses": {name: value or {"error"}}, "metrics": {name: {"results": [...], "afterReset"} or {"error"}}}.
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

VALUE_METRICS = {"Mean", "Sum"}


def array_of(spec):
    if spec is None:
        return None
    dtype = {"int32": np.int32}.get(spec.get("dtype", "float32"), np.float32)
    return np.asarray(spec["data"], dtype=dtype).reshape(spec["shape"])


def listed(t):
    a = np.asarray(keras.ops.convert_to_numpy(t), dtype=np.float64)
    return {"shape": list(a.shape), "data": a.reshape(-1).tolist()}


def run_loss(case):
    if "fn" in case:  # a per-sample loss function
        return listed(getattr(keras.losses, case["fn"])(array_of(case["yTrue"]), array_of(case["yPred"])))
    loss = getattr(keras.losses, case["cls"])(**case["config"])
    sw = array_of(case.get("sampleWeight"))
    return listed(loss(array_of(case["yTrue"]), array_of(case["yPred"]), sample_weight=sw))


def update(metric, cls, batch):
    sw = array_of(batch.get("sampleWeight"))
    if cls in VALUE_METRICS:
        metric.update_state(array_of(batch["yTrue"]), sample_weight=sw)
    else:
        metric.update_state(array_of(batch["yTrue"]), array_of(batch["yPred"]), sample_weight=sw)


def run_metric(case):
    metric = getattr(keras.metrics, case["cls"])(**case["config"])
    results = []
    for batch in case["batches"]:
        update(metric, case["cls"], batch)
        results.append(listed(metric.result()))
    metric.reset_state()
    update(metric, case["cls"], case["batches"][0])
    return {"results": results, "afterReset": listed(metric.result())}


def guarded(fn, case):
    try:
        return fn(case)
    except Exception as e:  # reported per case, so one failure does not hide the rest
        tail = traceback.format_exc().strip().splitlines()[-4:]
        return {"error": f"{type(e).__name__}: {e}"[:1500] + "\n" + "\n".join(tail)}


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    results = {
        "losses": {c["name"]: guarded(run_loss, c) for c in cases["losses"]},
        "metrics": {c["name"]: guarded(run_metric, c) for c in cases["metrics"]},
    }
    with open(sys.argv[2], "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
