package io.eventline.ingest.messaging;

/** The two kinds of message on the articles topic. */
public enum MessageKind {
    /** A new or updated article with its dated events, replacing any earlier version. */
    ARTICLE_VERSION,
    /** The article is withdrawn: its events must disappear from every timeline. */
    ARTICLE_RETRACTED
}
