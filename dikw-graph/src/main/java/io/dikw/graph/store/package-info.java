/**
 * The dynamic graph store: per-vertex edge blocks of primitive longs, batches applied in
 * parallel, and the batch cycle (before/after hooks) that streaming algorithms plug into.
 */
package io.dikw.graph.store;
