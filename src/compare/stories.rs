//! Incremental story clustering.
//!
//! Each added article is compared only with candidates found through an inverted index, never
//! with the whole corpus. Its keys are: its main entities and its most distinctive terms, each
//! within a publication week (an article probes its own week and the two beside it), its three
//! most salient entities whatever the date (for related stories on other occasions), and every
//! word 4-gram of its quotes (quotes travel between outlets, whatever the stamp says). Posting
//! lists are read from the newest end and at most [`PROBE_LIMIT`] deep ([`ANYTIME_PROBE_LIMIT`]
//! for the date-free ones), and at most [`MAX_COMPARED`] of the articles found are compared, so
//! the work of adding an article is bounded whatever the corpus size ([`IndexWork`] counts it).
//!
//! Two articles are the same story when they share quoted statements (and something of their
//! content: shared wording alone is a stock phrase), or when they were
//! published within a few days of each other and their content terms (TF-IDF cosine) and main
//! entities (salience-weighted overlap) agree. Same actors on a different occasion (a letter three
//! years later) share entities but neither quotes nor dates: a related story, not the same one.
//! Stories are the connected components of the same-story links; deleting an article recomputes
//! the components of its story, which may split it.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use super::profile::Profile;
use super::words::hash;

/// Deepest read into one posting list, newest first.
const PROBE_LIMIT: usize = 200;
/// Most terms of an article that become index keys (the highest TF-IDF ones).
const TERM_KEYS: usize = 8;
/// Most entities of an article indexed without a date (its most salient).
const ANYTIME_ENTITY_KEYS: usize = 3;
/// Deepest read into a date-free entity list: the newest articles about the same actors.
const ANYTIME_PROBE_LIMIT: usize = 50;
/// Most earlier articles compared with an added one: those sharing quote wording first, then
/// those found under the most keys.
const MAX_COMPARED: usize = 256;
/// Most links an article makes when added (same-story ones first, then the strongest).
const MAX_LINKS: usize = 40;
/// Days apart within which shared content alone makes one story.
const SAME_STORY_DAYS: u32 = 3;
/// Days apart within which one shared quote makes one story.
const SHARED_QUOTE_DAYS: u32 = 10;
/// Days apart within which two shared quotes make one story (politicians repeat themselves).
const SHARED_QUOTES_DAYS: u32 = 30;
/// Least similarity (0.5 text + 0.5 entities) for shared quotes to make one story.
const QUOTE_TOPIC_SIMILARITY: f32 = 0.1;
/// Least text similarity for close-in-time articles to be one story without shared quotes:
/// the same actors (every election article names the candidates) are not enough.
const SAME_STORY_TEXT: f32 = 0.3;
/// Similarity (0.5 text + 0.5 entities) from which close-in-time articles are one story.
const SAME_STORY_SIMILARITY: f32 = 0.42;
/// Similarity from which articles are reported as related.
const RELATED_SIMILARITY: f32 = 0.22;
/// Week bucket of undated articles.
const UNDATED: i64 = i64::MIN;

/// How two articles compare, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Similarity {
    /// Combined score in [0, 1]: half text, half entities, raised by shared quotes.
    pub score: f32,
    /// TF-IDF cosine of their content terms.
    pub text: f32,
    /// Salience-weighted overlap of their main entities.
    pub entities: f32,
    /// Quotes of the newer article that share wording with one of the other's.
    pub shared_quotes: u32,
    /// Days between their publication dates, when both are known.
    pub days_apart: Option<u32>,
    /// Names of the main entities both have, most salient first.
    pub shared_entities: Vec<String>,
    /// True when the two tell the same story.
    pub same_story: bool,
}

#[derive(Debug)]
struct Node {
    profile: Arc<Profile>,
    /// TF-IDF vector of its terms, unit length, weighted with the IDF of when it was added.
    vector: Vec<(u64, f32)>,
    keys: Vec<u64>,
    /// Its links, to earlier articles (at most [`MAX_LINKS`], made when it was added) and from
    /// later ones.
    links: Vec<Link>,
    story: u64,
}

/// A stored link: a [`Similarity`] without the shared names, which are read off the two
/// profiles when asked for (a link is kept at both ends, so it stays small).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Link {
    other: u64,
    score: f32,
    text: f32,
    entities: f32,
    shared_quotes: u32,
    days_apart: Option<u32>,
    same_story: bool,
}

impl Link {
    /// The same link seen from `other`.
    fn from(self, other: u64) -> Self {
        Self { other, ..self }
    }
}

/// The story index over article sequence numbers (the corpus maps them to ids).
#[derive(Debug, Default)]
pub(crate) struct StoryIndex {
    nodes: HashMap<u64, Node>,
    postings: HashMap<u64, Vec<u64>>,
    document_frequency: HashMap<u64, u32>,
    stories: HashMap<u64, BTreeSet<u64>>,
    work: IndexWork,
}

/// What the story index has done since it was created: the work an added article costs, which
/// the probe limits keep flat whatever the corpus size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IndexWork {
    /// Articles added.
    pub adds: u64,
    /// Posting-list entries read while looking for candidates.
    pub postings_read: u64,
    /// Candidates compared with the added article.
    pub candidates_compared: u64,
    /// Story members relabelled when stories merged.
    pub members_relabelled: u64,
}

impl StoryIndex {
    /// Adds article `seq` and links it to the articles it relates to. Returns its story.
    pub(crate) fn add(&mut self, seq: u64, profile: Arc<Profile>) -> u64 {
        for (term, _) in &profile.terms {
            *self.document_frequency.entry(*term).or_default() += 1;
        }
        let vector = self.vector(&profile.terms);
        let keys = self.keys(&profile);
        let newer = Newer::new(&profile, &vector);
        // For each earlier article found: how many of its keys it was found under, and how many
        // of its quote 4-grams it shares (fewer than two: no shared quote, the quote comparison
        // is skipped).
        let mut found: HashMap<u64, (u32, u32)> = HashMap::new();
        let mut read = 0u64;
        for (probe, limit, grams) in [
            (&keys.topics, PROBE_LIMIT, false),
            (&keys.anytime, ANYTIME_PROBE_LIMIT, false),
            (&keys.grams, PROBE_LIMIT, true),
        ] {
            for key in probe {
                let list = self.postings.get(key).map_or(&[][..], Vec::as_slice);
                for &other in list.iter().rev().take(limit) {
                    read += 1;
                    let (hits, gram_hits) = found.entry(other).or_default();
                    *if grams { gram_hits } else { hits } += 1;
                }
            }
        }
        // Compared: every article sharing quote wording, then those found under the most keys,
        // newest first, up to MAX_COMPARED.
        let mut ranked: Vec<(bool, u32, u64, u32)> = found
            .into_iter()
            .map(|(other, (hits, grams))| (grams >= 2, hits + grams, other, grams))
            .collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        ranked.truncate(MAX_COMPARED);
        self.work.adds += 1;
        self.work.postings_read += read;
        let mut compared = 0u64;
        let mut links: Vec<Link> = ranked
            .into_iter()
            .filter_map(|(_, _, other, gram_hits)| {
                compared += 1;
                let node = self.nodes.get(&other)?;
                let link = link(&newer, gram_hits, other, &node.profile, &node.vector);
                (link.same_story || link.shared_quotes > 0 || link.score >= RELATED_SIMILARITY)
                    .then_some(link)
            })
            .collect();
        self.work.candidates_compared += compared;
        // Same-story links are kept before merely related ones, however strong: stories are
        // built from them.
        links.sort_by(|a, b| b.same_story.cmp(&a.same_story).then(strongest_first(a, b)));
        links.truncate(MAX_LINKS);

        for key in &keys.post {
            self.postings.entry(*key).or_default().push(seq);
        }
        // Merge every story this article joins.
        let mut members = BTreeSet::from([seq]);
        for link in &links {
            if let Some(node) = self.nodes.get_mut(&link.other) {
                node.links.push(link.from(seq));
                if link.same_story
                    && let Some(story) = self.stories.remove(&node.story)
                {
                    members.extend(story);
                }
            }
        }
        self.nodes.insert(
            seq,
            Node {
                profile,
                vector,
                keys: keys.post,
                links,
                story: seq,
            },
        );
        self.set_story(members)
    }

    /// Removes article `seq`; its story is recomputed and may split.
    pub(crate) fn remove(&mut self, seq: u64) {
        let Some(node) = self.nodes.remove(&seq) else {
            return;
        };
        for (term, _) in &node.profile.terms {
            if let Some(n) = self.document_frequency.get_mut(term) {
                *n -= 1;
                if *n == 0 {
                    self.document_frequency.remove(term);
                }
            }
        }
        for key in &node.keys {
            if let Some(list) = self.postings.get_mut(key) {
                list.retain(|&s| s != seq);
                if list.is_empty() {
                    self.postings.remove(key);
                }
            }
        }
        for link in &node.links {
            if let Some(o) = self.nodes.get_mut(&link.other) {
                o.links.retain(|l| l.other != seq);
            }
        }
        let Some(mut rest) = self.stories.remove(&node.story) else {
            return;
        };
        rest.remove(&seq);
        // Connected components of what is left.
        while let Some(&start) = rest.iter().next() {
            let mut component = BTreeSet::new();
            let mut stack = vec![start];
            while let Some(s) = stack.pop() {
                if !rest.remove(&s) {
                    continue;
                }
                component.insert(s);
                if let Some(n) = self.nodes.get(&s) {
                    stack.extend(
                        n.links
                            .iter()
                            .filter(|l| l.same_story && rest.contains(&l.other))
                            .map(|l| l.other),
                    );
                }
            }
            self.set_story(component);
        }
    }

    /// The story of article `seq`.
    pub(crate) fn story_of(&self, seq: u64) -> Option<u64> {
        self.nodes.get(&seq).map(|n| n.story)
    }

    /// The members of story `story`, in insertion order.
    pub(crate) fn members(&self, story: u64) -> Option<&BTreeSet<u64>> {
        self.stories.get(&story)
    }

    /// Every story key with its members, in the order the stories began.
    pub(crate) fn stories(&self) -> Vec<(u64, &BTreeSet<u64>)> {
        let mut all: Vec<_> = self.stories.iter().map(|(k, v)| (*k, v)).collect();
        all.sort_by_key(|(k, _)| *k);
        all
    }

    /// The articles linked to `seq`, strongest first, with the main entities they share.
    pub(crate) fn related(&self, seq: u64) -> Option<Vec<(u64, Similarity)>> {
        let node = self.nodes.get(&seq)?;
        let mut links = node.links.clone();
        links.sort_by(strongest_first);
        Some(
            links
                .into_iter()
                .map(|l| {
                    let shared_entities = self
                        .nodes
                        .get(&l.other)
                        .map(|o| shared_names(&node.profile, &o.profile))
                        .unwrap_or_default();
                    let similarity = Similarity {
                        score: l.score,
                        text: l.text,
                        entities: l.entities,
                        shared_quotes: l.shared_quotes,
                        days_apart: l.days_apart,
                        shared_entities,
                        same_story: l.same_story,
                    };
                    (l.other, similarity)
                })
                .collect(),
        )
    }

    /// The work done so far.
    pub(crate) fn work(&self) -> IndexWork {
        self.work
    }

    fn set_story(&mut self, members: BTreeSet<u64>) -> u64 {
        let story = *members.first().unwrap_or(&0);
        self.work.members_relabelled += members.len() as u64;
        for s in &members {
            if let Some(node) = self.nodes.get_mut(s) {
                node.story = story;
            }
        }
        self.stories.insert(story, members);
        story
    }

    fn idf(&self, term: u64) -> f32 {
        let n = self.nodes.len() as f32 + 1.0;
        let df = self.document_frequency.get(&term).copied().unwrap_or(1) as f32;
        (1.0 + n / df).ln()
    }

    /// The keys `profile` is posted under, and the keys it probes.
    fn keys(&self, profile: &Profile) -> Keys {
        let week = profile.day.map_or(UNDATED, |d| i64::from(d).div_euclid(7));
        let weeks: Vec<i64> = if week == UNDATED {
            vec![UNDATED]
        } else {
            vec![week - 1, week, week + 1, UNDATED]
        };
        let mut top_terms: Vec<(u64, f32)> = profile
            .terms
            .iter()
            .map(|&(t, tf)| (t, tf * self.idf(t)))
            .collect();
        top_terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let topics = profile
            .entities
            .iter()
            .take(6)
            .map(|(key, _, _)| ("e", *key))
            .chain(top_terms.iter().take(TERM_KEYS).map(|(t, _)| ("t", *t)));
        let mut keys = Keys::default();
        for (kind, topic) in topics {
            let topic = topic.to_string();
            keys.post.push(hash(&[kind, &topic, &week.to_string()]));
            keys.topics
                .extend(weeks.iter().map(|w| hash(&[kind, &topic, &w.to_string()])));
        }
        // The main actors whatever the date, for related stories on other occasions.
        for (key, _, _) in profile.entities.iter().take(ANYTIME_ENTITY_KEYS) {
            keys.anytime.push(hash(&["a", &key.to_string()]));
        }
        for grams in &profile.quotes {
            for gram in grams {
                keys.grams.push(hash(&["q", &gram.to_string()]));
            }
        }
        keys.post.extend(&keys.anytime);
        keys.post.extend(&keys.grams);
        for list in [
            &mut keys.post,
            &mut keys.topics,
            &mut keys.anytime,
            &mut keys.grams,
        ] {
            list.sort_unstable();
            list.dedup();
        }
        keys
    }

    /// `terms` weighted by TF-IDF and scaled to unit length.
    fn vector(&self, terms: &[(u64, f32)]) -> Vec<(u64, f32)> {
        let mut vector: Vec<(u64, f32)> =
            terms.iter().map(|&(t, tf)| (t, tf * self.idf(t))).collect();
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut vector {
                *w /= norm;
            }
        }
        vector
    }
}

/// The index keys of one article.
#[derive(Debug, Default)]
struct Keys {
    /// Keys it is posted under.
    post: Vec<u64>,
    /// Entity and term keys of its week and the weeks beside it.
    topics: Vec<u64>,
    /// Its main entities, whatever the date.
    anytime: Vec<u64>,
    /// Its quotes' 4-grams.
    grams: Vec<u64>,
}

/// The article being added, prepared for comparison with each candidate.
struct Newer<'p> {
    profile: &'p Profile,
    vector: &'p [(u64, f32)],
    /// Which of its quotes each quote 4-gram belongs to.
    gram_quotes: HashMap<u64, Vec<usize>>,
}

impl<'p> Newer<'p> {
    fn new(profile: &'p Profile, vector: &'p [(u64, f32)]) -> Self {
        let mut gram_quotes: HashMap<u64, Vec<usize>> = HashMap::new();
        for (q, grams) in profile.quotes.iter().enumerate() {
            for gram in grams {
                gram_quotes.entry(*gram).or_default().push(q);
            }
        }
        Self {
            profile,
            vector,
            gram_quotes,
        }
    }

    /// How many of its quotes share wording with one of `other`'s: two 4-grams or more,
    /// covering 30% of the shorter quote. One pass over `other`'s grams.
    fn shared_quotes(&self, other: &Profile) -> u32 {
        let quotes = &self.profile.quotes;
        let mut matched = vec![false; quotes.len()];
        let mut counts = vec![0usize; quotes.len()];
        for theirs in &other.quotes {
            counts.fill(0);
            for gram in theirs {
                for &q in self.gram_quotes.get(gram).map_or(&[][..], Vec::as_slice) {
                    counts[q] += 1;
                }
            }
            for (q, &shared) in counts.iter().enumerate() {
                if shared >= 2 && shared * 10 >= quotes[q].len().min(theirs.len()) * 3 {
                    matched[q] = true;
                }
            }
        }
        matched.iter().filter(|&&m| m).count() as u32
    }
}

/// Strongest link first; ties by the older article.
fn strongest_first(a: &Link, b: &Link) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then(a.other.cmp(&b.other))
}

/// How the newer article compares with article `other` (profile `b`, TF-IDF vector `vb`).
fn link(newer: &Newer<'_>, gram_hits: u32, other: u64, b: &Profile, vb: &[(u64, f32)]) -> Link {
    let a = newer.profile;
    let text = dot(newer.vector, vb);
    let entities = entity_overlap(a, b);
    let shared_quotes = if gram_hits < 2 {
        0
    } else {
        newer.shared_quotes(b)
    };
    let days_apart = a.day.zip(b.day).map(|(x, y)| x.abs_diff(y));
    let base = 0.5 * text + 0.5 * entities;
    let score = (base + 0.15 * shared_quotes.min(2) as f32).min(1.0);
    // Dates from page stamps do not keep apart articles that quote the same statements.
    let firm_days = days_apart.filter(|_| a.day_is_firm && b.day_is_firm);
    let within = |days: u32| firm_days.is_none_or(|d| d <= days);
    // Shared wording with nothing else in common is a stock phrase ("a lot of people are
    // saying"), not one statement reported twice.
    let quoted = base >= QUOTE_TOPIC_SIMILARITY;
    let same_story = (quoted && shared_quotes >= 2 && within(SHARED_QUOTES_DAYS))
        || (quoted && shared_quotes >= 1 && within(SHARED_QUOTE_DAYS))
        || (days_apart.is_none_or(|d| d <= SAME_STORY_DAYS)
            && base >= SAME_STORY_SIMILARITY
            && text >= SAME_STORY_TEXT);
    Link {
        other,
        score,
        text,
        entities,
        shared_quotes,
        days_apart,
        same_story,
    }
}

/// Dot product of two sparse vectors sorted by term.
fn dot(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot.min(1.0)
}

/// Salience-weighted overlap coefficient of two articles' main entities.
fn entity_overlap(a: &Profile, b: &Profile) -> f32 {
    let total = |p: &Profile| p.entities.iter().map(|e| e.2).sum::<f32>();
    let smaller = total(a).min(total(b));
    if smaller <= 0.0 {
        return 0.0;
    }
    let shared: f32 = a
        .entities
        .iter()
        .filter_map(|(key, _, weight)| {
            let (_, _, other) = b.entities.iter().find(|e| &e.0 == key)?;
            Some(weight.min(*other))
        })
        .sum();
    (shared / smaller).min(1.0)
}

/// Names of the main entities of `a` that `b` also has, most salient first.
fn shared_names(a: &Profile, b: &Profile) -> Vec<String> {
    a.entities
        .iter()
        .filter(|(key, _, _)| b.entities.iter().any(|e| &e.0 == key))
        .map(|(_, name, _)| name.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A profile about one speaker whose quotes are the given gram lists, on day `day`.
    fn quoting(day: i32, quotes: &[&[u64]]) -> Arc<Profile> {
        Arc::new(Profile {
            day: Some(day),
            day_is_firm: true,
            terms: Vec::new(),
            entities: vec![(99, "speaker".into(), 1.0)],
            quotes: quotes.iter().map(|q| q.to_vec()).collect(),
        })
    }

    #[test]
    fn stories_merge_through_shared_quotes_and_split_when_the_bridge_goes() {
        let mut index = StoryIndex::default();
        let (q1, q2, q3, q4): (&[u64], &[u64], &[u64], &[u64]) =
            (&[1, 2, 3], &[4, 5, 6], &[7, 8, 9], &[10, 11, 12]);
        assert_eq!(index.add(0, quoting(100, &[q1, q2])), 0);
        assert_eq!(index.add(1, quoting(120, &[q3, q4])), 1);
        // Article 2 quotes both: it joins them into one story, the oldest one's.
        assert_eq!(index.add(2, quoting(110, &[q1, q2, q3, q4])), 0);
        assert_eq!(index.members(0).unwrap().len(), 3);
        assert_eq!(index.story_of(1), Some(0));
        let related = index.related(2).unwrap();
        assert!(
            related
                .iter()
                .all(|(_, s)| s.same_story && s.shared_quotes == 2)
        );

        index.remove(2);
        assert_eq!(index.story_of(0), Some(0));
        assert_eq!(index.story_of(1), Some(1));
        assert_eq!(index.stories().len(), 2);
        // Same speaker, weeks apart, no shared quote: related at most.
        assert!(
            index
                .related(0)
                .unwrap()
                .iter()
                .all(|(other, s)| *other == 1 && !s.same_story)
        );
    }

    /// A profile about the given entities (equal salience), on day `day`.
    fn about(day: i32, entities: &[u64]) -> Arc<Profile> {
        Arc::new(Profile {
            day: Some(day),
            day_is_firm: true,
            terms: Vec::new(),
            entities: entities
                .iter()
                .map(|&e| (e, format!("e{e}"), 1.0))
                .collect(),
            quotes: Vec::new(),
        })
    }

    #[test]
    fn related_articles_come_strongest_first_whenever_they_were_added() {
        let mut index = StoryIndex::default();
        index.add(0, about(100, &[1, 2, 3, 4]));
        // Shares two entities of four, then all four: the later link is the stronger one.
        index.add(1, about(100, &[1, 2, 10, 11]));
        index.add(2, about(100, &[1, 2, 3, 4]));
        let related = index.related(0).unwrap();
        let order: Vec<u64> = related.iter().map(|(other, _)| *other).collect();
        assert_eq!(order, vec![2, 1]);
        assert!(related[0].1.score > related[1].1.score);
        assert_eq!(related[0].1.shared_entities, vec!["e1", "e2", "e3", "e4"]);
        assert_eq!(related[1].1.shared_entities, vec!["e1", "e2"]);
    }

    #[test]
    fn an_article_sharing_a_quote_is_compared_however_many_others_match_more_keys() {
        let mut index = StoryIndex::default();
        let quote: &[u64] = &[41, 42, 43, 44];
        index.add(0, quoting(100, &[quote]));
        // More same-week articles about the same actors than are ever compared.
        for seq in 1..=(MAX_COMPARED as u64 + 50) {
            index.add(seq, about(100, &[1 + seq % 3]));
        }
        let before = index.work();
        let seq = MAX_COMPARED as u64 + 51;
        let newer = Arc::new(Profile {
            quotes: vec![quote.to_vec()],
            ..(*about(100, &[1, 2, 3, 99])).clone()
        });
        index.add(seq, newer);
        let work = index.work();
        assert_eq!(
            work.candidates_compared - before.candidates_compared,
            MAX_COMPARED as u64
        );
        let related = index.related(seq).unwrap();
        assert!(
            related
                .iter()
                .any(|(other, s)| *other == 0 && s.shared_quotes == 1 && s.same_story),
            "{related:?}"
        );
        assert_eq!(index.story_of(0), index.story_of(seq));
    }

    #[test]
    fn shared_wording_with_nothing_else_in_common_is_not_one_story() {
        let mut index = StoryIndex::default();
        let phrase: &[u64] = &[7, 8, 9];
        index.add(0, quoting(100, &[phrase]));
        let unrelated = Arc::new(Profile {
            quotes: vec![phrase.to_vec()],
            ..(*about(101, &[5, 6])).clone()
        });
        index.add(1, unrelated);
        assert_ne!(index.story_of(0), index.story_of(1));
        let (other, similarity) = &index.related(1).unwrap()[0];
        assert_eq!((*other, similarity.shared_quotes), (0, 1));
        assert!(!similarity.same_story);
    }

    #[test]
    fn one_shared_quote_far_apart_in_time_is_related_not_the_same_story() {
        let mut index = StoryIndex::default();
        index.add(0, quoting(100, &[&[1, 2, 3]]));
        index.add(1, quoting(1200, &[&[1, 2, 3]]));
        assert_eq!(index.story_of(1), Some(1));
        let (other, similarity) = &index.related(1).unwrap()[0];
        assert_eq!(*other, 0);
        assert!(!similarity.same_story);
        assert_eq!(similarity.days_apart, Some(1100));
    }
}
