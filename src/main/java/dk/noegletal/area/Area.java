package dk.noegletal.area;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import java.util.Set;
import java.util.TreeSet;

/** A country, region or municipality of the built-in catalogue. */
@Entity
public class Area {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AreaType type;

    @ManyToOne
    @JoinColumn(name = "parent_code")
    public Area parent;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    /** The member municipalities of a cluster; empty for every other area. */
    @ElementCollection
    @CollectionTable(name = "cluster_member", joinColumns = @JoinColumn(name = "cluster_code"))
    @Column(name = "municipality_code")
    @OrderBy
    public Set<String> members = new TreeSet<>();
}
