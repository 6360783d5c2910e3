/**
 * Real-time plumbing: the command queue (control to audio), the retire queue (audio to
 * collector), the resource lifecycle, the audio thread's event ring and its allocation audit.
 *
 * <h2>Threads</h2>
 * Every public method's Javadoc starts with the thread that may call it: "Audio thread only.",
 * "Control thread." (the thread that parses, builds and sends), "Collector thread." or
 * "Any thread.". In offline mode the control, collector and writer roles share the driver's
 * thread; the audio role always runs on the thread named {@code blockwise-rt}.
 *
 * <h2>Memory-access vocabulary</h2>
 * As in JCTools, every access to a field shared between threads names its ordering:
 * <ul>
 *   <li>{@code lp} load plain / {@code sp} store plain: no ordering, only for fields owned by one
 *       thread or published by a later release;</li>
 *   <li>{@code lv} load volatile / {@code sv} store volatile: sequentially consistent;</li>
 *   <li>{@code la} load acquire ({@code getAcquire}): later loads and stores stay after it;</li>
 *   <li>{@code so} store ordered ({@code setRelease}): earlier loads and stores stay before it, so a
 *       reader that {@code la}-loads the value sees everything written before it;</li>
 *   <li>{@code xchg} ({@code getAndSet}), {@code cas} ({@code compareAndSet}): atomic, volatile
 *       semantics.</li>
 * </ul>
 * VarHandle calls go through small named helpers ({@code soState}, {@code laState}, ...) so that
 * each call site reads as its ordering. None of these operations allocates.
 */
package io.blockwise.rt;
