#!/usr/bin/env bash
# Several workers of the service on one newsfarm universe: clustered mode (one PostgreSQL schedule, one Redis) or,
# for comparison, Redis mode (each worker schedules every feed; leases and the stored schedule keep polls apart).
#
#   bench/e2e/cluster.sh [--mode cluster|redis] [--workers 3] [--sites 2000] [--items 2] [--minutes 20]
#                        [--interval 00:02:00] [--kill-at 10] [--port 18280] [--redis-port 16499] [--pg-port 15499]
#                        [--work DIR] [--worker DIR] [--keep]
#
# Every feed is polled every --interval (adaptive scheduling off). At minute --kill-at one worker is killed with
# SIGKILL (0: none). At the end it prints, from the farm's access log and the workers' logs: feed requests in all and
# per feed, feeds polled twice within an interval (two requests closer than 80% of it), the share of polls each worker
# took, after the kill the longest a feed went unpolled, Redis commands per poll (INFO commandstats), and the stream
# scored against the truth (missing, duplicates). Run it once per mode to put the two side by side.
set -euo pipefail

# All of it in one function, read whole before it runs, so the file can change while a 20-minute run goes on.
main() {
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
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
    --work) work="$2"; shift 2 ;;
    --worker) worker="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$mode" in cluster|redis) ;; *) echo "--mode must be cluster or redis, not '$mode'" >&2; exit 2 ;; esac
interval_s=$(awk -F: '{ print $1 * 3600 + $2 * 60 + $3 }' <<<"$interval")

# shellcheck source=bench/e2e/common.sh
source "$repo/bench/e2e/common.sh"
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
    if [[ ! -e $work/exited-$i ]] && ! kill -0 "${pids[i - 1]}" 2>/dev/null; then
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

# Feed requests from the access log ($msec, status, method, URI, ...), per feed in time order.
sed -E 's|^https?://[^/]+||' "$farm/feeds.txt" | sort -u >"$work/feed-paths.txt"
awk -F'\t' 'NR == FNR { feed[$1] = 1; next } ($4 in feed) { printf "%s\t%.0f\n", $4, $1 * 1000 }' \
  "$work/feed-paths.txt" "$farm/.newsfarm/access.log" | sort -k1,1 -k2,2n >"$work/feed-requests.tsv"
polls=$(wc -l <"$work/feed-requests.tsv")
echo "feed requests:     $polls for $(wc -l <"$work/feed-paths.txt") feeds over $(((end_ms - start_ms) / 1000)) s ($(awk -v p="$polls" -v f="$(wc -l <"$work/feed-paths.txt")" 'BEGIN { printf "%.1f", p / f }') per feed)"
awk -F'\t' -v close_ms=$((interval_s * 800)) -v kill_ms="$kill_ms" -v end_ms="$end_ms" -v interval_ms=$((interval_s * 1000)) '
  $1 != last { last = $1; prev = 0 }
  {
    if (prev > 0 && $2 - prev < close_ms) twice++
    if (kill_ms > 0 && prev > 0 && $2 > kill_ms && prev <= kill_ms + interval_ms && $2 - prev > longest) longest = $2 - prev
    prev = $2
  }
  END {
    printf "polled twice:      %d times a feed was requested again within 80%% of its interval\n", twice
    if (kill_ms > 0) printf "after the kill:    the longest a feed waited for its next poll was %.1f s (interval %.0f s)\n", longest / 1000, interval_ms / 1000
  }' "$work/feed-requests.tsv"
for i in $(seq 1 "$workers"); do
  printf 'worker %d polls:    %s\n' "$i" "$(grep -c '] Polled ' "$work/worker-$i.log" || true)"
done | awk '{ print; n[NR] = $NF; s += $NF } END { m = s / NR; for (i in n) { d = (n[i] - m) / m * 100; if (d > hi) hi = d; if (d < lo) lo = d }
  printf "load share:        %+.0f%% to %+.0f%% around the mean (%.0f polls a worker; a killed worker stops early)\n", lo, hi, m }'
echo "redis commands:    $commands in all, $(awk -v c="$commands" -v p="$polls" 'BEGIN { printf "%.1f", p ? c / p : 0 }') per feed request (INFO commandstats, CONFIG RESETSTAT at start)"
redis-cli -p "$redis_port" --json XRANGE feedharvester:articles - + >"$work/stream.json"
echo "score:             $(newsfarm score --truth "$farm/truth.jsonl" --emitted "$work/stream.json" | tail -1)"
}

main "$@"
