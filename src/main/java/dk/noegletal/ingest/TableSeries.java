package dk.noegletal.ingest;

import dk.noegletal.table.TableStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The series of a table file's observations as the file is read: the observations are gathered in batches, and
 * the members and measures a batch names that the catalogue lacks are registered before the batch is staged, so
 * that a file of any size registers its catalogue in a few statements and holds one batch in memory.
 */
final class TableSeries {

    private static final int BATCH_SIZE = 10_000;

    private final TableStore tables;
    private final TableStore.Shape shape;
    private final ImportStaging staging;
    private final boolean long_;
    private final Map<List<Object>, Long> series = new HashMap<>();
    private final Set<String> added = new LinkedHashSet<>();
    private final List<TableRowResolver.Resolved> batch = new ArrayList<>(BATCH_SIZE);

    /** {@code shape} names the table and its dimensions; its measures are the file's, as far as they are read. */
    TableSeries(TableStore tables, TableStore.Shape shape, ImportStaging staging, boolean longFile) {
        this.tables = tables;
        this.shape = shape;
        this.staging = staging;
        this.long_ = longFile;
    }

    /** Takes a row's observations; a full batch is registered and staged. */
    void stage(List<TableRowResolver.Resolved> observations) {
        batch.addAll(observations);
        if (batch.size() >= BATCH_SIZE) {
            flush();
        }
    }

    /** Registers and stages the observations taken so far. */
    void flush() {
        if (batch.isEmpty()) {
            return;
        }
        Set<List<String>> missing = new LinkedHashSet<>();
        for (TableRowResolver.Resolved observation : batch) {
            if (!series.containsKey(key(observation.measure(), observation.members()))) {
                missing.add(observation.members());
            }
        }
        if (!missing.isEmpty()) {
            List<String> measures = List.copyOf(shape.measures());
            List<List<String>> combinations = List.copyOf(missing);
            TableStore.Registered registered;
            try {
                registered = tables.register(new TableStore.Shape(shape.tableId(), shape.source(),
                        shape.dimensions(), measures, combinations));
            } catch (IllegalArgumentException e) {
                throw ImportErrors.fileError("columns", null, null, null, e.getMessage());
            }
            added.addAll(registered.added());
            for (int m = 0; m < measures.size(); m++) {
                for (List<String> combination : combinations) {
                    series.put(key(m, combination), registered.series(m, combination));
                }
            }
        }
        for (TableRowResolver.Resolved observation : batch) {
            TableFile.Row row = observation.row();
            // A repeated line is named by its value cell; a repeated row of an export by its period.
            RawObservation.Cell cell = long_ ? row.values().get(observation.measure()) : row.period();
            staging.add(series.get(key(observation.measure(), observation.members())), observation.areaCode(),
                    observation.period(), observation.value(),
                    new ImportStaging.Place(row.location(), row.line(), observation.rowNumber(), cell));
        }
        batch.clear();
    }

    /** What the import added to the catalogue, as sentences. */
    List<String> added() {
        return List.copyOf(added);
    }

    /**
     * Judges the file's repeated observations: the same value is kept once, and a row all of whose observations
     * are such repeats is counted (the count is returned); another value is an error naming both places, one per
     * row.
     */
    static int judgeRepeats(ImportStaging staging, boolean longFile, ImportErrors errors) {
        Map<Long, Integer> repeatsByRow = new HashMap<>();
        Set<Long> conflicting = new HashSet<>();
        for (ImportStaging.Judged judged : staging.repeats()) {
            ImportStaging.Place place = judged.repeat().place();
            if (judged.sameValue()) {
                repeatsByRow.merge(place.row(), 1, Integer::sum);
            } else if (conflicting.add(place.row())) {
                RawObservation.Cell cell = place.cell();
                String message = longFile
                        ? "the same area, period, members and measure as " + judged.first().location() + ", but "
                                + "another value (" + shown(judged.first().value()) + " there); an observation may "
                                + "be repeated only with the same value"
                        : "the same period, area and members as " + judged.first().location() + ", but other "
                                + "values; a row may be repeated only with the same values";
                errors.add(place.location(), place.line(), cell == null ? null : cell.column(),
                        cell == null ? null : cell.text(), message);
            }
        }
        int duplicateRows = 0;
        for (Map.Entry<Long, Integer> row : staging.statedByRepeatingRow().entrySet()) {
            if (!conflicting.contains(row.getKey()) && row.getValue().equals(repeatsByRow.get(row.getKey()))) {
                duplicateRows++;
            }
        }
        return duplicateRows;
    }

    private static String shown(java.math.BigDecimal value) {
        return value == null ? "suppressed" : value.stripTrailingZeros().toPlainString();
    }

    private static List<Object> key(int measure, List<String> members) {
        return List.of(measure, members);
    }
}
