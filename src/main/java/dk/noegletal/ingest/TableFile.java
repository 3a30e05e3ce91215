package dk.noegletal.ingest;

import java.util.List;

/**
 * A file of one statistics table as read, before it is checked: the table it names itself (a Jobindsats v2
 * TableID; null otherwise), its dimension and measure labels in column order, and its rows.
 */
record TableFile(ImportFormat format, String namedTable, List<String> dimensions, List<String> measures,
        List<Row> rows) {

    /** One row: where it is, its area and period, one member per dimension and one value per measure. */
    record Row(String location, Integer line, RawObservation.Cell area, RawObservation.Cell period,
            List<RawObservation.Cell> members, List<RawObservation.Cell> values, List<NumberStyle> styles) {
    }
}
