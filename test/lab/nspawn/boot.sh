#!/bin/bash
# Boot a docklab machine in the background and leave it running (for manual experiments).
# Usage: boot.sh NAME [--fresh]   (--fresh: new copy of the base rootfs; default keeps an existing machine dir)
# Writes $LAB_ROOT/machines/NAME.state (nspawn pid, container PID 1) for run.sh and stop.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
name=${1:?usage: boot.sh NAME [--fresh]}
LAB_DIR=$LAB_ROOT/machines/$name
if [ "${2:-}" = --fresh ] || [ ! -d "$LAB_DIR" ]; then lab_prepare "$name"; fi
lab_boot
printf 'LAB_DIR=%q\nLAB_NSPAWN_PID=%s\nLAB_PID1=%s\n' "$LAB_DIR" "$LAB_NSPAWN_PID" "$LAB_PID1" > "$LAB_DIR.state"
lab_wait_booted || true
echo "machine $name up: container PID 1 = $LAB_PID1 (state in $LAB_DIR.state)"
