package dk.noegletal.export;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createComponents;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createHeader;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createParameter;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;

import dk.noegletal.common.Problem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Describes the CSV and the workbook of every operation that produces text/csv, in one place rather than on each
 * endpoint: the scanner gives text/csv the JSON schema of the entity, which is not what is sent. Such an operation
 * gets the {@code Csv} schema in place of that one, the workbook's media type beside it, a Content-Disposition
 * header, the {@code format} and {@code decimals} parameters, and a 400 problem where it had none. Registered with {@code mp.openapi.filter}, which instantiates
 * it by reflection; hence public.
 */
public class CsvOpenApiFilter implements OASFilter {

    private static final String CSV_SCHEMA = "Csv";
    private static final String XLSX_SCHEMA = "Xlsx";
    private static final String CONTENT_DISPOSITION = "Content-Disposition";
    private static final String CSV_DESCRIPTION = "CSV (RFC 4180, UTF-8): a header row (also when there are no "
            + "rows), then one row per record (a tree: one per node, parents first). A column is named by the JSON property's path in "
            + "snake_case joined with '_' (parent.code is parent_code, nationalShare.changePp is "
            + "national_share_change_pp); a list is "
            + "one cell with its items joined by '; ', an object item as its values joined by ': '; null is an empty "
            + "cell. Numbers in full precision with '.' as decimal mark, unless decimals is given. format=csv-da "
            + "gives ';' between cells, ',' as decimal mark, a UTF-8 byte-order mark, which Excel with Danish "
            + "settings opens directly, and Danish column headers (area_code is Områdekode, full_time_persons "
            + "Fuldtidspersoner).";
    private static final String XLSX_DESCRIPTION = "An Excel workbook (xlsx) of the same table as the CSV: one sheet "
            + "with the Danish column headers of csv-da in a frozen first row (also when there are no rows), then a "
            + "row per record. Numbers are number cells (shown with two decimals, or as many as decimals asks for), "
            + "true and false are logical cells, and codes, periods and ids are text cells, so area 000 stays 000.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean anyCsv = false;
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (describeCsv(operation)) {
                    operation.addParameter(createParameter().ref(ExportFilters.FORMAT));
                    operation.addParameter(createParameter().ref(ExportFilters.DECIMALS));
                    // Every tabular read is a read of the data: it can be asked as of a revision, and revalidated.
                    operation.addParameter(createParameter().ref(AS_OF));
                    operation.getResponses().addAPIResponse("304", createAPIResponse().description("Not modified: "
                            + "the If-None-Match header names the current ETag, which changes with every import "
                            + "and cluster change."));
                    if (operation.getResponses().getAPIResponse("400") == null) {
                        operation.getResponses().addAPIResponse("400", createAPIResponse()
                                .description("An unknown format, or decimals outside 0-"
                                        + ExportFilters.MAX_DECIMALS + ".")
                                .content(createContent().addMediaType(Problem.MEDIA_TYPE,
                                        createMediaType().schema(createSchema().ref("Problem")))));
                    }
                    anyCsv = true;
                }
            }
        }
        if (anyCsv) {
            if (openAPI.getComponents() == null) {
                openAPI.setComponents(createComponents());
            }
            addComponents(openAPI.getComponents());
        }
    }

    /** Whether the operation answers text/csv; if so, its successful responses describe the CSV. */
    private static boolean describeCsv(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return false;
        }
        boolean csv = false;
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            APIResponse answer = response.getValue();
            if (response.getKey().startsWith("2") && answer.getContent() != null
                    && answer.getContent().hasMediaType(Tabular.TEXT_CSV)) {
                answer.getContent().getMediaType(Tabular.TEXT_CSV).schema(createSchema().ref(CSV_SCHEMA));
                answer.getContent().addMediaType(Tabular.XLSX,
                        createMediaType().schema(createSchema().ref(XLSX_SCHEMA)));
                answer.addHeader(CONTENT_DISPOSITION, createHeader().ref(CONTENT_DISPOSITION));
                csv = true;
            }
        }
        return csv;
    }

    private static final String AS_OF = "asOf";

    private static void addComponents(Components components) {
        components.addParameter(AS_OF, createParameter()
                .name(AS_OF).in(Parameter.In.QUERY)
                .description("Read the data as they stood after an import: its id (e.g. 12), or a moment (e.g. "
                        + "2019-03-31T12:00:00Z, or a day such as 2019-03-31, meaning its end in UTC), which means "
                        + "the newest import then. Without it, the newest import. An unknown import id is a 404.")
                .schema(createSchema().addType(SchemaType.STRING)));
        components.addSchema(CSV_SCHEMA, createSchema().addType(SchemaType.STRING).description(CSV_DESCRIPTION));
        components.addSchema(XLSX_SCHEMA, createSchema().addType(SchemaType.STRING).format("binary")
                .description(XLSX_DESCRIPTION));
        components.addHeader(CONTENT_DISPOSITION, createHeader()
                .description("With CSV or a workbook: attachment; filename=\"<what it is>.csv\" (or .xlsx), e.g. "
                        + "key-figures-157-2018.csv or areas.xlsx.")
                .schema(createSchema().addType(SchemaType.STRING)));
        components.addParameter(ExportFilters.FORMAT, createParameter()
                .name(ExportFilters.FORMAT).in(Parameter.In.QUERY)
                .description("The answer's format, for links and tools that cannot set an Accept header (it wins "
                        + "over that header): json (the default), csv (the same as Accept: text/csv), csv-da (CSV "
                        + "for Excel with Danish settings) or xlsx (an Excel workbook, the same as Accept: "
                        + Tabular.XLSX + ").")
                .schema(createSchema().addType(SchemaType.STRING)
                        .enumeration(List.of("json", "csv", "csv-da", "xlsx"))));
        components.addParameter(ExportFilters.DECIMALS, createParameter()
                .name(ExportFilters.DECIMALS).in(Parameter.In.QUERY)
                .description("CSV and workbook only: round numbers to at most this many decimals, half up (a "
                        + "workbook also shows that many). JSON keeps full precision.")
                .schema(createSchema().addType(SchemaType.INTEGER)
                        .minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(ExportFilters.MAX_DECIMALS))));
    }
}
