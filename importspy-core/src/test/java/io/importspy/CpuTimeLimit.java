package io.importspy;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails a test whose thread used more CPU time than a limit: a bound on the work an input costs that a busy
 * build machine (other builds on its cores) does not break, as a wall-clock timeout does. Register it with
 * {@code @RegisterExtension static final CpuTimeLimit CPU = CpuTimeLimit.of(Duration.ofSeconds(10));} and keep a
 * generous {@code @Timeout} beside it against hangs. The test must run on the thread that runs the callbacks
 * (JUnit's default, {@code @Timeout} in its default same-thread mode).
 */
public final class CpuTimeLimit implements BeforeEachCallback, AfterEachCallback {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CpuTimeLimit.class);
    private final Duration limit;

    private CpuTimeLimit(Duration limit) {
        this.limit = limit;
    }

    /** A limit of {@code limit} of CPU time per test. */
    public static CpuTimeLimit of(Duration limit) {
        return new CpuTimeLimit(limit);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("start", THREADS.getCurrentThreadCpuTime());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        long start = context.getStore(NAMESPACE).get("start", Long.class);
        long used = THREADS.getCurrentThreadCpuTime() - start;
        assertThat(Duration.ofNanos(used)).as("CPU time of " + context.getDisplayName()).isLessThan(limit);
    }
}
