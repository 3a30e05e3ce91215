package dk.noegletal.sync;

import dk.noegletal.common.ProblemException;
import dk.noegletal.table.TableDefinition;
import dk.noegletal.timeseries.Granularity;
import dk.noegletal.timeseries.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a subscription pulls, checked and with its defaults filled in: the table, the areas (a hierarchy's members
 * and/or its total, the country), members per dimension, periods per type and measure groups. It becomes one data
 * request per part of the areas (the municipalities, the country), whose answers land together as one import.
 */
record Selection(String table, String areaHierarchy, String areaMembers, boolean country,
        Map<String, String> dimensions, Map<String, String> periods, Map<String, String> measureGroups) {

    static final String MUNICIPALITIES = "_nykom";
    /** Jobindsats' word for a hierarchy's total: for the areas, the country. */
    static final String TOTAL = "/";
    private static final Pattern TABLE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern MEASURE_GROUP = Pattern.compile("\\*|[A-Za-z0-9_]{1,64}");
    /** A value as Jobindsats reads it: *, /, latest:N or a list of ids; nothing that would end a query parameter. */
    private static final Pattern VALUE = Pattern.compile("[^&=#?%|\\p{Cntrl}]{1,2000}");
    private static final Pattern LATEST = Pattern.compile("latest:([0-9]{1,4})");
    private static final Set<String> ROLLING = Set.of("QMAT", "MMAT", "MYTD", "QYTD", "YTD");
    private static final Map<String, Granularity> PERIOD_TYPES = Map.of("M", Granularity.MONTH,
            "Q", Granularity.QUARTER, "Y", Granularity.YEAR);

    /**
     * The request's selection, checked.
     *
     * @throws ProblemException 400 saying what is wrong and what is accepted
     */
    static Selection of(SyncRequest request) {
        if (request == null) {
            throw invalid("The body must be a subscription: {\"table\": \"y60a02\", \"periods\": {\"M\": "
                    + "\"latest:14\"}}.");
        }
        String table = request.table() == null ? "" : request.table().trim().toLowerCase(Locale.ROOT);
        if (table.isEmpty()) {
            throw invalid("A subscription needs the Jobindsats table id, e.g. \"table\": \"y60a02\".");
        }
        if (!TABLE_ID.matcher(table).matches()) {
            throw invalid("'" + request.table().trim() + "' is not a Jobindsats table id: use letters and digits, "
                    + "e.g. y60a02.");
        }
        if (TableDefinition.CURATED.contains(table)) {
            throw invalid("The table " + table + " is built in and filled from the målgruppe files; subscribe to a "
                    + "Jobindsats table such as y60a02.");
        }
        SyncRequest.Areas areas = request.areas() == null ? new SyncRequest.Areas(null, null, null) : request.areas();
        String hierarchy = areas.hierarchy() == null || areas.hierarchy().isBlank() ? MUNICIPALITIES
                : id(areas.hierarchy(), "areas.hierarchy");
        boolean country = areas.country() == null || areas.country();
        String members = areas.members() == null ? "*" : value(areas.members(), "areas.members");
        if (request.periods() == null || request.periods().isEmpty()) {
            throw invalid("A subscription needs its periods per period type, e.g. \"periods\": {\"M\": "
                    + "\"latest:14\"} for the newest 14 months (types M, Q and Y).");
        }
        Map<String, String> periods = new LinkedHashMap<>();
        request.periods().forEach((type, value) -> {
            String code = type == null ? "" : type.trim().toUpperCase(Locale.ROOT);
            periods.put(code, periods(code, value));
        });
        Map<String, String> dimensions = new LinkedHashMap<>();
        if (request.dimensions() != null) {
            request.dimensions().forEach((id, value) -> {
                String hierarchyId = id(id, "dimensions");
                if (hierarchyId.equals(hierarchy)) {
                    throw invalid("The hierarchy " + hierarchyId + " is the areas'; select its members in areas.");
                }
                dimensions.put(hierarchyId, value(value, "dimensions." + hierarchyId));
            });
        }
        Map<String, String> groups = new LinkedHashMap<>();
        if (request.measureGroups() == null || request.measureGroups().isEmpty()) {
            groups.put("*", "*");
        } else {
            request.measureGroups().forEach((id, value) -> {
                if (id == null || !MEASURE_GROUP.matcher(id.trim()).matches()) {
                    throw invalid("'" + id + "' in measureGroups is not a measure group id: use * or an id such as "
                            + "mgrpy60a02_1.");
                }
                groups.put(id.trim(), value(value, "measureGroups." + id.trim()));
            });
        }
        return new Selection(table, hierarchy, members, country, dimensions, periods, groups);
    }

    /** The data requests of a pull: one for the areas' members, one for the country. */
    List<Map<String, String>> queries() {
        Map<String, String> common = new LinkedHashMap<>();
        measureGroups.forEach((group, measures) -> common.put("mgroup." + group, measures));
        periods.forEach((type, value) -> common.put("period." + type, value));
        new java.util.TreeMap<>(dimensions).forEach((id, value) -> common.put("hierarchy." + id, value));
        List<Map<String, String>> queries = new ArrayList<>();
        Map<String, String> members = new LinkedHashMap<>(common);
        members.put("hierarchy." + areaHierarchy, areaMembers);
        queries.add(members);
        if (country && !areaMembers.equals(TOTAL)) {
            Map<String, String> total = new LinkedHashMap<>(common);
            total.put("hierarchy." + areaHierarchy, TOTAL);
            queries.add(total);
        }
        return queries;
    }

    /** A data request as its users write it (without the key, which travels in a header). */
    String describe(Map<String, String> query) {
        StringBuilder text = new StringBuilder("/data/").append(table).append('?');
        query.forEach((name, value) -> text.append(name).append('=').append(value).append('&'));
        return text.append("format=json").toString();
    }

    List<String> requests() {
        return queries().stream().map(this::describe).toList();
    }

    private static String periods(String type, String value) {
        if (ROLLING.contains(type)) {
            throw invalid("The period type " + type + " is a rolling sum, which the service does not store: it "
                    + "computes years and year-to-date itself. Pull months (M), quarters (Q) or years (Y).");
        }
        Granularity granularity = PERIOD_TYPES.get(type);
        if (granularity == null) {
            throw invalid("'" + type + "' is not a period type: use M (months), Q (quarters) or Y (years).");
        }
        String text = value(value, "periods." + type);
        var latest = LATEST.matcher(text);
        if (latest.matches()) {
            int count = Integer.parseInt(latest.group(1));
            if (count < 1) {
                throw invalid("periods." + type + ": latest:N needs N of at least 1.");
            }
            return text;
        }
        for (String id : text.split(",")) {
            Period period;
            try {
                period = Period.parse(id);
            } catch (IllegalArgumentException e) {
                throw invalid("periods." + type + ": " + e.getMessage() + "; or latest:N for the newest N.");
            }
            if (period.granularity() != granularity) {
                throw invalid("periods." + type + ": " + id.trim() + " is not a period of type " + type + ".");
            }
        }
        return text;
    }

    private static String id(String id, String field) {
        String text = id == null ? "" : id.trim();
        if (!ID.matcher(text).matches()) {
            throw invalid("'" + id + "' in " + field + " is not a Jobindsats hierarchy id: use letters, digits and "
                    + "_, e.g. _nykom or _ygrpi09.");
        }
        return text;
    }

    private static String value(String value, String field) {
        String text = value == null ? "" : value.trim();
        if (!VALUE.matcher(text).matches()) {
            throw invalid(field + " must be * (every member), / (the total), latest:N (periods) or a "
                    + "comma-separated list of ids, not '" + (value == null ? "" : value) + "'.");
        }
        return text;
    }

    static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-subscription", "Invalid subscription", detail);
    }
}
