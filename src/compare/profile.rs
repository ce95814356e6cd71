//! What the story index keeps of an article: its content terms, its main entities, the word
//! 4-grams of its quotes and its publication day. Computed once, when the article is added.

use std::collections::HashMap;

use super::words::{folded_words, hash, is_content, name_key, stem};
use crate::analysis::Analysis;
use crate::dates::DateSource;
use crate::document::Document;
use crate::entities::EntityType;
use crate::quotes::QuoteKind;

/// Most content terms kept per article (the most frequent).
const MAX_TERMS: usize = 120;
/// Most entities kept per article (the most salient).
const MAX_ENTITIES: usize = 12;
/// Words per quote shingle.
pub(crate) const GRAM: usize = 4;

/// The comparable summary of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Profile {
    /// Publication day (Julian day number): the caller's date, else the one found in the text.
    pub(crate) day: Option<i32>,
    /// False when `day` comes only from a page stamp.
    pub(crate) day_is_firm: bool,
    /// Content-word stems (hashed) with their log term frequency, sorted by hash.
    pub(crate) terms: Vec<(u64, f32)>,
    /// Main entities: hash of the name key, display name, salience weight; most salient first.
    pub(crate) entities: Vec<(u64, String, f32)>,
    /// Word 4-gram hashes of each direct or long partial quote, sorted.
    pub(crate) quotes: Vec<Vec<u64>>,
}

impl Profile {
    /// The profile of an analyzed document.
    pub(crate) fn new(document: &Document, analysis: &Analysis) -> Self {
        // What Analyze read: the text with any markup blanked out, offsets unchanged.
        let masked = crate::text::mask_markup(&document.text);
        let text = masked.as_ref();
        // A page stamp ("December 28, 2024" atop a scraped page) is often the day the page was
        // captured or updated, not published, and an anniversary's day is only near it: such a
        // date places the article in the index but does not veto a story its content belongs to.
        let caller = document.publication_date().ok().flatten();
        let found = analysis.document_date.date;
        let day = caller.or(found).map(time::Date::to_julian_day);
        let day_is_firm = caller.is_some()
            || !matches!(
                analysis.document_date.source,
                DateSource::PageDate | DateSource::Anniversary
            );

        let mut counts: HashMap<u64, u32> = HashMap::new();
        for sentence in analysis.body_sentences() {
            for word in folded_words(sentence.span.slice(text)) {
                if is_content(&word) && !word.chars().all(|c| c.is_ascii_digit()) {
                    *counts.entry(hash(&[stem(&word)])).or_default() += 1;
                }
            }
        }
        let mut terms: Vec<(u64, f32)> = counts
            .into_iter()
            .map(|(term, n)| (term, 1.0 + (n as f32).ln()))
            .collect();
        terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        terms.truncate(MAX_TERMS);
        terms.sort_by_key(|t| t.0);

        let entities = analysis
            .entities
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EntityType::Person
                        | EntityType::Organization
                        | EntityType::Location
                        | EntityType::Event
                )
            })
            .map(|e| (name_key(&e.name), e))
            .filter(|(key, _)| key.chars().count() > 1)
            .map(|(key, e)| (hash(&[&key]), e.name.clone(), e.salience.max(0.05)))
            .take(MAX_ENTITIES)
            .collect();

        let quotes = analysis
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .map(|q| quote_grams(q.span.slice(text)))
            .filter(|grams| !grams.is_empty())
            .collect();
        Self {
            day,
            day_is_firm,
            terms,
            entities,
            quotes,
        }
    }
}

/// Sorted hashes of the word 4-grams of `text`; empty when it has fewer than five words.
pub(crate) fn quote_grams(text: &str) -> Vec<u64> {
    let words = folded_words(text);
    if words.len() <= GRAM {
        return Vec::new();
    }
    let mut grams: Vec<u64> = words
        .windows(GRAM)
        .map(|w| hash(&w.iter().map(String::as_str).collect::<Vec<_>>()))
        .collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// Number of elements two sorted slices share.
pub(crate) fn shared_sorted<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
