package io.eventline.timeline.dedup;

import io.eventline.timeline.MentionedEntity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys under which a named entity can be recognised in another report: its normalized name
 * ("the Sinaloa Cartel" and "Sinaloa cartel" meet), for a person also the surname ("Sheinbaum" and
 * "Claudia Sheinbaum"), and for a name of several words its initials ("WHO" and "World Health
 * Organization"). Two entities are the same when they share a key.
 */
final class EntityKeys {

    private static final Set<String> TITLES = Set.of(
            "president", "gen", "general", "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "prime", "minister",
            "secretary", "king", "queen", "pope", "judge", "chancellor", "former", "vice");
    private static final Pattern POSSESSIVE = Pattern.compile("['\u2019]s\\b");
    private static final Pattern NON_NAME = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> CONNECTIVES = Set.of("the", "of", "and", "for", "de", "la", "del");

    private EntityKeys() {
    }

    static Set<String> of(MentionedEntity entity) {
        String lower = ContentWords.undotAbbreviations(entity.text()).toLowerCase(Locale.ROOT);
        String normalized = NON_NAME.matcher(POSSESSIVE.matcher(lower).replaceAll("")).replaceAll(" ").trim();
        List<String> words = List.of(normalized.split(" "));
        List<String> significant = words.stream().filter(w -> !w.isEmpty() && !CONNECTIVES.contains(w)).toList();
        Set<String> keys = new LinkedHashSet<>();
        if (significant.isEmpty()) {
            return keys;
        }
        if ("PERSON".equals(entity.type())) {
            List<String> name = significant.stream().filter(w -> !TITLES.contains(w)).toList();
            if (!name.isEmpty()) {
                keys.add(name.get(name.size() - 1));
                keys.add(String.join(" ", name));
            }
            return keys;
        }
        keys.add(String.join(" ", significant));
        if (significant.size() >= 2) {
            StringBuilder initials = new StringBuilder();
            significant.forEach(w -> initials.append(w.charAt(0)));
            keys.add(initials.toString());
        }
        return keys;
    }
}
