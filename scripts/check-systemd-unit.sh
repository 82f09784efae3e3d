#!/usr/bin/env bash
# Checks a systemd unit the way CI does, without a running systemd:
#   1. `systemd-analyze verify` must print nothing about the unit (it exits 0 even on
#      unknown keys or bad values, so its output is what counts);
#   2. `systemd-analyze security --offline=yes` must rate its exposure <= MAX (default 2.0).
#
# verify insists that the ExecStart= binary exists. When it does not (nothing installed
# yet), pass --binary PATH (e.g. the freshly built herald): the check then runs on a
# temporary copy of the unit whose ExecStart= binary is PATH. Nothing else is changed.
#
# usage: scripts/check-systemd-unit.sh [--binary PATH] [--max-exposure N.N] UNIT_FILE
set -euo pipefail

binary=""
max_exposure="2.0"
unit=""
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="${2:?--binary needs a path}"; shift 2 ;;
    --max-exposure) max_exposure="${2:?--max-exposure needs a number}"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) echo "check-systemd-unit: unknown option $1" >&2; exit 2 ;;
    *) unit="$1"; shift ;;
  esac
done
if [ -z "$unit" ]; then echo "usage: $0 [--binary PATH] [--max-exposure N.N] UNIT_FILE" >&2; exit 2; fi
if [ ! -f "$unit" ]; then echo "check-systemd-unit: no such unit file: $unit" >&2; exit 2; fi
if ! [[ "$max_exposure" =~ ^[0-9]+(\.[0-9])?$ ]]; then
  echo "check-systemd-unit: --max-exposure must look like 2.0, got '$max_exposure'" >&2; exit 2
fi
if ! command -v systemd-analyze >/dev/null; then
  echo "check-systemd-unit: systemd-analyze not found (Debian package 'systemd', see scripts/install-deps.sh)" >&2
  exit 2
fi

name="$(basename "$unit")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
copy="$work/$name"

if [ -n "$binary" ]; then
  if [ ! -x "$binary" ]; then echo "check-systemd-unit: --binary $binary is not an executable file" >&2; exit 2; fi
  binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
  # ExecStart=[prefixes]/path args...  ->  ExecStart=[prefixes]$binary args...
  awk -v bin="$binary" '
    /^ExecStart=/ { if (match($0, /^ExecStart=[-@:+!]*/)) { pre = substr($0, 1, RLENGTH); rest = substr($0, RLENGTH + 1);
                      sub(/^[^ ]+/, "", rest); print pre bin rest; n++; next } }
    { print }
    END { if (n == 0) exit 3 }' "$unit" > "$copy" || { echo "check-systemd-unit: $unit has no ExecStart=" >&2; exit 1; }
else
  cp "$unit" "$copy"
fi

status=0

# 1. verify: any message about our unit is a failure.
verify_out="$(systemd-analyze verify --man=no "$copy" 2>&1)" || { status=1; echo "verify: systemd-analyze verify exited non-zero"; }
about_unit="$(printf '%s\n' "$verify_out" | grep -F "$name" || true)"
if [ -n "$about_unit" ]; then
  status=1
  printf '%s\n' "$about_unit" | sed "s#$work/##; s#^#verify: #"
  if printf '%s\n' "$about_unit" | grep -q "is not executable"; then
    echo "verify: hint: pass --binary PATH (e.g. the built herald) when the ExecStart= binary is not installed"
  fi
elif [ "$status" -eq 0 ]; then
  echo "verify: $name OK"
fi

# 2. security: exposure must not exceed the maximum.
threshold="$(awk -v m="$max_exposure" 'BEGIN { printf "%d", m * 10 + 0.5 }')"
set +e
security_out="$(systemd-analyze security --offline=yes --threshold="$threshold" "$copy" 2>&1)"
security_rc=$?
set -e
exposure="$(printf '%s\n' "$security_out" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' | tail -n1)"
if [ -z "$exposure" ]; then
  status=1
  echo "security: could not read the exposure level:"
  printf '%s\n' "$security_out" | tail -n 20
elif [ "$security_rc" -ne 0 ] || awk -v e="$exposure" -v m="$max_exposure" 'BEGIN { exit !(e > m) }'; then
  status=1
  echo "security: exposure $exposure is above $max_exposure; the weak settings:"
  printf '%s\n' "$security_out" | grep -E '^✗' | sed 's/^/  /'
else
  echo "security: exposure $exposure <= $max_exposure OK"
fi

if [ "$status" -ne 0 ]; then echo "check-systemd-unit: $unit FAILED"; else echo "check-systemd-unit: $unit passed"; fi
exit "$status"
