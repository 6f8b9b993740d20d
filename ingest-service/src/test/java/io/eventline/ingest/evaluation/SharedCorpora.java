package io.eventline.ingest.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the corpora live: outside the repository (their licences allow research use only), in
 * {@code ../shared/corpora} beside the project root, or wherever the system property
 * {@code eventline.corpora} says. Tests and benchmarks run in the module folder or the project root.
 */
public final class SharedCorpora {

    public static final String PROPERTY = "eventline.corpora";

    private SharedCorpora() {
    }

    /** The corpora folder if it holds every one of the named corpora (sub-folders or files). */
    public static Optional<Path> folderWith(String... corpora) {
        return candidates().stream()
                .filter(folder -> Stream.of(corpora).allMatch(corpus -> Files.exists(folder.resolve(corpus))))
                .findFirst();
    }

    /** Why {@link #folderWith} found nothing, for the message of a skipped test or benchmark. */
    public static String absence(String... corpora) {
        return "the corpora " + String.join(", ", corpora) + " are not in any of " + candidates()
                + "; they belong in ../shared/corpora beside the project root, or name their folder with -D"
                + PROPERTY + "=/path/to/corpora";
    }

    static List<Path> candidates() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return List.of(Path.of(configured).toAbsolutePath().normalize());
        }
        return Stream.of("../../shared/corpora", "../shared/corpora")
                .map(p -> Path.of(p).toAbsolutePath().normalize()).distinct().toList();
    }

    /**
     * The founding articles' folder, {@code ../shared/seeds} beside the project root (it may be
     * absent: tests that read it skip with the reason).
     */
    public static Path seeds() {
        return Stream.of("../../shared/seeds", "../shared/seeds")
                .map(p -> Path.of(p).toAbsolutePath().normalize())
                .filter(Files::isDirectory)
                .findFirst()
                .orElse(Path.of("../../shared/seeds").toAbsolutePath().normalize());
    }
}
