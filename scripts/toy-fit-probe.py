#!/usr/bin/env python3
"""Probe of how a residual MLP generator fits minibatch exact-OT targets on the 2-D toys (docs/toys.md).

A PyTorch cross-check, independent of wasserflow's code: W2-FE with exact minibatch OT targets (POT's emd),
eps = 1, K persistent steps, or (fixed=1) regression onto one fixed global OT assignment of 4096 source points,
which has no minibatch noise. Metrics on 2000 generated points against 2000 stratified data points: exact W2,
the fraction within 3 std of a centre (hq), modes with at least a fifth of their fair share of hq points, and the
mean per-coordinate std of each mode's hq points over the data std (sr).

usage: OMP_NUM_THREADS=1 python3 scripts/toy-fit-probe.py prob=grid|ring its=1000 loss=squared|distance bn=1 lr=1e-4 \
       width=128 depth=3 K=5 batch=512 sstd=0.5 fixed=0 seed=1 every=500
Needs numpy, torch and POT (Debian: python3-torch python3-pot).
"""
import sys, time, numpy as np, torch, ot
torch.set_num_threads(1)
args = dict(a.split('=') for a in sys.argv[1:])
seed=int(args.get('seed',1)); loss=args.get('loss','squared'); bn=args.get('bn','1')=='1'
width=int(args.get('width',128)); lr=float(args.get('lr',1e-4)); its=int(args.get('its',1500))
K=int(args.get('K',5)); batch=int(args.get('batch',512)); eps=float(args.get('eps',1.0))
prob=args.get('prob','grid'); sstd=float(args.get('sstd',0.5)); depth=int(args.get('depth',3)); res=args.get('res','1')=='1'
fixed=args.get('fixed','0')=='1'
rng=np.random.default_rng(seed); torch.manual_seed(seed)
if prob=='grid':
    C=np.array([(2.0*i,2.0*j) for i in range(-2,3) for j in range(-2,3)]); std=0.05
else:
    C=np.array([(np.cos(2*np.pi*k/8),np.sin(2*np.pi*k/8)) for k in range(8)]); std=0.1
def data(n, r=rng):
    k=r.integers(len(C),size=n); return C[k]+std*r.standard_normal((n,2))
def src(n, r=rng): return sstd*r.standard_normal((n,2))
layers=[]; d=2
for _ in range(depth):
    layers.append(torch.nn.Linear(d,width,bias=not bn))
    if bn: layers.append(torch.nn.BatchNorm1d(width))
    layers.append(torch.nn.ReLU()); d=width
layers.append(torch.nn.Linear(d,2)); mlp=torch.nn.Sequential(*layers)
for m in mlp.modules():
    if isinstance(m,torch.nn.Linear): torch.nn.init.normal_(m.weight,0,0.01 if res else 0.1); torch.nn.init.zeros_(m.bias) if m.bias is not None else None
G=lambda z: (z+mlp(z)) if res else mlp(z)
opt=torch.optim.Adam(mlp.parameters(),lr=lr)
er=np.random.default_rng(1000+seed); ez=torch.tensor(src(2000,er),dtype=torch.float32); 
ex=np.concatenate([C[k]+std*er.standard_normal((80,2)) for k in range(len(C))])
def evaluate():
    mlp.eval()
    with torch.no_grad(): g=G(ez).numpy()
    mlp.train()
    M=ot.dist(g,ex); w2=np.sqrt(ot.emd2(np.ones(len(g))/len(g),np.ones(len(ex))/len(ex),M,numItermax=10**7))
    dd=np.linalg.norm(g[:,None,:]-C[None],axis=2); near=dd.argmin(1); hq=dd.min(1)<3*std
    cov=sum(1 for k in range(len(C)) if (hq&(near==k)).sum()>=0.2*len(g)/len(C))
    sr=np.mean([g[hq&(near==k)].std(0).mean()/std for k in range(len(C)) if (hq&(near==k)).sum()>2])
    return w2,hq.mean(),cov,sr
t0=time.time()
if fixed:  # one global assignment from a large source sample to a large data sample, fixed pairs
    N=4096; Z=src(N); Y=data(N); P=ot.emd(np.ones(N)/N,np.ones(N)/N,ot.dist(Z,Y),numItermax=10**8); T=Y[P.argmax(1)]
for it in range(1,its+1):
    if fixed:
        idx=rng.integers(N,size=batch); z=torch.tensor(Z[idx],dtype=torch.float32); tgt=torch.tensor(T[idx],dtype=torch.float32)
    else:
        z=torch.tensor(src(batch),dtype=torch.float32); x=data(batch)
        with torch.no_grad(): g=G(z).numpy()
        M=ot.dist(g,x)
        P=ot.emd(np.ones(batch)/batch,np.ones(batch)/batch,M); tx=x[P.argmax(1)]
        tgt=g+eps*(tx-g); tgt=torch.tensor(tgt,dtype=torch.float32)
    for k in range(K):
        opt.zero_grad(); out=G(z)
        l=((out-tgt)**2).sum(1).mean() if loss=='squared' else ((out-tgt)**2).sum(1).add(1e-8).sqrt().mean()
        l.backward(); opt.step()
    if it%int(args.get('every',500))==0:
        w2,hq,cov,sr=evaluate(); print(f"it {it} w2 {w2:.4f} hq {hq:.3f} modes {cov} sr {sr:.2f} t {time.time()-t0:.0f}s",flush=True)
