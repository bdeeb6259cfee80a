package org.migrationledger.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import org.migrationledger.web.ApiSettings;
import org.migrationledger.web.BodySizeLimitFilter;
import org.migrationledger.web.DatabaseOutageFilter;
import org.migrationledger.web.IdempotencyFilter;
import org.migrationledger.web.IdempotencyRecords;
import org.migrationledger.web.ProblemErrorReportValve;
import org.migrationledger.web.WriteAdmissionFilter;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Servlet filters around the API, in order: database outages answered as 503, the body limit before anything reads a body, Spring Security (order -100)
 * to know the caller, write admission, then idempotency, which is scoped by caller.
 */
@Configuration(proxyBeanMethods = false)
class WebFilterConfig {

    private static final int OUTERMOST = -300;
    private static final int BEFORE_SECURITY = -200;
    private static final int ADMISSION = -50;
    private static final int AFTER_SECURITY = 0;

    /** Outermost, so that it also answers a database failure inside the idempotency filter. */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(ObjectMapper mapper) {
        return onApi(new DatabaseOutageFilter(mapper), OUTERMOST);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ApiSettings settings, ObjectMapper mapper) {
        return onApi(new BodySizeLimitFilter(settings, mapper), BEFORE_SECURITY);
    }

    /**
     * Runs after Spring Boot's own customizer, which adds Tomcat's HTML error report valve; the valve added last
     * writes the report, so requests Tomcat refuses are answered with a problem document.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new ProblemErrorReports();
    }

    private static final class ProblemErrorReports
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(
                    context -> context.getParent().getPipeline().addValve(new ProblemErrorReportValve()));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** After security, so that a caller refused does not wait; before idempotency, which opens the transaction. */
    @Bean
    FilterRegistrationBean<WriteAdmissionFilter> writeAdmissionFilter(
            ApiSettings settings, ObjectMapper mapper, MeterRegistry meters) {
        return onApi(new WriteAdmissionFilter(settings, mapper, meters), ADMISSION);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyRecords records, ObjectMapper mapper, PlatformTransactionManager transactions) {
        return onApi(new IdempotencyFilter(records, mapper, transactions), AFTER_SECURITY);
    }

    private static <F extends Filter> FilterRegistrationBean<F> onApi(F filter, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
