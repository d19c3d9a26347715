"""Reads a TensorBoard run folder with TensorBoard's own event reader and prints what it found as JSON.

The oracle for tensorboard.test.ts: TensorBoard's EventAccumulator (the reader behind its UI) must
accept every file, and its tensors, histograms, text and graph are printed for the test to compare.
"""
import json
import os
import sys

from tensorboard.backend.event_processing import event_accumulator
from tensorboard.util import tensor_util

run = sys.argv[1]
out = {}
for sub in ("train", "validation"):
    acc = event_accumulator.EventAccumulator(os.path.join(run, sub), size_guidance={"tensors": 0, "histograms": 0})
    acc.Reload()
    tags = acc.Tags()
    entry = {"tensors": {}, "plugins": {}}
    for tag in tags["tensors"]:
        events = acc.Tensors(tag)
        values = []
        for e in events:
            a = tensor_util.make_ndarray(e.tensor_proto)
            values.append({"step": e.step, "shape": list(a.shape), "dtype": str(a.dtype),
                           "value": a.tolist() if a.dtype.kind != "O" else a.item().decode("utf8")})
        entry["tensors"][tag] = values
        entry["plugins"][tag] = acc.SummaryMetadata(tag).plugin_data.plugin_name
    if tags["graph"]:
        graph = acc.Graph()
        entry["graph"] = [{"name": n.name, "op": n.op, "input": list(n.input)} for n in graph.node]
    out[sub] = entry
print(json.dumps(out))
