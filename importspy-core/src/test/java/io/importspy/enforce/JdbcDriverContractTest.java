package io.importspy.enforce;

import io.importspy.contract.SpyModel;
import io.importspy.internal.contract.Contracts;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped JDBC driver contract ({@code examples/jdbc/jdbc-driver.yml}) against real JARs. */
class JdbcDriverContractTest {
    static final SpyModel CONTRACT = Contracts.read(Path.of("../examples/jdbc/jdbc-driver.yml"));

    static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void the_real_postgresql_driver_is_admitted_and_provides_its_driver_from_its_own_loader() throws Exception {
        GuardedLoader guard = GuardedLoader.of(CONTRACT).withParent(ClassLoader.getPlatformClassLoader());
        try (GuardedPlugin plugin = guard.load(jarOf(org.postgresql.Driver.class))) {
            assertThat(plugin.report().targets().get(0).violations()).isEmpty();
            assertThat(plugin.providers(Driver.class)).singleElement().satisfies(driver -> {
                assertThat(driver.getClass().getName()).isEqualTo("org.postgresql.Driver");
                assertThat(driver.getClass().getClassLoader()).isSameAs(plugin.classLoader());
                assertThat(driver.acceptsURL("jdbc:postgresql://localhost/app")).isTrue();
                assertThat(driver.getMajorVersion()).isEqualTo(42);
            });
        }
    }

    @Test
    void a_jar_that_is_no_jdbc_driver_is_refused() throws Exception {
        Path commonsLang = jarOf(org.apache.commons.lang3.StringUtils.class);
        assertThatThrownBy(() -> GuardedLoader.of(CONTRACT).load(commonsLang))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("org.postgresql.Driver")
                .hasMessageContaining("jdbc-driver.yml:");
    }
}
