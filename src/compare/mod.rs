//! Cross-source comparison: how several articles about one story agree and differ.
//!
//! [`compare`] reads analyzed articles and returns a [`Comparison`]: their entities linked
//! across articles with each article's spelling, the quotes they share (aligned, labelled and
//! diffed against the fullest wording), the numbers they attach to the same claims, the outlets
//! each credits, what each reports that no other does, and one timeline of their dates.
//! Every pass works from the per-article [`Analysis`](crate::Analysis) alone, so a comparison
//! is a pure function of its articles and costs nothing until asked for.
//!
//! The story index (`stories.rs`) decides, as articles arrive, which of them are one story.

pub(crate) mod align;
pub(crate) mod facts;
pub(crate) mod prepared;
pub(crate) mod profile;
pub(crate) mod stories;
mod union;
mod words;

use std::collections::HashMap;

pub use align::{Agreement, DiffOp, DiffPiece};
pub use facts::Verdict;
pub use stories::{IndexWork, Similarity};

use crate::corpus::StoredArticle;
use crate::dates::{DateSource, TimexType};
use crate::entities::{EntityType, MentionKind};
use crate::quotes::QuoteKind;
use crate::span::Span;
use words::name_key;

/// What a set of articles share and where they differ.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// The compared articles, in the order given.
    pub articles: Vec<ArticleSummary>,
    /// Statements quoted by two or more of the articles.
    pub shared_quotes: Vec<QuoteGroup>,
    /// Entities named in two or more of the articles, with each article's forms.
    pub name_variants: Vec<LinkedEntity>,
    /// Numbers attached to a claim, compared across articles.
    pub facts: Vec<Fact>,
    /// The outlets each article credits.
    pub cited_sources: Vec<ArticleSources>,
    /// What each article reports that none of the others does.
    pub coverage: Vec<ArticleCoverage>,
    /// Every dated event of the articles, earliest first.
    pub timeline: Vec<TimelineEntry>,
}

/// One compared article.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSummary {
    /// Its corpus id.
    pub id: String,
    /// Its outlet, as the caller gave it.
    pub source: String,
    /// Its headline: the caller's title, else the first HEADLINE block.
    pub title: String,
    /// Its publication date, when known.
    pub date: Option<time::Date>,
    /// Where that date came from.
    pub date_source: DateSource,
    /// True when the article's page stamp is contradicted: by the article itself (its
    /// [`crate::dates::DocumentDate::conflict`]; the stamp is then not its date), or by the story,
    /// its date being more than [`DATE_OUTLIER_DAYS`] from the median date of the compared
    /// articles (three or more dated).
    pub date_outlier: bool,
}

/// Days from the median date beyond which an article's date is flagged.
pub const DATE_OUTLIER_DAYS: u32 = 30;

/// One statement quoted by several articles.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteGroup {
    /// The speaker most articles give (people outvote organizations, which are often only the
    /// channel), when any does.
    pub speaker: Option<String>,
    /// The reference wording: the fullest form the most articles agree with.
    pub text: String,
    /// Each article's wording, the reference first.
    pub variants: Vec<QuoteVariant>,
}

/// One article's wording of a shared statement.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteVariant {
    /// The article.
    pub article_id: String,
    /// Index of the quote in the article's analysis.
    pub quote_index: usize,
    /// Span of the quote in the article's text.
    pub span: Span,
    /// Its text.
    pub text: String,
    /// Its relation to the reference wording.
    pub agreement: Agreement,
    /// Word diff against the reference (for truncated and variant wordings).
    pub diff: Vec<DiffPiece>,
    /// The speaker this article gives, linked across articles.
    pub speaker: Option<String>,
    /// The outlet this article credits for it, if any.
    pub cited_source: Option<String>,
}

/// An entity named in several of the articles.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkedEntity {
    /// Canonical name: the one most articles use.
    pub name: String,
    /// Its type.
    pub kind: EntityType,
    /// Each article's forms of the name, with mention counts.
    pub forms: Vec<NameForm>,
    /// True when the articles spell the full name differently ("Kim Jong-un" / "Kim Jong Un",
    /// "Luhansk" / "Lugansk", "KCNA" / "Korean Central News Agency").
    pub spellings_differ: bool,
}

/// How one article writes an entity's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameForm {
    /// The article.
    pub article_id: String,
    /// The form, as written.
    pub text: String,
    /// How many times the article writes it so.
    pub mentions: u32,
}

/// One claim with a number, across articles.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// The sentence stating it, from the first article that does.
    pub claim: String,
    /// Each article's value.
    pub values: Vec<FactValue>,
    /// Whether they agree.
    pub verdict: Verdict,
}

/// One article's number for a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct FactValue {
    /// The article.
    pub article_id: String,
    /// The value (ordinals as their number: "third" is 3).
    pub value: f64,
    /// True for an ordinal.
    pub ordinal: bool,
    /// The number and its noun as written ("100,000 “volunteers”").
    pub text: String,
    /// Its span in the article.
    pub span: Span,
    /// A qualifying word next to it ("outside", "behind", "more"), if any.
    pub qualifier: Option<String>,
}

/// The outlets one article credits.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSources {
    /// The article.
    pub article_id: String,
    /// The outlets, most credited first.
    pub sources: Vec<CitedSource>,
    /// Shared quotes this article carries without crediting any outlet.
    pub uncredited_shared_quotes: u32,
}

/// One outlet credited by an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedSource {
    /// The outlet's name (linked across articles).
    pub name: String,
    /// Sentences crediting it.
    pub count: u32,
    /// Compared articles published by this outlet (when the article cites another's).
    pub article_ids: Vec<String>,
}

/// What one article reports that the others do not.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleCoverage {
    /// The article.
    pub article_id: String,
    /// Its body sentences with a counterpart in another article.
    pub shared_sentences: u32,
    /// Its body sentences without one, in text order.
    pub unique_sentences: Vec<SentenceRef>,
}

/// A sentence of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceRef {
    /// Its span.
    pub span: Span,
    /// Its text.
    pub text: String,
}

/// One date on the merged timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    /// The TIMEX3 value ("1945-08-15", "2022-07", "2022-W32").
    pub value: String,
    /// What happened then, per article.
    pub events: Vec<DatedEvent>,
}

/// One article's event at a timeline date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedEvent {
    /// The article.
    pub article_id: String,
    /// The date expression as written.
    pub expression: String,
    /// Its span.
    pub span: Span,
    /// The sentence it dates.
    pub sentence: String,
}

/// Compares `articles`.
pub fn compare(articles: &[&StoredArticle]) -> Comparison {
    let linker = Linker::new(articles);
    let contents: Vec<Vec<(Span, Vec<u64>)>> = articles
        .iter()
        .enumerate()
        .map(|(a, article)| sentence_contents(article, a, &linker))
        .collect();
    let shared_quotes = shared_quotes(articles, &linker);
    let cited_sources = cited_sources(articles, &linker, &shared_quotes);
    let summaries = summaries(articles);
    Comparison {
        timeline: timeline(articles, &summaries),
        articles: summaries,
        name_variants: linker.linked(articles),
        facts: facts(articles, &contents),
        coverage: coverage(articles, &contents),
        shared_quotes,
        cited_sources,
    }
}

fn summaries(articles: &[&StoredArticle]) -> Vec<ArticleSummary> {
    let dates: Vec<Option<time::Date>> = articles
        .iter()
        .map(|a| a.analysis.document_date.date)
        .collect();
    let mut days: Vec<i32> = dates.iter().flatten().map(|d| d.to_julian_day()).collect();
    days.sort_unstable();
    let median = (days.len() >= 3).then(|| days[days.len() / 2]);
    articles
        .iter()
        .zip(dates)
        .map(|(a, date)| ArticleSummary {
            id: a.id.clone(),
            source: a.document.source.clone(),
            title: a.title(),
            date,
            date_source: a.analysis.document_date.source,
            date_outlier: a.analysis.document_date.conflict.is_some()
                || median
                    .zip(date)
                    .is_some_and(|(m, d)| d.to_julian_day().abs_diff(m) > DATE_OUTLIER_DAYS),
        })
        .collect()
}

/// Entities linked across articles: two entities of different articles are one when a full
/// name or a multi-word (or acronym) alias agrees by [`name_key`] and their types are
/// compatible (organization and place are confused often enough to be linked).
struct Linker {
    /// Per article, per entity index: the linked entity.
    link: Vec<Vec<usize>>,
    /// Per article, its mention spans with their linked entity, sorted by start.
    mentions: Vec<Vec<(Span, usize)>>,
    /// Display name of each linked entity.
    names: Vec<String>,
    /// Type of each linked entity.
    kinds: Vec<EntityType>,
}

impl Linker {
    fn new(articles: &[&StoredArticle]) -> Self {
        let mut nodes: Vec<(usize, usize)> = Vec::new();
        let mut by_key: HashMap<(String, u8), Vec<usize>> = HashMap::new();
        let class = |kind: EntityType| match kind {
            EntityType::Organization | EntityType::Location => 0u8,
            EntityType::Person => 1,
            EntityType::Nationality => 2,
            EntityType::Event => 3,
            EntityType::Other => 4,
        };
        for (a, article) in articles.iter().enumerate() {
            for (e, entity) in article.analysis.entities.iter().enumerate() {
                let node = nodes.len();
                nodes.push((a, e));
                let mut keys = vec![name_key(&entity.name)];
                for alias in &entity.aliases {
                    let multiword = alias.split_whitespace().count() > 1;
                    let acronym = alias.len() > 1 && alias.chars().all(|c| c.is_uppercase());
                    if multiword || (acronym && entity.kind != EntityType::Person) {
                        keys.push(name_key(alias));
                    }
                }
                keys.sort();
                keys.dedup();
                for key in keys.into_iter().filter(|k| !k.is_empty()) {
                    by_key
                        .entry((key, class(entity.kind)))
                        .or_default()
                        .push(node);
                }
            }
        }
        let mut sets = union::DisjointSets::new(nodes.len());
        for group in by_key.into_values() {
            for pair in group.windows(2) {
                sets.join(pair[0], pair[1]);
            }
        }
        let mut index_of_root: HashMap<usize, usize> = HashMap::new();
        let mut link: Vec<Vec<usize>> = articles
            .iter()
            .map(|a| vec![0; a.analysis.entities.len()])
            .collect();
        let mut votes: Vec<HashMap<&str, (u32, EntityType)>> = Vec::new();
        for (node, &(a, e)) in nodes.iter().enumerate() {
            let r = sets.root(node);
            let next = index_of_root.len();
            let id = *index_of_root.entry(r).or_insert(next);
            if id == votes.len() {
                votes.push(HashMap::new());
            }
            link[a][e] = id;
            let entity = &articles[a].analysis.entities[e];
            let vote = votes[id]
                .entry(entity.name.as_str())
                .or_insert((0, entity.kind));
            vote.0 += 1;
        }
        let (names, kinds) = votes
            .iter()
            .map(|v| {
                v.iter()
                    .max_by_key(|(name, (n, _))| (*n, name.len(), std::cmp::Reverse(*name)))
                    .map(|(name, (_, kind))| (name.to_string(), *kind))
                    .unwrap_or((String::new(), EntityType::Other))
            })
            .unzip();
        let mentions = articles
            .iter()
            .enumerate()
            .map(|(a, article)| {
                let mut spans: Vec<(Span, usize)> = article
                    .analysis
                    .entities
                    .iter()
                    .enumerate()
                    .flat_map(|(e, entity)| {
                        let linked = link[a][e];
                        entity.mentions.iter().map(move |m| (m.span, linked))
                    })
                    .collect();
                spans.sort_by_key(|(span, _)| (span.start, span.end));
                spans
            })
            .collect();
        Self {
            link,
            mentions,
            names,
            kinds,
        }
    }

    /// The linked entity of mention-bearing entity `entity_id` ("e3") of article `a`.
    fn of_id(&self, articles: &[&StoredArticle], a: usize, entity_id: &str) -> Option<usize> {
        articles[a]
            .analysis
            .entities
            .iter()
            .position(|e| e.id == entity_id)
            .map(|e| self.link[a][e])
    }

    /// The linked entity mentioned over `span` of article `a`.
    fn at(&self, a: usize, span: Span) -> Option<usize> {
        let mentions = &self.mentions[a];
        // Mentions do not nest, so the one containing `span` is the last starting at or before.
        let i = mentions.partition_point(|(m, _)| m.start <= span.start);
        mentions[..i]
            .iter()
            .rev()
            .take(2)
            .find(|(m, _)| m.contains(span))
            .map(|(_, linked)| *linked)
    }

    fn linked(&self, articles: &[&StoredArticle]) -> Vec<LinkedEntity> {
        let mut forms: Vec<Vec<NameForm>> = vec![Vec::new(); self.names.len()];
        for (a, article) in articles.iter().enumerate() {
            for (e, entity) in article.analysis.entities.iter().enumerate() {
                let list = &mut forms[self.link[a][e]];
                for m in entity
                    .mentions
                    .iter()
                    .filter(|m| m.kind == MentionKind::Name)
                {
                    let text = strip_possessive(m.span.slice(&article.document.text));
                    match list
                        .iter_mut()
                        .find(|f| f.article_id == article.id && f.text == text)
                    {
                        Some(f) => f.mentions += 1,
                        None => list.push(NameForm {
                            article_id: article.id.clone(),
                            text: text.to_owned(),
                            mentions: 1,
                        }),
                    }
                }
            }
        }
        let mut linked: Vec<(usize, LinkedEntity)> = forms
            .into_iter()
            .enumerate()
            .filter_map(|(id, forms)| {
                let mut in_articles: Vec<&str> =
                    forms.iter().map(|f| f.article_id.as_str()).collect();
                in_articles.sort_unstable();
                in_articles.dedup();
                if in_articles.len() < 2 {
                    return None;
                }
                // Each article's fullest form: do they differ?
                let mut fullest: Vec<&str> = in_articles
                    .iter()
                    .filter_map(|a| {
                        forms
                            .iter()
                            .filter(|f| f.article_id == *a)
                            .max_by_key(|f| (f.text.len(), f.mentions))
                            .map(|f| f.text.as_str())
                    })
                    .collect();
                fullest.sort_unstable();
                fullest.dedup();
                let total: u32 = forms.iter().map(|f| f.mentions).sum();
                Some((
                    total as usize,
                    LinkedEntity {
                        name: self.names[id].clone(),
                        kind: self.kinds[id],
                        spellings_differ: fullest.len() > 1,
                        forms,
                    },
                ))
            })
            .collect();
        linked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name.cmp(&b.1.name)));
        linked.into_iter().map(|(_, l)| l).collect()
    }
}

fn strip_possessive(text: &str) -> &str {
    text.strip_suffix("’s")
        .or_else(|| text.strip_suffix("'s"))
        .unwrap_or(text)
}

fn shared_quotes(articles: &[&StoredArticle], linker: &Linker) -> Vec<QuoteGroup> {
    let mut candidates = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        let quotes = &article.analysis.quotes;
        for (q, words) in article.prepared.quotes.iter().enumerate() {
            if let (Some(words), Some(quote)) = (words, quotes.get(q)) {
                candidates.push(align::Candidate {
                    article: a,
                    quote: q,
                    quoted: quote.kind != QuoteKind::Indirect,
                    text: quote.span.slice(&article.document.text),
                    words,
                });
            }
        }
    }
    let speaker_of = |c: &align::Candidate<'_>| -> Option<(String, EntityType)> {
        let quote = &articles[c.article].analysis.quotes[c.quote];
        let speaker = quote.speaker.as_ref()?;
        match speaker
            .entity_id
            .as_deref()
            .and_then(|id| linker.of_id(articles, c.article, id))
        {
            Some(linked) => Some((linker.names[linked].clone(), linker.kinds[linked])),
            None => Some((speaker.name.clone(), EntityType::Other)),
        }
    };
    let source_of = |c: &align::Candidate<'_>| -> Option<String> {
        let quote = &articles[c.article].analysis.quotes[c.quote];
        let source = quote.cited_source.as_ref()?;
        Some(
            source
                .entity_id
                .as_deref()
                .and_then(|id| linker.of_id(articles, c.article, id))
                .map_or_else(|| source.name.clone(), |l| linker.names[l].clone()),
        )
    };
    align::align(&candidates)
        .into_iter()
        .map(|members| {
            let mut votes: HashMap<String, u32> = HashMap::new();
            for m in &members {
                if let Some((name, kind)) = speaker_of(&candidates[m.candidate]) {
                    let weight = match kind {
                        EntityType::Person => 3,
                        EntityType::Organization => 1,
                        EntityType::Location
                        | EntityType::Nationality
                        | EntityType::Event
                        | EntityType::Other => 2,
                    };
                    *votes.entry(name).or_default() += weight;
                }
            }
            let speaker = votes
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(name, _)| name);
            let reference = &candidates[members[0].candidate];
            QuoteGroup {
                speaker,
                text: reference.text.to_owned(),
                variants: members
                    .into_iter()
                    .map(|m| {
                        let c = &candidates[m.candidate];
                        let quote = &articles[c.article].analysis.quotes[c.quote];
                        QuoteVariant {
                            article_id: articles[c.article].id.clone(),
                            quote_index: c.quote,
                            span: quote.span,
                            text: c.text.to_owned(),
                            agreement: m.agreement,
                            diff: m.diff,
                            speaker: speaker_of(c).map(|s| s.0),
                            cited_source: source_of(c),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

fn cited_sources(
    articles: &[&StoredArticle],
    linker: &Linker,
    groups: &[QuoteGroup],
) -> Vec<ArticleSources> {
    articles
        .iter()
        .enumerate()
        .map(|(a, article)| {
            let mut sources: Vec<CitedSource> = Vec::new();
            for credited in &article.prepared.credited {
                let name = credited
                    .entity_id
                    .as_deref()
                    .and_then(|id| linker.of_id(articles, a, id))
                    .map_or_else(|| credited.name.clone(), |l| linker.names[l].clone());
                match sources.iter_mut().find(|s| s.name == name) {
                    Some(s) => s.count += 1,
                    None => {
                        let key = name_key(&name);
                        let article_ids = articles
                            .iter()
                            .filter(|o| o.id != article.id && name_key(&o.document.source) == key)
                            .map(|o| o.id.clone())
                            .collect();
                        sources.push(CitedSource {
                            name,
                            count: 1,
                            article_ids,
                        });
                    }
                }
            }
            sources.sort_by(|x, y| y.count.cmp(&x.count).then(x.name.cmp(&y.name)));
            let uncredited_shared_quotes = groups
                .iter()
                .filter(|g| {
                    g.variants
                        .iter()
                        .any(|v| v.article_id == article.id && v.cited_source.is_none())
                        && !g
                            .variants
                            .iter()
                            .any(|v| v.article_id == article.id && v.cited_source.is_some())
                })
                .count() as u32;
            ArticleSources {
                article_id: article.id.clone(),
                sources,
                uncredited_shared_quotes,
            }
        })
        .collect()
}

/// The content of each BODY sentence of article `a`, sorted: stems of its content words, and
/// its entity mentions as their linked entity (so "Luhansk" and "Lugansk" are one word). Facts
/// match claims by it, coverage matches sentences by it.
fn sentence_contents(article: &StoredArticle, a: usize, linker: &Linker) -> Vec<(Span, Vec<u64>)> {
    article
        .prepared
        .sentences
        .iter()
        .map(|(span, tokens)| {
            let mut content: Vec<u64> = tokens
                .iter()
                .filter_map(|&token| match linker.at(a, token.span()) {
                    Some(linked) => Some(words::hash(&["#", &linked.to_string()])),
                    None => token.key(),
                })
                .collect();
            content.sort_unstable();
            content.dedup();
            (*span, content)
        })
        .collect()
}

fn coverage(
    articles: &[&StoredArticle],
    contents: &[Vec<(Span, Vec<u64>)>],
) -> Vec<ArticleCoverage> {
    // Every sentence of every article, and an inverted index from content to sentences, so a
    // sentence meets only the sentences it shares words with.
    let all: Vec<(usize, &Vec<u64>)> = contents
        .iter()
        .enumerate()
        .flat_map(|(a, sentences)| sentences.iter().map(move |(_, c)| (a, c)))
        .collect();
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, (_, content)) in all.iter().enumerate() {
        for term in content.iter() {
            postings.entry(*term).or_default().push(i as u32);
        }
    }
    let mut shared = vec![0u16; all.len()];
    let mut touched: Vec<u32> = Vec::new();
    articles
        .iter()
        .enumerate()
        .map(|(a, article)| {
            let mut shared_sentences = 0;
            let mut unique_sentences = Vec::new();
            for (span, content) in &contents[a] {
                if content.len() < 4 {
                    continue;
                }
                for term in content {
                    for &other in postings.get(term).map_or(&[][..], Vec::as_slice) {
                        if all[other as usize].0 != a {
                            if shared[other as usize] == 0 {
                                touched.push(other);
                            }
                            shared[other as usize] += 1;
                        }
                    }
                }
                let matched = touched.iter().any(|&o| {
                    let n = usize::from(shared[o as usize]);
                    n >= 3 && n * 2 >= content.len().min(all[o as usize].1.len())
                });
                for o in touched.drain(..) {
                    shared[o as usize] = 0;
                }
                if matched {
                    shared_sentences += 1;
                } else {
                    unique_sentences.push(SentenceRef {
                        span: *span,
                        text: span.slice(&article.document.text).to_owned(),
                    });
                }
            }
            ArticleCoverage {
                article_id: article.id.clone(),
                shared_sentences,
                unique_sentences,
            }
        })
        .collect()
}

fn facts(articles: &[&StoredArticle], contents: &[Vec<(Span, Vec<u64>)>]) -> Vec<Fact> {
    let mut found = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        let text = &article.document.text;
        let dates = &article.analysis.dates;
        let in_date = |span: Span| dates.iter().any(|d| d.span.contains(span));
        let sentences = article.analysis.segmentation.body_sentence_tokens();
        for ((sentence, tokens), (_, context)) in sentences.zip(&contents[a]) {
            found.extend(facts::find(&facts::SentenceInput {
                article: a,
                text,
                span: sentence.span,
                tokens,
                context,
                in_date: &in_date,
            }));
        }
    }
    let mut out: Vec<Fact> = facts::group(&found)
        .into_iter()
        .map(|(members, verdict)| {
            let first = &found[members[0]];
            Fact {
                claim: first
                    .sentence
                    .slice(&articles[first.article].document.text)
                    .to_owned(),
                values: members
                    .iter()
                    .map(|&m| {
                        let f = &found[m];
                        let article = articles[f.article];
                        FactValue {
                            article_id: article.id.clone(),
                            value: f.value,
                            ordinal: f.ordinal,
                            text: f.span.slice(&article.document.text).to_owned(),
                            span: f.span,
                            qualifier: f.qualifier.clone(),
                        }
                    })
                    .collect(),
                verdict,
            }
        })
        .collect();
    // Conflicts first, then agreements, then claims of one article.
    out.sort_by_key(|f| match f.verdict {
        Verdict::Differ => 0,
        Verdict::Qualified => 1,
        Verdict::Agree => 2,
        Verdict::Unique => 3,
    });
    out
}

/// The dated events of every article. Relative dates ("on Monday") of an article whose own date
/// contradicts the others' are left out: they were anchored to a stamp the story disputes.
fn timeline(articles: &[&StoredArticle], summaries: &[ArticleSummary]) -> Vec<TimelineEntry> {
    let mut entries: Vec<TimelineEntry> = Vec::new();
    for (article, summary) in articles.iter().zip(summaries) {
        let text = &article.document.text;
        for date in &article.analysis.dates {
            if (date.anchored && summary.date_outlier)
                || !matches!(date.kind, TimexType::Date | TimexType::Time)
                || !date
                    .value
                    .get(..4)
                    .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
            {
                continue;
            }
            let sentence = article
                .analysis
                .segmentation
                .sentences
                .iter()
                .find(|s| s.span.contains(date.span))
                .map_or(date.span, |s| s.span);
            let event = DatedEvent {
                article_id: article.id.clone(),
                expression: date.span.slice(text).to_owned(),
                span: date.span,
                sentence: sentence.slice(text).to_owned(),
            };
            match entries.iter_mut().find(|e| e.value == date.value) {
                Some(entry) => entry.events.push(event),
                None => entries.push(TimelineEntry {
                    value: date.value.clone(),
                    events: vec![event],
                }),
            }
        }
    }
    entries.sort_by_key(|e| sort_key(&e.value));
    entries
}

/// Orders TIMEX3 values by the first day they cover ("2022-W32" by its Monday), then by
/// value (coarser first).
fn sort_key(value: &str) -> (i32, u32, String) {
    let year: i32 = value.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    let rest = value.get(5..).unwrap_or("");
    let day_of_year = if let Some(week) = rest.strip_prefix('W') {
        week.get(..2)
            .and_then(|w| w.parse::<u32>().ok())
            .map_or(0, |w| w.saturating_sub(1) * 7 + 1)
    } else {
        let month: u32 = rest.get(..2).and_then(|m| m.parse().ok()).unwrap_or(0);
        let day: u32 = rest.get(3..5).and_then(|d| d.parse().ok()).unwrap_or(0);
        month.saturating_sub(1) * 31 + day
    };
    (year, day_of_year, value.to_owned())
}
