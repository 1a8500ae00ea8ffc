#!/bin/bash
# Regenerate every nspawn fixture (test/fixtures/nspawn/*) and the collector bundles behind samples/nspawn-*.
# Root only; builds the rootfs first when missing. Takes about 25 minutes for all.
# Usage: regenerate.sh [--samples-only] [SCENARIO...]
#   --samples-only: captures go to $LAB_ROOT/captures instead of test/fixtures/nspawn (fixtures untouched),
#                   only the collector bundles and samples/nspawn-* are refreshed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = --samples-only ]; then export LAB_OUT_ROOT=${DPM_LAB_ROOT:-/var/tmp/dpm-nspawn}/captures; shift; fi
[ -x "${DPM_LAB_ROOT:-/var/tmp/dpm-nspawn}/rootfs/usr/sbin/dockerd" ] || "$here/build-rootfs.sh"
all="start-limit-hit start-limit-daemon-json start-timeout journald-restart clean-reboot power-off-db-loss power-off-kv-empty power-off-plain daemon-json-errors container-config-damage dockerd-sigkill containerd-kill-during-create iptables-wiped"
for s in ${*:-$all}; do
  echo "== $s"
  case $s in
    power-off-kv-empty) KV_SIZE=0 SOS=0 LAB_EXPORT=0 "$here/scenarios/power-off-db-loss.sh" power-off-kv-empty ;;
    power-off-plain) KV_SIZE=keep CFG_EMPTY=0 SOS=0 LAB_EXPORT=0 "$here/scenarios/power-off-db-loss.sh" power-off-plain ;;
    *) "$here/scenarios/$s.sh" ;;
  esac
done
"$here/make-samples.sh"
