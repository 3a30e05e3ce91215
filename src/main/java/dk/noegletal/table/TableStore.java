package dk.noegletal.table;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes imported tables: registers what a file names that the catalogue does not yet hold (the table, members,
 * measures, series), then stores its observations as a revision, like the målgruppe store: new keys are inserted,
 * changed values get a new row that supersedes the old one, values already stored as given are left alone.
 */
@ApplicationScoped
public class TableStore {

    private final TableRepository repository;
    private final dk.noegletal.common.DataVersion dataVersion;

    TableStore(TableRepository repository, dk.noegletal.common.DataVersion dataVersion) {
        this.repository = repository;
        this.dataVersion = dataVersion;
    }

    /**
     * An editor's corrections: the name, measures' labels, kinds and order, dimensions' and members' labels and
     * order. A changed kind changes figures, so this counts as a write (new ETags).
     *
     * @throws dk.noegletal.common.ProblemException 400 naming what is unknown or invalid; nothing is changed then
     */
    @Transactional
    public boolean update(String tableId, TableUpdateRequest request) {
        Optional<TableDefinition> found = repository.find(tableId);
        if (found.isEmpty()) {
            return false;
        }
        TableDefinition table = found.get();
        if (TableDefinition.CURATED.contains(table.id())) {
            throw invalid("The table " + table.id() + " is built in; its names and kinds are fixed.");
        }
        if (request == null) {
            throw invalid("The body must be a JSON object with name, measures and/or dimensions.");
        }
        dataVersion.countWrite();
        if (request.name() != null) {
            if (request.name().isBlank() || request.name().length() > 300) {
                throw invalid("A table's name must be 1-300 characters.");
            }
            repository.updateTableName(table.id(), request.name().trim());
        }
        if (request.measures() != null) {
            int order = 0;
            java.util.Set<Long> listed = new java.util.HashSet<>();
            for (TableUpdateRequest.MeasureUpdate update : request.measures()) {
                TableDefinition.MeasureDefinition measure = table.measure(update == null ? null : update.code())
                        .orElseThrow(() -> invalid("The table " + table.id() + " has no measure '"
                                + (update == null ? null : update.code()) + "'."));
                MeasureKind kind = measure.kind();
                String setBy = measure.kindSetBy();
                if (update.kind() != null) {
                    kind = MeasureKind.parse(update.kind()).orElseThrow(() -> invalid("Unknown kind '"
                            + update.kind() + "'; use " + MeasureKind.codes() + "."));
                    setBy = "editor";
                }
                repository.updateMeasure(measure.id(), label(update.label(), measure.label()), kind, setBy,
                        order += 10);
                listed.add(measure.id());
            }
            for (TableDefinition.MeasureDefinition measure : table.measures()) {
                if (!listed.contains(measure.id())) {
                    repository.updateMeasure(measure.id(), measure.label(), measure.kind(), measure.kindSetBy(),
                            order += 10);
                }
            }
        }
        if (request.dimensions() != null) {
            for (TableUpdateRequest.DimensionUpdate update : request.dimensions()) {
                TableDefinition.Dimension dimension = table.dimension(update == null ? null : update.code())
                        .orElseThrow(() -> invalid("The table " + table.id() + " has no dimension '"
                                + (update == null ? null : update.code()) + "'."));
                repository.updateDimension(dimension.id(), label(update.label(), dimension.label()),
                        dimension.order());
                if (update.members() != null) {
                    int order = 0;
                    java.util.Set<Long> listed = new java.util.HashSet<>();
                    for (TableUpdateRequest.MemberUpdate member : update.members()) {
                        TableDefinition.Member found2 = dimension.member(member == null ? null : member.code())
                                .orElseThrow(() -> invalid("The dimension " + dimension.label() + " has no member '"
                                        + (member == null ? null : member.code()) + "'."));
                        repository.updateMember(found2.id(), label(member.label(), found2.label()), order += 10);
                        listed.add(found2.id());
                    }
                    for (TableDefinition.Member member : dimension.members()) {
                        if (!listed.contains(member.id())) {
                            repository.updateMember(member.id(), member.label(), order += 10);
                        }
                    }
                }
            }
        }
        return true;
    }

    private static String label(String wanted, String current) {
        if (wanted == null) {
            return current;
        }
        if (wanted.isBlank() || wanted.length() > 300) {
            throw invalid("A label must be 1-300 characters.");
        }
        return wanted.trim();
    }

    private static dk.noegletal.common.ProblemException invalid(String detail) {
        return dk.noegletal.common.ProblemException.badRequest("invalid-table-update", "Invalid table update",
                detail);
    }

    /**
     * Names a table that has no name but its id (within the caller's transaction); an editor's name stays. Answers
     * whether it named it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean nameIfUnnamed(String tableId, String name) {
        String trimmed = name == null ? "" : name.trim();
        Optional<TableDefinition> unnamed = repository.find(tableId).filter(table -> table.name().equals(table.id()))
                .filter(table -> !trimmed.isEmpty() && trimmed.length() <= 300);
        unnamed.ifPresent(table -> repository.updateTableName(tableId, trimmed));
        return unnamed.isPresent();
    }

    @Transactional
    public Optional<TableDefinition> find(String tableId) {
        return repository.find(tableId);
    }

    /**
     * The shape of a file: its dimension labels (in column order), measure labels, and the combinations of members
     * its rows name (one label per dimension), in the order they first appear.
     */
    public record Shape(String tableId, String source, List<String> dimensions, List<String> measures,
            List<List<String>> combinations) {

        /** The members each dimension names, in the order they first appear. */
        List<List<String>> members() {
            List<java.util.LinkedHashSet<String>> members = new ArrayList<>();
            dimensions.forEach(dimension -> members.add(new java.util.LinkedHashSet<>()));
            combinations.forEach(combination -> {
                for (int d = 0; d < combination.size(); d++) {
                    members.get(d).add(combination.get(d));
                }
            });
            return members.stream().<List<String>>map(List::copyOf).toList();
        }
    }

    /** What an import added to the catalogue, as sentences such as "measure 'Antal personer' (head-count)". */
    public record Registered(TableDefinition table, List<String> added, Map<String, Long> seriesByKey) {

        /** The series of a measure (by its position in the file) and members (labels, in dimension order). */
        public long series(int measure, List<String> members) {
            return seriesByKey.get(key(measure, members));
        }
    }

    /**
     * Registers the file's table, members, measures and every series it can name (within the caller's
     * transaction).
     *
     * @throws IllegalArgumentException with a sentence when the file's dimensions are not the table's
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Registered register(Shape shape) {
        List<String> added = new ArrayList<>();
        Optional<TableDefinition> existing = repository.find(shape.tableId());
        if (existing.isEmpty()) {
            repository.insertTable(shape.tableId(), shape.tableId(), shape.source());
            added.add("table " + shape.tableId());
            for (int d = 0; d < shape.dimensions().size(); d++) {
                String label = shape.dimensions().get(d).trim();
                repository.insertDimension(shape.tableId(), Slug.of(label), label, (d + 1) * 10);
                added.add("dimension '" + label + "'");
            }
        } else {
            List<String> stored = existing.get().dimensions().stream().map(TableDefinition.Dimension::label).toList();
            boolean same = stored.size() == shape.dimensions().size();
            for (int d = 0; same && d < stored.size(); d++) {
                same = existing.get().dimensions().get(d).named(shape.dimensions().get(d));
            }
            if (!same) {
                throw new IllegalArgumentException("the table " + existing.get().id() + " has the dimensions "
                        + describe(stored) + ", but this file has " + describe(shape.dimensions())
                        + "; a table keeps its dimensions, so import this file as another table");
            }
        }
        TableDefinition table = repository.find(shape.tableId()).orElseThrow();
        for (int d = 0; d < table.dimensions().size(); d++) {
            TableDefinition.Dimension dimension = table.dimensions().get(d);
            int order = dimension.members().stream().mapToInt(TableDefinition.Member::order).max().orElse(0);
            boolean addedAny = false;
            for (String label : shape.members().get(d)) {
                if (dimension.member(label).isEmpty() && dimension.members().stream()
                        .noneMatch(member -> member.code().equals(Slug.of(label)))) {
                    order += 10;
                    repository.insertMember(dimension.id(), Slug.of(label), label.trim(), order,
                            TableDefinition.isTotalLabel(label));
                    added.add("member '" + label.trim() + "' of " + dimension.label());
                    addedAny = true;
                }
            }
            if (addedAny) {
                repository.parentMembersToTotal(dimension.id());
            }
        }
        int order = table.measures().stream().mapToInt(TableDefinition.MeasureDefinition::order).max().orElse(0);
        for (String label : shape.measures()) {
            if (table.measure(label).isEmpty() && table.measure(Slug.of(label)).isEmpty()) {
                order += 10;
                MeasureKind kind = MeasureKind.infer(label);
                repository.insertMeasure(table.id(), Slug.of(label), label.trim(), kind, order);
                added.add("measure '" + label.trim() + "' (" + kind.code() + ")");
            }
        }
        table = repository.find(shape.tableId()).orElseThrow();
        Map<TableRepository.SeriesKey, Long> series = new HashMap<>(repository.series(table.id()));
        Map<String, Long> byKey = new HashMap<>();
        List<List<TableDefinition.Member>> combinations = combinations(table, shape.combinations());
        for (int m = 0; m < shape.measures().size(); m++) {
            TableDefinition.MeasureDefinition measure = measure(table, shape.measures().get(m));
            for (int c = 0; c < combinations.size(); c++) {
                TableRepository.SeriesKey key = new TableRepository.SeriesKey(measure.id(),
                        memberIds(combinations.get(c)));
                Long id = series.get(key);
                if (id == null) {
                    id = repository.insertSeries(key);
                    series.put(key, id);
                }
                byKey.put(key(m, shape.combinations().get(c)), id);
            }
        }
        return new Registered(table, List.copyOf(added), byKey);
    }

    private static TableDefinition.MeasureDefinition measure(TableDefinition table, String label) {
        return table.measure(label).or(() -> table.measure(Slug.of(label))).orElseThrow();
    }

    /** The file's combinations of members as catalogue members. */
    private static List<List<TableDefinition.Member>> combinations(TableDefinition table,
            List<List<String>> labels) {
        return labels.stream().map(combination -> {
            List<TableDefinition.Member> members = new ArrayList<>();
            for (int d = 0; d < combination.size(); d++) {
                TableDefinition.Dimension dimension = table.dimensions().get(d);
                String label = combination.get(d);
                members.add(dimension.member(label).or(() -> dimension.member(Slug.of(label))).orElseThrow());
            }
            return List.copyOf(members);
        }).toList();
    }

    static String memberIds(List<TableDefinition.Member> members) {
        return members.stream().map(member -> Long.toString(member.id())).collect(Collectors.joining("."));
    }

    private static String key(int measure, List<String> members) {
        return measure + "|" + members.stream().map(label -> label.trim().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining("|"));
    }

    private static String describe(List<String> labels) {
        return labels.isEmpty() ? "none" : labels.stream().map(label -> "'" + label + "'")
                .collect(Collectors.joining(", "));
    }
}
