package dk.noegletal.goal;

import dk.noegletal.area.AreaDto;
import dk.noegletal.area.AreaService;
import dk.noegletal.area.AreaType;
import dk.noegletal.common.DataVersion;
import dk.noegletal.common.ProblemException;
import dk.noegletal.goal.Goal.Basis;
import dk.noegletal.goal.Goal.Shape;
import dk.noegletal.goal.GoalEvaluator.Evaluation;
import dk.noegletal.goal.GoalEvaluator.Measurement;
import dk.noegletal.keyfigure.KeyFigureCalculator;
import dk.noegletal.keyfigure.KeyFiguresDto;
import dk.noegletal.read.ReadRevision;
import dk.noegletal.table.MeasureKind;
import dk.noegletal.table.TableFigureService;
import dk.noegletal.targetgroup.TargetGroupDto;
import dk.noegletal.targetgroup.TargetGroupService;
import dk.noegletal.timeseries.CompletenessDto;
import dk.noegletal.timeseries.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps the goals of the employment plan, in versions, and evaluates them: an area's goals as they stand (or stood,
 * asOf), each with its figure from the key figures or a table, against its reference.
 */
@ApplicationScoped
public class GoalService {

    private static final String SHAPES = "fall, rise, below, above, among-lowest or among-highest";
    private static final String BASES = "annual, year-to-date, quarter or month";

    private final GoalRepository repository;
    private final GoalFigures figures;
    private final AreaService areas;
    private final TargetGroupService targetGroups;
    private final TableFigureService tables;
    private final ReadRevision revision;
    private final DataVersion dataVersion;

    GoalService(GoalRepository repository, GoalFigures figures, AreaService areas, TargetGroupService targetGroups,
            TableFigureService tables, ReadRevision revision, DataVersion dataVersion) {
        this.repository = repository;
        this.figures = figures;
        this.areas = areas;
        this.targetGroups = targetGroups;
        this.tables = tables;
        this.revision = revision;
        this.dataVersion = dataVersion;
    }

    /**
     * An area's goals (of a year, when given) as they stand, or stood at the moment read as of, each evaluated from
     * the values of periods ending on or before {@code through} when it is given; empty when the area is unknown.
     */
    @Transactional
    public Optional<GoalsDto> list(String areaCode, Integer year, Period through) {
        return areas.find(areaCode).map(area -> new GoalsDto(ref(area), year,
                through == null ? null : Period.month(through.end().getYear(), through.end().getMonthValue()).code(),
                revision.get(), repository.standing(area.code(), year, revision.moment().orElse(null)).stream()
                        .map(goal -> evaluate(area, goal, through)).toList()));
    }

    /** One goal of an area, evaluated; empty when there is no such goal of the area. */
    @Transactional
    public Optional<GoalDto> find(String areaCode, long id, Period through) {
        AreaDto area = area(areaCode);
        return repository.standing(id, revision.moment().orElse(null))
                .filter(goal -> goal.areaCode.equals(area.code())).map(goal -> evaluate(area, goal, through));
    }

    @Transactional
    public GoalDto create(String areaCode, GoalRequest request) {
        AreaDto area = area(areaCode);
        return evaluate(area, record(area, request), null);
    }

    /** Records a new goal without evaluating it (the demo data, loaded before any request); answers its id. */
    @Transactional
    public long record(String areaCode, GoalRequest request) {
        return record(area(areaCode), request).goalId;
    }

    private GoalVersion record(AreaDto area, GoalRequest request) {
        GoalVersion goal = definition(area, request);
        dataVersion.countWrite();
        goal.recordedAt = now();
        repository.persistAndFlush(goal);
        goal.goalId = goal.id;
        return goal;
    }

    /** Replaces a goal, keeping the version it replaces for reads as of earlier moments; empty when there is none. */
    @Transactional
    public Optional<GoalDto> update(String areaCode, long id, GoalRequest request) {
        AreaDto area = area(areaCode);
        GoalVersion replacement = definition(area, request);
        // Counting the write first takes the writers' lock, so two changes of one goal cannot both replace it.
        dataVersion.countWrite();
        Optional<GoalVersion> standing = repository.standing(id, null)
                .filter(goal -> goal.areaCode.equals(area.code()));
        standing.ifPresent(goal -> {
            OffsetDateTime now = now();
            goal.endedAt = now;
            replacement.goalId = goal.goalId;
            replacement.recordedAt = now;
            repository.persist(replacement);
        });
        return standing.map(goal -> evaluate(area, replacement, null));
    }

    /** Ends a goal; it is still read as of moments before. False when there is no such goal of the area. */
    @Transactional
    public boolean delete(String areaCode, long id) {
        AreaDto area = area(areaCode);
        dataVersion.countWrite();
        Optional<GoalVersion> standing = repository.standing(id, null)
                .filter(goal -> goal.areaCode.equals(area.code()));
        standing.ifPresent(goal -> goal.endedAt = now());
        return standing.isPresent();
    }

    private GoalDto evaluate(AreaDto area, GoalVersion version, Period through) {
        Goal goal = goal(version);
        Period period = goal.period();
        LocalDate until = through == null ? null : through.end();
        Optional<AreaDto> among = version.among == null ? Optional.empty() : areas.find(version.among);
        List<AreaDto> measured = !goal.shape().rank() ? List.of(area)
                : among.map(cluster -> areas.list(Optional.of(AreaType.MUNICIPALITY)).stream()
                        .filter(municipality -> cluster.members().contains(municipality.code())).toList())
                        .orElseGet(() -> areas.list(Optional.of(AreaType.MUNICIPALITY)));
        var values = figures.measure(version, measured, period, until);
        List<GoalEvaluator.Peer> peers = measured.stream()
                .map(peer -> new GoalEvaluator.Peer(peer.code(), values.get(peer.code()).value())).toList();
        Measurement own = values.get(area.code());
        if (own == null) {
            throw new IllegalStateException("the goal's area " + area.code() + " was not measured");
        }
        Evaluation evaluation = GoalEvaluator.evaluate(goal, area.code(), own, peers);
        GoalDto.Measure measure = measure(version);
        String sentence = GoalSentence.of(goal, new GoalSentence.Subject(area.name(), measure.description(),
                inPercent(measure)), evaluation);
        GoalDto.Evaluation dto = new GoalDto.Evaluation(evaluation.status().code(), period.code(),
                evaluation.value().value(),
                new GoalDto.Reference(evaluation.referenceKind().code(), evaluation.reference().value(),
                        evaluation.referenceKind() == GoalEvaluator.ReferenceKind.PREVIOUS_YEAR
                                ? period.yearEarlier().code() : null),
                evaluation.margin().value(), evaluation.rank(), evaluation.ranked(),
                CompletenessDto.of(evaluation.completeness()), evaluation.onTrack(),
                evaluation.pending() == null ? null
                        : new GoalDto.Reason(evaluation.pending().code(), evaluation.pending().message()),
                sentence);
        return new GoalDto(version.goalId, ref(area), version.year, version.title, measure, version.basis,
                goal.basis() == Basis.QUARTER ? version.basisNumber : null,
                goal.basis() == Basis.MONTH ? version.basisNumber : null, version.shape, plain(version.baseline),
                plain(version.threshold), version.inclusive, version.rankLimit,
                among.map(GoalService::ref).orElse(null),
                version.recordedAt, dto);
    }

    /** Whether the figure is a percentage: a share, or a ratio whose label says so ("i pct.", "Andel ..."). */
    private static boolean inPercent(GoalDto.Measure measure) {
        return GoalFigures.isShare(measure.figure()) || measure.measure() != null
                && MeasureKind.RATIO.code().equals(measure.measure().kind())
                && MeasureKind.inPercent(measure.measure().label());
    }

    static Goal goal(GoalVersion version) {
        return new Goal(version.year, Shape.parse(version.shape).orElseThrow(),
                Basis.parse(version.basis).orElseThrow(), version.basisNumber, version.baseline, version.threshold,
                version.inclusive, version.rankLimit);
    }

    /** What a stored goal measures, with its description in Danish words. */
    private GoalDto.Measure measure(GoalVersion goal) {
        if (goal.targetGroup != null) {
            KeyFiguresDto.TargetGroupRef group = targetGroup(goal.targetGroup);
            return new GoalDto.Measure(group, null, null, List.of(), goal.figure, describe(group, goal.figure));
        }
        TableFigureService.ChosenSeries series = tables.choose(goal.tableId, goal.measureCode, goal.memberList());
        return new GoalDto.Measure(null, series.table(), series.measure(), series.members(), goal.figure,
                describe(series, goal.figure));
    }

    private KeyFiguresDto.TargetGroupRef targetGroup(String code) {
        if (code.equals(KeyFigureCalculator.TOTAL_CODE)) {
            return new KeyFiguresDto.TargetGroupRef(code, KeyFigureCalculator.TOTAL_NAME, null, 0);
        }
        TargetGroupDto group = targetGroups.find(code).orElseThrow(() -> invalid("There is no target group '" + code
                + "'; see /api/v1/target-groups (i-alt is all of them)."));
        return new KeyFiguresDto.TargetGroupRef(group.code(), group.name(), group.parentCode(), group.level());
    }

    private String describe(KeyFiguresDto.TargetGroupRef group, String figure) {
        boolean total = group.code().equals(KeyFigureCalculator.TOTAL_CODE);
        String name = group.name();
        if (group.parentCode() != null) {
            name = name + " (" + targetGroups.find(group.parentCode()).map(TargetGroupDto::name).orElse("") + ")";
        }
        return switch (figure) {
            case GoalFigures.SHARE_OF_POPULATION -> "andelen af befolkningen 16-66 år " + (total
                    ? "i målgrupperne i alt" : "på " + name);
            case GoalFigures.NATIONAL_SHARE -> "landsandelen " + (total ? "for målgrupperne i alt" : "for " + name);
            default -> "antallet af fuldtidspersoner " + (total ? "i målgrupperne i alt" : "på " + name);
        };
    }

    /** A table's figure in words: its measure, then the table and the members that set the series apart. */
    private static String describe(TableFigureService.ChosenSeries series, String figure) {
        String label = series.measure().label();
        String what = label.substring(0, 1).toLowerCase(Locale.forLanguageTag("da")) + label.substring(1) + " ("
                + series.table().name() + (series.distinguishing().isEmpty() ? ""
                        : ": " + String.join(", ", series.distinguishing())) + ")";
        return switch (figure) {
            case GoalFigures.SHARE_OF_POPULATION -> what + " i procent af befolkningen 16-66 år";
            case GoalFigures.NATIONAL_SHARE -> "landsandelen af " + what;
            default -> what;
        };
    }

    /** A request checked and made a goal's version; a 400 says what is wrong. */
    private GoalVersion definition(AreaDto area, GoalRequest request) {
        GoalVersion goal = new GoalVersion();
        goal.areaCode = area.code();
        if (request.year() < 1900 || request.year() > 2199) {
            throw invalid("The year " + request.year() + " is outside 1900-2199.");
        }
        goal.year = request.year();
        goal.title = request.title().trim();
        Shape shape = Shape.parse(request.shape()).orElseThrow(() -> invalid("Unknown shape '"
                + request.shape().trim() + "'; use " + SHAPES + "."));
        goal.shape = shape.code();
        Basis basis = request.basis() == null || request.basis().isBlank() ? Basis.ANNUAL
                : Basis.parse(request.basis()).orElseThrow(() -> invalid("Unknown basis '" + request.basis().trim()
                        + "'; use " + BASES + "."));
        goal.basis = basis.code();
        goal.basisNumber = basisNumber(basis, request);
        measured(goal, request.measure());
        if (request.baseline() != null && !shape.direction()) {
            throw invalid("A baseline belongs to a fall or rise goal; a " + shape.code() + " goal has "
                    + (shape.threshold() ? "a threshold." : "a rank limit."));
        }
        goal.baseline = request.baseline();
        if (shape.threshold() && request.threshold() == null) {
            throw invalid("A " + shape.code() + " goal needs a threshold: the level to be " + shape.code()
                    + ", such as \"threshold\": 8.0.");
        }
        if (!shape.threshold() && (request.threshold() != null || request.inclusive() != null)) {
            throw invalid("A threshold (and inclusive) belongs to a below or above goal, not a " + shape.code()
                    + " goal.");
        }
        goal.threshold = request.threshold();
        goal.inclusive = Boolean.TRUE.equals(request.inclusive());
        rank(goal, shape, area, request);
        return goal;
    }

    private static Integer basisNumber(Basis basis, GoalRequest request) {
        if (basis == Basis.QUARTER) {
            if (request.quarter() == null || request.quarter() < 1 || request.quarter() > 4) {
                throw invalid("A goal on a quarter needs the quarter, 1-4.");
            }
        } else if (request.quarter() != null) {
            throw invalid("A quarter belongs to a goal on a quarter (basis quarter).");
        }
        if (basis == Basis.MONTH) {
            if (request.month() == null || request.month() < 1 || request.month() > 12) {
                throw invalid("A goal on a month needs the month, 1-12.");
            }
        } else if (request.month() != null) {
            throw invalid("A month belongs to a goal on a month (basis month).");
        }
        return basis == Basis.QUARTER ? request.quarter() : basis == Basis.MONTH ? request.month() : null;
    }

    /** Checks what the goal measures: a target group's figure, or a table's series and figure. */
    private void measured(GoalVersion goal, GoalRequest.MeasureRequest measure) {
        boolean group = measure.targetGroup() != null && !measure.targetGroup().isBlank();
        boolean table = measure.table() != null && !measure.table().isBlank();
        if (group == table) {
            throw invalid("A goal measures either a target group (targetGroup) or a table's series (table), "
                    + (group ? "not both." : "and names one of them."));
        }
        String figure = measure.figure().trim().toLowerCase(Locale.ROOT);
        goal.figure = figure;
        if (group) {
            if (measure.measure() != null || measure.members() != null && !measure.members().isEmpty()) {
                throw invalid("A target group's goal names no table measure or members; they belong to a table.");
            }
            goal.targetGroup = targetGroup(measure.targetGroup().trim()).code();
            if (!List.of(GoalFigures.FULL_TIME_PERSONS, GoalFigures.SHARE_OF_POPULATION, GoalFigures.NATIONAL_SHARE)
                    .contains(figure)) {
                throw invalid("A target group's figure is full-time-persons, share-of-population or national-share, "
                        + "not '" + measure.figure().trim() + "'.");
            }
            return;
        }
        String tableId = measure.table().trim();
        if (tables.find(tableId).isEmpty()) {
            throw invalid("There is no table '" + tableId + "'; see /api/v1/tables, or import it first (your own "
                    + "figures too, as a table of your own).");
        }
        TableFigureService.ChosenSeries series = tables.choose(tableId, measure.measure(), measure.members());
        if (!List.of(GoalFigures.VALUE, GoalFigures.SHARE_OF_POPULATION, GoalFigures.NATIONAL_SHARE)
                .contains(figure)) {
            throw invalid("A table's figure is value, share-of-population or national-share, not '"
                    + measure.figure().trim() + "'.");
        }
        if (GoalFigures.isShare(figure) && MeasureKind.RATIO.code().equals(series.measure().kind())) {
            throw invalid("The measure " + series.measure().code() + " is a ratio: it has no " + figure
                    + "; use value.");
        }
        goal.tableId = series.table().id();
        goal.measureCode = series.measure().code();
        goal.members = String.join(GoalVersion.MEMBER_SEPARATOR, series.members().stream()
                .map(member -> member.dimension() + ":" + member.code()).toList());
    }

    private void rank(GoalVersion goal, Shape shape, AreaDto area, GoalRequest request) {
        if (!shape.rank()) {
            if (request.rankLimit() != null || request.among() != null) {
                throw invalid("A rank limit (and among) belongs to an among-lowest or among-highest goal, not a "
                        + shape.code() + " goal.");
            }
            return;
        }
        if (area.type() != AreaType.MUNICIPALITY) {
            throw invalid("A rank goal ranks municipalities, and " + area.name() + " (" + area.code() + ") is "
                    + (area.type() == AreaType.REGION ? "a region" : area.type() == AreaType.CLUSTER ? "a cluster"
                            : "the country") + "; set the goal for a municipality.");
        }
        if (request.rankLimit() == null || request.rankLimit() < 1) {
            throw invalid("A " + shape.code() + " goal needs a rank limit of 1 or more: how many municipalities the "
                    + "area must be among, such as \"rankLimit\": 3.");
        }
        int peers = areas.list(Optional.of(AreaType.MUNICIPALITY)).size();
        if (request.among() != null && !request.among().isBlank()) {
            AreaDto cluster = areas.find(request.among().trim()).filter(found -> found.type() == AreaType.CLUSTER)
                    .orElseThrow(() -> invalid("There is no cluster '" + request.among().trim() + "' to rank among; "
                            + "see /api/v1/clusters."));
            if (!cluster.members().contains(area.code())) {
                throw invalid(area.name() + " is not a member of the cluster " + cluster.name() + ", so it cannot be "
                        + "ranked among its members.");
            }
            goal.among = cluster.code();
            peers = cluster.members().size();
        }
        if (request.rankLimit() > peers) {
            throw invalid("A rank limit of " + request.rankLimit() + " is more than the " + peers
                    + " municipalities ranked.");
        }
        goal.rankLimit = request.rankLimit();
    }

    private AreaDto area(String code) {
        return areas.find(code).orElseThrow(() -> ProblemException.notFound("There is no area with code " + code
                + "."));
    }

    private static KeyFiguresDto.AreaRef ref(AreaDto area) {
        return new KeyFiguresDto.AreaRef(area.code(), area.name());
    }

    /** Now, in the microseconds both databases keep, so that a moment read back is the one recorded. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static BigDecimal plain(BigDecimal stored) {
        return stored == null ? null : stored.stripTrailingZeros();
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-goal", "Invalid goal", detail);
    }
}
