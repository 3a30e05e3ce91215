package dk.noegletal.area;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class AreaRepository implements PanacheRepositoryBase<Area, String> {

    private static final String WITH_PARENT_AND_MEMBERS =
            "select distinct a from Area a left join fetch a.parent left join fetch a.members";

    List<Area> listOrdered() {
        return getEntityManager().createQuery(WITH_PARENT_AND_MEMBERS + " order by a.sortOrder", Area.class)
                .getResultList();
    }

    List<Area> listOrdered(AreaType type) {
        return getEntityManager().createQuery(WITH_PARENT_AND_MEMBERS + " where a.type = :type order by a.sortOrder",
                Area.class).setParameter("type", type).getResultList();
    }

    Optional<Area> findWithMembers(String code) {
        return getEntityManager().createQuery(WITH_PARENT_AND_MEMBERS + " where a.code = :code", Area.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    boolean nameTaken(String name, String exceptCode) {
        return count("name = ?1 and code <> ?2", name, exceptCode) > 0;
    }

    int nextSortOrder() {
        Integer max = getEntityManager().createQuery("select max(a.sortOrder) from Area a", Integer.class)
                .getSingleResult();
        return (max == null ? 0 : max) + 10;
    }
}
