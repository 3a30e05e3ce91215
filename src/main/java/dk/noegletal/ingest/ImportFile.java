package dk.noegletal.ingest;

/**
 * A file as read, before it is checked: observations of the målgruppe table ({@link ParsedFile}) or of any table
 * ({@link TableFile}). A tidy CSV file may be either; its header (or the table asked for) says which.
 */
sealed interface ImportFile permits ParsedFile, TableFile {

    ImportFormat format();
}
