package dk.noegletal.timeseries;

import dk.noegletal.common.ProblemException;

/** Reads a period given as a query parameter; a bad one is a 400 that names the accepted forms. */
public final class PeriodParameter {

    private PeriodParameter() {
    }

    /** The period, or null when the parameter is absent. */
    public static Period optional(String parameter, String text) {
        return text == null || text.isBlank() ? null : parse(parameter, text);
    }

    public static Period required(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw invalid("The parameter '" + parameter + "' is required; use " + Period.ACCEPTED_FORMS + ".");
        }
        return parse(parameter, text);
    }

    private static Period parse(String parameter, String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage();
            throw invalid("The parameter '" + parameter + "' is invalid: " + reason
                    + (reason.contains(Period.ACCEPTED_FORMS) ? "." : ". Use " + Period.ACCEPTED_FORMS + "."));
        }
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.invalidParameter(detail);
    }
}
