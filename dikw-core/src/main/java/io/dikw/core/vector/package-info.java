/**
 * Sparse count vectors over 64-bit keys: immutable points ({@link io.dikw.core.vector.SparseVector}),
 * mutable sums used as centroids ({@link io.dikw.core.vector.SumVector}) and exact cosine
 * similarity between them.
 */
package io.dikw.core.vector;
