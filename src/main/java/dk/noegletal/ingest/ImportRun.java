package dk.noegletal.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One import, which is one revision of the data, with what it did. */
@Entity
@Table(name = "import_run")
class ImportRun {

    /** Separates the entries of the list columns; no code, period or column label contains it. */
    static final String LIST_SEPARATOR = "|";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "imported_at", nullable = false)
    OffsetDateTime importedAt;

    @Column(nullable = false)
    String format;

    String source;

    String description;

    @Column(name = "rows_read", nullable = false)
    int rowsRead;

    @Column(nullable = false)
    int inserted;

    @Column(nullable = false)
    int updated;

    @Column(nullable = false)
    int unchanged;

    @Column(nullable = false)
    int suppressed;

    /** Column names the file carried that are not stored (derived figures). */
    @Column(name = "ignored_columns")
    String ignoredColumns;

    /** Canonical period codes, in period order. */
    @Column(nullable = false)
    String periods;

    /** Area codes, sorted. */
    @Column(nullable = false)
    String areas;

    /** The table an import of any table filled; null for the målgruppe table. */
    @Column(name = "table_id")
    String tableId;

    /** What the import added to the catalogue of tables, as phrases, separated like the lists above. */
    String added;

    /** Rows the file repeated with the same values, kept once. */
    @Column(name = "duplicate_rows", nullable = false)
    int duplicateRows;

    /** Rows skipped because they belong to no area (Jobindsats' "Uoplyst område"). */
    @Column(name = "skipped_rows", nullable = false)
    int skippedRows;

    /** A pull's data requests, as sent (without the key), separated like the lists above; null for an upload. */
    @Column(name = "jobindsats_requests")
    String jobindsatsRequests;

    /** Jobindsats' ids of a pull's requests, when it gave them. */
    @Column(name = "jobindsats_request_ids")
    String jobindsatsRequestIds;

    /** Jobindsats' update_latest of the table when it was pulled. */
    @Column(name = "jobindsats_update_latest")
    String jobindsatsUpdateLatest;

    /** The subscription that pulled it (see /api/v1/syncs). */
    @Column(name = "sync_id")
    Long syncId;
}
