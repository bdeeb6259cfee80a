package org.migrationledger.upcasting;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

/**
 * Stored rows as Axon reads them: the service's serializer (built on {@link EventJson}), an intermediate
 * representation of a row's bytes, and the upcasters run over it exactly as the event store runs them.
 */
final class StoredEvents {

    static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(EventJson.newObjectMapper())
            .build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METADATA = "{\"principal\":\"alice\"}";
    private static final Instant STORED_AT = Instant.parse("2025-03-03T14:00:01Z");

    private StoredEvents() {}

    /** A row of the given stored type holding the given payload JSON. */
    static IntermediateEventRepresentation row(SerializedType type, String payloadJson) {
        return new InitialEventRepresentation(
                new GenericDomainEventEntry<>(
                        "SchemaLedger",
                        EventFixtures.DATABASE,
                        7L,
                        "8d7d8a4e-5a7c-4a53-9d8e-2a4d9c3b1e01",
                        STORED_AT,
                        type.getName(),
                        type.getRevision(),
                        payloadJson.getBytes(UTF_8),
                        METADATA.getBytes(UTF_8)),
                SERIALIZER);
    }

    static IntermediateEventRepresentation upcastOne(EventUpcaster upcaster, IntermediateEventRepresentation row) {
        List<IntermediateEventRepresentation> result =
                upcaster.upcast(Stream.of(row)).toList();
        if (result.size() != 1) {
            throw new AssertionError("Expected one event from the upcaster, got " + result.size());
        }
        return result.get(0);
    }

    static JsonNode json(IntermediateEventRepresentation representation) {
        return representation.getData(JsonNode.class).getData();
    }

    static Object payload(IntermediateEventRepresentation representation) {
        return SERIALIZER.deserialize(representation.getData());
    }

    /** The JSON tree of an object exactly as the event store writes it. */
    static JsonNode serialized(Object payload) {
        return tree(new String(SERIALIZER.serialize(payload, byte[].class).getData(), UTF_8));
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String path) {
        try (InputStream in = StoredEvents.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new AssertionError("Missing test resource " + path);
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(String path) {
        return StoredEvents.class.getResource("/" + path) != null;
    }

    static Path resourceDirectory(String path) {
        try {
            return Paths.get(StoredEvents.class.getResource("/" + path).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
