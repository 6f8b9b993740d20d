package io.eventline.ingest.service;

import io.eventline.ingest.extraction.Extraction;

/**
 * What extraction finds in a text, without publishing anything.
 *
 * @param normalizedText the text the offsets of the extraction refer to
 */
public record ExtractionPreview(String normalizedText, Extraction extraction) {
}
