//! Quotation marks in one paragraph: every style (“ ” " ' ‘ ’ « » „), nested quotes kept inside
//! the outer one, apostrophes told from closing single quotes, and a quote still open at the end
//! of the paragraph closed there (the newswire convention for a quote running over several
//! paragraphs, and the recovery for a missing closing mark).

use crate::span::Span;

/// One quoted stretch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quoted {
    /// From the opening mark through the closing one (or the paragraph end).
    pub(crate) outer: Span,
    /// Between the marks.
    pub(crate) content: Span,
    /// True when the paragraph ended before a closing mark.
    pub(crate) unclosed: bool,
}

fn closer_of(open: char) -> &'static [char] {
    match open {
        '“' | '”' => &['”'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '‘' => &['’'],
        '\'' => &['\''],
        TWO_APOSTROPHES => &[TWO_APOSTROPHES],
        _ => &['"'],
    }
}

/// The opener standing for two apostrophes (`''`), the double quotation mark of some newspaper
/// archives ("''I don't know,'' she said").
const TWO_APOSTROPHES: char = '\u{0}';

/// The quoted stretches of `text[block]`, in order, not nested.
///
/// A double mark of the other style where an opening mark goes ("He said "the law is “equal
/// justice” for all" today") opens a quote nested in the outer one, which its own closing mark
/// ends. When that reading leaves a quote open that the plain one closes (a stray mark), the
/// plain reading stands.
pub(crate) fn quoted_spans(text: &str, block: Span) -> Vec<Quoted> {
    let nested = scan(text, block, true);
    if !nested.last().is_some_and(|q| q.unclosed) {
        return nested;
    }
    let plain = scan(text, block, false);
    if plain.last().is_some_and(|q| q.unclosed) {
        nested
    } else {
        plain
    }
}

fn scan(text: &str, block: Span, nesting: bool) -> Vec<Quoted> {
    let slice = &text[block.start..block.end];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // The opener of a quote of the other double style nested in the open one.
    let mut inner: Option<char> = None;
    let word_char = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_alphanumeric());
    let mut k = 0;
    while k < chars.len() {
        let (at, raw) = chars[k];
        // (A NUL in the text is no mark, whatever the stand-in below.)
        let mut c = if raw == TWO_APOSTROPHES { ' ' } else { raw };
        // `''` is one mark, two bytes long.
        let mut len = c.len_utf8();
        let first = k;
        if c == '\'' && chars.get(k + 1).is_some_and(|&(_, d)| d == '\'') {
            c = TWO_APOSTROPHES;
            len = 2;
            k += 1;
        }
        let before_is_word = first > 0 && word_char(first - 1);
        let after_is_word = word_char(k + 1);
        match open {
            None => {
                let opens = match c {
                    '“' | '„' | '«' | '"' | TWO_APOSTROPHES => true,
                    // A closing mark typed for the opening one ("”Sorry Sarah, ...!!”"): at the
                    // start of a word after a space or the paragraph's start.
                    '”' => after_is_word && (first == 0 || chars[first - 1].1.is_whitespace()),
                    // A single mark opens only at the start of a word: not "don't", "Korea’s".
                    '‘' | '\'' => !before_is_word && after_is_word,
                    _ => false,
                };
                if opens {
                    open = Some((at, c));
                }
            }
            Some(_) if inner.is_some() => {
                // Only the nested quote's own closing mark ends it.
                let closes = inner.is_some_and(|i| closer_of(i).contains(&c))
                    && !(before_is_word && after_is_word);
                if closes {
                    inner = None;
                }
            }
            Some((_, opener))
                if nesting
                    && after_is_word
                    && (first == 0 || chars[first - 1].1.is_whitespace())
                    && matches!((opener, c), ('"', '“' | '„') | ('“' | '„' | '«', '"')) =>
            {
                inner = Some(c);
            }
            Some((start, opener)) => {
                // A double mark of the other style where a closing mark goes (after the words,
                // before a space or punctuation) closes too: pages mix “curly" and "straight”
                // marks, and type “ for ” ("“Apparently not,“ he said").
                let closing_place = first > 0
                    && !chars[first - 1].1.is_whitespace()
                    && !after_is_word
                    && at > start + 1;
                let mixed =
                    matches!(opener, '“' | '"') && matches!(c, '"' | '”' | '“') && closing_place;
                let closes = (closer_of(opener).contains(&c) || mixed)
                    && match c {
                        // An apostrophe inside a word does not close ("Korea’s").
                        '’' | '\'' => !(before_is_word && after_is_word),
                        '"' => at > start + 1,
                        _ => true,
                    };
                if closes {
                    out.push(Quoted {
                        outer: Span::new(block.start + start, block.start + at + len),
                        content: Span::new(
                            block.start + start + opener_len(opener),
                            block.start + at,
                        ),
                        unclosed: false,
                    });
                    open = None;
                }
            }
        }
        k += 1;
    }
    if let Some((start, opener)) = open {
        // A single mark that never closed was an apostrophe after all.
        if !matches!(opener, '‘' | '\'') {
            out.push(Quoted {
                outer: Span::new(block.start + start, block.end),
                content: Span::new(block.start + start + opener_len(opener), block.end),
                unclosed: true,
            });
        }
    }
    out
}

fn opener_len(opener: char) -> usize {
    if opener == TWO_APOSTROPHES {
        2
    } else {
        opener.len_utf8()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<(&str, bool)> {
        quoted_spans(text, Span::new(0, text.len()))
            .into_iter()
            .map(|q| (q.content.slice(text), q.unclosed))
            .collect()
    }

    #[rustfmt::skip]
    #[test]
    fn every_style_nesting_apostrophes_and_unclosed() {
        for (text, expected) in [
            ("He said “we will win,” and left.", vec![("we will win,", false)]),
            ("He said \"we will win\" and left.", vec![("we will win", false)]),
            ("Er sagte „wir gewinnen“ heute.", vec![("wir gewinnen", false)]),
            ("Il a dit « nous gagnerons » hier.", vec![(" nous gagnerons ", false)]),
            ("She called it ‘heroic’ twice.", vec![("heroic", false)]),
            ("Korea’s leader didn’t say ‘no.’", vec![("no.", false)]),
            ("“He told me ‘never again’ today,” she said.", vec![("He told me ‘never again’ today,", false)]),
            ("“The first paragraph of a long quote", vec![("The first paragraph of a long quote", true)]),
            ("It was a ‘bad day for all", vec![]),
            ("No quotes at all here.", vec![]),
            ("“One.” Then “two.”", vec![("One.", false), ("two.", false)]),
            ("''I don't know,'' said Amy.", vec![("I don't know,", false)]),
            ("«Oui», dit-il, « non ».", vec![("Oui", false), (" non ", false)]),
            ("a\u{0}b \u{0}c", vec![]),
            ("Mr. O'Neill said ''it's over''", vec![("it's over", false)]),
            // Mixed and mistyped double marks close where a closing mark goes.
            ("“It is over,\" she said. \"Done.\"", vec![("It is over,", false), ("Done.", false)]),
            ("\"It is over,” she said.", vec![("It is over,", false)]),
            ("“Apparently not,“ he said. “A leopard.”", vec![("Apparently not,", false), ("A leopard.", false)]),
            // A closing mark typed where the opening one goes opens; inch marks do not.
            ("”Sorry Sarah, well!!” posted Sharon.", vec![("Sorry Sarah, well!!", false)]),
            ("He is 6’2” tall, “he said” so.", vec![("he said", false)]),
            // ... but not where an opening one goes: a pair of the other style nested in a
            // quote stays inside it.
            ("“We said \"no\" twice.”", vec![("We said \"no\" twice.", false)]),
            ("\"It isn't about “Equal Justice Under Law” anymore.\" He left.", vec![("It isn't about “Equal Justice Under Law” anymore.", false)]),
            // A stray opening mark of the other style does not swallow the paragraph.
            ("“We said \"no twice.” Then “yes.”", vec![("We said \"no twice.", false), ("yes.", false)]),
        ] {
            assert_eq!(contents(text), expected, "{text}");
        }
    }
}
