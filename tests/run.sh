#!/usr/bin/env bash
# Runs every test of FeedHarvester. On a fresh Debian machine with the .NET 10 SDK it first installs
# what the tests need (none of them is skipped when something is missing; they fail instead).
set -euo pipefail
cd "$(dirname "$0")/.."

# Server programs that integration tests start themselves on free loopback ports (Debian package names).
required=(redis-server)
need=()
for tool in "${required[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || need+=("$tool")
done
# The cluster tests make their own PostgreSQL with initdb and pg_ctl, which Debian installs under
# /usr/lib/postgresql/N/bin rather than on PATH; the tests look there too.
if ! { command -v initdb && command -v pg_ctl; } >/dev/null 2>&1 \
  && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  need+=(postgresql)
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
  fi
fi

dotnet test FeedHarvester.sln -c Release "$@"
