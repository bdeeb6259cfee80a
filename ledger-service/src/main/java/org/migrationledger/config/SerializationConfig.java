package org.migrationledger.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.migrationledger.upcasting.EventJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Two mappers on purpose. Axon (events, messages, snapshots, tokens; {@code axon.serializer.*=jackson}) uses the bean
 * named {@code defaultAxonObjectMapper}, built by {@link EventJson} so that {@code spring.jackson.*} settings can never
 * change what is stored. The web layer keeps Spring Boot's mapper, which a second ObjectMapper bean would otherwise
 * switch off.
 */
@Configuration(proxyBeanMethods = false)
class SerializationConfig {

    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return EventJson.newObjectMapper();
    }

    @Bean
    @Primary
    ObjectMapper webObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    /**
     * Request bodies may not carry U+0000 in any text: the event store keeps it, but PostgreSQL's text and jsonb cannot,
     * so the read models (the audit trail first) would stop on the event for good. Refused with the field named.
     */
    @Bean
    Module textWithoutNul() {
        return new SimpleModule("text-without-nul").addDeserializer(String.class, new TextWithoutNul());
    }

    static final class TextWithoutNul extends StdScalarDeserializer<String> {

        TextWithoutNul() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw JsonMappingException.from(
                        parser, "must not contain the NUL character (U+0000), which PostgreSQL cannot store");
            }
            return text;
        }
    }
}
