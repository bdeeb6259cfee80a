package org.migrationledger.notification;

/** What a webhook subscription can be told about. */
public enum NotificationKind {
    /** An apply, failure or rollback was recorded with policy violations (e.g. NOT_APPROVED, NOT_PROPOSED). */
    FACT_WITH_VIOLATIONS,
    /** A migration was proposed or revised and waits for its approvals. */
    AWAITING_APPROVAL,
    /** A decision was refused (409: self-approval, a collision, a closed decision, …). */
    DECISION_REFUSED,
    /** A drift finding opened (drift/DriftNotifications; acknowledged findings are not announced). */
    DRIFT_OPENED,
    /** An open drift finding grew more severe or its detail changed (e.g. the structural difference grew). */
    DRIFT_WORSENED
}
