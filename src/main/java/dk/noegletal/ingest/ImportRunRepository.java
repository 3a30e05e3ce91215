package dk.noegletal.ingest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
class ImportRunRepository implements PanacheRepositoryBase<ImportRun, Long> {

    List<ImportRun> newestFirst() {
        return listAll(Sort.descending("id"));
    }
}
