#!/bin/bash
# Stop a machine started by boot.sh: clean "systemctl poweroff" inside, or --powercut (SIGKILL of its PID 1).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
name=${1:?usage: stop.sh NAME [--powercut]}
. "$LAB_ROOT/machines/$name.state"
# Refuse to signal a PID that is no longer our container's init (PID reuse).
if ! lab_is_ours; then
  echo "machine $name not running"; lab_cg_remove; rm -f "$LAB_DIR.state"; exit 0
fi
if [ "${2:-}" = --powercut ]; then lab_powercut; else lab_poweroff; fi
rm -f "$LAB_DIR.state"
