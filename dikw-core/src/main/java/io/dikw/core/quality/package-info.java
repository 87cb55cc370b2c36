/**
 * Clustering quality measures: {@link io.dikw.core.quality.Nmi} for partitions and
 * {@link io.dikw.core.quality.LfkNmi} for overlapping covers ({@link io.dikw.core.quality.Cover}).
 *
 * <p>Plain Java with no dependencies beyond the JDK, so every module (and the benchmarks) can
 * score a clustering against ground truth the same way.
 */
package io.dikw.core.quality;
