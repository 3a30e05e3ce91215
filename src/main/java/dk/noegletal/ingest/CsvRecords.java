package dk.noegletal.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a CSV file (',' between cells, '"' around a cell that holds one, cells trimmed, empty lines
 * skipped), each with the line it starts on: what both tidy CSV formats are read with.
 */
final class CsvRecords implements Closeable {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final CsvParser parser;
    /** Where the record being read began, as far as the parser has told: for errors the parser itself raises. */
    private int recordLine = 1;

    private CsvRecords(CsvParser parser) {
        this.parser = parser;
    }

    static CsvRecords open(Reader reader) throws IOException {
        return new CsvRecords((CsvParser) MAPPER.createParser(reader));
    }

    /** One CSV record and the line it starts on (a quoted cell may span lines). */
    record Record(int line, List<String> cells) {

        String location() {
            return "line " + line;
        }
    }

    /**
     * The next record, or null at the end of the file.
     *
     * @throws dk.noegletal.common.ProblemException naming the line where a record that cannot be read begins
     */
    Record next() throws IOException {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            // The array start is reported where the previous record ended; the first cell knows its own line.
            int line = -1;
            List<String> cells = new ArrayList<>();
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                if (line < 0) {
                    line = parser.currentTokenLocation().getLineNr();
                    recordLine = line;
                }
                cells.add(parser.getText());
            }
            recordLine = parser.currentLocation().getLineNr();
            return new Record(line, cells);
        } catch (JsonProcessingException e) {
            // The parser reports where it gave up (for an unclosed quote, the end of the file); the user needs
            // the line where the broken record starts.
            throw ImportErrors.fileError("line " + recordLine, recordLine, null, null,
                    "the CSV cannot be read from this line on (" + ImportErrors.reason(e) + ")");
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
