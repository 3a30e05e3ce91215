package dk.noegletal.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Reads share the database's answer to "what is the data now" when many ask at once; none may be given an answer
 * older than its question. A write by another instance is a committed update of the row, made here with SQL.
 */
@QuarkusTest
class DataVersionTest {

    @Inject
    DataVersion dataVersion;

    @Inject
    DataSource dataSource;

    @Test
    void aReadAskedAfterAnotherInstancesWriteSeesItWhileManyReadAtOnce() throws Exception {
        whileEightDo(dataVersion::state, () -> {
            for (int write = 0; write < 2000; write++) {
                long written = writeAsAnotherInstance();
                assertEquals(written, dataVersion.state().writes(), "write " + write);
            }
        });
    }

    @Test
    void anETagAskedAfterAnotherInstancesWriteIsNewWhileManyAskAtOnce() throws Exception {
        whileEightDo(() -> given().when().get("/api/v1/measures").then().statusCode(200), () -> {
            String before = given().when().get("/api/v1/measures").then().statusCode(200).extract().header("ETag");
            for (int write = 0; write < 20; write++) {
                writeAsAnotherInstance();
                String after = given().when().get("/api/v1/measures").then().statusCode(200).extract()
                        .header("ETag");
                assertNotEquals(before, after, "write " + write);
                before = after;
            }
        });
    }

    @Test
    void aWriterReadsItsOwnUncommittedWrite() {
        long before = dataVersion.state().writes();
        QuarkusTransaction.begin();
        try {
            dataVersion.countWrite();
            assertEquals(before + 1, dataVersion.state().writes());
        } finally {
            QuarkusTransaction.rollback();
        }
        assertEquals(before, dataVersion.state().writes());
    }

    /**
     * Counts a write as another instance sharing the database would, and gives the count it committed: read first, so
     * that the caller asks the moment the write is committed, while a read that began before it is likely under way.
     */
    private long writeAsAnotherInstance() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long version;
            try (var rows = statement.executeQuery("select version from data_version where id = 1")) {
                rows.next();
                version = rows.getLong(1);
            }
            statement.executeUpdate("update data_version set version = version + 1 where id = 1");
            return version + 1;
        }
    }

    /** Runs {@code checks} while eight threads do {@code load} over and over; a failure of the load fails the test. */
    private static void whileEightDo(Runnable load, Checks checks) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> loads = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            loads.add(threads.submit(() -> {
                while (running.get()) {
                    load.run();
                }
            }));
        }
        try {
            checks.run();
        } finally {
            running.set(false);
            threads.shutdown();
            assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        }
        for (Future<?> each : loads) {
            each.get();
        }
    }

    private interface Checks {
        void run() throws Exception;
    }
}
