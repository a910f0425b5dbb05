package io.importspy.internal.inspect;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.Origin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads every class file of a target (for a full inspection, class headers or references), on as many threads as there are processors
 * (at most {@value #MAX_THREADS}, and only with at least {@value #MIN_CLASSES_PER_THREAD} classes per thread;
 * on the calling thread alone inside {@link ReadThreads#alone}):
 * inflating and parsing a class depends on no other. The caller's thread works too; helpers are daemon
 * threads that end with the read. The result, and the error when class files are corrupt, are those of a
 * read in entry order: facts in entry order, and the error of the first bad entry.
 */
final class AllClasses {
    static final int MIN_CLASSES_PER_THREAD = 64;
    static final int MAX_THREADS = 8;

    private AllClasses() {
    }

    /** The facts of every file of {@code files}, in their order. */
    static List<ClassFacts> read(List<Archive.ClassFile> files) {
        return map(files, new Supplier<Function<Archive.ClassFile, ClassFacts>>() {
            @Override
            public Function<Archive.ClassFile, ClassFacts> get() {
                Signatures.Cache types = new Signatures.Cache(); // one per thread: the cache is not thread-safe
                return new Function<>() {
                    @Override
                    public ClassFacts apply(Archive.ClassFile file) {
                        return ClassFiles.read(file.read(), Origin.TARGET, file.where(), file.entry(), types);
                    }
                };
            }
        });
    }

    /**
     * What each thread's reader (one from {@code readers} per thread) makes of every file of {@code files},
     * in their order.
     */
    static <S, T> List<T> map(List<S> files, Supplier<Function<S, T>> readers) {
        int threads = ReadThreads.isAlone() ? 1 : Math.min(Math.min(Runtime.getRuntime().availableProcessors(),
                MAX_THREADS), Math.max(1, files.size() / MIN_CLASSES_PER_THREAD));
        Worker<S, T> worker = new Worker<>(files, readers);
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < threads; i++) {
            Thread helper = new Thread(worker, "importspy-inspect-" + i);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        worker.run();
        joinAll(helpers);
        worker.rethrowFirstFailure();
        @SuppressWarnings("unchecked")
        List<T> results = (List<T>) List.of(worker.facts);
        return results;
    }

    private static void joinAll(List<Thread> helpers) {
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (true) {
                try {
                    helper.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the helpers finish their current class and stop on their own
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes the next unread file until none is left or a file before it has failed. */
    private static final class Worker<S, T> implements Runnable {
        private final List<S> files;
        private final Supplier<Function<S, T>> readers;
        private final Object[] facts;
        private final AtomicInteger next = new AtomicInteger();
        private volatile int firstFailed = Integer.MAX_VALUE;
        private Throwable failure;

        Worker(List<S> files, Supplier<Function<S, T>> readers) {
            this.files = files;
            this.readers = readers;
            this.facts = new Object[files.size()];
        }

        @Override
        public void run() {
            Function<S, T> reader;
            synchronized (readers) {
                reader = readers.get();
            }
            while (true) {
                int index = next.getAndIncrement();
                if (index >= facts.length || index > firstFailed) {
                    return;
                }
                S file = files.get(index);
                try {
                    facts[index] = reader.apply(file);
                } catch (RuntimeException | Error e) {
                    failed(index, e);
                    return;
                }
            }
        }

        private synchronized void failed(int index, Throwable e) {
            if (index < firstFailed) {
                firstFailed = index;
                failure = e;
            }
        }

        /** Every file before the first failure was read (workers take files in order), so it is the first. */
        synchronized void rethrowFirstFailure() {
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
        }
    }
}
