package io.eventline.timeline;

/** A named entity of a mention (stored as JSON: its shape will grow with entity linking). */
public record MentionedEntity(String text, String type) {
}
