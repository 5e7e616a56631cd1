#!/usr/bin/env bash
# A single-node Slurm cluster on 127.0.0.1 for trying sweeps and for the Slurm tests.
#
#   scripts/local-slurm.sh start    start munged, slurmctld and slurmd (again: does nothing if they are up)
#   scripts/local-slurm.sh stop     stop them and delete the cluster's directory
#   scripts/local-slurm.sh status   say whether the cluster answers
#   scripts/local-slurm.sh env      print the line to eval so that sbatch, squeue, ... find this cluster
#
# Needs Debian's slurm-wlm and munge packages (apt-get install slurm-wlm munge) and root, since the
# daemons run as root. Everything the cluster writes (configuration, munge key and socket, state, logs)
# lies under WASSERFLOW_SLURM_DIR, default /tmp/wasserflow-slurm; nothing under /etc is changed. Clients
# find the cluster through SLURM_CONF: eval "$(scripts/local-slurm.sh env)".
set -euo pipefail

dir="${WASSERFLOW_SLURM_DIR:-/tmp/wasserflow-slurm}"
conf="$dir/slurm.conf"

die() {
  echo "local-slurm: $*" >&2
  exit 1
}

need() {
  local missing=()
  for c in munged slurmctld slurmd sbatch squeue sinfo scontrol; do
    command -v "$c" >/dev/null 2>&1 || missing+=("$c")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    die "missing ${missing[*]}; install Debian's packages first: apt-get install -y slurm-wlm munge"
  fi
  [ "$(id -u)" -eq 0 ] || die "run as root: the single-node cluster's daemons run as root"
}

alive() {
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

answers() {
  SLURM_CONF="$conf" timeout 10 sinfo -h -o '%t' 2>/dev/null | grep -qE '^(idle|mix|alloc)'
}

write_conf() {
  local node host
  node="$(slurmd -C | head -n 1)"
  host="$(hostname -s)"
  case "$node" in
    NodeName=*) ;;
    *) die "slurmd -C printed no NodeName line: $node" ;;
  esac
  cat >"$conf" <<EOF
# written by scripts/local-slurm.sh: a single-node cluster on 127.0.0.1
ClusterName=wasserflow
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=${WASSERFLOW_SLURMCTLD_PORT:-6817}
SlurmdPort=${WASSERFLOW_SLURMD_PORT:-6818}
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
}

start() {
  need
  if alive "$dir/munge/munged.pid" && alive "$dir/slurmctld.pid" && alive "$dir/slurmd.pid" && answers; then
    echo "local-slurm: already running ($conf)"
    return 0
  fi
  stop_daemons
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool"
  chmod 755 "$dir" "$dir/munge"
  if [ ! -s "$dir/munge/munge.key" ]; then
    dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
  fi
  chmod 400 "$dir/munge/munge.key"
  munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" \
    || die "munged did not start; see $dir/munge/munged.log"
  write_conf
  SLURM_CONF="$conf" slurmctld -c -f "$conf" || die "slurmctld did not start; see $dir/slurmctld.log"
  SLURM_CONF="$conf" slurmd -f "$conf" || die "slurmd did not start; see $dir/slurmd.log"
  for _ in $(seq 1 60); do
    if answers; then
      echo "local-slurm: running; for sbatch and squeue: export SLURM_CONF=$conf"
      return 0
    fi
    sleep 0.5
  done
  SLURM_CONF="$conf" scontrol update nodename=ALL state=resume >/dev/null 2>&1 || true
  answers || die "the cluster does not answer; see $dir/slurmctld.log and $dir/slurmd.log"
  echo "local-slurm: running; for sbatch and squeue: export SLURM_CONF=$conf"
}

stop_daemons() {
  local pidfile
  for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    if alive "$pidfile"; then
      local pid
      pid="$(cat "$pidfile")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
      done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  done
}

case "${1:-}" in
  start) start ;;
  stop)
    stop_daemons
    rm -rf "$dir"
    echo "local-slurm: stopped"
    ;;
  status)
    if answers; then
      echo "local-slurm: running ($conf)"
    else
      echo "local-slurm: not running"
      exit 1
    fi
    ;;
  env) echo "export SLURM_CONF=$conf" ;;
  *)
    echo "usage: scripts/local-slurm.sh start|stop|status|env" >&2
    exit 2
    ;;
esac
