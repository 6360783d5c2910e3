package io.blockwise.fuzz;

import io.blockwise.render.OfflineRenderer;
import io.blockwise.render.RenderOptions;
import io.blockwise.render.RenderResult;
import io.blockwise.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Renders scenarios into a scratch folder and checks {@link FuzzProperty properties} on them.
 * Every failure is one line: {@code PROPERTY: invariant; first offending line ...}. A render that
 * throws fails the property it was rendered for. Each check cleans up its renders. Any thread:
 * checks may run at the same time (each renders into a folder of its own).
 */
public final class PropertyChecks implements AutoCloseable {
    private final RenderOptions options;
    private final Path scratch;
    // Any thread takes the next folder number; atomic, so no two checks share a folder.
    private final java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();

    /** Control thread. Checks renders made with {@code options} (planted defects included). */
    public PropertyChecks(RenderOptions options) {
        this.options = options;
        try {
            this.scratch = Files.createTempDirectory(scratchRoot(), "blockwise-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any thread. Whether {@code p} holds for single scenario {@code s}: empty, or why not. */
    public Optional<String> check(FuzzProperty p, Scenario s) {
        return Optional.ofNullable(check(s, java.util.List.of(p)).get(p));
    }

    /**
     * Any thread. Checks every property of {@code which} that applies to single scenarios on
     * {@code s}, sharing one render among properties 1, 2, 3 and 5 (and 4, as the first of its
     * renders); returns the failures.
     */
    public Map<FuzzProperty, String> check(Scenario s, Collection<FuzzProperty> which) {
        Map<FuzzProperty, String> failures = new EnumMap<>(FuzzProperty.class);
        boolean needsLog = false;
        for (FuzzProperty p : which) {
            needsLog |= !p.onPairs() && p != FuzzProperty.DETERMINISTIC;
        }
        Path dir = newDir();
        try {
            RenderResult r = null;
            // Passes every hook through and notes the engine's chain after each run (property 9).
            ChainObserver chains = new ChainObserver(options.hooks());
            if (needsLog) {
                try {
                    r = OfflineRenderer.render(s, dir.resolve("offline"), options.withHooks(chains));
                } catch (RuntimeException e) {
                    for (FuzzProperty p : which) {
                        if (!p.onPairs()) {
                            failures.put(p, p.label() + ": the render completes; it threw " + e);
                        }
                    }
                    return failures;
                }
                for (FuzzProperty p : which) {
                    Optional<String> f = checkLog(p, s, r, dir, chains);
                    f.ifPresent(m -> failures.put(p, p.label() + ": " + m));
                }
            }
            if (which.contains(FuzzProperty.DETERMINISTIC)) {
                deterministic(s, dir, r).ifPresent(m -> failures.put(FuzzProperty.DETERMINISTIC,
                        FuzzProperty.DETERMINISTIC.label() + ": " + m));
            }
            return failures;
        } finally {
            delete(dir);
        }
    }

    /** Any thread. Whether pair property {@code p} holds for {@code pair}: empty, or why not. */
    public Optional<String> check(FuzzProperty p, ScenarioPair pair) {
        Path dir = newDir();
        try {
            RenderResult a = OfflineRenderer.render(pair.a(), dir.resolve("a"), options);
            RenderResult b = OfflineRenderer.render(pair.b(), dir.resolve("b"), options);
            return FolderComparison.firstDifference(a.folder(), b.folder(), FolderComparison.AUDIO,
                    pair.a().blockSize()).map(d -> p.label() + ": " + pair.description()
                            + " gives identical audio; " + d);
        } catch (RuntimeException e) {
            return Optional.of(p.label() + ": the renders complete; " + pair.description() + " threw " + e);
        } finally {
            delete(dir);
        }
    }

    private Optional<String> checkLog(FuzzProperty p, Scenario s, RenderResult r, Path dir, ChainObserver chains) {
        switch (p) {
            case CLICK_FREE: {
                java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
                try {
                    return ClickChecks.clickFree(s, r,
                            x -> OfflineRenderer.render(x, dir.resolve("click" + n.incrementAndGet()), options));
                } catch (RuntimeException e) {
                    return Optional.of("the renders without a message complete; one threw " + e);
                }
            }
            case AUDIO_THREAD_ALLOCATES_NOTHING: return LogChecks.audioThreadAllocatesNothing(r);
            case RESOURCES_RETIRED_AND_FREED_ONCE: return LogChecks.resourcesRetiredAndFreedOnce(r);
            case NO_MESSAGE_LOST: return LogChecks.noMessageLost(s, r);
            case OUTPUT_FINITE_AND_BOUNDED: return OutputChecks.finiteAndBounded(s, r);
            case LOG_MATCHES_MODEL: return SemanticModel.logMatches(s, r, chains.snapshots());
            case LOG_COMPLETE: return LogCompleteness.complete(s, r);
            case SETUP_HEARD_AS_ITS_PARTS: {
                try {
                    return SetupHeardAsItsParts.heard(s, options.hooks(),
                            x -> OfflineRenderer.render(x, dir.resolve("setup-alone"), options), dir);
                } catch (RuntimeException e) {
                    return Optional.of("the render of the setup alone and its reference complete; one threw " + e);
                }
            }
            case BLOCK_SIZE_INVARIANT: {
                java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
                try {
                    return BlockSizeInvariance.invariant(s,
                            x -> OfflineRenderer.render(x, dir.resolve("grid" + n.incrementAndGet()), options));
                } catch (RuntimeException e) {
                    return Optional.of("the renders at both block sizes complete; one threw " + e);
                }
            }
            default: return Optional.empty();
        }
    }

    /**
     * Property 4: offline twice, and lockstep, give the same deterministic files byte for byte.
     * {@code offline}, when not null, is an offline render of {@code s} already made (for the
     * log properties): it serves as the first of the two.
     */
    private Optional<String> deterministic(Scenario s, Path dir, RenderResult offline) {
        try {
            RenderResult first = offline != null ? offline : OfflineRenderer.render(s, dir.resolve("first"), options);
            RenderResult second = OfflineRenderer.render(s, dir.resolve("second"), options);
            Optional<String> d = FolderComparison.firstDifference(first.folder(), second.folder(),
                    FolderComparison.DETERMINISTIC, s.blockSize());
            if (d.isPresent()) {
                return Optional.of("rendering twice gives identical bytes; " + d.get());
            }
            RenderResult lockstep = OfflineRenderer.render(s, dir.resolve("lockstep"),
                    options.withMode(RenderOptions.Mode.LOCKSTEP));
            return FolderComparison.firstDifference(first.folder(), lockstep.folder(), FolderComparison.DETERMINISTIC,
                    s.blockSize()).map(x -> "offline and lockstep renders give identical bytes; " + x);
        } catch (RuntimeException e) {
            return Optional.of("the renders complete; one threw " + e);
        }
    }

    private Path newDir() {
        return scratch.resolve(Long.toString(next.getAndIncrement()));
    }

    /**
     * Where scratch renders go: {@code /dev/shm} where it is a writable folder (memory, so the
     * fuzzer's many short-lived render files never reach a disk), else the temporary folder.
     */
    private static Path scratchRoot() {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Control thread. Deletes the scratch folder. */
    @Override
    public void close() {
        delete(scratch);
    }

    static void delete(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
