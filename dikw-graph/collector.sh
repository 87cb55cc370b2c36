# Sourced by ./dikw (graph serve) and dikw-bench/bench (graph-ingest): the collector for a graph store.
#
# A growing graph store is a heap of arrays that keep being outgrown. G1 copies the new arrays in
# stop-the-world young collections, 45-230 ms each late in a large load, which makes a batch 2-4x
# slower; Shenandoah moves them while the program runs. Measured in dikw-graph/README.md ("Which
# collector").
#
# graph_collector_opts OPTS: prints OPTS plus these flags when OPTS names no collector and this JVM
# has Shenandoah; otherwise OPTS unchanged.
graph_collector_opts() {
  local opts="$1"
  if [[ "$opts" != *Use*GC* ]] && java -XX:+UseShenandoahGC -version >/dev/null 2>&1; then
    opts="$opts -XX:+UseShenandoahGC"
  fi
  printf '%s' "$opts"
}
