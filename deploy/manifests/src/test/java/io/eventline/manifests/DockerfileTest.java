package io.eventline.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfiles (read, not built: no Docker engine here) agree with the manifests: pinned base,
 * the non-root user the pods run as, the port they expose, and an exec-form entrypoint so SIGTERM
 * reaches the JVM.
 */
class DockerfileTest {

    static final Path ROOT = Path.of(System.getProperty("eventline.root", "../..")).toAbsolutePath().normalize();

    static List<String> problems(String service, String dockerfile, List<ObjectNode> rendered) {
        List<String> out = new ArrayList<>();
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile);
        if (!from.find()) {
            out.add(service + ": no FROM");
        } else if (!from.group(1).matches(".+:[0-9][^:]*") || from.group(1).endsWith(":latest")) {
            out.add(service + ": base image " + from.group(1) + " is not pinned to a version");
        }
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        String lastUser = null;
        while (user.find()) {
            lastUser = user.group(1);
        }
        JsonNode deployment = Policies.find(rendered, "Deployment", service).orElseThrow();
        String runAsUser = Policies.podSpec(deployment).path("securityContext").path("runAsUser").asText();
        if (lastUser == null || lastUser.equals("0") || lastUser.equals("root")) {
            out.add(service + ": runs as root");
        } else if (!lastUser.equals(runAsUser)) {
            out.add(service + ": USER " + lastUser + " but the pod runs as " + runAsUser);
        }
        Matcher expose = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)").matcher(dockerfile);
        String port = Policies.podSpec(deployment).path("containers").path(0).path("ports").path(0).path("containerPort").asText();
        if (!expose.find() || !expose.group(1).equals(port)) {
            out.add(service + ": EXPOSE differs from containerPort " + port);
        }
        if (!Pattern.compile("(?m)^ENTRYPOINT\\s+\\[\"java\"").matcher(dockerfile).find()) {
            out.add(service + ": ENTRYPOINT is not java in exec form (a shell would not pass SIGTERM on)");
        }
        if (!dockerfile.contains("target/quarkus-app/")) {
            out.add(service + ": does not copy the Quarkus fast-jar");
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-gateway", "ingest-service", "timeline-service"})
    void shouldAgreeWithTheManifests(String service) throws Exception {
        String dockerfile = Files.readString(ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
        assertThat(problems(service, dockerfile, PolicyTest.rendered(Manifests.Target.PROD))).isEmpty();
    }

    @Test
    void shouldCatchABrokenDockerfile() throws Exception {
        String good = Files.readString(ROOT.resolve("api-gateway/src/main/docker/Dockerfile.jvm"));
        List<ObjectNode> prod = PolicyTest.rendered(Manifests.Target.PROD);
        assertThat(problems("api-gateway", good.replaceAll("(?m)^USER 185", "USER root"), prod)).isNotEmpty();
        assertThat(problems("api-gateway", good.replaceAll("openjdk-17-runtime:1.24", "openjdk-17-runtime:latest"), prod)).isNotEmpty();
        assertThat(problems("api-gateway", good.replaceAll("(?m)^ENTRYPOINT .*", "ENTRYPOINT java -jar /deployments/quarkus-run.jar"), prod)).isNotEmpty();
        assertThat(problems("api-gateway", good.replaceAll("(?m)^EXPOSE 8080", "EXPOSE 9000"), prod)).isNotEmpty();
    }
}
