package dk.noegletal.targetgroup;

import dk.noegletal.common.ProblemException;
import dk.noegletal.export.Tabular;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/target-groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class TargetGroupResource {

    private final TargetGroupService service;

    TargetGroupResource(TargetGroupService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "listTargetGroups", summary = "List target groups",
            description = "The target groups of the key-figure appendix as a tree: top-level groups in catalogue "
                    + "order, each with its sub-groups.")
    @APIResponse(responseCode = "200", description = "The target-group tree.")
    public List<TargetGroupDto> tree() {
        return service.tree();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getTargetGroup", summary = "Get one target group", description = "The group with its sub-groups.")
    @APIResponse(responseCode = "200", description = "The target group.")
    @APIResponse(responseCode = "404", description = "No target group has this code.")
    public TargetGroupDto get(
            @Parameter(description = "Target-group code.", example = "dagpenge") @PathParam("code") String code) {
        return service.find(code)
                .orElseThrow(() -> ProblemException.notFound("There is no target group with code " + code + "."));
    }
}
