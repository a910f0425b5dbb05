package com.acme.framework;

import io.importspy.Spy;
import io.importspy.enforce.ImporterHandle;

import java.util.Map;

/** The ACME framework. It refuses to start for an application that does not satisfy its import contract. */
public final class Framework {
    private final ImporterHandle application;

    private Framework(ImporterHandle application) {
        this.application = application;
    }

    /**
     * Starts the framework for the calling application. ImportSpy finds the caller's module (the
     * application JAR) on the stack, checks it against {@code /acme-framework/spymodel.yml}, and throws
     * {@link io.importspy.enforce.ContractViolationException} when it does not comply.
     */
    public static Framework start() {
        return new Framework(Spy.importspy("/acme-framework/spymodel.yml"));
    }

    /** Configures the application through the {@code configure(Map)} method its contract guarantees. */
    public void configure(Map<String, String> settings) throws ReflectiveOperationException {
        Object app = application.newInstance("com.example.app.App", Object.class);
        app.getClass().getMethod("configure", Map.class).invoke(app, settings);
    }

    /** Where the framework found its application. */
    public String describe() {
        return "ACME framework started for " + application.importer().getName() + " ("
                + application.location().map(p -> p.getFileName().toString()).orElse("no file") + ", "
                + application.module().identity().version().orElse("no version") + ")";
    }
}
