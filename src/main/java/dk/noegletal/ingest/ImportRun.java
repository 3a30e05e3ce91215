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
}
