//! The word tables the tagger reads (`models/brown.tsv`, `casing.tsv`, `clusters.tsv`,
//! `frequency.tsv`, `names.tsv`): one line per word form, `word \t field ...`, written by a
//! `parallax train` command and compiled into the binary. Each is held by the hash of its word
//! form ([`word_hash`]), so a table of 178,000 forms keeps no strings. The tagger reads four
//! of them for every token: it hashes the token's form once ([`WordKey`]) and looks that key up
//! in each.

use std::collections::HashMap;

use super::casing::word_hash;
use super::gazetteer::IdentityHash;

/// A word form's key in every word table: its hash, computed once however many tables are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordKey(u64);

impl WordKey {
    /// The key of `word`, as written.
    pub(crate) fn new(word: &str) -> Self {
        WordKey(word_hash(word))
    }
}

/// Values by word form.
#[derive(Debug, Clone)]
pub(crate) struct WordTable<V> {
    words: HashMap<u64, V, IdentityHash>,
}

impl<V> Default for WordTable<V> {
    fn default() -> Self {
        WordTable {
            words: HashMap::with_hasher(IdentityHash),
        }
    }
}

impl<V: Copy> WordTable<V> {
    /// Reads lines of a word and exactly `N` fields, tab-separated, skipping blank lines and
    /// `#` comments; `value` reads the fields. A line of another shape fails with its number and
    /// `expected` (what the fields are); so does a field `value` rejects, with its message.
    pub(crate) fn parse<const N: usize>(
        source: &str,
        expected: &str,
        value: impl Fn([&str; N]) -> Result<V, String>,
    ) -> Result<Self, String> {
        let mut table = WordTable::default();
        for (n, line) in source.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t');
            let word = parts.next().unwrap_or_default();
            let fields: Vec<&str> = parts.collect();
            let fields = <[&str; N]>::try_from(fields)
                .map_err(|_| format!("line {}: expected word and {expected}", n + 1))?;
            let v = value(fields).map_err(|e| format!("line {}: {e}", n + 1))?;
            table.words.insert(word_hash(word), v);
        }
        Ok(table)
    }

    /// The value of `word`, as written in the table.
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        self.get_key(WordKey::new(word))
    }

    /// The value of the word whose key is `key`.
    pub(crate) fn get_key(&self, key: WordKey) -> Option<V> {
        self.words.get(&key.0).copied()
    }

    /// Number of word forms.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the table has no word.
    pub(crate) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_fields_and_says_which_line_is_wrong() {
        let parse = |s: &str| {
            WordTable::parse(s, "two numbers", |[a, b]: [&str; 2]| {
                Ok((
                    a.parse::<u8>().map_err(|_| format!("bad {a:?}"))?,
                    b.parse::<u8>().map_err(|_| format!("bad {b:?}"))?,
                ))
            })
        };
        let table = parse("# comment\n\nkim\t1\t2\nPutin\t3\t4\n").unwrap();
        assert_eq!(table.len(), 2);
        assert_eq!(table.get("kim"), Some((1, 2)));
        assert_eq!(table.get("Putin"), Some((3, 4)));
        assert_eq!(table.get("putin"), None);
        assert_eq!(
            parse("kim\t1\n").unwrap_err(),
            "line 1: expected word and two numbers"
        );
        assert_eq!(
            parse("kim\t1\t2\t3\n").unwrap_err(),
            "line 1: expected word and two numbers"
        );
        assert_eq!(
            parse("a\t1\t2\nb\tx\t2\n").unwrap_err(),
            "line 2: bad \"x\""
        );
    }
}
