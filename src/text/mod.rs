//! The text layer: the first stages of the pipeline, shared by every extractor.
//!
//! [`segment`] turns the caller's text into blocks (paragraphs tagged by their role on the page),
//! sentences and tokens. It works on a normalized copy of the text ([`Normalized`]) and maps
//! every span back, so all spans are byte offsets into the caller's original text, on char
//! boundaries, in text order. Only BODY and HEADLINE blocks are split into sentences and tokens:
//! page debris must never reach the extractors.

mod blocks;
mod markup;
mod normalize;
mod sentences;
mod tokens;

pub(crate) use blocks::quote_signature;
pub(crate) use markup::mask as mask_markup;
pub(crate) use normalize::Normalized;
pub(crate) use tokens::tokenize;

use crate::span::Span;

/// The role a paragraph plays on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// Article prose.
    Body,
    /// A title or subheading: a short line that is not a sentence.
    Headline,
    /// A line that only gives a date, time or byline stamp.
    Dateline,
    /// A photo caption or photo credit.
    Caption,
    /// Page debris: navigation, widgets, link lines.
    Boilerplate,
    /// A verbatim repeat of an earlier BODY or HEADLINE block.
    Duplicate,
}

/// One paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte span in the original text, without surrounding white space or list bullets.
    pub span: Span,
    /// Its role.
    pub kind: BlockKind,
    /// For [`BlockKind::Duplicate`], the index of the block it repeats.
    pub duplicate_of: Option<usize>,
}

/// One sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in the original text, without surrounding white space.
    pub span: Span,
    /// Index of its block.
    pub block: usize,
}

/// The coarse class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters and digits, with inner apostrophes, hyphens or periods.
    Word,
    /// Digits with separators and an optional letter suffix.
    Number,
    /// Punctuation, including quotation marks and dashes.
    Punctuation,
    /// Anything else (symbols, emoji).
    Symbol,
}

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the original text.
    pub span: Span,
    /// Its class.
    pub kind: TokenKind,
}

/// The segmented text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Paragraphs in order.
    pub blocks: Vec<Block>,
    /// Sentences of BODY and HEADLINE blocks, in order.
    pub sentences: Vec<Sentence>,
    /// Tokens of all sentences, in order.
    pub tokens: Vec<Token>,
}

impl Segmentation {
    /// The tokens of each sentence, in sentence order (tokens and sentences are both in text
    /// order, so one forward walk pairs them).
    pub fn sentence_tokens(&self) -> impl Iterator<Item = (&Sentence, &[Token])> {
        let mut cursor = 0;
        self.sentences.iter().map(move |sentence| {
            while cursor < self.tokens.len() && self.tokens[cursor].span.start < sentence.span.start
            {
                cursor += 1;
            }
            let from = cursor;
            while cursor < self.tokens.len() && self.tokens[cursor].span.end <= sentence.span.end {
                cursor += 1;
            }
            (sentence, &self.tokens[from..cursor])
        })
    }
}

impl Segmentation {
    /// True when sentence block `block` is article prose (a BODY block).
    pub fn is_body(&self, block: usize) -> bool {
        self.blocks
            .get(block)
            .is_some_and(|b| b.kind == BlockKind::Body)
    }

    /// [`Segmentation::sentence_tokens`] of BODY blocks only: the article's prose.
    pub fn body_sentence_tokens(&self) -> impl Iterator<Item = (&Sentence, &[Token])> {
        self.sentence_tokens()
            .filter(|(s, _)| self.is_body(s.block))
    }
}

/// Segments `text` (the caller's original text) into blocks, sentences and tokens. `title` is
/// the caller's headline, if any: a block equal to it is a HEADLINE.
pub fn segment(text: &str, title: Option<&str>) -> Segmentation {
    let normalized = Normalized::new(text);
    let norm = normalized.as_str();
    let spans = blocks::split(norm);
    let mut blocks = blocks::tag(norm, &spans, title);

    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    let mut sentence_spans = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        sentence_spans.clear();
        match block.kind {
            BlockKind::Headline => sentence_spans.push(block.span),
            BlockKind::Body => sentences::split(norm, block.span, &mut sentence_spans),
            BlockKind::Dateline
            | BlockKind::Caption
            | BlockKind::Boilerplate
            | BlockKind::Duplicate => {
                continue;
            }
        }
        for &span in &sentence_spans {
            let first_token = tokens.len();
            tokens::tokenize(norm, span, &mut tokens);
            if !normalized.is_identity() {
                for token in &mut tokens[first_token..] {
                    token.span = normalized.to_original(token.span);
                }
            }
            sentences.push(Sentence {
                span: normalized.to_original(span),
                block: index,
            });
        }
    }
    if !normalized.is_identity() {
        for block in &mut blocks {
            block.span = normalized.to_original(block.span);
        }
    }
    Segmentation {
        blocks,
        sentences,
        tokens,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "Leaders\u{a0}Meet\r\n\r\nThe envoy\u{a0}said “yes.” Talks re\u{301}sume.\r\n";
        let seg = segment(text, None);
        let blocks: Vec<_> = seg
            .blocks
            .iter()
            .map(|b| (b.kind, b.span.slice(text)))
            .collect();
        assert_eq!(
            blocks,
            [
                (BlockKind::Headline, "Leaders\u{a0}Meet"),
                (
                    BlockKind::Body,
                    "The envoy\u{a0}said “yes.” Talks re\u{301}sume."
                ),
            ]
        );
        let sentences: Vec<_> = seg.sentences.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(
            sentences,
            [
                "Leaders\u{a0}Meet",
                "The envoy\u{a0}said “yes.”",
                "Talks re\u{301}sume."
            ]
        );
        let tokens: Vec<_> = seg.tokens.iter().map(|t| t.span.slice(text)).collect();
        assert!(tokens.contains(&"re\u{301}sume"), "{tokens:?}");
    }

    #[test]
    fn debris_is_not_segmented() {
        let text = "Follow Us\nThe talks resumed. Both sides agreed.\nJane Doe/AP";
        let seg = segment(text, None);
        assert_eq!(seg.sentences.len(), 2);
        assert!(seg.sentences.iter().all(|s| s.block == 1));
        assert_eq!(seg.tokens.len(), 8);
    }

    fn check_invariants(text: &str, seg: &Segmentation) -> Result<(), String> {
        let ok = |span: Span| {
            span.start < span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
        };
        for pair in seg.blocks.windows(2) {
            if pair[0].span.end > pair[1].span.start {
                return Err(format!("blocks overlap: {pair:?}"));
            }
        }
        for block in &seg.blocks {
            if !ok(block.span) {
                return Err(format!("bad block span {block:?}"));
            }
            if block.duplicate_of.is_some_and(|d| {
                seg.blocks
                    .get(d)
                    .is_none_or(|o| o.span.start >= block.span.start)
            }) {
                return Err(format!(
                    "duplicate_of must name an earlier block: {block:?}"
                ));
            }
        }
        for pair in seg.sentences.windows(2) {
            if pair[0].span.end > pair[1].span.start {
                return Err(format!("sentences overlap: {pair:?}"));
            }
        }
        for sentence in &seg.sentences {
            let block = seg
                .blocks
                .get(sentence.block)
                .ok_or("sentence names no block")?;
            if !ok(sentence.span) || !block.span.contains(sentence.span) {
                return Err(format!("bad sentence {sentence:?} in {block:?}"));
            }
        }
        for pair in seg.tokens.windows(2) {
            if pair[0].span.end > pair[1].span.start {
                return Err(format!("tokens overlap: {pair:?}"));
            }
        }
        for token in &seg.tokens {
            if !ok(token.span) || !seg.sentences.iter().any(|s| s.span.contains(token.span)) {
                return Err(format!("bad token {token:?}"));
            }
        }
        Ok(())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        #[test]
        fn never_panics_and_spans_are_sound(text in "(\\PC|[ \n\r\t.!?\"'“”‘’«»—…]|\u{a0}|\u{200b}|\u{301}|\u{ad}|U\\.S\\.|Mr\\. ){0,120}") {
            let seg = segment(&text, None);
            proptest::prop_assert_eq!(check_invariants(&text, &seg), Ok(()));
        }

        #[test]
        fn news_like_text_is_sound(words in proptest::collection::vec("[A-Z][a-z]{0,8}|[a-z]{1,8}|[0-9]{1,4}|[.,!?;:]|“|”|\n|\n\n|U\\.S\\.|Aug\\.|Dr\\.", 0..200)) {
            let text = words.join(" ");
            let seg = segment(&text, Some("A Title"));
            proptest::prop_assert_eq!(check_invariants(&text, &seg), Ok(()));
        }
    }
}
