package io.blockwise.live.device;

import io.blockwise.live.BlockPacer;
import io.blockwise.live.BlockSink;

/**
 * A live session paced by a real audio device ({@code live --device}): its clock and its sink in
 * one. The driver writes each block to the device; the write blocks while the device's buffer is
 * full, so the device's own clock sets the pace, and {@link #awaitBlock} lets the next block start
 * at once. A block's deadline is the moment the device would have played everything queued before
 * it: past that, it hears a gap. Driver thread, except where a method says otherwise.
 */
public final class DeviceClock implements BlockPacer, BlockSink {
    private final DeviceOutput device;
    private final int sampleRate;
    private final int blockSize;
    // Written once by the driver at block 0; read by the driver and by the control thread, which
    // waits for the driver's later volatile write that lets the senders go (Senders.go).
    private long startNanos;
    private boolean started;

    private DeviceClock(DeviceOutput device, int sampleRate, int blockSize) {
        this.device = device;
        this.sampleRate = sampleRate;
        this.blockSize = blockSize;
    }

    /**
     * Control thread. Opens the device whose mixer name contains {@code name} (null: the default)
     * for a session at {@code sampleRate} in blocks of {@code blockSize}, with a buffer of
     * {@code bufferBlocks} blocks. Throws {@link io.blockwise.render.OutputException} when no
     * device matches (one line naming the mixers there are).
     */
    public static DeviceClock open(String name, int sampleRate, int blockSize, int bufferBlocks) {
        return new DeviceClock(DeviceOutput.open(name, sampleRate, 1, bufferBlocks * blockSize, blockSize),
                sampleRate, blockSize);
    }

    /** Any thread. A factory handing out this clock, for {@code LiveOptions.withPacer}. */
    public BlockPacer.Factory factory() {
        return (rate, size) -> {
            if (rate != sampleRate || size != blockSize) {
                throw new IllegalArgumentException("the device was opened for " + sampleRate + " Hz, blocks of "
                        + blockSize + ", not " + rate + " Hz, blocks of " + size);
            }
            return this;
        };
    }

    /** Driver thread. Returns at once (the previous write waited for room); the deadline is when the device runs dry. */
    @Override
    public long awaitBlock(long block) {
        long now = System.nanoTime();
        if (!started) {
            startNanos = now;
            started = true;
        }
        // At least one block period: before the device starts playing nothing is queued, yet no gap is heard.
        long queued = Math.max(blockSize, device.framesWritten() - device.framesPlayed());
        return now + queued * 1_000_000_000L / sampleRate;
    }

    /** Any thread started by the driver after it asked for block 0. */
    @Override
    public long nanosOfFrame(long frame) {
        return startNanos + Math.round(frame * 1e9 / sampleRate);
    }

    /** Driver thread. Plays the block, waiting while the device's buffer is full. */
    @Override
    public void write(double[] out, int frames) {
        device.write(out, 0, frames);
    }

    /** Any thread. The device and its format and buffer, for a status line. */
    public String description() {
        return device.description();
    }

    /** Driver thread, after the last block. Lets the device play what it holds, then closes it. */
    @Override
    public void close() {
        device.drain();
        device.close();
    }
}
