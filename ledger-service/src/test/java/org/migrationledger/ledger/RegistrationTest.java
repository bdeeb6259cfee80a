package org.migrationledger.ledger;

import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_1;
import static org.migrationledger.ledger.LedgerFixtures.DB;
import static org.migrationledger.ledger.LedgerFixtures.PATH;
import static org.migrationledger.ledger.LedgerFixtures.applied;
import static org.migrationledger.ledger.LedgerFixtures.fixture;
import static org.migrationledger.ledger.LedgerFixtures.proposed;
import static org.migrationledger.ledger.LedgerFixtures.registered;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.DatabaseRegistered;
import org.migrationledger.api.events.PromotionPathChanged;

class RegistrationTest {

    private AggregateTestFixture<SchemaLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void registersANewDatabaseWithItsPath() {
        fixture.givenNoPriorActivity()
                .when(new PutDatabase(DB, PATH))
                .expectEvents(new DatabaseRegistered(DB, PATH))
                .expectResultMessagePayload(new RegistrationOutcome(DB, PATH, true));
    }

    @Test
    void recordsNothingWhenThePathIsUnchanged() {
        fixture.given(registered())
                .when(new PutDatabase(DB, PATH))
                .expectNoEvents()
                .expectResultMessagePayload(new RegistrationOutcome(DB, PATH, false));
    }

    @Test
    void changesThePathAndKeepsThePreviousOneInTheEvent() {
        List<String> longer = List.of("local", "ci", "qa", "staging", "production");
        fixture.given(registered())
                .when(new PutDatabase(DB, longer))
                .expectEvents(new PromotionPathChanged(DB, longer, PATH));
    }

    @Test
    void refusesToDropAnEnvironmentThatHoldsFacts() {
        fixture.given(registered(), proposed("0001_a", "1.0.0", CHECKSUM_1), applied("0001_a", "ci", CHECKSUM_1))
                .when(new PutDatabase(DB, List.of("local", "staging", "production")))
                .expectNoEvents()
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("drops ci"));
    }

    @Test
    void dropsAnEnvironmentWithoutFacts() {
        List<String> shorter = List.of("local", "ci", "production");
        fixture.given(registered(), proposed("0001_a", "1.0.0", CHECKSUM_1), applied("0001_a", "ci", CHECKSUM_1))
                .when(new PutDatabase(DB, shorter))
                .expectEvents(new PromotionPathChanged(DB, shorter, PATH));
    }
}
