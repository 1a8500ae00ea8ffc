#!/bin/bash
# Field guide §1.3/§1.4 under systemd: SIGKILL of dockerd while containers start, then SIGKILL of containerd.
# Captures the systemd wording (code=killed, status=9/KILL, Failed with result 'signal', the auto-restart),
# what the clients saw, and the leftovers (ip -o link, docker ps -a, containerd tasks).
. "$(dirname "$0")/common.sh"
LAB_EXPORT=0   # with containerd the export would add 250 KB
LAB_WITH_CONTAINERD=1
scenario_begin dockerd-sigkill
boot_and_wait
lab_wait_docker
lab_import_busybox
T0=$(date -u '+%Y-%m-%d %H:%M:%S')
step 'docker run -d --name up1 --restart=always bb:latest sleep 1000000; docker run -d --name up2 bb:latest sleep 1000000'
lab_mark "dockerd-sigkill: SIGKILL dockerd while three containers start"
step 'for i in 1 2 3; do (docker run -d --name starting$i bb:latest sleep 1000000 > /tmp/run$i.log 2>&1 &) ; done; sleep 0.4; kill -9 $(systemctl show -p MainPID --value docker); sleep 8; cat /tmp/run*.log'
lab_wait_docker || true
step 'systemctl show -p Result -p NRestarts -p ActiveState docker; docker ps -a --format "{{.Names}} {{.Status}}"'
# Right after the restart: the leaked pairs (both ends here) may be cleaned up later (they were in one run).
lab_exec 'ip -o link' > "$OUT/ip-o-link-after-dockerd-kill.txt" 2>&1 || true
lab_exec 'bridge link' > "$OUT/bridge-link-after-dockerd-kill.txt" 2>&1 || true
lab_exec 'docker ps -a --no-trunc' > "$OUT/docker-ps-a-after-dockerd-kill.txt" 2>&1 || true
lab_mark "dockerd-sigkill: SIGKILL containerd"
step 'kill -9 $(systemctl show -p MainPID --value containerd); sleep 8; systemctl show -p Result -p NRestarts -p ActiveState containerd'
step 'docker ps -a --format "{{.Names}} {{.Status}}"; docker run --rm bb:latest echo after-containerd-kill; ctr -n moby tasks ls 2>&1'
step 'ip -o link | cut -c1-120'
lab_exec 'ip -o link' > "$OUT/ip-o-link.txt" 2>&1 || true
lab_exec 'docker ps -a --no-trunc' > "$OUT/docker-ps-a.txt" 2>&1 || true
lab_capture "$OUT" "$T0"
lab_poweroff
scenario_end
