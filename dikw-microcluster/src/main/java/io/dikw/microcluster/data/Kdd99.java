package io.dikw.microcluster.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The KDD Cup 1999 schema: 41 attributes and a label (the file has no header; labels end with a
 * dot, e.g. {@code smurf.}). CluStream practice keeps the 34 continuous attributes.
 */
public final class Kdd99 {
    /** The 41 attribute names in file order, then {@code label}. */
    public static final List<String> COLUMNS = List.of("duration", "protocol_type", "service", "flag", "src_bytes",
        "dst_bytes", "land", "wrong_fragment", "urgent", "hot", "num_failed_logins", "logged_in", "num_compromised",
        "root_shell", "su_attempted", "num_root", "num_file_creations", "num_shells", "num_access_files",
        "num_outbound_cmds", "is_host_login", "is_guest_login", "count", "srv_count", "serror_rate",
        "srv_serror_rate", "rerror_rate", "srv_rerror_rate", "same_srv_rate", "diff_srv_rate", "srv_diff_host_rate",
        "dst_host_count", "dst_host_srv_count", "dst_host_same_srv_rate", "dst_host_diff_srv_rate",
        "dst_host_same_src_port_rate", "dst_host_srv_diff_host_rate", "dst_host_serror_rate",
        "dst_host_srv_serror_rate", "dst_host_rerror_rate", "dst_host_srv_rerror_rate", "label");
    /** Attributes (0-based) that are symbolic or binary flags, not continuous. */
    public static final Set<Integer> SYMBOLIC = Set.of(1, 2, 3, 6, 11, 20, 21);
    /** Index of the label column. */
    public static final int LABEL = 41;

    private Kdd99() {
    }

    /** @return the 0-based indexes of the 34 continuous attributes */
    public static int[] continuousColumns() {
        final List<Integer> out = new ArrayList<>();
        for (int i = 0; i < LABEL; i++) {
            if (!SYMBOLIC.contains(i)) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * @param rate points per stream second (records have no timestamps)
     * @return the CSV layout of a KDD'99 file: 42 columns, no header (one is skipped if present),
     *     the 34 continuous attributes, the label last
     */
    public static CsvLayout layout(final double rate) {
        final int[] cols = continuousColumns();
        final List<String> names = new ArrayList<>();
        for (final int c : cols) {
            names.add(COLUMNS.get(c));
        }
        return new CsvLayout(COLUMNS.size(), cols, names, LABEL, -1, rate, CsvLayout.Header.AUTO);
    }
}
