package io.dikw.social.storm;

import java.util.List;

/**
 * Consecutive input lines sent as one tuple: the protomeme bolt parses them one by one, and one
 * tuple per line cost the spout and the bolt as much as reading the line.
 *
 * @param firstLine the 1-based number of the first line (the others follow it)
 * @param lines the lines, raw
 * @param oversized per line: true when it was cut at the record limit
 */
public record LineChunk(long firstLine, List<String> lines, boolean[] oversized) {
}
