package io.dikw.graph.wire;

/**
 * One edge insertion as on the wire (STINGER's {@code EdgeInsertion}). An endpoint is named by
 * its string when that is not null, else by its number; the type likewise.
 *
 * @param source            numeric source (field 1)
 * @param sourceStr         source name or null (field 2)
 * @param destination       numeric destination (field 3)
 * @param destinationStr    destination name or null (field 4)
 * @param weight            weight (field 5; 1 when absent)
 * @param time              time (field 6; 0 when absent)
 * @param type              numeric edge type (field 7)
 * @param typeStr           edge type name or null (field 8)
 */
public record EdgeInsertion(long source, String sourceStr, long destination, String destinationStr, long weight,
    long time, long type, String typeStr) {

    /**
     * @param source      source name
     * @param destination destination name
     * @param type        edge type name, or null for type 0
     * @param weight      weight
     * @param time        time
     * @return an insertion named by strings
     */
    public static EdgeInsertion named(final String source, final String destination, final String type,
        final long weight, final long time) {
        return new EdgeInsertion(0, source, 0, destination, weight, time, 0, type);
    }

    /**
     * @param source      source id
     * @param destination destination id
     * @param type        edge type id
     * @param weight      weight
     * @param time        time
     * @return an insertion in numbers
     */
    public static EdgeInsertion numbered(final long source, final long destination, final long type, final long weight,
        final long time) {
        return new EdgeInsertion(source, null, destination, null, weight, time, type, null);
    }
}
