package io.eventline.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each check can fail: a deliberately broken copy of the production rendering (or of one object)
 * is refused, by the rule or validator that guards it.
 */
class BrokenManifestTest {

    /** One way of breaking the production rendering that {@code policy} must catch. */
    record Breakage(Policies policy, String what, Consumer<List<ObjectNode>> breakIt) {
        @Override
        public String toString() {
            return policy + ": " + what;
        }
    }

    static List<Breakage> breakages() {
        return List.of(
                new Breakage(Policies.PROBES, "gateway without liveness probe",
                        r -> container(r, "api-gateway").remove("livenessProbe")),
                new Breakage(Policies.PROBES, "readiness probe on the liveness endpoint",
                        r -> ((ObjectNode) container(r, "timeline-service").at("/readinessProbe/httpGet")).put("path", "/q/health/live")),
                new Breakage(Policies.RESOURCES, "ingest without memory limit",
                        r -> ((ObjectNode) container(r, "ingest-service").at("/resources/limits")).remove("memory")),
                new Breakage(Policies.RESTRICTED_SECURITY, "privilege escalation allowed",
                        r -> ((ObjectNode) container(r, "timeline-service").at("/securityContext")).put("allowPrivilegeEscalation", true)),
                new Breakage(Policies.RESTRICTED_SECURITY, "writable root filesystem",
                        r -> ((ObjectNode) container(r, "api-gateway").at("/securityContext")).put("readOnlyRootFilesystem", false)),
                new Breakage(Policies.RESTRICTED_SECURITY, "capabilities kept",
                        r -> ((ObjectNode) container(r, "ingest-service").at("/securityContext")).remove("capabilities")),
                new Breakage(Policies.RESTRICTED_SECURITY, "no seccomp profile",
                        r -> ((ObjectNode) podSpec(r, "ingest-service").get("securityContext")).remove("seccompProfile")),
                new Breakage(Policies.RESTRICTED_SECURITY, "/tmp not mounted",
                        r -> ((ArrayNode) container(r, "api-gateway").get("volumeMounts")).removeAll()),
                new Breakage(Policies.JVM_MEMORY, "fixed heap",
                        r -> data(r, "api-gateway-config").put("JAVA_TOOL_OPTIONS", "-Xmx512m")),
                new Breakage(Policies.GRACEFUL_TERMINATION, "grace period shorter than the consumer's drain",
                        r -> podSpec(r, "timeline-service").put("terminationGracePeriodSeconds", 30)),
                new Breakage(Policies.GRACEFUL_TERMINATION, "no preStop pause",
                        r -> container(r, "api-gateway").remove("lifecycle")),
                new Breakage(Policies.SERVICE_ACCOUNTS, "ServiceAccount missing",
                        r -> r.removeIf(o -> Resource.is(o, "ServiceAccount", "ingest-service"))),
                new Breakage(Policies.SERVICE_ACCOUNTS, "API token mounted",
                        r -> podSpec(r, "api-gateway").put("automountServiceAccountToken", true)),
                new Breakage(Policies.NO_SECRET_VALUES, "a Secret with values",
                        r -> r.add(object("apiVersion: v1\nkind: Secret\nmetadata: {name: eventline-api-keys}\nstringData: {api-keys.yaml: s3cret}\n"))),
                new Breakage(Policies.NO_SECRET_VALUES, "a key as a plain env value",
                        r -> ((ArrayNode) container(r, "api-gateway").get("env")).addObject()
                                .put("name", "EVENTLINE_GATEWAY_NEWSROOM_KEY").put("value", "s3cret")),
                new Breakage(Policies.NO_SECRET_VALUES, "the keys file outside the Secret's mount",
                        r -> ((ArrayNode) container(r, "api-gateway").get("env")).forEach(e -> {
                            if (e.path("name").asText().equals("EVENTLINE_GATEWAY_KEYS_FILE")) {
                                ((ObjectNode) e).put("value", "/tmp/api-keys.yaml");
                            }
                        })),
                new Breakage(Policies.IMAGES_FROM_ONE_LIST, "an image not from the images list",
                        r -> container(r, "api-gateway").put("image", "docker.io/someone/api-gateway:latest")),
                new Breakage(Policies.NETWORK_POLICIES, "no default deny",
                        r -> r.removeIf(o -> Resource.is(o, "NetworkPolicy", "default-deny-ingress"))),
                new Breakage(Policies.NETWORK_POLICIES, "timeline reachable from every namespace",
                        r -> ((ArrayNode) find(r, "NetworkPolicy", "timeline-service-ingress").at("/spec/ingress/0/from"))
                                .addObject().putObject("namespaceSelector")),
                new Breakage(Policies.NETWORK_POLICIES, "Kafka listener open to all pods",
                        r -> ((ObjectNode) find(r, "Kafka", "eventline-kafka").at("/spec/kafka/listeners/0")).remove("networkPolicyPeers")),
                new Breakage(Policies.TRACING, "ingest without the tracing setting",
                        r -> ((ArrayNode) container(r, "ingest-service").get("envFrom")).remove(1)),
                new Breakage(Policies.TRACING, "tracing on, the collector not let through",
                        r -> {
                            data(r, "eventline-tracing").put("QUARKUS_OTEL_SDK_DISABLED", "false");
                            r.removeIf(o -> Resource.is(o, "NetworkPolicy", "allow-otlp-egress"));
                        }),
                new Breakage(Policies.INGRESS_TLS_GATEWAY_ONLY, "Ingress without TLS",
                        r -> ((ObjectNode) find(r, "Ingress", "eventline").get("spec")).remove("tls")),
                new Breakage(Policies.INGRESS_TLS_GATEWAY_ONLY, "timeline exposed",
                        r -> ((ObjectNode) find(r, "Ingress", "eventline").at("/spec/rules/0/http/paths/0/backend/service")).put("name", "timeline-service")),
                new Breakage(Policies.NAMESPACE_RESTRICTED, "baseline namespace",
                        r -> ((ObjectNode) find(r, "Namespace", "eventline").at("/metadata/labels")).put("pod-security.kubernetes.io/enforce", "baseline")),
                new Breakage(Policies.TOPICS, "ingest told another partition count",
                        r -> data(r, "ingest-service-config").put("EVENTLINE_INGEST_TOPIC_PARTITIONS", "6")),
                new Breakage(Policies.TOPICS, "dead-letter topic missing",
                        r -> r.removeIf(o -> Resource.is(o, "KafkaTopic", "eventline-articles-dlt"))),
                new Breakage(Policies.PROD_TOPIC_DURABILITY, "min.insync.replicas 1",
                        r -> ((ObjectNode) find(r, "KafkaTopic", "eventline-articles").at("/spec/config")).put("min.insync.replicas", 1)),
                new Breakage(Policies.PROD_TOPIC_DURABILITY, "replication 2",
                        r -> ((ObjectNode) find(r, "KafkaTopic", "eventline-articles-dlt").get("spec")).put("replicas", 2)),
                new Breakage(Policies.PROD_AVAILABILITY, "no PodDisruptionBudget",
                        r -> r.removeIf(o -> Resource.is(o, "PodDisruptionBudget", "timeline-service"))),
                new Breakage(Policies.PROD_AVAILABILITY, "more consumers than partitions",
                        r -> ((ObjectNode) find(r, "HorizontalPodAutoscaler", "timeline-service").get("spec")).put("maxReplicas", 24)),
                new Breakage(Policies.PROD_KAFKA_SECURITY, "ACL on every topic",
                        r -> ((ObjectNode) find(r, "KafkaUser", "ingest-service").at("/spec/authorization/acls/0/resource")).put("name", "*")),
                new Breakage(Policies.PROD_KAFKA_SECURITY, "plain listener",
                        r -> ((ObjectNode) find(r, "Kafka", "eventline-kafka").at("/spec/kafka/listeners/0")).put("tls", false)),
                new Breakage(Policies.METRICS_EXIST, "alert on an invented metric",
                        r -> ((ObjectNode) find(r, "PrometheusRule", "eventline").at("/spec/groups/0/rules/0"))
                                .put("expr", "sum(timeline_articles_lost_total) > 0")),
                new Breakage(Policies.METRICS_EXIST, "dashboard panel on an invented metric",
                        r -> data(r, "eventline-dashboard").put("eventline-pipeline.json",
                                data(r, "eventline-dashboard").get("eventline-pipeline.json").asText()
                                        .replace("timeline_consumer_lag_records", "timeline_consumer_backlog"))),
                new Breakage(Policies.PROD_MONITORING, "timeline not scraped",
                        r -> r.removeIf(o -> Resource.is(o, "ServiceMonitor", "timeline-service"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void shouldCatchTheBrokenManifest(Breakage breakage) {
        List<ObjectNode> resources = new ArrayList<>(Manifests.copy(PolicyTest.rendered(Manifests.Target.PROD)));
        assertThat(breakage.policy().check(Manifests.Target.PROD, resources)).as("before breaking").isEmpty();
        breakage.breakIt().accept(resources);
        List<String> violations = breakage.policy().check(Manifests.Target.PROD, resources);
        System.out.println(breakage + " -> " + violations);
        assertThat(violations).isNotEmpty();
    }

    @Test
    void shouldAcceptTracingSwitchedOnAsDeployReadmeSays() {
        List<ObjectNode> resources = new ArrayList<>(Manifests.copy(PolicyTest.rendered(Manifests.Target.PROD)));
        data(resources, "eventline-tracing").put("QUARKUS_OTEL_SDK_DISABLED", "false");

        assertThat(Policies.TRACING.check(Manifests.Target.PROD, resources)).isEmpty();
    }

    @Test
    void shouldBreakEveryPolicyOnce() {
        Set<Policies> broken = EnumSet.noneOf(Policies.class);
        breakages().forEach(b -> broken.add(b.policy()));
        assertThat(broken).containsExactlyInAnyOrder(Policies.values());
    }

    static List<Arguments> misspellings() {
        return List.of(
                Arguments.of("Deployment container field", "Deployment", "api-gateway", "/spec/template/spec/containers/0", "imagePolicy", "IfNotPresent"),
                Arguments.of("Deployment pod spec field", "Deployment", "timeline-service", "/spec/template/spec", "terminationGracePeriod", 60),
                Arguments.of("Service spec field", "Service", "api-gateway", "/spec", "selectr", "x"),
                Arguments.of("metadata field", "ConfigMap", "api-gateway-config", "/metadata", "label", "x"),
                Arguments.of("NetworkPolicy field", "NetworkPolicy", "default-deny-ingress", "/spec", "podSelectors", "x"),
                Arguments.of("HPA field", "HorizontalPodAutoscaler", "api-gateway", "/spec", "maxReplica", 3),
                Arguments.of("PDB field", "PodDisruptionBudget", "api-gateway", "/spec", "maxUnavailabe", 1),
                Arguments.of("Ingress field", "Ingress", "eventline", "/spec", "ingressClass", "nginx"),
                Arguments.of("Strimzi Kafka field", "Kafka", "eventline-kafka", "/spec/kafka", "listners", "x"),
                Arguments.of("Strimzi listener field", "Kafka", "eventline-kafka", "/spec/kafka/listeners/0", "authentification", "x"),
                Arguments.of("Strimzi node pool field", "KafkaNodePool", "dual-role", "/spec", "replica", 3),
                Arguments.of("Strimzi topic field", "KafkaTopic", "eventline-articles", "/spec", "partition", 3),
                Arguments.of("Strimzi user ACL field", "KafkaUser", "timeline-service", "/spec/authorization/acls/0", "operation_", "Read"),
                Arguments.of("CloudNativePG Cluster field", "Cluster", "eventline-db", "/spec", "instnces", 3),
                Arguments.of("CloudNativePG backup field", "ScheduledBackup", "eventline-db-nightly", "/spec", "schedul", "0 0 2 * * *"),
                Arguments.of("ServiceMonitor endpoint field", "ServiceMonitor", "api-gateway", "/spec/endpoints/0", "metricsPath", "/q/metrics"),
                Arguments.of("PodMonitor field", "PodMonitor", "eventline-db", "/spec", "podMetricEndpoints", "x"),
                Arguments.of("PrometheusRule rule field", "PrometheusRule", "eventline", "/spec/groups/0/rules/0", "expression", "up == 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misspellings")
    void shouldRefuseAnUnknownField(String what, String kind, String name, String pointer, String field, Object value) {
        ObjectNode r = find(Manifests.copy(PolicyTest.rendered(Manifests.Target.PROD)), kind, name);
        assertThat(ResourceValidator.validate(r)).as("before breaking").isEmpty();
        ObjectNode at = (ObjectNode) r.at(pointer);
        if (value instanceof Integer i) {
            at.put(field, i);
        } else {
            at.put(field, value.toString());
        }
        List<String> problems = ResourceValidator.validate(r);
        System.out.println(what + " -> " + problems);
        assertThat(problems).isNotEmpty();
    }

    static List<Arguments> wrongValues() {
        return List.of(
                Arguments.of("a quantity that is not one", "Deployment", "ingest-service", "/spec/template/spec/containers/0/resources/limits", "memory", "lots"),
                Arguments.of("a number as text", "Deployment", "ingest-service", "/spec/template/spec", "terminationGracePeriodSeconds", "long"),
                Arguments.of("a Strimzi enum value", "Kafka", "eventline-kafka", "/spec/kafka/listeners/0", "type", "internl"),
                Arguments.of("a CloudNativePG enum value", "Cluster", "eventline-db", "/spec", "primaryUpdateStrategy", "automatic"),
                Arguments.of("a Prometheus duration", "PrometheusRule", "eventline", "/spec/groups/0/rules/0", "for", "15 minutes"),
                Arguments.of("a five-field backup schedule", "ScheduledBackup", "eventline-db-nightly", "/spec", "schedule", "0 2 * * *"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongValues")
    void shouldRefuseAWrongValue(String what, String kind, String name, String pointer, String field, String value) {
        ObjectNode r = find(Manifests.copy(PolicyTest.rendered(Manifests.Target.PROD)), kind, name);
        ((ObjectNode) r.at(pointer)).put(field, value);
        List<String> problems = ResourceValidator.validate(r);
        System.out.println(what + " -> " + problems);
        assertThat(problems).isNotEmpty();
    }

    @Test
    void shouldRefuseAKindWithoutModel() {
        assertThat(ResourceValidator.validate(object("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n"))).isNotEmpty();
        assertThat(ResourceValidator.validate(object("apiVersion: apps/v1\nkind: Deploymnt\nmetadata: {name: w}\n"))).isNotEmpty();
    }

    @Test
    void shouldRefuseKustomizeFeaturesOutsideTheSubset(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [cm.yaml]
                commonAnnotations: {a: b}
                """);
        assertThatThrownBy(() -> Kustomize.build(dir)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("commonAnnotations");
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [cm.yaml]
                patches:
                  - target: {kind: ConfigMap, name: nothing}
                    patch: '[{"op": "add", "path": "/data", "value": {}}]'
                """);
        assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("matches nothing");
    }

    // --- helpers -----------------------------------------------------------------------------

    private static ObjectNode find(List<ObjectNode> resources, String kind, String name) {
        return Policies.find(resources, kind, name).orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static ObjectNode podSpec(List<ObjectNode> resources, String deployment) {
        return (ObjectNode) Policies.podSpec(find(resources, "Deployment", deployment));
    }

    private static ObjectNode container(List<ObjectNode> resources, String deployment) {
        return (ObjectNode) podSpec(resources, deployment).get("containers").get(0);
    }

    private static ObjectNode data(List<ObjectNode> resources, String configMap) {
        return (ObjectNode) find(resources, "ConfigMap", configMap).get("data");
    }

    private static ObjectNode object(String yaml) {
        JsonNode node = Yamls.readAll(yaml).get(0);
        return (ObjectNode) node;
    }
}
