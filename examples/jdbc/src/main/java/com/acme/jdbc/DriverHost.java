package com.acme.jdbc;

import io.importspy.Spy;
import io.importspy.enforce.ContractViolationException;
import io.importspy.enforce.GuardedLoader;
import io.importspy.enforce.GuardedPlugin;

import java.nio.file.Path;
import java.sql.Driver;

/**
 * Admits a JDBC driver JAR only when it satisfies the JDBC driver contract, then uses the driver it
 * provides. The driver's code (its static initializer registers it with {@code DriverManager}) runs only
 * after the check.
 */
public final class DriverHost {
    private DriverHost() {
    }

    /** {@code DriverHost <jdbc-driver.yml> <driver.jar>}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DriverHost <jdbc-driver.yml> <driver.jar>");
            System.exit(2);
        }
        GuardedLoader guard = Spy.guardedLoader(Path.of(args[0])).withParent(DriverHost.class.getClassLoader());
        try (GuardedPlugin plugin = guard.load(Path.of(args[1]))) {
            System.out.println("admitted " + plugin.path().getFileName() + " ("
                    + plugin.module().identity().primaryName().orElse("?") + " "
                    + plugin.module().identity().version().orElse("?") + ")");
            for (Driver driver : plugin.providers(Driver.class)) {
                String url = "jdbc:postgresql://localhost:5432/app";
                System.out.println(driver.getClass().getName() + " " + driver.getMajorVersion() + "."
                        + driver.getMinorVersion() + " accepts " + url + ": " + driver.acceptsURL(url));
            }
        } catch (ContractViolationException e) {
            System.err.println("refused " + args[1] + ":");
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
