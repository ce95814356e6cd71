//! How words are usually written: for each word seen often enough in edited running text, how
//! often it is capitalized where capitals carry meaning (not at the start of a sentence).
//!
//! Capitalization is the strongest single cue for names in edited English, and it fails exactly
//! where the tagger needs help: at the start of a sentence ("Donetsk" vs "Yesterday"), in
//! headlines, and in web text written in lower case ("tampa bay"). A word's usual casing, learned
//! from unannotated news, restores the cue. Compiled by `parallax train casing` into
//! `models/casing.tsv` (word, class) and compiled into the binary.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::lexicon::{WordKey, WordTable};

/// The lexicon built into the binary (`models/casing.tsv`).
pub const BUILTIN: &str = include_str!("../../models/casing.tsv");

/// Usual casing classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Class {
    /// Capitalized in fewer than 10% of mid-sentence uses.
    Lower = b'l',
    /// 10-50%.
    MostlyLower = b'm',
    /// 50-90%.
    MostlyCapital = b'c',
    /// 90% or more.
    Capital = b'C',
}

impl Class {
    fn of(ratio: f64) -> Self {
        if ratio < 0.1 {
            Class::Lower
        } else if ratio < 0.5 {
            Class::MostlyLower
        } else if ratio < 0.9 {
            Class::MostlyCapital
        } else {
            Class::Capital
        }
    }

    fn from_byte(b: u8) -> Option<Self> {
        [
            Class::Lower,
            Class::MostlyLower,
            Class::MostlyCapital,
            Class::Capital,
        ]
        .into_iter()
        .find(|c| *c as u8 == b)
    }
}

/// The compiled lexicon.
#[derive(Debug, Clone, Default)]
pub struct Casing {
    words: WordTable<Class>,
}

impl Casing {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> &'static Casing {
        static CASING: std::sync::OnceLock<Casing> = std::sync::OnceLock::new();
        CASING.get_or_init(|| {
            Casing::parse(BUILTIN).expect("models/casing.tsv is written by `parallax train casing`")
        })
    }

    /// Reads `word \t class` lines.
    pub fn parse(source: &str) -> Result<Self, String> {
        let words = WordTable::parse(source, "class", |[class]: [&str; 1]| {
            class
                .bytes()
                .next()
                .and_then(Class::from_byte)
                .ok_or_else(|| format!("unknown class {class:?}"))
        })?;
        Ok(Casing { words })
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The usual casing of `lower` (a lowercased word), if it was seen often enough.
    pub fn class(&self, lower: &str) -> Option<Class> {
        self.words.get(lower)
    }

    /// [`Casing::class`] of the lowercased word whose key is `lower`.
    pub(crate) fn class_key(&self, lower: WordKey) -> Option<Class> {
        self.words.get_key(lower)
    }
}

/// The key of a word in the per-word lexicons (FNV-1a over its bytes).
pub(crate) fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Counts mid-sentence casing over tokenized sentences.
#[derive(Debug, Default)]
pub struct CasingCounter {
    counts: HashMap<String, (u32, u32)>,
}

impl CasingCounter {
    /// Counts one sentence's tokens; the first word and words after an opening quote or a colon
    /// are skipped, since their capitals say nothing.
    pub fn add_sentence<'a>(&mut self, tokens: impl IntoIterator<Item = &'a str>) {
        let mut initial = true;
        for token in tokens {
            if !token.chars().any(char::is_alphabetic) {
                initial |= matches!(token, "\"" | "“" | "‘" | ":" | "(" | "-" | "—" | "–");
                continue;
            }
            if initial {
                initial = false;
                continue;
            }
            // All-caps words are headlines, shouting or acronyms: no evidence either way.
            if token
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
                && token.chars().filter(|c| c.is_alphabetic()).count() > 1
            {
                continue;
            }
            let entry = self.counts.entry(token.to_lowercase()).or_default();
            entry.0 += 1;
            entry.1 += u32::from(token.starts_with(char::is_uppercase));
        }
    }

    /// The compiled text form: words seen at least `min_count` times, sorted.
    pub fn compile(&self, min_count: u32) -> String {
        let mut words: Vec<(&String, &(u32, u32))> = self
            .counts
            .iter()
            .filter(|(w, (n, _))| *n >= min_count && !w.contains(['\t', '\n']))
            .collect();
        words.sort();
        let mut out = String::from(
            "# Parallax casing lexicon: word, usual mid-sentence casing (l < 10% capitalized,\n\
             # m < 50%, c < 90%, C >= 90%). Compiled by `parallax train casing`; see NOTICE.\n",
        );
        for (word, &(n, caps)) in words {
            let class = Class::of(f64::from(caps) / f64::from(n));
            let _ = writeln!(out, "{word}\t{}", class as u8 as char);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_mid_sentence_capitals_only() {
        let mut counter = CasingCounter::default();
        for _ in 0..3 {
            counter.add_sentence("Moscow said the talks in Moscow went well".split(' '));
            counter.add_sentence("Talks resumed , the TALKS said \" Talks".split(' '));
        }
        let casing = Casing::parse(&counter.compile(3)).unwrap();
        assert_eq!(casing.class("moscow"), Some(Class::Capital));
        assert_eq!(casing.class("the"), Some(Class::Lower));
        // "Talks" sentence-initially and after a quote is skipped; "TALKS" too.
        assert_eq!(casing.class("talks"), Some(Class::Lower));
        assert_eq!(casing.class("resumed"), Some(Class::Lower));
        assert_eq!(casing.class("said"), Some(Class::Lower));
        assert_eq!(casing.class("nowhere"), None);
        assert!(Casing::parse("word\tz\n").is_err());
    }
}
