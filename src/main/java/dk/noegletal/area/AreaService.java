package dk.noegletal.area;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the area catalogue. */
@ApplicationScoped
public class AreaService {

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
        for (Area area : repository.listAll()) {
            codes.put(area.name, area.code);
            codes.put(area.code, area.code);
        }
        return codes;
    }

    public Optional<AreaDto> find(String code) {
        return repository.findByIdOptional(code).map(AreaDto::of);
    }
}
