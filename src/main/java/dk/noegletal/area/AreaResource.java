package dk.noegletal.area;

import dk.noegletal.common.ProblemException;
import dk.noegletal.export.Tabular;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/areas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Areas, target groups and measures.")
public class AreaResource {

    private final AreaService service;

    AreaResource(AreaService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "listAreas", summary = "List areas",
            description = "The country, the five regions and the 98 municipalities, in catalogue order.")
    @APIResponse(responseCode = "200", description = "The areas.")
    @APIResponse(responseCode = "400", description = "Unknown area type.")
    public List<AreaDto> list(
            @Parameter(description = "Only areas of this type.", schema = @Schema(implementation = AreaType.class))
            @QueryParam("type") String type) {
        return service.list(Optional.ofNullable(type).map(AreaType::parse));
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getArea", summary = "Get one area")
    @APIResponse(responseCode = "200", description = "The area.")
    @APIResponse(responseCode = "404", description = "No area has this code.")
    public AreaDto get(@Parameter(description = "Area code.", example = "157") @PathParam("code") String code) {
        return service.find(code)
                .orElseThrow(() -> ProblemException.notFound("There is no area with code " + code + "."));
    }
}
