package dk.noegletal.common;

import static org.eclipse.microprofile.openapi.OASFactory.createSchema;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.annotation.Nonnull;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;

/**
 * Says in the OpenAPI document which properties of an answer are always there and which may be null, read from the
 * records Jackson writes, so that generated clients can trust it and no field has to repeat it:
 * <ul>
 * <li>a property is {@code required}: Jackson writes every record component, null or not, unless
 * {@code @JsonInclude} (on the component or its record) leaves it out;</li>
 * <li>a property may be {@code null} when its Java type is a reference type, unless the component is
 * {@code @Nonnull} (codes, names, lists that are empty rather than null) or is left out rather than written as
 * null. Suppressed and missing figures are null by design, so null is the default for anything that can hold it.
 * </li>
 * </ul>
 * Schemas of request bodies are left as scanned: what a client may leave out is said by their validation
 * annotations. Also drops the {@code type} the scanner writes beside a {@code $ref} when a field has its own
 * description: the referenced schema says the type, and generators warn about the sibling. Runs at build time, where
 * the class index is at hand.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SchemaOpenApiFilter implements OASFilter {

    private static final DotName SCHEMA = DotName.createSimple(
            org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    private static final DotName JSON_INCLUDE = DotName.createSimple(JsonInclude.class);
    private static final DotName NONNULL = DotName.createSimple(Nonnull.class);
    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    private final IndexView index;

    public SchemaOpenApiFilter(IndexView index) {
        this.index = index;
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null) {
            schema.setType(null);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        if (index == null) {
            throw new IllegalStateException("SchemaOpenApiFilter needs the class index; it runs at build time");
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> read = requestBodySchemas(openAPI, schemas);
        Map<String, ClassInfo> records = recordsBySchemaName();
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() == null || read.contains(name)) {
                return;
            }
            ClassInfo record = records.get(name);
            if (record == null) {
                throw new IllegalStateException("The schema " + name + " has properties but no one record with "
                        + "@Schema answers to that name, so whether they may be null is unknown; make the DTO a record with a "
                        + "@Schema(name) of its own");
            }
            describeWritten(name, schema, record);
        });
    }

    private static void describeWritten(String name, Schema schema, ClassInfo record) {
        AnnotationInstance recordInclusion = record.declaredAnnotation(JSON_INCLUDE);
        for (RecordComponentInfo component : record.recordComponents()) {
            Schema property = schema.getProperties().get(component.name());
            if (property == null) {
                throw new IllegalStateException("The schema " + name + " has no property " + component.name());
            }
            AnnotationInstance inclusion = annotation(record, component, JSON_INCLUDE);
            Inclusion written = Inclusion.of(inclusion != null ? inclusion : recordInclusion);
            boolean primitive = component.type().kind() == Type.Kind.PRIMITIVE;
            if (written == Inclusion.ALWAYS || (primitive && written == Inclusion.UNLESS_NULL_OR_EMPTY)) {
                if (schema.getRequired() == null || !schema.getRequired().contains(component.name())) {
                    schema.addRequired(component.name());
                }
            }
            if (written == Inclusion.ALWAYS && !primitive && annotation(record, component, NONNULL) == null) {
                allowNull(name + "." + component.name(), property);
            }
        }
    }

    /** When Jackson writes a property, by its {@code @JsonInclude}; the service keeps Jackson's default, always. */
    private enum Inclusion {
        ALWAYS,
        /** NON_NULL, NON_ABSENT, NON_EMPTY: a null (or empty) reference is left out, a primitive always written. */
        UNLESS_NULL_OR_EMPTY,
        /** NON_DEFAULT, CUSTOM: anything may be left out. */
        SOMETIMES;

        static Inclusion of(AnnotationInstance include) {
            if (include == null || include.value() == null) {
                return ALWAYS;
            }
            return switch (JsonInclude.Include.valueOf(include.value().asEnum())) {
                case ALWAYS, USE_DEFAULTS -> ALWAYS;
                case NON_NULL, NON_ABSENT, NON_EMPTY -> UNLESS_NULL_OR_EMPTY;
                default -> SOMETIMES;
            };
        }
    }

    /** An annotation of a record component, which javac copies to the field (and to the type, for type uses). */
    private static AnnotationInstance annotation(ClassInfo record, RecordComponentInfo component, DotName name) {
        AnnotationInstance onComponent = component.annotation(name);
        if (onComponent != null) {
            return onComponent;
        }
        AnnotationTarget field = record.field(component.name());
        return field == null ? null : field.asField().annotation(name);
    }

    /** OpenAPI 3.1 says null as a type; a reference gets it as the other choice of an anyOf. */
    private static void allowNull(String where, Schema property) {
        if (property.getRef() != null) {
            Schema reference = createSchema().ref(property.getRef());
            property.setRef(null);
            property.setType(null);
            property.setAnyOf(List.of(reference, createSchema().addType(SchemaType.NULL)));
        } else if (property.getType() != null && !property.getType().isEmpty()) {
            if (!property.getType().contains(SchemaType.NULL)) {
                property.addType(SchemaType.NULL);
            }
            // An enumeration is checked apart from the type: it must list null too.
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(property.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        } else {
            throw new IllegalStateException("The property " + where + " has neither a type nor a $ref to add null to");
        }
    }

    /** Component schemas a request body uses, directly or through other components. */
    private static Set<String> requestBodySchemas(OpenAPI openAPI, Map<String, Schema> schemas) {
        Set<String> found = new HashSet<>();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return found;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                        && operation.getRequestBody().getContent().getMediaTypes() != null) {
                    for (MediaType media : operation.getRequestBody().getContent().getMediaTypes().values()) {
                        collectReferences(media.getSchema(), schemas, found);
                    }
                }
            }
        });
        return found;
    }

    private static void collectReferences(Schema schema, Map<String, Schema> schemas, Set<String> found) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(COMPONENT_PREFIX)) {
            String name = schema.getRef().substring(COMPONENT_PREFIX.length());
            if (found.add(name)) {
                collectReferences(schemas.get(name), schemas, found);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> collectReferences(property, schemas, found));
        }
        collectReferences(schema.getItems(), schemas, found);
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .forEach(choice -> collectReferences(choice, schemas, found));
    }

    /** The records annotated with {@code @Schema}, by the name of their schema: its name, else the simple name. */
    private Map<String, ClassInfo> recordsBySchemaName() {
        Map<String, ClassInfo> records = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (AnnotationInstance schema : index.getAnnotations(SCHEMA)) {
            if (schema.target().kind() != AnnotationTarget.Kind.CLASS || !schema.target().asClass().isRecord()) {
                continue;
            }
            ClassInfo type = schema.target().asClass();
            AnnotationValue name = schema.value("name");
            String key = name == null ? type.simpleName() : name.asString();
            ClassInfo other = records.putIfAbsent(key, type);
            if (other != null && !other.name().equals(type.name())) {
                ambiguous.add(key);
            }
        }
        ambiguous.forEach(records::remove);
        return records;
    }
}
