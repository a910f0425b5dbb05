package io.importspy.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentOptionsTest {
    @TempDir
    Path dir;

    @Test
    void reads_every_option() throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.yml"), "importspy-policy: 1\ndefault: allow\n");

        AgentOptions options = AgentOptions.parse("policy=" + policy + ",fail-fast,unchecked=audit,cache=" + dir);

        assertThat(options).isEqualTo(new AgentOptions(policy, true, Verdict.Outcome.AUDITED, Optional.of(dir)));
        assertThat(AgentOptions.parse("policy=" + policy))
                .isEqualTo(new AgentOptions(policy, false, Verdict.Outcome.REFUSED, Optional.empty()));
    }

    @Test
    void a_bad_option_is_named_with_how_to_write_the_options() throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.yml"), "importspy-policy: 1\ndefault: allow\n");

        assertThatThrownBy(() -> AgentOptions.parse("policy=" + policy + ",failfast"))
                .hasMessage("unknown option 'failfast'; the options are -javaagent:importspy-agent.jar=policy=FILE"
                        + "[,fail-fast][,unchecked=refuse|audit|allow][,cache=DIR]");
        assertThatThrownBy(() -> AgentOptions.parse("policy=" + policy + ",unchecked=maybe"))
                .hasMessage("unknown value in 'unchecked=maybe'; write unchecked=refuse, unchecked=audit or "
                        + "unchecked=allow");
        assertThatThrownBy(() -> AgentOptions.parse("fail-fast"))
                .hasMessageStartingWith("no policy given; write -javaagent:importspy-agent.jar=policy=FILE");
        assertThatThrownBy(() -> AgentOptions.parse(null)).hasMessageStartingWith("no policy given");
        assertThatThrownBy(() -> AgentOptions.parse("policy=" + dir.resolve("absent.yml")))
                .hasMessage("policy '" + dir.resolve("absent.yml") + "' does not exist or is not a file");
        assertThatThrownBy(() -> AgentOptions.parse("policy="))
                .hasMessage("policy '' is not a file path");
        assertThatThrownBy(() -> AgentOptions.parse("policy=" + policy + ",unchecked=refuse,unchecked=allow"))
                .hasMessage("option 'unchecked' is given twice ('unchecked=refuse' and 'unchecked=allow'); give each "
                        + "option once");
        assertThatThrownBy(() -> AgentOptions.parse("policy=" + policy + ",policy=" + dir.resolve("other.yml")))
                .hasMessageStartingWith("option 'policy' is given twice");
    }
}
