package dk.noegletal.timeseries;

import dk.noegletal.measure.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Set-based SQL over the versioned observations. Rows with {@code superseded_by} null are the current ones. */
@ApplicationScoped
class ObservationRepository {

    private static final int BATCH_SIZE = 1000;

    private final DataSource dataSource;

    ObservationRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A current observation as stored. */
    record Stored(long id, BigDecimal value, ObservationStatus status) {
    }

    /** The current observations of the given areas and measures, by key. */
    Map<ObservationKey, Stored> current(Collection<String> areaCodes, Collection<Measure> measures) {
        if (areaCodes.isEmpty() || measures.isEmpty()) {
            return Map.of();
        }
        String sql = "select id, area_code, target_group_code, measure, period, obs_value, status from observation"
                + " where superseded_by is null"
                + " and area_code in (" + placeholders(areaCodes.size()) + ")"
                + " and measure in (" + placeholders(measures.size()) + ")";
        Map<ObservationKey, Stored> current = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            for (String area : areaCodes) {
                statement.setString(i++, area);
            }
            for (Measure measure : measures) {
                statement.setString(i++, measure.code());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ObservationKey key = new ObservationKey(rows.getString(2), rows.getString(3),
                            Measure.find(rows.getString(4)).orElseThrow(), Period.parse(rows.getString(5)));
                    current.put(key, new Stored(rows.getLong(1), rows.getBigDecimal(6),
                            ObservationStatus.ofCode(rows.getString(7))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading current observations failed", e);
        }
        return current;
    }

    void insert(long importId, List<ObservationInput> observations) {
        String sql = "insert into observation (area_code, target_group_code, measure, granularity, period,"
                + " period_start, period_end, obs_value, status, import_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (ObservationInput observation : observations) {
                ObservationKey key = observation.key();
                statement.setString(1, key.areaCode());
                statement.setString(2, key.targetGroupCode());
                statement.setString(3, key.measure().code());
                statement.setString(4, key.period().granularity().name());
                statement.setString(5, key.period().code());
                statement.setObject(6, key.period().start());
                statement.setObject(7, key.period().end());
                if (observation.value() == null) {
                    statement.setNull(8, Types.DECIMAL);
                } else {
                    statement.setBigDecimal(8, observation.value());
                }
                statement.setString(9, observation.status().code());
                statement.setLong(10, importId);
                statement.addBatch();
                if (++pending == BATCH_SIZE) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing observations failed", e);
        }
    }

    /** Marks stored observations as replaced by the given import. */
    void supersede(long importId, List<Long> ids) {
        String sql = "update observation set superseded_by = ? where id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (long id : ids) {
                statement.setLong(1, importId);
                statement.setLong(2, id);
                statement.addBatch();
                if (++pending == BATCH_SIZE) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Superseding observations failed", e);
        }
    }

    /** One stored point of a series with the import that wrote it. */
    record Point(Period period, BigDecimal value, ObservationStatus status, long importId,
            OffsetDateTime importedAt) {
    }

    /** The current observations of one series whose periods lie within [from, to], in period order. */
    List<Point> series(String areaCode, String targetGroupCode, Measure measure, LocalDate from, LocalDate to) {
        String sql = "select o.period, o.obs_value, o.status, o.import_id, r.imported_at"
                + " from observation o join import_run r on r.id = o.import_id"
                + " where o.superseded_by is null and o.area_code = ? and o.measure = ?"
                + (targetGroupCode == null ? " and o.target_group_code is null" : " and o.target_group_code = ?")
                + " and o.period_start >= ? and o.period_end <= ?"
                + " order by o.period_start, o.period_end desc";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            statement.setString(i++, areaCode);
            statement.setString(i++, measure.code());
            if (targetGroupCode != null) {
                statement.setString(i++, targetGroupCode);
            }
            statement.setObject(i++, from);
            statement.setObject(i, to);
            List<Point> points = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    points.add(new Point(Period.parse(rows.getString(1)), rows.getBigDecimal(2),
                            ObservationStatus.ofCode(rows.getString(3)), rows.getLong(4),
                            rows.getObject(5, OffsetDateTime.class)));
                }
            }
            return Collections.unmodifiableList(points);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a series failed", e);
        }
    }

    boolean isEmpty() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select id from observation")) {
            statement.setMaxRows(1);
            try (ResultSet rows = statement.executeQuery()) {
                return !rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading observations failed", e);
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
