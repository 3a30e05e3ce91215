package dk.noegletal.area;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
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
    /**
     * The country, regions and municipalities, read once: they come with the migrations and never change (only
     * clusters are made, changed and deleted, and those are always read from the store). Every figure asks for its
     * areas, and a ranking for all 98 municipalities.
     */
    private volatile FixedAreas fixed;

    AreaService(AreaRepository repository) {
        this.repository = repository;
    }

    /** The areas that are not clusters, by code and, in catalogue order, by type. */
    private record FixedAreas(Map<String, AreaDto> byCode, Map<AreaType, List<AreaDto>> byType) {
    }

    private FixedAreas fixed() {
        FixedAreas areas = fixed;
        if (areas == null) {
            Map<String, AreaDto> byCode = new HashMap<>();
            Map<AreaType, List<AreaDto>> byType = new EnumMap<>(AreaType.class);
            for (Area area : repository.listOrdered()) {
                if (area.type != AreaType.CLUSTER) {
                    AreaDto dto = AreaDto.of(area);
                    byCode.put(dto.code(), dto);
                    byType.computeIfAbsent(dto.type(), type -> new ArrayList<>()).add(dto);
                }
            }
            byType.replaceAll((type, list) -> List.copyOf(list));
            areas = new FixedAreas(Map.copyOf(byCode), byType);
            fixed = areas;
        }
        return areas;
    }

    public List<AreaDto> list(Optional<AreaType> type) {
        if (type.isPresent() && type.get() != AreaType.CLUSTER) {
            return fixed().byType().getOrDefault(type.get(), List.of());
        }
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
        AreaDto area = fixed().byCode().get(code);
        return area != null ? Optional.of(area) : repository.findWithMembers(code).map(AreaDto::of);
    }

    /**
     * The areas an area is set beside in reports and charts: its region (a municipality's) and the country (unless it
     * is the country).
     */
    public List<AreaDto> comparedWith(AreaDto area) {
        List<AreaDto> compared = new ArrayList<>();
        if (area.type() == AreaType.MUNICIPALITY && area.parent() != null) {
            find(area.parent().code()).ifPresent(compared::add);
        }
        if (!area.code().equals(COUNTRY)) {
            find(COUNTRY).ifPresent(compared::add);
        }
        return compared;
    }

    /** The areas whose values make up this one's: a cluster's members; the area itself for any other. */
    public List<String> constituents(AreaDto area) {
        return area.type() == AreaType.CLUSTER ? area.members() : List.of(area.code());
    }
}
