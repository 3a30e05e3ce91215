package dk.noegletal.timeseries;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A month, quarter or year. Written canonically as {@code 2018-12}, {@code 2018Q4} and {@code 2018}; read also in
 * the Jobindsats forms {@code 2018M12} and {@code 2018Q04}.
 */
public record Period(Granularity granularity, int year, int number) implements Comparable<Period> {

    private static final String[] MONTH_NAMES = {"januar", "februar", "marts", "april", "maj", "juni", "juli",
        "august", "september", "oktober", "november", "december"};
    public static final String ACCEPTED_FORMS = "2018-12, 2018M12, 2018Q4, 2018Q04 or 2018";

    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2199;
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern JOBINDSATS_MONTH = Pattern.compile("(\\d{4})M(\\d{1,2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q(\\d{1,2})");
    private static final Pattern ROLLING = Pattern.compile("\\d{0,4}(QMAT|MMAT|MYTD|QYTD|YTD).*");

    public Period {
        int last = 12 / granularity.months();
        if (granularity != Granularity.YEAR && (number < 1 || number > last)) {
            throw new IllegalArgumentException(granularity == Granularity.MONTH
                    ? "there is no month " + number + " (months are 1-12)"
                    : "there is no quarter " + number + " (quarters are 1-4)");
        }
        if (granularity == Granularity.YEAR) {
            number = 0;
        }
    }

    public static Period year(int year) {
        return new Period(Granularity.YEAR, year, 0);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(Granularity.QUARTER, year, quarter);
    }

    public static Period month(int year, int month) {
        return new Period(Granularity.MONTH, year, month);
    }

    /**
     * Reads a period code.
     *
     * @throws IllegalArgumentException with a sentence for the user when the text is no period we store
     */
    public static Period parse(String text) {
        Period period = parseAnyYear(text);
        // Only what is typed in is held to this range; arithmetic may step a year outside it (1900 looks at 1899).
        if (period.year < FIRST_YEAR || period.year > LAST_YEAR) {
            throw new IllegalArgumentException("the year " + period.year + " is outside " + FIRST_YEAR + "-"
                    + LAST_YEAR);
        }
        return period;
    }

    private static Period parseAnyYear(String text) {
        Period canonical = text == null ? null : canonical(text);
        if (canonical != null) {
            return canonical;
        }
        String code = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT);
        Matcher m;
        if ((m = YEAR.matcher(code)).matches()) {
            return year(Integer.parseInt(m.group(1)));
        }
        if ((m = ISO_MONTH.matcher(code)).matches() || (m = JOBINDSATS_MONTH.matcher(code)).matches()) {
            return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = QUARTER.matcher(code)).matches()) {
            return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if (ROLLING.matcher(code).matches()) {
            throw new IllegalArgumentException("rolling periods such as '" + text.trim()
                    + "' are not stored; export monthly, quarterly or annual values instead");
        }
        throw new IllegalArgumentException("'" + (text == null ? "" : text.trim())
                + "' is not a period; use " + ACCEPTED_FORMS);
    }

    /**
     * A year or month written exactly as the store writes it ({@code 2018}, {@code 2018-12}), read without patterns:
     * the form of most periods an import or a whole read of the store meets; null for any other text.
     */
    private static Period canonical(String text) {
        int length = text.length();
        if (length != 4 && length != 7 || !digits(text, 0, 4)) {
            return null;
        }
        int year = Integer.parseInt(text, 0, 4, 10);
        if (length == 4) {
            return year(year);
        }
        return text.charAt(4) == '-' && digits(text, 5, 7) ? month(year, Integer.parseInt(text, 5, 7, 10)) : null;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The canonical code: {@code 2018-12}, {@code 2018Q4} or {@code 2018}. */
    public String code() {
        return switch (granularity) {
            case MONTH -> year + (number < 10 ? "-0" : "-") + number;
            case QUARTER -> year + "Q" + number;
            case YEAR -> Integer.toString(year);
        };
    }

    /** The period as a Danish reader names it: {@code juni 2018}, {@code 4. kvartal 2018} or {@code 2018}. */
    public String danishName() {
        return switch (granularity) {
            case MONTH -> MONTH_NAMES[number - 1] + " " + year;
            case QUARTER -> number + ". kvartal " + year;
            case YEAR -> Integer.toString(year);
        };
    }

    /** The same period one year earlier. */
    public Period yearEarlier() {
        return new Period(granularity, year - 1, number);
    }

    /** The period just before: the previous month, quarter or year. */
    public Period previous() {
        return switch (granularity) {
            case YEAR -> year(year - 1);
            case QUARTER -> number == 1 ? quarter(year - 1, 4) : quarter(year, number - 1);
            case MONTH -> number == 1 ? month(year - 1, 12) : month(year, number - 1);
        };
    }

    /** The periods of the given granularity that lie within this one or overlap it, in order. */
    public static java.util.List<Period> between(LocalDate from, LocalDate to, Granularity granularity) {
        java.util.List<Period> periods = new java.util.ArrayList<>();
        Period period = containing(from, granularity);
        while (!period.start().isAfter(to)) {
            periods.add(period);
            period = period.next();
        }
        return periods;
    }

    /** The period of the given granularity that contains a day. */
    public static Period containing(LocalDate day, Granularity granularity) {
        return switch (granularity) {
            case YEAR -> year(day.getYear());
            case QUARTER -> quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            case MONTH -> month(day.getYear(), day.getMonthValue());
        };
    }

    private Period next() {
        return switch (granularity) {
            case YEAR -> year(year + 1);
            case QUARTER -> number == 4 ? quarter(year + 1, 1) : quarter(year, number + 1);
            case MONTH -> number == 12 ? month(year + 1, 1) : month(year, number + 1);
        };
    }

    public LocalDate start() {
        return LocalDate.of(year, firstMonth(), 1);
    }

    public LocalDate end() {
        return start().plusMonths(granularity.months()).minusDays(1);
    }

    /** The first day as a day number ({@link LocalDate#toEpochDay()}), in integer arithmetic: reads ask for many. */
    public int startDay() {
        return firstDayOfMonth(year, firstMonth());
    }

    /** The last day as a day number ({@link LocalDate#toEpochDay()}). */
    public int endDay() {
        int next = firstMonth() + granularity.months();
        return (next > 12 ? firstDayOfMonth(year + 1, next - 12) : firstDayOfMonth(year, next)) - 1;
    }

    /** The month of the year (1-12) the period begins in. */
    int firstMonth() {
        return granularity == Granularity.YEAR ? 1 : (number - 1) * granularity.months() + 1;
    }

    /** The day number of the 1st of a month: H. Hinnant's days_from_civil, with years from March. */
    private static int firstDayOfMonth(int year, int month) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * ((month + 9) % 12) + 2) / 5;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    @Override
    public int compareTo(Period other) {
        int byStart = start().compareTo(other.start());
        return byStart != 0 ? byStart : Integer.compare(other.granularity.months(), granularity.months());
    }

    /**
     * As a record's own, written out: periods are the keys of the maps every computation looks its values up in, and
     * the record's generated method went through method handles, which showed in a cache-miss report's profile.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Period period && period.year == year && period.number == number
                && period.granularity == granularity;
    }

    @Override
    public int hashCode() {
        return (year * 31 + number) * 31 + granularity.ordinal();
    }

    @Override
    public String toString() {
        return code();
    }
}
