//! The corpus: analyzed articles kept in memory, safe to share between threads.
//!
//! The interface is deliberately narrow (add, get, list a page, delete) so that a shared,
//! distributed store can replace this in-memory one without touching analysis code. Articles are
//! kept in insertion order under a monotonically increasing sequence number; page tokens are
//! sequence numbers, so paging stays correct while articles are added or deleted.
//!
//! Analysis runs outside the lock; the lock is held only to look up and insert, and insertion
//! re-checks for a racing add of the same id or content, so concurrent adds stay idempotent.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use parking_lot::RwLock;

use crate::analysis::{Analysis, Analyzer};
use crate::compare::prepared::Prepared;
use crate::compare::profile::Profile;
use crate::compare::stories::StoryIndex;
use crate::compare::{self, Comparison, IndexWork, Similarity};
use crate::document::{Document, Timestamp};
use crate::error::{Error, Result};
use crate::text::BlockKind;

/// An article in the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    /// Its id: the caller's, or derived from the content.
    pub id: String,
    /// The document as sent.
    pub document: Document,
    /// Its analysis.
    pub analysis: Analysis,
    /// When it was stored.
    pub added_at: Timestamp,
    /// Insertion sequence number, for ordering and paging.
    seq: u64,
    /// [`Document::content_digest`] of `document`.
    digest: [u8; 32],
    /// What the story index compares.
    profile: Arc<Profile>,
    /// What comparisons read of it.
    pub(crate) prepared: Prepared,
}

impl StoredArticle {
    /// Its headline: the caller's title, else a HEADLINE block before the body. (A heading
    /// among the paragraphs is a section's or a page widget's, "Backsliding Democracy" over a
    /// photo: an article without a title before its first paragraph has none.)
    pub fn title(&self) -> String {
        let title = self.document.title.trim();
        if !title.is_empty() {
            return title.to_owned();
        }
        self.analysis
            .segmentation
            .blocks
            .iter()
            .take_while(|b| b.kind != BlockKind::Body)
            .find(|b| b.kind == BlockKind::Headline)
            .map(|b| b.span.slice(&self.document.text).to_owned())
            .unwrap_or_default()
    }
}

/// Which articles to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleFilter {
    /// Only this outlet (compared case-insensitively).
    pub source: Option<String>,
    /// Only articles published at or after this time.
    pub published_after: Option<Timestamp>,
    /// Only articles published before this time.
    pub published_before: Option<Timestamp>,
}

impl ArticleFilter {
    fn matches(&self, article: &StoredArticle) -> bool {
        if let Some(source) = &self.source
            && !article
                .document
                .source
                .trim()
                .eq_ignore_ascii_case(source.trim())
        {
            return false;
        }
        if self.published_after.is_none() && self.published_before.is_none() {
            return true;
        }
        let Some(published) = article.document.published_at else {
            return false;
        };
        self.published_after.is_none_or(|after| published >= after)
            && self
                .published_before
                .is_none_or(|before| published < before)
    }
}

/// One page of a listing.
#[derive(Debug, Clone)]
pub struct Page {
    /// The articles, in insertion order.
    pub articles: Vec<Arc<StoredArticle>>,
    /// Token for the next page, when there is one.
    pub next_page_token: Option<String>,
}

#[derive(Debug, Default)]
struct Inner {
    by_seq: BTreeMap<u64, Arc<StoredArticle>>,
    by_id: HashMap<String, u64>,
    by_digest: HashMap<[u8; 32], u64>,
    stories: StoryIndex,
    next_seq: u64,
}

/// The in-memory corpus of analyzed articles.
#[derive(Debug)]
pub struct Corpus {
    analyzer: Analyzer,
    inner: RwLock<Inner>,
}

/// Longest accepted client id.
const MAX_ID_LEN: usize = 128;
/// Default and largest page sizes.
const DEFAULT_PAGE_SIZE: usize = 50;
const MAX_PAGE_SIZE: usize = 1000;

impl Corpus {
    /// An empty corpus analyzing with `analyzer` and holding at most
    /// `analyzer.limits().max_articles` articles.
    pub fn new(analyzer: Analyzer) -> Self {
        Self {
            analyzer,
            inner: RwLock::new(Inner::default()),
        }
    }

    /// The analyzer used for added articles.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Number of stored articles.
    pub fn len(&self) -> usize {
        self.inner.read().by_seq.len()
    }

    /// True when no article is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Analyzes and stores `document` under `id` (derived from the content when `None`).
    ///
    /// Idempotent: when the id, or the content, is already stored, returns the stored article
    /// and `false`. An id already used for different content is [`Error::AlreadyExists`].
    pub fn add(&self, id: Option<&str>, document: Document) -> Result<(Arc<StoredArticle>, bool)> {
        let id = id.map(str::trim).filter(|id| !id.is_empty());
        if let Some(id) = id {
            validate_id(id, "id")?;
        }
        let digest = document.content_digest();
        if let Some(existing) = self.existing(id, &digest)? {
            return Ok((existing, false));
        }
        let mut analysis = self.analyzer.analyze(&document)?;
        analysis.shrink_to_fit();
        let profile = Arc::new(Profile::new(&document, &analysis));
        let prepared = Prepared::new(&document, &analysis);

        let mut inner = self.inner.write();
        // Another caller may have stored the same id or content while we analyzed.
        if let Some(existing) = Self::existing_locked(&inner, id, &digest)? {
            return Ok((existing, false));
        }
        let max = self.analyzer.limits().max_articles;
        if inner.by_seq.len() >= max {
            return Err(Error::LimitExceeded {
                what: "number of articles in the corpus".into(),
                limit: max,
                actual: inner.by_seq.len() + 1,
            });
        }
        let id = match id {
            Some(id) => id.to_owned(),
            None => derived_id(&digest),
        };
        let seq = inner.next_seq;
        inner.next_seq += 1;
        let article = Arc::new(StoredArticle {
            id: id.clone(),
            document,
            analysis,
            added_at: Timestamp::now(),
            seq,
            digest,
            profile: Arc::clone(&profile),
            prepared,
        });
        inner.by_seq.insert(seq, Arc::clone(&article));
        inner.by_id.insert(id, seq);
        inner.by_digest.insert(digest, seq);
        inner.stories.add(seq, profile);
        Ok((article, true))
    }

    fn existing(&self, id: Option<&str>, digest: &[u8; 32]) -> Result<Option<Arc<StoredArticle>>> {
        Self::existing_locked(&self.inner.read(), id, digest)
    }

    /// The stored article this add resolves to, if any: by id first (which must then hold the
    /// same content), else by content.
    fn existing_locked(
        inner: &Inner,
        id: Option<&str>,
        digest: &[u8; 32],
    ) -> Result<Option<Arc<StoredArticle>>> {
        if let Some(id) = id
            && let Some(article) = inner.by_id.get(id).and_then(|seq| inner.by_seq.get(seq))
        {
            return if &article.digest == digest {
                Ok(Some(Arc::clone(article)))
            } else {
                Err(Error::AlreadyExists {
                    kind: "article",
                    id: id.to_owned(),
                })
            };
        }
        Ok(inner
            .by_digest
            .get(digest)
            .and_then(|seq| inner.by_seq.get(seq))
            .cloned())
    }

    /// The article stored under `id`.
    pub fn get(&self, id: &str) -> Result<Arc<StoredArticle>> {
        let inner = self.inner.read();
        inner
            .by_id
            .get(id)
            .and_then(|seq| inner.by_seq.get(seq))
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    /// Removes the article stored under `id` and returns it.
    pub fn delete(&self, id: &str) -> Result<Arc<StoredArticle>> {
        let mut inner = self.inner.write();
        let seq = inner.by_id.remove(id).ok_or_else(|| not_found(id))?;
        let article = inner
            .by_seq
            .remove(&seq)
            .ok_or_else(|| Error::Internal(format!("id {id:?} indexed without its article")))?;
        inner.by_digest.remove(&article.digest);
        inner.stories.remove(seq);
        Ok(article)
    }

    /// One page of the articles matching `filter`, in insertion order. `page_size` 0 means the
    /// default (50); `page_token` is `None` for the first page.
    pub fn list(
        &self,
        filter: &ArticleFilter,
        page_size: usize,
        page_token: Option<&str>,
    ) -> Result<Page> {
        let page_size = checked_page_size(page_size)?;
        let start = match page_token.filter(|t| !t.is_empty()) {
            None => 0,
            Some(token) => decode_page_token(token)?,
        };
        let inner = self.inner.read();
        let mut matching = inner
            .by_seq
            .range(start..)
            .map(|(_, article)| article)
            .filter(|article| filter.matches(article));
        let articles: Vec<_> = matching.by_ref().take(page_size).cloned().collect();
        let next_page_token = match (articles.last(), matching.next()) {
            (Some(last), Some(_)) => Some(encode_page_token(last.seq + 1)),
            _ => None,
        };
        Ok(Page {
            articles,
            next_page_token,
        })
    }
}

/// A story: articles the index found to report the same event.
#[derive(Debug, Clone)]
pub struct Story {
    /// Its id: `s-` and the id of its first article (so it changes when that article is
    /// deleted, or when the story merges into an older one).
    pub id: String,
    /// Its articles, in the order they were added.
    pub articles: Vec<Arc<StoredArticle>>,
}

/// One page of stories.
#[derive(Debug, Clone)]
pub struct StoryPage {
    /// The stories, in the order they began.
    pub stories: Vec<Story>,
    /// Token for the next page, when there is one.
    pub next_page_token: Option<String>,
}

/// An article related to another one, and how.
#[derive(Debug, Clone)]
pub struct Related {
    /// The related article.
    pub article: Arc<StoredArticle>,
    /// Its story's id.
    pub story_id: String,
    /// How the two compare.
    pub similarity: Similarity,
}

/// Most articles one comparison may name.
pub(crate) const MAX_COMPARED: usize = 100;

const STORY_PREFIX: &str = "s-";

impl Corpus {
    /// The work the story index has done since the corpus was created (for benchmarks and
    /// monitoring: the per-article work stays flat as the corpus grows).
    pub fn index_work(&self) -> IndexWork {
        self.inner.read().stories.work()
    }

    /// The id of the story article `id` belongs to.
    pub fn story_id(&self, id: &str) -> Result<String> {
        let inner = self.inner.read();
        let seq = *inner.by_id.get(id).ok_or_else(|| not_found(id))?;
        Self::story_id_locked(&inner, seq)
    }

    fn story_id_locked(inner: &Inner, seq: u64) -> Result<String> {
        let story = inner
            .stories
            .story_of(seq)
            .ok_or_else(|| Error::Internal(format!("article {seq} has no story")))?;
        let first = inner
            .by_seq
            .get(&story)
            .ok_or_else(|| Error::Internal(format!("story {story} has no first article")))?;
        Ok(format!("{STORY_PREFIX}{}", first.id))
    }

    fn story_locked(inner: &Inner, key: u64) -> Result<Story> {
        let members = inner
            .stories
            .members(key)
            .ok_or_else(|| Error::Internal(format!("story {key} vanished")))?;
        Ok(Story {
            id: Self::story_id_locked(inner, key)?,
            articles: members
                .iter()
                .filter_map(|seq| inner.by_seq.get(seq).cloned())
                .collect(),
        })
    }

    /// The story with id `story_id`.
    pub fn story(&self, story_id: &str) -> Result<Story> {
        let missing = || Error::NotFound {
            kind: "story",
            id: story_id.to_owned(),
        };
        let inner = self.inner.read();
        let article_id = story_id.strip_prefix(STORY_PREFIX).ok_or_else(missing)?;
        let seq = *inner.by_id.get(article_id).ok_or_else(missing)?;
        if inner.stories.story_of(seq) != Some(seq) {
            return Err(missing());
        }
        Self::story_locked(&inner, seq)
    }

    /// One page of the stories with at least `min_articles` articles, in the order they began.
    pub fn stories(
        &self,
        min_articles: usize,
        page_size: usize,
        page_token: Option<&str>,
    ) -> Result<StoryPage> {
        let page_size = checked_page_size(page_size)?;
        let start = match page_token.filter(|t| !t.is_empty()) {
            None => 0,
            Some(token) => decode_page_token(token)?,
        };
        let inner = self.inner.read();
        let mut matching = inner
            .stories
            .stories()
            .into_iter()
            .filter(|(key, members)| *key >= start && members.len() >= min_articles.max(1));
        let keys: Vec<u64> = matching.by_ref().take(page_size).map(|(k, _)| k).collect();
        let next_page_token = match (keys.last(), matching.next()) {
            (Some(last), Some(_)) => Some(encode_page_token(last + 1)),
            _ => None,
        };
        let stories = keys
            .into_iter()
            .map(|key| Self::story_locked(&inner, key))
            .collect::<Result<_>>()?;
        Ok(StoryPage {
            stories,
            next_page_token,
        })
    }

    /// The articles related to article `id`, strongest first: same-story ones and ones about
    /// the same actors or words on other occasions.
    pub fn related(&self, id: &str) -> Result<Vec<Related>> {
        let inner = self.inner.read();
        let seq = *inner.by_id.get(id).ok_or_else(|| not_found(id))?;
        let links = inner.stories.related(seq).unwrap_or_default();
        links
            .into_iter()
            .filter_map(|(other, similarity)| {
                let article = inner.by_seq.get(&other)?;
                Some((article, similarity))
            })
            .map(|(article, similarity)| {
                Ok(Related {
                    article: Arc::clone(article),
                    story_id: Self::story_id_locked(&inner, article.seq)?,
                    similarity,
                })
            })
            .collect()
    }

    /// Compares the articles `ids` (two or more, each once).
    pub fn compare(&self, ids: &[String]) -> Result<Comparison> {
        if ids.is_empty() {
            return Err(Error::invalid(
                "article_ids",
                "is empty; name the articles to compare",
            ));
        }
        if ids.len() > MAX_COMPARED {
            return Err(Error::LimitExceeded {
                what: "number of article_ids".into(),
                limit: MAX_COMPARED,
                actual: ids.len(),
            });
        }
        let mut articles: Vec<Arc<StoredArticle>> = Vec::with_capacity(ids.len());
        for id in ids {
            if articles.iter().any(|a| &a.id == id) {
                return Err(Error::invalid(
                    "article_ids",
                    format!("names {id:?} twice; name each article once"),
                ));
            }
            articles.push(self.get(id)?);
        }
        let refs: Vec<&StoredArticle> = articles.iter().map(Arc::as_ref).collect();
        Ok(compare::compare(&refs))
    }
}

fn checked_page_size(page_size: usize) -> Result<usize> {
    match page_size {
        0 => Ok(DEFAULT_PAGE_SIZE),
        n if n <= MAX_PAGE_SIZE => Ok(n),
        n => Err(Error::invalid(
            "page_size",
            format!("{n} is over the maximum of {MAX_PAGE_SIZE}"),
        )),
    }
}

fn not_found(id: &str) -> Error {
    Error::NotFound {
        kind: "article",
        id: id.to_owned(),
    }
}

/// Ids are caller-visible keys that end up in URLs and logs, so they are kept to a safe
/// alphabet.
pub(crate) fn validate_id(id: &str, field: &str) -> Result<()> {
    if id.len() > MAX_ID_LEN {
        return Err(Error::invalid(
            field,
            format!("is {} bytes long; ids are at most {MAX_ID_LEN}", id.len()),
        ));
    }
    if let Some(bad) = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-')))
    {
        return Err(Error::invalid(
            field,
            format!("contains {bad:?}; ids use only A-Z, a-z, 0-9 and . _ : -"),
        ));
    }
    Ok(())
}

/// `a-` and the first 8 bytes of the content digest in hex.
fn derived_id(digest: &[u8; 32]) -> String {
    let mut id = String::with_capacity(18);
    id.push_str("a-");
    for byte in &digest[..8] {
        id.push_str(&format!("{byte:02x}"));
    }
    id
}

/// Page tokens are opaque to callers: a version tag and the sequence number to resume from.
const PAGE_TOKEN_PREFIX: &str = "p1.";

fn encode_page_token(next_seq: u64) -> String {
    format!("{PAGE_TOKEN_PREFIX}{next_seq:x}")
}

fn decode_page_token(token: &str) -> Result<u64> {
    token
        .strip_prefix(PAGE_TOKEN_PREFIX)
        .filter(|hex| !hex.is_empty() && hex.len() <= 16)
        .and_then(|hex| u64::from_str_radix(hex, 16).ok())
        .ok_or_else(|| {
            Error::invalid(
                "page_token",
                format!(
                    "{token:?} is not a token returned by ListArticles; omit it for the first page"
                ),
            )
        })
}

#[cfg(test)]
mod tests;
