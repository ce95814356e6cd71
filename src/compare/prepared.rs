//! What a comparison reads of each article, computed once when the article is stored: the
//! content keys of its sentences' words, its quotes' words, and the outlets its prose credits.
//! None of these depends on the other articles, so GetStory only links and aligns.

use std::num::NonZeroU64;

use super::align::QuoteWords;
use super::words::content_key;
use crate::analysis::Analysis;
use crate::document::Document;
use crate::quotes::{self, QuoteKind, Speaker};
use crate::span::Span;
use crate::text::TokenKind;

/// One BODY sentence: its span and its non-punctuation tokens with their content keys.
pub(crate) type SentenceKeys = (Span, Box<[KeyedToken]>);

/// A word of a sentence and its content key. Kept for every stored article, so 16 bytes:
/// offsets as u32 (articles are far below 4 GiB) and the key niche-packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KeyedToken {
    start: u32,
    end: u32,
    /// Content key; `None` for function words.
    key: Option<NonZeroU64>,
}

impl KeyedToken {
    fn new(span: Span, key: Option<u64>) -> Self {
        Self {
            start: span.start as u32,
            end: span.end as u32,
            // A key of 0 (one in 2^64) becomes 1 rather than a function word.
            key: key.map(|k| NonZeroU64::new(k).unwrap_or(NonZeroU64::MIN)),
        }
    }

    /// Its byte span in the article text.
    pub(crate) fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Its content key, `None` for function words.
    pub(crate) fn key(self) -> Option<u64> {
        self.key.map(NonZeroU64::get)
    }
}

/// An article prepared for comparison.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Prepared {
    /// Its BODY sentences, in order.
    pub(crate) sentences: Vec<SentenceKeys>,
    /// For each quote of the analysis, its words when it is long enough to align.
    pub(crate) quotes: Vec<Option<QuoteWords>>,
    /// The outlets its prose credits, one per crediting sentence.
    pub(crate) credited: Vec<Speaker>,
}

impl Prepared {
    /// Prepares an analyzed document.
    pub(crate) fn new(document: &Document, analysis: &Analysis) -> Self {
        // What Analyze read: the text with any markup blanked out, offsets unchanged.
        let masked = crate::text::mask_markup(&document.text);
        let text = masked.as_ref();
        let sentences = analysis
            .segmentation
            .body_sentence_tokens()
            .map(|(s, tokens)| {
                let keys = tokens
                    .iter()
                    .filter(|t| t.kind != TokenKind::Punctuation)
                    .map(|t| KeyedToken::new(t.span, content_key(t.span.slice(text))))
                    .collect();
                (s.span, keys)
            })
            .collect();
        let quotes = analysis
            .quotes
            .iter()
            .map(|quote| {
                let content = quote.span.slice(text);
                let words = content.split_whitespace().count();
                // A reported clause holding a quote is compared through the quote: its quoted
                // words are what outlets share, the paraphrase around them is their own.
                let holds_quote = || {
                    analysis
                        .quotes
                        .iter()
                        .any(|q| q.kind != QuoteKind::Indirect && quote.span.contains(q.span))
                };
                let usable = match quote.kind {
                    QuoteKind::Direct => true,
                    QuoteKind::Partial => words >= 4,
                    QuoteKind::Indirect => words >= 6 && !holds_quote(),
                };
                usable.then(|| QuoteWords::new(content))
            })
            .collect();
        let credited = quotes::credited_sources(text, &analysis.segmentation, &analysis.entities);
        Self {
            sentences,
            quotes,
            credited,
        }
    }
}
