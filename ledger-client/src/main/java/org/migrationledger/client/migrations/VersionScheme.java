package org.migrationledger.client.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.migrationledger.naming.MigrationIds;
import org.migrationledger.naming.SemanticVersion;

/**
 * How the semantic version the ledger records is derived for each migration of a directory, in apply order.
 *
 * <ul>
 *   <li>{@code FLYWAY}: from the file's version, padded to three parts ({@code V2_1__} is 2.1.0); refused for
 *       versions with more than three parts or parts beyond nine digits (timestamps)
 *   <li>{@code SEQUENCE}: the first migration gets the start version, each next one the next minor version; stable
 *       as long as migrations are only ever added at the end, as every migration tool requires
 *   <li>{@code AUTO}: {@code FLYWAY} when every file's version fits, else {@code SEQUENCE}
 * </ul>
 */
public enum VersionScheme {
    AUTO,
    FLYWAY,
    SEQUENCE;

    /** The migrations with their versions, in the order given (which must be apply order). */
    public List<Migration> assign(List<Migration> ordered, String startVersion) {
        VersionScheme effective = this;
        if (this == AUTO) {
            effective =
                    ordered.stream().allMatch(m -> fromFlyway(m.fileVersion()).isPresent()) ? FLYWAY : SEQUENCE;
        }
        List<Migration> result = new ArrayList<>();
        SemanticVersion start = startVersion(startVersion);
        for (int index = 0; index < ordered.size(); index++) {
            Migration migration = ordered.get(index);
            String version = effective == FLYWAY
                    ? fromFlyway(migration.fileVersion())
                            .orElseThrow(() -> new IllegalArgumentException("Version " + migration.fileVersion()
                                    + " of " + migration.upFile().getFileName()
                                    + " has no semantic version of its own; use --version-scheme SEQUENCE."))
                    : start.major() + "." + (start.minor() + index) + "." + start.patch();
            result.add(migration.withVersion(version));
        }
        return result;
    }

    /** The semantic version a Flyway-style version stands for, when it has one. */
    public static Optional<String> fromFlyway(String fileVersion) {
        return MigrationIds.semanticVersionOf(fileVersion);
    }

    static SemanticVersion startVersion(String version) {
        return SemanticVersion.parse(version)
                .filter(SemanticVersion::isRelease)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Start version " + version + " is not MAJOR.MINOR.PATCH, e.g. 1.0.0."));
    }
}
