package dk.noegletal.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dk.noegletal.area.AreaService;
import dk.noegletal.goal.GoalRequest;
import dk.noegletal.goal.GoalService;
import dk.noegletal.measure.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Fills an empty database with real figures, so that a first run shows something: Gentofte's published
 * key-figure appendix for 2016-2018 (annual averages of full-time persons), country values derived from the
 * national shares it printed (country = value / share × 100), and the real Jobindsats table y60a02 (kontanthjælp,
 * the country and the 98 municipalities, monthly 2021M08-2026M07) as the v3 API serves it. All go through the
 * ordinary imports, with goals of Gentofte's employment plan on those figures ({@link #GOALS}), within the caller's
 * transaction, so that the demo is loaded whole or not at all (see
 * {@link FirstStart}).
 */
@ApplicationScoped
class DemoDataLoader {

    static final String RESOURCE = "demo/gentofte-maalgruppeoversigt-2016-2018.csv";
    /** Kontanthjælp (Jobindsats y60a02), the country and all 98 municipalities, monthly 2021M08-2026M07. */
    static final String KONTANTHJAELP = "demo/jobindsats-v3-y60a02-kontanthjaelp-2021M08-2026M07.json";

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    private static final CsvMapper CSV = new CsvMapper();
    /** "I alt" is computed from the top-level groups, never stored. */
    private static final Set<String> COMPUTED_GROUPS = Set.of("i-alt");
    private static final int SHARE_DERIVED_SCALE = 6;

    /** Goals of Gentofte's employment plan on the demo's figures, one of each status. */
    static final String GOALS = "demo/gentofte-goals.json";

    private final ImportService imports;
    private final GoalService goals;
    private final ObjectMapper json;

    DemoDataLoader(ImportService imports, GoalService goals, ObjectMapper json) {
        this.imports = imports;
        this.goals = goals;
        this.json = json;
    }

    /** A row of the tidy CSV format. */
    @JsonPropertyOrder({"area", "target_group", "measure", "period", "value"})
    record TidyRow(String area, @JsonProperty("target_group") String targetGroup, String measure, String period,
            String value) {
    }

    /** Within a transaction: the three imports land together or none does. */
    void load() {
        List<Map<String, String>> appendix = readAppendix();
        List<TidyRow> published = new ArrayList<>();
        List<TidyRow> country = new ArrayList<>();
        for (Map<String, String> row : appendix) {
            String group = row.get("target_group");
            if (COMPUTED_GROUPS.contains(group)) {
                continue;
            }
            String value = row.get("full_time_persons");
            published.add(new TidyRow(row.get("area_code"), group, Measure.FULL_TIME_PERSONS.code(), row.get("year"),
                    value));
            derivedCountryValue(value, row.get("national_share_pct")).ifPresent(total -> country.add(
                    new TidyRow(AreaService.COUNTRY, group, Measure.FULL_TIME_PERSONS.code(), row.get("year"), total)));
        }
        ImportReportDto gentofte = imports.importCsv(tidyCsv(published), new ImportService.Origin(RESOURCE,
                "Demo: Gentofte's key-figure appendix (målgruppeoversigt) 2016-2018 as published, annual averages "
                        + "of full-time persons."));
        ImportReportDto total = imports.importCsv(tidyCsv(country), new ImportService.Origin(RESOURCE,
                "Demo: country (000) values derived from the national shares Gentofte published: value / share "
                        + "× 100. Not Jobindsats figures; cells with no or a zero share are left out."));
        ImportReportDto kontanthjaelp = imports.importTable("y60a02", ImportBody.resource(KONTANTHJAELP),
                new ImportService.Origin(KONTANTHJAELP, "Demo: kontanthjælp (Jobindsats y60a02) for the country and "
                        + "all 98 municipalities, monthly 2021M08-2026M07, as the Jobindsats API v3 serves it."));
        List<GoalRequest> plan = readGoals();
        plan.forEach(goal -> goals.record("157", goal));
        LOG.infof("Loaded demo data: %d observations for Gentofte (import %d), %d derived country values "
                + "(import %d), %d observations of kontanthjælp (y60a02, import %d), %d goals of Gentofte",
                gentofte.rowsRead(), gentofte.id(), total.rowsRead(), total.id(), kontanthjaelp.rowsRead(),
                kontanthjaelp.id(), plan.size());
    }

    /** The country value implied by a value and its national share in percent, when both are known and positive. */
    static Optional<String> derivedCountryValue(String value, String sharePercent) {
        if (!isNumber(value) || !isNumber(sharePercent)) {
            return Optional.empty();
        }
        BigDecimal share = new BigDecimal(sharePercent);
        BigDecimal amount = new BigDecimal(value);
        if (share.signum() == 0 || amount.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(amount.multiply(BigDecimal.valueOf(100))
                .divide(share, SHARE_DERIVED_SCALE, RoundingMode.HALF_UP).toPlainString());
    }

    private static boolean isNumber(String text) {
        return text != null && text.matches("\\d+(\\.\\d+)?");
    }

    private static List<Map<String, String>> readAppendix() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE);
                MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("The demo data " + RESOURCE + " cannot be read", e);
        }
    }

    private List<GoalRequest> readGoals() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(GOALS)) {
            return List.of(json.readValue(in, GoalRequest[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("The demo goals " + GOALS + " cannot be read", e);
        }
    }

    private static ImportBody tidyCsv(List<TidyRow> rows) {
        try {
            String text = CSV.writer(CSV.schemaFor(TidyRow.class).withHeader()).writeValueAsString(rows);
            return ImportBody.of(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
