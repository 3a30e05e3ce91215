package dk.noegletal.area;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the area catalogue. */
@ApplicationScoped
public class AreaService {

    /** The code of the whole country (Hele landet). */
    public static final String COUNTRY = "000";

    private final AreaRepository repository;

    AreaService(AreaRepository repository) {
        this.repository = repository;
    }

    public List<AreaDto> list(Optional<AreaType> type) {
        List<Area> areas = type.map(repository::listOrdered).orElseGet(repository::listOrdered);
        return areas.stream().map(AreaDto::of).toList();
    }

    /** Every way a file may name an area (its code or its exact name), mapped to the code. */
    public Map<String, String> codesByCodeOrName() {
        Map<String, String> codes = new HashMap<>();
        // Clusters are left out: their values are always the sums over their members, never imported.
        for (Area area : repository.list("type <> ?1", AreaType.CLUSTER)) {
            codes.put(area.name, area.code);
            codes.put(area.code, area.code);
        }
        return codes;
    }

    public Optional<AreaDto> find(String code) {
        return repository.findWithMembers(code).map(AreaDto::of);
    }

    /** The areas whose values make up this one's: a cluster's members; the area itself for any other. */
    public List<String> constituents(AreaDto area) {
        return area.type() == AreaType.CLUSTER ? area.members() : List.of(area.code());
    }
}
