package io.importspy.internal.diff;

import io.importspy.API;
import io.importspy.internal.report.JsonText;
import io.importspy.internal.report.JsonViolation;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;

import java.util.ArrayList;
import java.util.List;

import static io.importspy.API.Status.INTERNAL;

/**
 * A {@link ContractDiff.Result} as text for people, JSON for machines, or Markdown for a pull-request comment.
 * All three say the same: the advice and its reason, whether NEW still satisfies the contract OLD satisfied
 * (with its violations), and every removed, changed and added term.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class DiffReport {
    private DiffReport() {
    }

    private static final ContractDiff.Kind[] ORDER = {ContractDiff.Kind.REMOVED, ContractDiff.Kind.CHANGED,
            ContractDiff.Kind.ADDED};

    /** The text report. */
    public static String text(ContractDiff.Result diff) {
        StringBuilder out = new StringBuilder();
        out.append("OLD ").append(diff.oldSide().label()).append('\n');
        out.append("NEW ").append(diff.newSide().label()).append('\n');
        out.append(counts(diff)).append('\n');
        for (ContractDiff.Kind kind : ORDER) {
            for (ContractDiff.Change change : diff.changes()) {
                if (change.kind() == kind) {
                    out.append(switch (kind) {
                        case REMOVED -> "  - ";
                        case CHANGED -> "  ~ ";
                        case ADDED -> "  + ";
                    }).append(change.subject()).append(": ").append(describe(change)).append('\n');
                }
            }
        }
        out.append(satisfaction(diff)).append('\n');
        if (diff.satisfaction().isPresent()) {
            for (Violation violation : failing(diff.satisfaction().get())) {
                out.append("  x ").append(violation.category().label()).append("  ").append(violation.message())
                        .append('\n');
            }
        }
        out.append("semantic versioning: ").append(label(diff.bump())).append(" (").append(diff.reason()).append(")\n");
        return out.toString();
    }

    /** The Markdown report, for a pull-request comment. */
    public static String markdown(ContractDiff.Result diff) {
        StringBuilder out = new StringBuilder();
        out.append("### ImportSpy diff: **").append(label(diff.bump())).append("**\n\n");
        out.append(escape(diff.reason())).append("\n\n");
        out.append("| | |\n|---|---|\n");
        out.append("| OLD | `").append(code(diff.oldSide().label())).append("` |\n");
        out.append("| NEW | `").append(code(diff.newSide().label())).append("` |\n");
        out.append("| removed / changed / added | ").append(diff.count(ContractDiff.Kind.REMOVED)).append(" / ")
                .append(diff.count(ContractDiff.Kind.CHANGED)).append(" / ").append(diff.count(ContractDiff.Kind.ADDED))
                .append(" |\n");
        out.append("| still satisfied | ").append(diff.stillSatisfied() ? "yes" : "**no**").append(" |\n\n");
        if (diff.satisfaction().isPresent() && !failing(diff.satisfaction().get()).isEmpty()) {
            out.append("#### What NEW no longer satisfies\n\n");
            for (Violation violation : failing(diff.satisfaction().get())) {
                out.append("- ").append(violation.category().label()).append(": ").append(escape(violation.message()))
                        .append('\n');
            }
            out.append('\n');
        }
        for (ContractDiff.Kind kind : ORDER) {
            List<ContractDiff.Change> changes = new ArrayList<>(); // a loop: a stream's first lambda costs milliseconds
            for (ContractDiff.Change change : diff.changes()) {
                if (change.kind() == kind) {
                    changes.add(change);
                }
            }
            if (changes.isEmpty()) {
                continue;
            }
            String title = kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
            out.append("<details").append(changes.size() <= 20 ? " open" : "").append("><summary>").append(title)
                    .append(" (").append(changes.size()).append(")</summary>\n\n");
            for (ContractDiff.Change change : changes) {
                out.append("- `").append(code(change.subject())).append("`: ").append(escape(describe(change)))
                        .append('\n');
            }
            out.append("\n</details>\n\n");
        }
        return out.toString();
    }

    /** The JSON report. */
    public static String json(ContractDiff.Result diff) {
        JsonText json = new JsonText().beginObject();
        json.name("old").value(diff.oldSide().label());
        json.name("new").value(diff.newSide().label());
        json.name("advice").beginObject().name("bump").value(label(diff.bump())).name("reason").value(diff.reason())
                .endObject();
        json.name("satisfied").value(diff.stillSatisfied());
        json.name("violations").beginArray();
        if (diff.satisfaction().isPresent()) {
            for (Violation violation : failing(diff.satisfaction().get())) {
                JsonViolation.write(json, violation);
            }
        }
        json.endArray();
        json.name("changes").beginArray();
        for (ContractDiff.Change change : diff.changes()) {
            json.beginObject().name("change").value(change.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .name("subject").value(change.subject())
                    .name("identity").value(change.identity())
                    .name("old").value(change.before().orElse(null))
                    .name("new").value(change.after().orElse(null))
                    .endObject();
        }
        json.endArray();
        return json.endObject() + "\n";
    }

    /** {@code major}, {@code minor} or {@code patch}. */
    public static String label(ContractDiff.Bump bump) {
        return bump.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String counts(ContractDiff.Result diff) {
        return diff.count(ContractDiff.Kind.REMOVED) + " removed, " + diff.count(ContractDiff.Kind.CHANGED)
                + " changed, " + diff.count(ContractDiff.Kind.ADDED) + " added"
                + (identityChanged(diff) ? " (and the module's identity)" : "");
    }

    private static boolean identityChanged(ContractDiff.Result diff) {
        for (ContractDiff.Change change : diff.changes()) {
            if (change.identity()) {
                return true;
            }
        }
        return false;
    }

    private static String satisfaction(ContractDiff.Result diff) {
        if (diff.satisfaction().isPresent()) {
            int failing = failing(diff.satisfaction().get()).size();
            return failing == 0 ? "NEW still satisfies the contract OLD satisfies"
                    : "NEW no longer satisfies the contract OLD satisfies: " + failing
                    + (failing == 1 ? " violation" : " violations");
        }
        return diff.stillSatisfied() ? "every module that met OLD meets NEW"
                : "a module that met OLD may not meet NEW";
    }

    private static List<Violation> failing(TargetReport report) {
        return ContractDiff.failing(report);
    }

    private static String describe(ContractDiff.Change change) {
        return switch (change.kind()) {
            case ADDED -> change.after().orElse("");
            case REMOVED -> change.before().orElse("");
            case CHANGED -> change.before().orElse("") + " -> " + change.after().orElse("");
        };
    }

    private static String code(String text) {
        return text.replace("`", "'");
    }

    /** Markdown's special characters in running text, escaped so that generic types and globs stay as they are. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
