//! Normalization with a map back to the caller's bytes.
//!
//! Scraped news text mixes composed and decomposed accents, no-break spaces, CR LF line ends and
//! invisible characters (zero-width spaces, soft hyphens) that break matching. Later stages work on
//! a normalized copy: NFC, every Unicode space folded to `' '`, CR LF and CR folded to `'\n'`, and
//! invisible characters removed. Quotation marks and dashes are kept as they are: they carry
//! meaning for quote extraction. Because every annotation must point into the caller's original
//! text, the normalized copy keeps, for each of its bytes, where that byte came from.
//!
//! Most text needs none of this (ASCII, or already NFC without odd spaces), and then no copy and no
//! map are made.

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::span::Span;

/// A normalized view of a text, with offsets mappable back to the original.
#[derive(Debug, Clone)]
pub(crate) struct Normalized<'a> {
    text: Cow<'a, str>,
    /// For each byte of `text` (and one past the end): the original offset where the char holding
    /// that byte starts. `None` when `text` is the original.
    starts: Option<Vec<usize>>,
    /// For each byte of `text`: the original offset where the char holding that byte ends.
    ends: Option<Vec<usize>>,
}

/// What normalization does with one char.
enum Fold {
    Keep,
    Replace(char),
    Remove,
}

fn fold(c: char) -> Fold {
    match c {
        '\r' => Fold::Replace('\n'),
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Fold::Replace(' '),
        '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => Fold::Remove,
        _ => Fold::Keep,
    }
}

impl<'a> Normalized<'a> {
    /// Normalizes `input`, borrowing it when it needs no change.
    pub(crate) fn new(input: &'a str) -> Self {
        let needs_fold = if input.is_ascii() {
            input.as_bytes().contains(&b'\r')
        } else {
            input.chars().any(|c| !matches!(fold(c), Fold::Keep))
                || is_nfc_quick(input.chars()) != IsNormalized::Yes
        };
        if !needs_fold {
            return Self {
                text: Cow::Borrowed(input),
                starts: None,
                ends: None,
            };
        }
        let mut text = String::with_capacity(input.len());
        let mut starts = Vec::with_capacity(input.len() + 1);
        let mut ends = Vec::with_capacity(input.len());
        let mut chars = input.char_indices().peekable();
        let mut group = String::new();
        while let Some((start, c)) = chars.next() {
            // "\r\n" is one line break.
            if c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
                let (_, next) = chars.next().expect("peeked a char");
                push(&mut text, &mut starts, &mut ends, next, start, start + 2);
                continue;
            }
            match fold(c) {
                Fold::Remove => continue,
                Fold::Replace(r) => {
                    push(
                        &mut text,
                        &mut starts,
                        &mut ends,
                        r,
                        start,
                        start + c.len_utf8(),
                    );
                    continue;
                }
                Fold::Keep => {}
            }
            // A starter and the combining marks after it compose as one group; every output char
            // of the group maps to the whole group.
            group.clear();
            group.push(c);
            let mut end = start + c.len_utf8();
            while let Some(&(offset, next)) = chars.peek() {
                if canonical_combining_class(next) == 0 || !matches!(fold(next), Fold::Keep) {
                    break;
                }
                group.push(next);
                end = offset + next.len_utf8();
                chars.next();
            }
            if group.len() == c.len_utf8() {
                push(&mut text, &mut starts, &mut ends, c, start, end);
                continue;
            }
            let composed: String = group.nfc().collect();
            if composed == group {
                // Nothing composed: every char keeps its own offsets.
                let mut offset = start;
                for ch in group.chars() {
                    push(
                        &mut text,
                        &mut starts,
                        &mut ends,
                        ch,
                        offset,
                        offset + ch.len_utf8(),
                    );
                    offset += ch.len_utf8();
                }
            } else {
                // The tokenizer keeps a char and its combining marks in one token, so mapping the
                // whole group to the whole original range never makes two tokens overlap.
                for ch in composed.chars() {
                    push(&mut text, &mut starts, &mut ends, ch, start, end);
                }
            }
        }
        starts.push(input.len());
        Self {
            text: Cow::Owned(text),
            starts: Some(starts),
            ends: Some(ends),
        }
    }

    /// The normalized text.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// True when the normalized text is the original, unchanged.
    pub(crate) fn is_identity(&self) -> bool {
        self.starts.is_none()
    }

    /// Maps a span of the normalized text to the original text. Both ends must lie on char
    /// boundaries of the normalized text.
    pub(crate) fn to_original(&self, span: Span) -> Span {
        match (&self.starts, &self.ends) {
            (Some(starts), Some(ends)) => {
                let start = starts[span.start];
                let end = if span.end == 0 {
                    starts[0]
                } else {
                    ends[span.end - 1]
                };
                Span::new(start, end.max(start))
            }
            _ => span,
        }
    }
}

fn push(
    text: &mut String,
    starts: &mut Vec<usize>,
    ends: &mut Vec<usize>,
    c: char,
    from: usize,
    to: usize,
) {
    text.push(c);
    for _ in 0..c.len_utf8() {
        starts.push(from);
        ends.push(to);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(input, normalized, a substring of the normalized text, the original text it maps to)`.
    macro_rules! t {
        ($name:ident, $input:expr, $normalized:expr, $needle:expr, $original:expr) => {
            #[test]
            fn $name() {
                let input: &str = $input;
                let n = Normalized::new(input);
                assert_eq!(n.as_str(), $normalized);
                let at = n.as_str().find($needle).expect("needle in normalized text");
                let span = n.to_original(Span::new(at, at + $needle.len()));
                assert_eq!(&input[span.start..span.end], $original);
            }
        };
    }

    #[rustfmt::skip]
    mod cases {
        use super::*;

        t!(ascii_untouched, "Kim said.", "Kim said.", "said", "said");
        t!(crlf, "One.\r\nTwo.", "One.\nTwo.", "Two.", "Two.");
        t!(lone_cr, "One.\rTwo.", "One.\nTwo.", "One.\n", "One.\r");
        t!(crlf_in_span, "One.\r\nTwo.", "One.\nTwo.", ".\nT", ".\r\nT");
        t!(nbsp, "Russian\u{a0}talk show", "Russian talk show", "Russian talk", "Russian\u{a0}talk");
        t!(narrow_nbsp, "10\u{202f}km", "10 km", "10 km", "10\u{202f}km");
        t!(zero_width_removed, "Pyong\u{200b}yang", "Pyongyang", "Pyongyang", "Pyong\u{200b}yang");
        t!(soft_hyphen_removed, "Lu\u{ad}hansk", "Luhansk", "hansk", "hansk");
        t!(bom_removed, "\u{feff}Seoul", "Seoul", "Seoul", "Seoul");
        t!(decomposed_accent, "Pe\u{301}rez said", "P\u{e9}rez said", "P\u{e9}rez", "Pe\u{301}rez");
        t!(composed_untouched, "P\u{e9}rez", "P\u{e9}rez", "\u{e9}", "\u{e9}");
        t!(curly_quotes_kept, "“Yes,” he said", "“Yes,” he said", "“Yes,”", "“Yes,”");
        t!(dashes_kept, "Kim — the leader", "Kim — the leader", "—", "—");
        t!(mixed, "A\u{a0}e\u{301}\r\n“B”", "A \u{e9}\n“B”", "“B”", "“B”");
        t!(end_after_removed, "Kim\u{200b}", "Kim", "Kim", "Kim");
    }

    #[test]
    fn borrows_when_nothing_changes() {
        assert!(Normalized::new("Plain ASCII.\n").is_identity());
        assert!(Normalized::new("Korea’s “liberation” — 1945").is_identity());
        assert!(!Normalized::new("a\u{a0}b").is_identity());
    }

    proptest::proptest! {
        #[test]
        fn maps_every_boundary_into_the_original(input in "(\\PC|\r|\u{a0}|\u{200b}|\u{301}|\u{ad}){0,60}") {
            let n = Normalized::new(&input);
            let text = n.as_str();
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for (i, &a) in boundaries.iter().enumerate() {
                for &b in &boundaries[i..] {
                    let span = n.to_original(Span::new(a, b));
                    proptest::prop_assert!(span.start <= span.end && span.end <= input.len());
                    proptest::prop_assert!(input.is_char_boundary(span.start) && input.is_char_boundary(span.end));
                }
            }
        }
    }
}
