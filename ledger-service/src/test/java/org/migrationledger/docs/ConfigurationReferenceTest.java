package org.migrationledger.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.yaml.snakeyaml.Yaml;

/**
 * The configuration reference and the code name the same {@code ledger.*} properties, with the same defaults. Other
 * branches add properties, so a failure lists every property missing from the page and every one the code does not
 * bind, not just the first.
 */
class ConfigurationReferenceTest {

    private static final Path ROOT = Path.of("..");
    private static final Path REFERENCE = ROOT.resolve("docs/operations/CONFIGURATION.md");
    private static final Pattern ROW =
            Pattern.compile("^\\| `(ledger\\.[a-z0-9.-]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(ledger\\.[a-z0-9.-]+)[:}]");
    private static final Pattern CALLBACK_LOOKUP = Pattern.compile("lookup\\.(?:get|required)\\(\"([a-z-]+)\"\\)");
    private static final String ROOT_PACKAGE = "org.migrationledger";

    @Test
    void everyPropertyOfTheCodeIsDocumentedAndEveryDocumentedOneExists() throws Exception {
        Map<String, List<String>> inCode = propertiesInCode();
        Map<String, String> documented = documented();

        Set<String> missing = new TreeSet<>(inCode.keySet());
        missing.removeAll(documented.keySet());
        Set<String> extra = new TreeSet<>(documented.keySet());
        extra.removeAll(inCode.keySet());

        assertThat(List.of(missing, extra)).as("""
                        %s and the code disagree.
                        Bound by the code, missing from the page (add a row each: | `name` | `default` | meaning |):
                          %s
                        On the page, bound by no code (removed or renamed?):
                          %s
                        """, REFERENCE, missing, extra).allMatch(Set::isEmpty);
    }

    @Test
    void theDocumentedDefaultsAreTheCodesDefaults() throws Exception {
        Map<String, String> documented = documented();
        Map<String, List<String>> inCode = propertiesInCode();
        assertThat(inCode.values().stream().filter(defaults -> !defaults.isEmpty()))
                .as("properties whose records declare a default")
                .hasSizeGreaterThan(15);
        List<String> wrong = new ArrayList<>();
        inCode.forEach((property, defaults) -> {
            String cell = documented.getOrDefault(property, "");
            defaults.stream()
                    .filter(value -> !cell.contains("`" + value + "`"))
                    .forEach(value -> wrong.add(property + " defaults to `" + value + "`, the page says: " + cell));
        });
        assertThat(wrong).as("defaults in %s", REFERENCE).isEmpty();
    }

    private static Map<String, String> documented() throws IOException {
        Map<String, String> rows = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(REFERENCE));
        while (row.find()) {
            assertThat(rows.put(row.group(1), row.group(2).trim()))
                    .as("%s is documented once", row.group(1))
                    .isNull();
        }
        assertThat(rows).as("rows of " + REFERENCE).isNotEmpty();
        return rows;
    }

    /** Every {@code ledger.*} property the code reads, with the defaults its records declare. */
    private static Map<String, List<String>> propertiesInCode() throws IOException {
        Map<String, List<String>> properties = new TreeMap<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents(ROOT_PACKAGE)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            if (prefix.equals("ledger") || prefix.startsWith("ledger.")) {
                bind(prefix, type, properties);
            }
        }
        for (Path source : mainSources()) {
            String text = Files.readString(source);
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                properties.putIfAbsent(placeholder.group(1), List.of());
            }
            Matcher lookup = CALLBACK_LOOKUP.matcher(text);
            while (lookup.find()) {
                properties.putIfAbsent("ledger." + lookup.group(1), List.of());
            }
            if (source.toString().endsWith(".yml")) {
                yamlKeys(text).forEach(key -> properties.putIfAbsent(key, List.of()));
            }
        }
        return properties;
    }

    private static void bind(String prefix, Class<?> type, Map<String, List<String>> properties) {
        List<? extends AnnotatedElement> members = type.isRecord()
                ? List.of(type.getRecordComponents())
                : Stream.of(type.getDeclaredFields())
                        .filter(field -> !Modifier.isStatic(field.getModifiers()))
                        .toList();
        for (int i = 0; i < members.size(); i++) {
            AnnotatedElement member = members.get(i);
            String name = prefix + "."
                    + kebab(member instanceof RecordComponent c ? c.getName() : ((Field) member).getName());
            Class<?> memberType = member instanceof RecordComponent c ? c.getType() : ((Field) member).getType();
            if (memberType.isRecord() && memberType.getName().startsWith(ROOT_PACKAGE)) {
                bind(name, memberType, properties);
                continue;
            }
            DefaultValue defaults = defaultOf(type, member, i);
            properties.merge(
                    name, defaults == null ? List.of() : List.of(defaults.value()), ConfigurationReferenceTest::longer);
        }
    }

    /** {@code @DefaultValue} targets parameters: on a record it sits on the canonical constructor's parameter. */
    private static DefaultValue defaultOf(Class<?> type, AnnotatedElement member, int index) {
        if (!(member instanceof RecordComponent)) {
            return member.getAnnotation(DefaultValue.class);
        }
        Class<?>[] components = Stream.of(type.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            return type.getDeclaredConstructor(components)
                    .getParameters()[index]
                    .getAnnotation(DefaultValue.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record without its canonical constructor: " + type, e);
        }
    }

    private static List<String> longer(List<String> first, List<String> second) {
        return first.size() >= second.size() ? first : second;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static List<String> yamlKeys(String yaml) {
        List<String> keys = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document instanceof Map<?, ?> map && map.get("ledger") instanceof Map<?, ?> ledger) {
                flatten("ledger", (Map<String, Object>) ledger, keys);
            }
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, List<String> keys) {
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flatten(prefix + "." + key, (Map<String, Object>) nested, keys);
            } else {
                keys.add(prefix + "." + key);
            }
        });
    }

    /** The main sources and resources of every module: what ships, not what tests configure. */
    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 20)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().contains("/src/main/"))
                    .filter(file -> !file.toString().contains("/target/")
                            && !file.toString().contains("/node_modules/"))
                    .filter(file ->
                            file.toString().endsWith(".java") || file.toString().endsWith(".yml"))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
