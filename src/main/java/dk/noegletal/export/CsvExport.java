package dk.noegletal.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes records as CSV with jackson-dataformat-csv, after {@link CsvTable} has made them flat. */
@ApplicationScoped
class CsvExport {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final ObjectMapper mapper;
    private final CsvMapper csv;

    CsvExport(ObjectMapper mapper) {
        // The application's mapper, so that CSV cells are what the JSON says, but keeping the scale of decimals
        // (a tree strips trailing zeros by default, and 816.50 would lose its last digit).
        this.mapper = mapper.copy().configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        // Quotes only cells that need them (a separator, a quote or a line break), as RFC 4180 has it.
        this.csv = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    }

    /** @param decimals round numbers to at most this many decimals, or null for full precision */
    byte[] write(List<?> records, CsvDialect dialect, Integer decimals) {
        CsvTable table = CsvTable.of(records, mapper, dialect.decimalMark, decimals);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (dialect.byteOrderMark) {
            body.writeBytes(BYTE_ORDER_MARK);
        }
        if (table.header().isEmpty()) {
            // Nothing to write, not even a header: the columns come from the records.
            return body.toByteArray();
        }
        CsvSchema.Builder columns = CsvSchema.builder();
        table.header().forEach(columns::addColumn);
        CsvSchema schema = columns.build().withHeader()
                .withColumnSeparator(dialect.separator)
                .withLineSeparator("\r\n");
        try (Writer out = new OutputStreamWriter(body, StandardCharsets.UTF_8);
                SequenceWriter rows = csv.writer(schema).writeValues(out)) {
            for (List<String> row : table.rows()) {
                rows.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body.toByteArray();
    }
}
