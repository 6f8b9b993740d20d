package io.eventline.ingest.service;

import java.time.OffsetDateTime;
import java.util.List;

/** An article as a newsroom submitted it, already validated. */
public record Article(String id, String url, String title, String body, OffsetDateTime publishedAt, String source,
                      List<String> authors, String language) {
}
