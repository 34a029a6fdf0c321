#!/usr/bin/env bash
# End-to-end throughput of `feedharvester run --once` against a newsfarm universe served on loopback.
#
#   bench/e2e/throughput.sh [--sites 500] [--items 20] [--real-share S] [--real-reuse] [--port 18180] [--mode embedded|redis]
#                           [--redis-port 16399] [--work DIR] [--worker DIR] [--keep]
#
# Publishes the worker (Release), generates and serves the universe, runs `run --once` from an empty store under
# /usr/bin/time -v, then prints articles/s, CPU-ms per article (user+sys over articles emitted), the worker's own
# per-stage figures, peak RSS, the `newsfarm score` line and the farm's per-host concurrency. Stops the farm (and the
# redis-server) it started, then parses the same pages once each with AngleSharp alone and prints the ratio of the two
# CPU figures. --real-share: at most this share of the articles are real news pages (newsfarm has 126, each used once,
# so 20% needs at most 630 articles); with --real-reuse each real page is reused as many distinct articles as the
# share needs, so --real-share 1.0 --real-reuse makes a universe of real page structures.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sites=500 items=20 real_share="" real_reuse=0 port=18180 mode=embedded redis_port=16399 work="" worker="" keep=0
while (($#)); do
  case "$1" in
    --sites) sites="$2"; shift 2 ;;
    --items) items="$2"; shift 2 ;;
    --real-share) real_share="$2"; shift 2 ;;
    --real-reuse) real_reuse=1; shift ;;
    --port) port="$2"; shift 2 ;;
    --mode) mode="$2"; shift 2 ;;
    --redis-port) redis_port="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --worker) worker="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$mode" in embedded|redis) ;; *) echo "--mode must be embedded or redis, not '$mode'" >&2; exit 2 ;; esac

# shellcheck source=bench/e2e/common.sh
source "$repo/bench/e2e/common.sh"
find_newsfarm
need /usr/bin/time "apt-get install -y time"
[[ $mode == redis ]] && need redis-server "apt-get install -y redis-server" && need redis-cli "apt-get install -y redis-tools"

work="${work:-$(mktemp -d /tmp/fh-e2e-XXXXXX)}"
mkdir -p "$work"
farm="$work/farm" data="$work/data" out="$work/articles.jsonl"
trap cleanup EXIT

worker_bin="$(publish_worker "$worker")"

echo "== universe: $sites sites x $items items on 127.0.0.1:$port ($work)"
rm -rf "$farm" "$data" "$out"
newsfarm generate --out "$farm" --sites "$sites" --items "$items" --port "$port" ${real_share:+--real-share "$real_share"} \
  $( ((real_reuse)) && echo --real-reuse) | sed 's/^/   /'
serve_farm "$farm"

redis_args=()
if [[ $mode == redis ]]; then
  start_redis "$redis_port" "$work"
  redis_args=(--redis "127.0.0.1:$redis_port")
fi

echo "== run --once ($mode), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
export FeedHarvester__Fetching__AllowedPrivateHosts__0="127.0.0.1:$port"
export FeedHarvester__Observability__ListenUrl=""
/usr/bin/time -v -o "$work/time.txt" "$worker_bin" run --once --feeds "$farm/feeds.opml" --data-dir "$data" --output "$out" \
  "${redis_args[@]}" >"$work/summary.txt" 2>"$work/worker.log" || { echo "worker failed, see $work/worker.log" >&2; tail -20 "$work/worker.log" >&2; exit 1; }
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ $mode == redis ]]; then
  redis-cli -p "$redis_port" --json XRANGE feedharvester:articles - + >"$work/stream.json"
  emitted_file="$work/stream.json"
else
  emitted_file="$out"
fi

cat "$work/summary.txt"
report_run "$work/time.txt" "$work/summary.txt"
echo "score:   $(newsfarm score --truth "$farm/truth.jsonl" --emitted "$emitted_file" | tail -1)"

# The same pages parsed once each by AngleSharp alone, in another process right after: the ratio is what the whole
# pipeline costs per article against that one parse.
parse_line="$(dotnet run -c Release --project "$repo/bench/FeedHarvester.Benchmarks" -- --parse-cost "$farm" 2>&1 | tail -1)"
echo "$parse_line"
awk -v line="$parse_line" '
  /User time/ { user = $NF } /System time/ { sys = $NF }
  END {
    while ((getline s < summary) > 0) if (match(s, /articles emitted [0-9]+/)) { split(substr(s, RSTART, RLENGTH), a, " "); n = a[3] }
    if (match(line, /[0-9.]+ CPU-ms per article/)) { split(substr(line, RSTART, RLENGTH), p, " "); parse = p[1] }
    if (n > 0 && parse > 0) printf "ratio:   %.2f (process CPU per article / one bare parse per article; goal <= 1.5)\n", (user + sys) * 1000 / n / parse
  }' summary="$work/summary.txt" "$work/time.txt"
echo "polite:  $(newsfarm report --dir "$farm" | grep 'max concurrent' | head -1 | sed 's/^ *//')"
