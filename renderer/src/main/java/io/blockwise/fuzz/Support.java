package io.blockwise.fuzz;

import io.blockwise.dsp.StageType;
import io.blockwise.render.OfflineRenderer;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Encoding;
import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.SourceSpec;
import io.blockwise.scenario.StageSpec;
import io.blockwise.scenario.TimedMessage;
import java.util.List;

/**
 * What the engine renders today, asked of the renderer itself ({@link OfflineRenderer#unsupportedFeature}
 * on tiny probe scenarios), so that the generators can lean towards it and pick up every feature
 * the moment it lands, without an edit here. Control thread.
 */
final class Support {
    /** One sample message of every kind, in the format's table order. */
    static final List<Message> EVERY_KIND = List.of(
            new Message.SetChain(List.of()),
            new Message.SetInputFilters(null, null),
            new Message.SetParameter(0, "gain", 1),
            new Message.ReplaceStage(0, StageSpec.defaults(StageType.LEVEL)),
            new Message.AddStage(0, StageSpec.defaults(StageType.LEVEL)),
            new Message.RemoveStage(0),
            new Message.SwapStages(0, 0),
            new Message.SetStageBypassed(0, false),
            new Message.SwapIr(new IrSpec.Synthetic(1, 1), 0),
            new Message.ClearIr(),
            new Message.SetIrBypass(false),
            new Message.SetIrGain(1),
            new Message.SetPitchShift(0),
            new Message.SetOversampling(1),
            new Message.SetTunerEnabled(false),
            new Message.SetMetronome(false, 120, 0.5),
            new Message.StartRecording(Encoding.PCM16),
            new Message.StopRecording());

    private final java.util.Set<String> messages = new java.util.TreeSet<>();
    private final java.util.Set<StageType> stages = java.util.EnumSet.noneOf(StageType.class);
    final boolean oversampling;
    final boolean ir;
    final boolean irGain;
    final boolean pitchShift;
    final boolean tuner;
    final boolean metronome;

    private Support() {
        for (Message m : EVERY_KIND) {
            if (renders(EngineSetup.empty(), m)) {
                messages.add(m.name());
            }
        }
        EngineSetup e = EngineSetup.empty();
        for (StageType t : StageType.values()) {
            if (renders(new EngineSetup(null, null, 1, List.of(StageSpec.defaults(t)), null, 1, 0, false,
                    e.metronome()), null)) {
                stages.add(t);
            }
        }
        oversampling = renders(new EngineSetup(null, null, 2, List.of(), null, 1, 0, false, e.metronome()), null);
        ir = renders(new EngineSetup(null, null, 1, List.of(), new IrSpec.Synthetic(1, 1), 1, 0, false,
                e.metronome()), null);
        irGain = renders(new EngineSetup(null, null, 1, List.of(), null, 0.5, 0, false, e.metronome()), null);
        pitchShift = renders(new EngineSetup(null, null, 1, List.of(), null, 1, 2, false, e.metronome()), null);
        tuner = renders(new EngineSetup(null, null, 1, List.of(), null, 1, 0, true, e.metronome()), null);
        metronome = renders(new EngineSetup(null, null, 1, List.of(), null, 1, 0, false,
                new EngineSetup.Metronome(true, 120, 0.5)), null);
    }

    private static final Support TODAY = new Support();

    /** Control thread. What this build of the engine renders. */
    static Support today() {
        return TODAY;
    }

    boolean message(String name) {
        return messages.contains(name);
    }

    boolean stage(StageType type) {
        return stages.contains(type);
    }

    /** True when everything the generators can produce renders today (no skipped scenarios). */
    boolean everything() {
        for (StageType t : StageType.values()) {
            if (!stage(t)) {
                return false;
            }
        }
        return messages.size() == EVERY_KIND.size() && oversampling && ir && irGain && pitchShift && tuner
                && metronome;
    }

    private static boolean renders(EngineSetup setup, Message m) {
        List<TimedMessage> events = m == null ? List.of() : List.of(new TimedMessage(0, 0, null, m));
        Scenario probe = new Scenario(ScenarioDraft.FILE, "probe", "", 48000, 64, 64, 0,
                List.of(new SourceSpec.Silence()), Scenario.Output.DEFAULT, setup, Scenario.Schedule.EVERY_BLOCK,
                Scenario.Schedule.EVERY_BLOCK, Scenario.Limits.DEFAULT, events);
        return OfflineRenderer.unsupportedFeature(probe).isEmpty();
    }
}
