package dk.noegletal.ingest;

import dk.noegletal.table.MeasureKind;
import dk.noegletal.table.Slug;
import dk.noegletal.timeseries.ObservationInput;
import dk.noegletal.timeseries.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the rows of a table file: every area known (Jobindsats' "Uoplyst område" rows are skipped and counted),
 * every period readable, every value a number (or blank), no negative count, one row at a time. Repeats are judged
 * where the import stages the observations ({@link ImportStaging}, {@link TableSeries}). Members and measures are told apart by their codes: "I alt" and "i alt" are one
 * member, written as the file first writes it.
 */
final class TableRowResolver {

    /** Jobindsats' rows for persons whose municipality is unknown; they belong to no area. */
    static final String UNKNOWN_AREA = "uoplyst område";
    private static final Set<String> SUPPRESSION_MARKS = Set.of("", ".", "..", "-");
    private static final BigDecimal LARGEST = new BigDecimal("1000000000000");
    /** What the catalogue's columns hold (V8__tables.sql): label and code of a dimension, member and measure. */
    private static final int DIMENSION_LABEL = 200;
    private static final int DIMENSION_CODE = 100;
    private static final int LABEL = 300;
    private static final int CODE = 200;

    private final Map<String, String> areaCodes;
    private final Function<String, MeasureKind> kinds;
    private final ImportErrors errors;
    private final TableSource file;
    private final List<MeasureKind> measureKinds = new ArrayList<>();
    private final List<Map<String, String>> memberLabels = new ArrayList<>();
    private long rows;
    private int skipped;

    /**
     * Checks the rows of one file, one at a time, adding what is wrong to {@code errors}.
     *
     * @param kinds the kind of a measure by its label (the stored one, or as inferred)
     */
    TableRowResolver(TableSource file, Map<String, String> areaCodes, Function<String, MeasureKind> kinds,
            ImportErrors errors) {
        checkDimensions(file.dimensions());
        this.file = file;
        this.areaCodes = areaCodes;
        this.kinds = kinds;
        this.errors = errors;
        file.dimensions().forEach(dimension -> memberLabels.add(new HashMap<>()));
    }

    /**
     * One value to store: area, period, the members (labels, in dimension order), the measure's position, and the
     * row it is stated in (its number in the file, from 0).
     */
    record Resolved(String areaCode, Period period, List<String> members, int measure, BigDecimal value,
            TableFile.Row row, long rowNumber) {
    }

    record Result(List<Resolved> observations, List<List<String>> combinations, int skippedRows) {
    }

    /** Checks a small file whole (the resolver's tests; an import resolves row by row). */
    static Result resolve(TableFile file, Map<String, String> areaCodes, Function<String, MeasureKind> kinds,
            ImportErrors errors) {
        TableRowResolver resolver = new TableRowResolver(file, areaCodes, kinds, errors);
        List<Resolved> resolved = new ArrayList<>();
        Set<List<String>> combinations = new LinkedHashSet<>();
        file.rows(row -> resolver.resolve(row).forEach(observation -> {
            resolved.add(observation);
            combinations.add(observation.members());
        }));
        return new Result(resolved, List.copyOf(combinations), resolver.skippedRows());
    }

    /** Rows skipped so far: Jobindsats' rows of no known area ("Uoplyst område"). */
    int skippedRows() {
        return skipped;
    }

    /** The observations a row states; none when it is skipped or wrong (its errors added). */
    List<Resolved> resolve(TableFile.Row row) {
        long number = rows++;
        int before = errors.count();
        RawObservation.Cell areaCell = row.area();
        if (areaCell.trimmed().toLowerCase(Locale.ROOT).equals(UNKNOWN_AREA)) {
            skipped++;
            return List.of();
        }
        String area = areaCodes.get(areaCell.trimmed());
        if (area == null) {
            add(errors, row, areaCell, areaCell.isBlank() ? "the area is missing" : "unknown area '"
                    + areaCell.trimmed() + "'; use an area code such as 157 or a name such as Gentofte (see "
                    + "/api/v1/areas)");
        }
        Period period = null;
        try {
            period = Period.parse(row.period().text());
        } catch (IllegalArgumentException e) {
            add(errors, row, row.period(), e.getMessage());
        }
        List<String> members = new ArrayList<>(row.members().size());
        for (int d = 0; d < row.members().size(); d++) {
            RawObservation.Cell member = row.members().get(d);
            if (member.isBlank()) {
                add(errors, row, member, "the member of '" + member.column() + "' is missing");
            } else if (member.trimmed().length() > LABEL || Slug.of(member.trimmed()).length() > CODE) {
                add(errors, row, member, "the member is longer than a member may be (" + LABEL
                        + " characters)");
            }
            String code = Slug.of(member.trimmed());
            members.add(memberLabels.get(d).computeIfAbsent(code, c -> member.trimmed()));
        }
        List<BigDecimal> values = new ArrayList<>(row.values().size());
        for (int m = 0; m < row.values().size(); m++) {
            values.add(row.has(m) ? value(row, m, file.measures().get(m), kind(m), errors) : null);
        }
        if (errors.count() > before) {
            return List.of();
        }
        List<String> combination = List.copyOf(members);
        List<Resolved> resolved = new ArrayList<>(values.size());
        for (int m = 0; m < values.size(); m++) {
            if (row.has(m)) {
                resolved.add(new Resolved(area, period, combination, m, values.get(m), row, number));
            }
        }
        return resolved;
    }

    /** The kind of the measure at a position, its label checked the first time. */
    private MeasureKind kind(int measure) {
        while (measureKinds.size() <= measure) {
            String label = file.measures().get(measureKinds.size());
            if (label.trim().length() > LABEL || Slug.of(label).length() > CODE) {
                throw ImportErrors.fileError("columns", null, ImportErrors.shorten(label, 40), null,
                        "the measure's label is longer than a measure's may be (" + LABEL + " characters)");
            }
            measureKinds.add(kinds.apply(label));
        }
        return measureKinds.get(measure);
    }

    /** The labels of the file's dimensions fit the catalogue. */
    private static void checkDimensions(List<String> dimensions) {
        for (String dimension : dimensions) {
            if (dimension.trim().length() > DIMENSION_LABEL || Slug.of(dimension).length() > DIMENSION_CODE) {
                throw ImportErrors.fileError("columns", null, ImportErrors.shorten(dimension, 40), null,
                        "the dimension's label is longer than a dimension's may be (" + DIMENSION_CODE
                                + " characters)");
            }
        }
    }

    /**
     * The value of a measure cell, null when suppressed (or wrong, with an error added). A row's status, where the
     * file has one, must agree with the cell.
     */
    private static BigDecimal value(TableFile.Row row, int measure, String label, MeasureKind kind,
            ImportErrors errors) {
        RawObservation.Cell cell = row.values().get(measure);
        String text = cell.trimmed();
        String status = row.status() == null ? "" : row.status().trimmed().toLowerCase(Locale.ROOT);
        if (!status.isEmpty() && !status.equals("ok") && !status.equals("suppressed")) {
            add(errors, row, row.status(), "unknown status '" + row.status().trimmed() + "'; use ok or suppressed");
            return null;
        }
        if (cell.text() == null || SUPPRESSION_MARKS.contains(text)) {
            if (status.equals("ok")) {
                add(errors, row, cell, "the status is ok but there is no value");
            }
            return null;
        }
        if (status.equals("suppressed")) {
            add(errors, row, cell, "the status is suppressed but a value is given");
            return null;
        }
        BigDecimal value;
        try {
            value = row.styles().get(measure).parse(text);
        } catch (NumberFormatException e) {
            add(errors, row, cell, e.getMessage());
            return null;
        }
        if (value.signum() < 0 && kind != MeasureKind.RATIO) {
            add(errors, row, cell, "negative values are not allowed for a count ('" + label + "' is a "
                    + kind.code() + ")");
            return null;
        }
        if (value.abs().compareTo(LARGEST) >= 0) {
            add(errors, row, cell, "the value is too large for a statistic");
            return null;
        }
        return value.setScale(ObservationInput.SCALE, RoundingMode.HALF_UP);
    }

    private static void add(ImportErrors errors, TableFile.Row row, RawObservation.Cell cell, String message) {
        errors.add(row.location(), row.line(), cell == null ? null : cell.column(), cell == null ? null : cell.text(),
                message);
    }
}
