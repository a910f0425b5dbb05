package com.acme.framework;

import io.importspy.enforce.ContractViolationException;

import java.lang.reflect.InvocationTargetException;

/**
 * Runs an application's {@code main} on the framework's class path, the way framework launchers do, and
 * reports a refused application in one clear message (exit code 1) instead of a stack trace.
 */
public final class Launcher {
    private Launcher() {
    }

    /** {@code Launcher <application main class> [args...]}. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Launcher <application main class> [args...]");
            System.exit(2);
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) rest);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ContractViolationException violation) {
                System.err.println("ACME framework refused " + args[0] + ":");
                System.err.println(violation.getMessage());
                System.exit(1);
            }
            throw e;
        }
    }
}
