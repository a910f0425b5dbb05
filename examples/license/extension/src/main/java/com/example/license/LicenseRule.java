package com.example.license;

import io.importspy.contract.Location;
import io.importspy.inspect.ModuleFacts;
import io.importspy.spi.Extension;
import io.importspy.validate.Context;
import io.importspy.validate.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code x-license} section: the licences a module may be under. A module's licence is read from its own
 * files, as a reviewer would: the {@code <licenses>} of the POM Maven packs into {@code META-INF/maven}, the
 * {@code Bundle-License} of its manifest, and the text of its {@code META-INF/LICENSE} files.
 *
 * <pre>{@code
 * x-license:
 *   allow: [Apache-2.0, MIT]
 * }</pre>
 */
public final class LicenseRule implements Extension.Section<LicenseRule.Allowed> {
    private static final Context LICENSE = Context.of("license");

    /**
     * The section as read: the licences allowed, by SPDX identifier, each with where it is written.
     *
     * @param licenses the allowed SPDX identifiers and their locations, in contract order
     * @param location where {@code allow} is written
     */
    public record Allowed(Map<String, Location> licenses, Location location) {
        public Allowed {
            licenses = Map.copyOf(licenses);
        }
    }

    @Override
    public String name() {
        return "license";
    }

    @Override
    public String key() {
        return "x-license";
    }

    @Override
    public Class<Allowed> section() {
        return Allowed.class;
    }

    @Override
    public Allowed read(Extension.Node value, Extension.Errors errors) {
        Map<String, Location> licenses = new LinkedHashMap<>();
        if (!(value instanceof Extension.Mapping mapping)) {
            errors.add(value.location(), "'x-license' must be a mapping such as {allow: [Apache-2.0, MIT]}");
            return new Allowed(licenses, value.location());
        }
        for (Extension.Entry entry : mapping.entries()) {
            if (!entry.key().text().equals("allow")) {
                errors.add(entry.key().location(), "unknown key '" + entry.key().text()
                        + "' in x-license; the only key is 'allow'");
            }
        }
        Extension.Node allow = mapping.get("allow").orElse(null);
        if (allow == null) {
            errors.add(mapping.location(), "'x-license' needs 'allow', a list of SPDX licence identifiers");
        } else if (allow instanceof Extension.Sequence list && !list.items().isEmpty()) {
            for (Extension.Node item : list.items()) {
                if (item instanceof Extension.Scalar scalar && scalar.value() instanceof String name && !name.isBlank()) {
                    licenses.put(Licenses.spdx(name).orElse(name), scalar.location());
                } else {
                    errors.add(item.location(), "'allow' items must be licence identifiers such as Apache-2.0");
                }
            }
        } else {
            errors.add(allow.location(), "'allow' must be a non-empty list of SPDX identifiers, such as [Apache-2.0, MIT]");
        }
        return new Allowed(licenses, mapping.location());
    }

    @Override
    public void check(Allowed allowed, Facts facts, Sink sink) {
        ModuleFacts module = facts.module();
        String subject = module.identity().primaryName().orElse(module.identity().fileName());
        String expected = "one of " + String.join(", ", allowed.licenses().keySet().stream().sorted().toList());
        Licenses.Found found;
        try {
            found = Licenses.of(module);
        } catch (java.io.IOException unreadable) {
            sink.report(Violation.unverified(LICENSE, subject).expected(expected).found("<unreadable>")
                    .message("the licence of " + subject + " cannot be read: " + unreadable.getMessage())
                    .fix("check that " + module.target() + " is a readable JAR or directory").at(allowed.location()));
            return;
        }
        if (found.licenses().isEmpty()) {
            sink.report(Violation.missing(LICENSE, subject).expected(expected)
                    .message(subject + " declares no licence: no <licenses> in its POM, no Bundle-License, no"
                            + " licence text under META-INF")
                    .fix("ship the module's licence (META-INF/LICENSE, or <licenses> in its POM), or remove it from"
                            + " x-license").at(allowed.location()));
            return;
        }
        List<String> refused = new ArrayList<>();
        for (String license : found.licenses().keySet()) {
            if (allowed.licenses().containsKey(license)) {
                return; // one allowed licence is enough: a dual-licensed module may be taken under it
            }
            refused.add(license + " (" + found.licenses().get(license) + ")");
        }
        sink.report(Violation.invalid(LICENSE, subject).expected(expected).found(String.join(", ", refused))
                .message(subject + " is licensed under " + String.join(", ", found.licenses().keySet())
                        + ", which x-license does not allow")
                .fix("use a module under " + expected + ", or add its licence to x-license").at(allowed.location()));
    }
}
