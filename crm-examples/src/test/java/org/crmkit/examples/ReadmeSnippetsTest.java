package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java snippet of the README compiles as written, against the API packages only: the snippet becomes the body
 * of a method of a class that imports every package of crm-core and of the MyBatis adapter without an
 * {@code internal} segment (and {@code java.util}, {@code java.time}, Flyway), so a snippet that names an internal
 * type, a type that moved, or a method that changed fails here. What a snippet takes from the host (a
 * {@code DataSource}, a password) is declared by the HTML comment {@code <!-- snippet: Type name, ... -->} just before
 * its code block, and becomes the method's parameters; {@code Request} stands for the host's web request.
 */
class ReadmeSnippetsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!-- snippet: ([^>]*) -->\\s*\\n)?```java\\n(.*?)```", Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetOfTheReadmeCompilesAgainstTheApiPackages() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String imports = apiImports();
        List<DynamicTest> tests = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            int line = (int) readme.substring(0, m.start(2)).lines().count();
            String parameters = m.group(1) == null ? "" : m.group(1).strip();
            String body = m.group(2);
            tests.add(DynamicTest.dynamicTest("README.md line " + line,
                    () -> assertThat(compile(imports, parameters, body)).as("README.md line " + line).isEmpty()));
        }
        assertThat(tests).as("the README shows Java snippets").isNotEmpty();
        return tests.stream();
    }

    /** @return an import of every API package of crm-core and the MyBatis adapter, found from their sources */
    private static String apiImports() throws IOException {
        StringBuilder imports = new StringBuilder("import java.util.*;\nimport java.time.*;\n"
                + "import org.flywaydb.core.Flyway;\n");
        for (String module : List.of("crm-core", "crm-persistence-mybatis")) {
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.getFileName().toString().equals("package-info.java"))
                        .map(f -> sources.relativize(f.getParent()).toString().replace('/', '.'))
                        .filter(p -> !List.of(p.split("\\.")).contains("internal"))
                        .sorted()
                        .forEach(p -> imports.append("import ").append(p).append(".*;\n"));
            }
        }
        return imports.toString();
    }

    /** @return the compiler's errors, empty when the snippet compiles */
    private static List<String> compile(String imports, String parameters, String body) throws IOException {
        String source = imports + "\nclass Snippet {\n"
                + "    interface Request { String getRemoteAddr(); String getHeader(String name); }\n"
                + "    void run(" + parameters + ") throws Exception {\n" + body + "\n    }\n}\n";
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("readme-snippet");
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///Snippet.java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            boolean ok = compiler.getTask(new StringWriter(), files, diagnostics,
                    List.of("-proc:none", "-d", out.toString(), "-classpath", System.getProperty("java.class.path")),
                    null, List.of(unit)).call();
            return ok ? List.of() : diagnostics.getDiagnostics().stream()
                    .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)
                            + " in: " + lineOf(source, d.getLineNumber()))
                    .toList();
        }
    }

    private static String lineOf(String source, long number) {
        return source.lines().skip(Math.max(0, number - 1)).findFirst().orElse("").strip();
    }
}
