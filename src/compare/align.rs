//! Aligning quotes across articles: which quoted statements are the same, and how each
//! article's wording relates to the fullest one (verbatim, cut, reworded, paraphrased).
//!
//! Quotes are compared as word sequences (case, punctuation and editorial brackets ignored) by
//! their longest common subsequence: two quotes are one statement when they share at least four
//! words in order and those cover 60% of the shorter one. That survives a translation variant
//! ("bilateral ties with their joint efforts" / "bilateral relations with common efforts") and a
//! quote cut at either end, while two different sentences of the same letter stay apart. An
//! indirect quote joins a group as a paraphrase when it shares most of its content words with a
//! quoted member.

use std::collections::HashMap;

use super::words::{fold, folded_content_key, hash, surface_words};

/// Fewest shared words, in order, for two quotes to be one statement.
const MIN_SHARED_WORDS: usize = 4;
/// Share of the shorter quote those words must cover.
const MIN_COVER: f32 = 0.6;
/// Longest quote compared word by word (longer ones are compared on their first words).
const MAX_WORDS: usize = 300;

/// How one article's wording of a statement relates to the group's reference wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Agreement {
    /// The same words.
    Verbatim,
    /// A contiguous part of the other (or the other a part of it): cut, not changed.
    Truncated,
    /// The same statement in other words: a different translation or an edit.
    VariantWording,
    /// The same claim reported outside quotation marks.
    Paraphrase,
}

/// One step of a word-level diff against the reference wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiffOp {
    /// QuoteWords both have.
    Equal,
    /// QuoteWords only this wording has.
    Insert,
    /// QuoteWords only the reference has.
    Delete,
}

/// A run of words of one [`DiffOp`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffPiece {
    /// What happened to these words.
    pub op: DiffOp,
    /// The words, separated by single spaces.
    pub text: String,
}

/// A quote to align: where it comes from and its words.
#[derive(Debug, Clone)]
pub(crate) struct Candidate<'w> {
    /// Index of its article in the comparison.
    pub(crate) article: usize,
    /// Index of the quote in its article's analysis.
    pub(crate) quote: usize,
    /// True for quotes in quotation marks, false for reported speech.
    pub(crate) quoted: bool,
    /// Its text.
    pub(crate) text: &'w str,
    /// Its words, prepared when the article was stored.
    pub(crate) words: &'w QuoteWords,
}

/// One member of an aligned group.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member {
    /// Index into the candidates.
    pub(crate) candidate: usize,
    /// Its relation to the reference.
    pub(crate) agreement: Agreement,
    /// Word diff against the reference (empty for verbatim and paraphrase members).
    pub(crate) diff: Vec<DiffPiece>,
    /// True for the reference wording itself.
    pub(crate) reference: bool,
}

/// A quote's words as alignment compares them. Kept for every stored article, so compact: the
/// surface words in one string, the folded ones as hashes (alignment only tests equality).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteWords {
    /// The words as written, one after another.
    surface: Box<str>,
    /// Where each word ends in `surface`.
    ends: Box<[u32]>,
    /// Hash of each word folded (case, possessive, curly apostrophe).
    folded: Box<[u64]>,
    /// Content keys of its words, sorted and distinct.
    content: Box<[u64]>,
    /// One key per word occurrence (the word and how many times it came before): two
    /// quotes' common keys count their common words with repeats, which bounds the LCS.
    bag: Box<[u64]>,
}

impl QuoteWords {
    /// The words of quote text `text`.
    pub(crate) fn new(text: &str) -> Self {
        let mut words = surface_words(text);
        words.truncate(MAX_WORDS);
        let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
        let mut content: Vec<u64> = folded
            .iter()
            .filter_map(|w| folded_content_key(w))
            .collect();
        content.sort_unstable();
        content.dedup();
        let keys: Vec<u64> = folded.iter().map(|w| hash(&[w])).collect();
        // The n-th occurrence of a word is its own key.
        let mut bag = Vec::with_capacity(keys.len());
        for (i, key) in keys.iter().enumerate() {
            let n = keys[..i].iter().filter(|k| *k == key).count() as u64;
            bag.push(key.wrapping_add(n.wrapping_mul(0x9e37_79b9_7f4a_7c15)));
        }
        let surface = words.concat();
        // MAX_WORDS words of a quote no longer than an article fit u32 offsets.
        let ends = words
            .iter()
            .scan(0u32, |end, w| {
                *end += w.len() as u32;
                Some(*end)
            })
            .collect();
        Self {
            surface: surface.into(),
            ends,
            folded: keys.into(),
            content: content.into(),
            bag: bag.into(),
        }
    }

    /// Its `i`-th word as written.
    fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.surface[start..self.ends[i] as usize]
    }
}

/// Groups candidates that state the same thing in two or more articles. Each group lists its
/// members with the reference (fullest common wording) first.
pub(crate) fn align(candidates: &[Candidate<'_>]) -> Vec<Vec<Member>> {
    let words: Vec<&QuoteWords> = candidates.iter().map(|c| c.words).collect();
    // Only pairs with enough words in common are compared: an inverted index over word
    // occurrences counts them for each quote against all later ones.
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, w) in words.iter().enumerate() {
        for key in &w.bag {
            postings.entry(*key).or_default().push(i);
        }
    }
    let mut common = vec![0usize; candidates.len()];
    let mut sets = super::union::DisjointSets::new(candidates.len());
    for i in 0..candidates.len() {
        common.fill(0);
        for key in &words[i].bag {
            for &j in &postings[key] {
                common[j] += 1;
            }
        }
        for j in i + 1..candidates.len() {
            if common[j] < MIN_SHARED_WORDS {
                continue;
            }
            let (a, b) = (&candidates[i], &candidates[j]);
            if a.article == b.article || !(a.quoted || b.quoted) {
                continue;
            }
            let same = if a.quoted && b.quoted {
                same_statement(words[i], words[j], common[j])
            } else {
                same_claim(&words[i].content, &words[j].content)
            };
            if same {
                sets.join(i, j);
            }
        }
    }
    let groups = sets.groups();
    groups
        .into_iter()
        .filter(|g| {
            let first = candidates[g[0]].article;
            g.iter().any(|&i| candidates[i].article != first)
                && g.iter().any(|&i| candidates[i].quoted)
        })
        .map(|g| label(candidates, &words, &g))
        .collect()
}

/// `common` is the number of words (with repeats) the two have in common.
fn same_statement(a: &QuoteWords, b: &QuoteWords, common: usize) -> bool {
    let enough = |shared: usize| {
        shared >= MIN_SHARED_WORDS
            && shared as f32 >= MIN_COVER * a.folded.len().min(b.folded.len()) as f32
    };
    // The words they have in common bound the common subsequence: most pairs stop here.
    // Wire copies repeat a quote word for word: no subsequence to compute.
    if a.folded == b.folded {
        return enough(a.folded.len());
    }
    enough(common) && enough(usize::from(Lcs::new(&a.folded, &b.folded).len()))
}

fn same_claim(a: &[u64], b: &[u64]) -> bool {
    let shared = super::profile::shared_sorted(a, b);
    shared >= MIN_SHARED_WORDS && shared * 2 >= a.len().min(b.len())
}

/// True when `part` occurs in `whole` as a contiguous run.
fn is_part(part: &[u64], whole: &[u64]) -> bool {
    !part.is_empty() && whole.windows(part.len()).any(|w| w == part)
}

/// Picks the reference (the quoted wording that the most members are verbatim or cut copies
/// of; the longest on a tie) and labels every member against it.
fn label(candidates: &[Candidate<'_>], words: &[&QuoteWords], group: &[usize]) -> Vec<Member> {
    let reference = group
        .iter()
        .copied()
        .filter(|&i| candidates[i].quoted)
        .max_by_key(|&r| {
            let covered = group
                .iter()
                .filter(|&&m| candidates[m].quoted && is_part(&words[m].folded, &words[r].folded))
                .count();
            (covered, words[r].folded.len(), std::cmp::Reverse(r))
        })
        .unwrap_or(group[0]);
    let reference_words = &words[reference];
    let mut members: Vec<Member> = group
        .iter()
        .map(|&m| {
            let w = &words[m];
            let (agreement, diff) = if !candidates[m].quoted {
                (Agreement::Paraphrase, Vec::new())
            } else if w.folded == reference_words.folded {
                (Agreement::Verbatim, Vec::new())
            } else if is_part(&w.folded, &reference_words.folded)
                || is_part(&reference_words.folded, &w.folded)
            {
                (Agreement::Truncated, diff(reference_words, w))
            } else {
                (Agreement::VariantWording, diff(reference_words, w))
            };
            Member {
                candidate: m,
                agreement,
                diff,
                reference: m == reference,
            }
        })
        .collect();
    members.sort_by_key(|m| (!m.reference, candidates[m.candidate].article));
    members
}

/// The longest-common-subsequence table of two word sequences, in one allocation:
/// `at(i, j)` is the LCS length of `a[i..]` and `b[j..]`.
struct Lcs {
    width: usize,
    cells: Vec<u16>,
}

impl Lcs {
    fn new(a: &[u64], b: &[u64]) -> Self {
        let width = b.len() + 1;
        let mut cells = vec![0u16; (a.len() + 1) * width];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                cells[i * width + j] = if a[i] == b[j] {
                    cells[(i + 1) * width + j + 1] + 1
                } else {
                    cells[(i + 1) * width + j].max(cells[i * width + j + 1])
                };
            }
        }
        Self { width, cells }
    }

    fn at(&self, i: usize, j: usize) -> u16 {
        self.cells[i * self.width + j]
    }

    fn len(&self) -> u16 {
        self.cells[0]
    }
}

/// The word diff turning `reference` into `other`, in runs.
fn diff(reference: &QuoteWords, other: &QuoteWords) -> Vec<DiffPiece> {
    let (a, b) = (&reference.folded, &other.folded);
    let table = Lcs::new(a, b);
    let mut steps: Vec<(DiffOp, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            steps.push((DiffOp::Equal, other.word(j)));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || table.at(i + 1, j) >= table.at(i, j + 1)) {
            steps.push((DiffOp::Delete, reference.word(i)));
            i += 1;
        } else {
            steps.push((DiffOp::Insert, other.word(j)));
            j += 1;
        }
    }
    let mut pieces: Vec<DiffPiece> = Vec::new();
    for (op, word) in steps {
        match pieces.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(word);
            }
            _ => pieces.push(DiffPiece {
                op,
                text: word.to_owned(),
            }),
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A candidate; its words live for the test run.
    fn candidate(article: usize, quoted: bool, text: &'static str) -> Candidate<'static> {
        Candidate {
            article,
            quote: 0,
            quoted,
            text,
            words: Box::leak(Box::new(QuoteWords::new(text))),
        }
    }

    fn quoted(article: usize, text: &'static str) -> Candidate<'static> {
        candidate(article, true, text)
    }

    #[test]
    fn variant_wording_is_grouped_with_a_diff_against_the_majority_wording() {
        let candidates = [
            quoted(
                0,
                "two countries would continue to expand the comprehensive and constructive bilateral ties with their joint efforts.",
            ),
            quoted(
                1,
                "continue to expand the comprehensive and constructive bilateral relations with common efforts,",
            ),
            quoted(
                2,
                "would continue to expand the comprehensive and constructive bilateral relations with common efforts,",
            ),
            quoted(2, "The bonds of military friendship will grow stronger."),
        ];
        let groups = align(&candidates);
        assert_eq!(groups.len(), 1);
        let g = &groups[0];
        assert_eq!(g.len(), 3);
        assert!(g[0].reference && g[0].candidate == 2);
        let by = |c: usize| g.iter().find(|m| m.candidate == c).unwrap();
        assert_eq!(by(1).agreement, Agreement::Truncated);
        assert_eq!(by(0).agreement, Agreement::VariantWording);
        let changes: Vec<(DiffOp, &str)> = by(0)
            .diff
            .iter()
            .filter(|p| p.op != DiffOp::Equal)
            .map(|p| (p.op, p.text.as_str()))
            .collect();
        assert_eq!(
            changes,
            [
                (DiffOp::Insert, "two countries"),
                (DiffOp::Delete, "relations"),
                (DiffOp::Insert, "ties"),
                (DiffOp::Delete, "common"),
                (DiffOp::Insert, "their joint"),
            ]
        );
    }

    #[test]
    fn different_statements_and_same_article_repeats_stay_apart() {
        let candidates = [
            quoted(
                0,
                "relations based on comradely friendship and militant unity would grow stronger",
            ),
            quoted(
                0,
                "relations based on comradely friendship and militant unity would grow stronger",
            ),
            quoted(
                1,
                "the glorious traditions of friendship gained in the grim days serve as a foundation",
            ),
        ];
        assert!(align(&candidates).is_empty());
    }

    #[test]
    fn reported_speech_joins_as_paraphrase() {
        let candidates = [
            quoted(
                0,
                "relations based on comradely friendship and militant unity would grow stronger in all fields",
            ),
            candidate(
                1,
                false,
                "that relations would grow stronger in all fields thanks to militant unity",
            ),
        ];
        let groups = align(&candidates);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0][1].agreement, Agreement::Paraphrase);
    }
}
