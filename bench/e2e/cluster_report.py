#!/usr/bin/env python3
"""The figures of one bench/e2e/cluster.sh run, from its kept work directory (standard library only).

    python3 bench/e2e/cluster_report.py WORK_DIR              # prints the figures, writes WORK_DIR/figures.tsv
    python3 bench/e2e/cluster_report.py --compare DIR_A DIR_B  # the figures of two runs side by side

Reads WORK_DIR/run.env (written by cluster.sh), the farm's access log (every feed request, in milliseconds), the workers'
logs (a "Polled" line per poll, with its time) and INFO commandstats. A poll's jitter is +-10% of the interval, so two
requests for one feed less than 80% of the interval apart are a feed polled twice within an interval, and a gap over
110% of the interval plus 5 s is a poll late beyond its jitter.
"""
import datetime
import os
import re
import sys

CHECK_IN_TIMEOUT_S = 30  # CheckInInterval 10 s + CheckInMisfireThreshold 20 s, the defaults the bench runs with
POLLED = re.compile(r"^(\S+) \w+: FeedHarvester\.Pipeline\.FeedPoller\[\d+\] Polled ")
RECOVERED = re.compile(r"^(\S+) .*Polling (\S+) again: its poll was cut off")


def read_env(work):
    env = {}
    with open(os.path.join(work, "run.env"), encoding="utf-8") as f:
        for line in f:
            key, _, value = line.strip().partition("=")
            env[key] = value
    return env


def iso_ms(text):
    return int(datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)


def feed_requests(work):
    """Request times (ms) per feed path, from the farm's access log."""
    with open(os.path.join(work, "farm", "feeds.txt"), encoding="utf-8") as f:
        paths = {re.sub(r"^https?://[^/]+", "", line.strip()) for line in f if line.strip() and not line.startswith("#")}
    times = {p: [] for p in paths}
    with open(os.path.join(work, "farm", ".newsfarm", "access.log"), encoding="utf-8", errors="replace") as f:
        for line in f:
            fields = line.split("\t")
            if len(fields) > 3 and fields[3] in times:
                times[fields[3]].append(round(float(fields[0]) * 1000))
    for t in times.values():
        t.sort()
    return times


def worker_polls(work, workers):
    polls, recovered = {}, []
    for i in range(1, workers + 1):
        polls[i] = []
        path = os.path.join(work, f"worker-{i}.log")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = POLLED.match(line)
                if m:
                    polls[i].append(iso_ms(m.group(1)))
                    continue
                m = RECOVERED.match(line)
                if m:
                    recovered.append((iso_ms(m.group(1)), i, m.group(2)))
    return polls, recovered


def spread(counts):
    """(lowest, highest) share around the mean, in per cent."""
    mean = sum(counts) / len(counts) if counts else 0
    if mean == 0:
        return 0.0, 0.0, 0.0
    return min(counts) / mean * 100 - 100, max(counts) / mean * 100 - 100, mean


def redis_commands(work):
    total, per = 0, {}
    path = os.path.join(work, "commandstats.txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"cmdstat_(\w+):calls=(\d+)", line)
                if m:
                    per[m.group(1)] = int(m.group(2))
                    total += int(m.group(2))
    return total, per


def report(work):
    env = read_env(work)
    workers, interval_ms = int(env["workers"]), int(env["interval_s"]) * 1000
    start_ms, kill_ms, end_ms = int(env["start_ms"]), int(env["kill_ms"]), int(env["end_ms"])
    duration_s = (end_ms - start_ms) / 1000
    times = feed_requests(work)
    figures = []

    def fig(key, value, text):
        figures.append((key, value))
        if text:
            print(f"{key + ':':<22}{text}")

    print(f"== {env['mode']}: {workers} workers, {len(times)} feeds, every {interval_ms // 1000} s, {duration_s:.0f} s ({work})")
    total = sum(len(t) for t in times.values())
    fig("feed_requests", total, f"{total} ({total / len(times):.2f} per feed; {duration_s / (interval_ms / 1000):.2f} intervals in the run)")
    unpolled = sum(1 for t in times.values() if not t)
    fig("feeds_never_polled", unpolled, f"{unpolled}")

    # The first round fetches every article; from the third interval on the polls are all there is.
    steady_ms = start_ms + 2 * interval_ms
    twice, early, late, late_steady, gaps, across_kill = 0, 0, [], [], [], []
    for t in times.values():
        for a, b in zip(t, t[1:]):
            gap = b - a
            if kill_ms and a <= kill_ms < b:
                across_kill.append(gap)
                continue
            gaps.append(gap)
            if gap < 0.8 * interval_ms:
                twice += 1
            elif gap < 0.9 * interval_ms - 1000:
                early += 1
            if gap > 1.1 * interval_ms + 5000:
                late.append(gap)
                if a >= steady_ms:
                    late_steady.append(gap)
    fig("polled_twice", twice, f"{twice} gaps between two requests of a feed under 80% of the interval ({early} more under 90%)")
    gaps.sort()
    if gaps:
        p50, p99 = gaps[len(gaps) // 2] / 1000, gaps[int(len(gaps) * 0.99)] / 1000
        fig("gap_p50_s", f"{p50:.1f}", f"gap between polls of a feed: median {p50:.1f} s, p99 {p99:.1f} s, max {gaps[-1] / 1000:.1f} s (kill excluded)")
    fig("late_polls", len(late), f"{len(late)} gaps over 110% of the interval + 5 s, outside the kill" +
        (f" (longest {max(late) / 1000:.1f} s)" if late else ""))
    fig("late_polls_steady", len(late_steady), f"{len(late_steady)} of them after the first two intervals" +
        (f" (longest {max(late_steady) / 1000:.1f} s)" if late_steady else ""))

    polls, recovered = worker_polls(work, workers)
    cut = kill_ms or end_ms
    before = [sum(1 for p in polls[i] if start_ms + interval_ms <= p < cut) for i in polls]
    lo, hi, mean = spread(before)
    window = "before the kill" if kill_ms else "after the first interval"
    fig("load_share", f"{lo:+.0f}%..{hi:+.0f}%", f"{lo:+.0f}% to {hi:+.0f}% around the mean of {mean:.0f} polls a worker ({window}: " +
        ", ".join(str(c) for c in before) + ")")
    if kill_ms:
        after = [sum(1 for p in polls[i] if p >= kill_ms) for i in polls if i != 1]
        lo, hi, mean = spread(after)
        fig("load_share_after_kill", f"{lo:+.0f}%..{hi:+.0f}%", f"{lo:+.0f}% to {hi:+.0f}% around {mean:.0f} polls a worker among the survivors (" +
            ", ".join(str(c) for c in after) + ")")
        extra = max((g - interval_ms for g in across_kill), default=0) / 1000
        slow = sum(1 for g in across_kill if g > 1.1 * interval_ms + 5000)
        fig("kill_longest_extra_s", f"{extra:.1f}", f"across the kill the longest wait past the interval was {extra:.1f} s; {slow} feeds waited "
            f"over 110% of it + 5 s (check-in timeout {CHECK_IN_TIMEOUT_S} s)")
        if recovered:
            first, last = min(r[0] for r in recovered), max(r[0] for r in recovered)
            fig("kill_recovered", len(recovered), f"{len(recovered)} polls cut off by the kill run again elsewhere, "
                f"{(first - kill_ms) / 1000:.1f} to {(last - kill_ms) / 1000:.1f} s after it")
        else:
            fig("kill_recovered", 0, "no poll was cut off by the kill (none in flight, or this mode does not recover)")

    commands, per = redis_commands(work)
    top = ", ".join(f"{k} {v}" for k, v in sorted(per.items(), key=lambda kv: -kv[1])[:6])
    fig("redis_commands", commands, f"{commands} in all, {commands / total if total else 0:.1f} per feed request ({top})")
    fig("redis_per_request", f"{commands / total if total else 0:.1f}", "")
    cpu, cpu_s, cpu_polls = [], 0.0, 0
    for i in range(1, workers + 1):
        path = os.path.join(work, f"cpu-{i}")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                seconds = float(f.read().strip())
            cpu.append(f"worker {i} {seconds:.1f} s")
            cpu_s, cpu_polls = cpu_s + seconds, cpu_polls + len(polls[i])
    fig("worker_cpu", "; ".join(cpu) or "-", "; ".join(cpu) + " (user + system, workers alive at the end)")
    if cpu_polls:
        fig("worker_cpu_ms_per_poll", f"{cpu_s * 1000 / cpu_polls:.1f}", f"{cpu_s * 1000 / cpu_polls:.1f} ms of worker CPU per poll "
            f"({cpu_polls} polls by those workers, the first round's article fetches included)")
    score_path = os.path.join(work, "score.txt")
    if os.path.exists(score_path):
        with open(score_path, encoding="utf-8") as f:
            score = f.read().strip().splitlines()[-1]
        fig("score", score, score)

    with open(os.path.join(work, "figures.tsv"), "w", encoding="utf-8") as f:
        f.write(f"mode\t{env['mode']}\n")
        for key, value in figures:
            f.write(f"{key}\t{value}\n")


def compare(a, b):
    def load(work):
        with open(os.path.join(work, "figures.tsv"), encoding="utf-8") as f:
            return dict(line.rstrip("\n").split("\t", 1) for line in f if "\t" in line)

    left, right = load(a), load(b)
    keys = [k for k in left if k != "mode"] + [k for k in right if k not in left and k != "mode"]
    width = max(len(k) for k in keys)
    print(f"| {'figure':<{width}} | {left['mode']} | {right['mode']} |")
    print(f"| {'-' * width} | --- | --- |")
    for k in keys:
        print(f"| {k:<{width}} | {left.get(k, '-')} | {right.get(k, '-')} |")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--compare":
        compare(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 2:
        report(sys.argv[1])
    else:
        sys.exit(__doc__)
