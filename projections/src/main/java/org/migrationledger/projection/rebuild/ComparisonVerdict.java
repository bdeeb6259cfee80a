package org.migrationledger.projection.rebuild;

/**
 * The outcome of comparing a rebuilt generation with the active one. A switch without {@code force} is decided on
 * {@link #equal()}; the description is for people (logs, the admin API).
 *
 * @param equal whether every table held the same rows in both generations
 * @param description the figures per table
 */
public record ComparisonVerdict(boolean equal, String description) {}
