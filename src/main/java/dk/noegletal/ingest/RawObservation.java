package dk.noegletal.ingest;

/**
 * One observation as a file states it, before it is checked against the catalogue. Each cell keeps the column
 * it came from, so that an error can name it. {@code targetGroup} and {@code status} may be absent (null).
 */
record RawObservation(String location, Integer line, Cell area, Cell targetGroup, Cell measure, Cell period,
        Cell value, Cell status, NumberStyle numberStyle) {

    /** A cell's text and the name of its column in the file. */
    record Cell(String column, String text) {

        boolean isBlank() {
            return text == null || text.isBlank();
        }

        String trimmed() {
            return text == null ? "" : text.trim();
        }
    }
}
