package io.dikw.microcluster.data;

import java.io.Serializable;
import java.util.List;

/**
 * Which columns of a numeric CSV file are the point, the label and the timestamp.
 *
 * @param columns      columns per row (−1: taken from the header or the first row)
 * @param features     0-based indexes of the point's attributes
 * @param featureNames their names
 * @param label        index of the label column, −1 for none
 * @param time         index of a timestamp column (seconds), −1 to time rows as index / rate
 * @param rate         rows per stream second when there is no timestamp column
 * @param header       whether the first line is a header
 */
public record CsvLayout(int columns, int[] features, List<String> featureNames, int label, int time, double rate,
    Header header) implements Serializable {
    /** Whether the first line names the columns. */
    public enum Header {
        /** It does. */
        YES,
        /** It does not. */
        NO,
        /** It does when its first field is not a number. */
        AUTO
    }

    /** Validates. */
    public CsvLayout {
        if (features.length == 0) {
            throw new IllegalArgumentException("no feature columns chosen");
        }
        if (features.length != featureNames.size()) {
            throw new IllegalArgumentException("features and featureNames differ in length");
        }
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + rate);
        }
        featureNames = List.copyOf(featureNames);
    }

    /** @return dimensions of a point */
    public int dims() {
        return features.length;
    }
}
