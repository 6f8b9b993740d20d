package io.eventline.timeline.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventline.timeline.EventFilter;
import io.eventline.timeline.SavedTimeline;
import io.eventline.timeline.mapping.SavedTimelineView;
import io.quarkiverse.resteasy.problem.HttpProblem;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST}/{@code PUT /api/v1/timelines}: a name and the filter, checked by the very
 * code that checks the parameters of {@code /api/v1/events} ({@link EventResource#filter}), so a saved
 * timeline can hold exactly the filters a query can. Read from the raw JSON rather than bound by
 * Jackson, so that an unknown member or a wrong type is a 400 naming that member, like a bad parameter.
 */
record TimelineDefinition(String name, List<String> entities, String words, String from, String to,
                          List<String> sources) {

    static final int MAX_NAME_LENGTH = 200;
    private static final Set<String> MEMBERS = Set.of("name", "entities", "words", "from", "to", "sources");
    /** The /events parameter each check names, and the member it stands for here. */
    private static final Map<String, String> MEMBER_OF_PARAMETER = Map.of("entity", "entities", "q", "words", "source", "sources");
    private static final ObjectMapper JSON = new ObjectMapper();

    static TimelineDefinition parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // the location only: Jackson's own message quotes parser internals
            throw Problems.invalidParameter("body", e.getLocation() == null ? "The body is not valid JSON."
                    : "The body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ").");
        }
        if (root == null || !root.isObject()) {
            throw Problems.invalidParameter("body", "The body must be a JSON object with 'name' and the filter.");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String member = names.next();
            if (!MEMBERS.contains(member)) {
                throw Problems.invalidParameter(abbreviate(member), "Unknown member '" + abbreviate(member) + "': a timeline has "
                        + String.join(", ", MEMBERS.stream().sorted().toList()) + ".");
            }
        }
        String name = string(root, "name");
        if (name == null || name.isBlank()) {
            throw Problems.invalidParameter("name", "'name' is required and must not be blank.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw Problems.invalidParameter("name", "'name' is longer than " + MAX_NAME_LENGTH + " characters.");
        }
        EventResource.noNul("name", name);
        TimelineDefinition definition = new TimelineDefinition(name.strip(), strings(root, "entities"), string(root, "words"),
                string(root, "from"), string(root, "to"), strings(root, "sources"));
        definition.filter();
        return definition;
    }

    static TimelineDefinition of(SavedTimelineView timeline) {
        return new TimelineDefinition(timeline.name(), timeline.entities(), timeline.words(), timeline.from(),
                timeline.to(), timeline.sources());
    }

    /** The events it selects; a 400 naming the member when the filter is one /events would refuse. */
    EventFilter filter() {
        try {
            return EventResource.filter(from, to, entities, words, sources, null);
        } catch (HttpProblem problem) {
            Object parameter = problem.getParameters().get("parameter");
            if (parameter == null || !MEMBER_OF_PARAMETER.containsKey(parameter.toString())) {
                throw problem;
            }
            String member = MEMBER_OF_PARAMETER.get(parameter.toString());
            throw Problems.invalidParameter(member, problem.getDetail().replace("'" + parameter + "'", "'" + member + "'"));
        }
    }

    void applyTo(SavedTimeline timeline) {
        timeline.name = name;
        timeline.entities = entities;
        timeline.words = words;
        timeline.from = from;
        timeline.to = to;
        timeline.sources = sources;
    }

    private static String string(JsonNode root, String member) {
        JsonNode value = root.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw Problems.invalidParameter(member, "'" + member + "' must be a string.");
        }
        return value.textValue();
    }

    /** A list of strings; absent or null is none. Its length is checked by the filter's own rules. */
    private static List<String> strings(JsonNode root, String member) {
        JsonNode value = root.get(member);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw Problems.invalidParameter(member, "'" + member + "' must be an array of strings.");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw Problems.invalidParameter(member, "'" + member + "' must be an array of strings.");
            }
            values.add(element.textValue().strip());
        }
        return List.copyOf(values);
    }

    /** A member name echoed in a detail: a client's, so bounded. */
    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
