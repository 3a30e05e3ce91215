package dk.noegletal.area;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nonnull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An area as the API shows it. */
@Schema(name = "Area")
public record AreaDto(
        @Schema(description = "Area code: 000 for the country, 1081-1085 for regions, 3 digits for municipalities.",
                examples = "157") @Nonnull String code,
        @Schema(examples = "Gentofte") @Nonnull String name,
        @Nonnull AreaType type,
        @Schema(description = "The region of a municipality, the country of a region; null for the country and "
                + "for clusters.")
        AreaRefDto parent,
        @Schema(description = "A cluster's member municipalities (codes); absent for other areas.")
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> members) {

    /** A short reference to another area. */
    @Schema(name = "AreaRef")
    public record AreaRefDto(@Nonnull String code, @Nonnull String name) {
    }

    static AreaDto of(Area area) {
        AreaRefDto parent = area.parent == null ? null : new AreaRefDto(area.parent.code, area.parent.name);
        return new AreaDto(area.code, area.name, area.type, parent, List.copyOf(area.members));
    }
}
