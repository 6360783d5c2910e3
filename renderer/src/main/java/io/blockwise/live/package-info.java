/**
 * Live mode: the engine driven in real time instead of by the fake clock. A {@link BlockPacer}
 * releases one block per block period (as an audio device does); the scenario's events are sent
 * at their wall-clock times by a control thread, and churn threads send random valid messages as
 * fast as the engine accepts them, all at once, through the engine's lock-free many-to-one
 * command queue. The audio thread is the same {@code blockwise-rt} as offline, under the same
 * audit. {@link LiveSession} runs it; {@link Capture} records what the audio thread applied, at
 * its block, as a {@code blockwise/1} scenario that {@code render} reproduces byte for byte.
 *
 * <p>Threads: the driver (the caller of {@link LiveSession#run}) paces blocks, hands each to the
 * audio thread, and between blocks plays the control side's per-block roles (logging the audio
 * thread's events, the monitor, the collector and the writer); the control thread and the churn
 * threads only build and send.
 */
package io.blockwise.live;
