package org.migrationledger.client.migrations;

import java.nio.file.Path;

/**
 * One migration read from disk: its up script and, when there is one, its down (or Flyway undo) script.
 *
 * @param migrationId the ledger's {@code NNNN_snake_description} id
 * @param fileVersion the version as the file name writes it
 * @param version the semantic version the ledger records, assigned by a {@link VersionScheme}; null until assigned
 * @param downScript null when there is no down script, or it is empty ("irreversible")
 * @param checksum SHA-256 of the up script
 */
public record Migration(
        String migrationId,
        String fileVersion,
        String version,
        String description,
        Path upFile,
        String upScript,
        Path downFile,
        String downScript,
        String checksum) {

    public Migration withVersion(String semver) {
        return new Migration(
                migrationId, fileVersion, semver, description, upFile, upScript, downFile, downScript, checksum);
    }
}
