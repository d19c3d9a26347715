"""Keras 3 as the oracle for Strata's layer numerics (run by layer-numerics.test.ts, never by the product).

  python layer_numerics.py DIR

DIR/cases.json: {"cases": [...]}; each case names DIR/strata/<name>.keras, a Functional around one
layer with Strata's weights (saved by Strata, so Keras's twin has the same config and weights), and:
  inputs   [{"shape", "dtype", "data"}]     the call's tensors
  style    "single" | "list" | "positional"  layer(x), layer([a, b]) or layer(a, b)
  kwargs   {name: value}                     call kwargs; {"__array__": {...}} values are tensors
  inputMasks [tensor or null] (optional)     Keras masks set on the inputs (`_keras_mask`), for the
                                             layers that read masks only there (MultiHeadAttention's
                                             query mask: its `query_mask` kwarg is overwritten)
  modes    [false, true]                     training flags to run
  coefs    [{"shape", "data"}]               the scalar differentiated is sum_i sum(out_i * coefs_i)
  adapt    {"shape", "dtype", "data"} (optional)   call layer.adapt(data) first (preprocessing layers)
For each mode (training only where Keras's call takes `training`, else the result is "same") this
writes the outputs, the gradient of the scalar w.r.t. each float input, and
DIR/keras/<name>.<mode>.weights.h5: the model's weights file with each trainable variable set to
its gradient (jax.grad over layer.stateless_call) and each non-trainable one to its value after
the call (moving statistics). Strata reads that file with its own weight mapping, so no variable
order is assumed here. Results: DIR/numerics_results.json, {name: {mode: {...}} or {"error"}}.
"""
import os

# Compiling, not computing, is most of this script's time (every case has new shapes): LLVM's
# optimization level 0 about halves it; XLA's CPU fast math stays off (its default) either way.
os.environ.setdefault("XLA_FLAGS", "--xla_backend_optimization_level=0")

import jax
import jax.numpy as jnp
import keras
import keras.src.backend  # set_keras_mask: no public API sets a mask on a tensor
import numpy as np

from run_cases import run_cases


def array_of(spec):
    dtype = {"bool": bool, "int32": np.int32}.get(spec.get("dtype", "float32"), np.float32)
    return np.asarray(spec["data"], dtype=dtype).reshape(spec["shape"])


def decode(value):
    if isinstance(value, dict) and "__array__" in value:
        return jnp.asarray(array_of(value["__array__"]))
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def flat(y):
    return list(y) if isinstance(y, (list, tuple)) else [y]


def listed(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": a.reshape(-1).tolist()}


def run_mode(directory, case, model, layer, training):
    xs = [jnp.asarray(array_of(i)) for i in case["inputs"]]
    floats = [k for k, x in enumerate(xs) if jnp.issubdtype(x.dtype, jnp.floating)]
    kwargs = {k: decode(v) for k, v in case.get("kwargs", {}).items()}
    input_masks = decode(case.get("inputMasks", []))
    coefs = [jnp.asarray(array_of(c)) for c in case["coefs"]]
    trainable = [v.value for v in layer.trainable_variables]
    non_trainable = [v.value for v in layer.non_trainable_variables]

    def scalar(tv, float_xs):
        args = list(xs)
        for k, x in zip(floats, float_xs):
            args[k] = x
        for k, m in enumerate(input_masks):
            if m is not None:
                keras.src.backend.set_keras_mask(args[k], m)
        call_args = {"single": [args[0]], "list": [args], "positional": args}[case["style"]]
        if layer._call_has_training_arg:
            kwargs["training"] = training
        y, ntv = layer.stateless_call(tv, non_trainable, *call_args, **kwargs)
        outs = flat(y)
        total = sum(jnp.sum(o * c) for o, c in zip(outs, coefs))
        return total, (outs, ntv)

    grad_fn = jax.jit(jax.value_and_grad(scalar, argnums=(0, 1), has_aux=True))
    (_, (outs, ntv)), (g_weights, g_inputs) = grad_fn(trainable, [xs[k] for k in floats])
    for v, g in zip(layer.trainable_variables, g_weights):
        v.assign(g)
    for v, value in zip(layer.non_trainable_variables, ntv):
        v.assign(value)
    mode = "training" if training else "inference"
    model.save_weights(os.path.join(directory, "keras", f"{case['name']}.{mode}.weights.h5"))
    for v, value in zip(layer.trainable_variables, trainable):
        v.assign(value)
    for v, value in zip(layer.non_trainable_variables, non_trainable):
        v.assign(value)
    input_grads = [None] * len(xs)
    for k, g in zip(floats, g_inputs):
        input_grads[k] = listed(g)
    return {"outputs": [listed(o) for o in outs], "inputGrads": input_grads}


def run_case(directory, case):
    path = os.path.join(directory, "strata", case["name"] + ".keras")
    model = keras.saving.load_model(path, safe_mode=True, compile=False)
    layer = [l for l in model.layers if not isinstance(l, keras.layers.InputLayer)][-1]
    result = {}
    if "adapt" in case:
        layer.adapt(array_of(case["adapt"]))
    for training in case["modes"]:
        if training and not layer._call_has_training_arg:
            result["training"] = "same"  # Keras's call takes no `training`: it cannot differ from inference
            continue
        result["training" if training else "inference"] = run_mode(directory, case, model, layer, training)
    return result



if __name__ == "__main__":
    run_cases(run_case, "numerics_results.json")
