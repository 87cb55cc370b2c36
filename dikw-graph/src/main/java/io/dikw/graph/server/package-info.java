/**
 * The graph server: STINGER-compatible stream port (length-prefixed StingerBatch frames, no
 * replies), name resolution, a bounded queue with back-pressure, the applier, health lines and
 * atomic checkpoints.
 */
package io.dikw.graph.server;
