package dk.noegletal.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The committee's quarterly report of Gentofte from the demo data, read as a reader of the HTML and PDF would. */
@QuarkusTest
class ReportDocumentTest {

    private static final String REPORT = "/api/v1/areas/157/reports/quarterly/2018Q4";
    private static final String KONTANTHJAELP_SHARE = "fuldtidspersoner-i-pct-af-befolkningen-16-66-aar";

    @Test
    void theHtmlReportShowsThePublishedAppendixChartsComparisonAndGoals() {
        String html = given().accept("text/html").when().get(REPORT).then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        Document page = Jsoup.parse(html);
        assertEquals("Kvartalsrapport for Gentofte, 4. kvartal 2018", page.selectFirst("h1").text());
        // Dagpengemodtagere: 2016, 2017 and 2018 each with average, national share and change; 816 in 2018.
        List<String> dagpenge = row(page, "#maalgruppeoversigt", "Dagpengemodtagere");
        assertEquals("816", dagpenge.get(7), dagpenge.toString());
        assertEquals("1,03 %", dagpenge.get(8), dagpenge.toString());
        assertEquals("1,7 %", dagpenge.get(9), dagpenge.toString());
        List<Element> charts = page.select("#figurer figure svg");
        assertTrue(charts.size() >= 4, "charts: " + charts.size());
        for (Element chart : charts) {
            assertFalse(chart.selectFirst("title").text().isBlank());
            assertTrue(chart.selectFirst("desc").text().length() > 20, chart.selectFirst("desc").text());
        }
        List<String> gentofte = row(page, "#sammenligning", "Gentofte");
        assertEquals(List.of("Gentofte", "3.999", "4.102", "-2,5 %", "–", "–"), gentofte);
        assertFalse(row(page, "#sammenligning", "Hele landet").isEmpty());
        List<String> goal = row(page, "#maal", "Færre borgere på offentlig forsørgelse end året før");
        assertEquals("Nået", goal.get(1));
        assertTrue(goal.get(2).contains("I 2018 var tallet 3.999 mod 4.102 i 2017"), goal.get(2));
        // Self-contained: nothing is fetched from elsewhere.
        assertTrue(page.select("script, link, img, iframe, [src]").isEmpty());
    }

    @Test
    void thePdfHoldsTheSameDocument() throws IOException {
        byte[] pdf = given().queryParam("format", "pdf").when().get(REPORT).then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", containsString("2018Q4.pdf"))
                .extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document).replaceAll("\\s+", " ");
            assertTrue(document.getNumberOfPages() >= 2, "pages: " + document.getNumberOfPages());
            assertTrue(text.contains("Kvartalsrapport for Gentofte, 4. kvartal 2018"), text);
            assertTrue(text.contains("Dagpengemodtagere 746 0,93 % – 802 0,99 % 7,5 % 816 1,03 % 1,7 %"), text);
            assertTrue(text.contains("Opfølgning på beskæftigelsesplanens mål"), text);
            // Four charts at least, each with its caption (Batik draws a chart's own text as shapes).
            assertTrue(text.contains("Figur 4. Fuldtidspersoner i alt i Gentofte mod hele landet, indeks."), text);
            assertTrue(text.contains("Sammenligning, i alt, 2018 "), text);
        }
    }

    @Test
    void theAnnualAppendixIsADocumentTooWithTheYearsGoals() throws IOException {
        Document page = Jsoup.parse(given().accept("text/html").queryParam("year", "2018").when()
                .get("/api/v1/areas/157/reports/annual").then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString());
        assertEquals("Nøgletalsbilag for Gentofte, 2018", page.selectFirst("h1").text());
        assertEquals("816", row(page, "#maalgruppeoversigt", "Dagpengemodtagere").get(7));
        assertTrue(page.select("#kvartal").isEmpty(), "an appendix has no quarter");
        assertEquals(2, page.select("#maal tbody tr").size());
        assertTrue(page.select("#figurer figure svg").size() >= 4);
        byte[] pdf = given().queryParam("format", "pdf").queryParam("year", "2018").when()
                .get("/api/v1/areas/157/reports/annual").then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("noegletalsbilag-157-2018.pdf")).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Nøgletalsbilag for Gentofte, 2018"), text);
            assertTrue(text.contains("Gentoftes andel af landets kontanthjælpsmodtagere skal falde"), text);
        }
    }

    @Test
    void theKontanthjaelpRankingHighlightsGentofteAmongAllMunicipalities() {
        String svg = given().when().get("/api/v1/tables/y60a02/charts/ranking?period=2026-07&measure="
                + KONTANTHJAELP_SHARE + "&highlight=157").then().statusCode(200).contentType("image/svg+xml")
                .extract().asString();
        Document chart = Jsoup.parse(svg, Parser.xmlParser());
        List<Element> bars = chart.select("rect[height=9]");
        assertEquals(98, bars.size());
        assertEquals(1, bars.stream().filter(bar -> bar.attr("fill").equals("#d55e00")).count());
        assertTrue(chart.selectFirst("desc").text().contains("Gentofte er nr. 8 med 1,2 %"),
                chart.selectFirst("desc").text());
        // The same chart in the report of a quarter that follows the table.
        Document page = Jsoup.parse(given().queryParam("format", "html").queryParam("table", "y60a02").when()
                .get("/api/v1/areas/157/reports/quarterly/2026Q2").then().statusCode(200).extract().asString());
        assertTrue(page.select("#figurer svg").stream().anyMatch(one -> one.select("rect[height=9]").size() == 98));
    }

    @Test
    void badRequestsForTheDocumentAreClear() {
        given().queryParam("format", "docx").when().get(REPORT).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("Unknown format 'docx'"));
        // html and pdf are the report's: another address answers that it cannot.
        given().queryParam("format", "pdf").when().get("/api/v1/areas/157/key-figures?period=2018").then()
                .statusCode(406).contentType("application/problem+json");
        given().queryParam("format", "html").queryParam("table", "y99x99").when().get(REPORT).then()
                .statusCode(400).body("detail", containsString("There is no table 'y99x99'"));
        given().when().get("/api/v1/tables/y60a02/charts/ranking?period=2026-07&highlight=1084").then()
                .statusCode(400).body("detail", containsString("'highlight' must be a municipality's code"));
    }

    /** The cells of the row whose first cell is {@code name}, in the given section; empty when there is none. */
    private static List<String> row(Document page, String section, String name) {
        return page.select(section + " tr").stream().map(tr -> tr.select("td").eachText())
                .filter(cells -> !cells.isEmpty() && cells.get(0).equals(name)).findFirst().orElse(List.of());
    }
}
