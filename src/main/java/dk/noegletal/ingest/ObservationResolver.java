package dk.noegletal.ingest;

import dk.noegletal.measure.Measure;
import dk.noegletal.targetgroup.TargetGroupService;
import dk.noegletal.timeseries.ObservationInput;
import dk.noegletal.timeseries.ObservationKey;
import dk.noegletal.timeseries.ObservationStatus;
import dk.noegletal.timeseries.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks a file's observations against the catalogue and turns them into what is stored. */
final class ObservationResolver {

    /** Jobindsats blanks small or unreliable cells with these marks; an empty cell means the same. */
    private static final Set<String> SUPPRESSION_MARKS = Set.of("", ".", "..", "-");
    private static final BigDecimal LARGEST = new BigDecimal("1000000000000");
    /**
     * Jobindsats' total over all benefit groups. The service computes "I alt" itself, as the sum of the top-level
     * groups, and never stores one: rows with these labels are skipped, not stored and not an error. A group's own
     * total ("Kontanthjælp i alt") is no such row and is not among them.
     */
    private static final Set<String> TOTAL_LABELS = Set.of("ydelsesgrupper i alt", "i alt");

    /**
     * What a file may name: areas by code or exact name, target groups by code, catalogue name or Jobindsats
     * label (keys as {@link TargetGroupService#normalise(String)} gives them).
     */
    record Catalogue(Map<String, String> areaCodes, Map<String, String> targetGroupCodes) {
    }

    private final Catalogue catalogue;
    private final ImportErrors errors;
    private final RowErrors rowErrors;
    private String lastSkipped;
    private int skippedRows;
    private ObservationKey lastKey;

    /** Checks the rows of one file, one at a time, adding what is wrong to {@code errors}. */
    ObservationResolver(Catalogue catalogue, ImportErrors errors) {
        this.catalogue = catalogue;
        this.errors = errors;
        this.rowErrors = new RowErrors(errors);
    }

    /**
     * The observations to store, in file order; rows of Jobindsats' total over all groups are left out (see
     * {@link #skippedRows(List)}). An observation's key stated twice is found where the import stages them.
     */
    static List<ObservationInput> resolve(List<RawObservation> rows, Catalogue catalogue, ImportErrors errors) {
        ObservationResolver resolver = new ObservationResolver(catalogue, errors);
        List<ObservationInput> resolved = new ArrayList<>(rows.size());
        rows.forEach(row -> resolver.resolve(row).ifPresent(resolved::add));
        return resolved;
    }

    /** The observation a row states; empty when the row is skipped (a total) or wrong (its errors added). */
    Optional<ObservationInput> resolve(RawObservation row) {
        lastKey = null;
        if (isTotal(row)) {
            if (!row.location().equals(lastSkipped)) {
                skippedRows++;
                lastSkipped = row.location();
            }
            return Optional.empty();
        }
        int before = errors.count();
        Optional<String> area = area(row, catalogue, rowErrors);
        Optional<Measure> measure = measure(row, errors);
        Optional<String> group = measure.isPresent() ? targetGroup(row, measure.get(), catalogue, rowErrors)
                : Optional.empty();
        Optional<Period> period = period(row, rowErrors);
        Optional<ObservationInput> value = Optional.empty();
        if (area.isPresent() && measure.isPresent() && period.isPresent()
                && (group.isPresent() || !measure.get().perTargetGroup())) {
            ObservationKey key = new ObservationKey(area.get(), group.orElse(null), measure.get(), period.get());
            value = value(row, key, errors);
            lastKey = key;
        }
        return errors.count() == before ? value : Optional.empty();
    }

    /**
     * The key of the row last resolved, when its area, target group, measure and period were readable (also when
     * its value was not): a later row with this key repeats it.
     */
    Optional<ObservationKey> lastKey() {
        return Optional.ofNullable(lastKey);
    }

    /**
     * Judges the file's repeated keys: in the målgruppe table every repeat is an error naming the first place of its
     * key, whatever its value.
     */
    static void judgeRepeats(ImportStaging staging, ImportErrors errors) {
        for (ImportStaging.Judged repeat : staging.repeats()) {
            ImportStaging.Place place = repeat.repeat().place();
            errors.add(place.location(), place.line(), place.cell() == null ? null : place.cell().column(),
                    place.cell() == null ? null : place.cell().text(),
                    "the same area, target group, measure and period as " + repeat.first().location());
        }
    }

    /** The rows skipped so far as Jobindsats' total over all groups (a row with four measures counts once). */
    int skippedRows() {
        return skippedRows;
    }

    /**
     * How many rows of the file {@link #resolve} skips as Jobindsats' total over all groups ("Ydelsesgrupper i
     * alt"): rows of the file, not observations, so a Jobindsats row with four measure columns counts once.
     */
    static int skippedRows(List<RawObservation> rows) {
        return (int) rows.stream().filter(ObservationResolver::isTotal).map(RawObservation::location).distinct()
                .count();
    }

    private static boolean isTotal(RawObservation row) {
        RawObservation.Cell cell = row.targetGroup();
        return cell != null && !cell.isBlank() && TOTAL_LABELS.contains(TargetGroupService.normalise(cell.text()));
    }

    /**
     * Reports an error about a cell every observation of a file row shares (area, target group, period) once for the
     * row: a Jobindsats row with an unknown label and four measure columns is one error, not four.
     */
    private static final class RowErrors {

        private final ImportErrors errors;
        /** What was reported about the row being read; the rows of a file come one after another. */
        private final Set<List<String>> reported = new HashSet<>();
        private String location;

        RowErrors(ImportErrors errors) {
            this.errors = errors;
        }

        void add(RawObservation row, RawObservation.Cell cell, String message) {
            if (!row.location().equals(location)) {
                reported.clear();
                location = row.location();
            }
            if (reported.add(Arrays.asList(row.location(), cell == null ? null : cell.column(), message))) {
                errors.add(row, cell, message);
            }
        }
    }

    private static Optional<String> area(RawObservation row, Catalogue catalogue, RowErrors errors) {
        RawObservation.Cell cell = row.area();
        String code = cell == null ? null : catalogue.areaCodes().get(cell.trimmed());
        if (code == null) {
            errors.add(row, cell, cell == null || cell.isBlank() ? "the area is missing"
                    : "unknown area '" + cell.trimmed() + "'; use an area code such as 157 or a name such as "
                            + "Gentofte (see /api/v1/areas)");
        }
        return Optional.ofNullable(code);
    }

    private static Optional<Measure> measure(RawObservation row, ImportErrors errors) {
        RawObservation.Cell cell = row.measure();
        Optional<Measure> measure = cell == null ? Optional.empty() : Measure.find(cell.text());
        if (measure.isEmpty()) {
            errors.add(row, cell, cell == null || cell.isBlank() ? "the measure is missing"
                    : "unknown measure '" + cell.trimmed() + "'; use one of " + Measure.codes());
        }
        return measure;
    }

    private static Optional<String> targetGroup(RawObservation row, Measure measure, Catalogue catalogue,
            RowErrors errors) {
        RawObservation.Cell cell = row.targetGroup();
        boolean blank = cell == null || cell.isBlank();
        if (!measure.perTargetGroup()) {
            if (!blank) {
                errors.add(row, cell, "the measure " + measure.code() + " has no target group; leave it empty");
            }
            return Optional.empty();
        }
        if (blank) {
            errors.add(row, cell, "the target group is missing; " + measure.code() + " is counted per group");
            return Optional.empty();
        }
        String code = catalogue.targetGroupCodes().get(TargetGroupService.normalise(cell.text()));
        if (code == null) {
            errors.add(row, cell, "unknown target group '" + cell.trimmed()
                    + "'; use a code or name from /api/v1/target-groups");
        }
        return Optional.ofNullable(code);
    }

    private static Optional<Period> period(RawObservation row, RowErrors errors) {
        RawObservation.Cell cell = row.period();
        try {
            return Optional.of(Period.parse(cell == null ? null : cell.text()));
        } catch (IllegalArgumentException e) {
            errors.add(row, cell, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<ObservationInput> value(RawObservation row, ObservationKey key, ImportErrors errors) {
        RawObservation.Cell cell = row.value();
        String text = cell == null ? "" : cell.trimmed();
        String status = row.status() == null ? "" : row.status().trimmed().toLowerCase(Locale.ROOT);
        if (!status.isEmpty() && !status.equals("ok") && !status.equals("suppressed")) {
            errors.add(row, row.status(), "unknown status '" + row.status().trimmed() + "'; use ok or suppressed");
            return Optional.empty();
        }
        if (SUPPRESSION_MARKS.contains(text)) {
            if (status.equals("ok")) {
                errors.add(row, cell, "the status is ok but there is no value");
                return Optional.empty();
            }
            return Optional.of(new ObservationInput(key, null, ObservationStatus.SUPPRESSED));
        }
        if (status.equals("suppressed")) {
            errors.add(row, cell, "the status is suppressed but a value is given");
            return Optional.empty();
        }
        BigDecimal value;
        try {
            value = row.numberStyle().parse(text);
        } catch (NumberFormatException e) {
            errors.add(row, cell, e.getMessage());
            return Optional.empty();
        }
        if (value.signum() < 0) {
            errors.add(row, cell, "negative values are not allowed");
            return Optional.empty();
        }
        if (value.compareTo(LARGEST) >= 0) {
            errors.add(row, cell, "the value is too large to be a count of persons");
            return Optional.empty();
        }
        return Optional.of(new ObservationInput(key, value.setScale(ObservationInput.SCALE, RoundingMode.HALF_UP),
                ObservationStatus.OK));
    }
}
