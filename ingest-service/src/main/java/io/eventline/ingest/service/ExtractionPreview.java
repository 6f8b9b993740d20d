package io.eventline.ingest.service;

import io.eventline.ingest.extraction.Extraction;

/**
 * What extraction finds in a text, without publishing anything.
 *
 * @param text       the normalized text the offsets of the extraction refer to, with its map back
 *                   to the submitted text
 */
public record ExtractionPreview(NormalizedText text, Extraction extraction) {
}
