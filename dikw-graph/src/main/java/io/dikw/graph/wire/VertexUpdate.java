package io.dikw.graph.wire;

/**
 * One vertex update as on the wire (STINGER's {@code VertexUpdate}).
 *
 * @param vertex       numeric vertex (field 1)
 * @param vertexStr    vertex name or null (field 2)
 * @param type         numeric vertex type, or -1 to keep it (field 3)
 * @param typeStr      vertex type name or null (field 4)
 * @param hasSetWeight whether {@code setWeight} was sent
 * @param setWeight    the weight to set (field 5)
 * @param incrWeight   added to the weight (field 6)
 */
public record VertexUpdate(long vertex, String vertexStr, long type, String typeStr, boolean hasSetWeight,
    long setWeight, long incrWeight) {
}
