#!/bin/bash
# Field guide §1.5 "first causes": the exact line dockerd 20.10 prints for each kind of broken
# /etc/docker/daemon.json. A drop-in sets Restart=no so each variant fails once (no start-limit noise);
# reset-failed between variants. Marker lines (docklab[N]) name each variant before its failure.
. "$(dirname "$0")/common.sh"
LAB_EXPORT=1
scenario_begin daemon-json-errors
boot_and_wait
lab_wait_docker
T0=$(date -u '+%Y-%m-%d %H:%M:%S')
mkdir -p "$LAB_DIR/etc/systemd/system/docker.service.d"
printf '[Service]\nRestart=no\n' > "$LAB_DIR/etc/systemd/system/docker.service.d/50-docklab-no-restart.conf"
step 'systemctl daemon-reload'
variant() {   # variant NAME: the file content is on stdin
  cat > "$LAB_DIR/etc/docker/daemon.json"
  lab_mark "daemon-json-errors: variant $1"
  step "od -c /etc/docker/daemon.json | head -4; systemctl reset-failed docker docker.socket; systemctl restart docker; sleep 1; systemctl show -p Result -p ExecMainStatus docker"
}
printf '{\n  "log-level": "info",\n' | variant truncated
printf '{\n  "log-level": "info",\n}\n' | variant trailing-comma
printf '{\n  "storage-drive": "overlay2"\n}\n' | variant unknown-key
printf '{\n  "hosts": ["unix:///var/run/docker.sock"]\n}\n' | variant hosts-conflict
printf '{\n  "log-level": "verbose"\n}\n' | variant bad-log-level
printf '{\n  "storage-driver": "devicemapperx"\n}\n' | variant unknown-storage-driver
printf '{\n  "graph": "/var/lib/docker"\n}\n' | variant deprecated-graph
head -c 64 /dev/zero | variant nul-filled
: | variant empty
printf '{}\n' | variant valid-empty-object
lab_mark "daemon-json-errors: restore"
rm -f "$LAB_DIR/etc/docker/daemon.json" "$LAB_DIR/etc/systemd/system/docker.service.d/50-docklab-no-restart.conf"
step 'systemctl daemon-reload; systemctl reset-failed docker docker.socket; systemctl restart docker; systemctl is-active docker'
lab_capture "$OUT" "$T0"
lab_poweroff
scenario_end
