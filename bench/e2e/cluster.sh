#!/usr/bin/env bash
# Several workers of the service on one newsfarm universe: clustered mode (one PostgreSQL schedule, one Redis) or,
# for comparison, Redis mode (each worker schedules every feed; leases and the stored schedule keep polls apart).
#
#   bench/e2e/cluster.sh [--mode cluster|redis|both] [--workers 3] [--sites 2000] [--items 2] [--minutes 20]
#                        [--interval 00:02:00] [--kill-at 10] [--port 18280] [--redis-port 16499] [--pg-port 15499]
#                        [--work DIR] [--worker DIR] [--keep]
#
# The defaults are the goal run: 3 workers, 2,000 feeds, 20 minutes, every feed every 2 minutes (adaptive scheduling
# off), worker 1 killed with SIGKILL at minute --kill-at (0: none). At the end bench/e2e/cluster_report.py prints, from
# the farm's access log and the workers' logs: feed requests, gaps between two polls of a feed (polled twice within an
# interval, late beyond the jitter), each worker's share of the polls, how long the feeds waited across the kill and
# how many cut-off polls were run again, Redis commands per feed request (INFO commandstats), the workers' CPU and the
# stream scored against the truth. --mode both runs the cluster and then Redis mode (DIR/cluster, DIR/redis) and puts
# the two side by side.
set -euo pipefail

# All of it in one function, read whole before it runs, so the file can change while a 20-minute run goes on.
main() {
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=bench/e2e/common.sh
source "$repo/bench/e2e/common.sh"
args=("$@")
mode=cluster workers=3 sites=2000 items=2 minutes=20 interval=00:02:00 kill_at=10
port=18280 redis_port=16499 pg_port=15499 work="" worker="" keep=0
while (($#)); do
  case "$1" in
    --mode) mode="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --sites) sites="$2"; shift 2 ;;
    --items) items="$2"; shift 2 ;;
    --minutes) minutes="$2"; shift 2 ;;
    --interval) interval="$2"; shift 2 ;;
    --kill-at) kill_at="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --redis-port) redis_port="$2"; shift 2 ;;
    --pg-port) pg_port="$2"; shift 2 ;;
    *) common_option "$@"; ((shifted)) || { echo "unknown option: $1 (see --help)" >&2; exit 2; }; shift "$shifted" ;;
  esac
done
case "$mode" in cluster|redis|both) ;; *) echo "--mode must be cluster, redis or both, not '$mode'" >&2; exit 2 ;; esac
interval_s=$(awk -F: '{ print $1 * 3600 + $2 * 60 + $3 }' <<<"$interval")
if [[ $mode == both ]]; then
  run_both
  return
fi

find_newsfarm
need redis-server "apt-get install -y redis-server"
need redis-cli "apt-get install -y redis-tools"

# PostgreSQL's programs: on PATH, or where Debian puts them. The server refuses to run as root, so then it runs as nobody.
pg_bin=""
if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
  pg_bin="$(dirname "$(command -v initdb)")"
else
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
fi
as_pg() { if [[ $(id -u) == 0 ]]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }

work="${work:-$(mktemp -d /tmp/fh-e2e-XXXXXX)}"
mkdir -p "$work"
farm="$work/farm" pg="$work/pg"
pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done; done
  if [[ -f $pg/data/postmaster.pid ]]; then as_pg "$pg_bin/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null 2>&1 || true; fi
}
trap 'stop_all; cleanup' EXIT

worker_bin="$(publish_worker "$worker")"
rm -rf "$farm"
newsfarm generate --out "$farm" --sites "$sites" --items "$items" --port "$port" >/dev/null
serve_farm "$farm"
start_redis "$redis_port" "$work"
mode_args=(--redis "127.0.0.1:$redis_port")
if [[ $mode == cluster ]]; then
  [[ -x $pg_bin/initdb ]] || { echo "initdb and pg_ctl are missing (on Debian: apt-get install -y postgresql)" >&2; exit 2; }
  mkdir -p "$pg" && chmod 0777 "$work" "$pg"
  as_pg "$pg_bin/initdb" -D "$pg/data" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
  as_pg "$pg_bin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w \
    -o "-p $pg_port -k $pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  mode_args+=(--cluster "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres")
fi

export FeedHarvester__Fetching__AllowedPrivateHosts__0="127.0.0.1:$port"
export FeedHarvester__Scheduling__Adaptive=false
export FeedHarvester__Scheduling__DefaultInterval="$interval"
export FeedHarvester__Scheduling__IntervalFloor="$interval"
export FeedHarvester__Observability__ListenUrl=""
export Logging__LogLevel__Default=Warning
redis-cli -p "$redis_port" CONFIG RESETSTAT >/dev/null
start_ms=$(date +%s%3N)
for i in $(seq 1 "$workers"); do
  # Every poll a line (304s too), to count each worker's share.
  env 'Logging__LogLevel__FeedHarvester.Pipeline.FeedPoller=Debug' 'Logging__LogLevel__FeedHarvester.Worker.Clustering=Information' \
    "$worker_bin" run --feeds "$farm/feeds.txt" --data-dir "$work/data-$i" "${mode_args[@]}" >"$work/worker-$i.log" 2>&1 &
  pids+=($!)
done

echo "== $mode: $workers workers, $sites sites x $items items, every feed every $interval, $minutes minutes ($work)"
kill_ms=0
for minute in $(seq 1 "$minutes"); do
  wait_s=$(((start_ms / 1000) + minute * 60 - $(date +%s)))
  ((wait_s > 0)) && sleep "$wait_s"
  for i in $(seq 1 "$workers"); do
    if ((kill_ms == 0 || i != 1)) && [[ ! -e $work/exited-$i ]] && ! kill -0 "${pids[i - 1]}" 2>/dev/null; then
      date +%s%3N >"$work/exited-$i"
      echo "minute $minute: worker $i has exited on its own (see $work/worker-$i.log)"
    fi
  done
  if ((kill_at > 0 && minute == kill_at)) && kill -KILL "${pids[0]}" 2>/dev/null; then
    kill_ms=$(date +%s%3N)
    echo "minute $minute: worker 1 killed (SIGKILL)"
  fi
  printf 'minute %d: %s articles in the stream, load %s\n' "$minute" "$(redis-cli -p "$redis_port" XLEN feedharvester:articles)" "$(cut -d' ' -f1 /proc/loadavg)"
done
end_ms=$(date +%s%3N)
commands=$(redis-cli -p "$redis_port" INFO commandstats | awk -F'[=,]' '/^cmdstat_/ { n += $2 } END { print n + 0 }')
redis-cli -p "$redis_port" INFO commandstats >"$work/commandstats.txt"
for i in $(seq 1 "$workers"); do
  [[ -r /proc/${pids[i - 1]}/stat ]] && awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f\n", ($14 + $15) / hz }' "/proc/${pids[i - 1]}/stat" >"$work/cpu-$i" || true
done
printf 'mode=%s\nworkers=%s\nsites=%s\ninterval_s=%s\nstart_ms=%s\nkill_ms=%s\nend_ms=%s\nredis_commands=%s\n' \
  "$mode" "$workers" "$sites" "$interval_s" "$start_ms" "$kill_ms" "$end_ms" "$commands" >"$work/run.env"
stop_all

redis-cli -p "$redis_port" --json XRANGE feedharvester:articles - + >"$work/stream.json"
newsfarm score --truth "$farm/truth.jsonl" --emitted "$work/stream.json" >"$work/score.txt"
python3 "$repo/bench/e2e/cluster_report.py" "$work"
}

# Each mode in a directory of its own, one after the other (the same options for both), then the two side by side.
run_both() {
  work="${work:-$(mktemp -d /tmp/fh-e2e-XXXXXX)}"
  mkdir -p "$work"
  worker_bin="$(publish_worker "$worker")"
  local rest=() skip=0
  for a in "${args[@]}"; do
    if ((skip)); then skip=0; continue; fi
    case "$a" in --mode|--work|--worker) skip=1 ;; --keep) ;; *) rest+=("$a") ;; esac
  done
  for m in cluster redis; do
    "$repo/bench/e2e/cluster.sh" "${rest[@]}" --mode "$m" --work "$work/$m" --worker "$(dirname "$worker_bin")" --keep
  done
  echo "== side by side"
  python3 "$repo/bench/e2e/cluster_report.py" --compare "$work/cluster" "$work/redis"
  if ((keep == 0)) && [[ $work == /tmp/fh-e2e-* ]]; then rm -rf "$work"; fi
}

main "$@"
