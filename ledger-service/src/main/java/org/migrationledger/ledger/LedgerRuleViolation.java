package org.migrationledger.ledger;

/**
 * A decision the ledger refuses. Carries a stable problem type slug (the last segment of the problem {@code type}
 * URI), so clients can tell refusals apart without parsing the detail.
 */
public class LedgerRuleViolation extends RuntimeException {

    private final String problemType;
    private final Refusal refusal;
    private final String field;

    public LedgerRuleViolation(String problemType, Refusal refusal, String detail) {
        this(problemType, refusal, detail, null);
    }

    public LedgerRuleViolation(String problemType, Refusal refusal, String detail, String field) {
        super(detail);
        this.problemType = problemType;
        this.refusal = refusal;
        this.field = field;
    }

    public String problemType() {
        return problemType;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The request field the refusal is about, or null when it is about the request as a whole. */
    public String field() {
        return field;
    }

    /** Why a request is refused, which decides its HTTP status at the edge. */
    public enum Refusal {
        /** The resource does not exist (404). */
        UNKNOWN,
        /** A decision conflicts with what is already recorded (409). */
        CONFLICT,
        /** The request is well-formed but semantically invalid (422). */
        INVALID
    }
}
