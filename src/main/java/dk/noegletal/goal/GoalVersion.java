package dk.noegletal.goal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** One version of a goal: what it was from {@code recordedAt} until {@code endedAt} (null: it still stands). */
@Entity
@Table(name = "goal")
class GoalVersion {

    /** Separates the members of a table's series; no dimension or member code holds a line break. */
    static final String MEMBER_SEPARATOR = "\n";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "goal_id")
    Long goalId;

    @Column(name = "area_code", nullable = false)
    String areaCode;

    @Column(name = "goal_year", nullable = false)
    int year;

    @Column(nullable = false)
    String title;

    @Column(name = "target_group")
    String targetGroup;

    @Column(name = "table_id")
    String tableId;

    @Column(name = "measure_code")
    String measureCode;

    String members;

    @Column(nullable = false)
    String figure;

    @Column(nullable = false)
    String basis;

    @Column(name = "basis_number")
    Integer basisNumber;

    @Column(nullable = false)
    String shape;

    BigDecimal baseline;

    BigDecimal threshold;

    @Column(nullable = false)
    boolean inclusive;

    @Column(name = "rank_limit")
    Integer rankLimit;

    String among;

    @Column(name = "recorded_at", nullable = false)
    OffsetDateTime recordedAt;

    @Column(name = "ended_at")
    OffsetDateTime endedAt;

    /** A table's members, each dimension:member; empty for a target group or a table without dimensions. */
    List<String> memberList() {
        return members == null || members.isEmpty() ? List.of() : List.of(members.split(MEMBER_SEPARATOR));
    }
}
