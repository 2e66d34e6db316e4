package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every mapper XML binds parameters with {@code #{}} only: {@code ${}} would place text into SQL. */
class MapperXmlTest {

    @Test
    void noMapperXmlUsesTextSubstitution() throws IOException {
        Path root = Path.of("src/main/resources/org/crmkit/persistence/mybatis");
        List<Path> mappers;
        try (Stream<Path> files = Files.walk(root)) {
            mappers = files.filter(p -> p.toString().endsWith(".xml")).toList();
        }
        assertThat(mappers).as("mapper XML files found").isNotEmpty();
        for (Path mapper : mappers) {
            assertThat(Files.readString(mapper)).as(mapper.toString()).doesNotContain("${");
        }
    }

    @Test
    void everyMapperInterfaceHasItsXmlAtTheSameResourcePath() throws IOException {
        Path java = Path.of("src/main/java/org/crmkit/persistence/mybatis");
        try (Stream<Path> files = Files.walk(java)) {
            List<Path> interfaces = files.filter(p -> p.getFileName().toString().endsWith("Mapper.java")).toList();
            assertThat(interfaces).isNotEmpty();
            for (Path i : interfaces) {
                Path xml = Path.of("src/main/resources").resolve(Path.of("src/main/java").relativize(i).toString()
                        .replace(".java", ".xml"));
                assertThat(xml).as("XML beside " + i).exists();
            }
        }
    }
}
