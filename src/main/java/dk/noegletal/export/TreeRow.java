package dk.noegletal.export;

import java.util.List;

/**
 * A record with records of its own kind under it, such as a target group with its sub-groups. In CSV a tree is
 * one row per node, each parent before its children, and the {@value #CHILDREN} property is not a column: a node
 * says where it sits with columns of its own (a parent code, a level).
 */
public interface TreeRow {

    /** The JSON property that holds the children, which is the record component {@link #children()}. */
    String CHILDREN = "children";

    List<? extends TreeRow> children();
}
