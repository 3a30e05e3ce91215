package dk.noegletal.comparison;

import dk.noegletal.common.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One area to compare with, as the {@code with} parameter names it: {@code region} (a municipality's region),
 * {@code country}, {@code cluster:CODE} or a plain area code. The words win over a cluster of the same code, which
 * {@code cluster:CODE} still reaches.
 */
public record ComparisonWith(Kind kind, String code) {

    /** The comparison areas when {@code with} is not given: the area's region and the country. */
    static final List<ComparisonWith> DEFAULT = List.of(new ComparisonWith(Kind.REGION, null),
            new ComparisonWith(Kind.COUNTRY, null));

    public enum Kind {
        REGION, COUNTRY, CLUSTER, AREA
    }

    private static final String CLUSTER_PREFIX = "cluster:";

    /** How the entry is written in the {@code with} parameter, and in the response. */
    String text() {
        return switch (kind) {
            case REGION -> "region";
            case COUNTRY -> "country";
            case CLUSTER -> CLUSTER_PREFIX + code;
            case AREA -> code;
        };
    }

    /**
     * The entries of every {@code with} parameter, each a comma-separated list; {@link #DEFAULT} when there are
     * none.
     */
    public static List<ComparisonWith> parse(List<String> parameters) {
        List<ComparisonWith> entries = new ArrayList<>();
        for (String parameter : parameters == null ? List.<String>of() : parameters) {
            for (String entry : parameter.split(",", -1)) {
                String text = entry.trim();
                if (!text.isEmpty()) {
                    entries.add(parseOne(text));
                }
            }
        }
        return entries.isEmpty() ? DEFAULT : List.copyOf(entries);
    }

    private static ComparisonWith parseOne(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("region")) {
            return new ComparisonWith(Kind.REGION, null);
        }
        if (lower.equals("country")) {
            return new ComparisonWith(Kind.COUNTRY, null);
        }
        if (lower.startsWith(CLUSTER_PREFIX)) {
            String code = text.substring(CLUSTER_PREFIX.length()).trim();
            if (code.isEmpty()) {
                throw invalid("'" + text + "' in 'with' names no cluster; write cluster: and its code, e.g. "
                        + "cluster:nordsjaelland.");
            }
            return new ComparisonWith(Kind.CLUSTER, code);
        }
        return new ComparisonWith(Kind.AREA, text);
    }

    static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-parameter", "Invalid request parameter", detail);
    }
}
