package org.migrationledger.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.migrationledger.security.AccessRule;
import org.migrationledger.security.EndpointAccess;
import org.migrationledger.security.Role;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpMethod;

/**
 * Adds to each operation what the controllers do not say themselves: its roles from {@link EndpointAccess} (the table
 * SecurityConfig enforces, shown as {@code x-roles} and in the description), the Idempotency-Key of a write, and the
 * problem answers it can give.
 */
class OperationContract implements GlobalOpenApiCustomizer {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> describe(path, HttpMethod.valueOf(method.name()), operation)));
    }

    private static void describe(String path, HttpMethod method, Operation operation) {
        List<String> roles = EndpointAccess.forOperation(method, path)
                .map(OperationContract::roleNames)
                .orElse(List.of());
        operation.addExtension("x-roles", roles);
        String said = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
        operation.setDescription(said + "**Roles:** " + String.join(", ", roles) + ".");
        boolean write = method == HttpMethod.POST || method == HttpMethod.PUT;
        if (write && path.startsWith("/api/v1/databases/")) {
            operation.addParametersItem(new HeaderParameter()
                    .name("Idempotency-Key")
                    .description("A retry with the same key and body records nothing twice and gets the first answer.")
                    .schema(new StringSchema().maxLength(255)));
        }
        errors(path, method, operation).forEach((status, meaning) -> addProblem(operation, status, meaning));
    }

    private static List<String> roleNames(AccessRule rule) {
        if (!rule.roles().isEmpty()) {
            return rule.roleNames();
        }
        return Arrays.stream(Role.values())
                .map(role -> role.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    private static Map<String, String> errors(String path, HttpMethod method, Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (hasInput) {
            errors.put("400", "Malformed request: the problem's errors name each field and why. Nothing is recorded.");
        }
        errors.put("401", "No token, one the token file does not hold, or a JWT refused (detail says why).");
        errors.put(
                "403",
                "The token lacks the role: requiredRoles names the roles the endpoint needs (a JWT naming no ledger"
                        + " role: rolesClaim names the claim read).");
        errors.put(
                "429",
                "Too many authentication failures from this address: tokens are not checked until Retry-After"
                        + " seconds have passed.");
        if (path.contains("{")) {
            errors.put("404", "The database, environment, migration or read model is unknown.");
        }
        if (method != HttpMethod.GET) {
            errors.put(
                    "409",
                    "Refused: the request conflicts with what is recorded (or its Idempotency-Key is in flight).");
        }
        if (operation.getRequestBody() != null) {
            errors.put("413", "The body is larger than ledger.api.max-body-size.");
            errors.put("415", "The body is not application/json.");
            errors.put("422", "The request breaks a ledger rule, or reuses an Idempotency-Key for another body.");
        }
        return errors;
    }

    private static void addProblem(Operation operation, String status, String meaning) {
        ApiResponses responses = operation.getResponses();
        if (responses.containsKey(status)) {
            responses.get(status).setContent(problemContent());
            return;
        }
        responses.addApiResponse(status, new ApiResponse().description(meaning).content(problemContent()));
    }

    private static Content problemContent() {
        Schema<?> problem = new Schema<>().$ref("#/components/schemas/" + OpenApiConfig.PROBLEM);
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problem));
    }
}
