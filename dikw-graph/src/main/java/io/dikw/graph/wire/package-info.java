/**
 * STINGER's stream wire format: the StingerBatch protobuf message (same field numbers as the
 * original, read and written by hand over protobuf-java's coded streams) inside 4-byte
 * big-endian length-prefixed frames.
 */
package io.dikw.graph.wire;
