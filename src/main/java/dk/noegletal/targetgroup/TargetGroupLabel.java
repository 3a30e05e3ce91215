package dk.noegletal.targetgroup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A name Jobindsats uses for one of our target groups. */
@Entity
@Table(name = "target_group_label")
public class TargetGroupLabel {

    @Id
    public String label;

    @Column(name = "target_group_code", nullable = false)
    public String targetGroupCode;
}
