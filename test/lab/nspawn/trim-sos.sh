#!/bin/bash
# Keep the sosreport files the analyzer reads for the nspawn scenarios (journals, systemd, versions,
# manifest), in their sos paths, under DEST/<sosreport top folder>/. Files over MAX bytes keep their
# last MAX bytes (sos itself keeps the newest part of journals) and are listed in DEST/TRIMMED.txt.
# Usage: trim-sos.sh SOSREPORT.tar.(xz|gz) DEST
set -euo pipefail
tb=$1 dest=$2 max=${MAX:-262144}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
tar -C "$tmp" -xf "$tb"
top=$(ls "$tmp" | head -n1)
rm -rf "$dest"; mkdir -p "$dest/$top"
cd "$tmp/$top"
: > "$dest/TRIMMED.txt"
# systemd-analyze dump/plot and ls -lR of /lib/systemd are left out (large, never read).
for p in version.txt sos_reports/manifest.json sos_commands/logs/journalctl_* \
         $(ls sos_commands/systemd/* | grep -vE 'systemd-analyze_(dump|plot)|ls_-lR') \
         sos_commands/sysvipc/* sos_commands/devicemapper/* sos_commands/kernel/uname_-a \
         sos_commands/networking/ip_-o_addr sos_commands/networking/ip_-s_-d_link sos_commands/process/ps_auxwww \
         proc/sysvipc/sem etc/docker/daemon.json; do
  [ -f "$p" ] || continue
  mkdir -p "$dest/$top/$(dirname "$p")"
  size=$(stat -c %s "$p")
  if [ "$p" = sos_commands/systemd/systemctl_show_service_--all ]; then
    # Whole unit blocks (blank-line separated) for the units the analyzer reads; the format stays intact.
    awk -v RS= -v ORS='\n\n' '/(^|\n)Id=(docker|containerd|systemd-journald|systemd-logind|dbus)\.service(\n|$)/' "$p" > "$dest/$top/$p"
    echo "$p: $size bytes, kept the blocks of docker, containerd, systemd-journald, systemd-logind, dbus (.service)" >> "$dest/TRIMMED.txt"
  elif [ "$size" -gt "$max" ]; then
    tail -c "$max" "$p" | sed '1d' > "$dest/$top/$p"   # drop the partial first line
    echo "$p: $size bytes, kept the last $max (first partial line dropped)" >> "$dest/TRIMMED.txt"
  else
    cp "$p" "$dest/$top/$p"
  fi
done
echo "sos archive: $(basename "$tb")" >> "$dest/TRIMMED.txt"
