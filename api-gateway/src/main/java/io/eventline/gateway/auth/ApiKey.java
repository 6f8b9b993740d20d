package io.eventline.gateway.auth;

import java.util.Objects;
import java.util.Set;

/**
 * Who a caller is once their key has been recognised: a name for logs and the scopes they hold.
 * Deliberately carries no secret, so it can be logged and passed around freely.
 */
public record ApiKey(String name, Set<Scope> scopes) {

    public ApiKey {
        Objects.requireNonNull(name, "name");
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope) || scopes.contains(Scope.ADMIN);
    }
}
