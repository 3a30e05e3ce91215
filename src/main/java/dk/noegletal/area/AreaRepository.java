package dk.noegletal.area;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
class AreaRepository implements PanacheRepositoryBase<Area, String> {

    List<Area> listOrdered() {
        return listAll(Sort.by("sortOrder"));
    }

    List<Area> listOrdered(AreaType type) {
        return list("type", Sort.by("sortOrder"), type);
    }
}
