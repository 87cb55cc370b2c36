/** Concurrent string to id maps for vertex names, vertex types and edge types. */
package io.dikw.graph.names;
