package org.migrationledger.proposal;

import java.util.Locale;
import org.migrationledger.web.InvalidRequestException;
import org.springframework.http.HttpStatus;

/** The checksum a request stands for: computed from the script, which a given checksum must then match. */
final class ScriptChecksums {

    private ScriptChecksums() {}

    static String of(String script, String givenChecksum) {
        if (script == null && givenChecksum == null) {
            throw new InvalidRequestException(
                    HttpStatus.BAD_REQUEST, "invalid-request", "checksum", "give the script, or at least its checksum");
        }
        if (script == null) {
            return givenChecksum.toLowerCase(Locale.ROOT);
        }
        String computed = ScriptChecksum.of(script);
        if (givenChecksum != null && !computed.equalsIgnoreCase(givenChecksum)) {
            throw new InvalidRequestException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "checksum-mismatch",
                    "checksum",
                    "the given checksum " + givenChecksum + " is not the SHA-256 of the script, which is " + computed);
        }
        return computed;
    }
}
