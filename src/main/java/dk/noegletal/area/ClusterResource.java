package dk.noegletal.area;

import dk.noegletal.common.ProblemException;
import dk.noegletal.export.Tabular;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/clusters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clusters", description = "Comparison groups of municipalities; each is an area of type CLUSTER.")
public class ClusterResource {

    private final ClusterService service;

    ClusterResource(ClusterService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "listClusters", summary = "List clusters")
    @APIResponse(responseCode = "200", description = "The clusters with their members.")
    public List<AreaDto> list() {
        return service.list();
    }

    @POST
    @Operation(operationId = "createCluster", summary = "Create a cluster",
            description = "A cluster counts as an area everywhere an area code is accepted; its full-time persons "
                    + "and population are the sums over its member municipalities.")
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AreaDto.class)))
    @APIResponse(responseCode = "400", description = "A missing field, a malformed code, or a member that is not "
            + "a municipality.")
    @APIResponse(responseCode = "409", description = "The code or name is taken.")
    public Response create(@NotNull(message = "the body is missing") @Valid ClusterRequest request,
            @Context UriInfo uri) {
        AreaDto created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getCluster", summary = "Get one cluster")
    @APIResponse(responseCode = "200", description = "The cluster.")
    @APIResponse(responseCode = "404", description = "No cluster has this code.")
    public AreaDto get(
            @Parameter(description = "Cluster code.", example = "nordsjaelland") @PathParam("code") String code) {
        return service.find(code).orElseThrow(() -> notFound(code));
    }

    @PUT
    @Path("/{code}")
    @Operation(operationId = "updateCluster", summary = "Replace a cluster's name and members")
    @APIResponse(responseCode = "200", description = "The cluster as it now is.")
    @APIResponse(responseCode = "400", description = "A missing field or a member that is not a municipality.")
    @APIResponse(responseCode = "404", description = "No cluster has this code.")
    public AreaDto update(
            @Parameter(description = "Cluster code.", example = "nordsjaelland") @PathParam("code") String code,
            @NotNull(message = "the body is missing") @Valid ClusterRequest request) {
        return service.update(code, request).orElseThrow(() -> notFound(code));
    }

    @DELETE
    @Path("/{code}")
    @Operation(operationId = "deleteCluster", summary = "Delete a cluster")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No cluster has this code.")
    public void delete(
            @Parameter(description = "Cluster code.", example = "nordsjaelland") @PathParam("code") String code) {
        if (!service.delete(code)) {
            throw notFound(code);
        }
    }

    private static ProblemException notFound(String code) {
        return ProblemException.notFound("There is no cluster with code " + code + ".");
    }
}
