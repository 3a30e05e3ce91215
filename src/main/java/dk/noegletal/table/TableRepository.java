package dk.noegletal.table;

import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.Point;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** SQL over the catalogue of tables and their versioned observations. Rows with superseded_by null are current. */
@ApplicationScoped
class TableRepository {

    /** The observations as they stood after a given import (bound twice), as for the målgruppe table. */
    private static final String AS_OF = "o.import_id <= ? and (o.superseded_by is null or o.superseded_by > ?)";

    private final DataSource dataSource;

    TableRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<TableDefinition> list() {
        List<String> ids = query("select id from stat_table order by sort_order, id", List.of(),
                rows -> rows.getString(1));
        return ids.stream().map(id -> find(id).orElseThrow()).toList();
    }

    Optional<TableDefinition> find(String id) {
        List<String[]> table = query("select id, name, source from stat_table where lower(id) = lower(?)",
                List.of(id), rows -> new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
        if (table.isEmpty()) {
            return Optional.empty();
        }
        String tableId = table.get(0)[0];
        Map<Long, List<TableDefinition.Member>> members = new HashMap<>();
        query("select m.dimension_id, m.id, m.code, m.label, m.sort_order, m.is_total, m.parent_id"
                + " from stat_member m join stat_dimension d on d.id = m.dimension_id where d.table_id = ?"
                + " order by m.sort_order, m.id", List.of(tableId), rows -> {
                    long parent = rows.getLong(7);
                    Long parentId = rows.wasNull() ? null : parent;
                    members.computeIfAbsent(rows.getLong(1), key -> new ArrayList<>()).add(new TableDefinition.Member(
                            rows.getLong(2), rows.getString(3), rows.getString(4), rows.getInt(5),
                            rows.getBoolean(6), parentId));
                    return null;
                });
        List<TableDefinition.Dimension> dimensions = query("select id, code, label, sort_order from stat_dimension"
                + " where table_id = ? order by sort_order, id", List.of(tableId),
                rows -> new TableDefinition.Dimension(rows.getLong(1), rows.getString(2), rows.getString(3),
                        rows.getInt(4), List.copyOf(members.getOrDefault(rows.getLong(1), List.of()))));
        List<TableDefinition.MeasureDefinition> measures = query("select id, code, label, kind, kind_set_by,"
                + " sort_order from stat_measure where table_id = ? order by sort_order, id", List.of(tableId),
                rows -> new TableDefinition.MeasureDefinition(rows.getLong(1), rows.getString(2), rows.getString(3),
                        MeasureKind.parse(rows.getString(4)).orElseThrow(), rows.getString(5), rows.getInt(6)));
        return Optional.of(new TableDefinition(tableId, table.get(0)[1], table.get(0)[2], dimensions, measures));
    }

    void insertTable(String id, String name, String source) {
        update("insert into stat_table (id, name, source, sort_order)"
                + " select ?, ?, ?, coalesce(max(sort_order), 0) + 10 from stat_table", List.of(id, name, source));
    }

    long insertDimension(String tableId, String code, String label, int order) {
        return insertReturningId("insert into stat_dimension (table_id, code, label, sort_order) values (?, ?, ?, ?)",
                List.of(tableId, code, label, order));
    }

    long insertMember(long dimensionId, String code, String label, int order, boolean total) {
        return insertReturningId("insert into stat_member (dimension_id, code, label, sort_order, is_total)"
                + " values (?, ?, ?, ?, ?)", List.of(dimensionId, code, label, order, total));
    }

    /** Makes the dimension's total member the parent of every other member. */
    void parentMembersToTotal(long dimensionId) {
        update("update stat_member set parent_id = (select t.id from stat_member t where t.dimension_id = ?"
                + " and t.is_total = true) where dimension_id = ? and is_total = false",
                List.of(dimensionId, dimensionId));
    }

    long insertMeasure(String tableId, String code, String label, MeasureKind kind, int order) {
        return insertReturningId("insert into stat_measure (table_id, code, label, kind, kind_set_by, sort_order)"
                + " values (?, ?, ?, ?, 'inferred', ?)", List.of(tableId, code, label, kind.code(), order));
    }

    void updateTableName(String id, String name) {
        update("update stat_table set name = ? where id = ?", List.of(name, id));
    }

    void updateMeasure(long id, String label, MeasureKind kind, String kindSetBy, int order) {
        update("update stat_measure set label = ?, kind = ?, kind_set_by = ?, sort_order = ? where id = ?",
                List.of(label, kind.code(), kindSetBy, order, id));
    }

    void updateDimension(long id, String label, int order) {
        update("update stat_dimension set label = ?, sort_order = ? where id = ?", List.of(label, order, id));
    }

    void updateMember(long id, String label, int order) {
        update("update stat_member set label = ?, sort_order = ? where id = ?", List.of(label, order, id));
    }

    /** A series: one measure with one member of each dimension (member ids in dimension order). */
    record SeriesKey(long measureId, String members) {
    }

    Map<SeriesKey, Long> series(String tableId) {
        Map<SeriesKey, Long> series = new HashMap<>();
        query("select s.id, s.measure_id, s.members from stat_series s join stat_measure m on m.id = s.measure_id"
                + " where m.table_id = ?", List.of(tableId), rows -> series.put(
                        new SeriesKey(rows.getLong(2), rows.getString(3)), rows.getLong(1)));
        return series;
    }

    long insertSeries(SeriesKey key) {
        return insertReturningId("insert into stat_series (measure_id, members) values (?, ?)",
                List.of(key.measureId(), key.members()));
    }

    /** A stored value of one series in one area. */
    record Row(long seriesId, String areaCode, Point point) {
    }

    /**
     * The observations of some series, as of a revision, whose periods lie within [from, to]: of all areas when
     * {@code areaCodes} is null. One statement.
     */
    List<Row> points(long revision, Collection<Long> seriesIds, Collection<String> areaCodes, LocalDate from,
            LocalDate to) {
        if (seriesIds.isEmpty() || (areaCodes != null && areaCodes.isEmpty())) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(seriesIds);
        parameters.addAll(List.of(from, to, revision, revision));
        if (areaCodes != null) {
            parameters.addAll(areaCodes);
        }
        return query("select o.series_id, o.area_code, o.period, o.obs_value, o.import_id, r.imported_at"
                + " from stat_observation o join import_run r on r.id = o.import_id"
                + " where o.series_id in (" + placeholders(seriesIds.size()) + ")"
                + " and o.period_start >= ? and o.period_end <= ? and " + AS_OF
                + (areaCodes == null ? "" : " and o.area_code in (" + placeholders(areaCodes.size()) + ")"),
                parameters, rows -> new Row(rows.getLong(1), rows.getString(2), new Point(
                        Period.parse(rows.getString(3)), rows.getBigDecimal(4), rows.getLong(5),
                        rows.getObject(6, OffsetDateTime.class))));
    }

    /**
     * The codes of the periods a table has values for, as of a revision: as the imports noted them (see V15), one
     * short read of the table's span of stat_table_period, not of its observations.
     */
    List<String> periods(String tableId, long revision) {
        return query("select period from stat_table_period where table_id = ? and import_id <= ?",
                List.of(tableId, revision), rows -> rows.getString(1));
    }

    private interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> parameters, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the tables failed", e);
        }
    }

    private void update(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the tables failed", e);
        }
    }

    private long insertReturningId(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the tables failed", e);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
