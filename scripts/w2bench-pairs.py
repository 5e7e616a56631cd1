#!/usr/bin/env python3
"""Makes benchmark pair directories for `wasserflow w2bench` from the published Mix3toMix10 pairs.

The continuous Wasserstein-2 benchmark (Korotin et al., NeurIPS 2021, https://github.com/iamalexkorotin/Wasserstein2Benchmark,
MIT License) publishes, for each dimension D, two ICNN potentials whose sum (standardised) has the W2-optimal map T* from a
Gaussian mixture P to Q = T*#P as its gradient. This script runs the benchmark's own code, unchanged, to draw samples and
writes them as plain .npy files in the layout `wasserflow w2bench` reads (docs/w2bench.md):

    OUT/d{D}/x_train.npy   float32 [TRAIN, D]  samples of P
    OUT/d{D}/y_train.npy   float32 [TRAIN, D]  samples of Q: T*(x') for an independent draw x' of P
    OUT/d{D}/x_test.npy    float32 [TEST, D]   fresh samples of P
    OUT/d{D}/tx_test.npy   float32 [TEST, D]   T*(x_test), the ground truth, row-aligned
    OUT/d{D}/meta.json     D, the row counts, var_Q (the benchmark's Var(Q), its output_sampler.var), the seed

None of the benchmark's code is copied here: the script imports it from a clone. Needs Python 3, PyTorch, numpy, scipy
and scikit-learn (the benchmark's imports), and a clone of the benchmark repository (with its benchmarks/ weights).
Without CUDA the benchmark's samplers, which default to device 'cuda', are redirected to the CPU.

Usage:
    git clone https://github.com/iamalexkorotin/Wasserstein2Benchmark /tmp/W2B
    python3 scripts/w2bench-pairs.py --repo /tmp/W2B --out data/w2bench/mix3tomix10 [--dims 2,4,8,16,32,64,128]
        [--train 16384] [--test 4096] [--seed 12345]
    ./wasserflow w2bench data/w2bench/mix3tomix10 out=w2bench-results
"""
import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np
import torch


def cpu_only():
    """Sends tensors and modules that the benchmark's code places on 'cuda' to the CPU, on a machine without CUDA."""
    def redirect(device):
        return "cpu" if device is not None and str(device).startswith("cuda") else device

    def factory(make):
        return lambda *a, device=None, **k: make(*a, device=redirect(device), **k)

    for name in ("tensor", "as_tensor", "randn", "rand", "zeros", "ones", "eye", "empty", "full", "arange"):
        setattr(torch, name, factory(getattr(torch, name)))
    tensor_to = torch.Tensor.to
    torch.Tensor.to = lambda self, *a, **k: tensor_to(self, *[redirect(x) if isinstance(x, str) else x for x in a], **k)
    module_to = torch.nn.Module.to
    torch.nn.Module.to = lambda self, *a, **k: module_to(self, *[redirect(x) if isinstance(x, str) else x for x in a], **k)
    torch.nn.Module.cuda = lambda self, *a, **k: self
    torch.Tensor.cuda = lambda self, *a, **k: self


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--repo", required=True, help="a clone of iamalexkorotin/Wasserstein2Benchmark")
    p.add_argument("--out", required=True, help="the benchmark directory to write (d<D>/ subdirectories)")
    p.add_argument("--dims", default="2,4,8,16,32,64,128")
    p.add_argument("--train", type=int, default=16384)
    p.add_argument("--test", type=int, default=4096)
    p.add_argument("--seed", type=int, default=12345)
    args = p.parse_args()
    repo = Path(args.repo).resolve()
    out = Path(args.out).resolve()
    device = "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cpu":
        cpu_only()
    sys.path.insert(0, str(repo))
    os.chdir(repo / "notebooks")  # the benchmark loads its weights from ../benchmarks/
    from src import map_benchmark  # noqa: E402  (the benchmark's code, imported from the clone)

    for d in (int(v) for v in args.dims.split(",")):
        bench = map_benchmark.Mix3ToMix10Benchmark(d, device=device)
        np.random.seed(args.seed)
        torch.manual_seed(args.seed)

        def images(x):
            x.requires_grad_(True)
            return bench.map_fwd(x, nograd=True)

        x_train = bench.input_sampler.sample(args.train)
        y_train = images(bench.input_sampler.sample(args.train))
        x_test = bench.input_sampler.sample(args.test)
        tx_test = images(x_test.detach().clone())
        target = out / f"d{d}"
        target.mkdir(parents=True, exist_ok=True)
        for name, a in (("x_train", x_train), ("y_train", y_train), ("x_test", x_test), ("tx_test", tx_test)):
            np.save(target / f"{name}.npy", np.ascontiguousarray(a.detach().cpu().numpy().astype("<f4")))
        meta = {
            "D": d,
            "n_train": args.train,
            "n_test": args.test,
            "dtype": "float32",
            "generation_seed": args.seed,
            "var_Q": float(bench.output_sampler.var),
            "var_Q_how": "the benchmark's output_sampler.var: total variance of 2**14 samples of Q drawn when it is built",
            "source": {"repo": "https://github.com/iamalexkorotin/Wasserstein2Benchmark",
                       "pair": f"Mix3ToMix10Benchmark({d}), benchmarks/Mix3toMix10/{d}_v1.pt and {d}_v2.pt",
                       "device": device},
        }
        (target / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
        print(f"{target}: {args.train} train, {args.test} test rows, var_Q {meta['var_Q']:.4f}")


if __name__ == "__main__":
    main()
