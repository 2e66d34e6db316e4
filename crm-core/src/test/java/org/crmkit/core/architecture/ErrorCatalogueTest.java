package org.crmkit.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds docs/errors.md to the codes the main sources of every module throw: each code thrown is listed there once
 * with its HTTP status and meaning, nothing is listed that is not thrown, every code is snake_case, and a code is
 * always a literal at the place that throws it (so this scan sees every one).
 */
class ErrorCatalogueTest {
    private static final Path ROOT = Path.of("..");
    private static final List<Path> SOURCES = List.of(ROOT.resolve("crm-core/src/main/java"),
            ROOT.resolve("crm-persistence-mybatis/src/main/java"), ROOT.resolve("crm-import-csv/src/main/java"));
    /** The places a code is given: a rule's exception, a conflict, and the codes fixed by each exception type. */
    private static final Pattern THROWN = Pattern.compile(
            "(?:new BusinessRuleViolationException|new ConflictException|ConflictException\\.referenceTaken)"
                    + "\\(\\s*\"([^\"]+)\"");
    /** Inside an exception class: the code its constructor fixes. */
    private static final Pattern FIXED = Pattern.compile("super\\(\\s*\"([^\"]+)\"");
    /** The same places given anything but a literal. */
    private static final Pattern NOT_LITERAL = Pattern.compile(
            "(?:new BusinessRuleViolationException|ConflictException\\.referenceTaken)\\(\\s*[^\"\\s]");
    private static final Pattern LISTED = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);

    @Test
    void everyThrownCodeIsInTheCatalogueOnceAndNothingElseIs() {
        Set<String> thrown = new TreeSet<>();
        for (Path file : sourceFiles()) {
            String source = read(file);
            for (Pattern p : file.getFileName().toString().endsWith("Exception.java") ? List.of(THROWN, FIXED)
                    : List.of(THROWN)) {
                Matcher m = p.matcher(source);
                while (m.find()) {
                    thrown.add(m.group(1));
                }
            }
        }
        List<String> listed = new ArrayList<>();
        Matcher m = LISTED.matcher(read(ROOT.resolve("docs/errors.md")));
        while (m.find()) {
            listed.add(m.group(1));
        }

        assertThat(thrown).as("codes thrown in the sources").hasSizeGreaterThan(40)
                .allSatisfy(code -> assertThat(code).matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"));
        assertThat(listed).as("codes listed in docs/errors.md").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(listed)).as("docs/errors.md against the codes thrown").isEqualTo(thrown);
    }

    @Test
    void codesAreLiteralsWhereTheyAreThrown() {
        List<String> dynamic = new ArrayList<>();
        for (Path file : sourceFiles()) {
            String source = read(file);
            Matcher m = NOT_LITERAL.matcher(source);
            while (m.find()) {
                dynamic.add(source.substring(m.start(), Math.min(source.length(), m.end() + 40)));
            }
        }
        // the exception's own constructor hands its rule on
        assertThat(dynamic).allSatisfy(call -> assertThat(call).startsWith("new BusinessRuleViolationException(rule"));
    }

    private static List<Path> sourceFiles() {
        List<Path> all = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(all::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
