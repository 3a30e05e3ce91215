package dk.noegletal.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One pull of a subscription, and how it ended. */
@Entity
@Table(name = "sync_run")
class SyncRun {

    /** Separates the requests and request ids of a run; no request as a subscription builds it holds one. */
    static final String LIST_SEPARATOR = "|";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "sync_id", nullable = false)
    long syncId;

    /** manual or schedule. */
    @Column(name = "run_trigger", nullable = false)
    String trigger;

    @Column(name = "started_at", nullable = false)
    OffsetDateTime startedAt;

    @Column(name = "finished_at")
    OffsetDateTime finishedAt;

    /** running, imported, unchanged, skipped or failed. */
    @Column(nullable = false)
    String outcome;

    /** What happened, in a sentence. */
    String sentence;

    @Column(name = "update_latest")
    String updateLatest;

    String requests;

    @Column(name = "request_ids")
    String requestIds;

    @Column(nullable = false)
    int attempts;

    @Column(name = "rows_received")
    Integer rowsReceived;

    @Column(name = "import_id")
    Long importId;

    /** Jobindsats' status when it refused or failed; 0 when no answer came. */
    @Column(name = "http_status")
    Integer httpStatus;

    /** Jobindsats' own words when it refused or failed, as they came. */
    String cause;
}
