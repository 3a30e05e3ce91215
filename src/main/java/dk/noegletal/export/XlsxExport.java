package dk.noegletal.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link FlatTable} as an Excel workbook with Apache POI: one sheet, a bold header row that stays in view
 * (frozen) with a filter on it, columns as wide as their contents (within bounds), and typed cells: numbers as
 * numbers, booleans as booleans, and text as text, codes and periods included, so that 000 stays 000 and 2018-12 is
 * no date. SXSSF keeps only a window of rows in memory and the rest in a compressed temporary file while it writes.
 */
@ApplicationScoped
class XlsxExport {

    /** Rows SXSSF keeps in memory before it writes them out. */
    private static final int WINDOW = 200;
    /** Widths in characters: never narrower than a short number, never wider than a sentence is worth. */
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 60;
    /** The most characters a cell holds in Excel (and POI refuses more). */
    static final int MAX_TEXT = 32_767;

    /**
     * @param header the name of each column
     * @param sheetName what the table is, e.g. key-figures-157-2018
     * @param decimals the decimals asked for, or null: decimals show that many places, else two (the cell holds every
     *        digit, as far as a spreadsheet's number does)
     */
    byte[] write(FlatTable table, List<String> header, String sheetName, Integer decimals) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
            workbook.setCompressTempFiles(true);
            try {
                return write(workbook, table, header, sheetName, decimals);
            } finally {
                // the temporary file of rows written out
                workbook.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(SXSSFWorkbook workbook, FlatTable table, List<String> header, String sheetName,
            Integer decimals) throws IOException {
        SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        CellStyle decimal = workbook.createCellStyle();
        decimal.setDataFormat(workbook.createDataFormat().getFormat(decimalFormat(decimals)));

        int[] widths = new int[header.size()];
        Row first = sheet.createRow(0);
        for (int column = 0; column < header.size(); column++) {
            Cell cell = first.createCell(column);
            cell.setCellValue(header.get(column));
            cell.setCellStyle(bold);
            widths[column] = header.get(column).length() + 2;
        }
        int index = 1;
        for (List<Object> values : table.rows()) {
            Row row = sheet.createRow(index++);
            for (int column = 0; column < values.size(); column++) {
                Object value = values.get(column);
                if (value != null) {
                    Cell cell = row.createCell(column);
                    set(cell, value, decimal);
                    widths[column] = Math.max(widths[column], width(value));
                }
            }
        }
        for (int column = 0; column < widths.length; column++) {
            int characters = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[column]));
            sheet.setColumnWidth(column, characters * 256);
        }
        sheet.createFreezePane(0, 1);
        if (!header.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, index - 1), 0, header.size() - 1));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        workbook.write(body);
        return body.toByteArray();
    }

    private static void set(Cell cell, Object value, CellStyle decimal) {
        if (value instanceof BigDecimal number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(decimal);
        } else if (value instanceof BigInteger number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean truth) {
            cell.setCellValue(truth);
        } else {
            // Never a formula: a text cell is shown as it is, whatever it begins with.
            String text = value.toString();
            cell.setCellValue(text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…");
        }
    }

    /** Thousands grouped and a fixed number of decimals; Excel shows the marks of the reader's locale. */
    static String decimalFormat(Integer decimals) {
        int places = decimals == null ? 2 : decimals;
        return places == 0 ? "#,##0" : "#,##0." + "0".repeat(places);
    }

    private static int width(Object value) {
        if (value instanceof BigDecimal number) {
            // the shown number: grouped digits, two decimals
            return number.toBigInteger().toString().length() * 4 / 3 + 4;
        }
        return value.toString().length() + 1;
    }
}
