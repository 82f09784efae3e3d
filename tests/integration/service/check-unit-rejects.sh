#!/usr/bin/env bash
# Proves scripts/check-systemd-unit.sh can fail: it must reject (1) the real unit with
# a typo in a key and a bad value, which `systemd-analyze verify` only warns about, and
# (2) the real unit with its sandbox removed (exposure far above 2.0). It must accept
# the real unit unchanged.
# usage: check-unit-rejects.sh REPO_DIR BINARY
set -euo pipefail
repo="${1:?repo dir}"
binary="${2:?binary}"
check="$repo/scripts/check-systemd-unit.sh"
unit="$repo/systemd/herald.service"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

expect() {  # expect <rc> <pattern> <unit>
  local want="$1" pattern="$2" file="$3" out rc
  set +e
  out="$(bash "$check" --binary "$binary" "$file" 2>&1)"
  rc=$?
  set -e
  if [ "$rc" -ne "$want" ] || ! printf '%s\n' "$out" | grep -qE "$pattern"; then
    echo "FAIL: $file: want rc=$want and /$pattern/, got rc=$rc:"; printf '%s\n' "$out"
    failures=$((failures + 1))
  else
    echo "ok: $(basename "$(dirname "$file")")/$(basename "$file") rc=$rc"
  fi
}

expect 0 "security: exposure [01]\.[0-9] <= 2.0 OK" "$unit"

mkdir -p "$work/typo"
sed 's/^NoNewPrivileges=yes/NoNewPrivilege=yes/; s/^ProtectSystem=strict/ProtectSystem=stricter/' "$unit" > "$work/typo/herald.service"
expect 1 "Unknown key( name)? 'NoNewPrivilege'" "$work/typo/herald.service"
expect 1 "protect system value" "$work/typo/herald.service"

mkdir -p "$work/open"
# Keep only what makes it run; drop every sandboxing line.
grep -E '^\[|^(Description|Type|ExecStart|ExecReload|WatchdogSec|Restart|WantedBy)=' "$unit" > "$work/open/herald.service"
expect 1 "security: exposure [0-9.]+ is above 2.0" "$work/open/herald.service"

if [ "$failures" -ne 0 ]; then echo "$failures check(s) failed"; exit 1; fi
echo "all checks behaved"
