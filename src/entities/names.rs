//! Common given names and surnames, with how common each is and which sex a given name is
//! usually borne by, from the US Census Bureau's 1990 name frequency lists.
//!
//! The tagger learns names from a few thousand annotated sentences, so most people's names in
//! real text were never seen in training ("Traci", "Kaminski"); a list of the names of 250 million
//! people covers many of them. The list is a feature, not a rule: "Young", "King" and "May" are
//! surnames and also words, so each match comes with its frequency band and the token's shape,
//! and the model learns how far to trust it. The pronoun resolver reads the sex of a given name
//! only when the article itself says nothing of a person's gender.
//!
//! Compiled by `parallax train names` into `models/names.tsv` (name, given-name band and sex,
//! surname band) and compiled into the binary.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::lexicon::WordTable;
use super::pronouns::Gender;

/// The lexicon built into the binary (`models/names.tsv`).
pub const BUILTIN: &str = include_str!("../../models/names.tsv");

/// What the lists say of one lowercased word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NameInfo {
    /// Frequency band of the word as a given name (1 = most common; 0 = not a given name).
    pub given: u8,
    /// The sex that bears the given name at least nine times in ten, if one does.
    pub sex: Gender,
    /// Frequency band of the word as a surname (1 = most common; 0 = not a surname).
    pub surname: u8,
}

impl NameInfo {
    /// True when the word is on neither list.
    pub fn is_none(&self) -> bool {
        self.given == 0 && self.surname == 0
    }
}

/// The band of a name of frequency rank `rank` (1-based): 1 for the top 16, 2 for the next 48,
/// then one band per doubling of rank past 64.
pub fn band(rank: usize) -> u8 {
    (rank.max(1).ilog2() as u8).saturating_sub(3).max(1)
}

/// The compiled lexicon.
#[derive(Debug, Clone, Default)]
pub struct Names {
    words: WordTable<NameInfo>,
}

impl Names {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> &'static Names {
        static NAMES: std::sync::OnceLock<Names> = std::sync::OnceLock::new();
        NAMES.get_or_init(|| {
            Names::parse(BUILTIN).expect("models/names.tsv is written by `parallax train names`")
        })
    }

    /// Reads `name \t given band \t sex \t surname band` lines (sex `F`, `M` or `-`).
    pub fn parse(source: &str) -> Result<Self, String> {
        let words = WordTable::parse(
            source,
            "given band, sex, surname band",
            |[given, sex, surname]: [&str; 3]| {
                let band = |s: &str| s.parse::<u8>().map_err(|_| format!("bad band {s:?}"));
                let sex = match sex {
                    "F" => Gender::Female,
                    "M" => Gender::Male,
                    "-" => Gender::Unknown,
                    other => return Err(format!("bad sex {other:?}")),
                };
                Ok(NameInfo {
                    given: band(given)?,
                    sex,
                    surname: band(surname)?,
                })
            },
        )?;
        Ok(Names { words })
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// What the lists say of `lower` (a lowercased word).
    pub fn get(&self, lower: &str) -> NameInfo {
        self.words.get(lower).unwrap_or_default()
    }
}

/// Builds `models/names.tsv` from the Census files (`dist.female.first`, `dist.male.first`,
/// `dist.all.last`: name, percent of people, cumulative percent, rank).
#[derive(Debug, Default)]
pub struct NamesBuilder {
    /// Lowercased given name -> (rank among given names of either sex, female %, male %).
    given: HashMap<String, (usize, f64, f64)>,
    /// Lowercased surname -> rank.
    surnames: HashMap<String, usize>,
}

impl NamesBuilder {
    /// Adds the given-name list of one sex (`Gender::Female` for the female list; any other
    /// value counts as the male one).
    pub fn add_given(&mut self, source: &str, sex: Gender) -> Result<(), String> {
        for (name, percent, _) in parse_census(source)? {
            let entry = self.given.entry(name).or_insert((usize::MAX, 0.0, 0.0));
            match sex {
                Gender::Female => entry.1 += percent,
                Gender::Male | Gender::Unknown => entry.2 += percent,
            }
        }
        Ok(())
    }

    /// Adds the surname list.
    pub fn add_surnames(&mut self, source: &str) -> Result<(), String> {
        for (name, _, rank) in parse_census(source)? {
            self.surnames.entry(name).or_insert(rank);
        }
        Ok(())
    }

    /// The compiled lexicon text, sorted by name. Given names are ranked by their share of
    /// people of either sex (the female and male lists are each a percentage of their sex, so
    /// the two are comparable as halves of the population).
    pub fn build(mut self) -> String {
        let mut by_share: Vec<(String, f64)> = self
            .given
            .iter()
            .map(|(name, &(_, f, m))| (name.clone(), f + m))
            .collect();
        by_share.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for (rank, (name, _)) in by_share.iter().enumerate() {
            if let Some(entry) = self.given.get_mut(name) {
                entry.0 = rank + 1;
            }
        }
        let mut names: Vec<&String> = self.given.keys().chain(self.surnames.keys()).collect();
        names.sort();
        names.dedup();
        let mut out = String::from(
            "# Parallax names: name, given-name band, sex (F/M when 9 in 10 bear it, else -), \
             surname band (0 = not on that list).\n\
             # Compiled by `parallax train names` from the US Census Bureau 1990 name frequency \
             files (public domain); see NOTICE.\n",
        );
        for name in names {
            let (given, sex) = match self.given.get(name) {
                Some(&(rank, f, m)) => {
                    let sex = if f >= 9.0 * m {
                        "F"
                    } else if m >= 9.0 * f {
                        "M"
                    } else {
                        "-"
                    };
                    (band(rank), sex)
                }
                None => (0, "-"),
            };
            let surname = self.surnames.get(name).map_or(0, |&r| band(r));
            let _ = writeln!(out, "{name}\t{given}\t{sex}\t{surname}");
        }
        out
    }
}

/// Rows of a Census name file: lowercased name, percent, rank.
fn parse_census(source: &str) -> Result<Vec<(String, f64, usize)>, String> {
    let mut rows = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.is_empty() {
            continue;
        }
        let [name, percent, _, rank] = fields[..] else {
            return Err(format!(
                "line {}: expected name, percent, cumulative percent, rank",
                n + 1
            ));
        };
        let percent: f64 = percent
            .parse()
            .map_err(|_| format!("line {}: bad percent {percent:?}", n + 1))?;
        let rank: usize = rank
            .parse()
            .map_err(|_| format!("line {}: bad rank {rank:?}", n + 1))?;
        rows.push((name.to_lowercase(), percent, rank));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_double_with_rank() {
        assert_eq!(band(1), 1);
        assert_eq!(band(16), 1);
        assert_eq!(band(63), 2);
        assert_eq!(band(64), 3);
        assert_eq!(band(128), 4);
        assert_eq!(band(88_799), 13);
    }

    #[test]
    fn builds_and_reads_the_lexicon() {
        let mut b = NamesBuilder::default();
        b.add_given(
            "ANNA  0.500 0.500 1\nJORDAN 0.100 0.600 2\nSHANNA 0.001 0.601 3\n",
            Gender::Female,
        )
        .unwrap();
        b.add_given("JORDAN 0.200 0.200 1\nVINCE 0.050 0.250 2\n", Gender::Male)
            .unwrap();
        b.add_surnames("SMITH 1.006 1.006 1\nJORDAN 0.100 1.106 2\n")
            .unwrap();
        let names = Names::parse(&b.build()).unwrap();
        assert_eq!(names.len(), 5);
        let anna = names.get("anna");
        assert_eq!((anna.given, anna.sex, anna.surname), (1, Gender::Female, 0));
        // Borne by both sexes: no sex; a surname too.
        let jordan = names.get("jordan");
        assert_eq!((jordan.sex, jordan.surname), (Gender::Unknown, 1));
        assert_eq!(names.get("vince").sex, Gender::Male);
        assert_eq!(names.get("shanna").sex, Gender::Female);
        assert!(names.get("smith").given == 0 && names.get("smith").surname == 1);
        assert!(names.get("table").is_none());
    }

    #[test]
    fn rejects_malformed_lines() {
        assert!(Names::parse("anna\t1\tX\t0\n").is_err());
        assert!(Names::parse("anna\t1\n").is_err());
        let mut b = NamesBuilder::default();
        assert!(b.add_surnames("SMITH one 1.0 1\n").is_err());
    }
}
