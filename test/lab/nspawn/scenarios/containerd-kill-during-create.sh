#!/bin/bash
# Field guide §1.4 under systemd: containerd SIGKILLed while a container start is inside "runc create"
# (a wrapper runtime makes create take 30 s, standing in for a slow prestart hook). After systemd restarts
# containerd, the old shim and runc create live on: "docker start" fails with "task <id>: already exists"
# until they finish or are killed. Then a docker restart shows what dockerd logs about the leftover.
. "$(dirname "$0")/common.sh"
LAB_EXPORT=0
LAB_WITH_CONTAINERD=1
scenario_begin containerd-kill-during-create
boot_and_wait
lab_wait_docker
lab_import_busybox
T0=$(date -u '+%Y-%m-%d %H:%M:%S')
cat > "$LAB_DIR/usr/local/bin/slow-runc" <<'W'
#!/bin/sh
# docklab: runc whose "create" takes 30 s (a slow prestart hook stand-in)
for a in "$@"; do if [ "$a" = create ]; then sleep 30; break; fi; done
exec /usr/sbin/runc "$@"
W
chmod 755 "$LAB_DIR/usr/local/bin/slow-runc"
printf '{\n  "runtimes": { "slow": { "path": "/usr/local/bin/slow-runc" } }\n}\n' > "$LAB_DIR/etc/docker/daemon.json"
step 'systemctl restart docker'
lab_wait_docker
lab_mark "containerd-kill-during-create: docker run --runtime slow, SIGKILL containerd during runc create"
step '(docker run -d --runtime slow --name victim bb:latest sleep 1000000 > /tmp/victim.log 2>&1 &); sleep 5; ps -eo pid,ppid,args | grep -E "runc|shim|sleep 30" | grep -v grep; kill -9 $(systemctl show -p MainPID --value containerd); sleep 9; systemctl show -p NRestarts -p ActiveState containerd'
step 'cat /tmp/victim.log; docker ps -a --no-trunc --format "{{.ID}} {{.Names}} {{.Status}}"'
lab_mark "containerd-kill-during-create: docker start victim while the old create still runs"
step 'docker start victim; ps -eo pid,ppid,args | grep -E "runc|shim|sleep 30" | grep -v grep; ctr -n moby tasks ls 2>&1; ls -la /run/docker/runtime-slow/moby/* 2>&1 | head'
step 'systemctl restart containerd; sleep 3; docker start victim'
lab_mark "containerd-kill-during-create: restart docker (leftover task)"
step 'systemctl restart docker; sleep 2; docker ps -a --format "{{.Names}} {{.Status}}"; docker start victim'
lab_exec 'ps -eo pid,ppid,stat,lstart,args' > "$OUT/ps-during.txt" 2>&1 || true
lab_mark "containerd-kill-during-create: wait for the slow create to end, then start again"
sleep 25
step 'ps -eo pid,ppid,args | grep -E "runc|shim|sleep 30" | grep -v grep; docker start victim; docker ps -a --format "{{.Names}} {{.Status}}"'
lab_capture "$OUT" "$T0"
lab_poweroff
scenario_end
