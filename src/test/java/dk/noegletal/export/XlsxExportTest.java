package dk.noegletal.export;

import static dk.noegletal.Fixtures.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Every tabular endpoint answers an Excel workbook, read back here with Apache POI as Excel would open it: numbers
 * are number cells, codes are text, the header is Danish; from the demo data (Gentofte 2016-2018).
 */
@QuarkusTest
class XlsxExportTest {

    private static final String KEY_FIGURES = "/api/v1/areas/157/key-figures";

    @Test
    void keyFiguresAreNumberCellsUnderDanishHeadersWithCodesAsText() {
        BigDecimal dagpenge = given().config(Fixtures.EXACT_NUMBERS).queryParam("period", "2018")
                .when().get(KEY_FIGURES).then().statusCode(200).extract().jsonPath()
                .getObject("groups.find { it.targetGroup.code == 'dagpenge' }.fullTimePersons", BigDecimal.class);

        Sheets workbook = workbook(given().queryParam("period", "2018").queryParam("format", "xlsx"), KEY_FIGURES,
                "key-figures-157-2018.xlsx");

        Sheet sheet = workbook.only();
        assertEquals("key-figures-157-2018", sheet.getSheetName());
        List<String> header = header(sheet);
        assertEquals(List.of("Områdekode", "Områdenavn", "Periode", "Periode året før", "Målgruppekode"),
                header.subList(0, 5));
        assertTrue(header.containsAll(List.of("Fuldtidspersoner", "Landsandel (%)", "Ændring (%)",
                "Landsandel, ændring (procentpoint)", "Fuldstændighed, delvis periode")), header.toString());
        Row row = find(sheet, "Målgruppekode", "dagpenge");

        Cell persons = cell(sheet, row, "Fuldtidspersoner");
        assertEquals(CellType.NUMERIC, persons.getCellType());
        assertEquals(816, Math.round(persons.getNumericCellValue()), "the published annual average");
        assertEquals(dagpenge.doubleValue(), persons.getNumericCellValue(), 0.0, "the JSON's value, not rounded");
        assertEquals("#,##0.00", persons.getCellStyle().getDataFormatString());
        Cell area = cell(sheet, row, "Områdekode");
        assertEquals(CellType.STRING, area.getCellType());
        assertEquals("157", area.getStringCellValue());
        assertEquals(CellType.STRING, cell(sheet, row, "Periode").getCellType());
        assertEquals(CellType.BOOLEAN, cell(sheet, row, "Fuldstændighed, delvis periode").getCellType());
        assertEquals(CellType.NUMERIC, cell(sheet, row, "Målgruppeniveau").getCellType());

        PaneInformation pane = sheet.getPaneInformation();
        assertNotNull(pane, "the header row is frozen");
        assertTrue(pane.isFreezePane());
        assertEquals(1, pane.getHorizontalSplitPosition());
        assertTrue(sheet.getColumnWidth(header.indexOf("Områdenavn")) >= "Områdenavn".length() * 256);
    }

    @Test
    void theCountryCodeStaysTextAndTheAcceptHeaderAsksForAWorkbookToo() {
        int areas = given().when().get("/api/v1/areas").then().statusCode(200).extract().jsonPath()
                .getList("$").size();
        Sheets workbook = workbook(given().accept(Tabular.XLSX), "/api/v1/areas", "areas.xlsx");

        Sheet sheet = workbook.only();
        assertEquals(List.of("Kode", "Navn", "Type", "Overordnet områdekode", "Overordnet områdenavn"),
                header(sheet));
        Cell country = cell(sheet, find(sheet, "Kode", "000"), "Kode");
        assertEquals(CellType.STRING, country.getCellType());
        assertEquals("000", country.getStringCellValue());
        assertEquals(areas, sheet.getLastRowNum(), "a row per area under the header");
    }

    @Test
    void decimalsRoundTheCellsAndTheirDisplay() {
        Sheets workbook = workbook(given().queryParam("period", "2018").queryParam("format", "xlsx")
                .queryParam("decimals", "1"), KEY_FIGURES, "key-figures-157-2018.xlsx");

        Sheet sheet = workbook.only();
        Cell percent = cell(sheet, find(sheet, "Målgruppekode", "dagpenge"), "Ændring (%)");
        assertEquals(1.7, percent.getNumericCellValue(), 0.0);
        assertEquals("#,##0.0", percent.getCellStyle().getDataFormatString());
    }

    @Test
    void identifiersAreTextAndTruthIsLogical() {
        Sheet imports = workbook(given().queryParam("format", "xlsx"), "/api/v1/imports", "imports.xlsx").only();
        assertTrue(imports.getLastRowNum() >= 1, "the demo data is an import");
        assertEquals(CellType.STRING, imports.getRow(1).getCell(header(imports).indexOf("Id")).getCellType());

        Sheet measures = workbook(given().queryParam("format", "xlsx"), "/api/v1/measures", "measures.xlsx").only();
        Cell perTargetGroup = cell(measures, find(measures, "Kode", "full-time-persons"), "Pr. målgruppe");
        assertEquals(CellType.BOOLEAN, perTargetGroup.getCellType());
        assertTrue(perTargetGroup.getBooleanCellValue());
    }

    /** Gentofte has no goals for 2045: each format still names its columns. */
    @Test
    void aTableWithoutRowsKeepsItsHeaderInEveryFormat() {
        String goals = "/api/v1/areas/157/goals";
        Sheet sheet = workbook(given().queryParam("year", "2045").queryParam("format", "xlsx"), goals,
                "goals-157-2045.xlsx").only();
        assertEquals(0, sheet.getLastRowNum(), "the header row only");
        List<String> danish = header(sheet);
        assertEquals(List.of("Områdekode", "Områdenavn", "Dataversion", "Id", "År", "Titel"), danish.subList(0, 6));

        String plain = text(given().queryParam("year", "2045").queryParam("format", "csv"), goals);
        assertTrue(plain.startsWith("area_code,area_name,data_revision,id,year,title,"), plain);
        assertEquals(1, plain.split("\r\n").length, plain);
        String csvDa = text(given().queryParam("year", "2045").queryParam("format", "csv-da"), goals);
        assertEquals("\uFEFF" + String.join(";", danish) + "\r\n", csvDa);

        // The same header as when the area has goals.
        Sheet withGoals = workbook(given().queryParam("format", "xlsx"), goals, "goals-157.xlsx").only();
        assertTrue(withGoals.getLastRowNum() > 0, "the demo data has goals for Gentofte");
        assertEquals(header(withGoals).subList(0, 6), danish.subList(0, 6));
    }

    @Test
    void anEmptySeriesKeepsItsHeader() {
        Sheet sheet = workbook(given().queryParam("area", "157").queryParam("targetGroup", "dagpenge")
                .queryParam("from", "2040").queryParam("format", "xlsx"), "/api/v1/series",
                "series-157-dagpenge-full-time-persons.xlsx").only();

        assertEquals(0, sheet.getLastRowNum());
        assertEquals(List.of("Områdekode", "Områdenavn", "Målgruppekode", "Målgruppenavn", "Opgørelse", "Periode"),
                header(sheet).subList(0, 6));
    }

    /** Answers are kept by address and Accept: a workbook is never answered with the CSV of the same address. */
    @Test
    void workbookAndCsvOfOneAddressAreKeptApart() {
        for (int i = 0; i < 2; i++) {
            given().accept(Tabular.XLSX).when().get("/api/v1/target-groups")
                    .then().statusCode(200).contentType(Tabular.XLSX);
            given().accept("text/csv").when().get("/api/v1/target-groups")
                    .then().statusCode(200).contentType(startsWith("text/csv"));
        }
        Response first = given().accept(Tabular.XLSX).when().get("/api/v1/target-groups");
        Response second = given().accept(Tabular.XLSX).when().get("/api/v1/target-groups");
        assertArrayEquals(first.asByteArray(), second.asByteArray());
    }

    @Test
    void jsonStaysTheAnswerWhenTheWorkbookIsNotPreferred() {
        given().accept("application/json, " + Tabular.XLSX).when().get("/api/v1/measures")
                .then().statusCode(200).contentType(startsWith("application/json"));
        given().accept(Tabular.XLSX + ";q=0.5, application/json").when().get("/api/v1/measures")
                .then().statusCode(200).contentType(startsWith("application/json"));
        given().accept(Tabular.XLSX + ", application/json;q=0.5").when().get("/api/v1/measures")
                .then().statusCode(200).contentType(Tabular.XLSX);
    }

    @Test
    void whatHasNoTableHasNoWorkbook() {
        given().queryParam("format", "xlsx").when().get("/api/v1/areas/157")
                .then().statusCode(406).contentType("application/problem+json");
        given().queryParam("format", "xls").when().get("/api/v1/areas")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Unknown format 'xls'; use json, csv, csv-da or xlsx (and for the quarterly report "
                        + "html or pdf)."));
    }

    private static Sheets workbook(io.restassured.specification.RequestSpecification request, String address,
            String fileName) {
        byte[] body = request.when().get(address)
                .then().statusCode(200).contentType(Tabular.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .extract().asByteArray();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            return new Sheets(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(io.restassured.specification.RequestSpecification request, String address) {
        return new String(request.when().get(address).then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
    }

    private static List<String> header(Sheet sheet) {
        List<String> header = new ArrayList<>();
        for (Cell cell : sheet.getRow(0)) {
            assertEquals(CellType.STRING, cell.getCellType());
            header.add(cell.getStringCellValue());
        }
        return header;
    }

    private static Row find(Sheet sheet, String column, String value) {
        int index = header(sheet).indexOf(column);
        for (Row row : sheet) {
            Cell cell = row.getCell(index);
            if (row.getRowNum() > 0 && cell != null && cell.getCellType() == CellType.STRING
                    && value.equals(cell.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + column + " " + value);
    }

    private static Cell cell(Sheet sheet, Row row, String column) {
        int index = header(sheet).indexOf(column);
        assertTrue(index >= 0, "no column " + column + " in " + header(sheet));
        Cell cell = row.getCell(index);
        assertNotNull(cell, column + " is empty");
        return cell;
    }

    /** The workbook's sheets, read while it was open. */
    private record Sheets(List<Sheet> sheets) {

        Sheets(Workbook workbook) {
            this(read(workbook, sheet -> sheet));
        }

        private static List<Sheet> read(Workbook workbook, Function<Sheet, Sheet> each) {
            List<Sheet> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(each.apply(sheet)));
            return sheets;
        }

        Sheet only() {
            assertEquals(1, sheets.size(), "one sheet per table");
            return sheets.get(0);
        }
    }
}
