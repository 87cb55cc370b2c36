package io.dikw.graph.names;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The server's three name maps: vertices (ids below the store's cap), vertex types and edge
 * types (ids below 65,536, the store's edge type range).
 */
public final class Names {
    /** Longest vertex or type name, in chars (STINGER's limit is 255 bytes by default; ours is wider). */
    public static final int MAX_NAME_LENGTH = 1024;
    /** Number of edge types (ids {@code [0, 65535]}). */
    public static final int EDGE_TYPES = 1 << 16;

    private final NameMap vertices;
    private final NameMap vertexTypes = new NameMap("vertex type", Integer.MAX_VALUE, MAX_NAME_LENGTH);
    private final NameMap edgeTypes = new NameMap("edge type", EDGE_TYPES, MAX_NAME_LENGTH);

    /** @param maxVertices the cap on vertex ids */
    public Names(final int maxVertices) {
        vertices = new NameMap("vertex", maxVertices, MAX_NAME_LENGTH);
    }

    /** @return vertex names */
    public NameMap vertices() {
        return vertices;
    }

    /** @return vertex type names */
    public NameMap vertexTypes() {
        return vertexTypes;
    }

    /** @return edge type names */
    public NameMap edgeTypes() {
        return edgeTypes;
    }

    /**
     * @param out where to write all three maps
     * @throws IOException if writing fails
     */
    public void writeTo(final DataOutputStream out) throws IOException {
        vertices.writeTo(out);
        vertexTypes.writeTo(out);
        edgeTypes.writeTo(out);
    }

    /**
     * @param in where to read all three maps
     * @throws IOException if reading fails
     */
    public void readFrom(final DataInputStream in) throws IOException {
        vertices.readFrom(in);
        vertexTypes.readFrom(in);
        edgeTypes.readFrom(in);
    }
}
