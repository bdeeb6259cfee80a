package org.migrationledger.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.migrationledger.web.ApiSettings;
import org.migrationledger.web.BodySizeLimitFilter;
import org.migrationledger.web.IdempotencyFilter;
import org.migrationledger.web.IdempotencyRecords;
import org.migrationledger.web.ProblemErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Servlet filters around the API, in order: the body limit before anything reads a body, Spring Security (order -100)
 * to know the caller, then idempotency, which is scoped by caller.
 */
@Configuration(proxyBeanMethods = false)
class WebFilterConfig {

    private static final int BEFORE_SECURITY = -200;
    private static final int AFTER_SECURITY = 0;

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
