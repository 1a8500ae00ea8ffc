#!/bin/bash
# Field guide §2 "journald restart": (1) "systemctl restart systemd-journald" as a control (dockerd's stdout
# stream survives through journald's fd store), (2) "systemctl stop systemd-journald" then "start" while
# dockerd runs: dockerd lives on but nothing it writes reaches the journal any more, (3) restarting docker
# brings its logs back. Each phase makes dockerd log (a container run/exit gives "ignoring event" lines).
. "$(dirname "$0")/common.sh"
LAB_WITH_CONTAINERD=1   # containerd goes silent too
scenario_begin journald-restart
boot_and_wait
lab_wait_docker
lab_import_busybox
T0=$(date -u '+%Y-%m-%d %H:%M:%S')
docker_logs_something() {   # a container that runs and exits: dockerd logs "ignoring event … /tasks/delete"
  step "docker run --rm --name $1 bb:latest echo $1; docker rm -f nonexistent-$1 2>&1; true"
}
step 'systemctl show -p MainPID docker; systemctl show -p MainPID systemd-journald'
lab_mark "journald-restart phase 1: systemctl restart systemd-journald (control)"
step 'systemctl restart systemd-journald'
sleep 2
docker_logs_something phase1
lab_mark "journald-restart phase 2: systemctl stop systemd-journald, then start"
step 'systemctl stop systemd-journald; sleep 1; systemctl start systemd-journald'
sleep 2
lab_mark "journald-restart phase 2: dockerd should log now"
docker_logs_something phase2
step 'systemctl show -p MainPID -p ActiveState docker; systemctl show -p MainPID systemd-journald; docker info --format "{{.ServerVersion}}"'
sleep 2
lab_mark "journald-restart phase 3: systemctl restart docker"
step 'systemctl restart docker'
lab_wait_docker
docker_logs_something phase3
sleep 2
lab_capture "$OUT" "$T0"
run_collector journald-restart
lab_poweroff
scenario_end
