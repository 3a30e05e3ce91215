package dk.noegletal.export;

import java.util.List;
import java.util.Map;

/**
 * A response that is one table wrapped in context, such as a series (an area, a target group, a measure) with its
 * points. Its CSV has one row per record of {@link #csvRows()}; plain {@code List} responses need no such wrapper.
 */
public interface Tabular {

    /**
     * The media type every tabular endpoint produces next to JSON, after it:
     * {@code @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})}. JSON stays the default for clients that
     * accept anything.
     */
    String TEXT_CSV = "text/csv";

    /** The CSV file name without {@code .csv}, naming what the table is, e.g. {@code key-figures-157-2018}. */
    String csvFileName();

    /** The records to write, one per CSV row; see {@link #withContext} for columns that belong on every row. */
    List<?> csvRows();

    /**
     * The rows with the context they belong to in front of their own columns, so that every CSV row stands on its
     * own in a spreadsheet or BI tool. Keys are named like JSON properties ({@code areaCode} becomes the column
     * {@code area_code}); the map's order is the column order.
     */
    static List<WithContext> withContext(Map<String, ?> context, List<?> rows) {
        return rows.stream().map(row -> new WithContext(context, row)).toList();
    }

    /** One record with its context columns. */
    record WithContext(Map<String, ?> context, Object row) {
    }
}
