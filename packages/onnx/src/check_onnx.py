"""Checks .onnx files with the official `onnx` package (an oracle no one here wrote).

Reads JSON from stdin, a list of {"name": ..., "bytes": base64}, and runs
onnx.checker.check_model(model, full_check=True) on each (the structural checks, then strict shape
and type inference). Prints one JSON object: name -> "ok" or the checker's message.
Run by checker.test.ts beside it, all models in one process.
"""
import base64
import json
import sys

import onnx


def main() -> None:
    results = {}
    for entry in json.load(sys.stdin):
        try:
            model = onnx.load_from_string(base64.b64decode(entry["bytes"]))
            onnx.checker.check_model(model, full_check=True)
            results[entry["name"]] = "ok"
        except Exception as error:  # the checker's own exception types vary by version
            results[entry["name"]] = f"{type(error).__name__}: {error}"
    print(json.dumps(results))


if __name__ == "__main__":
    main()
