# shellcheck shell=bash
# Shared preamble for the scenario scripts: paths, logging into the fixture's steps.log, clean-up trap,
# and the optional collector run.
set -euo pipefail
LAB_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO=$(cd "$LAB_HERE/../../.." && pwd)
. "$LAB_HERE/lib.sh"
export LC_ALL=C TZ=UTC

# scenario_begin NAME: fresh machine, fresh fixture folder, steps.log, abort trap.
scenario_begin() {
  SCENARIO=$1
  # LAB_OUT_ROOT lets regenerate.sh --samples-only refresh the collector bundles without touching the
  # committed fixtures (other tests pin their content).
  OUT=${LAB_OUT_ROOT:-$REPO/test/fixtures/nspawn}/$SCENARIO
  rm -rf "$OUT"; mkdir -p "$OUT"
  LAB_LOG=$OUT/steps.log; : > "$LAB_LOG"
  BUNDLES=$LAB_ROOT/bundles/$SCENARIO; rm -rf "$BUNDLES"; mkdir -p "$BUNDLES"
  # EXIT too: with set -e a failure inside a function exits without running an ERR trap.
  trap 'lab_log "aborted (line $LINENO)"; lab_abort' EXIT
  trap 'exit 130' INT TERM
  lab_prepare "$SCENARIO"
  lab_log "scenario $SCENARIO: machine dir $LAB_DIR"
}

scenario_end() { trap - EXIT INT TERM; lab_log "scenario $SCENARIO done"; }

# step 'shell snippet': run inside the machine, log the command, its exit code and its output to steps.log.
step() {
  local rc=0 outp
  outp=$(lab_exec "$1" 2>&1) || rc=$?
  { printf '$ %s\n' "$1"; [ -n "$outp" ] && printf '%s\n' "$outp"; printf '[exit %s]\n' "$rc"; } >> "$LAB_LOG"
  return 0
}

boot_and_wait() { lab_boot; lab_wait_booted || true; }

# Run the project's collector inside the machine when it exists; the bundle lands in $BUNDLES/<label>/.
run_collector() {
  local label=$1 c=$REPO/collector/docker-postmortem-collect.sh
  [ -f "$c" ] || { lab_log "collector not present: skipped ($label)"; return 0; }
  cp "$c" "$LAB_DIR/root/docker-postmortem-collect.sh"
  rm -rf "$LAB_DIR/root/pm-out"; mkdir -p "$LAB_DIR/root/pm-out"
  local rc=0
  lab_exec 'cd /root && sh ./docker-postmortem-collect.sh --output /root/pm-out' \
    > "$BUNDLES/$label.collector.log" 2>&1 || rc=$?
  lab_log "collector ($label) exit $rc"
  mkdir -p "$BUNDLES/$label"; cp -a "$LAB_DIR/root/pm-out/." "$BUNDLES/$label/" || true
}
