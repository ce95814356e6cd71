//! The whole Analyze pipeline on arbitrary input: it must never panic, and every span it returns
//! must be in bounds, on char boundaries, and convertible to every offset unit.
//!
//! Run with `cargo +nightly fuzz run analyze` from the repository root.

#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::grpc::{analyze, pb};
use parallax::{Analyzer, Limits};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let analyzer = Analyzer::new(Limits::default());
    for unit in [pb::OffsetUnit::Utf8, pb::OffsetUnit::Utf16, pb::OffsetUnit::Codepoint] {
        let request = pb::AnalyzeRequest {
            document: Some(pb::Document { text: text.to_owned(), ..Default::default() }),
            offset_unit: unit.into(),
            include_tokens: true,
        };
        let Ok(response) = analyze(&analyzer, request) else { continue };
        let analysis = response.analysis.expect("a successful analysis has a body");
        let limit = match unit {
            pb::OffsetUnit::Utf16 => text.encode_utf16().count(),
            pb::OffsetUnit::Codepoint => text.chars().count(),
            _ => text.len(),
        } as u32;
        let spans = analysis.blocks.iter().map(|b| b.span)
            .chain(analysis.sentences.iter().map(|s| s.span))
            .chain(analysis.tokens.iter().map(|t| t.span));
        for span in spans {
            let span = span.expect("every annotation has a span");
            assert!(span.start < span.end && span.end <= limit, "{span:?} outside 0..{limit}");
        }
    }
    let Ok(analysis) = analyzer.analyze(&parallax::Document::from_text(text)) else { return };
    for block in &analysis.segmentation.blocks {
        assert!(text.is_char_boundary(block.span.start) && text.is_char_boundary(block.span.end));
    }
});
