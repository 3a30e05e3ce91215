package dk.noegletal.timeseries;

import dk.noegletal.common.ProblemException;
import java.util.function.Function;

/** Reads a period given as a query parameter; a bad one is a 400 that names the accepted forms. */
public final class PeriodParameter {

    /** The accepted forms where the words for the newest stored period are accepted too. */
    private static final String ACCEPTED_OR_LATEST = Period.ACCEPTED_FORMS + ", or " + LatestPeriod.ACCEPTED;

    /** How the OpenAPI document describes a period parameter that takes the words. */
    public static final String DESCRIPTION_OR_LATEST = "Month (2018-12 or 2018M12), quarter (2018Q4) or year (2018); "
            + "or latest: the newest month stored (where no month is, the newest quarter, else the newest year), "
            + "latest-month, latest-quarter or latest-year (a quarter or year counts when any of its months is stored, "
            + "so it may be partial: see completeness). The answer gives the period it resolved to; 404 when nothing "
            + "is stored.";

    private PeriodParameter() {
    }

    /**
     * A period parameter as given: a period, or one of the words for the newest period stored ({@link LatestPeriod}),
     * which a resource resolves once it has checked its other parameters.
     */
    public record Given(Period period, LatestPeriod latest) {

        /** The period given, or the one the word names as {@code newest} resolves it. */
        public Period resolve(Function<LatestPeriod, Period> newest) {
            return period != null ? period : newest.apply(latest);
        }
    }

    /** The period, or null when the parameter is absent. Only periods: {@code latest} is a 400. */
    public static Period optional(String parameter, String text) {
        return text == null || text.isBlank() ? null : parse(parameter, text, Period.ACCEPTED_FORMS);
    }

    /** The period. Only periods: {@code latest} is a 400. */
    public static Period required(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw missing(parameter, Period.ACCEPTED_FORMS);
        }
        return parse(parameter, text, Period.ACCEPTED_FORMS);
    }

    /** A period or a word for the newest one stored, or null when the parameter is absent. */
    public static Given optionalOrLatest(String parameter, String text) {
        return text == null || text.isBlank() ? null : periodOrLatest(parameter, text);
    }

    /** A period or a word for the newest one stored. */
    public static Given requiredOrLatest(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw missing(parameter, ACCEPTED_OR_LATEST);
        }
        return periodOrLatest(parameter, text);
    }

    private static Given periodOrLatest(String parameter, String text) {
        return LatestPeriod.parse(text).map(latest -> new Given(null, latest))
                .orElseGet(() -> new Given(parse(parameter, text, ACCEPTED_OR_LATEST), null));
    }

    private static Period parse(String parameter, String text, String accepted) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage();
            // Period's own sentence may end in its accepted forms; where more are accepted here, they follow.
            throw invalid("The parameter '" + parameter + "' is invalid: " + reason
                    + (reason.endsWith(Period.ACCEPTED_FORMS)
                            ? accepted.substring(Period.ACCEPTED_FORMS.length()) + "."
                            : ". Use " + accepted + "."));
        }
    }

    private static ProblemException missing(String parameter, String accepted) {
        return invalid("The parameter '" + parameter + "' is required; use " + accepted + ".");
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.invalidParameter(detail);
    }
}
