package dk.noegletal.targetgroup;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
class TargetGroupRepository implements PanacheRepositoryBase<TargetGroup, String> {

    List<TargetGroup> listOrdered() {
        return listAll(Sort.by("sortOrder"));
    }

    List<TargetGroupLabel> listLabels() {
        return getEntityManager().createQuery("from TargetGroupLabel", TargetGroupLabel.class).getResultList();
    }
}
