#!/bin/bash
# Turn the collector bundles made by the scenarios ($LAB_ROOT/bundles/<scenario>/<scenario>/*.tar.gz) into
# the committed samples/nspawn-* folders: the bundle unpacked with its top folder stripped (so
# samples/nspawn-X/manifest.json), then trimmed by trim-bundle.py (no keys/certs, host dmesg cut to the
# docker-relevant lines, manifest sizes/hashes updated and the trims listed in manifest "sampleTrims").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
. "$here/lib.sh"
# sample name            scenario whose last collector bundle it is
map="nspawn-start-limit-hit:start-limit-hit
nspawn-start-limit-daemon-json:start-limit-daemon-json
nspawn-start-timeout:start-timeout
nspawn-journald-restart:journald-restart
nspawn-power-off-db-loss:power-off-db-loss
nspawn-healthy:clean-reboot"
echo "$map" | while IFS=: read -r sample scen; do
  tb=$(ls -t "$LAB_ROOT/bundles/$scen/$scen"/docker-postmortem-*.tar.gz 2>/dev/null | head -n1 || true)
  [ -n "$tb" ] || { echo "no bundle for $scen: $sample left as is"; continue; }
  dest=$repo/samples/$sample
  rm -rf "$dest"; mkdir -p "$dest"
  tar -C "$dest" --strip-components=1 -xzf "$tb"
  python3 "$here/trim-bundle.py" "$dest" "$(basename "$tb")"
  echo "$sample <- $(basename "$tb") ($(du -sh "$dest" | cut -f1))"
done
