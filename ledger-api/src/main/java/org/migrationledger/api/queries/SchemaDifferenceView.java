package org.migrationledger.api.queries;

/**
 * One structural difference between a reference schema and a compared one.
 *
 * @param objectType {@code TABLE}, {@code COLUMN}, {@code INDEX}, {@code CONSTRAINT} or {@code ENUM}
 * @param name the object's qualified name, e.g. {@code public.identities.nickname}
 * @param change {@code ADDED} (only in the compared schema), {@code REMOVED} (only in the reference) or
 *     {@code CHANGED}
 * @param from its definition in the reference; null when absent there
 * @param to its definition in the compared schema; null when absent there
 * @param breaking whether code written for the reference breaks on the compared schema (the seeds' definitions:
 *     removed tables, columns or enum values, changed types, new NOT NULL without default, new constraints)
 * @param detail a sentence a person understands
 */
public record SchemaDifferenceView(
        String objectType, String name, String change, String from, String to, boolean breaking, String detail) {}
