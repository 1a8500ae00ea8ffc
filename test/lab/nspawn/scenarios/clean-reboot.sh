#!/bin/bash
# Field guide §5 clean tails: boot 1 ends with "systemctl poweroff", boot 2 with "systemctl reboot" (nspawn
# exits with 133 on a container reboot; we boot it again), boot 3 is the current one with docker running
# two containers: the "healthy" host. --list-boots shows three boots, each earlier one with a clean tail
# ("Journal stopped", "Reached target … Power Off/Reboot", dockerd "Daemon shutdown complete").
. "$(dirname "$0")/common.sh"
scenario_begin clean-reboot
boot_and_wait
lab_wait_docker
lab_import_busybox
T0=$(date -u '+%Y-%m-%d %H:%M:%S')
step 'docker run -d --name web --restart=always bb:latest sleep 1000000'
step 'docker run -d --name once bb:latest sleep 1000000'
lab_mark "clean-reboot: boot 1 ends with systemctl poweroff"
lab_poweroff
lab_log "boot 2"
boot_and_wait
lab_wait_docker || true
lab_mark "clean-reboot: boot 2 ends with systemctl reboot"
lab_exec 'systemctl reboot' || true
lab_wait_exit 120 || true
lab_cg_remove
lab_log "boot 3"
boot_and_wait
lab_wait_docker || true
sleep 3
step 'docker ps -a --format "{{.Names}} {{.Status}}"'
lab_exec 'docker ps -a --no-trunc' > "$OUT/docker-ps-a.txt" 2>&1 || true
lab_capture "$OUT" "$T0"
run_collector clean-reboot
lab_poweroff
scenario_end
