package io.eventline.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operational rules every rendering of deploy/k8s must keep. Each rule answers its violations
 * (empty: kept); {@code BrokenManifestTest} breaks a manifest for each one and sees it fail.
 */
enum Policies {

    /** Startup, liveness and readiness probes on the Quarkus health endpoints. */
    PROBES(Scope.ALL, r -> forEachContainer(r, (d, c, out) -> {
        probe(c, "startupProbe", "/q/health/started", d, out);
        probe(c, "livenessProbe", "/q/health/live", d, out);
        probe(c, "readinessProbe", "/q/health/ready", d, out);
    })),

    /** CPU and memory requests and limits on every container. */
    RESOURCES(Scope.ALL, r -> forEachContainer(r, (d, c, out) -> {
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (!c.path("resources").path(kind).hasNonNull(resource)) {
                    out.add(where(d, c) + " has no " + kind + "." + resource);
                }
            }
        }
    })),

    /** The restricted Pod Security Standard, and the writable paths mounted since the root is read-only. */
    RESTRICTED_SECURITY(Scope.ALL, r -> forEachContainer(r, (d, c, out) -> {
        JsonNode pod = podSpec(d);
        JsonNode podSc = pod.path("securityContext");
        JsonNode sc = c.path("securityContext");
        if (!(sc.path("runAsNonRoot").asBoolean(false) || podSc.path("runAsNonRoot").asBoolean(false))) {
            out.add(where(d, c) + ": runAsNonRoot is not true");
        }
        if (sc.path("runAsUser").asInt(podSc.path("runAsUser").asInt(-1)) == 0) {
            out.add(where(d, c) + ": runs as user 0");
        }
        String seccomp = sc.path("seccompProfile").path("type").asText(podSc.path("seccompProfile").path("type").asText(""));
        if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
            out.add(where(d, c) + ": seccompProfile is not RuntimeDefault");
        }
        if (!sc.path("allowPrivilegeEscalation").isBoolean() || sc.path("allowPrivilegeEscalation").asBoolean()) {
            out.add(where(d, c) + ": allowPrivilegeEscalation is not false");
        }
        if (sc.path("privileged").asBoolean(false)) {
            out.add(where(d, c) + ": privileged");
        }
        if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
            out.add(where(d, c) + ": root filesystem is not read-only");
        }
        Set<String> dropped = texts(sc.path("capabilities").path("drop"));
        if (!dropped.contains("ALL")) {
            out.add(where(d, c) + ": capabilities do not drop ALL");
        }
        for (String added : texts(sc.path("capabilities").path("add"))) {
            if (!added.equals("NET_BIND_SERVICE")) {
                out.add(where(d, c) + ": adds capability " + added);
            }
        }
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (pod.path(host).asBoolean(false)) {
                out.add(Resource.id(d) + ": " + host);
            }
        }
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("hostPath")) {
                out.add(Resource.id(d) + ": hostPath volume " + volume.path("name").asText());
            }
        }
        boolean tmp = false;
        for (JsonNode mount : c.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                String volume = mount.path("name").asText();
                for (JsonNode v : pod.path("volumes")) {
                    tmp |= v.path("name").asText().equals(volume) && v.has("emptyDir");
                }
            }
        }
        if (!tmp) {
            out.add(where(d, c) + ": /tmp is not a writable emptyDir (the root filesystem is read-only)");
        }
    })),

    /** The heap follows the container's memory limit: a RAM percentage, never a fixed -Xmx. */
    JVM_MEMORY(Scope.ALL, r -> forEachContainer(r, (d, c, out) -> {
        String options = env(r, d, c, "JAVA_TOOL_OPTIONS").orElse("");
        if (!options.contains("-XX:MaxRAMPercentage=")) {
            out.add(where(d, c) + ": JAVA_TOOL_OPTIONS sets no -XX:MaxRAMPercentage");
        }
        if (options.contains("-Xmx")) {
            out.add(where(d, c) + ": JAVA_TOOL_OPTIONS fixes the heap with -Xmx, which ignores the memory limit");
        }
    })),

    /** Long enough to leave the Service, finish in-flight requests and let the consumer commit. */
    GRACEFUL_TERMINATION(Scope.ALL, r -> forEachContainer(r, (d, c, out) -> {
        long grace = podSpec(d).path("terminationGracePeriodSeconds").asLong(30);
        long preStop = c.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong(0);
        if (preStop < 5) {
            out.add(where(d, c) + ": no preStop pause of at least 5 s before SIGTERM (endpoints must be removed first)");
        }
        Optional<String> http = env(r, d, c, "QUARKUS_SHUTDOWN_TIMEOUT");
        if (http.isEmpty()) {
            out.add(where(d, c) + ": QUARKUS_SHUTDOWN_TIMEOUT unset: in-flight requests are cut at SIGTERM");
        }
        long needed = preStop + http.map(Policies::seconds).orElse(0L)
                + env(r, d, c, "EVENTLINE_TIMELINE_CONSUMER_SHUTDOWN_TIMEOUT").map(Policies::seconds).orElse(0L);
        if (Resource.name(d).equals("timeline-service") && env(r, d, c, "EVENTLINE_TIMELINE_CONSUMER_SHUTDOWN_TIMEOUT").isEmpty()) {
            out.add(where(d, c) + ": EVENTLINE_TIMELINE_CONSUMER_SHUTDOWN_TIMEOUT unset");
        }
        if (grace < needed + 5) {
            out.add(Resource.id(d) + ": terminationGracePeriodSeconds " + grace + " < " + (needed + 5)
                    + " (preStop + request drain + consumer drain + 5 s)");
        }
    })),

    /** Each workload runs as its own ServiceAccount, with no API token mounted. */
    SERVICE_ACCOUNTS(Scope.ALL, r -> {
        List<String> out = new ArrayList<>();
        for (ObjectNode d : kind(r, "Deployment")) {
            String account = podSpec(d).path("serviceAccountName").asText();
            if (account.isEmpty() || find(r, "ServiceAccount", account).isEmpty()) {
                out.add(Resource.id(d) + ": no ServiceAccount of its own");
            }
            if (podSpec(d).path("automountServiceAccountToken").asBoolean(true)) {
                out.add(Resource.id(d) + ": mounts a Kubernetes API token it does not use");
            }
            if (kind(r, "Service").stream().noneMatch(s -> selects(s.path("spec").path("selector"), d))) {
                out.add(Resource.id(d) + ": no Service selects its pods");
            }
        }
        return out;
    }),

    /**
     * No Secret is committed; secret values reach containers only by secretKeyRef, or, for a
     * {@code *_FILE} variable, as a path inside a volume mounted from a Secret (the gateway's keys file).
     */
    NO_SECRET_VALUES(Scope.ALL, r -> {
        List<String> out = new ArrayList<>();
        for (ObjectNode s : kind(r, "Secret")) {
            if (s.has("data") || s.has("stringData")) {
                out.add(Resource.id(s) + " carries values; document it in deploy/README.md instead");
            }
        }
        Pattern secretish = Pattern.compile("(?i).*(KEY|PASSWORD|SECRET|TOKEN|JAAS|CREDENTIAL).*");
        for (ObjectNode cm : kind(r, "ConfigMap")) {
            cm.path("data").fieldNames().forEachRemaining(key -> {
                if (secretish.matcher(key).matches()) {
                    out.add(Resource.id(cm) + " holds " + key + ", which belongs in a Secret");
                }
            });
        }
        out.addAll(forEachContainer(r, (d, c, o) -> {
            for (JsonNode e : c.path("env")) {
                String name = e.path("name").asText();
                boolean fromSecret = e.path("valueFrom").has("secretKeyRef")
                        || name.endsWith("_FILE") && inSecretVolume(d, c, e.path("value").asText());
                if (secretish.matcher(name).matches() && !fromSecret) {
                    o.add(where(d, c) + ": " + e.path("name").asText() + " is not read from a Secret");
                }
            }
        }));
        return out;
    }),

    /** Every image comes from the overlay's one images list (base: a logical name every overlay maps). */
    IMAGES_FROM_ONE_LIST(Scope.ALL, null),

    /** Deny by default; the gateway only from the ingress controller; each backend only from its clients. */
    NETWORK_POLICIES(Scope.ALL, r -> {
        List<String> out = new ArrayList<>();
        List<ObjectNode> policies = kind(r, "NetworkPolicy");
        boolean denyAll = policies.stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && texts(p.path("spec").path("policyTypes")).contains("Ingress") && p.path("spec").path("ingress").isEmpty());
        if (!denyAll) {
            out.add("no default-deny ingress NetworkPolicy (podSelector {}, policyTypes [Ingress], no rule)");
        }
        Map<String, Set<String>> allowedPeers = Map.of(
                "api-gateway", Set.of("namespace:ingress-nginx", "namespace:monitoring"),
                "ingest-service", Set.of("pod:api-gateway", "namespace:monitoring"),
                "timeline-service", Set.of("pod:api-gateway", "namespace:monitoring"));
        for (ObjectNode d : kind(r, "Deployment")) {
            String name = Resource.name(d);
            boolean covered = false;
            for (ObjectNode p : policies) {
                if (!p.path("spec").path("podSelector").isEmpty() && selects(p.path("spec").path("podSelector"), d)
                        && texts(p.path("spec").path("policyTypes")).contains("Ingress")) {
                    covered = true;
                    for (JsonNode rule : p.path("spec").path("ingress")) {
                        if (rule.path("from").isEmpty()) {
                            out.add(Resource.id(p) + " lets anyone reach " + name);
                        }
                        for (JsonNode peer : rule.path("from")) {
                            String id = peerId(peer);
                            if (!allowedPeers.getOrDefault(name, Set.of()).contains(id)) {
                                out.add(Resource.id(p) + " lets " + id + " reach " + name);
                            }
                        }
                    }
                }
            }
            if (!covered) {
                out.add(Resource.id(d) + ": no ingress NetworkPolicy names its pods");
            }
        }
        for (ObjectNode p : policies) {
            if (p.path("spec").path("podSelector").path("matchLabels").path("cnpg.io/cluster").isTextual()) {
                for (JsonNode rule : p.path("spec").path("ingress")) {
                    for (JsonNode peer : rule.path("from")) {
                        String id = peerId(peer);
                        if (!Set.of("pod:timeline-service", "cnpg:eventline-db", "namespace:cnpg-system", "namespace:monitoring").contains(id)) {
                            out.add(Resource.id(p) + " lets " + id + " reach PostgreSQL");
                        }
                    }
                }
            }
        }
        for (ObjectNode kafka : kind(r, "Kafka")) {
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                Set<String> peers = new HashSet<>();
                listener.path("networkPolicyPeers").forEach(peer -> peers.add(peerId(peer)));
                if (!peers.equals(Set.of("pod:ingest-service", "pod:timeline-service"))) {
                    out.add(Resource.id(kafka) + " listener " + listener.path("name").asText()
                            + ": networkPolicyPeers " + peers + " (only the two services may connect)");
                }
            }
        }
        return out;
    }),

    /**
     * Every service takes the one tracing setting (ConfigMap eventline-tracing); where tracing is on, an
     * OTLP endpoint is named and an egress NetworkPolicy lets the service reach its port.
     */
    TRACING(Scope.ALL, r -> forEachContainer(r, (d, c, out) -> {
        Optional<String> disabled = env(r, d, c, "QUARKUS_OTEL_SDK_DISABLED");
        if (disabled.isEmpty()) {
            out.add(where(d, c) + " takes no tracing setting (QUARKUS_OTEL_SDK_DISABLED, ConfigMap eventline-tracing)");
            return;
        }
        if (disabled.get().equals("true")) {
            return;
        }
        Optional<String> endpoint = env(r, d, c, "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
        if (endpoint.isEmpty()) {
            out.add(where(d, c) + ": tracing on without QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
            return;
        }
        int port = java.net.URI.create(endpoint.get()).getPort();
        int collectorPort = port == -1 ? 4317 : port;
        boolean reachable = kind(r, "NetworkPolicy").stream().anyMatch(p -> selects(p.path("spec").path("podSelector"), d)
                && texts(p.path("spec").path("policyTypes")).contains("Egress")
                && p.path("spec").path("egress").findValues("port").stream().anyMatch(v -> v.asInt() == collectorPort));
        if (!reachable) {
            out.add(where(d, c) + ": tracing on, but no egress NetworkPolicy lets it reach port " + collectorPort
                    + " of " + endpoint.get());
        }
    })),

    /** Only api-gateway is exposed, over TLS. */
    INGRESS_TLS_GATEWAY_ONLY(Scope.ALL, r -> {
        List<String> out = new ArrayList<>();
        List<ObjectNode> ingresses = kind(r, "Ingress");
        if (ingresses.isEmpty()) {
            out.add("no Ingress for api-gateway");
        }
        for (ObjectNode ingress : ingresses) {
            if (ingress.path("spec").path("tls").isEmpty()) {
                out.add(Resource.id(ingress) + " has no TLS");
            }
            Set<String> tlsHosts = new HashSet<>();
            ingress.path("spec").path("tls").forEach(t -> tlsHosts.addAll(texts(t.path("hosts"))));
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                if (!tlsHosts.contains(rule.path("host").asText())) {
                    out.add(Resource.id(ingress) + ": host " + rule.path("host").asText() + " is not covered by TLS");
                }
                for (JsonNode path : rule.path("http").path("paths")) {
                    String backend = path.path("backend").path("service").path("name").asText();
                    if (!backend.equals("api-gateway")) {
                        out.add(Resource.id(ingress) + " exposes " + backend);
                    }
                }
            }
        }
        for (ObjectNode service : kind(r, "Service")) {
            String type = service.path("spec").path("type").asText("ClusterIP");
            if (!type.equals("ClusterIP")) {
                out.add(Resource.id(service) + " is of type " + type);
            }
        }
        return out;
    }),

    /** The namespace enforces the restricted Pod Security Standard. */
    NAMESPACE_RESTRICTED(Scope.OVERLAYS, r -> {
        List<String> out = new ArrayList<>();
        List<ObjectNode> namespaces = kind(r, "Namespace");
        if (namespaces.isEmpty()) {
            out.add("the overlay creates no Namespace");
        }
        for (ObjectNode ns : namespaces) {
            if (!ns.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText().equals("restricted")) {
                out.add(Resource.id(ns) + " does not enforce the restricted Pod Security Standard");
            }
        }
        return out;
    }),

    /** Topics exist with the partitions and replication ingest is configured for; enough brokers for them. */
    TOPICS(Scope.ALL, r -> {
        List<String> out = new ArrayList<>();
        Map<String, JsonNode> topics = new java.util.HashMap<>();
        kind(r, "KafkaTopic").forEach(t -> topics.put(t.path("spec").path("topicName").asText(Resource.name(t)), t));
        for (String needed : List.of("eventline.articles", "eventline.articles.dlt")) {
            if (!topics.containsKey(needed)) {
                out.add("no KafkaTopic " + needed);
            }
        }
        int brokers = kind(r, "KafkaNodePool").stream().mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
        for (JsonNode t : topics.values()) {
            int replicas = t.path("spec").path("replicas").asInt();
            int minIsr = t.path("spec").path("config").path("min.insync.replicas").asInt(1);
            if (replicas > brokers) {
                out.add(Resource.id(t) + ": " + replicas + " replicas on " + brokers + " brokers");
            }
            if (minIsr > replicas) {
                out.add(Resource.id(t) + ": min.insync.replicas " + minIsr + " > replicas " + replicas);
            }
        }
        JsonNode articles = topics.get("eventline.articles");
        find(r, "ConfigMap", "ingest-service-config").ifPresent(cm -> {
            if (articles != null && !cm.path("data").path("EVENTLINE_INGEST_TOPIC_PARTITIONS").asText()
                    .equals(articles.path("spec").path("partitions").asText())) {
                out.add("ingest-service-config EVENTLINE_INGEST_TOPIC_PARTITIONS differs from the topic's partitions");
            }
            if (articles != null && !cm.path("data").path("EVENTLINE_INGEST_TOPIC_REPLICATION_FACTOR").asText()
                    .equals(articles.path("spec").path("replicas").asText())) {
                out.add("ingest-service-config EVENTLINE_INGEST_TOPIC_REPLICATION_FACTOR differs from the topic's replicas");
            }
        });
        return out;
    }),

    /** Production: every topic replicated three times, two in sync for a write; so is Kafka's default. */
    PROD_TOPIC_DURABILITY(Scope.PROD, r -> {
        List<String> out = new ArrayList<>();
        for (ObjectNode t : kind(r, "KafkaTopic")) {
            if (t.path("spec").path("replicas").asInt() < 3) {
                out.add(Resource.id(t) + ": replicas " + t.path("spec").path("replicas").asInt() + " < 3");
            }
            if (t.path("spec").path("config").path("min.insync.replicas").asInt() != 2) {
                out.add(Resource.id(t) + ": min.insync.replicas is not 2");
            }
        }
        for (ObjectNode k : kind(r, "Kafka")) {
            if (k.path("spec").path("kafka").path("config").path("min.insync.replicas").asInt() < 2) {
                out.add(Resource.id(k) + ": broker default min.insync.replicas < 2");
            }
        }
        if (kind(r, "KafkaNodePool").stream().mapToInt(p -> p.path("spec").path("replicas").asInt()).sum() < 3) {
            out.add("fewer than three Kafka nodes");
        }
        for (ObjectNode c : kind(r, "Cluster")) {
            if (c.path("spec").path("instances").asInt() < 3) {
                out.add(Resource.id(c) + ": fewer than three PostgreSQL instances");
            }
        }
        return out;
    }),

    /** Production: a PodDisruptionBudget and an HPA per Deployment; never more consumers than partitions. */
    PROD_AVAILABILITY(Scope.PROD, r -> {
        List<String> out = new ArrayList<>();
        for (ObjectNode d : kind(r, "Deployment")) {
            if (kind(r, "PodDisruptionBudget").stream().noneMatch(p -> selects(p.path("spec").path("selector").path("matchLabels"), d))) {
                out.add(Resource.id(d) + " has no PodDisruptionBudget");
            }
            Optional<ObjectNode> hpa = kind(r, "HorizontalPodAutoscaler").stream()
                    .filter(h -> h.path("spec").path("scaleTargetRef").path("name").asText().equals(Resource.name(d))).findFirst();
            if (hpa.isEmpty()) {
                out.add(Resource.id(d) + " has no HorizontalPodAutoscaler");
            } else if (hpa.get().path("spec").path("minReplicas").asInt(1) < 2) {
                out.add(Resource.id(d) + ": HPA minReplicas < 2");
            }
            if (d.path("spec").has("replicas")) {
                out.add(Resource.id(d) + " sets spec.replicas, which would fight its HPA on every apply");
            }
            JsonNode spread = podSpec(d).path("topologySpreadConstraints");
            Set<String> keys = new HashSet<>();
            spread.forEach(s -> keys.add(s.path("topologyKey").asText()));
            if (!keys.containsAll(Set.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"))) {
                out.add(Resource.id(d) + " is not spread over nodes and zones");
            }
        }
        int partitions = kind(r, "KafkaTopic").stream()
                .filter(t -> t.path("spec").path("topicName").asText().equals("eventline.articles"))
                .mapToInt(t -> t.path("spec").path("partitions").asInt()).findFirst().orElse(0);
        find(r, "HorizontalPodAutoscaler", "timeline-service").ifPresent(h -> {
            if (h.path("spec").path("maxReplicas").asInt() > partitions) {
                out.add("timeline-service HPA maxReplicas " + h.path("spec").path("maxReplicas").asInt()
                        + " > " + partitions + " partitions of eventline.articles: consumers would idle");
            }
        });
        return out;
    }),

    /** Production: TLS + SCRAM on every listener, ACLs on, each client a KafkaUser limited to its own topics. */
    PROD_KAFKA_SECURITY(Scope.PROD, r -> {
        List<String> out = new ArrayList<>();
        for (ObjectNode k : kind(r, "Kafka")) {
            for (JsonNode l : k.path("spec").path("kafka").path("listeners")) {
                if (!l.path("tls").asBoolean(false) || !l.path("authentication").path("type").asText().startsWith("scram")) {
                    out.add(Resource.id(k) + " listener " + l.path("name").asText() + " is not TLS with SCRAM");
                }
            }
            if (!k.path("spec").path("kafka").path("authorization").path("type").asText().equals("simple")) {
                out.add(Resource.id(k) + ": ACLs are not enforced (authorization simple)");
            }
        }
        Map<String, Set<String>> allowed = Map.of(
                "ingest-service", Set.of("topic:eventline.articles"),
                "timeline-service", Set.of("topic:eventline.articles", "topic:eventline.articles.dlt", "group:timeline-service"));
        for (String client : allowed.keySet()) {
            Optional<ObjectNode> user = find(r, "KafkaUser", client);
            if (user.isEmpty()) {
                out.add("no KafkaUser " + client);
                continue;
            }
            for (JsonNode acl : user.get().path("spec").path("authorization").path("acls")) {
                String resource = acl.path("resource").path("type").asText() + ":" + acl.path("resource").path("name").asText();
                if (!allowed.get(client).contains(resource) || !acl.path("resource").path("patternType").asText("literal").equals("literal")) {
                    out.add("KafkaUser " + client + " may reach " + resource);
                }
                if (texts(acl.path("operations")).contains("All")) {
                    out.add("KafkaUser " + client + " has All operations on " + resource);
                }
            }
            find(r, "Deployment", client).ifPresent(d -> {
                boolean readsSecret = false;
                for (JsonNode e : podSpec(d).path("containers").path(0).path("env")) {
                    readsSecret |= e.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")
                            && e.path("valueFrom").path("secretKeyRef").path("name").asText().equals(client);
                }
                if (!readsSecret) {
                    out.add(Resource.id(d) + " does not authenticate as KafkaUser " + client);
                }
            });
        }
        return out;
    }),

    /** Alerts name only metrics that exist; the dashboard may show a pending one, saying so. */
    METRICS_EXIST(Scope.ALL, r -> {
        List<String> out = new ArrayList<>();
        Map<String, String> known = PromQL.knownMetrics();
        for (ObjectNode rule : kind(r, "PrometheusRule")) {
            for (JsonNode group : rule.path("spec").path("groups")) {
                for (JsonNode alert : group.path("rules")) {
                    for (String metric : PromQL.metricNames(alert.path("expr").asText())) {
                        String status = known.get(metric);
                        if (status == null || status.equals("pending")) {
                            out.add("alert " + alert.path("alert").asText() + " reads " + metric
                                    + (status == null ? ", which nothing exports" : ", which is not exported yet"));
                        }
                    }
                }
            }
        }
        for (ObjectNode cm : kind(r, "ConfigMap")) {
            cm.path("data").fields().forEachRemaining(e -> {
                if (!e.getKey().endsWith(".json")) {
                    return;
                }
                JsonNode dashboard;
                try {
                    dashboard = Yamls.JSON.readTree(e.getValue().asText());
                } catch (IOException ex) {
                    out.add(Resource.id(cm) + ": " + e.getKey() + " is not JSON: " + ex.getMessage());
                    return;
                }
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        for (String metric : PromQL.metricNames(target.path("expr").asText())) {
                            String status = known.get(metric);
                            if (status == null) {
                                out.add("panel '" + panel.path("title").asText() + "' reads " + metric + ", which nothing exports");
                            } else if (status.equals("pending") && !panel.path("description").asText().contains("PENDING")) {
                                out.add("panel '" + panel.path("title").asText() + "' reads pending " + metric + " without saying so");
                            }
                        }
                    }
                }
            });
        }
        return out;
    }),

    /** Production: Prometheus scrapes every service. */
    PROD_MONITORING(Scope.PROD, r -> {
        List<String> out = new ArrayList<>();
        for (ObjectNode s : kind(r, "Service")) {
            boolean scraped = kind(r, "ServiceMonitor").stream().anyMatch(m ->
                    selectsLabels(m.path("spec").path("selector").path("matchLabels"), s.path("metadata").path("labels"))
                            && m.path("spec").path("endpoints").path(0).path("path").asText().equals("/q/metrics"));
            if (!scraped) {
                out.add(Resource.id(s) + " has no ServiceMonitor for /q/metrics");
            }
        }
        if (kind(r, "PrometheusRule").isEmpty()) {
            out.add("no PrometheusRule");
        }
        return out;
    });

    /** Where a rule applies: every rendering, the overlays (not the base alone), or production only. */
    enum Scope { ALL, OVERLAYS, PROD }

    final Scope scope;
    private final Function<List<ObjectNode>, List<String>> check;

    Policies(Scope scope, Function<List<ObjectNode>, List<String>> check) {
        this.scope = scope;
        this.check = check;
    }

    boolean appliesTo(Manifests.Target target) {
        return switch (scope) {
            case ALL -> true;
            case OVERLAYS -> target.overlay();
            case PROD -> target == Manifests.Target.PROD;
        };
    }

    List<String> check(Manifests.Target target, List<ObjectNode> resources) {
        if (this == IMAGES_FROM_ONE_LIST) {
            return images(target, resources);
        }
        return check.apply(resources);
    }

    // --- images ------------------------------------------------------------------------------

    private static List<String> images(Manifests.Target target, List<ObjectNode> resources) {
        List<String> out = new ArrayList<>();
        List<JsonNode> list = new ArrayList<>();
        Yamls.readAll(target.dir().resolve("kustomization.yaml")).get(0).path("images").forEach(list::add);
        if (target == Manifests.Target.BASE && !list.isEmpty()) {
            out.add("base sets images; only an overlay's images list may");
        }
        Set<String> expected = new HashSet<>();
        for (JsonNode image : list) {
            String name = image.path("newName").asText(image.path("name").asText());
            expected.add(image.hasNonNull("digest") ? name + "@" + image.get("digest").asText() : name + ":" + image.path("newTag").asText());
        }
        out.addAll(forEachContainer(resources, (d, c, o) -> {
            String image = c.path("image").asText();
            if (target == Manifests.Target.BASE) {
                if (!image.matches("eventline/[a-z-]+")) {
                    o.add(where(d, c) + ": base image " + image + " is not a logical name eventline/<service> without tag");
                }
                for (Manifests.Target overlay : List.of(Manifests.Target.DEV, Manifests.Target.PROD)) {
                    boolean mapped = false;
                    for (JsonNode i : Yamls.readAll(overlay.dir().resolve("kustomization.yaml")).get(0).path("images")) {
                        mapped |= i.path("name").asText().equals(image);
                    }
                    if (!mapped) {
                        o.add(where(d, c) + ": " + image + " is not in the images list of " + overlay.path);
                    }
                }
            } else if (!expected.contains(image)) {
                o.add(where(d, c) + ": image " + image + " does not come from the overlay's images list " + expected);
            } else if (image.endsWith(":latest")) {
                o.add(where(d, c) + ": image tag latest");
            }
        }));
        return out;
    }

    // --- helpers -----------------------------------------------------------------------------

    interface ContainerCheck {
        void check(ObjectNode deployment, JsonNode container, List<String> out);
    }

    /** Whether {@code path} lies under a mount of the container whose volume is a Secret. */
    static boolean inSecretVolume(ObjectNode deployment, JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            String dir = mount.path("mountPath").asText();
            if (!dir.isEmpty() && path.startsWith(dir.endsWith("/") ? dir : dir + "/")) {
                for (JsonNode volume : podSpec(deployment).path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("secret")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static List<String> forEachContainer(List<ObjectNode> resources, ContainerCheck check) {
        List<String> out = new ArrayList<>();
        for (ObjectNode d : kind(resources, "Deployment")) {
            for (JsonNode c : podSpec(d).path("containers")) {
                check.check(d, c, out);
            }
            for (JsonNode c : podSpec(d).path("initContainers")) {
                check.check(d, c, out);
            }
        }
        if (kind(resources, "Deployment").isEmpty()) {
            out.add("no Deployment at all");
        }
        return out;
    }

    static List<ObjectNode> kind(List<ObjectNode> resources, String kind) {
        return resources.stream().filter(r -> Resource.kind(r).equals(kind)).toList();
    }

    static Optional<ObjectNode> find(List<ObjectNode> resources, String kind, String name) {
        return resources.stream().filter(r -> Resource.is(r, kind, name)).findFirst();
    }

    static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    private static String where(JsonNode d, JsonNode c) {
        return Resource.id(d) + " container " + c.path("name").asText();
    }

    private static void probe(JsonNode c, String field, String path, JsonNode d, List<String> out) {
        JsonNode probe = c.path(field);
        if (probe.isMissingNode()) {
            out.add(where(d, c) + " has no " + field);
        } else if (!probe.path("httpGet").path("path").asText().equals(path)) {
            out.add(where(d, c) + ": " + field + " does not call " + path);
        }
    }

    /** A variable's value from the container's env or the ConfigMaps it takes whole. */
    private static Optional<String> env(List<ObjectNode> resources, JsonNode d, JsonNode c, String name) {
        for (JsonNode e : c.path("env")) {
            if (e.path("name").asText().equals(name) && e.has("value")) {
                return Optional.of(e.get("value").asText());
            }
        }
        for (JsonNode from : c.path("envFrom")) {
            String cm = from.path("configMapRef").path("name").asText();
            Optional<ObjectNode> map = find(resources, "ConfigMap", cm);
            if (map.isPresent() && map.get().path("data").has(name)) {
                return Optional.of(map.get().path("data").get(name).asText());
            }
        }
        return Optional.empty();
    }

    private static long seconds(String duration) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m)").matcher(duration.trim());
        if (!m.matches()) {
            return Long.MAX_VALUE / 4;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> (n + 999) / 1000;
            case "m" -> Duration.ofMinutes(n).toSeconds();
            default -> n;
        };
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Whether a matchLabels-style selector selects the pods of a Deployment. */
    static boolean selects(JsonNode selector, JsonNode deployment) {
        JsonNode matchLabels = selector.has("matchLabels") ? selector.get("matchLabels")
                : selector.has("matchExpressions") ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : selector;
        if (selector.has("matchExpressions")) {
            JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
            for (JsonNode expression : selector.get("matchExpressions")) {
                String value = labels.path(expression.path("key").asText()).asText(null);
                if (expression.path("operator").asText().equals("In") && !texts(expression.path("values")).contains(value)) {
                    return false;
                }
            }
        }
        return selectsLabels(matchLabels, deployment.path("spec").path("template").path("metadata").path("labels"));
    }

    static boolean selectsLabels(JsonNode matchLabels, JsonNode labels) {
        if (matchLabels.isMissingNode()) {
            return true;
        }
        var it = matchLabels.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!labels.path(e.getKey()).asText("\u0000").equals(e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    /** A short name for a NetworkPolicy peer: pod:<app name>, namespace:<name>, cnpg:<cluster>, or its JSON. */
    private static String peerId(JsonNode peer) {
        JsonNode pod = peer.path("podSelector").path("matchLabels");
        JsonNode ns = peer.path("namespaceSelector").path("matchLabels");
        if (peer.has("ipBlock")) {
            return "ipBlock:" + peer.get("ipBlock").path("cidr").asText();
        }
        if (peer.has("namespaceSelector")) {
            return ns.has("kubernetes.io/metadata.name") && !peer.has("podSelector")
                    ? "namespace:" + ns.get("kubernetes.io/metadata.name").asText() : "other:" + peer;
        }
        if (pod.has("app.kubernetes.io/name") && pod.size() == 1) {
            return "pod:" + pod.get("app.kubernetes.io/name").asText();
        }
        if (pod.has("cnpg.io/cluster") && pod.size() == 1) {
            return "cnpg:" + pod.get("cnpg.io/cluster").asText();
        }
        return "other:" + peer;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
