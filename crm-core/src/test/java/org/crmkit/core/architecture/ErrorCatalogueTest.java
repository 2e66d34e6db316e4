package org.crmkit.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crmkit.core.shared.CrmError;
import org.crmkit.core.shared.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * Holds docs/errors.md to the error code enums: {@link CrmError} (the section "Codes of every area") and each area's
 * {@code <Area>Error} (the section named after the area) list exactly the same codes, each once, with an exception
 * type, an HTTP status and a meaning; no two rules share a code; every code is raised somewhere in the main sources.
 * The exceptions take an {@link ErrorCode}, never a string, so a code that is in no enum does not compile.
 */
class ErrorCatalogueTest {
    private static final Path ROOT = Path.of("..");
    private static final List<Path> SOURCES = List.of(ROOT.resolve("crm-core/src/main/java"),
            ROOT.resolve("crm-persistence-mybatis/src/main/java"), ROOT.resolve("crm-import-csv/src/main/java"));
    private static final String EVERY_AREA = "Codes of every area";
    private static final Pattern SECTION = Pattern.compile("^## (.+)$", Pattern.MULTILINE);
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([^`]+)` \\| (\\w+Exception) \\| (\\d{3}) \\| (.+) \\|$", Pattern.MULTILINE);

    @Test
    void theCatalogueListsEveryEnumsCodesUnderItsAreaAndNothingElse() {
        Map<String, TreeSet<String>> declared = new TreeMap<>();
        for (Class<? extends Enum<?>> type : errorCodeEnums()) {
            declared.computeIfAbsent(sectionOf(type), s -> new TreeSet<>()).addAll(codesOf(type));
        }
        Map<String, List<String>> listed = catalogue();

        assertThat(declared).as("error code enums found").containsKey(EVERY_AREA).hasSizeGreaterThan(10);
        assertThat(listed.values()).as("codes listed per section").allSatisfy(codes ->
                assertThat(codes).doesNotHaveDuplicates());
        Map<String, TreeSet<String>> listedSets = new TreeMap<>();
        listed.forEach((section, codes) -> listedSets.put(section, new TreeSet<>(codes)));
        assertThat(listedSets).as("docs/errors.md against the enums, section by section").isEqualTo(declared);
    }

    @Test
    void everyCodeIsSnakeCaseAndNamesOneRuleOnly() {
        List<String> all = errorCodeEnums().stream().flatMap(t -> codesOf(t).stream()).toList();

        assertThat(all).hasSizeGreaterThan(40).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"));
    }

    @Test
    void everyCodeIsRaisedSomewhere() {
        String sources = sourceFiles().stream()
                .filter(f -> !f.getFileName().toString().matches("(CrmError|[A-Z][a-z]+Error)\\.java"))
                .map(ErrorCatalogueTest::read)
                .collect(Collectors.joining("\n"));
        List<String> unused = new ArrayList<>();
        for (Class<? extends Enum<?>> type : errorCodeEnums()) {
            for (Enum<?> constant : type.getEnumConstants()) {
                if (!sources.contains(type.getSimpleName() + "." + constant.name())) {
                    unused.add(type.getSimpleName() + "." + constant.name());
                }
            }
        }
        assertThat(unused).as("codes no main source raises").isEmpty();
    }

    /** @return every enum of crm-core that implements {@link ErrorCode} */
    @SuppressWarnings("unchecked")
    private static List<Class<? extends Enum<?>>> errorCodeEnums() {
        return ApiListing.of(Path.of("target", "classes")).exportedTypes().stream()
                .filter(t -> t.isEnum() && ErrorCode.class.isAssignableFrom(t))
                .<Class<? extends Enum<?>>>map(t -> (Class<? extends Enum<?>>) t)
                .toList();
    }

    private static List<String> codesOf(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> ((ErrorCode) c).code()).toList();
    }

    /** @return the catalogue's section for an enum: the kernel's, or its area's (the package's last segment) */
    private static String sectionOf(Class<?> type) {
        String pkg = type.getPackageName();
        return type == CrmError.class ? EVERY_AREA : pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    /** @return the codes of docs/errors.md per section, in the order listed */
    private static Map<String, List<String>> catalogue() {
        String doc = read(ROOT.resolve("docs/errors.md"));
        Map<String, List<String>> sections = new TreeMap<>();
        Matcher heading = SECTION.matcher(doc);
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        while (heading.find()) {
            names.add(heading.group(1).strip());
            starts.add(heading.start());
            ends.add(heading.end());
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < names.size() ? starts.get(i + 1) : doc.length();
            Matcher row = ROW.matcher(doc.substring(ends.get(i), end));
            List<String> codes = new ArrayList<>();
            while (row.find()) {
                codes.add(row.group(1));
            }
            if (!codes.isEmpty()) {
                sections.put(names.get(i), codes);
            }
        }
        return sections;
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
