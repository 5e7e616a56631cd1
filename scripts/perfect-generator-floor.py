#!/usr/bin/env python3
"""What a perfect generator scores on wasserflow's toy evaluations: exact W2 to a stratified data set over the
floor (a stratified reference set against the data set), for a map that pushes N(0, I) exactly onto the mixture.

The map turns the latent by `turn` radians (default 0.5, so that the modes' pre-images, strips, are not aligned with
the quasi-random points' axes, as a learned map's are not; turn=0 aligns them, the most favourable case), sends the
first coordinate's normal quantile to a mode (equal masses) and to the position within the mode along one axis, and
the second coordinate to the other axis. Its latents
are drawn independently or as wasserflow's evaluation set does (Sobol points shifted by one uniform vector
modulo 1, through the normal quantile). Usage: python3 scripts/perfect-generator-floor.py [n=2000] [seeds=3]
[turn=0.5] [write=DIR]; with write, the quasi-random perfect samples are saved as DIR/perfect-<law>-<seed>.npy, to score with
`wasserflow evaluate` on a run's own evaluation sets. Needs numpy, scipy and POT (Debian: python3-scipy python3-pot).
"""
import sys
import warnings

import numpy as np
import ot
from scipy.stats import norm, qmc


def mixture(name):
    if name == "ring":
        angle = 2 * np.pi * np.arange(8) / 8
        return np.stack([np.cos(angle), np.sin(angle)], 1), 0.1
    side = np.arange(5) * 2.0 - 4
    return np.array([[a, b] for a in side for b in side]), 0.05


def perfect(z, centres, std, turn):
    k = len(centres)
    c, s = np.cos(turn), np.sin(turn)
    a, b = c * z[:, 0] - s * z[:, 1], s * z[:, 0] + c * z[:, 1]
    u = norm.cdf(a) * k
    mode = np.minimum(u.astype(int), k - 1)
    within = norm.ppf(np.clip(u - mode, 1e-12, 1 - 1e-12))
    return centres[mode] + std * np.stack([within, b], 1)


def stratified(centres, std, n, rng):
    return centres[np.repeat(np.arange(len(centres)), n // len(centres))] + std * rng.standard_normal((n, 2))


def w2(a, b):
    return np.sqrt(ot.emd2([], [], ot.dist(a, b), numItermax=10 ** 7))


def main():
    warnings.filterwarnings("ignore", message=".*balance properties.*")
    args = dict(a.split("=") for a in sys.argv[1:])
    n, seeds, turn = int(args.get("n", 2000)), int(args.get("seeds", 3)), float(args.get("turn", 0.5))
    print("law   seed  floor    perfect/floor (independent latents)  perfect/floor (quasi-random latents)")
    for name in ("ring", "grid"):
        centres, std = mixture(name)
        for seed in range(1, seeds + 1):
            rng = np.random.default_rng(seed)
            data = stratified(centres, std, n, rng)
            floor = w2(stratified(centres, std, n, rng), data)
            independent = rng.standard_normal((n, 2))
            sobol = (qmc.Sobol(2, scramble=False).random(n) + rng.random(2)) % 1
            quasi = norm.ppf(np.clip(sobol, 1e-15, 1 - 1e-15))
            evenly = perfect(quasi, centres, std, turn)
            print("%-5s %4d  %.4f   %6.2f   %35.2f" % (name, seed, floor, w2(perfect(independent, centres, std, turn), data) / floor,
                                                  w2(evenly, data) / floor))
            if "write" in args:
                np.save("%s/perfect-%s-%d.npy" % (args["write"], name, seed), evenly.astype(np.float32))


if __name__ == "__main__":
    main()
