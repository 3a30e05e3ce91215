package dk.noegletal.measure;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What an observation counts. Codes are used in the API, labels are how Jobindsats names the measure. */
public enum Measure {
    FULL_TIME_PERSONS("full-time-persons", "Antal fuldtidspersoner",
            "Persons converted to full-time equivalents (fuldtidspersoner).", true),
    PERSONS("persons", "Antal personer", "Head count of persons.", true),
    POPULATION_16_66("population-16-66", "Befolkningen 16-66 år",
            "Population aged 16-66, the denominator of shares of the population.", false),
    LABOUR_FORCE_16_66("labour-force-16-66", "Arbejdsstyrken 16-66 år", "Labour force aged 16-66.", false);

    /**
     * Jobindsats columns holding figures this service computes itself from the stored counts; an import skips
     * them (and says so) rather than storing a second, possibly inconsistent, version.
     */
    private static final Set<String> DERIVED_LABELS = Set.of(
            "fuldtidspersoner i pct. af befolkningen 16-66 år",
            "personer i pct. af befolkningen 16-66 år",
            "fuldtidspersoner i pct. af arbejdsstyrken 16-66 år",
            "personer i pct. af arbejdsstyrken 16-66 år");

    private final String code;
    private final String label;
    private final String description;
    private final boolean perTargetGroup;

    Measure(String code, String label, String description, boolean perTargetGroup) {
        this.code = code;
        this.label = label;
        this.description = description;
        this.perTargetGroup = perTargetGroup;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Whether observations of this measure belong to a target group (population figures do not). */
    public boolean perTargetGroup() {
        return perTargetGroup;
    }

    /** Finds a measure by its code or its Danish label, ignoring letter case and surrounding space. */
    public static Optional<Measure> find(String codeOrLabel) {
        String wanted = codeOrLabel == null ? "" : codeOrLabel.trim();
        for (Measure measure : values()) {
            if (measure.code.equalsIgnoreCase(wanted) || measure.label.equalsIgnoreCase(wanted)) {
                return Optional.of(measure);
            }
        }
        if (wanted.equalsIgnoreCase("Befolkning 16-66 år")) {
            return Optional.of(POPULATION_16_66);
        }
        return Optional.empty();
    }

    public static boolean isDerivedLabel(String label) {
        return label != null && DERIVED_LABELS.contains(label.trim().toLowerCase(Locale.ROOT));
    }

    public static String codes() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Measure::code).toList());
    }
}
