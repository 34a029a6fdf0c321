#!/usr/bin/env bash
# Soak test of the service (`feedharvester run`, not --once) against a served newsfarm universe.
#
#   bench/e2e/soak.sh [--minutes 30] [--sites 100] [--items 20] [--new 100] [--interval 00:00:20]
#                     [--real-share S] [--real-reuse] [--port 18180] [--metrics-port 19464] [--mode embedded|redis] [--redis-port 16399]
#                     [--work DIR] [--worker DIR] [--keep]
#
# Feeds are re-polled every --interval (adaptive scheduling off) and `newsfarm publish --new N` adds a round of items
# every minute. Once a minute, just before the next round, it samples the worker's RSS (VmRSS), CPU time and the
# articles emitted so far into DIR/soak.csv, prints the table, fits a line through the RSS of the second half
# (MiB per minute), plots soak.png when gnuplot is installed, shows the stage metrics the service exports at
# /metrics, stops the worker with SIGTERM and scores the whole output against the whole truth.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
minutes=30 sites=100 items=20 new=100 interval=00:00:20 port=18180 metrics_port=19464 mode=embedded redis_port=16399
real_share="" real_reuse=0 work="" worker="" keep=0
# shellcheck source=bench/e2e/common.sh
source "$repo/bench/e2e/common.sh"
while (($#)); do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --sites) sites="$2"; shift 2 ;;
    --items) items="$2"; shift 2 ;;
    --new) new="$2"; shift 2 ;;
    --interval) interval="$2"; shift 2 ;;
    --real-share) real_share="$2"; shift 2 ;;
    --real-reuse) real_reuse=1; shift ;;
    --port) port="$2"; shift 2 ;;
    --metrics-port) metrics_port="$2"; shift 2 ;;
    --mode) mode="$2"; shift 2 ;;
    --redis-port) redis_port="$2"; shift 2 ;;
    *) common_option "$@"; ((shifted)) || { echo "unknown option: $1 (see --help)" >&2; exit 2; }; shift "$shifted" ;;
  esac
done
case "$mode" in embedded|redis) ;; *) echo "--mode must be embedded or redis, not '$mode'" >&2; exit 2 ;; esac
find_newsfarm
[[ $mode == redis ]] && need redis-server "apt-get install -y redis-server" && need redis-cli "apt-get install -y redis-tools"

work="${work:-$(mktemp -d /tmp/fh-e2e-XXXXXX)}"
mkdir -p "$work"
farm="$work/farm" data="$work/data" out="$work/articles.jsonl" csv="$work/soak.csv"
worker_pid=""
stop_worker() {
  if [[ -n $worker_pid ]] && kill -0 "$worker_pid" 2>/dev/null; then
    kill -TERM "$worker_pid"
    for _ in $(seq 60); do kill -0 "$worker_pid" 2>/dev/null || break; sleep 0.5; done
  fi
}
trap 'stop_worker; cleanup' EXIT

worker_bin="$(publish_worker "$worker")"
rm -rf "$farm" "$data" "$out"
newsfarm generate --out "$farm" --sites "$sites" --items "$items" --port "$port" \
  ${real_share:+--real-share "$real_share"} $( ((real_reuse)) && echo --real-reuse) >/dev/null
serve_farm "$farm"
redis_args=()
if [[ $mode == redis ]]; then
  start_redis "$redis_port" "$work"
  redis_args=(--redis "127.0.0.1:$redis_port")
fi

export FeedHarvester__Fetching__AllowedPrivateHosts__0="127.0.0.1:$port"
export FeedHarvester__Scheduling__Adaptive=false
export FeedHarvester__Scheduling__DefaultInterval="$interval"
# Polling loopback sites faster than the default floor of one minute is this rig's point.
export FeedHarvester__Scheduling__IntervalFloor="$interval"
export FeedHarvester__Observability__ListenUrl="http://127.0.0.1:$metrics_port"
export Logging__LogLevel__Default=Warning
"$worker_bin" run --feeds "$farm/feeds.opml" --data-dir "$data" --output "$out" "${redis_args[@]}" >"$work/worker.log" 2>&1 &
worker_pid=$!

emitted() {
  if [[ $mode == redis ]]; then redis-cli -p "$redis_port" XLEN feedharvester:articles; else wc -l <"$out" 2>/dev/null || echo 0; fi
}
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$worker_pid/status"; }
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$worker_pid/stat"; }

echo "== soak: $mode, $sites x $items, +$new items a minute, feeds polled every $interval, $minutes minutes ($work)"
echo "minute,rss_mib,cpu_s,emitted,truth,load1" >"$csv"
printf '%6s %8s %8s %8s %8s %6s\n' minute rss_MiB cpu_s emitted truth load1
start=$(date +%s)
for minute in $(seq 1 "$minutes"); do
  # Sleep to the end of this minute: the round published at its start has been harvested by then.
  sleep $((start + minute * 60 - $(date +%s)))
  kill -0 "$worker_pid" 2>/dev/null || { echo "worker exited, see $work/worker.log" >&2; tail -20 "$work/worker.log" >&2; exit 1; }
  row="$minute,$(awk -v k="$(rss_kib)" 'BEGIN { printf "%.1f", k / 1024 }'),$(cpu_s),$(emitted),$(wc -l <"$farm/truth.jsonl"),$(cut -d' ' -f1 /proc/loadavg)"
  echo "$row" >>"$csv"
  IFS=, read -r m r c e t l <<<"$row"
  printf '%6s %8s %8s %8s %8s %6s\n' "$m" "$r" "$c" "$e" "$t" "$l"
  if ((minute < minutes)); then newsfarm publish --dir "$farm" --new "$new" >/dev/null; fi
done

echo "== stage metrics the service exports (http://127.0.0.1:$metrics_port/metrics)"
curl -sf "http://127.0.0.1:$metrics_port/metrics" | grep -E '^feedharvester_stage_(duration_seconds_(sum|count)|cpu_time_seconds_total)' || echo "(none scraped)"
stop_worker

awk -F, 'NR > 1 { n++; m[n] = $1; r[n] = $2 }
  END {
    h = int(n / 2) + 1; k = 0; sx = sy = sxx = sxy = 0
    for (i = h; i <= n; i++) { k++; sx += m[i]; sy += r[i]; sxx += m[i] * m[i]; sxy += m[i] * r[i] }
    slope = (k > 1) ? (k * sxy - sx * sy) / (k * sxx - sx * sx) : 0
    min = max = r[1]; for (i = 1; i <= n; i++) { if (r[i] < min) min = r[i]; if (r[i] > max) max = r[i] }
    printf "rss: first %.1f MiB, last %.1f MiB, min %.1f, max %.1f; slope over minutes %d-%d: %+.2f MiB/min\n", r[1], r[n], min, max, m[h], m[n], slope
  }' "$csv"

if command -v gnuplot >/dev/null; then
  gnuplot <<GP
set terminal pngcairo size 900,500 noenhanced
set output "$work/soak.png"
set datafile separator ","
set title "feedharvester run ($mode): RSS after each publish round"
set xlabel "minute"; set ylabel "RSS (MiB)"; set y2label "articles emitted"
set ytics nomirror; set y2tics; set yrange [0:*]; set y2range [0:*]; set key right bottom
plot "$csv" using 1:2 skip 1 with linespoints title "RSS (MiB)", "" using 1:4 skip 1 axes x1y2 with lines title "articles emitted"
GP
  echo "plot:    $work/soak.png"
else
  echo "plot:    skipped (gnuplot not installed; apt-get install -y gnuplot-nox)"
fi

if [[ $mode == redis ]]; then
  redis-cli -p "$redis_port" --json XRANGE feedharvester:articles - + >"$work/stream.json"
  emitted_file="$work/stream.json"
else
  emitted_file="$out"
fi
echo "table:   $csv"
echo "score:   $(newsfarm score --truth "$farm/truth.jsonl" --emitted "$emitted_file" | tail -1)"
