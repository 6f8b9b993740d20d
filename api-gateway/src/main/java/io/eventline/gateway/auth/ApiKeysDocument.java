package io.eventline.gateway.auth;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The keys file: which clients exist, what each may do, and the SHA-256 digests of their keys. YAML (so
 * JSON too, which is YAML). It never holds a key itself, so it can live in a Kubernetes Secret, a
 * repository of manifests or a ticket without giving anyone access.
 *
 * <pre>
 * keys:
 *   - name: newsroom
 *     scopes: ["articles:write"]
 *     sha256:
 *       - "9f2c..."   # the current key
 *       - "41ab..."   # the previous key, until every client has switched
 * </pre>
 */
public final class ApiKeysDocument {

    /**
     * Key names end up in logs and as a metrics label, so they are short and plain; this also keeps a
     * pasted key from being mistaken for a name and logged.
     */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    /** A document that can't be used, with a message an operator can act on (never containing a key). */
    public static final class InvalidKeysDocument extends Exception {
        public InvalidKeysDocument(String message) {
            super(message, null, false, false);
        }
    }

    private ApiKeysDocument() {
    }

    /** Parses and checks the whole document; any problem rejects it as a whole. */
    public static ApiKeyStore parse(String text) throws InvalidKeysDocument {
        Object root;
        try {
            // SafeConstructor: plain maps, lists and scalars only, never arbitrary Java objects.
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new InvalidKeysDocument("not valid YAML or JSON: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("keys") instanceof List<?> keys)) {
            throw new InvalidKeysDocument("expected a top-level 'keys:' list");
        }
        List<String> problems = new ArrayList<>();
        ApiKeyStore.Builder store = ApiKeyStore.builder();
        Set<String> names = new LinkedHashSet<>();
        Map<String, String> ownerOfDigest = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String where = "keys[" + i + "]";
            if (!(keys.get(i) instanceof Map<?, ?> entry)) {
                problems.add(where + " is not a mapping with name, scopes and sha256");
                continue;
            }
            Object name = entry.get("name");
            if (!(name instanceof String n) || !NAME.matcher(n).matches()) {
                problems.add(where + ".name must be 1-63 characters of a-z, 0-9, '.', '_', '-'");
                continue;
            }
            where = "key '" + n + "'";
            if (!names.add(n)) {
                problems.add(where + " is listed twice; put all its digests under one entry");
                continue;
            }
            Set<Scope> scopes = scopes(entry.get("scopes"), where, problems);
            List<String> digests = strings(entry.get("sha256"));
            if (digests == null || digests.isEmpty()) {
                problems.add(where + " needs 'sha256': a list of one or more quoted hex SHA-256 digests");
                continue;
            }
            ApiKey key = new ApiKey(n, scopes);
            for (String digest : digests) {
                if (digest == null || !SHA256_HEX.matcher(digest).matches()) {
                    // A digest of digits only would be read as a number, so say how to avoid that.
                    problems.add(where + " has an sha256 entry that is not 64 hex digits in quotes");
                    continue;
                }
                String previousOwner = ownerOfDigest.putIfAbsent(digest.toLowerCase(), n);
                if (previousOwner != null) {
                    problems.add(where + " shares a digest with key '" + previousOwner + "'; each client needs its own key");
                    continue;
                }
                store.sha256Hex(key, digest);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidKeysDocument(String.join("; ", problems));
        }
        return store.build();
    }

    private static Set<Scope> scopes(Object value, String where, List<String> problems) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        List<String> names = strings(value);
        if (names == null) {
            problems.add(where + " needs 'scopes': a list (it may be empty: such a key can only call /api/v1/extract"
                    + " and read articles)");
            return scopes;
        }
        for (String name : names) {
            Scope.fromWireName(name).ifPresentOrElse(scopes::add,
                    () -> problems.add(where + " has the unknown scope '" + name + "' (known: " + Scope.allWireNames() + ")"));
        }
        return scopes;
    }

    /** The value as a list of strings (a single string counts as a list of one); null if it is neither. */
    private static List<String> strings(Object value) {
        if (value instanceof String single) {
            return List.of(single);
        }
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            strings.add(item instanceof String s ? s : null);
        }
        return strings;
    }
}
