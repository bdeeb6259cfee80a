package org.migrationledger.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.migrationledger.naming.Names;

/**
 * A database or environment name ({@link Names#NAME}), checked the same way wherever one enters the API: the
 * {@code db} and {@code env} path variables of every endpoint, reads included, and the promotion path of a
 * registration. A bad one is a 400 naming the parameter.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = Names.NAME)
@ReportAsSingleViolation
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface LedgerName {

    String message() default "must be a lower-case name like 'wishlist' (a letter, then letters, digits, _ or -)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
