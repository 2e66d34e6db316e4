package org.crmkit.examples;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The Java snippets of README.md and of the guides in docs/ (not the ADRs), read from the files themselves, compiled
 * and run by {@link ReadmeSnippetsTest} (in memory) and {@link ReadmeSnippetsIT} (those that take a
 * {@code DataSource}, on the test database).
 *
 * <p>A snippet is one of two kinds. A <em>program</em> starts with its own imports and declares a class with a
 * {@code main} method (the README's first screen): it is compiled as written, with nothing added, so a missing import
 * fails, and run. A <em>fragment</em> is the body of a method: it is compiled inside a class that imports every
 * package of crm-core and of the MyBatis adapter without an {@code internal} segment (and {@code java.util},
 * {@code java.util.concurrent}, {@code java.time}, Flyway), so a snippet that names an internal type, a type that
 * moved, or a method that changed fails. What a fragment takes from the host (a {@code DataSource}, a password) is
 * declared by the HTML comment {@code <!-- snippet: Type name, ... -->} just before its code block, and becomes the
 * method's parameters; {@code Request} stands for the host's web request.
 *
 * @param file       where it is, relative to the project's root
 * @param line       the line of its first code line
 * @param parameters the fragment's parameters as declared ({@code Type name}), empty for a program
 * @param code       the code as written
 */
record ReadmeSnippets(String file, int line, List<String> parameters, String code) {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!-- snippet: ([^>]*) -->\\s*\\n)?```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PROGRAM = Pattern.compile("(?s)^\\s*import .*\\bclass (\\w+)\\b.*"
            + "public static void main\\(String\\[] args\\).*");
    private static final String REQUEST = "    public interface Request { String getRemoteAddr();"
            + " String getHeader(String name); }\n";

    /** @return every Java snippet of README.md and docs/*.md, in file order */
    static List<ReadmeSnippets> all() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<ReadmeSnippets> snippets = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start(2)).lines().count() + 1;
                List<String> parameters = m.group(1) == null || m.group(1).isBlank() ? List.of()
                        : List.of(m.group(1).strip().split("\\s*,\\s*"));
                snippets.add(new ReadmeSnippets(ROOT.relativize(file).toString(), line, parameters, m.group(2)));
            }
        }
        return snippets;
    }

    /** @return whether it is a whole program with its own imports and a {@code main} method */
    boolean isProgram() {
        return PROGRAM.matcher(code).matches();
    }

    /** @return the simple names of the types of the fragment's parameters */
    List<String> parameterTypes() {
        return parameters.stream().map(p -> p.substring(0, p.lastIndexOf(' ')).strip())
                .map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
    }

    @Override
    public String toString() {
        return file + " line " + line;
    }

    /**
     * Compiles the snippet into a fresh directory.
     *
     * @return the compiled snippet
     * @throws AssertionError with the compiler's errors when it does not compile
     */
    Compiled compile() throws IOException {
        String className = isProgram() ? programClass() : "Snippet";
        String source = isProgram() ? code : apiImports() + "\npublic class Snippet {\n" + REQUEST
                + "    public void run(" + String.join(", ", parameters) + ") throws Exception {\n" + code
                + "\n    }\n}\n";
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path target = Files.createDirectories(Path.of("target", "readme-snippets"));
        Path out = Files.createTempDirectory(target, "snippet");
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            boolean ok = compiler.getTask(new StringWriter(), files, diagnostics,
                    List.of("-proc:none", "-d", out.toString(), "-classpath", System.getProperty("java.class.path")),
                    null, List.of(unit)).call();
            if (!ok) {
                throw new AssertionError(this + " does not compile:\n" + String.join("\n",
                        diagnostics.getDiagnostics().stream().map(d -> "line " + d.getLineNumber() + ": "
                                + d.getMessage(Locale.ROOT) + " in: " + lineOf(source, d.getLineNumber())).toList()));
            }
        }
        return new Compiled(this, out, className);
    }

    private String programClass() {
        Matcher m = PROGRAM.matcher(code);
        if (!m.matches()) {
            throw new IllegalStateException(this + " is no program");
        }
        return m.group(1);
    }

    /** @return an import of every API package of crm-core and the MyBatis adapter, found from their sources */
    private static String apiImports() throws IOException {
        StringBuilder imports = new StringBuilder("import java.util.*;\nimport java.util.concurrent.*;\n"
                + "import java.time.*;\nimport org.flywaydb.core.Flyway;\n");
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

    private static String lineOf(String source, long number) {
        return source.lines().skip(Math.max(0, number - 1)).findFirst().orElse("").strip();
    }

    /**
     * A compiled snippet, ready to run.
     *
     * @param snippet   the snippet
     * @param classes   where its classes are
     * @param className its class
     */
    record Compiled(ReadmeSnippets snippet, Path classes, String className) {
        /** Runs a program's {@code main} with no arguments. */
        void runMain() throws Exception {
            try (URLClassLoader loader = loader()) {
                Method main = loader.loadClass(className).getMethod("main", String[].class);
                unwrapped(() -> main.invoke(null, (Object) new String[0]));
            }
        }

        /**
         * Runs a fragment with the arguments the host would give it.
         *
         * @param arguments makes the argument for each parameter type (its simple name), given the snippet's class
         *                  loader (for {@code Request}, a type of the snippet's own class)
         */
        void runFragment(Map<String, Function<ClassLoader, Object>> arguments) throws Exception {
            try (URLClassLoader loader = loader()) {
                Class<?> type = loader.loadClass(className);
                Method run = Stream.of(type.getMethods()).filter(m -> m.getName().equals("run")).findFirst()
                        .orElseThrow();
                Object[] args = snippet.parameterTypes().stream().map(t -> {
                    Function<ClassLoader, Object> argument = arguments.get(t);
                    if (argument == null) {
                        throw new IllegalStateException(snippet + " takes a " + t + ", which the test cannot give");
                    }
                    return argument.apply(loader);
                }).toArray();
                Object instance = type.getConstructor().newInstance();
                unwrapped(() -> run.invoke(instance, args));
            }
        }

        /** Calls it and throws what the snippet threw, not the reflection's wrapper. */
        private static void unwrapped(Callable<Object> call) throws Exception {
            try {
                call.call();
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        private URLClassLoader loader() throws IOException {
            return new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                    ReadmeSnippets.class.getClassLoader());
        }
    }
}
