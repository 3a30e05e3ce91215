package dk.noegletal.ranking;

import dk.noegletal.area.AreaDto;
import dk.noegletal.area.AreaService;
import dk.noegletal.area.AreaType;
import dk.noegletal.area.ClusterService;
import dk.noegletal.common.ProblemException;
import dk.noegletal.keyfigure.KeyFigureCalculator.GroupFigures;
import dk.noegletal.keyfigure.KeyFigureService;
import dk.noegletal.keyfigure.KeyFiguresDto.NoteDto;
import dk.noegletal.ranking.CompetitionRanking.Order;
import dk.noegletal.ranking.CompetitionRanking.Ranked;
import dk.noegletal.timeseries.Completeness;
import dk.noegletal.timeseries.Figure;
import dk.noegletal.timeseries.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Ranks municipalities, or a cluster's members, by a key figure. */
@ApplicationScoped
class RankingService {

    private final AreaService areas;
    private final ClusterService clusters;
    private final KeyFigureService keyFigures;

    RankingService(AreaService areas, ClusterService clusters, KeyFigureService keyFigures) {
        this.areas = areas;
        this.clusters = clusters;
        this.keyFigures = keyFigures;
    }

    /** What to rank; {@code limit}, {@code highlight} and {@code cluster} may be null. */
    record Query(String targetGroup, Period period, RankBy by, Order order, Integer limit, String highlight,
            String cluster) {
    }

    /** The ranking; empty when the cluster asked for does not exist. */
    @Transactional
    Optional<RankingDto> rank(Query query) {
        List<AreaDto> municipalities = areas.list(Optional.of(AreaType.MUNICIPALITY));
        Optional<AreaDto> cluster = Optional.empty();
        List<AreaDto> universe = municipalities;
        if (query.cluster() != null) {
            cluster = clusters.find(query.cluster());
            if (cluster.isEmpty()) {
                return Optional.empty();
            }
            Set<String> members = Set.copyOf(cluster.get().members());
            universe = municipalities.stream().filter(area -> members.contains(area.code())).toList();
        }
        if (query.highlight() != null && universe.stream().noneMatch(area -> area.code().equals(query.highlight()))) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid request parameter", "The area "
                    + query.highlight() + " to highlight is not among the ranked areas ("
                    + cluster.map(c -> "the members of " + c.name()).orElse("the municipalities") + ").");
        }
        AreaDto country = areas.find(AreaService.COUNTRY).orElseThrow();

        // One set-based computation for every ranked area and the country, never one per municipality.
        List<AreaDto> wanted = new ArrayList<>(universe);
        wanted.add(country);
        KeyFigureService.Figures figures = keyFigures.compute(wanted, List.of(query.period()), query.targetGroup());

        List<CompetitionRanking.Entry<Entry>> entries = universe.stream()
                .map(area -> {
                    GroupFigures group = group(figures, area, query);
                    return new CompetitionRanking.Entry<>(new Entry(area, group), query.by().of(group));
                })
                .toList();
        List<RankingDto.Row> rows = CompetitionRanking.rank(entries, query.order()).stream()
                .map(RankingService::row)
                .toList();
        RankingDto.Row highlight = query.highlight() == null ? null : rows.stream()
                .filter(row -> row.areaCode().equals(query.highlight())).findFirst().orElseThrow();
        GroupFigures countryGroup = group(figures, country, query);
        RankingDto.Row reference = row(new Ranked<>(new Entry(country, countryGroup), query.by().of(countryGroup),
                null));
        int rankedCount = (int) rows.stream().filter(row -> row.rank() != null).count();
        List<RankingDto.Row> shown = query.limit() == null ? rows : rows.stream().limit(query.limit()).toList();

        return Optional.of(new RankingDto(new RankingDto.Ref(countryGroup.code(), countryGroup.name()),
                query.period().code(), query.period().granularity(), query.period().yearEarlier().code(),
                query.by().code(), query.order().code(),
                cluster.map(c -> new RankingDto.Ref(c.code(), c.name())).orElse(null),
                rows.size(), rankedCount, query.limit(), figures.revision(), reference, highlight, shown));
    }

    private record Entry(AreaDto area, GroupFigures group) {
    }

    private static GroupFigures group(KeyFigureService.Figures figures, AreaDto area, Query query) {
        return figures.of(area.code(), query.period()).stream()
                .filter(group -> group.code().equals(query.targetGroup()))
                .findFirst().orElseThrow();
    }

    private static RankingDto.Row row(Ranked<Entry> ranked) {
        List<NoteDto> notes = new ArrayList<>();
        Figure figure = ranked.figure();
        if (!figure.known()) {
            notes.add(new NoteDto("value", figure.reason().code(), figure.reason().message()));
        }
        Completeness completeness = ranked.item().group().completeness();
        if (completeness.partial() && completeness.monthsPresent() > 0) {
            // Areas a month behind the others are ranked on fewer months; the reader should see that.
            notes.add(new NoteDto("value", "partial-period", completeness.monthsPresent() + " of "
                    + completeness.monthsExpected() + " months are stored; the value is built from their average."));
        }
        AreaDto area = ranked.item().area();
        return new RankingDto.Row(ranked.rank(), area.code(), area.name(), figure.value(), notes);
    }
}
