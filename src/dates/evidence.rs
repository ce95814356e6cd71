//! What an article's own words say about when it was written, to check a date stamped on its
//! page.
//!
//! A scraped page often carries a date that is not the article's: the day the page was captured,
//! re-rendered or updated ("December 28, 2024" atop a report of letters exchanged in 2022). An
//! anniversary the article marks dates it independently of any stamp: "the 77th anniversary of
//! the liberation on August 15, 1945" was written in 2022, about 2022-08-15; "the 77th
//! anniversary of Korea's liberation from Japanese occupation in World War II" between 2016 and
//! 2022, since the event fell in the war's years. [`anniversary`] finds the first such
//! statement; [`super::document_date`] sets aside a page stamp it contradicts.
//!
//! An anniversary told as history ("In 2019, the 50th anniversary of the 1969 landing ...") says
//! nothing about the article's own date, so a sentence that names a year besides the event's is
//! not evidence, and neither is one in an article that names a year later than the anniversary,
//! nor one still to come ("will mark ...", "... next year").

use time::Date;

use super::extract::ordinal;
use super::{TimexType, extract, timeml};
use crate::span::Span;

/// An anniversary the article marks, and the years it dates the article to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Anniversary {
    /// From the ordinal to the end of the event's date or era ("77th anniversary of ... 1945").
    pub(crate) span: Span,
    /// The first and last year the article can have been written in (inclusive).
    pub(crate) years: (i32, i32),
    /// The anniversary day itself, when the event's full date is given.
    pub(crate) date: Option<Date>,
}

/// Periods a story may count an anniversary from without naming the year: an event "in World
/// War II" fell in 1939-1945. Longest names first, so "world war ii" is not read as "world war i".
const ERAS: [(&str, i32, i32); 8] = [
    ("second world war", 1939, 1945),
    ("first world war", 1914, 1918),
    ("world war iii", 0, 0),
    ("world war ii", 1939, 1945),
    ("world war 2", 1939, 1945),
    ("world war i", 1914, 1918),
    ("world war 1", 1914, 1918),
    ("korean war", 1950, 1953),
];

/// The event must be named within this many bytes after "anniversary".
const EVENT_WINDOW: usize = 160;

/// The first anniversary in `sentences` (spans of `text`, in reading order) that dates the
/// article: an ordinal ("77th", "seventy-seventh") before "anniversary", then "of" or "since" and
/// the event's date or era in the same sentence.
pub(crate) fn anniversary(text: &str, sentences: &[Span]) -> Option<Anniversary> {
    sentences
        .iter()
        .find_map(|&sentence| in_sentence(text, sentence))
}

fn in_sentence(text: &str, sentence: Span) -> Option<Anniversary> {
    let slice = sentence.slice(text);
    // (Most sentences name no anniversary: they are not copied.)
    if !slice.contains("nniversar") && !slice.contains("NNIVERSAR") {
        return None;
    }
    // ASCII lowercasing keeps every byte offset.
    let lower = slice.to_ascii_lowercase();
    let at = find_word(&lower, "anniversary", 0)?;
    // An anniversary still to come ("will mark the 100th anniversary of ... next year") dates
    // the future, not the article.
    if find_word(&lower[..at], "will", 0).is_some() || lower.contains("next year") {
        return None;
    }
    let years_of = |n: i32, (first, last): (i32, i32)| (first + n, last + n);
    let n = ordinal_before(&lower[..at])?;
    let start = ordinal_start(&lower[..at]);
    let after = at + "anniversary".len();
    let rest = lower[after..].trim_start();
    let rest = rest
        .strip_prefix("of ")
        .or_else(|| rest.strip_prefix("since "))?;
    let window_end = floor_boundary(&lower, (after + EVENT_WINDOW).min(lower.len()));
    let found = extract(slice, None);
    // A year named anywhere else in the sentence tells the anniversary as history.
    let is_year = |value: &str| value.len() >= 4 && value[..4].bytes().all(|b| b.is_ascii_digit());
    let mut event = None;
    for expression in &found {
        if expression.kind != TimexType::Date || !is_year(&expression.value) {
            continue;
        }
        let inside = expression.span.start > after && expression.span.end <= window_end;
        if event.is_none() && inside && !quoted_between(&lower[after..expression.span.start]) {
            event = Some(expression);
        } else {
            return None;
        }
    }
    let rest_at = lower.len() - rest.len();
    let (span_end, years, date) = match event {
        Some(expression) => {
            let year: i32 = expression.value[..4].parse().ok()?;
            let date = timeml::parse_date(&expression.value)
                .and_then(|d| Date::from_calendar_date(d.year() + n, d.month(), d.day()).ok());
            (expression.span.end, years_of(n, (year, year)), date)
        }
        None => {
            let (end, first, last) = ERAS.iter().find_map(|&(name, first, last)| {
                let found = find_word(&lower[..window_end], name, rest_at)?;
                Some((found + name.len(), first, last))
            })?;
            // "World War III" names no past period.
            if first == 0 {
                return None;
            }
            (end, years_of(n, (first, last)), None)
        }
    };
    Some(Anniversary {
        span: Span::new(sentence.start + start, sentence.start + span_end),
        years,
        date,
    })
}

/// The ordinal among the three words before "anniversary" ("77th", "the 77th Liberation Day"),
/// as a number.
fn ordinal_before(before: &str) -> Option<i32> {
    before
        .split_whitespace()
        .rev()
        .take(3)
        .find_map(|word| ordinal(word.trim_matches(|c: char| !c.is_alphanumeric())))
        .and_then(|n| i32::try_from(n).ok())
}

/// Where the ordinal found by [`ordinal_before`] starts.
fn ordinal_start(before: &str) -> usize {
    let mut end = before.len();
    for _ in 0..3 {
        let trimmed = before[..end].trim_end();
        let start = trimmed.rfind(char::is_whitespace).map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &trimmed[start..];
        if ordinal(word.trim_matches(|c: char| !c.is_alphanumeric())).is_some() {
            return start;
        }
        end = start;
    }
    before.len()
}

/// Where `word` occurs in `haystack` at or after `from` as a whole word.
fn find_word(haystack: &str, word: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(found) = haystack.get(at..)?.find(word) {
        let start = at + found;
        let end = start + word.len();
        let before = haystack[..start].chars().next_back();
        let after = haystack[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(start);
        }
        at = end;
    }
    None
}

/// A quotation mark or a semicolon between "anniversary" and a date puts the date in another
/// statement.
fn quoted_between(between: &str) -> bool {
    between.contains(['"', '“', '”', ';'])
}

fn floor_boundary(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(sentence: &str) -> Option<(i32, i32, Option<String>, String)> {
        anniversary(sentence, &[Span::new(0, sentence.len())]).map(|a| {
            (
                a.years.0,
                a.years.1,
                a.date.map(|d| d.to_string()),
                a.span.slice(sentence).to_owned(),
            )
        })
    }

    #[test]
    fn an_anniversary_of_a_full_date_gives_its_day() {
        assert_eq!(
            years("Crowds marked the 77th anniversary of the liberation on August 15, 1945."),
            Some((
                2022,
                2022,
                Some("2022-08-15".to_owned()),
                "77th anniversary of the liberation on August 15, 1945".to_owned()
            ))
        );
    }

    #[test]
    fn an_anniversary_of_a_year_or_an_era() {
        assert_eq!(
            years("It is the 50th anniversary of the 1972 treaty.").map(|y| (y.0, y.1, y.2)),
            Some((2022, 2022, None))
        );
        assert_eq!(
            years("The city held a parade for the seventy-seventh anniversary since its liberation in the Second World War.")
                .map(|y| (y.0, y.1)),
            Some((2016, 2022))
        );
        assert_eq!(
            years("Veterans gathered on the 80th Victory Day anniversary of their service in World War II, officials said.")
                .map(|y| (y.0, y.1)),
            Some((2019, 2025))
        );
    }

    #[test]
    fn history_and_other_statements_are_not_evidence() {
        // Another year in the sentence: the anniversary is told as history.
        assert_eq!(
            years("In 2019, the 50th anniversary of the 1969 landing drew crowds."),
            None
        );
        // No ordinal, or no event.
        assert_eq!(
            years("On the anniversary of the liberation on August 15, 1945, he spoke."),
            None
        );
        assert_eq!(
            years("They celebrated their 10th anniversary in style."),
            None
        );
        // A year in a quotation after the anniversary is not its event.
        assert_eq!(
            years("At the 5th anniversary of the firm, she said “2008 was hard.”"),
            None
        );
        assert_eq!(
            years("The 3rd anniversary of the pact fears World War III."),
            None
        );
        // An anniversary still to come.
        assert_eq!(
            years("The island will mark the 100th anniversary of its 1919 charter in style."),
            None
        );
        assert_eq!(
            years("Plans for the 100th anniversary of the 1919 charter next year were unveiled."),
            None
        );
    }

    #[test]
    fn ordinals() {
        for (word, n) in [
            ("1st", 1),
            ("22nd", 22),
            ("13th", 13),
            ("77th", 77),
            ("101st", 101),
            ("tenth", 10),
            ("seventy-seventh", 77),
            ("fiftieth", 50),
            ("hundredth", 100),
        ] {
            assert_eq!(ordinal(word), Some(n), "{word}");
        }
        for word in ["77", "seventy", "th", "1000th", "77thly"] {
            assert_eq!(ordinal(word), None, "{word}");
        }
    }
}
