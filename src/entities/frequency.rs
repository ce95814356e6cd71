//! How often a word is written lower-case and how often capitalized, in far more text than the
//! corpora here: "miramar" is a name even in a comment typed all in lower case, because
//! "Miramar" is eight times as common as "miramar"; "Will" at a sentence's start is the verb.
//!
//! The tagger's own casing lexicon (`casing.rs`) counts mid-sentence capitals in the text on this
//! machine, 13,000 words; this table gives the same evidence for about 180,000 words, from the
//! log-probabilities of spaCy's `spacy-lookups-data` (MIT; `en_lexeme_prob`, a million
//! case-sensitive word forms). For each word it keeps the log-probability of its lower-case and
//! of its capitalized form ("miramar", "Miramar"), in half-nat steps; the features read their
//! difference and the word's frequency.
//!
//! Compiled by `parallax train frequency` into `models/frequency.tsv` (word, lower-case and
//! capitalized -2 log p, `-` for a form the table lacks) and compiled into the binary.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::lexicon::{WordKey, WordTable};

/// The table built into the binary (`models/frequency.tsv`).
pub const BUILTIN: &str = include_str!("../../models/frequency.tsv");

/// -2 log p of a form the table lacks (spaCy's out-of-vocabulary log-probability is -20.5).
const ABSENT: u8 = 41;

/// Lower-case and capitalized frequencies of words.
#[derive(Debug, Clone, Default)]
pub struct Frequency {
    words: WordTable<(u8, u8)>,
}

impl Frequency {
    /// The table compiled into the binary.
    pub fn builtin() -> &'static Frequency {
        static TABLE: std::sync::OnceLock<Frequency> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            Frequency::parse(BUILTIN)
                .expect("models/frequency.tsv is written by `parallax train frequency`")
        })
    }

    /// Reads `word \t lower \t capitalized` lines (each -2 log p, or `-`).
    pub fn parse(source: &str) -> Result<Self, String> {
        let words = WordTable::parse(
            source,
            "lower-case and capitalized -2 log p",
            |[lower, title]: [&str; 2]| {
                let parse = |s: &str| match s {
                    "-" => Ok(ABSENT),
                    _ => s.parse::<u8>().map_err(|_| format!("bad -2 log p {s:?}")),
                };
                Ok((parse(lower)?, parse(title)?))
            },
        )?;
        Ok(Frequency { words })
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// For `lower` (a lower-cased word): how much more common its capitalized form is than its
    /// lower-case one, in nats rounded and kept within ±6, and how rare its commoner form is
    /// (-log p in steps of two nats, at most 10). None for a word the table lacks.
    pub fn of(&self, lower: &str) -> Option<(i8, u8)> {
        self.of_key(WordKey::new(lower))
    }

    /// [`Frequency::of`] the lowercased word whose key is `lower`.
    pub(crate) fn of_key(&self, lower: WordKey) -> Option<(i8, u8)> {
        let (l, t) = self.words.get_key(lower)?;
        let capitalized = (i16::from(l) - i16::from(t)) / 2;
        let rarity = l.min(t) / 4;
        Some((capitalized.clamp(-6, 6) as i8, rarity.min(10)))
    }
}

/// Compiles spaCy's `en_lexeme_prob` table (a JSON object from word form to natural-log
/// probability) into `word \t lower \t capitalized` lines for the words whose commoner form has
/// a log-probability of at least `min_log_prob`.
pub fn compile(table: &HashMap<String, f64>, min_log_prob: f64) -> String {
    let mut forms: HashMap<String, (Option<f64>, Option<f64>)> = HashMap::new();
    for (word, &lp) in table {
        if !word.chars().any(char::is_alphabetic) || word.contains(['\t', '\n', '\r']) {
            continue;
        }
        let lower = word.to_lowercase();
        if lower.starts_with('#') {
            continue;
        }
        let mut chars = lower.chars();
        let title: String = chars
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(chars)
            .collect();
        if *word == lower {
            forms.entry(lower).or_default().0 = Some(lp);
        } else if *word == title {
            forms.entry(lower).or_default().1 = Some(lp);
        }
    }
    let quantize = |lp: Option<f64>| match lp {
        Some(lp) => ((-2.0 * lp).round().clamp(0.0, f64::from(ABSENT))) as u8,
        None => ABSENT,
    };
    let mut rows: Vec<(String, u8, u8)> = forms
        .into_iter()
        .filter(|(_, (l, t))| l.iter().chain(t).any(|&lp| lp >= min_log_prob))
        .map(|(word, (l, t))| (word, quantize(l), quantize(t)))
        .collect();
    rows.sort_unstable();
    let mut out = String::from(
        "# Parallax word frequencies: word, -2 log p lower-case and capitalized ('-' absent).\n\
         # Compiled by `parallax train frequency` from spacy-lookups-data's en_lexeme_prob; see NOTICE.\n",
    );
    let field = |q: u8| {
        if q == ABSENT {
            "-".to_owned()
        } else {
            q.to_string()
        }
    };
    for (word, l, t) in rows {
        let _ = writeln!(out, "{word}\t{}\t{}", field(l), field(t));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_table_says_which_form_is_commoner() {
        let table: HashMap<String, f64> = [
            ("miramar", -18.5),
            ("Miramar", -16.5),
            ("will", -6.2),
            ("Will", -9.8),
            ("Zyx", -19.9),
            ("1999", -10.0),
        ]
        .into_iter()
        .map(|(w, p)| (w.to_owned(), p))
        .collect();
        let text = compile(&table, -19.0);
        assert!(!text.contains("zyx"), "{text}");
        assert!(!text.contains("1999"), "{text}");
        let frequency = Frequency::parse(&text).unwrap();
        assert_eq!(frequency.len(), 2);
        // -2 log p: miramar 37, Miramar 33.
        assert_eq!(frequency.of("miramar"), Some((2, 8)));
        // will 12, Will 20.
        assert_eq!(frequency.of("will"), Some((-4, 3)));
        assert_eq!(frequency.of("zyx"), None);
    }

    #[test]
    fn malformed_lines_are_refused() {
        assert!(Frequency::parse("word\t1\n").is_err());
        assert!(Frequency::parse("word\tx\t1\n").is_err());
        assert!(Frequency::parse("word\t1\t2\t3\n").is_err());
    }
}
