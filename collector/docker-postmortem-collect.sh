#!/bin/sh
# docker-postmortem-collect: gather a post-mortem bundle on a Docker engine host.
#
# POSIX sh (dash, busybox ash, bash --posix). Read-only: it never changes the host. Everything it
# writes goes to one temp folder inside --output (removed on exit) and the final archive beside it.
# The bundle layout is docs/bundle-format.md; artifact ids are analyzer/src/spine/artifacts.ts.
# shellcheck disable=SC2016  # single-quoted sh -c scripts expand later, on purpose

COLLECTOR_VERSION=0.1.0

# Every command runs in the C locale and UTC: month names, ipcs headers and list-boots are
# localised, and ipcs/dmsetup ctime columns are zone-less local time (field guide §3).
ORIG_TZ_SET=${TZ+set}
ORIG_TZ=${TZ-}
LC_ALL=C
LANG=C
TZ=UTC
SYSTEMD_PAGER=
PAGER='cat'
SYSTEMD_COLORS=0
export LC_ALL LANG TZ SYSTEMD_PAGER PAGER SYSTEMD_COLORS
umask 077

TAB=$(printf '\t')
SOH=$(printf '\001')
NL='
'

usage() {
  cat <<'EOF'
Usage: docker-postmortem-collect.sh [options]

Gathers logs, configuration and state of a Docker engine host into
docker-postmortem-<host>-<UTC time>.tar.gz (mode 0600) for offline analysis with
docker-postmortem. Run it as root for a complete bundle; it only reads and never
changes the host (no docker command that changes state). The archive path is the
last line on stdout; a summary of failed and skipped items goes to stderr, ending
with the archive's path, size and sha256: send that file to support.

Options:
  --output DIR        folder for the archive (default: current folder). The temp
                      folder is created inside it and removed on exit.
  --since TIME        journal window start, passed to journalctl --since
                      (e.g. "2026-11-27 00:00:00", "-2d"). Default: whole journal.
  --until TIME        journal window end, passed to journalctl --until.
  --data-root DIR     docker data-root (default: from the running dockerd, then
                      /etc/docker/daemon.json "data-root"/"graph", then
                      /etc/sysconfig/docker* OPTIONS, else /var/lib/docker).
  --exec-root DIR     docker exec-root (default: the same sources, else /var/run/docker).
  --timeout SECONDS   per-command time limit (default 20; the journal gets 6x).
  --budget SECONDS    total time limit (default 300). When it runs out, the
                      remaining items are recorded as skipped "budget exhausted"
                      and the archive is still written.
  --max-log-bytes N   newest bytes kept of the journal, of /var/log/messages* +
                      syslog*, of audit.log*, and of each --log-file (default 104857600).
  --max-entries N     entry cap of the data-root listing (default 100000).
  --log-file PATH     add a log file (its newest --max-log-bytes) under logs/.
                      Repeatable.
  --redact            replace IPv4/IPv6 addresses, MAC addresses, host names and
                      user names (uid >= 1000) with stable placeholders in every file.
                      The mapping is written beside the archive (<archive>.redact-map.tsv),
                      never into it; a verify pass deletes the archive if an original
                      value remains.
  --min-free MB       refuse to run unless the output folder has this much free space
                      (default: 2 x max-log-bytes + 32 MiB).
  --case-id ID        support case number, recorded in manifest.json (caseId).
  --label TEXT        a short label of your choice, recorded in manifest.json (label).
                      Both: letters, digits, ".", "_" and "-" only, at most 64.
  --help              this text.

What it gathers (each item is listed in manifest.json with exit code, duration,
size, sha256 and skip reason): the journal of docker, containerd, systemd (PID 1),
kernel, journald, firewalld and auditd as JSON, journalctl --list-boots and --header,
syslog files when the journal is not persistent or gave no entry, dmesg, audit.log* and audit rules,
mountinfo and mount -l, ipcs semaphores (and ipcs -s -i of each 0x0d4d* semaphore),
kernel.sem and pid_max, dmsetup udevcookies/info/status/table, the docker thin-pool
profile and deviceset-metadata, ip link/addr, bridge link, ip netns, iptables-save
(filter, nat), firewall-cmd --state, daemon.json, /etc/sysconfig/docker*,
/etc/default/docker, systemctl show/status/cat of docker, containerd and journald,
dockerd/containerd command lines (environment values redacted except DISABLE_* and
DOCKER_*), ps, docker info/ps -a/network ls/version (with a timeout), rpm -qa or
dpkg -l, uname, os-release, hostname, limits.conf, overlay module parameters, df,
a bounded listing of the data-root and exec-root, and the health (size, empty,
NUL-filled, truncated) of each container's config.v2.json and hostconfig.json.
It never copies container configs, ~/.docker/config.json, keys or certificates.

Environment: DOCKER_HOST is honoured by the docker commands.
Exit status: 0 archive written; 1 usage or environment error; 2 not enough free
space; 3 redaction verify failed (archive deleted); 129/130/143 interrupted;
141 the reader of its output went away (temp folder removed in every case).
EOF
}

die() {
  printf 'docker-postmortem-collect: %s\n' "$1" >&2
  exit "${2:-1}"
}

# ---------------------------------------------------------------------------------------------
# Options
OUT_DIR=.
SINCE=
UNTIL=
OPT_DATA_ROOT=
OPT_EXEC_ROOT=
TIMEOUT=20
BUDGET=300
MAX_LOG_BYTES=104857600
MAX_ENTRIES=100000
LOG_FILES=
REDACT=0
MIN_FREE_MB=
CASE_ID=
LABEL=

is_uint() {
  case $1 in '' | *[!0-9]*) return 1 ;; esac
  return 0
}

pos_int() {
  if ! is_uint "$1" || [ "$1" -eq 0 ]; then die "$2 needs a positive integer"; fi
}

# case_tag VALUE OPTION: a case id or label is 1 to 64 of [A-Za-z0-9._-] (as sos checks its own).
case_tag() {
  case $1 in
    '' | *[!A-Za-z0-9._-]*) die "$2 takes 1 to 64 letters, digits, '.', '_' or '-'" ;;
  esac
  [ "${#1}" -le 64 ] || die "$2 takes 1 to 64 letters, digits, '.', '_' or '-'"
}

while [ $# -gt 0 ]; do
  opt=$1
  val=
  has_val=0
  case $opt in
    --*=*) val=${opt#*=}; opt=${opt%%=*}; has_val=1 ;;
  esac
  case $opt in
    --help | -h) usage; exit 0 ;;
    --redact) REDACT=1; shift; continue ;;
    --output | --since | --until | --data-root | --exec-root | --timeout | --budget | \
      --max-log-bytes | --max-entries | --log-file | --min-free | --case-id | --label)
      if [ "$has_val" = 0 ]; then
        [ $# -ge 2 ] || die "option $opt needs a value (see --help)"
        val=$2
        shift
      fi
      ;;
    *) die "unknown option: $opt (see --help)" ;;
  esac
  shift
  case $opt in
    --output) OUT_DIR=$val ;;
    --since) SINCE=$val ;;
    --until) UNTIL=$val ;;
    --data-root) OPT_DATA_ROOT=$val ;;
    --exec-root) OPT_EXEC_ROOT=$val ;;
    --timeout) pos_int "$val" "--timeout"; TIMEOUT=$val ;;
    --budget) pos_int "$val" "--budget"; BUDGET=$val ;;
    --max-log-bytes) pos_int "$val" "--max-log-bytes"; MAX_LOG_BYTES=$val ;;
    --max-entries) pos_int "$val" "--max-entries"; MAX_ENTRIES=$val ;;
    --case-id) case_tag "$val" --case-id; CASE_ID=$val ;;
    --label) case_tag "$val" --label; LABEL=$val ;;
    --min-free) is_uint "$val" || die "--min-free needs an integer (MB)"; MIN_FREE_MB=$val ;;
    --log-file)
      case $val in *"$NL"*) die "--log-file path contains a newline" ;; esac
      LOG_FILES="$LOG_FILES$val$NL"
      ;;
  esac
done

# ---------------------------------------------------------------------------------------------
# Small helpers (fork-free where it matters: a host with 10,000 containers must stay fast)

have() { command -v "$1" >/dev/null 2>&1; }

# tool_path NAME: sets TP to NAME's absolute path from PATH, else to NAME when the shell still
# knows it (a busybox applet), else empty. busybox sh prefers its own applets (ps, timeout) even
# when PATH holds the real tool, and busybox ps has no lstart: run the real one when there is one.
tool_path() {
  TP=
  _tp_ifs=$IFS
  IFS=:
  for _tp_d in $PATH; do
    [ -n "$_tp_d" ] || _tp_d=.
    if [ -f "$_tp_d/$1" ] && [ -x "$_tp_d/$1" ]; then
      TP="$_tp_d/$1"
      break
    fi
  done
  IFS=$_tp_ifs
  if [ -z "$TP" ] && have "$1"; then TP=$1; fi
}

# NOW_MS: milliseconds since boot from /proc/uptime (no fork), else wall clock.
now_ms() {
  _nm_up=
  { read -r _nm_up _nm_rest; } 2>/dev/null </proc/uptime
  case $_nm_up in
    *.*)
      _nm_s=${_nm_up%.*}
      _nm_f=${_nm_up#*.}
      _nm_f=${_nm_f%"${_nm_f#??}"}
      _nm_f=${_nm_f#0}
      NOW_MS=$((_nm_s * 1000 + ${_nm_f:-0} * 10))
      ;;
    *) NOW_MS=$(($(date +%s) * 1000)) ;;
  esac
}

# jstr VALUE: sets JS to VALUE as a JSON string. Fast path for plain printable ASCII; otherwise
# awk escapes backslash, quote and every control character (\u00XX), keeping newlines as \n.
jstr() {
  case $1 in
    *[\\\"]* | *[![:print:]]*)
      if [ "$HAVE_AWK" = 1 ]; then
        JS=$(printf '%s\n' "$1" | awk '
          BEGIN { for (i = 1; i < 32; i++) esc[sprintf("%c", i)] = sprintf("\\u%04x", i); esc["\\"] = "\\\\"; esc["\""] = "\\\""; esc[sprintf("%c", 127)] = "\\u007f" }
          {
            out = ""
            n = length($0)
            for (i = 1; i <= n; i++) { ch = substr($0, i, 1); if (ch in esc) out = out esc[ch]; else out = out ch }
            printf "%s%s", (NR > 1 ? "\\n" : ""), out
          }')
        JS="\"$JS\""
      else
        JS=$(printf '%s' "$1" | tr -d '\001-\037\177' | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')
        JS="\"$JS\""
      fi
      ;;
    *) JS="\"$1\"" ;;
  esac
}

# jnull VALUE: JSON string, or null when empty.
jnull() {
  if [ -n "$1" ]; then jstr "$1"; else JS=null; fi
}

# jargv ARGS...: sets JA to a JSON array of the arguments.
jargv() {
  JA='['
  _sep=
  for _a in "$@"; do
    jstr "$_a"
    JA="$JA$_sep$JS"
    _sep=,
  done
  JA="$JA]"
}

say() { printf '%s\n' "$*" >&2; }

# ---------------------------------------------------------------------------------------------
# Preconditions

HAVE_AWK=0
have awk && HAVE_AWK=1
for t in cat tar gzip mkdir rm mv chmod sed awk tr head tail wc od date; do
  have "$t" || die "required tool not found: $t (needs: cat tar gzip mkdir rm mv chmod sed awk tr head tail wc od date)"
done

[ -d "$OUT_DIR" ] || die "output folder does not exist: $OUT_DIR"
[ -w "$OUT_DIR" ] || die "output folder is not writable: $OUT_DIR"
case $OUT_DIR in
  /*) ;;
  *) OUT_DIR=$(cd "$OUT_DIR" && pwd) || die "cannot resolve output folder: $OUT_DIR" ;;
esac

if [ -z "$MIN_FREE_MB" ]; then
  MIN_FREE_MB=$(((2 * MAX_LOG_BYTES) / 1048576 + 32))
fi
if have df; then
  FREE_KB=$(df -Pk "$OUT_DIR" 2>/dev/null | awk 'NR == 2 { print $4 }')
  if is_uint "$FREE_KB"; then
    if [ "$FREE_KB" -lt $((MIN_FREE_MB * 1024)) ]; then
      die "not enough free space in $OUT_DIR: $((FREE_KB / 1024)) MB free, need $MIN_FREE_MB MB (use another --output, a smaller --max-log-bytes, or --min-free)" 2
    fi
  else
    say "warning: could not read free space of $OUT_DIR (df); continuing"
  fi
else
  say "warning: df not found; free space not checked"
fi

now_ms
START_MS=$NOW_MS
BUDGET_MS=$((BUDGET * 1000))

# Collection time and zone: utcOffset is the host's own zone (TZ as the caller had it).
# One clock reading for both forms: two `date` calls can straddle a second, and the archive name
# must carry the manifest's collectedAt.
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
COLLECTED_AT=$(printf '%s\n' "$STAMP" | sed 's/^\(....\)\(..\)\(..\)T\(..\)\(..\)\(..\)Z$/\1-\2-\3T\4:\5:\6Z/')
if [ "$ORIG_TZ_SET" = set ]; then
  UTC_OFFSET=$(TZ=$ORIG_TZ date +%z 2>/dev/null)
else
  UTC_OFFSET=$(unset TZ; date +%z)
fi

if have id; then
  MY_UID=$(id -u)
else
  MY_UID=
  while read -r _k _v _rest; do
    [ "$_k" = "Uid:" ] && MY_UID=$_v && break
  done </proc/self/status
fi
AS_ROOT=false
[ "$MY_UID" = 0 ] && AS_ROOT=true

RAW_HOST=
{ read -r RAW_HOST; } 2>/dev/null </proc/sys/kernel/hostname
[ -n "$RAW_HOST" ] || RAW_HOST=$(hostname 2>/dev/null)
[ -n "$RAW_HOST" ] || RAW_HOST=unknown
SHORT_HOST=${RAW_HOST%%.*}
SAFE_HOST=$(printf '%s' "$SHORT_HOST" | tr -c 'A-Za-z0-9._-' '_')
[ -n "$SAFE_HOST" ] || SAFE_HOST=unknown
[ "$REDACT" = 1 ] && SAFE_HOST=host-1

KERNEL=
{ read -r KERNEL; } 2>/dev/null </proc/sys/kernel/osrelease
[ -n "$KERNEL" ] || KERNEL=$(uname -r 2>/dev/null)
NETNS=$(readlink /proc/self/ns/net 2>/dev/null)
IPCNS=$(readlink /proc/self/ns/ipc 2>/dev/null)

# Temp folder inside the output folder: only one file system needs free space, and nothing is
# written anywhere else (tmpfs /tmp would hold a large journal in RAM).
TMP=
ARCHIVE=
ARCHIVE_DONE=0
CHILD=
WATCHDOG=
BUDGET_SPENT=0

# DESC_AWK (stdin: /proc/*/stat lines; root, me): the pids below root, leaving out me and everything below it.
# The comm field may hold blanks and ")": the ppid is the second word after the last ") ".
DESC_AWK='
{ s = $0; pid = s + 0; sub(/.*\) /, "", s); split(s, a, " "); kids[a[2]] = kids[a[2]] " " pid }
END {
  n = split(kids[root], q, " ")
  i = 1
  while (i <= n) {
    p = q[i++]
    if (p == me) continue
    out = out " " p
    m = split(kids[p], c, " ")
    for (j = 1; j <= m; j++) q[++n] = c[j]
  }
  print out
}'

# kill_tree SIG PID: signal PID and every process below it, from one snapshot of /proc taken first (a
# pipeline inside `sh -c` or the command behind busybox `timeout` would otherwise outlive the kill).
kill_tree() {
  _kt=$(cat /proc/[0-9]*/stat 2>/dev/null | awk -v root="$2" -v me=- "$DESC_AWK")
  # shellcheck disable=SC2086  # a list of pids
  kill "-$1" "$2" $_kt 2>/dev/null
}

cleanup() {
  if [ -n "$WATCHDOG" ]; then
    kill "$WATCHDOG" 2>/dev/null
    WATCHDOG=
  fi
  if [ -n "$CHILD" ]; then
    kill_tree KILL "$CHILD"
    CHILD=
  fi
  if [ -n "$TMP" ] && [ -d "$TMP" ]; then
    rm -rf "$TMP"
  fi
  TMP=
  if [ "$ARCHIVE_DONE" = 0 ] && [ -n "$ARCHIVE" ] && [ -f "$ARCHIVE" ]; then
    rm -f "$ARCHIVE"
  fi
}
trap cleanup EXIT
trap 'cleanup; trap - EXIT; exit 130' INT
trap 'cleanup; trap - EXIT; exit 143' TERM
trap 'cleanup; trap - EXIT; exit 129' HUP
# The budget watchdog (below) says the wall-clock budget is spent: everything not collected yet is skipped.
trap 'BUDGET_SPENT=1' ALRM
# A reader of our stdout/stderr that died (| tee, | tail on Ctrl-C) must not stop the cleanup:
# the shell's own "Terminated" notice would otherwise kill it with SIGPIPE before the trap runs.
trap 'cleanup; trap - EXIT; exit 141' PIPE

if have mktemp; then
  TMP=$(mktemp -d "$OUT_DIR/.docker-postmortem.XXXXXX") || die "cannot create a temp folder in $OUT_DIR"
else
  TMP="$OUT_DIR/.docker-postmortem.$$"
  mkdir -m 700 "$TMP" || die "cannot create a temp folder in $OUT_DIR"
fi
B="$TMP/bundle"
mkdir -p "$B/cmd" "$B/files" "$B/logs" || die "cannot create $B"

# --budget is a hard wall-clock limit: a watchdog process sleeps for the budget, then tells the main shell
# (SIGALRM) and kills whatever command the main shell is running (with everything below it). The shell
# runs its trap only once a foreground command ends, so the kill is what keeps a read of /dev/zero or a
# FIFO from holding the run; it repeats each second until the main shell starts packing ("$TMP/packing"
# exists), so a second hang after the first kill cannot hold the run either. Its own output goes to /dev/null: a reader of our pipes must not wait for it.
WATCHDOG_SH='
main=$1 secs=$2 tmp=$3 desc=$4
trap "kill \$s 2>/dev/null; exit 0" TERM
sleep "$secs" &
s=$!
wait "$s"
while [ ! -e "$tmp/packing" ] && kill -ALRM "$main" 2>/dev/null; do
  kids=$(cat /proc/[0-9]*/stat 2>/dev/null | awk -v root="$main" -v me="$$" "$desc")
  [ -n "$kids" ] && kill -KILL $kids 2>/dev/null
  sleep 1
done
exit 0'
sh -c "$WATCHDOG_SH" sh "$$" "$BUDGET" "$TMP" "$DESC_AWK" </dev/null >/dev/null 2>&1 &
WATCHDOG=$!
ITEMS="$TMP/items.tsv"
: >"$ITEMS"

# Time limits: GNU/busybox timeout when it works, else a POSIX poll loop.
TIMEOUT_MODE=poll
tool_path timeout
TIMEOUT_BIN=$TP
if [ -n "$TIMEOUT_BIN" ]; then
  if "$TIMEOUT_BIN" -k 1 5 true >/dev/null 2>&1; then
    TIMEOUT_MODE=timeout-k
  elif "$TIMEOUT_BIN" 5 true >/dev/null 2>&1; then
    TIMEOUT_MODE=timeout
  fi
fi
POLL_SLEEP=1
POLL_PER_SEC=1
if sleep 0.05 2>/dev/null; then
  POLL_SLEEP=0.05
  POLL_PER_SEC=20
fi

SHA_CMD=
if have sha256sum; then
  SHA_CMD=sha256sum
elif have busybox && busybox sha256sum </dev/null >/dev/null 2>&1; then
  SHA_CMD="busybox sha256sum"
fi

HAVE_GNU_FIND=0
if have find && find / -maxdepth 0 -printf '' >/dev/null 2>&1; then
  HAVE_GNU_FIND=1
fi

# ---------------------------------------------------------------------------------------------
# Item bookkeeping. items.tsv holds one line per item: "<path or ->" TAB head TAB tail, where head
# and tail are JSON fragments; bytes and sha256 are added at the end (after --redact rewrote files).

FAILED_LIST=
SKIPPED_LIST=

# add_item ID KIND ARGV_JSON SOURCE PATH EXIT DUR TRUNC TIMED SKIPPED REASON ERROR
add_item() {
  jstr "$1"; _id=$JS
  jnull "$4"; _src=$JS
  jstr "$5"; _path=$JS
  jnull "${11}"; _reason=$JS
  jnull "${12}"; _err=$JS
  _file=-
  [ "${10}" = false ] && _file=$5
  printf '%s\t{"id":%s,"kind":"%s","argv":%s,"source":%s,"path":%s,"exitCode":%s,"durationMs":%s\t"truncated":%s,"timedOut":%s,"skipped":%s,"skipReason":%s,"error":%s}\n' \
    "$_file" "$_id" "$2" "$3" "$_src" "$_path" "$6" "$7" "$8" "$9" "${10}" "$_reason" "$_err" >>"$ITEMS"
  if [ "${10}" = true ]; then
    SKIPPED_LIST="$SKIPPED_LIST  $1 ($5): ${11}$NL"
  elif [ "$9" = true ] || { [ "$6" != null ] && [ "$6" != 0 ]; } || { [ "$6" = null ] && [ -n "${12}" ]; }; then
    FAILED_LIST="$FAILED_LIST  $1 ($5): exit $6${12:+: ${12}}$NL"
  fi
}

# skip_item ID KIND PATH REASON [ARGV...] / skip_file ID PATH SOURCE REASON
skip_item() {
  _si_id=$1 _si_kind=$2 _si_path=$3 _si_reason=$4
  shift 4
  if [ $# -gt 0 ]; then jargv "$@"; else JA=null; fi
  add_item "$_si_id" "$_si_kind" "$JA" "" "$_si_path" null null false false true "$_si_reason" ""
}
skip_file() {
  add_item "$1" file null "$3" "$2" null null false false true "$4" ""
}

# absent_reason PATH: sets AR to why PATH (or a glob) is not there: "not root" when we are not root
# and its folder exists but cannot be read (e.g. /var/log/audit is 0700), else "not present: PATH".
absent_reason() {
  AR="not present: $1"
  _ar_dir=${1%/*}
  [ -n "$_ar_dir" ] || _ar_dir=/
  if [ "$AS_ROOT" != true ] && [ -d "$_ar_dir" ] && { [ ! -x "$_ar_dir" ] || [ ! -r "$_ar_dir" ]; }; then
    AR="not root"
  fi
}

budget_left_ms() {
  now_ms
  BUDGET_LEFT=$((BUDGET_MS - (NOW_MS - START_MS)))
}

# run_to OUT ERR LIMIT_S CMD...: run CMD with stdout to OUT, stderr to ERR, stdin /dev/null,
# killed after LIMIT_S seconds. Sets RC (124 on timeout), TIMED_OUT (true/false), DUR_MS.
# The command runs in the background and the shell waits, so SIGTERM/SIGINT reach our trap at once.
run_to() {
  _rt_o=$1 _rt_e=$2 _rt_l=$3
  shift 3
  TIMED_OUT=false
  if [ "$BUDGET_SPENT" = 1 ]; then
    # the budget ran out after the caller's limit_for: do not start anything new
    : >"$_rt_o"
    : >"$_rt_e"
    RC=124 TIMED_OUT=true DUR_MS=0
    return 0
  fi
  now_ms
  _rt_t0=$NOW_MS
  case $TIMEOUT_MODE in
    timeout-k) "$TIMEOUT_BIN" -k 2 "$_rt_l" "$@" >"$_rt_o" 2>"$_rt_e" </dev/null & ;;
    timeout) "$TIMEOUT_BIN" "$_rt_l" "$@" >"$_rt_o" 2>"$_rt_e" </dev/null & ;;
    *) "$@" >"$_rt_o" 2>"$_rt_e" </dev/null & ;;
  esac
  CHILD=$!
  if [ "$TIMEOUT_MODE" = poll ]; then
    _rt_n=0
    _rt_max=$((_rt_l * POLL_PER_SEC))
    while :; do
      _rt_st=
      { read -r _rt_st; } 2>/dev/null <"/proc/$CHILD/stat"
      case $_rt_st in
        '' | *") Z "* | *") X "*) break ;;
      esac
      if [ "$_rt_n" -ge "$_rt_max" ] || [ "$BUDGET_SPENT" = 1 ]; then
        kill_tree TERM "$CHILD"
        sleep 1
        kill_tree KILL "$CHILD"
        TIMED_OUT=true
        break
      fi
      sleep "$POLL_SLEEP"
      _rt_n=$((_rt_n + 1))
    done
  fi
  wait "$CHILD"
  RC=$?
  if [ "$BUDGET_SPENT" = 1 ]; then
    # The watchdog's SIGALRM cut the wait short; the command is being killed: collect it, then mark it.
    kill_tree KILL "$CHILD"
    wait "$CHILD" 2>/dev/null
    TIMED_OUT=true
  fi
  CHILD=
  now_ms
  DUR_MS=$((NOW_MS - _rt_t0))
  if [ "$TIMED_OUT" = true ]; then
    RC=124
  elif [ "$TIMEOUT_MODE" != poll ]; then
    # timeout says 124, or 137 when -k had to SIGKILL a command that ignored SIGTERM.
    if [ "$RC" = 124 ] || { [ "$RC" = 137 ] && [ "$DUR_MS" -ge $((_rt_l * 1000)) ]; }; then
      TIMED_OUT=true
      RC=124
    fi
  fi
}

# first_err FILE: sets ERR to the first line of FILE (at most 500 characters), or empty.
first_err() {
  ERR=
  if [ -s "$1" ]; then
    { IFS= read -r ERR; } <"$1"
    if [ "${#ERR}" -gt 500 ]; then
      ERR=$(printf '%.500s' "$ERR")
    fi
  fi
}

# keep_stderr REL: sets ERR from $TMP/cmd.err and moves it beside the output when not empty (the
# common empty case costs no process).
keep_stderr() {
  first_err "$TMP/cmd.err"
  if [ -s "$TMP/cmd.err" ]; then
    mv "$TMP/cmd.err" "$B/$1.stderr"
  fi
}

# limit_for SECONDS: sets LIM to min(SECONDS, remaining budget), or returns 1 when none is left.
limit_for() {
  budget_left_ms
  if [ "$BUDGET_SPENT" = 1 ] || [ "$BUDGET_LEFT" -lt 1000 ]; then
    return 1
  fi
  LIM=$1
  if [ $((BUDGET_LEFT / 1000)) -lt "$LIM" ]; then
    LIM=$((BUDGET_LEFT / 1000))
  fi
  return 0
}

# collect_cmd ID REL_PATH [--limit S] [--root] CMD ARGS...: run a command into the bundle.
# --root: skipped as "not root" when not run as root (the command would only report EPERM).
collect_cmd() {
  _id=$1 _rel=$2
  shift 2
  _lim_s=$TIMEOUT
  _needs_root=0
  while :; do
    case $1 in
      --limit) _lim_s=$2; shift 2 ;;
      --root) _needs_root=1; shift ;;
      *) break ;;
    esac
  done
  jargv "$@"
  _argv=$JA
  if ! limit_for "$_lim_s"; then
    add_item "$_id" command "$_argv" "" "$_rel" null null false false true "budget exhausted" ""
    return 1
  fi
  tool_path "$1"
  if [ -z "$TP" ]; then
    add_item "$_id" command "$_argv" "" "$_rel" null null false false true "tool not found: $1" ""
    return 1
  fi
  if [ "$_needs_root" = 1 ] && [ "$AS_ROOT" != true ]; then
    add_item "$_id" command "$_argv" "" "$_rel" null null false false true "not root" ""
    return 1
  fi
  _d=${_rel%/*}
  [ -d "$B/$_d" ] || mkdir -p "$B/$_d"
  shift
  run_to "$B/$_rel" "$TMP/cmd.err" "$LIM" "$TP" "$@"
  keep_stderr "$_rel"
  [ "$BUDGET_SPENT" = 1 ] && [ "$TIMED_OUT" = true ] && ERR="budget exhausted while running${ERR:+: $ERR}"
  add_item "$_id" command "$_argv" "" "$_rel" "$RC" "$DUR_MS" false "$TIMED_OUT" false "" "$ERR"
  LAST_TIMED_OUT=$TIMED_OUT
  return 0
}

# collect_file ID SOURCE [REL_PATH] [--no-follow]: copy one file (with cat, so /proc files work) under files/.
# Missing: skipped "not present: SOURCE"; unreadable: skipped "not root" (or "not readable").
# --no-follow (files inside the data-root, which strangers' containers can shape): only a regular file
# that is not a symlink is read; a link to /etc/shadow or /dev/zero, or a FIFO, is skipped.
collect_file() {
  _id=$1 _src=$2
  _rel=${3:-files$2}
  if ! limit_for "$TIMEOUT"; then
    skip_file "$_id" "$_rel" "$_src" "budget exhausted"
    return 1
  fi
  if [ "${4:-}" = --no-follow ]; then
    if [ -L "$_src" ]; then
      skip_file "$_id" "$_rel" "$_src" "symlink (not followed)"
      return 1
    elif [ -e "$_src" ] && [ ! -f "$_src" ]; then
      skip_file "$_id" "$_rel" "$_src" "not a regular file"
      return 1
    fi
  fi
  if [ ! -e "$_src" ]; then
    absent_reason "$_src"
    skip_file "$_id" "$_rel" "$_src" "$AR"
    return 1
  fi
  if [ ! -r "$_src" ]; then
    if [ "$AS_ROOT" = true ]; then
      skip_file "$_id" "$_rel" "$_src" "not readable"
    else
      skip_file "$_id" "$_rel" "$_src" "not root"
    fi
    return 1
  fi
  _d=${_rel%/*}
  [ -d "$B/$_d" ] || mkdir -p "$B/$_d"
  run_to "$B/$_rel" "$TMP/cmd.err" "$LIM" cat "$_src"
  first_err "$TMP/cmd.err"
  [ "$RC" = 0 ] || [ -n "$ERR" ] || ERR="cat exited $RC"
  [ "$TIMED_OUT" = true ] && ERR="timed out after ${LIM}s${ERR:+: $ERR}"
  add_item "$_id" file null "$_src" "$_rel" null "$DUR_MS" false "$TIMED_OUT" false "" "$ERR"
  return 0
}

# collect_glob ID PATTERN: copy every file matching a shell glob; none: one skipped item.
collect_glob() {
  _cg_id=$1 _cg_pat=$2
  _cg_n=0
  for _cg_f in $_cg_pat; do
    [ -e "$_cg_f" ] || continue
    [ -d "$_cg_f" ] && continue
    case $_cg_f in *"$TAB"* | *"$NL"*) continue ;; esac
    collect_file "$_cg_id" "$_cg_f"
    _cg_n=$((_cg_n + 1))
  done
  if [ "$_cg_n" = 0 ]; then
    if ! limit_for "$TIMEOUT"; then
      skip_file "$_cg_id" "files$_cg_pat" "$_cg_pat" "budget exhausted"
    else
      absent_reason "$_cg_pat"
      skip_file "$_cg_id" "files$_cg_pat" "$_cg_pat" "$AR"
    fi
  fi
}

# copy_tail ID SOURCE REL_PATH MAXBYTES: copy the newest MAXBYTES of a log (dropping the first,
# partial line when cut). Sets COPIED to the bytes kept.
copy_tail() {
  _id=$1 _src=$2 _rel=$3 _maxb=$4
  COPIED=0
  if ! limit_for "$TIMEOUT"; then
    skip_file "$_id" "$_rel" "$_src" "budget exhausted"
    return 1
  fi
  if [ ! -r "$_src" ]; then
    if [ "$AS_ROOT" = true ]; then skip_file "$_id" "$_rel" "$_src" "not readable"; else skip_file "$_id" "$_rel" "$_src" "not root"; fi
    return 1
  fi
  _size=$(wc -c <"$_src" 2>/dev/null | tr -d ' ')
  is_uint "$_size" || _size=0
  mkdir -p "$B/$(dirname "$_rel")"
  _trunc=false
  if [ "$_size" -gt "$_maxb" ]; then
    case $_src in
      *.gz | *.xz | *.bz2 | *.zst)
        skip_file "$_id" "$_rel" "$_src" "max-log-bytes reached (compressed, $_size bytes)"
        return 1
        ;;
    esac
    _trunc=true
    run_to "$TMP/tail.part" "$TMP/cmd.err" "$LIM" tail -c "$_maxb" "$_src"
    sed '1d' "$TMP/tail.part" >"$B/$_rel"
    rm -f "$TMP/tail.part"
  else
    run_to "$B/$_rel" "$TMP/cmd.err" "$LIM" cat "$_src"
  fi
  first_err "$TMP/cmd.err"
  [ "$TIMED_OUT" = true ] && ERR="timed out after ${LIM}s${ERR:+: $ERR}"
  COPIED=$(wc -c <"$B/$_rel" | tr -d ' ')
  [ "$_id" = syslog ] && [ "$COPIED" -gt 0 ] && LOGS_KEPT=1
  add_item "$_id" file null "$_src" "$_rel" null "$DUR_MS" "$_trunc" "$TIMED_OUT" false "" "$ERR"
  return 0
}

# copy_rotated ID PATTERN...: copy rotated logs newest first until MAX_LOG_BYTES are used.
copy_rotated() {
  _cr_id=$1
  shift
  _cr_list=
  for _cr_pat in "$@"; do
    for _cr_f in $_cr_pat; do
      [ -f "$_cr_f" ] || continue
      case $_cr_f in *"$TAB"* | *"$NL"*) continue ;; esac
      _cr_list="$_cr_list$_cr_f$NL"
    done
  done
  if [ -z "$_cr_list" ]; then
    absent_reason "$1"
    [ "$AR" = "not root" ] || AR="not present: $*"
    skip_file "$_cr_id" "files$1" "$1" "$AR"
    return 0
  fi
  # Newest first by mtime: ls -t is the portable sort (names come from our own globs).
  _cr_sorted=
  _old_ifs=$IFS
  IFS=$NL
  set -f
  if have ls; then
    # shellcheck disable=SC2086
    _cr_sorted=$(ls -1t -- $_cr_list 2>/dev/null)
  fi
  [ -n "$_cr_sorted" ] || _cr_sorted=$_cr_list
  _cr_left=$MAX_LOG_BYTES
  for _cr_f in $_cr_sorted; do
    IFS=$_old_ifs
    set +f
    if [ "$_cr_left" -le 0 ]; then
      skip_file "$_cr_id" "files$_cr_f" "$_cr_f" "max-log-bytes reached"
    else
      case $_cr_f in
        *.gz | *.xz | *.bz2 | *.zst)
          if [ "$REDACT" = 1 ]; then
            skip_file "$_cr_id" "files$_cr_f" "$_cr_f" "compressed (cannot redact)"
            continue
          fi
          ;;
      esac
      if copy_tail "$_cr_id" "$_cr_f" "files$_cr_f" "$_cr_left"; then
        _cr_left=$((_cr_left - COPIED))
      fi
    fi
  done
  IFS=$_old_ifs
  set +f
}

# ---------------------------------------------------------------------------------------------
# Docker data-root / exec-root discovery (never sources config files: they could run code)

DOCKERD_PIDS=
CONTAINERD_PIDS=
for _c in /proc/[0-9]*/comm; do
  _comm=
  { read -r _comm; } 2>/dev/null <"$_c"
  _pid=${_c#/proc/}
  _pid=${_pid%/comm}
  case $_comm in
    dockerd) DOCKERD_PIDS="$DOCKERD_PIDS $_pid" ;;
    containerd | docker-containe | docker-containerd) CONTAINERD_PIDS="$CONTAINERD_PIDS $_pid" ;;
  esac
done

# flag_value FLAG ALTFLAG ALTFLAG2 < words: prints the value of --flag=V / --flag V.
flag_value() {
  awk -v f1="$1" -v f2="$2" -v f3="$3" '
    { for (i = 1; i <= NF; i++) w[++n] = $i }
    END {
      for (i = 1; i <= n; i++) {
        x = w[i]
        gsub(/^["\047]+|["\047]+$/, "", x)
        if (x == f1 || (f2 != "" && x == f2) || (f3 != "" && x == f3)) { if (i < n) { v = w[i + 1]; gsub(/^["\047]+|["\047]+$/, "", v); r = v } }
        else if (index(x, f1 "=") == 1) r = substr(x, length(f1) + 2)
        else if (f2 != "" && index(x, f2 "=") == 1) r = substr(x, length(f2) + 2)
        else if (f3 != "" && index(x, f3 "=") == 1) r = substr(x, length(f3) + 2)
      }
      if (r != "") print r
    }'
}

json_key() { # json_key KEY FILE: first "KEY": "value" in a JSON file (flat scan, good enough here)
  sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\\([^\"]*\\)\".*/\\1/p" "$2" 2>/dev/null | head -n 1
}

find_root() { # find_root KIND(data|exec): echo the best guess
  _fr=
  for _p in $DOCKERD_PIDS; do
    if [ -r "/proc/$_p/cmdline" ]; then
      if [ "$1" = data ]; then
        _fr=$(tr '\000' '\n' <"/proc/$_p/cmdline" 2>/dev/null | flag_value --data-root -g --graph)
      else
        _fr=$(tr '\000' '\n' <"/proc/$_p/cmdline" 2>/dev/null | flag_value --exec-root "" "")
      fi
      [ -n "$_fr" ] && break
    fi
  done
  if [ -z "$_fr" ] && [ -r /etc/docker/daemon.json ]; then
    if [ "$1" = data ]; then
      _fr=$(json_key data-root /etc/docker/daemon.json)
      [ -n "$_fr" ] || _fr=$(json_key graph /etc/docker/daemon.json)
    else
      _fr=$(json_key exec-root /etc/docker/daemon.json)
    fi
  fi
  if [ -z "$_fr" ]; then
    for _sf in /etc/sysconfig/docker /etc/sysconfig/docker-storage /etc/default/docker; do
      [ -r "$_sf" ] || continue
      _opts=$(sed -n -e 's/^[[:space:]]*OPTIONS=//p' -e 's/^[[:space:]]*DOCKER_OPTS=//p' -e 's/^[[:space:]]*DOCKER_STORAGE_OPTIONS=//p' "$_sf" 2>/dev/null)
      [ -n "$_opts" ] || continue
      if [ "$1" = data ]; then
        _fr=$(printf '%s\n' "$_opts" | flag_value --data-root -g --graph)
      else
        _fr=$(printf '%s\n' "$_opts" | flag_value --exec-root "" "")
      fi
      [ -n "$_fr" ] && break
    done
  fi
  if [ -z "$_fr" ]; then
    if [ "$1" = data ]; then _fr=/var/lib/docker; else _fr=/var/run/docker; fi
  fi
  printf '%s\n' "$_fr"
}

if [ -n "$OPT_DATA_ROOT" ]; then DATA_ROOT=$OPT_DATA_ROOT; else DATA_ROOT=$(find_root data); fi
if [ -n "$OPT_EXEC_ROOT" ]; then EXEC_ROOT=$OPT_EXEC_ROOT; else EXEC_ROOT=$(find_root exec); fi
DATA_ROOT=${DATA_ROOT%/}
EXEC_ROOT=${EXEC_ROOT%/}
[ -n "$DATA_ROOT" ] || DATA_ROOT=/
[ -n "$EXEC_ROOT" ] || EXEC_ROOT=/

# ---------------------------------------------------------------------------------------------
# Collectors for the structured items

# daemon_processes: cmd/daemon-processes.txt (format in docs/bundle-format.md).
quote_arg() { # sets QA: the argument as is, or double-quoted with \ and " escaped
  case $1 in
    '' | *[!A-Za-z0-9_./:=@%+,-]*)
      QA=$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' | tr '\t' ' ')
      QA="\"$QA\""
      ;;
    *) QA=$1 ;;
  esac
}

daemon_processes() {
  _rel=cmd/daemon-processes.txt
  _o="$B/$_rel"
  if ! limit_for "$TIMEOUT"; then
    skip_item process.daemons listing "$_rel" "budget exhausted"
    return
  fi
  now_ms
  _t0=$NOW_MS
  _err=
  {
    printf '# docker-postmortem daemon-processes v1\n'
    printf '# proc\tpid\tppid\tcomm\targv (NUL-separated argv joined by spaces; an argument with other characters is double-quoted, \\ and " escaped)\n'
    printf '# exe\tpid\ttarget of /proc/<pid>/exe\n'
    printf '# env\tpid\tKEY=VALUE (values other than DISABLE_* and DOCKER_* are <redacted>)\n'
    for _p in $DOCKERD_PIDS $CONTAINERD_PIDS; do
      [ -d "/proc/$_p" ] || continue
      _comm=
      { read -r _comm; } 2>/dev/null <"/proc/$_p/comm"
      _ppid=
      _stat=
      { read -r _stat; } 2>/dev/null <"/proc/$_p/stat"
      if [ -n "$_stat" ]; then
        _rest=${_stat##*) }
        set -f
        # shellcheck disable=SC2086
        set -- $_rest
        set +f
        _ppid=${2:-}
      fi
      _line=
      if [ -r "/proc/$_p/cmdline" ]; then
        _args=$(tr '\000' '\n' <"/proc/$_p/cmdline" 2>/dev/null)
        _sep=
        _old_ifs=$IFS
        IFS=$NL
        set -f
        for _a in $_args; do
          quote_arg "$_a"
          _line="$_line$_sep$QA"
          _sep=' '
        done
        IFS=$_old_ifs
        set +f
      fi
      printf 'proc\t%s\t%s\t%s\t%s\n' "$_p" "${_ppid:--}" "$_comm" "$_line"
      _exe=$(readlink "/proc/$_p/exe" 2>/dev/null)
      [ -n "$_exe" ] && printf 'exe\t%s\t%s\n' "$_p" "$_exe"
      if [ -r "/proc/$_p/environ" ] && _env=$(tr '\000' '\n' <"/proc/$_p/environ" 2>/dev/null); then
        _old_ifs=$IFS
        IFS=$NL
        set -f
        for _kv in $_env; do
          _k=${_kv%%=*}
          case $_kv in *=*) ;; *) continue ;; esac
          case $_k in
            DISABLE_* | DOCKER_*) printf 'env\t%s\t%s\n' "$_p" "$_kv" ;;
            *) printf 'env\t%s\t%s=<redacted>\n' "$_p" "$_k" ;;
          esac
        done
        IFS=$_old_ifs
        set +f
      else
        printf 'env-unreadable\t%s\n' "$_p"
        _err="environment of pid $_p not readable"
      fi
    done
  } >"$_o" 2>/dev/null
  now_ms
  add_item process.daemons listing null "" "$_rel" null $((NOW_MS - _t0)) false false false "" "$_err"
}

# ESC_AWK: esc(s) writes a name so that it stays one field of one line: backslash as \\, TAB as \t, newline
# as \n. Names reach awk with each newline already turned into \001 (tr), because find wrote them
# NUL-terminated; set SOH = "\001" in BEGIN. Names without those characters cost one index() each.
ESC_AWK='
function esc(s,   o, i, c, n) {
  if (index(s, "\\") == 0 && index(s, "\t") == 0 && index(s, SOH) == 0) return s
  o = ""; n = length(s)
  for (i = 1; i <= n; i++) {
    c = substr(s, i, 1)
    if (c == "\\") o = o "\\\\"; else if (c == "\t") o = o "\\t"; else if (c == SOH) o = o "\\n"; else o = o c
  }
  return o
}
BEGIN { SOH = sprintf("%c", 1) }'

# Listing lines: type mode uid gid size mtime path (TAB-separated, see docs/bundle-format.md).
# list_section ROOT MINDEPTH MAXDEPTH OUTFILE: appends at most LIST_LEFT lines; sets LIST_ERR.
# A section folder that is a symlink is not walked (find ROOT/ would follow it out of the data-root);
# the data-root and exec-root themselves may be links (a relocated /var/lib/docker).
list_section() {
  _ls_root=$1
  [ -d "$_ls_root" ] || return 0
  if [ -L "$_ls_root" ] && [ "$_ls_root" != "$DATA_ROOT" ] && [ "$_ls_root" != "$EXEC_ROOT" ]; then return 0; fi
  [ "$LIST_LEFT" -gt 0 ] || { LIST_TRUNC=1; return 0; }
  if ! limit_for "$TIMEOUT"; then
    LIST_BUDGET=1
    return 0
  fi
  if [ "$HAVE_GNU_FIND" = 1 ]; then
    # NUL-terminated records; tr turns each name's newlines into \001 and the NULs into line ends.
    run_to "$TMP/list.nul" "$TMP/list.err" "$LIM" find -P "$_ls_root/" -mindepth "$2" -maxdepth "$3" -printf '%y\t%m\t%U\t%G\t%s\t%T@\t%p\0'
    tr '\n\000' '\001\n' <"$TMP/list.nul" >"$TMP/list.raw"
    rm -f "$TMP/list.nul"
  else
    # stat -c ends each record with a newline: a name holding one is left out rather than split in two.
    run_to "$TMP/list.raw" "$TMP/list.err" "$LIM" find "$_ls_root/" -mindepth "$2" -maxdepth "$3" ! -path "*$NL*" -exec stat -c "%F$TAB%a$TAB%u$TAB%g$TAB%s$TAB%Y$TAB%n" {} +
  fi
  [ "$TIMED_OUT" = true ] && LIST_ERR="${LIST_ERR:-find timed out in $_ls_root}"
  if [ -s "$TMP/list.err" ] && [ -z "$LIST_ERR" ]; then
    first_err "$TMP/list.err"
    LIST_ERR=$ERR
  fi
  awk -F '\t' -v OFS='\t' -v left="$LIST_LEFT" -v root="$_ls_root/" "$ESC_AWK"'
    NF >= 7 {
      t = $1
      if (t == "f" || t == "regular file" || t == "regular empty file") t = "f"
      else if (t == "d" || t == "directory") t = "d"
      else if (t == "l" || t == "symbolic link") t = "l"
      else t = "o"
      $1 = t
      p = $7
      for (i = 8; i <= NF; i++) p = p "\t" $i
      if (p == root) p = substr(root, 1, length(root) - 1)
      else if (substr(p, length(root), 2) == "//") p = substr(p, 1, length(root) - 1) substr(p, length(root) + 1)
      if (p == "") p = "/"
      n++
      if (n > left) { cut = 1; exit }
      print $1, $2, $3, $4, $5, $6, esc(p)
    }
    END { if (cut) print "# cut" > "/dev/stderr" }' "$TMP/list.raw" >>"$LIST_OUT" 2>"$TMP/list.cut"
  if [ -s "$TMP/list.cut" ]; then
    LIST_TRUNC=1
    LIST_LEFT=0
  else
    _lines=$(wc -l <"$TMP/list.raw" | tr -d ' ')
    LIST_LEFT=$((LIST_LEFT - _lines))
    [ "$LIST_LEFT" -ge 0 ] || LIST_LEFT=0
  fi
  rm -f "$TMP/list.raw" "$TMP/list.err" "$TMP/list.cut"
}

# dataroot_sections ROOT: the parts of a data-root worth listing (bounded depth).
dataroot_sections() {
  _r=$1
  list_section "$_r" 1 1
  list_section "$_r/containers" 1 2
  list_section "$_r/network" 1 2
  list_section "$_r/volumes" 1 1
  for _img in "$_r"/image/*; do
    [ -d "$_img" ] || continue
    list_section "$_img" 0 3
  done
  list_section "$_r/builder" 1 3
  list_section "$_r/buildkit" 1 2
  list_section "$_r/containerd/daemon" 1 3
  list_section "$_r/devicemapper" 1 1
  list_section "$_r/devicemapper/devicemapper" 1 1
  list_section "$_r/devicemapper/metadata" 1 1
  list_section "$_r/swarm" 1 2
  list_section "$_r/plugins" 1 1
}

# Is ROOT one whose listing can work at all? Sets NOT_READY reason.
root_ready() {
  NOT_READY=
  if [ ! -e "$1" ]; then
    NOT_READY="not present: $1"
  elif [ ! -r "$1" ] || [ ! -x "$1" ]; then
    if [ "$AS_ROOT" = true ]; then NOT_READY="not readable"; else NOT_READY="not root"; fi
  elif ! have find; then
    NOT_READY="tool not found: find"
  elif [ "$HAVE_GNU_FIND" = 0 ] && ! have stat; then
    NOT_READY="tool not found: stat"
  fi
}

# list_begin REL: start a TSV listing at $B/REL (header line; entry cap and flags reset; _t0 = now).
list_begin() {
  now_ms
  _t0=$NOW_MS
  LIST_OUT="$B/$1"
  LIST_LEFT=$MAX_ENTRIES
  LIST_TRUNC=0
  LIST_BUDGET=0
  LIST_ERR=
  printf '# type\tmode\tuid\tgid\tsize\tmtime\tpath\n' >"$LIST_OUT"
}

# list_end: mark a cut listing in the file itself and set _tr=true when it was cut.
list_end() {
  [ "$LIST_TRUNC" = 1 ] && printf '# truncated: entry cap %s reached\n' "$MAX_ENTRIES" >>"$LIST_OUT"
  [ "$LIST_BUDGET" = 1 ] && printf '# truncated: budget exhausted\n' >>"$LIST_OUT"
  _tr=false
  if [ "$LIST_TRUNC" = 1 ] || [ "$LIST_BUDGET" = 1 ]; then _tr=true; fi
}

dataroot_listing() {
  _rel=cmd/dataroot-listing.tsv
  if ! limit_for "$TIMEOUT"; then skip_item dataroot.listing listing "$_rel" "budget exhausted"; return; fi
  root_ready "$DATA_ROOT"
  if [ -n "$NOT_READY" ]; then skip_item dataroot.listing listing "$_rel" "$NOT_READY"; return; fi
  list_begin "$_rel"
  list_section "$DATA_ROOT" 0 0
  dataroot_sections "$DATA_ROOT"
  # userns-remap keeps a second data-root in <uid>.<gid>/
  for _u in "$DATA_ROOT"/[0-9]*.[0-9]*; do
    [ -d "$_u" ] || continue
    dataroot_sections "$_u"
  done
  list_end
  now_ms
  add_item dataroot.listing listing null "$DATA_ROOT" "$_rel" null $((NOW_MS - _t0)) "$_tr" "$( [ "$LIST_BUDGET" = 1 ] && echo true || echo false)" false "" "$LIST_ERR"
}

execroot_listing() {
  _rel=cmd/execroot-listing.tsv
  if ! limit_for "$TIMEOUT"; then skip_item execroot.listing listing "$_rel" "budget exhausted"; return; fi
  root_ready "$EXEC_ROOT"
  _nr_exec=$NOT_READY
  root_ready /run/containerd
  if [ -n "$_nr_exec" ] && [ -n "$NOT_READY" ]; then skip_item execroot.listing listing "$_rel" "$_nr_exec"; return; fi
  list_begin "$_rel"
  # runtime-runc/moby/<id>/state.json and containerd task files (io.containerd.runtime.v2.task/moby/<id>/*)
  # sit at depth 4; deeper is the containers' own root file systems.
  [ -z "$_nr_exec" ] && list_section "$EXEC_ROOT" 0 4
  [ -z "$NOT_READY" ] && list_section /run/containerd 0 4
  list_end
  [ -n "$_nr_exec" ] && LIST_ERR="${LIST_ERR:-$EXEC_ROOT: $_nr_exec}"
  now_ms
  add_item execroot.listing listing null "$EXEC_ROOT" "$_rel" null $((NOW_MS - _t0)) "$_tr" false false "" "$LIST_ERR"
}

# json_health: cmd/dataroot-json-health.tsv. Only the first and last 64 bytes of each file are
# read (od), never the contents: config.v2.json holds the containers' environment secrets.
# A data-root is shaped by whoever ran the containers, so only regular files that are not symlinks
# are read (find -P -type f: a config.v2.json linked to /dev/zero, a FIFO or /etc/shadow is never
# opened), paths travel NUL-separated, and every read runs under the per-command time limit.
# Files of 64 bytes or more are read in batches (xargs -0 head -q / tail -q | od | awk): a host with
# 10,000 containers would otherwise cost 40,000 process starts.
HEX_AWK='
BEGIN { while ((getline x < counts) > 0) want[++nf] = x + 0; k = 1 }
{
  for (i = 1; i <= NF; i++) {
    while (k <= nf && want[k] == 0) { print "-\t-\t0"; k++ }
    if (k > nf) { extra = 1; break }
    t = $i; c++
    if (t != "20" && t != "09" && t != "0a" && t != "0d") { if (f == "") f = t; l = t; if (t != "00") d = 1 }
    if (c == want[k]) { print (f == "" ? "-" : f) "\t" (l == "" ? "-" : l) "\t" (d + 0); c = 0; f = ""; l = ""; d = 0; k++ }
  }
}
END { while (k <= nf && want[k] == 0) { print "-\t-\t0"; k++ }; if (c || extra || k <= nf) print "partial" }'

# CLASSIFY_SH PATH SIZE STATE FIRST LAST: one file's "state TAB first TAB last". STATE "?" means the
# batch saw only NUL/white space at both ends (FIRST/LAST are its bytes); otherwise both ends are read
# here. When both ends are blank the whole file is scanned once (it runs under the time limit).
CLASSIFY_SH='
p=$1 sz=$2 st=$3 F=$4 L=$5
scan() {
  f= l= d=0
  for h in $1; do
    case $h in
      20 | 09 | 0a | 0d) ;;
      00) [ -n "$f" ] || f=00; l=00 ;;
      *) [ -n "$f" ] || f=$h; l=$h; d=1 ;;
    esac
  done
}
D=0
if [ "$st" != "?" ]; then
  scan "$(od -An -tx1 -v -N 64 -- "$p")"
  F=${f:--} L=$l D=$d
  if [ "$sz" -gt 64 ]; then
    scan "$(tail -c 64 -- "$p" | od -An -tx1 -v)"
    L=$l
    [ "$d" = 1 ] && D=1
  fi
  L=${L:--}
fi
if [ "$D" = 1 ]; then
  if [ "$F" = 7b ] && [ "$L" = 7d ]; then st=ok; else st=truncated; fi
elif [ -n "$(tr -d "\000\011\012\015\040" <"$p" | head -c 1 | od -An -tx1 | tr -d " \n")" ]; then
  # data hides behind more than 64 bytes of blanks: strip them and take both ends
  F=$(tr -d "\011\012\015\040" <"$p" | od -An -tx1 -N 1 | tr -d " \n")
  L=$(tr -d "\011\012\015\040" <"$p" | tail -c 1 | od -An -tx1 | tr -d " \n")
  F=${F:--} L=${L:--}
  if [ "$F" = 7b ] && [ "$L" = 7d ]; then st=ok; else st=truncated; fi
elif [ "$F" = 00 ] || [ "$L" = 00 ]; then
  st=nul-filled
else
  st=empty
fi
printf "%s\t%s\t%s\n" "$st" "$F" "$L"'

# jh_batch TOOL OUT: the first (head) or last (tail) min(size, 64) bytes of every file in jh.big0 as
# hex-pair lines (HEX_AWK), or returns 1 when the batch did not finish in time.
jh_batch() {
  limit_for "$TIMEOUT" || return 1
  run_to "$TMP/jh.bytes" "$TMP/jh.err" "$LIM" sh -c 'exec xargs -0 "$1" -q -c 64 -- <"$2"' sh "$1" "$TMP/jh.big0"
  [ "$TIMED_OUT" = false ] || return 1
  od -An -tx1 -v "$TMP/jh.bytes" | awk -v counts="$TMP/jh.cnt" "$HEX_AWK" >"$2"
  rm -f "$TMP/jh.bytes"
}

json_health() {
  _rel=cmd/dataroot-json-health.tsv
  if ! limit_for "$TIMEOUT"; then skip_item dataroot.json-health listing "$_rel" "budget exhausted"; return; fi
  root_ready "$DATA_ROOT"
  if [ -n "$NOT_READY" ]; then skip_item dataroot.json-health listing "$_rel" "$NOT_READY"; return; fi
  now_ms
  _t0=$NOW_MS
  _o="$B/$_rel"
  _jerr=
  _jb=false
  printf '# path\tsize\tmtime\tstate\tfirst\tlast\n' >"$_o"
  # jh.list: size TAB mtime TAB path, one file a line, newlines inside the path written as \001.
  : >"$TMP/jh.list"
  for _cr in "$DATA_ROOT/containers" "$DATA_ROOT"/[0-9]*.[0-9]*/containers; do
    if [ ! -d "$_cr" ] || [ -L "$_cr" ]; then continue; fi
    if ! limit_for "$TIMEOUT"; then _jb=true; break; fi
    if [ "$HAVE_GNU_FIND" = 1 ]; then
      run_to "$TMP/jh.nul" "$TMP/jh.err" "$LIM" find -P "$_cr" -mindepth 2 -maxdepth 2 -type f \( -name config.v2.json -o -name hostconfig.json \) -printf '%s\t%T@\t%p\0'
      tr '\n\000' '\001\n' <"$TMP/jh.nul" >>"$TMP/jh.list"
      rm -f "$TMP/jh.nul"
    else
      run_to "$TMP/jh.part" "$TMP/jh.err" "$LIM" find "$_cr" -mindepth 2 -maxdepth 2 -type f \( -name config.v2.json -o -name hostconfig.json \) ! -path "*$NL*" -exec stat -c "%s$TAB%Y$TAB%n" {} +
      cat "$TMP/jh.part" >>"$TMP/jh.list"
    fi
    [ "$TIMED_OUT" = true ] && { _jerr=${_jerr:-"find timed out in $_cr"}; _jb=true; }
    if [ -s "$TMP/jh.err" ] && [ -z "$_jerr" ]; then first_err "$TMP/jh.err"; _jerr=$ERR; fi
  done
  # Batch every non-empty file: head -q and tail -q give min(size, 64) bytes per file, which HEX_AWK
  # splits again using the sizes. jh.big0 is the NUL-separated path list for xargs -0.
  : >"$TMP/jh.heads"
  : >"$TMP/jh.tails"
  _batch=0
  if have xargs && [ "$(printf 'a\000' | xargs -0 printf '%s' 2>/dev/null)" = a ]; then
    _batch=1
    awk -F '\t' '
      NF >= 3 && $1 > 0 { p = $3; for (i = 4; i <= NF; i++) p = p "\t" $i; print p > big; print ($1 > 64 ? 64 : $1) > cnt }
    ' big="$TMP/jh.big" cnt="$TMP/jh.cnt" "$TMP/jh.list"
    if [ -s "$TMP/jh.big" ]; then
      tr '\n\001' '\000\n' <"$TMP/jh.big" >"$TMP/jh.big0"
      if ! jh_batch head "$TMP/jh.heads" || ! jh_batch tail "$TMP/jh.tails"; then
        _batch=0
      # A file that changed or vanished meanwhile shifts the stream: then fall back to one by one.
      elif awk '/partial/ { f = 1 } END { exit !f }' "$TMP/jh.heads" "$TMP/jh.tails"; then
        _batch=0
      fi
    fi
  fi
  # Merge: batched files take their ends from the batch (in list order); the rest go to jh.todo as
  # size mtime state first last escaped-path raw-path, done one by one below.
  awk -F '\t' -v OFS='\t' -v batch="$_batch" -v heads="$TMP/jh.heads" -v tails="$TMP/jh.tails" "$ESC_AWK"'
    NF < 3 { next }
    {
      sz = $1; mt = $2; p = $3; sub(/\..*/, "", mt)
      for (i = 4; i <= NF; i++) p = p "\t" $i
      gsub(/\/\/+/, "/", p)
      if (batch == 1 && sz > 0) {
        getline h < heads; getline t < tails
        split(h, H, "\t"); split(t, T, "\t")
        data = (H[3] == 1 || T[3] == 1)
        if (!data) st = "?"
        else if (H[1] == "7b" && T[2] == "7d") st = "ok"
        else st = "truncated"
      } else { st = "-"; H[1] = "-"; T[2] = "-" }
      if (st == "-" || st == "?") print sz, mt, st, H[1], T[2], esc(p), p > todo
      else print esc(p), sz, mt, st, H[1], T[2]
    }' todo="$TMP/jh.todo" "$TMP/jh.list" >>"$_o"
  [ -f "$TMP/jh.todo" ] || : >"$TMP/jh.todo"
  while IFS="$TAB" read -r _sz _mt _st _f _l _ep _p; do
    if [ "$_jb" = true ] || ! limit_for "$TIMEOUT"; then _jb=true; break; fi
    case $_p in *"$SOH"*) _p=$(printf '%s' "$_p" | tr '\001' '\n') ;; esac
    if [ -L "$_p" ] || [ ! -f "$_p" ] || [ ! -r "$_p" ]; then
      # unreadable, or no longer a regular file (swapped for a link since the find)
      _st=unreadable _f=- _l=-
    elif [ "$_sz" = 0 ]; then
      _st=empty _f=- _l=-
    else
      run_to "$TMP/jh.one" "$TMP/jh.err" "$LIM" sh -c "$CLASSIFY_SH" sh "$_p" "$_sz" "$_st" "$_f" "$_l"
      _st='' _f='' _l=''
      [ "$TIMED_OUT" = false ] && IFS="$TAB" read -r _st _f _l <"$TMP/jh.one"
      [ -n "$_st" ] || { _st=unreadable _f=- _l=-; _jerr=${_jerr:-"reading $_ep timed out"}; }
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$_ep" "$_sz" "$_mt" "$_st" "$_f" "$_l"
  done <"$TMP/jh.todo" >>"$_o"
  rm -f "$TMP"/jh.*
  [ "$_jb" = true ] && printf '# truncated: budget exhausted\n' >>"$_o"
  now_ms
  add_item dataroot.json-health listing null "$DATA_ROOT" "$_rel" null $((NOW_MS - _t0)) "$_jb" "$_jb" false "" "$_jerr"
}

# boot_tails: the last entries of each recent boot, UNFILTERED. The journal item keeps only
# docker-related units, so a boot's last line there is rarely the boot's last line: these tails
# let the analyzer tell a boot that ended with an orderly shutdown from one that just stopped
# (field guide §5). Boot ids come from the --list-boots output collected just before.
BOOT_TAIL_BOOTS=10
BOOT_TAIL_LINES=40
boot_tails() {
  _lb=$B/cmd/journalctl-list-boots.txt
  if [ ! -s "$_lb" ]; then
    jargv journalctl -o json --all --no-pager -b '<boot id>' -n "$BOOT_TAIL_LINES"
    add_item journal.boot-tails command "$JA" "" 'cmd/journal-boot-tails/*.json' null null false false true "no boot list (journalctl --list-boots gave nothing)" ""
    return 0
  fi
  # The boot id is the first 32-hex field (both the <= v250 and the v251+ table forms).
  awk '{ for (i = 1; i <= NF; i++) if (length($i) == 32 && $i ~ /^[0-9a-f]+$/) { print $i; break } }' "$_lb" | tail -n "$BOOT_TAIL_BOOTS" >"$TMP/boot.ids"
  while read -r _bid; do
    collect_cmd journal.boot-tails "cmd/journal-boot-tails/$_bid.json" journalctl -o json --all --no-pager -b "$_bid" -n "$BOOT_TAIL_LINES" || break
  done <"$TMP/boot.ids"
  rm -f "$TMP/boot.ids"
}

# JOURNAL_ENTRIES=1 once the journal item holds at least one entry; LOGS_KEPT=1 once the bundle holds any
# log (journal entries, a syslog file or a --log-file with content): the end of the run warns without one.
JOURNAL_ENTRIES=0
LOGS_KEPT=0

# journal: ONE journalctl window, newest --max-log-bytes kept. journalctl -r (newest first) piped
# into head -c stops reading early (bounded disk and memory); tac puts it back in time order.
JOURNAL_MATCHES='_SYSTEMD_UNIT=docker.service + _SYSTEMD_UNIT=containerd.service + _SYSTEMD_UNIT=docker.socket + _PID=1 + _TRANSPORT=kernel + _SYSTEMD_UNIT=systemd-journald.service + SYSLOG_IDENTIFIER=systemd-journald + _SYSTEMD_UNIT=firewalld.service + _SYSTEMD_UNIT=auditd.service + SYSLOG_IDENTIFIER=dockerd + SYSLOG_IDENTIFIER=containerd + _COMM=dockerd + _COMM=containerd'

journal() {
  _rel=cmd/journal.json
  set -f
  # shellcheck disable=SC2086
  set -- journalctl -o json --all --no-pager ${SINCE:+--since} ${SINCE:+"$SINCE"} ${UNTIL:+--until} ${UNTIL:+"$UNTIL"} $JOURNAL_MATCHES
  set +f
  jargv "$@"
  _argv=$JA
  if ! limit_for $((TIMEOUT * 6)); then
    add_item journal command "$_argv" "" "$_rel" null null false false true "budget exhausted" ""
    return
  fi
  tool_path journalctl
  if [ -z "$TP" ]; then
    add_item journal command "$_argv" "" "$_rel" null null false false true "tool not found: journalctl" ""
    return
  fi
  shift
  set -- "$TP" "$@"
  # Reverse order to stop early; the manifest argv is the equivalent forward command.
  run_to "$TMP/journal.rev" "$TMP/cmd.err" "$LIM" sh -c '
    max=$1; rcf=$2; cmd=$3; shift 3
    { "$cmd" -r "$@"; echo $? >"$rcf"; } | head -c "$max"
  ' sh "$MAX_LOG_BYTES" "$TMP/journal.rc" "$@"
  _jrc=
  { read -r _jrc; } 2>/dev/null <"$TMP/journal.rc"
  _size=$(wc -c <"$TMP/journal.rev" | tr -d ' ')
  _trunc=false
  if [ "$_size" -ge "$MAX_LOG_BYTES" ]; then
    _trunc=true
    # the oldest entry was cut mid-line: it is the last line of the reversed stream
    sed '$d' "$TMP/journal.rev" >"$TMP/journal.rev2" && mv "$TMP/journal.rev2" "$TMP/journal.rev"
    # journalctl died of SIGPIPE because we stopped reading: that is the cut, not a failure
    case $_jrc in 141 | 13 | '') _jrc=0 ;; esac
  fi
  if have tac; then
    tac "$TMP/journal.rev" >"$B/$_rel"
  else
    awk '{ l[NR] = $0 } END { for (i = NR; i > 0; i--) print l[i] }' "$TMP/journal.rev" >"$B/$_rel"
  fi
  rm -f "$TMP/journal.rev" "$TMP/journal.rc"
  [ -s "$B/$_rel" ] && JOURNAL_ENTRIES=1 && LOGS_KEPT=1
  if [ "$TIMED_OUT" = true ]; then _jrc=124; fi
  [ -n "$_jrc" ] || _jrc=$RC
  keep_stderr "$_rel"
  add_item journal command "$_argv" "" "$_rel" "$_jrc" "$DUR_MS" "$_trunc" "$TIMED_OUT" false "" "$ERR"
}

# ipcs -s -i for each semaphore whose key starts with 0x0d4d (device-mapper udev cookies).
sem_info() {
  if [ ! -s "$B/cmd/ipcs-s.txt" ]; then
    return
  fi
  _ids=$(awk 'tolower($1) ~ /^0x0d4d/ && $2 ~ /^[0-9]+$/ { print $2 }' "$B/cmd/ipcs-s.txt")
  for _sid in $_ids; do
    collect_cmd ipcs.sem-info "cmd/ipcs-s-i/$_sid.txt" ipcs -s -i "$_sid"
  done
}

docker_cli() {
  if ! have docker; then
    for _d in "docker.version cmd/docker-version.txt version" "docker.info cmd/docker-info.txt info" \
      "docker.ps cmd/docker-ps-a.txt ps -a --no-trunc" "docker.network-ls cmd/docker-network-ls.txt network ls --no-trunc"; do
      set -f
      # shellcheck disable=SC2086
      set -- $_d
      set +f
      _i=$1 _r=$2
      shift 2
      skip_item "$_i" command "$_r" "tool not found: docker" docker "$@"
    done
    return
  fi
  collect_cmd docker.version cmd/docker-version.txt docker version
  _down=
  if [ "$LAST_TIMED_OUT" = true ]; then
    _down="daemon not reachable (docker version timed out)"
  fi
  for _d in "docker.info cmd/docker-info.txt info" "docker.ps cmd/docker-ps-a.txt ps -a --no-trunc" \
    "docker.network-ls cmd/docker-network-ls.txt network ls --no-trunc"; do
    set -f
    # shellcheck disable=SC2086
    set -- $_d
    set +f
    _i=$1 _r=$2
    shift 2
    if [ -n "$_down" ]; then
      skip_item "$_i" command "$_r" "$_down" docker "$@"
    else
      collect_cmd "$_i" "$_r" docker "$@"
    fi
  done
}

# iptables-save of the legacy backend loads ip_tables/iptable_<table> when the table is not loaded
# yet: that would change the kernel, so a table the kernel does not list is skipped (sos does the same).
iptables_items() {
  _legacy=
  tool_path iptables-save
  if [ -n "$TP" ] && [ "$AS_ROOT" = true ] && limit_for "$TIMEOUT"; then
    case $("$TP" -V 2>/dev/null) in
      *nf_tables*) ;;
      *) _legacy=1 ;;
    esac
  fi
  for _tbl in filter nat; do
    if [ -n "$_legacy" ]; then
      _loaded=
      while read -r _t; do
        [ "$_t" = "$_tbl" ] && _loaded=1
      done 2>/dev/null </proc/net/ip_tables_names
      if [ -z "$_loaded" ]; then
        skip_item "iptables.$_tbl" command "cmd/iptables-save-$_tbl.txt" "table not loaded: $_tbl (reading it would load a kernel module)" iptables-save -t "$_tbl"
        continue
      fi
    fi
    collect_cmd "iptables.$_tbl" "cmd/iptables-save-$_tbl.txt" --root iptables-save -t "$_tbl"
  done
}

df_items() {
  _t=$DATA_ROOT
  while [ ! -e "$_t" ] && [ "$_t" != / ] && [ -n "$_t" ]; do _t=$(dirname "$_t"); done
  collect_cmd df.h cmd/df-h.txt df -h "$_t"
  collect_cmd df.i cmd/df-i.txt df -i "$_t"
}

logs_and_syslog() {
  # Syslog files only when journald keeps no persistent journal, there is no journalctl, or the journal
  # gave no entry at all (an empty /var/log/journal folder, a journal lost or rotated away).
  if [ ! -d /var/log/journal ] || ! have journalctl || [ "$JOURNAL_ENTRIES" = 0 ]; then
    copy_rotated syslog '/var/log/messages*' '/var/log/syslog*'
  else
    skip_file syslog 'files/var/log/messages*' '/var/log/messages*' "persistent journal present (/var/log/journal)"
  fi
  _n=0
  _old_ifs=$IFS
  IFS=$NL
  set -f
  for _lf in $LOG_FILES; do
    IFS=$_old_ifs
    set +f
    _n=$((_n + 1))
    if [ "$REDACT" = 1 ]; then
      _base="log-$_n"
    else
      _base=$(printf '%s' "${_lf##*/}" | tr -c 'A-Za-z0-9._-' '_')
      [ -n "$_base" ] || _base="log-$_n"
      [ -e "$B/logs/$_base" ] && _base="$_n-$_base"
    fi
    if [ ! -e "$_lf" ]; then
      absent_reason "$_lf"
      skip_file syslog "logs/$_base" "$_lf" "$AR"
      continue
    fi
    case $_lf in
      *.gz | *.xz | *.bz2 | *.zst)
        if [ "$REDACT" = 1 ]; then skip_file syslog "logs/$_base" "$_lf" "compressed (cannot redact)"; continue; fi
        ;;
    esac
    copy_tail syslog "$_lf" "logs/$_base" "$MAX_LOG_BYTES"
  done
  IFS=$_old_ifs
  set +f
}

# ---------------------------------------------------------------------------------------------
# Collection, most valuable and cheapest first (a short --budget keeps the essentials)

say "docker-postmortem-collect $COLLECTOR_VERSION: collecting (budget ${BUDGET}s, timeout ${TIMEOUT}s, data-root $DATA_ROOT)"

collect_cmd uname cmd/uname-a.txt uname -a
if have hostname; then
  collect_cmd hostname cmd/hostname.txt hostname
else
  collect_cmd hostname cmd/hostname.txt cat /proc/sys/kernel/hostname
fi
if [ -e /etc/os-release ]; then
  collect_file os-release /etc/os-release
else
  collect_file os-release /usr/lib/os-release
fi
daemon_processes
collect_cmd ps cmd/ps.txt ps -eo pid,ppid,user,lstart,stat,args
collect_cmd journal.boots cmd/journalctl-list-boots.txt journalctl --list-boots --no-pager
collect_cmd journal.header cmd/journalctl-header.txt journalctl --header --no-pager
journal
boot_tails
collect_file docker.daemon-json /etc/docker/daemon.json
collect_glob sysconfig.docker '/etc/sysconfig/docker*'
collect_file sysconfig.docker /etc/default/docker
collect_cmd systemd.docker cmd/systemctl-show-docker.txt systemctl show docker.service --no-pager
collect_cmd systemd.containerd cmd/systemctl-show-containerd.txt systemctl show containerd.service --no-pager
collect_cmd systemd.journald cmd/systemctl-show-journald.txt systemctl show systemd-journald.service --no-pager
collect_cmd systemd.status cmd/systemctl-status.txt systemctl status -l --no-pager docker containerd systemd-journald
collect_cmd systemd.cat-docker cmd/systemctl-cat-docker.txt systemctl cat docker --no-pager
collect_file kernel.sem /proc/sys/kernel/sem
collect_cmd sysctl cmd/sysctl.txt sysctl kernel.pid_max kernel.sem kernel.threads-max net.ipv4.ip_forward
collect_file proc.sysvipc-sem /proc/sysvipc/sem
collect_cmd ipcs.sem cmd/ipcs-s.txt ipcs -s
collect_cmd ipcs.sem-times cmd/ipcs-s-t.txt ipcs -s -t
collect_cmd ipcs.limits cmd/ipcs-l.txt ipcs -l
collect_cmd ipcs.summary cmd/ipcs-u.txt ipcs -u
sem_info
collect_cmd dmsetup.udevcookies cmd/dmsetup-udevcookies.txt --root dmsetup udevcookies
collect_cmd dmsetup.info cmd/dmsetup-info-c.txt --root dmsetup info -c
collect_cmd dmsetup.status cmd/dmsetup-status.txt --root dmsetup status
collect_cmd dmsetup.table cmd/dmsetup-table.txt --root dmsetup table
collect_file lvm.thinpool-profile /etc/lvm/profile/docker-thinpool.profile
collect_file devicemapper.deviceset-metadata "$DATA_ROOT/devicemapper/metadata/deviceset-metadata" "" --no-follow
for _u in "$DATA_ROOT"/[0-9]*.[0-9]*/devicemapper/metadata/deviceset-metadata; do
  { [ -e "$_u" ] || [ -L "$_u" ]; } && collect_file devicemapper.deviceset-metadata "$_u" "" --no-follow
done
collect_file mountinfo /proc/self/mountinfo
collect_cmd mount.l cmd/mount-l.txt mount -l
collect_cmd ip.link cmd/ip-d-o-link.txt ip -d -o link
collect_cmd ip.addr cmd/ip-o-addr.txt ip -o addr
collect_cmd bridge.link cmd/bridge-link.txt bridge link
collect_cmd ip.netns cmd/ip-netns-list.txt ip netns list
iptables_items
collect_cmd firewalld.state cmd/firewall-cmd-state.txt firewall-cmd --state
collect_cmd audit.rules cmd/auditctl-l.txt --root auditctl -l
collect_glob audit.rules-files '/etc/audit/rules.d/*.rules'
collect_file audit.rules-files /etc/audit/audit.rules
copy_rotated audit.log '/var/log/audit/audit.log*'
logs_and_syslog
collect_cmd dmesg cmd/dmesg.txt dmesg
dataroot_listing
json_health
execroot_listing
docker_cli
df_items
collect_file limits /etc/security/limits.conf
collect_glob limits '/etc/security/limits.d/*.conf'
collect_glob overlay.params '/sys/module/overlay/parameters/*'
HAVE_PKG=0
if have rpm; then collect_cmd rpm.qa cmd/rpm-qa.txt --limit $((TIMEOUT * 3)) rpm -qa; HAVE_PKG=1; fi
if have dpkg; then collect_cmd dpkg.l cmd/dpkg-l.txt dpkg -l; HAVE_PKG=1; fi
if [ "$HAVE_PKG" = 0 ]; then
  skip_item rpm.qa command cmd/rpm-qa.txt "tool not found: rpm" rpm -qa
  skip_item dpkg.l command cmd/dpkg-l.txt "tool not found: dpkg" dpkg -l
fi

# Collection is over: from here on the watchdog leaves the run alone (redaction and packing work only
# on what was collected, in our own temp folder).
: >"$TMP/packing"

# ---------------------------------------------------------------------------------------------
# Redaction (--redact): discover values, map them to placeholders, rewrite every file and path.

REDACT_AWK_COMMON='
function isalnum(c) { return c ~ /^[A-Za-z0-9]$/ }
function ishex(c) { return c ~ /^[0-9A-Fa-f]$/ }
'

redact_discover() { # prints kind TAB value, one per line (duplicates allowed)
  _extra_names=$1  # a file of "kind TAB value" lines
  find "$B" -type f -print | awk -v own="$RAW_HOST" -v extra="$_extra_names" '
    '"$REDACT_AWK_COMMON"'
    function v4ok(s,   a, n, i) {
      n = split(s, a, ".")
      if (n != 4) return 0
      for (i = 1; i <= 4; i++) if (a[i] + 0 > 255 || length(a[i]) > 3) return 0
      return 1
    }
    function v4keep(s) { return s ~ /^(0\.0\.0\.0$|127\.|255\.)/ }
    function v6ok(s,   a, n, i, g, dbl) {
      if (s ~ /:::/) return 0
      dbl = gsub(/::/, "::", s)
      if (dbl > 1) return 0
      n = split(s, a, ":")
      g = 0
      for (i = 1; i <= n; i++) {
        if (a[i] == "") continue
        if (length(a[i]) > 4 || a[i] !~ /^[0-9A-Fa-f]+$/) return 0
        g++
      }
      if (g > 8 || g < 1) return 0
      if (!dbl && g != 8) return 0
      if (s == "::1") return 0
      return 1
    }
    function scan(line,    st, s0, e, m, b, pb, a, a2, ok) {
      # IPv4 (not inside versions like engine-18.09.0.100 or 5.10.0-60.18.0.50.oe2203)
      st = 1
      while (match(substr(line, st), /[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+/)) {
        s0 = st + RSTART - 1; e = s0 + RLENGTH
        m = substr(line, s0, RLENGTH)
        b = s0 > 1 ? substr(line, s0 - 1, 1) : ""
        pb = s0 > 2 ? substr(line, s0 - 2, 1) : ""
        a = substr(line, e, 1); a2 = substr(line, e + 1, 1)
        ok = v4ok(m) && !v4keep(m)
        if (isalnum(b) || b == "." || b == "_") ok = 0
        if (b == "-" && pb ~ /^[A-Za-z]$/) ok = 0
        if (b == ":" && pb ~ /^[0-9]$/) ok = 0
        if (isalnum(a) || a == "_" || (a == "." && isalnum(a2))) ok = 0
        if (ok) print "ipv4\t" m
        st = e
      }
      # MAC (6 colon-separated hex pairs)
      st = 1
      while (match(substr(line, st), /[0-9A-Fa-f][0-9A-Fa-f]:[0-9A-Fa-f][0-9A-Fa-f]:[0-9A-Fa-f][0-9A-Fa-f]:[0-9A-Fa-f][0-9A-Fa-f]:[0-9A-Fa-f][0-9A-Fa-f]:[0-9A-Fa-f][0-9A-Fa-f]/)) {
        s0 = st + RSTART - 1; e = s0 + RLENGTH
        m = substr(line, s0, RLENGTH)
        b = s0 > 1 ? substr(line, s0 - 1, 1) : ""
        a = substr(line, e, 1)
        if (!ishex(b) && b != ":" && !ishex(a) && a != ":" && tolower(m) != "00:00:00:00:00:00" && tolower(m) != "ff:ff:ff:ff:ff:ff") print "mac\t" m
        st = e
      }
      # IPv6
      st = 1
      while (match(substr(line, st), /[0-9A-Fa-f]*:[0-9A-Fa-f:]*:[0-9A-Fa-f]*/)) {
        s0 = st + RSTART - 1; e = s0 + RLENGTH
        m = substr(line, s0, RLENGTH)
        b = s0 > 1 ? substr(line, s0 - 1, 1) : ""
        a = substr(line, e, 1)
        if (!isalnum(b) && b != ":" && b != "_" && b != "." && !isalnum(a) && a != "_" && v6ok(m)) print "ipv6\t" m
        st = e
      }
      # host names the journal and syslog lines carry
      rest = line
      while (match(rest, /"_HOSTNAME":"[^"]*"/)) {
        m = substr(rest, RSTART + 13, RLENGTH - 14)
        print "host\t" m
        rest = substr(rest, RSTART + RLENGTH)
      }
      if (issyslog) {
        if (match(line, /^[A-Z][a-z][a-z] [ 0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9] [^ ]+ /)) {
          m = substr(line, 17, RLENGTH - 17)
          print "host\t" m
        } else if (match(line, /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[^ ]+ [^ ]+ /)) {
          m = substr(line, RSTART, RLENGTH - 1); sub(/^[^ ]+ /, "", m)
          print "host\t" m
        }
      }
      if (isaudit && match(line, /^node=[^ ]+ /)) print "host\t" substr(line, 6, RLENGTH - 6)
    }
    BEGIN {
      print "host\t" own
      while ((getline x < extra) > 0) if (x != "") print x
      close(extra)
    }
    {
      f = $0
      issyslog = (f ~ /\/logs\// || f ~ /\/files\/var\/log\/(messages|syslog)/)
      isaudit = (f ~ /\/files\/var\/log\/audit\//)
      while ((getline line < f) > 0) scan(line)
      close(f)
    }'
}

# redact_map: builds $TMP/redact.map (kind TAB original TAB replacement), longest original first.
redact_map() {
  _extra=
  { read -r _dn; } 2>/dev/null </proc/sys/kernel/domainname
  case $_dn in '' | '(none)') ;; *) _extra="host$TAB$RAW_HOST.$_dn$NL" ;; esac
  if [ -r /etc/passwd ]; then
    _users=$(awk -F: '$3 >= 1000 && $3 != 65534 && $3 != 4294967294 && length($1) >= 2 { print "user\t" $1 }' /etc/passwd 2>/dev/null)
    _extra="$_extra$_users$NL"
  fi
  [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ] && _extra="${_extra}user$TAB$SUDO_USER$NL"
  printf '%s' "$_extra" >"$TMP/redact.extra"
  redact_discover "$TMP/redact.extra" | awk -F '\t' -v OFS='\t' '
    function emit(kind, v, r) { if (!((kind "\t" v) in done)) { done[kind "\t" v] = 1; out[++no] = kind "\t" v "\t" r } }
    function keep_name(s) {
      return length(s) < 2 || s ~ /^(localhost|localhost\.localdomain|localhost6|ip6-localhost|ip6-loopback|docker|dockerd|containerd|runc|systemd|kernel|root|audit|host|user|-|\(none\))$/ || s !~ /^[A-Za-z0-9._-]+$/
    }
    {
      k = $1; v = $2
      if (k == "host" || k == "user") { if (keep_name(v)) next }
      if (k == "mac") v = tolower(v)
      key = k "\t" v
      if (key in seen) next
      seen[key] = 1
      if (k == "host") {
        # the FQDN and its short name map to the same host-N; the own host is host-1
        short = v; sub(/\..*/, "", short)
        if (!(short in hostid)) hostid[short] = ++nh
        r = "host-" hostid[short]
        if (v != short) emit("host", v, r ".example.invalid")
        if (!keep_name(short)) { emit("host", short, r); emit("host", tolower(short), r) }
      } else if (k == "user") {
        out[++no] = "user\t" v "\tuser-" (++nu)
      } else if (k == "ipv4") {
        ni++
        out[++no] = "ipv4\t" v "\t240." (int(ni / 65536) % 256) "." (int(ni / 256) % 256) "." (ni % 256)
      } else if (k == "ipv6") {
        n6++
        out[++no] = "ipv6\t" v "\t2001:db8::" sprintf("%x", n6)
      } else if (k == "mac") {
        nm++
        r = sprintf("02:00:00:%02x:%02x:%02x", int(nm / 65536) % 256, int(nm / 256) % 256, nm % 256)
        out[++no] = "mac\t" v "\t" r
        if (toupper(v) != v) out[++no] = "mac\t" toupper(v) "\t" r
      }
    }
    END { for (i = 1; i <= no; i++) { split(out[i], p, "\t"); print length(p[2]) "\t" out[i] } }' |
    sort -t "$TAB" -k1,1nr | cut -f 2- >"$TMP/redact.map"
}

# The replace/verify program. Addresses are tokens: every maximal match of the IPv4, IPv6 and MAC
# patterns (the same tokens discovery saw) is looked up in the map, so a million distinct addresses
# cost one hash lookup each. Names are few: replaced as whole words (not inside longer alphanumerics).
# mode=replace prints the redacted line; mode=verify prints "label: kind value remains" per kind.
REDACT_AWK='
'"$REDACT_AWK_COMMON"'
function rx(s) { gsub(/[.]/, "[.]", s); return s }
function toks(line, re, kind,    out, m, key) {
  out = ""
  while (match(line, re)) {
    m = substr(line, RSTART, RLENGTH)
    key = kind "\t" (kind == "mac" ? tolower(m) : m)
    if (key in tok) { hits[kind] = 1; out = out substr(line, 1, RSTART - 1) tok[key] }
    else out = out substr(line, 1, RSTART - 1) m
    line = substr(line, RSTART + RLENGTH)
  }
  return out line
}
function words(line, o, r, kind,    out, i, b, a, L) {
  out = ""; L = length(o)
  while ((i = index(line, o)) > 0) {
    b = i > 1 ? substr(line, i - 1, 1) : ""
    a = substr(line, i + L, 1)
    if (isalnum(b) || isalnum(a) || b == "_" || a == "_") { out = out substr(line, 1, i + L - 1); line = substr(line, i + L); continue }
    hits[kind] = 1
    out = out substr(line, 1, i - 1) r
    line = substr(line, i + L)
  }
  return out line
}
BEGIN {
  V4 = "[0-9]+[.][0-9]+[.][0-9]+[.][0-9]+"
  H = "[0-9A-Fa-f]"
  MAC = H H ":" H H ":" H H ":" H H ":" H H ":" H H
  V6 = H "*:[0-9A-Fa-f:]*:" H "*"
  while ((getline m < map) > 0) {
    split(m, p, "\t")
    if (p[1] == "host" || p[1] == "user") { nn++; nk[nn] = p[1]; no[nn] = p[2]; nr[nn] = p[3]; names = names (names == "" ? "" : "|") rx(p[2]) }
    else if (p[1] == "mac") tok["mac\t" tolower(p[2])] = p[3]
    else if (p[1] != "") tok[p[1] "\t" p[2]] = p[3]
  }
  close(map)
}
{
  line = $0
  if (index(line, ":")) { line = toks(line, MAC, "mac"); line = toks(line, V6, "ipv6") }
  if (index(line, ".")) line = toks(line, V4, "ipv4")
  if (nn && line ~ names) for (j = 1; j <= nn; j++) if (index(line, no[j])) line = words(line, no[j], nr[j], nk[j])
  if (mode == "replace") print line
  else if (mode == "pairs") { if (line != $0) print $0 "\t" line }
  else for (kd in hits) if (!((label "\t" kd) in told)) { told[label "\t" kd] = 1; print label ": " kd " value remains"; bad = 1 }
  if (mode == "verify") for (kd in hits) delete hits[kd]
}
END { if (mode == "verify") exit bad }
'

redact_files() {
  find "$B" -type f -print >"$TMP/redact.files"
  while IFS= read -r _f; do
    awk -v map="$TMP/redact.map" -v mode=replace "$REDACT_AWK" "$_f" >"$_f.redact" && mv "$_f.redact" "$_f"
  done <"$TMP/redact.files"
  # Paths (e.g. a data-root under a user home) and the item list get the same mapping.
  awk -v map="$TMP/redact.map" -v mode=replace "$REDACT_AWK" "$ITEMS" >"$ITEMS.redact" && mv "$ITEMS.redact" "$ITEMS"
  sed "s#^$B/##" "$TMP/redact.files" | awk -v map="$TMP/redact.map" -v mode=pairs "$REDACT_AWK" | while IFS="$TAB" read -r _from _to; do
    mkdir -p "$B/$(dirname "$_to")"
    mv "$B/$_from" "$B/$_to"
  done
  # the folders the originals lived in would still be archive members: drop the empty ones
  find "$B" -depth -type d -exec rmdir {} + 2>/dev/null
  mkdir -p "$B"
  rm -f "$TMP/redact.files"
}


# ---------------------------------------------------------------------------------------------
# Manifest, archive

if [ "$REDACT" = 1 ]; then
  for t in sort cut find; do
    have "$t" || die "--redact needs $t"
  done
  say "redacting"
  redact_map
  redact_files
fi

TOP="docker-postmortem-$SAFE_HOST-$STAMP"
ARCHIVE="$OUT_DIR/$TOP.tar.gz"
[ -e "$ARCHIVE" ] && die "archive already exists: $ARCHIVE"

# Sizes and digests of all members in one call each (a fork per member adds up on a slow host).
# Member paths are relative (cmd/…, files/…, logs/…): they never start with "-".
member_sums() {
  : >"$TMP/sums.txt"
  : >"$TMP/sizes.txt"
  set --
  while IFS="$TAB" read -r _file _rest; do
    [ "$_file" != - ] && [ -f "$B/$_file" ] && set -- "$@" "$_file"
  done <"$ITEMS"
  [ $# -gt 0 ] || return 0
  # shellcheck disable=SC2086  # SHA_CMD may be "busybox sha256sum"
  [ -n "$SHA_CMD" ] && (cd "$B" && $SHA_CMD "$@") >"$TMP/sums.txt" 2>/dev/null
  (cd "$B" && wc -c "$@") >"$TMP/sizes.txt" 2>/dev/null
}
member_sums

jnull "$SINCE"; J_SINCE=$JS
jnull "$UNTIL"; J_UNTIL=$JS
jstr "$SAFE_HOST"; J_HOST=$JS
jstr "$KERNEL"; J_KERNEL=$JS
jnull "$NETNS"; J_NETNS=$JS
jnull "$IPCNS"; J_IPCNS=$JS
jstr "$DATA_ROOT"; J_DR=$JS
jstr "$EXEC_ROOT"; J_ER=$JS
jstr "$UTC_OFFSET"; J_OFF=$JS
jnull "$CASE_ID"; J_CASE=$JS
jnull "$LABEL"; J_LABEL=$JS
REDACTED=false
[ "$REDACT" = 1 ] && REDACTED=true
{
  printf '{\n  "format": "docker-postmortem-bundle",\n  "formatVersion": 1,\n'
  printf '  "collector": { "name": "docker-postmortem-collect", "version": "%s" },\n' "$COLLECTOR_VERSION"
  printf '  "host": %s,\n  "collectedAt": "%s",\n  "utcOffset": %s,\n  "kernel": %s,\n' "$J_HOST" "$COLLECTED_AT" "$J_OFF" "$J_KERNEL"
  printf '  "asRoot": %s,\n  "redacted": %s,\n  "netns": %s,\n  "ipcns": %s,\n' "$AS_ROOT" "$REDACTED" "$J_NETNS" "$J_IPCNS"
  printf '  "caseId": %s,\n  "label": %s,\n' "$J_CASE" "$J_LABEL"
  printf '  "dataRoot": %s,\n  "execRoot": %s,\n' "$J_DR" "$J_ER"
  printf '  "options": { "timeout": %s, "budget": %s, "since": %s, "until": %s, "maxLogBytes": %s, "maxEntries": %s, "timeoutMode": "%s" },\n' \
    "$TIMEOUT" "$BUDGET" "$J_SINCE" "$J_UNTIL" "$MAX_LOG_BYTES" "$MAX_ENTRIES" "$TIMEOUT_MODE"
  printf '  "items": [\n'
  awk -F '\t' -v sums="$TMP/sums.txt" -v sizes="$TMP/sizes.txt" '
    BEGIN {
      while ((getline l < sums) > 0) if (l ~ /^[0-9a-f]+  /) sha[substr(l, 67)] = "\"" substr(l, 1, 64) "\""
      while ((getline l < sizes) > 0) { sub(/^ +/, "", l); n = index(l, " "); if (n) size[substr(l, n + 1)] = substr(l, 1, n - 1) }
    }
    {
      f = $1; b = "null"; h = "null"
      if (f != "-" && (f in size)) { b = size[f]; if (f in sha) h = sha[f] }
      printf "%s    %s,\"bytes\":%s,\"sha256\":%s,%s", sep, $2, b, h, $3
      sep = ",\n"
    }' "$ITEMS"
  printf '\n  ]\n}\n'
} >"$B/manifest.json"

if [ "$REDACT" = 1 ]; then
  # argv, source and error strings were redacted with the item list, the host field is host-1;
  # dataRoot, execRoot and the rest get the same mapping. Then every file and member name is
  # checked for an original value.
  awk -v map="$TMP/redact.map" -v mode=replace "$REDACT_AWK" "$B/manifest.json" >"$TMP/manifest.redact" && mv "$TMP/manifest.redact" "$B/manifest.json"
fi

mv "$B" "$TMP/$TOP"
# manifest.json first: a streaming reader learns the collection time before the logs.
set -- "$TOP/manifest.json"
for _d in cmd files logs; do
  [ -d "$TMP/$TOP/$_d" ] && set -- "$@" "$TOP/$_d"
done
# A watchdog kill that raced with the "packing" marker is the one reason to try tar a second time.
tar -C "$TMP" -czf "$ARCHIVE" "$@" || { [ "$BUDGET_SPENT" = 1 ] && tar -C "$TMP" -czf "$ARCHIVE" "$@"; } || die "tar failed writing $ARCHIVE"
chmod 600 "$ARCHIVE"

if [ "$REDACT" = 1 ]; then
  # Final check on the archive bytes themselves (all members' contents, then the names).
  _bad=$(tar -xzOf "$ARCHIVE" | awk -v map="$TMP/redact.map" -v label="archive" -v mode=verify "$REDACT_AWK")
  [ -z "$_bad" ] && _bad=$(tar -tzf "$ARCHIVE" | awk -v map="$TMP/redact.map" -v label="archive member names" -v mode=verify "$REDACT_AWK")
  if [ -n "$_bad" ]; then
    rm -f "$ARCHIVE"
    # say which members: check the staged files one by one (only on failure: it is a full pass)
    _which=
    find "$TMP/$TOP" -type f -print >"$TMP/verify.files"
    while IFS= read -r _f; do
      _r=$(awk -v map="$TMP/redact.map" -v label="${_f#"$TMP/$TOP"/}" -v mode=verify "$REDACT_AWK" "$_f")
      [ -n "$_r" ] && _which="$_which$_r$NL"
    done <"$TMP/verify.files"
    printf 'docker-postmortem-collect: redaction verify failed, archive deleted:\n%s\n%s' "$_bad" "$_which" >&2
    exit 3
  fi
  MAP_FILE="$OUT_DIR/$TOP.redact-map.tsv"
  {
    printf '# docker-postmortem redaction map for %s.tar.gz: kind\toriginal\treplacement. Keep it private.\n' "$TOP"
    cat "$TMP/redact.map"
  } >"$MAP_FILE"
  chmod 600 "$MAP_FILE"
fi
ARCHIVE_DONE=1

_nitems=$(wc -l <"$ITEMS" | tr -d ' ')
now_ms
say "collected $_nitems items in $(((NOW_MS - START_MS) / 1000))s"
[ -n "$FAILED_LIST" ] && printf 'failed or non-zero exit:\n%s' "$FAILED_LIST" >&2
[ -n "$SKIPPED_LIST" ] && printf 'skipped:\n%s' "$SKIPPED_LIST" >&2

# What the failures above mean, for the customer reading this: one line per expected cause.
[ -z "$DOCKERD_PIDS" ] && say "note: dockerd is not running, so the docker CLI items failed as expected; logs, configuration and the data-root were still collected."
[ "$AS_ROOT" != true ] && say "note: not run as root, so root-only items were skipped (\"not root\"); run it as root for a complete bundle."
[ "$BUDGET_SPENT" = 1 ] && say "note: the --budget of ${BUDGET}s ran out; the items marked \"budget exhausted\" were not collected (a larger --budget collects them)."
if [ "$LOGS_KEPT" = 0 ]; then
  say ""
  say "WARNING: THIS BUNDLE HOLDS NO LOGS: the journal gave no entries, and no syslog file or --log-file had content."
  say "WARNING: the analysis will be limited. If docker logs elsewhere, run it again with --log-file PATH (repeatable)."
  say ""
fi

_asize=$(wc -c <"$ARCHIVE" | tr -d ' ')
_asha=
# shellcheck disable=SC2086  # SHA_CMD may be "busybox sha256sum"
[ -n "$SHA_CMD" ] && _asha=$($SHA_CMD <"$ARCHIVE" 2>/dev/null | awk '{ print $1 }')
say "archive: $ARCHIVE"
say "size:    $_asize bytes"
say "sha256:  ${_asha:-(no sha256sum on this host)}"
say "Send this file to support: $ARCHIVE"
[ "$REDACT" = 1 ] && say "redaction map (keep it, do not send it): $MAP_FILE"
printf '%s\n' "$ARCHIVE"
