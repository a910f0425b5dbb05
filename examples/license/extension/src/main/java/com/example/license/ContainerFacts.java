package com.example.license;

import io.importspy.spi.Extension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts about the container the JVM runs in, for deployments to require under {@code facts:}:
 * {@code container.cpu.count} (the processors the JVM may use) and {@code container.memory.limit} (the cgroup's
 * memory limit in bytes, when the JVM runs under one that it can read).
 *
 * <pre>{@code
 * deployments:
 *   - facts:
 *       container.memory.limit: {min: 536870912}   # at least 512 MiB
 *       container.cpu.count: {min: 2}
 * }</pre>
 */
public final class ContainerFacts implements Extension.FactSource {
    /** cgroup v2, then v1: where Linux says how much memory the JVM's group may use. */
    private static final List<Path> MEMORY_LIMITS = List.of(Path.of("/sys/fs/cgroup/memory.max"),
            Path.of("/sys/fs/cgroup/memory/memory.limit_in_bytes"));

    @Override
    public String name() {
        return "container";
    }

    @Override
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("cpu.count", Integer.toString(Runtime.getRuntime().availableProcessors()));
        for (Path limit : MEMORY_LIMITS) {
            try {
                String value = Files.readString(limit, StandardCharsets.US_ASCII).strip();
                // cgroup v2 writes "max" for no limit: as large a limit as v1 writes then
                facts.put("memory.limit", value.equals("max") ? Long.toString(Long.MAX_VALUE) : value);
                break;
            } catch (IOException | SecurityException notThere) {
                // not this cgroup version, or not on Linux: the next one, or no fact
            }
        }
        return facts;
    }
}
