# Helpers shared by the scripts here (sourced, not run). Expects $repo, $work and $keep to be set.

# The options every script takes, for its option loop: --work DIR, --worker DIR, --keep set $work, $worker and $keep;
# --help prints the script's opening comment. Sets $shifted to the arguments used (0: not one of these).
common_option() {
  shifted=0
  case "$1" in
    --work) work="$2"; shifted=2 ;;
    --worker) worker="$2"; shifted=2 ;;
    --keep) keep=1; shifted=1 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
  esac
}

find_newsfarm() {
  local bundled="$repo/../shared/tools/newsfarm"
  if [[ -x "$bundled/newsfarm" ]]; then
    PATH="$bundled:$PATH"
  fi
  if ! command -v newsfarm >/dev/null; then
    echo "newsfarm not found: expected ../shared/tools/newsfarm next to this repository, or newsfarm on PATH" >&2
    exit 2
  fi
}

need() {
  if ! command -v "$1" >/dev/null; then
    echo "$1 is missing (on Debian: $2)" >&2
    exit 2
  fi
}

# Publishes the worker into $work/worker unless a published directory is given; prints the program's path.
publish_worker() {
  local given="$1"
  if [[ -n $given ]]; then
    echo "$given/feedharvester"
    return
  fi
  echo "== dotnet publish (Release) -> $work/worker" >&2
  dotnet publish "$repo/src/FeedHarvester.Worker" -c Release -o "$work/worker" --artifacts-path "$work/artifacts" -v quiet -nologo >&2
  echo "$work/worker/feedharvester"
}

serve_farm() {
  local dir="$1"
  newsfarm serve --dir "$dir" >/dev/null
  served_farm="$dir"
}

start_redis() {
  local redis_port="$1" dir="$2"
  if redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
    echo "port $redis_port already answers to redis-cli ping; pick another with --redis-port" >&2
    exit 2
  fi
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
  for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  started_redis_port="$redis_port"
}

cleanup() {
  if [[ -n ${served_farm:-} ]]; then newsfarm stop --dir "$served_farm" >/dev/null 2>&1 || true; fi
  if [[ -n ${started_redis_port:-} ]]; then redis-cli -p "$started_redis_port" shutdown nosave >/dev/null 2>&1 || true; fi
  if [[ ${keep:-0} == 0 && -n ${work:-} && $work == /tmp/fh-e2e-* ]]; then rm -rf "$work"; fi
}

# Prints the figures from /usr/bin/time -v output and the worker's --once summary.
report_run() {
  local time_file="$1" summary="$2"
  awk -v summary="$summary" '
    /User time/ { user = $NF } /System time/ { sys = $NF }
    /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); wall = (n == 3) ? p[1]*3600 + p[2]*60 + p[3] : p[1]*60 + p[2] }
    /Maximum resident set size/ { rss = $NF }
    END {
      while ((getline line < summary) > 0) {
        if (match(line, /articles emitted [0-9]+/)) { split(substr(line, RSTART, RLENGTH), a, " "); articles = a[3] }
      }
      if (articles == 0) { print "no articles emitted"; exit 1 }
      printf "process: %.2f s wall (start-up included), %.1f articles/s; CPU user %.2f s + sys %.2f s = %.2f CPU-ms per article; peak RSS %.1f MiB\n",
        wall, articles / wall, user, sys, (user + sys) * 1000 / articles, rss / 1024
    }' "$time_file"
}
