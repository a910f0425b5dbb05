package io.importspy.agent;

import java.util.concurrent.Callable;

/**
 * The threads that check code sources, and the worker each later check runs on. The JVM calls no transformer for a
 * class that a thread loads while it is inside one, so a check run inside the transformer would let the JDK define,
 * unjudged, any class it loads from the class path for the check (a security provider, a charset, a logging back
 * end that a system property or a service file names). A check therefore runs on a thread of its own, which is
 * inside no transformer: every class it makes the JDK load reaches the transformer, which refuses those of a code
 * source that has no verdict yet (it cannot check one while checking another).
 */
final class Checking {
    /** How long a worker may stay blocked or waiting, while its caller waits for it, before it counts as stuck. */
    static final long STUCK_MILLIS = 5_000;
    private static final long POLL_MILLIS = 20;
    private static final ThreadLocal<Boolean> CHECKING = new ThreadLocal<>();

    private Checking() {
    }

    /** Whether this thread is checking a code source (a worker, or a start-up check thread). */
    static boolean onThisThread() {
        return CHECKING.get() != null;
    }

    /** Marks this thread as checking until {@link #leave}; whether it was not marked before (for {@code leave}). */
    static boolean enter() {
        boolean outer = CHECKING.get() == null;
        CHECKING.set(Boolean.TRUE);
        return outer;
    }

    /** Ends what {@link #enter} began, given what it returned. */
    static void leave(boolean outer) {
        if (outer) {
            CHECKING.remove();
        }
    }

    /** Runs {@code work} with this thread marked as checking. */
    static void mark(Runnable work) {
        boolean outer = CHECKING.get() == null;
        CHECKING.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            if (outer) {
                CHECKING.remove();
            }
        }
    }

    /** The result of {@code task}, run with this thread marked as checking. */
    static <T> T here(Callable<T> task) throws Exception {
        boolean outer = CHECKING.get() == null;
        CHECKING.set(Boolean.TRUE);
        try {
            return task.call();
        } finally {
            if (outer) {
                CHECKING.remove();
            }
        }
    }

    /**
     * The result of {@code task}, run on a new worker thread marked as checking while this one waits; {@code null}
     * when the worker is stuck: blocked or waiting for {@link #STUCK_MILLIS} on end, as it is when it needs a class
     * that this thread is loading (whose class-loading lock this thread holds while it waits), which a caller refuses
     * rather than wait for ever. A stuck worker goes on once the caller has returned and released the lock.
     */
    static <T> T onWorker(Callable<T> task) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                result[0] = here(task);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "importspy-agent-check");
        worker.setDaemon(true);
        worker.setContextClassLoader(null);
        worker.start();
        boolean interrupted = false;
        long stuckSince = 0;
        try {
            while (true) {
                try {
                    worker.join(POLL_MILLIS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                if (!worker.isAlive()) {
                    break;
                }
                Thread.State state = worker.getState();
                if (state == Thread.State.BLOCKED || state == Thread.State.WAITING) {
                    long now = System.nanoTime();
                    if (stuckSince == 0) {
                        stuckSince = now;
                    } else if (now - stuckSince > STUCK_MILLIS * 1_000_000) {
                        return null;
                    }
                } else {
                    stuckSince = 0;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure[0] instanceof Exception e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
