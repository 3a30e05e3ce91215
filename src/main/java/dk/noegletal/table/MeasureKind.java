package dk.noegletal.table;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a measure counts, which decides all arithmetic on it: how a quarter or year is made of months, whether it
 * may be summed over areas, and whether a national share or a share of the population means anything.
 */
public enum MeasureKind {
    /** A level at each moment, such as full-time persons: a quarter or year is the average of its months. */
    STOCK("stock", true, true),
    /** Events in a period, such as cases or sanctions: a quarter or year is the sum of its months. */
    FLOW("flow", true, true),
    /**
     * Distinct persons in a period: a person counted in two months is one person in the quarter, so a quarter or
     * year is only what was imported for it.
     */
    HEAD_COUNT("head-count", false, true),
    /** A percentage or average: only imported period values, never summed over areas, no shares. */
    RATIO("ratio", false, false);

    private static final Pattern PERCENT_LABEL = Pattern.compile("(?iu)\\bpct\\b|procent|\\bandel");

    private final String code;
    private final boolean fromMonths;
    private final boolean additive;

    MeasureKind(String code, boolean fromMonths, boolean additive) {
        this.code = code;
        this.fromMonths = fromMonths;
        this.additive = additive;
    }

    public String code() {
        return code;
    }

    /** Whether a quarter or year may be computed from its months (average for a stock, sum for a flow). */
    public boolean fromMonths() {
        return fromMonths;
    }

    /** Whether values of several areas may be added (regions, clusters, the country, shares). */
    public boolean additive() {
        return additive;
    }

    public static Optional<MeasureKind> parse(String text) {
        for (MeasureKind kind : values()) {
            if (text != null && kind.code.equalsIgnoreCase(text.trim())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static String codes() {
        return "stock, flow, head-count or ratio";
    }

    /**
     * Whether a measure's label says it is a percentage ("pct.", "procent", "andel"), so that its values are written
     * with " %".
     */
    public static boolean inPercent(String label) {
        return PERCENT_LABEL.matcher(label).find();
    }

    /**
     * The kind a Jobindsats label names, by these rules, in this order:
     * <ol>
     * <li>ratio: the label has "pct.", "procent", "andel", "gennemsnit", "gnsn." or "ift.", or begins with
     * "Varighed" (a share, a percentage or an average);</li>
     * <li>stock: the label has "fuldtidspersoner" (persons converted to full-time equivalents, a level);</li>
     * <li>flow: the label has "sager", "sanktion", "varsl", "afgørelse", "forløb", "tilgang", "afgang",
     * "timer" or "samtaler" (events or amounts within the period, which add up over months);</li>
     * <li>head count: everything else, such as "Antal personer": the safe default, as it is never made from months
     * (a person on benefits in two months is one person in the quarter).</li>
     * </ol>
     * An editor corrects a wrong guess in the catalogue.
     */
    public static MeasureKind infer(String label) {
        String text = label == null ? "" : label.toLowerCase(Locale.ROOT);
        if (text.contains("pct.") || text.contains("procent") || text.contains("andel")
                || text.contains("gennemsnit") || text.contains("gnsn.") || text.contains(" ift. ")
                || text.startsWith("varighed")) {
            return RATIO;
        }
        if (text.contains("fuldtidspersoner")) {
            return STOCK;
        }
        for (String word : new String[] {"sager", "sanktion", "varsl", "afgørelse", "forløb", "tilgang", "afgang",
                "timer", "samtaler"}) {
            if (text.contains(word)) {
                return FLOW;
            }
        }
        return HEAD_COUNT;
    }
}
