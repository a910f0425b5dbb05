package io.importspy.internal.spi;

import io.importspy.API;
import io.importspy.spi.Extension;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static io.importspy.API.Status.INTERNAL;

/**
 * Every call into an extension goes through here: on a thread of its own, so that one that never answers is
 * reported after {@link #timeout()} instead of hanging ImportSpy, and with whatever it throws turned into an
 * {@link ExtensionFailure} that names it.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Calls {
    /** The system property that sets how long one call may take, in seconds (default 30). */
    public static final String TIMEOUT_PROPERTY = "importspy.extensions.timeout";

    private Calls() {
    }

    /**
     * What {@code call} returns; {@code doing} says what the extension was asked ("reading x-acme-license").
     *
     * @throws ExtensionFailure when it throws or does not return within {@link #timeout()}
     */
    public static <T> T call(Extension extension, String doing, Supplier<T> call) {
        FutureTask<T> task = new FutureTask<>(call::get);
        Thread thread = new Thread(task, "importspy-extension");
        thread.setDaemon(true);
        thread.setContextClassLoader(extension.getClass().getClassLoader());
        thread.start();
        Duration timeout = timeout();
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw failed(extension, doing, "did not answer within " + timeout.toSeconds() + " s (set -D"
                    + TIMEOUT_PROPERTY + "=SECONDS to wait longer)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ExtensionFailure failure) {
                throw failure;
            }
            throw failed(extension, doing, "threw " + describe(cause));
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw failed(extension, doing, "was interrupted");
        }
    }

    /** A failure of {@code extension} while {@code doing} something: "extension X failed reading ...: why". */
    public static ExtensionFailure failed(Extension extension, String doing, String why) {
        return new ExtensionFailure(Extensions.describe(extension) + " failed " + doing + ": " + why);
    }

    /** How long one call may take: {@value #TIMEOUT_PROPERTY} seconds, 30 by default. */
    static Duration timeout() {
        String value = System.getProperty(TIMEOUT_PROPERTY, "30");
        try {
            double seconds = Double.parseDouble(value.trim());
            if (seconds > 0 && seconds < 86_400) {
                return Duration.ofMillis((long) (seconds * 1000));
            }
        } catch (NumberFormatException ignored) {
            // the default below
        }
        return Duration.ofSeconds(30);
    }

    /** One line for a throwable: its class and its message's first line. */
    static String describe(Throwable thrown) {
        String message = thrown.getMessage();
        String type = thrown.getClass().getName();
        if (message == null || message.isBlank()) {
            return type;
        }
        String line = message.strip().lines().findFirst().orElse("");
        return type + ": " + (line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }
}
