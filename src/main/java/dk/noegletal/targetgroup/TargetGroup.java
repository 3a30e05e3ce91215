package dk.noegletal.targetgroup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A benefit group (målgruppe) of the catalogue; sub-groups name their parent. */
@Entity
@Table(name = "target_group")
public class TargetGroup {

    @Id
    public String code;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(nullable = false)
    public String name;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;
}
