//! The tagger: an averaged structured perceptron (Collins 2002) over BILOU tags, decoded with
//! Viterbi under the BILOU constraints, trained by [`train`] and stored in a compact binary form.
//!
//! Why this model: it trains in seconds on the few hundred thousand annotated tokens available
//! here, is deterministic for a given seed, decodes at hundreds of thousands of tokens per second
//! per core, and its weights quantize to 16 bits with no measurable loss. A CRF would add
//! calibrated probabilities at several times the training cost; a neural tagger would need
//! pretrained embeddings, which cannot be obtained here.
//!
//! File format (little-endian): magic `PXNER\x01`, tag count (u8), scale (f32), the tag-to-tag
//! transition weights (f32, row = previous tag, with one extra row for the sentence start), the
//! feature count (u32), then per feature its hash (u64), a bit mask of the tags it has weights for
//! (u32) and one i16 per set bit; the weight is `i16 * scale`.

use std::collections::HashMap;

use super::EntityType;
use super::conll::Mention;
use super::features::{self, Convention, Lexicons, Prepared, TokenFeatures};
use super::gazetteer::{IdentityHash, Match};

/// Entity types the model tags, in tag order.
pub(crate) const TYPES: [EntityType; 6] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Location,
    EntityType::Nationality,
    EntityType::Event,
    EntityType::Other,
];

/// O, then B, I, L, U for each type.
pub(crate) const TAGS: usize = 1 + 4 * TYPES.len();

const MAGIC: &[u8; 6] = b"PXNER\x01";
/// A file holding two models: the sentence pass, then the document pass.
const MAGIC_TWO_PASS: &[u8; 6] = b"PXNER\x02";

/// The model file compiled into the binary (`models/ner.bin`).
pub const BUILTIN: &[u8] = include_bytes!("../../models/ner.bin");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Outside,
    Begin,
    Inside,
    Last,
    Unit,
}

fn part(tag: usize) -> (Part, usize) {
    if tag == 0 {
        return (Part::Outside, 0);
    }
    let t = (tag - 1) / 4;
    let p = match (tag - 1) % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    (p, t)
}

fn tag_of(p: Part, t: usize) -> usize {
    match p {
        Part::Outside => 0,
        Part::Begin => 1 + 4 * t,
        Part::Inside => 2 + 4 * t,
        Part::Last => 3 + 4 * t,
        Part::Unit => 4 + 4 * t,
    }
}

/// May `next` follow `prev` (`None` = sentence start)? The grammar [`viterbi`] builds in (as
/// [`CLOSERS`] and [`OPENERS`]); the tests hold it to this statement of it.
#[cfg(test)]
fn allowed(prev: Option<usize>, next: usize) -> bool {
    let (np, nt) = part(next);
    let open = prev
        .map(part)
        .filter(|(p, _)| matches!(p, Part::Begin | Part::Inside));
    match open {
        Some((_, pt)) => matches!(np, Part::Inside | Part::Last) && nt == pt,
        None => matches!(np, Part::Outside | Part::Begin | Part::Unit),
    }
}

fn can_end(tag: usize) -> bool {
    matches!(part(tag).0, Part::Outside | Part::Last | Part::Unit)
}

/// BILOU tags for `mentions` over `n` tokens; overlapping mentions keep the first (longest).
pub(crate) fn encode(n: usize, mentions: &[Mention]) -> Vec<usize> {
    let mut tags = vec![0; n];
    let mut sorted: Vec<&Mention> = mentions.iter().collect();
    sorted.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut free_from = 0;
    for m in sorted {
        let Some(t) = TYPES.iter().position(|&k| k == m.kind) else {
            continue;
        };
        if m.start < free_from || m.end > n || m.start >= m.end {
            continue;
        }
        if m.end - m.start == 1 {
            tags[m.start] = tag_of(Part::Unit, t);
        } else {
            tags[m.start] = tag_of(Part::Begin, t);
            for tag in &mut tags[m.start + 1..m.end - 1] {
                *tag = tag_of(Part::Inside, t);
            }
            tags[m.end - 1] = tag_of(Part::Last, t);
        }
        free_from = m.end;
    }
    tags
}

/// Mentions of a valid BILOU sequence.
pub(crate) fn decode(tags: &[usize]) -> Vec<Mention> {
    let mut mentions = Vec::new();
    let mut start = None;
    for (i, &tag) in tags.iter().enumerate() {
        let (p, t) = part(tag);
        match p {
            Part::Begin => start = Some(i),
            Part::Unit => mentions.push(Mention {
                start: i,
                end: i + 1,
                kind: TYPES[t],
            }),
            Part::Last => {
                if let Some(s) = start.take() {
                    mentions.push(Mention {
                        start: s,
                        end: i + 1,
                        kind: TYPES[t],
                    });
                }
            }
            Part::Inside | Part::Outside => {}
        }
    }
    mentions
}

/// A tagged mention with the model's margin for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    /// Tokens and type.
    pub mention: Mention,
    /// How much better the chosen tags scored than tagging the span O, per token, squashed
    /// into (0, 1).
    pub confidence: f32,
}

/// One feature's weights: the key and a dense row of 16-bit weights in one 64-byte cache line,
/// so scoring a feature costs one memory access. The tagger is bound by memory, not arithmetic:
/// a hash map with a separate weight array took three cache misses per feature.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(64))]
struct Row {
    /// The feature hash; 0 marks an empty slot (a real hash of 0 is stored as 1).
    key: u64,
    weights: [i16; TAGS],
}

/// Trained weights.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Open addressing with linear probing, at most half full; length a power of two.
    table: Vec<Row>,
    count: usize,
    /// Weight of one unit of a stored `i16`.
    scale: f32,
    /// `(TAGS + 1) x TAGS`; the last row is the sentence start.
    transitions: Vec<f32>,
    /// The document pass, when the file has one: a second model whose features add what this
    /// one tagged elsewhere in the document (`features::document_features`).
    second: Option<Box<Model>>,
}

fn slot_key(hash: u64) -> u64 {
    hash.max(1)
}

impl Model {
    fn row(&self, hash: u64) -> Option<&Row> {
        if self.table.is_empty() {
            return None;
        }
        let key = slot_key(hash);
        let mask = self.table.len() - 1;
        // FNV's high bits are the best mixed.
        let mut at = (key >> 32 ^ key) as usize & mask;
        loop {
            let row = &self.table[at];
            if row.key == key {
                return Some(row);
            }
            if row.key == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    /// Asks the CPU to start loading the row where the lookup of `hash` begins, without waiting.
    #[inline]
    fn prefetch(&self, hash: u64) {
        #[cfg(target_arch = "x86_64")]
        if !self.table.is_empty() {
            let key = slot_key(hash);
            let at = (key >> 32 ^ key) as usize & (self.table.len() - 1);
            let row: *const Row = &self.table[at];
            // SAFETY: `row` points into the table; a prefetch reads nothing architecturally and
            // cannot fault.
            unsafe {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(row.cast());
            }
        }
    }

    fn insert(table: &mut [Row], hash: u64, weights: [i16; TAGS]) {
        let key = slot_key(hash);
        let mask = table.len() - 1;
        let mut at = (key >> 32 ^ key) as usize & mask;
        while table[at].key != 0 && table[at].key != key {
            at = (at + 1) & mask;
        }
        table[at] = Row { key, weights };
    }

    /// The model compiled into the binary.
    pub fn builtin() -> &'static Model {
        static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| {
            Model::from_bytes(BUILTIN).expect("models/ner.bin is written by `parallax train ner`")
        })
    }

    /// Number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.count
    }

    /// Tags `tokens`: mentions in order, never overlapping.
    pub fn tag(
        &self,
        tokens: &[&str],
        lexicons: Lexicons<'_>,
        convention: Convention,
    ) -> Vec<Scored> {
        self.tag_with(
            tokens,
            &lexicons.gazetteer.find(tokens),
            lexicons,
            convention,
        )
    }

    /// [`Model::tag`] of `tokens` whose gazetteer matches (`Gazetteer::find`) are known.
    pub(crate) fn tag_with(
        &self,
        tokens: &[&str],
        places: &[Match],
        lexicons: Lexicons<'_>,
        convention: Convention,
    ) -> Vec<Scored> {
        if tokens.is_empty() {
            return Vec::new();
        }
        let prepared = Prepared::with_places(tokens, places, lexicons);
        let features = TokenFeatures::new(tokens, &prepared, convention);
        scored(&self.emissions(&features, None), &self.transitions)
    }

    /// Does the file hold a document pass ([`Model::tag_document`])?
    pub fn has_document_pass(&self) -> bool {
        self.second.is_some()
    }

    /// Tags the sentences of one document. Without a document pass, each sentence as
    /// [`Model::tag`] does; with one, the sentences are tagged once, and then again with what
    /// the first tagging said about each word elsewhere in the document.
    pub fn tag_document(
        &self,
        sentences: &[&[&str]],
        lexicons: Lexicons<'_>,
        convention: Convention,
    ) -> Vec<Vec<Scored>> {
        let places: Vec<Vec<Match>> = sentences
            .iter()
            .map(|tokens| lexicons.gazetteer.find(tokens))
            .collect();
        self.tag_document_with(sentences, &places, lexicons, convention)
    }

    /// [`Model::tag_document`] of sentences whose gazetteer matches are known, `places[s]` those
    /// of `sentences[s]`.
    pub(crate) fn tag_document_with(
        &self,
        sentences: &[&[&str]],
        places: &[Vec<Match>],
        lexicons: Lexicons<'_>,
        convention: Convention,
    ) -> Vec<Vec<Scored>> {
        let Some(second) = &self.second else {
            return sentences
                .iter()
                .zip(places)
                .map(|(tokens, places)| self.tag_with(tokens, places, lexicons, convention))
                .collect();
        };
        // Both passes read the same templates; they are hashed once.
        let features: Vec<TokenFeatures> = sentences
            .iter()
            .zip(places)
            .map(|(tokens, places)| {
                let prepared = Prepared::with_places(tokens, places, lexicons);
                TokenFeatures::new(tokens, &prepared, convention)
            })
            .collect();
        let mentions: Vec<Vec<Mention>> = features
            .iter()
            .map(|features| {
                let emissions = self.emissions(features, None);
                if emissions.is_empty() {
                    Vec::new()
                } else {
                    decode(&viterbi(&emissions, &self.transitions))
                }
            })
            .collect();
        let extra = features::document_features(sentences, &mentions);
        features
            .iter()
            .zip(&extra)
            .map(|(features, extra)| {
                let emissions = second.emissions(features, Some(extra));
                if emissions.is_empty() {
                    Vec::new()
                } else {
                    scored(&emissions, &second.transitions)
                }
            })
            .collect()
    }
}

/// The best tags for `emissions` as mentions, each with its confidence.
fn scored(emissions: &[f32], transitions: &[f32]) -> Vec<Scored> {
    {
        let tags = viterbi(emissions, transitions);
        decode(&tags)
            .into_iter()
            .map(|mention| {
                let mut margin = 0.0;
                for (i, row) in emissions
                    .chunks_exact(TAGS)
                    .enumerate()
                    .take(mention.end)
                    .skip(mention.start)
                {
                    margin += row[tags[i]] - row[0];
                }
                let per_token = margin / (mention.end - mention.start) as f32;
                Scored {
                    mention,
                    // Never 0 or 1: the margin of a linear model is not a certainty.
                    confidence: (1.0 / (1.0 + (-per_token / 2.0).exp())).clamp(0.001, 0.999),
                }
            })
            .collect()
    }
}

impl Model {
    /// Each token's score for each tag: the weights of its features, and of `extra[i]` for token
    /// `i` when given (the document pass's).
    fn emissions(&self, features: &TokenFeatures, extra: Option<&[Vec<u64>]>) -> Vec<f32> {
        let n = features.len();
        let mut scores = vec![0.0; n * TAGS];
        // The rows are scattered over a table far larger than the caches: the rows of the next
        // token are requested before this token's are summed, so that the memory fetches overlap
        // the arithmetic instead of stalling it.
        // (Two slices rather than one chained iterator: the chain's per-feature check for which
        // part it is in cost more than the prefetch.)
        let token = |i: usize| {
            let more = extra.map_or(&[][..], |extra| extra[i].as_slice());
            [features.of(i), more]
        };
        if n > 0 {
            token(0)
                .iter()
                .flat_map(|part| part.iter())
                .for_each(|&f| self.prefetch(f));
        }
        for (i, row) in scores.chunks_exact_mut(TAGS).enumerate() {
            if i + 1 < n {
                for part in token(i + 1) {
                    part.iter().for_each(|&f| self.prefetch(f));
                }
            }
            let mut sum = [0i32; TAGS];
            for part in token(i) {
                for &f in part {
                    if let Some(weights) = self.row(f) {
                        for (s, &w) in sum.iter_mut().zip(&weights.weights) {
                            *s += i32::from(w);
                        }
                    }
                }
            }
            for (r, s) in row.iter_mut().zip(sum) {
                *r = s as f32 * self.scale;
            }
        }
        scores
    }

    /// Reads the binary form.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        if let Some(rest) = bytes.strip_prefix(MAGIC_TWO_PASS) {
            let mut r = Reader { bytes: rest, at: 0 };
            let len = r.u32()? as usize;
            let first = r.take(len)?;
            let mut model = Self::from_bytes(first)?;
            let second = Self::from_bytes(&rest[r.at..])?;
            if second.second.is_some() {
                return Err("a document pass cannot have one of its own".into());
            }
            model.second = Some(Box::new(second));
            return Ok(model);
        }
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err("not a Parallax NER model (bad magic)".into());
        }
        let tags = r.take(1)?[0] as usize;
        if tags != TAGS {
            return Err(format!("model has {tags} tags, this build expects {TAGS}"));
        }
        let scale = r.f32()?;
        let mut transitions = Vec::with_capacity((TAGS + 1) * TAGS);
        for _ in 0..(TAGS + 1) * TAGS {
            transitions.push(r.f32()?);
        }
        let count = r.u32()? as usize;
        if count > bytes.len() / 12 {
            return Err("model file is truncated".into());
        }
        let empty = Row {
            key: 0,
            weights: [0; TAGS],
        };
        // Open addressing at a load of at most two thirds: the rows are cache lines, so the
        // table is most of the model's memory, and a half-empty one (the old sizing, twice the
        // count) doubled it to 64 MiB for the 340,000 features of the eight-shuffle model.
        let mut table = vec![empty; (count + count / 2).next_power_of_two().max(2)];
        for _ in 0..count {
            let hash = r.u64()?;
            let mask = r.u32()?;
            if mask >> TAGS != 0 {
                return Err("model has weights for tags it does not know".into());
            }
            let mut weights = [0i16; TAGS];
            let mut bits = mask;
            while bits != 0 {
                let tag = bits.trailing_zeros() as usize;
                weights[tag] = i16::from_le_bytes(r.take(2)?.try_into().map_err(|_| "short read")?);
                bits &= bits - 1;
            }
            Self::insert(&mut table, hash, weights);
        }
        if r.at != bytes.len() {
            return Err("trailing bytes after the model".into());
        }
        Ok(Model {
            table,
            count,
            scale,
            transitions,
            second: None,
        })
    }

    /// One file of two models: `first` tags sentences, `second` is the document pass (both in
    /// the single-model form [`Model::to_bytes`] writes).
    pub fn two_pass_bytes(first: &[u8], second: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(MAGIC_TWO_PASS.len() + 4 + first.len() + second.len());
        out.extend_from_slice(MAGIC_TWO_PASS);
        out.extend_from_slice(&(first.len() as u32).to_le_bytes());
        out.extend_from_slice(first);
        out.extend_from_slice(second);
        out
    }

    /// The sentence pass alone, in the single-model form (the whole file when it has no document
    /// pass).
    pub fn first_pass_bytes(bytes: &[u8]) -> &[u8] {
        match bytes.strip_prefix(MAGIC_TWO_PASS) {
            Some(rest) if rest.len() >= 4 => {
                let len = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
                rest.get(4..4 + len).unwrap_or(bytes)
            }
            _ => bytes,
        }
    }

    /// Writes the binary form, quantizing weights to 16 bits; weights that round to zero are
    /// dropped, and so are features left with none.
    pub fn to_bytes(dense: &HashMap<u64, [f32; TAGS]>, transitions: &[f32]) -> Vec<u8> {
        let max = dense
            .values()
            .flat_map(|row| row.iter())
            .fold(0.0f32, |m, w| m.max(w.abs()))
            .max(f32::MIN_POSITIVE);
        let scale = max / f32::from(i16::MAX);
        let mut rows: Vec<(u64, u32, Vec<i16>)> = Vec::new();
        for (&hash, row) in dense {
            let mut mask = 0u32;
            let mut values = Vec::new();
            for (tag, &w) in row.iter().enumerate() {
                let q = (w / scale).round() as i16;
                if q != 0 {
                    mask |= 1 << tag;
                    values.push(q);
                }
            }
            if mask != 0 {
                rows.push((hash, mask, values));
            }
        }
        rows.sort_unstable_by_key(|r| r.0);
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(TAGS as u8);
        out.extend_from_slice(&scale.to_le_bytes());
        for t in transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (hash, mask, values) in rows {
            out.extend_from_slice(&hash.to_le_bytes());
            out.extend_from_slice(&mask.to_le_bytes());
            for v in values {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("model file is truncated")?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().map_err(|_| "short read")?,
        ))
    }
    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().map_err(|_| "short read")?,
        ))
    }
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(
            self.take(4)?.try_into().map_err(|_| "short read")?,
        ))
    }
}

/// O, then two parts of every type in type order (`1` = B, `2` = I, `3` = L, `4` = U, as
/// [`tag_of`] numbers them): ascending tags.
const fn outside_and(first: usize, second: usize) -> [usize; 1 + 2 * TYPES.len()] {
    let mut out = [0; 1 + 2 * TYPES.len()];
    let mut t = 0;
    while t < TYPES.len() {
        out[1 + 2 * t] = first + 4 * t;
        out[2 + 2 * t] = second + 4 * t;
        t += 1;
    }
    out
}

/// Tags that close a mention or are outside one (O, L-x, U-x): exactly these may precede O,
/// B-x and U-x, which are [`OPENERS`].
const CLOSERS: [usize; 1 + 2 * TYPES.len()] = outside_and(3, 4);

/// O, B-x and U-x: the tags that may open a sentence or follow a closer.
const OPENERS: [usize; 1 + 2 * TYPES.len()] = outside_and(1, 4);

/// Lanes of the opener scores: the 13 openers padded to a width the compiler vectorizes.
const LANES: usize = 16;

/// The best tag sequence under the BILOU constraints.
///
/// BILOU makes the lattice two blocks: an opener (O, B-x, U-x) follows only a closer (O, L-x,
/// U-x), and I-x or L-x only B-x or I-x. The 13 x 13 closer-to-opener scores are computed a
/// whole row of openers at a time, without branches (the scalar loop's comparisons were
/// unpredictable and cost more than the arithmetic), and each I-x or L-x picks between its two
/// predecessors. Ties go to the lowest previous tag, as an exhaustive search in tag order would.
///
/// The forward pass keeps only the best scores, not which predecessor gave them: tracking that
/// for all 25 tags of every token took two thirds of the decoding, and the path needs it for one
/// tag per token. The backtrace recomputes it for that tag ([`predecessor`]), from the same
/// scores by the same sums in the same order, so it picks what a forward pass would have kept.
fn viterbi(emissions: &[f32], transitions: &[f32]) -> Vec<usize> {
    let n = emissions.len() / TAGS;
    if n == 0 {
        return Vec::new();
    }
    let start_row = TAGS * TAGS;
    let opening = opening_scores(transitions);
    // `scores[i][t]`: the best score of a path over tokens 0..=i ending in tag `t`.
    let mut scores = vec![[f32::NEG_INFINITY; TAGS]; n];
    for &t in &OPENERS {
        scores[0][t] = emissions[t] + transitions[start_row + t];
    }
    for (i, row) in emissions.chunks_exact(TAGS).enumerate().skip(1) {
        let previous = &scores[i - 1];
        let mut best = [f32::NEG_INFINITY; LANES];
        for (weights, &p) in opening.iter().zip(&CLOSERS) {
            let from = previous[p];
            for (b, &w) in best.iter_mut().zip(weights) {
                let score = from + w;
                *b = if score > *b { score } else { *b };
            }
        }
        let mut current = [f32::NEG_INFINITY; TAGS];
        for (j, &t) in OPENERS.iter().enumerate() {
            current[t] = best[j] + row[t];
        }
        for x in 0..TYPES.len() {
            for t in [2 + 4 * x, 3 + 4 * x] {
                current[t] = continuing(previous, transitions, t).0 + row[t];
            }
        }
        scores[i] = current;
    }
    let last = (0..TAGS)
        .filter(|&t| can_end(t))
        .max_by(|&a, &b| scores[n - 1][a].total_cmp(&scores[n - 1][b]))
        .unwrap_or(0);
    let mut tags = vec![0; n];
    tags[n - 1] = last;
    for i in (1..n).rev() {
        tags[i - 1] = predecessor(&scores[i - 1], &opening, transitions, tags[i]);
    }
    tags
}

/// Closer `k` to opener `j`: `opening[k][j]`; padding lanes never win.
fn opening_scores(transitions: &[f32]) -> [[f32; LANES]; CLOSERS.len()] {
    let mut opening = [[f32::NEG_INFINITY; LANES]; CLOSERS.len()];
    for (row, &p) in opening.iter_mut().zip(&CLOSERS) {
        for (weight, &t) in row.iter_mut().zip(&OPENERS) {
            *weight = transitions[p * TAGS + t];
        }
    }
    opening
}

/// The best way into I-x or L-x (`t`) from B-x or I-x, given the scores `previous` of the token
/// before: the score, and the tag it comes from (0 when neither is possible).
fn continuing(previous: &[f32; TAGS], transitions: &[f32], t: usize) -> (f32, usize) {
    let b = 1 + 4 * ((t - 1) / 4);
    let i = b + 1;
    let from_b = previous[b] + transitions[b * TAGS + t];
    let from_i = previous[i] + transitions[i * TAGS + t];
    if from_i > from_b {
        (from_i, i)
    } else if from_b > f32::NEG_INFINITY {
        (from_b, b)
    } else {
        (f32::NEG_INFINITY, 0)
    }
}

/// The tag before `t` on the best path to it, given the scores `previous` of the token before:
/// the choice [`viterbi`]'s forward pass makes, ties to the lowest tag (O when no way is
/// possible).
fn predecessor(
    previous: &[f32; TAGS],
    opening: &[[f32; LANES]; CLOSERS.len()],
    transitions: &[f32],
    t: usize,
) -> usize {
    let Some(j) = OPENERS.iter().position(|&o| o == t) else {
        return continuing(previous, transitions, t).1;
    };
    let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
    for (weights, &p) in opening.iter().zip(&CLOSERS) {
        let score = previous[p] + weights[j];
        if score > best {
            (best, arg) = (score, p);
        }
    }
    arg
}

/// One training sentence: tokens and gold mentions.
pub type Example = super::conll::Sentence;

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the shuffle; the same seed and data give the same model.
    pub seed: u64,
    /// Features seen fewer times than this are not learned.
    pub min_count: u32,
    /// Models trained on this many shuffles (seeds `seed`, `seed + 1`, ...) whose weights are
    /// averaged into one; 1 trains one model.
    pub shuffles: usize,
    /// Features whose every weight is this small or smaller are left out of the file (0 keeps
    /// all): an average of several models holds many that one of them saw once, which cost a
    /// row of memory and a probe each and decide nothing.
    pub min_weight: f32,
}

/// Weights before quantization: a row per feature hash, and the transitions.
type Dense = (HashMap<u64, [f32; TAGS]>, Vec<f32>);

/// Trains on `examples`, calling `report(epoch, model)` after each epoch (with the averaged
/// weights so far), and returns the final model's bytes.
///
/// With `config.shuffles` above 1, trains that many models, each on its own shuffle of the
/// data, and averages their weights (reporting only the average, after the last epoch). A
/// perceptron's result depends on the order it sees the sentences in: on the dev sets here one
/// seed's per-type F1 differs from the next by up to 4 points. The average of several orders
/// keeps what they agree on, which is steadier and, on the mean, better than one of them.
pub fn train(
    examples: &[Example],
    lexicons: Lexicons<'_>,
    config: TrainConfig,
    mut report: impl FnMut(usize, &Model),
) -> Vec<u8> {
    let prune = |rows: &mut HashMap<u64, [f32; TAGS]>| {
        rows.retain(|_, row| row.iter().any(|w| w.abs() > config.min_weight));
    };
    if config.shuffles <= 1 {
        let (mut rows, transitions) = train_with(examples, None, lexicons, config, report);
        prune(&mut rows);
        return Model::to_bytes(&rows, &transitions);
    }
    let mut sum: HashMap<u64, [f32; TAGS]> = HashMap::new();
    let mut transitions = vec![0.0f32; (TAGS + 1) * TAGS];
    for k in 0..config.shuffles {
        let one = TrainConfig {
            seed: config.seed.wrapping_add(k as u64),
            shuffles: 1,
            ..config
        };
        let (rows, trans) = train_with(examples, None, lexicons, one, |_, _| {});
        for (hash, row) in rows {
            let total = sum.entry(hash).or_insert([0.0; TAGS]);
            for (t, w) in total.iter_mut().zip(row) {
                *t += w;
            }
        }
        for (t, w) in transitions.iter_mut().zip(trans) {
            *t += w;
        }
    }
    let n = config.shuffles as f32;
    for row in sum.values_mut() {
        row.iter_mut().for_each(|w| *w /= n);
    }
    transitions.iter_mut().for_each(|w| *w /= n);
    prune(&mut sum);
    let bytes = Model::to_bytes(&sum, &transitions);
    let model = Model::from_bytes(&bytes).expect("a model this code just wrote reads back");
    report(config.epochs, &model);
    bytes
}

/// [`train`] with `extra[s][i]`, features of token `i` of sentence `s` beyond the templates
/// (the document pass's).
fn train_with(
    examples: &[Example],
    extra: Option<&[Vec<Vec<u64>>]>,
    lexicons: Lexicons<'_>,
    config: TrainConfig,
    mut report: impl FnMut(usize, &Model),
) -> Dense {
    // Features per token, as indices into a table of hashes seen at least `min_count` times.
    let mut counts: HashMap<u64, u32, IdentityHash> = HashMap::with_hasher(IdentityHash);
    let mut raw: Vec<Vec<Vec<u64>>> = Vec::with_capacity(examples.len());
    for (s, ex) in examples.iter().enumerate() {
        let tokens: Vec<&str> = ex.tokens.iter().map(String::as_str).collect();
        let prepared = Prepared::new(&tokens, lexicons);
        let mut sentence = Vec::with_capacity(tokens.len());
        for i in 0..tokens.len() {
            let mut feats = Vec::new();
            features::extract(&tokens, &prepared, i, ex.convention, &mut feats);
            if let Some(extra) = extra {
                feats.extend_from_slice(&extra[s][i]);
            }
            for &f in &feats {
                *counts.entry(f).or_default() += 1;
            }
            sentence.push(feats);
        }
        raw.push(sentence);
    }
    let mut index: HashMap<u64, u32, IdentityHash> = HashMap::with_hasher(IdentityHash);
    let mut hashes = Vec::new();
    let mut kept: Vec<(u64, u32)> = counts
        .into_iter()
        .filter(|&(_, c)| c >= config.min_count)
        .collect();
    kept.sort_unstable();
    for (h, _) in kept {
        index.insert(h, hashes.len() as u32);
        hashes.push(h);
    }
    let data: Vec<(Vec<Vec<u32>>, Vec<usize>)> = raw
        .into_iter()
        .zip(examples)
        .map(|(sentence, ex)| {
            let feats = sentence
                .into_iter()
                .map(|fs| fs.iter().filter_map(|f| index.get(f).copied()).collect())
                .collect();
            (feats, encode(ex.tokens.len(), &ex.mentions))
        })
        .collect();

    let nf = hashes.len();
    let mut w = vec![0.0f32; nf * TAGS];
    let mut u = vec![0.0f32; nf * TAGS];
    let mut tw = vec![0.0f32; (TAGS + 1) * TAGS];
    let mut tu = vec![0.0f32; (TAGS + 1) * TAGS];
    let mut c = 1.0f32;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = config.seed ^ 0x9e37_79b9_7f4a_7c15;
    let averaged = |w: &[f32], u: &[f32], tw: &[f32], tu: &[f32], c: f32| {
        let mut dense: HashMap<u64, [f32; TAGS]> = HashMap::new();
        for (k, &h) in hashes.iter().enumerate() {
            let mut row = [0.0; TAGS];
            for t in 0..TAGS {
                row[t] = w[k * TAGS + t] - u[k * TAGS + t] / c;
            }
            if row.iter().any(|&x| x != 0.0) {
                dense.insert(h, row);
            }
        }
        let trans: Vec<f32> = tw.iter().zip(tu).map(|(w, u)| w - u / c).collect();
        (dense, trans)
    };
    let mut emissions = Vec::new();
    for epoch in 1..=config.epochs {
        // Fisher-Yates with xorshift64*: deterministic for a seed.
        for i in (1..order.len()).rev() {
            rng ^= rng >> 12;
            rng ^= rng << 25;
            rng ^= rng >> 27;
            let r = rng.wrapping_mul(0x2545_f491_4f6c_dd1d);
            order.swap(i, (r % (i as u64 + 1)) as usize);
        }
        for &s in &order {
            let (feats, gold) = &data[s];
            if gold.is_empty() {
                continue;
            }
            emissions.clear();
            emissions.resize(gold.len() * TAGS, 0.0);
            for (i, fs) in feats.iter().enumerate() {
                let row = &mut emissions[i * TAGS..(i + 1) * TAGS];
                for &f in fs {
                    let base = f as usize * TAGS;
                    for (r, wt) in row.iter_mut().zip(&w[base..base + TAGS]) {
                        *r += wt;
                    }
                }
            }
            let guess = viterbi(&emissions, &tw);
            if guess != *gold {
                for (i, fs) in feats.iter().enumerate() {
                    if guess[i] == gold[i] {
                        continue;
                    }
                    for &f in fs {
                        let base = f as usize * TAGS;
                        w[base + gold[i]] += 1.0;
                        u[base + gold[i]] += c;
                        w[base + guess[i]] -= 1.0;
                        u[base + guess[i]] -= c;
                    }
                }
                for i in 0..gold.len() {
                    let row = |tags: &[usize]| {
                        if i == 0 {
                            TAGS * TAGS + tags[0]
                        } else {
                            tags[i - 1] * TAGS + tags[i]
                        }
                    };
                    let (g, p) = (row(gold), row(&guess));
                    if g != p {
                        tw[g] += 1.0;
                        tu[g] += c;
                        tw[p] -= 1.0;
                        tu[p] -= c;
                    }
                }
            }
            c += 1.0;
        }
        let (rows, transitions) = averaged(&w, &u, &tw, &tu, c);
        let bytes = Model::to_bytes(&rows, &transitions);
        let model = Model::from_bytes(&bytes).expect("a model this code just wrote reads back");
        report(epoch, &model);
    }
    averaged(&w, &u, &tw, &tu, c)
}

/// The documents of `examples`: ranges of sentences, each opening at `new_document`.
fn documents(examples: &[Example]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=examples.len() {
        if i == examples.len() || examples[i].new_document {
            out.push(start..i);
            start = i;
        }
    }
    out
}

/// Trains a document pass (Ratinov and Roth 2009) over a sentence pass and returns the file of
/// both ([`Model::two_pass_bytes`]).
///
/// The document pass is a second model with every feature of the first and those of what the
/// first tagged elsewhere in the document (`features::document_features`). It learns from
/// first-pass tags of the training documents, and a model tagging the documents it was trained
/// on would be far more right than on new text, teaching the document pass to trust it blindly.
/// So the training documents are split into `folds` parts, and each part is tagged by a
/// sentence pass trained on the others (jackknifing); a document's fold is a hash of its first
/// sentence, so the copies of a document a corpus weight adds fall into one fold. The sentence
/// pass kept is `first` when given (a model file), else one trained on everything. `report`
/// sees both passes after each epoch.
pub fn train_two_pass(
    examples: &[Example],
    lexicons: Lexicons<'_>,
    config: TrainConfig,
    folds: usize,
    first: Option<&[u8]>,
    mut report: impl FnMut(usize, &Model),
) -> Result<Vec<u8>, String> {
    let docs = documents(examples);
    let folds = folds.max(2);
    let fold_of = |range: &std::ops::Range<usize>| {
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for t in &examples[range.start].tokens {
            for b in t.to_lowercase().bytes().chain([0xff]) {
                h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        (h >> 32) as usize % folds
    };
    let doc_fold: Vec<usize> = docs.iter().map(fold_of).collect();
    let mut predicted: Vec<Vec<Mention>> = vec![Vec::new(); examples.len()];
    for fold in 0..folds {
        let rest: Vec<Example> = docs
            .iter()
            .zip(&doc_fold)
            .filter(|&(_, &f)| f != fold)
            .flat_map(|(r, _)| examples[r.clone()].iter().cloned())
            .collect();
        let model = Model::from_bytes(&train(&rest, lexicons, config, |_, _| {}))?;
        for (r, _) in docs.iter().zip(&doc_fold).filter(|&(_, &f)| f == fold) {
            for s in r.clone() {
                let tokens: Vec<&str> = examples[s].tokens.iter().map(String::as_str).collect();
                predicted[s] = model
                    .tag(&tokens, lexicons, examples[s].convention)
                    .into_iter()
                    .map(|found| found.mention)
                    .collect();
            }
        }
    }
    let mut extra = Vec::with_capacity(examples.len());
    for r in &docs {
        let sentences: Vec<Vec<&str>> = examples[r.clone()]
            .iter()
            .map(|e| e.tokens.iter().map(String::as_str).collect())
            .collect();
        let slices: Vec<&[&str]> = sentences.iter().map(Vec::as_slice).collect();
        extra.extend(features::document_features(&slices, &predicted[r.clone()]));
    }
    let first = match first {
        Some(bytes) => Model::first_pass_bytes(bytes).to_vec(),
        None => train(examples, lexicons, config, |_, _| {}),
    };
    let first_model = Model::from_bytes(&first)?;
    let (rows, transitions) =
        train_with(examples, Some(&extra), lexicons, config, |epoch, second| {
            let mut both = first_model.clone();
            both.second = Some(Box::new(second.clone()));
            report(epoch, &both);
        });
    Ok(Model::two_pass_bytes(
        &first,
        &Model::to_bytes(&rows, &transitions),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::brown::Brown;
    use crate::entities::casing::Casing;
    use crate::entities::clusters::Clusters;
    use crate::entities::frequency::Frequency;
    use crate::entities::gazetteer::Gazetteer;
    use crate::entities::names::Names;

    fn lexicons() -> Lexicons<'static> {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        static C: std::sync::OnceLock<Casing> = std::sync::OnceLock::new();
        static K: std::sync::OnceLock<Clusters> = std::sync::OnceLock::new();
        static B: std::sync::OnceLock<Brown> = std::sync::OnceLock::new();
        static F: std::sync::OnceLock<Frequency> = std::sync::OnceLock::new();
        static N: std::sync::OnceLock<Names> = std::sync::OnceLock::new();
        Lexicons {
            gazetteer: G.get_or_init(Gazetteer::default),
            casing: C.get_or_init(Casing::default),
            clusters: K.get_or_init(Clusters::default),
            brown: B.get_or_init(Brown::default),
            frequency: F.get_or_init(Frequency::default),
            names: N.get_or_init(Names::default),
        }
    }

    fn m(start: usize, end: usize, kind: EntityType) -> Mention {
        Mention { start, end, kind }
    }

    #[test]
    fn bilou_round_trip_and_constraints() {
        let mentions = vec![
            m(0, 2, EntityType::Person),
            m(3, 4, EntityType::Location),
            m(5, 8, EntityType::Organization),
        ];
        let tags = encode(9, &mentions);
        assert_eq!(decode(&tags), mentions);
        for pair in tags.windows(2) {
            assert!(allowed(Some(pair[0]), pair[1]), "{pair:?}");
        }
        // Overlaps keep the longer, earlier mention.
        let nested = encode(
            4,
            &[
                m(0, 3, EntityType::Organization),
                m(2, 3, EntityType::Location),
            ],
        );
        assert_eq!(decode(&nested), vec![m(0, 3, EntityType::Organization)]);
        assert!(!allowed(None, tag_of(Part::Inside, 0)));
        assert!(!allowed(
            Some(tag_of(Part::Begin, 0)),
            tag_of(Part::Last, 1)
        ));
        assert!(!can_end(tag_of(Part::Begin, 2)));
    }

    fn examples() -> Vec<Example> {
        let sentence = |words: &str, mentions: Vec<Mention>| Example {
            new_document: false,
            convention: Convention::Names,
            tokens: words.split(' ').map(str::to_owned).collect(),
            mentions,
        };
        let mut out = Vec::new();
        for (a, b) in [("Anna", "Berg"), ("Omar", "Haddad"), ("Lena", "Kovacs")] {
            for place in ["Oslo", "Lima", "Perth"] {
                out.push(sentence(
                    &format!("{a} {b} flew to {place} on Monday ."),
                    vec![m(0, 2, EntityType::Person), m(4, 5, EntityType::Location)],
                ));
                out.push(sentence(
                    &format!("the office of {a} {b} is in {place} ."),
                    vec![m(3, 5, EntityType::Person), m(7, 8, EntityType::Location)],
                ));
            }
        }
        out
    }

    #[test]
    fn learns_separable_data_deterministically_and_round_trips() {
        let g = lexicons();
        let config = TrainConfig {
            epochs: 5,
            seed: 7,
            min_count: 1,
            shuffles: 1,
            min_weight: 0.0,
        };
        let bytes = train(&examples(), g, config, |_, _| {});
        assert_eq!(bytes, train(&examples(), g, config, |_, _| {}));
        let model = Model::from_bytes(&bytes).unwrap();
        assert!(model.feature_count() > 0);
        let tagged = model.tag(
            &["Omar", "Haddad", "flew", "to", "Lima", "on", "Monday", "."],
            g,
            Convention::Names,
        );
        let kinds: Vec<_> = tagged
            .iter()
            .map(|s| (s.mention.start, s.mention.end, s.mention.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![(0, 2, EntityType::Person), (4, 5, EntityType::Location)]
        );
        assert!(
            tagged
                .iter()
                .all(|s| s.confidence > 0.5 && s.confidence < 1.0)
        );
    }

    #[test]
    fn document_pass_round_trips_and_tags_documents() {
        let g = lexicons();
        let config = TrainConfig {
            epochs: 3,
            seed: 3,
            min_count: 1,
            shuffles: 1,
            min_weight: 0.0,
        };
        // Two documents, so that each jackknife fold has one to learn from.
        let mut examples = examples();
        examples[0].new_document = true;
        examples[9].new_document = true;
        let first = train(&examples, g, config, |_, _| {});
        let bytes = train_two_pass(&examples, g, config, 2, Some(&first), |_, _| {}).unwrap();
        assert_eq!(Model::first_pass_bytes(&bytes), &first[..]);
        let model = Model::from_bytes(&bytes).unwrap();
        assert!(model.has_document_pass());
        assert!(!Model::from_bytes(&first).unwrap().has_document_pass());
        let sentences: [&[&str]; 3] = [
            &["Omar", "Haddad", "flew", "to", "Lima", "on", "Monday", "."],
            &[],
            &[
                "the", "office", "of", "Anna", "Berg", "is", "in", "Oslo", ".",
            ],
        ];
        let tagged = model.tag_document(&sentences, g, Convention::Names);
        let kinds: Vec<Vec<_>> = tagged
            .iter()
            .map(|found| {
                found
                    .iter()
                    .map(|s| (s.mention.start, s.mention.end, s.mention.kind))
                    .collect()
            })
            .collect();
        assert_eq!(
            kinds,
            vec![
                vec![(0, 2, EntityType::Person), (4, 5, EntityType::Location)],
                vec![],
                vec![(3, 5, EntityType::Person), (7, 8, EntityType::Location)],
            ]
        );
        // A file of two passes whose second has a second of its own is refused.
        let nested = Model::two_pass_bytes(&first, &bytes);
        assert!(Model::from_bytes(&nested).is_err());
    }

    /// The decoder as it was before the backtrace recomputed the predecessors: the reference the
    /// tests hold [`viterbi`] to.
    fn viterbi_with_back_pointers(emissions: &[f32], transitions: &[f32]) -> Vec<usize> {
        let n = emissions.len() / TAGS;
        if n == 0 {
            return Vec::new();
        }
        let start_row = TAGS * TAGS;
        // Closer `k` to opener `j`: `opening[k][j]`; padding lanes never win.
        let mut opening = [[f32::NEG_INFINITY; LANES]; CLOSERS.len()];
        for (row, &p) in opening.iter_mut().zip(&CLOSERS) {
            for (weight, &t) in row.iter_mut().zip(&OPENERS) {
                *weight = transitions[p * TAGS + t];
            }
        }
        let mut previous = [f32::NEG_INFINITY; TAGS];
        for &t in &OPENERS {
            previous[t] = emissions[t] + transitions[start_row + t];
        }
        let mut current = [f32::NEG_INFINITY; TAGS];
        let mut back = vec![0u8; n * TAGS];
        for (row, back_row) in emissions
            .chunks_exact(TAGS)
            .zip(back.chunks_exact_mut(TAGS))
            .skip(1)
        {
            let mut best = [f32::NEG_INFINITY; LANES];
            let mut arg = [0u32; LANES];
            for (weights, &p) in opening.iter().zip(&CLOSERS) {
                let from = previous[p];
                for ((b, a), &w) in best.iter_mut().zip(arg.iter_mut()).zip(weights) {
                    let score = from + w;
                    let better = score > *b;
                    *b = if better { score } else { *b };
                    *a = if better { p as u32 } else { *a };
                }
            }
            for (j, &t) in OPENERS.iter().enumerate() {
                current[t] = best[j] + row[t];
                back_row[t] = arg[j] as u8;
            }
            for x in 0..TYPES.len() {
                let (b, i) = (1 + 4 * x, 2 + 4 * x);
                for t in [i, 3 + 4 * x] {
                    let from_b = previous[b] + transitions[b * TAGS + t];
                    let from_i = previous[i] + transitions[i * TAGS + t];
                    let (score, p) = if from_i > from_b {
                        (from_i, i)
                    } else if from_b > f32::NEG_INFINITY {
                        (from_b, b)
                    } else {
                        (f32::NEG_INFINITY, 0)
                    };
                    current[t] = score + row[t];
                    back_row[t] = p as u8;
                }
            }
            std::mem::swap(&mut previous, &mut current);
        }
        let last = (0..TAGS)
            .filter(|&t| can_end(t))
            .max_by(|&a, &b| previous[a].total_cmp(&previous[b]))
            .unwrap_or(0);
        let mut tags = vec![0; n];
        tags[n - 1] = last;
        for i in (1..n).rev() {
            tags[i - 1] = usize::from(back[i * TAGS + tags[i]]);
        }
        tags
    }

    /// Reproducible pseudo-random numbers for the lattice tests (xorshift64).
    fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
        move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        }
    }

    #[test]
    fn viterbi_picks_what_back_pointers_picked() {
        // Weights in a few coarse steps, so that ties are common, and impossible transitions.
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        for round in 0..400 {
            let n = 1 + round % 9;
            let mut weight = || match next() % 8 {
                0 => f32::NEG_INFINITY,
                k => (k as f32 - 4.0) * 0.5,
            };
            let emissions: Vec<f32> = (0..n * TAGS).map(|_| weight().max(-2.0)).collect();
            let transitions: Vec<f32> = (0..(TAGS + 1) * TAGS).map(|_| weight()).collect();
            assert_eq!(
                viterbi(&emissions, &transitions),
                viterbi_with_back_pointers(&emissions, &transitions),
                "round {round}"
            );
        }
    }

    #[test]
    fn viterbi_finds_the_best_allowed_sequence() {
        // Every allowed sequence of up to three tags, scored in full, against the lattice's
        // answer, on pseudo-random weights (no ties).
        let mut random = xorshift(0x2545_f491_4f6c_dd1d);
        let mut next = || (random() >> 40) as f32 / (1u64 << 24) as f32 * 8.0 - 4.0;
        for n in 1..=3usize {
            for _ in 0..4 {
                let emissions: Vec<f32> = (0..n * TAGS).map(|_| next()).collect();
                let transitions: Vec<f32> = (0..(TAGS + 1) * TAGS).map(|_| next()).collect();
                let score = |tags: &[usize]| -> Option<f32> {
                    let mut total = 0.0;
                    let mut prev = None;
                    for (i, &t) in tags.iter().enumerate() {
                        if !allowed(prev, t) {
                            return None;
                        }
                        total +=
                            emissions[i * TAGS + t] + transitions[prev.unwrap_or(TAGS) * TAGS + t];
                        prev = Some(t);
                    }
                    can_end(tags[n - 1]).then_some(total)
                };
                let mut best: Option<(f32, Vec<usize>)> = None;
                for code in 0..TAGS.pow(n as u32) {
                    let tags: Vec<usize> =
                        (0..n).map(|i| code / TAGS.pow(i as u32) % TAGS).collect();
                    if let Some(total) = score(&tags)
                        && best.as_ref().is_none_or(|(b, _)| total > *b)
                    {
                        best = Some((total, tags));
                    }
                }
                let (_, want) = best.expect("all-O is always allowed");
                assert_eq!(viterbi(&emissions, &transitions), want, "n = {n}");
            }
        }
    }

    #[test]
    fn rejects_corrupt_files() {
        assert!(Model::from_bytes(b"").is_err());
        assert!(Model::from_bytes(b"PXNER\x01").is_err());
        let bytes = train(
            &examples(),
            lexicons(),
            TrainConfig {
                epochs: 1,
                seed: 1,
                min_count: 1,
                shuffles: 1,
                min_weight: 0.0,
            },
            |_, _| {},
        );
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Model::from_bytes(&longer).is_err());
    }
}
