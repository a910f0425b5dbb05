package com.example.license;

import io.importspy.inspect.ModuleFacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Where a module says which licence it is under, and the SPDX identifiers of the usual ways to name one. */
final class Licenses {
    private static final Pattern POM_LICENSE = Pattern.compile(
            "<license>\\s*(?:<!--.*?-->\\s*)*<name>\\s*([^<]+?)\\s*</name>", Pattern.DOTALL);
    private static final int MOST_BYTES = 1 << 20;

    /** Names and phrases of licences, lower-case, to their SPDX identifier; the first that matches wins. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("apache-2.0", "Apache-2.0");
        NAMES.put("apache license, version 2.0", "Apache-2.0");
        NAMES.put("apache license version 2.0", "Apache-2.0");
        NAMES.put("the apache software license, version 2.0", "Apache-2.0");
        NAMES.put("apache license 2.0", "Apache-2.0");
        NAMES.put("apache 2.0", "Apache-2.0");
        NAMES.put("apache-2", "Apache-2.0");
        NAMES.put("mit", "MIT");
        NAMES.put("mit license", "MIT");
        NAMES.put("the mit license", "MIT");
        NAMES.put("bsd-2-clause", "BSD-2-Clause");
        NAMES.put("bsd-2-clause license", "BSD-2-Clause");
        NAMES.put("the bsd 2-clause license", "BSD-2-Clause");
        NAMES.put("bsd-3-clause", "BSD-3-Clause");
        NAMES.put("the bsd 3-clause license", "BSD-3-Clause");
        NAMES.put("epl-2.0", "EPL-2.0");
        NAMES.put("eclipse public license - v 2.0", "EPL-2.0");
        NAMES.put("eclipse public license v2.0", "EPL-2.0");
        NAMES.put("lgpl-2.1", "LGPL-2.1");
        NAMES.put("gpl-2.0", "GPL-2.0");
        NAMES.put("gpl-3.0", "GPL-3.0");
    }

    /** Phrases that identify a licence text (first words of LICENSE files), to their SPDX identifier. */
    private static final List<Map.Entry<String, String>> TEXTS = List.of(
            Map.entry("apache license\\s+version 2\\.0", "Apache-2.0"),
            Map.entry("permission is hereby granted, free of charge", "MIT"),
            Map.entry("eclipse public license - v 2\\.0", "EPL-2.0"),
            Map.entry("redistribution and use in source and binary forms", "BSD"));

    private Licenses() {
    }

    /**
     * The licences a module names, by SPDX identifier when known (else as written), each with where it is named.
     *
     * @param licenses identifier to the place that names it ({@code META-INF/maven/g/a/pom.xml})
     */
    record Found(Map<String, String> licenses) {
    }

    /** The SPDX identifier of a licence named {@code name}, when it is a usual name of one. */
    static Optional<String> spdx(String name) {
        return Optional.ofNullable(NAMES.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** The licence a usual URL of one names ({@code https://www.apache.org/licenses/LICENSE-2.0.txt}). */
    private static Optional<String> fromUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.contains("apache.org/licenses/license-2.0")) {
            return Optional.of("Apache-2.0");
        }
        if (lower.contains("opensource.org/licenses/mit")) {
            return Optional.of("MIT");
        }
        return Optional.empty();
    }

    /** What {@code module} says of its licence; its own files are read from {@link ModuleFacts#target()}. */
    static Found of(ModuleFacts module) throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        String bundle = module.manifest().get("Bundle-License");
        if (bundle != null) {
            for (String part : bundle.split(",")) {
                String name = part.strip().split(";")[0];
                Optional<String> known = name.startsWith("http") ? fromUrl(name) : spdx(name).or(() -> Optional.of(name));
                known.filter(n -> !n.isEmpty()).ifPresent(n -> found.putIfAbsent(n, "Bundle-License"));
            }
        }
        List<String> poms = module.entries().stream()
                .filter(e -> e.startsWith("META-INF/maven/") && e.endsWith("/pom.xml")).sorted().toList();
        List<String> texts = module.entries().stream().filter(Licenses::isLicenseText).sorted().toList();
        if (poms.isEmpty() && texts.isEmpty()) {
            return new Found(found);
        }
        try (Entries entries = Entries.of(Path.of(module.target()))) {
            for (String pom : poms) {
                Matcher license = POM_LICENSE.matcher(entries.text(pom));
                while (license.find()) {
                    String name = license.group(1);
                    found.putIfAbsent(spdx(name).orElse(name), pom);
                }
            }
            if (found.isEmpty()) {
                for (String text : texts) {
                    String lower = entries.text(text).toLowerCase(Locale.ROOT);
                    for (Map.Entry<String, String> phrase : TEXTS) {
                        if (Pattern.compile(phrase.getKey()).matcher(lower).find()) {
                            found.putIfAbsent(phrase.getValue(), text);
                        }
                    }
                }
            }
        }
        return new Found(found);
    }

    private static boolean isLicenseText(String entry) {
        if (!entry.startsWith("META-INF/") || entry.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String name = entry.substring("META-INF/".length()).toUpperCase(Locale.ROOT);
        return name.startsWith("LICENSE") || name.startsWith("LICENCE");
    }

    /** The entries of a JAR or a class directory, read as UTF-8 text, at most 1 MiB each. */
    private interface Entries extends AutoCloseable {
        String text(String entry) throws IOException;

        @Override
        void close() throws IOException;

        static Entries of(Path target) throws IOException {
            if (Files.isDirectory(target)) {
                return new Entries() {
                    @Override
                    public String text(String entry) throws IOException {
                        try (InputStream in = Files.newInputStream(target.resolve(entry))) {
                            return new String(in.readNBytes(MOST_BYTES), StandardCharsets.UTF_8);
                        }
                    }

                    @Override
                    public void close() {
                    }
                };
            }
            ZipFile zip = new ZipFile(target.toFile());
            return new Entries() {
                @Override
                public String text(String entry) throws IOException {
                    ZipEntry found = zip.getEntry(entry);
                    if (found == null) {
                        return "";
                    }
                    try (InputStream in = zip.getInputStream(found)) {
                        return new String(in.readNBytes(MOST_BYTES), StandardCharsets.UTF_8);
                    }
                }

                @Override
                public void close() throws IOException {
                    zip.close();
                }
            };
        }
    }
}
