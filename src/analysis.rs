//! The per-article pipeline: validation, then each stage in order, into one [`Analysis`].
//!
//! Stages are plain functions over the text and the results of earlier stages; the extractors
//! (entities, quotes, dates) slot in after the text layer as they are built.

use crate::dates::{self, DocumentDate, TemporalExpression};
use crate::document::Document;
use crate::entities::{self, Entity, Recognizer};
use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::quotes::{self, Quote};
use crate::text::{self, BlockKind, Segmentation, Sentence, TokenKind};

/// What Parallax found in one article. All spans are UTF-8 byte spans into `Document.text`.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Blocks, sentences and tokens.
    pub segmentation: Segmentation,
    /// Number of word tokens in BODY blocks.
    pub word_count: usize,
    /// The date relative expressions are resolved against.
    pub document_date: DocumentDate,
    /// Date and time expressions of BODY and HEADLINE blocks, in text order.
    pub dates: Vec<TemporalExpression>,
    /// People, organizations, places, nationalities, events and other names, most salient first.
    pub entities: Vec<Entity>,
    /// Direct, partial and indirect quotes of BODY paragraphs, in text order.
    pub quotes: Vec<Quote>,
}

impl Analysis {
    /// Gives back the spare capacity its lists grew while being built: a stored analysis lives
    /// as long as its article.
    pub fn shrink_to_fit(&mut self) {
        let seg = &mut self.segmentation;
        seg.blocks.shrink_to_fit();
        seg.sentences.shrink_to_fit();
        seg.tokens.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.entities.shrink_to_fit();
        for entity in &mut self.entities {
            entity.mentions.shrink_to_fit();
        }
        self.quotes.shrink_to_fit();
    }

    /// Sentences that belong to BODY blocks: the article's prose.
    pub fn body_sentences(&self) -> impl Iterator<Item = &Sentence> {
        let seg = &self.segmentation;
        seg.sentences.iter().filter(|s| seg.is_body(s.block))
    }
}

/// Runs the pipeline over documents. Cheap to share: it holds only configuration (and, as
/// extractors arrive, their immutable models).
#[derive(Debug, Clone)]
pub struct Analyzer {
    limits: Limits,
    recognizer: Recognizer,
}

impl Analyzer {
    /// An analyzer enforcing `limits`, with the built-in models (loaded here, once per process).
    pub fn new(limits: Limits) -> Self {
        Self {
            limits,
            recognizer: Recognizer::builtin(),
        }
    }

    /// The limits this analyzer enforces.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Checks that `document` can be analyzed: a non-blank text within the size limit.
    pub fn validate(&self, document: &Document) -> Result<()> {
        let len = document.text.len();
        if len > self.limits.max_article_bytes {
            return Err(Error::LimitExceeded {
                what: "document.text size in bytes".into(),
                limit: self.limits.max_article_bytes,
                actual: len,
            });
        }
        if !document.timezone.trim().is_empty() {
            crate::document::parse_timezone(document.timezone.trim())?;
        }
        if document.text.trim().is_empty() {
            return Err(Error::invalid(
                "document.text",
                "is empty; send the article body as UTF-8 text",
            ));
        }
        Ok(())
    }

    /// Analyzes one document.
    pub fn analyze(&self, document: &Document) -> Result<Analysis> {
        self.validate(document)?;
        let title = Some(document.title.as_str()).filter(|t| !t.trim().is_empty());
        // Tags left by a scraper are blanked out, offsets kept: every stage reads prose only.
        let masked = text::mask_markup(&document.text);
        let text = masked.as_ref();
        let segmentation = text::segment(text, title);
        let word_count = count_body_words(&segmentation);
        let caller_date = document.publication_date()?;
        let document_date = dates::document_date(text, &segmentation, caller_date);
        let dates = find_dates(text, &segmentation, document_date.date);
        let entities = entities::find_entities(text, &segmentation, &self.recognizer);
        let quotes = quotes::find_quotes(text, &segmentation, &entities);
        Ok(Analysis {
            segmentation,
            word_count,
            document_date,
            dates,
            entities,
            quotes,
        })
    }
}

/// Temporal expressions of the article's prose and headlines, read as one text so that a time
/// named in one paragraph carries into the next; debris, captions and repeated paragraphs are
/// left out, so a page stamp or a photo date is never an event date.
fn find_dates(
    text: &str,
    seg: &Segmentation,
    anchor: Option<time::Date>,
) -> Vec<TemporalExpression> {
    let parts: Vec<crate::span::Span> = seg
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Body | BlockKind::Headline))
        .map(|b| b.span)
        .collect();
    dates::extract_in(text, &parts, anchor)
}

/// Counts word tokens inside BODY blocks. Tokens and blocks are both in text order, so one
/// forward walk over each suffices.
fn count_body_words(seg: &Segmentation) -> usize {
    let mut blocks = seg
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
        .peekable();
    let mut count = 0;
    for token in seg.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        while blocks.next_if(|b| b.span.end <= token.span.start).is_some() {}
        match blocks.peek() {
            Some(block) if block.span.contains(token.span) => count += 1,
            Some(_) => {}
            None => break,
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_blank_and_oversized_text() {
        let analyzer = Analyzer::new(Limits {
            max_article_bytes: 10,
            ..Limits::default()
        });
        let err = analyzer
            .analyze(&Document::from_text(" \n\t "))
            .unwrap_err();
        assert!(
            matches!(err, Error::InvalidArgument { ref field, .. } if field == "document.text")
        );
        let err = analyzer
            .analyze(&Document::from_text("x".repeat(11)))
            .unwrap_err();
        assert_eq!(
            err,
            Error::LimitExceeded {
                what: "document.text size in bytes".into(),
                limit: 10,
                actual: 11
            }
        );
        assert!(analyzer.analyze(&Document::from_text("Ten bytes.")).is_ok());
    }

    #[test]
    fn counts_only_body_words() {
        let analyzer = Analyzer::new(Limits::default());
        let text =
            "Leaders Meet Again\n\nThe two leaders met in the capital on Monday.\n\nFollow Us";
        let analysis = analyzer.analyze(&Document::from_text(text)).unwrap();
        assert_eq!(analysis.word_count, 9);
    }
}
