package org.migrationledger.upcasting;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one definition of how events, snapshots and metadata look as stored JSON. The service's Axon serializer and
 * the contract tests both build their mapper here, so a change to it shows up as a golden-file failure rather than
 * as silently different rows. It is deliberately separate from the web layer's mapper: {@code spring.jackson.*}
 * settings must never change the stored format.
 */
public final class EventJson {

    private EventJson() {}

    public static ObjectMapper newObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // A node that has not been upgraded yet reads events written by a newer one during a rolling deploy;
                // additive fields must not make those events unreadable.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }
}
