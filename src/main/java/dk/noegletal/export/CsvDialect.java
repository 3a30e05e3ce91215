package dk.noegletal.export;

/** The two CSV flavours: RFC 4180 as most tools read it, and what Excel with Danish settings opens directly. */
enum CsvDialect {

    STANDARD(',', '.', false),
    /**
     * Danish Excel takes ';' between cells and ',' as decimal mark, and reads a file as UTF-8 only when it starts
     * with a byte-order mark (without one, æ, ø and å come out garbled).
     */
    DANISH(';', ',', true);

    final char separator;
    final char decimalMark;
    final boolean byteOrderMark;

    CsvDialect(char separator, char decimalMark, boolean byteOrderMark) {
        this.separator = separator;
        this.decimalMark = decimalMark;
        this.byteOrderMark = byteOrderMark;
    }
}
