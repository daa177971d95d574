#!/usr/bin/env bash
# Benchmarks of LinkUp Desk. Builds the given build directory (default: build/), then prints one
# line per figure, "<name> <value>":
#   startup.demo.first_paint_ms      linkup-desk --demo --quit-after-paint, median of N runs
#   startup.bare.first_paint_ms      a bare QMainWindow built the same way (bench_bare_window)
#   startup.first_paint_ratio        demo / bare
#   startup.demo.peak_rss_kb / startup.bare.peak_rss_kb   (median)
#   startup.rss_ratio                demo / bare
#   startup.floor.first_paint_ms     the smallest inbox-like window, Qt only (bench_floor_window:
#                                    a 20-row QListView, a QLineEdit, two QLabels): the floor
#                                    that the first text on screen and the item views set
#   startup.floor_ratio              floor / bare
#   startup.floor.peak_rss_kb        (median)
#   inbox.*                          the Inbox on a seeded 100,000-conversation profile
#                                    (bench_inbox_store --write-profile, then bench_inbox_gui):
#                                    cold start to the first painted inbox as a ratio to bare,
#                                    search keystroke to filtered view (median, p99), peak RSS
#                                    above the bare window, each with its goal; and
#                                    inbox.first_paint_ratio_to_floor (inbox / floor), what is
#                                    left to win in our code.
#                                    BENCH_PROFILE=DIR reuses a profile written before.
#   sse.*                            SseParser MB/s on 100 MB of webhook frames in 16 KiB chunks,
#                                    next to a bare memchr line scan (bench_sseparser), and the
#                                    whole `linkupctl sse-parse` job on that stream (median)
#   live.*                           event to inbox row latency through the sandbox (p50, p99)
#                                    and 1,000 watched accounts (bench_liveevents)
#   migration.*                      a paced 40-row CSV migration through the sandbox: time
#                                    beyond the mandated 0.5 s pauses (bench_migration, goal <= 2 %)
# Usage: tests/bench/run.sh [BUILD_DIR] [RUNS]   (RUNS default 5). Runs offscreen, no display.
# With root and BENCH_COLD=1, the page cache is dropped before each run (cold start).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
runs=${2:-5}

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLD_BUILD_BENCH=ON >/dev/null
fi
cmake --build "$build" --target linkup-desk bench_bare_window bench_floor_window bench_inbox_gui bench_inbox_store bench_sseparser bench_liveevents bench_migration linkupctl >/dev/null

desk=$(find "$build" -type f -name linkup-desk -perm -u+x | head -n1)
bare=$(find "$build" -type f -name bench_bare_window -perm -u+x | head -n1)
floor=$(find "$build" -type f -name bench_floor_window -perm -u+x | head -n1)
inbox=$(find "$build" -type f -name bench_inbox_gui -perm -u+x | head -n1)
store=$(find "$build" -type f -name bench_inbox_store -perm -u+x | head -n1)
[ -x "$desk" ] || { echo "bench: linkup-desk not found under $build" >&2; exit 1; }
[ -x "$bare" ] || { echo "bench: bench_bare_window not found (configure with -DLD_BUILD_BENCH=ON)" >&2; exit 1; }
[ -x "$floor" ] || { echo "bench: bench_floor_window not found (configure with -DLD_BUILD_BENCH=ON)" >&2; exit 1; }

export QT_QPA_PLATFORM=offscreen
export DBUS_SESSION_BUS_ADDRESS=disabled:
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
unset DISPLAY
export QT_LOGGING_RULES="*.debug=false;ld.*=false"

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure NAME CMD...: runs CMD $runs times, collects the two figures it prints.
measure() {
    local name=$1; shift
    local paint=() rss=() out
    for _ in $(seq "$runs"); do
        if [ "${BENCH_COLD:-0}" = 1 ] && [ -w /proc/sys/vm/drop_caches ]; then
            sync; echo 3 > /proc/sys/vm/drop_caches
        fi
        out=$("$@" 2>/dev/null)
        paint+=("$(awk '/^first-paint-ms:/ { print $2 }' <<<"$out")")
        rss+=("$(awk '/^peak-rss-kb:/ { print $2 }' <<<"$out")")
    done
    printf '%s\n' "${paint[@]}" | median > "$tmp/$name.paint"
    printf '%s\n' "${rss[@]}" | median > "$tmp/$name.rss"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bare" >/dev/null 2>&1 || true   # warm the font cache and dynamic loader once
measure demo "$desk" --demo --quit-after-paint
measure bare "$bare"
measure floor "$floor"

demo_paint=$(cat "$tmp/demo.paint"); bare_paint=$(cat "$tmp/bare.paint")
demo_rss=$(cat "$tmp/demo.rss"); bare_rss=$(cat "$tmp/bare.rss")
echo "startup.demo.first_paint_ms $demo_paint"
echo "startup.bare.first_paint_ms $bare_paint"
awk -v a="$demo_paint" -v b="$bare_paint" 'BEGIN { printf "startup.first_paint_ratio %.2f\n", a / b }'
echo "startup.demo.peak_rss_kb $demo_rss"
echo "startup.bare.peak_rss_kb $bare_rss"
awk -v a="$demo_rss" -v b="$bare_rss" 'BEGIN { printf "startup.rss_ratio %.2f\n", a / b }'
floor_paint=$(cat "$tmp/floor.paint"); floor_rss=$(cat "$tmp/floor.rss")
echo "startup.floor.first_paint_ms $floor_paint"
awk -v a="$floor_paint" -v b="$bare_paint" 'BEGIN { printf "startup.floor_ratio %.2f\n", a / b }'
echo "startup.floor.peak_rss_kb $floor_rss"

# The Inbox at 100,000 conversations across 10 accounts.
profile=${BENCH_PROFILE:-$tmp/inbox-profile}
if [ ! -f "$profile/linkup-desk.sqlite" ]; then
    "$store" --write-profile "$profile" --conversations 100000 --accounts 10 >/dev/null 2>&1
fi
measure inbox "$inbox" --profile "$profile"
inbox_paint=$(cat "$tmp/inbox.paint"); inbox_rss=$(cat "$tmp/inbox.rss")
keys=$("$inbox" --profile "$profile" --keystrokes 2>/dev/null)
key_median=$(awk '/^keystroke-median-ms:/ { print $2 }' <<<"$keys")
key_p99=$(awk '/^keystroke-p99-ms:/ { print $2 }' <<<"$keys")
search_rss=$(awk '/^peak-rss-kb-after-search:/ { print $2 }' <<<"$keys")
peak_rss=$(( inbox_rss > search_rss ? inbox_rss : search_rss ))
echo "inbox.first_paint_ms $inbox_paint"
awk -v a="$inbox_paint" -v b="$bare_paint" 'BEGIN { printf "inbox.first_paint_ratio %.2f (goal: <= 3 x the bare window)\n", a / b }'
awk -v a="$inbox_paint" -v b="$floor_paint" 'BEGIN { printf "inbox.first_paint_ratio_to_floor %.2f\n", a / b }'
echo "inbox.search_keystroke_median_ms $key_median (goal: <= 16)"
echo "inbox.search_keystroke_p99_ms $key_p99 (goal: <= 16)"
awk -v a="$peak_rss" -v b="$bare_rss" 'BEGIN { printf "inbox.peak_rss_above_bare_mb %.1f (goal: <= 120)\n", (a - b) / 1024 }'

# The live event stream's parser.
sse=$(find "$build" -type f -name bench_sseparser -perm -u+x | head -n1)
"$sse" 100 "$runs"
stream=$tmp/stream100.sse
"$sse" --write "$stream" 100
ctl=$(find "$build" -type f -name linkupctl -perm -u+x | head -n1)
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$ctl" sse-parse < "$stream" > /dev/null
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
done | median > "$tmp/ssejob"
awk -v ms="$(cat "$tmp/ssejob")" 'BEGIN { printf "sse.linkupctl_job_s %.2f (goal: <= 0.3; eventsource-parser in Node: 0.9)\n", ms / 1000 }'

# Live events through the sandbox.
live=$(find "$build" -type f -name bench_liveevents -perm -u+x | head -n1)
"$live" 200 1000

# Batch migration overhead beyond the mandated pauses.
migration=$(find "$build" -type f -name bench_migration -perm -u+x | head -n1)
"$migration" 40
