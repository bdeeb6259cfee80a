package org.migrationledger;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;

/** The module and package rules of STYLE.md, checked on every module's production classes. */
class ArchitectureTest {

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
}
