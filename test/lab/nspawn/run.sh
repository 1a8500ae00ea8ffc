#!/bin/bash
# Run a shell snippet inside a machine started by boot.sh: run.sh NAME 'docker ps -a'
set -euo pipefail
. "$(dirname "$0")/lib.sh"
name=${1:?usage: run.sh NAME 'command'}; shift
. "$LAB_ROOT/machines/$name.state"
lab_exec "$*"
