package org.migrationledger.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class PrivateEventStreamsTest {

    private final String before = System.getProperty(PrivateEventStreams.AXON_PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(PrivateEventStreams.AXON_PROPERTY);
        } else {
            System.setProperty(PrivateEventStreams.AXON_PROPERTY, before);
        }
    }

    @Test
    void turnsTheSharedStreamOffUnlessConfigured() {
        System.clearProperty(PrivateEventStreams.AXON_PROPERTY);
        new PrivateEventStreams().postProcessEnvironment(new MockEnvironment(), new SpringApplication());
        assertThat(System.getProperty(PrivateEventStreams.AXON_PROPERTY)).isEqualTo("false");

        System.clearProperty(PrivateEventStreams.AXON_PROPERTY);
        new PrivateEventStreams()
                .postProcessEnvironment(
                        new MockEnvironment().withProperty("ledger.event-store.shared-stream", "true"),
                        new SpringApplication());
        assertThat(System.getProperty(PrivateEventStreams.AXON_PROPERTY)).isEqualTo("true");
    }
}
