package dk.noegletal.area;

import dk.noegletal.common.DataVersion;
import dk.noegletal.common.Problem;
import dk.noegletal.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Keeps the clusters: comparison groups of municipalities that count as areas of type CLUSTER. */
@ApplicationScoped
public class ClusterService {

    private final AreaRepository repository;
    private final DataVersion dataVersion;

    ClusterService(AreaRepository repository, DataVersion dataVersion) {
        this.repository = repository;
        this.dataVersion = dataVersion;
    }

    @Transactional
    public List<AreaDto> list() {
        return repository.listOrdered(AreaType.CLUSTER).stream().map(AreaDto::of).toList();
    }

    @Transactional
    public Optional<AreaDto> find(String code) {
        return repository.findWithMembers(code).filter(area -> area.type == AreaType.CLUSTER).map(AreaDto::of);
    }

    @Transactional
    public AreaDto create(ClusterRequest request) {
        if (request.code() == null) {
            throw invalid("A new cluster needs a code.");
        }
        if (repository.findByIdOptional(request.code()).isPresent()) {
            throw conflict("There is already an area with code " + request.code() + ".");
        }
        Area cluster = new Area();
        cluster.code = request.code();
        cluster.type = AreaType.CLUSTER;
        cluster.sortOrder = repository.nextSortOrder();
        apply(cluster, request);
        repository.persist(cluster);
        dataVersion.countWrite();
        return AreaDto.of(cluster);
    }

    /** Replaces a cluster's name and members; empty when there is no such cluster. */
    @Transactional
    public Optional<AreaDto> update(String code, ClusterRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw invalid("The code in the body (" + request.code() + ") differs from the one in the path (" + code
                    + "); a cluster's code cannot be changed.");
        }
        Optional<Area> cluster = repository.findWithMembers(code).filter(area -> area.type == AreaType.CLUSTER);
        cluster.ifPresent(area -> {
            apply(area, request);
            dataVersion.countWrite();
        });
        return cluster.map(AreaDto::of);
    }

    @Transactional
    public boolean delete(String code) {
        Optional<Area> cluster = repository.findByIdOptional(code).filter(area -> area.type == AreaType.CLUSTER);
        cluster.ifPresent(area -> {
            repository.delete(area);
            dataVersion.countWrite();
        });
        return cluster.isPresent();
    }

    private void apply(Area cluster, ClusterRequest request) {
        String name = request.name().trim();
        if (repository.nameTaken(name, cluster.code)) {
            throw conflict("There is already an area named " + name + ".");
        }
        cluster.name = name;
        cluster.members.clear();
        cluster.members.addAll(validMembers(request.members()));
    }

    private Set<String> validMembers(List<String> codes) {
        List<String> unknown = new ArrayList<>();
        List<String> notMunicipalities = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        for (String code : codes) {
            if (code == null || !seen.add(code)) {
                repeated.add(String.valueOf(code));
                continue;
            }
            Optional<Area> area = repository.findByIdOptional(code);
            if (area.isEmpty()) {
                unknown.add(code);
            } else if (area.get().type != AreaType.MUNICIPALITY) {
                notMunicipalities.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw invalid("Unknown member " + plural(unknown) + ": " + String.join(", ", unknown)
                    + ". Members are municipality codes (see /api/v1/areas?type=MUNICIPALITY).");
        }
        if (!notMunicipalities.isEmpty()) {
            throw invalid("Only municipalities can be members; not " + String.join(", ", notMunicipalities) + ".");
        }
        if (!repeated.isEmpty()) {
            throw invalid("A member is listed twice: " + String.join(", ", repeated) + ".");
        }
        return new TreeSet<>(codes);
    }

    private static String plural(List<String> codes) {
        return codes.size() == 1 ? "code" : "codes";
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-cluster", "Invalid cluster", detail);
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(new Problem(ProblemException.type("conflict"), "Conflict", 409, detail));
    }
}
