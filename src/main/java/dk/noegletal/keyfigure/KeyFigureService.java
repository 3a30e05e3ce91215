package dk.noegletal.keyfigure;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.noegletal.area.AreaDto;
import dk.noegletal.area.AreaService;
import dk.noegletal.area.AreaType;
import dk.noegletal.common.NoegletalConfig;
import dk.noegletal.common.ProblemException;
import dk.noegletal.common.SecondTime;
import dk.noegletal.common.Turns;
import dk.noegletal.measure.Measure;
import dk.noegletal.targetgroup.TargetGroupDto;
import dk.noegletal.targetgroup.TargetGroupService;
import dk.noegletal.timeseries.CompletenessDto;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.Point;
import dk.noegletal.read.ReadRevision;
import dk.noegletal.timeseries.SeriesService.SeriesKey;
import dk.noegletal.timeseries.SeriesService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Computes the key figures of an area and period from the stored series. */
@ApplicationScoped
public class KeyFigureService {

    /** How the sums over all municipalities are keyed among the series. */
    private static final String ALL_MUNICIPALITIES = "*";

    private final AreaService areas;
    private final TargetGroupService targetGroups;
    private final SeriesService series;
    private final ReadRevision revision;
    private final AsyncCache<ComputedKey, Figures> computed;
    /** The keys of the last figures computed, whose second computation is kept. */
    private final SecondTime computedBefore = new SecondTime(1 << 12);
    private final Duration longestWait;
    private final Timer computing;
    private final Turns turns;

    KeyFigureService(AreaService areas, TargetGroupService targetGroups, SeriesService series,
            ReadRevision revision, NoegletalConfig config, MeterRegistry registry) {
        this.areas = areas;
        this.targetGroups = targetGroups;
        this.series = series;
        this.revision = revision;
        long budget = Runtime.getRuntime().maxMemory() / 100 * config.computations().figuresHeapPercent();
        this.computed = Caffeine.newBuilder().maximumWeight(budget)
                .weigher((ComputedKey key, Figures figures) -> figures.estimatedBytes())
                .expireAfterAccess(Duration.ofHours(1)).recordStats().buildAsync();
        CaffeineCacheMetrics.monitor(registry, computed, "key-figures");
        this.longestWait = config.computations().queueWait();
        this.computing = Timer.builder("noegletal.figures.computation")
                .description("Computing key figures from the store (what the cache key-figures did not hold)")
                .register(registry);
        this.turns = new Turns(config.computations().concurrent(), config.computations().queueWait(),
                "The service is computing as many figures as it can at once; ask again in a few seconds.");
    }

    /**
     * The figures of every target group and "I alt", or of one group when {@code targetGroup} is given; empty
     * when the area is unknown.
     */
    @Transactional
    public Optional<KeyFiguresDto> keyFigures(String areaCode, Period period, Optional<String> targetGroup) {
        Optional<AreaDto> area = areas.find(areaCode);
        if (area.isEmpty()) {
            return Optional.empty();
        }
        // One group's figures are computed alone, as a ranking's are: from its own series and its sub-groups' ("I alt"
        // every group's values), a fraction of the work, and its data revision is that of the values it shows.
        Figures figures = compute(List.of(area.get()), List.of(period), targetGroup.orElse(null));
        List<KeyFiguresDto.Row> rows = figures.of(areaCode, period).stream().map(KeyFigureService::row).toList();
        return Optional.of(new KeyFiguresDto(new KeyFiguresDto.AreaRef(area.get().code(), area.get().name()),
                period.code(), period.granularity(), period.yearEarlier().code(), figures.revision(), rows));
    }

    /**
     * Checks a target-group code as the key figures know it: a catalogue code or i-alt ("I alt").
     *
     * @throws ProblemException 404 when there is no such group
     */
    public void requireTargetGroup(String code) {
        if (!code.equals(KeyFigureCalculator.TOTAL_CODE) && targetGroups.find(code).isEmpty()) {
            throw ProblemException.notFound("There is no target group with code " + code + ".");
        }
    }

    /** Computed figures by area and period, and the newest import among the values read. */
    public record Figures(Map<String, Map<Period, List<KeyFigureCalculator.GroupFigures>>> byArea, long revision) {

        /**
         * What one group's figures in one period hold on the heap: some twelve figures with their BigDecimals
         * (measured: 4 MB for the 2,970 of a ranking of the 98 municipalities, about 1.35 KB each).
         */
        private static final int BYTES_PER_GROUP = 1400;

        public List<KeyFigureCalculator.GroupFigures> of(String areaCode, Period period) {
            return byArea.get(areaCode).get(period);
        }

        /** An estimate of the heap these figures hold, which the cache of computed figures is bounded by. */
        int estimatedBytes() {
            long groups = byArea.values().stream().flatMap(byPeriod -> byPeriod.values().stream())
                    .mapToLong(List::size).sum();
            return (int) Math.min(Integer.MAX_VALUE, groups * BYTES_PER_GROUP);
        }
    }

    /**
     * What computed figures depend on: the revision read (the newest import, or the one asked for with asOf), the
     * count of writes (a cluster's members change it) and the areas and periods asked for. Figures are kept under
     * this key, so a repeated request is answered without reading the data again, and an import or a cluster
     * change, in this instance or another sharing the database, leads to new keys rather than stale figures.
     */
    private record ComputedKey(long revision, long dataVersion, Map<String, List<Period>> periodsByArea,
            String group, LocalDate through) {
    }

    /** An area and the periods whose figures are wanted of it. */
    public record Wanted(AreaDto area, List<Period> periods) {

        public Wanted {
            periods = List.copyOf(periods);
        }
    }

    /**
     * The figures of several areas in several periods, of every target group and "I alt". Kept per revision of the
     * data from the second time they are computed (cache "key-figures", see {@link SecondTime}); see
     * {@link #computeFromStore}.
     */
    @Transactional
    public Figures compute(Collection<AreaDto> wanted, Collection<Period> periods) {
        return compute(wanted, periods, null);
    }

    /**
     * As {@link #compute(Collection, Collection)}, but of one target group (or "I alt") only when {@code group} is
     * given, as a ranking or comparison shows: only that group's series (and its sub-groups') are read.
     */
    @Transactional
    public Figures compute(Collection<AreaDto> wanted, Collection<Period> periods, String group) {
        return compute(wanted, periods, group, null);
    }

    /**
     * As {@link #compute(Collection, Collection, String)}, from the full-time persons of months (quarters, years)
     * that end on or before {@code through} only, when it is given: the figures as they could be known then, such as
     * a year's average to date as a report of its second quarter shows it. The population is read whole, as the
     * denominator it is.
     */
    @Transactional
    public Figures compute(Collection<AreaDto> wanted, Collection<Period> periods, String group, LocalDate through) {
        List<Period> asked = List.copyOf(periods);
        return compute(wanted.stream().map(area -> new Wanted(area, asked)).toList(), group, through);
    }

    /**
     * As {@link #compute(Collection, Collection, String, LocalDate)}, with periods of their own for each area: only
     * those are computed (a quarterly report shows three periods of its area, one of each area it is compared with).
     * {@link Figures#of} has no figures of an area in a period not asked of it.
     */
    @Transactional
    public Figures compute(List<Wanted> wanted, String group, LocalDate through) {
        Map<String, Wanted> byArea = new LinkedHashMap<>(); // an area asked for twice is computed once
        wanted.forEach(one -> byArea.merge(one.area().code(), one, (asked, more) -> new Wanted(asked.area(),
                Stream.concat(asked.periods().stream(), more.periods().stream()).distinct().toList())));
        Map<String, List<Period>> periodsByArea = new LinkedHashMap<>();
        byArea.forEach((code, one) -> periodsByArea.put(code, one.periods()));
        ComputedKey key = new ComputedKey(revision.get(), revision.dataVersion(), periodsByArea, group, through);
        List<Wanted> asked = List.copyOf(byArea.values());
        CompletableFuture<Figures> figures = computed.getIfPresent(key); // a hit or a miss in the cache's metrics
        if (figures == null) {
            if (!computedBefore.noted(key)) {
                // Kept when computed a second time (see SecondTime): most figures are asked for once.
                return turns.take(() -> computing.record(() -> computeFromStore(asked, group, through)));
            }
            // The first asker computes, on its own thread (in its request and transaction); others asking for the
            // same figures meanwhile wait for that, but no longer than for a turn of their own.
            CompletableFuture<Figures> mine = new CompletableFuture<>();
            figures = computed.asMap().putIfAbsent(key, mine);
            if (figures == null) {
                figures = mine;
                try {
                    mine.complete(turns.take(() -> computing.record(() -> computeFromStore(asked, group, through))));
                } catch (RuntimeException | Error e) {
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
        }
        try {
            return figures.get(longestWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw ProblemException.busy("The figures asked for are being computed for another request; ask again "
                    + "in a few seconds.", (int) Math.max(1, longestWait.toSeconds()));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The figures of several areas in several periods (of one group when {@code group} is given), from a fixed number
     * of set-based reads: one for the stored areas and the country, one per cluster (sums over its members, in the
     * database), and, only when the country lacks a group, one for the sums over all municipalities.
     */
    private Figures computeFromStore(List<Wanted> wanted, String group, LocalDate through) {
        // Whole years from the year before the earliest period: changes, and the population's annual values.
        List<Period> periods = wanted.stream().flatMap(one -> one.periods().stream()).toList();
        if (periods.isEmpty()) {
            return new Figures(Map.of(), 0); // no area, or no period, was asked for
        }
        Period first = Period.year(periods.stream().mapToInt(Period::year).min().orElseThrow() - 1);
        Period last = Period.year(periods.stream().mapToInt(Period::year).max().orElseThrow());
        Set<Measure> measures = Set.of(Measure.FULL_TIME_PERSONS, Measure.POPULATION_16_66);
        List<TargetGroupDto> tree = targetGroups.tree();
        // A group's figures are made of its own series and its sub-groups' ("I alt" of every group's).
        List<String> groups = group == null || group.equals(KeyFigureCalculator.TOTAL_CODE) ? allGroups(tree)
                : allGroups(subtree(tree, group));
        Set<String> storedAreas = new HashSet<>(Set.of(AreaService.COUNTRY));
        Map<String, AreaDto> clusters = new LinkedHashMap<>();
        for (Wanted one : wanted) {
            if (one.area().type() == AreaType.CLUSTER) {
                clusters.put(one.area().code(), one.area());
            } else {
                storedAreas.add(one.area().code());
            }
        }
        Map<SeriesKey, Map<Period, Point>> stored = new HashMap<>(series.current(storedAreas, measures, groups, first,
                last));
        clusters.values().forEach(cluster ->
                stored.putAll(series.totals(cluster.code(), cluster.members(), measures, groups, first, last)));
        until(stored, through);

        Map<String, Map<String, Map<Period, Point>>> byAreaAndGroup = byAreaAndGroup(stored);
        Map<String, Map<Period, Point>> country = byAreaAndGroup.getOrDefault(AreaService.COUNTRY, Map.of());
        // The sum over all municipalities stands in for a missing country figure; read only when the country lacks
        // a period that an area read has for a group. That depends on the group's own series alone, so a ranking
        // (one group) and the key figures (every group) find the same national figure.
        Map<String, Map<Period, Point>> municipalTotals = countryLacksAny(byAreaAndGroup)
                ? byGroup(until(new HashMap<>(series.totals(ALL_MUNICIPALITIES, null,
                        Set.of(Measure.FULL_TIME_PERSONS), groups, first, last)), through), ALL_MUNICIPALITIES)
                : Map.of();

        Map<String, Map<Period, List<KeyFigureCalculator.GroupFigures>>> byArea = new HashMap<>();
        KeyFigureCalculator.Resolutions resolutions = new KeyFigureCalculator.Resolutions();
        for (Wanted one : wanted) {
            AreaDto area = one.area();
            Map<String, Map<Period, Point>> own = byAreaAndGroup.getOrDefault(area.code(), Map.of());
            Map<Period, Point> population = stored.getOrDefault(
                    new SeriesKey(area.code(), null, Measure.POPULATION_16_66), Map.of());
            for (Period period : one.periods()) {
                KeyFigureCalculator.Input input = new KeyFigureCalculator.Input(period, tree, own, country,
                        municipalTotals, population, resolutions);
                byArea.computeIfAbsent(area.code(), code -> new HashMap<>()).put(period, group == null
                        ? KeyFigureCalculator.compute(input)
                        : KeyFigureCalculator.compute(input, group).map(List::of).orElseGet(List::of));
            }
        }
        long newest = SeriesService.newestImportId(stored.values());
        return new Figures(byArea, newest);
    }

    /**
     * Keeps only the full-time persons of periods that end on or before {@code through} (all when it is null); the
     * population stays whole.
     */
    private static Map<SeriesKey, Map<Period, Point>> until(Map<SeriesKey, Map<Period, Point>> stored,
            LocalDate through) {
        if (through != null) {
            stored.replaceAll((key, points) -> key.measure() != Measure.FULL_TIME_PERSONS ? points
                    : SeriesService.endingBy(points, through));
        }
        return stored;
    }

    /** Whether the country lacks a period that another area has for the same target group. */
    private static boolean countryLacksAny(Map<String, Map<String, Map<Period, Point>>> byAreaAndGroup) {
        Map<String, Map<Period, Point>> country = byAreaAndGroup.getOrDefault(AreaService.COUNTRY, Map.of());
        return byAreaAndGroup.entrySet().stream().filter(area -> !area.getKey().equals(AreaService.COUNTRY))
                .flatMap(area -> area.getValue().entrySet().stream())
                .anyMatch(group -> !SeriesService.hasEveryPeriodOf(country.getOrDefault(group.getKey(), Map.of()),
                        group.getValue()));
    }

    /** The group with the given code and its sub-groups, as a tree of one; empty when there is no such group. */
    private static List<TargetGroupDto> subtree(List<TargetGroupDto> groups, String code) {
        for (TargetGroupDto group : groups) {
            if (group.code().equals(code)) {
                return List.of(group);
            }
            List<TargetGroupDto> found = subtree(group.children(), code);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static Map<String, Map<Period, Point>> byGroup(Map<SeriesKey, Map<Period, Point>> stored, String area) {
        return byAreaAndGroup(stored).getOrDefault(area, Map.of());
    }

    /** The full-time persons by area and target group. */
    private static Map<String, Map<String, Map<Period, Point>>> byAreaAndGroup(
            Map<SeriesKey, Map<Period, Point>> stored) {
        Map<String, Map<String, Map<Period, Point>>> byArea = new HashMap<>();
        stored.forEach((key, points) -> {
            if (key.measure() == Measure.FULL_TIME_PERSONS) {
                byArea.computeIfAbsent(key.areaCode(), code -> new HashMap<>()).put(key.targetGroupCode(), points);
            }
        });
        return byArea;
    }

    private static List<String> allGroups(List<TargetGroupDto> groups) {
        List<String> codes = new ArrayList<>();
        for (TargetGroupDto group : groups) {
            codes.add(group.code());
            codes.addAll(allGroups(group.children()));
        }
        return codes;
    }

    private static KeyFiguresDto.Row row(KeyFigureCalculator.GroupFigures group) {
        FigureNotes notes = new FigureNotes();
        notes.completeness("fullTimePersons", group.completeness());
        return new KeyFiguresDto.Row(
                targetGroup(group),
                notes.value("fullTimePersons", group.fullTimePersons()),
                notes.value("previousYear", group.previousYear()),
                group.valueSource().code(),
                FigureMapper.change(group.change(), notes),
                FigureMapper.nationalShare(group.nationalShare(), notes),
                FigureMapper.shareOfPopulation(group.shareOfPopulation(), notes),
                CompletenessDto.of(group.completeness()),
                notes.list());
    }

    public static KeyFiguresDto.TargetGroupRef targetGroup(KeyFigureCalculator.GroupFigures group) {
        return new KeyFiguresDto.TargetGroupRef(group.code(), group.name(), group.parentCode(), group.level());
    }
}
