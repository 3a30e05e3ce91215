package dk.noegletal.comparison;

import dk.noegletal.area.AreaDto;
import dk.noegletal.area.AreaService;
import dk.noegletal.area.AreaType;
import dk.noegletal.area.ClusterService;
import dk.noegletal.keyfigure.Classification;
import dk.noegletal.keyfigure.KeyFigureCalculator.GroupFigures;
import dk.noegletal.keyfigure.KeyFigureService;
import dk.noegletal.keyfigure.KeyFiguresDto.NoteDto;
import dk.noegletal.timeseries.Completeness;
import dk.noegletal.timeseries.Figure;
import dk.noegletal.timeseries.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Compares an area's key figures with those of its region, the country, clusters or other areas. */
@ApplicationScoped
public class ComparisonService {

    private final AreaService areas;
    private final ClusterService clusters;
    private final KeyFigureService keyFigures;

    ComparisonService(AreaService areas, ClusterService clusters, KeyFigureService keyFigures) {
        this.areas = areas;
        this.clusters = clusters;
        this.keyFigures = keyFigures;
    }

    /** What to compare: {@code targetGroup} is a catalogue code or i-alt. */
    public record Query(String areaCode, String targetGroup, Period period, List<ComparisonWith> with,
            BigDecimal tolerancePp) {
    }

    /** The comparison; empty when the area is unknown. An unknown area in {@code with} is a bad request. */
    @Transactional
    public Optional<ComparisonDto> compare(Query query) {
        Optional<AreaDto> found = areas.find(query.areaCode());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AreaDto area = found.get();
        Map<String, Compared> compared = new LinkedHashMap<>();
        List<ComparisonDto.Skipped> skipped = new ArrayList<>();
        for (ComparisonWith with : query.with()) {
            Optional<AreaDto> other = resolve(area, with, skipped);
            if (other.isEmpty()) {
                continue;
            }
            String code = other.get().code();
            if (code.equals(area.code())) {
                skipped.add(new ComparisonDto.Skipped(with.text(), other.get().name() + " is the area itself."));
            } else if (compared.containsKey(code)) {
                skipped.add(new ComparisonDto.Skipped(with.text(), other.get().name() + " is already compared (as "
                        + compared.get(code).with().text() + ")."));
            } else {
                compared.put(code, new Compared(with, other.get()));
            }
        }

        List<AreaDto> wanted = new ArrayList<>(List.of(area));
        compared.values().forEach(c -> wanted.add(c.area()));
        KeyFigureService.Figures figures = keyFigures.compute(wanted, List.of(query.period()), query.targetGroup());

        GroupFigures own = group(figures, area, query);
        List<ComparisonDto.Row> rows = new ArrayList<>();
        rows.add(row("area", null, area, own, null, query.tolerancePp()));
        compared.values().forEach(c -> rows.add(row("comparison", c.with(), c.area(), group(figures, c.area(), query),
                new Subject(area, own), query.tolerancePp())));

        return Optional.of(new ComparisonDto(new ComparisonDto.AreaRef(area.code(), area.name(), area.type()),
                new ComparisonDto.TargetGroupRef(own.code(), own.name()), query.period().code(),
                query.period().granularity(), query.period().yearEarlier().code(), query.tolerancePp(),
                figures.revision(), rows, skipped));
    }

    private record Compared(ComparisonWith with, AreaDto area) {
    }

    /** The area being compared and its figures. */
    private record Subject(AreaDto area, GroupFigures figures) {
    }

    private Optional<AreaDto> resolve(AreaDto area, ComparisonWith with, List<ComparisonDto.Skipped> skipped) {
        return switch (with.kind()) {
            case REGION -> {
                // Only a municipality has a region; for a region, a cluster or the country the entry is skipped.
                if (area.type() != AreaType.MUNICIPALITY || area.parent() == null) {
                    skipped.add(new ComparisonDto.Skipped(with.text(), area.name() + " is " + describe(area)
                            + "; only a municipality has a region to compare with."));
                    yield Optional.empty();
                }
                yield areas.find(area.parent().code());
            }
            case COUNTRY -> areas.find(AreaService.COUNTRY);
            case CLUSTER -> {
                Optional<AreaDto> cluster = clusters.find(with.code());
                if (cluster.isEmpty()) {
                    throw ComparisonWith.invalid("There is no cluster with code " + with.code() + " (in 'with')"
                            + (areas.find(with.code()).isPresent() ? "; to compare with that area, give its code "
                            + "without cluster:." : "; see /api/v1/clusters."));
                }
                yield cluster;
            }
            case AREA -> {
                Optional<AreaDto> other = areas.find(with.code());
                if (other.isEmpty()) {
                    throw ComparisonWith.invalid("'" + with.code() + "' in 'with' is no area code; use region, "
                            + "country, cluster:CODE or an area code (see /api/v1/areas).");
                }
                yield other;
            }
        };
    }

    private static String describe(AreaDto area) {
        return switch (area.type()) {
            case COUNTRY -> "the country";
            case REGION -> "a region";
            case CLUSTER -> "a cluster";
            case MUNICIPALITY -> "a municipality without a region";
        };
    }

    private static GroupFigures group(KeyFigureService.Figures figures, AreaDto area, Query query) {
        return figures.of(area.code(), query.period()).stream()
                .filter(group -> group.code().equals(query.targetGroup()))
                .findFirst().orElseThrow();
    }

    /** A row; {@code subject} is the area compared, null on the area's own row. */
    private static ComparisonDto.Row row(String role, ComparisonWith with, AreaDto area, GroupFigures figures,
            Subject subject, BigDecimal tolerancePp) {
        List<NoteDto> notes = new ArrayList<>();
        Completeness completeness = figures.completeness();
        if (completeness.partial() && completeness.monthsPresent() > 0) {
            notes.add(new NoteDto("fullTimePersons", "partial-period", completeness.monthsPresent() + " of "
                    + completeness.monthsExpected() + " months are stored; the value is their average and is "
                    + "compared with the same months a year earlier."));
        }
        BigDecimal fullTimePersons = value("fullTimePersons", figures.fullTimePersons(), notes);
        BigDecimal previousYear = value("previousYear", figures.previousYear(), notes);
        BigDecimal changeAbsolute = value("changeAbsolute", figures.change().absolute(), notes);
        BigDecimal changePercent = value("changePercent", figures.change().percent(), notes);
        BigDecimal share = value("shareOfPopulation", figures.shareOfPopulation().value(), notes);
        BigDecimal sharePrevious = value("shareOfPopulationPreviousYear", figures.shareOfPopulation().previousYear(),
                notes);
        BigDecimal shareChangePp = value("shareOfPopulationChangePp", figures.shareOfPopulation().changePp(), notes);
        BigDecimal difference = null;
        String classification = null;
        if (subject != null) {
            Classification.Compared compared = Classification.Compared.of(subject.figures().change().percent(),
                    figures.change().percent(), tolerancePp, subject.area().name(), area.name());
            difference = compared.differencePp();
            classification = compared.label();
            if (compared.reason() != null) {
                notes.add(new NoteDto("changeDifferencePp", compared.reason(), compared.message()));
                notes.add(new NoteDto("classification", compared.reason(), compared.message()));
            }
        }
        return new ComparisonDto.Row(role, with == null ? null : with.text(), area.code(), area.name(), area.type(),
                fullTimePersons, previousYear, changeAbsolute, changePercent, share, sharePrevious, shareChangePp,
                difference, classification, notes);
    }

    /** The figure's value; an unknown one adds a note with its reason. */
    private static BigDecimal value(String field, Figure figure, List<NoteDto> notes) {
        if (!figure.known()) {
            notes.add(new NoteDto(field, figure.reason().code(), figure.reason().message()));
        }
        return figure.value();
    }
}
