"""Writes a .keras file with Python Keras for the playground test, and Keras's predictions for it.

argv[1]: where to write the model; argv[2]: the iris CSV shipped with the playground. Prints a JSON
list: for each CSV row, [the four features, Keras's probabilities for them].
"""
import csv
import json
import sys

import keras
import numpy as np

keras.utils.set_random_seed(7)
model = keras.Sequential([
    keras.Input(shape=(4,)),
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(3, activation="softmax"),
], name="keras_iris")
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.save(sys.argv[1])

with open(sys.argv[2]) as f:
    rows = [[float(v) for v in r[:4]] for r in list(csv.reader(f))[1:]]
x = np.array(rows, dtype="float32")
p = model.predict(x, verbose=0)
print(json.dumps([[r, [float(v) for v in q]] for r, q in zip(rows, p)]))
