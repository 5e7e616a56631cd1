#!/usr/bin/env python3
"""Cuts the small W2 benchmark test fixtures from the Mix3toMix10 sample files.

The runners tests read these fixtures, committed under runners/src/test/resources/w2bench/mix3tomix10/, so that
the suite does not need ../shared. Each fixture directory keeps the layout and file names of the original
(docs/w2bench.md): for D in {2, 8}, the first TRAIN rows of x_train.npy and y_train.npy, the first TEST rows of
x_test.npy and tx_test.npy (float32, C order), and a meta.json holding D, the row counts and the original's var_Q
(the benchmark's Var(Q), estimated on 16384 samples of Q, which the subset's y_train only approximates).

Usage (numpy and the standard library only):
    python3 scripts/cut-w2bench-fixtures.py [SOURCE_DIR [TARGET_DIR]]
SOURCE_DIR defaults to ../shared/data/w2bench/mix3tomix10, TARGET_DIR to
runners/src/test/resources/w2bench/mix3tomix10 (relative to the repository root, where this script is run from).
"""
import json
import sys
from pathlib import Path

import numpy as np

DIMS = (2, 8)
TRAIN = 2000
TEST = 500


def main():
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/w2bench/mix3tomix10")
    target = Path(sys.argv[2] if len(sys.argv) > 2 else "runners/src/test/resources/w2bench/mix3tomix10")
    for d in DIMS:
        src = source / f"d{d}"
        dst = target / f"d{d}"
        dst.mkdir(parents=True, exist_ok=True)
        for name, rows in (("x_train", TRAIN), ("y_train", TRAIN), ("x_test", TEST), ("tx_test", TEST)):
            a = np.load(src / f"{name}.npy")
            assert a.dtype == np.dtype("<f4") and a.shape[1] == d, (name, a.dtype, a.shape)
            np.save(dst / f"{name}.npy", np.ascontiguousarray(a[:rows]))
        meta = json.loads((src / "meta.json").read_text())
        cut = {
            "D": d,
            "n_train": TRAIN,
            "n_test": TEST,
            "var_Q": meta["var_Q"],
            "note": f"first {TRAIN} train and {TEST} test rows of {src.name} (scripts/cut-w2bench-fixtures.py); var_Q of the original",
        }
        (dst / "meta.json").write_text(json.dumps(cut, indent=2) + "\n")
        print(f"{dst}: {TRAIN} train, {TEST} test rows")


if __name__ == "__main__":
    main()
