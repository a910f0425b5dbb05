package io.importspy.enforce;

import io.importspy.testsupport.TestJars;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a class comes from is asked of its loader, and the answer must name the class's own entry. */
class CodeSourcesTest {
    @TempDir
    Path work;

    @Test
    void a_loader_that_serves_the_class_from_another_entry_of_the_jar_does_not_serve_it_from_that_jar()
            throws Exception {
        Path jar = TestJars.project(work).source("com/acme/Hello.java", "package com.acme; public class Hello { }")
                .source("nested/com/acme/Hello.java", "package nested.com.acme; public class Hello { }")
                .jar("hello.jar");
        Path classes = TestJars.compile(work.resolve("classes"), Map.of("com/acme/Hello.java",
                "package com.acme; public class Hello { }"));
        byte[] bytes = Files.readAllBytes(classes.resolve("com/acme/Hello.class"));
        URL elsewhere = new URL("jar:" + jar.toUri() + "!/nested/com/acme/Hello.class");
        Class<?> type = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public URL getResource(String name) {
                return name.equals("com/acme/Hello.class") ? elsewhere : super.getResource(name);
            }

            Class<?> define() {
                return defineClass("com.acme.Hello", bytes, 0, bytes.length);
            }
        }.define();

        assertThat(CodeSources.serves(type, jar)).as("the entry ends like the class's, but is another").isFalse();
        try (URLClassLoader real = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(CodeSources.serves(Class.forName("com.acme.Hello", false, real), jar)).isTrue();
        }
    }
}
