package org.migrationledger.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v3/api-docs (and its Swagger UI at /swagger-ui.html), complete enough to generate a client
 * from: bearer security, the problem JSON every error uses, and per operation its roles and error answers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Migration Ledger API")
                        .version("v1")
                        .description("""
                                The system of record for database schema migrations. Pipelines report facts \
                                (applies, rollbacks, observed schemas and histories) and ask the gate; people \
                                propose, approve and reject migrations; everyone reads the version history, \
                                compatibility, drift and the audit trail. Every request needs \
                                `Authorization: Bearer <token>`; each operation names the roles it accepts \
                                (`x-roles`). Every write answers with a `Ledger-Position` header; pass it as \
                                `minPosition` to a read to wait for that write. Writes take an `Idempotency-Key`. \
                                Errors are RFC 9457 problem JSON with a stable `type`.""")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description(
                                                "A token from the operator's token file, or a JWT of the configured identity provider."))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    GlobalOpenApiCustomizer operationContract() {
        return new OperationContract();
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the request field or parameter"))
                .addProperty("reason", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").description("stable; names the kind of error"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(fieldProblem).description("the offending fields"))
                .addProperty(
                        "requiredRoles",
                        new ArraySchema()
                                .items(new StringSchema())
                                .description("on a 403: the roles the endpoint needs"));
    }
}
