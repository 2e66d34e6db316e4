package org.crmkit.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a JPMS host meets: it compiles a small host module against crm-core's module (the module path this test
 * runs on) and shows that the API packages are reachable and the inside is not, because {@code module-info.java}
 * exports only the API.
 */
class ModuleBoundaryTest {

    @TempDir
    Path work;

    @Test
    void theTestsRunInTheNamedModule() {
        assertThat(Crm.class.getModule().getName()).as("crm-core's tests run on the module path")
                .isEqualTo("org.crmkit.core");
    }

    @Test
    void aHostModuleCompilesAgainstTheApi() {
        List<String> errors = compileHost("""
                package host;

                import org.crmkit.core.Crm;
                import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
                import org.crmkit.core.shared.Actor;

                public final class Host {
                    public static Crm crm() {
                        return Crm.builder().build();
                    }

                    public static RegisterCustomerCommand.Builder register() {
                        return RegisterCustomerCommand.builder().email("jane@example.com");
                    }

                    public static Actor system() {
                        return Actor.system("host-job");
                    }
                }
                """);

        assertThat(errors).as("compiler errors of a host using only the API").isEmpty();
    }

    @Test
    void aHostModuleCannotReachTheDomainTheServicesOrTheInMemoryInternals() {
        List<String> errors = compileHost("""
                package host;

                import org.crmkit.core.customer.internal.domain.Customer;
                import org.crmkit.core.customer.internal.application.CustomerService;
                import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;

                public final class Host {
                    Customer customer;
                    CustomerService service;
                    InMemoryCrmPersistence memory;
                }
                """);

        assertThat(errors).as("one refusal per internal package").hasSize(3)
                .allSatisfy(error -> assertThat(error).contains("is not visible"))
                .anySatisfy(error -> assertThat(error).contains("org.crmkit.core.customer.internal.domain"))
                .anySatisfy(error -> assertThat(error).contains("org.crmkit.core.customer.internal.application"))
                .anySatisfy(error -> assertThat(error).contains("org.crmkit.core.internal.inmemory"));
    }

    /**
     * Compiles module {@code host} (requires org.crmkit.core) with one class, with the JDK's {@code javac} as a host's
     * build would; returns the compiler's error messages.
     */
    private List<String> compileHost(String hostClass) {
        try {
            Path sources = Files.createDirectories(work.resolve("src/host"));
            Path descriptor = Files.writeString(work.resolve("src/module-info.java"),
                    "module host { requires org.crmkit.core; }\n");
            Path host = Files.writeString(sources.resolve("Host.java"), hostClass);
            Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
            Process process = new ProcessBuilder(javac.toString(), "-d", work.resolve("out").toString(),
                    "--module-path", modulePath(), descriptor.toString(), host.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("javac finished").isTrue();
            List<String> errors = output.lines().filter(line -> line.contains(": error: ")).toList();
            assertThat(process.exitValue() == 0).as("compiled, given the output " + output).isEqualTo(errors.isEmpty());
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return crm-core's compiled main classes (a module: they hold {@code module-info.class}) and the module path
     *         this test runs on, which holds the modules crm-core requires
     */
    private static String modulePath() {
        String path = System.getProperty("jdk.module.path");
        assertThat(path).as("the tests run on a module path").isNotBlank();
        return Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator + path;
    }
}
