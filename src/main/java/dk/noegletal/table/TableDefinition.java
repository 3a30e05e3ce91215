package dk.noegletal.table;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A statistics table as the catalogue holds it: its dimensions with their members, and its measures. */
public record TableDefinition(String id, String name, String source, List<Dimension> dimensions,
        List<MeasureDefinition> measures) {

    /**
     * The tables shipped with the service: the målgruppe table of the key-figure appendix and the population 16-66.
     * They are filled by the målgruppe imports (without {@code ?table=}) and their shape is fixed.
     */
    public static final java.util.Set<String> CURATED = java.util.Set.of("maalgrupper", "befolkning");

    /** A dimension of a table, such as "A-kasse", with its members in order. */
    public record Dimension(long id, String code, String label, int order, List<Member> members) {

        /** The member named by its code or its label (letter case aside). */
        public Optional<Member> member(String codeOrLabel) {
            String wanted = codeOrLabel == null ? "" : codeOrLabel.trim();
            return members.stream().filter(member -> member.code().equalsIgnoreCase(wanted)
                    || member.label().equalsIgnoreCase(wanted)).findFirst();
        }

        /** The member that stands for all others ("I alt"), when the dimension has one. */
        public Optional<Member> total() {
            return members.stream().filter(Member::total).findFirst();
        }

        public boolean named(String codeOrLabel) {
            String wanted = codeOrLabel == null ? "" : codeOrLabel.trim();
            return code.equalsIgnoreCase(wanted) || label.equalsIgnoreCase(wanted);
        }
    }

    /** A member of a dimension; a total member is the parent of its siblings. */
    public record Member(long id, String code, String label, int order, boolean total, Long parentId) {
    }

    /** A measure of a table with the kind that decides the arithmetic on it. */
    public record MeasureDefinition(long id, String code, String label, MeasureKind kind, String kindSetBy,
            int order) {
    }

    public Optional<Dimension> dimension(String codeOrLabel) {
        return dimensions.stream().filter(dimension -> dimension.named(codeOrLabel)).findFirst();
    }

    public Optional<MeasureDefinition> measure(String codeOrLabel) {
        String wanted = codeOrLabel == null ? "" : codeOrLabel.trim();
        return measures.stream().filter(measure -> measure.code().equalsIgnoreCase(wanted)
                || measure.label().equalsIgnoreCase(wanted)).findFirst();
    }

    /** Whether a label names a total member: "I alt", or ends in " i alt" ("Ydelsesgrupper i alt"). */
    public static boolean isTotalLabel(String label) {
        String text = label.trim().toLowerCase(Locale.ROOT);
        return text.equals("i alt") || text.endsWith(" i alt") || text.equals("alle");
    }
}
