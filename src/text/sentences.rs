//! Sentence segmentation of one block.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets after it) when
//! the next word starts a sentence: an uppercase letter, a digit, or an opening quote or bracket
//! before one. A lowercase continuation never starts one, which keeps `"Will we win?" he asked.`
//! and `"We will," he said.` whole. Periods that are not sentence ends are recognised by what
//! precedes them:
//! - titles and other abbreviations that precede a name or number never end a sentence
//!   ("Mr.", "Gen.", "Sen.", "No. 5", "Aug. 15");
//! - a single capital is an initial ("George W. Bush", "J. K. Rowling") unless a typical
//!   sentence opener follows ("Plan B. It failed.");
//! - an acronym with periods ("U.S.", "U.N.", "p.m.") ends a sentence only when a word that
//!   typically opens a sentence follows ("... in the U.S. The next day ...") and never before
//!   a name ("U.S. President");
//! - a period between digits is a decimal point or a date separator.

use crate::span::Span;

/// Abbreviations after which a period never ends a sentence: titles before names, and words
/// that precede a number or another word in the same sentence.
const NEVER_FINAL: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Cmdr", "Maj", "Sgt",
    "Adm", "Brig", "Cpl", "Pvt", "Sen", "Rep", "Gov", "Pres", "Rev", "Hon", "Fr", "Sr", "Jr", "St",
    "Mt", "Ft", "Gov", "Amb", "Atty", "Supt", "Det", "Insp", "No", "Nos", "Vol", "vol", "pp", "p",
    "Fig", "fig", "Art", "art", "Sec", "Ch", "ch", "vs", "v", "approx", "ca", "cf", "e.g", "i.e",
    "al", "Inc", "Corp", "Co", "Ltd", "Bros", "Ave", "Blvd", "Rd", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu",
    "Thur", "Thurs", "Fri", "Sat", "Sun", "est", "etc",
];

/// Abbreviations that may end a sentence only when what follows is clearly a new sentence.
/// `Inc.`, `Co.` and `etc.` often end one; the month list is here because "in Jan. The" is rare
/// but possible.
const MAY_BE_FINAL: &[&str] = &["Inc", "Corp", "Co", "Ltd", "Bros", "etc", "al", "Jr", "Sr"];

/// Words that typically open a sentence: after an acronym with periods, one of these starts a
/// new sentence, while a name continues the old one ("U.S. President").
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "For",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "Since",
    "Although",
    "However",
    "Meanwhile",
    "Still",
    "Then",
    "Now",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Both",
    "Some",
    "Many",
    "Most",
    "No",
    "Not",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
];

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '„' | '‚' | '¡' | '¿'
    )
}

/// The word (letters, digits, inner periods) ending right before byte `end` of `text`.
fn word_before(text: &str, end: usize) -> &str {
    let start = text[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(end, |(i, _)| i);
    &text[start..end]
}

/// The word starting at byte `start` of `text`, after any opening quotes or brackets.
fn word_after(text: &str, start: usize) -> &str {
    let rest = text[start..].trim_start_matches(is_opening);
    let end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '’' || c == '\''))
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// Can a sentence start with `word`?
fn starts_sentence(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || !c.is_alphabetic() && !c.is_ascii())
}

/// Decides whether the period at byte `dot` of `text` ends a sentence, given the word after it.
fn period_ends_sentence(text: &str, dot: usize, next: &str) -> bool {
    let word = word_before(text, dot);
    let bare = word.trim_end_matches('.');
    // A decimal point or date separator: "3.5", "15.08.22".
    if bare.chars().last().is_some_and(|c| c.is_ascii_digit())
        && next.chars().next().is_some_and(|c| c.is_ascii_digit())
        && text[dot + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    if bare.contains('.') || (bare.chars().count() == 1 && bare.chars().all(char::is_lowercase)) {
        // An acronym with periods ("U.S.", "p.m.").
        return SENTENCE_OPENERS.contains(&next);
    }
    if MAY_BE_FINAL.contains(&bare) {
        return SENTENCE_OPENERS.contains(&next);
    }
    if NEVER_FINAL.contains(&bare) {
        return false;
    }
    // A single capital is an initial, unless a sentence clearly starts after it ("Plan B. It").
    let mut chars = bare.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return SENTENCE_OPENERS.contains(&next);
    }
    true
}

/// Splits `text[span]` into sentence spans (trimmed), appending them to `out`.
pub(crate) fn split(text: &str, span: Span, out: &mut Vec<Span>) {
    let mut start = span.start;
    let bytes_end = span.end;
    let mut i = span.start;
    // Double quotation marks open at `i`: curly ones by count, straight ones by parity.
    let mut quoting = Quoting::default();
    while i < bytes_end {
        let c = text[i..]
            .chars()
            .next()
            .expect("i is a char boundary inside the span");
        let len = c.len_utf8();
        if !matches!(c, '.' | '!' | '?' | '…') {
            quoting.pass(c);
            i += len;
            continue;
        }
        // Take the whole run of terminators and the closing marks after it.
        let mut end = i + len;
        while end < bytes_end {
            let n = text[end..].chars().next().expect("end is a char boundary");
            if matches!(n, '.' | '!' | '?' | '…') || is_closing(n) {
                end += n.len_utf8();
            } else {
                break;
            }
        }
        // (The closing marks of the run count too.)
        text[i..end].chars().for_each(|m| quoting.pass(m));
        let after_space = text[end..bytes_end].trim_start();
        let gap = bytes_end - end - after_space.len();
        if after_space.is_empty() {
            break;
        }
        if gap == 0 {
            // No space after the terminator: "U.S.-led", "3.5", "Yahoo!News".
            i = end;
            continue;
        }
        let next = word_after(text, end + gap);
        let opener = after_space.starts_with(is_opening);
        let ends = (starts_sentence(next) || opener && next.is_empty())
            && (c != '.' || text[i..end].starts_with("..") || period_ends_sentence(text, i, next))
            && !(matches!(c, '!' | '?') && quoting.continues_sentence(&text[end..bytes_end]));
        if ends {
            push_trimmed(text, Span::new(start, end), out);
            start = end + gap;
        }
        i = end;
    }
    push_trimmed(text, Span::new(start, bytes_end), out);
}

/// Which double quotation marks are open, as the splitter scans a block.
#[derive(Default)]
struct Quoting {
    curly: usize,
    straight: bool,
}

impl Quoting {
    fn pass(&mut self, c: char) {
        match c {
            '“' => self.curly += 1,
            '”' => self.curly = self.curly.saturating_sub(1),
            '"' => self.straight = !self.straight,
            _ => {}
        }
    }

    /// True when an exclamation or question inside an open quote is not the sentence's end:
    /// the quote closes soon after with a comma, its sentence going on ("to chants of “Marco!
    /// Marco!,” the senator said ..."). `rest` is the block after the terminator.
    fn continues_sentence(&self, rest: &str) -> bool {
        let closer: &[char] = match (self.curly > 0, self.straight) {
            (true, _) => &['”'],
            (false, true) => &['"'],
            (false, false) => return false,
        };
        // (Within a short stretch: the splitter stays linear.)
        let mut cut = rest.len().min(120);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &rest[..cut];
        window
            .find(closer)
            .is_some_and(|at| window[..at].trim_end().ends_with(','))
    }
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let slice = &text[span.start..span.end];
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = span.start + (slice.len() - slice.trim_start().len());
    out.push(Span::new(start, start + trimmed.len()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|s| s.slice(text)).collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, [$($s:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                assert_eq!(sentences($text), [$($s),*] as [&str; _]);
            }
        };
    }

    #[rustfmt::skip]
    mod cases {
        use super::*;

        t!(two_plain, "The envoy arrived. Talks began.", ["The envoy arrived.", "Talks began."]);
        t!(question_exclamation, "Will it hold? Nobody knows! We wait.", ["Will it hold?", "Nobody knows!", "We wait."]);
        t!(title_mr, "Mr. Kim arrived late.", ["Mr. Kim arrived late."]);
        t!(title_gen, "Gen. Park spoke. He left.", ["Gen. Park spoke.", "He left."]);
        t!(title_sen, "Sen. Warren objected.", ["Sen. Warren objected."]);
        t!(title_dr_mrs, "Dr. and Mrs. Lee attended.", ["Dr. and Mrs. Lee attended."]);
        t!(month_abbrev, "On Aug. 15 the leaders wrote.", ["On Aug. 15 the leaders wrote."]);
        t!(month_sept, "It began Sept. 11 in New York.", ["It began Sept. 11 in New York."]);
        t!(us_before_name, "U.S. President Biden spoke.", ["U.S. President Biden spoke."]);
        t!(us_mid, "The U.S. Treasury agreed.", ["The U.S. Treasury agreed."]);
        t!(us_at_end, "Troops left the U.S. The next day they landed.", ["Troops left the U.S.", "The next day they landed."]);
        t!(un_led, "A U.N.-backed plan failed. Nobody came.", ["A U.N.-backed plan failed.", "Nobody came."]);
        t!(un_council, "The U.N. Security Council met.", ["The U.N. Security Council met."]);
        t!(initial_middle, "George W. Bush visited.", ["George W. Bush visited."]);
        t!(initials_two, "J. K. Rowling wrote it.", ["J. K. Rowling wrote it."]);
        t!(decimal, "Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]);
        t!(money, "It cost $1.2 billion. Critics balked.", ["It cost $1.2 billion.", "Critics balked."]);
        t!(number_no, "He wore No. 5 proudly.", ["He wore No. 5 proudly."]);
        t!(quote_ends_sentence, "He said, \"We will win.\" Then he left.", ["He said, \"We will win.\"", "Then he left."]);
        t!(curly_quote_ends, "She wrote, “It is over.” The talks ended.", ["She wrote, “It is over.”", "The talks ended."]);
        t!(comma_in_quote, "“We will win,” he said.", ["“We will win,” he said."]);
        t!(question_in_quote, "“Will we win?” he asked. Nobody replied.", ["“Will we win?” he asked.", "Nobody replied."]);
        t!(quote_starts_next, "He paused. “We are ready,” he said.", ["He paused.", "“We are ready,” he said."]);
        t!(exclamations_inside_a_quote_going_on, "To chants of “Lena! Lena!,” she said it was over. Then she left.", ["To chants of “Lena! Lena!,” she said it was over.", "Then she left."]);
        t!(straight_exclamations_going_on, "To chants of \"Go! Go!,\" she spoke. Then she left.", ["To chants of \"Go! Go!,\" she spoke.", "Then she left."]);
        t!(exclamation_in_a_closed_quote_ends, "He shouted, “Stop! Now!” Nobody moved.", ["He shouted, “Stop!", "Now!”", "Nobody moved."]);
        t!(paren_after, "It ended (finally.) Then peace.", ["It ended (finally.)", "Then peace."]);
        t!(ellipsis_then_capital, "He hesitated... Then he spoke.", ["He hesitated...", "Then he spoke."]);
        t!(ellipsis_char, "Wait… Nothing happened.", ["Wait…", "Nothing happened."]);
        t!(ellipsis_lowercase, "and so... we waited.", ["and so... we waited."]);
        t!(lowercase_after_period, "See p. 4 for details.", ["See p. 4 for details."]);
        t!(eg_abbrev, "Some allies, e.g. Japan, objected.", ["Some allies, e.g. Japan, objected."]);
        t!(inc_end, "He works for Acme Inc. The firm grew.", ["He works for Acme Inc.", "The firm grew."]);
        t!(inc_mid, "Acme Inc. Chief Executive Jo Smith spoke.", ["Acme Inc. Chief Executive Jo Smith spoke."]);
        t!(am_pm_end, "It began at 9 a.m. The crowd grew.", ["It began at 9 a.m.", "The crowd grew."]);
        t!(am_pm_mid, "At 9 a.m. Monday the doors opened.", ["At 9 a.m. Monday the doors opened."]);
        t!(number_starts, "They met twice. 2022 was different.", ["They met twice.", "2022 was different."]);
        t!(no_space, "Visit Example.com today.", ["Visit Example.com today."]);
        t!(trailing_space, "One sentence.   ", ["One sentence."]);
        t!(no_terminator, "A headline without a period", ["A headline without a period"]);
        t!(dateline, "SEOUL, Aug. 15 (UPI) -- Putin wrote to Kim. Kim answered.", [ "SEOUL, Aug. 15 (UPI) -- Putin wrote to Kim.", "Kim answered." ]);
        t!(dotted_date, "It was filed 15.08.22 in Tbilisi.", ["It was filed 15.08.22 in Tbilisi."]);
        t!(single_letter_end, "He backed Plan B. It failed.", ["He backed Plan B.", "It failed."]);
        t!(st_saint, "They met in St. Petersburg.", ["They met in St. Petersburg."]);
        t!(newline_inside, "The line\nwraps here. Next one.", ["The line\nwraps here.", "Next one."]);
    }
}
