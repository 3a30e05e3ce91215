package dk.noegletal.ingest;

import java.util.List;

/** The observations a file states, and the columns it carried that are deliberately not stored. */
record ParsedFile(ImportFormat format, List<RawObservation> rows, List<String> ignoredColumns) implements ImportFile {
}
