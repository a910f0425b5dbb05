package io.importspy.agent;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Name;
import jdk.jfr.Period;

import java.util.List;
import jdk.jfr.Timespan;

/**
 * A JFR event per verdict on a code source: what was checked, its digest, against what, the outcome, how long the
 * check took, and whether the verdict was reached before on the same bytes. The start-up check runs before any
 * recording can (the JVM starts {@code -XX:StartFlightRecording} after the agents), so its verdicts are written at
 * the beginning of each recording chunk, as the JDK writes its initial system properties.
 */
@Name("io.importspy.Verdict")
@Label("ImportSpy Verdict")
@Category("ImportSpy")
@Description("A code source checked against the policy")
@Period("beginChunk")
final class VerdictEvent extends Event {
    @Label("Code Source")
    String codeSource;

    @Label("Digest")
    @Description("sha256:<hex> of a JAR's bytes; dir:<path> for a class directory")
    String digest;

    @Label("Contract")
    String contract;

    @Label("Verdict")
    @Description("admitted, audited (admitted with violations) or refused")
    String verdict;

    @Label("Check Time")
    @Timespan(Timespan.NANOSECONDS)
    long checkTime;

    @Label("Cached")
    @Description("the verdict was reached before on the same bytes: a copy, or the start-up cache of an earlier JVM")
    boolean cached;

    /** A verdict reached, to record now or at each chunk's beginning. */
    record Reached(String codeSource, String digest, Verdict verdict, long nanos, boolean cached) {
        void record() {
            VerdictEvent.record(codeSource, digest, verdict, nanos, cached);
        }
    }

    /** Writes {@code startup} at the beginning of each chunk of every recording, from when the recorder starts. */
    static void atEachChunk(List<Reached> startup) {
        List<Reached> verdicts = List.copyOf(startup);
        if (verdicts.isEmpty()) {
            return;
        }
        FlightRecorder.addListener(new FlightRecorderListener() {
            @Override
            public void recorderInitialized(FlightRecorder recorder) {
                FlightRecorder.addPeriodicEvent(VerdictEvent.class, () -> verdicts.forEach(Reached::record));
            }
        });
    }

    static void record(String codeSource, String digest, Verdict verdict, long nanos, boolean cached) {
        VerdictEvent event = new VerdictEvent();
        if (!event.isEnabled()) {
            return;
        }
        event.codeSource = codeSource;
        event.digest = digest;
        event.contract = verdict.contract();
        event.verdict = verdict.word();
        event.checkTime = nanos;
        event.cached = cached;
        event.commit();
    }
}
