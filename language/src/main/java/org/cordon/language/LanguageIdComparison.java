package org.cordon.language;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Measures language identifiers on a labelled corpus: accuracy overall and per language, posts per
 * second on one thread after warm-up, load time, and heap held after load.
 *
 * <p>Candidates are loaded one after another in this JVM; heap is the used heap after a full GC
 * with the identifier loaded minus the same before loading it. Lingua's models are freed between
 * candidates, since it keeps them in static maps.
 */
public final class LanguageIdComparison {

    private static final Timing DEFAULT_TIMING = new Timing(Duration.ofSeconds(2), Duration.ofSeconds(3), 20_000);
    private static final int TOP_CONFUSIONS = 8;

    private LanguageIdComparison() {}

    /**
     * How long each identifier runs over the corpus before timing starts, and while timed. Either
     * phase also lasts at least {@code minimumPosts} posts: on a busy machine a few seconds may be
     * too few calls for the JIT to compile the hot code, and the figures would measure the interpreter.
     */
    record Timing(Duration warmUp, Duration measure, int minimumPosts) {}

    /** An identifier to measure, loaded only when its turn comes. */
    public record Candidate(String name, Set<UnitLanguage> supported, Supplier<? extends LanguageIdentifier> loader) {
        public Candidate {
            Objects.requireNonNull(name, "name");
            supported = Set.copyOf(supported);
            Objects.requireNonNull(loader, "loader");
        }
    }

    public record Report(int posts, List<String> languages, List<IdentifierFigures> identifiers) {
        public Report {
            languages = List.copyOf(languages);
            identifiers = List.copyOf(identifiers);
        }
    }

    /**
     * @param accuracyOnSupportedLanguages the same, leaving out posts in languages the library has no model for
     * @param postsPerSecond posts over wall-clock time on one thread, after warm-up
     * @param postsPerCpuSecond posts over the CPU time of that thread: steadier than wall-clock
     *     time on a machine other work shares, and what one core would do alone
     * @param heapBytesAfterLoad used heap after GC with the identifier loaded, minus before
     */
    public record IdentifierFigures(
            String name,
            List<String> unsupportedLanguages,
            double accuracy,
            double accuracyOnSupportedLanguages,
            List<LanguageAccuracy> perLanguage,
            List<LanguageAccuracy> perKind,
            List<Confusion> topConfusions,
            double postsPerSecond,
            double postsPerCpuSecond,
            long loadMillis,
            long heapBytesAfterLoad) {
        public IdentifierFigures {
            unsupportedLanguages = List.copyOf(unsupportedLanguages);
            perLanguage = List.copyOf(perLanguage);
            perKind = List.copyOf(perKind);
            topConfusions = List.copyOf(topConfusions);
        }
    }

    /** @param label a language code, {@code none}, or a kind of text */
    public record LanguageAccuracy(String label, int correct, int total, double accuracy) {}

    public record Confusion(String expected, String identified, int count) {}

    /** OpenNLP, Lingua in both modes, and the two combinations of {@link CombinedIdentifier}. */
    public static List<Candidate> defaultCandidates(boolean includeHighAccuracyLingua) {
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate("opennlp", OpenNlpIdentifier.supportedLanguages(), OpenNlpIdentifier::forUnitLanguages));
        candidates.add(new Candidate("lingua-low", LinguaIdentifier.supportedLanguages(),
                () -> LinguaIdentifier.forUnitLanguages(LinguaIdentifier.Accuracy.LOW)));
        if (includeHighAccuracyLingua) {
            candidates.add(new Candidate("lingua-high", LinguaIdentifier.supportedLanguages(),
                    () -> LinguaIdentifier.forUnitLanguages(LinguaIdentifier.Accuracy.HIGH)));
        }
        candidates.add(new Candidate("combined", EnumSet.allOf(UnitLanguage.class), CombinedIdentifier::standard));
        if (includeHighAccuracyLingua) {
            candidates.add(new Candidate("combined-high", EnumSet.allOf(UnitLanguage.class), CombinedIdentifier::highAccuracy));
        }
        return List.copyOf(candidates);
    }

    public static Report run(List<LabelledText> corpus) {
        return run(corpus, defaultCandidates(true));
    }

    public static Report run(List<LabelledText> corpus, List<Candidate> candidates) {
        return run(corpus, candidates, DEFAULT_TIMING);
    }

    static Report run(List<LabelledText> corpus, List<Candidate> candidates, Timing timing) {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("the corpus is empty: give at least one labelled text");
        }
        List<String> languages = corpus.stream().map(LabelledText::label).distinct().sorted().toList();
        List<IdentifierFigures> figures = new ArrayList<>();
        for (Candidate candidate : candidates) {
            figures.add(measure(candidate, corpus, timing));
        }
        return new Report(corpus.size(), languages, figures);
    }

    private static IdentifierFigures measure(Candidate candidate, List<LabelledText> corpus, Timing timing) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedHeapAfterGc(memory);
        long loadStart = System.nanoTime();
        LanguageIdentifier identifier = candidate.loader().get();
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        long heapBytes = Math.max(0, usedHeapAfterGc(memory) - heapBefore);
        try {
            List<Optional<String>> answers = corpus.stream().map(text -> identifier.identify(text.text()).language()).toList();
            double[] speed = postsPerSecond(identifier, corpus, timing);
            return score(candidate, corpus, answers, speed, loadMillis, heapBytes);
        } finally {
            if (identifier instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot unload " + candidate.name(), e);
                }
            }
        }
    }

    /** @return posts per wall-clock second and per CPU second of this thread */
    private static double[] postsPerSecond(LanguageIdentifier identifier, List<LabelledText> corpus, Timing timing) {
        runFor(identifier, corpus, timing.warmUp().toNanos(), timing.minimumPosts());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long posts = runFor(identifier, corpus, timing.measure().toNanos(), timing.minimumPosts());
        long wallNanos = System.nanoTime() - start;
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
        return new double[] {posts / (wallNanos / 1e9), cpuNanos > 0 ? posts / (cpuNanos / 1e9) : 0.0};
    }

    private static long runFor(LanguageIdentifier identifier, List<LabelledText> corpus, long nanos, int minimumPosts) {
        long deadline = System.nanoTime() + nanos;
        long posts = 0;
        int sink = 0;
        do {
            for (LabelledText text : corpus) {
                sink += identifier.identify(text.text()).segments().size();
            }
            posts += corpus.size();
        } while (System.nanoTime() < deadline || posts < minimumPosts);
        if (sink == Integer.MIN_VALUE) {
            System.out.print(""); // keeps the results alive for the JIT
        }
        return posts;
    }

    private static IdentifierFigures score(
            Candidate candidate, List<LabelledText> corpus, List<Optional<String>> answers,
            double[] speed, long loadMillis, long heapBytes) {
        Set<String> supportedCodes = candidate.supported().stream().map(UnitLanguage::code).collect(Collectors.toSet());
        Map<String, int[]> byLanguage = new TreeMap<>();
        Map<String, int[]> byKind = new TreeMap<>();
        Map<List<String>, Integer> confusions = new LinkedHashMap<>();
        int correct = 0;
        int supportedCorrect = 0;
        int supportedTotal = 0;
        Set<String> unsupported = new TreeSet<>();
        for (int i = 0; i < corpus.size(); i++) {
            LabelledText expected = corpus.get(i);
            boolean right = answers.get(i).equals(expected.language());
            boolean supported = expected.language().map(supportedCodes::contains).orElse(true);
            if (!supported) {
                unsupported.add(expected.label());
            }
            tally(byLanguage, expected.label(), right);
            tally(byKind, expected.kind(), right);
            correct += right ? 1 : 0;
            if (supported) {
                supportedTotal++;
                supportedCorrect += right ? 1 : 0;
            }
            if (!right) {
                confusions.merge(List.of(expected.label(), answers.get(i).orElse(LabelledText.NO_LANGUAGE)), 1, Integer::sum);
            }
        }
        List<Confusion> topConfusions = confusions.entrySet().stream()
                .sorted(Map.Entry.<List<String>, Integer>comparingByValue().reversed())
                .limit(TOP_CONFUSIONS)
                .map(entry -> new Confusion(entry.getKey().get(0), entry.getKey().get(1), entry.getValue()))
                .toList();
        return new IdentifierFigures(
                candidate.name(),
                List.copyOf(unsupported),
                ratio(correct, corpus.size()),
                ratio(supportedCorrect, supportedTotal),
                accuracies(byLanguage),
                accuracies(byKind),
                topConfusions,
                speed[0],
                speed[1],
                loadMillis,
                heapBytes);
    }

    private static void tally(Map<String, int[]> counts, String key, boolean right) {
        int[] count = counts.computeIfAbsent(key, k -> new int[2]);
        count[0] += right ? 1 : 0;
        count[1]++;
    }

    private static List<LanguageAccuracy> accuracies(Map<String, int[]> counts) {
        return counts.entrySet().stream()
                .map(entry -> new LanguageAccuracy(entry.getKey(), entry.getValue()[0], entry.getValue()[1],
                        ratio(entry.getValue()[0], entry.getValue()[1])))
                .toList();
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Renders the report as a fixed-width table: one row per language, one column per identifier. */
    public static String table(Report report) {
        StringBuilder out = new StringBuilder();
        List<IdentifierFigures> ids = report.identifiers();
        String header = ids.stream().map(id -> String.format(Locale.ROOT, "%14s", id.name())).collect(Collectors.joining());
        out.append(String.format(Locale.ROOT, "%-22s%s%n", "posts: " + report.posts(), header));
        row(out, "accuracy", ids, id -> percent(id.accuracy()));
        row(out, "  on supported langs", ids, id -> percent(id.accuracyOnSupportedLanguages()));
        row(out, "posts/s (1 thread)", ids, id -> String.format(Locale.ROOT, "%,.0f", id.postsPerSecond()));
        row(out, "posts per CPU second", ids, id -> String.format(Locale.ROOT, "%,.0f", id.postsPerCpuSecond()));
        row(out, "CPU us per post", ids, id -> String.format(Locale.ROOT, "%,.1f", 1e6 / id.postsPerCpuSecond()));
        row(out, "load ms", ids, id -> String.format(Locale.ROOT, "%,d", id.loadMillis()));
        row(out, "heap MB after load", ids, id -> String.format(Locale.ROOT, "%,.1f", id.heapBytesAfterLoad() / 1048576.0));
        out.append(String.format(Locale.ROOT, "%nper language (correct of total)%n"));
        for (String language : report.languages()) {
            row(out, language, ids, id -> cell(id.perLanguage(), language, id.unsupportedLanguages().contains(language)));
        }
        out.append(String.format(Locale.ROOT, "%nper kind of text%n"));
        ids.stream().flatMap(id -> id.perKind().stream()).map(LanguageAccuracy::label).distinct().sorted()
                .forEach(kind -> row(out, kind, ids, id -> cell(id.perKind(), kind, false)));
        out.append(String.format(Locale.ROOT, "%nmost frequent confusions (expected -> identified x count)%n"));
        for (IdentifierFigures id : ids) {
            out.append(String.format(Locale.ROOT, "%-14s%s%n", id.name(), id.topConfusions().stream()
                    .map(c -> c.expected() + "->" + c.identified() + " x" + c.count())
                    .collect(Collectors.joining(", "))));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, List<IdentifierFigures> ids,
            java.util.function.Function<IdentifierFigures, String> value) {
        out.append(String.format(Locale.ROOT, "%-22s", label));
        ids.forEach(id -> out.append(String.format(Locale.ROOT, "%14s", value.apply(id))));
        out.append(System.lineSeparator());
    }

    private static String cell(List<LanguageAccuracy> accuracies, String label, boolean unsupported) {
        return accuracies.stream().filter(a -> a.label().equals(label)).findFirst()
                .map(a -> (unsupported ? "(no model) " : "") + a.correct() + "/" + a.total())
                .orElse("-");
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
    }

    /**
     * Prints the comparison on the bundled corpus. {@code --low-only} skips high-accuracy Lingua
     * (600 MB); otherwise run with {@code -Xmx1500m} or more.
     */
    public static void main(String[] args) {
        boolean lowOnly = Arrays.asList(args).contains("--low-only");
        Report report = run(LabelledText.bundledCorpus(), defaultCandidates(!lowOnly));
        System.out.print(table(report));
    }
}
