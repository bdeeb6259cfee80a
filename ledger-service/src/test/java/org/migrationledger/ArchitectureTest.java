package org.migrationledger;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;

/**
 * The module and package rules of STYLE.md, checked on every module's production classes, and the layout of
 * ledger-service that docs/architecture.md maps: {@code ledger} is the aggregate (state, commands, rules), one package
 * per HTTP edge holds its controllers with their request and response records, and {@code web} holds what every edge
 * shares.
 */
class ArchitectureTest {

    private static final String[] EDGES = {
        "org.migrationledger.admin..",
        "org.migrationledger.proposal..",
        "org.migrationledger.rollout..",
        "org.migrationledger.observation..",
        "org.migrationledger.notification..",
        "org.migrationledger.query.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.migrationledger");
    }

    @Test
    void eventsDependOnlyOnTheJdkAndRevision() {
        classes()
                .that()
                .resideInAPackage("org.migrationledger.api.events..")
                .should()
                .onlyDependOnClassesThat(resideInAnyPackage("java..", "org.migrationledger.api.events..")
                        .or(equivalentTo(Revision.class)))
                .check(classes);
    }

    /** The naming rules travel with the client onto Flyway's classpath, and every module reads them: JDK only. */
    @Test
    void namingDependsOnlyOnTheJdk() {
        classes()
                .that()
                .resideInAPackage("org.migrationledger.naming..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.migrationledger.naming..")
                .check(classes);
    }

    /** An auditor verifies an export with the client alone, by the same code as the service: JDK only. */
    @Test
    void theHashChainDependsOnlyOnTheJdk() {
        classes()
                .that()
                .resideInAPackage("org.migrationledger.chain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.migrationledger.chain..")
                .check(classes);
    }

    @Test
    void thereAreNoDumpingGroundPackages() {
        noClasses()
                .should()
                .resideInAnyPackage(
                        "..util..", "..utils..", "..helper..", "..helpers..", "..common..", "..dto..", "..mapper..")
                .check(classes);
    }

    @Test
    void configurationLivesInTheConfigPackage() {
        classes()
                .that()
                .areAnnotatedWith(Configuration.class)
                .should()
                .resideInAPackage("org.migrationledger.config..")
                .check(classes);
    }

    @Test
    void controllersNeverTouchJdbc() {
        noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void controllersLiveInTheirEdgePackage() {
        // The servlet container's error dispatch (web/ErrorProblems) is error mapping, which belongs to web.
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .and()
                .doNotImplement(ErrorController.class)
                .should()
                .resideInAnyPackage(EDGES)
                .check(classes);
    }

    @Test
    void edgesDoNotReachIntoEachOther() {
        slices().matching("org.migrationledger.(admin|proposal|rollout|observation|query|notification)..")
                .should()
                .notDependOnEachOther()
                .check(classes);
    }

    @Test
    void theAggregateKnowsNothingOfHttpOrReadModels() {
        noClasses()
                .that()
                .resideInAPackage("org.migrationledger.ledger..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.migrationledger.web..",
                        "org.migrationledger.security..",
                        "org.migrationledger.config..",
                        "org.migrationledger.projection..",
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "org.springframework.security..",
                        "jakarta.servlet..")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(EDGES)
                .check(classes);
    }

    @Test
    void whatEveryEdgeSharesKnowsNoEdge() {
        noClasses()
                .that()
                .resideInAnyPackage("org.migrationledger.web..", "org.migrationledger.security..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(EDGES)
                .check(classes);
    }

    /** docs/architecture.md: GET endpoints ask read models through Axon's QueryGateway, never a handler directly. */
    @Test
    void readsGoThroughTheQueryGateway() {
        noClasses()
                .that()
                .resideInAnyPackage("org.migrationledger.ledger..", "org.migrationledger.web..")
                .or()
                .resideInAnyPackage(EDGES)
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("QueryHandler")
                .check(classes);
    }

    /** Only administration (rebuilds, lag) and the read-your-writes wait touch read-model machinery itself. */
    @Test
    void onlyAdministrationTouchesReadModelMachinery() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.migrationledger.ledger..",
                        "org.migrationledger.proposal..",
                        "org.migrationledger.rollout..",
                        "org.migrationledger.observation..",
                        "org.migrationledger.query..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.migrationledger.projection..")
                .check(classes);
    }
}
