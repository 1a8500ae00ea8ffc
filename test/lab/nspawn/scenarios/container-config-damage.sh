#!/bin/bash
# Field guide §1.1 "<err> forms": how dockerd 20.10 reports each kind of damaged containers/<id>/config.v2.json
# when it loads containers at start. docker stopped cleanly, then on the host: cfg-empty 0 bytes, cfg-half cut
# to half its size, cfg-nul overwritten with NUL bytes of the same size, cfg-gone file removed, cfg-number
# replaced by a bare JSON number; cfg-ok untouched. Then docker starts and we capture.
. "$(dirname "$0")/common.sh"
LAB_EXPORT=1
scenario_begin container-config-damage
boot_and_wait
lab_wait_docker
lab_import_busybox
T0=$(date -u '+%Y-%m-%d %H:%M:%S')
for n in cfg-ok cfg-empty cfg-half cfg-nul cfg-gone cfg-number; do step "docker create --name $n bb:latest sleep 1000000"; done
step 'docker ps -a --no-trunc --format "{{.ID}} {{.Names}} {{.Status}}"'
declare -A ID
for n in cfg-empty cfg-half cfg-nul cfg-gone cfg-number; do ID[$n]=$(lab_exec "docker inspect -f '{{.Id}}' $n"); done
lab_mark "container-config-damage: stopping docker and damaging config.v2.json files"
step 'systemctl stop docker docker.socket'
C=$LAB_DIR/var/lib/docker/containers
{
  echo "# host side, docker stopped"
  : > "$C/${ID[cfg-empty]}/config.v2.json"
  f=$C/${ID[cfg-half]}/config.v2.json; truncate -s $(( $(stat -c %s "$f") / 2 )) "$f"
  f=$C/${ID[cfg-nul]}/config.v2.json; n=$(stat -c %s "$f"); head -c "$n" /dev/zero > "$f"
  rm -f "$C/${ID[cfg-gone]}/config.v2.json"
  printf '42\n' > "$C/${ID[cfg-number]}/config.v2.json"
  for k in cfg-empty cfg-half cfg-nul cfg-gone cfg-number; do echo "$k ${ID[$k]} $(stat -c %s "$C/${ID[$k]}/config.v2.json" 2>&1)"; done
} >> "$LAB_LOG"
lab_mark "container-config-damage: starting docker"
step 'systemctl start docker; sleep 2; systemctl is-active docker'
step 'docker ps -a --no-trunc --format "{{.ID}} {{.Names}} {{.Status}}"'
lab_capture "$OUT" "$T0"
lab_poweroff
scenario_end
