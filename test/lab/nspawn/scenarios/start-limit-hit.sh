#!/bin/bash
# Field guide §1.5 (a): manual "systemctl restart docker" in a loop until systemd refuses
# ("Start request repeated too quickly", "Failed with result 'start-limit-hit'",
#  "docker.socket: Failed with result 'service-start-limit-hit'").
. "$(dirname "$0")/common.sh"
LAB_EXPORT=1
scenario_begin start-limit-hit
boot_and_wait
lab_wait_docker
T0=$(date -u '+%Y-%m-%d %H:%M:%S')
step 'systemctl show -p StartLimitBurst -p StartLimitIntervalUSec -p Restart -p RestartUSec docker'
lab_mark "start-limit-hit: restarting docker in a loop"
for i in 1 2 3 4 5 6; do
  rc=0; msg=$(lab_exec 'systemctl restart docker' 2>&1) || rc=$?
  printf '$ systemctl restart docker   # try %s\n%s[exit %s]\n' "$i" "${msg:+$msg
}" "$rc" >> "$LAB_LOG"
  [ "$rc" = 0 ] || break
done
sleep 2
step 'systemctl is-active docker docker.socket containerd'
step 'systemctl show -p Result -p NRestarts -p ActiveState -p SubState docker docker.socket'
lab_capture "$OUT" "$T0"
run_collector start-limit-hit
lab_poweroff
scenario_end
