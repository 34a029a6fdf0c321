#!/usr/bin/env bash
# Runtime counters of one `run --once` (dotnet-counters, a NuGet tool installed into /tmp/fh-tools when missing):
# JIT-compiled methods, GC collections and pause, bytes allocated, CPU, totalled over the run.
#
#   bench/e2e/counters.sh [--sites 100] [--items 20] [--port 18180] [--work DIR] [--worker DIR] [--keep]
#
# For where the CPU goes, sample with perf (DOTNET_PerfMapEnabled=1 resolves JIT-compiled frames), e.g.
#   DOTNET_PerfMapEnabled=1 perf record -e cpu-clock -F 499 -g -- WORKER/feedharvester run --once ...
#   perf report --no-children --sort dso
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sites=100 items=20 port=18180 work="" worker="" keep=0
while (($#)); do
  case "$1" in
    --sites) sites="$2"; shift 2 ;;
    --items) items="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --worker) worker="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/e2e/common.sh
source "$repo/bench/e2e/common.sh"
find_newsfarm
tools=/tmp/fh-tools
if [[ ! -x $tools/dotnet-counters ]]; then
  dotnet tool install dotnet-counters --tool-path "$tools" >/dev/null
fi

work="${work:-$(mktemp -d /tmp/fh-e2e-XXXXXX)}"
mkdir -p "$work"
farm="$work/farm"
trap cleanup EXIT
worker_bin="$(publish_worker "$worker")"
rm -rf "$farm" "$work/data" "$work/articles.jsonl"
newsfarm generate --out "$farm" --sites "$sites" --items "$items" --port "$port" >/dev/null
serve_farm "$farm"

export FeedHarvester__Fetching__AllowedPrivateHosts__0="127.0.0.1:$port"
echo "== run --once under dotnet-counters, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$tools/dotnet-counters" collect --format csv -o "$work/counters.csv" --refresh-interval 1 --counters System.Runtime -- \
  "$worker_bin" run --once --feeds "$farm/feeds.opml" --data-dir "$work/data" --output "$work/articles.jsonl" >"$work/run.log" 2>&1
grep -E '^(elapsed|process CPU|GC)' "$work/run.log" || true
# Rates are per second: their sum is the run's total. Gauges: their largest value.
awk -F, 'NR > 1 {
    name = $3; value = $5
    if (name ~ /\/ 1 sec/) total[name] += value; else if (value > peak[name]) peak[name] = value
  }
  END {
    for (n in total) if (n ~ /jit|gc\.|cpu\.time|exceptions|lock_contentions/) printf "%-90s total %.3f\n", n, total[n]
    for (n in peak) if (n ~ /working_set|committed|heap\.size/) printf "%-90s max %.0f\n", n, peak[n]
  }' "$work/counters.csv" | sort
