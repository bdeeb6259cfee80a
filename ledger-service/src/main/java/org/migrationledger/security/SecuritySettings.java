package org.migrationledger.security;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tokenFile the operator's token file: one line per principal, {@code principal roles sha256-of-token}
 */
@ConfigurationProperties("ledger.security")
public record SecuritySettings(Path tokenFile) {

    public SecuritySettings {
        if (tokenFile == null) {
            throw new IllegalArgumentException(
                    "ledger.security.token-file is not set: point it at the token file (see README, 'First run').");
        }
    }
}
