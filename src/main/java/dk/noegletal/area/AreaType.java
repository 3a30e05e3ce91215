package dk.noegletal.area;

import dk.noegletal.common.ProblemException;

/** The kinds of area the statistics are published for. */
public enum AreaType {
    COUNTRY, REGION, MUNICIPALITY,
    /** A user-defined comparison group of municipalities; its figures are the sums over its members. */
    CLUSTER;

    /** Reads a type as given in a query, in any letter case. */
    static AreaType parse(String text) {
        for (AreaType type : values()) {
            if (type.name().equalsIgnoreCase(text.trim())) {
                return type;
            }
        }
        throw ProblemException.invalidParameter("Unknown area type '" + text + "'; use MUNICIPALITY, REGION, COUNTRY or CLUSTER.");
    }
}
