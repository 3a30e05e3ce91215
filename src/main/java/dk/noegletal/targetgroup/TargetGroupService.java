package dk.noegletal.targetgroup;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the target-group catalogue and the names Jobindsats uses for its groups. */
@ApplicationScoped
public class TargetGroupService {

    private final TargetGroupRepository repository;
    /** The catalogue as a tree, read once: it comes with the migrations and never changes. */
    private volatile List<TargetGroupDto> tree;

    TargetGroupService(TargetGroupRepository repository) {
        this.repository = repository;
    }

    /** The top-level groups with their sub-groups, all in catalogue order. */
    public List<TargetGroupDto> tree() {
        List<TargetGroupDto> groups = tree;
        if (groups == null) {
            groups = readTree();
            tree = groups;
        }
        return groups;
    }

    private List<TargetGroupDto> readTree() {
        List<TargetGroup> groups = repository.listOrdered();
        Map<String, List<TargetGroup>> children = new HashMap<>();
        for (TargetGroup group : groups) {
            if (group.parentCode != null) {
                children.computeIfAbsent(group.parentCode, k -> new ArrayList<>()).add(group);
            }
        }
        return groups.stream()
                .filter(group -> group.parentCode == null)
                .map(group -> toDto(group, 0, children))
                .toList();
    }

    public Optional<TargetGroupDto> find(String code) {
        return tree().stream().flatMap(top -> flatten(top).stream())
                .filter(group -> group.code().equals(code))
                .findFirst();
    }

    /**
     * Every name a file may use for a target group, mapped to its code: the codes themselves, the catalogue
     * names and the Jobindsats labels. Keys are trimmed and lower-case.
     */
    public Map<String, String> codesByName() {
        Map<String, String> codes = new HashMap<>();
        for (TargetGroup group : repository.listOrdered()) {
            codes.put(normalise(group.name), group.code);
            codes.put(normalise(group.code), group.code);
        }
        for (TargetGroupLabel label : repository.listLabels()) {
            codes.put(normalise(label.label), label.targetGroupCode);
        }
        return codes;
    }

    public static String normalise(String name) {
        return name.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<TargetGroupDto> flatten(TargetGroupDto group) {
        List<TargetGroupDto> all = new ArrayList<>();
        all.add(group);
        group.children().forEach(child -> all.addAll(flatten(child)));
        return all;
    }

    private static TargetGroupDto toDto(TargetGroup group, int level, Map<String, List<TargetGroup>> children) {
        List<TargetGroupDto> subGroups = children.getOrDefault(group.code, List.of()).stream()
                .map(child -> toDto(child, level + 1, children))
                .toList();
        return new TargetGroupDto(group.code, group.name, group.parentCode, level, group.sortOrder, subGroups);
    }
}
