package org.migrationledger.ledger;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders migrations the way Flyway and Drizzle apply them: by the numeric prefix of the id, then by the rest.
 * Prefixes can be 20-digit timestamps, hence BigInteger.
 */
final class MigrationOrder implements Comparator<String> {

    static final MigrationOrder INSTANCE = new MigrationOrder();

    private MigrationOrder() {}

    @Override
    public int compare(String left, String right) {
        int byNumber = numericPrefix(left).compareTo(numericPrefix(right));
        return byNumber != 0 ? byNumber : left.compareTo(right);
    }

    private static BigInteger numericPrefix(String migrationId) {
        int end = 0;
        while (end < migrationId.length() && Character.isDigit(migrationId.charAt(end))) {
            end++;
        }
        return end == 0 ? BigInteger.ZERO : new BigInteger(migrationId.substring(0, end));
    }
}
