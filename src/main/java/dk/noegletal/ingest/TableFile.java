package dk.noegletal.ingest;

import java.util.List;
import java.util.Objects;

/**
 * A file of one statistics table as read, before it is checked: the table it names itself (a Jobindsats v2
 * TableID or a tidy CSV file's table column; null otherwise), its dimension and measure labels in order, and its
 * rows. A Jobindsats export is wide (every row has a cell for every measure); a tidy CSV file is long (every line
 * has the cell of one measure).
 */
record TableFile(ImportFormat format, String namedTable, List<String> dimensions, List<String> measures,
        List<Row> rows) implements ImportFile, TableSource {

    /**
     * One row: where it is, its area and period, one member per dimension, and one value cell per measure, null
     * where the row does not name that measure (absent, which is not suppressed: a suppressed cell is a cell).
     * {@code status} is the row's ok or suppressed, when the file has such a column (tidy CSV), else null.
     */
    record Row(String location, Integer line, RawObservation.Cell area, RawObservation.Cell period,
            List<RawObservation.Cell> members, List<RawObservation.Cell> values, List<NumberStyle> styles,
            RawObservation.Cell status) {

        /** A row with a cell for every measure and no status column, as a Jobindsats export has. */
        Row(String location, Integer line, RawObservation.Cell area, RawObservation.Cell period,
                List<RawObservation.Cell> members, List<RawObservation.Cell> values, List<NumberStyle> styles) {
            this(location, line, area, period, members, values, styles, null);
        }

        /** Whether the row names the measure at this position. */
        boolean has(int measure) {
            return values.get(measure) != null;
        }

        /** The row with its members in another order: {@code order.get(d)} is the position the d-th comes from. */
        Row withMembers(List<Integer> order) {
            return new Row(location, line, area, period, order.stream().map(members::get).toList(), values, styles,
                    status);
        }
    }

    /** The observations the file states: the cells its rows have. */
    long observations() {
        return rows.stream().mapToLong(row -> row.values().stream().filter(Objects::nonNull).count()).sum();
    }

    @Override
    public void rows(java.util.function.Consumer<Row> each) {
        rows.forEach(each);
    }
}
