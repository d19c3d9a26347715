"""Training throughput of PyTorch on the CPU, the peer of training.bench.ts.

Usage: torch_training.py THREADS  ->  prints one JSON line {"torch": version, "threads": n, "cnn": samples/s, "mlp": samples/s}
The same models as tools/bench/architectures.ts (Keras's default initialisers do not matter for
speed), Adam(1e-3), sparse categorical cross-entropy on random data, batch 128.
"""
import json
import sys
import time

import torch
from torch import nn

BATCH = 128


def cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 5 * 5, 128), nn.ReLU(), nn.Linear(128, 10),
    )


def mlp():
    return nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 10))


def rate(model, x_shape, steps):
    torch.manual_seed(1)
    x = torch.randn(BATCH, *x_shape)
    y = torch.randint(0, 10, (BATCH,))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def step():
        opt.zero_grad()
        loss_fn(model(x), y).backward()
        opt.step()

    for _ in range(3):
        step()
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    times.sort()
    return BATCH / times[len(times) // 2]


def main():
    threads = int(sys.argv[1])
    torch.set_num_threads(threads)
    out = {"torch": torch.__version__, "threads": torch.get_num_threads()}
    out["cnn"] = rate(cnn(), (1, 28, 28), 15)
    out["mlp"] = rate(mlp(), (784,), 25)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
