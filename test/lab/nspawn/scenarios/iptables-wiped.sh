#!/bin/bash
# Field guide §2 "firewalld wipes iptables", without firewalld: flush and delete every iptables chain (what a
# firewall reload does) while dockerd runs, then publish a port. No traffic is sent: the port is only mapped.
. "$(dirname "$0")/common.sh"
LAB_EXPORT=0
scenario_begin iptables-wiped
boot_and_wait
lab_wait_docker
lab_import_busybox
T0=$(date -u '+%Y-%m-%d %H:%M:%S')
step 'iptables --version; docker run -d --name before -p 8080:80 bb:latest sleep 1000000'
lab_exec 'iptables-save' > "$OUT/iptables-save-before.txt" 2>&1 || true
lab_mark "iptables-wiped: flushing and deleting all chains (nat, filter) as a firewall reload would"
step 'for t in nat filter; do iptables -t $t -F; iptables -t $t -X; done; iptables-save | head -30'
lab_mark "iptables-wiped: publishing a port after the wipe"
step 'docker run -d --name after -p 8081:80 bb:latest sleep 1000000; docker ps -a --format "{{.Names}} {{.Status}} {{.Ports}}"'
step 'docker network create wiped-net 2>&1; true'
lab_exec 'iptables-save' > "$OUT/iptables-save-after.txt" 2>&1 || true
lab_mark "iptables-wiped: docker restart rebuilds the chains"
step 'systemctl restart docker; sleep 2; docker start after; docker ps -a --format "{{.Names}} {{.Status}} {{.Ports}}"; iptables -t nat -S DOCKER | head'
lab_capture "$OUT" "$T0"
lab_poweroff
scenario_end
