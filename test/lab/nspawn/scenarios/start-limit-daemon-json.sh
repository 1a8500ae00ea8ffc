#!/bin/bash
# Field guide §1.5 (b): a broken /etc/docker/daemon.json makes dockerd exit at once; Restart=on-failure
# loops until the start limit. Expect "Start request repeated too quickly." with Result=exit-code (not
# start-limit-hit), then a manual "systemctl start docker" refused with "attempted too often".
. "$(dirname "$0")/common.sh"
LAB_EXPORT=1
scenario_begin start-limit-daemon-json
boot_and_wait
lab_wait_docker
T0=$(date -u '+%Y-%m-%d %H:%M:%S')
lab_mark "start-limit-daemon-json: writing a truncated daemon.json and restarting docker"
# Cut mid-object: the JSON decoder says "unexpected EOF".
printf '{\n  "log-level": "info",\n  "storage-driver": "overlay2",\n' > "$LAB_DIR/etc/docker/daemon.json"
step 'cat /etc/docker/daemon.json'
step 'systemctl restart docker'
# RestartSec=2s x burst 3: the loop is over in well under 20 s.
sleep 20
step 'systemctl is-active docker docker.socket'
step 'systemctl show -p Result -p NRestarts -p ActiveState -p SubState docker docker.socket'
mkdir -p "$OUT/after-auto-restart"
lab_exec 'systemctl show docker docker.socket' > "$OUT/after-auto-restart/systemctl-show.txt" 2>&1 || true
lab_exec 'systemctl status -l --no-pager docker' > "$OUT/after-auto-restart/systemctl-status-docker.txt" 2>&1 || true
lab_mark "start-limit-daemon-json: manual start while the limit holds"
step 'systemctl start docker'
step 'systemctl show -p Result -p NRestarts -p ActiveState docker'
lab_capture "$OUT" "$T0"
run_collector start-limit-daemon-json
lab_poweroff
scenario_end
