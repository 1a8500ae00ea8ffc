#!/bin/bash
# Build the docklab rootfs: Debian bookworm minbase with real systemd, journald and docker.io, for the
# nspawn lab (field guide §6 C). Builds OUTSIDE the repo (default /var/tmp/dpm-nspawn/rootfs).
# Usage: build-rootfs.sh [ROOTFS]     (root; needs debootstrap and network access to the Debian mirror)
set -euo pipefail
ROOTFS=${1:-${DPM_LAB_ROOT:-/var/tmp/dpm-nspawn}/rootfs}
[ "$(id -u)" = 0 ] || { echo "needs root" >&2; exit 1; }

# The Debian mirror apt already uses here (deb822 .sources first, then one-line sources.list).
mirror() {
  local f u
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    u=$(awk '/^URIs:/{print $2}' "$f" | grep -E '/debian/?$' | head -n1 || true)
    [ -n "$u" ] && { echo "$u"; return; }
  done
  u=$(grep -hsE '^deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
      awk '{for(i=2;i<=NF;i++) if($i ~ /^(http|https|file):/){print $i; exit}}' | grep -E '/debian/?$' | head -n1 || true)
  echo "${u:-http://deb.debian.org/debian}"
}
MIRROR=${MIRROR:-$(mirror)}
# auditd is left out on purpose: it cannot run under nspawn ("Error - audit support not in kernel").
PKGS=systemd,systemd-sysv,dbus,docker.io,iproute2,util-linux,dmsetup,sosreport,procps,iptables,kmod,less,psmisc,busybox-static,python3

if [ ! -x "$ROOTFS/usr/sbin/dockerd" ]; then
  rm -rf "$ROOTFS.partial"
  mkdir -p "$(dirname "$ROOTFS")"
  echo "debootstrap bookworm from $MIRROR into $ROOTFS.partial"
  debootstrap --variant=minbase --include="$PKGS" bookworm "$ROOTFS.partial" "$MIRROR"
  mv "$ROOTFS.partial" "$ROOTFS"
fi
R=$ROOTFS

# Same suites as the host (so versions match the host's docker.io/systemd), then upgrade without starting services.
cp /etc/apt/sources.list.d/debian.sources "$R/etc/apt/sources.list.d/" 2>/dev/null && rm -f "$R/etc/apt/sources.list" || true
printf '#!/bin/sh\nexit 101\n' > "$R/usr/sbin/policy-rc.d"; chmod 755 "$R/usr/sbin/policy-rc.d"
mount -t proc proc "$R/proc"
trap 'umount "$R/proc" 2>/dev/null || true' EXIT
chroot "$R" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive sh -c \
  'apt-get update -q && apt-get -y -q upgrade && apt-get clean' || echo "warning: upgrade failed; keeping the debootstrap versions" >&2
umount "$R/proc"; trap - EXIT
rm -f "$R/usr/sbin/policy-rc.d"

echo docklab > "$R/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tdocklab\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$R/etc/hosts"
mkdir -p "$R/var/log/journal"                      # persistent journal (Storage=auto)
chroot "$R" passwd -d root >/dev/null

# Pitfall (§6 C 3): nspawn mounts the v1 hierarchies read-only, so runc fails with
# "mkdir /sys/fs/cgroup/cpuset/docker/<id>: read-only file system". Remount them rw before containerd/docker.
cat > "$R/etc/systemd/system/dpm-cgroup-rw.service" <<'UNIT'
[Unit]
Description=docklab: remount the cgroup v1 hierarchies read-write for dockerd
DefaultDependencies=no
Before=sysinit.target containerd.service docker.service
ConditionPathIsDirectory=/sys/fs/cgroup

[Service]
Type=oneshot
RemainAfterExit=yes
# They are read-only bind mounts: a plain "remount,rw" fails with "mount point is busy"; "remount,bind,rw" works.
ExecStart=/bin/sh -c 'for d in /sys/fs/cgroup/*/; do mount -o remount,bind,rw "$d" || mount -o remount,rw "$d" || true; done'

[Install]
WantedBy=sysinit.target
UNIT
chroot "$R" systemctl enable dpm-cgroup-rw.service >/dev/null 2>&1 || \
  { mkdir -p "$R/etc/systemd/system/sysinit.target.wants"; ln -sf ../dpm-cgroup-rw.service "$R/etc/systemd/system/sysinit.target.wants/"; }
# Units that only make noise in a container without a console/network.
for u in systemd-networkd-wait-online.service getty@tty1.service; do ln -sf /dev/null "$R/etc/systemd/system/$u"; done

# An offline busybox image for docker: Debian's static busybox with applet links, imported after boot
# by lab_import_busybox (run.sh) as "bb:latest".
rm -rf "$R/root/bb-rootfs"; mkdir -p "$R/root/bb-rootfs/bin"
cp "$R/bin/busybox" "$R/root/bb-rootfs/bin/busybox"
for a in sh ls cat echo sleep true false ps top env date mkdir rm touch grep awk head tail wc; do
  ln -sf busybox "$R/root/bb-rootfs/bin/$a"
done
tar -C "$R/root/bb-rootfs" -cf "$R/root/bb-rootfs.tar" .
rm -rf "$R/root/bb-rootfs"

chroot "$R" dpkg-query -W -f='${Package} ${Version}\n' systemd docker.io containerd runc sosreport util-linux iproute2 > "$R/root/docklab-versions.txt"
echo "rootfs ready: $R"; cat "$R/root/docklab-versions.txt"
