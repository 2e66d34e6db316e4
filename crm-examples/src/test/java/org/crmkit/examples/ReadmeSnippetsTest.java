package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java snippet of README.md and of the guides in docs/ compiles as written and runs on the in-memory default
 * ({@link ReadmeSnippets} says how a snippet is compiled). The README's first snippet is a whole program, compiled
 * with its own imports only, run, and must print; a fragment runs with what the host would pass it: a fresh in-memory
 * {@code Crm}, a password for each {@code String}, a web request, the system clock, a staff {@code Actor} (an
 * administrator of that {@code Crm}), a scheduler that runs each scheduled task once at once. Fragments that take a
 * {@code DataSource} only compile here; {@link ReadmeSnippetsIT} runs them on the test database.
 */
class ReadmeSnippetsTest {
    private static final String PASSWORD = "snippet passphrase 7f3a9c";

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetCompilesAndRunsOnTheInMemoryDefault() throws IOException {
        List<ReadmeSnippets> snippets = ReadmeSnippets.all();
        assertThat(snippets).as("README.md's Java snippets").anyMatch(s -> s.file().equals("README.md"));
        assertThat(snippets.get(0)).as("the README's first Java snippet, on its first screen")
                .matches(s -> s.file().equals("README.md") && s.isProgram(), "is a whole program with its imports");
        return snippets.stream().map(snippet -> DynamicTest.dynamicTest(snippet.toString(), () -> run(snippet)));
    }

    private static void run(ReadmeSnippets snippet) throws Exception {
        ReadmeSnippets.Compiled compiled = snippet.compile();
        if (snippet.isProgram()) {
            assertThat(printed(compiled)).as("what %s prints", snippet).isNotBlank();
        } else if (!snippet.parameterTypes().contains("DataSource")) {
            compiled.runFragment(inMemoryArguments());
        }
    }

    private static String printed(ReadmeSnippets.Compiled program) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            program.runMain();
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        out.print(text);
        return text;
    }

    /** @return what a host passes a fragment, on one in-memory {@code Crm} */
    private static Map<String, Function<ClassLoader, Object>> inMemoryArguments() {
        Crm crm = Crm.builder().passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000)).build();
        Map<String, Function<ClassLoader, Object>> arguments = new HashMap<>();
        arguments.put("Crm", loader -> crm);
        arguments.put("String", loader -> PASSWORD);
        arguments.put("Clock", loader -> Clock.systemUTC());
        arguments.put("Actor", loader -> administrator(crm));
        arguments.put("Request", ReadmeSnippetsTest::request);
        arguments.put("ScheduledExecutorService", loader -> runningEachTaskOnce());
        return arguments;
    }

    private static Actor administrator(Crm crm) {
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Snippet", "Admin", "snippet-admin@example.com",
                PASSWORD));
        return crm.accounts().authenticate("snippet-admin@example.com", PASSWORD, AccessContext.unknown());
    }

    /** @return the snippet's own {@code Request}, as a web request from a browser */
    private static Object request(ClassLoader loader) {
        try {
            Class<?> type = loader.loadClass("Snippet$Request");
            return Proxy.newProxyInstance(loader, new Class<?>[] {type}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "getRemoteAddr" -> "203.0.113.9";
                        case "getHeader" -> "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a scheduler that runs each task it is given once, right away, and refuses everything else */
    private static ScheduledExecutorService runningEachTaskOnce() {
        AtomicInteger ran = new AtomicInteger();
        return (ScheduledExecutorService) Proxy.newProxyInstance(ReadmeSnippetsTest.class.getClassLoader(),
                new Class<?>[] {ScheduledExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("schedule") && args[0] instanceof Runnable task) {
                        task.run();
                        ran.incrementAndGet();
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName() + " after " + ran + " tasks");
                });
    }
}
