package io.blockwise.scenario;

/**
 * The impulse response a message loads, or null: what must be prepared before block 0 for the
 * message to be built. A visitor, so a new kind of message must say whether it loads one.
 */
public final class IrOfMessage implements Message.Visitor<IrSpec> {
    private static final IrOfMessage INSTANCE = new IrOfMessage();

    private IrOfMessage() {
    }

    /** Any thread. The IR {@code m} loads, or null. */
    public static IrSpec of(Message m) {
        return m.accept(INSTANCE);
    }

    @Override
    public IrSpec visit(Message.SetChain m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.SetInputFilters m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.SetParameter m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.ReplaceStage m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.AddStage m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.RemoveStage m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.SwapStages m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.SetStageBypassed m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.SwapIr m) {
        return m.ir();
    }

    @Override
    public IrSpec visit(Message.ClearIr m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.SetIrBypass m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.SetIrGain m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.SetPitchShift m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.SetOversampling m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.SetTunerEnabled m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.SetMetronome m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.StartRecording m) {
        return null;
    }

    @Override
    public IrSpec visit(Message.StopRecording m) {
        return null;
    }
}
