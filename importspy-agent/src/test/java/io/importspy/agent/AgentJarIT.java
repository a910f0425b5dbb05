package io.importspy.agent;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent JAR the build makes links no lambda, record method or string concatenation through method handles
 * in the JVM it starts in: the build step (importspy-cli/src/build/Desugar.java, with {@code --raise-to-11}) rewrote
 * every such call site, those of the bundled SnakeYAML Engine (Java 8) among them.
 */
class AgentJarIT {
    @Test
    void no_lambda_record_method_or_concatenation_is_linked_at_run_time() throws IOException {
        List<String> sites = new ArrayList<>();
        int classes = 0;
        try (ZipFile jar = new ZipFile(AgentIT.AGENT.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                classes++;
                ClassReader reader = new ClassReader(jar.getInputStream(entry).readAllBytes());
                reader.accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                     String[] exceptions) {
                        return new MethodVisitor(Opcodes.ASM9) {
                            @Override
                            public void visitInvokeDynamicInsn(String indy, String indyDescriptor, Handle bootstrap,
                                                               Object... arguments) {
                                sites.add(reader.getClassName() + "." + name + ": " + bootstrap.getOwner());
                            }
                        };
                    }
                }, ClassReader.SKIP_DEBUG);
            }
        }

        assertThat(classes).as("classes in %s", AgentIT.AGENT).isGreaterThan(500);
        assertThat(sites).isEmpty();
    }
}
