package io.eventline.manifests;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kubernetes.client.util.ModelMapper;
import io.kubernetes.client.util.Yaml;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strict validation of one Kubernetes object; an unknown or misspelled field anywhere is an error.
 *
 * <ul>
 *   <li>Kubernetes API kinds: the official Java client's models (Kubernetes 1.32) through its YAML
 *       loader, which refuses properties the model does not have and values of the wrong type.</li>
 *   <li>Strimzi ({@code kafka.strimzi.io}): Strimzi's published Java API model; its classes keep
 *       unknown properties aside instead of failing, so any kept property is reported.</li>
 *   <li>CloudNativePG and the Prometheus operator: JSON Schemas in {@code src/test/resources/schemas},
 *       subsets of the operators' CRD schemas for the fields Eventline uses, closed to any other field
 *       (the "documented rule set": each schema names the CRD version it follows).</li>
 * </ul>
 */
final class ResourceValidator {

    private static final Map<String, Class<?>> STRIMZI = Map.of(
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);
    private static final Map<String, String> SCHEMAS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "schemas/cnpg-cluster.json",
            "postgresql.cnpg.io/v1/ScheduledBackup", "schemas/cnpg-scheduledbackup.json",
            "monitoring.coreos.com/v1/ServiceMonitor", "schemas/monitoring-servicemonitor.json",
            "monitoring.coreos.com/v1/PodMonitor", "schemas/monitoring-podmonitor.json",
            "monitoring.coreos.com/v1/PrometheusRule", "schemas/monitoring-prometheusrule.json");
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    /** Writes every property back, whatever the model's @JsonInclude says, to see what was kept. */
    private static final ObjectMapper ALL_PROPERTIES = new ObjectMapper()
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public JsonInclude.Value findPropertyInclusion(Annotated a) {
                    return JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS);
                }
            });
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    private ResourceValidator() {
    }

    /** What is wrong with {@code r}; empty when it is valid. */
    static List<String> validate(JsonNode r) {
        String apiVersion = Resource.apiVersion(r);
        String group = Resource.group(r);
        String kind = Resource.kind(r);
        List<String> problems = new ArrayList<>();
        if (Resource.name(r).isEmpty()) {
            problems.add(kind + " without metadata.name");
        }
        if (group.equals("kafka.strimzi.io")) {
            strimzi(r, apiVersion, kind, problems);
        } else if (SCHEMAS.containsKey(apiVersion + "/" + kind)) {
            schema(r, SCHEMAS.get(apiVersion + "/" + kind), problems);
        } else {
            kubernetes(r, apiVersion, kind, problems);
        }
        // a model object reachable through two getters would be reported twice
        return problems.stream().distinct().toList();
    }

    private static void kubernetes(JsonNode r, String apiVersion, String kind, List<String> problems) {
        Class<?> model = ModelMapper.getApiTypeClass(apiVersion, kind);
        if (model == null || model.getSimpleName().equals("DynamicKubernetesObject")) {
            problems.add(apiVersion + " " + kind + ": no Kubernetes 1.32 model and no schema in this build");
            return;
        }
        try {
            Yaml.loadAs(Yamls.write(r), model);
        } catch (RuntimeException e) {
            problems.add(Resource.id(r) + ": " + rootMessage(e));
        }
    }

    private static void strimzi(JsonNode r, String apiVersion, String kind, List<String> problems) {
        Class<?> model = STRIMZI.get(kind);
        if (model == null || !apiVersion.equals("kafka.strimzi.io/v1beta2")) {
            problems.add(apiVersion + " " + kind + ": not a Strimzi kind this build knows");
            return;
        }
        Object parsed;
        try {
            parsed = STRICT.treeToValue(r, model);
        } catch (Exception e) {
            problems.add(Resource.id(r) + ": " + rootMessage(e));
            return;
        }
        unknownProperties(parsed, kind, problems, 0);
        // what the model did not keep (e.g. an enum value it does not know, read as null) is lost too
        lost(r, ALL_PROPERTIES.valueToTree(parsed), kind, problems);
    }

    private static void lost(JsonNode given, JsonNode kept, String path, List<String> problems) {
        if (given.isObject()) {
            given.fields().forEachRemaining(e -> {
                JsonNode other = kept.path(e.getKey());
                if (other.isMissingNode() || other.isNull()) {
                    problems.add(path + "." + e.getKey() + ": not kept by the model (unknown field or value)");
                } else {
                    lost(e.getValue(), other, path + "." + e.getKey(), problems);
                }
            });
        } else if (given.isArray()) {
            for (int i = 0; i < given.size(); i++) {
                lost(given.get(i), kept.path(i), path + "[" + i + "]", problems);
            }
        } else if (!given.asText().equals(kept.asText())) {
            problems.add(path + ": " + given.asText() + " read as " + kept.asText());
        }
    }

    /** Strimzi's model (and fabric8's metadata) collect unknown fields in getAdditionalProperties(). */
    private static void unknownProperties(Object value, String path, List<String> problems, int depth) {
        if (value == null || depth > 30) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                unknownProperties(item, path + "[" + i++ + "]", problems, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                unknownProperties(e.getValue(), path + "." + e.getKey(), problems, depth + 1);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.strimzi") && !pkg.startsWith("io.fabric8")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || !method.getName().startsWith("get") || method.getName().equals("getClass")) {
                continue;
            }
            Object child;
            try {
                child = method.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else if (!(child instanceof Map<?, ?>) || !method.getName().equals("getConfig")) {
                // config maps are free-form by design (Kafka settings); everything else is walked
                unknownProperties(child, path + "." + decapitalize(method.getName().substring(3)), problems, depth + 1);
            }
        }
    }

    private static void schema(JsonNode r, String resource, List<String> problems) {
        JsonSchema schema = LOADED.computeIfAbsent(resource, name -> {
            try (InputStream in = ResourceValidator.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + name);
                }
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        for (ValidationMessage message : schema.validate(r)) {
            problems.add(Resource.id(r) + ": " + message.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
