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
 * Says in the OpenAPI document what the path policies of application.properties enforce: every write under /api
 * needs a user with the role editor (HTTP Basic), and answers 401 or 403 otherwise.
 */
@OpenApiFilter
public class WriteSecurityOpenApiFilter implements OASFilter {

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
        }));
    }

    private static void requireEditor(Operation operation) {
        operation.addSecurityRequirement(createSecurityRequirement().addScheme(SCHEME));
        APIResponses responses = operation.getResponses();
        responses.addAPIResponse("401", problem("No or wrong credentials: sign in with HTTP Basic."));
        responses.addAPIResponse("403", problem("The user lacks the role editor."));
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return createAPIResponse().description(description).content(createContent().addMediaType(Problem.MEDIA_TYPE,
                createMediaType().schema(createSchema().ref("Problem"))));
    }
}
