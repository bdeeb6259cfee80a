package org.migrationledger.config;

import com.fasterxml.jackson.databind.ObjectMapper;
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
}
