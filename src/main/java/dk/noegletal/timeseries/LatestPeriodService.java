package dk.noegletal.timeseries;

import dk.noegletal.read.ResponseCache;
import dk.noegletal.read.ReadRevision;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.noegletal.area.AreaDto;
import dk.noegletal.area.AreaService;
import dk.noegletal.common.ProblemException;
import dk.noegletal.measure.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;

/**
 * Resolves {@code latest}, {@code latest-month}, {@code latest-quarter} and {@code latest-year} against the periods
 * stored as of the request's read revision ({@link ReadRevision}, so also with {@code asOf}).
 *
 * <p>The key figures, comparisons, rankings and reports look at the full-time persons (of any target group), the
 * figures they are built from; a series at its own observations. What {@code latest} resolves to changes only when
 * the data do, and every write (import or cluster change) changes the data version and the revision, which are part
 * of the ETag and so of the key of a kept answer ({@link ConditionalGetFilters}, {@link ResponseCache}): an answer
 * for {@code period=latest} kept under its URL is never served after the latest period has moved.
 */
@ApplicationScoped
public class LatestPeriodService {

    private final ObservationRepository repository;
    private final AreaService areas;
    private final ReadRevision revision;
    /**
     * What was read, by revision, data version and scope: a ranking's scope is every area, whose read goes through
     * all observations, so it is read once per revision of the data rather than once per request.
     */
    private final Cache<Key, NewestPeriods> read = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    LatestPeriodService(ObservationRepository repository, AreaService areas, ReadRevision revision) {
        this.repository = repository;
        this.areas = areas;
        this.revision = revision;
    }

    /** Which observations the newest periods are read from: of some areas (all when null), a measure, groups. */
    private record Scope(List<String> areaCodes, Measure measure, boolean anyTargetGroup, String targetGroupCode) {
    }

    private record Key(long revision, long dataVersion, Scope scope) {
    }

    /**
     * The period a word names for an area's key figures (a cluster's: its members'), from its full-time persons.
     *
     * @throws ProblemException 404 when the area is unknown, or nothing stored for it qualifies
     */
    @Transactional
    public Period ofArea(String areaCode, LatestPeriod word) {
        AreaDto area = areas.find(areaCode)
                .orElseThrow(() -> ProblemException.notFound("There is no area with code " + areaCode + "."));
        return resolve(word, new Scope(areas.constituents(area), Measure.FULL_TIME_PERSONS, true, null),
                "area " + area.code());
    }

    /** The period a word names among the full-time persons of every area (rankings). */
    @Transactional
    public Period ofAllAreas(LatestPeriod word) {
        return resolve(word, new Scope(null, Measure.FULL_TIME_PERSONS, true, null), "any area");
    }

    /** The period a word names in one series (a cluster's: the sums over its members); the group null for none. */
    @Transactional
    public Period ofSeries(AreaDto area, String targetGroupCode, Measure measure, LatestPeriod word) {
        return resolve(word, new Scope(areas.constituents(area), measure, false, targetGroupCode),
                "the series of area " + area.code() + (targetGroupCode == null ? "" : ", target group "
                        + targetGroupCode) + " and measure " + measure.code());
    }

    private Period resolve(LatestPeriod word, Scope scope, String what) {
        Key key = new Key(revision.get(), revision.dataVersion(), scope);
        NewestPeriods newest = read.get(key, ignored -> NewestPeriods.of(repository.newestStarts(key.revision(),
                scope.areaCodes(), scope.measure(), scope.anyTargetGroup(), scope.targetGroupCode())));
        return newest.resolve(word).orElseThrow(() -> ProblemException.notFound(newest.isEmpty()
                ? "No data are stored for " + what + ", so there is no latest period."
                : "No " + (word == LatestPeriod.LATEST_MONTH ? "monthly" : "monthly or quarterly") + " data are stored"
                        + " for " + what + ", so there is no " + word.description() + "."));
    }
}
