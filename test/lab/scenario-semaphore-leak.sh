#!/bin/sh
# Field guide §1.2 / §6 B: leaked devicemapper udev cookies up to SEMMNI, in a private IPC namespace.
# usage: sh test/lab/scenario-semaphore-leak.sh   (root; writes test/fixtures/lab/semaphore-leak/)
set -eu
export LC_ALL=C TZ=UTC
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../fixtures/lab/semaphore-leak"
bin=$(mktemp -d /tmp/dpm-sem-XXXXXX)
trap 'rm -rf "$bin"' EXIT INT TERM
gcc -O2 -Wall -o "$bin/sem-cookies" "$here/sem/sem-cookies.c"
rm -rf "$out"; mkdir -p "$out"
host_sem_before=$(cat /proc/sys/kernel/sem)
host_ipcns=$(readlink /proc/self/ns/ipc)

# Everything below runs in a new IPC namespace; its semaphores and kernel.sem vanish with it.
unshare --ipc -- sh -eu -c '
  out=$1; bin=$2
  readlink /proc/self/ns/ipc > "$out/ipcns.txt"
  echo "250 32000 32 4" > /proc/sys/kernel/sem
  cat /proc/sys/kernel/sem > "$out/proc-sys-kernel-sem.txt"
  # Two cookies left at value 0 (raw semget), then value-1 cookies until SEMMNI (4) makes semget fail.
  "$bin/sem-cookies" 2 0 7 > "$out/create-1.txt" 2>&1 || true
  sleep 2
  "$bin/sem-cookies" 10 1 11 > "$out/create-2.txt" 2>&1 || echo "exit=$?" >> "$out/create-2.txt"
  ipcs -s > "$out/ipcs-s.txt"
  ipcs -s -t > "$out/ipcs-s-t.txt"
  ipcs -s -c > "$out/ipcs-s-c.txt"
  ipcs -l > "$out/ipcs-l.txt"
  ipcs -u > "$out/ipcs-u.txt"
  cat /proc/sysvipc/sem > "$out/proc-sysvipc-sem.txt"
  dmsetup udevcookies > "$out/dmsetup-udevcookies.txt"
  for id in $(ipcs -s | awk "/^0x/ {print \$2}"); do
    ipcs -s -i "$id" > "$out/ipcs-s-i-$id.txt"
  done
  # The seed remedy: cookies younger than 1 minute are skipped, so nothing is destroyed here.
  echo y | dmsetup udevcomplete_all 1 > "$out/dmsetup-udevcomplete_all-1.txt" 2> "$out/dmsetup-udevcomplete_all-1.stderr" || true
  ipcs -s > "$out/ipcs-s-after-complete_all.txt"
' sh "$out" "$bin"

[ -s "$out/ipcs-s.txt" ] || { echo "capture failed" >&2; exit 1; }
host_sem_after=$(cat /proc/sys/kernel/sem)
{
  echo "host ipc ns: $host_ipcns, lab ipc ns: $(cat "$out/ipcns.txt")"
  echo "host kernel.sem before: $host_sem_before"
  echo "host kernel.sem after:  $host_sem_after"
} > "$out/host-untouched.txt"
[ "$host_sem_before" = "$host_sem_after" ] || { echo "host kernel.sem changed!" >&2; exit 1; }
echo "captured in $out"
