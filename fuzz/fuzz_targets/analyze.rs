//! The whole Analyze pipeline on arbitrary input: it must never panic, every span it returns
//! (blocks, sentences, tokens, entity mentions, quotes with their speakers, cues and cited
//! sources, dates, the document date) must be non-empty, in bounds and on char boundaries,
//! every speaker's entity id must name an entity of the same analysis, and the gRPC response must
//! convert to every offset unit with its spans in bounds.
//!
//! Run from the repository root with `cargo +nightly fuzz run analyze`; give it a corpus of real
//! articles to start from (`-- ../shared/seeds`, read-only: libFuzzer writes to the first folder).

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use parallax::grpc::{analyze, pb};
use parallax::{Analyzer, Limits, Span};

/// Built once: the models load in tens of milliseconds, which would dominate every run.
static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::new(Limits::default()));

fn check(text: &str, span: Span, what: &str) {
    assert!(
        span.start < span.end && span.end <= text.len(),
        "{what} {span:?} outside 0..{}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a character"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let analyzer = &*ANALYZER;
    let Ok(analysis) = analyzer.analyze(&parallax::Document::from_text(text)) else { return };
    let seg = &analysis.segmentation;
    for block in &seg.blocks {
        check(text, block.span, "block");
    }
    for sentence in &seg.sentences {
        check(text, sentence.span, "sentence");
    }
    for token in &seg.tokens {
        check(text, token.span, "token");
    }
    for entity in &analysis.entities {
        assert!(!entity.name.is_empty() && !entity.mentions.is_empty(), "{entity:?}");
        for mention in &entity.mentions {
            check(text, mention.span, "entity mention");
        }
    }
    let known = |id: &Option<String>| {
        id.as_ref().is_none_or(|id| analysis.entities.iter().any(|e| &e.id == id))
    };
    for quote in &analysis.quotes {
        check(text, quote.span, "quote");
        for who in quote.speaker.iter().chain(&quote.cited_source).chain(&quote.co_speakers) {
            check(text, who.span, "speaker, co-speaker or cited source");
            assert!(known(&who.entity_id), "{who:?} names no entity of this analysis");
        }
        if let Some(cue) = quote.cue {
            check(text, cue, "cue");
        }
    }
    for date in &analysis.dates {
        check(text, date.span, "date");
        assert!(!date.value.is_empty(), "{date:?} has no value");
    }
    if let Some(span) = analysis.document_date.span {
        check(text, span, "document date");
    }
    if let Some(conflict) = &analysis.document_date.conflict {
        check(text, conflict.stamped_span, "contradicted stamp");
        check(text, conflict.evidence, "evidence against the stamp");
        assert!(conflict.years.0 <= conflict.years.1, "{conflict:?}");
    }

    // The same through the gRPC layer, in every offset unit.
    for unit in [pb::OffsetUnit::Utf8, pb::OffsetUnit::Utf16, pb::OffsetUnit::Codepoint] {
        let request = pb::AnalyzeRequest {
            document: Some(pb::Document { text: text.to_owned(), ..Default::default() }),
            offset_unit: unit.into(),
            include_tokens: true,
        };
        let Ok(response) = analyze(analyzer, request) else { continue };
        let analysis = response.analysis.expect("a successful analysis has a body");
        let limit = match unit {
            pb::OffsetUnit::Utf16 => text.encode_utf16().count(),
            pb::OffsetUnit::Codepoint => text.chars().count(),
            _ => text.len(),
        } as u32;
        let spans = analysis
            .blocks
            .iter()
            .map(|b| b.span)
            .chain(analysis.sentences.iter().map(|s| s.span))
            .chain(analysis.tokens.iter().map(|t| t.span))
            .chain(analysis.entities.iter().flat_map(|e| e.mentions.iter().map(|m| m.span)))
            .chain(analysis.quotes.iter().map(|q| q.span))
            .chain(analysis.quotes.iter().filter_map(|q| q.cue_span.map(Some)))
            .chain(analysis.quotes.iter().flat_map(|q| {
                q.speaker.iter().chain(&q.cited_source).chain(&q.co_speakers).map(|who| who.span)
            }))
            .chain(analysis.dates.iter().map(|d| d.span))
            .chain(analysis.document_date.iter().flat_map(|d| {
                d.conflict.iter().flat_map(|c| [c.stamped_span, c.evidence_span])
            }));
        for span in spans {
            let span = span.expect("every annotation has a span");
            assert!(span.start < span.end && span.end <= limit, "{span:?} outside 0..{limit}");
        }
    }
});
