//! Numbers attached to the same claim in different articles, and whether they agree.
//!
//! A fact is a number or ordinal with the noun it counts ("100,000 volunteers", "the third
//! nation"), read from a BODY sentence outside any date expression. Two facts from different
//! articles are the same claim when they count the same kind of thing (same noun stem, or nouns
//! of one class: country/nation/state) and their sentences share enough content (content-word
//! stems, with entity mentions replaced by their cross-article entity, so "Luhansk" and "Lugansk"
//! count as one word). The verdict is conservative: values that differ are only a conflict when
//! no wording near either number qualifies it ("outside of Russia", "behind Russia and Syria",
//! "more than"), because a wrong conflict costs a reader more than a missed one.

use super::words::{fold, is_content, stem};
use crate::span::Span;
use crate::text::{Token, TokenKind};

/// The verdict on one claim across articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Every article gives the same value.
    Agree,
    /// The values differ and nothing in the wording reconciles them.
    Differ,
    /// The values differ, but a qualifier near one of them ("outside of Russia", "more than")
    /// may account for it: worth a reader's check, not a conflict.
    Qualified,
    /// Only one article states it.
    Unique,
}

/// Words near a number that change what it counts or how exactly.
const QUALIFIERS: &[&str] = &[
    "about",
    "after",
    "almost",
    "approximately",
    "around",
    "behind",
    "besides",
    "estimated",
    "except",
    "excluding",
    "fewer",
    "including",
    "least",
    "less",
    "more",
    "nearly",
    "outside",
    "over",
    "roughly",
    "some",
    "than",
    "under",
    "up",
];

/// Nouns that count the same kind of thing (compared by stem).
const UNIT_CLASSES: &[(&str, &str)] = &[
    ("country", "country"),
    ("countries", "country"),
    ("nation", "country"),
    ("state", "country"),
    ("troop", "troops"),
    ("soldier", "troops"),
    ("volunteer", "troops"),
    ("fighter", "troops"),
    ("people", "people"),
    ("person", "people"),
    ("percent", "percent"),
    ("%", "percent"),
];

const CARDINALS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("dozens", 24.0),
];

const ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
];

const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// One number in one article.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// Index of its article.
    pub(crate) article: usize,
    /// Its value.
    pub(crate) value: f64,
    /// True for ordinals ("third", "77th").
    pub(crate) ordinal: bool,
    /// The number and its noun, as written.
    pub(crate) span: Span,
    /// Its sentence.
    pub(crate) sentence: Span,
    /// Unit classes of the noun it counts.
    units: Vec<String>,
    /// Content of its sentence: stems and entity keys, sorted.
    context: Vec<u64>,
    /// A qualifier near it, if any.
    pub(crate) qualifier: Option<String>,
}

/// A sentence as the fact finder reads it.
pub(crate) struct SentenceInput<'a> {
    /// Index of the article.
    pub(crate) article: usize,
    /// The article text.
    pub(crate) text: &'a str,
    /// The sentence span.
    pub(crate) span: Span,
    /// Its tokens.
    pub(crate) tokens: &'a [Token],
    /// The sentence's content keys, sorted (see `sentence_contents`).
    pub(crate) context: &'a [u64],
    /// True for tokens inside a date expression.
    pub(crate) in_date: &'a dyn Fn(Span) -> bool,
}

/// The numbers with a counted noun in one sentence.
pub(crate) fn find(input: &SentenceInput<'_>) -> Vec<Found> {
    let words: Vec<&str> = input
        .tokens
        .iter()
        .map(|t| t.span.slice(input.text))
        .collect();
    let is_word = |i: usize| {
        matches!(
            input.tokens[i].kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Symbol
        )
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some((mut value, ordinal)) = number(words[i]) else {
            i += 1;
            continue;
        };
        let start = i;
        // "the two countries" (also across a quotation mark: "the “two countries would ...")
        // refers to things already named; it counts nothing new.
        let before = (0..i)
            .rev()
            .find(|&k| !matches!(words[k], "“" | "”" | "\"" | "‘" | "’" | "'"));
        let definite = !ordinal
            && before.is_some_and(|k| {
                matches!(
                    fold(words[k]).as_str(),
                    "the" | "our" | "their" | "its" | "these" | "those" | "his" | "her"
                )
            });
        // "with one telling Fox News": "one" before a verb is a pronoun, no count.
        let pronoun = !ordinal
            && fold(words[i]) == "one"
            && words.get(i + 1).is_some_and(|w| {
                (w.len() > 4 && w.ends_with("ing"))
                    || matches!(*w, "who" | "that" | "said" | "says")
            });
        if definite
            || pronoun
            || (input.in_date)(input.tokens[i].span)
            || (!ordinal && (1800.0..2100.0).contains(&value) && !words[i].contains(','))
        {
            i += 1;
            continue;
        }
        // "1.5 million", "two hundred thousand".
        while let Some(m) = words.get(i + 1).and_then(|w| multiplier(w)) {
            value *= m;
            i += 1;
        }
        // The counted noun: the next content words, skipping quotation marks.
        let mut units = Vec::new();
        let mut end = i;
        let mut k = i + 1;
        while k < words.len() && k <= i + 3 && units.len() < 2 {
            if !is_word(k) {
                if matches!(words[k], "“" | "”" | "\"" | "‘" | "’" | "'") {
                    k += 1;
                    continue;
                }
                break;
            }
            let w = fold(words[k]);
            if !is_content(&w) && w != "%" {
                break;
            }
            if number(words[k]).is_some() {
                break;
            }
            units.push(unit_class(stem(&w)));
            end = k;
            k += 1;
        }
        if units.is_empty() {
            i += 1;
            continue;
        }
        let near = start.saturating_sub(6)..(end + 7).min(words.len());
        let qualifier = near
            .clone()
            .map(|k| fold(words[k]))
            .find(|w| QUALIFIERS.contains(&w.as_str()));
        found.push(Found {
            article: input.article,
            value,
            ordinal,
            span: Span::new(input.tokens[start].span.start, input.tokens[end].span.end),
            sentence: input.span,
            units,
            context: input.context.to_vec(),
            qualifier,
        });
        i = end + 1;
    }
    found
}

fn unit_class(unit: &str) -> String {
    UNIT_CLASSES
        .iter()
        .find(|(word, _)| stem(word) == unit)
        .map_or_else(|| unit.to_owned(), |(_, class)| (*class).to_owned())
}

fn multiplier(word: &str) -> Option<f64> {
    let w = word.to_lowercase();
    MULTIPLIERS.iter().find(|(m, _)| *m == w).map(|(_, v)| *v)
}

/// The value of a number word or numeral, and whether it is an ordinal.
fn number(word: &str) -> Option<(f64, bool)> {
    let lower = word.to_lowercase();
    if let Some((_, v)) = CARDINALS.iter().find(|(w, _)| *w == lower) {
        return Some((*v, false));
    }
    if let Some((_, v)) = ORDINALS.iter().find(|(w, _)| *w == lower) {
        return Some((*v, true));
    }
    if !lower.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (digits, ordinal) = match ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| lower.strip_suffix(s))
    {
        Some(d) => (d, true),
        None => (lower.as_str(), false),
    };
    let plain: String = digits.chars().filter(|&c| c != ',').collect();
    plain.parse::<f64>().ok().map(|v| (v, ordinal))
}

/// Groups the facts of different articles that state the same claim; every fact is in
/// exactly one group (a group of one is a claim only its article makes).
pub(crate) fn group(facts: &[Found]) -> Vec<(Vec<usize>, Verdict)> {
    let mut sets = super::union::DisjointSets::new(facts.len());
    for i in 0..facts.len() {
        for j in i + 1..facts.len() {
            if facts[i].article != facts[j].article && same_claim(&facts[i], &facts[j]) {
                sets.join(i, j);
            }
        }
    }
    let groups = sets.groups();
    groups
        .into_iter()
        .map(|members| {
            let first = &facts[members[0]];
            let articles_agree = members.iter().all(|&m| facts[m].article == first.article);
            let verdict = if articles_agree {
                Verdict::Unique
            } else if members.iter().all(|&m| facts[m].value == first.value) {
                Verdict::Agree
            } else if members.iter().any(|&m| facts[m].qualifier.is_some()) {
                Verdict::Qualified
            } else {
                Verdict::Differ
            };
            (members, verdict)
        })
        .collect()
}

fn same_claim(a: &Found, b: &Found) -> bool {
    if a.ordinal != b.ordinal || !a.units.iter().any(|u| b.units.contains(u)) {
        return false;
    }
    let shared = super::profile::shared_sorted(&a.context, &b.context);
    shared >= 4 && shared * 4 >= a.context.len().min(b.context.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_new_things_not_things_named_before_nor_pronouns() {
        let found = |text: &str| -> Vec<String> {
            let mut tokens = Vec::new();
            crate::text::tokenize(text, Span::new(0, text.len()), &mut tokens);
            find(&SentenceInput {
                article: 0,
                text,
                span: Span::new(0, text.len()),
                tokens: &tokens,
                context: &[],
                in_date: &|_| false,
            })
            .iter()
            .map(|f| f.span.slice(text).to_owned())
            .collect()
        };
        assert_eq!(
            found("Experts doubt it, with one telling the Gazette that 1,500 workers are too few."),
            ["1,500 workers"]
        );
        assert_eq!(
            found("The letter vowed that the “two cities would keep 300 ferries.”"),
            ["300 ferries"]
        );
        assert_eq!(
            found("One bridge and two ferries were lost."),
            ["One bridge", "two ferries"]
        );
    }

    #[test]
    fn numbers_read_as_values() {
        assert_eq!(number("100,000"), Some((100_000.0, false)));
        assert_eq!(number("77th"), Some((77.0, true)));
        assert_eq!(number("third"), Some((3.0, true)));
        assert_eq!(number("Two"), Some((2.0, false)));
        assert_eq!(number("Korea"), None);
        assert_eq!(unit_class(stem("nations")), unit_class(stem("country")));
    }
}
