package dk.noegletal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Cells a spreadsheet could not hold as they are, written so that the workbook still opens. */
class XlsxCellsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aTextLongerThanACellHoldsIsCutWithAnEllipsis() throws IOException {
        String notes = "x".repeat(XlsxExport.MAX_TEXT + 10);
        FlatTable table = FlatTable.of(List.of(Map.of("notes", notes, "formula", "=1+1")), null, MAPPER, '.', null);

        byte[] body = new XlsxExport().write(table, List.of("Noter", "Formel"), "notes", null);

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            int notesColumn = table.header().indexOf("notes");
            String cut = sheet.getRow(1).getCell(notesColumn).getStringCellValue();
            assertEquals(XlsxExport.MAX_TEXT, cut.length());
            assertTrue(cut.endsWith("…"));
            Cell formula = sheet.getRow(1).getCell(table.header().indexOf("formula"));
            assertEquals("=1+1", formula.getStringCellValue(), "text, not a formula, and not prefixed");
        }
    }
}
