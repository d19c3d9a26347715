"""Keras 3's mask behaviour for each case mask-behaviour.test.ts sends (JSON on stdin, JSON on stdout).

For every case: the layer is built from its Keras config, called eagerly through its real
`__call__` on inputs that carry a mask (`_keras_mask`, as after Embedding(mask_zero=True)), and the
masks Keras attaches to its outputs are reported with `supports_masking`: for each output null
(the mask is dropped), or the mask's shape and values and whether it is the input mask itself.
One process for every case: importing Keras takes seconds.
"""

import json
import sys
import warnings

import numpy as np

import keras
from keras.src.backend.common.masking import get_keras_mask, set_keras_mask

warnings.simplefilter("ignore")

# Lambda configs name a function; these are the ones the test registers on the Strata side.
LAMBDA_FUNCTIONS = {"mask_oracle_double": lambda x: x * 2.0}


def build_value(value):
    """Nested `{class_name, config}` objects (a wrapped layer, an RNN cell) become Keras layers."""
    if isinstance(value, dict) and "class_name" in value:
        config = {k: build_value(v) for k, v in value["config"].items()}
        return getattr(keras.layers, value["class_name"])(**config)
    if isinstance(value, list):
        return [build_value(v) for v in value]
    return value


def make_layer(case):
    config = {k: build_value(v) for k, v in case["config"].items()}
    if case["class_name"] == "Lambda":
        config["function"] = LAMBDA_FUNCTIONS[config["function"]]
    return getattr(keras.layers, case["class_name"])(**config)


def make_input(spec):
    x = keras.ops.convert_to_tensor(np.asarray(spec["values"], dtype=spec["dtype"]).reshape(spec["shape"]))
    mask = None
    if spec.get("mask") is not None:
        m = spec["mask"]
        mask = keras.ops.convert_to_tensor(np.asarray(m["values"], dtype=bool).reshape(m["shape"]))
        set_keras_mask(x, mask)
    return x, mask


def describe(mask, input_masks):
    if mask is None:
        return None
    same = next((i for i, m in enumerate(input_masks) if m is not None and m is mask), -1)
    values = np.asarray(mask).astype(bool)
    return {"shape": list(values.shape), "values": values.reshape(-1).astype(int).tolist(), "same": same}


def run(case):
    layer = make_layer(case)
    pairs = [make_input(spec) for spec in case["inputs"]]
    xs = [x for x, _ in pairs]
    masks = [m for _, m in pairs]
    if case["call"] == "single":
        outputs = layer(xs[0])
    elif case["call"] == "positional":
        outputs = layer(*xs)
    else:
        outputs = layer(xs)
    flat = outputs if isinstance(outputs, (list, tuple)) else [outputs]
    return {
        "name": case["name"],
        "supportsMasking": bool(layer.supports_masking),
        "outputs": [describe(get_keras_mask(o), masks) for o in flat],
    }


def main():
    cases = json.load(sys.stdin)
    results = []
    for case in cases:
        try:
            results.append(run(case))
        except Exception as error:  # reported per case: the test names the layer Keras refused
            results.append({"name": case["name"], "error": f"{type(error).__name__}: {error}"})
    json.dump({"keras": keras.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
