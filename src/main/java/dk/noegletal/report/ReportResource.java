package dk.noegletal.report;

import dk.noegletal.common.ProblemException;
import dk.noegletal.export.Tabular;
import dk.noegletal.keyfigure.Classification;
import dk.noegletal.keyfigure.ToleranceParameter;
import dk.noegletal.timeseries.Granularity;
import dk.noegletal.timeseries.LatestPeriod;
import dk.noegletal.timeseries.LatestPeriodService;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.PeriodParameter;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/areas/{code}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "The reports the committees read.")
public class ReportResource {

    private static final int MAX_YEARS = 10;

    static final String PDF = "application/pdf";

    private final ReportService service;
    private final LatestPeriodService latest;
    private final ReportDocumentService documents;
    private final Template document;
    private final PdfRenderer pdf;

    ReportResource(ReportService service, LatestPeriodService latest, ReportDocumentService documents,
            @Location("report.html") Template document, PdfRenderer pdf) {
        this.service = service;
        this.latest = latest;
        this.documents = documents;
        this.document = document;
        this.pdf = pdf;
    }

    @GET
    @Path("/annual")
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "getAnnualReport", summary = "Get the annual key-figure appendix",
            description = "The målgruppeoversigt: every target group in catalogue order (parents then sub-groups) "
                    + "and \"I alt\", with each year's average full-time persons, national share and change on the "
                    + "year before. The same appendix as the document a committee reads: Accept text/html or "
                    + "format=html (a self-contained Danish page with the appendix, the comparison of \"I alt\", "
                    + "charts as SVG and the year's goals), application/pdf or format=pdf; the document also takes "
                    + "'table', 'cluster' and 'tolerancePp' as the quarterly report's does.")
    @APIResponse(responseCode = "200", description = "The appendix.", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualReportDto.class)),
        @Content(mediaType = Tabular.TEXT_CSV),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "A missing or malformed year.")
    @APIResponse(responseCode = "404", description = "Unknown area, or latest where nothing is stored for it.")
    public AnnualReportDto annual(
            @Parameter(description = "Area code.", example = "157") @PathParam("code") String code,
            @Parameter(description = "The last year of the report (1900-2199), or latest (also latest-year) for "
                    + "the newest year with any month, quarter or annual value stored for the area, which may be "
                    + "partial (see completeness); the answer's year is the one it resolved to.", example = "2018",
                    required = true, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("year") String year,
            @Parameter(description = "How many years, ending with `year`.", example = "3",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_YEARS,
                            defaultValue = "3"))
            @QueryParam("years") @DefaultValue("3") String years) {
        int count = count(years);
        Period last = year(code, year);
        return service.annual(code, last.year(), count).orElseThrow(() -> noArea(code));
    }

    @GET
    @Path("/quarterly/{quarter}")
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "getQuarterlyReport", summary = "Get the quarterly report",
            description = "For every target group and \"I alt\": the quarter average, the change on the same quarter "
                    + "last year and on the previous quarter, the national share and its change, the share of the "
                    + "population, the comparison with the region and the country, completeness, and the import "
                    + "the figures come from. Where only annual values are stored, a notice says so. The same report "
                    + "as the document a committee reads: Accept text/html or format=html (a self-contained Danish "
                    + "page with the målgruppeoversigt, the comparison, charts as SVG and the goals), application/pdf "
                    + "or format=pdf. The document also takes 'table' (repeatable: a table, or table:measure, whose "
                    + "ranking of the municipalities and months against the region and the country it charts) and "
                    + "'cluster' (a cluster's code to compare with as well).")
    @APIResponse(responseCode = "200", description = "The report.", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuarterlyReportDto.class)),
        @Content(mediaType = Tabular.TEXT_CSV),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "A malformed quarter or tolerance.")
    @APIResponse(responseCode = "404", description = "Unknown area, or latest where nothing is stored for it.")
    public QuarterlyReportDto quarterly(
            @Parameter(description = "Area code.", example = "157") @PathParam("code") String code,
            @Parameter(description = "The quarter: 2018Q4 or 2018Q04; or latest (also latest-quarter) for the "
                    + "newest quarter with any month or quarterly value stored for the area, which may be partial "
                    + "(see completeness); the answer's quarter is the one it resolved to.", example = "2018Q4")
            @PathParam("quarter") String quarter,
            @Parameter(description = "How far apart two changes may be, in percentage points, and still be \"on "
                    + "level\".", schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "100",
                            defaultValue = Classification.DEFAULT_TOLERANCE))
            @QueryParam("tolerancePp") String tolerancePp) {
        return service.quarterly(code, quarter(code, quarter), ToleranceParameter.parse(tolerancePp))
                .orElseThrow(() -> noArea(code));
    }

    /**
     * The quarterly report as the document a committee reads (Accept: text/html, format=html): documented on the
     * JSON operation, whose address it shares; {@code table} and {@code cluster} are described there.
     */
    @GET
    @Path("/quarterly/{quarter}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String quarterlyDocument(@PathParam("code") String code, @PathParam("quarter") String quarter,
            @QueryParam("tolerancePp") String tolerancePp, @QueryParam("table") List<String> table,
            @QueryParam("cluster") String cluster) {
        return document.data("doc", documents.quarterly(code, quarter(code, quarter),
                ToleranceParameter.parse(tolerancePp), table, cluster).orElseThrow(() -> noArea(code))).render();
    }

    /** The quarterly report's document as PDF (Accept: application/pdf, format=pdf). */
    @GET
    @Path("/quarterly/{quarter}")
    @Produces(PDF)
    @Operation(hidden = true)
    public Response quarterlyPdf(@PathParam("code") String code, @PathParam("quarter") String quarter,
            @QueryParam("tolerancePp") String tolerancePp, @QueryParam("table") List<String> table,
            @QueryParam("cluster") String cluster) {
        Period period = quarter(code, quarter);
        String html = quarterlyDocument(code, period.code(), tolerancePp, table, cluster);
        return pdf(html, "kvartalsrapport-" + code + "-" + period.code() + ".pdf");
    }

    /** The annual appendix as a document: the JSON operation documents it (Accept: text/html, format=html). */
    @GET
    @Path("/annual")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String annualDocument(@PathParam("code") String code, @QueryParam("year") String year,
            @QueryParam("tolerancePp") String tolerancePp, @QueryParam("table") List<String> table,
            @QueryParam("cluster") String cluster) {
        return document.data("doc", documents.annual(code, year(code, year).year(),
                ToleranceParameter.parse(tolerancePp), table, cluster).orElseThrow(() -> noArea(code))).render();
    }

    /** The annual appendix as PDF (Accept: application/pdf, format=pdf). */
    @GET
    @Path("/annual")
    @Produces(PDF)
    @Operation(hidden = true)
    public Response annualPdf(@PathParam("code") String code, @QueryParam("year") String year,
            @QueryParam("tolerancePp") String tolerancePp, @QueryParam("table") List<String> table,
            @QueryParam("cluster") String cluster) {
        int resolved = year(code, year).year();
        String html = annualDocument(code, String.valueOf(resolved), tolerancePp, table, cluster);
        return pdf(html, "noegletalsbilag-" + code + "-" + resolved + ".pdf");
    }

    private Response pdf(String html, String fileName) {
        return Response.ok(pdf.pdf(html), PDF).header("Content-Disposition", "inline; filename=\"" + fileName + "\"")
                .build();
    }

    private Period year(String code, String year) {
        PeriodParameter.Given given = PeriodParameter.requiredOrLatest("year", year);
        if (given.period() != null && given.period().granularity() != Granularity.YEAR
                || given.latest() != null && given.latest().asOnly(Granularity.YEAR).isEmpty()) {
            throw invalid("The parameter 'year' must be a year such as 2018, or latest, not "
                    + (given.period() != null ? given.period() : given.latest()) + ".");
        }
        return given.resolve(word -> latest.ofArea(code, LatestPeriod.LATEST_YEAR));
    }

    private Period quarter(String code, String quarter) {
        PeriodParameter.Given given = PeriodParameter.requiredOrLatest("quarter", quarter);
        if (given.period() != null && given.period().granularity() != Granularity.QUARTER
                || given.latest() != null && given.latest().asOnly(Granularity.QUARTER).isEmpty()) {
            throw invalid("The quarter must be written like 2018Q4, or latest, not " + quarter + ".");
        }
        return given.resolve(word -> latest.ofArea(code, LatestPeriod.LATEST_QUARTER));
    }

    private static int count(String years) {
        try {
            int count = Integer.parseInt(years.trim());
            if (count >= 1 && count <= MAX_YEARS) {
                return count;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("The parameter 'years' must be a whole number from 1 to " + MAX_YEARS + ".");
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.invalidParameter(detail);
    }

    private static ProblemException noArea(String code) {
        return ProblemException.notFound("There is no area with code " + code + ".");
    }
}
