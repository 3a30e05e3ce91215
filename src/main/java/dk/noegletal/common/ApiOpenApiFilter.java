package dk.noegletal.common;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityRequirement;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Says in the OpenAPI document what the service does for every operation, so that resources need not repeat it:
 * every error response is an application/problem+json Problem, and every write under /api needs a user with the
 * role editor (HTTP Basic), answering 401 or 403 otherwise (the path policies of application.properties).
 */
@OpenApiFilter
public class ApiOpenApiFilter implements OASFilter {

    /** The scheme Quarkus describes for HTTP Basic. */
    private static final String SCHEME = "SecurityScheme";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (path.startsWith("/api/") && WRITES.contains(method)) {
                requireEditor(operation);
            }
            describeProblems(operation);
        }));
    }

    private static void requireEditor(Operation operation) {
        operation.addSecurityRequirement(createSecurityRequirement().addScheme(SCHEME));
        APIResponses responses = operation.getResponses();
        responses.addAPIResponse("401", problem("No or wrong credentials: sign in with HTTP Basic."));
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
