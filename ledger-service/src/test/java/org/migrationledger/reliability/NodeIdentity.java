package org.migrationledger.reliability;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Axon names a segment's owner after the JVM ({@code pid@host}); nodes in separate JVMs, as in production, differ by
 * that alone. Two nodes in one test JVM would share the name and both believe they hold every segment, so each gets
 * the token store it would have, named after the node.
 */
class NodeIdentity {

    @Bean
    TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            @Qualifier("serializer") Serializer serializer,
            TokenSchema tokenSchema,
            TokenStoreProperties properties,
            Environment environment) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(tokenSchema)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(environment.getRequiredProperty(ExactlyOnceProbe.NODE_PROPERTY))
                .build();
    }
}
