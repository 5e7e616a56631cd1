#!/usr/bin/env python3
"""Prints a markdown table of one metric at chosen iterations for every variant of a wasserflow sweep.

Usage: scripts/reproduction-table.py SWEEP_DIR METRIC IT1,IT2,... [LEVEL]
Reads SWEEP_DIR/<variant>/seed-<n>/metrics.csv (written by `wasserflow ablate`) and prints, per variant, the
mean and standard deviation over seeds of METRIC at each iteration, the mean training seconds to the last of
them, the lowest METRIC of any evaluation, and with LEVEL the mean training seconds to the first evaluation with
METRIC <= LEVEL (or >= LEVEL for accuracy-like metrics, given as +LEVEL) over the seeds that reached it.
Only the Python standard library is used.
"""
import csv
import math
import pathlib
import statistics
import sys


def main(sweep, metric, iterations, level=None):
    sweep = pathlib.Path(sweep)
    order = [line.split('=', 1)[1].strip() for line in (sweep / 'sweep.properties').read_text().splitlines()
             if line.startswith('ablate.variants')]
    variants = [v.strip() for v in order[0].split(',')] if order else sorted(p.name for p in sweep.iterdir() if p.is_dir())
    above = level is not None and level.startswith('+')
    head = ['variant', 'seeds'] + [f'{metric} @ {i}' for i in iterations] + [f'train s @ {iterations[-1]}',
                                                                             ('highest ' if above else 'lowest ') + metric]
    if level is not None:
        head.append(f'train s to {metric} {">=" if above else "<="} {level.lstrip("+")} (seeds)')
    print('| ' + ' | '.join(head) + ' |')
    print('|' + '---|' * len(head))
    for v in variants:
        runs = sorted((sweep / v).glob('seed-*/metrics.csv'))
        tables = [list(csv.DictReader(open(r))) for r in runs]
        cells = [v, str(len(tables))]
        for i in iterations:
            values = [float(row[metric]) for t in tables for row in t if int(float(row['iteration'])) == i]
            cells.append(fmt(values))
        times = [float(row['train_s']) for t in tables for row in t if int(float(row['iteration'])) == iterations[-1]]
        cells.append(f'{statistics.mean(times):.0f}' if times else '-')
        seen = [float(row[metric]) for t in tables for row in t if math.isfinite(float(row[metric]))]
        cells.append(f'{(max(seen) if above else min(seen)):.3f}' if seen else '-')
        if level is not None:
            bound = float(level.lstrip('+'))
            reach = []
            for t in tables:
                hit = [float(row['train_s']) for row in t if (float(row[metric]) >= bound if above else float(row[metric]) <= bound)]
                if hit:
                    reach.append(hit[0])
            cells.append(f'{statistics.mean(reach):.0f} ({len(reach)}/{len(tables)})' if reach else f'- (0/{len(tables)})')
        print('| ' + ' | '.join(cells) + ' |')


def fmt(values):
    values = [v for v in values if math.isfinite(v)]
    if not values:
        return '-'
    if len(values) == 1:
        return f'{values[0]:.3f}'
    return f'{statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}'


if __name__ == '__main__':
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], [int(i) for i in sys.argv[3].split(',')], sys.argv[4] if len(sys.argv) == 5 else None)
