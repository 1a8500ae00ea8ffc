#!/bin/bash
# Turn the collector bundles made by the scenarios ($LAB_ROOT/bundles/<scenario>/<scenario>/*.tar.gz) into
# the committed samples/nspawn-* folders: the bundle unpacked with its top folder stripped (so
# samples/nspawn-X/manifest.json), then trimmed by trim-bundle.py (no keys/certs, host dmesg emptied,
# manifest sizes/hashes updated, the trims listed in manifest "sampleTrims"), plus a README.md per sample.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
. "$here/lib.sh"
# sample name : scenario : collector run label (default: the scenario)
map="nspawn-start-limit-hit:start-limit-hit
nspawn-start-limit-daemon-json:start-limit-daemon-json
nspawn-start-timeout:start-timeout
nspawn-journald-restart:journald-restart
nspawn-power-off-db-loss:power-off-db-loss:power-off-db-loss-before-fix
nspawn-power-off-plain:power-off-plain
nspawn-healthy:clean-reboot"
describe() {
  case $1 in
  nspawn-start-limit-hit) cat <<'T' ;;
docker.service hit its start limit through manual restarts: three `systemctl restart docker` within a minute
(the boot start counts). docker and docker.socket are failed (`Result=start-limit-hit`,
`service-start-limit-hit`), dockerd is down, nothing else is wrong. Expected finding: start limit hit, with no
failing first start behind it (dockerd exited cleanly each time: `Daemon shutdown complete`).
T
  nspawn-start-limit-daemon-json) cat <<'T' ;;
/etc/docker/daemon.json cut mid-object: dockerd exits with `unable to configure the Docker daemon with file
/etc/docker/daemon.json: unexpected EOF`, Restart=on-failure loops into `Start request repeated too quickly.`
while the Result stays `exit-code`; a later manual start is refused too. Expected finding: start limit hit,
first cause the daemon.json error (the file is in files/etc/docker/daemon.json).
T
  nspawn-start-timeout) cat <<'T' ;;
A drop-in (`TimeoutStartSec=2`) makes every start time out: first with `ExecStartPre=/bin/sleep 5`
(`start-pre operation timed out. Terminating.`), then with a slow ExecStart (`start operation timed out.
Terminating.`); both end in `Failed with result 'timeout'.` and the start limit. Expected findings: start
timeout (and the start limit it caused); the drop-in shows in cmd/systemctl-cat-docker.txt.
T
  nspawn-journald-restart) cat <<'T' ;;
`systemctl restart systemd-journald` (harmless), then `systemctl stop systemd-journald` + `start` while dockerd
ran: dockerd and containerd kept running but logged nothing until `systemctl restart docker`. Expected finding:
journald restarted inside one boot (`Journal stopped`/`Journal started`) followed by dockerd silence.
T
  nspawn-power-off-db-loss) cat <<'T' ;;
Power cut (SIGKILL of the machine's PID 1) with running containers and one created just before; then, as a
power loss leaves them, network/files/local-kv.db cut to 4096 bytes and c-none's config.v2.json to 0 bytes.
Collected on the next boot before any repair: dockerd fails with `failed to start daemon: Error initializing
network controller: … error while populating kmap: file size too small` after `failed to load container …
error=EOF`, and hits the start limit (Result stays exit-code). The previous boot ends without a clean tail and
its journal file is an ONLINE `system@…journal~`. Expected findings: unclean shutdown; local-kv.db under 8 KiB
(listing); empty config.v2.json (json health); start limit with first cause "file size too small".
T
  nspawn-power-off-plain) cat <<'T' ;;
Power cut (SIGKILL of the machine's PID 1) with running containers, no file damaged. Collected after the next
boot, docker running: the previous boot has no clean tail; containers with restart=always are back up,
c-none (no restart policy) is left `Exited (255)`. Expected finding: unclean shutdown, nothing else.
T
  nspawn-healthy) cat <<'T' ;;
Three boots: the first ended with `systemctl poweroff`, the second with `systemctl reboot`, both with clean
tails (`Journal stopped`, `Reached target poweroff.target`/`reboot.target`, dockerd `Daemon shutdown complete`).
Docker runs `web` (restart=always); `once` is `Exited (137)` (killed by the stop timeout at the first
poweroff). Expected findings: none (at most informational).
T
  *) echo "(no description)" ;;
  esac
}
echo "$map" | while IFS=: read -r sample scen label; do
  tb=$(ls -t "$LAB_ROOT/bundles/$scen/${label:-$scen}"/docker-postmortem-*.tar.gz 2>/dev/null | head -n1 || true)
  [ -n "$tb" ] || { echo "no bundle for $scen: $sample left as is"; continue; }
  dest=$repo/samples/$sample
  rm -rf "$dest"; mkdir -p "$dest"
  tar -C "$dest" --strip-components=1 -xzf "$tb"
  python3 "$here/trim-bundle.py" "$dest" "$(basename "$tb")"
  {
    echo "# $sample: real collector bundle from the nspawn lab (scenario $scen)"
    echo
    describe "$sample"
    echo
    echo "Made by \`test/lab/nspawn/regenerate.sh\` (see test/lab/nspawn/README.md): Debian 12 with systemd 252,"
    echo "docker.io 20.10.24 and containerd 1.6.20 booted under systemd-nspawn; the collector ran inside the machine as"
    echo "\`sh docker-postmortem-collect.sh --output /root/pm-out\`. Archive $(basename "$tb"), unpacked here with its top"
    echo "folder stripped. Trimmed after collection (listed in manifest.json \`sampleTrims\`, bytes/sha256 recomputed):"
    python3 -c 'import json,sys; [print("- %s: %s" % (t["path"], t["action"])) for t in json.load(open(sys.argv[1])).get("sampleTrims",{}).get("trims",[])]' "$dest/manifest.json"
    echo
    echo "Collector stderr:"
    echo '```'
    cat "$LAB_ROOT/bundles/$scen/${label:-$scen}.collector.log" 2>/dev/null | grep -v '^/root/pm-out/' || true
    echo '```'
  } > "$dest/README.md"
  echo "$sample <- $(basename "$tb") ($(du -sh "$dest" | cut -f1))"
done
