#!/bin/bash
# Field guide §1.1 + §5: power-off ("kill -9" of the machine's PID 1) with running containers and one
# created just before, then damaged state files as a real power loss leaves them:
#   network/files/local-kv.db cut to $KV_SIZE bytes (4096: "file size too small", dockerd cannot start;
#   0: dockerd starts but user networks are gone) and c-none's config.v2.json cut to 0 bytes (error=EOF).
# Boot again, let the unit fail into the start limit, then apply the lab remediation (delete the truncated
# local-kv.db, reset-failed, start) and capture the journal, --list-boots, journal files and data-root state.
# A plain power cut (KV_SIZE=keep CFG_EMPTY=0) shows what any unclean stop leaves: "Removing stale sandbox",
# a container without restart policy left "Exited (255)".
# Usage: power-off-db-loss.sh [SCENARIO_NAME]
#   env KV_SIZE=4096|0|keep (default 4096), CFG_EMPTY=1|0 (default 1), SOS=1|0 (default 1), LAB_EXPORT (default 1)
. "$(dirname "$0")/common.sh"
KV_SIZE=${KV_SIZE:-4096}
CFG_EMPTY=${CFG_EMPTY:-1}
SOS=${SOS:-1}
LAB_EXPORT=${LAB_EXPORT:-1}
scenario_begin "${1:-power-off-db-loss}"
boot_and_wait
lab_wait_docker
lab_import_busybox
T0=$(date -u '+%Y-%m-%d %H:%M:%S')
lab_mark "power-off: creating network, volume and containers"
step 'docker network create labnet && docker volume create labvol'
step 'docker run -d --name c-always --restart=always bb:latest sleep 1000000'
step 'docker run -d --name c-none bb:latest sleep 1000000'
step 'docker run -d --name c-net --restart=always --network labnet -v labvol:/data bb:latest sleep 1000000'
step 'docker create --name c-late bb:latest sleep 1000000'
step 'docker ps -a --no-trunc --format "{{.ID}} {{.Names}} {{.Status}}"'
step 'docker network ls --no-trunc'
step 'ls -l --time-style=full-iso /var/lib/docker/network/files/ /var/lib/docker/volumes/ /var/lib/docker/containerd/daemon/io.containerd.metadata.v1.bolt/ 2>&1'
NONE_ID=$(lab_exec 'docker inspect -f "{{.Id}}" c-none')
LATE_ID=$(lab_exec 'docker inspect -f "{{.Id}}" c-late')
lab_mark "power-off: cutting power now (SIGKILL of PID 1)"
lab_powercut

# What a power loss leaves behind: page cache is gone, so recently written files are short or empty.
D=$LAB_DIR/var/lib/docker
{
  echo "# host side, machine off: damage state files"
  echo "before: $(stat -c '%s %n' "$D/network/files/local-kv.db" "$D/containers/$NONE_ID/config.v2.json")"
  [ "$KV_SIZE" = keep ] || truncate -s "$KV_SIZE" "$D/network/files/local-kv.db"
  [ "$CFG_EMPTY" = 1 ] && : > "$D/containers/$NONE_ID/config.v2.json"
  echo "after:  $(stat -c '%s %n' "$D/network/files/local-kv.db" "$D/containers/$NONE_ID/config.v2.json")"
  echo "c-none=$NONE_ID c-late=$LATE_ID"
} >> "$LAB_LOG"

lab_log "second boot (after the power cut)"
boot_and_wait
sleep 25          # let docker.service fail (or start) and any restart loop run into the start limit
step 'systemctl is-active docker docker.socket containerd'
step 'systemctl show -p Result -p NRestarts -p ActiveState -p SubState docker'
mkdir -p "$OUT/before-fix"
lab_exec 'systemctl status -l --no-pager docker' > "$OUT/before-fix/systemctl-status-docker.txt" 2>&1 || true
lab_exec 'systemctl show docker' > "$OUT/before-fix/systemctl-show-docker.txt" 2>&1 || true
# The host as a support engineer finds it (docker down, damaged files still there): the sample bundle.
run_collector "$SCENARIO-before-fix"
if ! lab_exec 'systemctl is-active -q docker'; then
  lab_mark "power-off: remediation: delete the truncated local-kv.db, reset-failed, start docker"
  step 'ls -l /var/lib/docker/network/files/ && rm -f /var/lib/docker/network/files/local-kv.db'
  step 'systemctl reset-failed docker docker.socket; systemctl start docker'
  lab_wait_docker || true
fi
sleep 3
step 'docker ps -a --no-trunc --format "{{.ID}} {{.Names}} {{.Status}}"'
step 'docker start c-none c-late 2>&1; true'
step 'docker network ls --no-trunc'
step 'docker volume ls'
step 'ip -o link'
# data-root state: the same fields as the bundle's listing (type mode uid gid size mtime path), without the
# overlay2 layer trees; plus config.v2.json health (size, first and last byte).
lab_exec "find /var/lib/docker -path /var/lib/docker/overlay2/'*'/'*' -prune -o -printf '%y\t%m\t%U\t%G\t%s\t%T@\t%p\n' | sort -k7" > "$OUT/dataroot-listing.tsv" 2>&1 || true
lab_exec 'for f in /var/lib/docker/containers/*/config.v2.json /var/lib/docker/containers/*/hostconfig.json; do printf "%s\t%s\t%s\t%s\n" "$f" "$(stat -c %s "$f")" "$(head -c1 "$f" | od -An -tx1 | tr -d " ")" "$(tail -c1 "$f" | od -An -tx1 | tr -d " ")"; done' > "$OUT/dataroot-json.tsv" 2>&1 || true
lab_exec 'docker ps -a --no-trunc' > "$OUT/docker-ps-a.txt" 2>&1 || true
lab_exec 'ip -o link' > "$OUT/ip-o-link.txt" 2>&1 || true
lab_capture "$OUT" "$T0"

if [ "$SOS" = 1 ]; then
  lab_mark "power-off: sos report"
  rc=0
  lab_exec 'rm -rf /root/sos && mkdir -p /root/sos && sos report --batch --all-logs --tmp-dir /root/sos -o logs,sysvipc,devicemapper,networking,systemd,kernel,process' > "$LAB_ROOT/sos-$SCENARIO.log" 2>&1 || rc=$?
  lab_log "sos report exit $rc"
  tb=$(ls "$LAB_DIR"/root/sos/sosreport-*.tar.* 2>/dev/null | grep -v sha256 | head -n1 || true)
  if [ -n "$tb" ]; then
    mkdir -p "$BUNDLES/sos"; cp "$tb" "$BUNDLES/sos/"
    "$LAB_HERE/trim-sos.sh" "$tb" "$OUT/sos"
  fi
fi
run_collector "$SCENARIO"
lab_poweroff
scenario_end
