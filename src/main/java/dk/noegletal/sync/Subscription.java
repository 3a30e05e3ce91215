package dk.noegletal.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A subscription to a Jobindsats table: what to pull of it, when, and what Jobindsats last said of it. */
@Entity
@Table(name = "sync")
class Subscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "table_id", nullable = false)
    String tableId;

    String description;

    /** The checked selection ({@link Selection}) as JSON. */
    @Column(nullable = false)
    String selection;

    /** A cron expression with seconds; null: only when asked. */
    String schedule;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    /** The table's name in Jobindsats' catalogue, as last read. */
    @Column(name = "table_name")
    String tableName;

    /** Jobindsats' update_latest of the table at the last pull that landed; null after the selection changed. */
    @Column(name = "landed_update_latest")
    String landedUpdateLatest;

    /** When Jobindsats says it will next update the table, as last read. */
    @Column(name = "update_next")
    String updateNext;
}
