package io.dikw.graph.wire;

/**
 * One edge deletion as on the wire (STINGER's {@code EdgeDeletion}).
 *
 * @param source         numeric source (field 1)
 * @param sourceStr      source name or null (field 2)
 * @param destination    numeric destination (field 3)
 * @param destinationStr destination name or null (field 4)
 * @param type           numeric edge type (field 5)
 * @param typeStr        edge type name or null (field 6)
 */
public record EdgeDeletion(long source, String sourceStr, long destination, String destinationStr, long type,
    String typeStr) {
}
