#!/bin/bash
# Field guide §1.5 "start timeout", systemd 252's real wording, in two phases:
#  A: drop-in TimeoutStartSec=2 + ExecStartPre=/bin/sleep 5: "docker.service: start-pre operation timed out.
#     Terminating." (the ExecStartPre is what runs out of time), Restart=on-failure loop, start limit;
#  B: TimeoutStartSec=2 + ExecStart wrapped in "sleep 5; exec dockerd" (a slow daemon, Type=notify never
#     READY in time): "docker.service: start operation timed out. Terminating.", then the same loop.
# Both end "Failed with result 'timeout'." and "Start request repeated too quickly.".
. "$(dirname "$0")/common.sh"
LAB_EXPORT=1
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
printf '[Service]\nTimeoutStartSec=2\nExecStart=\nExecStart=/bin/sh -c "sleep 5; exec /usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock"\n' \
  > "$LAB_DIR/etc/systemd/system/docker.service.d/50-docklab-slow-start.conf"
lab_mark "start-timeout phase B: drop-in TimeoutStartSec=2 + ExecStart=sh -c 'sleep 5; exec dockerd', restarting docker"
step 'cat /etc/systemd/system/docker.service.d/50-docklab-slow-start.conf; systemctl daemon-reload; systemctl reset-failed docker docker.socket; systemctl restart docker'
sleep 15
step 'systemctl show -p Result -p NRestarts -p ActiveState -p SubState -p TimeoutStartUSec docker'
lab_capture "$OUT" "$T0"
run_collector start-timeout
lab_poweroff
scenario_end
