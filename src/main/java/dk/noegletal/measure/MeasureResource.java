package dk.noegletal.measure;

import dk.noegletal.export.Tabular;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/measures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class MeasureResource {

    @GET
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "listMeasures", summary = "List measures", description = "What an observation can count.")
    @APIResponse(responseCode = "200", description = "The measures.")
    public List<MeasureDto> list() {
        return Arrays.stream(Measure.values()).map(MeasureDto::of).toList();
    }
}
