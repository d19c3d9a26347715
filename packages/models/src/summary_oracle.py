"""Writes summary-keras.json: Keras 3's own `model.summary()` text for the models summary.test.ts
builds the same way (names, shapes, line lengths), so the test compares Strata's table with Keras's
character for character. Run with the repository's venv, from anywhere:

    KERAS_BACKEND=jax .venv/bin/python packages/models/src/summary_oracle.py
"""

import json
import os

os.environ.setdefault("KERAS_BACKEND", "jax")
# rich draws at most the console's width (80 without a terminal): wide enough for every case.
os.environ["COLUMNS"] = "200"

import keras  # noqa: E402


def mnist_mlp():
    return keras.Sequential(
        [
            keras.Input((784,)),
            keras.layers.Dense(64, activation="relu", name="hidden"),
            keras.layers.Dense(10, name="logits"),
        ],
        name="mnist_mlp",
    )


def siamese():
    a = keras.Input((3,), name="query")
    b = keras.Input((3,), name="doc")
    enc = keras.layers.Dense(2, name="encoder")
    joined = keras.layers.Concatenate(name="pair")([enc(a), enc(b)])
    return keras.Model([a, b], keras.layers.Dense(1, name="match")(joined), name="siamese")


def two_towers():
    a = keras.Input((6,), name="question_tokens", dtype="int32")
    b = keras.Input((6,), name="answer_tokens", dtype="int32")
    ea = keras.layers.Embedding(50, 8, name="embedding")(a)
    eb = keras.layers.Embedding(50, 8, name="embedding_1")(b)
    c = keras.layers.Concatenate(name="concatenate")([ea, eb])
    s = keras.layers.Add(name="add")([ea, eb])
    m = keras.layers.Concatenate(name="concatenate_1")([c, s, ea])
    return keras.Model([a, b], keras.layers.Dense(4, name="dense")(m), name="two_towers")


# (key, model, summary options): the keys summary.test.ts reads.
CASES = [
    ("mnist_mlp@76", mnist_mlp, {"line_length": 76}),
    ("siamese@120+trainable", siamese, {"line_length": 120, "show_trainable": True}),
    ("two_towers@108", two_towers, {"line_length": 108}),
    ("two_towers@80", two_towers, {"line_length": 80}),
    ("two_towers@64", two_towers, {"line_length": 64}),
]


def summary_text(model, options):
    captured = []
    model.summary(print_fn=lambda text, line_break=True: captured.append(text), **options)
    return "".join(captured).rstrip("\n")


def main():
    out = {key: summary_text(build(), options) for key, build, options in CASES}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "summary-keras.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"keras": keras.__version__, "summaries": out}, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
