#!/usr/bin/env python3
"""Cuts the small USPS and MNIST test fixtures from the full data sets.

The runners and problems tests read the full data from ../shared/data when it is there (CI) and
otherwise these fixtures, committed under runners/src/test/resources/digits/ (and the same bytes under
problems/src/test/resources/digits/: copy them there after a rerun). Each fixture keeps the format and
the file name of the original, so that the data paths of a preset can point into the fixture directory:

    usps/zip.train.gz                    ESL text, gzipped: a label then 256 grey values per line
    mnist/train-images-idx3-ubyte.gz     IDX, gzipped: magic 0x803, count, 28, 28, then the pixels
    mnist/train-labels-idx1-ubyte.gz     IDX, gzipped: magic 0x801, count, then the labels
    mnist/t10k-images-idx3-ubyte.gz      likewise, from the MNIST test set
    mnist/t10k-labels-idx1-ubyte.gz

Every fixture is stratified: the first PER_DIGIT images of each digit 0..9, in the order of the
original file, so each holds 10 * PER_DIGIT images and every digit equally often. USPS lines are
copied verbatim. The gzip headers carry no name and time stamp 0, so a rerun gives the same bytes.

Usage (numpy and the standard library only):
    python3 scripts/cut-digit-fixtures.py [SOURCE_DIR [TARGET_DIR]]
SOURCE_DIR defaults to ../shared/data, TARGET_DIR to runners/src/test/resources/digits (relative to
the repository root, where this script is meant to be run from).
"""
import gzip
import struct
import sys
from pathlib import Path

import numpy as np

PER_DIGIT = 30


def first_per_digit(labels):
    """Indices of the first PER_DIGIT occurrences of each digit, in file order."""
    labels = np.asarray(labels)
    keep = np.concatenate([np.flatnonzero(labels == d)[:PER_DIGIT] for d in range(10)])
    if len(keep) != 10 * PER_DIGIT:
        raise SystemExit(f"fewer than {PER_DIGIT} images of some digit")
    return np.sort(keep)


def write_gzip(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
        out.write(data)
    print(f"{path}: {path.stat().st_size} bytes")


def cut_usps(source, target):
    with gzip.open(source / "usps" / "zip.train.gz", "rt", encoding="ascii") as f:
        lines = [line for line in f if line.strip()]
    labels = [int(float(line.split()[0])) for line in lines]
    kept = "".join(lines[i] for i in first_per_digit(labels))
    write_gzip(target / "usps" / "zip.train.gz", kept.encode("ascii"))


def read_idx(path, magic):
    with gzip.open(path, "rb") as f:
        data = f.read()
    found, count = struct.unpack(">II", data[:8])
    if found != magic:
        raise SystemExit(f"{path}: magic 0x{found:x}, expected 0x{magic:x}")
    dims = struct.unpack(">" + "I" * (magic & 0xFF), data[4:4 + 4 * (magic & 0xFF)])
    body = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * len(dims))
    return dims, body.reshape(count, -1)


def cut_mnist(source, target, prefix):
    images_name = f"{prefix}-images-idx3-ubyte.gz"
    labels_name = f"{prefix}-labels-idx1-ubyte.gz"
    dims, images = read_idx(source / "mnist" / images_name, 0x803)
    _, labels = read_idx(source / "mnist" / labels_name, 0x801)
    keep = first_per_digit(labels[:, 0])
    header = struct.pack(">IIII", 0x803, len(keep), dims[1], dims[2])
    write_gzip(target / "mnist" / images_name, header + images[keep].tobytes())
    write_gzip(target / "mnist" / labels_name, struct.pack(">II", 0x801, len(keep)) + labels[keep].tobytes())


def main():
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
    target = Path(sys.argv[2] if len(sys.argv) > 2 else "runners/src/test/resources/digits")
    cut_usps(source, target)
    cut_mnist(source, target, "train")
    cut_mnist(source, target, "t10k")


if __name__ == "__main__":
    main()
