package dk.noegletal.export;

import dk.noegletal.common.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * CSV for every endpoint that returns a table. Such an endpoint declares
 * {@code @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})} and returns a {@link Tabular} or a
 * {@code List}; the content negotiation picks text/csv for {@code Accept: text/csv} or {@code ?format=csv}, and the
 * response filter here turns the entity into CSV before a message body writer sees it.
 */
class CsvFilters {

    static final String FORMAT = "format";
    static final String DECIMALS = "decimals";
    static final int MAX_DECIMALS = 10;

    private static final MediaType CSV_UTF8 = MediaType.valueOf("text/csv; charset=UTF-8");
    private static final String DIALECT_PROPERTY = CsvFilters.class.getName() + ".dialect";
    private static final String DECIMALS_PROPERTY = CsvFilters.class.getName() + ".decimals";

    private final CsvExport export;

    CsvFilters(CsvExport export) {
        this.export = export;
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
                case "csv" -> request.getHeaders().putSingle(HttpHeaders.ACCEPT, Tabular.TEXT_CSV);
                case "csv-da" -> {
                    request.getHeaders().putSingle(HttpHeaders.ACCEPT, Tabular.TEXT_CSV);
                    request.setProperty(DIALECT_PROPERTY, CsvDialect.DANISH);
                }
                case "html" -> request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.TEXT_HTML);
                case "pdf" -> request.getHeaders().putSingle(HttpHeaders.ACCEPT, "application/pdf");
                default -> throw invalid("Unknown format '" + format + "'; use json, csv or csv-da (and for the "
                        + "quarterly report html or pdf).");
            }
        }
        String decimals = query.getFirst(DECIMALS);
        if (decimals != null) {
            request.setProperty(DECIMALS_PROPERTY, decimals(decimals));
        }
    }

    @ServerResponseFilter
    void writeCsv(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !type.isCompatible(CSV_UTF8)) {
            return;
        }
        String fileName;
        List<?> records;
        if (response.getEntity() instanceof Tabular table) {
            fileName = table.csvFileName();
            records = table.csvRows();
        } else if (response.getEntity() instanceof List<?> list) {
            fileName = fileName(request.getUriInfo().getPath());
            records = list;
        } else {
            // Not a table, e.g. a problem: it keeps its own media type and writer.
            return;
        }
        CsvDialect dialect = request.getProperty(DIALECT_PROPERTY) instanceof CsvDialect chosen
                ? chosen : CsvDialect.STANDARD;
        byte[] body = export.write(records, dialect, (Integer) request.getProperty(DECIMALS_PROPERTY));
        // Setting the entity drops the writer chosen for the original entity; the wrapper gives the byte writer
        // the type it checks.
        response.setEntity(new GenericEntity<>(body, byte[].class), response.getEntityAnnotations(), CSV_UTF8);
        response.getHeaders().putSingle("Content-Disposition",
                "attachment; filename=\"" + safe(fileName) + ".csv\"");
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
