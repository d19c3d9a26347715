#!/usr/bin/env python3
"""Lists a .keras archive the way Keras 3's saving_lib reads it, with Python's zipfile and h5py.

Used to check the files Strata writes against readers no one here wrote: keras-compat.test.ts holds
this script's output for a Strata-written Sequential and Functional model and checks that Strata's
own reading of the same files gives the same listing.

    STRATA_KERAS_SAMPLES=/tmp/k npx jest packages/serialization/src/keras/keras-compat.test.ts
    /usr/bin/python3 packages/serialization/src/keras/verify_h5py.py /tmp/k/sequential.keras

Like saving_lib.load_model it opens the archive with zipfile, parses config.json with json.loads,
and opens model.weights.h5 with h5py from an in-memory file object (H5IOStore with an archive).
It also checks what Keras's Layer.load_own_variables relies on: every `vars` group holds datasets
named 0..n-1; and, independently of Strata's code, it derives from config.json alone where Keras 3
would look for each built-in layer's variables (saving_lib's walk: Sequential layers in order,
Functional layers ordered as ops/function.py's map_graph orders them, class-name paths numbered
per container, RNN weights under `cell`) and how many it expects, and checks the weights file has
them there, under the layer's name.
"""
import io
import re
import json
import sys
import zipfile

import h5py


def snake(name):
    # keras.src.utils.naming.to_snake_case
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def expected_vars(entry):
    """{sub-path: count} of the variables Keras 3 creates for a built-in layer's config."""
    cls, c = entry["class_name"], entry["config"]
    bias = 1 if c.get("use_bias", True) else 0
    if cls in ("Dense", "Conv1D", "Conv2D", "Conv3D"):
        return {"": 1 + bias}
    if cls == "BatchNormalization":
        return {"": int(c.get("scale", True)) + int(c.get("center", True)) + 2}
    if cls == "Embedding":
        return {"": 1}
    if cls in ("LSTM", "GRU", "SimpleRNN"):
        return {"": 0, "/cell": 2 + bias}
    return {"": 0}


def history_refs(x, out):
    if isinstance(x, dict):
        if x.get("class_name") == "__keras_tensor__":
            name, node, _ = x["config"]["keras_history"]
            out.append((name, node))
        for v in x.values():
            history_refs(v, out)
    elif isinstance(x, list):
        for v in x:
            history_refs(v, out)
    return out


def functional_order(config):
    """The layers of a Functional config in map_graph's order (by depth, then traversal)."""
    entries = {e["name"]: e for e in config["layers"]}
    parents = {}
    for e in config["layers"]:
        for i, node in enumerate(e.get("inbound_nodes", [])):
            parents[(e["name"], i)] = history_refs(node, [])
    inputs = {tuple(x[:2]) for x in config["input_layers"]}
    finished, ordered, indices = set(), [], {}

    def visit(key):
        if key in finished:
            return
        indices.setdefault(key[0], len(indices))
        if key not in inputs:
            for parent in parents.get(key, []):
                visit(parent)
        finished.add(key)
        ordered.append(key)

    for out in config["output_layers"]:
        visit(tuple(out[:2]))
    node_depth, op_depth = {}, {}
    for key in reversed(ordered):
        depth = max(node_depth.get(key, 0), op_depth.get(key[0], 0))
        op_depth[key[0]] = depth
        node_depth[key] = depth
        for parent in parents.get(key, []):
            if parent in finished:
                node_depth[parent] = max(depth + 1, node_depth.get(parent, 0))
    for x in config["input_layers"]:
        if x[0] not in op_depth:
            op_depth[x[0]], indices[x[0]] = 0, -1
    names = sorted(op_depth, key=lambda n: (-op_depth[n], indices[n]))
    return [entries[n] for n in names]


def keras_walk(entry, path, out):
    """(vars group, layer name, expected count) for a model config, as saving_lib walks it."""
    cls = entry["class_name"]
    out.append((f"{path}/vars" if path else "vars", entry["config"].get("name"), 0 if cls in ("Sequential", "Functional") else None))
    if cls == "Sequential":
        layers = [e for e in entry["config"]["layers"] if e["class_name"] != "InputLayer"]
    elif cls == "Functional":
        layers = functional_order(entry["config"])
    else:
        return out
    used = {}
    for e in layers:
        name = snake(e["class_name"])
        if name in used:
            used[name] += 1
            name = f"{name}_{used[name]}"
        else:
            used[name] = 0
        child = f"{path}/layers/{name}" if path else f"layers/{name}"
        if e["class_name"] in ("Sequential", "Functional"):
            keras_walk(e, child, out)
            continue
        for sub, count in expected_vars(e).items():
            out.append((f"{child}{sub}/vars", e["config"]["name"] if not sub else None, count))
    return out


def main(path):
    with zipfile.ZipFile(path, "r") as zf:
        for info in zf.infolist():
            method = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}.get(info.compress_type, str(info.compress_type))
            print(f"zip: {info.filename} {method}")
        bad = zf.testzip()
        print(f"zip: crc {'ok' if bad is None else 'BAD ' + bad}")
        config = json.loads(zf.read("config.json"))
        metadata = json.loads(zf.read("metadata.json"))
        print(f"config: module={config.get('module')} class_name={config.get('class_name')} registered_name={config.get('registered_name')}")
        print(f"config: keys={sorted(config)}")
        print(f"metadata: keys={sorted(metadata)} keras_version={metadata.get('keras_version')}")
        with zf.open("model.weights.h5", "r") as f:
            h5 = h5py.File(io.BytesIO(f.read()), mode="r")
    problems = []

    def visit(name, obj):
        attrs = {k: (v.decode() if isinstance(v, bytes) else str(v)) for k, v in obj.attrs.items()}
        if isinstance(obj, h5py.Dataset):
            print(f"h5: /{name} {obj.dtype} {tuple(obj.shape)}")
        else:
            print(f"h5: /{name}/ {attrs if attrs else ''}".rstrip())
            if name.split("/")[-1] == "vars":
                keys = sorted(obj.keys(), key=int) if all(k.isdigit() for k in obj.keys()) else list(obj.keys())
                if keys != [str(i) for i in range(len(keys))]:
                    problems.append(f"/{name} holds {keys}, not 0..n-1")

    h5.visititems(visit)
    if h5.get("vars") is None:
        problems.append("no /vars group (the model's own variables)")
    if config.get("class_name") in ("Sequential", "Functional"):
        walk = keras_walk(config, "", [])
        for group, name, count in walk:
            g = h5.get(group)
            found = 0 if g is None else len(g.keys())
            if count is not None and found != count:
                problems.append(f"{group}: Keras expects {count} variables, found {found}")
            if g is not None and name is not None and g.attrs.get("name") != name:
                problems.append(f"{group}: named {g.attrs.get('name')!r}, the config's layer there is {name!r}")
        print(f"keras walk: {len(walk)} vars groups derived from config.json")
    print("problems: " + ("; ".join(problems) if problems else "none"))


if __name__ == "__main__":
    main(sys.argv[1])
