package dk.noegletal.ingest;

import dk.noegletal.common.ProblemException;
import dk.noegletal.common.UploadedFile;
import dk.noegletal.export.Tabular;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Loading statistics; every import is a revision.")
public class ImportResource {

    private static final String CSV = "text/csv";
    private static final String CSV_EXAMPLE = """
            area,target_group,measure,period,value,status
            157,dagpenge,full-time-persons,2018-12,816.5,ok
            157,integrationsydelse-jobparate,full-time-persons,2018-12,.,suppressed
            157,,population-16-66,2018,48210,ok
            """;
    private static final String JSON_EXAMPLE = """
            [{"TableID": "y01a02",
              "Variables": [{"Name": "area", "Label": "Område"}, {"Name": "period", "Label": "Periode"},
                            {"Name": "ydelse", "Label": "Ydelsesgrupper"},
                            {"Name": "y01a02_1", "Label": "Antal fuldtidspersoner"}],
              "Data": [["Gentofte", "2018M12", "A-dagpenge", "816"]]}]
            """;
    private static final String JSON_DESCRIPTION = "A Jobindsats export: version 2 (an array of tables with "
            + "Variables and Data) or version 3 (an object with columns and rows).";
    private static final String SOURCE = "Where the file came from, e.g. its file name or the Jobindsats table.";
    private static final String DESCRIPTION = "What the file is, in words.";
    private static final String TABLE = "The Jobindsats table (or your own) the export belongs to, e.g. y25i09: "
            + "the export is stored as that table, with the dimensions, members and measures its columns name, "
            + "registered on first import (see /api/v1/tables). Without it, a Jobindsats export is read as the "
            + "målgruppe table (target groups by full-time persons and persons); a version 2 export names its "
            + "table itself (TableID).";
    private static final String TABLE_ANY = "The table the file belongs to: a Jobindsats table such as y25i09, or "
            + "your own such as own-virksomhedsservice. The file is stored as that table, with the dimensions, "
            + "members and measures it names, registered on first import (see /api/v1/tables). A Jobindsats export "
            + "without it is read as the målgruppe table (target groups by full-time persons and persons); a "
            + "version 2 export names its table itself (TableID). A tidy CSV file is of a table when it has a "
            + "table column or this parameter is given (with both, they must agree); else it is of the målgruppe "
            + "table.";
    private static final String TABLE_CSV = "The table the file belongs to, e.g. own-virksomhedsservice or "
            + "y25i09, when the file has no table column (with one, they must agree). A file of a table is stored "
            + "as that table, with the dimensions, members and measures it names, registered on first import as "
            + "your own (see /api/v1/tables). Without it and without a table column, the file is of the "
            + "målgruppe table.";
    private static final String CSV_FORMATS = "Two tidy formats, one observation per line, ',' between cells, '.' "
            + "as decimal mark, '.', '..' or an empty value for a suppressed cell, an optional status column (ok or "
            + "suppressed). The målgruppe table: header area,target_group,measure,period,value. Any table, a "
            + "Jobindsats one or your own: header table,area,period,measure,value and one column per dimension, "
            + "headed by the dimension's label and holding member labels (e.g. table,area,period,Ydelsesgrupper,"
            + "A-kasse,measure,value), columns in any order; every line names the same table (or ?table= names "
            + "it); area is a code (157) or name (Gentofte), period 2025-05, 2025M05, 2025Q2 or 2025, measure a "
            + "label, whose kind is inferred as for a Jobindsats export (e.g. own-virksomhedsservice,157,2025,"
            + "Virksomhedstilfredshed i pct.,77.5). A line repeated with the same value is stored once and "
            + "counted (duplicateRows); with another value the file is rejected.";
    private static final String CREATED = "Stored; the report says what changed, and Location is the import's "
            + "address.";
    private static final String REJECTED = "The file was rejected and nothing was stored; the problem lists the "
            + "first errors with line (or row), column, value and reason.";
    private static final String TOO_LARGE = "A file larger than the limit for one import (1 GB by default).";
    private static final String BUSY = "No room for the file now (as many files arriving as the service holds at "
            + "once, or too little free disk space), or the import waited too long for the one before it; send it "
            + "again after the seconds Retry-After gives. Or the import took longer than its time-out and was "
            + "cancelled, storing nothing (import-timed-out, without Retry-After).";

    /*
     * The body is not a parameter: the file arrives on disk before the method runs (ImportUploads receives it on the
     * event loop, so a slow upload holds no worker thread and a large one no heap), and the method takes it from the
     * request. @RequestBody describes it.
     */
    private final ImportService service;

    ImportResource(ImportService service) {
        this.service = service;
    }

    @POST
    @Consumes({CSV, MediaType.APPLICATION_JSON})
    @Operation(operationId = "createImport", summary = "Import statistics (either format)",
            description = "Stores a file of observations as one revision, all rows or none; the Content-Type says "
                    + "which format it is. text/csv takes a tidy CSV file. " + CSV_FORMATS + " application/json "
                    + "takes a Jobindsats export, version 2 or 3. Importing the same file again changes nothing; a "
                    + "changed value is stored as a new revision. Generated clients send one media type per "
                    + "operation: they use importCsv or importJobindsatsJson, which do the same.")
    @RequestBody(required = true, content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), example = CSV_EXAMPLE),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(description = JSON_DESCRIPTION),
                    example = JSON_EXAMPLE)})
    @APIResponse(responseCode = "201", description = CREATED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReportDto.class)))
    @APIResponse(responseCode = "400", description = REJECTED)
    @APIResponse(responseCode = "413", description = TOO_LARGE)
    @APIResponse(responseCode = "503", description = BUSY)
    @APIResponse(responseCode = "415", description = "A body that is neither text/csv nor application/json.")
    public Response importFile(
            @Parameter(description = SOURCE) @QueryParam("source") String source,
            @Parameter(description = DESCRIPTION) @QueryParam("description") String description,
            @Parameter(description = TABLE_ANY, example = "y25i09") @QueryParam("table") String table,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @Context UriInfo uri,
            @Context RoutingContext request) {
        return contentType.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                ? importJobindsatsJson(source, description, table, uri, request)
                : importCsv(source, description, table, uri, request);
    }

    @POST
    @Path("/csv")
    @Consumes(CSV)
    @Operation(operationId = "importCsv", summary = "Import a tidy CSV file",
            description = "Stores a tidy CSV file as one revision, all rows or none. " + CSV_FORMATS
                    + " Importing the same file again changes nothing; a changed value is stored as a new revision.")
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
            example = CSV_EXAMPLE))
    @APIResponse(responseCode = "201", description = CREATED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReportDto.class)))
    @APIResponse(responseCode = "400", description = REJECTED)
    @APIResponse(responseCode = "413", description = TOO_LARGE)
    @APIResponse(responseCode = "503", description = BUSY)
    @APIResponse(responseCode = "415", description = "A body that is not text/csv.")
    public Response importCsv(
            @Parameter(description = SOURCE) @QueryParam("source") String source,
            @Parameter(description = DESCRIPTION) @QueryParam("description") String description,
            @Parameter(description = TABLE_CSV, example = "own-virksomhedsservice") @QueryParam("table")
            String table,
            @Context UriInfo uri,
            @Context RoutingContext request) {
        try (UploadedFile file = UploadedFile.take(request)) {
            return created(uri, service.importCsv(ImportBody.of(file.path()), table,
                    new ImportService.Origin(source, description)));
        }
    }

    @POST
    @Path("/jobindsats")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importJobindsatsJson", summary = "Import a Jobindsats JSON export",
            description = "Stores a Jobindsats export, version 2 or 3, as the Jobindsats API returns it, as one "
                    + "revision, all rows or none. Importing the same file again changes nothing; a changed value is "
                    + "stored as a new revision.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(description = JSON_DESCRIPTION), example = JSON_EXAMPLE))
    @APIResponse(responseCode = "201", description = CREATED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReportDto.class)))
    @APIResponse(responseCode = "400", description = REJECTED)
    @APIResponse(responseCode = "413", description = TOO_LARGE)
    @APIResponse(responseCode = "503", description = BUSY)
    @APIResponse(responseCode = "415", description = "A body that is not application/json.")
    public Response importJobindsatsJson(
            @Parameter(description = SOURCE) @QueryParam("source") String source,
            @Parameter(description = DESCRIPTION) @QueryParam("description") String description,
            @Parameter(description = TABLE, example = "y25i09") @QueryParam("table") String table,
            @Context UriInfo uri,
            @Context RoutingContext request) {
        ImportService.Origin origin = new ImportService.Origin(source, description);
        try (UploadedFile file = UploadedFile.take(request)) {
            ImportBody body = ImportBody.of(file.path());
            return created(uri, table == null || table.isBlank()
                    ? service.importJobindsatsJson(body, origin)
                    : service.importTable(table, body, origin));
        }
    }

    /** 201 with the import's own address, whichever operation stored it. */
    private static Response created(UriInfo uri, ImportReportDto report) {
        return Response.created(uri.getBaseUriBuilder().path(ImportResource.class).path(Long.toString(report.id()))
                .build()).entity(report).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "listImports", summary = "List imports", description = "Every import with its report, newest first.")
    @APIResponse(responseCode = "200", description = "The import history.")
    public List<ImportReportDto> history() {
        return service.history();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getImport", summary = "Get one import's report")
    @APIResponse(responseCode = "200", description = "The report.")
    @APIResponse(responseCode = "404", description = "No import has this id.")
    public ImportReportDto get(
            @Parameter(description = "Import id.", example = "1") @PathParam("id") long id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound("There is no import with id " + id + "."));
    }
}
