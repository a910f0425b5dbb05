package io.importspy.agent;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A JFR event per verdict on a code source: what was checked, against what, the outcome and how long it took. */
@Name("io.importspy.Verdict")
@Label("ImportSpy Verdict")
@Category("ImportSpy")
@Description("A code source checked against the policy")
final class VerdictEvent extends Event {
    @Label("Code Source")
    String codeSource;

    @Label("Contract")
    String contract;

    @Label("Verdict")
    @Description("admitted, audited (admitted with violations) or refused")
    String verdict;
}
