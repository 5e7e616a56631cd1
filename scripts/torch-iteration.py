#!/usr/bin/env python3
"""One W2-FE training iteration of the default ring configuration in PyTorch, timed like `wasserflow bench`.

A cross-check of speed, not of results: it performs the same work per iteration as
`./wasserflow bench configs/ring-w2.properties` (docs/math.md sections 2 and 6) written the way a PyTorch
user would write it, batched as wasserflow batches it: batch 512, 5 critic steps on the penalised dual with
the interpolant and equality terms (double back-propagation), then one Euler step and K = 5 Adam steps of
the residual batch-norm generator on the same z. Written from the algorithm, not from the authors' code.

Usage: OMP_NUM_THREADS=2 python3 scripts/torch-iteration.py [--threads 2] [--warmup 50] [--iterations 100]
"""
import argparse
import math
import statistics
import time

import torch
from torch import nn


def mlp(widths, init_std, batch_norm):
    layers = []
    for i in range(len(widths) - 1):
        linear = nn.Linear(widths[i], widths[i + 1])
        nn.init.normal_(linear.weight, 0.0, init_std)
        nn.init.zeros_(linear.bias)
        layers.append(linear)
        if i < len(widths) - 2:
            if batch_norm:
                layers.append(nn.BatchNorm1d(widths[i + 1]))
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = mlp([2, 128, 128, 128, 2], 0.01, batch_norm=True)

    def forward(self, z):
        return z + self.body(z)


def ring(m, gen):
    modes = torch.randint(0, 8, (m,), generator=gen)
    angle = modes.float() * (2 * math.pi / 8)
    centres = torch.stack([torch.cos(angle), torch.sin(angle)], dim=1)
    return centres + 0.1 * torch.randn(m, 2, generator=gen)


def value_and_grad(net, points):
    points = points if points.requires_grad else points.requires_grad_(True)
    values = net(points).squeeze(1)
    (grad,) = torch.autograd.grad(values.sum(), points, create_graph=True)
    return values, grad


def hinge(u):
    return torch.relu(u).pow(2).mean()


def critic_step(phi, psi, opt, y, x, gen, lam=200.0, lam_eq=1.0):
    m = y.shape[0]
    phi_y, grad_phi = value_and_grad(phi, y)
    psi_x, grad_psi = value_and_grad(psi, x)
    a = torch.rand(m, 1, generator=gen)
    b = torch.rand(m, 1, generator=gen)
    x_t = a * x + (1 - a) * y
    y_t = b * y + (1 - b) * x
    t_y = y - grad_phi
    s_x = x - grad_psi
    phi_cross = phi(torch.cat([y_t, s_x])).squeeze(1)
    psi_cross = psi(torch.cat([x_t, t_y])).squeeze(1)
    cost = 0.5 * (y - x).pow(2).sum(1)
    cost_t = 0.5 * (y_t - x_t).pow(2).sum(1)
    dual = (phi_y + psi_x).mean()
    objective = (dual
                 - lam * hinge(phi_y + psi_x - cost)
                 - lam * hinge(phi_cross[:m] + psi_cross[:m] - cost_t)
                 - lam_eq * (phi_y + psi_cross[m:] - 0.5 * grad_phi.pow(2).sum(1)).pow(2).mean()
                 - lam_eq * (phi_cross[m:] + psi_x - 0.5 * grad_psi.pow(2).sum(1)).pow(2).mean())
    opt.zero_grad(set_to_none=True)
    (-objective).backward()
    opt.step()


def iteration(g, phi, psi, g_opt, c_opt, gen, m=512, critic_steps=5, k=5, eps=1.0):
    for _ in range(critic_steps):
        z = 0.05 * torch.randn(m, 2, generator=gen)
        x = ring(m, gen)
        with torch.no_grad():
            y = g(z)
        critic_step(phi, psi, c_opt, y, x, gen)
    z = 0.05 * torch.randn(m, 2, generator=gen)
    with torch.no_grad():
        y = g(z)
    y = y.requires_grad_(True)
    (grad_phi,) = torch.autograd.grad(phi(y).sum(), y)
    zeta = (y - eps * grad_phi).detach()
    for _ in range(k):
        g_opt.zero_grad(set_to_none=True)
        (g(z) - zeta).pow(2).mean().backward()
        g_opt.step()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--iterations", type=int, default=100)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    gen = torch.Generator().manual_seed(1)
    g = Generator()
    phi = mlp([2, 128, 128, 128, 1], 0.1, batch_norm=False)
    psi = mlp([2, 128, 128, 128, 1], 0.1, batch_norm=False)
    g_opt = torch.optim.Adam(g.parameters(), lr=1e-4, betas=(0.9, 0.999))
    c_opt = torch.optim.Adam(list(phi.parameters()) + list(psi.parameters()), lr=5e-4, betas=(0.9, 0.999))
    for _ in range(args.warmup):
        iteration(g, phi, psi, g_opt, c_opt, gen)
    times = []
    for _ in range(args.iterations):
        start = time.perf_counter()
        iteration(g, phi, psi, g_opt, c_opt, gen)
        times.append(time.perf_counter() - start)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads: median {statistics.median(times):.4f} s "
          f"per iteration over {len(times)} (min {min(times):.4f}, max {max(times):.4f})")


if __name__ == "__main__":
    main()
