package dk.noegletal.ingest;

import java.util.List;

/** The observations a file states, and the columns it carried that are deliberately not stored. */
record ParsedFile(ImportFormat format, List<RawObservation> rows, List<String> ignoredColumns) implements ImportFile {

    /**
     * The rows of the file that are skipped, not stored and no error: Jobindsats' total over all target groups
     * ("Ydelsesgrupper i alt"), which the service computes itself. Counted by {@link ObservationResolver}, which
     * leaves them out.
     */
    int skippedRows() {
        return ObservationResolver.skippedRows(rows);
    }
}
