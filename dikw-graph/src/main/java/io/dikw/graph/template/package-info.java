/**
 * Template-driven record parsers (JSON lines and CSV) with STINGER's {@code $} keywords: a
 * template looks like a record, with keywords where vertices, types, weights and times are
 * found; each record yields the edges and vertex updates of every keyword group it matches.
 */
package io.dikw.graph.template;
