#!/usr/bin/env bash
# Installs everything herald needs to build, test, benchmark and run its demo,
# from Debian bookworm packages only. Idempotent; run as root (or via sudo).
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ cmake ninja-build pkg-config make git clang clang-format libclang-rt-14-dev
  # libraries
  libcurl4-openssl-dev libpugixml-dev librdkafka-dev libyaml-cpp-dev libspdlog-dev libfmt-dev
  libsqlite3-dev libcli11-dev nlohmann-json3-dev libexpected-dev libgumbo-dev libsystemd-dev
  libutf8proc-dev libcpp-httplib-dev zlib1g-dev libssl-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev kcat curl python3 python3-confluent-kafka
  python3-feedparser python3-yaml python3-prometheus-client systemd
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
