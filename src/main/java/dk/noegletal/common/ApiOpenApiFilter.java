package dk.noegletal.common;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createComponents;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityRequirement;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Says in the OpenAPI document what the service does for every operation, so that resources need not repeat it:
 * every error response is an application/problem+json Problem, and every write under /api needs a user with the
 * role editor, signed in with HTTP Basic or an identity provider's bearer token, answering 401 or 403 otherwise (the
 * path policies of application.properties).
 */
@OpenApiFilter
public class ApiOpenApiFilter implements OASFilter {

    private static final String BASIC = "basic";
    private static final String BEARER = "bearer";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        describeSignIn(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            // Writes need the editor; so does every operation on the subscriptions to Jobindsats (see the
            // permission "syncs" in application.properties).
            if (path.startsWith("/api/") && (WRITES.contains(method) || path.startsWith("/api/v1/syncs"))) {
                requireEditor(operation);
            }
            describeProblems(operation);
        }));
    }

    /** Either way of signing in will do: the configured users with HTTP Basic, or single sign-on. */
    private static void describeSignIn(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(createComponents());
        }
        openAPI.getComponents().addSecurityScheme(BASIC, createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("basic").description("A user of the service's configuration, e.g. editor."));
        openAPI.getComponents().addSecurityScheme(BEARER, createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT").description("An access token of the configured identity "
                        + "provider (single sign-on) carrying the editor role."));
    }

    private static void requireEditor(Operation operation) {
        operation.addSecurityRequirement(createSecurityRequirement().addScheme(BASIC));
        operation.addSecurityRequirement(createSecurityRequirement().addScheme(BEARER));
        APIResponses responses = operation.getResponses();
        responses.addAPIResponse("401", problem("No or wrong credentials: sign in with HTTP Basic or a bearer "
                + "token."));
        responses.addAPIResponse("403", problem("The user lacks the role editor."));
    }

    /** Every error an operation documents is a problem; the resources give only its code and description. */
    private static void describeProblems(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (code.matches("[45]\\d\\d") && (response.getContent() == null
                    || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(createContent().addMediaType(Problem.MEDIA_TYPE,
                        createMediaType().schema(createSchema().ref("Problem"))));
            }
        });
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return createAPIResponse().description(description).content(createContent().addMediaType(Problem.MEDIA_TYPE,
                createMediaType().schema(createSchema().ref("Problem"))));
    }
}
