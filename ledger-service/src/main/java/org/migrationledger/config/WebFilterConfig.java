package org.migrationledger.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
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
        FilterRegistrationBean<DatabaseOutageFilter> registration =
                new FilterRegistrationBean<>(new DatabaseOutageFilter(mapper));
        registration.setOrder(OUTERMOST);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ApiSettings settings, ObjectMapper mapper) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(settings, mapper));
        registration.setOrder(BEFORE_SECURITY);
        registration.addUrlPatterns("/api/*");
        return registration;
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
        FilterRegistrationBean<WriteAdmissionFilter> registration =
                new FilterRegistrationBean<>(new WriteAdmissionFilter(settings, mapper, meters));
        registration.setOrder(ADMISSION);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyRecords records, ObjectMapper mapper, PlatformTransactionManager transactions) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(records, mapper, transactions));
        registration.setOrder(AFTER_SECURITY);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
