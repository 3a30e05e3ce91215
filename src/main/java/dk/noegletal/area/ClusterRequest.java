package dk.noegletal.area;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A cluster as a client sends it; on PUT the code comes from the path and may be left out here. */
@Schema(name = "ClusterRequest")
public record ClusterRequest(
        @Schema(description = "2-16 letters, digits, '-' or '_', starting with a letter (numbers are official "
                + "area codes).", examples = "nordsjaelland")
        @Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]{1,15}", message = "a cluster code has 2-16 letters, digits, '-' or "
                + "'_' and starts with a letter")
        String code,
        @Schema(examples = "Sammenlignelige kommuner") @NotBlank(message = "a cluster needs a name")
        @Size(max = 100, message = "a name has at most 100 characters") String name,
        @Schema(description = "Member municipality codes.", examples = "[\"157\", \"173\", \"230\"]")
        @NotEmpty(message = "a cluster needs at least one member municipality") List<String> members) {
}
