//! Tokens: words, numbers, punctuation and symbols, with byte spans.
//!
//! Rules, chosen for news text and for the extractors that read the tokens:
//! - a word is letters and digits, joined across inner apostrophes, hyphens and periods when a
//!   letter or digit follows ("Jong-un", "didn’t", "U.S.", "a.m."); an acronym written with
//!   periods keeps its final period ("U.S."), other words never do ("Mr" + "."), so the sentence
//!   splitter sees the period;
//! - the possessive clitic is its own token ("Korea" + "’s"), as in the Penn Treebank, so that
//!   "Korea’s" and "Korea" are the same name to the entity stages;
//! - a number is digits joined across inner `.`, `,`, `:` and `/` when a digit follows ("100,000",
//!   "3.5", "15.08.22", "15:00"), plus a letter suffix ("1990s", "77th"); a hyphen between numbers
//!   is its own token ("1910", "-", "1945");
//! - each quotation mark, dash and bracket is a token of its own; a run of periods is one token.

use crate::span::Span;

use super::{Token, TokenKind};

/// True for the characters tokenized as punctuation.
pub(crate) fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '“' | '”'
                | '‘'
                | '’'
                | '«'
                | '»'
                | '„'
                | '‚'
                | '‹'
                | '›'
                | '–'
                | '—'
                | '―'
                | '‐'
                | '‑'
                | '…'
                | '•'
                | '·'
                | '¡'
                | '¿'
                | '、'
                | '。'
                | '「'
                | '」'
        )
}

fn is_word_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑' | '.' | '·' | '&')
}

/// Tokenizes `text[span]`, appending to `out` with spans into `text`.
///
/// Every article is tokenized twice (segmentation, then the dates' reading of whole blocks), so
/// the loop walks by position: a token's chars are decoded once, by the rule that reads it, and
/// the next token starts where it ended.
pub(crate) fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let slice = &text[span.start..span.end];
    let mut at = 0;
    while let Some(c) = slice[at..].chars().next() {
        let i = at;
        if c.is_whitespace() {
            at += c.len_utf8();
            continue;
        }
        let start = span.start + i;
        let mut end = start + c.len_utf8();
        let kind = if c.is_alphabetic() {
            end = word_end(slice, i, span.start);
            TokenKind::Word
        } else if c.is_numeric() {
            end = number_end(slice, i, span.start);
            TokenKind::Number
        } else if c == '.' {
            end += slice[end - span.start..]
                .bytes()
                .take_while(|&b| b == b'.')
                .count();
            TokenKind::Punctuation
        } else if is_punctuation(c) {
            TokenKind::Punctuation
        } else {
            TokenKind::Symbol
        };
        // Combining marks always stay with the char before them, whatever its kind.
        while let Some(mark) = text[end..span.end]
            .chars()
            .next()
            .filter(|&m| unicode_mark(m))
        {
            end += mark.len_utf8();
        }
        // The next token starts where this one ends.
        at = end - span.start;
        // Split a trailing possessive clitic off a word.
        if kind == TokenKind::Word {
            let word = &text[start..end];
            if let Some(stem) = word
                .strip_suffix("’s")
                .or_else(|| word.strip_suffix("'s"))
                .filter(|stem| stem.chars().any(char::is_alphanumeric))
            {
                let split = start + stem.len();
                out.push(Token {
                    span: Span::new(start, split),
                    kind,
                });
                out.push(Token {
                    span: Span::new(split, end),
                    kind,
                });
                continue;
            }
        }
        out.push(Token {
            span: Span::new(start, end),
            kind,
        });
    }
}

/// End (absolute) of the word starting at `slice[i]`.
fn word_end(slice: &str, i: usize, base: usize) -> usize {
    let from = &slice[i..];
    let bytes = from.as_bytes();
    let mut end = 0;
    let mut letters_between_periods = true;
    let mut segment_len = 0usize;
    let mut periods = 0usize;
    let mut j = 0;
    loop {
        // A run of ASCII letters and digits, most of every word, byte by byte.
        while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
            j += 1;
            segment_len += 1;
            end = j;
        }
        let Some(c) = from[j..].chars().next() else {
            break;
        };
        let after = j + c.len_utf8();
        if c.is_alphanumeric() || unicode_mark(c) {
            end = after;
            segment_len += 1;
            j = after;
            continue;
        }
        if is_word_joiner(c)
            && from[after..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            if c == '.' {
                periods += 1;
                letters_between_periods &= segment_len == 1;
            }
            segment_len = 0;
            end = after;
            j = after;
            continue;
        }
        // An acronym with periods ("U.S.", "a.m.") keeps its final period.
        if c == '.' && periods > 0 && letters_between_periods && segment_len == 1 {
            end = j + 1;
        }
        break;
    }
    base + i + end
}

/// True for a combining mark. Tested after every word and token; the first combining mark is
/// U+0300, so chars before it (all of ASCII and Latin-1) skip the table lookup.
fn unicode_mark(c: char) -> bool {
    c >= '\u{300}' && unicode_normalization::char::canonical_combining_class(c) != 0
}

/// End (absolute) of the number starting at `slice[i]`.
fn number_end(slice: &str, i: usize, base: usize) -> usize {
    let from = &slice[i..];
    let mut end = 0;
    let mut chars = from.char_indices().peekable();
    while let Some((j, c)) = chars.next() {
        if c.is_numeric() {
            end = j + c.len_utf8();
            continue;
        }
        if matches!(c, '.' | ',' | ':' | '/')
            && chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit())
        {
            end = j + 1;
            continue;
        }
        if c.is_alphabetic() {
            // A letter suffix: "1990s", "77th", "5G".
            end = j + c.len_utf8();
            while let Some(&(k, n)) = chars.peek() {
                if !n.is_alphanumeric() {
                    break;
                }
                end = k + n.len_utf8();
                chars.next();
            }
        }
        break;
    }
    base + i + end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| (t.span.slice(text), t.kind)).collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, [$($tok:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                let got: Vec<&str> = tokens($text).into_iter().map(|(s, _)| s).collect();
                assert_eq!(got, [$($tok),*] as [&str; _]);
            }
        };
    }

    #[rustfmt::skip]
    mod cases {
        use super::*;

        t!(plain, "Kim wrote a letter.", ["Kim", "wrote", "a", "letter", "."]);
        t!(hyphenated_name, "Kim Jong-un said", ["Kim", "Jong-un", "said"]);
        t!(possessive_curly, "Korea’s liberation", ["Korea", "’s", "liberation"]);
        t!(possessive_straight, "Russia's war", ["Russia", "'s", "war"]);
        t!(contraction, "didn’t want", ["didn’t", "want"]);
        t!(acronym_keeps_period, "the U.S. and", ["the", "U.S.", "and"]);
        t!(acronym_end_of_text, "in the U.N.", ["in", "the", "U.N."]);
        t!(title_loses_period, "Mr. Putin", ["Mr", ".", "Putin"]);
        t!(am_pm, "at 3 p.m. Monday", ["at", "3", "p.m.", "Monday"]);
        t!(thousands, "100,000 volunteers", ["100,000", "volunteers"]);
        t!(decimal, "3.5 percent", ["3.5", "percent"]);
        t!(dotted_date, "15.08.22 15:00", ["15.08.22", "15:00"]);
        t!(year_range, "1910-1945 rule", ["1910", "-", "1945", "rule"]);
        t!(decade, "the 1990s", ["the", "1990s"]);
        t!(ordinal, "77th anniversary", ["77th", "anniversary"]);
        t!(curly_quotes, "“heroic”", ["“", "heroic", "”"]);
        t!(em_dash, "Kim — leader", ["Kim", "—", "leader"]);
        t!(ellipsis_run, "wait... now", ["wait", "...", "now"]);
        t!(comma_after_number, "in 2019, he", ["in", "2019", ",", "he"]);
        t!(money, "$1.2 billion", ["$", "1.2", "billion"]);
        t!(percent, "12% drop", ["12", "%", "drop"]);
        t!(hangul, "김정은 위원장", ["김정은", "위원장"]);
        t!(emoji_symbol, "great 😀 news", ["great", "😀", "news"]);
        t!(trailing_hyphen, "pro- and anti-war", ["pro", "-", "and", "anti-war"]);
        t!(slash_words, "KCNA/UPI", ["KCNA", "/", "UPI"]);
        t!(sentence_period_after_number, "in 2022.", ["in", "2022", "."]);
        t!(ampersand_name, "AT&T said", ["AT&T", "said"]);
    }

    #[test]
    fn kinds() {
        assert_eq!(
            tokens("Kim, 77th “x” 😀"),
            [
                ("Kim", TokenKind::Word),
                (",", TokenKind::Punctuation),
                ("77th", TokenKind::Number),
                ("“", TokenKind::Punctuation),
                ("x", TokenKind::Word),
                ("”", TokenKind::Punctuation),
                ("😀", TokenKind::Symbol),
            ]
        );
    }
}
