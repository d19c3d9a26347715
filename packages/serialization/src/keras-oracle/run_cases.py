# The driver both oracle scripts share (keras_oracle.py, layer_numerics.py): read the cases the test wrote,
# run each in a fresh Keras session, report a failure per case (so one does not hide the rest), write results.
import json
import os
import sys
import traceback

import keras


def run_cases(run_case, results_name):
    directory = sys.argv[1]
    os.makedirs(os.path.join(directory, "keras"), exist_ok=True)
    with open(os.path.join(directory, "cases.json")) as f:
        cases = json.load(f)["cases"]
    results = {}
    for case in cases:
        keras.utils.clear_session()
        try:
            results[case["name"]] = run_case(directory, case)
        except Exception as e:
            tail = traceback.format_exc().strip().splitlines()[-6:]
            results[case["name"]] = {"error": f"{type(e).__name__}: {e}"[:2000] + "\n" + "\n".join(tail)}
    with open(os.path.join(directory, results_name), "w") as f:
        json.dump(results, f)
