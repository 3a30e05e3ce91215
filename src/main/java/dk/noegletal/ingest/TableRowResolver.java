package dk.noegletal.ingest;

import dk.noegletal.table.MeasureKind;
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
 * every period readable, every value a number (or blank), no negative count. A row repeated with the same values is
 * kept once and counted; repeated with other values, it is an error naming both rows.
 */
final class TableRowResolver {

    /** Jobindsats' rows for persons whose municipality is unknown; they belong to no area. */
    static final String UNKNOWN_AREA = "uoplyst område";
    private static final Set<String> SUPPRESSION_MARKS = Set.of("", ".", "..", "-");
    private static final BigDecimal LARGEST = new BigDecimal("1000000000000");

    private TableRowResolver() {
    }

    /** One value to store: area, period, the members (labels, in dimension order) and the measure's position. */
    record Resolved(String areaCode, Period period, List<String> members, int measure, BigDecimal value) {
    }

    record Result(List<Resolved> observations, List<List<String>> combinations, int skippedRows,
            int duplicateRows) {
    }

    static Result resolve(TableFile file, Map<String, String> areaCodes, Function<String, MeasureKind> kinds,
            ImportErrors errors) {
        List<MeasureKind> measureKinds = file.measures().stream().map(kinds).toList();
        List<Resolved> resolved = new ArrayList<>();
        Set<List<String>> combinations = new LinkedHashSet<>();
        Map<List<Object>, TableFile.Row> seen = new HashMap<>();
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
            for (int d = 0; d < row.members().size(); d++) {
                RawObservation.Cell member = row.members().get(d);
                if (member.isBlank()) {
                    add(errors, row, member, "the member of '" + member.column() + "' is missing");
                }
                members.add(member.trimmed());
            }
            List<BigDecimal> values = new ArrayList<>();
            for (int m = 0; m < row.values().size(); m++) {
                values.add(value(row, m, measureKinds.get(m), errors));
            }
            if (errors.count() > before) {
                continue;
            }
            List<Object> key = new ArrayList<>(List.of(area, period));
            members.forEach(member -> key.add(member.toLowerCase(Locale.ROOT)));
            TableFile.Row first = seen.putIfAbsent(key, row);
            if (first != null) {
                if (sameValues(first, row, file, measureKinds, errors)) {
                    duplicates++;
                } else {
                    add(errors, row, row.period(), "the same period, area and members as " + first.location()
                            + ", but other values; a row may be repeated only with the same values");
                }
                continue;
            }
            combinations.add(List.copyOf(members));
            for (int m = 0; m < values.size(); m++) {
                BigDecimal value = values.get(m);
                resolved.add(new Resolved(area, period, List.copyOf(members), m, value));
            }
        }
        return new Result(resolved, List.copyOf(combinations), skipped, duplicates);
    }

    private static boolean sameValues(TableFile.Row first, TableFile.Row row, TableFile file,
            List<MeasureKind> kinds, ImportErrors errors) {
        ImportErrors ignored = new ImportErrors(0);
        for (int m = 0; m < file.measures().size(); m++) {
            BigDecimal a = value(first, m, kinds.get(m), ignored);
            BigDecimal b = value(row, m, kinds.get(m), ignored);
            if (!(Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0))) {
                return false;
            }
        }
        return true;
    }

    /** The value of a measure cell, null when suppressed (or wrong, with an error added). */
    private static BigDecimal value(TableFile.Row row, int measure, MeasureKind kind, ImportErrors errors) {
        RawObservation.Cell cell = row.values().get(measure);
        String text = cell.trimmed();
        if (cell.text() == null || SUPPRESSION_MARKS.contains(text)) {
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
            add(errors, row, cell, "negative values are not allowed for a count ('" + cell.column() + "' is a "
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
