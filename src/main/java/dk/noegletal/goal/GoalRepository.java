package dk.noegletal.goal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The versions of goals; a goal stands at a moment in the version recorded before it and not ended by then. */
@ApplicationScoped
class GoalRepository implements PanacheRepositoryBase<GoalVersion, Long> {

    private static final String STANDING_NOW = "g.endedAt is null";
    private static final String STANDING_AT = "g.recordedAt <= :moment and (g.endedAt is null or g.endedAt > :moment)";

    /**
     * An area's goals (of a year, when given) as they stand now, or stood at {@code moment} when it is given, by
     * year and then in the order they were first recorded.
     */
    List<GoalVersion> standing(String areaCode, Integer year, OffsetDateTime moment) {
        StringBuilder query = new StringBuilder("g.areaCode = :area and ")
                .append(moment == null ? STANDING_NOW : STANDING_AT);
        if (year != null) {
            query.append(" and g.year = :year");
        }
        query.append(" order by g.year, g.goalId");
        var found = getEntityManager().createQuery("from GoalVersion g where " + query, GoalVersion.class)
                .setParameter("area", areaCode);
        if (moment != null) {
            found.setParameter("moment", moment);
        }
        if (year != null) {
            found.setParameter("year", year);
        }
        return found.getResultList();
    }

    /** The version of a goal that stands now, or stood at {@code moment}. */
    Optional<GoalVersion> standing(long goalId, OffsetDateTime moment) {
        var found = getEntityManager().createQuery("from GoalVersion g where g.goalId = :goal and "
                + (moment == null ? STANDING_NOW : STANDING_AT), GoalVersion.class).setParameter("goal", goalId);
        if (moment != null) {
            found.setParameter("moment", moment);
        }
        return found.getResultStream().findFirst();
    }
}
