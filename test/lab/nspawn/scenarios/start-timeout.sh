#!/bin/bash
# Field guide §1.5 "start timeout": a drop-in with TimeoutStartSec=2 and ExecStartPre=/bin/sleep 5 makes the
# start time out, capturing systemd 252's real wording ("docker.service: start operation timed out.
# Terminating." then "Failed with result 'timeout'."), the Restart=on-failure loop and the start limit.
. "$(dirname "$0")/common.sh"
scenario_begin start-timeout
boot_and_wait
lab_wait_docker
T0=$(date -u '+%Y-%m-%d %H:%M:%S')
mkdir -p "$LAB_DIR/etc/systemd/system/docker.service.d"
printf '[Service]\nTimeoutStartSec=2\nExecStartPre=/bin/sleep 5\n' > "$LAB_DIR/etc/systemd/system/docker.service.d/50-docklab-slow-start.conf"
lab_mark "start-timeout: drop-in TimeoutStartSec=2 + ExecStartPre=/bin/sleep 5, restarting docker"
step 'systemctl daemon-reload; systemctl restart docker'
sleep 15          # three 2 s timeouts with restarts in between, then the limit
step 'systemctl show -p Result -p NRestarts -p ActiveState -p SubState -p TimeoutStartUSec docker'
lab_capture "$OUT" "$T0"
run_collector start-timeout
lab_poweroff
scenario_end
