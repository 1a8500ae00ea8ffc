# shellcheck shell=bash
# docklab helpers: boot a real systemd (+ journald + docker.service) under systemd-nspawn on a host whose
# PID 1 is not systemd (field guide §6 C). Source this file; every function works on one machine at a time.
# Safety: the machine gets --private-network (only namespace-internal traffic); we end only PIDs we started
# and remove only the "docklab" cgroups we created.

LAB_ROOT=${DPM_LAB_ROOT:-/var/tmp/dpm-nspawn}
LAB_BASE=$LAB_ROOT/rootfs                  # built by build-rootfs.sh, never booted itself
LAB_CG=docklab
LAB_PATH=/usr/sbin:/usr/bin:/sbin:/bin
LAB_NSPAWN_PID=
LAB_PID1=
LAB_DIR=
LAB_LOG=${LAB_LOG:-/dev/stderr}

lab_log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >> "$LAB_LOG"; [ "$LAB_LOG" = /dev/stderr ] || printf '%s\n' "$*" >&2; }

# Fresh copy of the base rootfs for one scenario, so each scenario starts with an empty journal.
lab_prepare() {
  local name=$1
  [ -x "$LAB_BASE/usr/sbin/dockerd" ] || { echo "no rootfs at $LAB_BASE: run build-rootfs.sh" >&2; return 1; }
  LAB_DIR=$LAB_ROOT/machines/$name
  rm -rf "$LAB_DIR"; mkdir -p "$LAB_ROOT/machines"
  cp -a "$LAB_BASE" "$LAB_DIR"
  rm -rf "$LAB_DIR"/var/log/journal/*
  # Each machine gets its own machine-id so journals of different scenarios never mix.
  tr -d '-' < /proc/sys/kernel/random/uuid > "$LAB_DIR/etc/machine-id"
}

# v1 hierarchies mounted on this host (cpu, memory, name=systemd, ...), as directories.
lab_v1_hierarchies() { awk '$3=="cgroup"{print $2}' /proc/self/mounts; }

lab_cg_make() {
  local h
  for h in $(lab_v1_hierarchies); do
    mkdir -p "$h/$LAB_CG"
    if [ -f "$h/cpuset.cpus" ]; then           # cpuset needs cpus/mems before a task can join
      cat "$h/cpuset.cpus" > "$h/$LAB_CG/cpuset.cpus"; cat "$h/cpuset.mems" > "$h/$LAB_CG/cpuset.mems"
    fi
  done
}

# Remove the docklab cgroups (deepest first); only empty ones can go, which is what we want.
lab_cg_remove() {
  local h
  for h in $(lab_v1_hierarchies); do
    [ -d "$h/$LAB_CG" ] || continue
    find "$h/$LAB_CG" -depth -type d -exec rmdir {} \; 2>/dev/null || true
  done
}

# Boot the machine in $LAB_DIR in the background; sets LAB_NSPAWN_PID and LAB_PID1.
lab_boot() {
  local console=${1:-$LAB_ROOT/console-$(basename "$LAB_DIR").log} h i
  lab_cg_make
  (
    for h in $(lab_v1_hierarchies); do echo "$BASHPID" > "$h/$LAB_CG/cgroup.procs"; done
    exec setsid systemd-nspawn -b -D "$LAB_DIR" --private-network --register=no --keep-unit -M docklab \
      --capability=all --system-call-filter="add_key keyctl request_key" --console=read-only
  ) >> "$console" 2>&1 < /dev/null &
  LAB_NSPAWN_PID=$!
  LAB_PID1=
  for i in $(seq 1 300); do
    LAB_PID1=$(lab_find_pid1) && [ -n "$LAB_PID1" ] && break
    kill -0 "$LAB_NSPAWN_PID" 2>/dev/null || { echo "nspawn exited early; see $console" >&2; tail -20 "$console" >&2; return 1; }
    sleep 0.2
  done
  [ -n "$LAB_PID1" ] || { echo "no container PID 1 found" >&2; return 1; }
  lab_log "booted: nspawn pid $LAB_NSPAWN_PID, container PID 1 = host pid $LAB_PID1"
}

# The container's init: the child of our nspawn process whose innermost PID is 1. (readlink
# /proc/PID/root shows "/" for it, since nspawn pivots into the rootfs in its own mount namespace.)
lab_find_pid1() {
  local p
  for p in $(cat /proc/"$LAB_NSPAWN_PID"/task/*/children 2>/dev/null); do
    if awk '/^NSpid:/{exit !($NF==1 && NF>2)}' "/proc/$p/status" 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

# True while PID 1 recorded in LAB_PID1 is still our container's init (guards against PID reuse).
lab_is_ours() {
  [ -n "$LAB_PID1" ] && [ -n "$LAB_NSPAWN_PID" ] || return 1
  [ "$(awk '{print $4}' "/proc/$LAB_PID1/stat" 2>/dev/null)" = "$LAB_NSPAWN_PID" ]
}

# Run a shell snippet inside the machine (all namespaces of its PID 1), clean environment, C locale, UTC.
lab_exec() {
  nsenter -t "$LAB_PID1" -a -- env -i PATH="$LAB_PATH" HOME=/root LC_ALL=C TZ=UTC TERM=dumb \
    SYSTEMD_PAGER= SYSTEMD_COLORS=0 bash -c "$1"
}

# Wait until systemd finished booting (running or degraded).
lab_wait_booted() {
  local i st
  for i in $(seq 1 120); do
    st=$(lab_exec 'systemctl is-system-running 2>/dev/null' || true)
    case $st in running|degraded) lab_log "system state: $st"; return 0 ;; esac
    sleep 1
  done
  lab_log "system still not up: $st"; return 1
}

# Wait for dockerd to answer (after boot or restart).
lab_wait_docker() {
  local i
  for i in $(seq 1 ${1:-60}); do lab_exec 'docker version >/dev/null 2>&1' && return 0; sleep 1; done
  return 1
}

lab_import_busybox() {
  lab_exec 'docker image inspect bb:latest >/dev/null 2>&1 || docker import /root/bb-rootfs.tar bb:latest >/dev/null'
}

# Marker in the journal so fixture readers can see each step (SYSLOG_IDENTIFIER=docklab).
lab_mark() { lab_exec "logger -t docklab $(printf '%q' "$*")"; lab_log "mark: $*"; }

lab_wait_exit() {
  local i
  for i in $(seq 1 "${1:-90}"); do kill -0 "$LAB_NSPAWN_PID" 2>/dev/null || { wait "$LAB_NSPAWN_PID" 2>/dev/null; return 0; }; sleep 1; done
  return 1
}

# Clean shutdown from inside.
lab_poweroff() {
  lab_exec 'systemctl poweroff' || true
  if ! lab_wait_exit 120; then
    lab_log "poweroff did not finish; SIGKILL to container PID 1 $LAB_PID1"
    kill -9 "$LAB_PID1" 2>/dev/null || true; lab_wait_exit 30 || kill -9 "$LAB_NSPAWN_PID" 2>/dev/null || true
  fi
  lab_cg_remove; lab_log "machine stopped (clean)"
}

# "Power cut": SIGKILL the container's PID 1. The kernel then kills every process in its PID namespace
# at once; unlike a real power loss, the page cache survives (field guide §6 C 4).
lab_powercut() {
  lab_is_ours || { lab_log "container PID 1 $LAB_PID1 is not ours; not killing"; return 1; }
  kill -9 "$LAB_PID1"
  lab_wait_exit 60 || { lab_log "nspawn $LAB_NSPAWN_PID still there; SIGKILL"; kill -9 "$LAB_NSPAWN_PID" 2>/dev/null || true; lab_wait_exit 10; }
  lab_cg_remove; lab_log "machine power-cut (SIGKILL of PID 1)"
}

# Emergency stop used by traps: end only our own nspawn and its container init.
lab_abort() {
  if lab_is_ours; then kill -9 "$LAB_PID1" 2>/dev/null; sleep 2; fi
  # Our nspawn only: the PID must still name a systemd-nspawn process (no PID reuse accidents).
  if [ -n "$LAB_NSPAWN_PID" ] && [ "$(cat "/proc/$LAB_NSPAWN_PID/comm" 2>/dev/null)" = systemd-nspawn ]; then
    kill -9 "$LAB_NSPAWN_PID" 2>/dev/null; sleep 1
  fi
  lab_cg_remove
}

# Journal selection for the fixtures: docker, journald, PID 1 (systemd), kernel, logind and our markers;
# containerd only with LAB_WITH_CONTAINERD=1 (its plugin-loading chatter doubles the size). Explicit "+"
# makes it one disjunction (journalctl ANDs -u with positional matches).
lab_jmatch() {
  local m="_SYSTEMD_UNIT=docker.service + _SYSTEMD_UNIT=docker.socket + _PID=1 + SYSLOG_IDENTIFIER=systemd-journald + SYSLOG_IDENTIFIER=systemd-logind + SYSLOG_IDENTIFIER=systemd-shutdown + _TRANSPORT=kernel + SYSLOG_IDENTIFIER=docklab"
  if [ "${LAB_WITH_CONTAINERD:-0}" = 1 ]; then m="$m + _SYSTEMD_UNIT=containerd.service"; fi
  echo "$m"
}

# Capture the standard fixture set into OUT (host path). SINCE: journalctl --since value (optional).
# Env: LAB_WITH_CONTAINERD=1 adds containerd's journal, LAB_EXPORT=1 adds journal.export.
lab_capture() {
  local out=$1 since=${2:-} sincearg= LAB_JMATCH
  LAB_JMATCH=$(lab_jmatch)
  mkdir -p "$out"
  [ -n "$since" ] && sincearg="--since=$(printf '%q' "$since")"
  lab_exec "journalctl --no-pager -o json --all $sincearg $LAB_JMATCH" > "$out/journal.json" || true
  # export (lossless, binary-safe) only where asked: it is as large as the json
  if [ "${LAB_EXPORT:-0}" = 1 ]; then
    lab_exec "journalctl --no-pager -o export $sincearg $LAB_JMATCH" > "$out/journal.export" || true
  fi
  local m
  for m in short short-iso short-precise short-iso-precise; do
    lab_exec "journalctl --no-pager -o $m $sincearg $LAB_JMATCH" > "$out/journal-$m.txt" || true
  done
  lab_exec "journalctl --no-pager -o short-precise -u docker.service" > "$out/journal-docker-unit.txt" || true
  lab_exec 'journalctl --no-pager --list-boots' > "$out/list-boots.txt" 2>&1 || true
  lab_exec 'journalctl --no-pager --header' > "$out/header.txt" 2>&1 || true
  lab_exec 'ls -l --time-style=full-iso /var/log/journal/*/' > "$out/journal-files.txt" 2>&1 || true
  lab_exec 'systemctl show docker containerd systemd-journald' > "$out/systemctl-show.txt" 2>&1 || true
  lab_exec 'systemctl status -l --no-pager docker' > "$out/systemctl-status-docker.txt" 2>&1 || true
  lab_exec 'systemctl cat docker' > "$out/systemctl-cat-docker.txt" 2>&1 || true
  lab_exec 'cat /root/docklab-versions.txt; uname -r' > "$out/versions.txt" 2>&1 || true
  lab_log "captured into $out ($(du -sh "$out" | cut -f1))"
}
