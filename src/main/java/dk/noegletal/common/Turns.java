package dk.noegletal.common;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounded concurrency for work that takes much memory (imports, computing figures): at most so many at a time; a
 * caller waits its turn for a bounded time, in arrival order, and is then told the service is busy (a 503 problem
 * with Retry-After) rather than let the work pile up until the heap runs out.
 */
public final class Turns {

    private final Semaphore permits;
    private final Duration wait;
    private final String busy;

    /**
     * @param concurrent how many may run at once
     * @param wait       how long a caller waits for its turn
     * @param busy       the problem's sentence when the wait runs out
     */
    public Turns(int concurrent, Duration wait, String busy) {
        this.permits = new Semaphore(concurrent, true);
        this.wait = wait;
        this.busy = busy;
    }

    public <T> T take(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.busy(busy, retryAfterSeconds());
        }
        if (!acquired) {
            throw ProblemException.busy(busy, retryAfterSeconds());
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    private int retryAfterSeconds() {
        return (int) Math.max(1, Math.min(60, wait.toSeconds()));
    }
}
