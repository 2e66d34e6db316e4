package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.ibatis.type.TypeAliasRegistry;
import org.crmkit.persistence.mybatis.internal.support.RowColumns;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The mapper XML of the tables whose inserts a row record defines ({@link RowColumns}: loyalty, sales, audit) reads
 * exactly the columns that the record names, so that neither can change without the other. Every column fragment
 * ({@code <sql id="columns">} or {@code <sql id="xxxColumns">}) lists, table aliases and {@code AS} aside, the
 * snake-case components of the record that the selects including it map to, and that record's result map reads those
 * columns; every {@code <resultMap>}'s constructor names the components of its record, in order and with their types.
 * No database: the XML and the records are read as they are.
 */
class MapperColumnsTest {
    private static final List<String> MAPPERS = List.of(
            "org/crmkit/persistence/mybatis/internal/loyalty/LoyaltyMapper.xml",
            "org/crmkit/persistence/mybatis/internal/sales/PurchaseMapper.xml",
            "org/crmkit/persistence/mybatis/internal/audit/AuditMapper.xml",
            "org/crmkit/persistence/mybatis/internal/idempotency/IdempotencyMapper.xml",
            "org/crmkit/persistence/mybatis/internal/customer/ContactVerificationMapper.xml",
            "org/crmkit/persistence/mybatis/internal/staff/SecondFactorMapper.xml");
    private static final Pattern FRAGMENT_ID = Pattern.compile("columns|\\w+Columns");
    /** A column of a select list: {@code alias.column}, maybe {@code AS label}. */
    private static final Pattern SELECTED = Pattern.compile("(?:\\w+\\.)?(\\w+)(?:\\s+(?i:AS)\\s+(\\w+))?");

    @Test
    void everyMapperHasColumnFragmentsAndResultMapsToCheck() {
        for (String path : MAPPERS) {
            Document mapper = read(path);
            assertThat(fragments(mapper)).as(path).isNotEmpty();
            assertThat(elements(mapper.getDocumentElement(), "resultMap")).as(path).isNotEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyColumnFragmentListsTheColumnsOfItsRowRecord() {
        return MAPPERS.stream().flatMap(path -> {
            Document mapper = read(path);
            return fragments(mapper).stream().map(fragment -> dynamicTest(
                    name(path) + " " + fragment.getAttribute("id"), () -> {
                        List<String> columns = selected(fragment);
                        Element resultMap = resultMapOf(mapper, fragment.getAttribute("id"));
                        Class<? extends Record> row = record(resultMap);
                        assertThat(columns).as("the columns of <sql id=\"%s\">, the components of %s",
                                fragment.getAttribute("id"), row.getSimpleName()).isEqualTo(RowColumns.names(row));
                        assertThat(constructorArgs(resultMap).stream().map(a -> a.getAttribute("column")).toList())
                                .as("the columns <resultMap id=\"%s\"> reads", resultMap.getAttribute("id"))
                                .isEqualTo(columns);
                    }));
        });
    }

    @TestFactory
    Stream<DynamicTest> everyResultMapConstructsItsRecordFromExactlyItsComponents() {
        TypeAliasRegistry aliases = new TypeAliasRegistry();
        return MAPPERS.stream().flatMap(path -> elements(read(path).getDocumentElement(), "resultMap").stream()
                .map(resultMap -> dynamicTest(name(path) + " " + resultMap.getAttribute("id"), () -> {
                    RecordComponent[] components = record(resultMap).getRecordComponents();
                    List<Element> args = constructorArgs(resultMap);
                    assertThat(args.stream().map(a -> a.getAttribute("name")).toList())
                            .as("the constructor args of <resultMap id=\"%s\">", resultMap.getAttribute("id"))
                            .isEqualTo(Arrays.stream(components).map(RecordComponent::getName).toList());
                    assertThat(args.stream().map(a -> (Class<?>) aliases.resolveAlias(a.getAttribute("javaType")))
                            .toList()).as("their javaTypes")
                            .isEqualTo(Arrays.stream(components).map(RecordComponent::getType).toList());
                })));
    }

    /** @return the labels of the fragment's select list, in order */
    private static List<String> selected(Element fragment) {
        List<String> labels = new ArrayList<>();
        for (String item : fragment.getTextContent().strip().split("\\s*,\\s*")) {
            Matcher m = SELECTED.matcher(item);
            assertThat(m.matches()).as("a plain column in <sql id=\"%s\">: %s", fragment.getAttribute("id"), item)
                    .isTrue();
            labels.add(m.group(2) != null ? m.group(2) : m.group(1));
        }
        return labels;
    }

    /** @return the one result map of every select that includes the fragment */
    private static Element resultMapOf(Document mapper, String fragment) {
        List<String> ids = elements(mapper.getDocumentElement(), "select").stream()
                .filter(s -> elements(s, "include").stream().anyMatch(i -> i.getAttribute("refid").equals(fragment)))
                .map(s -> s.getAttribute("resultMap")).distinct().toList();
        assertThat(ids).as("the result maps of the selects that include <sql id=\"%s\">", fragment).hasSize(1);
        return elements(mapper.getDocumentElement(), "resultMap").stream()
                .filter(r -> r.getAttribute("id").equals(ids.get(0))).findFirst()
                .orElseThrow(() -> new AssertionError("no <resultMap id=\"" + ids.get(0) + "\">"));
    }

    private static Class<? extends Record> record(Element resultMap) throws ClassNotFoundException {
        Class<?> type = Class.forName(resultMap.getAttribute("type"), false, MapperColumnsTest.class.getClassLoader());
        assertThat(type.isRecord()).as(type.getName() + " is a record").isTrue();
        return type.asSubclass(Record.class);
    }

    private static List<Element> constructorArgs(Element resultMap) {
        List<Element> constructors = elements(resultMap, "constructor");
        assertThat(constructors).as("the constructor of <resultMap id=\"%s\">", resultMap.getAttribute("id"))
                .hasSize(1);
        List<Element> args = new ArrayList<>();
        for (Node n = constructors.get(0).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element arg) {
                args.add(arg);
            }
        }
        return args;
    }

    private static List<Element> fragments(Document mapper) {
        return elements(mapper.getDocumentElement(), "sql").stream()
                .filter(s -> FRAGMENT_ID.matcher(s.getAttribute("id")).matches()).toList();
    }

    private static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Document read(String path) {
        try (InputStream xml = MapperColumnsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(xml).as(path).isNotNull();
            DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
            // the DTD is MyBatis's business, and not to be fetched
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return builder.parse(xml);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
