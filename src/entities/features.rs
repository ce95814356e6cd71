//! Token features for the tagger. A feature is a template number and a few strings, hashed to a
//! `u64` without building the string; the model keeps weights only for hashes seen in training.
//!
//! The templates are the classic ones for English NER (Ratinov and Roth 2009; spaCy's and
//! Stanford's feature sets follow the same lines): the word and its neighbours, lowercased, the
//! word's shape and affixes, sentence position, and gazetteer matches with the token's position in
//! them. Changing a template changes every hash: retrain the model afterwards.

use super::brown::Brown;
use super::casing::Casing;
use super::clusters::Clusters;
use super::frequency::Frequency;
use super::gazetteer::{Gazetteer, Match, PlaceKind};
use super::lexicon::WordKey;
use super::names::Names;

/// The word lists the features read.
#[derive(Debug, Clone, Copy)]
pub struct Lexicons<'a> {
    /// Places and nationalities.
    pub gazetteer: &'a Gazetteer,
    /// Usual casing of words.
    pub casing: &'a Casing,
    /// Distributional word clusters.
    pub clusters: &'a Clusters,
    /// Brown cluster paths learned from a large corpus.
    pub brown: &'a Brown,
    /// How often words are capitalized, and how common they are, in a large corpus.
    pub frequency: &'a Frequency,
    /// Given names and surnames (the pronoun resolver reads the sex of given names).
    pub names: &'a Names,
}

/// Where an annotation scheme puts a mention's edges. News NER corpora (CoNLL, WikiGold, the
/// Twitter corpora, Universal NER) mark the name itself ("Netherlands", "Bush"); GUM marks the
/// whole noun phrase ("the Netherlands", "the Secretary"). Training on both with one set of
/// weights blurs the edge; instead every feature of a noun-phrase sentence is also emitted in a
/// copy of its own (the feature augmentation of Daumé III, 2007), so that the shared weights learn
/// what both schemes agree on and the copies learn where GUM's edges differ. Analyze tags names;
/// `eval ner` tags a corpus in its own scheme. Training emits the copies only with
/// `train ner --noun-phrase-copies`, which the committed recipe uses (see docs/ARCHITECTURE.md
/// for the trade measured); Analyze reads only the shared weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Convention {
    /// The name itself: what Analyze reports.
    #[default]
    Names,
    /// The whole noun phrase, determiner and title included (GUM).
    NounPhrases,
}

/// Per-token views the templates read, computed once per sentence.
///
/// Every token is read this way once per analysis, so preparing must be cheap: the token's
/// lowercase form and shapes are written into three strings shared by the sentence (three
/// allocations per token made them a third of the preparing), and its form is hashed once for
/// all four word tables ([`WordKey`]).
pub(crate) struct Prepared {
    lower: Views,
    shape: Views,
    short: Views,
    /// Usual casing class of each token (`?` when unknown).
    casing: Vec<u8>,
    /// (fine, coarse) cluster of each token, (u16::MAX, u16::MAX) when unknown.
    clusters: Vec<(u16, u16)>,
    /// Brown path of each token, 0 when unknown.
    brown: Vec<u32>,
    /// (capitalized preference, rarity) of each token ([`Frequency::of`]), None when unknown.
    frequency: Vec<Option<(i8, u8)>>,
    /// Gazetteer matches covering each token: (kind bits, B/I/L/U position, prominence), where
    /// prominence is the log2 of the entry's rank (countries first, then cities by population).
    gazetteer: Vec<Vec<(u8, u8, u8)>>,
}

impl Prepared {
    /// Prepares `tokens`.
    pub(crate) fn new(tokens: &[&str], lexicons: Lexicons<'_>) -> Self {
        Self::with_places(tokens, &lexicons.gazetteer.find(tokens), lexicons)
    }

    /// Prepares `tokens`, whose gazetteer matches (`Gazetteer::find`) the caller has found.
    pub(crate) fn with_places(tokens: &[&str], places: &[Match], lexicons: Lexicons<'_>) -> Self {
        let n = tokens.len();
        let bytes: usize = tokens.iter().map(|t| t.len()).sum();
        let mut lower = Views::with_capacity(n, bytes);
        let mut long_shapes = Views::with_capacity(n, bytes);
        let mut short = Views::with_capacity(n, bytes);
        let mut casing = Vec::with_capacity(n);
        let mut clusters = Vec::with_capacity(n);
        let mut brown = Vec::with_capacity(n);
        let mut frequency = Vec::with_capacity(n);
        for (i, token) in tokens.iter().enumerate() {
            lower.push_lowercase(token);
            shapes_into(token, &mut long_shapes.text, &mut short.text);
            long_shapes.end();
            short.end();
            let lowercase = lower.get(i);
            let word_key = WordKey::new(token);
            // A token already in lower case (most of them) is looked up by the one key.
            let lower_key = (lowercase != *token).then(|| WordKey::new(lowercase));
            let key = lower_key.unwrap_or(word_key);
            casing.push(lexicons.casing.class_key(key).map_or(b'?', |c| c as u8));
            clusters.push(
                lexicons
                    .clusters
                    .of_key(key)
                    .unwrap_or((u16::MAX, u16::MAX)),
            );
            brown.push(lexicons.brown.of_keys(word_key, lower_key).unwrap_or(0));
            frequency.push(lexicons.frequency.of_key(key));
        }
        let mut covering = vec![Vec::new(); tokens.len()];
        for m in places.iter().filter(|m| m.features) {
            for (i, slot) in covering.iter_mut().enumerate().take(m.end).skip(m.start) {
                let position = match (i == m.start, i + 1 == m.end) {
                    (true, true) => b'U',
                    (true, false) => b'B',
                    (false, true) => b'L',
                    (false, false) => b'I',
                };
                slot.push((m.kinds, position, (m.entry + 1).ilog2() as u8));
            }
        }
        Prepared {
            lower,
            shape: long_shapes,
            short,
            casing,
            clusters,
            brown,
            frequency,
            gazetteer: covering,
        }
    }
}

/// One string per token, all in one buffer: token `i`'s is `text[ends[i]..ends[i + 1]]`.
struct Views {
    text: String,
    ends: Vec<usize>,
}

impl Views {
    fn with_capacity(tokens: usize, bytes: usize) -> Self {
        let mut ends = Vec::with_capacity(tokens + 1);
        ends.push(0);
        Views {
            text: String::with_capacity(bytes),
            ends,
        }
    }

    /// Closes the string of the next token: what was written to `text` since the last one.
    fn end(&mut self) {
        self.ends.push(self.text.len());
    }

    /// Adds the lowercase form of `token` (as `str::to_lowercase` has it).
    fn push_lowercase(&mut self, token: &str) {
        if token.is_ascii() {
            let start = self.text.len();
            self.text.push_str(token);
            self.text[start..].make_ascii_lowercase();
        } else {
            self.text.push_str(&token.to_lowercase());
        }
        self.end();
    }

    fn get(&self, i: usize) -> &str {
        &self.text[self.ends[i]..self.ends[i + 1]]
    }

    /// [`Views::get`] as bytes, which is all hashing needs (and skips the char boundary checks).
    fn bytes(&self, i: usize) -> &[u8] {
        &self.text.as_bytes()[self.ends[i]..self.ends[i + 1]]
    }
}

/// The feature hashes of every token of a sentence, flat: token `i`'s are
/// `hashes[starts[i]..starts[i + 1]]`. Computed once and read by both passes of the tagger.
pub(crate) struct TokenFeatures {
    hashes: Vec<u64>,
    starts: Vec<usize>,
}

impl TokenFeatures {
    /// The features of each of `tokens`, in `convention`.
    pub(crate) fn new(tokens: &[&str], p: &Prepared, convention: Convention) -> Self {
        let mut hashes = Vec::with_capacity(tokens.len() * 72);
        let mut starts = Vec::with_capacity(tokens.len() + 1);
        starts.push(0);
        for i in 0..tokens.len() {
            extract(tokens, p, i, convention, &mut hashes);
            starts.push(hashes.len());
        }
        TokenFeatures { hashes, starts }
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The features of token `i`.
    pub(crate) fn of(&self, i: usize) -> &[u64] {
        &self.hashes[self.starts[i]..self.starts[i + 1]]
    }
}

/// Appends the feature hashes of token `i` to `out`, in `convention` (see [`Convention`]).
pub(crate) fn extract(
    tokens: &[&str],
    p: &Prepared,
    i: usize,
    convention: Convention,
    out: &mut Vec<u64>,
) {
    let from = out.len();
    templates(tokens, p, i, out);
    if convention == Convention::NounPhrases {
        for k in from..out.len() {
            out.push(out[k].rotate_left(29) ^ NOUN_PHRASE_COPY);
        }
    }
}

/// Lengths of the Brown path prefixes read (Ratinov and Roth 2009; the table's paths are at most
/// 18 bits, so 32 is the whole path).
const BROWN_PREFIXES: [u32; 4] = [4, 6, 10, 32];

/// Mixed into a feature's hash for its noun-phrase copy.
const NOUN_PHRASE_COPY: u64 = 0x6a09_e667_f3bc_c909;

/// The templates of token `i`.
fn templates(tokens: &[&str], p: &Prepared, i: usize, out: &mut Vec<u64>) {
    let n = tokens.len();
    // The strings the templates read, each looked up once.
    let word = |k: isize| -> &[u8] {
        let j = i as isize + k;
        if j < 0 {
            b"<s>"
        } else if j as usize >= n {
            b"</s>"
        } else {
            p.lower.bytes(j as usize)
        }
    };
    let shape_at = |k: isize| -> &[u8] {
        let j = i as isize + k;
        if j < 0 || j as usize >= n {
            b"-"
        } else {
            p.short.bytes(j as usize)
        }
    };
    let (before2, before, after, after2) = (word(-2), word(-1), word(1), word(2));
    let (short_before, short, short_after) = (shape_at(-1), shape_at(0), shape_at(1));
    let lower = p.lower.get(i);
    let lower_bytes = lower.as_bytes();
    out.extend_from_slice(&[
        hash_bytes(0, &[]),
        hash_bytes(1, &[lower_bytes]),
        hash(2, &[tokens[i]]),
        hash_bytes(3, &[p.shape.bytes(i)]),
        hash_bytes(4, &[short]),
    ]);
    // Affixes of up to four chars, of words longer than the affix.
    let char_count = lower.chars().count();
    let mut suffix_starts = lower.char_indices().rev().map(|(at, _)| at);
    let mut prefix_ends = lower.char_indices().skip(1).map(|(at, _)| at);
    for k in 1..=4u8 {
        let suffix = suffix_starts.next();
        let prefix = prefix_ends.next();
        if char_count > usize::from(k) {
            if let Some(at) = suffix {
                out.push(hash_bytes(10 + k, &[&lower_bytes[at..]]));
            }
            if let Some(at) = prefix.filter(|_| k <= 3) {
                out.push(hash_bytes(20 + k, &[&lower_bytes[..at]]));
            }
        }
    }
    out.extend_from_slice(&[
        hash_bytes(30, &[before]),
        hash_bytes(31, &[after]),
        hash_bytes(32, &[before2]),
        hash_bytes(33, &[after2]),
        hash_bytes(34, &[before, lower_bytes]),
        hash_bytes(35, &[lower_bytes, after]),
        hash_bytes(36, &[short_before]),
        hash_bytes(37, &[short_after]),
        hash_bytes(38, &[short_before, short, short_after]),
        hash_bytes(39, &[before, short]),
        hash_bytes(40, &[short, after]),
    ]);
    if i == 0 {
        out.push(hash_bytes(41, &[short]));
    }
    let length = char_count.min(12) as u8;
    out.push(hash_bytes(42, &[&[length], short]));
    for &(kinds, position, prominence) in &p.gazetteer[i] {
        out.push(hash_bytes(54, &[&[position, prominence], short]));
        for kind in [
            PlaceKind::Country,
            PlaceKind::Continent,
            PlaceKind::Region,
            PlaceKind::City,
            PlaceKind::Demonym,
        ] {
            if kinds & kind.bit() != 0 {
                let tag = [kind.bit(), position];
                out.push(hash_bytes(50, &[&tag]));
                out.push(hash_bytes(51, &[&tag, short]));
            }
        }
    }
    let casing_at = |k: isize| -> u8 {
        let j = i as isize + k;
        if j < 0 || j as usize >= n {
            b'-'
        } else {
            p.casing[j as usize]
        }
    };
    out.extend_from_slice(&[
        hash_bytes(60, &[&[casing_at(0)], short]),
        hash_bytes(61, &[&[casing_at(0), u8::from(i == 0)]]),
        hash_bytes(62, &[&[casing_at(-1), casing_at(0), casing_at(1)]]),
        hash_bytes(63, &[&[casing_at(0)], before]),
    ]);
    let cluster_at = |k: isize| -> [u8; 4] {
        let j = i as isize + k;
        let (f, c) = if j < 0 || j as usize >= n {
            (u16::MAX - 1, u16::MAX - 1)
        } else {
            p.clusters[j as usize]
        };
        let (f, c) = (f.to_le_bytes(), c.to_le_bytes());
        [f[0], f[1], c[0], c[1]]
    };
    let (here, before, after) = (cluster_at(0), cluster_at(-1), cluster_at(1));
    out.extend_from_slice(&[
        hash_bytes(70, &[&here[..2]]),
        hash_bytes(71, &[&here[2..]]),
        hash_bytes(72, &[&here[..2], short]),
        hash_bytes(73, &[&before[..2]]),
        hash_bytes(74, &[&after[..2]]),
        hash_bytes(75, &[&before[2..], &here[2..], &after[2..]]),
    ]);
    // Brown path prefixes of 4, 6 and 10 bits and the whole path, of the word and its neighbours.
    let brown_at = |k: isize| -> u32 {
        let j = i as isize + k;
        if j < 0 || j as usize >= n {
            u32::MAX
        } else {
            p.brown[j as usize]
        }
    };
    let brown = |template: u8, path: u32, bits: u32| {
        let prefix = if path == 0 || path == u32::MAX {
            path
        } else {
            path & 1u32.checked_shl(bits).map_or(u32::MAX, |m| m - 1)
        };
        hash_bytes(template, &[&prefix.to_le_bytes()])
    };
    let [b4, b6, b10, whole] = BROWN_PREFIXES;
    let (path, path_before, path_after) = (brown_at(0), brown_at(-1), brown_at(1));
    // The word's four prefixes, the neighbours' three shorter ones.
    out.extend_from_slice(&[
        brown(90, path, b4),
        brown(91, path, b6),
        brown(92, path, b10),
        brown(93, path, whole),
        brown(94, path_before, b4),
        brown(95, path_before, b6),
        brown(96, path_before, b10),
        brown(98, path_after, b4),
        brown(99, path_after, b6),
        brown(100, path_after, b10),
    ]);
    // How much commoner the word is capitalized than not, alone, with its shape, with its rarity
    // and at the sentence's start; and the neighbours'.
    let frequency_at = |k: isize| -> [u8; 2] {
        let j = i as isize + k;
        if j < 0 || j as usize >= n {
            [b'-', b'-']
        } else {
            p.frequency[j as usize].map_or([b'?', b'?'], |(c, r)| [c as u8, r])
        }
    };
    let here = frequency_at(0);
    out.extend_from_slice(&[
        hash_bytes(110, &[&here[..1]]),
        hash_bytes(111, &[&here[..1], short]),
        hash_bytes(112, &[&here]),
        hash_bytes(113, &[&here[..1], &[u8::from(i == 0)]]),
        hash_bytes(114, &[&frequency_at(-1)[..1]]),
        hash_bytes(115, &[&frequency_at(1)[..1]]),
    ]);
    // Gazetteer context: a place right after or before ("in X", "X-based").
    for (k, template) in [(-1isize, 52u8), (1, 53)] {
        let j = i as isize + k;
        if j >= 0 && (j as usize) < n {
            for &(kinds, _, _) in &p.gazetteer[j as usize] {
                out.push(hash_bytes(template, &[&[kinds]]));
            }
        }
    }
}

/// Non-local features (Ratinov and Roth 2009): what a first tagging of the whole document said
/// about each token's word elsewhere in it. `first[s]` are the first pass's mentions in sentence
/// `s`; the result holds, per sentence and token, the feature hashes the second pass adds.
///
/// A word counts when it is written capitalized or the first pass put it in a mention; its other
/// occurrences (same lowercase form, anywhere else in the document) give the type most of them
/// were tagged with (or O) and its share, and each type they were ever tagged with, alone or
/// inside a longer name ("Coron" alone and in "Coron Island"). Every token also sees its own
/// first-pass tag. (The words around the other occurrences, Ratinov and Roth's context
/// aggregation, were measured too and cost UNER EWT more than they gave GUM.)
pub(crate) fn document_features(
    sentences: &[&[&str]],
    first: &[Vec<super::conll::Mention>],
) -> Vec<Vec<Vec<u64>>> {
    use super::model::TYPES;
    use std::collections::HashMap;
    // Per token: (part, type) of its first-pass tag; part b'O' outside.
    let labels: Vec<Vec<(u8, u8)>> = sentences
        .iter()
        .zip(first)
        .map(|(tokens, mentions)| {
            let mut out = vec![(b'O', 0u8); tokens.len()];
            for m in mentions {
                let Some(t) = TYPES.iter().position(|&k| k == m.kind) else {
                    continue;
                };
                for (i, slot) in out.iter_mut().enumerate().take(m.end).skip(m.start) {
                    let part = match (i == m.start, i + 1 == m.end) {
                        (true, true) => b'U',
                        (true, false) => b'B',
                        (false, true) => b'L',
                        (false, false) => b'I',
                    };
                    *slot = (part, t as u8);
                }
            }
            out
        })
        .collect();
    let lower: Vec<Vec<String>> = sentences
        .iter()
        .map(|tokens| tokens.iter().map(|t| t.to_lowercase()).collect())
        .collect();
    let counts_word = |s: usize, i: usize| {
        let t = sentences[s][i];
        t.chars().count() >= 2
            && t.starts_with(char::is_alphabetic)
            && (t.starts_with(char::is_uppercase) || labels[s][i].0 != b'O')
    };
    // Per word, its tags: slot 0 = O, 1 + 2t = type t alone, 2 + 2t = type t in a longer name.
    let slot = |(part, t): (u8, u8)| match part {
        b'O' => 0,
        b'U' => 1 + 2 * usize::from(t),
        _ => 2 + 2 * usize::from(t),
    };
    let mut seen: HashMap<&str, [u32; 1 + 2 * TYPES.len()]> = HashMap::new();
    for s in 0..sentences.len() {
        for i in 0..sentences[s].len() {
            if !counts_word(s, i) {
                continue;
            }
            seen.entry(lower[s][i].as_str()).or_default()[slot(labels[s][i])] += 1;
        }
    }
    let mut out = Vec::with_capacity(sentences.len());
    for s in 0..sentences.len() {
        let mut sentence = Vec::with_capacity(sentences[s].len());
        for i in 0..sentences[s].len() {
            let mut feats = Vec::new();
            let (part, t) = labels[s][i];
            let own = [part, t];
            feats.push(hash_bytes(80, &[&own]));
            if counts_word(s, i)
                && let Some(&tags) = seen.get(lower[s][i].as_str())
            {
                let mut tags = tags;
                tags[slot(labels[s][i])] -= 1;
                let total: u32 = tags.iter().sum();
                if total > 0 {
                    // The most frequent tag elsewhere, as O or a type (ties to the first).
                    let mut by_type = [0u32; 1 + TYPES.len()];
                    by_type[0] = tags[0];
                    for k in 0..TYPES.len() {
                        by_type[1 + k] = tags[1 + 2 * k] + tags[2 + 2 * k];
                    }
                    let best = (0..by_type.len())
                        .max_by_key(|&k| (by_type[k], std::cmp::Reverse(k)))
                        .unwrap_or(0) as u8;
                    let share = (by_type[usize::from(best)] * 4)
                        .checked_div(total)
                        .unwrap_or(0) as u8;
                    let short = shape(sentences[s][i], true);
                    feats.push(hash_bytes(81, &[&[best]]));
                    feats.push(hash_bytes(82, &[&[best, share]]));
                    feats.push(hash_bytes(83, &[&[best], short.as_bytes()]));
                    feats.push(hash_bytes(84, &[&[best], &own]));
                    for (k, &count) in tags.iter().enumerate().skip(1) {
                        if count > 0 {
                            feats.push(hash_bytes(85, &[&[k as u8]]));
                        }
                    }
                }
            }
            sentence.push(feats);
        }
        out.push(sentence);
    }
    out
}

/// The shape of a word: `X` upper, `x` lower, `d` digit, other chars as they are; the long form
/// keeps at most 8 chars, the short one collapses repeats ("Xxxxx" -> "Xx", "U.S." -> "X.X.").
fn shape(token: &str, short: bool) -> String {
    let (mut long_shape, mut short_shape) = (String::new(), String::new());
    shapes_into(token, &mut long_shape, &mut short_shape);
    if short { short_shape } else { long_shape }
}

/// Appends both shapes of `token` ([`shape`]) in one pass over its chars.
fn shapes_into(token: &str, long: &mut String, short: &mut String) {
    let mut last = None;
    for (count, c) in token.chars().enumerate() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if count < 8 {
            long.push(class);
        }
        if last != Some(class) {
            short.push(class);
        }
        last = Some(class);
    }
}

fn hash(template: u8, parts: &[&str]) -> u64 {
    hash_parts(template, parts.iter().map(|p| p.as_bytes()))
}

fn hash_bytes(template: u8, parts: &[&[u8]]) -> u64 {
    hash_parts(template, parts.iter().copied())
}

/// FNV-1a over the template number and the parts, with a separator after each part.
#[inline]
fn hash_parts<'a>(template: u8, parts: impl Iterator<Item = &'a [u8]>) -> u64 {
    let mut h = FNV_OFFSET ^ u64::from(template).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for part in parts {
        // Four bytes a round: the same steps in the same order, with a quarter of the loop's
        // own instructions (hashing is most of the feature extraction, and words are short).
        let mut quads = part.chunks_exact(4);
        for q in &mut quads {
            h = fnv_step(fnv_step(fnv_step(fnv_step(h, q[0]), q[1]), q[2]), q[3]);
        }
        for &b in quads.remainder() {
            h = fnv_step(h, b);
        }
        h = fnv_step(h, 0xff);
    }
    h
}

#[inline(always)]
fn fnv_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        for (word, long, short) in [
            ("Putin", "Xxxxx", "Xx"),
            ("KCNA", "XXXX", "X"),
            ("U.S.", "X.X.", "X.X."),
            ("Jong-un", "Xxxx-xx", "Xx-x"),
            ("1945", "dddd", "d"),
            ("Constantinople", "Xxxxxxxx", "Xx"),
        ] {
            assert_eq!(shape(word, false), long, "{word}");
            assert_eq!(shape(word, true), short, "{word}");
        }
    }

    #[test]
    fn features_differ_by_template_and_position() {
        let g = Gazetteer::default();
        let c = Casing::default();
        let k = Clusters::default();
        let b = Brown::default();
        let f = Frequency::default();
        let n = Names::default();
        let tokens = ["Putin", "met", "Kim"];
        let p = Prepared::new(
            &tokens,
            Lexicons {
                gazetteer: &g,
                casing: &c,
                clusters: &k,
                brown: &b,
                frequency: &f,
                names: &n,
            },
        );
        let mut a = Vec::new();
        let mut b = Vec::new();
        extract(&tokens, &p, 0, Convention::Names, &mut a);
        extract(&tokens, &p, 2, Convention::Names, &mut b);
        assert_eq!(a[0], b[0], "bias is shared");
        assert_ne!(a[1], b[1]);
        assert!(a.contains(&hash(41, &["Xx"])), "sentence-initial feature");
        assert!(!b.contains(&hash(41, &["Xx"])));
        // A noun-phrase sentence has every feature twice: shared, and its own copy.
        let mut np = Vec::new();
        extract(&tokens, &p, 0, Convention::NounPhrases, &mut np);
        assert_eq!(np.len(), 2 * a.len());
        assert_eq!(np[..a.len()], a[..]);
        assert!(np[a.len()..].iter().all(|f| !a.contains(f)));
    }
}
