package dk.noegletal.export;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes a {@link FlatTable} as CSV with jackson-dataformat-csv. */
@ApplicationScoped
class CsvExport {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String FORMULA_START = "=+-@\t\r";

    private final CsvMapper csv;

    CsvExport() {
        // Quotes only cells that need them (a separator, a quote or a line break), as RFC 4180 has it.
        this.csv = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    }

    /** @param header the name of each column: snake_case paths in the plain CSV, Danish words in the Danish one */
    byte[] write(FlatTable table, List<String> header, CsvDialect dialect) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (dialect.byteOrderMark) {
            body.writeBytes(BYTE_ORDER_MARK);
        }
        if (header.isEmpty()) {
            // A type that has no columns (none is known for an empty report): nothing to write.
            return body.toByteArray();
        }
        // The header goes first as a row of its own: the generator writes a schema's header only before a first row,
        // and a table without rows still has its header.
        CsvSchema schema = CsvSchema.emptySchema()
                .withColumnSeparator(dialect.separator)
                .withLineSeparator("\r\n");
        try (Writer out = new OutputStreamWriter(body, StandardCharsets.UTF_8);
                SequenceWriter rows = csv.writer(schema).writeValues(out)) {
            rows.write(header);
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                // Null as an empty text: in a row written as an array the generator leaves a null out altogether.
                row.forEach(cell -> cells.add(cell == null ? "" : text(cell, dialect.decimalMark)));
                rows.write(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body.toByteArray();
    }

    /** A cell as CSV text: numbers plain with the dialect's decimal mark, text neutralised, null empty. */
    static String text(Object cell, char decimalMark) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.toPlainString().replace('.', decimalMark);
        }
        if (cell instanceof String text) {
            return neutralised(text);
        }
        return cell.toString();
    }

    /**
     * A text cell that a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage return)
     * gets a leading ', as OWASP's advice on CSV injection has it, so that a cluster named =HYPERLINK(...) shows as
     * its name. Number cells are never touched: -3.5 stays a number.
     */
    static String neutralised(String text) {
        if (!text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
