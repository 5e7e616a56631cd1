#!/usr/bin/env python3
"""One W2-FE training iteration in PyTorch, timed like `wasserflow bench`, on the ring or at MNIST's shape.

A cross-check of speed, not of results: it performs the same work per iteration as
`./wasserflow bench configs/ring-w2.properties` (--problem ring) or `configs/mnist-w2.properties`
(--problem mnist) (docs/math.md sections 2 and 6) written the way a PyTorch user would write it, batched as
wasserflow batches it: 5 critic steps on the penalised dual with the interpolant and equality terms (double
back-propagation), then one Euler step and K = 5 Adam steps of the batch-norm generator on the same z.
ring: 2-D, batch 512, networks of three hidden layers of 128, generator z + MLP(z).
mnist: 784-D, batch 64, networks of two hidden layers of 1024, generator clamp(z, -1, 1) + 2 tanh(MLP(z)), source
a Gaussian drawn through a fixed 784 x 784 factor, data rows of a fixed random [-1, 1] table (the values do not
change the work). Written from the algorithm, not from the authors' code.

Usage: OMP_NUM_THREADS=1 python3 scripts/torch-iteration.py [--problem ring|mnist] [--threads 1] [--warmup 50]
       [--iterations 100]
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
    def __init__(self, widths, clamp_tanh):
        super().__init__()
        self.body = mlp(widths, 0.01, batch_norm=True)
        self.clamp_tanh = clamp_tanh

    def forward(self, z):
        if self.clamp_tanh:
            return torch.clamp(z, -1, 1) + 2 * torch.tanh(self.body(z))
        return z + self.body(z)


class Problem:
    """Shapes, penalty weights and samplers of one configuration."""

    def __init__(self, name, gen):
        self.gen = gen
        if name == "ring":
            self.dim, self.hidden, self.batch, self.lam, self.critic_lr = 2, [128, 128, 128], 512, 200.0, 5e-4
        else:
            self.dim, self.hidden, self.batch, self.lam, self.critic_lr = 784, [1024, 1024], 64, 10.0, 1e-4
            self.factor = torch.randn(784, 784, generator=gen) / 28
            self.table = torch.rand(60000, 784, generator=gen) * 2 - 1
        self.name = name

    def source(self, m):
        if self.name == "ring":
            return 0.05 * torch.randn(m, 2, generator=self.gen)
        return torch.randn(m, 784, generator=self.gen) @ self.factor

    def data(self, m):
        if self.name == "ring":
            return ring(m, self.gen)
        return self.table[torch.randint(0, self.table.shape[0], (m,), generator=self.gen)]


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


def iteration(g, phi, psi, g_opt, c_opt, problem, critic_steps=5, k=5, eps=1.0):
    m, gen = problem.batch, problem.gen
    for _ in range(critic_steps):
        z = problem.source(m)
        x = problem.data(m)
        with torch.no_grad():
            y = g(z)
        critic_step(phi, psi, c_opt, y, x, gen, lam=problem.lam)
    z = problem.source(m)
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
    parser.add_argument("--problem", choices=["ring", "mnist"], default="ring")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--iterations", type=int, default=100)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    gen = torch.Generator().manual_seed(1)
    problem = Problem(args.problem, gen)
    d, hidden = problem.dim, problem.hidden
    g = Generator([d] + hidden + [d], clamp_tanh=args.problem == "mnist")
    phi = mlp([d] + hidden + [1], 0.1, batch_norm=False)
    psi = mlp([d] + hidden + [1], 0.1, batch_norm=False)
    betas = (0.9, 0.999) if args.problem == "ring" else (0.0, 0.9)
    g_opt = torch.optim.Adam(g.parameters(), lr=1e-4, betas=betas)
    c_opt = torch.optim.Adam(list(phi.parameters()) + list(psi.parameters()), lr=problem.critic_lr, betas=betas)
    for _ in range(args.warmup):
        iteration(g, phi, psi, g_opt, c_opt, problem)
    times = []
    for _ in range(args.iterations):
        start = time.perf_counter()
        iteration(g, phi, psi, g_opt, c_opt, problem)
        times.append(time.perf_counter() - start)
    print(f"{args.problem}: torch {torch.__version__}, {torch.get_num_threads()} threads: median {statistics.median(times):.4f} s "
          f"per iteration over {len(times)} (min {min(times):.4f}, max {max(times):.4f})")


if __name__ == "__main__":
    main()
