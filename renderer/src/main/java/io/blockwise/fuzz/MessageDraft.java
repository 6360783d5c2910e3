package io.blockwise.fuzz;

import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.List;

/**
 * A message before the timing is known. Most messages are final as generated; a chain is cut to
 * {@code maxChainLength} (longer is a load error, not an engine case), filter cut-offs fold below
 * Nyquist, IR lengths and crossfades become frames.
 */
sealed interface MessageDraft {

    Message resolve(Timing t);

    /** A message that does not depend on timing. */
    record Fixed(Message message) implements MessageDraft {
        public Message resolve(Timing t) {
            return message;
        }
    }

    record SetChain(List<StageSpec> chain) implements MessageDraft {
        public Message resolve(Timing t) {
            return new Message.SetChain(fit(chain, t));
        }
    }

    record SetInputFilters(Double highpassHz, Double lowpassHz) implements MessageDraft {
        public Message resolve(Timing t) {
            Double[] f = filters(highpassHz, lowpassHz, t);
            return new Message.SetInputFilters(f[0], f[1]);
        }
    }

    record SwapIr(Ir ir, int crossfadeMs) implements MessageDraft {
        public Message resolve(Timing t) {
            return new Message.SwapIr(ir.resolve(t), t.frames(crossfadeMs, 0));
        }
    }

    /** A synthetic impulse response, short so that renders stay fast. */
    record Ir(int lengthMs, int decayMs) {
        IrSpec resolve(Timing t) {
            return new IrSpec.Synthetic(t.frames(lengthMs, 1), t.frames(decayMs, 1));
        }
    }

    /** {@code chain} cut to the scenario's chain limit. */
    static List<StageSpec> fit(List<StageSpec> chain, Timing t) {
        return chain.size() <= t.maxChainLength() ? chain : chain.subList(0, t.maxChainLength());
    }

    /** Cut-offs the reader accepts: below Nyquist, and the lowpass above the highpass (else dropped). */
    static Double[] filters(Double highpassHz, Double lowpassHz, Timing t) {
        Double hp = highpassHz == null ? null : t.frequency(highpassHz);
        Double lp = lowpassHz == null ? null : t.frequency(lowpassHz);
        if (hp != null && lp != null && !(lp > hp)) {
            lp = null;
        }
        return new Double[] {hp, lp};
    }
}
