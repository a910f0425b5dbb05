package io.importspy.internal.report;

import io.importspy.API;
import io.importspy.internal.contract.Baselines;
import io.importspy.validate.Category;
import io.importspy.validate.Context;
import io.importspy.validate.Report;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * Applies a baseline to a report, and writes a report's violations as a baseline.
 *
 * <p>An entry matches every violation of the same target identity ({@link TargetReport#identity()}), category,
 * context, subject and expected text: never its location, so an entry keeps matching when the contract's
 * lines move, and never what was found, so a module that still fails the same requirement in another way stays
 * suppressed. The expected text is part of the key so that one entry cannot hide a second, different failure of
 * the same subject (a class that lacks {@code public} and, later, also its supertype).
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Baselining {
    private Baselining() {
    }

    /** {@code report} with the violations {@code baseline} lists suppressed and its unmatched entries stale. */
    public static Report apply(Report report, Baselines.File baseline) {
        Map<List<String>, Baselines.Entry> entries = new HashMap<>();
        for (Baselines.Entry entry : baseline.entries()) {
            entries.put(entry.key(), entry);
        }
        Set<List<String>> matched = new LinkedHashSet<>();
        List<TargetReport> targets = new ArrayList<>();
        for (TargetReport target : report.targets()) {
            List<Violation> remaining = new ArrayList<>();
            List<TargetReport.Suppressed> suppressed = new ArrayList<>(target.suppressed());
            for (Violation violation : target.violations()) {
                List<String> key = key(target, violation);
                Baselines.Entry entry = entries.get(key);
                if (entry == null) {
                    remaining.add(violation);
                } else {
                    matched.add(key);
                    suppressed.add(new TargetReport.Suppressed(violation, entry.justification(), entry.location()));
                }
            }
            targets.add(target.withSuppressed(remaining, suppressed));
        }
        List<Report.Stale> stale = new ArrayList<>();
        for (Baselines.Entry entry : baseline.entries()) {
            if (!matched.contains(entry.key())) {
                stale.add(new Report.Stale(entry.target(), Category.valueOf(entry.category().toUpperCase(Locale.ROOT)),
                        Context.of(entry.context()), entry.subject(), entry.expected(), entry.justification(),
                        entry.location()));
            }
        }
        return report.withBaseline(targets, new Report.Baseline(baseline.file(), stale));
    }

    /** What a baseline entry must name to match {@code violation} of {@code target}. */
    static List<String> key(TargetReport target, Violation violation) {
        return List.of(target.identity(), violation.category().label(), violation.context().label(),
                violation.subject(), violation.expected());
    }

    /**
     * A baseline (format 1) listing every violation of {@code report}, failing or unverified, and every one it
     * suppressed: those keep their justification, the others get an empty one, which the baseline reader
     * refuses until someone writes why the violation is accepted. Stale entries are left out.
     */
    public static String write(Report report) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# ImportSpy baseline: violations accepted for now, each with why. Fill in every empty\n");
        yaml.append("# justification (ImportSpy refuses the file until then), then pass it with --baseline.\n");
        List<String> lines = new ArrayList<>();
        int unwritable = 0;
        Set<List<String>> written = new LinkedHashSet<>();
        for (TargetReport target : report.targets()) {
            for (TargetReport.Suppressed kept : target.suppressed()) {
                unwritable += entry(lines, written, target, kept.violation(), kept.justification()) ? 0 : 1;
            }
            for (Violation violation : target.violations()) {
                unwritable += entry(lines, written, target, violation, null) ? 0 : 1;
            }
        }
        if (unwritable > 0) {
            yaml.append("# ").append(unwritable).append(unwritable == 1 ? " violation is" : " violations are")
                    .append(" left out: its text holds a lone surrogate, which YAML cannot write\n");
        }
        yaml.append("importspy-baseline: 1\n");
        if (lines.isEmpty()) {
            return yaml.append("violations: []\n").toString();
        }
        yaml.append("violations:\n");
        lines.forEach(yaml::append);
        return yaml.toString();
    }

    private static boolean entry(List<String> lines, Set<List<String>> written, TargetReport target,
                                 Violation violation, String justification) {
        List<String> key = key(target, violation);
        for (String part : key) {
            if (!YamlText.writable(part) || justification != null && !YamlText.writable(justification)) {
                return false;
            }
        }
        if (!written.add(key)) {
            return true;
        }
        lines.add("  - target: " + YamlText.quote(key.get(0)) + "\n");
        lines.add("    category: " + key.get(1) + "\n");
        lines.add("    context: " + key.get(2) + "\n");
        lines.add("    subject: " + YamlText.quote(key.get(3)) + "\n");
        lines.add("    expected: " + YamlText.quote(key.get(4)) + "\n");
        lines.add(justification == null ? "    justification:            # required: why this violation is accepted\n"
                : "    justification: " + YamlText.quote(justification) + "\n");
        return true;
    }

    /** How many entries {@code yaml}, written by {@link #write}, holds. */
    public static int entries(String yaml) {
        int count = 0;
        for (String line : yaml.split("\n")) {
            if (line.startsWith("  - target: ")) {
                count++;
            }
        }
        return count;
    }

    /** How many entries of {@code yaml}, written by {@link #write}, still lack a justification. */
    public static int unjustified(String yaml) {
        int count = 0;
        for (String line : yaml.split("\n")) {
            if (line.startsWith("    justification:            #")) {
                count++;
            }
        }
        return count;
    }
}
