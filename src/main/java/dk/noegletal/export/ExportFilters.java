package dk.noegletal.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dk.noegletal.common.ProblemException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriBuilder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * CSV and Excel workbooks for every endpoint that returns a table. Such an endpoint declares
 * {@code @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})} and returns a {@link Tabular} or a
 * {@code List}; the content negotiation picks text/csv for {@code Accept: text/csv} or {@code ?format=csv}, and the
 * response filter here turns the entity into CSV before a message body writer sees it. A workbook
 * ({@code ?format=xlsx} or {@code Accept:} {@value Tabular#XLSX}) is negotiated as text/csv too and written from the
 * same table, so that no endpoint needs to know of it.
 */
class ExportFilters {

    static final String FORMAT = "format";
    static final String DECIMALS = "decimals";
    static final int MAX_DECIMALS = 10;

    /** After AcceptHeader (Priorities.USER + 100), which refuses a header that is not a list of media ranges. */
    private static final int ACCEPT_PRIORITY = Priorities.USER + 200;
    private static final MediaType CSV_UTF8 = MediaType.valueOf("text/csv; charset=UTF-8");
    private static final MediaType XLSX = MediaType.valueOf(Tabular.XLSX);
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;
    private static final String FORMAT_PROPERTY = ExportFilters.class.getName() + ".format";
    private static final String DECIMALS_PROPERTY = ExportFilters.class.getName() + ".decimals";

    /** What a table is written as, when it is not JSON. */
    enum Format {
        CSV, CSV_DA, XLSX
    }

    private final ObjectMapper mapper;
    private final CsvExport csv;
    private final XlsxExport xlsx;
    private final DanishHeaders danish = DanishHeaders.load();

    ExportFilters(ObjectMapper mapper, CsvExport csv, XlsxExport xlsx) {
        // The application's mapper, so that cells are what the JSON says, but keeping the scale of decimals (a tree
        // strips trailing zeros by default, and 816.50 would lose its last digit).
        this.mapper = mapper.copy().configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        this.csv = csv;
        this.xlsx = xlsx;
    }

    /**
     * Turns {@code ?format=} into the Accept header before the endpoint is matched, so that both ways of asking go
     * through the one content negotiation: the parameter is for links and spreadsheets that cannot set headers.
     */
    @ServerRequestFilter(preMatching = true)
    void readFormat(ContainerRequestContext request) {
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        String format = query.getFirst(FORMAT);
        if (format != null) {
            switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
                case "csv" -> asTable(request, Format.CSV);
                case "csv-da" -> asTable(request, Format.CSV_DA);
                case "xlsx" -> asTable(request, Format.XLSX);
                case "html" -> request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.TEXT_HTML);
                case "pdf" -> request.getHeaders().putSingle(HttpHeaders.ACCEPT, "application/pdf");
                default -> throw invalid("Unknown format '" + format + "'; use json, csv, csv-da or xlsx (and for the "
                        + "quarterly report html or pdf).");
            }
        }
        String decimals = query.getFirst(DECIMALS);
        if (decimals != null) {
            request.setProperty(DECIMALS_PROPERTY, decimals(decimals));
        }
    }

    /**
     * A client that prefers a workbook by its Accept header (it weighs the workbook above anything JSON or CSV would
     * answer) asks as {@code ?format=xlsx} does, and the request is made that one: the ETag and the cache of answers
     * tell requests apart by their address and Accept, and a workbook must never be answered with a CSV kept for
     * the same address.
     */
    @ServerRequestFilter(preMatching = true, priority = ACCEPT_PRIORITY)
    void readAcceptedWorkbook(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (request.getProperty(FORMAT_PROPERTY) != null || accept == null || !prefersWorkbook(accept)) {
            return;
        }
        request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri())
                .queryParam(FORMAT, "xlsx").build());
        asTable(request, Format.XLSX);
    }

    @ServerResponseFilter
    void writeTable(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !type.isCompatible(CSV_UTF8)) {
            return;
        }
        String fileName;
        List<?> records;
        Type rowType = null;
        if (response.getEntity() instanceof Tabular table) {
            fileName = table.csvFileName();
            records = table.csvRows();
        } else if (response.getEntity() instanceof List<?> list) {
            fileName = fileName(request.getUriInfo().getPath());
            records = list;
            if (response.getEntityType() instanceof ParameterizedType listType) {
                rowType = listType.getActualTypeArguments()[0];
            }
        } else {
            // Not a table, e.g. a problem: it keeps its own media type and writer.
            return;
        }
        Format format = request.getProperty(FORMAT_PROPERTY) instanceof Format chosen ? chosen : Format.CSV;
        Integer decimals = (Integer) request.getProperty(DECIMALS_PROPERTY);
        CsvDialect dialect = format == Format.CSV_DA ? CsvDialect.DANISH : CsvDialect.STANDARD;
        FlatTable table = FlatTable.of(records, rowType, mapper, dialect.decimalMark, decimals);
        byte[] body;
        MediaType answered;
        String extension;
        switch (format) {
            case XLSX -> {
                body = xlsx.write(table, danish.of(table), fileName, decimals);
                answered = XLSX;
                extension = ".xlsx";
            }
            case CSV_DA -> {
                body = csv.write(table, danish.of(table), dialect);
                answered = CSV_UTF8;
                extension = ".csv";
            }
            default -> {
                body = csv.write(table, table.header(), dialect);
                answered = CSV_UTF8;
                extension = ".csv";
            }
        }
        // Setting the entity drops the writer chosen for the original entity; the wrapper gives the byte writer
        // the type it checks.
        response.setEntity(new GenericEntity<>(body, byte[].class), response.getEntityAnnotations(), answered);
        response.getHeaders().putSingle("Content-Disposition",
                "attachment; filename=\"" + safe(fileName) + extension + "\"");
    }

    private static void asTable(ContainerRequestContext request, Format format) {
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, Tabular.TEXT_CSV);
        request.setProperty(FORMAT_PROPERTY, format);
    }

    /**
     * Whether the header weighs the workbook above every range that JSON or CSV would match; on a tie JSON, the
     * default, is answered. The header is well formed by now (AcceptHeader).
     */
    static boolean prefersWorkbook(String accept) {
        double workbook = 0;
        double other = 0;
        for (String element : accept.split(",")) {
            if (element.isBlank()) {
                continue;
            }
            MediaType range = MediaType.valueOf(element.strip());
            double weight = weight(range);
            if (range.getType().equalsIgnoreCase(XLSX.getType())
                    && range.getSubtype().equalsIgnoreCase(XLSX.getSubtype())) {
                workbook = Math.max(workbook, weight);
            } else if (range.isCompatible(JSON) || range.isCompatible(CSV_UTF8)) {
                other = Math.max(other, weight);
            }
        }
        return workbook > 0 && workbook > other;
    }

    private static double weight(MediaType range) {
        String q = range.getParameters().entrySet().stream()
                .filter(parameter -> parameter.getKey().equalsIgnoreCase("q"))
                .map(parameter -> parameter.getValue())
                .findFirst().orElse("1");
        try {
            return Double.parseDouble(q);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A plain list is named by its address: /api/v1/areas gives areas, /api/v1/target-groups target-groups. */
    static String fileName(String path) {
        String name = path.replaceFirst("^/?api/v\\d+/", "").replaceAll("/+$", "").replace('/', '-');
        return name.isEmpty() ? "export" : name;
    }

    /** Only letters, digits, '.', '_' and '-' go into the header, whatever a code or period holds. */
    static String safe(String fileName) {
        return fileName.replaceAll("[^A-Za-z0-9._-]+", "-");
    }

    private static int decimals(String text) {
        try {
            int decimals = Integer.parseInt(text.trim());
            if (decimals >= 0 && decimals <= MAX_DECIMALS) {
                return decimals;
            }
        } catch (NumberFormatException e) {
            // falls through to the same problem as a number out of range
        }
        throw invalid("decimals must be a whole number from 0 to " + MAX_DECIMALS + ", not '" + text + "'.");
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-parameter", "Invalid request parameter", detail);
    }
}
