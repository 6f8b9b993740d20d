package io.eventline.manifests;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where deploy/k8s is, its kustomizations, and what they render to. */
final class Manifests {

    static final Path ROOT = Path.of(System.getProperty("eventline.k8s", "../k8s")).toAbsolutePath().normalize();

    /** The kustomizations an operator applies, and the base they share. */
    enum Target {
        BASE("base"), DEV("overlays/dev"), PROD("overlays/prod");

        final String path;

        Target(String path) {
            this.path = path;
        }

        Path dir() {
            return ROOT.resolve(path);
        }

        boolean overlay() {
            return this != BASE;
        }
    }

    private Manifests() {
    }

    static List<ObjectNode> render(Target target) {
        return Kustomize.build(target.dir());
    }

    /** Every YAML file under deploy/k8s. */
    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every kustomization directory under deploy/k8s. */
    static List<Path> kustomizations() {
        List<Path> dirs = new ArrayList<>();
        for (Path file : yamlFiles()) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                dirs.add(file.getParent());
            }
        }
        return dirs;
    }

    static List<ObjectNode> copy(List<ObjectNode> resources) {
        return resources.stream().map(ObjectNode::deepCopy).toList();
    }
}
