package dk.noegletal.export;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;

/**
 * A response that is one table wrapped in context, such as a series (an area, a target group, a measure) with its
 * points. Its CSV and workbook have one row per record of {@link #csvRows()}; plain {@code List} responses need no
 * such wrapper.
 */
public interface Tabular {

    /**
     * The media type every tabular endpoint produces next to JSON, after it:
     * {@code @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})}. JSON stays the default for clients that
     * accept anything. The workbook ({@link #XLSX}) is asked for through the same type (see {@code ExportFilters}).
     */
    String TEXT_CSV = "text/csv";

    /** An Excel workbook (Office Open XML spreadsheet), which every tabular endpoint also answers. */
    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * The file name without {@code .csv} or {@code .xlsx}, naming what the table is, e.g.
     * {@code key-figures-157-2018}.
     */
    String csvFileName();

    /** The records to write, one per row; see {@link #withContext} for columns that belong on every row. */
    List<?> csvRows();

    /**
     * The rows with the context they belong to in front of their own columns, so that every row stands on its own in
     * a spreadsheet or BI tool. Keys are named like JSON properties ({@code areaCode} becomes the column
     * {@code area_code}); the map's order is the column order. The row type names the columns of a table without
     * rows, which still has its header.
     */
    static <T> Rows withContext(Map<String, ?> context, List<? extends T> rows, Class<T> rowType) {
        return new Rows(context, rows, rowType);
    }

    /**
     * The same without a row type, for rows that are never none (a report has a row per target group of the
     * catalogue): should there be none, the table's header has only the context's columns.
     */
    static Rows withContext(Map<String, ?> context, List<?> rows) {
        return new Rows(context, rows, null);
    }

    /** One record with its context columns. */
    record WithContext(Map<String, ?> context, Object row) {
    }

    /** Records with their context columns, which know their columns when there are none. */
    final class Rows extends AbstractList<WithContext> {

        private final Map<String, ?> context;
        private final List<?> rows;
        private final Class<?> rowType;

        private Rows(Map<String, ?> context, List<?> rows, Class<?> rowType) {
            this.context = context;
            this.rows = rows;
            this.rowType = rowType;
        }

        Map<String, ?> context() {
            return context;
        }

        /** The type of a row, or null when the rows did not say. */
        Class<?> rowType() {
            return rowType;
        }

        @Override
        public WithContext get(int index) {
            return new WithContext(context, rows.get(index));
        }

        @Override
        public int size() {
            return rows.size();
        }
    }
}
