# Oracle for api.test.ts: reads {"namespace": ["name", ...]} on stdin ('' is keras itself,
# 'optimizers.schedules' a sub-namespace) and prints the names Keras 3 does not have, per namespace.
import json
import sys

import keras

wanted = json.load(sys.stdin)
missing = {}
for namespace, names in wanted.items():
    module = keras
    for part in filter(None, namespace.split(".")):
        module = getattr(module, part)
    absent = [n for n in names if not hasattr(module, n)]
    if absent:
        missing[namespace] = absent
print(json.dumps({"version": keras.__version__, "missing": missing}))
