package dk.noegletal.ingest;

import dk.noegletal.table.MeasureKind;
import dk.noegletal.table.Slug;
import dk.noegletal.table.TableStore;
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
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the rows of a table file: every area known (Jobindsats' "Uoplyst område" rows are skipped and counted),
 * every period readable, every value a number (or blank), no negative count. Duplicates are judged per
 * observation, by area, period, members and measure: an observation repeated with the same value is kept once,
 * and a row (a CSV line) all of whose observations are such repeats is counted; repeated with another value, it
 * is an error naming both rows. Members and measures are told apart by their codes: "I alt" and "i alt" are one
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

    private TableRowResolver() {
    }

    /** One value to store: area, period, the members (labels, in dimension order) and the measure's position. */
    record Resolved(String areaCode, Period period, List<String> members, int measure, BigDecimal value) {
    }

    record Result(List<Resolved> observations, List<List<String>> combinations, int skippedRows,
            int duplicateRows) {
    }

    /** The first row that stated an observation, and its value (null when suppressed). */
    private record Seen(TableFile.Row row, BigDecimal value) {
    }

    static Result resolve(TableFile file, Map<String, String> areaCodes, Function<String, MeasureKind> kinds,
            ImportErrors errors) {
        checkLabels(file);
        List<MeasureKind> measureKinds = file.measures().stream().map(kinds).toList();
        boolean long_ = file.format() == ImportFormat.TIDY_CSV;
        List<Map<String, String>> memberLabels = new ArrayList<>();
        file.dimensions().forEach(dimension -> memberLabels.add(new HashMap<>()));
        List<Resolved> resolved = new ArrayList<>();
        Set<List<String>> combinations = new LinkedHashSet<>();
        Map<List<Object>, Seen> seen = new HashMap<>();
        int skipped = 0;
        int duplicates = 0;
        for (TableFile.Row row : file.rows()) {
            int before = errors.count();
            RawObservation.Cell areaCell = row.area();
            if (areaCell.trimmed().toLowerCase(Locale.ROOT).equals(UNKNOWN_AREA)) {
                skipped++;
                continue;
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
            List<String> members = new ArrayList<>();
            List<String> memberCodes = new ArrayList<>();
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
                memberCodes.add(code);
            }
            List<BigDecimal> values = new ArrayList<>();
            for (int m = 0; m < row.values().size(); m++) {
                values.add(row.has(m) ? value(row, m, file.measures().get(m), measureKinds.get(m), errors)
                        : null);
            }
            if (errors.count() > before) {
                continue;
            }
            List<Resolved> fresh = new ArrayList<>();
            int stated = 0;
            int repeated = 0;
            for (int m = 0; m < values.size(); m++) {
                if (!row.has(m)) {
                    continue;
                }
                stated++;
                List<Object> key = new ArrayList<>(List.of(area, period, m));
                key.addAll(memberCodes);
                BigDecimal value = values.get(m);
                Seen first = seen.putIfAbsent(key, new Seen(row, value));
                if (first == null) {
                    fresh.add(new Resolved(area, period, List.copyOf(members), m, value));
                } else if (same(first.value(), value)) {
                    repeated++;
                } else {
                    conflict(errors, row, first.row(), m, long_);
                    break;
                }
            }
            if (errors.count() > before) {
                continue;
            }
            if (stated > 0 && repeated == stated) {
                duplicates++;
            }
            if (!fresh.isEmpty()) {
                combinations.add(List.copyOf(members));
                resolved.addAll(fresh);
            }
        }
        return new Result(resolved, List.copyOf(combinations), skipped, duplicates);
    }

    /** The labels of the file's dimensions and measures fit the catalogue. */
    private static void checkLabels(TableFile file) {
        for (String dimension : file.dimensions()) {
            if (dimension.trim().length() > DIMENSION_LABEL || Slug.of(dimension).length() > DIMENSION_CODE) {
                throw ImportErrors.fileError("columns", null, ImportErrors.shorten(dimension, 40), null,
                        "the dimension's label is longer than a dimension's may be (" + DIMENSION_CODE
                                + " characters)");
            }
        }
        for (String measure : file.measures()) {
            if (measure.trim().length() > LABEL || Slug.of(measure).length() > CODE) {
                throw ImportErrors.fileError("columns", null, ImportErrors.shorten(measure, 40), null,
                        "the measure's label is longer than a measure's may be (" + LABEL + " characters)");
            }
        }
    }

    private static void conflict(ImportErrors errors, TableFile.Row row, TableFile.Row first, int measure,
            boolean long_) {
        if (long_) {
            RawObservation.Cell cell = row.values().get(measure);
            RawObservation.Cell earlier = first.values().get(measure);
            add(errors, row, cell, "the same area, period, members and measure as " + first.location() + ", but "
                    + "another value (" + (earlier == null || earlier.isBlank() ? "empty" : earlier.trimmed())
                    + " there); an observation may be repeated only with the same value");
        } else {
            add(errors, row, row.period(), "the same period, area and members as " + first.location()
                    + ", but other values; a row may be repeated only with the same values");
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
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

    /** The observations with the series the catalogue gave them. */
    static List<TableStore.Observation> observations(Result result, TableStore.Registered registered) {
        return result.observations().stream().map(o -> new TableStore.Observation(
                registered.series(o.measure(), o.members()), o.areaCode(), o.period(), o.value())).toList();
    }
}
