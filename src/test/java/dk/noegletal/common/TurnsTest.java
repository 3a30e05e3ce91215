package dk.noegletal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TurnsTest {

    @Test
    void aCallerWhoseTurnDoesNotComeIsToldTheServiceIsBusy() throws Exception {
        Turns turns = new Turns(1, Duration.ofMillis(200), "Busy: ask again.");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = executor.submit(() -> turns.take(() -> {
                running.countDown();
                await(finish);
                return "first";
            }));
            running.await();
            ProblemException busy = assertThrows(ProblemException.class, () -> turns.take(() -> "second"));
            assertEquals(503, busy.problem().status());
            assertEquals("Busy: ask again.", busy.problem().detail());
            assertEquals(1, busy.retryAfterSeconds());
            finish.countDown();
            assertEquals("first", first.get());
            assertEquals("third", turns.take(() -> "third"), "a turn is given back when the work ends");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aTurnIsGivenBackWhenTheWorkFails() {
        Turns turns = new Turns(1, Duration.ofMillis(50), "Busy.");
        assertThrows(IllegalStateException.class, () -> turns.take(() -> {
            throw new IllegalStateException("failed");
        }));
        assertEquals("next", turns.take(() -> "next"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
