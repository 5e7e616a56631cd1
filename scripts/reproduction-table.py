#!/usr/bin/env python3
"""Prints a markdown table of one metric at chosen iterations for every variant of a wasserflow sweep.

Usage: scripts/reproduction-table.py SWEEP_DIR METRIC IT1,IT2,...
Reads SWEEP_DIR/<variant>/seed-<n>/metrics.csv (written by `wasserflow ablate`) and prints, per variant, the
mean and standard deviation over seeds of METRIC at each iteration, and the mean training seconds to reach it.
Only the Python standard library is used.
"""
import csv
import pathlib
import statistics
import sys


def main(sweep, metric, iterations):
    sweep = pathlib.Path(sweep)
    order = [line.split('=', 1)[1].strip() for line in (sweep / 'sweep.properties').read_text().splitlines()
             if line.startswith('ablate.variants')]
    variants = [v.strip() for v in order[0].split(',')] if order else sorted(p.name for p in sweep.iterdir() if p.is_dir())
    head = ['variant', 'seeds'] + [f'{metric} @ {i}' for i in iterations] + [f'train s @ {iterations[-1]}']
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
        print('| ' + ' | '.join(cells) + ' |')


def fmt(values):
    if not values:
        return '-'
    if len(values) == 1:
        return f'{values[0]:.3f}'
    return f'{statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}'


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], [int(i) for i in sys.argv[3].split(',')])
