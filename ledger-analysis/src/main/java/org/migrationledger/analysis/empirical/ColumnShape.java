package org.migrationledger.analysis.empirical;

/** A column as the catalog describes it; {@code defaultExpression} is null when there is no default. */
public record ColumnShape(String type, boolean nullable, String defaultExpression) {

    @Override
    public String toString() {
        return type
                + (nullable ? " NULL" : " NOT NULL")
                + (defaultExpression == null ? "" : " DEFAULT " + defaultExpression);
    }
}
