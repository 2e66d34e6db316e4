package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java snippets of README.md and docs/ that take the host's {@code DataSource} (building the MyBatis adapter,
 * running crmkit's migrations with a Flyway of the host's) run on the test database: its schema is already migrated
 * or is migrated by the snippet, as a host's would be. {@link ReadmeSnippetsTest} compiles them and runs the rest.
 */
class ReadmeSnippetsIT {

    @TestFactory
    Stream<DynamicTest> everySnippetThatTakesADataSourceRunsOnTheTestDatabase() throws IOException {
        List<ReadmeSnippets> snippets = ReadmeSnippets.all().stream()
                .filter(s -> s.parameterTypes().contains("DataSource")).toList();
        assertThat(snippets).as("snippets that take a DataSource").isNotEmpty();
        return snippets.stream().map(snippet -> DynamicTest.dynamicTest(snippet.toString(),
                () -> snippet.compile().runFragment(Map.of("DataSource", loader -> TestDatabase.get().dataSource()))));
    }
}
