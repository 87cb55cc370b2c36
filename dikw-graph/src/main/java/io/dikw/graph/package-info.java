/**
 * dikw-graph: the streaming graph server of seed 003 (STINGER). {@code store} keeps the dynamic
 * graph, {@code names} maps strings to ids, {@code wire} speaks STINGER's batch protocol,
 * {@code server} ingests batches over TCP and checkpoints, {@code client} sends them,
 * {@code template} turns records into edges and {@code rmat} makes synthetic streams.
 */
package io.dikw.graph;
