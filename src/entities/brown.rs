//! Brown clusters of a million English word forms, learned from far more text than the corpora
//! here: "Pyongyang", "Moscow", "Damascus" share a path, and "Microsoft" parts from them a few
//! bits down.
//!
//! Our own clusters (`clusters.rs`) know the 13,000 words frequent in the annotated and news text
//! on this machine; most names in a new article are not among them. Brown et al. (1992) clusters
//! form a binary tree over words that share neighbours; a word's path from the root, cut at
//! several lengths, gives clusters from coarse to fine (Miller et al. 2004; Ratinov and Roth
//! 2009 and Turian et al. 2010 found the prefixes of length 4, 6, 10 and 20 among the most useful
//! NER features). The table is the English one of spaCy's `spacy-lookups-data` (MIT;
//! `en_lexeme_cluster`), which stores each path as an integer whose lowest bit is the root's
//! branch, so a prefix of length k is the integer's lowest k bits. Paths there are at most 18
//! bits, and a path's trailing zeros are not kept, so a prefix of a shorter path is padded with
//! zeros.
//!
//! Compiled by `parallax train brown` into `models/brown.tsv` (word, path) and compiled into the
//! binary. Words are kept as written (the table has "Apple" apart from "apple"); a cased form
//! whose path is its lowercase form's is left out, and looking it up falls back to the lowercase.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::lexicon::{WordKey, WordTable};

/// The table built into the binary (`models/brown.tsv`).
pub const BUILTIN: &str = include_str!("../../models/brown.tsv");

/// Brown cluster paths of words.
#[derive(Debug, Clone, Default)]
pub struct Brown {
    words: WordTable<u32>,
}

impl Brown {
    /// The table compiled into the binary.
    pub fn builtin() -> &'static Brown {
        static BROWN: std::sync::OnceLock<Brown> = std::sync::OnceLock::new();
        BROWN.get_or_init(|| {
            Brown::parse(BUILTIN).expect("models/brown.tsv is written by `parallax train brown`")
        })
    }

    /// Reads `word \t path` lines (the path as spaCy stores it: root branch in the lowest bit).
    pub fn parse(source: &str) -> Result<Self, String> {
        let words = WordTable::parse(source, "path", |[path]: [&str; 1]| {
            path.parse::<u32>()
                .ok()
                .filter(|&p| p != 0)
                .ok_or_else(|| format!("bad path {path:?}"))
        })?;
        Ok(Brown { words })
    }

    /// Number of word forms.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The path of `word` as written, else of `lower` (its lowercase form).
    pub fn of(&self, word: &str, lower: &str) -> Option<u32> {
        self.words.get(word).or_else(|| self.words.get(lower))
    }

    /// [`Brown::of`] by keys: `word`'s, and `lower`'s when the word is not already lowercase
    /// (None: the first lookup was of the same form).
    pub(crate) fn of_keys(&self, word: WordKey, lower: Option<WordKey>) -> Option<u32> {
        self.words
            .get_key(word)
            .or_else(|| lower.and_then(|lower| self.words.get_key(lower)))
    }
}

/// Compiles spaCy's `en_lexeme_cluster` table (a JSON object from word to path; 0 for a word
/// left unclustered) into `word \t path` lines, dropping unclustered words, words that would
/// read as comments, and cased forms that add nothing to their lowercase form.
pub fn compile(table: &HashMap<String, u64>) -> Result<String, String> {
    let mut rows: Vec<(&str, u32)> = Vec::new();
    for (word, &path) in table {
        // ("#..." would read as a comment line.)
        if path == 0
            || word.is_empty()
            || word.starts_with('#')
            || word.contains(['\t', '\n', '\r'])
        {
            continue;
        }
        let path = u32::try_from(path).map_err(|_| format!("{word:?}: path {path} too long"))?;
        let lower = word.to_lowercase();
        if lower != *word && table.get(&lower) == Some(&u64::from(path)) {
            continue;
        }
        rows.push((word, path));
    }
    rows.sort_unstable();
    let mut out = String::from(
        "# Parallax Brown clusters: word, path (root branch in the lowest bit).\n\
         # Compiled by `parallax train brown` from spacy-lookups-data's en_lexeme_cluster; see NOTICE.\n",
    );
    for (word, path) in rows {
        let _ = writeln!(out, "{word}\t{path}");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_table_keeps_clustered_words_and_falls_back_to_lowercase() {
        let table: HashMap<String, u64> = [
            ("pyongyang", 0b101),
            ("Pyongyang", 0b101),
            ("Apple", 0b11),
            ("apple", 0b10),
            ("zyx", 0),
        ]
        .into_iter()
        .map(|(w, p)| (w.to_owned(), p))
        .collect();
        let text = compile(&table).unwrap();
        assert!(!text.contains("Pyongyang\t"), "{text}");
        assert!(!text.contains("zyx"), "{text}");
        let brown = Brown::parse(&text).unwrap();
        assert_eq!(brown.len(), 3);
        assert_eq!(brown.of("Pyongyang", "pyongyang"), Some(0b101));
        assert_eq!(brown.of("Apple", "apple"), Some(0b11));
        assert_eq!(brown.of("APPLE", "apple"), Some(0b10));
        assert_eq!(brown.of("Zyx", "zyx"), None);
    }

    #[test]
    fn malformed_lines_are_refused() {
        assert!(Brown::parse("word\n").is_err());
        assert!(Brown::parse("word\tx\n").is_err());
        assert!(Brown::parse("word\t0\n").is_err());
    }
}
