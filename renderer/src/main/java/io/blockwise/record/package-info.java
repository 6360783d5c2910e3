/**
 * Recording: a take of the engine's output handed from the audio thread to the writer thread in
 * preallocated, reference-counted frames ({@link io.blockwise.record.Recorder},
 * {@link io.blockwise.record.FramePool}, {@link io.blockwise.record.Frame}), written by a
 * {@link io.blockwise.record.TakeWriter} to a {@link io.blockwise.record.TakeSink}, and the sample
 * {@link io.blockwise.record.Encoding} of the WAVs the renderer writes (takes and
 * {@code output.wav}; the scenario format names it).
 *
 * <p>Layer: above {@code rt} (it uses its queue and resource lifecycle), beside {@code dsp}, below
 * {@code scenario}, {@code engine} and {@code render}; it imports nothing of the scenario format
 * or the engine. Thread names and the memory-access vocabulary are those of {@code rt}.
 */
package io.blockwise.record;
