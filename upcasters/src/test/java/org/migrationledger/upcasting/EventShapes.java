package org.migrationledger.upcasting;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON shape of an event record, derived from the code: component names and types, nested records expanded. Two
 * records with the same shape write and read the same JSON, so a changed shape means a changed contract.
 */
final class EventShapes {

    private static final Set<Class<?>> SCALARS = Set.of(
            String.class,
            Boolean.class,
            Integer.class,
            Long.class,
            Double.class,
            java.math.BigDecimal.class,
            java.time.Instant.class,
            java.time.LocalDate.class,
            java.time.Duration.class);

    private EventShapes() {}

    static String of(Class<?> record) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record + " is not a record; events and their parts must be records");
        }
        return Arrays.stream(record.getRecordComponents())
                .map(EventShapes::component)
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String component(RecordComponent component) {
        return component.getName() + ":" + type(component.getGenericType());
    }

    private static String type(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return type(parameterized.getRawType())
                    + Arrays.stream(parameterized.getActualTypeArguments())
                            .map(EventShapes::type)
                            .collect(Collectors.joining(",", "<", ">"));
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isPrimitive() || SCALARS.contains(raw) || "java.util".equals(raw.getPackageName())) {
            return raw.getSimpleName();
        }
        if (raw.isRecord()) {
            return raw.getSimpleName() + of(raw);
        }
        if (raw.isEnum()) {
            return raw.getSimpleName()
                    + Arrays.stream(raw.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining("|", "(", ")"));
        }
        return raw.getName();
    }
}
