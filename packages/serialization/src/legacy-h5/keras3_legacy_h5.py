"""Keras 3 writes legacy .h5 files for the test beside it (keras3-legacy-h5.test.ts; never the product).

  python keras3_legacy_h5.py DIR

Writes into DIR, for each model (random weights: weights=None, then batch-norm statistics, scales,
offsets and biases drawn with numpy's seed, so a misplaced weight shows):
  <name>.h5           model.save(...) in the legacy HDF5 format (config, weights, training config)
  <name>_weights.h5   the weights alone in the legacy layout (Keras 3's legacy_h5_format, as Keras 2's
                      save_weights and keras.applications weight files)
(models: the two applications; "nested", a Bidirectional LSTM, a GRU and a nested Sequential; a small
compiled model trained with RMSprop) and DIR/results.json: per model its input, Keras's predictions,
parameter count and, when compiled,
the optimizer's iterations and variables.
Strata -> Keras: where DIR/strata/cases.json lists files Strata wrote ({"cases": [{"name", "input"}]}),
each DIR/strata/<name>.h5 is loaded with keras.saving.load_model (compile=True) and its predictions,
iterations and optimizer variables go to results.json under "strata_<name>".
"""
import json
import os
import sys

import h5py
import numpy as np
import keras
from keras.src.legacy.saving import legacy_h5_format

rng = np.random.default_rng(5)
keras.utils.set_random_seed(5)


def perturb(model):
    for layer in model.layers:
        values = []
        for w in layer.weights:
            v = keras.ops.convert_to_numpy(w)
            name = w.path.split("/")[-1]
            if name in ("moving_variance", "gamma"):
                v = rng.uniform(0.5, 1.5, v.shape)
            elif name in ("moving_mean", "beta", "bias"):
                v = rng.uniform(-0.5, 0.5, v.shape)
            values.append(np.asarray(v, dtype="float32"))
        layer.set_weights(values)


def listed(a):
    a = np.asarray(a, dtype=np.float32).astype(np.float64)
    return {"shape": list(a.shape), "data": a.reshape(-1).tolist()}


def save(directory, name, model, x, results):
    model.save(os.path.join(directory, name + ".h5"))
    with h5py.File(os.path.join(directory, name + "_weights.h5"), "w") as f:
        legacy_h5_format.save_weights_to_hdf5_group(f, model)
    entry = {"input": listed(x), "output": listed(model.predict(x, verbose=0)), "params": model.count_params()}
    if getattr(model, "optimizer", None) is not None:
        entry["iterations"] = int(keras.ops.convert_to_numpy(model.optimizer.iterations))
        entry["optimizer_variables"] = [listed(keras.ops.convert_to_numpy(v)) for v in model.optimizer.variables]
    results[name] = entry


def main():
    directory = sys.argv[1]
    results = {}
    image = rng.uniform(-1, 1, (1, 32, 32, 3)).astype("float32")

    mobilenet = keras.applications.MobileNetV2(
        alpha=0.35, include_top=True, weights=None, input_shape=(32, 32, 3), classes=10
    )
    perturb(mobilenet)
    save(directory, "mobilenetv2", mobilenet, image, results)

    resnet = keras.applications.ResNet50(include_top=False, weights=None, input_shape=(32, 32, 3), pooling="avg")
    perturb(resnet)
    save(directory, "resnet50", resnet, image, results)

    seq = keras.Input((4, 3), name="sequence")
    h = keras.layers.Bidirectional(keras.layers.LSTM(3), name="bilstm")(seq)
    inner = keras.Sequential(
        [
            keras.Input((6,)),
            keras.layers.Dense(4, name="inner_dense"),
            keras.layers.BatchNormalization(name="inner_bn"),
        ],
        name="inner",
    )
    h = inner(h)
    h = keras.layers.Concatenate(name="concat")([h, keras.layers.GRU(2, name="gru")(seq)])
    nested = keras.Model(seq, keras.layers.Dense(2, name="out")(h), name="nested")
    perturb(nested)
    perturb(inner)
    save(directory, "nested", nested, rng.uniform(-1, 1, (2, 4, 3)).astype("float32"), results)

    inp = keras.Input((5,), name="features")
    h = keras.layers.Dense(6, activation="tanh", name="hidden")(inp)
    h = keras.layers.BatchNormalization(name="bn")(h)
    out = keras.layers.Dense(2, name="head")(h)
    small = keras.Model(inp, out, name="small")
    small.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01, momentum=0.5), loss="mse", metrics=["mae"])
    xs = rng.uniform(-1, 1, (6, 5)).astype("float32")
    small.fit(xs, rng.uniform(-1, 1, (6, 2)).astype("float32"), batch_size=3, epochs=1, shuffle=False, verbose=0)
    save(directory, "small_compiled", small, xs, results)

    listing = os.path.join(directory, "strata", "cases.json")
    for case in json.load(open(listing))["cases"] if os.path.exists(listing) else []:
        keras.utils.clear_session()
        try:
            model = keras.saving.load_model(os.path.join(directory, "strata", case["name"] + ".h5"), compile=True)
            x = np.asarray(case["input"]["data"], dtype="float32").reshape(case["input"]["shape"])
            entry = {"output": listed(model.predict(x, verbose=0)), "params": model.count_params()}
            if getattr(model, "optimizer", None) is not None:
                entry["iterations"] = int(keras.ops.convert_to_numpy(model.optimizer.iterations))
                variables = model.optimizer.variables
                entry["optimizer_variables"] = [listed(keras.ops.convert_to_numpy(v)) for v in variables]
                entry["metrics"] = model.get_compile_config()["metrics"]
        except Exception as e:  # reported per case
            entry = {"error": f"{type(e).__name__}: {e}"[:2000]}
        results["strata_" + case["name"]] = entry

    with open(os.path.join(directory, "results.json"), "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
