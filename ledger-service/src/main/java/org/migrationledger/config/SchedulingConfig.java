package org.migrationledger.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Housekeeping that runs on a timer, such as purging expired idempotency records. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {}
